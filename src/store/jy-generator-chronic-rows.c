/* jy-generator-chronic-rows.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-generator-chronic-private.h"
#include "jy-generator-private.h"

#include "jy-chronic-private.h"
#include "jy-followup-rules.h"
#include "jy-person.h"
#include "jy-store-error.h"

#include <math.h>
#include <string.h>

/* Writes the demo centre's enrolments, follow-ups and their drugs, the
 * step of jy_generator_run() after the residents. Patients are planned in
 * jy-generator-chronic.c one at a time, in resident order, and written at
 * once with prepared statements inside the run's transaction; each
 * enrolment's worklist state is computed from the visits in memory by the
 * same function the repositories use (jy_chronic_state_compute), so no
 * second pass over a million follow-ups is needed. Like the residents,
 * the rows count as already on the platform: no outbox, no audit rows. */

typedef struct
{
  gint64 doctor_id;
  gint64 nurse_id;
} TeamStaff;

/* A patient's follow-ups go in FOLLOWUP_BATCH rows per statement, with
 * ids given here (the run starts on an empty table, so they are the ones
 * SQLite would choose) so that their drugs can follow. One row binds
 * FOLLOWUP_PARAMS values. */
#define FOLLOWUP_COLUMNS \
  "id, uuid, created_at, updated_at, created_by, rev, remote_version, status,\n" \
  "  enrolment_id, resident_id, programme_id, visit_uuid, visit_date, mode, outcome,\n" \
  "  author_id, author_role, symptoms, sbp, dbp, heart_rate, weight_kg, target_weight_kg,\n" \
  "  height_cm, cigarettes, cigarettes_target, exercise_per_week, exercise_minutes, salt,\n" \
  "  salt_target, staple_g, staple_g_target, psychology, compliance, fasting_glucose, hba1c,\n" \
  "  adherence, classification, suggested_class, action, referral_reason,\n" \
  "  referral_institution, referral_result, next_visit_date, suggested_next_date"
#define FOLLOWUP_ROW \
  "(?, ?, ?, ?, 'system', 1, '1', 'final', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,\n" \
  " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define FOLLOWUP_PARAMS 41
#define FOLLOWUP_BATCH  8
#define FOLLOWUP_ROWS_2 FOLLOWUP_ROW ", " FOLLOWUP_ROW
#define FOLLOWUP_ROWS_8 FOLLOWUP_ROWS_2 ", " FOLLOWUP_ROWS_2 ", " FOLLOWUP_ROWS_2 ", " FOLLOWUP_ROWS_2

/* Drug rows wait for the end of their patient, then go in DRUG_BATCH rows
 * per statement (as the search index rebuild does): with two million of
 * them, stepping a statement per row costs as much as the B-tree. */
#define DRUG_BATCH 16
#define DRUG_ROW   "(?, ?, ?, ?, ?, ?, ?, ?)"
#define DRUG_ROWS_4  DRUG_ROW ", " DRUG_ROW ", " DRUG_ROW ", " DRUG_ROW
#define DRUG_ROWS_16 DRUG_ROWS_4 ", " DRUG_ROWS_4 ", " DRUG_ROWS_4 ", " DRUG_ROWS_4

typedef struct
{
  gint64              followup_id;
  int                 position;
  JyFollowupDrugKind  kind;
  const JyGenDrug    *drug;
} DrugRow;

typedef struct
{
  JyGenerator    *g;
  JyGenChronic    chronic;
  GHashTable     *teams;           /* team id -> TeamStaff */
  gint64          programme_ids[2];
  int             visits_per_year[2];
  sqlite3_stmt   *enrolment_stmt;
  sqlite3_stmt   *followup_stmt;
  sqlite3_stmt   *followup_batch_stmt;
  gint64          last_followup_id;
  GArray         *uuids;           /* char[37] per visit: its own, then its visit's */
  sqlite3_stmt   *drug_stmt;
  sqlite3_stmt   *drug_batch_stmt;
  sqlite3_stmt   *retire_stmt;
  GArray         *drug_rows;       /* DrugRow of the patient being written */
  GArray         *dates;           /* char[11] per visit date, then per next date */
  guint           n_enrolments;
  guint           n_followups;
  guint           n_drugs;
} Writer;

static void
format_day (guint32 day,
            char    out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  jy_generator_format_date (&date, out);
}

static guint
programme_index (JyProgramme programme)
{
  return programme == JY_PROGRAMME_HTN ? 0 : 1;
}

static gboolean
load_context (Writer  *w,
              GError **error)
{
  static const char teams_sql[] =
    "SELECT t.id, ifnull (t.lead_staff_id, 0),\n"
    "       ifnull ((SELECT min (m.staff_id) FROM team_member m\n"
    "                WHERE m.team_id = t.id AND m.role = 'nurse'), 0)\n"
    "FROM team t";
  static const char programme_sql[] =
    "SELECT id, visits_per_year FROM programme WHERE code = ?1";
  JyDb *db = w->g->db;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, teams_sql, error)) == NULL)
    return FALSE;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TeamStaff *staff = g_new0 (TeamStaff, 1);
      gint64 *key = g_new (gint64, 1);

      *key = sqlite3_column_int64 (stmt, 0);
      staff->doctor_id = sqlite3_column_int64 (stmt, 1);
      staff->nurse_id = sqlite3_column_int64 (stmt, 2);
      g_hash_table_insert (w->teams, key, staff);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  for (guint i = 0; i < 2; i++)
    {
      if ((stmt = jy_db_prepare (db, programme_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, jy_programme_to_code (i == 0 ? JY_PROGRAMME_HTN : JY_PROGRAMME_T2DM),
                         -1, SQLITE_STATIC);
      if ((rc = jy_db_step (db, stmt, error)) != SQLITE_ROW)
        {
          if (rc >= 0)
            g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_FAILED,
                                 "The hypertension and diabetes programmes are missing");
          sqlite3_reset (stmt);
          return FALSE;
        }
      w->programme_ids[i] = sqlite3_column_int64 (stmt, 0);
      w->visits_per_year[i] = sqlite3_column_int (stmt, 1);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
prepare_statements (Writer  *w,
                    GError **error)
{
  static const char enrolment_sql[] =
    "INSERT INTO chronic_enrolment (uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "  status, resident_id, programme_id, icd10, diagnosis_date, diagnosis_institution,\n"
    "  enrol_date, doctor_id, team_id, end_date, end_reason, last_visit_date, last_f2f_date,\n"
    "  last_class, next_due_date, due_action, referral_open, norm_year, norm_visits, behind_date)\n"
    "VALUES (?1, ?2, ?2, 'system', 1, '1', ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif (?10, 0),\n"
    "  nullif (?11, 0), ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)";
  static const char followup_sql[] =
    "INSERT INTO followup (" FOLLOWUP_COLUMNS ") VALUES " FOLLOWUP_ROW;
  static const char followup_batch_sql[] =
    "INSERT INTO followup (" FOLLOWUP_COLUMNS ") VALUES " FOLLOWUP_ROWS_8;
  static const char drug_sql[] =
    "INSERT INTO followup_drug (followup_id, position, kind, name, times_per_day, dose, dose_unit,\n"
    "  usage)\n"
    "VALUES " DRUG_ROW;
  static const char drug_batch_sql[] =
    "INSERT INTO followup_drug (followup_id, position, kind, name, times_per_day, dose, dose_unit,\n"
    "  usage)\n"
    "VALUES " DRUG_ROWS_16;
  static const char retire_sql[] =
    "UPDATE resident SET status = ?2, status_date = ?3, status_reason = ?4 WHERE id = ?1";

  if ((w->enrolment_stmt = jy_db_prepare (w->g->db, enrolment_sql, error)) == NULL ||
      (w->followup_stmt = jy_db_prepare (w->g->db, followup_sql, error)) == NULL ||
      (w->followup_batch_stmt = jy_db_prepare (w->g->db, followup_batch_sql, error)) == NULL)
    return FALSE;
  g_assert (sqlite3_bind_parameter_count (w->followup_stmt) == FOLLOWUP_PARAMS);

  return jy_db_query_int64 (w->g->db, "SELECT ifnull (max (id), 0) FROM followup",
                            &w->last_followup_id, error) &&
         (w->drug_stmt = jy_db_prepare (w->g->db, drug_sql, error)) != NULL &&
         (w->drug_batch_stmt = jy_db_prepare (w->g->db, drug_batch_sql, error)) != NULL &&
         (w->retire_stmt = jy_db_prepare (w->g->db, retire_sql, error)) != NULL;
}

static void
bind_positive_int (sqlite3_stmt *stmt,
                   int           index,
                   int           value)
{
  if (value > 0)
    sqlite3_bind_int (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_positive_double (sqlite3_stmt *stmt,
                      int           index,
                      double        value)
{
  if (value > 0)
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static const char *
visit_date_text (Writer *w,
                 guint   i)
{
  return &g_array_index (w->dates, char, 22 * i);
}

static const char *
next_date_text (Writer *w,
                guint   i)
{
  return &g_array_index (w->dates, char, 22 * i + 11);
}

static gboolean
write_enrolment (Writer           *w,
                 JyGenPatient     *p,
                 guint             k,
                 const TeamStaff  *staff,
                 GError          **error)
{
  JyGenEnrolment *e = &p->enrolments[k];
  GArray *visits = w->chronic.visits;
  g_autoptr(GArray) facts = g_array_new (FALSE, TRUE, sizeof (JyChronicVisitFact));
  sqlite3_stmt *stmt = w->enrolment_stmt;
  guint index = programme_index (e->programme);
  JyChronicState state;
  char enrol[11], diagnosis[11], end[11];
  char uuid[37];

  for (guint i = 0; i < visits->len; i++)
    {
      const JyGenVisit *v = &g_array_index (visits, JyGenVisit, i);
      JyChronicVisitFact fact = { 0 };

      if (v->enrolment != k)
        continue;
      fact.visit_date = visit_date_text (w, i);
      fact.mode = v->mode;
      fact.outcome = v->outcome;
      fact.classification = v->klass;
      fact.action = v->action;
      fact.next_visit_date = next_date_text (w, i);
      fact.referral = v->referral;
      g_array_append_val (facts, fact);
    }

  format_day (e->enrol, enrol);
  format_day (e->diagnosis, diagnosis);
  jy_chronic_state_compute (enrol, w->visits_per_year[index],
                            (const JyChronicVisitFact *)(gpointer)facts->data, facts->len, &state);
  jy_gen_make_uuid (w->chronic.src, uuid);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, w->g->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, p->end != 0 ? "ended" : "managing", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, p->id);
  sqlite3_bind_int64 (stmt, 5, w->programme_ids[index]);
  sqlite3_bind_text (stmt, 6, e->icd10, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, diagnosis, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, e->institution, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, enrol, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, staff != NULL ? staff->doctor_id : 0);
  sqlite3_bind_int64 (stmt, 11, p->team_id);
  if (p->end != 0)
    {
      format_day (p->end, end);
      sqlite3_bind_text (stmt, 12, end, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 13, p->end_reason, -1, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_null (stmt, 12);
      sqlite3_bind_null (stmt, 13);
    }
  jy_chronic_state_bind (stmt, 14, &state);
  if (!jy_db_step_done (w->g->db, stmt, error))
    return FALSE;

  e->id = jy_db_last_insert_rowid (w->g->db);
  w->n_enrolments++;
  return TRUE;
}

static void
queue_drugs (Writer               *w,
             gint64                followup_id,
             const JyGenVisit     *v,
             const JyGenEnrolment *e)
{
  const JyGenDrug *drugs[3];
  int position = 0;

  /* What the patient takes, then the new regimen when it changed. */
  for (guint pass = 0; pass < 2; pass++)
    {
      int step = pass == 0 ? v->step_before : v->step_after;
      guint n;

      if (pass == 1 && v->step_after == v->step_before)
        break;
      n = jy_gen_chronic_regimen (e->programme, step, e->line, drugs);
      for (guint i = 0; i < n; i++)
        {
          DrugRow row = { followup_id, position++, JY_FOLLOWUP_DRUG_CURRENT, drugs[i] };

          if (drugs[i]->usage != NULL)
            row.kind = JY_FOLLOWUP_DRUG_INSULIN;
          else if (pass == 1)
            row.kind = JY_FOLLOWUP_DRUG_ADJUST;
          g_array_append_val (w->drug_rows, row);
        }
    }
}

static gboolean
flush_drugs (Writer  *w,
             GError **error)
{
  GArray *rows = w->drug_rows;

  for (guint i = 0; i < rows->len;)
    {
      guint batch = rows->len - i >= DRUG_BATCH ? DRUG_BATCH : 1;
      sqlite3_stmt *stmt = batch > 1 ? w->drug_batch_stmt : w->drug_stmt;

      for (guint b = 0; b < batch; b++, i++)
        {
          const DrugRow *row = &g_array_index (rows, DrugRow, i);
          int first = 8 * (int)b;

          sqlite3_bind_int64 (stmt, first + 1, row->followup_id);
          sqlite3_bind_int (stmt, first + 2, row->position);
          sqlite3_bind_int (stmt, first + 3, row->kind);
          sqlite3_bind_text (stmt, first + 4, row->drug->name, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, first + 5, row->drug->times_per_day);
          sqlite3_bind_double (stmt, first + 6, row->drug->dose);
          sqlite3_bind_text (stmt, first + 7, row->drug->unit, -1, SQLITE_STATIC);
          if (row->drug->usage != NULL)
            sqlite3_bind_text (stmt, first + 8, row->drug->usage, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (stmt, first + 8);
        }
      if (!jy_db_step_done (w->g->db, stmt, error))
        return FALSE;
    }
  w->n_drugs += rows->len;
  g_array_set_size (rows, 0);
  return TRUE;
}

/* Binds follow-up @i of the patient at @first + 1 .. @first + FOLLOWUP_PARAMS. */
static void
bind_followup (Writer          *w,
               sqlite3_stmt    *stmt,
               int              first,
               JyGenPatient    *p,
               guint            i,
               gint64           id,
               const TeamStaff *staff)
{
  const JyGenVisit *v = &g_array_index (w->chronic.visits, JyGenVisit, i);
  const JyGenEnrolment *e = &p->enrolments[v->enrolment];
  const char *uuids = &g_array_index (w->uuids, char, 74 * i);
  gboolean htn = e->programme == JY_PROGRAMME_HTN;
  gboolean f2f = v->mode != JY_VISIT_MODE_PHONE;
  gboolean by_nurse = !f2f && staff != NULL && staff->nurse_id != 0 && (v->event & 1) != 0;
  gint64 author = staff == NULL ? 0 : by_nurse ? staff->nurse_id : staff->doctor_id;
  double target_weight = round (24.0 * p->height * p->height / 1000.0) / 10;
  int n = first;

  sqlite3_bind_int64 (stmt, ++n, id);
  sqlite3_bind_text (stmt, ++n, uuids, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, ++n, w->g->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, ++n, w->g->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, ++n, e->id);
  sqlite3_bind_int64 (stmt, ++n, p->id);
  sqlite3_bind_int64 (stmt, ++n, w->programme_ids[programme_index (e->programme)]);
  sqlite3_bind_text (stmt, ++n, uuids + 37, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, ++n, visit_date_text (w, i), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, ++n, v->mode);
  sqlite3_bind_int (stmt, ++n, v->outcome);
  if (author != 0)
    sqlite3_bind_int64 (stmt, ++n, author);
  else
    sqlite3_bind_null (stmt, ++n);
  sqlite3_bind_text (stmt, ++n, by_nurse ? "nurse" : "doctor", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, ++n, v->outcome == JY_FOLLOWUP_OUTCOME_SEEN ? (int)v->symptoms : 0);
  bind_positive_int (stmt, ++n, v->sbp);
  bind_positive_int (stmt, ++n, v->dbp);
  bind_positive_int (stmt, ++n, v->heart_rate);
  bind_positive_double (stmt, ++n, v->weight);
  bind_positive_double (stmt, ++n, f2f && v->weight > target_weight ? target_weight : -1);
  bind_positive_double (stmt, ++n, f2f ? round (p->height) : -1);
  sqlite3_bind_int (stmt, ++n, p->smoker ? 10 : 0);
  sqlite3_bind_int (stmt, ++n, 0);
  sqlite3_bind_int (stmt, ++n, p->exercise);
  sqlite3_bind_int (stmt, ++n, p->exercise > 0 ? 30 : 0);
  bind_positive_int (stmt, ++n, htn ? 2 : 0);
  bind_positive_int (stmt, ++n, htn ? 1 : 0);
  bind_positive_int (stmt, ++n, htn ? 0 : 300);
  bind_positive_int (stmt, ++n, htn ? 0 : 250);
  sqlite3_bind_int (stmt, ++n, 1);
  sqlite3_bind_int (stmt, ++n, v->adherence == 1 ? 1 : 2);
  bind_positive_double (stmt, ++n, v->glucose);
  bind_positive_double (stmt, ++n, v->hba1c);
  sqlite3_bind_int (stmt, ++n, v->adherence);
  sqlite3_bind_int (stmt, ++n, v->klass);
  sqlite3_bind_int (stmt, ++n, v->klass);
  sqlite3_bind_int (stmt, ++n, v->action);
  if (v->referral)
    {
      sqlite3_bind_text (stmt, ++n, v->action == JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL
                                      ? "出现危急情况，紧急转诊" : "连续两次控制不满意", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, ++n, "鹭湾市第一医院", -1, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_null (stmt, ++n);
      sqlite3_bind_null (stmt, ++n);
    }
  sqlite3_bind_int (stmt, ++n, v->referral_result);
  sqlite3_bind_text (stmt, ++n, next_date_text (w, i), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, ++n, next_date_text (w, i), -1, SQLITE_STATIC);
  g_assert (n == first + FOLLOWUP_PARAMS);
}

static gboolean
write_followups (Writer          *w,
                 JyGenPatient    *p,
                 const TeamStaff *staff,
                 GError         **error)
{
  GArray *visits = w->chronic.visits;
  gint64 first_id = w->last_followup_id + 1;
  guint event = G_MAXUINT;

  g_array_set_size (w->uuids, 74 * visits->len);
  for (guint i = 0; i < visits->len; i++)
    {
      const JyGenVisit *v = &g_array_index (visits, JyGenVisit, i);
      char *uuids = &g_array_index (w->uuids, char, 74 * i);

      jy_gen_make_uuid (w->chronic.src, uuids);
      if (v->event != event)
        jy_gen_make_uuid (w->chronic.src, uuids + 37);
      else
        memcpy (uuids + 37, uuids - 37, 37);
      event = v->event;
      queue_drugs (w, first_id + i, v, &p->enrolments[v->enrolment]);
    }

  for (guint i = 0; i < visits->len;)
    {
      guint batch = visits->len - i >= FOLLOWUP_BATCH ? FOLLOWUP_BATCH : 1;
      sqlite3_stmt *stmt = batch > 1 ? w->followup_batch_stmt : w->followup_stmt;

      for (guint b = 0; b < batch; b++, i++)
        bind_followup (w, stmt, FOLLOWUP_PARAMS * (int)b, p, i, first_id + i, staff);
      if (!jy_db_step_done (w->g->db, stmt, error))
        return FALSE;
    }

  w->last_followup_id += visits->len;
  w->n_followups += visits->len;
  return flush_drugs (w, error);
}

static gboolean
write_patient (Writer       *w,
               JyGenPatient *p,
               GError      **error)
{
  GArray *visits = w->chronic.visits;
  const TeamStaff *staff = g_hash_table_lookup (w->teams, &p->team_id);

  g_array_set_size (w->dates, 22 * visits->len);
  for (guint i = 0; i < visits->len; i++)
    {
      const JyGenVisit *v = &g_array_index (visits, JyGenVisit, i);

      format_day (v->date, &g_array_index (w->dates, char, 22 * i));
      format_day (v->next, &g_array_index (w->dates, char, 22 * i + 11));
    }

  for (guint k = 0; k < p->n_enrolments; k++)
    if (!write_enrolment (w, p, k, staff, error))
      return FALSE;

  if (!write_followups (w, p, staff, error))
    return FALSE;

  if (p->end != 0)
    {
      sqlite3_stmt *stmt = w->retire_stmt;
      char end[11];

      format_day (p->end, end);
      sqlite3_bind_int64 (stmt, 1, p->id);
      sqlite3_bind_text (stmt, 2, g_str_equal (p->end_reason, "death") ? "dead" : "moved-out", -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, end, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, g_str_equal (p->end_reason, "death") ? "心脑血管疾病" : "迁往外地",
                         -1, SQLITE_STATIC);
      if (!jy_db_step_done (w->g->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint64  id;
  guint32 birth;
  int     sex;
  gint64  team_id;
} ResidentFacts;

static GArray *
load_residents (JyDb    *db,
                GError **error)
{
  static const char sql[] =
    "SELECT id, birth_date, sex, ifnull (team_id, 0) FROM resident ORDER BY id";
  g_autoptr(GArray) residents = g_array_new (FALSE, FALSE, sizeof (ResidentFacts));
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      ResidentFacts r;
      GDate birth;

      if (!jy_person_parse_date ((const char *)sqlite3_column_text (stmt, 1), &birth))
        continue;
      r.id = sqlite3_column_int64 (stmt, 0);
      r.birth = g_date_get_julian (&birth);
      r.sex = sqlite3_column_int (stmt, 2);
      r.team_id = sqlite3_column_int64 (stmt, 3);
      g_array_append_val (residents, r);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&residents);
}

gboolean
jy_generator_build_chronic (JyGenerator  *g,
                            GError      **error)
{
  g_autoptr(GArray) residents = NULL;
  g_autoptr(GArray) visits = g_array_new (FALSE, FALSE, sizeof (JyGenVisit));
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, 1);
  g_autoptr(GArray) drug_rows = g_array_new (FALSE, FALSE, sizeof (DrugRow));
  g_autoptr(GArray) uuids = g_array_new (FALSE, FALSE, 1);
  g_autoptr(GHashTable) teams = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  Writer w = { 0 };
  gint64 started = g_get_monotonic_time ();
  GDate day;

  w.g = g;
  w.teams = teams;
  w.dates = dates;
  w.drug_rows = drug_rows;
  w.uuids = uuids;
  w.chronic.src = &g->src;
  w.chronic.visits = visits;
  w.chronic.reference_day = g_date_get_julian (&g->reference);
  day = g->reference;
  g_date_subtract_years (&day, JY_GEN_CHRONIC_HISTORY_YEARS);
  w.chronic.history_start = g_date_get_julian (&day);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, JY_GEN_CHRONIC_FIRST_YEAR);
  w.chronic.first_enrol_day = g_date_get_julian (&day);

  if (!load_context (&w, error) ||
      !prepare_statements (&w, error) ||
      (residents = load_residents (g->db, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < residents->len; i++)
    {
      const ResidentFacts *r = &g_array_index (residents, ResidentFacts, i);
      JyGenPatient patient = { .id = r->id, .birth = r->birth, .sex = r->sex, .team_id = r->team_id };

      jy_gen_chronic_plan_patient (&w.chronic, &patient);
      if (patient.n_enrolments > 0 && !write_patient (&w, &patient, error))
        return FALSE;
    }

  g_debug ("generated %u enrolments, %u follow-ups, %u drug rows, %" G_GINT64_FORMAT " ms",
           w.n_enrolments, w.n_followups, w.n_drugs, (g_get_monotonic_time () - started) / 1000);
  return TRUE;
}
