/* jy-home-bed.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Home beds (家庭病床, domain.md §5): eligibility at the home assessment,
 * the admission record, cycles and renewal, round frequency and the next
 * round due, the round record, discharge reasons and the drafted discharge
 * summary. Pure functions over local dates (Asia/Shanghai, jy-clock); the
 * rules never read the clock.
 *
 * Functions taking `const JyHomeBedPolicy *` accept NULL for the defaults.
 *
 * Dates: a cycle starts on the admission (or renewal) date and ends
 * cycle_days later, so that a whole cycle is cycle_days bed days by the
 * §5.5 formula (bed days = discharge date − establishment date, same day
 * = 1). A renewal's new cycle starts on the old cycle's end date. */

/* What a city may change (§5.1–5.3). */
typedef struct
{
  guint    cycle_days;                /* 90; 60 in some cities */
  guint    assessment_working_days;   /* 3: assess at home within 3 working days */
  guint    admission_note_hours;      /* 48: admission note within 48 h */
  guint    doctor_round_max_days;     /* 7: a doctor at least once a week */
  guint    renewal_window_days;       /* 14: re-assess up to 14 days before the cycle end */
  gboolean infusion_allowed;          /* FALSE: IV infusion at home only where allowed */
  gboolean contract_required;         /* FALSE: many cities require an active contract */
} JyHomeBedPolicy;

#define JY_HOME_BED_POLICY_DEFAULT ((JyHomeBedPolicy) { \
  .cycle_days = 90, .assessment_working_days = 3, .admission_note_hours = 48, \
  .doctor_round_max_days = 7, .renewal_window_days = 14, \
  .infusion_allowed = FALSE, .contract_required = FALSE })

/* The policy values a centre may set (preferences), each with its range:
 * cycle 30–90 days, assessment within 1–10 working days, admission note
 * within 12–72 hours, doctor round at least every 1–14 days, renewal
 * window 1–21 days before the cycle end. */
typedef enum
{
  JY_HOME_BED_POLICY_OK,
  JY_HOME_BED_POLICY_CYCLE_DAYS,
  JY_HOME_BED_POLICY_ASSESSMENT_DAYS,
  JY_HOME_BED_POLICY_ADMISSION_NOTE_HOURS,
  JY_HOME_BED_POLICY_DOCTOR_ROUND_DAYS,
  JY_HOME_BED_POLICY_RENEWAL_WINDOW_DAYS,
} JyHomeBedPolicyField;

/* The first value out of range, JY_HOME_BED_POLICY_OK when all are valid. */
JyHomeBedPolicyField jy_home_bed_policy_check   (const JyHomeBedPolicy *policy);
/* Whether @value is in the range of @field. */
gboolean    jy_home_bed_policy_value_valid     (JyHomeBedPolicyField   field,
                                                guint                  value);
void        jy_home_bed_policy_range           (JyHomeBedPolicyField   field,
                                                guint                 *min,
                                                guint                 *max);
/* Untranslated (N_) message for a value out of range; callers pass it
 * through _(). NULL for JY_HOME_BED_POLICY_OK. */
const char *jy_home_bed_policy_field_message   (JyHomeBedPolicyField   field);

/* Every reason a home-bed record can be refused, each with one
 * translatable message (jy_home_bed_problem_message()) and the field it
 * belongs to (jy_home_bed_problem_field()). */
typedef enum
{
  JY_HOME_BED_OK,
  /* Assessment (§5.1) */
  JY_HOME_BED_PROBLEM_DIAGNOSIS_UNCLEAR,
  JY_HOME_BED_PROBLEM_UNSTABLE,
  JY_HOME_BED_PROBLEM_NOT_SUITABLE_AT_HOME,
  JY_HOME_BED_PROBLEM_NO_CONTINUOUS_CARE,
  JY_HOME_BED_PROBLEM_INFECTIOUS,
  JY_HOME_BED_PROBLEM_HOME_UNSAFE,
  JY_HOME_BED_PROBLEM_NO_CARER,
  JY_HOME_BED_PROBLEM_NO_CONTRACT,
  JY_HOME_BED_PROBLEM_ADL_OUT_OF_RANGE,
  JY_HOME_BED_PROBLEM_BRADEN_OUT_OF_RANGE,
  JY_HOME_BED_PROBLEM_ASSESSMENT_BEFORE_APPLICATION,
  JY_HOME_BED_PROBLEM_ASSESSMENT_IN_FUTURE,
  /* Admission (§5.2) */
  JY_HOME_BED_PROBLEM_NOT_ASSESSED_ELIGIBLE,
  JY_HOME_BED_PROBLEM_ADMISSION_BEFORE_ASSESSMENT,
  JY_HOME_BED_PROBLEM_ADMISSION_IN_FUTURE,
  JY_HOME_BED_PROBLEM_AGREEMENT_NOT_SIGNED,
  JY_HOME_BED_PROBLEM_NO_DIAGNOSIS,
  JY_HOME_BED_PROBLEM_NO_PLAN,
  JY_HOME_BED_PROBLEM_NO_DOCTOR,
  JY_HOME_BED_PROBLEM_NO_NURSE,
  JY_HOME_BED_PROBLEM_NO_BED_NUMBER,
  JY_HOME_BED_PROBLEM_ROUND_FREQUENCY,
  JY_HOME_BED_PROBLEM_DOCTOR_ROUNDS_TOO_RARE,
  JY_HOME_BED_PROBLEM_CYCLE_END_BEFORE_ADMISSION,
  JY_HOME_BED_PROBLEM_CYCLE_TOO_LONG,
  /* Renewal (续床) */
  JY_HOME_BED_PROBLEM_RENEWAL_TOO_EARLY,
  JY_HOME_BED_PROBLEM_RENEWAL_AFTER_CYCLE_END,
  JY_HOME_BED_PROBLEM_RENEWAL_NOT_ELIGIBLE,
  /* Round (§5.3) */
  JY_HOME_BED_PROBLEM_ROUND_BEFORE_ADMISSION,
  JY_HOME_BED_PROBLEM_ROUND_AFTER_DISCHARGE,
  JY_HOME_BED_PROBLEM_ROUND_IN_FUTURE,
  JY_HOME_BED_PROBLEM_ROUND_END_BEFORE_START,
  JY_HOME_BED_PROBLEM_NURSE_DOCTOR_ROUND,
  JY_HOME_BED_PROBLEM_TEMPERATURE,
  JY_HOME_BED_PROBLEM_PULSE,
  JY_HOME_BED_PROBLEM_RESPIRATION,
  JY_HOME_BED_PROBLEM_SBP,
  JY_HOME_BED_PROBLEM_DBP,
  JY_HOME_BED_PROBLEM_BP_ORDER,
  JY_HOME_BED_PROBLEM_BP_HALF,
  JY_HOME_BED_PROBLEM_SPO2,
  JY_HOME_BED_PROBLEM_GLUCOSE,
  JY_HOME_BED_PROBLEM_PAIN,
  JY_HOME_BED_PROBLEM_WEIGHT,
  JY_HOME_BED_PROBLEM_EMPTY_ROUND,
  JY_HOME_BED_PROBLEM_INFUSION_NOT_ALLOWED,
  JY_HOME_BED_PROBLEM_PRESSURE_STAGE_MISSING,
  JY_HOME_BED_PROBLEM_NEXT_ROUND_NOT_AFTER,
  /* Discharge (撤床) */
  JY_HOME_BED_PROBLEM_DISCHARGE_REASON,
  JY_HOME_BED_PROBLEM_DISCHARGE_BEFORE_ADMISSION,
  JY_HOME_BED_PROBLEM_DISCHARGE_IN_FUTURE,
  JY_HOME_BED_PROBLEM_DISCHARGE_BEFORE_LAST_ROUND,
  JY_HOME_BED_PROBLEM_CYCLE_NOT_ENDED,
  JY_HOME_BED_PROBLEM_NO_SUMMARY,
  JY_HOME_BED_PROBLEM_SUMMARY_NOT_SIGNED,
  JY_HOME_BED_N_PROBLEMS
} JyHomeBedProblem;

/* The form field a problem belongs to, so a form shows it there. */
typedef enum
{
  JY_HOME_BED_FIELD_NONE,
  JY_HOME_BED_FIELD_ASSESSMENT,        /* the yes/no questions */
  JY_HOME_BED_FIELD_ADL,
  JY_HOME_BED_FIELD_BRADEN,
  JY_HOME_BED_FIELD_DATE,
  JY_HOME_BED_FIELD_AGREEMENT,
  JY_HOME_BED_FIELD_DIAGNOSIS,
  JY_HOME_BED_FIELD_PLAN,
  JY_HOME_BED_FIELD_DOCTOR,
  JY_HOME_BED_FIELD_NURSE,
  JY_HOME_BED_FIELD_BED_NUMBER,
  JY_HOME_BED_FIELD_FREQUENCY,
  JY_HOME_BED_FIELD_CYCLE_END,
  JY_HOME_BED_FIELD_TIME,
  JY_HOME_BED_FIELD_KIND,
  JY_HOME_BED_FIELD_TEMPERATURE,
  JY_HOME_BED_FIELD_PULSE,
  JY_HOME_BED_FIELD_RESPIRATION,
  JY_HOME_BED_FIELD_SBP,
  JY_HOME_BED_FIELD_DBP,
  JY_HOME_BED_FIELD_SPO2,
  JY_HOME_BED_FIELD_GLUCOSE,
  JY_HOME_BED_FIELD_PAIN,
  JY_HOME_BED_FIELD_WEIGHT,
  JY_HOME_BED_FIELD_PROCEDURES,
  JY_HOME_BED_FIELD_NEXT_ROUND,
  JY_HOME_BED_FIELD_REASON,
  JY_HOME_BED_FIELD_SUMMARY,
} JyHomeBedField;

/* Untranslated (N_); callers pass it through _(). */
const char     *jy_home_bed_problem_message (JyHomeBedProblem problem);
JyHomeBedField  jy_home_bed_problem_field   (JyHomeBedProblem problem);

/* --- Application and assessment (§5.1, §5.2 1–2) --------------------- */

typedef enum
{
  JY_HOME_BED_SOURCE_FAMILY,           /* 1 the patient or family */
  JY_HOME_BED_SOURCE_HOSPITAL,         /* 2 a hospital discharge referral (下转) */
  JY_HOME_BED_SOURCE_N
} JyHomeBedSource;

/* Priority groups (§5.1), as bits. */
typedef enum
{
  JY_HOME_BED_PRIORITY_BEDRIDDEN   = 1 << 0,  /* 失能/卧床 (Barthel ≤ 60) */
  JY_HOME_BED_PRIORITY_DISABILITY  = 1 << 1,  /* 残疾人 */
  JY_HOME_BED_PRIORITY_VERY_OLD    = 1 << 2,  /* ≥ 80 */
  JY_HOME_BED_PRIORITY_RECOVERY    = 1 << 3,  /* stroke or fracture recovery */
  JY_HOME_BED_PRIORITY_PALLIATIVE  = 1 << 4,  /* advanced cancer, 安宁疗护 */
  JY_HOME_BED_PRIORITY_TUBES       = 1 << 5,  /* catheters or tubes */
  JY_HOME_BED_PRIORITY_PRESSURE    = 1 << 6,  /* pressure injuries */
} JyHomeBedPriority;
#define JY_HOME_BED_N_PRIORITIES 7

/* Barthel ADL bands (§5.1). */
typedef enum
{
  JY_ADL_UNKNOWN,
  JY_ADL_SEVERE,       /* ≤ 40 重度依赖 */
  JY_ADL_MODERATE,     /* 41–60 中度依赖 */
  JY_ADL_MILD,         /* 61–99 轻度依赖 */
  JY_ADL_INDEPENDENT,  /* 100 */
} JyAdlLevel;

#define JY_HOME_BED_NOT_SCORED (-1)

typedef struct
{
  GDate    application_date;
  GDate    assessment_date;
  gboolean diagnosis_clear;
  gboolean condition_stable;
  gboolean suitable_at_home;
  gboolean needs_continuous_care;
  gboolean infectious;               /* in the infectious period */
  gboolean home_safe;
  gboolean has_carer;
  gboolean has_active_contract;
  int      adl_score;                /* Barthel 0–100, or JY_HOME_BED_NOT_SCORED */
  int      braden_score;             /* 6–23, or JY_HOME_BED_NOT_SCORED */
  int      age;                      /* full years on the assessment date, -1 unknown */
  guint    priorities;               /* JyHomeBedPriority bits the doctor ticked */
} JyHomeBedAssessment;

void        jy_home_bed_assessment_init  (JyHomeBedAssessment      *a);
/* Every failing reason, in form order (JyHomeBedProblem values); empty
 * when the resident is eligible. @today bounds the assessment date. */
GArray     *jy_home_bed_assess           (const JyHomeBedAssessment *a,
                                          const GDate               *today,
                                          const JyHomeBedPolicy     *policy);
/* The priority groups: the ticked ones plus those the scores and age
 * show (Barthel ≤ 60 → bedridden, age ≥ 80 → very old). */
guint       jy_home_bed_priorities       (const JyHomeBedAssessment *a);
const char *jy_home_bed_priority_label   (JyHomeBedPriority          priority);
JyAdlLevel  jy_adl_classify              (int                        barthel);
const char *jy_adl_level_label           (JyAdlLevel                 level);
/* Braden ≤ 12 high risk, 13–14 moderate, 15–18 mild (returns 3, 2, 1, 0). */
guint       jy_braden_risk               (int                        braden);
/* The last day for the home assessment: @applied + N working days
 * (Monday–Friday). */
void        jy_home_bed_assessment_due   (const GDate               *applied,
                                          const JyHomeBedPolicy     *policy,
                                          GDate                     *out);
const char *jy_home_bed_source_to_string (JyHomeBedSource            source);
gboolean    jy_home_bed_source_from_string (const char              *code,
                                            JyHomeBedSource         *out);
const char *jy_home_bed_source_label     (JyHomeBedSource            source);

/* --- Admission (建床) and cycles --------------------------------------- */

typedef struct
{
  GDate       assessment_date;       /* of the eligible assessment */
  gboolean    assessed_eligible;
  GDate       admission_date;
  gboolean    agreement_signed;
  const char *diagnosis;
  const char *plan;                  /* care plan and orders (医嘱) */
  gint64      doctor_id;             /* 0 = none */
  gint64      nurse_id;
  const char *bed_number;
  guint       doctor_every_days;     /* planned doctor round every N days */
  guint       nurse_every_days;      /* planned nursing visit every N days */
  GDate       cycle_end;
} JyHomeBedAdmission;

void    jy_home_bed_admission_init  (JyHomeBedAdmission       *a);
GArray *jy_home_bed_admission_check (const JyHomeBedAdmission *a,
                                     const GDate              *today,
                                     const JyHomeBedPolicy    *policy);
/* The default cycle end: @start + cycle_days. */
void    jy_home_bed_cycle_end       (const GDate              *start,
                                     const JyHomeBedPolicy    *policy,
                                     GDate                    *out);
/* Bed days (§5.5): @end − @start, same day = 1. */
guint   jy_home_bed_bed_days        (const GDate              *start,
                                     const GDate              *end);
/* Renewal (续床) after a re-assessment on @reassessed: allowed from
 * cycle end − renewal_window_days to the cycle end, and only when the
 * re-assessment found the patient eligible. On success the new cycle runs
 * from the old end to old end + cycle_days. Returns JY_HOME_BED_OK or the
 * reason. */
JyHomeBedProblem jy_home_bed_renewal_check (const GDate           *cycle_end,
                                            const GDate           *reassessed,
                                            gboolean               eligible,
                                            const JyHomeBedPolicy *policy,
                                            GDate                 *new_start,
                                            GDate                 *new_end);

/* --- Round frequency -------------------------------------------------- */

typedef enum
{
  JY_HOME_BED_DUE_NOT_YET,
  JY_HOME_BED_DUE_TODAY,
  JY_HOME_BED_DUE_OVERDUE,
} JyHomeBedDue;

/* Every 1–30 days. */
gboolean     jy_home_bed_frequency_valid (guint        every_days);
/* The next round due: @last + @every_days, or the admission date when no
 * round was made yet (@last cleared); never after @cycle_end when that is
 * valid (the last round is due on the cycle end at the latest). */
void         jy_home_bed_next_round      (const GDate *admission,
                                          const GDate *last,
                                          guint        every_days,
                                          const GDate *cycle_end,
                                          GDate       *out);
JyHomeBedDue jy_home_bed_due_on          (const GDate *due,
                                          const GDate *today);
/* Whole days overdue (0 when due today or later). */
guint        jy_home_bed_days_overdue    (const GDate *due,
                                          const GDate *today);

/* --- Discharge (撤床) --------------------------------------------------- */

typedef enum
{
  JY_DISCHARGE_REASON_NONE,
  JY_DISCHARGE_REASON_CURED,          /* 1 治愈 */
  JY_DISCHARGE_REASON_IMPROVED,       /* 2 好转 */
  JY_DISCHARGE_REASON_STABLE,         /* 3 稳定(未愈) */
  JY_DISCHARGE_REASON_TRANSFERRED,    /* 4 转院(转住院) */
  JY_DISCHARGE_REASON_DIED,           /* 5 死亡 */
  JY_DISCHARGE_REASON_REQUEST,        /* 6 患者要求 */
  JY_DISCHARGE_REASON_CYCLE_ENDED,    /* 7 到期 */
  JY_DISCHARGE_REASON_OTHER,          /* 9 */
  JY_DISCHARGE_REASON_N
} JyDischargeReason;

const char *jy_discharge_reason_to_string   (JyDischargeReason reason);
gboolean    jy_discharge_reason_from_string (const char       *code,
                                             JyDischargeReason *out);
const char *jy_discharge_reason_label       (JyDischargeReason reason);

typedef struct
{
  GDate             admission_date;
  GDate             cycle_end;
  GDate             last_round;        /* cleared when none */
  GDate             discharge_date;
  JyDischargeReason reason;
  const char       *summary;
  gboolean          signed_by_doctor;
} JyHomeBedDischarge;

void    jy_home_bed_discharge_init  (JyHomeBedDischarge       *d);
GArray *jy_home_bed_discharge_check (const JyHomeBedDischarge *d,
                                     const GDate              *today);

G_END_DECLS
