/* jy-resident-list-model.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-store.h"

G_BEGIN_DECLS

/* What a worker hands the list: the ids in order and, read in the same
 * job, the rows of the first of them (NULL: none yet). */
typedef struct
{
  GArray    *ids;       /* of gint64 */
  GPtrArray *rows;      /* of JyResidentRow, by position; nullable */
  gboolean   more;      /* more matched than @ids holds */
} JyResidentListing;

JyResidentListing   *jy_resident_listing_load           (JyDb                    *db,
                                                         GArray                  *ids,
                                                         GError                 **error);
void                 jy_resident_listing_free           (JyResidentListing       *listing);

#define JY_TYPE_RESIDENT_LIST_MODEL (jy_resident_list_model_get_type ())
G_DECLARE_FINAL_TYPE (JyResidentListModel, jy_resident_list_model, JY, RESIDENT_LIST_MODEL, GObject)

/* A GListModel of JyResidentItem over an array of resident ids (a whole
 * centre: 200,000). Items are made on demand and filled from blocks of
 * rows loaded off the main thread, so nothing waits and only what is on
 * screen exists. New ids keep the items of the first positions, each now
 * for the resident at its position ("changed"), and report a change only
 * from there on: a search's rows are updated, not remade, per keystroke. */
JyResidentListModel *jy_resident_list_model_new         (JyStore                 *store);
void                 jy_resident_list_model_set_ids     (JyResidentListModel     *self,
                                                         GArray                  *ids);
void                 jy_resident_list_model_set_listing (JyResidentListModel     *self,
                                                         const JyResidentListing *listing);
gint64               jy_resident_list_model_get_id      (JyResidentListModel     *self,
                                                         guint                    position);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyResidentListing, jy_resident_listing_free)

G_END_DECLS
