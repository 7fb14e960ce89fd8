/* test-quarter.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <time.h>

#include "jy-clock.h"
#include "jy-person.h"
#include "jy-quarter.h"
#include "jy-reporting-period.h"
#include "test-util.h"

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (jy_person_parse_date (iso, &date));
  return date;
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = jy_clock_format_date (date);

  g_assert_cmpstr (text, ==, iso);
}

static JyQuarter
quarter_of (const char *iso)
{
  GDate date = day (iso);
  JyQuarter quarter;

  jy_quarter_from_date (&date, &quarter);
  return quarter;
}

static void
test_quarter_boundaries (void)
{
  JyQuarter q;

  q = quarter_of ("2026-03-31");
  g_assert_cmpint (q.year, ==, 2026);
  g_assert_cmpint (q.quarter, ==, 1);
  q = quarter_of ("2026-04-01");
  g_assert_cmpint (q.quarter, ==, 2);
  q = quarter_of ("2026-12-31");
  g_assert_cmpint (q.quarter, ==, 4);
  q = quarter_of ("2027-01-01");
  g_assert_cmpint (q.year, ==, 2027);
  g_assert_cmpint (q.quarter, ==, 1);
}

static void
test_quarter_first_and_last_day (void)
{
  JyQuarter q1 = { 2024, 1 }, q2 = { 2026, 2 }, q3 = { 2026, 3 }, q4 = { 2026, 4 };
  GDate date;

  jy_quarter_first_day (&q1, &date);
  assert_date (&date, "2024-01-01");
  jy_quarter_last_day (&q1, &date);
  assert_date (&date, "2024-03-31");
  jy_quarter_last_day (&q2, &date);
  assert_date (&date, "2026-06-30");
  jy_quarter_first_day (&q3, &date);
  assert_date (&date, "2026-07-01");
  jy_quarter_last_day (&q3, &date);
  assert_date (&date, "2026-09-30");
  jy_quarter_last_day (&q4, &date);
  assert_date (&date, "2026-12-31");
}

static void
test_quarter_add_crosses_year_end (void)
{
  JyQuarter q = { 2026, 4 }, out;

  jy_quarter_add (&q, 1, &out);
  g_assert_cmpint (out.year, ==, 2027);
  g_assert_cmpint (out.quarter, ==, 1);
  jy_quarter_add (&out, -1, &out);
  g_assert_cmpint (jy_quarter_compare (&q, &out), ==, 0);
  jy_quarter_add (&q, -4, &out);
  g_assert_cmpint (out.year, ==, 2025);
  g_assert_cmpint (out.quarter, ==, 4);
}

static void
test_quarter_string_round_trip (void)
{
  JyQuarter q = { 2026, 2 }, back;
  g_autofree char *text = jy_quarter_to_string (&q);

  g_assert_cmpstr (text, ==, "2026-Q2");
  g_assert_true (jy_quarter_from_string (text, &back));
  g_assert_cmpint (jy_quarter_compare (&q, &back), ==, 0);
  g_assert_false (jy_quarter_from_string ("2026-Q5", &back));
  g_assert_false (jy_quarter_from_string ("2026Q2", &back));
  g_assert_false (jy_quarter_from_string (NULL, &back));
}

static void
test_contact_at_local_2330_counts_for_q1 (void)
{
  /* 2026-03-31 23:30 in Beijing is 15:30 UTC. */
  GDate local;
  JyQuarter q1 = { 2026, 1 };

  g_assert_true (jy_clock_local_date_from_utc_iso ("2026-03-31T15:30:00Z", &local));
  assert_date (&local, "2026-03-31");
  g_assert_true (jy_quarter_has_date (&q1, &local, 1));
}

static void
test_utc_1730_on_mar31_is_apr1_local_q2 (void)
{
  GDate local;
  JyQuarter q1 = { 2026, 1 }, q2 = { 2026, 2 };

  g_assert_true (jy_clock_local_date_from_utc_iso ("2026-03-31T17:30:00Z", &local));
  assert_date (&local, "2026-04-01");
  g_assert_false (jy_quarter_has_date (&q1, &local, 1));
  g_assert_true (jy_quarter_has_date (&q2, &local, 1));
}

static void
test_utc_new_year_eve_1600_is_next_year_local (void)
{
  GDate local;

  g_assert_true (jy_clock_local_date_from_utc_iso ("2026-12-31T16:00:00.000000Z", &local));
  assert_date (&local, "2027-01-01");
  g_assert_true (jy_clock_local_date_from_utc_iso ("2026-12-31T15:59:59Z", &local));
  assert_date (&local, "2026-12-31");
}

static void
test_timestamp_with_offset_and_without (void)
{
  GDate local;

  /* An explicit offset is honoured; none means UTC, as stored. */
  g_assert_true (jy_clock_local_date_from_utc_iso ("2026-03-31T20:00:00-05:00", &local));
  assert_date (&local, "2026-04-01");
  g_assert_true (jy_clock_local_date_from_utc_iso ("2026-03-31T17:30:00", &local));
  assert_date (&local, "2026-04-01");
  g_assert_false (jy_clock_local_date_from_utc_iso ("yesterday", &local));
  g_assert_false (g_date_valid (&local));
  g_assert_false (jy_clock_local_date_from_utc_iso (NULL, &local));
}

static void
test_local_date_ignores_process_tz (void)
{
  const char *saved = g_getenv ("TZ");
  g_autofree char *saved_copy = g_strdup (saved);
  GDate local;

  /* A workstation set to New York still closes the quarter in Beijing. */
  g_setenv ("TZ", "America/New_York", TRUE);
  tzset ();
  g_assert_true (jy_clock_local_date_from_utc_iso ("2026-03-31T17:30:00Z", &local));
  assert_date (&local, "2026-04-01");

  if (saved_copy != NULL)
    g_setenv ("TZ", saved_copy, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

static void
test_no_contact_in_quarter (void)
{
  JyQuarter q2 = { 2026, 2 };
  GDate dates[] = { day ("2026-03-31"), day ("2026-07-01") };

  g_assert_false (jy_quarter_has_date (&q2, dates, G_N_ELEMENTS (dates)));
  g_assert_false (jy_quarter_has_date (&q2, NULL, 0));
}

static void
test_reporting_month_natural (void)
{
  GDate first, last;

  jy_reporting_month_bounds (NULL, 2024, 2, &first, &last);
  assert_date (&first, "2024-02-01");
  assert_date (&last, "2024-02-29");
}

static void
test_reporting_month_closing_on_25th (void)
{
  JyReportingCalendar cal = { .month_close_day = 25, .year_start_month = 1 };
  GDate first, last, date;
  int year, month;

  jy_reporting_month_bounds (&cal, 2026, 10, &first, &last);
  assert_date (&first, "2026-09-26");
  assert_date (&last, "2026-10-25");
  jy_reporting_month_bounds (&cal, 2027, 1, &first, &last);
  assert_date (&first, "2026-12-26");
  assert_date (&last, "2027-01-25");

  date = day ("2026-12-26");
  jy_reporting_month_of (&cal, &date, &year, &month);
  g_assert_cmpint (year, ==, 2027);
  g_assert_cmpint (month, ==, 1);
  date = day ("2026-12-25");
  jy_reporting_month_of (&cal, &date, &year, &month);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (month, ==, 12);
}

static void
test_assessment_year_calendar_default (void)
{
  GDate date = day ("2026-07-15"), first, last;

  jy_reporting_year_bounds (NULL, &date, &first, &last);
  assert_date (&first, "2026-01-01");
  assert_date (&last, "2026-12-31");
}

static void
test_assessment_year_july_to_june (void)
{
  JyReportingCalendar cal = { .month_close_day = 0, .year_start_month = 7 };
  GDate date = day ("2027-03-15"), first, last;

  jy_reporting_year_bounds (&cal, &date, &first, &last);
  assert_date (&first, "2026-07-01");
  assert_date (&last, "2027-06-30");
  date = day ("2027-07-01");
  jy_reporting_year_bounds (&cal, &date, &first, &last);
  assert_date (&first, "2027-07-01");
  assert_date (&last, "2028-06-30");
}

static void
test_assessment_year_closing_on_25th (void)
{
  JyReportingCalendar cal = { .month_close_day = 25, .year_start_month = 1 };
  GDate date = day ("2026-12-27"), first, last;

  jy_reporting_year_bounds (&cal, &date, &first, &last);
  assert_date (&first, "2026-12-26");
  assert_date (&last, "2027-12-25");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/quarter/mar-31-is-q1-apr-1-is-q2-dec-31-is-q4", test_quarter_boundaries);
  g_test_add_func ("/core/quarter/first-and-last-day-incl-leap-february", test_quarter_first_and_last_day);
  g_test_add_func ("/core/quarter/2026-q4-plus-one-is-2027-q1", test_quarter_add_crosses_year_end);
  g_test_add_func ("/core/quarter/string-2026-q2-round-trip", test_quarter_string_round_trip);
  g_test_add_func ("/core/quarter/contact-at-2026-03-31-23-30-local-counts-for-q1", test_contact_at_local_2330_counts_for_q1);
  g_test_add_func ("/core/quarter/contact-at-2026-03-31t17-30z-is-2026-04-01-local-q2", test_utc_1730_on_mar31_is_apr1_local_q2);
  g_test_add_func ("/core/quarter/utc-16-00-on-dec-31-is-next-year-local", test_utc_new_year_eve_1600_is_next_year_local);
  g_test_add_func ("/core/quarter/timestamp-offset-honoured-missing-offset-is-utc", test_timestamp_with_offset_and_without);
  g_test_add_func ("/core/quarter/local-date-ignores-process-tz", test_local_date_ignores_process_tz);
  g_test_add_func ("/core/quarter/no-contact-dated-in-quarter", test_no_contact_in_quarter);
  g_test_add_func ("/core/reporting-period/natural-month-2024-02-ends-on-29th", test_reporting_month_natural);
  g_test_add_func ("/core/reporting-period/month-closing-on-25th-runs-26th-to-25th", test_reporting_month_closing_on_25th);
  g_test_add_func ("/core/reporting-period/assessment-year-is-calendar-year", test_assessment_year_calendar_default);
  g_test_add_func ("/core/reporting-period/assessment-year-july-to-june", test_assessment_year_july_to_june);
  g_test_add_func ("/core/reporting-period/assessment-year-closing-on-25-dec", test_assessment_year_closing_on_25th);

  return g_test_run ();
}
