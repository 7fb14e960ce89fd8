/* jy-followup-editor.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-followup-drafts.h"
#include "jy-followup-form.h"

G_BEGIN_DECLS

#define JY_TYPE_FOLLOWUP_EDITOR (jy_followup_editor_get_type ())
G_DECLARE_FINAL_TYPE (JyFollowupEditor, jy_followup_editor, JY, FOLLOWUP_EDITOR, AdwWindow)

/* Called on the main thread when the doctor saves a valid form. It owns
 * @records (transfer full: JyFollowup, one per programme, sharing
 * visit_uuid) and is expected to write them off the main thread, e.g.
 * with jy_store_write_async(), then call jy_followup_editor_complete_save()
 * on the main thread — with NULL on success, or the error. Meanwhile the
 * editor shows a spinner and keeps itself alive; the form stays as it is. */
typedef void (*JyFollowupSaveFunc) (JyFollowupEditor *editor,
                                    GPtrArray        *records,
                                    gpointer          user_data);

/* A modal window holding a JyFollowupForm for @context, titled e.g.
 * "高血压随访 · 王小燕 · 68岁". Ctrl+S saves, Esc (or Cancel) closes and,
 * when something was typed, asks whether to keep a draft. @drafts
 * (nullable) holds the drafts: one for this resident is loaded into the
 * form on opening (with a banner and a way to discard it), one is kept
 * there when the doctor closes with "Save draft", and removed on save. */
JyFollowupEditor *jy_followup_editor_new            (GtkWindow                   *parent,
                                                     const JyFollowupFormContext *context,
                                                     JyFollowupDrafts            *drafts);
JyFollowupForm   *jy_followup_editor_get_form       (JyFollowupEditor            *self);
/* Without a save function, saving just emits "saved" and closes. */
void              jy_followup_editor_set_save_func  (JyFollowupEditor            *self,
                                                     JyFollowupSaveFunc           func,
                                                     gpointer                     user_data,
                                                     GDestroyNotify               destroy);
/* Ends the save the save function started: @error NULL emits "saved",
 * drops the draft and closes; otherwise the error is shown in a banner
 * above the form, which keeps everything typed, and Save works again. */
void              jy_followup_editor_complete_save  (JyFollowupEditor            *self,
                                                     const GError                *error);
gboolean          jy_followup_editor_get_saving     (JyFollowupEditor            *self);

/* Signals:
 *   "saved" (GPtrArray *records)  after a successful save, before closing;
 *                                 the records as they were handed to the save function. */

G_END_DECLS
