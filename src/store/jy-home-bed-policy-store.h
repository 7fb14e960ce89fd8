/* jy-home-bed-policy-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"
#include "jy-home-bed.h"

G_BEGIN_DECLS

/* The centre's home-bed policy (domain.md §5.2, issue #10), one row in
 * home_bed_policy (jy-migrations-home-bed-policy.c); the defaults
 * (JY_HOME_BED_POLICY_DEFAULT) until someone saves one. Only the values
 * the preferences edit are stored; infusion_allowed and contract_required
 * keep their defaults.
 *
 * Loading is unchecked: the policy is no personal data, and every
 * home-bed job reads it inside its own (already checked) job. */
gboolean jy_home_bed_policy_store_load (JyDb             *db,
                                        JyHomeBedPolicy  *out,
                                        GError          **error);
/* In a write job; needs JY_PERMISSION_CENTRE_SETTINGS. Refuses values out
 * of range (jy_home_bed_policy_check) with G_IO_ERROR_INVALID_ARGUMENT.
 * Queues the change and audits it in the job's transaction. */
gboolean jy_home_bed_policy_store_save (JyDb                   *db,
                                        const JyHomeBedPolicy  *policy,
                                        GError                **error);

/* Inside a job: @policy when not NULL, else the stored policy loaded into
 * @storage; NULL on error. The home-bed writes resolve their policy with it. */
const JyHomeBedPolicy *jy_home_bed_policy_store_resolve (JyDb                   *db,
                                                         const JyHomeBedPolicy  *policy,
                                                         JyHomeBedPolicy        *storage,
                                                         GError                **error);

/* JyStoreFunc for jy_store_read_async(): @data unused, result a
 * g_new'd JyHomeBedPolicy (g_free). */
gpointer jy_home_bed_policy_load_func  (JyDb          *db,
                                        gpointer       data,
                                        GCancellable  *cancellable,
                                        GError       **error);
/* JyStoreFunc for jy_store_write_async(): @data a JyHomeBedPolicy (g_free),
 * result JY_STORE_DONE. */
gpointer jy_home_bed_policy_save_func  (JyDb          *db,
                                        gpointer       data,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_END_DECLS
