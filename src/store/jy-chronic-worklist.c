/* jy-chronic-worklist.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-chronic-worklist.h"

#include "jy-clock.h"
#include "jy-person.h"
#include "jy-phone.h"
#include "jy-store-error.h"

#include <stdlib.h>

/* Each list is one WHERE over the managing enrolments, written so that
 * SQLite reads one partial index of migration_3 as a range:
 *   due this week, overdue   chronic_enrolment_due (or _team_due, _doctor_due)
 *   recheck                  chronic_enrolment_recheck (due_action > 0)
 *   referral                 chronic_enrolment_referral (referral_open = 1)
 *   behind the norm          chronic_enrolment_norm (norm_year, behind_date)
 * A filter by team or doctor is part of the statement (one statement per
 * filter combination), so that the team and doctor indexes serve it. The
 * inner query groups a resident's enrolments into one row, sorts by the
 * earliest due date and cuts the page; count (*) OVER () is the number of
 * residents on the whole list, computed in the same pass. Only the page's
 * rows are joined to resident. */

#define WHERE_DUE_WEEK "e.next_due_date BETWEEN :today AND :until"
#define WHERE_OVERDUE  "e.next_due_date < :today"
#define WHERE_RECHECK  "e.due_action > 0 AND e.next_due_date <= :until"
#define WHERE_REFERRAL "e.referral_open = 1"
/* behind_date is within norm_year (see migration_3); an enrolment whose
 * last face-to-face visit is from an earlier year has none this year and
 * is behind from 1 April. */
#define WHERE_BEHIND   "((e.norm_year = :year AND e.behind_date <= :today)\n" \
                       "       OR (e.norm_year < :year AND :today >= :april))"

#define FILTER_TEAM   " AND e.team_id = :team"
#define FILTER_DOCTOR " AND e.doctor_id = :doctor"

#define PAGE_SQL(where) \
  "SELECT w.resident_id, r.name, r.sex, r.birth_date, r.phone, w.programmes, w.due,\n" \
  "       w.last_visit, w.last_class, w.action, w.referral_open, w.norm_visits, w.total\n" \
  "FROM (SELECT e.resident_id, group_concat (e.programme_id) AS programmes,\n" \
  "             min (e.next_due_date) AS due, max (e.last_visit_date) AS last_visit,\n" \
  "             max (e.last_class) AS last_class, max (e.due_action) AS action,\n" \
  "             max (e.referral_open) AS referral_open,\n" \
  "             min (CASE WHEN e.norm_year = :year THEN e.norm_visits ELSE 0 END) AS norm_visits,\n" \
  "             count (*) OVER () AS total\n" \
  "      FROM chronic_enrolment e\n" \
  "      WHERE e.status = 'managing' AND " where "\n" \
  "      GROUP BY e.resident_id\n" \
  "      ORDER BY due IS NULL, due, e.resident_id\n" \
  "      LIMIT :limit OFFSET :offset) w\n" \
  "JOIN resident r ON r.id = w.resident_id\n" \
  "ORDER BY w.due IS NULL, w.due, w.resident_id"

#define COUNT_SQL(where) \
  "SELECT count (DISTINCT e.resident_id) FROM chronic_enrolment e\n" \
  "WHERE e.status = 'managing' AND " where

#define VARIANTS(MAKE, where) \
  { MAKE (where), MAKE (where FILTER_TEAM), MAKE (where FILTER_DOCTOR), \
    MAKE (where FILTER_TEAM FILTER_DOCTOR) }

static const char *const page_sql[JY_WORKLIST_N_KINDS][4] = {
  [JY_WORKLIST_DUE_THIS_WEEK] = VARIANTS (PAGE_SQL, WHERE_DUE_WEEK),
  [JY_WORKLIST_OVERDUE] = VARIANTS (PAGE_SQL, WHERE_OVERDUE),
  [JY_WORKLIST_RECHECK] = VARIANTS (PAGE_SQL, WHERE_RECHECK),
  [JY_WORKLIST_REFERRAL] = VARIANTS (PAGE_SQL, WHERE_REFERRAL),
  [JY_WORKLIST_BEHIND_NORM] = VARIANTS (PAGE_SQL, WHERE_BEHIND),
};

static const char *const count_sql[JY_WORKLIST_N_KINDS][4] = {
  [JY_WORKLIST_DUE_THIS_WEEK] = VARIANTS (COUNT_SQL, WHERE_DUE_WEEK),
  [JY_WORKLIST_OVERDUE] = VARIANTS (COUNT_SQL, WHERE_OVERDUE),
  [JY_WORKLIST_RECHECK] = VARIANTS (COUNT_SQL, WHERE_RECHECK),
  [JY_WORKLIST_REFERRAL] = VARIANTS (COUNT_SQL, WHERE_REFERRAL),
  [JY_WORKLIST_BEHIND_NORM] = VARIANTS (COUNT_SQL, WHERE_BEHIND),
};

/* Days after today that still count as "this week" and "within 14 days". */
#define WEEK_LAST_DAY    6
#define RECHECK_LAST_DAY 13

void
jy_worklist_row_free (JyWorklistRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->sex);
  g_free (row->birth_date);
  g_free (row->phone_masked);
  g_free (row->due_date);
  g_free (row->last_visit_date);
  g_free (row);
}

void
jy_worklist_page_free (JyWorklistPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->rows, g_ptr_array_unref);
  g_free (page);
}

void
jy_chronic_worklist_today (GDateTime *now,
                           GDate     *out)
{
  g_autoptr(GDateTime) current = now == NULL ? g_date_time_new_now_utc () : g_date_time_ref (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (current, jy_clock_get_local_zone ());

  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static int
filter_variant (const JyWorklistQuery *query)
{
  return (query->team_id != 0 ? 1 : 0) | (query->doctor_id != 0 ? 2 : 0);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

/* Binds whichever of the named parameters the statement has. */
static void
bind_query (sqlite3_stmt          *stmt,
            const JyWorklistQuery *query,
            const GDate           *today)
{
  GDate until = *today;
  char today_text[11];
  char until_text[11];
  char april_text[11];
  int year = g_date_get_year (today);

  g_date_add_days (&until, query->kind == JY_WORKLIST_RECHECK ? RECHECK_LAST_DAY : WEEK_LAST_DAY);
  g_snprintf (today_text, sizeof today_text, "%04d-%02d-%02d",
              year, g_date_get_month (today), g_date_get_day (today));
  g_snprintf (until_text, sizeof until_text, "%04d-%02d-%02d",
              g_date_get_year (&until), g_date_get_month (&until), g_date_get_day (&until));
  g_snprintf (april_text, sizeof april_text, "%04d-04-01", year);

  bind_named_text (stmt, ":today", today_text);
  bind_named_text (stmt, ":until", until_text);
  bind_named_text (stmt, ":april", april_text);
  bind_named_int64 (stmt, ":year", year);
  bind_named_int64 (stmt, ":team", query->team_id);
  bind_named_int64 (stmt, ":doctor", query->doctor_id);
}

/* programme.id -> JyProgramme, for the ids group_concat gives. */
static GHashTable *
load_programmes (JyDb    *db,
                 GError **error)
{
  static const char sql[] = "SELECT id, code FROM programme";
  g_autoptr(GHashTable) map = g_hash_table_new (g_direct_hash, g_direct_equal);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_hash_table_insert (map, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)),
                         GINT_TO_POINTER (jy_programme_from_code ((const char *)sqlite3_column_text (stmt, 1))));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&map);
}

static JyProgramme
programmes_from_ids (GHashTable *map,
                     const char *ids)
{
  g_auto(GStrv) parts = g_strsplit (ids != NULL ? ids : "", ",", -1);
  JyProgramme programmes = JY_PROGRAMME_NONE;

  for (guint i = 0; parts[i] != NULL; i++)
    programmes |= GPOINTER_TO_INT (g_hash_table_lookup (map, GINT_TO_POINTER (atoi (parts[i]))));
  return programmes;
}

static JyWorklistRow *
row_from_statement (sqlite3_stmt *stmt,
                    GHashTable   *programmes,
                    const GDate  *today)
{
  JyWorklistRow *row = g_new0 (JyWorklistRow, 1);
  const char *phone = (const char *)sqlite3_column_text (stmt, 4);
  GDate due;

  row->resident_id = sqlite3_column_int64 (stmt, 0);
  row->name = jy_db_column_dup_text (stmt, 1);
  row->sex = jy_db_column_dup_text (stmt, 2);
  row->birth_date = jy_db_column_dup_text (stmt, 3);
  row->phone_masked = phone != NULL ? jy_phone_mask (phone) : NULL;
  row->programmes = programmes_from_ids (programmes, (const char *)sqlite3_column_text (stmt, 5));
  row->due_date = jy_db_column_dup_text (stmt, 6);
  row->last_visit_date = jy_db_column_dup_text (stmt, 7);
  row->last_class = sqlite3_column_int (stmt, 8);
  row->action = sqlite3_column_int (stmt, 9);
  row->referral_open = sqlite3_column_int (stmt, 10) != 0;
  row->norm_visits = sqlite3_column_int (stmt, 11);
  if (jy_person_parse_date (row->due_date, &due))
    row->days_overdue = g_date_days_between (&due, today);
  return row;
}

JyWorklistPage *
jy_chronic_worklist_query (JyDb                   *db,
                           const JyWorklistQuery  *query,
                           GCancellable           *cancellable,
                           GError                **error)
{
  g_autoptr(JyWorklistPage) page = NULL;
  g_autoptr(GHashTable) programmes = NULL;
  sqlite3_stmt *stmt;
  guint limit;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->kind < JY_WORKLIST_N_KINDS, NULL);

  page = g_new0 (JyWorklistPage, 1);
  page->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_worklist_row_free);
  jy_chronic_worklist_today (query->now, &page->today);
  limit = query->limit == 0 ? JY_WORKLIST_DEFAULT_LIMIT : MIN (query->limit, JY_WORKLIST_MAX_LIMIT);

  if ((programmes = load_programmes (db, error)) == NULL ||
      (stmt = jy_db_prepare (db, page_sql[query->kind][filter_variant (query)], error)) == NULL)
    return NULL;
  bind_query (stmt, query, &page->today);
  bind_named_int64 (stmt, ":limit", limit);
  bind_named_int64 (stmt, ":offset", query->offset);

  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_ptr_array_add (page->rows, row_from_statement (stmt, programmes, &page->today));
      page->total = (guint)sqlite3_column_int64 (stmt, 12);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  /* A page past the end has no row to carry the total. */
  if (page->rows->len == 0 && query->offset > 0)
    {
      g_autofree JyWorklistCounts *counts = jy_chronic_worklist_count (db, query, error);

      if (counts == NULL)
        return NULL;
      page->total = counts->counts[query->kind];
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&page);
}

gpointer
jy_chronic_worklist_load (JyDb          *db,
                          gpointer       data,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return jy_chronic_worklist_query (db, data, cancellable, error);
}

JyWorklistCounts *
jy_chronic_worklist_count (JyDb                   *db,
                           const JyWorklistQuery  *query,
                           GError                **error)
{
  g_autofree JyWorklistCounts *counts = g_new0 (JyWorklistCounts, 1);
  GDate today;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  jy_chronic_worklist_today (query->now, &today);
  for (JyWorklistKind kind = 0; kind < JY_WORKLIST_N_KINDS; kind++)
    {
      JyWorklistQuery one = *query;
      sqlite3_stmt *stmt;
      int rc;

      one.kind = kind;
      if ((stmt = jy_db_prepare (db, count_sql[kind][filter_variant (&one)], error)) == NULL)
        return NULL;
      bind_query (stmt, &one, &today);
      if ((rc = jy_db_step (db, stmt, error)) < 0)
        return NULL;
      counts->counts[kind] = rc == SQLITE_ROW ? (guint)sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
    }

  return g_steal_pointer (&counts);
}

gpointer
jy_chronic_worklist_load_counts (JyDb          *db,
                                 gpointer       data,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return jy_chronic_worklist_count (db, data, error);
}
