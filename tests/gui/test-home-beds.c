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
#include "jy-home-bed-dialog.h"
#include "jy-home-bed-round-dialog.h"
#include "jy-home-bed-section.h"
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

/* --- The resident page's section: apply, assess, establish, discharge --- */

static JyHomeBedDialog *
find_bed_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JY_IS_HOME_BED_DIALOG (window))
        return JY_HOME_BED_DIALOG (window);
    }
  return NULL;
}

static gboolean
no_bed_dialog (gpointer data)
{
  return find_bed_dialog () == NULL;
}

static void
collect_checks (GtkWidget *root,
                GPtrArray *out)
{
  if (GTK_IS_CHECK_BUTTON (root))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_checks (child, out);
}

static void
changed_cb (JyHomeBedSection *section,
            Fixture          *fx)
{
  fx->saved++;
}

/* Runs @action on the section, lets @fill fill the dialog, saves and
 * waits for the section to reload. */
static void
step (Fixture          *fx,
      JyHomeBedSection *section,
      const char       *action,
      void            (*fill) (JyHomeBedDialog *dialog),
      const char       *shot)
{
  guint before = fx->saved;
  JyHomeBedDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), action, NULL));
  dialog = find_bed_dialog ();
  if (dialog == NULL)
    g_printerr ("no dialog after %s; status %s\n", action,
                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (jy_test_find_by_id (GTK_WIDGET (section), "status_row"))));
  g_assert_nonnull (dialog);
  if (fill != NULL)
    fill (dialog);
  if (shot != NULL)
    jy_test_save_screenshot (GTK_WIDGET (dialog), shot);
  g_signal_emit_by_name (jy_test_find_by_id (GTK_WIDGET (dialog), "save_button"), "clicked");
  jy_test_iterate_until (&fx->saved, before + 1);
  jy_test_iterate_until_true (no_bed_dialog, NULL);
}

static void
tick_all_but_infectious (JyHomeBedDialog *dialog)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  collect_checks (GTK_WIDGET (dialog), checks);
  g_assert_cmpuint (checks->len, ==, 7);
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), i != 4);
}

static gboolean
save_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (jy_test_find_by_id (GTK_WIDGET (data), "save_button"));
}

static void
fill_admission (JyHomeBedDialog *dialog)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  GtkWidget *content = jy_test_find_by_id (GTK_WIDGET (dialog), "content_box");

  /* Bed number, diagnosis, plan: the first three entries, in tree order. */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, content);
    while (stack->len > 0)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);
        GtkWidget *children[64];
        guint k = 0;

        if (GTK_IS_ENTRY (w))
          g_ptr_array_add (entries, w);
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && k < 64; c = gtk_widget_get_next_sibling (c))
          children[k++] = c;
        while (k > 0)
          g_ptr_array_add (stack, children[--k]);
      }
    g_ptr_array_unref (stack);
    g_assert_cmpuint (entries->len, >=, 3);
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "JC-0002");
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "股骨颈骨折术后");
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 2)), "切口换药；康复训练");
  }
  collect_checks (GTK_WIDGET (dialog), checks);
  g_assert_cmpuint (checks->len, ==, 1);
  /* The doctors and nurses load first. */
  jy_test_iterate_until_true (save_sensitive, dialog);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
}

static gboolean
draft_shown (gpointer data)
{
  JyHomeBedDialog *dialog = data;
  GtkTextView *view = GTK_TEXT_VIEW (jy_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));

  return gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view)) > 0;
}

static void
sign_discharge (JyHomeBedDialog *dialog)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  jy_test_iterate_until_true (draft_shown, dialog);
  collect_checks (GTK_WIDGET (dialog), checks);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
}

static gboolean
section_shows (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static void
test_section_applies_assesses_establishes_discharges (Fixture       *fx,
                                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_test_make_resident ("李桂兰", NULL);
  g_autoptr(JyActor) doctor = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  JyHomeBedSection *section = g_object_new (JY_TYPE_HOME_BED_SECTION, NULL);
  gint64 resident_id, doctor_id;

  r->sex = g_strdup ("2");
  r->birth_date = g_strdup ("1936-02-29");
  jy_store_set_session (fx->centre.store, NULL);
  resident_id = jy_test_insert_resident (&fx->centre, r, &error);
  g_assert_no_error (error);
  doctor_id = jy_test_count (&fx->centre, "SELECT id FROM staff WHERE uuid = 'doc-1'");
  doctor = jy_actor_new (doctor_id, "doc-1", "doctor01", "陈志明", JY_ROLE_DOCTOR, fx->centre.team_id);
  jy_store_set_session (fx->centre.store, doctor);

  gtk_window_set_default_size (window, 900, 300);
  gtk_window_set_child (window, GTK_WIDGET (section));
  g_signal_connect (section, "changed", G_CALLBACK (changed_cb), fx);
  gtk_window_present (window);
  jy_home_bed_section_show (section, fx->centre.store, resident_id);
  jy_test_iterate_until_true (section_shows, section);

  step (fx, section, "home-bed.apply", NULL, NULL);
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM home_bed_application WHERE status = 'open'"), ==, 1);
  step (fx, section, "home-bed.assess", tick_all_but_infectious, "home-bed-assessment");
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM home_bed_assessment WHERE eligible"), ==, 2);
  step (fx, section, "home-bed.admit", fill_admission, "home-bed-admission");
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM home_bed WHERE bed_number = 'JC-0002'"), ==, 1);
  jy_test_save_screenshot (GTK_WIDGET (window), "home-bed-section");
  step (fx, section, "home-bed.discharge", sign_discharge, "home-bed-discharge");
  {
    g_autofree char *row = jy_test_query_text (fx->centre.path,
                                               "SELECT status || ' ' || discharge_reason FROM home_bed"
                                               " WHERE bed_number = 'JC-0002'");

    g_assert_cmpstr (row, ==, "discharged 2");
  }
  g_assert_cmpint (jy_test_count (&fx->centre,
                   "SELECT summary_signed_by FROM home_bed WHERE bed_number = 'JC-0002'"), ==, doctor_id);
  gtk_window_destroy (window);
}

static JyHomeBedDialog *
open_bed_dialog (JyHomeBedSection *section,
                 const char       *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), action, NULL));
  g_assert_nonnull (find_bed_dialog ());
  return find_bed_dialog ();
}

static void
click_save (JyHomeBedDialog *dialog)
{
  g_signal_emit_by_name (jy_test_find_by_id (GTK_WIDGET (dialog), "save_button"), "clicked");
}

static void
set_summary (JyHomeBedDialog *dialog,
             const char      *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (jy_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* The establish and discharge forms show each problem at its field and
 * keep what was typed; fixing the fields saves. */
static void
test_refusals_shown_at_their_fields (Fixture       *fx,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_test_make_resident ("王秀英", NULL);
  g_autoptr(JyActor) doctor = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  JyHomeBedSection *section = g_object_new (JY_TYPE_HOME_BED_SECTION, NULL);
  JyHomeBedDialog *dialog;
  GtkEntry *bed_entry;
  gint64 resident_id, doctor_id;
  guint before;

  r->sex = g_strdup ("2");
  r->birth_date = g_strdup ("1940-12-31");
  jy_store_set_session (fx->centre.store, NULL);
  resident_id = jy_test_insert_resident (&fx->centre, r, &error);
  g_assert_no_error (error);
  doctor_id = jy_test_count (&fx->centre, "SELECT id FROM staff WHERE uuid = 'doc-1'");
  doctor = jy_actor_new (doctor_id, "doc-1", "doctor01", "陈志明", JY_ROLE_DOCTOR, fx->centre.team_id);
  jy_store_set_session (fx->centre.store, doctor);

  gtk_window_set_default_size (window, 900, 300);
  gtk_window_set_child (window, GTK_WIDGET (section));
  g_signal_connect (section, "changed", G_CALLBACK (changed_cb), fx);
  gtk_window_present (window);
  jy_home_bed_section_show (section, fx->centre.store, resident_id);
  jy_test_iterate_until_true (section_shows, section);
  step (fx, section, "home-bed.apply", NULL, NULL);
  step (fx, section, "home-bed.assess", tick_all_but_infectious, NULL);

  /* Establish with only the bed number typed. */
  dialog = open_bed_dialog (section, "home-bed.admit");
  jy_test_iterate_until_true (save_sensitive, dialog);
  bed_entry = GTK_ENTRY (jy_test_find_by_type (jy_test_find_by_id (GTK_WIDGET (dialog), "content_box"), GTK_TYPE_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (bed_entry), "JC-0003");
  click_save (dialog);
  g_assert_cmpstr (jy_home_bed_dialog_get_field_error (dialog, JY_HOME_BED_FIELD_DIAGNOSIS), ==,
                   _(jy_home_bed_problem_message (JY_HOME_BED_PROBLEM_NO_DIAGNOSIS)));
  g_assert_cmpstr (jy_home_bed_dialog_get_field_error (dialog, JY_HOME_BED_FIELD_PLAN), ==,
                   _(jy_home_bed_problem_message (JY_HOME_BED_PROBLEM_NO_PLAN)));
  g_assert_cmpstr (jy_home_bed_dialog_get_field_error (dialog, JY_HOME_BED_FIELD_AGREEMENT), ==,
                   _(jy_home_bed_problem_message (JY_HOME_BED_PROBLEM_AGREEMENT_NOT_SIGNED)));
  g_assert_null (jy_home_bed_dialog_get_field_error (dialog, JY_HOME_BED_FIELD_BED_NUMBER));
  g_assert_false (gtk_widget_get_visible (jy_test_find_by_id (GTK_WIDGET (dialog), "message_label")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bed_entry)), ==, "JC-0003");
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM home_bed WHERE bed_number = 'JC-0003'"), ==, 0);
  jy_test_save_screenshot (GTK_WIDGET (dialog), "home-bed-admission-refused");
  /* Filling the form takes each problem away and saves. */
  before = fx->saved;
  fill_admission (dialog);
  g_assert_null (jy_home_bed_dialog_get_field_error (dialog, JY_HOME_BED_FIELD_DIAGNOSIS));
  g_assert_null (jy_home_bed_dialog_get_field_error (dialog, JY_HOME_BED_FIELD_AGREEMENT));
  click_save (dialog);
  jy_test_iterate_until (&fx->saved, before + 1);
  jy_test_iterate_until_true (no_bed_dialog, NULL);
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM home_bed WHERE bed_number = 'JC-0002' AND status = 'open'"), ==, 1);

  /* Discharge with the summary emptied, then unsigned. */
  dialog = open_bed_dialog (section, "home-bed.discharge");
  jy_test_iterate_until_true (draft_shown, dialog);
  set_summary (dialog, "  ");
  click_save (dialog);
  g_assert_cmpstr (jy_home_bed_dialog_get_field_error (dialog, JY_HOME_BED_FIELD_SUMMARY), ==,
                   _(jy_home_bed_problem_message (JY_HOME_BED_PROBLEM_NO_SUMMARY)));
  set_summary (dialog, "病情好转，家属要求撤床。");
  g_assert_null (jy_home_bed_dialog_get_field_error (dialog, JY_HOME_BED_FIELD_SUMMARY));
  click_save (dialog);
  g_assert_cmpstr (jy_home_bed_dialog_get_field_error (dialog, JY_HOME_BED_FIELD_AGREEMENT), ==,
                   _(jy_home_bed_problem_message (JY_HOME_BED_PROBLEM_SUMMARY_NOT_SIGNED)));
  g_assert_true (draft_shown (dialog));
  jy_test_save_screenshot (GTK_WIDGET (dialog), "home-bed-discharge-refused");
  collect_checks (GTK_WIDGET (dialog), checks);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  g_assert_null (jy_home_bed_dialog_get_field_error (dialog, JY_HOME_BED_FIELD_AGREEMENT));
  before = fx->saved;
  click_save (dialog);
  jy_test_iterate_until (&fx->saved, before + 1);
  jy_test_iterate_until_true (no_bed_dialog, NULL);
  {
    g_autofree char *row = jy_test_query_text (fx->centre.path,
                                               "SELECT status || ' ' || discharge_summary FROM home_bed"
                                               " WHERE bed_number = 'JC-0002'");

    g_assert_cmpstr (row, ==, "discharged 病情好转，家属要求撤床。");
  }
  gtk_window_destroy (window);
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
  ADD ("/gui/home-beds/resident-section-applies-assesses-establishes-discharges",
       test_section_applies_assesses_establishes_discharges);
  ADD ("/gui/home-beds/refusals-shown-at-their-fields", test_refusals_shown_at_their_fields);

  return g_test_run ();
}
