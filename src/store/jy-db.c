/* jy-db.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-db.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* Any statement slower than this is logged (by name, never with values). */
#define SLOW_STATEMENT_USEC (10 * G_TIME_SPAN_MILLISECOND)

struct _JyDb
{
  sqlite3    *handle;
  char       *path;
  JyActor    *session;
  GHashTable *statements;   /* const char *sql -> sqlite3_stmt * */
  gboolean    read_only;
};

G_DEFINE_QUARK (jy-store-error-quark, jy_store_error)

static int
map_result_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return JY_STORE_ERROR_CONSTRAINT;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return JY_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return JY_STORE_ERROR_LOCKED;
    case SQLITE_FULL:
      return JY_STORE_ERROR_DISK_FULL;
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      return JY_STORE_ERROR_PERMISSION;
    case SQLITE_IOERR:
      return JY_STORE_ERROR_IO;
    case SQLITE_CANTOPEN:
      return JY_STORE_ERROR_CANNOT_OPEN;
    default:
      return JY_STORE_ERROR_FAILED;
    }
}

gboolean
jy_db_set_error (JyDb    *self,
                 int      rc,
                 GError **error)
{
  const char *detail = self != NULL && self->handle != NULL ? sqlite3_errmsg (self->handle)
                                                             : sqlite3_errstr (rc);

  /* SQLite's messages name tables and constraints, never bound values. */
  g_set_error (error, JY_STORE_ERROR, map_result_code (rc),
               "SQLite error %d: %s", rc, detail);
  return FALSE;
}

/* SQLite gives the -wal and -shm files the main file's mode, so creating
 * the main file 0600 before SQLite sees it keeps all three private. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, JY_STORE_ERROR,
                   saved_errno == ENOSPC ? JY_STORE_ERROR_DISK_FULL : JY_STORE_ERROR_PERMISSION,
                   "Cannot create folder for the database: %s", g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;
      g_set_error (error, JY_STORE_ERROR,
                   saved_errno == ENOSPC ? JY_STORE_ERROR_DISK_FULL : JY_STORE_ERROR_PERMISSION,
                   "Cannot create the database file: %s", g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static int
busy_timeout_ms (void)
{
  const char *value = g_getenv ("JIAYI_SQLITE_BUSY_TIMEOUT_MS");
  guint64 ms;

  /* Tests shorten it; nobody else needs to. */
  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 0, 60000, &ms, NULL))
    return (int)ms;
  return 5000;
}

JyDb *
jy_db_open (const char     *path,
            JyDbOpenFlags   flags,
            GError        **error)
{
  g_autoptr(JyDb) self = NULL;
  int sqlite_flags = SQLITE_OPEN_NOMUTEX;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if ((flags & JY_DB_OPEN_READ_ONLY) != 0)
    sqlite_flags |= SQLITE_OPEN_READONLY;
  else
    sqlite_flags |= SQLITE_OPEN_READWRITE;

  if ((flags & JY_DB_OPEN_CREATE) != 0 && (flags & JY_DB_OPEN_READ_ONLY) == 0)
    {
      if (!create_private_file (path, error))
        return NULL;
    }
  else if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CANNOT_OPEN,
                   "The database file does not exist");
      return NULL;
    }

  self = g_new0 (JyDb, 1);
  self->path = g_strdup (path);
  self->read_only = (flags & (JY_DB_OPEN_READ_ONLY | JY_DB_OPEN_QUERY_ONLY)) != 0;
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->session = jy_actor_new_system (NULL);

  rc = sqlite3_open_v2 (path, &self->handle, sqlite_flags, NULL);
  if (rc != SQLITE_OK)
    {
      jy_db_set_error (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  /* A second workstation process or a backup may hold the lock briefly. */
  sqlite3_busy_timeout (self->handle, busy_timeout_ms ());

  if ((flags & JY_DB_OPEN_QUERY_ONLY) != 0 &&
      !jy_db_exec (self, "PRAGMA query_only = ON", error))
    return NULL;

  return g_steal_pointer (&self);
}

void
jy_db_close (JyDb *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_clear_pointer (&self->session, jy_actor_unref);
  g_free (self);
}

sqlite3 *
jy_db_get_handle (JyDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->handle;
}

const char *
jy_db_get_path (JyDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/* Returns: (transfer none): never NULL */
JyActor *
jy_db_get_session (JyDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->session;
}

void
jy_db_set_session (JyDb    *self,
                   JyActor *session)
{
  g_return_if_fail (self != NULL);

  if (session == self->session)
    return;
  g_clear_pointer (&self->session, jy_actor_unref);
  self->session = session != NULL ? jy_actor_ref (session) : jy_actor_new_system (NULL);
}

const char *
jy_db_get_actor (JyDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jy_actor_get_uuid (self->session);
}

void
jy_db_set_actor (JyDb       *self,
                 const char *actor)
{
  g_autoptr(JyActor) session = NULL;

  g_return_if_fail (self != NULL);

  session = jy_actor_new_system (actor);
  jy_db_set_session (self, session);
}

sqlite3_stmt *
jy_db_prepare (JyDb        *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      jy_db_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

static void
log_if_slow (sqlite3_stmt *stmt,
             gint64        started)
{
  gint64 elapsed = g_get_monotonic_time () - started;

  if (elapsed > SLOW_STATEMENT_USEC)
    {
      /* The first line of the SQL names the statement; values are never in it. */
      const char *sql = sqlite3_sql (stmt);
      g_autofree char *first = g_strndup (sql, strcspn (sql, "\n"));

      g_debug ("slow statement (%.1f ms): %s", elapsed / 1000.0, first);
    }
}

int
jy_db_step (JyDb          *self,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  gint64 started = g_get_monotonic_time ();
  int rc = sqlite3_step (stmt);

  log_if_slow (stmt, started);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  jy_db_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return -1;
}

gboolean
jy_db_step_done (JyDb          *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = jy_db_step (self, stmt, error);

  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
jy_db_exec (JyDb        *self,
            const char  *sql,
            GError     **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return jy_db_set_error (self, rc, error);
  return TRUE;
}

gboolean
jy_db_query_int64 (JyDb        *self,
                   const char  *sql,
                   gint64      *out_value,
                   GError     **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = jy_db_step (self, stmt, error);
  if (rc < 0)
    return FALSE;

  *out_value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
jy_db_begin (JyDb    *self,
             GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  /* IMMEDIATE takes the write lock now, so a busy database fails here
   * (after the busy timeout) instead of halfway through a change. */
  return jy_db_exec (self, self->read_only ? "BEGIN" : "BEGIN IMMEDIATE", error);
}

gboolean
jy_db_commit (JyDb    *self,
              GError **error)
{
  return jy_db_exec (self, "COMMIT", error);
}

void
jy_db_rollback (JyDb *self)
{
  g_return_if_fail (self != NULL);

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
jy_db_in_transaction (JyDb *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return !sqlite3_get_autocommit (self->handle);
}

int
jy_db_get_user_version (JyDb    *self,
                        GError **error)
{
  gint64 version = 0;

  if (!jy_db_query_int64 (self, "PRAGMA user_version", &version, error))
    return -1;
  return (int)version;
}

gboolean
jy_db_set_user_version (JyDb    *self,
                        int      version,
                        GError **error)
{
  /* PRAGMA takes no bound parameters; the value is an int we own. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  return jy_db_exec (self, sql, error);
}

/* Steps a bound statement to the end and returns its first column as a
 * GArray of gint64 (row ids, mostly). Checks @cancellable every 16,384 rows
 * so a long list stops soon after the user moves on. */
GArray *
jy_db_collect_int64 (JyDb          *self,
                     sqlite3_stmt  *stmt,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 64);
  guint n = 0;
  int rc;

  g_return_val_if_fail (self != NULL && stmt != NULL, NULL);

  while ((rc = jy_db_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (values, value);
      if ((++n & 0x3fff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&values);
}

gint64
jy_db_last_insert_rowid (JyDb *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

int
jy_db_changes (JyDb *self)
{
  return sqlite3_changes (self->handle);
}

void
jy_db_bind_text_or_null (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
jy_db_column_dup_text (sqlite3_stmt *stmt,
                       int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *)text) : NULL;
}
