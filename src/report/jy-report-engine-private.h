/* jy-report-engine-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-report-engine.h"

G_BEGIN_DECLS

/* A report is computed in three steps, so that jy-report-parallel.c can
 * spread the middle one over several readers: the names of teams and
 * staff; the counts of each indicator (one GHashTable per indicator,
 * group key → numerator and denominator), a task at a time; then the
 * groups and cells, with no database. */

typedef struct
{
  GHashTable *team_names;   /* gint64* → char* */
  GHashTable *team_codes;   /* gint64* → char*: the order of the rows */
  GHashTable *staff_names;
  GHashTable *staff_team;   /* gint64* → gint64*: each doctor's team (by membership) */
  char       *centre_name;
} JyReportNames;

gboolean  jy_report_names_load  (JyDb           *db,
                                 JyReportNames  *names,
                                 GError        **error);
void      jy_report_names_clear (JyReportNames  *names);

#define JY_REPORT_TASK_MAX 8

/* Indicators (indices into jy_report_indicators()) computed together. */
typedef struct
{
  guint n;
  guint index[JY_REPORT_TASK_MAX];
} JyReportTask;

/* JyReportTask for every available indicator (only @codes', if given),
 * heaviest first. */
GArray   *jy_report_plan_tasks  (const char * const   *codes);
/* Fills counts[i] for each indicator i of @task. */
gboolean  jy_report_run_task    (JyDb                 *db,
                                 const JyReportTask   *task,
                                 const JyReportWindow *window,
                                 const JyReportScope  *scope,
                                 const GDate          *as_of,
                                 GHashTable          **counts,
                                 GError              **error);
/* counts: one per indicator, NULL where not computed (then "—"). */
JyReport *jy_report_assemble    (const JyReportMonth  *month,
                                 const JyReportScope  *scope,
                                 const GDate          *as_of,
                                 const JyReportNames  *names,
                                 GHashTable          **counts);
void      jy_report_counts_free (GHashTable          **counts,
                                 guint                 n);

G_END_DECLS
