/* test-privacy.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <locale.h>
#include <string.h>

#include "test-util.h"

/* No personal data in logs (style.md): every headless program that touches
 * the residents runs with G_MESSAGES_DEBUG=all, as someone chasing a bug
 * would, and its whole output is searched for the names and ID numbers of
 * the synthetic centre it worked on. */

typedef struct
{
  char    *tmpdir;
  GString *logs;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-privacy-XXXXXX", &error);
  g_assert_no_error (error);
  fx->logs = g_string_new (NULL);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_string_free (fx->logs, TRUE);
}

/* Runs jiayi with debug output on; adds stdout and stderr to the logs. */
static int
run (Fixture     *fx,
     const char  *input,
     const char  *first,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *binary = g_getenv ("JIAYI_BINARY");
  va_list args;

  if (binary == NULL)
    binary = g_test_get_filename (G_TEST_BUILT, "..", "..", "src", "gui", "jiayi", NULL);
  g_ptr_array_add (argv, (gpointer)binary);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_set_cwd (launcher, fx->tmpdir);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_string_append_printf (fx->logs, "$ jiayi %s\n%s%s", first, out, err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static GPtrArray *
query_all (const char *db_path,
           const char *sql)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (sqlite3_column_text (stmt, 0) != NULL)
      g_ptr_array_add (values, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_steal_pointer (&values);
}

static void
assert_absent (const char *logs,
               GPtrArray  *values,
               const char *what)
{
  guint found = 0;

  g_assert_cmpuint (values->len, >, 0);
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);

      if (strstr (logs, value) != NULL)
        {
          /* Report where, not what: this test's own output is a log too. */
          g_test_message ("a %s appears in the logs at offset %td", what, strstr (logs, value) - logs);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 0);
}

static void
test_headless_logs (Fixture       *fx,
                    gconstpointer  user_data)
{
  g_autofree char *db = g_build_filename (fx->tmpdir, "centre.db", NULL);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  g_autoptr(GPtrArray) staff = NULL;

  g_assert_cmpint (run (fx, NULL, "generate", "--db", "centre.db", "--residents", "2000", "--seed", "11", NULL), ==, 0);
  g_assert_cmpint (run (fx, NULL, "export", "--db", "centre.db", "--full-id", "all.csv", NULL), ==, 0);
  /* Every row a duplicate: the import refuses them all. */
  g_assert_cmpint (run (fx, NULL, "import", "--db", "centre.db", "all.csv", NULL), ==, 0);
  g_assert_cmpint (run (fx, NULL, "backup", "--db", "centre.db", "copy.db", NULL), ==, 0);
  g_assert_cmpint (run (fx, "Privacy-check-1\n", "accounts", "--db", "centre.db", "create-admin", "boss", "院长", NULL), ==, 0);
  g_assert_cmpint (run (fx, NULL, "accounts", "--db", "centre.db", "list", NULL), ==, 0);
  g_assert_cmpint (run (fx, NULL, "restore", "--db", "centre.db", "copy.db", NULL), ==, 0);

  /* The debug output was on and said something. */
  g_assert_nonnull (strstr (fx->logs->str, "jiayi-store-DEBUG"));
  /* Every exported row comes back a duplicate (the demo has moved-out and
   * dead residents, so fewer than 2000 are exported). */
  g_assert_nonnull (strstr (fx->logs->str, " records, 0 imported, "));

  names = query_all (db, "SELECT DISTINCT name FROM resident");
  ids = query_all (db, "SELECT id_number FROM resident WHERE id_number IS NOT NULL");
  phones = query_all (db, "SELECT phone FROM resident WHERE phone IS NOT NULL");
  staff = query_all (db, "SELECT name FROM staff UNION SELECT '院长'");
  g_test_message ("searching %u bytes of logs for %u names, %u ID numbers, %u phones, %u staff",
                  (guint)fx->logs->len, names->len, ids->len, phones->len, staff->len);
  assert_absent (fx->logs->str, names, "resident's name");
  assert_absent (fx->logs->str, ids, "ID number");
  assert_absent (fx->logs->str, phones, "phone number");
  assert_absent (fx->logs->str, staff, "staff name");
  g_assert_null (strstr (fx->logs->str, "Privacy-check-1"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add ("/privacy/logs/headless-commands-log-no-names-ids-phones-or-passwords", Fixture, NULL,
              fixture_setup, test_headless_logs, fixture_teardown);

  return g_test_run ();
}
