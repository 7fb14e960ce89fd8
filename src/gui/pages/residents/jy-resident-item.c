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
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* Takes ownership of @row. */
void
jy_resident_item_set_row (JyResidentItem *self,
                          JyResidentRow  *row)
{
  g_return_if_fail (JY_IS_RESIDENT_ITEM (self));

  if (self->row == row)
    return;
  g_clear_pointer (&self->row, jy_resident_row_free);
  self->row = row;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
jy_resident_item_finalize (GObject *object)
{
  JyResidentItem *self = (JyResidentItem *)object;

  g_clear_pointer (&self->row, jy_resident_row_free);
  G_OBJECT_CLASS (jy_resident_item_parent_class)->finalize (object);
}

static void
jy_resident_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JyResidentItem *self = JY_RESIDENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->row != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jy_resident_item_class_init (JyResidentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jy_resident_item_finalize;
  object_class->get_property = jy_resident_item_get_property;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jy_resident_item_init (JyResidentItem *self)
{
}
