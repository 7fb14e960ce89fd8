/* jy-followup-rules.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-rules.h"

#include "jy-clock.h"
#include "jy-followup-rules-private.h"
#include "jy-person.h"

#include <glib/gi18n.h>
#include <string.h>

/* Thresholds of domain.md §3.2 and §3.5. They are national norms, not
 * local policy, so they are constants here; the intervals are policy. */
#define ELDERLY_AGE            65
#define HTN_SBP_LIMIT          140  /* controlled: SBP < 140 … */
#define HTN_SBP_LIMIT_ELDERLY  150  /* … or < 150 when aged ≥ 65 */
#define HTN_DBP_LIMIT          90   /* and DBP < 90 */
#define GLUCOSE_LIMIT          7.0  /* controlled: fasting glucose < 7.0 */
#define DANGER_SBP             180  /* ≥ */
#define DANGER_DBP             110  /* ≥ */
#define DANGER_GLUCOSE_HIGH    16.7 /* ≥ */
#define DANGER_GLUCOSE_LOW     3.9  /* ≤ */
#define DANGER_HEART_RATE      100  /* > */
#define DANGER_TEMPERATURE     39.0 /* > */

/* "Above normal" for the pregnant/breastfeeding sign: the upper limits of
 * the normal range, not the treatment targets. BP: the diagnostic
 * threshold 140/90, whatever the age (it is also the threshold of
 * hypertension in pregnancy). Glucose: fasting < 6.1 and random < 7.8
 * mmol/L are normal (WHO 1999, as in the Chinese T2DM guideline). */
#define NORMAL_SBP             140
#define NORMAL_DBP             90
#define NORMAL_FASTING_GLUCOSE 6.1
#define NORMAL_RANDOM_GLUCOSE  7.8

/* Routine interval bounds (domain.md §3.5: configurable 28–90 days). */
#define ROUTINE_INTERVAL_MIN   28
#define ROUTINE_INTERVAL_MAX   90

static const JyFollowupPolicy default_policy = {
  .routine_interval_days = 90,
  .recheck_days = 14,
  .htn_vitals_are_warnings = TRUE,
  .cluster_days = 14,
  .visits_per_year = 4,
};

const JyFollowupPolicy *
jy_followup_policy_default (void)
{
  return &default_policy;
}

int
jy_followup_policy_routine_interval (const JyFollowupPolicy *policy)
{
  return CLAMP (policy->routine_interval_days, ROUTINE_INTERVAL_MIN, ROUTINE_INTERVAL_MAX);
}

static int
recheck_interval (const JyFollowupPolicy *policy)
{
  return MAX (policy->recheck_days, 1);
}

/* A measured value inside the plausible range of @field. The rules treat
 * an implausible value (a typo such as SBP 1400 or glucose 0, which
 * validation refuses) as not measured, so that a half-typed form does not
 * raise or hide an alarm on nonsense. */
static double
plausible (JyFollowupField field,
           double          value)
{
  double min, max;

  if (!jy_measured (value))
    return JY_UNMEASURED;
  if (jy_followup_range (field, &min, &max) && (value < min || value > max))
    return JY_UNMEASURED;
  return value;
}

/* --- Control ------------------------------------------------------------- */

/* Known when both values are measured, or when one of them alone already
 * shows control is not met (SBP 190 with the DBP not given). An unknown
 * age (negative) uses the general threshold. */
gboolean
jy_followup_bp_controlled (int       sbp,
                           int       dbp,
                           int       age_at_visit,
                           gboolean *out_known)
{
  int sbp_limit = age_at_visit >= ELDERLY_AGE ? HTN_SBP_LIMIT_ELDERLY : HTN_SBP_LIMIT;
  gboolean known = FALSE;
  gboolean controlled = FALSE;

  if ((jy_measured (sbp) && sbp >= sbp_limit) || (jy_measured (dbp) && dbp >= HTN_DBP_LIMIT))
    {
      known = TRUE;
      controlled = FALSE;
    }
  else if (jy_measured (sbp) && jy_measured (dbp))
    {
      known = TRUE;
      controlled = TRUE;
    }

  if (out_known != NULL)
    *out_known = known;
  return controlled;
}

gboolean
jy_followup_glucose_controlled (double    fasting_glucose,
                                gboolean *out_known)
{
  gboolean known = jy_measured (fasting_glucose);

  if (out_known != NULL)
    *out_known = known;
  return known && jy_followup_below (fasting_glucose, GLUCOSE_LIMIT);
}

gboolean
jy_followup_is_controlled (const JyFollowup *f,
                           int               age_at_visit,
                           gboolean         *out_known)
{
  g_return_val_if_fail (f != NULL, FALSE);

  if (f->programme == JY_PROGRAMME_T2DM)
    return jy_followup_glucose_controlled (plausible (JY_FOLLOWUP_FIELD_FASTING_GLUCOSE,
                                                      f->fasting_glucose),
                                           out_known);

  return jy_followup_bp_controlled ((int)plausible (JY_FOLLOWUP_FIELD_SBP, f->sbp),
                                    (int)plausible (JY_FOLLOWUP_FIELD_DBP, f->dbp),
                                    age_at_visit, out_known);
}

/* "With the disease's value measured" means the whole value: both SBP
 * and DBP for hypertension (a lone SBP may show a failure at one age and
 * nothing at another), the fasting glucose for diabetes. */
gboolean
jy_followup_counts_as_previous (const JyFollowup *f)
{
  g_return_val_if_fail (f != NULL, FALSE);

  if (!jy_visit_mode_is_face_to_face (f->mode) ||
      f->outcome != JY_FOLLOWUP_OUTCOME_SEEN ||
      g_strcmp0 (f->status, "final") != 0)
    return FALSE;

  if (f->programme == JY_PROGRAMME_T2DM)
    return jy_measured (plausible (JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, f->fasting_glucose));
  return jy_measured (plausible (JY_FOLLOWUP_FIELD_SBP, f->sbp)) &&
         jy_measured (plausible (JY_FOLLOWUP_FIELD_DBP, f->dbp));
}

/* --- Danger signs -------------------------------------------------------- */

static guint
measured_danger_signs (const JyFollowup *f)
{
  int sbp = (int)plausible (JY_FOLLOWUP_FIELD_SBP, f->sbp);
  int dbp = (int)plausible (JY_FOLLOWUP_FIELD_DBP, f->dbp);
  int heart_rate = (int)plausible (JY_FOLLOWUP_FIELD_HEART_RATE, f->heart_rate);
  double temperature = plausible (JY_FOLLOWUP_FIELD_TEMPERATURE, f->temperature_c);
  double glucose[] = {
    plausible (JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, f->fasting_glucose),
    plausible (JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE, f->random_glucose),
  };
  guint signs = 0;

  if ((jy_measured (sbp) && sbp >= DANGER_SBP) || (jy_measured (dbp) && dbp >= DANGER_DBP))
    signs |= JY_DANGER_BP_HIGH;

  for (guint i = 0; i < G_N_ELEMENTS (glucose); i++)
    {
      if (!jy_measured (glucose[i]))
        continue;
      if (jy_followup_at_least (glucose[i], DANGER_GLUCOSE_HIGH))
        signs |= JY_DANGER_GLUCOSE_HIGH;
      if (jy_followup_at_most (glucose[i], DANGER_GLUCOSE_LOW))
        signs |= JY_DANGER_GLUCOSE_LOW;
    }

  if (jy_measured (heart_rate) && heart_rate > DANGER_HEART_RATE)
    signs |= JY_DANGER_HEART_RATE_HIGH;
  if (jy_measured (temperature) && jy_followup_above (temperature, DANGER_TEMPERATURE))
    signs |= JY_DANGER_TEMPERATURE_HIGH;

  return signs;
}

/* The record's own value above the normal range (see NORMAL_*); FALSE
 * when it is not measured. */
static gboolean
value_above_normal (const JyFollowup *f)
{
  if (f->programme == JY_PROGRAMME_T2DM)
    {
      double fasting = plausible (JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, f->fasting_glucose);
      double random = plausible (JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE, f->random_glucose);

      return (jy_measured (fasting) && jy_followup_at_least (fasting, NORMAL_FASTING_GLUCOSE)) ||
             (jy_measured (random) && jy_followup_at_least (random, NORMAL_RANDOM_GLUCOSE));
    }
  else
    {
      int sbp = (int)plausible (JY_FOLLOWUP_FIELD_SBP, f->sbp);
      int dbp = (int)plausible (JY_FOLLOWUP_FIELD_DBP, f->dbp);

      return (jy_measured (sbp) && sbp >= NORMAL_SBP) || (jy_measured (dbp) && dbp >= NORMAL_DBP);
    }
}

/* Splits the signs of @f into emergency-referral triggers and warnings
 * (domain.md §3.2):
 * - BP ≥ 180 and/or ≥ 110 is in both norms: a trigger on both forms.
 * - Glucose ≥ 16.7 or ≤ 3.9, HR > 100 and T > 39 are in the diabetes norm:
 *   triggers on a DM record. On an HTN record HR and T warn while
 *   policy->htn_vitals_are_warnings (else they trigger); a glucose value
 *   on an HTN record (rare, e.g. a capillary test) always warns: the HTN
 *   norm does not list it, but the doctor must see it.
 * - Observed signs trigger when they belong to the record's own norm;
 *   a sign of the other norm (ticked on a combined visit) warns.
 * - Pregnant/breastfeeding triggers only with the record's value above
 *   normal; with a normal or unmeasured value it warns (measure it). */
static void
classify_danger_signs (const JyFollowup       *f,
                       const JyFollowupPolicy *policy,
                       guint                  *out_referral,
                       guint                  *out_warnings)
{
  const guint vitals = JY_DANGER_HEART_RATE_HIGH | JY_DANGER_TEMPERATURE_HIGH;
  const guint glucose = JY_DANGER_GLUCOSE_HIGH | JY_DANGER_GLUCOSE_LOW;
  guint measured = measured_danger_signs (f);
  guint observed = f->danger_observed & jy_danger_signs_observable (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM);
  guint own_norm = jy_danger_signs_observable (f->programme);
  guint referral = 0;
  guint warnings = 0;

  referral |= measured & JY_DANGER_BP_HIGH;
  if (f->programme == JY_PROGRAMME_T2DM)
    {
      referral |= measured & (glucose | vitals);
    }
  else
    {
      if (policy->htn_vitals_are_warnings)
        warnings |= measured & vitals;
      else
        referral |= measured & vitals;
      warnings |= measured & glucose;
    }

  if (observed & JY_DANGER_PREGNANT)
    {
      observed &= ~(guint)JY_DANGER_PREGNANT;
      if (value_above_normal (f))
        referral |= JY_DANGER_PREGNANT;
      else
        warnings |= JY_DANGER_PREGNANT;
    }
  referral |= observed & own_norm;
  warnings |= observed & ~own_norm;

  *out_referral = referral;
  *out_warnings = warnings;
}

/* --- Classification and next visit -------------------------------------- */

/* @previous may serve as "the previous visit" of @visit: it qualifies
 * (jy_followup_counts_as_previous()), is of the same programme and is
 * dated strictly before @visit. Anything else is ignored rather than
 * trusted: a wrong previous visit would send a patient to hospital. */
static gboolean
is_previous_of (const JyFollowup *previous,
                const JyFollowup *visit)
{
  GDate previous_date, visit_date;

  return previous != NULL &&
         previous->programme == visit->programme &&
         jy_followup_counts_as_previous (previous) &&
         jy_person_parse_date (previous->visit_date, &previous_date) &&
         jy_person_parse_date (visit->visit_date, &visit_date) &&
         g_date_compare (&previous_date, &visit_date) < 0;
}

/* domain.md §3.5, decided where it is silent:
 *
 * - Lost or dead: no classification, no action, no next visit.
 * - Danger signs are checked on every seen visit, phone included (a
 *   self-reported BP of 190 still calls for a referral); the action is
 *   EMERGENCY_REFERRAL and the next visit (checking the referral) comes
 *   after recheck_days. The classification is still suggested from the
 *   rest, since the form needs one.
 * - Class: complication (4) before adverse reaction (3) before
 *   uncontrolled (2) before controlled (1). An uncontrolled value with an
 *   adverse reaction is class 3: the drug must be changed rather than
 *   increased, which is what class 3 tells the next reader; the value
 *   still counts as uncontrolled for the consecutive rule and the
 *   control-rate indicator, which read the values, not the class.
 * - Action: RECOMMEND_REFERRAL for a new or worsening complication, an
 *   adverse reaction hard to control, or an uncontrolled value at this and
 *   the previous face-to-face visit; else ADJUST for an uncontrolled value
 *   or an adverse reaction; else ROUTINE.
 * - A phone visit may be classified from a self-reported value, but it
 *   never takes part in "consecutive": it cannot be the previous visit
 *   (jy_followup_counts_as_previous()) and an uncontrolled value reported
 *   by phone is treated as a first one (ADJUST, see the patient within
 *   recheck_days) whatever the previous visit showed.
 * - The previous visit's value is judged by the threshold that applies
 *   at this visit (age_at_visit): a patient who turned 65 in between is
 *   measured against the target now set for them.
 * - Value not known and nothing else to act on: no class is suggested,
 *   and the next visit is due after recheck_days, to measure it face to
 *   face (validation requires the value on face-to-face visits anyway).
 * - Next visit: visit + routine interval when controlled and routine,
 *   visit + recheck_days otherwise; that is also the latest date allowed
 *   without a reason (max_interval_days). */
void
jy_followup_assess (const JyFollowup       *visit,
                    const JyFollowup       *previous,
                    int                     age_at_visit,
                    const JyFollowupPolicy *policy,
                    JyFollowupAssessment   *out)
{
  gboolean adverse, uncontrolled, previous_uncontrolled = FALSE;
  GDate visit_date;

  g_return_if_fail (visit != NULL);
  g_return_if_fail (out != NULL);

  if (policy == NULL)
    policy = &default_policy;

  memset (out, 0, sizeof *out);
  g_date_clear (&out->next_visit, 1);
  out->suggested_class = JY_FOLLOWUP_CLASS_NONE;
  out->action = JY_FOLLOWUP_ACTION_ROUTINE;

  if (visit->outcome != JY_FOLLOWUP_OUTCOME_SEEN)
    return;

  classify_danger_signs (visit, policy, &out->referral_signs, &out->warnings);
  out->controlled = jy_followup_is_controlled (visit, age_at_visit, &out->value_known);

  uncontrolled = out->value_known && !out->controlled;
  adverse = visit->adverse_reaction || visit->adverse_hard_to_control;

  if (uncontrolled && jy_visit_mode_is_face_to_face (visit->mode) &&
      is_previous_of (previous, visit))
    {
      gboolean previous_known = FALSE;
      gboolean previous_controlled = jy_followup_is_controlled (previous, age_at_visit,
                                                                &previous_known);

      previous_uncontrolled = previous_known && !previous_controlled;
    }

  if (visit->new_complication)
    out->suggested_class = JY_FOLLOWUP_CLASS_COMPLICATION;
  else if (adverse)
    out->suggested_class = JY_FOLLOWUP_CLASS_ADVERSE;
  else if (uncontrolled)
    out->suggested_class = JY_FOLLOWUP_CLASS_UNCONTROLLED;
  else if (out->value_known)
    out->suggested_class = JY_FOLLOWUP_CLASS_CONTROLLED;

  if (out->referral_signs != 0)
    out->action = JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL;
  else if (visit->new_complication || visit->adverse_hard_to_control ||
           (uncontrolled && previous_uncontrolled))
    out->action = JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL;
  else if (uncontrolled || adverse)
    out->action = JY_FOLLOWUP_ACTION_ADJUST;
  else
    out->action = JY_FOLLOWUP_ACTION_ROUTINE;

  if (out->action == JY_FOLLOWUP_ACTION_ROUTINE &&
      out->suggested_class == JY_FOLLOWUP_CLASS_CONTROLLED)
    out->max_interval_days = jy_followup_policy_routine_interval (policy);
  else
    out->max_interval_days = recheck_interval (policy);

  if (jy_person_parse_date (visit->visit_date, &visit_date))
    {
      out->next_visit = visit_date;
      g_date_add_days (&out->next_visit, out->max_interval_days);
    }
}

void
jy_followup_apply_assessment (JyFollowup                 *self,
                              const JyFollowupAssessment *assessment)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (assessment != NULL);

  self->suggested_class = assessment->suggested_class;
  g_clear_pointer (&self->suggested_next_date, g_free);
  if (g_date_valid (&assessment->next_visit))
    self->suggested_next_date = jy_clock_format_date (&assessment->next_visit);
}

const char *
jy_followup_action_label (JyFollowupAction action)
{
  switch (action)
    {
    case JY_FOLLOWUP_ACTION_ROUTINE:
      /* Translators: suggested action after a follow-up: next visit as usual */
      return N_("Routine follow-up");
    case JY_FOLLOWUP_ACTION_ADJUST:
      /* Translators: suggested action after a follow-up: change the drugs, see again soon */
      return N_("Adjust medication");
    case JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL:
      /* Translators: suggested action after a follow-up (建议转诊) */
      return N_("Recommend referral");
    case JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL:
      /* Translators: a danger sign was found (紧急转诊) */
      return N_("Emergency referral");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* --- Programme-year norm ------------------------------------------------- */

static int
date_cmp (gconstpointer a,
          gconstpointer b)
{
  return g_date_compare (a, b);
}

/* Counted greedily from the earliest: a visit counts when it is at least
 * cluster_days after the last counted one. Invalid dates are skipped;
 * visits on the same day always count once (cluster_days below 1 acts
 * as 1). */
int
jy_followup_count_norm_visits (const GDate            *dates,
                               gsize                   n_dates,
                               const JyFollowupPolicy *policy)
{
  g_autoptr(GArray) sorted = NULL;
  const GDate *last = NULL;
  int cluster_days;
  int count = 0;

  g_return_val_if_fail (dates != NULL || n_dates == 0, 0);

  if (policy == NULL)
    policy = &default_policy;
  cluster_days = MAX (policy->cluster_days, 1);

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (GDate), n_dates);
  for (gsize i = 0; i < n_dates; i++)
    if (g_date_valid (&dates[i]))
      g_array_append_val (sorted, dates[i]);
  g_array_sort (sorted, date_cmp);

  for (guint i = 0; i < sorted->len; i++)
    {
      const GDate *date = &g_array_index (sorted, GDate, i);

      if (last == NULL || g_date_days_between (last, date) >= cluster_days)
        {
          count++;
          last = date;
        }
    }

  return count;
}

/* The month of enrolment counts as a remaining month: enrolled on 15 Oct
 * leaves Oct, Nov, Dec = 3 months → 1 visit; enrolled in January owes the
 * whole year's visits. With a policy of other than 4 visits a year the
 * rule generalises to ceil(remaining months × visits_per_year / 12),
 * which for 4 is domain.md's ceil(remaining months / 3). The year is the
 * calendar year (a July–June assessment year is not supported yet). */
int
jy_followup_norm_visits_required (const GDate            *enrol_date,
                                  int                     year,
                                  const JyFollowupPolicy *policy)
{
  int enrol_year, remaining_months;

  g_return_val_if_fail (enrol_date != NULL && g_date_valid (enrol_date), 0);

  if (policy == NULL)
    policy = &default_policy;

  enrol_year = g_date_get_year (enrol_date);
  if (enrol_year > year)
    return 0;
  if (enrol_year < year)
    return policy->visits_per_year;

  remaining_months = 12 - (int)g_date_get_month (enrol_date) + 1;
  return (remaining_months * policy->visits_per_year + 11) / 12;
}
