/* jy-csv-columns.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-csv.h"

#include <string.h>

/* The registry's columns as CSV files title them, and their values as
 * registries write them (declared in jy-csv.h). */

/* Registry columns ------------------------------------------------------- */

/* Headers as registries, spreadsheets and people write them, folded by
 * fold_label(). The first entry of each column is what export writes. */
static const struct
{
  const char  *folded;
  JyCsvColumn  column;
} header_names[] = {
  { "档案编号", JY_CSV_COLUMN_ARCHIVE_NO },
  { "健康档案编号", JY_CSV_COLUMN_ARCHIVE_NO },
  { "档案号", JY_CSV_COLUMN_ARCHIVE_NO },
  { "居民健康档案编号", JY_CSV_COLUMN_ARCHIVE_NO },
  { "archiveno", JY_CSV_COLUMN_ARCHIVE_NO },
  { "archivenumber", JY_CSV_COLUMN_ARCHIVE_NO },
  { "recordno", JY_CSV_COLUMN_ARCHIVE_NO },

  { "姓名", JY_CSV_COLUMN_NAME },
  { "居民姓名", JY_CSV_COLUMN_NAME },
  { "name", JY_CSV_COLUMN_NAME },
  { "fullname", JY_CSV_COLUMN_NAME },

  { "性别", JY_CSV_COLUMN_SEX },
  { "sex", JY_CSV_COLUMN_SEX },
  { "gender", JY_CSV_COLUMN_SEX },

  { "出生日期", JY_CSV_COLUMN_BIRTH_DATE },
  { "出生年月日", JY_CSV_COLUMN_BIRTH_DATE },
  { "生日", JY_CSV_COLUMN_BIRTH_DATE },
  { "birthdate", JY_CSV_COLUMN_BIRTH_DATE },
  { "dateofbirth", JY_CSV_COLUMN_BIRTH_DATE },
  { "dob", JY_CSV_COLUMN_BIRTH_DATE },

  { "身份证号", JY_CSV_COLUMN_ID_NUMBER },
  { "身份证号码", JY_CSV_COLUMN_ID_NUMBER },
  { "公民身份号码", JY_CSV_COLUMN_ID_NUMBER },
  { "身份证", JY_CSV_COLUMN_ID_NUMBER },
  { "居民身份证号码", JY_CSV_COLUMN_ID_NUMBER },
  { "idnumber", JY_CSV_COLUMN_ID_NUMBER },
  { "idcard", JY_CSV_COLUMN_ID_NUMBER },
  { "idno", JY_CSV_COLUMN_ID_NUMBER },

  { "本人电话", JY_CSV_COLUMN_PHONE },
  { "联系电话", JY_CSV_COLUMN_PHONE },
  { "电话", JY_CSV_COLUMN_PHONE },
  { "电话号码", JY_CSV_COLUMN_PHONE },
  { "手机", JY_CSV_COLUMN_PHONE },
  { "手机号", JY_CSV_COLUMN_PHONE },
  { "手机号码", JY_CSV_COLUMN_PHONE },
  { "phone", JY_CSV_COLUMN_PHONE },
  { "mobile", JY_CSV_COLUMN_PHONE },
  { "tel", JY_CSV_COLUMN_PHONE },
  { "telephone", JY_CSV_COLUMN_PHONE },

  { "联系人", JY_CSV_COLUMN_CONTACT_NAME },
  { "联系人姓名", JY_CSV_COLUMN_CONTACT_NAME },
  { "contactname", JY_CSV_COLUMN_CONTACT_NAME },
  { "contact", JY_CSV_COLUMN_CONTACT_NAME },

  { "联系人电话", JY_CSV_COLUMN_CONTACT_PHONE },
  { "联系人手机", JY_CSV_COLUMN_CONTACT_PHONE },
  { "contactphone", JY_CSV_COLUMN_CONTACT_PHONE },

  { "社区", JY_CSV_COLUMN_COMMUNITY },
  { "居委会", JY_CSV_COLUMN_COMMUNITY },
  { "村", JY_CSV_COLUMN_COMMUNITY },
  { "社区/村", JY_CSV_COLUMN_COMMUNITY },
  { "村/社区", JY_CSV_COLUMN_COMMUNITY },
  { "村/居委会", JY_CSV_COLUMN_COMMUNITY },
  { "居委会/村", JY_CSV_COLUMN_COMMUNITY },
  { "村居", JY_CSV_COLUMN_COMMUNITY },
  { "所属社区", JY_CSV_COLUMN_COMMUNITY },
  { "community", JY_CSV_COLUMN_COMMUNITY },

  { "现住址", JY_CSV_COLUMN_ADDRESS },
  { "住址", JY_CSV_COLUMN_ADDRESS },
  { "家庭住址", JY_CSV_COLUMN_ADDRESS },
  { "居住地址", JY_CSV_COLUMN_ADDRESS },
  { "地址", JY_CSV_COLUMN_ADDRESS },
  { "address", JY_CSV_COLUMN_ADDRESS },

  { "户籍地址", JY_CSV_COLUMN_REGISTERED_ADDRESS },
  { "户籍地", JY_CSV_COLUMN_REGISTERED_ADDRESS },
  { "户口所在地", JY_CSV_COLUMN_REGISTERED_ADDRESS },
  { "registeredaddress", JY_CSV_COLUMN_REGISTERED_ADDRESS },

  { "常住类型", JY_CSV_COLUMN_RESIDENCE_TYPE },
  { "户籍类型", JY_CSV_COLUMN_RESIDENCE_TYPE },
  { "residencetype", JY_CSV_COLUMN_RESIDENCE_TYPE },

  { "民族", JY_CSV_COLUMN_ETHNICITY },
  { "ethnicity", JY_CSV_COLUMN_ETHNICITY },
  { "ethnicgroup", JY_CSV_COLUMN_ETHNICITY },
};

static gboolean
is_open_bracket (gunichar c)
{
  return c == '(' || c == '[' || c == 0x3010 /* 【 */ || c == 0x3014 /* 〔 */;
}

static gboolean
is_close_bracket (gunichar c)
{
  return c == ')' || c == ']' || c == 0x3011 /* 】 */ || c == 0x3015 /* 〕 */;
}

/* NFKC (full-width letters, digits and brackets to ASCII), case-folded,
 * without spaces, `_ - * : .` or anything in brackets: "出生日期（YYYY-MM-DD）",
 * "* 姓名", "Birth_Date" and "ＩＤ ｎｏ." fold to what the table holds. */
static char *
fold_label (const char *label)
{
  g_autofree char *nfkc = g_utf8_normalize (label, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = NULL;
  GString *out;
  int depth = 0;

  if (nfkc == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (nfkc, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_open_bracket (c))
        depth++;
      else if (is_close_bracket (c))
        depth = MAX (depth - 1, 0);
      else if (depth > 0 || g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT ||
               c == '_' || c == '-' || c == '*' || c == ':' || c == '.')
        continue;
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * jy_csv_match_header:
 * @header: a column title from the first record
 *
 * Recognises the usual Chinese and English titles of the registry's
 * columns, whatever their spacing, case, full-width forms or remarks in
 * brackets.
 *
 * Returns: the column, or %JY_CSV_COLUMN_NONE for one Jiayi does not import
 */
JyCsvColumn
jy_csv_match_header (const char *header)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (header != NULL, JY_CSV_COLUMN_NONE);

  folded = fold_label (header);
  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (g_str_equal (folded, header_names[i].folded))
      return header_names[i].column;

  return JY_CSV_COLUMN_NONE;
}

/* Returns: (transfer none): the Chinese title export writes, which
 * jy_csv_match_header() reads back; %NULL for %JY_CSV_COLUMN_NONE. */
const char *
jy_csv_column_get_header (JyCsvColumn column)
{
  g_return_val_if_fail (column < JY_CSV_N_COLUMNS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (header_names[i].column == column)
      return header_names[i].folded;

  return NULL;
}

/* GB/T 2261.1. */
static const struct
{
  const char *folded;
  const char *code;
} sex_names[] = {
  { "男", "1" }, { "男性", "1" }, { "1", "1" }, { "m", "1" }, { "male", "1" },
  { "女", "2" }, { "女性", "2" }, { "2", "2" }, { "f", "2" }, { "female", "2" },
  { "未知", "0" }, { "未知的性别", "0" }, { "0", "0" }, { "unknown", "0" },
  { "未说明", "9" }, { "未说明的性别", "9" }, { "9", "9" }, { "unstated", "9" },
};

/* Returns: (transfer none): the GB/T 2261.1 code, or %NULL if @value is
 * not a way of writing one. */
const char *
jy_csv_parse_sex (const char *value)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  folded = fold_label (value);
  for (guint i = 0; i < G_N_ELEMENTS (sex_names); i++)
    if (g_str_equal (folded, sex_names[i].folded))
      return sex_names[i].code;

  return NULL;
}

/* Returns: (transfer none): 男, 女, 未知 or 未说明; the code itself if unknown. */
const char *
jy_csv_format_sex (const char *code)
{
  static const char *const names[] = { "未知", "男", "女" };

  if (code == NULL)
    return NULL;
  if (g_str_equal (code, "0") || g_str_equal (code, "1") || g_str_equal (code, "2"))
    return names[code[0] - '0'];
  if (g_str_equal (code, "9"))
    return "未说明";
  return code;
}

/* Reads 1 to @max digits at *@p into @out and moves past them. */
static gboolean
take_number (const char **p,
             guint        max,
             guint       *out)
{
  guint n = 0;

  *out = 0;
  while (n < max && g_ascii_isdigit ((*p)[n]))
    {
      *out = *out * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n == 0 || g_ascii_isdigit ((*p)[n]))
    return FALSE;

  *p += n;
  return TRUE;
}

/**
 * jy_csv_parse_date:
 * @value: a date as a spreadsheet or registry writes it
 * @out: (out caller-allocates): YYYY-MM-DD and a terminator
 *
 * Accepts YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (months and days with or
 * without the leading zero), YYYYMMDD and YYYY年M月D日, full-width digits
 * too, and drops a time of day after a space or `T` (spreadsheets add
 * "0:00"). Only the layout is read: whether the date exists is left to
 * jy_resident_validate(), so 1990-02-30 comes out as such.
 *
 * Returns: %TRUE if @out was written
 */
gboolean
jy_csv_parse_date (const char *value,
                   char        out[11])
{
  g_autofree char *nfkc = NULL;
  const char *p;
  guint year, month, day;

  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  nfkc = g_utf8_normalize (value, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return FALSE;
  g_strstrip (nfkc);
  nfkc[strcspn (nfkc, " T")] = '\0';
  p = nfkc;

  if (strlen (p) == 8 && strspn (p, "0123456789") == 8)
    {
      year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      month = (p[4] - '0') * 10 + (p[5] - '0');
      day = (p[6] - '0') * 10 + (p[7] - '0');
    }
  else if (g_str_has_suffix (p, "日") || strstr (p, "年") != NULL)
    {
      if (!take_number (&p, 4, &year) || !g_str_has_prefix (p, "年"))
        return FALSE;
      p += strlen ("年");
      if (!take_number (&p, 2, &month) || !g_str_has_prefix (p, "月"))
        return FALSE;
      p += strlen ("月");
      if (!take_number (&p, 2, &day))
        return FALSE;
      if (g_str_has_prefix (p, "日"))
        p += strlen ("日");
      if (*p != '\0')
        return FALSE;
    }
  else
    {
      char separator;

      if (!take_number (&p, 4, &year) || (*p != '-' && *p != '/' && *p != '.'))
        return FALSE;
      separator = *p++;
      if (!take_number (&p, 2, &month) || *p++ != separator || !take_number (&p, 2, &day) ||
          *p != '\0')
        return FALSE;
    }

  if (year < 1000)
    return FALSE;
  g_snprintf (out, 11, "%04u-%02u-%02u", year, month, day);
  return TRUE;
}

/* Returns: (transfer none): 1 户籍 or 2 非户籍, or %NULL. */
const char *
jy_csv_parse_residence_type (const char *value)
{
  static const struct
  {
    const char *folded;
    const char *code;
  } names[] = {
    { "户籍", "1" }, { "户籍人口", "1" }, { "1", "1" },
    { "非户籍", "2" }, { "非户籍人口", "2" }, { "2", "2" },
  };
  g_autofree char *folded = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  folded = fold_label (value);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (folded, names[i].folded))
      return names[i].code;

  return NULL;
}

const char *
jy_csv_format_residence_type (const char *code)
{
  if (g_strcmp0 (code, "1") == 0)
    return "户籍";
  if (g_strcmp0 (code, "2") == 0)
    return "非户籍";
  return code;
}

/* GB/T 3304: the code is the position in this list (汉族 01 … 基诺族 56). */
static const char *const ethnic_groups[] = {
  "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
  "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
  "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
  "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
  "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
  "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
};
G_STATIC_ASSERT (G_N_ELEMENTS (ethnic_groups) == 56);

static const char *const ethnic_codes[] = {
  "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14",
  "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28",
  "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42",
  "43", "44", "45", "46", "47", "48", "49", "50", "51", "52", "53", "54", "55", "56",
};
G_STATIC_ASSERT (G_N_ELEMENTS (ethnic_codes) == G_N_ELEMENTS (ethnic_groups));

/**
 * jy_csv_parse_ethnicity:
 * @value: a name (汉族, or 汉 without 族) or a GB/T 3304 code (1 or 01)
 *
 * Returns: (transfer none): the two-digit code (97 for 其他), or %NULL if
 *   @value is neither a name nor a code; 少数民族 alone names no group.
 */
const char *
jy_csv_parse_ethnicity (const char *value)
{
  g_autofree char *folded = NULL;
  guint64 number;

  g_return_val_if_fail (value != NULL, NULL);

  folded = fold_label (value);
  if (g_ascii_string_to_unsigned (folded, 10, 1, 99, &number, NULL) && strlen (folded) <= 2)
    {
      if (number >= 1 && number <= G_N_ELEMENTS (ethnic_codes))
        return ethnic_codes[number - 1];
      return number == 97 ? "97" : NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (ethnic_groups); i++)
    {
      const char *name = ethnic_groups[i];
      gsize stem = strlen (name) - strlen ("族");

      if (g_str_equal (folded, name) ||
          (strlen (folded) == stem && strncmp (folded, name, stem) == 0))
        return ethnic_codes[i];
    }

  if (g_str_equal (folded, "其他") || g_str_equal (folded, "其他民族"))
    return "97";
  return NULL;
}

const char *
jy_csv_format_ethnicity (const char *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (ethnic_codes); i++)
    if (g_str_equal (code, ethnic_codes[i]))
      return ethnic_groups[i];
  if (g_str_equal (code, "97"))
    return "其他";
  return code;
}
