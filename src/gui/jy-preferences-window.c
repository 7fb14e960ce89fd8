/* jy-preferences-window.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-preferences-window.h"

#include <glib/gi18n.h>

#include "jy-backup.h"
#include "jy-centre-store.h"
#include "jy-home-bed-policy-group.h"
#include "jy-sync-preferences-page.h"
#include "jy-window.h"

struct _JyPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  JyStore              *store;
  GCancellable         *cancellable;

  AdwEntryRow          *centre_name_row;
  AdwEntryRow          *centre_code_row;
  JyHomeBedPolicyGroup *home_bed_group;
  JySyncPreferencesPage *sync_page;
  AdwActionRow         *database_row;
  GtkFileChooserNative *chooser;
  GtkSpinButton        *auto_lock_spin;
  AdwActionRow         *backup_row;
  GtkButton            *backup_button;
  GtkButton            *restore_button;
  GtkButton            *integrity_button;
  GtkFileChooserNative *restore_chooser;
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
  {
    gboolean editable = jy_store_session_can (self->store, JY_PERMISSION_CENTRE_SETTINGS);

    gtk_widget_set_sensitive (GTK_WIDGET (self->centre_name_row), editable);
    gtk_widget_set_sensitive (GTK_WIDGET (self->centre_code_row), editable);
  }
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

/* Backups, restore, integrity check ------------------------------------------- */

static void
update_backup_row (JyPreferencesWindow *self)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *subtitle = NULL;

  if (self->store == NULL)
    return;
  dir = jy_backup_dup_default_dir (jy_store_get_path (self->store));
  backups = jy_backup_list (dir, NULL);
  if (backups != NULL && backups->len > 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (((JyBackupInfo *)g_ptr_array_index (backups, 0))->created);
      g_autofree char *time = g_date_time_format (when, "%Y-%m-%d %H:%M");

      /* Translators: %1$s is when the newest backup was made, %2$s the folder */
      subtitle = g_strdup_printf (_("Newest: %1$s, in %2$s"), time, dir);
    }
  else
    /* Translators: %s is the backups folder */
    subtitle = g_strdup_printf (_("No backup yet; they go to %s"), dir);
  adw_action_row_set_subtitle (self->backup_row, subtitle);
}

static void
backup_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  char *path = jy_store_backup (source_object, JY_BACKUP_MANUAL, NULL, GPOINTER_TO_UINT (task_data), &error);

  if (path == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, path, g_free);
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JyPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), TRUE);
  if (path == NULL)
    {
      g_warning ("Backup failed: %s", error->message);
      show_toast (self, g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_DISK_FULL)
                          ? _("Not backed up: the disk is full")
                          : _("Not backed up: the backup could not be written"));
      return;
    }
  show_toast (self, _("Backed up"));
  update_backup_row (self);
}

static void
backup_cb (JyPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), FALSE);
  task = g_task_new (self->store, NULL, backup_done_cb, g_object_ref (self));
  g_task_set_task_data (task, GUINT_TO_POINTER (g_settings_get_uint (self->settings, "backup-keep")), NULL);
  g_task_run_in_thread (task, backup_worker);
}

static void
restore_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (!jy_store_restore (source_object, task_data, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  const char *message;

  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Restore refused: %s", error->message);
      if (g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_CORRUPT))
        message = _("Not restored: the backup is damaged (its integrity check failed). Nothing was changed.");
      else if (g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID))
        message = _("Not restored: the file is not a Jiayi backup. Nothing was changed.");
      else if (g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_TOO_NEW))
        message = _("Not restored: the backup is from a newer Jiayi. Nothing was changed.");
      else
        message = _("Not restored: the database reported an error.");
      {
        AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                               _("Backup Not Restored"),
                                                                               message));

        adw_message_dialog_add_response (dialog, "close", _("_Close"));
        gtk_window_present (GTK_WINDOW (dialog));
      }
      return;
    }

  /* The accounts may be other ones now: everyone signs in again. */
  gtk_window_close (GTK_WINDOW (self));
  if (JY_IS_WINDOW (parent))
    {
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.sign-out", NULL);
      jy_window_add_toast (JY_WINDOW (parent), adw_toast_new (_("Backup restored: sign in again")));
    }
}

static void
restore_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     JyPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_strcmp0 (response, "restore") != 0 || self->store == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), FALSE);
  task = g_task_new (self->store, NULL, restore_done_cb, g_object_ref (self));
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, restore_worker);
}

static void
restore_chooser_response_cb (JyPreferencesWindow  *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Replace Every Record With This Backup?"),
                                                           _("The backup is checked first. The records as they are now are kept in the backups folder. Everyone is signed out and signs in again.")));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "path", g_steal_pointer (&path), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_clear_object (&self->restore_chooser);
}

static void
restore_cb (JyPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->store == NULL)
    return;
  gtk_file_filter_set_name (filter, _("Jiayi backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  g_clear_object (&self->restore_chooser);
  self->restore_chooser = gtk_file_chooser_native_new (_("Choose a Backup"), GTK_WINDOW (self),
                                                       GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->restore_chooser), filter);
  dir = jy_backup_dup_default_dir (jy_store_get_path (self->store));
  folder = g_file_new_for_path (dir);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->restore_chooser), folder, NULL);
  g_signal_connect_object (self->restore_chooser, "response", G_CALLBACK (restore_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->restore_chooser));
}

static void
integrity_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = jy_store_check_integrity (source_object, &error);

  if (problems == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, problems, (GDestroyNotify)g_ptr_array_unref);
}

static void
integrity_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(JyPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_task_propagate_pointer (G_TASK (result), &error);
  AdwMessageDialog *dialog;

  gtk_widget_set_sensitive (GTK_WIDGET (self->integrity_button), TRUE);
  if (problems != NULL && problems->len == 0)
    {
      show_toast (self, _("The database is sound"));
      return;
    }
  if (problems == NULL)
    g_warning ("Integrity check failed: %s", error->message);
  else
    g_warning ("Integrity check found %u problem(s); first: %s", problems->len,
               (const char *)g_ptr_array_index (problems, 0));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The Database Is Damaged"),
                                                       _("Stop working on this computer and ask the administrator to restore the newest backup (Preferences → Security → Restore). Changes since that backup must be entered again.")));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
integrity_cb (JyPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->integrity_button), FALSE);
  task = g_task_new (self->store, NULL, integrity_done_cb, g_object_ref (self));
  g_task_run_in_thread (task, integrity_worker);
}

static void
apply_session (JyPreferencesWindow *self)
{
  g_autoptr(JyActor) session = self->store != NULL ? jy_store_dup_session (self->store) : jy_actor_new_nobody ();
  gboolean centre = jy_actor_can (session, JY_PERMISSION_CENTRE_SETTINGS);

  /* The store refuses what the role may not do; the rows say so first. */
  if (!centre)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->centre_name_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->centre_code_row), FALSE);
    }
  /* Pointing this workstation at another database file is the administrator's call,
   * unless no database could be opened at all. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->database_row), self->store == NULL || centre);
  /* Where the centre's records go and with which credentials: the administrator's call too. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_page), self->store == NULL || centre);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), jy_actor_can (session, JY_PERMISSION_BACKUP));
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), jy_actor_can (session, JY_PERMISSION_RESTORE));
  gtk_widget_set_sensitive (GTK_WIDGET (self->integrity_button),
                            jy_actor_can (session, JY_PERMISSION_INTEGRITY_CHECK));
}

static void
jy_preferences_window_dispose (GObject *object)
{
  JyPreferencesWindow *self = (JyPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->restore_chooser);
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

  g_type_ensure (JY_TYPE_HOME_BED_POLICY_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, centre_name_row);
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, centre_code_row);
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, home_bed_group);
  gtk_widget_class_bind_template_callback (widget_class, centre_apply_cb);
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, auto_lock_spin);
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, backup_row);
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, backup_button);
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, restore_button);
  gtk_widget_class_bind_template_child (widget_class, JyPreferencesWindow, integrity_button);
  gtk_widget_class_bind_template_callback (widget_class, database_choose_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_cb);
  gtk_widget_class_bind_template_callback (widget_class, integrity_cb);
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
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JY_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  /* Sync settings on their own page, after General. */
  self->sync_page = jy_sync_preferences_page_new (settings);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->sync_page));
  update_database_row (self);
  g_settings_bind (settings, "auto-lock-minutes", gtk_spin_button_get_adjustment (self->auto_lock_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  update_backup_row (self);

  if (self->store != NULL)
    jy_store_read_async (self->store, jy_centre_store_load, NULL, NULL,
                         (GDestroyNotify)jy_centre_summary_free,
                         self->cancellable, centre_loaded_cb, g_object_ref (self));
  /* Read-only (and loaded) for everyone; saved by the administrator. */
  jy_home_bed_policy_group_set_store (self->home_bed_group, self->store, self->cancellable);
  apply_session (self);

  return self;
}
