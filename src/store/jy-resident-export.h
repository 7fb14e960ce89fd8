/* jy-resident-export.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"
#include "jy-resident-store.h"

G_BEGIN_DECLS

typedef enum
{
  JY_RESIDENT_EXPORT_DEFAULT        = 0,
  /* Whole ID numbers instead of 3502**********1234: only for a role that
   * needs them (architecture.md, "Users and security"). */
  JY_RESIDENT_EXPORT_FULL_ID_NUMBER = 1 << 0,
} JyResidentExportFlags;

/* Writes the residents @filter lists, in its order, as CSV a spreadsheet
 * opens: UTF-8 with a BOM, CRLF, the Chinese titles jy-csv.h reads back.
 * Records the export in the audit log first, so call it inside a write job
 * (jy_store_write); it fails on a reader. Blocking. */
gboolean jy_resident_export_csv (JyDb                    *db,
                                 const JyResidentFilter  *filter,
                                 JyResidentExportFlags    flags,
                                 GOutputStream           *out,
                                 guint                   *out_n_residents,
                                 GCancellable            *cancellable,
                                 GError                 **error);

G_END_DECLS
