/* test-sync-settings.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workstation's sync settings: the connection test reads the
 * CapabilityStatement over verified TLS (a self-signed server is refused
 * unless its CA file is given), the secret never goes to GSettings, and
 * the stored secret reaches the token request.
 */

#include "config.h"

#include <string.h>

#include "jy-sync-settings.h"
#include "test-sync-util.h"
#include "test-util.h"

typedef struct
{
  char            *tmpdir;
  JyTestTlsServer *server;
  GSettings       *settings;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-sync-settings-XXXXXX", &error);
  g_assert_no_error (error);
  fx->server = jy_test_tls_server_new (fx->tmpdir);
  fx->settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (fx->settings, "platform-url", fx->server->base_url);
  g_settings_set_uint (fx->settings, "sync-timeout", 10);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  static const char *const keys[] = { "platform-url", "sync-ca-file", "sync-auth-mode", "sync-token-url",
                                      "sync-client-id", "sync-username", "sync-timeout" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fx->settings, keys[i]);
  g_clear_object (&fx->settings);
  jy_test_tls_server_free (fx->server);
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
}

typedef struct
{
  JySyncSettings *settings;
  char           *text;
  GError         *error;
  guint           done;
} Probe;

static gpointer
probe_thread (gpointer data)
{
  Probe *probe = data;

  probe->text = jy_sync_test_connection (probe->settings, NULL, &probe->error);
  g_atomic_int_set (&probe->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* The server answers on this thread's main context: probe from another. */
static char *
probe (Fixture  *fx,
       GError  **error)
{
  g_autoptr(JySyncSettings) settings = jy_sync_settings_read (fx->settings);
  Probe p = { settings, NULL, NULL, 0 };
  GThread *thread = g_thread_new ("probe", probe_thread, &p);

  while (!g_atomic_int_get (&p.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  if (p.error != NULL)
    g_propagate_error (error, p.error);
  return p.text;
}

static void
test_self_signed_refused (Fixture       *fx,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = probe (fx, &error);

  g_assert_null (text);
  g_assert_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_CERTIFICATE);
  g_assert_cmpuint (fx->server->metadata_requests, ==, 0);
}

static void
test_ca_file_accepted (Fixture       *fx,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_settings_set_string (fx->settings, "sync-ca-file", fx->server->ca_file);
  text = probe (fx, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Test FHIR 1.0 · FHIR 4.0.1");
  g_assert_cmpuint (fx->server->metadata_requests, ==, 1);
  g_assert_null (fx->server->last_authorization);
}

static void
test_missing_ca_file_refused (Fixture       *fx,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fx->tmpdir, "gone.pem", NULL);
  g_autofree char *text = NULL;

  g_settings_set_string (fx->settings, "sync-ca-file", missing);
  text = probe (fx, &error);
  g_assert_null (text);
  g_assert_nonnull (error);
  g_assert_cmpuint (fx->server->metadata_requests, ==, 0);
}

/* The secret goes to the keyring or memory, never to GSettings, and is
 * what the token request sends. */
static void
test_secret_reaches_token_request (Fixture       *fx,
                                   gconstpointer  user_data)
{
  static const char secret[] = "s3cret-虚构";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  gboolean in_keyring = TRUE;

  g_settings_set_string (fx->settings, "sync-ca-file", fx->server->ca_file);
  g_settings_set_string (fx->settings, "sync-auth-mode", "client-credentials");
  g_settings_set_string (fx->settings, "sync-token-url", fx->server->token_url);
  g_settings_set_string (fx->settings, "sync-client-id", "centre-350299001");
  g_assert_true (jy_sync_secret_store (JY_SYNC_AUTH_MODE_CLIENT_CREDENTIALS, fx->server->token_url,
                                       "centre-350299001", secret, &in_keyring, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (in_keyring);   /* JIAYI_NO_KEYRING: memory */

  text = probe (fx, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_cmpstr (fx->server->last_authorization, ==, "Bearer tok-123");
  g_assert_nonnull (strstr (fx->server->last_token_form, "grant_type=client_credentials"));
  g_assert_nonnull (strstr (fx->server->last_token_form, "client_secret=s3cret-"));

  g_object_get (fx->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (fx->settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, FALSE);

      g_assert_null (strstr (printed, "s3cret"));
    }

  /* An empty secret forgets it. */
  g_assert_true (jy_sync_secret_store (JY_SYNC_AUTH_MODE_CLIENT_CREDENTIALS, fx->server->token_url,
                                       "centre-350299001", "", &in_keyring, NULL, &error));
  {
    g_autoptr(JySyncSettings) settings = jy_sync_settings_read (fx->settings);

    jy_sync_secret_lookup (settings, NULL);
    g_assert_null (settings->secret);
  }
}

static void
test_auth_mode_names (void)
{
  g_assert_cmpint (jy_sync_auth_mode_from_string ("password"), ==, JY_SYNC_AUTH_MODE_PASSWORD);
  g_assert_cmpint (jy_sync_auth_mode_from_string ("client-credentials"), ==, JY_SYNC_AUTH_MODE_CLIENT_CREDENTIALS);
  g_assert_cmpint (jy_sync_auth_mode_from_string ("bogus"), ==, JY_SYNC_AUTH_MODE_NONE);
  g_assert_cmpstr (jy_sync_auth_mode_to_string (JY_SYNC_AUTH_MODE_PASSWORD), ==, "password");
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("JIAYI_NO_KEYRING", "1", TRUE);
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sync-settings/tls/self-signed server refused without the CA file", test_self_signed_refused);
  ADD ("/sync-settings/tls/self-signed server accepted with its CA file", test_ca_file_accepted);
  ADD ("/sync-settings/tls/missing CA file refused", test_missing_ca_file_refused);
  ADD ("/sync-settings/secret/kept out of GSettings and sent to the token URL", test_secret_reaches_token_request);
#undef ADD
  g_test_add_func ("/sync-settings/auth/mode names", test_auth_mode_names);
  return g_test_run ();
}
