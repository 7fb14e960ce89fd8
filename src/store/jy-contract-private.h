/* jy-contract-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jy-contact.h"
#include "jy-contract.h"
#include "jy-contract-store.h"
#include "jy-db.h"
#include "jy-key-population.h"

G_BEGIN_DECLS

/* Private to src/store/: the derived contract data of migration step 3
 * (contract.renewed_by_id, renewed_on, cover_last, run_first; resident
 * contract_id, last_contact_date, annual_check_date; contact_due), the
 * one computation behind both the repositories (jy_contract_derive_resident,
 * after every write) and the demo generator (in bulk). */

#define JY_ANNUAL_CHECK_ITEM "elderly-annual-check"

typedef struct
{
  gint64          id;
  gint64          team_id;
  gint64          doctor_id;
  gint64          renews_id;      /* 0: a new signing */
  /* sign, start, end, termination and voided as stored; renews from
   * renews_id. renewed_on is an output. */
  JyContractFacts facts;

  /* Outputs of jy_contract_derive_compute(). */
  gint64          renewed_by_id;  /* 0: none */
  GDate           cover_last;     /* cleared: covers no day */
  GDate           run_first;      /* cleared: covers no day */
} JyDeriveContract;

typedef struct
{
  GDate  period_first;
  GDate  period_last;
  gint64 contract_id;
  gint64 team_id;
  gint64 doctor_id;
  GDate  last_contact;            /* cleared: none before the period */
} JyContactDueRow;

/* Fills the outputs of @contracts (any order; voided ones included) from
 * their facts and @contacts (all the resident's live contacts, counting
 * or not), appends the owed-and-not-contacted periods to @due (a GArray
 * of JyContactDueRow, period order) and the latest counting contact to
 * @last_contact. Returns the index of the resident's latest contract
 * (resident.contract_id), -1 if none. */
int       jy_contract_derive_compute  (JyDeriveContract *contracts,
                                       guint             n_contracts,
                                       const JyContact  *contacts,
                                       guint             n_contacts,
                                       GArray           *due,
                                       GDate            *last_contact);

/* Appends the resident's contracts (voided ones too) as stored, derived
 * values included, to @out (a GArray of JyDeriveContract). */
gboolean  jy_contract_load_derive     (JyDb             *db,
                                       gint64            resident_id,
                                       GArray           *out,
                                       GError          **error);

/* Reloads one resident's contracts, contacts and checks and rewrites
 * every derived value of theirs. Call inside the write transaction. */
gboolean  jy_contract_derive_resident (JyDb             *db,
                                       gint64            resident_id,
                                       GError          **error);

/* "YYYY-MM-DD", or NULL for a cleared date (into char[11]). */
const char *jy_contract_format_date   (const GDate      *date,
                                       char              out[11]);
/* Parses "YYYY-MM-DD"; NULL or malformed gives a cleared date. */
void      jy_contract_parse_date      (const char       *text,
                                       GDate            *out);

/* What the contract rules need of a resident. */
typedef struct
{
  gint64  id;
  char   *uuid;
  char   *status;
  char   *sex;
  GDate   birth;                  /* cleared: unknown */
  gint64  team_id;
  char   *household_id;
  GArray *manual_tags;            /* JyManualTag */
} JyContractResident;

void      jy_contract_resident_clear  (JyContractResident *resident);
gboolean  jy_contract_load_resident   (JyDb               *db,
                                       gint64              resident_id,
                                       JyContractResident *out,
                                       GError            **error);
/* jy_key_population_derive() on @on, exact age. Hypertension, diabetes
 * and disability join when their records are in the store. */
guint32   jy_contract_resident_key_populations (const JyContractResident *resident,
                                                const GDate              *on);
int       jy_contract_resident_age    (const JyContractResident *resident,
                                       const GDate              *on);

/* Sets a JY_CONTRACT_ERROR and returns its refusal to fill in (NULL when
 * @error is NULL). @message is for logs: no personal data. */
JyContractRefusal *jy_contract_set_refusal (GError          **error,
                                            JyContractError   code,
                                            const char       *message);

/* jy-contract-lifecycle.c, for the transfer: the contract as loaded for
 * @today, JY_STORE_ERROR_CONFLICT unless still at @rev; terminating it
 * and a renewal of it that has not started by @date. */
JyContract  *jy_contract_load_at_rev  (JyDb                *db,
                                       gint64               id,
                                       gint64               rev,
                                       const GDate         *today,
                                       GError             **error);
gboolean     jy_contract_terminate_with_renewal (JyDb                *db,
                                                 const JyContract    *contract,
                                                 const GDate         *date,
                                                 JyTerminationReason  reason,
                                                 const char          *note,
                                                 const GDate         *today,
                                                 GError             **error);

/* The reference day, today if NULL (into @storage). */
const GDate *jy_contract_reference    (const GDate      *date,
                                       GDate            *storage);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JyContractResident, jy_contract_resident_clear)

G_END_DECLS
