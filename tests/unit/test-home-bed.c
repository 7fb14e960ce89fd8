/* test-home-bed.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-clock.h"
#include "jy-followup.h"
#include "jy-home-bed-round.h"
#include "jy-person.h"
#include "test-util.h"

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (jy_person_parse_date (iso, &date));
  return date;
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = jy_clock_format_date (date);

  g_assert_cmpstr (text, ==, iso);
}

static gboolean
has_problem (GArray           *list,
             JyHomeBedProblem  problem)
{
  for (guint i = 0; i < list->len; i++)
    if (g_array_index (list, JyHomeBedProblem, i) == problem)
      return TRUE;
  return FALSE;
}

static JyHomeBedAssessment
eligible_assessment (void)
{
  JyHomeBedAssessment a;

  jy_home_bed_assessment_init (&a);
  a.application_date = day ("2026-03-02");
  a.assessment_date = day ("2026-03-04");
  a.diagnosis_clear = TRUE;
  a.condition_stable = TRUE;
  a.suitable_at_home = TRUE;
  a.needs_continuous_care = TRUE;
  a.home_safe = TRUE;
  a.has_carer = TRUE;
  a.adl_score = 35;
  a.braden_score = 12;
  a.age = 84;
  return a;
}

/* --- Eligibility --------------------------------------------------------- */

static void
test_eligible (void)
{
  JyHomeBedAssessment a = eligible_assessment ();
  GDate today = day ("2026-03-04");
  g_autoptr(GArray) list = jy_home_bed_assess (&a, &today, NULL);

  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_every_failing_reason (void)
{
  JyHomeBedAssessment a;
  GDate today = day ("2026-03-04");
  JyHomeBedPolicy policy = JY_HOME_BED_POLICY_DEFAULT;
  g_autoptr(GArray) list = NULL;

  jy_home_bed_assessment_init (&a);
  a.infectious = TRUE;
  a.adl_score = 120;
  a.braden_score = 3;
  policy.contract_required = TRUE;
  list = jy_home_bed_assess (&a, &today, &policy);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_DIAGNOSIS_UNCLEAR));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_UNSTABLE));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NOT_SUITABLE_AT_HOME));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NO_CONTINUOUS_CARE));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_INFECTIOUS));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_HOME_UNSAFE));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NO_CARER));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NO_CONTRACT));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_ADL_OUT_OF_RANGE));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_BRADEN_OUT_OF_RANGE));
  for (guint i = 0; i < list->len; i++)
    {
      JyHomeBedProblem p = g_array_index (list, JyHomeBedProblem, i);

      g_assert_nonnull (jy_home_bed_problem_message (p));
    }
}

static void
test_unstable_alone_refused (void)
{
  JyHomeBedAssessment a = eligible_assessment ();
  g_autoptr(GArray) list = NULL;

  a.condition_stable = FALSE;
  list = jy_home_bed_assess (&a, NULL, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_UNSTABLE));
}

static void
test_contract_not_required_by_default (void)
{
  JyHomeBedAssessment a = eligible_assessment ();
  g_autoptr(GArray) list = jy_home_bed_assess (&a, NULL, NULL);

  g_assert_false (a.has_active_contract);
  g_assert_false (has_problem (list, JY_HOME_BED_PROBLEM_NO_CONTRACT));
}

static void
test_assessment_dates (void)
{
  JyHomeBedAssessment a = eligible_assessment ();
  GDate today = day ("2026-03-03");
  g_autoptr(GArray) list = NULL;

  a.application_date = day ("2026-03-05");
  list = jy_home_bed_assess (&a, &today, NULL);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_ASSESSMENT_BEFORE_APPLICATION));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_ASSESSMENT_IN_FUTURE));
}

static void
test_priorities_from_scores_and_age (void)
{
  JyHomeBedAssessment a = eligible_assessment ();

  a.priorities = JY_HOME_BED_PRIORITY_TUBES;
  g_assert_cmpuint (jy_home_bed_priorities (&a), ==,
                    JY_HOME_BED_PRIORITY_TUBES | JY_HOME_BED_PRIORITY_BEDRIDDEN | JY_HOME_BED_PRIORITY_VERY_OLD);
  a.adl_score = 61;
  a.age = 79;
  g_assert_cmpuint (jy_home_bed_priorities (&a), ==, JY_HOME_BED_PRIORITY_TUBES);
  a.adl_score = 60;
  a.age = 80;
  g_assert_cmpuint (jy_home_bed_priorities (&a), ==,
                    JY_HOME_BED_PRIORITY_TUBES | JY_HOME_BED_PRIORITY_BEDRIDDEN | JY_HOME_BED_PRIORITY_VERY_OLD);
  for (guint i = 0; i < JY_HOME_BED_N_PRIORITIES; i++)
    g_assert_nonnull (jy_home_bed_priority_label (1u << i));
}

static void
test_adl_bands (void)
{
  g_assert_cmpint (jy_adl_classify (40), ==, JY_ADL_SEVERE);
  g_assert_cmpint (jy_adl_classify (41), ==, JY_ADL_MODERATE);
  g_assert_cmpint (jy_adl_classify (60), ==, JY_ADL_MODERATE);
  g_assert_cmpint (jy_adl_classify (61), ==, JY_ADL_MILD);
  g_assert_cmpint (jy_adl_classify (100), ==, JY_ADL_INDEPENDENT);
  g_assert_cmpint (jy_adl_classify (101), ==, JY_ADL_UNKNOWN);
  g_assert_cmpint (jy_adl_classify (-1), ==, JY_ADL_UNKNOWN);
}

static void
test_braden_bands (void)
{
  g_assert_cmpuint (jy_braden_risk (12), ==, 3);
  g_assert_cmpuint (jy_braden_risk (13), ==, 2);
  g_assert_cmpuint (jy_braden_risk (15), ==, 1);
  g_assert_cmpuint (jy_braden_risk (19), ==, 0);
}

static void
test_assessment_due_skips_weekend (void)
{
  GDate applied = day ("2026-03-05"), due;   /* a Thursday */
  JyHomeBedPolicy policy = JY_HOME_BED_POLICY_DEFAULT;

  jy_home_bed_assessment_due (&applied, NULL, &due);
  assert_date (&due, "2026-03-10");            /* Fri, Mon, Tue */
  policy.assessment_working_days = 5;
  jy_home_bed_assessment_due (&applied, &policy, &due);
  assert_date (&due, "2026-03-12");
}

static void
test_assessment_due_across_year_end (void)
{
  GDate applied = day ("2026-12-31"), due;   /* a Thursday */

  jy_home_bed_assessment_due (&applied, NULL, &due);
  assert_date (&due, "2027-01-05");
}

/* --- Admission and cycles ------------------------------------------------ */

static JyHomeBedAdmission
good_admission (void)
{
  JyHomeBedAdmission a;

  jy_home_bed_admission_init (&a);
  a.assessment_date = day ("2026-03-04");
  a.assessed_eligible = TRUE;
  a.admission_date = day ("2026-03-05");
  a.agreement_signed = TRUE;
  a.diagnosis = "脑梗死后遗症";
  a.plan = "换药 每3日";
  a.doctor_id = 1;
  a.nurse_id = 2;
  a.bed_number = "JC2026-001";
  a.doctor_every_days = 7;
  a.nurse_every_days = 3;
  jy_home_bed_cycle_end (&a.admission_date, NULL, &a.cycle_end);
  return a;
}

static void
test_admission_valid (void)
{
  JyHomeBedAdmission a = good_admission ();
  GDate today = day ("2026-03-05");
  g_autoptr(GArray) list = jy_home_bed_admission_check (&a, &today, NULL);

  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_admission_every_missing_part (void)
{
  JyHomeBedAdmission a;
  GDate today = day ("2026-03-01");
  g_autoptr(GArray) list = NULL;

  jy_home_bed_admission_init (&a);
  a.assessment_date = day ("2026-03-04");
  a.admission_date = day ("2026-03-03");
  a.cycle_end = day ("2026-03-03");
  list = jy_home_bed_admission_check (&a, &today, NULL);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NOT_ASSESSED_ELIGIBLE));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_ADMISSION_BEFORE_ASSESSMENT));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_ADMISSION_IN_FUTURE));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_AGREEMENT_NOT_SIGNED));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NO_DIAGNOSIS));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NO_PLAN));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NO_DOCTOR));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NO_NURSE));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NO_BED_NUMBER));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_ROUND_FREQUENCY));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_CYCLE_END_BEFORE_ADMISSION));
}

static void
test_doctor_every_8_days_refused (void)
{
  JyHomeBedAdmission a = good_admission ();
  JyHomeBedPolicy policy = JY_HOME_BED_POLICY_DEFAULT;
  g_autoptr(GArray) list = NULL;
  g_autoptr(GArray) relaxed = NULL;

  a.doctor_every_days = 8;
  list = jy_home_bed_admission_check (&a, NULL, NULL);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_DOCTOR_ROUNDS_TOO_RARE));
  policy.doctor_round_max_days = 14;
  relaxed = jy_home_bed_admission_check (&a, NULL, &policy);
  g_assert_cmpuint (relaxed->len, ==, 0);
}

static void
test_cycle_default_90_days (void)
{
  GDate start = day ("2026-03-05"), end;

  jy_home_bed_cycle_end (&start, NULL, &end);
  assert_date (&end, "2026-06-03");
  g_assert_cmpuint (jy_home_bed_bed_days (&start, &end), ==, 90);
}

static void
test_cycle_60_days_by_policy (void)
{
  GDate start = day ("2026-03-05"), end;
  JyHomeBedPolicy policy = JY_HOME_BED_POLICY_DEFAULT;

  policy.cycle_days = 60;
  jy_home_bed_cycle_end (&start, &policy, &end);
  assert_date (&end, "2026-05-04");
}

static void
test_cycle_across_leap_day (void)
{
  GDate start = day ("2027-12-31"), end;

  jy_home_bed_cycle_end (&start, NULL, &end);
  assert_date (&end, "2028-03-30");            /* 2028 has 29 Feb */
  start = day ("2026-12-31");
  jy_home_bed_cycle_end (&start, NULL, &end);
  assert_date (&end, "2027-03-31");
}

static void
test_cycle_longer_than_policy_refused (void)
{
  JyHomeBedAdmission a = good_admission ();
  g_autoptr(GArray) list = NULL;

  g_date_add_days (&a.cycle_end, 1);
  list = jy_home_bed_admission_check (&a, NULL, NULL);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_CYCLE_TOO_LONG));
}

static void
test_bed_days_same_day_is_one (void)
{
  GDate a = day ("2026-03-05");

  g_assert_cmpuint (jy_home_bed_bed_days (&a, &a), ==, 1);
}

static void
test_renewal_after_reassessment (void)
{
  GDate end = day ("2026-06-03"), reassessed = day ("2026-05-28"), start, new_end;

  g_assert_cmpint (jy_home_bed_renewal_check (&end, &reassessed, TRUE, NULL, &start, &new_end),
                   ==, JY_HOME_BED_OK);
  assert_date (&start, "2026-06-03");
  assert_date (&new_end, "2026-09-01");
}

static void
test_renewal_too_early (void)
{
  GDate end = day ("2026-06-03"), reassessed = day ("2026-05-19");

  g_assert_cmpint (jy_home_bed_renewal_check (&end, &reassessed, TRUE, NULL, NULL, NULL),
                   ==, JY_HOME_BED_PROBLEM_RENEWAL_TOO_EARLY);
  reassessed = day ("2026-05-20");
  g_assert_cmpint (jy_home_bed_renewal_check (&end, &reassessed, TRUE, NULL, NULL, NULL),
                   ==, JY_HOME_BED_OK);
}

static void
test_renewal_after_cycle_end (void)
{
  GDate end = day ("2026-06-03"), reassessed = day ("2026-06-04");

  g_assert_cmpint (jy_home_bed_renewal_check (&end, &reassessed, TRUE, NULL, NULL, NULL),
                   ==, JY_HOME_BED_PROBLEM_RENEWAL_AFTER_CYCLE_END);
}

static void
test_renewal_not_eligible (void)
{
  GDate end = day ("2026-06-03"), reassessed = day ("2026-06-01");

  g_assert_cmpint (jy_home_bed_renewal_check (&end, &reassessed, FALSE, NULL, NULL, NULL),
                   ==, JY_HOME_BED_PROBLEM_RENEWAL_NOT_ELIGIBLE);
}

static void
test_renewal_60_day_cycle (void)
{
  GDate end = day ("2028-02-10"), reassessed = day ("2028-02-10"), start, new_end;
  JyHomeBedPolicy policy = JY_HOME_BED_POLICY_DEFAULT;

  policy.cycle_days = 60;
  g_assert_cmpint (jy_home_bed_renewal_check (&end, &reassessed, TRUE, &policy, &start, &new_end),
                   ==, JY_HOME_BED_OK);
  assert_date (&new_end, "2028-04-10");
}

/* --- Round frequency --------------------------------------------------- */

static void
next_round (const char *admission,
            const char *last,
            guint       every,
            const char *cycle_end,
            const char *expected)
{
  GDate adm = day (admission), l, end, out;

  g_date_clear (&l, 1);
  g_date_clear (&end, 1);
  if (last != NULL)
    l = day (last);
  if (cycle_end != NULL)
    end = day (cycle_end);
  jy_home_bed_next_round (&adm, &l, every, &end, &out);
  assert_date (&out, expected);
}

static void
test_first_round_due_on_admission (void)
{
  next_round ("2026-03-05", NULL, 3, "2026-06-03", "2026-03-05");
}

static void
test_every_3_days (void)
{
  next_round ("2026-03-05", "2026-03-05", 3, "2026-06-03", "2026-03-08");
}

static void
test_next_round_across_month_end (void)
{
  next_round ("2026-04-01", "2026-04-29", 3, NULL, "2026-05-02");
}

static void
test_next_round_across_year_end (void)
{
  next_round ("2026-12-01", "2026-12-30", 7, NULL, "2027-01-06");
}

static void
test_next_round_onto_leap_day (void)
{
  next_round ("2028-02-01", "2028-02-27", 2, NULL, "2028-02-29");
  next_round ("2027-02-01", "2027-02-27", 2, NULL, "2027-03-01");
}

static void
test_next_round_capped_at_cycle_end (void)
{
  next_round ("2026-03-05", "2026-05-30", 7, "2026-06-03", "2026-06-03");
}

static void
test_due_today_and_overdue (void)
{
  GDate due = day ("2026-12-31"), today = day ("2027-01-02");

  g_assert_cmpint (jy_home_bed_due_on (&due, &today), ==, JY_HOME_BED_DUE_OVERDUE);
  g_assert_cmpuint (jy_home_bed_days_overdue (&due, &today), ==, 2);
  today = day ("2026-12-31");
  g_assert_cmpint (jy_home_bed_due_on (&due, &today), ==, JY_HOME_BED_DUE_TODAY);
  g_assert_cmpuint (jy_home_bed_days_overdue (&due, &today), ==, 0);
  today = day ("2026-12-30");
  g_assert_cmpint (jy_home_bed_due_on (&due, &today), ==, JY_HOME_BED_DUE_NOT_YET);
}

static void
test_frequency_bounds (void)
{
  g_assert_false (jy_home_bed_frequency_valid (0));
  g_assert_true (jy_home_bed_frequency_valid (1));
  g_assert_true (jy_home_bed_frequency_valid (30));
  g_assert_false (jy_home_bed_frequency_valid (31));
}

/* --- Round record ------------------------------------------------------ */

static JyHomeBedRound
good_round (void)
{
  JyHomeBedRound r;

  jy_home_bed_round_init (&r);
  r.date = day ("2026-03-08");
  r.start_minute = 9 * 60;
  r.end_minute = 9 * 60 + 20;
  r.by_nurse = TRUE;
  r.kind = JY_HOME_BED_ROUND_NURSING;
  r.vitals[JY_HOME_BED_VITAL_TEMPERATURE] = 36.6;
  r.vitals[JY_HOME_BED_VITAL_SBP] = 132;
  r.vitals[JY_HOME_BED_VITAL_DBP] = 80;
  r.vitals[JY_HOME_BED_VITAL_SPO2] = 96;
  r.procedures = JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_DRESSING);
  r.next_round = day ("2026-03-11");
  return r;
}

static GArray *
check_round (const JyHomeBedRound *r)
{
  GDate adm = day ("2026-03-05"), today = day ("2026-03-08"), none;

  g_date_clear (&none, 1);
  return jy_home_bed_round_check (r, &adm, &none, &today, NULL);
}

static void
test_round_valid (void)
{
  JyHomeBedRound r = good_round ();
  g_autoptr(GArray) list = check_round (&r);

  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_round_impossible_vitals (void)
{
  JyHomeBedRound r = good_round ();
  g_autoptr(GArray) list = NULL;

  r.vitals[JY_HOME_BED_VITAL_TEMPERATURE] = 366;
  r.vitals[JY_HOME_BED_VITAL_PULSE] = 300;
  r.vitals[JY_HOME_BED_VITAL_RESPIRATION] = 2;
  r.vitals[JY_HOME_BED_VITAL_SPO2] = 101;
  r.vitals[JY_HOME_BED_VITAL_GLUCOSE] = 0.5;
  r.vitals[JY_HOME_BED_VITAL_PAIN] = 11;
  r.vitals[JY_HOME_BED_VITAL_WEIGHT] = 5;
  list = check_round (&r);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_TEMPERATURE));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_PULSE));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_RESPIRATION));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_SPO2));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_GLUCOSE));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_PAIN));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_WEIGHT));
}

static void
test_vital_ranges_match_followup_form (void)
{
  /* BP, pulse, temperature, weight and glucose use the follow-up ranges. */
  g_assert_cmpint (jy_home_bed_vital_check (JY_HOME_BED_VITAL_SBP, 300), ==, JY_HOME_BED_OK);
  g_assert_cmpint (jy_home_bed_vital_check (JY_HOME_BED_VITAL_SBP, 301), ==, JY_HOME_BED_PROBLEM_SBP);
  g_assert_cmpint (jy_home_bed_vital_check (JY_HOME_BED_VITAL_TEMPERATURE, 34), ==, JY_HOME_BED_OK);
  g_assert_cmpint (jy_home_bed_vital_check (JY_HOME_BED_VITAL_TEMPERATURE, 33.9), ==, JY_HOME_BED_PROBLEM_TEMPERATURE);
  g_assert_cmpint (jy_home_bed_vital_check (JY_HOME_BED_VITAL_SPO2, 100), ==, JY_HOME_BED_OK);
  g_assert_cmpint (jy_home_bed_vital_check (JY_HOME_BED_VITAL_PAIN, 0), ==, JY_HOME_BED_OK);
  g_assert_cmpint (jy_home_bed_vital_check (JY_HOME_BED_VITAL_PAIN, 4.5), ==, JY_HOME_BED_PROBLEM_PAIN);
  g_assert_cmpint (jy_home_bed_vital_check (JY_HOME_BED_VITAL_PULSE, JY_UNMEASURED), ==, JY_HOME_BED_OK);
}

static void
test_round_blood_pressure_pairs (void)
{
  JyHomeBedRound r = good_round ();
  g_autoptr(GArray) half = NULL;
  g_autoptr(GArray) order = NULL;

  r.vitals[JY_HOME_BED_VITAL_DBP] = JY_UNMEASURED;
  half = check_round (&r);
  g_assert_true (has_problem (half, JY_HOME_BED_PROBLEM_BP_HALF));
  r.vitals[JY_HOME_BED_VITAL_DBP] = 132;
  order = check_round (&r);
  g_assert_true (has_problem (order, JY_HOME_BED_PROBLEM_BP_ORDER));
}

static void
test_round_dates (void)
{
  JyHomeBedRound r = good_round ();
  GDate adm = day ("2026-03-05"), dis = day ("2026-03-06"), today = day ("2026-03-07");
  g_autoptr(GArray) list = NULL;
  g_autoptr(GArray) early = NULL;

  list = jy_home_bed_round_check (&r, &adm, &dis, &today, NULL);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_ROUND_AFTER_DISCHARGE));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_ROUND_IN_FUTURE));
  r.date = day ("2026-03-04");
  early = check_round (&r);
  g_assert_true (has_problem (early, JY_HOME_BED_PROBLEM_ROUND_BEFORE_ADMISSION));
}

static void
test_round_nurse_cannot_log_doctor_round (void)
{
  JyHomeBedRound r = good_round ();
  g_autoptr(GArray) list = NULL;

  r.kind = JY_HOME_BED_ROUND_DOCTOR;
  list = check_round (&r);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NURSE_DOCTOR_ROUND));
}

static void
test_round_empty_refused (void)
{
  JyHomeBedRound r;
  g_autoptr(GArray) list = NULL;

  jy_home_bed_round_init (&r);
  r.date = day ("2026-03-08");
  list = check_round (&r);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_EMPTY_ROUND));
}

static void
test_round_infusion_off_by_default (void)
{
  JyHomeBedRound r = good_round ();
  JyHomeBedPolicy policy = JY_HOME_BED_POLICY_DEFAULT;
  GDate adm = day ("2026-03-05"), today = day ("2026-03-08");
  g_autoptr(GArray) list = NULL;
  g_autoptr(GArray) allowed = NULL;

  r.procedures |= JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_INFUSION);
  list = check_round (&r);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_INFUSION_NOT_ALLOWED));
  policy.infusion_allowed = TRUE;
  allowed = jy_home_bed_round_check (&r, &adm, NULL, &today, &policy);
  g_assert_cmpuint (allowed->len, ==, 0);
}

static void
test_round_pressure_care_needs_stage (void)
{
  JyHomeBedRound r = good_round ();
  g_autoptr(GArray) list = NULL;
  g_autoptr(GArray) staged = NULL;

  r.procedures |= JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_PRESSURE_CARE);
  list = check_round (&r);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_PRESSURE_STAGE_MISSING));
  r.pressure_stage = JY_PRESSURE_STAGE_2;
  staged = check_round (&r);
  g_assert_cmpuint (staged->len, ==, 0);
}

static void
test_round_next_not_after (void)
{
  JyHomeBedRound r = good_round ();
  g_autoptr(GArray) list = NULL;

  r.next_round = r.date;
  list = check_round (&r);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NEXT_ROUND_NOT_AFTER));
}

static void
test_round_end_before_start (void)
{
  JyHomeBedRound r = good_round ();
  g_autoptr(GArray) list = NULL;

  r.end_minute = r.start_minute - 1;
  list = check_round (&r);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_ROUND_END_BEFORE_START));
}

static void
test_procedures_codes_round_trip (void)
{
  guint bits = JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_DRESSING) | JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_BLOOD_DRAW);
  g_autofree char *text = jy_home_bed_procs_to_string (bits);
  guint back = 0;

  g_assert_cmpstr (text, ==, "dressing,blood-draw");
  g_assert_true (jy_home_bed_procs_from_string (text, &back));
  g_assert_cmpuint (back, ==, bits);
  g_assert_false (jy_home_bed_procs_from_string ("dressing,haircut", &back));
  g_assert_true (jy_home_bed_procs_from_string ("", &back));
  g_assert_cmpuint (back, ==, 0);
  for (guint p = 0; p < JY_HOME_BED_N_PROCS; p++)
    g_assert_nonnull (jy_home_bed_proc_label (p));
}

/* --- Discharge --------------------------------------------------------- */

static void
test_discharge_reason_codes (void)
{
  static const char *codes[] = { "1", "2", "3", "4", "5", "6", "7", "9" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      JyDischargeReason r;

      g_assert_true (jy_discharge_reason_from_string (codes[i], &r));
      g_assert_cmpstr (jy_discharge_reason_to_string (r), ==, codes[i]);
      g_assert_nonnull (jy_discharge_reason_label (r));
    }
  {
    JyDischargeReason r;

    g_assert_false (jy_discharge_reason_from_string ("8", &r));
    g_assert_false (jy_discharge_reason_from_string ("", &r));
  }
}

static JyHomeBedDischarge
good_discharge (void)
{
  JyHomeBedDischarge d;

  jy_home_bed_discharge_init (&d);
  d.admission_date = day ("2026-03-05");
  d.cycle_end = day ("2026-06-03");
  d.last_round = day ("2026-04-20");
  d.discharge_date = day ("2026-04-21");
  d.reason = JY_DISCHARGE_REASON_IMPROVED;
  d.summary = "好转";
  d.signed_by_doctor = TRUE;
  return d;
}

static void
test_discharge_valid (void)
{
  JyHomeBedDischarge d = good_discharge ();
  GDate today = day ("2026-04-21");
  g_autoptr(GArray) list = jy_home_bed_discharge_check (&d, &today);

  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_discharge_problems (void)
{
  JyHomeBedDischarge d = good_discharge ();
  GDate today = day ("2026-03-01");
  g_autoptr(GArray) list = NULL;

  d.reason = JY_DISCHARGE_REASON_NONE;
  d.summary = "  ";
  d.discharge_date = day ("2026-03-04");
  list = jy_home_bed_discharge_check (&d, &today);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_DISCHARGE_REASON));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_DISCHARGE_BEFORE_ADMISSION));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_DISCHARGE_IN_FUTURE));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_DISCHARGE_BEFORE_LAST_ROUND));
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_NO_SUMMARY));
}

static void
test_discharge_cycle_ended_only_at_end (void)
{
  JyHomeBedDischarge d = good_discharge ();
  g_autoptr(GArray) early = NULL;
  g_autoptr(GArray) on_time = NULL;

  d.reason = JY_DISCHARGE_REASON_CYCLE_ENDED;
  early = jy_home_bed_discharge_check (&d, NULL);
  g_assert_true (has_problem (early, JY_HOME_BED_PROBLEM_CYCLE_NOT_ENDED));
  d.discharge_date = d.cycle_end;
  on_time = jy_home_bed_discharge_check (&d, NULL);
  g_assert_cmpuint (on_time->len, ==, 0);
}

static void
test_discharge_summary_must_be_signed (void)
{
  JyHomeBedDischarge d = good_discharge ();
  g_autoptr(GArray) list = NULL;

  d.signed_by_doctor = FALSE;
  list = jy_home_bed_discharge_check (&d, NULL);
  g_assert_true (has_problem (list, JY_HOME_BED_PROBLEM_SUMMARY_NOT_SIGNED));
}

static void
test_summary_drafted_from_rounds (void)
{
  JyHomeBedRoundFacts rounds[3];
  JyHomeBedSummaryFacts f = { 0 };
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rounds); i++)
    {
      memset (&rounds[i], 0, sizeof rounds[i]);
      for (guint v = 0; v < JY_HOME_BED_N_VITALS; v++)
        rounds[i].vitals[v] = JY_UNMEASURED;
    }
  rounds[0].date = day ("2026-03-05");
  rounds[0].kind = JY_HOME_BED_ROUND_DOCTOR;
  rounds[0].vitals[JY_HOME_BED_VITAL_SBP] = 150;
  rounds[0].vitals[JY_HOME_BED_VITAL_DBP] = 92;
  rounds[0].procedures = JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_DRESSING);
  rounds[1].date = day ("2026-03-08");
  rounds[1].kind = JY_HOME_BED_ROUND_NURSING;
  rounds[1].procedures = JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_DRESSING) | JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_BLOOD_DRAW);
  rounds[2].date = day ("2026-03-12");
  rounds[2].kind = JY_HOME_BED_ROUND_NURSING;
  rounds[2].vitals[JY_HOME_BED_VITAL_SBP] = 128;
  rounds[2].vitals[JY_HOME_BED_VITAL_DBP] = 78;
  rounds[2].note = "Wound healed.";

  f.diagnosis = "Sacral pressure injury";
  f.bed_number = "B-7";
  f.admission_date = day ("2026-03-05");
  f.discharge_date = day ("2026-03-12");
  f.reason = JY_DISCHARGE_REASON_CURED;
  f.rounds = rounds;
  f.n_rounds = G_N_ELEMENTS (rounds);
  text = jy_home_bed_summary_draft (&f);
  g_assert_nonnull (strstr (text, "B-7 established on 2026-03-05 for Sacral pressure injury"));
  g_assert_nonnull (strstr (text, "after 7 bed days"));
  g_assert_nonnull (strstr (text, "3 rounds: 1 doctor's rounds, 2 nursing visits, 0 joint rounds"));
  g_assert_nonnull (strstr (text, "Dressing change ×2, Venous blood sampling ×1"));
  g_assert_nonnull (strstr (text, "first round: BP 150/92 mmHg; at the last round: BP 128/78 mmHg"));
  g_assert_nonnull (strstr (text, "Last round: Wound healed."));
  g_assert_nonnull (strstr (text, "Outcome: Cured."));
}

static void
test_summary_without_rounds (void)
{
  JyHomeBedSummaryFacts f = { 0 };
  g_autofree char *text = NULL;

  f.admission_date = day ("2026-03-05");
  f.discharge_date = day ("2026-03-05");
  f.reason = JY_DISCHARGE_REASON_DIED;
  text = jy_home_bed_summary_draft (&f);
  g_assert_nonnull (strstr (text, "after 1 bed days"));
  g_assert_nonnull (strstr (text, "Treatments and nursing: none."));
  g_assert_nonnull (strstr (text, "Outcome: Died."));
  g_assert_null (strstr (text, "Vitals"));
}

static void
test_policy_default_valid (void)
{
  JyHomeBedPolicy policy = JY_HOME_BED_POLICY_DEFAULT;

  g_assert_cmpint (jy_home_bed_policy_check (&policy), ==, JY_HOME_BED_POLICY_OK);
  policy.cycle_days = 60;
  g_assert_cmpint (jy_home_bed_policy_check (&policy), ==, JY_HOME_BED_POLICY_OK);
}

static void
test_policy_cycle_bounds (void)
{
  JyHomeBedPolicy policy = JY_HOME_BED_POLICY_DEFAULT;

  policy.cycle_days = 30;
  g_assert_cmpint (jy_home_bed_policy_check (&policy), ==, JY_HOME_BED_POLICY_OK);
  policy.cycle_days = 29;
  g_assert_cmpint (jy_home_bed_policy_check (&policy), ==, JY_HOME_BED_POLICY_CYCLE_DAYS);
  policy.cycle_days = 91;
  g_assert_cmpint (jy_home_bed_policy_check (&policy), ==, JY_HOME_BED_POLICY_CYCLE_DAYS);
  policy.cycle_days = 120;
  g_assert_cmpint (jy_home_bed_policy_check (&policy), ==, JY_HOME_BED_POLICY_CYCLE_DAYS);
  g_assert_nonnull (jy_home_bed_policy_field_message (JY_HOME_BED_POLICY_CYCLE_DAYS));
}

static void
test_policy_other_values_refused (void)
{
  static const struct { JyHomeBedPolicyField field; guint bad_low; guint bad_high; } cases[] = {
    { JY_HOME_BED_POLICY_ASSESSMENT_DAYS, 0, 11 },
    { JY_HOME_BED_POLICY_ADMISSION_NOTE_HOURS, 11, 73 },
    { JY_HOME_BED_POLICY_DOCTOR_ROUND_DAYS, 0, 15 },
    { JY_HOME_BED_POLICY_RENEWAL_WINDOW_DAYS, 0, 22 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint min, max;

      jy_home_bed_policy_range (cases[i].field, &min, &max);
      g_assert_cmpuint (min, ==, cases[i].bad_low + 1);
      g_assert_cmpuint (max, ==, cases[i].bad_high - 1);
      g_assert_true (jy_home_bed_policy_value_valid (cases[i].field, min));
      g_assert_true (jy_home_bed_policy_value_valid (cases[i].field, max));
      g_assert_false (jy_home_bed_policy_value_valid (cases[i].field, cases[i].bad_low));
      g_assert_false (jy_home_bed_policy_value_valid (cases[i].field, cases[i].bad_high));
      g_assert_nonnull (jy_home_bed_policy_field_message (cases[i].field));
    }
}

static void
test_policy_60_day_cycle_end (void)
{
  JyHomeBedPolicy policy = JY_HOME_BED_POLICY_DEFAULT;
  GDate start = day ("2028-01-15");
  GDate end;

  policy.cycle_days = 60;
  jy_home_bed_cycle_end (&start, &policy, &end);
  assert_date (&end, "2028-03-15");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/core/home-bed/eligibility/all-conditions-met-eligible", test_eligible);
  g_test_add_func ("/core/home-bed/eligibility/every-failing-reason-has-a-message", test_every_failing_reason);
  g_test_add_func ("/core/home-bed/eligibility/unstable-condition-alone-refused", test_unstable_alone_refused);
  g_test_add_func ("/core/home-bed/eligibility/contract-not-required-by-default", test_contract_not_required_by_default);
  g_test_add_func ("/core/home-bed/eligibility/assessment-before-application-or-in-future-refused", test_assessment_dates);
  g_test_add_func ("/core/home-bed/eligibility/priority-from-barthel-60-and-age-80", test_priorities_from_scores_and_age);
  g_test_add_func ("/core/home-bed/eligibility/barthel-40-severe-41-moderate-61-mild", test_adl_bands);
  g_test_add_func ("/core/home-bed/eligibility/braden-12-high-13-moderate-15-mild", test_braden_bands);
  g_test_add_func ("/core/home-bed/assessment-due/3-working-days-skip-the-weekend", test_assessment_due_skips_weekend);
  g_test_add_func ("/core/home-bed/assessment-due/across-the-year-end", test_assessment_due_across_year_end);

  g_test_add_func ("/core/home-bed/admission/complete-record-accepted", test_admission_valid);
  g_test_add_func ("/core/home-bed/admission/every-missing-part-refused", test_admission_every_missing_part);
  g_test_add_func ("/core/home-bed/admission/doctor-every-8-days-refused-unless-policy", test_doctor_every_8_days_refused);
  g_test_add_func ("/core/home-bed/cycle/default-90-days", test_cycle_default_90_days);
  g_test_add_func ("/core/home-bed/cycle/60-days-by-policy", test_cycle_60_days_by_policy);
  g_test_add_func ("/core/home-bed/cycle/across-leap-day-and-year-end", test_cycle_across_leap_day);
  g_test_add_func ("/core/home-bed/cycle/91-days-refused", test_cycle_longer_than_policy_refused);
  g_test_add_func ("/core/home-bed/cycle/same-day-discharge-is-1-bed-day", test_bed_days_same_day_is_one);
  g_test_add_func ("/core/home-bed/renewal/after-reassessment-new-cycle-from-old-end", test_renewal_after_reassessment);
  g_test_add_func ("/core/home-bed/renewal/more-than-14-days-before-end-too-early", test_renewal_too_early);
  g_test_add_func ("/core/home-bed/renewal/after-cycle-end-refused", test_renewal_after_cycle_end);
  g_test_add_func ("/core/home-bed/renewal/not-eligible-refused", test_renewal_not_eligible);
  g_test_add_func ("/core/home-bed/renewal/60-day-cycle-across-leap-february", test_renewal_60_day_cycle);

  g_test_add_func ("/core/home-bed/rounds/first-round-due-on-admission-day", test_first_round_due_on_admission);
  g_test_add_func ("/core/home-bed/rounds/every-3-days", test_every_3_days);
  g_test_add_func ("/core/home-bed/rounds/next-round-across-month-end", test_next_round_across_month_end);
  g_test_add_func ("/core/home-bed/rounds/next-round-across-year-end", test_next_round_across_year_end);
  g_test_add_func ("/core/home-bed/rounds/next-round-onto-29-february", test_next_round_onto_leap_day);
  g_test_add_func ("/core/home-bed/rounds/next-round-never-after-cycle-end", test_next_round_capped_at_cycle_end);
  g_test_add_func ("/core/home-bed/rounds/due-today-overdue-across-new-year", test_due_today_and_overdue);
  g_test_add_func ("/core/home-bed/rounds/frequency-1-to-30-days", test_frequency_bounds);

  g_test_add_func ("/core/home-bed/round-record/complete-nursing-visit-accepted", test_round_valid);
  g_test_add_func ("/core/home-bed/round-record/impossible-vitals-refused", test_round_impossible_vitals);
  g_test_add_func ("/core/home-bed/round-record/vital-ranges-match-follow-up-form", test_vital_ranges_match_followup_form);
  g_test_add_func ("/core/home-bed/round-record/half-or-inverted-blood-pressure-refused", test_round_blood_pressure_pairs);
  g_test_add_func ("/core/home-bed/round-record/before-admission-after-discharge-or-future-refused", test_round_dates);
  g_test_add_func ("/core/home-bed/round-record/nurse-cannot-log-a-doctor-round", test_round_nurse_cannot_log_doctor_round);
  g_test_add_func ("/core/home-bed/round-record/empty-round-refused", test_round_empty_refused);
  g_test_add_func ("/core/home-bed/round-record/infusion-off-by-default", test_round_infusion_off_by_default);
  g_test_add_func ("/core/home-bed/round-record/pressure-care-needs-a-stage", test_round_pressure_care_needs_stage);
  g_test_add_func ("/core/home-bed/round-record/next-round-on-same-day-refused", test_round_next_not_after);
  g_test_add_func ("/core/home-bed/round-record/end-before-start-refused", test_round_end_before_start);
  g_test_add_func ("/core/home-bed/round-record/procedure-codes-round-trip", test_procedures_codes_round_trip);

  g_test_add_func ("/core/home-bed/discharge/reason-codes-1-to-7-and-9", test_discharge_reason_codes);
  g_test_add_func ("/core/home-bed/discharge/complete-discharge-accepted", test_discharge_valid);
  g_test_add_func ("/core/home-bed/discharge/reason-dates-and-summary-checked", test_discharge_problems);
  g_test_add_func ("/core/home-bed/discharge/cycle-ended-only-on-or-after-cycle-end", test_discharge_cycle_ended_only_at_end);
  g_test_add_func ("/core/home-bed/discharge/summary-signed-by-doctor", test_discharge_summary_must_be_signed);
  g_test_add_func ("/core/home-bed/summary/drafted-from-rounds", test_summary_drafted_from_rounds);
  g_test_add_func ("/core/home-bed/summary/no-rounds-same-day-death", test_summary_without_rounds);
  g_test_add_func ("/core/home-bed/policy/defaults and 60-day cycle valid", test_policy_default_valid);
  g_test_add_func ("/core/home-bed/policy/cycle 29, 91 and 120 days refused", test_policy_cycle_bounds);
  g_test_add_func ("/core/home-bed/policy/other values refused out of range", test_policy_other_values_refused);
  g_test_add_func ("/core/home-bed/policy/60-day cycle over leap day ends 60 days on", test_policy_60_day_cycle_end);

  return g_test_run ();
}
