/* test-backup.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>

#include "jy-backup.h"
#include "jy-migrations.h"
#include "test-store-fixture.h"
#include "test-util.h"

/* Synthetic people: valid numbers built for the test, not anyone's. */
#define ID_A "11010519491231002X"
#define ID_B "440304199003075417"

static char *
backup_dir (JyTestCentre *fx)
{
  return g_build_filename (fx->tmpdir, "backups", NULL);
}

static void
add_resident (JyTestCentre *fx,
              const char   *name,
              const char   *id_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_test_make_resident (name, id_number);

  jy_test_act_as (fx, JY_ROLE_SYSTEM);
  jy_test_insert_resident (fx, r, &error);
  g_assert_no_error (error);
}

static char *
backup (JyTestCentre *fx,
        JyRole        role,
        GError      **error)
{
  jy_test_act_as (fx, role);
  return jy_store_backup (fx->store, JY_BACKUP_MANUAL, NULL, JY_BACKUP_KEEP_DEFAULT, error);
}

static void
test_private_and_restorable (JyTestCentre  *fx,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *dir = backup_dir (fx);
  g_autoptr(GPtrArray) backups = NULL;
  GStatBuf st;
  int version = 0;

  add_resident (fx, "王小燕", ID_A);
  /* While the store is open: an online backup. */
  path = backup (fx, JY_ROLE_MANAGER, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, dir));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  /* One self-contained file. */
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (jy_backup_verify (path, &version, &error));
  g_assert_cmpint (version, ==, jy_migrations_latest ());
  g_assert_cmpint (jy_test_query_int64 (path, "SELECT count(*) FROM resident"), ==, 1);

  /* Later changes are undone by the restore; the store keeps working. */
  add_resident (fx, "李娜", ID_B);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM resident"), ==, 2);
  jy_test_act_as (fx, JY_ROLE_ADMIN);
  g_assert_true (jy_store_restore (fx->store, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM resident"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE action = 'restore' AND actor = 'test-admin'"), ==, 1);

  /* What was there before the restore is kept too. */
  backups = jy_backup_list (dir, &error);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpint (((JyBackupInfo *)g_ptr_array_index (backups, 0))->kind, ==, JY_BACKUP_BEFORE_RESTORE);
  g_assert_cmpint (jy_test_query_int64 (((JyBackupInfo *)g_ptr_array_index (backups, 0))->path,
                                        "SELECT count(*) FROM resident"), ==, 2);
}

static void
test_roles (JyTestCentre  *fx,
            gconstpointer  user_data)
{
  g_autoptr(GError) nurse_error = NULL;
  g_autoptr(GError) restore_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *denied = backup (fx, JY_ROLE_NURSE, &nurse_error);
  g_autofree char *path = backup (fx, JY_ROLE_ADMIN, &error);

  g_assert_null (denied);
  g_assert_error (nurse_error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_assert_nonnull (path);

  jy_test_act_as (fx, JY_ROLE_MANAGER);
  g_assert_false (jy_store_restore (fx->store, path, NULL, &restore_error));
  g_assert_error (restore_error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
}

static void
test_rotation (JyTestCentre  *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = backup_dir (fx);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 5; i++)
    {
      char *path = jy_backup_create_from_file (fx->path, dir, JY_BACKUP_SCHEDULED, 3, &error);

      g_assert_no_error (error);
      g_ptr_array_add (made, path);
    }

  kept = jy_backup_list (dir, &error);
  g_assert_cmpuint (kept->len, ==, 3);
  /* The newest three, newest first. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (((JyBackupInfo *)g_ptr_array_index (kept, i))->path, ==,
                     (const char *)g_ptr_array_index (made, 4 - i));
  g_assert_false (g_file_test (g_ptr_array_index (made, 0), G_FILE_TEST_EXISTS));
}

static void
assert_untouched (JyTestCentre *fx)
{
  g_autofree char *dir = backup_dir (fx);

  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM resident WHERE name = '王小燕'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "PRAGMA user_version"), ==, jy_migrations_latest ());
  /* Refused before anything was done: not even the safety copy. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_corrupt_refused (JyTestCentre  *fx,
                      gconstpointer  user_data)
{
  g_autoptr(GError) garbage_error = NULL;
  g_autoptr(GError) damaged_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_build_filename (fx->tmpdir, "garbage.db", NULL);
  g_autofree char *damaged = g_build_filename (fx->tmpdir, "damaged.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  char bytes[8192];

  add_resident (fx, "王小燕", ID_A);
  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (char)(i * 7 + 3);
  g_assert_true (g_file_set_contents (garbage, bytes, sizeof bytes, NULL));

  /* A real backup with pages overwritten in the middle. */
  {
    g_autoptr(JyDb) db = jy_db_open (fx->path, JY_DB_OPEN_QUERY_ONLY, &error);

    g_assert_true (jy_backup_copy_to (db, damaged, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 4096);
  for (gsize i = 2 * 4096 + 100; i < 4 * 4096; i++)
    contents[i] = (char)(i * 13);
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));

  jy_test_act_as (fx, JY_ROLE_ADMIN);
  g_assert_false (jy_store_restore (fx->store, garbage, NULL, &garbage_error));
  g_assert_error (garbage_error, JY_STORE_ERROR, JY_STORE_ERROR_CORRUPT);
  g_assert_false (jy_store_restore (fx->store, damaged, NULL, &damaged_error));
  g_assert_error (damaged_error, JY_STORE_ERROR, JY_STORE_ERROR_CORRUPT);
  assert_untouched (fx);
}

static void
test_foreign_or_newer_refused (JyTestCentre  *fx,
                               gconstpointer  user_data)
{
  g_autoptr(GError) foreign_error = NULL;
  g_autoptr(GError) newer_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *foreign = g_build_filename (fx->tmpdir, "foreign.db", NULL);
  g_autofree char *newer = g_build_filename (fx->tmpdir, "newer.db", NULL);

  add_resident (fx, "王小燕", ID_A);
  {
    g_autoptr(JyDb) db = jy_db_open (foreign, JY_DB_OPEN_CREATE, &error);

    g_assert_true (jy_db_exec (db, "CREATE TABLE photos (x); PRAGMA user_version = 3;", &error));
  }
  {
    g_autoptr(JyDb) source = jy_db_open (fx->path, JY_DB_OPEN_QUERY_ONLY, &error);
    g_autoptr(JyDb) db = NULL;

    g_assert_true (jy_backup_copy_to (source, newer, &error));
    db = jy_db_open (newer, JY_DB_OPEN_READ_WRITE, &error);
    g_assert_true (jy_db_set_user_version (db, 999, &error));
  }

  jy_test_act_as (fx, JY_ROLE_ADMIN);
  g_assert_false (jy_store_restore (fx->store, foreign, NULL, &foreign_error));
  g_assert_error (foreign_error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_false (jy_store_restore (fx->store, newer, NULL, &newer_error));
  g_assert_error (newer_error, JY_STORE_ERROR, JY_STORE_ERROR_TOO_NEW);
  assert_untouched (fx);
}

static void
test_before_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("jiayi-migrate-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmpdir, "old.db", NULL);
  g_autofree char *dir = g_build_filename (tmpdir, "backups", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  JyBackupInfo *info;
  int version = 0;

  /* A database as the previous release left it. */
  {
    g_autoptr(JyDb) db = jy_db_open (path, JY_DB_OPEN_CREATE, &error);

    g_assert_true (jy_migrations_run (db, jy_migrations_latest () - 1, &error));
    g_assert_true (jy_db_exec (db, "INSERT INTO meta VALUES ('marker', 'old')", &error));
  }

  {
    g_autoptr(JyStore) store = jy_store_open (path, &error);

    g_assert_no_error (error);
  }

  backups = jy_backup_list (dir, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  info = g_ptr_array_index (backups, 0);
  g_assert_cmpint (info->kind, ==, JY_BACKUP_BEFORE_MIGRATION);
  g_assert_true (jy_backup_verify (info->path, &version, &error));
  g_assert_cmpint (version, ==, jy_migrations_latest () - 1);
  g_assert_cmpint (jy_test_query_int64 (info->path, "SELECT count(*) FROM meta WHERE key = 'marker'"), ==, 1);
  g_assert_cmpint (jy_test_query_int64 (path, "PRAGMA user_version"), ==, jy_migrations_latest ());

  /* A new database has nothing to keep. */
  {
    g_autofree char *fresh = g_build_filename (tmpdir, "fresh", "new.db", NULL);
    g_autofree char *fresh_backups = g_build_filename (tmpdir, "fresh", "backups", NULL);
    g_autoptr(JyStore) store = jy_store_open (fresh, &error);

    g_assert_no_error (error);
    g_assert_false (g_file_test (fresh_backups, G_FILE_TEST_EXISTS));
  }
  jy_test_remove_tree (tmpdir);
}

static void
test_restore_over_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("jiayi-damaged-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmpdir, "centre.db", NULL);
  g_autofree char *copy = g_build_filename (tmpdir, "copy.db", NULL);
  g_autofree char *dir = g_build_filename (tmpdir, "backups", NULL);
  g_autoptr(GDir) folder = NULL;
  const char *name;
  guint damaged = 0;
  char garbage[8192];

  {
    g_autoptr(JyStore) store = jy_store_open (path, &error);
    g_autoptr(JyDb) db = jy_db_open (path, JY_DB_OPEN_QUERY_ONLY, &error);

    g_assert_no_error (error);
    g_assert_true (jy_backup_copy_to (db, copy, &error));
  }
  /* The disk went bad under the database. */
  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char)(i * 11 + 1);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));

  g_assert_true (jy_backup_restore (copy, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_query_int64 (path, "PRAGMA user_version"), ==, jy_migrations_latest ());
  {
    g_autoptr(JyStore) store = jy_store_open (path, &error);

    g_assert_no_error (error);
  }

  /* The damaged file is kept aside, and not offered as a backup. */
  folder = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (folder)) != NULL)
    damaged += g_str_has_suffix (name, "-before-restore.db.damaged");
  g_assert_cmpuint (damaged, ==, 1);
  {
    g_autoptr(GPtrArray) backups = jy_backup_list (dir, &error);

    g_assert_cmpuint (backups->len, ==, 0);
  }
  jy_test_remove_tree (tmpdir);
}

/* A second workstation joins the centre from a copy: it must not number
 * its prescriptions and contracts as the original does. */
static void
test_restored_copy_gets_its_own_workstation_code (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("jiayi-join-XXXXXX", &error);
  g_autofree char *first = g_build_filename (tmpdir, "first.db", NULL);
  g_autofree char *copy = g_build_filename (tmpdir, "copy.db", NULL);
  g_autofree char *second = g_build_filename (tmpdir, "second", "jiayi.db", NULL);
  g_autofree char *code_first = NULL, *code_copy = NULL, *code_second = NULL;
  static const char sql[] = "SELECT value FROM meta WHERE key = 'workstation'";

  {
    g_autoptr(JyStore) store = jy_store_open (first, &error);
    g_autoptr(JyDb) db = jy_db_open (first, JY_DB_OPEN_QUERY_ONLY, &error);

    g_assert_no_error (error);
    g_assert_true (jy_backup_copy_to (db, copy, &error));
  }
  {
    g_autofree char *folder = g_path_get_dirname (second);

    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  }
  g_assert_true (jy_backup_restore (copy, second, NULL, &error));
  g_assert_no_error (error);

  code_first = jy_test_query_text (first, sql);
  code_copy = jy_test_query_text (copy, sql);
  code_second = jy_test_query_text (second, sql);
  g_assert_cmpuint (strlen (code_first), ==, 4);
  g_assert_cmpstr (code_copy, ==, code_first);
  g_assert_cmpuint (strlen (code_second), ==, 4);
  g_assert_cmpstr (code_second, !=, code_first);
  jy_test_remove_tree (tmpdir);
}

static void
test_part_ignored (JyTestCentre  *fx,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = backup_dir (fx);
  g_autofree char *part = g_build_filename (dir, "jiayi-20261123-080000-000-manual.db.part", NULL);
  g_autoptr(GPtrArray) backups = NULL;

  /* What a backup killed halfway leaves behind. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (part, "SQLite format 3", -1, NULL));
  backups = jy_backup_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 0);
}

static void
test_integrity_check (JyTestCentre  *fx,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  add_resident (fx, "王小燕", ID_A);
  jy_test_act_as (fx, JY_ROLE_NURSE);
  problems = jy_store_check_integrity (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

#define ADD(path, func) \
  g_test_add ("/store/backup/" path, JyTestCentre, NULL, jy_test_centre_setup, func, jy_test_centre_teardown)
  ADD ("file-0600-online-and-restorable", test_private_and_restorable);
  ADD ("nurse-cannot-back-up-manager-cannot-restore", test_roles);
  ADD ("rotation-keeps-the-newest-n", test_rotation);
  ADD ("restore-of-corrupt-file-refused-database-untouched", test_corrupt_refused);
  ADD ("restore-of-foreign-or-newer-file-refused", test_foreign_or_newer_refused);
  ADD ("killed-backup-part-file-is-no-backup", test_part_ignored);
  ADD ("integrity-check-on-demand", test_integrity_check);
#undef ADD
  g_test_add_func ("/store/backup/backup-before-migration-exists", test_before_migration);
  g_test_add_func ("/store/backup/restore-replaces-a-damaged-database", test_restore_over_damaged);
  g_test_add_func ("/store/backup/a restored copy numbers apart from the original",
                   test_restored_copy_gets_its_own_workstation_code);

  return g_test_run ();
}
