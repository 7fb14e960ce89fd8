/* test-gui-privacy.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No personal data in the window's logs (issue #5, style.md): the test
 * runs itself again as a child that searches for a synthetic resident by
 * name, ID number and phone, opens the record and saves a new phone, with
 * G_MESSAGES_DEBUG=all as someone chasing a bug would; everything the child
 * printed (GLib, GTK and Jiayi debug output) is searched for that person's
 * name, ID number, phones and address.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "jy-application.h"
#include "jy-generator.h"
#include "jy-resident-editor.h"
#include "jy-resident-view.h"
#include "jy-residents-page.h"
#include "jy-window.h"
#include "test-gui-util.h"
#include "test-util.h"

/* The new phone the flow saves: synthetic, valid. */
#define NEW_PHONE "13912340576"

static gpointer
generate_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  JyGeneratorOptions options = { .n_residents = 80, .seed = 13 };

  return jy_generator_run (db, &options, NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

/* The child ----------------------------------------------------------------- */

typedef struct
{
  JyWindow        *window;
  JyResidentsPage *page;
  JyResidentView  *view;
  GtkWidget       *entry;
  gint64           id;
  guint            shown;
} Flow;

static void
results_shown_cb (JyResidentsPage *page,
                  Flow            *flow)
{
  flow->shown++;
}

static gboolean
view_complete (gpointer data)
{
  Flow *flow = data;

  return jy_resident_view_get_resident_id (flow->view) == flow->id &&
         jy_resident_view_is_complete (flow->view);
}

static JyResidentEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JY_IS_RESIDENT_EDITOR (window))
        return JY_RESIDENT_EDITOR (window);
    }
  return NULL;
}

static gboolean
editor_ready (gpointer data)
{
  JyResidentEditor *editor = find_editor ();

  return editor != NULL && gtk_widget_is_sensitive (jy_test_find_by_id (GTK_WIDGET (editor), "save_button"));
}

static gboolean
editor_gone (gpointer data)
{
  return find_editor () == NULL;
}

static gboolean
phone_saved (gpointer data)
{
  const char *path = data;

  return jy_test_query_int64 (path, "SELECT count(*) FROM resident WHERE phone = '" NEW_PHONE "'") == 1;
}

/* Types @query as a doctor would, waits for the rows, presses Enter. */
static void
search_and_open (Flow       *flow,
                 const char *query)
{
  guint shown = flow->shown;

  gtk_editable_set_text (GTK_EDITABLE (flow->entry), query);
  jy_test_iterate_until (&flow->shown, shown + 1);
  g_signal_emit_by_name (flow->entry, "activate");
  jy_test_iterate_until_true (view_complete, flow);
}

static int
run_flow (const char *path,
          gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = jy_store_open (path, &error);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  JyResidentEditor *editor;
  Flow flow = { .id = id };

  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT name FROM resident WHERE id = %" G_GINT64_FORMAT, id);
  name = jy_test_query_text (path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT id_number FROM resident WHERE id = %" G_GINT64_FORMAT, id);
  id_number = jy_test_query_text (path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT phone FROM resident WHERE id = %" G_GINT64_FORMAT, id);
  phone = jy_test_query_text (path, sql);

  flow.window = g_object_ref_sink (jy_window_new (NULL, settings));
  jy_window_set_store (flow.window, store);
  gtk_window_present (GTK_WINDOW (flow.window));
  flow.page = JY_RESIDENTS_PAGE (jy_test_find_by_type (GTK_WIDGET (flow.window), JY_TYPE_RESIDENTS_PAGE));
  flow.view = JY_RESIDENT_VIEW (jy_test_find_by_type (GTK_WIDGET (flow.window), JY_TYPE_RESIDENT_VIEW));
  flow.entry = jy_test_find_by_type (GTK_WIDGET (flow.window), GTK_TYPE_SEARCH_ENTRY);
  g_signal_connect (flow.page, "results-shown", G_CALLBACK (results_shown_cb), &flow);

  /* By the whole ID number, by name, by phone: each opens the record. */
  search_and_open (&flow, id_number);
  search_and_open (&flow, name);
  search_and_open (&flow, phone);

  /* Edit: a new phone, saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (flow.view), "resident.edit", NULL));
  jy_test_iterate_until_true (editor_ready, NULL);
  editor = find_editor ();
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_id (GTK_WIDGET (editor), "phone_entry")), NEW_PHONE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  jy_test_iterate_until_true (editor_gone, NULL);
  jy_test_iterate_until_true (phone_saved, (gpointer)path);
  jy_test_iterate_until_true (view_complete, &flow);

  gtk_window_destroy (GTK_WINDOW (flow.window));
  jy_test_unref_and_wait_finalize (g_steal_pointer (&flow.window));
  jy_test_unref_and_wait_finalize (g_steal_pointer (&store));
  g_print ("flow done\n");
  return 0;
}

/* The test ------------------------------------------------------------------- */

static void
assert_absent (const char *logs,
               const char *value,
               const char *what)
{
  const char *found;

  g_assert_nonnull (value);
  g_assert_cmpstr (value, !=, "");
  found = strstr (logs, value);
  if (found != NULL)
    /* Where, not what: this test's own output is a log too. */
    g_test_message ("a %s appears in the logs at offset %td", what, found - logs);
  g_assert_null (found);
}

static void
test_window_logs_name_no_one (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("jiayi-gui-privacy-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *id_arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *logs = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  const char *fields[] = { "name", "id_number", "phone", "address_detail" };
  char *values[G_N_ELEMENTS (fields)];
  JyStore *store;
  gint64 id;

  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "centre.db", NULL);
  store = jy_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (store, generate_func, NULL, NULL, &error) == JY_STORE_DONE);
  jy_test_unref_and_wait_finalize (store);

  /* Someone with a unique name, an ID number, a phone and an address. */
  id = jy_test_query_int64 (path, "SELECT min (id) FROM resident WHERE status = 'active' "
                                  "AND id_number IS NOT NULL AND phone IS NOT NULL AND address_detail IS NOT NULL "
                                  "AND name IN (SELECT name FROM resident GROUP BY name HAVING count(*) = 1) "
                                  "AND phone IN (SELECT phone FROM resident GROUP BY phone HAVING count(*) = 1) "
                                  "AND phone NOT IN (SELECT contact_phone FROM resident WHERE contact_phone IS NOT NULL)");
  g_assert_cmpint (id, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_free (sql);
      sql = g_strdup_printf ("SELECT %s FROM resident WHERE id = %" G_GINT64_FORMAT, fields[i], id);
      values[i] = jy_test_query_text (path, sql);
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  child = g_subprocess_launcher_spawn (launcher, &error, g_test_get_filename (G_TEST_BUILT, "test-gui-privacy", NULL),
                                       "--flow", path, id_arg, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  logs = g_strconcat (out, err, NULL);
  g_test_message ("the flow printed %zu bytes", strlen (logs));
  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
  g_assert_nonnull (strstr (out, "flow done"));
  /* Debug output was on and said something. */
  g_assert_nonnull (strstr (logs, "-DEBUG"));

  /* The saved phone is the person's now. */
  g_assert_cmpint (jy_test_query_int64 (path, "SELECT count(*) FROM resident WHERE phone = '" NEW_PHONE "'"), ==, 1);

  assert_absent (logs, values[0], "name");
  assert_absent (logs, values[1], "ID number");
  assert_absent (logs, values[2], "phone number");
  assert_absent (logs, values[3], "address");
  assert_absent (logs, NEW_PHONE, "new phone number");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (values[i]);
  jy_test_remove_tree (tmpdir);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("JIAYI_LOCALEDIR");

  if (argc == 4 && strcmp (argv[1], "--flow") == 0)
    {
      /* The child: GLib's own log writer, so that debug output is printed
       * as it would be for a user. */
      gtk_init ();
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      adw_init ();
      jy_gui_init ();
      return run_flow (argv[2], g_ascii_strtoll (argv[3], NULL, 10));
    }

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  jy_test_quiet_debug ();

  g_test_add_func ("/gui/privacy/window logs of search, open and save name no one", test_window_logs_name_no_one);

  return g_test_run ();
}
