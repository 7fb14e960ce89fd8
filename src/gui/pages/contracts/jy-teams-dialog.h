/* jy-teams-dialog.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_TEAMS_DIALOG (jy_teams_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JyTeamsDialog, jy_teams_dialog, JY, TEAMS_DIALOG, AdwWindow)

/* The centre's family-doctor teams (managers and administrators): each
 * team's members with their roles (lead doctor, nurses, public-health
 * staff, specialist advisers, pharmacist …) and communities; adding and
 * ending members, creating a team, and moving a community's residents
 * to another team. "changed" after each save. */
JyTeamsDialog *jy_teams_dialog_new       (GtkWindow     *parent,
                                          JyStore       *store);
gboolean       jy_teams_dialog_is_loaded (JyTeamsDialog *self);

G_END_DECLS
