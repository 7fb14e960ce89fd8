/* jy-long-rx-worklist.c — instalments due, reviews due, expiring
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-long-rx-store.h"
#include "jy-long-rx-store-private.h"

#include <stdlib.h>

#include "jy-clock.h"
#include "jy-person.h"
#include "jy-phone.h"
#include "jy-store.h"

/* Each list is one range of a partial index on open prescriptions
 * (jy-migrations-long-rx.c), one statement per kind and filter, each
 * naming its index: an "any team" bound would keep SQLite off the
 * team's index.
 *
 *  DUE       next_due_date <= the week's end (Sunday), overdue included,
 *            while the supply has not ended (end_date >= today). Oldest
 *            due first.
 *  REVIEW    review_date <= the week's end. Oldest first.
 *  EXPIRING  end_date in [today, today + 14 days]. Soonest first. */

#define DEFAULT_LIMIT 50

void
jy_long_rx_worklist_query_init (JyLongRxWorklistQuery *query,
                                JyLongRxWorklistKind   kind)
{
  *query = (JyLongRxWorklistQuery) { .kind = kind };
}

void
jy_long_rx_worklist_row_free (JyLongRxWorklistRow *row)
{
  if (row == NULL)
    return;
  g_free (row->rx_no);
  g_free (row->name);
  g_free (row->sex);
  g_free (row->phone_masked);
  g_free (row->team_name);
  g_free (row->doctor_name);
  g_free (row->issue_date);
  g_free (row->end_date);
  g_free (row->review_date);
  g_free (row->due_date);
  g_free (row->drugs);
  g_free (row);
}

void
jy_long_rx_worklist_page_free (JyLongRxWorklistPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->rows, g_ptr_array_unref);
  g_free (page);
}

#define COLUMNS(date) \
  "SELECT x.id, x.rev, x.rx_no, r.id, r.name, r.sex, r.birth_date, r.phone, ifnull (x.team_id, 0),\n" \
  "  t.name, x.doctor_id, s.name, x.issue_date, x.end_date, x.review_date, " date ",\n" \
  "  x.dispensed, (x.total_days + x.days_per_dispense - 1) / x.days_per_dispense,\n" \
  "  (SELECT group_concat (drug_name, '，') FROM long_rx_item i WHERE i.long_rx_id = x.id)\n"
#define FROM(index) \
  "FROM long_rx x INDEXED BY " index " CROSS JOIN resident r ON r.id = x.resident_id\n" \
  "  LEFT JOIN team t ON t.id = x.team_id LEFT JOIN staff s ON s.id = x.doctor_id\n"
#define PAGE "LIMIT ?5 OFFSET ?6"

/* ?1 today, ?2 week end, ?3 team, ?4 doctor, ?7 today + expiring days */
#define DUE_WHERE "WHERE x.open = 1 AND x.next_due_date <= ?2 AND x.end_date >= ?1\n"
#define REVIEW_WHERE "WHERE x.open = 1 AND x.review_date <= ?2\n"
#define EXPIRING_WHERE "WHERE x.open = 1 AND x.end_date BETWEEN ?1 AND ?7\n"
#define TEAM "  AND x.team_id = ?3\n"
#define DOCTOR "  AND x.doctor_id = ?4 AND (?3 = 0 OR x.team_id = ?3)\n"

static const char *const list_sql[JY_LONG_RX_WORKLIST_N][3] = {
  {
    COLUMNS ("x.next_due_date") FROM ("long_rx_due") DUE_WHERE "ORDER BY x.next_due_date, x.id " PAGE,
    COLUMNS ("x.next_due_date") FROM ("long_rx_due_team") DUE_WHERE TEAM "ORDER BY x.next_due_date, x.id " PAGE,
    COLUMNS ("x.next_due_date") FROM ("long_rx_due_doctor") DUE_WHERE DOCTOR "ORDER BY x.next_due_date, x.id " PAGE,
  },
  {
    COLUMNS ("x.review_date") FROM ("long_rx_review") REVIEW_WHERE "ORDER BY x.review_date, x.id " PAGE,
    COLUMNS ("x.review_date") FROM ("long_rx_review_team") REVIEW_WHERE TEAM "ORDER BY x.review_date, x.id " PAGE,
    COLUMNS ("x.review_date") FROM ("long_rx_review_doctor") REVIEW_WHERE DOCTOR "ORDER BY x.review_date, x.id " PAGE,
  },
  {
    COLUMNS ("x.end_date") FROM ("long_rx_end") EXPIRING_WHERE "ORDER BY x.end_date, x.id " PAGE,
    COLUMNS ("x.end_date") FROM ("long_rx_end_team") EXPIRING_WHERE TEAM "ORDER BY x.end_date, x.id " PAGE,
    COLUMNS ("x.end_date") FROM ("long_rx_end_doctor") EXPIRING_WHERE DOCTOR "ORDER BY x.end_date, x.id " PAGE,
  },
};

static const char *const count_sql[JY_LONG_RX_WORKLIST_N][3] = {
  {
    "SELECT count(*) FROM long_rx x INDEXED BY long_rx_due " DUE_WHERE,
    "SELECT count(*) FROM long_rx x INDEXED BY long_rx_due_team " DUE_WHERE TEAM,
    "SELECT count(*) FROM long_rx x INDEXED BY long_rx_due_doctor " DUE_WHERE DOCTOR,
  },
  {
    "SELECT count(*) FROM long_rx x INDEXED BY long_rx_review " REVIEW_WHERE,
    "SELECT count(*) FROM long_rx x INDEXED BY long_rx_review_team " REVIEW_WHERE TEAM,
    "SELECT count(*) FROM long_rx x INDEXED BY long_rx_review_doctor " REVIEW_WHERE DOCTOR,
  },
  {
    "SELECT count(*) FROM long_rx x INDEXED BY long_rx_end " EXPIRING_WHERE,
    "SELECT count(*) FROM long_rx x INDEXED BY long_rx_end_team " EXPIRING_WHERE TEAM,
    "SELECT count(*) FROM long_rx x INDEXED BY long_rx_end_doctor " EXPIRING_WHERE DOCTOR,
  },
};

typedef struct
{
  GDate today;
  char  today_text[11];
  char  week_end[11];
  char  expiring_until[11];
} Days;

static void
compute_days (const JyLongRxWorklistQuery *query,
              Days                        *days)
{
  g_autofree char *today = jy_long_rx_store_today (query->today);
  g_autofree char *text = NULL;
  GDate day;

  jy_person_parse_date (today, &days->today);
  g_strlcpy (days->today_text, today, sizeof days->today_text);
  day = days->today;
  /* Monday 1 … Sunday 7 */
  g_date_add_days (&day, 7 - g_date_get_weekday (&day));
  text = jy_clock_format_date (&day);
  g_strlcpy (days->week_end, text, sizeof days->week_end);
  g_clear_pointer (&text, g_free);
  day = days->today;
  g_date_add_days (&day, (guint) jy_long_rx_store_config ()->expiring_days);
  text = jy_clock_format_date (&day);
  g_strlcpy (days->expiring_until, text, sizeof days->expiring_until);
}

static void
bind_all (sqlite3_stmt                *stmt,
          const JyLongRxWorklistQuery *query,
          const Days                  *days)
{
  int n = sqlite3_bind_parameter_count (stmt);

  for (int i = 1; i <= n; i++)
    {
      const char *name = sqlite3_bind_parameter_name (stmt, i);
      int which = name != NULL ? atoi (name + 1) : i;

      switch (which)
        {
        case 1: sqlite3_bind_text (stmt, i, days->today_text, -1, SQLITE_TRANSIENT); break;
        case 2: sqlite3_bind_text (stmt, i, days->week_end, -1, SQLITE_TRANSIENT); break;
        case 3: sqlite3_bind_int64 (stmt, i, query->team_id); break;
        case 4: sqlite3_bind_int64 (stmt, i, query->doctor_id); break;
        case 5: sqlite3_bind_int64 (stmt, i, query->limit > 0 ? query->limit : DEFAULT_LIMIT); break;
        case 6: sqlite3_bind_int64 (stmt, i, query->offset); break;
        case 7: sqlite3_bind_text (stmt, i, days->expiring_until, -1, SQLITE_TRANSIENT); break;
        default: break;
        }
    }
}

static int
filter_index (const JyLongRxWorklistQuery *query)
{
  return query->doctor_id != 0 ? 2 : query->team_id != 0 ? 1 : 0;
}

static gboolean
count_one (JyDb                        *db,
           JyLongRxWorklistKind         kind,
           const JyLongRxWorklistQuery *query,
           const Days                  *days,
           gint64                      *out,
           GError                     **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, count_sql[kind][filter_index (query)], error);

  if (stmt == NULL)
    return FALSE;
  bind_all (stmt, query, days);
  if (jy_db_step (db, stmt, error) < 0)
    return FALSE;
  *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static JyLongRxWorklistRow *
row_from_statement (sqlite3_stmt *stmt,
                    const Days   *days)
{
  JyLongRxWorklistRow *row = g_new0 (JyLongRxWorklistRow, 1);
  const char *phone = (const char *) sqlite3_column_text (stmt, 7);
  GDate birth, due;

  row->long_rx_id = sqlite3_column_int64 (stmt, 0);
  row->long_rx_rev = sqlite3_column_int64 (stmt, 1);
  row->rx_no = jy_db_column_dup_text (stmt, 2);
  row->resident_id = sqlite3_column_int64 (stmt, 3);
  row->name = jy_db_column_dup_text (stmt, 4);
  row->sex = jy_db_column_dup_text (stmt, 5);
  row->age = jy_person_parse_date ((const char *) sqlite3_column_text (stmt, 6), &birth)
               ? jy_person_age_on (&birth, &days->today) : -1;
  row->phone_masked = phone != NULL ? jy_phone_mask (phone) : NULL;
  row->team_id = sqlite3_column_int64 (stmt, 8);
  row->team_name = jy_db_column_dup_text (stmt, 9);
  row->doctor_id = sqlite3_column_int64 (stmt, 10);
  row->doctor_name = jy_db_column_dup_text (stmt, 11);
  row->issue_date = jy_db_column_dup_text (stmt, 12);
  row->end_date = jy_db_column_dup_text (stmt, 13);
  row->review_date = jy_db_column_dup_text (stmt, 14);
  row->due_date = jy_db_column_dup_text (stmt, 15);
  row->instalments = sqlite3_column_int (stmt, 17);
  row->next_instalment = sqlite3_column_int (stmt, 16) < row->instalments
                           ? sqlite3_column_int (stmt, 16) + 1 : 0;
  row->drugs = jy_db_column_dup_text (stmt, 18);
  row->days_left = jy_person_parse_date (row->due_date, &due)
                     ? g_date_days_between (&days->today, &due) : 0;
  return row;
}

JyLongRxWorklistPage *
jy_long_rx_worklist_load (JyDb                        *db,
                          const JyLongRxWorklistQuery *query,
                          GCancellable                *cancellable,
                          GError                     **error)
{
  g_autoptr(JyLongRxWorklistPage) page = g_new0 (JyLongRxWorklistPage, 1);
  sqlite3_stmt *stmt;
  Days days;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_LIST, error))
    return NULL;
  g_return_val_if_fail (query->kind < JY_LONG_RX_WORKLIST_N, NULL);

  compute_days (query, &days);
  page->kind = query->kind;
  page->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_long_rx_worklist_row_free);
  if (!count_one (db, query->kind, query, &days, &page->total, error))
    return NULL;
  if ((stmt = jy_db_prepare (db, list_sql[query->kind][filter_index (query)], error)) == NULL)
    return NULL;
  bind_all (stmt, query, &days);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (page->rows, row_from_statement (stmt, &days));
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&page);
}

JyLongRxWorklistCounts *
jy_long_rx_worklist_count (JyDb                        *db,
                           const JyLongRxWorklistQuery *query,
                           GCancellable                *cancellable,
                           GError                     **error)
{
  g_autofree JyLongRxWorklistCounts *counts = g_new0 (JyLongRxWorklistCounts, 1);
  Days days;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_LIST, error))
    return NULL;
  compute_days (query, &days);
  if (!count_one (db, JY_LONG_RX_WORKLIST_DUE, query, &days, &counts->due, error) ||
      !count_one (db, JY_LONG_RX_WORKLIST_REVIEW, query, &days, &counts->review, error) ||
      !count_one (db, JY_LONG_RX_WORKLIST_EXPIRING, query, &days, &counts->expiring, error))
    return NULL;
  return g_steal_pointer (&counts);
}

gpointer
jy_long_rx_worklist_load_func (JyDb          *db,
                               gpointer       data,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return jy_long_rx_worklist_load (db, data, cancellable, error);
}

gpointer
jy_long_rx_worklist_count_func (JyDb          *db,
                                gpointer       data,
                                GCancellable  *cancellable,
                                GError       **error)
{
  return jy_long_rx_worklist_count (db, data, cancellable, error);
}
