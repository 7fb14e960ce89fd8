/* jy-followup-validate.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-rules.h"

#include "jy-followup-rules-private.h"
#include "jy-person.h"

#include <math.h>

/* Plausible ranges, inclusive. BP from domain.md §3.3; the others are
 * ours, wide enough for any living patient at a community centre and
 * narrow enough to catch a slipped decimal point or a unit mix-up:
 * - heart rate 20–250/min; temperature 34–43 °C;
 * - weight 10–300 kg, height 50–250 cm, waist 30–200 cm;
 * - glucose 1.0–40.0 mmol/L, fasting or random (0 is impossible, and a
 *   meter reads "HI" above about 33); HbA1c 3–20 %;
 * - cigarettes 0–100 a day; spirits 0–40 两 (2 L) a day;
 * - exercise 0–14 times a week, 0–600 minutes a time;
 * - staple food 0–2000 g a day. */
static const struct
{
  JyFollowupField field;
  double          min;
  double          max;
} ranges[] = {
  { JY_FOLLOWUP_FIELD_SBP, 60, 300 },
  { JY_FOLLOWUP_FIELD_DBP, 30, 200 },
  { JY_FOLLOWUP_FIELD_HEART_RATE, 20, 250 },
  { JY_FOLLOWUP_FIELD_WEIGHT, 10, 300 },
  { JY_FOLLOWUP_FIELD_TARGET_WEIGHT, 10, 300 },
  { JY_FOLLOWUP_FIELD_HEIGHT, 50, 250 },
  { JY_FOLLOWUP_FIELD_WAIST, 30, 200 },
  { JY_FOLLOWUP_FIELD_TEMPERATURE, 34, 43 },
  { JY_FOLLOWUP_FIELD_CIGARETTES, 0, 100 },
  { JY_FOLLOWUP_FIELD_ALCOHOL, 0, 40 },
  { JY_FOLLOWUP_FIELD_EXERCISE, 0, 14 },
  { JY_FOLLOWUP_FIELD_EXERCISE_MINUTES, 0, 600 },
  { JY_FOLLOWUP_FIELD_STAPLE, 0, 2000 },
  { JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, 1.0, 40.0 },
  { JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE, 1.0, 40.0 },
  { JY_FOLLOWUP_FIELD_HBA1C, 3, 20 },
};

/* Symptom bits: (1 << code) for codes 1–9; code 1 is "none". */
#define SYMPTOM_NONE      (1u << 1)
#define SYMPTOMS_VALID    (((1u << 10) - 1) & ~1u)

#define MAX_TIMES_PER_DAY 24

gboolean
jy_followup_range (JyFollowupField  field,
                   double          *min,
                   double          *max)
{
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      if (ranges[i].field != field)
        continue;
      if (min != NULL)
        *min = ranges[i].min;
      if (max != NULL)
        *max = ranges[i].max;
      return TRUE;
    }
  return FALSE;
}

/* One problem per field and kind, in form order. */
static void
add_problem (GArray                *problems,
             JyFollowupField        field,
             JyFollowupProblemKind  kind)
{
  JyFollowupProblem problem = { field, kind };

  for (guint i = 0; i < problems->len; i++)
    {
      const JyFollowupProblem *p = &g_array_index (problems, JyFollowupProblem, i);

      if (p->field == field && p->kind == kind)
        return;
    }
  g_array_append_val (problems, problem);
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0';
}

/* A measured value outside the plausible range. Unmeasured is fine here;
 * the callers decide what is required. */
static void
check_range (GArray          *problems,
             JyFollowupField  field,
             double           value)
{
  double min, max;

  if (!jy_measured (value) && !isnan (value))
    return;

  g_assert (jy_followup_range (field, &min, &max));
  if (isnan (value) || value < min || value > max)
    add_problem (problems, field, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
}

/* An optional date that, when given, must be a real date not after
 * @today nor after @not_after (an order that must hold), if valid. */
static void
check_date_not_after (GArray          *problems,
                      JyFollowupField  field,
                      const char      *iso,
                      const GDate     *today,
                      const GDate     *not_after)
{
  GDate date;

  if (iso == NULL)
    return;
  if (!jy_person_parse_date (iso, &date))
    add_problem (problems, field, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
  else if (g_date_compare (&date, today) > 0)
    add_problem (problems, field, JY_FOLLOWUP_PROBLEM_FUTURE);
  else if (g_date_valid (not_after) && g_date_compare (&date, not_after) > 0)
    add_problem (problems, field, JY_FOLLOWUP_PROBLEM_BEFORE_PREVIOUS);
}

static void
validate_signs (GArray           *problems,
                const JyFollowup *self,
                gboolean          face_to_face)
{
  double min, max;

  check_range (problems, JY_FOLLOWUP_FIELD_SBP, self->sbp);
  check_range (problems, JY_FOLLOWUP_FIELD_DBP, self->dbp);

  /* BP is the first thing measured at every face-to-face visit, on the
   * diabetes form too (copied from the HTN record of a combined visit). */
  if (face_to_face && !jy_measured (self->sbp))
    add_problem (problems, JY_FOLLOWUP_FIELD_SBP, JY_FOLLOWUP_PROBLEM_REQUIRED);
  if (face_to_face && !jy_measured (self->dbp))
    add_problem (problems, JY_FOLLOWUP_FIELD_DBP, JY_FOLLOWUP_PROBLEM_REQUIRED);

  jy_followup_range (JY_FOLLOWUP_FIELD_SBP, &min, &max);
  if (self->sbp >= min && self->sbp <= max &&
      jy_followup_range (JY_FOLLOWUP_FIELD_DBP, &min, &max) &&
      self->dbp >= min && self->dbp <= max &&
      self->sbp <= self->dbp)
    add_problem (problems, JY_FOLLOWUP_FIELD_SBP, JY_FOLLOWUP_PROBLEM_SBP_NOT_ABOVE_DBP);

  check_range (problems, JY_FOLLOWUP_FIELD_HEART_RATE, self->heart_rate);
  check_range (problems, JY_FOLLOWUP_FIELD_WEIGHT, self->weight_kg);
  check_range (problems, JY_FOLLOWUP_FIELD_TARGET_WEIGHT, self->target_weight_kg);
  check_range (problems, JY_FOLLOWUP_FIELD_HEIGHT, self->height_cm);
  check_range (problems, JY_FOLLOWUP_FIELD_WAIST, self->waist_cm);
  check_range (problems, JY_FOLLOWUP_FIELD_TEMPERATURE, self->temperature_c);
}

static void
validate_lifestyle (GArray           *problems,
                    const JyFollowup *self)
{
  check_range (problems, JY_FOLLOWUP_FIELD_CIGARETTES, self->cigarettes);
  check_range (problems, JY_FOLLOWUP_FIELD_CIGARETTES, self->cigarettes_target);
  check_range (problems, JY_FOLLOWUP_FIELD_ALCOHOL, self->alcohol_liang);
  check_range (problems, JY_FOLLOWUP_FIELD_ALCOHOL, self->alcohol_liang_target);
  check_range (problems, JY_FOLLOWUP_FIELD_EXERCISE, self->exercise_per_week);
  check_range (problems, JY_FOLLOWUP_FIELD_EXERCISE, self->exercise_per_week_target);
  check_range (problems, JY_FOLLOWUP_FIELD_EXERCISE_MINUTES, self->exercise_minutes);
  check_range (problems, JY_FOLLOWUP_FIELD_EXERCISE_MINUTES, self->exercise_minutes_target);
  check_range (problems, JY_FOLLOWUP_FIELD_STAPLE, self->staple_g);
  check_range (problems, JY_FOLLOWUP_FIELD_STAPLE, self->staple_g_target);
}

static void
validate_investigations (GArray           *problems,
                         const JyFollowup *self,
                         gboolean          face_to_face,
                         const GDate      *visit_date,
                         const GDate      *today)
{
  check_range (problems, JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, self->fasting_glucose);
  if (face_to_face && self->programme == JY_PROGRAMME_T2DM && !jy_measured (self->fasting_glucose))
    add_problem (problems, JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, JY_FOLLOWUP_PROBLEM_REQUIRED);

  check_range (problems, JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE, self->random_glucose);

  /* An HbA1c is only interpretable with its date; a result is one
   * obtained since the last visit, so not after this one. */
  check_range (problems, JY_FOLLOWUP_FIELD_HBA1C, self->hba1c);
  if (jy_measured (self->hba1c) && self->hba1c_date == NULL)
    add_problem (problems, JY_FOLLOWUP_FIELD_HBA1C_DATE, JY_FOLLOWUP_PROBLEM_REQUIRED);
  check_date_not_after (problems, JY_FOLLOWUP_FIELD_HBA1C_DATE, self->hba1c_date, today, visit_date);
}

static void
validate_treatment (GArray           *problems,
                    const JyFollowup *self,
                    gboolean          seen)
{
  if (self->adherence < 0 || self->adherence > 3)
    add_problem (problems, JY_FOLLOWUP_FIELD_ADHERENCE, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);

  /* The form's item is "2 yes (text)": name the reaction. */
  if (self->adverse_reaction && !has_text (self->adverse_reaction_text))
    add_problem (problems, JY_FOLLOWUP_FIELD_ADVERSE_REACTION, JY_FOLLOWUP_PROBLEM_REQUIRED);

  if ((int)self->classification < JY_FOLLOWUP_CLASS_NONE ||
      (int)self->classification > JY_FOLLOWUP_CLASS_COMPLICATION)
    add_problem (problems, JY_FOLLOWUP_FIELD_CLASSIFICATION, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
  else if (seen && self->classification == JY_FOLLOWUP_CLASS_NONE)
    add_problem (problems, JY_FOLLOWUP_FIELD_CLASSIFICATION, JY_FOLLOWUP_PROBLEM_REQUIRED);
  else if (self->classification != JY_FOLLOWUP_CLASS_NONE &&
           self->suggested_class != JY_FOLLOWUP_CLASS_NONE &&
           self->classification != self->suggested_class &&
           !has_text (self->class_override_reason))
    add_problem (problems, JY_FOLLOWUP_FIELD_CLASSIFICATION, JY_FOLLOWUP_PROBLEM_NEEDS_REASON);

  for (guint i = 0; self->drugs != NULL && i < self->drugs->len; i++)
    {
      const JyFollowupDrug *drug = g_ptr_array_index (self->drugs, i);

      if (!has_text (drug->name))
        add_problem (problems, JY_FOLLOWUP_FIELD_DRUGS, JY_FOLLOWUP_PROBLEM_REQUIRED);
      if ((jy_measured (drug->times_per_day) &&
           (drug->times_per_day < 1 || drug->times_per_day > MAX_TIMES_PER_DAY)) ||
          (jy_measured (drug->dose) && drug->dose <= 0))
        add_problem (problems, JY_FOLLOWUP_FIELD_DRUGS, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
    }
}

/* A danger sign sends the patient on with the referral section filled:
 * at least the reason, which the 2-week check reads. The institution
 * is not required: in an emergency the ambulance may decide it. */
static void
validate_referral (GArray                 *problems,
                   const JyFollowup       *self,
                   const JyFollowupPolicy *policy)
{
  JyFollowupAssessment assessment;

  jy_followup_assess (self, NULL, -1, policy, &assessment);
  if (assessment.referral_signs != 0 && !has_text (self->referral_reason))
    add_problem (problems, JY_FOLLOWUP_FIELD_REFERRAL, JY_FOLLOWUP_PROBLEM_REQUIRED);

  if (self->referral_result < 0 || self->referral_result > 2)
    add_problem (problems, JY_FOLLOWUP_FIELD_REFERRAL, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
}

/* The next visit is after the visit and no later than the suggested one
 * (visit + max_interval_days of the assessment) unless a reason is
 * given. Without a suggestion, the routine interval is the limit: no rule
 * ever allows more. */
static void
validate_next_visit (GArray                 *problems,
                     const JyFollowup       *self,
                     const JyFollowupPolicy *policy,
                     gboolean                seen,
                     const GDate            *visit_date)
{
  GDate next, limit;

  if (self->next_visit_date == NULL)
    {
      if (seen)
        add_problem (problems, JY_FOLLOWUP_FIELD_NEXT_VISIT, JY_FOLLOWUP_PROBLEM_REQUIRED);
      return;
    }
  if (!jy_person_parse_date (self->next_visit_date, &next))
    {
      add_problem (problems, JY_FOLLOWUP_FIELD_NEXT_VISIT, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
      return;
    }
  if (!g_date_valid (visit_date))
    return;
  if (g_date_compare (&next, visit_date) <= 0)
    {
      add_problem (problems, JY_FOLLOWUP_FIELD_NEXT_VISIT, JY_FOLLOWUP_PROBLEM_BEFORE_PREVIOUS);
      return;
    }
  if (!seen)
    return;

  if (!jy_person_parse_date (self->suggested_next_date, &limit))
    {
      limit = *visit_date;
      g_date_add_days (&limit, jy_followup_policy_routine_interval (policy));
    }
  if (g_date_compare (&next, &limit) > 0 && !has_text (self->next_override_reason))
    add_problem (problems, JY_FOLLOWUP_FIELD_NEXT_VISIT, JY_FOLLOWUP_PROBLEM_TOO_LATE);
}

/* Returns the problems that stop @self from being saved, in form order
 * (an empty array when it may be saved). The rules of domain.md §3.3–3.5
 * and the choices documented above each check. */
GArray *
jy_followup_validate (const JyFollowup       *self,
                      const JyFollowupPolicy *policy,
                      const GDate            *enrol_date,
                      const GDate            *today)
{
  g_autoptr(GArray) problems = NULL;
  gboolean seen, face_to_face;
  GDate visit_date;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->programme == JY_PROGRAMME_HTN ||
                        self->programme == JY_PROGRAMME_T2DM, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (policy == NULL)
    policy = jy_followup_policy_default ();

  problems = g_array_new (FALSE, FALSE, sizeof (JyFollowupProblem));
  seen = self->outcome == JY_FOLLOWUP_OUTCOME_SEEN;
  face_to_face = seen && jy_visit_mode_is_face_to_face (self->mode);

  /* An invalid visit_date disables the checks that compare with it. */
  g_date_clear (&visit_date, 1);
  if (self->visit_date == NULL)
    add_problem (problems, JY_FOLLOWUP_FIELD_VISIT_DATE, JY_FOLLOWUP_PROBLEM_REQUIRED);
  else if (!jy_person_parse_date (self->visit_date, &visit_date))
    add_problem (problems, JY_FOLLOWUP_FIELD_VISIT_DATE, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
  else if (g_date_compare (&visit_date, today) > 0)
    add_problem (problems, JY_FOLLOWUP_FIELD_VISIT_DATE, JY_FOLLOWUP_PROBLEM_FUTURE);
  else if (enrol_date != NULL && g_date_valid (enrol_date) &&
           g_date_compare (&visit_date, enrol_date) < 0)
    add_problem (problems, JY_FOLLOWUP_FIELD_VISIT_DATE, JY_FOLLOWUP_PROBLEM_BEFORE_PREVIOUS);

  if ((int)self->mode < JY_VISIT_MODE_NONE || (int)self->mode > JY_VISIT_MODE_PHONE)
    add_problem (problems, JY_FOLLOWUP_FIELD_MODE, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
  else if (seen && self->mode == JY_VISIT_MODE_NONE)
    add_problem (problems, JY_FOLLOWUP_FIELD_MODE, JY_FOLLOWUP_PROBLEM_REQUIRED);

  /* "None" excludes every other symptom, the free-text one included. */
  if ((self->symptoms & ~SYMPTOMS_VALID) != 0)
    add_problem (problems, JY_FOLLOWUP_FIELD_SYMPTOMS, JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE);
  else if ((self->symptoms & SYMPTOM_NONE) != 0 &&
           ((self->symptoms & ~SYMPTOM_NONE) != 0 || has_text (self->symptoms_other)))
    add_problem (problems, JY_FOLLOWUP_FIELD_SYMPTOMS, JY_FOLLOWUP_PROBLEM_NONE_WITH_OTHERS);

  validate_signs (problems, self, face_to_face);
  validate_lifestyle (problems, self);
  validate_investigations (problems, self, face_to_face, &visit_date, today);
  validate_treatment (problems, self, seen);
  if (seen)
    validate_referral (problems, self, policy);
  validate_next_visit (problems, self, policy, seen, &visit_date);

  if (self->outcome == JY_FOLLOWUP_OUTCOME_DEAD && self->death_date == NULL)
    add_problem (problems, JY_FOLLOWUP_FIELD_DEATH_DATE, JY_FOLLOWUP_PROBLEM_REQUIRED);
  /* Death is recorded on or after the day it happened. */
  check_date_not_after (problems, JY_FOLLOWUP_FIELD_DEATH_DATE, self->death_date, today, &visit_date);

  return g_steal_pointer (&problems);
}
