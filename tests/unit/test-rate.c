/* test-rate.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-rate.h"
#include "test-util.h"

static void
assert_rate (gint64      numerator,
             gint64      denominator,
             const char *expected)
{
  g_autofree char *text = jy_rate_format_counts (numerator, denominator);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_rate_zero_denominator_prints_dash (void)
{
  JyRate rate = { 0, 0 };
  gint64 tenths = 42;

  assert_rate (0, 0, "—");
  assert_rate (5, 0, "—");
  g_assert_false (jy_rate_get_tenths (&rate, &tenths));
  g_assert_cmpint (tenths, ==, 42);
}

static void
test_rate_two_thirds (void)
{
  assert_rate (2, 3, "66.7%");
  assert_rate (1, 3, "33.3%");
  assert_rate (1, 6, "16.7%");
}

static void
test_rate_exact_half_rounds_up (void)
{
  /* 1/16 = 6.25 %, 1/1600 = 0.0625 %, 3/16 = 18.75 %, 1/8000 = 0.0125 % */
  assert_rate (1, 16, "6.3%");
  assert_rate (3, 16, "18.8%");
  assert_rate (1, 1600, "0.1%");
  assert_rate (1, 8000, "0.0%");
  assert_rate (1, 8, "12.5%");
  assert_rate (1, 32, "3.1%");
}

static void
test_rate_bounds (void)
{
  assert_rate (0, 7, "0.0%");
  assert_rate (7, 7, "100.0%");
  /* Coverage over an estimated population may pass 100 %. */
  assert_rate (1030, 1000, "103.0%");
  assert_rate (170001, 200000, "85.0%");
  assert_rate (170100, 200000, "85.1%");
}

static void
test_rate_large_counts (void)
{
  JyRate rate = { 2000000000000LL, 3000000000000LL };
  gint64 tenths;

  g_assert_true (jy_rate_get_tenths (&rate, &tenths));
  g_assert_cmpint (tenths, ==, 667);
  rate = (JyRate) { 1, G_MAXINT64 / 2 };
  g_assert_true (jy_rate_get_tenths (&rate, &tenths));
  g_assert_cmpint (tenths, ==, 0);
}

static void
test_rate_total_adds_counts (void)
{
  JyRate sum = { 0, 0 }, a = { 1, 2 }, b = { 1, 4 };
  g_autofree char *text = NULL;

  jy_rate_add (&sum, &a);
  jy_rate_add (&sum, &b);
  g_assert_cmpint (sum.numerator, ==, 2);
  g_assert_cmpint (sum.denominator, ==, 6);
  /* 33.3 %, not the 37.5 % mean of 50 % and 25 %. */
  text = jy_rate_format (&sum);
  g_assert_cmpstr (text, ==, "33.3%");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/indicator/rate-with-zero-denominator-prints-dash", test_rate_zero_denominator_prints_dash);
  g_test_add_func ("/core/indicator/rate-2-3-rounds-half-up-to-66-7", test_rate_two_thirds);
  g_test_add_func ("/core/indicator/rate-1-16-exactly-6-25-rounds-up-to-6-3", test_rate_exact_half_rounds_up);
  g_test_add_func ("/core/indicator/rate-0-100-and-over-100-percent", test_rate_bounds);
  g_test_add_func ("/core/indicator/rate-of-large-counts-exact", test_rate_large_counts);
  g_test_add_func ("/core/indicator/rate-total-adds-counts-not-percentages", test_rate_total_adds_counts);

  return g_test_run ();
}
