/* test-followup-danger.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Danger signs → emergency referral (domain.md §3.2), one test per case.
 */

#include "config.h"

#include <locale.h>

#include "followup-fixtures.h"
#include "jy-followup-rules.h"
#include "test-util.h"

static void
test_danger_sbp180_emergency_referral (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 180, 100);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_BP_HIGH);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
  /* The form still needs a classification. */
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_UNCONTROLLED);
}

static void
test_danger_dbp110_emergency_referral (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 160, 110);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_BP_HIGH);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
}

static void
test_danger_179_109_no_sign (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 179, 109);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, 0);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ADJUST);
}

static void
test_danger_sbp180_on_dm_referral (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 6.0);
  JyFollowupAssessment a;

  f->sbp = 182;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_BP_HIGH);
}

static void
test_danger_referral_next_visit_14_days (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 130, 80);
  JyFollowupAssessment a;

  f->danger_observed = JY_DANGER_CHEST_TIGHTNESS;
  assess (f, NULL, 50, &a);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
  g_assert_cmpint (a.max_interval_days, ==, 14);
  assert_next_visit (&a, "2026-12-04");
}

static void
test_danger_glucose_16_7_emergency_referral (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 16.7);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_GLUCOSE_HIGH);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
}

static void
test_danger_glucose_16_6_no_sign (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 16.6);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, 0);
}

static void
test_danger_glucose_3_9_emergency_referral (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 3.9);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_GLUCOSE_LOW);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
}

static void
test_danger_glucose_4_0_no_sign (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 4.0);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, 0);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_CONTROLLED);
}

static void
test_danger_random_glucose_16_7_emergency_referral (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 6.5);
  JyFollowupAssessment a;

  f->random_glucose = 16.7;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_GLUCOSE_HIGH);
}

static void
test_danger_glucose_from_mgdl_still_16_7 (void)
{
  /* 16.7 mmol/L reached through arithmetic, not typed. */
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 300.6 / 18.0);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_GLUCOSE_HIGH);
}

static void
test_danger_glucose_on_htn_warning (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 130, 80);
  JyFollowupAssessment a;

  f->random_glucose = 17.0;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, 0);
  g_assert_cmpuint (a.warnings, ==, JY_DANGER_GLUCOSE_HIGH);
}

static void
test_danger_hr101_on_htn_warning_only (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 130, 80);
  JyFollowupAssessment a;

  f->heart_rate = 101;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, 0);
  g_assert_cmpuint (a.warnings, ==, JY_DANGER_HEART_RATE_HIGH);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ROUTINE);
}

static void
test_danger_hr101_on_htn_policy_triggers_referral (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 130, 80);
  JyFollowupPolicy policy = *jy_followup_policy_default ();
  JyFollowupAssessment a;

  policy.htn_vitals_are_warnings = FALSE;
  f->heart_rate = 101;
  jy_followup_assess (f, NULL, 50, &policy, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_HEART_RATE_HIGH);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
}

static void
test_danger_hr101_on_dm_referral (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 6.5);
  JyFollowupAssessment a;

  f->heart_rate = 101;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_HEART_RATE_HIGH);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
}

static void
test_danger_hr100_no_sign (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 6.5);
  JyFollowupAssessment a;

  f->heart_rate = 100;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs | a.warnings, ==, 0);
}

static void
test_danger_temperature_39_1_on_dm_referral (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 6.5);
  JyFollowupAssessment a;

  f->temperature_c = 39.0;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, 0);
  f->temperature_c = 39.1;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_TEMPERATURE_HIGH);
}

static void
test_danger_temperature_39_1_on_htn_warning_only (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 130, 80);
  JyFollowupAssessment a;

  f->temperature_c = 39.1;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, 0);
  g_assert_cmpuint (a.warnings, ==, JY_DANGER_TEMPERATURE_HIGH);
}

static void
test_danger_severe_headache_on_htn_referral (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 130, 80);
  JyFollowupAssessment a;

  f->danger_observed = JY_DANGER_SEVERE_HEADACHE;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_SEVERE_HEADACHE);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_CONTROLLED);
}

static void
test_danger_severe_headache_on_dm_warning_only (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 6.5);
  JyFollowupAssessment a;

  f->danger_observed = JY_DANGER_SEVERE_HEADACHE;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, 0);
  g_assert_cmpuint (a.warnings, ==, JY_DANGER_SEVERE_HEADACHE);
}

static void
test_danger_acetone_breath_on_dm_referral (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 12.0);
  JyFollowupAssessment a;

  f->danger_observed = JY_DANGER_ACETONE_BREATH | JY_DANGER_CONSCIOUSNESS;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_ACETONE_BREATH | JY_DANGER_CONSCIOUSNESS);
}

static void
test_danger_measured_bits_in_observed_ignored (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 130, 80);
  JyFollowupAssessment a;

  f->danger_observed = JY_DANGER_BP_HIGH;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs | a.warnings, ==, 0);
}

static void
test_danger_pregnant_bp_140_referral (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 140, 85);
  JyFollowupAssessment a;

  f->danger_observed = JY_DANGER_PREGNANT;
  assess (f, NULL, 36, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_PREGNANT);
}

static void
test_danger_pregnant_normal_bp_warning_only (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 132, 84);
  JyFollowupAssessment a;

  f->danger_observed = JY_DANGER_PREGNANT;
  assess (f, NULL, 36, &a);
  g_assert_cmpuint (a.referral_signs, ==, 0);
  g_assert_cmpuint (a.warnings, ==, JY_DANGER_PREGNANT);
}

static void
test_danger_pregnant_glucose_6_1_on_dm_referral (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 6.0);
  JyFollowupAssessment a;

  f->danger_observed = JY_DANGER_PREGNANT;
  assess (f, NULL, 36, &a);
  g_assert_cmpuint (a.referral_signs, ==, 0);
  f->fasting_glucose = 6.1;
  assess (f, NULL, 36, &a);
  g_assert_cmpuint (a.referral_signs, ==, JY_DANGER_PREGNANT);
}

static void
test_danger_on_phone_visit_referral (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 185, 100);
  JyFollowupAssessment a;

  f->mode = JY_VISIT_MODE_PHONE;
  assess (f, NULL, 50, &a);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
}

static void
test_danger_implausible_values_raise_no_alarm (void)
{
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 0);
  JyFollowupAssessment a;

  f->sbp = 1400;
  assess (f, NULL, 50, &a);
  g_assert_cmpuint (a.referral_signs | a.warnings, ==, 0);
  g_assert_false (a.value_known);
}

static void
test_danger_observable_signs_per_programme (void)
{
  guint htn = jy_danger_signs_observable (JY_PROGRAMME_HTN);
  guint dm = jy_danger_signs_observable (JY_PROGRAMME_T2DM);

  g_assert_true (htn & JY_DANGER_SEVERE_HEADACHE);
  g_assert_true (htn & JY_DANGER_DYSPNOEA_SUPINE);
  g_assert_false (htn & JY_DANGER_ACETONE_BREATH);
  g_assert_true (dm & JY_DANGER_ACETONE_BREATH);
  g_assert_false (dm & JY_DANGER_EYE_PAIN);
  g_assert_true (htn & dm & JY_DANGER_PREGNANT);
  g_assert_true (htn & dm & JY_DANGER_CANNOT_HANDLE);
  g_assert_cmpuint ((htn | dm) & JY_DANGER_MEASURED_MASK, ==, 0);
  g_assert_cmpuint (jy_danger_signs_observable (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM), ==, htn | dm);
}

static void
test_danger_every_sign_has_a_label (void)
{
  guint all = jy_danger_signs_observable (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM) | 0x1f;

  for (guint bit = 0; bit < 32; bit++)
    {
      if (all & (1u << bit))
        g_assert_nonnull (jy_danger_sign_label (1u << bit));
    }
  g_assert_cmpstr (jy_danger_sign_label (JY_DANGER_SEVERE_HEADACHE), ==, "Severe headache or dizziness");
  g_assert_null (jy_danger_sign_label (JY_DANGER_NONE));
  g_assert_null (jy_danger_sign_label (JY_DANGER_EYE_PAIN | JY_DANGER_CHEST_TIGHTNESS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/followup/danger/SBP 180 → emergency referral", test_danger_sbp180_emergency_referral);
  g_test_add_func ("/followup/danger/DBP 110 → emergency referral", test_danger_dbp110_emergency_referral);
  g_test_add_func ("/followup/danger/179/109 → no danger sign", test_danger_179_109_no_sign);
  g_test_add_func ("/followup/danger/SBP 182 on DM → referral", test_danger_sbp180_on_dm_referral);
  g_test_add_func ("/followup/danger/danger sign → check the referral in 14 days", test_danger_referral_next_visit_14_days);
  g_test_add_func ("/followup/danger/glucose 16.7 → emergency referral", test_danger_glucose_16_7_emergency_referral);
  g_test_add_func ("/followup/danger/glucose 16.6 → no danger sign", test_danger_glucose_16_6_no_sign);
  g_test_add_func ("/followup/danger/glucose 3.9 → emergency referral", test_danger_glucose_3_9_emergency_referral);
  g_test_add_func ("/followup/danger/glucose 4.0 → no danger sign", test_danger_glucose_4_0_no_sign);
  g_test_add_func ("/followup/danger/random glucose 16.7 → emergency referral", test_danger_random_glucose_16_7_emergency_referral);
  g_test_add_func ("/followup/danger/glucose 300.6 mg/dL ÷ 18 → still 16.7", test_danger_glucose_from_mgdl_still_16_7);
  g_test_add_func ("/followup/danger/glucose 17 on HTN → warning only", test_danger_glucose_on_htn_warning);
  g_test_add_func ("/followup/danger/HR 101 on HTN → warning only", test_danger_hr101_on_htn_warning_only);
  g_test_add_func ("/followup/danger/HR 101 on HTN, vitals not warnings → referral", test_danger_hr101_on_htn_policy_triggers_referral);
  g_test_add_func ("/followup/danger/HR 101 on DM → referral", test_danger_hr101_on_dm_referral);
  g_test_add_func ("/followup/danger/HR 100 → no danger sign", test_danger_hr100_no_sign);
  g_test_add_func ("/followup/danger/temperature 39.1 on DM → referral, 39.0 not", test_danger_temperature_39_1_on_dm_referral);
  g_test_add_func ("/followup/danger/temperature 39.1 on HTN → warning only", test_danger_temperature_39_1_on_htn_warning_only);
  g_test_add_func ("/followup/danger/severe headache on HTN → referral", test_danger_severe_headache_on_htn_referral);
  g_test_add_func ("/followup/danger/severe headache on DM → warning only", test_danger_severe_headache_on_dm_warning_only);
  g_test_add_func ("/followup/danger/rotten-apple breath on DM → referral", test_danger_acetone_breath_on_dm_referral);
  g_test_add_func ("/followup/danger/measured bits ticked by hand ignored", test_danger_measured_bits_in_observed_ignored);
  g_test_add_func ("/followup/danger/pregnant, BP 140/85 → referral", test_danger_pregnant_bp_140_referral);
  g_test_add_func ("/followup/danger/pregnant, normal BP → warning only", test_danger_pregnant_normal_bp_warning_only);
  g_test_add_func ("/followup/danger/pregnant, fasting glucose 6.1 on DM → referral", test_danger_pregnant_glucose_6_1_on_dm_referral);
  g_test_add_func ("/followup/danger/self-reported 185/100 by phone → referral", test_danger_on_phone_visit_referral);
  g_test_add_func ("/followup/danger/implausible glucose 0, SBP 1400 → no alarm", test_danger_implausible_values_raise_no_alarm);
  g_test_add_func ("/followup/danger/observable signs per programme", test_danger_observable_signs_per_programme);
  g_test_add_func ("/followup/danger/every sign has a label", test_danger_every_sign_has_a_label);

  return g_test_run ();
}
