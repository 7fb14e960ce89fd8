/* test-fulfilment.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-clock.h"
#include "jy-contact.h"
#include "jy-fulfilment.h"
#include "jy-person.h"
#include "test-util.h"

#define KP(tag) JY_KEY_POPULATION_BIT (JY_KEY_POPULATION_##tag)

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

static JyContractFacts
contract (const char *sign)
{
  JyContractFacts c;

  jy_contract_facts_init (&c);
  c.sign_date = day (sign);
  jy_contract_new_term (&c.sign_date, NULL, &c.start, &c.end);
  return c;
}

static JyContact
contact (const char         *iso,
         JyContactChannel    channel,
         JyContactInitiator  initiator)
{
  return (JyContact) { day (iso), channel, initiator };
}

static JyDueStatus
check_period (const JyContractFacts *contracts,
              guint                  n_contracts,
              const JyContact       *contacts,
              guint                  n_contacts,
              const char            *in_period,
              const char            *today,
              const JyContactPolicy *policy,
              GDate                 *due)
{
  GDate p = day (in_period), t = day (today);

  return jy_contact_check_period (contracts, n_contracts, contacts, n_contacts, &p, &t, policy, due);
}

/* Contact channels and the quarterly rule */

static void
test_channels_all_count_by_default (void)
{
  for (guint i = 0; i < JY_CONTACT_CHANNEL_N; i++)
    {
      JyContactChannel back;
      JyContact c = contact ("2026-05-01", i, JY_CONTACT_BY_TEAM);

      g_assert_true (jy_contact_channel_from_string (jy_contact_channel_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_nonnull (jy_contact_channel_get_label (i));
      g_assert_true (jy_contact_counts (&c, NULL));
    }
  g_assert_cmpstr (jy_contact_channel_to_string (JY_CONTACT_CHANNEL_WECHAT), ==, "wechat");
  g_assert_false (jy_contact_channel_from_string ("fax", &(JyContactChannel) { 0 }));
}

static void
test_resident_initiated_contact_does_not_count (void)
{
  JyContact c = contact ("2026-05-01", JY_CONTACT_CHANNEL_CLINIC, JY_CONTACT_BY_RESIDENT);

  g_assert_false (jy_contact_counts (&c, NULL));
}

static void
test_channel_left_out_by_policy (void)
{
  JyContactPolicy policy = JY_CONTACT_POLICY_DEFAULT;
  JyContact sms = contact ("2026-05-01", JY_CONTACT_CHANNEL_SMS, JY_CONTACT_BY_TEAM);

  policy.channels &= ~JY_CONTACT_CHANNEL_BIT (JY_CONTACT_CHANNEL_SMS);
  g_assert_false (jy_contact_counts (&sms, &policy));
}

static void
test_contract_from_mid_quarter_owes_next_quarter (void)
{
  JyContractFacts c = contract ("2026-02-15");
  GDate due;

  g_assert_cmpint (check_period (&c, 1, NULL, 0, "2026-03-01", "2026-03-31", NULL, &due), ==, JY_DUE_NONE);
  assert_date (&due, "2026-03-31");
  g_assert_cmpint (check_period (&c, 1, NULL, 0, "2026-04-10", "2026-04-10", NULL, &due), ==, JY_DUE_OPEN);
  assert_date (&due, "2026-06-30");
}

static void
test_partial_quarter_owed_by_policy (void)
{
  JyContactPolicy policy = JY_CONTACT_POLICY_DEFAULT;
  JyContractFacts c = contract ("2026-02-15");

  policy.partial_periods_due = TRUE;
  g_assert_cmpint (check_period (&c, 1, NULL, 0, "2026-03-01", "2026-03-31", &policy, NULL), ==, JY_DUE_OPEN);
  g_assert_cmpint (check_period (&c, 1, NULL, 0, "2025-12-01", "2026-03-31", &policy, NULL), ==, JY_DUE_NONE);
}

static void
test_renewal_keeps_quarter_owed (void)
{
  JyContractFacts chain[] = { contract ("2025-02-15"), contract ("2026-02-15") };

  chain[0].renewed_on = day ("2026-02-01");
  chain[1].renews = TRUE;
  g_assert_cmpint (check_period (chain, 2, NULL, 0, "2026-02-14", "2026-03-01", NULL, NULL), ==, JY_DUE_OPEN);
  /* Without the renewal the contract ends mid-quarter: not owed. */
  g_assert_cmpint (check_period (chain, 1, NULL, 0, "2026-02-14", "2026-03-01", NULL, NULL), ==, JY_DUE_NONE);
}

static void
test_quarter_without_contact_overdue_after_end (void)
{
  JyContractFacts c = contract ("2026-01-01");
  JyContact in_q1 = contact ("2026-02-01", JY_CONTACT_CHANNEL_PHONE, JY_CONTACT_BY_TEAM);

  g_assert_cmpint (check_period (&c, 1, &in_q1, 1, "2026-06-01", "2026-06-30", NULL, NULL), ==, JY_DUE_OPEN);
  g_assert_cmpint (check_period (&c, 1, &in_q1, 1, "2026-06-01", "2026-07-01", NULL, NULL), ==, JY_DUE_OVERDUE);
  g_assert_cmpint (check_period (&c, 1, &in_q1, 1, "2026-03-31", "2026-07-01", NULL, NULL), ==, JY_DUE_DONE);
}

static void
test_contact_at_local_2330_on_mar_31_counts_for_q1 (void)
{
  JyContractFacts c = contract ("2026-01-01");
  JyContact late = { .channel = JY_CONTACT_CHANNEL_HOME, .initiator = JY_CONTACT_BY_TEAM };

  /* 23:30 in Beijing on 31 March, stored as UTC. */
  g_assert_true (jy_clock_local_date_from_utc_iso ("2026-03-31T15:30:00Z", &late.date));
  g_assert_cmpint (check_period (&c, 1, &late, 1, "2026-01-01", "2026-04-01", NULL, NULL), ==, JY_DUE_DONE);

  /* 01:30 on 1 April local (17:30 UTC on 31 March) is Q2's. */
  g_assert_true (jy_clock_local_date_from_utc_iso ("2026-03-31T17:30:00Z", &late.date));
  g_assert_cmpint (check_period (&c, 1, &late, 1, "2026-01-01", "2026-04-01", NULL, NULL), ==, JY_DUE_OVERDUE);
  g_assert_cmpint (check_period (&c, 1, &late, 1, "2026-04-01", "2026-04-01", NULL, NULL), ==, JY_DUE_DONE);
}

static void
test_contact_after_today_ignored (void)
{
  JyContractFacts c = contract ("2026-01-01");
  JyContact planned = contact ("2026-05-20", JY_CONTACT_CHANNEL_PHONE, JY_CONTACT_BY_TEAM);

  g_assert_cmpint (check_period (&c, 1, &planned, 1, "2026-05-01", "2026-05-10", NULL, NULL), ==, JY_DUE_OPEN);
}

static void
test_monthly_contact_by_policy (void)
{
  JyContactPolicy policy = JY_CONTACT_POLICY_DEFAULT;
  JyContractFacts c = contract ("2026-01-01");
  JyContact in_april = contact ("2026-04-20", JY_CONTACT_CHANNEL_PHONE, JY_CONTACT_BY_TEAM);
  GDate due;

  policy.period_months = 1;
  g_assert_true (jy_contact_policy_is_valid (&policy));
  g_assert_cmpint (check_period (&c, 1, &in_april, 1, "2026-05-05", "2026-06-01", &policy, &due), ==, JY_DUE_OVERDUE);
  assert_date (&due, "2026-05-31");
  policy.period_months = 5;
  g_assert_false (jy_contact_policy_is_valid (&policy));
}

/* Package items */

static JyPackageItem
item (JyItemDueRule rule,
      guint         quantity)
{
  return (JyPackageItem) { "test-item", "Test item", rule, quantity, 0 };
}

static guint
due_count (const JyPackageItem   *it,
           const JyContractFacts *c,
           const char            *reference)
{
  GDate r = day (reference);

  return jy_fulfilment_item_due_count (it, c, &r);
}

static void
test_item_twice_a_year_due_at_months_6_and_12 (void)
{
  JyPackageItem visits = item (JY_ITEM_DUE_PER_CONTRACT_YEAR, 2);
  JyContractFacts c = contract ("2026-01-15");   /* ends 2027-01-14 */

  g_assert_cmpuint (due_count (&visits, &c, "2026-07-13"), ==, 0);
  g_assert_cmpuint (due_count (&visits, &c, "2026-07-14"), ==, 1);
  g_assert_cmpuint (due_count (&visits, &c, "2027-01-13"), ==, 1);
  g_assert_cmpuint (due_count (&visits, &c, "2027-01-14"), ==, 2);
  g_assert_cmpuint (due_count (&visits, &c, "2030-01-01"), ==, 2);
}

static void
test_item_per_year_over_three_year_term (void)
{
  JyContractPolicy policy = JY_CONTRACT_POLICY_DEFAULT;
  JyPackageItem check = item (JY_ITEM_DUE_PER_CONTRACT_YEAR, 1);
  JyContractFacts c = contract ("2024-02-29");

  policy.term_years = 3;
  jy_contract_term_end (&c.start, &policy, &c.end);   /* 2027-02-28 */
  g_assert_cmpuint (due_count (&check, &c, "2025-02-27"), ==, 0);
  g_assert_cmpuint (due_count (&check, &c, "2025-02-28"), ==, 1);
  g_assert_cmpuint (due_count (&check, &c, "2026-02-28"), ==, 2);
  g_assert_cmpuint (due_count (&check, &c, "2027-02-28"), ==, 3);
}

static void
test_quarterly_item_only_whole_quarters (void)
{
  JyPackageItem tests = item (JY_ITEM_DUE_PER_QUARTER, 1);
  JyContractFacts c = contract ("2026-02-15");   /* ends 2027-02-14 */

  g_assert_cmpuint (due_count (&tests, &c, "2026-03-31"), ==, 0);
  g_assert_cmpuint (due_count (&tests, &c, "2026-06-29"), ==, 0);
  g_assert_cmpuint (due_count (&tests, &c, "2026-06-30"), ==, 1);
  g_assert_cmpuint (due_count (&tests, &c, "2027-12-31"), ==, 3);
}

static void
test_on_request_item_never_due (void)
{
  JyPackageItem consultation = item (JY_ITEM_DUE_ON_REQUEST, 0);
  JyPackageItem own = item (JY_ITEM_DUE_OWN_SCHEDULE, 4);
  JyContractFacts c = contract ("2026-01-01");

  g_assert_cmpuint (due_count (&consultation, &c, "2027-01-01"), ==, 0);
  g_assert_cmpuint (due_count (&own, &c, "2027-01-01"), ==, 0);
}

static void
test_terminated_contract_owes_nothing_after (void)
{
  JyPackageItem visits = item (JY_ITEM_DUE_PER_CONTRACT_YEAR, 2);
  JyContractFacts c = contract ("2026-01-15");

  c.termination_date = day ("2026-10-01");
  c.termination_reason = JY_TERMINATION_REASON_MOVED_OUT;
  g_assert_cmpuint (due_count (&visits, &c, "2027-06-01"), ==, 1);
}

static void
test_quarterly_item_met_only_in_its_quarter (void)
{
  JyPackageItem tests = item (JY_ITEM_DUE_PER_QUARTER, 1);
  JyContractFacts c = contract ("2026-01-01");
  JyDelivery two_in_q1[] = { { "test-item", day ("2026-02-01") }, { "test-item", day ("2026-03-01") } };
  JyDelivery each[] = { { "test-item", day ("2026-02-01") }, { "test-item", day ("2026-04-01") } };
  GDate r = day ("2026-06-30");

  g_assert_false (jy_fulfilment_item_is_met (&tests, &c, two_in_q1, 2, &r));
  g_assert_true (jy_fulfilment_item_is_met (&tests, &c, each, 2, &r));
  each[1].item_code = "other-item";
  g_assert_false (jy_fulfilment_item_is_met (&tests, &c, each, 2, &r));
}

static void
test_delivery_does_not_carry_over_contract_years (void)
{
  JyContractPolicy policy = JY_CONTRACT_POLICY_DEFAULT;
  JyPackageItem check = item (JY_ITEM_DUE_PER_CONTRACT_YEAR, 1);
  JyContractFacts c = contract ("2026-01-01");
  JyDelivery both_in_year_one[] = { { "test-item", day ("2026-03-01") }, { "test-item", day ("2026-09-01") } };
  GDate r = day ("2027-12-31");

  policy.term_years = 2;
  jy_contract_term_end (&c.start, &policy, &c.end);
  g_assert_false (jy_fulfilment_item_is_met (&check, &c, both_in_year_one, 2, &r));
  both_in_year_one[1].date = day ("2027-09-01");
  g_assert_true (jy_fulfilment_item_is_met (&check, &c, both_in_year_one, 2, &r));
}

/* 65+ annual check */

static JyDueStatus
annual_check (const char               *birth,
              const char               *check,
              const char               *today,
              const JyFulfilmentPolicy *policy)
{
  GDate b = day (birth), t = day (today);
  GDate c = day (check != NULL ? check : today);

  return jy_fulfilment_annual_check_status (&b, check != NULL ? &c : NULL, check != NULL ? 1 : 0,
                                            &t, &t, policy, NULL);
}

static void
test_annual_check_owed_from_the_year_of_65 (void)
{
  JyFulfilmentPolicy exact = JY_FULFILMENT_POLICY_DEFAULT;

  /* Turns 65 on 31 Dec 2026: in the 2026 cohort with the default rule. */
  g_assert_cmpint (annual_check ("1961-12-31", NULL, "2026-03-01", NULL), ==, JY_DUE_OPEN);
  g_assert_cmpint (annual_check ("1962-01-01", NULL, "2026-12-31", NULL), ==, JY_DUE_NONE);

  exact.elderly_rule = JY_ELDERLY_RULE_EXACT_AGE;
  g_assert_cmpint (annual_check ("1961-12-31", NULL, "2026-03-01", &exact), ==, JY_DUE_NONE);
  g_assert_cmpint (annual_check ("1961-12-31", NULL, "2026-12-31", &exact), ==, JY_DUE_OPEN);
}

static void
test_annual_check_done_and_overdue (void)
{
  GDate b = day ("1950-05-05"), check = day ("2026-04-02"), in_year = day ("2026-06-01");
  GDate next_year = day ("2027-01-01"), due;

  g_assert_cmpint (annual_check ("1950-05-05", "2026-04-02", "2026-06-01", NULL), ==, JY_DUE_DONE);
  /* A check of last year does not count for this one. */
  g_assert_cmpint (annual_check ("1950-05-05", "2025-12-31", "2026-06-01", NULL), ==, JY_DUE_OPEN);
  /* 2026 without a check, seen in 2027. */
  g_assert_cmpint (jy_fulfilment_annual_check_status (&b, NULL, 0, &in_year, &next_year, NULL, &due), ==,
                   JY_DUE_OVERDUE);
  assert_date (&due, "2026-12-31");
  g_assert_cmpint (jy_fulfilment_annual_check_status (&b, &check, 1, &in_year, &next_year, NULL, NULL), ==,
                   JY_DUE_DONE);
  g_assert_cmpint (jy_fulfilment_annual_check_status (NULL, NULL, 0, &in_year, &next_year, NULL, NULL), ==,
                   JY_DUE_NONE);
}

static void
test_annual_check_july_to_june_year (void)
{
  JyReportingCalendar cal = { .month_close_day = 0, .year_start_month = 7 };
  JyFulfilmentPolicy policy = JY_FULFILMENT_POLICY_DEFAULT;
  GDate b = day ("1950-05-05"), check = day ("2026-08-01"), today = day ("2027-03-01"), due;

  policy.calendar = &cal;
  g_assert_cmpint (jy_fulfilment_annual_check_status (&b, &check, 1, &today, &today, &policy, &due), ==,
                   JY_DUE_DONE);
  assert_date (&due, "2027-06-30");
}

/* The whole contract */

typedef struct
{
  JyContractFacts               contract;
  const JyServicePackage       *packages[2];
  JyDelivery                    deliveries[4];
  JyContact                     contacts[4];
  JyFulfilmentFacts             facts;
} Fixture;

static void
fixture_init (Fixture *fx)
{
  fx->contract = contract ("2026-01-01");
  fx->packages[0] = jy_service_package_find_seed ("basic");
  fx->packages[1] = jy_service_package_find_seed ("elderly");
  fx->deliveries[0] = (JyDelivery) { "home-visit", day ("2026-05-20") };
  fx->contacts[0] = contact ("2026-02-10", JY_CONTACT_CHANNEL_PHONE, JY_CONTACT_BY_TEAM);
  fx->contacts[1] = contact ("2026-05-20", JY_CONTACT_CHANNEL_HOME, JY_CONTACT_BY_TEAM);
  fx->facts = (JyFulfilmentFacts) {
    .contract = &fx->contract, .contracts = &fx->contract, .n_contracts = 1,
    .packages = fx->packages, .n_packages = 2,
    .key_populations = KP (ELDERLY),
    .deliveries = fx->deliveries, .n_deliveries = 1,
    .contacts = fx->contacts, .n_contacts = 2,
    .followups_met = TRUE,
  };
}

static gboolean
fulfilled_on (Fixture    *fx,
              const char *iso)
{
  GDate r = day (iso);

  return jy_fulfilment_contract_is_fulfilled (&fx->facts, &r, NULL);
}

static void
test_contract_fulfilled_when_everything_due_is_met (void)
{
  Fixture fx;

  fixture_init (&fx);
  /* By 30 Jun: a contact in Q1 and Q2, one of two home visits. */
  g_assert_true (fulfilled_on (&fx, "2026-06-30"));
}

static void
test_contract_not_fulfilled_without_quarter_contact (void)
{
  Fixture fx;

  fixture_init (&fx);
  fx.facts.n_contacts = 1;
  g_assert_true (fulfilled_on (&fx, "2026-06-29"));
  g_assert_false (fulfilled_on (&fx, "2026-06-30"));
}

static void
test_contract_not_fulfilled_without_home_visit (void)
{
  Fixture fx;

  fixture_init (&fx);
  fx.facts.n_deliveries = 0;
  g_assert_false (fulfilled_on (&fx, "2026-06-30"));
}

static void
test_contract_not_fulfilled_without_followups (void)
{
  Fixture fx;

  fixture_init (&fx);
  fx.facts.followups_met = FALSE;
  g_assert_false (fulfilled_on (&fx, "2026-02-01"));
}

static void
test_annual_check_item_due_at_contract_year_end (void)
{
  Fixture fx;

  fixture_init (&fx);
  fx.contacts[2] = contact ("2026-08-20", JY_CONTACT_CHANNEL_WECHAT, JY_CONTACT_BY_TEAM);
  fx.contacts[3] = contact ("2026-11-20", JY_CONTACT_CHANNEL_CLINIC, JY_CONTACT_BY_TEAM);
  fx.facts.n_contacts = 4;
  fx.deliveries[1] = (JyDelivery) { "home-visit", day ("2026-11-20") };
  fx.deliveries[2] = (JyDelivery) { "cognitive-screen", day ("2026-11-20") };
  fx.deliveries[3] = (JyDelivery) { "elderly-extra-tests", day ("2026-11-20") };
  fx.facts.n_deliveries = 4;
  g_assert_true (fulfilled_on (&fx, "2026-12-30"));
  /* On the last day the 65+ check and TCM identification are due too. */
  g_assert_false (fulfilled_on (&fx, "2026-12-31"));
  /* Not owed to a resident who is not elderly. */
  fx.facts.key_populations = 0;
  fx.facts.n_packages = 1;
  g_assert_true (fulfilled_on (&fx, "2026-12-31"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/contact/every-channel-counts-by-default", test_channels_all_count_by_default);
  g_test_add_func ("/core/contact/resident-initiated-contact-does-not-count", test_resident_initiated_contact_does_not_count);
  g_test_add_func ("/core/contact/channel-left-out-by-policy-does-not-count", test_channel_left_out_by_policy);
  g_test_add_func ("/core/contact/contract-from-2026-02-15-owes-first-contact-by-2026-06-30", test_contract_from_mid_quarter_owes_next_quarter);
  g_test_add_func ("/core/contact/partial-quarter-owed-when-policy-says-so", test_partial_quarter_owed_by_policy);
  g_test_add_func ("/core/contact/renewal-keeps-quarter-owed", test_renewal_keeps_quarter_owed);
  g_test_add_func ("/core/contact/quarter-without-contact-overdue-from-next-day", test_quarter_without_contact_overdue_after_end);
  g_test_add_func ("/core/contact/contact-at-2026-03-31-23-30-local-counts-for-q1", test_contact_at_local_2330_on_mar_31_counts_for_q1);
  g_test_add_func ("/core/contact/contact-after-today-ignored", test_contact_after_today_ignored);
  g_test_add_func ("/core/contact/monthly-contact-by-policy", test_monthly_contact_by_policy);

  g_test_add_func ("/core/fulfilment/item-twice-a-year-due-at-months-6-and-12", test_item_twice_a_year_due_at_months_6_and_12);
  g_test_add_func ("/core/fulfilment/item-once-a-year-over-3-year-term-from-leap-day", test_item_per_year_over_three_year_term);
  g_test_add_func ("/core/fulfilment/quarterly-item-owed-for-whole-quarters-only", test_quarterly_item_only_whole_quarters);
  g_test_add_func ("/core/fulfilment/on-request-item-never-due", test_on_request_item_never_due);
  g_test_add_func ("/core/fulfilment/terminated-contract-owes-nothing-after-termination", test_terminated_contract_owes_nothing_after);
  g_test_add_func ("/core/fulfilment/quarterly-item-met-only-by-delivery-in-that-quarter", test_quarterly_item_met_only_in_its_quarter);
  g_test_add_func ("/core/fulfilment/delivery-does-not-carry-over-to-next-contract-year", test_delivery_does_not_carry_over_contract_years);
  g_test_add_func ("/core/fulfilment/65-plus-check-owed-from-the-year-of-65", test_annual_check_owed_from_the_year_of_65);
  g_test_add_func ("/core/fulfilment/65-plus-check-done-this-year-or-overdue-after-dec-31", test_annual_check_done_and_overdue);
  g_test_add_func ("/core/fulfilment/65-plus-check-in-july-to-june-year", test_annual_check_july_to_june_year);
  g_test_add_func ("/core/fulfilment/contract-fulfilled-when-everything-due-is-met", test_contract_fulfilled_when_everything_due_is_met);
  g_test_add_func ("/core/fulfilment/contract-not-fulfilled-without-quarter-contact", test_contract_not_fulfilled_without_quarter_contact);
  g_test_add_func ("/core/fulfilment/contract-not-fulfilled-without-due-home-visit", test_contract_not_fulfilled_without_home_visit);
  g_test_add_func ("/core/fulfilment/contract-not-fulfilled-without-followups", test_contract_not_fulfilled_without_followups);
  g_test_add_func ("/core/fulfilment/65-plus-check-item-due-on-contract-end", test_annual_check_item_due_at_contract_year_end);

  return g_test_run ();
}
