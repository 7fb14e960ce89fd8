/* jy-sync-outbox.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-outbox.h"

#include "jy-store.h"

gboolean
jy_sync_outbox_prune (JyDb        *db,
                      const char  *now_utc_iso,
                      guint        keep_days,
                      gint64      *removed,
                      GError     **error)
{
  /* Entries are numbered in commit order, so everything before the first
   * recent one is old: the outbox_pending (state, id) index finds the done
   * ones among them without reading the rest (this runs after every sync). */
  static const char sql[] =
    "DELETE FROM outbox WHERE state = 'done'\n"
    "  AND id < coalesce ((SELECT min (id) FROM outbox WHERE created_at >= ?1), 9223372036854775807)";
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (now_utc_iso, NULL);
  g_autoptr(GDateTime) cutoff = NULL;
  g_autofree char *cutoff_text = NULL;
  sqlite3_stmt *stmt;

  if (removed != NULL)
    *removed = 0;
  if (!jy_store_require (db, JY_PERMISSION_SYNC_RUN, error))
    return FALSE;
  if (now == NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, "Not a time: %s", now_utc_iso);
      return FALSE;
    }
  /* created_at is UTC ISO 8601 with a Z, like now: text order is time order. */
  {
    g_autoptr(GDateTime) earlier = g_date_time_add_days (now, -(int)MIN (keep_days, 3650));

    cutoff = g_date_time_to_utc (earlier);
  }
  cutoff_text = g_date_time_format (cutoff, "%Y-%m-%dT%H:%M:%S.%fZ");
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cutoff_text, -1, SQLITE_TRANSIENT);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;
  if (removed != NULL)
    *removed = sqlite3_changes (jy_db_get_handle (db));
  return TRUE;
}

gboolean
jy_sync_outbox_settle_local (JyDb               *db,
                             const char *const  *entities,
                             gint64             *settled,
                             GError            **error)
{
  static const char sql[] =
    "UPDATE outbox SET state = 'done', last_error = NULL WHERE state = 'pending' AND entity = ?1";

  if (settled != NULL)
    *settled = 0;
  if (!jy_store_require (db, JY_PERMISSION_SYNC_RUN, error))
    return FALSE;
  for (guint i = 0; entities != NULL && entities[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, entities[i], -1, SQLITE_STATIC);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
      if (settled != NULL)
        *settled += sqlite3_changes (jy_db_get_handle (db));
    }
  return TRUE;
}
