/* test-followup-validate.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validation of a follow-up record before it is saved (domain.md §3.3–3.5).
 */

#include "config.h"

#include <locale.h>

#include "followup-fixtures.h"
#include "jy-followup-rules.h"
#include "test-util.h"

/* A record that validates cleanly on 2026-11-23; tests break one thing. */
static JyFollowup *
valid_htn_record (void)
{
  JyFollowup *f = htn_visit ("2026-11-20", 132, 82);

  f->symptoms = 1u << 1;
  f->heart_rate = 72;
  f->weight_kg = 68.5;
  f->height_cm = 168;
  f->classification = JY_FOLLOWUP_CLASS_CONTROLLED;
  f->suggested_class = JY_FOLLOWUP_CLASS_CONTROLLED;
  f->next_visit_date = g_strdup ("2027-02-18");
  f->suggested_next_date = g_strdup ("2027-02-18");
  return f;
}

static GArray *
validate (const JyFollowup *f)
{
  GDate today = date ("2026-11-23");

  return jy_followup_validate (f, jy_followup_policy_default (), NULL, &today);
}

static gboolean
has_problem (GArray                *problems,
             JyFollowupField        field,
             JyFollowupProblemKind  kind)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const JyFollowupProblem *p = &g_array_index (problems, JyFollowupProblem, i);

      if (p->field == field && p->kind == kind)
        return TRUE;
    }
  return FALSE;
}

static void
test_validate_complete_record_passes (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = validate (f);

  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_validate_plausible_ranges (void)
{
  static const struct { JyFollowupField field; double min, max; } expected[] = {
    { JY_FOLLOWUP_FIELD_SBP, 60, 300 },
    { JY_FOLLOWUP_FIELD_DBP, 30, 200 },
    { JY_FOLLOWUP_FIELD_HEART_RATE, 20, 250 },
    { JY_FOLLOWUP_FIELD_WEIGHT, 10, 300 },
    { JY_FOLLOWUP_FIELD_HEIGHT, 50, 250 },
    { JY_FOLLOWUP_FIELD_WAIST, 30, 200 },
    { JY_FOLLOWUP_FIELD_TEMPERATURE, 34, 43 },
    { JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, 1, 40 },
    { JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE, 1, 40 },
    { JY_FOLLOWUP_FIELD_HBA1C, 3, 20 },
    { JY_FOLLOWUP_FIELD_CIGARETTES, 0, 100 },
    { JY_FOLLOWUP_FIELD_ALCOHOL, 0, 40 },
    { JY_FOLLOWUP_FIELD_EXERCISE, 0, 14 },
    { JY_FOLLOWUP_FIELD_EXERCISE_MINUTES, 0, 600 },
  };
  double min, max;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (jy_followup_range (expected[i].field, &min, &max));
      g_assert_cmpfloat (min, ==, expected[i].min);
      g_assert_cmpfloat (max, ==, expected[i].max);
    }
  g_assert_false (jy_followup_range (JY_FOLLOWUP_FIELD_VISIT_DATE, &min, &max));
}

static void
test_validate_bp_400_20_refused (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->sbp = 400;
  f->dbp = 20;
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_SBP, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_DBP, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));
}

static void
test_validate_bp_range_edges_accepted (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->sbp = 60;
  f->dbp = 30;
  f->suggested_class = JY_FOLLOWUP_CLASS_NONE;
  problems = validate (f);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_validate_sbp_equal_to_dbp_refused (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->sbp = 90;
  f->dbp = 90;
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_SBP, JY_FOLLOWUP_PROBLEM_SBP_NOT_ABOVE_DBP));
}

static void
test_validate_glucose_0_refused (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->fasting_glucose = 0;
  f->random_glucose = 0;
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));
}

static void
test_validate_other_implausible_values_refused (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->heart_rate = 300;
  f->weight_kg = 0;
  f->temperature_c = 45;
  f->cigarettes_target = 101;
  f->exercise_per_week = 15;
  f->exercise_minutes = 601;
  f->hba1c = 2.5;
  f->hba1c_date = g_strdup ("2026-11-01");
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_HEART_RATE, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_WEIGHT, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_TEMPERATURE, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_CIGARETTES, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_EXERCISE, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_EXERCISE_MINUTES, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_HBA1C, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));
}

static void
test_validate_zero_cigarettes_and_alcohol_accepted (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->cigarettes = 0;
  f->cigarettes_target = 0;
  f->alcohol_liang = 0;
  f->exercise_per_week = 0;
  problems = validate (f);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_validate_override_without_reason_refused (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->classification = JY_FOLLOWUP_CLASS_UNCONTROLLED;
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_CLASSIFICATION, JY_FOLLOWUP_PROBLEM_NEEDS_REASON));
}

static void
test_validate_override_with_reason_accepted (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->classification = JY_FOLLOWUP_CLASS_UNCONTROLLED;
  f->class_override_reason = g_strdup ("白大衣高血压，家庭自测偏高");
  problems = validate (f);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_validate_classification_required_when_seen (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->classification = JY_FOLLOWUP_CLASS_NONE;
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_CLASSIFICATION, JY_FOLLOWUP_PROBLEM_REQUIRED));
}

static void
test_validate_bp_required_face_to_face_htn (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->sbp = JY_UNMEASURED;
  f->dbp = JY_UNMEASURED;
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_SBP, JY_FOLLOWUP_PROBLEM_REQUIRED));
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_DBP, JY_FOLLOWUP_PROBLEM_REQUIRED));
}

static void
test_validate_bp_and_glucose_required_face_to_face_dm (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->programme = JY_PROGRAMME_T2DM;
  f->sbp = JY_UNMEASURED;
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_SBP, JY_FOLLOWUP_PROBLEM_REQUIRED));
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, JY_FOLLOWUP_PROBLEM_REQUIRED));
}

static void
test_validate_phone_visit_needs_no_measurement (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->programme = JY_PROGRAMME_T2DM;
  f->mode = JY_VISIT_MODE_PHONE;
  f->sbp = JY_UNMEASURED;
  f->dbp = JY_UNMEASURED;
  f->heart_rate = JY_UNMEASURED;
  f->suggested_class = JY_FOLLOWUP_CLASS_NONE;
  problems = validate (f);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_validate_symptom_none_with_others_refused (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->symptoms = (1u << 1) | (1u << 2);
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_SYMPTOMS, JY_FOLLOWUP_PROBLEM_NONE_WITH_OTHERS));

  g_clear_pointer (&problems, g_array_unref);
  f->symptoms = 1u << 1;
  f->symptoms_other = g_strdup ("乏力");
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_SYMPTOMS, JY_FOLLOWUP_PROBLEM_NONE_WITH_OTHERS));
}

static void
test_validate_visit_date_future_refused (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  g_free (f->visit_date);
  f->visit_date = g_strdup ("2026-11-24");
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_VISIT_DATE, JY_FOLLOWUP_PROBLEM_FUTURE));
}

static void
test_validate_visit_date_invalid_refused (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  g_free (f->visit_date);
  f->visit_date = g_strdup ("2025-02-29");
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_VISIT_DATE, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));

  g_clear_pointer (&problems, g_array_unref);
  g_clear_pointer (&f->visit_date, g_free);
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_VISIT_DATE, JY_FOLLOWUP_PROBLEM_REQUIRED));
}

static void
test_validate_visit_before_enrolment_refused (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GArray) same_day = NULL;
  GDate today = date ("2026-11-23");
  GDate enrol = date ("2026-11-21");

  problems = jy_followup_validate (f, NULL, &enrol, &today);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_VISIT_DATE, JY_FOLLOWUP_PROBLEM_BEFORE_PREVIOUS));

  enrol = date ("2026-11-20");
  same_day = jy_followup_validate (f, NULL, &enrol, &today);
  g_assert_cmpuint (same_day->len, ==, 0);
}

static void
test_validate_next_visit_required_when_seen (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  g_clear_pointer (&f->next_visit_date, g_free);
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_NEXT_VISIT, JY_FOLLOWUP_PROBLEM_REQUIRED));
}

static void
test_validate_next_visit_on_visit_day_refused (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  g_free (f->next_visit_date);
  f->next_visit_date = g_strdup ("2026-11-20");
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_NEXT_VISIT, JY_FOLLOWUP_PROBLEM_BEFORE_PREVIOUS));
}

static void
test_validate_next_visit_after_suggestion_needs_reason (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GArray) with_reason = NULL;

  g_free (f->next_visit_date);
  f->next_visit_date = g_strdup ("2027-02-19");
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_NEXT_VISIT, JY_FOLLOWUP_PROBLEM_TOO_LATE));

  f->next_override_reason = g_strdup ("春节返乡");
  with_reason = validate (f);
  g_assert_cmpuint (with_reason->len, ==, 0);
}

static void
test_validate_next_visit_earlier_than_suggestion_accepted (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  g_free (f->next_visit_date);
  f->next_visit_date = g_strdup ("2026-12-20");
  problems = validate (f);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_validate_next_visit_recheck_14_days_too_late (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;
  JyFollowupAssessment a;

  f->sbp = 150;
  f->dbp = 92;
  assess (f, NULL, 50, &a);
  jy_followup_apply_assessment (f, &a);
  f->classification = a.suggested_class;
  g_free (f->next_visit_date);
  f->next_visit_date = g_strdup ("2026-12-05");
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_NEXT_VISIT, JY_FOLLOWUP_PROBLEM_TOO_LATE));
}

static void
test_validate_next_visit_without_suggestion_limited_to_routine (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  g_clear_pointer (&f->suggested_next_date, g_free);
  g_free (f->next_visit_date);
  f->next_visit_date = g_strdup ("2027-02-19");
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_NEXT_VISIT, JY_FOLLOWUP_PROBLEM_TOO_LATE));
}

static void
test_validate_death_date_required_when_dead (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", JY_UNMEASURED, JY_UNMEASURED);
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GArray) after_visit = NULL;

  f->outcome = JY_FOLLOWUP_OUTCOME_DEAD;
  f->mode = JY_VISIT_MODE_NONE;
  problems = validate (f);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_DEATH_DATE, JY_FOLLOWUP_PROBLEM_REQUIRED));

  f->death_date = g_strdup ("2026-11-21");
  after_visit = validate (f);
  g_assert_true (has_problem (after_visit, JY_FOLLOWUP_FIELD_DEATH_DATE, JY_FOLLOWUP_PROBLEM_BEFORE_PREVIOUS));
}

static void
test_validate_lost_needs_no_bp_class_or_next_visit (void)
{
  g_autoptr(JyFollowup) f = htn_visit ("2026-11-20", JY_UNMEASURED, JY_UNMEASURED);
  g_autoptr(GArray) problems = NULL;

  f->outcome = JY_FOLLOWUP_OUTCOME_LOST;
  f->lost_reason = g_strdup ("外出务工");
  problems = validate (f);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_validate_danger_sign_needs_referral_reason (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GArray) with_reason = NULL;

  f->danger_observed = JY_DANGER_DYSPNOEA_SUPINE;
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_REFERRAL, JY_FOLLOWUP_PROBLEM_REQUIRED));

  f->referral_reason = g_strdup ("喘憋不能平卧");
  with_reason = validate (f);
  g_assert_false (has_problem (with_reason, JY_FOLLOWUP_FIELD_REFERRAL, JY_FOLLOWUP_PROBLEM_REQUIRED));
}

static void
test_validate_hba1c_needs_date_not_after_visit (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GArray) late = NULL;

  f->hba1c = 7.2;
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_HBA1C_DATE, JY_FOLLOWUP_PROBLEM_REQUIRED));

  f->hba1c_date = g_strdup ("2026-11-22");
  late = validate (f);
  g_assert_true (has_problem (late, JY_FOLLOWUP_FIELD_HBA1C_DATE, JY_FOLLOWUP_PROBLEM_BEFORE_PREVIOUS));
}

static void
test_validate_adverse_reaction_needs_description (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;

  f->adverse_reaction = TRUE;
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_ADVERSE_REACTION, JY_FOLLOWUP_PROBLEM_REQUIRED));
}

static void
test_validate_drug_without_name_refused (void)
{
  g_autoptr(JyFollowup) f = valid_htn_record ();
  g_autoptr(GArray) problems = NULL;
  JyFollowupDrug *drug = jy_followup_drug_new (JY_FOLLOWUP_DRUG_CURRENT);

  drug->dose = 0;
  g_ptr_array_add (f->drugs, drug);
  g_ptr_array_add (f->drugs, jy_followup_drug_new (JY_FOLLOWUP_DRUG_CURRENT));
  problems = validate (f);
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_DRUGS, JY_FOLLOWUP_PROBLEM_REQUIRED));
  g_assert_true (has_problem (problems, JY_FOLLOWUP_FIELD_DRUGS, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE));
  /* One problem per field and kind, however many rows. */
  g_assert_cmpuint (problems->len, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/followup/validate/complete record passes", test_validate_complete_record_passes);
  g_test_add_func ("/followup/validate/plausible ranges as documented", test_validate_plausible_ranges);
  g_test_add_func ("/followup/validate/BP 400/20 refused", test_validate_bp_400_20_refused);
  g_test_add_func ("/followup/validate/BP 60/30 accepted (ranges inclusive)", test_validate_bp_range_edges_accepted);
  g_test_add_func ("/followup/validate/SBP equal to DBP refused", test_validate_sbp_equal_to_dbp_refused);
  g_test_add_func ("/followup/validate/glucose 0 refused", test_validate_glucose_0_refused);
  g_test_add_func ("/followup/validate/HR 300, weight 0, T 45, exercise 15×601 min refused", test_validate_other_implausible_values_refused);
  g_test_add_func ("/followup/validate/0 cigarettes, 0 alcohol accepted", test_validate_zero_cigarettes_and_alcohol_accepted);
  g_test_add_func ("/followup/validate/override without reason refused", test_validate_override_without_reason_refused);
  g_test_add_func ("/followup/validate/override with reason accepted", test_validate_override_with_reason_accepted);
  g_test_add_func ("/followup/validate/classification required when seen", test_validate_classification_required_when_seen);
  g_test_add_func ("/followup/validate/BP required on face-to-face HTN visit", test_validate_bp_required_face_to_face_htn);
  g_test_add_func ("/followup/validate/BP and fasting glucose required on face-to-face DM visit", test_validate_bp_and_glucose_required_face_to_face_dm);
  g_test_add_func ("/followup/validate/phone visit needs no measurement", test_validate_phone_visit_needs_no_measurement);
  g_test_add_func ("/followup/validate/symptom none with others refused", test_validate_symptom_none_with_others_refused);
  g_test_add_func ("/followup/validate/visit date in the future refused", test_validate_visit_date_future_refused);
  g_test_add_func ("/followup/validate/visit date 2025-02-29 or missing refused", test_validate_visit_date_invalid_refused);
  g_test_add_func ("/followup/validate/visit before enrolment refused", test_validate_visit_before_enrolment_refused);
  g_test_add_func ("/followup/validate/next visit required when seen", test_validate_next_visit_required_when_seen);
  g_test_add_func ("/followup/validate/next visit on the visit day refused", test_validate_next_visit_on_visit_day_refused);
  g_test_add_func ("/followup/validate/next visit after the suggestion needs a reason", test_validate_next_visit_after_suggestion_needs_reason);
  g_test_add_func ("/followup/validate/next visit before the suggestion accepted", test_validate_next_visit_earlier_than_suggestion_accepted);
  g_test_add_func ("/followup/validate/uncontrolled, next visit on day 15 → too late", test_validate_next_visit_recheck_14_days_too_late);
  g_test_add_func ("/followup/validate/no suggestion → next visit within the routine interval", test_validate_next_visit_without_suggestion_limited_to_routine);
  g_test_add_func ("/followup/validate/death date required when dead, not after the visit", test_validate_death_date_required_when_dead);
  g_test_add_func ("/followup/validate/lost needs no BP, classification or next visit", test_validate_lost_needs_no_bp_class_or_next_visit);
  g_test_add_func ("/followup/validate/danger sign needs a referral reason", test_validate_danger_sign_needs_referral_reason);
  g_test_add_func ("/followup/validate/HbA1c needs its date, not after the visit", test_validate_hba1c_needs_date_not_after_visit);
  g_test_add_func ("/followup/validate/adverse reaction needs a description", test_validate_adverse_reaction_needs_description);
  g_test_add_func ("/followup/validate/drug without name or with dose 0 refused", test_validate_drug_without_name_refused);

  return g_test_run ();
}
