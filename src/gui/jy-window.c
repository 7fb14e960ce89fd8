/* jy-window.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-window-private.h"

#include "jy-followup-drafts.h"
#include "jy-followup-launcher.h"
#include "jy-followups-page.h"
#include "jy-long-rx-actions.h"

#include <glib/gi18n.h>

#include "jy-sidebar-row.h"
#include "jy-sync-page.h"

G_DEFINE_FINAL_TYPE (JyWindow, jy_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sections in sidebar order; Alt+1 … Alt+8 follow it. The administrators'
 * pages (accounts, audit) come after them, without a key. */
static const char *const page_names[] = {
  "today", "residents", "contracts", "followups",
  "long-rx", "home-beds", "reports", "sync",
};

JyWindow *
jy_window_new (GtkApplication *application,
               GSettings      *settings)
{
  return g_object_new (JY_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

static GtkListBoxRow *
find_sidebar_row (JyWindow   *self,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (JY_IS_SIDEBAR_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

void
jy_window_show_page (JyWindow   *self,
                     const char *name)
{
  GtkListBoxRow *row;

  g_return_if_fail (JY_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  row = find_sidebar_row (self, name);
  g_return_if_fail (row != NULL);

  if (gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
  gtk_stack_set_visible_child_name (self->stack, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

const char *
jy_window_get_visible_page (JyWindow *self)
{
  g_return_val_if_fail (JY_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
sidebar_row_activated_cb (JyWindow      *self,
                          GtkListBoxRow *row)
{
  jy_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
search_changed_cb (JyWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Results belong on the residents page, wherever the search started. */
  if (text[0] != '\0')
    jy_window_show_page (self, "residents");
  jy_residents_page_search (self->residents_page, text);
}

static void
search_activate_cb (JyWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  jy_window_show_page (self, "residents");
  /* Enter opens the best match: name, Enter, the record. */
  jy_residents_page_activate_search (self->residents_page, text);
}

static void
page_toast_cb (JyWindow   *self,
               const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Any page's "open this resident": the residents page shows the record. */
static void
open_resident_cb (JyWindow *self,
                  gint64    resident_id)
{
  jy_window_show_page (self, "residents");
  jy_residents_page_open_resident (self->residents_page, resident_id);
}

static void
followup_saved_cb (gint64   resident_id,
                   gpointer user_data)
{
  JyWindow *self = user_data;

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Follow-up saved")));
  jy_followups_page_reload (self->followups_page);
  jy_today_page_reload (self->today_page);
  jy_residents_page_refresh_resident (self->residents_page, resident_id);
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JyWindow *self = JY_WINDOW (widget);

  if (self->store == NULL)
    return;
  {
    /* The visit is recorded under whoever is signed in; a nurse's new
     * visit starts as a home visit (the store lets her record only those). */
    JyActor *actor = jy_store_dup_session (self->store);
    gint64 author = actor != NULL ? jy_actor_get_staff_id (actor) : 0;
    const char *role = actor != NULL && author != 0 ? jy_role_to_string (jy_actor_get_role (actor)) : NULL;

    jy_followup_launch (GTK_WINDOW (self), self->store, self->drafts, g_variant_get_int64 (parameter),
                        author, role, followup_saved_cb, self);
    g_clear_pointer (&actor, jy_actor_unref);
  }
}

static void
long_rx_changed_cb (gpointer user_data)
{
  JyWindow *self = user_data;

  jy_long_rx_page_reload (self->long_rx_page);
  jy_today_page_reload (self->today_page);
}

/* From a resident's page: issue a long prescription (domain.md §4). */
static void
long_rx_issue_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JyWindow *self = JY_WINDOW (widget);

  if (self->store != NULL)
    jy_long_rx_open_issue (GTK_WINDOW (self), self->store, g_variant_get_int64 (parameter),
                           long_rx_changed_cb, self);
}

/* From a resident's page: review the long prescription in use (§4.6). */
static void
long_rx_review_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JyWindow *self = JY_WINDOW (widget);

  if (self->store != NULL)
    jy_long_rx_open_review (GTK_WINDOW (self), self->store, 0, g_variant_get_int64 (parameter),
                            long_rx_changed_cb, self);
}

static void
show_long_rx_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JyWindow *self = JY_WINDOW (widget);

  jy_window_show_page (self, "long-rx");
  jy_long_rx_page_show_kind (self->long_rx_page, g_variant_get_int32 (parameter));
}

static void
show_worklist_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JyWindow *self = JY_WINDOW (widget);

  jy_window_show_page (self, "followups");
  jy_followups_page_show_kind (self->followups_page, g_variant_get_int32 (parameter));
}

static void
show_contract_worklist_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  JyWindow *self = JY_WINDOW (widget);

  jy_window_show_page (self, "contracts");
  jy_contracts_page_show_kind (self->contracts_page, g_variant_get_int32 (parameter));
}

static void
search_stop_cb (JyWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
find_resident_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JyWindow *self = JY_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  jy_window_show_page (JY_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
new_resident_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JyWindow *self = JY_WINDOW (widget);

  /* Registering someone is a front-desk job: Ctrl+N from any page. */
  jy_window_show_page (self, "residents");
  gtk_widget_activate_action (GTK_WIDGET (self->residents_page), "residents.new", NULL);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JyWindow *self = JY_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

void
jy_window_set_store (JyWindow *self,
                     JyStore  *store)
{
  g_return_if_fail (JY_IS_WINDOW (self));
  g_return_if_fail (store == NULL || JY_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->pages_have_store = FALSE;
  if (store != NULL)
    jy_window_session_start (self);
}

JyStore *
jy_window_get_store (JyWindow *self)
{
  g_return_val_if_fail (JY_IS_WINDOW (self), NULL);
  return self->store;
}

void
jy_window_set_demo (JyWindow *self,
                    gboolean  demo)
{
  g_return_if_fail (JY_IS_WINDOW (self));

  /* A nurse must never mistake the demo for the centre's real records. */
  gtk_widget_set_visible (GTK_WIDGET (self->demo_label), demo);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_switch_button), demo);

  /* A newcomer sees every role without reading a manual. */
  if (demo && !self->demo)
    {
      GMenuModel *primary = gtk_menu_button_get_menu_model (self->primary_menu_button);
      GMenuModel *demo_menu = gtk_menu_button_get_menu_model (self->demo_switch_button);

      g_menu_prepend_submenu (G_MENU (primary), _("Switch _Demo Account"), demo_menu);
    }
  self->demo = demo;
}

JyTodayPage *
jy_window_get_today_page (JyWindow *self)
{
  g_return_val_if_fail (JY_IS_WINDOW (self), NULL);
  return self->today_page;
}

void
jy_window_add_toast (JyWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (JY_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
restore_window_state (JyWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
jy_window_close_request (GtkWindow *window)
{
  JyWindow *self = JY_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      /* The default size is the unmaximized size, which is what to restore. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (jy_window_parent_class)->close_request (window);
}

static void
jy_window_constructed (GObject *object)
{
  JyWindow *self = (JyWindow *)object;

  G_OBJECT_CLASS (jy_window_parent_class)->constructed (object);

  restore_window_state (self);
  jy_sync_page_set_settings (self->sync_page, self->settings);
  jy_window_show_page (self, "today");
}

static void
jy_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JyWindow *self = JY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jy_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JyWindow *self = JY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jy_window_dispose (GObject *object)
{
  JyWindow *self = (JyWindow *)object;

  g_clear_object (&self->drafts);
  jy_window_session_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jy_window_parent_class)->dispose (object);
}

static void
jy_window_class_init (JyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = jy_window_constructed;
  object_class->get_property = jy_window_get_property;
  object_class->set_property = jy_window_set_property;
  object_class->dispose = jy_window_dispose;
  window_class->close_request = jy_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JY_TYPE_SIDEBAR_ROW);
  g_type_ensure (JY_TYPE_TODAY_PAGE);
  g_type_ensure (JY_TYPE_RESIDENTS_PAGE);
  g_type_ensure (JY_TYPE_FOLLOWUPS_PAGE);
  g_type_ensure (JY_TYPE_REPORTS_PAGE);
  g_type_ensure (JY_TYPE_HOME_BEDS_PAGE);
  g_type_ensure (JY_TYPE_CONTRACTS_PAGE);
  g_type_ensure (JY_TYPE_LONG_RX_PAGE);
  g_type_ensure (JY_TYPE_ACCOUNTS_PAGE);
  g_type_ensure (JY_TYPE_AUDIT_PAGE);
  g_type_ensure (JY_TYPE_LOGIN_VIEW);
  g_type_ensure (JY_TYPE_SYNC_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JyWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, content);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, residents_page);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, followups_page);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, home_beds_page);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, contracts_page);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, long_rx_page);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, accounts_page);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, audit_page);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, lock_stack);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, login_view);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, accounts_row);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, audit_row);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, account_name_label);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, account_role_label);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, demo_switch_button);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, JyWindow, sync_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);

  gtk_widget_class_install_action (widget_class, "win.find-resident", NULL, find_resident_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.new-resident", NULL, new_resident_action);
  gtk_widget_class_install_action (widget_class, "win.follow-up", "x", follow_up_action);
  gtk_widget_class_install_action (widget_class, "win.show-worklist", "i", show_worklist_action);
  gtk_widget_class_install_action (widget_class, "win.show-contract-worklist", "i", show_contract_worklist_action);
  gtk_widget_class_install_action (widget_class, "win.long-rx-issue", "x", long_rx_issue_action);
  gtk_widget_class_install_action (widget_class, "win.long-rx-review", "x", long_rx_review_action);
  gtk_widget_class_install_action (widget_class, "win.show-long-rx", "i", show_long_rx_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-resident", NULL);

  /* Ctrl+F finds a resident from anywhere in the window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find-resident", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", page_names[i]);

  jy_window_session_class_init (widget_class);
}

static void
jy_window_init (JyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing on the residents list searches without reaching for Ctrl+F. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->residents_page));
  g_signal_connect_object (self->residents_page, "add-toast", G_CALLBACK (page_toast_cb),
                           self, G_CONNECT_SWAPPED);
  /* Pages whose rows open a resident's record. */
  {
    GtkWidget *pages[] = {
      GTK_WIDGET (self->followups_page), GTK_WIDGET (self->contracts_page),
      GTK_WIDGET (self->home_beds_page), GTK_WIDGET (self->long_rx_page),
      GTK_WIDGET (self->reports_page),
    };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      g_signal_connect_object (pages[i], "open-resident", G_CALLBACK (open_resident_cb),
                               self, G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (self->contracts_page, "add-toast", G_CALLBACK (page_toast_cb),
                           self, G_CONNECT_SWAPPED);
  self->drafts = jy_followup_drafts_new ();
  g_signal_connect_object (self->accounts_page, "add-toast", G_CALLBACK (page_toast_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->audit_page, "add-toast", G_CALLBACK (page_toast_cb),
                           self, G_CONNECT_SWAPPED);
  jy_window_session_init (self);
  g_signal_connect_object (self->sync_page, "add-toast", G_CALLBACK (page_toast_cb),
                           self, G_CONNECT_SWAPPED);
}
