/* test-contract.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-clock.h"
#include "jy-contract.h"
#include "jy-person.h"
#include "test-util.h"

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (jy_person_parse_date (iso, &date));
  return date;
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = jy_clock_format_date (date);

  g_assert_cmpstr (text, ==, iso);
}

/* A contract signed on @sign with the default one-year term from @sign. */
static JyContractFacts
contract (const char *sign)
{
  JyContractFacts c;

  jy_contract_facts_init (&c);
  c.sign_date = day (sign);
  jy_contract_new_term (&c.sign_date, NULL, &c.start, &c.end);
  return c;
}

static JyContractState
state_on (const JyContractFacts *c,
          const char            *iso)
{
  GDate date = day (iso);

  return jy_contract_state_on (c, &date);
}

static void
assert_term (const char *sign,
             const char *end)
{
  JyContractFacts c = contract (sign);

  assert_date (&c.start, sign);
  assert_date (&c.end, end);
}

/* Term */

static void
test_term_signed_2026_03_15 (void)
{
  assert_term ("2026-03-15", "2027-03-14");
}

static void
test_term_signed_jan_1_ends_dec_31 (void)
{
  assert_term ("2026-01-01", "2026-12-31");
}

static void
test_term_signed_2024_02_29 (void)
{
  assert_term ("2024-02-29", "2025-02-28");
}

static void
test_term_signed_2024_03_01 (void)
{
  assert_term ("2024-03-01", "2025-02-28");
}

static void
test_term_signed_2023_03_01_covers_leap_day (void)
{
  assert_term ("2023-03-01", "2024-02-29");
}

static void
test_term_three_years_from_leap_day (void)
{
  JyContractPolicy policy = JY_CONTRACT_POLICY_DEFAULT;
  GDate start = day ("2024-02-29"), end;

  policy.term_years = 3;
  jy_contract_term_end (&start, &policy, &end);
  assert_date (&end, "2027-02-28");
  policy.term_years = 4;
  jy_contract_term_end (&start, &policy, &end);
  assert_date (&end, "2028-02-28");
}

static void
test_renewal_term_before_end (void)
{
  GDate old_end = day ("2026-12-31"), sign = day ("2026-12-10"), start, end;

  jy_contract_renewal_term (&old_end, &sign, NULL, &start, &end);
  assert_date (&start, "2027-01-01");
  assert_date (&end, "2027-12-31");
}

static void
test_renewal_term_on_end_day (void)
{
  GDate old_end = day ("2026-12-31"), sign = day ("2026-12-31"), start, end;

  jy_contract_renewal_term (&old_end, &sign, NULL, &start, &end);
  assert_date (&start, "2027-01-01");
}

static void
test_renewal_term_after_lapse (void)
{
  GDate old_end = day ("2026-12-31"), sign = day ("2027-02-10"), start, end;

  jy_contract_renewal_term (&old_end, &sign, NULL, &start, &end);
  assert_date (&start, "2027-02-10");
  assert_date (&end, "2028-02-09");
}

static void
test_renewal_term_reaches_leap_day (void)
{
  GDate old_end = day ("2028-02-28"), sign = day ("2028-02-01"), start, end;

  jy_contract_renewal_term (&old_end, &sign, NULL, &start, &end);
  assert_date (&start, "2028-02-29");
  assert_date (&end, "2029-02-28");
}

/* States */

static void
test_state_pending_before_start (void)
{
  JyContractFacts c = contract ("2026-03-01");

  c.start = day ("2026-04-01");
  jy_contract_term_end (&c.start, NULL, &c.end);
  g_assert_cmpint (state_on (&c, "2026-03-01"), ==, JY_CONTRACT_STATE_PENDING);
  g_assert_cmpint (state_on (&c, "2026-03-31"), ==, JY_CONTRACT_STATE_PENDING);
  g_assert_cmpint (state_on (&c, "2026-04-01"), ==, JY_CONTRACT_STATE_ACTIVE);
}

static void
test_state_active_on_first_and_last_day (void)
{
  JyContractFacts c = contract ("2026-03-15");

  g_assert_cmpint (state_on (&c, "2026-03-15"), ==, JY_CONTRACT_STATE_ACTIVE);
  g_assert_cmpint (state_on (&c, "2027-03-14"), ==, JY_CONTRACT_STATE_ACTIVE);
}

static void
test_state_expired_day_after_end (void)
{
  JyContractFacts c = contract ("2026-03-15");

  g_assert_cmpint (state_on (&c, "2027-03-15"), ==, JY_CONTRACT_STATE_EXPIRED);
}

static void
test_state_renewed_from_renewal_sign_date (void)
{
  JyContractFacts c = contract ("2026-03-15");

  /* Renewed 20 days after it lapsed: expired until then, renewed from then. */
  c.renewed_on = day ("2027-04-04");
  g_assert_cmpint (state_on (&c, "2027-04-03"), ==, JY_CONTRACT_STATE_EXPIRED);
  g_assert_cmpint (state_on (&c, "2027-04-04"), ==, JY_CONTRACT_STATE_RENEWED);
}

static void
test_state_renewed_early_stays_active_until_end (void)
{
  JyContractFacts c = contract ("2026-03-15");

  c.renewed_on = day ("2027-03-01");
  g_assert_cmpint (state_on (&c, "2027-03-01"), ==, JY_CONTRACT_STATE_ACTIVE);
  g_assert_cmpint (state_on (&c, "2027-03-14"), ==, JY_CONTRACT_STATE_ACTIVE);
  g_assert_cmpint (state_on (&c, "2027-03-15"), ==, JY_CONTRACT_STATE_RENEWED);
}

static void
test_state_terminated_from_termination_date (void)
{
  JyContractFacts c = contract ("2026-03-15");

  c.termination_date = day ("2026-05-10");
  c.termination_reason = JY_TERMINATION_REASON_RESIDENT_REQUEST;
  g_assert_cmpint (state_on (&c, "2026-05-09"), ==, JY_CONTRACT_STATE_ACTIVE);
  g_assert_cmpint (state_on (&c, "2026-05-10"), ==, JY_CONTRACT_STATE_TERMINATED);
  g_assert_cmpint (state_on (&c, "2030-01-01"), ==, JY_CONTRACT_STATE_TERMINATED);
}

static void
test_state_voided_everywhere (void)
{
  JyContractFacts c = contract ("2026-03-15");

  c.voided = TRUE;
  g_assert_cmpint (state_on (&c, "2026-01-01"), ==, JY_CONTRACT_STATE_VOIDED);
  g_assert_cmpint (state_on (&c, "2026-06-01"), ==, JY_CONTRACT_STATE_VOIDED);
}

static void
test_state_codes_round_trip (void)
{
  for (guint i = 0; i < JY_CONTRACT_STATE_N; i++)
    {
      JyContractState back;

      g_assert_true (jy_contract_state_from_string (jy_contract_state_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_nonnull (jy_contract_state_get_label (i));
    }
  g_assert_cmpstr (jy_contract_state_to_string (JY_CONTRACT_STATE_RENEWED), ==, "renewed");
  g_assert_false (jy_contract_state_from_string ("signed", &(JyContractState) { 0 }));
}

static void
test_termination_reason_codes (void)
{
  JyTerminationReason reason;

  g_assert_cmpstr (jy_termination_reason_to_code (JY_TERMINATION_REASON_DEATH), ==, "3");
  g_assert_cmpstr (jy_termination_reason_to_code (JY_TERMINATION_REASON_OTHER), ==, "9");
  g_assert_null (jy_termination_reason_to_code (JY_TERMINATION_REASON_NONE));
  g_assert_true (jy_termination_reason_from_code ("4", &reason));
  g_assert_cmpint (reason, ==, JY_TERMINATION_REASON_CHANGE_OF_TEAM);
  g_assert_false (jy_termination_reason_from_code ("6", &reason));
  g_assert_false (jy_termination_reason_from_code (NULL, &reason));
  for (guint i = 1; i < JY_TERMINATION_REASON_N; i++)
    g_assert_nonnull (jy_termination_reason_get_label (i));
}

static void
test_signing_channel_codes (void)
{
  JySigningChannel channel;

  for (guint i = 0; i < JY_SIGNING_CHANNEL_N; i++)
    {
      g_assert_true (jy_signing_channel_from_string (jy_signing_channel_to_string (i), &channel));
      g_assert_cmpint (channel, ==, i);
      g_assert_nonnull (jy_signing_channel_get_label (i));
    }
  g_assert_cmpstr (jy_signing_channel_to_string (JY_SIGNING_CHANNEL_ONLINE), ==, "online");
}

/* Expiring */

static void
test_expiring_30_days_before_end (void)
{
  JyContractFacts c = contract ("2026-01-01");   /* ends 2026-12-31 */
  GDate d30 = day ("2026-12-01"), d31 = day ("2026-11-30"), last = day ("2026-12-31");
  GDate after = day ("2027-01-01");

  g_assert_cmpint (jy_contract_days_left (&c, &d30), ==, 30);
  g_assert_true (jy_contract_is_expiring (&c, &d30, NULL));
  g_assert_false (jy_contract_is_expiring (&c, &d31, NULL));
  g_assert_true (jy_contract_is_expiring (&c, &last, NULL));
  g_assert_false (jy_contract_is_expiring (&c, &after, NULL));
}

static void
test_expiring_not_once_renewed (void)
{
  JyContractFacts c = contract ("2026-01-01");
  GDate d = day ("2026-12-20");

  c.renewed_on = day ("2026-12-15");
  g_assert_false (jy_contract_is_expiring (&c, &d, NULL));
}

static void
test_expiring_window_from_policy (void)
{
  JyContractPolicy policy = JY_CONTRACT_POLICY_DEFAULT;
  JyContractFacts c = contract ("2026-01-01");
  GDate d = day ("2026-11-01");

  policy.expiring_days = 60;
  g_assert_false (jy_contract_is_expiring (&c, &d, NULL));
  g_assert_true (jy_contract_is_expiring (&c, &d, &policy));
}

/* One active contract per resident */

static void
test_second_active_contract_refused (void)
{
  JyContractFacts existing[] = { contract ("2026-01-10") };
  GDate start, end, sign = day ("2026-06-01");

  jy_contract_new_term (&sign, NULL, &start, &end);
  g_assert_cmpint (jy_contract_find_overlap (existing, 1, &start, &end), ==, 0);
}

static void
test_future_contract_overlapping_pending_refused (void)
{
  JyContractFacts pending = contract ("2026-06-01");
  GDate start = day ("2026-08-01"), end;

  pending.start = day ("2026-07-01");
  jy_contract_term_end (&pending.start, NULL, &pending.end);
  jy_contract_term_end (&start, NULL, &end);
  g_assert_cmpint (jy_contract_find_overlap (&pending, 1, &start, &end), ==, 0);
}

static void
test_contract_from_day_after_end_allowed (void)
{
  JyContractFacts existing[] = { contract ("2025-01-01"), contract ("2026-01-01") };
  GDate start = day ("2027-01-01"), end;

  jy_contract_term_end (&start, NULL, &end);
  g_assert_cmpint (jy_contract_find_overlap (existing, 2, &start, &end), ==, -1);
  /* One day earlier meets the 2026 contract's last day. */
  start = day ("2026-12-31");
  g_assert_cmpint (jy_contract_find_overlap (existing, 2, &start, &end), ==, 1);
}

static void
test_change_of_team_on_termination_day_allowed (void)
{
  JyContractFacts old = contract ("2026-01-01");
  GDate start = day ("2026-05-10"), end;

  old.termination_date = day ("2026-05-10");
  old.termination_reason = JY_TERMINATION_REASON_CHANGE_OF_TEAM;
  jy_contract_term_end (&start, NULL, &end);
  g_assert_cmpint (jy_contract_find_overlap (&old, 1, &start, &end), ==, -1);
  start = day ("2026-05-09");
  g_assert_cmpint (jy_contract_find_overlap (&old, 1, &start, &end), ==, 0);
}

static void
test_voided_contract_does_not_block (void)
{
  JyContractFacts old = contract ("2026-01-01");
  GDate start = day ("2026-01-01"), end;

  old.voided = TRUE;
  jy_contract_term_end (&start, NULL, &end);
  g_assert_cmpint (jy_contract_find_overlap (&old, 1, &start, &end), ==, -1);
}

static void
test_pending_terminated_before_start_does_not_block (void)
{
  JyContractFacts old = contract ("2026-01-01");
  GDate first, last;

  old.start = day ("2026-02-01");
  jy_contract_term_end (&old.start, NULL, &old.end);
  old.termination_date = day ("2026-01-15");
  old.termination_reason = JY_TERMINATION_REASON_RESIDENT_REQUEST;
  g_assert_false (jy_contract_get_coverage (&old, &first, &last));
  g_assert_cmpint (jy_contract_find_overlap (&old, 1, &old.start, &old.end), ==, -1);
}

static void
test_list_check_finds_overlapping_pair (void)
{
  JyContractFacts list[] = { contract ("2024-01-01"), contract ("2025-01-01"), contract ("2025-06-01") };
  guint a = 99, b = 99;

  g_assert_true (jy_contract_list_find_overlap (list, 3, &a, &b));
  g_assert_cmpuint (a, ==, 1);
  g_assert_cmpuint (b, ==, 2);
  list[2].voided = TRUE;
  g_assert_false (jy_contract_list_find_overlap (list, 3, &a, &b));
}

static void
test_renewal_chain_covered_throughout (void)
{
  JyContractFacts list[] = { contract ("2025-02-15"), contract ("2026-02-15") };
  GDate first = day ("2026-01-01"), last = day ("2026-03-31");

  g_assert_true (jy_contract_covered_throughout (list, 2, &first, &last));
  /* A one-day gap breaks it. */
  list[1].start = day ("2026-02-16");
  g_assert_false (jy_contract_covered_throughout (list, 2, &first, &last));
  g_assert_false (jy_contract_covered_throughout (NULL, 0, &first, &last));
}

/* Renewal */

static JyRenewalCheck
renew_on (const JyContractFacts *old,
          const char            *iso)
{
  GDate sign = day (iso);

  return jy_contract_check_renewal (old, &sign, NULL, NULL, NULL);
}

static void
test_renewal_opens_30_days_before_end (void)
{
  JyContractFacts c = contract ("2026-01-01");   /* ends 2026-12-31 */
  GDate sign = day ("2026-12-01"), start, end;

  g_assert_cmpint (renew_on (&c, "2026-11-30"), ==, JY_RENEWAL_TOO_EARLY);
  g_assert_cmpint (jy_contract_check_renewal (&c, &sign, NULL, &start, &end), ==, JY_RENEWAL_OK);
  assert_date (&start, "2027-01-01");
  assert_date (&end, "2027-12-31");
}

static void
test_renewal_closes_90_days_after_end (void)
{
  JyContractFacts c = contract ("2026-01-01");
  GDate sign = day ("2027-03-31"), start, end;

  g_assert_cmpint (jy_contract_check_renewal (&c, &sign, NULL, &start, &end), ==, JY_RENEWAL_OK);
  assert_date (&start, "2027-03-31");
  g_assert_cmpint (renew_on (&c, "2027-04-01"), ==, JY_RENEWAL_LAPSED);
}

static void
test_signing_after_grace_is_new (void)
{
  JyContractFacts c = contract ("2026-01-01");
  GDate in_window = day ("2027-01-20"), late = day ("2027-04-01");

  g_assert_cmpint (jy_contract_classify_signing (&c, &in_window, NULL), ==, JY_SIGNING_KIND_RENEWAL);
  g_assert_cmpint (jy_contract_classify_signing (&c, &late, NULL), ==, JY_SIGNING_KIND_NEW);
  g_assert_cmpint (jy_contract_classify_signing (NULL, &late, NULL), ==, JY_SIGNING_KIND_NEW);
}

static void
test_terminated_contract_cannot_be_renewed (void)
{
  JyContractFacts c = contract ("2026-01-01");

  c.termination_date = day ("2026-12-20");
  c.termination_reason = JY_TERMINATION_REASON_RESIDENT_REQUEST;
  g_assert_cmpint (renew_on (&c, "2026-12-10"), ==, JY_RENEWAL_TERMINATED);
}

static void
test_voided_or_renewed_contract_cannot_be_renewed (void)
{
  JyContractFacts c = contract ("2026-01-01");

  c.renewed_on = day ("2026-12-05");
  g_assert_cmpint (renew_on (&c, "2026-12-10"), ==, JY_RENEWAL_ALREADY_RENEWED);
  c.voided = TRUE;
  g_assert_cmpint (renew_on (&c, "2026-12-10"), ==, JY_RENEWAL_VOIDED);
}

static void
test_renewal_window_from_policy (void)
{
  JyContractPolicy policy = JY_CONTRACT_POLICY_DEFAULT;
  JyContractFacts c = contract ("2026-01-01");
  GDate early = day ("2026-11-15"), late = day ("2027-02-15");

  policy.renewal_opens_days = 60;
  policy.renewal_grace_days = 30;
  g_assert_cmpint (jy_contract_check_renewal (&c, &early, &policy, NULL, NULL), ==, JY_RENEWAL_OK);
  g_assert_cmpint (jy_contract_check_renewal (&c, &late, &policy, NULL, NULL), ==, JY_RENEWAL_LAPSED);
}

/* Dates, termination, refund */

static void
test_dates_check (void)
{
  JyContractFacts c = contract ("2026-03-15");
  GDate today = day ("2026-03-20");

  g_assert_cmpuint (jy_contract_check_dates (&c, &today, NULL), ==, 0);

  c.start = day ("2026-03-14");
  g_assert_cmpuint (jy_contract_check_dates (&c, &today, NULL), ==,
                    JY_CONTRACT_DATES_START_BEFORE_SIGNING | JY_CONTRACT_DATES_END_NOT_TERM);

  c = contract ("2026-03-15");
  today = day ("2026-03-14");
  g_assert_cmpuint (jy_contract_check_dates (&c, &today, NULL), ==, JY_CONTRACT_DATES_SIGNED_IN_FUTURE);
  g_assert_cmpuint (jy_contract_check_dates (&c, NULL, NULL), ==, 0);

  c.termination_date = day ("2027-03-15");
  g_assert_cmpuint (jy_contract_check_dates (&c, NULL, NULL), ==,
                    JY_CONTRACT_DATES_TERMINATION_INVALID | JY_CONTRACT_DATES_TERMINATION_NO_REASON);

  g_date_clear (&c.end, 1);
  g_assert_cmpuint (jy_contract_check_dates (&c, NULL, NULL), ==, JY_CONTRACT_DATES_MISSING);
}

static JyTerminationCheck
terminate_on (const JyContractFacts *c,
              const char            *iso,
              JyTerminationReason    reason)
{
  GDate date = day (iso);

  return jy_contract_check_termination (c, &date, reason);
}

static void
test_termination_checks (void)
{
  JyContractFacts c = contract ("2026-01-01");

  g_assert_cmpint (terminate_on (&c, "2026-05-10", JY_TERMINATION_REASON_MOVED_OUT), ==, JY_TERMINATION_CHECK_OK);
  g_assert_cmpint (terminate_on (&c, "2026-12-31", JY_TERMINATION_REASON_MOVED_OUT), ==, JY_TERMINATION_CHECK_OK);
  g_assert_cmpint (terminate_on (&c, "2027-01-01", JY_TERMINATION_REASON_MOVED_OUT), ==, JY_TERMINATION_CHECK_ALREADY_ENDED);
  g_assert_cmpint (terminate_on (&c, "2025-12-31", JY_TERMINATION_REASON_MOVED_OUT), ==, JY_TERMINATION_CHECK_BEFORE_SIGNING);
  g_assert_cmpint (terminate_on (&c, "2026-05-10", JY_TERMINATION_REASON_NONE), ==, JY_TERMINATION_CHECK_NO_REASON);
  c.termination_date = day ("2026-05-10");
  c.termination_reason = JY_TERMINATION_REASON_OTHER;
  g_assert_cmpint (terminate_on (&c, "2026-06-10", JY_TERMINATION_REASON_OTHER), ==, JY_TERMINATION_CHECK_ALREADY_TERMINATED);
}

static void
test_death_ends_active_and_pending_contracts (void)
{
  JyContractFacts active = contract ("2026-01-01");
  JyContractFacts pending = contract ("2026-10-01");
  JyContractFacts expired = contract ("2025-01-01");
  GDate death = day ("2026-10-15");

  pending.start = day ("2027-01-01");
  jy_contract_term_end (&pending.start, NULL, &pending.end);
  g_assert_true (jy_contract_ends_on_death (&active, &death));
  g_assert_true (jy_contract_ends_on_death (&pending, &death));
  g_assert_false (jy_contract_ends_on_death (&expired, &death));

  /* Terminated at the date of death: not signed on that day any more. */
  active.termination_date = death;
  active.termination_reason = JY_TERMINATION_REASON_DEATH;
  g_assert_cmpint (state_on (&active, "2026-10-15"), ==, JY_CONTRACT_STATE_TERMINATED);
  g_assert_false (jy_contract_ends_on_death (&active, &death));
}

static gint64
refund (const JyContractFacts *c,
        const char            *iso,
        gint64                 paid)
{
  GDate date = day (iso);

  return jy_contract_refund_fen (c, &date, paid, NULL);
}

static void
test_refund_six_whole_months_left_is_half (void)
{
  JyContractFacts c = contract ("2026-01-15");   /* ends 2027-01-14 */
  GDate date = day ("2026-07-15");

  g_assert_cmpuint (jy_contract_months_remaining (&c, &date), ==, 6);
  g_assert_cmpint (refund (&c, "2026-07-15", 20000), ==, 10000);
}

static void
test_refund_one_day_short_of_six_months (void)
{
  JyContractFacts c = contract ("2026-01-15");
  GDate date = day ("2026-07-16");

  g_assert_cmpuint (jy_contract_months_remaining (&c, &date), ==, 5);
  /* 20000 × 5 / 12 = 8333.33 → 8333 */
  g_assert_cmpint (refund (&c, "2026-07-16", 20000), ==, 8333);
}

static void
test_refund_rounds_half_up_to_fen (void)
{
  JyContractFacts c = contract ("2026-01-15");

  /* 6 fen × 1/12 = 0.5 fen → 1; 18 × 1/12 = 1.5 → 2 */
  g_assert_cmpint (refund (&c, "2026-12-15", 6), ==, 1);
  g_assert_cmpint (refund (&c, "2026-12-15", 18), ==, 2);
  /* Less than a whole month left: nothing. */
  g_assert_cmpint (refund (&c, "2026-12-16", 20000), ==, 0);
}

static void
test_refund_before_start_is_everything (void)
{
  JyContractFacts c = contract ("2026-01-15");

  c.start = day ("2026-02-01");
  jy_contract_term_end (&c.start, NULL, &c.end);
  g_assert_cmpint (refund (&c, "2026-01-20", 20000), ==, 20000);
  g_assert_cmpint (refund (&c, "2026-02-01", 20000), ==, 20000);
}

static void
test_refund_none_by_policy (void)
{
  JyContractPolicy policy = JY_CONTRACT_POLICY_DEFAULT;
  JyContractFacts c = contract ("2026-01-15");
  GDate date = day ("2026-02-01");

  policy.refund_rule = JY_REFUND_RULE_NONE;
  g_assert_cmpint (jy_contract_refund_fen (&c, &date, 20000, &policy), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/contract/term/signed-2026-03-15-ends-2027-03-14", test_term_signed_2026_03_15);
  g_test_add_func ("/core/contract/term/signed-2026-01-01-ends-2026-12-31", test_term_signed_jan_1_ends_dec_31);
  g_test_add_func ("/core/contract/term/signed-2024-02-29-ends-2025-02-28", test_term_signed_2024_02_29);
  g_test_add_func ("/core/contract/term/signed-2024-03-01-ends-2025-02-28", test_term_signed_2024_03_01);
  g_test_add_func ("/core/contract/term/signed-2023-03-01-ends-2024-02-29", test_term_signed_2023_03_01_covers_leap_day);
  g_test_add_func ("/core/contract/term/3-year-term-from-2024-02-29-ends-2027-02-28", test_term_three_years_from_leap_day);
  g_test_add_func ("/core/contract/term/renewal-signed-before-end-starts-day-after-old-end", test_renewal_term_before_end);
  g_test_add_func ("/core/contract/term/renewal-signed-on-end-day-starts-next-day", test_renewal_term_on_end_day);
  g_test_add_func ("/core/contract/term/renewal-after-lapse-starts-on-sign-date", test_renewal_term_after_lapse);
  g_test_add_func ("/core/contract/term/renewal-after-2028-02-28-starts-2028-02-29", test_renewal_term_reaches_leap_day);

  g_test_add_func ("/core/contract/state/pending-until-start", test_state_pending_before_start);
  g_test_add_func ("/core/contract/state/active-on-first-and-last-day", test_state_active_on_first_and_last_day);
  g_test_add_func ("/core/contract/state/expired-day-after-end", test_state_expired_day_after_end);
  g_test_add_func ("/core/contract/state/renewed-from-renewal-sign-date-after-lapse", test_state_renewed_from_renewal_sign_date);
  g_test_add_func ("/core/contract/state/renewed-early-stays-active-until-end", test_state_renewed_early_stays_active_until_end);
  g_test_add_func ("/core/contract/state/terminated-from-termination-date", test_state_terminated_from_termination_date);
  g_test_add_func ("/core/contract/state/voided-on-every-day", test_state_voided_everywhere);
  g_test_add_func ("/core/contract/state/codes-round-trip", test_state_codes_round_trip);
  g_test_add_func ("/core/contract/termination/reason-codes-1-5-and-9", test_termination_reason_codes);
  g_test_add_func ("/core/contract/signing-channel/codes-round-trip", test_signing_channel_codes);

  g_test_add_func ("/core/contract/expiring/30-days-left-is-expiring-31-is-not", test_expiring_30_days_before_end);
  g_test_add_func ("/core/contract/expiring/renewed-contract-not-expiring", test_expiring_not_once_renewed);
  g_test_add_func ("/core/contract/expiring/60-days-from-policy", test_expiring_window_from_policy);

  g_test_add_func ("/core/contract/overlap/second-active-contract-refused", test_second_active_contract_refused);
  g_test_add_func ("/core/contract/overlap/contract-overlapping-pending-one-refused", test_future_contract_overlapping_pending_refused);
  g_test_add_func ("/core/contract/overlap/contract-from-day-after-end-allowed", test_contract_from_day_after_end_allowed);
  g_test_add_func ("/core/contract/overlap/change-of-team-on-termination-day-allowed", test_change_of_team_on_termination_day_allowed);
  g_test_add_func ("/core/contract/overlap/voided-contract-does-not-block", test_voided_contract_does_not_block);
  g_test_add_func ("/core/contract/overlap/pending-terminated-before-start-does-not-block", test_pending_terminated_before_start_does_not_block);
  g_test_add_func ("/core/contract/overlap/list-check-finds-overlapping-pair", test_list_check_finds_overlapping_pair);
  g_test_add_func ("/core/contract/overlap/renewal-chain-covers-quarter-one-day-gap-does-not", test_renewal_chain_covered_throughout);

  g_test_add_func ("/core/contract/renewal/opens-30-days-before-end", test_renewal_opens_30_days_before_end);
  g_test_add_func ("/core/contract/renewal/closes-90-days-after-end", test_renewal_closes_90_days_after_end);
  g_test_add_func ("/core/contract/renewal/signing-91-days-after-end-is-new-signing", test_signing_after_grace_is_new);
  g_test_add_func ("/core/contract/renewal/terminated-contract-cannot-be-renewed", test_terminated_contract_cannot_be_renewed);
  g_test_add_func ("/core/contract/renewal/voided-or-renewed-contract-cannot-be-renewed", test_voided_or_renewed_contract_cannot_be_renewed);
  g_test_add_func ("/core/contract/renewal/window-from-policy", test_renewal_window_from_policy);

  g_test_add_func ("/core/contract/dates/start-before-signing-end-off-term-future-termination-invalid", test_dates_check);
  g_test_add_func ("/core/contract/termination/expired-contract-cannot-be-terminated", test_termination_checks);
  g_test_add_func ("/core/contract/termination/death-ends-active-and-pending-contracts", test_death_ends_active_and_pending_contracts);
  g_test_add_func ("/core/contract/refund/6-whole-months-left-refunds-half", test_refund_six_whole_months_left_is_half);
  g_test_add_func ("/core/contract/refund/one-day-short-of-6-months-refunds-5-twelfths", test_refund_one_day_short_of_six_months);
  g_test_add_func ("/core/contract/refund/rounds-half-up-to-the-fen", test_refund_rounds_half_up_to_fen);
  g_test_add_func ("/core/contract/refund/terminated-before-start-refunds-everything", test_refund_before_start_is_everything);
  g_test_add_func ("/core/contract/refund/no-refund-by-policy", test_refund_none_by_policy);

  return g_test_run ();
}
