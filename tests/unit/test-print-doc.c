/* test-print-doc.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "jy-print-doc.h"
#include "test-util.h"

static char *
tmp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("jiayi-print-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
remove_parent (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  jy_test_remove_tree (dir);
}

/* The text of a PDF as poppler reads it, pages separated by form feeds:
 * what a reader (or the district's parser) would get out of it. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

static JyPrintDoc *
long_table_doc (guint n_rows)
{
  static const char *headers[] = { "No.", "Name", "Value", NULL };
  static const double widths[] = { 1, 4, 2 };
  static const JyAlign aligns[] = { JY_ALIGN_END, JY_ALIGN_START, JY_ALIGN_END };
  JyPrintDoc *doc = jy_print_doc_new (JY_PAPER_A4);
  JyPrintTable *table;

  jy_print_doc_set_header (doc, "Test Centre", "2026-11-23");
  jy_print_doc_add_title (doc, "Monthly summary");
  jy_print_doc_add_subtitle (doc, "Month: 2026-10");
  table = jy_print_doc_add_table (doc, 3, headers, widths, aligns);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = g_strdup_printf ("row-%04u", i + 1);
      const char *cells[] = { no, name, "12.5%", NULL };

      jy_print_table_add_row (table, cells);
    }
  {
    const char *total[] = { "", "Total", "100.0%", NULL };
    jy_print_table_add_total_row (table, total);
  }
  {
    const char *signatures[] = { "Prepared by", "Date", NULL };
    jy_print_doc_add_signatures (doc, signatures);
  }

  return doc;
}

/* The monthly report's shape: a heading, then a short table whose
 * header wraps to three lines, many times over. */
static void
test_heading_stays_with_its_table (void)
{
  static const char *headers[] = { "Code", "Indicator", "Same month last year", NULL };
  static const double widths[] = { 1, 6, 1 };
  static const JyAlign aligns[] = { JY_ALIGN_START, JY_ALIGN_START, JY_ALIGN_END };
  g_autoptr(JyPrintDoc) doc = jy_print_doc_new (JY_PAPER_A4);
  g_autofree char *path = tmp_path ("headings.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;

  jy_print_doc_set_header (doc, "Test Centre", "2026-11-23");
  for (guint s = 1; s <= 30; s++)
    {
      g_autofree char *heading = g_strdup_printf ("Section-%02u", s);
      JyPrintTable *table;

      jy_print_doc_add_heading (doc, heading);
      table = jy_print_doc_add_table (doc, 3, headers, widths, aligns);
      for (guint r = 1; r <= 1 + s % 7; r++)
        {
          g_autofree char *code = g_strdup_printf ("S%02uR%u", s, r);
          const char *cells[] = { code, "An indicator", "12.5%", NULL };

          jy_print_table_add_row (table, cells);
        }
    }
  g_assert_true (jy_print_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, 3);

  for (guint s = 1; s <= 30; s++)
    {
      g_autofree char *heading = g_strdup_printf ("Section-%02u", s);
      g_autofree char *first_row = g_strdup_printf ("S%02uR1", s);

      for (guint p = 0; pages[p] != NULL; p++)
        if (strstr (pages[p], heading) != NULL)
          g_assert_nonnull (strstr (pages[p], first_row));
    }
  remove_parent (path);
}

static void
test_short_document_is_one_page (void)
{
  g_autoptr(JyPrintDoc) doc = long_table_doc (5);

  g_assert_cmpint (jy_print_doc_get_n_pages (doc), ==, 1);
}

static void
test_long_table_repeats_header_and_loses_no_row (void)
{
  g_autoptr(JyPrintDoc) doc = long_table_doc (150);
  g_autofree char *path = tmp_path ("long.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  int n_pages = jy_print_doc_get_n_pages (doc);

  g_assert_cmpint (n_pages, >=, 3);
  g_assert_true (jy_print_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  pages = g_strsplit (text, "\f", -1);
  /* pdftotext ends with a form feed: one empty piece after the last page */
  g_assert_cmpint (g_strv_length (pages), ==, n_pages + 1);

  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", p + 1, n_pages);

      g_assert_nonnull (strstr (pages[p], "Test Centre"));
      /* Every page the table spans starts it with the header row again. */
      if (strstr (pages[p], "row-") != NULL)
        g_assert_nonnull (strstr (pages[p], "Name"));
      g_assert_nonnull (strstr (pages[p], footer));
    }

  /* Every row exactly once, in order, and the total after the last row. */
  {
    const char *cursor = text;

    for (guint i = 0; i < 150; i++)
      {
        g_autofree char *name = g_strdup_printf ("row-%04u", i + 1);
        const char *found = strstr (cursor, name);

        g_assert_nonnull (found);
        g_assert_null (strstr (found + 1, name));
        cursor = found;
      }
    g_assert_nonnull (strstr (cursor, "Total"));
    g_assert_nonnull (strstr (pages[n_pages - 1], "Prepared by"));
  }

  remove_parent (path);
}

/* Footnotes: small print that breaks across pages like a paragraph and
 * takes less room than body text. */
static void
test_notes_are_small_and_break_across_pages (void)
{
  g_autoptr(JyPrintDoc) notes = jy_print_doc_new (JY_PAPER_A4);
  g_autoptr(JyPrintDoc) body = jy_print_doc_new (JY_PAPER_A4);
  g_autofree char *path = tmp_path ("notes.pdf");
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *line = g_strdup_printf ("C%03u definition of the indicator", i);

      jy_print_doc_add_note (notes, line);
      jy_print_doc_add_paragraph (body, line);
    }
  g_assert_cmpint (jy_print_doc_get_n_pages (notes), >=, 2);
  g_assert_cmpint (jy_print_doc_get_n_pages (notes), <, jy_print_doc_get_n_pages (body));
  g_assert_true (jy_print_doc_write_pdf (notes, path, &error));
  g_assert_no_error (error);
  pdf = pdf_text (path);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *line = g_strdup_printf ("C%03u definition", i);
      const char *found = strstr (pdf, line);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, line));
    }
  g_assert_nonnull (strstr (pdf, "Page 2 of"));
  remove_parent (path);
}

static void
test_long_paragraph_breaks_between_lines (void)
{
  g_autoptr(JyPrintDoc) doc = jy_print_doc_new (JY_PAPER_A5);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = tmp_path ("para.pdf");
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (text, "line-%03u\n", i);
  jy_print_doc_add_title (doc, "Exercise prescription");
  jy_print_doc_add_paragraph (doc, text->str);

  g_assert_cmpint (jy_print_doc_get_n_pages (doc), >=, 3);
  g_assert_true (jy_print_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);

  pdf = pdf_text (path);
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *line = g_strdup_printf ("line-%03u", i);
      const char *found = strstr (pdf, line);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, line));
    }

  remove_parent (path);
}

static void
test_a5_page_size (void)
{
  g_autoptr(JyPrintDoc) doc = jy_print_doc_new (JY_PAPER_A5);
  double w, h;

  jy_print_doc_get_page_size (doc, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 148.0 * 72 / 25.4, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 210.0 * 72 / 25.4, 0.01);
}

static void
test_unwritable_folder_leaves_nothing (void)
{
  g_autoptr(JyPrintDoc) doc = long_table_doc (3);
  g_autofree char *path = tmp_path ("ro/out.pdf");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  /* The folder does not exist: cairo cannot create the file. */
  g_assert_false (jy_print_doc_write_pdf (doc, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  remove_parent (dir);
}

static void
test_png_page_is_drawn (void)
{
  g_autoptr(JyPrintDoc) doc = long_table_doc (5);
  g_autofree char *path = tmp_path ("page.png");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (jy_print_doc_write_png (doc, 0, 50, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpmem (data, 4, "\x89PNG", 4);

  remove_parent (path);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

  g_test_add_func ("/print-doc/short document is one page", test_short_document_is_one_page);
  g_test_add_func ("/print-doc/a heading never ends a page before its table", test_heading_stays_with_its_table);
  g_test_add_func ("/print-doc/long table repeats its header and loses no row",
                   test_long_table_repeats_header_and_loses_no_row);
  g_test_add_func ("/print-doc/long paragraph breaks between lines", test_long_paragraph_breaks_between_lines);
  g_test_add_func ("/print-doc/A5 page size", test_a5_page_size);
  g_test_add_func ("/print-doc/notes are small print that breaks across pages",
                   test_notes_are_small_and_break_across_pages);
  g_test_add_func ("/print-doc/unwritable folder leaves no file", test_unwritable_folder_leaves_nothing);
  g_test_add_func ("/print-doc/PNG of a page", test_png_page_is_drawn);

  return g_test_run ();
}
