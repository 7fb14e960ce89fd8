/* jy-resident-import.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jy-csv.h"
#include "jy-db.h"

G_BEGIN_DECLS

/* Importing residents from a CSV file another registry or a spreadsheet
 * wrote (issue #4). The first non-empty record is the header; each later
 * record is one resident. A bad record is reported with its line and
 * reason and left out; the good ones are imported. */

/* What each column of the file holds, in file order. */
typedef struct
{
  guint        n_columns;
  JyCsvColumn *columns;
} JyImportMapping;

JyImportMapping *jy_import_mapping_new        (guint                  n_columns);
JyImportMapping *jy_import_mapping_copy       (const JyImportMapping *mapping);
void             jy_import_mapping_free       (JyImportMapping       *mapping);
gboolean         jy_import_mapping_has_column (const JyImportMapping *mapping,
                                               JyCsvColumn            column);
/* The column's name in the user's language, for the mapping preview. */
const char      *jy_import_column_get_label   (JyCsvColumn            column);

typedef enum
{
  /* Rejections: the record is not imported. */
  JY_IMPORT_ISSUE_NAME_MISSING,
  JY_IMPORT_ISSUE_NAME_TOO_LONG,
  JY_IMPORT_ISSUE_SEX_MISSING,
  JY_IMPORT_ISSUE_SEX_INVALID,
  JY_IMPORT_ISSUE_BIRTH_DATE_MISSING,
  JY_IMPORT_ISSUE_BIRTH_DATE_INVALID,
  JY_IMPORT_ISSUE_BIRTH_DATE_FUTURE,
  JY_IMPORT_ISSUE_ID_FORMAT,
  JY_IMPORT_ISSUE_ID_AREA,
  JY_IMPORT_ISSUE_ID_BIRTH,
  JY_IMPORT_ISSUE_ID_CHECK,
  /* Another resident in the database has the ID number. */
  JY_IMPORT_ISSUE_ID_DUPLICATE,
  /* A record imported from an earlier line (other_line) has it. */
  JY_IMPORT_ISSUE_ID_DUPLICATE_IN_FILE,
  JY_IMPORT_ISSUE_PHONE_INVALID,
  JY_IMPORT_ISSUE_CONTACT_PHONE_INVALID,
  JY_IMPORT_ISSUE_COMMUNITY_UNKNOWN,
  JY_IMPORT_ISSUE_COMMUNITY_AMBIGUOUS,
  JY_IMPORT_ISSUE_ARCHIVE_NO_DUPLICATE,
  JY_IMPORT_ISSUE_UNTERMINATED_QUOTE,
  /* A rule of core this file has no more precise reason for. */
  JY_IMPORT_ISSUE_INVALID,
  /* The database refused the record (a constraint). */
  JY_IMPORT_ISSUE_NOT_SAVED,

  /* Notes: the record is imported. */
  JY_IMPORT_ISSUE_ID_LEGACY_CONVERTED,
  /* The file's sex or birth date disagreed with the ID number, which wins
   * (domain.md §1.2 rule 7). */
  JY_IMPORT_ISSUE_SEX_FROM_ID,
  JY_IMPORT_ISSUE_BIRTH_DATE_FROM_ID,
  JY_IMPORT_ISSUE_RESIDENCE_TYPE_IGNORED,
  JY_IMPORT_ISSUE_ETHNICITY_IGNORED,
  /* On the header's line, once per column; column is its title. */
  JY_IMPORT_ISSUE_COLUMN_IGNORED,
} JyImportIssueKind;

/* Issues hold line numbers and codes, never the record's values: they may
 * be logged. */
typedef struct
{
  guint              line;
  JyImportIssueKind  kind;
  guint              other_line;   /* ID_DUPLICATE_IN_FILE: the line imported */
  char              *column;       /* COLUMN_IGNORED: the title as in the file */
} JyImportIssue;

gboolean  jy_import_issue_is_rejection (const JyImportIssue *issue);
char     *jy_import_issue_dup_message  (const JyImportIssue *issue);

typedef struct
{
  JyCsvEncoding  encoding;
  guint          n_rows;          /* records after the header, empty ones not counted */
  guint          n_imported;
  guint          n_rejected;
  GArray        *issues;          /* JyImportIssue, by line; a record's rejections together */
  GArray        *imported_ids;    /* gint64 resident ids, in file order */
} JyImportReport;

void             jy_import_report_free        (JyImportReport        *report);

/* Called on the thread running the import (the store's writer: a gui
 * passes it on with g_main_context_invoke), every 500 records and after
 * the last. */
typedef void (*JyImportProgress) (guint    rows_done,
                                  gsize    bytes_done,
                                  gsize    bytes_total,
                                  gpointer user_data);

JyImportReport  *jy_resident_import_csv       (JyDb                  *db,
                                               const char            *contents,
                                               gsize                  length,
                                               const JyImportMapping *mapping,
                                               const GDate           *today,
                                               JyImportProgress       progress,
                                               gpointer               user_data,
                                               GError               **error);

/* The start of a file, for the dialog where the user checks the columns.
 * Needs no database; unrecognised titles are no error here (the mapping
 * says JY_CSV_COLUMN_NONE and the user may map them), an empty, binary or
 * undecodable file is (JY_CSV_ERROR). Reads the whole file to count its
 * records: run it off the main thread for big files. */
typedef struct
{
  JyCsvEncoding     encoding;
  guint             header_line;
  GStrv             headers;      /* titles as in the file */
  JyImportMapping  *mapping;      /* what jy_resident_import_csv() would use */
  GPtrArray        *rows;         /* GStrv per record, as many fields as headers */
  GArray           *row_lines;    /* guint: the line each of rows starts on */
  guint             n_rows;       /* records after the header in the whole file */
} JyImportPreview;

void             jy_import_preview_free       (JyImportPreview       *preview);
JyImportPreview *jy_resident_import_preview   (const char            *contents,
                                               gsize                  length,
                                               guint                  max_rows,
                                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyImportMapping, jy_import_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyImportReport, jy_import_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyImportPreview, jy_import_preview_free)

G_END_DECLS
