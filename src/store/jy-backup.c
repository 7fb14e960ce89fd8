/* jy-backup.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-backup.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "jy-clock.h"
#include "jy-migrations.h"

/* A .part file this old belongs to a backup that was killed. */
#define STALE_PART_SECONDS (60 * 60)
/* How long a restore waits for the app's writer to let go. */
#define RESTORE_BUSY_TRIES 50

void
jy_backup_info_free (JyBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info);
}

char *
jy_backup_dup_default_dir (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

static const char *
kind_to_string (JyBackupKind kind)
{
  switch (kind)
    {
    case JY_BACKUP_MANUAL:
      return "manual";
    case JY_BACKUP_SCHEDULED:
      return "scheduled";
    case JY_BACKUP_BEFORE_MIGRATION:
      return "before-migration";
    case JY_BACKUP_BEFORE_RESTORE:
      return "before-restore";
    default:
      g_assert_not_reached ();
    }
}

static gboolean
kind_from_string (const char   *text,
                  JyBackupKind *out)
{
  for (JyBackupKind kind = JY_BACKUP_MANUAL; kind <= JY_BACKUP_BEFORE_RESTORE; kind++)
    {
      if (g_str_equal (text, kind_to_string (kind)))
        {
          *out = kind;
          return TRUE;
        }
    }
  return FALSE;
}

/* jiayi-20261123-080000-123-manual.db: the time comes first, so names sort by it. */
static gboolean
parse_name (const char   *name,
            gint64       *out_created,
            JyBackupKind *out_kind)
{
  int year, month, day, hour, minute, second, ms;
  char kind_text[32];
  g_autoptr(GDateTime) created = NULL;

  if (!g_str_has_prefix (name, "jiayi-") || !g_str_has_suffix (name, ".db") ||
      sscanf (name, "jiayi-%4d%2d%2d-%2d%2d%2d-%3d-%31[a-z-]", &year, &month, &day, &hour,
              &minute, &second, &ms, kind_text) != 8)
    return FALSE;
  /* The %[ conversion stops at the dot of ".db". */
  if (!kind_from_string (kind_text, out_kind))
    return FALSE;
  created = g_date_time_new (jy_clock_get_local_zone (), year, month, day, hour, minute, second);
  if (created == NULL)
    return FALSE;
  *out_created = g_date_time_to_unix (created);
  return TRUE;
}

static char *
new_backup_name (JyBackupKind kind)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (jy_clock_get_local_zone ());
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("jiayi-%s-%03d-%s.db", stamp,
                          g_date_time_get_microsecond (now) / 1000, kind_to_string (kind));
}

static gboolean
make_private_dir (const char  *dir,
                  GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, JY_STORE_ERROR,
                   saved_errno == ENOSPC ? JY_STORE_ERROR_DISK_FULL : JY_STORE_ERROR_PERMISSION,
                   "Cannot create the backup folder: %s", g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Runs a whole backup from @source into @dest (both open connections). */
static gboolean
copy_database (sqlite3  *dest,
               sqlite3  *source,
               int       busy_tries,
               GError  **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_FAILED,
                   "Cannot start the backup: %s", sqlite3_errmsg (dest));
      return FALSE;
    }

  /* -1: every page in one step, under one read snapshot of the source. */
  for (int tries = 0;; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries >= busy_tries)
        break;
      sqlite3_sleep (100);
    }
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, JY_STORE_ERROR,
                   rc == SQLITE_FULL ? JY_STORE_ERROR_DISK_FULL
                   : rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? JY_STORE_ERROR_LOCKED
                   : (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ? JY_STORE_ERROR_CORRUPT
                   : JY_STORE_ERROR_IO,
                   "Backup failed: SQLite error %d: %s", rc, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

gboolean
jy_backup_copy_to (JyDb        *source,
                   const char  *dest_path,
                   GError     **error)
{
  g_autoptr(JyDb) dest = NULL;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (!jy_db_in_transaction (source), FALSE);

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_IO, "The backup file exists already");
      return FALSE;
    }

  /* jy_db_open creates the file 0600 (and its folder 0700) before SQLite sees it. */
  if ((dest = jy_db_open (dest_path, JY_DB_OPEN_CREATE, error)) == NULL ||
      !copy_database (jy_db_get_handle (dest), jy_db_get_handle (source), 0, error) ||
      /* A backup is one self-contained file: no -wal beside it. */
      !jy_db_exec (dest, "PRAGMA journal_mode = DELETE", error))
    return FALSE;

  return TRUE;
}

char *
jy_backup_create (JyDb          *source,
                  const char    *dir,
                  JyBackupKind   kind,
                  guint          keep,
                  GError       **error)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *part = NULL;
  gint64 started = g_get_monotonic_time ();

  g_return_val_if_fail (source != NULL, NULL);

  if (dir == NULL)
    dir = default_dir = jy_backup_dup_default_dir (jy_db_get_path (source));
  if (!make_private_dir (dir, error))
    return NULL;

  for (guint n = 0; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = new_backup_name (kind);

      g_free (path);
      if (n > 0)
        {
          /* Two backups in one millisecond: tell them apart before ".db". */
          g_autofree char *stem = g_strndup (name, strlen (name) - 3);
          g_autofree char *numbered = g_strdup_printf ("%s-%u.db", stem, n);

          path = g_build_filename (dir, numbered, NULL);
        }
      else
        path = g_build_filename (dir, name, NULL);
    }
  part = g_strconcat (path, ".part", NULL);
  g_unlink (part);

  if (!jy_backup_copy_to (source, part, error))
    {
      g_unlink (part);
      g_prefix_error (error, "Backup to %s: ", dir);
      return NULL;
    }
  if (g_rename (part, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (part);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_IO,
                   "Cannot name the backup: %s", g_strerror (saved_errno));
      return NULL;
    }

  g_debug ("backup (%s) written in %.0f ms", kind_to_string (kind),
           (g_get_monotonic_time () - started) / 1000.0);

  if (keep > 0 && !jy_backup_rotate (dir, keep, error))
    return NULL;
  return g_steal_pointer (&path);
}

char *
jy_backup_create_from_file (const char    *db_path,
                            const char    *dir,
                            JyBackupKind   kind,
                            guint          keep,
                            GError       **error)
{
  g_autoptr(JyDb) source = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  if ((source = jy_db_open (db_path, JY_DB_OPEN_QUERY_ONLY, error)) == NULL)
    return NULL;
  return jy_backup_create (source, dir, kind, keep, error);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const JyBackupInfo *x = *(JyBackupInfo **)a;
  const JyBackupInfo *y = *(JyBackupInfo **)b;

  /* Names carry the time to the millisecond; compare them, newest first. */
  return -strcmp (x->path, y->path);
}

GPtrArray *
jy_backup_list (const char  *dir,
                GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_backup_info_free);
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, NULL);

  folder = g_dir_open (dir, 0, &local_error);
  if (folder == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_IO,
                   "Cannot read the backup folder: %s", local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      JyBackupInfo *info;
      JyBackupKind kind;
      gint64 created;
      GStatBuf st;

      if (g_str_has_suffix (name, ".part"))
        {
          /* Left by a backup that was killed halfway: never a backup. */
          if (g_stat (path, &st) == 0 && time (NULL) - st.st_mtime > STALE_PART_SECONDS)
            g_unlink (path);
          continue;
        }
      if (!parse_name (name, &created, &kind) || g_stat (path, &st) != 0)
        continue;

      info = g_new0 (JyBackupInfo, 1);
      info->path = g_steal_pointer (&path);
      info->kind = kind;
      info->created = created;
      info->size = st.st_size;
      g_ptr_array_add (backups, info);
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

gboolean
jy_backup_rotate (const char  *dir,
                  guint        keep,
                  GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);

  if ((backups = jy_backup_list (dir, error)) == NULL)
    return FALSE;

  for (guint i = keep; keep > 0 && i < backups->len; i++)
    {
      JyBackupInfo *info = g_ptr_array_index (backups, i);

      if (g_unlink (info->path) != 0)
        g_debug ("could not remove an old backup: %s", g_strerror (errno));
    }
  if (keep > 0 && backups->len > keep)
    g_debug ("removed %u old backup(s), kept %u", backups->len - keep, keep);
  return TRUE;
}

GPtrArray *
jy_db_check_integrity (JyDb     *db,
                       guint     max,
                       GError  **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  /* PRAGMA takes no bound parameters; the number is ours. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA integrity_check (%u)", MAX (max, 1));
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  rc = sqlite3_prepare_v2 (jy_db_get_handle (db), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      jy_db_set_error (db, rc, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, 0);

      if (text != NULL && !g_str_equal (text, "ok"))
        g_ptr_array_add (problems, g_strdup (text));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      jy_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&problems);
}

gboolean
jy_backup_verify (const char  *backup_path,
                  int         *out_version,
                  GError     **error)
{
  static const char tables_sql[] =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table'\n"
    "  AND name IN ('meta', 'site', 'staff', 'resident', 'outbox', 'audit_log')";
  g_autoptr(JyDb) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 tables = 0;
  int version;

  g_return_val_if_fail (backup_path != NULL, FALSE);

  if ((db = jy_db_open (backup_path, JY_DB_OPEN_READ_ONLY, error)) == NULL)
    return FALSE;

  if ((problems = jy_db_check_integrity (db, 10, error)) == NULL)
    {
      g_prefix_error (error, "Backup unreadable: ");
      return FALSE;
    }
  if (problems->len > 0)
    {
      /* SQLite's messages name pages and indexes, never values. */
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CORRUPT,
                   "The backup is damaged (%u problem(s); first: %s)", problems->len,
                   (const char *)g_ptr_array_index (problems, 0));
      return FALSE;
    }

  if ((version = jy_db_get_user_version (db, error)) < 0 ||
      !jy_db_query_int64 (db, tables_sql, &tables, error))
    return FALSE;
  if (version > jy_migrations_latest ())
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_TOO_NEW,
                   "The backup has schema version %d; this program knows up to %d",
                   version, jy_migrations_latest ());
      return FALSE;
    }
  if (version == 0 || tables != 6)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "The file is an SQLite database but not a Jiayi backup");
      return FALSE;
    }

  if (out_version != NULL)
    *out_version = version;
  return TRUE;
}

/* The current database cannot even be read: set its files aside (not as a
 * backup: they are damaged) and put a restored copy in its place with one
 * rename. Only with no other connection on the file (the CLI). */
static gboolean
replace_damaged (JyDb        *source,
                 const char  *db_path,
                 const char  *dir,
                 GError     **error)
{
  static const char *const suffixes[] = { "", "-wal" };
  g_autofree char *default_dir = NULL;
  g_autofree char *tmp = g_strconcat (db_path, ".restore", NULL);
  g_autofree char *stem = NULL;
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

  if (dir == NULL)
    dir = default_dir = jy_backup_dup_default_dir (db_path);
  if (!make_private_dir (dir, error))
    return FALSE;
  stem = new_backup_name (JY_BACKUP_BEFORE_RESTORE);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *name = g_strconcat (stem, suffixes[i], ".damaged", NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) from_file = g_file_new_for_path (from);
      g_autoptr(GFile) to_file = g_file_new_for_path (to);
      g_autoptr(GError) local_error = NULL;

      if (g_file_test (from, G_FILE_TEST_EXISTS) &&
          !g_file_copy (from_file, to_file, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
        {
          g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_IO,
                       "Not restored: the damaged database could not be set aside: %s",
                       local_error->message);
          return FALSE;
        }
      g_chmod (to, 0600);
    }

  g_unlink (tmp);
  {
    g_autoptr(JyDb) dest = jy_db_open (tmp, JY_DB_OPEN_CREATE, error);

    if (dest == NULL ||
        !copy_database (jy_db_get_handle (dest), jy_db_get_handle (source), 0, error) ||
        !jy_migrations_run (dest, jy_migrations_latest (), error) ||
        !jy_migrations_new_workstation (dest, error))
      {
        g_unlink (tmp);
        return FALSE;
      }
  }

  /* An old -wal beside the new file would be replayed into it. */
  g_unlink (shm);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);

    g_unlink (wal);
  }
  if (g_rename (tmp, db_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_IO,
                   "Not restored: %s", g_strerror (saved_errno));
      return FALSE;
    }
  g_debug ("replaced a damaged database with a restored copy");
  return TRUE;
}

gboolean
jy_backup_restore (const char  *backup_path,
                   const char  *db_path,
                   const char  *dir,
                   GError     **error)
{
  g_autoptr(JyDb) source = NULL;
  g_autoptr(JyDb) dest = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *safety = NULL;
  int from_version = 0;
  int current = 0;

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (db_path != NULL, FALSE);

  /* First, and touching nothing: a corrupt or foreign file stops here. */
  if (!jy_backup_verify (backup_path, &from_version, error))
    return FALSE;
  if ((source = jy_db_open (backup_path, JY_DB_OPEN_READ_ONLY, error)) == NULL)
    return FALSE;

  if ((dest = jy_db_open (db_path, JY_DB_OPEN_CREATE, error)) == NULL)
    return FALSE;
  current = jy_db_get_user_version (dest, &local_error);
  if (current < 0 && g_error_matches (local_error, JY_STORE_ERROR, JY_STORE_ERROR_CORRUPT))
    {
      g_clear_pointer (&dest, jy_db_close);
      return replace_damaged (source, db_path, dir, error);
    }
  if (current < 0)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* What is there now is kept, in case the wrong backup was chosen. */
  if (current > 0 &&
      (safety = jy_backup_create (dest, dir, JY_BACKUP_BEFORE_RESTORE, 0, error)) == NULL)
    {
      g_prefix_error (error, "Not restored: the current database could not be backed up first: ");
      return FALSE;
    }

  /* The backup API writes the destination in one transaction: other
   * connections see the old contents or the new, never a mix. */
  if (!copy_database (jy_db_get_handle (dest), jy_db_get_handle (source), RESTORE_BUSY_TRIES, error))
    return FALSE;

  /* A restored copy may be a second workstation joining the centre: it
   * numbers its records apart from the original from now on. */
  if (!jy_db_exec (dest, "PRAGMA foreign_keys = ON", error) ||
      !jy_migrations_run (dest, jy_migrations_latest (), error) ||
      !jy_migrations_new_workstation (dest, error))
    return FALSE;

  g_debug ("restored a backup of schema version %d over version %d", from_version, current);
  return TRUE;
}

static gboolean
require_session (JyStore       *store,
                 JyPermission   permission,
                 GError       **error)
{
  g_autoptr(JyActor) session = jy_store_dup_session (store);

  if (jy_actor_can (session, permission))
    return TRUE;
  g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED, "Role %s may not do %s",
               jy_role_to_string (jy_actor_get_role (session)), jy_permission_to_string (permission));
  return FALSE;
}

typedef struct
{
  const char *action;
  char       *detail;
} AuditJob;

static gpointer
audit_worker (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  AuditJob *job = data;

  return jy_store_record_audit (db, job->action, "database", NULL, job->detail, error) ? JY_STORE_DONE : NULL;
}

static gboolean
audit (JyStore     *store,
       const char  *action,
       char        *detail,
       GError     **error)
{
  AuditJob job = { action, detail };
  gboolean ok = jy_store_write (store, audit_worker, &job, NULL, error) != NULL;

  g_free (detail);
  return ok;
}

char *
jy_store_backup (JyStore       *store,
                 JyBackupKind   kind,
                 const char    *dir,
                 guint          keep,
                 GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (JY_IS_STORE (store), NULL);

  if (kind == JY_BACKUP_MANUAL && !require_session (store, JY_PERMISSION_BACKUP, error))
    return NULL;
  if ((path = jy_backup_create_from_file (jy_store_get_path (store), dir, kind, keep, error)) == NULL)
    return NULL;

  /* The file's name (a time and a kind), never its folder. */
  name = g_path_get_basename (path);
  if (!audit (store, "backup", g_strdup_printf ("{\"file\":\"%s\"}", name), error))
    return NULL;
  return g_steal_pointer (&path);
}

gboolean
jy_store_restore (JyStore     *store,
                  const char  *backup_path,
                  const char  *dir,
                  GError     **error)
{
  int version = 0;

  g_return_val_if_fail (JY_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!require_session (store, JY_PERMISSION_RESTORE, error) ||
      !jy_backup_verify (backup_path, &version, error) ||
      !jy_backup_restore (backup_path, jy_store_get_path (store), dir, error))
    return FALSE;

  /* Into the restored trail: it happened, and who did it. */
  return audit (store, "restore", g_strdup_printf ("{\"schema_version\":%d}", version), error);
}

static gpointer
integrity_worker (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  if (!jy_store_require (db, JY_PERMISSION_INTEGRITY_CHECK, error))
    return NULL;
  return jy_db_check_integrity (db, 100, error);
}

GPtrArray *
jy_store_check_integrity (JyStore  *store,
                          GError  **error)
{
  g_return_val_if_fail (JY_IS_STORE (store), NULL);

  return jy_store_read (store, integrity_worker, NULL, NULL, error);
}
