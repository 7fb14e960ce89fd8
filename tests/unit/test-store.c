/* test-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "jy-centre-store.h"
#include "jy-migrations.h"
#include "jy-store.h"
#include "test-util.h"

typedef struct
{
  char *tmpdir;
  char *path;
} StoreFixture;

static void
fixture_setup (StoreFixture  *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-test-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "sub", "centre.db", NULL);
}

static void
fixture_teardown (StoreFixture  *fx,
                  gconstpointer  user_data)
{
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
}

static gint64
count_rows (JyStore    *store,
            const char *sql)
{
  return jy_test_query_int64 (jy_store_get_path (store), sql);
}

static void
test_open_creates_private_file (StoreFixture  *fx,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = jy_store_open (fx->path, &error);
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  g_autofree char *dir = g_path_get_dirname (fx->path);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (g_stat (fx->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  /* The write-ahead log holds the same records, so it must be private too. */
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (jy_test_query_int64 (fx->path, "PRAGMA user_version"), ==, jy_migrations_latest ());
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);
}

static void
test_migrations_from_every_version (StoreFixture  *fx,
                                    gconstpointer  user_data)
{
  for (int from = 0; from < jy_migrations_latest (); from++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("%s/from-%d.db", fx->tmpdir, from);
      g_autoptr(JyStore) store = NULL;

      {
        g_autoptr(JyDb) db = jy_db_open (path, JY_DB_OPEN_CREATE, &error);

        g_assert_no_error (error);
        g_assert_true (jy_migrations_run (db, from, &error));
        g_assert_no_error (error);
        g_assert_cmpint (jy_db_get_user_version (db, NULL), ==, from);
      }

      store = jy_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (jy_test_query_int64 (path, "PRAGMA user_version"), ==, jy_migrations_latest ());
      g_assert_cmpint (jy_test_query_int64 (path, "PRAGMA foreign_key_check"), ==, 0);
      g_assert_cmpint (jy_test_query_int64 (path, "SELECT count(*) FROM sqlite_master WHERE name = 'outbox'"), ==, 1);
    }
}

static void
test_newer_database_refused_untouched (StoreFixture  *fx,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  gsize before_len, after_len;

  {
    g_autoptr(JyDb) db = jy_db_open (fx->path, JY_DB_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (jy_db_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 999;", &error));
  }
  g_assert_true (g_file_get_contents (fx->path, &before, &before_len, NULL));

  store = jy_store_open (fx->path, &error);
  g_assert_null (store);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_TOO_NEW);

  g_assert_true (g_file_get_contents (fx->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_corrupt_file_reported (StoreFixture  *fx,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (fx->path);
  char garbage[4096];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char)(i * 7 + 3);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fx->path, garbage, sizeof garbage, NULL));

  store = jy_store_open (fx->path, &error);
  g_assert_null (store);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CORRUPT);
}

static void
test_locked_database_reported (StoreFixture  *fx,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyDb) holder = NULL;
  g_autoptr(JyStore) store = NULL;

  /* A rollback-journal database held exclusively by another process. */
  holder = jy_db_open (fx->path, JY_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (jy_db_exec (holder, "CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);", &error));

  store = jy_store_open (fx->path, &error);
  g_assert_null (store);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_LOCKED);
}

static gpointer
insert_resident (JyDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  static const char site_sql[] =
    "INSERT OR IGNORE INTO site (id, uuid, created_at, updated_at, kind, code, name)\n"
    "VALUES (1, 'site-1', 'now', 'now', 'centre', 'C1', 'Test centre')";
  static const char sql[] =
    "INSERT INTO resident (uuid, created_at, updated_at, site_id, name, sex, birth_date)\n"
    "VALUES (?1, 'now', 'now', 1, 'Test', '1', '1950-01-01')";
  const char *uuid = data;
  sqlite3_stmt *stmt;

  if (!jy_db_exec (db, site_sql, error) ||
      (stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (!jy_db_step_done (db, stmt, error) ||
      !jy_store_record_change (db, "resident", uuid, JY_CHANGE_CREATE, 1, "{}", error))
    return NULL;

  return JY_STORE_DONE;
}

static gpointer
insert_resident_then_fail (JyDb          *db,
                           gpointer       data,
                           GCancellable  *cancellable,
                           GError       **error)
{
  if (insert_resident (db, data, cancellable, error) == NULL)
    return NULL;

  g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_FAILED, "validation failed after insert");
  return NULL;
}

static void
test_change_outbox_audit_commit_together (StoreFixture  *fx,
                                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = jy_store_open (fx->path, &error);

  g_assert_no_error (error);
  jy_store_set_actor (store, "staff-42");
  g_assert_true (jy_store_write (store, insert_resident, (gpointer)"r-1", NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM resident WHERE uuid = 'r-1'"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox WHERE row_uuid = 'r-1' AND op = 'create' AND state = 'pending'"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log WHERE row_uuid = 'r-1' AND actor = 'staff-42' AND action = 'create'"), ==, 1);
}

static void
test_change_rolled_back_on_error (StoreFixture  *fx,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = jy_store_open (fx->path, &error);

  g_assert_no_error (error);
  g_assert_null (jy_store_write (store, insert_resident_then_fail, (gpointer)"r-2", NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_FAILED);

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM resident"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log"), ==, 0);
}

static void
test_constraint_violation_rolls_back (StoreFixture  *fx,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = jy_store_open (fx->path, &error);

  g_assert_no_error (error);
  g_assert_true (jy_store_write (store, insert_resident, (gpointer)"r-3", NULL, &error) == JY_STORE_DONE);
  /* Same uuid again: the unique constraint fails, nothing of the second job stays. */
  g_assert_null (jy_store_write (store, insert_resident, (gpointer)"r-3", NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONSTRAINT);

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log"), ==, 1);
}

static gpointer
tamper_with_audit (JyDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  if (!jy_db_exec (db, data, error))
    return NULL;
  return JY_STORE_DONE;
}

static void
test_audit_log_append_only (StoreFixture  *fx,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = jy_store_open (fx->path, &error);

  g_assert_no_error (error);
  g_assert_true (jy_store_write (store, insert_resident, (gpointer)"r-4", NULL, &error) == JY_STORE_DONE);

  g_assert_null (jy_store_write (store, tamper_with_audit, (gpointer)"UPDATE audit_log SET actor = 'nobody'", NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_null (jy_store_write (store, tamper_with_audit, (gpointer)"DELETE FROM audit_log", NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONSTRAINT);

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log WHERE actor = 'system'"), ==, 1);
}

static void
test_cancelled_write_not_run (StoreFixture  *fx,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = jy_store_open (fx->path, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_null (jy_store_write (store, insert_resident, (gpointer)"r-5", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM resident"), ==, 0);
}

typedef struct
{
  guint    n_done;
  guint    n_expected;
  gboolean failed;
} AsyncState;

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    state->failed = TRUE;
  state->n_done++;
}

static void
summary_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  JyCentreSummary **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = jy_store_read_finish (JY_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_async_writes_in_order_then_read (StoreFixture  *fx,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = jy_store_open (fx->path, &error);
  g_autoptr(JyCentreSummary) summary = NULL;
  AsyncState state = { .n_expected = 50 };

  g_assert_no_error (error);
  for (guint i = 0; i < state.n_expected; i++)
    jy_store_write_async (store, insert_resident, g_strdup_printf ("async-%02u", i), g_free, NULL,
                          NULL, write_done_cb, &state);

  jy_test_iterate_until (&state.n_done, state.n_expected);
  g_assert_false (state.failed);

  /* Outbox order is commit order is submission order. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox o1 JOIN outbox o2 ON o2.id = o1.id + 1 "
                                      "WHERE o2.row_uuid < o1.row_uuid"), ==, 0);

  jy_store_read_async (store, jy_centre_store_load, NULL, NULL, (GDestroyNotify)jy_centre_summary_free,
                       NULL, summary_done_cb, &summary);
  jy_test_iterate_until_set ((gpointer *)&summary);
  g_assert_cmpint (summary->n_residents, ==, 50);
  g_assert_cmpstr (summary->name, ==, "Test centre");
}

static void
count_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  guint *n_done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (jy_store_write_finish (JY_STORE (object), result, &error));
  (*n_done)++;
}

/* The caller may let go of the store while writes are queued: the last
 * reference can then fall on the writer thread itself, which must not
 * wait for itself (pthread_join: "Resource deadlock avoided"). */
static void
test_store_released_with_writes_in_flight (StoreFixture  *fx,
                                           gconstpointer  user_data)
{
  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("%s/release-%u.db", fx->tmpdir, round);
      JyStore *store = jy_store_open (path, &error);
      guint n_done = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < 3; i++)
        jy_store_write_async (store, insert_resident, g_strdup_printf ("r-%u-%u", round, i), g_free,
                              NULL, NULL, count_done_cb, &n_done);
      g_object_unref (store);
      jy_test_iterate_until (&n_done, 3);
      g_assert_cmpint (jy_test_query_int64 (path, "SELECT count(*) FROM resident"), ==, 3);
    }
}

static void
test_centre_save_creates_then_updates (StoreFixture  *fx,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = jy_store_open (fx->path, &error);
  JyCentreIdentity first = { .name = (char *)"第一社区卫生服务中心", .code = (char *)"350299001" };
  JyCentreIdentity second = { .name = (char *)"第二社区卫生服务中心", .code = (char *)"350299002" };
  g_autoptr(JyCentreSummary) summary = NULL;

  g_assert_no_error (error);
  g_assert_true (jy_store_write (store, jy_centre_store_save, &first, NULL, &error) == JY_STORE_DONE);
  g_assert_true (jy_store_write (store, jy_centre_store_save, &second, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  summary = jy_store_read (store, jy_centre_store_load, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->name, ==, "第二社区卫生服务中心");
  g_assert_cmpstr (summary->code, ==, "350299002");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM site"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT rev FROM site"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox WHERE entity = 'site' AND op = 'create'"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox WHERE entity = 'site' AND op = 'update' AND rev = 2"), ==, 1);
}

static void
test_migrations_fingerprint (void)
{
  g_autofree char *first = jy_migrations_dup_fingerprint ();
  g_autofree char *second = jy_migrations_dup_fingerprint ();

  /* Stable within a build, 12 hex digits. */
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (strlen (first), ==, 12);
  g_assert_cmpuint (strspn (first, "0123456789abcdef"), ==, 12);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  jy_test_quiet_debug ();

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/open/creates-private-file-0600", test_open_creates_private_file);
  ADD ("/store/migrations/from-every-earlier-version", test_migrations_from_every_version);
  ADD ("/store/migrations/newer-database-refused-untouched", test_newer_database_refused_untouched);
  g_test_add_func ("/store/migrations/fingerprint-stable-12-hex", test_migrations_fingerprint);
  ADD ("/store/open/corrupt-file-reported", test_corrupt_file_reported);
  ADD ("/store/open/locked-database-reported", test_locked_database_reported);
  ADD ("/store/change/outbox-and-audit-commit-with-the-change", test_change_outbox_audit_commit_together);
  ADD ("/store/change/error-rolls-back-change-outbox-and-audit", test_change_rolled_back_on_error);
  ADD ("/store/change/constraint-violation-rolls-back", test_constraint_violation_rolls_back);
  ADD ("/store/audit/append-only", test_audit_log_append_only);
  ADD ("/store/write/cancelled-before-start-not-run", test_cancelled_write_not_run);
  ADD ("/store/async/writes-commit-in-order-then-read", test_async_writes_in_order_then_read);
  ADD ("/store/centre/save-creates-then-updates", test_centre_save_creates_then_updates);
  ADD ("/store/async/released-with-writes-in-flight", test_store_released_with_writes_in_flight);

  return g_test_run ();
}
