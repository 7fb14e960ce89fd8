/* jy-resident-columns.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The columns of the residents list: one GtkInscription per cell, filled
 * when the row's block of data arrives.
 */

#include "config.h"

#include "jy-resident-columns.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-resident-item.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_SEX,
  COLUMN_AGE,
  COLUMN_ID,
  COLUMN_PHONE,
  COLUMN_ADDRESS,
  COLUMN_TEAM,
} Column;

static char *
column_text (Column               column,
             const JyResidentRow *row,
             const GDate         *today)
{
  const char *status;

  switch (column)
    {
    case COLUMN_NAME:
      /* A retired record says so next to the name, not by colour alone. */
      status = jy_gui_format_status (row->status);
      if (status != NULL)
        return g_strdup_printf ("%s（%s）", row->name, status);
      return g_strdup (row->name);
    case COLUMN_SEX:
      return g_strdup (jy_gui_format_sex (row->sex));
    case COLUMN_AGE:
      return jy_gui_format_age (row->birth_date, today);
    case COLUMN_ID:
      return g_strdup (row->id_masked != NULL ? row->id_masked : "");
    case COLUMN_PHONE:
      return g_strdup (row->phone_masked != NULL ? row->phone_masked : "");
    case COLUMN_ADDRESS:
      return g_strdup (row->address);
    case COLUMN_TEAM:
      return g_strdup (row->team_name != NULL ? row->team_name : "");
    default:
      g_assert_not_reached ();
    }
}

static void
update_cell (GtkListItem *list_item)
{
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  JyResidentItem *item = gtk_list_item_get_item (list_item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "column"));
  const JyResidentRow *row = item != NULL ? jy_resident_item_get_row (item) : NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *text = NULL;

  if (row == NULL)
    {
      gtk_inscription_set_text (cell, column == COLUMN_NAME ? "…" : "");
      return;
    }

  today = jy_clock_today_local ();
  text = column_text (column, row, today);
  gtk_inscription_set_text (cell, text);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 2);
  gtk_widget_set_margin_start (cell, 6);
  gtk_widget_set_margin_end (cell, 6);
  gtk_list_item_set_child (list_item, cell);
  g_object_set_data (G_OBJECT (list_item), "column", user_data);
}

static void
item_loaded_cb (JyResidentItem *item,
                GParamSpec     *pspec,
                GtkListItem    *list_item)
{
  update_cell (list_item);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  JyResidentItem *item = gtk_list_item_get_item (list_item);

  update_cell (list_item);
  /* An item still loading fills in when its block arrives. */
  if (!jy_resident_item_get_loaded (item))
    g_signal_connect_object (item, "notify::loaded", G_CALLBACK (item_loaded_cb), list_item, 0);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  JyResidentItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_loaded_cb, list_item);
}

static void
add_column (GtkColumnView   *view,
            Column           column,
            const char      *title,
            int              fixed_width,
            gboolean         expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), NULL);

  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (view, view_column);
}

void
jy_resident_columns_add (GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  add_column (view, COLUMN_NAME, _("Name"), 150, FALSE);
  add_column (view, COLUMN_SEX, C_("column", "Sex"), 80, FALSE);
  add_column (view, COLUMN_AGE, C_("column", "Age"), 90, FALSE);
  add_column (view, COLUMN_ID, _("ID number"), 170, FALSE);
  add_column (view, COLUMN_PHONE, _("Phone"), 110, FALSE);
  add_column (view, COLUMN_ADDRESS, _("Address"), -1, TRUE);
  add_column (view, COLUMN_TEAM, _("Team"), 170, FALSE);
}
