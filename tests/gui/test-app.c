/* test-app.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "jy-application.h"
#include "test-util.h"

/* The whole start-up path a user takes with `jiayi --demo`: the window
 * opens, the demo centre is generated off the main thread, and the Today
 * page shows its counts. JIAYI_BENCH_FIRST_FRAME makes the app quit on the
 * first frame that shows them, so reaching the end of run() proves it. */
static void
test_demo_starts_and_shows_data (void)
{
  g_autoptr(JyApplication) app = jy_application_new (NULL, 500);
  int status;

  g_setenv ("JIAYI_BENCH_FIRST_FRAME", "1", TRUE);
  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_unsetenv ("JIAYI_BENCH_FIRST_FRAME");

  g_assert_cmpint (status, ==, 0);
}

static gboolean
answer_message_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), !=, NULL);
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (window), "quit");
          return TRUE;
        }
    }

  return FALSE;
}

/* An unreadable database leaves the window up with a dialog, never a crash. */
static void
test_corrupt_database_shows_dialog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("jiayi-app-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmpdir, "broken.db", NULL);
  g_autoptr(JyApplication) app = NULL;
  char garbage[8192];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char)(i * 13 + 5);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));

  app = jy_application_new (path, 0);
  g_test_expect_message ("jiayi", G_LOG_LEVEL_WARNING, "Could not open the database*");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));

  /* Wait for the dialog the failed open presents, then quit through it. */
  jy_test_iterate_until_true (answer_message_dialog, NULL);
  g_test_assert_expected_messages ();

  /* The file was not touched. */
  {
    g_autofree char *after = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &after, &len, NULL));
    g_assert_cmpmem (after, len, garbage, sizeof garbage);
  }

  jy_test_remove_tree (tmpdir);
}

/* One GtkApplication per process, as in real life. */
static void
in_subprocess (void)
{
  g_autofree char *path = g_strconcat (g_test_get_path (), "/subprocess", NULL);

  g_test_trap_subprocess (path, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  adw_init ();
  jy_gui_init ();
  jy_test_quiet_debug ();

  g_test_add_func ("/gui/app/demo-starts-and-shows-data", in_subprocess);
  g_test_add_func ("/gui/app/demo-starts-and-shows-data/subprocess", test_demo_starts_and_shows_data);
  g_test_add_func ("/gui/app/corrupt-database-shows-dialog", in_subprocess);
  g_test_add_func ("/gui/app/corrupt-database-shows-dialog/subprocess", test_corrupt_database_shows_dialog);

  return g_test_run ();
}
