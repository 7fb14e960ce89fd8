/* test-import.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "jy-centre-store.h"
#include "jy-idcard.h"
#include "jy-resident-export.h"
#include "jy-resident-import.h"
#include "jy-resident-store.h"
#include "jy-store.h"
#include "test-util.h"

/* Synthetic people only: numbers made here with the check character, in
 * the fictional county 359902 of the demo district. */

typedef struct
{
  char    *tmpdir;
  char    *path;
  JyStore *store;
  GDate    today;
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
    "  ('359902001001', '359902001', 5, '海韵社区'),\n"
    "  ('359902002', '359902', 4, '莲花街道'),\n"
    "  ('359902002003', '359902002', 5, '莲花社区'),\n"
    /* Two streets with a community of the same name. */
    "  ('359902001002', '359902001', 5, '新村社区'),\n"
    "  ('359902002004', '359902002', 5, '新村社区')";

  return jy_db_exec (db, sql, error) ? JY_STORE_DONE : NULL;
}

static void
open_centre (Fixture    *fx,
             const char *file,
             gboolean    named)
{
  g_autoptr(GError) error = NULL;
  JyCentreIdentity centre = { .name = (char *)"测试中心", .code = (char *)"350299001" };

  g_clear_object (&fx->store);
  g_free (fx->path);
  fx->path = g_build_filename (fx->tmpdir, file, NULL);
  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  if (named)
    g_assert_true (jy_store_write (fx->store, jy_centre_store_save, &centre, NULL, &error) == JY_STORE_DONE);
  g_assert_true (jy_store_write (fx->store, add_areas, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-import-XXXXXX", &error);
  g_assert_no_error (error);
  open_centre (fx, "centre.db", TRUE);
  g_date_clear (&fx->today, 1);
  g_date_set_dmy (&fx->today, 23, 11, 2026);
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

/* A valid 18-character number from its first 17 digits. */
static char *
make_id (const char *first17)
{
  char check = jy_idcard_check_char (first17);

  g_assert_cmpint (check, !=, '\0');
  return g_strdup_printf ("%.17s%c", first17, check);
}

/* The same number with a check character that does not match. */
static char *
make_wrong_id (const char *first17)
{
  char check = jy_idcard_check_char (first17);

  return g_strdup_printf ("%.17s%c", first17, check == '0' ? '1' : '0');
}

typedef struct
{
  const char            *contents;
  gsize                  length;
  const JyImportMapping *mapping;
  const GDate           *today;
  guint                  n_progress;
  guint                  last_rows;
} ImportJob;

static void
progress_cb (guint    rows_done,
             gsize    bytes_done,
             gsize    bytes_total,
             gpointer user_data)
{
  ImportJob *job = user_data;

  g_assert_cmpuint (bytes_done, <=, bytes_total);
  g_assert_cmpuint (rows_done, >=, job->last_rows);
  job->n_progress++;
  job->last_rows = rows_done;
}

static gpointer
import_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportJob *job = data;

  return jy_resident_import_csv (db, job->contents, job->length, job->mapping, job->today,
                                 progress_cb, job, error);
}

static JyImportReport *
import_full (Fixture                *fx,
             const char             *contents,
             gsize                   length,
             const JyImportMapping  *mapping,
             GError                **error)
{
  ImportJob job = { contents, length, mapping, &fx->today, 0, 0 };
  JyImportReport *report = jy_store_write (fx->store, import_func, &job, NULL, error);

  /* Once at the end at least, with every row counted. */
  if (report != NULL)
    {
      g_assert_cmpuint (job.n_progress, >=, 1);
      g_assert_cmpuint (job.last_rows, ==, report->n_rows);
    }
  return report;
}

static JyImportReport *
import (Fixture     *fx,
        const char  *csv,
        GError     **error)
{
  return import_full (fx, csv, strlen (csv), NULL, error);
}

static gint64
count (Fixture    *fx,
       const char *sql)
{
  return jy_test_query_int64 (fx->path, sql);
}

typedef struct
{
  JyResident  *resident;
  const GDate *today;
} InsertJob;

static gpointer
insert_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  InsertJob *job = data;

  return jy_resident_store_insert (db, job->resident, job->today, error) ? JY_STORE_DONE : NULL;
}

static void
insert_existing (Fixture    *fx,
                 const char *name,
                 const char *id_number,
                 const char *area_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_resident_new ();
  InsertJob job = { r, &fx->today };

  r->name = g_strdup (name);
  r->id_number = g_strdup (id_number);
  r->area_code = g_strdup (area_code);
  jy_resident_fill_from_id (r);
  g_assert_true (jy_store_write (fx->store, insert_func, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
}

static void
assert_issue (const JyImportReport *report,
              guint                 index,
              guint                 line,
              JyImportIssueKind     kind)
{
  const JyImportIssue *issue;

  g_assert_cmpuint (index, <, report->issues->len);
  issue = &g_array_index (report->issues, JyImportIssue, index);
  g_test_message ("issue %u: line %u kind %d", index, issue->line, issue->kind);
  g_assert_cmpuint (issue->line, ==, line);
  g_assert_cmpint (issue->kind, ==, kind);
}

/* One good row and one of each kind of bad row ------------------------------ */

static char *
make_mixed_file (void)
{
  g_autofree char *good = make_id ("35990219900307002");       /* female, 1990-03-07 */
  g_autofree char *wrong = make_wrong_id ("35990219850615011");
  g_autofree char *existing = make_id ("35990219600505031");   /* male, 1960-05-05 */
  g_autofree char *id9 = make_id ("35990219500909051");        /* male, 1950-09-09 */
  g_autofree char *id10 = make_id ("35990219880808071");       /* male, 1988-08-08 */
  g_autofree char *id11 = make_id ("35990220000101091");       /* male, 2000-01-01 */
  GString *csv = g_string_new (NULL);

  g_string_append (csv, "姓名,性别,出生日期,身份证号,联系电话,社区,现住址,备注\n");                 /* 1 */
  g_string_append_printf (csv, "王小燕,女,1990-03-07,%s,138 0013 8000,海韵社区,滨海路1号,x\n", good); /* 2 */
  g_string_append_printf (csv, "李大明,男,1985-06-15,%s,13900139000,海韵社区,,\n", wrong);   /* 3 */
  g_string_append (csv, "张三,男,1990-02-30,,13700137000,海韵社区,,\n");                     /* 4 */
  g_string_append (csv, "赵四,女,2030-01-01,,13600136000,海韵社区,,\n");                     /* 5 */
  g_string_append (csv, "钱五,男,1970-01-01,,12345,海韵社区,,\n");                           /* 6 */
  g_string_append_printf (csv, "王晓燕,女,1990-03-07,%s,13500135000,海韵社区,,\n", good);    /* 7 */
  g_string_append_printf (csv, "孙六,男,1960-05-05,%s,,莲花社区,,\n", existing);             /* 8 */
  g_string_append (csv, "周七,女,1975-07-07,,13300133000,不存在社区,,\n");                   /* 9 */
  g_string_append (csv, "吴八,男,,359902580808013,13200132000,莲花社区,,\n");                /* 10 */
  g_string_append (csv, ",女,1980-01-01,,13100131000,海韵社区,,\n");                         /* 11 */
  g_string_append_printf (csv, "郑九,男,1950/9/9,%s,13000130000,359902002003,\"莲花路2号\n3栋\",\n", id9); /* 12-13 */
  g_string_append_printf (csv, "冯十,女,1988-08-08,%s,,海韵社区居委会,,\n", id10);           /* 14 */
  g_string_append_printf (csv, "陈十一,男,1999-09-09,%s,,海韵社区,,\n", id11);               /* 15 */
  g_string_append (csv, ",,,,,,,\n");                                                        /* 16 */
  g_string_append (csv, "褚十二,女,1992年2月2日,,0592-5551234,莲花社区,,\n");                /* 17 */

  return g_string_free (csv, FALSE);
}

static void
test_mixed_file_reports_each_bad_row_and_imports_the_rest (Fixture       *fx,
                                                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyImportReport) report = NULL;
  g_autofree char *csv = make_mixed_file ();
  g_autofree char *existing = make_id ("35990219600505031");
  g_autofree char *legacy_upgraded = NULL;
  g_autofree char *text = NULL;

  insert_existing (fx, "孙六", existing, "359902002003");

  report = import (fx, csv, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  g_assert_cmpint (report->encoding, ==, JY_CSV_ENCODING_UTF8);
  g_assert_cmpuint (report->n_rows, ==, 14);
  g_assert_cmpuint (report->n_imported, ==, 6);
  g_assert_cmpuint (report->n_rejected, ==, 8);
  g_assert_cmpuint (report->imported_ids->len, ==, 6);

  g_assert_cmpuint (report->issues->len, ==, 12);
  assert_issue (report, 0, 1, JY_IMPORT_ISSUE_COLUMN_IGNORED);
  g_assert_cmpstr (g_array_index (report->issues, JyImportIssue, 0).column, ==, "备注");
  assert_issue (report, 1, 3, JY_IMPORT_ISSUE_ID_CHECK);
  assert_issue (report, 2, 4, JY_IMPORT_ISSUE_BIRTH_DATE_INVALID);
  assert_issue (report, 3, 5, JY_IMPORT_ISSUE_BIRTH_DATE_FUTURE);
  assert_issue (report, 4, 6, JY_IMPORT_ISSUE_PHONE_INVALID);
  assert_issue (report, 5, 7, JY_IMPORT_ISSUE_ID_DUPLICATE_IN_FILE);
  g_assert_cmpuint (g_array_index (report->issues, JyImportIssue, 5).other_line, ==, 2);
  assert_issue (report, 6, 8, JY_IMPORT_ISSUE_ID_DUPLICATE);
  assert_issue (report, 7, 9, JY_IMPORT_ISSUE_COMMUNITY_UNKNOWN);
  assert_issue (report, 8, 10, JY_IMPORT_ISSUE_ID_LEGACY_CONVERTED);
  assert_issue (report, 9, 11, JY_IMPORT_ISSUE_NAME_MISSING);
  assert_issue (report, 10, 14, JY_IMPORT_ISSUE_SEX_FROM_ID);
  assert_issue (report, 11, 15, JY_IMPORT_ISSUE_BIRTH_DATE_FROM_ID);

  for (guint i = 0; i < report->issues->len; i++)
    {
      const JyImportIssue *issue = &g_array_index (report->issues, JyImportIssue, i);
      gboolean note = issue->kind == JY_IMPORT_ISSUE_COLUMN_IGNORED ||
                      issue->kind == JY_IMPORT_ISSUE_ID_LEGACY_CONVERTED ||
                      issue->kind == JY_IMPORT_ISSUE_SEX_FROM_ID ||
                      issue->kind == JY_IMPORT_ISSUE_BIRTH_DATE_FROM_ID;

      g_assert_cmpint (jy_import_issue_is_rejection (issue), ==, !note);
    }

  /* The good rows are there, each like a resident registered by hand. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident"), ==, 7);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'resident' AND op = 'create'"), ==, 7);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE entity = 'resident' AND action = 'create'"), ==, 7);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox o JOIN resident r ON r.uuid = o.row_uuid"), ==, 7);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM search_doc"), ==, 7);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE action = 'import' AND "
                              "json_extract (detail, '$.imported') = 6 AND "
                              "json_extract (detail, '$.rejected') = 8"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE name IN "
                              "('李大明', '张三', '赵四', '钱五', '王晓燕', '周七')"), ==, 0);

  /* Phone normalised; archive numbers counted on per community, in file order. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE name = '王小燕' AND "
                              "phone = '13800138000' AND address_detail = '滨海路1号' AND "
                              "archive_no = '35990200100100001'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE name = '冯十' AND "
                              "archive_no = '35990200100100002'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE name = '褚十二' AND "
                              "archive_no = '35990200200300004' AND birth_date = '1992-02-02' AND "
                              "phone = '0592-5551234' AND sex = '2'"), ==, 1);

  /* The 15-digit number converted, the original kept, sex and birth from it. */
  legacy_upgraded = make_id ("35990219580808013");
  text = jy_test_query_text (fx->path, "SELECT id_number || ' ' || id_number_original || ' ' || "
                                       "birth_date || ' ' || sex FROM resident WHERE name = '吴八'");
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, legacy_upgraded));
  g_assert_cmpstr (text + strlen (legacy_upgraded), ==, " 359902580808013 1958-08-08 1");

  /* The ID number wins over the file's sex and birth date. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE name = '冯十' AND sex = '1'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE name = '陈十一' AND "
                              "birth_date = '2000-01-01'"), ==, 1);

  /* A quoted line break and a community given by code. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE name = '郑九' AND "
                              "address_detail = '莲花路2号' || char (10) || '3栋' AND "
                              "area_code = '359902002003' AND birth_date = '1950-09-09'"), ==, 1);
}

static void
test_messages_are_plain_sentences (Fixture       *fx,
                                   gconstpointer  user_data)
{
  JyImportIssue issue = { 7, JY_IMPORT_ISSUE_ID_DUPLICATE_IN_FILE, 2, NULL };
  g_autofree char *in_file = jy_import_issue_dup_message (&issue);
  g_autofree char *column = NULL;

  g_assert_cmpstr (in_file, ==, "The same ID number was already imported from line 2");

  issue.kind = JY_IMPORT_ISSUE_COLUMN_IGNORED;
  issue.column = (char *)"备注";
  column = jy_import_issue_dup_message (&issue);
  g_assert_cmpstr (column, ==, "The column “备注” is not one Jiayi imports and was skipped");
  issue.column = NULL;

  for (int kind = 0; kind <= JY_IMPORT_ISSUE_COLUMN_IGNORED; kind++)
    {
      g_autofree char *message = NULL;

      issue.kind = kind;
      message = jy_import_issue_dup_message (&issue);
      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 10);
    }

  for (JyCsvColumn c = JY_CSV_COLUMN_NONE; c < JY_CSV_N_COLUMNS; c++)
    g_assert_nonnull (jy_import_column_get_label (c));
  g_assert_cmpstr (jy_import_column_get_label (JY_CSV_COLUMN_BIRTH_DATE), ==, "Birth date");
}

static void
test_gb18030_file_imports (Fixture       *fx,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyImportReport) report = NULL;
  g_autofree char *id = make_id ("35990219750505062");
  g_autofree char *utf8 = g_strdup_printf ("姓名,身份证号,社区,民族,常住类型\r\n"
                                           "欧阳锋,%s,莲花社区,畲族,非户籍\r\n", id);
  g_autofree char *gb = NULL;
  gsize gb_length = 0;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_assert_no_error (error);

  report = import_full (fx, gb, gb_length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->encoding, ==, JY_CSV_ENCODING_GB18030);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_cmpuint (report->issues->len, ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE name = '欧阳锋' AND "
                              "sex = '2' AND birth_date = '1975-05-05' AND ethnicity = '22' AND "
                              "residence_type = '2' AND area_code = '359902002003'"), ==, 1);
}

static void
test_mapping_from_the_user (Fixture       *fx,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyImportReport) report = NULL;
  g_autoptr(JyImportMapping) mapping = jy_import_mapping_new (4);
  static const char csv[] =
    "A,B,C,D\n"
    "王小燕,F,1990-03-07,whatever\n";

  mapping->columns[0] = JY_CSV_COLUMN_NAME;
  mapping->columns[1] = JY_CSV_COLUMN_SEX;
  mapping->columns[2] = JY_CSV_COLUMN_BIRTH_DATE;
  mapping->columns[3] = JY_CSV_COLUMN_NONE;

  report = import_full (fx, csv, strlen (csv), mapping, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);
  /* The user chose to skip D: nothing to report. */
  g_assert_cmpuint (report->issues->len, ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE sex = '2' AND id_number IS NULL"), ==, 1);
}

static void
test_unrecognised_codes_are_notes_and_a_stray_quote_rejects (Fixture       *fx,
                                                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyImportReport) report = NULL;
  static const char csv[] =
    "姓名,性别,出生日期,常住类型,民族,联系人电话\n"
    "甲,男,1990-01-01,常住,少数民族,\n"
    "乙,男,1990-01-02,户籍,回族,139001390001\n"
    "丙,男,1990-01-03,非户籍,\"满族,\n"
    "丁,男,1990-01-04,,,\n";

  report = import (fx, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rows, ==, 3);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_cmpuint (report->issues->len, ==, 4);
  /* Imported, with what could not be read left empty. */
  assert_issue (report, 0, 2, JY_IMPORT_ISSUE_RESIDENCE_TYPE_IGNORED);
  assert_issue (report, 1, 2, JY_IMPORT_ISSUE_ETHNICITY_IGNORED);
  assert_issue (report, 2, 3, JY_IMPORT_ISSUE_CONTACT_PHONE_INVALID);
  /* The quote swallows the last row: that record is not trusted. */
  assert_issue (report, 3, 4, JY_IMPORT_ISSUE_UNTERMINATED_QUOTE);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE name = '甲' AND "
                              "residence_type IS NULL AND ethnicity IS NULL"), ==, 1);
}

static void
test_unreadable_files_import_nothing (Fixture       *fx,
                                      gconstpointer  user_data)
{
  static const struct
  {
    const char *csv;
    gsize       length;
    int         code;
  } cases[] = {
    { "", 0, JY_CSV_ERROR_EMPTY },
    { "\n\n,,\n", 5, JY_CSV_ERROR_EMPTY },
    { "foo,bar\n1,2\n", 12, JY_CSV_ERROR_NO_HEADER },
    { "性别,出生日期\n男,1990-01-01\n", 0, JY_CSV_ERROR_NO_NAME_COLUMN },
    { "PK\x03\x04\x00\x00", 6, JY_CSV_ERROR_NOT_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = cases[i].length > 0 || cases[i].csv[0] == '\0' ? cases[i].length
                                                                      : strlen (cases[i].csv);

      g_assert_null (import_full (fx, cases[i].csv, length, NULL, &error));
      g_assert_error (error, JY_CSV_ERROR, cases[i].code);
    }

  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident"), ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 0);
}

static void
test_refused_without_a_centre (Fixture       *fx,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  open_centre (fx, "unnamed.db", FALSE);
  g_assert_null (import (fx, "姓名,性别,出生日期\n王小燕,女,1990-03-07\n", &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident"), ==, 0);
}

static void
test_archive_numbers_from_the_file (Fixture       *fx,
                                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyImportReport) report = NULL;
  static const char csv[] =
    "档案编号,姓名,性别,出生日期,社区\n"
    ",甲,男,1990-01-01,海韵社区\n"
    "35990200100100005,乙,男,1990-01-02,海韵社区\n"
    ",丙,男,1990-01-03,海韵社区\n"
    "35990200100100005,丁,男,1990-01-04,海韵社区\n"
    ",戊,男,1990-01-05,新村社区\n";

  report = import (fx, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 3);
  g_assert_cmpuint (report->issues->len, ==, 2);
  assert_issue (report, 0, 5, JY_IMPORT_ISSUE_ARCHIVE_NO_DUPLICATE);
  /* 新村社区 is the name of two communities: the code says which. */
  assert_issue (report, 1, 6, JY_IMPORT_ISSUE_COMMUNITY_AMBIGUOUS);

  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE "
                              "(name = '甲' AND archive_no = '35990200100100001') OR "
                              "(name = '乙' AND archive_no = '35990200100100005') OR "
                              "(name = '丙' AND archive_no = '35990200100100006')"), ==, 3);
}

static void
test_preview_shows_header_mapping_and_first_rows (Fixture       *fx,
                                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyImportPreview) preview = NULL;
  g_autofree char *csv = make_mixed_file ();

  preview = jy_resident_import_preview (csv, strlen (csv), 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->encoding, ==, JY_CSV_ENCODING_UTF8);
  g_assert_cmpuint (preview->header_line, ==, 1);
  g_assert_cmpuint (g_strv_length (preview->headers), ==, 8);
  g_assert_cmpstr (preview->headers[5], ==, "社区");
  g_assert_cmpuint (preview->mapping->n_columns, ==, 8);
  g_assert_cmpint (preview->mapping->columns[0], ==, JY_CSV_COLUMN_NAME);
  g_assert_cmpint (preview->mapping->columns[4], ==, JY_CSV_COLUMN_PHONE);
  g_assert_cmpint (preview->mapping->columns[7], ==, JY_CSV_COLUMN_NONE);
  g_assert_cmpuint (preview->n_rows, ==, 14);
  g_assert_cmpuint (preview->rows->len, ==, 3);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (preview->rows, 2)), ==, 8);
  g_assert_cmpstr (((char **)g_ptr_array_index (preview->rows, 2))[2], ==, "1990-02-30");
  g_assert_cmpuint (g_array_index (preview->row_lines, guint, 2), ==, 4);

  /* Nothing written. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident"), ==, 0);

  /* Titles nobody knows are no error: the user maps them by hand. */
  g_clear_pointer (&preview, jy_import_preview_free);
  preview = jy_resident_import_preview ("A,B\n1,2\n", 8, 10, &error);
  g_assert_no_error (error);
  g_assert_false (jy_import_mapping_has_column (preview->mapping, JY_CSV_COLUMN_NAME));
}

/* Export ----------------------------------------------------------------- */

typedef struct
{
  JyResidentFilter       filter;
  JyResidentExportFlags  flags;
  GOutputStream         *out;
  guint                  n;
} ExportJob;

static gpointer
export_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ExportJob *job = data;

  return jy_resident_export_csv (db, &job->filter, job->flags, job->out, &job->n, cancellable, error)
           ? JY_STORE_DONE : NULL;
}

static char *
export (Fixture                *fx,
        JyResidentExportFlags   flags,
        guint                  *out_n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  ExportJob job = { { 0 }, flags, out, 0 };

  g_assert_true (jy_store_write (fx->store, export_func, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  *out_n = job.n;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
import_mixed_file (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyImportReport) report = NULL;
  g_autofree char *csv = make_mixed_file ();

  report = import (fx, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 7);
}

static void
test_export_bom_chinese_titles_masked_ids (Fixture       *fx,
                                           gconstpointer  user_data)
{
  g_autofree char *good = make_id ("35990219900307002");
  g_autofree char *csv = NULL;
  g_autofree char *masked = g_strdup_printf ("3599**********%s,", good + 14);
  guint n = 0;

  import_mixed_file (fx);
  csv = export (fx, JY_RESIDENT_EXPORT_DEFAULT, &n);
  g_assert_cmpuint (n, ==, 7);

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"
                                        "档案编号,姓名,性别,出生日期,身份证号,本人电话,联系人,联系人电话,"
                                        "社区,现住址,户籍地址,常住类型,民族\r\n"
                                        /* Digits get a tab so a spreadsheet keeps them text. */
                                        "35990200100100001\t,王小燕,女,1990-03-07,"));
  g_assert_nonnull (strstr (csv, masked));
  g_assert_null (strstr (csv, good));
  g_assert_nonnull (strstr (csv, ",海韵社区,滨海路1号,"));
  g_assert_nonnull (strstr (csv, ",\"莲花路2号\n3栋\","));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE action = 'export' AND "
                              "json_extract (detail, '$.residents') = 7 AND "
                              "json_extract (detail, '$.full_id_number') = 0"), ==, 1);
}

static void
test_export_full_ids_round_trip (Fixture       *fx,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyImportReport) report = NULL;
  g_autofree char *good = make_id ("35990219900307002");
  g_autofree char *csv = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const char snapshot_sql[] =
    "SELECT group_concat (row, '|') FROM (SELECT archive_no || name || sex || birth_date ||\n"
    "  ifnull (id_number, '-') || ifnull (phone, '-') || ifnull (area_code, '-') ||\n"
    "  ifnull (address_detail, '-') AS row FROM resident ORDER BY archive_no)";
  guint n = 0;

  import_mixed_file (fx);
  csv = export (fx, JY_RESIDENT_EXPORT_FULL_ID_NUMBER, &n);
  g_assert_nonnull (strstr (csv, good));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE action = 'export' AND "
                              "json_extract (detail, '$.full_id_number') = 1"), ==, 1);
  before = jy_test_query_text (fx->path, snapshot_sql);

  /* Into a second centre with the same communities: the same residents. */
  open_centre (fx, "second.db", TRUE);
  report = import (fx, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 7);
  g_assert_cmpuint (report->issues->len, ==, 0);
  after = jy_test_query_text (fx->path, snapshot_sql);
  g_assert_cmpstr (after, ==, before);
}

static void
test_export_guards_formulas (Fixture       *fx,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyImportReport) report = NULL;
  g_autofree char *csv = NULL;
  guint n = 0;

  report = import (fx, "姓名,性别,出生日期,现住址\n王小燕,女,1990-03-07,\"=HYPERLINK(1)\"\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);

  csv = export (fx, JY_RESIDENT_EXPORT_DEFAULT, &n);
  g_assert_nonnull (strstr (csv, ",'=HYPERLINK(1),"));

  /* Read back, the apostrophe comes off again. */
  open_centre (fx, "second.db", TRUE);
  g_clear_pointer (&report, jy_import_report_free);
  report = import (fx, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE address_detail = '=HYPERLINK(1)'"), ==, 1);
}

static gpointer
read_export_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return export_func (db, data, cancellable, error);
}

static void
test_export_is_audited_so_needs_a_writer (Fixture       *fx,
                                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  ExportJob job = { { 0 }, JY_RESIDENT_EXPORT_DEFAULT, out, 0 };

  import_mixed_file (fx);
  g_assert_null (jy_store_read (fx->store, read_export_func, &job, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_PERMISSION);
  /* Not a byte of the file before the audit entry. */
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);
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

  ADD ("/store/import/mixed-file-reports-each-bad-row-and-imports-the-rest",
       test_mixed_file_reports_each_bad_row_and_imports_the_rest);
  ADD ("/store/import/messages-are-plain-sentences", test_messages_are_plain_sentences);
  ADD ("/store/import/gb18030-file-imports", test_gb18030_file_imports);
  ADD ("/store/import/mapping-from-the-user", test_mapping_from_the_user);
  ADD ("/store/import/unrecognised-codes-are-notes-and-a-stray-quote-rejects",
       test_unrecognised_codes_are_notes_and_a_stray_quote_rejects);
  ADD ("/store/import/unreadable-files-import-nothing", test_unreadable_files_import_nothing);
  ADD ("/store/import/refused-without-a-centre", test_refused_without_a_centre);
  ADD ("/store/import/archive-numbers-from-the-file", test_archive_numbers_from_the_file);
  ADD ("/store/import/preview-shows-header-mapping-and-first-rows",
       test_preview_shows_header_mapping_and_first_rows);
  ADD ("/store/export/bom-chinese-titles-masked-ids", test_export_bom_chinese_titles_masked_ids);
  ADD ("/store/export/full-ids-round-trip", test_export_full_ids_round_trip);
  ADD ("/store/export/guards-formulas", test_export_guards_formulas);
  ADD ("/store/export/is-audited-so-needs-a-writer", test_export_is_audited_so_needs_a_writer);

#undef ADD

  return g_test_run ();
}
