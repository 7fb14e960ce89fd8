/* test-gui-util.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-gui-util.h"

GtkWidget *
jy_test_find_by_type (GtkWidget *root,
                      GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jy_test_find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
jy_test_find_by_id (GtkWidget  *root,
                    const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jy_test_find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
jy_test_find_by_name (GtkWidget  *root,
                      const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jy_test_find_by_name (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}
