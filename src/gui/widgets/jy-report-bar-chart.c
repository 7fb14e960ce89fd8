/* jy-report-bar-chart.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-report-bar-chart.h"

#define BAR_HEIGHT   18.0
#define BAR_GAP       6.0
#define LABEL_WIDTH 150.0
#define TITLE_HEIGHT 24.0
#define COLUMN_AREA 160.0

struct _JyReportBarChart
{
  GtkWidget  parent_instance;

  gboolean   vertical;
  char      *title;
  GStrv      labels;
  GArray    *tenths;   /* int; counts when @counts */
  gboolean   counts;
};

G_DEFINE_FINAL_TYPE (JyReportBarChart, jy_report_bar_chart, GTK_TYPE_WIDGET)

static void
set_source_fg (JyReportBarChart *self,
               cairo_t          *cr,
               double            alpha)
{
  GdkRGBA color;

  /* GTK 4.8: the style context's colour (gtk_widget_get_color is 4.10). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * alpha);
}

static void
show_text (JyReportBarChart *self,
           cairo_t          *cr,
           const char       *text,
           double            x,
           double            y,
           double            width,
           PangoAlignment    align,
           gboolean          bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, align);
    }
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static char *
percent (int tenths)
{
  return tenths < 0 ? g_strdup ("—") : g_strdup_printf ("%d.%d%%", tenths / 10, tenths % 10);
}

static void
jy_report_bar_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  JyReportBarChart *self = JY_REPORT_BAR_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  guint n = self->tenths->len;
  int top_count = 1;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->title != NULL)
    {
      set_source_fg (self, cr, 1.0);
      show_text (self, cr, self->title, 0, 0, width, PANGO_ALIGN_LEFT, TRUE);
    }
  for (guint i = 0; self->counts && i < n; i++)
    top_count = MAX (top_count, g_array_index (self->tenths, int, i));
  for (guint i = 0; i < n; i++)
    {
      int t = g_array_index (self->tenths, int, i);
      /* Columns are narrow: whole percents. */
      g_autofree char *value = t < 0 ? g_strdup ("—")
                             : self->counts ? g_strdup_printf ("%d", t)
                             : !self->vertical ? percent (t)
                             : g_strdup_printf ("%d%%", (t + 5) / 10);
      /* Counts against the largest of them. */
      double fraction = t < 0 ? 0 : self->counts ? (double)t / top_count : MIN (t, 1000) / 1000.0;

      if (!self->vertical)
        {
          double y = TITLE_HEIGHT + i * (BAR_HEIGHT + BAR_GAP);
          double bar_width = MAX (0, width - LABEL_WIDTH - 70);

          set_source_fg (self, cr, 0.8);
          show_text (self, cr, self->labels[i], 0, y, LABEL_WIDTH - 8, PANGO_ALIGN_RIGHT, FALSE);
          set_source_fg (self, cr, 0.08);
          cairo_rectangle (cr, LABEL_WIDTH, y + 2, bar_width, BAR_HEIGHT - 4);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
          cairo_rectangle (cr, LABEL_WIDTH, y + 2, bar_width * fraction, BAR_HEIGHT - 4);
          cairo_fill (cr);
          set_source_fg (self, cr, 0.9);
          show_text (self, cr, value, LABEL_WIDTH + bar_width + 6, y, 64, PANGO_ALIGN_LEFT, FALSE);
        }
      else
        {
          double slot = n > 0 ? width / n : width;
          double x = i * slot;
          double top = TITLE_HEIGHT + 18;
          double bar = COLUMN_AREA * fraction;

          set_source_fg (self, cr, 0.08);
          cairo_rectangle (cr, x + slot * 0.2, top, slot * 0.6, COLUMN_AREA);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0.15, 0.64, 0.41);
          cairo_rectangle (cr, x + slot * 0.2, top + COLUMN_AREA - bar, slot * 0.6, bar);
          cairo_fill (cr);
          set_source_fg (self, cr, 0.9);
          show_text (self, cr, value, x, top - 18, slot, PANGO_ALIGN_CENTER, FALSE);
          set_source_fg (self, cr, 0.7);
          show_text (self, cr, self->labels[i], x, top + COLUMN_AREA + 2, slot, PANGO_ALIGN_CENTER, FALSE);
        }
    }
  cairo_destroy (cr);
}

static void
jy_report_bar_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  JyReportBarChart *self = JY_REPORT_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 520;
    }
  else if (self->vertical)
    *minimum = *natural = (int)(TITLE_HEIGHT + 18 + COLUMN_AREA + 24);
  else
    *minimum = *natural = (int)(TITLE_HEIGHT + self->tenths->len * (BAR_HEIGHT + BAR_GAP));
}

static void
jy_report_bar_chart_finalize (GObject *object)
{
  JyReportBarChart *self = JY_REPORT_BAR_CHART (object);

  g_free (self->title);
  g_strfreev (self->labels);
  g_array_unref (self->tenths);
  G_OBJECT_CLASS (jy_report_bar_chart_parent_class)->finalize (object);
}

static void
jy_report_bar_chart_class_init (JyReportBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jy_report_bar_chart_finalize;
  widget_class->snapshot = jy_report_bar_chart_snapshot;
  widget_class->measure = jy_report_bar_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jy_report_bar_chart_init (JyReportBarChart *self)
{
  self->tenths = g_array_new (FALSE, FALSE, sizeof (int));
  self->labels = g_new0 (char *, 1);
}

GtkWidget *
jy_report_bar_chart_new (gboolean vertical)
{
  JyReportBarChart *self = g_object_new (JY_TYPE_REPORT_BAR_CHART, NULL);

  self->vertical = vertical;
  return GTK_WIDGET (self);
}

void
jy_report_bar_chart_set_title (JyReportBarChart *self,
                               const char       *title)
{
  g_return_if_fail (JY_IS_REPORT_BAR_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_values (JyReportBarChart   *self,
            const char * const *labels,
            const int          *tenths,
            guint               n)
{
  g_strfreev (self->labels);
  self->labels = g_new0 (char *, n + 1);
  g_array_set_size (self->tenths, 0);
  for (guint i = 0; i < n; i++)
    {
      self->labels[i] = g_strdup (labels[i]);
      g_array_append_val (self->tenths, tenths[i]);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
jy_report_bar_chart_set_bars (JyReportBarChart   *self,
                              const char * const *labels,
                              const int          *tenths,
                              guint               n)
{
  g_return_if_fail (JY_IS_REPORT_BAR_CHART (self));

  self->counts = FALSE;
  set_values (self, labels, tenths, n);
}

void
jy_report_bar_chart_set_counts (JyReportBarChart   *self,
                                const char * const *labels,
                                const int          *counts,
                                guint               n)
{
  g_return_if_fail (JY_IS_REPORT_BAR_CHART (self));

  self->counts = TRUE;
  set_values (self, labels, counts, n);
}

guint
jy_report_bar_chart_get_n_bars (JyReportBarChart *self)
{
  g_return_val_if_fail (JY_IS_REPORT_BAR_CHART (self), 0);

  return self->tenths->len;
}
