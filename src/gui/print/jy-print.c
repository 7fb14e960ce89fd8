/* jy-print.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-print.h"

#include <adwaita.h>
#include <glib/gi18n.h>

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                JyPrintDoc        *doc)
{
  gtk_print_operation_set_n_pages (operation, jy_print_doc_get_n_pages (doc));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              JyPrintDoc        *doc)
{
  /* Full page, in points: the document keeps its own margins, so the
   * page looks the same printed as in its PDF. */
  jy_print_doc_render_page (doc, gtk_print_context_get_cairo_context (context), page);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      g_warning ("Printing failed: %s", error != NULL ? error->message : "unknown error");
    }
}

void
jy_print_run (GtkWindow  *parent,
              JyPrintDoc *doc,
              const char *job_name)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  GtkPaperSize *paper;
  double width, height;

  g_return_if_fail (doc != NULL);

  jy_print_doc_get_page_size (doc, &width, &height);
  paper = gtk_paper_size_new (width < 500 ? GTK_PAPER_NAME_A5 : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (paper);

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  gtk_print_operation_set_allow_async (operation, TRUE);

  g_object_set_data_full (G_OBJECT (operation), "jy-print-doc", doc,
                          (GDestroyNotify) jy_print_doc_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), doc);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), NULL);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Cannot print: %s", error->message);
}

/* --- PDF ---------------------------------------------------------------- */

static void
write_pdf_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  JyPrintDoc *doc = g_object_get_data (G_OBJECT (task), "jy-print-doc");
  g_autoptr(GError) error = NULL;

  if (jy_print_doc_write_pdf (doc, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
jy_print_write_pdf_async (JyPrintDoc          *doc,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  /* Laid out here, on the caller's thread: the thread only draws. */
  jy_print_doc_get_n_pages (doc);
  g_object_set_data (G_OBJECT (task), "jy-print-doc", doc);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

gboolean
jy_print_write_pdf_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GtkWindow        *parent;
  JyPrintDoc       *doc;
  char             *path;
  JyPrintSavedFunc  callback;
  gpointer          user_data;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->parent);
  jy_print_doc_free (data->doc);
  g_free (data->path);
  g_free (data);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!jy_print_write_pdf_finish (result, &error))
    {
      AdwMessageDialog *dialog =
        ADW_MESSAGE_DIALOG (adw_message_dialog_new (data->parent, _("Could Not Save the PDF"), NULL));

      /* The usual causes: a full disk or a folder one may not write to. */
      adw_message_dialog_format_body (dialog, _("Check that the disk has space and the folder can be written to.\n\n%s"),
                                      error->message);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      if (data->callback != NULL)
        data->callback (NULL, data->user_data);
    }
  else if (data->callback != NULL)
    data->callback (data->path, data->user_data);

  save_data_free (data);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SaveData        *data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL || g_file_peek_path (file) == NULL)
    {
      if (data->callback != NULL)
        data->callback (NULL, data->user_data);
      save_data_free (data);
      return;
    }

  data->path = g_file_get_path (file);
  jy_print_write_pdf_async (data->doc, data->path, NULL, written_cb, data);
}

void
jy_print_save_pdf (GtkWindow        *parent,
                   JyPrintDoc       *doc,
                   const char       *suggested_name,
                   JyPrintSavedFunc  callback,
                   gpointer          user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  SaveData *data = g_new0 (SaveData, 1);

  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->doc = doc;
  data->callback = callback;
  data->user_data = user_data;

  chooser = gtk_file_chooser_native_new (_("Save as PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
