/* jy-contract-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-contact.h"
#include "jy-contract.h"
#include "jy-db.h"
#include "jy-package-store.h"
#include "jy-service-package.h"

G_BEGIN_DECLS

/* Family-doctor contracts (家庭医生签约服务, domain.md §2.2–2.5): signing,
 * renewal, termination, the agreement, contacts and delivered services.
 * The rules are core's (jy-contract.h, jy-service-package.h, jy-contact.h);
 * this file stores what they allow. Writes run inside a write job (one
 * transaction): each validates, writes the rows, recomputes the
 * resident's derived worklist data and queues outbox + audit entries.
 * Dates are local dates (GDate); timestamps are UTC ISO 8601 text. */

/* Refusals by a rule (the gui words them: jy_contract_error_describe).
 * Database failures stay in JY_STORE_ERROR. */
typedef enum
{
  /* One active contract per resident (§2.3): another live contract covers
   * some of the days, or (for a new signing with a later start) one is
   * in force on the sign date. The refusal names it. */
  JY_CONTRACT_ERROR_ACTIVE_CONTRACT,
  /* The packages chosen (jy_service_package_check_selection): the refusal
   * lists each problem with the package code and the reason. */
  JY_CONTRACT_ERROR_PACKAGES,
  /* The dates (jy_contract_check_dates): JyContractDatesProblem bits. */
  JY_CONTRACT_ERROR_DATES,
  /* jy_contract_check_renewal() said no: see renewal. */
  JY_CONTRACT_ERROR_RENEWAL,
  /* jy_contract_check_termination() said no: see termination. */
  JY_CONTRACT_ERROR_TERMINATION,
  /* The resident is not active (moved out, dead, lost) or voided. */
  JY_CONTRACT_ERROR_RESIDENT,
  /* The team is not active, or the doctor is not a current member of it
   * who may be responsible (a family or village doctor). */
  JY_CONTRACT_ERROR_TEAM,
  /* A contact or delivery dated after today or with an unreadable time. */
  JY_CONTRACT_ERROR_CONTACT,
} JyContractError;

typedef struct
{
  JyPackageSelectionProblem problem;   /* index into the requested codes */
  char                     *code;      /* the package's code; NULL for NO_BASIC */
  char                     *name;      /* its name (English msgid for seeded ones) */
  int                       min_age;   /* the package's limits, -1: none */
  int                       max_age;
  JySexRequirement          sex;
  int                       age;       /* the resident's on the sign date; -1: unknown */
} JyContractPackageProblem;

/* What a JY_CONTRACT_ERROR carries (GLib extended error). */
typedef struct
{
  /* ACTIVE_CONTRACT */
  gint64           conflicting_id;
  char            *conflicting_no;
  gint64           conflicting_team_id;
  GDate            conflicting_start;
  GDate            conflicting_last;       /* last covered day */
  JyContractState  conflicting_state;      /* on the sign date */
  /* PACKAGES: JyContractPackageProblem */
  GArray          *package_problems;
  /* DATES */
  guint            dates_problems;
  /* RENEWAL, with the window of the contract to renew */
  JyRenewalCheck   renewal;
  GDate            renewal_opens;
  GDate            renewal_closes;
  /* TERMINATION */
  JyTerminationCheck termination;
} JyContractRefusal;

#define JY_CONTRACT_ERROR (jy_contract_error_quark ())
GQuark                   jy_contract_error_quark       (void);
/* NULL unless @error is in JY_CONTRACT_ERROR. */
const JyContractRefusal *jy_contract_error_get_refusal (const GError *error);
/* A translated sentence for the user ("The children's package is for
 * ages 0 to 6; this resident is 70."); NULL for other domains. */
char                    *jy_contract_error_describe    (const GError *error);

/* A package on a contract, as signed. */
typedef struct
{
  gint64                package_id;    /* the catalogue version signed */
  char                 *code;
  char                 *name;          /* English msgid for seeded packages: _() */
  int                   version;
  JyServicePackageKind  kind;
  JyFeeSplit            annual_fee;    /* fen per contract year, as signed */
  /* The version's contents (items with their due rules): for the
   * agreement and jy_fulfilment_*(). */
  JyServicePackage     *definition;
} JyContractPackage;

typedef struct
{
  gint64              id;
  char               *uuid;
  gint64              rev;
  char               *contract_no;
  char               *status;              /* signed, terminated, voided */
  /* jy_contract_state_on (&facts, reference) for the reference the load
   * was given. */
  JyContractState     state;
  /* sign_date, start, end, termination_date/reason, renewed_on (from the
   * live renewal), renews, voided: ready for every jy_contract_*(). */
  JyContractFacts     facts;
  GDate               cover_last;          /* last covered day; cleared if none */
  gint64              resident_id;
  gint64              site_id;
  gint64              team_id;
  char               *team_name;
  gint64              doctor_id;
  char               *doctor_name;
  JySigningChannel    channel;
  char               *signer_name;         /* NULL: the resident signed */
  char               *signer_relation;     /* GB/T 4761 code */
  char               *signer_id_masked;    /* 3502**********1234 */
  char               *consent_version;
  gint64              renews_id;           /* 0: a new signing */
  gint64              renewed_by_id;       /* 0: not renewed */
  char               *termination_note;
  gint64              refund_fen;          /* on termination; -1 if none */
  JyFeeSplit          fee;                 /* the term's total by payer */
  gboolean            fee_paid;
  char               *agreement_printed_at;   /* last print; NULL: never printed */
  char               *agreement_signed_at;    /* NULL: not signed yet */
  char               *created_at;
  char               *created_by_name;     /* staff name; NULL for the system */
  GPtrArray          *packages;            /* JyContractPackage, basic first */
} JyContract;

/* A contact with a resident (履约). */
typedef struct
{
  gint64              id;
  char               *uuid;
  char               *status;              /* final, entered-in-error */
  gint64              resident_id;
  gint64              contract_id;         /* 0: no contract covered the day */
  JyContactChannel    channel;
  JyContactInitiator  initiator;
  gint64              staff_id;
  char               *staff_name;
  char               *contacted_at;        /* UTC */
  GDate               date;                /* the centre's date of contacted_at */
  char               *content;
  GStrv               delivered_items;     /* item codes delivered at it (may be empty) */
} JyContactRecord;

void jy_contract_free              (JyContract        *contract);
void jy_contract_package_free      (JyContractPackage *package);
void jy_contact_record_free        (JyContactRecord   *contact);

typedef struct
{
  gint64              resident_id;
  /* Team and responsible doctor; for a renewal or a transfer 0 keeps the
   * old contract's. doctor_id 0 on a new signing: the team's lead. */
  gint64              team_id;
  gint64              doctor_id;
  GDate               sign_date;           /* cleared: today */
  /* A new signing starts on the sign date unless given a later start
   * (pending until then); ignored for a renewal (§2.3 sets its term). */
  GDate               start_date;
  JySigningChannel    channel;
  const char         *signer_name;         /* NULL: the resident signs */
  const char         *signer_relation;
  const char         *signer_id_number;
  /* NULL-terminated package codes, "basic" among them. For a renewal,
   * NULL carries the old contract's packages over with their yearly fees. */
  const char *const  *package_codes;
  gboolean            fee_paid;
  const char         *consent_version;
} JyContractRequest;

void         jy_contract_request_init          (JyContractRequest       *request);

/* What the signing form needs before saving: whether this is a new
 * signing or a renewal (and of which contract), the term, every offered
 * package with its eligibility for the resident on the sign date, and
 * the doctor's caseload (§2.1: warn over the cap, never block). */
typedef struct
{
  JyPackageRecord      *record;
  JyPackageEligibility  eligibility;
} JyPackageOption;

typedef struct
{
  gint64          resident_id;
  guint32         key_populations;     /* on the sign date (JY_KEY_POPULATION_BIT) */
  int             age;                 /* full years on the sign date; -1 unknown */
  GDate           sign_date;
  JySigningKind   kind;
  gint64          renews_id;           /* the contract a signing now would renew; 0: none */
  /* A live contract in force or pending on the sign date that is not
   * renewable now: a new signing is refused until it ends or is
   * terminated. 0: none. */
  gint64          blocking_id;
  GDate           start;
  GDate           end;
  gint64          team_id;             /* the resident's team, else the renewed contract's */
  gint64          doctor_id;           /* that team's lead, or the renewed contract's doctor */
  gint64          doctor_caseload;     /* residents signed to doctor_id on the sign date */
  gboolean        caseload_exceeded;   /* jy_team_signing_exceeds_caseload() */
  GPtrArray      *options;             /* JyPackageOption, catalogue order */
} JyContractDraft;

void             jy_contract_draft_free        (JyContractDraft *draft);
/* The term's fee of the options whose codes are in @codes (NULL-terminated). */
void             jy_contract_draft_fee         (const JyContractDraft *draft,
                                                const char *const     *codes,
                                                JyFeeSplit            *out);

/* Reads. @reference is the day states are computed for (NULL: today). */
JyContractDraft *jy_contract_store_prepare     (JyDb                    *db,
                                                gint64                   resident_id,
                                                gint64                   team_id,
                                                gint64                   doctor_id,
                                                const GDate             *sign_date,
                                                GError                 **error);
JyContract      *jy_contract_store_load        (JyDb                    *db,
                                                gint64                   id,
                                                const GDate             *reference,
                                                GError                 **error);
/* The resident's contracts, history included (voided ones too: check
 * state), newest start first. */
GPtrArray       *jy_contract_store_list_for_resident (JyDb              *db,
                                                      gint64             resident_id,
                                                      const GDate       *reference,
                                                      GError           **error);
/* The resident's latest contract (resident.contract_id): in force,
 * pending, expired or terminated; *out NULL if they never signed. */
gboolean         jy_contract_store_find_latest (JyDb                    *db,
                                                gint64                   resident_id,
                                                const GDate             *reference,
                                                JyContract             **out,
                                                GError                 **error);
/* Newest first; @limit 0: all. */
GPtrArray       *jy_contract_store_list_contacts (JyDb                  *db,
                                                  gint64                 resident_id,
                                                  guint                  limit,
                                                  GError               **error);

/* Writes. Each returns the new or changed contract as saved (loaded for
 * @today), NULL with the error set. @today NULL: the real today. */
JyContract      *jy_contract_store_sign        (JyDb                    *db,
                                                const JyContractRequest *request,
                                                const GDate             *today,
                                                GError                 **error);
/* 续约 of @id (loaded at @rev): within the renewal window (§2.3); the
 * new term starts the day after the old end, or on the sign date if the
 * old one lapsed. Packages are carried over with the yearly fees they
 * were signed at unless request->package_codes names them anew (then at
 * today's catalogue prices); eligibility is checked again on the new
 * sign date. resident_id in @request is ignored. */
JyContract      *jy_contract_store_renew       (JyDb                    *db,
                                                gint64                   id,
                                                gint64                   rev,
                                                const JyContractRequest *request,
                                                const GDate             *today,
                                                GError                 **error);
/* 解约 on @date (the first day no longer covered) for @reason. A renewal
 * not yet started is terminated with it. The refund of what the resident
 * paid follows the policy (jy_contract_refund_fen). */
JyContract      *jy_contract_store_terminate   (JyDb                    *db,
                                                gint64                   id,
                                                gint64                   rev,
                                                const GDate             *date,
                                                JyTerminationReason      reason,
                                                const char              *note,
                                                const GDate             *today,
                                                GError                 **error);
/* A data-entry error: the contract is kept, marked voided, and excluded
 * everywhere; a contract it renewed counts as not renewed again. */
JyContract      *jy_contract_store_void        (JyDb                    *db,
                                                gint64                   id,
                                                gint64                   rev,
                                                const char              *note,
                                                GError                 **error);
/* Change of team (§2.3: terminate + new contract): terminates @id on
 * @date for @reason and signs a new contract with the team and doctor of
 * @request (doctor 0: the team's lead) from @date, with the same
 * packages and yearly fees; personalised packages the resident is no
 * longer eligible for are left out. Returns the new contract. */
JyContract      *jy_contract_store_transfer    (JyDb                    *db,
                                                gint64                   id,
                                                gint64                   rev,
                                                const JyContractRequest *request,
                                                JyTerminationReason      reason,
                                                const GDate             *today,
                                                GError                 **error);

typedef enum
{
  JY_AGREEMENT_PRINTED,      /* 签约协议书 printed (each print updates the time) */
  JY_AGREEMENT_SIGNED,       /* signed on paper (the first time is kept) */
} JyAgreementEvent;

JyContract      *jy_contract_store_mark_agreement (JyDb                 *db,
                                                   gint64                id,
                                                   JyAgreementEvent      event,
                                                   GError              **error);

typedef struct
{
  gint64              resident_id;
  JyContactChannel    channel;
  JyContactInitiator  initiator;
  gint64              staff_id;            /* 0: unknown */
  const char         *contacted_at;        /* UTC ISO 8601; NULL: now */
  const char         *content;
  /* NULL-terminated package item codes delivered at this contact, e.g.
   * "elderly-annual-check" for the 65+ health check; NULL for none. */
  const char *const  *delivered_items;
} JyContactRequest;

/* Logs a contact (and what was delivered at it); the contract covering
 * its date is linked. Returns the contact's id, 0 on error. */
gint64           jy_contract_store_log_contact   (JyDb                   *db,
                                                  const JyContactRequest *request,
                                                  const GDate            *today,
                                                  GError                **error);
/* A service delivered outside a logged contact (the 65+ health check
 * done at the check-up day). Returns the delivery's id, 0 on error. */
gint64           jy_contract_store_record_delivery (JyDb                 *db,
                                                    gint64                resident_id,
                                                    const char           *item_code,
                                                    const char           *delivered_at,
                                                    gint64                staff_id,
                                                    const char           *note,
                                                    const GDate          *today,
                                                    GError              **error);
/* Marks a contact entered-in-error, with what was delivered at it. */
gboolean         jy_contract_store_void_contact  (JyDb                   *db,
                                                  gint64                  contact_id,
                                                  GError                **error);

/* A resident left (jy_resident_store_retire calls it): death terminates
 * every contract in force or pending on @date for reason 3 (§2.3,
 * automatic), moving out for reason 2. */
gboolean         jy_contract_store_end_for_exit  (JyDb                   *db,
                                                  gint64                  resident_id,
                                                  const char             *status,
                                                  const GDate            *date,
                                                  GError                **error);

/* Recomputes the resident's derived contract data (the worklists' and
 * indicators' columns, migration step 3) from their rows. The writes
 * above do it themselves; call it after writing contract, contact_log
 * or service_delivery rows any other way (a sync pull, an import). */
gboolean         jy_contract_store_refresh_resident (JyDb                *db,
                                                     gint64               resident_id,
                                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyContract, jy_contract_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyContactRecord, jy_contact_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyContractDraft, jy_contract_draft_free)

G_END_DECLS
