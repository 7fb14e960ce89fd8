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

#include <string.h>

/* Each list is one condition over the managing enrolments, read as a
 * range of one partial index of migration_3, in the order the list shows
 * (earliest due date, then resident):
 *   due this week, overdue   chronic_enrolment_due (_team_due, _doctor_due when filtered)
 *   recheck                  chronic_enrolment_recheck (due_action > 0)
 *   referral                 chronic_enrolment_referral (referral_open = 1)
 *   behind the norm          chronic_enrolment_norm (norm_year, behind_date)
 * Statements name their index (INDEXED BY): without statistics SQLite
 * prefers walking every managing enrolment in resident order to spare a
 * sort for DISTINCT or GROUP BY, which costs 20-200 ms at 60,000
 * enrolments; with INDEXED BY a schema change that loses the index fails
 * loudly instead of quietly slowing down. A filter by team or doctor is
 * part of the statement (one per filter combination).
 *
 * A page is read in three steps. The residents on it: the index is read
 * in list order until the page is full (a resident's first entry is their
 * earliest due date), so a page costs the same on a list of ten or of ten
 * thousand. The total: count (DISTINCT resident_id) over the same range,
 * from the index alone. The rows: each resident's enrolments on the list
 * and their record, about a hundred small lookups. The behind-the-norm
 * list is not in due order in its index: it is grouped and sorted whole,
 * a few thousand entries read from the index alone. */

#define COND_DUE_WEEK "e.next_due_date BETWEEN :today AND :until"
#define COND_OVERDUE  "e.next_due_date < :today"
#define COND_RECHECK  "e.due_action > 0 AND e.next_due_date <= :until"
#define COND_REFERRAL "e.referral_open = 1"
/* behind_date is within norm_year (see migration_3); an enrolment whose
 * last face-to-face visit is from an earlier year has none this year and
 * is behind from 1 April. */
#define COND_BEHIND   "((e.norm_year = :year AND e.behind_date <= :today)\n" \
                      "     OR (e.norm_year < :year AND :today >= :april))"
/* The same as two ranges of one index (an OR would read all of it). */
#define BEHIND_RANGES \
  "(SELECT resident_id, next_due_date, team_id, doctor_id\n" \
  "       FROM chronic_enrolment INDEXED BY chronic_enrolment_norm\n" \
  "       WHERE status = 'managing' AND norm_year = :year AND behind_date <= :today\n" \
  "       UNION ALL\n" \
  "       SELECT resident_id, next_due_date, team_id, doctor_id\n" \
  "       FROM chronic_enrolment INDEXED BY chronic_enrolment_norm\n" \
  "       WHERE status = 'managing' AND norm_year < :year AND :today >= :april) e\n" \
  "WHERE 1"

#define FILTER_TEAM   " AND e.team_id = :team"
#define FILTER_DOCTOR " AND e.doctor_id = :doctor"

#define SCAN_SQL(index, cond) \
  "SELECT e.resident_id FROM chronic_enrolment e INDEXED BY " index "\n" \
  "WHERE e.status = 'managing' AND " cond "\n" \
  "ORDER BY e.next_due_date, e.resident_id"
#define COUNT_SQL(index, cond) \
  "SELECT count (DISTINCT e.resident_id) FROM chronic_enrolment e INDEXED BY " index "\n" \
  "WHERE e.status = 'managing' AND " cond
#define DETAIL_SQL(index, cond) \
  "SELECT e.programme_id, e.next_due_date, e.last_visit_date, e.last_class, e.due_action,\n" \
  "       e.referral_open, e.norm_year, e.norm_visits\n" \
  "FROM chronic_enrolment e INDEXED BY chronic_enrolment_managing\n" \
  "WHERE e.resident_id = :resident AND e.status = 'managing' AND " cond
#define BEHIND_PAGE_SQL(index, filter) \
  "SELECT e.resident_id, count (*) OVER () FROM " BEHIND_RANGES filter "\n" \
  "GROUP BY e.resident_id ORDER BY min (e.next_due_date), e.resident_id\n" \
  "LIMIT :limit OFFSET :offset"
#define BEHIND_COUNT_SQL(index, filter) \
  "SELECT count (DISTINCT e.resident_id) FROM " BEHIND_RANGES filter

/* Unfiltered, by team, by doctor, by both; the index for each. */
#define VARIANTS(MAKE, cond, all, team, doctor) \
  { MAKE (all, cond), MAKE (team, cond FILTER_TEAM), MAKE (doctor, cond FILTER_DOCTOR), \
    MAKE (doctor, cond FILTER_TEAM FILTER_DOCTOR) }
#define BY_DUE(MAKE, cond) \
  VARIANTS (MAKE, cond, "chronic_enrolment_due", "chronic_enrolment_team_due", \
            "chronic_enrolment_doctor_due")
/* Short lists: the filter is checked on their few entries. */
#define BY_ONE(MAKE, cond, index) VARIANTS (MAKE, cond, index, index, index)

/* The residents of a page, in order (the behind list: with LIMIT/OFFSET). */
static const char *const page_sql[JY_WORKLIST_N_KINDS][4] = {
  [JY_WORKLIST_DUE_THIS_WEEK] = BY_DUE (SCAN_SQL, COND_DUE_WEEK),
  [JY_WORKLIST_OVERDUE] = BY_DUE (SCAN_SQL, COND_OVERDUE),
  [JY_WORKLIST_RECHECK] = BY_ONE (SCAN_SQL, COND_RECHECK, "chronic_enrolment_recheck"),
  [JY_WORKLIST_REFERRAL] = BY_ONE (SCAN_SQL, COND_REFERRAL, "chronic_enrolment_referral"),
  [JY_WORKLIST_BEHIND_NORM] = BY_ONE (BEHIND_PAGE_SQL, "", ""),
};

static const char *const count_sql[JY_WORKLIST_N_KINDS][4] = {
  [JY_WORKLIST_DUE_THIS_WEEK] = BY_DUE (COUNT_SQL, COND_DUE_WEEK),
  [JY_WORKLIST_OVERDUE] = BY_DUE (COUNT_SQL, COND_OVERDUE),
  [JY_WORKLIST_RECHECK] = BY_ONE (COUNT_SQL, COND_RECHECK, "chronic_enrolment_recheck"),
  [JY_WORKLIST_REFERRAL] = BY_ONE (COUNT_SQL, COND_REFERRAL, "chronic_enrolment_referral"),
  [JY_WORKLIST_BEHIND_NORM] = BY_ONE (BEHIND_COUNT_SQL, "", ""),
};

static const char *const detail_sql[JY_WORKLIST_N_KINDS][4] = {
  [JY_WORKLIST_DUE_THIS_WEEK] = BY_ONE (DETAIL_SQL, COND_DUE_WEEK, ""),
  [JY_WORKLIST_OVERDUE] = BY_ONE (DETAIL_SQL, COND_OVERDUE, ""),
  [JY_WORKLIST_RECHECK] = BY_ONE (DETAIL_SQL, COND_RECHECK, ""),
  [JY_WORKLIST_REFERRAL] = BY_ONE (DETAIL_SQL, COND_REFERRAL, ""),
  [JY_WORKLIST_BEHIND_NORM] = BY_ONE (DETAIL_SQL, COND_BEHIND, ""),
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

/* The residents on the page, in list order, into @ids; the behind list
 * also gives its total (*out_total, else left alone). */
static gboolean
read_page_ids (JyDb                   *db,
               const JyWorklistQuery  *query,
               const GDate            *today,
               guint                   limit,
               GArray                 *ids,
               guint                  *out_total,
               GError                **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, page_sql[query->kind][filter_variant (query)], error);
  g_autoptr(GHashTable) seen = NULL;
  g_autofree gint64 *keys = NULL;
  guint wanted = query->offset + limit;
  guint n_seen = 0;
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, query, today);

  if (query->kind == JY_WORKLIST_BEHIND_NORM)
    {
      bind_named_int64 (stmt, ":limit", limit);
      bind_named_int64 (stmt, ":offset", query->offset);
      while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
          *out_total = (guint)sqlite3_column_int64 (stmt, 1);
        }
      if (rc < 0)
        return FALSE;
      sqlite3_reset (stmt);
      return TRUE;
    }

  /* In due order a resident's first entry is their earliest: keep first
   * entries until the page is full, then stop reading. */
  seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  keys = g_new (gint64, wanted);
  while (n_seen < wanted && (rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (g_hash_table_contains (seen, &id))
        continue;
      keys[n_seen] = id;
      g_hash_table_add (seen, &keys[n_seen]);
      if (n_seen >= query->offset)
        g_array_append_val (ids, id);
      n_seen++;
    }
  sqlite3_reset (stmt);
  return n_seen == wanted || rc >= 0;
}

/* One resident's row: their enrolments on the list and their record. */
static JyWorklistRow *
load_row (JyDb                   *db,
          const JyWorklistQuery  *query,
          const GDate            *today,
          GHashTable             *programmes,
          gint64                  resident_id,
          GError                **error)
{
  static const char resident_sql[] =
    "SELECT name, sex, birth_date, phone FROM resident WHERE id = ?1";
  g_autoptr(JyWorklistRow) row = g_new0 (JyWorklistRow, 1);
  sqlite3_stmt *stmt;
  int year = g_date_get_year (today);
  gboolean first = TRUE;
  GDate due;
  int rc;

  row->resident_id = resident_id;
  if ((stmt = jy_db_prepare (db, detail_sql[query->kind][filter_variant (query)], error)) == NULL)
    return NULL;
  bind_query (stmt, query, today);
  bind_named_int64 (stmt, ":resident", resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *next = (const char *)sqlite3_column_text (stmt, 1);
      const char *last = (const char *)sqlite3_column_text (stmt, 2);
      int norm_visits = sqlite3_column_int (stmt, 6) == year ? sqlite3_column_int (stmt, 7) : 0;

      row->programmes |= GPOINTER_TO_INT (g_hash_table_lookup (programmes,
                                                               GINT_TO_POINTER (sqlite3_column_int (stmt, 0))));
      /* No date sorts first, as in the index: nothing is planned. */
      if (first || (row->due_date != NULL && (next == NULL || strcmp (next, row->due_date) < 0)))
        {
          g_free (row->due_date);
          row->due_date = g_strdup (next);
        }
      if (last != NULL && (row->last_visit_date == NULL || strcmp (last, row->last_visit_date) > 0))
        {
          g_free (row->last_visit_date);
          row->last_visit_date = g_strdup (last);
        }
      row->last_class = MAX (row->last_class, (JyFollowupClass)sqlite3_column_int (stmt, 3));
      row->action = MAX (row->action, (JyFollowupAction)sqlite3_column_int (stmt, 4));
      row->referral_open |= sqlite3_column_int (stmt, 5) != 0;
      row->norm_visits = first ? norm_visits : MIN (row->norm_visits, norm_visits);
      first = FALSE;
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  if (jy_person_parse_date (row->due_date, &due))
    row->days_overdue = g_date_days_between (&due, today);

  if ((stmt = jy_db_prepare (db, resident_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    {
      const char *phone = (const char *)sqlite3_column_text (stmt, 3);

      row->name = jy_db_column_dup_text (stmt, 0);
      row->sex = jy_db_column_dup_text (stmt, 1);
      row->birth_date = jy_db_column_dup_text (stmt, 2);
      row->phone_masked = phone != NULL ? jy_phone_mask (phone) : NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&row);
}

static gboolean
count_list (JyDb                   *db,
            const JyWorklistQuery  *query,
            const GDate            *today,
            guint                  *out_count,
            GError                **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, count_sql[query->kind][filter_variant (query)], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, query, today);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  *out_count = rc == SQLITE_ROW ? (guint)sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

JyWorklistPage *
jy_chronic_worklist_query (JyDb                   *db,
                           const JyWorklistQuery  *query,
                           GCancellable           *cancellable,
                           GError                **error)
{
  g_autoptr(JyWorklistPage) page = NULL;
  g_autoptr(GHashTable) programmes = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint limit;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->kind < JY_WORKLIST_N_KINDS, NULL);

  page = g_new0 (JyWorklistPage, 1);
  page->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_worklist_row_free);
  jy_chronic_worklist_today (query->now, &page->today);
  limit = query->limit == 0 ? JY_WORKLIST_DEFAULT_LIMIT : MIN (query->limit, JY_WORKLIST_MAX_LIMIT);

  /* The behind list counts while it groups (count (*) OVER ()), unless
   * the page is past its end. */
  page->total = G_MAXUINT;
  if ((programmes = load_programmes (db, error)) == NULL ||
      !read_page_ids (db, query, &page->today, limit, ids, &page->total, error) ||
      (page->total == G_MAXUINT && !count_list (db, query, &page->today, &page->total, error)))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      JyWorklistRow *row = load_row (db, query, &page->today, programmes,
                                     g_array_index (ids, gint64, i), error);

      if (row == NULL)
        return NULL;
      g_ptr_array_add (page->rows, row);
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

      one.kind = kind;
      if (!count_list (db, &one, &today, &counts->counts[kind], error))
        return NULL;
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
