/* jy-today-page.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_TODAY_PAGE (jy_today_page_get_type ())
G_DECLARE_FINAL_TYPE (JyTodayPage, jy_today_page, JY, TODAY_PAGE, AdwBin)

void     jy_today_page_set_store        (JyTodayPage  *self,
                                         JyStore      *store);
void     jy_today_page_set_loading_text (JyTodayPage  *self,
                                         const char   *text);
void     jy_today_page_reload           (JyTodayPage  *self);
gboolean jy_today_page_is_ready         (JyTodayPage  *self);

G_END_DECLS
