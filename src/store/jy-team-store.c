/* jy-team-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-team-store.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "jy-clock.h"
#include "jy-contract-private.h"
#include "jy-contract-store.h"
#include "jy-person.h"
#include "jy-resident-search.h"
#include "jy-store.h"

void
jy_team_member_record_free (JyTeamMemberRecord *member)
{
  if (member == NULL)
    return;
  g_free (member->uuid);
  g_free (member->staff_name);
  g_free (member->institution);
  g_free (member->start_date);
  g_free (member->end_date);
  g_free (member);
}

void
jy_team_area_free (JyTeamArea *area)
{
  if (area == NULL)
    return;
  g_free (area->code);
  g_free (area->name);
  g_free (area);
}

void
jy_team_record_free (JyTeamRecord *team)
{
  if (team == NULL)
    return;
  g_free (team->uuid);
  g_free (team->status);
  g_free (team->site_name);
  g_free (team->code);
  g_free (team->name);
  g_free (team->lead_name);
  g_clear_pointer (&team->members, g_ptr_array_unref);
  g_clear_pointer (&team->areas, g_ptr_array_unref);
  g_free (team);
}

void
jy_team_staff_choice_free (JyTeamStaffChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->name);
  g_free (choice->role);
  g_free (choice);
}

static gboolean
valid_date (const char *text)
{
  GDate date;

  return jy_person_parse_date (text, &date);
}

/* Reads --------------------------------------------------------------------- */

static gboolean
load_members (JyDb          *db,
              JyTeamRecord  *team,
              const GDate   *reference,
              GError       **error)
{
  static const char sql[] =
    "SELECT m.id, m.uuid, m.rev, m.staff_id, s.name, m.role, m.institution, m.start_date,\n"
    "       m.end_date\n"
    "FROM team_member m JOIN staff s ON s.id = m.staff_id\n"
    "WHERE m.team_id = ?1 AND m.status = 'active'\n"
    "ORDER BY (m.start_date <= ?2 AND (m.end_date IS NULL OR m.end_date >= ?2)) DESC,\n"
    "         m.start_date, m.id";
  g_autoptr(GArray) check = g_array_new (FALSE, TRUE, sizeof (JyTeamMember));
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  char day[11];
  int rc;

  if (stmt == NULL)
    return FALSE;
  team->members = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_team_member_record_free);
  sqlite3_bind_int64 (stmt, 1, team->id);
  sqlite3_bind_text (stmt, 2, jy_contract_format_date (reference, day), -1, SQLITE_TRANSIENT);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyTeamMemberRecord *m = g_new0 (JyTeamMemberRecord, 1);
      JyTeamMember facts = { 0 };
      JyTeamRole role = JY_TEAM_ROLE_N;

      m->id = sqlite3_column_int64 (stmt, 0);
      m->uuid = jy_db_column_dup_text (stmt, 1);
      m->rev = sqlite3_column_int64 (stmt, 2);
      m->staff_id = sqlite3_column_int64 (stmt, 3);
      m->staff_name = jy_db_column_dup_text (stmt, 4);
      if (!jy_team_role_from_string ((const char *)sqlite3_column_text (stmt, 5), &role))
        role = JY_TEAM_ROLE_N;
      m->role = role;
      m->institution = jy_db_column_dup_text (stmt, 6);
      m->start_date = jy_db_column_dup_text (stmt, 7);
      m->end_date = jy_db_column_dup_text (stmt, 8);
      m->is_lead = m->staff_id == team->lead_staff_id;

      facts.role = role;
      jy_contract_parse_date (m->start_date, &facts.start);
      jy_contract_parse_date (m->end_date, &facts.end);
      m->current = g_date_valid (&facts.start) && g_date_compare (&facts.start, reference) <= 0 &&
                   (!g_date_valid (&facts.end) || g_date_compare (reference, &facts.end) <= 0);
      /* A lead appears once among the members counted, however many
       * periods they have on the team. */
      facts.is_lead = m->is_lead && m->current;
      g_array_append_val (check, facts);
      g_ptr_array_add (team->members, m);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  team->problems = jy_team_check ((const JyTeamMember *)(gpointer)check->data, check->len, reference);
  return TRUE;
}

static gboolean
load_areas (JyDb          *db,
            JyTeamRecord  *team,
            GError       **error)
{
  static const char sql[] =
    "SELECT a.area_code, coalesce (p.name, '') || coalesce (c.name, '')\n"
    "FROM team_area a LEFT JOIN address_area c ON c.code = a.area_code\n"
    "  LEFT JOIN address_area p ON p.code = c.parent_code\n"
    "WHERE a.team_id = ?1 ORDER BY a.area_code";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  team->areas = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_team_area_free);
  sqlite3_bind_int64 (stmt, 1, team->id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyTeamArea *area = g_new0 (JyTeamArea, 1);

      area->code = jy_db_column_dup_text (stmt, 0);
      area->name = jy_db_column_dup_text (stmt, 1);
      g_ptr_array_add (team->areas, area);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static GPtrArray *
load_teams (JyDb         *db,
            gint64        id,
            gboolean      include_inactive,
            const GDate  *reference,
            GError      **error)
{
  static const char sql[] =
    "SELECT t.id, t.uuid, t.rev, t.status, t.site_id, si.name, t.code, t.name,\n"
    "       ifnull (t.lead_staff_id, 0), s.name,\n"
    "       (SELECT count(*) FROM resident r INDEXED BY resident_team_status\n"
    "        WHERE r.team_id = t.id AND r.status = 'active'),\n"
    /* One contract covers a resident's day at most (the store checks it
     * on every save): counting contracts counts residents, from the index. */
    "       (SELECT count(*) FROM contract c INDEXED BY contract_team\n"
    "        WHERE c.team_id = t.id AND c.cover_last >= ?3 AND c.start_date <= ?3\n"
    "          AND c.cover_last IS NOT NULL)\n"
    "FROM team t JOIN site si ON si.id = t.site_id LEFT JOIN staff s ON s.id = t.lead_staff_id\n"
    "WHERE (?1 = 0 OR t.id = ?1) AND t.status <> 'voided' AND (?2 OR t.status = 'active')\n"
    "ORDER BY t.code, t.id";
  g_autoptr(GPtrArray) teams = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_team_record_free);
  sqlite3_stmt *stmt;
  char day[11];
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, include_inactive || id != 0);
  sqlite3_bind_text (stmt, 3, jy_contract_format_date (reference, day), -1, SQLITE_TRANSIENT);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyTeamRecord *team = g_new0 (JyTeamRecord, 1);

      team->id = sqlite3_column_int64 (stmt, 0);
      team->uuid = jy_db_column_dup_text (stmt, 1);
      team->rev = sqlite3_column_int64 (stmt, 2);
      team->status = jy_db_column_dup_text (stmt, 3);
      team->site_id = sqlite3_column_int64 (stmt, 4);
      team->site_name = jy_db_column_dup_text (stmt, 5);
      team->code = jy_db_column_dup_text (stmt, 6);
      team->name = jy_db_column_dup_text (stmt, 7);
      team->lead_staff_id = sqlite3_column_int64 (stmt, 8);
      team->lead_name = jy_db_column_dup_text (stmt, 9);
      team->n_residents = sqlite3_column_int64 (stmt, 10);
      team->n_signed = sqlite3_column_int64 (stmt, 11);
      g_ptr_array_add (teams, team);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  for (guint i = 0; i < teams->len; i++)
    if (!load_members (db, g_ptr_array_index (teams, i), reference, error) ||
        !load_areas (db, g_ptr_array_index (teams, i), error))
      return NULL;
  return g_steal_pointer (&teams);
}

GPtrArray *
jy_team_store_list (JyDb         *db,
                    gboolean      include_inactive,
                    const GDate  *reference,
                    GError      **error)
{
  GDate storage;

  return load_teams (db, 0, include_inactive, jy_contract_reference (reference, &storage), error);
}

JyTeamRecord *
jy_team_store_load (JyDb         *db,
                    gint64        id,
                    const GDate  *reference,
                    GError      **error)
{
  g_autoptr(GPtrArray) teams = NULL;
  GDate storage;

  g_return_val_if_fail (id > 0, NULL);

  if ((teams = load_teams (db, id, TRUE, jy_contract_reference (reference, &storage), error)) == NULL)
    return NULL;
  if (teams->len == 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No team with id %" G_GINT64_FORMAT, id);
      return NULL;
    }
  return g_ptr_array_steal_index (teams, 0);
}

GPtrArray *
jy_team_store_list_staff (JyDb     *db,
                          GError  **error)
{
  static const char sql[] =
    "SELECT id, name, role, site_id FROM staff WHERE status = 'active' ORDER BY role, name, id";
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_team_staff_choice_free);
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyTeamStaffChoice *choice = g_new0 (JyTeamStaffChoice, 1);

      choice->id = sqlite3_column_int64 (stmt, 0);
      choice->name = jy_db_column_dup_text (stmt, 1);
      choice->role = jy_db_column_dup_text (stmt, 2);
      choice->site_id = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (staff, choice);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&staff);
}

gint64
jy_team_store_doctor_caseload (JyDb         *db,
                               gint64        doctor_id,
                               const GDate  *reference,
                               GError      **error)
{
  static const char sql[] =
    "SELECT count(*) FROM contract INDEXED BY contract_doctor\n"
    "WHERE doctor_id = ?1 AND cover_last >= ?2 AND start_date <= ?2 AND cover_last IS NOT NULL";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  GDate storage;
  gint64 n;
  char day[11];

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, doctor_id);
  sqlite3_bind_text (stmt, 2, jy_contract_format_date (jy_contract_reference (reference, &storage), day),
                     -1, SQLITE_TRANSIENT);
  if (jy_db_step (db, stmt, error) < 0)
    return -1;
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Writes -------------------------------------------------------------------- */

static char *
team_detail (const char *event,
             const char *key,
             gint64      value)
{
  return g_strdup_printf ("{\"event\":\"%s\",\"%s\":%" G_GINT64_FORMAT "}", event, key, value);
}

/* Whether @staff_id is a member of @team_id on @date in a role that may lead. */
static gboolean
may_lead_on (JyDb        *db,
             gint64       team_id,
             gint64       staff_id,
             const char  *date,
             gboolean    *out,
             GError     **error)
{
  static const char sql[] =
    "SELECT role FROM team_member\n"
    "WHERE team_id = ?1 AND staff_id = ?2 AND status = 'active' AND start_date <= ?3\n"
    "  AND (end_date IS NULL OR end_date >= ?3)";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  *out = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, team_id);
  sqlite3_bind_int64 (stmt, 2, staff_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyTeamRole role;

      if (jy_team_role_from_string ((const char *)sqlite3_column_text (stmt, 0), &role) &&
          jy_team_role_can_lead (role))
        *out = TRUE;
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gint64
insert_member (JyDb         *db,
               gint64        team_id,
               gint64        staff_id,
               JyTeamRole    role,
               const char   *institution,
               const char   *start_date,
               GError      **error)
{
  static const char sql[] =
    "INSERT INTO team_member (uuid, created_at, updated_at, created_by, team_id, staff_id, role,\n"
    "  institution, start_date) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (role >= JY_TEAM_ROLE_N || !valid_date (start_date))
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                           "A team member needs a role and a start date");
      return 0;
    }
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, team_id);
  sqlite3_bind_int64 (stmt, 5, staff_id);
  sqlite3_bind_text (stmt, 6, jy_team_role_to_string (role), -1, SQLITE_STATIC);
  jy_db_bind_text_or_null (stmt, 7, institution);
  sqlite3_bind_text (stmt, 8, start_date, -1, SQLITE_TRANSIENT);
  if (!jy_db_step_done (db, stmt, error))
    return 0;
  id = jy_db_last_insert_rowid (db);

  detail = team_detail ("member-added", "team_id", team_id);
  if (!jy_store_record_change (db, "team_member", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return 0;
  return id;
}

gint64
jy_team_store_create (JyDb         *db,
                      gint64        site_id,
                      const char   *code,
                      const char   *name,
                      gint64        lead_staff_id,
                      JyTeamRole    lead_role,
                      const char   *start_date,
                      GError      **error)
{
  static const char sql[] =
    "INSERT INTO team (uuid, created_at, updated_at, created_by, site_id, code, name, lead_staff_id)\n"
    "VALUES (?1, ?2, ?2, ?3,\n"
    "  CASE WHEN ?4 = 0 THEN (SELECT id FROM site WHERE kind = 'centre' AND parent_id IS NULL\n"
    "                         ORDER BY id LIMIT 1) ELSE ?4 END,\n"
    "  ?5, ?6, ?7)";
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!jy_store_require (db, JY_PERMISSION_TEAM_MANAGE, error))
    return 0;
  if (code == NULL || *code == '\0' || name == NULL || *name == '\0' ||
      !jy_team_role_can_lead (lead_role) || lead_staff_id <= 0 || !valid_date (start_date))
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                           "A team needs a code, a name and a family doctor as its lead");
      return 0;
    }
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, site_id);
  sqlite3_bind_text (stmt, 5, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, lead_staff_id);
  if (!jy_db_step_done (db, stmt, error))
    return 0;
  id = jy_db_last_insert_rowid (db);

  detail = team_detail ("created", "lead_staff_id", lead_staff_id);
  if (!jy_store_record_change (db, "team", uuid, JY_CHANGE_CREATE, 1, detail, error) ||
      insert_member (db, id, lead_staff_id, lead_role, NULL, start_date, error) == 0)
    return 0;
  return id;
}

gboolean
jy_team_store_update (JyDb         *db,
                      gint64        id,
                      gint64        rev,
                      const char   *code,
                      const char   *name,
                      gint64        lead_staff_id,
                      const char   *status,
                      GError      **error)
{
  static const char sql[] =
    "UPDATE team SET code = ?1, name = ?2, lead_staff_id = ?3, status = ?4, rev = rev + 1,\n"
    "  updated_at = ?5 WHERE id = ?6 AND rev = ?7 RETURNING uuid";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GDate) today = jy_clock_today_local ();
  sqlite3_stmt *stmt;
  gboolean may_lead = FALSE;
  char day[11];
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_TEAM_MANAGE, error))
    return FALSE;
  if (code == NULL || *code == '\0' || name == NULL || *name == '\0' ||
      (g_strcmp0 (status, "active") != 0 && g_strcmp0 (status, "inactive") != 0))
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                           "A team needs a code, a name and a status");
      return FALSE;
    }
  if (!may_lead_on (db, id, lead_staff_id, jy_contract_format_date (today, day), &may_lead, error))
    return FALSE;
  if (!may_lead)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                           "The lead must be a current member who is a family doctor");
      return FALSE;
    }

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, lead_staff_id);
  sqlite3_bind_text (stmt, 4, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, id);
  sqlite3_bind_int64 (stmt, 7, rev);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    uuid = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (uuid == NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT,
                   "Team %" G_GINT64_FORMAT " changed since it was loaded", id);
      return FALSE;
    }

  detail = team_detail ("updated", "lead_staff_id", lead_staff_id);
  return jy_store_record_change (db, "team", uuid, JY_CHANGE_UPDATE, rev + 1, detail, error);
}

gint64
jy_team_store_add_member (JyDb         *db,
                          gint64        team_id,
                          gint64        staff_id,
                          JyTeamRole    role,
                          const char   *institution,
                          const char   *start_date,
                          GError      **error)
{
  if (!jy_store_require (db, JY_PERMISSION_TEAM_MANAGE, error))
    return 0;
  return insert_member (db, team_id, staff_id, role, institution, start_date, error);
}

gboolean
jy_team_store_end_member (JyDb         *db,
                          gint64        member_id,
                          const char   *end_date,
                          GError      **error)
{
  static const char member_sql[] =
    "SELECT m.uuid, m.rev, m.start_date, m.staff_id = t.lead_staff_id FROM team_member m\n"
    "JOIN team t ON t.id = m.team_id WHERE m.id = ?1";
  static const char sql[] =
    "UPDATE team_member SET end_date = ?1, rev = rev + 1, updated_at = ?2 WHERE id = ?3";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *start = NULL;
  sqlite3_stmt *stmt;
  gboolean is_lead = FALSE;
  gint64 rev = 0;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_TEAM_MANAGE, error))
    return FALSE;
  if ((stmt = jy_db_prepare (db, member_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      uuid = jy_db_column_dup_text (stmt, 0);
      rev = sqlite3_column_int64 (stmt, 1);
      start = jy_db_column_dup_text (stmt, 2);
      is_lead = sqlite3_column_int (stmt, 3) != 0;
    }
  sqlite3_reset (stmt);
  if (uuid == NULL)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No such team member");
      return FALSE;
    }
  if (is_lead || !valid_date (end_date) || g_strcmp0 (end_date, start) < 0)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                           "Name another lead first, and end on or after the start date");
      return FALSE;
    }

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, end_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, member_id);
  return jy_db_step_done (db, stmt, error) &&
         jy_store_record_change (db, "team_member", uuid, JY_CHANGE_UPDATE, rev + 1,
                                 "{\"event\":\"member-left\"}", error);
}
