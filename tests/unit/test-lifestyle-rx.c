/* test-lifestyle-rx.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-lifestyle-rx-print.h"
#include "test-util.h"

static JyLifestyleFacts
facts_for (int age, int sbp, int dbp, double glucose)
{
  JyLifestyleFacts f = {
    .sex = "1", .age = age, .height_cm = 170, .weight_kg = 65, .waist_cm = -1,
    .sbp = sbp, .dbp = dbp, .glucose = glucose,
    .hypertension = TRUE, .diabetes = FALSE, .cigarettes = 0, .alcohol_liang = 0,
  };
  return f;
}

static gboolean
has_item (const JyLifestyleRx *rx,
          const char          *needle)
{
  for (guint i = 0; i < rx->items->len; i++)
    if (strstr (g_ptr_array_index (rx->items, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_exercise_deferred_at_180 (void)
{
  JyLifestyleFacts f = facts_for (60, 180, 100, -1);
  g_autoptr(JyLifestyleRx) rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_EXERCISE, &f);

  g_assert_true (rx->deferred);
  g_assert_true (has_item (rx, "180/100"));
  g_assert_false (has_item (rx, "150 minutes"));
}

static void
test_exercise_not_deferred_at_179_109 (void)
{
  JyLifestyleFacts f = facts_for (60, 179, 109, -1);
  g_autoptr(JyLifestyleRx) rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_EXERCISE, &f);

  g_assert_false (rx->deferred);
  g_assert_true (has_item (rx, "150 minutes"));
  g_assert_true (has_item (rx, "110 beats")); /* 170 − 60 */
}

static void
test_exercise_deferred_for_glucose_above_16_7 (void)
{
  JyLifestyleFacts f = facts_for (60, 130, 80, 16.8);
  g_autoptr(JyLifestyleRx) rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_EXERCISE, &f);

  g_assert_true (rx->deferred);
}

static void
test_exercise_glucose_16_7_is_not_above (void)
{
  JyLifestyleFacts f = facts_for (60, 130, 80, 16.7);
  g_autoptr(JyLifestyleRx) rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_EXERCISE, &f);

  /* §3.8 says "> 16.7": 16.7 itself does not defer exercise. */
  g_assert_false (rx->deferred);
}

static void
test_exercise_deferred_after_hypoglycaemia (void)
{
  JyLifestyleFacts f = facts_for (60, 130, 80, 6.0);
  g_autoptr(JyLifestyleRx) rx = NULL;

  f.recent_hypoglycaemia = TRUE;
  rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_EXERCISE, &f);
  g_assert_true (rx->deferred);
}

static void
test_exercise_elderly_get_balance_training (void)
{
  JyLifestyleFacts f = facts_for (72, 140, 80, -1);
  g_autoptr(JyLifestyleRx) rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_EXERCISE, &f);

  g_assert_true (has_item (rx, "prevent falls"));
  g_assert_true (has_item (rx, "tai chi"));
}

static void
test_exercise_diabetic_carries_sweets (void)
{
  JyLifestyleFacts f = facts_for (55, 130, 80, 7.5);
  g_autoptr(JyLifestyleRx) rx = NULL;

  f.diabetes = TRUE;
  rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_EXERCISE, &f);
  g_assert_true (has_item (rx, "sweets"));
}

static void
test_energy_normal_weight_170_cm (void)
{
  /* ideal 65 kg × 30 kcal (BMI 22.5, normal) = 1950 kcal */
  g_assert_cmpint (jy_lifestyle_energy_kcal (170, 65), ==, 1950);
}

static void
test_energy_obese_170_cm (void)
{
  /* BMI 29.4 → 20 kcal/kg × 65 = 1300 */
  g_assert_cmpint (jy_lifestyle_energy_kcal (170, 85), ==, 1300);
}

static void
test_energy_never_below_1200 (void)
{
  /* ideal 45 kg × 20 = 900 → 1200 */
  g_assert_cmpint (jy_lifestyle_energy_kcal (150, 70), ==, 1200);
}

static void
test_energy_unknown_height (void)
{
  g_assert_cmpint (jy_lifestyle_energy_kcal (-1, 70), ==, 0);
}

static void
test_diet_diabetic_staple_from_energy (void)
{
  JyLifestyleFacts f = facts_for (55, 130, 80, 7.5);
  g_autoptr(JyLifestyleRx) rx = NULL;

  f.diabetes = TRUE;
  rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_DIET, &f);
  g_assert_cmpint (rx->energy_kcal, ==, 1950);
  /* 1950 × 50 % / 4 kcal/g / 0.75 = 325 g */
  g_assert_cmpint (rx->staple_g, ==, 325);
  g_assert_true (has_item (rx, "No added sugar"));
}

static void
test_diet_smoker_told_to_stop (void)
{
  JyLifestyleFacts f = facts_for (55, 130, 80, -1);
  g_autoptr(JyLifestyleRx) rx = NULL;

  f.cigarettes = 15;
  rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_DIET, &f);
  g_assert_true (has_item (rx, "now 15 a day"));
}

static void
test_overweight_target_five_percent (void)
{
  JyLifestyleFacts f = facts_for (55, 130, 80, -1);
  g_autoptr(JyLifestyleRx) rx = NULL;

  f.weight_kg = 80; /* BMI 27.7 */
  rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_DIET, &f);
  g_assert_cmpfloat_with_epsilon (rx->target_weight_kg, 76.0, 0.05);
}

static void
test_overweight_target_stops_at_bmi_24 (void)
{
  JyLifestyleFacts f = facts_for (55, 130, 80, -1);
  g_autoptr(JyLifestyleRx) rx = NULL;

  f.weight_kg = 70; /* BMI 24.2: 5 % would go below the BMI-24 weight */
  rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_DIET, &f);
  g_assert_cmpfloat_with_epsilon (rx->target_weight_kg, 23.9 * 1.7 * 1.7, 0.06);
}

static void
test_normal_weight_has_no_target (void)
{
  JyLifestyleFacts f = facts_for (55, 130, 80, -1);
  g_autoptr(JyLifestyleRx) rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_DIET, &f);

  g_assert_cmpfloat (rx->target_weight_kg, <, 0);
}

static void
test_three_reductions_waist_by_sex (void)
{
  JyLifestyleFacts f = facts_for (55, 130, 80, -1);
  g_autoptr(JyLifestyleRx) man = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_THREE_REDUCTIONS, &f);
  g_autoptr(JyLifestyleRx) woman = NULL;

  f.sex = "2";
  woman = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_THREE_REDUCTIONS, &f);
  g_assert_true (has_item (man, "under 90 cm"));
  g_assert_true (has_item (woman, "under 85 cm"));
  g_assert_true (has_item (man, "under 5 g"));
}

static void
test_printed_prescription_has_patient_and_items (void)
{
  JyLifestyleFacts f = facts_for (68, 152, 94, -1);
  g_autoptr(JyLifestyleRx) rx = jy_lifestyle_rx_propose (JY_LIFESTYLE_RX_EXERCISE, &f);
  g_autoptr(GDate) date = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  JyRxPrintHeader header = {
    .centre_name = "Test Centre", .resident_name = "Test Person", .sex = "2", .age = 68,
    .diagnosis = "I10", .findings = "BP 152/94 mmHg", .doctor_name = "Dr Test", .date = date,
  };
  g_autoptr(JyPrintDoc) doc = jy_lifestyle_rx_print (rx, &header, JY_PAPER_A5);
  g_autofree char *dir = g_dir_make_tmp ("jiayi-rx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rx.pdf", NULL);
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *flat = NULL;

  g_assert_true (jy_print_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_no_error (error);

  /* pdftotext wraps lines; compare without line breaks */
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "Exercise Prescription"));
  g_assert_nonnull (strstr (flat, "Test Person"));
  g_assert_nonnull (strstr (flat, "Dr Test"));
  g_assert_nonnull (strstr (flat, "BP 152/94 mmHg"));
  g_assert_nonnull (strstr (flat, "2026-11-23"));
  g_assert_nonnull (strstr (flat, "102 beats")); /* 170 − 68 */
  jy_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

  g_test_add_func ("/lifestyle-rx/exercise/BP 180/100 → exercise deferred", test_exercise_deferred_at_180);
  g_test_add_func ("/lifestyle-rx/exercise/BP 179/109 → 150 min a week, HR 170 − age", test_exercise_not_deferred_at_179_109);
  g_test_add_func ("/lifestyle-rx/exercise/glucose 16.8 → exercise deferred", test_exercise_deferred_for_glucose_above_16_7);
  g_test_add_func ("/lifestyle-rx/exercise/glucose 16.7 is not above 16.7", test_exercise_glucose_16_7_is_not_above);
  g_test_add_func ("/lifestyle-rx/exercise/recent hypoglycaemia → exercise deferred", test_exercise_deferred_after_hypoglycaemia);
  g_test_add_func ("/lifestyle-rx/exercise/age 72 gets balance training", test_exercise_elderly_get_balance_training);
  g_test_add_func ("/lifestyle-rx/exercise/diabetic carries sweets", test_exercise_diabetic_carries_sweets);
  g_test_add_func ("/lifestyle-rx/energy/170 cm 65 kg → 1950 kcal", test_energy_normal_weight_170_cm);
  g_test_add_func ("/lifestyle-rx/energy/170 cm 85 kg (obese) → 1300 kcal", test_energy_obese_170_cm);
  g_test_add_func ("/lifestyle-rx/energy/never below 1200 kcal", test_energy_never_below_1200);
  g_test_add_func ("/lifestyle-rx/energy/unknown height → no target", test_energy_unknown_height);
  g_test_add_func ("/lifestyle-rx/diet/diabetic 1950 kcal → staple 325 g", test_diet_diabetic_staple_from_energy);
  g_test_add_func ("/lifestyle-rx/diet/smoker told to stop", test_diet_smoker_told_to_stop);
  g_test_add_func ("/lifestyle-rx/weight/BMI 27.7 → first target 5 % down", test_overweight_target_five_percent);
  g_test_add_func ("/lifestyle-rx/weight/target never below BMI 24 weight", test_overweight_target_stops_at_bmi_24);
  g_test_add_func ("/lifestyle-rx/weight/normal BMI has no target", test_normal_weight_has_no_target);
  g_test_add_func ("/lifestyle-rx/three reductions/waist limit by sex", test_three_reductions_waist_by_sex);
  g_test_add_func ("/lifestyle-rx/print/A5 sheet has patient, doctor and items", test_printed_prescription_has_patient_and_items);

  return g_test_run ();
}
