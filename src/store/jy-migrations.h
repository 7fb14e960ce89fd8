/* jy-migrations.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-db.h"

G_BEGIN_DECLS

int      jy_migrations_latest (void);
gboolean jy_migrations_run    (JyDb     *db,
                               int       target,
                               GError  **error);

G_END_DECLS
