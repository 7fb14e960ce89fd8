/* jy-home-bed-cycle-label.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jy-store.h"

G_BEGIN_DECLS

/* An empty label for the suffix of the admission dialog's "Cycle until …"
 * row: it reads the centre's home-bed policy off the main loop and then
 * retitles its row with the stored cycle from @today. */
GtkWidget *jy_home_bed_cycle_label_new (JyStore      *store,
                                        const GDate  *today,
                                        GCancellable *cancellable);

G_END_DECLS
