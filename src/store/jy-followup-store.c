/* jy-followup-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-store.h"

#include "jy-followup-store-private.h"

/* Reading follow-ups (jy-followup-store.h) and the mapping between a
 * JyFollowup and its row; saving and correcting are in
 * jy-followup-store-save.c. The field kinds are described with
 * FOLLOWUP_FIELDS in jy-followup-store-private.h. */

typedef enum
{
  KIND_TEXT,
  KIND_NUM,
  KIND_OPT,
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

int
jy_followup_row_n_fields (void)
{
  return N_FIELDS;
}

void
jy_followup_row_bind_fields (sqlite3_stmt     *stmt,
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
        case KIND_OPT:
          if (*(int *)P () <= 0)
            sqlite3_bind_null (stmt, index);
          else
            sqlite3_bind_int (stmt, index, *(int *)P ());
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
        case KIND_OPT:
          *(int *)P () = null ? 0 : sqlite3_column_int (stmt, i);
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

gboolean
jy_followup_row_insert_drugs (JyDb              *db,
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
