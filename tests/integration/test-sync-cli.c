/* test-sync-cli.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `jiayi sync` against the real FHIR server, configured the way a
 * workstation is: from the user's Preferences (GSettings, here the
 * keyfile backend in a scratch XDG_CONFIG_HOME), with --server and the
 * environment overriding them.
 */

#include "config.h"

#include <locale.h>

#include "test-sync-util.h"
#include "test-util.h"

static char *base_url;

typedef struct
{
  char    *tmpdir;
  char    *config;   /* XDG_CONFIG_HOME of the child */
  char    *db;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = NULL;
  g_autofree char *uuid = NULL;

  if (base_url == NULL)
    {
      g_test_skip ("no FHIR server (node or tests/integration/node_modules missing)");
      return;
    }
  fx->tmpdir = g_dir_make_tmp ("jiayi-sync-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fx->config = g_build_filename (fx->tmpdir, "config", NULL);
  fx->db = g_build_filename (fx->tmpdir, "a.db", NULL);
  store = jy_test_workstation_new (fx->db);
  uuid = jy_test_add_resident (store, "测试设置", "1960-04-05");
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  if (fx->tmpdir != NULL)
    jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->config);
  g_free (fx->db);
}

/* What Preferences would have saved (GVariant text per key). */
static void
write_preferences (Fixture    *fx,
                   const char *platform_url,
                   const char *ca_file)
{
  g_autofree char *dir = g_build_filename (fx->config, "glib-2.0", "settings", NULL);
  g_autofree char *path = g_build_filename (dir, "keyfile", NULL);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *quoted_url = g_strdup_printf ("'%s'", platform_url);
  g_autofree char *quoted_ca = g_strdup_printf ("'%s'", ca_file != NULL ? ca_file : "");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_key_file_set_string (keyfile, "org/jiayi/Jiayi", "platform-url", quoted_url);
  g_key_file_set_string (keyfile, "org/jiayi/Jiayi", "sync-ca-file", quoted_ca);
  g_key_file_set_string (keyfile, "org/jiayi/Jiayi", "sync-timeout", "5");
  g_key_file_set_string (keyfile, "org/jiayi/Jiayi", "sync-auth-mode", "'none'");
  g_key_file_save_to_file (keyfile, path, &error);
  g_assert_no_error (error);
}

/* Runs `jiayi sync --db … ARGS`; its exit status, with stdout and stderr. */
static int
run_sync (Fixture     *fx,
          char       **out,
          char       **err,
          const char  *first_arg,
          ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", g_getenv ("JIAYI_SCHEMA_DIR"), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", fx->config, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "JIAYI_PLATFORM_URL");
  g_subprocess_launcher_unsetenv (launcher, "JIAYI_SYNC_TOKEN");
  g_ptr_array_add (argv, (gpointer)g_getenv ("JIAYI_BINARY"));
  g_ptr_array_add (argv, (gpointer)"sync");
  g_ptr_array_add (argv, (gpointer)"--db");
  g_ptr_array_add (argv, fx->db);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_uses_the_preferences (Fixture       *fx,
                           gconstpointer  user_data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JyStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (base_url == NULL)
    return;
  write_preferences (fx, base_url, NULL);
  g_assert_cmpint (run_sync (fx, &out, &err, NULL), ==, 0);
  /* The resident and the centre's Organization. */
  g_assert_nonnull (strstr (out, "Sent 2, received"));

  store = jy_store_open (fx->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (store, "SELECT count(*) FROM outbox WHERE state <> 'done'"), ==, 0);
}

static void
test_server_option_overrides_the_preferences (Fixture       *fx,
                                              gconstpointer  user_data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;

  if (base_url == NULL)
    return;
  /* Preferences name a port where nobody listens. */
  write_preferences (fx, "http://127.0.0.1:9/fhir", NULL);
  g_assert_cmpint (run_sync (fx, &out, &err, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "cannot be reached"));
  g_assert_cmpint (run_sync (fx, &out2, &err2, "--server", base_url, NULL), ==, 0);
  g_assert_nonnull (strstr (out2, "Sent 2, received"));
}

/* A CA file in Preferences is used: a missing one is an error, not a
 * silent fall back to the system's CAs; --ca-file replaces it. */
static void
test_ca_file_from_the_preferences (Fixture       *fx,
                                   gconstpointer  user_data)
{
  g_autofree char *missing = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (base_url == NULL)
    return;
  missing = g_build_filename (fx->tmpdir, "no-such-ca.pem", NULL);
  write_preferences (fx, base_url, missing);
  g_assert_cmpint (run_sync (fx, &out, &err, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no-such-ca.pem"));
  g_assert_null (strstr (out, "Sent"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GSubprocess) server = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

  server = jy_test_start_fhir_server ("true", &base_url);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/integration/sync-cli/jiayi sync uses the Preferences", test_uses_the_preferences);
  ADD ("/integration/sync-cli/--server overrides the Preferences", test_server_option_overrides_the_preferences);
  ADD ("/integration/sync-cli/the CA file of the Preferences is used", test_ca_file_from_the_preferences);
#undef ADD

  status = g_test_run ();
  if (server != NULL)
    g_subprocess_force_exit (server);
  g_free (base_url);
  return status;
}
