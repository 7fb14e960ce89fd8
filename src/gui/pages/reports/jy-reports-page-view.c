/* jy-reports-page-view.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reports page's tables and charts, built from the comparison it
 * computed: a grid per section, each number a button that lists the
 * residents behind it, the definition under each indicator's name.
 */

#include "config.h"

#include "jy-reports-page-private.h"

#include <glib/gi18n.h>

#include "jy-rate.h"
#include "jy-report-print.h"

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
label (const char *text,
       float       xalign,
       const char *css)
{
  GtkWidget *w = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (w), xalign);
  if (css != NULL)
    gtk_widget_add_css_class (w, css);
  return w;
}

static void
number_clicked_cb (GtkButton     *button,
                   JyReportsPage *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "code");

  jy_reports_page_drill (self, code, 0, FALSE);
}

static void
add_section (JyReportsPage   *self,
             JyReportSection  section)
{
  const JyReportComparison *cmp = self->comparison;
  const JyReportIndicator *defs;
  GtkWidget *grid;
  guint n;
  int row = 1;

  defs = jy_report_indicators (&n);
  gtk_box_append (self->content_box, label (jy_report_section_name (section), 0, "title-4"));
  if (!jy_report_section_is_available (section))
    {
      gtk_box_append (self->content_box,
                      label (_("Not recorded on this workstation yet: these indicators will be "
                               "counted when this area is in use."), 0, "dim-label"));
      return;
    }
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_set_margin_bottom (grid, 6);
  {
    const char *headers[] = { _("Code"), _("Indicator"), _("This month"), _("Numerator/denominator"),
                              _("Previous month"), _("Same month last year") };

    for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
      {
        GtkWidget *h = label (headers[c], c < 2 ? 0 : 1, "heading");

        gtk_widget_set_margin_top (h, 8);
        gtk_grid_attach (GTK_GRID (grid), h, (int)c, 0, 1, 1);
      }
  }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = NULL, *previous = NULL, *last_year = NULL, *counts = NULL;
      g_autofree char *definition = NULL;
      const JyReportCell *cell;
      GtkWidget *name_box, *number, *code;

      if (defs[i].section != section)
        continue;
      cell = jy_report_get_cell (cmp->current, i, 0);
      value = jy_report_format_cell (cmp->current, i, 0);
      previous = jy_report_format_cell (cmp->previous, i, 0);
      last_year = jy_report_format_cell (cmp->last_year, i, 0);
      counts = cell->available && defs[i].denominator != NULL
                 ? g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, cell->numerator,
                                    cell->denominator)
                 : g_strdup ("");
      definition = jy_report_indicator_describe (&defs[i]);

      code = label (defs[i].code, 0, "dim-label");
      gtk_widget_set_valign (code, GTK_ALIGN_START);
      gtk_widget_set_margin_start (code, 12);
      gtk_grid_attach (GTK_GRID (grid), code, 0, row, 1, 1);

      name_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_hexpand (name_box, TRUE);
      gtk_box_append (GTK_BOX (name_box), label (jy_report_indicator_name (&defs[i]), 0, NULL));
      {
        GtkWidget *d = label (definition, 0, "dim-label");

        gtk_label_set_wrap (GTK_LABEL (d), TRUE);
        gtk_label_set_max_width_chars (GTK_LABEL (d), 60);
        gtk_widget_add_css_class (d, "caption");
        gtk_box_append (GTK_BOX (name_box), d);
      }
      gtk_grid_attach (GTK_GRID (grid), name_box, 1, row, 1, 1);

      if (cell->available && jy_report_indicator_is_available (&defs[i]))
        {
          number = gtk_button_new_with_label (value);
          gtk_widget_add_css_class (number, "flat");
          gtk_widget_set_tooltip_text (number, _("Show the residents behind this number"));
          g_object_set_data_full (G_OBJECT (number), "code", g_strdup (defs[i].code), g_free);
          gtk_widget_set_name (number, defs[i].code);
          g_signal_connect (number, "clicked", G_CALLBACK (number_clicked_cb), self);
        }
      else
        number = label (value, 1, NULL);
      gtk_widget_set_halign (number, GTK_ALIGN_END);
      gtk_widget_set_valign (number, GTK_ALIGN_START);
      gtk_grid_attach (GTK_GRID (grid), number, 2, row, 1, 1);
      {
        GtkWidget *c = label (counts, 1, "dim-label"), *p = label (previous, 1, NULL);
        GtkWidget *y = label (last_year, 1, NULL);

        gtk_widget_add_css_class (c, "numeric");
        gtk_widget_set_valign (c, GTK_ALIGN_START);
        gtk_widget_set_valign (p, GTK_ALIGN_START);
        gtk_widget_set_valign (y, GTK_ALIGN_START);
        gtk_widget_set_margin_end (y, 12);
        gtk_grid_attach (GTK_GRID (grid), c, 3, row, 1, 1);
        gtk_grid_attach (GTK_GRID (grid), p, 4, row, 1, 1);
        gtk_grid_attach (GTK_GRID (grid), y, 5, row, 1, 1);
      }
      row++;
    }
  gtk_box_append (self->content_box, grid);
}

/* One bar per team of the centre's report: @code's rate. */
static GtkWidget *
team_chart (const JyReport *report,
            const char     *code,
            const char     *title)
{
  const JyReportIndicator *def = jy_report_indicator_lookup (code);
  guint index = (guint)(def - jy_report_indicators (NULL));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) tenths = g_array_new (FALSE, FALSE, sizeof (int));
  GtkWidget *chart = jy_report_bar_chart_new (FALSE);

  for (guint g = 1; g < report->groups->len; g++)
    {
      const JyReportGroup *group = g_ptr_array_index (report->groups, g);
      const JyReportCell *cell = jy_report_get_cell (report, index, g);
      JyRate rate = JY_RATE_INIT (cell->numerator, cell->denominator);
      gint64 t;
      int value;

      if (group->kind != JY_REPORT_SCOPE_TEAM)
        continue;
      value = cell->available && jy_rate_get_tenths (&rate, &t) ? (int)t : -1;
      g_ptr_array_add (labels, group->name);
      g_array_append_val (tenths, value);
    }
  jy_report_bar_chart_set_title (JY_REPORT_BAR_CHART (chart), title);
  jy_report_bar_chart_set_bars (JY_REPORT_BAR_CHART (chart), (const char * const *)labels->pdata,
                                (const int *)(gpointer)tenths->data, tenths->len);
  return chart;
}

void
jy_reports_page_fill (JyReportsPage *self)
{
  const JyReport *report = self->comparison->current;
  g_autofree char *title = jy_report_title (report);
  g_autofree char *month = jy_report_format_month (&report->month);
  g_autofree char *subtitle = g_strdup_printf (_("Month: %s"), month);

  clear_box (self->content_box);
  gtk_box_append (self->content_box, label (title, 0, "title-2"));
  gtk_box_append (self->content_box, label (subtitle, 0, "dim-label"));
  for (JyReportSection s = 0; s < JY_REPORT_SECTION_N; s++)
    add_section (self, s);

  gtk_box_append (self->content_box, label (_("Charts"), 0, "title-4"));
  if (report->scope.kind == JY_REPORT_SCOPE_CENTRE)
    {
      GtkWidget *charts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

      gtk_box_set_homogeneous (GTK_BOX (charts), TRUE);
      gtk_box_append (GTK_BOX (charts), team_chart (report, "C02", _("Signing rate by team")));
      gtk_box_append (GTK_BOX (charts), team_chart (report, "F04", _("Hypertension managed to the norm by team")));
      gtk_box_append (self->content_box, charts);
    }
  self->trend_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (self->trend_box), label (_("Counting the last 12 months…"), 0, "dim-label"));
  gtk_box_append (self->content_box, self->trend_box);
}

void
jy_reports_page_fill_trend (JyReportsPage *self,
                            GPtrArray     *reports)
{
  /* Two a row: control rates, then the home-bed census (beds open at
   * each month end) beside the long prescriptions issued. */
  static const struct { const char *code; const char *title; } series[] = {
    { "F05", N_("Blood pressure control, last 12 months") },
    { "F07", N_("Blood glucose control, last 12 months") },
    { "H01", N_("Home beds open at each month end") },
    { "L01", N_("Long prescriptions issued, last 12 months") },
  };
  GtkWidget *row = NULL;

  clear_box (GTK_BOX (self->trend_box));
  for (guint s = 0; s < G_N_ELEMENTS (series); s++)
    {
      const JyReportIndicator *def = jy_report_indicator_lookup (series[s].code);
      guint index = (guint)(def - jy_report_indicators (NULL));
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) tenths = g_array_new (FALSE, FALSE, sizeof (int));
      GtkWidget *chart = jy_report_bar_chart_new (TRUE);

      for (guint m = 0; m < reports->len; m++)
        {
          const JyReport *report = g_ptr_array_index (reports, m);
          const JyReportCell *cell = jy_report_get_cell (report, index, 0);
          JyRate rate = JY_RATE_INIT (cell->numerator, cell->denominator);
          gint64 t;
          int value = !cell->available ? -1
                      : def->kind != JY_INDICATOR_RATE ? (int)cell->numerator
                      : jy_rate_get_tenths (&rate, &t) ? (int)t : -1;

          /* The month's number under its column; the title says which 12. */
          g_ptr_array_add (labels, g_strdup_printf ("%d", report->month.month));
          g_array_append_val (tenths, value);
        }
      jy_report_bar_chart_set_title (JY_REPORT_BAR_CHART (chart), _(series[s].title));
      if (def->kind == JY_INDICATOR_RATE)
        jy_report_bar_chart_set_bars (JY_REPORT_BAR_CHART (chart), (const char * const *)labels->pdata,
                                      (const int *)(gpointer)tenths->data, tenths->len);
      else
        jy_report_bar_chart_set_counts (JY_REPORT_BAR_CHART (chart), (const char * const *)labels->pdata,
                                        (const int *)(gpointer)tenths->data, tenths->len);
      {
        g_autofree char *name = g_strconcat ("trend-", series[s].code, NULL);

        gtk_widget_set_name (chart, name);
      }
      if (s % 2 == 0)
        {
          row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
          gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
          gtk_box_append (GTK_BOX (self->trend_box), row);
        }
      gtk_box_append (GTK_BOX (row), chart);
    }
}
