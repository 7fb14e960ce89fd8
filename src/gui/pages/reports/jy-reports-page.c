/* jy-reports-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-reports-page-private.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-print.h"
#include "jy-report-print.h"

G_DEFINE_FINAL_TYPE (JyReportsPage, jy_reports_page, ADW_TYPE_BIN)

enum
{
  OPEN_RESIDENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  JyStore      *store;
  JyReportMonth month;
  JyReportScope scope;
  GDate         as_of;
} ComputeJob;

static void
compute_job_free (ComputeJob *job)
{
  g_clear_object (&job->store);
  g_free (job);
}

/* Both run on a GTask thread: the engine spreads the months over the
 * store's readers itself. */
static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeJob *job = task_data;
  GError *error = NULL;
  JyReportComparison *comparison = jy_report_compare_store (job->store, &job->month, &job->scope,
                                                            &job->as_of, cancellable, &error);

  if (comparison == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, comparison, (GDestroyNotify)jy_report_comparison_free);
}

/* The 12 months up to the one shown, the charted indicators only. */
static void
trend_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  static const char *const codes[] = { "F05", "F07", "H01", "L01", NULL };
  ComputeJob *job = task_data;
  JyReportMonth months[12];
  GError *error = NULL;
  GPtrArray *reports;

  for (int back = 11; back >= 0; back--)
    months[11 - back] = jy_report_month_add (&job->month, -back);
  reports = jy_report_compute_months (job->store, months, G_N_ELEMENTS (months), &job->scope,
                                      &job->as_of, codes, cancellable, &error);
  if (reports == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, reports, (GDestroyNotify)g_ptr_array_unref);
}

static void
run_job (JyReportsPage       *self,
         ComputeJob          *job,
         GTaskThreadFunc      func,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, g_object_ref (self));

  g_task_set_task_data (task, job, (GDestroyNotify)compute_job_free);
  g_task_run_in_thread (task, func);
}

static ComputeJob *
new_job (JyReportsPage *self)
{
  ComputeJob *job = g_new0 (ComputeJob, 1);
  g_autoptr(GDate) today = jy_clock_today_local ();
  guint m = gtk_drop_down_get_selected (self->month_dropdown);
  guint s = gtk_drop_down_get_selected (self->scope_dropdown);

  job->month = self->months[m < G_N_ELEMENTS (self->months) ? m : 0];
  job->scope = s < self->scopes->len ? g_array_index (self->scopes, JyReportScope, s)
                                     : (JyReportScope) { JY_REPORT_SCOPE_CENTRE, 0 };
  job->as_of = *today;
  job->store = g_object_ref (self->store);
  return job;
}

/* Fills the scope drop-down from the centre's report: teams, then doctors. */
static void
fill_scopes (JyReportsPage  *self,
             const JyReport *report)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  JyReportScope centre = { JY_REPORT_SCOPE_CENTRE, 0 };

  self->filling = TRUE;
  g_array_set_size (self->scopes, 0);
  g_array_append_val (self->scopes, centre);
  gtk_string_list_append (list, _("Whole centre"));
  for (guint g = 1; g < report->groups->len; g++)
    {
      const JyReportGroup *group = g_ptr_array_index (report->groups, g);
      JyReportScope scope = { group->kind, group->id };
      g_autofree char *label = group->kind == JY_REPORT_SCOPE_DOCTOR
                                 ? g_strdup_printf (_("Doctor %s"), group->name)
                                 : g_strdup (group->name);

      g_array_append_val (self->scopes, scope);
      gtk_string_list_append (list, label);
    }
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->scope_dropdown, 0);
  self->filling = FALSE;
}

static void
trend_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reports == NULL)
    {
      g_warning ("Could not compute the control trend: %s", error->message);
      return;
    }
  if (self->trend_box == NULL)
    return;
  jy_reports_page_fill_trend (self, reports);
  self->has_trend = TRUE;
}

static void
computed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JyReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  JyReportComparison *comparison = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean can_export;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  if (comparison == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      adw_status_page_set_description (self->error_status, message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }
  g_clear_pointer (&self->comparison, jy_report_comparison_free);
  self->comparison = comparison;
  if (self->scopes->len <= 1 && comparison->current->scope.kind == JY_REPORT_SCOPE_CENTRE)
    fill_scopes (self, comparison->current);
  can_export = jy_store_session_can (self->store, JY_PERMISSION_REPORTS_EXPORT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), can_export);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), can_export);
  jy_reports_page_fill (self);
  gtk_stack_set_visible_child_name (self->state_stack, "content");

  g_cancellable_cancel (self->trend_cancellable);
  g_clear_object (&self->trend_cancellable);
  self->trend_cancellable = g_cancellable_new ();
  self->has_trend = FALSE;
  run_job (self, new_job (self), trend_thread, self->trend_cancellable, trend_loaded_cb);
}

void
jy_reports_page_reload (JyReportsPage *self)
{
  g_return_if_fail (JY_IS_REPORTS_PAGE (self));

  if (self->store == NULL)
    return;
  if (!jy_store_session_can (self->store, JY_PERMISSION_REPORTS_VIEW))
    {
      adw_status_page_set_description (self->error_status,
                                       _("Monthly reports are for doctors, public-health physicians "
                                         "and managers."));
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }
  self->stale = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->trend_cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  if (self->comparison == NULL)
    gtk_stack_set_visible_child_name (self->state_stack, "loading");
  run_job (self, new_job (self), compute_thread, self->cancellable, computed_cb);
}

static void
selection_changed_cb (JyReportsPage *self)
{
  if (!self->filling)
    jy_reports_page_reload (self);
}

static void
print_clicked_cb (JyReportsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *title = NULL;

  if (self->comparison == NULL)
    return;
  title = jy_report_title (self->comparison->current);
  jy_print_run (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                jy_report_print_build (self->comparison, now), title);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(JyReportsPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->comparison != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL &&
      !jy_report_write_csv (self->comparison, path, NULL, &error))
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                 _("The CSV File Could Not Be Written"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
  g_object_unref (dialog);
}

static void
export_clicked_cb (JyReportsPage *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *month = NULL, *name = NULL;

  if (self->comparison == NULL)
    return;
  month = jy_report_month_to_string (&self->comparison->current->month);
  /* Translators: the suggested CSV file name; %s is 2026-10 */
  name = g_strdup_printf (_("monthly-report-%s.csv"), month);
  dialog = gtk_file_chooser_native_new (_("Export the Monthly Report"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
fill_months (JyReportsPage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  JyReportMonth current;

  jy_report_month_of_instant (now, &current);
  /* The last complete month first: the one a manager signs. */
  for (guint i = 0; i < G_N_ELEMENTS (self->months); i++)
    {
      g_autofree char *label = NULL;

      self->months[i] = jy_report_month_add (&current, -(int)i - 1);
      label = jy_report_format_month (&self->months[i]);
      gtk_string_list_append (list, label);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->month_dropdown, 0);
  self->filling = FALSE;
}

static void
clear_content (JyReportsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);
  self->trend_box = NULL;
}

void
jy_reports_page_set_store (JyReportsPage *self,
                           JyStore       *store)
{
  g_return_if_fail (JY_IS_REPORTS_PAGE (self));

  g_set_object (&self->store, store);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->trend_cancellable);
  g_clear_pointer (&self->comparison, jy_report_comparison_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  self->filling = TRUE;
  {
    g_autoptr(GtkStringList) list = gtk_string_list_new ((const char *[]) { _("Whole centre"), NULL });
    JyReportScope centre = { JY_REPORT_SCOPE_CENTRE, 0 };

    g_array_set_size (self->scopes, 0);
    g_array_append_val (self->scopes, centre);
    gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (list));
  }
  self->filling = FALSE;
  clear_content (self);
  gtk_stack_set_visible_child_name (self->state_stack, "loading");
  /* Counted when first shown: most sessions never open the page. */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    jy_reports_page_reload (self);
}

static void
jy_reports_page_map (GtkWidget *widget)
{
  JyReportsPage *self = JY_REPORTS_PAGE (widget);

  GTK_WIDGET_CLASS (jy_reports_page_parent_class)->map (widget);
  if (self->stale)
    jy_reports_page_reload (self);
}

gpointer
jy_reports_page_get_comparison (JyReportsPage *self)
{
  g_return_val_if_fail (JY_IS_REPORTS_PAGE (self), NULL);

  return self->comparison;
}

gboolean
jy_reports_page_has_trend (JyReportsPage *self)
{
  g_return_val_if_fail (JY_IS_REPORTS_PAGE (self), FALSE);

  return self->has_trend;
}

void
jy_reports_page_open_resident (JyReportsPage *self,
                               gint64         resident_id)
{
  g_signal_emit (self, signals[OPEN_RESIDENT], 0, resident_id);
}

static void
jy_reports_page_dispose (GObject *object)
{
  JyReportsPage *self = JY_REPORTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->trend_cancellable);
  g_clear_object (&self->trend_cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->comparison, jy_report_comparison_free);
  g_clear_pointer (&self->scopes, g_array_unref);
  G_OBJECT_CLASS (jy_reports_page_parent_class)->dispose (object);
}

static void
jy_reports_page_class_init (JyReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_reports_page_dispose;
  widget_class->map = jy_reports_page_map;

  signals[OPEN_RESIDENT] = g_signal_new ("open-resident", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JyReportsPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyReportsPage, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyReportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JyReportsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, JyReportsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, JyReportsPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JyReportsPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, JyReportsPage, content_box);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static void
jy_reports_page_init (JyReportsPage *self)
{
  g_type_ensure (JY_TYPE_REPORT_BAR_CHART);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scopes = g_array_new (FALSE, FALSE, sizeof (JyReportScope));
  fill_months (self);
}
