/* jy-contract-section.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-contract-store.h"
#include "jy-resident.h"
#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_CONTRACT_SECTION (jy_contract_section_get_type ())
G_DECLARE_FINAL_TYPE (JyContractSection, jy_contract_section, JY, CONTRACT_SECTION, AdwBin)

/* The family-doctor contract on a resident's page: the latest contract
 * (state, team, doctor, packages, term, fee, agreement, this quarter's
 * contact) and its actions: sign, log a contact, renew, terminate, print
 * the agreement and record it signed. History is on the timeline.
 * "changed" (string: the toast) after something was saved here. */
void              jy_contract_section_show       (JyContractSection *self,
                                                  JyStore           *store,
                                                  const JyResident  *resident);
void              jy_contract_section_reload     (JyContractSection *self);
gboolean          jy_contract_section_is_loaded  (JyContractSection *self);
/* Tests: the contract shown, NULL if none. */
const JyContract *jy_contract_section_get_contract (JyContractSection *self);

G_END_DECLS
