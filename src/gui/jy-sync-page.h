/* jy-sync-page.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_SYNC_PAGE (jy_sync_page_get_type ())
G_DECLARE_FINAL_TYPE (JySyncPage, jy_sync_page, JY, SYNC_PAGE, AdwBin)

void     jy_sync_page_set_store    (JySyncPage *self,
                                    JyStore    *store);
/* platform-url and sync-interval (minutes; 0 = by hand only). */
void     jy_sync_page_set_settings (JySyncPage *self,
                                    GSettings  *settings);
void     jy_sync_page_reload       (JySyncPage *self);
gboolean jy_sync_page_is_syncing   (JySyncPage *self);

/* The "status" line: what the sidebar shows under Sync. */
const char *jy_sync_page_get_status (JySyncPage *self);

G_END_DECLS
