/* test-window.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jy-application.h"
#include "jy-centre-store.h"
#include "jy-sidebar-row.h"
#include "jy-window.h"
#include "test-gui-util.h"
#include "test-util.h"

typedef struct
{
  char      *tmpdir;
  JyStore   *store;
  GSettings *settings;
  JyWindow  *window;
} WindowFixture;

static const char *const page_names[] = {
  "today", "residents", "contracts", "followups",
  "long-rx", "home-beds", "reports", "sync",
};

static void
fixture_setup (WindowFixture *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JyCentreIdentity centre = { .name = (char *)"测试社区卫生服务中心", .code = (char *)"350299001" };

  fx->tmpdir = g_dir_make_tmp ("jiayi-gui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  fx->store = jy_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, jy_centre_store_save, &centre, NULL, &error) == JY_STORE_DONE);

  fx->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fx->settings, "window-width");
  g_settings_reset (fx->settings, "window-height");
  fx->window = g_object_ref_sink (jy_window_new (NULL, fx->settings));
  gtk_window_present (GTK_WINDOW (fx->window));
}

static void
fixture_teardown (WindowFixture *fx,
                  gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  /* Pages may still have reads in flight; they must end, not leak. */
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->window));
  g_clear_object (&fx->settings);
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->store));
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget,
                                 gpointer   data);

static GtkWidget *
find_widget (GtkWidget   *root,
             WidgetMatch  match,
             gpointer     data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_sidebar_row_named (GtkWidget *widget,
                      gpointer   data)
{
  return JY_IS_SIDEBAR_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static gboolean
is_label_with_text (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_search_entry (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static gboolean
page_ready (gpointer data)
{
  return jy_today_page_is_ready (data);
}

static void
test_sidebar_navigates_every_page (WindowFixture *fx,
                                   gconstpointer  user_data)
{
  g_assert_cmpstr (jy_window_get_visible_page (fx->window), ==, "today");

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkWidget *row = find_widget (GTK_WIDGET (fx->window), is_sidebar_row_named, (gpointer)page_names[i]);

      g_assert_nonnull (row);
      /* What a click or Enter on the row does. */
      g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
      g_assert_cmpstr (jy_window_get_visible_page (fx->window), ==, page_names[i]);
      g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));
    }
}

static void
test_alt_digit_actions_switch_pages (WindowFixture *fx,
                                     gconstpointer  user_data)
{
  for (guint i = G_N_ELEMENTS (page_names); i > 0; i--)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.show-page", "s", page_names[i - 1]));
      g_assert_cmpstr (jy_window_get_visible_page (fx->window), ==, page_names[i - 1]);
    }
}

static void
test_sidebar_in_chinese (WindowFixture *fx,
                         gconstpointer  user_data)
{
  static const struct { const char *page; const char *title; } expected[] = {
    { "today", "工作台" },
    { "residents", "居民" },
    { "contracts", "签约" },
    { "followups", "随访" },
    { "long-rx", "长处方" },
    { "home-beds", "家庭病床" },
    { "reports", "报表" },
    { "sync", "同步" },
  };

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "zh_CN") != 0)
    {
      g_test_skip ("needs LANGUAGE=zh_CN (set by tests/gui/meson.build)");
      return;
    }

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fx->window)), ==, "家医");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *row = find_widget (GTK_WIDGET (fx->window), is_sidebar_row_named, (gpointer)expected[i].page);

      g_assert_cmpstr (jy_sidebar_row_get_title (JY_SIDEBAR_ROW (row)), ==, expected[i].title);
    }
}

static void
test_today_shows_centre_from_store (WindowFixture *fx,
                                    gconstpointer  user_data)
{
  JyTodayPage *page = jy_window_get_today_page (fx->window);

  g_assert_false (jy_today_page_is_ready (page));
  jy_window_set_store (fx->window, fx->store);
  jy_test_iterate_until_true (page_ready, page);

  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_with_text, (gpointer)"测试社区卫生服务中心"));
}

static gboolean
sync_row_says_never (gpointer data)
{
  g_autofree char *subtitle = NULL;

  g_object_get (data, "subtitle", &subtitle, NULL);
  return g_strcmp0 (subtitle, "从未同步") == 0;
}

/* The sync state is visible from every page: a line under Sync in the sidebar. */
static void
test_sidebar_shows_sync_status (WindowFixture *fx,
                                gconstpointer  user_data)
{
  GtkWidget *row = jy_test_find_by_name (GTK_WIDGET (fx->window), "sync");

  g_assert_true (JY_IS_SIDEBAR_ROW (row));
  g_settings_set_uint (fx->settings, "sync-interval", 0);
  g_settings_set_string (fx->settings, "platform-url", "http://127.0.0.1:9/fhir");
  jy_window_set_store (fx->window, fx->store);
  jy_test_iterate_until_true (sync_row_says_never, row);
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "window-sync-status");
  g_settings_reset (fx->settings, "platform-url");
  g_settings_reset (fx->settings, "sync-interval");
}

static void
test_ctrl_f_focuses_search (WindowFixture *fx,
                            gconstpointer  user_data)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (fx->window), is_search_entry, NULL);
  GtkWidget *focus;

  jy_window_show_page (fx->window, "reports");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.find-resident", NULL));

  focus = gtk_root_get_focus (GTK_ROOT (fx->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Typing a name takes the doctor to the residents page. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "wxy");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (jy_window_get_visible_page (fx->window), ==, "residents");
}

static void
test_size_saved_on_close (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  JyWindow *window = g_object_ref_sink (jy_window_new (NULL, settings));

  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_finalize_object (window);

  /* A new window opens at the saved size. */
  window = g_object_ref_sink (jy_window_new (NULL, settings));
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 1100);
    g_assert_cmpint (height, ==, 700);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("JIAYI_LOCALEDIR");

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() resets the locale to C. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  jy_gui_init ();
  jy_test_quiet_debug ();

#define ADD(path, func) \
  g_test_add (path, WindowFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/gui/window/sidebar-navigates-every-page", test_sidebar_navigates_every_page);
  ADD ("/gui/window/alt-digit-switches-pages", test_alt_digit_actions_switch_pages);
  ADD ("/gui/window/sidebar-in-chinese", test_sidebar_in_chinese);
  ADD ("/gui/window/today-shows-centre-from-store", test_today_shows_centre_from_store);
  ADD ("/gui/window/ctrl-f-focuses-search-and-search-opens-residents", test_ctrl_f_focuses_search);
  ADD ("/gui/window/sidebar-shows-sync-status", test_sidebar_shows_sync_status);
  g_test_add_func ("/gui/window/size-saved-on-close", test_size_saved_on_close);

  return g_test_run ();
}
