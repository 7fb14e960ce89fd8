/* jy-resident-view.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_RESIDENT_VIEW (jy_resident_view_get_type ())
G_DECLARE_FINAL_TYPE (JyResidentView, jy_resident_view, JY, RESIDENT_VIEW, AdwBin)

/* One resident's page: essentials, household, timeline. Opening it is
 * written to the audit log. */
void   jy_resident_view_show             (JyResidentView *self,
                                          JyStore        *store,
                                          gint64          resident_id);
void   jy_resident_view_reload           (JyResidentView *self);
gint64 jy_resident_view_get_resident_id  (JyResidentView *self);
gboolean jy_resident_view_is_complete    (JyResidentView *self);

G_END_DECLS
