/* test-residents.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "jy-application.h"
#include "jy-generator.h"
#include "jy-resident-editor.h"
#include "jy-resident-item.h"
#include "jy-resident-list-model.h"
#include "jy-resident-row-widget.h"
#include "jy-resident-view.h"
#include "jy-residents-page.h"
#include "jy-window.h"
#include "test-gui-util.h"
#include "test-util.h"

typedef struct
{
  char      *tmpdir;
  char      *path;
  JyStore   *store;
  GSettings *settings;
  JyWindow  *window;
} Fixture;

static gpointer
generate_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  JyGeneratorOptions options = { .n_residents = 300, .seed = 7 };

  return jy_generator_run (db, &options, NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-gui-residents-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, generate_func, NULL, NULL, &error) == JY_STORE_DONE);

  fx->settings = g_settings_new (APPLICATION_ID);
  fx->window = g_object_ref_sink (jy_window_new (NULL, fx->settings));
  jy_window_set_store (fx->window, fx->store);
  gtk_window_present (GTK_WINDOW (fx->window));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->window));
  g_clear_object (&fx->settings);
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->store));
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
}

/* Template children carry their .ui id as buildable id. */
typedef struct
{
  JyResidentView *view;
  gint64          expected;
} ViewWait;

static gboolean
view_shows (gpointer data)
{
  ViewWait *wait = data;

  return jy_resident_view_get_resident_id (wait->view) == wait->expected &&
         gtk_widget_get_mapped (GTK_WIDGET (wait->view));
}

static gboolean
view_audited (gpointer data)
{
  return jy_test_query_int64 (data, "SELECT count(*) FROM audit_log WHERE action = 'view'") == 1;
}

static gboolean
view_shows_loaded (gpointer data)
{
  ViewWait *wait = data;
  GtkWidget *name = jy_test_find_by_id (GTK_WIDGET (wait->view), "name_label");

  return view_shows (data) && name != NULL && gtk_label_get_label (GTK_LABEL (name))[0] != '\0';
}

static gpointer
clear_household_func (JyDb          *db,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  static const char sql[] =
    "UPDATE resident SET household_id = NULL, relation_to_head = NULL\n"
    "WHERE id = (SELECT min (id) FROM resident WHERE status = 'active')";

  return jy_db_exec (db, sql, error) ? JY_STORE_DONE : NULL;
}

static void
test_search_by_id_tail_and_enter_opens_resident (Fixture       *fx,
                                                 gconstpointer  user_data)
{
  GtkWidget *entry = jy_test_find_by_type (GTK_WIDGET (fx->window), GTK_TYPE_SEARCH_ENTRY);
  ViewWait wait;
  g_autofree char *id_number = NULL;
  g_autofree char *query = NULL;
  g_autofree char *sql = NULL;

  /* Someone real in the generated centre, found by the last 6 digits. */
  wait.expected = jy_test_query_int64 (fx->path,
                                       "SELECT id FROM resident WHERE id_number IS NOT NULL "
                                       "AND substr (id_number, -6) IN (SELECT substr (id_number, -6) FROM resident "
                                       "GROUP BY 1 HAVING count(*) = 1) ORDER BY id DESC LIMIT 1");
  sql = g_strdup_printf ("SELECT id_number FROM resident WHERE id = %" G_GINT64_FORMAT, wait.expected);
  id_number = jy_test_query_text (fx->path, sql);
  query = g_strdup (id_number + strlen (id_number) - 6);
  wait.view = JY_RESIDENT_VIEW (jy_test_find_by_type (GTK_WIDGET (fx->window), JY_TYPE_RESIDENT_VIEW));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.find-resident", NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  /* Enter at once, before the search has answered: it must still open this person. */
  g_signal_emit_by_name (entry, "activate");

  jy_test_iterate_until_true (view_shows, &wait);
  g_assert_cmpstr (jy_window_get_visible_page (fx->window), ==, "residents");

  /* Opening a record is audited (written off the main thread). */
  jy_test_iterate_until_true (view_audited, fx->path);
}

static JyResidentEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JY_IS_RESIDENT_EDITOR (window))
        return JY_RESIDENT_EDITOR (window);
    }
  return NULL;
}

static gboolean
editor_gone (gpointer data)
{
  return find_editor () == NULL;
}

static void
set_entry (JyResidentEditor *editor,
           const char       *id,
           const char       *text)
{
  GtkWidget *entry = jy_test_find_by_id (GTK_WIDGET (editor), id);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
test_editor_refuses_bad_id_then_saves (Fixture       *fx,
                                       gconstpointer  user_data)
{
  JyResidentEditor *editor;
  GtkWidget *id_row, *sex, *birth;
  ViewWait wait;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.new-resident", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);

  set_entry (editor, "name_entry", "测试居民");
  set_entry (editor, "id_number_entry", "110105194912310021");   /* wrong check digit */
  id_row = jy_test_find_by_id (GTK_WIDGET (editor), "id_number_row");
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (id_row)), !=, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (find_editor () == editor);   /* still open, nothing lost */
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident WHERE name = '测试居民'"), ==, 0);

  /* The right number fills sex and birth date. */
  set_entry (editor, "id_number_entry", "11010519491231002X");
  g_assert_false (gtk_widget_has_css_class (id_row, "error"));
  sex = jy_test_find_by_id (GTK_WIDGET (editor), "sex_dropdown");
  birth = jy_test_find_by_id (GTK_WIDGET (editor), "birth_entry");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (sex)), ==, 1);   /* female */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "1949-12-31");
  set_entry (editor, "phone_entry", "138 0013 8000");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  jy_test_iterate_until_true (editor_gone, NULL);

  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident WHERE name = '测试居民' "
                                                  "AND id_number = '11010519491231002X' AND phone = '13800138000'"), ==, 1);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM outbox WHERE entity = 'resident' AND op = 'create'"), ==, 1);

  /* And the new record is what the page shows. */
  wait.view = JY_RESIDENT_VIEW (jy_test_find_by_type (GTK_WIDGET (fx->window), JY_TYPE_RESIDENT_VIEW));
  wait.expected = jy_test_query_int64 (fx->path, "SELECT id FROM resident WHERE name = '测试居民'");
  jy_test_iterate_until_true (view_shows, &wait);
}

static gboolean
editor_ready (gpointer data)
{
  JyResidentEditor *editor = find_editor ();

  return editor != NULL && gtk_widget_is_sensitive (jy_test_find_by_id (GTK_WIDGET (editor), "save_button"));
}

static void
test_add_family_member_starts_household (Fixture       *fx,
                                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  JyResidentsPage *page = JY_RESIDENTS_PAGE (jy_test_find_by_type (GTK_WIDGET (fx->window), JY_TYPE_RESIDENTS_PAGE));
  JyResidentView *view = JY_RESIDENT_VIEW (jy_test_find_by_type (GTK_WIDGET (fx->window), JY_TYPE_RESIDENT_VIEW));
  JyResidentEditor *editor;
  ViewWait wait = { view, 0 };
  gint64 head_id;
  g_autofree char *sql = NULL;

  /* Someone living alone is given a household by adding a member. */
  g_assert_true (jy_store_write (fx->store, clear_household_func, NULL, NULL, &error) != NULL);
  head_id = jy_test_query_int64 (fx->path, "SELECT min (id) FROM resident WHERE status = 'active'");
  wait.expected = head_id;
  jy_window_show_page (fx->window, "residents");
  jy_residents_page_open_resident (page, head_id);
  jy_test_iterate_until_true (view_shows_loaded, &wait);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "resident.add-family-member", NULL));
  jy_test_iterate_until_true (editor_ready, NULL);
  editor = find_editor ();
  set_entry (editor, "name_entry", "测试家属");
  set_entry (editor, "id_number_entry", "440304199003075417");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  jy_test_iterate_until_true (editor_gone, NULL);

  sql = g_strdup_printf ("SELECT count(*) FROM resident h JOIN resident m ON m.household_id = h.household_id "
                         "WHERE h.id = %" G_GINT64_FORMAT " AND h.relation_to_head = '02' "
                         "AND m.name = '测试家属' AND m.relation_to_head = '20' "
                         "AND m.area_code = h.area_code AND m.address_detail IS h.address_detail", head_id);
  g_assert_cmpint (jy_test_query_int64 (fx->path, sql), ==, 1);
}

/* The residents list as a user sees it ------------------------------------------ */

static JyResidentsPage *
find_page (Fixture *fx)
{
  return JY_RESIDENTS_PAGE (jy_test_find_by_type (GTK_WIDGET (fx->window), JY_TYPE_RESIDENTS_PAGE));
}

/* A row of the list on screen shows resident @id: the name from the
 * record, the ID number masked but for its last 4 digits, the address. */
static gboolean
row_shows (GtkWidget  *widget,
           const char *path,
           gint64      id)
{
  if (JY_IS_RESIDENT_ROW_WIDGET (widget))
    {
      JyResidentRowWidget *row = JY_RESIDENT_ROW_WIDGET (widget);
      g_autofree char *sql = g_strdup_printf ("SELECT name || '|' || id_number FROM resident "
                                              "WHERE id = %" G_GINT64_FORMAT, id);
      g_autofree char *record = jy_test_query_text (path, sql);
      g_auto(GStrv) fields = g_strsplit (record, "|", 2);
      const char *id_text = jy_resident_row_widget_get_text (row, JY_RESIDENT_COLUMN_ID);
      const char *address = jy_resident_row_widget_get_text (row, JY_RESIDENT_COLUMN_ADDRESS);

      return gtk_widget_get_mapped (widget) &&
             g_strcmp0 (jy_resident_row_widget_get_text (row, JY_RESIDENT_COLUMN_NAME), fields[0]) == 0 &&
             id_text != NULL && strchr (id_text, '*') != NULL &&
             g_str_has_suffix (id_text, fields[1] + strlen (fields[1]) - 4) &&
             address != NULL && address[0] != '\0';
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (row_shows (child, path, id))
      return TRUE;
  return FALSE;
}

typedef struct
{
  Fixture         *fx;
  JyResidentsPage *page;
  gboolean         search;
  guint            position;
} RowWait;

/* The list shows the model's resident at @position, filled in. */
static gboolean
list_shows_position (gpointer data)
{
  RowWait *wait = data;
  GListModel *model = jy_residents_page_get_model (wait->page, wait->search);
  GtkWidget *list = jy_test_find_by_id (GTK_WIDGET (wait->page), wait->search ? "search_view" : "browse_view");
  GtkSelectionModel *shown = gtk_list_view_get_model (GTK_LIST_VIEW (list));

  return gtk_widget_get_mapped (list) &&
         gtk_single_selection_get_model (GTK_SINGLE_SELECTION (shown)) == model &&
         wait->position < g_list_model_get_n_items (model) &&
         row_shows (list, wait->fx->path,
                    jy_resident_list_model_get_id (JY_RESIDENT_LIST_MODEL (model), wait->position));
}

static gboolean
browse_loaded (gpointer data)
{
  return g_list_model_get_n_items (jy_residents_page_get_model (data, FALSE)) > 0;
}

static void
count_cb (JyResidentsPage *page,
          guint           *counter)
{
  (*counter)++;
}

static void
search_and_wait (Fixture    *fx,
                 const char *query)
{
  GtkWidget *entry = jy_test_find_by_type (GTK_WIDGET (fx->window), GTK_TYPE_SEARCH_ENTRY);
  RowWait wait = { fx, find_page (fx), TRUE, 0 };
  guint shown = 0;
  gulong handler;

  /* Only the search's answer counts: not the list the window opened with,
   * nor the browse list shown as the old text is cleared. */
  jy_test_iterate_until_true (browse_loaded, wait.page);
  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  handler = g_signal_connect (wait.page, "results-shown", G_CALLBACK (count_cb), &shown);
  jy_test_iterate_until (&shown, 1);
  g_signal_handler_disconnect (wait.page, handler);
  if (g_list_model_get_n_items (jy_residents_page_get_model (wait.page, TRUE)) > 0)
    jy_test_iterate_until_true (list_shows_position, &wait);
}

static void
test_search_rows_show_record_and_open (Fixture       *fx,
                                       gconstpointer  user_data)
{
  JyResidentsPage *page = find_page (fx);
  GtkWidget *list = jy_test_find_by_id (GTK_WIDGET (page), "search_view");
  GListModel *model = jy_residents_page_get_model (page, TRUE);
  g_autofree char *surname = jy_test_query_text (fx->path,
                                                 "SELECT substr (name, 1, 1) FROM resident WHERE status = 'active' "
                                                 "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  RowWait row_wait = { fx, page, TRUE, 1 };
  ViewWait wait;
  gint64 first_id;

  /* The commonest surname: several rows, each filled in from its record. */
  search_and_wait (fx, surname);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 2);
  jy_test_iterate_until_true (list_shows_position, &row_wait);
  first_id = jy_resident_list_model_get_id (JY_RESIDENT_LIST_MODEL (model), 0);

  /* A narrower search reuses the rows: they must show the new residents,
   * the old first one gone if it no longer matches. */
  sql = g_strdup_printf ("SELECT name FROM resident WHERE status = 'active' AND substr (name, 1, 1) = '%s' "
                         "AND id <> %" G_GINT64_FORMAT " ORDER BY id DESC LIMIT 1", surname, first_id);
  name = jy_test_query_text (fx->path, sql);
  search_and_wait (fx, name);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  if (g_list_model_get_n_items (model) == 1)
    g_assert_false (row_shows (list, fx->path, first_id));

  /* Activating the second row (Enter on it) opens that resident. */
  if (g_list_model_get_n_items (model) < 2)
    search_and_wait (fx, surname);
  wait.view = JY_RESIDENT_VIEW (jy_test_find_by_type (GTK_WIDGET (fx->window), JY_TYPE_RESIDENT_VIEW));
  wait.expected = jy_resident_list_model_get_id (JY_RESIDENT_LIST_MODEL (model), 1);
  gtk_widget_grab_focus (list);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", 1));
  jy_test_iterate_until_true (view_shows, &wait);
}

static void
test_search_shows_first_matches_and_says_more (Fixture       *fx,
                                               gconstpointer  user_data)
{
  JyResidentsPage *page = find_page (fx);
  GListModel *model = jy_residents_page_get_model (page, TRUE);
  GtkWidget *more = jy_test_find_by_id (GTK_WIDGET (page), "more_label");
  g_autofree char *prefix = jy_test_query_text (fx->path,
                                                "SELECT substr (id_number, 1, 4) FROM resident "
                                                "WHERE status = 'active' AND id_number IS NOT NULL "
                                                "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM resident WHERE status = 'active' "
                                          "AND id_number GLOB '%s*'", prefix);

  /* Hundreds start with the same 4 digits; the list shows the first 50. */
  g_assert_cmpint (jy_test_query_int64 (fx->path, sql), >, 50);
  search_and_wait (fx, prefix);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 50);
  g_assert_true (gtk_widget_get_visible (more));

  /* A unique match: no such note. */
  search_and_wait (fx, "110105194912310021");
  g_assert_false (gtk_widget_get_visible (more));
}

static void
test_browse_sort_reorders_rows (Fixture       *fx,
                                gconstpointer  user_data)
{
  JyResidentsPage *page = find_page (fx);
  GtkWidget *sort = jy_test_find_by_id (GTK_WIDGET (page), "sort_dropdown");
  GListModel *model = jy_residents_page_get_model (page, FALSE);
  RowWait wait = { fx, page, FALSE, 0 };
  gint64 oldest;
  guint shown = 0;
  gulong handler;

  jy_window_show_page (fx->window, "residents");
  jy_test_iterate_until_true (list_shows_position, &wait);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 200);

  /* Oldest first: the first row is now the oldest resident, drawn in the
   * row that showed the first by archive number. */
  oldest = jy_test_query_int64 (fx->path, "SELECT id FROM resident WHERE status = 'active' "
                                          "ORDER BY birth_date, id LIMIT 1");
  handler = g_signal_connect (page, "results-shown", G_CALLBACK (count_cb), &shown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sort), 2);
  jy_test_iterate_until (&shown, 1);
  g_signal_handler_disconnect (page, handler);
  g_assert_cmpint (jy_resident_list_model_get_id (JY_RESIDENT_LIST_MODEL (model), 0), ==, oldest);
  jy_test_iterate_until_true (list_shows_position, &wait);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
}

static gboolean
item_loaded (gpointer data)
{
  return jy_resident_item_get_loaded (data);
}

static void
test_list_model_reuses_items_in_place (Fixture       *fx,
                                       gconstpointer  user_data)
{
  g_autoptr(JyResidentListModel) model = jy_resident_list_model_new (fx->store);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) few = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JyResidentItem) first = NULL;
  g_autoptr(JyResidentItem) far = NULL;
  g_autoptr(JyResidentItem) again = NULL;
  gint64 min_id = jy_test_query_int64 (fx->path, "SELECT min (id) FROM resident");
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  Change change = { 0 };

  for (gint64 id = min_id; id < min_id + 300; id++)
    g_array_append_val (all, id);
  for (gint64 id = min_id + 200; id > min_id + 197; id--)
    g_array_append_val (few, id);

  jy_resident_list_model_set_ids (model, all);
  /* GTK asks for what it shows: position 150 without the ones before it. */
  far = g_list_model_get_item (G_LIST_MODEL (model), 150);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  jy_test_iterate_until_true (item_loaded, first);

  /* Three residents now: position 0 keeps its item, for the new first
   * resident, and the change is reported after the three. */
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);
  jy_resident_list_model_set_ids (model, few);
  g_assert_cmpuint (change.position, ==, 3);
  g_assert_cmpuint (change.removed, ==, 297);
  g_assert_cmpuint (change.added, ==, 0);
  again = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (again == first);
  g_assert_cmpint (jy_resident_item_get_id (first), ==, min_id + 200);
  jy_test_iterate_until_true (item_loaded, first);

  sql = g_strdup_printf ("SELECT name FROM resident WHERE id = %" G_GINT64_FORMAT, min_id + 200);
  name = jy_test_query_text (fx->path, sql);
  g_assert_cmpstr (jy_resident_item_get_row (first)->name, ==, name);
  g_assert_cmpint (jy_resident_item_get_row (first)->id, ==, min_id + 200);
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
  ADD ("/gui/residents/search-id-tail-then-enter-opens-resident", test_search_by_id_tail_and_enter_opens_resident);
  ADD ("/gui/residents/editor-refuses-bad-id-then-saves", test_editor_refuses_bad_id_then_saves);
  ADD ("/gui/residents/add-family-member-starts-household", test_add_family_member_starts_household);
  ADD ("/gui/residents/search-rows-show-record-and-open", test_search_rows_show_record_and_open);
  ADD ("/gui/residents/search-shows-first-matches-and-says-more", test_search_shows_first_matches_and_says_more);
  ADD ("/gui/residents/browse-sort-reorders-rows", test_browse_sort_reorders_rows);
  ADD ("/gui/residents/list-model-reuses-items-in-place", test_list_model_reuses_items_in_place);

  return g_test_run ();
}
