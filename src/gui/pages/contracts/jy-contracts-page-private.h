/* jy-contracts-page-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The worklist rows of the Contracts page (jy-contracts-page-rows.c). */
GtkListItemFactory *jy_contracts_page_row_factory_new (void);

G_END_DECLS
