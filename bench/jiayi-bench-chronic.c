/* jiayi-bench-chronic.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hypertension and diabetes care at the size of a big centre: saving a
 * combined visit, opening a patient's follow-up history with its chart,
 * each worklist with and without a team filter, and Today's counts.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "jiayi-bench.h"
#include "jy-chronic-worklist.h"
#include "jy-clock.h"
#include "jy-followup-store.h"
#include "jy-store.h"

/* Patients with both diseases, spread over the centre; each is saved once
 * and opened once per run. */
#define PATIENT_SAMPLES 50

typedef struct
{
  gint64 resident_id;
  gint64 htn_id;
  gint64 dm_id;
  gint64 team_id;
} Patient;

static gpointer
load_patients_func (JyDb          *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  static const char sql[] =
    "SELECT e.resident_id, max (CASE p.code WHEN 'htn' THEN e.id END),\n"
    "       max (CASE p.code WHEN 't2dm' THEN e.id END), max (ifnull (e.team_id, 0))\n"
    "FROM chronic_enrolment e JOIN programme p ON p.id = e.programme_id\n"
    "WHERE e.status = 'managing'\n"
    "GROUP BY e.resident_id HAVING count (*) = 2 ORDER BY e.resident_id";
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Patient));
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (Patient));
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Patient patient = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
      };

      g_array_append_val (all, patient);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  for (guint i = 0; i < PATIENT_SAMPLES && all->len > 0; i++)
    g_array_append_val (samples, g_array_index (all, Patient, (guint64)i * all->len / PATIENT_SAMPLES));
  return g_steal_pointer (&samples);
}

/* Saving ------------------------------------------------------------------- */

static void
add_drug (JyFollowup *f,
          const char *name,
          int         times,
          double      dose,
          const char *unit)
{
  JyFollowupDrug *drug = jy_followup_drug_new (JY_FOLLOWUP_DRUG_CURRENT);

  drug->name = g_strdup (name);
  drug->times_per_day = times;
  drug->dose = dose;
  drug->dose_unit = g_strdup (unit);
  g_ptr_array_add (f->drugs, drug);
}

/* What the form hands over for a controlled combined visit today. */
static JyFollowup *
make_record (gint64       enrolment_id,
             JyProgramme  programme,
             const char  *today,
             const char  *next)
{
  JyFollowup *f = jy_followup_new (programme);

  f->enrolment_id = enrolment_id;
  f->visit_date = g_strdup (today);
  f->mode = JY_VISIT_MODE_CLINIC;
  f->symptoms = 1u << 1;
  f->sbp = 132;
  f->dbp = 82;
  f->heart_rate = 74;
  f->weight_kg = 68.5;
  f->height_cm = 165;
  f->adherence = 1;
  f->classification = f->suggested_class = JY_FOLLOWUP_CLASS_CONTROLLED;
  f->next_visit_date = g_strdup (next);
  f->suggested_next_date = g_strdup (next);
  if (programme == JY_PROGRAMME_HTN)
    {
      add_drug (f, "苯磺酸氨氯地平片", 1, 5, "mg");
      add_drug (f, "缬沙坦胶囊", 1, 80, "mg");
    }
  else
    {
      f->fasting_glucose = 6.4;
      add_drug (f, "盐酸二甲双胍片", 3, 0.5, "g");
    }
  return f;
}

typedef struct
{
  JyFollowup *records[2];
} SaveJob;

static gpointer
save_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SaveJob *job = data;
  const JyFollowupAction actions[] = { JY_FOLLOWUP_ACTION_ROUTINE, JY_FOLLOWUP_ACTION_ROUTINE };

  return jy_followup_store_save_visit (db, job->records, actions, 2, error) ? JY_STORE_DONE : NULL;
}

/* What the form reads before it opens: the rule's previous visit and the
 * latest one (drugs carried over), for both diseases. */
static gpointer
form_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  const Patient *patient = data;
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *date = jy_clock_format_date (today);
  gint64 ids[] = { patient->htn_id, patient->dm_id };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JyFollowup) previous = jy_followup_store_previous_for_rule (db, ids[i], date, &local_error);
      g_autoptr(JyFollowup) latest = NULL;

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      latest = jy_followup_store_latest (db, ids[i], &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return JY_STORE_DONE;
}

/* Saves into a copy of the cached centre, so that the cache stays what the
 * generator made. */
static gboolean
bench_save (Bench       *bench,
            const char  *path,
            GArray      *patients,
            GError     **error)
{
  g_autofree char *scratch = g_build_filename (bench->cache_dir, "chronic-scratch.db", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (path);
  g_autoptr(GFile) to = g_file_new_for_path (scratch);
  g_autoptr(GArray) form_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *today_text = jy_clock_format_date (today);
  g_autofree char *next_text = NULL;
  GDate next = *today;

  g_date_add_days (&next, 90);
  next_text = jy_clock_format_date (&next);

  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;

  {
    g_autoptr(JyStore) store = jy_store_open (scratch, error);

    if (store == NULL)
      return FALSE;
    for (guint i = 0; i < patients->len; i++)
      {
        Patient *patient = &g_array_index (patients, Patient, i);
        g_autoptr(JyFollowup) htn = make_record (patient->htn_id, JY_PROGRAMME_HTN, today_text, next_text);
        g_autoptr(JyFollowup) dm = make_record (patient->dm_id, JY_PROGRAMME_T2DM, today_text, next_text);
        SaveJob job = { { htn, dm } };
        gint64 start;
        double ms;

        start = g_get_monotonic_time ();
        if (jy_store_read (store, form_func, patient, NULL, error) == NULL)
          return FALSE;
        ms = elapsed_ms (start);
        g_array_append_val (form_times, ms);

        start = g_get_monotonic_time ();
        if (jy_store_write (store, save_func, &job, NULL, error) == NULL)
          return FALSE;
        ms = elapsed_ms (start);
        g_array_append_val (save_times, ms);
      }
  }

  g_unlink (scratch);
  {
    g_autofree char *wal = g_strconcat (scratch, "-wal", NULL);
    g_autofree char *shm = g_strconcat (scratch, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }

  report (bench, "chronic: visit form data (worker)", form_times, 20);
  /* Two records, their drugs, two outbox and audit rows, two enrolments'
   * worklist state: one write job, committed. */
  report (bench, "chronic: save combined visit", save_times, 20);
  return TRUE;
}

/* Reading ------------------------------------------------------------------ */

static gpointer
history_func (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  const Patient *patient = data;
  JyFollowupHistoryQuery htn = { patient->resident_id, JY_PROGRAMME_HTN, FALSE };
  JyFollowupHistoryQuery dm = { patient->resident_id, JY_PROGRAMME_T2DM, FALSE };
  g_autoptr(JyFollowupHistory) first = jy_followup_store_load_history (db, &htn, cancellable, error);
  g_autoptr(JyFollowupHistory) second = NULL;

  if (first == NULL || (second = jy_followup_store_load_history (db, &dm, cancellable, error)) == NULL)
    return NULL;
  if (first->followups->len == 0 || first->chart->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "bench patient without a history");
      return NULL;
    }
  return JY_STORE_DONE;
}

static gboolean
bench_history (Bench       *bench,
               JyStore     *store,
               GArray      *patients,
               GError     **error)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < bench->runs; run++)
    for (guint i = 0; i < patients->len; i++)
      {
        gint64 start = g_get_monotonic_time ();
        double ms;

        if (jy_store_read (store, history_func, &g_array_index (patients, Patient, i), NULL, error) == NULL)
          return FALSE;
        ms = elapsed_ms (start);
        g_array_append_val (times, ms);
      }

  /* Both diseases: the history table with drugs and the chart's points. */
  report (bench, "chronic: open history + chart (2 dis.)", times, 50);
  return TRUE;
}

static gboolean
bench_worklists (Bench       *bench,
                 JyStore     *store,
                 GArray      *patients,
                 GError     **error)
{
  static const char *const names[JY_WORKLIST_N_KINDS] = {
    "worklist: due this week", "worklist: overdue", "worklist: 2-week rechecks",
    "worklist: referrals awaiting", "worklist: behind the norm",
  };
  g_autoptr(GArray) counts_times = g_array_new (FALSE, FALSE, sizeof (double));

  for (JyWorklistKind kind = 0; kind < JY_WORKLIST_N_KINDS; kind++)
    for (guint filtered = 0; filtered < 2; filtered++)
      {
        g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
        g_autofree char *row = g_strdup_printf ("%s%s", names[kind], filtered ? " (team)" : "");
        guint64 total = 0;

        for (guint i = 0; i < 4 * bench->runs; i++)
          {
            /* A different team each time: the one of a sample patient. */
            JyWorklistQuery query = { .kind = kind, .limit = JY_WORKLIST_DEFAULT_LIMIT };
            g_autoptr(JyWorklistPage) page = NULL;
            gint64 start;
            double ms;

            if (filtered)
              query.team_id = g_array_index (patients, Patient, i % patients->len).team_id;
            start = g_get_monotonic_time ();
            if ((page = jy_store_read (store, jy_chronic_worklist_load, &query, NULL, error)) == NULL)
              return FALSE;
            ms = elapsed_ms (start);
            g_array_append_val (times, ms);
            total += page->total;
          }
        g_debug ("%s: %.0f residents on the list on average", row, (double)total / (4 * bench->runs));
        report (bench, row, times, 50);
      }

  for (guint i = 0; i < 4 * bench->runs; i++)
    {
      JyWorklistQuery query = { 0 };
      g_autofree JyWorklistCounts *counts = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if ((counts = jy_store_read (store, jy_chronic_worklist_load_counts, &query, NULL, error)) == NULL)
        return FALSE;
      ms = elapsed_ms (start);
      g_array_append_val (counts_times, ms);
    }
  report (bench, "today: chronic worklist counts", counts_times, 50);
  return TRUE;
}

gboolean
bench_chronic (Bench       *bench,
               const char  *path,
               GError     **error)
{
  g_autoptr(GArray) patients = NULL;

  {
    g_autoptr(JyStore) store = jy_store_open (path, error);

    if (store == NULL ||
        (patients = jy_store_read (store, load_patients_func, NULL, NULL, error)) == NULL)
      return FALSE;
    if (patients->len == 0)
      {
        printf ("%-36s %10s %10s %10s  %s\n", "chronic (no patients)", "-", "-", "-", "-");
        return TRUE;
      }
    if (!bench_history (bench, store, patients, error) ||
        !bench_worklists (bench, store, patients, error))
      return FALSE;
  }

  return bench_save (bench, path, patients, error);
}
