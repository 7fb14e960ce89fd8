/* jy-report-month.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-report-month.h"

#include <stdlib.h>

#include "jy-clock.h"

gboolean
jy_report_month_is_valid (const JyReportMonth *month)
{
  return month != NULL && month->month >= 1 && month->month <= 12 &&
         month->year >= 1900 && month->year <= 9999;
}

gboolean
jy_report_month_parse (const char    *text,
                       JyReportMonth *out)
{
  JyReportMonth m;
  char *end;
  gint64 year, month;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  year = g_ascii_strtoll (text, &end, 10);
  if (end - text != 4 || *end != '-' || !g_ascii_isdigit (end[1]))
    return FALSE;
  text = end + 1;
  month = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || end - text > 2)
    return FALSE;
  m.year = (int)year;
  m.month = (int)month;
  if (!jy_report_month_is_valid (&m))
    return FALSE;
  *out = m;
  return TRUE;
}

char *
jy_report_month_to_string (const JyReportMonth *month)
{
  g_return_val_if_fail (jy_report_month_is_valid (month), NULL);

  return g_strdup_printf ("%04d-%02d", month->year, month->month);
}

void
jy_report_month_of_date (const GDate   *date,
                         JyReportMonth *out)
{
  g_return_if_fail (date != NULL && g_date_valid (date) && out != NULL);

  out->year = g_date_get_year (date);
  out->month = g_date_get_month (date);
}

void
jy_report_month_of_instant (GDateTime     *instant,
                            JyReportMonth *out)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (instant != NULL && out != NULL);

  local = g_date_time_to_timezone (instant, jy_clock_get_local_zone ());
  out->year = g_date_time_get_year (local);
  out->month = g_date_time_get_month (local);
}

JyReportMonth
jy_report_month_add (const JyReportMonth *month,
                     int                  delta)
{
  int index;

  g_return_val_if_fail (jy_report_month_is_valid (month), *month);

  index = month->year * 12 + (month->month - 1) + delta;
  return (JyReportMonth) { .year = index / 12, .month = index % 12 + 1 };
}

JyReportMonth
jy_report_month_previous (const JyReportMonth *month)
{
  return jy_report_month_add (month, -1);
}

JyReportMonth
jy_report_month_last_year (const JyReportMonth *month)
{
  return jy_report_month_add (month, -12);
}

int
jy_report_month_compare (const JyReportMonth *a,
                         const JyReportMonth *b)
{
  int ia = a->year * 12 + a->month, ib = b->year * 12 + b->month;

  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

void
jy_report_month_bounds (const JyReportMonth *month,
                        GDate               *first,
                        GDate               *last)
{
  g_return_if_fail (jy_report_month_is_valid (month));

  if (first != NULL)
    {
      g_date_clear (first, 1);
      g_date_set_dmy (first, 1, month->month, month->year);
    }
  if (last != NULL)
    {
      g_date_clear (last, 1);
      g_date_set_dmy (last, g_date_get_days_in_month (month->month, month->year),
                      month->month, month->year);
    }
}

void
jy_report_window_for_month (const JyReportMonth *month,
                            JyReportWindow      *out)
{
  g_return_if_fail (jy_report_month_is_valid (month) && out != NULL);

  out->month = *month;
  jy_report_month_bounds (month, &out->first, &out->last);
  g_date_clear (&out->year_first, 1);
  g_date_set_dmy (&out->year_first, 1, G_DATE_JANUARY, month->year);
  g_date_clear (&out->quarter_first, 1);
  g_date_set_dmy (&out->quarter_first, 1, (month->month - 1) / 3 * 3 + 1, month->year);
}
