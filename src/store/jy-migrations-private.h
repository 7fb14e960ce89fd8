/* jy-migrations-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every syncable table carries the same bookkeeping columns:
 *   uuid (made here, never reused), created_at/updated_at (UTC ISO 8601),
 *   created_by (staff uuid or "system"), rev (local counter),
 *   remote_version (the platform's meta.versionId) and status (never a
 *   hard delete). */
#define SYNC_COLUMNS \
  "  uuid           TEXT NOT NULL UNIQUE,\n" \
  "  created_at     TEXT NOT NULL,\n" \
  "  updated_at     TEXT NOT NULL,\n" \
  "  created_by     TEXT NOT NULL DEFAULT 'system',\n" \
  "  rev            INTEGER NOT NULL DEFAULT 1,\n" \
  "  remote_version TEXT,\n"

/* The larger steps, each in its own file (jy-migrations-*.c). */
extern const char jy_migration_chronic[];   /* step 3 */
extern const char jy_migration_contracts[]; /* step 6 */
extern const char jy_migration_sync[];      /* step 7 */
extern const char jy_migration_reports[];   /* step 8 */
extern const char jy_migration_reports_speed[];   /* step 12 */
extern const char jy_migration_workstation[];     /* step 13 */
extern const char jy_migration_home_beds[]; /* step 9 */
extern const char jy_migration_long_rx[];   /* step 10 */
extern const char jy_migration_home_bed_policy[]; /* step 11 */

G_END_DECLS
