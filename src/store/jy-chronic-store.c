/* jy-chronic-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-chronic-store.h"

#include "jy-chronic-private.h"
#include "jy-clock.h"
#include "jy-person.h"
#include "jy-store.h"

void
jy_programme_info_free (JyProgrammeInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->code);
  g_free (info->name);
  g_free (info->icd10_categories);
  g_free (info);
}

void
jy_enrolment_state_free (JyEnrolmentState *state)
{
  if (state == NULL)
    return;
  g_free (state->last_visit_date);
  g_free (state->last_f2f_date);
  g_free (state->next_due_date);
  g_free (state->behind_date);
  g_free (state);
}

GPtrArray *
jy_chronic_store_list_programmes (JyDb    *db,
                                  GError **error)
{
  static const char sql[] =
    "SELECT id, code, name, icd10_categories, visits_per_year FROM programme\n"
    "WHERE status = 'active' ORDER BY id";
  g_autoptr(GPtrArray) programmes = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_programme_info_free);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyProgrammeInfo *info = g_new0 (JyProgrammeInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->code = jy_db_column_dup_text (stmt, 1);
      info->programme = jy_programme_from_code (info->code);
      info->name = jy_db_column_dup_text (stmt, 2);
      info->icd10_categories = jy_db_column_dup_text (stmt, 3);
      info->visits_per_year = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (programmes, info);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&programmes);
}

/* Enrolments -------------------------------------------------------------- */

#define ENROLMENT_COLUMNS \
  "e.id, e.uuid, e.rev, e.status, e.resident_id, p.code, e.icd10, e.diagnosis_date,\n" \
  "e.diagnosis_institution, e.enrol_date, ifnull (e.doctor_id, 0), ifnull (e.team_id, 0),\n" \
  "e.end_date, e.end_reason, e.end_note\n"

static JyEnrolment *
enrolment_from_statement (sqlite3_stmt *stmt)
{
  JyEnrolment *e = jy_enrolment_new (jy_programme_from_code ((const char *)sqlite3_column_text (stmt, 5)));

  e->id = sqlite3_column_int64 (stmt, 0);
  e->uuid = jy_db_column_dup_text (stmt, 1);
  e->rev = sqlite3_column_int64 (stmt, 2);
  g_free (e->status);
  e->status = jy_db_column_dup_text (stmt, 3);
  e->resident_id = sqlite3_column_int64 (stmt, 4);
  e->icd10 = jy_db_column_dup_text (stmt, 6);
  e->diagnosis_date = jy_db_column_dup_text (stmt, 7);
  e->diagnosis_institution = jy_db_column_dup_text (stmt, 8);
  e->enrol_date = jy_db_column_dup_text (stmt, 9);
  e->doctor_id = sqlite3_column_int64 (stmt, 10);
  e->team_id = sqlite3_column_int64 (stmt, 11);
  e->end_date = jy_db_column_dup_text (stmt, 12);
  e->end_reason = jy_db_column_dup_text (stmt, 13);
  e->end_note = jy_db_column_dup_text (stmt, 14);
  return e;
}

JyEnrolment *
jy_chronic_store_load_enrolment (JyDb    *db,
                                 gint64   id,
                                 GError **error)
{
  static const char sql[] =
    "SELECT " ENROLMENT_COLUMNS
    "FROM chronic_enrolment e JOIN programme p ON p.id = e.programme_id WHERE e.id = ?1";
  sqlite3_stmt *stmt;
  JyEnrolment *enrolment;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No enrolment with id %" G_GINT64_FORMAT, id);
      return NULL;
    }
  enrolment = enrolment_from_statement (stmt);
  sqlite3_reset (stmt);
  return enrolment;
}

GPtrArray *
jy_chronic_store_list_enrolments (JyDb    *db,
                                  gint64   resident_id,
                                  GError **error)
{
  static const char sql[] =
    "SELECT " ENROLMENT_COLUMNS
    "FROM chronic_enrolment e JOIN programme p ON p.id = e.programme_id\n"
    "WHERE e.resident_id = ?1\n"
    "ORDER BY e.status = 'managing' DESC, e.enrol_date DESC, e.id DESC";
  g_autoptr(GPtrArray) enrolments = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_enrolment_free);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (enrolments, enrolment_from_statement (stmt));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&enrolments);
}

JyEnrolment *
jy_chronic_store_find_managing (JyDb         *db,
                                gint64        resident_id,
                                JyProgramme   programme,
                                GError      **error)
{
  static const char sql[] =
    "SELECT " ENROLMENT_COLUMNS
    "FROM chronic_enrolment e JOIN programme p ON p.id = e.programme_id\n"
    "WHERE e.resident_id = ?1 AND p.code = ?2 AND e.status = 'managing'";
  sqlite3_stmt *stmt;
  JyEnrolment *enrolment = NULL;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  jy_db_bind_text_or_null (stmt, 2, jy_programme_to_code (programme));
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    enrolment = enrolment_from_statement (stmt);
  sqlite3_reset (stmt);
  return enrolment;
}

JyEnrolmentState *
jy_chronic_store_load_state (JyDb    *db,
                             gint64   enrolment_id,
                             GError **error)
{
  static const char sql[] =
    "SELECT last_visit_date, last_f2f_date, last_class, next_due_date, due_action,\n"
    "       referral_open, norm_year, norm_visits, behind_date\n"
    "FROM chronic_enrolment WHERE id = ?1";
  JyEnrolmentState *state;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No enrolment with id %" G_GINT64_FORMAT, enrolment_id);
      return NULL;
    }
  state = g_new0 (JyEnrolmentState, 1);
  state->last_visit_date = jy_db_column_dup_text (stmt, 0);
  state->last_f2f_date = jy_db_column_dup_text (stmt, 1);
  state->last_class = sqlite3_column_int (stmt, 2);
  state->next_due_date = jy_db_column_dup_text (stmt, 3);
  state->due_action = sqlite3_column_int (stmt, 4);
  state->referral_open = sqlite3_column_int (stmt, 5) != 0;
  state->norm_year = sqlite3_column_int (stmt, 6);
  state->norm_visits = sqlite3_column_int (stmt, 7);
  state->behind_date = jy_db_column_dup_text (stmt, 8);
  sqlite3_reset (stmt);
  return state;
}

/* Returns the programme's id and visits a year, or FALSE with INVALID. */
static gboolean
lookup_programme (JyDb         *db,
                  JyProgramme   programme,
                  gint64       *out_id,
                  int          *out_visits_per_year,
                  GError      **error)
{
  static const char sql[] =
    "SELECT id, visits_per_year FROM programme WHERE code = ?1 AND status = 'active'";
  const char *code = jy_programme_to_code (programme);
  sqlite3_stmt *stmt;
  int rc;

  if (code == NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "An enrolment needs exactly one known programme");
      return FALSE;
    }
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "Programme %s is not active in this database", code);
      return FALSE;
    }
  *out_id = sqlite3_column_int64 (stmt, 0);
  *out_visits_per_year = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
lookup_resident_team (JyDb    *db,
                      gint64   resident_id,
                      gint64  *out_team_id,
                      GError **error)
{
  static const char sql[] = "SELECT ifnull (team_id, 0) FROM resident WHERE id = ?1";
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No resident with id %" G_GINT64_FORMAT, resident_id);
      return FALSE;
    }
  *out_team_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
jy_chronic_store_enrol (JyDb         *db,
                        JyEnrolment  *enrolment,
                        GError      **error)
{
  static const char managing_sql[] =
    "SELECT id FROM chronic_enrolment\n"
    "WHERE resident_id = ?1 AND programme_id = ?2 AND status = 'managing'";
  static const char insert_sql[] =
    "INSERT INTO chronic_enrolment (uuid, created_at, updated_at, created_by, status,\n"
    "  resident_id, programme_id, icd10, diagnosis_date, diagnosis_institution, enrol_date,\n"
    "  doctor_id, team_id, last_visit_date, last_f2f_date, last_class, next_due_date,\n"
    "  due_action, referral_open, norm_year, norm_visits, behind_date)\n"
    "VALUES (?1, ?2, ?2, ?3, 'managing', ?4, ?5, ?6, ?7, ?8, ?9, nullif (?10, 0), nullif (?11, 0),\n"
    "  ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  gint64 programme_id = 0;
  gint64 resident_team = 0;
  gint64 existing = 0;
  int visits_per_year = 0;
  JyChronicState state;
  sqlite3_stmt *stmt;
  GDate enrol;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (enrolment != NULL && enrolment->id == 0, FALSE);

  if (!jy_store_require (db, JY_PERMISSION_CHRONIC_ENROL, error))
    return FALSE;

  if (!jy_person_parse_date (enrolment->enrol_date, &enrol))
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, "An enrolment needs an enrol date");
      return FALSE;
    }
  if (!lookup_programme (db, enrolment->programme, &programme_id, &visits_per_year, error) ||
      !lookup_resident_team (db, enrolment->resident_id, &resident_team, error))
    return FALSE;

  if ((stmt = jy_db_prepare (db, managing_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, enrolment->resident_id);
  sqlite3_bind_int64 (stmt, 2, programme_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    existing = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (existing != 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DUPLICATE,
                   "Resident %" G_GINT64_FORMAT " is already managed in %s (enrolment %" G_GINT64_FORMAT ")",
                   enrolment->resident_id, jy_programme_to_code (enrolment->programme), existing);
      return FALSE;
    }

  jy_chronic_state_compute (enrolment->enrol_date, visits_per_year, NULL, 0, &state);
  uuid = g_uuid_string_random ();
  if (enrolment->team_id == 0)
    enrolment->team_id = resident_team;

  if ((stmt = jy_db_prepare (db, insert_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, enrolment->resident_id);
  sqlite3_bind_int64 (stmt, 5, programme_id);
  jy_db_bind_text_or_null (stmt, 6, enrolment->icd10);
  jy_db_bind_text_or_null (stmt, 7, enrolment->diagnosis_date);
  jy_db_bind_text_or_null (stmt, 8, enrolment->diagnosis_institution);
  sqlite3_bind_text (stmt, 9, enrolment->enrol_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 10, enrolment->doctor_id);
  sqlite3_bind_int64 (stmt, 11, enrolment->team_id);
  jy_chronic_state_bind (stmt, 12, &state);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;

  enrolment->id = jy_db_last_insert_rowid (db);
  enrolment->rev = 1;
  g_free (enrolment->uuid);
  enrolment->uuid = g_steal_pointer (&uuid);
  g_free (enrolment->status);
  enrolment->status = g_strdup ("managing");

  detail = jy_chronic_describe ("programme", jy_programme_to_code (enrolment->programme), NULL);
  return jy_store_record_change (db, "chronic_enrolment", enrolment->uuid, JY_CHANGE_CREATE, 1,
                                 detail, error);
}

gboolean
jy_chronic_store_end_enrolment (JyDb        *db,
                                gint64       id,
                                gint64       rev,
                                const char  *end_date,
                                const char  *reason,
                                const char  *note,
                                GError     **error)
{
  static const char *const reasons[] = { "death", "moved-out", "diagnosis-revoked", "refused", NULL };
  static const char update_sql[] =
    "UPDATE chronic_enrolment SET status = 'ended', end_date = ?2, end_reason = ?3,\n"
    "  end_note = ?4, rev = rev + 1, updated_at = ?5\n"
    "WHERE id = ?1 AND rev = ?6 AND status = 'managing'";
  g_autoptr(JyEnrolment) before = NULL;
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  GDate end, enrol;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!jy_store_require (db, JY_PERMISSION_CHRONIC_ENROL, error))
    return FALSE;

  if (reason == NULL || !g_strv_contains (reasons, reason) ||
      !jy_person_parse_date (end_date, &end))
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "Ending an enrolment needs a date and a known reason");
      return FALSE;
    }
  if ((before = jy_chronic_store_load_enrolment (db, id, error)) == NULL)
    return FALSE;
  if (before->rev != rev || g_strcmp0 (before->status, "managing") != 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT,
                   "Enrolment %" G_GINT64_FORMAT " changed since it was loaded", id);
      return FALSE;
    }
  if (jy_person_parse_date (before->enrol_date, &enrol) && g_date_compare (&end, &enrol) < 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "An enrolment cannot end before it started");
      return FALSE;
    }

  if ((stmt = jy_db_prepare (db, update_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, end_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_TRANSIENT);
  jy_db_bind_text_or_null (stmt, 4, note);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, rev);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;

  detail = jy_chronic_describe ("status", "ended", "end_date", end_date, "end_reason", reason, NULL);
  return jy_store_record_change (db, "chronic_enrolment", before->uuid, JY_CHANGE_RETIRE, rev + 1,
                                 detail, error);
}
