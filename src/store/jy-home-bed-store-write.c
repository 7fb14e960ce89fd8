/* jy-home-bed-store-write.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-bed-store-private.h"

#include "jy-clock.h"
#include "jy-followup.h"
#include "jy-person.h"
#include "jy-store.h"
#include "jy-store-error.h"

#include <glib/gi18n.h>
#include <string.h>
#include <math.h>

/* The writes of home beds: each checks the core rule again (the window
 * did first), writes its row and records the change (outbox + audit) in
 * the job's transaction, then recomputes the bed's derived columns. */


/* --- Application and assessment ------------------------------------------------ */

gint64
jy_home_bed_store_apply (JyDb                              *db,
                         const JyHomeBedApplicationRequest *request,
                         const GDate                       *today,
                         GError                           **error)
{
  static const char sql[] =
    "INSERT INTO home_bed_application (uuid, created_at, updated_at, created_by, resident_id,\n"
    "  applied_on, source, referral_from, request, assess_by)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  GDate storage, assess_by;
  const GDate *day = jy_home_bed_reference (today, &storage);
  const JyHomeBedPolicy *policy;
  JyHomeBedPolicy stored;
  sqlite3_stmt *stmt;
  gint64 id;
  char applied[11];

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_APPLY, error))
    return 0;

  g_return_val_if_fail (request != NULL && g_date_valid (&request->applied_on), 0);
  g_return_val_if_fail (request->source < JY_HOME_BED_SOURCE_N, 0);

  if (g_date_compare (&request->applied_on, day) > 0)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                           "The application date is in the future");
      return 0;
    }
  if (!jy_home_bed_resident_is_active (db, request->resident_id, NULL, NULL, error) ||
      (policy = jy_home_bed_policy_store_resolve (db, NULL, &stored, error)) == NULL)
    return 0;
  jy_home_bed_assessment_due (&request->applied_on, policy, &assess_by);

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, request->resident_id);
  jy_home_bed_bind_date (stmt, 5, &request->applied_on);
  sqlite3_bind_text (stmt, 6, jy_home_bed_source_to_string (request->source), -1, SQLITE_STATIC);
  jy_db_bind_text_or_null (stmt, 7, request->referral_from);
  jy_db_bind_text_or_null (stmt, 8, request->request);
  jy_home_bed_bind_date (stmt, 9, &assess_by);
  if (!jy_db_step_done (db, stmt, error))
    return 0;
  id = jy_db_last_insert_rowid (db);

  detail = g_strdup_printf ("{\"event\":\"home-bed-apply\",\"date\":\"%s\",\"source\":\"%s\"}",
                            jy_home_bed_date_text (&request->applied_on, applied),
                            jy_home_bed_source_to_string (request->source));
  if (!jy_store_record_change (db, "home_bed_application", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return 0;
  return id;
}

static gboolean
load_application (JyDb    *db,
                  gint64   application_id,
                  gint64   resident_id,
                  GDate   *applied_on,
                  GError **error)
{
  static const char sql[] =
    "SELECT applied_on FROM home_bed_application\n"
    "WHERE id = ?1 AND resident_id = ?2 AND status = 'open'";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, application_id);
  sqlite3_bind_int64 (stmt, 2, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    jy_home_bed_column_date (stmt, 0, applied_on);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No open home-bed application %" G_GINT64_FORMAT, application_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
update_status (JyDb        *db,
               const char  *table,
               gint64       id,
               const char  *status,
               const char  *event,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET status = ?1, rev = rev + 1, updated_at = ?2\n"
                                          "WHERE id = ?3 RETURNING uuid, rev", table);
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  gint64 rev = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
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
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No row %" G_GINT64_FORMAT, id);
      return FALSE;
    }
  detail = g_strdup_printf ("{\"event\":\"%s\",\"status\":\"%s\"}", event, status);
  return jy_store_record_change (db, table, uuid, JY_CHANGE_UPDATE, rev, detail, error);
}

gint64
jy_home_bed_store_assess (JyDb                         *db,
                          const JyHomeBedAssessRequest *request,
                          const GDate                  *today,
                          GError                      **error)
{
  static const char sql[] =
    "INSERT INTO home_bed_assessment (uuid, created_at, updated_at, created_by, resident_id,\n"
    "  application_id, home_bed_id, assessed_on, doctor_id, diagnosis_clear, condition_stable,\n"
    "  suitable_at_home, needs_continuous_care, infectious, home_safe, has_carer, adl_score,\n"
    "  braden_score, priorities, eligible, problems, note)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, nullif (?5, 0), nullif (?6, 0), ?7, nullif (?8, 0), ?9, ?10,\n"
    "  ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)";
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);
  JyHomeBedAssessment facts;
  GDate storage;
  const GDate *day = jy_home_bed_reference (today, &storage);
  const JyHomeBedPolicy *policy;
  JyHomeBedPolicy stored;
  sqlite3_stmt *stmt;
  gboolean eligible;
  gint64 id;
  char date[11];

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_ADMIT, error))
    return 0;

  g_return_val_if_fail (request != NULL && g_date_valid (&request->facts.assessment_date), 0);

  facts = request->facts;
  g_date_clear (&facts.application_date, 1);
  if (!jy_home_bed_resident_is_active (db, request->resident_id, NULL, NULL, error))
    return 0;
  if (request->application_id != 0 &&
      !load_application (db, request->application_id, request->resident_id,
                         &facts.application_date, error))
    return 0;

  if ((policy = jy_home_bed_policy_store_resolve (db, NULL, &stored, error)) == NULL)
    return 0;
  problems = jy_home_bed_assess (&facts, day, policy);
  /* Dates and scores are errors of entry, not of eligibility. */
  for (guint i = 0; i < problems->len; i++)
    {
      JyHomeBedProblem p = g_array_index (problems, JyHomeBedProblem, i);

      if (p == JY_HOME_BED_PROBLEM_ASSESSMENT_BEFORE_APPLICATION ||
          p == JY_HOME_BED_PROBLEM_ASSESSMENT_IN_FUTURE ||
          p == JY_HOME_BED_PROBLEM_ADL_OUT_OF_RANGE ||
          p == JY_HOME_BED_PROBLEM_BRADEN_OUT_OF_RANGE)
        {
          jy_home_bed_refuse_one (p, error);
          return 0;
        }
      if (codes->len > 0)
        g_string_append_c (codes, ',');
      g_string_append_printf (codes, "%d", p);
    }
  eligible = problems->len == 0;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, request->resident_id);
  sqlite3_bind_int64 (stmt, 5, request->application_id);
  sqlite3_bind_int64 (stmt, 6, request->home_bed_id);
  jy_home_bed_bind_date (stmt, 7, &facts.assessment_date);
  sqlite3_bind_int64 (stmt, 8, request->doctor_id);
  sqlite3_bind_int (stmt, 9, facts.diagnosis_clear != FALSE);
  sqlite3_bind_int (stmt, 10, facts.condition_stable != FALSE);
  sqlite3_bind_int (stmt, 11, facts.suitable_at_home != FALSE);
  sqlite3_bind_int (stmt, 12, facts.needs_continuous_care != FALSE);
  sqlite3_bind_int (stmt, 13, facts.infectious != FALSE);
  sqlite3_bind_int (stmt, 14, facts.home_safe != FALSE);
  sqlite3_bind_int (stmt, 15, facts.has_carer != FALSE);
  if (facts.adl_score == JY_HOME_BED_NOT_SCORED)
    sqlite3_bind_null (stmt, 16);
  else
    sqlite3_bind_int (stmt, 16, facts.adl_score);
  if (facts.braden_score == JY_HOME_BED_NOT_SCORED)
    sqlite3_bind_null (stmt, 17);
  else
    sqlite3_bind_int (stmt, 17, facts.braden_score);
  sqlite3_bind_int (stmt, 18, jy_home_bed_priorities (&facts));
  sqlite3_bind_int (stmt, 19, eligible);
  jy_db_bind_text_or_null (stmt, 20, codes->len > 0 ? codes->str : NULL);
  jy_db_bind_text_or_null (stmt, 21, request->note);
  if (!jy_db_step_done (db, stmt, error))
    return 0;
  id = jy_db_last_insert_rowid (db);

  detail = g_strdup_printf ("{\"event\":\"home-bed-assess\",\"date\":\"%s\",\"eligible\":%s}",
                            jy_home_bed_date_text (&facts.assessment_date, date),
                            eligible ? "true" : "false");
  if (!jy_store_record_change (db, "home_bed_assessment", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return 0;
  if (request->application_id != 0 &&
      !update_status (db, "home_bed_application", request->application_id,
                      eligible ? "accepted" : "declined", "home-bed-decision", error))
    return 0;
  return id;
}

/* --- Admission -------------------------------------------------------------- */

static gboolean
load_assessment (JyDb     *db,
                 gint64    assessment_id,
                 gint64   *resident_id,
                 gint64   *application_id,
                 GDate    *assessed_on,
                 gboolean *eligible,
                 gboolean *used,
                 GError  **error)
{
  static const char sql[] =
    "SELECT resident_id, ifnull (application_id, 0), assessed_on, eligible,\n"
    "  EXISTS (SELECT 1 FROM home_bed b WHERE b.assessment_id = a.id AND b.status <> 'entered-in-error')\n"
    "  OR home_bed_id IS NOT NULL\n"
    "FROM home_bed_assessment a WHERE id = ?1 AND status = 'final'";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      *resident_id = sqlite3_column_int64 (stmt, 0);
      *application_id = sqlite3_column_int64 (stmt, 1);
      jy_home_bed_column_date (stmt, 2, assessed_on);
      *eligible = sqlite3_column_int (stmt, 3) != 0;
      *used = sqlite3_column_int (stmt, 4) != 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No home-bed assessment %" G_GINT64_FORMAT, assessment_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_open_bed (JyDb    *db,
              gint64   resident_id,
              gboolean *open,
              GError **error)
{
  static const char sql[] = "SELECT count(*) FROM home_bed WHERE resident_id = ?1 AND status = 'open'";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if (jy_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *open = sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return TRUE;
}

gint64
jy_home_bed_store_admit (JyDb                        *db,
                         const JyHomeBedAdmitRequest *request,
                         const GDate                 *today,
                         const JyHomeBedPolicy       *policy,
                         GError                     **error)
{
  static const char sql[] =
    "INSERT INTO home_bed (uuid, created_at, updated_at, created_by, resident_id, application_id,\n"
    "  assessment_id, bed_number, admitted_on, agreement_signed_at, diagnosis, icd10, plan,\n"
    "  doctor_id, nurse_id, doctor_every_days, nurse_every_days, cycle_start, cycle_end,\n"
    "  community_code, building)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, nullif (?5, 0), ?6, ?7, ?8, ?2, ?9, ?10, ?11, ?12, ?13, ?14, ?15,\n"
    "  ?8, ?16, ?17, ?18)";
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  g_autofree char *area_code = NULL;
  g_autofree char *address = NULL;
  g_autofree char *building = NULL;
  g_autoptr(GArray) problems = NULL;
  JyHomeBedAdmission a;
  GDate storage;
  const GDate *day = jy_home_bed_reference (today, &storage);
  gint64 resident_id = 0, application_id = 0, id;
  gboolean eligible = FALSE, used = FALSE, open = FALSE;
  sqlite3_stmt *stmt;
  char admitted[11], end[11];
  JyHomeBedPolicy stored;

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_ADMIT, error))
    return 0;

  g_return_val_if_fail (request != NULL && g_date_valid (&request->admitted_on), 0);

  jy_home_bed_admission_init (&a);
  if (!load_assessment (db, request->assessment_id, &resident_id, &application_id,
                        &a.assessment_date, &eligible, &used, error))
    return 0;
  if (used)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                           "The assessment has been used for a bed already");
      return 0;
    }
  if (!jy_home_bed_resident_is_active (db, resident_id, &area_code, &address, error) ||
      !has_open_bed (db, resident_id, &open, error))
    return 0;
  if (open)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_DUPLICATE,
                           "The resident has an open home bed already");
      return 0;
    }

  a.assessed_eligible = eligible;
  a.admission_date = request->admitted_on;
  a.agreement_signed = request->agreement_signed;
  a.diagnosis = request->diagnosis;
  a.plan = request->plan;
  a.doctor_id = request->doctor_id;
  a.nurse_id = request->nurse_id;
  a.bed_number = request->bed_number;
  a.doctor_every_days = request->doctor_every_days;
  a.nurse_every_days = request->nurse_every_days;
  if ((policy = jy_home_bed_policy_store_resolve (db, policy, &stored, error)) == NULL)
    return 0;
  if (g_date_valid (&request->cycle_end))
    a.cycle_end = request->cycle_end;
  else
    jy_home_bed_cycle_end (&a.admission_date, policy, &a.cycle_end);
  problems = jy_home_bed_admission_check (&a, day, policy);
  if (jy_home_bed_refuse (problems, error))
    return 0;

  building = jy_home_bed_building_of (address);
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, resident_id);
  sqlite3_bind_int64 (stmt, 5, application_id);
  sqlite3_bind_int64 (stmt, 6, request->assessment_id);
  sqlite3_bind_text (stmt, 7, g_strstrip (g_strdup (request->bed_number)), -1, g_free);
  jy_home_bed_bind_date (stmt, 8, &a.admission_date);
  sqlite3_bind_text (stmt, 9, request->diagnosis, -1, SQLITE_TRANSIENT);
  jy_db_bind_text_or_null (stmt, 10, request->icd10);
  sqlite3_bind_text (stmt, 11, request->plan, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 12, request->doctor_id);
  sqlite3_bind_int64 (stmt, 13, request->nurse_id);
  sqlite3_bind_int (stmt, 14, request->doctor_every_days);
  sqlite3_bind_int (stmt, 15, request->nurse_every_days);
  jy_home_bed_bind_date (stmt, 16, &a.cycle_end);
  jy_db_bind_text_or_null (stmt, 17, area_code);
  sqlite3_bind_text (stmt, 18, building, -1, SQLITE_TRANSIENT);
  if (!jy_db_step_done (db, stmt, error))
    return 0;
  id = jy_db_last_insert_rowid (db);

  detail = g_strdup_printf ("{\"event\":\"home-bed-admit\",\"date\":\"%s\",\"cycle_end\":\"%s\"}",
                            jy_home_bed_date_text (&a.admission_date, admitted),
                            jy_home_bed_date_text (&a.cycle_end, end));
  if (!jy_store_record_change (db, "home_bed", uuid, JY_CHANGE_CREATE, 1, detail, error) ||
      !jy_home_bed_derive (db, id, error))
    return 0;
  return id;
}

/* --- Rounds ----------------------------------------------------------------- */

/* --- Rounds ----------------------------------------------------------------- */

static void
bind_vital (sqlite3_stmt *stmt,
            int           index,
            double        value)
{
  if (jy_measured (value))
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

gint64
jy_home_bed_store_log_round (JyDb                  *db,
                             gint64                 home_bed_id,
                             const JyHomeBedRound  *round,
                             const GDate           *today,
                             const JyHomeBedPolicy *policy,
                             GError               **error)
{
  static const char sql[] =
    "INSERT INTO home_bed_round (uuid, created_at, updated_at, created_by, home_bed_id, resident_id,\n"
    "  round_date, start_minute, end_minute, kind, staff_id, staff_role, temperature, pulse,\n"
    "  respiration, sbp, dbp, spo2, glucose, pain, weight, note, procedures, pressure_stage,\n"
    "  next_round)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif (?10, 0), ?11, ?12, ?13, ?14, ?15,\n"
    "  ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)";
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  g_autofree char *procs = NULL;
  g_autoptr(GArray) problems = NULL;
  g_auto(JyHomeBedFacts) bed = { 0 };
  JyActor *session = jy_db_get_session (db);
  JyHomeBedRound checked;
  GDate storage;
  const GDate *day = jy_home_bed_reference (today, &storage);
  gint64 staff_id = session != NULL ? jy_actor_get_staff_id (session) : 0;
  JyRole role = session != NULL ? jy_actor_get_role (session) : JY_ROLE_SYSTEM;
  const char *role_code;
  sqlite3_stmt *stmt;
  gint64 id;
  char date[11];
  JyHomeBedPolicy stored;

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_ROUND, error))
    return 0;

  g_return_val_if_fail (round != NULL && g_date_valid (&round->date), 0);
  g_return_val_if_fail (round->kind < JY_HOME_BED_ROUND_N, 0);

  if (!jy_home_bed_load_facts (db, home_bed_id, &bed, error) ||
      (policy = jy_home_bed_policy_store_resolve (db, policy, &stored, error)) == NULL)
    return 0;
  checked = *round;
  if (role == JY_ROLE_SYSTEM || role == JY_ROLE_NONE)
    {
      /* The program itself (generator, CLI): the bed's own staff. */
      checked.by_nurse = round->kind == JY_HOME_BED_ROUND_NURSING;
      staff_id = checked.by_nurse ? bed.nurse_id : bed.doctor_id;
      role_code = checked.by_nurse ? "nurse" : "doctor";
    }
  else
    {
      checked.by_nurse = role == JY_ROLE_NURSE;
      role_code = jy_role_to_string (role);
    }
  problems = jy_home_bed_round_check (&checked, &bed.admitted_on, &bed.discharged_on, day, policy);
  if (jy_home_bed_refuse (problems, error))
    return 0;

  procs = jy_home_bed_procs_to_string (checked.procedures);
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, home_bed_id);
  sqlite3_bind_int64 (stmt, 5, bed.resident_id);
  jy_home_bed_bind_date (stmt, 6, &checked.date);
  if (checked.start_minute >= 0)
    sqlite3_bind_int (stmt, 7, checked.start_minute);
  else
    sqlite3_bind_null (stmt, 7);
  if (checked.end_minute >= 0)
    sqlite3_bind_int (stmt, 8, checked.end_minute);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_text (stmt, 9, jy_home_bed_round_kind_to_string (checked.kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, staff_id);
  sqlite3_bind_text (stmt, 11, role_code, -1, SQLITE_STATIC);
  for (guint v = 0; v < JY_HOME_BED_N_VITALS; v++)
    bind_vital (stmt, 12 + v, checked.vitals[v]);
  jy_db_bind_text_or_null (stmt, 21, checked.note);
  sqlite3_bind_text (stmt, 22, procs, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 23, checked.pressure_stage);
  jy_home_bed_bind_date (stmt, 24, &checked.next_round);
  if (!jy_db_step_done (db, stmt, error))
    return 0;
  id = jy_db_last_insert_rowid (db);

  detail = g_strdup_printf ("{\"event\":\"home-bed-round\",\"date\":\"%s\",\"kind\":\"%s\"}",
                            jy_home_bed_date_text (&checked.date, date),
                            jy_home_bed_round_kind_to_string (checked.kind));
  if (!jy_store_record_change (db, "home_bed_round", uuid, JY_CHANGE_CREATE, 1, detail, error) ||
      !jy_home_bed_derive (db, home_bed_id, error))
    return 0;
  return id;
}

