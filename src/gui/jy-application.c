/* jy-application.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-application.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jy-account-store.h"
#include "jy-backup.h"
#include "jy-cli.h"
#include "jy-generator.h"
#include "jy-preferences-window.h"
#include "jy-resources.h"
#include "jy-store.h"
#include "jy-window.h"

struct _JyApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  JyStore        *store;
  char           *db_path;
  guint           demo_residents;
  char           *demo_dir;
  GCancellable   *cancellable;
  guint           backup_check_id;
  gboolean        backup_running;

  /* JIAYI_BENCH_FIRST_FRAME: quit after the first frame showing real data. */
  gboolean        bench_first_frame;
};

G_DEFINE_FINAL_TYPE (JyApplication, jy_application, ADW_TYPE_APPLICATION)

/* Whether a scheduled backup is due is looked at a little after start,
 * then every half hour (GSettings "backup-interval-hours"). */
#define BACKUP_FIRST_CHECK_SECONDS (2 * 60)
#define BACKUP_CHECK_SECONDS       (30 * 60)

static gboolean backup_first_check_cb (gpointer user_data);

void
jy_gui_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      jy_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}

JyApplication *
jy_application_new (const char *db_path,
                    guint       demo_residents)
{
  JyApplication *self;
  GApplicationFlags flags = G_APPLICATION_DEFAULT_FLAGS;

  /* A demo or an explicit file gets its own process, never the window of
   * an instance that is already running on the centre's database. */
  if (db_path != NULL || demo_residents > 0)
    flags |= G_APPLICATION_NON_UNIQUE;

  self = g_object_new (JY_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags,
                       "resource-base-path", "/org/jiayi/Jiayi",
                       NULL);
  self->db_path = g_strdup (db_path);
  self->demo_residents = demo_residents;
  return self;
}

GSettings *
jy_application_get_settings (JyApplication *self)
{
  g_return_val_if_fail (JY_IS_APPLICATION (self), NULL);
  return self->settings;
}

static JyWindow *
get_window (JyApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return JY_IS_WINDOW (window) ? JY_WINDOW (window) : NULL;
}

static char *
resolve_db_path (JyApplication *self)
{
  g_autofree char *configured = NULL;

  if (self->db_path != NULL)
    return g_strdup (self->db_path);

  configured = g_settings_get_string (self->settings, "database-path");
  if (configured[0] != '\0')
    return g_steal_pointer (&configured);

  return jy_store_dup_default_path ();
}

typedef struct
{
  char  *path;
  guint  demo_residents;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_free (job->path);
  g_free (job);
}

static gpointer
generate_demo (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  JyGeneratorOptions options = { .n_residents = GPOINTER_TO_UINT (data), .seed = 1 };

  /* The demo accounts get the password "demo"; the demo opens as its doctor. */
  if (!jy_generator_run (db, &options, NULL, NULL, error) ||
      !jy_account_store_setup_demo (db, error))
    return NULL;
  return jy_account_store_demo_switch (db, JY_ROLE_DOCTOR, error);
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = jy_store_open (job->path, &error);
  g_autoptr(JyActor) session = NULL;

  if (store != NULL && job->demo_residents > 0 &&
      (session = jy_store_write (store, generate_demo, GUINT_TO_POINTER (job->demo_residents),
                                 cancellable, &error)) == NULL)
    g_clear_object (&store);

  /* Nobody works on the centre's records before signing in. */
  if (store != NULL && session == NULL)
    session = jy_actor_new_nobody ();
  if (store != NULL)
    jy_store_set_session (store, session);

  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static void open_store (JyApplication *self);

static void
store_error_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         JyApplication    *self)
{
  if (g_strcmp0 (response, "retry") == 0)
    open_store (self);
  else if (g_strcmp0 (response, "preferences") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "preferences", NULL);
  else
    g_application_quit (G_APPLICATION (self));
}

static void
show_store_error (JyApplication *self,
                  const GError  *error)
{
  JyWindow *window = get_window (self);
  g_autofree char *reason = jy_cli_describe_store_error (error);
  AdwMessageDialog *dialog;

  /* The window stays up, so nothing behind the dialog is lost. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("The Database Could Not Be Opened"),
                                                       reason));
  adw_message_dialog_add_responses (dialog,
                                    "quit", _("_Quit"),
                                    "preferences", _("Choose _Another Database…"),
                                    "retry", _("_Try Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "retry");
  adw_message_dialog_set_close_response (dialog, "quit");
  g_signal_connect_object (dialog, "response", G_CALLBACK (store_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = g_task_propagate_pointer (G_TASK (result), &error);
  JyWindow *window = get_window (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (store == NULL)
    {
      g_warning ("Could not open the database: %s", error->message);
      if (window != NULL)
        show_store_error (self, error);
      return;
    }

  g_set_object (&self->store, store);
  if (window != NULL)
    {
      jy_window_set_demo (window, self->demo_residents > 0);
      jy_window_set_store (window, store);
    }

  /* The demo is thrown away at exit: nothing to keep. */
  g_clear_handle_id (&self->backup_check_id, g_source_remove);
  if (self->demo_residents == 0)
    self->backup_check_id = g_timeout_add_seconds (BACKUP_FIRST_CHECK_SECONDS, backup_first_check_cb, self);
}

/* Scheduled backups ------------------------------------------------------------ */

static void
backup_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = jy_store_backup (source_object, JY_BACKUP_SCHEDULED, NULL,
                                           GPOINTER_TO_UINT (task_data), &error);

  if (path == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JyApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  self->backup_running = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Scheduled backup failed: %s", error->message);
}

static gboolean
backup_check_cb (gpointer user_data)
{
  JyApplication *self = user_data;
  guint hours = g_settings_get_uint (self->settings, "backup-interval-hours");
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GTask) task = NULL;
  gint64 newest = 0;

  if (self->store == NULL || self->backup_running || hours == 0)
    return G_SOURCE_CONTINUE;

  dir = jy_backup_dup_default_dir (jy_store_get_path (self->store));
  if ((backups = jy_backup_list (dir, NULL)) != NULL && backups->len > 0)
    newest = ((JyBackupInfo *)g_ptr_array_index (backups, 0))->created;
  if (g_get_real_time () / G_USEC_PER_SEC - newest < (gint64)hours * 3600)
    return G_SOURCE_CONTINUE;

  self->backup_running = TRUE;
  task = g_task_new (self->store, NULL, backup_done_cb, g_object_ref (self));
  g_task_set_task_data (task, GUINT_TO_POINTER (g_settings_get_uint (self->settings, "backup-keep")), NULL);
  g_task_run_in_thread (task, backup_worker);
  return G_SOURCE_CONTINUE;
}

static gboolean
backup_first_check_cb (gpointer user_data)
{
  JyApplication *self = user_data;

  backup_check_cb (self);
  self->backup_check_id = g_timeout_add_seconds (BACKUP_CHECK_SECONDS, backup_check_cb, self);
  return G_SOURCE_REMOVE;
}

static void
open_store (JyApplication *self)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job = g_new0 (OpenJob, 1);
  JyWindow *window = get_window (self);

  if (self->demo_residents > 0)
    {
      g_autoptr(GError) error = NULL;

      if (self->demo_dir == NULL)
        self->demo_dir = g_dir_make_tmp ("jiayi-demo-XXXXXX", &error);
      if (self->demo_dir == NULL)
        {
          g_warning ("Could not make a folder for the demo: %s", error->message);
          open_job_free (job);
          show_store_error (self, error);
          return;
        }
      job->path = g_build_filename (self->demo_dir, "demo.db", NULL);
      job->demo_residents = self->demo_residents;
      /* A failed earlier attempt may have left a half-made demo behind. */
      g_unlink (job->path);
      if (window != NULL)
        jy_today_page_set_loading_text (jy_window_get_today_page (window),
                                        _("Preparing the demo centre…"));
    }
  else
    job->path = resolve_db_path (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->cancellable, store_opened_cb, g_object_ref (self));
  g_task_set_source_tag (task, open_store);
  g_task_set_task_data (task, job, (GDestroyNotify)open_job_free);
  g_task_run_in_thread (task, open_worker);
}

static void
bench_after_paint_cb (GdkFrameClock *clock,
                      JyApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, self);
  g_application_quit (G_APPLICATION (self));
}

static void
bench_today_ready_cb (JyApplication *self,
                      GtkWidget     *page)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (page);

  if (clock == NULL)
    return;

  /* The data is in the widgets; the next painted frame shows it. */
  g_signal_connect (clock, "after-paint", G_CALLBACK (bench_after_paint_cb), self);
  gtk_widget_queue_draw (page);
}

static void
jy_application_activate (GApplication *app)
{
  JyApplication *self = JY_APPLICATION (app);
  JyWindow *window = get_window (self);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = jy_window_new (GTK_APPLICATION (self), self->settings);
  if (self->bench_first_frame)
    {
      /* The first screen with data: the demo's Today page, or sign-in. */
      g_signal_connect_object (jy_window_get_today_page (window), "ready",
                               G_CALLBACK (bench_today_ready_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (jy_window_get_login_view (window), "ready",
                               G_CALLBACK (bench_today_ready_cb), self, G_CONNECT_SWAPPED);
    }

  /* The window shows at once; the database opens (and migrates) behind it. */
  gtk_window_present (GTK_WINDOW (window));

  if (self->store != NULL)
    jy_window_set_store (window, self->store);
  else
    open_store (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  JyApplication *self = user_data;
  JyWindow *window = get_window (self);

  /* Through close-request, so the window saves its size. */
  if (window != NULL)
    gtk_window_close (GTK_WINDOW (window));
  else
    g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  JyApplication *self = user_data;
  static const char *developers[] = { "Jiayi developers", NULL };

  adw_show_about_window (GTK_WINDOW (get_window (self)),
                         "application-name", _("Jiayi"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("Jiayi developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Family-doctor workstation for community health centres: residents, contracts, chronic-disease follow-ups, long prescriptions, home beds and monthly reports, working offline and syncing with the municipal platform."),
                         "developers", developers,
                         "copyright", "© 2026 Jiayi developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  JyApplication *self = user_data;
  JyPreferencesWindow *preferences;

  preferences = jy_preferences_window_new (GTK_WINDOW (get_window (self)), self->settings, self->store);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
jy_application_startup (GApplication *app)
{
  JyApplication *self = JY_APPLICATION (app);
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };

  G_APPLICATION_CLASS (jy_application_parent_class)->startup (app);

  self->settings = g_settings_new (APPLICATION_ID);
  self->bench_first_frame = g_getenv ("JIAYI_BENCH_FIRST_FRAME") != NULL;

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
}

static void
remove_demo_dir (const char *dir)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat ("demo.db", suffixes[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
jy_application_shutdown (GApplication *app)
{
  JyApplication *self = JY_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->backup_check_id, g_source_remove);
  /* Finalizing the store waits for queued writes to commit. */
  g_clear_object (&self->store);
  if (self->demo_dir != NULL)
    remove_demo_dir (self->demo_dir);

  G_APPLICATION_CLASS (jy_application_parent_class)->shutdown (app);
}

static void
jy_application_finalize (GObject *object)
{
  JyApplication *self = (JyApplication *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->db_path);
  g_free (self->demo_dir);

  G_OBJECT_CLASS (jy_application_parent_class)->finalize (object);
}

static void
jy_application_class_init (JyApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = jy_application_finalize;
  app_class->startup = jy_application_startup;
  app_class->activate = jy_application_activate;
  app_class->shutdown = jy_application_shutdown;
}

static void
jy_application_init (JyApplication *self)
{
}
