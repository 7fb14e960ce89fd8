/* jy-contract.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Family-doctor contracts (家庭医生签约服务, domain.md §2.2–2.3): terms,
 * states, renewal, termination and the one-contract-per-resident rule, as
 * pure functions over the dates of a resident's contracts. All dates are
 * local dates (jy-clock); a term's start and end are both covered days.
 *
 * Functions taking `const JyContractPolicy *` accept NULL for the defaults. */

/* The contract's state on a given day (§2.3). Stored as the string codes
 * of jy_contract_state_to_string(); jy_contract_state_on() derives it. */
typedef enum
{
  JY_CONTRACT_STATE_PENDING,      /* 待生效: signed, starts later */
  JY_CONTRACT_STATE_ACTIVE,       /* 生效: start ≤ day ≤ end, not terminated */
  JY_CONTRACT_STATE_EXPIRED,      /* 到期: past the end, not renewed */
  JY_CONTRACT_STATE_RENEWED,      /* 已续约: past the end, a renewal was signed */
  JY_CONTRACT_STATE_TERMINATED,   /* 解约: on or after the termination date */
  JY_CONTRACT_STATE_VOIDED,       /* 作废: a data-entry error, excluded everywhere */
  JY_CONTRACT_STATE_N
} JyContractState;

/* Termination reasons (§2.3); codes "1"–"5" and "9" are stored. */
typedef enum
{
  JY_TERMINATION_REASON_NONE,
  JY_TERMINATION_REASON_RESIDENT_REQUEST,   /* 1 */
  JY_TERMINATION_REASON_MOVED_OUT,          /* 2 moved out / long-term absence */
  JY_TERMINATION_REASON_DEATH,              /* 3 automatic at the date of death */
  JY_TERMINATION_REASON_CHANGE_OF_TEAM,     /* 4 change of team or institution */
  JY_TERMINATION_REASON_INSTITUTION,        /* 5 institution side (team dissolved) */
  JY_TERMINATION_REASON_OTHER,              /* 9 */
  JY_TERMINATION_REASON_N
} JyTerminationReason;

/* Where the contract was signed (§2.2). */
typedef enum
{
  JY_SIGNING_CHANNEL_CLINIC,
  JY_SIGNING_CHANNEL_HOME,
  JY_SIGNING_CHANNEL_ONLINE,
  JY_SIGNING_CHANNEL_N
} JySigningChannel;

/* Refund of paid packages on termination (§2.3, configurable). */
typedef enum
{
  /* Default: paid × whole months remaining ÷ months of the term. */
  JY_REFUND_RULE_PRO_RATA_WHOLE_MONTHS,
  JY_REFUND_RULE_NONE,
} JyRefundRule;

/* What a city may change (§2.3). */
typedef struct
{
  guint        term_years;           /* 1; some cities allow 2–3 */
  guint        renewal_opens_days;   /* 30: renewal from end − 30 days … */
  guint        renewal_grace_days;   /* 90: … to end + 90 days */
  guint        expiring_days;        /* 30: "expiring" on the worklist */
  JyRefundRule refund_rule;          /* pro-rata by whole months */
} JyContractPolicy;

#define JY_CONTRACT_POLICY_DEFAULT ((JyContractPolicy) { \
  .term_years = 1, .renewal_opens_days = 30, .renewal_grace_days = 90, \
  .expiring_days = 30, .refund_rule = JY_REFUND_RULE_PRO_RATA_WHOLE_MONTHS })

/* What the rules need to know about one contract. Cleared GDates
 * (g_date_clear) mean "none"; jy_contract_facts_init() clears them all. */
typedef struct
{
  GDate               sign_date;
  GDate               start;
  GDate               end;                 /* last covered day */
  /* First day no longer covered: a contract terminated on 10 May covers
   * 9 May, not 10 May, so a new contract with another team may start on
   * 10 May. A termination date before the start leaves nothing covered. */
  GDate               termination_date;
  JyTerminationReason termination_reason;
  /* Sign date of the (non-voided) contract that renews this one. */
  GDate               renewed_on;
  gboolean            renews;              /* this contract renews an earlier one (`renews`) */
  gboolean            voided;
} JyContractFacts;

typedef enum
{
  JY_RENEWAL_OK,
  JY_RENEWAL_TOO_EARLY,          /* before end − renewal_opens_days (or not started) */
  JY_RENEWAL_LAPSED,             /* after end + renewal_grace_days: sign anew (新签) */
  JY_RENEWAL_TERMINATED,         /* a terminated contract is never renewed */
  JY_RENEWAL_VOIDED,
  JY_RENEWAL_ALREADY_RENEWED,
} JyRenewalCheck;

typedef enum
{
  JY_SIGNING_KIND_NEW,           /* 新签 */
  JY_SIGNING_KIND_RENEWAL,       /* 续约 */
} JySigningKind;

typedef enum
{
  JY_TERMINATION_CHECK_OK,
  JY_TERMINATION_CHECK_VOIDED,
  JY_TERMINATION_CHECK_ALREADY_TERMINATED,
  JY_TERMINATION_CHECK_BEFORE_SIGNING,   /* the date is before the sign date */
  JY_TERMINATION_CHECK_ALREADY_ENDED,    /* the date is after the end: it expired */
  JY_TERMINATION_CHECK_NO_REASON,
} JyTerminationCheck;

/* Problems with one contract's own dates; several can be set at once. */
typedef enum
{
  JY_CONTRACT_DATES_OK                    = 0,
  JY_CONTRACT_DATES_MISSING               = 1 << 0,   /* sign, start or end date */
  JY_CONTRACT_DATES_START_BEFORE_SIGNING  = 1 << 1,
  JY_CONTRACT_DATES_END_NOT_TERM          = 1 << 2,   /* end ≠ start + term − 1 day */
  JY_CONTRACT_DATES_SIGNED_IN_FUTURE      = 1 << 3,
  JY_CONTRACT_DATES_TERMINATION_INVALID   = 1 << 4,   /* before signing or after end + 1 */
  JY_CONTRACT_DATES_TERMINATION_NO_REASON = 1 << 5,   /* a date without a reason or back */
} JyContractDatesProblem;

void               jy_contract_facts_init          (JyContractFacts        *facts);

const char        *jy_contract_state_to_string     (JyContractState         state);
gboolean           jy_contract_state_from_string   (const char             *code,
                                                    JyContractState        *out);
const char        *jy_contract_state_get_label     (JyContractState         state);
const char        *jy_termination_reason_to_code   (JyTerminationReason     reason);
gboolean           jy_termination_reason_from_code (const char             *code,
                                                    JyTerminationReason    *out);
const char        *jy_termination_reason_get_label (JyTerminationReason     reason);
const char        *jy_signing_channel_to_string    (JySigningChannel        channel);
gboolean           jy_signing_channel_from_string  (const char             *code,
                                                    JySigningChannel       *out);
const char        *jy_signing_channel_get_label    (JySigningChannel        channel);

gboolean           jy_contract_policy_is_valid     (const JyContractPolicy *policy);
void               jy_contract_term_end            (const GDate            *start,
                                                    const JyContractPolicy *policy,
                                                    GDate                  *end);
void               jy_contract_new_term            (const GDate            *sign_date,
                                                    const JyContractPolicy *policy,
                                                    GDate                  *start,
                                                    GDate                  *end);
void               jy_contract_renewal_term        (const GDate            *old_end,
                                                    const GDate            *sign_date,
                                                    const JyContractPolicy *policy,
                                                    GDate                  *start,
                                                    GDate                  *end);
guint              jy_contract_check_dates         (const JyContractFacts  *facts,
                                                    const GDate            *today,
                                                    const JyContractPolicy *policy);

JyContractState    jy_contract_state_on            (const JyContractFacts  *facts,
                                                    const GDate            *date);
gboolean           jy_contract_get_coverage        (const JyContractFacts  *facts,
                                                    GDate                  *first,
                                                    GDate                  *last);
int                jy_contract_days_left           (const JyContractFacts  *facts,
                                                    const GDate            *date);
gboolean           jy_contract_is_expiring         (const JyContractFacts  *facts,
                                                    const GDate            *date,
                                                    const JyContractPolicy *policy);

int                jy_contract_find_overlap        (const JyContractFacts  *existing,
                                                    guint                   n_existing,
                                                    const GDate            *start,
                                                    const GDate            *end);
gboolean           jy_contract_list_find_overlap   (const JyContractFacts  *contracts,
                                                    guint                   n_contracts,
                                                    guint                  *first_index,
                                                    guint                  *second_index);
gboolean           jy_contract_covered_throughout  (const JyContractFacts  *contracts,
                                                    guint                   n_contracts,
                                                    const GDate            *first,
                                                    const GDate            *last);

JyRenewalCheck     jy_contract_check_renewal       (const JyContractFacts  *old,
                                                    const GDate            *sign_date,
                                                    const JyContractPolicy *policy,
                                                    GDate                  *start,
                                                    GDate                  *end);
JySigningKind      jy_contract_classify_signing    (const JyContractFacts  *previous,
                                                    const GDate            *sign_date,
                                                    const JyContractPolicy *policy);

JyTerminationCheck jy_contract_check_termination   (const JyContractFacts  *facts,
                                                    const GDate            *date,
                                                    JyTerminationReason     reason);
gboolean           jy_contract_ends_on_death       (const JyContractFacts  *facts,
                                                    const GDate            *death_date);
guint              jy_contract_months_remaining    (const JyContractFacts  *facts,
                                                    const GDate            *termination_date);
gint64             jy_contract_refund_fen          (const JyContractFacts  *facts,
                                                    const GDate            *termination_date,
                                                    gint64                  paid_fen,
                                                    const JyContractPolicy *policy);

G_END_DECLS
