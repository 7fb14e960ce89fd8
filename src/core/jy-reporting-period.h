/* jy-reporting-period.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The reporting calendar (domain.md conventions): a "month" is the natural
 * month (configurable: some cities close on the 25th) and an "assessment
 * year" is the calendar year (configurable: some provinces run July–June).
 * Every function taking a `const JyReportingCalendar *` accepts NULL for
 * the defaults. All dates are local dates, first and last day inclusive. */
typedef struct
{
  /* 0: natural months (default). 1–28: reporting month M runs from the day
   * after this day of M − 1 to this day of M (25: 26 Sep–25 Oct is "October"). */
  guint month_close_day;
  /* First reporting month of the assessment year: 1 (default) or e.g. 7. */
  guint year_start_month;
} JyReportingCalendar;

#define JY_REPORTING_CALENDAR_DEFAULT \
  ((JyReportingCalendar) { .month_close_day = 0, .year_start_month = 1 })

gboolean jy_reporting_calendar_is_valid (const JyReportingCalendar *calendar);
void     jy_reporting_month_bounds      (const JyReportingCalendar *calendar,
                                         int                        year,
                                         int                        month,
                                         GDate                     *first,
                                         GDate                     *last);
void     jy_reporting_month_of          (const JyReportingCalendar *calendar,
                                         const GDate               *date,
                                         int                       *year,
                                         int                       *month);
void     jy_reporting_year_bounds       (const JyReportingCalendar *calendar,
                                         const GDate               *date,
                                         GDate                     *first,
                                         GDate                     *last);

G_END_DECLS
