/* test-followup-measures.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BMI, waist, alcohol and glucose units (domain.md §3.3–3.8) and the
 * yearly norm (§3.7), one test per case.
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "followup-fixtures.h"
#include "jy-followup-rules.h"
#include "test-util.h"

/* --- Norm ---------------------------------------------------------------- */

static int
count_visits (const char *const *isos)
{
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (GDate));

  for (guint i = 0; isos[i] != NULL; i++)
    {
      GDate d = date (isos[i]);

      g_array_append_val (dates, d);
    }
  return jy_followup_count_norm_visits ((const GDate *)dates->data, dates->len,
                                        jy_followup_policy_default ());
}

static void
test_norm_visits_10_days_apart_count_once (void)
{
  g_assert_cmpint (count_visits ((const char *[]) { "2026-03-01", "2026-03-11", NULL }), ==, 1);
}

static void
test_norm_visits_14_days_apart_count_twice (void)
{
  g_assert_cmpint (count_visits ((const char *[]) { "2026-03-01", "2026-03-15", NULL }), ==, 2);
}

static void
test_norm_cluster_cannot_fake_four (void)
{
  /* Four visits in three weeks: the 1st and the 15th count. */
  g_assert_cmpint (count_visits ((const char *[]) {
    "2026-12-20", "2026-12-08", "2026-12-01", "2026-12-15", NULL }), ==, 2);
}

static void
test_norm_quarterly_visits_count_four (void)
{
  g_assert_cmpint (count_visits ((const char *[]) {
    "2026-10-10", "2026-01-10", "2026-07-10", "2026-04-10", "2026-04-10", NULL }), ==, 4);
  g_assert_cmpint (jy_followup_count_norm_visits (NULL, 0, jy_followup_policy_default ()), ==, 0);
}

static int
required (const char *enrol,
          int         year)
{
  GDate d = date (enrol);

  return jy_followup_norm_visits_required (&d, year, jy_followup_policy_default ());
}

static void
test_norm_enrolled_15_oct_needs_1 (void)
{
  g_assert_cmpint (required ("2026-10-15", 2026), ==, 1);
}

static void
test_norm_enrolled_1_apr_needs_3 (void)
{
  g_assert_cmpint (required ("2026-04-01", 2026), ==, 3);
  g_assert_cmpint (required ("2026-06-30", 2026), ==, 3);
  g_assert_cmpint (required ("2026-07-01", 2026), ==, 2);
}

static void
test_norm_enrolled_in_february_needs_4 (void)
{
  g_assert_cmpint (required ("2026-02-10", 2026), ==, 4);
  g_assert_cmpint (required ("2026-01-01", 2026), ==, 4);
}

static void
test_norm_enrolled_in_december_needs_1 (void)
{
  g_assert_cmpint (required ("2026-12-31", 2026), ==, 1);
}

static void
test_norm_enrolled_before_year_needs_4_after_needs_0 (void)
{
  g_assert_cmpint (required ("2019-05-20", 2026), ==, 4);
  g_assert_cmpint (required ("2027-01-01", 2026), ==, 0);
}

/* --- Measures ------------------------------------------------------------ */

static void
test_bmi_23_99_normal_24_0_overweight (void)
{
  g_assert_cmpint (jy_bmi_classify (23.99), ==, JY_BMI_NORMAL);
  g_assert_cmpint (jy_bmi_classify (24.0), ==, JY_BMI_OVERWEIGHT);
}

static void
test_bmi_18_49_underweight_18_5_normal (void)
{
  g_assert_cmpint (jy_bmi_classify (18.49), ==, JY_BMI_UNDERWEIGHT);
  g_assert_cmpint (jy_bmi_classify (18.5), ==, JY_BMI_NORMAL);
}

static void
test_bmi_27_99_overweight_28_0_obese (void)
{
  g_assert_cmpint (jy_bmi_classify (27.99), ==, JY_BMI_OVERWEIGHT);
  g_assert_cmpint (jy_bmi_classify (28.0), ==, JY_BMI_OBESE);
}

static void
test_bmi_70kg_170cm_24_2 (void)
{
  double bmi = jy_bmi_compute (70, 170);

  g_assert_cmpfloat_with_epsilon (bmi, 24.2215, 0.0001);
  g_assert_cmpint (jy_bmi_classify (bmi), ==, JY_BMI_OVERWEIGHT);
}

static void
test_bmi_classified_unrounded (void)
{
  /* 69.3 kg at 170 cm is 23.979…: shown as 24.0, still normal. */
  double bmi = jy_bmi_compute (69.3, 170);

  g_assert_cmpfloat (round (bmi * 10) / 10, ==, 24.0);
  g_assert_cmpint (jy_bmi_classify (bmi), ==, JY_BMI_NORMAL);
  /* 69.36 kg at 170 cm is exactly 24 on paper, whatever the double says. */
  g_assert_cmpint (jy_bmi_classify (jy_bmi_compute (69.36, 170)), ==, JY_BMI_OVERWEIGHT);
}

static void
test_bmi_missing_input_unknown (void)
{
  g_assert_false (jy_measured (jy_bmi_compute (JY_UNMEASURED, 170)));
  g_assert_false (jy_measured (jy_bmi_compute (70, JY_UNMEASURED)));
  g_assert_false (jy_measured (jy_bmi_compute (70, 0)));
  g_assert_cmpint (jy_bmi_classify (JY_UNMEASURED), ==, JY_BMI_UNKNOWN);
  g_assert_cmpstr (jy_bmi_class_label (JY_BMI_OVERWEIGHT), ==, "Overweight");
  g_assert_nonnull (jy_bmi_class_label (JY_BMI_UNKNOWN));
}

static void
test_waist_man_90_woman_85 (void)
{
  g_assert_true (jy_waist_is_central_obesity (90, "1"));
  g_assert_false (jy_waist_is_central_obesity (89.9, "1"));
  g_assert_true (jy_waist_is_central_obesity (85, "2"));
  g_assert_false (jy_waist_is_central_obesity (84.9, "2"));
  g_assert_false (jy_waist_is_central_obesity (JY_UNMEASURED, "2"));
}

static void
test_waist_unknown_sex_uses_85 (void)
{
  g_assert_true (jy_waist_is_central_obesity (86, "9"));
  g_assert_true (jy_waist_is_central_obesity (86, NULL));
}

static void
test_alcohol_beer_wine_yellow_equivalents (void)
{
  g_assert_cmpfloat_with_epsilon (jy_alcohol_spirits_equivalent (10, JY_DRINK_BEER), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (jy_alcohol_spirits_equivalent (4, JY_DRINK_WINE), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (jy_alcohol_spirits_equivalent (5, JY_DRINK_YELLOW), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (jy_alcohol_spirits_equivalent (2, JY_DRINK_SPIRITS), 2.0, 1e-12);
  g_assert_false (jy_measured (jy_alcohol_spirits_equivalent (JY_UNMEASURED, JY_DRINK_BEER)));
}

static void
test_glucose_7_0_is_126_mgdl (void)
{
  g_assert_cmpfloat_with_epsilon (jy_glucose_mmol_to_mgdl (7.0), 126.0, 1e-9);
  g_assert_false (jy_measured (jy_glucose_mmol_to_mgdl (JY_UNMEASURED)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/followup/norm/visits 10 days apart count once", test_norm_visits_10_days_apart_count_once);
  g_test_add_func ("/followup/norm/visits 14 days apart count twice", test_norm_visits_14_days_apart_count_twice);
  g_test_add_func ("/followup/norm/four visits in three weeks count twice", test_norm_cluster_cannot_fake_four);
  g_test_add_func ("/followup/norm/quarterly visits in any order count four", test_norm_quarterly_visits_count_four);
  g_test_add_func ("/followup/norm/enrolled 15 Oct needs 1 visit", test_norm_enrolled_15_oct_needs_1);
  g_test_add_func ("/followup/norm/enrolled 1 Apr–30 Jun needs 3 visits, 1 Jul 2", test_norm_enrolled_1_apr_needs_3);
  g_test_add_func ("/followup/norm/enrolled in January or February needs 4 visits", test_norm_enrolled_in_february_needs_4);
  g_test_add_func ("/followup/norm/enrolled 31 Dec needs 1 visit", test_norm_enrolled_in_december_needs_1);
  g_test_add_func ("/followup/norm/enrolled before the year needs 4, after it 0", test_norm_enrolled_before_year_needs_4_after_needs_0);
  g_test_add_func ("/bmi/23.99 is normal, 24.0 overweight", test_bmi_23_99_normal_24_0_overweight);
  g_test_add_func ("/bmi/18.49 is underweight, 18.5 normal", test_bmi_18_49_underweight_18_5_normal);
  g_test_add_func ("/bmi/27.99 is overweight, 28.0 obese", test_bmi_27_99_overweight_28_0_obese);
  g_test_add_func ("/bmi/70 kg at 170 cm → 24.2, overweight", test_bmi_70kg_170cm_24_2);
  g_test_add_func ("/bmi/classified on the unrounded value", test_bmi_classified_unrounded);
  g_test_add_func ("/bmi/missing weight or height → unknown", test_bmi_missing_input_unknown);
  g_test_add_func ("/waist/man 90 cm, woman 85 cm → central obesity", test_waist_man_90_woman_85);
  g_test_add_func ("/waist/unknown sex uses 85 cm", test_waist_unknown_sex_uses_85);
  g_test_add_func ("/alcohol/beer ÷ 10, wine ÷ 4, yellow wine ÷ 5", test_alcohol_beer_wine_yellow_equivalents);
  g_test_add_func ("/glucose/7.0 mmol/L → 126 mg/dL", test_glucose_7_0_is_126_mgdl);

  return g_test_run ();
}
