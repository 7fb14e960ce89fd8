/* jy-password-policy.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-password-policy.h"

#include <glib/gi18n.h>
#include <string.h>

static const JyPasswordPolicy default_policy = JY_PASSWORD_POLICY_DEFAULT;

static guint
count_kinds (const char *password)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;

  for (const char *p = password; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_islower (c))
        lower = TRUE;
      else if (c < 0x80 && g_ascii_isupper (c))
        upper = TRUE;
      else if (c < 0x80 && g_ascii_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }
  return (guint)lower + (guint)upper + (guint)digit + (guint)other;
}

JyPasswordProblem
jy_password_check (const char             *password,
                   const char             *login,
                   const JyPasswordPolicy *policy)
{
  if (policy == NULL)
    policy = &default_policy;

  if (password == NULL || !g_utf8_validate (password, -1, NULL))
    return JY_PASSWORD_INVALID_TEXT;
  for (const char *p = password; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return JY_PASSWORD_INVALID_TEXT;

  if (g_utf8_strlen (password, -1) < (glong)policy->min_length)
    return JY_PASSWORD_TOO_SHORT;
  if (strlen (password) > JY_PASSWORD_MAX_BYTES)
    return JY_PASSWORD_TOO_LONG;
  if (count_kinds (password) < policy->min_kinds)
    return JY_PASSWORD_TOO_SIMPLE;

  if (login != NULL && login[0] != '\0')
    {
      g_autofree char *folded_password = g_utf8_casefold (password, -1);
      g_autofree char *folded_login = g_utf8_casefold (login, -1);

      if (strstr (folded_password, folded_login) != NULL)
        return JY_PASSWORD_CONTAINS_LOGIN;
    }

  return JY_PASSWORD_OK;
}

char *
jy_password_problem_dup_message (JyPasswordProblem       problem,
                                 const JyPasswordPolicy *policy)
{
  if (policy == NULL)
    policy = &default_policy;

  switch (problem)
    {
    case JY_PASSWORD_OK:
      return NULL;
    case JY_PASSWORD_TOO_SHORT:
      /* Translators: %u is the shortest password allowed, in characters */
      return g_strdup_printf (ngettext ("The password needs at least %u character.",
                                        "The password needs at least %u characters.",
                                        policy->min_length),
                              policy->min_length);
    case JY_PASSWORD_TOO_LONG:
      /* Translators: %u is 128 */
      return g_strdup_printf (_("The password may have at most %u letters and digits."),
                              (guint)JY_PASSWORD_MAX_BYTES);
    case JY_PASSWORD_TOO_SIMPLE:
      /* Translators: %u is how many kinds of characters are needed, usually 2 */
      return g_strdup_printf (_("Mix at least %u kinds of characters: lower-case letters, capitals, digits, symbols."),
                              policy->min_kinds);
    case JY_PASSWORD_CONTAINS_LOGIN:
      return g_strdup (_("The password must not contain the login name."));
    case JY_PASSWORD_INVALID_TEXT:
    default:
      return g_strdup (_("The password has characters that cannot be typed, such as a line break."));
    }
}

char *
jy_login_normalize (const char *login)
{
  g_autofree char *trimmed = NULL;
  gsize len;

  if (login == NULL)
    return NULL;
  trimmed = g_ascii_strdown (g_strstrip (g_strdup (login)), -1);
  len = strlen (trimmed);
  if (len < 2 || len > 32 || !g_ascii_isalnum (trimmed[0]))
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (trimmed[i]) && strchr ("._-", trimmed[i]) == NULL)
      return NULL;
  return g_steal_pointer (&trimmed);
}

gint64
jy_lockout_after_failure (guint                   failures,
                          gint64                  now,
                          const JyPasswordPolicy *policy)
{
  if (policy == NULL)
    policy = &default_policy;

  if (policy->max_failures == 0 || failures < policy->max_failures)
    return 0;
  return now + (gint64)policy->lock_minutes * 60;
}

gboolean
jy_lockout_is_locked (gint64 locked_until,
                      gint64 now)
{
  return locked_until > now;
}

guint
jy_lockout_minutes_left (gint64 locked_until,
                         gint64 now)
{
  if (!jy_lockout_is_locked (locked_until, now))
    return 0;
  return (guint)((locked_until - now + 59) / 60);
}

gboolean
jy_idle_lock_due (gint64 last_activity_us,
                  gint64 now_us,
                  guint  minutes)
{
  if (minutes == 0)
    return FALSE;
  return now_us - last_activity_us >= (gint64)minutes * 60 * G_USEC_PER_SEC;
}
