/* jy-team-store-areas.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team's communities of responsibility and moving residents between
 * teams (split from jy-team-store.c).
 */

#include "config.h"

#include "jy-team-store.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "jy-clock.h"
#include "jy-contract-private.h"
#include "jy-contract-store.h"
#include "jy-resident-search.h"
#include "jy-store.h"

/* The team's areas travel with the team: a change of them is a change of
 * the team row (rev and outbox), the old and new codes in the audit. */
gboolean
jy_team_store_set_areas (JyDb               *db,
                         gint64              team_id,
                         const char *const  *area_codes,
                         GError            **error)
{
  static const char old_sql[] = "SELECT area_code FROM team_area WHERE team_id = ?1 ORDER BY area_code";
  static const char delete_sql[] = "DELETE FROM team_area WHERE team_id = ?1";
  static const char insert_sql[] = "INSERT OR IGNORE INTO team_area (team_id, area_code) VALUES (?1, ?2)";
  static const char team_sql[] =
    "UPDATE team SET rev = rev + 1, updated_at = ?1 WHERE id = ?2 RETURNING uuid, rev";
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 rev = 0;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_TEAM_MANAGE, error))
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, "areas");
  json_builder_set_member_name (builder, "before");
  json_builder_begin_array (builder);
  if ((stmt = jy_db_prepare (db, old_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, team_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    json_builder_add_string_value (builder, (const char *)sqlite3_column_text (stmt, 0));
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  json_builder_end_array (builder);

  if ((stmt = jy_db_prepare (db, team_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, team_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      uuid = jy_db_column_dup_text (stmt, 0);
      rev = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (uuid == NULL)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No such team");
      return FALSE;
    }

  if ((stmt = jy_db_prepare (db, delete_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, team_id);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;
  json_builder_set_member_name (builder, "after");
  json_builder_begin_array (builder);
  for (guint i = 0; area_codes != NULL && area_codes[i] != NULL; i++)
    {
      if ((stmt = jy_db_prepare (db, insert_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, team_id);
      sqlite3_bind_text (stmt, 2, area_codes[i], -1, SQLITE_TRANSIENT);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
      json_builder_add_string_value (builder, area_codes[i]);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  detail = json_to_string (root, FALSE);

  return jy_store_record_change (db, "team", uuid, JY_CHANGE_UPDATE, rev, detail, error);
}

/* Moving residents ------------------------------------------------------------ */

static gboolean
move_one (JyDb     *db,
          gint64    resident_id,
          gint64    to_team_id,
          gboolean *moved,
          GError  **error)
{
  static const char sql[] =
    "UPDATE resident SET team_id = ?1, rev = rev + 1, updated_at = ?2\n"
    "WHERE id = ?3 AND status <> 'voided' AND team_id IS NOT ?1\n"
    "RETURNING uuid, rev, name, id_number, phone, contact_phone, archive_no";
  static const char before_sql[] = "SELECT ifnull (team_id, 0) FROM resident WHERE id = ?1";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *contact_phone = NULL;
  g_autofree char *archive_no = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 before = 0, rev = 0;
  int rc;

  *moved = FALSE;
  if ((stmt = jy_db_prepare (db, before_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    before = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, to_team_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      uuid = jy_db_column_dup_text (stmt, 0);
      rev = sqlite3_column_int64 (stmt, 1);
      name = jy_db_column_dup_text (stmt, 2);
      id_number = jy_db_column_dup_text (stmt, 3);
      phone = jy_db_column_dup_text (stmt, 4);
      contact_phone = jy_db_column_dup_text (stmt, 5);
      archive_no = jy_db_column_dup_text (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (uuid == NULL)
    return TRUE;

  /* The same audit form as an edit of the resident (old, new). */
  detail = g_strdup_printf ("{\"team_id\":[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]}",
                            before, to_team_id);
  *moved = TRUE;
  return jy_resident_search_index (db, resident_id, name, id_number, phone, contact_phone,
                                   archive_no, error) &&
         jy_store_record_change (db, "resident", uuid, JY_CHANGE_UPDATE, rev, detail, error);
}

gboolean
jy_team_store_move_residents (JyDb                *db,
                              const gint64        *resident_ids,
                              guint                n_residents,
                              gint64               to_team_id,
                              gboolean             transfer_contracts,
                              const GDate         *date,
                              JyTerminationReason  reason,
                              guint               *n_moved,
                              guint               *n_transferred,
                              GError             **error)
{
  GDate storage;
  const GDate *day = jy_contract_reference (date, &storage);
  guint moved_count = 0, transferred = 0;

  if (!jy_store_require (db, JY_PERMISSION_TEAM_MANAGE, error))
    return FALSE;
  g_return_val_if_fail (resident_ids != NULL || n_residents == 0, FALSE);
  g_return_val_if_fail (to_team_id > 0, FALSE);

  for (guint i = 0; i < n_residents; i++)
    {
      g_autoptr(GPtrArray) contracts = NULL;
      gboolean moved;

      if (!move_one (db, resident_ids[i], to_team_id, &moved, error))
        return FALSE;
      moved_count += moved;
      if (!transfer_contracts)
        continue;

      /* The contract in force or pending on the day, if another team's. */
      if ((contracts = jy_contract_store_list_for_resident (db, resident_ids[i], day, error)) == NULL)
        return FALSE;
      for (guint k = 0; k < contracts->len; k++)
        {
          const JyContract *c = g_ptr_array_index (contracts, k);
          JyContractRequest request;
          g_autoptr(JyContract) transferred_to = NULL;

          if (c->team_id == to_team_id || (c->renews_id != 0 && c->state == JY_CONTRACT_STATE_PENDING) ||
              (c->state != JY_CONTRACT_STATE_ACTIVE && c->state != JY_CONTRACT_STATE_PENDING))
            continue;
          jy_contract_request_init (&request);
          request.resident_id = resident_ids[i];
          request.team_id = to_team_id;
          request.sign_date = *day;
          request.fee_paid = c->fee_paid;
          if ((transferred_to = jy_contract_store_transfer (db, c->id, c->rev, &request, reason,
                                                            day, error)) == NULL)
            return FALSE;
          transferred++;
          break;
        }
    }

  if (n_moved != NULL)
    *n_moved = moved_count;
  if (n_transferred != NULL)
    *n_transferred = transferred;
  return TRUE;
}

static GPtrArray *
codes_of_team (JyDb        *db,
               gint64       team_id,
               const char  *except,
               GError     **error)
{
  static const char sql[] =
    "SELECT area_code FROM team_area WHERE team_id = ?1 AND area_code IS NOT ?2 ORDER BY area_code";
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, team_id);
  jy_db_bind_text_or_null (stmt, 2, except);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (codes, jy_db_column_dup_text (stmt, 0));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&codes);
}

/* The community itself changes teams: it leaves every other team's
 * communities and joins @to_team_id's, each an audited change of the
 * team (jy_team_store_set_areas: rev, outbox, audit). */
static gboolean
move_responsibility (JyDb        *db,
                     const char  *area_code,
                     gint64       to_team_id,
                     GError     **error)
{
  static const char holders_sql[] =
    "SELECT team_id FROM team_area WHERE area_code = ?1 AND team_id <> ?2 ORDER BY team_id";
  g_autoptr(GArray) holders = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) target = NULL;
  sqlite3_stmt *stmt;
  gboolean held = FALSE;
  int rc;

  if ((stmt = jy_db_prepare (db, holders_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, area_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, to_team_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (holders, id);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  for (guint i = 0; i < holders->len; i++)
    {
      g_autoptr(GPtrArray) codes = codes_of_team (db, g_array_index (holders, gint64, i), area_code, error);

      if (codes == NULL)
        return FALSE;
      g_ptr_array_add (codes, NULL);
      if (!jy_team_store_set_areas (db, g_array_index (holders, gint64, i),
                                    (const char *const *) codes->pdata, error))
        return FALSE;
    }

  if ((target = codes_of_team (db, to_team_id, NULL, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < target->len; i++)
    held |= g_str_equal (g_ptr_array_index (target, i), area_code);
  if (held)
    return TRUE;
  g_ptr_array_add (target, g_strdup (area_code));
  g_ptr_array_add (target, NULL);
  return jy_team_store_set_areas (db, to_team_id, (const char *const *) target->pdata, error);
}

/* The community @area_code becomes @to_team_id's (its team_area row
 * moves, each team's change in the outbox) and every active resident of
 * it not yet in @to_team_id's care moves there
 * (jy_team_store_move_residents). */
gboolean
jy_team_store_move_area (JyDb                *db,
                         const char          *area_code,
                         gint64               to_team_id,
                         gboolean             transfer_contracts,
                         const GDate         *date,
                         JyTerminationReason  reason,
                         guint               *n_moved,
                         guint               *n_transferred,
                         GError             **error)
{
  static const char sql[] =
    "SELECT id FROM resident WHERE area_code = ?1 AND status = 'active'\n"
    "  AND coalesce (team_id, 0) != ?2 ORDER BY id";
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_TEAM_MANAGE, error))
    return FALSE;
  g_return_val_if_fail (area_code != NULL, FALSE);

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, area_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, to_team_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  if (!move_responsibility (db, area_code, to_team_id, error))
    return FALSE;
  return jy_team_store_move_residents (db, (const gint64 *) ids->data, ids->len, to_team_id,
                                       transfer_contracts, date, reason, n_moved, n_transferred, error);
}
