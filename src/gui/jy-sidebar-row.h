/* jy-sidebar-row.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JY_TYPE_SIDEBAR_ROW (jy_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (JySidebarRow, jy_sidebar_row, JY, SIDEBAR_ROW, GtkListBoxRow)

const char *jy_sidebar_row_get_title (JySidebarRow *self);

G_END_DECLS
