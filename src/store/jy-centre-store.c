/* jy-centre-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-centre-store.h"

#include <json-glib/json-glib.h>

#include "jy-clock.h"
#include "jy-store.h"

void
jy_centre_summary_free (JyCentreSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->uuid);
  g_free (summary->name);
  g_free (summary->code);
  g_free (summary);
}

void
jy_centre_identity_free (JyCentreIdentity *identity)
{
  if (identity == NULL)
    return;
  g_free (identity->name);
  g_free (identity->code);
  g_free (identity);
}

static const char select_centre_sql[] =
  "SELECT uuid, name, code, rev FROM site\n"
  "WHERE kind = 'centre' AND parent_id IS NULL AND status <> 'voided'\n"
  "ORDER BY id LIMIT 1";

gpointer
jy_centre_store_load (JyDb          *db,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  static const char demo_sql[] = "SELECT count(*) FROM meta WHERE key = 'demo' AND value = '1'";
  static const char residents_sql[] = "SELECT count(*) FROM resident WHERE status = 'active'";
  static const char teams_sql[] = "SELECT count(*) FROM team WHERE status = 'active'";
  static const char staff_sql[] = "SELECT count(*) FROM staff WHERE status = 'active'";
  g_autoptr(JyCentreSummary) summary = g_new0 (JyCentreSummary, 1);
  sqlite3_stmt *stmt;
  gint64 demo = 0;
  int rc;

  if ((stmt = jy_db_prepare (db, select_centre_sql, error)) == NULL ||
      (rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;

  if (rc == SQLITE_ROW)
    {
      summary->uuid = jy_db_column_dup_text (stmt, 0);
      summary->name = jy_db_column_dup_text (stmt, 1);
      summary->code = jy_db_column_dup_text (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (!jy_db_query_int64 (db, demo_sql, &demo, error) ||
      !jy_db_query_int64 (db, residents_sql, &summary->n_residents, error) ||
      !jy_db_query_int64 (db, teams_sql, &summary->n_teams, error) ||
      !jy_db_query_int64 (db, staff_sql, &summary->n_staff, error))
    return NULL;
  summary->is_demo = demo > 0;

  return g_steal_pointer (&summary);
}

static char *
identity_to_json (const JyCentreIdentity *identity)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, identity->name);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, identity->code);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

gpointer
jy_centre_store_save (JyDb          *db,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  JyCentreIdentity *identity = data;

  g_return_val_if_fail (identity != NULL && identity->name != NULL && identity->code != NULL, NULL);

  if (!jy_store_require (db, JY_PERMISSION_CENTRE_SETTINGS, error))
    return NULL;
  return jy_centre_store_save_identity (db, identity, error) ? JY_STORE_DONE : NULL;
}

/* Unchecked: the first administrator names the centre before anyone has
 * signed in (jy-account-store.c). */
gboolean
jy_centre_store_save_identity (JyDb                    *db,
                               const JyCentreIdentity  *identity,
                               GError                 **error)
{
  static const char update_sql[] =
    "UPDATE site SET name = ?1, code = ?2, rev = rev + 1, updated_at = ?3\n"
    "WHERE uuid = ?4";
  static const char insert_sql[] =
    "INSERT INTO site (uuid, created_at, updated_at, created_by, kind, code, name)\n"
    "VALUES (?1, ?2, ?2, ?3, 'centre', ?4, ?5)";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  gint64 rev = 1;
  JyChangeOp op;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, select_centre_sql, error)) == NULL ||
      (rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      uuid = jy_db_column_dup_text (stmt, 0);
      rev = sqlite3_column_int64 (stmt, 3) + 1;
    }
  sqlite3_reset (stmt);

  if (uuid != NULL)
    {
      op = JY_CHANGE_UPDATE;
      if ((stmt = jy_db_prepare (db, update_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, identity->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, identity->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, uuid, -1, SQLITE_TRANSIENT);
    }
  else
    {
      op = JY_CHANGE_CREATE;
      uuid = g_uuid_string_random ();
      if ((stmt = jy_db_prepare (db, insert_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, identity->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, identity->name, -1, SQLITE_TRANSIENT);
    }

  detail = identity_to_json (identity);
  return jy_db_step_done (db, stmt, error) &&
         jy_store_record_change (db, "site", uuid, op, rev, detail, error);
}

static void
area_choice_free (JyAreaChoice *area)
{
  g_free (area->code);
  g_free (area->name);
  g_free (area);
}

static void
team_choice_free (JyTeamChoice *team)
{
  g_free (team->name);
  g_free (team);
}

static void
staff_choice_free (JyStaffChoice *staff)
{
  g_free (staff->name);
  g_free (staff->role);
  g_free (staff);
}

void
jy_centre_choices_free (JyCentreChoices *choices)
{
  if (choices == NULL)
    return;
  g_clear_pointer (&choices->areas, g_ptr_array_unref);
  g_clear_pointer (&choices->teams, g_ptr_array_unref);
  g_clear_pointer (&choices->staff, g_ptr_array_unref);
  g_free (choices);
}

gpointer
jy_centre_store_load_choices (JyDb          *db,
                              gpointer       data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  /* Communities some team covers, under their streets, in code order. */
  static const char areas_sql[] =
    "WITH served AS (SELECT DISTINCT area_code AS code FROM team_area)\n"
    "SELECT a.code, a.name, a.level FROM address_area a\n"
    "WHERE a.code IN (SELECT code FROM served)\n"
    "   OR a.code IN (SELECT substr (code, 1, 9) FROM served)\n"
    "ORDER BY a.code";
  static const char teams_sql[] =
    "SELECT id, name FROM team WHERE status = 'active' ORDER BY code, id";
  /* A member's current team; staff on no team sort last. */
  static const char staff_sql[] =
    "SELECT s.id, s.name, s.role,\n"
    "       (SELECT m.team_id FROM team_member m\n"
    "        WHERE m.staff_id = s.id AND m.status = 'active' AND m.end_date IS NULL\n"
    "        ORDER BY m.start_date DESC LIMIT 1) AS team_id\n"
    "FROM staff s\n"
    "WHERE s.status = 'active' AND s.role IN ('doctor','nurse','public-health','specialist')\n"
    "ORDER BY s.role <> 'doctor', team_id IS NULL, team_id, s.name";
  g_autoptr(JyCentreChoices) choices = g_new0 (JyCentreChoices, 1);
  sqlite3_stmt *stmt;
  int rc;

  choices->areas = g_ptr_array_new_with_free_func ((GDestroyNotify)area_choice_free);
  choices->teams = g_ptr_array_new_with_free_func ((GDestroyNotify)team_choice_free);
  choices->staff = g_ptr_array_new_with_free_func ((GDestroyNotify)staff_choice_free);

  if ((stmt = jy_db_prepare (db, areas_sql, error)) == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyAreaChoice *area = g_new0 (JyAreaChoice, 1);

      area->code = jy_db_column_dup_text (stmt, 0);
      area->name = jy_db_column_dup_text (stmt, 1);
      area->level = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (choices->areas, area);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  if ((stmt = jy_db_prepare (db, teams_sql, error)) == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyTeamChoice *team = g_new0 (JyTeamChoice, 1);

      team->id = sqlite3_column_int64 (stmt, 0);
      team->name = jy_db_column_dup_text (stmt, 1);
      g_ptr_array_add (choices->teams, team);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  if ((stmt = jy_db_prepare (db, staff_sql, error)) == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyStaffChoice *staff = g_new0 (JyStaffChoice, 1);

      staff->id = sqlite3_column_int64 (stmt, 0);
      staff->name = jy_db_column_dup_text (stmt, 1);
      staff->role = jy_db_column_dup_text (stmt, 2);
      staff->team_id = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (choices->staff, staff);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  return g_steal_pointer (&choices);
}
