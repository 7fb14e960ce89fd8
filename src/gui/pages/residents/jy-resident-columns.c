/* jy-resident-columns.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the columns of the residents list say: the titles, and a row's
 * texts when its block of data arrives.
 */

#include "config.h"

#include "jy-resident-columns.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-resident-item.h"

void
jy_resident_columns_set_titles (JyResidentRowWidget *header)
{
  const char *titles[JY_RESIDENT_N_COLUMNS] = {
    [JY_RESIDENT_COLUMN_NAME] = _("Name"),
    [JY_RESIDENT_COLUMN_SEX] = C_("column", "Sex"),
    [JY_RESIDENT_COLUMN_AGE] = C_("column", "Age"),
    [JY_RESIDENT_COLUMN_ID] = _("ID number"),
    [JY_RESIDENT_COLUMN_PHONE] = _("Phone"),
    /* Translators: the residents list's column of key-population tags (重点人群) */
    [JY_RESIDENT_COLUMN_TAGS] = C_("column", "Tags"),
    [JY_RESIDENT_COLUMN_ADDRESS] = _("Address"),
    [JY_RESIDENT_COLUMN_TEAM] = _("Team"),
  };

  g_return_if_fail (JY_IS_RESIDENT_ROW_WIDGET (header));

  jy_resident_row_widget_set_texts (header, titles);
}

static void
update_row (GtkListItem *list_item)
{
  JyResidentRowWidget *widget = JY_RESIDENT_ROW_WIDGET (gtk_list_item_get_child (list_item));
  JyResidentItem *item = gtk_list_item_get_item (list_item);
  const JyResidentRow *row = item != NULL ? jy_resident_item_get_row (item) : NULL;
  const char *texts[JY_RESIDENT_N_COLUMNS] = { NULL };
  g_autoptr(GDate) today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *age = NULL;
  g_autofree char *tags = NULL;
  const char *status;

  if (row == NULL)
    {
      texts[JY_RESIDENT_COLUMN_NAME] = "…";
      jy_resident_row_widget_set_texts (widget, texts);
      return;
    }

  /* A retired record says so next to the name, not by colour alone. */
  status = jy_gui_format_status (row->status);
  if (status != NULL)
    name = g_strdup_printf ("%s（%s）", row->name, status);
  today = jy_clock_today_local ();
  age = jy_gui_format_age (row->birth_date, today);

  texts[JY_RESIDENT_COLUMN_NAME] = name != NULL ? name : row->name;
  texts[JY_RESIDENT_COLUMN_SEX] = jy_gui_format_sex (row->sex);
  texts[JY_RESIDENT_COLUMN_AGE] = age;
  texts[JY_RESIDENT_COLUMN_ID] = row->id_masked;
  texts[JY_RESIDENT_COLUMN_PHONE] = row->phone_masked;
  tags = jy_gui_format_key_populations_short (row->key_populations);
  texts[JY_RESIDENT_COLUMN_TAGS] = tags;
  texts[JY_RESIDENT_COLUMN_ADDRESS] = row->address;
  texts[JY_RESIDENT_COLUMN_TEAM] = row->team_name;
  jy_resident_row_widget_set_texts (widget, texts);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, jy_resident_row_widget_new ());
}

static void
item_changed_cb (JyResidentItem *item,
                 GtkListItem    *list_item)
{
  update_row (list_item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  JyResidentItem *item = gtk_list_item_get_item (list_item);

  update_row (list_item);
  /* Filled when its block arrives; the list may also reuse the item for
   * another resident (jy_resident_item_reset()). */
  g_signal_connect_object (item, "changed", G_CALLBACK (item_changed_cb), list_item, 0);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  JyResidentItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_changed_cb, list_item);
}

GtkListItemFactory *
jy_resident_columns_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  return factory;
}
