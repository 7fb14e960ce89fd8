/* jy-report-indicator.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The indicators of the monthly summary (domain.md §6.1) as data: one
 * row per number the report prints, grouped in sections. The report
 * engine (src/report) computes a section's rows; the text here is shown
 * next to each number in the app and printed as footnotes, so what is
 * counted and what is printed cannot drift apart. A section whose data
 * the workstation does not record yet (long prescriptions, home beds)
 * keeps its definitions here and says it is not available. */

typedef enum
{
  JY_REPORT_SECTION_CONTRACTS,   /* C: 家庭医生签约 (§2.6) */
  JY_REPORT_SECTION_CHRONIC,     /* F: 高血压 / 糖尿病 (§3.7) */
  JY_REPORT_SECTION_LONG_RX,     /* L: 长期处方 (§4) */
  JY_REPORT_SECTION_HOME_BED,    /* H: 家庭病床 (§5.5) */
  JY_REPORT_SECTION_REFERRAL,    /* R: 双向转诊 */
  JY_REPORT_SECTION_NURSING,     /* N: 护士上门 */
  JY_REPORT_SECTION_N
} JyReportSection;

/* Which days are counted (§6.1). */
typedef enum
{
  JY_INDICATOR_WINDOW_STOCK,     /* on the last day of the month */
  JY_INDICATOR_WINDOW_FLOW,      /* within the month */
  JY_INDICATOR_WINDOW_QUARTER,   /* from the first day of the quarter to the month end */
  JY_INDICATOR_WINDOW_YTD,       /* from the start of the assessment year to the month end */
} JyIndicatorWindow;

typedef enum
{
  JY_INDICATOR_RESIDENTS,   /* a count of distinct residents */
  JY_INDICATOR_EVENTS,      /* a count of events (visits, contracts, prescriptions) */
  JY_INDICATOR_RATE,        /* numerator ÷ denominator, printed as 85.3% (n/d) */
  JY_INDICATOR_AVERAGE,     /* sum ÷ count, printed with one decimal */
} JyIndicatorKind;

typedef struct
{
  const char        *code;         /* "C01", "F02H" … stable: CSV column, tests */
  JyReportSection    section;
  JyIndicatorKind    kind;
  JyIndicatorWindow  window;
  const char        *name;         /* untranslated msgid: use jy_report_indicator_name() */
  const char        *numerator;    /* what is counted (msgid) */
  const char        *denominator;  /* msgid; NULL for counts */
  /* Breakdowns by team and doctor are meaningful (FALSE: the denominator
   * is the catchment's population, known for the centre and teams only). */
  gboolean           by_doctor;
} JyReportIndicator;

const JyReportIndicator *jy_report_indicators          (guint                    *n_indicators);
const JyReportIndicator *jy_report_indicator_lookup    (const char               *code);
const char              *jy_report_indicator_name      (const JyReportIndicator  *indicator);
const char              *jy_report_indicator_numerator (const JyReportIndicator  *indicator);
const char              *jy_report_indicator_denominator (const JyReportIndicator *indicator);
/* "Numerator: … Denominator: … (stock on the last day of the month)",
 * translated: the footnote and the tooltip of a number. */
char                    *jy_report_indicator_describe  (const JyReportIndicator  *indicator);

const char              *jy_report_section_name        (JyReportSection           section);
/* Whether the workstation records this section's data yet. */
gboolean                 jy_report_section_is_available (JyReportSection          section);
/* Whether the engine computes this indicator now: its section is
 * available and its data is recorded (fulfilment of every obligation and
 * patients received back from hospitals are not yet). */
gboolean                 jy_report_indicator_is_available (const JyReportIndicator *indicator);
const char              *jy_indicator_window_name      (JyIndicatorWindow         window);

/* Face-to-face visits the norm (§3.7) asks of an enrolment from the start
 * of the assessment year to @last: @visits_per_year pro rata over the
 * months under management (the month of enrolment counts), rounded up;
 * at the year end this is jy_followup_norm_visits_required(). 0 when
 * enrolled after @last. */
int                      jy_report_norm_visits_required_to_date (const GDate *enrol_date,
                                                                  const GDate *year_first,
                                                                  const GDate *last,
                                                                  int          visits_per_year);

G_END_DECLS
