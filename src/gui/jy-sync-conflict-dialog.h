/* jy-sync-conflict-dialog.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"
#include "jy-sync-conflict.h"

G_BEGIN_DECLS

/* One conflict of the inbox, mine and theirs field by field. The user
 * keeps mine, keeps theirs or merges per field; the choice is written
 * with jy_sync_conflict_resolve (off the main loop) and goes to the
 * platform with the next sync. "resolved" is emitted once it is stored;
 * the dialog then closes. An 'invalid' conflict (a pulled record that
 * could not be stored) shows the reason, and offers to try storing it
 * again or to dismiss it. */
#define JY_TYPE_SYNC_CONFLICT_DIALOG (jy_sync_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JySyncConflictDialog, jy_sync_conflict_dialog, JY, SYNC_CONFLICT_DIALOG, AdwWindow)

JySyncConflictDialog *jy_sync_conflict_dialog_new (JyStore              *store,
                                                   const JySyncConflict *conflict);

G_END_DECLS
