/* jy-reporting-period.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-reporting-period.h"

static const JyReportingCalendar default_calendar = { .month_close_day = 0, .year_start_month = 1 };

gboolean
jy_reporting_calendar_is_valid (const JyReportingCalendar *calendar)
{
  return calendar != NULL && calendar->month_close_day <= 28 &&
         calendar->year_start_month >= 1 && calendar->year_start_month <= 12;
}

static const JyReportingCalendar *
calendar_or_default (const JyReportingCalendar *calendar)
{
  if (calendar == NULL)
    return &default_calendar;
  g_return_val_if_fail (jy_reporting_calendar_is_valid (calendar), &default_calendar);
  return calendar;
}

static void
set_last_of_month (GDate *out,
                   int    year,
                   int    month)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_get_days_in_month ((GDateMonth)month, (GDateYear)year),
                  (GDateMonth)month, (GDateYear)year);
}

/* The first and last day of reporting month @year-@month: 2026-10 is
 * 1–31 Oct 2026 with natural months, 26 Sep–25 Oct 2026 when the month
 * closes on the 25th. */
void
jy_reporting_month_bounds (const JyReportingCalendar *calendar,
                           int                        year,
                           int                        month,
                           GDate                     *first,
                           GDate                     *last)
{
  guint close;

  g_return_if_fail (year >= 2 && year <= 9999 && month >= 1 && month <= 12);
  g_return_if_fail (first != NULL && last != NULL);

  close = calendar_or_default (calendar)->month_close_day;
  g_date_clear (first, 1);
  g_date_clear (last, 1);
  if (close == 0)
    {
      g_date_set_dmy (first, 1, (GDateMonth)month, (GDateYear)year);
      set_last_of_month (last, year, month);
      return;
    }

  g_date_set_dmy (last, (GDateDay)close, (GDateMonth)month, (GDateYear)year);
  *first = *last;
  g_date_subtract_months (first, 1);
  g_date_add_days (first, 1);
}

/* The reporting month a date belongs to: with a close on the 25th,
 * 26 Dec 2026 is in reporting month 2027-01. */
void
jy_reporting_month_of (const JyReportingCalendar *calendar,
                       const GDate               *date,
                       int                       *year,
                       int                       *month)
{
  guint close;
  int y, m;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (year != NULL && month != NULL);

  close = calendar_or_default (calendar)->month_close_day;
  y = g_date_get_year (date);
  m = g_date_get_month (date);
  if (close != 0 && g_date_get_day (date) > close)
    {
      if (++m > 12)
        {
          m = 1;
          y++;
        }
    }
  *year = y;
  *month = m;
}

/* The assessment year containing @date: twelve reporting months from the
 * year's start month. With defaults, 1 Jan–31 Dec; starting in July,
 * 15 Mar 2027 is in 1 Jul 2026–30 Jun 2027. Year-to-date figures run from
 * @first to the end of the report's month. */
void
jy_reporting_year_bounds (const JyReportingCalendar *calendar,
                          const GDate               *date,
                          GDate                     *first,
                          GDate                     *last)
{
  const JyReportingCalendar *cal = calendar_or_default (calendar);
  GDate unused;
  int year, month;
  int start_year, end_year, end_month;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (first != NULL && last != NULL);

  jy_reporting_month_of (cal, date, &year, &month);
  start_year = month >= (int)cal->year_start_month ? year : year - 1;
  end_month = cal->year_start_month == 1 ? 12 : (int)cal->year_start_month - 1;
  end_year = cal->year_start_month == 1 ? start_year : start_year + 1;

  jy_reporting_month_bounds (cal, start_year, (int)cal->year_start_month, first, &unused);
  jy_reporting_month_bounds (cal, end_year, end_month, &unused, last);
}
