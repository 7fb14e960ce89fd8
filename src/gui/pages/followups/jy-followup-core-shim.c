/* jy-followup-core-shim.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* ======================================================================
 * TEMPORARY (#7) — DELETE AT MERGE.
 *
 * Simple stand-ins for src/core/jy-followup.c and jy-followup-rules.c,
 * which are being written in the chronic-core branch, so that the
 * follow-up form builds, runs and is tested meanwhile. src/gui/meson.build
 * compiles this file only while src/core/jy-followup.c does not exist.
 * Only what the gui calls is here, following domain.md §3.2–3.5 closely
 * enough for the gui tests; the real rules and their unit tests are core's.
 * When deleting it, also drop its line from po/POTFILES.in.
 * ====================================================================== */

#include "config.h"

#include "jy-followup-rules.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jy-person.h"

const char *
jy_programme_to_code (JyProgramme programme)
{
  switch (programme)
    {
    case JY_PROGRAMME_HTN: return "htn";
    case JY_PROGRAMME_T2DM: return "t2dm";
    case JY_PROGRAMME_NONE:
    default: return NULL;
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

static const struct
{
  JyDangerSign sign;
  JyProgramme  programmes;
  const char  *label;
} danger_signs[] = {
  { JY_DANGER_BP_HIGH, JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM, N_("Systolic BP ≥ 180 and/or diastolic BP ≥ 110 mmHg") },
  { JY_DANGER_GLUCOSE_HIGH, JY_PROGRAMME_T2DM, N_("Blood glucose ≥ 16.7 mmol/L") },
  { JY_DANGER_GLUCOSE_LOW, JY_PROGRAMME_T2DM, N_("Blood glucose ≤ 3.9 mmol/L") },
  { JY_DANGER_HEART_RATE_HIGH, JY_PROGRAMME_T2DM, N_("Heart rate over 100 a minute") },
  { JY_DANGER_TEMPERATURE_HIGH, JY_PROGRAMME_T2DM, N_("Temperature over 39 °C") },
  { JY_DANGER_CONSCIOUSNESS, JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM, N_("Altered consciousness or behaviour") },
  { JY_DANGER_SEVERE_HEADACHE, JY_PROGRAMME_HTN, N_("Severe headache or dizziness") },
  { JY_DANGER_NAUSEA_VOMITING, JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM, N_("Nausea or vomiting, loss of appetite") },
  { JY_DANGER_BLURRED_VISION, JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM, N_("Blurred vision or sudden loss of vision") },
  { JY_DANGER_EYE_PAIN, JY_PROGRAMME_HTN, N_("Eye pain") },
  { JY_DANGER_PALPITATIONS, JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM, N_("Palpitations or sweating") },
  { JY_DANGER_CHEST_TIGHTNESS, JY_PROGRAMME_HTN, N_("Chest tightness") },
  { JY_DANGER_DYSPNOEA_SUPINE, JY_PROGRAMME_HTN, N_("Short of breath, cannot lie flat") },
  { JY_DANGER_ACETONE_BREATH, JY_PROGRAMME_T2DM, N_("Rotten-apple (acetone) breath") },
  { JY_DANGER_POLYDIPSIA_POLYURIA, JY_PROGRAMME_T2DM, N_("Marked thirst and frequent urination") },
  { JY_DANGER_ABDOMINAL_PAIN, JY_PROGRAMME_T2DM, N_("Abdominal pain") },
  { JY_DANGER_DEEP_RAPID_BREATHING, JY_PROGRAMME_T2DM, N_("Deep, rapid breathing") },
  { JY_DANGER_FLUSHED_SKIN, JY_PROGRAMME_T2DM, N_("Flushed skin") },
  { JY_DANGER_PREGNANT, JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM, N_("Pregnant or breastfeeding with raised values") },
  { JY_DANGER_CANNOT_HANDLE, JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM, N_("Another condition the centre cannot handle") },
};

guint
jy_danger_signs_observable (JyProgramme programme)
{
  guint signs = 0;

  for (guint i = 0; i < G_N_ELEMENTS (danger_signs); i++)
    if ((danger_signs[i].sign & JY_DANGER_MEASURED_MASK) == 0 &&
        (danger_signs[i].programmes & programme) != 0)
      signs |= danger_signs[i].sign;
  return signs;
}

const char *
jy_danger_sign_label (JyDangerSign sign)
{
  for (guint i = 0; i < G_N_ELEMENTS (danger_signs); i++)
    if (danger_signs[i].sign == sign)
      return danger_signs[i].label;
  return NULL;
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
  JyFollowupDrug *copy = g_memdup2 (self, sizeof *self);

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

G_DEFINE_BOXED_TYPE (JyFollowup, jy_followup, jy_followup_copy, jy_followup_free)

JyFollowup *
jy_followup_new (JyProgramme programme)
{
  JyFollowup *self = g_new0 (JyFollowup, 1);

  self->programme = programme;
  self->status = g_strdup ("final");
  self->sbp = self->dbp = self->heart_rate = JY_UNMEASURED;
  self->weight_kg = self->target_weight_kg = self->height_cm = JY_UNMEASURED;
  self->waist_cm = self->temperature_c = JY_UNMEASURED;
  self->cigarettes = self->cigarettes_target = JY_UNMEASURED;
  self->alcohol_liang = self->alcohol_liang_target = JY_UNMEASURED;
  self->exercise_per_week = self->exercise_minutes = JY_UNMEASURED;
  self->exercise_per_week_target = self->exercise_minutes_target = JY_UNMEASURED;
  self->staple_g = self->staple_g_target = JY_UNMEASURED;
  self->fasting_glucose = self->random_glucose = self->hba1c = JY_UNMEASURED;
  self->drugs = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_followup_drug_free);
  return self;
}

#define STRING_FIELDS(X) \
  X (uuid) X (status) X (visit_uuid) X (visit_date) X (lost_reason) X (death_date) \
  X (death_cause) X (author_role) X (symptoms_other) X (foot_pulse) X (signs_other) \
  X (hba1c_date) X (investigations) X (adverse_reaction_text) X (complication_text) \
  X (class_override_reason) X (referral_reason) X (referral_institution) \
  X (referral_department) X (referral_contact) X (referral_phone) X (next_visit_date) \
  X (suggested_next_date) X (next_override_reason) X (advice) X (remarks)

JyFollowup *
jy_followup_copy (const JyFollowup *self)
{
  JyFollowup *copy = g_memdup2 (self, sizeof *self);

#define DUP(name) copy->name = g_strdup (self->name);
  STRING_FIELDS (DUP)
#undef DUP
  copy->drugs = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_followup_drug_free);
  for (guint i = 0; self->drugs != NULL && i < self->drugs->len; i++)
    g_ptr_array_add (copy->drugs, jy_followup_drug_copy (g_ptr_array_index (self->drugs, i)));
  return copy;
}

void
jy_followup_free (JyFollowup *self)
{
  if (self == NULL)
    return;
#define FREE(name) g_free (self->name);
  STRING_FIELDS (FREE)
#undef FREE
  g_clear_pointer (&self->drugs, g_ptr_array_unref);
  g_free (self);
}

JyFollowup *
jy_followup_new_from_previous (const JyFollowup *previous,
                               const char       *visit_date)
{
  JyFollowup *self = jy_followup_new (previous->programme);

  self->enrolment_id = previous->enrolment_id;
  self->resident_id = previous->resident_id;
  self->visit_date = g_strdup (visit_date);
  self->height_cm = previous->height_cm;
  self->target_weight_kg = previous->target_weight_kg;
  self->cigarettes_target = previous->cigarettes_target;
  self->alcohol_liang_target = previous->alcohol_liang_target;
  self->exercise_per_week_target = previous->exercise_per_week_target;
  self->exercise_minutes_target = previous->exercise_minutes_target;
  self->salt_target = previous->salt_target;
  self->staple_g_target = previous->staple_g_target;
  for (guint i = 0; previous->drugs != NULL && i < previous->drugs->len; i++)
    {
      const JyFollowupDrug *drug = g_ptr_array_index (previous->drugs, i);

      /* What was advised last time is what is taken now. */
      if (drug->kind != JY_FOLLOWUP_DRUG_ADJUST)
        g_ptr_array_add (self->drugs, jy_followup_drug_copy (drug));
    }
  return self;
}

gboolean
jy_measured (double value)
{
  return value >= 0;
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

gboolean
jy_followup_range (JyFollowupField  field,
                   double          *min,
                   double          *max)
{
  static const struct { JyFollowupField field; double min, max; } ranges[] = {
    { JY_FOLLOWUP_FIELD_SBP, 60, 300 },
    { JY_FOLLOWUP_FIELD_DBP, 30, 200 },
    { JY_FOLLOWUP_FIELD_HEART_RATE, 30, 200 },
    { JY_FOLLOWUP_FIELD_WEIGHT, 20, 250 },
    { JY_FOLLOWUP_FIELD_TARGET_WEIGHT, 20, 250 },
    { JY_FOLLOWUP_FIELD_HEIGHT, 100, 230 },
    { JY_FOLLOWUP_FIELD_WAIST, 40, 200 },
    { JY_FOLLOWUP_FIELD_TEMPERATURE, 34, 43 },
    { JY_FOLLOWUP_FIELD_CIGARETTES, 0, 100 },
    { JY_FOLLOWUP_FIELD_ALCOHOL, 0, 40 },
    { JY_FOLLOWUP_FIELD_EXERCISE, 0, 600 },
    { JY_FOLLOWUP_FIELD_STAPLE, 0, 1500 },
    { JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, 1.1, 33.3 },
    { JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE, 1.1, 33.3 },
    { JY_FOLLOWUP_FIELD_HBA1C, 3, 20 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (ranges[i].field == field)
      {
        *min = ranges[i].min;
        *max = ranges[i].max;
        return TRUE;
      }
  return FALSE;
}

static void
add_problem (GArray                *problems,
             JyFollowupField        field,
             JyFollowupProblemKind  kind)
{
  JyFollowupProblem problem = { field, kind };

  g_array_append_val (problems, problem);
}

static void
check_range (GArray          *problems,
             JyFollowupField  field,
             double           value)
{
  double min, max;

  if (jy_measured (value) && jy_followup_range (field, &min, &max) && (value < min || value > max))
    add_problem (problems, field, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
}

GArray *
jy_followup_validate (const JyFollowup       *self,
                      const JyFollowupPolicy *policy,
                      const GDate            *today)
{
  GArray *problems = g_array_new (FALSE, FALSE, sizeof (JyFollowupProblem));
  gboolean seen = self->outcome == JY_FOLLOWUP_OUTCOME_SEEN;
  gboolean face = jy_visit_mode_is_face_to_face (self->mode);
  GDate visit, other;

  if (!jy_person_parse_date (self->visit_date, &visit))
    add_problem (problems, JY_FOLLOWUP_FIELD_VISIT_DATE,
                 self->visit_date == NULL ? JY_FOLLOWUP_PROBLEM_REQUIRED : JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
  else if (g_date_compare (&visit, today) > 0)
    add_problem (problems, JY_FOLLOWUP_FIELD_VISIT_DATE, JY_FOLLOWUP_PROBLEM_FUTURE);
  if (self->mode == JY_VISIT_MODE_NONE)
    add_problem (problems, JY_FOLLOWUP_FIELD_MODE, JY_FOLLOWUP_PROBLEM_REQUIRED);
  if ((self->symptoms & (1u << 1)) != 0 && (self->symptoms & ~(1u << 1)) != 0)
    add_problem (problems, JY_FOLLOWUP_FIELD_SYMPTOMS, JY_FOLLOWUP_PROBLEM_NONE_WITH_OTHERS);

  if (self->outcome == JY_FOLLOWUP_OUTCOME_DEAD)
    {
      if (!jy_person_parse_date (self->death_date, &other))
        add_problem (problems, JY_FOLLOWUP_FIELD_DEATH_DATE, JY_FOLLOWUP_PROBLEM_REQUIRED);
      else if (g_date_compare (&other, today) > 0)
        add_problem (problems, JY_FOLLOWUP_FIELD_DEATH_DATE, JY_FOLLOWUP_PROBLEM_FUTURE);
    }

  check_range (problems, JY_FOLLOWUP_FIELD_SBP, self->sbp);
  check_range (problems, JY_FOLLOWUP_FIELD_DBP, self->dbp);
  if (seen && face && !jy_measured (self->sbp))
    add_problem (problems, JY_FOLLOWUP_FIELD_SBP, JY_FOLLOWUP_PROBLEM_REQUIRED);
  if (seen && face && !jy_measured (self->dbp))
    add_problem (problems, JY_FOLLOWUP_FIELD_DBP, JY_FOLLOWUP_PROBLEM_REQUIRED);
  if (jy_measured (self->sbp) && jy_measured (self->dbp) && self->sbp <= self->dbp)
    add_problem (problems, JY_FOLLOWUP_FIELD_SBP, JY_FOLLOWUP_PROBLEM_SBP_NOT_ABOVE_DBP);
  check_range (problems, JY_FOLLOWUP_FIELD_HEART_RATE, self->heart_rate);
  check_range (problems, JY_FOLLOWUP_FIELD_WEIGHT, self->weight_kg);
  check_range (problems, JY_FOLLOWUP_FIELD_TARGET_WEIGHT, self->target_weight_kg);
  check_range (problems, JY_FOLLOWUP_FIELD_HEIGHT, self->height_cm);
  check_range (problems, JY_FOLLOWUP_FIELD_WAIST, self->waist_cm);
  check_range (problems, JY_FOLLOWUP_FIELD_TEMPERATURE, self->temperature_c);
  check_range (problems, JY_FOLLOWUP_FIELD_CIGARETTES, self->cigarettes);
  check_range (problems, JY_FOLLOWUP_FIELD_CIGARETTES, self->cigarettes_target);
  check_range (problems, JY_FOLLOWUP_FIELD_ALCOHOL, self->alcohol_liang);
  check_range (problems, JY_FOLLOWUP_FIELD_ALCOHOL, self->alcohol_liang_target);
  check_range (problems, JY_FOLLOWUP_FIELD_EXERCISE, self->exercise_minutes);
  check_range (problems, JY_FOLLOWUP_FIELD_EXERCISE, self->exercise_minutes_target);
  if (self->exercise_per_week > 14 || self->exercise_per_week_target > 14)
    add_problem (problems, JY_FOLLOWUP_FIELD_EXERCISE, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
  check_range (problems, JY_FOLLOWUP_FIELD_STAPLE, self->staple_g);
  check_range (problems, JY_FOLLOWUP_FIELD_STAPLE, self->staple_g_target);
  check_range (problems, JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, self->fasting_glucose);
  check_range (problems, JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE, self->random_glucose);
  check_range (problems, JY_FOLLOWUP_FIELD_HBA1C, self->hba1c);
  if (self->programme == JY_PROGRAMME_T2DM && seen && face && !jy_measured (self->fasting_glucose))
    add_problem (problems, JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, JY_FOLLOWUP_PROBLEM_REQUIRED);
  if (self->hba1c_date != NULL)
    {
      if (!jy_person_parse_date (self->hba1c_date, &other))
        add_problem (problems, JY_FOLLOWUP_FIELD_HBA1C_DATE, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
      else if (g_date_compare (&other, today) > 0)
        add_problem (problems, JY_FOLLOWUP_FIELD_HBA1C_DATE, JY_FOLLOWUP_PROBLEM_FUTURE);
    }

  if (self->adverse_reaction && self->adverse_reaction_text == NULL)
    add_problem (problems, JY_FOLLOWUP_FIELD_ADVERSE_REACTION, JY_FOLLOWUP_PROBLEM_REQUIRED);

  if (seen)
    {
      if (self->classification == JY_FOLLOWUP_CLASS_NONE)
        add_problem (problems, JY_FOLLOWUP_FIELD_CLASSIFICATION, JY_FOLLOWUP_PROBLEM_REQUIRED);
      else if (self->suggested_class != JY_FOLLOWUP_CLASS_NONE &&
               self->classification != self->suggested_class &&
               self->class_override_reason == NULL)
        add_problem (problems, JY_FOLLOWUP_FIELD_CLASSIFICATION, JY_FOLLOWUP_PROBLEM_NEEDS_REASON);

      if (!jy_person_parse_date (self->next_visit_date, &other))
        add_problem (problems, JY_FOLLOWUP_FIELD_NEXT_VISIT,
                     self->next_visit_date == NULL ? JY_FOLLOWUP_PROBLEM_REQUIRED : JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
      else if (g_date_valid (&visit) && g_date_compare (&other, &visit) <= 0)
        add_problem (problems, JY_FOLLOWUP_FIELD_NEXT_VISIT, JY_FOLLOWUP_PROBLEM_BEFORE_PREVIOUS);
      else if (self->suggested_next_date != NULL && self->next_override_reason == NULL &&
               g_strcmp0 (self->next_visit_date, self->suggested_next_date) > 0)
        add_problem (problems, JY_FOLLOWUP_FIELD_NEXT_VISIT, JY_FOLLOWUP_PROBLEM_TOO_LATE);
    }

  return problems;
}

gboolean
jy_followup_bp_controlled (int       sbp,
                           int       dbp,
                           int       age_at_visit,
                           gboolean *out_known)
{
  gboolean known = jy_measured (sbp) && jy_measured (dbp);

  if (out_known != NULL)
    *out_known = known;
  return known && sbp < (age_at_visit >= 65 ? 150 : 140) && dbp < 90;
}

gboolean
jy_followup_glucose_controlled (double    fasting_glucose,
                                gboolean *out_known)
{
  gboolean known = jy_measured (fasting_glucose);

  if (out_known != NULL)
    *out_known = known;
  return known && fasting_glucose < 7.0;
}

gboolean
jy_followup_is_controlled (const JyFollowup *f,
                           int               age_at_visit,
                           gboolean         *out_known)
{
  if (f->programme == JY_PROGRAMME_T2DM)
    return jy_followup_glucose_controlled (f->fasting_glucose, out_known);
  return jy_followup_bp_controlled (f->sbp, f->dbp, age_at_visit, out_known);
}

gboolean
jy_followup_counts_as_previous (const JyFollowup *f)
{
  gboolean known = FALSE;

  if (f == NULL || !jy_visit_mode_is_face_to_face (f->mode) ||
      f->outcome != JY_FOLLOWUP_OUTCOME_SEEN || g_strcmp0 (f->status, "final") != 0)
    return FALSE;
  jy_followup_is_controlled (f, 0, &known);
  return known;
}

static guint
measured_danger (const JyFollowup *visit)
{
  guint signs = 0;

  if ((jy_measured (visit->sbp) && visit->sbp >= 180) || (jy_measured (visit->dbp) && visit->dbp >= 110))
    signs |= JY_DANGER_BP_HIGH;
  if (visit->programme == JY_PROGRAMME_T2DM)
    {
      double values[] = { visit->fasting_glucose, visit->random_glucose };

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          if (jy_measured (values[i]) && values[i] >= 16.7)
            signs |= JY_DANGER_GLUCOSE_HIGH;
          if (jy_measured (values[i]) && values[i] <= 3.9)
            signs |= JY_DANGER_GLUCOSE_LOW;
        }
    }
  if (jy_measured (visit->heart_rate) && visit->heart_rate > 100)
    signs |= JY_DANGER_HEART_RATE_HIGH;
  if (jy_measured (visit->temperature_c) && visit->temperature_c > 39)
    signs |= JY_DANGER_TEMPERATURE_HIGH;
  return signs;
}

void
jy_followup_assess (const JyFollowup       *visit,
                    const JyFollowup       *previous,
                    int                     age_at_visit,
                    const JyFollowupPolicy *policy,
                    JyFollowupAssessment   *out)
{
  guint signs = measured_danger (visit) | (visit->danger_observed & jy_danger_signs_observable (visit->programme));
  gboolean previous_uncontrolled = FALSE;
  GDate date;
  int days;

  if (policy == NULL)
    policy = jy_followup_policy_default ();
  memset (out, 0, sizeof *out);
  g_date_clear (&out->next_visit, 1);

  if (visit->programme == JY_PROGRAMME_HTN && policy->htn_vitals_are_warnings)
    {
      out->warnings = signs & (JY_DANGER_HEART_RATE_HIGH | JY_DANGER_TEMPERATURE_HIGH);
      signs &= ~out->warnings;
    }
  out->referral_signs = signs;

  if (visit->outcome != JY_FOLLOWUP_OUTCOME_SEEN)
    return;

  out->controlled = jy_followup_is_controlled (visit, age_at_visit, &out->value_known);
  if (previous != NULL && jy_followup_counts_as_previous (previous))
    previous_uncontrolled = !jy_followup_is_controlled (previous, age_at_visit, NULL);

  if (visit->new_complication)
    {
      out->suggested_class = JY_FOLLOWUP_CLASS_COMPLICATION;
      out->action = JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL;
    }
  else if (out->value_known && !out->controlled && previous_uncontrolled)
    {
      out->suggested_class = JY_FOLLOWUP_CLASS_UNCONTROLLED;
      out->action = JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL;
    }
  else if (visit->adverse_reaction && visit->adverse_hard_to_control)
    {
      out->suggested_class = JY_FOLLOWUP_CLASS_ADVERSE;
      out->action = JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL;
    }
  else if (out->value_known && !out->controlled)
    {
      out->suggested_class = JY_FOLLOWUP_CLASS_UNCONTROLLED;
      out->action = JY_FOLLOWUP_ACTION_ADJUST;
    }
  else if (visit->adverse_reaction)
    {
      out->suggested_class = JY_FOLLOWUP_CLASS_ADVERSE;
      out->action = JY_FOLLOWUP_ACTION_ADJUST;
    }
  else if (out->value_known)
    {
      out->suggested_class = JY_FOLLOWUP_CLASS_CONTROLLED;
      out->action = JY_FOLLOWUP_ACTION_ROUTINE;
    }

  if (out->referral_signs != 0)
    out->action = JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL;
  else if (out->suggested_class == JY_FOLLOWUP_CLASS_NONE)
    return;

  days = out->action == JY_FOLLOWUP_ACTION_ROUTINE ? policy->routine_interval_days : policy->recheck_days;
  out->max_interval_days = days;
  if (jy_person_parse_date (visit->visit_date, &date))
    {
      out->next_visit = date;
      g_date_add_days (&out->next_visit, days);
    }
}

double
jy_bmi_compute (double weight_kg,
                double height_cm)
{
  if (!jy_measured (weight_kg) || !jy_measured (height_cm) || height_cm <= 0)
    return JY_UNMEASURED;
  return weight_kg / ((height_cm / 100.0) * (height_cm / 100.0));
}

JyBmiClass
jy_bmi_classify (double bmi)
{
  if (!jy_measured (bmi))
    return JY_BMI_UNKNOWN;
  if (bmi < 18.5)
    return JY_BMI_UNDERWEIGHT;
  if (bmi < 24)
    return JY_BMI_NORMAL;
  if (bmi < 28)
    return JY_BMI_OVERWEIGHT;
  return JY_BMI_OBESE;
}

const char *
jy_bmi_class_label (JyBmiClass klass)
{
  switch (klass)
    {
    case JY_BMI_UNDERWEIGHT: return N_("Underweight");
    case JY_BMI_NORMAL: return N_("Normal weight");
    case JY_BMI_OVERWEIGHT: return N_("Overweight");
    case JY_BMI_OBESE: return N_("Obese");
    case JY_BMI_UNKNOWN:
    default: return NULL;
    }
}

double
jy_alcohol_spirits_equivalent (double      liang,
                               JyDrinkKind kind)
{
  switch (kind)
    {
    case JY_DRINK_BEER: return liang / 10.0;
    case JY_DRINK_WINE: return liang / 4.0;
    case JY_DRINK_YELLOW: return liang / 5.0;
    case JY_DRINK_SPIRITS:
    default: return liang;
    }
}

double
jy_glucose_mmol_to_mgdl (double mmol_per_l)
{
  return mmol_per_l * 18.0;
}
