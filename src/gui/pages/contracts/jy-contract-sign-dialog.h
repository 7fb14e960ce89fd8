/* jy-contract-sign-dialog.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-resident.h"
#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_CONTRACT_SIGN_DIALOG (jy_contract_sign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JyContractSignDialog, jy_contract_sign_dialog, JY, CONTRACT_SIGN_DIALOG, AdwWindow)

/* Signs (新签) or renews (续约, when the store's draft says a signing now
 * renews a contract) a family-doctor contract for @resident: team and
 * responsible doctor (default the resident's team and its lead, or the
 * renewed contract's), the signing date and the term core gives for it,
 * the packages with the eligibility core decided (a refused package shows
 * why and cannot be ticked), the fee split, and whether the agreement was
 * signed on paper. @carry_codes (may be NULL) are ticked first: a
 * renewal's packages. "saved" (gint64 contract id) after the store kept
 * it; "show-contract" (gint64 id) when the store refused because of a
 * contract already in force and the user asked to see it. */
JyContractSignDialog *jy_contract_sign_dialog_new   (GtkWindow          *parent,
                                                     JyStore            *store,
                                                     const JyResident   *resident,
                                                     const char *const  *carry_codes);
/* Tests: the draft has been read and the form filled. */
gboolean              jy_contract_sign_dialog_is_ready (JyContractSignDialog *self);

/* The signer's fields (a JyContractSignerGroup), for tests. */
GtkWidget *jy_contract_sign_dialog_get_signer_group (JyContractSignDialog *self);

G_END_DECLS
