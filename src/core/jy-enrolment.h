/* jy-enrolment.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-followup.h"

G_BEGIN_DECLS

/* A resident's enrolment in a disease programme's registry (domain.md
 * §3.1): managing until ended, never deleted. */
typedef struct
{
  gint64       id;                /* 0 until saved */
  char        *uuid;
  gint64       rev;
  char        *status;            /* managing, ended, entered-in-error */

  gint64       resident_id;
  JyProgramme  programme;         /* exactly one */
  char        *icd10;             /* full local code as written: I10.x00, E11.900 */
  char        *diagnosis_date;
  char        *diagnosis_institution;
  char        *enrol_date;
  gint64       doctor_id;         /* responsible doctor (staff id) */
  gint64       team_id;

  char        *end_date;
  char        *end_reason;        /* death, moved-out, diagnosis-revoked, refused */
  char        *end_note;
} JyEnrolment;

#define JY_TYPE_ENROLMENT (jy_enrolment_get_type ())

GType        jy_enrolment_get_type (void) G_GNUC_CONST;
JyEnrolment *jy_enrolment_new      (JyProgramme        programme);
JyEnrolment *jy_enrolment_copy     (const JyEnrolment *self);
void         jy_enrolment_free     (JyEnrolment       *self);

/* The WHO 3-character category of a local ICD-10 code ("I10.x00" → "I10"),
 * newly allocated; NULL if @code does not look like ICD-10. */
char        *jy_icd10_category     (const char        *code);

typedef enum
{
  JY_ICD10_FITS,              /* I10–I13 for HTN, E11 for T2DM */
  JY_ICD10_NOT_ICD10,
  JY_ICD10_SECONDARY_HTN,     /* I15: record, refer, do not enrol */
  JY_ICD10_NEEDS_REVIEW,      /* E10, O24, E14: not T2DM without review */
  JY_ICD10_OTHER_DISEASE,     /* a valid code of another disease */
} JyIcd10Fit;

/* Whether @code may be enrolled in @programme (domain.md §7.3). */
JyIcd10Fit   jy_icd10_fits_programme (const char  *code,
                                      JyProgramme  programme);

typedef enum
{
  JY_ENROLMENT_FIELD_ICD10,
  JY_ENROLMENT_FIELD_DIAGNOSIS_DATE,
  JY_ENROLMENT_FIELD_ENROL_DATE,
  JY_ENROLMENT_FIELD_DOCTOR,
  JY_ENROLMENT_FIELD_END_DATE,
  JY_ENROLMENT_FIELD_END_REASON,
  JY_ENROLMENT_FIELD_AGE,          /* programme is for residents aged ≥ 35 */
} JyEnrolmentField;

typedef enum
{
  JY_ENROLMENT_PROBLEM_REQUIRED,
  JY_ENROLMENT_PROBLEM_INVALID,
  JY_ENROLMENT_PROBLEM_FUTURE,
  JY_ENROLMENT_PROBLEM_BEFORE_BIRTH,
  JY_ENROLMENT_PROBLEM_BEFORE_DIAGNOSIS,
  JY_ENROLMENT_PROBLEM_ICD10_MISMATCH, /* see jy_icd10_fits_programme(); confirmable
                                        * only when it says NEEDS_REVIEW */
  JY_ENROLMENT_PROBLEM_UNDER_AGE,      /* confirmable: under 35 on the enrolment date */
} JyEnrolmentProblemKind;

typedef struct
{
  JyEnrolmentField       field;
  JyEnrolmentProblemKind kind;
} JyEnrolmentProblem;

/* Problems with @self as a new or ended enrolment; @birth_date is the
 * resident's (for the age and before-birth checks), @today local. */
GArray      *jy_enrolment_validate (const JyEnrolment *self,
                                    const GDate       *birth_date,
                                    const GDate       *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyEnrolment, jy_enrolment_free)

G_END_DECLS
