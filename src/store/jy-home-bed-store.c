/* jy-home-bed-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-bed-store-private.h"

#include "jy-clock.h"
#include "jy-followup.h"
#include "jy-resident-detail.h"
#include "jy-store.h"
#include "jy-store-error.h"

#include <glib/gi18n.h>
#include <string.h>

/* The reads of home beds: one bed's record with its rounds, a resident's
 * beds, today's rounds per staff member (two ranges of the partial due
 * indexes), the census of open beds, the drafted discharge summary and the
 * resident timeline's entries. */

#define MAX_TIMELINE_ROUNDS 200

void
jy_home_bed_round_record_free (JyHomeBedRoundRecord *round)
{
  if (round == NULL)
    return;
  g_free (round->uuid);
  g_free (round->staff_name);
  g_free (round->staff_role);
  g_free (round->note);
  g_free (round);
}

void
jy_home_bed_record_free (JyHomeBedRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->uuid);
  g_free (r->status);
  g_free (r->resident_name);
  g_free (r->resident_sex);
  g_free (r->resident_birth_date);
  g_free (r->resident_address);
  g_free (r->resident_phone);
  g_free (r->bed_number);
  g_free (r->agreement_signed_at);
  g_free (r->diagnosis);
  g_free (r->icd10);
  g_free (r->plan);
  g_free (r->doctor_name);
  g_free (r->nurse_name);
  g_free (r->discharge_summary);
  g_free (r->summary_signed_by_name);
  g_free (r->summary_signed_at);
  g_clear_pointer (&r->rounds, g_ptr_array_unref);
  g_free (r);
}

void
jy_home_bed_due_row_free (JyHomeBedDueRow *row)
{
  if (row == NULL)
    return;
  g_free (row->resident_name);
  g_free (row->bed_number);
  g_free (row->community_code);
  g_free (row->community_name);
  g_free (row->building);
  g_free (row->address);
  g_free (row->diagnosis);
  g_free (row);
}

void
jy_home_bed_census_row_free (JyHomeBedCensusRow *row)
{
  if (row == NULL)
    return;
  g_free (row->resident_name);
  g_free (row->bed_number);
  g_free (row->community_name);
  g_free (row->building);
  g_free (row->diagnosis);
  g_free (row->doctor_name);
  g_free (row->nurse_name);
  g_free (row);
}

static const GDate *
reference (const GDate *today,
           GDate       *storage)
{
  if (today != NULL && g_date_valid (today))
    return today;
  {
    g_autoptr(GDate) now = jy_clock_today_local ();

    *storage = *now;
  }
  return storage;
}

static double
column_vital (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return JY_UNMEASURED;
  return sqlite3_column_double (stmt, column);
}

#define BED_COLUMNS \
  "b.id, b.uuid, b.rev, b.status, b.resident_id, r.name, r.sex, r.birth_date,\n" \
  "  trim (ifnull (a.name, '') || ifnull (r.address_detail, '')), r.phone, b.bed_number,\n" \
  "  b.admitted_on, b.agreement_signed_at, b.diagnosis, b.icd10, b.plan, b.doctor_id, d.name,\n" \
  "  b.nurse_id, n.name, b.doctor_every_days, b.nurse_every_days, b.cycle_no, b.cycle_start,\n" \
  "  b.cycle_end, b.doctor_due, b.nurse_due, b.discharged_on, b.discharge_reason,\n" \
  "  b.discharge_summary, sg.name, b.summary_signed_at, s.adl_score, s.braden_score, s.priorities\n" \
  "FROM home_bed b JOIN resident r ON r.id = b.resident_id\n" \
  "  LEFT JOIN address_area a ON a.code = r.area_code\n" \
  "  LEFT JOIN staff d ON d.id = b.doctor_id LEFT JOIN staff n ON n.id = b.nurse_id\n" \
  "  LEFT JOIN staff sg ON sg.id = b.summary_signed_by\n" \
  "  LEFT JOIN home_bed_assessment s ON s.id = b.assessment_id\n"

static JyHomeBedRecord *
bed_from_row (sqlite3_stmt *stmt)
{
  JyHomeBedRecord *r = g_new0 (JyHomeBedRecord, 1);
  const char *reason;

  r->id = sqlite3_column_int64 (stmt, 0);
  r->uuid = jy_db_column_dup_text (stmt, 1);
  r->rev = sqlite3_column_int64 (stmt, 2);
  r->status = jy_db_column_dup_text (stmt, 3);
  r->resident_id = sqlite3_column_int64 (stmt, 4);
  r->resident_name = jy_db_column_dup_text (stmt, 5);
  r->resident_sex = jy_db_column_dup_text (stmt, 6);
  r->resident_birth_date = jy_db_column_dup_text (stmt, 7);
  r->resident_address = jy_db_column_dup_text (stmt, 8);
  r->resident_phone = jy_db_column_dup_text (stmt, 9);
  r->bed_number = jy_db_column_dup_text (stmt, 10);
  jy_home_bed_column_date (stmt, 11, &r->admitted_on);
  r->agreement_signed_at = jy_db_column_dup_text (stmt, 12);
  r->diagnosis = jy_db_column_dup_text (stmt, 13);
  r->icd10 = jy_db_column_dup_text (stmt, 14);
  r->plan = jy_db_column_dup_text (stmt, 15);
  r->doctor_id = sqlite3_column_int64 (stmt, 16);
  r->doctor_name = jy_db_column_dup_text (stmt, 17);
  r->nurse_id = sqlite3_column_int64 (stmt, 18);
  r->nurse_name = jy_db_column_dup_text (stmt, 19);
  r->doctor_every_days = sqlite3_column_int (stmt, 20);
  r->nurse_every_days = sqlite3_column_int (stmt, 21);
  r->cycle_no = sqlite3_column_int (stmt, 22);
  jy_home_bed_column_date (stmt, 23, &r->cycle_start);
  jy_home_bed_column_date (stmt, 24, &r->cycle_end);
  jy_home_bed_column_date (stmt, 25, &r->doctor_due);
  jy_home_bed_column_date (stmt, 26, &r->nurse_due);
  jy_home_bed_column_date (stmt, 27, &r->discharged_on);
  reason = (const char *)sqlite3_column_text (stmt, 28);
  if (reason == NULL || !jy_discharge_reason_from_string (reason, &r->discharge_reason))
    r->discharge_reason = JY_DISCHARGE_REASON_NONE;
  r->discharge_summary = jy_db_column_dup_text (stmt, 29);
  r->summary_signed_by_name = jy_db_column_dup_text (stmt, 30);
  r->summary_signed_at = jy_db_column_dup_text (stmt, 31);
  r->adl_score = sqlite3_column_type (stmt, 32) == SQLITE_NULL ? JY_HOME_BED_NOT_SCORED
                                                                : sqlite3_column_int (stmt, 32);
  r->braden_score = sqlite3_column_type (stmt, 33) == SQLITE_NULL ? JY_HOME_BED_NOT_SCORED
                                                                   : sqlite3_column_int (stmt, 33);
  r->priorities = sqlite3_column_int (stmt, 34);
  return r;
}

static GPtrArray *
load_rounds (JyDb    *db,
             gint64   home_bed_id,
             GError **error)
{
  static const char sql[] =
    "SELECT o.id, o.uuid, o.kind, o.round_date, ifnull (o.start_minute, -1),\n"
    "  ifnull (o.end_minute, -1), ifnull (o.staff_id, 0), s.name, o.staff_role, o.temperature,\n"
    "  o.pulse, o.respiration, o.sbp, o.dbp, o.spo2, o.glucose, o.pain, o.weight, o.note,\n"
    "  o.procedures, o.pressure_stage, o.next_round\n"
    "FROM home_bed_round o LEFT JOIN staff s ON s.id = o.staff_id\n"
    "WHERE o.home_bed_id = ?1 AND o.status = 'final'\n"
    "ORDER BY o.round_date, ifnull (o.start_minute, 0), o.id";
  g_autoptr(GPtrArray) rounds =
    g_ptr_array_new_with_free_func ((GDestroyNotify)jy_home_bed_round_record_free);
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, home_bed_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyHomeBedRoundRecord *o = g_new0 (JyHomeBedRoundRecord, 1);

      o->id = sqlite3_column_int64 (stmt, 0);
      o->uuid = jy_db_column_dup_text (stmt, 1);
      if (!jy_home_bed_round_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &o->kind))
        o->kind = JY_HOME_BED_ROUND_NURSING;
      jy_home_bed_column_date (stmt, 3, &o->date);
      o->start_minute = sqlite3_column_int (stmt, 4);
      o->end_minute = sqlite3_column_int (stmt, 5);
      o->staff_id = sqlite3_column_int64 (stmt, 6);
      o->staff_name = jy_db_column_dup_text (stmt, 7);
      o->staff_role = jy_db_column_dup_text (stmt, 8);
      for (guint v = 0; v < JY_HOME_BED_N_VITALS; v++)
        o->vitals[v] = column_vital (stmt, 9 + v);
      o->note = jy_db_column_dup_text (stmt, 18);
      if (!jy_home_bed_procs_from_string ((const char *)sqlite3_column_text (stmt, 19), &o->procedures))
        o->procedures = 0;
      o->pressure_stage = sqlite3_column_int (stmt, 20);
      jy_home_bed_column_date (stmt, 21, &o->next_round);
      g_ptr_array_add (rounds, o);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&rounds);
}

JyHomeBedRecord *
jy_home_bed_store_load (JyDb    *db,
                        gint64   home_bed_id,
                        GError **error)
{
  static const char sql[] = "SELECT " BED_COLUMNS "WHERE b.id = ?1 AND b.status <> 'entered-in-error'";
  g_autoptr(JyHomeBedRecord) record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_VIEW, error))
    return NULL;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, home_bed_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    record = bed_from_row (stmt);
  sqlite3_reset (stmt);
  if (record == NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No home bed %" G_GINT64_FORMAT, home_bed_id);
      return NULL;
    }
  if ((record->rounds = load_rounds (db, home_bed_id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&record);
}

GPtrArray *
jy_home_bed_store_for_resident (JyDb    *db,
                                gint64   resident_id,
                                GError **error)
{
  static const char sql[] =
    "SELECT " BED_COLUMNS "WHERE b.resident_id = ?1 AND b.status <> 'entered-in-error'\n"
    "ORDER BY b.admitted_on DESC, b.id DESC";
  g_autoptr(GPtrArray) beds = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_home_bed_record_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_VIEW, error))
    return NULL;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (beds, bed_from_row (stmt));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&beds);
}

gint64
jy_home_bed_store_pending_assessment (JyDb    *db,
                                      gint64   resident_id,
                                      GDate   *assessed_on,
                                      GError **error)
{
  static const char sql[] =
    "SELECT a.id, a.assessed_on FROM home_bed_assessment a\n"
    "WHERE a.resident_id = ?1 AND a.status = 'final' AND a.eligible AND a.home_bed_id IS NULL\n"
    "  AND NOT EXISTS (SELECT 1 FROM home_bed b WHERE b.assessment_id = a.id\n"
    "                  AND b.status <> 'entered-in-error')\n"
    "ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1";
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_VIEW, error))
    return -1;

  if (assessed_on != NULL)
    g_date_clear (assessed_on, 1);
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return -1;
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (assessed_on != NULL)
        jy_home_bed_column_date (stmt, 1, assessed_on);
    }
  sqlite3_reset (stmt);
  return id;
}

gint64
jy_home_bed_store_open_application (JyDb    *db,
                                    gint64   resident_id,
                                    GError **error)
{
  static const char sql[] =
    "SELECT id FROM home_bed_application WHERE resident_id = ?1 AND status = 'open'\n"
    "ORDER BY applied_on DESC, id DESC LIMIT 1";
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_VIEW, error))
    return -1;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return -1;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* --- Today's rounds and the census ----------------------------------------- */

static int
compare_due_rows (gconstpointer a,
                  gconstpointer b)
{
  const JyHomeBedDueRow *x = *(JyHomeBedDueRow *const *)a;
  const JyHomeBedDueRow *y = *(JyHomeBedDueRow *const *)b;
  int order;

  if ((order = g_strcmp0 (x->community_code, y->community_code)) != 0 ||
      (order = g_strcmp0 (x->building, y->building)) != 0 ||
      (order = g_strcmp0 (x->bed_number, y->bed_number)) != 0)
    return order;
  return (int)x->kind - (int)y->kind;
}

GPtrArray *
jy_home_bed_store_todays_rounds (JyDb         *db,
                                 gint64        staff_id,
                                 const GDate  *today,
                                 GError      **error)
{
  /* Two ranges of the partial indexes home_bed_doctor_due and
   * home_bed_nurse_due; a bed whose doctor and nurse are the same person
   * shows once per round due. */
  static const char sql[] =
    "SELECT b.id, b.resident_id, r.name, b.bed_number, b.community_code, ifnull (a.name, ''),\n"
    "  ifnull (b.building, ''), ifnull (r.address_detail, ''), b.diagnosis, x.kind, x.due, b.cycle_end\n"
    "FROM (SELECT id, '1' AS kind, doctor_due AS due FROM home_bed\n"
    "      WHERE status = 'open' AND doctor_id = ?1 AND doctor_due <= ?2\n"
    "      UNION ALL\n"
    "      SELECT id, '2', nurse_due FROM home_bed\n"
    "      WHERE status = 'open' AND nurse_id = ?1 AND nurse_due <= ?2) x\n"
    "  JOIN home_bed b ON b.id = x.id JOIN resident r ON r.id = b.resident_id\n"
    "  LEFT JOIN address_area a ON a.code = b.community_code";
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_home_bed_due_row_free);
  GDate storage;
  const GDate *day = reference (today, &storage);
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_VIEW, error))
    return NULL;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  jy_home_bed_bind_date (stmt, 2, day);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyHomeBedDueRow *row = g_new0 (JyHomeBedDueRow, 1);

      row->home_bed_id = sqlite3_column_int64 (stmt, 0);
      row->resident_id = sqlite3_column_int64 (stmt, 1);
      row->resident_name = jy_db_column_dup_text (stmt, 2);
      row->bed_number = jy_db_column_dup_text (stmt, 3);
      row->community_code = jy_db_column_dup_text (stmt, 4);
      row->community_name = jy_db_column_dup_text (stmt, 5);
      row->building = jy_db_column_dup_text (stmt, 6);
      row->address = jy_db_column_dup_text (stmt, 7);
      row->diagnosis = jy_db_column_dup_text (stmt, 8);
      if (!jy_home_bed_round_kind_from_string ((const char *)sqlite3_column_text (stmt, 9), &row->kind))
        row->kind = JY_HOME_BED_ROUND_NURSING;
      jy_home_bed_column_date (stmt, 10, &row->due);
      jy_home_bed_column_date (stmt, 11, &row->cycle_end);
      row->days_overdue = g_date_valid (&row->due) ? jy_home_bed_days_overdue (&row->due, day) : 0;
      g_ptr_array_add (rows, row);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  g_ptr_array_sort (rows, compare_due_rows);
  return g_steal_pointer (&rows);
}

gboolean
jy_home_bed_store_count_due (JyDb         *db,
                             gint64        staff_id,
                             const GDate  *today,
                             gint64       *due_today,
                             gint64       *overdue,
                             GError      **error)
{
  static const char sql[] =
    "SELECT (SELECT count(*) FROM home_bed WHERE status = 'open' AND doctor_id = ?1 AND doctor_due = ?2)\n"
    "     + (SELECT count(*) FROM home_bed WHERE status = 'open' AND nurse_id = ?1 AND nurse_due = ?2),\n"
    "       (SELECT count(*) FROM home_bed WHERE status = 'open' AND doctor_id = ?1 AND doctor_due < ?2)\n"
    "     + (SELECT count(*) FROM home_bed WHERE status = 'open' AND nurse_id = ?1 AND nurse_due < ?2)";
  GDate storage;
  const GDate *day = reference (today, &storage);
  sqlite3_stmt *stmt;

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_VIEW, error))
    return FALSE;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  jy_home_bed_bind_date (stmt, 2, day);
  if (jy_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  if (due_today != NULL)
    *due_today = sqlite3_column_int64 (stmt, 0);
  if (overdue != NULL)
    *overdue = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

GPtrArray *
jy_home_bed_store_census (JyDb         *db,
                          const GDate  *today,
                          GError      **error)
{
  static const char sql[] =
    "SELECT b.id, b.resident_id, r.name, b.bed_number, ifnull (a.name, ''), ifnull (b.building, ''),\n"
    "  b.diagnosis, d.name, n.name, b.admitted_on, b.cycle_end, min (b.doctor_due, b.nurse_due)\n"
    "FROM home_bed b JOIN resident r ON r.id = b.resident_id\n"
    "  LEFT JOIN address_area a ON a.code = b.community_code\n"
    "  LEFT JOIN staff d ON d.id = b.doctor_id LEFT JOIN staff n ON n.id = b.nurse_id\n"
    "WHERE b.status = 'open'\n"
    "ORDER BY b.community_code, b.building, b.bed_number";
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_home_bed_census_row_free);
  GDate storage;
  const GDate *day = reference (today, &storage);
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_VIEW, error))
    return NULL;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyHomeBedCensusRow *row = g_new0 (JyHomeBedCensusRow, 1);

      row->home_bed_id = sqlite3_column_int64 (stmt, 0);
      row->resident_id = sqlite3_column_int64 (stmt, 1);
      row->resident_name = jy_db_column_dup_text (stmt, 2);
      row->bed_number = jy_db_column_dup_text (stmt, 3);
      row->community_name = jy_db_column_dup_text (stmt, 4);
      row->building = jy_db_column_dup_text (stmt, 5);
      row->diagnosis = jy_db_column_dup_text (stmt, 6);
      row->doctor_name = jy_db_column_dup_text (stmt, 7);
      row->nurse_name = jy_db_column_dup_text (stmt, 8);
      jy_home_bed_column_date (stmt, 9, &row->admitted_on);
      jy_home_bed_column_date (stmt, 10, &row->cycle_end);
      jy_home_bed_column_date (stmt, 11, &row->next_due);
      row->bed_days = g_date_valid (&row->admitted_on) ? jy_home_bed_bed_days (&row->admitted_on, day) : 0;
      g_ptr_array_add (rows, row);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

/* --- Summary and timeline --------------------------------------------------- */

char *
jy_home_bed_store_draft_summary (JyDb              *db,
                                 gint64             home_bed_id,
                                 JyDischargeReason  reason,
                                 const GDate       *discharged_on,
                                 GError           **error)
{
  g_autoptr(JyHomeBedRecord) bed = NULL;
  g_autofree JyHomeBedRoundFacts *facts = NULL;
  JyHomeBedSummaryFacts summary = { 0 };

  if (!jy_store_require (db, JY_PERMISSION_HOME_BED_VIEW, error))
    return NULL;

  if ((bed = jy_home_bed_store_load (db, home_bed_id, error)) == NULL)
    return NULL;
  facts = g_new0 (JyHomeBedRoundFacts, MAX (bed->rounds->len, 1));
  for (guint i = 0; i < bed->rounds->len; i++)
    {
      const JyHomeBedRoundRecord *o = g_ptr_array_index (bed->rounds, i);

      facts[i].date = o->date;
      facts[i].kind = o->kind;
      memcpy (facts[i].vitals, o->vitals, sizeof o->vitals);
      facts[i].procedures = o->procedures;
      facts[i].note = o->note;
    }
  summary.diagnosis = bed->diagnosis;
  summary.bed_number = bed->bed_number;
  summary.admission_date = bed->admitted_on;
  if (discharged_on != NULL)
    summary.discharge_date = *discharged_on;
  else
    g_date_clear (&summary.discharge_date, 1);
  summary.reason = reason;
  summary.rounds = facts;
  summary.n_rounds = bed->rounds->len;
  return jy_home_bed_summary_draft (&summary);
}

static JyTimelineEntry *
timeline_entry (const char *kind,
                const char *date,
                const char *actor,
                gint64      record_id,
                char       *title)
{
  JyTimelineEntry *entry = g_new0 (JyTimelineEntry, 1);

  entry->at = g_strdup (date);
  entry->kind = g_strdup (kind);
  entry->actor = g_strdup (actor);
  entry->title = title;
  entry->date_only = TRUE;
  entry->record_id = record_id;
  return entry;
}

gboolean
jy_home_bed_store_add_timeline (JyDb       *db,
                                gint64      resident_id,
                                GPtrArray  *entries,
                                GError    **error)
{
  static const char beds_sql[] =
    "SELECT b.id, b.bed_number, b.admitted_on, b.diagnosis, d.name, b.status, b.discharged_on,\n"
    "  b.discharge_reason, sg.name\n"
    "FROM home_bed b LEFT JOIN staff d ON d.id = b.doctor_id\n"
    "  LEFT JOIN staff sg ON sg.id = b.summary_signed_by\n"
    "WHERE b.resident_id = ?1 AND b.status <> 'entered-in-error'";
  static const char renewals_sql[] =
    "SELECT w.home_bed_id, b.bed_number, w.renewed_on, w.cycle_end\n"
    "FROM home_bed_renewal w JOIN home_bed b ON b.id = w.home_bed_id\n"
    "WHERE b.resident_id = ?1 AND w.status = 'final' AND b.status <> 'entered-in-error'";
  static const char rounds_sql[] =
    "SELECT o.home_bed_id, b.bed_number, o.round_date, o.kind, s.name, o.procedures\n"
    "FROM home_bed_round o JOIN home_bed b ON b.id = o.home_bed_id\n"
    "  LEFT JOIN staff s ON s.id = o.staff_id\n"
    "WHERE o.resident_id = ?1 AND o.status = 'final'\n"
    "ORDER BY o.round_date DESC, o.id DESC LIMIT ?2";
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_can (db, JY_PERMISSION_HOME_BED_VIEW))
    return TRUE;   /* the timeline shows what the role may see */

  if ((stmt = jy_db_prepare (db, beds_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *bed = (const char *)sqlite3_column_text (stmt, 1);
      const char *doctor = (const char *)sqlite3_column_text (stmt, 4);
      const char *reason_code = (const char *)sqlite3_column_text (stmt, 7);
      JyDischargeReason reason = JY_DISCHARGE_REASON_NONE;
      /* Translators: a timeline event; %1$s is a home-bed number, %2$s the diagnosis */
      char *title = g_strdup_printf (_("Home bed %1$s established · %2$s"), bed,
                                     (const char *)sqlite3_column_text (stmt, 3));

      g_ptr_array_add (entries, timeline_entry ("home-bed-admit", (const char *)sqlite3_column_text (stmt, 2),
                                                doctor, id, title));
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          if (reason_code != NULL)
            jy_discharge_reason_from_string (reason_code, &reason);
          /* Translators: a timeline event; %1$s is a home-bed number, %2$s the discharge reason */
          title = g_strdup_printf (_("Home bed %1$s discharged · %2$s"), bed,
                                   _(jy_discharge_reason_label (reason)));
          g_ptr_array_add (entries, timeline_entry ("home-bed-discharge",
                                                    (const char *)sqlite3_column_text (stmt, 6),
                                                    (const char *)sqlite3_column_text (stmt, 8),
                                                    id, title));
        }
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  if ((stmt = jy_db_prepare (db, renewals_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      /* Translators: a timeline event; %1$s is a home-bed number, %2$s the new cycle's end date */
      char *title = g_strdup_printf (_("Home bed %1$s renewed until %2$s"),
                                     (const char *)sqlite3_column_text (stmt, 1),
                                     (const char *)sqlite3_column_text (stmt, 3));

      g_ptr_array_add (entries, timeline_entry ("home-bed-renew", (const char *)sqlite3_column_text (stmt, 2),
                                                NULL, sqlite3_column_int64 (stmt, 0), title));
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  if ((stmt = jy_db_prepare (db, rounds_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  sqlite3_bind_int (stmt, 2, MAX_TIMELINE_ROUNDS);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyHomeBedRoundKind kind = JY_HOME_BED_ROUND_NURSING;
      guint procs = 0;
      g_autoptr(GString) items = g_string_new (NULL);
      char *title;

      jy_home_bed_round_kind_from_string ((const char *)sqlite3_column_text (stmt, 3), &kind);
      if (jy_home_bed_procs_from_string ((const char *)sqlite3_column_text (stmt, 5), &procs))
        for (guint p = 0; p < JY_HOME_BED_N_PROCS; p++)
          if (procs & JY_HOME_BED_PROC_BIT (p))
            {
              g_string_append (items, items->len > 0 ? _(", ") : " · ");
              g_string_append (items, _(jy_home_bed_proc_label (p)));
            }
      /* Translators: a timeline event, e.g. "Nursing visit · home bed JC-001 · Dressing change";
       * %1$s is the kind of round, %2$s the bed number, %3$s the procedures (may be empty) */
      title = g_strdup_printf (_("%1$s · home bed %2$s%3$s"), _(jy_home_bed_round_kind_label (kind)),
                               (const char *)sqlite3_column_text (stmt, 1), items->str);
      g_ptr_array_add (entries, timeline_entry ("home-bed-round", (const char *)sqlite3_column_text (stmt, 2),
                                                (const char *)sqlite3_column_text (stmt, 4),
                                                sqlite3_column_int64 (stmt, 0), title));
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* --- Job forms ------------------------------------------------------------- */

gpointer
jy_home_bed_todays_rounds_func (JyDb          *db,
                                gpointer       data,
                                GCancellable  *cancellable,
                                GError       **error)
{
  const JyHomeBedRoundsQuery *query = data;

  return jy_home_bed_store_todays_rounds (db, query->staff_id, &query->today, error);
}

gpointer
jy_home_bed_census_func (JyDb          *db,
                         gpointer       data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return jy_home_bed_store_census (db, data, error);
}
