/* jy-phone.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-phone.h"

#include <string.h>

/* Returns the number as stored: full-width digits made ASCII, separators
 * (spaces, dots, brackets) dropped, the +86 / 0086 / 86 country prefix of
 * a mobile removed. A landline keeps its dashes: 0592-1234567-8. */
char *
jy_phone_normalize (const char *input)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (input != NULL, NULL);

  for (p = input; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)  /* full-width digits */
        c = '0' + (c - 0xFF10);
      else if (c == 0xFF0B)
        c = '+';
      else if (c == 0xFF0D || c == 0x2014 || c == 0x2013)
        c = '-';

      if (g_ascii_isdigit (c) || c == '+' || c == '-')
        g_string_append_c (out, (char)c);
      else if (g_unichar_isspace (c) || c == '(' || c == ')' || c == '.' ||
               c == 0xFF08 || c == 0xFF09 || c == 0x3000)
        continue;
      else
        return g_strdup (input);   /* letters: leave as typed so classify refuses it */
    }

  /* Country prefixes only ever precede a mobile number here, and a mobile
   * typed as 138-1234-5678 is still a mobile: those lose their dashes. */
  {
    g_autoptr(GString) digits = g_string_new (NULL);

    for (const char *q = out->str; *q != '\0'; q++)
      if (*q != '-')
        g_string_append_c (digits, *q);

    if (g_str_has_prefix (digits->str, "+86"))
      g_string_erase (digits, 0, 3);
    else if (g_str_has_prefix (digits->str, "0086") && digits->len == 15)
      g_string_erase (digits, 0, 4);
    else if (g_str_has_prefix (digits->str, "86") && digits->len == 13)
      g_string_erase (digits, 0, 2);

    if (digits->str[0] == '1')
      return g_string_free (g_steal_pointer (&digits), FALSE);
  }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* Mobile: ^1[3-9]\d{9}$ (no carrier whitelist: new segments appear).
 * Landline: ^0\d{2,3}-?\d{7,8}(-\d{1,6})?$ */
JyPhoneKind
jy_phone_classify (const char *normalized)
{
  gsize len;

  g_return_val_if_fail (normalized != NULL, JY_PHONE_INVALID);

  len = strlen (normalized);
  if (len == 11 && normalized[0] == '1' && normalized[1] >= '3' && all_digits (normalized, 11))
    return JY_PHONE_MOBILE;

  if (normalized[0] == '0')
    {
      g_auto(GStrv) parts = g_strsplit (normalized, "-", -1);
      guint n = g_strv_length (parts);
      gsize area_len, number_len;

      if (n == 1)
        {
          /* Without a dash the area code is 3 or 4 digits, the number 7 or 8:
           * any total from 10 to 12 digits fits one reading. */
          return len >= 10 && len <= 12 && all_digits (normalized, len) ? JY_PHONE_LANDLINE
                                                                         : JY_PHONE_INVALID;
        }
      if (n > 3)
        return JY_PHONE_INVALID;

      area_len = strlen (parts[0]);
      number_len = strlen (parts[1]);
      if (area_len < 3 || area_len > 4 || !all_digits (parts[0], area_len) ||
          number_len < 7 || number_len > 8 || !all_digits (parts[1], number_len))
        return JY_PHONE_INVALID;
      if (n == 3)
        {
          gsize ext_len = strlen (parts[2]);

          if (ext_len < 1 || ext_len > 6 || !all_digits (parts[2], ext_len))
            return JY_PHONE_INVALID;
        }
      return JY_PHONE_LANDLINE;
    }

  return JY_PHONE_INVALID;
}

/* 13812345678 → 138****5678, for lists and printouts. */
char *
jy_phone_mask (const char *normalized)
{
  gsize len;

  g_return_val_if_fail (normalized != NULL, NULL);

  len = strlen (normalized);
  if (len < 8)
    return g_strdup (normalized);
  return g_strdup_printf ("%.3s****%s", normalized, normalized + len - 4);
}
