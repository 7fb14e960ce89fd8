/* jy-contract-worklist-item.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "jy-contract-worklist.h"

G_BEGIN_DECLS

#define JY_TYPE_CONTRACT_WORKLIST_ITEM (jy_contract_worklist_item_get_type ())
G_DECLARE_FINAL_TYPE (JyContractWorklistItem, jy_contract_worklist_item, JY, CONTRACT_WORKLIST_ITEM, GObject)

/* One line of a contract worklist in the Contracts page's GListModel. */
JyContractWorklistItem      *jy_contract_worklist_item_new     (JyContractWorklistKind  kind,
                                                                JyContractWorklistRow  *row);
const JyContractWorklistRow *jy_contract_worklist_item_get_row  (JyContractWorklistItem *self);
JyContractWorklistKind       jy_contract_worklist_item_get_kind (JyContractWorklistItem *self);

G_END_DECLS
