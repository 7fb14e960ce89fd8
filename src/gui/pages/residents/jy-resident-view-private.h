/* jy-resident-view-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-resident-detail.h"
#include "jy-resident-view.h"

G_BEGIN_DECLS

/* Shared by jy-resident-view.c and its dialogs only. */
JyStore                *jy_resident_view_get_store          (JyResidentView *self);
const JyResidentDetail *jy_resident_view_get_detail         (JyResidentView *self);
void                    jy_resident_view_changed            (JyResidentView *self,
                                                             const char     *message);
void                    jy_resident_view_retire_action      (GtkWidget      *widget,
                                                             const char     *action_name,
                                                             GVariant       *parameter);
void                    jy_resident_view_change_team_action (GtkWidget  *widget,
                                                             const char     *action_name,
                                                             GVariant       *parameter);
void                    jy_resident_view_add_tag_action     (GtkWidget      *widget,
                                                             const char     *action_name,
                                                             GVariant       *parameter);
void                    jy_resident_view_end_tag_clicked_cb (GtkButton      *button,
                                                             JyResidentView *self);

G_END_DECLS
