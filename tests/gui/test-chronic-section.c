/* test-chronic-section.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "chronic-fixture.h"
#include "jy-application.h"
#include "jy-chronic-section.h"
#include "jy-enrolment-dialog.h"
#include "jy-lifestyle-rx-window.h"
#include "jy-trend-chart.h"
#include "test-gui-util.h"

typedef struct
{
  ChronicFixture    base;
  GtkWindow        *window;
  JyChronicSection *section;
  JyResident       *resident;
  gint64            htn;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  static const struct { const char *date; int sbp; int dbp; } visits[] = {
    { "2025-03-10", 148, 92 }, { "2025-03-24", 136, 84 }, { "2025-06-20", 132, 82 },
    { "2025-09-18", 152, 94 }, { "2025-10-02", 138, 86 }, { "2026-01-08", 134, 80 },
  };

  chronic_fixture_setup (&fx->base, user_data);
  fx->resident = jy_resident_new ();
  fx->resident->id = chronic_fixture_add_resident (&fx->base, "甲测试", 0);
  fx->resident->name = g_strdup ("甲测试");
  fx->resident->sex = g_strdup ("1");
  fx->resident->birth_date = g_strdup ("1950-03-01");
  fx->resident->team_id = fx->base.team[0];
  fx->htn = chronic_fixture_enrol (&fx->base, fx->resident->id, JY_PROGRAMME_HTN, "2019-06-01", 0);

  for (guint i = 0; i < G_N_ELEMENTS (visits); i++)
    {
      g_autoptr(JyFollowup) f = chronic_fixture_followup (fx->htn, JY_PROGRAMME_HTN, visits[i].date,
                                                          visits[i].sbp, visits[i].dbp, JY_UNMEASURED);
      const char *next = i + 1 < G_N_ELEMENTS (visits) ? visits[i + 1].date : "2026-04-08";

      chronic_fixture_decide (f, visits[i].sbp >= 150 ? JY_FOLLOWUP_CLASS_UNCONTROLLED
                                                      : JY_FOLLOWUP_CLASS_CONTROLLED, next);
      chronic_fixture_save (&fx->base, f, JY_FOLLOWUP_ACTION_ROUTINE);
    }

  fx->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fx->window, 900, 760);
  fx->section = g_object_new (JY_TYPE_CHRONIC_SECTION, NULL);
  adw_window_set_content (ADW_WINDOW (fx->window), GTK_WIDGET (fx->section));
  gtk_window_present (fx->window);
  jy_chronic_section_show (fx->section, fx->base.store, fx->resident);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  g_object_ref (fx->section);
  gtk_window_destroy (fx->window);
  jy_test_unref_and_wait_finalize (fx->section);
  g_clear_pointer (&fx->resident, jy_resident_free);
  chronic_fixture_teardown (&fx->base, user_data);
}

static gboolean
loaded (gpointer data)
{
  return jy_chronic_section_is_loaded (data);
}

static void
wait_reload (Fixture *fx)
{
  jy_test_iterate_until_true (loaded, fx->section);
}

static void
test_card_shows_chart_and_visits (Fixture       *fx,
                                  gconstpointer  user_data)
{
  GtkWidget *chart;
  g_autofree char *summary = NULL;

  wait_reload (fx);
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "chronic-section");
  g_assert_cmpuint (jy_chronic_section_get_managed (fx->section), ==, JY_PROGRAMME_HTN);

  chart = jy_test_find_by_type (GTK_WIDGET (fx->section), JY_TYPE_TREND_CHART);
  g_assert_nonnull (chart);
  g_assert_cmpstr (jy_trend_chart_get_unit (JY_TREND_CHART (chart)), ==, "mmHg");
}

static gboolean
managed_both (gpointer data)
{
  return jy_chronic_section_get_managed (data) == (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM);
}

static GtkWindow *
find_window (GType type)
{
  g_autoptr(GListModel) toplevels = NULL;
  GListModel *list = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (list, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
doctors_listed (gpointer data)
{
  GtkDropDown *doctors = GTK_DROP_DOWN (jy_test_find_by_id (data, "doctor_dropdown"));

  return gtk_drop_down_get_model (doctors) != NULL &&
         g_list_model_get_n_items (gtk_drop_down_get_model (doctors)) > 0;
}

static void
test_enrol_in_diabetes (Fixture       *fx,
                        gconstpointer  user_data)
{
  GtkWindow *dialog;
  GtkEditable *diagnosis;
  GtkLabel *error;

  wait_reload (fx);
  gtk_widget_activate_action (GTK_WIDGET (fx->section), "chronic.enrol", NULL);
  dialog = find_window (JY_TYPE_ENROLMENT_DIALOG);
  g_assert_nonnull (dialog);
  jy_test_iterate_until_true (doctors_listed, dialog);

  /* Hypertension is managed already: the dialog offers diabetes. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (jy_test_find_by_id (GTK_WIDGET (dialog), "dm_button"))));
  g_assert_false (gtk_widget_get_sensitive (jy_test_find_by_id (GTK_WIDGET (dialog), "htn_button")));

  /* Without a diagnosis date the rule speaks at the field, nothing is saved. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "enrolment.save", NULL);
  error = GTK_LABEL (jy_test_find_by_id (GTK_WIDGET (dialog), "diagnosis_date_error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_cmpstr (gtk_label_get_label (error), !=, "");
  g_assert_cmpint (jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM chronic_enrolment"), ==, 1);

  /* A date after the enrolment date is refused too. */
  diagnosis = GTK_EDITABLE (jy_test_find_by_id (GTK_WIDGET (dialog), "diagnosis_date_entry"));
  gtk_editable_set_text (diagnosis, "2099-01-01");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));

  gtk_editable_set_text (diagnosis, "2024-05-06");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error)));
  jy_test_save_screenshot (GTK_WIDGET (dialog), "enrolment-dialog");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "enrolment.save", NULL);

  jy_test_iterate_until_true (managed_both, fx->section);
  g_assert_cmpint (jy_test_query_int64 (fx->base.path,
                                        "SELECT count(*) FROM chronic_enrolment WHERE programme_id = (SELECT id FROM programme WHERE code = 't2dm') "
                                        "AND status = 'managing' AND diagnosis_date = '2024-05-06' "
                                        "AND doctor_id = 1"), ==, 1);
}

static gboolean
rx_window_shown (gpointer data)
{
  return find_window (JY_TYPE_LIFESTYLE_RX_WINDOW) != NULL;
}

static void
test_rx_from_the_last_visit (Fixture       *fx,
                             gconstpointer  user_data)
{
  GtkWindow *rx;
  g_autoptr(JyPrintDoc) doc = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiayi-rx-section-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rx.pdf", NULL);
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  wait_reload (fx);
  gtk_widget_activate_action (GTK_WIDGET (fx->section), "chronic.rx", "s", "htn");
  jy_test_iterate_until_true (rx_window_shown, NULL);
  rx = find_window (JY_TYPE_LIFESTYLE_RX_WINDOW);

  /* The sheet is for this patient, with the last visit's BP as findings. */
  doc = jy_lifestyle_rx_window_build_doc (JY_LIFESTYLE_RX_WINDOW (rx));
  g_assert_true (jy_print_doc_write_pdf (doc, path, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "甲测试"));
  g_assert_nonnull (strstr (text, "134/80"));
  g_assert_nonnull (strstr (text, "李医生"));
  gtk_window_destroy (rx);
  jy_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/gui/chronic-section/card-shows-chart-and-visits", test_card_shows_chart_and_visits);
  ADD ("/gui/chronic-section/enrol-in-diabetes-with-rules-at-the-fields", test_enrol_in_diabetes);
  ADD ("/gui/chronic-section/non-drug-rx-from-the-last-visit", test_rx_from_the_last_visit);

  return g_test_run ();
}
