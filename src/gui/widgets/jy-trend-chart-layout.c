/* jy-trend-chart-layout.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-trend-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* Where JyTrendChart puts things. The geometry (positions and text
 * layouts) is computed once per size, data and font; snapshot() and the
 * tooltip then only read it. Layouts come from the widget's own Pango
 * context, so they follow the system font and its size, and are cached by
 * text. */

PangoLayout *
jy_trend_chart_get_layout (JyTrendChart *self,
                           char          font,
                           const char   *text)
{
  g_autofree char *key = g_strdup_printf ("%c%s", font, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);
  PangoAttrList *attrs;

  if (layout != NULL)
    return layout;

  /* The widget's own context: follows the system font and its size. */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  attrs = pango_attr_list_new ();
  switch (font)
    {
    case 't':
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      break;
    case 's':
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      break;
    case 'v':
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      break;
    case 'e':
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      break;
    default:
      break;
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
  return layout;
}

int
jy_trend_layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

int
jy_trend_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

void
jy_trend_geometry_clear (JyTrendGeometry *geometry)
{
  geometry->valid = FALSE;
  geometry->title = NULL;
  geometry->unit = NULL;
  geometry->empty_text = NULL;
  g_clear_pointer (&geometry->legend, g_array_unref);
  g_clear_pointer (&geometry->value_marks, g_array_unref);
  g_clear_pointer (&geometry->date_marks, g_array_unref);
  g_clear_pointer (&geometry->last_labels, g_array_unref);
}

double
jy_trend_geometry_x (const JyTrendGeometry *g,
                     double                 day)
{
  return g->x_first +
         (day - g->first_day) * (g->x_last - g->x_first) / (g->last_day - g->first_day);
}

double
jy_trend_geometry_y (const JyTrendGeometry *g,
                     double                 value)
{
  /* The lowest value sits above the date axis, so its markers do not
   * cover the axis line. */
  return g->plot.origin.y + (g->plot.size.height - JY_TREND_PLOT_INSET) *
         (g->value_high - value) / (g->value_high - g->value_low);
}

gboolean
jy_trend_geometry_shows_day (const JyTrendGeometry *g,
                             guint32                day)
{
  return day >= g->first_day && day <= g->last_day;
}

gboolean
jy_trend_geometry_shows_series (const JyTrendGeometry *g,
                                const JyTrendSeries   *series)
{
  for (guint j = 0; j < series->points->len; j++)
    {
      const JyTrendPoint *point = &g_array_index (series->points, JyTrendPoint, j);

      if (!isnan (point->value) && jy_trend_geometry_shows_day (g, point->day))
        return TRUE;
    }
  return FALSE;
}

/* Title, unit and legend; returns the header's height. */
static double
layout_header (JyTrendChart    *self,
               JyTrendGeometry *g)
{
  int title_width = 0, title_height, small_height;
  double header_width, legend_width = 0, x;
  gboolean any_target = FALSE;

  g->title = jy_trend_chart_get_layout (self, 't', self->title != NULL ? self->title : "");
  pango_layout_get_pixel_size (g->title, &title_width, &title_height);
  header_width = title_width;
  if (self->unit != NULL)
    {
      g->unit = jy_trend_chart_get_layout (self, 's', self->unit);
      g->unit_x = title_width > 0 ? title_width + 6 : 0;
      g->unit_y = (pango_layout_get_baseline (g->title) - pango_layout_get_baseline (g->unit)) /
                  PANGO_SCALE;
      header_width = g->unit_x + jy_trend_layout_width (g->unit);
    }

  /* A lone series is named by the title. */
  g->legend = g_array_new (FALSE, TRUE, sizeof (JyTrendLegendItem));
  for (guint i = 0; i < self->series->len; i++)
    {
      JyTrendSeries *series = jy_trend_chart_get_series (self, i);
      JyTrendLegendItem item = { i, 0, JY_TREND_LEGEND_SAMPLE + 4,
                                 jy_trend_chart_get_layout (self, 's', series->name) };

      any_target |= isfinite (series->low) || isfinite (series->high);
      if (self->series->len > 1 || self->title == NULL)
        g_array_append_val (g->legend, item);
    }
  if (any_target)
    {
      JyTrendLegendItem item = { G_MAXUINT, 0, 2 * JY_TREND_OFF_RADIUS + 4, NULL };

      /* Translators: legend entry for the filled markers of readings outside their target */
      item.layout = jy_trend_chart_get_layout (self, 's', C_("trend chart", "Off target"));

      g_array_append_val (g->legend, item);
    }
  for (guint i = 0; i < g->legend->len; i++)
    {
      JyTrendLegendItem *item = &g_array_index (g->legend, JyTrendLegendItem, i);

      legend_width += (i > 0 ? JY_TREND_LEGEND_GAP : 0) + item->label_x +
                      jy_trend_layout_width (item->layout);
    }

  small_height = jy_trend_layout_height (jy_trend_chart_get_layout (self, 's', "0"));
  if (header_width + 24 + legend_width <= g->width)
    {
      x = g->width - legend_width;
      g->legend_y = title_height / 2.0;
    }
  else
    {
      x = 0;
      g->legend_y = title_height + 4 + small_height / 2.0;
    }
  for (guint i = 0; i < g->legend->len; i++)
    {
      JyTrendLegendItem *item = &g_array_index (g->legend, JyTrendLegendItem, i);

      item->x = x;
      item->label_x += x;
      x = item->label_x + jy_trend_layout_width (item->layout) + JY_TREND_LEGEND_GAP;
    }
  return MAX (title_height, g->legend_y + small_height / 2.0);
}

/* The smallest round step (1, 2, 5 × 10ⁿ; 25 × 10ⁿ) that keeps gridlines
 * @min_spacing px apart; sets the axis to whole steps around the values. */
static double
choose_value_step (JyTrendChart    *self,
                   JyTrendGeometry *g,
                   double           low,
                   double           high,
                   double           height,
                   double           min_spacing)
{
  static const double mantissas[] = { 1, 2, 2.5, 5 };
  double magnitude = pow (10, floor (log10 ((high - low) / 20)));
  double smallest = pow (10, -(double)self->digits);

  for (int k = 0; k < 8; k++, magnitude *= 10)
    for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
      {
        double step = mantissas[m] * magnitude;

        if (step < smallest - 1e-9 || (mantissas[m] == 2.5 && step < 10))
          continue;
        g->value_low = floor (low / step + 1e-9) * step;
        g->value_high = ceil (high / step - 1e-9) * step;
        if (g->value_high - g->value_low < step / 2)
          g->value_high = g->value_low + step;
        if (height * step / (g->value_high - g->value_low) >= min_spacing)
          return step;
      }
  return g->value_high - g->value_low;
}

static void
add_value_mark (JyTrendChart    *self,
                JyTrendGeometry *g,
                JyTrendMarkKind  kind,
                guint            series,
                double           value,
                int              decimals,
                double           min_distance)
{
  JyTrendValueMark mark = { value, jy_trend_geometry_y (g, value), kind, series, NULL };
  g_autofree char *text = g_strdup_printf ("%.*f", decimals, value);

  /* Target limits and reference lines come first; a gridline that would
   * crowd one of their labels is left out. */
  for (guint i = 0; i < g->value_marks->len; i++)
    {
      const JyTrendValueMark *other = &g_array_index (g->value_marks, JyTrendValueMark, i);

      if (other->layout != NULL && fabs (other->y - mark.y) < min_distance)
        {
          g_array_append_val (g->value_marks, mark);
          return;
        }
    }
  mark.layout = jy_trend_chart_get_layout (self, 's', text);
  g_array_append_val (g->value_marks, mark);
}

/* Values: range, gridlines, target limits and reference lines. */
static void
layout_values (JyTrendChart    *self,
               JyTrendGeometry *g,
               double           small_height)
{
  double low = INFINITY, high = -INFINITY, span, step;
  int decimals;

  for (guint i = 0; i < self->series->len; i++)
    {
      JyTrendSeries *series = jy_trend_chart_get_series (self, i);

      if (!jy_trend_geometry_shows_series (g, series))
        continue;
      for (guint j = 0; j < series->points->len; j++)
        {
          const JyTrendPoint *point = &g_array_index (series->points, JyTrendPoint, j);

          if (isnan (point->value) || !jy_trend_geometry_shows_day (g, point->day))
            continue;
          low = MIN (low, point->value);
          high = MAX (high, point->value);
        }
      if (isfinite (series->low))
        low = MIN (low, series->low), high = MAX (high, series->low);
      if (isfinite (series->high))
        low = MIN (low, series->high), high = MAX (high, series->high);
    }
  if (high - low < 1e-6)
    {
      double pad = MAX (fabs (high) * 0.1, 1.0);

      low -= pad;
      high += pad;
    }
  /* A danger line close to the readings is worth a little more axis. */
  span = high - low;
  for (guint i = 0; i < self->references->len; i++)
    {
      double value = g_array_index (self->references, double, i);

      if (value >= low - 0.15 * span && value <= high + 0.15 * span)
        low = MIN (low, value), high = MAX (high, value);
    }

  step = choose_value_step (self, g, low, high, g->plot.size.height - JY_TREND_PLOT_INSET,
                           MAX (2.2 * small_height, 26));
  decimals = step >= 1 ? 0 : (int)ceil (-log10 (step) - 1e-9);

  g->value_marks = g_array_new (FALSE, TRUE, sizeof (JyTrendValueMark));
  for (guint i = 0; i < self->series->len; i++)
    {
      JyTrendSeries *series = jy_trend_chart_get_series (self, i);
      double limits[] = { series->low, series->high };

      if (!jy_trend_geometry_shows_series (g, series))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (limits); k++)
        if (isfinite (limits[k]) && limits[k] >= g->value_low && limits[k] <= g->value_high)
          add_value_mark (self, g, JY_TREND_MARK_TARGET, i, limits[k], self->digits, small_height);
    }
  for (guint i = 0; i < self->references->len; i++)
    {
      double value = g_array_index (self->references, double, i);

      if (value >= g->value_low && value <= g->value_high)
        add_value_mark (self, g, JY_TREND_MARK_REFERENCE, 0, value, self->digits, small_height);
    }
  for (int k = 0; g->value_low + k * step <= g->value_high + step / 2; k++)
    add_value_mark (self, g, JY_TREND_MARK_TICK, 0, g->value_low + k * step, decimals,
                    1.5 * small_height);
}

/* Month ticks ("2026-03") every 1, 2, 3 or 6 months, or year ticks ("2026")
 * when months would crowd. */
static void
layout_dates (JyTrendChart    *self,
              JyTrendGeometry *g)
{
  static const int intervals[] = { 1, 2, 3, 6, 12, 24, 60, 120 };
  double per_month = (g->x_last - g->x_first) / (g->last_day - g->first_day) * 30.44;
  int month_width = jy_trend_layout_width (jy_trend_chart_get_layout (self, 's', "2026-03"));
  int year_width = jy_trend_layout_width (jy_trend_chart_get_layout (self, 's', "2026"));
  int interval = intervals[G_N_ELEMENTS (intervals) - 1];
  double last_end = -INFINITY;
  GDate date;
  int index;

  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    if (per_month * intervals[i] >= (intervals[i] < 12 ? month_width : year_width) + 16)
      {
        interval = intervals[i];
        break;
      }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, g->first_day);
  index = g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1;
  if (g_date_get_day (&date) != 1)
    index++;
  index = (index + interval - 1) / interval * interval;

  g->date_marks = g_array_new (FALSE, TRUE, sizeof (JyTrendDateMark));
  for (;; index += interval)
    {
      JyTrendDateMark mark = { 0 };
      char text[16];
      int width;

      g_date_set_dmy (&date, 1, index % 12 + 1, index / 12);
      if (g_date_get_julian (&date) > g->last_day)
        break;
      if (interval < 12)
        g_snprintf (text, sizeof text, "%04d-%02d", index / 12, index % 12 + 1);
      else
        g_snprintf (text, sizeof text, "%04d", index / 12);
      mark.x = jy_trend_geometry_x (g, g_date_get_julian (&date));
      mark.layout = jy_trend_chart_get_layout (self, 's', text);
      width = jy_trend_layout_width (mark.layout);
      mark.label_x = CLAMP (mark.x - width / 2.0, 0, g->width - width);
      if (mark.label_x < last_end + 8)
        mark.layout = NULL;
      else
        last_end = mark.label_x + width;
      g_array_append_val (g->date_marks, mark);
    }
}

/* The index of the series' last reading shown, or -1. */
static int
last_visible (const JyTrendGeometry *g,
              const JyTrendSeries   *series)
{
  for (int j = (int)series->points->len - 1; j >= 0; j--)
    {
      const JyTrendPoint *point = &g_array_index (series->points, JyTrendPoint, j);

      if (!isnan (point->value) && jy_trend_geometry_shows_day (g, point->day))
        return j;
    }
  return -1;
}

static int
compare_label_y (gconstpointer a,
                 gconstpointer b)
{
  const JyTrendLastLabel *la = a, *lb = b;

  return (la->y > lb->y) - (la->y < lb->y);
}

/* Each series' latest value next to its last marker, pushed apart. */
static void
place_last_labels (JyTrendGeometry *g,
                   GPtrArray       *series_list)
{
  for (guint i = 0; i < g->last_labels->len; i++)
    {
      JyTrendLastLabel *label = &g_array_index (g->last_labels, JyTrendLastLabel, i);
      JyTrendSeries *series = g_ptr_array_index (series_list, label->series);
      const JyTrendPoint *point = &g_array_index (series->points, JyTrendPoint,
                                                  last_visible (g, series));

      label->x = jy_trend_geometry_x (g, point->day) + JY_TREND_OFF_RADIUS + 4;
      label->y = jy_trend_geometry_y (g, point->value) -
                 jy_trend_layout_height (label->layout) / 2.0;
    }
  g_array_sort (g->last_labels, compare_label_y);
  for (guint i = 1; i < g->last_labels->len; i++)
    {
      JyTrendLastLabel *above = &g_array_index (g->last_labels, JyTrendLastLabel, i - 1);
      JyTrendLastLabel *label = &g_array_index (g->last_labels, JyTrendLastLabel, i);
      double overlap = above->y + jy_trend_layout_height (above->layout) - label->y;

      if (overlap > 0 && fabs (above->x - label->x) < 1)
        {
          above->y -= overlap / 2;
          label->y += overlap / 2;
        }
    }
}

const JyTrendGeometry *
jy_trend_chart_ensure_geometry (JyTrendChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  JyTrendGeometry *g = &self->geometry;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (widget));
  double header_height, small_height, left = 0, right = 4, top, bottom;

  if (g->valid && g->width == width && g->height == height && g->font_serial == serial)
    return g;

  jy_trend_geometry_clear (g);
  if (g_hash_table_size (self->layouts) > 200)
    g_hash_table_remove_all (self->layouts);
  g->valid = TRUE;
  g->width = width;
  g->height = height;
  g->font_serial = serial;

  header_height = layout_header (self, g);
  g->empty = !jy_trend_chart_compute_days (self, &g->first_day, &g->last_day);
  if (g->empty)
    {
      g->empty_text = jy_trend_chart_get_layout (self, 'e', jy_trend_chart_empty_message (self));
      pango_layout_set_width (g->empty_text, MAX (width, 1) * PANGO_SCALE);
      g->empty_x = 0;
      g->empty_y = header_height +
                   (height - header_height - jy_trend_layout_height (g->empty_text)) / 2;
      return g;
    }

  small_height = jy_trend_layout_height (jy_trend_chart_get_layout (self, 's', "0"));
  top = header_height + 10 + small_height / 2;
  bottom = height - small_height - JY_TREND_TICK_LENGTH - 2;
  g->plot = GRAPHENE_RECT_INIT (0, top, width, MAX (bottom - top, 1));
  layout_values (self, g, small_height);

  g->last_labels = g_array_new (FALSE, TRUE, sizeof (JyTrendLastLabel));
  for (guint i = 0; i < self->series->len; i++)
    {
      JyTrendSeries *series = jy_trend_chart_get_series (self, i);
      int last = last_visible (g, series);
      g_autofree char *text = NULL;
      JyTrendLastLabel label = { i, FALSE, 0, 0, NULL };
      double value;

      if (last < 0)
        continue;
      value = g_array_index (series->points, JyTrendPoint, last).value;
      text = jy_trend_chart_format_value (self, value);
      label.off_target = !jy_trend_series_on_target (series, value);
      label.layout = jy_trend_chart_get_layout (self, 'v', text);
      right = MAX (right, jy_trend_layout_width (label.layout) + 2);
      g_array_append_val (g->last_labels, label);
    }
  for (guint i = 0; i < g->value_marks->len; i++)
    {
      const JyTrendValueMark *mark = &g_array_index (g->value_marks, JyTrendValueMark, i);

      if (mark->layout != NULL)
        left = MAX (left, jy_trend_layout_width (mark->layout) + 8);
    }

  g->plot.origin.x = left;
  g->plot.size.width = MAX (width - left - right, 2 * JY_TREND_PLOT_INSET + 1);
  g->x_first = g->plot.origin.x + JY_TREND_PLOT_INSET;
  g->x_last = g->plot.origin.x + g->plot.size.width - JY_TREND_PLOT_INSET;
  layout_dates (self, g);
  place_last_labels (g, self->series);
  return g;
}

double
jy_trend_chart_x_for_day (JyTrendChart *self,
                          guint32       julian_day)
{
  g_return_val_if_fail (JY_IS_TREND_CHART (self), 0);
  return jy_trend_geometry_x (jy_trend_chart_ensure_geometry (self), julian_day);
}

double
jy_trend_chart_y_for_value (JyTrendChart *self,
                            double        value)
{
  g_return_val_if_fail (JY_IS_TREND_CHART (self), 0);
  return jy_trend_geometry_y (jy_trend_chart_ensure_geometry (self), value);
}

gboolean
jy_trend_chart_get_plot_area (JyTrendChart    *self,
                              graphene_rect_t *area)
{
  const JyTrendGeometry *g;

  g_return_val_if_fail (JY_IS_TREND_CHART (self), FALSE);

  g = jy_trend_chart_ensure_geometry (self);
  *area = g->plot;
  return !g->empty;
}

void
jy_trend_chart_get_value_range (JyTrendChart *self,
                                double       *low,
                                double       *high)
{
  const JyTrendGeometry *g;

  g_return_if_fail (JY_IS_TREND_CHART (self));

  g = jy_trend_chart_ensure_geometry (self);
  *low = g->value_low;
  *high = g->value_high;
}

guint32
jy_trend_chart_day_at (JyTrendChart *self,
                       double        x,
                       double        y)
{
  const JyTrendGeometry *geometry = jy_trend_chart_ensure_geometry (self);
  guint32 best_day = 0;
  double best = JY_TREND_HOVER_DISTANCE;

  if (geometry->empty ||
      y < geometry->plot.origin.y - JY_TREND_HOVER_DISTANCE ||
      y > geometry->plot.origin.y + geometry->plot.size.height + JY_TREND_HOVER_DISTANCE)
    return 0;

  for (guint i = 0; i < self->series->len; i++)
    {
      GArray *points = jy_trend_chart_get_series (self, i)->points;

      for (guint j = 0; j < points->len; j++)
        {
          const JyTrendPoint *point = &g_array_index (points, JyTrendPoint, j);
          double distance;

          if (isnan (point->value) || !jy_trend_geometry_shows_day (geometry, point->day))
            continue;
          distance = fabs (jy_trend_geometry_x (geometry, point->day) - x);
          if (distance <= best)
            {
              best = distance;
              best_day = point->day;
            }
        }
    }
  return best_day;
}
