/* jy-resident-item.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-item.h"

struct _JyResidentItem
{
  GObject        parent_instance;
  gint64         id;
  JyResidentRow *row;
};

G_DEFINE_FINAL_TYPE (JyResidentItem, jy_resident_item, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

JyResidentItem *
jy_resident_item_new (gint64 id)
{
  JyResidentItem *self = g_object_new (JY_TYPE_RESIDENT_ITEM, NULL);

  self->id = id;
  return self;
}

gint64
jy_resident_item_get_id (JyResidentItem *self)
{
  g_return_val_if_fail (JY_IS_RESIDENT_ITEM (self), 0);
  return self->id;
}

gboolean
jy_resident_item_get_loaded (JyResidentItem *self)
{
  g_return_val_if_fail (JY_IS_RESIDENT_ITEM (self), FALSE);
  return self->row != NULL;
}

/* Returns: (nullable): the row, NULL until loaded. */
const JyResidentRow *
jy_resident_item_get_row (JyResidentItem *self)
{
  g_return_val_if_fail (JY_IS_RESIDENT_ITEM (self), NULL);
  return self->row;
}

void
jy_resident_item_set_row (JyResidentItem *self,
                          JyResidentRow  *row)
{
  g_return_if_fail (JY_IS_RESIDENT_ITEM (self));

  jy_resident_item_reset (self, self->id, row);
}

/* Takes ownership of @row. */
void
jy_resident_item_reset (JyResidentItem *self,
                        gint64          id,
                        JyResidentRow  *row)
{
  g_return_if_fail (JY_IS_RESIDENT_ITEM (self));
  g_return_if_fail (row == NULL || row->id == id);

  if (self->id == id && self->row == row)
    return;
  self->id = id;
  g_clear_pointer (&self->row, jy_resident_row_free);
  self->row = row;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
jy_resident_item_finalize (GObject *object)
{
  JyResidentItem *self = (JyResidentItem *)object;

  g_clear_pointer (&self->row, jy_resident_row_free);
  G_OBJECT_CLASS (jy_resident_item_parent_class)->finalize (object);
}

static void
jy_resident_item_class_init (JyResidentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jy_resident_item_finalize;

  /* The id or the row (what a bound widget shows) is new. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jy_resident_item_init (JyResidentItem *self)
{
}
