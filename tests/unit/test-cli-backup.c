/* test-cli-backup.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "jy-account-store.h"
#include "jy-backup.h"
#include "test-store-fixture.h"
#include "test-util.h"

/* `jiayi backup`, `jiayi restore` and `jiayi accounts` as a script or an
 * administrator without a display runs them: the built executable. */

#define ID_A "11010519491231002X"
#define ID_B "440304199003075417"

/* The fixture's store is closed first: the executable has the file. */
static void
setup (JyTestCentre  *fx,
       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = NULL;

  jy_test_centre_setup (fx, user_data);
  r = jy_test_make_resident ("王小燕", ID_A);
  jy_test_insert_resident (fx, r, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&fx->store));
}

static void
teardown (JyTestCentre  *fx,
          gconstpointer  user_data)
{
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
}

/* Runs jiayi in English with @input on stdin; returns the exit status. */
static int
run_jiayi (const char *const  *args,
           const char         *input,
           char              **out_stdout)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *err = NULL;
  const char *binary = g_getenv ("JIAYI_BINARY");

  if (binary == NULL)
    binary = g_test_get_filename (G_TEST_BUILT, "..", "..", "src", "gui", "jiayi", NULL);
  g_ptr_array_add (argv, (gpointer)binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input, NULL, out_stdout, &err, &error));
  g_assert_no_error (error);
  g_test_message ("stdout: %s", *out_stdout);
  g_test_message ("stderr: %s", err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
add_resident (JyTestCentre *fx,
              const char   *name,
              const char   *id_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_test_make_resident (name, id_number);

  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  jy_test_insert_resident (fx, r, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&fx->store));
}

static void
test_round_trip (JyTestCentre  *fx,
                 gconstpointer  user_data)
{
  g_autofree char *out = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *backup = g_build_filename (fx->tmpdir, "copy.db", NULL);
  const char *backup_args[] = { "backup", "--db", fx->path, backup, NULL };
  const char *restore_args[] = { "restore", "--db", fx->path, backup, NULL };
  GStatBuf st;

  g_assert_cmpint (run_jiayi (backup_args, NULL, &out), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Backed up to "));
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  add_resident (fx, "李娜", ID_B);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM resident"), ==, 2);

  g_assert_cmpint (run_jiayi (restore_args, NULL, &restored), ==, 0);
  g_assert_true (g_str_has_prefix (restored, "Restored "));
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM resident"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE action = 'restore'"), ==, 1);
}

static void
test_corrupt_refused (JyTestCentre  *fx,
                      gconstpointer  user_data)
{
  g_autofree char *out = NULL;
  g_autofree char *bad = g_build_filename (fx->tmpdir, "bad.db", NULL);
  const char *restore_args[] = { "restore", "--db", fx->path, bad, NULL };
  char garbage[4096];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char)(i * 5 + 1);
  g_assert_true (g_file_set_contents (bad, garbage, sizeof garbage, NULL));

  g_assert_cmpint (run_jiayi (restore_args, NULL, &out), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM resident WHERE name = '王小燕'"), ==, 1);
}

static void
test_folder_rotates (JyTestCentre  *fx,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (fx->tmpdir, "nightly", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  const char *args[] = { "backup", "--db", fx->path, "--keep", "2", dir, NULL };

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *out = NULL;

      g_assert_cmpint (run_jiayi (args, NULL, &out), ==, 0);
    }
  backups = jy_backup_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 2);
}

static void
test_accounts (JyTestCentre  *fx,
               gconstpointer  user_data)
{
  g_autofree char *weak = NULL;
  g_autofree char *created = NULL;
  g_autofree char *list = NULL;
  g_autofree char *reset = NULL;
  g_autofree char *hash = NULL;
  const char *create[] = { "accounts", "--db", fx->path, "create-admin", "boss", "院长", NULL };
  const char *list_args[] = { "accounts", "--db", fx->path, "list", NULL };
  const char *reset_args[] = { "accounts", "--db", fx->path, "reset-password", "boss", NULL };

  /* The policy holds here too. */
  g_assert_cmpint (run_jiayi (create, "12345678\n", &weak), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM staff"), ==, 0);

  g_assert_cmpint (run_jiayi (create, "Night-shift-4\n", &created), ==, 0);
  g_assert_cmpstr (created, ==, "Created the administrator boss\n");
  hash = jy_test_query_text (fx->path, "SELECT password_hash FROM staff WHERE login = 'boss'");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));

  g_assert_cmpint (run_jiayi (list_args, NULL, &list), ==, 0);
  g_assert_nonnull (strstr (list, "boss"));
  g_assert_nonnull (strstr (list, "admin"));
  g_assert_null (strstr (list, "院长"));

  /* The way back in for a locked-out administrator. */
  fx->store = jy_store_open (fx->path, NULL);
  g_assert_finalize_object (g_steal_pointer (&fx->store));
  g_assert_cmpint (run_jiayi (reset_args, "Morning-shift-5\n", &reset), ==, 0);
  g_assert_cmpint (jy_test_count (fx, "SELECT must_change_password FROM staff WHERE login = 'boss'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE action = 'password-reset'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add ("/cli/backup/backup-then-restore-round-trip", JyTestCentre, NULL, setup, test_round_trip, teardown);
  g_test_add ("/cli/backup/restore-of-corrupt-file-refused", JyTestCentre, NULL, setup, test_corrupt_refused, teardown);
  g_test_add ("/cli/backup/into-a-folder-keeps-the-newest", JyTestCentre, NULL, setup, test_folder_rotates, teardown);
  g_test_add ("/cli/accounts/create-admin-list-reset-password", JyTestCentre, NULL, setup, test_accounts, teardown);

  return g_test_run ();
}
