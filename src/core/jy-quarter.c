/* jy-quarter.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-quarter.h"

#include <string.h>

void
jy_quarter_from_date (const GDate *date,
                      JyQuarter   *out)
{
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (out != NULL);

  out->year = g_date_get_year (date);
  out->quarter = (g_date_get_month (date) - 1) / 3 + 1;
}

gboolean
jy_quarter_is_valid (const JyQuarter *quarter)
{
  return quarter != NULL && quarter->quarter >= 1 && quarter->quarter <= 4 &&
         quarter->year >= 1 && quarter->year <= 9999;
}

void
jy_quarter_first_day (const JyQuarter *quarter,
                      GDate           *out)
{
  g_return_if_fail (jy_quarter_is_valid (quarter));
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, (GDateMonth)(3 * quarter->quarter - 2), (GDateYear)quarter->year);
}

/* The due date of a quarterly obligation (§2.5: due date = quarter end). */
void
jy_quarter_last_day (const JyQuarter *quarter,
                     GDate           *out)
{
  GDateMonth month;

  g_return_if_fail (jy_quarter_is_valid (quarter));
  g_return_if_fail (out != NULL);

  month = (GDateMonth)(3 * quarter->quarter);
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_get_days_in_month (month, (GDateYear)quarter->year),
                  month, (GDateYear)quarter->year);
}

gboolean
jy_quarter_contains (const JyQuarter *quarter,
                     const GDate     *date)
{
  JyQuarter of_date;

  g_return_val_if_fail (jy_quarter_is_valid (quarter), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  jy_quarter_from_date (date, &of_date);
  return jy_quarter_compare (quarter, &of_date) == 0;
}

/* The quarter @n quarters after @quarter (before it when @n < 0):
 * 2026-Q4 + 1 = 2027-Q1. */
void
jy_quarter_add (const JyQuarter *quarter,
                int              n,
                JyQuarter       *out)
{
  int index;

  g_return_if_fail (jy_quarter_is_valid (quarter));
  g_return_if_fail (out != NULL);

  index = quarter->year * 4 + (quarter->quarter - 1) + n;
  out->year = index / 4;
  out->quarter = index % 4 + 1;
}

int
jy_quarter_compare (const JyQuarter *a,
                    const JyQuarter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->quarter != b->quarter)
    return a->quarter < b->quarter ? -1 : 1;
  return 0;
}

/* "2026-Q2": the key a worklist or CSV column uses. Free with g_free(). */
char *
jy_quarter_to_string (const JyQuarter *quarter)
{
  g_return_val_if_fail (jy_quarter_is_valid (quarter), NULL);

  return g_strdup_printf ("%04d-Q%d", quarter->year, quarter->quarter);
}

gboolean
jy_quarter_from_string (const char *text,
                        JyQuarter  *out)
{
  guint64 year;
  char buf[5];

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || strlen (text) != 7 || text[4] != '-' || text[5] != 'Q' ||
      text[6] < '1' || text[6] > '4')
    return FALSE;
  memcpy (buf, text, 4);
  buf[4] = '\0';
  if (!g_ascii_string_to_unsigned (buf, 10, 1, 9999, &year, NULL))
    return FALSE;

  out->year = (int)year;
  out->quarter = text[6] - '0';
  return TRUE;
}

/* Whether any of @dates (local dates, e.g. of contacts) falls in @quarter:
 * "contacted this quarter". Invalid dates are skipped. */
gboolean
jy_quarter_has_date (const JyQuarter *quarter,
                     const GDate     *dates,
                     guint            n_dates)
{
  g_return_val_if_fail (jy_quarter_is_valid (quarter), FALSE);
  g_return_val_if_fail (dates != NULL || n_dates == 0, FALSE);

  for (guint i = 0; i < n_dates; i++)
    if (g_date_valid (&dates[i]) && jy_quarter_contains (quarter, &dates[i]))
      return TRUE;
  return FALSE;
}
