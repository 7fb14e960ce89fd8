/* jy-trend-chart.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-trend-chart.h"

#include <math.h>

#include "jy-trend-chart-private.h"

/* The widget and its data. What it says (tooltip, accessible summary) is
 * in jy-trend-chart-text.c, where things go in jy-trend-chart-layout.c,
 * how they look in jy-trend-chart-draw.c. */

G_DEFINE_FINAL_TYPE (JyTrendChart, jy_trend_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_UNIT,
  PROP_DIGITS,
  PROP_EMPTY_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MIN_SPAN_DAYS 90

static void
series_free (gpointer data)
{
  JyTrendSeries *series = data;

  g_free (series->name);
  g_array_unref (series->points);
  g_free (series);
}

gboolean
jy_trend_series_on_target (const JyTrendSeries *series,
                           double               value)
{
  return value > series->low && value < series->high;
}

/* The dates shown: the caller's range, else the last 12 months with
 * readings; at least MIN_SPAN_DAYS wide so month labels fit. FALSE when
 * there are no readings in it. */
gboolean
jy_trend_chart_compute_days (JyTrendChart *self,
                             guint32      *first_day,
                             guint32      *last_day)
{
  guint32 min_day = G_MAXUINT32;
  guint32 max_day = 0;
  guint32 first, last;
  gboolean any = FALSE;

  for (guint i = 0; i < self->series->len; i++)
    {
      GArray *points = jy_trend_chart_get_series (self, i)->points;

      for (guint j = 0; j < points->len; j++)
        {
          const JyTrendPoint *point = &g_array_index (points, JyTrendPoint, j);

          if (isnan (point->value))
            continue;
          min_day = MIN (min_day, point->day);
          max_day = MAX (max_day, point->day);
        }
    }

  if (self->range_first != 0 && self->range_last != 0)
    {
      first = self->range_first;
      last = self->range_last;
    }
  else if (max_day == 0)
    {
      return FALSE;
    }
  else
    {
      GDate year_before;

      g_date_clear (&year_before, 1);
      g_date_set_julian (&year_before, max_day);
      g_date_subtract_months (&year_before, 12);
      first = MAX (min_day, g_date_get_julian (&year_before));
      last = max_day;
    }

  if (last - first < MIN_SPAN_DAYS)
    {
      guint32 middle = first + (last - first) / 2;

      first = middle > MIN_SPAN_DAYS / 2 ? middle - MIN_SPAN_DAYS / 2 : 1;
      last = first + MIN_SPAN_DAYS;
    }

  for (guint i = 0; i < self->series->len && !any; i++)
    {
      GArray *points = jy_trend_chart_get_series (self, i)->points;

      for (guint j = 0; j < points->len && !any; j++)
        {
          const JyTrendPoint *point = &g_array_index (points, JyTrendPoint, j);

          any = !isnan (point->value) && point->day >= first && point->day <= last;
        }
    }

  *first_day = first;
  *last_day = last;
  return any;
}

static void
update_summary_cb (gpointer user_data)
{
  JyTrendChart *self = user_data;
  g_autofree char *summary = jy_trend_chart_dup_summary (self);

  self->summary_source = 0;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title != NULL ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

/* Data changed: drop the geometry, redraw, and tell assistive technologies
 * once the caller has finished adding points. */
static void
data_changed (JyTrendChart *self)
{
  self->geometry.valid = FALSE;
  self->hover_day = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->summary_source == 0)
    self->summary_source = g_idle_add_once (update_summary_cb, self);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  JyTrendChart *self = JY_TREND_CHART (widget);
  g_autofree char *text = NULL;

  if (keyboard_mode)
    return FALSE;
  text = jy_trend_chart_dup_tooltip_at (self, x, y);
  if (text == NULL)
    return FALSE;

  /* Any move asks again, so the tooltip follows the nearest visit. */
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x, y, 1, 1 });
  return TRUE;
}

static void
set_hover_day (JyTrendChart *self,
               guint32       day)
{
  if (self->hover_day == day)
    return;
  self->hover_day = day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           JyTrendChart             *self)
{
  set_hover_day (self, jy_trend_chart_day_at (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          JyTrendChart             *self)
{
  set_hover_day (self, 0);
}

GtkWidget *
jy_trend_chart_new (void)
{
  return g_object_new (JY_TYPE_TREND_CHART, NULL);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
jy_trend_chart_set_title (JyTrendChart *self,
                          const char   *title)
{
  g_return_if_fail (JY_IS_TREND_CHART (self));

  if (!set_string (&self->title, title))
    return;
  data_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
jy_trend_chart_get_title (JyTrendChart *self)
{
  g_return_val_if_fail (JY_IS_TREND_CHART (self), NULL);
  return self->title;
}

void
jy_trend_chart_set_unit (JyTrendChart *self,
                         const char   *unit)
{
  g_return_if_fail (JY_IS_TREND_CHART (self));

  if (!set_string (&self->unit, unit))
    return;
  data_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

const char *
jy_trend_chart_get_unit (JyTrendChart *self)
{
  g_return_val_if_fail (JY_IS_TREND_CHART (self), NULL);
  return self->unit;
}

void
jy_trend_chart_set_digits (JyTrendChart *self,
                           guint         digits)
{
  g_return_if_fail (JY_IS_TREND_CHART (self));
  g_return_if_fail (digits <= 3);

  if (self->digits == digits)
    return;
  self->digits = digits;
  data_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIGITS]);
}

guint
jy_trend_chart_get_digits (JyTrendChart *self)
{
  g_return_val_if_fail (JY_IS_TREND_CHART (self), 0);
  return self->digits;
}

void
jy_trend_chart_set_empty_text (JyTrendChart *self,
                               const char   *text)
{
  g_return_if_fail (JY_IS_TREND_CHART (self));

  if (!set_string (&self->empty_text, text))
    return;
  data_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_TEXT]);
}

const char *
jy_trend_chart_get_empty_text (JyTrendChart *self)
{
  g_return_val_if_fail (JY_IS_TREND_CHART (self), NULL);
  return self->empty_text;
}

void
jy_trend_chart_clear (JyTrendChart *self)
{
  g_return_if_fail (JY_IS_TREND_CHART (self));

  g_ptr_array_set_size (self->series, 0);
  g_array_set_size (self->references, 0);
  self->range_first = 0;
  self->range_last = 0;
  /* Old values' labels are not needed any more. */
  jy_trend_geometry_clear (&self->geometry);
  g_hash_table_remove_all (self->layouts);
  data_changed (self);
}

guint
jy_trend_chart_add_series (JyTrendChart *self,
                           const char   *name,
                           JyTrendStyle  style)
{
  JyTrendSeries *series;

  g_return_val_if_fail (JY_IS_TREND_CHART (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (style <= JY_TREND_STYLE_TERTIARY, 0);

  series = g_new0 (JyTrendSeries, 1);
  series->name = g_strdup (name);
  series->style = style;
  series->low = -INFINITY;
  series->high = INFINITY;
  series->points = g_array_new (FALSE, FALSE, sizeof (JyTrendPoint));
  g_ptr_array_add (self->series, series);
  data_changed (self);
  return self->series->len - 1;
}

void
jy_trend_chart_set_target (JyTrendChart *self,
                           guint         series,
                           double        low,
                           double        high)
{
  JyTrendSeries *s;

  g_return_if_fail (JY_IS_TREND_CHART (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (low < high);

  s = jy_trend_chart_get_series (self, series);
  s->low = low;
  s->high = high;
  data_changed (self);
}

void
jy_trend_chart_add_point (JyTrendChart *self,
                          guint         series,
                          guint32       julian_day,
                          double        value)
{
  GArray *points;
  JyTrendPoint point = { julian_day, value };
  guint at;

  g_return_if_fail (JY_IS_TREND_CHART (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (g_date_valid_julian (julian_day));
  g_return_if_fail (!isinf (value));

  /* Follow-ups come in date order: appending is the usual case. */
  points = jy_trend_chart_get_series (self, series)->points;
  at = points->len;
  while (at > 0 && g_array_index (points, JyTrendPoint, at - 1).day > julian_day)
    at--;
  g_array_insert_val (points, at, point);
  data_changed (self);
}

void
jy_trend_chart_add_reference_line (JyTrendChart *self,
                                   double        value)
{
  g_return_if_fail (JY_IS_TREND_CHART (self));
  g_return_if_fail (isfinite (value));

  g_array_append_val (self->references, value);
  data_changed (self);
}

void
jy_trend_chart_set_range (JyTrendChart *self,
                          guint32       first_day,
                          guint32       last_day)
{
  g_return_if_fail (JY_IS_TREND_CHART (self));
  g_return_if_fail ((first_day == 0 && last_day == 0) ||
                    (g_date_valid_julian (first_day) && g_date_valid_julian (last_day) &&
                     first_day <= last_day));

  if (self->range_first == first_day && self->range_last == last_day)
    return;
  self->range_first = first_day;
  self->range_last = last_day;
  data_changed (self);
}

static void
jy_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  int line_height;

  /* Room for the header, about four gridlines and the date labels. */
  pango_layout_get_pixel_size (jy_trend_chart_get_layout (JY_TREND_CHART (widget), 'b', "Xg"),
                               NULL, &line_height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 560;
    }
  else
    {
      *minimum = MAX (160, line_height * 9);
      *natural = MAX (220, line_height * 11);
    }
}

static void
jy_trend_chart_dispose (GObject *object)
{
  JyTrendChart *self = JY_TREND_CHART (object);

  g_clear_handle_id (&self->summary_source, g_source_remove);
  jy_trend_geometry_clear (&self->geometry);
  if (self->layouts != NULL)
    g_hash_table_remove_all (self->layouts);

  G_OBJECT_CLASS (jy_trend_chart_parent_class)->dispose (object);
}

static void
jy_trend_chart_finalize (GObject *object)
{
  JyTrendChart *self = JY_TREND_CHART (object);

  g_free (self->title);
  g_free (self->unit);
  g_free (self->empty_text);
  g_ptr_array_unref (self->series);
  g_array_unref (self->references);
  g_hash_table_unref (self->layouts);

  G_OBJECT_CLASS (jy_trend_chart_parent_class)->finalize (object);
}

static void
jy_trend_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JyTrendChart *self = JY_TREND_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_DIGITS:
      g_value_set_uint (value, self->digits);
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, self->empty_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jy_trend_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JyTrendChart *self = JY_TREND_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      jy_trend_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      jy_trend_chart_set_unit (self, g_value_get_string (value));
      break;
    case PROP_DIGITS:
      jy_trend_chart_set_digits (self, g_value_get_uint (value));
      break;
    case PROP_EMPTY_TEXT:
      jy_trend_chart_set_empty_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jy_trend_chart_class_init (JyTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_trend_chart_dispose;
  object_class->finalize = jy_trend_chart_finalize;
  object_class->get_property = jy_trend_chart_get_property;
  object_class->set_property = jy_trend_chart_set_property;
  widget_class->measure = jy_trend_chart_measure;
  widget_class->snapshot = jy_trend_chart_snapshot;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DIGITS] =
    g_param_spec_uint ("digits", NULL, NULL, 0, 3, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jy_trend_chart_init (JyTrendChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->series = g_ptr_array_new_with_free_func (series_free);
  self->references = g_array_new (FALSE, FALSE, sizeof (double));
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  data_changed (self);
}
