/* jy-resident-row-widget.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-row-widget.h"

/* Space on either side of a cell's text. */
#define CELL_MARGIN 6
/* The address gets what the others leave, but at least this. */
#define ADDRESS_MIN_WIDTH 100
#define ADDRESS_NAT_WIDTH 320

/* Widths that fit the English titles and the longest values (a masked ID
 * number, a team name in Chinese, two or three short tags); the address
 * column stretches. With the sidebar they fit 1280 px (ux.md). */
static const int column_widths[JY_RESIDENT_N_COLUMNS] = {
  [JY_RESIDENT_COLUMN_NAME] = 150,
  [JY_RESIDENT_COLUMN_SEX] = 64,
  [JY_RESIDENT_COLUMN_AGE] = 80,
  [JY_RESIDENT_COLUMN_ID] = 170,
  [JY_RESIDENT_COLUMN_PHONE] = 110,
  [JY_RESIDENT_COLUMN_TAGS] = 150,
  [JY_RESIDENT_COLUMN_ADDRESS] = -1,
  [JY_RESIDENT_COLUMN_TEAM] = 150,
};

struct _JyResidentRowWidget
{
  GtkWidget    parent_instance;

  /* Made once; bind only changes their text. They follow the widget's
   * font through its Pango context. */
  PangoLayout *layouts[JY_RESIDENT_N_COLUMNS];
  char        *texts[JY_RESIDENT_N_COLUMNS];
  int          x[JY_RESIDENT_N_COLUMNS];
  /* Gives every row the same height whatever its script. */
  PangoLayout *sample;
};

G_DEFINE_FINAL_TYPE (JyResidentRowWidget, jy_resident_row_widget, GTK_TYPE_WIDGET)

GtkWidget *
jy_resident_row_widget_new (void)
{
  return g_object_new (JY_TYPE_RESIDENT_ROW_WIDGET, NULL);
}

static int
fixed_width (void)
{
  int width = 0;

  for (guint i = 0; i < JY_RESIDENT_N_COLUMNS; i++)
    if (column_widths[i] > 0)
      width += column_widths[i];
  return width;
}

void
jy_resident_row_widget_set_texts (JyResidentRowWidget *self,
                                  const char * const  *texts)
{
  g_autoptr(GString) label = g_string_new (NULL);
  gboolean changed = FALSE;

  g_return_if_fail (JY_IS_RESIDENT_ROW_WIDGET (self));
  g_return_if_fail (texts != NULL);

  for (guint i = 0; i < JY_RESIDENT_N_COLUMNS; i++)
    {
      const char *text = texts[i] != NULL ? texts[i] : "";

      if (text[0] != '\0')
        {
          if (label->len > 0)
            g_string_append (label, ", ");
          g_string_append (label, text);
        }
      if (g_strcmp0 (self->texts[i], text) == 0)
        continue;
      g_free (self->texts[i]);
      self->texts[i] = g_strdup (text);
      pango_layout_set_text (self->layouts[i], text, -1);
      changed = TRUE;
    }

  if (!changed)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
jy_resident_row_widget_get_text (JyResidentRowWidget *self,
                                 JyResidentColumn     column)
{
  g_return_val_if_fail (JY_IS_RESIDENT_ROW_WIDGET (self), NULL);
  g_return_val_if_fail (column < JY_RESIDENT_N_COLUMNS, NULL);

  return self->texts[column];
}

static void
jy_resident_row_widget_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  JyResidentRowWidget *self = JY_RESIDENT_ROW_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = fixed_width () + ADDRESS_MIN_WIDTH;
      *natural = fixed_width () + ADDRESS_NAT_WIDTH;
    }
  else
    {
      int height = 0;

      pango_layout_get_pixel_size (self->sample, NULL, &height);
      *minimum = *natural = height;
    }
}

static void
jy_resident_row_widget_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  JyResidentRowWidget *self = JY_RESIDENT_ROW_WIDGET (widget);
  int address_width = MAX (ADDRESS_MIN_WIDTH, width - fixed_width ());
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int x = 0;

  for (guint i = 0; i < JY_RESIDENT_N_COLUMNS; i++)
    {
      int column_width = column_widths[i] > 0 ? column_widths[i] : address_width;

      self->x[i] = rtl ? width - x - column_width + CELL_MARGIN : x + CELL_MARGIN;
      pango_layout_set_width (self->layouts[i],
                              MAX (0, column_width - 2 * CELL_MARGIN) * PANGO_SCALE);
      x += column_width;
    }
}

static void
jy_resident_row_widget_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  JyResidentRowWidget *self = JY_RESIDENT_ROW_WIDGET (widget);
  int height = gtk_widget_get_height (widget);
  int sample_height = 0;
  int top, baseline, y;
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  pango_layout_get_pixel_size (self->sample, NULL, &sample_height);
  top = (height - sample_height) / 2;
  baseline = top + pango_layout_get_baseline (self->sample) / PANGO_SCALE;

  for (guint i = 0; i < JY_RESIDENT_N_COLUMNS; i++)
    {
      if (self->texts[i] == NULL || self->texts[i][0] == '\0')
        continue;
      /* Texts in different scripts share the baseline. */
      y = baseline - pango_layout_get_baseline (self->layouts[i]) / PANGO_SCALE;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->x[i], y));
      gtk_snapshot_append_layout (snapshot, self->layouts[i], &color);
      gtk_snapshot_restore (snapshot);
    }
}

static void
jy_resident_row_widget_finalize (GObject *object)
{
  JyResidentRowWidget *self = (JyResidentRowWidget *)object;

  for (guint i = 0; i < JY_RESIDENT_N_COLUMNS; i++)
    {
      g_clear_object (&self->layouts[i]);
      g_clear_pointer (&self->texts[i], g_free);
    }
  g_clear_object (&self->sample);

  G_OBJECT_CLASS (jy_resident_row_widget_parent_class)->finalize (object);
}

static void
jy_resident_row_widget_class_init (JyResidentRowWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jy_resident_row_widget_finalize;
  widget_class->measure = jy_resident_row_widget_measure;
  widget_class->size_allocate = jy_resident_row_widget_size_allocate;
  widget_class->snapshot = jy_resident_row_widget_snapshot;

  gtk_widget_class_set_css_name (widget_class, "residentrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
jy_resident_row_widget_init (JyResidentRowWidget *self)
{
  for (guint i = 0; i < JY_RESIDENT_N_COLUMNS; i++)
    {
      self->layouts[i] = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_ellipsize (self->layouts[i], PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layouts[i], TRUE);
    }
  /* Latin with ascender and descender, and CJK. */
  self->sample = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag汉字");
}
