/* jy-resident-store-rows.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-store.h"

#include "jy-clock.h"
#include "jy-followup.h"
#include "jy-key-population.h"
#include "jy-person.h"
#include "jy-phone.h"
#include "jy-store.h"

/* The residents list: ids in the filter's order, then rows a block at a
 * time (with today's key populations) as the list scrolls. */

GArray *
jy_resident_store_list_ids (JyDb                   *db,
                            const JyResidentFilter *filter,
                            GCancellable           *cancellable,
                            GError                **error)
{
  /* One statement per sort order: ORDER BY cannot be a bound parameter. */
  static const char by_archive_sql[] =
    "SELECT id FROM resident\n"
    "WHERE (?1 OR status = 'active') AND status <> 'voided'\n"
    "  AND (?2 IS NULL OR area_code GLOB ?2 || '*') AND (?3 = 0 OR team_id = ?3)\n"
    "  AND (?4 IS NULL\n"
    "       OR (?4 = 'elderly' AND birth_date <= ?5)\n"
    "       OR (?4 = 'child' AND birth_date > ?6)\n"
    "       OR EXISTS (SELECT 1 FROM resident_tag t WHERE t.resident_id = resident.id AND t.tag = ?4\n"
    "                  AND t.status = 'active' AND t.start_date <= ?7\n"
    "                  AND (t.end_date IS NULL OR t.end_date >= ?7))\n"
    "       OR EXISTS (SELECT 1 FROM chronic_enrolment c\n"
    "                  WHERE c.resident_id = resident.id AND c.status = 'managing'\n"
    "                    AND c.programme_id = (SELECT id FROM programme WHERE code =\n"
    "                      CASE ?4 WHEN 'hypertension' THEN 'htn' WHEN 'diabetes' THEN 't2dm' END)))\n"
    "ORDER BY archive_no, id";
  static const char by_name_sql[] =
    "SELECT id FROM resident\n"
    "WHERE (?1 OR status = 'active') AND status <> 'voided'\n"
    "  AND (?2 IS NULL OR area_code GLOB ?2 || '*') AND (?3 = 0 OR team_id = ?3)\n"
    "  AND (?4 IS NULL\n"
    "       OR (?4 = 'elderly' AND birth_date <= ?5)\n"
    "       OR (?4 = 'child' AND birth_date > ?6)\n"
    "       OR EXISTS (SELECT 1 FROM resident_tag t WHERE t.resident_id = resident.id AND t.tag = ?4\n"
    "                  AND t.status = 'active' AND t.start_date <= ?7\n"
    "                  AND (t.end_date IS NULL OR t.end_date >= ?7))\n"
    "       OR EXISTS (SELECT 1 FROM chronic_enrolment c\n"
    "                  WHERE c.resident_id = resident.id AND c.status = 'managing'\n"
    "                    AND c.programme_id = (SELECT id FROM programme WHERE code =\n"
    "                      CASE ?4 WHEN 'hypertension' THEN 'htn' WHEN 'diabetes' THEN 't2dm' END)))\n"
    "ORDER BY name, birth_date, id";
  static const char by_age_sql[] =
    "SELECT id FROM resident\n"
    "WHERE (?1 OR status = 'active') AND status <> 'voided'\n"
    "  AND (?2 IS NULL OR area_code GLOB ?2 || '*') AND (?3 = 0 OR team_id = ?3)\n"
    "  AND (?4 IS NULL\n"
    "       OR (?4 = 'elderly' AND birth_date <= ?5)\n"
    "       OR (?4 = 'child' AND birth_date > ?6)\n"
    "       OR EXISTS (SELECT 1 FROM resident_tag t WHERE t.resident_id = resident.id AND t.tag = ?4\n"
    "                  AND t.status = 'active' AND t.start_date <= ?7\n"
    "                  AND (t.end_date IS NULL OR t.end_date >= ?7))\n"
    "       OR EXISTS (SELECT 1 FROM chronic_enrolment c\n"
    "                  WHERE c.resident_id = resident.id AND c.status = 'managing'\n"
    "                    AND c.programme_id = (SELECT id FROM programme WHERE code =\n"
    "                      CASE ?4 WHEN 'hypertension' THEN 'htn' WHEN 'diabetes' THEN 't2dm' END)))\n"
    "ORDER BY birth_date, id";
  const char *sql;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (filter != NULL, NULL);

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_LIST, error))
    return NULL;

  switch (filter->sort)
    {
    case JY_RESIDENT_SORT_NAME:
      sql = by_name_sql;
      break;
    case JY_RESIDENT_SORT_AGE:
      sql = by_age_sql;
      break;
    case JY_RESIDENT_SORT_ARCHIVE_NO:
    default:
      sql = by_archive_sql;
      break;
    }

  /* The prefix is digits only (an area code), so GLOB needs no escaping. */
  if (filter->area_prefix != NULL && strspn (filter->area_prefix, "0123456789") != strlen (filter->area_prefix))
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, "Area filter is not a code");
      return NULL;
    }

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, filter->include_retired);
  jy_db_bind_text_or_null (stmt, 2, filter->area_prefix);
  sqlite3_bind_int64 (stmt, 3, filter->team_id);
  jy_db_bind_text_or_null (stmt, 4, filter->key_population);
  {
    g_autoptr(GDate) today = jy_clock_today_local ();
    GDate elderly, child;
    char text[3][11];

    jy_person_latest_birth_for_age (today, 65, &elderly);
    jy_person_latest_birth_for_age (today, 7, &child);
    g_date_strftime (text[0], sizeof text[0], "%Y-%m-%d", &elderly);
    g_date_strftime (text[1], sizeof text[1], "%Y-%m-%d", &child);
    g_date_strftime (text[2], sizeof text[2], "%Y-%m-%d", today);
    sqlite3_bind_text (stmt, 5, text[0], -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 6, text[1], -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 7, text[2], -1, SQLITE_TRANSIENT);
  }

  return jy_db_collect_int64 (db, stmt, cancellable, error);
}

static JyResidentRow *
row_from_statement (sqlite3_stmt *stmt)
{
  JyResidentRow *row = g_new0 (JyResidentRow, 1);
  const char *id_number = (const char *)sqlite3_column_text (stmt, 5);
  const char *phone = (const char *)sqlite3_column_text (stmt, 6);
  const char *community = (const char *)sqlite3_column_text (stmt, 7);
  const char *detail = (const char *)sqlite3_column_text (stmt, 8);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->uuid = jy_db_column_dup_text (stmt, 1);
  row->name = jy_db_column_dup_text (stmt, 2);
  row->sex = jy_db_column_dup_text (stmt, 3);
  row->birth_date = jy_db_column_dup_text (stmt, 4);
  row->id_masked = jy_person_mask_id_number (id_number);
  row->phone_masked = phone != NULL ? jy_phone_mask (phone) : NULL;
  row->address = g_strconcat (community != NULL ? community : "", detail != NULL ? detail : "", NULL);
  row->team_name = jy_db_column_dup_text (stmt, 9);
  row->status = jy_db_column_dup_text (stmt, 10);
  row->relation_to_head = jy_db_column_dup_text (stmt, 11);
  return row;
}

/* Codes as group_concat() joins them ("htn,t2dm"). */
static void
split_codes (const char  *codes,
             GArray      *out_tags,
             gboolean     programmes,
             JyKeyPopulationFacts *facts)
{
  g_auto(GStrv) parts = NULL;

  if (codes == NULL)
    return;
  parts = g_strsplit (codes, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      JyManualTag tag = { 0 };

      if (programmes)
        {
          JyProgramme programme = jy_programme_from_code (parts[i]);

          facts->hypertension |= programme == JY_PROGRAMME_HTN;
          facts->diabetes |= programme == JY_PROGRAMME_T2DM;
        }
      else if (jy_key_population_from_string (parts[i], &tag.tag))
        g_array_append_val (out_tags, tag);
    }
}

static JyResidentRow *
row_with_populations (sqlite3_stmt *stmt,
                      const GDate  *today)
{
  JyResidentRow *row = row_from_statement (stmt);
  g_autoptr(GArray) manual = g_array_new (FALSE, TRUE, sizeof (JyManualTag));
  JyKeyPopulationFacts facts = { 0 };
  GDate birth;

  split_codes ((const char *)sqlite3_column_text (stmt, 12), NULL, TRUE, &facts);
  split_codes ((const char *)sqlite3_column_text (stmt, 13), manual, FALSE, &facts);
  /* The query kept the tags open today: open from today, for derive. */
  for (guint i = 0; i < manual->len; i++)
    {
      JyManualTag *tag = &g_array_index (manual, JyManualTag, i);

      tag->start = *today;
      g_date_clear (&tag->end, 1);
    }
  if (jy_person_parse_date (row->birth_date, &birth))
    facts.birth = &birth;
  facts.manual = (const JyManualTag *)(gpointer)manual->data;
  facts.n_manual = manual->len;
  row->key_populations = jy_key_population_derive (&facts, today, JY_ELDERLY_RULE_EXACT_AGE);
  return row;
}

/* Rows for a window of the list, in the order of @ids. */
GPtrArray *
jy_resident_store_load_rows (JyDb          *db,
                             const gint64  *ids,
                             guint          n_ids,
                             GError       **error)
{
  /* The key populations kept apart from the record: managing enrolments
   * and manual tags open today (one index lookup each). */
  static const char sql[] =
    "SELECT r.id, r.uuid, r.name, r.sex, r.birth_date, r.id_number, r.phone,\n"
    "       a.name, r.address_detail, t.name, r.status, r.relation_to_head,\n"
    "       (SELECT group_concat (p.code) FROM chronic_enrolment e\n"
    "        JOIN programme p ON p.id = e.programme_id\n"
    "        WHERE e.resident_id = r.id AND e.status = 'managing'),\n"
    "       (SELECT group_concat (g.tag) FROM resident_tag g\n"
    "        WHERE g.resident_id = r.id AND g.status = 'active' AND g.start_date <= ?2\n"
    "          AND (g.end_date IS NULL OR g.end_date >= ?2))\n"
    "FROM resident r\n"
    "LEFT JOIN address_area a ON a.code = r.area_code\n"
    "LEFT JOIN team t ON t.id = r.team_id\n"
    "WHERE r.id = ?1";
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n_ids, (GDestroyNotify)jy_resident_row_free);
  g_autoptr(GDate) today = jy_clock_today_local ();
  char today_text[11];
  sqlite3_stmt *stmt;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_LIST, error) ||
      (stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  g_date_strftime (today_text, sizeof today_text, "%Y-%m-%d", today);
  sqlite3_bind_text (stmt, 2, today_text, -1, SQLITE_TRANSIENT);

  /* One indexed lookup per row: about 100 of them fill a screen. */
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      if ((rc = jy_db_step (db, stmt, error)) < 0)
        return NULL;
      g_ptr_array_add (rows, rc == SQLITE_ROW ? row_with_populations (stmt, today) : NULL);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&rows);
}

GPtrArray *
jy_resident_store_household (JyDb        *db,
                             const char  *household_id,
                             GError     **error)
{
  static const char sql[] =
    "SELECT id FROM resident\n"
    "WHERE household_id = ?1 AND status <> 'voided'\n"
    "ORDER BY relation_to_head IN ('02', '01') DESC, birth_date";
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  if (household_id == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify)jy_resident_row_free);

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, household_id, -1, SQLITE_TRANSIENT);
  if ((ids = jy_db_collect_int64 (db, stmt, NULL, error)) == NULL)
    return NULL;

  return jy_resident_store_load_rows (db, (gint64 *)(gpointer)ids->data, ids->len, error);
}
