/* jy-followup-drafts.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "jy-followup.h"

G_BEGIN_DECLS

#define JY_TYPE_FOLLOWUP_DRAFTS (jy_followup_drafts_get_type ())
G_DECLARE_FINAL_TYPE (JyFollowupDrafts, jy_followup_drafts, JY, FOLLOWUP_DRAFTS, GObject)

/* Follow-up forms closed without saving, one per resident, kept in memory
 * by whoever owns this object (the application keeps one for the session).
 * A draft is the form's records as they stood (jy_followup_form_get_records()),
 * unvalidated. To survive a restart or a flat battery, the owner listens
 * to "changed" (gint64 resident_id) and writes jy_followup_drafts_dup()
 * — or deletes, when it returns NULL — in its own store; at start-up it
 * puts them back with jy_followup_drafts_put(). */
JyFollowupDrafts *jy_followup_drafts_new           (void);

/* Keeps a copy of @records (JyFollowup) as @resident_id's draft, replacing any. */
void              jy_followup_drafts_put           (JyFollowupDrafts *self,
                                                    gint64            resident_id,
                                                    GPtrArray        *records);
/* Returns: (transfer full) (nullable): a copy of the draft, NULL if none. */
GPtrArray        *jy_followup_drafts_dup           (JyFollowupDrafts *self,
                                                    gint64            resident_id);
gboolean          jy_followup_drafts_contains      (JyFollowupDrafts *self,
                                                    gint64            resident_id);
void              jy_followup_drafts_remove        (JyFollowupDrafts *self,
                                                    gint64            resident_id);
/* Returns: (transfer full): the residents with a draft (gint64), in no order. */
GArray           *jy_followup_drafts_dup_residents (JyFollowupDrafts *self);

G_END_DECLS
