/* jy-audit-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-audit-store.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "jy-clock.h"
#include "jy-csv.h"
#include "jy-person.h"
#include "jy-store.h"

#define CHUNK_BYTES (64 * 1024)

void
jy_audit_filter_free (JyAuditFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->actor);
  g_free (filter->action);
  g_free (filter->resident);
  g_free (filter->from_date);
  g_free (filter->to_date);
  g_free (filter);
}

void
jy_audit_entry_free (JyAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->actor_name);
  g_free (entry->actor_login);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->row_uuid);
  g_free (entry->record);
  g_free (entry->detail);
  g_free (entry);
}

static void
mask_member (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *masked = jy_person_mask_id_number (json_node_get_string (node));

      json_object_set_string_member (object, member, masked);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            {
              g_autofree char *masked = jy_person_mask_id_number (json_node_get_string (element));

              json_node_set_string (element, masked);
            }
        }
    }
}

char *
jy_audit_mask_detail (const char *detail)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (detail == NULL)
    return NULL;
  if (strstr (detail, "id_number") == NULL)
    return g_strdup (detail);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, detail, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      /* Not ours to read: show nothing rather than a whole number. */
      return g_strdup ("{}");
    }

  mask_member (json_node_get_object (root), "id_number");
  mask_member (json_node_get_object (root), "id_number_original");
  return json_to_string (root, FALSE);
}

char *
jy_audit_format_time (const char *utc_iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) stamp = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc_iso == NULL || (stamp = g_date_time_new_from_iso8601 (utc_iso, utc)) == NULL)
    return g_strdup (utc_iso != NULL ? utc_iso : "");
  local = g_date_time_to_timezone (stamp, jy_clock_get_local_zone ());
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

/* The first instant of a local date, or of the day after it, in UTC as
 * audit_log.at stores it (so text comparison orders them). */
static char *
local_date_to_utc (const char *date,
                   int         add_days)
{
  GDate parsed;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) shifted = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (date == NULL || !jy_person_parse_date (date, &parsed))
    return NULL;
  local = g_date_time_new (jy_clock_get_local_zone (), g_date_get_year (&parsed),
                           g_date_get_month (&parsed), g_date_get_day (&parsed), 0, 0, 0);
  shifted = g_date_time_add_days (local, add_days);
  utc = g_date_time_to_utc (shifted);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000000Z");
}

static const char query_sql[] =
  "SELECT a.id, a.at, a.actor, s.name, s.login, a.action, a.entity, a.row_uuid,\n"
  "       CASE a.entity WHEN 'resident' THEN r.name || ' ' || ifnull (r.archive_no, '')\n"
  "                     WHEN 'staff' THEN t.name || ' (' || ifnull (t.login, '') || ')' END,\n"
  "       a.detail\n"
  "FROM audit_log a\n"
  "LEFT JOIN staff s ON s.uuid = a.actor\n"
  "LEFT JOIN resident r ON a.entity = 'resident' AND r.uuid = a.row_uuid\n"
  "LEFT JOIN staff t ON a.entity = 'staff' AND t.uuid = a.row_uuid\n"
  "WHERE (?1 IS NULL OR a.actor = ?1) AND (?2 IS NULL OR a.action = ?2)\n"
  "  AND (?3 IS NULL OR (a.entity = 'resident' AND a.row_uuid IN\n"
  "       (SELECT uuid FROM resident WHERE archive_no = ?3 OR id_number = ?3 OR name = ?3)))\n"
  "  AND (?4 IS NULL OR a.at >= ?4) AND (?5 IS NULL OR a.at < ?5)\n"
  "ORDER BY a.id DESC LIMIT ?6";

static sqlite3_stmt *
prepare_query (JyDb                 *db,
               const JyAuditFilter  *filter,
               gint64                limit,
               GError              **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;

  if (!jy_store_require (db, JY_PERMISSION_AUDIT_VIEW, error))
    return NULL;

  if ((filter->from_date != NULL && (from = local_date_to_utc (filter->from_date, 0)) == NULL) ||
      (filter->to_date != NULL && (to = local_date_to_utc (filter->to_date, 1)) == NULL))
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, "A date in the filter is not YYYY-MM-DD");
      return NULL;
    }

  if ((stmt = jy_db_prepare (db, query_sql, error)) == NULL)
    return NULL;
  jy_db_bind_text_or_null (stmt, 1, filter->actor);
  jy_db_bind_text_or_null (stmt, 2, filter->action);
  jy_db_bind_text_or_null (stmt, 3, filter->resident);
  jy_db_bind_text_or_null (stmt, 4, from);
  jy_db_bind_text_or_null (stmt, 5, to);
  sqlite3_bind_int64 (stmt, 6, limit);
  return stmt;
}

static JyAuditEntry *
entry_from_statement (sqlite3_stmt *stmt,
                      gboolean      full_id)
{
  JyAuditEntry *entry = g_new0 (JyAuditEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = jy_db_column_dup_text (stmt, 1);
  entry->actor = jy_db_column_dup_text (stmt, 2);
  entry->actor_name = jy_db_column_dup_text (stmt, 3);
  entry->actor_login = jy_db_column_dup_text (stmt, 4);
  entry->action = jy_db_column_dup_text (stmt, 5);
  entry->entity = jy_db_column_dup_text (stmt, 6);
  entry->row_uuid = jy_db_column_dup_text (stmt, 7);
  entry->record = jy_db_column_dup_text (stmt, 8);
  entry->detail = full_id ? jy_db_column_dup_text (stmt, 9)
                          : jy_audit_mask_detail ((const char *)sqlite3_column_text (stmt, 9));
  return entry;
}

GPtrArray *
jy_audit_store_query (JyDb                 *db,
                      const JyAuditFilter  *filter,
                      GCancellable         *cancellable,
                      GError              **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_audit_entry_free);
  gboolean full_id = jy_store_can (db, JY_PERMISSION_FULL_ID_NUMBER);
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if ((stmt = prepare_query (db, filter, filter->limit > 0 ? filter->limit : JY_AUDIT_DEFAULT_LIMIT,
                             error)) == NULL)
    return NULL;

  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_ptr_array_add (entries, entry_from_statement (stmt, full_id));
      if ((++n & 0xff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&entries);
}

/* Text a spreadsheet would run as a formula gets an apostrophe, as in the
 * residents export. */
static void
append_text (GString    *out,
             const char *value)
{
  if (value != NULL && value[0] != '\0' && strchr ("=+-@", value[0]) != NULL)
    {
      g_autofree char *guarded = g_strconcat ("'", value, NULL);

      jy_csv_append_field (out, guarded);
      return;
    }
  jy_csv_append_field (out, value);
}

static gboolean
record_export (JyDb                 *db,
               const JyAuditFilter  *filter,
               guint                 n,
               GError              **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *detail = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, n);
  json_builder_set_member_name (builder, "actor");
  json_builder_add_string_value (builder, filter->actor);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, filter->action);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, filter->from_date);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, filter->to_date);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  detail = json_to_string (root, FALSE);

  return jy_store_record_audit (db, "export", "audit_log", NULL, detail, error);
}

gboolean
jy_audit_store_export_csv (JyDb                 *db,
                           const JyAuditFilter  *filter,
                           GOutputStream        *out,
                           guint                *out_n_entries,
                           GCancellable         *cancellable,
                           GError              **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (CHUNK_BYTES + 4096);
  gboolean full_id = jy_store_can (db, JY_PERMISSION_FULL_ID_NUMBER);
  const char *titles[] = {
    /* Translators: column titles of the exported audit log (CSV) */
    _("Time"), _("Staff"), _("Login"), _("Action"), _("Record type"), _("Record"),
    _("Record ID"), _("Details"),
  };
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if ((stmt = prepare_query (db, filter, G_MAXINT64, error)) == NULL)
    return FALSE;

  g_string_append (buffer, "\xEF\xBB\xBF");
  jy_csv_append_row (buffer, titles, G_N_ELEMENTS (titles));

  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(JyAuditEntry) entry = entry_from_statement (stmt, full_id);
      g_autofree char *time = jy_audit_format_time (entry->at);

      jy_csv_append_field (buffer, time);
      g_string_append_c (buffer, ',');
      append_text (buffer, entry->actor_name != NULL ? entry->actor_name : entry->actor);
      g_string_append_c (buffer, ',');
      append_text (buffer, entry->actor_login);
      g_string_append_c (buffer, ',');
      jy_csv_append_field (buffer, entry->action);
      g_string_append_c (buffer, ',');
      jy_csv_append_field (buffer, entry->entity);
      g_string_append_c (buffer, ',');
      append_text (buffer, entry->record);
      g_string_append_c (buffer, ',');
      jy_csv_append_field (buffer, entry->row_uuid);
      g_string_append_c (buffer, ',');
      append_text (buffer, entry->detail);
      g_string_append (buffer, "\r\n");
      n++;

      if (buffer->len >= CHUNK_BYTES)
        {
          if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          g_string_truncate (buffer, 0);
        }
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  if (buffer->len > 0 &&
      !g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;

  /* Exporting the trail is itself on the trail (and fails on a reader). */
  if (!record_export (db, filter, n, error))
    return FALSE;

  g_debug ("audit export: %u entries", n);
  if (out_n_entries != NULL)
    *out_n_entries = n;
  return TRUE;
}
