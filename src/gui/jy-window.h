/* jy-window.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"
#include "jy-today-page.h"

G_BEGIN_DECLS

#define JY_TYPE_WINDOW (jy_window_get_type ())
G_DECLARE_FINAL_TYPE (JyWindow, jy_window, JY, WINDOW, AdwApplicationWindow)

JyWindow    *jy_window_new              (GtkApplication *application,
                                         GSettings      *settings);
void         jy_window_set_store        (JyWindow       *self,
                                         JyStore        *store);
JyStore     *jy_window_get_store        (JyWindow       *self);
void         jy_window_set_demo         (JyWindow       *self,
                                         gboolean        demo);
JyTodayPage *jy_window_get_today_page   (JyWindow       *self);
void         jy_window_show_page        (JyWindow       *self,
                                         const char     *name);
const char  *jy_window_get_visible_page (JyWindow       *self);
void         jy_window_add_toast        (JyWindow       *self,
                                         AdwToast       *toast);
/* The lock screen and sign-in (jy-window-session.c). */
GtkWidget   *jy_window_get_login_view   (JyWindow       *self);
gboolean     jy_window_is_locked        (JyWindow       *self);
void         jy_window_lock             (JyWindow       *self);

G_END_DECLS
