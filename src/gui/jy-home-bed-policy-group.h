/* jy-home-bed-policy-group.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_HOME_BED_POLICY_GROUP (jy_home_bed_policy_group_get_type ())

G_DECLARE_FINAL_TYPE (JyHomeBedPolicyGroup, jy_home_bed_policy_group, JY, HOME_BED_POLICY_GROUP,
                      AdwPreferencesGroup)

/* The preferences' "Home beds" group (domain.md §5.2, issue #10): the
 * centre's home-bed policy, read and saved off the main loop; editable
 * with JY_PERMISSION_CENTRE_SETTINGS only. A value out of range is
 * refused with its message on its row. */
void     jy_home_bed_policy_group_set_store (JyHomeBedPolicyGroup *self,
                                             JyStore              *store,
                                             GCancellable         *cancellable);
/* Checks every row and saves; FALSE when a value was refused (nothing is
 * written). "saved" is emitted once the write is done. */
gboolean jy_home_bed_policy_group_save      (JyHomeBedPolicyGroup *self);

G_END_DECLS
