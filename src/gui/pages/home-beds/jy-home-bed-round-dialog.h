/* jy-home-bed-round-dialog.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-home-bed-round.h"
#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_HOME_BED_ROUND_DIALOG (jy_home_bed_round_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JyHomeBedRoundDialog, jy_home_bed_round_dialog, JY, HOME_BED_ROUND_DIALOG, AdwWindow)

/* The round form a nurse fills in at the bedside (domain.md §5.3), keyboard
 * first: Enter moves to the next field, Ctrl+S saves. Each vital is
 * checked as it is typed (core's jy_home_bed_vital_check) and a refused
 * value is explained under its field; procedures are check boxes; the
 * next round is proposed from the plan. Loads the bed asynchronously,
 * saves with the store's async twin, emits "saved" (gint64 round id)
 * and closes. */
JyHomeBedRoundDialog *jy_home_bed_round_dialog_new (GtkWindow   *parent,
                                                    JyStore     *store,
                                                    gint64       home_bed_id,
                                                    const char  *subtitle);

/* For tests: the bed is loaded and the form ready. */
gboolean   jy_home_bed_round_dialog_is_ready        (JyHomeBedRoundDialog *self);
GtkEditable *jy_home_bed_round_dialog_get_vital     (JyHomeBedRoundDialog *self,
                                                     JyHomeBedVital        vital);
GtkCheckButton *jy_home_bed_round_dialog_get_proc   (JyHomeBedRoundDialog *self,
                                                     JyHomeBedProc         proc);
/* The message under @vital's field, NULL when it is fine. */
const char *jy_home_bed_round_dialog_get_vital_error (JyHomeBedRoundDialog *self,
                                                      JyHomeBedVital        vital);

G_END_DECLS
