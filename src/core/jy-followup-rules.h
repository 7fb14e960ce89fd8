/* jy-followup-rules.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-followup.h"

G_BEGIN_DECLS

/* The rules of domain.md §3.2–3.5 and §3.7–3.8 a doctor would argue
 * about. Pure functions; every case has a unit test named after it. */

/* What a province or city may change (domain.md: configurable). */
typedef struct
{
  int      routine_interval_days;   /* controlled → next visit; 28–90, default 90 */
  int      recheck_days;            /* first uncontrolled / ADR / referral: 14 */
  gboolean htn_vitals_are_warnings; /* HR > 100, T > 39 only warn on HTN: TRUE */
  int      cluster_days;            /* visits closer than this count once: 14 */
  int      visits_per_year;         /* 4 */
} JyFollowupPolicy;

const JyFollowupPolicy *jy_followup_policy_default (void);

/* --- Validation -------------------------------------------------------- */

typedef enum
{
  JY_FOLLOWUP_FIELD_VISIT_DATE,
  JY_FOLLOWUP_FIELD_MODE,
  JY_FOLLOWUP_FIELD_SYMPTOMS,
  JY_FOLLOWUP_FIELD_SBP,
  JY_FOLLOWUP_FIELD_DBP,
  JY_FOLLOWUP_FIELD_HEART_RATE,
  JY_FOLLOWUP_FIELD_WEIGHT,
  JY_FOLLOWUP_FIELD_TARGET_WEIGHT,
  JY_FOLLOWUP_FIELD_HEIGHT,
  JY_FOLLOWUP_FIELD_WAIST,
  JY_FOLLOWUP_FIELD_TEMPERATURE,
  JY_FOLLOWUP_FIELD_CIGARETTES,
  JY_FOLLOWUP_FIELD_ALCOHOL,
  JY_FOLLOWUP_FIELD_EXERCISE,
  JY_FOLLOWUP_FIELD_STAPLE,
  JY_FOLLOWUP_FIELD_FASTING_GLUCOSE,
  JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE,
  JY_FOLLOWUP_FIELD_HBA1C,
  JY_FOLLOWUP_FIELD_HBA1C_DATE,
  JY_FOLLOWUP_FIELD_ADHERENCE,
  JY_FOLLOWUP_FIELD_ADVERSE_REACTION,
  JY_FOLLOWUP_FIELD_CLASSIFICATION,
  JY_FOLLOWUP_FIELD_DRUGS,
  JY_FOLLOWUP_FIELD_REFERRAL,
  JY_FOLLOWUP_FIELD_NEXT_VISIT,
  JY_FOLLOWUP_FIELD_DEATH_DATE,
  JY_FOLLOWUP_FIELD_EXERCISE_MINUTES, /* minutes per time (EXERCISE is times/week) */
} JyFollowupField;

typedef enum
{
  JY_FOLLOWUP_PROBLEM_REQUIRED,         /* e.g. BP on a face-to-face visit, fasting glucose on a DM one */
  JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE,      /* outside the plausible range (BP 400/20, glucose 0) */
  JY_FOLLOWUP_PROBLEM_SBP_NOT_ABOVE_DBP,
  JY_FOLLOWUP_PROBLEM_FUTURE,
  JY_FOLLOWUP_PROBLEM_BEFORE_PREVIOUS,  /* date before an order that must hold */
  JY_FOLLOWUP_PROBLEM_NONE_WITH_OTHERS, /* symptom 1 "none" ticked with others */
  JY_FOLLOWUP_PROBLEM_NEEDS_REASON,     /* an override of the suggestion without a reason */
  JY_FOLLOWUP_PROBLEM_TOO_LATE,         /* next visit beyond what the rule allows, no reason */
} JyFollowupProblemKind;

typedef struct
{
  JyFollowupField       field;
  JyFollowupProblemKind kind;
} JyFollowupProblem;

/* Plausible ranges the form enforces (SBP 60–300, DBP 30–200, …). */
gboolean jy_followup_range (JyFollowupField field,
                            double         *min,
                            double         *max);

/* Problems with @self as a record to save (GArray of JyFollowupProblem,
 * empty when fine). @today is the local date; @enrol_date may be NULL
 * (a visit before it is BEFORE_PREVIOUS). The override checks compare
 * classification and next_visit_date with the suggested_class and
 * suggested_next_date stored in @self (jy_followup_apply_assessment()),
 * so a saved record carries what was proposed and why it was changed. */
GArray  *jy_followup_validate (const JyFollowup       *self,
                               const JyFollowupPolicy *policy,
                               const GDate            *enrol_date,
                               const GDate            *today);

/* --- Control, danger, classification, next visit ------------------------ */

/* domain.md §3.5 thresholds; age in full years at the visit. FALSE if the
 * value needed is not measured. */
gboolean jy_followup_bp_controlled      (int    sbp,
                                         int    dbp,
                                         int    age_at_visit,
                                         gboolean *out_known);
gboolean jy_followup_glucose_controlled (double fasting_glucose,
                                         gboolean *out_known);

/* Whether @f's own disease is controlled (HTN: BP; T2DM: fasting glucose). */
gboolean jy_followup_is_controlled      (const JyFollowup *f,
                                         int               age_at_visit,
                                         gboolean         *out_known);

/* Whether @f may be "the previous visit" for the consecutive-uncontrolled
 * rule: face to face, seen, final, with the disease's value measured.
 * Phone follow-ups with self-reported values never count. */
gboolean jy_followup_counts_as_previous (const JyFollowup *f);

typedef enum
{
  JY_FOLLOWUP_ACTION_ROUTINE            = 0, /* controlled: next within the routine interval */
  JY_FOLLOWUP_ACTION_ADJUST             = 1, /* first uncontrolled or ADR: adjust, recheck in 14 days */
  JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL = 2, /* second uncontrolled / complication / hard ADR */
  JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL = 3, /* danger sign */
} JyFollowupAction;

typedef struct
{
  guint            referral_signs;  /* JyDangerSign that trigger emergency referral */
  guint            warnings;        /* JyDangerSign shown as warnings only */
  gboolean         value_known;     /* the disease's value was measured */
  gboolean         controlled;
  JyFollowupClass  suggested_class; /* NONE when nothing can be suggested (lost, no value) */
  JyFollowupAction action;
  GDate            next_visit;      /* proposed; invalid if no visit is proposed */
  int              max_interval_days; /* the latest the next visit may be, in days */
} JyFollowupAssessment;

/* The core rule: danger signs first, then classification and the next
 * visit date. @previous is the latest earlier follow-up of the same
 * programme for which jy_followup_counts_as_previous() holds, or NULL.
 * @age_at_visit: full years on the visit date. */
void     jy_followup_assess (const JyFollowup       *visit,
                             const JyFollowup       *previous,
                             int                     age_at_visit,
                             const JyFollowupPolicy *policy,
                             JyFollowupAssessment   *out);

/* Stores @assessment's suggested class and next visit in suggested_class
 * and suggested_next_date (NULL when none), as validation expects. */
void     jy_followup_apply_assessment (JyFollowup                 *self,
                                       const JyFollowupAssessment *assessment);

/* English msgid (translate with _()) for an action, e.g. "Emergency referral". */
const char *jy_followup_action_label (JyFollowupAction action);

/* --- Measures ---------------------------------------------------------- */

/* BMI = kg / m²; JY_UNMEASURED if either input is missing. Classify on
 * the unrounded value, display rounded to 1 decimal (WS/T 428). */
double   jy_bmi_compute (double weight_kg,
                         double height_cm);

typedef enum
{
  JY_BMI_UNKNOWN,
  JY_BMI_UNDERWEIGHT, /* < 18.5 */
  JY_BMI_NORMAL,      /* 18.5 ≤ BMI < 24 */
  JY_BMI_OVERWEIGHT,  /* 24 ≤ BMI < 28 */
  JY_BMI_OBESE,       /* ≥ 28 */
} JyBmiClass;

JyBmiClass  jy_bmi_classify       (double bmi);
const char *jy_bmi_class_label    (JyBmiClass klass); /* English msgid */
/* Waist ≥ 90 cm men, ≥ 85 cm women; @sex GB/T 2261.1 code. */
gboolean    jy_waist_is_central_obesity (double waist_cm, const char *sex);

typedef enum
{
  JY_DRINK_SPIRITS,
  JY_DRINK_BEER,   /* ÷ 10 */
  JY_DRINK_WINE,   /* ÷ 4 */
  JY_DRINK_YELLOW, /* ÷ 5 */
} JyDrinkKind;

/* 两 of @kind → 两 of spirits equivalent (1 两 = 50 mL). */
double   jy_alcohol_spirits_equivalent (double liang, JyDrinkKind kind);
double   jy_glucose_mmol_to_mgdl       (double mmol_per_l); /* × 18.0, display only */

/* --- Programme-year norm (domain.md §3.7) ------------------------------- */

/* Face-to-face visits that count toward the yearly four: dates (GDate,
 * any order) closer than policy->cluster_days to the last counted one
 * count once. */
int      jy_followup_count_norm_visits (const GDate            *dates,
                                        gsize                   n_dates,
                                        const JyFollowupPolicy *policy);
/* Visits required in @year for an enrolment starting @enrol_date:
 * visits_per_year, or ceil(remaining months / 3) when enrolled during
 * the year; 0 if enrolled after the year. */
int      jy_followup_norm_visits_required (const GDate            *enrol_date,
                                           int                     year,
                                           const JyFollowupPolicy *policy);

G_END_DECLS
