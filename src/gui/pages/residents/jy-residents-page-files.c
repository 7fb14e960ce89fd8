/* jy-residents-page-files.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

/* The residents page's import and export: the windows and file choosers
 * around jy-import-window and jy-residents-export. */

#include "jy-residents-page-private.h"

#include <glib/gi18n.h>

#include "jy-import-window.h"

static void
imported_cb (JyResidentsPage *self,
             guint            n_imported)
{
  /* Translators: a toast after an import; %u is the residents added */
  g_autofree char *text = g_strdup_printf (ngettext ("Imported %u resident", "Imported %u residents",
                                                     n_imported),
                                           n_imported);

  jy_residents_page_toast (self, text);
  /* The browse list and any search results are both out of date. */
  self->browse_loaded = FALSE;
  jy_residents_page_reload_list (self);
}

void
jy_residents_page_import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JyResidentsPage *self = JY_RESIDENTS_PAGE (widget);
  JyImportWindow *window;

  if (self->store == NULL)
    return;

  window = jy_import_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store);
  g_signal_connect_object (window, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JyResidentsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  if (jy_residents_export_to_file_finish (JY_STORE (object), result, &n, &error))
    /* Translators: a toast after an export; %u is the residents written */
    text = g_strdup_printf (ngettext ("Exported %u resident", "Exported %u residents", n), n);
  else
    {
      /* Not the path: it may name a person. */
      g_debug ("Could not export residents: %s %d", g_quark_to_string (error->domain), error->code);
      text = jy_residents_export_describe_error (error);
    }
  jy_residents_page_toast (self, text);
}

/* Writes the residents the filters list (not a search's results) to @file,
 * ID numbers masked, and says how many in a toast. */
void
jy_residents_page_export_to_file (JyResidentsPage *self,
                                  GFile           *file)
{
  g_return_if_fail (JY_IS_RESIDENTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;
  jy_residents_export_to_file_async (self->store, jy_residents_page_current_filter (self), file, NULL,
                                     export_done_cb, g_object_ref (self));
}

static void
export_response_cb (JyResidentsPage      *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        jy_residents_page_export_to_file (self, file);
    }
  /* Drops the chooser. */
  g_object_set_data (G_OBJECT (self), "jy-export-chooser", NULL);
}

void
jy_residents_page_export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JyResidentsPage *self = JY_RESIDENTS_PAGE (widget);
  g_autofree char *name = jy_residents_export_dup_file_name ();
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Residents"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* The page keeps the chooser until it answers. */
  g_object_set_data_full (G_OBJECT (self), "jy-export-chooser", chooser, g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

