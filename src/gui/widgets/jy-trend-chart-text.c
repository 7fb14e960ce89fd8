/* jy-trend-chart-text.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-trend-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* What JyTrendChart says in words: the tooltip of a visit and the
 * accessible summary of the whole chart. */

/* Markers closer than this (px) overlap: their visits share a tooltip. */
#define OVERLAP_DISTANCE 9.0

void
jy_trend_format_day (guint32 julian_day,
                     char    buf[16])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  g_snprintf (buf, 16, "%04d-%02d-%02d",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

char *
jy_trend_chart_format_value (JyTrendChart *self,
                             double        value)
{
  return g_strdup_printf ("%.*f", (int)self->digits, value);
}

const char *
jy_trend_chart_empty_message (JyTrendChart *self)
{
  if (self->empty_text != NULL)
    return self->empty_text;
  /* Translators: drawn in a trend chart that has nothing to show */
  return _("No readings yet");
}

/* "Systolic 152 mmHg (off target)" */
static char *
format_reading (JyTrendChart        *self,
                const JyTrendSeries *series,
                double               value)
{
  g_autofree char *number = jy_trend_chart_format_value (self, value);
  /* Translators: one reading: series name, value, unit ("Systolic 152 mmHg") */
  g_autofree char *reading = g_strdup_printf (C_("reading", "%1$s %2$s %3$s"), series->name, number,
                                              self->unit != NULL ? self->unit : "");

  g_strstrip (reading);
  if (jy_trend_series_on_target (series, value))
    return g_steal_pointer (&reading);
  /* Translators: %s is a reading ("Systolic 152 mmHg") outside its target */
  return g_strdup_printf (_("%s (off target)"), reading);
}

/* Every visible reading on @day, one line each. */
static void
append_readings (JyTrendChart *self,
                 guint32       day,
                 GString      *text,
                 const char   *separator)
{
  gboolean first = TRUE;

  for (guint i = 0; i < self->series->len; i++)
    {
      JyTrendSeries *series = jy_trend_chart_get_series (self, i);

      for (guint j = 0; j < series->points->len; j++)
        {
          const JyTrendPoint *point = &g_array_index (series->points, JyTrendPoint, j);
          g_autofree char *reading = NULL;

          if (point->day != day || isnan (point->value))
            continue;
          reading = format_reading (self, series, point->value);
          if (!first)
            g_string_append (text, separator);
          g_string_append (text, reading);
          first = FALSE;
        }
    }
}

/* "血压：…" */
static char *
with_title (JyTrendChart *self,
            const char   *text)
{
  if (self->title == NULL)
    return g_strdup (text);
  /* Translators: accessible description of a chart: its title, then what it shows */
  return g_strdup_printf (_("%1$s: %2$s"), self->title, text);
}

char *
jy_trend_chart_dup_summary (JyTrendChart *self)
{
  g_autoptr(GHashTable) days = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) readings = g_string_new (NULL);
  g_autofree char *latest = NULL;
  g_autofree char *span = NULL;
  g_autofree char *off = NULL;
  g_autofree char *body = NULL;
  char first_text[16], last_text[16];
  guint32 first, last;
  guint32 seen_first = G_MAXUINT32, seen_last = 0;
  guint n_off = 0;

  g_return_val_if_fail (JY_IS_TREND_CHART (self), NULL);

  if (!jy_trend_chart_compute_days (self, &first, &last))
    return with_title (self, jy_trend_chart_empty_message (self));

  /* day -> 1 + whether any reading that day is off target */
  for (guint i = 0; i < self->series->len; i++)
    {
      JyTrendSeries *series = jy_trend_chart_get_series (self, i);

      for (guint j = 0; j < series->points->len; j++)
        {
          const JyTrendPoint *point = &g_array_index (series->points, JyTrendPoint, j);
          gpointer key = GUINT_TO_POINTER (point->day);
          guint state;

          if (isnan (point->value) || point->day < first || point->day > last)
            continue;
          state = GPOINTER_TO_UINT (g_hash_table_lookup (days, key));
          if (state < 2)
            state = jy_trend_series_on_target (series, point->value) ? 1 : 2;
          g_hash_table_insert (days, key, GUINT_TO_POINTER (state));
          seen_first = MIN (seen_first, point->day);
          seen_last = MAX (seen_last, point->day);
        }
    }
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, days);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      n_off += GPOINTER_TO_UINT (value) == 2;
  }

  jy_trend_format_day (seen_first, first_text);
  jy_trend_format_day (seen_last, last_text);
  /* Translators: joins readings in a list ("Systolic 152 mmHg, Diastolic 94 mmHg") */
  append_readings (self, seen_last, readings, C_("list separator", ", "));

  /* Translators: accessible chart summary; %1$s is a date, %2$s the readings that day */
  latest = g_strdup_printf (_("Latest reading on %1$s: %2$s."), last_text, readings->str);
  /* Translators: accessible chart summary; %1$u visits, between dates %2$s and %3$s */
  span = g_strdup_printf (ngettext ("%1$u visit from %2$s to %3$s.",
                                    "%1$u visits from %2$s to %3$s.",
                                    g_hash_table_size (days)),
                          g_hash_table_size (days), first_text, last_text);
  if (n_off == 0)
    {
      off = g_strdup (_("All on target."));
    }
  else
    {
      /* Translators: accessible chart summary; %u visits had a reading outside its target */
      off = g_strdup_printf (ngettext ("%u visit off target.", "%u visits off target.", n_off),
                             n_off);
    }

  /* Translators: the three sentences of a chart summary, in order; in
   * Chinese without spaces */
  body = g_strdup_printf (C_("chart summary", "%1$s %2$s %3$s"), latest, span, off);
  return with_title (self, body);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 da = *(const guint32 *)a, db = *(const guint32 *)b;

  return (da > db) - (da < db);
}

/* The nearest visit, and any whose markers overlap it (two visits a few
 * days apart on a five-year chart), each with its date and readings. */
char *
jy_trend_chart_dup_tooltip_at (JyTrendChart *self,
                               double        x,
                               double        y)
{
  g_autoptr(GArray) days = NULL;
  const JyTrendGeometry *geometry;
  GString *text;
  guint32 day;
  double day_x;

  g_return_val_if_fail (JY_IS_TREND_CHART (self), NULL);

  day = jy_trend_chart_day_at (self, x, y);
  if (day == 0)
    return NULL;

  geometry = jy_trend_chart_ensure_geometry (self);
  day_x = jy_trend_geometry_x (geometry, day);
  days = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint i = 0; i < self->series->len; i++)
    {
      GArray *points = jy_trend_chart_get_series (self, i)->points;

      for (guint j = 0; j < points->len; j++)
        {
          const JyTrendPoint *point = &g_array_index (points, JyTrendPoint, j);

          if (!isnan (point->value) && jy_trend_geometry_shows_day (geometry, point->day) &&
              fabs (jy_trend_geometry_x (geometry, point->day) - day_x) <= OVERLAP_DISTANCE)
            g_array_append_val (days, point->day);
        }
    }
  g_array_sort (days, compare_days);

  text = g_string_new (NULL);
  for (guint i = 0; i < days->len; i++)
    {
      guint32 this_day = g_array_index (days, guint32, i);
      char date[16];

      if (i > 0 && this_day == g_array_index (days, guint32, i - 1))
        continue;
      jy_trend_format_day (this_day, date);
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, date);
      g_string_append_c (text, '\n');
      append_readings (self, this_day, text, "\n");
    }
  return g_string_free (text, FALSE);
}
