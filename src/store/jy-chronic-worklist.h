/* jy-chronic-worklist.h
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

/* Who needs what next in hypertension and diabetes care: the worklists of
 * the chronic-disease page and the counts on Today. Each is a range of
 * one index over the enrolments' worklist state (jy-migrations.c,
 * migration_3), so a page and its total take milliseconds at 60,000
 * enrolments. Only managing enrolments are listed.
 *
 * A row is a resident, with the programmes that put them on the list
 * (a patient with both diseases is listed once). Rows are sorted by
 * urgency: earliest due date first, so the most overdue lead, then by
 * resident; a resident with no visit planned at all (the last follow-up
 * proposed none) comes before everyone. Dates are the centre's local
 * dates (Asia/Shanghai, jy-clock.h), whatever the workstation's zone. */
typedef enum
{
  /* Next visit due within the coming seven days, today included
   * (today .. today + 6). A rolling week rather than the ISO week: on a
   * Friday the list still shows next Monday's patients, whom the doctor
   * phones now. Overdue patients are on OVERDUE, not here. */
  JY_WORKLIST_DUE_THIS_WEEK,
  /* Next visit due before today. Due today is not overdue. */
  JY_WORKLIST_OVERDUE,
  /* The last follow-up asked for a 2-week recheck (adjust, or a referral)
   * and the recheck is due within 14 days (today .. today + 13) or
   * overdue. */
  JY_WORKLIST_RECHECK,
  /* Referred at the last follow-up; the referral awaits its follow-up. */
  JY_WORKLIST_REFERRAL,
  /* Fewer norm-counted face-to-face follow-ups this year than the norm
   * requires, and behind one visit per quarter of management: a full
   * three months since 1 January (or since enrolment, when enrolled this
   * year) have passed for each visit that is missing. */
  JY_WORKLIST_BEHIND_NORM,
  JY_WORKLIST_N_KINDS
} JyWorklistKind;

#define JY_WORKLIST_DEFAULT_LIMIT 100
#define JY_WORKLIST_MAX_LIMIT     1000

typedef struct
{
  JyWorklistKind  kind;
  gint64          team_id;    /* the enrolment's team; 0 = every team */
  gint64          doctor_id;  /* the responsible doctor; 0 = every doctor */
  guint           limit;      /* rows on the page; 0 = JY_WORKLIST_DEFAULT_LIMIT */
  guint           offset;
  GDateTime      *now;        /* NULL = the current time; tests pin it */
} JyWorklistQuery;

typedef struct
{
  gint64            resident_id;
  char             *name;
  char             *sex;             /* GB/T 2261.1 code */
  char             *birth_date;
  char             *phone_masked;    /* 138****1234; NULL if none */
  JyProgramme       programmes;      /* the ones that put the resident on this list */
  char             *due_date;        /* earliest next-visit date among them; may be NULL */
  int               days_overdue;    /* today − due_date (negative: due later); 0 without a date */
  char             *last_visit_date; /* latest follow-up among them; NULL if none */
  JyFollowupClass   last_class;      /* the highest (worst) class among them */
  JyFollowupAction  action;          /* the most urgent action asked for */
  gboolean          referral_open;
  int               norm_visits;     /* norm-counted face-to-face visits this year (fewest) */
} JyWorklistRow;

typedef struct
{
  GPtrArray *rows;   /* JyWorklistRow, limit at most */
  guint      total;  /* residents on the whole list */
  GDate      today;  /* the local date the list was made for */
} JyWorklistPage;

void            jy_worklist_row_free             (JyWorklistRow    *row);
void            jy_worklist_page_free            (JyWorklistPage   *page);

/* The centre's local date at @now (NULL: the current time). */
void            jy_chronic_worklist_today        (GDateTime        *now,
                                                  GDate            *out);

JyWorklistPage *jy_chronic_worklist_query        (JyDb             *db,
                                                  const JyWorklistQuery *query,
                                                  GCancellable     *cancellable,
                                                  GError          **error);
/* JyStoreFunc for jy_store_read(_async): @data is a JyWorklistQuery,
 * returns a JyWorklistPage. */
gpointer        jy_chronic_worklist_load         (JyDb             *db,
                                                  gpointer          data,
                                                  GCancellable     *cancellable,
                                                  GError          **error);

/* Residents on each list, for Today: one read, @query's kind, limit and
 * offset ignored. */
typedef struct
{
  guint counts[JY_WORKLIST_N_KINDS];
} JyWorklistCounts;

JyWorklistCounts *jy_chronic_worklist_count      (JyDb             *db,
                                                  const JyWorklistQuery *query,
                                                  GError          **error);
/* JyStoreFunc: @data is a JyWorklistQuery, returns a JyWorklistCounts (g_free). */
gpointer        jy_chronic_worklist_load_counts  (JyDb             *db,
                                                  gpointer          data,
                                                  GCancellable     *cancellable,
                                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyWorklistRow, jy_worklist_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyWorklistPage, jy_worklist_page_free)

G_END_DECLS
