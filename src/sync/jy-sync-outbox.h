/* jy-sync-outbox.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-db.h"

G_BEGIN_DECLS

/* Outbox entries the platform took are kept JY_SYNC_OUTBOX_KEEP_DAYS
 * (what was sent when stays readable for a while), then removed so the
 * outbox does not grow for ever. Pending and refused entries are never
 * removed; the audit log keeps who changed what regardless. */
#define JY_SYNC_OUTBOX_KEEP_DAYS 30

/* Inside a write job: removes 'done' entries made before @now_utc_iso
 * minus @keep_days; *removed (may be NULL) says how many. */
gboolean jy_sync_outbox_prune (JyDb        *db,
                               const char  *now_utc_iso,
                               guint        keep_days,
                               gint64      *removed,
                               GError     **error);

/* Inside a write job: marks the pending entries of @entities (record
 * types that stay on the workstation, jy_fhir_local_entities) done, so
 * they are neither counted as waiting nor kept for ever; *settled (may be
 * NULL) says how many. */
gboolean jy_sync_outbox_settle_local (JyDb               *db,
                                      const char *const  *entities,
                                      gint64             *settled,
                                      GError            **error);

G_END_DECLS
