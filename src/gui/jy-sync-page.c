/* jy-sync-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-page.h"

#include <glib/gi18n.h>

#include "jy-cli.h"
#include "jy-clock.h"
#include "jy-sync-conflict-dialog.h"
#include "jy-sync-engine.h"
#include "jy-sync-field-text.h"
#include "jy-sync-settings.h"

/* The Sync page: when the platform last took everything, what is still
 * waiting, what it refused and why, and Sync Now. Syncs also run in the
 * background every sync-interval minutes; neither ever blocks the window
 * (the engine runs on a GTask thread and reports progress here). */
struct _JySyncPage
{
  AdwBin         parent_instance;

  JyStore       *store;
  GSettings     *settings;
  GCancellable  *cancellable;        /* status reads */
  GPtrArray     *conflicts;          /* JySyncConflict shown in conflicts_list */
  GCancellable  *sync_cancellable;   /* the running sync */
  JySyncEngine  *engine;             /* non-NULL while a sync runs */
  guint          timer_id;
  char          *status;             /* one line for the window's sidebar */

  GtkButton     *sync_button;
  AdwActionRow  *platform_row;
  AdwActionRow  *last_success_row;
  AdwActionRow  *pending_row;
  AdwActionRow  *conflicts_row;
  AdwActionRow  *progress_row;
  GtkSpinner    *spinner;
  AdwPreferencesGroup *conflicts_group;
  GtkListBox    *conflicts_list;
  AdwPreferencesGroup *rejected_group;
  GtkListBox    *rejected_list;
};

G_DEFINE_FINAL_TYPE (JySyncPage, jy_sync_page, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  SYNC_FINISHED,
  CONFLICTS_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_status (JySyncPage *self,
            const char *text)
{
  if (g_strcmp0 (self->status, text) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
jy_sync_page_get_status (JySyncPage *self)
{
  g_return_val_if_fail (JY_IS_SYNC_PAGE (self), NULL);
  return self->status != NULL ? self->status : "";
}

static void start_sync (JySyncPage *self,
                        gboolean    by_hand);

static char *
platform_url (JySyncPage *self)
{
  return self->settings != NULL ? g_settings_get_string (self->settings, "platform-url") : g_strdup ("");
}

static char *
format_local_time (const char *utc_iso)
{
  g_autoptr(GDateTime) utc = utc_iso != NULL ? g_date_time_new_from_iso8601 (utc_iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;
  local = g_date_time_to_timezone (utc, jy_clock_get_local_zone ());
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
status_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JySyncPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JySyncStatus) status = jy_store_read_finish (JY_STORE (object), result, &error);
  g_autofree char *when = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *conflicts = NULL;
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (status == NULL)
    {
      g_warning ("Could not read the sync status: %s", error->message);
      return;
    }

  when = format_local_time (status->last_success_at);
  adw_action_row_set_subtitle (self->last_success_row,
                               when != NULL ? when : C_("last sync", "Never"));
  /* Translators: number of records with changes not yet on the platform */
  pending = g_strdup_printf (ngettext ("%u record", "%u records", (gulong)status->pending),
                             (guint)status->pending);
  adw_action_row_set_subtitle (self->pending_row, pending);
  conflicts = g_strdup_printf ("%u", (guint)status->open_conflicts);
  adw_action_row_set_subtitle (self->conflicts_row, conflicts);
  if (!jy_sync_page_is_syncing (self))
    {
      g_autofree char *line = NULL;
      g_autofree char *url = platform_url (self);

      if (status->open_conflicts > 0)
        /* Translators: sidebar status line of Sync */
        line = g_strdup_printf (ngettext ("%u conflict to resolve", "%u conflicts to resolve",
                                          (gulong)status->open_conflicts), (guint)status->open_conflicts);
      else if (when != NULL)
        /* Translators: sidebar status line of Sync; %s is a date and time */
        line = g_strdup_printf (_("Last synced %s"), when);
      else if (url[0] != '\0')
        line = g_strdup (_("Never synced"));
      set_status (self, line);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rejected_list))) != NULL)
    gtk_list_box_remove (self->rejected_list, child);
  for (guint i = 0; i < status->rejections->len; i++)
    {
      JySyncRejection *rejection = g_ptr_array_index (status->rejections, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: a refused record: its kind (Resident), then its name or id */
      title = g_strdup_printf (_("%s: %s"), jy_sync_entity_label (rejection->entity),
                               rejection->label != NULL ? rejection->label : rejection->row_uuid);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rejection->reason != NULL ? rejection->reason : "");
      gtk_list_box_append (self->rejected_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_group), status->rejections->len > 0);
}

static void
conflict_resolved_cb (JySyncPage *self)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, _("Your choice is sent with the next sync"));
  jy_sync_page_reload (self);
}

static void
conflict_activated_cb (JySyncPage    *self,
                       GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);
  JySyncConflictDialog *dialog;
  GtkRoot *root;

  if (self->conflicts == NULL || index < 0 || (guint)index >= self->conflicts->len || self->store == NULL)
    return;
  dialog = jy_sync_conflict_dialog_new (self->store, g_ptr_array_index (self->conflicts, index));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (conflict_resolved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
conflicts_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(JySyncPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = jy_store_read_finish (JY_STORE (object), result, &error);
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (conflicts == NULL)
    {
      g_warning ("Could not read the conflict inbox: %s", error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_list))) != NULL)
    gtk_list_box_remove (self->conflicts_list, child);
  for (guint i = 0; i < conflicts->len; i++)
    {
      JySyncConflict *conflict = g_ptr_array_index (conflicts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = conflict->label != NULL ? g_strdup (conflict->label)
                                                      : jy_sync_resource_name (conflict->theirs);
      g_autofree char *when = format_local_time (conflict->created_at);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *row_name = g_strdup_printf ("conflict-%u", i);

      /* Translators: a conflict: its kind (Resident), then its name */
      title = g_strdup_printf (_("%s: %s"), jy_sync_entity_label (conflict->entity),
                               name != NULL ? name : conflict->row_uuid);
      if (g_strcmp0 (conflict->kind, "invalid") == 0)
        /* Translators: a pulled record that could not be stored: when, then why */
        subtitle = g_strdup_printf (_("%s · could not be stored here: %s"), when != NULL ? when : "",
                                    conflict->reason != NULL ? conflict->reason : "");
      else
        /* Translators: a record changed on both sides; %s is when it was found */
        subtitle = g_strdup_printf (_("%s · changed here and on the platform"), when != NULL ? when : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, row_name);
      if (g_strcmp0 (conflict->kind, "invalid") == 0)
        gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->conflicts_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), conflicts->len > 0);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = g_steal_pointer (&conflicts);
  g_signal_emit (self, signals[CONFLICTS_LOADED], 0);
}

void
jy_sync_page_reload (JySyncPage *self)
{
  g_autofree char *url = NULL;

  g_return_if_fail (JY_IS_SYNC_PAGE (self));

  url = platform_url (self);
  adw_action_row_set_subtitle (self->platform_row,
                               url[0] != '\0' ? url : _("Not configured: set the platform URL in Preferences"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.now",
                                 url[0] != '\0' && self->store != NULL && !jy_sync_page_is_syncing (self));
  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  jy_store_read_async (self->store, jy_sync_status_load, NULL, NULL,
                       (GDestroyNotify)jy_sync_status_free,
                       self->cancellable, status_loaded_cb, g_object_ref (self));
  jy_store_read_async (self->store, jy_sync_conflict_list, NULL, NULL,
                       (GDestroyNotify)g_ptr_array_unref,
                       self->cancellable, conflicts_loaded_cb, g_object_ref (self));
}

static void
progress_cb (JySyncPage *self,
             guint       sent,
             guint       received)
{
  /* Translators: progress of a running sync: records sent, records received */
  g_autofree char *text = g_strdup_printf (_("Sent %u, received %u"), sent, received);

  adw_action_row_set_subtitle (self->progress_row, text);
  set_status (self, text);
}

static void
set_running (JySyncPage *self,
             gboolean    running)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), running);
  gtk_spinner_set_spinning (self->spinner, running);
  if (running)
    {
      adw_action_row_set_subtitle (self->progress_row, _("Connecting to the platform…"));
      set_status (self, _("Syncing…"));
    }
}

static void
sync_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JySyncPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JySyncSummary) summary = jy_sync_engine_run_finish (JY_SYNC_ENGINE (object), result, &error);
  g_autofree char *text = NULL;

  g_clear_object (&self->engine);
  g_clear_object (&self->sync_cancellable);
  set_running (self, FALSE);

  if (summary == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("sync failed: %s", error->message);
      text = jy_cli_describe_sync_error (error);
    }
  else if (summary != NULL && summary->rejected + summary->conflicts > 0)
    /* Translators: after a sync; records sent, received, refused, conflicts */
    text = g_strdup_printf (_("Sync finished: %u sent, %u received, %u refused, %u conflicts"),
                            summary->sent, summary->received, summary->rejected, summary->conflicts);
  else if (summary != NULL && summary->sent + summary->received > 0)
    /* Translators: after a sync; records sent, records received */
    text = g_strdup_printf (_("Sync finished: %u sent, %u received"), summary->sent, summary->received);

  if (text != NULL)
    g_signal_emit (self, signals[ADD_TOAST], 0, text);
  g_signal_emit (self, signals[SYNC_FINISHED], 0);
  jy_sync_page_reload (self);
}

static void
secret_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  jy_sync_secret_lookup (task_data, cancellable);
  g_task_return_boolean (task, TRUE);
}

/* The secret is read (keyring: D-Bus) off the main loop, then the run starts. */
static void
secret_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  JySyncPage *self = JY_SYNC_PAGE (object);
  JySyncSettings *settings = g_task_get_task_data (G_TASK (result));
  gboolean by_hand = GPOINTER_TO_INT (user_data);
  g_autoptr(JySyncAuth) auth = NULL;
  JySyncOptions options = { 0 };
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The page went away meanwhile: nothing to start or show. */
      g_clear_object (&self->sync_cancellable);
      return;
    }
  if (error != NULL || self->store == NULL)
    {
      g_clear_object (&self->sync_cancellable);
      set_running (self, FALSE);
      jy_sync_page_reload (self);
      return;
    }
  jy_sync_settings_client_config (settings, &options.client);
  auth = jy_sync_settings_new_auth (settings);
  options.auth = auth;
  options.push = TRUE;
  options.pull = TRUE;
  /* The timer respects the back-off of entries that failed; a click does not. */
  options.respect_backoff = !by_hand;
  self->engine = jy_sync_engine_new (self->store, &options);
  g_signal_connect_object (self->engine, "progress", G_CALLBACK (progress_cb), self, G_CONNECT_SWAPPED);
  jy_sync_engine_run_async (self->engine, self->sync_cancellable, sync_finished_cb, g_object_ref (self));
}

static void
start_sync (JySyncPage *self,
            gboolean    by_hand)
{
  g_autofree char *url = platform_url (self);
  g_autoptr(GTask) task = NULL;

  if (self->engine != NULL || self->sync_cancellable != NULL || self->store == NULL || url[0] == '\0')
    return;

  self->sync_cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.now", FALSE);
  task = g_task_new (self, self->sync_cancellable, secret_read_cb, GINT_TO_POINTER (by_hand));
  g_task_set_task_data (task, jy_sync_settings_read (self->settings), (GDestroyNotify)jy_sync_settings_free);
  g_task_run_in_thread (task, secret_worker);
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  start_sync (JY_SYNC_PAGE (widget), TRUE);
}

static gboolean
timer_cb (gpointer user_data)
{
  start_sync (user_data, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
restart_timer (JySyncPage *self)
{
  guint minutes = self->settings != NULL ? g_settings_get_uint (self->settings, "sync-interval") : 0;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (minutes > 0)
    self->timer_id = g_timeout_add_seconds (minutes * 60, timer_cb, self);
}

static void
settings_changed_cb (JySyncPage *self,
                     const char *key)
{
  if (g_strcmp0 (key, "sync-interval") == 0)
    restart_timer (self);
  else if (g_strcmp0 (key, "platform-url") == 0)
    jy_sync_page_reload (self);
}

void
jy_sync_page_set_settings (JySyncPage *self,
                           GSettings  *settings)
{
  g_return_if_fail (JY_IS_SYNC_PAGE (self));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (!g_set_object (&self->settings, settings))
    return;
  if (settings != NULL)
    g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  restart_timer (self);
  jy_sync_page_reload (self);
}

void
jy_sync_page_set_store (JySyncPage *self,
                        JyStore    *store)
{
  g_return_if_fail (JY_IS_SYNC_PAGE (self));
  g_return_if_fail (store == NULL || JY_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  jy_sync_page_reload (self);
}

gboolean
jy_sync_page_is_syncing (JySyncPage *self)
{
  g_return_val_if_fail (JY_IS_SYNC_PAGE (self), FALSE);
  return self->engine != NULL || self->sync_cancellable != NULL;
}

static void
jy_sync_page_dispose (GObject *object)
{
  JySyncPage *self = (JySyncPage *)object;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* A running sync stops at its next request; what it did is committed. */
  g_cancellable_cancel (self->sync_cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_SYNC_PAGE);

  G_OBJECT_CLASS (jy_sync_page_parent_class)->dispose (object);
}

static void
jy_sync_page_finalize (GObject *object)
{
  JySyncPage *self = (JySyncPage *)object;

  g_clear_object (&self->sync_cancellable);
  g_clear_object (&self->engine);
  g_clear_object (&self->store);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_free (self->status);

  G_OBJECT_CLASS (jy_sync_page_parent_class)->finalize (object);
}

static void
jy_sync_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JySyncPage *self = JY_SYNC_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, jy_sync_page_get_status (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jy_sync_page_class_init (JySyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_sync_page_dispose;
  object_class->finalize = jy_sync_page_finalize;
  object_class->get_property = jy_sync_page_get_property;

  /* One line for the window (the sidebar): syncing and its progress, open
   * conflicts, or when the platform last took everything. */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* After every run, successful or not (tests wait for it). */
  signals[SYNC_FINISHED] = g_signal_new ("sync-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The conflict list was (re)drawn (tests wait for it). */
  signals[CONFLICTS_LOADED] = g_signal_new ("conflicts-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JySyncPage, sync_button);
  gtk_widget_class_bind_template_child (widget_class, JySyncPage, platform_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPage, last_success_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPage, pending_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPage, conflicts_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPage, progress_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JySyncPage, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, JySyncPage, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, JySyncPage, rejected_group);
  gtk_widget_class_bind_template_callback (widget_class, conflict_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, JySyncPage, rejected_list);

  gtk_widget_class_install_action (widget_class, "sync.now", NULL, sync_now_action);
}

static void
jy_sync_page_init (JySyncPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.now", FALSE);
}
