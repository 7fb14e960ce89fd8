/* jy-contract-worklist.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"

G_BEGIN_DECLS

/* The contract worklists of Today and the Contracts page (domain.md §2.5):
 * each an index range at 200,000 residents, sorted by urgency, with the
 * total count for the header and a page of rows.
 *
 *  NOT_CONTACTED  signed residents owed this quarter's proactive contact
 *                 (jy_contact_is_owed: signed throughout the quarter, so a
 *                 first partial quarter is not owed) without a counting
 *                 contact yet (team-initiated, any channel). Longest
 *                 without a contact first, never contacted before all.
 *                 Due date: the quarter's last day. Team and doctor: those
 *                 of the contract in force on the due date.
 *  EXPIRING       contracts in force today with at most 30 days left that
 *                 are not renewed (jy_contract_is_expiring, default policy).
 *                 Fewest days left first. Due date: the contract's end.
 *  ELDERLY_CHECK  active residents aged 65 or over this year (born on or
 *                 before 31 Dec of year − 65, the annual rule) without a
 *                 65+ health check this calendar year. Until the health-
 *                 check record exists a check is a delivery of the basic
 *                 package's "elderly-annual-check" item
 *                 (jy_contract_store_log_contact / _record_delivery).
 *                 Signed or not: the check is a public-health service for
 *                 every 65+ resident (indicator F08). Oldest first. Team:
 *                 the resident's team; doctor: the responsible doctor of
 *                 the resident's latest contract (unsigned residents never
 *                 match a doctor filter). Due date: 31 December. */
typedef enum
{
  JY_CONTRACT_WORKLIST_NOT_CONTACTED,
  JY_CONTRACT_WORKLIST_EXPIRING,
  JY_CONTRACT_WORKLIST_ELDERLY_CHECK,
  JY_CONTRACT_WORKLIST_N
} JyContractWorklistKind;

typedef struct
{
  JyContractWorklistKind kind;
  gint64         team_id;     /* 0: every team */
  gint64         doctor_id;   /* 0: every doctor */
  GDate          today;       /* cleared: the real today */
  guint          offset;
  guint          limit;       /* 0: 50 */
} JyContractWorklistQuery;

void jy_worklist_query_init (JyContractWorklistQuery *query,
                             JyContractWorklistKind   kind);

/* One line of a worklist: enough to show, open the resident and act. */
typedef struct
{
  gint64  resident_id;
  char   *resident_uuid;
  char   *name;
  char   *sex;                 /* GB/T 2261.1 code */
  char   *birth_date;          /* YYYY-MM-DD */
  int     age;                 /* full years today */
  char   *phone_masked;        /* 138****1234; NULL if none */
  gint64  team_id;
  char   *team_name;
  gint64  doctor_id;           /* 0: none (an unsigned 65+ resident) */
  char   *doctor_name;
  gint64  contract_id;         /* the contract to act on; 0: none */
  gint64  contract_rev;        /* for jy_contract_store_renew() */
  char   *contract_no;
  char   *contract_end;        /* YYYY-MM-DD, the term's end */
  int     days_left;           /* to contract_end (EXPIRING); else to due_date */
  char   *last_contact_date;   /* latest counting contact; NULL: never */
  char   *last_check_date;     /* latest 65+ check (ELDERLY_CHECK); NULL: never */
  char   *due_date;            /* YYYY-MM-DD */
} JyContractWorklistRow;

typedef struct
{
  JyContractWorklistKind  kind;
  gint64          total;      /* rows in the whole worklist */
  GPtrArray      *rows;       /* JyContractWorklistRow, [offset, offset + limit) */
} JyContractWorklistPage;

/* Today's counts, one call (each a count of the worklist above, same
 * filters), plus residents signed today. */
typedef struct
{
  gint64 not_contacted;
  gint64 expiring;
  gint64 elderly_unchecked;
  /* Owed a contact last quarter and never got one (overdue). */
  gint64 not_contacted_last_quarter;
  gint64 signed_residents;
} JyContractWorklistCounts;

void              jy_contract_worklist_row_free      (JyContractWorklistRow    *row);
void              jy_contract_worklist_page_free     (JyContractWorklistPage   *page);

JyContractWorklistPage   *jy_contract_worklist_load   (JyDb                  *db,
                                               const JyContractWorklistQuery *query,
                                               GCancellable          *cancellable,
                                               GError               **error);
/* kind, offset and limit of @query are ignored. */
JyContractWorklistCounts *jy_contract_worklist_count  (JyDb                  *db,
                                               const JyContractWorklistQuery *query,
                                               GCancellable          *cancellable,
                                               GError               **error);

/* JyStoreFunc forms for jy_store_read_async(): @data is a JyContractWorklistQuery
 * (free with g_free), results a JyContractWorklistPage (jy_contract_worklist_page_free) and
 * a JyContractWorklistCounts (g_free). */
gpointer          jy_contract_worklist_load_func  (JyDb          *db,
                                                   gpointer       data,
                                                   GCancellable  *cancellable,
                                                   GError       **error);
gpointer          jy_contract_worklist_count_func (JyDb          *db,
                                                   gpointer       data,
                                                   GCancellable  *cancellable,
                                                   GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyContractWorklistRow, jy_contract_worklist_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyContractWorklistPage, jy_contract_worklist_page_free)

G_END_DECLS
