/* jy-chronic-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jy-db.h"

G_BEGIN_DECLS

/* Private to src/store/: the worklist state of chronic_enrolment (see the
 * invariants above migration_3 in jy-migrations.c), computed in one place
 * for the repositories (jy-chronic-store.c, jy-followup-store.c) and the
 * demo generator (jy-generator-chronic.c). */

/* One final follow-up of an enrolment, as the state needs it. */
typedef struct
{
  const char *visit_date;        /* YYYY-MM-DD */
  int         mode;              /* JyVisitMode */
  int         outcome;           /* JyFollowupOutcome */
  int         classification;    /* JyFollowupClass */
  int         action;            /* JyFollowupAction */
  const char *next_visit_date;   /* may be NULL */
  gboolean    referral;          /* a referral reason was recorded */
} JyChronicVisitFact;

typedef struct
{
  char     last_visit_date[11];  /* "" = NULL */
  char     last_f2f_date[11];
  int      last_class;
  char     next_due_date[11];
  int      due_action;
  gboolean referral_open;
  int      norm_year;
  int      norm_visits;
  char     behind_date[11];
} JyChronicState;

/* @facts: the enrolment's final follow-ups, ascending by (visit_date, id). */
void     jy_chronic_state_compute (const char               *enrol_date,
                                   int                       visits_per_year,
                                   const JyChronicVisitFact *facts,
                                   guint                     n_facts,
                                   JyChronicState           *out);

/* Reads the enrolment's final follow-ups and rewrites its state; call in
 * the transaction of the change that made it stale. */
gboolean jy_chronic_state_refresh (JyDb                     *db,
                                   gint64                    enrolment_id,
                                   GError                  **error);

/* Binds a state's nine columns at @first .. @first + 8, in the order
 * last_visit_date, last_f2f_date, last_class, next_due_date, due_action,
 * referral_open, norm_year, norm_visits, behind_date. */
void     jy_chronic_state_bind    (sqlite3_stmt             *stmt,
                                   int                       first,
                                   const JyChronicState     *state);

/* A flat JSON object of string members: key, value (may be NULL), …, NULL.
 * For audit details, which stay in the database and never go to logs. */
char    *jy_chronic_describe      (const char               *first_key,
                                   ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
