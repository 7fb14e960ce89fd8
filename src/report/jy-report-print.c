/* jy-report-print.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-report-print.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jy-csv.h"
#include "jy-report-measures-private.h"

char *
jy_report_format_month (const JyReportMonth *month)
{
  /* Translators: a report month, e.g. 2026年10月. */
  return g_strdup_printf (_("%d-%02d"), month->year, month->month);
}

char *
jy_report_title (const JyReport *report)
{
  const char *scope = report->scope.kind == JY_REPORT_SCOPE_CENTRE ? "" : report->scope_name;

  /* Translators: the report title: centre name, then team or doctor (or nothing). */
  return g_strdup_printf (_("%s%s Family-Doctor Contracts and Chronic Care Monthly Report"),
                          report->centre_name, scope);
}

static char *
counts_text (const JyReport *report,
             guint           i,
             guint           group)
{
  const JyReportCell *cell = jy_report_get_cell (report, i, group);
  const JyReportIndicator *def = &jy_report_indicators (NULL)[i];

  if (!cell->available || def->denominator == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, cell->numerator, cell->denominator);
}

/* The breakdown columns of a section: its indicators but the reasons of C06. */
static gboolean
in_breakdown (const JyReportIndicator *def)
{
  return strchr (def->code, '-') == NULL;
}

static void
add_section (JyPrintDoc               *doc,
             const JyReportComparison *cmp,
             JyReportSection           section,
             GPtrArray                *notes)
{
  static const double widths[] = { 9, 40, 14, 16, 14, 14 };
  static const JyAlign aligns[] = { JY_ALIGN_START, JY_ALIGN_START, JY_ALIGN_END, JY_ALIGN_END,
                                    JY_ALIGN_END, JY_ALIGN_END };
  const char *headers[] = { _("Code"), _("Indicator"), _("This month"), _("Numerator/denominator"),
                            _("Previous month"), _("Same month last year"), NULL };
  const JyReportIndicator *defs;
  JyPrintTable *table;
  guint n;

  defs = jy_report_indicators (&n);
  jy_print_doc_add_heading (doc, jy_report_section_name (section));
  table = jy_print_doc_add_table (doc, G_N_ELEMENTS (headers) - 1, headers, widths, aligns);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = NULL, *counts = NULL, *previous = NULL, *last_year = NULL;
      g_autofree char *name = NULL;

      if (defs[i].section != section)
        continue;
      value = jy_report_format_cell (cmp->current, i, 0);
      counts = counts_text (cmp->current, i, 0);
      previous = jy_report_format_cell (cmp->previous, i, 0);
      last_year = jy_report_format_cell (cmp->last_year, i, 0);
      name = g_strdup (jy_report_indicator_name (&defs[i]));
      {
        const char *cells[] = { defs[i].code, name, value, counts, previous, last_year, NULL };

        jy_print_table_add_row (table, cells);
      }
      if (jy_report_indicator_is_available (&defs[i]))
        {
          g_autofree char *definition = jy_report_indicator_describe (&defs[i]);

          /* Translators: a footnote: code, indicator, definition. */
          g_ptr_array_add (notes, g_strdup_printf (_("%s %s: %s"), defs[i].code,
                                                   jy_report_indicator_name (&defs[i]), definition));
        }
    }
}

/* The columns of one breakdown table: at most 8 indicators, so the
 * team names fit on a portrait page. */
#define BREAKDOWN_COLUMNS 8

static void
add_breakdown_table (JyPrintDoc     *doc,
                     const JyReport *report,
                     const guint    *columns,
                     guint           n_columns)
{
  const JyReportIndicator *defs = jy_report_indicators (NULL);
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) aligns = g_array_new (FALSE, FALSE, sizeof (JyAlign));
  JyPrintTable *table;
  double name_width = 40, value_width = 13;
  JyAlign start = JY_ALIGN_START, end = JY_ALIGN_END;

  g_ptr_array_add (headers, (gpointer)_("Team / doctor"));
  g_array_append_val (widths, name_width);
  g_array_append_val (aligns, start);
  for (guint c = 0; c < n_columns; c++)
    {
      g_ptr_array_add (headers, (gpointer)defs[columns[c]].code);
      g_array_append_val (widths, value_width);
      g_array_append_val (aligns, end);
    }
  /* Room for at least 6 columns, so narrow tables are not stretched. */
  for (guint c = n_columns; c < 6; c++)
    {
      g_ptr_array_add (headers, (gpointer)"");
      g_array_append_val (widths, value_width);
      g_array_append_val (aligns, end);
    }
  g_ptr_array_add (headers, NULL);
  table = jy_print_doc_add_table (doc, headers->len - 1, (const char * const *)headers->pdata,
                                  (const double *)(gpointer)widths->data,
                                  (const JyAlign *)(gpointer)aligns->data);
  for (guint g = 0; g < report->groups->len; g++)
    {
      const JyReportGroup *group = g_ptr_array_index (report->groups, g);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, group->kind == JY_REPORT_SCOPE_DOCTOR
                                ? g_strconcat ("　", group->name, NULL)
                                : g_strdup (group->name));
      for (guint c = 0; c < n_columns; c++)
        g_ptr_array_add (cells, jy_report_format_cell (report, columns[c], g));
      for (guint c = n_columns; c < 6; c++)
        g_ptr_array_add (cells, g_strdup (""));
      g_ptr_array_add (cells, NULL);
      if (g == 0)
        jy_print_table_add_total_row (table, (const char * const *)cells->pdata);
      else
        jy_print_table_add_row (table, (const char * const *)cells->pdata);
    }
}

/* The breakdown by team and doctor of the sections in @sections (a bit
 * per JyReportSection), under @heading. */
static void
add_breakdown (JyPrintDoc     *doc,
               const JyReport *report,
               guint           sections,
               const char     *heading)
{
  const JyReportIndicator *defs;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n, n_tables, per_table;

  if (report->groups->len < 2)
    return;
  defs = jy_report_indicators (&n);
  for (guint i = 0; i < n; i++)
    if ((sections & (1u << defs[i].section)) != 0 && in_breakdown (&defs[i]) &&
        jy_report_indicator_is_available (&defs[i]))
      g_array_append_val (columns, i);
  if (columns->len == 0)
    return;
  jy_print_doc_add_heading (doc, heading);
  n_tables = (columns->len + BREAKDOWN_COLUMNS - 1) / BREAKDOWN_COLUMNS;
  per_table = (columns->len + n_tables - 1) / n_tables;
  for (guint first = 0; first < columns->len; first += per_table)
    add_breakdown_table (doc, report, &g_array_index (columns, guint, first),
                         MIN (per_table, columns->len - first));
}

JyPrintDoc *
jy_report_print_build (const JyReportComparison *cmp,
                       GDateTime                *generated_at)
{
  const JyReport *report = cmp->current;
  g_autoptr(JyPrintDoc) doc = jy_print_doc_new (JY_PAPER_A4);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *title = jy_report_title (report);
  g_autofree char *month = jy_report_format_month (&report->month);
  g_autofree char *first = NULL, *last = NULL, *year_first = NULL, *line = NULL, *window = NULL;
  g_autofree char *generated = NULL, *today = NULL;
  g_autoptr(GDateTime) local = NULL;
  char day[11];
  GDate date;

  g_return_val_if_fail (cmp != NULL && generated_at != NULL, NULL);

  local = g_date_time_to_local (generated_at);
  generated = g_date_time_format (local, "%Y-%m-%d %H:%M");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  today = jy_print_format_date (&date);

  jy_print_doc_set_title (doc, title);
  jy_print_doc_set_header (doc, report->centre_name, generated);
  jy_print_doc_add_title (doc, title);
  /* Translators: 统计月份：2026年10月 */
  line = g_strdup_printf (_("Month: %s"), month);
  jy_print_doc_add_subtitle (doc, line);
  jy_report_format_day (&report->window.first, day);
  first = g_strdup (day);
  jy_report_format_day (&report->window.last, day);
  last = g_strdup (day);
  jy_report_format_day (&report->window.year_first, day);
  year_first = g_strdup (day);
  /* Translators: 统计口径：2026-10-01 至 2026-10-31（年度累计指标自 2026-01-01 起） */
  window = g_strdup_printf (_("Period: %s to %s (year-to-date indicators from %s)"), first, last,
                            year_first);
  jy_print_doc_add_subtitle (doc, window);

  for (JyReportSection s = 0; s < JY_REPORT_SECTION_N; s++)
    {
      if (!jy_report_section_is_available (s))
        {
          if (missing->len > 0)
            g_string_append (missing, _(", "));
          g_string_append (missing, jy_report_section_name (s));
          continue;
        }
      add_section (doc, cmp, s, notes);
    }
  {
    /* Translators: a heading of the printed report. */
    add_breakdown (doc, report, 1u << JY_REPORT_SECTION_CONTRACTS, _("Contracts by team and doctor"));
    add_breakdown (doc, report, 1u << JY_REPORT_SECTION_CHRONIC,
                   _("Hypertension and diabetes by team and doctor"));
    add_breakdown (doc, report, (1u << JY_REPORT_SECTION_LONG_RX) | (1u << JY_REPORT_SECTION_HOME_BED),
                   _("Long prescriptions and home beds by team and doctor"));
    add_breakdown (doc, report, (1u << JY_REPORT_SECTION_REFERRAL) | (1u << JY_REPORT_SECTION_NURSING),
                   _("Referrals and nurse home visits by team and doctor"));
  }

  jy_print_doc_add_heading (doc, _("Notes and definitions"));
  if (missing->len > 0)
    {
      /* Translators: the sections whose data the workstation does not record yet. */
      g_autofree char *text = g_strdup_printf (_("Not yet recorded on this workstation, shown as “—”: %s."),
                                               missing->str);

      jy_print_doc_add_note (doc, text);
    }
  {
    g_autofree char *text = g_strdup_printf (
      _("Data as of %s on this workstation; records not yet synced from other workstations are not "
        "counted. Totals count distinct residents, so rows may add up to more. Rates are numerator ÷ "
        "denominator; “—” means no denominator or not applicable. Contract indicators are counted "
        "under the contract's team and doctor, chronic care under the enrolment's, long prescriptions "
        "under the prescription's, home beds under the resident's team and the bed's responsible "
        "doctor, population rates under the resident's team."),
      generated);

    jy_print_doc_add_note (doc, text);
  }
  for (guint i = 0; i < notes->len; i++)
    jy_print_doc_add_note (doc, g_ptr_array_index (notes, i));

  jy_print_doc_add_space (doc, 6);
  {
    const char *pairs[] = { _("Prepared by"), "", _("Reviewed by"), "", _("Person in charge"), "",
                            _("Date"), today, NULL };

    jy_print_doc_add_fields (doc, 4, pairs);
  }
  jy_print_doc_add_space (doc, 4);
  jy_print_doc_add_paragraph (doc, _("(Unit seal)"));
  return g_steal_pointer (&doc);
}

/* A spreadsheet runs a cell starting with = + - @ as a formula. */
static char *
guard (const char *value)
{
  if (value != NULL && value[0] != '\0' && strchr ("=+-@", value[0]) != NULL)
    return g_strconcat ("'", value, NULL);
  return g_strdup (value != NULL ? value : "");
}

static char *
cell_number (const JyReport *report,
             guint           i,
             guint           g,
             gboolean        denominator)
{
  const JyReportCell *cell = jy_report_get_cell (report, i, g);
  const JyReportIndicator *def = &jy_report_indicators (NULL)[i];

  if (!cell->available || (denominator && def->denominator == NULL))
    return g_strdup ("");
  return g_strdup_printf ("%" G_GINT64_FORMAT, denominator ? cell->denominator : cell->numerator);
}

char *
jy_report_summary_csv (const JyReportComparison *cmp)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  const char *headers[] = { _("Code"), _("Section"), _("Indicator"), _("Month"), _("Value"),
                            _("Numerator"), _("Denominator"), _("Previous month"),
                            _("Same month last year"), _("Window"), _("Definition") };
  const JyReportIndicator *defs;
  g_autofree char *month = jy_report_month_to_string (&cmp->current->month);
  guint n;

  defs = jy_report_indicators (&n);
  jy_csv_append_row (out, headers, G_N_ELEMENTS (headers));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = jy_report_format_cell (cmp->current, i, 0);
      g_autofree char *num = cell_number (cmp->current, i, 0, FALSE);
      g_autofree char *den = cell_number (cmp->current, i, 0, TRUE);
      g_autofree char *previous = jy_report_format_cell (cmp->previous, i, 0);
      g_autofree char *last_year = jy_report_format_cell (cmp->last_year, i, 0);
      g_autofree char *definition = jy_report_indicator_describe (&defs[i]);
      const char *row[] = { defs[i].code, jy_report_section_name (defs[i].section),
                            jy_report_indicator_name (&defs[i]), month, value, num, den, previous,
                            last_year, jy_indicator_window_name (defs[i].window), definition };

      jy_csv_append_row (out, row, G_N_ELEMENTS (row));
    }
  return g_string_free (out, FALSE);
}

char *
jy_report_breakdown_csv (const JyReport *report)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  const char *headers[] = { _("Month"), _("Level"), _("Team / doctor"), _("Code"), _("Indicator"),
                            _("Value"), _("Numerator"), _("Denominator") };
  const JyReportIndicator *defs;
  g_autofree char *month = jy_report_month_to_string (&report->month);
  guint n;

  defs = jy_report_indicators (&n);
  jy_csv_append_row (out, headers, G_N_ELEMENTS (headers));
  for (guint g = 0; g < report->groups->len; g++)
    {
      const JyReportGroup *group = g_ptr_array_index (report->groups, g);
      const char *level = group->kind == JY_REPORT_SCOPE_TEAM ? _("Team")
                        : group->kind == JY_REPORT_SCOPE_DOCTOR ? _("Doctor") : _("Total");
      g_autofree char *name = guard (g == 0 ? report->scope_name : group->name);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *value = NULL, *num = NULL, *den = NULL;

          if (!jy_report_indicator_is_available (&defs[i]))
            continue;
          value = jy_report_format_cell (report, i, g);
          num = cell_number (report, i, g, FALSE);
          den = cell_number (report, i, g, TRUE);
          {
            const char *row[] = { month, level, name, defs[i].code, jy_report_indicator_name (&defs[i]),
                                  value, num, den };

            jy_csv_append_row (out, row, G_N_ELEMENTS (row));
          }
        }
    }
  return g_string_free (out, FALSE);
}

char *
jy_report_breakdown_path (const char *path)
{
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    {
      g_autofree char *stem = g_strndup (path, strlen (path) - 4);

      return g_strconcat (stem, "-breakdown.csv", NULL);
    }
  return g_strconcat (path, "-breakdown.csv", NULL);
}

gboolean
jy_report_write_csv (const JyReportComparison  *cmp,
                     const char                *path,
                     char                     **breakdown_path,
                     GError                   **error)
{
  g_autofree char *summary = jy_report_summary_csv (cmp);
  g_autofree char *breakdown = jy_report_breakdown_csv (cmp->current);
  g_autofree char *second = jy_report_breakdown_path (path);

  if (!g_file_set_contents_full (path, summary, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) ||
      !g_file_set_contents_full (second, breakdown, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  if (breakdown_path != NULL)
    *breakdown_path = g_steal_pointer (&second);
  return TRUE;
}
