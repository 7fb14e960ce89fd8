/* jy-sidebar-row.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sidebar-row.h"

/* One section in the window's sidebar. The row's widget name is the name
 * of the stack page it shows. */
struct _JySidebarRow
{
  GtkListBoxRow  parent_instance;

  GtkImage      *icon;
  GtkLabel      *label;
  GtkLabel      *subtitle_label;   /* a live status line (sync), hidden when empty */
};

G_DEFINE_FINAL_TYPE (JySidebarRow, jy_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ICON_NAME,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
jy_sidebar_row_get_title (JySidebarRow *self)
{
  g_return_val_if_fail (JY_IS_SIDEBAR_ROW (self), NULL);
  return gtk_label_get_label (self->label);
}

static void
jy_sidebar_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JySidebarRow *self = JY_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, gtk_image_get_icon_name (self->icon));
      break;
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->label));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, gtk_label_get_label (self->subtitle_label));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jy_sidebar_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JySidebarRow *self = JY_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      gtk_image_set_from_icon_name (self->icon, g_value_get_string (value));
      break;
    case PROP_TITLE:
      gtk_label_set_label (self->label, g_value_get_string (value));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;
    case PROP_SUBTITLE:
      {
        const char *text = g_value_get_string (value);

        gtk_label_set_label (self->subtitle_label, text != NULL ? text : "");
        gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), text != NULL && text[0] != '\0');
        gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        text != NULL ? text : "", -1);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jy_sidebar_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JY_TYPE_SIDEBAR_ROW);

  G_OBJECT_CLASS (jy_sidebar_row_parent_class)->dispose (object);
}

static void
jy_sidebar_row_class_init (JySidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = jy_sidebar_row_get_property;
  object_class->set_property = jy_sidebar_row_set_property;
  object_class->dispose = jy_sidebar_row_dispose;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JySidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, JySidebarRow, label);
  gtk_widget_class_bind_template_child (widget_class, JySidebarRow, subtitle_label);
}

static void
jy_sidebar_row_init (JySidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
