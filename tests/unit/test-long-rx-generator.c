/* test-long-rx-generator.c — the demo's long prescriptions follow the rules
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-generator.h"
#include "jy-idcard.h"
#include "jy-long-rx-store.h"
#include "jy-person.h"
#include "jy-store.h"
#include "test-util.h"

#define N_RESIDENTS 3000
#define SEED        20260316

static char *tmpdir;
static char *path;
static JyStore *store;

static gpointer
generate_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  return jy_generator_run (db, data, NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

static gint64
count (const char *sql)
{
  return jy_test_query_int64 (path, sql);
}

static void
test_share_of_stable_signed_patients (void)
{
  gint64 patients = count ("SELECT count(DISTINCT resident_id) FROM long_rx");
  gint64 active = count ("SELECT count(*) FROM long_rx WHERE status = 'active'");

  g_assert_cmpint (patients, >, 20);
  g_assert_cmpint (active, >, 10);
  /* At most one active prescription per patient. */
  g_assert_cmpint (count ("SELECT count(*) FROM (SELECT resident_id FROM long_rx WHERE status = 'active'\n"
                          "  GROUP BY resident_id HAVING count(*) > 1)"), ==, 0);
  /* Every active one: a signed patient, controlled at the latest follow-up. */
  g_assert_cmpint (count ("SELECT count(*) FROM long_rx x WHERE status = 'active' AND NOT EXISTS (\n"
                          "  SELECT 1 FROM chronic_enrolment e WHERE e.resident_id = x.resident_id\n"
                          "    AND e.status = 'managing' AND e.last_class = 1)"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM long_rx x WHERE status = 'active' AND NOT EXISTS (\n"
                          "  SELECT 1 FROM contract c WHERE c.resident_id = x.resident_id\n"
                          "    AND c.start_date <= '2026-03-16' AND c.cover_last >= '2026-03-16')"), ==, 0);
  /* Histories: renewals link to the one before, stops have reasons. */
  g_assert_cmpint (count ("SELECT count(*) FROM long_rx WHERE renews_id IS NOT NULL"), >, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM long_rx WHERE status = 'stopped' AND stop_reason IS NULL"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM long_rx WHERE total_days NOT IN (28, 56, 84)"), ==, 0);
  g_assert_cmpint (count ("SELECT min (issue_date) < '2024-03-16' FROM long_rx"), ==, 1);
}

static gpointer
derive_all (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt = jy_db_prepare (db, "SELECT id FROM long_rx", error);

  if (stmt == NULL || (ids = jy_db_collect_int64 (db, stmt, NULL, error)) == NULL)
    return NULL;
  if (!jy_db_exec (db, "CREATE TABLE derived_before AS SELECT id, end_date, dispensed, next_due_date, open FROM long_rx", error))
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    if (!jy_long_rx_store_derive (db, g_array_index (ids, gint64, i), error))
      return NULL;
  return JY_STORE_DONE;
}

static void
test_derived_columns_match_the_store (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jy_store_write (store, derive_all, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (count ("SELECT count(*) FROM long_rx x JOIN derived_before b ON b.id = x.id\n"
                          "WHERE x.end_date IS NOT b.end_date OR x.dispensed IS NOT b.dispensed\n"
                          "  OR x.next_due_date IS NOT b.next_due_date OR x.open IS NOT b.open"), ==, 0);
}

static void
test_dispenses_follow_release_and_proxy_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (16, G_DATE_MARCH, 2026);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint proxies = 0;

  /* Never before the release date: 7 days before the last supply ends. */
  g_assert_cmpint (count ("SELECT count(*) FROM long_rx_dispense d JOIN long_rx_dispense p\n"
                          "  ON p.long_rx_id = d.long_rx_id AND p.instalment = d.instalment - 1\n"
                          "WHERE d.dispense_date < date (p.dispense_date, '+' || (p.days - 7) || ' days')"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM long_rx_dispense d JOIN long_rx x ON x.id = d.long_rx_id\n"
                          "WHERE d.dispense_date < x.issue_date OR d.dispense_date > x.end_date\n"
                          "  OR (x.status = 'stopped' AND d.dispense_date > x.stop_date)"), ==, 0);
  /* A proxy never collects a first instalment, only for patients 75+. */
  g_assert_cmpint (count ("SELECT count(*) FROM long_rx_dispense WHERE receiver = 'proxy' AND instalment = 1"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM long_rx_dispense d JOIN resident r ON r.id = d.resident_id\n"
                          "WHERE d.receiver = 'proxy' AND date (r.birth_date, '+75 years') > d.dispense_date"), ==, 0);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT proxy_id_number FROM long_rx_dispense WHERE receiver = 'proxy'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (jy_idcard_validate ((const char *) sqlite3_column_text (stmt, 0), today), ==, JY_IDCARD_OK);
      proxies++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (proxies, >, 0);
}

static gpointer
worklists (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  JyLongRxWorklistQuery query;

  jy_long_rx_worklist_query_init (&query, JY_LONG_RX_WORKLIST_DUE);
  g_strlcpy (query.today, "2026-03-16", sizeof query.today);
  return jy_long_rx_worklist_count (db, &query, cancellable, error);
}

static void
test_worklists_have_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree JyLongRxWorklistCounts *counts = jy_store_read (store, worklists, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (counts->due, >, 0);
  g_assert_cmpint (counts->review, >, 0);
  g_assert_cmpint (counts->expiring, >, 0);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  GDate reference;
  JyGeneratorOptions options = { N_RESIDENTS, SEED, &reference };
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 16, G_DATE_MARCH, 2026);
  tmpdir = g_dir_make_tmp ("jiayi-long-rx-gen-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "demo.db", NULL);
  store = jy_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (store, generate_func, &options, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  g_test_add_func ("/long-rx-generator/share of stable signed patients with histories", test_share_of_stable_signed_patients);
  g_test_add_func ("/long-rx-generator/dispenses follow release and proxy rules", test_dispenses_follow_release_and_proxy_rules);
  g_test_add_func ("/long-rx-generator/worklists have rows", test_worklists_have_rows);
  g_test_add_func ("/long-rx-generator/derived columns match the store", test_derived_columns_match_the_store);
  status = g_test_run ();

  g_assert_finalize_object (store);
  jy_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (path);
  return status;
}
