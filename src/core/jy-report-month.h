/* jy-report-month.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A month of the monthly summary (domain.md §6.1) and the windows its
 * indicators look at. Months are natural months of the centre's local
 * calendar (Asia/Shanghai); the assessment year is the calendar year.
 * All days are local dates, first and last inclusive. */
typedef struct
{
  int year;
  int month;   /* 1–12 */
} JyReportMonth;

/* The windows of one month's report. */
typedef struct
{
  JyReportMonth month;
  GDate         first;          /* flow: first day of the month */
  GDate         last;           /* flow: last day; stock: the reference day */
  GDate         year_first;     /* YTD: first day of the assessment year */
  GDate         quarter_first;  /* quarter to date: first day of @last's quarter */
} JyReportWindow;

gboolean jy_report_month_is_valid      (const JyReportMonth *month);
/* "2026-10" (also "2026-1"); FALSE for anything else or a month outside 1–12. */
gboolean jy_report_month_parse         (const char          *text,
                                        JyReportMonth       *out);
/* "2026-10" */
char    *jy_report_month_to_string     (const JyReportMonth *month);
/* The month containing @date. */
void     jy_report_month_of_date       (const GDate         *date,
                                        JyReportMonth       *out);
/* The local (Asia/Shanghai) month of an instant. */
void     jy_report_month_of_instant    (GDateTime           *instant,
                                        JyReportMonth       *out);
/* @month moved by @delta months (−1: previous, −12: same month last year). */
JyReportMonth jy_report_month_add      (const JyReportMonth *month,
                                        int                  delta);
JyReportMonth jy_report_month_previous (const JyReportMonth *month);
JyReportMonth jy_report_month_last_year (const JyReportMonth *month);
int      jy_report_month_compare       (const JyReportMonth *a,
                                        const JyReportMonth *b);
void     jy_report_month_bounds        (const JyReportMonth *month,
                                        GDate               *first,
                                        GDate               *last);
void     jy_report_window_for_month    (const JyReportMonth *month,
                                        JyReportWindow      *out);

G_END_DECLS
