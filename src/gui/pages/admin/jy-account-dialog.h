/* jy-account-dialog.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-account-store.h"
#include "jy-store.h"

G_BEGIN_DECLS

/* Adding a staff account (name, login, role, team, first password) or
 * editing one (name, role, team). Emits "saved" and closes. */
#define JY_TYPE_ACCOUNT_DIALOG (jy_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JyAccountDialog, jy_account_dialog, JY, ACCOUNT_DIALOG, AdwWindow)

/* @account: NULL to add one. @teams: JyTeamChoice, borrowed. */
JyAccountDialog *jy_account_dialog_new (GtkWindow       *parent,
                                        JyStore         *store,
                                        GSettings       *settings,
                                        const JyAccount *account,
                                        GPtrArray       *teams);

G_END_DECLS
