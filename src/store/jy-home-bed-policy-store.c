/* jy-home-bed-policy-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-bed-policy-store.h"

#include <json-glib/json-glib.h>

#include "jy-clock.h"
#include "jy-store.h"

static const char select_sql[] =
  "SELECT uuid, rev, cycle_days, assessment_working_days, admission_note_hours,\n"
  "  doctor_round_max_days, renewal_window_days\n"
  "FROM home_bed_policy WHERE id = 1";

gboolean
jy_home_bed_policy_store_load (JyDb             *db,
                               JyHomeBedPolicy  *out,
                               GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out = JY_HOME_BED_POLICY_DEFAULT;
  if ((stmt = jy_db_prepare (db, select_sql, error)) == NULL ||
      (rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      out->cycle_days = sqlite3_column_int (stmt, 2);
      out->assessment_working_days = sqlite3_column_int (stmt, 3);
      out->admission_note_hours = sqlite3_column_int (stmt, 4);
      out->doctor_round_max_days = sqlite3_column_int (stmt, 5);
      out->renewal_window_days = sqlite3_column_int (stmt, 6);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

const JyHomeBedPolicy *
jy_home_bed_policy_store_resolve (JyDb                   *db,
                                  const JyHomeBedPolicy  *policy,
                                  JyHomeBedPolicy        *storage,
                                  GError                **error)
{
  if (policy != NULL)
    return policy;
  return jy_home_bed_policy_store_load (db, storage, error) ? storage : NULL;
}

static char *
policy_to_json (const JyHomeBedPolicy *policy)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cycle_days");
  json_builder_add_int_value (builder, policy->cycle_days);
  json_builder_set_member_name (builder, "assessment_working_days");
  json_builder_add_int_value (builder, policy->assessment_working_days);
  json_builder_set_member_name (builder, "admission_note_hours");
  json_builder_add_int_value (builder, policy->admission_note_hours);
  json_builder_set_member_name (builder, "doctor_round_max_days");
  json_builder_add_int_value (builder, policy->doctor_round_max_days);
  json_builder_set_member_name (builder, "renewal_window_days");
  json_builder_add_int_value (builder, policy->renewal_window_days);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

gboolean
jy_home_bed_policy_store_save (JyDb                   *db,
                               const JyHomeBedPolicy  *policy,
                               GError                **error)
{
  static const char upsert_sql[] =
    "INSERT INTO home_bed_policy (id, uuid, created_at, updated_at, created_by,\n"
    "  cycle_days, assessment_working_days, admission_note_hours,\n"
    "  doctor_round_max_days, renewal_window_days)\n"
    "VALUES (1, ?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8)\n"
    "ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, rev = rev + 1,\n"
    "  cycle_days = excluded.cycle_days,\n"
    "  assessment_working_days = excluded.assessment_working_days,\n"
    "  admission_note_hours = excluded.admission_note_hours,\n"
    "  doctor_round_max_days = excluded.doctor_round_max_days,\n"
    "  renewal_window_days = excluded.renewal_window_days";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  JyHomeBedPolicyField bad;
  gint64 rev = 1;
  JyChangeOp op = JY_CHANGE_CREATE;
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_CENTRE_SETTINGS, error))
    return FALSE;

  g_return_val_if_fail (policy != NULL, FALSE);
  if ((bad = jy_home_bed_policy_check (policy)) != JY_HOME_BED_POLICY_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Home-bed policy value %d out of range", bad);
      return FALSE;
    }

  if ((stmt = jy_db_prepare (db, select_sql, error)) == NULL ||
      (rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      uuid = jy_db_column_dup_text (stmt, 0);
      rev = sqlite3_column_int64 (stmt, 1) + 1;
      op = JY_CHANGE_UPDATE;
    }
  sqlite3_reset (stmt);
  if (uuid == NULL)
    uuid = g_uuid_string_random ();

  if ((stmt = jy_db_prepare (db, upsert_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, policy->cycle_days);
  sqlite3_bind_int (stmt, 5, policy->assessment_working_days);
  sqlite3_bind_int (stmt, 6, policy->admission_note_hours);
  sqlite3_bind_int (stmt, 7, policy->doctor_round_max_days);
  sqlite3_bind_int (stmt, 8, policy->renewal_window_days);

  detail = policy_to_json (policy);
  return jy_db_step_done (db, stmt, error) &&
         jy_store_record_change (db, "home_bed_policy", uuid, op, rev, detail, error);
}

gpointer
jy_home_bed_policy_load_func (JyDb          *db,
                              gpointer       data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree JyHomeBedPolicy *policy = g_new0 (JyHomeBedPolicy, 1);

  if (!jy_home_bed_policy_store_load (db, policy, error))
    return NULL;
  return g_steal_pointer (&policy);
}

gpointer
jy_home_bed_policy_save_func (JyDb          *db,
                              gpointer       data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return jy_home_bed_policy_store_save (db, data, error) ? JY_STORE_DONE : NULL;
}
