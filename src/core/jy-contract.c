/* jy-contract.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract.h"

#include <glib/gi18n.h>
#include <stdlib.h>

/* Codes are stored (contract.status, termination_reason, channel): never
 * change a shipped one. English labels are only marked; the gui shows
 * them with _(). */
static const struct
{
  const char *code;
  const char *label;
} states[JY_CONTRACT_STATE_N] = {
  /* Translators: contract state 待生效 (signed, the term starts later) */
  [JY_CONTRACT_STATE_PENDING] = { "pending", N_("Not yet in force") },
  /* Translators: contract state 生效 */
  [JY_CONTRACT_STATE_ACTIVE] = { "active", N_("In force") },
  /* Translators: contract state 到期 (the term ended, not renewed) */
  [JY_CONTRACT_STATE_EXPIRED] = { "expired", N_("Expired") },
  /* Translators: contract state 已续约 */
  [JY_CONTRACT_STATE_RENEWED] = { "renewed", N_("Renewed") },
  /* Translators: contract state 解约 */
  [JY_CONTRACT_STATE_TERMINATED] = { "terminated", N_("Terminated") },
  /* Translators: record state 作废 (entered in error) */
  [JY_CONTRACT_STATE_VOIDED] = { "voided", N_("Voided") },
};

static const struct
{
  const char *code;
  const char *label;
} termination_reasons[JY_TERMINATION_REASON_N] = {
  [JY_TERMINATION_REASON_NONE] = { NULL, NULL },
  /* Translators: contract termination reason 1 */
  [JY_TERMINATION_REASON_RESIDENT_REQUEST] = { "1", N_("At the resident's request") },
  /* Translators: contract termination reason 2 */
  [JY_TERMINATION_REASON_MOVED_OUT] = { "2", N_("Moved out or long-term absence") },
  /* Translators: contract termination reason 3 */
  [JY_TERMINATION_REASON_DEATH] = { "3", N_("Death") },
  /* Translators: contract termination reason 4 */
  [JY_TERMINATION_REASON_CHANGE_OF_TEAM] = { "4", N_("Change of team or institution") },
  /* Translators: contract termination reason 5, e.g. the team was dissolved */
  [JY_TERMINATION_REASON_INSTITUTION] = { "5", N_("On the institution's side") },
  /* Translators: contract termination reason 9 */
  [JY_TERMINATION_REASON_OTHER] = { "9", N_("Other reason") },
};

static const struct
{
  const char *code;
  const char *label;
} signing_channels[JY_SIGNING_CHANNEL_N] = {
  /* Translators: where a contract was signed */
  [JY_SIGNING_CHANNEL_CLINIC] = { "clinic", N_("At the clinic") },
  /* Translators: where a contract was signed */
  [JY_SIGNING_CHANNEL_HOME] = { "home", N_("At the resident's home") },
  /* Translators: where a contract was signed */
  [JY_SIGNING_CHANNEL_ONLINE] = { "online", N_("Online") },
};

static const JyContractPolicy default_policy = JY_CONTRACT_POLICY_DEFAULT;

static const JyContractPolicy *
policy_or_default (const JyContractPolicy *policy)
{
  if (policy == NULL)
    return &default_policy;
  g_return_val_if_fail (jy_contract_policy_is_valid (policy), &default_policy);
  return policy;
}

static gboolean
date_ok (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

static gboolean
is_terminated (const JyContractFacts *facts)
{
  return g_date_valid (&facts->termination_date);
}

void
jy_contract_facts_init (JyContractFacts *facts)
{
  g_return_if_fail (facts != NULL);

  *facts = (JyContractFacts) { 0 };
  g_date_clear (&facts->sign_date, 1);
  g_date_clear (&facts->start, 1);
  g_date_clear (&facts->end, 1);
  g_date_clear (&facts->termination_date, 1);
  g_date_clear (&facts->renewed_on, 1);
}

const char *
jy_contract_state_to_string (JyContractState state)
{
  g_return_val_if_fail (state < JY_CONTRACT_STATE_N, NULL);
  return states[state].code;
}

gboolean
jy_contract_state_from_string (const char      *code,
                               JyContractState *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < JY_CONTRACT_STATE_N; i++)
    if (g_strcmp0 (states[i].code, code) == 0)
      {
        *out = (JyContractState)i;
        return TRUE;
      }
  return FALSE;
}

/* The English msgid; translate with _(). */
const char *
jy_contract_state_get_label (JyContractState state)
{
  g_return_val_if_fail (state < JY_CONTRACT_STATE_N, NULL);
  return states[state].label;
}

/* "1"…"5", "9"; NULL for JY_TERMINATION_REASON_NONE. */
const char *
jy_termination_reason_to_code (JyTerminationReason reason)
{
  g_return_val_if_fail (reason < JY_TERMINATION_REASON_N, NULL);
  return termination_reasons[reason].code;
}

gboolean
jy_termination_reason_from_code (const char          *code,
                                 JyTerminationReason *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 1; i < JY_TERMINATION_REASON_N; i++)
    if (g_strcmp0 (termination_reasons[i].code, code) == 0)
      {
        *out = (JyTerminationReason)i;
        return TRUE;
      }
  return FALSE;
}

const char *
jy_termination_reason_get_label (JyTerminationReason reason)
{
  g_return_val_if_fail (reason < JY_TERMINATION_REASON_N, NULL);
  return termination_reasons[reason].label;
}

const char *
jy_signing_channel_to_string (JySigningChannel channel)
{
  g_return_val_if_fail (channel < JY_SIGNING_CHANNEL_N, NULL);
  return signing_channels[channel].code;
}

gboolean
jy_signing_channel_from_string (const char       *code,
                                JySigningChannel *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < JY_SIGNING_CHANNEL_N; i++)
    if (g_strcmp0 (signing_channels[i].code, code) == 0)
      {
        *out = (JySigningChannel)i;
        return TRUE;
      }
  return FALSE;
}

const char *
jy_signing_channel_get_label (JySigningChannel channel)
{
  g_return_val_if_fail (channel < JY_SIGNING_CHANNEL_N, NULL);
  return signing_channels[channel].label;
}

gboolean
jy_contract_policy_is_valid (const JyContractPolicy *policy)
{
  return policy != NULL && policy->term_years >= 1 && policy->term_years <= 10 &&
         policy->renewal_opens_days <= 366 && policy->renewal_grace_days <= 366 &&
         policy->expiring_days <= 366 &&
         (policy->refund_rule == JY_REFUND_RULE_PRO_RATA_WHOLE_MONTHS ||
          policy->refund_rule == JY_REFUND_RULE_NONE);
}

/* The same day @years later; 29 Feb's anniversary in a common year is
 * 1 Mar, as for birthdays (domain.md conventions). */
static void
anniversary (const GDate *date,
             guint        years,
             GDate       *out)
{
  GDateYear year = g_date_get_year (date) + years;
  GDateMonth month = g_date_get_month (date);
  GDateDay day = g_date_get_day (date);

  if (month == G_DATE_FEBRUARY && day == 29 && !g_date_is_leap_year (year))
    {
      month = G_DATE_MARCH;
      day = 1;
    }
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

/* §2.3: end = start + term − 1 day, the day before the anniversary of the
 * start. 2026-03-15 → 2027-03-14; 2024-02-29 → 2025-02-28 (the
 * anniversary is 1 Mar 2025), so the 366 days from a leap day are all
 * covered and a renewal starting the day after is again on the
 * anniversary. */
void
jy_contract_term_end (const GDate            *start,
                      const JyContractPolicy *policy,
                      GDate                  *end)
{
  g_return_if_fail (date_ok (start));
  g_return_if_fail (end != NULL);

  anniversary (start, policy_or_default (policy)->term_years, end);
  g_date_subtract_days (end, 1);
}

/* The term of a new signing (新签): it starts on the sign date. A contract
 * may also be given a later start (then it is pending until then); use
 * jy_contract_term_end() on that start. */
void
jy_contract_new_term (const GDate            *sign_date,
                      const JyContractPolicy *policy,
                      GDate                  *start,
                      GDate                  *end)
{
  g_return_if_fail (date_ok (sign_date));
  g_return_if_fail (start != NULL && end != NULL);

  *start = *sign_date;
  jy_contract_term_end (start, policy, end);
}

/* §2.3: a renewal starts the day after the old end, or on the sign date if
 * the old contract has already lapsed (signed after its end, within the
 * grace window). The term is then the usual one. */
void
jy_contract_renewal_term (const GDate            *old_end,
                          const GDate            *sign_date,
                          const JyContractPolicy *policy,
                          GDate                  *start,
                          GDate                  *end)
{
  g_return_if_fail (date_ok (old_end) && date_ok (sign_date));
  g_return_if_fail (start != NULL && end != NULL);

  if (g_date_compare (sign_date, old_end) <= 0)
    {
      *start = *old_end;
      g_date_add_days (start, 1);
    }
  else
    {
      *start = *sign_date;
    }
  jy_contract_term_end (start, policy, end);
}

/* Checks a contract's own dates before it is saved (the one-contract rule
 * across contracts is jy_contract_find_overlap()). Returns the OR of the
 * JyContractDatesProblem found, 0 when none. @today may be NULL to skip
 * the "signed in the future" check (imports of old records). */
guint
jy_contract_check_dates (const JyContractFacts  *facts,
                         const GDate            *today,
                         const JyContractPolicy *policy)
{
  guint problems = JY_CONTRACT_DATES_OK;
  GDate expected_end;

  g_return_val_if_fail (facts != NULL, JY_CONTRACT_DATES_MISSING);

  if (!g_date_valid (&facts->sign_date) || !g_date_valid (&facts->start) ||
      !g_date_valid (&facts->end))
    return JY_CONTRACT_DATES_MISSING;

  if (g_date_compare (&facts->start, &facts->sign_date) < 0)
    problems |= JY_CONTRACT_DATES_START_BEFORE_SIGNING;
  jy_contract_term_end (&facts->start, policy, &expected_end);
  if (g_date_compare (&facts->end, &expected_end) != 0)
    problems |= JY_CONTRACT_DATES_END_NOT_TERM;
  if (date_ok (today) && g_date_compare (&facts->sign_date, today) > 0)
    problems |= JY_CONTRACT_DATES_SIGNED_IN_FUTURE;

  if (is_terminated (facts) &&
      (g_date_compare (&facts->termination_date, &facts->sign_date) < 0 ||
       g_date_compare (&facts->termination_date, &facts->end) > 0))
    problems |= JY_CONTRACT_DATES_TERMINATION_INVALID;
  if (is_terminated (facts) != (facts->termination_reason != JY_TERMINATION_REASON_NONE))
    problems |= JY_CONTRACT_DATES_TERMINATION_NO_REASON;

  return problems;
}

/* The state on @date (§2.3), derived from the facts alone:
 * voided → terminated (from the termination date on) → pending (before
 * the start, also before signing) → active (start ≤ date ≤ end) →
 * renewed (after the end, if the renewal was signed by @date) → expired.
 * A contract renewed early stays active until its own end. */
JyContractState
jy_contract_state_on (const JyContractFacts *facts,
                      const GDate           *date)
{
  g_return_val_if_fail (facts != NULL, JY_CONTRACT_STATE_VOIDED);
  g_return_val_if_fail (date_ok (date), JY_CONTRACT_STATE_VOIDED);
  g_return_val_if_fail (g_date_valid (&facts->start) && g_date_valid (&facts->end),
                        JY_CONTRACT_STATE_VOIDED);

  if (facts->voided)
    return JY_CONTRACT_STATE_VOIDED;
  if (is_terminated (facts) && g_date_compare (date, &facts->termination_date) >= 0)
    return JY_CONTRACT_STATE_TERMINATED;
  if (g_date_compare (date, &facts->start) < 0)
    return JY_CONTRACT_STATE_PENDING;
  if (g_date_compare (date, &facts->end) <= 0)
    return JY_CONTRACT_STATE_ACTIVE;
  if (g_date_valid (&facts->renewed_on) && g_date_compare (&facts->renewed_on, date) <= 0)
    return JY_CONTRACT_STATE_RENEWED;
  return JY_CONTRACT_STATE_EXPIRED;
}

/* The days the contract covers: [start, end], cut at the day before the
 * termination date. FALSE (outputs cleared) for a voided contract or one
 * terminated before it started. */
gboolean
jy_contract_get_coverage (const JyContractFacts *facts,
                          GDate                 *first,
                          GDate                 *last)
{
  g_return_val_if_fail (facts != NULL && first != NULL && last != NULL, FALSE);

  g_date_clear (first, 1);
  g_date_clear (last, 1);
  if (facts->voided || !g_date_valid (&facts->start) || !g_date_valid (&facts->end))
    return FALSE;

  *first = facts->start;
  *last = facts->end;
  if (is_terminated (facts) && g_date_compare (&facts->termination_date, last) <= 0)
    {
      if (g_date_compare (&facts->termination_date, first) <= 0)
        {
          g_date_clear (first, 1);
          g_date_clear (last, 1);
          return FALSE;
        }
      *last = facts->termination_date;
      g_date_subtract_days (last, 1);
    }
  return TRUE;
}

/* Days from @date to the end: 0 on the last day, negative after it. */
int
jy_contract_days_left (const JyContractFacts *facts,
                       const GDate           *date)
{
  g_return_val_if_fail (facts != NULL && g_date_valid (&facts->end), 0);
  g_return_val_if_fail (date_ok (date), 0);

  return g_date_days_between (date, &facts->end);
}

/* "Expiring within N days" for the worklist: in force on @date, at most
 * policy->expiring_days (default 30) days left, and not renewed yet. With
 * the defaults this is exactly when the renewal window has opened. */
gboolean
jy_contract_is_expiring (const JyContractFacts  *facts,
                         const GDate            *date,
                         const JyContractPolicy *policy)
{
  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (date_ok (date), FALSE);

  return jy_contract_state_on (facts, date) == JY_CONTRACT_STATE_ACTIVE &&
         !g_date_valid (&facts->renewed_on) &&
         jy_contract_days_left (facts, date) <= (int)policy_or_default (policy)->expiring_days;
}

static gboolean
spans_meet (const GDate *first_a,
            const GDate *last_a,
            const GDate *first_b,
            const GDate *last_b)
{
  return g_date_compare (first_a, last_b) <= 0 && g_date_compare (first_b, last_a) <= 0;
}

/* One active contract per resident (§2.3): the index of a contract in
 * @existing (the resident's other contracts, not the one being saved)
 * whose covered days meet the proposed [@start, @end], or −1 if none.
 * Voided contracts are ignored and terminated ones count up to the day
 * before their termination date, so "change of team = terminate + new
 * contract" works on the same day. Pending contracts count: a resident
 * cannot hold a second, future contract over the same days either. */
int
jy_contract_find_overlap (const JyContractFacts *existing,
                          guint                  n_existing,
                          const GDate           *start,
                          const GDate           *end)
{
  g_return_val_if_fail (existing != NULL || n_existing == 0, -1);
  g_return_val_if_fail (date_ok (start) && date_ok (end), -1);
  g_return_val_if_fail (n_existing <= G_MAXINT, -1);

  for (guint i = 0; i < n_existing; i++)
    {
      GDate first, last;

      if (jy_contract_get_coverage (&existing[i], &first, &last) &&
          spans_meet (&first, &last, start, end))
        return (int)i;
    }
  return -1;
}

/* The same rule over a whole list, as a consistency check on save or
 * after a sync pull: TRUE, with the two indices, if any two contracts'
 * covered days meet. */
gboolean
jy_contract_list_find_overlap (const JyContractFacts *contracts,
                               guint                  n_contracts,
                               guint                 *first_index,
                               guint                 *second_index)
{
  g_return_val_if_fail (contracts != NULL || n_contracts == 0, FALSE);

  for (guint i = 0; i < n_contracts; i++)
    {
      GDate first, last;
      int other;

      if (!jy_contract_get_coverage (&contracts[i], &first, &last))
        continue;
      other = jy_contract_find_overlap (contracts + i + 1, n_contracts - i - 1, &first, &last);
      if (other >= 0)
        {
          if (first_index != NULL)
            *first_index = i;
          if (second_index != NULL)
            *second_index = i + 1 + (guint)other;
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  guint32 first;
  guint32 last;
} JulianSpan;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const JulianSpan *x = a, *y = b;

  return x->first < y->first ? -1 : x->first > y->first ? 1 : 0;
}

/* Whether every day of [@first, @last] is covered by one of the resident's
 * contracts: "signed throughout" (§2.6, quarterly contact). A renewal that
 * starts the day after the old end leaves no gap. */
gboolean
jy_contract_covered_throughout (const JyContractFacts *contracts,
                                guint                  n_contracts,
                                const GDate           *first,
                                const GDate           *last)
{
  g_autofree JulianSpan *spans = NULL;
  guint n_spans = 0;
  guint32 from, to;

  g_return_val_if_fail (contracts != NULL || n_contracts == 0, FALSE);
  g_return_val_if_fail (date_ok (first) && date_ok (last), FALSE);

  from = g_date_get_julian (first);
  to = g_date_get_julian (last);
  spans = g_new (JulianSpan, MAX (n_contracts, 1));
  for (guint i = 0; i < n_contracts; i++)
    {
      GDate a, b;

      if (jy_contract_get_coverage (&contracts[i], &a, &b))
        spans[n_spans++] = (JulianSpan) { g_date_get_julian (&a), g_date_get_julian (&b) };
    }
  qsort (spans, n_spans, sizeof *spans, compare_spans);

  for (guint i = 0; i < n_spans && from <= to; i++)
    {
      if (spans[i].last < from)
        continue;
      if (spans[i].first > from)
        return FALSE;
      from = spans[i].last + 1;
    }
  return from > to;
}

/* Whether @old may be renewed by a contract signed on @sign_date (§2.3):
 * not voided, not terminated, not renewed already, and @sign_date within
 * [end − renewal_opens_days, end + renewal_grace_days] (default 30 and
 * 90). A signing after the window is a new signing, not a renewal. On
 * JY_RENEWAL_OK, @start and @end (may be NULL) get the renewal's term. */
JyRenewalCheck
jy_contract_check_renewal (const JyContractFacts  *old,
                           const GDate            *sign_date,
                           const JyContractPolicy *policy,
                           GDate                  *start,
                           GDate                  *end)
{
  const JyContractPolicy *pol = policy_or_default (policy);
  GDate opens, closes;

  g_return_val_if_fail (old != NULL, JY_RENEWAL_VOIDED);
  g_return_val_if_fail (g_date_valid (&old->start) && g_date_valid (&old->end), JY_RENEWAL_VOIDED);
  g_return_val_if_fail (date_ok (sign_date), JY_RENEWAL_VOIDED);

  if (old->voided)
    return JY_RENEWAL_VOIDED;
  if (is_terminated (old))
    return JY_RENEWAL_TERMINATED;
  if (g_date_valid (&old->renewed_on))
    return JY_RENEWAL_ALREADY_RENEWED;

  opens = old->end;
  g_date_subtract_days (&opens, pol->renewal_opens_days);
  closes = old->end;
  g_date_add_days (&closes, pol->renewal_grace_days);
  if (g_date_compare (sign_date, &opens) < 0 || g_date_compare (sign_date, &old->start) < 0)
    return JY_RENEWAL_TOO_EARLY;
  if (g_date_compare (sign_date, &closes) > 0)
    return JY_RENEWAL_LAPSED;

  if (start != NULL && end != NULL)
    jy_contract_renewal_term (&old->end, sign_date, pol, start, end);
  return JY_RENEWAL_OK;
}

/* New signing (新签) or renewal (续约) of @previous, the resident's latest
 * non-voided contract (NULL if none): a renewal exactly when
 * jy_contract_check_renewal() allows one. Indicator C04 counts the new ones. */
JySigningKind
jy_contract_classify_signing (const JyContractFacts  *previous,
                              const GDate            *sign_date,
                              const JyContractPolicy *policy)
{
  g_return_val_if_fail (date_ok (sign_date), JY_SIGNING_KIND_NEW);

  if (previous == NULL)
    return JY_SIGNING_KIND_NEW;
  return jy_contract_check_renewal (previous, sign_date, policy, NULL, NULL) == JY_RENEWAL_OK
           ? JY_SIGNING_KIND_RENEWAL : JY_SIGNING_KIND_NEW;
}

/* Whether the contract can be terminated on @date (the first day it no
 * longer covers) for @reason. A pending contract can be terminated; an
 * expired one cannot (it has ended already). */
JyTerminationCheck
jy_contract_check_termination (const JyContractFacts *facts,
                               const GDate           *date,
                               JyTerminationReason    reason)
{
  g_return_val_if_fail (facts != NULL, JY_TERMINATION_CHECK_VOIDED);
  g_return_val_if_fail (date_ok (date), JY_TERMINATION_CHECK_VOIDED);

  if (facts->voided)
    return JY_TERMINATION_CHECK_VOIDED;
  if (is_terminated (facts))
    return JY_TERMINATION_CHECK_ALREADY_TERMINATED;
  if (g_date_valid (&facts->sign_date) && g_date_compare (date, &facts->sign_date) < 0)
    return JY_TERMINATION_CHECK_BEFORE_SIGNING;
  if (g_date_valid (&facts->end) && g_date_compare (date, &facts->end) > 0)
    return JY_TERMINATION_CHECK_ALREADY_ENDED;
  if (reason == JY_TERMINATION_REASON_NONE || reason >= JY_TERMINATION_REASON_N)
    return JY_TERMINATION_CHECK_NO_REASON;
  return JY_TERMINATION_CHECK_OK;
}

/* §2.3 reason 3: death terminates, automatically at the date of death,
 * every contract in force or pending on that day. The store sets the
 * termination date to @death_date and the reason to DEATH where this is
 * TRUE; the resident is then no longer signed from that day on. */
gboolean
jy_contract_ends_on_death (const JyContractFacts *facts,
                           const GDate           *death_date)
{
  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (date_ok (death_date), FALSE);

  if (facts->voided || !g_date_valid (&facts->end))
    return FALSE;
  if (is_terminated (facts) && g_date_compare (&facts->termination_date, death_date) <= 0)
    return FALSE;
  return g_date_compare (death_date, &facts->end) <= 0;
}

/* Whole months from @from to @until (exclusive), counted like ages in full
 * years: 15 Jul → 15 Jan is 6, 16 Jul → 15 Jan is 5. */
static guint
whole_months_between (const GDate *from,
                      const GDate *until)
{
  int months;

  months = ((int)g_date_get_year (until) * 12 + (int)g_date_get_month (until)) -
           ((int)g_date_get_year (from) * 12 + (int)g_date_get_month (from));
  if (g_date_get_day (until) < g_date_get_day (from))
    months--;
  return months > 0 ? (guint)months : 0;
}

/* Whole months of the term left from @termination_date (the first day no
 * longer covered) to the end. Terminated before the start: the whole term. */
guint
jy_contract_months_remaining (const JyContractFacts *facts,
                              const GDate           *termination_date)
{
  GDate from, until;

  g_return_val_if_fail (facts != NULL, 0);
  g_return_val_if_fail (g_date_valid (&facts->start) && g_date_valid (&facts->end), 0);
  g_return_val_if_fail (date_ok (termination_date), 0);

  from = g_date_compare (termination_date, &facts->start) < 0 ? facts->start : *termination_date;
  until = facts->end;
  g_date_add_days (&until, 1);
  if (g_date_compare (&from, &until) >= 0)
    return 0;
  return whole_months_between (&from, &until);
}

/* The refund, in fen, of @paid_fen (what the resident paid for paid
 * packages) when the contract is terminated on @termination_date (§2.3,
 * configurable; default pro-rata by whole months remaining):
 * paid × remaining ÷ term months, rounded half up to the fen. Terminated
 * before the start: all of it. */
gint64
jy_contract_refund_fen (const JyContractFacts  *facts,
                        const GDate            *termination_date,
                        gint64                  paid_fen,
                        const JyContractPolicy *policy)
{
  GDate until;
  guint remaining, total;

  g_return_val_if_fail (facts != NULL, 0);
  g_return_val_if_fail (g_date_valid (&facts->start) && g_date_valid (&facts->end), 0);
  g_return_val_if_fail (date_ok (termination_date), 0);
  g_return_val_if_fail (paid_fen >= 0 && paid_fen <= G_MAXINT64 / 1000, 0);

  if (policy_or_default (policy)->refund_rule == JY_REFUND_RULE_NONE)
    return 0;

  until = facts->end;
  g_date_add_days (&until, 1);
  total = whole_months_between (&facts->start, &until);
  remaining = jy_contract_months_remaining (facts, termination_date);
  if (remaining == 0)
    return 0;
  if (remaining >= total)
    return paid_fen;

  return (2 * paid_fen * remaining + total) / (2 * (gint64)total);
}
