/* test-enrolment.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Programme enrolment (domain.md §3.1, §7.3), one test per case.
 */

#include "config.h"

#include <locale.h>

#include "jy-enrolment.h"
#include "jy-person.h"
#include "test-util.h"

static GDate
date (const char *iso)
{
  GDate d;

  g_assert_true (jy_person_parse_date (iso, &d));
  return d;
}

/* Born 1960-05-01, diagnosed 2020, enrolled 2026-11-20; valid on 2026-11-23. */
static JyEnrolment *
valid_enrolment (JyProgramme programme)
{
  JyEnrolment *e = jy_enrolment_new (programme);

  e->icd10 = g_strdup (programme == JY_PROGRAMME_HTN ? "I10.x00" : "E11.900");
  e->diagnosis_date = g_strdup ("2020-03-15");
  e->diagnosis_institution = g_strdup ("厦门市第一医院");
  e->enrol_date = g_strdup ("2026-11-20");
  e->doctor_id = 3;
  return e;
}

static GArray *
validate_born (const JyEnrolment *e,
               const char        *birth)
{
  GDate b = date (birth);
  GDate today = date ("2026-11-23");

  return jy_enrolment_validate (e, &b, &today);
}

static gboolean
has_problem (GArray                 *problems,
             JyEnrolmentField        field,
             JyEnrolmentProblemKind  kind)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const JyEnrolmentProblem *p = &g_array_index (problems, JyEnrolmentProblem, i);

      if (p->field == field && p->kind == kind)
        return TRUE;
    }
  return FALSE;
}

/* --- ICD-10 -------------------------------------------------------------- */

static void
test_category_of_local_codes (void)
{
  static const struct { const char *code; const char *category; } cases[] = {
    { "I10.x00", "I10" },
    { "E11.900", "E11" },
    { "e11.2+", "E11" },
    { " I11.0 ", "I11" },
    { "E119", "E11" },
    { "I15", "I15" },
    { "I1", NULL },
    { "高血压", NULL },
    { "110.x00", NULL },
    { "I10 x00", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *category = jy_icd10_category (cases[i].code);

      g_assert_cmpstr (category, ==, cases[i].category);
    }
}

static void
test_i10_to_i13_fit_htn (void)
{
  g_assert_cmpint (jy_icd10_fits_programme ("I10.x00", JY_PROGRAMME_HTN), ==, JY_ICD10_FITS);
  g_assert_cmpint (jy_icd10_fits_programme ("I11.900", JY_PROGRAMME_HTN), ==, JY_ICD10_FITS);
  g_assert_cmpint (jy_icd10_fits_programme ("I12.0", JY_PROGRAMME_HTN), ==, JY_ICD10_FITS);
  g_assert_cmpint (jy_icd10_fits_programme ("I13", JY_PROGRAMME_HTN), ==, JY_ICD10_FITS);
}

static void
test_i15_secondary_not_enrolled (void)
{
  g_autoptr(JyEnrolment) e = valid_enrolment (JY_PROGRAMME_HTN);
  g_autoptr(GArray) problems = NULL;

  g_assert_cmpint (jy_icd10_fits_programme ("I15.000", JY_PROGRAMME_HTN), ==, JY_ICD10_SECONDARY_HTN);
  g_free (e->icd10);
  e->icd10 = g_strdup ("I15.000");
  problems = validate_born (e, "1960-05-01");
  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_ICD10, JY_ENROLMENT_PROBLEM_ICD10_MISMATCH));
}

static void
test_e11_900_fits_t2dm (void)
{
  g_assert_cmpint (jy_icd10_fits_programme ("E11.900", JY_PROGRAMME_T2DM), ==, JY_ICD10_FITS);
  g_assert_cmpint (jy_icd10_fits_programme ("E11.2+", JY_PROGRAMME_T2DM), ==, JY_ICD10_FITS);
}

static void
test_e10_o24_e14_need_review (void)
{
  g_assert_cmpint (jy_icd10_fits_programme ("E10.900", JY_PROGRAMME_T2DM), ==, JY_ICD10_NEEDS_REVIEW);
  g_assert_cmpint (jy_icd10_fits_programme ("O24.1", JY_PROGRAMME_T2DM), ==, JY_ICD10_NEEDS_REVIEW);
  g_assert_cmpint (jy_icd10_fits_programme ("E14.900", JY_PROGRAMME_T2DM), ==, JY_ICD10_NEEDS_REVIEW);
}

static void
test_e12_e13_need_review (void)
{
  g_assert_cmpint (jy_icd10_fits_programme ("E12", JY_PROGRAMME_T2DM), ==, JY_ICD10_NEEDS_REVIEW);
  g_assert_cmpint (jy_icd10_fits_programme ("E13.9", JY_PROGRAMME_T2DM), ==, JY_ICD10_NEEDS_REVIEW);
}

static void
test_other_programme_code_is_other_disease (void)
{
  g_assert_cmpint (jy_icd10_fits_programme ("E11.900", JY_PROGRAMME_HTN), ==, JY_ICD10_OTHER_DISEASE);
  g_assert_cmpint (jy_icd10_fits_programme ("I10.x00", JY_PROGRAMME_T2DM), ==, JY_ICD10_OTHER_DISEASE);
  g_assert_cmpint (jy_icd10_fits_programme ("J44.1", JY_PROGRAMME_HTN), ==, JY_ICD10_OTHER_DISEASE);
  g_assert_cmpint (jy_icd10_fits_programme ("高血压", JY_PROGRAMME_HTN), ==, JY_ICD10_NOT_ICD10);
}

/* --- Validation ---------------------------------------------------------- */

static void
test_validate_complete_record_passes (void)
{
  g_autoptr(JyEnrolment) htn = valid_enrolment (JY_PROGRAMME_HTN);
  g_autoptr(JyEnrolment) dm = valid_enrolment (JY_PROGRAMME_T2DM);
  g_autoptr(GArray) htn_problems = validate_born (htn, "1960-05-01");
  g_autoptr(GArray) dm_problems = validate_born (dm, "1960-05-01");

  g_assert_cmpuint (htn_problems->len, ==, 0);
  g_assert_cmpuint (dm_problems->len, ==, 0);
  g_assert_cmpstr (htn->status, ==, "managing");
}

static void
test_validate_age_34_under_age (void)
{
  g_autoptr(JyEnrolment) e = valid_enrolment (JY_PROGRAMME_HTN);
  g_autoptr(GArray) problems = NULL;

  g_free (e->diagnosis_date);
  e->diagnosis_date = g_strdup ("2026-11-01");
  /* 35 on 2026-11-21, the day after enrolment. */
  problems = validate_born (e, "1991-11-21");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_AGE, JY_ENROLMENT_PROBLEM_UNDER_AGE));
}

static void
test_validate_age_35_on_enrolment_day_accepted (void)
{
  g_autoptr(JyEnrolment) e = valid_enrolment (JY_PROGRAMME_HTN);
  g_autoptr(GArray) problems = NULL;

  g_free (e->diagnosis_date);
  e->diagnosis_date = g_strdup ("2026-11-01");
  problems = validate_born (e, "1991-11-20");
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_validate_required_fields (void)
{
  g_autoptr(JyEnrolment) e = jy_enrolment_new (JY_PROGRAMME_T2DM);
  g_autoptr(GArray) problems = validate_born (e, "1960-05-01");

  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_ICD10, JY_ENROLMENT_PROBLEM_REQUIRED));
  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_DIAGNOSIS_DATE, JY_ENROLMENT_PROBLEM_REQUIRED));
  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_ENROL_DATE, JY_ENROLMENT_PROBLEM_REQUIRED));
  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_DOCTOR, JY_ENROLMENT_PROBLEM_REQUIRED));
}

static void
test_validate_enrolment_before_diagnosis_refused (void)
{
  g_autoptr(JyEnrolment) e = valid_enrolment (JY_PROGRAMME_HTN);
  g_autoptr(GArray) problems = NULL;

  g_free (e->enrol_date);
  e->enrol_date = g_strdup ("2020-03-14");
  problems = validate_born (e, "1960-05-01");
  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_ENROL_DATE, JY_ENROLMENT_PROBLEM_BEFORE_DIAGNOSIS));
}

static void
test_validate_future_or_invalid_dates_refused (void)
{
  g_autoptr(JyEnrolment) e = valid_enrolment (JY_PROGRAMME_HTN);
  g_autoptr(GArray) problems = NULL;

  g_free (e->enrol_date);
  e->enrol_date = g_strdup ("2026-11-24");
  g_free (e->diagnosis_date);
  e->diagnosis_date = g_strdup ("2026-02-30");
  problems = validate_born (e, "1960-05-01");
  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_ENROL_DATE, JY_ENROLMENT_PROBLEM_FUTURE));
  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_DIAGNOSIS_DATE, JY_ENROLMENT_PROBLEM_INVALID));
}

static void
test_validate_diagnosis_before_birth_refused (void)
{
  g_autoptr(JyEnrolment) e = valid_enrolment (JY_PROGRAMME_HTN);
  g_autoptr(GArray) problems = NULL;

  g_free (e->diagnosis_date);
  e->diagnosis_date = g_strdup ("1959-12-31");
  problems = validate_born (e, "1960-05-01");
  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_DIAGNOSIS_DATE, JY_ENROLMENT_PROBLEM_BEFORE_BIRTH));
}

static void
test_validate_not_icd10_invalid (void)
{
  g_autoptr(JyEnrolment) e = valid_enrolment (JY_PROGRAMME_HTN);
  g_autoptr(GArray) problems = NULL;

  g_free (e->icd10);
  e->icd10 = g_strdup ("原发性高血压");
  problems = validate_born (e, "1960-05-01");
  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_ICD10, JY_ENROLMENT_PROBLEM_INVALID));
}

static void
test_validate_ended_needs_date_and_reason (void)
{
  g_autoptr(JyEnrolment) e = valid_enrolment (JY_PROGRAMME_T2DM);
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) fine = NULL;

  g_free (e->status);
  e->status = g_strdup ("ended");
  problems = validate_born (e, "1960-05-01");
  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_END_DATE, JY_ENROLMENT_PROBLEM_REQUIRED));
  g_assert_true (has_problem (problems, JY_ENROLMENT_FIELD_END_REASON, JY_ENROLMENT_PROBLEM_REQUIRED));

  e->end_date = g_strdup ("2026-11-19");
  e->end_reason = g_strdup ("emigrated");
  before = validate_born (e, "1960-05-01");
  g_assert_true (has_problem (before, JY_ENROLMENT_FIELD_END_DATE, JY_ENROLMENT_PROBLEM_INVALID));
  g_assert_true (has_problem (before, JY_ENROLMENT_FIELD_END_REASON, JY_ENROLMENT_PROBLEM_INVALID));

  g_free (e->end_date);
  e->end_date = g_strdup ("2026-11-22");
  g_free (e->end_reason);
  e->end_reason = g_strdup ("moved-out");
  fine = validate_born (e, "1960-05-01");
  g_assert_cmpuint (fine->len, ==, 0);
}

static void
test_validate_without_birth_date_skips_age (void)
{
  g_autoptr(JyEnrolment) e = valid_enrolment (JY_PROGRAMME_HTN);
  GDate today = date ("2026-11-23");
  g_autoptr(GArray) problems = jy_enrolment_validate (e, NULL, &today);

  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_copy_is_deep (void)
{
  g_autoptr(JyEnrolment) e = valid_enrolment (JY_PROGRAMME_T2DM);
  g_autoptr(JyEnrolment) copy = jy_enrolment_copy (e);
  JyEnrolment *boxed;

  g_assert_cmpstr (copy->icd10, ==, "E11.900");
  g_assert_true (copy->icd10 != e->icd10);
  g_assert_cmpint (copy->programme, ==, JY_PROGRAMME_T2DM);
  g_assert_cmpint (copy->doctor_id, ==, 3);

  boxed = g_boxed_copy (JY_TYPE_ENROLMENT, e);
  g_assert_cmpstr (boxed->diagnosis_institution, ==, "厦门市第一医院");
  g_boxed_free (JY_TYPE_ENROLMENT, boxed);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/enrolment/icd10/category of local codes (I10.x00 → I10)", test_category_of_local_codes);
  g_test_add_func ("/enrolment/I10–I13 fit hypertension", test_i10_to_i13_fit_htn);
  g_test_add_func ("/enrolment/I15 secondary hypertension not enrolled", test_i15_secondary_not_enrolled);
  g_test_add_func ("/enrolment/E11.900 fits T2DM", test_e11_900_fits_t2dm);
  g_test_add_func ("/enrolment/E10, O24, E14 need review for T2DM", test_e10_o24_e14_need_review);
  g_test_add_func ("/enrolment/E12, E13 need review for T2DM", test_e12_e13_need_review);
  g_test_add_func ("/enrolment/code of the other programme is another disease", test_other_programme_code_is_other_disease);
  g_test_add_func ("/enrolment/validate/complete record passes", test_validate_complete_record_passes);
  g_test_add_func ("/enrolment/validate/age 34 on the enrolment date → confirmable under age", test_validate_age_34_under_age);
  g_test_add_func ("/enrolment/validate/35 on the enrolment day accepted", test_validate_age_35_on_enrolment_day_accepted);
  g_test_add_func ("/enrolment/validate/ICD-10, dates and doctor required", test_validate_required_fields);
  g_test_add_func ("/enrolment/validate/enrolment before diagnosis refused", test_validate_enrolment_before_diagnosis_refused);
  g_test_add_func ("/enrolment/validate/future or impossible dates refused", test_validate_future_or_invalid_dates_refused);
  g_test_add_func ("/enrolment/validate/diagnosis before birth refused", test_validate_diagnosis_before_birth_refused);
  g_test_add_func ("/enrolment/validate/free text instead of ICD-10 refused", test_validate_not_icd10_invalid);
  g_test_add_func ("/enrolment/validate/ended needs end date and reason", test_validate_ended_needs_date_and_reason);
  g_test_add_func ("/enrolment/validate/no birth date → no age check", test_validate_without_birth_date_skips_age);
  g_test_add_func ("/enrolment/record/copy is deep", test_copy_is_deep);

  return g_test_run ();
}
