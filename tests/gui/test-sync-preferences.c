/* test-sync-preferences.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences → Sync: bad input is said next to the field and not saved;
 * the connection test runs off the main loop against a self-signed TLS
 * server, refused without its CA file and accepted with it; the sign-in
 * secret stays out of GSettings.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jy-application.h"
#include "jy-preferences-window.h"
#include "jy-sync-preferences-page.h"
#include "test-gui-util.h"
#include "test-sync-util.h"
#include "test-util.h"

typedef struct
{
  char                  *tmpdir;
  JyTestTlsServer       *server;
  GSettings             *settings;
  JyPreferencesWindow   *window;
  JySyncPreferencesPage *page;
  guint                  tested;
  gboolean               connected;
  guint                  saved;
} Fixture;

static const char *const keys[] = { "platform-url", "sync-ca-file", "sync-auth-mode", "sync-token-url",
                                    "sync-client-id", "sync-username", "sync-timeout", "sync-interval" };

static void
tested_cb (JySyncPreferencesPage *page,
           gboolean               connected,
           Fixture               *fx)
{
  fx->connected = connected;
  fx->tested++;
}

static void
saved_cb (JySyncPreferencesPage *page,
          Fixture               *fx)
{
  fx->saved++;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-gui-sync-prefs-XXXXXX", &error);
  g_assert_no_error (error);
  fx->server = jy_test_tls_server_new (fx->tmpdir);
  fx->settings = g_settings_new (APPLICATION_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fx->settings, keys[i]);
  fx->window = g_object_ref_sink (jy_preferences_window_new (NULL, fx->settings, NULL));
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 720, 900);
  fx->page = JY_SYNC_PREFERENCES_PAGE (jy_test_find_by_type (GTK_WIDGET (fx->window), JY_TYPE_SYNC_PREFERENCES_PAGE));
  g_assert_nonnull (fx->page);
  g_signal_connect (fx->page, "test-finished", G_CALLBACK (tested_cb), fx);
  g_signal_connect (fx->page, "auth-saved", G_CALLBACK (saved_cb), fx);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (fx->window), ADW_PREFERENCES_PAGE (fx->page));
  gtk_window_present (GTK_WINDOW (fx->window));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->window));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fx->settings, keys[i]);
  g_clear_object (&fx->settings);
  jy_test_tls_server_free (fx->server);
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
}

static GtkWidget *
child (Fixture    *fx,
       const char *id)
{
  GtkWidget *widget = jy_test_find_by_id (GTK_WIDGET (fx->page), id);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
row_title (Fixture    *fx,
           const char *id)
{
  GtkWidget *row = child (fx, id);

  return gtk_widget_get_visible (row) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static void
test_bad_input_said_next_to_field (Fixture       *fx,
                                   gconstpointer  user_data)
{
  g_autofree char *missing = g_build_filename (fx->tmpdir, "gone.pem", NULL);
  g_autofree char *not_pem = g_build_filename (fx->tmpdir, "notes.txt", NULL);
  g_autofree char *url = NULL;

  gtk_editable_set_text (GTK_EDITABLE (child (fx, "platform_url_row")), "http://fhir.example.gov.cn/fhir");
  g_signal_emit_by_name (child (fx, "platform_url_row"), "apply");
  g_assert_cmpstr (row_title (fx, "url_message_row"), ==,
                   "请输入以 https:// 开头的地址，例如 https://fhir.example.gov.cn/fhir");
  url = g_settings_get_string (fx->settings, "platform-url");
  g_assert_cmpstr (url, ==, "");

  g_assert_false (jy_sync_preferences_page_set_ca_file (fx->page, missing));
  g_assert_cmpstr (row_title (fx, "ca_message_row"), ==, "找不到 CA 文件：请重新选择，或清除此项");
  g_assert_true (g_file_set_contents (not_pem, "not a certificate\n", -1, NULL));
  g_assert_false (jy_sync_preferences_page_set_ca_file (fx->page, not_pem));
  g_assert_cmpstr (row_title (fx, "ca_message_row"), ==, "此文件中没有证书（需要 PEM 文件）");
  g_clear_pointer (&url, g_free);
  url = g_settings_get_string (fx->settings, "sync-ca-file");
  g_assert_cmpstr (url, ==, "");

  /* Password grant without a user name. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (fx, "auth_mode_row")), 2);
  gtk_editable_set_text (GTK_EDITABLE (child (fx, "token_url_row")), fx->server->token_url);
  gtk_editable_set_text (GTK_EDITABLE (child (fx, "client_id_row")), "centre-350299001");
  g_signal_emit_by_name (child (fx, "auth_save_button"), "clicked");
  g_assert_cmpstr (row_title (fx, "auth_message_row"), ==, "请输入平台用户名");
  g_clear_pointer (&url, g_free);
  url = g_settings_get_string (fx->settings, "sync-auth-mode");
  g_assert_cmpstr (url, ==, "none");
}

static void
test_connection_needs_the_ca_file (Fixture       *fx,
                                   gconstpointer  user_data)
{
  AdwActionRow *test_row = ADW_ACTION_ROW (child (fx, "test_row"));
  g_autofree char *url = NULL;

  gtk_editable_set_text (GTK_EDITABLE (child (fx, "platform_url_row")), fx->server->base_url);
  g_signal_emit_by_name (child (fx, "platform_url_row"), "apply");
  url = g_settings_get_string (fx->settings, "platform-url");
  g_assert_cmpstr (url, ==, fx->server->base_url);

  /* Self-signed, no CA file: refused, said in words; the window kept drawing. */
  g_signal_emit_by_name (child (fx, "test_button"), "clicked");
  g_assert_false (gtk_widget_get_sensitive (child (fx, "test_button")));
  jy_test_iterate_until (&fx->tested, 1);
  g_assert_false (fx->connected);
  g_assert_cmpstr (adw_action_row_get_subtitle (test_row), ==,
                   "平台的证书不受信任。如果您所在城市使用自己的证书颁发机构，请在首选项中选择其 CA 文件（或使用 --ca-file）。");
  g_assert_cmpuint (fx->server->metadata_requests, ==, 0);

  /* With the CA file: connected. */
  g_assert_true (jy_sync_preferences_page_set_ca_file (fx->page, fx->server->ca_file));
  g_assert_null (row_title (fx, "ca_message_row"));
  g_signal_emit_by_name (child (fx, "test_button"), "clicked");
  jy_test_iterate_until (&fx->tested, 2);
  g_assert_true (fx->connected);
  g_assert_cmpstr (adw_action_row_get_subtitle (test_row), ==, "已连接：Test FHIR 1.0 · FHIR 4.0.1");

  /* Client credentials: the secret is saved outside GSettings and used. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (fx, "auth_mode_row")), 1);
  gtk_editable_set_text (GTK_EDITABLE (child (fx, "token_url_row")), fx->server->token_url);
  gtk_editable_set_text (GTK_EDITABLE (child (fx, "client_id_row")), "centre-350299001");
  gtk_editable_set_text (GTK_EDITABLE (child (fx, "secret_row")), "s3cret-虚构");
  g_signal_emit_by_name (child (fx, "auth_save_button"), "clicked");
  jy_test_iterate_until (&fx->saved, 1);
  g_assert_cmpstr (row_title (fx, "auth_message_row"), ==, "已保存；没有可用的密钥环，密钥仅保留到家医关闭为止");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fx, "secret_row"))), ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (fx->settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, FALSE);

      g_assert_null (strstr (printed, "s3cret"));
    }
  g_signal_emit_by_name (child (fx, "test_button"), "clicked");
  jy_test_iterate_until (&fx->tested, 3);
  g_assert_true (fx->connected);
  g_assert_cmpstr (fx->server->last_authorization, ==, "Bearer tok-123");
  g_assert_nonnull (strstr (fx->server->last_token_form, "client_secret=s3cret-"));
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "sync-preferences");
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

  g_test_add ("/gui/sync-preferences/bad input said next to the field", Fixture, NULL,
              fixture_setup, test_bad_input_said_next_to_field, fixture_teardown);
  g_test_add ("/gui/sync-preferences/connection needs the CA file", Fixture, NULL,
              fixture_setup, test_connection_needs_the_ca_file, fixture_teardown);
  return g_test_run ();
}
