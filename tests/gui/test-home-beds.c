/* test-home-beds.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jy-application.h"
#include "jy-clock.h"
#include "jy-home-bed-round-dialog.h"
#include "jy-home-bed-store.h"
#include "jy-home-beds-page.h"
#include "test-gui-util.h"
#include "test-store-fixture.h"
#include "test-util.h"

typedef struct
{
  JyTestCentre    centre;
  GtkWindow      *window;
  JyHomeBedsPage *page;
  gint64          nurse_id;
  gint64          bed_id;
  guint           saved;
} Fixture;

static gpointer
add_staff (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  static const char sql[] =
    "INSERT INTO staff (uuid, created_at, updated_at, site_id, name, role)\n"
    "  SELECT 'doc-1', 'now', 'now', id, '陈志明', 'doctor' FROM site WHERE kind = 'centre';\n"
    "INSERT INTO staff (uuid, created_at, updated_at, site_id, name, role)\n"
    "  SELECT 'nurse-1', 'now', 'now', id, '林晓燕', 'nurse' FROM site WHERE kind = 'centre';";

  return jy_db_exec (db, sql, error) ? JY_STORE_DONE : NULL;
}

typedef struct
{
  gint64 resident_id;
  gint64 doctor_id;
  gint64 nurse_id;
} AdmitJob;

/* Application, assessment and admission today, as the system. */
static gpointer
admit_job (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  AdmitJob *job = data;
  g_autoptr(GDate) today = jy_clock_today_local ();
  JyHomeBedApplicationRequest apply = { 0 };
  JyHomeBedAssessRequest assess = { 0 };
  JyHomeBedAdmitRequest admit = { 0 };
  gint64 id;

  apply.resident_id = job->resident_id;
  apply.applied_on = *today;
  apply.source = JY_HOME_BED_SOURCE_FAMILY;
  assess.resident_id = job->resident_id;
  assess.doctor_id = job->doctor_id;
  if ((assess.application_id = jy_home_bed_store_apply (db, &apply, NULL, error)) == 0)
    return NULL;
  jy_home_bed_assessment_init (&assess.facts);
  assess.facts.assessment_date = *today;
  assess.facts.diagnosis_clear = assess.facts.condition_stable = assess.facts.suitable_at_home = TRUE;
  assess.facts.needs_continuous_care = assess.facts.home_safe = assess.facts.has_carer = TRUE;
  assess.facts.adl_score = 35;
  if ((admit.assessment_id = jy_home_bed_store_assess (db, &assess, NULL, error)) == 0)
    return NULL;
  admit.admitted_on = *today;
  admit.agreement_signed = TRUE;
  admit.bed_number = "JC-0001";
  admit.diagnosis = "脑梗死后遗症；骶尾部压力性损伤";
  admit.plan = "压疮换药每3日";
  admit.doctor_id = job->doctor_id;
  admit.nurse_id = job->nurse_id;
  admit.doctor_every_days = 7;
  admit.nurse_every_days = 3;
  g_date_clear (&admit.cycle_end, 1);
  id = jy_home_bed_store_admit (db, &admit, NULL, NULL, error);
  return id > 0 ? GSIZE_TO_POINTER ((gsize)id) : NULL;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_test_make_resident ("王秀英", NULL);
  g_autoptr(JyActor) nurse = NULL;
  AdmitJob job = { 0 };

  jy_test_centre_setup (&fx->centre, user_data);
  g_assert_true (jy_store_write (fx->centre.store, add_staff, NULL, NULL, &error) == JY_STORE_DONE);
  r->sex = g_strdup ("2");
  r->birth_date = g_strdup ("1940-05-06");
  r->address_detail = g_strdup ("海韵路12号3栋2单元501室");
  job.resident_id = jy_test_insert_resident (&fx->centre, r, &error);
  g_assert_no_error (error);
  job.doctor_id = jy_test_count (&fx->centre, "SELECT id FROM staff WHERE uuid = 'doc-1'");
  job.nurse_id = fx->nurse_id = jy_test_count (&fx->centre, "SELECT id FROM staff WHERE uuid = 'nurse-1'");
  fx->bed_id = (gint64)GPOINTER_TO_SIZE (jy_store_write (fx->centre.store, admit_job, &job, NULL, &error));
  g_assert_no_error (error);

  /* The nurse signs in. */
  nurse = jy_actor_new (fx->nurse_id, "nurse-1", "nurse01", "林晓燕", JY_ROLE_NURSE, fx->centre.team_id);
  jy_store_set_session (fx->centre.store, nurse);

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 1100, 700);
  fx->page = g_object_new (JY_TYPE_HOME_BEDS_PAGE, NULL);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->page));
  jy_home_beds_page_set_store (fx->page, fx->centre.store);
  gtk_window_present (fx->window);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  g_object_ref (fx->page);
  gtk_window_destroy (fx->window);
  jy_test_unref_and_wait_finalize (fx->page);
  jy_test_centre_teardown (&fx->centre, user_data);
}

static gboolean
page_loaded (gpointer data)
{
  Fixture *fx = data;

  return jy_home_beds_page_get_n_due (fx->page) > 0 && jy_home_beds_page_get_n_open (fx->page) > 0;
}

static gboolean
nothing_due (gpointer data)
{
  Fixture *fx = data;

  return jy_home_beds_page_get_n_due (fx->page) == 0;
}

static JyHomeBedRoundDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JY_IS_HOME_BED_ROUND_DIALOG (window))
        return JY_HOME_BED_ROUND_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_ready (gpointer data)
{
  JyHomeBedRoundDialog *dialog = find_dialog ();

  return dialog != NULL && jy_home_bed_round_dialog_is_ready (dialog);
}

static JyHomeBedRoundDialog *
open_round_form (Fixture *fx)
{
  jy_test_iterate_until_true (page_loaded, fx);
  jy_home_beds_page_log_round (fx->page, 0);
  jy_test_iterate_until_true (dialog_ready, NULL);
  return find_dialog ();
}

static void
type (JyHomeBedRoundDialog *dialog,
      JyHomeBedVital        vital,
      const char           *text)
{
  gtk_editable_set_text (jy_home_bed_round_dialog_get_vital (dialog, vital), text);
}

static void
saved_cb (JyHomeBedRoundDialog *dialog,
          gint64                id,
          Fixture              *fx)
{
  g_assert_cmpint (id, >, 0);
  fx->saved++;
}

static void
test_nurse_logs_a_round (Fixture       *fx,
                         gconstpointer  user_data)
{
  JyHomeBedRoundDialog *dialog = open_round_form (fx);
  GtkWidget *save;

  jy_test_save_screenshot (GTK_WIDGET (fx->window), "home-beds-page");
  /* Admitted today: the nurse's first visit is due today. */
  g_assert_cmpuint (jy_home_beds_page_get_n_due (fx->page), ==, 1);

  type (dialog, JY_HOME_BED_VITAL_TEMPERATURE, "36.6");
  type (dialog, JY_HOME_BED_VITAL_PULSE, "80");
  type (dialog, JY_HOME_BED_VITAL_RESPIRATION, "18");
  type (dialog, JY_HOME_BED_VITAL_SBP, "132");
  type (dialog, JY_HOME_BED_VITAL_DBP, "80");
  type (dialog, JY_HOME_BED_VITAL_SPO2, "96");
  gtk_check_button_set_active (jy_home_bed_round_dialog_get_proc (dialog, JY_HOME_BED_PROC_DRESSING), TRUE);
  gtk_check_button_set_active (jy_home_bed_round_dialog_get_proc (dialog, JY_HOME_BED_PROC_PRESSURE_CARE), TRUE);
  jy_test_save_screenshot (GTK_WIDGET (dialog), "home-bed-round-form");

  save = jy_test_find_by_id (GTK_WIDGET (dialog), "save_button");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), fx);
  g_signal_emit_by_name (save, "clicked");
  jy_test_iterate_until (&fx->saved, 1);

  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM home_bed_round"), ==, 1);
  {
    g_autofree char *row = jy_test_query_text (fx->centre.path,
                                               "SELECT kind || ' ' || staff_role || ' ' || procedures || ' '"
                                               " || pressure_stage || ' ' || spo2 FROM home_bed_round");

    g_assert_cmpstr (row, ==, "2 nurse dressing,pressure-care 1 96.0");
  }
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM outbox WHERE entity = 'home_bed_round'"), ==, 1);
  /* The list reloads: nothing due for the nurse any more. */
  jy_test_iterate_until_true (nothing_due, fx);
}

static void
test_impossible_vital_refused_at_the_field (Fixture       *fx,
                                            gconstpointer  user_data)
{
  JyHomeBedRoundDialog *dialog = open_round_form (fx);
  GtkWidget *save = jy_test_find_by_id (GTK_WIDGET (dialog), "save_button");

  type (dialog, JY_HOME_BED_VITAL_TEMPERATURE, "36.8");
  g_assert_true (gtk_widget_get_sensitive (save));
  type (dialog, JY_HOME_BED_VITAL_SPO2, "150");
  g_assert_cmpstr (jy_home_bed_round_dialog_get_vital_error (dialog, JY_HOME_BED_VITAL_SPO2), ==,
                   _(jy_home_bed_problem_message (JY_HOME_BED_PROBLEM_SPO2)));
  g_assert_false (gtk_widget_get_sensitive (save));
  jy_test_save_screenshot (GTK_WIDGET (dialog), "home-bed-round-refused-spo2");
  type (dialog, JY_HOME_BED_VITAL_PULSE, "八十");
  g_assert_nonnull (jy_home_bed_round_dialog_get_vital_error (dialog, JY_HOME_BED_VITAL_PULSE));
  /* Corrected: the messages go, what was typed stays. */
  type (dialog, JY_HOME_BED_VITAL_SPO2, "97");
  type (dialog, JY_HOME_BED_VITAL_PULSE, "80");
  g_assert_null (jy_home_bed_round_dialog_get_vital_error (dialog, JY_HOME_BED_VITAL_SPO2));
  g_assert_null (jy_home_bed_round_dialog_get_vital_error (dialog, JY_HOME_BED_VITAL_PULSE));
  g_assert_cmpstr (gtk_editable_get_text (jy_home_bed_round_dialog_get_vital (dialog, JY_HOME_BED_VITAL_TEMPERATURE)),
                   ==, "36.8");
  g_assert_true (gtk_widget_get_sensitive (save));
  /* A nurse may not record a doctor's round: refused before saving. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (jy_test_find_by_id (GTK_WIDGET (dialog), "kind_dropdown")),
                              JY_HOME_BED_ROUND_DOCTOR);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "round.save", NULL);
  g_assert_true (gtk_widget_get_visible (jy_test_find_by_id (GTK_WIDGET (dialog), "kind_error")));
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM home_bed_round"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
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
  ADD ("/gui/home-beds/nurse-logs-a-round-from-todays-list", test_nurse_logs_a_round);
  ADD ("/gui/home-beds/impossible-vital-refused-at-the-field", test_impossible_vital_refused_at_the_field);

  return g_test_run ();
}
