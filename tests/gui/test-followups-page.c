/* test-followups-page.c
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
#include "jy-clock.h"
#include "jy-followups-page.h"
#include "test-gui-util.h"

typedef struct
{
  ChronicFixture   base;
  GtkWindow       *window;
  JyFollowupsPage *page;
  gint64           overdue, soon, recheck;
} Fixture;

/* A date @days from today, local. */
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
save (Fixture          *fx,
      gint64            enrolment,
      int               visit_day,
      JyFollowupClass   klass,
      JyFollowupAction  action,
      int               next_day)
{
  g_autofree char *visit = day (visit_day);
  g_autofree char *next = day (next_day);
  g_autoptr(JyFollowup) f = chronic_fixture_followup (enrolment, JY_PROGRAMME_HTN, visit,
                                                      klass == JY_FOLLOWUP_CLASS_CONTROLLED ? 128 : 158,
                                                      82, JY_UNMEASURED);

  chronic_fixture_decide (f, klass, next);
  chronic_fixture_save (&fx->base, f, action);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  gint64 a, b, c;

  chronic_fixture_setup (&fx->base, user_data);

  /* Overdue by 10 days; due in 3 days; an uncontrolled visit 9 days ago
   * asking for a recheck in 5 days. */
  fx->overdue = chronic_fixture_add_resident (&fx->base, "甲测试", 0);
  fx->soon = chronic_fixture_add_resident (&fx->base, "乙测试", 0);
  fx->recheck = chronic_fixture_add_resident (&fx->base, "丙测试", 1);
  a = chronic_fixture_enrol (&fx->base, fx->overdue, JY_PROGRAMME_HTN, "2020-01-01", 0);
  b = chronic_fixture_enrol (&fx->base, fx->soon, JY_PROGRAMME_HTN, "2020-01-01", 0);
  c = chronic_fixture_enrol (&fx->base, fx->recheck, JY_PROGRAMME_HTN, "2020-01-01", 1);
  save (fx, a, -100, JY_FOLLOWUP_CLASS_CONTROLLED, JY_FOLLOWUP_ACTION_ROUTINE, -10);
  save (fx, b, -87, JY_FOLLOWUP_CLASS_CONTROLLED, JY_FOLLOWUP_ACTION_ROUTINE, 3);
  save (fx, c, -9, JY_FOLLOWUP_CLASS_UNCONTROLLED, JY_FOLLOWUP_ACTION_ADJUST, 5);

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 1200, 700);
  fx->page = g_object_new (JY_TYPE_FOLLOWUPS_PAGE, NULL);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->page));
  jy_followups_page_set_store (fx->page, fx->base.store);
  gtk_window_present (fx->window);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  /* The page may still have reads in flight: they must end, not leak. */
  g_object_ref (fx->page);
  gtk_window_destroy (fx->window);
  jy_test_unref_and_wait_finalize (fx->page);
  chronic_fixture_teardown (&fx->base, user_data);
}

static gboolean
rows_shown (gpointer data)
{
  Fixture *fx = data;
  GtkStack *stack = GTK_STACK (jy_test_find_by_id (GTK_WIDGET (fx->page), "state_stack"));
  const char *name = gtk_stack_get_visible_child_name (stack);

  return g_strcmp0 (name, "list") == 0 || g_strcmp0 (name, "empty") == 0;
}

static gint64
row_resident (Fixture *fx,
              int      index)
{
  GtkListBox *list = GTK_LIST_BOX (jy_test_find_by_id (GTK_WIDGET (fx->page), "list_box"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return row != NULL ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "resident-id")) : 0;
}

static void
show_and_wait (Fixture        *fx,
               JyWorklistKind  kind)
{
  GtkStack *stack = GTK_STACK (jy_test_find_by_id (GTK_WIDGET (fx->page), "state_stack"));

  gtk_stack_set_visible_child_name (stack, "loading");
  if (kind == jy_followups_page_get_kind (fx->page))
    jy_followups_page_reload (fx->page);
  else
    jy_followups_page_show_kind (fx->page, kind);
  jy_test_iterate_until_true (rows_shown, fx);
}

static void
test_lists_show_the_right_patients (Fixture       *fx,
                                    gconstpointer  user_data)
{
  show_and_wait (fx, JY_WORKLIST_DUE_THIS_WEEK);
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "followups-due-this-week");
  g_assert_cmpuint (jy_followups_page_get_n_rows (fx->page), ==, 2);
  /* Soonest first: due in 3 days, then the recheck in 5. */
  g_assert_cmpint (row_resident (fx, 0), ==, fx->soon);
  g_assert_cmpint (row_resident (fx, 1), ==, fx->recheck);

  show_and_wait (fx, JY_WORKLIST_OVERDUE);
  g_assert_cmpuint (jy_followups_page_get_n_rows (fx->page), ==, 1);
  g_assert_cmpint (row_resident (fx, 0), ==, fx->overdue);

  show_and_wait (fx, JY_WORKLIST_RECHECK);
  g_assert_cmpuint (jy_followups_page_get_n_rows (fx->page), ==, 1);
  g_assert_cmpint (row_resident (fx, 0), ==, fx->recheck);

  show_and_wait (fx, JY_WORKLIST_REFERRAL);
  g_assert_cmpuint (jy_followups_page_get_n_rows (fx->page), ==, 0);
}

static gboolean
filters_filled (gpointer data)
{
  Fixture *fx = data;
  GtkDropDown *teams = GTK_DROP_DOWN (jy_test_find_by_id (GTK_WIDGET (fx->page), "team_dropdown"));
  GListModel *model = gtk_drop_down_get_model (teams);

  return model != NULL && g_list_model_get_n_items (model) == 3; /* all + 2 teams */
}

static void
test_team_filter (Fixture       *fx,
                  gconstpointer  user_data)
{
  GtkDropDown *teams = GTK_DROP_DOWN (jy_test_find_by_id (GTK_WIDGET (fx->page), "team_dropdown"));
  GtkStack *stack = GTK_STACK (jy_test_find_by_id (GTK_WIDGET (fx->page), "state_stack"));

  jy_test_iterate_until_true (filters_filled, fx);
  jy_test_iterate_until_true (rows_shown, fx);

  /* The second team has only the recheck patient. */
  gtk_stack_set_visible_child_name (stack, "loading");
  gtk_drop_down_set_selected (teams, 2);
  jy_test_iterate_until_true (rows_shown, fx);
  g_assert_cmpuint (jy_followups_page_get_n_rows (fx->page), ==, 1);
  g_assert_cmpint (row_resident (fx, 0), ==, fx->recheck);
}

static void
resident_cb (JyFollowupsPage *page,
             gint64           resident_id,
             gint64          *out)
{
  *out = resident_id;
}

static void
test_rows_open_and_follow_up (Fixture       *fx,
                              gconstpointer  user_data)
{
  GtkListBox *list = GTK_LIST_BOX (jy_test_find_by_id (GTK_WIDGET (fx->page), "list_box"));
  gint64 opened = 0;
  gint64 followed = 0;
  GtkWidget *button;

  g_signal_connect (fx->page, "open-resident", G_CALLBACK (resident_cb), &opened);
  g_signal_connect (fx->page, "follow-up", G_CALLBACK (resident_cb), &followed);
  show_and_wait (fx, JY_WORKLIST_OVERDUE);

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpint (opened, ==, fx->overdue);

  button = jy_test_find_by_type (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  /* "clicked", not activate: a keyboard activation clicks after a delay. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (followed, ==, fx->overdue);
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
  ADD ("/gui/followups/lists-show-the-right-patients", test_lists_show_the_right_patients);
  ADD ("/gui/followups/team-filter", test_team_filter);
  ADD ("/gui/followups/rows-open-resident-and-start-follow-up", test_rows_open_and_follow_up);

  return g_test_run ();
}
