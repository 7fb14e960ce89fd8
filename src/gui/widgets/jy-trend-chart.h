/* jy-trend-chart.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A chart of readings over time: blood pressure (systolic and diastolic)
 * or fasting glucose from a resident's follow-ups.
 *
 * Each series is a line with markers. A reading inside its series' target
 * band has a hollow marker; one outside has a larger filled marker in the
 * theme's error colour, so off-target visits stand out without relying on
 * colour alone. Target limits and reference lines (danger thresholds) are
 * labelled on the value axis, and gridlines that would crowd them are left
 * out; the latest value of each series is labelled next to its last point.
 * Hovering a visit shows a tooltip with its date and values. The widget's
 * accessible description summarises the data.
 *
 * Dates are julian day numbers (g_date_get_julian()). A value of NAN is a
 * visit where the series was not measured: the line breaks there.
 *
 *   sbp = jy_trend_chart_add_series (chart, _("Systolic"), JY_TREND_STYLE_PRIMARY);
 *   dbp = jy_trend_chart_add_series (chart, _("Diastolic"), JY_TREND_STYLE_SECONDARY);
 *   jy_trend_chart_set_target (chart, sbp, -INFINITY, age >= 65 ? 150 : 140);
 *   jy_trend_chart_set_target (chart, dbp, -INFINITY, 90);
 *   jy_trend_chart_add_reference_line (chart, 180);
 *   jy_trend_chart_add_reference_line (chart, 110);
 *   jy_trend_chart_add_point (chart, sbp, g_date_get_julian (visit_date), 152);
 *
 * Fasting glucose: one series, target 3.9 to 7.0 (a low reading is off
 * target too), reference line 16.7, digits 1. */

/* How a series looks. Each style has its own colour, line dash and marker
 * shape, so colour is never the only thing that tells two series apart. */
typedef enum
{
  JY_TREND_STYLE_PRIMARY,    /* accent colour, solid line, round markers */
  JY_TREND_STYLE_SECONDARY,  /* purple, dashed line, square markers */
  JY_TREND_STYLE_TERTIARY,   /* text colour, dotted line, diamond markers */
} JyTrendStyle;

#define JY_TYPE_TREND_CHART (jy_trend_chart_get_type ())
G_DECLARE_FINAL_TYPE (JyTrendChart, jy_trend_chart, JY, TREND_CHART, GtkWidget)

GtkWidget  *jy_trend_chart_new                (void);

/* Drawn top left ("血压"), followed by the unit ("mmHg"). */
void        jy_trend_chart_set_title          (JyTrendChart *self,
                                               const char   *title);
const char *jy_trend_chart_get_title          (JyTrendChart *self);
void        jy_trend_chart_set_unit           (JyTrendChart *self,
                                               const char   *unit);
const char *jy_trend_chart_get_unit           (JyTrendChart *self);
/* Decimal places of values in labels and tooltips: 0 for mmHg, 1 for mmol/L. */
void        jy_trend_chart_set_digits         (JyTrendChart *self,
                                               guint         digits);
guint       jy_trend_chart_get_digits         (JyTrendChart *self);
/* Centred when there is nothing to draw ("还没有随访记录"); NULL: a default. */
void        jy_trend_chart_set_empty_text     (JyTrendChart *self,
                                               const char   *text);
const char *jy_trend_chart_get_empty_text     (JyTrendChart *self);

/* Removes every series, target, reference line and the date range; keeps
 * title, unit, digits and empty text. */
void        jy_trend_chart_clear              (JyTrendChart *self);

/* Returns the new series' index for the calls below. */
guint       jy_trend_chart_add_series         (JyTrendChart *self,
                                               const char   *name,
                                               JyTrendStyle  style);
/* A reading is on target when @low < value < @high: both limits are off
 * target, as the follow-up rules read (SBP < 140; glucose > 3.9 and < 7.0).
 * Pass -INFINITY or INFINITY for an open side. The band is shaded faintly
 * and its finite limits are labelled on the value axis in the series' colour. */
void        jy_trend_chart_set_target         (JyTrendChart *self,
                                               guint         series,
                                               double        low,
                                               double        high);
/* Points may come in any order; two on the same day keep the order added. */
void        jy_trend_chart_add_point          (JyTrendChart *self,
                                               guint         series,
                                               guint32       julian_day,
                                               double        value);
/* A faint dotted line in the error colour, for danger thresholds (SBP 180).
 * It widens the value axis only when it lies close to the readings. */
void        jy_trend_chart_add_reference_line (JyTrendChart *self,
                                               double        value);
/* The dates shown, inclusive. 0, 0 (the default): the last 12 months that
 * have readings, or all of them if they span less. */
void        jy_trend_chart_set_range          (JyTrendChart *self,
                                               guint32       first_day,
                                               guint32       last_day);

G_END_DECLS
