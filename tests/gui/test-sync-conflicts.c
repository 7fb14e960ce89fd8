/* test-sync-conflicts.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The conflict inbox on the Sync page: a record changed here and on the
 * platform is listed, opened field by field and merged; the merge is the
 * local record and waits in the outbox for the next sync. A pulled record
 * that could not be stored is listed with its reason.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jy-application.h"
#include "jy-fhir-codec.h"
#include "jy-sync-conflict-dialog.h"
#include "jy-sync-page.h"
#include "test-gui-util.h"
#include "test-sync-util.h"
#include "test-util.h"

typedef struct
{
  char       *tmpdir;
  JyStore    *store;
  GSettings  *settings;
  GtkWindow  *window;
  JySyncPage *page;
  char       *uuid;
  guint       loaded;
  guint       resolved;
} Fixture;

static void
loaded_cb (JySyncPage *page,
           Fixture    *fx)
{
  fx->loaded++;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-gui-conflicts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  fx->store = jy_test_workstation_new (path);

  /* A resident the platform had as version 1, then edited here. */
  fx->uuid = jy_test_add_resident (fx->store, "测试甲", "1950-01-02");
  jy_test_exec (fx->store, "UPDATE outbox SET state = 'done'", NULL, NULL);
  jy_test_exec (fx->store, "UPDATE resident SET remote_version = ?2 WHERE uuid = ?1", fx->uuid, "1");
  jy_test_edit_resident (fx->store, fx->uuid, "测试乙", "13900000001");

  fx->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fx->settings, "platform-url");
  g_settings_set_uint (fx->settings, "sync-interval", 0);
  fx->window = GTK_WINDOW (g_object_ref_sink (gtk_window_new ()));
  gtk_window_set_default_size (fx->window, 900, 700);
  fx->page = g_object_new (JY_TYPE_SYNC_PAGE, NULL);
  g_signal_connect (fx->page, "conflicts-loaded", G_CALLBACK (loaded_cb), fx);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->page));
  jy_sync_page_set_settings (fx->page, fx->settings);
  gtk_window_present (fx->window);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  gtk_window_destroy (fx->window);
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->window));
  g_clear_object (&fx->settings);
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->store));
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->uuid);
}

/* Theirs: mine with another name, birth date and phone, as version 2. */
static char *
their_version (const char *mine)
{
  g_autoptr(JsonNode) root = json_from_string (mine, NULL);
  JsonObject *patient = json_node_get_object (root);
  JsonObject *name = json_array_get_object_element (json_object_get_array_member (patient, "name"), 0);
  JsonObject *phone = json_array_get_object_element (json_object_get_array_member (patient, "telecom"), 0);
  JsonObject *meta = json_object_new ();

  json_object_set_string_member (name, "text", "测试丙");
  json_object_set_string_member (phone, "value", "13700000007");
  json_object_set_string_member (patient, "birthDate", "1950-03-04");
  json_object_set_string_member (meta, "versionId", "2");
  json_object_set_object_member (patient, "meta", meta);
  return json_to_string (root, FALSE);
}

static JySyncConflictDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JY_IS_SYNC_CONFLICT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return JY_SYNC_CONFLICT_DIALOG (window);
    }
  return NULL;
}

static JySyncConflictDialog *
open_conflict (Fixture *fx,
               guint    index)
{
  GtkListBox *list = GTK_LIST_BOX (jy_test_find_by_id (GTK_WIDGET (fx->page), "conflicts_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  JySyncConflictDialog *dialog;

  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static void
resolved_cb (JySyncConflictDialog *dialog,
             Fixture              *fx)
{
  fx->resolved++;
}

static void
pick (GtkWidget  *dialog,
      const char *name)
{
  GtkWidget *check = jy_test_find_by_name (dialog, name);

  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
}

static void
test_merge_two_fields (Fixture       *fx,
                       gconstpointer  user_data)
{
  g_autofree char *mine = jy_test_local_fhir (fx->store, fx->uuid);
  g_autofree char *theirs = their_version (mine);
  g_autofree char *sql = NULL;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (jy_test_find_by_id (GTK_WIDGET (fx->page), "conflicts_group"));
  GtkWidget *row;
  JySyncConflictDialog *dialog;
  guint loaded;

  jy_test_add_conflict (fx->store, fx->uuid, "edit", mine, theirs, "2", NULL);
  jy_sync_page_set_store (fx->page, fx->store);
  jy_test_iterate_until (&fx->loaded, 1);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  /* The window's sidebar shows it too. */
  g_assert_cmpstr (jy_sync_page_get_status (fx->page), ==, "1 个冲突待处理");
  row = jy_test_find_by_name (GTK_WIDGET (fx->page), "conflict-0");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "居民：测试乙");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "本机和平台都修改了"));

  jy_test_save_screenshot (GTK_WIDGET (fx->window), "sync-conflict-list");
  dialog = open_conflict (fx, 0);
  g_signal_connect (dialog, "resolved", G_CALLBACK (resolved_cb), fx);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 860, 640);
  /* Field by field: what differs can be chosen, what is the same cannot. */
  g_assert_nonnull (jy_test_find_by_name (GTK_WIDGET (dialog), "mine:name"));
  g_assert_nonnull (jy_test_find_by_name (GTK_WIDGET (dialog), "theirs:birthDate"));
  g_assert_nonnull (jy_test_find_by_name (GTK_WIDGET (dialog), "mine:telecom"));
  g_assert_null (jy_test_find_by_name (GTK_WIDGET (dialog), "mine:gender"));
  g_assert_null (jy_test_find_by_name (GTK_WIDGET (dialog), "mine:extension:urn:jiayi:ext:sex-code"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (jy_test_find_by_name (GTK_WIDGET (dialog),
                                                                                      "mine:name"))));
  while (g_main_context_iteration (NULL, FALSE));
  jy_test_save_screenshot (GTK_WIDGET (dialog), "sync-conflict");

  /* Their name and birth date, my phone. */
  pick (GTK_WIDGET (dialog), "theirs:name");
  pick (GTK_WIDGET (dialog), "theirs:birthDate");
  loaded = fx->loaded;
  g_signal_emit_by_name (jy_test_find_by_id (GTK_WIDGET (dialog), "merge_button"), "clicked");
  jy_test_iterate_until (&fx->resolved, 1);
  jy_test_iterate_until (&fx->loaded, loaded + 1);

  sql = g_strdup_printf ("SELECT count(*) FROM resident WHERE uuid = '%s' AND name = '测试丙'"
                         " AND birth_date = '1950-03-04' AND phone = '13900000001' AND remote_version = '2'",
                         fx->uuid);
  g_assert_cmpint (jy_test_count (fx->store, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  /* The merge waits in the outbox; the next push sends it If-Match 2. */
  sql = g_strdup_printf ("SELECT count(*) FROM outbox WHERE entity = 'resident' AND row_uuid = '%s'"
                         " AND state = 'pending'", fx->uuid);
  g_assert_cmpint (jy_test_count (fx->store, sql), >=, 1);
  g_assert_cmpint (jy_test_count (fx->store, "SELECT count(*) FROM sync_conflict WHERE state = 'resolved'"
                                             " AND resolution = 'merged'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->store, "SELECT count(*) FROM audit_log WHERE action = 'resolve-merged'"), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_null (find_dialog ());
  g_assert_cmpstr (jy_sync_page_get_status (fx->page), ==, "");
}

static void
test_invalid_shows_reason (Fixture       *fx,
                           gconstpointer  user_data)
{
  g_autofree char *mine = jy_test_local_fhir (fx->store, fx->uuid);
  g_autofree char *theirs = their_version (mine);
  JySyncConflictDialog *dialog;
  GtkWidget *row;
  GtkLabel *reason;

  jy_test_add_conflict (fx->store, fx->uuid, "invalid", NULL, theirs, "2", "birthDate: not a date");
  jy_sync_page_set_store (fx->page, fx->store);
  jy_test_iterate_until (&fx->loaded, 1);

  row = jy_test_find_by_name (GTK_WIDGET (fx->page), "conflict-0");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "birthDate: not a date"));
  dialog = open_conflict (fx, 0);
  g_signal_connect (dialog, "resolved", G_CALLBACK (resolved_cb), fx);
  reason = GTK_LABEL (jy_test_find_by_id (GTK_WIDGET (dialog), "reason_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reason)));
  g_assert_cmpstr (gtk_label_get_text (reason), ==, "birthDate: not a date");
  g_assert_false (gtk_widget_get_visible (jy_test_find_by_id (GTK_WIDGET (dialog), "merge_button")));

  /* Dismissed: closed, the local record untouched. */
  g_signal_emit_by_name (jy_test_find_by_id (GTK_WIDGET (dialog), "keep_mine_button"), "clicked");
  jy_test_iterate_until (&fx->resolved, 1);
  g_assert_cmpint (jy_test_count (fx->store, "SELECT count(*) FROM sync_conflict WHERE state = 'open'"), ==, 0);
  g_assert_cmpint (jy_test_count (fx->store, "SELECT count(*) FROM resident WHERE name = '测试乙'"), ==, 1);
}

/* A pulled long prescription this workstation could not store (its drug
 * code is not in the local catalogue) is listed as a long prescription,
 * with the reason. */
static void
test_long_rx_listed_by_kind (Fixture       *fx,
                             gconstpointer  user_data)
{
  static const char theirs[] =
    "{\"resourceType\":\"MedicationRequest\",\"id\":\"7a1c2e3f-4b5d-4e6f-8a7b-9c0d1e2f3a4b\","
    "\"identifier\":[{\"system\":\"urn:jiayi:long_rx\",\"value\":\"7a1c2e3f-4b5d-4e6f-8a7b-9c0d1e2f3a4b\"},"
    "{\"system\":\"urn:jiayi:rx-no\",\"value\":\"CQ20250110000002\"}],\"status\":\"active\","
    "\"intent\":\"order\",\"authoredOn\":\"2025-01-10\",\"meta\":{\"versionId\":\"1\"}}";
  const char *reason = "A drug in it is not in this workstation’s drug catalogue.";
  JySyncConflictDialog *dialog;
  GtkWidget *row;

  jy_test_add_conflict (fx->store, "7a1c2e3f-4b5d-4e6f-8a7b-9c0d1e2f3a4b", "invalid", NULL, theirs, "1", reason);
  jy_test_exec (fx->store, "UPDATE sync_conflict SET entity = ?1 WHERE row_uuid = ?2", "long_rx",
                "7a1c2e3f-4b5d-4e6f-8a7b-9c0d1e2f3a4b");
  jy_sync_page_set_store (fx->page, fx->store);
  jy_test_iterate_until (&fx->loaded, 1);

  row = jy_test_find_by_name (GTK_WIDGET (fx->page), "conflict-0");
  /* Not stored here: named by its number from the platform's copy. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "长期处方：CQ20250110000002");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "drug catalogue"));
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "sync-conflict-long-rx");
  dialog = open_conflict (fx, 0);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 860, 640);
  while (g_main_context_iteration (NULL, FALSE));
  jy_test_save_screenshot (GTK_WIDGET (dialog), "sync-conflict-long-rx-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JIAYI_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  jy_gui_init ();
  jy_test_quiet_debug ();

  g_test_add ("/gui/sync-conflicts/merge two fields", Fixture, NULL,
              fixture_setup, test_merge_two_fields, fixture_teardown);
  g_test_add ("/gui/sync-conflicts/invalid record shows its reason", Fixture, NULL,
              fixture_setup, test_invalid_shows_reason, fixture_teardown);
  g_test_add ("/gui/sync-conflicts/long prescription listed by its kind", Fixture, NULL,
              fixture_setup, test_long_rx_listed_by_kind, fixture_teardown);
  return g_test_run ();
}
