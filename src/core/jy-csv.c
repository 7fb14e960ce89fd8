/* jy-csv.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-csv.h"

#include <string.h>

G_DEFINE_QUARK (jy-csv-error-quark, jy_csv_error)

static const char utf8_bom[] = "\xEF\xBB\xBF";

/* Text ------------------------------------------------------------------- */

/**
 * jy_csv_decode:
 * @contents: the bytes of a file
 * @length: their number
 * @out_encoding: (out) (optional): what the file was written in
 * @out_length: (out) (optional): bytes in the result, without the terminator
 * @error: return location for a %JY_CSV_ERROR
 *
 * Reads a file as UTF-8 when it is valid UTF-8 (with or without the BOM
 * Excel writes), else as GB18030, which is what Excel and WPS save as
 * "CSV" on a Chinese Windows (GB18030 is a superset of GBK and GB2312).
 * The BOM is dropped.
 *
 * Returns: (transfer full): NUL-terminated UTF-8 text, or %NULL with @error set
 */
char *
jy_csv_decode (const char     *contents,
               gsize           length,
               JyCsvEncoding  *out_encoding,
               gsize          *out_length,
               GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean has_bom;
  gsize written = 0;
  char *text;

  g_return_val_if_fail (contents != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (contents == NULL)
    contents = "";

  /* UTF-16 (Excel's "Unicode text") is tab-separated besides: not CSV. */
  if (length >= 2 && (((guchar)contents[0] == 0xFF && (guchar)contents[1] == 0xFE) ||
                      ((guchar)contents[0] == 0xFE && (guchar)contents[1] == 0xFF)))
    {
      g_set_error_literal (error, JY_CSV_ERROR, JY_CSV_ERROR_ENCODING,
                           "The file is UTF-16 text, not CSV");
      return NULL;
    }

  has_bom = length >= 3 && memcmp (contents, utf8_bom, 3) == 0;
  if (has_bom)
    {
      contents += 3;
      length -= 3;
    }

  if (length > 0 && memchr (contents, '\0', length) != NULL)
    {
      g_set_error_literal (error, JY_CSV_ERROR, JY_CSV_ERROR_NOT_TEXT,
                           "The file holds NUL bytes: it is not a text file");
      return NULL;
    }

  if (g_utf8_validate_len (contents, length, NULL))
    {
      text = g_malloc (length + 1);
      memcpy (text, contents, length);
      text[length] = '\0';
      written = length;
      if (out_encoding != NULL)
        *out_encoding = JY_CSV_ENCODING_UTF8;
    }
  else if (has_bom)
    {
      /* A BOM promises UTF-8: guessing another encoding would garble it. */
      g_set_error_literal (error, JY_CSV_ERROR, JY_CSV_ERROR_ENCODING,
                           "The file starts with a UTF-8 mark but is not valid UTF-8");
      return NULL;
    }
  else
    {
      text = g_convert (contents, length, "UTF-8", "GB18030", NULL, &written, &local_error);
      if (text == NULL)
        {
          g_set_error (error, JY_CSV_ERROR, JY_CSV_ERROR_ENCODING,
                       "The file is neither UTF-8 nor GB18030 text: %s", local_error->message);
          return NULL;
        }
      if (out_encoding != NULL)
        *out_encoding = JY_CSV_ENCODING_GB18030;
    }

  if (out_length != NULL)
    *out_length = written;
  return text;
}

const char *
jy_csv_encoding_to_string (JyCsvEncoding encoding)
{
  switch (encoding)
    {
    case JY_CSV_ENCODING_UTF8:
      return "UTF-8";
    case JY_CSV_ENCODING_GB18030:
      return "GB18030";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Reading ---------------------------------------------------------------- */

struct _JyCsvReader
{
  const char *text;
  gsize       length;
  gsize       pos;
  guint       line;          /* of the next character */
  guint       record_line;   /* where the current record starts */
  gboolean    unterminated;
  GString    *buffer;        /* the record's fields, each ending in NUL */
  GArray     *offsets;       /* gsize: where each field starts in buffer */
  GPtrArray  *fields;        /* char *: into buffer, valid until the next record */
};

/**
 * jy_csv_reader_new:
 * @text: UTF-8 text, as from jy_csv_decode(); borrowed, it must outlive the reader
 * @length: bytes in @text
 *
 * Reads records of comma-separated fields. A field in double quotes may hold
 * commas, line breaks and doubled quotes `""`. Lines may end in CRLF, LF or
 * a lone CR (old Mac spreadsheets); line breaks inside a field become LF.
 * Like most readers (and unlike a strict RFC 4180 one) it forgives what
 * spreadsheets and hand-edited files get wrong: a quote inside an unquoted
 * field is kept as text, text after a closing quote is appended.
 *
 * Returns: (transfer full): the reader, before the first record
 */
JyCsvReader *
jy_csv_reader_new (const char *text,
                   gsize       length)
{
  JyCsvReader *self;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  self = g_new0 (JyCsvReader, 1);
  self->text = text;
  self->length = length;
  self->line = 1;
  if (length >= 3 && memcmp (text, utf8_bom, 3) == 0)
    self->pos = 3;
  self->buffer = g_string_sized_new (256);
  self->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 16);
  self->fields = g_ptr_array_sized_new (16);
  return self;
}

void
jy_csv_reader_free (JyCsvReader *self)
{
  if (self == NULL)
    return;

  g_string_free (self->buffer, TRUE);
  g_array_unref (self->offsets);
  g_ptr_array_unref (self->fields);
  g_free (self);
}

/* Consumes the line break at self->pos (CRLF, LF or CR), if any. */
static gboolean
skip_line_break (JyCsvReader *self)
{
  const char *text = self->text;

  if (self->pos >= self->length)
    return FALSE;
  if (text[self->pos] == '\r')
    {
      self->pos++;
      if (self->pos < self->length && text[self->pos] == '\n')
        self->pos++;
    }
  else if (text[self->pos] == '\n')
    {
      self->pos++;
    }
  else
    {
      return FALSE;
    }

  self->line++;
  return TRUE;
}

static void
read_quoted (JyCsvReader *self)
{
  const char *text = self->text;

  self->pos++;   /* the opening quote */
  for (;;)
    {
      gsize start = self->pos;

      while (self->pos < self->length &&
             text[self->pos] != '"' && text[self->pos] != '\r' && text[self->pos] != '\n')
        self->pos++;
      g_string_append_len (self->buffer, text + start, self->pos - start);

      if (self->pos >= self->length)
        {
          /* The field swallowed the rest of the file: say so, the caller
           * decides what such a record is worth. */
          self->unterminated = TRUE;
          return;
        }

      if (text[self->pos] == '"')
        {
          if (self->pos + 1 < self->length && text[self->pos + 1] == '"')
            {
              g_string_append_c (self->buffer, '"');
              self->pos += 2;
              continue;
            }
          self->pos++;   /* the closing quote */
          break;
        }

      skip_line_break (self);
      g_string_append_c (self->buffer, '\n');
    }

  /* `"abc"def,` is not RFC 4180; keep what follows, as spreadsheets do. */
  {
    gsize start = self->pos;

    while (self->pos < self->length &&
           text[self->pos] != ',' && text[self->pos] != '\r' && text[self->pos] != '\n')
      self->pos++;
    g_string_append_len (self->buffer, text + start, self->pos - start);
  }
}

static void
read_unquoted (JyCsvReader *self)
{
  const char *text = self->text;
  gsize start = self->pos;

  while (self->pos < self->length &&
         text[self->pos] != ',' && text[self->pos] != '\r' && text[self->pos] != '\n')
    self->pos++;
  g_string_append_len (self->buffer, text + start, self->pos - start);
}

/**
 * jy_csv_reader_next:
 * @self: a reader
 *
 * Moves to the next record. Empty lines between records are skipped (their
 * lines still count).
 *
 * Returns: %TRUE if there is a record, %FALSE at the end of the text
 */
gboolean
jy_csv_reader_next (JyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  g_string_truncate (self->buffer, 0);
  g_array_set_size (self->offsets, 0);
  g_ptr_array_set_size (self->fields, 0);
  self->unterminated = FALSE;

  while (skip_line_break (self))
    ;
  if (self->pos >= self->length)
    return FALSE;

  self->record_line = self->line;
  for (;;)
    {
      gsize offset = self->buffer->len;

      g_array_append_val (self->offsets, offset);
      if (self->text[self->pos] == '"')
        read_quoted (self);
      else
        read_unquoted (self);
      g_string_append_c (self->buffer, '\0');

      if (self->pos < self->length && self->text[self->pos] == ',')
        {
          self->pos++;
          /* A comma at the very end still opens an (empty) last field. */
          if (self->pos >= self->length)
            {
              offset = self->buffer->len;
              g_array_append_val (self->offsets, offset);
              g_string_append_c (self->buffer, '\0');
              break;
            }
          continue;
        }

      skip_line_break (self);
      break;
    }

  /* The buffer no longer grows: pointers into it stay valid. */
  for (guint i = 0; i < self->offsets->len; i++)
    g_ptr_array_add (self->fields, self->buffer->str + g_array_index (self->offsets, gsize, i));

  return TRUE;
}

/* The 1-based line the current record starts on (a field with line breaks
 * spans several). */
guint
jy_csv_reader_get_line (JyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->record_line;
}

guint
jy_csv_reader_get_n_fields (JyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->fields->len;
}

/* Returns: (transfer none): the field, valid until the next record; "" past
 * the last field, as a short row means empty trailing cells. */
const char *
jy_csv_reader_get_field (JyCsvReader *self,
                         guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->fields->len)
    return "";
  return g_ptr_array_index (self->fields, index);
}

/* TRUE when every field is empty: the `,,,,` rows spreadsheets leave below
 * the data. */
gboolean
jy_csv_reader_is_blank (JyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const char *field = g_ptr_array_index (self->fields, i);

      for (const char *p = field; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}

/* TRUE when the record's last field opened a quote that is never closed:
 * it ran to the end of the text. */
gboolean
jy_csv_reader_is_unterminated (JyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->unterminated;
}

/* Bytes of the text read so far, for progress. */
gsize
jy_csv_reader_get_offset (JyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pos;
}

/* Writing ---------------------------------------------------------------- */

/* Appends one field, in double quotes only when it holds a comma, a quote
 * or a line break (quotes doubled). %NULL is an empty field. */
void
jy_csv_append_field (GString    *out,
                     const char *value)
{
  g_return_if_fail (out != NULL);

  if (value == NULL)
    return;

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Appends a record ending in CRLF, as RFC 4180 and spreadsheets want. */
void
jy_csv_append_row (GString           *out,
                   const char *const *fields,
                   guint              n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      jy_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}
