/* jy-import-window.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-resident-store.h"
#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_IMPORT_WINDOW (jy_import_window_get_type ())
G_DECLARE_FINAL_TYPE (JyImportWindow, jy_import_window, JY, IMPORT_WINDOW, AdwWindow)

/* Importing residents from a CSV file, step by step: choose the file, check
 * what each column holds, import, read what was left out and why. Emits
 * "imported" (guint: the residents added) once an import has added any,
 * even if the window was closed meanwhile. */
JyImportWindow *jy_import_window_new         (GtkWindow      *parent,
                                              JyStore        *store);
/* Reads @file and shows its columns, as if the user had chosen it. */
void            jy_import_window_load_file   (JyImportWindow *self,
                                              GFile          *file);
/* Writes the last import's issues to @file (UTF-8 CSV), as "Save Report…"
 * does after the user has chosen where. */
void            jy_import_window_save_report (JyImportWindow *self,
                                              GFile          *file);

/* Export, the import's counterpart: writes the residents @filter lists to
 * @file as CSV (jy_resident_export_csv(), ID numbers masked) in a write
 * job; the file is private to the user and replaced only once complete.
 * Takes @filter (transfer full). */
void            jy_residents_export_to_file_async  (JyStore             *store,
                                                    JyResidentFilter    *filter,
                                                    GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean        jy_residents_export_to_file_finish (JyStore             *store,
                                                    GAsyncResult        *result,
                                                    guint               *out_n_residents,
                                                    GError             **error);
/* Returns: (transfer full): the export's failure in the user's words. */
char           *jy_residents_export_describe_error (const GError        *error);
/* Returns: (transfer full): a file name such as 居民名单-2026-11-23.csv. */
char           *jy_residents_export_dup_file_name  (void);

G_END_DECLS
