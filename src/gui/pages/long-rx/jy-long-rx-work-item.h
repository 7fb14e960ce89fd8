/* jy-long-rx-work-item.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "jy-long-rx-store.h"

G_BEGIN_DECLS

#define JY_TYPE_LONG_RX_WORK_ITEM (jy_long_rx_work_item_get_type ())
G_DECLARE_FINAL_TYPE (JyLongRxWorkItem, jy_long_rx_work_item, JY, LONG_RX_WORK_ITEM, GObject)

/* One line of a long-prescription worklist, for a GtkListView. Takes
 * over @row. */
JyLongRxWorkItem          *jy_long_rx_work_item_new     (JyLongRxWorklistRow *row);
const JyLongRxWorklistRow *jy_long_rx_work_item_get_row (JyLongRxWorkItem    *self);

G_END_DECLS
