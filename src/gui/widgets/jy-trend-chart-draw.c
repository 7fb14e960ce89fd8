/* jy-trend-chart-draw.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-trend-chart-private.h"

#include <math.h>

/* How JyTrendChart looks. Lines and markers are drawn with cairo (GTK 4.8
 * has no stroke nodes), text with text nodes from the cached layouts. */

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA axis;
  GdkRGBA error;
  GdkRGBA series[JY_TREND_STYLE_TERTIARY + 1];
  double  band_alpha;
} Colors;

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

/* Named colours of the libadwaita style sheet, so dark style and the
 * high-contrast theme work; fallbacks are the light Adwaita values. */
static void
resolve_colors (JyTrendChart *self,
                Colors       *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gboolean dark;

  gtk_style_context_get_color (context, &colors->fg);
  dark = 0.299 * colors->fg.red + 0.587 * colors->fg.green + 0.114 * colors->fg.blue > 0.5;
  colors->dim = with_alpha (&colors->fg, 0.65);
  colors->grid = with_alpha (&colors->fg, 0.10);
  colors->axis = with_alpha (&colors->fg, 0.35);
  colors->band_alpha = dark ? 0.11 : 0.07;
  lookup_color (context, "error_color", dark ? "#ff7b63" : "#c01c28", &colors->error);
  lookup_color (context, "accent_color", dark ? "#78aeed" : "#1c71d8",
                &colors->series[JY_TREND_STYLE_PRIMARY]);
  lookup_color (context, dark ? "purple_1" : "purple_3", dark ? "#dc8add" : "#9141ac",
                &colors->series[JY_TREND_STYLE_SECONDARY]);
  colors->series[JY_TREND_STYLE_TERTIARY] = with_alpha (&colors->fg, 0.85);
}

void
jy_trend_chart_get_marker_color (JyTrendChart *self,
                                 guint         series,
                                 gboolean      off_target,
                                 GdkRGBA      *color)
{
  Colors colors;

  g_return_if_fail (JY_IS_TREND_CHART (self));
  g_return_if_fail (series < self->series->len);

  resolve_colors (self, &colors);
  if (off_target)
    *color = colors.error;
  else
    *color = colors.series[jy_trend_chart_get_series (self, series)->style];
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
set_dash (cairo_t      *cr,
          JyTrendStyle  style)
{
  static const double dashed[] = { 6, 3 };
  static const double dotted[] = { 1.5, 3 };

  switch (style)
    {
    case JY_TREND_STYLE_SECONDARY:
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;
    case JY_TREND_STYLE_TERTIARY:
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      break;
    case JY_TREND_STYLE_PRIMARY:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

static void
marker_path (cairo_t      *cr,
             JyTrendStyle  style,
             double        x,
             double        y,
             double        r)
{
  switch (style)
    {
    case JY_TREND_STYLE_SECONDARY:
      cairo_rectangle (cr, x - 0.9 * r, y - 0.9 * r, 1.8 * r, 1.8 * r);
      break;
    case JY_TREND_STYLE_TERTIARY:
      cairo_move_to (cr, x, y - 1.3 * r);
      cairo_line_to (cr, x + 1.3 * r, y);
      cairo_line_to (cr, x, y + 1.3 * r);
      cairo_line_to (cr, x - 1.3 * r, y);
      cairo_close_path (cr);
      break;
    case JY_TREND_STYLE_PRIMARY:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

/* Hollow in the series' colour on target; larger, filled, in the error
 * colour off target. */
static void
draw_marker (cairo_t       *cr,
             JyTrendStyle   style,
             double         x,
             double         y,
             gboolean       off_target,
             const Colors  *colors)
{
  cairo_set_dash (cr, NULL, 0, 0);
  if (off_target)
    {
      marker_path (cr, style, x, y, JY_TREND_OFF_RADIUS);
      gdk_cairo_set_source_rgba (cr, &colors->error);
      cairo_fill (cr);
    }
  else
    {
      marker_path (cr, style, x, y, JY_TREND_MARKER_RADIUS);
      gdk_cairo_set_source_rgba (cr, &colors->series[style]);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y)
{
  y = floor (y) + 0.5;
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_grid (JyTrendChart          *self,
           const JyTrendGeometry *g,
           cairo_t               *cr,
           const Colors          *colors)
{
  static const double band_dash[] = { 4, 3 };
  static const double reference_dash[] = { 2, 3 };
  double left = g->plot.origin.x;
  double right = left + g->plot.size.width;
  double bottom = g->plot.origin.y + g->plot.size.height;

  /* Target bands under everything else. */
  for (guint i = 0; i < self->series->len; i++)
    {
      JyTrendSeries *series = jy_trend_chart_get_series (self, i);
      double y0, y1;
      GdkRGBA fill;

      if (!(isfinite (series->low) || isfinite (series->high)) ||
          !jy_trend_geometry_shows_series (g, series))
        continue;
      y0 = jy_trend_geometry_y (g, MIN (series->high, g->value_high));
      y1 = series->low <= g->value_low ? bottom : jy_trend_geometry_y (g, series->low);
      fill = with_alpha (&colors->series[series->style], colors->band_alpha);
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_rectangle (cr, left, y0, right - left, y1 - y0);
      cairo_fill (cr);
    }

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < g->value_marks->len; i++)
    {
      const JyTrendValueMark *mark = &g_array_index (g->value_marks, JyTrendValueMark, i);
      GdkRGBA color;

      switch (mark->kind)
        {
        case JY_TREND_MARK_TARGET:
          color = colors->series[jy_trend_chart_get_series (self, mark->series)->style];
          color = with_alpha (&color, 0.6);
          cairo_set_dash (cr, band_dash, G_N_ELEMENTS (band_dash), 0);
          break;
        case JY_TREND_MARK_REFERENCE:
          color = with_alpha (&colors->error, 0.5);
          cairo_set_dash (cr, reference_dash, G_N_ELEMENTS (reference_dash), 0);
          break;
        case JY_TREND_MARK_TICK:
        default:
          /* A gridline without its number only adds noise. */
          if (mark->layout == NULL)
            continue;
          color = colors->grid;
          cairo_set_dash (cr, NULL, 0, 0);
          break;
        }
      gdk_cairo_set_source_rgba (cr, &color);
      hline (cr, left, right, mark->y);
    }

  /* Date axis. */
  cairo_set_dash (cr, NULL, 0, 0);
  gdk_cairo_set_source_rgba (cr, &colors->axis);
  hline (cr, left, right, bottom);
  for (guint i = 0; i < g->date_marks->len; i++)
    {
      const JyTrendDateMark *mark = &g_array_index (g->date_marks, JyTrendDateMark, i);
      double x = floor (mark->x) + 0.5;

      cairo_move_to (cr, x, floor (bottom) + 0.5);
      cairo_line_to (cr, x, floor (bottom) + 0.5 + JY_TREND_TICK_LENGTH);
      cairo_stroke (cr);
    }

  if (self->hover_day != 0 && jy_trend_geometry_shows_day (g, self->hover_day))
    {
      GdkRGBA hover = with_alpha (&colors->fg, 0.25);
      double x = floor (jy_trend_geometry_x (g, self->hover_day)) + 0.5;

      gdk_cairo_set_source_rgba (cr, &hover);
      cairo_move_to (cr, x, g->plot.origin.y);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
    }
}

static double
point_radius (const JyTrendSeries *series,
              const JyTrendPoint  *point)
{
  if (jy_trend_series_on_target (series, point->value))
    return JY_TREND_MARKER_RADIUS;
  return JY_TREND_OFF_RADIUS;
}

/* Lines stop short of the markers, so hollow markers stay hollow on any
 * background; a NAN reading breaks the line. */
static void
draw_series (const JyTrendGeometry *g,
             const JyTrendSeries   *series,
             cairo_t               *cr,
             const Colors          *colors)
{
  const JyTrendPoint *previous = NULL;

  gdk_cairo_set_source_rgba (cr, &colors->series[series->style]);
  cairo_set_line_width (cr, JY_TREND_LINE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  set_dash (cr, series->style);
  for (guint j = 0; j < series->points->len; j++)
    {
      const JyTrendPoint *point = &g_array_index (series->points, JyTrendPoint, j);

      if (isnan (point->value))
        {
          previous = NULL;
          continue;
        }
      if (previous != NULL && previous->day <= g->last_day && point->day >= g->first_day)
        {
          double x0 = jy_trend_geometry_x (g, previous->day);
          double y0 = jy_trend_geometry_y (g, previous->value);
          double x1 = jy_trend_geometry_x (g, point->day);
          double y1 = jy_trend_geometry_y (g, point->value);
          double length = hypot (x1 - x0, y1 - y0);
          double gap0 = point_radius (series, previous) + 2;
          double gap1 = point_radius (series, point) + 2;

          if (length > gap0 + gap1 + 1)
            {
              cairo_move_to (cr, x0 + (x1 - x0) * gap0 / length, y0 + (y1 - y0) * gap0 / length);
              cairo_line_to (cr, x1 - (x1 - x0) * gap1 / length, y1 - (y1 - y0) * gap1 / length);
              cairo_stroke (cr);
            }
        }
      previous = point;
    }

  for (guint j = 0; j < series->points->len; j++)
    {
      const JyTrendPoint *point = &g_array_index (series->points, JyTrendPoint, j);

      if (!isnan (point->value) && jy_trend_geometry_shows_day (g, point->day))
        draw_marker (cr, series->style,
                     jy_trend_geometry_x (g, point->day), jy_trend_geometry_y (g, point->value),
                     !jy_trend_series_on_target (series, point->value), colors);
    }
}

static void
draw_legend_samples (JyTrendChart          *self,
                     const JyTrendGeometry *g,
                     cairo_t               *cr,
                     const Colors          *colors)
{
  for (guint i = 0; i < g->legend->len; i++)
    {
      const JyTrendLegendItem *item = &g_array_index (g->legend, JyTrendLegendItem, i);
      double y = round (g->legend_y) + 0.5;
      JyTrendSeries *series;

      if (item->series == G_MAXUINT)
        {
          draw_marker (cr, JY_TREND_STYLE_PRIMARY, item->x + JY_TREND_OFF_RADIUS, y, TRUE, colors);
          continue;
        }
      series = jy_trend_chart_get_series (self, item->series);
      gdk_cairo_set_source_rgba (cr, &colors->series[series->style]);
      cairo_set_line_width (cr, JY_TREND_LINE_WIDTH);
      set_dash (cr, series->style);
      cairo_move_to (cr, item->x, y);
      cairo_line_to (cr, item->x + JY_TREND_LEGEND_SAMPLE / 2 - JY_TREND_MARKER_RADIUS - 2, y);
      cairo_move_to (cr, item->x + JY_TREND_LEGEND_SAMPLE / 2 + JY_TREND_MARKER_RADIUS + 2, y);
      cairo_line_to (cr, item->x + JY_TREND_LEGEND_SAMPLE, y);
      cairo_stroke (cr);
      draw_marker (cr, series->style, item->x + JY_TREND_LEGEND_SAMPLE / 2, y, FALSE, colors);
    }
}

void
jy_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  JyTrendChart *self = JY_TREND_CHART (widget);
  const JyTrendGeometry *g = jy_trend_chart_ensure_geometry (self);
  Colors colors;
  cairo_t *cr;

  if (g->width <= 0 || g->height <= 0)
    return;
  resolve_colors (self, &colors);

  draw_layout (snapshot, g->title, 0, 0, &colors.fg);
  if (g->unit != NULL)
    draw_layout (snapshot, g->unit, g->unit_x, g->unit_y, &colors.dim);
  if (g->empty)
    {
      draw_layout (snapshot, g->empty_text, g->empty_x, g->empty_y, &colors.dim);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, g->width, g->height));
  draw_grid (self, g, cr, &colors);
  cairo_save (cr);
  cairo_rectangle (cr, g->plot.origin.x, 0, g->plot.size.width, g->height);
  cairo_clip (cr);
  for (guint i = 0; i < self->series->len; i++)
    draw_series (g, jy_trend_chart_get_series (self, i), cr, &colors);
  cairo_restore (cr);
  draw_legend_samples (self, g, cr, &colors);
  cairo_destroy (cr);

  for (guint i = 0; i < g->legend->len; i++)
    {
      const JyTrendLegendItem *item = &g_array_index (g->legend, JyTrendLegendItem, i);

      draw_layout (snapshot, item->layout, item->label_x,
                   g->legend_y - jy_trend_layout_height (item->layout) / 2.0, &colors.fg);
    }
  for (guint i = 0; i < g->value_marks->len; i++)
    {
      const JyTrendValueMark *mark = &g_array_index (g->value_marks, JyTrendValueMark, i);
      const GdkRGBA *color = &colors.dim;

      if (mark->layout == NULL)
        continue;
      if (mark->kind == JY_TREND_MARK_TARGET)
        color = &colors.series[jy_trend_chart_get_series (self, mark->series)->style];
      else if (mark->kind == JY_TREND_MARK_REFERENCE)
        color = &colors.error;
      draw_layout (snapshot, mark->layout,
                   g->plot.origin.x - 6 - jy_trend_layout_width (mark->layout),
                   mark->y - jy_trend_layout_height (mark->layout) / 2.0, color);
    }
  for (guint i = 0; i < g->date_marks->len; i++)
    {
      const JyTrendDateMark *mark = &g_array_index (g->date_marks, JyTrendDateMark, i);

      if (mark->layout != NULL)
        draw_layout (snapshot, mark->layout, mark->label_x,
                     g->plot.origin.y + g->plot.size.height + JY_TREND_TICK_LENGTH + 1,
                     &colors.dim);
    }
  for (guint i = 0; i < g->last_labels->len; i++)
    {
      const JyTrendLastLabel *label = &g_array_index (g->last_labels, JyTrendLastLabel, i);
      JyTrendSeries *series = jy_trend_chart_get_series (self, label->series);

      draw_layout (snapshot, label->layout, label->x, label->y,
                   label->off_target ? &colors.error : &colors.series[series->style]);
    }
}
