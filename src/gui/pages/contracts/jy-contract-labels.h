/* jy-contract-labels.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "jy-contract-store.h"
#include "jy-contract-worklist.h"

G_BEGIN_DECLS

/* Wording shared by the contract dialogs, the resident page's card and
 * the Contracts page. Everything returned is translated. */

/* "¥120.00" */
char       *jy_contract_format_yuan        (gint64                    fen);
/* "insurance ¥70.00 · public health ¥40.00 · resident ¥10.00" */
char       *jy_contract_format_fee_split   (const JyFeeSplit         *fee);
/* Why @package cannot be signed for a resident aged @age (−1: unknown);
 * NULL when eligible. */
char       *jy_contract_describe_eligibility (const JyServicePackage *package,
                                              JyPackageEligibility    eligibility,
                                              int                     age);
/* "2026-03-15 to 2027-03-14" */
char       *jy_contract_format_term        (const JyContractFacts    *facts);
/* Package names, comma-separated. */
char       *jy_contract_format_packages    (const JyContract         *contract);
/* A line for a contract event on the resident's timeline (kinds
 * contract-sign, contract-renew, contract-terminate, contact, service
 * with the JSON detail of jy_resident_detail_load); NULL for other kinds. */
char       *jy_contract_describe_event     (const char               *kind,
                                            JsonObject               *detail);
const char *jy_contract_worklist_title     (JyContractWorklistKind    kind);

G_END_DECLS
