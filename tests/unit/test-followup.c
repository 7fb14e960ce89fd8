/* test-followup.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The follow-up record: construction, copies, carrying a visit over.
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "jy-followup.h"
#include "test-util.h"

static JyFollowupDrug *
drug (JyFollowupDrugKind  kind,
      const char         *name,
      int                 times,
      double              dose,
      const char         *unit)
{
  JyFollowupDrug *d = jy_followup_drug_new (kind);

  d->name = g_strdup (name);
  d->times_per_day = times;
  d->dose = dose;
  d->dose_unit = g_strdup (unit);
  return d;
}

static JyFollowup *
previous_visit (void)
{
  JyFollowup *f = jy_followup_new (JY_PROGRAMME_T2DM);

  f->id = 41;
  f->uuid = g_strdup ("6f1c1f7e-0f49-4d55-9d0e-0b7c4a1e2d11");
  f->enrolment_id = 7;
  f->resident_id = 1234;
  f->visit_uuid = g_strdup ("a7d1e2c3-0000-4000-8000-000000000001");
  f->visit_date = g_strdup ("2026-08-20");
  f->mode = JY_VISIT_MODE_CLINIC;
  f->symptoms = 1u << 2;
  f->danger_observed = JY_DANGER_POLYDIPSIA_POLYURIA;
  f->sbp = 152;
  f->dbp = 94;
  f->heart_rate = 80;
  f->weight_kg = 76.0;
  f->target_weight_kg = 70.0;
  f->height_cm = 170;
  f->cigarettes = 10;
  f->cigarettes_target = 0;
  f->alcohol_liang = 2;
  f->alcohol_liang_target = 1;
  f->exercise_per_week = 2;
  f->exercise_minutes = 20;
  f->exercise_per_week_target = 5;
  f->exercise_minutes_target = 30;
  f->staple_g = 400;
  f->staple_g_target = 250;
  f->fasting_glucose = 8.4;
  f->hba1c = 7.9;
  f->hba1c_date = g_strdup ("2026-08-18");
  f->classification = JY_FOLLOWUP_CLASS_UNCONTROLLED;
  f->suggested_class = JY_FOLLOWUP_CLASS_UNCONTROLLED;
  f->next_visit_date = g_strdup ("2026-09-03");
  f->referral_reason = g_strdup ("血糖控制不满意");
  g_ptr_array_add (f->drugs, drug (JY_FOLLOWUP_DRUG_CURRENT, "盐酸二甲双胍片", 2, 500, "mg"));
  g_ptr_array_add (f->drugs, drug (JY_FOLLOWUP_DRUG_INSULIN, "甘精胰岛素注射液", 1, 12, "U"));
  g_ptr_array_add (f->drugs, drug (JY_FOLLOWUP_DRUG_ADJUST, "盐酸二甲双胍片", 3, 500, "mg"));
  return f;
}

static void
test_new_every_number_unmeasured (void)
{
  g_autoptr(JyFollowup) f = jy_followup_new (JY_PROGRAMME_HTN);

  g_assert_cmpint (f->programme, ==, JY_PROGRAMME_HTN);
  g_assert_cmpstr (f->status, ==, "final");
  g_assert_cmpint (f->outcome, ==, JY_FOLLOWUP_OUTCOME_SEEN);
  g_assert_false (jy_measured (f->sbp));
  g_assert_false (jy_measured (f->dbp));
  g_assert_false (jy_measured (f->heart_rate));
  g_assert_false (jy_measured (f->weight_kg));
  g_assert_false (jy_measured (f->height_cm));
  g_assert_false (jy_measured (f->cigarettes));
  g_assert_false (jy_measured (f->alcohol_liang));
  g_assert_false (jy_measured (f->exercise_minutes_target));
  g_assert_false (jy_measured (f->staple_g));
  g_assert_false (jy_measured (f->fasting_glucose));
  g_assert_false (jy_measured (f->random_glucose));
  g_assert_false (jy_measured (f->hba1c));
  g_assert_cmpint (f->adherence, ==, 0);
  g_assert_cmpint (f->classification, ==, JY_FOLLOWUP_CLASS_NONE);
  g_assert_nonnull (f->drugs);
  g_assert_cmpuint (f->drugs->len, ==, 0);
}

static void
test_measured_zero_is_a_value (void)
{
  g_assert_true (jy_measured (0));
  g_assert_true (jy_measured (0.1));
  g_assert_false (jy_measured (JY_UNMEASURED));
  g_assert_false (jy_measured (NAN));
}

static void
test_copy_is_deep (void)
{
  g_autoptr(JyFollowup) f = previous_visit ();
  g_autoptr(JyFollowup) copy = jy_followup_copy (f);
  const JyFollowupDrug *d;

  g_assert_cmpstr (copy->uuid, ==, f->uuid);
  g_assert_true (copy->uuid != f->uuid);
  g_assert_cmpstr (copy->hba1c_date, ==, "2026-08-18");
  g_assert_cmpint (copy->sbp, ==, 152);
  g_assert_true (copy->drugs != f->drugs);
  g_assert_cmpuint (copy->drugs->len, ==, 3);
  d = g_ptr_array_index (copy->drugs, 1);
  g_assert_true (d != g_ptr_array_index (f->drugs, 1));
  g_assert_cmpstr (d->name, ==, "甘精胰岛素注射液");
  g_assert_cmpstr (d->dose_unit, ==, "U");

  /* Freeing the original leaves the copy whole (MALLOC_CHECK_ and ASan catch the rest). */
  g_clear_pointer (&f, jy_followup_free);
  g_assert_cmpstr (((JyFollowupDrug *)g_ptr_array_index (copy->drugs, 0))->name, ==, "盐酸二甲双胍片");
}

static void
test_boxed_type_copies_and_frees (void)
{
  g_autoptr(JyFollowup) f = previous_visit ();
  JyFollowup *boxed;

  g_assert_true (G_TYPE_IS_BOXED (JY_TYPE_FOLLOWUP));
  boxed = g_boxed_copy (JY_TYPE_FOLLOWUP, f);
  g_assert_cmpstr (boxed->visit_date, ==, "2026-08-20");
  g_boxed_free (JY_TYPE_FOLLOWUP, boxed);
}

static void
test_new_from_previous_carries_drugs_and_targets_not_bp (void)
{
  g_autoptr(JyFollowup) previous = previous_visit ();
  g_autoptr(JyFollowup) f = jy_followup_new_from_previous (previous, "2026-11-20");
  const JyFollowupDrug *d;

  g_assert_cmpint (f->programme, ==, JY_PROGRAMME_T2DM);
  g_assert_cmpint (f->enrolment_id, ==, 7);
  g_assert_cmpint (f->resident_id, ==, 1234);
  g_assert_cmpstr (f->visit_date, ==, "2026-11-20");

  /* Carried: drugs, height, targets. */
  g_assert_cmpuint (f->drugs->len, ==, 2);
  d = g_ptr_array_index (f->drugs, 0);
  g_assert_cmpint (d->kind, ==, JY_FOLLOWUP_DRUG_CURRENT);
  g_assert_cmpstr (d->name, ==, "盐酸二甲双胍片");
  g_assert_cmpint (d->times_per_day, ==, 2);
  g_assert_cmpfloat (d->dose, ==, 500);
  d = g_ptr_array_index (f->drugs, 1);
  g_assert_cmpint (d->kind, ==, JY_FOLLOWUP_DRUG_INSULIN);
  g_assert_true (d != g_ptr_array_index (previous->drugs, 1));
  g_assert_cmpfloat (f->height_cm, ==, 170);
  g_assert_cmpfloat (f->target_weight_kg, ==, 70);
  g_assert_cmpint (f->cigarettes_target, ==, 0);
  g_assert_cmpfloat (f->alcohol_liang_target, ==, 1);
  g_assert_cmpint (f->exercise_per_week_target, ==, 5);
  g_assert_cmpint (f->exercise_minutes_target, ==, 30);
  g_assert_cmpint (f->staple_g_target, ==, 250);

  /* Not carried: what belongs to the visit. */
  g_assert_false (jy_measured (f->sbp));
  g_assert_false (jy_measured (f->dbp));
  g_assert_false (jy_measured (f->heart_rate));
  g_assert_false (jy_measured (f->weight_kg));
  g_assert_false (jy_measured (f->cigarettes));
  g_assert_false (jy_measured (f->alcohol_liang));
  g_assert_false (jy_measured (f->staple_g));
  g_assert_false (jy_measured (f->fasting_glucose));
  g_assert_false (jy_measured (f->hba1c));
  g_assert_null (f->hba1c_date);
  g_assert_cmpuint (f->symptoms, ==, 0);
  g_assert_cmpuint (f->danger_observed, ==, 0);
  g_assert_cmpint (f->classification, ==, JY_FOLLOWUP_CLASS_NONE);
  g_assert_cmpint (f->suggested_class, ==, JY_FOLLOWUP_CLASS_NONE);
  g_assert_null (f->next_visit_date);
  g_assert_null (f->referral_reason);
  g_assert_null (f->uuid);
  g_assert_null (f->visit_uuid);
  g_assert_cmpint (f->id, ==, 0);
  g_assert_cmpint (f->mode, ==, JY_VISIT_MODE_NONE);
  g_assert_cmpstr (f->status, ==, "final");
}

static void
test_new_from_previous_leaves_adjustment_rows (void)
{
  g_autoptr(JyFollowup) previous = previous_visit ();
  g_autoptr(JyFollowup) f = jy_followup_new_from_previous (previous, "2026-11-20");

  for (guint i = 0; i < f->drugs->len; i++)
    g_assert_cmpint (((JyFollowupDrug *)g_ptr_array_index (f->drugs, i))->kind, !=, JY_FOLLOWUP_DRUG_ADJUST);
}

static void
test_programme_codes_round_trip (void)
{
  g_assert_cmpstr (jy_programme_to_code (JY_PROGRAMME_HTN), ==, "htn");
  g_assert_cmpstr (jy_programme_to_code (JY_PROGRAMME_T2DM), ==, "t2dm");
  g_assert_null (jy_programme_to_code (JY_PROGRAMME_NONE));
  g_assert_null (jy_programme_to_code (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM));
  g_assert_cmpint (jy_programme_from_code ("htn"), ==, JY_PROGRAMME_HTN);
  g_assert_cmpint (jy_programme_from_code ("t2dm"), ==, JY_PROGRAMME_T2DM);
  g_assert_cmpint (jy_programme_from_code ("copd"), ==, JY_PROGRAMME_NONE);
  g_assert_cmpint (jy_programme_from_code (NULL), ==, JY_PROGRAMME_NONE);
}

static void
test_only_clinic_and_home_face_to_face (void)
{
  g_assert_true (jy_visit_mode_is_face_to_face (JY_VISIT_MODE_CLINIC));
  g_assert_true (jy_visit_mode_is_face_to_face (JY_VISIT_MODE_HOME));
  g_assert_false (jy_visit_mode_is_face_to_face (JY_VISIT_MODE_PHONE));
  g_assert_false (jy_visit_mode_is_face_to_face (JY_VISIT_MODE_NONE));
}

static void
test_every_class_has_a_label (void)
{
  g_assert_cmpstr (jy_followup_class_label (JY_FOLLOWUP_CLASS_CONTROLLED), ==, "Controlled");
  g_assert_cmpstr (jy_followup_class_label (JY_FOLLOWUP_CLASS_UNCONTROLLED), ==, "Uncontrolled");
  g_assert_cmpstr (jy_followup_class_label (JY_FOLLOWUP_CLASS_ADVERSE), ==, "Adverse drug reaction");
  g_assert_cmpstr (jy_followup_class_label (JY_FOLLOWUP_CLASS_COMPLICATION), ==, "Complication");
  g_assert_nonnull (jy_followup_class_label (JY_FOLLOWUP_CLASS_NONE));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/followup/record/new has every number unmeasured", test_new_every_number_unmeasured);
  g_test_add_func ("/followup/record/0 is a value, JY_UNMEASURED is not", test_measured_zero_is_a_value);
  g_test_add_func ("/followup/record/copy is deep", test_copy_is_deep);
  g_test_add_func ("/followup/record/boxed type copies and frees", test_boxed_type_copies_and_frees);
  g_test_add_func ("/followup/record/new_from_previous carries drugs and targets but not BP", test_new_from_previous_carries_drugs_and_targets_not_bp);
  g_test_add_func ("/followup/record/new_from_previous leaves the adjustment rows", test_new_from_previous_leaves_adjustment_rows);
  g_test_add_func ("/followup/programme/htn and t2dm codes round trip", test_programme_codes_round_trip);
  g_test_add_func ("/followup/mode/only clinic and home are face to face", test_only_clinic_and_home_face_to_face);
  g_test_add_func ("/followup/labels/every class has a label", test_every_class_has_a_label);

  return g_test_run ();
}
