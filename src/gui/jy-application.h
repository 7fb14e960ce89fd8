/* jy-application.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JY_TYPE_APPLICATION (jy_application_get_type ())
G_DECLARE_FINAL_TYPE (JyApplication, jy_application, JY, APPLICATION, AdwApplication)

/* @db_path: NULL for the path in settings (or the default location).
 * @demo_residents: when > 0, a throw-away database with that many
 * synthetic residents is used instead. */
JyApplication *jy_application_new          (const char    *db_path,
                                            guint          demo_residents);
GSettings     *jy_application_get_settings (JyApplication *self);

/* Registers the GResource bundle; main() and the GUI tests call it. */
void           jy_gui_init                 (void);

G_END_DECLS
