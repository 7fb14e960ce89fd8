/* jy-contracts-page.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-contract-worklist.h"
#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_CONTRACTS_PAGE (jy_contracts_page_get_type ())
G_DECLARE_FINAL_TYPE (JyContractsPage, jy_contracts_page, JY, CONTRACTS_PAGE, AdwBin)

/* The Contracts page (sidebar "contracts"): this month's counts (signed,
 * new this month, key-population signing rate, renewal rate, quarterly
 * contact coverage) and the three worklists (not contacted this quarter,
 * expiring in 30 days, 65+ without this year's check), filtered by team
 * and doctor, in a GtkListView filled page by page off the main thread.
 * Each line opens the resident, logs a contact or renews.
 *
 * Signals: "open-resident" (gint64), "add-toast" (string), "loaded"
 * (the list and counts show the store's data). */
void      jy_contracts_page_set_store  (JyContractsPage        *self,
                                        JyStore                *store);
void      jy_contracts_page_reload     (JyContractsPage        *self);
void      jy_contracts_page_show_kind  (JyContractsPage        *self,
                                        JyContractWorklistKind  kind);

/* Tests. */
GListModel *jy_contracts_page_get_model     (JyContractsPage *self);
gint64      jy_contracts_page_get_total     (JyContractsPage *self);
gint64      jy_contracts_page_get_signed    (JyContractsPage *self);
gboolean    jy_contracts_page_is_loaded     (JyContractsPage *self);

G_END_DECLS
