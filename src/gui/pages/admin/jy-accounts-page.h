/* jy-accounts-page.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

/* The administrators' page of staff accounts: add staff with a role and
 * a team, edit, reset a password (which also lifts a lock), deactivate.
 * Emits "add-toast". */
#define JY_TYPE_ACCOUNTS_PAGE (jy_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (JyAccountsPage, jy_accounts_page, JY, ACCOUNTS_PAGE, AdwBin)

void jy_accounts_page_set_store (JyAccountsPage *self,
                                 JyStore        *store,
                                 GSettings      *settings);
void jy_accounts_page_reload    (JyAccountsPage *self);

G_END_DECLS
