/* jy-resident-item.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "jy-resident-store.h"

G_BEGIN_DECLS

#define JY_TYPE_RESIDENT_ITEM (jy_resident_item_get_type ())
G_DECLARE_FINAL_TYPE (JyResidentItem, jy_resident_item, JY, RESIDENT_ITEM, GObject)

/* One row of the residents list. Created empty for its id; filled (and
 * "notify::loaded" emitted) when its block of rows arrives. */
JyResidentItem      *jy_resident_item_new      (gint64               id);
gint64               jy_resident_item_get_id   (JyResidentItem      *self);
gboolean             jy_resident_item_get_loaded (JyResidentItem    *self);
const JyResidentRow *jy_resident_item_get_row  (JyResidentItem      *self);
void                 jy_resident_item_set_row  (JyResidentItem      *self,
                                                JyResidentRow       *row);

G_END_DECLS
