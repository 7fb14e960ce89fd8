/* test-resident-view.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The resident page paints the record from a read and records the view in
 * the audit trail with a write job of its own: the view is always
 * recorded, and the record leaves the screen if it cannot be.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jy-application.h"
#include "jy-generator.h"
#include "jy-resident-view.h"
#include "jy-clock.h"
#include "jy-home-bed-dialog.h"
#include "jy-home-bed-store.h"
#include "jy-home-bed-section.h"
#include "jy-residents-page.h"
#include "jy-window.h"
#include "test-gui-util.h"
#include "test-util.h"

/* More events than the timeline shows before "Show All". */
#define EXTRA_EVENTS 30

typedef struct
{
  char           *tmpdir;
  char           *path;
  JyStore        *store;
  GSettings      *settings;
  JyWindow       *window;
  JyResidentsPage *page;
  JyResidentView *view;
  gint64          resident_id;
} Fixture;

static gpointer
generate_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  JyGeneratorOptions options = { .n_residents = 60, .seed = 5 };

  return jy_generator_run (db, &options, NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-gui-resident-view-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, generate_func, NULL, NULL, &error) == JY_STORE_DONE);
  fx->resident_id = jy_test_query_int64 (fx->path, "SELECT min (id) FROM resident WHERE status = 'active'");

  fx->settings = g_settings_new (APPLICATION_ID);
  fx->window = g_object_ref_sink (jy_window_new (NULL, fx->settings));
  jy_window_set_store (fx->window, fx->store);
  gtk_window_present (GTK_WINDOW (fx->window));
  jy_window_show_page (fx->window, "residents");
  fx->page = JY_RESIDENTS_PAGE (jy_test_find_by_type (GTK_WIDGET (fx->window), JY_TYPE_RESIDENTS_PAGE));
  fx->view = JY_RESIDENT_VIEW (jy_test_find_by_type (GTK_WIDGET (fx->window), JY_TYPE_RESIDENT_VIEW));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  if (fx->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fx->window));
      jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->window));
    }
  g_clear_object (&fx->settings);
  if (fx->store != NULL)
    jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->store));
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
}

static gint64
views_recorded (Fixture *fx)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log a JOIN resident r ON r.uuid = a.row_uuid "
                                          "WHERE a.action = 'view' AND a.entity = 'resident' "
                                          "AND r.id = %" G_GINT64_FORMAT, fx->resident_id);

  return jy_test_query_int64 (fx->path, sql);
}

static gboolean
view_complete (gpointer data)
{
  return jy_resident_view_is_complete (data);
}

static gboolean
view_recorded (gpointer data)
{
  return views_recorded (data) == 1;
}

static const char *
state (Fixture *fx)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (jy_test_find_by_id (GTK_WIDGET (fx->view), "state_stack")));
}

static void
test_opening_records_the_view (Fixture       *fx,
                               gconstpointer  user_data)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM resident WHERE id = %" G_GINT64_FORMAT, fx->resident_id);
  g_autofree char *name = jy_test_query_text (fx->path, sql);
  GtkWidget *label = jy_test_find_by_id (GTK_WIDGET (fx->view), "name_label");

  g_assert_cmpint (views_recorded (fx), ==, 0);
  jy_residents_page_open_resident (fx->page, fx->resident_id);
  jy_test_iterate_until_true (view_complete, fx->view);

  g_assert_cmpstr (state (fx), ==, "ready");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, name);
  g_assert_true (gtk_widget_get_visible (jy_test_find_by_id (GTK_WIDGET (fx->view), "timeline_group")));
  /* Written off the main thread, and exactly once. */
  jy_test_iterate_until_true (view_recorded, fx);
  g_assert_cmpint (views_recorded (fx), ==, 1);
}

static void
test_view_recorded_when_window_closes_at_once (Fixture       *fx,
                                               gconstpointer  user_data)
{
  /* Closed before the write could have run: the writer finishes its queue
   * before the store closes. */
  jy_residents_page_open_resident (fx->page, fx->resident_id);
  gtk_window_destroy (GTK_WINDOW (fx->window));
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->window));
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->store));

  g_assert_cmpint (views_recorded (fx), ==, 1);
}

static gpointer
refuse_views_func (JyDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  static const char sql[] =
    "CREATE TEMP TRIGGER refuse_views BEFORE INSERT ON main.audit_log WHEN NEW.action = 'view'\n"
    "  BEGIN SELECT RAISE (ABORT, 'views refused by the test'); END";

  return jy_db_exec (db, sql, error) ? JY_STORE_DONE : NULL;
}

static gboolean
shows_error (gpointer data)
{
  return g_strcmp0 (state (data), "error") == 0;
}

static void
test_record_withdrawn_when_view_not_recorded (Fixture       *fx,
                                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* On the writer's connection only: readers still read the record. */
  g_assert_true (jy_store_write (fx->store, refuse_views_func, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  g_test_expect_message ("jiayi", G_LOG_LEVEL_WARNING, "Could not record the view of resident*");
  jy_residents_page_open_resident (fx->page, fx->resident_id);
  jy_test_iterate_until_true (shows_error, fx);
  g_test_assert_expected_messages ();

  g_assert_cmpint (views_recorded (fx), ==, 0);
  g_assert_false (jy_resident_view_is_complete (fx->view));
}

static gpointer
add_events_func (JyDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Fixture *fx = data;
  g_autofree char *sql = NULL;

  /* Record edits as the audit trail keeps them (append-only: inserts). */
  sql = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)\n"
                         "INSERT INTO audit_log (at, actor, action, entity, row_uuid, detail)\n"
                         "SELECT printf ('2025-01-%%02dT02:00:00Z', i), 'system', 'update', 'resident', r.uuid,\n"
                         "       '{\"phone\":[\"a\",\"b\"]}'\n"
                         "FROM n, resident r WHERE r.id = %" G_GINT64_FORMAT,
                         EXTRA_EVENTS, fx->resident_id);
  return jy_db_exec (db, sql, error) ? JY_STORE_DONE : NULL;
}

static guint
timeline_rows (Fixture *fx)
{
  GtkListBox *list = GTK_LIST_BOX (jy_test_find_by_id (GTK_WIDGET (fx->view), "timeline_list"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static void
test_timeline_shows_latest_then_all (Fixture       *fx,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *more = jy_test_find_by_id (GTK_WIDGET (fx->view), "timeline_more_button");
  guint all;

  g_assert_true (jy_store_write (fx->store, add_events_func, fx, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  jy_residents_page_open_resident (fx->page, fx->resident_id);
  jy_test_iterate_until_true (view_complete, fx->view);
  g_assert_cmpuint (timeline_rows (fx), ==, 20);
  g_assert_true (gtk_widget_get_visible (more));

  g_signal_emit_by_name (more, "clicked");
  all = timeline_rows (fx);
  g_assert_cmpuint (all, >=, EXTRA_EVENTS);
  g_assert_false (gtk_widget_get_visible (more));
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "resident-view-timeline");

  /* Another record starts at its latest events again, in the same rows. */
  jy_residents_page_open_resident (fx->page, fx->resident_id + 1);
  g_assert_false (gtk_widget_get_visible (jy_test_find_by_id (GTK_WIDGET (fx->view), "timeline_group")));
  jy_test_iterate_until_true (view_complete, fx->view);
  g_assert_cmpuint (timeline_rows (fx), <=, 20);
}

static gboolean
bed_section_shown (gpointer data)
{
  Fixture *fx = data;
  GtkWidget *section = jy_test_find_by_type (GTK_WIDGET (fx->view), JY_TYPE_HOME_BED_SECTION);

  return jy_resident_view_is_complete (fx->view) && gtk_widget_get_visible (section);
}

static guint expected_rows;

static gboolean
timeline_grew (gpointer data)
{
  Fixture *fx = data;

  return jy_resident_view_is_complete (fx->view) && timeline_rows (fx) == expected_rows;
}

typedef struct
{
  gint64 resident_id;
  gint64 doctor_id;
} BedPrep;

/* An application and an eligible assessment, ready for the bed. */
static gpointer
prepare_bed_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  BedPrep *prep = data;
  g_autoptr(GDate) today = jy_clock_today_local ();
  JyHomeBedApplicationRequest apply = { prep->resident_id, *today, JY_HOME_BED_SOURCE_FAMILY, NULL, "术后换药" };
  JyHomeBedAssessRequest assess = { 0 };

  assess.resident_id = prep->resident_id;
  if ((assess.application_id = jy_home_bed_store_apply (db, &apply, NULL, error)) == 0)
    return NULL;
  assess.doctor_id = prep->doctor_id;
  jy_home_bed_assessment_init (&assess.facts);
  assess.facts.assessment_date = *today;
  assess.facts.diagnosis_clear = assess.facts.condition_stable = assess.facts.suitable_at_home = TRUE;
  assess.facts.needs_continuous_care = assess.facts.home_safe = assess.facts.has_carer = TRUE;
  assess.facts.adl_score = 40;
  assess.facts.braden_score = 15;
  return jy_home_bed_store_assess (db, &assess, NULL, error) > 0 ? JY_STORE_DONE : NULL;
}

static gboolean
admission_ready (gpointer data)
{
  return gtk_widget_get_sensitive (jy_test_find_by_id (GTK_WIDGET (data), "save_button"));
}

static void
collect_type (GtkWidget *root,
              GType      type,
              GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, out);
}

/* A home bed established from the page's section shows on the timeline
 * without reopening the record. */
static void
test_timeline_refreshed_after_home_bed_change (Fixture       *fx,
                                               gconstpointer  user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *section;
  GtkWidget *dialog = NULL;
  gint64 doctor_id = jy_test_query_int64 (fx->path, "SELECT min (id) FROM staff WHERE role = 'doctor'");
  g_autofree char *uuid = NULL;
  g_autoptr(JyActor) doctor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  BedPrep prep = { 0, doctor_id };

  {
    g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM staff WHERE id = %" G_GINT64_FORMAT, doctor_id);

    uuid = jy_test_query_text (fx->path, sql);
  }
  doctor = jy_actor_new (doctor_id, uuid, NULL, NULL, JY_ROLE_DOCTOR, 0);
  jy_store_set_session (fx->store, doctor);
  fx->resident_id = jy_test_query_int64 (fx->path,
                                         "SELECT min (id) FROM resident WHERE status = 'active'"
                                         " AND id NOT IN (SELECT resident_id FROM home_bed_application)"
                                         " AND id NOT IN (SELECT resident_id FROM home_bed)");
  prep.resident_id = fx->resident_id;
  g_assert_true (jy_store_write (fx->store, prepare_bed_func, &prep, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  jy_residents_page_open_resident (fx->page, fx->resident_id);
  jy_test_iterate_until_true (bed_section_shown, fx);
  expected_rows = timeline_rows (fx) + 1;
  g_assert_cmpuint (expected_rows, <=, 20);
  section = jy_test_find_by_type (GTK_WIDGET (fx->view), JY_TYPE_HOME_BED_SECTION);
  g_assert_true (gtk_widget_activate_action (section, "home-bed.admit", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JY_IS_HOME_BED_DIALOG (window))
        dialog = GTK_WIDGET (window);
    }
  g_assert_nonnull (dialog);
  jy_test_iterate_until_true (admission_ready, dialog);
  collect_type (dialog, GTK_TYPE_ENTRY, entries);
  collect_type (dialog, GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (entries->len, >=, 3);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "JC-0101");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "脑梗死恢复期");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 2)), "康复训练；压疮预防");
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  g_signal_emit_by_name (jy_test_find_by_id (dialog, "save_button"), "clicked");
  jy_test_iterate_until_true (timeline_grew, fx);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM home_bed WHERE bed_number = 'JC-0101'"), ==, 1);
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
  ADD ("/gui/resident-view/opening a record records the view", test_opening_records_the_view);
  ADD ("/gui/resident-view/view recorded when the window closes at once", test_view_recorded_when_window_closes_at_once);
  ADD ("/gui/resident-view/record withdrawn when the view cannot be recorded", test_record_withdrawn_when_view_not_recorded);
  ADD ("/gui/resident-view/timeline shows the latest 20 then all", test_timeline_shows_latest_then_all);
  ADD ("/gui/resident-view/timeline refreshed after a home-bed change", test_timeline_refreshed_after_home_bed_change);

  return g_test_run ();
}
