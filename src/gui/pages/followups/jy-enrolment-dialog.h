/* jy-enrolment-dialog.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-resident.h"
#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_ENROLMENT_DIALOG (jy_enrolment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JyEnrolmentDialog, jy_enrolment_dialog, JY, ENROLMENT_DIALOG, AdwWindow)

/* Enrols @resident in hypertension or type 2 diabetes management (the
 * ones in @managed, JyProgramme flags, are not offered). Rules speak at
 * the fields (core's jy_enrolment_validate); "saved" is emitted once the
 * enrolment is stored, then the dialog closes. */
JyEnrolmentDialog *jy_enrolment_dialog_new (GtkWindow        *parent,
                                            JyStore          *store,
                                            const JyResident *resident,
                                            guint             managed);

G_END_DECLS
