/* jy-report-parallel.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Several months of reports over the store's readers side by side: a
 * month at 200,000 residents is about a second of SQLite on one core,
 * and the Reports page wants three (and then twelve for its trends).
 * Workers on their own read connections take (month, task) pairs from one
 * counter, heaviest tasks first.
 *
 * Each reader has its own snapshot. A change committed while the workers
 * start would let two indicators see different data, so each worker notes
 * the newest audit-log id in its snapshot (every change writes one in its
 * own transaction, architecture.md invariant 1); if they disagree, the
 * whole thing is computed again on one reader.
 */

#include "config.h"

#include "jy-report-engine-private.h"

#include "jy-store.h"

/* The store's scanners (jy_store_read_scan: the file mapped). */
#define MAX_WORKERS 3

typedef struct _Shared Shared;

typedef struct
{
  Shared *shared;
  guint   index;
  gint64  token;
  GError *error;
} Worker;

struct _Shared
{
  JyStore             *store;
  GCancellable        *cancellable;
  const JyReportScope *scope;
  const GDate         *as_of;
  guint                n_months;
  JyReportWindow      *windows;
  GArray              *tasks;       /* JyReportTask */
  GHashTable        ***counts;      /* [month][indicator] */
  JyReportNames        names;
  gboolean             serial;      /* one worker does every task */
  gint                 next;        /* atomic: the next (task, month) */
  gint                 failed;      /* atomic */
};

static gpointer
worker_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  static const char token_sql[] = "SELECT ifnull (max (id), 0) FROM audit_log";
  Worker *worker = data;
  Shared *shared = worker->shared;
  guint total = shared->tasks->len * shared->n_months;
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_REPORTS_VIEW, error))
    return NULL;
  if ((stmt = jy_db_prepare (db, token_sql, error)) == NULL || (rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  worker->token = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (worker->index == 0 && !jy_report_names_load (db, &shared->names, error))
    return NULL;

  for (;;)
    {
      guint i = (guint)g_atomic_int_add (&shared->next, 1);
      guint month, task;

      if (i >= total || g_atomic_int_get (&shared->failed))
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      /* Every month's heaviest task before anyone's lighter ones. */
      task = i / shared->n_months;
      month = i % shared->n_months;
      if (!jy_report_run_task (db, &g_array_index (shared->tasks, JyReportTask, task),
                               &shared->windows[month], shared->scope, shared->as_of,
                               shared->counts[month], error))
        return NULL;
    }
  return JY_STORE_DONE;
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;

  if (jy_store_read_scan (worker->shared->store, worker_func, worker, worker->shared->cancellable,
                          &worker->error) == NULL)
    g_atomic_int_set (&worker->shared->failed, TRUE);
  return NULL;
}

/* Runs the workers; TRUE when every task ran and their snapshots agree. */
static gboolean
run_workers (Shared   *shared,
             guint     n_workers,
             gboolean *consistent,
             GError  **error)
{
  g_autofree Worker *workers = g_new0 (Worker, n_workers);
  g_autofree GThread **threads = g_new0 (GThread *, n_workers);
  gboolean ok = TRUE;

  shared->next = 0;
  shared->failed = FALSE;
  for (guint w = 0; w < n_workers; w++)
    {
      workers[w].shared = shared;
      workers[w].index = w;
    }
  for (guint w = 1; w < n_workers; w++)
    threads[w] = g_thread_new ("jiayi-report", worker_thread, &workers[w]);
  worker_thread (&workers[0]);
  for (guint w = 1; w < n_workers; w++)
    g_thread_join (threads[w]);

  *consistent = TRUE;
  for (guint w = 0; w < n_workers; w++)
    {
      if (workers[w].error != NULL)
        {
          if (ok)
            g_propagate_error (error, g_steal_pointer (&workers[w].error));
          g_clear_error (&workers[w].error);
          ok = FALSE;
        }
      *consistent &= workers[w].token == workers[0].token;
    }
  return ok;
}

GPtrArray *
jy_report_compute_months (JyStore              *store,
                          const JyReportMonth  *months,
                          guint                 n_months,
                          const JyReportScope  *scope,
                          const GDate          *as_of,
                          const char * const   *codes,
                          GCancellable         *cancellable,
                          GError              **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GArray) tasks = NULL;
  g_autofree JyReportWindow *windows = NULL;
  Shared shared = { 0 };
  gboolean consistent = FALSE, ok;
  guint n, n_workers;

  g_return_val_if_fail (JY_IS_STORE (store), NULL);
  g_return_val_if_fail (months != NULL && n_months > 0, NULL);
  g_return_val_if_fail (scope != NULL && as_of != NULL && g_date_valid (as_of), NULL);
  for (guint m = 0; m < n_months; m++)
    g_return_val_if_fail (jy_report_month_is_valid (&months[m]), NULL);

  jy_report_indicators (&n);
  tasks = jy_report_plan_tasks (codes);
  windows = g_new0 (JyReportWindow, n_months);
  for (guint m = 0; m < n_months; m++)
    jy_report_window_for_month (&months[m], &windows[m]);
  shared.store = store;
  shared.cancellable = cancellable;
  shared.scope = scope;
  shared.as_of = as_of;
  shared.n_months = n_months;
  shared.windows = windows;
  shared.tasks = tasks;
  shared.counts = g_new0 (GHashTable **, n_months);
  for (guint m = 0; m < n_months; m++)
    shared.counts[m] = g_new0 (GHashTable *, n);

  n_workers = CLAMP (g_get_num_processors (), 1, MAX_WORKERS);
  n_workers = MIN (n_workers, MAX (tasks->len * n_months, 1));
  ok = run_workers (&shared, n_workers, &consistent, error);
  if (ok && !consistent)
    {
      /* A change landed between the workers' snapshots: once more, on one. */
      g_debug ("report: snapshots differ, computing on one reader");
      for (guint m = 0; m < n_months; m++)
        jy_report_counts_free (shared.counts[m], n);
      jy_report_names_clear (&shared.names);
      ok = run_workers (&shared, 1, &consistent, error);
    }

  if (ok)
    {
      reports = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_report_free);
      for (guint m = 0; m < n_months; m++)
        g_ptr_array_add (reports, jy_report_assemble (&months[m], scope, as_of, &shared.names,
                                                      shared.counts[m]));
    }
  for (guint m = 0; m < n_months; m++)
    {
      jy_report_counts_free (shared.counts[m], n);
      g_free (shared.counts[m]);
    }
  g_free (shared.counts);
  jy_report_names_clear (&shared.names);
  return g_steal_pointer (&reports);
}

JyReportComparison *
jy_report_compare_store (JyStore              *store,
                         const JyReportMonth  *month,
                         const JyReportScope  *scope,
                         const GDate          *as_of,
                         GCancellable         *cancellable,
                         GError              **error)
{
  JyReportMonth months[3] = { *month, jy_report_month_previous (month), jy_report_month_last_year (month) };
  g_autoptr(GPtrArray) reports = jy_report_compute_months (store, months, G_N_ELEMENTS (months), scope,
                                                           as_of, NULL, cancellable, error);
  JyReportComparison *comparison;

  if (reports == NULL)
    return NULL;
  comparison = g_new0 (JyReportComparison, 1);
  comparison->current = g_ptr_array_steal_index (reports, 0);
  comparison->previous = g_ptr_array_steal_index (reports, 0);
  comparison->last_year = g_ptr_array_steal_index (reports, 0);
  return comparison;
}
