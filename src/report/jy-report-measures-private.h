/* jy-report-measures-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-db.h"
#include "jy-report-engine.h"

G_BEGIN_DECLS

/* One row behind an indicator: @unit is what is counted once (a
 * resident, a contract, a visit), @resident who it is about. */
typedef struct
{
  gint64   unit;
  gint64   resident;
  gint64   team;
  gint64   doctor;
  gint64   value;       /* added to an average's numerator */
  gboolean numerator;
  gboolean denominator;
  guint    flags;       /* JY_REPORT_FLAG_*: what a collect function judged */
} JyReportRow;

/* F04–F07 read the year's cohort once per disease: one pass judges both
 * the norm and control, and the measure's flag picks the numerator. */
#define JY_REPORT_FLAG_NORM       (1u << 0)
#define JY_REPORT_FLAG_CONTROLLED (1u << 1)

typedef struct _JyReportMeasure JyReportMeasure;

/* Reads a measure's rows for @window into @rows. */
typedef gboolean (*JyReportCollect) (JyDb                  *db,
                                     const JyReportMeasure *measure,
                                     const JyReportWindow  *window,
                                     const GDate           *as_of,
                                     GArray                *rows,
                                     GError               **error);

/* How the engine computes one indicator of jy_report_indicators(): an
 * SQL statement whose rows are (unit, resident, team, doctor, numerator,
 * denominator[, value]), or a collect function. A section that lands
 * later (long prescriptions, home beds) adds its rows to the table in
 * jy-report-measures.c. Statement parameters:
 *   ?1 first  ?2 last  ?3 quarter's first day  ?4 year's first day  ?5 as of
 *   ?6 latest birth of the year's 65-year-olds  ?7 latest birth of a 7-year-old on ?2
 *   ?8 manual key-population codes  ?9 renewal opens (days)  ?10 renewal grace (days)
 *   ?11 the measure's parameter (text) */
struct _JyReportMeasure
{
  const char      *code;
  const char      *sql;
  const char      *param;
  JyReportCollect  collect;
  guint            flag;    /* non-zero: numerator = row.flags & flag */
  /* Counted in SQL instead (a report's cells): a statement of rows
   * (team, doctor, numerator₀, denominator₀, numerator₁, …), one per
   * team and doctor, read once for every measure naming it; @slot picks
   * the pair. Only for measures whose units are each one row of @sql,
   * which drill-down still reads. */
  const char      *counts_sql;
  guint            slot;
};

#define JY_REPORT_COUNT_SLOTS 4

/* A row of a counts statement. */
typedef struct
{
  gint64 team;
  gint64 doctor;
  gint64 numerator[JY_REPORT_COUNT_SLOTS];
  gint64 denominator[JY_REPORT_COUNT_SLOTS];
} JyReportCount;

const JyReportMeasure *jy_report_measure_lookup (const char *code);
gboolean               jy_report_measure_collect (JyDb                  *db,
                                                  const JyReportMeasure *measure,
                                                  const JyReportWindow  *window,
                                                  const GDate           *as_of,
                                                  GArray                *rows,
                                                  GError               **error);
gboolean               jy_report_measure_collect_counts (JyDb                  *db,
                                                         const JyReportMeasure *measure,
                                                         const JyReportWindow  *window,
                                                         const GDate           *as_of,
                                                         GArray                *counts,
                                                         GError               **error);
/* Tests: computes every cell from rows, as drill-down does (FALSE), or
 * from the counts statements where a measure has one (TRUE, the default). */
void                   jy_report_set_use_counts (gboolean use);
void                   jy_report_format_day      (const GDate *date,
                                                  char         text[11]);
/* Whether @row counts for @scope (the centre: every row). */
gboolean               jy_report_row_in_scope    (const JyReportRow   *row,
                                                  const JyReportScope *scope);

G_END_DECLS
