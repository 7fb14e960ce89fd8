/* test-generator-chronic.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "jy-chronic-private.h"
#include "jy-chronic-worklist.h"
#include "jy-generator.h"
#include "jy-person.h"
#include "jy-store.h"
#include "test-util.h"

/* The demo centre's hypertension and diabetes patients (jy-generator-
 * chronic.c), generated once for all tests: 5,000 residents on a fixed
 * reference date. */

#define N_RESIDENTS 5000
#define SEED        20260101
#define REFERENCE   "2026-11-23"

static char *tmpdir;
static char *db_path;

static gpointer
generate_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return jy_generator_run (db, data, NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

static void
generate (const char *path,
          guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) reference = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  JyGeneratorOptions options = { N_RESIDENTS, seed, reference };
  JyStore *store = jy_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (jy_store_write (store, generate_func, &options, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

static gint64
count (const char *sql)
{
  return jy_test_query_int64 (db_path, sql);
}

static double
share (const char *numerator_sql,
       const char *denominator_sql)
{
  return (double)count (numerator_sql) / (double)count (denominator_sql);
}

/* Every row of @sql as text, columns separated by '|'. */
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

#define ADULTS_35 \
  "SELECT count(*) FROM resident WHERE birth_date <= date ('" REFERENCE "', '-35 years')"
#define ENROLLED(code, extra) \
  "SELECT count(DISTINCT e.resident_id) FROM chronic_enrolment e JOIN programme p ON p.id = e.programme_id\n" \
  "JOIN resident r ON r.id = e.resident_id WHERE p.code = '" code "'" extra

static void
test_prevalence_at_5000 (void)
{
  double htn = share (ENROLLED ("htn", ""), ADULTS_35);
  double dm = share (ENROLLED ("t2dm", ""), ADULTS_35);
  double htn_young = share (ENROLLED ("htn", " AND r.birth_date > date ('" REFERENCE "', '-45 years')"),
                            ADULTS_35 " AND birth_date > date ('" REFERENCE "', '-45 years')");
  double htn_old = share (ENROLLED ("htn", " AND r.birth_date <= date ('" REFERENCE "', '-65 years')"),
                          ADULTS_35 " AND birth_date <= date ('" REFERENCE "', '-65 years')");
  gint64 both = count ("SELECT count(*) FROM (SELECT resident_id FROM chronic_enrolment\n"
                       "GROUP BY resident_id HAVING count(DISTINCT programme_id) = 2)");

  g_test_message ("HTN %.1f %% of adults 35+ (35-44: %.1f %%, 65+: %.1f %%), T2DM %.1f %%, both %"
                  G_GINT64_FORMAT, 100 * htn, 100 * htn_young, 100 * htn_old, 100 * dm, both);
  /* 25-30 % and about 10 %, with a margin of several standard deviations
   * at some 3,000 adults. */
  g_assert_cmpfloat (htn, >=, 0.23);
  g_assert_cmpfloat (htn, <=, 0.33);
  g_assert_cmpfloat (dm, >=, 0.07);
  g_assert_cmpfloat (dm, <=, 0.14);
  /* Rising with age; most diabetics also hypertensive. */
  g_assert_cmpfloat (htn_old, >, 3 * htn_young);
  g_assert_cmpint (both, >, count (ENROLLED ("t2dm", "")) / 2);
  /* Nobody under 35 at enrolment, nobody enrolled before the programme. */
  g_assert_cmpint (count ("SELECT count(*) FROM chronic_enrolment e JOIN resident r ON r.id = e.resident_id\n"
                          "WHERE e.enrol_date < date (r.birth_date, '+35 years') OR e.enrol_date < '2010-01-01'\n"
                          "   OR e.enrol_date > '" REFERENCE "' OR e.diagnosis_date > e.enrol_date"), ==, 0);
  /* The responsible doctor is the lead of the resident's team. */
  g_assert_cmpint (count ("SELECT count(*) FROM chronic_enrolment e JOIN resident r ON r.id = e.resident_id\n"
                          "JOIN team t ON t.id = r.team_id\n"
                          "WHERE e.team_id IS NOT r.team_id OR e.doctor_id IS NOT t.lead_staff_id"), ==, 0);
}

static void
test_ended_enrolments_match_residents (void)
{
  gint64 ended = count ("SELECT count(*) FROM chronic_enrolment WHERE status = 'ended'");
  gint64 all = count ("SELECT count(*) FROM chronic_enrolment");

  g_test_message ("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " enrolments ended", ended, all);
  /* A few: deaths and moves. */
  g_assert_cmpint (ended, >, 0);
  g_assert_cmpint (ended, <, all / 10);
  g_assert_cmpint (count ("SELECT count(*) FROM chronic_enrolment e JOIN resident r ON r.id = e.resident_id\n"
                          "WHERE e.status = 'ended' AND NOT (\n"
                          "  (e.end_reason = 'death' AND r.status = 'dead' OR\n"
                          "   e.end_reason = 'moved-out' AND r.status = 'moved-out')\n"
                          "  AND r.status_date = e.end_date AND e.end_date > e.enrol_date)"), ==, 0);
  /* Nobody dead or gone is still managed, and nobody is seen afterwards. */
  g_assert_cmpint (count ("SELECT count(*) FROM chronic_enrolment e JOIN resident r ON r.id = e.resident_id\n"
                          "WHERE e.status = 'managing' AND r.status <> 'active'"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM followup f JOIN chronic_enrolment e ON e.id = f.enrolment_id\n"
                          "WHERE f.visit_date >= e.end_date OR f.visit_date < e.enrol_date"), ==, 0);
}

static void
test_follow_ups_plausible (void)
{
  gint64 n = count ("SELECT count(*) FROM followup");
  gint64 enrolments = count ("SELECT count(*) FROM chronic_enrolment");
  gint64 phone = count ("SELECT count(*) FROM followup WHERE mode = 3");
  gint64 uncontrolled = count ("SELECT count(*) FROM followup WHERE classification = 2");

  g_test_message ("%" G_GINT64_FORMAT " follow-ups, %" G_GINT64_FORMAT " by phone, %" G_GINT64_FORMAT
                  " uncontrolled, %" G_GINT64_FORMAT " drug rows", n, phone, uncontrolled,
                  count ("SELECT count(*) FROM followup_drug"));
  /* Five years of quarterly visits and rechecks: about 20 per enrolment
   * (a million at 200,000 residents). */
  g_assert_cmpint (n, >=, 12 * enrolments);
  g_assert_cmpint (n, <=, 30 * enrolments);
  g_assert_cmpint (phone, >, n / 50);
  g_assert_cmpint (phone, <, n / 5);
  g_assert_cmpint (uncontrolled, >, n / 20);
  g_assert_cmpint (uncontrolled, <, n / 3);

  /* Valid numbers: BP in the form's plausible ranges, systolic above
   * diastolic; glucose on every face-to-face diabetes visit. */
  g_assert_cmpint (count ("SELECT count(*) FROM followup\n"
                          "WHERE (sbp IS NULL) <> (dbp IS NULL) OR sbp NOT BETWEEN 60 AND 300\n"
                          "   OR dbp NOT BETWEEN 30 AND 200 OR sbp <= dbp"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM followup WHERE mode IN (1, 2) AND sbp IS NULL"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM followup f JOIN programme p ON p.id = f.programme_id\n"
                          "WHERE p.code = 't2dm' AND f.mode IN (1, 2)\n"
                          "  AND (f.fasting_glucose IS NULL OR f.fasting_glucose NOT BETWEEN 2 AND 30)"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM followup f JOIN programme p ON p.id = f.programme_id\n"
                          "WHERE p.code = 'htn' AND f.fasting_glucose IS NOT NULL"), ==, 0);
  /* Within the five years, each proposing a later visit, by a team member. */
  g_assert_cmpint (count ("SELECT count(*) FROM followup\n"
                          "WHERE visit_date > '" REFERENCE "' OR visit_date < date ('" REFERENCE "', '-5 years')\n"
                          "   OR next_visit_date <= visit_date OR author_id IS NULL OR status <> 'final'"), ==, 0);
  /* Every record lists what the patient takes. */
  g_assert_cmpint (count ("SELECT count(*) FROM followup f WHERE NOT EXISTS\n"
                          "  (SELECT 1 FROM followup_drug d WHERE d.followup_id = f.id AND d.kind IN (0, 2))"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM followup_drug d JOIN followup f ON f.id = d.followup_id\n"
                          "JOIN programme p ON p.id = f.programme_id\n"
                          "WHERE d.kind = 2 AND p.code <> 't2dm'"), ==, 0);
}

/* domain.md §3.5 on the HTN records: controlled means SBP < 140 (< 150 at
 * 65 and over) and DBP < 90; SBP ≥ 180 or DBP ≥ 110 is an emergency. */
static void
test_classification_follows_thresholds (void)
{
  static const char sql[] =
    "SELECT f.sbp, f.dbp, f.classification, f.action, r.birth_date, f.visit_date,\n"
    "       julianday (f.next_visit_date) - julianday (f.visit_date)\n"
    "FROM followup f JOIN programme p ON p.id = f.programme_id JOIN resident r ON r.id = f.resident_id\n"
    "WHERE p.code = 'htn' AND f.outcome = 0 AND f.sbp IS NOT NULL";
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int sbp = sqlite3_column_int (stmt, 0);
      int dbp = sqlite3_column_int (stmt, 1);
      int klass = sqlite3_column_int (stmt, 2);
      int action = sqlite3_column_int (stmt, 3);
      int interval = sqlite3_column_int (stmt, 6);
      GDate birth, visit;
      gboolean controlled;

      g_assert_true (jy_person_parse_date ((const char *)sqlite3_column_text (stmt, 4), &birth));
      g_assert_true (jy_person_parse_date ((const char *)sqlite3_column_text (stmt, 5), &visit));
      controlled = sbp < (jy_person_age_on (&birth, &visit) >= 65 ? 150 : 140) && dbp < 90;
      n++;

      if (sbp >= 180 || dbp >= 110)
        g_assert_cmpint (action, ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
      if (klass == JY_FOLLOWUP_CLASS_CONTROLLED)
        {
          g_assert_true (controlled);
          g_assert_cmpint (action, ==, JY_FOLLOWUP_ACTION_ROUTINE);
          g_assert_cmpint (interval, ==, 90);
        }
      else
        {
          /* Uncontrolled, or an adverse reaction or complication: back in two weeks. */
          g_assert_true (!controlled || klass >= JY_FOLLOWUP_CLASS_ADVERSE);
          g_assert_cmpint (action, >=, JY_FOLLOWUP_ACTION_ADJUST);
          g_assert_cmpint (interval, ==, 14);
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (n, >, 1000);
}

static void
test_combined_visits_share_uuid (void)
{
  gint64 pairs = count ("SELECT count(*) FROM (SELECT visit_uuid FROM followup GROUP BY visit_uuid\n"
                        "HAVING count(*) = 2 AND count(DISTINCT programme_id) = 2\n"
                        "   AND count(DISTINCT resident_id) = 1 AND count(DISTINCT visit_date) = 1\n"
                        "   AND count(DISTINCT mode) = 1)");

  g_assert_cmpint (pairs, >, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM (SELECT visit_uuid FROM followup GROUP BY visit_uuid\n"
                          "HAVING count(*) = 2)"), ==, pairs);
  g_assert_cmpint (count ("SELECT count(*) FROM (SELECT visit_uuid FROM followup GROUP BY visit_uuid\n"
                          "HAVING count(*) > 2)"), ==, 0);
}

static gpointer
refresh_all_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  static const char sql[] = "SELECT id FROM chronic_enrolment ORDER BY id";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  g_autoptr(GArray) ids = NULL;

  if (stmt == NULL || (ids = jy_db_collect_int64 (db, stmt, NULL, error)) == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    if (!jy_chronic_state_refresh (db, g_array_index (ids, gint64, i), error))
      return NULL;
  return JY_STORE_DONE;
}

/* The generator computes the worklist state in bulk; the repositories do
 * it one enrolment at a time. Both must agree (the invariants of
 * migration_3). Runs on a copy, the other tests read the original. */
static void
test_state_matches_repository (void)
{
  static const char state_sql[] =
    "SELECT id, last_visit_date, last_f2f_date, last_class, next_due_date, due_action,\n"
    "       referral_open, norm_year, norm_visits, behind_date FROM chronic_enrolment ORDER BY id";
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (tmpdir, "refreshed.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = dump_rows (db_path, state_sql);
  g_autofree char *after = NULL;
  gsize length = 0;
  JyStore *store;

  g_assert_true (g_file_get_contents (db_path, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy_path, contents, length, &error));
  store = jy_store_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (store, refresh_all_func, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  after = dump_rows (copy_path, state_sql);
  g_assert_cmpuint (strlen (before), >, 0);
  g_assert_true (g_str_equal (before, after));
}

static gpointer
counts_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return jy_chronic_worklist_count (db, data, error);
}

static void
test_worklists_have_work (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) noon = g_date_time_new_from_iso8601 (REFERENCE "T04:00:00Z", NULL);
  JyWorklistQuery query = { .now = noon };
  g_autofree JyWorklistCounts *counts = NULL;
  JyStore *store = jy_store_open (db_path, &error);

  g_assert_no_error (error);
  counts = jy_store_read (store, counts_func, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_test_message ("due this week %u, overdue %u, rechecks %u, referrals %u, behind %u",
                  counts->counts[JY_WORKLIST_DUE_THIS_WEEK], counts->counts[JY_WORKLIST_OVERDUE],
                  counts->counts[JY_WORKLIST_RECHECK], counts->counts[JY_WORKLIST_REFERRAL],
                  counts->counts[JY_WORKLIST_BEHIND_NORM]);
  g_assert_cmpuint (counts->counts[JY_WORKLIST_DUE_THIS_WEEK], >, 0);
  g_assert_cmpuint (counts->counts[JY_WORKLIST_OVERDUE], >, 0);
  g_assert_cmpuint (counts->counts[JY_WORKLIST_RECHECK], >, 0);
  g_assert_cmpuint (counts->counts[JY_WORKLIST_BEHIND_NORM], >, 0);
  /* Some, not most, are late. */
  g_assert_cmpuint (counts->counts[JY_WORKLIST_OVERDUE], <,
                    count ("SELECT count(*) FROM chronic_enrolment WHERE status = 'managing'") / 4);
}

static void
test_same_seed_same_rows (void)
{
  static const char *const queries[] = {
    "SELECT uuid, status, resident_id, programme_id, icd10, diagnosis_date, diagnosis_institution,\n"
    "       enrol_date, doctor_id, team_id, end_date, end_reason, last_visit_date, next_due_date,\n"
    "       due_action, referral_open, norm_year, norm_visits, behind_date\n"
    "FROM chronic_enrolment ORDER BY id",
    "SELECT uuid, enrolment_id, resident_id, visit_uuid, visit_date, mode, outcome, author_id, sbp, dbp,\n"
    "       heart_rate, weight_kg, fasting_glucose, hba1c, classification, action, referral_reason,\n"
    "       next_visit_date FROM followup ORDER BY id",
    "SELECT followup_id, position, kind, name, times_per_day, dose, dose_unit FROM followup_drug\n"
    "ORDER BY followup_id, position",
    "SELECT id, status, status_date, status_reason FROM resident ORDER BY id",
  };
  g_autofree char *other_path = g_build_filename (tmpdir, "other.db", NULL);

  generate (other_path, SEED);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *mine = dump_rows (db_path, queries[i]);
      g_autofree char *theirs = dump_rows (other_path, queries[i]);

      g_assert_cmpuint (strlen (mine), >, 0);
      g_assert_true (g_str_equal (mine, theirs));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  tmpdir = g_dir_make_tmp ("jiayi-generator-chronic-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmpdir, "demo.db", NULL);
  generate (db_path, SEED);

  g_test_add_func ("/store/generator/chronic/prevalence-at-5000", test_prevalence_at_5000);
  g_test_add_func ("/store/generator/chronic/ended-enrolments-match-residents",
                   test_ended_enrolments_match_residents);
  g_test_add_func ("/store/generator/chronic/follow-ups-plausible", test_follow_ups_plausible);
  g_test_add_func ("/store/generator/chronic/classification-follows-thresholds",
                   test_classification_follows_thresholds);
  g_test_add_func ("/store/generator/chronic/combined-visits-share-uuid", test_combined_visits_share_uuid);
  g_test_add_func ("/store/generator/chronic/state-matches-repository", test_state_matches_repository);
  g_test_add_func ("/store/generator/chronic/worklists-have-work", test_worklists_have_work);
  g_test_add_func ("/store/generator/chronic/same-seed-same-rows", test_same_seed_same_rows);

  status = g_test_run ();

  jy_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (db_path);
  return status;
}
