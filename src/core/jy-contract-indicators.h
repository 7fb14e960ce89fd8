/* jy-contract-indicators.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jy-contact.h"
#include "jy-contract.h"
#include "jy-rate.h"
#include "jy-reporting-period.h"

G_BEGIN_DECLS

/* Contract indicators (domain.md §2.6, monthly summary C01–C08 of §6.1),
 * defined as what one resident adds to each numerator and denominator.
 * The report may compute the same counts with SQL aggregates; these
 * functions are the definition that SQL is tested against. A resident
 * counts once in every resident total, however many contracts or tags. */

/* The days an indicator run looks at. */
typedef struct
{
  GDate first;            /* first day of the period (a reporting month) */
  GDate last;             /* last day: also the reference date of stock indicators */
  /* Start of the contact window: the first day of the calendar quarter
   * containing @last, so C07 is quarter to date; at a quarter end the
   * window is the whole quarter, as §2.6 defines it. */
  GDate contact_first;
  /* Renewals signed up to this day count (the data's as-of date). A
   * month's renewal rate can grow until renewal_grace_days after it. */
  GDate as_of;
} JyIndicatorPeriod;

/* One resident, as the indicators see them. */
typedef struct
{
  const JyContractFacts *contracts;         /* all of them, voided ones too */
  guint                  n_contracts;
  guint32                key_populations;   /* jy_key_population_derive() on period.last */
  const JyContact       *contacts;
  guint                  n_contacts;
  const GDate           *exit_date;         /* death or move-out; NULL if none */
  /* Whether the contract in force on period.last is fulfilled
   * (jy_fulfilment_contract_is_fulfilled() on that day). */
  gboolean               active_fulfilled;
} JyIndicatorResident;

/* Where a contract stands in the renewal cohort of a period. */
typedef enum
{
  JY_RENEWAL_COHORT_OUTSIDE,        /* its end is not in the period, or it did not expire */
  JY_RENEWAL_COHORT_EXCLUDED,       /* death or move-out (§2.6) */
  JY_RENEWAL_COHORT_NOT_RENEWED,    /* denominator only */
  JY_RENEWAL_COHORT_RENEWED,        /* numerator and denominator */
} JyRenewalCohort;

typedef struct
{
  gint64 signed_residents;        /* C01 在约人数 */
  gint64 key_population;          /* 重点人群签约率 denominator */
  gint64 key_population_signed;   /* … numerator */
  gint64 new_signings;            /* C04 新签约人数: residents with a new signing */
  gint64 renewals_signed;         /* C05 续约人数: residents who renewed */
  gint64 terminations[JY_TERMINATION_REASON_N];   /* C06 解约人数, by reason */
  gint64 expiring;                /* 续约率 denominator (contracts) */
  gint64 expiring_renewed;        /* … numerator (contracts) */
  gint64 active_contracts;        /* 履约率 denominator */
  gint64 active_fulfilled;        /* … numerator */
  gint64 contact_owed;            /* 季度主动联系完成率 denominator */
  gint64 contact_done;            /* … numerator */
} JyContractIndicators;

void            jy_indicator_period_for_month         (const JyReportingCalendar  *calendar,
                                                       int                         year,
                                                       int                         month,
                                                       JyIndicatorPeriod          *out);

gboolean        jy_contract_indicator_is_signed       (const JyContractFacts      *contracts,
                                                       guint                       n_contracts,
                                                       const GDate                *reference);
gboolean        jy_contract_indicator_is_new_signing  (const JyContractFacts      *contract,
                                                       const GDate                *first,
                                                       const GDate                *last);
gboolean        jy_contract_indicator_is_renewal      (const JyContractFacts      *contract,
                                                       const GDate                *first,
                                                       const GDate                *last);
JyRenewalCohort jy_contract_indicator_renewal_cohort  (const JyContractFacts      *contract,
                                                       const GDate                *first,
                                                       const GDate                *last,
                                                       const GDate                *exit_date,
                                                       const GDate                *as_of,
                                                       const JyContractPolicy     *policy);

void            jy_contract_indicators_add_resident   (JyContractIndicators       *sums,
                                                       const JyIndicatorResident  *resident,
                                                       const JyIndicatorPeriod    *period,
                                                       const JyContractPolicy     *contract_policy,
                                                       const JyContactPolicy      *contact_policy);
JyRate          jy_contract_indicators_coverage       (const JyContractIndicators *sums,
                                                       gint64                      population);
JyRate          jy_contract_indicators_key_population (const JyContractIndicators *sums);
JyRate          jy_contract_indicators_renewal        (const JyContractIndicators *sums);
JyRate          jy_contract_indicators_fulfilment     (const JyContractIndicators *sums);
JyRate          jy_contract_indicators_contact        (const JyContractIndicators *sums);

G_END_DECLS
