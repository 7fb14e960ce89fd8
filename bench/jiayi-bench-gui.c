/* jiayi-bench-gui.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Timings that need the real widgets: what a doctor waits for between a
 * keystroke and seeing the rows, and between Enter and the resident page.
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "jiayi-bench.h"
#include "jy-application.h"
#include "jy-resident-view.h"
#include "jy-residents-page.h"
#include "jy-store.h"
#include "jy-window.h"
#include "test-gui-util.h"

#define GUI_SAMPLES 60

static int
compare_ms (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The UI thread's own CPU time, for JIAYI_BENCH_TRACE: on a shared
 * machine the wall clock also counts other processes' turns. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
trace_cpu (const char *name,
           GArray     *samples_ms)
{
  if (g_getenv ("JIAYI_BENCH_TRACE") == NULL || samples_ms->len == 0)
    return;
  g_array_sort (samples_ms, (GCompareFunc)compare_ms);
  g_printerr ("%-36s UI-thread CPU median %.1f ms, p95 %.1f ms\n", name,
              g_array_index (samples_ms, double, samples_ms->len / 2),
              g_array_index (samples_ms, double, MIN (samples_ms->len - 1, (guint)(0.95 * samples_ms->len))));
}

static gboolean
wants (Bench      *bench,
       const char *rows)
{
  return bench->gui_rows == NULL || g_strcmp0 (bench->gui_rows, rows) == 0;
}

typedef struct
{
  gboolean results;
  gboolean block0;
  gboolean loaded;
  gboolean painted;
} Flags;

static void
results_shown_cb (JyResidentsPage *page,
                  Flags           *flags)
{
  flags->results = TRUE;
}

static void
block_loaded_cb (GListModel *model,
                 guint       block,
                 Flags      *flags)
{
  if (block == 0)
    flags->block0 = TRUE;
}

static void
view_loaded_cb (JyResidentView *view,
                Flags          *flags)
{
  flags->loaded = TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Flags         *flags)
{
  flags->painted = TRUE;
}

static gboolean
wait_for (gboolean *flag,
          GError  **error)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!*flag)
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "The window did not answer in 30 s");
          return FALSE;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

typedef gboolean (*Predicate) (gpointer data);

static gboolean
wait_until (Predicate   predicate,
            gpointer    data,
            GError    **error)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "The window did not answer in 30 s");
          return FALSE;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

static gboolean
view_complete (gpointer data)
{
  return jy_resident_view_is_complete (data);
}

static gboolean
wait_painted (GtkWidget  *window,
              Flags      *flags,
              GError    **error)
{
  flags->painted = FALSE;
  gtk_widget_queue_draw (window);
  return wait_for (&flags->painted, error);
}

typedef struct
{
  GPtrArray *queries;
  GArray    *ids;
} Samples;

static gpointer
samples_func (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  /* Spread over the whole centre; full names are what a doctor types most. */
  static const char sql[] =
    "SELECT id, name FROM resident WHERE status = 'active' AND id % 997 = 0 ORDER BY id LIMIT ?1";
  Samples *samples = data;
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, GUI_SAMPLES);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (samples->ids, id);
      g_ptr_array_add (samples->queries, jy_db_column_dup_text (stmt, 1));
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return JY_STORE_DONE;
}

gboolean
bench_gui (Bench       *bench,
           const char  *path,
           GError     **error)
{
  g_autoptr(JyStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) painted = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opened = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) completed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scrolled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scrolled_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) painted_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opened_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) completed_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  Samples samples = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (gint64)) };
  Flags flags = { 0 };
  JyWindow *window;
  JyResidentsPage *page;
  JyResidentView *view;
  GtkWidget *entry;
  GListModel *model;
  GdkFrameClock *clock;
  gboolean ok = FALSE;

  /* Settings of a bench run must not touch the user's own. Under Xvfb GL
   * is software-rendered (~30 ms a frame); cairo is what the start-up rows
   * use too, and closer to a real PC's hardware GL (toolchain.md). */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (!gtk_init_check ())
    {
      printf ("%-36s %10s %10s %10s  %s\n", "gui rows (no display)", "-", "-", "-", "-");
      return TRUE;
    }
  adw_init ();
  jy_gui_init ();

  if ((store = jy_store_open (path, error)) == NULL ||
      jy_store_read (store, samples_func, &samples, NULL, error) == NULL)
    goto out;

  settings = g_settings_new (APPLICATION_ID);
  window = jy_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  page = JY_RESIDENTS_PAGE (jy_test_find_by_type (GTK_WIDGET (window), JY_TYPE_RESIDENTS_PAGE));
  view = JY_RESIDENT_VIEW (jy_test_find_by_type (GTK_WIDGET (window), JY_TYPE_RESIDENT_VIEW));
  entry = jy_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_signal_connect (page, "results-shown", G_CALLBACK (results_shown_cb), &flags);
  g_signal_connect (view, "loaded", G_CALLBACK (view_loaded_cb), &flags);

  /* The whole centre listed first, as when the doctor opens the page. */
  jy_window_set_store (window, store);
  jy_window_show_page (window, "residents");
  if (!wait_for (&flags.results, error))
    goto out;
  model = jy_residents_page_get_model (page, TRUE);
  g_signal_connect (model, "block-loaded", G_CALLBACK (block_loaded_cb), &flags);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &flags);
  if (!wait_painted (GTK_WIDGET (window), &flags, error))
    goto out;

  for (guint i = 0; wants (bench, "search") && i < samples.queries->len; i++)
    {
      gint64 start, cpu;
      double ms;

      const char *query = g_ptr_array_index (samples.queries, i);
      const char *last = g_utf8_find_prev_char (query, query + strlen (query));
      g_autofree char *head = g_strndup (query, last - query);
      int position = -1;

      /* Untimed: clear the field. Then the text up to the last character
       * at once (an input method commits a word so), timed from the browse
       * list to its rows filled, and wait until they are on screen. */
      if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
        {
          flags.results = FALSE;
          gtk_editable_set_text (GTK_EDITABLE (entry), "");
          if (!wait_for (&flags.results, error) || !wait_painted (GTK_WIDGET (window), &flags, error))
            goto out;
        }
      if (head[0] != '\0')
        {
          flags.results = flags.block0 = FALSE;
          position = 0;
          start = g_get_monotonic_time ();
          gtk_editable_insert_text (GTK_EDITABLE (entry), head, -1, &position);
          if (!wait_for (&flags.results, error) ||
              (g_list_model_get_n_items (model) > 0 && !wait_for (&flags.block0, error)))
            goto out;
          ms = elapsed_ms (start);
          g_array_append_val (first, ms);
          if (!wait_painted (GTK_WIDGET (window), &flags, error))
            goto out;
        }

      /* Timed: one keystroke, the last character, to rows filled in. */
      flags.results = flags.block0 = FALSE;
      start = g_get_monotonic_time ();
      cpu = thread_cpu_us ();
      position = g_utf8_strlen (head, -1);
      gtk_editable_insert_text (GTK_EDITABLE (entry), last, -1, &position);
      if (!wait_for (&flags.results, error))
        goto out;
      if (g_getenv ("JIAYI_BENCH_TRACE"))
        g_printerr ("results %.1f ms (n=%u, block0 %d)\n", elapsed_ms (start), g_list_model_get_n_items (model), flags.block0);
      if (g_list_model_get_n_items (model) > 0 && !wait_for (&flags.block0, error))
        goto out;
      ms = elapsed_ms (start);
      g_array_append_val (filled, ms);
      if (!wait_painted (GTK_WIDGET (window), &flags, error))
        goto out;
      ms = elapsed_ms (start);
      g_array_append_val (painted, ms);
      ms = (thread_cpu_us () - cpu) / 1000.0;
      g_array_append_val (painted_cpu, ms);
    }

  for (guint i = 0; wants (bench, "open") && i < samples.ids->len; i++)
    {
      gint64 start, cpu;
      double ms;

      /* The header and essentials on screen; then the timeline and the
       * chronic-care cards (their own read) below them. */
      flags.loaded = FALSE;
      start = g_get_monotonic_time ();
      cpu = thread_cpu_us ();
      jy_residents_page_open_resident (page, g_array_index (samples.ids, gint64, i));
      if (!wait_for (&flags.loaded, error) || !wait_painted (GTK_WIDGET (window), &flags, error))
        goto out;
      ms = elapsed_ms (start);
      g_array_append_val (opened, ms);
      ms = (thread_cpu_us () - cpu) / 1000.0;
      g_array_append_val (opened_cpu, ms);
      if (!wait_until (view_complete, view, error) || !wait_painted (GTK_WIDGET (window), &flags, error))
        goto out;
      ms = elapsed_ms (start);
      g_array_append_val (completed, ms);
      ms = (thread_cpu_us () - cpu) / 1000.0;
      g_array_append_val (completed_cpu, ms);
    }

  /* The whole centre again, a screen further down each time: the rows
   * bound to other residents (their texts, tags included) and painted;
   * rows of a block not read yet show as "…" until it comes. */
  if (wants (bench, "scroll"))
    {
      GtkWidget *browse = jy_test_find_by_id (GTK_WIDGET (page), "browse_view");
      GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (browse));

      jy_residents_page_close_resident (page);
      if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
        {
          flags.results = FALSE;
          gtk_editable_set_text (GTK_EDITABLE (entry), "");
          if (!wait_for (&flags.results, error))
            goto out;
        }
      if (!wait_painted (GTK_WIDGET (window), &flags, error))
        goto out;
      for (guint i = 0; i < GUI_SAMPLES; i++)
        {
          double value = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);
          gint64 start = g_get_monotonic_time ();
          gint64 cpu = thread_cpu_us ();
          double ms;

          gtk_adjustment_set_value (adjustment, value);
          if (!wait_painted (GTK_WIDGET (window), &flags, error))
            goto out;
          ms = elapsed_ms (start);
          g_array_append_val (scrolled, ms);
          ms = (thread_cpu_us () - cpu) / 1000.0;
          g_array_append_val (scrolled_cpu, ms);
        }
    }

  if (first->len > 0)
    {
      report (bench, "search: first input to rows filled", first, 16);
      report (bench, "search: keystroke to rows filled", filled, 16);
      /* Includes waiting for the next frame of a 60 Hz clock (up to 16.7 ms). */
      report (bench, "search: keystroke to rows painted", painted, 33);
      trace_cpu ("search: keystroke to rows painted", painted_cpu);
    }
  if (scrolled->len > 0)
    {
      /* Includes waiting for the next frame, as the keystroke row. */
      report (bench, "scroll one screen: rows painted", scrolled, 33);
      trace_cpu ("scroll one screen: rows painted", scrolled_cpu);
    }
  if (opened->len > 0)
    {
      report (bench, "open resident page (painted)", opened, 30);
      /* Timeline and chronic care painted a frame or two later. */
      report (bench, "open resident page: all sections", completed, 100);
      trace_cpu ("open resident page (painted)", opened_cpu);
      trace_cpu ("open resident page: all sections", completed_cpu);
    }
  ok = TRUE;

  g_signal_handlers_disconnect_by_data (clock, &flags);
  gtk_window_destroy (GTK_WINDOW (window));

out:
  g_ptr_array_unref (samples.queries);
  g_array_unref (samples.ids);
  return ok;
}
