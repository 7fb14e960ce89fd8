/* jy-migrations.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-db.h"

G_BEGIN_DECLS

int      jy_migrations_latest (void);
/* A short digest of every step's SQL (12 hex digits): builds whose
 * schemas differ give different ones even at the same user_version, as
 * two branches that each add a step do. For caches of whole databases. */
char    *jy_migrations_dup_fingerprint (void);
/* A new workstation code (meta 'workstation'), after a restore: the
 * numbers this copy gives from now on differ from the original's. */
gboolean jy_migrations_new_workstation (JyDb    *db,
                                        GError **error);
gboolean jy_migrations_run    (JyDb     *db,
                               int       target,
                               GError  **error);

G_END_DECLS
