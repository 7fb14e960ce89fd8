/* test-util.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   jy_test_quiet_debug        (void);
void   jy_test_remove_tree        (const char *path);
gint64 jy_test_query_int64        (const char *db_path,
                                   const char *sql);
char  *jy_test_query_text         (const char *db_path,
                                   const char *sql);
void   jy_test_iterate_until      (guint      *counter,
                                   guint       target);
void   jy_test_iterate_until_set  (gpointer   *pointer);
void   jy_test_iterate_until_true (gboolean  (*predicate) (gpointer),
                                   gpointer    data);

/* Drops the caller's reference and runs the main loop until the object is
 * finalized: async work in flight (a GTask holds its source) may finish
 * first, but the object must not leak. */
void   jy_test_unref_and_wait_finalize (gpointer object);

G_END_DECLS
