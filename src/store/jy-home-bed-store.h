/* jy-home-bed-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"
#include "jy-home-bed-round.h"

G_BEGIN_DECLS

/* Home beds in the store (domain.md §5, schema in
 * jy-migrations-home-beds.c): applications, assessments, beds with their
 * admission record and cycle, rounds, renewals and discharge. Every write
 * checks the core rules again and lands with its outbox and audit rows in
 * the job's transaction; a refusal is JY_HOME_BED_ERROR with the first
 * JyHomeBedProblem as its code and every problem's translated message. */

#define JY_HOME_BED_ERROR (jy_home_bed_error_quark ())
GQuark jy_home_bed_error_quark (void);

typedef struct
{
  gint64           resident_id;
  GDate            applied_on;
  JyHomeBedSource  source;
  const char      *referral_from;     /* the hospital, for a referral */
  const char      *request;           /* what is asked for */
} JyHomeBedApplicationRequest;

typedef struct
{
  gint64       resident_id;
  gint64       application_id;        /* 0: a re-assessment of home_bed_id */
  gint64       home_bed_id;           /* 0: a first assessment */
  gint64       doctor_id;
  JyHomeBedAssessment facts;          /* application_date filled in by the store */
  const char  *note;
} JyHomeBedAssessRequest;

typedef struct
{
  gint64       assessment_id;         /* an eligible assessment */
  GDate        admitted_on;
  gboolean     agreement_signed;
  const char  *bed_number;
  const char  *diagnosis;
  const char  *icd10;                 /* optional */
  const char  *plan;
  gint64       doctor_id;
  gint64       nurse_id;
  guint        doctor_every_days;
  guint        nurse_every_days;
  GDate        cycle_end;             /* cleared: the default (jy_home_bed_cycle_end) */
} JyHomeBedAdmitRequest;

typedef struct
{
  GDate              discharged_on;
  JyDischargeReason  reason;
  const char        *summary;         /* the edited draft */
  gint64             signed_by;       /* the doctor signing; 0: not signed */
} JyHomeBedDischargeRequest;

typedef struct
{
  gint64             id;
  char              *uuid;
  JyHomeBedRoundKind kind;
  GDate              date;
  int                start_minute;
  int                end_minute;
  gint64             staff_id;
  char              *staff_name;
  char              *staff_role;
  double             vitals[JY_HOME_BED_N_VITALS];
  char              *note;
  guint              procedures;
  JyPressureStage    pressure_stage;
  GDate              next_round;
} JyHomeBedRoundRecord;

typedef struct
{
  gint64             id;
  char              *uuid;
  gint64             rev;
  char              *status;          /* open, discharged */
  gint64             resident_id;
  char              *resident_name;
  char              *resident_sex;
  char              *resident_birth_date;
  char              *resident_address;
  char              *resident_phone;
  char              *bed_number;
  GDate              admitted_on;
  char              *agreement_signed_at;
  char              *diagnosis;
  char              *icd10;
  char              *plan;
  gint64             doctor_id;
  char              *doctor_name;
  gint64             nurse_id;
  char              *nurse_name;
  guint              doctor_every_days;
  guint              nurse_every_days;
  guint              cycle_no;
  GDate              cycle_start;
  GDate              cycle_end;
  GDate              doctor_due;      /* cleared once discharged */
  GDate              nurse_due;
  GDate              discharged_on;   /* cleared while open */
  JyDischargeReason  discharge_reason;
  char              *discharge_summary;
  char              *summary_signed_by_name;
  char              *summary_signed_at;
  /* the admission's assessment */
  int                adl_score;
  int                braden_score;
  guint              priorities;
  GPtrArray         *rounds;          /* JyHomeBedRoundRecord, oldest first */
} JyHomeBedRecord;

/* One bed due on a staff member's round list. */
typedef struct
{
  gint64             home_bed_id;
  gint64             resident_id;
  char              *resident_name;
  char              *bed_number;
  char              *community_code;
  char              *community_name;
  char              *building;
  char              *address;
  char              *diagnosis;
  JyHomeBedRoundKind kind;            /* DOCTOR or NURSING: which round is due */
  GDate              due;
  guint              days_overdue;    /* 0: due today */
  GDate              cycle_end;
} JyHomeBedDueRow;

/* One open bed on the census. */
typedef struct
{
  gint64   home_bed_id;
  gint64   resident_id;
  char    *resident_name;
  char    *bed_number;
  char    *community_name;
  char    *building;
  char    *diagnosis;
  char    *doctor_name;
  char    *nurse_name;
  GDate    admitted_on;
  GDate    cycle_end;
  GDate    next_due;                  /* the earlier of doctor_due and nurse_due */
  guint    bed_days;                  /* up to the reference date */
} JyHomeBedCensusRow;

void jy_home_bed_record_free        (JyHomeBedRecord      *record);
void jy_home_bed_round_record_free  (JyHomeBedRoundRecord *round);
void jy_home_bed_due_row_free       (JyHomeBedDueRow      *row);
void jy_home_bed_census_row_free    (JyHomeBedCensusRow   *row);

/* "15栋2单元301室" → "15栋" after the street number: the part of an
 * address a route is planned by. */
char *jy_home_bed_building_of (const char *address_detail);

/* --- Writes (in a write job) ------------------------------------------- */

/* @policy NULL: the centre's stored policy (jy-home-bed-policy-store.h),
 * read in the same job; apply and assess always use the stored one. */

gint64   jy_home_bed_store_apply     (JyDb                              *db,
                                      const JyHomeBedApplicationRequest *request,
                                      const GDate                       *today,
                                      GError                           **error);
/* Records the assessment whatever its result; returns its id. A first
 * assessment marks the application accepted or declined. */
gint64   jy_home_bed_store_assess    (JyDb                         *db,
                                      const JyHomeBedAssessRequest *request,
                                      const GDate                  *today,
                                      GError                      **error);
gint64   jy_home_bed_store_admit     (JyDb                         *db,
                                      const JyHomeBedAdmitRequest  *request,
                                      const GDate                  *today,
                                      const JyHomeBedPolicy        *policy,
                                      GError                      **error);
/* The author is the session's staff member (by_nurse from its role);
 * @round->by_nurse is ignored. */
gint64   jy_home_bed_store_log_round (JyDb                         *db,
                                      gint64                        home_bed_id,
                                      const JyHomeBedRound         *round,
                                      const GDate                  *today,
                                      const JyHomeBedPolicy        *policy,
                                      GError                      **error);
/* Renews the bed's cycle after the re-assessment @assessment_id. */
gboolean jy_home_bed_store_renew     (JyDb                         *db,
                                      gint64                        home_bed_id,
                                      gint64                        assessment_id,
                                      const JyHomeBedPolicy        *policy,
                                      GError                      **error);
gboolean jy_home_bed_store_discharge (JyDb                            *db,
                                      gint64                           home_bed_id,
                                      const JyHomeBedDischargeRequest *request,
                                      const GDate                     *today,
                                      GError                         **error);

/* --- Reads ------------------------------------------------------------- */

JyHomeBedRecord *jy_home_bed_store_load      (JyDb          *db,
                                              gint64         home_bed_id,
                                              GError       **error);
/* The resident's beds, newest first (without rounds). */
GPtrArray *jy_home_bed_store_for_resident    (JyDb          *db,
                                              gint64         resident_id,
                                              GError       **error);
/* The latest eligible assessment of the resident not used by a bed yet,
 * 0 if none; its date in @assessed_on. */
gint64     jy_home_bed_store_pending_assessment (JyDb       *db,
                                              gint64         resident_id,
                                              GDate         *assessed_on,
                                              GError       **error);
/* The open application of the resident, 0 if none. */
gint64     jy_home_bed_store_open_application (JyDb         *db,
                                              gint64         resident_id,
                                              GError       **error);
/* Beds due a round by @staff_id on @today or before (doctor's rounds for
 * beds they are the doctor of, nursing visits for beds they are the nurse
 * of), ordered by community, building, bed number: JyHomeBedDueRow. */
GPtrArray *jy_home_bed_store_todays_rounds   (JyDb          *db,
                                              gint64         staff_id,
                                              const GDate   *today,
                                              GError       **error);
/* Every open bed: JyHomeBedCensusRow by community, building, bed. */
GPtrArray *jy_home_bed_store_census          (JyDb          *db,
                                              const GDate   *today,
                                              GError       **error);
/* How many beds @staff_id has due today and overdue (Today page). */
gboolean   jy_home_bed_store_count_due       (JyDb          *db,
                                              gint64         staff_id,
                                              const GDate   *today,
                                              gint64        *due_today,
                                              gint64        *overdue,
                                              GError       **error);
/* The discharge summary drafted from the bed's rounds. */
char      *jy_home_bed_store_draft_summary   (JyDb             *db,
                                              gint64            home_bed_id,
                                              JyDischargeReason reason,
                                              const GDate      *discharged_on,
                                              GError          **error);
/* Timeline entries (JyTimelineEntry, jy-resident-detail.h) of the
 * resident's home beds: admissions, rounds, renewals, discharges. */
gboolean   jy_home_bed_store_add_timeline    (JyDb          *db,
                                              gint64         resident_id,
                                              GPtrArray     *entries,
                                              GError       **error);

/* JyStoreFunc for jy_store_read_async(): @data a JyHomeBedRoundsQuery
 * (g_free), result a GPtrArray of JyHomeBedDueRow. */
typedef struct
{
  gint64 staff_id;
  GDate  today;
} JyHomeBedRoundsQuery;

gpointer jy_home_bed_todays_rounds_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error);
/* @data a GDate (g_free) or NULL for today; result JyHomeBedCensusRow array. */
gpointer jy_home_bed_census_func        (JyDb *db, gpointer data, GCancellable *cancellable, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyHomeBedRecord, jy_home_bed_record_free)

G_END_DECLS
