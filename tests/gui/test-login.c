/* test-login.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jy-account-store.h"
#include "jy-application.h"
#include "jy-centre-store.h"
#include "jy-generator.h"
#include "jy-login-view.h"
#include "jy-window.h"
#include "test-gui-util.h"
#include "test-util.h"

/* Signing in, the lock screen and the demo's account switch, driven
 * through the real window's widgets. */

#define ADMIN_PASSWORD "Root-key-2026"

typedef struct
{
  char      *tmpdir;
  JyStore   *store;
  GSettings *settings;
  JyWindow  *window;
} Fixture;

static gpointer
first_admin_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  JyAccountSpec spec = { (char *)"admin", (char *)"测试管理员", JY_ROLE_ADMIN, 0, (char *)ADMIN_PASSWORD };

  return jy_account_store_create_first_admin (db, &spec, NULL, NULL, error);
}

static gpointer
demo_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  JyGeneratorOptions options = { .n_residents = 200, .seed = 3 };

  if (!jy_generator_run (db, &options, NULL, NULL, error) || !jy_account_store_setup_demo (db, error))
    return NULL;
  return jy_account_store_demo_switch (db, JY_ROLE_DOCTOR, error);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean demo = GPOINTER_TO_INT (user_data);
  g_autoptr(JyActor) session = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-login-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  fx->store = jy_store_open (path, &error);
  g_assert_no_error (error);

  if (demo)
    session = jy_store_write (fx->store, demo_func, NULL, NULL, &error);
  else
    {
      JyCentreIdentity centre = { .name = (char *)"测试中心", .code = (char *)"350299001" };
      g_autoptr(JyActor) admin = NULL;

      g_assert_true (jy_store_write (fx->store, jy_centre_store_save, &centre, NULL, &error) == JY_STORE_DONE);
      admin = jy_store_write (fx->store, first_admin_func, NULL, NULL, &error);
      session = jy_actor_new_nobody ();
    }
  g_assert_no_error (error);
  jy_store_set_session (fx->store, session);

  fx->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fx->settings, "last-login");
  fx->window = g_object_ref_sink (jy_window_new (NULL, fx->settings));
  gtk_window_present (GTK_WINDOW (fx->window));
  jy_window_set_demo (fx->window, demo);
  jy_window_set_store (fx->window, fx->store);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->window));
  g_clear_object (&fx->settings);
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->store));
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
}

static GtkWidget *
child (Fixture    *fx,
       const char *id)
{
  GtkWidget *widget = jy_test_find_by_id (GTK_WIDGET (fx->window), id);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
mode_is (gpointer data)
{
  void **args = data;

  return g_strcmp0 (jy_login_view_get_mode (args[0]), args[1]) == 0;
}

static void
wait_mode (Fixture    *fx,
           const char *mode)
{
  gpointer args[] = { jy_window_get_login_view (fx->window), (gpointer)mode };

  jy_test_iterate_until_true (mode_is, args);
}

static gboolean
message_shown (gpointer data)
{
  return gtk_widget_get_visible (data) && gtk_label_get_label (data)[0] != '\0';
}

static gboolean
unlocked (gpointer data)
{
  return !jy_window_is_locked (data);
}

static JyRole
session_role (Fixture *fx)
{
  g_autoptr(JyActor) session = jy_store_dup_session (fx->store);

  return jy_actor_get_role (session);
}

static void
type_and_submit (Fixture    *fx,
                 const char *row,
                 const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (fx, row)), text);
  g_signal_emit_by_name (child (fx, "submit_button"), "clicked");
}

static void
test_wrong_then_right (Fixture       *fx,
                       gconstpointer  user_data)
{
  GtkWidget *message = child (fx, "message_label");

  wait_mode (fx, "sign-in");
  g_assert_true (jy_window_is_locked (fx->window));
  g_assert_cmpint (session_role (fx), ==, JY_ROLE_NONE);
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "sign-in");

  gtk_editable_set_text (GTK_EDITABLE (child (fx, "login_row")), "admin");
  type_and_submit (fx, "password_row", "Root-key-2027");
  jy_test_iterate_until_true (message_shown, message);
  /* Said plainly, and nobody got in. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (message)), ==, "登录名或密码错误。");
  g_assert_true (jy_window_is_locked (fx->window));
  g_assert_cmpint (session_role (fx), ==, JY_ROLE_NONE);
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "sign-in-wrong");

  type_and_submit (fx, "password_row", ADMIN_PASSWORD);
  jy_test_iterate_until_true (unlocked, fx->window);
  g_assert_cmpint (session_role (fx), ==, JY_ROLE_ADMIN);
  /* The administrator's pages are there for the administrator. */
  g_assert_true (gtk_widget_get_visible (child (fx, "accounts_row")));
  g_assert_true (gtk_widget_get_visible (child (fx, "audit_row")));
  g_assert_cmpint (jy_test_query_int64 (jy_store_get_path (fx->store),
                                        "SELECT count(*) FROM audit_log WHERE action = 'login-failed'"), ==, 1);
}

static void
test_lock_and_unlock (Fixture       *fx,
                      gconstpointer  user_data)
{
  wait_mode (fx, "sign-in");
  gtk_editable_set_text (GTK_EDITABLE (child (fx, "login_row")), "admin");
  type_and_submit (fx, "password_row", ADMIN_PASSWORD);
  jy_test_iterate_until_true (unlocked, fx->window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.lock", NULL));
  g_assert_true (jy_window_is_locked (fx->window));
  g_assert_cmpstr (jy_login_view_get_mode (JY_LOGIN_VIEW (jy_window_get_login_view (fx->window))), ==, "unlock");
  /* Nothing of the records is on screen while locked. */
  g_assert_false (gtk_widget_get_mapped (child (fx, "residents_page")));
  g_assert_false (gtk_widget_get_mapped (child (fx, "today_page")));
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "locked");

  type_and_submit (fx, "unlock_row", ADMIN_PASSWORD);
  jy_test_iterate_until_true (unlocked, fx->window);
  g_assert_cmpint (session_role (fx), ==, JY_ROLE_ADMIN);
}

static gboolean
role_is (gpointer data)
{
  void **args = data;

  return (int)session_role (args[0]) == GPOINTER_TO_INT (args[1]);
}

static void
switch_to (Fixture    *fx,
           const char *role_code,
           JyRole      role)
{
  gpointer args[] = { fx, GINT_TO_POINTER (role) };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.demo-switch", "s", role_code));
  jy_test_iterate_until_true (role_is, args);
}

static void
test_demo_switch (Fixture       *fx,
                  gconstpointer  user_data)
{
  GtkWidget *residents = child (fx, "residents_page");

  /* The demo opens as its doctor, with a visible way to the other roles. */
  g_assert_false (jy_window_is_locked (fx->window));
  g_assert_cmpint (session_role (fx), ==, JY_ROLE_DOCTOR);
  g_assert_true (gtk_widget_get_visible (child (fx, "demo_switch_button")));
  g_assert_false (gtk_widget_get_visible (child (fx, "accounts_row")));

  /* A button bound to a disabled action is insensitive. */
  switch_to (fx, "nurse", JY_ROLE_NURSE);
  g_assert_true (gtk_widget_get_sensitive (jy_test_find_by_id (residents, "new_button")));
  g_assert_false (gtk_widget_get_sensitive (jy_test_find_by_id (residents, "import_button")));
  g_assert_false (gtk_widget_get_sensitive (jy_test_find_by_id (residents, "export_button")));

  switch_to (fx, "manager", JY_ROLE_MANAGER);
  g_assert_false (gtk_widget_get_sensitive (jy_test_find_by_id (residents, "new_button")));
  g_assert_true (gtk_widget_get_sensitive (jy_test_find_by_id (residents, "export_button")));
  g_assert_false (gtk_widget_get_visible (child (fx, "accounts_row")));

  switch_to (fx, "admin", JY_ROLE_ADMIN);
  g_assert_true (gtk_widget_get_visible (child (fx, "accounts_row")));
  jy_window_show_page (fx->window, "accounts");
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "demo-admin-accounts");

  /* Back to the doctor: the administrators' page goes away with the role. */
  switch_to (fx, "doctor", JY_ROLE_DOCTOR);
  g_assert_false (gtk_widget_get_visible (child (fx, "accounts_row")));
  g_assert_cmpstr (jy_window_get_visible_page (fx->window), ==, "today");
  g_assert_cmpint (jy_test_query_int64 (jy_store_get_path (fx->store),
                                        "SELECT count(*) FROM audit_log WHERE action = 'demo-switch'"), ==, 5);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("JIAYI_LOCALEDIR");

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  jy_gui_init ();
  /* No window manager gives focus back and forth here. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  jy_test_quiet_debug ();

  g_test_add ("/gui/login/wrong-then-right-password", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_wrong_then_right, fixture_teardown);
  g_test_add ("/gui/login/ctrl-l-locks-hides-records-password-unlocks", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_lock_and_unlock, fixture_teardown);
  g_test_add ("/gui/login/demo-opens-as-doctor-and-switches-roles", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_demo_switch, fixture_teardown);

  return g_test_run ();
}
