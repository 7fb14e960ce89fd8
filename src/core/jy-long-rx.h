/* jy-long-rx.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "jy-followup.h"

G_BEGIN_DECLS

/* Long prescriptions (长期处方, domain.md §4): the drug catalogue, the
 * prescription and its items, the checks made before saving, the
 * instalments, proxy collection and the review and stop rules. Pure
 * functions; dates are local "YYYY-MM-DD" (Asia/Shanghai). Every message
 * is an English msgid already passed through _(). */

/* ---- Configuration (domain.md's "(configurable)" values) ---- */

typedef struct
{
  int normal_days;           /* ≤ this needs no assessment: 28 */
  int min_days;              /* a long prescription covers at least: 28 */
  int max_days;              /* cap, local insurance may lower it: 84 */
  int release_lead_days;     /* next instalment from 7 days before the supply ends */
  int review_window_days;    /* a renewal needs a face-to-face assessment within: 84 */
  int expiring_days;         /* "expiring" worklist: supply ends within 14 days */
  int authorisation_days;    /* a proxy authorisation is renewed yearly: 365 */
  int elderly_age;           /* proxy collection for residents aged ≥ 65 */
  int lab_window_days;       /* narrow-index drug over normal_days: a lab value within 28 days */
} JyLongRxConfig;

void jy_long_rx_config_init (JyLongRxConfig *config);

/* ---- Drug catalogue (§4.3, §4.7) ---- */

/* Classes that may never be on a long prescription (§4.3), as bit flags
 * stored in drug.exclusions. */
typedef enum
{
  JY_DRUG_EXCLUSION_NONE            = 0,
  JY_DRUG_EXCLUSION_TOXIC           = 1 << 0, /* 医疗用毒性药品 */
  JY_DRUG_EXCLUSION_RADIOACTIVE     = 1 << 1, /* 放射性药品 */
  JY_DRUG_EXCLUSION_PRECURSOR       = 1 << 2, /* 易制毒药品 */
  JY_DRUG_EXCLUSION_NARCOTIC        = 1 << 3, /* 麻醉药品 */
  JY_DRUG_EXCLUSION_PSYCHOTROPIC    = 1 << 4, /* 第一类、第二类精神药品 */
  JY_DRUG_EXCLUSION_ANTIMICROBIAL   = 1 << 5, /* 抗微生物药物 */
  JY_DRUG_EXCLUSION_SPECIAL_STORAGE = 1 << 6, /* 对储存条件有特殊要求 */
} JyDrugExclusion;

#define JY_DRUG_EXCLUSION_ALL (0x7f)

/* Other flags of a catalogue line. */
typedef enum
{
  JY_DRUG_FLAG_NONE              = 0,
  /* Special storage the local list allows (insulin): printed advice. */
  JY_DRUG_FLAG_STORAGE_ADVICE    = 1 << 0,
  JY_DRUG_FLAG_HIGH_ALERT        = 1 << 1, /* 高警示药品 */
  JY_DRUG_FLAG_NARROW_INDEX      = 1 << 2, /* narrow therapeutic index */
  /* An antimicrobial listed for a chronic infection (TB): allowed. */
  JY_DRUG_FLAG_CHRONIC_INFECTION = 1 << 3,
} JyDrugFlag;

typedef struct
{
  gint64  id;              /* 0 until saved */
  char   *code;            /* the centre's code, e.g. "C08CA01-5" */
  char   *generic_name;    /* 通用名 */
  char   *english_name;
  char   *strength;        /* "5 mg" */
  char   *form;            /* "tablet", "capsule", "pen" */
  char   *usual_dose;      /* as the label says, free text */
  char   *atc;
  char   *insurance_code;  /* 国家医保药品编码, may be NULL */
  char   *insurance_class; /* "甲", "乙" or NULL */
  char   *unit;            /* what a dose is counted in: "片", "粒", "IU" */
  double  pack_size;       /* units per pack, > 0 */
  char   *pack_unit;       /* "盒", "支" */
  guint   exclusions;      /* JyDrugExclusion */
  guint   flags;           /* JyDrugFlag */
  gboolean active;
} JyDrug;

JyDrug     *jy_drug_new    (void);
JyDrug     *jy_drug_copy   (const JyDrug *self);
void        jy_drug_free   (JyDrug       *self);

/* The §4.3 excluded class a drug belongs to (the first if several),
 * taking its allowances (chronic infection) into account; NONE when it
 * may be prescribed. */
JyDrugExclusion jy_drug_refused_class (const JyDrug *self);
/* The refusal, quoting the rule: "Diazepam is a psychotropic drug (class
 * I or II). 长期处方管理规范 §4.3: …". Translated, caller frees. */
char       *jy_drug_exclusion_message (const char      *drug_name,
                                       JyDrugExclusion  klass);
/* English msgid for a class, e.g. "Narcotic" */
const char *jy_drug_exclusion_label   (JyDrugExclusion  klass);

/* ---- Items and quantity (§4.2) ---- */

typedef enum
{
  JY_DOSE_FREQUENCY_NONE = 0,
  JY_DOSE_FREQUENCY_QD,   /* once a day */
  JY_DOSE_FREQUENCY_BID,  /* twice */
  JY_DOSE_FREQUENCY_TID,  /* three times */
  JY_DOSE_FREQUENCY_QID,  /* four times */
  JY_DOSE_FREQUENCY_QN,   /* every night */
  JY_DOSE_FREQUENCY_QW,   /* once a week */
  JY_DOSE_FREQUENCY_LAST
} JyDoseFrequency;

const char      *jy_dose_frequency_to_code   (JyDoseFrequency f); /* "qd" … */
JyDoseFrequency  jy_dose_frequency_from_code (const char     *code);
const char      *jy_dose_frequency_label     (JyDoseFrequency f); /* English msgid */
/* How many doses @days days hold: qd 1 a day … qw one per started week. */
int              jy_dose_frequency_doses     (JyDoseFrequency f,
                                              int             days);

typedef struct
{
  char            *drug_code;
  char            *drug_name;     /* generic name, as printed */
  char            *strength;
  char            *form;
  char            *unit;          /* unit of @dose */
  double           dose;          /* per time, in @unit */
  JyDoseFrequency  frequency;
  char            *route;         /* "oral", "subcutaneous" */
  int              days;          /* ≤ the prescription's days */
  double           pack_size;
  char            *pack_unit;
  int              packs;         /* jy_long_rx_item_packs() at save */
  guint            exclusions;    /* copied from the catalogue */
  guint            flags;
  gboolean         off_label;     /* 超说明书用药: refused */
  char            *insurance_class;
} JyLongRxItem;

JyLongRxItem *jy_long_rx_item_new       (void);
/* An item for @drug with its catalogue fields copied. */
JyLongRxItem *jy_long_rx_item_new_for   (const JyDrug       *drug);
JyLongRxItem *jy_long_rx_item_copy      (const JyLongRxItem *self);
void          jy_long_rx_item_free      (JyLongRxItem       *self);

/* ceil(dose × doses(days) ÷ pack size), 0 when something is missing. */
int           jy_long_rx_quantity_packs (double           dose,
                                         JyDoseFrequency  frequency,
                                         int              days,
                                         double           pack_size);
int           jy_long_rx_item_packs     (const JyLongRxItem *self);

/* ---- The prescription ---- */

typedef enum
{
  JY_LONG_RX_STATE_ACTIVE = 0,  /* 执行中 */
  JY_LONG_RX_STATE_COMPLETED,   /* every instalment dispensed, supply ended */
  JY_LONG_RX_STATE_RENEWED,     /* replaced by a renewal */
  JY_LONG_RX_STATE_STOPPED,     /* 停用, with a reason */
  JY_LONG_RX_STATE_LAST
} JyLongRxState;

const char    *jy_long_rx_state_to_code   (JyLongRxState state);
JyLongRxState  jy_long_rx_state_from_code (const char   *code);
const char    *jy_long_rx_state_label     (JyLongRxState state);

/* §4.6 */
typedef enum
{
  JY_LONG_RX_STOP_NONE = 0,
  JY_LONG_RX_STOP_CONDITION_CHANGE,  /* follow-up class 2/3/4, danger sign */
  JY_LONG_RX_STOP_ADVERSE_REACTION,
  JY_LONG_RX_STOP_HOSPITALISATION,
  JY_LONG_RX_STOP_REGIMEN_CHANGE,
  JY_LONG_RX_STOP_CONTRAINDICATION,  /* new contraindication or interaction */
  JY_LONG_RX_STOP_DEATH,
  JY_LONG_RX_STOP_MOVED_OUT,
  JY_LONG_RX_STOP_CONTRACT_ENDED,
  JY_LONG_RX_STOP_OTHER,
  JY_LONG_RX_STOP_LAST
} JyLongRxStopReason;

const char         *jy_long_rx_stop_reason_to_code   (JyLongRxStopReason r);
JyLongRxStopReason  jy_long_rx_stop_reason_from_code (const char        *code);
const char         *jy_long_rx_stop_reason_label     (JyLongRxStopReason r);

typedef struct
{
  gint64         id;
  char          *uuid;
  gint64         rev;
  char          *rx_no;             /* prescription number */
  gint64         resident_id;
  gint64         doctor_id;
  gint64         team_id;
  gint64         renews_id;         /* the prescription this one renews, or 0 */
  char          *issue_date;
  char          *diagnosis_code;    /* ICD-10, "I10", "E11.9", "I10,E11.9" */
  char          *diagnosis_text;
  int            total_days;
  int            days_per_dispense; /* instalment length, e.g. 28 */
  gboolean       assessment_done;   /* documented assessment in the record */
  char          *assessment_note;
  gboolean       education_given;
  gboolean       patient_confirmed; /* signature or equivalent */
  char          *review_date;       /* next 复诊, ≤ end of supply */
  JyLongRxState  state;
  char          *stop_date;
  JyLongRxStopReason stop_reason;
  char          *stop_note;
  GPtrArray     *items;             /* JyLongRxItem */
} JyLongRx;

#define JY_TYPE_LONG_RX (jy_long_rx_get_type ())
GType     jy_long_rx_get_type (void) G_GNUC_CONST;
JyLongRx *jy_long_rx_new      (void);
JyLongRx *jy_long_rx_copy     (const JyLongRx *self);
void      jy_long_rx_free     (JyLongRx       *self);

/* A refusal at one field: "days", "assessment", "confirmation",
 * "instalment", "items", "item-drug", "item-dose", "item-frequency",
 * "item-days"; item is the index for the item fields, else -1. */
typedef struct
{
  const char *field;
  int         item;
  char       *message;
} JyLongRxProblem;

void jy_long_rx_problem_free (JyLongRxProblem *self);

/* Every rule of §4.2–4.4 the prescription breaks, in form order (an
 * empty array when it may be saved). Computes nothing: call
 * jy_long_rx_compute() first. */
GPtrArray *jy_long_rx_check    (const JyLongRx       *rx,
                                const JyLongRxConfig *config);
/* §4.7: a drug of narrow therapeutic index (JY_DRUG_FLAG_NARROW_INDEX:
 * digoxin, warfarin) on a prescription over normal_days needs a lab
 * value (drug level, INR) taken in the lab_window_days up to the issue
 * date. @lab_dates[i] is item i's latest lab date ("YYYY-MM-DD") or NULL;
 * @lab_dates may be NULL when none is known. Appends an "item-lab"
 * problem per item that lacks one to @problems. */
void       jy_long_rx_check_lab_values (const JyLongRx       *rx,
                                        const char *const    *lab_dates,
                                        const JyLongRxConfig *config,
                                        GPtrArray            *problems);
/* Fills each item's packs and the review date (end of supply when
 * unset). */
void       jy_long_rx_compute  (JyLongRx             *rx);
/* The last day covered: issue + total days − 1. Caller frees. */
char      *jy_long_rx_end_date (const JyLongRx       *rx);

/* ---- Eligibility (§4.1, §2, §3.5) ---- */

/* The latest follow-up of one programme, as the store reads it. */
typedef struct
{
  JyProgramme      programme;
  const char      *visit_date;   /* NULL: no follow-up yet */
  JyFollowupClass  classification;
  guint            danger;       /* JyDangerSign found */
  int              adherence;    /* 1 regular, 2 intermittent, 3 none, 0 not recorded */
  const char      *face_to_face_date; /* latest face-to-face one, or NULL */
} JyLongRxFollowupFacts;

typedef struct
{
  const char  *today;
  gboolean     record_closed;     /* moved out, dead */
  JyProgramme  enrolled;          /* active enrolments */
  JyProgramme  diagnosed;         /* of those, with a confirmed diagnosis */
  gboolean     contract_active;   /* a signed contract in force today */
  JyLongRxFollowupFacts latest[2]; /* HTN, T2DM; .programme NONE when unused */
} JyLongRxEligibilityFacts;

void       jy_long_rx_eligibility_facts_init (JyLongRxEligibilityFacts *facts);
/* Every reason the resident may not have a long prescription; empty when
 * eligible. char * messages. */
GPtrArray *jy_long_rx_eligibility (const JyLongRxEligibilityFacts *facts,
                                   const JyLongRxConfig           *config);

/* ---- Instalments (§4.5) ---- */

typedef struct
{
  int  number;        /* 1-based */
  char due_date[11];  /* the day this instalment's supply starts */
  char release_date[11]; /* may be handed out from (due − lead), never before issue */
  int  days;          /* days this instalment covers */
} JyLongRxInstalment;

/* The instalments of total_days in days_per_dispense pieces from
 * issue_date; the last one holds the remainder. */
GArray *jy_long_rx_schedule (const char *issue_date,
                             int         total_days,
                             int         days_per_dispense,
                             int         release_lead_days);
/* Packs of one item for an instalment of @days. */
int     jy_long_rx_item_instalment_packs (const JyLongRxItem *item,
                                          int                 days);

/* When the next instalment may be released: the previous one ran from
 * @previous_date (dispensed) for @previous_days; it may go out from
 * lead days before that supply ends. Caller frees. */
char   *jy_long_rx_next_release_date (const char *previous_date,
                                      int         previous_days,
                                      int         release_lead_days);

/* ---- Proxy collection (代取药, §4.5) ---- */

typedef struct
{
  const char *today;
  /* the patient */
  gboolean    contract_active;
  int         age;                /* full years */
  gboolean    disabled;
  gboolean    bedridden;
  const char *patient_id_number;
  /* the authorisation given in advance */
  const char *authorisation_date;
  /* what is collected: a repeat of the current prescription, not a new
   * drug or dose change */
  gboolean    repeat_of_current;
  /* the proxy */
  const char *proxy_name;
  const char *proxy_relation;
  const char *proxy_id_number;
  const char *proxy_phone;
} JyLongRxProxyFacts;

/* Every reason the proxy may not collect, as JyLongRxProblem with
 * fields "patient", "authorisation", "repeat", "proxy-name",
 * "proxy-relation", "proxy-id", "proxy-phone". */
GPtrArray *jy_long_rx_proxy_check (const JyLongRxProxyFacts *facts,
                                   const JyLongRxConfig     *config);

/* ---- Review, renewal and stop (§4.6) ---- */

/* Whether the review is due on @today (on or after review_date) for an
 * active prescription. */
gboolean   jy_long_rx_review_due  (const JyLongRx *rx,
                                   const char     *today);
/* Whether an active prescription's supply ends within the expiring
 * window (end date in [today, today + expiring_days]). */
gboolean   jy_long_rx_expiring    (const JyLongRx       *rx,
                                   const char           *today,
                                   const JyLongRxConfig *config);
/* Why a renewal is refused (char * messages), empty when it may be
 * renewed: stopped or renewed already, no face-to-face assessment in the
 * review window. */
GPtrArray *jy_long_rx_renewal_check (const JyLongRx       *rx,
                                     const char           *today,
                                     const char           *last_face_to_face,
                                     const JyLongRxConfig *config);
/* The stop reason a follow-up calls for (class 2/3/4 or a danger sign →
 * condition change), NONE when it calls for none. */
JyLongRxStopReason jy_long_rx_stop_reason_for_followup (JyFollowupClass klass,
                                                        guint           danger);
/* Whether a stop is complete: a reason, a date not before the issue date,
 * and a note for "other". Message translated, caller frees. */
gboolean   jy_long_rx_stop_check  (const JyLongRx     *rx,
                                   JyLongRxStopReason  reason,
                                   const char         *stop_date,
                                   const char         *note,
                                   char              **message);

/* ---- The review visit (复诊, §4.6) ---- */

typedef enum
{
  JY_LONG_RX_REVIEW_CONTINUE = 0, /* stable: keep the prescription */
  JY_LONG_RX_REVIEW_ADJUST,       /* regimen changes: stop, then issue anew */
  JY_LONG_RX_REVIEW_STOP,         /* stop with a reason */
  JY_LONG_RX_REVIEW_LAST
} JyLongRxReviewDecision;

const char *jy_long_rx_review_decision_label (JyLongRxReviewDecision d); /* English msgid */

/* The next review proposed after a review on @review_date: one normal
 * cycle (config->normal_days) later, no later than the end of supply.
 * NULL when the supply ends on or before @review_date (renew or stop
 * instead). Caller frees. */
char      *jy_long_rx_next_review_date (const JyLongRx       *rx,
                                        const char           *review_date,
                                        const JyLongRxConfig *config);
/* Whether a review may be recorded as decided: an active prescription,
 * a date from the issue date to today, and "continue" only when the
 * condition is stable and a next review still fits in the supply.
 * Message translated, caller frees. */
gboolean   jy_long_rx_review_check     (const JyLongRx         *rx,
                                        const char             *review_date,
                                        const char             *today,
                                        gboolean                stable,
                                        JyLongRxReviewDecision  decision,
                                        const JyLongRxConfig   *config,
                                        char                  **message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyDrug, jy_drug_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyLongRxItem, jy_long_rx_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyLongRx, jy_long_rx_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyLongRxProblem, jy_long_rx_problem_free)

G_END_DECLS
