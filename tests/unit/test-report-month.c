/* test-report-month.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-clock.h"
#include "jy-report-indicator.h"
#include "jy-report-month.h"
#include "test-util.h"

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = jy_clock_format_date (date);

  g_assert_cmpstr (text, ==, iso);
}

static JyReportMonth
month (const char *text)
{
  JyReportMonth m;

  g_assert_true (jy_report_month_parse (text, &m));
  return m;
}

static void
assert_month (JyReportMonth m,
              const char   *text)
{
  g_autofree char *s = jy_report_month_to_string (&m);

  g_assert_cmpstr (s, ==, text);
}

static void
test_parse (void)
{
  JyReportMonth m;

  assert_month (month ("2026-10"), "2026-10");
  assert_month (month ("2026-1"), "2026-01");
  g_assert_false (jy_report_month_parse ("2026-13", &m));
  g_assert_false (jy_report_month_parse ("2026-00", &m));
  g_assert_false (jy_report_month_parse ("26-10", &m));
  g_assert_false (jy_report_month_parse ("2026-10-01", &m));
  g_assert_false (jy_report_month_parse ("2026/10", &m));
  g_assert_false (jy_report_month_parse ("", &m));
  g_assert_false (jy_report_month_parse (NULL, &m));
}

static void
test_bounds_month_end (void)
{
  JyReportMonth m = month ("2026-10");
  GDate first, last;

  jy_report_month_bounds (&m, &first, &last);
  assert_date (&first, "2026-10-01");
  assert_date (&last, "2026-10-31");
  m = month ("2026-04");
  jy_report_month_bounds (&m, &first, &last);
  assert_date (&last, "2026-04-30");
}

static void
test_february_leap_year (void)
{
  JyReportMonth m = month ("2028-02");
  GDate last;

  jy_report_month_bounds (&m, NULL, &last);
  assert_date (&last, "2028-02-29");
  m = month ("2027-02");
  jy_report_month_bounds (&m, NULL, &last);
  assert_date (&last, "2027-02-28");
  m = month ("2100-02");
  jy_report_month_bounds (&m, NULL, &last);
  assert_date (&last, "2100-02-28");
  m = month ("2000-02");
  jy_report_month_bounds (&m, NULL, &last);
  assert_date (&last, "2000-02-29");
}

static void
test_february_same_month_last_year (void)
{
  JyReportMonth m = month ("2029-02");
  JyReportMonth ly = jy_report_month_last_year (&m);
  GDate last;

  assert_month (ly, "2028-02");
  jy_report_month_bounds (&ly, NULL, &last);
  assert_date (&last, "2028-02-29");
}

static void
test_previous_across_year_end (void)
{
  JyReportMonth m = month ("2027-01");

  assert_month (jy_report_month_previous (&m), "2026-12");
  assert_month (jy_report_month_last_year (&m), "2026-01");
  assert_month (jy_report_month_add (&m, 11), "2027-12");
  assert_month (jy_report_month_add (&m, 12), "2028-01");
  assert_month (jy_report_month_add (&m, -13), "2025-12");
  m = month ("2026-12");
  assert_month (jy_report_month_add (&m, 1), "2027-01");
}

static void
test_window_ytd_and_quarter (void)
{
  JyReportMonth m = month ("2026-11");
  JyReportWindow w;

  jy_report_window_for_month (&m, &w);
  assert_date (&w.first, "2026-11-01");
  assert_date (&w.last, "2026-11-30");
  assert_date (&w.year_first, "2026-01-01");
  assert_date (&w.quarter_first, "2026-10-01");
  m = month ("2026-03");
  jy_report_window_for_month (&m, &w);
  assert_date (&w.quarter_first, "2026-01-01");
  assert_date (&w.last, "2026-03-31");
  m = month ("2026-01");
  jy_report_window_for_month (&m, &w);
  assert_date (&w.year_first, "2026-01-01");
  assert_date (&w.quarter_first, "2026-01-01");
}

static void
test_instant_in_shanghai (void)
{
  /* 16:30 UTC on 31 Oct is 00:30 on 1 Nov in Shanghai. */
  g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 ("2026-10-31T16:30:00Z", NULL);
  g_autoptr(GDateTime) t2 = g_date_time_new_from_iso8601 ("2026-12-31T15:59:59Z", NULL);
  g_autoptr(GDateTime) t3 = g_date_time_new_from_iso8601 ("2026-12-31T16:00:00Z", NULL);
  JyReportMonth m;

  jy_report_month_of_instant (t, &m);
  assert_month (m, "2026-11");
  jy_report_month_of_instant (t2, &m);
  assert_month (m, "2026-12");
  jy_report_month_of_instant (t3, &m);
  assert_month (m, "2027-01");
}

static void
test_compare (void)
{
  JyReportMonth a = month ("2026-12"), b = month ("2027-01");

  g_assert_cmpint (jy_report_month_compare (&a, &b), <, 0);
  g_assert_cmpint (jy_report_month_compare (&b, &a), >, 0);
  g_assert_cmpint (jy_report_month_compare (&a, &a), ==, 0);
}

static void
test_indicators_defined (void)
{
  guint n;
  const JyReportIndicator *all = jy_report_indicators (&n);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n, >=, 30);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = jy_report_indicator_describe (&all[i]);

      g_assert_true (g_hash_table_add (codes, (gpointer)all[i].code));
      g_assert_nonnull (all[i].name);
      g_assert_nonnull (all[i].numerator);
      /* Rates and averages have a denominator, counts none. */
      g_assert_true ((all[i].denominator != NULL) ==
                     (all[i].kind == JY_INDICATOR_RATE || all[i].kind == JY_INDICATOR_AVERAGE));
      g_assert_true (strstr (text, jy_indicator_window_name (all[i].window)) != NULL);
    }
  /* Every code of domain.md §6.1. */
  for (const char * const *c = (const char * const[]) { "C01", "C02", "C03", "C04", "C05", "C05R",
                                                          "C06", "C07", "C08", "F01H", "F01D",
                                                          "F02H", "F02D", "F03", "F04", "F05", "F06",
                                                          "F07", "F08", "L01", "L02", "L03", "L04",
                                                          "H01", "H02N", "H02D", "H03D", "H03N",
                                                          "H04", "R01", "R02", "R03", "N01", NULL };
       *c != NULL; c++)
    g_assert_nonnull (jy_report_indicator_lookup (*c));
}

static void
test_rx_and_beds_available (void)
{
  g_assert_true (jy_report_section_is_available (JY_REPORT_SECTION_LONG_RX));
  g_assert_true (jy_report_section_is_available (JY_REPORT_SECTION_HOME_BED));
  g_assert_true (jy_report_section_is_available (JY_REPORT_SECTION_CONTRACTS));
  g_assert_true (jy_report_section_is_available (JY_REPORT_SECTION_CHRONIC));
  g_assert_true (jy_report_indicator_is_available (jy_report_indicator_lookup ("H01")));
  g_assert_true (jy_report_indicator_is_available (jy_report_indicator_lookup ("L04")));
  g_assert_true (jy_report_indicator_is_available (jy_report_indicator_lookup ("H02D-5")));
  g_assert_false (jy_report_indicator_is_available (jy_report_indicator_lookup ("C08")));
  g_assert_true (jy_report_indicator_is_available (jy_report_indicator_lookup ("F05")));
}

static GDate
day (const char *iso)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, iso);
  g_assert_true (g_date_valid (&d));
  return d;
}

static void
test_norm_to_date (void)
{
  GDate y = day ("2026-01-01");
  GDate mar = day ("2026-03-31"), nov = day ("2026-11-30"), dec = day ("2026-12-31");
  GDate old = day ("2020-05-04"), oct = day ("2026-10-20"), later = day ("2026-12-01");

  g_assert_cmpint (jy_report_norm_visits_required_to_date (&old, &y, &dec, 4), ==, 4);
  g_assert_cmpint (jy_report_norm_visits_required_to_date (&old, &y, &mar, 4), ==, 1);
  g_assert_cmpint (jy_report_norm_visits_required_to_date (&old, &y, &nov, 4), ==, 4);
  /* Enrolled in October: Oct–Dec is one quarter, as jy_followup_norm_visits_required says. */
  g_assert_cmpint (jy_report_norm_visits_required_to_date (&oct, &y, &nov, 4), ==, 1);
  g_assert_cmpint (jy_report_norm_visits_required_to_date (&oct, &y, &dec, 4), ==, 1);
  g_assert_cmpint (jy_report_norm_visits_required_to_date (&later, &y, &nov, 4), ==, 0);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-month/parse/year and month only", test_parse);
  g_test_add_func ("/report-month/bounds/30 and 31 day months", test_bounds_month_end);
  g_test_add_func ("/report-month/bounds/February in leap and century years", test_february_leap_year);
  g_test_add_func ("/report-month/compare/same month last year of a leap February", test_february_same_month_last_year);
  g_test_add_func ("/report-month/compare/previous month across the year end", test_previous_across_year_end);
  g_test_add_func ("/report-month/window/year to date and quarter to date", test_window_ytd_and_quarter);
  g_test_add_func ("/report-month/zone/an instant falls in its Shanghai month", test_instant_in_shanghai);
  g_test_add_func ("/report-month/compare/order of months", test_compare);
  g_test_add_func ("/report-indicator/table/every code of the monthly summary", test_indicators_defined);
  g_test_add_func ("/report-indicator/availability/long prescriptions and home beds counted", test_rx_and_beds_available);

  g_test_add_func ("/report-indicator/norm/visits required so far in the year", test_norm_to_date);

  return g_test_run ();
}
