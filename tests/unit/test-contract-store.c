/* test-contract-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "contract-fixtures.h"
#include "jy-package-store.h"
#include "jy-resident-detail.h"
#include "jy-resident-store.h"
#include "jy-team-store.h"

static gint64
count (ContractFixture *fx,
       const char      *sql)
{
  return jy_test_query_int64 (fx->path, sql);
}

static void
test_sign_writes_outbox_and_audit_in_one_transaction (ContractFixture *fx,
                                                      gconstpointer    user_data)
{
  static const char *const codes[] = { "basic", "elderly", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 1, 1, "2026-03-15", codes, &error);
  g_autofree char *outbox_sql = NULL;
  g_autofree char *audit_sql = NULL;
  g_autofree char *workstation = jy_test_query_text (fx->path, "SELECT value FROM meta WHERE key = 'workstation'");
  g_autofree char *expected_no = g_strdup_printf ("2026%s000001", workstation);

  g_assert_no_error (error);
  g_assert_nonnull (contract);
  /* Year, this workstation's code (4 hex digits), serial. */
  g_assert_cmpuint (strlen (workstation), ==, 4);
  g_assert_cmpstr (contract->contract_no, ==, expected_no);
  g_assert_cmpint (contract->state, ==, JY_CONTRACT_STATE_ACTIVE);
  g_assert_cmpint (contract->doctor_id, ==, 1);
  g_assert_cmpstr (contract->doctor_name, ==, "王医生");
  /* One year: 2026-03-15 to 2027-03-14. */
  g_assert_cmpint (g_date_get_year (&contract->facts.end), ==, 2027);
  g_assert_cmpint (g_date_get_day (&contract->facts.end), ==, 14);
  /* Basic 70 + 40 + 10 元, elderly 200 元 paid by the resident. */
  g_assert_cmpint (contract->fee.insurance, ==, 7000);
  g_assert_cmpint (contract->fee.public_health, ==, 4000);
  g_assert_cmpint (contract->fee.resident, ==, 21000);
  g_assert_cmpuint (contract->packages->len, ==, 2);
  g_assert_cmpstr (((JyContractPackage *)g_ptr_array_index (contract->packages, 0))->code, ==, "basic");
  g_assert_nonnull (((JyContractPackage *)g_ptr_array_index (contract->packages, 1))->definition);

  outbox_sql = g_strdup_printf ("SELECT count(*) FROM outbox WHERE entity = 'contract' AND op = 'create'"
                                " AND row_uuid = '%s'", contract->uuid);
  audit_sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity = 'contract' AND action = 'create'"
                               " AND row_uuid = '%s' AND json_extract (detail, '$.event') = 'sign'",
                               contract->uuid);
  g_assert_cmpint (count (fx, outbox_sql), ==, 1);
  g_assert_cmpint (count (fx, audit_sql), ==, 1);
  g_assert_cmpint (count (fx, "SELECT contract_id FROM resident WHERE id = 1"), ==, contract->id);

  /* A refused signing leaves nothing: no row, no outbox, no audit. */
  {
    static const char *const child[] = { "basic", "child", NULL };
    g_autoptr(GError) refused = NULL;
    g_autoptr(JyContract) none = contract_sign (fx, 5, 2, "2026-03-15", child, &refused);

    g_assert_null (none);
    g_assert_error (refused, JY_CONTRACT_ERROR, JY_CONTRACT_ERROR_PACKAGES);
    g_assert_cmpint (count (fx, "SELECT count(*) FROM contract"), ==, 1);
    g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'contract'"), ==, 1);
    g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE entity = 'contract'"), ==, 1);
  }
}

static void
test_second_active_contract_refused_with_the_conflicting_contract (ContractFixture *fx,
                                                                   gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) first = contract_sign (fx, 2, 1, "2026-01-10", NULL, &error);
  g_autoptr(JyContract) second = NULL;
  g_autofree char *message = NULL;
  const JyContractRefusal *refusal;

  g_assert_no_error (error);
  /* With the other team, before the renewal window opens: a new signing
   * whose term overlaps the first. */
  second = contract_sign (fx, 2, 2, "2026-03-15", NULL, &error);
  g_assert_null (second);
  g_assert_error (error, JY_CONTRACT_ERROR, JY_CONTRACT_ERROR_ACTIVE_CONTRACT);
  refusal = jy_contract_error_get_refusal (error);
  g_assert_nonnull (refusal);
  g_assert_cmpint (refusal->conflicting_id, ==, first->id);
  g_assert_cmpstr (refusal->conflicting_no, ==, first->contract_no);
  g_assert_cmpint (refusal->conflicting_team_id, ==, 1);
  g_assert_cmpint (refusal->conflicting_state, ==, JY_CONTRACT_STATE_ACTIVE);
  g_assert_cmpint (g_date_compare (&refusal->conflicting_start, &first->facts.start), ==, 0);
  message = jy_contract_error_describe (error);
  g_assert_nonnull (g_strstr_len (message, -1, first->contract_no));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract WHERE resident_id = 2"), ==, 1);

  /* A copied error keeps what it carries (the gui gets copies). */
  {
    g_autoptr(GError) copy = g_error_copy (error);

    g_assert_cmpint (jy_contract_error_get_refusal (copy)->conflicting_id, ==, first->id);
  }
}

static void
test_child_package_for_a_70_year_old_refused_with_the_reason (ContractFixture *fx,
                                                              gconstpointer    user_data)
{
  static const char *const codes[] = { "basic", "child", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 1, 1, "2026-03-15", codes, &error);
  g_autofree char *message = NULL;
  const JyContractRefusal *refusal;
  const JyContractPackageProblem *problem;

  g_assert_null (contract);
  g_assert_error (error, JY_CONTRACT_ERROR, JY_CONTRACT_ERROR_PACKAGES);
  refusal = jy_contract_error_get_refusal (error);
  g_assert_cmpuint (refusal->package_problems->len, ==, 1);
  problem = &g_array_index (refusal->package_problems, JyContractPackageProblem, 0);
  g_assert_cmpint (problem->problem.kind, ==, JY_PACKAGE_SELECTION_NOT_ELIGIBLE);
  g_assert_cmpint (problem->problem.reason, ==, JY_PACKAGE_REFUSED_TOO_OLD);
  g_assert_cmpuint (problem->problem.index, ==, 1);
  g_assert_cmpstr (problem->code, ==, "child");
  g_assert_cmpint (problem->age, ==, 70);
  g_assert_cmpint (problem->max_age, ==, 6);

  message = jy_contract_error_describe (error);
  g_test_message ("%s", message);
  g_assert_nonnull (g_strstr_len (message, -1, "70"));
  g_assert_nonnull (g_strstr_len (message, -1, "6"));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract"), ==, 0);
}

static void
test_no_basic_package_refused (ContractFixture *fx,
                               gconstpointer    user_data)
{
  static const char *const codes[] = { "elderly", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 1, 1, "2026-03-15", codes, &error);

  g_assert_error (error, JY_CONTRACT_ERROR, JY_CONTRACT_ERROR_PACKAGES);
  g_assert_cmpint (g_array_index (jy_contract_error_get_refusal (error)->package_problems,
                                  JyContractPackageProblem, 0).problem.kind,
                   ==, JY_PACKAGE_SELECTION_NO_BASIC);
}

static void
test_doctor_must_be_family_doctor_on_the_team (ContractFixture *fx,
                                               gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  ContractJob job = { 0 };
  static const char *const basic[] = { "basic", NULL };

  jy_contract_request_init (&job.request);
  job.what = JOB_SIGN;
  job.request.resident_id = 2;
  job.request.team_id = 1;
  job.request.doctor_id = 4;   /* team 2's lead */
  job.request.package_codes = basic;
  job.today = fx->today;
  g_assert_null (jy_store_write (fx->store, contract_job, &job, NULL, &error));
  g_assert_error (error, JY_CONTRACT_ERROR, JY_CONTRACT_ERROR_TEAM);
  g_clear_error (&error);

  job.request.doctor_id = 2;   /* a nurse of team 1 */
  g_assert_null (jy_store_write (fx->store, contract_job, &job, NULL, &error));
  g_assert_error (error, JY_CONTRACT_ERROR, JY_CONTRACT_ERROR_TEAM);
  g_clear_error (&error);

  job.request.doctor_id = 8;   /* another family doctor of team 1 */
  {
    g_autoptr(JyContract) contract = jy_store_write (fx->store, contract_job, &job, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (contract->doctor_id, ==, 8);
  }
}

/* Raises the elderly package to 300 元 a year: its next version. */
static gpointer
raise_elderly_price (JyDb          *db,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(JyPackageRecord) current = jy_package_store_find (db, "elderly", error);
  g_autoptr(JyServicePackage) edited = NULL;

  if (current == NULL)
    return NULL;
  edited = jy_service_package_copy (current->package);
  edited->annual_fee.resident = 30000;
  return jy_package_store_save (db, edited, current->sort_order, current->id, current->rev, error);
}

static gpointer
load_contract (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  ContractJob *job = data;

  return jy_contract_store_load (db, job->id, &job->today, error);
}

static JyContract *
reload (ContractFixture *fx,
        gint64           id,
        const char      *on)
{
  g_autoptr(GError) error = NULL;
  ContractJob job = { 0 };
  JyContract *contract;

  job.id = id;
  job.today = contract_day (on);
  contract = jy_store_read (fx->store, load_contract, &job, NULL, &error);
  g_assert_no_error (error);
  return contract;
}

static void
test_renewal_carries_packages_and_prices (ContractFixture *fx,
                                          gconstpointer    user_data)
{
  static const char *const codes[] = { "basic", "elderly", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) old = contract_sign (fx, 5, 2, "2025-03-20", codes, &error);
  g_autoptr(JyContract) renewal = NULL;
  g_autoptr(JyContract) repriced = NULL;
  g_autoptr(JyContract) old_later = NULL;
  g_autoptr(JyPackageRecord) new_version = NULL;
  const JyContractPackage *carried;

  g_assert_no_error (error);
  new_version = jy_store_write (fx->store, raise_elderly_price, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (new_version->version, ==, 2);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM service_package WHERE code = 'elderly'"
                              " AND status = 'superseded'"), ==, 1);

  renewal = contract_renew (fx, old, "2026-03-10", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (renewal->renews_id, ==, old->id);
  g_assert_true (renewal->facts.renews);
  /* Starts the day after the old end (2026-03-19), pending until then. */
  g_assert_cmpint (g_date_get_day (&renewal->facts.start), ==, 20);
  g_assert_cmpint (g_date_get_month (&renewal->facts.start), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_year (&renewal->facts.start), ==, 2026);
  g_assert_cmpint (renewal->state, ==, JY_CONTRACT_STATE_PENDING);
  /* The same packages, the version and the yearly price signed in 2025. */
  g_assert_cmpuint (renewal->packages->len, ==, 2);
  carried = g_ptr_array_index (renewal->packages, 1);
  g_assert_cmpstr (carried->code, ==, "elderly");
  g_assert_cmpint (carried->annual_fee.resident, ==, 20000);
  g_assert_cmpint (carried->version, ==, 1);
  g_assert_cmpint (carried->package_id,
                   ==, ((JyContractPackage *)g_ptr_array_index (old->packages, 1))->package_id);
  g_assert_cmpint (renewal->fee.resident, ==, old->fee.resident);

  /* The old one: renewed after its end, in force until then. */
  old_later = reload (fx, old->id, "2026-03-25");
  g_assert_cmpint (old_later->renewed_by_id, ==, renewal->id);
  g_assert_cmpint (old_later->state, ==, JY_CONTRACT_STATE_RENEWED);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'contract'"), ==, 2);

  /* Naming the packages anew takes today's catalogue price. */
  {
    static const char *const again[] = { "basic", "elderly", NULL };
    g_autoptr(JyContract) voided = NULL;

    {
      ContractJob job = { 0 };

      job.what = JOB_VOID;
      job.id = renewal->id;
      job.rev = renewal->rev;
      voided = jy_store_write (fx->store, contract_job, &job, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (voided->state, ==, JY_CONTRACT_STATE_VOIDED);
    }
    {
      g_autoptr(JyContract) old_again = reload (fx, old->id, "2026-03-10");

      /* Voiding the renewal makes the old contract renewable again. */
      g_assert_cmpint (old_again->renewed_by_id, ==, 0);
      repriced = contract_renew (fx, old_again, "2026-03-11", again, &error);
    }
    g_assert_no_error (error);
    g_assert_cmpint (((JyContractPackage *)g_ptr_array_index (repriced->packages, 1))->annual_fee.resident,
                     ==, 30000);
    g_assert_cmpint (((JyContractPackage *)g_ptr_array_index (repriced->packages, 1))->version, ==, 2);
  }
}

static void
test_renewal_outside_the_window_refused (ContractFixture *fx,
                                         gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) old = contract_sign (fx, 2, 1, "2026-01-10", NULL, &error);
  g_autoptr(JyContract) early = NULL;
  g_autofree char *message = NULL;
  const JyContractRefusal *refusal;

  g_assert_no_error (error);
  early = contract_renew (fx, old, "2026-03-15", NULL, &error);
  g_assert_null (early);
  g_assert_error (error, JY_CONTRACT_ERROR, JY_CONTRACT_ERROR_RENEWAL);
  refusal = jy_contract_error_get_refusal (error);
  g_assert_cmpint (refusal->renewal, ==, JY_RENEWAL_TOO_EARLY);
  /* Opens 30 days before the end (2027-01-09). */
  g_assert_cmpint (g_date_get_year (&refusal->renewal_opens), ==, 2026);
  g_assert_cmpint (g_date_get_month (&refusal->renewal_opens), ==, G_DATE_DECEMBER);
  g_assert_cmpint (g_date_get_day (&refusal->renewal_opens), ==, 10);
  message = jy_contract_error_describe (error);
  g_assert_nonnull (g_strstr_len (message, -1, "2026-12-10"));
}

/* A signing within the renewal window is a renewal (§2.3), whatever the
 * form called; after the grace it is a new signing. */
static void
test_signing_in_the_renewal_window_is_a_renewal (ContractFixture *fx,
                                                 gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) old = contract_sign (fx, 6, 1, "2025-03-01", NULL, &error);
  g_autoptr(JyContract) late = NULL;

  g_assert_no_error (error);
  /* Ended 2026-02-28; signed 15 days later: a lapsed renewal from today. */
  late = contract_sign (fx, 6, 1, "2026-03-15", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (late->renews_id, ==, old->id);
  g_assert_cmpint (g_date_compare (&late->facts.start, &late->facts.sign_date), ==, 0);
}

static void
test_termination_keeps_history (ContractFixture *fx,
                                gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 2, 1, "2026-01-10", NULL, &error);
  g_autoptr(JyContract) terminated = NULL;
  g_autoptr(JyContract) other_team = NULL;

  g_assert_no_error (error);
  terminated = contract_terminate (fx, contract, "2026-03-15", JY_TERMINATION_REASON_CHANGE_OF_TEAM, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (terminated->status, ==, "terminated");
  g_assert_cmpint (terminated->state, ==, JY_CONTRACT_STATE_TERMINATED);
  g_assert_cmpint (terminated->facts.termination_reason, ==, JY_TERMINATION_REASON_CHANGE_OF_TEAM);
  g_assert_cmpstr (terminated->termination_note, ==, "测试");
  /* Paid 10 元 for 12 months, 9 whole months left (15 Mar → 9 Jan 2027 is
   * 9 months and some days, rounded down): 7.50 元 back. */
  g_assert_cmpint (terminated->refund_fen, ==, 750);
  /* Covered up to the day before. */
  g_assert_cmpint (g_date_get_day (&terminated->cover_last), ==, 14);

  /* Change of team = terminate + new contract, on the same day. */
  other_team = contract_sign (fx, 2, 2, "2026-03-15", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other_team->team_id, ==, 2);
  g_assert_cmpint (other_team->renews_id, ==, 0);

  /* Both stay, nothing is deleted. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract WHERE resident_id = 2"), ==, 2);
  g_assert_cmpint (count (fx, "SELECT contract_id FROM resident WHERE id = 2"), ==, other_team->id);

  /* A terminated contract is not terminated again, nor renewed. */
  {
    g_autoptr(JyContract) again = contract_terminate (fx, terminated, "2026-03-16",
                                                      JY_TERMINATION_REASON_OTHER, &error);

    g_assert_error (error, JY_CONTRACT_ERROR, JY_CONTRACT_ERROR_TERMINATION);
    g_assert_cmpint (jy_contract_error_get_refusal (error)->termination, ==,
                     JY_TERMINATION_CHECK_ALREADY_TERMINATED);
  }
}

static void
test_termination_takes_the_pending_renewal_along (ContractFixture *fx,
                                                  gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) old = contract_sign (fx, 7, 1, "2025-04-01", NULL, &error);
  g_autoptr(JyContract) renewal = NULL;
  g_autoptr(JyContract) old_now = NULL;
  g_autoptr(JyContract) terminated = NULL;
  g_autoptr(JyContract) renewal_after = NULL;

  g_assert_no_error (error);
  renewal = contract_renew (fx, old, "2026-03-15", NULL, &error);
  g_assert_no_error (error);
  old_now = reload (fx, old->id, "2026-03-15");
  terminated = contract_terminate (fx, old_now, "2026-03-20", JY_TERMINATION_REASON_MOVED_OUT, &error);
  g_assert_no_error (error);
  renewal_after = reload (fx, renewal->id, "2026-03-20");
  g_assert_cmpint (renewal_after->state, ==, JY_CONTRACT_STATE_TERMINATED);
  g_assert_false (g_date_valid (&renewal_after->cover_last));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract WHERE resident_id = 7 AND status = 'terminated'"),
                   ==, 2);
}

static gpointer
retire_resident (JyDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return jy_resident_store_retire (db, 1, 1, "dead", "2026-04-02", NULL, error) ? JY_STORE_DONE : NULL;
}

static void
test_death_terminates_the_contract_at_its_date (ContractFixture *fx,
                                                gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 1, 1, "2026-03-01", NULL, &error);
  g_autoptr(JyContract) after = NULL;

  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, retire_resident, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  after = reload (fx, contract->id, "2026-04-02");
  g_assert_cmpint (after->state, ==, JY_CONTRACT_STATE_TERMINATED);
  g_assert_cmpint (after->facts.termination_reason, ==, JY_TERMINATION_REASON_DEATH);
  g_assert_cmpint (g_date_get_day (&after->facts.termination_date), ==, 2);
}

static gpointer
mark_agreement (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  ContractJob *job = data;

  return jy_contract_store_mark_agreement (db, job->id, (JyAgreementEvent)job->what, error);
}

static void
test_agreement_printed_then_signed (ContractFixture *fx,
                                    gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 2, 1, "2026-03-15", NULL, &error);
  g_autoptr(JyContract) printed = NULL;
  g_autoptr(JyContract) signed_one = NULL;
  g_autoptr(JyContract) signed_again = NULL;
  ContractJob job = { 0 };

  g_assert_no_error (error);
  g_assert_null (contract->agreement_printed_at);
  g_assert_null (contract->agreement_signed_at);
  job.id = contract->id;
  job.what = JY_AGREEMENT_PRINTED;
  printed = jy_store_write (fx->store, mark_agreement, &job, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (printed->agreement_printed_at);
  g_assert_null (printed->agreement_signed_at);
  job.what = JY_AGREEMENT_SIGNED;
  signed_one = jy_store_write (fx->store, mark_agreement, &job, NULL, &error);
  signed_again = jy_store_write (fx->store, mark_agreement, &job, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (signed_one->agreement_signed_at);
  /* The first signing time stays. */
  g_assert_cmpstr (signed_again->agreement_signed_at, ==, signed_one->agreement_signed_at);
  g_assert_cmpint (signed_again->rev, ==, 3);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'contract'"), ==, 3);
}

/* 23:30 in Beijing on 31 March is 15:30 UTC: the contact is Q1's. */
static void
test_contact_late_on_31_march_counts_for_q1 (ContractFixture *fx,
                                             gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 2, 1, "2025-12-01", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contact_due WHERE resident_id = 2"
                              " AND period_first = '2026-01-01'"), ==, 1);
  /* The first partial quarter (Q4 2025) is not owed. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contact_due WHERE period_first = '2025-10-01'"), ==, 0);

  g_assert_true (contract_contact (fx, 2, "2026-03-31T15:30:00Z", JY_CONTACT_BY_TEAM, "2026-03-31", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contact_log WHERE contact_date = '2026-03-31'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contact_due WHERE resident_id = 2"
                              " AND period_first = '2026-01-01'"), ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE id = 2"
                              " AND last_contact_date = '2026-03-31'"), ==, 1);
  /* Each contact: its own outbox and audit entry. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'contact_log'"), ==, 1);
}

/* 00:30 on 1 April in Beijing is 16:30 UTC on 31 March: Q2's. */
static void
test_contact_after_midnight_belongs_to_the_next_quarter (ContractFixture *fx,
                                                         gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 2, 1, "2025-12-01", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (contract_contact (fx, 2, "2026-03-31T16:30:00Z", JY_CONTACT_BY_TEAM, "2026-04-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contact_due WHERE resident_id = 2"
                              " AND period_first = '2026-01-01'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contact_due WHERE resident_id = 2"
                              " AND period_first = '2026-04-01'"), ==, 0);
}

static void
test_contact_in_the_future_refused (ContractFixture *fx,
                                    gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (contract_contact (fx, 2, "2026-03-31T16:30:00Z", JY_CONTACT_BY_TEAM, "2026-03-31", &error));
  g_assert_error (error, JY_CONTRACT_ERROR, JY_CONTRACT_ERROR_CONTACT);
  g_clear_error (&error);
  g_assert_false (contract_contact (fx, 2, "yesterday", JY_CONTACT_BY_TEAM, "2026-03-31", &error));
  g_assert_error (error, JY_CONTRACT_ERROR, JY_CONTRACT_ERROR_CONTACT);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contact_log"), ==, 0);
}

static void
test_resident_initiated_contact_does_not_count (ContractFixture *fx,
                                                gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 2, 1, "2025-12-01", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (contract_contact (fx, 2, "2026-03-10T02:00:00Z", JY_CONTACT_BY_RESIDENT, "2026-03-15", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contact_due WHERE resident_id = 2"
                              " AND period_first = '2026-01-01'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE id = 2 AND last_contact_date IS NULL"), ==, 1);
}

static gpointer
void_first_contact (JyDb          *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return jy_contract_store_void_contact (db, 1, error) ? JY_STORE_DONE : NULL;
}

static void
test_contact_entered_in_error_is_owed_again (ContractFixture *fx,
                                             gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 2, 1, "2025-12-01", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (contract_contact (fx, 2, "2026-03-10T02:00:00Z", JY_CONTACT_BY_TEAM, "2026-03-15", &error));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contact_due WHERE period_first = '2026-01-01'"), ==, 0);
  g_assert_true (jy_store_write (fx->store, void_first_contact, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contact_due WHERE period_first = '2026-01-01'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contact_log WHERE status = 'entered-in-error'"), ==, 1);
}

static gpointer
load_detail (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return jy_resident_detail_load (db, data, cancellable, error);
}

static void
test_timeline_shows_contracts_and_contacts (ContractFixture *fx,
                                            gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 2, 1, "2025-12-01", NULL, &error);
  g_autoptr(JyResidentDetail) detail = NULL;
  gint64 id = 2;
  gboolean signed_seen = FALSE, contact_seen = FALSE;

  g_assert_no_error (error);
  g_assert_true (contract_contact (fx, 2, "2026-03-10T02:00:00Z", JY_CONTACT_BY_TEAM, "2026-03-15", &error));
  /* Opening a record writes its audit row: a write job. */
  detail = jy_store_write (fx->store, load_detail, &id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (detail->contracts->len, ==, 1);
  g_assert_cmpuint (detail->contacts->len, ==, 1);
  g_assert_cmpstr (((JyContactRecord *)g_ptr_array_index (detail->contacts, 0))->staff_name, ==, "李护士");
  for (guint i = 0; i < detail->timeline->len; i++)
    {
      JyTimelineEntry *entry = g_ptr_array_index (detail->timeline, i);

      signed_seen |= g_str_equal (entry->kind, "contract-sign") &&
                     g_strstr_len (entry->detail, -1, contract->contract_no) != NULL;
      contact_seen |= g_str_equal (entry->kind, "contact") && g_strcmp0 (entry->actor, "李护士") == 0;
    }
  g_assert_true (signed_seen);
  g_assert_true (contact_seen);
  /* Newest first: the contact (March) before the signing (December). */
  g_assert_cmpstr (((JyTimelineEntry *)g_ptr_array_index (detail->timeline, 0))->kind, ==, "contact");
}

static gpointer
prepare_draft (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  ContractJob *job = data;

  return jy_contract_store_prepare (db, job->id, 0, 0, &job->today, error);
}

static void
test_draft_offers_packages_with_eligibility (ContractFixture *fx,
                                             gconstpointer    user_data)
{
  static const char *const chosen[] = { "basic", "elderly", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContractDraft) draft = NULL;
  ContractJob job = { 0 };
  JyFeeSplit fee;

  job.id = 1;
  job.today = fx->today;
  draft = jy_store_read (fx->store, prepare_draft, &job, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (draft->kind, ==, JY_SIGNING_KIND_NEW);
  g_assert_cmpint (draft->age, ==, 70);
  g_assert_cmpint (draft->team_id, ==, 1);
  g_assert_cmpint (draft->doctor_id, ==, 1);
  g_assert_cmpint (draft->doctor_caseload, ==, 0);
  g_assert_false (draft->caseload_exceeded);
  g_assert_cmpuint (draft->options->len, ==, 7);
  for (guint i = 0; i < draft->options->len; i++)
    {
      JyPackageOption *option = g_ptr_array_index (draft->options, i);
      const char *code = option->record->package->code;

      if (g_str_equal (code, "basic") || g_str_equal (code, "elderly"))
        g_assert_cmpint (option->eligibility, ==, JY_PACKAGE_ELIGIBLE);
      else if (g_str_equal (code, "child"))
        g_assert_cmpint (option->eligibility, ==, JY_PACKAGE_REFUSED_TOO_OLD);
    }
  jy_contract_draft_fee (draft, chosen, &fee);
  g_assert_cmpint (jy_fee_split_total (&fee), ==, 12000 + 20000);
}

/* Packages ----------------------------------------------------------------- */

static gpointer
list_packages (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return jy_package_store_list (db, FALSE, error);
}

static void
test_catalogue_seeded_from_core (ContractFixture *fx,
                                 gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packages = jy_store_read (fx->store, list_packages, NULL, NULL, &error);
  const JyServicePackage *seed;
  guint n_seed;

  g_assert_no_error (error);
  seed = jy_service_package_get_seed (&n_seed);
  g_assert_cmpuint (packages->len, ==, n_seed);
  for (guint i = 0; i < n_seed; i++)
    {
      JyPackageRecord *record = g_ptr_array_index (packages, i);
      const JyServicePackage *p = record->package;

      g_assert_cmpstr (p->code, ==, seed[i].code);
      g_assert_cmpstr (p->name, ==, seed[i].name);
      g_assert_cmpint (p->kind, ==, seed[i].kind);
      g_assert_cmpint (p->annual_fee.insurance, ==, seed[i].annual_fee.insurance);
      g_assert_cmpint (p->annual_fee.public_health, ==, seed[i].annual_fee.public_health);
      g_assert_cmpint (p->annual_fee.resident, ==, seed[i].annual_fee.resident);
      g_assert_cmpint (p->min_age, ==, seed[i].min_age);
      g_assert_cmpint (p->max_age, ==, seed[i].max_age);
      g_assert_cmpint (p->sex, ==, seed[i].sex);
      g_assert_cmpint (p->key_populations, ==, seed[i].key_populations);
      g_assert_cmpuint (p->n_items, ==, seed[i].n_items);
      for (guint k = 0; k < p->n_items; k++)
        {
          g_assert_cmpstr (p->items[k].code, ==, seed[i].items[k].code);
          g_assert_cmpint (p->items[k].due_rule, ==, seed[i].items[k].due_rule);
          g_assert_cmpuint (p->items[k].quantity, ==, seed[i].items[k].quantity);
          g_assert_cmpuint (p->items[k].key_populations, ==, seed[i].items[k].key_populations);
        }
      g_assert_cmpint (record->version, ==, 1);
    }
  /* Seeds are the same rows everywhere: no outbox. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'service_package'"), ==, 0);
}

static gpointer
withdraw_basic (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(JyPackageRecord) basic = jy_package_store_find (db, "basic", error);

  if (basic == NULL || !jy_package_store_withdraw (db, basic->id, basic->rev, TRUE, error))
    return NULL;
  return JY_STORE_DONE;
}

static gpointer
withdraw_child (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(JyPackageRecord) child = jy_package_store_find (db, "child", error);

  if (child == NULL || !jy_package_store_withdraw (db, child->id, child->rev, TRUE, error))
    return NULL;
  return JY_STORE_DONE;
}

static void
test_withdrawn_package_not_offered (ContractFixture *fx,
                                    gconstpointer    user_data)
{
  static const char *const codes[] = { "basic", "child", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(JyContract) contract = NULL;

  g_assert_null (jy_store_write (fx->store, withdraw_basic, NULL, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (jy_store_write (fx->store, withdraw_child, NULL, NULL, &error) == JY_STORE_DONE);
  packages = jy_store_read (fx->store, list_packages, NULL, NULL, &error);
  g_assert_cmpuint (packages->len, ==, 6);
  contract = contract_sign (fx, 3, 2, "2026-03-15", codes, &error);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND);
}

/* The catalogue's prices and offer are the administrator's (the CLI runs
 * as the system, which may). */
static void
test_doctor_may_not_change_packages (ContractFixture *fx,
                                     gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyActor) doctor = jy_actor_new (1, "00000000-0000-4000-8000-0000000000d1", "wangys", "王医生",
                                            JY_ROLE_DOCTOR, 0);

  jy_store_set_session (fx->store, doctor);
  g_assert_null (jy_store_write (fx->store, raise_elderly_price, NULL, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (jy_store_write (fx->store, withdraw_child, NULL, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_clear_error (&error);

  jy_store_set_session (fx->store, NULL);
  g_assert_true (jy_store_write (fx->store, withdraw_child, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
}

/* Teams -------------------------------------------------------------------- */

typedef struct
{
  gint64 team_id;
  guint  moved;
  guint  transferred;
} TeamJob;

static gpointer
build_team (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  static const char *const areas[] = { "359902001002", NULL };
  TeamJob *job = data;

  if ((job->team_id = jy_team_store_create (db, 0, "T003", "第三家庭医生团队", 8,
                                            JY_TEAM_ROLE_DOCTOR, "2026-01-01", error)) == 0 ||
      jy_team_store_add_member (db, job->team_id, 5, JY_TEAM_ROLE_NURSE, NULL, "2026-01-01", error) == 0 ||
      jy_team_store_add_member (db, job->team_id, 7, JY_TEAM_ROLE_SPECIALIST, "鹭湾市第一医院",
                                "2026-01-01", error) == 0 ||
      !jy_team_store_set_areas (db, job->team_id, areas, error))
    return NULL;
  return JY_STORE_DONE;
}

static gpointer
load_team (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  TeamJob *job = data;
  GDate day = contract_day ("2026-03-15");

  return jy_team_store_load (db, job->team_id, &day, error);
}

static gpointer
make_specialist_lead (JyDb          *db,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  TeamJob *job = data;

  return jy_team_store_update (db, job->team_id, 2, "T003", "第三家庭医生团队", 7, "active", error)
           ? JY_STORE_DONE : NULL;
}

static void
test_team_with_members_and_areas (ContractFixture *fx,
                                  gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyTeamRecord) team = NULL;
  TeamJob job = { 0 };
  gboolean specialist_seen = FALSE;

  g_assert_true (jy_store_write (fx->store, build_team, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  team = jy_store_read (fx->store, load_team, &job, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (team->lead_name, ==, "吴医生");
  g_assert_cmpuint (team->members->len, ==, 3);
  g_assert_cmpuint (team->areas->len, ==, 1);
  g_assert_cmpstr (((JyTeamArea *)g_ptr_array_index (team->areas, 0))->name, ==, "滨海街道莲花社区");
  for (guint i = 0; i < team->members->len; i++)
    {
      JyTeamMemberRecord *m = g_ptr_array_index (team->members, i);

      if (m->role == JY_TEAM_ROLE_SPECIALIST)
        {
          specialist_seen = TRUE;
          g_assert_cmpstr (m->institution, ==, "鹭湾市第一医院");
        }
    }
  g_assert_true (specialist_seen);
  /* No public-health physician yet: a warning, not a refusal. */
  g_assert_cmpuint (team->problems, ==, JY_TEAM_PROBLEM_NO_PUBLIC_HEALTH);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity IN ('team', 'team_member')"), ==, 5);

  /* A specialist never leads. */
  g_assert_null (jy_store_write (fx->store, make_specialist_lead, &job, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
}

static gpointer
move_to_team_2 (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  static const gint64 residents[] = { 1, 2, 6 };
  TeamJob *job = data;
  GDate day = contract_day ("2026-03-15");

  return jy_team_store_move_residents (db, residents, G_N_ELEMENTS (residents), 2, TRUE, &day,
                                       JY_TERMINATION_REASON_INSTITUTION, &job->moved,
                                       &job->transferred, error) ? JY_STORE_DONE : NULL;
}

static void
test_move_residents_hands_contracts_over (ContractFixture *fx,
                                          gconstpointer    user_data)
{
  static const char *const codes[] = { "basic", "elderly", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 1, 1, "2025-06-01", codes, &error);
  TeamJob job = { 0 };

  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, move_to_team_2, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_cmpuint (job.moved, ==, 3);
  g_assert_cmpuint (job.transferred, ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE team_id = 2"), ==, 7);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE entity = 'resident'"
                              " AND json_extract (detail, '$.team_id[1]') = 2"), ==, 3);
  /* The old contract ended for reason 5, a new one with team 2's lead,
   * the same packages and prices, from the day of the move. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract WHERE id = 1 AND termination_reason = '5'"
                              " AND termination_date = '2026-03-15'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract WHERE resident_id = 1 AND team_id = 2"
                              " AND doctor_id = 4 AND start_date = '2026-03-15' AND renews_id IS NULL"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract_package p JOIN contract c ON c.id = p.contract_id"
                              " WHERE c.team_id = 2 AND p.code = 'elderly'"), ==, 1);
  /* The search keys follow the team. */
  g_assert_cmpint (count (fx, "SELECT team_id FROM search_doc WHERE resident_id = 1"), ==, 2);
}

static gpointer
move_haiyun_to_team_2 (JyDb          *db,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  TeamJob *job = data;
  GDate day = contract_day ("2026-03-15");

  return jy_team_store_move_area (db, "359902001001", 2, TRUE, &day, JY_TERMINATION_REASON_CHANGE_OF_TEAM,
                                  &job->moved, &job->transferred, error) ? JY_STORE_DONE : NULL;
}

static void
test_move_a_community (ContractFixture *fx,
                       gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 2, 1, "2025-10-01", NULL, &error);
  TeamJob job = { 0 };

  g_assert_no_error (error);
  /* 海韵社区: residents 1, 2, 6 and 7, all in team 1. */
  g_assert_true (jy_store_write (fx->store, move_haiyun_to_team_2, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_cmpuint (job.moved, ==, 4);
  g_assert_cmpuint (job.transferred, ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE team_id = 2"), ==, 8);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract WHERE resident_id = 2 AND team_id = 2"
                              " AND termination_date IS NULL"), ==, 1);
  /* The community itself changed teams: team 1 no longer answers for it,
   * team 2 does, and both teams' changes wait in the outbox (areas travel
   * with their team), audited with the codes before and after. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM team_area WHERE area_code = '359902001001'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT team_id FROM team_area WHERE area_code = '359902001001'"), ==, 2);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox o JOIN team t ON t.uuid = o.row_uuid"
                              " WHERE o.entity = 'team' AND o.state = 'pending' AND o.rev = t.rev"
                              " AND t.id IN (1, 2)"), ==, 2);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE entity = 'team'"
                              " AND json_extract (detail, '$.event') = 'areas'"), ==, 2);

  /* Again: nobody is left to move. */
  memset (&job, 0, sizeof job);
  g_assert_true (jy_store_write (fx->store, move_haiyun_to_team_2, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_cmpuint (job.moved, ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE entity = 'team'"
                              " AND json_extract (detail, '$.event') = 'areas'"), ==, 2);
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

  ADD ("/store/contract/sign-writes-outbox-and-audit-in-one-transaction",
       test_sign_writes_outbox_and_audit_in_one_transaction);
  ADD ("/store/contract/second-active-contract-refused-with-the-conflicting-contract",
       test_second_active_contract_refused_with_the_conflicting_contract);
  ADD ("/store/contract/child-package-for-a-70-year-old-refused-with-the-reason",
       test_child_package_for_a_70_year_old_refused_with_the_reason);
  ADD ("/store/contract/no-basic-package-refused", test_no_basic_package_refused);
  ADD ("/store/contract/doctor-must-be-family-doctor-on-the-team",
       test_doctor_must_be_family_doctor_on_the_team);
  ADD ("/store/contract/renewal-carries-packages-and-prices", test_renewal_carries_packages_and_prices);
  ADD ("/store/contract/renewal-outside-the-window-refused", test_renewal_outside_the_window_refused);
  ADD ("/store/contract/signing-in-the-renewal-window-is-a-renewal",
       test_signing_in_the_renewal_window_is_a_renewal);
  ADD ("/store/contract/termination-keeps-history", test_termination_keeps_history);
  ADD ("/store/contract/termination-takes-the-pending-renewal-along",
       test_termination_takes_the_pending_renewal_along);
  ADD ("/store/contract/death-terminates-the-contract-at-its-date",
       test_death_terminates_the_contract_at_its_date);
  ADD ("/store/contract/agreement-printed-then-signed", test_agreement_printed_then_signed);
  ADD ("/store/contract/contact-at-2330-on-31-march-counts-for-q1",
       test_contact_late_on_31_march_counts_for_q1);
  ADD ("/store/contract/contact-at-0030-on-1-april-belongs-to-q2",
       test_contact_after_midnight_belongs_to_the_next_quarter);
  ADD ("/store/contract/contact-in-the-future-refused", test_contact_in_the_future_refused);
  ADD ("/store/contract/resident-initiated-contact-does-not-count",
       test_resident_initiated_contact_does_not_count);
  ADD ("/store/contract/contact-entered-in-error-is-owed-again",
       test_contact_entered_in_error_is_owed_again);
  ADD ("/store/contract/timeline-shows-contracts-and-contacts", test_timeline_shows_contracts_and_contacts);
  ADD ("/store/contract/draft-offers-packages-with-eligibility",
       test_draft_offers_packages_with_eligibility);
  ADD ("/store/package/catalogue-seeded-from-core", test_catalogue_seeded_from_core);
  ADD ("/store/package/withdrawn-package-not-offered", test_withdrawn_package_not_offered);
  ADD ("/store/package/a doctor may not change the catalogue", test_doctor_may_not_change_packages);
  ADD ("/store/team/members-roles-institution-and-areas", test_team_with_members_and_areas);
  ADD ("/store/team/move-residents-hands-contracts-over", test_move_residents_hands_contracts_over);
  ADD ("/store/team/move-a-community-to-another-team", test_move_a_community);

#undef ADD

  return g_test_run ();
}
