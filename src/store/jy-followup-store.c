/* jy-followup-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-store.h"

#include "jy-chronic-private.h"
#include "jy-clock.h"
#include "jy-person.h"
#include "jy-store.h"

/* The columns that hold a JyFollowup field as is, in one order for SELECT,
 * INSERT and the binding loops: an X-macro, so the three cannot drift
 * apart. The rest (ids, status, programme, visit_uuid, action) are bound
 * by hand after them. Kinds:
 *   TEXT   char *, NULL when empty
 *   NUM    int, JY_UNMEASURED (any negative) stored as NULL
 *   REAL   double, likewise
 *   CODE   int or enum stored as is (NOT NULL in the table)
 *   BITS   guint bit set
 *   BOOL   gboolean
 *   REF    gint64 row id, 0 stored as NULL */
#define FOLLOWUP_FIELDS(X) \
  X (visit_date, TEXT) X (mode, CODE) X (outcome, CODE) X (lost_reason, TEXT) \
  X (death_date, TEXT) X (death_cause, TEXT) X (author_id, REF) X (author_role, TEXT) \
  X (symptoms, BITS) X (symptoms_other, TEXT) X (danger_observed, BITS) \
  X (sbp, NUM) X (dbp, NUM) X (heart_rate, NUM) X (weight_kg, REAL) \
  X (target_weight_kg, REAL) X (height_cm, REAL) X (waist_cm, REAL) \
  X (temperature_c, REAL) X (foot_pulse, TEXT) X (signs_other, TEXT) \
  X (cigarettes, NUM) X (cigarettes_target, NUM) X (alcohol_liang, REAL) \
  X (alcohol_liang_target, REAL) X (exercise_per_week, NUM) X (exercise_minutes, NUM) \
  X (exercise_per_week_target, NUM) X (exercise_minutes_target, NUM) X (salt, NUM) \
  X (salt_target, NUM) X (staple_g, NUM) X (staple_g_target, NUM) X (psychology, NUM) \
  X (compliance, NUM) X (fasting_glucose, REAL) X (random_glucose, REAL) X (hba1c, REAL) \
  X (hba1c_date, TEXT) X (investigations, TEXT) X (adherence, NUM) \
  X (adverse_reaction, BOOL) X (adverse_reaction_text, TEXT) \
  X (adverse_hard_to_control, BOOL) X (hypoglycaemia, NUM) X (new_complication, BOOL) \
  X (complication_text, TEXT) X (classification, CODE) X (suggested_class, CODE) \
  X (class_override_reason, TEXT) X (referral_reason, TEXT) X (referral_institution, TEXT) \
  X (referral_department, TEXT) X (referral_contact, TEXT) X (referral_phone, TEXT) \
  X (referral_result, CODE) X (next_visit_date, TEXT) X (suggested_next_date, TEXT) \
  X (next_override_reason, TEXT) X (advice, TEXT) X (remarks, TEXT)

typedef enum
{
  KIND_TEXT,
  KIND_NUM,
  KIND_REAL,
  KIND_CODE,
  KIND_BITS,
  KIND_BOOL,
  KIND_REF,
} FieldKind;

typedef struct
{
  const char *column;
  FieldKind   kind;
  gsize       offset;
} Field;

#define AS_FIELD(name, kind) { #name, KIND_##kind, G_STRUCT_OFFSET (JyFollowup, name) },
#define AS_COLUMN(name, kind) #name ", "
#define AS_SELECT(name, kind) "f." #name ", "
#define AS_PARAM(name, kind) "?, "

static const Field fields[] = { FOLLOWUP_FIELDS (AS_FIELD) };
#define N_FIELDS ((int)G_N_ELEMENTS (fields))

/* Enums are read and written as int. */
G_STATIC_ASSERT (sizeof (JyVisitMode) == sizeof (int));
G_STATIC_ASSERT (sizeof (JyFollowupOutcome) == sizeof (int));
G_STATIC_ASSERT (sizeof (JyFollowupClass) == sizeof (int));

/* After the fields: f.id, f.uuid, f.rev, f.status, replaces_id,
 * enrolment_id, resident_id, programme code, visit_uuid. */
#define SELECT_FOLLOWUP \
  "SELECT " FOLLOWUP_FIELDS (AS_SELECT) \
  "f.id, f.uuid, f.rev, f.status, ifnull (f.replaces_id, 0), f.enrolment_id, f.resident_id,\n" \
  "       p.code, f.visit_uuid\n" \
  "FROM followup f JOIN programme p ON p.id = f.programme_id\n"

#define P() G_STRUCT_MEMBER_P (record, fields[i].offset)

static void
bind_fields (sqlite3_stmt     *stmt,
             const JyFollowup *record)
{
  for (int i = 0; i < N_FIELDS; i++)
    {
      int index = i + 1;

      switch (fields[i].kind)
        {
        case KIND_TEXT:
          jy_db_bind_text_or_null (stmt, index, *(char **)P ());
          break;
        case KIND_NUM:
          if (*(int *)P () < 0)
            sqlite3_bind_null (stmt, index);
          else
            sqlite3_bind_int (stmt, index, *(int *)P ());
          break;
        case KIND_REAL:
          if (*(double *)P () < 0)
            sqlite3_bind_null (stmt, index);
          else
            sqlite3_bind_double (stmt, index, *(double *)P ());
          break;
        case KIND_CODE:
        case KIND_BOOL:
          sqlite3_bind_int (stmt, index, *(int *)P ());
          break;
        case KIND_BITS:
          sqlite3_bind_int64 (stmt, index, *(guint *)P ());
          break;
        case KIND_REF:
          if (*(gint64 *)P () == 0)
            sqlite3_bind_null (stmt, index);
          else
            sqlite3_bind_int64 (stmt, index, *(gint64 *)P ());
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static JyFollowup *
followup_from_statement (sqlite3_stmt *stmt)
{
  JyFollowup *record = jy_followup_new (jy_programme_from_code ((const char *)sqlite3_column_text (stmt, N_FIELDS + 7)));

  for (int i = 0; i < N_FIELDS; i++)
    {
      gboolean null = sqlite3_column_type (stmt, i) == SQLITE_NULL;

      switch (fields[i].kind)
        {
        case KIND_TEXT:
          g_free (*(char **)P ());
          *(char **)P () = jy_db_column_dup_text (stmt, i);
          break;
        case KIND_NUM:
          *(int *)P () = null ? JY_UNMEASURED : sqlite3_column_int (stmt, i);
          break;
        case KIND_REAL:
          *(double *)P () = null ? JY_UNMEASURED : sqlite3_column_double (stmt, i);
          break;
        case KIND_CODE:
        case KIND_BOOL:
          *(int *)P () = sqlite3_column_int (stmt, i);
          break;
        case KIND_BITS:
          *(guint *)P () = (guint)sqlite3_column_int64 (stmt, i);
          break;
        case KIND_REF:
          *(gint64 *)P () = sqlite3_column_int64 (stmt, i);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  record->id = sqlite3_column_int64 (stmt, N_FIELDS);
  g_free (record->uuid);
  record->uuid = jy_db_column_dup_text (stmt, N_FIELDS + 1);
  record->rev = sqlite3_column_int64 (stmt, N_FIELDS + 2);
  g_free (record->status);
  record->status = jy_db_column_dup_text (stmt, N_FIELDS + 3);
  record->replaces_id = sqlite3_column_int64 (stmt, N_FIELDS + 4);
  record->enrolment_id = sqlite3_column_int64 (stmt, N_FIELDS + 5);
  record->resident_id = sqlite3_column_int64 (stmt, N_FIELDS + 6);
  g_free (record->visit_uuid);
  record->visit_uuid = jy_db_column_dup_text (stmt, N_FIELDS + 8);
  return record;
}

#undef P

/* Drugs ------------------------------------------------------------------- */

static JyFollowupDrug *
drug_from_statement (sqlite3_stmt *stmt,
                     int           first)
{
  JyFollowupDrug *drug = jy_followup_drug_new (sqlite3_column_int (stmt, first));

  drug->name = jy_db_column_dup_text (stmt, first + 1);
  drug->drug_code = jy_db_column_dup_text (stmt, first + 2);
  drug->times_per_day = sqlite3_column_type (stmt, first + 3) == SQLITE_NULL
                          ? JY_UNMEASURED : sqlite3_column_int (stmt, first + 3);
  drug->dose = sqlite3_column_type (stmt, first + 4) == SQLITE_NULL
                 ? JY_UNMEASURED : sqlite3_column_double (stmt, first + 4);
  drug->dose_unit = jy_db_column_dup_text (stmt, first + 5);
  drug->usage = jy_db_column_dup_text (stmt, first + 6);
  return drug;
}

static gboolean
load_drugs (JyDb        *db,
            JyFollowup  *record,
            GError     **error)
{
  static const char sql[] =
    "SELECT kind, name, drug_code, times_per_day, dose, dose_unit, usage\n"
    "FROM followup_drug WHERE followup_id = ?1 ORDER BY position";
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  if (record->drugs == NULL)
    record->drugs = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_followup_drug_free);
  sqlite3_bind_int64 (stmt, 1, record->id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (record->drugs, drug_from_statement (stmt, 0));
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
insert_drugs (JyDb              *db,
              const JyFollowup  *record,
              GError           **error)
{
  static const char sql[] =
    "INSERT INTO followup_drug (followup_id, position, kind, name, drug_code, times_per_day,\n"
    "  dose, dose_unit, usage)\n"
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

  for (guint i = 0; record->drugs != NULL && i < record->drugs->len; i++)
    {
      const JyFollowupDrug *drug = g_ptr_array_index (record->drugs, i);
      sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, record->id);
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_int (stmt, 3, drug->kind);
      jy_db_bind_text_or_null (stmt, 4, drug->name);
      jy_db_bind_text_or_null (stmt, 5, drug->drug_code);
      if (drug->times_per_day < 0)
        sqlite3_bind_null (stmt, 6);
      else
        sqlite3_bind_int (stmt, 6, drug->times_per_day);
      if (drug->dose < 0)
        sqlite3_bind_null (stmt, 7);
      else
        sqlite3_bind_double (stmt, 7, drug->dose);
      jy_db_bind_text_or_null (stmt, 8, drug->dose_unit);
      jy_db_bind_text_or_null (stmt, 9, drug->usage);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Reads ------------------------------------------------------------------- */

static JyFollowup *
load_one (JyDb         *db,
          const char   *sql,
          gint64        id,
          const char   *text_param,
          gboolean      required,
          GError      **error)
{
  g_autoptr(JyFollowup) record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text_param != NULL)
    sqlite3_bind_text (stmt, 2, text_param, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    record = followup_from_statement (stmt);
  sqlite3_reset (stmt);

  if (record == NULL)
    {
      if (required)
        g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                     "No follow-up with id %" G_GINT64_FORMAT, id);
      return NULL;
    }
  if (!load_drugs (db, record, error))
    return NULL;
  return g_steal_pointer (&record);
}

JyFollowup *
jy_followup_store_load (JyDb    *db,
                        gint64   id,
                        GError **error)
{
  static const char sql[] = SELECT_FOLLOWUP "WHERE f.id = ?1";

  g_return_val_if_fail (db != NULL, NULL);
  return load_one (db, sql, id, NULL, TRUE, error);
}

int
jy_followup_store_get_action (JyDb    *db,
                              gint64   id,
                              GError **error)
{
  static const char sql[] = "SELECT action FROM followup WHERE id = ?1";
  sqlite3_stmt *stmt;
  int action = -1;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return -1;
  if (rc == SQLITE_ROW)
    action = sqlite3_column_int (stmt, 0);
  else
    g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                 "No follow-up with id %" G_GINT64_FORMAT, id);
  sqlite3_reset (stmt);
  return action;
}

/* Mirrors jy_followup_counts_as_previous() (jy-followup-rules.h): face to
 * face, seen, final, the disease's own value measured. */
JyFollowup *
jy_followup_store_previous_for_rule (JyDb        *db,
                                     gint64       enrolment_id,
                                     const char  *before_date,
                                     GError     **error)
{
  static const char sql[] =
    SELECT_FOLLOWUP
    "WHERE f.id = (SELECT g.id FROM followup g\n"
    "              JOIN chronic_enrolment e ON e.id = g.enrolment_id\n"
    "              JOIN programme q ON q.id = e.programme_id\n"
    "              WHERE g.enrolment_id = ?1 AND g.visit_date < ?2 AND g.status = 'final'\n"
    "                AND g.mode IN (1, 2) AND g.outcome = 0\n"
    "                AND CASE q.code\n"
    "                      WHEN 'htn' THEN g.sbp IS NOT NULL AND g.dbp IS NOT NULL\n"
    "                      WHEN 't2dm' THEN g.fasting_glucose IS NOT NULL\n"
    "                      ELSE 0 END\n"
    "              ORDER BY g.visit_date DESC, g.id DESC LIMIT 1)";

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (before_date != NULL, NULL);
  return load_one (db, sql, enrolment_id, before_date, FALSE, error);
}

JyFollowup *
jy_followup_store_latest (JyDb    *db,
                          gint64   enrolment_id,
                          GError **error)
{
  static const char sql[] =
    SELECT_FOLLOWUP
    "WHERE f.id = (SELECT g.id FROM followup g WHERE g.enrolment_id = ?1 AND g.status = 'final'\n"
    "              ORDER BY g.visit_date DESC, g.id DESC LIMIT 1)";

  g_return_val_if_fail (db != NULL, NULL);
  return load_one (db, sql, enrolment_id, NULL, FALSE, error);
}

GPtrArray *
jy_followup_store_history (JyDb         *db,
                           gint64        resident_id,
                           JyProgramme   programme,
                           gboolean      include_in_error,
                           GError      **error)
{
  static const char sql[] =
    SELECT_FOLLOWUP
    "WHERE f.resident_id = ?1 AND f.programme_id = (SELECT id FROM programme WHERE code = ?2)\n"
    "  AND (?3 OR f.status = 'final')\n"
    "ORDER BY f.visit_date DESC, f.id DESC";
  static const char drugs_sql[] =
    "SELECT d.followup_id, d.kind, d.name, d.drug_code, d.times_per_day, d.dose, d.dose_unit,\n"
    "       d.usage\n"
    "FROM followup f JOIN followup_drug d ON d.followup_id = f.id\n"
    "WHERE f.resident_id = ?1 AND f.programme_id = (SELECT id FROM programme WHERE code = ?2)\n"
    "  AND (?3 OR f.status = 'final')\n"
    "ORDER BY d.followup_id, d.position";
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_followup_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  jy_db_bind_text_or_null (stmt, 2, jy_programme_to_code (programme));
  sqlite3_bind_int (stmt, 3, include_in_error);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyFollowup *record = followup_from_statement (stmt);

      g_ptr_array_add (records, record);
      g_hash_table_insert (by_id, &record->id, record);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  if ((stmt = jy_db_prepare (db, drugs_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  jy_db_bind_text_or_null (stmt, 2, jy_programme_to_code (programme));
  sqlite3_bind_int (stmt, 3, include_in_error);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 followup_id = sqlite3_column_int64 (stmt, 0);
      JyFollowup *record = g_hash_table_lookup (by_id, &followup_id);

      if (record != NULL)
        g_ptr_array_add (record->drugs, drug_from_statement (stmt, 1));
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  return g_steal_pointer (&records);
}

GArray *
jy_followup_store_chart (JyDb         *db,
                         gint64        resident_id,
                         JyProgramme   programme,
                         GError      **error)
{
  static const char sql[] =
    "SELECT id, visit_date, sbp, dbp, fasting_glucose, mode, classification FROM followup\n"
    "WHERE resident_id = ?1 AND programme_id = (SELECT id FROM programme WHERE code = ?2)\n"
    "  AND status = 'final'\n"
    "ORDER BY visit_date, id";
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (JyFollowupChartPoint));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  jy_db_bind_text_or_null (stmt, 2, jy_programme_to_code (programme));
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyFollowupChartPoint point = { 0 };

      point.id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (point.visit_date, (const char *)sqlite3_column_text (stmt, 1), sizeof point.visit_date);
      point.sbp = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? JY_UNMEASURED : sqlite3_column_int (stmt, 2);
      point.dbp = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? JY_UNMEASURED : sqlite3_column_int (stmt, 3);
      point.fasting_glucose = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                                ? JY_UNMEASURED : sqlite3_column_double (stmt, 4);
      point.mode = sqlite3_column_int (stmt, 5);
      point.classification = sqlite3_column_int (stmt, 6);
      g_array_append_val (points, point);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&points);
}

void
jy_followup_history_free (JyFollowupHistory *history)
{
  if (history == NULL)
    return;
  g_clear_pointer (&history->followups, g_ptr_array_unref);
  g_clear_pointer (&history->chart, g_array_unref);
  g_free (history);
}

gpointer
jy_followup_store_load_history (JyDb          *db,
                                gpointer       data,
                                GCancellable  *cancellable,
                                GError       **error)
{
  const JyFollowupHistoryQuery *query = data;
  g_autoptr(JyFollowupHistory) history = g_new0 (JyFollowupHistory, 1);

  g_return_val_if_fail (query != NULL, NULL);

  if ((history->followups = jy_followup_store_history (db, query->resident_id, query->programme,
                                                       query->include_in_error, error)) == NULL ||
      (history->chart = jy_followup_store_chart (db, query->resident_id, query->programme,
                                                 error)) == NULL)
    return NULL;
  return g_steal_pointer (&history);
}

/* Writes ------------------------------------------------------------------ */

/* What a record is checked against: its enrolment. */
typedef struct
{
  gint64      resident_id;
  JyProgramme programme;
  gboolean    managing;
} EnrolmentFacts;

static gboolean
load_enrolment_facts (JyDb            *db,
                      gint64           enrolment_id,
                      EnrolmentFacts  *out,
                      GError         **error)
{
  static const char sql[] =
    "SELECT e.resident_id, p.code, e.status = 'managing' FROM chronic_enrolment e\n"
    "JOIN programme p ON p.id = e.programme_id WHERE e.id = ?1";
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No enrolment with id %" G_GINT64_FORMAT, enrolment_id);
      return FALSE;
    }
  out->resident_id = sqlite3_column_int64 (stmt, 0);
  out->programme = jy_programme_from_code ((const char *)sqlite3_column_text (stmt, 1));
  out->managing = sqlite3_column_int (stmt, 2) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Structure only: whether the record can be filed where it says. The
 * form has run core's jy_followup_validate() on its content. */
static gboolean
check_record (const JyFollowup      *record,
              JyFollowupAction       action,
              const EnrolmentFacts  *enrolment,
              GError               **error)
{
  GDate date;

  if (record->id != 0)
    return invalid (error, "A follow-up is saved once; correct it instead");
  if (record->resident_id != 0 && record->resident_id != enrolment->resident_id)
    return invalid (error, "The follow-up's resident is not the enrolment's");
  if (record->programme != JY_PROGRAMME_NONE && record->programme != enrolment->programme)
    return invalid (error, "The follow-up's programme is not the enrolment's");
  if (!jy_person_parse_date (record->visit_date, &date))
    return invalid (error, "A follow-up needs a visit date");
  if (record->mode < JY_VISIT_MODE_CLINIC || record->mode > JY_VISIT_MODE_PHONE)
    return invalid (error, "A follow-up needs a mode: clinic, home or phone");
  if ((int)action < JY_FOLLOWUP_ACTION_ROUTINE || action > JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL)
    return invalid (error, "Unknown follow-up action");
  return TRUE;
}

/* Inserts @record (checked) with its drugs, outbox and audit entries, and
 * fills in what the database decided. Returns the new uuid. */
static char *
insert_record (JyDb              *db,
               const JyFollowup  *record,
               JyFollowupAction   action,
               const EnrolmentFacts *enrolment,
               gint64             replaces_id,
               const char        *replaces_uuid,
               const char        *visit_uuid,
               gint64            *out_id,
               GError           **error)
{
  static const char sql[] =
    "INSERT INTO followup (" FOLLOWUP_FIELDS (AS_COLUMN)
    "uuid, created_at, updated_at, created_by, status, replaces_id, enrolment_id,\n"
    "  resident_id, programme_id, visit_uuid, action)\n"
    "VALUES (" FOLLOWUP_FIELDS (AS_PARAM)
    "?, ?, ?, ?, 'final', ?, ?, ?, (SELECT id FROM programme WHERE code = ?), ?, ?)";
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  g_autoptr(JyFollowup) saved = NULL;
  sqlite3_stmt *stmt;
  int index = N_FIELDS;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  g_assert (sqlite3_bind_parameter_count (stmt) == N_FIELDS + 10);

  bind_fields (stmt, record);
  sqlite3_bind_text (stmt, ++index, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, ++index, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, ++index, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, ++index, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  if (replaces_id != 0)
    sqlite3_bind_int64 (stmt, ++index, replaces_id);
  else
    sqlite3_bind_null (stmt, ++index);
  sqlite3_bind_int64 (stmt, ++index, record->enrolment_id);
  sqlite3_bind_int64 (stmt, ++index, enrolment->resident_id);
  sqlite3_bind_text (stmt, ++index, jy_programme_to_code (enrolment->programme), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, ++index, visit_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, ++index, action);
  if (!jy_db_step_done (db, stmt, error))
    return NULL;

  /* Drugs go in under the new id; the caller's record is only updated
   * once the whole call has succeeded. */
  saved = jy_followup_copy (record);
  saved->id = *out_id = jy_db_last_insert_rowid (db);
  detail = jy_chronic_describe ("programme", jy_programme_to_code (enrolment->programme),
                                "visit_uuid", visit_uuid, "replaces", replaces_uuid, NULL);
  if (!insert_drugs (db, saved, error) ||
      !jy_store_record_change (db, "followup", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return NULL;

  return g_steal_pointer (&uuid);
}

static void
set_saved (JyFollowup           *record,
           gint64                id,
           char                 *uuid,
           const char           *visit_uuid,
           const EnrolmentFacts *enrolment)
{
  record->id = id;
  g_free (record->uuid);
  record->uuid = uuid;
  record->rev = 1;
  g_free (record->status);
  record->status = g_strdup ("final");
  if (record->visit_uuid != visit_uuid)
    {
      g_free (record->visit_uuid);
      record->visit_uuid = g_strdup (visit_uuid);
    }
  record->resident_id = enrolment->resident_id;
  record->programme = enrolment->programme;
}

static void
rollback_to (JyDb       *db,
             const char *rollback_sql)
{
  /* Undoes this call only; the job's transaction goes on. */
  if (jy_db_in_transaction (db))
    jy_db_exec (db, rollback_sql, NULL);
}

gboolean
jy_followup_store_save_visit (JyDb                    *db,
                              JyFollowup *const       *records,
                              const JyFollowupAction  *actions,
                              guint                    n_records,
                              GError                 **error)
{
  g_autofree EnrolmentFacts *enrolments = NULL;
  g_autofree gint64 *ids = NULL;
  g_autofree char **uuids = NULL;
  g_autofree char *new_visit_uuid = NULL;
  const char *visit_uuid = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (records != NULL && actions != NULL && n_records > 0, FALSE);
  g_return_val_if_fail (jy_db_in_transaction (db), FALSE);

  enrolments = g_new0 (EnrolmentFacts, n_records);
  for (guint i = 0; i < n_records; i++)
    {
      const JyFollowup *record = records[i];

      g_return_val_if_fail (record != NULL, FALSE);
      if (!load_enrolment_facts (db, record->enrolment_id, &enrolments[i], error) ||
          !check_record (record, actions[i], &enrolments[i], error))
        return FALSE;
      if (!enrolments[i].managing)
        return invalid (error, "Follow-ups are recorded for managed enrolments only");
      if (enrolments[i].resident_id != enrolments[0].resident_id)
        return invalid (error, "The records of one visit are of one resident");
      for (guint j = 0; j < i; j++)
        if (records[j]->enrolment_id == record->enrolment_id)
          return invalid (error, "A visit has one record per enrolment");
      if (record->visit_uuid != NULL)
        {
          if (visit_uuid != NULL && g_strcmp0 (visit_uuid, record->visit_uuid) != 0)
            return invalid (error, "The records of one visit share one visit_uuid");
          visit_uuid = record->visit_uuid;
        }
    }
  if (visit_uuid == NULL)
    visit_uuid = new_visit_uuid = g_uuid_string_random ();

  if (!jy_db_exec (db, "SAVEPOINT followup_save_visit", error))
    return FALSE;

  ids = g_new0 (gint64, n_records);
  uuids = g_new0 (char *, n_records + 1);
  for (guint i = 0; i < n_records; i++)
    {
      uuids[i] = insert_record (db, records[i], actions[i], &enrolments[i], 0, NULL, visit_uuid,
                                &ids[i], error);
      if (uuids[i] == NULL ||
          !jy_chronic_state_refresh (db, records[i]->enrolment_id, error))
        {
          rollback_to (db, "ROLLBACK TO followup_save_visit; RELEASE followup_save_visit");
          for (guint j = 0; j <= i; j++)
            g_free (uuids[j]);
          return FALSE;
        }
    }

  if (!jy_db_exec (db, "RELEASE followup_save_visit", error))
    {
      rollback_to (db, "ROLLBACK TO followup_save_visit; RELEASE followup_save_visit");
      g_strfreev (g_steal_pointer (&uuids));
      return FALSE;
    }

  /* visit_uuid may point into a record: copy it before any is changed. */
  {
    g_autofree char *shared = g_strdup (visit_uuid);

    for (guint i = 0; i < n_records; i++)
      set_saved (records[i], ids[i], uuids[i], shared, &enrolments[i]);
  }
  return TRUE;
}

gboolean
jy_followup_store_correct (JyDb              *db,
                           JyFollowup        *correction,
                           JyFollowupAction   action,
                           GError           **error)
{
  static const char old_sql[] =
    "SELECT uuid, rev, status, enrolment_id, visit_uuid FROM followup WHERE id = ?1";
  static const char retire_sql[] =
    "UPDATE followup SET status = 'entered-in-error', rev = rev + 1, updated_at = ?2\n"
    "WHERE id = ?1 AND status = 'final'";
  g_autofree char *old_uuid = NULL;
  g_autofree char *old_status = NULL;
  g_autofree char *old_visit_uuid = NULL;
  g_autofree char *new_uuid = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *now = jy_clock_now_utc_iso ();
  EnrolmentFacts enrolment;
  gint64 old_enrolment_id;
  gint64 old_rev;
  gint64 new_id = 0;
  const char *visit_uuid;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (correction != NULL, FALSE);
  g_return_val_if_fail (jy_db_in_transaction (db), FALSE);

  if (correction->replaces_id <= 0)
    return invalid (error, "A correction names the follow-up it replaces");

  if ((stmt = jy_db_prepare (db, old_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, correction->replaces_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No follow-up with id %" G_GINT64_FORMAT, correction->replaces_id);
      return FALSE;
    }
  old_uuid = jy_db_column_dup_text (stmt, 0);
  old_rev = sqlite3_column_int64 (stmt, 1);
  old_status = jy_db_column_dup_text (stmt, 2);
  old_enrolment_id = sqlite3_column_int64 (stmt, 3);
  old_visit_uuid = jy_db_column_dup_text (stmt, 4);
  sqlite3_reset (stmt);

  if (g_strcmp0 (old_status, "final") != 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT,
                   "Follow-up %" G_GINT64_FORMAT " was already corrected", correction->replaces_id);
      return FALSE;
    }
  if (correction->enrolment_id != 0 && correction->enrolment_id != old_enrolment_id)
    return invalid (error, "A correction stays in the enrolment of the record it replaces");
  correction->enrolment_id = old_enrolment_id;
  visit_uuid = correction->visit_uuid != NULL ? correction->visit_uuid : old_visit_uuid;

  /* A follow-up of an ended enrolment may still be corrected. */
  if (!load_enrolment_facts (db, old_enrolment_id, &enrolment, error) ||
      !check_record (correction, action, &enrolment, error))
    return FALSE;

  if (!jy_db_exec (db, "SAVEPOINT followup_correct", error))
    return FALSE;

  if ((new_uuid = insert_record (db, correction, action, &enrolment, correction->replaces_id,
                                 old_uuid, visit_uuid, &new_id, error)) == NULL ||
      (stmt = jy_db_prepare (db, retire_sql, error)) == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, correction->replaces_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  detail = jy_chronic_describe ("status", "entered-in-error", "replaced_by", new_uuid, NULL);
  if (!jy_db_step_done (db, stmt, error) ||
      !jy_store_record_change (db, "followup", old_uuid, JY_CHANGE_RETIRE, old_rev + 1, detail, error) ||
      !jy_chronic_state_refresh (db, old_enrolment_id, error) ||
      !jy_db_exec (db, "RELEASE followup_correct", error))
    goto failed;

  {
    g_autofree char *shared = g_strdup (visit_uuid);

    set_saved (correction, new_id, g_steal_pointer (&new_uuid), shared, &enrolment);
  }
  return TRUE;

failed:
  rollback_to (db, "ROLLBACK TO followup_correct; RELEASE followup_correct");
  return FALSE;
}
