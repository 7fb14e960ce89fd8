/* jy-preferences-window.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_PREFERENCES_WINDOW (jy_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (JyPreferencesWindow, jy_preferences_window, JY, PREFERENCES_WINDOW, AdwPreferencesWindow)

JyPreferencesWindow *jy_preferences_window_new (GtkWindow *parent,
                                                GSettings *settings,
                                                JyStore   *store);

G_END_DECLS
