/* jy-chronic-core-shim.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* TEMPORARY (issue #7) — DELETE WHEN src/core/jy-followup.c LANDS.
 *
 * The follow-up and enrolment headers of core are fixed, but their
 * implementation is being written on another branch. So that the store
 * can be built and tested meanwhile, this file gives minimal stand-ins for
 * the few core functions the store calls. src/store/meson.build compiles
 * it only while src/core/jy-followup.c does not exist; after the merge,
 * delete this file and its three lines in src/store/meson.build. Nothing
 * here is a reference: core's own implementation and tests decide.
 *
 * Stand-ins: jy_programme_to_code/from_code, jy_visit_mode_is_face_to_face,
 * jy_followup_drug_new/copy/free, jy_followup_new/copy/free,
 * jy_enrolment_new/copy/free, jy_followup_policy_default,
 * jy_followup_count_norm_visits, jy_followup_norm_visits_required. */

#include "config.h"

#include "jy-enrolment.h"
#include "jy-followup-rules.h"
#include "jy-followup.h"

const char *
jy_programme_to_code (JyProgramme programme)
{
  switch (programme)
    {
    case JY_PROGRAMME_HTN:
      return "htn";
    case JY_PROGRAMME_T2DM:
      return "t2dm";
    case JY_PROGRAMME_NONE:
    default:
      return NULL;
    }
}

JyProgramme
jy_programme_from_code (const char *code)
{
  if (g_strcmp0 (code, "htn") == 0)
    return JY_PROGRAMME_HTN;
  if (g_strcmp0 (code, "t2dm") == 0)
    return JY_PROGRAMME_T2DM;
  return JY_PROGRAMME_NONE;
}

gboolean
jy_visit_mode_is_face_to_face (JyVisitMode mode)
{
  return mode == JY_VISIT_MODE_CLINIC || mode == JY_VISIT_MODE_HOME;
}

JyFollowupDrug *
jy_followup_drug_new (JyFollowupDrugKind kind)
{
  JyFollowupDrug *self = g_new0 (JyFollowupDrug, 1);

  self->kind = kind;
  self->times_per_day = JY_UNMEASURED;
  self->dose = JY_UNMEASURED;
  return self;
}

JyFollowupDrug *
jy_followup_drug_copy (const JyFollowupDrug *self)
{
  JyFollowupDrug *copy = g_new0 (JyFollowupDrug, 1);

  *copy = *self;
  copy->name = g_strdup (self->name);
  copy->drug_code = g_strdup (self->drug_code);
  copy->dose_unit = g_strdup (self->dose_unit);
  copy->usage = g_strdup (self->usage);
  return copy;
}

void
jy_followup_drug_free (JyFollowupDrug *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->drug_code);
  g_free (self->dose_unit);
  g_free (self->usage);
  g_free (self);
}

JyFollowup *
jy_followup_new (JyProgramme programme)
{
  JyFollowup *self = g_new0 (JyFollowup, 1);

  self->status = g_strdup ("final");
  self->programme = programme;
  self->sbp = self->dbp = self->heart_rate = JY_UNMEASURED;
  self->weight_kg = self->target_weight_kg = self->height_cm = JY_UNMEASURED;
  self->waist_cm = self->temperature_c = JY_UNMEASURED;
  self->cigarettes = self->cigarettes_target = JY_UNMEASURED;
  self->alcohol_liang = self->alcohol_liang_target = JY_UNMEASURED;
  self->exercise_per_week = self->exercise_minutes = JY_UNMEASURED;
  self->exercise_per_week_target = self->exercise_minutes_target = JY_UNMEASURED;
  self->salt = self->salt_target = self->staple_g = self->staple_g_target = JY_UNMEASURED;
  self->psychology = self->compliance = JY_UNMEASURED;
  self->fasting_glucose = self->random_glucose = self->hba1c = JY_UNMEASURED;
  self->adherence = self->hypoglycaemia = JY_UNMEASURED;
  self->drugs = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_followup_drug_free);
  return self;
}

#define DUP(field) copy->field = g_strdup (self->field)

JyFollowup *
jy_followup_copy (const JyFollowup *self)
{
  JyFollowup *copy = g_new0 (JyFollowup, 1);

  *copy = *self;
  DUP (uuid);
  DUP (status);
  DUP (visit_uuid);
  DUP (visit_date);
  DUP (lost_reason);
  DUP (death_date);
  DUP (death_cause);
  DUP (author_role);
  DUP (symptoms_other);
  DUP (foot_pulse);
  DUP (signs_other);
  DUP (hba1c_date);
  DUP (investigations);
  DUP (adverse_reaction_text);
  DUP (complication_text);
  DUP (class_override_reason);
  DUP (referral_reason);
  DUP (referral_institution);
  DUP (referral_department);
  DUP (referral_contact);
  DUP (referral_phone);
  DUP (next_visit_date);
  DUP (suggested_next_date);
  DUP (next_override_reason);
  DUP (advice);
  DUP (remarks);
  copy->drugs = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_followup_drug_free);
  for (guint i = 0; self->drugs != NULL && i < self->drugs->len; i++)
    g_ptr_array_add (copy->drugs, jy_followup_drug_copy (g_ptr_array_index (self->drugs, i)));
  return copy;
}

#undef DUP

void
jy_followup_free (JyFollowup *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->status);
  g_free (self->visit_uuid);
  g_free (self->visit_date);
  g_free (self->lost_reason);
  g_free (self->death_date);
  g_free (self->death_cause);
  g_free (self->author_role);
  g_free (self->symptoms_other);
  g_free (self->foot_pulse);
  g_free (self->signs_other);
  g_free (self->hba1c_date);
  g_free (self->investigations);
  g_free (self->adverse_reaction_text);
  g_free (self->complication_text);
  g_free (self->class_override_reason);
  g_free (self->referral_reason);
  g_free (self->referral_institution);
  g_free (self->referral_department);
  g_free (self->referral_contact);
  g_free (self->referral_phone);
  g_free (self->next_visit_date);
  g_free (self->suggested_next_date);
  g_free (self->next_override_reason);
  g_free (self->advice);
  g_free (self->remarks);
  g_clear_pointer (&self->drugs, g_ptr_array_unref);
  g_free (self);
}

JyEnrolment *
jy_enrolment_new (JyProgramme programme)
{
  JyEnrolment *self = g_new0 (JyEnrolment, 1);

  self->status = g_strdup ("managing");
  self->programme = programme;
  return self;
}

JyEnrolment *
jy_enrolment_copy (const JyEnrolment *self)
{
  JyEnrolment *copy = g_new0 (JyEnrolment, 1);

  *copy = *self;
  copy->uuid = g_strdup (self->uuid);
  copy->status = g_strdup (self->status);
  copy->icd10 = g_strdup (self->icd10);
  copy->diagnosis_date = g_strdup (self->diagnosis_date);
  copy->diagnosis_institution = g_strdup (self->diagnosis_institution);
  copy->enrol_date = g_strdup (self->enrol_date);
  copy->end_date = g_strdup (self->end_date);
  copy->end_reason = g_strdup (self->end_reason);
  copy->end_note = g_strdup (self->end_note);
  return copy;
}

void
jy_enrolment_free (JyEnrolment *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->status);
  g_free (self->icd10);
  g_free (self->diagnosis_date);
  g_free (self->diagnosis_institution);
  g_free (self->enrol_date);
  g_free (self->end_date);
  g_free (self->end_reason);
  g_free (self->end_note);
  g_free (self);
}

const JyFollowupPolicy *
jy_followup_policy_default (void)
{
  static const JyFollowupPolicy policy = {
    .routine_interval_days = 90,
    .recheck_days = 14,
    .htn_vitals_are_warnings = TRUE,
    .cluster_days = 14,
    .visits_per_year = 4,
  };

  return &policy;
}

static int
compare_dates (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_date_compare (a, b);
}

int
jy_followup_count_norm_visits (const GDate            *dates,
                               gsize                   n_dates,
                               const JyFollowupPolicy *policy)
{
  g_autofree GDate *sorted = g_memdup2 (dates, n_dates * sizeof (GDate));
  const GDate *last = NULL;
  int n = 0;

  g_qsort_with_data (sorted, (int)n_dates, sizeof (GDate), compare_dates, NULL);
  for (gsize i = 0; i < n_dates; i++)
    if (last == NULL || g_date_days_between (last, &sorted[i]) >= policy->cluster_days)
      {
        last = &sorted[i];
        n++;
      }
  return n;
}

int
jy_followup_norm_visits_required (const GDate            *enrol_date,
                                  int                     year,
                                  const JyFollowupPolicy *policy)
{
  int enrol_year = g_date_get_year (enrol_date);
  int remaining_months;

  if (enrol_year < year)
    return policy->visits_per_year;
  if (enrol_year > year)
    return 0;
  remaining_months = 13 - g_date_get_month (enrol_date);
  return (remaining_months * policy->visits_per_year + 11) / 12;
}
