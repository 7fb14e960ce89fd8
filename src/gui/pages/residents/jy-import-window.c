/* jy-import-window.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-import-window-private.h"

#include <glib/gi18n.h>

#include "jy-cli.h"
#include "jy-clock.h"
#include "jy-csv.h"
#include "jy-resident-import.h"
#include "jy-store-error.h"

/* The import window: choose a CSV file, read it and detect its columns off
 * the main thread, let the user correct the mapping, import in one write
 * job with progress, then list what was left out (jy-import-window-report.c).
 * Also the messages of the export, whose file writing the residents page
 * drives (jy-residents-export.c). */

/* Values shown per column in the mapping: enough to recognise it. */
#define PREVIEW_ROWS 3

/* Progress crosses from the writer thread to the main loop. The window may
 * be gone by then: updates hold it weakly, and only the main thread turns
 * that into a reference. */
typedef struct
{
  GWeakRef window;
} ProgressSink;

static void
progress_sink_clear (gpointer data)
{
  g_weak_ref_clear (&((ProgressSink *)data)->window);
}

static void
progress_sink_release (ProgressSink *sink)
{
  g_atomic_rc_box_release_full (sink, progress_sink_clear);
}

typedef struct
{
  ProgressSink *sink;
  guint         rows_done;
  double        fraction;
} ProgressUpdate;

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  progress_sink_release (update->sink);
  g_free (update);
}

G_DEFINE_FINAL_TYPE (JyImportWindow, jy_import_window, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Messages ---------------------------------------------------------------- */

static char *
describe_read_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strdup (_("The file is not there any more. Choose it again."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strdup (_("You may not read this file. Copy it to your own folder and choose the copy."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return g_strdup (_("That is a folder. Choose a CSV file."));
  return g_strdup (_("The file could not be read. Check that it exists and that you may open it."));
}


char *
jy_residents_export_describe_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return g_strdup (_("Not exported: you may not write to that folder. Choose another one."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ||
      g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_DISK_FULL))
    return g_strdup (_("Not exported: the disk is full."));
  return g_strdup (_("The residents could not be exported. Try again, or choose another folder."));
}

char *
jy_import_window_dup_today (void)
{
  g_autoptr(GDate) today = jy_clock_today_local ();

  return jy_clock_format_date (today);
}

char *
jy_residents_export_dup_file_name (void)
{
  g_autofree char *today = jy_import_window_dup_today ();

  /* Translators: the name an export suggests for its file; %s is today's
   * date as 2026-11-23. Keep .csv at the end. */
  return g_strdup_printf (_("Residents-%s.csv"), today);
}

/* Steps ------------------------------------------------------------------- */

static void
update_actions (JyImportWindow *self)
{
  gboolean has_name = FALSE;
  const char *reason = NULL;
  g_autofree char *reason_text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", !self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-report",
                                 !self->importing && self->issues != NULL && self->issues->len > 0);

  for (guint i = 0; self->dropdowns != NULL && i < self->dropdowns->len; i++)
    if (gtk_drop_down_get_selected (g_ptr_array_index (self->dropdowns, i)) == JY_CSV_COLUMN_NAME)
      has_name = TRUE;

  if (self->preview != NULL && !has_name)
    /* Translators: %s is the field “Name” as the column drop-downs list it */
    reason = reason_text = g_strdup_printf (_("No column is imported as “%s”: choose it for the column with the residents’ names."),
                                            jy_import_column_get_label (JY_CSV_COLUMN_NAME));
  else if (self->preview != NULL && self->preview->n_rows == 0)
    reason = _("The file has no rows under its column titles.");

  gtk_label_set_label (self->reason_label, reason != NULL ? reason : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run",
                                 self->preview != NULL && reason == NULL && !self->importing);
}

static void
show_error (JyImportWindow *self,
            const char     *title,
            const char     *message)
{
  adw_status_page_set_title (self->error_status, title);
  adw_status_page_set_description (self->error_status, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  update_actions (self);
}

static void
mapping_changed_cb (JyImportWindow *self)
{
  update_actions (self);
}

static char *
sample_values (const JyImportPreview *preview,
               guint                  column)
{
  /* Translators: separates a column's first values in the import preview */
  const char *separator = C_("list separator", ", ");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint r = 0; r < preview->rows->len; r++)
    {
      const char *const *row = g_ptr_array_index (preview->rows, r);
      g_autofree char *value = g_strstrip (g_strdup (row[column] != NULL ? row[column] : ""));

      if (value[0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append (text, value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
clear_mapping (JyImportWindow *self)
{
  for (guint i = 0; i < self->mapping_widgets->len; i++)
    gtk_grid_remove (self->mapping_grid, g_ptr_array_index (self->mapping_widgets, i));
  g_ptr_array_set_size (self->mapping_widgets, 0);
  g_ptr_array_set_size (self->dropdowns, 0);
}

static void
add_mapping_widget (JyImportWindow *self,
                    GtkWidget      *widget,
                    int             column,
                    int             row)
{
  gtk_grid_attach (self->mapping_grid, widget, column, row, 1, 1);
  g_ptr_array_add (self->mapping_widgets, widget);
}

static void
fill_mapping (JyImportWindow *self)
{
  const JyImportPreview *preview = self->preview;
  const char *labels[JY_CSV_N_COLUMNS + 1];
  guint n_headers = g_strv_length (preview->headers);

  clear_mapping (self);

  for (guint c = 0; c < JY_CSV_N_COLUMNS; c++)
    labels[c] = jy_import_column_get_label (c);
  labels[JY_CSV_N_COLUMNS] = NULL;

  for (guint i = 0; i < n_headers; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *values = sample_values (preview, i);
      g_autofree char *accessible = NULL;
      GtkWidget *title_label, *dropdown, *values_label;

      if (preview->headers[i][0] != '\0')
        title = g_strdup (preview->headers[i]);
      else
        /* Translators: a column of the file without a title; %u counts from 1 */
        title = g_strdup_printf (_("Column %u (no title)"), i + 1);

      title_label = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (title_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (title_label), 16);
      gtk_widget_set_tooltip_text (title_label, title);

      dropdown = gtk_drop_down_new_from_strings (labels);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i < preview->mapping->n_columns
                                                            ? preview->mapping->columns[i]
                                                            : JY_CSV_COLUMN_NONE);
      /* Translators: accessible name of a drop-down; %s is a column title from the file */
      accessible = g_strdup_printf (_("Import column “%s” as"), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (mapping_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->dropdowns, dropdown);

      values_label = gtk_label_new (values[0] != '\0' ? values : "—");
      gtk_label_set_xalign (GTK_LABEL (values_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (values_label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (values_label, TRUE);
      if (values[0] != '\0')
        gtk_widget_set_tooltip_text (values_label, values);
      else
        gtk_widget_add_css_class (values_label, "dim-label");

      add_mapping_widget (self, title_label, 0, i + 1);
      add_mapping_widget (self, dropdown, 1, i + 1);
      add_mapping_widget (self, values_label, 2, i + 1);
    }
}

static JyImportMapping *
read_mapping (JyImportWindow *self)
{
  JyImportMapping *mapping = jy_import_mapping_new (self->dropdowns->len);

  for (guint i = 0; i < self->dropdowns->len; i++)
    {
      guint selected = gtk_drop_down_get_selected (g_ptr_array_index (self->dropdowns, i));

      mapping->columns[i] = selected < JY_CSV_N_COLUMNS ? (JyCsvColumn)selected : JY_CSV_COLUMN_NONE;
    }
  return mapping;
}

/* Step 2: the preview, read in a worker -------------------------------------- */

static void
preview_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *contents = g_bytes_get_data (task_data, &length);
  JyImportPreview *preview = jy_resident_import_preview (contents, length, PREVIEW_ROWS, &error);

  if (preview == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, preview, (GDestroyNotify)jy_import_preview_free);
}

static void
preview_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(JyImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyImportPreview) preview = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *info = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed)
    return;

  if (preview == NULL)
    {
      g_autofree char *message = jy_cli_describe_import_error (error);

      g_debug ("Import preview failed: %s", error->message);
      show_error (self, _("The File Cannot Be Imported"), message);
      return;
    }

  g_clear_pointer (&self->preview, jy_import_preview_free);
  self->preview = g_steal_pointer (&preview);
  fill_mapping (self);

  /* Translators: first %u is the rows of the file under its titles, %s its
   * text encoding (UTF-8 or GB18030) */
  info = g_strdup_printf (ngettext ("%u row to import, text encoding %s",
                                    "%u rows to import, text encoding %s",
                                    self->preview->n_rows),
                          self->preview->n_rows, jy_csv_encoding_to_string (self->preview->encoding));
  gtk_label_set_label (self->file_info_label, info);

  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JyImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed)
        return;
      /* The path may name a person: log the reason only. */
      g_debug ("Could not read the import file: %s %d", g_quark_to_string (error->domain), error->code);
      message = describe_read_error (error);
      show_error (self, _("The File Cannot Be Read"), message);
      return;
    }

  g_clear_pointer (&self->contents, g_bytes_unref);
  self->contents = g_bytes_new_take (contents, length);

  /* No source object: the last reference to a widget must not be dropped
   * on the worker's thread. */
  task = g_task_new (NULL, self->cancellable, preview_cb, g_object_ref (self));
  g_task_set_source_tag (task, file_loaded_cb);
  g_task_set_name (task, "[jiayi] import preview");
  g_task_set_task_data (task, g_bytes_ref (self->contents), (GDestroyNotify)g_bytes_unref);
  g_task_run_in_thread (task, preview_worker);
}

void
jy_import_window_load_file (JyImportWindow *self,
                            GFile          *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;

  g_return_if_fail (JY_IS_IMPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->importing);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->file, file);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->preview, jy_import_preview_free);
  g_clear_pointer (&self->issues, g_ptr_array_unref);
  clear_mapping (self);

  basename = g_file_get_basename (file);
  display = g_filename_display_name (basename != NULL ? basename : "");
  adw_window_title_set_subtitle (self->window_title, display);

  gtk_stack_set_visible_child_name (self->stack, "reading");
  update_actions (self);
  g_file_load_contents_async (file, self->cancellable, file_loaded_cb, g_object_ref (self));
}

/* Step 1: choosing the file ------------------------------------------------ */

static void
open_response_cb (JyImportWindow       *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL && !self->importing)
        jy_import_window_load_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JyImportWindow *self = JY_IMPORT_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv_filter, _("CSV files"));
  gtk_file_filter_add_pattern (csv_filter, "*.csv");
  gtk_file_filter_add_pattern (csv_filter, "*.CSV");
  gtk_file_filter_add_mime_type (csv_filter, "text/csv");
  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), csv_filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (open_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Step 3: the import, in one write job --------------------------------------- */

typedef struct
{
  GBytes          *contents;
  JyImportMapping *mapping;
  ProgressSink    *sink;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_bytes_unref (job->contents);
  jy_import_mapping_free (job->mapping);
  progress_sink_release (job->sink);
  g_free (job);
}

static void
import_outcome_free (gpointer data)
{
  JyImportOutcome *outcome = data;

  if (outcome == NULL)
    return;
  g_clear_pointer (&outcome->issues, g_ptr_array_unref);
  g_free (outcome);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyImportOutcome, import_outcome_free)

static gboolean
progress_update_cb (gpointer data)
{
  ProgressUpdate *update = data;
  g_autoptr(JyImportWindow) self = g_weak_ref_get (&update->sink->window);
  g_autofree char *text = NULL;

  if (self == NULL || self->disposed || !self->importing)
    return G_SOURCE_REMOVE;

  gtk_progress_bar_set_fraction (self->progress_bar, update->fraction);
  /* Translators: progress of an import; %u is the rows read so far */
  text = g_strdup_printf (ngettext ("%u row read", "%u rows read", update->rows_done), update->rows_done);
  gtk_label_set_label (self->progress_label, text);
  return G_SOURCE_REMOVE;
}

/* On the writer thread. */
static void
import_progress_cb (guint    rows_done,
                    gsize    bytes_done,
                    gsize    bytes_total,
                    gpointer user_data)
{
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->sink = g_atomic_rc_box_acquire (user_data);
  update->rows_done = rows_done;
  update->fraction = bytes_total > 0 ? (double)bytes_done / (double)bytes_total : 1.0;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_update_cb, update,
                              progress_update_free);
}

static gpointer
import_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportJob *job = data;
  g_autoptr(JyImportReport) report = NULL;
  JyImportOutcome *outcome;
  gsize length = 0;
  const char *contents = g_bytes_get_data (job->contents, &length);

  report = jy_resident_import_csv (db, contents, length, job->mapping, NULL,
                                   import_progress_cb, job->sink, error);
  if (report == NULL)
    return NULL;

  outcome = g_new0 (JyImportOutcome, 1);
  outcome->n_rows = report->n_rows;
  outcome->n_imported = report->n_imported;
  outcome->n_rejected = report->n_rejected;
  outcome->issues = jy_import_window_group_issues (report);
  return outcome;
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JyImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyImportOutcome) outcome = jy_store_write_finish (JY_STORE (object), result, &error);

  self->importing = FALSE;
  /* The residents are in even if the window was closed meanwhile. */
  if (outcome != NULL && outcome->n_imported > 0)
    g_signal_emit (self, signals[IMPORTED], 0, outcome->n_imported);
  if (self->disposed)
    return;

  if (outcome == NULL)
    {
      g_autofree char *message = jy_cli_describe_import_error (error);

      /* The file or a missing centre is the user's to fix; the database
       * failing is worth a warning. */
      if (error->domain == JY_STORE_ERROR && error->code != JY_STORE_ERROR_NOT_FOUND)
        g_warning ("Could not import residents: %s", error->message);
      else
        g_debug ("Import refused: %s", error->message);
      show_error (self, _("Nothing Was Imported"), message);
      return;
    }

  jy_import_window_show_result (self, outcome);
  update_actions (self);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  JyImportWindow *self = JY_IMPORT_WINDOW (widget);
  ProgressSink *sink;
  ImportJob *job;

  if (self->importing || self->preview == NULL || self->contents == NULL)
    return;

  sink = g_atomic_rc_box_new0 (ProgressSink);
  g_weak_ref_init (&sink->window, self);

  job = g_new0 (ImportJob, 1);
  job->contents = g_bytes_ref (self->contents);
  job->mapping = read_mapping (self);
  job->sink = sink;

  self->importing = TRUE;
  update_actions (self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_label (self->progress_label, "");
  gtk_stack_set_visible_child_name (self->stack, "importing");

  /* A write is never cancelled halfway: closing the window lets it finish. */
  jy_store_write_async (self->store, import_func, job, import_job_free, import_outcome_free,
                        NULL, import_done_cb, g_object_ref (self));
}

/* The window ---------------------------------------------------------------- */

static void
jy_import_window_dispose (GObject *object)
{
  JyImportWindow *self = (JyImportWindow *)object;

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->mapping_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_IMPORT_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->preview, jy_import_preview_free);
  g_clear_pointer (&self->issues, g_ptr_array_unref);

  G_OBJECT_CLASS (jy_import_window_parent_class)->dispose (object);
}

static void
jy_import_window_class_init (JyImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_import_window_dispose;

  /* Residents were added: lists showing them are out of date. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-import-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, JyImportWindow, name)
  BIND (toast_overlay); BIND (window_title); BIND (stack); BIND (file_info_label);
  BIND (mapping_grid); BIND (reason_label); BIND (progress_bar); BIND (progress_label);
  BIND (summary_label); BIND (summary_detail_label); BIND (issues_list); BIND (close_button);
  BIND (error_status);
#undef BIND

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "import.save-report", NULL,
                                   jy_import_window_save_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_import_window_init (JyImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->dropdowns = g_ptr_array_new ();
  self->mapping_widgets = g_ptr_array_new ();
  update_actions (self);
}

/* Returns: (transfer none): the window, owned by GTK's list of toplevels
 * until it is closed. */
JyImportWindow *
jy_import_window_new (GtkWindow *parent,
                      JyStore   *store)
{
  JyImportWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JY_IS_STORE (store), NULL);

  self = g_object_new (JY_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}
