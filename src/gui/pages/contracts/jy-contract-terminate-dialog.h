/* jy-contract-terminate-dialog.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-contract-store.h"
#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_CONTRACT_TERMINATE_DIALOG (jy_contract_terminate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JyContractTerminateDialog, jy_contract_terminate_dialog, JY, CONTRACT_TERMINATE_DIALOG, AdwWindow)

/* 解约: reason and the first day no longer covered (default today),
 * checked by core (jy_contract_check_termination) at the field; the
 * store keeps the contract with its termination. "saved" once stored. */
JyContractTerminateDialog *jy_contract_terminate_dialog_new (GtkWindow        *parent,
                                                             JyStore          *store,
                                                             const JyContract *contract,
                                                             const char       *resident_name);

G_END_DECLS
