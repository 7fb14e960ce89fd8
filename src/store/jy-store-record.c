/* jy-store-record.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

/* What every store function does around its change, inside the job: the
 * permission guard, and the outbox and audit rows (invariant 1). */

#include "jy-store.h"

#include "jy-clock.h"
#include "jy-store-error.h"

gboolean
jy_store_can (JyDb         *db,
              JyPermission  permission)
{
  g_return_val_if_fail (db != NULL, FALSE);
  return jy_actor_can (jy_db_get_session (db), permission);
}

/**
 * jy_store_require:
 * @db: the job's connection
 * @permission: what the function about to run needs
 * @error: return location for %JY_STORE_ERROR_DENIED
 *
 * The guard at the top of every store function that reads or writes
 * personal data: the job's session must have @permission.
 *
 * Returns: %TRUE when it does
 */
gboolean
jy_store_require (JyDb          *db,
                  JyPermission   permission,
                  GError       **error)
{
  JyActor *session;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (permission < JY_N_PERMISSIONS, FALSE);

  session = jy_db_get_session (db);
  if (jy_actor_can (session, permission))
    return TRUE;

  /* Role and permission codes only: no name, no record. */
  g_debug ("denied: role %s lacks %s", jy_role_to_string (jy_actor_get_role (session)),
           jy_permission_to_string (permission));
  g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED,
               "Role %s may not do %s", jy_role_to_string (jy_actor_get_role (session)),
               jy_permission_to_string (permission));
  return FALSE;
}

static const char *
change_op_to_string (JyChangeOp op)
{
  switch (op)
    {
    case JY_CHANGE_CREATE:
      return "create";
    case JY_CHANGE_UPDATE:
      return "update";
    case JY_CHANGE_RETIRE:
      return "retire";
    default:
      g_assert_not_reached ();
    }
}

gboolean
jy_store_record_audit (JyDb        *db,
                       const char  *action,
                       const char  *entity,
                       const char  *row_uuid,
                       const char  *detail,
                       GError     **error)
{
  static const char sql[] =
    "INSERT INTO audit_log (at, actor, action, entity, row_uuid, detail)\n"
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (action != NULL && entity != NULL, FALSE);

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entity, -1, SQLITE_STATIC);
  jy_db_bind_text_or_null (stmt, 5, row_uuid);
  jy_db_bind_text_or_null (stmt, 6, detail);

  return jy_db_step_done (db, stmt, error);
}

gboolean
jy_store_record_change (JyDb        *db,
                        const char  *entity,
                        const char  *row_uuid,
                        JyChangeOp   op,
                        gint64       rev,
                        const char  *detail,
                        GError     **error)
{
  static const char sql[] =
    "INSERT INTO outbox (entity, row_uuid, op, rev, created_at)\n"
    "VALUES (?1, ?2, ?3, ?4, ?5)";
  g_autofree char *now = jy_clock_now_utc_iso ();
  const char *op_name = change_op_to_string (op);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (entity != NULL && row_uuid != NULL, FALSE);
  /* Outside a transaction the change and its outbox row could part ways. */
  g_return_val_if_fail (jy_db_in_transaction (db), FALSE);

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, op_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rev);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);

  return jy_db_step_done (db, stmt, error) &&
         jy_store_record_audit (db, op_name, entity, row_uuid, detail, error);
}
