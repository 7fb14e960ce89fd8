/* test-followup-flow.c
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
#include "jy-chronic-worklist.h"
#include "jy-clock.h"
#include "jy-followup-editor.h"
#include "jy-window.h"
#include "test-gui-util.h"

/* A doctor follows up a patient from the window, end to end: the form
 * opens with what the store knows, the rules run on the real core, the
 * save goes through the writer into the database, the worklists move. */

typedef struct
{
  ChronicFixture  base;
  GSettings      *settings;
  JyWindow       *window;
  gint64          resident;
  gint64          enrolment;
} Fixture;

static char *
day (int days)
{
  g_autoptr(GDate) date = jy_clock_today_local ();

  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
  return jy_clock_format_date (date);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autofree char *visit = day (-20);
  g_autofree char *next = day (-6);
  g_autoptr(JyFollowup) f = NULL;

  chronic_fixture_setup (&fx->base, user_data);
  fx->resident = chronic_fixture_add_resident (&fx->base, "甲测试", 0);
  fx->enrolment = chronic_fixture_enrol (&fx->base, fx->resident, JY_PROGRAMME_HTN, "2019-06-01", 0);

  /* Uncontrolled 20 days ago, recheck asked for 6 days ago. */
  f = chronic_fixture_followup (fx->enrolment, JY_PROGRAMME_HTN, visit, 158, 92, JY_UNMEASURED);
  chronic_fixture_decide (f, JY_FOLLOWUP_CLASS_UNCONTROLLED, next);
  f->height_cm = 160;
  chronic_fixture_save (&fx->base, f, JY_FOLLOWUP_ACTION_ADJUST);

  fx->settings = g_settings_new (APPLICATION_ID);
  fx->window = g_object_ref_sink (jy_window_new (NULL, fx->settings));
  jy_window_set_store (fx->window, fx->base.store);
  gtk_window_present (GTK_WINDOW (fx->window));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->window));
  g_clear_object (&fx->settings);
  /* Reloads the save set off may still be reading: let them end. */
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->base.store));
  jy_test_remove_tree (fx->base.tmpdir);
  g_free (fx->base.tmpdir);
  g_free (fx->base.path);
}

static JyFollowupEditor *
editor_shown (void)
{
  GListModel *list = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (list, i);

      if (JY_IS_FOLLOWUP_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return JY_FOLLOWUP_EDITOR (window);
    }
  return NULL;
}

static gboolean
editor_open (gpointer data)
{
  return editor_shown () != NULL;
}

static gboolean
editor_closed (gpointer data)
{
  return editor_shown () == NULL;
}

static void
type (JyFollowupForm *form,
      const char     *name,
      const char     *text)
{
  GtkWidget *entry = jy_test_find_by_name (GTK_WIDGET (form), name);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static gboolean
classified (gpointer data)
{
  GtkWidget *dropdown = jy_test_find_by_name (data, "classification-htn");

  return gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)) != JY_FOLLOWUP_CLASS_NONE;
}

static gint64
count (Fixture    *fx,
       const char *sql)
{
  return jy_test_query_int64 (fx->base.path, sql);
}

static void
test_second_uncontrolled_visit_saved_and_referred (Fixture       *fx,
                                                   gconstpointer  user_data)
{
  JyFollowupEditor *editor;
  JyFollowupForm *form;
  GtkWidget *check;

  gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.follow-up", "x", fx->resident);
  jy_test_iterate_until_true (editor_open, NULL);
  editor = editor_shown ();
  form = jy_followup_editor_get_form (editor);

  /* Carried over from the last visit. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jy_test_find_by_name (GTK_WIDGET (form), "height"))),
                   ==, "160");

  check = jy_test_find_by_name (GTK_WIDGET (form), "symptom-none");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  type (form, "sbp", "156");
  type (form, "dbp", "94");
  type (form, "heart-rate", "76");
  type (form, "weight", "63");

  /* Second consecutive uncontrolled face-to-face visit: refer. */
  g_assert_cmpint (jy_followup_form_get_assessment (form, JY_PROGRAMME_HTN)->action, ==,
                   JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL);
  gtk_widget_mnemonic_activate (jy_test_find_by_name (GTK_WIDGET (form), "accept-suggestion"), FALSE);
  jy_test_iterate_until_true (classified, form);
  jy_test_save_screenshot (GTK_WIDGET (editor), "followup-flow-editor");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  jy_test_iterate_until_true (editor_closed, NULL);

  g_assert_cmpint (count (fx, "SELECT count(*) FROM followup WHERE status = 'final'"), ==, 2);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM followup WHERE sbp = 156 AND dbp = 94 "
                              "AND classification = 2 AND author_id = 1"), ==, 1);
  /* One outbox and one audit entry per record, in the save's transaction. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'followup'"), ==, 2);
  /* The worklists follow: the referral awaits its follow-up in 14 days. */
  g_assert_cmpint (count (fx, "SELECT referral_open FROM chronic_enrolment"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT due_action FROM chronic_enrolment"), ==,
                   JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL);
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

  g_test_add ("/gui/followup-flow/second-uncontrolled-visit-saved-and-referred", Fixture, NULL,
              fixture_setup, test_second_uncontrolled_visit_saved_and_referred, fixture_teardown);

  return g_test_run ();
}
