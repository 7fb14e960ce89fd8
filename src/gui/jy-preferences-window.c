/* jy-preferences-window.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-preferences-window.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"

struct _JyPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  JyStore              *store;
  GCancellable         *cancellable;

  AdwEntryRow          *centre_name_row;
  AdwEntryRow          *centre_code_row;
  AdwEntryRow          *platform_url_row;
  AdwActionRow         *database_row;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (JyPreferencesWindow, jy_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_toast (JyPreferencesWindow *self,
            const char          *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
centre_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JyPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyCentreSummary) summary = jy_store_read_finish (JY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (summary == NULL)
    {
      g_warning ("Could not load the centre: %s", error->message);
      show_toast (self, _("The centre details could not be read"));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->centre_name_row), summary->name ? summary->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->centre_code_row), summary->code ? summary->code : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->centre_name_row), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->centre_code_row), TRUE);
}

static void
centre_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_warning ("Could not save the centre: %s", error->message);
      if (g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_DISK_FULL))
        show_toast (self, _("Not saved: the disk is full"));
      else
        show_toast (self, _("Not saved: the database could not be written"));
      return;
    }

  show_toast (self, _("Centre details saved"));
}

static gboolean
validate_text_row (AdwEntryRow *row,
                   gboolean     required)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gboolean ok = !required || text[0] != '\0';

  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return ok;
}

static void
centre_apply_cb (JyPreferencesWindow *self)
{
  JyCentreIdentity *identity;

  if (self->store == NULL)
    return;

  /* Both are printed on every report, so neither may be blank. */
  if (!validate_text_row (self->centre_name_row, TRUE) ||
      !validate_text_row (self->centre_code_row, TRUE))
    {
      show_toast (self, _("Enter both the centre name and its institution code"));
      return;
    }

  identity = g_new0 (JyCentreIdentity, 1);
  identity->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->centre_name_row))));
  identity->code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->centre_code_row))));
  jy_store_write_async (self->store, jy_centre_store_save, identity,
                        (GDestroyNotify)jy_centre_identity_free, NULL,
                        NULL, centre_saved_cb, g_object_ref (self));
}

static gboolean
is_acceptable_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text[0] == '\0')
    return TRUE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return FALSE;

  /* Health records only travel encrypted; plain http is for a local test server. */
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  return g_ascii_strcasecmp (scheme, "http") == 0 &&
         (g_str_equal (g_uri_get_host (uri), "127.0.0.1") ||
          g_str_equal (g_uri_get_host (uri), "localhost"));
}

static void
platform_url_apply_cb (JyPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->platform_url_row))));

  if (!is_acceptable_url (text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->platform_url_row), "error");
      show_toast (self, _("Enter an address starting with https://, such as https://fhir.example.gov.cn/fhir"));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->platform_url_row), "error");
  g_settings_set_string (self->settings, "platform-url", text);
  show_toast (self, _("Platform address saved"));
}

static void
update_database_row (JyPreferencesWindow *self)
{
  const char *path = self->store != NULL ? jy_store_get_path (self->store) : NULL;

  adw_action_row_set_subtitle (self->database_row, path != NULL ? path : "");
}

static void
chooser_response_cb (JyPreferencesWindow *self,
                     int                  response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          g_settings_set_string (self->settings, "database-path", path);
          show_toast (self, _("The new database is used from the next start of Jiayi"));
        }
    }

  g_clear_object (&self->chooser);
}

static void
database_choose_cb (JyPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Jiayi databases"));
  gtk_file_filter_add_pattern (filter, "*.db");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Use"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "jiayi.db");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
jy_preferences_window_dispose (GObject *object)
{
  JyPreferencesWindow *self = (JyPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (jy_preferences_window_parent_class)->dispose (object);
}

static void
jy_preferences_window_class_init (JyPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, centre_name_row);
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, centre_code_row);
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, platform_url_row);
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, database_row);
  gtk_widget_class_bind_template_callback (widget_class, centre_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, platform_url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, database_choose_cb);
}

static void
jy_preferences_window_init (JyPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

JyPreferencesWindow *
jy_preferences_window_new (GtkWindow *parent,
                           GSettings *settings,
                           JyStore   *store)
{
  JyPreferencesWindow *self;
  g_autofree char *url = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JY_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  url = g_settings_get_string (settings, "platform-url");
  gtk_editable_set_text (GTK_EDITABLE (self->platform_url_row), url);
  update_database_row (self);

  if (self->store != NULL)
    jy_store_read_async (self->store, jy_centre_store_load, NULL, NULL,
                         (GDestroyNotify)jy_centre_summary_free,
                         self->cancellable, centre_loaded_cb, g_object_ref (self));

  return self;
}
