/* test-home-bed-policy.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jy-application.h"
#include "jy-home-bed-policy-group.h"
#include "jy-home-bed-policy-store.h"
#include "jy-preferences-window.h"
#include "test-gui-util.h"
#include "test-store-fixture.h"
#include "test-util.h"

typedef struct
{
  JyTestCentre          centre;
  GSettings            *settings;
  JyPreferencesWindow  *window;
  JyHomeBedPolicyGroup *group;
  guint                 saved;
} Fixture;

static void
saved_cb (JyHomeBedPolicyGroup *group,
          Fixture              *fx)
{
  fx->saved++;
}

static void
open_window (Fixture *fx)
{
  fx->window = g_object_ref_sink (jy_preferences_window_new (NULL, fx->settings, fx->centre.store));
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 720, 1000);
  fx->group = JY_HOME_BED_POLICY_GROUP (jy_test_find_by_type (GTK_WIDGET (fx->window),
                                                              JY_TYPE_HOME_BED_POLICY_GROUP));
  g_assert_nonnull (fx->group);
  g_signal_connect (fx->group, "saved", G_CALLBACK (saved_cb), fx);
  gtk_window_present (GTK_WINDOW (fx->window));
}

static void
close_window (Fixture *fx)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->window));
  fx->group = NULL;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  jy_test_centre_setup (&fx->centre, user_data);
  fx->settings = g_settings_new (APPLICATION_ID);
}

/* The window's reads still under way when it closed hold the store until
 * their callbacks have run. */
static gboolean
store_released (gpointer data)
{
  Fixture *fx = data;

  return g_atomic_int_get (&G_OBJECT (fx->centre.store)->ref_count) == 1;
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  if (fx->window != NULL)
    close_window (fx);
  jy_test_iterate_until_true (store_released, fx);
  g_clear_object (&fx->settings);
  jy_test_centre_teardown (&fx->centre, user_data);
}

static GtkSpinButton *
spin (Fixture    *fx,
      const char *name)
{
  GtkWidget *widget = jy_test_find_by_name (GTK_WIDGET (fx->group), name);

  g_assert_nonnull (widget);
  return GTK_SPIN_BUTTON (widget);
}

static AdwActionRow *
row_of (GtkSpinButton *spin)
{
  return ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_ACTION_ROW));
}

static gboolean
group_editable (gpointer data)
{
  Fixture *fx = data;

  return gtk_widget_get_sensitive (jy_test_find_by_name (GTK_WIDGET (fx->group), "home_bed_policy_save"));
}

static gpointer
load_job (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  JyHomeBedPolicy *policy = g_new (JyHomeBedPolicy, 1);

  if (!jy_home_bed_policy_store_load (db, policy, error))
    g_clear_pointer (&policy, g_free);
  return policy;
}

static void
test_admin_sets_60_days (Fixture       *fx,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree JyHomeBedPolicy *stored = NULL;

  jy_test_act_as (&fx->centre, JY_ROLE_ADMIN);
  open_window (fx);
  jy_test_iterate_until_true (group_editable, fx);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin (fx, "cycle_days")), ==, 90);

  gtk_spin_button_set_value (spin (fx, "cycle_days"), 60);
  g_assert_true (jy_home_bed_policy_group_save (fx->group));
  jy_test_iterate_until (&fx->saved, 1);
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "home-bed-policy-saved");
  close_window (fx);

  stored = jy_store_read (fx->centre.store, load_job, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->cycle_days, ==, 60);

  open_window (fx);
  jy_test_iterate_until_true (group_editable, fx);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin (fx, "cycle_days")), ==, 60);
}

static void
test_120_days_refused_at_the_field (Fixture       *fx,
                                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GtkSpinButton *cycle;

  jy_test_act_as (&fx->centre, JY_ROLE_ADMIN);
  open_window (fx);
  jy_test_iterate_until_true (group_editable, fx);
  cycle = spin (fx, "cycle_days");
  gtk_spin_button_set_value (cycle, 120);
  g_assert_false (jy_home_bed_policy_group_save (fx->group));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row_of (cycle)), "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (row_of (cycle)), ==,
                   _("The cycle is 30 to 90 days"));
  /* Translated, next to the field. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row_of (cycle)), "天"));
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "home-bed-policy-120-refused");
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM home_bed_policy"), ==, 0);

  /* Back in range, the message goes. */
  gtk_spin_button_set_value (cycle, 60);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row_of (cycle)), "error"));
}

static gboolean
cycle_loaded (gpointer data)
{
  Fixture *fx = data;

  return gtk_spin_button_get_value_as_int (spin (fx, "cycle_days")) == 60;
}

static void
test_doctor_sees_but_cannot_edit (Fixture       *fx,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  JyHomeBedPolicy policy = JY_HOME_BED_POLICY_DEFAULT;

  policy.cycle_days = 60;
  jy_test_act_as (&fx->centre, JY_ROLE_ADMIN);
  g_assert_true (jy_store_write (fx->centre.store, jy_home_bed_policy_save_func, &policy, NULL, &error)
                 == JY_STORE_DONE);
  g_assert_no_error (error);
  jy_test_act_as (&fx->centre, JY_ROLE_DOCTOR);
  open_window (fx);
  jy_test_iterate_until_true (cycle_loaded, fx);
  g_assert_false (group_editable (fx));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row_of (spin (fx, "cycle_days")))));
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
  ADD ("/gui/home-bed-policy/admin sets 60 days, save, reopen shows 60", test_admin_sets_60_days);
  ADD ("/gui/home-bed-policy/120 days refused at the field", test_120_days_refused_at_the_field);
  ADD ("/gui/home-bed-policy/doctor sees the policy but cannot edit it", test_doctor_sees_but_cannot_edit);

  return g_test_run ();
}
