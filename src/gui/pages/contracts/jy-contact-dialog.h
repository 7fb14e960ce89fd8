/* jy-contact-dialog.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_CONTACT_DIALOG (jy_contact_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JyContactDialog, jy_contact_dialog, JY, CONTACT_DIALOG, AdwWindow)

/* Logs a contact with a resident (履约): how (phone, WeChat, clinic or
 * home visit …), who of the staff, when (local date and time, not in the
 * future), what was done (required). For a resident of 65 or over
 * (@age), the annual health check may be recorded as done at it.
 * "saved" once stored, then the dialog closes. */
JyContactDialog *jy_contact_dialog_new (GtkWindow  *parent,
                                        JyStore    *store,
                                        gint64      resident_id,
                                        const char *resident_name,
                                        int         age);

G_END_DECLS
