/* jy-report-engine.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-report-engine.h"

#include <glib/gi18n.h>
#include <time.h>

#include "jy-rate.h"
#include "jy-report-engine-private.h"
#include "jy-report-measures-private.h"
#include "jy-store.h"

/* A group's key in the aggregation: its kind in the top bits. */
#define GROUP_KEY(kind, id) (((gint64)(kind) << 48) | (id))
#define KEY_KIND(key) ((JyReportScopeKind)((key) >> 48))
#define KEY_ID(key) ((key) & ((G_GINT64_CONSTANT (1) << 48) - 1))

typedef struct
{
  gint64 numerator;
  gint64 denominator;
} Counts;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const JyReportRow *x = a, *y = b;

  return x->unit < y->unit ? -1 : x->unit > y->unit ? 1 : 0;
}

gboolean
jy_report_row_in_scope (const JyReportRow   *row,
                        const JyReportScope *scope)
{
  switch (scope->kind)
    {
    case JY_REPORT_SCOPE_TEAM:
      return row->team == scope->id;
    case JY_REPORT_SCOPE_DOCTOR:
      return row->doctor == scope->id;
    case JY_REPORT_SCOPE_CENTRE:
    default:
      return TRUE;
    }
}

static void
add_counts (GHashTable *counts,
            gint64      key,
            gboolean    numerator,
            gboolean    denominator,
            gint64      value)
{
  Counts *c = g_hash_table_lookup (counts, &key);

  if (c == NULL)
    {
      gint64 *k = g_new (gint64, 1);

      *k = key;
      c = g_new0 (Counts, 1);
      g_hash_table_insert (counts, k, c);
    }
  if (numerator)
    c->numerator += value;
  if (denominator)
    c->denominator++;
}

/* Counts each unit once per group it falls in: @rows sorted by unit. */
static GHashTable *
aggregate (GArray                  *rows,
           const JyReportScope     *scope,
           const JyReportIndicator *indicator)
{
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gboolean average = indicator->kind == JY_INDICATOR_AVERAGE;

  g_array_sort (rows, compare_rows);
  add_counts (counts, GROUP_KEY (JY_REPORT_SCOPE_CENTRE, 0), FALSE, FALSE, 0);
  for (guint i = 0; i < rows->len;)
    {
      const JyReportRow *run = &g_array_index (rows, JyReportRow, i);
      guint j, n;
      gboolean num = FALSE, den = FALSE;
      gint64 value = 0;

      for (j = i; j < rows->len && g_array_index (rows, JyReportRow, j).unit == run->unit; j++)
        ;
      n = j - i;
      /* The scope's total: once per unit. */
      for (guint k = 0; k < n; k++)
        if (jy_report_row_in_scope (&run[k], scope))
          {
            num |= run[k].numerator;
            den |= run[k].denominator;
            if (run[k].numerator && average)
              value += run[k].value;
          }
      if (num || den)
        add_counts (counts, GROUP_KEY (JY_REPORT_SCOPE_CENTRE, 0), num, den, average ? value : 1);
      /* Each team and doctor: once per unit, the first row of a run
       * that names them collecting the others. */
      for (guint k = 0; k < n; k++)
        {
          gboolean team_first = TRUE, doctor_first = TRUE;
          gboolean tnum = FALSE, tden = FALSE, dnum = FALSE, dden = FALSE;
          gint64 tvalue = 0, dvalue = 0;

          if (!jy_report_row_in_scope (&run[k], scope))
            continue;
          for (guint m = 0; m < k; m++)
            if (jy_report_row_in_scope (&run[m], scope))
              {
                team_first &= run[m].team != run[k].team;
                doctor_first &= run[m].doctor != run[k].doctor;
              }
          for (guint m = k; m < n; m++)
            {
              if (!jy_report_row_in_scope (&run[m], scope))
                continue;
              if (run[m].team == run[k].team)
                {
                  tnum |= run[m].numerator;
                  tden |= run[m].denominator;
                  tvalue += run[m].numerator ? run[m].value : 0;
                }
              if (run[m].doctor == run[k].doctor)
                {
                  dnum |= run[m].numerator;
                  dden |= run[m].denominator;
                  dvalue += run[m].numerator ? run[m].value : 0;
                }
            }
          if (team_first && run[k].team != 0 && scope->kind == JY_REPORT_SCOPE_CENTRE)
            add_counts (counts, GROUP_KEY (JY_REPORT_SCOPE_TEAM, run[k].team), tnum, tden,
                        average ? tvalue : 1);
          if (doctor_first && run[k].doctor != 0 && scope->kind != JY_REPORT_SCOPE_DOCTOR)
            add_counts (counts, GROUP_KEY (JY_REPORT_SCOPE_DOCTOR, run[k].doctor), dnum, dden,
                        average ? dvalue : 1);
        }
      i = j;
    }
  return counts;
}

static gboolean use_counts = TRUE;

void
jy_report_set_use_counts (gboolean use)
{
  use_counts = use;
}

static void
add_counts_n (GHashTable *counts,
              gint64      key,
              gint64      numerator,
              gint64      denominator)
{
  Counts *c = g_hash_table_lookup (counts, &key);

  if (c == NULL)
    {
      gint64 *k = g_new (gint64, 1);

      *k = key;
      c = g_new0 (Counts, 1);
      g_hash_table_insert (counts, k, c);
    }
  c->numerator += numerator;
  c->denominator += denominator;
}

/* The cells of a measure counted in SQL: each row is one team and doctor. */
static GHashTable *
aggregate_counts (GArray              *rows,
                  const JyReportScope *scope,
                  guint                slot)
{
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  add_counts_n (counts, GROUP_KEY (JY_REPORT_SCOPE_CENTRE, 0), 0, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const JyReportCount *row = &g_array_index (rows, JyReportCount, i);
      JyReportRow as_row = { .team = row->team, .doctor = row->doctor };
      gint64 num = row->numerator[slot], den = row->denominator[slot];

      if (!jy_report_row_in_scope (&as_row, scope) || (num == 0 && den == 0))
        continue;
      add_counts_n (counts, GROUP_KEY (JY_REPORT_SCOPE_CENTRE, 0), num, den);
      if (row->team != 0 && scope->kind == JY_REPORT_SCOPE_CENTRE)
        add_counts_n (counts, GROUP_KEY (JY_REPORT_SCOPE_TEAM, row->team), num, den);
      if (row->doctor != 0 && scope->kind != JY_REPORT_SCOPE_DOCTOR)
        add_counts_n (counts, GROUP_KEY (JY_REPORT_SCOPE_DOCTOR, row->doctor), num, den);
    }
  return counts;
}

static void
group_free (gpointer data)
{
  JyReportGroup *group = data;

  g_free (group->name);
  g_free (group);
}

void
jy_report_free (JyReport *report)
{
  if (report == NULL)
    return;
  g_free (report->centre_name);
  g_free (report->scope_name);
  g_clear_pointer (&report->groups, g_ptr_array_unref);
  g_free (report->cells);
  g_free (report);
}

void
jy_report_names_clear (JyReportNames *names)
{
  g_clear_pointer (&names->team_names, g_hash_table_unref);
  g_clear_pointer (&names->team_codes, g_hash_table_unref);
  g_clear_pointer (&names->staff_names, g_hash_table_unref);
  g_clear_pointer (&names->staff_team, g_hash_table_unref);
  g_clear_pointer (&names->centre_name, g_free);
}

gboolean
jy_report_names_load (JyDb           *db,
                      JyReportNames  *names,
                      GError        **error)
{
  static const char *sql[] = {
    "SELECT id, name, code FROM team",
    "SELECT id, name FROM staff",
    "SELECT staff_id, team_id FROM team_member ORDER BY id DESC",
    "SELECT name FROM site WHERE kind = 'centre' AND status <> 'voided' ORDER BY id LIMIT 1",
  };
  int rc;

  names->team_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  names->team_codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  names->staff_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  names->staff_team = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint q = 0; q < G_N_ELEMENTS (sql); q++)
    {
      sqlite3_stmt *stmt = jy_db_prepare (db, sql[q], error);

      if (stmt == NULL)
        return FALSE;
      while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
        {
          gint64 *id = g_new (gint64, 1);

          *id = sqlite3_column_int64 (stmt, 0);
          if (q == 3)
            {
              g_free (id);
              g_free (names->centre_name);
              names->centre_name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
            }
          else if (q == 2)
            {
              gint64 *team = g_new (gint64, 1);

              *team = sqlite3_column_int64 (stmt, 1);
              g_hash_table_replace (names->staff_team, id, team);
            }
          else
            {
              if (q == 0)
                {
                  gint64 *key = g_new (gint64, 1);

                  *key = *id;
                  g_hash_table_replace (names->team_codes, key,
                                        g_strdup ((const char *)sqlite3_column_text (stmt, 2)));
                }
              g_hash_table_replace (q == 0 ? names->team_names : names->staff_names, id,
                                    g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
            }
        }
      sqlite3_reset (stmt);
      if (rc < 0)
        return FALSE;
    }
  return TRUE;
}

static const char *
name_of (GHashTable *names,
         gint64      id)
{
  const char *name = g_hash_table_lookup (names, &id);

  return name != NULL ? name : "?";
}

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const JyReportGroup *x = *(JyReportGroup * const *)a, *y = *(JyReportGroup * const *)b;
  const JyReportNames *names = user_data;
  int c;

  if (x->kind != y->kind)
    return (int)x->kind - (int)y->kind;
  /* Teams by code; doctors by their team's code, then name. */
  if (x->team_id != y->team_id)
    {
      if ((c = g_strcmp0 (name_of (names->team_codes, x->team_id),
                          name_of (names->team_codes, y->team_id))) != 0)
        return c;
      return x->team_id < y->team_id ? -1 : 1;
    }
  if ((c = g_strcmp0 (x->name, y->name)) != 0)
    return c;
  return x->id < y->id ? -1 : x->id > y->id ? 1 : 0;
}

/* Measures that share work go in one task: those counted by one
 * statement (C02, C03, F08), and a cohort judged for a second flag right
 * after the first (F04 then F05). Heavier tasks first, so that workers
 * running side by side finish together. */
GArray *
jy_report_plan_tasks (const char * const *codes)
{
  g_autoptr(GArray) tasks = g_array_new (FALSE, TRUE, sizeof (JyReportTask));
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) sorted = NULL;
  const JyReportIndicator *indicators;
  const JyReportMeasure *previous = NULL;
  guint n;

  indicators = jy_report_indicators (&n);
  for (guint i = 0; i < n; i++)
    {
      const JyReportMeasure *measure = jy_report_measure_lookup (indicators[i].code);
      JyReportTask *task = NULL;

      if (measure == NULL || !jy_report_indicator_is_available (&indicators[i]) ||
          (codes != NULL && !g_strv_contains (codes, indicators[i].code)))
        continue;
      for (guint t = 0; t < tasks->len && measure->counts_sql != NULL; t++)
        {
          JyReportTask *other = &g_array_index (tasks, JyReportTask, t);

          if (jy_report_measure_lookup (indicators[other->index[0]].code)->counts_sql == measure->counts_sql)
            task = other;
        }
      if (task == NULL && measure->flag != 0 && previous != NULL && previous->collect == measure->collect &&
          g_strcmp0 (previous->param, measure->param) == 0 && tasks->len > 0)
        task = &g_array_index (tasks, JyReportTask, tasks->len - 1);
      if (task == NULL || task->n == JY_REPORT_TASK_MAX)
        {
          JyReportTask fresh = { 0 };
          guint weight = measure->counts_sql != NULL ? 3 : measure->collect != NULL ? 2 : 1;

          g_array_append_val (tasks, fresh);
          g_array_append_val (weights, weight);
          task = &g_array_index (tasks, JyReportTask, tasks->len - 1);
        }
      task->index[task->n++] = i;
      previous = measure->counts_sql == NULL ? measure : NULL;
    }

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (JyReportTask), tasks->len);
  for (guint weight = 3; weight >= 1; weight--)
    for (guint t = 0; t < tasks->len; t++)
      if (g_array_index (weights, guint, t) == weight)
        g_array_append_val (sorted, g_array_index (tasks, JyReportTask, t));
  return g_steal_pointer (&sorted);
}

gboolean
jy_report_run_task (JyDb                 *db,
                    const JyReportTask   *task,
                    const JyReportWindow *window,
                    const JyReportScope  *scope,
                    const GDate          *as_of,
                    GHashTable          **counts,
                    GError              **error)
{
  const JyReportIndicator *indicators = jy_report_indicators (NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (JyReportRow));
  g_autoptr(GArray) count_rows = g_array_new (FALSE, FALSE, sizeof (JyReportCount));
  const JyReportMeasure *cached = NULL;
  const char *counted = NULL;

  for (guint k = 0; k < task->n; k++)
    {
      guint i = task->index[k];
      const JyReportMeasure *measure = jy_report_measure_lookup (indicators[i].code);
      gint64 started = g_get_monotonic_time ();
      clock_t cpu = clock ();

      if (measure->counts_sql != NULL && use_counts)
        {
          /* One statement for every measure naming it. */
          if (counted != measure->counts_sql)
            {
              g_array_set_size (count_rows, 0);
              if (!jy_report_measure_collect_counts (db, measure, window, as_of, count_rows, error))
                return FALSE;
              counted = measure->counts_sql;
            }
          counts[i] = aggregate_counts (count_rows, scope, measure->slot);
          g_debug ("%s: %u counts in %.1f ms (%.1f ms CPU)", measure->code, count_rows->len,
                   (g_get_monotonic_time () - started) / 1000.0,
                   (clock () - cpu) * 1000.0 / CLOCKS_PER_SEC);
          continue;
        }
      if (measure->flag != 0 && cached != NULL && cached->collect == measure->collect &&
          g_strcmp0 (cached->param, measure->param) == 0)
        {
          /* The same cohort judged for another flag (F04 then F05). */
          for (guint r = 0; r < rows->len; r++)
            {
              JyReportRow *row = &g_array_index (rows, JyReportRow, r);

              row->numerator = (row->flags & measure->flag) != 0;
            }
        }
      else
        {
          g_array_set_size (rows, 0);
          if (!jy_report_measure_collect (db, measure, window, as_of, rows, error))
            return FALSE;
        }
      cached = measure;
      counts[i] = aggregate (rows, scope, &indicators[i]);
      g_debug ("%s: %u rows in %.1f ms (%.1f ms CPU)", measure->code, rows->len,
               (g_get_monotonic_time () - started) / 1000.0,
               (clock () - cpu) * 1000.0 / CLOCKS_PER_SEC);
    }
  return TRUE;
}

JyReport *
jy_report_compute (JyDb                 *db,
                   const JyReportMonth  *month,
                   const JyReportScope  *scope,
                   const GDate          *as_of,
                   GError              **error)
{
  return jy_report_compute_only (db, month, scope, as_of, NULL, error);
}

JyReport *
jy_report_compute_only (JyDb                 *db,
                        const JyReportMonth  *month,
                        const JyReportScope  *scope,
                        const GDate          *as_of,
                        const char * const   *codes,
                        GError              **error)
{
  g_autoptr(GArray) tasks = NULL;
  g_autofree GHashTable **counts = NULL;
  JyReportWindow window;
  JyReportNames names = { 0 };
  JyReport *report = NULL;
  guint n;

  if (!jy_store_require (db, JY_PERMISSION_REPORTS_VIEW, error))
    return NULL;
  g_return_val_if_fail (jy_report_month_is_valid (month), NULL);
  g_return_val_if_fail (scope != NULL && as_of != NULL && g_date_valid (as_of), NULL);

  jy_report_indicators (&n);
  counts = g_new0 (GHashTable *, n);
  jy_report_window_for_month (month, &window);
  tasks = jy_report_plan_tasks (codes);
  if (jy_report_names_load (db, &names, error))
    {
      guint t;

      for (t = 0; t < tasks->len; t++)
        if (!jy_report_run_task (db, &g_array_index (tasks, JyReportTask, t), &window, scope, as_of,
                                 counts, error))
          break;
      if (t == tasks->len)
        report = jy_report_assemble (month, scope, as_of, &names, counts);
    }
  jy_report_names_clear (&names);
  jy_report_counts_free (counts, n);
  return report;
}

void
jy_report_counts_free (GHashTable **counts,
                       guint        n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&counts[i], g_hash_table_unref);
}

JyReport *
jy_report_assemble (const JyReportMonth  *month,
                    const JyReportScope  *scope,
                    const GDate          *as_of,
                    const JyReportNames  *names,
                    GHashTable          **counts)
{
  g_autoptr(JyReport) report = NULL;
  g_autoptr(GHashTable) group_index = NULL;
  const JyReportIndicator *indicators;
  guint n;

  indicators = jy_report_indicators (&n);
  report = g_new0 (JyReport, 1);
  report->month = *month;
  report->scope = *scope;
  report->as_of = *as_of;
  report->n_indicators = n;
  jy_report_window_for_month (month, &report->window);
  report->groups = g_ptr_array_new_with_free_func (group_free);
  report->centre_name = g_strdup (names->centre_name != NULL ? names->centre_name : "");
  /* The groups: the scope's total, then every team and doctor seen. */
  group_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  {
    JyReportGroup *total = g_new0 (JyReportGroup, 1);

    total->kind = JY_REPORT_SCOPE_CENTRE;
    total->name = g_strdup (_("Total"));
    g_ptr_array_add (report->groups, total);
  }
  for (guint i = 0; i < n; i++)
    {
      GHashTableIter iter;
      gpointer key;

      if (counts[i] == NULL)
        continue;
      g_hash_table_iter_init (&iter, counts[i]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          gint64 k = *(gint64 *)key;
          JyReportGroup *group;
          gint64 *kk;

          if (KEY_KIND (k) == JY_REPORT_SCOPE_CENTRE || g_hash_table_contains (group_index, &k))
            continue;
          group = g_new0 (JyReportGroup, 1);
          group->kind = KEY_KIND (k);
          group->id = KEY_ID (k);
          if (group->kind == JY_REPORT_SCOPE_TEAM)
            {
              group->name = g_strdup (name_of (names->team_names, group->id));
              group->team_id = group->id;
            }
          else
            {
              const gint64 *team = g_hash_table_lookup (names->staff_team, &group->id);

              group->name = g_strdup (name_of (names->staff_names, group->id));
              group->team_id = team != NULL ? *team : 0;
            }
          kk = g_new (gint64, 1);
          *kk = k;
          g_hash_table_add (group_index, kk);
          g_ptr_array_add (report->groups, group);
        }
    }
  /* Sort all but the total. */
  if (report->groups->len > 2)
    {
      g_qsort_with_data (report->groups->pdata + 1, (gint)report->groups->len - 1,
                         sizeof (gpointer), compare_groups, (gpointer)names);
    }

  switch (scope->kind)
    {
    case JY_REPORT_SCOPE_TEAM:
      report->scope_name = g_strdup (name_of (names->team_names, scope->id));
      break;
    case JY_REPORT_SCOPE_DOCTOR:
      report->scope_name = g_strdup (name_of (names->staff_names, scope->id));
      break;
    case JY_REPORT_SCOPE_CENTRE:
    default:
      report->scope_name = g_strdup (report->centre_name);
      break;
    }

  report->cells = g_new0 (JyReportCell, (gsize)n * report->groups->len);
  for (guint i = 0; i < n; i++)
    {
      GHashTable *c = counts[i];

      for (guint g = 0; g < report->groups->len; g++)
        {
          const JyReportGroup *group = g_ptr_array_index (report->groups, g);
          JyReportCell *cell = &report->cells[(gsize)i * report->groups->len + g];
          gint64 key = GROUP_KEY (group->kind, group->id);
          const Counts *value;
          gboolean doctor = group->kind == JY_REPORT_SCOPE_DOCTOR ||
                            (group->kind == JY_REPORT_SCOPE_CENTRE &&
                             scope->kind == JY_REPORT_SCOPE_DOCTOR);

          if (c == NULL || (doctor && !indicators[i].by_doctor))
            continue;
          cell->available = TRUE;
          if ((value = g_hash_table_lookup (c, &key)) != NULL)
            {
              cell->numerator = value->numerator;
              cell->denominator = value->denominator;
            }
        }
    }
  return g_steal_pointer (&report);
}

const JyReportCell *
jy_report_get_cell (const JyReport *report,
                    guint           indicator,
                    guint           group)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (indicator < report->n_indicators && group < report->groups->len, NULL);

  return &report->cells[(gsize)indicator * report->groups->len + group];
}

char *
jy_report_format_cell (const JyReport *report,
                       guint           indicator,
                       guint           group)
{
  const JyReportCell *cell = jy_report_get_cell (report, indicator, group);
  const JyReportIndicator *def = &jy_report_indicators (NULL)[indicator];

  if (cell == NULL || !cell->available)
    return g_strdup ("—");
  switch (def->kind)
    {
    case JY_INDICATOR_RATE:
      {
        JyRate rate = JY_RATE_INIT (cell->numerator, cell->denominator);

        return jy_rate_format (&rate);
      }
    case JY_INDICATOR_AVERAGE:
      if (cell->denominator == 0)
        return g_strdup ("—");
      /* One decimal, half up. */
      return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT,
                              (cell->numerator * 10 + cell->denominator / 2) / cell->denominator / 10,
                              (cell->numerator * 10 + cell->denominator / 2) / cell->denominator % 10);
    case JY_INDICATOR_RESIDENTS:
    case JY_INDICATOR_EVENTS:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->numerator);
    }
}

void
jy_report_comparison_free (JyReportComparison *comparison)
{
  if (comparison == NULL)
    return;
  jy_report_free (comparison->current);
  jy_report_free (comparison->previous);
  jy_report_free (comparison->last_year);
  g_free (comparison);
}

JyReportComparison *
jy_report_compare (JyDb                 *db,
                   const JyReportMonth  *month,
                   const JyReportScope  *scope,
                   const GDate          *as_of,
                   GError              **error)
{
  g_autoptr(JyReportComparison) comparison = g_new0 (JyReportComparison, 1);
  JyReportMonth previous = jy_report_month_previous (month);
  JyReportMonth last_year = jy_report_month_last_year (month);

  if (!jy_store_require (db, JY_PERMISSION_REPORTS_VIEW, error))
    return NULL;
  if ((comparison->current = jy_report_compute (db, month, scope, as_of, error)) == NULL ||
      (comparison->previous = jy_report_compute (db, &previous, scope, as_of, error)) == NULL ||
      (comparison->last_year = jy_report_compute (db, &last_year, scope, as_of, error)) == NULL)
    return NULL;
  return g_steal_pointer (&comparison);
}
