/* test-household.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-household.h"
#include "jy-person.h"
#include "test-util.h"

#define MAX_MEMBERS 8
#define REFERENCE   "2025-06-30"

/* One member as text: relation code, sex code, birth date (NULL = unknown). */
typedef struct
{
  const char *relation;
  const char *sex;
  const char *birth;
} Row;

static JyHouseholdProblem
check_rows (const Row *rows,
            guint      n_rows)
{
  JyHouseholdMember members[MAX_MEMBERS];
  GDate births[MAX_MEMBERS];
  GDate reference;

  g_assert_cmpuint (n_rows, <=, MAX_MEMBERS);
  g_assert_true (jy_person_parse_date (REFERENCE, &reference));

  for (guint i = 0; i < n_rows; i++)
    {
      members[i].relation = rows[i].relation;
      members[i].sex = rows[i].sex;
      members[i].birth = NULL;
      if (rows[i].birth != NULL)
        {
          g_assert_true (jy_person_parse_date (rows[i].birth, &births[i]));
          members[i].birth = &births[i];
        }
    }

  return jy_household_check (members, n_rows, &reference);
}

#define CHECK(...) \
  check_rows ((const Row[]) { __VA_ARGS__ }, \
              sizeof ((const Row[]) { __VA_ARGS__ }) / sizeof (Row))

static void
test_codes_are_gb_t_4761_groups (void)
{
  static const char *const expected[] = {
    "01", "02", "10", "20", "30", "40", "50", "60", "70", "80", "99",
  };
  const char *const *codes = jy_household_relation_codes ();
  guint n = 0;

  while (codes[n] != NULL)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (codes[n], ==, expected[n]);
      g_assert_true (jy_household_relation_is_valid (codes[n]));
      g_assert_nonnull (jy_household_relation_english (codes[n]));
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  g_assert_cmpstr (jy_household_relation_english (JY_HOUSEHOLD_RELATION_HEAD), ==,
                   "Head of household");
  g_assert_cmpstr (jy_household_relation_english (JY_HOUSEHOLD_RELATION_NON_RELATIVE), ==,
                   "Not related");
}

static void
test_unknown_code_invalid (void)
{
  /* 03 小集体户户主 was dropped in the 2008 revision; 11 夫 and 22 长子 are
   * detailed codes, stored as their groups 10 and 20. */
  static const char *const invalid[] = {
    "03", "00", "11", "22", "90", "98", "2", "020", " 02", "head", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (jy_household_relation_is_valid (invalid[i]));
      g_assert_null (jy_household_relation_english (invalid[i]));
    }
  g_assert_false (jy_household_relation_is_valid (NULL));
  g_assert_null (jy_household_relation_english (NULL));

  g_assert_cmpint (CHECK ({ "02", "1", "1970-01-01" }, { "11", "2", "1972-01-01" }), ==,
                   JY_HOUSEHOLD_PROBLEM_INVALID_RELATION);
  g_assert_cmpint (CHECK ({ "02", "1", "1970-01-01" }, { NULL, "2", "1972-01-01" }), ==,
                   JY_HOUSEHOLD_PROBLEM_INVALID_RELATION);
}

static void
test_valid_three_generation_household (void)
{
  /* Head and wife in their forties, a son of 18 and a daughter of 12, the
   * head's parents in their seventies. */
  g_assert_cmpint (CHECK ({ "02", "1", "1980-03-15" },
                          { "10", "2", "1982-11-02" },
                          { "20", "1", "2007-01-20" },
                          { "30", "2", "2013-06-30" },
                          { "50", "1", "1950-09-09" },
                          { "50", "2", "1953-04-01" }),
                   ==, JY_HOUSEHOLD_PROBLEM_NONE);
}

static void
test_valid_small_households (void)
{
  /* A person alone, the head's grandparent raising a grandchild, and a
   * head recorded as 01 本人. */
  g_assert_cmpint (CHECK ({ "02", "2", "1940-02-29" }), ==, JY_HOUSEHOLD_PROBLEM_NONE);
  g_assert_cmpint (CHECK ({ "02", "2", "1958-05-05" }, { "40", "1", "2016-08-01" }), ==,
                   JY_HOUSEHOLD_PROBLEM_NONE);
  g_assert_cmpint (CHECK ({ "01", "1", "1990-05-05" }, { "10", "2", "1991-05-05" }), ==,
                   JY_HOUSEHOLD_PROBLEM_NONE);
}

static void
test_no_head_refused (void)
{
  g_assert_cmpint (CHECK ({ "10", "2", "1972-01-01" }, { "20", "1", "2000-01-01" }), ==,
                   JY_HOUSEHOLD_PROBLEM_NO_HEAD);
  g_assert_cmpint (check_rows (NULL, 0), ==, JY_HOUSEHOLD_PROBLEM_NO_HEAD);
}

static void
test_two_heads_refused (void)
{
  g_assert_cmpint (CHECK ({ "02", "1", "1970-01-01" }, { "02", "2", "1972-01-01" }), ==,
                   JY_HOUSEHOLD_PROBLEM_SEVERAL_HEADS);
  /* 01 本人 and 02 户主 both name the reference person. */
  g_assert_cmpint (CHECK ({ "01", "1", "1970-01-01" }, { "02", "2", "1972-01-01" }), ==,
                   JY_HOUSEHOLD_PROBLEM_SEVERAL_HEADS);
}

static void
test_two_spouses_refused (void)
{
  g_assert_cmpint (CHECK ({ "02", "1", "1970-01-01" },
                          { "10", "2", "1972-01-01" },
                          { "10", "2", "1975-01-01" }),
                   ==, JY_HOUSEHOLD_PROBLEM_SEVERAL_SPOUSES);
}

static void
test_spouse_aged_19_female_refused (void)
{
  /* 19 on the reference date: turns 20 on 1 Jul 2025. */
  g_assert_cmpint (CHECK ({ "02", "1", "2000-01-01" }, { "10", "2", "2005-07-01" }), ==,
                   JY_HOUSEHOLD_PROBLEM_UNDER_MARRIAGE_AGE);
  /* Turned 20 that very day: of age. */
  g_assert_cmpint (CHECK ({ "02", "1", "2000-01-01" }, { "10", "2", "2005-06-30" }), ==,
                   JY_HOUSEHOLD_PROBLEM_NONE);
}

static void
test_spouse_aged_21_male_refused (void)
{
  g_assert_cmpint (CHECK ({ "02", "2", "2000-01-01" }, { "10", "1", "2003-07-01" }), ==,
                   JY_HOUSEHOLD_PROBLEM_UNDER_MARRIAGE_AGE);
  g_assert_cmpint (CHECK ({ "02", "2", "2000-01-01" }, { "10", "1", "2003-06-30" }), ==,
                   JY_HOUSEHOLD_PROBLEM_NONE);
  /* Sex unknown: only the lower age (20) is certain. */
  g_assert_cmpint (CHECK ({ "02", "2", "2000-01-01" }, { "10", "9", "2004-06-30" }), ==,
                   JY_HOUSEHOLD_PROBLEM_NONE);
}

static void
test_head_under_marriage_age_with_spouse_refused (void)
{
  /* A head of 21 (male) is married too once there is a spouse … */
  g_assert_cmpint (CHECK ({ "02", "1", "2003-12-01" }, { "10", "2", "2001-01-01" }), ==,
                   JY_HOUSEHOLD_PROBLEM_UNDER_MARRIAGE_AGE);
  /* … but may head a household alone. */
  g_assert_cmpint (CHECK ({ "02", "1", "2006-12-01" }), ==, JY_HOUSEHOLD_PROBLEM_NONE);
}

static void
test_child_older_than_head_refused (void)
{
  g_assert_cmpint (CHECK ({ "02", "1", "1980-01-01" }, { "20", "1", "1979-12-31" }), ==,
                   JY_HOUSEHOLD_PROBLEM_CHILD_OLDER_THAN_HEAD);
  g_assert_cmpint (CHECK ({ "02", "2", "1980-01-01" }, { "30", "2", "1975-01-01" }), ==,
                   JY_HOUSEHOLD_PROBLEM_CHILD_OLDER_THAN_HEAD);
  /* A stepchild may be close in age, but not older. */
  g_assert_cmpint (CHECK ({ "02", "1", "1980-01-01" }, { "20", "1", "1980-01-01" }), ==,
                   JY_HOUSEHOLD_PROBLEM_NONE);
}

static void
test_parent_younger_than_head_refused (void)
{
  g_assert_cmpint (CHECK ({ "02", "1", "1960-01-01" }, { "50", "2", "1960-01-02" }), ==,
                   JY_HOUSEHOLD_PROBLEM_PARENT_YOUNGER_THAN_HEAD);
}

static void
test_unknown_birth_dates_skip_age_rules (void)
{
  /* Without the head's birth date nothing is older or younger than the head. */
  g_assert_cmpint (CHECK ({ "02", "1", NULL },
                          { "10", "2", "1985-01-01" },
                          { "20", "1", "1940-01-01" },
                          { "50", "1", "2020-01-01" }),
                   ==, JY_HOUSEHOLD_PROBLEM_NONE);
  g_assert_cmpint (CHECK ({ "02", "1", "1980-01-01" },
                          { "10", "2", NULL },
                          { "20", "1", NULL }),
                   ==, JY_HOUSEHOLD_PROBLEM_NONE);
}

static void
test_problems_combine (void)
{
  /* Two heads: the age-order rules have no head to compare with. */
  g_assert_cmpint (CHECK ({ "02", "1", "1980-01-01" },
                          { "02", "2", "1981-01-01" },
                          { "10", "2", "2010-01-01" },
                          { "10", "2", "1979-01-01" },
                          { "20", "1", "1950-01-01" },
                          { "77", "1", "1950-01-01" }),
                   ==, (JY_HOUSEHOLD_PROBLEM_SEVERAL_HEADS |
                        JY_HOUSEHOLD_PROBLEM_SEVERAL_SPOUSES |
                        JY_HOUSEHOLD_PROBLEM_UNDER_MARRIAGE_AGE |
                        JY_HOUSEHOLD_PROBLEM_INVALID_RELATION));
  g_assert_cmpint (CHECK ({ "02", "1", "1980-01-01" },
                          { "20", "1", "1950-01-01" },
                          { "50", "1", "1990-01-01" }),
                   ==, (JY_HOUSEHOLD_PROBLEM_CHILD_OLDER_THAN_HEAD |
                        JY_HOUSEHOLD_PROBLEM_PARENT_YOUNGER_THAN_HEAD));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

#define ADD(name, func) g_test_add_func ("/core/household/" name, func)

  ADD ("codes-are-gb-t-4761-groups", test_codes_are_gb_t_4761_groups);
  ADD ("unknown-code-invalid", test_unknown_code_invalid);
  ADD ("valid-three-generation-household", test_valid_three_generation_household);
  ADD ("valid-small-households", test_valid_small_households);
  ADD ("no-head-refused", test_no_head_refused);
  ADD ("two-heads-refused", test_two_heads_refused);
  ADD ("two-spouses-refused", test_two_spouses_refused);
  ADD ("spouse-aged-19-female-refused", test_spouse_aged_19_female_refused);
  ADD ("spouse-aged-21-male-refused", test_spouse_aged_21_male_refused);
  ADD ("head-under-marriage-age-with-spouse-refused", test_head_under_marriage_age_with_spouse_refused);
  ADD ("child-older-than-head-refused", test_child_older_than_head_refused);
  ADD ("parent-younger-than-head-refused", test_parent_younger_than_head_refused);
  ADD ("unknown-birth-dates-skip-age-rules", test_unknown_birth_dates_skip_age_rules);
  ADD ("problems-combine", test_problems_combine);

#undef ADD

  return g_test_run ();
}
