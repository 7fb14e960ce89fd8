/* test-idcard.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-idcard.h"
#include "test-util.h"

/* Every test checks dates against this day, never the real today. */
static GDate *
make_today (void)
{
  return g_date_new_dmy (30, G_DATE_JUNE, 2025);
}

/* Builds a valid 18-character number from its first 17 digits. */
static char *
with_check_char (const char *first17)
{
  char check = jy_idcard_check_char (first17);

  g_assert_cmpint (check, !=, '\0');
  return g_strdup_printf ("%.17s%c", first17, check);
}

static void
assert_validates (const char     *id,
                  JyIdcardStatus  expected)
{
  g_autoptr(GDate) today = make_today ();

  g_assert_cmpint (jy_idcard_validate (id, today), ==, expected);
}

static void
test_check_char_domain_examples (void)
{
  /* domain.md §1.2: S = 167, r = 2 → X; S = 280, r = 5 → 7. */
  g_assert_cmpint (jy_idcard_check_char ("11010519491231002"), ==, 'X');
  g_assert_cmpint (jy_idcard_check_char ("44030419900307541"), ==, '7');
  /* Only the first 17 characters count, so a full number can be passed. */
  g_assert_cmpint (jy_idcard_check_char ("11010519491231002X"), ==, 'X');

  assert_validates ("11010519491231002X", JY_IDCARD_OK);
  assert_validates ("440304199003075417", JY_IDCARD_OK);
}

static void
test_check_char_needs_17_digits (void)
{
  g_assert_cmpint (jy_idcard_check_char ("1101051949123100"), ==, '\0');
  g_assert_cmpint (jy_idcard_check_char ("1101051949123100A"), ==, '\0');
  g_assert_cmpint (jy_idcard_check_char (""), ==, '\0');
}

static void
test_lowercase_x_normalised (void)
{
  g_autofree char *normalized = jy_idcard_normalize ("11010519491231002x");

  g_assert_cmpstr (normalized, ==, "11010519491231002X");
  assert_validates (normalized, JY_IDCARD_OK);
}

static void
test_full_width_normalised (void)
{
  /* Chinese input methods type full-width digits and letters. */
  g_autofree char *digits = jy_idcard_normalize ("１１０１０５１９４９１２３１００２ｘ");
  g_autofree char *upper = jy_idcard_normalize ("１１０１０５１９４９１２３１００２Ｘ");

  g_assert_cmpstr (digits, ==, "11010519491231002X");
  g_assert_cmpstr (upper, ==, "11010519491231002X");
  assert_validates (digits, JY_IDCARD_OK);
}

static void
test_spaces_removed (void)
{
  /* Leading, trailing and grouping spaces, ideographic space, NBSP, tab,
   * and a zero-width space from a web page. */
  g_autofree char *normalized =
    jy_idcard_normalize ("  110105 19491231\u3000002\u00a0x\t\u200b ");

  g_assert_cmpstr (normalized, ==, "11010519491231002X");
}

static void
test_wrong_check_digit_refused (void)
{
  assert_validates ("110105194912310021", JY_IDCARD_ERR_CHECK);
  assert_validates ("440304199003075418", JY_IDCARD_ERR_CHECK);
  /* A single changed digit is always caught by MOD 11-2. */
  assert_validates ("440304199003075427", JY_IDCARD_ERR_CHECK);
}

static void
test_bad_format_refused (void)
{
  assert_validates ("", JY_IDCARD_ERR_FORMAT);
  assert_validates ("11010519491231002", JY_IDCARD_ERR_FORMAT);
  assert_validates ("11010519491231002XX", JY_IDCARD_ERR_FORMAT);
  assert_validates ("1101051949123100X2", JY_IDCARD_ERR_FORMAT);
  assert_validates ("11010519491231002x", JY_IDCARD_ERR_FORMAT);   /* not normalised */
  assert_validates ("11010519491231002Y", JY_IDCARD_ERR_FORMAT);
}

static void
test_bad_province_refused (void)
{
  const char *const refused[] = {
    "10010519491231002", "16010519491231002", "20010519491231002", "24010519491231002",
    "30010519491231002", "38010519491231002", "40010519491231002", "47010519491231002",
    "55010519491231002", "60010519491231002", "66010519491231002", "70010519491231002",
    "72010519491231002", "80010519491231002", "84010519491231002", "00010519491231002",
  };
  const char *const accepted[] = {
    "11010519491231002", "15010519491231002", "21010519491231002", "23010519491231002",
    "31010519491231002", "37010519491231002", "41010519491231002", "46010519491231002",
    "50010519491231002", "54010519491231002", "61010519491231002", "65010519491231002",
    "71010519491231002", "81010519491231002", "82010519491231002",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *id = with_check_char (refused[i]);

      g_test_message ("prefix %.2s", id);
      assert_validates (id, JY_IDCARD_ERR_AREA);
    }

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autofree char *id = with_check_char (accepted[i]);

      g_test_message ("prefix %.2s", id);
      assert_validates (id, JY_IDCARD_OK);
    }
}

static void
test_feb_29_leap_year_valid (void)
{
  g_autofree char *id = with_check_char ("35020320000229123");
  g_autofree char *century = with_check_char ("35020319000228123");
  GDate birth;

  assert_validates (id, JY_IDCARD_OK);
  g_assert_true (jy_idcard_get_birth_date (id, &birth));
  g_assert_cmpint (g_date_get_year (&birth), ==, 2000);
  g_assert_cmpint (g_date_get_month (&birth), ==, G_DATE_FEBRUARY);
  g_assert_cmpint (g_date_get_day (&birth), ==, 29);

  /* 1900 is not a leap year, 28 Feb is fine. */
  assert_validates (century, JY_IDCARD_OK);
}

static void
test_feb_29_non_leap_refused (void)
{
  g_autofree char *id = with_check_char ("35020320010229123");
  g_autofree char *century = with_check_char ("35020319000229123");
  GDate birth;

  assert_validates (id, JY_IDCARD_ERR_BIRTH);
  assert_validates (century, JY_IDCARD_ERR_BIRTH);
  g_assert_false (jy_idcard_get_birth_date (id, &birth));
}

static void
test_impossible_dates_refused (void)
{
  const char *const refused[] = {
    "35020319801301123",   /* month 13 */
    "35020319800001123",   /* month 0 */
    "35020319800431123",   /* 31 April */
    "35020319800100123",   /* day 0 */
    "35020300000101123",   /* year 0 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *id = with_check_char (refused[i]);

      assert_validates (id, JY_IDCARD_ERR_BIRTH);
    }
}

static void
test_future_birth_refused (void)
{
  g_autofree char *today = with_check_char ("35020320250630123");
  g_autofree char *tomorrow = with_check_char ("35020320250701123");

  /* Born on the reference day is fine, a day later is not. */
  assert_validates (today, JY_IDCARD_OK);
  assert_validates (tomorrow, JY_IDCARD_ERR_BIRTH);
}

static void
test_before_1880_refused (void)
{
  g_autofree char *first_day = with_check_char ("35020318800101123");
  g_autofree char *too_early = with_check_char ("35020318791231123");

  assert_validates (first_day, JY_IDCARD_OK);
  assert_validates (too_early, JY_IDCARD_ERR_BIRTH);
}

static void
test_sex_from_17th_digit (void)
{
  /* 17th digit 2 → female, 1 → male (domain.md examples). */
  g_assert_cmpint (jy_idcard_get_sex ("11010519491231002X"), ==, 2);
  g_assert_cmpint (jy_idcard_get_sex ("440304199003075417"), ==, 1);

  for (int digit = 0; digit <= 9; digit++)
    {
      g_autofree char *first17 = g_strdup_printf ("3502031980010112%d", digit);
      g_autofree char *id = with_check_char (first17);

      g_assert_cmpint (jy_idcard_get_sex (id), ==, digit % 2 == 1 ? 1 : 2);
    }

  g_assert_cmpint (jy_idcard_get_sex ("not a number"), ==, 0);
}

static void
test_birth_date_from_id (void)
{
  GDate birth;

  g_assert_true (jy_idcard_get_birth_date ("11010519491231002X", &birth));
  g_assert_cmpint (g_date_get_year (&birth), ==, 1949);
  g_assert_cmpint (g_date_get_month (&birth), ==, G_DATE_DECEMBER);
  g_assert_cmpint (g_date_get_day (&birth), ==, 31);

  g_assert_false (jy_idcard_get_birth_date ("1101051949", &birth));
}

static void
test_legacy_15_upgraded (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *upgraded = jy_idcard_upgrade_legacy ("110105491231002", &error);
  GDate birth;

  /* "19" goes after the area code; the check character is recomputed. */
  g_assert_no_error (error);
  g_assert_cmpstr (upgraded, ==, "11010519491231002X");
  assert_validates (upgraded, JY_IDCARD_OK);

  /* The 15-digit number itself: birth 19YYMMDD, sex from digit 15. */
  g_assert_true (jy_idcard_get_birth_date ("110105491231002", &birth));
  g_assert_cmpint (g_date_get_year (&birth), ==, 1949);
  g_assert_cmpint (g_date_get_day (&birth), ==, 31);
  g_assert_cmpint (jy_idcard_get_sex ("110105491231002"), ==, 2);
  g_assert_cmpint (jy_idcard_get_sex ("440304900307541"), ==, 1);
}

static void
test_legacy_15_upgrade_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *too_short = jy_idcard_upgrade_legacy ("11010549123100", &error);
  g_autofree char *bad_area = NULL;
  g_autofree char *bad_date = NULL;

  g_assert_null (too_short);
  g_assert_error (error, JY_IDCARD_ERROR, JY_IDCARD_ERR_FORMAT);
  g_clear_error (&error);

  bad_area = jy_idcard_upgrade_legacy ("100105491231002", &error);
  g_assert_null (bad_area);
  g_assert_error (error, JY_IDCARD_ERROR, JY_IDCARD_ERR_AREA);
  g_clear_error (&error);

  bad_date = jy_idcard_upgrade_legacy ("110105490229002", &error);
  g_assert_null (bad_date);
  g_assert_error (error, JY_IDCARD_ERROR, JY_IDCARD_ERR_BIRTH);
}

static void
test_legacy_15_refused_on_entry (void)
{
  g_autofree char *normalized = jy_idcard_normalize (" 110105 491231 002 ");

  g_assert_cmpstr (normalized, ==, "110105491231002");
  assert_validates (normalized, JY_IDCARD_ERR_LEGACY);
}

static void
test_taiwan_83_and_foreign_9_accepted (void)
{
  /* Taiwan residence permit (830000…) and the 2023 foreign permanent
   * resident ID (leading 9): same layout and check algorithm. */
  g_autofree char *taiwan = with_check_char ("83000019850615001");
  g_autofree char *foreign = with_check_char ("93184019900101001");
  g_autofree char *taiwan_wrong = NULL;

  assert_validates (taiwan, JY_IDCARD_OK);
  assert_validates (foreign, JY_IDCARD_OK);
  g_assert_cmpint (jy_idcard_get_sex (taiwan), ==, 1);

  taiwan_wrong = g_strdup (taiwan);
  taiwan_wrong[17] = taiwan[17] == '0' ? '1' : '0';
  assert_validates (taiwan_wrong, JY_IDCARD_ERR_CHECK);
}

static void
test_today_defaults_to_local_date (void)
{
  /* NULL means today in Asia/Shanghai; a 1990 birth is in the past then. */
  g_assert_cmpint (jy_idcard_validate ("440304199003075417", NULL), ==, JY_IDCARD_OK);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/idcard/check-char/domain-examples", test_check_char_domain_examples);
  g_test_add_func ("/core/idcard/check-char/needs-17-digits", test_check_char_needs_17_digits);
  g_test_add_func ("/core/idcard/lowercase-x-normalised", test_lowercase_x_normalised);
  g_test_add_func ("/core/idcard/full-width-normalised", test_full_width_normalised);
  g_test_add_func ("/core/idcard/spaces-removed", test_spaces_removed);
  g_test_add_func ("/core/idcard/wrong-check-digit-refused", test_wrong_check_digit_refused);
  g_test_add_func ("/core/idcard/bad-format-refused", test_bad_format_refused);
  g_test_add_func ("/core/idcard/bad-province-refused", test_bad_province_refused);
  g_test_add_func ("/core/idcard/feb-29-leap-year-valid", test_feb_29_leap_year_valid);
  g_test_add_func ("/core/idcard/feb-29-non-leap-refused", test_feb_29_non_leap_refused);
  g_test_add_func ("/core/idcard/impossible-dates-refused", test_impossible_dates_refused);
  g_test_add_func ("/core/idcard/future-birth-refused", test_future_birth_refused);
  g_test_add_func ("/core/idcard/before-1880-refused", test_before_1880_refused);
  g_test_add_func ("/core/idcard/sex-from-17th-digit", test_sex_from_17th_digit);
  g_test_add_func ("/core/idcard/birth-date-from-id", test_birth_date_from_id);
  g_test_add_func ("/core/idcard/legacy-15-upgraded", test_legacy_15_upgraded);
  g_test_add_func ("/core/idcard/legacy-15-upgrade-checks", test_legacy_15_upgrade_checks);
  g_test_add_func ("/core/idcard/legacy-15-refused-on-entry", test_legacy_15_refused_on_entry);
  g_test_add_func ("/core/idcard/taiwan-83-and-foreign-9-accepted",
                   test_taiwan_83_and_foreign_9_accepted);
  g_test_add_func ("/core/idcard/today-defaults-to-local-date", test_today_defaults_to_local_date);

  return g_test_run ();
}
