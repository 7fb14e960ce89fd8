/* test-long-rx-store.c — long prescriptions in the store
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <locale.h>

#include "contract-fixtures.h"
#include "jy-idcard.h"
#include "jy-long-rx-store.h"
#include "jy-resident-detail.h"

/* Resident 1 陈秀英 (70) and 5 吴志强 (76) are signed and managed for
 * hypertension, controlled at a clinic visit on 2026-03-01; resident 2
 * 刘建国 (40) is managed but not signed. Today is 2026-03-15 (Sunday). */
static const char chronic_sql[] =
  "INSERT INTO chronic_enrolment (id, uuid, created_at, updated_at, resident_id, programme_id, icd10,\n"
  "  diagnosis_date, enrol_date, doctor_id, team_id, last_visit_date, last_f2f_date, last_class) VALUES\n"
  "  (1, 'e-1', 't', 't', 1, 1, 'I10', '2020-01-01', '2020-01-01', 1, 1, '2026-03-01', '2026-03-01', 1),\n"
  "  (2, 'e-2', 't', 't', 2, 1, 'I10', '2020-01-01', '2020-01-01', 1, 1, '2026-03-01', '2026-03-01', 1),\n"
  "  (5, 'e-5', 't', 't', 5, 1, 'I10', '2020-01-01', '2020-01-01', 4, 2, '2026-03-01', '2026-03-01', 1);\n"
  "INSERT INTO followup (uuid, created_at, updated_at, enrolment_id, resident_id, programme_id,\n"
  "  visit_uuid, visit_date, mode, adherence, classification) VALUES\n"
  "  ('f-1', 't', 't', 1, 1, 1, 'v-1', '2026-03-01', 1, 1, 1),\n"
  "  ('f-2', 't', 't', 2, 2, 1, 'v-2', '2026-03-01', 1, 1, 1),\n"
  "  ('f-5', 't', 't', 5, 5, 1, 'v-5', '2026-03-01', 1, 1, 1);\n"
  "UPDATE resident SET id_number = '110105195506010025' WHERE id = 1;\n";

typedef struct
{
  ContractFixture c;
} Fixture;

static gpointer
fill_chronic (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  return jy_db_exec (db, chronic_sql, error) ? JY_STORE_DONE : NULL;
}

static void
act_as (Fixture *fx,
        JyRole   role,
        gint64   staff_id)
{
  g_autofree char *uuid = g_strdup_printf ("staff-%" G_GINT64_FORMAT, staff_id);
  g_autoptr(JyActor) actor = jy_actor_new (staff_id, uuid, NULL, NULL, role, 1);

  jy_store_set_session (fx->c.store, actor);
}

static void
setup (Fixture       *fx,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) a = NULL;
  g_autoptr(JyContract) b = NULL;

  contract_fixture_setup (&fx->c, data);
  g_assert_true (jy_store_write (fx->c.store, fill_chronic, NULL, NULL, &error) == JY_STORE_DONE);
  a = contract_sign (&fx->c, 1, 1, "2026-01-05", NULL, &error);
  g_assert_no_error (error);
  b = contract_sign (&fx->c, 5, 2, "2026-01-05", NULL, &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture       *fx,
          gconstpointer  data)
{
  contract_fixture_teardown (&fx->c, data);
}

static gint64
count (Fixture    *fx,
       const char *sql)
{
  return jy_test_query_int64 (fx->c.path, sql);
}

/* Jobs ----------------------------------------------------------------------- */

typedef struct
{
  int                     what;
  const JyLongRx         *rx;
  gint64                  id, rev;
  JyLongRxDispenseRequest dispense;
  const char             *query;
  JyLongRxWorklistQuery   worklist;
  JyLongRxStopReason      reason;
  const char             *date;
  const char             *csv;
  GPtrArray              *problems;
} Job;

enum { ISSUE, DISPENSE, SEARCH, WORKLIST, COUNTS, STOP, RENEW, IMPORT, DETAIL };

static gpointer
job_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Job *job = data;
  int n;

  switch (job->what)
    {
    case ISSUE:
      return jy_long_rx_store_issue (db, job->rx, error);
    case DISPENSE:
      return jy_long_rx_store_dispense (db, &job->dispense, error);
    case SEARCH:
      return jy_drug_store_search (db, job->query, 0, error);
    case WORKLIST:
      return jy_long_rx_worklist_load (db, &job->worklist, cancellable, error);
    case COUNTS:
      return jy_long_rx_worklist_count (db, &job->worklist, cancellable, error);
    case STOP:
      return jy_long_rx_store_stop (db, job->id, job->rev, job->reason, job->date, NULL, error);
    case RENEW:
      return jy_long_rx_store_renew (db, job->id, job->rev, job->rx, error);
    case IMPORT:
      n = jy_drug_store_import_csv (db, job->csv, strlen (job->csv), &job->problems, error);
      return n >= 0 ? GINT_TO_POINTER (n + 1) : NULL;
    case DETAIL:
      return jy_resident_detail_load (db, &job->id, cancellable, error);
    default:
      g_assert_not_reached ();
    }
}

static gpointer
run (Fixture  *fx,
     Job      *job,
     GError  **error)
{
  return jy_store_write (fx->c.store, job_func, job, NULL, error);
}

/* A 28-day amlodipine prescription for @resident issued on @date. */
static JyLongRx *
make_rx (Fixture    *fx,
         gint64      resident,
         const char *date,
         int         days)
{
  JyLongRx *rx = jy_long_rx_new ();
  JyLongRxItem *item = jy_long_rx_item_new ();

  rx->resident_id = resident;
  rx->issue_date = g_strdup (date);
  rx->total_days = days;
  rx->days_per_dispense = 28;
  if (days > 28)
    {
      rx->assessment_done = TRUE;
      rx->assessment_note = g_strdup ("血压控制满意，规律服药");
      rx->patient_confirmed = TRUE;
    }
  item->drug_code = g_strdup ("D003");
  item->drug_name = g_strdup ("苯磺酸氨氯地平片");
  item->strength = g_strdup ("5 mg");
  item->unit = g_strdup ("片");
  item->dose = 1;
  item->frequency = JY_DOSE_FREQUENCY_QD;
  item->days = days;
  item->pack_size = 28;
  item->pack_unit = g_strdup ("盒");
  g_ptr_array_add (rx->items, item);
  return rx;
}

static JyLongRx *
issue (Fixture    *fx,
       gint64      resident,
       const char *date,
       int         days,
       GError    **error)
{
  g_autoptr(JyLongRx) rx = make_rx (fx, resident, date, days);
  Job job = { .what = ISSUE, .rx = rx };

  return run (fx, &job, error);
}

/* Catalogue --------------------------------------------------------------------- */

static void
test_catalogue_seeded (Fixture *fx, gconstpointer data)
{
  g_assert_cmpint (count (fx, "SELECT count(*) FROM drug"), ==, 36);
  g_assert_cmpint (count (fx, "SELECT exclusions FROM drug WHERE code = 'D034'"), ==, JY_DRUG_EXCLUSION_PSYCHOTROPIC);
}

static void
test_catalogue_search_by_name_and_initials (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  Job job = { .what = SEARCH, .query = "aldp" };
  g_autoptr(GPtrArray) by_initials = run (fx, &job, &error);
  g_autoptr(GPtrArray) by_name = NULL;
  g_autoptr(GPtrArray) by_pinyin = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (by_initials->len, ==, 1);
  g_assert_cmpstr (((JyDrug *) g_ptr_array_index (by_initials, 0))->generic_name, ==, "苯磺酸氨氯地平片");
  job.query = "二甲双胍";
  by_name = run (fx, &job, &error);
  g_assert_cmpuint (by_name->len, ==, 1);
  g_assert_cmpstr (((JyDrug *) g_ptr_array_index (by_name, 0))->code, ==, "D016");
  job.query = "ejsg";
  by_pinyin = run (fx, &job, &error);
  g_assert_cmpuint (by_pinyin->len, ==, 1);
}

static void
test_catalogue_csv_import (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  Job job = { .what = IMPORT,
              .csv = "code,generic_name,strength,unit,pack_size,pack_unit,exclusions\n"
                     "X001,测试降压片,10 mg,片,28,盒,\n"
                     "X002,测试镇静片,5 mg,片,20,盒,psychotropic\n"
                     "X003,坏行,5 mg,片,abc,盒,\n" };

  act_as (fx, JY_ROLE_DOCTOR, 1);
  g_assert_null (run (fx, &job, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_clear_error (&error);

  act_as (fx, JY_ROLE_ADMIN, 0);
  g_assert_cmpint (GPOINTER_TO_INT (run (fx, &job, &error)) - 1, ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (job.problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (job.problems, 0), "4"));
  g_assert_cmpint (count (fx, "SELECT exclusions FROM drug WHERE code = 'X002'"), ==, JY_DRUG_EXCLUSION_PSYCHOTROPIC);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'drug' AND row_uuid IN "
                              "(SELECT uuid FROM drug WHERE code LIKE 'X%')"), ==, 2);
  g_ptr_array_unref (job.problems);
}

static void
test_catalogue_csv_import_reports_each_bad_line (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  Job job = { .what = IMPORT,
              .csv = "code,generic_name,unit,pack_size,pack_unit,insurance_class,exclusions,flags\n"
                     ",无编码片,片,28,盒,,,\n"
                     "Y002,未知标记片,片,28,盒,,,sleepy\n"
                     "\n"
                     "Y004,类别错片,片,28,盒,丙,,\n"
                     "Y005,零包装片,片,0,盒,,,\n"
                     "Y006,胰岛素样,IU,300,支,乙,special-storage,storage-advice;high-alert\n" };

  act_as (fx, JY_ROLE_ADMIN, 0);
  g_assert_cmpint (GPOINTER_TO_INT (run (fx, &job, &error)) - 1, ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (job.problems->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (job.problems, 0), ==, "Line 2: The code is missing.");
  g_assert_cmpstr (g_ptr_array_index (job.problems, 1), ==, "Line 3: Unknown flag.");
  g_assert_cmpstr (g_ptr_array_index (job.problems, 2), ==, "Line 5: The insurance class must be 甲 or 乙.");
  g_assert_cmpstr (g_ptr_array_index (job.problems, 3), ==, "Line 6: The pack size must be a number above 0.");
  g_assert_cmpint (count (fx, "SELECT flags FROM drug WHERE code = 'Y006'"), ==,
                   JY_DRUG_FLAG_STORAGE_ADVICE | JY_DRUG_FLAG_HIGH_ALERT);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM drug WHERE code LIKE 'Y%'"), ==, 1);
  g_ptr_array_unref (job.problems);
}

/* Issuing ---------------------------------------------------------------------- */

static void
test_issue_by_doctor_with_outbox_and_audit (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = NULL;

  act_as (fx, JY_ROLE_DOCTOR, 1);
  rx = issue (fx, 1, "2026-03-15", 84, &error);
  g_assert_no_error (error);
  {
    g_autofree char *workstation = jy_test_query_text (fx->c.path,
                                                       "SELECT value FROM meta WHERE key = 'workstation'");
    g_autofree char *prefix = g_strconcat ("CQ20260315", workstation, NULL);

    /* CQ, the date, this workstation's code, a serial. */
    g_assert_cmpuint (strlen (workstation), ==, 4);
    g_assert_true (g_str_has_prefix (rx->rx_no, prefix));
    g_assert_cmpuint (strlen (rx->rx_no), ==, strlen (prefix) + 6);
  }
  g_assert_cmpint (rx->doctor_id, ==, 1);
  g_assert_cmpint (rx->team_id, ==, 1);
  g_assert_cmpstr (rx->review_date, ==, "2026-06-06");
  g_assert_cmpstr (rx->diagnosis_code, ==, "I10");
  g_assert_cmpint (((JyLongRxItem *) g_ptr_array_index (rx->items, 0))->packs, ==, 3);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'long_rx'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE entity = 'long_rx' AND actor = 'staff-1'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx WHERE next_due_date = '2026-03-15'"), ==, 1);
}

static void
test_issue_second_while_one_in_use_refused (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) first = NULL;
  g_autoptr(JyLongRx) second = NULL;

  act_as (fx, JY_ROLE_DOCTOR, 1);
  first = issue (fx, 1, "2026-03-15", 28, &error);
  g_assert_no_error (error);
  second = issue (fx, 1, "2026-03-16", 28, &error);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "renew or stop"));
}

static void
test_issue_nurse_and_pharmacist_denied (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = NULL;

  act_as (fx, JY_ROLE_NURSE, 2);
  rx = issue (fx, 1, "2026-03-15", 28, &error);
  g_assert_null (rx);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_clear_error (&error);
  act_as (fx, JY_ROLE_PHARMACIST, 0);
  rx = issue (fx, 1, "2026-03-15", 28, &error);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx"), ==, 0);
}

static void
test_issue_unsigned_resident_refused (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = NULL;

  act_as (fx, JY_ROLE_DOCTOR, 1);
  rx = issue (fx, 2, "2026-03-15", 28, &error);
  g_assert_null (rx);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "contract"));
}

static void
test_issue_8_weeks_without_confirmation_refused (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = make_rx (fx, 1, "2026-03-15", 56);
  g_autoptr(JyLongRx) saved = NULL;
  Job job = { .what = ISSUE, .rx = rx };

  act_as (fx, JY_ROLE_DOCTOR, 1);
  rx->patient_confirmed = FALSE;
  saved = run (fx, &job, &error);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "confirmation"));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'long_rx'"), ==, 0);
}

static void
test_issue_excluded_drug_refused (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = make_rx (fx, 1, "2026-03-15", 28);
  g_autoptr(JyLongRx) saved = NULL;
  Job job = { .what = ISSUE, .rx = rx };

  act_as (fx, JY_ROLE_DOCTOR, 1);
  ((JyLongRxItem *) g_ptr_array_index (rx->items, 0))->exclusions = JY_DRUG_EXCLUSION_PSYCHOTROPIC;
  saved = run (fx, &job, &error);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "§4.3"));
}

/* Dispensing ------------------------------------------------------------------- */

static JyLongRxDispense *
dispense (Fixture    *fx,
          gint64      id,
          const char *date,
          const char *proxy_id,
          GError    **error)
{
  Job job = { .what = DISPENSE };

  job.dispense.long_rx_id = id;
  job.dispense.rev = 1;
  job.dispense.dispense_date = date;
  if (proxy_id != NULL)
    {
      job.dispense.proxy = TRUE;
      job.dispense.proxy_name = "陈明";
      job.dispense.proxy_relation = "子";
      job.dispense.proxy_id_number = proxy_id;
      job.dispense.proxy_phone = "13800138009";
      job.dispense.authorisation_date = "2026-01-05";
    }
  return run (fx, &job, error);
}

static void
test_dispense_instalments_and_release_date (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = NULL;
  g_autoptr(JyLongRxDispense) first = NULL;
  g_autoptr(JyLongRxDispense) early = NULL;
  g_autoptr(JyLongRxDispense) second = NULL;

  act_as (fx, JY_ROLE_DOCTOR, 1);
  rx = issue (fx, 1, "2026-03-15", 84, &error);
  g_assert_no_error (error);

  act_as (fx, JY_ROLE_DOCTOR, 1);
  g_assert_null (dispense (fx, rx->id, "2026-03-15", NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_clear_error (&error);

  act_as (fx, JY_ROLE_PHARMACIST, 0);
  first = dispense (fx, rx->id, "2026-03-15", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->instalment, ==, 1);
  g_assert_cmpint (first->days, ==, 28);
  g_assert_nonnull (strstr (first->items, "\"packs\":1"));
  /* Supply to 2026-04-11: the next from 2026-04-05. */
  early = dispense (fx, rx->id, "2026-04-04", NULL, &error);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-04-05"));
  g_clear_error (&error);
  second = dispense (fx, rx->id, "2026-04-05", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->instalment, ==, 2);
  g_assert_cmpint (count (fx, "SELECT dispensed FROM long_rx"), ==, 2);
  g_assert_cmpint (count (fx, "SELECT next_due_date = '2026-05-10' FROM long_rx"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'long_rx_dispense'"), ==, 2);
}

static char proxy_id[19];

static void
test_dispense_proxy_rules (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = NULL;
  g_autoptr(JyLongRxDispense) bad = NULL;
  g_autoptr(JyLongRxDispense) good = NULL;
  char wrong[19];

  act_as (fx, JY_ROLE_DOCTOR, 1);
  rx = issue (fx, 1, "2026-03-15", 28, &error);
  g_assert_no_error (error);
  act_as (fx, JY_ROLE_PHARMACIST, 0);

  g_strlcpy (wrong, proxy_id, sizeof wrong);
  wrong[17] = wrong[17] == '1' ? '2' : '1';
  bad = dispense (fx, rx->id, "2026-03-15", wrong, &error);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "check character"));
  g_clear_error (&error);

  /* A first issue is a new drug for the proxy rule: refused. */
  good = dispense (fx, rx->id, "2026-03-15", proxy_id, &error);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "repeat"));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx_dispense"), ==, 0);
}

static void
test_dispense_proxy_repeat_allowed (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = NULL;
  g_autoptr(JyLongRxDispense) first = NULL;
  g_autoptr(JyLongRxDispense) second = NULL;

  act_as (fx, JY_ROLE_DOCTOR, 1);
  rx = issue (fx, 1, "2026-03-15", 56, &error);
  g_assert_no_error (error);
  act_as (fx, JY_ROLE_PHARMACIST, 0);
  first = dispense (fx, rx->id, "2026-03-15", NULL, &error);
  g_assert_no_error (error);
  second = dispense (fx, rx->id, "2026-04-06", proxy_id, &error);
  g_assert_no_error (error);
  g_assert_true (second->proxy);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx_dispense WHERE receiver = 'proxy'\n"
                              "  AND authorisation_date = '2026-01-05'"), ==, 1);
  /* The audit detail never holds the proxy's ID number. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE detail LIKE '%350203%'"), ==, 0);
}

/* Life cycle ------------------------------------------------------------------- */

static void
test_stop_cancels_remaining_instalments (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = NULL;
  g_autoptr(JyLongRx) stopped = NULL;
  g_autoptr(JyLongRx) again = NULL;
  Job job = { .what = STOP, .reason = JY_LONG_RX_STOP_NONE, .date = "2026-03-20" };

  act_as (fx, JY_ROLE_DOCTOR, 1);
  rx = issue (fx, 1, "2026-03-15", 84, &error);
  job.id = rx->id;
  job.rev = rx->rev;
  g_assert_null (run (fx, &job, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  job.reason = JY_LONG_RX_STOP_HOSPITALISATION;
  stopped = run (fx, &job, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stopped->state, ==, JY_LONG_RX_STATE_STOPPED);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx WHERE next_due_date IS NULL AND open = 0\n"
                              "  AND stop_reason = 'hospital'"), ==, 1);
  /* An old rev is a conflict. */
  again = run (fx, &job, &error);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT);
}

static void
test_renew_links_and_closes_previous (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = NULL;
  g_autoptr(JyLongRx) next = make_rx (fx, 1, "2026-04-10", 28);
  g_autoptr(JyLongRx) renewed = NULL;
  Job job = { .what = RENEW, .rx = next };

  act_as (fx, JY_ROLE_DOCTOR, 1);
  rx = issue (fx, 1, "2026-03-15", 28, &error);
  job.id = rx->id;
  job.rev = rx->rev;
  renewed = run (fx, &job, &error);
  g_assert_no_error (error);
  g_assert_cmpint (renewed->renews_id, ==, rx->id);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx WHERE status = 'renewed'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx WHERE status = 'active'"), ==, 1);
}

static void
test_renew_without_recent_face_to_face_refused (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = NULL;
  g_autoptr(JyLongRx) next = make_rx (fx, 1, "2026-06-01", 28);
  g_autoptr(JyLongRx) renewed = NULL;
  Job job = { .what = RENEW, .rx = next };

  act_as (fx, JY_ROLE_DOCTOR, 1);
  rx = issue (fx, 1, "2026-03-15", 28, &error);
  job.id = rx->id;
  job.rev = rx->rev;
  /* 2026-03-01 is 92 days before 2026-06-01 */
  renewed = run (fx, &job, &error);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx WHERE status = 'active'"), ==, 1);
}

/* Worklists -------------------------------------------------------------------- */

static void
test_worklists_due_review_expiring (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) a = NULL;
  g_autoptr(JyLongRx) b = NULL;
  g_autoptr(JyLongRxWorklistPage) due = NULL;
  g_autoptr(JyLongRxWorklistPage) team2 = NULL;
  g_autofree JyLongRxWorklistCounts *counts = NULL;
  g_autofree JyLongRxWorklistCounts *later = NULL;
  Job job = { .what = WORKLIST };
  JyLongRxWorklistRow *row;

  act_as (fx, JY_ROLE_DOCTOR, 1);
  a = issue (fx, 1, "2026-03-02", 28, &error);
  g_assert_no_error (error);
  act_as (fx, JY_ROLE_DOCTOR, 4);
  b = issue (fx, 5, "2026-03-10", 56, &error);
  g_assert_no_error (error);

  /* Monday 2026-03-16: both undispensed (due), a ends 03-29 (expiring,
   * review due 03-29 is after this week's Sunday 03-22). */
  jy_long_rx_worklist_query_init (&job.worklist, JY_LONG_RX_WORKLIST_DUE);
  g_strlcpy (job.worklist.today, "2026-03-16", sizeof job.worklist.today);
  due = run (fx, &job, &error);
  g_assert_no_error (error);
  g_assert_cmpint (due->total, ==, 2);
  row = g_ptr_array_index (due->rows, 0);
  g_assert_cmpstr (row->name, ==, "陈秀英");
  g_assert_cmpstr (row->due_date, ==, "2026-03-02");
  g_assert_cmpint (row->days_left, ==, -14);
  g_assert_cmpint (row->next_instalment, ==, 1);
  g_assert_cmpstr (row->drugs, ==, "苯磺酸氨氯地平片");

  job.worklist.team_id = 2;
  team2 = run (fx, &job, &error);
  g_assert_cmpint (team2->total, ==, 1);
  g_assert_cmpstr (((JyLongRxWorklistRow *) g_ptr_array_index (team2->rows, 0))->name, ==, "吴志强");

  job.what = COUNTS;
  job.worklist.team_id = 0;
  counts = run (fx, &job, &error);
  g_assert_cmpint (counts->due, ==, 2);
  g_assert_cmpint (counts->review, ==, 0);
  g_assert_cmpint (counts->expiring, ==, 1);

  /* Monday 2026-03-23: a's review (03-29) falls in this week. */
  g_strlcpy (job.worklist.today, "2026-03-23", sizeof job.worklist.today);
  job.worklist.doctor_id = 1;
  later = run (fx, &job, &error);
  g_assert_cmpint (later->review, ==, 1);
  g_assert_cmpint (later->due, ==, 1);
}

static void
test_timeline_shows_issue_and_dispense (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = NULL;
  g_autoptr(JyLongRxDispense) d = NULL;
  JyResidentDetail *detail;
  Job job = { .what = DETAIL, .id = 1 };
  gboolean issued = FALSE, dispensed = FALSE;

  act_as (fx, JY_ROLE_DOCTOR, 1);
  rx = issue (fx, 1, "2026-03-15", 28, &error);
  act_as (fx, JY_ROLE_PHARMACIST, 0);
  d = dispense (fx, rx->id, "2026-03-15", NULL, &error);
  g_assert_no_error (error);
  act_as (fx, JY_ROLE_DOCTOR, 1);
  detail = run (fx, &job, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < detail->timeline->len; i++)
    {
      JyTimelineEntry *e = g_ptr_array_index (detail->timeline, i);

      issued |= g_strcmp0 (e->kind, "long-rx") == 0 && strstr (e->title, rx->rx_no) != NULL;
      dispensed |= g_strcmp0 (e->kind, "long-rx-dispense") == 0;
    }
  g_assert_true (issued);
  g_assert_true (dispensed);
  jy_resident_detail_free (detail);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_strlcpy (proxy_id, "35020319800101123", sizeof proxy_id);
  proxy_id[17] = jy_idcard_check_char (proxy_id);

#define ADD(path, func) g_test_add ("/long-rx-store/" path, Fixture, NULL, setup, func, teardown)
  ADD ("catalogue/seeded from domain 4.7 with excluded lines", test_catalogue_seeded);
  ADD ("catalogue/search by name and pinyin initials", test_catalogue_search_by_name_and_initials);
  ADD ("catalogue/CSV import by administrator skips bad rows", test_catalogue_csv_import);
  ADD ("catalogue/CSV import reports each bad line", test_catalogue_csv_import_reports_each_bad_line);
  ADD ("issue/doctor issues with outbox and audit", test_issue_by_doctor_with_outbox_and_audit);
  ADD ("issue/nurse and pharmacist denied", test_issue_nurse_and_pharmacist_denied);
  ADD ("issue/second while one is in use refused", test_issue_second_while_one_in_use_refused);
  ADD ("issue/unsigned resident refused", test_issue_unsigned_resident_refused);
  ADD ("issue/8 weeks without confirmation refused", test_issue_8_weeks_without_confirmation_refused);
  ADD ("issue/excluded drug refused", test_issue_excluded_drug_refused);
  ADD ("dispense/instalments from the release date", test_dispense_instalments_and_release_date);
  ADD ("dispense/proxy with bad ID or new drug refused", test_dispense_proxy_rules);
  ADD ("dispense/proxy collects a repeat instalment", test_dispense_proxy_repeat_allowed);
  ADD ("life-cycle/stop cancels remaining instalments", test_stop_cancels_remaining_instalments);
  ADD ("life-cycle/renewal links and closes the previous one", test_renew_links_and_closes_previous);
  ADD ("life-cycle/renewal without face-to-face in 12 weeks refused", test_renew_without_recent_face_to_face_refused);
  ADD ("worklists/due review and expiring with filters", test_worklists_due_review_expiring);
  ADD ("timeline/shows issue and dispense", test_timeline_shows_issue_and_dispense);
#undef ADD

  return g_test_run ();
}
