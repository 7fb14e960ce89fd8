/* jy-chronic-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"
#include "jy-enrolment.h"
#include "jy-followup-rules.h"

G_BEGIN_DECLS

/* Disease programmes and enrolments in them (domain.md §3.1). Follow-ups
 * are in jy-followup-store.h, worklists in jy-chronic-worklist.h.
 *
 * Reads run on any connection (inside jy_store_read); writes inside a
 * write job (jy_store_write), where each call is all or nothing and writes
 * its outbox and audit entries in the job's transaction. The store checks
 * structure and uniqueness; the rules (ICD-10 fit, age ≥ 35, dates in
 * order) are core's jy_enrolment_validate(), which the form runs first. */

/* A row of the programme table: programmes are data, not code. */
typedef struct
{
  gint64       id;
  JyProgramme  programme;        /* NONE for a programme this build does not know */
  char        *code;             /* "htn", "t2dm" */
  char        *name;             /* English, as stored; translate for display */
  char        *icd10_categories; /* WHO categories enrolled, comma-separated: "I10,I11,I12,I13" */
  int          visits_per_year;  /* face-to-face visits the norm asks for: 4 */
} JyProgrammeInfo;

void       jy_programme_info_free           (JyProgrammeInfo *info);

/* The worklist state the store keeps for an enrolment, derived from its
 * follow-ups (the invariants are above migration_3 in jy-migrations.c). */
typedef struct
{
  char            *last_visit_date;  /* latest final follow-up; NULL if none */
  char            *last_f2f_date;    /* latest face-to-face one; NULL if none */
  JyFollowupClass  last_class;
  char            *next_due_date;    /* NULL when no visit is proposed */
  JyFollowupAction due_action;
  gboolean         referral_open;    /* a referral awaits its follow-up */
  int              norm_year;
  int              norm_visits;      /* norm-counted face-to-face visits in norm_year */
  char            *behind_date;      /* falls behind the quarterly pace on; NULL if not this year */
} JyEnrolmentState;

void       jy_enrolment_state_free          (JyEnrolmentState *state);

/* Returns: (transfer full): JyProgrammeInfo, by id. */
GPtrArray *jy_chronic_store_list_programmes (JyDb             *db,
                                             GError          **error);

/* NOT_FOUND if there is no such enrolment. */
JyEnrolment *
           jy_chronic_store_load_enrolment  (JyDb             *db,
                                             gint64            id,
                                             GError          **error);
/* Returns: (transfer full): every enrolment of the resident, whatever its
 * status: managing ones first, then by enrol_date, newest first. */
GPtrArray *jy_chronic_store_list_enrolments (JyDb             *db,
                                             gint64            resident_id,
                                             GError          **error);
/* The resident's managing enrolment in @programme, or NULL (error unset)
 * when there is none. */
JyEnrolment *
           jy_chronic_store_find_managing   (JyDb             *db,
                                             gint64            resident_id,
                                             JyProgramme       programme,
                                             GError          **error);
JyEnrolmentState *
           jy_chronic_store_load_state      (JyDb             *db,
                                             gint64            enrolment_id,
                                             GError          **error);

/* Writes. enrol: @enrolment->id must be 0; on success id, uuid, rev (1)
 * and status ("managing") are set, and team_id, when 0, becomes the
 * resident's team. Fails with DUPLICATE when the resident is already
 * managed in that programme, NOT_FOUND for an unknown resident, INVALID
 * without a programme or a valid enrol_date. */
gboolean   jy_chronic_store_enrol           (JyDb             *db,
                                             JyEnrolment      *enrolment,
                                             GError          **error);
/* Ends a managing enrolment: it stays, with date, reason (death,
 * moved-out, diagnosis-revoked, refused) and note, and its follow-ups stay
 * with it. @rev is the one loaded (CONFLICT if it changed since). */
gboolean   jy_chronic_store_end_enrolment   (JyDb             *db,
                                             gint64            id,
                                             gint64            rev,
                                             const char       *end_date,
                                             const char       *reason,
                                             const char       *note,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyProgrammeInfo, jy_programme_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyEnrolmentState, jy_enrolment_state_free)

G_END_DECLS
