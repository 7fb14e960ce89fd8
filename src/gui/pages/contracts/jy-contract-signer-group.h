/* jy-contract-signer-group.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JY_TYPE_CONTRACT_SIGNER_GROUP (jy_contract_signer_group_get_type ())
G_DECLARE_FINAL_TYPE (JyContractSignerGroup, jy_contract_signer_group, JY, CONTRACT_SIGNER_GROUP,
                      AdwPreferencesGroup)

/* Who signs the contract: the resident, or a guardian or agent (name,
 * GB/T 4761 relation and ID number, checked with jy-idcard at the field). */
JyContractSignerGroup *jy_contract_signer_group_new          (void);
/* Whether a guardian or agent signs. */
gboolean               jy_contract_signer_group_get_guardian (JyContractSignerGroup *self);
/* Shows each problem next to its field; returns whether all is well. */
gboolean               jy_contract_signer_group_check        (JyContractSignerGroup *self);
/* The typed values, NULL when the resident signs (newly allocated). */
char                  *jy_contract_signer_group_dup_name     (JyContractSignerGroup *self);
char                  *jy_contract_signer_group_dup_relation (JyContractSignerGroup *self);
char                  *jy_contract_signer_group_dup_id       (JyContractSignerGroup *self);
/* For tests: the rows (name, relation, id), their error as subtitle. */
GtkWidget             *jy_contract_signer_group_get_check    (JyContractSignerGroup *self);
GtkEditable           *jy_contract_signer_group_get_name     (JyContractSignerGroup *self);
GtkDropDown           *jy_contract_signer_group_get_relation (JyContractSignerGroup *self);
GtkEditable           *jy_contract_signer_group_get_id       (JyContractSignerGroup *self);
const char            *jy_contract_signer_group_get_error    (JyContractSignerGroup *self,
                                                              guint                  row);

G_END_DECLS
