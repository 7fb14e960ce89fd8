/* test-durability.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "jy-backup.h"
#include "jy-centre-store.h"
#include "jy-migrations.h"
#include "jy-resident-store.h"
#include "jy-store.h"
#include "test-util.h"

/* Nothing lost when the power cord or the OOM killer strikes: a helper
 * process (durability-child) works on a database and is SIGKILLed at a
 * point chosen from a seed, 100 times while writing residents and 20 times
 * while migrating an older database. After each kill the database must
 * pass PRAGMA integrity_check, hold every record the child reported as
 * committed, and have exactly one outbox and one audit row per record
 * (architecture invariant 1). The kill tests for sync join when the sync
 * engine merges: the same harness, a child pushing and pulling against a
 * loopback server. JIAYI_DURABILITY_RUNS changes the number of write kills. */

#define WRITE_RUNS      100
#define MIGRATION_RUNS  20
#define TEMPLATE_RESIDENTS 3000

typedef struct
{
  char *tmpdir;
  char *child;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-durability-XXXXXX", &error);
  g_assert_no_error (error);
  fx->child = g_test_build_filename (G_TEST_BUILT, "durability-child", NULL);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->child);
}

/* Runs the child to its end (or its kill); returns its stdout lines. */
static GStrv
run_child (Fixture     *fx,
           const char **args,
           gboolean    *out_killed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  char *newline;
  int status = 0;

  g_ptr_array_add (argv, fx->child);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (err[0] != '\0')
    g_test_message ("child stderr: %s", err);

  *out_killed = WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;
  g_assert_true (*out_killed || (WIFEXITED (status) && WEXITSTATUS (status) == 0));

  /* A line cut off by the kill was never acknowledged. */
  newline = strrchr (out, '\n');
  if (newline == NULL)
    return g_new0 (char *, 1);
  newline[1] = '\0';
  return g_strsplit_set (g_strchomp (out), "\n", -1);
}

static void
assert_sound (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyDb) db = jy_db_open (path, JY_DB_OPEN_READ_WRITE, &error);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  problems = jy_db_check_integrity (db, 10, &error);
  g_assert_no_error (error);
  if (problems->len > 0)
    g_error ("integrity_check: %s", (const char *)g_ptr_array_index (problems, 0));
}

static gpointer
name_centre (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  JyCentreIdentity centre = { .name = (char *)"测试中心", .code = (char *)"350299001" };

  return jy_db_exec (db, "INSERT INTO address_area (code, parent_code, level, name) "
                         "VALUES ('359902001001', NULL, 5, '海韵社区')", error)
           ? jy_centre_store_save (db, &centre, cancellable, error) : NULL;
}

static gint64
count (const char *path,
       const char *sql)
{
  return jy_test_query_int64 (path, sql);
}

static void
test_kill_during_writes (Fixture       *fx,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  g_autoptr(GHashTable) acknowledged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *runs_env = g_getenv ("JIAYI_DURABILITY_RUNS");
  guint runs = runs_env != NULL ? (guint)g_ascii_strtoull (runs_env, NULL, 10) : WRITE_RUNS;
  gint64 started = g_get_monotonic_time ();
  guint killed_runs = 0;
  guint first = 0;

  {
    g_autoptr(JyStore) store = jy_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (jy_store_write (store, name_centre, NULL, NULL, &error) == JY_STORE_DONE);
  }

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (run);
      /* From before the store is open to well into the writing. */
      g_autofree char *delay = g_strdup_printf ("%d", g_rand_int_range (rand, 1000, 120000));
      g_autofree char *first_text = g_strdup_printf ("%u", first);
      const char *args[] = { "writes", path, first_text, delay, NULL };
      g_auto(GStrv) lines = NULL;
      g_autoptr(GString) missing = g_string_new (NULL);
      gboolean killed;
      gint64 residents;

      lines = run_child (fx, args, &killed);
      killed_runs += killed;
      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          g_hash_table_add (acknowledged, g_strdup (lines[i]));
      /* Identity numbers stay unique across runs, acknowledged or not. */
      first += 10000;

      assert_sound (path);

      /* Every acknowledged record is there. */
      {
        g_autoptr(JyDb) db = jy_db_open (path, JY_DB_OPEN_QUERY_ONLY, &error);
        sqlite3_stmt *stmt = jy_db_prepare (db, "SELECT count(*) FROM resident WHERE uuid = ?1", &error);
        GHashTableIter iter;
        gpointer uuid;

        g_assert_no_error (error);
        g_hash_table_iter_init (&iter, acknowledged);
        while (g_hash_table_iter_next (&iter, &uuid, NULL))
          {
            sqlite3_reset (stmt);
            sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
            g_assert_cmpint (jy_db_step (db, stmt, &error), ==, SQLITE_ROW);
            if (sqlite3_column_int64 (stmt, 0) != 1)
              g_string_append_printf (missing, " %s", (const char *)uuid);
          }
        sqlite3_reset (stmt);
      }
      if (missing->len > 0)
        g_error ("run %u: acknowledged but missing:%s", run, missing->str);

      /* Nothing half-done: one outbox and one audit row per record. */
      residents = count (path, "SELECT count(*) FROM resident");
      g_assert_cmpint (residents, >=, g_hash_table_size (acknowledged));
      g_assert_cmpint (count (path, "SELECT count(*) FROM outbox WHERE entity = 'resident'"), ==, residents);
      g_assert_cmpint (count (path, "SELECT count(*) FROM resident r WHERE NOT EXISTS "
                                    "(SELECT 1 FROM outbox o WHERE o.entity = 'resident' AND o.row_uuid = r.uuid)"), ==, 0);
      g_assert_cmpint (count (path, "SELECT count(*) FROM audit_log WHERE entity = 'resident' "
                                    "AND action = 'create'"), ==, residents);
      g_assert_cmpint (count (path, "SELECT count(*) FROM search_doc"), ==, residents);
    }

  g_test_message ("%u runs, %u killed, %u records acknowledged, %.1f s", runs, killed_runs,
                  g_hash_table_size (acknowledged), (g_get_monotonic_time () - started) / 1e6);
  /* Most runs must really be killed mid-work, or the test proves little. */
  g_assert_cmpuint (killed_runs, >=, runs * 9 / 10);
  g_assert_cmpuint (g_hash_table_size (acknowledged), >, runs);
}

/* An older database with residents, as the previous release left it. */
static void
make_template (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyDb) db = jy_db_open (path, JY_DB_OPEN_CREATE, &error);
  g_autoptr(GDate) today = g_date_new_dmy (23, 11, 2026);

  g_assert_no_error (error);
  g_assert_true (jy_db_exec (db, "PRAGMA journal_mode = WAL", &error));
  g_assert_true (jy_migrations_run (db, jy_migrations_latest () - 1, &error));
  g_assert_true (jy_db_begin (db, &error));
  g_assert_nonnull (name_centre (db, NULL, NULL, &error));
  for (guint n = 0; n < TEMPLATE_RESIDENTS; n++)
    {
      g_autoptr(JyResident) r = jy_resident_new ();

      r->name = g_strdup ("测试居民");
      r->birth_date = g_strdup_printf ("19%02u-01-01", 30 + n / 1000);
      r->sex = g_strdup ("1");
      r->area_code = g_strdup ("359902001001");
      g_assert_true (jy_resident_store_insert (db, r, today, &error));
      g_assert_no_error (error);
    }
  g_assert_true (jy_db_commit (db, &error));
}

static void
test_kill_during_migration (Fixture       *fx,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_build_filename (fx->tmpdir, "template.db", NULL);
  g_autofree char *work = g_build_filename (fx->tmpdir, "work", "centre.db", NULL);
  g_autofree char *backups = g_build_filename (fx->tmpdir, "work", "backups", NULL);
  g_autofree char *work_dir = g_build_filename (fx->tmpdir, "work", NULL);
  gint64 residents, outbox;
  gint64 clean_us;
  guint finished = 0;

  make_template (template);
  residents = count (template, "SELECT count(*) FROM resident");
  outbox = count (template, "SELECT count(*) FROM outbox");
  g_assert_cmpint (residents, ==, TEMPLATE_RESIDENTS);

  for (guint run = 0; run <= MIGRATION_RUNS; run++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (1000 + run);
      g_autofree char *template_copy = NULL;
      g_autofree char *delay = NULL;
      g_auto(GStrv) lines = NULL;
      gsize length;
      gboolean killed;
      int version;
      gint64 t0;

      jy_test_remove_tree (work_dir);
      g_assert_cmpint (g_mkdir (work_dir, 0700), ==, 0);
      g_assert_true (g_file_get_contents (template, &template_copy, &length, NULL));
      g_assert_true (g_file_set_contents (work, template_copy, length, NULL));

      /* Run 0 is not killed: it measures how long a start with a migration
       * takes, and the kills spread over that time. */
      if (run == 0)
        delay = g_strdup ("0");
      else
        delay = g_strdup_printf ("%d", g_rand_int_range (rand, 1000, (int)MAX (clean_us * 3 / 2, 2000)));

      {
        const char *args[] = { "migrate", work, delay, NULL };

        t0 = g_get_monotonic_time ();
        lines = run_child (fx, args, &killed);
        if (run == 0)
          clean_us = g_get_monotonic_time () - t0;
      }
      finished += !killed;

      assert_sound (work);
      version = (int)count (work, "PRAGMA user_version");
      g_assert_true (version == jy_migrations_latest () - 1 || version == jy_migrations_latest ());
      g_assert_cmpint (count (work, "SELECT count(*) FROM resident"), ==, residents);
      g_assert_cmpint (count (work, "SELECT count(*) FROM outbox"), ==, outbox);

      /* A copy in the backups folder is a whole one. */
      {
        g_autoptr(GPtrArray) list = jy_backup_list (backups, &error);

        g_assert_no_error (error);
        for (guint i = 0; i < list->len; i++)
          {
            JyBackupInfo *info = g_ptr_array_index (list, i);

            g_assert_true (jy_backup_verify (info->path, NULL, &error));
            g_assert_no_error (error);
            g_assert_cmpint (count (info->path, "SELECT count(*) FROM resident"), ==, residents);
          }
      }

      /* The next start finishes the job. */
      {
        g_autoptr(JyStore) store = jy_store_open (work, &error);

        g_assert_no_error (error);
      }
      g_assert_cmpint (count (work, "PRAGMA user_version"), ==, jy_migrations_latest ());
      g_assert_cmpint (count (work, "SELECT count(*) FROM resident"), ==, residents);
    }

  g_test_message ("a clean start with a migration took %.1f ms; %u of %u runs finished before the kill",
                  clean_us / 1000.0, finished, MIGRATION_RUNS + 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add ("/store/durability/sigkill-100-times-during-writes-loses-nothing-acknowledged",
              Fixture, NULL, fixture_setup, test_kill_during_writes, fixture_teardown);
  g_test_add ("/store/durability/sigkill-during-migration-leaves-old-or-new-never-broken",
              Fixture, NULL, fixture_setup, test_kill_during_migration, fixture_teardown);

  return g_test_run ();
}
