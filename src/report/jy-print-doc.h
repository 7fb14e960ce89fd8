/* jy-print-doc.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* A printed document the centre hands out or files: a sequence of blocks
 * (title, fields, paragraphs, tables, signature lines) laid out on A4 or
 * A5 portrait pages with the centre's name at the top and
 * "第 1 页 共 3 页" at the bottom (ux.md principle 5).
 *
 * Everything is in points and drawn with cairo + pango, so the same
 * document becomes a PDF without a display (jiayi report …), a PNG per
 * page (tests, looking at it) or pages of a GtkPrintOperation. Text is
 * plain: callers never pass markup. */

typedef enum
{
  JY_PAPER_A4,
  JY_PAPER_A5,
} JyPaper;

typedef enum
{
  JY_ALIGN_START,
  JY_ALIGN_CENTER,
  JY_ALIGN_END,
} JyAlign;

typedef struct _JyPrintDoc JyPrintDoc;
typedef struct _JyPrintTable JyPrintTable;

JyPrintDoc   *jy_print_doc_new             (JyPaper      paper);
void          jy_print_doc_free            (JyPrintDoc  *self);

void          jy_print_doc_get_page_size   (JyPrintDoc  *self,
                                            double      *width_pt,
                                            double      *height_pt);
/* Small print at the top of every page: the centre's name on the left,
 * e.g. the print date on the right. */
void          jy_print_doc_set_header      (JyPrintDoc  *self,
                                            const char  *start,
                                            const char  *end);
/* PDF metadata title. */
void          jy_print_doc_set_title       (JyPrintDoc  *self,
                                            const char  *title);

void          jy_print_doc_add_title       (JyPrintDoc  *self,
                                            const char  *text);
/* A centred line under the title, e.g. "统计月份：2026年10月". */
void          jy_print_doc_add_subtitle    (JyPrintDoc  *self,
                                            const char  *text);
void          jy_print_doc_add_heading     (JyPrintDoc  *self,
                                            const char  *text);
/* Wrapped text; '\n' starts a new line. May break across pages. */
void          jy_print_doc_add_paragraph   (JyPrintDoc  *self,
                                            const char  *text);
/* Small print (8 pt) that may break across pages: footnotes, the
 * definitions under a report. */
void          jy_print_doc_add_note        (JyPrintDoc  *self,
                                            const char  *text);
/* A bullet list item. */
void          jy_print_doc_add_item        (JyPrintDoc  *self,
                                            const char  *text);
/* "label：value" pairs, @columns per line; @pairs is label, value, …,
 * NULL-terminated, so no value may be NULL: an empty value ("") prints a
 * blank line to fill in by hand. */
void          jy_print_doc_add_fields      (JyPrintDoc         *self,
                                            int                 columns,
                                            const char * const *pairs);
/* Lines to sign on, e.g. "医生签名", "日期"; kept on one page. */
void          jy_print_doc_add_signatures  (JyPrintDoc         *self,
                                            const char * const *labels);
void          jy_print_doc_add_space       (JyPrintDoc  *self,
                                            double       mm);
void          jy_print_doc_add_page_break  (JyPrintDoc  *self);

/* A table whose header repeats on every page it spans. @widths are
 * relative (they are scaled to the text width); @aligns may be NULL. */
JyPrintTable *jy_print_doc_add_table       (JyPrintDoc         *self,
                                            guint               n_columns,
                                            const char * const *headers,
                                            const double       *widths,
                                            const JyAlign      *aligns);
void          jy_print_table_add_row       (JyPrintTable       *table,
                                            const char * const *cells);
/* A row drawn bold with a shaded background (totals). */
void          jy_print_table_add_total_row (JyPrintTable       *table,
                                            const char * const *cells);

/* Lays the document out (once; adding blocks afterwards is an error). */
int           jy_print_doc_get_n_pages     (JyPrintDoc  *self);
/* Draws page @page (0-based) on @cr, whose user space is in points with
 * the page's top-left at the origin. */
void          jy_print_doc_render_page     (JyPrintDoc  *self,
                                            cairo_t     *cr,
                                            int          page);

/* Writes the whole document; the file appears complete or not at all. */
gboolean      jy_print_doc_write_pdf       (JyPrintDoc  *self,
                                            const char  *path,
                                            GError     **error);
gboolean      jy_print_doc_write_png       (JyPrintDoc  *self,
                                            int          page,
                                            double       dpi,
                                            const char  *path,
                                            GError     **error);

/* A date as printed on Chinese documents: 2026年11月23日. */
char         *jy_print_format_date         (const GDate *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyPrintDoc, jy_print_doc_free)

G_END_DECLS
