/* jiayi-bench-contracts.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract rows of the bench: the worklists of Today and the
 * Contracts page, Today's counts, signing a contract, the indicators of
 * a month. Read rows run as the pages run them: a read job on a worker.
 */

#include "config.h"

#include <stdio.h>

#include "jy-clock.h"
#include "jy-contract-counts.h"
#include "jy-contract-store.h"
#include "jy-contract-worklist.h"
#include "jy-store.h"
#include "jiayi-bench.h"

/* Residents signed (and voided again) by the signing row. */
#define SIGN_SAMPLES 60

static gpointer
team_ids_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  static const char sql[] = "SELECT id FROM team WHERE status = 'active' ORDER BY id";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  return jy_db_collect_int64 (db, stmt, cancellable, error);
}

static gboolean
bench_worklists (Bench       *bench,
                 JyStore     *store,
                 GArray      *teams,
                 GError     **error)
{
  static const char *const names[JY_CONTRACT_WORKLIST_N][2] = {
    { "worklist: not contacted", "worklist: not contacted, team" },
    { "worklist: expiring 30 days", "worklist: expiring 30 days, team" },
    { "worklist: 65+ without check", "worklist: 65+ without check, team" },
  };

  for (JyContractWorklistKind kind = 0; kind < JY_CONTRACT_WORKLIST_N; kind++)
    for (guint by_team = 0; by_team < 2; by_team++)
      {
        g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
        gint64 total = 0;

        for (guint i = 0; i < bench->runs * 4; i++)
          {
            g_autoptr(JyContractWorklistPage) page = NULL;
            JyContractWorklistQuery query;
            gint64 start;
            double ms;

            jy_worklist_query_init (&query, kind);
            if (by_team)
              query.team_id = g_array_index (teams, gint64, i % teams->len);
            start = g_get_monotonic_time ();
            page = jy_store_read (store, jy_contract_worklist_load_func, &query, NULL, error);
            if (page == NULL)
              return FALSE;
            ms = elapsed_ms (start);
            g_array_append_val (samples, ms);
            total += page->total;
          }
        g_debug ("%s: %.0f rows on average", names[kind][by_team], (double)total / samples->len);
        report (bench, names[kind][by_team], samples, 50);
      }

  {
    g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < bench->runs * 4; i++)
      {
        g_autofree JyContractWorklistCounts *counts = NULL;
        JyContractWorklistQuery query;
        gint64 start;
        double ms;

        jy_worklist_query_init (&query, JY_CONTRACT_WORKLIST_NOT_CONTACTED);
        if (i % 2 == 1)
          query.team_id = g_array_index (teams, gint64, i % teams->len);
        start = g_get_monotonic_time ();
        if ((counts = jy_store_read (store, jy_contract_worklist_count_func, &query, NULL, error)) == NULL)
          return FALSE;
        ms = elapsed_ms (start);
        g_array_append_val (samples, ms);
      }
    report (bench, "today: contract counts (worker)", samples, 50);
  }
  return TRUE;
}

/* Adults never signed: the signing row signs each, then voids it again,
 * so the cached centre keeps its counts. */
static gpointer
unsigned_residents_func (JyDb          *db,
                         gpointer       data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  static const char sql[] =
    "SELECT id FROM resident WHERE status = 'active' AND contract_id IS NULL\n"
    "  AND birth_date BETWEEN '1970-01-01' AND '2000-12-31' AND team_id IS NOT NULL\n"
    "ORDER BY id LIMIT ?1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, SIGN_SAMPLES);
  return jy_db_collect_int64 (db, stmt, cancellable, error);
}

typedef struct
{
  gint64      resident_id;
  JyContract *contract;
} SignJob;

static gpointer
sign_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  static const char *const codes[] = { "basic", NULL };
  SignJob *job = data;
  JyContractRequest request;

  jy_contract_request_init (&request);
  request.resident_id = job->resident_id;
  request.package_codes = codes;
  request.fee_paid = TRUE;
  job->contract = jy_contract_store_sign (db, &request, NULL, error);
  return job->contract != NULL ? JY_STORE_DONE : NULL;
}

static gpointer
void_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SignJob *job = data;
  g_autoptr(JyContract) voided = jy_contract_store_void (db, job->contract->id, job->contract->rev,
                                                         "bench", error);

  return voided != NULL ? JY_STORE_DONE : NULL;
}

static gboolean
bench_sign (Bench    *bench,
            JyStore  *store,
            GError  **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) residents = jy_store_read (store, unsigned_residents_func, NULL, NULL, error);

  if (residents == NULL)
    return FALSE;
  for (guint i = 0; i < residents->len; i++)
    {
      SignJob job = { g_array_index (residents, gint64, i), NULL };
      gint64 start = g_get_monotonic_time ();
      double ms;

      /* The whole write job: checks, rows, derived data, outbox, commit. */
      if (jy_store_write (store, sign_func, &job, NULL, error) == NULL)
        return FALSE;
      ms = elapsed_ms (start);
      g_array_append_val (samples, ms);
      if (jy_store_write (store, void_func, &job, NULL, error) == NULL)
        {
          jy_contract_free (job.contract);
          return FALSE;
        }
      jy_contract_free (job.contract);
    }
  if (samples->len > 0)
    report (bench, "contract: sign (write job)", samples, 20);
  return TRUE;
}

typedef struct
{
  JyIndicatorPeriod    period;
  JyContractIndicators sums;
} CountsJob;

static gpointer
counts_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  CountsJob *job = data;

  return jy_contract_counts_compute (db, &job->period, 0, &job->sums, error) ? JY_STORE_DONE : NULL;
}

static gboolean
bench_indicators (Bench    *bench,
                  JyStore  *store,
                  GError  **error)
{
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < MIN (bench->runs, 3); i++)
    {
      CountsJob job = { 0 };
      gint64 start;
      double ms;

      /* Last month: a report's usual question. */
      jy_indicator_period_for_month (NULL, g_date_get_month (today) == 1 ? g_date_get_year (today) - 1
                                                                         : g_date_get_year (today),
                                     g_date_get_month (today) == 1 ? 12 : g_date_get_month (today) - 1,
                                     &job.period);
      start = g_get_monotonic_time ();
      if (jy_store_read (store, counts_func, &job, NULL, error) == NULL)
        return FALSE;
      ms = elapsed_ms (start);
      g_array_append_val (samples, ms);
      g_debug ("indicators: %" G_GINT64_FORMAT " signed, %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
               " renewed, %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " contacted",
               job.sums.signed_residents, job.sums.expiring_renewed, job.sums.expiring,
               job.sums.contact_done, job.sums.contact_owed);
    }
  /* Reports run it on a worker; the per-resident path through core (the
   * definition the SQL is tested against) is not a user's wait. */
  report (bench, "indicators: month (SQL)", samples, 1000);
  return TRUE;
}

gboolean
bench_contracts (Bench       *bench,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(JyStore) store = jy_store_open (path, error);
  g_autoptr(GArray) teams = NULL;

  if (store == NULL || (teams = jy_store_read (store, team_ids_func, NULL, NULL, error)) == NULL)
    return FALSE;
  if (teams->len == 0)
    {
      printf ("%-36s %10s %10s %10s  %s\n", "contracts (no teams)", "-", "-", "-", "-");
      return TRUE;
    }

  return bench_worklists (bench, store, teams, error) &&
         bench_sign (bench, store, error) &&
         bench_indicators (bench, store, error);
}
