/* test-sync-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Sync page shows what waits for the platform and runs a sync off the
 * UI thread: with the platform down, the window keeps drawing, the user
 * is told in words, and nothing queued is lost.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "jy-application.h"
#include "jy-centre-store.h"
#include "jy-sync-page.h"
#include "jy-sync-settings.h"
#include "test-gui-util.h"
#include "test-sync-util.h"
#include "test-util.h"

typedef struct
{
  char       *tmpdir;
  JyStore    *store;
  GSettings  *settings;
  GtkWindow  *window;
  JySyncPage *page;
  char       *toast;
  guint       finished;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JyCentreIdentity centre = { .name = (char *)"测试社区卫生服务中心", .code = (char *)"350299001" };

  fx->tmpdir = g_dir_make_tmp ("jiayi-gui-sync-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  fx->store = jy_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, jy_centre_store_save, &centre, NULL, &error) == JY_STORE_DONE);

  fx->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fx->settings, "platform-url");
  g_settings_set_uint (fx->settings, "sync-interval", 0);
  fx->window = GTK_WINDOW (g_object_ref_sink (gtk_window_new ()));
  fx->page = g_object_new (JY_TYPE_SYNC_PAGE, NULL);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->page));
  jy_sync_page_set_settings (fx->page, fx->settings);
  jy_sync_page_set_store (fx->page, fx->store);
  gtk_window_present (fx->window);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  gtk_window_destroy (fx->window);
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->window));
  g_settings_reset (fx->settings, "platform-url");
  g_clear_object (&fx->settings);
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->store));
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->toast);
}

static gboolean
row_has_subtitle (gpointer data)
{
  AdwActionRow *row = data;
  const char *subtitle = adw_action_row_get_subtitle (row);

  return subtitle != NULL && subtitle[0] != '\0';
}

static void
toast_cb (JySyncPage *page,
          const char *text,
          Fixture    *fx)
{
  g_free (fx->toast);
  fx->toast = g_strdup (text);
}

static void
finished_cb (JySyncPage *page,
             Fixture    *fx)
{
  fx->finished++;
}

static void
test_shows_waiting_records (Fixture       *fx,
                            gconstpointer  user_data)
{
  AdwActionRow *last = ADW_ACTION_ROW (jy_test_find_by_id (GTK_WIDGET (fx->page), "last_success_row"));
  AdwActionRow *pending = ADW_ACTION_ROW (jy_test_find_by_id (GTK_WIDGET (fx->page), "pending_row"));

  jy_test_iterate_until_true (row_has_subtitle, pending);
  /* The centre itself waits to be sent; nothing was ever synced. */
  g_assert_cmpstr (adw_action_row_get_subtitle (pending), ==, "1 条");
  g_assert_cmpstr (adw_action_row_get_subtitle (last), ==, "从未同步");
  /* Without a platform there is nothing to sync with. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fx->page), "sync.now", NULL) &&
                  jy_sync_page_is_syncing (fx->page));
}

static void
test_unreachable_platform_is_reported (Fixture       *fx,
                                       gconstpointer  user_data)
{
  AdwActionRow *pending = ADW_ACTION_ROW (jy_test_find_by_id (GTK_WIDGET (fx->page), "pending_row"));

  g_signal_connect (fx->page, "add-toast", G_CALLBACK (toast_cb), fx);
  g_signal_connect (fx->page, "sync-finished", G_CALLBACK (finished_cb), fx);
  /* Port 9 on loopback: nothing listens. */
  g_settings_set_string (fx->settings, "platform-url", "http://127.0.0.1:9/fhir");
  jy_test_iterate_until_true (row_has_subtitle, pending);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->page), "sync.now", NULL));
  g_assert_true (jy_sync_page_is_syncing (fx->page));
  jy_test_iterate_until (&fx->finished, 1);
  g_assert_false (jy_sync_page_is_syncing (fx->page));
  g_assert_nonnull (fx->toast);
  g_assert_cmpstr (fx->toast, ==, "无法连接平台。请检查网络和平台地址，然后重试。");
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "sync-page");
}

/* A run uses Preferences → Sync: the CA file, and the sign-in with the
 * secret from the keyring (here memory), read off the main loop. */
static const char *const sync_keys[] = {
  "sync-ca-file", "sync-auth-mode", "sync-token-url", "sync-client-id", "sync-username",
};

static void
test_run_uses_sync_settings (Fixture       *fx,
                             gconstpointer  user_data)
{
  JyTestTlsServer *server = jy_test_tls_server_new (fx->tmpdir);
  g_autoptr(GError) error = NULL;
  gboolean in_keyring = TRUE;

  g_signal_connect (fx->page, "sync-finished", G_CALLBACK (finished_cb), fx);
  g_settings_set_string (fx->settings, "sync-ca-file", server->ca_file);
  g_settings_set_string (fx->settings, "sync-auth-mode", "password");
  g_settings_set_string (fx->settings, "sync-token-url", server->token_url);
  g_settings_set_string (fx->settings, "sync-client-id", "jiayi-desktop");
  g_settings_set_string (fx->settings, "sync-username", "centre-350299001");
  g_assert_true (jy_sync_secret_store (JY_SYNC_AUTH_MODE_PASSWORD, server->token_url, "centre-350299001",
                                       "pa55-虚构", &in_keyring, NULL, &error));
  g_assert_no_error (error);
  g_settings_set_string (fx->settings, "platform-url", server->base_url);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->page), "sync.now", NULL));
  g_assert_true (jy_sync_page_is_syncing (fx->page));
  jy_test_iterate_until (&fx->finished, 1);
  /* Trusted through the CA file, signed in with the stored password. */
  g_assert_cmpuint (server->metadata_requests, >=, 1);
  g_assert_cmpstr (server->last_authorization, ==, "Bearer tok-123");
  g_assert_nonnull (strstr (server->last_token_form, "grant_type=password"));
  g_assert_nonnull (strstr (server->last_token_form, "username=centre-350299001"));

  for (guint i = 0; i < G_N_ELEMENTS (sync_keys); i++)
    g_settings_reset (fx->settings, sync_keys[i]);
  jy_test_tls_server_free (server);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("JIAYI_NO_KEYRING", "1", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JIAYI_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  jy_gui_init ();
  jy_test_quiet_debug ();

  g_test_add ("/gui/sync-page/run-uses-sync-settings", Fixture, NULL,
              fixture_setup, test_run_uses_sync_settings, fixture_teardown);
  g_test_add ("/gui/sync-page/shows-waiting-records", Fixture, NULL,
              fixture_setup, test_shows_waiting_records, fixture_teardown);
  g_test_add ("/gui/sync-page/unreachable-platform-reported", Fixture, NULL,
              fixture_setup, test_unreachable_platform_is_reported, fixture_teardown);

  return g_test_run ();
}
