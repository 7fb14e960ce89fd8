/* jy-window-session.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-window-private.h"

#include <glib/gi18n.h>

#include "jy-account-store.h"
#include "jy-password-dialog.h"

/* Who works at the window: signing in and out, the lock screen (by hand
 * or after the idle minutes in GSettings "auto-lock-minutes"), the demo's
 * account switch, and what the role may do (actions disabled, admin pages
 * shown). The store checks every permission again; this only keeps the
 * screen honest about it. */

/* How often the idle time is looked at. */
#define IDLE_CHECK_SECONDS 10

static JyActor *
dup_session (JyWindow *self)
{
  return self->store != NULL ? jy_store_dup_session (self->store) : jy_actor_new_nobody ();
}

static gboolean
is_staff (JyActor *actor)
{
  return jy_actor_get_staff_id (actor) != 0;
}

/* The system (tests, a store handed over already opened) works too. */
static gboolean
is_signed_in (JyActor *actor)
{
  return jy_actor_get_role (actor) != JY_ROLE_NONE;
}

static void
update_for_session (JyWindow *self)
{
  g_autoptr(JyActor) session = dup_session (self);
  gboolean staff = is_staff (session);
  GtkWidget *residents = GTK_WIDGET (self->residents_page);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  gtk_label_set_label (self->account_name_label, staff ? jy_actor_get_name (session) : "");
  gtk_label_set_label (self->account_role_label,
                       staff ? _(jy_role_get_label (jy_actor_get_role (session))) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->account_button), staff);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", staff);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", staff);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-password", staff);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.demo-switch", self->demo);

  /* Role limits disable the action, not just the button. */
  gtk_widget_action_set_enabled (residents, "residents.new",
                                 jy_actor_can (session, JY_PERMISSION_RESIDENT_EDIT));
  gtk_widget_action_set_enabled (residents, "residents.import",
                                 jy_actor_can (session, JY_PERMISSION_RESIDENT_IMPORT));
  gtk_widget_action_set_enabled (residents, "residents.export",
                                 jy_actor_can (session, JY_PERMISSION_RESIDENT_EXPORT));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-resident",
                                 jy_actor_can (session, JY_PERMISSION_RESIDENT_EDIT));

  gtk_widget_set_visible (self->accounts_row, jy_actor_can (session, JY_PERMISSION_ACCOUNTS_MANAGE));
  gtk_widget_set_visible (self->audit_row, jy_actor_can (session, JY_PERMISSION_AUDIT_VIEW));
  if ((g_strcmp0 (page, "accounts") == 0 && !jy_actor_can (session, JY_PERMISSION_ACCOUNTS_MANAGE)) ||
      (g_strcmp0 (page, "audit") == 0 && !jy_actor_can (session, JY_PERMISSION_AUDIT_VIEW)))
    jy_window_show_page (self, "today");
}

static void
session_changed_cb (JyWindow *self)
{
  update_for_session (self);
}

/* Windows other than this one (editors, dialogs, preferences). */
static GPtrArray *
other_windows (JyWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (self) && gtk_widget_get_visible (GTK_WIDGET (window)))
        g_ptr_array_add (windows, g_object_ref (window));
    }
  return windows;
}

static void
close_other_windows (JyWindow *self)
{
  g_autoptr(GPtrArray) windows = other_windows (self);

  /* Someone else's open form is not the next person's to see. */
  if (self->hidden_windows != NULL)
    for (guint i = 0; i < self->hidden_windows->len; i++)
      gtk_window_destroy (g_ptr_array_index (self->hidden_windows, i));
  g_clear_pointer (&self->hidden_windows, g_ptr_array_unref);
  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (windows, i));
}

static void
show_lock_page (JyWindow *self)
{
  /* Focus leaves the page being hidden properly (an entry keeps blinking otherwise). */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  self->locked = TRUE;
  gtk_stack_set_visible_child_name (self->lock_stack, "lock");
}

static void
show_app_page (JyWindow *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  self->locked = FALSE;
  self->last_activity = g_get_monotonic_time ();
  gtk_stack_set_visible_child_name (self->lock_stack, "app");
}

void
jy_window_lock (JyWindow *self)
{
  g_autoptr(JyActor) session = NULL;

  g_return_if_fail (JY_IS_WINDOW (self));

  session = dup_session (self);
  if (self->locked || !is_staff (session))
    return;

  /* Forms stay as they were (never lose work), out of sight. */
  g_clear_pointer (&self->hidden_windows, g_ptr_array_unref);
  self->hidden_windows = other_windows (self);
  for (guint i = 0; i < self->hidden_windows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->hidden_windows, i), FALSE);

  self->lock_owner = jy_actor_get_staff_id (session);
  jy_login_view_lock (self->login_view, session);
  show_lock_page (self);
}

gboolean
jy_window_is_locked (JyWindow *self)
{
  g_return_val_if_fail (JY_IS_WINDOW (self), FALSE);
  return self->locked;
}

GtkWidget *
jy_window_get_login_view (JyWindow *self)
{
  g_return_val_if_fail (JY_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->login_view);
}

/* Gives the pages the store (first sign-in) or makes them start over for
 * the next person: nothing of the previous one stays on screen. */
static void
start_pages (JyWindow *self)
{
  if (!self->pages_have_store)
    {
      self->pages_have_store = TRUE;
      jy_today_page_set_store (self->today_page, self->store);
      jy_residents_page_set_store (self->residents_page, self->store);
      jy_followups_page_set_store (self->followups_page, self->store);
      jy_reports_page_set_store (self->reports_page, self->store);
      jy_home_beds_page_set_store (self->home_beds_page, self->store);
      jy_contracts_page_set_store (self->contracts_page, self->store);
      jy_long_rx_page_set_store (self->long_rx_page, self->store);
      jy_accounts_page_set_store (self->accounts_page, self->store, self->settings);
      jy_audit_page_set_store (self->audit_page, self->store);
      jy_sync_page_set_store (self->sync_page, self->store);
    }
  else
    {
      jy_residents_page_close_resident (self->residents_page);
      jy_residents_page_search (self->residents_page, "");
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      jy_today_page_reload (self->today_page);
      jy_reports_page_set_store (self->reports_page, self->store);
      jy_home_beds_page_reload (self->home_beds_page);
    }
  jy_window_show_page (self, "today");
}

/* Someone signed in, unlocked, or the demo switched account. */
static void
begin_session (JyWindow *self,
               JyActor  *actor)
{
  /* The person who locked the screen came back: everything as it was. */
  gboolean same = self->locked && self->lock_owner != 0 && self->lock_owner == jy_actor_get_staff_id (actor);

  self->lock_owner = 0;
  if (same)
    {
      /* Unlocked: everything as it was. */
      if (self->hidden_windows != NULL)
        for (guint i = 0; i < self->hidden_windows->len; i++)
          gtk_window_present (g_ptr_array_index (self->hidden_windows, i));
      g_clear_pointer (&self->hidden_windows, g_ptr_array_unref);
      show_app_page (self);
      return;
    }

  close_other_windows (self);
  jy_store_set_session (self->store, actor);
  start_pages (self);
  show_app_page (self);
}

static void
signed_in_cb (JyWindow *self,
              JyActor  *actor)
{
  begin_session (self, actor);
}

void
jy_window_session_start (JyWindow *self)
{
  g_autoptr(JyActor) session = dup_session (self);

  g_signal_connect_object (self->store, "notify::session", G_CALLBACK (session_changed_cb),
                           self, G_CONNECT_SWAPPED);
  jy_login_view_set_store (self->login_view, self->store, self->settings);
  update_for_session (self);
  if (is_signed_in (session))
    {
      /* The demo: signed in as its doctor already. */
      start_pages (self);
      show_app_page (self);
    }
  else
    show_lock_page (self);
}

/* Actions ------------------------------------------------------------------- */

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  jy_window_lock (JY_WINDOW (widget));
}

static gpointer
sign_out_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return jy_account_store_record_sign_out (db, error) ? JY_STORE_DONE : NULL;
}

static void
signed_out_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    g_warning ("Could not record a sign-out: %s", error->message);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JyWindow *self = JY_WINDOW (widget);
  g_autoptr(JyActor) nobody = jy_actor_new_nobody ();

  if (self->store == NULL)
    return;

  /* Queued as the person leaving; then nobody works until the next one signs in. */
  jy_store_write_async (self->store, sign_out_func, NULL, NULL, NULL, NULL, signed_out_cb, NULL);
  close_other_windows (self);
  jy_store_set_session (self->store, nobody);
  self->lock_owner = 0;
  jy_login_view_sign_in (self->login_view);
  show_lock_page (self);
}

static void
password_changed_cb (JyWindow *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Password changed")));
}

static void
change_password_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JyWindow *self = JY_WINDOW (widget);
  JyPasswordDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = jy_password_dialog_new (GTK_WINDOW (self), self->store, self->settings);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (password_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gpointer
demo_switch_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return jy_account_store_demo_switch (db, GPOINTER_TO_INT (data), error);
}

static void
demo_switched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JyWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyActor) actor = jy_store_write_finish (JY_STORE (object), result, &error);
  g_autofree char *text = NULL;

  if (actor == NULL)
    {
      g_warning ("Could not switch the demo account: %s", error->message);
      return;
    }

  begin_session (self, actor);
  /* Translators: a toast in the demo; %1$s is a person's name, %2$s their role */
  text = g_strdup_printf (_("Now working as %1$s, %2$s"), jy_actor_get_name (actor),
                          _(jy_role_get_label (jy_actor_get_role (actor))));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
demo_switch_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JyWindow *self = JY_WINDOW (widget);
  JyRole role;

  if (self->store == NULL || !self->demo ||
      !jy_role_from_string (g_variant_get_string (parameter, NULL), &role))
    return;
  jy_store_write_async (self->store, demo_switch_func, GINT_TO_POINTER (role), NULL,
                        (GDestroyNotify)jy_actor_unref, NULL, demo_switched_cb, g_object_ref (self));
}

/* Idle auto-lock ------------------------------------------------------------ */

static gboolean
activity_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             JyWindow                 *self)
{
  self->last_activity = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

/* Typing in an editor window counts as much as in this one. */
static void
watch_activity (JyWindow  *self,
                GtkWidget *window)
{
  GtkEventController *controller;

  if (g_object_get_data (G_OBJECT (window), "jy-activity-watched") != NULL)
    return;
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (activity_cb), self, 0);
  gtk_widget_add_controller (window, controller);
  g_object_set_data (G_OBJECT (window), "jy-activity-watched", GINT_TO_POINTER (1));
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      JyWindow   *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      watch_activity (self, window);
    }
}

static gboolean
idle_check_cb (gpointer user_data)
{
  JyWindow *self = user_data;
  guint minutes = self->settings != NULL ? g_settings_get_uint (self->settings, "auto-lock-minutes") : 0;

  if (!self->locked && jy_idle_lock_due (self->last_activity, g_get_monotonic_time (), minutes))
    jy_window_lock (self);
  return G_SOURCE_CONTINUE;
}

void
jy_window_session_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL, change_password_action);
  gtk_widget_class_install_action (widget_class, "win.demo-switch", "s", demo_switch_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
}

void
jy_window_session_init (JyWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_signal_connect_object (self->login_view, "signed-in", G_CALLBACK (signed_in_cb),
                           self, G_CONNECT_SWAPPED);
  self->last_activity = g_get_monotonic_time ();
  watch_activity (self, GTK_WIDGET (self));
  g_signal_connect_object (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), self, 0);
  self->idle_check_id = g_timeout_add_seconds (IDLE_CHECK_SECONDS, idle_check_cb, self);
  update_for_session (self);
}

void
jy_window_session_dispose (JyWindow *self)
{
  g_clear_handle_id (&self->idle_check_id, g_source_remove);
  g_clear_pointer (&self->hidden_windows, g_ptr_array_unref);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, session_changed_cb, self);
}
