/* test-person.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-person.h"
#include "jy-phone.h"
#include "test-util.h"

static int
age (const char *birth,
     const char *on)
{
  GDate b, r;

  g_assert_true (jy_person_parse_date (birth, &b));
  g_assert_true (jy_person_parse_date (on, &r));
  return jy_person_age_on (&b, &r);
}

static void
test_age_birthday_reached_that_day (void)
{
  g_assert_cmpint (age ("1950-11-23", "2026-11-23"), ==, 76);
  g_assert_cmpint (age ("1950-11-24", "2026-11-23"), ==, 75);
}

static void
test_age_feb29_birthday_on_mar1_in_common_year (void)
{
  g_assert_cmpint (age ("1960-02-29", "2025-02-28"), ==, 64);
  g_assert_cmpint (age ("1960-02-29", "2025-03-01"), ==, 65);
  /* In a leap year it is the day itself. */
  g_assert_cmpint (age ("1960-02-29", "2024-02-28"), ==, 63);
  g_assert_cmpint (age ("1960-02-29", "2024-02-29"), ==, 64);
}

static void
test_age_year_end (void)
{
  g_assert_cmpint (age ("1961-01-01", "2025-12-31"), ==, 64);
  g_assert_cmpint (age ("1961-01-01", "2026-01-01"), ==, 65);
  g_assert_cmpint (age ("2026-11-23", "2026-11-23"), ==, 0);
}

static void
test_parse_date_refuses_impossible (void)
{
  GDate d;

  g_assert_false (jy_person_parse_date ("2025-02-29", &d));
  g_assert_false (jy_person_parse_date ("2024-13-01", &d));
  g_assert_false (jy_person_parse_date ("2024-4-01", &d));
  g_assert_false (jy_person_parse_date ("20240401", &d));
  g_assert_false (jy_person_parse_date (NULL, &d));
  g_assert_true (jy_person_parse_date ("2024-02-29", &d));
}

static void
test_mask_id_number (void)
{
  g_autofree char *masked = jy_person_mask_id_number ("11010519491231002X");

  g_assert_cmpstr (masked, ==, "1101**********002X");
  g_assert_null (jy_person_mask_id_number (NULL));
}

static void
test_mobile_prefixes_and_separators_stripped (void)
{
  static const char *inputs[] = {
    "13812345678", "+86 138 1234 5678", "0086-138-1234-5678", "8613812345678",
    "138-1234-5678", "１３８１２３４５６７８", "(+86)13812345678",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *n = jy_phone_normalize (inputs[i]);

      g_assert_cmpstr (n, ==, "13812345678");
      g_assert_cmpint (jy_phone_classify (n), ==, JY_PHONE_MOBILE);
    }
}

static void
test_mobile_new_segments_accepted_no_whitelist (void)
{
  g_assert_cmpint (jy_phone_classify ("16612345678"), ==, JY_PHONE_MOBILE);
  g_assert_cmpint (jy_phone_classify ("19912345678"), ==, JY_PHONE_MOBILE);
  g_assert_cmpint (jy_phone_classify ("12812345678"), ==, JY_PHONE_INVALID);
  g_assert_cmpint (jy_phone_classify ("1381234567"), ==, JY_PHONE_INVALID);
  g_assert_cmpint (jy_phone_classify ("138123456789"), ==, JY_PHONE_INVALID);
}

static void
test_landline_with_area_code_and_extension (void)
{
  g_assert_cmpint (jy_phone_classify ("0592-1234567"), ==, JY_PHONE_LANDLINE);
  g_assert_cmpint (jy_phone_classify ("010-12345678"), ==, JY_PHONE_LANDLINE);
  g_assert_cmpint (jy_phone_classify ("0592-1234567-801"), ==, JY_PHONE_LANDLINE);
  g_assert_cmpint (jy_phone_classify ("05921234567"), ==, JY_PHONE_LANDLINE);
  g_assert_cmpint (jy_phone_classify ("0592-123456"), ==, JY_PHONE_INVALID);
  g_assert_cmpint (jy_phone_classify ("0592-1234567-1234567"), ==, JY_PHONE_INVALID);
  g_assert_cmpint (jy_phone_classify ("1234567"), ==, JY_PHONE_INVALID);
  g_assert_cmpint (jy_phone_classify ("abc"), ==, JY_PHONE_INVALID);
}

static void
test_phone_masked_in_lists (void)
{
  g_autofree char *masked = jy_phone_mask ("13812345678");

  g_assert_cmpstr (masked, ==, "138****5678");
}

/* Whatever the cutoff says must agree with the age rule itself. */
static void
test_birth_cutoff_agrees_with_age (void)
{
  static const char *references[] = { "2026-11-23", "2025-02-28", "2025-03-01", "2024-02-29", "2026-01-01", "2026-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      GDate reference, cutoff, birth;

      g_assert_true (jy_person_parse_date (references[i], &reference));
      jy_person_latest_birth_for_age (&reference, 65, &cutoff);

      /* The cutoff itself is 65; the day after is 64. */
      g_assert_cmpint (jy_person_age_on (&cutoff, &reference), ==, 65);
      birth = cutoff;
      g_date_add_days (&birth, 1);
      g_assert_cmpint (jy_person_age_on (&birth, &reference), ==, 64);
    }
}

static void
test_birth_cutoff_feb29_born_not_yet_65_on_feb28 (void)
{
  GDate reference, cutoff, birth;

  g_assert_true (jy_person_parse_date ("2025-02-28", &reference));
  g_assert_true (jy_person_parse_date ("1960-02-29", &birth));
  jy_person_latest_birth_for_age (&reference, 65, &cutoff);
  g_assert_cmpint (g_date_compare (&birth, &cutoff), >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/person/age-birthday-reached-that-day", test_age_birthday_reached_that_day);
  g_test_add_func ("/core/person/age-feb-29-birthday-on-mar-1-in-common-year", test_age_feb29_birthday_on_mar1_in_common_year);
  g_test_add_func ("/core/person/age-across-year-end", test_age_year_end);
  g_test_add_func ("/core/person/parse-date-refuses-impossible", test_parse_date_refuses_impossible);
  g_test_add_func ("/core/person/id-number-masked-3502-stars-1234", test_mask_id_number);
  g_test_add_func ("/core/person/birth-cutoff-agrees-with-age", test_birth_cutoff_agrees_with_age);
  g_test_add_func ("/core/person/birth-cutoff-feb-29-born-not-yet-65-on-feb-28", test_birth_cutoff_feb29_born_not_yet_65_on_feb28);
  g_test_add_func ("/core/phone/mobile-prefixes-and-separators-stripped", test_mobile_prefixes_and_separators_stripped);
  g_test_add_func ("/core/phone/new-mobile-segments-accepted-no-whitelist", test_mobile_new_segments_accepted_no_whitelist);
  g_test_add_func ("/core/phone/landline-area-code-and-extension", test_landline_with_area_code_and_extension);
  g_test_add_func ("/core/phone/masked-138-stars-5678", test_phone_masked_in_lists);

  return g_test_run ();
}
