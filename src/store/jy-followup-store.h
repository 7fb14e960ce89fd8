/* jy-followup-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"
#include "jy-followup-rules.h"
#include "jy-followup.h"

G_BEGIN_DECLS

/* Hypertension and type 2 diabetes follow-ups (domain.md §3.3–3.5).
 *
 * A follow-up is a clinical fact: it is saved once and never edited. A
 * correction is a new record that replaces it, and the old one is marked
 * entered-in-error (architecture invariant 2); both stay. Each save or
 * correction also rewrites the enrolment's worklist state, in the same
 * transaction. The store saves what the form decided: classification,
 * action and next visit come from jy_followup_assess() and the doctor,
 * never from here.
 *
 * Reads run on any connection; writes inside a write job, each call all
 * or nothing (a SAVEPOINT), with an outbox and an audit entry per record. */

/* Saves one visit: one record, or one per disease of a combined HTN + DM
 * visit. @actions[i] is the JyFollowupAction the form decided for
 * @records[i]. Each record needs enrolment_id (a managing enrolment of the
 * same resident; resident_id and programme are taken from it when 0/NONE,
 * and must match it otherwise), visit_date and mode. The records share one
 * visit_uuid: the one they carry, or a new one when all are NULL. On
 * success each record's id, uuid, rev (1), status ("final"), visit_uuid,
 * resident_id and programme are set; on failure nothing is saved and the
 * records are as they were. INVALID for a record that breaks this,
 * NOT_FOUND for an unknown enrolment. */
gboolean     jy_followup_store_save_visit        (JyDb                    *db,
                                                  JyFollowup *const       *records,
                                                  const JyFollowupAction  *actions,
                                                  guint                    n_records,
                                                  GError                 **error);

/* Replaces the final follow-up @correction->replaces_id by @correction (a
 * new record: id 0; enrolment and visit_uuid default to the old one's).
 * The old record becomes entered-in-error. CONFLICT if it already is
 * (someone corrected it first), NOT_FOUND if it does not exist. On success
 * @correction is set as by jy_followup_store_save_visit(). */
gboolean     jy_followup_store_correct           (JyDb                    *db,
                                                  JyFollowup              *correction,
                                                  JyFollowupAction         action,
                                                  GError                 **error);

/* One record with its drugs, whatever its status. NOT_FOUND if none. */
JyFollowup  *jy_followup_store_load              (JyDb                    *db,
                                                  gint64                   id,
                                                  GError                 **error);
/* The action recorded with a follow-up (-1 and NOT_FOUND if none). */
int          jy_followup_store_get_action        (JyDb                    *db,
                                                  gint64                   id,
                                                  GError                 **error);

/* Returns: (transfer full): the resident's follow-ups in @programme, all
 * enrolments, newest first (visit_date, then id), each with its drugs.
 * Entered-in-error records are left out unless @include_in_error. */
GPtrArray   *jy_followup_store_history           (JyDb                    *db,
                                                  gint64                   resident_id,
                                                  JyProgramme              programme,
                                                  gboolean                 include_in_error,
                                                  GError                 **error);

/* One final follow-up as a chart shows it. */
typedef struct
{
  gint64          id;
  char            visit_date[11];
  int             sbp;              /* JY_UNMEASURED if not measured */
  int             dbp;
  double          fasting_glucose;  /* mmol/L, JY_UNMEASURED if not measured */
  JyVisitMode     mode;             /* phone values are self-reported */
  JyFollowupClass classification;
} JyFollowupChartPoint;

/* Returns: (transfer full): GArray of JyFollowupChartPoint, every final
 * follow-up of the resident in @programme, oldest first. */
GArray      *jy_followup_store_chart             (JyDb                    *db,
                                                  gint64                   resident_id,
                                                  JyProgramme              programme,
                                                  GError                 **error);

/* "Previous" for jy_followup_assess(): the latest final follow-up of the
 * enrolment dated before @before_date that jy_followup_counts_as_previous()
 * accepts (face to face, seen, the disease's value measured: BP for HTN,
 * fasting glucose for T2DM), chosen in SQL. NULL with @error unset when
 * there is none. */
JyFollowup  *jy_followup_store_previous_for_rule (JyDb                    *db,
                                                  gint64                   enrolment_id,
                                                  const char              *before_date,
                                                  GError                 **error);
/* The enrolment's latest final follow-up, any mode (to carry its drugs
 * over with jy_followup_new_from_previous()); NULL with @error unset when
 * there is none. */
JyFollowup  *jy_followup_store_latest            (JyDb                    *db,
                                                  gint64                   enrolment_id,
                                                  GError                 **error);

/* What the follow-up history page shows for one resident and programme,
 * read in one snapshot: jy_followup_store_load_history() is a JyStoreFunc
 * for jy_store_read(_async) with a JyFollowupHistoryQuery as @data. */
typedef struct
{
  gint64      resident_id;
  JyProgramme programme;
  gboolean    include_in_error;
} JyFollowupHistoryQuery;

typedef struct
{
  GPtrArray *followups;   /* JyFollowup with drugs, newest first */
  GArray    *chart;       /* JyFollowupChartPoint, oldest first */
} JyFollowupHistory;

void         jy_followup_history_free            (JyFollowupHistory       *history);
gpointer     jy_followup_store_load_history      (JyDb                    *db,
                                                  gpointer                 data,
                                                  GCancellable            *cancellable,
                                                  GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyFollowupHistory, jy_followup_history_free)

G_END_DECLS
