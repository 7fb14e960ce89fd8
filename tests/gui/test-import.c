/* test-import.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "jy-application.h"
#include "jy-csv.h"
#include "jy-generator.h"
#include "jy-idcard.h"
#include "jy-import-window.h"
#include "jy-resident-import.h"
#include "jy-residents-page.h"
#include "jy-window.h"
#include "test-gui-util.h"
#include "test-util.h"

/* The import window and the export of the residents page, driven as a user
 * would but for the file choosers. Synthetic people only: ID numbers are
 * made here with their check character. */

typedef struct
{
  char            *tmpdir;
  char            *path;
  JyStore         *store;
  GSettings       *settings;
  JyWindow        *window;
  JyResidentsPage *page;
  char            *last_toast;
  guint            n_toasts;
} Fixture;

static gpointer
generate_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  JyGeneratorOptions options = { .n_residents = 200, .seed = 11 };

  return jy_generator_run (db, &options, NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

static void
toast_cb (JyResidentsPage *page,
          const char      *text,
          Fixture         *fx)
{
  g_free (fx->last_toast);
  fx->last_toast = g_strdup (text);
  fx->n_toasts++;
}

/* Template children carry their .ui id as buildable id. */
static guint
list_length (Fixture *fx)
{
  GtkWidget *view = jy_test_find_by_id (GTK_WIDGET (fx->page), "browse_view");
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (view));

  return model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

static gboolean
list_filled (gpointer data)
{
  return list_length (data) > 0;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-gui-import-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, generate_func, NULL, NULL, &error) == JY_STORE_DONE);

  fx->settings = g_settings_new (APPLICATION_ID);
  fx->window = g_object_ref_sink (jy_window_new (NULL, fx->settings));
  jy_window_set_store (fx->window, fx->store);
  fx->page = JY_RESIDENTS_PAGE (jy_test_find_by_type (GTK_WIDGET (fx->window), JY_TYPE_RESIDENTS_PAGE));
  g_assert_nonnull (fx->page);
  g_signal_connect (fx->page, "add-toast", G_CALLBACK (toast_cb), fx);
  gtk_window_present (GTK_WINDOW (fx->window));
  jy_test_iterate_until_true (list_filled, fx);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  g_signal_handlers_disconnect_by_func (fx->page, toast_cb, fx);
  gtk_window_destroy (GTK_WINDOW (fx->window));
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->window));
  g_clear_object (&fx->settings);
  jy_test_unref_and_wait_finalize (g_steal_pointer (&fx->store));
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
  g_free (fx->last_toast);
}

/* Files -------------------------------------------------------------------- */

/* A valid number no generated resident has: @prefix (6 digits), birth date
 * 1962-03-04, then the first free serial from @serial on. */
static char *
make_free_id (Fixture *fx,
              guint    serial)
{
  g_autofree char *prefix = jy_test_query_text (fx->path, "SELECT code FROM address_area WHERE level = 3");

  for (;; serial += 2)
    {
      g_autofree char *first17 = g_strdup_printf ("%.6s19620304%03u", prefix, serial);
      g_autofree char *id = g_strdup_printf ("%s%c", first17, jy_idcard_check_char (first17));
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM resident WHERE id_number = '%s'", id);

      if (jy_test_query_int64 (fx->path, sql) == 0)
        return g_steal_pointer (&id);
    }
}

static GFile *
write_file (Fixture    *fx,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->tmpdir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Three good rows and one whose ID number's check character is wrong, on
 * line 4. The 备注 column is one Jiayi does not import. */
static GFile *
write_mixed_csv (Fixture *fx)
{
  /* A community whose name is unique in the generated centre. */
  g_autofree char *community = jy_test_query_text (fx->path,
                                                   "SELECT name FROM address_area WHERE level = 5 "
                                                   "GROUP BY name HAVING count(*) = 1 ORDER BY min (code) LIMIT 1");
  g_autofree char *id1 = make_free_id (fx, 901);    /* odd serial: men */
  g_autofree char *id2 = make_free_id (fx, 951);
  g_autofree char *id3 = make_free_id (fx, 971);
  g_autofree char *good4 = make_free_id (fx, 991);
  g_autofree char *bad4 = g_strdup (good4);
  g_autoptr(GString) csv = g_string_new (NULL);

  g_assert_nonnull (community);
  bad4[17] = bad4[17] == '0' ? '1' : '0';

  g_string_append (csv, "姓名,性别,出生日期,身份证号,联系电话,社区,备注\r\n");
  g_string_append_printf (csv, "测试甲,男,1962-03-04,%s,13800138001,%s,x\r\n", id1, community);
  g_string_append_printf (csv, "测试乙,男,1962-03-04,%s,,%s,\r\n", id2, community);
  g_string_append_printf (csv, "测试丁,男,1962-03-04,%s,13800138004,%s,\r\n", bad4, community);
  g_string_append_printf (csv, "测试丙,男,1962-03-04,%s,0592-5551234,%s,\r\n", id3, community);
  return write_file (fx, "import.csv", csv->str, csv->len);
}

/* The import window ---------------------------------------------------------- */

static JyImportWindow *
find_import_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JY_IS_IMPORT_WINDOW (window))
        return JY_IMPORT_WINDOW (window);
    }
  return NULL;
}

/* Opens the window as the page's "Import…" does; the caller owns a reference. */
static JyImportWindow *
open_import_window (Fixture *fx)
{
  JyImportWindow *window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->page), "residents.import", NULL));
  window = find_import_window ();
  g_assert_nonnull (window);
  return g_object_ref (window);
}

static void
close_import_window (JyImportWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  jy_test_unref_and_wait_finalize (window);
  g_assert_null (find_import_window ());
}

typedef struct
{
  GtkStack   *stack;
  const char *step;
} StepWait;

static gboolean
step_shown (gpointer data)
{
  StepWait *wait = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (wait->stack), wait->step) == 0;
}

static void
wait_for_step (JyImportWindow *window,
               const char     *step)
{
  StepWait wait = { GTK_STACK (jy_test_find_by_id (GTK_WIDGET (window), "stack")), step };

  g_assert_nonnull (wait.stack);
  jy_test_iterate_until_true (step_shown, &wait);
}

static GtkDropDown *
mapping_dropdown (JyImportWindow *window,
                  guint           column)
{
  GtkWidget *grid = jy_test_find_by_id (GTK_WIDGET (window), "mapping_grid");
  GtkWidget *dropdown = gtk_grid_get_child_at (GTK_GRID (grid), 1, column + 1);   /* row 0: titles */

  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  return GTK_DROP_DOWN (dropdown);
}

static const char *
label_text (JyImportWindow *window,
            const char     *id)
{
  GtkWidget *label = jy_test_find_by_id (GTK_WIDGET (window), id);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

typedef struct
{
  Fixture *fx;
  guint    expected;
} LengthWait;

static gboolean
list_has_length (gpointer data)
{
  LengthWait *wait = data;

  return list_length (wait->fx) == wait->expected;
}

/* A new file is written in place: it exists, empty, before it is whole.
 * The report ends with a line break. */
static gboolean
report_written (gpointer data)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (data, &contents, NULL, NULL) && g_str_has_suffix (contents, "\r\n");
}

static void
test_preview_then_import_three_of_four (Fixture       *fx,
                                        gconstpointer  user_data)
{
  g_autoptr(GFile) csv = write_mixed_csv (fx);
  g_autofree char *report_path = g_build_filename (fx->tmpdir, "report.csv", NULL);
  g_autoptr(GFile) report_file = g_file_new_for_path (report_path);
  g_autofree char *report = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_toast = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) report_lines = NULL;
  JyImportIssue issue = { 4, JY_IMPORT_ISSUE_ID_CHECK, 0, NULL };
  JyImportWindow *window = open_import_window (fx);
  GtkWidget *import_button = jy_test_find_by_id (GTK_WIDGET (window), "import_button");
  GtkWidget *reason_label = jy_test_find_by_id (GTK_WIDGET (window), "reason_label");
  GtkStringList *issues;
  gint64 residents_before = jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident");
  LengthWait reloaded = { fx, list_length (fx) + 3 };
  guint toasts_before = fx->n_toasts;

  /* Step 1 until a file is given. */
  wait_for_step (window, "choose");
  g_assert_false (gtk_widget_get_sensitive (import_button));

  /* Step 2: the columns as detected, 备注 not imported. */
  jy_import_window_load_file (window, csv);
  wait_for_step (window, "preview");
  g_assert_cmpuint (gtk_drop_down_get_selected (mapping_dropdown (window, 0)), ==, JY_CSV_COLUMN_NAME);
  g_assert_cmpuint (gtk_drop_down_get_selected (mapping_dropdown (window, 3)), ==, JY_CSV_COLUMN_ID_NUMBER);
  g_assert_cmpuint (gtk_drop_down_get_selected (mapping_dropdown (window, 5)), ==, JY_CSV_COLUMN_COMMUNITY);
  g_assert_cmpuint (gtk_drop_down_get_selected (mapping_dropdown (window, 6)), ==, JY_CSV_COLUMN_NONE);
  g_assert_nonnull (strstr (label_text (window, "file_info_label"), "UTF-8"));
  g_assert_nonnull (strstr (label_text (window, "file_info_label"), "4"));
  g_assert_true (gtk_widget_get_sensitive (import_button));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (reason_label)), ==, "");

  /* Without a name column the import waits, and says why. */
  gtk_drop_down_set_selected (mapping_dropdown (window, 0), JY_CSV_COLUMN_NONE);
  g_assert_false (gtk_widget_get_sensitive (import_button));
  reason = g_strdup (gtk_label_get_label (GTK_LABEL (reason_label)));
  g_assert_nonnull (strstr (reason, jy_import_column_get_label (JY_CSV_COLUMN_NAME)));
  gtk_widget_activate_action (GTK_WIDGET (window), "import.run", NULL);
  wait_for_step (window, "preview");
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident"), ==, residents_before);
  gtk_drop_down_set_selected (mapping_dropdown (window, 0), JY_CSV_COLUMN_NAME);
  g_assert_true (gtk_widget_get_sensitive (import_button));

  /* Step 3 and 4. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.run", NULL));
  wait_for_step (window, "result");

  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident"), ==, residents_before + 3);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident WHERE name IN "
                                                  "('测试甲', '测试乙', '测试丙')"), ==, 3);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident WHERE name = '测试丁'"), ==, 0);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM audit_log WHERE action = 'import' AND "
                                                  "json_extract (detail, '$.imported') = 3 AND "
                                                  "json_extract (detail, '$.rejected') = 1"), ==, 1);

  expected = g_strdup_printf (ngettext ("Imported %u resident, rejected %u",
                                        "Imported %u residents, rejected %u", 3), 3, 1);
  g_assert_cmpstr (label_text (window, "summary_label"), ==, expected);
  g_clear_pointer (&expected, g_free);

  /* One line for the rejected row, saying so in words. */
  issues = GTK_STRING_LIST (gtk_no_selection_get_model (GTK_NO_SELECTION (
    gtk_list_view_get_model (GTK_LIST_VIEW (jy_test_find_by_id (GTK_WIDGET (window), "issues_view"))))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (issues)), ==, 1);
  {
    g_autofree char *message = jy_import_issue_dup_message (&issue);

    expected = g_strdup_printf (_("Line %u, not imported: %s"), 4, message);
    g_assert_cmpstr (gtk_string_list_get_string (issues, 0), ==, expected);
  }

  /* The page lists the new residents and says how many came in. */
  jy_test_iterate_until_true (list_has_length, &reloaded);
  g_assert_cmpuint (fx->n_toasts, ==, toasts_before + 1);
  expected_toast = g_strdup_printf (ngettext ("Imported %u resident", "Imported %u residents", 3), 3);
  g_assert_cmpstr (fx->last_toast, ==, expected_toast);

  /* The report: UTF-8 with a BOM, a title row, one row per issue. */
  jy_import_window_save_report (window, report_file);
  jy_test_iterate_until_true (report_written, report_path);
  g_assert_true (g_file_get_contents (report_path, &report, NULL, NULL));
  g_assert_true (g_str_has_prefix (report, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (report, -1, NULL));
  report_lines = g_strsplit (report, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (report_lines), ==, 3);   /* titles, the row, "" after the last CRLF */
  g_assert_true (g_str_has_prefix (report_lines[1], "4,"));
  g_assert_cmpstr (report_lines[2], ==, "");

  close_import_window (window);
}

static void
test_unreadable_files_are_explained (Fixture       *fx,
                                     gconstpointer  user_data)
{
  static const char binary[] = "PK\003\004\000\000\010\000\000\000";
  g_autofree char *missing_path = g_build_filename (fx->tmpdir, "gone.csv", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) spreadsheet = write_file (fx, "book.csv", binary, sizeof binary - 1);
  g_autoptr(GFile) no_name = write_file (fx, "phones.csv", "电话,备注\n13800138000,x\n", -1);
  JyImportWindow *window = open_import_window (fx);
  GtkWidget *status = jy_test_find_by_id (GTK_WIDGET (window), "error_status");
  gint64 residents_before = jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident");
  g_autofree char *first_message = NULL;

  jy_import_window_load_file (window, missing);
  wait_for_step (window, "error");
  first_message = g_strdup (adw_status_page_get_description (ADW_STATUS_PAGE (status)));
  g_assert_cmpstr (first_message, !=, "");

  /* A spreadsheet saved as .xlsx is not read as text. */
  jy_import_window_load_file (window, spreadsheet);
  wait_for_step (window, "error");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), !=, first_message);

  /* A file without a name column can be previewed, not imported. */
  jy_import_window_load_file (window, no_name);
  wait_for_step (window, "preview");
  g_assert_false (gtk_widget_get_sensitive (jy_test_find_by_id (GTK_WIDGET (window), "import_button")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (jy_test_find_by_id (GTK_WIDGET (window), "reason_label"))), !=, "");

  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident"), ==, residents_before);
  close_import_window (window);
}

/* Into a database without a centre: nothing is imported, and the window says
 * why in words rather than failing. */
static void
test_no_centre_is_explained (Fixture       *fx,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_path = g_build_filename (fx->tmpdir, "empty.db", NULL);
  g_autoptr(JyStore) empty = jy_store_open (empty_path, &error);
  g_autoptr(GFile) csv = write_mixed_csv (fx);
  JyImportWindow *window;
  GtkWidget *status;

  g_assert_no_error (error);
  window = g_object_ref (jy_import_window_new (GTK_WINDOW (fx->window), empty));
  gtk_window_present (GTK_WINDOW (window));
  status = jy_test_find_by_id (GTK_WIDGET (window), "error_status");

  jy_import_window_load_file (window, csv);
  wait_for_step (window, "preview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.run", NULL));
  wait_for_step (window, "error");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                   _("The database has no centre yet. Open it in Jiayi, name the centre, then import."));
  g_assert_cmpint (jy_test_query_int64 (empty_path, "SELECT count(*) FROM resident"), ==, 0);

  close_import_window (window);
  jy_test_unref_and_wait_finalize (g_steal_pointer (&empty));
}

/* Export -------------------------------------------------------------------- */

static gboolean
toast_count_reached (gpointer data)
{
  Fixture *fx = data;

  return fx->n_toasts > 0;
}

static void
test_export_writes_masked_csv (Fixture       *fx,
                               gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fx->tmpdir, "居民名单.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *expected_toast = NULL;
  g_autofree char *full_id = NULL;
  g_autoptr(GString) header = g_string_new ("\xEF\xBB\xBF");
  g_auto(GStrv) lines = NULL;
  gint64 n_active = jy_test_query_int64 (fx->path, "SELECT count(*) FROM resident WHERE status = 'active'");
  GStatBuf st;
  const JyCsvColumn first_columns[] = {
    JY_CSV_COLUMN_ARCHIVE_NO, JY_CSV_COLUMN_NAME, JY_CSV_COLUMN_SEX, JY_CSV_COLUMN_BIRTH_DATE,
    JY_CSV_COLUMN_ID_NUMBER,
  };

  g_assert_cmpint (n_active, >, 0);
  /* The page's filters by default: every active resident. */
  g_assert_cmpint (list_length (fx), ==, n_active);

  jy_residents_page_export_to_file (fx->page, file);
  jy_test_iterate_until_true (toast_count_reached, fx);

  expected_toast = g_strdup_printf (ngettext ("Exported %u resident", "Exported %u residents",
                                              (guint)n_active), (guint)n_active);
  g_assert_cmpstr (fx->last_toast, ==, expected_toast);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (first_columns); i++)
    g_string_append_printf (header, "%s%s", i > 0 ? "," : "", jy_csv_column_get_header (first_columns[i]));
  g_assert_true (g_str_has_prefix (contents, header->str));

  /* A title row, one per resident, and nothing after the last CRLF. */
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_active + 2);
  g_assert_cmpstr (lines[n_active + 1], ==, "");

  /* ID numbers masked, none whole. */
  full_id = jy_test_query_text (fx->path, "SELECT id_number FROM resident WHERE status = 'active' "
                                          "AND length (id_number) = 18 LIMIT 1");
  g_assert_nonnull (full_id);
  g_assert_null (strstr (contents, full_id));
  g_assert_nonnull (strstr (contents, "**********"));

  /* Personal data: the file is the user's alone. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM audit_log WHERE action = 'export'"), ==, 1);
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
  ADD ("/gui/import/preview-then-import-three-of-four", test_preview_then_import_three_of_four);
  ADD ("/gui/import/unreadable-files-are-explained", test_unreadable_files_are_explained);
  ADD ("/gui/import/no-centre-is-explained", test_no_centre_is_explained);
  ADD ("/gui/residents/export-writes-masked-csv", test_export_writes_masked_csv);

  return g_test_run ();
}
