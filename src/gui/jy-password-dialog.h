/* jy-password-dialog.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

/* Changing one's own password: the current one, the new one twice. Emits
 * "changed" when it is saved, then closes. */
#define JY_TYPE_PASSWORD_DIALOG (jy_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JyPasswordDialog, jy_password_dialog, JY, PASSWORD_DIALOG, AdwWindow)

JyPasswordDialog *jy_password_dialog_new (GtkWindow *parent,
                                          JyStore   *store,
                                          GSettings *settings);

G_END_DECLS
