/* test-csv.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-csv.h"
#include "test-util.h"

/* Reads every record of @text into an array of GStrv, and their lines. */
static GPtrArray *
read_all (const char  *text,
          gsize        length,
          GArray     **out_lines)
{
  g_autoptr(JyCsvReader) reader = jy_csv_reader_new (text, length);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  *out_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  while (jy_csv_reader_next (reader))
    {
      guint n = jy_csv_reader_get_n_fields (reader);
      GStrv fields = g_new0 (char *, n + 1);
      guint line = jy_csv_reader_get_line (reader);

      for (guint i = 0; i < n; i++)
        fields[i] = g_strdup (jy_csv_reader_get_field (reader, i));
      g_ptr_array_add (records, fields);
      g_array_append_val (*out_lines, line);
    }
  return records;
}

static void
assert_record (GPtrArray          *records,
               guint               index,
               const char *const  *expected)
{
  g_assert_cmpuint (index, <, records->len);
  g_assert_cmpstrv (g_ptr_array_index (records, index), expected);
}

static void
test_reader_quoted_fields_and_doubled_quotes (void)
{
  static const char text[] =
    "a,\"b,c\",\"say \"\"hi\"\"\",\"\"\n"
    "\"\"\"\",plain \"quote\" inside,\"x\"tail\n";
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) records = read_all (text, strlen (text), &lines);

  g_assert_cmpuint (records->len, ==, 2);
  assert_record (records, 0, (const char *const[]) { "a", "b,c", "say \"hi\"", "", NULL });
  /* Spreadsheet leniency: a quote inside an unquoted field is text, and
   * text after a closing quote is kept. */
  assert_record (records, 1, (const char *const[]) { "\"", "plain \"quote\" inside", "xtail", NULL });
}

static void
test_reader_embedded_newline_keeps_line_numbers (void)
{
  static const char text[] =
    "name,address\n"
    "王小燕,\"滨海路1号\n3栋\r\n201室\"\n"
    "李四,莲花路2号\n";
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) records = read_all (text, strlen (text), &lines);

  g_assert_cmpuint (records->len, ==, 3);
  /* Line breaks inside a field become LF, whatever the file used. */
  assert_record (records, 1, (const char *const[]) { "王小燕", "滨海路1号\n3栋\n201室", NULL });
  g_assert_cmpuint (g_array_index (lines, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 2);
  /* The record after a three-line field starts on line 5. */
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 5);
  assert_record (records, 2, (const char *const[]) { "李四", "莲花路2号", NULL });
}

static void
test_reader_crlf_lf_and_cr (void)
{
  static const char text[] = "a,b\r\nc,d\ne,f\rg,h";
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) records = read_all (text, strlen (text), &lines);

  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, (const char *const[]) { "a", "b", NULL });
  assert_record (records, 1, (const char *const[]) { "c", "d", NULL });
  assert_record (records, 2, (const char *const[]) { "e", "f", NULL });
  /* No line break after the last record. */
  assert_record (records, 3, (const char *const[]) { "g", "h", NULL });
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (g_array_index (lines, guint, i), ==, i + 1);
}

static void
test_reader_empty_lines_short_rows_and_blank_records (void)
{
  static const char text[] = "a,b,c\n\n\r\nd\n,,\ne,\n";
  g_autoptr(JyCsvReader) reader = jy_csv_reader_new (text, strlen (text));

  g_assert_true (jy_csv_reader_next (reader));
  g_assert_cmpuint (jy_csv_reader_get_n_fields (reader), ==, 3);

  /* Empty lines are skipped, but counted. */
  g_assert_true (jy_csv_reader_next (reader));
  g_assert_cmpuint (jy_csv_reader_get_line (reader), ==, 4);
  g_assert_cmpuint (jy_csv_reader_get_n_fields (reader), ==, 1);
  g_assert_cmpstr (jy_csv_reader_get_field (reader, 0), ==, "d");
  /* A short row: the missing fields read as empty. */
  g_assert_cmpstr (jy_csv_reader_get_field (reader, 2), ==, "");
  g_assert_false (jy_csv_reader_is_blank (reader));

  g_assert_true (jy_csv_reader_next (reader));
  g_assert_cmpuint (jy_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_true (jy_csv_reader_is_blank (reader));

  g_assert_true (jy_csv_reader_next (reader));
  g_assert_cmpuint (jy_csv_reader_get_n_fields (reader), ==, 2);
  g_assert_cmpstr (jy_csv_reader_get_field (reader, 1), ==, "");

  g_assert_false (jy_csv_reader_next (reader));
  g_assert_cmpuint (jy_csv_reader_get_offset (reader), ==, strlen (text));
}

static void
test_reader_unterminated_quote_is_flagged (void)
{
  static const char text[] = "a,b\n\"open,c\nd,e\n";
  g_autoptr(JyCsvReader) reader = jy_csv_reader_new (text, strlen (text));

  g_assert_true (jy_csv_reader_next (reader));
  g_assert_false (jy_csv_reader_is_unterminated (reader));
  g_assert_true (jy_csv_reader_next (reader));
  g_assert_cmpuint (jy_csv_reader_get_line (reader), ==, 2);
  g_assert_true (jy_csv_reader_is_unterminated (reader));
  g_assert_cmpstr (jy_csv_reader_get_field (reader, 0), ==, "open,c\nd,e\n");
  g_assert_false (jy_csv_reader_next (reader));
}

static void
test_decode_utf8_with_and_without_bom (void)
{
  static const char plain[] = "姓名,性别\n王小燕,女\n";
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", plain, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  JyCsvEncoding encoding = JY_CSV_ENCODING_GB18030;
  gsize length = 0;

  a = jy_csv_decode (plain, strlen (plain), &encoding, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, JY_CSV_ENCODING_UTF8);
  g_assert_cmpstr (a, ==, plain);
  g_assert_cmpuint (length, ==, strlen (plain));

  encoding = JY_CSV_ENCODING_GB18030;
  b = jy_csv_decode (with_bom, strlen (with_bom), &encoding, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, JY_CSV_ENCODING_UTF8);
  /* The BOM is dropped. */
  g_assert_cmpstr (b, ==, plain);

  /* The reader drops one too, so a header starts with its title. */
  {
    g_autoptr(JyCsvReader) reader = jy_csv_reader_new (with_bom, strlen (with_bom));

    g_assert_true (jy_csv_reader_next (reader));
    g_assert_cmpstr (jy_csv_reader_get_field (reader, 0), ==, "姓名");
    g_assert_cmpint (jy_csv_match_header (jy_csv_reader_get_field (reader, 0)), ==,
                     JY_CSV_COLUMN_NAME);
  }
}

static void
test_decode_gb18030_file (void)
{
  /* What Excel on a Chinese Windows saves as "CSV": GB18030 bytes. */
  static const char utf8[] = "姓名,性别,现住址\r\n王小燕,女,\"鹭湾市海滨区滨海街道\n1号\"\r\n欧阳锋,男,𠀀村\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *gb = NULL;
  g_autofree char *decoded = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) records = NULL;
  JyCsvEncoding encoding = JY_CSV_ENCODING_UTF8;
  gsize gb_length = 0;
  gsize length = 0;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_assert_no_error (error);
  /* Make sure the test really feeds bytes that are not UTF-8. */
  g_assert_false (g_utf8_validate_len (gb, gb_length, NULL));

  decoded = jy_csv_decode (gb, gb_length, &encoding, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, JY_CSV_ENCODING_GB18030);
  g_assert_cmpstr (decoded, ==, utf8);
  g_assert_cmpstr (jy_csv_encoding_to_string (encoding), ==, "GB18030");

  records = read_all (decoded, length, &lines);
  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 1, (const char *const[]) { "王小燕", "女", "鹭湾市海滨区滨海街道\n1号", NULL });
  /* A character outside the BMP survives the four-byte GB18030 form. */
  assert_record (records, 2, (const char *const[]) { "欧阳锋", "男", "𠀀村", NULL });
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 4);
}

static void
test_decode_refuses_binary_and_other_encodings (void)
{
  static const char zip[] = "PK\x03\x04\x14\x00\x06\x00";
  static const char utf16[] = "\xFF\xFE\x59\x59";
  static const char not_gb[] = "name\n\xFF\xFF\n";
  static const char bad_after_bom[] = "\xEF\xBB\xBFname\n\xC3\n";
  g_autoptr(GError) error = NULL;

  g_assert_null (jy_csv_decode (zip, sizeof zip - 1, NULL, NULL, &error));
  g_assert_error (error, JY_CSV_ERROR, JY_CSV_ERROR_NOT_TEXT);
  g_clear_error (&error);

  g_assert_null (jy_csv_decode (utf16, sizeof utf16 - 1, NULL, NULL, &error));
  g_assert_error (error, JY_CSV_ERROR, JY_CSV_ERROR_ENCODING);
  g_clear_error (&error);

  g_assert_null (jy_csv_decode (not_gb, sizeof not_gb - 1, NULL, NULL, &error));
  g_assert_error (error, JY_CSV_ERROR, JY_CSV_ERROR_ENCODING);
  g_clear_error (&error);

  /* A UTF-8 mark on broken UTF-8 is not guessed as GB18030. */
  g_assert_null (jy_csv_decode (bad_after_bom, sizeof bad_after_bom - 1, NULL, NULL, &error));
  g_assert_error (error, JY_CSV_ERROR, JY_CSV_ERROR_ENCODING);
}

static void
test_writer_quotes_only_when_needed (void)
{
  static const char *const fields[] = {
    "plain", "a,b", "say \"hi\"", "two\nlines", "", NULL, "王小燕", "cr\rhere",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) records = NULL;

  jy_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  jy_csv_append_row (out, fields, 1);
  g_assert_cmpstr (out->str, ==,
                   "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,,王小燕,\"cr\rhere\"\r\n"
                   "plain\r\n");

  /* And the reader reads back what the writer wrote. */
  records = read_all (out->str, out->len, &lines);
  g_assert_cmpuint (records->len, ==, 2);
  assert_record (records, 0, (const char *const[]) {
    "plain", "a,b", "say \"hi\"", "two\nlines", "", "", "王小燕", "cr\nhere", NULL });
  /* The first record spans three lines. */
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 4);
}

static void
test_header_chinese_and_english_synonyms (void)
{
  static const struct
  {
    const char  *header;
    JyCsvColumn  column;
  } cases[] = {
    { "姓名", JY_CSV_COLUMN_NAME }, { "name", JY_CSV_COLUMN_NAME },
    { "性别", JY_CSV_COLUMN_SEX }, { "sex", JY_CSV_COLUMN_SEX }, { "gender", JY_CSV_COLUMN_SEX },
    { "出生日期", JY_CSV_COLUMN_BIRTH_DATE }, { "birth_date", JY_CSV_COLUMN_BIRTH_DATE },
    { "birthdate", JY_CSV_COLUMN_BIRTH_DATE }, { "DOB", JY_CSV_COLUMN_BIRTH_DATE },
    { "身份证号", JY_CSV_COLUMN_ID_NUMBER }, { "身份证号码", JY_CSV_COLUMN_ID_NUMBER },
    { "公民身份号码", JY_CSV_COLUMN_ID_NUMBER }, { "id_number", JY_CSV_COLUMN_ID_NUMBER },
    { "id_card", JY_CSV_COLUMN_ID_NUMBER },
    { "联系电话", JY_CSV_COLUMN_PHONE }, { "本人电话", JY_CSV_COLUMN_PHONE },
    { "电话", JY_CSV_COLUMN_PHONE }, { "手机", JY_CSV_COLUMN_PHONE },
    { "phone", JY_CSV_COLUMN_PHONE }, { "mobile", JY_CSV_COLUMN_PHONE },
    { "联系人", JY_CSV_COLUMN_CONTACT_NAME }, { "contact_name", JY_CSV_COLUMN_CONTACT_NAME },
    { "联系人电话", JY_CSV_COLUMN_CONTACT_PHONE }, { "contact_phone", JY_CSV_COLUMN_CONTACT_PHONE },
    { "现住址", JY_CSV_COLUMN_ADDRESS }, { "住址", JY_CSV_COLUMN_ADDRESS },
    { "address", JY_CSV_COLUMN_ADDRESS },
    { "社区", JY_CSV_COLUMN_COMMUNITY }, { "居委会", JY_CSV_COLUMN_COMMUNITY },
    { "村", JY_CSV_COLUMN_COMMUNITY }, { "community", JY_CSV_COLUMN_COMMUNITY },
    { "户籍地址", JY_CSV_COLUMN_REGISTERED_ADDRESS },
    { "registered_address", JY_CSV_COLUMN_REGISTERED_ADDRESS },
    { "常住类型", JY_CSV_COLUMN_RESIDENCE_TYPE }, { "residence_type", JY_CSV_COLUMN_RESIDENCE_TYPE },
    { "民族", JY_CSV_COLUMN_ETHNICITY }, { "ethnicity", JY_CSV_COLUMN_ETHNICITY },
    { "档案编号", JY_CSV_COLUMN_ARCHIVE_NO }, { "健康档案编号", JY_CSV_COLUMN_ARCHIVE_NO },
    { "archive_no", JY_CSV_COLUMN_ARCHIVE_NO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("header %s", cases[i].header);
      g_assert_cmpint (jy_csv_match_header (cases[i].header), ==, cases[i].column);
    }
}

static void
test_header_tolerates_spaces_case_and_fullwidth_brackets (void)
{
  g_assert_cmpint (jy_csv_match_header (" 姓 名 "), ==, JY_CSV_COLUMN_NAME);
  g_assert_cmpint (jy_csv_match_header ("Birth Date"), ==, JY_CSV_COLUMN_BIRTH_DATE);
  g_assert_cmpint (jy_csv_match_header ("ID_Number"), ==, JY_CSV_COLUMN_ID_NUMBER);
  g_assert_cmpint (jy_csv_match_header ("出生日期（YYYY-MM-DD）"), ==, JY_CSV_COLUMN_BIRTH_DATE);
  g_assert_cmpint (jy_csv_match_header ("性别(男/女)"), ==, JY_CSV_COLUMN_SEX);
  g_assert_cmpint (jy_csv_match_header ("*姓名"), ==, JY_CSV_COLUMN_NAME);
  g_assert_cmpint (jy_csv_match_header ("ＰＨＯＮＥ"), ==, JY_CSV_COLUMN_PHONE);
  g_assert_cmpint (jy_csv_match_header ("联系电话【手机】"), ==, JY_CSV_COLUMN_PHONE);
  g_assert_cmpint (jy_csv_match_header ("备注"), ==, JY_CSV_COLUMN_NONE);
  g_assert_cmpint (jy_csv_match_header (""), ==, JY_CSV_COLUMN_NONE);
  g_assert_cmpint (jy_csv_match_header ("name2"), ==, JY_CSV_COLUMN_NONE);
}

static void
test_header_export_titles_read_back (void)
{
  for (JyCsvColumn c = JY_CSV_COLUMN_NONE + 1; c < JY_CSV_N_COLUMNS; c++)
    {
      const char *title = jy_csv_column_get_header (c);

      g_assert_nonnull (title);
      g_assert_cmpint (jy_csv_match_header (title), ==, c);
    }
  g_assert_null (jy_csv_column_get_header (JY_CSV_COLUMN_NONE));
  g_assert_cmpstr (jy_csv_column_get_header (JY_CSV_COLUMN_NAME), ==, "姓名");
}

static void
test_value_sex (void)
{
  static const struct
  {
    const char *value;
    const char *code;
  } cases[] = {
    { "男", "1" }, { "女", "2" }, { "1", "1" }, { "2", "2" }, { "M", "1" }, { "f", "2" },
    { "Male", "1" }, { "FEMALE", "2" }, { "未知", "0" }, { "未说明", "9" }, { " 女 ", "2" },
    { "男性", "1" }, { "x", NULL }, { "3", NULL }, { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (jy_csv_parse_sex (cases[i].value), ==, cases[i].code);

  g_assert_cmpstr (jy_csv_format_sex ("1"), ==, "男");
  g_assert_cmpstr (jy_csv_format_sex ("2"), ==, "女");
  g_assert_cmpstr (jy_csv_format_sex ("0"), ==, "未知");
  g_assert_cmpstr (jy_csv_format_sex ("9"), ==, "未说明");
}

static void
test_value_date_layouts (void)
{
  static const struct
  {
    const char *value;
    const char *iso;
  } cases[] = {
    { "1990-03-07", "1990-03-07" },
    { "1990/03/07", "1990-03-07" },
    { "1990/3/7", "1990-03-07" },
    { "1990.3.7", "1990-03-07" },
    { "19900307", "1990-03-07" },
    { "1990年3月7日", "1990-03-07" },
    { "1990年03月07", "1990-03-07" },
    { "１９９０－０３－０７", "1990-03-07" },
    { "1990/3/7 0:00", "1990-03-07" },
    { "1990-03-07T00:00:00", "1990-03-07" },
    /* Only the layout is read: core says the date does not exist. */
    { "1990-02-30", "1990-02-30" },
    { "1990-13-01", "1990-13-01" },
    { "1990-3/7", NULL },
    { "90-03-07", NULL },
    { "March 7", NULL },
    { "1990-03-07x", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char out[11] = "";
      gboolean parsed = jy_csv_parse_date (cases[i].value, out);

      g_test_message ("date %s", cases[i].value);
      g_assert_cmpint (parsed, ==, cases[i].iso != NULL);
      if (parsed)
        g_assert_cmpstr (out, ==, cases[i].iso);
    }
}

static void
test_value_residence_type_and_ethnicity (void)
{
  g_assert_cmpstr (jy_csv_parse_residence_type ("户籍"), ==, "1");
  g_assert_cmpstr (jy_csv_parse_residence_type ("非户籍"), ==, "2");
  g_assert_cmpstr (jy_csv_parse_residence_type ("1"), ==, "1");
  g_assert_cmpstr (jy_csv_parse_residence_type ("2"), ==, "2");
  g_assert_null (jy_csv_parse_residence_type ("常住"));
  g_assert_cmpstr (jy_csv_format_residence_type ("2"), ==, "非户籍");

  g_assert_cmpstr (jy_csv_parse_ethnicity ("汉族"), ==, "01");
  g_assert_cmpstr (jy_csv_parse_ethnicity ("汉"), ==, "01");
  g_assert_cmpstr (jy_csv_parse_ethnicity ("01"), ==, "01");
  g_assert_cmpstr (jy_csv_parse_ethnicity ("1"), ==, "01");
  g_assert_cmpstr (jy_csv_parse_ethnicity ("畲族"), ==, "22");
  g_assert_cmpstr (jy_csv_parse_ethnicity ("土族"), ==, "30");
  g_assert_cmpstr (jy_csv_parse_ethnicity ("土家族"), ==, "15");
  g_assert_cmpstr (jy_csv_parse_ethnicity ("基诺族"), ==, "56");
  g_assert_cmpstr (jy_csv_parse_ethnicity ("56"), ==, "56");
  g_assert_cmpstr (jy_csv_parse_ethnicity ("97"), ==, "97");
  g_assert_null (jy_csv_parse_ethnicity ("57"));
  g_assert_null (jy_csv_parse_ethnicity ("少数民族"));
  g_assert_null (jy_csv_parse_ethnicity ("001"));
  g_assert_cmpstr (jy_csv_format_ethnicity ("22"), ==, "畲族");
  g_assert_cmpstr (jy_csv_format_ethnicity ("01"), ==, "汉族");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

  g_test_add_func ("/core/csv/reader/quoted-fields-and-doubled-quotes",
                   test_reader_quoted_fields_and_doubled_quotes);
  g_test_add_func ("/core/csv/reader/embedded-newline-keeps-line-numbers",
                   test_reader_embedded_newline_keeps_line_numbers);
  g_test_add_func ("/core/csv/reader/crlf-lf-and-cr", test_reader_crlf_lf_and_cr);
  g_test_add_func ("/core/csv/reader/empty-lines-short-rows-and-blank-records",
                   test_reader_empty_lines_short_rows_and_blank_records);
  g_test_add_func ("/core/csv/reader/unterminated-quote-is-flagged",
                   test_reader_unterminated_quote_is_flagged);
  g_test_add_func ("/core/csv/decode/utf8-with-and-without-bom", test_decode_utf8_with_and_without_bom);
  g_test_add_func ("/core/csv/decode/gb18030-file", test_decode_gb18030_file);
  g_test_add_func ("/core/csv/decode/refuses-binary-and-other-encodings",
                   test_decode_refuses_binary_and_other_encodings);
  g_test_add_func ("/core/csv/writer/quotes-only-when-needed", test_writer_quotes_only_when_needed);
  g_test_add_func ("/core/csv/header/chinese-and-english-synonyms",
                   test_header_chinese_and_english_synonyms);
  g_test_add_func ("/core/csv/header/tolerates-spaces-case-and-fullwidth-brackets",
                   test_header_tolerates_spaces_case_and_fullwidth_brackets);
  g_test_add_func ("/core/csv/header/export-titles-read-back", test_header_export_titles_read_back);
  g_test_add_func ("/core/csv/value/sex", test_value_sex);
  g_test_add_func ("/core/csv/value/date-layouts", test_value_date_layouts);
  g_test_add_func ("/core/csv/value/residence-type-and-ethnicity", test_value_residence_type_and_ethnicity);

  return g_test_run ();
}
