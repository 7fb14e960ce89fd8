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

/* One row of the residents list. Created empty for its id; filled when
 * its block of rows arrives. The list may also reuse an item for another
 * resident at the same position (jy_resident_item_reset()): a bound row
 * then only changes its text. Either way "changed" is emitted. */
JyResidentItem      *jy_resident_item_new        (gint64               id);
gint64               jy_resident_item_get_id     (JyResidentItem      *self);
gboolean             jy_resident_item_get_loaded (JyResidentItem      *self);
const JyResidentRow *jy_resident_item_get_row    (JyResidentItem      *self);
/* Takes ownership of @row (nullable: not loaded yet). */
void                 jy_resident_item_set_row    (JyResidentItem      *self,
                                                  JyResidentRow       *row);
void                 jy_resident_item_reset      (JyResidentItem      *self,
                                                  gint64               id,
                                                  JyResidentRow       *row);

G_END_DECLS
