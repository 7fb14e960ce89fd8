/* jy-home-bed-dialog.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-home-bed.h"
#include "jy-store.h"

G_BEGIN_DECLS

typedef enum
{
  JY_HOME_BED_DIALOG_APPLY,       /* register an application */
  JY_HOME_BED_DIALOG_ASSESS,      /* the home assessment of an application */
  JY_HOME_BED_DIALOG_ADMIT,       /* establish the bed after an eligible assessment */
  JY_HOME_BED_DIALOG_RENEW,       /* re-assess, then renew the cycle */
  JY_HOME_BED_DIALOG_DISCHARGE,   /* reason, drafted summary, signed by the doctor */
} JyHomeBedDialogMode;

#define JY_TYPE_HOME_BED_DIALOG (jy_home_bed_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JyHomeBedDialog, jy_home_bed_dialog, JY, HOME_BED_DIALOG, AdwWindow)

/* The home-bed steps taken from a resident's page (domain.md §5.2). The
 * assessment shows every failing reason as the boxes are ticked; the
 * discharge drafts the summary from the rounds for the doctor to edit and
 * sign. @id is the application (ASSESS), the eligible assessment (ADMIT)
 * or the bed (RENEW, DISCHARGE); unused for APPLY. Saves with the
 * store's async twin, emits "saved" and closes; a refusal is shown in
 * the dialog and nothing typed is lost. */
JyHomeBedDialog *jy_home_bed_dialog_new (GtkWindow           *parent,
                                         JyStore             *store,
                                         JyHomeBedDialogMode  mode,
                                         gint64               resident_id,
                                         gint64               id);
/* The problem shown next to @field, NULL when none (for tests). */
const char      *jy_home_bed_dialog_get_field_error (JyHomeBedDialog *self,
                                                     JyHomeBedField   field);

G_END_DECLS
