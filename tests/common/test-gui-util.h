/* test-gui-util.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The first widget at or under @root of @type (depth first). */
GtkWidget *jy_test_find_by_type (GtkWidget  *root,
                                 GType       type);
/* The widget whose .ui id is @id (template children keep it as buildable id). */
GtkWidget *jy_test_find_by_id   (GtkWidget  *root,
                                 const char *id);

/* Saves a PNG of @widget as $JIAYI_TEST_SCREENSHOTS/@name.png when that
 * variable is set (for looking at the UI); does nothing otherwise. */
void       jy_test_save_screenshot (GtkWidget  *widget,
                                    const char *name);

/* The first widget at or under @root named @name (gtk_widget_set_name). */
GtkWidget *jy_test_find_by_name (GtkWidget  *root,
                                 const char *name);

G_END_DECLS
