/* jy-sync-conflict.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-conflict.h"

#include <string.h>

#include "jy-clock.h"
#include "jy-store.h"
#include "jy-sync-engine-private.h"

static gboolean query_one (JyDb        *db,
                           const char  *sql,
                           const char  *arg,
                           char       **out,
                           GError     **error);

void
jy_sync_conflict_free (JySyncConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->entity);
  g_free (conflict->row_uuid);
  g_free (conflict->kind);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict->theirs_version);
  g_free (conflict->reason);
  g_free (conflict->created_at);
  g_free (conflict->label);
  g_free (conflict);
}

/* One open conflict per row: a newer version of theirs replaces the older. */
gboolean
jy_sync_conflict_record (JyDb        *db,
                         const char  *entity,
                         const char  *row_uuid,
                         const char  *kind,
                         const char  *mine,
                         const char  *theirs,
                         const char  *theirs_version,
                         const char  *reason,
                         GError     **error)
{
  static const char sql[] =
    "INSERT INTO sync_conflict (entity, row_uuid, kind, mine, theirs, theirs_version, reason,\n"
    "  created_at)\n"
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)\n"
    "ON CONFLICT (entity, row_uuid) WHERE state = 'open' DO UPDATE SET\n"
    "  kind = ?3, mine = coalesce (?4, mine), theirs = ?5, theirs_version = ?6, reason = ?7";
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  jy_db_bind_text_or_null (stmt, 4, mine);
  sqlite3_bind_text (stmt, 5, theirs != NULL ? theirs : "{}", -1, SQLITE_TRANSIENT);
  jy_db_bind_text_or_null (stmt, 6, theirs_version);
  jy_db_bind_text_or_null (stmt, 7, reason);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;
  g_debug ("conflict (%s) on %s %s", kind, entity, row_uuid);
  return TRUE;
}

/* Pending or rejected entries of the row or of its children. */
static const char unsent_sql[] =
  "SELECT count(*) FROM outbox WHERE entity = ?1 AND row_uuid = ?2\n"
  "  AND state IN ('pending', 'rejected')";

gboolean
jy_sync_row_has_unsent (JyDb               *db,
                        const JyFhirCodec  *codec,
                        const char         *uuid,
                        gboolean           *out,
                        GError            **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
  int rc;

  *out = FALSE;
  if ((stmt = jy_db_prepare (db, unsent_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, codec->entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  if (jy_db_step (db, stmt, error) < 0)
    return FALSE;
  *out = sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_reset (stmt);
  if (*out || codec->children_sql == NULL)
    return TRUE;

  if ((stmt = jy_db_prepare (db, codec->children_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (children, jy_db_column_dup_text (stmt, 0));
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  for (guint i = 0; i < children->len && !*out; i++)
    {
      if ((stmt = jy_db_prepare (db, unsent_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, codec->child_entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (children, i), -1, SQLITE_TRANSIENT);
      if (jy_db_step (db, stmt, error) < 0)
        return FALSE;
      *out = sqlite3_column_int64 (stmt, 0) > 0;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gpointer
jy_sync_conflict_list (JyDb          *db,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  static const char sql[] =
    "SELECT id, entity, row_uuid, kind, mine, theirs, theirs_version, reason, created_at\n"
    "FROM sync_conflict WHERE state = 'open' ORDER BY id";
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_sync_conflict_free);
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JySyncConflict *conflict = g_new0 (JySyncConflict, 1);

      conflict->id = sqlite3_column_int64 (stmt, 0);
      conflict->entity = jy_db_column_dup_text (stmt, 1);
      conflict->row_uuid = jy_db_column_dup_text (stmt, 2);
      conflict->kind = jy_db_column_dup_text (stmt, 3);
      conflict->mine = jy_db_column_dup_text (stmt, 4);
      conflict->theirs = jy_db_column_dup_text (stmt, 5);
      conflict->theirs_version = jy_db_column_dup_text (stmt, 6);
      conflict->reason = jy_db_column_dup_text (stmt, 7);
      conflict->created_at = jy_db_column_dup_text (stmt, 8);
      g_ptr_array_add (conflicts, conflict);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  /* Names for the inbox: a tag is shown as its resident. */
  for (guint i = 0; i < conflicts->len; i++)
    {
      JySyncConflict *conflict = g_ptr_array_index (conflicts, i);
      gboolean is_child = FALSE;
      const JyFhirCodec *codec = jy_fhir_codec_for_entity (conflict->entity, &is_child);
      g_autofree char *uuid = g_strdup (conflict->row_uuid);

      if (codec == NULL || codec->label_sql == NULL)
        continue;
      if (is_child && !query_one (db, codec->parent_sql, conflict->row_uuid, &uuid, error))
        return NULL;
      if (uuid != NULL && !query_one (db, codec->label_sql, uuid, &conflict->label, error))
        return NULL;
    }
  return g_steal_pointer (&conflicts);
}

static gboolean
apply_json (JyDb               *db,
            const JyFhirCodec  *codec,
            const char         *json,
            const char         *version,
            GError            **error)
{
  g_autoptr(JsonNode) node = jy_fhir_parse (json, strlen (json), JY_FHIR_MAX_BUNDLE_BYTES, error);
  gpointer record;
  gboolean ok;

  if (node == NULL || (record = jy_fhir_codec_decode (codec, node, NULL, error)) == NULL)
    return FALSE;
  ok = codec->apply (db, record, version, error);
  codec->free_record (record);
  return ok;
}

/* Marks the row's (and its children's) unsent entries. */
static gboolean
settle_one (JyDb        *db,
            const char  *entity,
            const char  *uuid,
            const char  *state,
            GError     **error)
{
  static const char sql[] =
    "UPDATE outbox SET state = ?3, next_attempt_at = NULL, last_error = NULL\n"
    "WHERE entity = ?1 AND row_uuid = ?2 AND state IN ('pending', 'rejected')";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, state, -1, SQLITE_STATIC);
  return jy_db_step_done (db, stmt, error);
}

static gboolean
settle_outbox (JyDb               *db,
               const JyFhirCodec  *codec,
               const char         *uuid,
               const char         *state,
               GError            **error)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!settle_one (db, codec->entity, uuid, state, error))
    return FALSE;
  if (codec->children_sql == NULL)
    return TRUE;
  if ((stmt = jy_db_prepare (db, codec->children_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (children, jy_db_column_dup_text (stmt, 0));
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  for (guint i = 0; i < children->len; i++)
    if (!settle_one (db, codec->child_entity, g_ptr_array_index (children, i), state, error))
      return FALSE;
  return TRUE;
}

gboolean
jy_sync_conflict_resolve (JyDb              *db,
                          gint64             conflict_id,
                          JySyncResolution   resolution,
                          const char        *merged,
                          GError           **error)
{
  static const char load_sql[] =
    "SELECT entity, row_uuid, kind, theirs, theirs_version FROM sync_conflict\n"
    "WHERE id = ?1 AND state = 'open'";
  static const char close_sql[] =
    "UPDATE sync_conflict SET state = 'resolved', resolution = ?2, resolved_at = ?3 WHERE id = ?1";
  static const char *const names[] = { "mine", "theirs", "merged" };
  g_autoptr(JySyncConflict) conflict = g_new0 (JySyncConflict, 1);
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *action = NULL;
  const JyFhirCodec *codec;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (resolution <= JY_SYNC_KEEP_MERGED, FALSE);
  g_return_val_if_fail (resolution != JY_SYNC_KEEP_MERGED || merged != NULL, FALSE);

  if ((stmt = jy_db_prepare (db, load_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conflict_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No open conflict %" G_GINT64_FORMAT,
                   conflict_id);
      return FALSE;
    }
  conflict->entity = jy_db_column_dup_text (stmt, 0);
  conflict->row_uuid = jy_db_column_dup_text (stmt, 1);
  conflict->kind = jy_db_column_dup_text (stmt, 2);
  conflict->theirs = jy_db_column_dup_text (stmt, 3);
  conflict->theirs_version = jy_db_column_dup_text (stmt, 4);
  sqlite3_reset (stmt);

  codec = jy_fhir_codec_for_entity (conflict->entity, NULL);
  if (codec == NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, "Entity %s does not sync", conflict->entity);
      return FALSE;
    }

  if (g_str_equal (conflict->kind, "edit"))
    {
      switch (resolution)
        {
        case JY_SYNC_KEEP_THEIRS:
          if (!apply_json (db, codec, conflict->theirs, conflict->theirs_version, error) ||
              !settle_outbox (db, codec, conflict->row_uuid, "done", error))
            return FALSE;
          break;
        case JY_SYNC_KEEP_MERGED:
          if (!apply_json (db, codec, merged, conflict->theirs_version, error))
            return FALSE;
          G_GNUC_FALLTHROUGH;
        case JY_SYNC_KEEP_MINE:
        default:
          /* The next push overwrites theirs: If-Match their version. */
          if ((conflict->theirs_version != NULL &&
               !codec->set_version (db, conflict->row_uuid, conflict->theirs_version, error)) ||
              !settle_outbox (db, codec, conflict->row_uuid, "pending", error))
            return FALSE;
          break;
        }
    }
  else if (resolution == JY_SYNC_KEEP_THEIRS &&
           !apply_json (db, codec, conflict->theirs, conflict->theirs_version, error))
    return FALSE;   /* still cannot be stored: the conflict stays open */

  if ((stmt = jy_db_prepare (db, close_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conflict_id);
  sqlite3_bind_text (stmt, 2, names[resolution], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;

  action = g_strconcat ("resolve-", names[resolution], NULL);
  return jy_store_record_audit (db, action, conflict->entity, conflict->row_uuid, NULL, error);
}

static gboolean
query_one (JyDb        *db,
           const char  *sql,
           const char  *arg,
           char       **out,
           GError     **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  g_clear_pointer (out, g_free);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    *out = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

void
jy_sync_status_free (JySyncStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->last_success_at);
  g_free (status->last_error);
  g_clear_pointer (&status->rejections, g_ptr_array_unref);
  g_free (status);
}

gpointer
jy_sync_status_load (JyDb          *db,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  static const char state_sql[] =
    "SELECT last_success_at, last_error FROM sync_state WHERE scope = '*'";
  static const char pending_sql[] =
    "SELECT count(*) FROM (SELECT DISTINCT entity, row_uuid FROM outbox WHERE state = 'pending')";
  static const char local_sql[] =
    "SELECT count(DISTINCT row_uuid) FROM outbox WHERE state = 'pending' AND entity = ?1";
  static const char conflicts_sql[] = "SELECT count(*) FROM sync_conflict WHERE state = 'open'";
  static const char rejected_sql[] =
    "SELECT entity, row_uuid, last_error FROM outbox WHERE state = 'rejected'\n"
    "GROUP BY entity, row_uuid ORDER BY max (id) DESC LIMIT 200";
  g_autoptr(JySyncStatus) status = g_new0 (JySyncStatus, 1);
  sqlite3_stmt *stmt;
  int rc;

  status->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_sync_rejection_free);
  if ((stmt = jy_db_prepare (db, state_sql, error)) == NULL ||
      (rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    {
      status->last_success_at = jy_db_column_dup_text (stmt, 0);
      status->last_error = jy_db_column_dup_text (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (!jy_db_query_int64 (db, pending_sql, &status->pending, error))
    return NULL;
  /* Record types that stay here (the drug catalogue) wait for nothing,
   * even before a run settles them. */
  for (const char *const *entity = jy_fhir_local_entities (); *entity != NULL; entity++)
    {
      if ((stmt = jy_db_prepare (db, local_sql, error)) == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, *entity, -1, SQLITE_STATIC);
      if (jy_db_step (db, stmt, error) < 0)
        return NULL;
      status->pending -= sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (!jy_db_query_int64 (db, conflicts_sql, &status->open_conflicts, error) ||
      (stmt = jy_db_prepare (db, rejected_sql, error)) == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (status->rejections,
                     jy_sync_rejection_new ((const char *)sqlite3_column_text (stmt, 0),
                                            (const char *)sqlite3_column_text (stmt, 1),
                                            (const char *)sqlite3_column_text (stmt, 2)));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  /* Names for the page: a tag is shown as its resident. */
  for (guint i = 0; i < status->rejections->len; i++)
    {
      JySyncRejection *rejection = g_ptr_array_index (status->rejections, i);
      gboolean is_child = FALSE;
      const JyFhirCodec *codec = jy_fhir_codec_for_entity (rejection->entity, &is_child);
      g_autofree char *uuid = g_strdup (rejection->row_uuid);

      if (codec == NULL || codec->label_sql == NULL)
        continue;
      if (is_child && !query_one (db, codec->parent_sql, rejection->row_uuid, &uuid, error))
        return NULL;
      if (uuid != NULL && !query_one (db, codec->label_sql, uuid, &rejection->label, error))
        return NULL;
    }
  return g_steal_pointer (&status);
}
