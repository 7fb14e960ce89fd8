/* jy-contract-worklist.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-worklist.h"

#include "jy-contact.h"
#include "jy-contract-private.h"
#include "jy-person.h"
#include "jy-phone.h"

/* Every list is one index range (see the indexes of migration_3): one
 * statement per kind and filter, since a bound "any team" would keep
 * SQLite off the team's index, each naming its index (INDEXED BY):
 * without statistics the planner prefers an equality on status or a
 * plain date index that reads ten times the rows. The doctor's statements also take the
 * team (a doctor belongs to one team, but a filter may name both). */

#define DEFAULT_LIMIT 50

void
jy_worklist_query_init (JyContractWorklistQuery *query,
                        JyContractWorklistKind   kind)
{
  g_return_if_fail (query != NULL);

  *query = (JyContractWorklistQuery) { .kind = kind };
  g_date_clear (&query->today, 1);
}

void
jy_contract_worklist_row_free (JyContractWorklistRow *row)
{
  if (row == NULL)
    return;
  g_free (row->resident_uuid);
  g_free (row->name);
  g_free (row->sex);
  g_free (row->birth_date);
  g_free (row->phone_masked);
  g_free (row->team_name);
  g_free (row->doctor_name);
  g_free (row->contract_no);
  g_free (row->contract_end);
  g_free (row->last_contact_date);
  g_free (row->last_check_date);
  g_free (row->due_date);
  g_free (row);
}

void
jy_contract_worklist_page_free (JyContractWorklistPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->rows, g_ptr_array_unref);
  g_free (page);
}

/* The row columns every list selects, in this order. */
#define ROW_COLUMNS(team, doctor, contract) \
  "r.id, r.uuid, r.name, r.sex, r.birth_date, r.phone, ifnull (" team ", 0), t.name,\n" \
  "  ifnull (" doctor ", 0), s.name, ifnull (" contract ", 0), c.rev, c.contract_no,\n" \
  "  c.end_date, r.last_contact_date, r.annual_check_date"

/* Not contacted this quarter: ?1 period_first, ?4 team, ?5 doctor. */
#define NOT_CONTACTED_FROM(index) \
  "FROM contact_due d INDEXED BY " index " CROSS JOIN resident r ON r.id = d.resident_id\n" \
  "  JOIN contract c ON c.id = d.contract_id JOIN team t ON t.id = d.team_id\n" \
  "  JOIN staff s ON s.id = d.doctor_id\n"
#define NOT_CONTACTED_ORDER "ORDER BY d.last_contact_date, d.resident_id LIMIT ?2 OFFSET ?3"

static const char not_contacted_sql[] =
  "SELECT " ROW_COLUMNS ("d.team_id", "d.doctor_id", "d.contract_id") ", d.period_last\n"
  NOT_CONTACTED_FROM ("contact_due_period")
  "WHERE d.period_first = ?1\n" NOT_CONTACTED_ORDER;
static const char not_contacted_team_sql[] =
  "SELECT " ROW_COLUMNS ("d.team_id", "d.doctor_id", "d.contract_id") ", d.period_last\n"
  NOT_CONTACTED_FROM ("contact_due_team")
  "WHERE d.period_first = ?1 AND d.team_id = ?4\n" NOT_CONTACTED_ORDER;
static const char not_contacted_doctor_sql[] =
  "SELECT " ROW_COLUMNS ("d.team_id", "d.doctor_id", "d.contract_id") ", d.period_last\n"
  NOT_CONTACTED_FROM ("contact_due_doctor")
  "WHERE d.period_first = ?1 AND d.doctor_id = ?5 AND (?4 = 0 OR d.team_id = ?4)\n"
  NOT_CONTACTED_ORDER;
static const char not_contacted_count_sql[] =
  "SELECT count(*) FROM contact_due INDEXED BY contact_due_period WHERE period_first = ?1";
static const char not_contacted_team_count_sql[] =
  "SELECT count(*) FROM contact_due INDEXED BY contact_due_team\n"
  "WHERE period_first = ?1 AND team_id = ?4";
static const char not_contacted_doctor_count_sql[] =
  "SELECT count(*) FROM contact_due INDEXED BY contact_due_doctor\n"
  "WHERE period_first = ?1 AND doctor_id = ?5\n"
  "  AND (?4 = 0 OR team_id = ?4)";

/* Expiring: ?1 today, ?6 today + 30 days. The partial index's terms
 * (status, renewed_by_id) are spelt as in its WHERE. */
#define EXPIRING_WHERE \
  "WHERE c.status <> 'voided' AND c.renewed_by_id IS NULL AND c.end_date BETWEEN ?1 AND ?6\n" \
  "  AND c.start_date <= ?1 AND (c.termination_date IS NULL OR c.termination_date > ?1)\n"
#define EXPIRING_FROM(index) \
  "FROM contract c INDEXED BY " index " CROSS JOIN resident r ON r.id = c.resident_id JOIN team t ON t.id = c.team_id\n" \
  "  JOIN staff s ON s.id = c.doctor_id\n"
#define EXPIRING_ORDER "ORDER BY c.end_date, c.id LIMIT ?2 OFFSET ?3"

static const char expiring_sql[] =
  "SELECT " ROW_COLUMNS ("c.team_id", "c.doctor_id", "c.id") ", c.end_date\n"
  EXPIRING_FROM ("contract_expiring") EXPIRING_WHERE EXPIRING_ORDER;
static const char expiring_team_sql[] =
  "SELECT " ROW_COLUMNS ("c.team_id", "c.doctor_id", "c.id") ", c.end_date\n"
  EXPIRING_FROM ("contract_expiring_team") EXPIRING_WHERE "  AND c.team_id = ?4\n" EXPIRING_ORDER;
static const char expiring_doctor_sql[] =
  "SELECT " ROW_COLUMNS ("c.team_id", "c.doctor_id", "c.id") ", c.end_date\n"
  EXPIRING_FROM ("contract_expiring_doctor") EXPIRING_WHERE "  AND c.doctor_id = ?5 AND (?4 = 0 OR c.team_id = ?4)\n"
  EXPIRING_ORDER;
static const char expiring_count_sql[] =
  "SELECT count(*) FROM contract c INDEXED BY contract_expiring " EXPIRING_WHERE;
static const char expiring_team_count_sql[] =
  "SELECT count(*) FROM contract c INDEXED BY contract_expiring_team " EXPIRING_WHERE
  "  AND c.team_id = ?4";
static const char expiring_doctor_count_sql[] =
  "SELECT count(*) FROM contract c INDEXED BY contract_expiring_doctor " EXPIRING_WHERE
  "  AND c.doctor_id = ?5 AND (?4 = 0 OR c.team_id = ?4)";

/* 65+ without this year's check: ?7 latest birth date of the year's
 * 65-year-olds, ?8 the year's first day, ?9 its last. */
#define ELDERLY_WHERE \
  "WHERE r.status = 'active' AND r.birth_date <= ?7\n" \
  "  AND (r.annual_check_date IS NULL OR r.annual_check_date < ?8)\n"
#define ELDERLY_JOINS \
  "  LEFT JOIN contract c ON c.id = r.contract_id LEFT JOIN team t ON t.id = r.team_id\n" \
  "  LEFT JOIN staff s ON s.id = c.doctor_id\n"
#define ELDERLY_ORDER "ORDER BY r.birth_date, r.annual_check_date, r.id LIMIT ?2 OFFSET ?3"

static const char elderly_sql[] =
  "SELECT " ROW_COLUMNS ("r.team_id", "c.doctor_id", "r.contract_id") ", ?9\n"
  "FROM resident r INDEXED BY resident_elderly\n" ELDERLY_JOINS ELDERLY_WHERE ELDERLY_ORDER;
static const char elderly_team_sql[] =
  "SELECT " ROW_COLUMNS ("r.team_id", "c.doctor_id", "r.contract_id") ", ?9\n"
  "FROM resident r INDEXED BY resident_elderly_team\n" ELDERLY_JOINS ELDERLY_WHERE
  "  AND r.team_id = ?4\n" ELDERLY_ORDER;
/* A doctor's residents: from the doctor's contracts to the residents
 * whose latest contract each is. */
static const char elderly_doctor_sql[] =
  "SELECT " ROW_COLUMNS ("r.team_id", "c.doctor_id", "r.contract_id") ", ?9\n"
  "FROM contract c INDEXED BY contract_doctor\n"
  "  CROSS JOIN resident r INDEXED BY resident_contract ON r.contract_id = c.id\n"
  "  LEFT JOIN team t ON t.id = r.team_id LEFT JOIN staff s ON s.id = c.doctor_id\n"
  ELDERLY_WHERE "  AND c.doctor_id = ?5 AND c.cover_last IS NOT NULL AND (?4 = 0 OR r.team_id = ?4)\n"
  ELDERLY_ORDER;
static const char elderly_count_sql[] =
  "SELECT count(*) FROM resident r INDEXED BY resident_elderly " ELDERLY_WHERE;
static const char elderly_team_count_sql[] =
  "SELECT count(*) FROM resident r INDEXED BY resident_elderly_team " ELDERLY_WHERE
  "  AND r.team_id = ?4";
static const char elderly_doctor_count_sql[] =
  "SELECT count(*) FROM contract c INDEXED BY contract_doctor\n"
  "  CROSS JOIN resident r INDEXED BY resident_contract ON r.contract_id = c.id\n"
  ELDERLY_WHERE "  AND c.doctor_id = ?5 AND c.cover_last IS NOT NULL AND (?4 = 0 OR r.team_id = ?4)";

/* Signed today. */
static const char signed_sql[] =
  "SELECT count(*) FROM contract INDEXED BY contract_cover\n"
  "WHERE cover_last >= ?1 AND start_date <= ?1 AND cover_last IS NOT NULL";
static const char signed_team_sql[] =
  "SELECT count(*) FROM contract INDEXED BY contract_team WHERE team_id = ?4 AND cover_last >= ?1 AND start_date <= ?1\n"
  "  AND cover_last IS NOT NULL";
static const char signed_doctor_sql[] =
  "SELECT count(*) FROM contract INDEXED BY contract_doctor WHERE doctor_id = ?5 AND cover_last >= ?1 AND start_date <= ?1\n"
  "  AND cover_last IS NOT NULL AND (?4 = 0 OR team_id = ?4)";

/* [kind][0 all, 1 team, 2 doctor] */
static const char *const list_sql[JY_CONTRACT_WORKLIST_N][3] = {
  { not_contacted_sql, not_contacted_team_sql, not_contacted_doctor_sql },
  { expiring_sql, expiring_team_sql, expiring_doctor_sql },
  { elderly_sql, elderly_team_sql, elderly_doctor_sql },
};
static const char *const count_sql[JY_CONTRACT_WORKLIST_N][3] = {
  { not_contacted_count_sql, not_contacted_team_count_sql, not_contacted_doctor_count_sql },
  { expiring_count_sql, expiring_team_count_sql, expiring_doctor_count_sql },
  { elderly_count_sql, elderly_team_count_sql, elderly_doctor_count_sql },
};

typedef struct
{
  GDate today;
  char  today_text[11];
  char  period_first[11];       /* this quarter */
  char  last_period_first[11];  /* the quarter before */
  char  expiring_until[11];
  char  elderly_birth_max[11];
  char  year_first[11];
  char  year_last[11];
} Days;

static void
compute_days (const JyContractWorklistQuery *query,
              Days                  *days)
{
  JyContractPolicy policy = JY_CONTRACT_POLICY_DEFAULT;
  GDate first, last, day, storage;

  days->today = *jy_contract_reference (&query->today, &storage);
  jy_contract_format_date (&days->today, days->today_text);

  jy_contact_period_bounds (&days->today, NULL, &first, &last);
  jy_contract_format_date (&first, days->period_first);
  day = first;
  g_date_subtract_days (&day, 1);
  jy_contact_period_bounds (&day, NULL, &first, &last);
  jy_contract_format_date (&first, days->last_period_first);

  day = days->today;
  g_date_add_days (&day, policy.expiring_days);
  jy_contract_format_date (&day, days->expiring_until);

  /* Aged 65 by the year's end: born on or before 31 Dec of year − 65. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 31, G_DATE_DECEMBER, g_date_get_year (&days->today) - 65);
  jy_contract_format_date (&day, days->elderly_birth_max);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, g_date_get_year (&days->today));
  jy_contract_format_date (&day, days->year_first);
  g_date_set_dmy (&day, 31, G_DATE_DECEMBER, g_date_get_year (&days->today));
  jy_contract_format_date (&day, days->year_last);
}

static int
filter_index (const JyContractWorklistQuery *query)
{
  return query->doctor_id != 0 ? 2 : query->team_id != 0 ? 1 : 0;
}

/* Binds what a statement of this file may use (unused ones are harmless). */
static void
bind_common (sqlite3_stmt          *stmt,
             const JyContractWorklistQuery *query,
             const Days            *days,
             const char            *period_first)
{
  int n = sqlite3_bind_parameter_count (stmt);

  if (n >= 1)
    sqlite3_bind_text (stmt, 1, period_first, -1, SQLITE_TRANSIENT);
  if (n >= 2)
    sqlite3_bind_int64 (stmt, 2, query->limit > 0 ? query->limit : DEFAULT_LIMIT);
  if (n >= 3)
    sqlite3_bind_int64 (stmt, 3, query->offset);
  if (n >= 4)
    sqlite3_bind_int64 (stmt, 4, query->team_id);
  if (n >= 5)
    sqlite3_bind_int64 (stmt, 5, query->doctor_id);
  if (n >= 6)
    sqlite3_bind_text (stmt, 6, days->expiring_until, -1, SQLITE_TRANSIENT);
  if (n >= 7)
    sqlite3_bind_text (stmt, 7, days->elderly_birth_max, -1, SQLITE_TRANSIENT);
  if (n >= 8)
    sqlite3_bind_text (stmt, 8, days->year_first, -1, SQLITE_TRANSIENT);
  if (n >= 9)
    sqlite3_bind_text (stmt, 9, days->year_last, -1, SQLITE_TRANSIENT);
}

static const char *
first_param (JyContractWorklistKind  kind,
             const Days     *days)
{
  return kind == JY_CONTRACT_WORKLIST_NOT_CONTACTED ? days->period_first : days->today_text;
}

static gboolean
count_rows (JyDb                  *db,
            const char            *sql,
            const JyContractWorklistQuery *query,
            const Days            *days,
            const char            *first,
            gint64                *out,
            GError               **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_common (stmt, query, days, first);
  if (jy_db_step (db, stmt, error) < 0)
    return FALSE;
  *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static JyContractWorklistRow *
row_from_statement (sqlite3_stmt *stmt,
                    const Days   *days,
                    JyContractWorklistKind kind)
{
  JyContractWorklistRow *row = g_new0 (JyContractWorklistRow, 1);
  const char *phone = (const char *)sqlite3_column_text (stmt, 5);
  GDate birth, due;

  row->resident_id = sqlite3_column_int64 (stmt, 0);
  row->resident_uuid = jy_db_column_dup_text (stmt, 1);
  row->name = jy_db_column_dup_text (stmt, 2);
  row->sex = jy_db_column_dup_text (stmt, 3);
  row->birth_date = jy_db_column_dup_text (stmt, 4);
  row->phone_masked = phone != NULL ? jy_phone_mask (phone) : NULL;
  row->team_id = sqlite3_column_int64 (stmt, 6);
  row->team_name = jy_db_column_dup_text (stmt, 7);
  row->doctor_id = sqlite3_column_int64 (stmt, 8);
  row->doctor_name = jy_db_column_dup_text (stmt, 9);
  row->contract_id = sqlite3_column_int64 (stmt, 10);
  row->contract_rev = sqlite3_column_int64 (stmt, 11);
  row->contract_no = jy_db_column_dup_text (stmt, 12);
  row->contract_end = jy_db_column_dup_text (stmt, 13);
  row->last_contact_date = jy_db_column_dup_text (stmt, 14);
  row->last_check_date = kind == JY_CONTRACT_WORKLIST_ELDERLY_CHECK ? jy_db_column_dup_text (stmt, 15) : NULL;
  row->due_date = jy_db_column_dup_text (stmt, 16);

  row->age = jy_person_parse_date (row->birth_date, &birth) &&
             g_date_compare (&birth, &days->today) <= 0
               ? jy_person_age_on (&birth, &days->today) : -1;
  row->days_left = jy_person_parse_date (row->due_date, &due)
                     ? g_date_days_between (&days->today, &due) : 0;
  return row;
}

JyContractWorklistPage *
jy_contract_worklist_load (JyDb                  *db,
                           const JyContractWorklistQuery *query,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autoptr(JyContractWorklistPage) page = g_new0 (JyContractWorklistPage, 1);
  const char *first;
  sqlite3_stmt *stmt;
  Days days;
  int rc;

  g_return_val_if_fail (query != NULL && query->kind < JY_CONTRACT_WORKLIST_N, NULL);

  compute_days (query, &days);
  first = first_param (query->kind, &days);
  page->kind = query->kind;
  page->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_contract_worklist_row_free);

  if (!count_rows (db, count_sql[query->kind][filter_index (query)], query, &days, first,
                   &page->total, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (stmt = jy_db_prepare (db, list_sql[query->kind][filter_index (query)], error)) == NULL)
    return NULL;

  bind_common (stmt, query, &days, first);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (page->rows, row_from_statement (stmt, &days, query->kind));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&page);
}

JyContractWorklistCounts *
jy_contract_worklist_count (JyDb                  *db,
                            const JyContractWorklistQuery *query,
                            GCancellable          *cancellable,
                            GError               **error)
{
  static const char *const signed_counts[3] = { signed_sql, signed_team_sql, signed_doctor_sql };
  g_autofree JyContractWorklistCounts *counts = g_new0 (JyContractWorklistCounts, 1);
  int f;
  Days days;

  g_return_val_if_fail (query != NULL, NULL);

  compute_days (query, &days);
  f = filter_index (query);
  if (!count_rows (db, count_sql[JY_CONTRACT_WORKLIST_NOT_CONTACTED][f], query, &days, days.period_first,
                   &counts->not_contacted, error) ||
      !count_rows (db, count_sql[JY_CONTRACT_WORKLIST_NOT_CONTACTED][f], query, &days, days.last_period_first,
                   &counts->not_contacted_last_quarter, error) ||
      !count_rows (db, count_sql[JY_CONTRACT_WORKLIST_EXPIRING][f], query, &days, days.today_text,
                   &counts->expiring, error) ||
      !count_rows (db, count_sql[JY_CONTRACT_WORKLIST_ELDERLY_CHECK][f], query, &days, days.today_text,
                   &counts->elderly_unchecked, error) ||
      !count_rows (db, signed_counts[f], query, &days, days.today_text,
                   &counts->signed_residents, error))
    return NULL;
  return g_steal_pointer (&counts);
}

gpointer
jy_contract_worklist_load_func (JyDb          *db,
                                gpointer       data,
                                GCancellable  *cancellable,
                                GError       **error)
{
  return jy_contract_worklist_load (db, data, cancellable, error);
}

gpointer
jy_contract_worklist_count_func (JyDb          *db,
                                 gpointer       data,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return jy_contract_worklist_count (db, data, cancellable, error);
}
