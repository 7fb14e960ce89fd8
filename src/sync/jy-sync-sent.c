/* jy-sync-sent.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-engine-private.h"

/* The write-ahead log of what this workstation put on the wire (table
 * sync_sent). A run can be killed after the platform applied a Bundle and
 * before the answers were recorded; if the row changed again locally
 * since, the platform's copy is neither the local record nor the version
 * we know, and without this log it would look like someone else's edit. */

gboolean
jy_sync_sent_add (JyDb        *db,
                  const char  *entity,
                  const char  *row_uuid,
                  const char  *digest,
                  GError     **error)
{
  static const char sql[] =
    "INSERT OR IGNORE INTO sync_sent (entity, row_uuid, digest) VALUES (?1, ?2, ?3)";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, digest, -1, SQLITE_TRANSIENT);
  return jy_db_step_done (db, stmt, error);
}

gboolean
jy_sync_sent_contains (JyDb        *db,
                       const char  *entity,
                       const char  *row_uuid,
                       const char  *digest,
                       gboolean    *out,
                       GError     **error)
{
  static const char sql[] =
    "SELECT count(*) FROM sync_sent WHERE entity = ?1 AND row_uuid = ?2 AND digest = ?3";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, digest, -1, SQLITE_TRANSIENT);
  if (jy_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out = sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/* The platform answered for the row: what went before is settled. */
gboolean
jy_sync_sent_clear (JyDb        *db,
                    const char  *entity,
                    const char  *row_uuid,
                    GError     **error)
{
  static const char sql[] = "DELETE FROM sync_sent WHERE entity = ?1 AND row_uuid = ?2";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row_uuid, -1, SQLITE_TRANSIENT);
  return jy_db_step_done (db, stmt, error);
}
