/* jy-person.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-person.h"

#include <string.h>

int
jy_person_age_on (const GDate *birth,
                  const GDate *reference)
{
  int age;
  int birth_month, birth_day;

  g_return_val_if_fail (birth != NULL && g_date_valid (birth), -1);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), -1);

  age = g_date_get_year (reference) - g_date_get_year (birth);
  birth_month = g_date_get_month (birth);
  birth_day = g_date_get_day (birth);

  /* In a common year the 29 Feb birthday falls on 1 Mar. */
  if (birth_month == 2 && birth_day == 29 && !g_date_is_leap_year (g_date_get_year (reference)))
    {
      birth_month = 3;
      birth_day = 1;
    }

  if ((int)g_date_get_month (reference) < birth_month ||
      ((int)g_date_get_month (reference) == birth_month && g_date_get_day (reference) < birth_day))
    age--;

  return age;
}

/* Strict YYYY-MM-DD, a real calendar date. */
gboolean
jy_person_parse_date (const char *iso,
                      GDate      *out)
{
  guint64 y, m, d;
  char buf[5];

  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;

  memcpy (buf, iso, 4); buf[4] = '\0';
  if (!g_ascii_string_to_unsigned (buf, 10, 1, 9999, &y, NULL))
    return FALSE;
  memcpy (buf, iso + 5, 2); buf[2] = '\0';
  if (!g_ascii_string_to_unsigned (buf, 10, 1, 12, &m, NULL))
    return FALSE;
  memcpy (buf, iso + 8, 2); buf[2] = '\0';
  if (!g_ascii_string_to_unsigned (buf, 10, 1, 31, &d, NULL))
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return FALSE;

  g_date_set_dmy (out, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  return TRUE;
}

/* 350203199001011234 → 3502**********1234, for lists and printouts
 * (architecture.md, "Users and security"). */
char *
jy_person_mask_id_number (const char *id_number)
{
  gsize len;

  if (id_number == NULL)
    return NULL;

  len = strlen (id_number);
  if (len <= 8)
    return g_strdup (id_number);
  return g_strdup_printf ("%.4s%.*s%s", id_number, (int)(len - 8),
                          "******************************", id_number + len - 4);
}

/* The latest birth date of someone at least @age full years old on
 * @reference, so "aged 65+" is `birth_date <= cutoff` in SQL. Going back
 * from 29 Feb lands on 28 Feb of a common year, and someone born on 29 Feb
 * is then not yet of age, as jy_person_age_on() agrees. */
void
jy_person_latest_birth_for_age (const GDate *reference,
                                int          age,
                                GDate       *out)
{
  g_return_if_fail (reference != NULL && g_date_valid (reference));
  g_return_if_fail (age >= 0 && out != NULL);

  *out = *reference;
  g_date_subtract_years (out, age);
}
