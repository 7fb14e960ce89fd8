/* jy-resident-list-model.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_RESIDENT_LIST_MODEL (jy_resident_list_model_get_type ())
G_DECLARE_FINAL_TYPE (JyResidentListModel, jy_resident_list_model, JY, RESIDENT_LIST_MODEL, GObject)

/* A GListModel of JyResidentItem over an array of resident ids (a whole
 * centre: 200,000). Items are made on demand and filled from blocks of
 * rows loaded off the main thread, so nothing waits and only what is on
 * screen exists. */
JyResidentListModel *jy_resident_list_model_new     (JyStore             *store);
void                 jy_resident_list_model_set_ids (JyResidentListModel *self,
                                                     GArray              *ids);
gint64               jy_resident_list_model_get_id  (JyResidentListModel *self,
                                                     guint                position);

G_END_DECLS
