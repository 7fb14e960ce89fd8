/* jy-contract-error.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jy-clock.h"
#include "jy-contract-private.h"

/* Refusals: a GLib extended error carrying the JyContractRefusal. */

typedef JyContractRefusal JyContractErrorPrivate;

static void
package_problem_clear (gpointer data)
{
  JyContractPackageProblem *problem = data;

  g_clear_pointer (&problem->code, g_free);
  g_clear_pointer (&problem->name, g_free);
}

static void
jy_contract_error_private_init (JyContractErrorPrivate *priv)
{
  memset (priv, 0, sizeof *priv);
  priv->conflicting_state = JY_CONTRACT_STATE_ACTIVE;
  g_date_clear (&priv->conflicting_start, 1);
  g_date_clear (&priv->conflicting_last, 1);
  g_date_clear (&priv->renewal_opens, 1);
  g_date_clear (&priv->renewal_closes, 1);
  priv->package_problems = g_array_new (FALSE, TRUE, sizeof (JyContractPackageProblem));
  g_array_set_clear_func (priv->package_problems, package_problem_clear);
}

static void
jy_contract_error_private_copy (const JyContractErrorPrivate *src,
                                JyContractErrorPrivate       *dest)
{
  GArray *problems = dest->package_problems;

  *dest = *src;
  dest->conflicting_no = g_strdup (src->conflicting_no);
  dest->package_problems = problems != NULL ? problems : g_array_new (FALSE, TRUE, sizeof (JyContractPackageProblem));
  g_array_set_clear_func (dest->package_problems, package_problem_clear);
  g_array_set_size (dest->package_problems, 0);
  for (guint i = 0; i < src->package_problems->len; i++)
    {
      JyContractPackageProblem problem = g_array_index (src->package_problems, JyContractPackageProblem, i);

      problem.code = g_strdup (problem.code);
      problem.name = g_strdup (problem.name);
      g_array_append_val (dest->package_problems, problem);
    }
}

static void
jy_contract_error_private_clear (JyContractErrorPrivate *priv)
{
  g_clear_pointer (&priv->conflicting_no, g_free);
  g_clear_pointer (&priv->package_problems, g_array_unref);
}

G_DEFINE_EXTENDED_ERROR (JyContractError, jy_contract_error)

const JyContractRefusal *
jy_contract_error_get_refusal (const GError *error)
{
  if (error == NULL || error->domain != JY_CONTRACT_ERROR)
    return NULL;
  return jy_contract_error_get_private (error);
}

JyContractRefusal *
jy_contract_set_refusal (GError          **error,
                         JyContractError   code,
                         const char       *message)
{
  if (error == NULL)
    return NULL;
  g_set_error_literal (error, JY_CONTRACT_ERROR, code, message);
  return jy_contract_error_get_private (*error);
}

static char *
format_date (const GDate *date)
{
  return g_date_valid (date) ? jy_clock_format_date (date) : g_strdup ("—");
}

static char *
describe_package_problem (const JyContractPackageProblem *p)
{
  const char *name = p->name != NULL ? _(p->name) : "";

  switch (p->problem.kind)
    {
    case JY_PACKAGE_SELECTION_NO_BASIC:
      return g_strdup (_("Every contract includes the basic package."));
    case JY_PACKAGE_SELECTION_SECOND_BASIC:
      return g_strdup (_("A contract has only one basic package."));
    case JY_PACKAGE_SELECTION_DUPLICATE:
      /* Translators: %s is a service package, e.g. 老年人服务包 */
      return g_strdup_printf (_("%s was chosen twice."), name);
    case JY_PACKAGE_SELECTION_NOT_ELIGIBLE:
    default:
      break;
    }

  switch (p->problem.reason)
    {
    case JY_PACKAGE_REFUSED_TOO_YOUNG:
      /* Translators: %1$s is a service package, %2$d its minimum age, %3$d the resident's age */
      return g_strdup_printf (_("%1$s is for residents aged %2$d and over; this resident is %3$d."),
                              name, p->min_age, p->age);
    case JY_PACKAGE_REFUSED_TOO_OLD:
      /* Translators: %1$s is a service package, %2$d its maximum age, %3$d the resident's age */
      return g_strdup_printf (_("%1$s is for residents aged up to %2$d; this resident is %3$d."),
                              name, p->max_age, p->age);
    case JY_PACKAGE_REFUSED_AGE_UNKNOWN:
      /* Translators: %s is a service package */
      return g_strdup_printf (_("%s has an age limit, and the resident's birth date is unknown."),
                              name);
    case JY_PACKAGE_REFUSED_SEX:
      return g_strdup_printf (p->sex == JY_SEX_REQUIREMENT_FEMALE
                                /* Translators: %s is a service package */
                                ? _("%s is for women only.")
                                /* Translators: %s is a service package */
                                : _("%s is for men only."), name);
    case JY_PACKAGE_REFUSED_NOT_IN_GROUP:
      /* Translators: %s is a service package such as 高血压服务包 */
      return g_strdup_printf (_("%s is for residents of a key population this resident is not in."),
                              name);
    case JY_PACKAGE_ELIGIBLE:
    default:
      return g_strdup (_("The packages chosen cannot be signed together."));
    }
}

char *
jy_contract_error_describe (const GError *error)
{
  const JyContractRefusal *refusal = jy_contract_error_get_refusal (error);

  if (refusal == NULL)
    return NULL;

  switch ((JyContractError)error->code)
    {
    case JY_CONTRACT_ERROR_ACTIVE_CONTRACT:
      {
        g_autofree char *first = format_date (&refusal->conflicting_start);
        g_autofree char *last = format_date (&refusal->conflicting_last);

        /* Translators: %1$s is a contract number, %2$s and %3$s dates (2026-03-15) */
        return g_strdup_printf (_("The resident already holds contract %1$s, covering %2$s to %3$s. "
                                  "Renew it, or terminate it before signing a new one."),
                                refusal->conflicting_no != NULL ? refusal->conflicting_no : "",
                                first, last);
      }
    case JY_CONTRACT_ERROR_PACKAGES:
      {
        g_autoptr(GString) text = g_string_new (NULL);

        for (guint i = 0; i < refusal->package_problems->len; i++)
          {
            g_autofree char *line =
              describe_package_problem (&g_array_index (refusal->package_problems,
                                                        JyContractPackageProblem, i));

            if (text->len > 0)
              g_string_append_c (text, '\n');
            g_string_append (text, line);
          }
        return g_string_free (g_steal_pointer (&text), FALSE);
      }
    case JY_CONTRACT_ERROR_DATES:
      if (refusal->dates_problems & JY_CONTRACT_DATES_SIGNED_IN_FUTURE)
        return g_strdup (_("The sign date is after today."));
      if (refusal->dates_problems & JY_CONTRACT_DATES_START_BEFORE_SIGNING)
        return g_strdup (_("A contract cannot start before it is signed."));
      return g_strdup (_("The contract's dates are not valid."));
    case JY_CONTRACT_ERROR_RENEWAL:
      switch (refusal->renewal)
        {
        case JY_RENEWAL_TOO_EARLY:
          {
            g_autofree char *opens = format_date (&refusal->renewal_opens);

            /* Translators: %s is a date (2026-03-15) */
            return g_strdup_printf (_("This contract can be renewed from %s."), opens);
          }
        case JY_RENEWAL_LAPSED:
          {
            g_autofree char *closes = format_date (&refusal->renewal_closes);

            /* Translators: %s is a date (2026-03-15) */
            return g_strdup_printf (_("The renewal period ended on %s: sign a new contract instead."),
                                    closes);
          }
        case JY_RENEWAL_TERMINATED:
          return g_strdup (_("A terminated contract cannot be renewed."));
        case JY_RENEWAL_VOIDED:
          return g_strdup (_("A voided contract cannot be renewed."));
        case JY_RENEWAL_ALREADY_RENEWED:
          return g_strdup (_("This contract has already been renewed."));
        case JY_RENEWAL_OK:
        default:
          return g_strdup (_("This contract cannot be renewed."));
        }
    case JY_CONTRACT_ERROR_TERMINATION:
      switch (refusal->termination)
        {
        case JY_TERMINATION_CHECK_VOIDED:
          return g_strdup (_("A voided contract cannot be terminated."));
        case JY_TERMINATION_CHECK_ALREADY_TERMINATED:
          return g_strdup (_("This contract is already terminated."));
        case JY_TERMINATION_CHECK_BEFORE_SIGNING:
          return g_strdup (_("The termination date is before the contract was signed."));
        case JY_TERMINATION_CHECK_ALREADY_ENDED:
          return g_strdup (_("The contract had already ended on that date."));
        case JY_TERMINATION_CHECK_NO_REASON:
          return g_strdup (_("Choose a reason for the termination."));
        case JY_TERMINATION_CHECK_OK:
        default:
          return g_strdup (_("This contract cannot be terminated."));
        }
    case JY_CONTRACT_ERROR_RESIDENT:
      return g_strdup (_("The resident has moved out, died or been lost to follow-up, "
                         "so no contract can be signed."));
    case JY_CONTRACT_ERROR_TEAM:
      return g_strdup (_("The responsible doctor must be a family doctor on an active team."));
    case JY_CONTRACT_ERROR_CONTACT:
      return g_strdup (_("The contact's time is in the future or not a valid time."));
    default:
      return NULL;
    }
}
