/* jy-idcard.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-idcard.h"

#include "jy-clock.h"

#include <string.h>

G_DEFINE_QUARK (jy-idcard-error-quark, jy_idcard_error)

/* ISO 7064 MOD 11-2: W_i = 2^(18-i) mod 11 for positions 1..17. */
static const int check_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

static gboolean
has_digits (const char *s,
            guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static int
parse_digits (const char *s,
              guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (s[i] - '0');
  return value;
}

/* ^\d{17}[\dX]$ */
static gboolean
is_format_18 (const char *id)
{
  return strlen (id) == 18 &&
         has_digits (id, 17) &&
         (g_ascii_isdigit (id[17]) || id[17] == 'X');
}

/* ^\d{15}$ */
static gboolean
is_format_15 (const char *id)
{
  return strlen (id) == 15 && has_digits (id, 15);
}

/* Province prefixes of GB/T 2260, plus 83 (Taiwan residence permits) and a
 * leading 9 (2023 foreign permanent resident ID), which share the layout
 * and the check algorithm. Only the prefix is checked: numbers issued by
 * counties that were abolished since stay valid for life. */
static gboolean
has_known_province (const char *id)
{
  int province = parse_digits (id, 2);

  if (id[0] == '9')
    return TRUE;

  return (province >= 11 && province <= 15) ||
         (province >= 21 && province <= 23) ||
         (province >= 31 && province <= 37) ||
         (province >= 41 && province <= 46) ||
         (province >= 50 && province <= 54) ||
         (province >= 61 && province <= 65) ||
         province == 71 || province == 81 || province == 82 || province == 83;
}

/* Reads YYYYMMDD at @s into @out; FALSE if it is not a calendar date. */
static gboolean
parse_birth (const char *s,
             GDate      *out)
{
  int year = parse_digits (s, 4);
  int month = parse_digits (s + 4, 2);
  int day = parse_digits (s + 6, 2);

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/**
 * jy_idcard_normalize:
 * @input: an ID number as typed, pasted or read from a file
 *
 * Drops every space (leading, trailing and inner, including the ideographic
 * space U+3000) and invisible format characters, maps full-width digits and
 * letters to ASCII, and writes a lowercase `x` as `X`. Does not validate.
 *
 * Returns: (transfer full): the normalised text
 */
char *
jy_idcard_normalize (const char *input)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (input != NULL, NULL);

  valid = g_utf8_make_valid (input, -1);
  out = g_string_sized_new (20);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A pasted number often carries NBSP or a zero-width space. */
      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;

      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      else if (c >= 0xFF21 && c <= 0xFF3A)
        c = 'A' + (c - 0xFF21);
      else if (c >= 0xFF41 && c <= 0xFF5A)
        c = 'a' + (c - 0xFF41);

      if (c == 'x')
        c = 'X';

      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * jy_idcard_check_char:
 * @first17: at least 17 characters; only the first 17 are read
 *
 * Computes the ISO 7064 MOD 11-2 check character of GB 11643-1999.
 *
 * Returns: `0`–`9` or `X`, or `'\0'` if the first 17 characters are not all digits
 */
char
jy_idcard_check_char (const char *first17)
{
  int sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < G_N_ELEMENTS (check_weights); i++)
    {
      /* Stops at the terminator too, so a short string is safe. */
      if (!g_ascii_isdigit (first17[i]))
        return '\0';
      sum += (first17[i] - '0') * check_weights[i];
    }

  return "10X98765432"[sum % 11];
}

/**
 * jy_idcard_validate:
 * @normalized: an ID number passed through jy_idcard_normalize()
 * @today: (nullable): the date a birth date may not be after; %NULL for
 *   today in the centre's time zone
 *
 * Validates an ID number entered by a user (domain.md §1.2, steps 2–6).
 * A 15-digit number gives %JY_IDCARD_ERR_LEGACY: the importer may convert
 * it with jy_idcard_upgrade_legacy(), the entry form refuses it.
 *
 * Returns: %JY_IDCARD_OK or the first rule the number breaks
 */
JyIdcardStatus
jy_idcard_validate (const char  *normalized,
                    const GDate *today)
{
  g_autoptr(GDate) local_today = NULL;
  GDate birth;

  g_return_val_if_fail (normalized != NULL, JY_IDCARD_ERR_FORMAT);
  g_return_val_if_fail (today == NULL || g_date_valid (today), JY_IDCARD_ERR_FORMAT);

  if (is_format_15 (normalized))
    return JY_IDCARD_ERR_LEGACY;

  if (!is_format_18 (normalized))
    return JY_IDCARD_ERR_FORMAT;

  if (!has_known_province (normalized))
    return JY_IDCARD_ERR_AREA;

  if (today == NULL)
    today = local_today = jy_clock_today_local ();

  if (!parse_birth (normalized + 6, &birth) ||
      g_date_get_year (&birth) < 1880 ||
      g_date_compare (&birth, today) > 0)
    return JY_IDCARD_ERR_BIRTH;

  if (jy_idcard_check_char (normalized) != normalized[17])
    return JY_IDCARD_ERR_CHECK;

  return JY_IDCARD_OK;
}

/**
 * jy_idcard_get_birth_date:
 * @id: a normalised 18-digit or 15-digit ID number
 * @out: (out caller-allocates): where to store the birth date
 *
 * Reads the birth date: positions 7–14 of an 18-digit number, `19` +
 * positions 7–12 of a 15-digit one. Checks the date is a real one, not
 * the other rules of jy_idcard_validate().
 *
 * Returns: %TRUE if @out was set
 */
gboolean
jy_idcard_get_birth_date (const char *id,
                          GDate      *out)
{
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (is_format_18 (id))
    return parse_birth (id + 6, out);

  if (is_format_15 (id))
    {
      char birth[9] = "19";

      memcpy (birth + 2, id + 6, 6);
      return parse_birth (birth, out);
    }

  return FALSE;
}

/**
 * jy_idcard_get_sex:
 * @id: a normalised 18-digit or 15-digit ID number
 *
 * Reads the sex from the sequence code: the 17th digit of an 18-digit
 * number, the 15th of a 15-digit one; odd is male.
 *
 * Returns: the GB/T 2261.1 code: 1 male, 2 female, 0 if @id is malformed
 */
int
jy_idcard_get_sex (const char *id)
{
  int digit;

  g_return_val_if_fail (id != NULL, 0);

  if (is_format_18 (id))
    digit = id[16] - '0';
  else if (is_format_15 (id))
    digit = id[14] - '0';
  else
    return 0;

  return digit % 2 == 1 ? 1 : 2;
}

/**
 * jy_idcard_upgrade_legacy:
 * @id15: a normalised 15-digit first-generation ID number
 * @error: return location for a %JY_IDCARD_ERROR
 *
 * Converts a first-generation number the way the registry did: `19` is
 * inserted after the 6-digit area code and the check character appended.
 * For the importer only; the caller keeps the original in the history.
 *
 * Returns: (transfer full): the 18-digit number, or %NULL with @error set
 */
char *
jy_idcard_upgrade_legacy (const char  *id15,
                          GError     **error)
{
  char id18[19];
  GDate birth;

  g_return_val_if_fail (id15 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Messages go to logs: they never quote the number. */
  if (!is_format_15 (id15))
    {
      g_set_error_literal (error, JY_IDCARD_ERROR, JY_IDCARD_ERR_FORMAT,
                           "A legacy ID number has exactly 15 digits");
      return NULL;
    }

  if (!has_known_province (id15))
    {
      g_set_error_literal (error, JY_IDCARD_ERROR, JY_IDCARD_ERR_AREA,
                           "The legacy ID number has an unknown province prefix");
      return NULL;
    }

  memcpy (id18, id15, 6);
  memcpy (id18 + 6, "19", 2);
  memcpy (id18 + 8, id15 + 6, 9);

  /* First-generation cards were only issued to people born in 19xx, so
   * "not in the future" and "from 1880" hold once the date is real. */
  if (!parse_birth (id18 + 6, &birth))
    {
      g_set_error_literal (error, JY_IDCARD_ERROR, JY_IDCARD_ERR_BIRTH,
                           "The legacy ID number has an impossible birth date");
      return NULL;
    }

  id18[17] = jy_idcard_check_char (id18);
  id18[18] = '\0';

  return g_strdup (id18);
}
