/* test-generator.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "jy-generator.h"
#include "jy-idcard.h"
#include "jy-store.h"
#include "test-util.h"

#define N_RESIDENTS 2000
#define SEED        20260101

typedef struct
{
  char    *tmpdir;
  char    *path;
  JyStore *store;
  GDate   *reference;
} GeneratorFixture;

typedef struct
{
  JyGeneratorOptions options;
  guint              n_progress_calls;
  guint              last_done;
} GenerateJob;

static void
fixture_setup (GeneratorFixture *fx,
               gconstpointer     user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-test-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "demo.db", NULL);
  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  /* Ages are computed for a fixed day so the checks do not drift. */
  fx->reference = g_date_new_dmy (30, G_DATE_JUNE, 2025);
}

static void
fixture_teardown (GeneratorFixture *fx,
                  gconstpointer     user_data)
{
  g_clear_object (&fx->store);
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
  g_date_free (fx->reference);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  GenerateJob *job = user_data;

  g_assert_cmpuint (done, >, job->last_done);
  g_assert_cmpuint (done, <=, total);
  job->last_done = done;
  job->n_progress_calls++;
}

static gpointer
generate_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  GenerateJob *job = data;

  return jy_generator_run (db, &job->options, progress_cb, job, error) ? JY_STORE_DONE : NULL;
}

static gboolean
generate (JyStore      *store,
          guint         n_residents,
          guint32       seed,
          const GDate  *reference,
          GenerateJob  *out_job,
          GError      **error)
{
  GenerateJob job = { { n_residents, seed, reference }, 0, 0 };
  gboolean ok = jy_store_write (store, generate_func, &job, NULL, error) == JY_STORE_DONE;

  if (out_job != NULL)
    *out_job = job;
  return ok;
}

static void
generate_default (GeneratorFixture *fx)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (generate (fx->store, N_RESIDENTS, SEED, fx->reference, NULL, &error));
  g_assert_no_error (error);
}

static sqlite3_stmt *
open_query (const char  *path,
            const char  *sql,
            sqlite3    **out_db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, out_db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (*out_db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  return stmt;
}

/* Every row of @sql as text, columns separated by '|': compares whole
 * tables between two databases. */
static char *
dump_rows (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = open_query (path, sql, &db);
  GString *out = g_string_new (NULL);

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

static void
test_id_numbers_valid_and_consistent (GeneratorFixture *fx,
                                      gconstpointer     user_data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  guint n_with_id = 0;
  guint n_rows = 0;

  generate_default (fx);

  stmt = open_query (fx->path, "SELECT id_number, birth_date, sex FROM resident", &db);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);
      const char *birth_date = (const char *)sqlite3_column_text (stmt, 1);
      const char *sex = (const char *)sqlite3_column_text (stmt, 2);
      g_autofree char *id_birth = NULL;
      GDate birth;

      n_rows++;
      g_assert_true (g_str_equal (sex, "1") || g_str_equal (sex, "2"));
      if (id == NULL)
        continue;
      n_with_id++;

      /* No personal data in the log, even synthetic: only the row count. */
      if (jy_idcard_validate (id, fx->reference) != JY_IDCARD_OK)
        g_error ("row %u: generated ID number does not validate", n_rows);
      g_assert_true (jy_idcard_get_birth_date (id, &birth));
      id_birth = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&birth),
                                  g_date_get_month (&birth), g_date_get_day (&birth));
      g_assert_cmpstr (id_birth, ==, birth_date);
      g_assert_cmpint (jy_idcard_get_sex (id), ==, sex[0] - '0');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpuint (n_rows, ==, N_RESIDENTS);
  /* About 2% have no ID number. */
  g_test_message ("%u of %u residents have an ID number", n_with_id, n_rows);
  g_assert_cmpuint (n_with_id, >=, N_RESIDENTS * 95 / 100);
  g_assert_cmpuint (n_with_id, <, N_RESIDENTS);
}

static void
test_id_numbers_unique (GeneratorFixture *fx,
                        gconstpointer     user_data)
{
  generate_default (fx);

  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(id_number) FROM resident"), ==,
                   jy_test_query_int64 (fx->path, "SELECT count(DISTINCT id_number) FROM resident"));
}

static void
test_archive_numbers_17_digits_unique (GeneratorFixture *fx,
                                       gconstpointer     user_data)
{
  generate_default (fx);

  /* 12-digit community code + 5-digit serial (domain.md §1). */
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM resident\n"
                                        "WHERE archive_no GLOB '" "[0-9][0-9][0-9][0-9][0-9][0-9]"
                                        "[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'\n"
                                        "  AND substr (archive_no, 1, 12) = area_code\n"
                                        "  AND length (area_code) = 12"),
                   ==, N_RESIDENTS);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(DISTINCT archive_no) FROM resident"),
                   ==, N_RESIDENTS);
  /* Serials start at 00001 in every community and have no gaps. */
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM (\n"
                                        "  SELECT area_code, max (CAST (substr (archive_no, 13) AS INTEGER)) AS top,\n"
                                        "         count(*) AS n\n"
                                        "  FROM resident GROUP BY area_code) WHERE top <> n"),
                   ==, 0);
}

static void
test_team_covers_resident_community (GeneratorFixture *fx,
                                     gconstpointer     user_data)
{
  generate_default (fx);

  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM resident r WHERE NOT EXISTS (\n"
                                        "  SELECT 1 FROM team_area ta\n"
                                        "  WHERE ta.team_id = r.team_id AND ta.area_code = r.area_code)"),
                   ==, 0);
  /* Every team covers 1–3 communities and every community with residents
   * has a team. */
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM team t WHERE (\n"
                                        "  SELECT count(*) FROM team_area ta WHERE ta.team_id = t.id)\n"
                                        "  NOT BETWEEN 1 AND 3"),
                   ==, 0);
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM address_area a\n"
                                        "WHERE a.level = 5 AND a.code IN (SELECT area_code FROM resident)\n"
                                        "  AND a.code NOT IN (SELECT area_code FROM team_area)"),
                   ==, 0);
  /* The lead is a doctor and a member; the resident's site is the team's. */
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM team t\n"
                                        "JOIN staff s ON s.id = t.lead_staff_id\n"
                                        "JOIN team_member m ON m.team_id = t.id AND m.staff_id = s.id\n"
                                        "WHERE s.role = 'doctor'"),
                   ==, jy_test_query_int64 (fx->path, "SELECT count(*) FROM team"));
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM resident r JOIN team t ON t.id = r.team_id\n"
                                        "WHERE r.site_id <> t.site_id"),
                   ==, 0);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM team"), >=, 3);
}

static void
test_centre_structure (GeneratorFixture *fx,
                       gconstpointer     user_data)
{
  g_autofree char *centre_name = NULL;
  gint64 n_streets;

  generate_default (fx);

  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM site WHERE kind = 'centre'"),
                   ==, 1);
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM site WHERE kind = 'station'\n"
                                        "  AND parent_id = (SELECT id FROM site WHERE kind = 'centre')"),
                   >=, 2);
  centre_name = jy_test_query_text (fx->path, "SELECT value FROM meta WHERE key = 'centre_name'");
  g_assert_true (g_str_has_suffix (centre_name, "社区卫生服务中心"));
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM meta\n"
                                        "WHERE (key = 'demo' AND value = '1')\n"
                                        "   OR (key = 'generator_seed' AND value = '20260101')\n"
                                        "   OR key = 'centre_code'"),
                   ==, 3);

  /* Province, city, county; 6–8 streets of 5–9 communities each. */
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM address_area WHERE level <= 3"),
                   ==, 3);
  n_streets = jy_test_query_int64 (fx->path,
                                   "SELECT count(*) FROM address_area WHERE level = 4\n"
                                   "  AND length (code) = 9 AND substr (code, 1, 6) = parent_code");
  g_assert_cmpint (n_streets, >=, 6);
  g_assert_cmpint (n_streets, <=, 8);
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM (\n"
                                        "  SELECT count(*) AS n FROM address_area\n"
                                        "  WHERE level = 5 AND length (code) = 12 AND substr (code, 1, 9) = parent_code\n"
                                        "  GROUP BY parent_code) WHERE n BETWEEN 5 AND 9"),
                   ==, n_streets);
}

static void
test_staff_and_logins (GeneratorFixture *fx,
                       gconstpointer     user_data)
{
  gint64 n_teams;

  generate_default (fx);
  n_teams = jy_test_query_int64 (fx->path, "SELECT count(*) FROM team");

  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM staff WHERE role = 'doctor'"),
                   ==, n_teams);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM staff WHERE role = 'manager'"),
                   ==, 2);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM staff WHERE role = 'admin'"),
                   ==, 1);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM staff WHERE role = 'pharmacist'"),
                   ==, 2);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM staff WHERE role = 'specialist'"),
                   ==, 3);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM staff WHERE login = 'doctor01'"),
                   ==, 1);
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM staff\n"
                                        "WHERE phone NOT GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"),
                   ==, 0);
}

static void
test_names_2_to_4_chars (GeneratorFixture *fx,
                         gconstpointer     user_data)
{
  generate_default (fx);

  /* SQLite's length() counts characters of TEXT, not bytes. */
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM resident WHERE length (name) NOT BETWEEN 2 AND 4"),
                   ==, 0);
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM staff WHERE length (name) NOT BETWEEN 2 AND 4"),
                   ==, 0);
  /* Names repeat as in a real registry, but most are distinct. */
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(DISTINCT name) FROM resident"),
                   >, N_RESIDENTS / 2);
}

static void
test_other_columns (GeneratorFixture *fx,
                    gconstpointer     user_data)
{
  gint64 n_phone;
  gint64 n_han;
  gint64 n_registered;
  gint64 n_female;

  generate_default (fx);

  n_phone = jy_test_query_int64 (fx->path, "SELECT count(phone) FROM resident");
  n_han = jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident WHERE ethnicity = '01'");
  n_registered = jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident WHERE residence_type = '1'");
  n_female = jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident WHERE sex = '2'");
  g_test_message ("phone %" G_GINT64_FORMAT ", Han %" G_GINT64_FORMAT ", registered %" G_GINT64_FORMAT
                  ", female %" G_GINT64_FORMAT " of %d", n_phone, n_han, n_registered, n_female,
                  N_RESIDENTS);

  /* Shares with a margin of several standard deviations at n = 2000. */
  g_assert_cmpint (n_phone, >=, N_RESIDENTS * 89 / 100);
  g_assert_cmpint (n_phone, <=, N_RESIDENTS * 95 / 100);
  g_assert_cmpint (n_han, >=, N_RESIDENTS * 89 / 100);
  g_assert_cmpint (n_han, <=, N_RESIDENTS * 95 / 100);
  g_assert_cmpint (n_registered, >=, N_RESIDENTS * 76 / 100);
  g_assert_cmpint (n_registered, <=, N_RESIDENTS * 84 / 100);
  g_assert_cmpint (n_female, >=, N_RESIDENTS * 45 / 100);
  g_assert_cmpint (n_female, <=, N_RESIDENTS * 55 / 100);

  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM resident\n"
                                        "WHERE phone NOT GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"),
                   ==, 0);
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM resident\n"
                                        "WHERE ethnicity NOT GLOB '[0-5][0-9]' OR ethnicity = '00'\n"
                                        "   OR address_detail IS NULL OR address_detail = ''\n"
                                        "   OR birth_date NOT GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'"),
                   ==, 0);
  /* Sync columns: the demo counts as already on the platform. */
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM resident\n"
                                        "WHERE rev = 1 AND remote_version = '1' AND created_by = 'system'\n"
                                        "  AND status = 'active' AND created_at = updated_at\n"
                                        "  AND uuid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-"
                                        "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-4[0-9a-f][0-9a-f][0-9a-f]-"
                                        "[89ab][0-9a-f][0-9a-f][0-9a-f]-*'\n"
                                        "  AND length (uuid) = 36"),
                   ==, N_RESIDENTS);
}

static void
test_elderly_share_at_20000 (GeneratorFixture *fx,
                             gconstpointer     user_data)
{
  g_autoptr(GError) error = NULL;
  GenerateJob job;
  gint64 started = g_get_monotonic_time ();
  double seconds;
  gint64 n_elderly;
  gint64 n_under_10;
  gint64 n_over_100;

  g_assert_true (generate (fx->store, 20000, SEED, fx->reference, &job, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC;
  g_test_message ("generated 20000 residents in %.2f s", seconds);
  g_assert_cmpfloat (seconds, <, 2.0);

  /* Progress every 10,000 residents. */
  g_assert_cmpuint (job.n_progress_calls, ==, 2);
  g_assert_cmpuint (job.last_done, ==, 20000);

  /* 65 or over on 2025-06-30: born on or before 1960-06-30. Under 10: born
   * after 2015-06-30. */
  n_elderly = jy_test_query_int64 (fx->path,
                                   "SELECT count(*) FROM resident WHERE birth_date <= '1960-06-30'");
  n_under_10 = jy_test_query_int64 (fx->path,
                                    "SELECT count(*) FROM resident WHERE birth_date > '2015-06-30'");
  n_over_100 = jy_test_query_int64 (fx->path,
                                    "SELECT count(*) FROM resident WHERE birth_date <= '1924-06-30'");
  g_test_message ("65+: %.1f%%, under 10: %.1f%%", n_elderly / 200.0, n_under_10 / 200.0);
  g_assert_cmpint (n_elderly, >=, 16 * 200);
  g_assert_cmpint (n_elderly, <=, 20 * 200);
  g_assert_cmpint (n_under_10, >=, 6 * 200);
  g_assert_cmpint (n_under_10, <=, 10 * 200);
  /* Max age about 100: nobody 101 or older. */
  g_assert_cmpint (n_over_100, ==, 0);
}

static void
test_same_seed_same_rows (GeneratorFixture *fx,
                          gconstpointer     user_data)
{
  static const char *const queries[] = {
    "SELECT name, id_number, birth_date, uuid FROM resident ORDER BY id",
    "SELECT archive_no, sex, phone, area_code, address_detail, residence_type, ethnicity,\n"
    "       team_id, site_id FROM resident ORDER BY id",
    "SELECT uuid, name, role, login, phone, site_id FROM staff ORDER BY id",
    "SELECT uuid, code, name, lead_staff_id, site_id FROM team ORDER BY id",
    "SELECT uuid, team_id, staff_id, role, start_date FROM team_member ORDER BY id",
    "SELECT team_id, area_code FROM team_area ORDER BY team_id, area_code",
    "SELECT uuid, parent_id, kind, code, name FROM site ORDER BY id",
    "SELECT code, parent_code, level, name FROM address_area ORDER BY code",
    "SELECT key, value FROM meta ORDER BY key",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (fx->tmpdir, "other.db", NULL);
  g_autoptr(JyStore) other = jy_store_open (other_path, &error);

  g_assert_no_error (error);
  generate_default (fx);
  g_assert_true (generate (other, N_RESIDENTS, SEED, fx->reference, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *mine = dump_rows (fx->path, queries[i]);
      g_autofree char *theirs = dump_rows (other_path, queries[i]);

      g_assert_cmpuint (strlen (mine), >, 0);
      g_assert_true (g_str_equal (mine, theirs));
    }
}

static void
test_different_seed_different_rows (GeneratorFixture *fx,
                                    gconstpointer     user_data)
{
  static const char sql[] = "SELECT name, id_number, birth_date, uuid FROM resident ORDER BY id";
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (fx->tmpdir, "other.db", NULL);
  g_autoptr(JyStore) other = jy_store_open (other_path, &error);
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  g_assert_no_error (error);
  generate_default (fx);
  g_assert_true (generate (other, N_RESIDENTS, SEED + 1, fx->reference, NULL, &error));
  g_assert_no_error (error);

  mine = dump_rows (fx->path, sql);
  theirs = dump_rows (other_path, sql);
  g_assert_false (g_str_equal (mine, theirs));
  g_assert_cmpint (jy_test_query_int64 (other_path, "SELECT count(*) FROM resident"), ==, N_RESIDENTS);
}

static void
test_refuses_non_empty_database (GeneratorFixture *fx,
                                 gconstpointer     user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  generate_default (fx);
  before = dump_rows (fx->path, "SELECT count(*) FROM resident UNION ALL SELECT count(*) FROM staff\n"
                                "UNION ALL SELECT count(*) FROM audit_log");

  g_assert_false (generate (fx->store, 10, SEED + 1, fx->reference, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_FAILED);

  /* Refused whole: nothing from the second run was kept. */
  after = dump_rows (fx->path, "SELECT count(*) FROM resident UNION ALL SELECT count(*) FROM staff\n"
                               "UNION ALL SELECT count(*) FROM audit_log");
  g_assert_cmpstr (before, ==, after);
}

static void
test_no_outbox_one_audit (GeneratorFixture *fx,
                          gconstpointer     user_data)
{
  generate_default (fx);

  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM outbox"), ==, 0);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM audit_log"), ==, 1);
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM audit_log\n"
                                        "WHERE action = 'generate' AND entity = 'resident'\n"
                                        "  AND actor = 'system'"),
                   ==, 1);
  g_assert_cmpint (jy_test_query_int64 (fx->path,
                                        "SELECT count(*) FROM audit_log\n"
                                        "WHERE json_extract (detail, '$.residents') = 2000\n"
                                        "  AND json_extract (detail, '$.seed') = 20260101"),
                   ==, 1);
}

/* g_test_init() installs a default log handler that prints every
 * g_debug() as a TAP comment, whatever G_MESSAGES_DEBUG says, and
 * jy_test_quiet_debug() only replaces the structured writer behind it.
 * This drops DEBUG and INFO in front of the test handler. */
static GLogFunc test_log_handler;

static void
drop_debug_handler (const char     *log_domain,
                    GLogLevelFlags  log_level,
                    const char     *message,
                    gpointer        user_data)
{
  if ((log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) != 0)
    return;
  test_log_handler (log_domain, log_level, message, user_data);
}

int
main (int    argc,
      char **argv)
{
  jy_test_quiet_debug ();
  g_test_init (&argc, &argv, NULL);
  test_log_handler = g_log_set_default_handler (drop_debug_handler, NULL);
  setlocale (LC_ALL, "");

#define ADD(path, func) \
  g_test_add (path, GeneratorFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/generator/id-numbers-valid-and-consistent", test_id_numbers_valid_and_consistent);
  ADD ("/store/generator/id-numbers-unique", test_id_numbers_unique);
  ADD ("/store/generator/archive-numbers-17-digits-unique", test_archive_numbers_17_digits_unique);
  ADD ("/store/generator/team-covers-resident-community", test_team_covers_resident_community);
  ADD ("/store/generator/centre-structure", test_centre_structure);
  ADD ("/store/generator/staff-and-logins", test_staff_and_logins);
  ADD ("/store/generator/names-2-to-4-chars", test_names_2_to_4_chars);
  ADD ("/store/generator/other-columns", test_other_columns);
  ADD ("/store/generator/elderly-share-16-to-20-percent-at-20000", test_elderly_share_at_20000);
  ADD ("/store/generator/same-seed-same-rows", test_same_seed_same_rows);
  ADD ("/store/generator/different-seed-different-rows", test_different_seed_different_rows);
  ADD ("/store/generator/refuses-non-empty-database", test_refuses_non_empty_database);
  ADD ("/store/generator/no-outbox-one-audit", test_no_outbox_one_audit);

#undef ADD

  return g_test_run ();
}
