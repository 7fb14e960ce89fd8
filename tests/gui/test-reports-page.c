/* test-reports-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reports page with real widgets: last month's numbers, their
 * definitions, the charts, and the residents behind a number.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jy-application.h"
#include "jy-clock.h"
#include "jy-report-bar-chart.h"
#include "jy-report-engine.h"
#include "jy-reports-page.h"
#include "test-gui-util.h"
#include "test-store-fixture.h"
#include "test-util.h"

typedef struct
{
  JyTestCentre   base;
  GtkWindow     *window;
  JyReportsPage *page;
} Fixture;

/* A resident of 70 under contract since 2020, enrolled for hypertension,
 * seen on the 15th of last month (the month the page shows first). */
static gpointer
add_centre (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  const char *visit = data;
  g_autofree char *visit_before = g_strdup_printf ("%.8s01", visit);
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO staff (id, uuid, created_at, updated_at, site_id, name, role)\n"
    "  SELECT 101, 's-a', 'now', 'now', id, '甲医生', 'doctor' FROM site WHERE kind = 'centre';\n"
    "INSERT INTO resident (id, uuid, created_at, updated_at, site_id, name, sex, birth_date, team_id)\n"
    "  SELECT 1, 'r1', 'now', 'now', s.id, '赵测试', '1', '1950-03-01', t.id\n"
    "  FROM site s, team t WHERE s.kind = 'centre' AND t.code = 'T01';\n"
    "INSERT INTO resident (id, uuid, created_at, updated_at, site_id, name, sex, birth_date, team_id)\n"
    "  SELECT 2, 'r2', 'now', 'now', s.id, '钱测试', '2', '1980-06-01', t.id\n"
    "  FROM site s, team t WHERE s.kind = 'centre' AND t.code = 'T01';\n"
    "INSERT INTO contract (uuid, created_at, updated_at, contract_no, site_id, resident_id, team_id,\n"
    "  doctor_id, sign_date, start_date, end_date, cover_last, run_first)\n"
    "  SELECT 'k1', 'now', 'now', 'K1', s.id, 1, t.id, 101, '2020-01-01', '2020-01-01', '2099-12-31',\n"
    "         '2099-12-31', '2020-01-01'\n"
    "  FROM site s, team t WHERE s.kind = 'centre' AND t.code = 'T01';\n"
    "INSERT INTO chronic_enrolment (id, uuid, created_at, updated_at, resident_id, programme_id,\n"
    "  enrol_date, doctor_id, team_id)\n"
    "  SELECT 1, 'e1', 'now', 'now', 1, 1, '2020-01-01', 101, id FROM team WHERE code = 'T01';\n"
    "INSERT INTO followup (uuid, created_at, updated_at, enrolment_id, resident_id, programme_id,\n"
    "  visit_uuid, visit_date, mode, author_role, sbp, dbp, next_visit_date)\n"
    "  VALUES ('f1', 'now', 'now', 1, 1, 1, 'v1', '%1$s', 1, 'doctor', 132, 82, '2099-01-01');\n"
    /* Given a 56-day long prescription that day, and a home bed since
     * the 1st of that month, still open. */
    "INSERT INTO long_rx (uuid, created_at, updated_at, rx_no, resident_id, doctor_id, issue_date,\n"
    "  total_days, days_per_dispense, assessment_done, patient_confirmed, end_date)\n"
    "  VALUES ('x1', 'now', 'now', 'CF1', 1, 101, '%1$s', 56, 28, 1, 1, '2099-01-01');\n"
    "INSERT INTO home_bed_assessment (id, uuid, created_at, updated_at, resident_id, assessed_on,\n"
    "  diagnosis_clear, condition_stable, suitable_at_home, needs_continuous_care, infectious,\n"
    "  home_safe, has_carer, eligible) VALUES (1, 'a1', 'now', 'now', 1, '%2$s', 1, 1, 1, 1, 0, 1, 1, 1);\n"
    "INSERT INTO home_bed (uuid, created_at, updated_at, resident_id, assessment_id, bed_number,\n"
    "  admitted_on, agreement_signed_at, diagnosis, plan, doctor_id, nurse_id, doctor_every_days,\n"
    "  nurse_every_days, cycle_start, cycle_end)\n"
    "  VALUES ('b1', 'now', 'now', 1, 1, 'JC1', '%2$s', 'now', '脑卒中后遗症', '康复', 101, 101, 7, 3,\n"
    "          '%2$s', '2099-01-01');\n",
    visit, visit_before);

  return jy_db_exec (db, sql, error) ? JY_STORE_DONE : NULL;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *visit = NULL;
  JyReportMonth month;

  jy_test_centre_setup (&fx->base, user_data);
  jy_report_month_of_instant (now, &month);
  month = jy_report_month_previous (&month);
  visit = g_strdup_printf ("%04d-%02d-15", month.year, month.month);
  g_assert_true (jy_store_write (fx->base.store, add_centre, visit, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 1200, 800);
  fx->page = g_object_new (JY_TYPE_REPORTS_PAGE, NULL);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->page));
  jy_reports_page_set_store (fx->page, fx->base.store);
  gtk_window_present (fx->window);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  g_object_ref (fx->page);
  gtk_window_destroy (fx->window);
  jy_test_unref_and_wait_finalize (fx->page);
  jy_test_centre_teardown (&fx->base, user_data);
}

static gboolean
computed (gpointer data)
{
  Fixture *fx = data;

  return jy_reports_page_get_comparison (fx->page) != NULL &&
         jy_reports_page_has_trend (fx->page);
}

static GtkWidget *
find_window (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (w), name) == 0)
        return w;
    }
  return NULL;
}

static gboolean
drill_shown (gpointer data)
{
  return find_window ("report-drill-down") != NULL;
}

static void
resident_cb (JyReportsPage *page,
             gint64         resident_id,
             gint64        *out)
{
  *out = resident_id;
}

static void
test_numbers_and_drill_down (Fixture       *fx,
                             gconstpointer  user_data)
{
  GtkWidget *c01, *f02h, *drill, *list, *chart;
  gint64 opened = 0;

  g_signal_connect (fx->page, "open-resident", G_CALLBACK (resident_cb), &opened);
  jy_test_iterate_until_true (computed, fx);

  /* C01: one resident under contract; F02H: one face-to-face visit. */
  c01 = jy_test_find_by_name (GTK_WIDGET (fx->page), "C01");
  f02h = jy_test_find_by_name (GTK_WIDGET (fx->page), "F02H");
  g_assert_nonnull (c01);
  g_assert_nonnull (f02h);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (c01)), ==, "1");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (f02h)), ==, "1");
  /* Long prescriptions and home beds are counted: the prescription and
   * the bed, no proxy collection nor round. */
  for (const char *const *code = (const char *const[]) { "L01", "L04", "H01", "H03D", NULL }; *code; code++)
    {
      GtkWidget *number = jy_test_find_by_name (GTK_WIDGET (fx->page), *code);

      g_assert_nonnull (number);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (number)), ==,
                       g_str_equal (*code, "L01") || g_str_equal (*code, "H01") ? "1" : "0");
    }
  /* The 12-month trend of blood pressure control: controlled last month. */
  chart = jy_test_find_by_name (GTK_WIDGET (fx->page), "trend-F05");
  g_assert_nonnull (chart);
  g_assert_cmpuint (jy_report_bar_chart_get_n_bars (JY_REPORT_BAR_CHART (chart)), ==, 12);
  /* The home-bed census, month by month. */
  chart = jy_test_find_by_name (GTK_WIDGET (fx->page), "trend-H01");
  g_assert_nonnull (chart);
  g_assert_cmpuint (jy_report_bar_chart_get_n_bars (JY_REPORT_BAR_CHART (chart)), ==, 12);
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "reports-page");
  {
    GtkWidget *content = jy_test_find_by_id (GTK_WIDGET (fx->page), "content_box");
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (content,
                                                                               GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    while (g_main_context_iteration (NULL, FALSE))
      ;
    jy_test_save_screenshot (GTK_WIDGET (fx->window), "reports-page-charts");
  }

  /* The resident behind C01, opened from the list. */
  g_signal_emit_by_name (c01, "clicked");
  jy_test_iterate_until_true (drill_shown, NULL);
  drill = find_window ("report-drill-down");
  list = jy_test_find_by_name (drill, "drill-list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  jy_test_save_screenshot (drill, "reports-drill-down");
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpint (opened, ==, 1);
}

static gboolean
error_shown (gpointer data)
{
  Fixture *fx = data;
  GtkStack *stack = GTK_STACK (jy_test_find_by_id (GTK_WIDGET (fx->page), "state_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "error") == 0;
}

static void
test_nurse_sees_no_reports (Fixture       *fx,
                            gconstpointer  user_data)
{
  jy_test_iterate_until_true (computed, fx);
  jy_test_act_as (&fx->base, JY_ROLE_NURSE);
  jy_reports_page_set_store (fx->page, fx->base.store);
  jy_test_iterate_until_true (error_shown, fx);
  g_assert_false (gtk_widget_get_sensitive (jy_test_find_by_id (GTK_WIDGET (fx->page), "print_button")));
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("JIAYI_LOCALEDIR");

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  jy_gui_init ();
  jy_test_quiet_debug ();

  g_test_add ("/reports-page/last month's numbers and the residents behind one", Fixture, NULL,
              fixture_setup, test_numbers_and_drill_down, fixture_teardown);
  g_test_add ("/reports-page/a nurse is told reports are not for her role", Fixture, NULL,
              fixture_setup, test_nurse_sees_no_reports, fixture_teardown);

  return g_test_run ();
}
