/* jy-home-bed-round.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-home-bed.h"

G_BEGIN_DECLS

/* A ward round or nursing visit at the bedside (查床/巡诊, domain.md §5.3)
 * and the discharge summary drafted from the rounds. Vitals not measured
 * hold JY_UNMEASURED (jy-followup.h); the plausible ranges of BP, pulse,
 * temperature, weight and glucose are the follow-up form's
 * (jy_followup_range()), so a value refused there is refused here. */

typedef enum
{
  JY_HOME_BED_ROUND_DOCTOR,     /* 1 医生查床 */
  JY_HOME_BED_ROUND_NURSING,    /* 2 护理巡诊 */
  JY_HOME_BED_ROUND_JOINT,      /* 3 医护联合 */
  JY_HOME_BED_ROUND_N
} JyHomeBedRoundKind;

/* Treatments and nursing items (§5.3), as bits; stored as a
 * comma-separated list of their codes. */
typedef enum
{
  JY_HOME_BED_PROC_DRESSING,          /* 换药 */
  JY_HOME_BED_PROC_URINARY_CATHETER,  /* 导尿管更换 */
  JY_HOME_BED_PROC_GASTRIC_TUBE,      /* 胃管更换 */
  JY_HOME_BED_PROC_BLADDER_IRRIGATION,
  JY_HOME_BED_PROC_PRESSURE_CARE,     /* 压疮护理 */
  JY_HOME_BED_PROC_BLOOD_DRAW,        /* 静脉采血 */
  JY_HOME_BED_PROC_INJECTION,         /* IM/SC */
  JY_HOME_BED_PROC_INFUSION,          /* IV, only where allowed */
  JY_HOME_BED_PROC_PICC_CARE,
  JY_HOME_BED_PROC_STOMA_CARE,
  JY_HOME_BED_PROC_NEBULISATION,
  JY_HOME_BED_PROC_SUCTION,
  JY_HOME_BED_PROC_OXYGEN,
  JY_HOME_BED_PROC_REHABILITATION,
  JY_HOME_BED_PROC_EDUCATION,
  JY_HOME_BED_N_PROCS
} JyHomeBedProc;

#define JY_HOME_BED_PROC_BIT(p) (1u << (p))

/* Pressure-injury stage (NPIAP), for pressure-injury care. */
typedef enum
{
  JY_PRESSURE_STAGE_NONE,
  JY_PRESSURE_STAGE_1,
  JY_PRESSURE_STAGE_2,
  JY_PRESSURE_STAGE_3,
  JY_PRESSURE_STAGE_4,
  JY_PRESSURE_STAGE_UNSTAGEABLE,
  JY_PRESSURE_STAGE_DEEP_TISSUE,
  JY_PRESSURE_STAGE_N
} JyPressureStage;

typedef enum
{
  JY_HOME_BED_VITAL_TEMPERATURE,
  JY_HOME_BED_VITAL_PULSE,
  JY_HOME_BED_VITAL_RESPIRATION,
  JY_HOME_BED_VITAL_SBP,
  JY_HOME_BED_VITAL_DBP,
  JY_HOME_BED_VITAL_SPO2,
  JY_HOME_BED_VITAL_GLUCOSE,
  JY_HOME_BED_VITAL_PAIN,
  JY_HOME_BED_VITAL_WEIGHT,
  JY_HOME_BED_N_VITALS
} JyHomeBedVital;

typedef struct
{
  GDate              date;
  int                start_minute;   /* minutes after midnight, -1 unknown */
  int                end_minute;
  JyHomeBedRoundKind kind;
  gboolean           by_nurse;       /* the author's role is nurse */
  double             vitals[JY_HOME_BED_N_VITALS];
  const char        *note;           /* findings, assessment, plan */
  guint              procedures;     /* JY_HOME_BED_PROC_BIT()s */
  JyPressureStage    pressure_stage;
  GDate              next_round;     /* cleared when not planned */
} JyHomeBedRound;

void        jy_home_bed_round_init        (JyHomeBedRound *round);
/* One vital at the field: JY_HOME_BED_OK or its problem. */
JyHomeBedProblem jy_home_bed_vital_check  (JyHomeBedVital  vital,
                                           double          value);
gboolean    jy_home_bed_vital_range       (JyHomeBedVital  vital,
                                           double         *min,
                                           double         *max);
/* Every problem of the round, in form order. @admission bounds the date
 * from below, @discharge (cleared when open) and @today from above. */
GArray     *jy_home_bed_round_check       (const JyHomeBedRound  *round,
                                           const GDate           *admission,
                                           const GDate           *discharge,
                                           const GDate           *today,
                                           const JyHomeBedPolicy *policy);

const char *jy_home_bed_round_kind_to_string   (JyHomeBedRoundKind kind);
gboolean    jy_home_bed_round_kind_from_string (const char        *code,
                                                JyHomeBedRoundKind *out);
const char *jy_home_bed_round_kind_label       (JyHomeBedRoundKind kind);

const char *jy_home_bed_proc_to_string  (JyHomeBedProc proc);
const char *jy_home_bed_proc_label      (JyHomeBedProc proc);
/* "dressing,blood-draw"; unknown codes are refused (FALSE). */
char       *jy_home_bed_procs_to_string (guint         procedures);
gboolean    jy_home_bed_procs_from_string (const char *text,
                                           guint      *out);
const char *jy_pressure_stage_label     (JyPressureStage stage);

/* --- Discharge summary (撤床小结) -------------------------------------- */

/* What the summary builder reads of one round. */
typedef struct
{
  GDate              date;
  JyHomeBedRoundKind kind;
  double             vitals[JY_HOME_BED_N_VITALS];
  guint              procedures;
  const char        *note;
} JyHomeBedRoundFacts;

typedef struct
{
  const char        *diagnosis;
  const char        *bed_number;
  GDate              admission_date;
  GDate              discharge_date;
  JyDischargeReason  reason;
  const JyHomeBedRoundFacts *rounds;  /* in date order */
  guint              n_rounds;
} JyHomeBedSummaryFacts;

/* The draft the doctor edits and signs: course (admission, rounds by
 * kind, procedures with counts, vitals first and last), outcome, advice
 * and follow-up. Translated text (the caller's locale). */
char *jy_home_bed_summary_draft (const JyHomeBedSummaryFacts *facts);

G_END_DECLS
