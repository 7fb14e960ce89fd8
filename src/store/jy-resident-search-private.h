/* jy-resident-search-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the two halves of resident search: jy-resident-search-keys.c
 * writes the keys, jy-resident-search.c reads them. */

/* search_key.visibility, search_doc.visibility */
#define JY_SEARCH_VISIBILITY_VOIDED  0
#define JY_SEARCH_VISIBILITY_RETIRED 1
#define JY_SEARCH_VISIBILITY_ACTIVE  2

char *jy_resident_search_fold_digits (const char *text,
                                      gboolean    allow_x);

G_END_DECLS
