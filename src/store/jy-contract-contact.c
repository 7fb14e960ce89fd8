/* jy-contract-contact.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-store.h"

#include "jy-clock.h"
#include "jy-contract-private.h"
#include "jy-store.h"

#include <string.h>

/* Fulfilment records (履约, domain.md §2.5): contacts with a resident and
 * the package items delivered, each a clinical fact kept as written (a
 * mistake is marked entered-in-error, never edited). */

/* Normalises @at (NULL: now) to UTC "YYYY-MM-DDTHH:MM:SSZ" and gives the
 * centre's date of it; refuses a time after @today. */
static char *
normalise_time (const char   *at,
                const GDate  *today,
                GDate        *local_date,
                GError      **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) stamp = NULL;
  g_autoptr(GDateTime) in_utc = NULL;
  g_autofree char *text = NULL;

  if (at == NULL)
    stamp = g_date_time_new_now_utc ();
  else
    stamp = g_date_time_new_from_iso8601 (at, utc);

  if (stamp != NULL)
    {
      in_utc = g_date_time_to_utc (stamp);
      text = g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
    }
  if (text == NULL || !jy_clock_local_date_from_utc_iso (text, local_date) ||
      g_date_compare (local_date, today) > 0)
    {
      jy_contract_set_refusal (error, JY_CONTRACT_ERROR_CONTACT,
                               "The time is not readable or after today");
      return NULL;
    }
  return g_steal_pointer (&text);
}

static gboolean
check_resident (JyDb    *db,
                gint64   resident_id,
                GError **error)
{
  g_auto(JyContractResident) resident = { 0 };

  if (!jy_contract_load_resident (db, resident_id, &resident, error))
    return FALSE;
  if (g_strcmp0 (resident.status, "voided") == 0)
    {
      jy_contract_set_refusal (error, JY_CONTRACT_ERROR_RESIDENT, "The resident record is voided");
      return FALSE;
    }
  return TRUE;
}

/* The live contract covering @date, 0 if none, -1 on error. */
static gint64
covering_contract (JyDb         *db,
                   gint64        resident_id,
                   const GDate  *date,
                   GError      **error)
{
  static const char sql[] =
    "SELECT id FROM contract\n"
    "WHERE resident_id = ?1 AND status <> 'voided' AND start_date <= ?2 AND cover_last >= ?2\n"
    "ORDER BY start_date DESC LIMIT 1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  gint64 id = 0;
  char day[11];
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  sqlite3_bind_text (stmt, 2, jy_contract_format_date (date, day), -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return -1;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gint64
insert_delivery (JyDb         *db,
                 gint64        resident_id,
                 gint64        contract_id,
                 gint64        contact_id,
                 const char   *item_code,
                 gint64        staff_id,
                 const char   *delivered_at,
                 const GDate  *date,
                 const char   *note,
                 GError      **error)
{
  static const char sql[] =
    "INSERT INTO service_delivery (uuid, created_at, updated_at, created_by, resident_id,\n"
    "  contract_id, contact_id, item_code, staff_id, delivered_at, delivery_date, note)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, nullif (?5, 0), nullif (?6, 0), ?7, nullif (?8, 0), ?9, ?10, ?11)";
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  char day[11];

  /* Item codes are package item codes: lower-case letters, digits, '-'. */
  if (item_code == NULL || *item_code == '\0' ||
      strspn (item_code, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen (item_code))
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, "Not a package item code");
      return 0;
    }
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, resident_id);
  sqlite3_bind_int64 (stmt, 5, contract_id);
  sqlite3_bind_int64 (stmt, 6, contact_id);
  sqlite3_bind_text (stmt, 7, item_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, staff_id);
  sqlite3_bind_text (stmt, 9, delivered_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, jy_contract_format_date (date, day), -1, SQLITE_TRANSIENT);
  jy_db_bind_text_or_null (stmt, 11, note);
  if (!jy_db_step_done (db, stmt, error))
    return 0;

  detail = g_strdup_printf ("{\"event\":\"delivery\",\"item\":\"%s\",\"date\":\"%s\"}",
                            item_code, day);
  if (!jy_store_record_change (db, "service_delivery", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return 0;
  return jy_db_last_insert_rowid (db);
}

gint64
jy_contract_store_log_contact (JyDb                    *db,
                               const JyContactRequest  *request,
                               const GDate             *today,
                               GError                 **error)
{
  static const char sql[] =
    "INSERT INTO contact_log (uuid, created_at, updated_at, created_by, resident_id, contract_id,\n"
    "  channel, initiated_by, staff_id, contacted_at, contact_date, content)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, nullif (?5, 0), ?6, ?7, nullif (?8, 0), ?9, ?10, ?11)";
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *at = NULL;
  g_autofree char *detail = NULL;
  GDate today_storage, date;
  const GDate *day = jy_contract_reference (today, &today_storage);
  sqlite3_stmt *stmt;
  gint64 contract_id, id;
  char date_text[11];

  /* Who may: domain roles (jy-permission.c), checked here, not in the window. */
  if (!jy_store_require (db, JY_PERMISSION_CONTRACT_CONTACT, error))
    return FALSE;

  g_return_val_if_fail (request != NULL, 0);
  g_return_val_if_fail (request->channel < JY_CONTACT_CHANNEL_N, 0);

  if (!check_resident (db, request->resident_id, error) ||
      (at = normalise_time (request->contacted_at, day, &date, error)) == NULL ||
      (contract_id = covering_contract (db, request->resident_id, &date, error)) < 0 ||
      (stmt = jy_db_prepare (db, sql, error)) == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, request->resident_id);
  sqlite3_bind_int64 (stmt, 5, contract_id);
  sqlite3_bind_text (stmt, 6, jy_contact_channel_to_string (request->channel), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, request->initiator == JY_CONTACT_BY_TEAM ? "team" : "resident", -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, request->staff_id);
  sqlite3_bind_text (stmt, 9, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, jy_contract_format_date (&date, date_text), -1, SQLITE_TRANSIENT);
  jy_db_bind_text_or_null (stmt, 11, request->content);
  if (!jy_db_step_done (db, stmt, error))
    return 0;
  id = jy_db_last_insert_rowid (db);

  detail = g_strdup_printf ("{\"event\":\"contact\",\"channel\":\"%s\",\"initiated_by\":\"%s\","
                            "\"date\":\"%s\"}",
                            jy_contact_channel_to_string (request->channel),
                            request->initiator == JY_CONTACT_BY_TEAM ? "team" : "resident",
                            date_text);
  if (!jy_store_record_change (db, "contact_log", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return 0;

  for (guint i = 0; request->delivered_items != NULL && request->delivered_items[i] != NULL; i++)
    if (insert_delivery (db, request->resident_id, contract_id, id, request->delivered_items[i],
                         request->staff_id, at, &date, NULL, error) == 0)
      return 0;

  if (!jy_contract_derive_resident (db, request->resident_id, error))
    return 0;
  return id;
}

gint64
jy_contract_store_record_delivery (JyDb         *db,
                                   gint64        resident_id,
                                   const char   *item_code,
                                   const char   *delivered_at,
                                   gint64        staff_id,
                                   const char   *note,
                                   const GDate  *today,
                                   GError      **error)
{
  g_autofree char *at = NULL;
  GDate today_storage, date;
  const GDate *day = jy_contract_reference (today, &today_storage);
  gint64 contract_id, id;

  /* Who may: domain roles (jy-permission.c), checked here, not in the window. */
  if (!jy_store_require (db, JY_PERMISSION_CONTRACT_CONTACT, error))
    return FALSE;

  if (!check_resident (db, resident_id, error) ||
      (at = normalise_time (delivered_at, day, &date, error)) == NULL ||
      (contract_id = covering_contract (db, resident_id, &date, error)) < 0 ||
      (id = insert_delivery (db, resident_id, contract_id, 0, item_code, staff_id, at, &date,
                             note, error)) == 0 ||
      !jy_contract_derive_resident (db, resident_id, error))
    return 0;
  return id;
}

gboolean
jy_contract_store_void_contact (JyDb    *db,
                                gint64   contact_id,
                                GError **error)
{
  static const char contact_sql[] =
    "UPDATE contact_log SET status = 'entered-in-error', rev = rev + 1, updated_at = ?1\n"
    "WHERE id = ?2 AND status = 'final' RETURNING uuid, rev, resident_id";
  static const char deliveries_sql[] =
    "UPDATE service_delivery SET status = 'entered-in-error', rev = rev + 1, updated_at = ?1\n"
    "WHERE contact_id = ?2 AND status = 'final' RETURNING uuid, rev";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  g_autoptr(GPtrArray) delivery_uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) delivery_revs = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 rev = 0, resident_id = 0;
  int rc;

  /* Who may: domain roles (jy-permission.c), checked here, not in the window. */
  if (!jy_store_require (db, JY_PERMISSION_CONTRACT_CONTACT, error))
    return FALSE;

  if ((stmt = jy_db_prepare (db, contact_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, contact_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      uuid = jy_db_column_dup_text (stmt, 0);
      rev = sqlite3_column_int64 (stmt, 1);
      resident_id = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (uuid == NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No contact %" G_GINT64_FORMAT " to void", contact_id);
      return FALSE;
    }

  if ((stmt = jy_db_prepare (db, deliveries_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, contact_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 delivery_rev = sqlite3_column_int64 (stmt, 1);

      g_ptr_array_add (delivery_uuids, jy_db_column_dup_text (stmt, 0));
      g_array_append_val (delivery_revs, delivery_rev);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  if (!jy_store_record_change (db, "contact_log", uuid, JY_CHANGE_RETIRE, rev,
                               "{\"event\":\"entered-in-error\"}", error))
    return FALSE;
  for (guint i = 0; i < delivery_uuids->len; i++)
    if (!jy_store_record_change (db, "service_delivery", g_ptr_array_index (delivery_uuids, i),
                                 JY_CHANGE_RETIRE, g_array_index (delivery_revs, gint64, i),
                                 "{\"event\":\"entered-in-error\"}", error))
      return FALSE;

  return jy_contract_derive_resident (db, resident_id, error);
}
