/* jy-resident-columns.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Appends the residents list's columns (model items: JyResidentItem). */
void jy_resident_columns_add (GtkColumnView *view);

G_END_DECLS
