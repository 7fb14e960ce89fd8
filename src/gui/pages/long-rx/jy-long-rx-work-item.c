/* jy-long-rx-work-item.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-long-rx-work-item.h"

struct _JyLongRxWorkItem
{
  GObject              parent_instance;
  JyLongRxWorklistRow *row;
};

G_DEFINE_FINAL_TYPE (JyLongRxWorkItem, jy_long_rx_work_item, G_TYPE_OBJECT)

static void
jy_long_rx_work_item_finalize (GObject *object)
{
  JyLongRxWorkItem *self = JY_LONG_RX_WORK_ITEM (object);

  g_clear_pointer (&self->row, jy_long_rx_worklist_row_free);
  G_OBJECT_CLASS (jy_long_rx_work_item_parent_class)->finalize (object);
}

static void
jy_long_rx_work_item_class_init (JyLongRxWorkItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jy_long_rx_work_item_finalize;
}

static void
jy_long_rx_work_item_init (JyLongRxWorkItem *self)
{
}

JyLongRxWorkItem *
jy_long_rx_work_item_new (JyLongRxWorklistRow *row)
{
  JyLongRxWorkItem *self = g_object_new (JY_TYPE_LONG_RX_WORK_ITEM, NULL);

  self->row = row;
  return self;
}

const JyLongRxWorklistRow *
jy_long_rx_work_item_get_row (JyLongRxWorkItem *self)
{
  g_return_val_if_fail (JY_IS_LONG_RX_WORK_ITEM (self), NULL);
  return self->row;
}
