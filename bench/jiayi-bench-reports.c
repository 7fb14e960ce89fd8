/* jiayi-bench-reports.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly summary rows of the bench: a month for the centre, a
 * month for a team, the month with the previous month and the same month
 * last year (the Reports page), and the A4 PDF written from it.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "jy-clock.h"
#include "jy-report-engine.h"
#include "jy-report-print.h"
#include "jy-store.h"
#include "jiayi-bench.h"

typedef struct
{
  JyReportMonth month;
  JyReportScope scope;
  GDate         as_of;
  gboolean      compare;
} ReportJob;

/* As the Reports page and `jiayi report` do: over the store's readers. */
static gpointer
run_report (JyStore    *store,
            ReportJob  *job,
            GError    **error)
{
  g_autoptr(GPtrArray) reports = NULL;

  if (job->compare)
    return jy_report_compare_store (store, &job->month, &job->scope, &job->as_of, NULL, error);
  reports = jy_report_compute_months (store, &job->month, 1, &job->scope, &job->as_of, NULL, NULL, error);
  return reports != NULL ? g_ptr_array_steal_index (reports, 0) : NULL;
}

static gpointer
first_team_func (JyDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, "SELECT id FROM team WHERE status = 'active' ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  return jy_db_collect_int64 (db, stmt, cancellable, error);
}

gboolean
bench_reports (Bench       *bench,
               const char  *path,
               GError     **error)
{
  g_autoptr(JyStore) store = jy_store_open (path, error);
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autoptr(GArray) teams = NULL;
  g_autoptr(JyReportComparison) kept = NULL;
  ReportJob job = { 0 };
  static const char *const names[] = {
    "report: compute a month, centre", "report: compute a month, team",
    "report: month + previous + last year",
  };

  if (store == NULL || (teams = jy_store_read (store, first_team_func, NULL, NULL, error)) == NULL)
    return FALSE;
  /* The last complete month. */
  jy_report_month_of_date (today, &job.month);
  job.month = jy_report_month_previous (&job.month);
  job.as_of = *today;

  for (guint row = 0; row < G_N_ELEMENTS (names); row++)
    {
      g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

      job.scope.kind = row == 1 && teams->len > 0 ? JY_REPORT_SCOPE_TEAM : JY_REPORT_SCOPE_CENTRE;
      job.compare = row == 2;
      for (guint i = 0; i < bench->runs; i++)
        {
          gpointer result;
          gint64 start;
          double ms;

          if (job.scope.kind == JY_REPORT_SCOPE_TEAM)
            job.scope.id = g_array_index (teams, gint64, i % teams->len);
          start = g_get_monotonic_time ();
          if ((result = run_report (store, &job, error)) == NULL)
            return FALSE;
          ms = elapsed_ms (start);
          g_array_append_val (samples, ms);
          if (job.compare)
            {
              g_clear_pointer (&kept, jy_report_comparison_free);
              kept = result;
            }
          else
            jy_report_free (result);
        }
      report (bench, names[row], samples, row == 2 ? 3000 : 1000);
    }

  {
    g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
    g_autofree char *dir = g_dir_make_tmp ("jiayi-bench-report-XXXXXX", error);
    g_autofree char *pdf = NULL;

    if (dir == NULL)
      return FALSE;
    pdf = g_build_filename (dir, "report.pdf", NULL);
    for (guint i = 0; i < bench->runs; i++)
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
        g_autoptr(JyPrintDoc) doc = NULL;
        gint64 start = g_get_monotonic_time ();
        double ms;

        doc = jy_report_print_build (kept, now);
        if (!jy_print_doc_write_pdf (doc, pdf, error))
          return FALSE;
        ms = elapsed_ms (start);
        g_array_append_val (samples, ms);
      }
    g_unlink (pdf);
    g_rmdir (dir);
    report (bench, "report: write the PDF", samples, 1000);
  }
  return TRUE;
}
