/* jy-reports-page-drill.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The residents behind a number of the Reports page: read off the main
 * loop, listed in a window; activating one opens the resident.
 */

#include "config.h"

#include "jy-reports-page-private.h"

#include <glib/gi18n.h>

#include "jy-csv.h"

/* Names are read for this many; the window says how many more there are. */
#define DRILL_SHOWN 500

typedef struct
{
  JyReportMonth     month;
  JyReportScope     within;
  char             *code;
  JyReportScopeKind kind;
  gint64            id;
  gboolean          denominator;
  GDate             as_of;
} DrillJob;

typedef struct
{
  guint      total;
  GPtrArray *residents;   /* JyReportResident* */
} DrillResult;

static void
drill_job_free (gpointer data)
{
  DrillJob *job = data;

  g_free (job->code);
  g_free (job);
}

static void
drill_result_free (gpointer data)
{
  DrillResult *result = data;

  g_clear_pointer (&result->residents, g_ptr_array_unref);
  g_free (result);
}

static gpointer
drill_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  DrillJob *job = data;
  g_autoptr(GArray) ids = jy_report_drill_down (db, &job->month, &job->within, job->code, job->kind, job->id,
                                                job->denominator, &job->as_of, error);
  DrillResult *result;

  if (ids == NULL)
    return NULL;
  result = g_new0 (DrillResult, 1);
  result->total = ids->len;
  if (ids->len > DRILL_SHOWN)
    g_array_set_size (ids, DRILL_SHOWN);
  if ((result->residents = jy_report_load_residents (db, ids, error)) == NULL)
    {
      drill_result_free (result);
      return NULL;
    }
  return result;
}

static void
row_activated_cb (GtkListBox    *box,
                  GtkListBoxRow *row,
                  JyReportsPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "resident-id"));
  GtkRoot *window = gtk_widget_get_root (GTK_WIDGET (box));

  jy_reports_page_open_resident (self, id);
  gtk_window_close (GTK_WINDOW (window));
}

static void
drilled_cb (GObject      *object,
            GAsyncResult *res,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JyReportsPage *self = g_task_get_source_object (task);
  const char *code = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  DrillResult *result = jy_store_read_finish (JY_STORE (object), res, &error);
  const JyReportIndicator *def = jy_report_indicator_lookup (code);
  GtkWidget *window, *header, *box, *list, *scrolled, *note;
  g_autofree char *title = NULL, *count = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (result == NULL)
    {
      g_warning ("Could not list the residents behind %s: %s", code, error->message);
      return;
    }
  title = g_strdup_printf ("%s %s", def->code, jy_report_indicator_name (def));
  window = adw_window_new ();
  gtk_widget_set_name (window, "report-drill-down");
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 560);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  /* Translators: how many residents are behind a number */
  count = g_strdup_printf (ngettext ("%u resident", "%u residents", result->total), result->total);
  note = gtk_label_new (count);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_set_margin_top (note, 6);
  gtk_box_append (GTK_BOX (box), note);

  list = gtk_list_box_new ();
  gtk_widget_set_name (list, "drill-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_margin_top (list, 6);
  gtk_widget_set_margin_bottom (list, 12);
  for (guint i = 0; i < result->residents->len; i++)
    {
      const JyReportResident *r = g_ptr_array_index (result->residents, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", jy_csv_format_sex (r->sex),
                                                   r->birth_date != NULL ? r->birth_date : "");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "resident-id", GSIZE_TO_POINTER ((gsize)r->id));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  if (result->total > result->residents->len)
    {
      g_autofree char *more = g_strdup_printf (_("The first %u are shown; export the CSV for a "
                                                 "team or doctor to see fewer."),
                                               result->residents->len);

      gtk_box_append (GTK_BOX (box), gtk_label_new (more));
    }
  adw_window_set_content (ADW_WINDOW (window), box);
  drill_result_free (result);
  gtk_window_present (GTK_WINDOW (window));
}

void
jy_reports_page_drill (JyReportsPage *self,
                       const char    *code,
                       guint          group,
                       gboolean       denominator)
{
  const JyReport *report;
  DrillJob *job;
  GTask *task;

  g_return_if_fail (JY_IS_REPORTS_PAGE (self));

  if (self->comparison == NULL || self->store == NULL)
    return;
  report = self->comparison->current;
  job = g_new0 (DrillJob, 1);
  job->month = report->month;
  job->within = report->scope;
  job->code = g_strdup (code);
  job->denominator = denominator;
  job->as_of = report->as_of;
  if (group == 0)
    {
      job->kind = report->scope.kind;
      job->id = report->scope.id;
    }
  else
    {
      const JyReportGroup *g = g_ptr_array_index (report->groups, group);

      job->kind = g->kind;
      job->id = g->id;
    }
  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_task_data (task, g_strdup (code), g_free);
  jy_store_read_async (self->store, drill_func, job, drill_job_free, drill_result_free,
                       self->cancellable, drilled_cb, task);
}
