/* test-report-totals.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly summary over a generated centre: teams add up to the
 * centre, a team's own report agrees with its row, and the contract
 * numbers agree with jy-contract-counts (tested against core).
 */

#include "config.h"

#include <locale.h>

#include "jy-contract-counts.h"
#include "jy-generator.h"
#include "jy-report-engine.h"
#include "jy-store.h"
#include "test-util.h"

#define N_RESIDENTS 3000
#define SEED        20261011

typedef struct
{
  char    *tmpdir;
  char    *path;
  JyStore *store;
  GDate    reference;
} Fixture;

static gpointer
generate_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return jy_generator_run (db, data, NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  JyGeneratorOptions options = { N_RESIDENTS, SEED, &fx->reference };

  fx->tmpdir = g_dir_make_tmp ("jiayi-report-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "demo.db", NULL);
  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_date_clear (&fx->reference, 1);
  g_date_set_dmy (&fx->reference, 23, G_DATE_NOVEMBER, 2026);
  g_assert_true (jy_store_write (fx->store, generate_func, &options, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  g_assert_finalize_object (fx->store);
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
}

typedef struct
{
  JyReportMonth month;
  JyReportScope scope;
  const GDate  *as_of;
} ComputeJob;

static gpointer
compute_job (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ComputeJob *job = data;

  return jy_report_compute (db, &job->month, &job->scope, job->as_of, error);
}

static JyReport *
compute (Fixture           *fx,
         int                month,
         JyReportScopeKind  kind,
         gint64             id)
{
  g_autoptr(GError) error = NULL;
  ComputeJob job = { { 2026, month }, { kind, id }, &fx->reference };
  JyReport *report = jy_store_read (fx->store, compute_job, &job, NULL, &error);

  g_assert_no_error (error);
  return report;
}

static void
test_teams_add_up (Fixture       *fx,
                   gconstpointer  data)
{
  const JyReportIndicator *defs = jy_report_indicators (NULL);

  for (int month = 9; month <= 10; month++)
    {
      g_autoptr(JyReport) r = compute (fx, month, JY_REPORT_SCOPE_CENTRE, 0);
      guint n_teams = 0;

      for (guint i = 0; i < r->n_indicators; i++)
        {
          const JyReportCell *total = jy_report_get_cell (r, i, 0);
          gint64 num = 0, den = 0, dnum = 0, dden = 0;

          if (!total->available)
            continue;
          for (guint g = 1; g < r->groups->len; g++)
            {
              const JyReportGroup *group = g_ptr_array_index (r->groups, g);
              const JyReportCell *cell = jy_report_get_cell (r, i, g);

              if (group->kind == JY_REPORT_SCOPE_TEAM)
                {
                  num += cell->numerator;
                  den += cell->denominator;
                }
              else if (cell->available)
                {
                  dnum += cell->numerator;
                  dden += cell->denominator;
                }
            }
          if (num != total->numerator || den != total->denominator)
            g_error ("%s: teams add up to %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                     ", centre %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                     defs[i].code, num, den, total->numerator, total->denominator);
          /* Doctors: never more than the sum (distinct residents). */
          if (defs[i].by_doctor)
            g_assert_cmpint (dnum, >=, total->numerator);
        }
      for (guint g = 1; g < r->groups->len; g++)
        n_teams += ((JyReportGroup *)g_ptr_array_index (r->groups, g))->kind == JY_REPORT_SCOPE_TEAM;
      g_assert_cmpuint (n_teams, >=, 2);
      /* The centre is not empty. */
      g_assert_cmpint (jy_report_get_cell (r, 0, 0)->numerator, >, 0);
    }
}

static void
test_team_report_equals_its_row (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(JyReport) centre = compute (fx, 10, JY_REPORT_SCOPE_CENTRE, 0);

  for (guint g = 1; g < centre->groups->len; g++)
    {
      const JyReportGroup *group = g_ptr_array_index (centre->groups, g);
      g_autoptr(JyReport) own = NULL;

      if (group->kind != JY_REPORT_SCOPE_TEAM && group->kind != JY_REPORT_SCOPE_DOCTOR)
        continue;
      own = compute (fx, 10, group->kind, group->id);
      for (guint i = 0; i < centre->n_indicators; i++)
        {
          const JyReportCell *a = jy_report_get_cell (centre, i, g);
          const JyReportCell *b = jy_report_get_cell (own, i, 0);

          g_assert_cmpint (a->available, ==, b->available);
          g_assert_cmpint (a->numerator, ==, b->numerator);
          g_assert_cmpint (a->denominator, ==, b->denominator);
        }
    }
}

typedef struct
{
  JyIndicatorPeriod    period;
  JyContractIndicators out;
} CountsJob;

static gpointer
counts_job (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  CountsJob *job = data;

  return jy_contract_counts_compute (db, &job->period, 0, &job->out, error) ? JY_STORE_DONE : NULL;
}

static gint64
cell (const JyReport *r,
      const char     *code,
      gboolean        denominator)
{
  const JyReportIndicator *def = jy_report_indicator_lookup (code);
  const JyReportCell *c = jy_report_get_cell (r, (guint)(def - jy_report_indicators (NULL)), 0);

  return denominator ? c->denominator : c->numerator;
}

static void
test_contracts_agree_with_counts (Fixture       *fx,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyReport) r = compute (fx, 10, JY_REPORT_SCOPE_CENTRE, 0);
  CountsJob job = { 0 };

  jy_indicator_period_for_month (NULL, 2026, 10, &job.period);
  job.period.as_of = fx->reference;
  g_assert_true (jy_store_read (fx->store, counts_job, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  g_assert_cmpint (cell (r, "C01", FALSE), ==, job.out.signed_residents);
  g_assert_cmpint (cell (r, "C03", FALSE), ==, job.out.key_population_signed);
  g_assert_cmpint (cell (r, "C03", TRUE), ==, job.out.key_population);
  g_assert_cmpint (cell (r, "C04", FALSE), ==, job.out.new_signings);
  g_assert_cmpint (cell (r, "C05", FALSE), ==, job.out.renewals_signed);
  g_assert_cmpint (cell (r, "C05R", FALSE), ==, job.out.expiring_renewed);
  g_assert_cmpint (cell (r, "C05R", TRUE), ==, job.out.expiring);
  g_assert_cmpint (cell (r, "C07", FALSE), ==, job.out.contact_done);
  g_assert_cmpint (cell (r, "C07", TRUE), ==, job.out.contact_owed);
  g_assert_cmpint (cell (r, "C06-1", FALSE), ==, job.out.terminations[JY_TERMINATION_REASON_RESIDENT_REQUEST]);
  g_assert_cmpint (cell (r, "C01", FALSE), >, 0);
  g_assert_cmpint (cell (r, "C07", TRUE), >, 0);
  g_assert_cmpint (cell (r, "F02H", FALSE), >, 0);
  g_assert_cmpint (cell (r, "F05", TRUE), >, 0);
}

static void
assert_same_report (const JyReport *a,
                    const JyReport *b)
{
  g_assert_cmpint (a->month.year, ==, b->month.year);
  g_assert_cmpint (a->month.month, ==, b->month.month);
  g_assert_cmpstr (a->centre_name, ==, b->centre_name);
  g_assert_cmpstr (a->scope_name, ==, b->scope_name);
  g_assert_cmpuint (a->groups->len, ==, b->groups->len);
  for (guint g = 0; g < a->groups->len; g++)
    {
      const JyReportGroup *x = g_ptr_array_index (a->groups, g), *y = g_ptr_array_index (b->groups, g);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpstr (x->name, ==, y->name);
      for (guint i = 0; i < a->n_indicators; i++)
        {
          const JyReportCell *c = jy_report_get_cell (a, i, g), *d = jy_report_get_cell (b, i, g);

          g_assert_cmpint (c->available, ==, d->available);
          g_assert_cmpint (c->numerator, ==, d->numerator);
          g_assert_cmpint (c->denominator, ==, d->denominator);
        }
    }
}

typedef struct
{
  JyReportMonth month;
  JyReportScope scope;
  const GDate  *as_of;
  const char  *const *codes;
} CompareJob;

static gpointer
compare_job (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  CompareJob *job = data;

  if (job->codes != NULL)
    return jy_report_compute_only (db, &job->month, &job->scope, job->as_of, job->codes, error);
  return jy_report_compare (db, &job->month, &job->scope, job->as_of, error);
}

/* The Reports page and `jiayi report` spread the months and indicators
 * over several readers; the numbers must be those of one reader. */
static void
test_readers_side_by_side_give_one_readers_numbers (Fixture       *fx,
                                                    gconstpointer  data)
{
  static const char *const codes[] = { "F05", "F07", "H01", "L01", NULL };
  g_autoptr(GError) error = NULL;
  JyReportScope scopes[] = { { JY_REPORT_SCOPE_CENTRE, 0 }, { JY_REPORT_SCOPE_TEAM, 0 } };
  g_autoptr(JyReport) centre = compute (fx, 10, JY_REPORT_SCOPE_CENTRE, 0);

  scopes[1].id = ((JyReportGroup *)g_ptr_array_index (centre->groups, 1))->id;
  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    {
      CompareJob job = { { 2026, 10 }, scopes[s], &fx->reference, NULL };
      g_autoptr(JyReportComparison) serial = jy_store_read (fx->store, compare_job, &job, NULL, &error);
      g_autoptr(JyReportComparison) parallel = NULL;
      g_autoptr(GPtrArray) trend = NULL;
      JyReportMonth months[12];

      g_assert_no_error (error);
      parallel = jy_report_compare_store (fx->store, &job.month, &job.scope, &fx->reference, NULL, &error);
      g_assert_no_error (error);
      assert_same_report (serial->current, parallel->current);
      assert_same_report (serial->previous, parallel->previous);
      assert_same_report (serial->last_year, parallel->last_year);
      g_assert_cmpint (parallel->previous->month.month, ==, 9);
      g_assert_cmpint (parallel->last_year->month.year, ==, 2025);

      for (guint m = 0; m < G_N_ELEMENTS (months); m++)
        months[m] = jy_report_month_add (&job.month, (int)m - 11);
      trend = jy_report_compute_months (fx->store, months, G_N_ELEMENTS (months), &job.scope,
                                        &fx->reference, codes, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (trend->len, ==, 12);
      for (guint m = 0; m < G_N_ELEMENTS (months); m++)
        {
          g_autoptr(JyReport) one = NULL;

          job.month = months[m];
          job.codes = codes;
          one = jy_store_read (fx->store, compare_job, &job, NULL, &error);
          g_assert_no_error (error);
          assert_same_report (one, g_ptr_array_index (trend, m));
        }
    }
}

static void
test_cancelled_report_stops (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  JyReportMonth month = { 2026, 10 };
  JyReportScope scope = { JY_REPORT_SCOPE_CENTRE, 0 };
  g_autoptr(JyReportComparison) comparison = NULL;

  g_cancellable_cancel (cancellable);
  comparison = jy_report_compare_store (fx->store, &month, &scope, &fx->reference, cancellable, &error);
  g_assert_null (comparison);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/report/totals/teams add up to the centre", test_teams_add_up);
  ADD ("/report/totals/a team or doctor report equals its row", test_team_report_equals_its_row);
  ADD ("/report/totals/contract numbers agree with the contract counts", test_contracts_agree_with_counts);
  ADD ("/report/totals/readers side by side give one reader's numbers",
       test_readers_side_by_side_give_one_readers_numbers);
  ADD ("/report/totals/a cancelled report stops", test_cancelled_report_stops);
#undef ADD

  return g_test_run ();
}
