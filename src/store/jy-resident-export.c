/* jy-resident-export.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-export.h"

#include "jy-csv.h"
#include "jy-person.h"
#include "jy-store.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* Written to the stream in pieces of about this size. */
#define CHUNK_BYTES (64 * 1024)

static const JyCsvColumn export_columns[] = {
  JY_CSV_COLUMN_ARCHIVE_NO,
  JY_CSV_COLUMN_NAME,
  JY_CSV_COLUMN_SEX,
  JY_CSV_COLUMN_BIRTH_DATE,
  JY_CSV_COLUMN_ID_NUMBER,
  JY_CSV_COLUMN_PHONE,
  JY_CSV_COLUMN_CONTACT_NAME,
  JY_CSV_COLUMN_CONTACT_PHONE,
  JY_CSV_COLUMN_COMMUNITY,
  JY_CSV_COLUMN_ADDRESS,
  JY_CSV_COLUMN_REGISTERED_ADDRESS,
  JY_CSV_COLUMN_RESIDENCE_TYPE,
  JY_CSV_COLUMN_ETHNICITY,
};

/* Excel and WPS read a long run of digits as a number: an 18-digit ID
 * number loses its last three digits, a landline its leading 0. A trailing
 * tab makes them text; importers (ours too) trim it. */
static void
append_digits_field (GString    *out,
                     const char *value)
{
  if (value == NULL)
    return;
  jy_csv_append_field (out, value);
  if (strspn (value, "0123456789") == strlen (value))
    g_string_append_c (out, '\t');
}

/* A spreadsheet runs a cell starting with = + - @ as a formula (CSV
 * injection); free text from another registry could. An apostrophe keeps it
 * text, and jy_resident_import_csv() takes it off again. */
static void
append_text_field (GString    *out,
                   const char *value)
{
  if (value != NULL && value[0] != '\0' && strchr ("=+-@", value[0]) != NULL)
    {
      g_autofree char *guarded = g_strconcat ("'", value, NULL);

      jy_csv_append_field (out, guarded);
      return;
    }
  jy_csv_append_field (out, value);
}

static void
append_header (GString *out)
{
  const char *titles[G_N_ELEMENTS (export_columns)];

  for (guint i = 0; i < G_N_ELEMENTS (export_columns); i++)
    titles[i] = jy_csv_column_get_header (export_columns[i]);
  /* The BOM tells a spreadsheet the file is UTF-8; without it Excel on a
   * Chinese Windows reads GB18030 and shows mojibake. */
  g_string_append (out, "\xEF\xBB\xBF");
  jy_csv_append_row (out, titles, G_N_ELEMENTS (titles));
}

static const char select_sql[] =
  "SELECT r.archive_no, r.name, r.sex, r.birth_date, r.id_number, r.phone,\n"
  "       r.contact_name, r.contact_phone, ifnull (a.name, r.area_code), r.address_detail,\n"
  "       r.registered_address, r.residence_type, r.ethnicity\n"
  "FROM resident r LEFT JOIN address_area a ON a.code = r.area_code\n"
  "WHERE r.id = ?1";

static void
append_resident (GString      *out,
                 sqlite3_stmt *stmt,
                 gboolean      full_id)
{
#define TEXT(i) ((const char *)sqlite3_column_text (stmt, (i)))
  const char *id_number = TEXT (4);
  g_autofree char *masked = full_id ? NULL : jy_person_mask_id_number (id_number);

  append_digits_field (out, TEXT (0));
  g_string_append_c (out, ',');
  append_text_field (out, TEXT (1));
  g_string_append_c (out, ',');
  jy_csv_append_field (out, jy_csv_format_sex (TEXT (2)));
  g_string_append_c (out, ',');
  jy_csv_append_field (out, TEXT (3));
  g_string_append_c (out, ',');
  append_digits_field (out, full_id ? id_number : masked);
  g_string_append_c (out, ',');
  append_digits_field (out, TEXT (5));
  g_string_append_c (out, ',');
  append_text_field (out, TEXT (6));
  g_string_append_c (out, ',');
  append_digits_field (out, TEXT (7));
  g_string_append_c (out, ',');
  append_text_field (out, TEXT (8));
  g_string_append_c (out, ',');
  append_text_field (out, TEXT (9));
  g_string_append_c (out, ',');
  append_text_field (out, TEXT (10));
  g_string_append_c (out, ',');
  jy_csv_append_field (out, jy_csv_format_residence_type (TEXT (11)));
  g_string_append_c (out, ',');
  jy_csv_append_field (out, jy_csv_format_ethnicity (TEXT (12)));
  g_string_append (out, "\r\n");
#undef TEXT
}

static gboolean
flush (GString       *buffer,
       GOutputStream *out,
       GCancellable  *cancellable,
       GError       **error)
{
  if (buffer->len > 0 &&
      !g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}

static gboolean
record_audit (JyDb                    *db,
              const JyResidentFilter  *filter,
              JyResidentExportFlags    flags,
              guint                    n_residents,
              GError                 **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *detail = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "residents");
  json_builder_add_int_value (builder, n_residents);
  json_builder_set_member_name (builder, "full_id_number");
  json_builder_add_boolean_value (builder, (flags & JY_RESIDENT_EXPORT_FULL_ID_NUMBER) != 0);
  json_builder_set_member_name (builder, "area_prefix");
  if (filter->area_prefix != NULL)
    json_builder_add_string_value (builder, filter->area_prefix);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "team_id");
  json_builder_add_int_value (builder, filter->team_id);
  json_builder_set_member_name (builder, "include_retired");
  json_builder_add_boolean_value (builder, filter->include_retired);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  detail = json_to_string (root, FALSE);

  return jy_store_record_audit (db, "export", "resident", NULL, detail, error);
}

/**
 * jy_resident_export_csv:
 * @db: the writer's connection, inside a write job
 * @filter: which residents, in which order (as the residents list shows them)
 * @flags: %JY_RESIDENT_EXPORT_FULL_ID_NUMBER for whole ID numbers
 * @out: where the file goes; not closed
 * @out_n_residents: (out) (optional): how many residents were written
 * @cancellable: (nullable): stops the export; the audit entry goes with
 *   the job's rolled-back transaction
 * @error: return location for a %JY_STORE_ERROR or #GIOError
 *
 * Columns: 档案编号 姓名 性别 出生日期 身份证号 本人电话 联系人 联系人电话 社区
 * 现住址 户籍地址 常住类型 民族; sex, residence type and ethnicity as words
 * (男, 户籍, 汉族), the community by name. ID numbers are masked unless
 * @flags asks for them whole; phones are written whole.
 *
 * Returns: %TRUE when every resident was written
 */
gboolean
jy_resident_export_csv (JyDb                    *db,
                        const JyResidentFilter  *filter,
                        JyResidentExportFlags    flags,
                        GOutputStream           *out,
                        guint                   *out_n_residents,
                        GCancellable            *cancellable,
                        GError                 **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (CHUNK_BYTES + 1024);
  g_autoptr(GArray) ids = NULL;
  gboolean full_id = (flags & JY_RESIDENT_EXPORT_FULL_ID_NUMBER) != 0;
  gint64 started = g_get_monotonic_time ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Whole ID numbers go only to a role that sees them anyway. */
  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_EXPORT, error) ||
      (full_id && !jy_store_require (db, JY_PERMISSION_FULL_ID_NUMBER, error)))
    return FALSE;

  /* The same ids, in the same order, as the list on screen. */
  if ((ids = jy_resident_store_list_ids (db, filter, cancellable, error)) == NULL)
    return FALSE;

  /* First: a reader connection fails here, before any file is written. */
  if (!record_audit (db, filter, flags, ids->len, error))
    return FALSE;

  append_header (buffer);
  if ((stmt = jy_db_prepare (db, select_sql, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if ((rc = jy_db_step (db, stmt, error)) < 0)
        return FALSE;
      if (rc == SQLITE_ROW)
        append_resident (buffer, stmt, full_id);

      if (buffer->len >= CHUNK_BYTES && !flush (buffer, out, cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);

  if (!flush (buffer, out, cancellable, error))
    return FALSE;

  g_debug ("export: %u residents, full ID numbers: %s, %.0f ms", ids->len,
           full_id ? "yes" : "no", (g_get_monotonic_time () - started) / 1000.0);

  if (out_n_residents != NULL)
    *out_n_residents = ids->len;
  return TRUE;
}
