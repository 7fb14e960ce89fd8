/* jy-home-bed-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The index in @codes[@first..@n) of the stored @code (NULL: none). */
gboolean jy_home_bed_code_lookup (const char *const *codes,
                                  guint              first,
                                  guint              n,
                                  const char        *code,
                                  guint             *index);

G_END_DECLS
