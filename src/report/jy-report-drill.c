/* jy-report-drill.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The residents behind a number of the report: the same rows the engine
 * counts, those of one group within the report's scope.
 */

#include "config.h"

#include "jy-report-engine.h"

#include "jy-report-measures-private.h"
#include "jy-store.h"

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

GArray *
jy_report_drill_down (JyDb                 *db,
                      const JyReportMonth  *month,
                      const JyReportScope  *within,
                      const char           *code,
                      JyReportScopeKind     group_kind,
                      gint64                group_id,
                      gboolean              denominator,
                      const GDate          *as_of,
                      GError              **error)
{
  const JyReportMeasure *measure;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) ids = NULL;
  JyReportWindow window;
  JyReportScope scope = { group_kind, group_id };

  if (!jy_store_require (db, JY_PERMISSION_REPORTS_VIEW, error))
    return NULL;
  g_return_val_if_fail (jy_report_month_is_valid (month) && within != NULL && code != NULL, NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if ((measure = jy_report_measure_lookup (code)) == NULL)
    return g_steal_pointer (&ids);
  jy_report_window_for_month (month, &window);
  rows = g_array_new (FALSE, FALSE, sizeof (JyReportRow));
  if (!jy_report_measure_collect (db, measure, &window, as_of, rows, error))
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      const JyReportRow *row = &g_array_index (rows, JyReportRow, i);

      if (jy_report_row_in_scope (row, within) && jy_report_row_in_scope (row, &scope) &&
          (denominator ? row->denominator : row->numerator))
        g_array_append_val (ids, row->resident);
    }
  g_array_sort (ids, compare_ids);
  /* Distinct. */
  {
    guint out = 0;

    for (guint i = 0; i < ids->len; i++)
      if (out == 0 || g_array_index (ids, gint64, out - 1) != g_array_index (ids, gint64, i))
        g_array_index (ids, gint64, out++) = g_array_index (ids, gint64, i);
    g_array_set_size (ids, out);
  }
  return g_steal_pointer (&ids);
}

void
jy_report_resident_free (JyReportResident *resident)
{
  if (resident == NULL)
    return;
  g_free (resident->name);
  g_free (resident->sex);
  g_free (resident->birth_date);
  g_free (resident);
}

GPtrArray *
jy_report_load_residents (JyDb    *db,
                          GArray  *ids,
                          GError **error)
{
  g_autoptr(GPtrArray) out = NULL;
  sqlite3_stmt *stmt;

  if (!jy_store_require (db, JY_PERMISSION_REPORTS_VIEW, error))
    return NULL;
  g_return_val_if_fail (ids != NULL, NULL);

  if ((stmt = jy_db_prepare (db, "SELECT name, sex, birth_date FROM resident WHERE id = ?1", error)) == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_report_resident_free);
  for (guint i = 0; i < ids->len; i++)
    {
      JyReportResident *r;
      int rc;

      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if ((rc = jy_db_step (db, stmt, error)) < 0)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      if (rc == SQLITE_ROW)
        {
          r = g_new0 (JyReportResident, 1);
          r->id = g_array_index (ids, gint64, i);
          r->name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
          r->sex = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
          r->birth_date = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
          g_ptr_array_add (out, r);
        }
      sqlite3_reset (stmt);
    }
  return g_steal_pointer (&out);
}
