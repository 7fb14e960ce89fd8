/* jy-contract-worklist-item.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-worklist-item.h"

struct _JyContractWorklistItem
{
  GObject                 parent_instance;
  JyContractWorklistKind  kind;
  JyContractWorklistRow  *row;
};

G_DEFINE_FINAL_TYPE (JyContractWorklistItem, jy_contract_worklist_item, G_TYPE_OBJECT)

static void
jy_contract_worklist_item_finalize (GObject *object)
{
  JyContractWorklistItem *self = JY_CONTRACT_WORKLIST_ITEM (object);

  g_clear_pointer (&self->row, jy_contract_worklist_row_free);
  G_OBJECT_CLASS (jy_contract_worklist_item_parent_class)->finalize (object);
}

static void
jy_contract_worklist_item_class_init (JyContractWorklistItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jy_contract_worklist_item_finalize;
}

static void
jy_contract_worklist_item_init (JyContractWorklistItem *self)
{
}

/* Takes @row. */
JyContractWorklistItem *
jy_contract_worklist_item_new (JyContractWorklistKind  kind,
                               JyContractWorklistRow  *row)
{
  JyContractWorklistItem *self = g_object_new (JY_TYPE_CONTRACT_WORKLIST_ITEM, NULL);

  self->kind = kind;
  self->row = row;
  return self;
}

const JyContractWorklistRow *
jy_contract_worklist_item_get_row (JyContractWorklistItem *self)
{
  g_return_val_if_fail (JY_IS_CONTRACT_WORKLIST_ITEM (self), NULL);
  return self->row;
}

JyContractWorklistKind
jy_contract_worklist_item_get_kind (JyContractWorklistItem *self)
{
  g_return_val_if_fail (JY_IS_CONTRACT_WORKLIST_ITEM (self), 0);
  return self->kind;
}
