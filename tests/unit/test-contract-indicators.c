/* test-contract-indicators.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-clock.h"
#include "jy-contract-indicators.h"
#include "jy-key-population.h"
#include "jy-person.h"
#include "jy-rate.h"
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

/* Indicators */

static JyIndicatorPeriod
month (int year,
       int m)
{
  JyIndicatorPeriod period;

  jy_indicator_period_for_month (NULL, year, m, &period);
  return period;
}

static void
test_period_for_month (void)
{
  JyReportingCalendar closes_25th = { .month_close_day = 25, .year_start_month = 1 };
  JyIndicatorPeriod p = month (2026, 11);

  assert_date (&p.first, "2026-11-01");
  assert_date (&p.last, "2026-11-30");
  assert_date (&p.contact_first, "2026-10-01");
  assert_date (&p.as_of, "2026-11-30");

  jy_indicator_period_for_month (&closes_25th, 2026, 10, &p);
  assert_date (&p.first, "2026-09-26");
  assert_date (&p.last, "2026-10-25");
  assert_date (&p.contact_first, "2026-10-01");
}

static void
add (JyContractIndicators    *sums,
     const JyContractFacts   *contracts,
     guint                    n_contracts,
     guint32                  key_populations,
     const JyIndicatorPeriod *period)
{
  JyIndicatorResident resident = { contracts, n_contracts, key_populations };

  jy_contract_indicators_add_resident (sums, &resident, period, NULL, NULL);
}

static void
test_signed_counts_contracts_in_force_only (void)
{
  JyIndicatorPeriod p = month (2026, 10);
  JyContractIndicators sums = { 0 };
  JyContractFacts active = contract ("2026-03-01");
  JyContractFacts pending = contract ("2026-10-20");
  JyContractFacts expired = contract ("2025-10-01");     /* ended 2026-09-30 */
  JyContractFacts ends_on_last_day = contract ("2025-11-01");
  JyContractFacts voided = contract ("2026-03-01");

  pending.start = day ("2026-11-01");
  jy_contract_term_end (&pending.start, NULL, &pending.end);
  voided.voided = TRUE;

  add (&sums, &active, 1, 0, &p);
  add (&sums, &pending, 1, 0, &p);
  add (&sums, &expired, 1, 0, &p);
  add (&sums, &ends_on_last_day, 1, 0, &p);
  add (&sums, &voided, 1, 0, &p);
  g_assert_cmpint (sums.signed_residents, ==, 2);

  {
    JyRate coverage = jy_contract_indicators_coverage (&sums, 8);
    g_autofree char *text = jy_rate_format (&coverage);

    g_assert_cmpstr (text, ==, "25.0%");
  }
}

static void
test_key_population_resident_counts_once (void)
{
  JyIndicatorPeriod p = month (2026, 10);
  JyContractIndicators sums = { 0 };
  JyContractFacts active = contract ("2026-03-01");
  JyRate rate;

  add (&sums, &active, 1, KP (ELDERLY) | KP (HYPERTENSION) | KP (DIABETES), &p);
  add (&sums, NULL, 0, KP (CHILD), &p);
  add (&sums, &active, 1, 0, &p);
  g_assert_cmpint (sums.key_population, ==, 2);
  g_assert_cmpint (sums.key_population_signed, ==, 1);
  rate = jy_contract_indicators_key_population (&sums);
  g_assert_cmpint (rate.numerator, ==, 1);
  g_assert_cmpint (rate.denominator, ==, 2);
}

static void
test_new_signings_exclude_renewals (void)
{
  JyIndicatorPeriod p = month (2026, 10);
  JyContractIndicators sums = { 0 };
  JyContractFacts chain[] = { contract ("2025-10-15"), contract ("2026-10-10") };
  JyContractFacts fresh = contract ("2026-10-31");
  JyContractFacts voided = contract ("2026-10-05");
  JyContractFacts september = contract ("2026-09-30");

  chain[0].renewed_on = day ("2026-10-10");
  chain[1].renews = TRUE;
  chain[1].start = day ("2026-10-15");
  jy_contract_term_end (&chain[1].start, NULL, &chain[1].end);
  voided.voided = TRUE;

  add (&sums, chain, 2, 0, &p);
  add (&sums, &fresh, 1, 0, &p);
  add (&sums, &voided, 1, 0, &p);
  add (&sums, &september, 1, 0, &p);
  g_assert_cmpint (sums.new_signings, ==, 1);
  g_assert_cmpint (sums.renewals_signed, ==, 1);
}

static void
test_terminations_by_reason (void)
{
  JyIndicatorPeriod p = month (2026, 10);
  JyContractIndicators sums = { 0 };
  JyContractFacts a = contract ("2026-01-01"), b = contract ("2026-02-01"), c = contract ("2026-03-01");

  a.termination_date = day ("2026-10-01");
  a.termination_reason = JY_TERMINATION_REASON_DEATH;
  b.termination_date = day ("2026-10-31");
  b.termination_reason = JY_TERMINATION_REASON_CHANGE_OF_TEAM;
  c.termination_date = day ("2026-11-01");
  c.termination_reason = JY_TERMINATION_REASON_DEATH;
  add (&sums, &a, 1, 0, &p);
  add (&sums, &b, 1, 0, &p);
  add (&sums, &c, 1, 0, &p);
  g_assert_cmpint (sums.terminations[JY_TERMINATION_REASON_DEATH], ==, 1);
  g_assert_cmpint (sums.terminations[JY_TERMINATION_REASON_CHANGE_OF_TEAM], ==, 1);
  /* Terminated in the month: not signed at its end. */
  g_assert_cmpint (sums.signed_residents, ==, 1);
}

static void
test_two_signings_in_month_count_one_resident (void)
{
  JyIndicatorPeriod p = month (2026, 10);
  JyContractIndicators sums = { 0 };
  JyContractFacts contracts[] = { contract ("2026-10-05"), contract ("2026-10-20") };

  /* Signed with one team, then changed team within the month. */
  contracts[0].termination_date = day ("2026-10-20");
  contracts[0].termination_reason = JY_TERMINATION_REASON_CHANGE_OF_TEAM;
  add (&sums, contracts, 2, 0, &p);
  g_assert_cmpint (sums.new_signings, ==, 1);
  g_assert_cmpint (sums.terminations[JY_TERMINATION_REASON_CHANGE_OF_TEAM], ==, 1);
  g_assert_cmpint (sums.signed_residents, ==, 1);
}

static JyRenewalCohort
cohort (const JyContractFacts *c,
        const char            *exit_date,
        const char            *as_of)
{
  JyIndicatorPeriod p = month (2026, 10);
  GDate exit_d, as_of_d = day (as_of);

  if (exit_date != NULL)
    exit_d = day (exit_date);
  return jy_contract_indicator_renewal_cohort (c, &p.first, &p.last,
                                               exit_date != NULL ? &exit_d : NULL, &as_of_d, NULL);
}

static void
test_renewal_rate_cohort (void)
{
  /* All end in October 2026 (signed in October 2025). */
  JyContractFacts renewed = contract ("2025-10-10");
  JyContractFacts late_renewal = contract ("2025-10-10");
  JyContractFacts not_renewed = contract ("2025-10-10");
  JyContractFacts died_after_end = contract ("2025-10-10");
  JyContractFacts died_before_end = contract ("2025-10-10");
  JyContractFacts moved_out = contract ("2025-10-10");
  JyContractFacts left_team = contract ("2025-10-10");
  JyContractFacts ends_in_november = contract ("2025-11-10");

  renewed.renewed_on = day ("2026-09-20");            /* end 2026-10-09, window opens 09-09 */
  late_renewal.renewed_on = day ("2027-01-07");       /* end + 90 */
  died_after_end.renewed_on = (GDate) { 0 };
  g_date_clear (&died_after_end.renewed_on, 1);
  died_before_end.termination_date = day ("2026-08-01");
  died_before_end.termination_reason = JY_TERMINATION_REASON_DEATH;
  moved_out.termination_date = day ("2026-10-01");
  moved_out.termination_reason = JY_TERMINATION_REASON_MOVED_OUT;
  left_team.termination_date = day ("2026-06-01");
  left_team.termination_reason = JY_TERMINATION_REASON_CHANGE_OF_TEAM;

  g_assert_cmpint (cohort (&renewed, NULL, "2026-10-31"), ==, JY_RENEWAL_COHORT_RENEWED);
  g_assert_cmpint (cohort (&late_renewal, NULL, "2026-10-31"), ==, JY_RENEWAL_COHORT_NOT_RENEWED);
  g_assert_cmpint (cohort (&late_renewal, NULL, "2027-01-07"), ==, JY_RENEWAL_COHORT_RENEWED);
  g_assert_cmpint (cohort (&not_renewed, NULL, "2027-06-01"), ==, JY_RENEWAL_COHORT_NOT_RENEWED);
  g_assert_cmpint (cohort (&died_after_end, "2026-11-20", "2027-06-01"), ==, JY_RENEWAL_COHORT_EXCLUDED);
  /* Died after the window had closed: it was not renewed. */
  g_assert_cmpint (cohort (&died_after_end, "2027-01-08", "2027-06-01"), ==, JY_RENEWAL_COHORT_NOT_RENEWED);
  g_assert_cmpint (cohort (&died_before_end, NULL, "2026-10-31"), ==, JY_RENEWAL_COHORT_EXCLUDED);
  g_assert_cmpint (cohort (&moved_out, NULL, "2026-10-31"), ==, JY_RENEWAL_COHORT_EXCLUDED);
  g_assert_cmpint (cohort (&left_team, NULL, "2026-10-31"), ==, JY_RENEWAL_COHORT_OUTSIDE);
  g_assert_cmpint (cohort (&ends_in_november, NULL, "2026-10-31"), ==, JY_RENEWAL_COHORT_OUTSIDE);
}

static void
test_renewal_rate_sums (void)
{
  JyIndicatorPeriod p = month (2026, 10);
  JyContractIndicators sums = { 0 };
  JyContractFacts a[] = { contract ("2025-10-10"), contract ("2026-10-10") };
  JyContractFacts b = contract ("2025-10-20");
  JyContractFacts c = contract ("2025-10-25");
  GDate death = day ("2026-10-30");
  JyIndicatorResident dead = { &c, 1, 0, NULL, 0, &death, FALSE };
  JyRate rate;
  g_autofree char *text = NULL;

  a[0].renewed_on = day ("2026-10-05");
  a[1].renews = TRUE;
  p.as_of = day ("2027-02-01");
  add (&sums, a, 2, 0, &p);
  add (&sums, &b, 1, 0, &p);
  jy_contract_indicators_add_resident (&sums, &dead, &p, NULL, NULL);
  rate = jy_contract_indicators_renewal (&sums);
  g_assert_cmpint (rate.numerator, ==, 1);
  g_assert_cmpint (rate.denominator, ==, 2);
  text = jy_rate_format (&rate);
  g_assert_cmpstr (text, ==, "50.0%");
}

static void
test_contact_coverage_signed_throughout_quarter (void)
{
  /* Q3 2026 as of 30 Sep: the whole quarter. */
  JyIndicatorPeriod p = month (2026, 9);
  JyContractIndicators sums = { 0 };
  JyContractFacts whole = contract ("2026-01-01");
  JyContractFacts mid_quarter = contract ("2026-08-15");
  JyContractFacts chain[] = { contract ("2025-08-01"), contract ("2026-08-01") };
  JyContact phoned = { day ("2026-07-05"), JY_CONTACT_CHANNEL_PHONE, JY_CONTACT_BY_TEAM };
  JyContact walked_in = { day ("2026-07-05"), JY_CONTACT_CHANNEL_CLINIC, JY_CONTACT_BY_RESIDENT };
  JyContact last_quarter = { day ("2026-06-30"), JY_CONTACT_CHANNEL_HOME, JY_CONTACT_BY_TEAM };
  JyIndicatorResident residents[] = {
    { &whole, 1, 0, &phoned, 1 },            /* numerator */
    { &whole, 1, 0, &walked_in, 1 },         /* denominator only */
    { &whole, 1, 0, &last_quarter, 1 },      /* denominator only */
    { &mid_quarter, 1, 0, &phoned, 1 },      /* not signed throughout */
    { chain, 2, 0, NULL, 0 },                /* renewed on time: denominator */
  };
  JyRate rate;

  chain[1].renews = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (residents); i++)
    jy_contract_indicators_add_resident (&sums, &residents[i], &p, NULL, NULL);
  rate = jy_contract_indicators_contact (&sums);
  g_assert_cmpint (rate.numerator, ==, 1);
  g_assert_cmpint (rate.denominator, ==, 4);
}

static void
test_contact_coverage_quarter_to_date (void)
{
  /* November: the window is 1 Oct–30 Nov; a contract from 15 Oct is not in it. */
  JyIndicatorPeriod p = month (2026, 11);
  JyContractIndicators sums = { 0 };
  JyContractFacts whole = contract ("2026-01-01");
  JyContractFacts october = contract ("2026-10-15");
  JyContact in_october = { day ("2026-10-20"), JY_CONTACT_CHANNEL_WECHAT, JY_CONTACT_BY_TEAM };
  JyIndicatorResident a = { &whole, 1, 0, &in_october, 1 };
  JyIndicatorResident b = { &october, 1, 0, &in_october, 1 };

  jy_contract_indicators_add_resident (&sums, &a, &p, NULL, NULL);
  jy_contract_indicators_add_resident (&sums, &b, &p, NULL, NULL);
  g_assert_cmpint (sums.contact_owed, ==, 1);
  g_assert_cmpint (sums.contact_done, ==, 1);
}

static void
test_fulfilment_rate_over_contracts_in_force (void)
{
  JyIndicatorPeriod p = month (2026, 10);
  JyContractIndicators sums = { 0 };
  JyContractFacts active = contract ("2026-03-01");
  JyContractFacts expired = contract ("2025-03-01");
  JyIndicatorResident residents[] = {
    { &active, 1, 0, NULL, 0, NULL, TRUE },
    { &active, 1, 0, NULL, 0, NULL, FALSE },
    { &active, 1, 0, NULL, 0, NULL, TRUE },
    { &expired, 1, 0, NULL, 0, NULL, TRUE },
  };
  JyRate rate;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (residents); i++)
    jy_contract_indicators_add_resident (&sums, &residents[i], &p, NULL, NULL);
  rate = jy_contract_indicators_fulfilment (&sums);
  text = jy_rate_format (&rate);
  g_assert_cmpstr (text, ==, "66.7%");
}

static void
test_empty_centre_prints_dashes (void)
{
  JyContractIndicators sums = { 0 };
  JyRate rates[] = {
    jy_contract_indicators_coverage (&sums, 0),
    jy_contract_indicators_key_population (&sums),
    jy_contract_indicators_renewal (&sums),
    jy_contract_indicators_fulfilment (&sums),
    jy_contract_indicators_contact (&sums),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      g_autofree char *text = jy_rate_format (&rates[i]);

      g_assert_cmpstr (text, ==, "—");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/indicator/month-period-and-quarter-to-date-window", test_period_for_month);
  g_test_add_func ("/core/indicator/signed-counts-contracts-in-force-on-month-end", test_signed_counts_contracts_in_force_only);
  g_test_add_func ("/core/indicator/key-population-resident-counts-once", test_key_population_resident_counts_once);
  g_test_add_func ("/core/indicator/newly-signed-in-month-excludes-renewals-and-voided", test_new_signings_exclude_renewals);
  g_test_add_func ("/core/indicator/terminations-in-month-by-reason", test_terminations_by_reason);
  g_test_add_func ("/core/indicator/two-signings-in-a-month-count-one-resident", test_two_signings_in_month_count_one_resident);
  g_test_add_func ("/core/indicator/renewal-cohort-excludes-death-and-move-out", test_renewal_rate_cohort);
  g_test_add_func ("/core/indicator/renewal-rate-1-of-2-with-death-excluded", test_renewal_rate_sums);
  g_test_add_func ("/core/indicator/contact-rate-over-residents-signed-throughout-quarter", test_contact_coverage_signed_throughout_quarter);
  g_test_add_func ("/core/indicator/contact-rate-quarter-to-date-in-november", test_contact_coverage_quarter_to_date);
  g_test_add_func ("/core/indicator/fulfilment-rate-over-contracts-in-force", test_fulfilment_rate_over_contracts_in_force);
  g_test_add_func ("/core/indicator/empty-centre-prints-dashes", test_empty_centre_prints_dashes);

  return g_test_run ();
}
