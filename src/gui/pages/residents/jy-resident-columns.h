/* jy-resident-columns.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jy-resident-row-widget.h"

G_BEGIN_DECLS

/* The residents list's rows: a factory for a GtkListView of
 * JyResidentItem, one JyResidentRowWidget per row, filled in when the
 * row's block of data arrives. */
GtkListItemFactory *jy_resident_columns_factory_new (void);
/* Puts the column titles in @header, the row above the list. */
void                jy_resident_columns_set_titles  (JyResidentRowWidget *header);

G_END_DECLS
