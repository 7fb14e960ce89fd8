/* test-contract-worklist.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "contract-fixtures.h"
#include "jy-contract-counts.h"
#include "jy-contract-worklist.h"
#include "jy-resident-store.h"

/* The worklists on a hand-built centre, today 2026-03-15 (Q1):
 *
 *   1 陈秀英 70  team 1, doctor 1, signed 2025-06-01; never contacted, no check
 *   2 刘建国 40  team 1, doctor 8, signed 2025-04-01 (ends 2026-03-31);
 *                contacted 2026-02-10
 *   3 黄小宝  3  team 2, doctor 4, signed 2025-10-01; never contacted
 *   4 林丽华 30  team 2, doctor 4, signed 2025-03-25 (ends 2026-03-24)
 *   5 吴志强 76  team 2, never signed, no check
 *   6 郑美玲 65  team 1, doctor 1, signed 2026-02-01 (Q1 partly covered);
 *                checked 2026-01-20
 *   7 何大伟 68  team 1, doctor 1, signed 2025-03-20 (ends 2026-03-19),
 *                renewed 2026-03-01; contacted 2025-11-05; checked 2025-06-01
 *   8 马小红 35  team 2, doctor 4, signed 2025-03-30, terminated 2026-03-01 */

static void
build_centre (ContractFixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) c1 = contract_sign (fx, 1, 1, "2025-06-01", NULL, &error);
  g_autoptr(JyContract) c2 = contract_sign_with (fx, 2, 1, 8, "2025-04-01", NULL, &error);
  g_autoptr(JyContract) c3 = contract_sign (fx, 3, 2, "2025-10-01", NULL, &error);
  g_autoptr(JyContract) c4 = contract_sign (fx, 4, 2, "2025-03-25", NULL, &error);
  g_autoptr(JyContract) c6 = contract_sign (fx, 6, 1, "2026-02-01", NULL, &error);
  g_autoptr(JyContract) c7 = contract_sign (fx, 7, 1, "2025-03-20", NULL, &error);
  g_autoptr(JyContract) c8 = contract_sign (fx, 8, 2, "2025-03-30", NULL, &error);
  g_autoptr(JyContract) r7 = NULL;
  g_autoptr(JyContract) t8 = NULL;

  g_assert_no_error (error);
  r7 = contract_renew (fx, c7, "2026-03-01", NULL, &error);
  g_assert_no_error (error);
  t8 = contract_terminate (fx, c8, "2026-03-01", JY_TERMINATION_REASON_RESIDENT_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_true (contract_contact (fx, 2, "2026-02-10T02:00:00Z", JY_CONTACT_BY_TEAM, "2026-03-15", &error));
  g_assert_true (contract_contact (fx, 7, "2025-11-05T02:00:00Z", JY_CONTACT_BY_TEAM, "2026-03-15", &error));
  g_assert_true (contract_check (fx, 6, "2026-01-20T02:00:00Z", &error));
  g_assert_true (contract_check (fx, 7, "2025-06-01T02:00:00Z", &error));
  g_assert_no_error (error);
}

static gpointer
load_page (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return jy_contract_worklist_load (db, data, cancellable, error);
}

/* The resident ids of a worklist, in its order, as "1,3,7". */
static char *
worklist_ids (ContractFixture *fx,
              JyContractWorklistKind   kind,
              gint64           team_id,
              gint64           doctor_id,
              gint64          *total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContractWorklistPage) page = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  JyContractWorklistQuery query;

  jy_worklist_query_init (&query, kind);
  query.team_id = team_id;
  query.doctor_id = doctor_id;
  query.today = fx->today;
  page = jy_store_read (fx->store, load_page, &query, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < page->rows->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            ((JyContractWorklistRow *)g_ptr_array_index (page->rows, i))->resident_id);
  g_assert_cmpint (page->total, ==, page->rows->len);
  if (total != NULL)
    *total = page->total;
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define ASSERT_IDS(kind, team, doctor, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = worklist_ids (fx, (kind), (team), (doctor), NULL); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

static void
test_not_contacted_this_quarter (ContractFixture *fx,
                                 gconstpointer    user_data)
{
  build_centre (fx);
  /* Never contacted first (1, 3), then the longest since (7). 2 was
   * contacted; 4's contract ends before the quarter does and 6's began
   * in it (not signed throughout: not owed); 8 terminated. */
  ASSERT_IDS (JY_CONTRACT_WORKLIST_NOT_CONTACTED, 0, 0, "1,3,7");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_NOT_CONTACTED, 1, 0, "1,7");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_NOT_CONTACTED, 2, 0, "3");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_NOT_CONTACTED, 0, 1, "1,7");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_NOT_CONTACTED, 0, 4, "3");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_NOT_CONTACTED, 0, 8, "");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_NOT_CONTACTED, 2, 1, "");
}

static void
test_contact_takes_the_resident_off_the_list (ContractFixture *fx,
                                              gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;

  build_centre (fx);
  g_assert_true (contract_contact (fx, 3, "2026-03-15T01:00:00Z", JY_CONTACT_BY_TEAM, "2026-03-15", &error));
  g_assert_no_error (error);
  ASSERT_IDS (JY_CONTRACT_WORKLIST_NOT_CONTACTED, 0, 0, "1,7");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_NOT_CONTACTED, 2, 0, "");
}

static void
test_expiring_in_30_days (ContractFixture *fx,
                          gconstpointer    user_data)
{
  build_centre (fx);
  /* Fewest days left first; 7 is renewed, 8 terminated, 1 ends in May. */
  ASSERT_IDS (JY_CONTRACT_WORKLIST_EXPIRING, 0, 0, "4,2");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_EXPIRING, 1, 0, "2");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_EXPIRING, 2, 0, "4");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_EXPIRING, 0, 8, "2");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_EXPIRING, 0, 1, "");
}

static void
test_elderly_without_this_years_check (ContractFixture *fx,
                                       gconstpointer    user_data)
{
  build_centre (fx);
  /* Oldest first; 6 was checked this year, 7's check was last year. 5
   * never signed: listed, but under no doctor. */
  ASSERT_IDS (JY_CONTRACT_WORKLIST_ELDERLY_CHECK, 0, 0, "5,1,7");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_ELDERLY_CHECK, 1, 0, "1,7");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_ELDERLY_CHECK, 2, 0, "5");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_ELDERLY_CHECK, 0, 1, "1,7");
  ASSERT_IDS (JY_CONTRACT_WORKLIST_ELDERLY_CHECK, 0, 4, "");
}

static void
test_rows_complete_for_a_list (ContractFixture *fx,
                               gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContractWorklistPage) page = NULL;
  JyContractWorklistQuery query;
  const JyContractWorklistRow *row;

  build_centre (fx);
  jy_worklist_query_init (&query, JY_CONTRACT_WORKLIST_EXPIRING);
  query.today = fx->today;
  query.limit = 1;
  query.offset = 1;
  page = jy_store_read (fx->store, load_page, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (page->total, ==, 2);
  g_assert_cmpuint (page->rows->len, ==, 1);
  row = g_ptr_array_index (page->rows, 0);
  g_assert_cmpint (row->resident_id, ==, 2);
  g_assert_cmpstr (row->resident_uuid, ==, "res-2");
  g_assert_cmpstr (row->name, ==, "刘建国");
  g_assert_cmpstr (row->sex, ==, "1");
  g_assert_cmpstr (row->birth_date, ==, "1986-02-10");
  g_assert_cmpint (row->age, ==, 40);
  g_assert_cmpstr (row->phone_masked, ==, "139****9002");
  g_assert_cmpstr (row->team_name, ==, "第一家庭医生团队");
  g_assert_cmpstr (row->doctor_name, ==, "吴医生");
  g_assert_cmpstr (row->contract_end, ==, "2026-03-31");
  g_assert_cmpstr (row->due_date, ==, "2026-03-31");
  g_assert_cmpint (row->days_left, ==, 16);
  g_assert_cmpstr (row->last_contact_date, ==, "2026-02-10");
  g_assert_cmpint (row->contract_id, >, 0);
  g_assert_cmpint (row->contract_rev, ==, 1);
  g_assert_nonnull (row->contract_no);
}

static gpointer
load_counts (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return jy_contract_worklist_count (db, data, cancellable, error);
}

static void
test_counts_for_today_in_one_call (ContractFixture *fx,
                                   gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree JyContractWorklistCounts *all = NULL;
  g_autofree JyContractWorklistCounts *team_2 = NULL;
  JyContractWorklistQuery query;

  build_centre (fx);
  jy_worklist_query_init (&query, JY_CONTRACT_WORKLIST_NOT_CONTACTED);
  query.today = fx->today;
  all = jy_store_read (fx->store, load_counts, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (all->not_contacted, ==, 3);
  g_assert_cmpint (all->expiring, ==, 2);
  g_assert_cmpint (all->elderly_unchecked, ==, 3);
  g_assert_cmpint (all->signed_residents, ==, 6);
  /* Q4 2025: 1, 2, 3, 4 and 8 were owed a contact and had none. */
  g_assert_cmpint (all->not_contacted_last_quarter, ==, 5);

  query.team_id = 2;
  team_2 = jy_store_read (fx->store, load_counts, &query, NULL, &error);
  g_assert_cmpint (team_2->not_contacted, ==, 1);
  g_assert_cmpint (team_2->expiring, ==, 1);
  g_assert_cmpint (team_2->elderly_unchecked, ==, 1);
  g_assert_cmpint (team_2->signed_residents, ==, 2);
}

/* The derived rows agree with core's per-resident rule on every day of
 * the quarter: jy_contact_check_period() says OPEN exactly for the
 * residents on the list. */
static gpointer
check_against_core (JyDb          *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  ContractFixture *fx = data;

  for (gint64 resident = 1; resident <= 8; resident++)
    {
      g_autoptr(GPtrArray) contracts = jy_contract_store_list_for_resident (db, resident, &fx->today, error);
      g_autoptr(GPtrArray) contacts = jy_contract_store_list_contacts (db, resident, 0, error);
      g_autoptr(GArray) facts = g_array_new (FALSE, FALSE, sizeof (JyContractFacts));
      g_autoptr(GArray) made = g_array_new (FALSE, FALSE, sizeof (JyContact));
      JyContractWorklistQuery query;
      g_autoptr(JyContractWorklistPage) page = NULL;
      gboolean listed = FALSE;
      JyDueStatus status;

      for (guint i = 0; i < contracts->len; i++)
        g_array_append_val (facts, ((JyContract *)g_ptr_array_index (contracts, i))->facts);
      for (guint i = 0; i < contacts->len; i++)
        {
          JyContactRecord *record = g_ptr_array_index (contacts, i);
          JyContact contact = { record->date, record->channel, record->initiator };

          if (g_str_equal (record->status, "final"))
            g_array_append_val (made, contact);
        }
      status = jy_contact_check_period ((const JyContractFacts *)(gpointer)facts->data, facts->len,
                                        (const JyContact *)(gpointer)made->data, made->len,
                                        &fx->today, &fx->today, NULL, NULL);

      jy_worklist_query_init (&query, JY_CONTRACT_WORKLIST_NOT_CONTACTED);
      query.today = fx->today;
      query.limit = 100;
      page = jy_contract_worklist_load (db, &query, NULL, error);
      for (guint i = 0; i < page->rows->len; i++)
        listed |= ((JyContractWorklistRow *)g_ptr_array_index (page->rows, i))->resident_id == resident;
      g_assert_cmpint (listed, ==, status == JY_DUE_OPEN);
    }
  return JY_STORE_DONE;
}

static void
test_not_contacted_list_is_cores_open_status (ContractFixture *fx,
                                              gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;

  build_centre (fx);
  g_assert_true (jy_store_read (fx->store, check_against_core, fx, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
}

/* Indicators --------------------------------------------------------------- */

typedef struct
{
  JyIndicatorPeriod    period;
  gint64               team_id;
  JyContractIndicators sql;
  JyContractIndicators core;
} CountsJob;

static gpointer
compute_both (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  CountsJob *job = data;

  if (!jy_contract_counts_compute (db, &job->period, job->team_id, &job->sql, error) ||
      !jy_contract_counts_compute_by_residents (db, &job->period, job->team_id, &job->core, error))
    return NULL;
  return JY_STORE_DONE;
}

static void
assert_same_counts (const JyContractIndicators *a,
                    const JyContractIndicators *b)
{
  g_assert_cmpint (a->signed_residents, ==, b->signed_residents);
  g_assert_cmpint (a->key_population, ==, b->key_population);
  g_assert_cmpint (a->key_population_signed, ==, b->key_population_signed);
  g_assert_cmpint (a->new_signings, ==, b->new_signings);
  g_assert_cmpint (a->renewals_signed, ==, b->renewals_signed);
  for (guint r = 0; r < JY_TERMINATION_REASON_N; r++)
    g_assert_cmpint (a->terminations[r], ==, b->terminations[r]);
  g_assert_cmpint (a->expiring, ==, b->expiring);
  g_assert_cmpint (a->expiring_renewed, ==, b->expiring_renewed);
  g_assert_cmpint (a->active_contracts, ==, b->active_contracts);
  g_assert_cmpint (a->active_fulfilled, ==, b->active_fulfilled);
  g_assert_cmpint (a->contact_owed, ==, b->contact_owed);
  g_assert_cmpint (a->contact_done, ==, b->contact_done);
}

static gpointer
retire_five (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  /* 5 moves out in February; 4 dies in April (after her contract ended). */
  return jy_resident_store_retire (db, 5, 1, "moved-out", "2026-02-20", NULL, error) &&
         jy_resident_store_add_tag (db, 8, "pregnant", "2025-09-01", NULL, NULL, error) &&
         jy_resident_store_retire (db, 4, 1, "dead", "2026-04-05", NULL, error) ? JY_STORE_DONE : NULL;
}

static void
test_indicator_sql_equals_the_core_path (ContractFixture *fx,
                                         gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;

  build_centre (fx);
  g_assert_true (jy_store_write (fx->store, retire_five, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  for (int month = 1; month <= 16; month++)
    for (gint64 team = 0; team <= 2; team++)
      {
        CountsJob job = { 0 };
        int year = month <= 12 ? 2025 : 2026;

        jy_indicator_period_for_month (NULL, year, (month - 1) % 12 + 1, &job.period);
        /* Renewals as of a later day than the month's end too. */
        if (month % 2 == 0)
          g_date_add_days (&job.period.as_of, 60);
        job.team_id = team;
        g_assert_true (jy_store_read (fx->store, compute_both, &job, NULL, &error) == JY_STORE_DONE);
        g_assert_no_error (error);
        assert_same_counts (&job.sql, &job.core);
      }

  /* Spot checks that the counts are about something. */
  {
    CountsJob job = { 0 };

    jy_indicator_period_for_month (NULL, 2026, 3, &job.period);
    g_assert_true (jy_store_read (fx->store, compute_both, &job, NULL, &error) == JY_STORE_DONE);
    /* In force on 31 March: 1, 2, 3, 6, 7 (the renewal). */
    g_assert_cmpint (job.sql.signed_residents, ==, 5);
    g_assert_cmpint (job.sql.renewals_signed, ==, 1);
    g_assert_cmpint (job.sql.terminations[JY_TERMINATION_REASON_RESIDENT_REQUEST], ==, 1);
    /* Ending in March: 2 (not renewed) and 7 (renewed); 4 died within
     * the renewal window (excluded), 8 was terminated before its end. */
    g_assert_cmpint (job.sql.expiring, ==, 2);
    g_assert_cmpint (job.sql.expiring_renewed, ==, 1);
    /* Signed throughout Q1: 1, 2, 3, 7; contacted: 2. */
    g_assert_cmpint (job.sql.contact_owed, ==, 4);
    g_assert_cmpint (job.sql.contact_done, ==, 1);
    /* Key populations on 31 March: 1, 3, 6, 7, 8 (pregnant); 5 moved out. */
    g_assert_cmpint (job.sql.key_population, ==, 5);
    g_assert_cmpint (job.sql.key_population_signed, ==, 4);
  }
  {
    CountsJob job = { 0 };
    JyQuarter q4 = { 2025, 4 };

    jy_contract_counts_period_for_quarter (&q4, &job.period);
    g_assert_true (jy_store_read (fx->store, compute_both, &job, NULL, &error) == JY_STORE_DONE);
    assert_same_counts (&job.sql, &job.core);
    g_assert_cmpint (job.sql.new_signings, ==, 1);
    g_assert_cmpint (job.sql.contact_done, ==, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

#define ADD(path, func) \
  g_test_add (path, ContractFixture, NULL, contract_fixture_setup, func, contract_fixture_teardown)

  ADD ("/store/worklist/not-contacted-this-quarter-by-team-and-doctor", test_not_contacted_this_quarter);
  ADD ("/store/worklist/contact-takes-the-resident-off-the-list", test_contact_takes_the_resident_off_the_list);
  ADD ("/store/worklist/not-contacted-list-is-cores-open-status", test_not_contacted_list_is_cores_open_status);
  ADD ("/store/worklist/expiring-in-30-days-by-team-and-doctor", test_expiring_in_30_days);
  ADD ("/store/worklist/65-plus-without-this-years-check-by-team-and-doctor",
       test_elderly_without_this_years_check);
  ADD ("/store/worklist/rows-complete-for-a-list", test_rows_complete_for_a_list);
  ADD ("/store/worklist/counts-for-today-in-one-call", test_counts_for_today_in_one_call);
  ADD ("/store/counts/indicator-sql-equals-the-core-path", test_indicator_sql_equals_the_core_path);

#undef ADD

  return g_test_run ();
}
