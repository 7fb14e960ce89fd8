/* jy-home-bed-store-cycle.c
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

/* Renewal after re-assessment and discharge: like every home-bed write,
 * the core rule again, the row, its outbox and audit rows, the bed's due
 * dates, in one transaction. */


/* --- Renewal and discharge ---------------------------------------------------- */

gboolean
jy_home_bed_store_renew (JyDb                  *db,
                         gint64                 home_bed_id,
                         gint64                 assessment_id,
                         const JyHomeBedPolicy *policy,
                         GError               **error)
{
  static const char insert_sql[] =
    "INSERT INTO home_bed_renewal (uuid, created_at, updated_at, created_by, home_bed_id,\n"
    "  assessment_id, renewed_on, cycle_no, cycle_start, cycle_end)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  static const char bed_sql[] =
    "UPDATE home_bed SET cycle_no = ?2, cycle_start = ?3, cycle_end = ?4, rev = rev + 1,\n"
    "  updated_at = ?5 WHERE id = ?1 RETURNING uuid, rev";
  static const char assessment_sql[] =
    "SELECT assessed_on, eligible FROM home_bed_assessment\n"
    "WHERE id = ?1 AND home_bed_id = ?2 AND status = 'final'\n"
    "  AND NOT EXISTS (SELECT 1 FROM home_bed_renewal r WHERE r.assessment_id = ?1)";
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *bed_uuid = NULL;
  g_autofree char *detail = NULL;
  g_auto(JyHomeBedFacts) bed = { 0 };
  GDate assessed, new_start, new_end;
  gboolean eligible = FALSE;
  JyHomeBedProblem problem;
  sqlite3_stmt *stmt;
  gint64 rev = 0;
  char start_text[11], end_text[11];
  JyHomeBedPolicy stored;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_ADMIT, error))
    return FALSE;

  if (!jy_home_bed_load_facts (db, home_bed_id, &bed, error) ||
      (policy = jy_home_bed_policy_store_resolve (db, policy, &stored, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (bed.status, "open") != 0)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, "The bed is discharged");
      return FALSE;
    }
  if ((stmt = jy_db_prepare (db, assessment_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_int64 (stmt, 2, home_bed_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      jy_home_bed_column_date (stmt, 0, &assessed);
      eligible = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No unused re-assessment %" G_GINT64_FORMAT " of this bed", assessment_id);
      return FALSE;
    }
  problem = jy_home_bed_renewal_check (&bed.cycle_end, &assessed, eligible, policy, &new_start, &new_end);
  if (problem != JY_HOME_BED_OK)
    {
      jy_home_bed_refuse_one (problem, error);
      return FALSE;
    }

  if ((stmt = jy_db_prepare (db, insert_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, home_bed_id);
  sqlite3_bind_int64 (stmt, 5, assessment_id);
  jy_home_bed_bind_date (stmt, 6, &assessed);
  sqlite3_bind_int (stmt, 7, bed.cycle_no + 1);
  jy_home_bed_bind_date (stmt, 8, &new_start);
  jy_home_bed_bind_date (stmt, 9, &new_end);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;
  detail = g_strdup_printf ("{\"event\":\"home-bed-renew\",\"cycle_start\":\"%s\",\"cycle_end\":\"%s\"}",
                            jy_home_bed_date_text (&new_start, start_text),
                            jy_home_bed_date_text (&new_end, end_text));
  if (!jy_store_record_change (db, "home_bed_renewal", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return FALSE;

  if ((stmt = jy_db_prepare (db, bed_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, home_bed_id);
  sqlite3_bind_int (stmt, 2, bed.cycle_no + 1);
  jy_home_bed_bind_date (stmt, 3, &new_start);
  jy_home_bed_bind_date (stmt, 4, &new_end);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) != SQLITE_ROW)
    return FALSE;
  bed_uuid = jy_db_column_dup_text (stmt, 0);
  rev = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return jy_store_record_change (db, "home_bed", bed_uuid, JY_CHANGE_UPDATE, rev, detail, error) &&
         jy_home_bed_derive (db, home_bed_id, error);
}

gboolean
jy_home_bed_store_discharge (JyDb                            *db,
                             gint64                           home_bed_id,
                             const JyHomeBedDischargeRequest *request,
                             const GDate                     *today,
                             GError                         **error)
{
  static const char last_sql[] =
    "SELECT max (round_date) FROM home_bed_round WHERE home_bed_id = ?1 AND status = 'final'";
  static const char sql[] =
    "UPDATE home_bed SET status = 'discharged', discharged_on = ?2, discharge_reason = ?3,\n"
    "  discharge_summary = ?4, summary_signed_by = ?5, summary_signed_at = ?6, rev = rev + 1,\n"
    "  updated_at = ?6 WHERE id = ?1 AND status = 'open' RETURNING uuid, rev";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GArray) problems = NULL;
  g_auto(JyHomeBedFacts) bed = { 0 };
  JyHomeBedDischarge d;
  GDate storage;
  const GDate *day = jy_home_bed_reference (today, &storage);
  sqlite3_stmt *stmt;
  gint64 rev = 0;
  char date[11];
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_ADMIT, error))
    return FALSE;

  g_return_val_if_fail (request != NULL && g_date_valid (&request->discharged_on), FALSE);

  if (!jy_home_bed_load_facts (db, home_bed_id, &bed, error))
    return FALSE;
  if (g_strcmp0 (bed.status, "open") != 0)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, "The bed is discharged already");
      return FALSE;
    }
  jy_home_bed_discharge_init (&d);
  d.admission_date = bed.admitted_on;
  d.cycle_end = bed.cycle_end;
  if ((stmt = jy_db_prepare (db, last_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, home_bed_id);
  if (jy_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  jy_home_bed_column_date (stmt, 0, &d.last_round);
  sqlite3_reset (stmt);
  d.discharge_date = request->discharged_on;
  d.reason = request->reason;
  d.summary = request->summary;
  d.signed_by_doctor = request->signed_by > 0;
  problems = jy_home_bed_discharge_check (&d, day);
  if (jy_home_bed_refuse (problems, error))
    return FALSE;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, home_bed_id);
  jy_home_bed_bind_date (stmt, 2, &request->discharged_on);
  sqlite3_bind_text (stmt, 3, jy_discharge_reason_to_string (request->reason), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, request->summary, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, request->signed_by);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) != SQLITE_ROW)
    {
      if (rc >= 0)
        g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT, "The bed changed");
      return FALSE;
    }
  uuid = jy_db_column_dup_text (stmt, 0);
  rev = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  detail = g_strdup_printf ("{\"event\":\"home-bed-discharge\",\"date\":\"%s\",\"reason\":\"%s\"}",
                            jy_home_bed_date_text (&request->discharged_on, date),
                            jy_discharge_reason_to_string (request->reason));
  return jy_store_record_change (db, "home_bed", uuid, JY_CHANGE_UPDATE, rev, detail, error) &&
         jy_home_bed_derive (db, home_bed_id, error);
}

