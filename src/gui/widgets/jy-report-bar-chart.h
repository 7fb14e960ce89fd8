/* jy-report-bar-chart.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JY_TYPE_REPORT_BAR_CHART (jy_report_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (JyReportBarChart, jy_report_bar_chart, JY, REPORT_BAR_CHART, GtkWidget)

/* Horizontal bars of percentages (signing by team, follow-up completion)
 * or vertical columns over months (control trends, the home-bed census),
 * or counts against the largest of them, with the value
 * written at each bar. Knows nothing of the store. */
GtkWidget *jy_report_bar_chart_new        (gboolean            vertical);
void       jy_report_bar_chart_set_title  (JyReportBarChart   *self,
                                           const char         *title);
/* @labels and @tenths (tenths of a percent, −1: no value) of @n bars. */
void       jy_report_bar_chart_set_bars   (JyReportBarChart   *self,
                                           const char * const *labels,
                                           const int          *tenths,
                                           guint               n);
/* @counts (−1: no value) of @n bars, the largest filling its bar. */
void       jy_report_bar_chart_set_counts (JyReportBarChart   *self,
                                           const char * const *labels,
                                           const int          *counts,
                                           guint               n);
guint      jy_report_bar_chart_get_n_bars (JyReportBarChart   *self);

G_END_DECLS
