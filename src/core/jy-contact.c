/* jy-contact.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contact.h"

#include <glib/gi18n.h>

/* Stored codes: never change a shipped one. Labels are only marked; the
 * gui translates them with _(). */
static const struct
{
  const char *code;
  const char *label;
} channels[JY_CONTACT_CHANNEL_N] = {
  /* Translators: how the team contacted a signed resident */
  [JY_CONTACT_CHANNEL_PHONE] = { "phone", N_("Phone call") },
  /* Translators: how the team contacted a signed resident */
  [JY_CONTACT_CHANNEL_WECHAT] = { "wechat", N_("WeChat") },
  /* Translators: how the team contacted a signed resident */
  [JY_CONTACT_CHANNEL_SMS] = { "sms", N_("Text message") },
  /* Translators: how the team contacted a signed resident, e.g. through the
   * health platform's app */
  [JY_CONTACT_CHANNEL_APP] = { "app", N_("App or platform message") },
  /* Translators: how the team contacted a signed resident */
  [JY_CONTACT_CHANNEL_CLINIC] = { "clinic", N_("Clinic visit") },
  /* Translators: how the team contacted a signed resident */
  [JY_CONTACT_CHANNEL_HOME] = { "home", N_("Home visit") },
};

static const JyContactPolicy default_policy = JY_CONTACT_POLICY_DEFAULT;

static const JyContactPolicy *
policy_or_default (const JyContactPolicy *policy)
{
  if (policy == NULL)
    return &default_policy;
  g_return_val_if_fail (jy_contact_policy_is_valid (policy), &default_policy);
  return policy;
}

const char *
jy_contact_channel_to_string (JyContactChannel channel)
{
  g_return_val_if_fail (channel < JY_CONTACT_CHANNEL_N, NULL);
  return channels[channel].code;
}

gboolean
jy_contact_channel_from_string (const char       *code,
                                JyContactChannel *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < JY_CONTACT_CHANNEL_N; i++)
    if (g_strcmp0 (channels[i].code, code) == 0)
      {
        *out = (JyContactChannel)i;
        return TRUE;
      }
  return FALSE;
}

const char *
jy_contact_channel_get_label (JyContactChannel channel)
{
  g_return_val_if_fail (channel < JY_CONTACT_CHANNEL_N, NULL);
  return channels[channel].label;
}

gboolean
jy_contact_policy_is_valid (const JyContactPolicy *policy)
{
  return policy != NULL && policy->period_months >= 1 && policy->period_months <= 12 &&
         12 % policy->period_months == 0 &&
         (policy->channels & ~JY_CONTACT_CHANNELS_ALL) == 0;
}

/* The contact period containing @date: with the default, its calendar
 * quarter (1 Apr–30 Jun for 15 May). The last day is the due date (§2.5). */
void
jy_contact_period_bounds (const GDate           *date,
                          const JyContactPolicy *policy,
                          GDate                 *first,
                          GDate                 *last)
{
  guint months = policy_or_default (policy)->period_months;
  GDateYear year;
  GDateMonth first_month, last_month;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (first != NULL && last != NULL);

  year = g_date_get_year (date);
  first_month = (GDateMonth)((g_date_get_month (date) - 1) / months * months + 1);
  last_month = (GDateMonth)(first_month + months - 1);
  g_date_clear (first, 1);
  g_date_clear (last, 1);
  g_date_set_dmy (first, 1, first_month, year);
  g_date_set_dmy (last, g_date_get_days_in_month (last_month, year), last_month, year);
}

/* Whether a contact counts toward the rule: initiated by the team (§2.5:
 * "initiated by the team"; a resident walking in is not a proactive
 * contact) through a channel the policy counts. */
gboolean
jy_contact_counts (const JyContact       *contact,
                   const JyContactPolicy *policy)
{
  g_return_val_if_fail (contact != NULL, FALSE);

  return contact->initiator == JY_CONTACT_BY_TEAM &&
         contact->channel < JY_CONTACT_CHANNEL_N &&
         (policy_or_default (policy)->channels & JY_CONTACT_CHANNEL_BIT (contact->channel)) != 0 &&
         g_date_valid (&contact->date);
}

/* Whether any counting contact falls in [@first, @last] (local dates). */
gboolean
jy_contact_made_between (const JyContact       *contacts,
                         guint                  n_contacts,
                         const GDate           *first,
                         const GDate           *last,
                         const JyContactPolicy *policy)
{
  g_return_val_if_fail (contacts != NULL || n_contacts == 0, FALSE);
  g_return_val_if_fail (first != NULL && g_date_valid (first), FALSE);
  g_return_val_if_fail (last != NULL && g_date_valid (last), FALSE);

  for (guint i = 0; i < n_contacts; i++)
    if (jy_contact_counts (&contacts[i], policy) &&
        g_date_compare (&contacts[i].date, first) >= 0 &&
        g_date_compare (&contacts[i].date, last) <= 0)
      return TRUE;
  return FALSE;
}

static gboolean
covered_on_some_day (const JyContractFacts *contracts,
                     guint                  n_contracts,
                     const GDate           *first,
                     const GDate           *last)
{
  for (guint i = 0; i < n_contracts; i++)
    {
      GDate a, b;

      if (jy_contract_get_coverage (&contracts[i], &a, &b) &&
          g_date_compare (&a, last) <= 0 && g_date_compare (first, &b) <= 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether a contact is owed for [@first, @last], given all the resident's
 * contracts: by default when they cover every day of it, so a contract
 * starting on 15 Feb owes its first contact for Q2 (due 30 Jun), and a
 * renewal that continues the day after the old end keeps the resident
 * owed without a break. With partial_periods_due, any covered day. */
gboolean
jy_contact_is_owed (const JyContractFacts *contracts,
                    guint                  n_contracts,
                    const GDate           *first,
                    const GDate           *last,
                    const JyContactPolicy *policy)
{
  g_return_val_if_fail (contracts != NULL || n_contracts == 0, FALSE);
  g_return_val_if_fail (first != NULL && g_date_valid (first), FALSE);
  g_return_val_if_fail (last != NULL && g_date_valid (last), FALSE);

  if (policy_or_default (policy)->partial_periods_due)
    return covered_on_some_day (contracts, n_contracts, first, last);
  return jy_contract_covered_throughout (contracts, n_contracts, first, last);
}

/* The worklist's view of the contact period containing @in_period, seen
 * on @today: not owed, done, open (due on the period's last day, which
 * @due_date receives when not NULL) or overdue (the period ended before
 * @today without a counting contact). Contacts after @today are ignored.
 * Coverage is as known on @today: a renewal signed later can make a
 * period owed after the fact. */
JyDueStatus
jy_contact_check_period (const JyContractFacts *contracts,
                         guint                  n_contracts,
                         const JyContact       *contacts,
                         guint                  n_contacts,
                         const GDate           *in_period,
                         const GDate           *today,
                         const JyContactPolicy *policy,
                         GDate                 *due_date)
{
  GDate first, last, until;

  g_return_val_if_fail (contracts != NULL || n_contracts == 0, JY_DUE_NONE);
  g_return_val_if_fail (contacts != NULL || n_contacts == 0, JY_DUE_NONE);
  g_return_val_if_fail (in_period != NULL && g_date_valid (in_period), JY_DUE_NONE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), JY_DUE_NONE);

  jy_contact_period_bounds (in_period, policy, &first, &last);
  if (due_date != NULL)
    *due_date = last;
  if (!jy_contact_is_owed (contracts, n_contracts, &first, &last, policy))
    return JY_DUE_NONE;

  until = g_date_compare (today, &last) < 0 ? *today : last;
  if (g_date_compare (&until, &first) >= 0 &&
      jy_contact_made_between (contacts, n_contacts, &first, &until, policy))
    return JY_DUE_DONE;
  return g_date_compare (today, &last) > 0 ? JY_DUE_OVERDUE : JY_DUE_OPEN;
}
