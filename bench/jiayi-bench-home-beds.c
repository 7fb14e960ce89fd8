/* jiayi-bench-home-beds.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The home-bed rows of the bench: today's rounds of a nurse or doctor (a
 * read job on a worker, as the page runs it) and saving a round (a write
 * job: the round, its outbox and audit rows, the bed's due dates). The
 * rounds saved are marked entered-in-error again afterwards, outside the
 * timing, so the cached centre keeps its due dates.
 */

#include "config.h"

#include "jy-clock.h"
#include "jy-home-bed-store-private.h"
#include "jy-person.h"
#include "jy-store.h"
#include "jiayi-bench.h"

/* Staff with open beds, most first; and the open beds. */
static gpointer
ids_func (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, data, error);

  if (stmt == NULL)
    return NULL;
  return jy_db_collect_int64 (db, stmt, cancellable, error);
}

static gpointer
reference_func (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  static const char sql[] = "SELECT value FROM meta WHERE key = 'generator_reference_date'";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  GDate *date = g_new0 (GDate, 1);

  if (stmt == NULL)
    return NULL;
  g_date_clear (date, 1);
  if (jy_db_step (db, stmt, error) == SQLITE_ROW)
    jy_person_parse_date ((const char *)sqlite3_column_text (stmt, 0), date);
  sqlite3_reset (stmt);
  if (!g_date_valid (date))
    {
      g_autoptr(GDate) today = jy_clock_today_local ();

      *date = *today;
    }
  return date;
}

typedef struct
{
  gint64         bed_id;
  JyHomeBedRound round;
  gint64         round_id;
} RoundJob;

static gpointer
log_round_func (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  RoundJob *job = data;

  job->round_id = jy_home_bed_store_log_round (db, job->bed_id, &job->round, &job->round.date, NULL, error);
  return job->round_id > 0 ? JY_STORE_DONE : NULL;
}

static gpointer
undo_round_func (JyDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  static const char sql[] = "UPDATE home_bed_round SET status = 'entered-in-error' WHERE id = ?1";
  RoundJob *job = data;
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job->round_id);
  if (!jy_db_step_done (db, stmt, error) || !jy_home_bed_derive (db, job->bed_id, error))
    return NULL;
  return JY_STORE_DONE;
}

gboolean
bench_home_beds (Bench       *bench,
                 const char  *path,
                 GError     **error)
{
  static const char staff_sql[] =
    "SELECT staff FROM (SELECT nurse_id AS staff, count(*) AS n FROM home_bed WHERE status = 'open'\n"
    "  GROUP BY nurse_id UNION ALL SELECT doctor_id, count(*) FROM home_bed WHERE status = 'open'\n"
    "  GROUP BY doctor_id) ORDER BY n DESC, staff";
  static const char beds_sql[] = "SELECT id FROM home_bed WHERE status = 'open' ORDER BY id";
  g_autoptr(JyStore) store = jy_store_open (path, error);
  g_autoptr(GArray) staff = NULL;
  g_autoptr(GArray) beds = NULL;
  g_autoptr(GArray) read_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) write_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree GDate *today = NULL;
  guint total = 0;

  if (store == NULL ||
      (today = jy_store_read (store, reference_func, NULL, NULL, error)) == NULL ||
      (staff = jy_store_read (store, ids_func, (gpointer)staff_sql, NULL, error)) == NULL ||
      (beds = jy_store_read (store, ids_func, (gpointer)beds_sql, NULL, error)) == NULL)
    return FALSE;
  if (staff->len == 0 || beds->len == 0)
    {
      g_printerr ("bench: no open home beds in %s\n", path);
      return TRUE;
    }

  for (guint i = 0; i < bench->runs * 4; i++)
    {
      JyHomeBedRoundsQuery query = { g_array_index (staff, gint64, i % MIN (staff->len, 8)), *today };
      g_autoptr(GPtrArray) rows = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if ((rows = jy_store_read (store, jy_home_bed_todays_rounds_func, &query, NULL, error)) == NULL)
        return FALSE;
      ms = elapsed_ms (start);
      g_array_append_val (read_samples, ms);
      total += rows->len;
    }
  g_debug ("today's rounds: %.1f beds on average", (double)total / read_samples->len);
  report (bench, "home beds: today's rounds", read_samples, 30);

  for (guint i = 0; i < bench->runs * 2; i++)
    {
      RoundJob job = { g_array_index (beds, gint64, i % beds->len) };
      gint64 start;
      double ms;

      jy_home_bed_round_init (&job.round);
      job.round.date = *today;
      job.round.kind = JY_HOME_BED_ROUND_NURSING;
      job.round.vitals[JY_HOME_BED_VITAL_TEMPERATURE] = 36.7;
      job.round.vitals[JY_HOME_BED_VITAL_SBP] = 132;
      job.round.vitals[JY_HOME_BED_VITAL_DBP] = 80;
      job.round.vitals[JY_HOME_BED_VITAL_SPO2] = 96;
      job.round.procedures = JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_DRESSING);
      job.round.note = "bench";
      start = g_get_monotonic_time ();
      if (jy_store_write (store, log_round_func, &job, NULL, error) == NULL)
        return FALSE;
      ms = elapsed_ms (start);
      g_array_append_val (write_samples, ms);
      if (jy_store_write (store, undo_round_func, &job, NULL, error) == NULL)
        return FALSE;
    }
  report (bench, "home beds: log a round (save)", write_samples, 20);
  return TRUE;
}
