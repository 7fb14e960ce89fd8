/* jy-worklist-row.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jy-chronic-worklist.h"

G_BEGIN_DECLS

/* One patient on a follow-up worklist, as a list-box row: who, what is
 * due and how late, what the last visit found, and a button that starts
 * the follow-up. The row's "resident-id" data is the resident's id;
 * @action_name is activated with it (int64 parameter) by the button. */
GtkWidget *jy_worklist_row_new (const JyWorklistRow *row,
                                const GDate         *today,
                                const char          *action_name);

gint64     jy_worklist_row_get_resident_id (GtkListBoxRow *row);

G_END_DECLS
