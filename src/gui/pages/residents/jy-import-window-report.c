/* jy-import-window-report.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-import-window-private.h"

#include <glib/gi18n.h>

#include "jy-csv.h"
#include "jy-resident-import.h"

/* The import window's last page: what was left out and why, grouped per
 * record, and the report that lists it all as CSV. */

/* Result ------------------------------------------------------------------- */

/* Issues listed in the window; the saved report has them all. */
#define MAX_SHOWN_ISSUES 1000

static void
issue_entry_free (gpointer data)
{
  JyImportIssueEntry *entry = data;

  g_free (entry->message);
  g_free (entry);
}

/* Like `jiayi import`: a record's reasons on one line, its notes on another.
 * Runs on the writer thread, so the main loop only shows the result. */
GPtrArray *
jy_import_window_group_issues (const JyImportReport *report)
{
  /* Translators: joins the reasons one row of an import was rejected for */
  const char *separator = _("; ");
  GPtrArray *entries = g_ptr_array_new_with_free_func (issue_entry_free);
  guint i = 0;

  while (i < report->issues->len)
    {
      const JyImportIssue *first = &g_array_index (report->issues, JyImportIssue, i);
      gboolean rejected = jy_import_issue_is_rejection (first);
      g_autoptr(GString) text = g_string_new (NULL);
      JyImportIssueEntry *entry;
      guint j;

      for (j = i; j < report->issues->len; j++)
        {
          const JyImportIssue *issue = &g_array_index (report->issues, JyImportIssue, j);
          g_autofree char *message = NULL;

          if (issue->line != first->line || jy_import_issue_is_rejection (issue) != rejected)
            break;
          message = jy_import_issue_dup_message (issue);
          g_string_append_printf (text, "%s%s", text->len > 0 ? separator : "", message);
        }

      entry = g_new0 (JyImportIssueEntry, 1);
      entry->line = first->line;
      entry->rejected = rejected;
      entry->message = g_string_free (g_steal_pointer (&text), FALSE);
      g_ptr_array_add (entries, entry);
      i = j;
    }
  return entries;
}

static char *
format_issue (const JyImportIssueEntry *entry)
{
  if (entry->rejected)
    /* Translators: a row of the file left out; %u is its line, %s why */
    return g_strdup_printf (_("Line %u, not imported: %s"), entry->line, entry->message);
  /* Translators: a row imported with a change; %u is its line, %s what changed */
  return g_strdup_printf (_("Line %u, imported with a note: %s"), entry->line, entry->message);
}

void
jy_import_window_show_result (JyImportWindow        *self,
                              const JyImportOutcome *outcome)
{
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint n_shown = MIN (outcome->issues->len, MAX_SHOWN_ISSUES);

  /* Translators: the result of an import; first %u is the residents
   * imported, second the rows of the file left out */
  summary = g_strdup_printf (ngettext ("Imported %u resident, rejected %u",
                                       "Imported %u residents, rejected %u",
                                       outcome->n_imported),
                             outcome->n_imported, outcome->n_rejected);
  gtk_label_set_label (self->summary_label, summary);

  if (outcome->n_rejected > 0)
    gtk_label_set_label (self->summary_detail_label,
                         _("Each row left out is listed below with its line in the file and why. Correct those rows, then import only them: the others are already in."));
  else if (outcome->issues->len > 0)
    gtk_label_set_label (self->summary_detail_label,
                         _("Every row was imported. Some were changed on the way: the notes below say how."));
  else
    gtk_label_set_label (self->summary_detail_label, _("Every row was imported."));

  for (guint i = 0; i < n_shown; i++)
    g_ptr_array_add (lines, format_issue (g_ptr_array_index (outcome->issues, i)));
  if (outcome->issues->len > n_shown)
    {
      guint rest = outcome->issues->len - n_shown;

      /* Translators: under a long list of import issues; %u is how many more there are */
      g_ptr_array_add (lines, g_strdup_printf (ngettext ("%u more line is in the report: save it to see them all.",
                                                         "%u more lines are in the report: save it to see them all.",
                                                         rest),
                                               rest));
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->issues_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->issues_list)),
                          (const char *const *)lines->pdata);

  g_clear_pointer (&self->issues, g_ptr_array_unref);
  self->issues = g_ptr_array_ref (outcome->issues);
  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_widget_grab_focus (self->close_button);
}

/* Step 4: the report -------------------------------------------------------- */

typedef struct
{
  GPtrArray *issues;
  GFile     *file;
} ReportJob;

static void
report_job_free (gpointer data)
{
  ReportJob *job = data;

  g_ptr_array_unref (job->issues);
  g_object_unref (job->file);
  g_free (job);
}

static void
save_report_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF");   /* a spreadsheet then reads UTF-8 */
  g_autoptr(GError) error = NULL;
  const char *titles[] = {
    C_("import report", "Line"),
    C_("import report", "Result"),
    C_("import report", "Reason"),
  };

  jy_csv_append_row (csv, titles, G_N_ELEMENTS (titles));
  for (guint i = 0; i < job->issues->len; i++)
    {
      const JyImportIssueEntry *entry = g_ptr_array_index (job->issues, i);
      g_autofree char *line = g_strdup_printf ("%u", entry->line);
      const char *fields[] = {
        line,
        entry->rejected ? C_("import report", "Not imported") : C_("import report", "Imported with a note"),
        entry->message,
      };

      jy_csv_append_row (csv, fields, G_N_ELEMENTS (fields));
    }

  if (!g_file_replace_contents (job->file, csv->str, csv->len, NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
report_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->disposed)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_debug ("Could not save the import report: %s %d", g_quark_to_string (error->domain), error->code);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("The report could not be saved. Choose another folder and try again.")));
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Report saved")));
}

void
jy_import_window_save_report (JyImportWindow *self,
                              GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  ReportJob *job;

  g_return_if_fail (JY_IS_IMPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->issues != NULL);

  job = g_new0 (ReportJob, 1);
  job->issues = g_ptr_array_ref (self->issues);
  job->file = g_object_ref (file);

  task = g_task_new (NULL, NULL, report_saved_cb, g_object_ref (self));
  g_task_set_source_tag (task, jy_import_window_save_report);
  g_task_set_name (task, "[jiayi] save import report");
  g_task_set_task_data (task, job, report_job_free);
  g_task_run_in_thread (task, save_report_worker);
}

static void
save_response_cb (JyImportWindow       *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->issues != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        jy_import_window_save_report (self, file);
    }
  g_clear_object (&self->chooser);
}

void
jy_import_window_save_report_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  JyImportWindow *self = JY_IMPORT_WINDOW (widget);
  g_autofree char *today = jy_import_window_dup_today ();
  /* Translators: the name suggested for an import's report; %s is today's
   * date as 2026-11-23. Keep .csv at the end. */
  g_autofree char *name = g_strdup_printf (_("Import-Report-%s.csv"), today);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save Import Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (save_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}
