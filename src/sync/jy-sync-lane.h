/* jy-sync-lane.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A thread that runs jobs in the order given, so a sync run can prepare
 * the next Bundle and store the last answer while the platform works on
 * the current request. After a job fails, the later ones are dropped
 * (their data freed) and the error waits for jy_sync_lane_wait(). */
typedef struct _JySyncLane JySyncLane;

typedef gboolean (*JySyncLaneFunc) (gpointer   data,
                                    GError   **error);

JySyncLane *jy_sync_lane_new    (const char      *name);
void        jy_sync_lane_push   (JySyncLane      *self,
                                 JySyncLaneFunc   func,
                                 gpointer         data,
                                 GDestroyNotify   data_free);
/* Blocks until every job pushed so far has run; FALSE with the first
 * error of any of them (the lane stays failed). */
gboolean    jy_sync_lane_wait   (JySyncLane      *self,
                                 GError         **error);
gboolean    jy_sync_lane_failed (JySyncLane      *self);
/* Waits, stops the thread, frees. */
void        jy_sync_lane_free   (JySyncLane      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JySyncLane, jy_sync_lane_free)

G_END_DECLS
