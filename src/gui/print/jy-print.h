/* jy-print.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jy-print-doc.h"

G_BEGIN_DECLS

/* Opens the print dialog for @doc, which it takes over (freed when the
 * job is done or cancelled). The paper size is the document's. */
void      jy_print_run              (GtkWindow           *parent,
                                     JyPrintDoc          *doc,
                                     const char          *job_name);

/* Asks where to save, then writes @doc (taken over) as a PDF off the main
 * thread. @callback gets the path written, or NULL if cancelled/failed
 * with the error already shown in a dialog on @parent. */
typedef void (*JyPrintSavedFunc) (const char *path_or_null,
                                  gpointer    user_data);

void      jy_print_save_pdf         (GtkWindow           *parent,
                                     JyPrintDoc          *doc,
                                     const char          *suggested_name,
                                     JyPrintSavedFunc     callback,
                                     gpointer             user_data);

/* Writes @doc (not taken) to @path off the main thread. */
void      jy_print_write_pdf_async  (JyPrintDoc          *doc,
                                     const char          *path,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean  jy_print_write_pdf_finish (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
