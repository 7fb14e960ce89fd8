/* jy-resident-import-report.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-import.h"

#include "jy-resident-import-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* What an import shows the user before and after it runs: the column
 * mapping and its labels, the preview, and the issues in words. The import
 * itself is in jy-resident-import.c. */

/* Mapping ---------------------------------------------------------------- */

JyImportMapping *
jy_import_mapping_new (guint n_columns)
{
  JyImportMapping *mapping = g_new0 (JyImportMapping, 1);

  mapping->n_columns = n_columns;
  mapping->columns = g_new0 (JyCsvColumn, MAX (n_columns, 1));
  return mapping;
}

JyImportMapping *
jy_import_mapping_copy (const JyImportMapping *mapping)
{
  JyImportMapping *copy;

  g_return_val_if_fail (mapping != NULL, NULL);

  copy = jy_import_mapping_new (mapping->n_columns);
  if (mapping->n_columns > 0)
    memcpy (copy->columns, mapping->columns, mapping->n_columns * sizeof (JyCsvColumn));
  return copy;
}

void
jy_import_mapping_free (JyImportMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->columns);
  g_free (mapping);
}

gboolean
jy_import_mapping_has_column (const JyImportMapping *mapping,
                              JyCsvColumn            column)
{
  g_return_val_if_fail (mapping != NULL, FALSE);

  for (guint i = 0; i < mapping->n_columns; i++)
    if (mapping->columns[i] == column)
      return TRUE;
  return FALSE;
}

static const char *const column_labels[] = {
  [JY_CSV_COLUMN_NONE] = NC_("import column", "Not imported"),
  [JY_CSV_COLUMN_ARCHIVE_NO] = NC_("import column", "Archive number"),
  [JY_CSV_COLUMN_NAME] = NC_("import column", "Name"),
  [JY_CSV_COLUMN_SEX] = NC_("import column", "Sex"),
  [JY_CSV_COLUMN_BIRTH_DATE] = NC_("import column", "Birth date"),
  [JY_CSV_COLUMN_ID_NUMBER] = NC_("import column", "ID number"),
  [JY_CSV_COLUMN_PHONE] = NC_("import column", "Phone"),
  [JY_CSV_COLUMN_CONTACT_NAME] = NC_("import column", "Contact name"),
  [JY_CSV_COLUMN_CONTACT_PHONE] = NC_("import column", "Contact phone"),
  [JY_CSV_COLUMN_COMMUNITY] = NC_("import column", "Community"),
  [JY_CSV_COLUMN_ADDRESS] = NC_("import column", "Address"),
  [JY_CSV_COLUMN_REGISTERED_ADDRESS] = NC_("import column", "Registered address"),
  [JY_CSV_COLUMN_RESIDENCE_TYPE] = NC_("import column", "Residence type"),
  [JY_CSV_COLUMN_ETHNICITY] = NC_("import column", "Ethnicity"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (column_labels) == JY_CSV_N_COLUMNS);

/* Returns: (transfer none): the translated label. */
const char *
jy_import_column_get_label (JyCsvColumn column)
{
  g_return_val_if_fail (column < JY_CSV_N_COLUMNS, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "import column", column_labels[column]);
}

/* Issues and their messages ---------------------------------------------- */

/* Messages without placeholders; the others are written out in
 * jy_import_issue_dup_message(). They name the problem and how to fix it,
 * never the value (the user has the file in front of them). */
static const char *const issue_messages[] = {
  [JY_IMPORT_ISSUE_NAME_MISSING] = N_("The name is missing"),
  [JY_IMPORT_ISSUE_NAME_TOO_LONG] = N_("The name is longer than 30 characters"),
  [JY_IMPORT_ISSUE_SEX_MISSING] = N_("The sex is missing, and there is no valid ID number to read it from"),
  [JY_IMPORT_ISSUE_SEX_INVALID] = N_("The sex is not recognised: write 男 or 女 (or 1 or 2)"),
  [JY_IMPORT_ISSUE_BIRTH_DATE_MISSING] = N_("The birth date is missing, and there is no valid ID number to read it from"),
  [JY_IMPORT_ISSUE_BIRTH_DATE_INVALID] = N_("The birth date is not a real date: write it as YYYY-MM-DD, from 1880 on"),
  [JY_IMPORT_ISSUE_BIRTH_DATE_FUTURE] = N_("The birth date is in the future"),
  [JY_IMPORT_ISSUE_ID_FORMAT] = N_("The ID number does not have 18 characters (17 digits, then a digit or X)"),
  [JY_IMPORT_ISSUE_ID_AREA] = N_("The ID number does not start with a province code"),
  [JY_IMPORT_ISSUE_ID_BIRTH] = N_("The birth date inside the ID number is not a real date or is in the future"),
  /* domain.md §1.2: users are told the number is wrong, not which digit
   * would make it right (that invites guessing). */
  [JY_IMPORT_ISSUE_ID_CHECK] = N_("The ID number is wrong (its check character does not match): check every digit against the card"),
  [JY_IMPORT_ISSUE_ID_DUPLICATE] = N_("A resident in the database already has this ID number"),
  [JY_IMPORT_ISSUE_ID_DUPLICATE_IN_FILE] = NULL,
  [JY_IMPORT_ISSUE_PHONE_INVALID] = N_("The phone number is not valid: a mobile has 11 digits starting with 1, a landline looks like 0592-1234567"),
  [JY_IMPORT_ISSUE_CONTACT_PHONE_INVALID] = N_("The contact’s phone number is not valid: a mobile has 11 digits starting with 1, a landline looks like 0592-1234567"),
  [JY_IMPORT_ISSUE_COMMUNITY_UNKNOWN] = N_("The community is not one of the centre’s: write its name as Jiayi lists it, or its 12-digit code"),
  [JY_IMPORT_ISSUE_COMMUNITY_AMBIGUOUS] = N_("Several communities have this name: write the 12-digit code instead"),
  [JY_IMPORT_ISSUE_ARCHIVE_NO_DUPLICATE] = N_("A resident in the database already has this archive number"),
  [JY_IMPORT_ISSUE_UNTERMINATED_QUOTE] = N_("A quotation mark is never closed, so the rest of the file was read as part of this row"),
  [JY_IMPORT_ISSUE_INVALID] = N_("A value in this row is not valid"),
  [JY_IMPORT_ISSUE_NOT_SAVED] = N_("The database refused this row"),
  [JY_IMPORT_ISSUE_ID_LEGACY_CONVERTED] = N_("The 15-digit ID number was converted to 18 digits; the original is kept"),
  [JY_IMPORT_ISSUE_SEX_FROM_ID] = N_("The sex differs from the one in the ID number; the ID number’s was used"),
  [JY_IMPORT_ISSUE_BIRTH_DATE_FROM_ID] = N_("The birth date differs from the one in the ID number; the ID number’s was used"),
  [JY_IMPORT_ISSUE_RESIDENCE_TYPE_IGNORED] = N_("The residence type is not 户籍 or 非户籍 and was left empty"),
  [JY_IMPORT_ISSUE_ETHNICITY_IGNORED] = N_("The ethnicity is not one of the groups of GB/T 3304 and was left empty"),
  [JY_IMPORT_ISSUE_COLUMN_IGNORED] = NULL,
};
G_STATIC_ASSERT (G_N_ELEMENTS (issue_messages) == JY_IMPORT_ISSUE_COLUMN_IGNORED + 1);

gboolean
jy_import_issue_is_rejection (const JyImportIssue *issue)
{
  g_return_val_if_fail (issue != NULL, FALSE);
  return issue->kind < JY_IMPORT_FIRST_NOTE;
}

/* Returns: (transfer full): the issue in the user's language. */
char *
jy_import_issue_dup_message (const JyImportIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);
  g_return_val_if_fail (issue->kind < G_N_ELEMENTS (issue_messages), NULL);

  switch (issue->kind)
    {
    case JY_IMPORT_ISSUE_ID_DUPLICATE_IN_FILE:
      /* Translators: %u is the line of the file the same ID number was imported from */
      return g_strdup_printf (_("The same ID number was already imported from line %u"),
                              issue->other_line);
    case JY_IMPORT_ISSUE_COLUMN_IGNORED:
      /* Translators: %s is a column title from the user's file */
      return g_strdup_printf (_("The column “%s” is not one Jiayi imports and was skipped"),
                              issue->column != NULL ? issue->column : "");
    default:
      return g_strdup (g_dgettext (GETTEXT_PACKAGE, issue_messages[issue->kind]));
    }
}

static void
issue_clear (JyImportIssue *issue)
{
  g_clear_pointer (&issue->column, g_free);
}

GArray *
jy_import_issue_array_new (void)
{
  GArray *issues = g_array_new (FALSE, TRUE, sizeof (JyImportIssue));

  g_array_set_clear_func (issues, (GDestroyNotify)issue_clear);
  return issues;
}

void
jy_import_report_free (JyImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->issues, g_array_unref);
  g_clear_pointer (&report->imported_ids, g_array_unref);
  g_free (report);
}

void
jy_import_preview_free (JyImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_strfreev (preview->headers);
  jy_import_mapping_free (preview->mapping);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_clear_pointer (&preview->row_lines, g_array_unref);
  g_free (preview);
}

/* The file ---------------------------------------------------------------- */

/* The first non-empty record, trimmed. */
GStrv
jy_import_read_header (JyCsvReader  *reader,
                       guint        *out_line,
                       GError      **error)
{
  while (jy_csv_reader_next (reader))
    {
      guint n = jy_csv_reader_get_n_fields (reader);
      GStrv headers;

      if (jy_csv_reader_is_blank (reader))
        continue;

      headers = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        headers[i] = g_strstrip (g_strdup (jy_csv_reader_get_field (reader, i)));
      *out_line = jy_csv_reader_get_line (reader);
      return headers;
    }

  g_set_error_literal (error, JY_CSV_ERROR, JY_CSV_ERROR_EMPTY, "The file has no records");
  return NULL;
}

JyImportMapping *
jy_import_detect_mapping (const char *const *headers)
{
  guint n = g_strv_length ((char **)headers);
  JyImportMapping *mapping = jy_import_mapping_new (n);

  for (guint i = 0; i < n; i++)
    mapping->columns[i] = jy_csv_match_header (headers[i]);
  return mapping;
}

JyImportPreview *
jy_resident_import_preview (const char  *contents,
                            gsize        length,
                            guint        max_rows,
                            GError     **error)
{
  g_autoptr(JyImportPreview) preview = g_new0 (JyImportPreview, 1);
  g_autoptr(JyCsvReader) reader = NULL;
  g_autofree char *text = NULL;
  gsize text_length = 0;
  guint n_headers;

  g_return_val_if_fail (contents != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((text = jy_csv_decode (contents, length, &preview->encoding, &text_length, error)) == NULL)
    return NULL;

  reader = jy_csv_reader_new (text, text_length);
  if ((preview->headers = jy_import_read_header (reader, &preview->header_line, error)) == NULL)
    return NULL;

  /* Unrecognised titles are no error here: the user may map them by hand. */
  preview->mapping = jy_import_detect_mapping ((const char *const *)preview->headers);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  preview->row_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  n_headers = g_strv_length (preview->headers);

  while (jy_csv_reader_next (reader))
    {
      if (jy_csv_reader_is_blank (reader))
        continue;

      preview->n_rows++;
      if (preview->rows->len < max_rows)
        {
          GStrv row = g_new0 (char *, n_headers + 1);
          guint line = jy_csv_reader_get_line (reader);

          for (guint i = 0; i < n_headers; i++)
            row[i] = g_strdup (jy_csv_reader_get_field (reader, i));
          g_ptr_array_add (preview->rows, row);
          g_array_append_val (preview->row_lines, line);
        }
    }

  return g_steal_pointer (&preview);
}
