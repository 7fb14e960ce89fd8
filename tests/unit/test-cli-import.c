/* test-cli-import.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "jy-centre-store.h"
#include "jy-idcard.h"
#include "jy-long-rx.h"
#include "jy-store.h"
#include "test-util.h"

/* Runs `jiayi import` and `jiayi export` as a manager's script would: the
 * built executable (JIAYI_BINARY, set by meson), exit statuses, stdout. */

typedef struct
{
  char *tmpdir;
  char *db_path;
} Fixture;

static gpointer
add_areas (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  static const char sql[] =
    "INSERT INTO address_area (code, parent_code, level, name) VALUES\n"
    "  ('359902', NULL, 3, '海滨区'),\n"
    "  ('359902001', '359902', 4, '滨海街道'),\n"
    "  ('359902001001', '359902001', 5, '海韵社区')";

  return jy_db_exec (db, sql, error) ? JY_STORE_DONE : NULL;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = NULL;
  JyCentreIdentity centre = { .name = (char *)"测试中心", .code = (char *)"350299001" };

  fx->tmpdir = g_dir_make_tmp ("jiayi-cli-import-XXXXXX", &error);
  g_assert_no_error (error);
  fx->db_path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  store = jy_store_open (fx->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (store, jy_centre_store_save, &centre, NULL, &error) == JY_STORE_DONE);
  g_assert_true (jy_store_write (store, add_areas, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  /* Closed before the executable opens it. */
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->db_path);
}

static char *
write_file (Fixture     *fx,
            const char  *name,
            const char  *contents,
            gssize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fx->tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

/* Runs jiayi with @args (NULL-terminated) in English; returns the exit status. */
static int
run_jiayi (const char *const  *args,
           char              **out_stdout,
           char              **out_stderr)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  const char *binary = g_getenv ("JIAYI_BINARY");
  int status = -1;

  if (binary == NULL)
    binary = g_test_get_filename (G_TEST_BUILT, "..", "..", "src", "gui", "jiayi", NULL);

  g_ptr_array_add (argv, (gpointer)binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  /* The messages the test reads are the English msgids. */
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "G_MESSAGES_DEBUG");

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               out_stdout, out_stderr, &status, &error));
  g_assert_no_error (error);
  g_test_message ("stdout: %s", *out_stdout);
  g_test_message ("stderr: %s", *out_stderr);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
make_id (const char *first17)
{
  return g_strdup_printf ("%.17s%c", first17, jy_idcard_check_char (first17));
}

static void
test_import_reports_rejected_lines_and_exits_0 (Fixture       *fx,
                                                gconstpointer  user_data)
{
  g_autofree char *good = make_id ("35990219900307002");
  g_autofree char *csv = g_strdup_printf ("姓名,性别,出生日期,身份证号,联系电话,社区,备注\n"
                                          "王小燕,女,1990-03-07,%s,13800138000,海韵社区,\n"
                                          "张三,男,1990-02-30,,12345,海韵社区,\n"
                                          "李四,男,1991-01-01,,,不存在社区,\n"
                                          "赵五,男,1992-01-01,,,海韵社区,\"两行\n备注\"\n"
                                          "钱六,男,,,,海韵社区,\n", good);
  g_autofree char *file = write_file (fx, "residents.csv", csv, -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "import", "--db", fx->db_path, file, NULL };

  g_assert_cmpint (run_jiayi (args, &out, &err), ==, 0);
  /* One line per rejected row, every reason on it; then the summary. */
  g_assert_cmpstr (out, ==,
                   "line 3: The birth date is not a real date: write it as YYYY-MM-DD, from 1880 on; "
                   "The phone number is not valid: a mobile has 11 digits starting with 1, a landline "
                   "looks like 0592-1234567\n"
                   "line 4: The community is not one of the centre’s: write its name as Jiayi lists it, "
                   "or its 12-digit code\n"
                   /* After a row of two lines. */
                   "line 7: The birth date is missing, and there is no valid ID number to read it from\n"
                   "Imported 2 residents, rejected 3\n");
  /* The unknown column is a note, on stderr. */
  g_assert_nonnull (strstr (err, "line 1, note: The column “备注” is not one Jiayi imports"));
  /* No personal data on the terminal beyond the user's own file's line numbers. */
  g_assert_null (strstr (out, "张三"));
  g_assert_null (strstr (err, good));

  g_assert_cmpint (jy_test_query_int64 (fx->db_path, "SELECT count(*) FROM resident"), ==, 2);
  g_assert_cmpint (jy_test_query_int64 (fx->db_path, "SELECT count(*) FROM outbox"), ==, 3);
}

static void
test_import_exit_1_when_nothing_can_be_read (Fixture       *fx,
                                             gconstpointer  user_data)
{
  g_autofree char *missing = g_build_filename (fx->tmpdir, "missing.csv", NULL);
  g_autofree char *no_header = write_file (fx, "no-header.csv", "foo,bar\n1,2\n", -1);
  g_autofree char *binary = write_file (fx, "sheet.xlsx", "PK\x03\x04\x00\x00\x00", 7);
  g_autofree char *good = write_file (fx, "good.csv", "姓名,性别,出生日期\n王小燕,女,1990-03-07\n", -1);
  g_autofree char *no_db = g_build_filename (fx->tmpdir, "nope.db", NULL);
  const char *const files[] = { missing, no_header, binary };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *args[] = { "import", "--db", fx->db_path, files[i], NULL };

      g_assert_cmpint (run_jiayi (args, &out, &err), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "jiayi import: "));
    }

  /* A database that is not there is not created. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "import", "--db", no_db, good, NULL };

    g_assert_cmpint (run_jiayi (args, &out, &err), ==, 1);
    g_assert_false (g_file_test (no_db, G_FILE_TEST_EXISTS));
  }

  g_assert_cmpint (jy_test_query_int64 (fx->db_path, "SELECT count(*) FROM resident"), ==, 0);
}

static void
test_import_exit_2_on_bad_usage (Fixture       *fx,
                                 gconstpointer  user_data)
{
  const char *no_file[] = { "import", "--db", fx->db_path, NULL };
  const char *no_db[] = { "import", "residents.csv", NULL };
  const char *two_files[] = { "import", "--db", fx->db_path, "a.csv", "b.csv", NULL };
  const char *const *cases[] = { no_file, no_db, two_files };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_jiayi (cases[i], &out, &err), ==, 2);
      g_assert_nonnull (strstr (err, "Usage:"));
    }
}

static void
test_export_writes_bom_and_masks_unless_full_id (Fixture       *fx,
                                                 gconstpointer  user_data)
{
  g_autofree char *good = make_id ("35990219900307002");
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,社区\n王小燕,%s,海韵社区\n", good);
  g_autofree char *file = write_file (fx, "residents.csv", csv, -1);
  g_autofree char *masked_path = g_build_filename (fx->tmpdir, "masked.csv", NULL);
  g_autofree char *full_path = g_build_filename (fx->tmpdir, "full.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *full = NULL;
  const char *import_args[] = { "import", "--db", fx->db_path, file, NULL };
  const char *masked_args[] = { "export", "--db", fx->db_path, masked_path, NULL };
  const char *full_args[] = { "export", "--db", fx->db_path, "--full-id", full_path, NULL };
  GStatBuf st;

  g_assert_cmpint (run_jiayi (import_args, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_jiayi (masked_args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Exported 1 resident to "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_jiayi (full_args, &out, &err), ==, 0);

  g_assert_true (g_file_get_contents (masked_path, &masked, NULL, NULL));
  g_assert_true (g_file_get_contents (full_path, &full, NULL, NULL));
  g_assert_true (g_str_has_prefix (masked, "\xEF\xBB\xBF档案编号,姓名,性别,出生日期,身份证号,"));
  g_assert_null (strstr (masked, good));
  g_assert_nonnull (strstr (masked, "3599**********"));
  g_assert_nonnull (strstr (full, good));

  /* Personal data: the owner's alone. */
  g_assert_cmpint (g_stat (full_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
}

static void
test_drugs_import_reports_bad_lines (Fixture       *fx,
                                     gconstpointer  user_data)
{
  const char *csv = "编码,通用名,规格,单位,包装数量,包装单位,医保类别,禁用类别,标记\n"
                    "D901,测试降压片,10 mg,片,28,盒,甲,,\n"
                    "D902,测试地高辛片,0.25 mg,片,30,盒,乙,,narrow-index\n"
                    "D903,,5 mg,片,28,盒,,,\n"
                    "D904,坏包装,5 mg,片,abc,盒,,,\n"
                    "D905,坏类别,5 mg,片,28,盒,丙,,\n"
                    "D906,坏禁用,5 mg,片,28,盒,,sleepy,\n";
  g_autofree char *file = write_file (fx, "drugs.csv", csv, -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "drugs", "--db", fx->db_path, "import", file, NULL };
  g_autofree char *flags = NULL;

  g_assert_cmpint (run_jiayi (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Line 4: The generic name is missing."));
  g_assert_nonnull (strstr (out, "Line 5: The pack size must be a number above 0."));
  g_assert_nonnull (strstr (out, "Line 6: The insurance class must be 甲 or 乙."));
  g_assert_nonnull (strstr (out, "Line 7: Unknown excluded class."));
  g_assert_nonnull (strstr (out, "Imported 2 drugs, rejected 4"));
  g_assert_cmpint (jy_test_query_int64 (fx->db_path, "SELECT flags FROM drug WHERE code = 'D902'"), ==,
                   JY_DRUG_FLAG_NARROW_INDEX);
}

static void
test_drugs_exit_2_on_bad_usage (Fixture       *fx,
                                gconstpointer  user_data)
{
  g_autofree char *file = write_file (fx, "drugs.csv", "code,generic_name,pack_size\n", -1);
  const char *no_action[] = { "drugs", "--db", fx->db_path, file, NULL };
  const char *no_file[] = { "drugs", "--db", fx->db_path, "import", NULL };
  const char *no_db[] = { "drugs", "import", file, NULL };
  const char *const *cases[] = { no_action, no_file, no_db };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_jiayi (cases[i], &out, &err), ==, 2);
      g_assert_nonnull (strstr (err, "jiayi drugs: "));
    }
}

static void
test_drugs_exit_1_without_the_columns (Fixture       *fx,
                                       gconstpointer  user_data)
{
  g_autofree char *file = write_file (fx, "drugs.csv", "名称,价格\n降压片,3\n", -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "drugs", "import", "--db", fx->db_path, file, NULL };

  g_assert_cmpint (run_jiayi (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "code, generic_name and pack_size"));
}

/* A city's prices: a new version of the package, the old one superseded
 * (signed contracts keep it); withdrawing stops offering it; the basic
 * package cannot be withdrawn; a bad amount is a usage error. */
static void
test_packages_set_fee_and_withdraw (Fixture       *fx,
                                    gconstpointer  user_data)
{
  const char *list[] = { "packages", "--db", fx->db_path, "list", NULL };
  const char *set_fee[] = { "packages", "--db", fx->db_path, "set-fee", "elderly",
                            "--insurance", "100", "--public-health", "20.5", "--resident", "30", NULL };
  const char *bad_fee[] = { "packages", "--db", fx->db_path, "set-fee", "elderly",
                            "--insurance", "-1", "--public-health", "0", "--resident", "0", NULL };
  const char *withdraw[] = { "packages", "--db", fx->db_path, "withdraw", "elderly", NULL };
  const char *withdraw_basic[] = { "packages", "--db", fx->db_path, "withdraw", "basic", NULL };
  const char *unknown[] = { "packages", "--db", fx->db_path, "withdraw", "nosuch", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_jiayi (list, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "elderly v1 offered  Elderly package"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_jiayi (set_fee, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "elderly: version 2 saved"));
  g_assert_cmpint (jy_test_query_int64 (fx->db_path,
                                        "SELECT fee_insurance * 1000000 + fee_public_health * 1000 + fee_resident "
                                        "FROM service_package WHERE code = 'elderly' AND status = 'active'"),
                   ==, 10000 * G_GINT64_CONSTANT (1000000) + 2050 * 1000 + 3000);
  g_assert_cmpint (jy_test_query_int64 (fx->db_path,
                                        "SELECT count(*) FROM service_package "
                                        "WHERE code = 'elderly' AND version = 1 AND status = 'superseded'"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_jiayi (bad_fee, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "jiayi packages: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_jiayi (withdraw, &out, &err), ==, 0);
  g_assert_cmpint (jy_test_query_int64 (fx->db_path,
                                        "SELECT count(*) FROM service_package "
                                        "WHERE code = 'elderly' AND status = 'withdrawn'"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_jiayi (withdraw_basic, &out, &err), ==, 1);
  g_assert_cmpint (jy_test_query_int64 (fx->db_path,
                                        "SELECT count(*) FROM service_package "
                                        "WHERE code = 'basic' AND status = 'active'"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_jiayi (unknown, &out, &err), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cli/import/reports-rejected-lines-and-exits-0", test_import_reports_rejected_lines_and_exits_0);
  ADD ("/cli/import/exit-1-when-nothing-can-be-read", test_import_exit_1_when_nothing_can_be_read);
  ADD ("/cli/import/exit-2-on-bad-usage", test_import_exit_2_on_bad_usage);
  ADD ("/cli/drugs/import reports bad lines and saves the rest", test_drugs_import_reports_bad_lines);
  ADD ("/cli/drugs/exit 2 on bad usage", test_drugs_exit_2_on_bad_usage);
  ADD ("/cli/drugs/exit 1 without the needed columns", test_drugs_exit_1_without_the_columns);
  ADD ("/cli/packages/set fee makes a new version, withdraw stops offering, basic stays", test_packages_set_fee_and_withdraw);
  ADD ("/cli/export/writes-bom-and-masks-unless-full-id", test_export_writes_bom_and_masks_unless_full_id);

#undef ADD

  return g_test_run ();
}
