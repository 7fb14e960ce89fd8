/* test-followup-rules.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Control thresholds, classification and next visit (domain.md §3.5),
 * one test per case, named after it.
 */

#include "config.h"

#include <locale.h>
#include <time.h>

#include "followup-fixtures.h"
#include "jy-followup-rules.h"
#include "test-util.h"

/* --- Control thresholds -------------------------------------------------- */

static void
test_classify_age70_148_88_controlled (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 148, 88);
  JyFollowupAssessment a;

  assess (f, NULL, 70, &a);
  g_assert_true (a.value_known);
  g_assert_true (a.controlled);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_CONTROLLED);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ROUTINE);
}

static void
test_classify_age64_140_88_uncontrolled (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 140, 88);
  JyFollowupAssessment a;

  assess (f, NULL, 64, &a);
  g_assert_true (a.value_known);
  g_assert_false (a.controlled);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_UNCONTROLLED);
}

static void
test_classify_age64_139_89_controlled (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 139, 89);
  JyFollowupAssessment a;

  assess (f, NULL, 64, &a);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_CONTROLLED);
}

static void
test_classify_age65_150_80_uncontrolled (void)
{
  gboolean known = FALSE;

  g_assert_false (jy_followup_bp_controlled (150, 80, 65, &known));
  g_assert_true (known);
  g_assert_true (jy_followup_bp_controlled (149, 89, 65, &known));
}

static void
test_classify_dbp90_uncontrolled_at_any_age (void)
{
  g_assert_false (jy_followup_bp_controlled (120, 90, 50, NULL));
  g_assert_false (jy_followup_bp_controlled (120, 90, 80, NULL));
}

/* The age is taken on the visit date: 65 on the birthday itself. */
static void
test_classify_turns65_on_visit_day_uses_150 (void)
{
  GDate birth = date ("1961-11-20");
  GDate birthday = date ("2026-11-20");
  GDate day_before = date ("2026-11-19");

  g_assert_cmpint (jy_person_age_on (&birth, &birthday), ==, 65);
  g_assert_true (jy_followup_bp_controlled (145, 85, jy_person_age_on (&birth, &birthday), NULL));
  g_assert_false (jy_followup_bp_controlled (145, 85, jy_person_age_on (&birth, &day_before), NULL));
}

static void
test_classify_sbp_alone_190_is_known_uncontrolled (void)
{
  gboolean known = FALSE;

  g_assert_false (jy_followup_bp_controlled (190, JY_UNMEASURED, 50, &known));
  g_assert_true (known);
  g_assert_false (jy_followup_bp_controlled (130, JY_UNMEASURED, 50, &known));
  g_assert_false (known);
}

static void
test_classify_glucose_6_9_controlled_7_0_uncontrolled (void)
{
  gboolean known = FALSE;

  g_assert_true (jy_followup_glucose_controlled (6.9, &known));
  g_assert_true (known);
  g_assert_false (jy_followup_glucose_controlled (7.0, &known));
  g_assert_true (known);
  g_assert_false (jy_followup_glucose_controlled (JY_UNMEASURED, &known));
  g_assert_false (known);
}

/* --- Classification, action and next visit ------------------------------ */

static void
test_classify_controlled_next_in_90_days (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 128, 78);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_CONTROLLED);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ROUTINE);
  g_assert_cmpint (a.max_interval_days, ==, 90);
  assert_next_visit (&a, "2027-02-18");
  g_assert_cmpuint (a.referral_signs, ==, 0);
  g_assert_cmpuint (a.warnings, ==, 0);
}

static void
test_classify_routine_interval_from_policy (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 128, 78);
  JyFollowupPolicy policy = *jy_followup_policy_default ();
  JyFollowupAssessment a;

  policy.routine_interval_days = 60;
  jy_followup_assess (f, NULL, 50, &policy, &a);
  g_assert_cmpint (a.max_interval_days, ==, 60);
  assert_next_visit (&a, "2027-01-19");

  /* domain.md allows 28–90: a wider setting is held to the bound. */
  policy.routine_interval_days = 120;
  jy_followup_assess (f, NULL, 50, &policy, &a);
  g_assert_cmpint (a.max_interval_days, ==, 90);
}

static void
test_classify_first_uncontrolled_recheck_14_days (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 152, 92);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_UNCONTROLLED);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ADJUST);
  g_assert_cmpint (a.max_interval_days, ==, 14);
  assert_next_visit (&a, "2026-12-04");
}

static void
test_classify_controlled_previous_then_uncontrolled_is_first (void)
{
  g_autoptr(JyFollowup) previous = htn_visit ("2026-08-20", 130, 80);
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 152, 92);
  JyFollowupAssessment a;

  assess (f, previous, 50, &a);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ADJUST);
}

static void
test_classify_second_consecutive_uncontrolled_referral (void)
{
  g_autoptr(JyFollowup) previous = htn_visit ("2026-11-06", 150, 92);
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 148, 90);
  JyFollowupAssessment a;

  g_assert_true (jy_followup_counts_as_previous (previous));
  assess (f, previous, 50, &a);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_UNCONTROLLED);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL);
  assert_next_visit (&a, "2026-12-04");
}

static void
test_classify_t2dm_second_consecutive_glucose_referral (void)
{
  g_autoptr(JyFollowup) previous = dm_visit ("2026-11-06", 8.2);
  g_autoptr(JyFollowup) f = dm_visit ("2026-11-20", 7.0);
  JyFollowupAssessment a;

  assess (f, previous, 58, &a);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_UNCONTROLLED);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL);
}

static void
test_classify_phone_visit_never_counts_as_previous (void)
{
  g_autoptr(JyFollowup) phone = htn_visit ("2026-11-06", 160, 95);
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 150, 92);
  JyFollowupAssessment a;

  phone->mode = JY_VISIT_MODE_PHONE;
  g_assert_false (jy_followup_counts_as_previous (phone));
  assess (f, phone, 50, &a);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ADJUST);
}

static void
test_classify_phone_visit_classified_from_self_report (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 135, 85);
  JyFollowupAssessment a;

  f->mode = JY_VISIT_MODE_PHONE;
  assess (f, NULL, 50, &a);
  g_assert_true (a.value_known);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_CONTROLLED);
  assert_next_visit (&a, "2027-02-18");
}

static void
test_classify_uncontrolled_phone_after_uncontrolled_adjust (void)
{
  g_autoptr(JyFollowup) previous = htn_visit ("2026-11-06", 150, 92);
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 155, 92);
  JyFollowupAssessment a;

  f->mode = JY_VISIT_MODE_PHONE;
  assess (f, previous, 50, &a);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_UNCONTROLLED);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ADJUST);
}

static void
test_classify_home_visit_counts_as_previous (void)
{
  g_autoptr(JyFollowup) home = htn_visit ("2026-11-06", 150, 92);

  home->mode = JY_VISIT_MODE_HOME;
  g_assert_true (jy_followup_counts_as_previous (home));
}

static void
test_classify_lost_corrected_or_unmeasured_not_previous (void)
{
  g_autoptr(JyFollowup) lost = htn_visit ("2026-11-06", 150, 92);
  g_autoptr(JyFollowup) corrected = htn_visit ("2026-11-06", 150, 92);
  g_autoptr(JyFollowup) unmeasured = htn_visit ("2026-11-06", 150, JY_UNMEASURED);
  g_autoptr(JyFollowup) dm = dm_visit ("2026-11-06", JY_UNMEASURED);

  lost->outcome = JY_FOLLOWUP_OUTCOME_LOST;
  g_free (corrected->status);
  corrected->status = g_strdup ("entered-in-error");

  g_assert_false (jy_followup_counts_as_previous (lost));
  g_assert_false (jy_followup_counts_as_previous (corrected));
  g_assert_false (jy_followup_counts_as_previous (unmeasured));
  g_assert_false (jy_followup_counts_as_previous (dm));
}

static void
test_classify_previous_not_earlier_ignored (void)
{
  g_autoptr(JyFollowup) same_day = htn_visit ("2026-11-20", 150, 92);
  g_autoptr(JyFollowup) other_programme = dm_visit ("2026-11-06", 9.0);
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 150, 92);
  JyFollowupAssessment a;

  assess (f, same_day, 50, &a);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ADJUST);
  other_programme->sbp = 160;
  other_programme->dbp = 95;
  assess (f, other_programme, 50, &a);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ADJUST);
}

static void
test_classify_previous_judged_by_todays_threshold (void)
{
  /* 145 at 64 missed the target of 140; at 65 the target is 150. */
  g_autoptr(JyFollowup) previous = htn_visit ("2026-08-20", 145, 85);
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 155, 85);
  JyFollowupAssessment a;

  assess (f, previous, 65, &a);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ADJUST);
}

static void
test_classify_complication_class4_referral (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 130, 80);
  JyFollowupAssessment a;

  f->new_complication = TRUE;
  assess (f, NULL, 50, &a);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_COMPLICATION);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL);
  assert_next_visit (&a, "2026-12-04");
}

static void
test_classify_adverse_reaction_class3_adjust (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 130, 80);
  JyFollowupAssessment a;

  f->adverse_reaction = TRUE;
  assess (f, NULL, 50, &a);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_ADVERSE);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ADJUST);
  assert_next_visit (&a, "2026-12-04");
}

static void
test_classify_adverse_hard_to_control_referral (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 130, 80);
  JyFollowupAssessment a;

  f->adverse_reaction = TRUE;
  f->adverse_hard_to_control = TRUE;
  assess (f, NULL, 50, &a);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_ADVERSE);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL);
}

static void
test_classify_uncontrolled_with_adverse_reaction_class3 (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 150, 95);
  JyFollowupAssessment a;

  f->adverse_reaction = TRUE;
  assess (f, NULL, 50, &a);
  g_assert_false (a.controlled);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_ADVERSE);
  g_assert_cmpint (a.action, ==, JY_FOLLOWUP_ACTION_ADJUST);
}

static void
test_classify_lost_no_suggestion_no_next_visit (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", JY_UNMEASURED, JY_UNMEASURED);
  JyFollowupAssessment a;

  f->outcome = JY_FOLLOWUP_OUTCOME_LOST;
  assess (f, NULL, 50, &a);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_NONE);
  g_assert_false (g_date_valid (&a.next_visit));
}

static void
test_classify_dead_no_suggestion_no_next_visit (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 190, 115);
  JyFollowupAssessment a;

  f->outcome = JY_FOLLOWUP_OUTCOME_DEAD;
  assess (f, NULL, 50, &a);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_NONE);
  g_assert_cmpuint (a.referral_signs, ==, 0);
  g_assert_false (g_date_valid (&a.next_visit));
}

static void
test_classify_unmeasured_face_to_face_no_class (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", JY_UNMEASURED, JY_UNMEASURED);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  g_assert_false (a.value_known);
  g_assert_cmpint (a.suggested_class, ==, JY_FOLLOWUP_CLASS_NONE);
  /* See the patient soon to measure it. */
  assert_next_visit (&a, "2026-12-04");
}

static void
test_classify_year_end_next_visit (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2024-12-20", 150, 92);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  assert_next_visit (&a, "2025-01-03");
}

static void
test_classify_leap_day_next_visit (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2023-12-01", 130, 80);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  assert_next_visit (&a, "2024-02-29");
}

static void
test_classify_apply_assessment_stores_suggestion (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", 152, 92);
  JyFollowupAssessment a;

  assess (f, NULL, 50, &a);
  jy_followup_apply_assessment (f, &a);
  g_assert_cmpint (f->suggested_class, ==, JY_FOLLOWUP_CLASS_UNCONTROLLED);
  g_assert_cmpstr (f->suggested_next_date, ==, "2026-12-04");

  f->outcome = JY_FOLLOWUP_OUTCOME_LOST;
  assess (f, NULL, 50, &a);
  jy_followup_apply_assessment (f, &a);
  g_assert_cmpint (f->suggested_class, ==, JY_FOLLOWUP_CLASS_NONE);
  g_assert_null (f->suggested_next_date);
}

/* Core reads no clock and no zone: a workstation set to another TZ
 * gets the same answer. */
static void
test_classify_independent_of_process_tz (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2024-12-31", 150, 92);
  const char *old_tz = g_getenv ("TZ");
  g_autofree char *saved = g_strdup (old_tz);
  JyFollowupAssessment a;

  g_setenv ("TZ", "Pacific/Kiritimati", TRUE);
  tzset ();
  assess (f, NULL, 50, &a);
  assert_next_visit (&a, "2025-01-14");
  g_setenv ("TZ", "America/Adak", TRUE);
  tzset ();
  assess (f, NULL, 50, &a);
  assert_next_visit (&a, "2025-01-14");

  if (saved != NULL)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

static void
test_labels_every_action_has_a_label (void)
{
  g_assert_cmpstr (jy_followup_action_label (JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL), ==, "Emergency referral");
  g_assert_nonnull (jy_followup_action_label (JY_FOLLOWUP_ACTION_ROUTINE));
  g_assert_nonnull (jy_followup_action_label (JY_FOLLOWUP_ACTION_ADJUST));
  g_assert_nonnull (jy_followup_action_label (JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/followup/classify/age 70, 148/88 → controlled", test_classify_age70_148_88_controlled);
  g_test_add_func ("/followup/classify/age 64, 140/88 → uncontrolled (140 is not < 140)", test_classify_age64_140_88_uncontrolled);
  g_test_add_func ("/followup/classify/age 64, 139/89 → controlled", test_classify_age64_139_89_controlled);
  g_test_add_func ("/followup/classify/age 65, 150/80 → uncontrolled (150 is not < 150)", test_classify_age65_150_80_uncontrolled);
  g_test_add_func ("/followup/classify/DBP 90 → uncontrolled at any age", test_classify_dbp90_uncontrolled_at_any_age);
  g_test_add_func ("/followup/classify/turns 65 on the visit day → 150 applies", test_classify_turns65_on_visit_day_uses_150);
  g_test_add_func ("/followup/classify/SBP 190 alone → known uncontrolled", test_classify_sbp_alone_190_is_known_uncontrolled);
  g_test_add_func ("/followup/classify/fasting glucose 6.9 → controlled, 7.0 → uncontrolled", test_classify_glucose_6_9_controlled_7_0_uncontrolled);
  g_test_add_func ("/followup/classify/controlled → class 1, next visit in 90 days", test_classify_controlled_next_in_90_days);
  g_test_add_func ("/followup/classify/routine interval from policy, held to 28–90", test_classify_routine_interval_from_policy);
  g_test_add_func ("/followup/classify/first uncontrolled BP → recheck within 14 days", test_classify_first_uncontrolled_recheck_14_days);
  g_test_add_func ("/followup/classify/controlled previous, uncontrolled now → first uncontrolled", test_classify_controlled_previous_then_uncontrolled_is_first);
  g_test_add_func ("/followup/classify/second consecutive uncontrolled → referral", test_classify_second_consecutive_uncontrolled_referral);
  g_test_add_func ("/followup/classify/second consecutive fasting glucose ≥ 7.0 → referral", test_classify_t2dm_second_consecutive_glucose_referral);
  g_test_add_func ("/followup/classify/phone visit never counts as previous", test_classify_phone_visit_never_counts_as_previous);
  g_test_add_func ("/followup/classify/phone visit classified from self-reported value", test_classify_phone_visit_classified_from_self_report);
  g_test_add_func ("/followup/classify/uncontrolled by phone after uncontrolled visit → adjust, not referral", test_classify_uncontrolled_phone_after_uncontrolled_adjust);
  g_test_add_func ("/followup/classify/home visit counts as previous", test_classify_home_visit_counts_as_previous);
  g_test_add_func ("/followup/classify/lost, corrected or unmeasured visit is not previous", test_classify_lost_corrected_or_unmeasured_not_previous);
  g_test_add_func ("/followup/classify/previous of same day or other programme ignored", test_classify_previous_not_earlier_ignored);
  g_test_add_func ("/followup/classify/previous judged by today's threshold (turned 65)", test_classify_previous_judged_by_todays_threshold);
  g_test_add_func ("/followup/classify/complication → class 4, recommend referral", test_classify_complication_class4_referral);
  g_test_add_func ("/followup/classify/adverse reaction → class 3, adjust", test_classify_adverse_reaction_class3_adjust);
  g_test_add_func ("/followup/classify/adverse reaction hard to control → class 3, referral", test_classify_adverse_hard_to_control_referral);
  g_test_add_func ("/followup/classify/uncontrolled with adverse reaction → class 3, adjust", test_classify_uncontrolled_with_adverse_reaction_class3);
  g_test_add_func ("/followup/classify/lost → no suggestion, no next visit", test_classify_lost_no_suggestion_no_next_visit);
  g_test_add_func ("/followup/classify/dead → no suggestion, no next visit", test_classify_dead_no_suggestion_no_next_visit);
  g_test_add_func ("/followup/classify/face-to-face without BP → no suggested class, see in 14 days", test_classify_unmeasured_face_to_face_no_class);
  g_test_add_func ("/followup/classify/visit 2024-12-20 + 14 → 2025-01-03", test_classify_year_end_next_visit);
  g_test_add_func ("/followup/classify/visit 2023-12-01 + 90 → 2024-02-29", test_classify_leap_day_next_visit);
  g_test_add_func ("/followup/classify/apply assessment stores suggested class and date", test_classify_apply_assessment_stores_suggestion);
  g_test_add_func ("/followup/classify/same result whatever the process TZ", test_classify_independent_of_process_tz);
  g_test_add_func ("/followup/labels/every action has a label", test_labels_every_action_has_a_label);

  return g_test_run ();
}
