/* jy-followup.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A hypertension or type 2 diabetes follow-up (domain.md §3.3–3.4), as the
 * form edits it and the store saves it. A patient seen for both diseases
 * in one visit gets one record per disease sharing visit_uuid; the DM
 * record's BP is copied from the HTN one, not typed twice.
 *
 * Strings are NULL when empty, dates are local "YYYY-MM-DD". Numbers the
 * doctor did not measure hold JY_UNMEASURED (negative), so that a typed
 * 0 stays a (refused) value and is not mistaken for "not measured". */

#define JY_UNMEASURED (-1)

/* Disease programmes; also bit flags for "enrolled in which". */
typedef enum
{
  JY_PROGRAMME_NONE = 0,
  JY_PROGRAMME_HTN  = 1 << 0,
  JY_PROGRAMME_T2DM = 1 << 1,
} JyProgramme;

const char  *jy_programme_to_code    (JyProgramme  programme); /* "htn", "t2dm" */
JyProgramme  jy_programme_from_code  (const char  *code);       /* NONE if unknown */

/* 随访方式. Only CLINIC and HOME are face to face. */
typedef enum
{
  JY_VISIT_MODE_NONE   = 0,
  JY_VISIT_MODE_CLINIC = 1,
  JY_VISIT_MODE_HOME   = 2,
  JY_VISIT_MODE_PHONE  = 3,
} JyVisitMode;

gboolean jy_visit_mode_is_face_to_face (JyVisitMode mode);

/* Whether the patient was seen, or the visit records a loss or death
 * (header of the form). */
typedef enum
{
  JY_FOLLOWUP_OUTCOME_SEEN = 0,
  JY_FOLLOWUP_OUTCOME_LOST = 1,
  JY_FOLLOWUP_OUTCOME_DEAD = 2,
} JyFollowupOutcome;

/* 此次随访分类 */
typedef enum
{
  JY_FOLLOWUP_CLASS_NONE         = 0,
  JY_FOLLOWUP_CLASS_CONTROLLED   = 1,
  JY_FOLLOWUP_CLASS_UNCONTROLLED = 2,
  JY_FOLLOWUP_CLASS_ADVERSE      = 3,
  JY_FOLLOWUP_CLASS_COMPLICATION = 4,
} JyFollowupClass;

/* English msgid (translate with _()), e.g. "Controlled" (控制满意). */
const char  *jy_followup_class_label (JyFollowupClass klass);

/* Danger signs (domain.md §3.2), as bit flags. The MEASURED ones are
 * computed from the numbers; the others are ticked by the doctor. Which
 * ones trigger an emergency referral depends on the programme (see
 * jy_followup_assess()). */
typedef enum
{
  JY_DANGER_NONE                 = 0,
  /* measured */
  JY_DANGER_BP_HIGH              = 1 << 0,  /* SBP ≥ 180 and/or DBP ≥ 110 */
  JY_DANGER_GLUCOSE_HIGH         = 1 << 1,  /* fasting or random ≥ 16.7 */
  JY_DANGER_GLUCOSE_LOW          = 1 << 2,  /* ≤ 3.9 */
  JY_DANGER_HEART_RATE_HIGH      = 1 << 3,  /* > 100/min */
  JY_DANGER_TEMPERATURE_HIGH     = 1 << 4,  /* > 39 °C */
  /* observed, both norms */
  JY_DANGER_CONSCIOUSNESS        = 1 << 8,  /* altered consciousness or behaviour */
  JY_DANGER_PALPITATIONS         = 1 << 9,  /* HTN: palpitations; DM: palpitations, sweating */
  JY_DANGER_NAUSEA_VOMITING      = 1 << 10, /* DM: anorexia, nausea, vomiting */
  JY_DANGER_BLURRED_VISION       = 1 << 11, /* DM: sudden drop in vision */
  JY_DANGER_PREGNANT             = 1 << 12, /* pregnant/breastfeeding, value above normal */
  JY_DANGER_CANNOT_HANDLE        = 1 << 13, /* anything the centre cannot handle */
  /* observed, hypertension norm */
  JY_DANGER_SEVERE_HEADACHE      = 1 << 16, /* severe headache or dizziness */
  JY_DANGER_EYE_PAIN             = 1 << 17,
  JY_DANGER_CHEST_TIGHTNESS      = 1 << 18,
  JY_DANGER_DYSPNOEA_SUPINE      = 1 << 19, /* dyspnoea, cannot lie flat */
  /* observed, diabetes norm */
  JY_DANGER_ACETONE_BREATH       = 1 << 24,
  JY_DANGER_POLYDIPSIA_POLYURIA  = 1 << 25,
  JY_DANGER_ABDOMINAL_PAIN       = 1 << 26,
  JY_DANGER_DEEP_RAPID_BREATHING = 1 << 27,
  JY_DANGER_FLUSHED_SKIN         = 1 << 28,
} JyDangerSign;

#define JY_DANGER_MEASURED_MASK (0xffu)

/* The observed signs the form offers for @programme (a checklist). */
guint        jy_danger_signs_observable (JyProgramme  programme);
/* English msgid (translate with _()) for one sign, e.g. "Severe headache or dizziness". */
const char  *jy_danger_sign_label       (JyDangerSign sign);

typedef enum
{
  JY_FOLLOWUP_DRUG_CURRENT = 0, /* 用药情况 */
  JY_FOLLOWUP_DRUG_ADJUST  = 1, /* 用药调整意见 */
  JY_FOLLOWUP_DRUG_INSULIN = 2, /* DM: 胰岛素 type + usage + units */
} JyFollowupDrugKind;

typedef struct
{
  JyFollowupDrugKind kind;
  char              *name;          /* as written, or the catalogue name */
  char              *drug_code;     /* catalogue code when chosen from it */
  int                times_per_day; /* JY_UNMEASURED when not given */
  double             dose;          /* per time; JY_UNMEASURED when not given */
  char              *dose_unit;     /* "mg", "U" (insulin units), "片" … */
  char              *usage;         /* free text, e.g. insulin "早餐前皮下注射" */
} JyFollowupDrug;

JyFollowupDrug *jy_followup_drug_new  (JyFollowupDrugKind kind);
JyFollowupDrug *jy_followup_drug_copy (const JyFollowupDrug *self);
void            jy_followup_drug_free (JyFollowupDrug       *self);

/* Codes 1–3 of the 心理调整 / 遵医行为 / 服药依从性 / 低血糖反应 items;
 * 0 = not recorded. Salt: 1 light 2 medium 3 heavy. */
typedef struct
{
  gint64            id;              /* 0 until saved */
  char             *uuid;
  gint64            rev;
  char             *status;          /* final, entered-in-error */
  gint64            replaces_id;     /* a correction points at the version it replaces */

  gint64            enrolment_id;
  gint64            resident_id;
  JyProgramme       programme;       /* exactly one of HTN, T2DM */
  char             *visit_uuid;      /* shared by the records of one combined visit */
  char             *visit_date;
  JyVisitMode       mode;
  JyFollowupOutcome outcome;
  char             *lost_reason;
  char             *death_date;
  char             *death_cause;
  gint64            author_id;       /* staff who recorded it (doctor or nurse) */
  char             *author_role;     /* doctor, nurse … at the time */

  /* 症状: bit (1 << code) for the programme's codes 1–9; code 1 (none)
   * excludes the others. */
  guint             symptoms;
  char             *symptoms_other;
  guint             danger_observed; /* JyDangerSign, observed ones only */

  /* 体征 */
  int               sbp;
  int               dbp;
  int               heart_rate;
  double            weight_kg;
  double            target_weight_kg;
  double            height_cm;       /* for BMI; usually carried over */
  double            waist_cm;
  double            temperature_c;
  char             *foot_pulse;      /* DM: 1, 2b 2l 2r (weakened), 3b 3l 3r (absent) */
  char             *signs_other;

  /* 生活方式指导: current and target */
  int               cigarettes;
  int               cigarettes_target;
  double            alcohol_liang;   /* spirits equivalent, 两/day */
  double            alcohol_liang_target;
  int               exercise_per_week;
  int               exercise_minutes;
  int               exercise_per_week_target;
  int               exercise_minutes_target;
  int               salt;            /* HTN only */
  int               salt_target;
  int               staple_g;        /* DM only, g/day */
  int               staple_g_target;
  int               psychology;
  int               compliance;

  /* 辅助检查 */
  double            fasting_glucose; /* mmol/L */
  double            random_glucose;  /* mmol/L, for the danger check */
  double            hba1c;           /* % */
  char             *hba1c_date;
  char             *investigations;

  int               adherence;       /* 1 regular 2 intermittent 3 none */
  gboolean          adverse_reaction;
  char             *adverse_reaction_text;
  gboolean          adverse_hard_to_control;
  int               hypoglycaemia;   /* DM: 1 none 2 occasional 3 frequent */
  gboolean          new_complication; /* new or worsening complication */
  char             *complication_text;

  JyFollowupClass   classification;  /* what the doctor recorded */
  JyFollowupClass   suggested_class; /* what jy_followup_assess() proposed */
  char             *class_override_reason;

  GPtrArray        *drugs;           /* JyFollowupDrug, in form order */

  /* 转诊 */
  char             *referral_reason;
  char             *referral_institution;
  char             *referral_department;
  char             *referral_contact;
  char             *referral_phone;
  int               referral_result; /* 0 unknown, 1 arrived, 2 not arrived */

  char             *next_visit_date;
  char             *suggested_next_date;
  char             *next_override_reason;
  char             *advice;          /* health education given */
  char             *remarks;
} JyFollowup;

#define JY_TYPE_FOLLOWUP (jy_followup_get_type ())

GType       jy_followup_get_type (void) G_GNUC_CONST;
/* Every number JY_UNMEASURED, status "final", drugs empty. */
JyFollowup *jy_followup_new      (JyProgramme       programme);
JyFollowup *jy_followup_copy     (const JyFollowup *self);
void        jy_followup_free     (JyFollowup       *self);

/* Start a new visit from the patient's last one (domain.md: medications
 * carried over, editable): drugs, height, targets and lifestyle targets
 * copied; measurements, symptoms and classification left empty. */
JyFollowup *jy_followup_new_from_previous (const JyFollowup *previous,
                                           const char       *visit_date);

gboolean    jy_measured          (double value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyFollowup, jy_followup_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyFollowupDrug, jy_followup_drug_free)

G_END_DECLS
