/* jy-followups-page.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-chronic-worklist.h"
#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_FOLLOWUPS_PAGE (jy_followups_page_get_type ())
G_DECLARE_FINAL_TYPE (JyFollowupsPage, jy_followups_page, JY, FOLLOWUPS_PAGE, AdwBin)

/* The hypertension and diabetes worklists (domain.md §3): due this week,
 * overdue, 2-week rechecks, referrals awaiting follow-up, behind the
 * yearly norm; by team and doctor. Emits "open-resident" (gint64) when a
 * row is activated and "follow-up" (gint64) from a row's button. */
void            jy_followups_page_set_store (JyFollowupsPage *self,
                                             JyStore         *store);
void            jy_followups_page_reload    (JyFollowupsPage *self);
void            jy_followups_page_show_kind (JyFollowupsPage *self,
                                             JyWorklistKind   kind);
JyWorklistKind  jy_followups_page_get_kind  (JyFollowupsPage *self);
/* Rows shown now (tests). */
guint           jy_followups_page_get_n_rows (JyFollowupsPage *self);

G_END_DECLS
