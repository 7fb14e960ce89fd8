/* jy-long-rx-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"
#include "jy-long-rx.h"
#include "jy-resident-detail.h"

G_BEGIN_DECLS

/* Long prescriptions in the store (domain.md §4, issue #9). Every call
 * runs inside a store job (jy_store_read/write and their async twins);
 * writes add their outbox and audit rows in the job's transaction.
 * Dates are local YYYY-MM-DD; @today NULL means the real today. */

/* ---- Drug catalogue (jy-drug-store.c) ---- */

/* The §4.7 catalogue (seeds[] of jy-migrations.c). */
gboolean   jy_drug_store_seed        (JyDb        *db,
                                      GError     **error);
/* Active drugs whose generic name, English name or code contains @query,
 * or whose pinyin (initials or full, of every reading) contains it as
 * typed in letters: "aldp" finds 苯磺酸氨氯地平片 (bhsaldpp). Names
 * starting with the query first, then by name; up to @limit (0: 50)
 * JyDrug. */
GPtrArray *jy_drug_store_search      (JyDb        *db,
                                      const char  *query,
                                      guint        limit,
                                      GError     **error);
JyDrug    *jy_drug_store_load        (JyDb        *db,
                                      const char  *code,
                                      GError     **error);
/* Adds a drug, or updates the one with its code (JY_PERMISSION_DRUG_CATALOGUE). */
gboolean   jy_drug_store_save        (JyDb        *db,
                                      JyDrug      *drug,
                                      GError     **error);
/* Imports a catalogue CSV (UTF-8 or GB18030): a header row naming
 * columns code, generic_name, english_name, strength, form, usual_dose,
 * atc, insurance_code, insurance_class, unit, pack_size, pack_unit,
 * exclusions, flags (Chinese headers 编码, 通用名 … are accepted too);
 * exclusions and flags are words separated by ';' (narcotic;
 * psychotropic …, storage-advice; high-alert …). Bad rows are skipped and
 * described in @problems (char *, "line 3: pack size must be a number");
 * the others are saved. Returns the number saved, -1 on a store error. */
int        jy_drug_store_import_csv  (JyDb        *db,
                                      const char  *contents,
                                      gsize        length,
                                      GPtrArray  **problems,
                                      GError     **error);

/* ---- Prescriptions (jy-long-rx-store.c) ---- */

/* What the issue dialog needs about a resident: the eligibility facts
 * (pointing into the strings held here) and every reason found. */
typedef struct
{
  JyLongRxEligibilityFacts facts;
  GPtrArray *reasons;          /* char *, empty when eligible */
  char      *today;
  char      *visit_date[2];
  char      *f2f_date[2];
  char      *diagnosis_code;   /* the enrolments' ICD-10, "I10,E11.9" */
  char      *diagnosis_text;   /* "高血压, 2型糖尿病" */
  gint64     team_id;          /* of the contract in force, else the resident's */
  gint64     contract_doctor_id;
  int        age;
  gboolean   disabled;
  gboolean   bedridden;
  char      *id_number;
  gint64     current_rx_id;    /* the active prescription, 0 if none */
} JyLongRxResidentFacts;

void                   jy_long_rx_resident_facts_free (JyLongRxResidentFacts *facts);
JyLongRxResidentFacts *jy_long_rx_store_resident_facts (JyDb        *db,
                                                        gint64       resident_id,
                                                        const char  *today,
                                                        GError     **error);

/* Issues @rx (JY_PERMISSION_LONG_RX_ISSUE): refuses with
 * JY_STORE_ERROR_INVALID when the resident is not eligible or a rule of
 * jy_long_rx_check() is broken (message: the first reason, translated).
 * The doctor is the session's staff (or rx->doctor_id for the system),
 * the number, packs, review and end dates are computed. Returns the
 * saved prescription. */
JyLongRx  *jy_long_rx_store_issue    (JyDb           *db,
                                      const JyLongRx *rx,
                                      GError        **error);
JyLongRx  *jy_long_rx_store_load     (JyDb           *db,
                                      gint64          id,
                                      GError        **error);
/* The resident's prescriptions, newest first (JyLongRx). */
GPtrArray *jy_long_rx_store_list     (JyDb           *db,
                                      gint64          resident_id,
                                      GError        **error);

/* Renews @id (which must be active and rev @rev) with @renewal (the
 * same rules as issuing, plus jy_long_rx_renewal_check()): the old one
 * becomes 'renewed', the new one links renews_id. */
JyLongRx  *jy_long_rx_store_renew    (JyDb           *db,
                                      gint64          id,
                                      gint64          rev,
                                      const JyLongRx *renewal,
                                      GError        **error);
/* Stops @id with a reason (jy_long_rx_stop_check): remaining
 * instalments are cancelled (next_due_date cleared). */
JyLongRx  *jy_long_rx_store_stop     (JyDb              *db,
                                      gint64             id,
                                      gint64             rev,
                                      JyLongRxStopReason reason,
                                      const char        *stop_date,
                                      const char        *note,
                                      GError           **error);
/* Records the review (复诊) of @id on @date and sets the next review
 * date (not later than the end of supply). */
JyLongRx  *jy_long_rx_store_review   (JyDb           *db,
                                      gint64          id,
                                      gint64          rev,
                                      const char     *date,
                                      const char     *next_review,
                                      const char     *note,
                                      GError        **error);

/* ---- Dispensing ---- */

typedef struct
{
  gint64      long_rx_id;
  gint64      rev;               /* of the prescription */
  const char *dispense_date;
  gboolean    proxy;             /* collected by a proxy */
  gboolean    bedridden;         /* the patient is bedridden (seen by the dispenser) */
  const char *proxy_name;
  const char *proxy_relation;
  const char *proxy_id_number;
  const char *proxy_phone;
  const char *authorisation_date;
  const char *authorisation_ref; /* scan or paper reference */
} JyLongRxDispenseRequest;

typedef struct
{
  gint64  id;
  char   *uuid;
  int     instalment;
  char   *dispense_date;
  int     days;
  char   *dispenser_name;
  gboolean proxy;
  char   *proxy_name;
  char   *proxy_relation;
  char   *proxy_id_masked;
  char   *items;             /* JSON of what was handed out */
} JyLongRxDispense;

void       jy_long_rx_dispense_free  (JyLongRxDispense *d);

/* Hands out the next instalment of an active prescription
 * (JY_PERMISSION_LONG_RX_DISPENSE): not before its release date (7 days
 * before the previous supply ends), not past the end; a proxy only
 * where jy_long_rx_proxy_check() allows (JY_STORE_ERROR_INVALID,
 * message translated). Returns the dispense. */
JyLongRxDispense *jy_long_rx_store_dispense (JyDb                          *db,
                                             const JyLongRxDispenseRequest *request,
                                             GError                       **error);
/* The dispenses of a prescription, in instalment order. */
GPtrArray *jy_long_rx_store_dispenses (JyDb      *db,
                                       gint64     long_rx_id,
                                       GError   **error);

/* Everything a printed slip or card needs, for jy_store_read_async():
 * @data is a gint64 * prescription id. */
typedef struct
{
  JyLongRx  *rx;
  GPtrArray *dispenses;      /* JyLongRxDispense */
  char      *centre_name;
  char      *resident_name;
  char      *sex;
  int        age;            /* on the issue date */
  char      *archive_no;
  char      *doctor_name;
} JyLongRxPrintData;

void     jy_long_rx_print_data_free      (JyLongRxPrintData *data);
gpointer jy_long_rx_store_load_print_func (JyDb          *db,
                                          gpointer       data,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* Recomputes the derived columns of @id (see jy-migrations-long-rx.c). */
gboolean   jy_long_rx_store_derive   (JyDb      *db,
                                      gint64     id,
                                      GError   **error);

/* Timeline events of a resident's prescriptions (issued, renewed,
 * dispensed, stopped), appended to @entries (JyTimelineEntry). */
gboolean   jy_long_rx_add_timeline_events (JyDb      *db,
                                           gint64     resident_id,
                                           GPtrArray *entries,
                                           GError   **error);

/* ---- Worklists (jy-long-rx-worklist.c) ---- */

typedef enum
{
  JY_LONG_RX_WORKLIST_DUE,       /* next instalment due by the end of this week (Sunday) */
  JY_LONG_RX_WORKLIST_REVIEW,    /* review date by the end of this week */
  JY_LONG_RX_WORKLIST_EXPIRING,  /* supply ends within 14 days */
  JY_LONG_RX_WORKLIST_N
} JyLongRxWorklistKind;

typedef struct
{
  JyLongRxWorklistKind kind;
  gint64 team_id;      /* 0: every team */
  gint64 doctor_id;    /* 0: every doctor */
  char   today[11];    /* "" : the real today */
  guint  offset;
  guint  limit;        /* 0: 50 */
} JyLongRxWorklistQuery;

void jy_long_rx_worklist_query_init (JyLongRxWorklistQuery *query,
                                     JyLongRxWorklistKind   kind);

typedef struct
{
  gint64  long_rx_id;
  gint64  long_rx_rev;
  char   *rx_no;
  gint64  resident_id;
  char   *name;
  char   *sex;
  int     age;
  char   *phone_masked;
  gint64  team_id;
  char   *team_name;
  gint64  doctor_id;
  char   *doctor_name;
  char   *issue_date;
  char   *end_date;
  char   *review_date;
  char   *due_date;        /* the list's date: next instalment, review, or end */
  int     days_left;       /* from today to due_date (negative: overdue) */
  int     next_instalment; /* 1-based, 0 when none */
  int     instalments;
  char   *drugs;           /* "苯磺酸氨氯地平片, 盐酸二甲双胍片" */
} JyLongRxWorklistRow;

typedef struct
{
  JyLongRxWorklistKind kind;
  gint64     total;
  GPtrArray *rows;          /* JyLongRxWorklistRow */
} JyLongRxWorklistPage;

typedef struct
{
  gint64 due;
  gint64 review;
  gint64 expiring;
} JyLongRxWorklistCounts;

void                    jy_long_rx_worklist_row_free  (JyLongRxWorklistRow  *row);
void                    jy_long_rx_worklist_page_free (JyLongRxWorklistPage *page);
JyLongRxWorklistPage   *jy_long_rx_worklist_load      (JyDb                        *db,
                                                       const JyLongRxWorklistQuery *query,
                                                       GCancellable                *cancellable,
                                                       GError                     **error);
JyLongRxWorklistCounts *jy_long_rx_worklist_count     (JyDb                        *db,
                                                       const JyLongRxWorklistQuery *query,
                                                       GCancellable                *cancellable,
                                                       GError                     **error);
/* JyStoreFunc forms: @data a JyLongRxWorklistQuery (g_free). */
gpointer jy_long_rx_worklist_load_func  (JyDb *db, gpointer data, GCancellable *cancellable, GError **error);
gpointer jy_long_rx_worklist_count_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyLongRxPrintData, jy_long_rx_print_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyLongRxResidentFacts, jy_long_rx_resident_facts_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyLongRxDispense, jy_long_rx_dispense_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyLongRxWorklistPage, jy_long_rx_worklist_page_free)

G_END_DECLS
