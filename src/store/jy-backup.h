/* jy-backup.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"
#include "jy-store.h"

G_BEGIN_DECLS

/* Backups of the centre's database (issue #5). A backup is an online copy
 * made with SQLite's backup API: one consistent snapshot while the app
 * keeps working, written to "NAME.part" (0600, in a 0700 folder) and
 * renamed when complete, so a killed backup never looks like a good one.
 * Backups live in a folder (by default "backups" next to the database),
 * named jiayi-YYYYMMDD-HHMMSS-mmm-KIND.db in the centre's time, so the
 * newest sorts last; the oldest beyond a count are removed. */

#define JY_BACKUP_KEEP_DEFAULT 10

typedef enum
{
  JY_BACKUP_MANUAL,
  JY_BACKUP_SCHEDULED,
  JY_BACKUP_BEFORE_MIGRATION,
  JY_BACKUP_BEFORE_RESTORE,
} JyBackupKind;

typedef struct
{
  char         *path;
  JyBackupKind  kind;
  gint64        created;    /* Unix seconds, from the name */
  goffset       size;
} JyBackupInfo;

void        jy_backup_info_free         (JyBackupInfo  *info);

/* "<folder of @db_path>/backups" */
char       *jy_backup_dup_default_dir   (const char    *db_path);

/* Copies the database @source is connected to into a new backup in @dir
 * (created 0700; NULL: the default next to @source's file), then removes
 * the oldest beyond @keep (0: keep all). Blocking; @source must not be in
 * a write transaction. Returns the new file's path. */
char       *jy_backup_create            (JyDb          *source,
                                         const char    *dir,
                                         JyBackupKind   kind,
                                         guint          keep,
                                         GError       **error);
/* The same from a file: opens its own connection (any thread). */
char       *jy_backup_create_from_file  (const char    *db_path,
                                         const char    *dir,
                                         JyBackupKind   kind,
                                         guint          keep,
                                         GError       **error);
/* Copies into exactly @dest_path (created 0600, must not exist). */
gboolean    jy_backup_copy_to           (JyDb          *source,
                                         const char    *dest_path,
                                         GError       **error);

/* Backups in @dir, newest first (JyBackupInfo); an empty array if none. */
GPtrArray  *jy_backup_list              (const char    *dir,
                                         GError       **error);
gboolean    jy_backup_rotate            (const char    *dir,
                                         guint          keep,
                                         GError       **error);

/* Checks a file before it replaces the database: PRAGMA integrity_check
 * passes, it is a Jiayi database (its tables), and its schema version is
 * one this program knows. JY_STORE_ERROR_CORRUPT (damaged or not a
 * database), _INVALID (not Jiayi's) or _TOO_NEW. */
gboolean    jy_backup_verify            (const char    *backup_path,
                                         int           *out_version,
                                         GError       **error);

/* Replaces the contents of the database at @db_path with @backup_path:
 * verifies the backup first (nothing is touched if it fails), backs the
 * current database up into @dir (JY_BACKUP_BEFORE_RESTORE; NULL: the
 * default), copies the backup in with SQLite's backup API (one
 * transaction: all or nothing, even if the process is killed) and
 * migrates it to this program's schema. Other connections to the file see
 * the restored contents at their next transaction. When the current
 * database is too damaged to open, its files are set aside as
 * NAME-before-restore.db.damaged instead and a restored copy renamed into
 * its place (no other program may have it open then). Blocking. */
gboolean    jy_backup_restore           (const char    *backup_path,
                                         const char    *db_path,
                                         const char    *dir,
                                         GError       **error);

/* PRAGMA integrity_check: the problems found, at most @max (an empty
 * array when the database is sound). Any connection. */
GPtrArray  *jy_db_check_integrity       (JyDb          *db,
                                         guint          max,
                                         GError       **error);

/* The same for an open store, checked against its session and written to
 * the audit trail ("backup", "restore"). Blocking: call them from a worker
 * thread. A JY_BACKUP_MANUAL backup needs JY_PERMISSION_BACKUP (scheduled
 * ones are the program's own); a restore needs JY_PERMISSION_RESTORE; the
 * check JY_PERMISSION_INTEGRITY_CHECK and runs on a reader. */
char       *jy_store_backup             (JyStore       *store,
                                         JyBackupKind   kind,
                                         const char    *dir,
                                         guint          keep,
                                         GError       **error);
gboolean    jy_store_restore            (JyStore       *store,
                                         const char    *backup_path,
                                         const char    *dir,
                                         GError       **error);
GPtrArray  *jy_store_check_integrity    (JyStore       *store,
                                         GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyBackupInfo, jy_backup_info_free)

G_END_DECLS
