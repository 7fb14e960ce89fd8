/* test-password-policy.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-password-policy.h"
#include "test-util.h"

/* 2026-11-23 08:00 in Beijing, as Unix seconds. */
#define NOW G_GINT64_CONSTANT (1795392000)

static void
test_length (void)
{
  g_assert_cmpint (jy_password_check ("abc1234", NULL, NULL), ==, JY_PASSWORD_TOO_SHORT);
  g_assert_cmpint (jy_password_check ("abcd1234", NULL, NULL), ==, JY_PASSWORD_OK);
  /* Characters, not bytes: eight 汉字 with a digit are long enough. */
  g_assert_cmpint (jy_password_check ("家庭医生签约服务1", NULL, NULL), ==, JY_PASSWORD_OK);
  g_assert_cmpint (jy_password_check ("家庭医生1", NULL, NULL), ==, JY_PASSWORD_TOO_SHORT);
}

static void
test_too_long (void)
{
  g_autofree char *long_password = g_strnfill (JY_PASSWORD_MAX_BYTES, 'a');
  g_autofree char *longer = g_strconcat (long_password, "1", NULL);

  g_assert_cmpint (jy_password_check (longer, NULL, NULL), ==, JY_PASSWORD_TOO_LONG);
}

static void
test_kinds (void)
{
  g_assert_cmpint (jy_password_check ("12345678", NULL, NULL), ==, JY_PASSWORD_TOO_SIMPLE);
  g_assert_cmpint (jy_password_check ("abcdefgh", NULL, NULL), ==, JY_PASSWORD_TOO_SIMPLE);
  g_assert_cmpint (jy_password_check ("abcdEFGH", NULL, NULL), ==, JY_PASSWORD_OK);
  g_assert_cmpint (jy_password_check ("abcd-efg", NULL, NULL), ==, JY_PASSWORD_OK);
}

static void
test_login (void)
{
  g_assert_cmpint (jy_password_check ("Doctor01!", "doctor01", NULL), ==, JY_PASSWORD_CONTAINS_LOGIN);
  g_assert_cmpint (jy_password_check ("tea-pot-42", "doctor01", NULL), ==, JY_PASSWORD_OK);
}

static void
test_control (void)
{
  g_assert_cmpint (jy_password_check ("abcd1234\n", NULL, NULL), ==, JY_PASSWORD_INVALID_TEXT);
  g_assert_cmpint (jy_password_check ("abcd\xff" "1234", NULL, NULL), ==, JY_PASSWORD_INVALID_TEXT);
  g_assert_cmpint (jy_password_check (NULL, NULL, NULL), ==, JY_PASSWORD_INVALID_TEXT);
}

static void
test_messages (void)
{
  for (JyPasswordProblem p = JY_PASSWORD_TOO_SHORT; p <= JY_PASSWORD_INVALID_TEXT; p++)
    {
      g_autofree char *message = jy_password_problem_dup_message (p, NULL);

      g_assert_nonnull (message);
    }
  g_assert_null (jy_password_problem_dup_message (JY_PASSWORD_OK, NULL));
  {
    g_autofree char *message = jy_password_problem_dup_message (JY_PASSWORD_TOO_SHORT, NULL);

    g_assert_nonnull (strstr (message, "8"));
  }
}

static void
test_login_names (void)
{
  g_autofree char *upper = jy_login_normalize ("  Doctor01 ");
  g_autofree char *dotted = jy_login_normalize ("wang.xy_2");

  g_assert_cmpstr (upper, ==, "doctor01");
  g_assert_cmpstr (dotted, ==, "wang.xy_2");
  g_assert_null (jy_login_normalize ("a"));
  g_assert_null (jy_login_normalize ("-admin"));
  g_assert_null (jy_login_normalize ("王医生"));
  g_assert_null (jy_login_normalize ("doctor 01"));
  g_assert_null (jy_login_normalize (NULL));
}

static void
test_fifth_failure_locks (void)
{
  for (guint failures = 1; failures < 5; failures++)
    g_assert_cmpint (jy_lockout_after_failure (failures, NOW, NULL), ==, 0);
  g_assert_cmpint (jy_lockout_after_failure (5, NOW, NULL), ==, NOW + 15 * 60);
}

static void
test_locked_until (void)
{
  gint64 until = jy_lockout_after_failure (5, NOW, NULL);

  g_assert_true (jy_lockout_is_locked (until, NOW));
  g_assert_true (jy_lockout_is_locked (until, until - 1));
  g_assert_false (jy_lockout_is_locked (until, until));
  g_assert_false (jy_lockout_is_locked (0, NOW));

  g_assert_cmpuint (jy_lockout_minutes_left (until, NOW), ==, 15);
  g_assert_cmpuint (jy_lockout_minutes_left (until, NOW + 1), ==, 15);
  g_assert_cmpuint (jy_lockout_minutes_left (until, NOW + 60), ==, 14);
  g_assert_cmpuint (jy_lockout_minutes_left (until, until - 1), ==, 1);
  g_assert_cmpuint (jy_lockout_minutes_left (until, until), ==, 0);
}

static void
test_configurable (void)
{
  JyPasswordPolicy policy = JY_PASSWORD_POLICY_DEFAULT;

  policy.max_failures = 3;
  policy.lock_minutes = 5;
  g_assert_cmpint (jy_lockout_after_failure (2, NOW, &policy), ==, 0);
  g_assert_cmpint (jy_lockout_after_failure (3, NOW, &policy), ==, NOW + 5 * 60);
  /* 0 turns the lock off (a policy a centre may choose, never the default). */
  policy.max_failures = 0;
  g_assert_cmpint (jy_lockout_after_failure (100, NOW, &policy), ==, 0);
}

static void
test_idle (void)
{
  gint64 t0 = 1000 * G_USEC_PER_SEC;

  g_assert_false (jy_idle_lock_due (t0, t0 + 9 * 60 * G_USEC_PER_SEC, 10));
  g_assert_true (jy_idle_lock_due (t0, t0 + 10 * 60 * G_USEC_PER_SEC, 10));
  g_assert_false (jy_idle_lock_due (t0, t0 + G_GINT64_CONSTANT (1000) * 60 * G_USEC_PER_SEC, 0));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/password/seven-characters-too-short-eight-enough", test_length);
  g_test_add_func ("/core/password/over-128-bytes-too-long", test_too_long);
  g_test_add_func ("/core/password/digits-only-too-simple", test_kinds);
  g_test_add_func ("/core/password/containing-login-refused", test_login);
  g_test_add_func ("/core/password/line-break-or-bad-utf8-refused", test_control);
  g_test_add_func ("/core/password/every-problem-has-a-message", test_messages);
  g_test_add_func ("/core/login/folded-trimmed-ascii-only", test_login_names);
  g_test_add_func ("/core/lockout/5-failures-lock-for-15-minutes", test_fifth_failure_locks);
  g_test_add_func ("/core/lockout/minutes-left-round-up-and-end-on-time", test_locked_until);
  g_test_add_func ("/core/lockout/failures-and-minutes-configurable", test_configurable);
  g_test_add_func ("/core/idle/locks-after-10-minutes-never-when-0", test_idle);

  return g_test_run ();
}
