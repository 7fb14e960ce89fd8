/* jy-contract-indicators.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-indicators.h"

#include "jy-quarter.h"

static const JyContractPolicy default_contract_policy = JY_CONTRACT_POLICY_DEFAULT;

static gboolean
date_in (const GDate *date,
         const GDate *first,
         const GDate *last)
{
  return g_date_valid (date) && g_date_compare (date, first) >= 0 &&
         g_date_compare (date, last) <= 0;
}

/* The period of reporting month @year-@month: its days, the quarter to
 * date for contacts, renewals as of the month's last day. */
void
jy_indicator_period_for_month (const JyReportingCalendar *calendar,
                               int                        year,
                               int                        month,
                               JyIndicatorPeriod         *out)
{
  JyQuarter quarter;

  g_return_if_fail (out != NULL);

  jy_reporting_month_bounds (calendar, year, month, &out->first, &out->last);
  jy_quarter_from_date (&out->last, &quarter);
  jy_quarter_first_day (&quarter, &out->contact_first);
  out->as_of = out->last;
}

/* C01 / 签约率 numerator: a contract in force (state active) on @reference.
 * Pending, expired, renewed, terminated and voided contracts do not count. */
gboolean
jy_contract_indicator_is_signed (const JyContractFacts *contracts,
                                 guint                  n_contracts,
                                 const GDate           *reference)
{
  g_return_val_if_fail (contracts != NULL || n_contracts == 0, FALSE);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), FALSE);

  for (guint i = 0; i < n_contracts; i++)
    if (jy_contract_state_on (&contracts[i], reference) == JY_CONTRACT_STATE_ACTIVE)
      return TRUE;
  return FALSE;
}

/* C04: signed in [@first, @last], not a renewal, not voided. A signing
 * after the renewal window is new (§2.3) and counts here. */
gboolean
jy_contract_indicator_is_new_signing (const JyContractFacts *contract,
                                      const GDate           *first,
                                      const GDate           *last)
{
  g_return_val_if_fail (contract != NULL && first != NULL && last != NULL, FALSE);

  return !contract->voided && !contract->renews && date_in (&contract->sign_date, first, last);
}

/* C05 count: renewals signed in [@first, @last], not voided. */
gboolean
jy_contract_indicator_is_renewal (const JyContractFacts *contract,
                                  const GDate           *first,
                                  const GDate           *last)
{
  g_return_val_if_fail (contract != NULL && first != NULL && last != NULL, FALSE);

  return !contract->voided && contract->renews && date_in (&contract->sign_date, first, last);
}

/* 续约率 (§2.6, cohort): the denominator is the contracts whose end falls
 * in [@first, @last] and which reached it (not terminated on or before
 * their end, not voided), excluding residents who died or moved out
 * before the renewal window closed without renewing; the numerator is
 * those renewed by a renewal signed within the window
 * [end − renewal_opens_days, end + renewal_grace_days] and by @as_of. */
JyRenewalCohort
jy_contract_indicator_renewal_cohort (const JyContractFacts  *contract,
                                      const GDate            *first,
                                      const GDate            *last,
                                      const GDate            *exit_date,
                                      const GDate            *as_of,
                                      const JyContractPolicy *policy)
{
  const JyContractPolicy *pol = policy != NULL ? policy : &default_contract_policy;
  GDate opens, closes;

  g_return_val_if_fail (contract != NULL, JY_RENEWAL_COHORT_OUTSIDE);
  g_return_val_if_fail (first != NULL && last != NULL && as_of != NULL, JY_RENEWAL_COHORT_OUTSIDE);

  if (contract->voided || !date_in (&contract->end, first, last))
    return JY_RENEWAL_COHORT_OUTSIDE;
  if (g_date_valid (&contract->termination_date) &&
      g_date_compare (&contract->termination_date, &contract->end) <= 0)
    return contract->termination_reason == JY_TERMINATION_REASON_DEATH ||
           contract->termination_reason == JY_TERMINATION_REASON_MOVED_OUT
             ? JY_RENEWAL_COHORT_EXCLUDED : JY_RENEWAL_COHORT_OUTSIDE;

  opens = contract->end;
  g_date_subtract_days (&opens, pol->renewal_opens_days);
  closes = contract->end;
  g_date_add_days (&closes, pol->renewal_grace_days);
  if (date_in (&contract->renewed_on, &opens, &closes) &&
      g_date_compare (&contract->renewed_on, as_of) <= 0)
    return JY_RENEWAL_COHORT_RENEWED;
  if (exit_date != NULL && g_date_valid (exit_date) && g_date_compare (exit_date, &closes) <= 0)
    return JY_RENEWAL_COHORT_EXCLUDED;
  return JY_RENEWAL_COHORT_NOT_RENEWED;
}

/* Adds one resident to every count of @sums for @period. Counts of people
 * (人数) count the resident once; the renewal cohort counts contracts. */
void
jy_contract_indicators_add_resident (JyContractIndicators      *sums,
                                     const JyIndicatorResident *resident,
                                     const JyIndicatorPeriod   *period,
                                     const JyContractPolicy    *contract_policy,
                                     const JyContactPolicy     *contact_policy)
{
  gboolean is_signed, new_signing = FALSE, renewal = FALSE;
  gboolean terminated[JY_TERMINATION_REASON_N] = { FALSE };

  g_return_if_fail (sums != NULL && resident != NULL && period != NULL);
  g_return_if_fail (resident->contracts != NULL || resident->n_contracts == 0);

  is_signed = jy_contract_indicator_is_signed (resident->contracts, resident->n_contracts,
                                               &period->last);
  if (is_signed)
    {
      sums->signed_residents++;
      sums->active_contracts++;
      if (resident->active_fulfilled)
        sums->active_fulfilled++;
    }
  if (resident->key_populations != 0)
    {
      sums->key_population++;
      if (is_signed)
        sums->key_population_signed++;
    }

  for (guint i = 0; i < resident->n_contracts; i++)
    {
      const JyContractFacts *contract = &resident->contracts[i];

      new_signing = new_signing ||
                    jy_contract_indicator_is_new_signing (contract, &period->first, &period->last);
      renewal = renewal ||
                jy_contract_indicator_is_renewal (contract, &period->first, &period->last);
      if (!contract->voided && contract->termination_reason < JY_TERMINATION_REASON_N &&
          date_in (&contract->termination_date, &period->first, &period->last))
        terminated[contract->termination_reason] = TRUE;

      switch (jy_contract_indicator_renewal_cohort (contract, &period->first, &period->last,
                                                    resident->exit_date, &period->as_of,
                                                    contract_policy))
        {
        case JY_RENEWAL_COHORT_RENEWED:
          sums->expiring_renewed++;
          sums->expiring++;
          break;
        case JY_RENEWAL_COHORT_NOT_RENEWED:
          sums->expiring++;
          break;
        case JY_RENEWAL_COHORT_OUTSIDE:
        case JY_RENEWAL_COHORT_EXCLUDED:
        default:
          break;
        }
    }

  /* 人数: a resident who signed twice in the month (terminate, then sign
   * with another team) is one new signing. */
  if (new_signing)
    sums->new_signings++;
  if (renewal)
    sums->renewals_signed++;
  for (guint r = 0; r < JY_TERMINATION_REASON_N; r++)
    if (terminated[r])
      sums->terminations[r]++;

  /* 季度主动联系完成率: signed throughout the window, contacted in it. */
  if (jy_contract_covered_throughout (resident->contracts, resident->n_contracts,
                                      &period->contact_first, &period->last))
    {
      sums->contact_owed++;
      if (jy_contact_made_between (resident->contacts, resident->n_contacts,
                                   &period->contact_first, &period->last, contact_policy))
        sums->contact_done++;
    }
}

/* 签约率 / C02: residents signed on the reference date ÷ the registered
 * permanent population (常住人口, configured per year). */
JyRate
jy_contract_indicators_coverage (const JyContractIndicators *sums,
                                 gint64                      population)
{
  g_return_val_if_fail (sums != NULL, JY_RATE_INIT (0, 0));

  return JY_RATE_INIT (sums->signed_residents, population);
}

/* 重点人群签约率 / C03: distinct key-population residents signed ÷
 * distinct key-population residents (§1.4). */
JyRate
jy_contract_indicators_key_population (const JyContractIndicators *sums)
{
  g_return_val_if_fail (sums != NULL, JY_RATE_INIT (0, 0));

  return JY_RATE_INIT (sums->key_population_signed, sums->key_population);
}

/* 续约率 / C05 rate: see jy_contract_indicator_renewal_cohort(). */
JyRate
jy_contract_indicators_renewal (const JyContractIndicators *sums)
{
  g_return_val_if_fail (sums != NULL, JY_RATE_INIT (0, 0));

  return JY_RATE_INIT (sums->expiring_renewed, sums->expiring);
}

/* 履约率 / C08: contracts in force on the reference date with all due
 * obligations met ÷ contracts in force. */
JyRate
jy_contract_indicators_fulfilment (const JyContractIndicators *sums)
{
  g_return_val_if_fail (sums != NULL, JY_RATE_INIT (0, 0));

  return JY_RATE_INIT (sums->active_fulfilled, sums->active_contracts);
}

/* 季度主动联系完成率 / C07: residents signed throughout the quarter (to
 * date) with a counting contact in it ÷ residents signed throughout it. */
JyRate
jy_contract_indicators_contact (const JyContractIndicators *sums)
{
  g_return_val_if_fail (sums != NULL, JY_RATE_INIT (0, 0));

  return JY_RATE_INIT (sums->contact_done, sums->contact_owed);
}
