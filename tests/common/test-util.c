/* test-util.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

/* How long a test waits for a callback before failing (never a sleep). */
#define ITERATE_TIMEOUT_SECONDS 20

/* g_test_init() installs a default log handler that prints every g_debug()
 * as a TAP comment whatever G_MESSAGES_DEBUG says (GLib 2.74), and GIO and
 * GTK make thousands. Call after g_test_init(): this drops DEBUG and INFO
 * in front of the test's handler and passes everything else on. */
static GLogFunc test_log_handler;

static void
drop_debug_handler (const char     *log_domain,
                    GLogLevelFlags  log_level,
                    const char     *message,
                    gpointer        user_data)
{
  if ((log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) != 0)
    return;
  test_log_handler (log_domain, log_level, message, user_data);
}

void
jy_test_quiet_debug (void)
{
  test_log_handler = g_log_set_default_handler (drop_debug_handler, NULL);
}

void
jy_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            jy_test_remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static sqlite3_stmt *
query (const char  *db_path,
       const char  *sql,
       sqlite3    **out_db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, out_db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* A store released just before may still be closing (checkpointing the
   * WAL) on its writer thread: wait for it rather than fail with BUSY. */
  sqlite3_busy_timeout (*out_db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (*out_db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  return stmt;
}

/* Reads through a connection of its own, so it sees only committed data. */
gint64
jy_test_query_int64 (const char *db_path,
                     const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = query (db_path, sql, &db);
  gint64 value = 0;
  int rc = sqlite3_step (stmt);

  g_assert_true (rc == SQLITE_ROW || rc == SQLITE_DONE);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
jy_test_query_text (const char *db_path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = query (db_path, sql, &db);
  char *value = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
jy_test_iterate_until_true (gboolean (*predicate) (gpointer),
                            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (ITERATE_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out after %d s waiting for a callback", ITERATE_TIMEOUT_SECONDS);
  g_source_remove (id);
}

typedef struct
{
  guint *counter;
  guint  target;
} CounterWait;

static gboolean
counter_reached (gpointer data)
{
  CounterWait *wait = data;

  return *wait->counter >= wait->target;
}

void
jy_test_iterate_until (guint *counter,
                       guint  target)
{
  CounterWait wait = { counter, target };

  jy_test_iterate_until_true (counter_reached, &wait);
}

static gboolean
pointer_set (gpointer data)
{
  return *(gpointer *)data != NULL;
}

void
jy_test_iterate_until_set (gpointer *pointer)
{
  jy_test_iterate_until_true (pointer_set, pointer);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *)data == NULL;
}

void
jy_test_unref_and_wait_finalize (gpointer object)
{
  gpointer weak = object;

  g_assert_true (G_IS_OBJECT (object));
  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  jy_test_iterate_until_true (pointer_cleared, &weak);
}
