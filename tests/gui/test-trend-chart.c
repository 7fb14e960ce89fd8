/* test-trend-chart.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "jy-trend-chart-private.h"
#include "test-util.h"

/* A 70-year-old's blood pressure over five years of quarterly follow-ups,
 * target SBP < 150 and DBP < 90 (synthetic). */
typedef struct
{
  int    year, month, day;
  double sbp, dbp;
} Visit;

static const Visit bp_visits[] = {
  { 2021, 11, 3, 162, 94 }, { 2022, 2, 8, 148, 88 }, { 2022, 5, 10, 144, 86 },
  { 2022, 8, 9, 139, 84 }, { 2022, 11, 15, 152, 91 }, { 2023, 2, 14, 141, 85 },
  { 2023, 5, 16, 137, 82 }, { 2023, 8, 15, 135, 80 }, { 2023, 11, 14, 146, 86 },
  { 2024, 2, 20, 143, 84 }, { 2024, 5, 21, 138, 83 }, { 2024, 12, 17, 171, 96 },
  { 2025, 1, 2, 156, 92 }, { 2025, 3, 25, 145, 87 }, { 2025, 6, 24, NAN, NAN },
  { 2025, 9, 23, 136, 81 }, { 2025, 12, 23, 144, 85 }, { 2026, 3, 24, 149, 88 },
  { 2026, 6, 23, 158, 93 }, { 2026, 10, 12, 152, 94 },
};

typedef struct
{
  GtkWindow    *window;
  JyTrendChart *chart;
  guint         sbp;
  guint         dbp;
} Fixture;

static guint32
jd (int year,
    int month,
    int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
add_bp (Fixture *fx)
{
  fx->sbp = jy_trend_chart_add_series (fx->chart, "收缩压", JY_TREND_STYLE_PRIMARY);
  fx->dbp = jy_trend_chart_add_series (fx->chart, "舒张压", JY_TREND_STYLE_SECONDARY);
  jy_trend_chart_set_target (fx->chart, fx->sbp, -INFINITY, 150);
  jy_trend_chart_set_target (fx->chart, fx->dbp, -INFINITY, 90);
  jy_trend_chart_add_reference_line (fx->chart, 180);
  jy_trend_chart_add_reference_line (fx->chart, 110);
  for (guint i = 0; i < G_N_ELEMENTS (bp_visits); i++)
    {
      const Visit *v = &bp_visits[i];

      jy_trend_chart_add_point (fx->chart, fx->sbp, jd (v->year, v->month, v->day), v->sbp);
      jy_trend_chart_add_point (fx->chart, fx->dbp, jd (v->year, v->month, v->day), v->dbp);
    }
}

static gboolean
chart_ready (gpointer data)
{
  GtkWidget *chart = data;

  return gtk_widget_get_mapped (chart) && gtk_widget_get_width (chart) >= 560 &&
         gtk_widget_get_height (chart) >= 220;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  fx->chart = g_object_ref_sink (JY_TREND_CHART (jy_trend_chart_new ()));
  jy_trend_chart_set_title (fx->chart, "血压");
  jy_trend_chart_set_unit (fx->chart, "mmHg");
  gtk_widget_set_size_request (GTK_WIDGET (fx->chart), 560, 220);
  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 560, 220);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->chart));
  gtk_window_present (fx->window);
  jy_test_iterate_until_true (chart_ready, fx->chart);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  gtk_window_destroy (fx->window);
  g_assert_finalize_object (g_steal_pointer (&fx->chart));
}

/* The chart's own drawing, rendered offscreen by the cairo renderer. */
typedef struct
{
  int     width;
  int     height;
  guchar *data;   /* B8G8R8A8 premultiplied */
} Pixels;

static void
pixels_free (Pixels *pixels)
{
  g_free (pixels->data);
  g_free (pixels);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pixels, pixels_free)

static Pixels *
render (JyTrendChart *chart)
{
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  Pixels *pixels = g_new0 (Pixels, 1);
  GskRenderNode *node;

  pixels->width = gtk_widget_get_width (GTK_WIDGET (chart));
  pixels->height = gtk_widget_get_height (GTK_WIDGET (chart));
  jy_trend_chart_snapshot (GTK_WIDGET (chart), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, pixels->width, pixels->height));
  gsk_renderer_unrealize (renderer);
  gsk_render_node_unref (node);

  pixels->data = g_malloc (pixels->width * pixels->height * 4);
  gdk_texture_download (texture, pixels->data, pixels->width * 4);
  return pixels;
}

/* Straight (not premultiplied) colour of one pixel. */
static GdkRGBA
pixel_at (const Pixels *pixels,
          double        x,
          double        y)
{
  const guchar *p;
  double alpha;

  g_assert_true (x >= 0 && x < pixels->width && y >= 0 && y < pixels->height);
  p = pixels->data + (int)y * pixels->width * 4 + (int)x * 4;
  alpha = p[3] / 255.0;
  if (alpha == 0)
    return (GdkRGBA) { 0, 0, 0, 0 };
  return (GdkRGBA) { p[2] / 255.0 / alpha, p[1] / 255.0 / alpha, p[0] / 255.0 / alpha, alpha };
}

/* @pixel is opaque @color (a filled marker's inside). */
static gboolean
same_color (const GdkRGBA *pixel,
            const GdkRGBA *color)
{
  return fabs (pixel->red - color->red) < 0.08 && fabs (pixel->green - color->green) < 0.08 &&
         fabs (pixel->blue - color->blue) < 0.08 && pixel->alpha > 0.9;
}

/* @pixel is mostly covered by a stroke of @color (a line, a ring). */
static gboolean
stroked_with (const GdkRGBA *pixel,
              const GdkRGBA *color)
{
  return fabs (pixel->red - color->red) < 0.15 && fabs (pixel->green - color->green) < 0.15 &&
         fabs (pixel->blue - color->blue) < 0.15 && pixel->alpha > 0.5;
}

/* Whether a pixel in the (2r+1)² box around (x, y) passes @test with @color. */
static gboolean
color_near (const Pixels  *pixels,
            double         x,
            double         y,
            int            r,
            gboolean     (*test) (const GdkRGBA *, const GdkRGBA *),
            const GdkRGBA *color)
{
  for (int dy = -r; dy <= r; dy++)
    for (int dx = -r; dx <= r; dx++)
      {
        GdkRGBA pixel = pixel_at (pixels, x + dx, y + dy);

        if (test (&pixel, color))
          return TRUE;
      }
  return FALSE;
}

static void
test_maps_days_and_values (Fixture       *fx,
                           gconstpointer  user_data)
{
  guint32 first = jd (2021, 11, 3), last = jd (2026, 10, 12);
  graphene_rect_t plot;
  double low, high, x_first, x_last, y_low, y_high;

  add_bp (fx);
  jy_trend_chart_set_range (fx->chart, first, last);
  g_assert_true (jy_trend_chart_get_plot_area (fx->chart, &plot));
  jy_trend_chart_get_value_range (fx->chart, &low, &high);

  /* The axis holds every reading and the target limits, on round numbers. */
  g_assert_cmpfloat (low, <=, 80);
  g_assert_cmpfloat (high, >=, 171);
  g_assert_cmpfloat (fmod (low, 10), ==, 0);
  g_assert_cmpfloat (fmod (high, 10), ==, 0);

  /* Dates map linearly across the plot, first and last just inside it. */
  x_first = jy_trend_chart_x_for_day (fx->chart, first);
  x_last = jy_trend_chart_x_for_day (fx->chart, last);
  g_assert_cmpfloat (x_first, >, plot.origin.x);
  g_assert_cmpfloat (x_first, <, plot.origin.x + 12);
  g_assert_cmpfloat (x_last, <, plot.origin.x + plot.size.width);
  g_assert_cmpfloat (x_last, >, plot.origin.x + plot.size.width - 12);
  g_assert_cmpfloat_with_epsilon (jy_trend_chart_x_for_day (fx->chart, first + (last - first) / 2),
                                  (x_first + x_last) / 2, 0.5);

  /* Values map linearly upwards; the axis top is the plot's top. */
  y_low = jy_trend_chart_y_for_value (fx->chart, low);
  y_high = jy_trend_chart_y_for_value (fx->chart, high);
  g_assert_cmpfloat_with_epsilon (y_high, plot.origin.y, 0.01);
  g_assert_cmpfloat (y_low, <, plot.origin.y + plot.size.height);
  g_assert_cmpfloat (y_low, >, plot.origin.y + plot.size.height - 12);
  g_assert_cmpfloat_with_epsilon (jy_trend_chart_y_for_value (fx->chart, (low + high) / 2),
                                  (y_low + y_high) / 2, 0.01);
  g_assert_cmpfloat (plot.origin.x + plot.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (fx->chart)));
  g_assert_cmpfloat (plot.origin.y + plot.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (fx->chart)));
}

static void
assert_off_target_drawn (Fixture *fx)
{
  g_autoptr(Pixels) pixels = NULL;
  GdkRGBA off, sbp, dbp, pixel;
  guint32 off_day = jd (2022, 11, 15), on_day = jd (2023, 8, 15);
  double x_off = jy_trend_chart_x_for_day (fx->chart, off_day);
  double x_on = jy_trend_chart_x_for_day (fx->chart, on_day);

  jy_trend_chart_get_marker_color (fx->chart, fx->sbp, TRUE, &off);
  jy_trend_chart_get_marker_color (fx->chart, fx->sbp, FALSE, &sbp);
  jy_trend_chart_get_marker_color (fx->chart, fx->dbp, FALSE, &dbp);
  pixels = render (fx->chart);

  /* 152/91 on 2022-11-15: both filled with the error colour. */
  pixel = pixel_at (pixels, x_off, jy_trend_chart_y_for_value (fx->chart, 152));
  g_assert_true (same_color (&pixel, &off));
  pixel = pixel_at (pixels, x_off, jy_trend_chart_y_for_value (fx->chart, 91));
  g_assert_true (same_color (&pixel, &off));

  /* 135/80 on 2023-08-15: hollow markers in each series' own colour. */
  pixel = pixel_at (pixels, x_on, jy_trend_chart_y_for_value (fx->chart, 135));
  g_assert_cmpfloat (pixel.alpha, <, 0.3);
  g_assert_true (color_near (pixels, x_on, jy_trend_chart_y_for_value (fx->chart, 135), 4,
                             stroked_with, &sbp));
  g_assert_false (color_near (pixels, x_on, jy_trend_chart_y_for_value (fx->chart, 135), 3,
                              stroked_with, &off));
  pixel = pixel_at (pixels, x_on, jy_trend_chart_y_for_value (fx->chart, 80));
  g_assert_cmpfloat (pixel.alpha, <, 0.3);
  g_assert_true (color_near (pixels, x_on, jy_trend_chart_y_for_value (fx->chart, 80), 4,
                             stroked_with, &dbp));
}

static void
test_off_target_points_filled (Fixture       *fx,
                               gconstpointer  user_data)
{
  add_bp (fx);
  jy_trend_chart_set_range (fx->chart, jd (2021, 11, 3), jd (2026, 10, 12));
  assert_off_target_drawn (fx);
}

static gboolean
text_is_light (gpointer data)
{
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (data), &color);
  return color.red > 0.5;
}

static void
test_off_target_points_filled_dark (Fixture       *fx,
                                    gconstpointer  user_data)
{
  GdkRGBA light, dark;

  add_bp (fx);
  jy_trend_chart_set_range (fx->chart, jd (2021, 11, 3), jd (2026, 10, 12));
  jy_trend_chart_get_marker_color (fx->chart, fx->sbp, TRUE, &light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  jy_trend_chart_get_marker_color (fx->chart, fx->sbp, TRUE, &dark);
  /* The colours follow the style, and the drawing follows them. */
  g_assert_false (gdk_rgba_equal (&light, &dark));
  jy_test_iterate_until_true (text_is_light, fx->chart);
  assert_off_target_drawn (fx);
}

static void
test_gap_breaks_line (Fixture       *fx,
                      gconstpointer  user_data)
{
  g_autoptr(Pixels) pixels = NULL;
  GdkRGBA sbp, pixel;
  guint32 before = jd (2025, 3, 25), after = jd (2025, 9, 23);
  guint32 a = jd (2023, 5, 16), b = jd (2023, 8, 15);

  add_bp (fx);
  jy_trend_chart_set_range (fx->chart, jd (2021, 11, 3), jd (2026, 10, 12));
  jy_trend_chart_get_marker_color (fx->chart, fx->sbp, FALSE, &sbp);
  pixels = render (fx->chart);

  /* 2023-05-16 → 2023-08-15: a solid line through the midpoint. */
  g_assert_true (color_near (pixels,
                             (jy_trend_chart_x_for_day (fx->chart, a) +
                              jy_trend_chart_x_for_day (fx->chart, b)) / 2,
                             jy_trend_chart_y_for_value (fx->chart, (137 + 135) / 2.0), 1,
                             stroked_with, &sbp));
  /* No systolic reading on 2025-06-24: nothing joins its neighbours. */
  pixel = pixel_at (pixels,
                    (jy_trend_chart_x_for_day (fx->chart, before) +
                     jy_trend_chart_x_for_day (fx->chart, after)) / 2,
                    jy_trend_chart_y_for_value (fx->chart, (145 + 136) / 2.0));
  g_assert_cmpfloat (pixel.alpha, <, 0.3);
  g_assert_false (color_near (pixels,
                              (jy_trend_chart_x_for_day (fx->chart, before) +
                               jy_trend_chart_x_for_day (fx->chart, after)) / 2,
                              jy_trend_chart_y_for_value (fx->chart, (145 + 136) / 2.0), 2,
                              stroked_with, &sbp));
}

static void
test_empty_state_shows_text (Fixture       *fx,
                             gconstpointer  user_data)
{
  g_autoptr(Pixels) pixels = NULL;
  g_autofree char *summary = NULL;
  const JyTrendGeometry *geometry;
  graphene_rect_t plot;
  int width = gtk_widget_get_width (GTK_WIDGET (fx->chart));
  int height = gtk_widget_get_height (GTK_WIDGET (fx->chart));
  gboolean inked = FALSE;

  jy_trend_chart_set_empty_text (fx->chart, "还没有随访记录");
  add_bp (fx);
  /* Series and targets, but no reading in the range asked for. */
  jy_trend_chart_set_range (fx->chart, jd (2010, 1, 1), jd (2010, 12, 31));
  g_assert_false (jy_trend_chart_get_plot_area (fx->chart, &plot));
  geometry = jy_trend_chart_ensure_geometry (fx->chart);
  g_assert_cmpstr (pango_layout_get_text (geometry->empty_text), ==, "还没有随访记录");

  /* The message is drawn across the middle, not at the edge. */
  pixels = render (fx->chart);
  for (int x = width / 3; x < 2 * width / 3 && !inked; x++)
    for (int y = height / 3; y < 2 * height / 3 && !inked; y++)
      inked = pixel_at (pixels, x, y).alpha > 0.5;
  g_assert_true (inked);

  summary = jy_trend_chart_dup_summary (fx->chart);
  g_assert_cmpstr (summary, ==, "血压：还没有随访记录");

  /* A chart that never had data says so by default. */
  jy_trend_chart_clear (fx->chart);
  jy_trend_chart_set_empty_text (fx->chart, NULL);
  geometry = jy_trend_chart_ensure_geometry (fx->chart);
  g_assert_true (geometry->empty);
  g_assert_cmpstr (pango_layout_get_text (geometry->empty_text), ==, "还没有记录");
}

static double
day_x (Fixture *fx,
       int      year,
       int      month,
       int      day)
{
  return jy_trend_chart_x_for_day (fx->chart, jd (year, month, day));
}

static gboolean
query_tooltip (Fixture *fx,
               double   x,
               double   y)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (fx->chart, "query-tooltip", (int)x, (int)y, FALSE, tooltip, &shown);
  return shown;
}

static void
test_tooltip_lists_visit (Fixture       *fx,
                          gconstpointer  user_data)
{
  g_autofree char *last = NULL;
  g_autofree char *close_pair = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *below = NULL;
  graphene_rect_t plot;
  double middle;

  add_bp (fx);
  jy_trend_chart_set_range (fx->chart, jd (2021, 11, 3), jd (2026, 10, 12));
  g_assert_true (jy_trend_chart_get_plot_area (fx->chart, &plot));
  middle = plot.origin.y + plot.size.height / 2;

  /* Anywhere in the column of a visit, a little off to the side. */
  last = jy_trend_chart_dup_tooltip_at (fx->chart, day_x (fx, 2026, 10, 12) - 4, middle);
  g_assert_cmpstr (last, ==, "2026-10-12\n收缩压 152 mmHg（未达标）\n舒张压 94 mmHg（未达标）");

  /* Two visits 16 days apart overlap on a five-year chart: both listed. */
  close_pair = jy_trend_chart_dup_tooltip_at (fx->chart, day_x (fx, 2024, 12, 17), middle);
  g_assert_cmpstr (close_pair, ==,
                   "2024-12-17\n收缩压 171 mmHg（未达标）\n舒张压 96 mmHg（未达标）\n\n"
                   "2025-01-02\n收缩压 156 mmHg（未达标）\n舒张压 92 mmHg（未达标）");

  /* Between visits, and below the date axis: nothing. */
  nothing = jy_trend_chart_dup_tooltip_at (fx->chart,
                                           (day_x (fx, 2024, 5, 21) + day_x (fx, 2024, 12, 17)) / 2,
                                           middle);
  g_assert_null (nothing);
  below = jy_trend_chart_dup_tooltip_at (fx->chart, day_x (fx, 2026, 10, 12),
                                         plot.origin.y + plot.size.height + 40);
  g_assert_null (below);

  /* GTK asks through query-tooltip, which has a tooltip only near a visit. */
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (fx->chart)));
  g_assert_true (query_tooltip (fx, day_x (fx, 2026, 10, 12), middle));
  g_assert_false (query_tooltip (fx, (day_x (fx, 2024, 5, 21) + day_x (fx, 2024, 12, 17)) / 2,
                                 middle));
}

static gboolean
summary_updated (gpointer data)
{
  Fixture *fx = data;

  return fx->chart->summary_source == 0;
}

static void
test_summary_describes_latest (Fixture       *fx,
                               gconstpointer  user_data)
{
  g_autofree char *summary = NULL;
  g_autofree char *controlled = NULL;

  add_bp (fx);
  jy_trend_chart_set_range (fx->chart, jd (2021, 11, 3), jd (2026, 10, 12));
  summary = jy_trend_chart_dup_summary (fx->chart);
  g_assert_cmpstr (summary, ==,
                   "血压：最近一次为 2026-10-12，"
                   "收缩压 152 mmHg（未达标）、舒张压 94 mmHg（未达标）。"
                   "2021-11-03 至 2026-10-12 共随访 19 次。其中 6 次未达标。");

  /* Screen readers get it once the points are in: an image with a description. */
  jy_test_iterate_until_true (summary_updated, fx);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (fx->chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fx->chart),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "血压");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fx->chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);

  /* The default range is the last 12 months with readings. */
  jy_trend_chart_set_range (fx->chart, 0, 0);
  jy_trend_chart_clear (fx->chart);
  fx->sbp = jy_trend_chart_add_series (fx->chart, "收缩压", JY_TREND_STYLE_PRIMARY);
  jy_trend_chart_set_target (fx->chart, fx->sbp, -INFINITY, 140);
  jy_trend_chart_add_point (fx->chart, fx->sbp, jd (2026, 10, 12), 132);
  jy_trend_chart_add_point (fx->chart, fx->sbp, jd (2025, 10, 11), 170);
  jy_trend_chart_add_point (fx->chart, fx->sbp, jd (2025, 10, 12), 128);
  controlled = jy_trend_chart_dup_summary (fx->chart);
  g_assert_cmpstr (controlled, ==,
                   "血压：最近一次为 2026-10-12，收缩压 132 mmHg。"
                   "2025-10-12 至 2026-10-12 共随访 2 次。均达标。");
}

static void
test_date_labels (Fixture       *fx,
                  gconstpointer  user_data)
{
  const JyTrendGeometry *geometry;
  g_autoptr(GString) labels = g_string_new (NULL);

  add_bp (fx);
  jy_trend_chart_set_range (fx->chart, jd (2021, 11, 3), jd (2026, 10, 12));
  geometry = jy_trend_chart_ensure_geometry (fx->chart);
  for (guint i = 0; i < geometry->date_marks->len; i++)
    {
      const JyTrendDateMark *mark = &g_array_index (geometry->date_marks, JyTrendDateMark, i);

      if (mark->layout != NULL)
        g_string_append_printf (labels, "%s ", pango_layout_get_text (mark->layout));
    }
  /* Five years: one label a year, at 1 January. */
  g_assert_cmpstr (labels->str, ==, "2022 2023 2024 2025 2026 ");

  /* The default range is a year: months, in ISO form. */
  jy_trend_chart_set_range (fx->chart, 0, 0);
  geometry = jy_trend_chart_ensure_geometry (fx->chart);
  g_assert_cmpuint (geometry->first_day, ==, jd (2025, 10, 12));
  g_assert_cmpuint (geometry->last_day, ==, jd (2026, 10, 12));
  g_string_truncate (labels, 0);
  for (guint i = 0; i < geometry->date_marks->len; i++)
    {
      const JyTrendDateMark *mark = &g_array_index (geometry->date_marks, JyTrendDateMark, i);

      if (mark->layout != NULL)
        g_string_append_printf (labels, "%s ", pango_layout_get_text (mark->layout));
    }
  g_test_message ("12-month labels: %s", labels->str);
  g_assert_true (g_regex_match_simple ("^(20(25|26)-[01][0-9] ){4,}$", labels->str, 0, 0));
}

static void
test_one_point_and_same_day (Fixture       *fx,
                             gconstpointer  user_data)
{
  g_autofree char *tooltip = NULL;
  const JyTrendGeometry *geometry;
  guint32 day = jd (2026, 10, 12);
  graphene_rect_t plot;
  guint glucose;

  jy_trend_chart_set_title (fx->chart, "空腹血糖");
  jy_trend_chart_set_unit (fx->chart, "mmol/L");
  jy_trend_chart_set_digits (fx->chart, 1);
  glucose = jy_trend_chart_add_series (fx->chart, "空腹血糖", JY_TREND_STYLE_PRIMARY);
  jy_trend_chart_set_target (fx->chart, glucose, 3.9, 7.0);
  jy_trend_chart_add_point (fx->chart, glucose, day, 7.4);

  /* One reading: drawn in the middle of a short range. */
  g_assert_true (jy_trend_chart_get_plot_area (fx->chart, &plot));
  geometry = jy_trend_chart_ensure_geometry (fx->chart);
  g_assert_cmpuint (geometry->last_day - geometry->first_day, >=, 90);
  g_assert_cmpfloat_with_epsilon (jy_trend_chart_x_for_day (fx->chart, day),
                                  plot.origin.x + plot.size.width / 2, 1);
  g_assert_cmpfloat (geometry->value_low, <=, 3.9);
  g_assert_cmpfloat (geometry->value_high, >=, 7.4);

  /* A second one the same day: same column, both in the tooltip. */
  jy_trend_chart_add_point (fx->chart, glucose, day, 6.2);
  tooltip = jy_trend_chart_dup_tooltip_at (fx->chart, jy_trend_chart_x_for_day (fx->chart, day),
                                           plot.origin.y + plot.size.height / 2);
  g_assert_cmpstr (tooltip, ==, "2026-10-12\n空腹血糖 7.4 mmol/L（未达标）\n空腹血糖 6.2 mmol/L");
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a, db = *(const double *)b;

  return (da > db) - (da < db);
}

static void
test_snapshot_fast (Fixture       *fx,
                    gconstpointer  user_data)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint sbp, dbp;

  sbp = jy_trend_chart_add_series (fx->chart, "收缩压", JY_TREND_STYLE_PRIMARY);
  dbp = jy_trend_chart_add_series (fx->chart, "舒张压", JY_TREND_STYLE_SECONDARY);
  jy_trend_chart_set_target (fx->chart, sbp, -INFINITY, 140);
  jy_trend_chart_set_target (fx->chart, dbp, -INFINITY, 90);
  for (int i = 0; i < 60; i++)
    {
      guint32 day = jd (2021 + i / 12, i % 12 + 1, 10);

      jy_trend_chart_add_point (fx->chart, sbp, day, 135 + 15 * sin (i));
      jy_trend_chart_add_point (fx->chart, dbp, day, 85 + 8 * cos (i));
    }
  jy_trend_chart_set_range (fx->chart, jd (2021, 1, 10), jd (2025, 12, 10));
  /* Many points, one accessible update. */
  jy_test_iterate_until_true (summary_updated, fx);

  for (int i = 0; i < 21; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      gint64 start = g_get_monotonic_time ();
      double ms;

      /* Half the runs also lay the chart out again, as after a resize. */
      if (i % 2 == 0)
        fx->chart->geometry.valid = FALSE;
      jy_trend_chart_snapshot (GTK_WIDGET (fx->chart), snapshot);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      gsk_render_node_unref (gtk_snapshot_free_to_node (snapshot));
    }
  g_array_sort (times, compare_doubles);
  g_test_message ("snapshot of 120 points: median %.3f ms, max %.3f ms",
                  g_array_index (times, double, times->len / 2),
                  g_array_index (times, double, times->len - 1));
  g_assert_cmpfloat (g_array_index (times, double, times->len / 2), <, 2.0);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("JIAYI_LOCALEDIR");

  /* The test accessibility backend (no AT-SPI bus) lets the tests read
   * the chart's accessible description; meson sets "none" for GUI tests. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  jy_test_quiet_debug ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/gui/trend-chart/maps-days-and-values", test_maps_days_and_values);
  ADD ("/gui/trend-chart/off-target-points-filled", test_off_target_points_filled);
  ADD ("/gui/trend-chart/off-target-points-filled-dark", test_off_target_points_filled_dark);
  ADD ("/gui/trend-chart/missing-reading-breaks-line", test_gap_breaks_line);
  ADD ("/gui/trend-chart/empty-state-shows-text", test_empty_state_shows_text);
  ADD ("/gui/trend-chart/tooltip-lists-visit", test_tooltip_lists_visit);
  ADD ("/gui/trend-chart/summary-describes-latest", test_summary_describes_latest);
  ADD ("/gui/trend-chart/date-labels-months-or-years", test_date_labels);
  ADD ("/gui/trend-chart/one-point-and-same-day", test_one_point_and_same_day);
  ADD ("/gui/trend-chart/snapshot-60-points-fast", test_snapshot_fast);

  return g_test_run ();
}
