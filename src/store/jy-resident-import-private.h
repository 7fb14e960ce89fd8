/* jy-resident-import-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-resident-import.h"

G_BEGIN_DECLS

/* Shared by jy-resident-import.c and jy-resident-import-report.c only. */

/* Issue kinds from here on are notes, before it rejections. */
#define JY_IMPORT_FIRST_NOTE JY_IMPORT_ISSUE_ID_LEGACY_CONVERTED

GStrv            jy_import_read_header     (JyCsvReader        *reader,
                                            guint              *out_line,
                                            GError            **error);
JyImportMapping *jy_import_detect_mapping  (const char *const  *headers);
GArray          *jy_import_issue_array_new (void);

G_END_DECLS
