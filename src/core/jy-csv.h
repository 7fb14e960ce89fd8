/* jy-csv.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* CSV files as spreadsheets and other registries write them (RFC 4180 and
 * its common deviations), and the columns of the residents registry they
 * may hold. Pure functions and a reader over memory: no I/O. */

typedef enum
{
  /* NUL bytes: a spreadsheet (.xlsx, .xls) or UTF-16 text, not CSV. */
  JY_CSV_ERROR_NOT_TEXT,
  /* Neither UTF-8 nor GB18030. */
  JY_CSV_ERROR_ENCODING,
  /* No record at all. */
  JY_CSV_ERROR_EMPTY,
  /* The first record names no column Jiayi knows. */
  JY_CSV_ERROR_NO_HEADER,
  /* Known columns, but none holds the name, which every record needs. */
  JY_CSV_ERROR_NO_NAME_COLUMN,
} JyCsvError;

#define JY_CSV_ERROR (jy_csv_error_quark ())
GQuark       jy_csv_error_quark       (void);

typedef enum
{
  JY_CSV_ENCODING_UTF8,
  JY_CSV_ENCODING_GB18030,
} JyCsvEncoding;

/* Text ------------------------------------------------------------------- */

char        *jy_csv_decode            (const char     *contents,
                                       gsize           length,
                                       JyCsvEncoding  *out_encoding,
                                       gsize          *out_length,
                                       GError        **error);
const char  *jy_csv_encoding_to_string (JyCsvEncoding  encoding);

/* Reading ---------------------------------------------------------------- */

typedef struct _JyCsvReader JyCsvReader;

JyCsvReader *jy_csv_reader_new            (const char  *text,
                                           gsize        length);
void         jy_csv_reader_free           (JyCsvReader *self);
gboolean     jy_csv_reader_next           (JyCsvReader *self);
guint        jy_csv_reader_get_line       (JyCsvReader *self);
guint        jy_csv_reader_get_n_fields   (JyCsvReader *self);
const char  *jy_csv_reader_get_field      (JyCsvReader *self,
                                           guint        index);
gboolean     jy_csv_reader_is_blank       (JyCsvReader *self);
gboolean     jy_csv_reader_is_unterminated (JyCsvReader *self);
gsize        jy_csv_reader_get_offset     (JyCsvReader *self);

/* Writing ---------------------------------------------------------------- */

void         jy_csv_append_field          (GString           *out,
                                           const char        *value);
void         jy_csv_append_row            (GString           *out,
                                           const char *const *fields,
                                           guint              n_fields);

/* Registry columns ------------------------------------------------------- */

typedef enum
{
  JY_CSV_COLUMN_NONE,               /* not imported */
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
  JY_CSV_N_COLUMNS
} JyCsvColumn;

JyCsvColumn  jy_csv_match_header          (const char  *header);
const char  *jy_csv_column_get_header     (JyCsvColumn  column);

/* Values as registries write them, to the codes of domain.md §1.1. */
const char  *jy_csv_parse_sex             (const char  *value);
gboolean     jy_csv_parse_date            (const char  *value,
                                           char         out[11]);
const char  *jy_csv_parse_residence_type  (const char  *value);
const char  *jy_csv_parse_ethnicity       (const char  *value);

/* And back, as a spreadsheet reader expects them. */
const char  *jy_csv_format_sex            (const char  *code);
const char  *jy_csv_format_residence_type (const char  *code);
const char  *jy_csv_format_ethnicity      (const char  *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyCsvReader, jy_csv_reader_free)

G_END_DECLS
