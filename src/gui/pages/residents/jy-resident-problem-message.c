/* jy-resident-problem-message.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-problem-message.h"

#include <glib/gi18n.h>

#include "jy-idcard.h"

/* What the form says at a field when core's rule refuses it: the rule in
 * plain words, never the digit an ID number should have had. */
char *
jy_resident_problem_message (const JyResident        *r,
                             const JyResidentProblem *problem)
{
  switch (problem->kind)
    {
    case JY_RESIDENT_PROBLEM_REQUIRED:
      switch (problem->field)
        {
        case JY_RESIDENT_FIELD_NAME:
          return g_strdup (_("Enter the name"));
        case JY_RESIDENT_FIELD_SEX:
          return g_strdup (_("Choose the sex"));
        case JY_RESIDENT_FIELD_BIRTH_DATE:
          return g_strdup (_("Enter the birth date as YYYY-MM-DD"));
        default:
          return g_strdup (_("Required"));
        }
    case JY_RESIDENT_PROBLEM_TOO_LONG:
      return g_strdup (_("A name has at most 30 characters"));
    case JY_RESIDENT_PROBLEM_INVALID:
      switch (problem->field)
        {
        case JY_RESIDENT_FIELD_BIRTH_DATE:
          return g_strdup (_("Not a real date: use YYYY-MM-DD, from 1880 on"));
        case JY_RESIDENT_FIELD_PHONE:
        case JY_RESIDENT_FIELD_CONTACT_PHONE:
          return g_strdup (_("A mobile has 11 digits starting with 1; a landline looks like 0592-1234567"));
        default:
          return g_strdup (_("Not valid"));
        }
    case JY_RESIDENT_PROBLEM_FUTURE:
      return g_strdup (_("The birth date is after today"));
    case JY_RESIDENT_PROBLEM_ID_FORMAT:
      return g_strdup (_("An ID number has 17 digits and then a digit or X"));
    case JY_RESIDENT_PROBLEM_ID_AREA:
      return g_strdup (_("The first two digits are not a province code"));
    case JY_RESIDENT_PROBLEM_ID_BIRTH:
      return g_strdup (_("The birth date inside this ID number is not a real date"));
    case JY_RESIDENT_PROBLEM_ID_CHECK:
      /* Never the expected digit: that invites guessing (domain.md §1.2). */
      return g_strdup (_("This ID number is wrong: check every digit against the card"));
    case JY_RESIDENT_PROBLEM_ID_LEGACY:
      return g_strdup (_("15-digit numbers are no longer valid: enter the 18-digit number"));
    case JY_RESIDENT_PROBLEM_MISMATCH_ID:
      if (problem->field == JY_RESIDENT_FIELD_SEX)
        return g_strdup (_("Differs from the sex in the ID number"));
      else
        {
          GDate birth;
          char text[16] = "";

          if (r->id_number != NULL && jy_idcard_get_birth_date (r->id_number, &birth))
            g_date_strftime (text, sizeof text, "%Y-%m-%d", &birth);
          /* Translators: %s is the birth date encoded in the ID number */
          return g_strdup_printf (_("Differs from the birth date in the ID number (%s)"), text);
        }
    default:
      return g_strdup (_("Not valid"));
    }
}
