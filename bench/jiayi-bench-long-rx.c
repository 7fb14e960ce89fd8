/* jiayi-bench-long-rx.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The long-prescription rows of the bench: the three worklists (all and
 * by team), Today's counts, and issuing a prescription (the whole write
 * job). Read rows run as the pages run them: a read job on a worker.
 */

#include "config.h"

#include <stdio.h>

#include "jy-clock.h"
#include "jy-long-rx-store.h"
#include "jy-store.h"
#include "jiayi-bench.h"

#define ISSUE_SAMPLES 40

static gpointer
team_ids_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  static const char sql[] = "SELECT id FROM team WHERE status = 'active' ORDER BY id";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  return stmt != NULL ? jy_db_collect_int64 (db, stmt, cancellable, error) : NULL;
}

static gboolean
bench_worklists (Bench    *bench,
                 JyStore  *store,
                 GArray   *teams,
                 GError  **error)
{
  static const char *const names[JY_LONG_RX_WORKLIST_N][2] = {
    { "long rx: instalments due this week", "long rx: instalments due, team" },
    { "long rx: reviews due", "long rx: reviews due, team" },
    { "long rx: expiring 14 days", "long rx: expiring 14 days, team" },
  };

  for (JyLongRxWorklistKind kind = 0; kind < JY_LONG_RX_WORKLIST_N; kind++)
    for (guint by_team = 0; by_team < 2; by_team++)
      {
        g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
        gint64 total = 0;

        for (guint i = 0; i < bench->runs * 4; i++)
          {
            g_autoptr(JyLongRxWorklistPage) page = NULL;
            JyLongRxWorklistQuery query;
            gint64 start;
            double ms;

            jy_long_rx_worklist_query_init (&query, kind);
            if (by_team && teams->len > 0)
              query.team_id = g_array_index (teams, gint64, i % teams->len);
            start = g_get_monotonic_time ();
            page = jy_store_read (store, jy_long_rx_worklist_load_func, &query, NULL, error);
            if (page == NULL)
              return FALSE;
            ms = elapsed_ms (start);
            g_array_append_val (samples, ms);
            total += page->total;
          }
        g_debug ("%s: %.0f rows on average", names[kind][by_team], (double) total / samples->len);
        report (bench, names[kind][by_team], samples, 50);
      }

  {
    g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < bench->runs * 4; i++)
      {
        g_autofree JyLongRxWorklistCounts *counts = NULL;
        JyLongRxWorklistQuery query;
        gint64 start;
        double ms;

        jy_long_rx_worklist_query_init (&query, JY_LONG_RX_WORKLIST_DUE);
        if (i % 2 == 1 && teams->len > 0)
          query.team_id = g_array_index (teams, gint64, i % teams->len);
        start = g_get_monotonic_time ();
        if ((counts = jy_store_read (store, jy_long_rx_worklist_count_func, &query, NULL, error)) == NULL)
          return FALSE;
        ms = elapsed_ms (start);
        g_array_append_val (samples, ms);
      }
    report (bench, "today: long rx counts (worker)", samples, 50);
  }
  return TRUE;
}

/* Signed, controlled patients seen face to face in the last 12 weeks
 * without a prescription in use: each gets one, stopped again after, so
 * the cached centre keeps its worklists. */
static gpointer
eligible_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  static const char sql[] =
    "SELECT r.id FROM resident r JOIN contract c ON c.id = r.contract_id\n"
    "  JOIN chronic_enrolment e ON e.resident_id = r.id AND e.status = 'managing'\n"
    "WHERE r.status = 'active' AND c.cover_last >= date ('now', '+8 hours')\n"
    "  AND c.start_date <= date ('now', '+8 hours')\n"
    "  AND NOT EXISTS (SELECT 1 FROM long_rx x WHERE x.resident_id = r.id AND x.status = 'active')\n"
    "GROUP BY r.id HAVING min (e.last_class) = 1 AND max (e.last_class) = 1\n"
    "  AND min (e.last_f2f_date) >= date ('now', '+8 hours', '-80 days')\n"
    "  AND min (e.icd10 IS NOT NULL OR e.diagnosis_date IS NOT NULL) = 1\n"
    "ORDER BY r.id LIMIT ?1 * 10";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, ISSUE_SAMPLES);
  return jy_db_collect_int64 (db, stmt, cancellable, error);
}

typedef struct
{
  gint64    resident_id;
  JyLongRx *rx;
} IssueJob;

/* The candidates the store finds eligible (stable per the latest
 * follow-ups' adherence and danger signs too). */
static gpointer
keep_eligible_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  GArray *candidates = data;
  GArray *eligible = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < candidates->len && eligible->len < ISSUE_SAMPLES; i++)
    {
      gint64 id = g_array_index (candidates, gint64, i);
      g_autoptr(JyLongRxResidentFacts) facts = jy_long_rx_store_resident_facts (db, id, NULL, error);

      if (facts == NULL)
        {
          g_array_unref (eligible);
          return NULL;
        }
      if (facts->reasons->len == 0 && facts->current_rx_id == 0)
        g_array_append_val (eligible, id);
    }
  return eligible;
}

static gpointer
issue_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  IssueJob *job = data;
  g_autoptr(JyLongRx) rx = jy_long_rx_new ();
  g_autoptr(GDate) today = jy_clock_today_local ();
  JyLongRxItem *item = jy_long_rx_item_new ();

  rx->resident_id = job->resident_id;
  rx->issue_date = jy_clock_format_date (today);
  rx->total_days = 84;
  rx->days_per_dispense = 28;
  rx->assessment_done = TRUE;
  rx->assessment_note = g_strdup ("bench");
  rx->patient_confirmed = TRUE;
  item->drug_code = g_strdup ("D003");
  item->drug_name = g_strdup ("苯磺酸氨氯地平片");
  item->unit = g_strdup ("片");
  item->dose = 1;
  item->frequency = JY_DOSE_FREQUENCY_QD;
  item->days = 84;
  item->pack_size = 28;
  g_ptr_array_add (rx->items, item);
  job->rx = jy_long_rx_store_issue (db, rx, error);
  return job->rx != NULL ? JY_STORE_DONE : NULL;
}

static gpointer
stop_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  IssueJob *job = data;
  g_autoptr(JyLongRx) stopped = jy_long_rx_store_stop (db, job->rx->id, job->rx->rev,
                                                       JY_LONG_RX_STOP_OTHER, job->rx->issue_date,
                                                       "bench", error);

  return stopped != NULL ? JY_STORE_DONE : NULL;
}

static gboolean
bench_issue (Bench    *bench,
             JyStore  *store,
             GError  **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) candidates = jy_store_read (store, eligible_func, NULL, NULL, error);
  g_autoptr(GArray) residents = NULL;

  if (candidates == NULL ||
      (residents = jy_store_read (store, keep_eligible_func, candidates, NULL, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < residents->len; i++)
    {
      IssueJob job = { g_array_index (residents, gint64, i), NULL };
      gint64 start = g_get_monotonic_time ();
      double ms;

      /* The whole write job: eligibility, checks, rows, derived data, outbox, commit. */
      if (jy_store_write (store, issue_func, &job, NULL, error) == NULL)
        return FALSE;
      ms = elapsed_ms (start);
      g_array_append_val (samples, ms);
      if (jy_store_write (store, stop_func, &job, NULL, error) == NULL)
        {
          jy_long_rx_free (job.rx);
          return FALSE;
        }
      jy_long_rx_free (job.rx);
    }
  if (samples->len > 0)
    report (bench, "long rx: issue (write job)", samples, 20);
  else
    printf ("%-36s %10s %10s %10s  %s\n", "long rx: issue (no eligible)", "-", "-", "-", "-");
  return TRUE;
}

gboolean
bench_long_rx (Bench       *bench,
               const char  *path,
               GError     **error)
{
  g_autoptr(JyStore) store = jy_store_open (path, error);
  g_autoptr(GArray) teams = NULL;

  if (store == NULL || (teams = jy_store_read (store, team_ids_func, NULL, NULL, error)) == NULL)
    return FALSE;
  return bench_worklists (bench, store, teams, error) &&
         bench_issue (bench, store, error);
}
