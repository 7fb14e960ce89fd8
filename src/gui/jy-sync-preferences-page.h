/* jy-sync-preferences-page.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Preferences → Sync: the platform's address, sign-in (OAuth2 client
 * credentials or password grant; the secret goes to the keyring via
 * jy-sync-settings), an extra CA file, the timeout, the background
 * interval and a connection test that runs off the main loop. Bad input
 * is said in words on a row right under the field; nothing is saved
 * until it is right. */
#define JY_TYPE_SYNC_PREFERENCES_PAGE (jy_sync_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (JySyncPreferencesPage, jy_sync_preferences_page, JY, SYNC_PREFERENCES_PAGE, AdwPreferencesPage)

JySyncPreferencesPage *jy_sync_preferences_page_new         (GSettings             *settings);
/* What the file chooser does with the chosen file (tests call it). */
gboolean               jy_sync_preferences_page_set_ca_file (JySyncPreferencesPage *self,
                                                             const char            *path);

G_END_DECLS
