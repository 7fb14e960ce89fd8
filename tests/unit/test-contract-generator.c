/* test-contract-generator.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "jy-contract-counts.h"
#include "jy-contract-store.h"
#include "jy-contract-worklist.h"
#include "jy-generator.h"
#include "jy-store.h"
#include "test-util.h"

/* The demo centre's contracts (jy-generator-contracts.c). */

#define N_RESIDENTS 4000
#define SEED        20260315

typedef struct
{
  char    *tmpdir;
  char    *path;
  JyStore *store;
  GDate    reference;
} Fixture;

static gpointer
generate_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return jy_generator_run (db, data, NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

static void
generate (JyStore     *store,
          const GDate *reference,
          guint32      seed)
{
  g_autoptr(GError) error = NULL;
  JyGeneratorOptions options = { N_RESIDENTS, seed, reference };

  g_assert_true (jy_store_write (store, generate_func, &options, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-generator-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "demo.db", NULL);
  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_date_clear (&fx->reference, 1);
  g_date_set_dmy (&fx->reference, 15, G_DATE_MARCH, 2026);
  generate (fx->store, &fx->reference, SEED);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  g_assert_finalize_object (fx->store);
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
}

static gint64
count (Fixture    *fx,
       const char *sql)
{
  return jy_test_query_int64 (fx->path, sql);
}

static char *
dump_rows (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, i);

          g_string_append (out, text != NULL ? text : "NULL");
          g_string_append_c (out, '|');
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static const char *const contract_tables[] = {
  "SELECT * FROM contract ORDER BY id",
  "SELECT * FROM contract_package ORDER BY contract_id, position",
  "SELECT * FROM contact_log ORDER BY id",
  "SELECT * FROM service_delivery ORDER BY id",
  "SELECT * FROM contact_due ORDER BY resident_id, period_first",
  "SELECT * FROM resident_tag ORDER BY id",
  "SELECT id, contract_id, last_contact_date, annual_check_date FROM resident ORDER BY id",
};

static void
test_same_seed_same_contracts (Fixture       *fx,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (fx->tmpdir, "other.db", NULL);
  g_autoptr(JyStore) other = jy_store_open (other_path, &error);

  g_assert_no_error (error);
  generate (other, &fx->reference, SEED);
  for (guint i = 0; i < G_N_ELEMENTS (contract_tables); i++)
    {
      g_autofree char *mine = dump_rows (fx->path, contract_tables[i]);
      g_autofree char *theirs = dump_rows (other_path, contract_tables[i]);

      g_assert_cmpuint (strlen (mine), >, 0);
      g_assert_true (g_str_equal (mine, theirs));
    }
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* Per mille of @part in @whole. */
static gint64
share (gint64 part,
       gint64 whole)
{
  return whole > 0 ? part * 1000 / whole : 0;
}

static void
test_shares_like_a_centre (Fixture       *fx,
                           gconstpointer  user_data)
{
  static const char signed_sql[] =
    "SELECT count(*) FROM resident r WHERE EXISTS (SELECT 1 FROM contract c WHERE c.resident_id = r.id\n"
    "  AND c.start_date <= '2026-03-15' AND c.cover_last >= '2026-03-15')";
  static const char elderly_sql[] =
    "SELECT count(*) FROM resident WHERE birth_date <= '1961-03-15'";
  static const char elderly_signed_sql[] =
    "SELECT count(*) FROM resident r WHERE birth_date <= '1961-03-15' AND EXISTS (\n"
    "  SELECT 1 FROM contract c WHERE c.resident_id = r.id\n"
    "  AND c.start_date <= '2026-03-15' AND c.cover_last >= '2026-03-15')";
  static const char adults_sql[] =
    "SELECT count(*) FROM resident WHERE birth_date BETWEEN '1981-03-16' AND '2008-03-15'";
  static const char adults_signed_sql[] =
    "SELECT count(*) FROM resident r WHERE birth_date BETWEEN '1981-03-16' AND '2008-03-15' AND EXISTS (\n"
    "  SELECT 1 FROM contract c WHERE c.resident_id = r.id\n"
    "  AND c.start_date <= '2026-03-15' AND c.cover_last >= '2026-03-15')";
  static const char renewed_sql[] =
    "SELECT count(*) FROM contract WHERE renewed_by_id IS NOT NULL AND end_date < '2025-12-15'";
  static const char ended_sql[] =
    "SELECT count(*) FROM contract WHERE end_date < '2025-12-15'\n"
    "  AND (termination_date IS NULL OR termination_date > end_date)";
  gint64 n_signed = count (fx, signed_sql);
  gint64 elderly = share (count (fx, elderly_signed_sql), count (fx, elderly_sql));
  gint64 adults = share (count (fx, adults_signed_sql), count (fx, adults_sql));
  gint64 renewed = share (count (fx, renewed_sql), count (fx, ended_sql));
  gint64 terminated = count (fx, "SELECT count(*) FROM contract WHERE termination_date IS NOT NULL");
  gint64 oldest = count (fx, "SELECT count(*) FROM contract WHERE sign_date < '2021-06-01'");

  g_test_message ("signed %.1f%%, 65+ %.1f%%, adults 18-44 %.1f%%, renewed %.1f%%, %" G_GINT64_FORMAT
                  " terminated, %" G_GINT64_FORMAT " contracts in all",
                  share (n_signed, N_RESIDENTS) / 10.0, elderly / 10.0, adults / 10.0, renewed / 10.0,
                  terminated, count (fx, "SELECT count(*) FROM contract"));
  g_assert_cmpint (share (n_signed, N_RESIDENTS), >=, 350);
  g_assert_cmpint (share (n_signed, N_RESIDENTS), <=, 450);
  g_assert_cmpint (elderly, >=, 600);
  g_assert_cmpint (adults, <=, 300);
  g_assert_cmpint (renewed, >=, 700);
  g_assert_cmpint (renewed, <=, 900);
  g_assert_cmpint (terminated, >, 0);
  /* Five years of history. */
  g_assert_cmpint (oldest, >, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract WHERE sign_date < '2021-03-15'"), ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract WHERE sign_date > '2026-03-15'"), ==, 0);
}

static void
test_rules_hold_in_generated_data (Fixture       *fx,
                                   gconstpointer  user_data)
{
  /* One active contract per resident: no two coverages meet. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract a JOIN contract b ON b.resident_id = a.resident_id\n"
                              "  AND b.id > a.id WHERE a.cover_last IS NOT NULL AND b.cover_last IS NOT NULL\n"
                              "  AND a.start_date <= b.cover_last AND b.start_date <= a.cover_last"), ==, 0);
  /* Packages per eligibility on the sign date. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract_package p JOIN contract c ON c.id = p.contract_id\n"
                              "  JOIN resident r ON r.id = c.resident_id\n"
                              "WHERE p.code = 'child' AND r.birth_date <= date (c.sign_date, '-7 years')"), ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract_package p JOIN contract c ON c.id = p.contract_id\n"
                              "  JOIN resident r ON r.id = c.resident_id\n"
                              "WHERE p.code = 'elderly' AND r.birth_date > date (c.sign_date, '-65 years')"), ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract_package p JOIN contract c ON c.id = p.contract_id\n"
                              "WHERE p.code = 'maternal' AND NOT EXISTS (SELECT 1 FROM resident_tag t\n"
                              "  WHERE t.resident_id = c.resident_id AND t.tag = 'pregnant'\n"
                              "  AND t.start_date <= c.sign_date AND (t.end_date IS NULL OR t.end_date >= c.sign_date))"),
                   ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract c WHERE NOT EXISTS (SELECT 1 FROM contract_package p\n"
                              "  WHERE p.contract_id = c.id AND p.code = 'basic')"), ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract_package WHERE code IN ('elderly', 'child')"), >, 0);
  /* Renewals start the day after the old end, or lapsed ones at signing. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract n JOIN contract o ON o.id = n.renews_id\n"
                              "WHERE n.start_date <> date (o.end_date, '+1 day') AND n.start_date <> n.sign_date"), ==, 0);
  /* Nothing for the platform: the demo counts as synced. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox"), ==, 0);
}

static gpointer
rederive_all (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  for (gint64 id = 1; id <= N_RESIDENTS; id++)
    if (!jy_contract_store_refresh_resident (db, id, error))
      return NULL;
  return JY_STORE_DONE;
}

/* The generator writes the derived data in bulk; the repositories
 * rewrite it per resident: both are the same. */
static void
test_bulk_derived_data_equals_the_repositories (Fixture       *fx,
                                                gconstpointer  user_data)
{
  static const char *const derived[] = {
    "SELECT id, renewed_by_id, renewed_on, cover_last, run_first FROM contract ORDER BY id",
    "SELECT * FROM contact_due ORDER BY resident_id, period_first",
    "SELECT id, contract_id, last_contact_date, annual_check_date FROM resident ORDER BY id",
  };
  g_autoptr(GError) error = NULL;
  char *before[G_N_ELEMENTS (derived)] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    before[i] = dump_rows (fx->path, derived[i]);
  g_assert_true (jy_store_write (fx->store, rederive_all, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    {
      g_autofree char *after = dump_rows (fx->path, derived[i]);

      g_assert_true (g_str_equal (before[i], after));
    }
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    g_free (before[i]);
}

static gpointer
counts_today (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return jy_contract_worklist_count (db, data, cancellable, error);
}

static void
test_worklists_neither_empty_nor_everyone (Fixture       *fx,
                                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree JyContractWorklistCounts *counts = NULL;
  JyContractWorklistQuery query;

  jy_worklist_query_init (&query, JY_CONTRACT_WORKLIST_NOT_CONTACTED);
  query.today = fx->reference;
  counts = jy_store_read (fx->store, counts_today, &query, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("signed %" G_GINT64_FORMAT ", not contacted %" G_GINT64_FORMAT
                  " (last quarter %" G_GINT64_FORMAT "), expiring %" G_GINT64_FORMAT
                  ", 65+ unchecked %" G_GINT64_FORMAT,
                  counts->signed_residents, counts->not_contacted, counts->not_contacted_last_quarter,
                  counts->expiring, counts->elderly_unchecked);
  g_assert_cmpint (counts->not_contacted, >, 0);
  g_assert_cmpint (counts->not_contacted, <, counts->signed_residents * 3 / 4);
  g_assert_cmpint (counts->not_contacted_last_quarter, >, 0);
  g_assert_cmpint (counts->not_contacted_last_quarter, <, counts->signed_residents / 4);
  g_assert_cmpint (counts->expiring, >, 0);
  g_assert_cmpint (counts->elderly_unchecked, >, 0);
}

typedef struct
{
  JyIndicatorPeriod    period;
  JyContractIndicators sql;
  JyContractIndicators core;
} CountsJob;

static gpointer
compute_both (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  CountsJob *job = data;

  if (!jy_contract_counts_compute (db, &job->period, 0, &job->sql, error) ||
      !jy_contract_counts_compute_by_residents (db, &job->period, 0, &job->core, error))
    return NULL;
  return JY_STORE_DONE;
}

static void
test_indicator_sql_equals_the_core_path (Fixture       *fx,
                                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  for (int months_back = 0; months_back < 14; months_back += 3)
    {
      CountsJob job = { 0 };
      GDate in_month = fx->reference;

      g_date_subtract_months (&in_month, months_back);
      jy_indicator_period_for_month (NULL, g_date_get_year (&in_month), g_date_get_month (&in_month),
                                     &job.period);
      g_assert_true (jy_store_read (fx->store, compute_both, &job, NULL, &error) == JY_STORE_DONE);
      g_assert_no_error (error);
      g_assert_cmpmem (&job.sql, sizeof job.sql, &job.core, sizeof job.core);
      g_assert_cmpint (job.sql.signed_residents, >, 0);
      g_assert_cmpint (job.sql.contact_owed, >, 0);
      g_assert_cmpint (job.sql.expiring, >, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/generator/contracts/same-seed-same-rows", test_same_seed_same_contracts);
  ADD ("/store/generator/contracts/shares-like-a-centre", test_shares_like_a_centre);
  ADD ("/store/generator/contracts/rules-hold", test_rules_hold_in_generated_data);
  ADD ("/store/generator/contracts/bulk-derived-data-equals-the-repositories",
       test_bulk_derived_data_equals_the_repositories);
  ADD ("/store/generator/contracts/worklists-neither-empty-nor-everyone",
       test_worklists_neither_empty_nor_everyone);
  ADD ("/store/generator/contracts/indicator-sql-equals-the-core-path",
       test_indicator_sql_equals_the_core_path);

#undef ADD

  return g_test_run ();
}
