/* test-cli-report.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `jiayi report` without a display: the PDF and the CSV files, usage errors.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-store.h"
#include "test-store-fixture.h"
#include "test-util.h"

/* Two registered residents, one under a contract of T01 since 2026-03-01. */
static gpointer
add_centre (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  static const char sql[] =
    "INSERT INTO staff (id, uuid, created_at, updated_at, site_id, name, role)\n"
    "  SELECT 101, 's-a', 'now', 'now', id, '甲医生', 'doctor' FROM site WHERE kind = 'centre';\n"
    "INSERT INTO resident (id, uuid, created_at, updated_at, site_id, name, sex, birth_date, team_id)\n"
    "  SELECT 1, 'r1', 'now', 'now', s.id, '赵一', '1', '1950-03-01', t.id\n"
    "  FROM site s, team t WHERE s.kind = 'centre' AND t.code = 'T01';\n"
    "INSERT INTO resident (id, uuid, created_at, updated_at, site_id, name, sex, birth_date, team_id)\n"
    "  SELECT 2, 'r2', 'now', 'now', s.id, '钱二', '2', '1980-06-01', t.id\n"
    "  FROM site s, team t WHERE s.kind = 'centre' AND t.code = 'T01';\n"
    "INSERT INTO contract (uuid, created_at, updated_at, contract_no, site_id, resident_id, team_id,\n"
    "  doctor_id, sign_date, start_date, end_date, cover_last, run_first)\n"
    "  SELECT 'k1', 'now', 'now', 'K1', s.id, 1, t.id, 101, '2026-03-01', '2026-03-01', '2027-02-28',\n"
    "         '2027-02-28', '2026-03-01'\n"
    "  FROM site s, team t WHERE s.kind = 'centre' AND t.code = 'T01';\n";

  return jy_db_exec (db, sql, error) ? JY_STORE_DONE : NULL;
}

static void
setup (JyTestCentre  *fx,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  jy_test_centre_setup (fx, data);
  g_assert_true (jy_store_write (fx->store, add_centre, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&fx->store));
}

static void
teardown (JyTestCentre  *fx,
          gconstpointer  data)
{
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
}

/* Runs jiayi in English with no display; returns the exit status. */
static int
run_jiayi (const char *const  *args,
           char              **out_stdout,
           char              **out_stderr)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  const char *binary = g_getenv ("JIAYI_BINARY");

  if (binary == NULL)
    binary = g_test_get_filename (G_TEST_BUILT, "..", "..", "src", "gui", "jiayi", NULL);
  g_ptr_array_add (argv, (gpointer)binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out_stdout, out_stderr, &error));
  g_assert_no_error (error);
  g_test_message ("stdout: %s", *out_stdout);
  g_test_message ("stderr: %s", *out_stderr);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text,
                               NULL, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
test_pdf_and_csv (JyTestCentre  *fx,
                  gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fx->tmpdir, "oct.pdf", NULL);
  g_autofree char *csv = g_build_filename (fx->tmpdir, "oct.csv", NULL);
  g_autofree char *breakdown = g_build_filename (fx->tmpdir, "oct-breakdown.csv", NULL);
  const char *args[] = { "report", "--db", fx->path, "--month", "2026-10", "--pdf", pdf, "--csv", csv, NULL };
  g_autofree char *out = NULL, *err = NULL, *text = NULL, *contents = NULL, *rows = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_jiayi (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "测试中心"));
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "测试中心 Family-Doctor Contracts and Chronic Care Monthly Report"));
  g_assert_nonnull (strstr (text, "Month: 2026-10"));
  g_assert_nonnull (strstr (text, "2026-10-01 to 2026-10-31"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_assert_nonnull (strstr (text, "Prepared by"));
  g_assert_nonnull (strstr (text, "Reviewed by"));
  /* The footnotes carry the definitions. */
  g_assert_nonnull (strstr (text, "Residents with a contract in force"));
  g_assert_nonnull (strstr (text, "Dispenses collected by a family member or agent"));
  /* Every section is counted now, long prescriptions and home beds too. */
  g_assert_null (strstr (text, "Not yet recorded on this workstation"));
  g_assert_nonnull (strstr (text, "Long prescriptions and home beds by team and doctor"));

  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Code,Section,Indicator"));
  /* C01: one resident under contract; C02: 1 of 2 registered. */
  g_assert_nonnull (strstr (contents, "\r\nC01,Family-doctor contracts,Residents under contract,2026-10,1,1,,"));
  g_assert_nonnull (strstr (contents, "\r\nC02,Family-doctor contracts,Signing rate,2026-10,50.0%,1,2,"));
  g_assert_nonnull (strstr (contents, "\r\nL01,Long prescriptions,Long prescriptions issued,2026-10,0,0,,"));
  g_assert_nonnull (strstr (contents, "\r\nH04,Home beds,Average days a bed was open,2026-10,—,0,0,"));
  g_assert_true (g_file_get_contents (breakdown, &rows, NULL, &error));
  g_assert_true (g_str_has_prefix (rows, "\xEF\xBB\xBF" "Month,Level,Team / doctor,Code"));
  g_assert_nonnull (strstr (rows, "2026-10,Team,第一团队,C01,Residents under contract,1,1,"));
  g_assert_nonnull (strstr (rows, "2026-10,Doctor,甲医生,C01,"));
}

static void
test_team_by_code (JyTestCentre  *fx,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fx->tmpdir, "team.pdf", NULL);
  const char *args[] = { "report", "--db", fx->path, "--month", "2026-10", "--team", "T01",
                         "--pdf", pdf, NULL };
  const char *missing[] = { "report", "--db", fx->path, "--month", "2026-10", "--team", "T99",
                            "--pdf", pdf, NULL };
  g_autofree char *out = NULL, *err = NULL, *text = NULL, *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (run_jiayi (args, &out, &err), ==, 0);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "测试中心第一团队 Family-Doctor"));
  g_assert_cmpint (run_jiayi (missing, &out2, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "There is no team “T99”."));
}

static void
test_usage_errors (JyTestCentre  *fx,
                   gconstpointer  data)
{
  const char *no_month[] = { "report", "--db", fx->path, "--pdf", "x.pdf", NULL };
  const char *bad_month[] = { "report", "--db", fx->path, "--month", "2026-13", "--pdf", "x.pdf", NULL };
  const char *no_output[] = { "report", "--db", fx->path, "--month", "2026-10", NULL };
  const char *no_db[] = { "report", "--month", "2026-10", "--pdf", "x.pdf", NULL };
  const char *extra[] = { "report", "--db", fx->path, "--month", "2026-10", "--pdf", "x.pdf", "more", NULL };
  const char *missing_db[] = { "report", "--db", "/nonexistent/centre.db", "--month", "2026-10",
                               "--pdf", "x.pdf", NULL };
  struct { const char *const *args; int status; const char *message; } cases[] = {
    { no_month, 2, "--month YYYY-MM is required" },
    { bad_month, 2, "--month takes a month such as 2026-10" },
    { no_output, 2, "Name an output" },
    { no_db, 2, "--db FILE is required" },
    { extra, 2, "Unexpected argument “more”" },
    { missing_db, 1, "There is no database file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_jiayi (cases[i].args, &out, &err), ==, cases[i].status);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_cmpstr (out, ==, "");
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/report/pdf and csv without a display", JyTestCentre, NULL, setup, test_pdf_and_csv, teardown);
  g_test_add ("/cli/report/a team by its code", JyTestCentre, NULL, setup, test_team_by_code, teardown);
  g_test_add ("/cli/report/usage errors", JyTestCentre, NULL, setup, test_usage_errors, teardown);

  return g_test_run ();
}
