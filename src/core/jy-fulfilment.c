/* jy-fulfilment.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-fulfilment.h"

#include "jy-person.h"
#include "jy-quarter.h"

static const JyFulfilmentPolicy default_policy = JY_FULFILMENT_POLICY_DEFAULT;

/* @date + @months months; a day the target month lacks rolls over to the
 * 1st of the next month, as 29 Feb's anniversary is 1 Mar. */
static void
add_months (const GDate *date,
            guint        months,
            GDate       *out)
{
  guint index = (g_date_get_year (date) * 12 + (g_date_get_month (date) - 1)) + months;
  GDateYear year = (GDateYear)(index / 12);
  GDateMonth month = (GDateMonth)(index % 12 + 1);
  GDateDay day = g_date_get_day (date);

  g_date_clear (out, 1);
  if (day > g_date_get_days_in_month (month, year))
    {
      g_date_set_dmy (out, 1, month, year);
      g_date_add_months (out, 1);
    }
  else
    {
      g_date_set_dmy (out, day, month, year);
    }
}

static const GDate *
earlier (const GDate *a,
         const GDate *b)
{
  return g_date_compare (a, b) <= 0 ? a : b;
}

static guint
count_deliveries (const char       *item_code,
                  const JyDelivery *deliveries,
                  guint             n_deliveries,
                  const GDate      *first,
                  const GDate      *last)
{
  guint n = 0;

  for (guint i = 0; i < n_deliveries; i++)
    if (g_strcmp0 (deliveries[i].item_code, item_code) == 0 &&
        g_date_valid (&deliveries[i].date) &&
        g_date_compare (&deliveries[i].date, first) >= 0 &&
        g_date_compare (&deliveries[i].date, last) <= 0)
      n++;
  return n;
}

/* Due count in contract year @year (0-based) of a PER_CONTRACT_YEAR item:
 * the k-th of q deliveries falls due on the last day of month ⌈12k/q⌉ of
 * the contract year, so 2 a year are due at months 6 and 12, 1 a year at
 * the contract year's end. Only due dates on or before @until count. */
static guint
year_due_count (const JyPackageItem *item,
                const GDate         *start,
                guint                year,
                const GDate         *until)
{
  guint n = 0;

  for (guint k = 1; k <= item->quantity; k++)
    {
      GDate due;

      add_months (start, 12 * year + (12 * k + item->quantity - 1) / item->quantity, &due);
      g_date_subtract_days (&due, 1);
      if (g_date_compare (&due, until) <= 0)
        n++;
    }
  return n;
}

/* Calls @check for each quarter lying wholly inside [@first, @last] whose
 * end is on or before @reference; stops and returns FALSE when it does. */
typedef gboolean (*QuarterFunc) (const GDate *q_first,
                                 const GDate *q_last,
                                 gpointer     data);

static gboolean
foreach_owed_quarter (const GDate *first,
                      const GDate *last,
                      const GDate *reference,
                      QuarterFunc  check,
                      gpointer     data)
{
  JyQuarter quarter;
  const GDate *until = earlier (last, reference);

  jy_quarter_from_date (first, &quarter);
  for (;;)
    {
      GDate q_first, q_last;

      jy_quarter_first_day (&quarter, &q_first);
      jy_quarter_last_day (&quarter, &q_last);
      if (g_date_compare (&q_last, until) > 0)
        return TRUE;
      if (g_date_compare (&q_first, first) >= 0 && !check (&q_first, &q_last, data))
        return FALSE;
      jy_quarter_add (&quarter, 1, &quarter);
    }
}

static gboolean
count_quarter_cb (const GDate *q_first,
                  const GDate *q_last,
                  gpointer     data)
{
  (*(guint *)data)++;
  return TRUE;
}

/* How many deliveries of @item the contract owes by @reference (§2.5),
 * within the days it covers: nothing for items on request or on their own
 * schedule; for items per contract year, see year_due_count(); for items
 * per quarter, quantity for each calendar quarter wholly inside the
 * coverage that has ended by @reference. */
guint
jy_fulfilment_item_due_count (const JyPackageItem   *item,
                              const JyContractFacts *contract,
                              const GDate           *reference)
{
  GDate first, last;
  guint n = 0;

  g_return_val_if_fail (item != NULL && contract != NULL, 0);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), 0);

  if (item->quantity == 0 || !jy_contract_get_coverage (contract, &first, &last))
    return 0;

  switch (item->due_rule)
    {
    case JY_ITEM_DUE_PER_CONTRACT_YEAR:
      {
        const GDate *until = earlier (&last, reference);
        GDate year_first = contract->start;

        for (guint year = 0; g_date_compare (&year_first, until) <= 0; year++)
          {
            n += year_due_count (item, &contract->start, year, until);
            add_months (&contract->start, 12 * (year + 1), &year_first);
          }
        return n;
      }
    case JY_ITEM_DUE_PER_QUARTER:
      foreach_owed_quarter (&first, &last, reference, count_quarter_cb, &n);
      return n * item->quantity;
    case JY_ITEM_DUE_ON_REQUEST:
    case JY_ITEM_DUE_OWN_SCHEDULE:
    default:
      return 0;
    }
}

typedef struct
{
  const JyPackageItem *item;
  const JyDelivery    *deliveries;
  guint                n_deliveries;
} QuarterCheck;

static gboolean
quarter_delivered_cb (const GDate *q_first,
                      const GDate *q_last,
                      gpointer     data)
{
  QuarterCheck *check = data;

  return count_deliveries (check->item->code, check->deliveries, check->n_deliveries,
                           q_first, q_last) >= check->item->quantity;
}

/* Whether what is due of @item by @reference was delivered: per contract
 * year, the deliveries in that contract year (up to @reference) cover the
 * count due in it; per quarter, each owed quarter has its quantity in that
 * quarter. A delivery does not count for another year or quarter. */
gboolean
jy_fulfilment_item_is_met (const JyPackageItem   *item,
                           const JyContractFacts *contract,
                           const JyDelivery      *deliveries,
                           guint                  n_deliveries,
                           const GDate           *reference)
{
  GDate first, last;

  g_return_val_if_fail (item != NULL && contract != NULL, FALSE);
  g_return_val_if_fail (deliveries != NULL || n_deliveries == 0, FALSE);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), FALSE);

  if (item->quantity == 0 || !jy_contract_get_coverage (contract, &first, &last))
    return TRUE;

  switch (item->due_rule)
    {
    case JY_ITEM_DUE_PER_CONTRACT_YEAR:
      {
        const GDate *until = earlier (&last, reference);
        GDate year_first = contract->start;

        for (guint year = 0; g_date_compare (&year_first, until) <= 0; year++)
          {
            guint due = year_due_count (item, &contract->start, year, until);
            GDate year_last;

            add_months (&contract->start, 12 * (year + 1), &year_last);
            g_date_subtract_days (&year_last, 1);
            if (due > 0 &&
                count_deliveries (item->code, deliveries, n_deliveries, &year_first,
                                  earlier (&year_last, until)) < due)
              return FALSE;
            year_first = year_last;
            g_date_add_days (&year_first, 1);
          }
        return TRUE;
      }
    case JY_ITEM_DUE_PER_QUARTER:
      {
        QuarterCheck check = { item, deliveries, n_deliveries };

        return foreach_owed_quarter (&first, &last, reference, quarter_delivered_cb, &check);
      }
    case JY_ITEM_DUE_ON_REQUEST:
    case JY_ITEM_DUE_OWN_SCHEDULE:
    default:
      return TRUE;
    }
}

/* The 65+ annual health check (§2.5) for the assessment year containing
 * @in_year, seen on @today: owed when the resident is 65 or over (with
 * the default annual rule, turns 65 by the year's last day; with the
 * exact-age rule, is 65 on @today or the year's last day, whichever is
 * earlier); done when a check is dated within the year up to @today; due
 * on the year's last day (@due_date, may be NULL), overdue after it.
 * Unknown birth date: not owed. */
JyDueStatus
jy_fulfilment_annual_check_status (const GDate              *birth,
                                   const GDate              *checks,
                                   guint                     n_checks,
                                   const GDate              *in_year,
                                   const GDate              *today,
                                   const JyFulfilmentPolicy *policy,
                                   GDate                    *due_date)
{
  const JyFulfilmentPolicy *pol = policy != NULL ? policy : &default_policy;
  GDate first, last;
  const GDate *age_on, *until;

  g_return_val_if_fail (checks != NULL || n_checks == 0, JY_DUE_NONE);
  g_return_val_if_fail (in_year != NULL && g_date_valid (in_year), JY_DUE_NONE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), JY_DUE_NONE);

  jy_reporting_year_bounds (pol->calendar, in_year, &first, &last);
  if (due_date != NULL)
    *due_date = last;
  if (birth == NULL || !g_date_valid (birth))
    return JY_DUE_NONE;

  until = earlier (today, &last);
  age_on = pol->elderly_rule == JY_ELDERLY_RULE_EXACT_AGE ? until : &last;
  if (g_date_compare (birth, age_on) > 0 || jy_person_age_on (birth, age_on) < 65)
    return JY_DUE_NONE;

  for (guint i = 0; i < n_checks; i++)
    if (g_date_valid (&checks[i]) && g_date_compare (&checks[i], &first) >= 0 &&
        g_date_compare (&checks[i], until) <= 0)
      return JY_DUE_DONE;
  return g_date_compare (today, &last) > 0 ? JY_DUE_OVERDUE : JY_DUE_OPEN;
}

/* Whether the contract is fulfilled (履约完成) on @reference: every package
 * item that applies to the resident is met, every contact period that
 * ended within the contract's coverage by @reference and was owed had a
 * counting contact, and the follow-ups are met. A contract that covers no
 * day (voided) is not fulfilled. */
gboolean
jy_fulfilment_contract_is_fulfilled (const JyFulfilmentFacts  *facts,
                                     const GDate              *reference,
                                     const JyFulfilmentPolicy *policy)
{
  const JyFulfilmentPolicy *pol = policy != NULL ? policy : &default_policy;
  GDate first, last, period_first, period_last;
  const GDate *until;

  g_return_val_if_fail (facts != NULL && facts->contract != NULL, FALSE);
  g_return_val_if_fail (facts->contracts != NULL || facts->n_contracts == 0, FALSE);
  g_return_val_if_fail (facts->packages != NULL || facts->n_packages == 0, FALSE);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), FALSE);

  if (!jy_contract_get_coverage (facts->contract, &first, &last))
    return FALSE;
  if (!facts->followups_met)
    return FALSE;

  for (guint p = 0; p < facts->n_packages; p++)
    for (guint i = 0; i < facts->packages[p]->n_items; i++)
      {
        const JyPackageItem *item = &facts->packages[p]->items[i];

        if (jy_package_item_applies (item, facts->key_populations) &&
            !jy_fulfilment_item_is_met (item, facts->contract, facts->deliveries,
                                        facts->n_deliveries, reference))
          return FALSE;
      }

  until = earlier (&last, reference);
  jy_contact_period_bounds (&first, pol->contact, &period_first, &period_last);
  while (g_date_compare (&period_last, until) <= 0)
    {
      GDate next;

      if (jy_contact_is_owed (facts->contracts, facts->n_contracts, &period_first,
                              &period_last, pol->contact) &&
          !jy_contact_made_between (facts->contacts, facts->n_contacts, &period_first,
                                    &period_last, pol->contact))
        return FALSE;
      next = period_last;
      g_date_add_days (&next, 1);
      jy_contact_period_bounds (&next, pol->contact, &period_first, &period_last);
    }
  return TRUE;
}
