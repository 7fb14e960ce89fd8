/* test-key-population.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-key-population.h"
#include "jy-person.h"
#include "test-util.h"

#define BIT JY_KEY_POPULATION_BIT

static guint32
derive_age (const char    *birth,
            const char    *on,
            JyElderlyRule  rule)
{
  GDate b, r;
  JyKeyPopulationFacts facts = { .birth = &b };

  g_assert_true (jy_person_parse_date (birth, &b));
  g_assert_true (jy_person_parse_date (on, &r));
  return jy_key_population_derive (&facts, &r, rule);
}

static void
test_elderly_exact_age_from_65th_birthday (void)
{
  g_assert_false (derive_age ("1961-11-24", "2026-11-23", JY_ELDERLY_RULE_EXACT_AGE) & BIT (JY_KEY_POPULATION_ELDERLY));
  g_assert_true (derive_age ("1961-11-23", "2026-11-23", JY_ELDERLY_RULE_EXACT_AGE) & BIT (JY_KEY_POPULATION_ELDERLY));
}

static void
test_elderly_annual_rule_counts_whole_birth_year (void)
{
  /* Born 31 Dec 1961: 64 on 1 Jan 2026, but in the 2026 cohort of 65+. */
  g_assert_true (derive_age ("1961-12-31", "2026-01-01", JY_ELDERLY_RULE_ANNUAL) & BIT (JY_KEY_POPULATION_ELDERLY));
  g_assert_false (derive_age ("1962-01-01", "2026-12-31", JY_ELDERLY_RULE_ANNUAL) & BIT (JY_KEY_POPULATION_ELDERLY));
}

static void
test_elderly_feb29_birthday_reached_mar1 (void)
{
  g_assert_false (derive_age ("1960-02-29", "2025-02-28", JY_ELDERLY_RULE_EXACT_AGE) & BIT (JY_KEY_POPULATION_ELDERLY));
  g_assert_true (derive_age ("1960-02-29", "2025-03-01", JY_ELDERLY_RULE_EXACT_AGE) & BIT (JY_KEY_POPULATION_ELDERLY));
}

static void
test_child_is_0_to_6_full_years (void)
{
  g_assert_true (derive_age ("2019-11-24", "2026-11-23", JY_ELDERLY_RULE_EXACT_AGE) & BIT (JY_KEY_POPULATION_CHILD));
  g_assert_false (derive_age ("2019-11-23", "2026-11-23", JY_ELDERLY_RULE_EXACT_AGE) & BIT (JY_KEY_POPULATION_CHILD));
  g_assert_true (derive_age ("2026-11-23", "2026-11-23", JY_ELDERLY_RULE_EXACT_AGE) & BIT (JY_KEY_POPULATION_CHILD));
}

static void
test_manual_tag_applies_from_start_to_end_inclusive (void)
{
  JyManualTag tag = { .tag = JY_KEY_POPULATION_PREGNANT };
  JyKeyPopulationFacts facts = { .manual = &tag, .n_manual = 1 };
  GDate day;

  g_date_set_dmy (&tag.start, 1, 3, 2026);
  g_date_set_dmy (&tag.end, 30, 11, 2026);   /* 42 days postpartum */

  g_date_set_dmy (&day, 28, 2, 2026);
  g_assert_cmpuint (jy_key_population_derive (&facts, &day, JY_ELDERLY_RULE_ANNUAL), ==, 0);
  g_date_set_dmy (&day, 1, 3, 2026);
  g_assert_cmpuint (jy_key_population_derive (&facts, &day, JY_ELDERLY_RULE_ANNUAL), ==, BIT (JY_KEY_POPULATION_PREGNANT));
  g_date_set_dmy (&day, 30, 11, 2026);
  g_assert_cmpuint (jy_key_population_derive (&facts, &day, JY_ELDERLY_RULE_ANNUAL), ==, BIT (JY_KEY_POPULATION_PREGNANT));
  g_date_set_dmy (&day, 1, 12, 2026);
  g_assert_cmpuint (jy_key_population_derive (&facts, &day, JY_ELDERLY_RULE_ANNUAL), ==, 0);
}

static void
test_open_manual_tag_still_applies (void)
{
  JyManualTag tag = { .tag = JY_KEY_POPULATION_TUBERCULOSIS };
  JyKeyPopulationFacts facts = { .manual = &tag, .n_manual = 1 };
  GDate day;

  g_date_set_dmy (&tag.start, 1, 1, 2026);
  g_date_clear (&tag.end, 1);
  g_date_set_dmy (&day, 31, 12, 2030);
  g_assert_cmpuint (jy_key_population_derive (&facts, &day, JY_ELDERLY_RULE_ANNUAL), ==, BIT (JY_KEY_POPULATION_TUBERCULOSIS));
}

static void
test_derived_kind_set_by_hand_is_ignored (void)
{
  JyManualTag tag = { .tag = JY_KEY_POPULATION_ELDERLY };
  JyKeyPopulationFacts facts = { .manual = &tag, .n_manual = 1 };
  GDate day;

  g_date_set_dmy (&tag.start, 1, 1, 2020);
  g_date_clear (&tag.end, 1);
  g_date_set_dmy (&day, 1, 6, 2026);
  g_assert_cmpuint (jy_key_population_derive (&facts, &day, JY_ELDERLY_RULE_ANNUAL), ==, 0);
}

static void
test_several_tags_are_one_resident (void)
{
  GDate birth, day;
  JyManualTag tag = { .tag = JY_KEY_POPULATION_LOW_INCOME };
  JyKeyPopulationFacts facts = { .birth = &birth, .hypertension = TRUE, .diabetes = TRUE,
                                 .disabled = TRUE, .manual = &tag, .n_manual = 1 };
  guint32 mask;

  g_date_set_dmy (&birth, 1, 1, 1940);
  g_date_set_dmy (&tag.start, 1, 1, 2025);
  g_date_clear (&tag.end, 1);
  g_date_set_dmy (&day, 23, 11, 2026);
  mask = jy_key_population_derive (&facts, &day, JY_ELDERLY_RULE_ANNUAL);

  g_assert_cmpuint (mask, ==, BIT (JY_KEY_POPULATION_ELDERLY) | BIT (JY_KEY_POPULATION_HYPERTENSION) |
                              BIT (JY_KEY_POPULATION_DIABETES) | BIT (JY_KEY_POPULATION_DISABLED) |
                              BIT (JY_KEY_POPULATION_LOW_INCOME));
  /* Counted once in a key-population total: the mask is either zero or not. */
  g_assert_true (mask != 0);
}

static void
test_codes_round_trip (void)
{
  for (guint i = 0; i < JY_KEY_POPULATION_N; i++)
    {
      JyKeyPopulation back;

      g_assert_true (jy_key_population_from_string (jy_key_population_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
    }
  g_assert_false (jy_key_population_from_string ("nonsense", &(JyKeyPopulation) { 0 }));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/key-population/elderly-exact-age-from-65th-birthday", test_elderly_exact_age_from_65th_birthday);
  g_test_add_func ("/core/key-population/elderly-annual-rule-counts-whole-birth-year", test_elderly_annual_rule_counts_whole_birth_year);
  g_test_add_func ("/core/key-population/elderly-feb-29-birthday-reached-mar-1", test_elderly_feb29_birthday_reached_mar1);
  g_test_add_func ("/core/key-population/child-is-0-to-6-full-years", test_child_is_0_to_6_full_years);
  g_test_add_func ("/core/key-population/manual-tag-from-start-to-end-inclusive", test_manual_tag_applies_from_start_to_end_inclusive);
  g_test_add_func ("/core/key-population/open-manual-tag-still-applies", test_open_manual_tag_still_applies);
  g_test_add_func ("/core/key-population/derived-kind-set-by-hand-ignored", test_derived_kind_set_by_hand_is_ignored);
  g_test_add_func ("/core/key-population/several-tags-count-one-resident", test_several_tags_are_one_resident);
  g_test_add_func ("/core/key-population/codes-round-trip", test_codes_round_trip);

  return g_test_run ();
}
