/* jy-report-engine.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"
#include "jy-store.h"
#include "jy-report-indicator.h"
#include "jy-report-month.h"

G_BEGIN_DECLS

/* The monthly summary (domain.md §6.1) computed over the store: every
 * available indicator of jy-report-indicator.h for one month, for the
 * whole centre, a team or a doctor, with a row per team and per doctor
 * under the scope's total. Totals count distinct residents (or events),
 * never the sum of the rows, as §6.1 asks.
 *
 * Attribution: contract indicators go to the contract's team and
 * responsible doctor; chronic-care, referral and nursing indicators to the
 * enrolment's team and doctor; indicators over the registered population
 * (C02, C03, F08) to the resident's team, and have no doctor rows.
 *
 * Functions taking a JyDb run inside a store job (jy_store_read) and need
 * JY_PERMISSION_REPORTS_VIEW. */

typedef enum
{
  JY_REPORT_SCOPE_CENTRE,
  JY_REPORT_SCOPE_TEAM,
  JY_REPORT_SCOPE_DOCTOR,
} JyReportScopeKind;

typedef struct
{
  JyReportScopeKind kind;
  gint64            id;     /* team or staff id; 0 for the centre */
} JyReportScope;

typedef struct
{
  gboolean available;      /* FALSE: printed "—" (section not recorded, or no doctor rows) */
  gint64   numerator;      /* the count, or a rate's numerator, or an average's sum */
  gint64   denominator;    /* rates and averages; 0 for counts */
} JyReportCell;

typedef struct
{
  JyReportScopeKind kind;  /* CENTRE: the scope's total row */
  gint64            id;
  char             *name;
  gint64            team_id;  /* doctors: the team most of their numbers came from */
} JyReportGroup;

typedef struct
{
  JyReportMonth   month;
  JyReportWindow  window;
  JyReportScope   scope;
  GDate           as_of;         /* renewals counted up to this day */
  char           *centre_name;
  char           *scope_name;    /* the centre's, team's or doctor's name */
  GPtrArray      *groups;        /* JyReportGroup*: [0] the scope's total, then teams, then doctors */
  guint           n_indicators;  /* jy_report_indicators() order */
  JyReportCell   *cells;         /* n_indicators × groups->len, indicator-major */
} JyReport;

JyReport           *jy_report_compute      (JyDb                *db,
                                            const JyReportMonth *month,
                                            const JyReportScope *scope,
                                            const GDate         *as_of,
                                            GError             **error);
/* The same, computing only the indicators named in @codes (the others
 * are not available): the Reports page's 12-month trends. */
JyReport           *jy_report_compute_only (JyDb                *db,
                                            const JyReportMonth *month,
                                            const JyReportScope *scope,
                                            const GDate         *as_of,
                                            const char * const  *codes,
                                            GError             **error);
void                jy_report_free         (JyReport            *report);
const JyReportCell *jy_report_get_cell     (const JyReport      *report,
                                            guint                indicator,
                                            guint                group);
/* The cell as printed: "1,234", "85.3%", "12.5" or "—". */
char               *jy_report_format_cell  (const JyReport      *report,
                                            guint                indicator,
                                            guint                group);

/* The residents behind a number: distinct resident ids, ascending, of
 * indicator @code's numerator (or denominator) for one group of the
 * report whose scope is @within (CENTRE: the scope's total), @as_of as
 * the report's. A doctor's row in a team's report is that doctor's
 * residents of that team. */
GArray             *jy_report_drill_down   (JyDb                *db,
                                            const JyReportMonth *month,
                                            const JyReportScope *within,
                                            const char          *code,
                                            JyReportScopeKind    group_kind,
                                            gint64               group_id,
                                            gboolean             denominator,
                                            const GDate         *as_of,
                                            GError             **error);

/* A resident behind a number, as the drill-down lists them. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *sex;          /* GB/T 2261.1 code */
  char   *birth_date;   /* YYYY-MM-DD */
} JyReportResident;

void                jy_report_resident_free (JyReportResident *resident);
/* JyReportResident* for @ids (gint64), in the same order. */
GPtrArray          *jy_report_load_residents (JyDb           *db,
                                              GArray         *ids,
                                              GError        **error);

/* A month with the previous month and the same month last year, as the
 * Reports page and the printout compare them. */
typedef struct
{
  JyReport *current;
  JyReport *previous;
  JyReport *last_year;
} JyReportComparison;

JyReportComparison *jy_report_compare      (JyDb                *db,
                                            const JyReportMonth *month,
                                            const JyReportScope *scope,
                                            const GDate         *as_of,
                                            GError             **error);
void                jy_report_comparison_free (JyReportComparison *comparison);

/* The same over the store's readers, several at once (jy-report-parallel.c):
 * from any thread but the UI's; JY_PERMISSION_REPORTS_VIEW. */
JyReportComparison *jy_report_compare_store  (JyStore             *store,
                                              const JyReportMonth *month,
                                              const JyReportScope *scope,
                                              const GDate         *as_of,
                                              GCancellable        *cancellable,
                                              GError             **error);
/* @n_months reports in @months' order (only @codes' indicators, if not
 * NULL). */
GPtrArray          *jy_report_compute_months (JyStore             *store,
                                              const JyReportMonth *months,
                                              guint                n_months,
                                              const JyReportScope *scope,
                                              const GDate         *as_of,
                                              const char * const  *codes,
                                              GCancellable        *cancellable,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyReport, jy_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyReportComparison, jy_report_comparison_free)

G_END_DECLS
