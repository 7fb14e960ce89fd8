/* test-generator.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <time.h>

#include "jy-centre-store.h"
#include "jy-generator.h"
#include "jy-household.h"
#include "jy-idcard.h"
#include "jy-person.h"
#include "jy-store.h"
#include "test-util.h"

#define N_RESIDENTS 2000
#define SEED        20260101

#define DIGITS_12   "[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]"
#define MOBILE_GLOB "1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]"

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

static gint64
count_rows (GeneratorFixture *fx,
            const char       *sql)
{
  return jy_test_query_int64 (fx->path, sql);
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

  g_assert_cmpint (count_rows (fx, "SELECT count(id_number) FROM resident"), ==,
                   count_rows (fx, "SELECT count(DISTINCT id_number) FROM resident"));
}

static void
test_archive_numbers_17_digits_unique (GeneratorFixture *fx,
                                       gconstpointer     user_data)
{
  /* 12-digit community code + 5-digit serial (domain.md §1). */
  static const char well_formed_sql[] =
    "SELECT count(*) FROM resident\n"
    "WHERE archive_no GLOB '" DIGITS_12 "[0-9][0-9][0-9][0-9][0-9]'\n"
    "  AND substr (archive_no, 1, 12) = area_code";
  /* Serials start at 00001 in every community and leave no gaps. */
  static const char gaps_sql[] =
    "SELECT count(*) FROM (\n"
    "  SELECT max (CAST (substr (archive_no, 13) AS INTEGER)) AS top, count(*) AS n\n"
    "  FROM resident GROUP BY area_code)\n"
    "WHERE top <> n";

  generate_default (fx);

  g_assert_cmpint (count_rows (fx, well_formed_sql), ==, N_RESIDENTS);
  g_assert_cmpint (count_rows (fx, "SELECT count(DISTINCT archive_no) FROM resident"),
                   ==, N_RESIDENTS);
  g_assert_cmpint (count_rows (fx, gaps_sql), ==, 0);
}

static void
test_team_covers_resident_community (GeneratorFixture *fx,
                                     gconstpointer     user_data)
{
  static const char uncovered_resident_sql[] =
    "SELECT count(*) FROM resident r WHERE NOT EXISTS (\n"
    "  SELECT 1 FROM team_area ta\n"
    "  WHERE ta.team_id = r.team_id AND ta.area_code = r.area_code)";
  static const char team_size_sql[] =
    "SELECT count(*) FROM team t\n"
    "WHERE (SELECT count(*) FROM team_area ta WHERE ta.team_id = t.id) NOT BETWEEN 1 AND 3";
  static const char uncovered_community_sql[] =
    "SELECT count(*) FROM address_area\n"
    "WHERE level = 5 AND code IN (SELECT area_code FROM resident)\n"
    "  AND code NOT IN (SELECT area_code FROM team_area)";
  static const char doctor_leads_sql[] =
    "SELECT count(*) FROM team t\n"
    "JOIN staff s ON s.id = t.lead_staff_id\n"
    "JOIN team_member m ON m.team_id = t.id AND m.staff_id = s.id\n"
    "WHERE s.role = 'doctor' AND m.role = 'doctor'";
  static const char other_site_sql[] =
    "SELECT count(*) FROM resident r JOIN team t ON t.id = r.team_id\n"
    "WHERE r.site_id <> t.site_id";
  gint64 n_teams;

  generate_default (fx);
  n_teams = count_rows (fx, "SELECT count(*) FROM team");

  g_assert_cmpint (count_rows (fx, uncovered_resident_sql), ==, 0);
  /* Each team covers 1–3 communities; each community with residents has a team. */
  g_assert_cmpint (count_rows (fx, team_size_sql), ==, 0);
  g_assert_cmpint (count_rows (fx, uncovered_community_sql), ==, 0);
  /* The lead is a doctor and a member; a resident's site is their team's. */
  g_assert_cmpint (count_rows (fx, doctor_leads_sql), ==, n_teams);
  g_assert_cmpint (count_rows (fx, other_site_sql), ==, 0);
  g_assert_cmpint (n_teams, >=, 3);
}

static void
test_centre_structure (GeneratorFixture *fx,
                       gconstpointer     user_data)
{
  static const char stations_sql[] =
    "SELECT count(*) FROM site\n"
    "WHERE kind = 'station' AND parent_id = (SELECT id FROM site WHERE kind = 'centre')";
  static const char meta_sql[] =
    "SELECT count(*) FROM meta\n"
    "WHERE (key = 'demo' AND value = '1')\n"
    "   OR (key = 'generator_seed' AND value = '20260101')\n"
    "   OR key = 'centre_code'";
  static const char streets_sql[] =
    "SELECT count(*) FROM address_area\n"
    "WHERE level = 4 AND length (code) = 9 AND substr (code, 1, 6) = parent_code";
  static const char communities_sql[] =
    "SELECT count(*) FROM (\n"
    "  SELECT count(*) AS n FROM address_area\n"
    "  WHERE level = 5 AND length (code) = 12 AND substr (code, 1, 9) = parent_code\n"
    "  GROUP BY parent_code)\n"
    "WHERE n BETWEEN 5 AND 9";
  g_autofree char *centre_name = NULL;
  gint64 n_stations;
  gint64 n_streets;

  generate_default (fx);

  g_assert_cmpint (count_rows (fx, "SELECT count(*) FROM site WHERE kind = 'centre'"), ==, 1);
  n_stations = count_rows (fx, stations_sql);
  g_assert_cmpint (n_stations, >=, 2);
  g_assert_cmpint (n_stations, <=, 4);
  centre_name = jy_test_query_text (fx->path, "SELECT value FROM meta WHERE key = 'centre_name'");
  g_assert_true (g_str_has_suffix (centre_name, "社区卫生服务中心"));
  g_assert_cmpint (count_rows (fx, meta_sql), ==, 3);

  /* Province, city, county; 6–8 streets of 5–9 communities each. */
  g_assert_cmpint (count_rows (fx, "SELECT count(*) FROM address_area WHERE level <= 3"), ==, 3);
  n_streets = count_rows (fx, streets_sql);
  g_assert_cmpint (n_streets, >=, 6);
  g_assert_cmpint (n_streets, <=, 8);
  g_assert_cmpint (count_rows (fx, communities_sql), ==, n_streets);
}

static void
test_staff_and_logins (GeneratorFixture *fx,
                       gconstpointer     user_data)
{
  static const char bad_phone_sql[] =
    "SELECT count(*) FROM staff WHERE phone NOT GLOB '" MOBILE_GLOB "'";
  gint64 n_teams;

  generate_default (fx);
  n_teams = count_rows (fx, "SELECT count(*) FROM team");

  g_assert_cmpint (count_rows (fx, "SELECT count(*) FROM staff WHERE role = 'doctor'"),
                   ==, n_teams);
  g_assert_cmpint (count_rows (fx, "SELECT count(*) FROM staff WHERE role = 'manager'"), ==, 2);
  g_assert_cmpint (count_rows (fx, "SELECT count(*) FROM staff WHERE role = 'admin'"), ==, 1);
  g_assert_cmpint (count_rows (fx, "SELECT count(*) FROM staff WHERE role = 'pharmacist'"), ==, 2);
  g_assert_cmpint (count_rows (fx, "SELECT count(*) FROM staff WHERE role = 'specialist'"), ==, 3);
  g_assert_cmpint (count_rows (fx, "SELECT count(*) FROM staff WHERE login = 'doctor01'"), ==, 1);
  g_assert_cmpint (count_rows (fx, bad_phone_sql), ==, 0);

  /* The forms' staff choices: every doctor, first, each on a team. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JyCentreChoices) choices = jy_store_read (fx->store, jy_centre_store_load_choices,
                                                       NULL, NULL, &error);
    guint n_doctors = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < choices->staff->len; i++)
      {
        JyStaffChoice *staff = g_ptr_array_index (choices->staff, i);

        g_assert_cmpstr (staff->role, !=, "admin");
        g_assert_cmpstr (staff->role, !=, "manager");
        if (g_strcmp0 (staff->role, "doctor") == 0)
          {
            g_assert_cmpuint (i, ==, n_doctors); /* doctors come first */
            g_assert_cmpint (staff->team_id, >, 0);
            n_doctors++;
          }
      }
    g_assert_cmpint (n_doctors, ==, n_teams);
  }
}

static void
test_names_2_to_4_chars (GeneratorFixture *fx,
                         gconstpointer     user_data)
{
  /* SQLite's length() counts the characters of TEXT, not bytes. */
  static const char resident_sql[] =
    "SELECT count(*) FROM resident WHERE length (name) NOT BETWEEN 2 AND 4";
  static const char staff_sql[] =
    "SELECT count(*) FROM staff WHERE length (name) NOT BETWEEN 2 AND 4";

  generate_default (fx);

  g_assert_cmpint (count_rows (fx, resident_sql), ==, 0);
  g_assert_cmpint (count_rows (fx, staff_sql), ==, 0);
  /* Names repeat as in a real registry, but most are distinct. */
  g_assert_cmpint (count_rows (fx, "SELECT count(DISTINCT name) FROM resident"),
                   >, N_RESIDENTS / 2);
}

static void
test_other_columns (GeneratorFixture *fx,
                    gconstpointer     user_data)
{
  static const char malformed_sql[] =
    "SELECT count(*) FROM resident\n"
    "WHERE phone NOT GLOB '" MOBILE_GLOB "'\n"
    "   OR ethnicity NOT GLOB '[0-5][0-9]' OR ethnicity = '00'\n"
    "   OR address_detail IS NULL OR address_detail = ''\n"
    "   OR birth_date NOT GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'";
  /* Sync columns: the demo counts as already on the platform. A few
   * hypertension and diabetes patients died or moved out (see
   * test-generator-chronic). */
  static const char sync_columns_sql[] =
    "SELECT count(*) FROM resident\n"
    "WHERE rev = 1 AND remote_version = '1' AND created_by = 'system'\n"
    "  AND (status = 'active' OR status IN ('dead', 'moved-out') AND status_date IS NOT NULL)\n"
    "  AND created_at = updated_at\n"
    "  AND length (uuid) = 36 AND substr (uuid, 15, 1) = '4'\n"
    "  AND substr (uuid, 20, 1) IN ('8', '9', 'a', 'b')";
  gint64 n_phone;
  gint64 n_han;
  gint64 n_registered;
  gint64 n_female;

  generate_default (fx);

  n_phone = count_rows (fx, "SELECT count(phone) FROM resident");
  n_han = count_rows (fx, "SELECT count(*) FROM resident WHERE ethnicity = '01'");
  n_registered = count_rows (fx, "SELECT count(*) FROM resident WHERE residence_type = '1'");
  n_female = count_rows (fx, "SELECT count(*) FROM resident WHERE sex = '2'");
  g_test_message ("phone %" G_GINT64_FORMAT ", Han %" G_GINT64_FORMAT
                  ", registered %" G_GINT64_FORMAT ", female %" G_GINT64_FORMAT " of %d",
                  n_phone, n_han, n_registered, n_female, N_RESIDENTS);

  /* Shares with a margin of several standard deviations at n = 2000. */
  g_assert_cmpint (n_phone, >=, N_RESIDENTS * 89 / 100);
  g_assert_cmpint (n_phone, <=, N_RESIDENTS * 95 / 100);
  g_assert_cmpint (n_han, >=, N_RESIDENTS * 89 / 100);
  g_assert_cmpint (n_han, <=, N_RESIDENTS * 95 / 100);
  g_assert_cmpint (n_registered, >=, N_RESIDENTS * 76 / 100);
  g_assert_cmpint (n_registered, <=, N_RESIDENTS * 84 / 100);
  g_assert_cmpint (n_female, >=, N_RESIDENTS * 45 / 100);
  g_assert_cmpint (n_female, <=, N_RESIDENTS * 55 / 100);

  g_assert_cmpint (count_rows (fx, malformed_sql), ==, 0);
  g_assert_cmpint (count_rows (fx, sync_columns_sql), ==, N_RESIDENTS);
}

static void
test_elderly_share_at_20000 (GeneratorFixture *fx,
                             gconstpointer     user_data)
{
  g_autoptr(GError) error = NULL;
  GenerateJob job;
  gint64 started = g_get_monotonic_time ();
  clock_t cpu_started = clock ();
  double seconds;
  double cpu_seconds;
  gint64 n_elderly;
  gint64 n_under_10;
  gint64 n_over_100;

  g_assert_true (generate (fx->store, 20000, SEED, fx->reference, &job, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC;
  cpu_seconds = (double)(clock () - cpu_started) / CLOCKS_PER_SEC;
  g_test_message ("generated 20000 residents in %.2f s (%.2f s of CPU)", seconds, cpu_seconds);
  /* With five years of hypertension and diabetes follow-ups (about
   * 95,000 records) and of contracts and contacts: about 8 s of CPU. The processor time, not the wall
   * clock, so that other work on a shared machine does not fail it. */
  g_assert_cmpfloat (cpu_seconds, <, 20.0);

  /* Progress every 10,000 residents. */
  g_assert_cmpuint (job.n_progress_calls, ==, 2);
  g_assert_cmpuint (job.last_done, ==, 20000);

  /* 65 or over on 2025-06-30: born on or before 1960-06-30. Under 10: born
   * after 2015-06-30. */
  n_elderly = count_rows (fx, "SELECT count(*) FROM resident WHERE birth_date <= '1960-06-30'");
  n_under_10 = count_rows (fx, "SELECT count(*) FROM resident WHERE birth_date > '2015-06-30'");
  n_over_100 = count_rows (fx, "SELECT count(*) FROM resident WHERE birth_date <= '1924-06-30'");
  g_test_message ("65+: %.1f%%, under 10: %.1f%%", n_elderly / 200.0, n_under_10 / 200.0);
  g_assert_cmpint (n_elderly, >=, 16 * 200);
  g_assert_cmpint (n_elderly, <=, 20 * 200);
  g_assert_cmpint (n_under_10, >=, 6 * 200);
  g_assert_cmpint (n_under_10, <=, 10 * 200);
  /* Max age about 100: nobody 101 or older. */
  g_assert_cmpint (n_over_100, ==, 0);
}

/* Households ------------------------------------------------------------------ */

#define MAX_SURVEYED_SIZE 16

typedef struct
{
  char  *relation;
  char  *sex;
  char  *name;
  char  *address;     /* area_code|address_detail|team_id */
  GDate  birth;
  int    age;
} SurveyedMember;

/* What a whole database's households look like. */
typedef struct
{
  guint n_households;
  guint n_residents;
  guint by_size[MAX_SURVEYED_SIZE + 1];   /* the last counts that size and more */
  guint n_failing_check;
  guint n_address_split;                  /* members at different addresses or teams */
  guint n_heads_under_18;
  guint n_couples;
  guint n_couples_odd;                    /* same sex or more than 8 years apart */
  guint n_children;
  guint n_children_head_surname;
  guint n_children_odd_gap;               /* not 20–40 years younger than the head */
  guint n_parents;
  guint n_parents_odd_gap;                /* not 20–40 years older than the head */
} HouseholdSurvey;

static gboolean
same_surname (const char *a,
              const char *b)
{
  /* Compound surnames share their first character too. */
  return g_utf8_get_char (a) == g_utf8_get_char (b);
}

static void
survey_household (HouseholdSurvey *survey,
                  SurveyedMember  *members,
                  guint            n,
                  const GDate     *reference)
{
  JyHouseholdMember checked[MAX_SURVEYED_SIZE];
  const SurveyedMember *head = NULL;

  g_assert_cmpuint (n, <=, MAX_SURVEYED_SIZE);
  survey->n_households++;
  survey->by_size[n]++;

  for (guint i = 0; i < n; i++)
    {
      checked[i].relation = members[i].relation;
      checked[i].sex = members[i].sex;
      checked[i].birth = &members[i].birth;
      if (g_strcmp0 (members[i].relation, JY_HOUSEHOLD_RELATION_HEAD) == 0)
        head = &members[i];
      if (!g_str_equal (members[i].address, members[0].address))
        survey->n_address_split++;
    }
  if (jy_household_check (checked, n, reference) != JY_HOUSEHOLD_PROBLEM_NONE)
    survey->n_failing_check++;
  if (head == NULL)
    return;

  if (head->age < 18)
    survey->n_heads_under_18++;
  for (guint i = 0; i < n; i++)
    {
      const SurveyedMember *m = &members[i];
      int gap = head->age - m->age;

      if (g_str_equal (m->relation, JY_HOUSEHOLD_RELATION_SPOUSE))
        {
          survey->n_couples++;
          if (g_str_equal (m->sex, head->sex) || ABS (gap) > 8)
            survey->n_couples_odd++;
        }
      else if (g_str_equal (m->relation, JY_HOUSEHOLD_RELATION_SON) ||
               g_str_equal (m->relation, JY_HOUSEHOLD_RELATION_DAUGHTER))
        {
          survey->n_children++;
          if (same_surname (m->name, head->name))
            survey->n_children_head_surname++;
          if (gap < 20 || gap > 40)
            survey->n_children_odd_gap++;
        }
      else if (g_str_equal (m->relation, JY_HOUSEHOLD_RELATION_PARENT))
        {
          survey->n_parents++;
          if (-gap < 20 || -gap > 40)
            survey->n_parents_odd_gap++;
        }
    }
}

static void
survey_households (const char      *path,
                   const GDate     *reference,
                   HouseholdSurvey *survey)
{
  static const char sql[] =
    "SELECT household_id, relation_to_head, sex, birth_date, name,\n"
    "       area_code || '|' || address_detail || '|' || team_id\n"
    "FROM resident ORDER BY household_id, id";
  SurveyedMember members[MAX_SURVEYED_SIZE];
  g_autofree char *household = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = open_query (path, sql, &db);
  guint n = 0;

  memset (survey, 0, sizeof *survey);
  for (;;)
    {
      gboolean row = sqlite3_step (stmt) == SQLITE_ROW;
      const char *id = row ? (const char *)sqlite3_column_text (stmt, 0) : NULL;

      if (row)
        g_assert_nonnull (id);
      if (n > 0 && (!row || !g_str_equal (id, household)))
        {
          survey_household (survey, members, n, reference);
          for (guint i = 0; i < n; i++)
            {
              g_free (members[i].relation);
              g_free (members[i].sex);
              g_free (members[i].name);
              g_free (members[i].address);
            }
          n = 0;
        }
      if (!row)
        break;

      if (n == 0)
        {
          g_free (household);
          household = g_strdup (id);
        }
      g_assert_cmpuint (n, <, MAX_SURVEYED_SIZE);
      members[n].relation = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      members[n].sex = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      g_assert_true (jy_person_parse_date ((const char *)sqlite3_column_text (stmt, 3),
                                           &members[n].birth));
      members[n].age = jy_person_age_on (&members[n].birth, reference);
      members[n].name = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      members[n].address = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      survey->n_residents++;
      n++;
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_every_resident_in_a_household (GeneratorFixture *fx,
                                    gconstpointer     user_data)
{
  static const char missing_sql[] =
    "SELECT count(*) FROM resident\n"
    "WHERE household_id IS NULL OR length (household_id) <> 36 OR relation_to_head IS NULL";
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  guint n_codes = 0;

  generate_default (fx);

  g_assert_cmpint (count_rows (fx, missing_sql), ==, 0);
  stmt = open_query (fx->path, "SELECT DISTINCT relation_to_head FROM resident", &db);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_true (jy_household_relation_is_valid ((const char *)sqlite3_column_text (stmt, 0)));
      n_codes++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  /* Heads, spouses, sons, daughters, grandchildren, parents. */
  g_assert_cmpuint (n_codes, ==, 6);
}

static void
test_households_pass_check (GeneratorFixture *fx,
                            gconstpointer     user_data)
{
  HouseholdSurvey survey;

  generate_default (fx);
  survey_households (fx->path, fx->reference, &survey);

  g_assert_cmpuint (survey.n_residents, ==, N_RESIDENTS);
  g_assert_cmpuint (survey.n_failing_check, ==, 0);
  g_assert_cmpuint (survey.n_heads_under_18, ==, 0);
}

static void
test_household_members_share_address (GeneratorFixture *fx,
                                      gconstpointer     user_data)
{
  static const char split_sql[] =
    "SELECT count(*) FROM (\n"
    "  SELECT household_id FROM resident GROUP BY household_id\n"
    "  HAVING count(DISTINCT area_code) > 1 OR count(DISTINCT address_detail) > 1\n"
    "      OR count(DISTINCT team_id) > 1 OR count(DISTINCT site_id) > 1)";
  /* A household's archive numbers follow each other. */
  static const char scattered_sql[] =
    "SELECT count(*) FROM (\n"
    "  SELECT household_id FROM resident GROUP BY household_id\n"
    "  HAVING max (CAST (substr (archive_no, 13) AS INTEGER)) -\n"
    "         min (CAST (substr (archive_no, 13) AS INTEGER)) <> count(*) - 1)";

  generate_default (fx);

  g_assert_cmpint (count_rows (fx, split_sql), ==, 0);
  g_assert_cmpint (count_rows (fx, scattered_sql), ==, 0);
}

static void
test_household_structure_realistic (GeneratorFixture *fx,
                                    gconstpointer     user_data)
{
  HouseholdSurvey survey;

  generate_default (fx);
  survey_households (fx->path, fx->reference, &survey);

  g_test_message ("%u couples, %u children (%u with the head's surname), %u parents of the head",
                  survey.n_couples, survey.n_children, survey.n_children_head_surname,
                  survey.n_parents);
  /* Husband and wife within 8 years; children 20–40 years younger than
   * the head, parents 20–40 years older. */
  g_assert_cmpuint (survey.n_couples, >, survey.n_households / 3);
  g_assert_cmpuint (survey.n_couples_odd, ==, 0);
  g_assert_cmpuint (survey.n_children, >, N_RESIDENTS / 5);
  g_assert_cmpuint (survey.n_children_odd_gap, ==, 0);
  g_assert_cmpuint (survey.n_parents, >, N_RESIDENTS / 50);
  g_assert_cmpuint (survey.n_parents_odd_gap, ==, 0);
  /* Most children carry the head's surname (the father's, and the head
   * is usually the father). */
  g_assert_cmpuint (survey.n_children_head_surname, >=, survey.n_children * 60 / 100);
  g_assert_cmpuint (survey.n_children_head_surname, <, survey.n_children);
  g_assert_cmpuint (survey.n_address_split, ==, 0);
}

static void
test_household_sizes_at_20000 (GeneratorFixture *fx,
                               gconstpointer     user_data)
{
  /* Per cent of households of 1, 2, 3, 4, and 5 or more people. */
  static const guint expected[] = { 0, 25, 30, 22, 13, 10 };
  g_autoptr(GError) error = NULL;
  HouseholdSurvey survey;
  guint share[G_N_ELEMENTS (expected)] = { 0 };

  g_assert_true (generate (fx->store, 20000, SEED, fx->reference, NULL, &error));
  g_assert_no_error (error);
  survey_households (fx->path, fx->reference, &survey);

  g_assert_cmpuint (survey.n_residents, ==, 20000);
  g_assert_cmpuint (survey.n_failing_check, ==, 0);
  g_assert_cmpuint (survey.n_heads_under_18, ==, 0);
  g_assert_cmpuint (survey.n_address_split, ==, 0);

  for (guint k = 1; k <= MAX_SURVEYED_SIZE; k++)
    share[MIN (k, G_N_ELEMENTS (expected) - 1)] += survey.by_size[k];
  for (guint k = 1; k < G_N_ELEMENTS (expected); k++)
    {
      double percent = 100.0 * share[k] / survey.n_households;

      g_test_message ("households of %u%s: %.1f%% (about %u%%)", k,
                      k + 1 == G_N_ELEMENTS (expected) ? "+" : "", percent, expected[k]);
      g_assert_cmpfloat (percent, >=, expected[k] - 2.5);
      g_assert_cmpfloat (percent, <=, expected[k] + 2.5);
    }
  /* A city's 2.5 to 2.7 people per household. */
  g_assert_cmpfloat ((double)survey.n_residents / survey.n_households, >=, 2.45);
  g_assert_cmpfloat ((double)survey.n_residents / survey.n_households, <=, 2.7);
}

static void
test_same_seed_same_rows (GeneratorFixture *fx,
                          gconstpointer     user_data)
{
  static const char *const queries[] = {
    "SELECT name, id_number, birth_date, uuid FROM resident ORDER BY id",
    "SELECT archive_no, sex, phone, area_code, address_detail, residence_type, ethnicity,\n"
    "       team_id, site_id FROM resident ORDER BY id",
    "SELECT household_id, relation_to_head FROM resident ORDER BY id",
    "SELECT uuid, name, role, login, phone, site_id FROM staff ORDER BY id",
    "SELECT uuid, code, name, lead_staff_id, site_id FROM team ORDER BY id",
    "SELECT uuid, team_id, staff_id, role, start_date FROM team_member ORDER BY id",
    "SELECT team_id, area_code FROM team_area ORDER BY team_id, area_code",
    "SELECT uuid, parent_id, kind, code, name FROM site ORDER BY id",
    "SELECT code, parent_code, level, name FROM address_area ORDER BY code",
    /* Each database draws its own workstation code (migration step 13). */
    "SELECT key, value FROM meta WHERE key <> 'workstation' ORDER BY key",
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
  g_assert_cmpint (jy_test_query_int64 (other_path, "SELECT count(*) FROM resident"),
                   ==, N_RESIDENTS);
}

static void
test_refuses_non_empty_database (GeneratorFixture *fx,
                                 gconstpointer     user_data)
{
  static const char counts_sql[] =
    "SELECT count(*) FROM resident\n"
    "UNION ALL SELECT count(*) FROM staff\n"
    "UNION ALL SELECT count(*) FROM site\n"
    "UNION ALL SELECT count(*) FROM audit_log";
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  generate_default (fx);
  before = dump_rows (fx->path, counts_sql);

  g_assert_false (generate (fx->store, 10, SEED + 1, fx->reference, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_EMPTY);

  /* Refused whole: nothing of the second run was kept. */
  after = dump_rows (fx->path, counts_sql);
  g_assert_cmpstr (before, ==, after);
}

/* A centre named in Preferences but without residents is not empty: a
 * second centre site would make "the centre" ambiguous. */
static void
test_refuses_database_with_named_centre (GeneratorFixture *fx,
                                         gconstpointer     user_data)
{
  JyCentreIdentity centre = { .name = (char *)"已命名的中心", .code = (char *)"350299009" };
  g_autoptr(GError) error = NULL;

  g_assert_true (jy_store_write (fx->store, jy_centre_store_save, &centre, NULL, &error) == JY_STORE_DONE);
  g_assert_false (generate (fx->store, 10, SEED, fx->reference, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_EMPTY);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM site"), ==, 1);
}

static void
test_no_outbox_one_audit (GeneratorFixture *fx,
                          gconstpointer     user_data)
{
  static const char audit_sql[] =
    "SELECT count(*) FROM audit_log\n"
    "WHERE action = 'generate' AND entity = 'resident' AND actor = 'system'\n"
    "  AND json_extract (detail, '$.residents') = 2000\n"
    "  AND json_extract (detail, '$.seed') = 20260101\n"
    "  AND json_extract (detail, '$.reference_date') = '2025-06-30'";

  generate_default (fx);

  /* The demo counts as already on the platform: nothing to push. */
  g_assert_cmpint (count_rows (fx, "SELECT count(*) FROM outbox"), ==, 0);
  g_assert_cmpint (count_rows (fx, "SELECT count(*) FROM audit_log"), ==, 1);
  g_assert_cmpint (count_rows (fx, audit_sql), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
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
  ADD ("/store/generator/every-resident-in-a-household", test_every_resident_in_a_household);
  ADD ("/store/generator/households-pass-check", test_households_pass_check);
  ADD ("/store/generator/household-members-share-address", test_household_members_share_address);
  ADD ("/store/generator/household-structure-realistic", test_household_structure_realistic);
  ADD ("/store/generator/household-sizes-like-a-city-at-20000", test_household_sizes_at_20000);
  ADD ("/store/generator/same-seed-same-rows", test_same_seed_same_rows);
  ADD ("/store/generator/different-seed-different-rows", test_different_seed_different_rows);
  ADD ("/store/generator/refuses-non-empty-database", test_refuses_non_empty_database);
  ADD ("/store/generator/refuses-database-with-named-centre", test_refuses_database_with_named_centre);
  ADD ("/store/generator/no-outbox-one-audit", test_no_outbox_one_audit);

#undef ADD

  return g_test_run ();
}
