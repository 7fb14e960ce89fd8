/* test-lifestyle-rx-window.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jy-application.h"
#include "jy-lifestyle-rx-window.h"
#include "jy-print.h"
#include "test-gui-util.h"
#include "test-util.h"

static JyLifestyleFacts
facts (int sbp, int dbp)
{
  JyLifestyleFacts f = {
    .sex = "2", .age = 68, .height_cm = 158, .weight_kg = 66, .waist_cm = -1,
    .sbp = sbp, .dbp = dbp, .glucose = 8.1, .hypertension = TRUE, .diabetes = TRUE,
  };
  return f;
}

static JyLifestyleRxWindow *
open_window (int sbp, int dbp, GDate *date)
{
  JyLifestyleFacts f = facts (sbp, dbp);
  JyRxPrintHeader header = {
    .centre_name = "测试社区卫生服务中心", .resident_name = "测试居民", .sex = "2", .age = 68,
    .diagnosis = "高血压、2型糖尿病", .findings = NULL, .doctor_name = "测试医生", .date = date,
  };
  JyLifestyleRxWindow *window = jy_lifestyle_rx_window_new (NULL, &f, &header, JY_LIFESTYLE_RX_EXERCISE);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static char *
pdf_text_of (JyPrintDoc *doc)
{
  g_autofree char *dir = g_dir_make_tmp ("jiayi-rx-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rx.pdf", NULL);
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (jy_print_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_no_error (error);
  jy_test_remove_tree (dir);

  /* pdftotext wraps long lines */
  return g_strdelimit (text, "\n", ' ');
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

static void
test_severe_bp_defers_exercise (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  JyLifestyleRxWindow *window = open_window (185, 100, date);
  GtkWidget *deferred = jy_test_find_by_id (GTK_WIDGET (window), "deferred_label");
  GtkTextView *view = GTK_TEXT_VIEW (jy_test_find_by_id (GTK_WIDGET (window), "text_view"));
  g_autofree char *text = buffer_text (view);

  jy_test_save_screenshot (GTK_WIDGET (window), "lifestyle-rx-deferred");
  g_assert_true (gtk_widget_get_visible (deferred));
  /* The translated advice names the reading. */
  g_assert_nonnull (strstr (text, "185/100"));
  g_assert_null (strstr (text, "150 分钟"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_edits_print_and_survive_switching (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  JyLifestyleRxWindow *window = open_window (138, 84, date);
  GtkTextView *view = GTK_TEXT_VIEW (jy_test_find_by_id (GTK_WIDGET (window), "text_view"));
  GtkToggleButton *diet = GTK_TOGGLE_BUTTON (jy_test_find_by_id (GTK_WIDGET (window), "diet_button"));
  GtkToggleButton *exercise = GTK_TOGGLE_BUTTON (jy_test_find_by_id (GTK_WIDGET (window), "exercise_button"));
  GtkWidget *deferred = jy_test_find_by_id (GTK_WIDGET (window), "deferred_label");
  GtkTextIter end;
  g_autofree char *pdf = NULL;
  g_autofree char *diet_text = NULL;
  g_autofree char *back = NULL;
  g_autoptr(JyPrintDoc) doc = NULL;

  g_assert_false (gtk_widget_get_visible (deferred));
  jy_test_save_screenshot (GTK_WIDGET (window), "lifestyle-rx-exercise");

  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
  gtk_text_buffer_insert (gtk_text_view_get_buffer (view), &end, "\n每天傍晚在小区步道快走三十分钟\n\n", -1);

  doc = jy_lifestyle_rx_window_build_doc (window);
  pdf = pdf_text_of (doc);
  g_assert_nonnull (strstr (pdf, "运动处方"));
  g_assert_nonnull (strstr (pdf, "每天傍晚在小区步道快走三十分钟"));
  g_assert_nonnull (strstr (pdf, "测试居民"));
  g_assert_nonnull (strstr (pdf, "2026年11月23日"));

  /* Switching to the diet sheet and back keeps the doctor's edit. */
  gtk_toggle_button_set_active (diet, TRUE);
  g_assert_cmpint (jy_lifestyle_rx_window_get_kind (window), ==, JY_LIFESTYLE_RX_DIET);
  diet_text = buffer_text (view);
  g_assert_nonnull (strstr (diet_text, "千卡"));
  gtk_toggle_button_set_active (exercise, TRUE);
  back = buffer_text (view);
  g_assert_nonnull (strstr (back, "每天傍晚在小区步道快走三十分钟"));

  /* Reset brings the suggestion back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "rx.reset", NULL);
  g_free (back);
  back = buffer_text (view);
  g_assert_null (strstr (back, "每天傍晚在小区步道快走三十分钟"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
pdf_written_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!jy_print_write_pdf_finish (result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "ok");
}

static void
test_pdf_written_off_main_thread (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  JyLifestyleRxWindow *window = open_window (138, 84, date);
  g_autoptr(JyPrintDoc) doc = jy_lifestyle_rx_window_build_doc (window);
  g_autofree char *dir = g_dir_make_tmp ("jiayi-rx-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rx.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "rx.pdf", NULL);
  GError *outcome = NULL;

  jy_print_write_pdf_async (doc, path, NULL, pdf_written_cb, &outcome);
  jy_test_iterate_until_set ((gpointer *) &outcome);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS); /* "ok" marker */
  g_clear_error (&outcome);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* A folder that does not exist: an error, and no file. */
  jy_print_write_pdf_async (doc, bad, NULL, pdf_written_cb, &outcome);
  jy_test_iterate_until_set ((gpointer *) &outcome);
  g_assert_false (g_error_matches (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS));
  g_clear_error (&outcome);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  jy_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/gui/lifestyle-rx/BP 185 over 100 defers exercise", test_severe_bp_defers_exercise);
  g_test_add_func ("/gui/lifestyle-rx/edits print and survive switching sheets", test_edits_print_and_survive_switching);
  g_test_add_func ("/gui/lifestyle-rx/PDF written off the main thread", test_pdf_written_off_main_thread);

  return g_test_run ();
}
