/* jy-resident-editor.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-centre-store.h"
#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_RESIDENT_EDITOR (jy_resident_editor_get_type ())
G_DECLARE_FINAL_TYPE (JyResidentEditor, jy_resident_editor, JY, RESIDENT_EDITOR, AdwWindow)

/* @resident_id 0 registers a new resident. @choices (borrowed, may be
 * NULL) lists the communities and teams to offer. Emits "saved" with the
 * resident's id, or "open-resident" when the user goes to an existing
 * record with the same ID number instead. */
JyResidentEditor *jy_resident_editor_new (GtkWindow       *parent,
                                          JyStore         *store,
                                          gint64           resident_id,
                                          JyCentreChoices *choices);

JyResidentEditor *jy_resident_editor_new_family_member (GtkWindow       *parent,
                                                        JyStore         *store,
                                                        gint64           member_of_id,
                                                        JyCentreChoices *choices);

G_END_DECLS
