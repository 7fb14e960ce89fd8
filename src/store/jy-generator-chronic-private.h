/* jy-generator-chronic-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jy-followup.h"
#include "jy-generator-data.h"

G_BEGIN_DECLS

/* Private to src/store/: the demo centre's hypertension and diabetes
 * patients, planned in jy-generator-chronic.c (no database there) and
 * written in jy-generator-chronic-rows.c. Days are Julian day numbers. */

/* Follow-ups go back this many years before the reference date. */
#define JY_GEN_CHRONIC_HISTORY_YEARS 5
/* The national programme started in 2009: nobody enrolled before 2010. */
#define JY_GEN_CHRONIC_FIRST_YEAR    2010

typedef struct
{
  const char *name;
  int         times_per_day;
  double      dose;
  const char *unit;
  const char *usage;     /* insulin only */
} JyGenDrug;

typedef struct
{
  JyProgramme  programme;
  guint32      diagnosis;
  guint32      enrol;
  const char  *icd10;
  const char  *institution;
  int          line;              /* which variant of the drug steps */
  int          step;              /* treatment step 0–3 now */
  double       mu;                /* HTN: planned SBP; T2DM: fasting glucose now */
  double       mu_dbp;            /* HTN: diastolic offset, see JyGenPatient */
  double       base;              /* T2DM: the glucose the patient drifts back to */
  guint32      next_due;
  gboolean     previous_uncontrolled;
  /* The last face-to-face visit with the value measured, for the rule. */
  guint32      previous_date;     /* 0 = none yet */
  int          previous_sbp;
  int          previous_dbp;
  double       previous_glucose;
  gboolean     referral_pending;
  gboolean     last_was_phone;
  gint64       id;                /* once written */
} JyGenEnrolment;

/* One follow-up record; 0 (or less) in a measurement means not measured. */
typedef struct
{
  guint        enrolment;         /* index into the patient's enrolments */
  guint        event;             /* records of one visit share it */
  guint32      date;
  guint32      next;
  int          mode;
  int          outcome;
  int          sbp;
  int          dbp;
  int          heart_rate;
  double       glucose;
  double       hba1c;
  double       weight;
  int          klass;
  int          action;
  gboolean     referral;
  int          referral_result;
  int          adherence;
  guint        symptoms;
  int          step_before;
  int          step_after;
} JyGenVisit;

typedef struct
{
  gint64          id;
  guint32         birth;
  int             sex;
  gint64          team_id;

  JyGenEnrolment  enrolments[2];
  guint           n_enrolments;
  guint32         end;            /* died or moved out on; 0 = still here */
  const char     *end_reason;     /* "death", "moved-out" */

  double          base_sbp;
  double          mu_sbp;         /* systolic now; drifts towards base_sbp */
  double          mu_dbp;         /* diastolic = 0.45 × systolic + this */
  double          height;
  double          weight;
  gboolean        smoker;
  gboolean        punctual;
  gboolean        frail;
  int             adherence;
  int             exercise;       /* times a week */
} JyGenPatient;

typedef struct
{
  JyGenSource *src;
  guint32      reference_day;
  guint32      history_start;    /* follow-ups are kept from this day */
  guint32      first_enrol_day;
  GArray      *visits;           /* JyGenVisit of the patient being planned, by date */
} JyGenChronic;

/* Plans @p (id, birth, sex and team set): enrolments, fate and visits,
 * which land in @c->visits. No enrolment for most residents. */
void   jy_gen_chronic_plan_patient (JyGenChronic     *c,
                                    JyGenPatient     *p);
/* The drugs of treatment step @step (0–3), @line choosing among variants;
 * returns how many (up to 3). */
guint  jy_gen_chronic_regimen      (JyProgramme       programme,
                                    int               step,
                                    int               line,
                                    const JyGenDrug  *out[3]);

G_END_DECLS
