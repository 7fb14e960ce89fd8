/* jy-contract-labels.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-labels.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-contact.h"

char *
jy_contract_format_yuan (gint64 fen)
{
  g_autofree char *amount = jy_fee_format_yuan (fen);

  /* Translators: an amount of money in yuan, %s is e.g. 120.00 */
  return g_strdup_printf (_("¥%s"), amount);
}

char *
jy_contract_format_fee_split (const JyFeeSplit *fee)
{
  g_autofree char *insurance = jy_contract_format_yuan (fee->insurance);
  g_autofree char *public_health = jy_contract_format_yuan (fee->public_health);
  g_autofree char *resident = jy_contract_format_yuan (fee->resident);

  /* Translators: who pays a fee; %1$s medical insurance, %2$s public-health funds, %3$s the resident */
  return g_strdup_printf (_("insurance %1$s · public health %2$s · resident pays %3$s"),
                          insurance, public_health, resident);
}

char *
jy_contract_describe_eligibility (const JyServicePackage *package,
                                  JyPackageEligibility    eligibility,
                                  int                     age)
{
  const char *name = _(package->name);

  /* The same sentences as the store's refusal (jy-contract-error.c). */
  switch (eligibility)
    {
    case JY_PACKAGE_ELIGIBLE:
      return NULL;
    case JY_PACKAGE_REFUSED_TOO_YOUNG:
      /* Translators: %1$s is a service package, %2$d its minimum age, %3$d the resident's age */
      return g_strdup_printf (_("%1$s is for residents aged %2$d and over; this resident is %3$d."),
                              name, package->min_age, age);
    case JY_PACKAGE_REFUSED_TOO_OLD:
      /* Translators: %1$s is a service package, %2$d its maximum age, %3$d the resident's age */
      return g_strdup_printf (_("%1$s is for residents aged up to %2$d; this resident is %3$d."),
                              name, package->max_age, age);
    case JY_PACKAGE_REFUSED_AGE_UNKNOWN:
      /* Translators: %s is a service package */
      return g_strdup_printf (_("%s has an age limit, and the resident's birth date is unknown."), name);
    case JY_PACKAGE_REFUSED_SEX:
      return g_strdup_printf (package->sex == JY_SEX_REQUIREMENT_FEMALE
                                /* Translators: %s is a service package */
                                ? _("%s is for women only.")
                                /* Translators: %s is a service package */
                                : _("%s is for men only."), name);
    case JY_PACKAGE_REFUSED_NOT_IN_GROUP:
    default:
      /* Translators: %s is a service package such as 高血压服务包 */
      return g_strdup_printf (_("%s is for residents of a key population this resident is not in."), name);
    }
}

char *
jy_contract_format_term (const JyContractFacts *facts)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (!g_date_valid (&facts->start) || !g_date_valid (&facts->end))
    return g_strdup ("—");
  start = jy_clock_format_date (&facts->start);
  end = jy_clock_format_date (&facts->end);
  /* Translators: a period, from %1$s to %2$s (dates) */
  return g_strdup_printf (_("%1$s to %2$s"), start, end);
}

char *
jy_contract_format_packages (const JyContract *contract)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; contract->packages != NULL && i < contract->packages->len; i++)
    {
      const JyContractPackage *p = g_ptr_array_index (contract->packages, i);

      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append (text, _(p->name));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
member (JsonObject *detail,
        const char *name)
{
  return detail != NULL && json_object_has_member (detail, name) &&
         JSON_NODE_HOLDS_VALUE (json_object_get_member (detail, name))
    ? json_object_get_string_member (detail, name) : NULL;
}

char *
jy_contract_describe_event (const char *kind,
                            JsonObject *detail)
{
  const char *status = member (detail, "status");

  if (g_strcmp0 (kind, "contract-sign") == 0 || g_strcmp0 (kind, "contract-renew") == 0)
    {
      gboolean renew = g_strcmp0 (kind, "contract-renew") == 0;
      const char *team = member (detail, "team");
      const char *doctor = member (detail, "doctor");
      const char *start = member (detail, "start");
      const char *end = member (detail, "end");
      g_autofree char *line = NULL;

      line = renew
        /* Translators: timeline; %1$s team, %2$s doctor, %3$s and %4$s the term's dates */
        ? g_strdup_printf (_("Contract renewed with %1$s, Dr %2$s, %3$s to %4$s"),
                           team ? team : "—", doctor ? doctor : "—", start ? start : "—", end ? end : "—")
        /* Translators: timeline; %1$s team, %2$s doctor, %3$s and %4$s the term's dates */
        : g_strdup_printf (_("Contract signed with %1$s, Dr %2$s, %3$s to %4$s"),
                           team ? team : "—", doctor ? doctor : "—", start ? start : "—", end ? end : "—");
      if (g_strcmp0 (status, "voided") == 0)
        /* Translators: %s is a timeline line of something later voided */
        return g_strdup_printf (_("%s (voided)"), line);
      return g_steal_pointer (&line);
    }
  if (g_strcmp0 (kind, "contract-terminate") == 0)
    {
      JyTerminationReason reason = JY_TERMINATION_REASON_OTHER;
      const char *code = member (detail, "reason");
      const char *date = member (detail, "date");

      if (code == NULL || !jy_termination_reason_from_code (code, &reason))
        reason = JY_TERMINATION_REASON_OTHER;
      /* Translators: timeline; %1$s the date, %2$s the reason */
      return g_strdup_printf (_("Contract terminated from %1$s: %2$s"), date ? date : "—",
                              _(jy_termination_reason_get_label (reason)));
    }
  if (g_strcmp0 (kind, "contact") == 0)
    {
      JyContactChannel channel = JY_CONTACT_CHANNEL_PHONE;
      const char *code = member (detail, "channel");
      const char *content = member (detail, "content");
      const char *by = member (detail, "initiated_by");
      g_autofree char *line = NULL;

      if (code == NULL || !jy_contact_channel_from_string (code, &channel))
        channel = JY_CONTACT_CHANNEL_PHONE;
      if (g_strcmp0 (by, "resident") == 0)
        /* Translators: timeline; %s is how (phone, WeChat …) */
        line = g_strdup_printf (_("Contact from the resident: %s"), _(jy_contact_channel_get_label (channel)));
      else
        /* Translators: timeline; %s is how (phone, WeChat …) */
        line = g_strdup_printf (_("Contact: %s"), _(jy_contact_channel_get_label (channel)));
      if (content != NULL && *content != '\0')
        {
          char *with = g_strdup_printf ("%s · %s", line, content);

          g_free (line);
          line = with;
        }
      if (g_strcmp0 (status, "entered-in-error") == 0)
        return g_strdup_printf (_("%s (voided)"), line);
      return g_steal_pointer (&line);
    }
  if (g_strcmp0 (kind, "service") == 0)
    {
      const char *item = member (detail, "item");

      if (g_strcmp0 (item, "elderly-annual-check") == 0)
        return g_strdup (_("Annual health check for people aged 65 and over"));
      /* Translators: timeline; %s is the code of a contracted service */
      return g_strdup_printf (_("Service delivered: %s"), item ? item : "—");
    }
  return NULL;
}

const char *
jy_contract_worklist_title (JyContractWorklistKind kind)
{
  switch (kind)
    {
    case JY_CONTRACT_WORKLIST_NOT_CONTACTED:
      return _("Not contacted this quarter");
    case JY_CONTRACT_WORKLIST_EXPIRING:
      return _("Contracts expiring in 30 days");
    case JY_CONTRACT_WORKLIST_ELDERLY_CHECK:
    case JY_CONTRACT_WORKLIST_N:
    default:
      return _("65+ without this year's health check");
    }
}
