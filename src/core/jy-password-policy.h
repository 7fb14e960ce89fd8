/* jy-password-policy.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a staff password must be, and when wrong ones lock an account
 * (等保 2.0 asks for both: complexity and login-failure handling). Times
 * are Unix seconds passed in by the caller, so tests choose the clock. */
typedef struct
{
  guint min_length;     /* characters (not bytes); default 8 */
  guint min_kinds;      /* of lower-case, upper-case, digits, others; default 2 */
  guint max_failures;   /* wrong passwords in a row that lock; default 5 (configurable) */
  guint lock_minutes;   /* how long the lock lasts; default 15 (configurable) */
} JyPasswordPolicy;

#define JY_PASSWORD_POLICY_DEFAULT \
  ((JyPasswordPolicy) { .min_length = 8, .min_kinds = 2, .max_failures = 5, .lock_minutes = 15 })

/* Longer than any passphrase, short enough to hash quickly. */
#define JY_PASSWORD_MAX_BYTES 128

typedef enum
{
  JY_PASSWORD_OK,
  JY_PASSWORD_TOO_SHORT,
  JY_PASSWORD_TOO_LONG,
  /* Fewer kinds of characters than min_kinds (only digits, say). */
  JY_PASSWORD_TOO_SIMPLE,
  /* Contains the login name, in any case. */
  JY_PASSWORD_CONTAINS_LOGIN,
  /* Not UTF-8, or has control characters (a pasted newline). */
  JY_PASSWORD_INVALID_TEXT,
} JyPasswordProblem;

/* @policy: NULL for JY_PASSWORD_POLICY_DEFAULT. */
JyPasswordProblem jy_password_check              (const char             *password,
                                                  const char             *login,
                                                  const JyPasswordPolicy *policy);
/* The rule in the user's words (translated), for the field or the terminal. */
char             *jy_password_problem_dup_message (JyPasswordProblem       problem,
                                                  const JyPasswordPolicy *policy);

/* A login name: 2–32 of a–z, 0–9, ".", "_", "-", starting with a letter
 * or digit; upper case is folded and spaces around it trimmed. Returns the
 * normalized name, or NULL when it cannot be one. */
char             *jy_login_normalize             (const char             *login);

/* After one more wrong password: @failures is the count including it.
 * Returns the Unix time the account is locked until, or 0 when it is not
 * locked yet. */
gint64            jy_lockout_after_failure       (guint                   failures,
                                                  gint64                  now,
                                                  const JyPasswordPolicy *policy);
gboolean          jy_lockout_is_locked           (gint64                  locked_until,
                                                  gint64                  now);
/* Whole minutes left, rounded up (1 while any second is left); 0 when not locked. */
guint             jy_lockout_minutes_left        (gint64                  locked_until,
                                                  gint64                  now);

/* Idle auto-lock: @minutes 0 means never. Times in microseconds
 * (g_get_monotonic_time). */
gboolean          jy_idle_lock_due               (gint64                  last_activity_us,
                                                  gint64                  now_us,
                                                  guint                   minutes);

G_END_DECLS
