/* jy-long-rx-page.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-long-rx-store.h"
#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_LONG_RX_PAGE (jy_long_rx_page_get_type ())
G_DECLARE_FINAL_TYPE (JyLongRxPage, jy_long_rx_page, JY, LONG_RX_PAGE, AdwBin)

/* The long-prescription worklists (domain.md §4.5–4.6): instalments due
 * this week, reviews due, expiring; by team and doctor. A row's buttons
 * dispense the next instalment and print the medication card; activating
 * a row emits "open-resident" (gint64). */
void     jy_long_rx_page_set_store  (JyLongRxPage         *self,
                                     JyStore              *store);
void     jy_long_rx_page_reload     (JyLongRxPage         *self);
void     jy_long_rx_page_show_kind  (JyLongRxPage         *self,
                                     JyLongRxWorklistKind  kind);
/* Rows shown now (tests). */
guint    jy_long_rx_page_get_n_rows (JyLongRxPage         *self);

G_END_DECLS
