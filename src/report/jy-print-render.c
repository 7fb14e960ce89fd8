/* jy-print-render.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jy-print-doc-private.h"

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width)
{
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_frame (JyPrintDoc   *self,
            PangoContext *context,
            cairo_t      *cr,
            int           page)
{
  double x = jy_print_margin_x (self);
  double top = jy_print_content_top (self) - 7.0 * MM;
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) footer_layout = NULL;

  if (self->header_start != NULL || self->header_end != NULL)
    {
      g_autoptr(PangoLayout) start =
        jy_print_make_layout (context, self->header_start ? self->header_start : "", SIZE_SMALL, FALSE,
                     jy_print_text_width (self), PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) end =
        jy_print_make_layout (context, self->header_end ? self->header_end : "", SIZE_SMALL, FALSE,
                     jy_print_text_width (self), PANGO_ALIGN_RIGHT);

      show (cr, start, x, top);
      show (cr, end, x, top);
      hline (cr, x, x + jy_print_text_width (self), top + jy_print_layout_height (start) + 1.0 * MM, 0.4);
    }

  /* TRANSLATORS: page footer of printed documents: page number, total pages */
  footer = g_strdup_printf (_("Page %d of %d"), page + 1, (int) self->pages->len);
  footer_layout = jy_print_make_layout (context, footer, SIZE_SMALL, FALSE, jy_print_text_width (self),
                               PANGO_ALIGN_CENTER);
  show (cr, footer_layout, x, jy_print_content_bottom (self) + 2.5 * MM);
}

static void
draw_fields (JyPrintDoc   *self,
             PangoContext *context,
             cairo_t      *cr,
             const Placed *placed)
{
  const Block *block = placed->block;
  guint n_pairs = g_strv_length (block->strv) / 2;
  double column_width = jy_print_text_width (self) / block->columns;
  double y = placed->y;

  for (guint i = 0; i < n_pairs; i += block->columns)
    {
      for (guint j = i; j < MIN (n_pairs, i + block->columns); j++)
        {
          g_autofree char *text = jy_print_field_text (block->strv[2 * j], block->strv[2 * j + 1]);
          g_autoptr(PangoLayout) layout =
            jy_print_make_layout (context, text, SIZE_BODY, FALSE, column_width - 2 * MM, PANGO_ALIGN_LEFT);

          show (cr, layout, jy_print_margin_x (self) + (j - i) * column_width, y);
        }
      y += jy_print_fields_row_height (self, context, block, i);
    }
}

static void
draw_signatures (JyPrintDoc   *self,
                 PangoContext *context,
                 cairo_t      *cr,
                 const Placed *placed)
{
  char **labels = placed->block->strv;
  double half = jy_print_text_width (self) / 2;

  for (guint i = 0; labels[i] != NULL; i++)
    {
      double x = jy_print_margin_x (self) + (i % 2) * half;
      double y = placed->y + (i / 2) * SIGNATURE_HEIGHT + 5 * MM;
      g_autofree char *text = g_strdup_printf ("%s：", labels[i]);
      g_autoptr(PangoLayout) layout =
        jy_print_make_layout (context, text, SIZE_BODY, FALSE, -1, PANGO_ALIGN_LEFT);
      int w;

      pango_layout_get_size (layout, &w, NULL);
      show (cr, layout, x, y);
      hline (cr, x + (double) w / PANGO_SCALE + 1 * MM, x + half - 8 * MM,
             y + jy_print_layout_height (layout), 0.5);
    }
}

static void
draw_row (JyPrintDoc         *self,
          PangoContext       *context,
          cairo_t            *cr,
          const JyPrintTable *table,
          char              **cells,
          gboolean            bold,
          gboolean            shaded,
          double              y,
          double              height)
{
  double x = jy_print_margin_x (self);

  if (shaded)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
      cairo_rectangle (cr, x, y, jy_print_text_width (self), height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autoptr(PangoLayout) layout =
        jy_print_make_layout (context, cells[c], SIZE_TABLE, bold,
                     table->widths[c] - 2 * CELL_PAD_X, jy_print_to_pango (table->aligns[c]));

      show (cr, layout, x + CELL_PAD_X, y + CELL_PAD_Y);
      cairo_set_line_width (cr, LINE_WIDTH / 2);
      cairo_rectangle (cr, x, y, table->widths[c], height);
      cairo_stroke (cr);
      x += table->widths[c];
    }
}

static void
draw_table (JyPrintDoc   *self,
            PangoContext *context,
            cairo_t      *cr,
            const Placed *placed)
{
  const JyPrintTable *table = placed->block->table;
  double y = placed->y;
  double h = jy_print_row_height (context, table, table->headers, TRUE);

  draw_row (self, context, cr, table, table->headers, TRUE, TRUE, y, h);
  y += h;

  for (guint r = (guint) placed->from; r < (guint) placed->to; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);

      h = jy_print_row_height (context, table, row->cells, row->total);
      draw_row (self, context, cr, table, row->cells, row->total, row->total, y, h);
      y += h;
    }

  /* The outer frame a little heavier than the cell lines. */
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_rectangle (cr, jy_print_margin_x (self), placed->y, jy_print_text_width (self), y - placed->y);
  cairo_stroke (cr);
}

void
jy_print_doc_render_page (JyPrintDoc *self,
                          cairo_t    *cr,
                          int         page)
{
  PangoContext *context;
  GArray *placed;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page >= 0 && page < jy_print_doc_get_n_pages (self));

  context = pango_cairo_create_context (cr);
  jy_print_setup_context (context);
  placed = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_frame (self, context, cr, page);

  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = &g_array_index (placed, Placed, i);
      double indent;
      g_autoptr(PangoLayout) layout = jy_print_block_layout (self, context, p->block, &indent);

      switch (p->block->kind)
        {
        case BLOCK_FIELDS:
          draw_fields (self, context, cr, p);
          break;
        case BLOCK_SIGNATURES:
          draw_signatures (self, context, cr, p);
          break;
        case BLOCK_TABLE:
          draw_table (self, context, cr, p);
          break;
        case BLOCK_ITEM:
          if (p->from == 0)
            {
              g_autoptr(PangoLayout) bullet =
                jy_print_make_layout (context, "•", SIZE_BODY, FALSE, -1, PANGO_ALIGN_LEFT);
              show (cr, bullet, jy_print_margin_x (self) + 1.5 * MM, p->y);
            }
          G_GNUC_FALLTHROUGH;
        case BLOCK_TITLE:
        case BLOCK_SUBTITLE:
        case BLOCK_HEADING:
        case BLOCK_PARAGRAPH:
        case BLOCK_NOTE:
          cairo_save (cr);
          cairo_rectangle (cr, 0, p->y, self->width, p->height);
          cairo_clip (cr);
          show (cr, layout, jy_print_margin_x (self) + indent, p->y - p->from);
          cairo_restore (cr);
          break;
        case BLOCK_SPACE:
        case BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
  cairo_restore (cr);
  g_object_unref (context);
}

/* --- Output ------------------------------------------------------------- */

static gboolean
surface_ok (cairo_surface_t *surface,
            const char      *path,
            GError         **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  /* cairo reports a full disk or a read-only folder as a write error. */
  g_set_error (error, G_IO_ERROR,
               status == CAIRO_STATUS_WRITE_ERROR ? G_IO_ERROR_FAILED : G_IO_ERROR_INVALID_DATA,
               "%s: %s", path, cairo_status_to_string (status));
  return FALSE;
}

static gboolean
commit_file (const char *tmp,
             const char *path,
             GError    **error)
{
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
jy_print_doc_write_pdf (JyPrintDoc *self,
                        const char *path,
                        GError    **error)
{
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  int n_pages;

  g_return_val_if_fail (self != NULL, FALSE);

  n_pages = jy_print_doc_get_n_pages (self);
  surface = cairo_pdf_surface_create (tmp, self->width, self->height);
  if (!surface_ok (surface, path, error))
    {
      cairo_surface_destroy (surface);
      g_unlink (tmp);
      return FALSE;
    }

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jiayi");
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);

  cr = cairo_create (surface);
  for (int page = 0; page < n_pages; page++)
    {
      jy_print_doc_render_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = surface_ok (surface, path, error);
  cairo_surface_destroy (surface);

  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }
  return commit_file (tmp, path, error);
}

gboolean
jy_print_doc_write_png (JyPrintDoc *self,
                        int         page,
                        double      dpi,
                        const char *path,
                        GError    **error)
{
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  double scale = dpi / 72.0;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (page >= 0 && page < jy_print_doc_get_n_pages (self), FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) (self->width * scale + 0.5),
                                        (int) (self->height * scale + 0.5));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  jy_print_doc_render_page (self, cr, page);
  cairo_destroy (cr);

  ok = cairo_surface_write_to_png (surface, tmp) == CAIRO_STATUS_SUCCESS;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot write PNG", path);
  cairo_surface_destroy (surface);

  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }
  return commit_file (tmp, path, error);
}

char *
jy_print_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* TRANSLATORS: a date on printed documents: year, month, day */
  return g_strdup_printf (_("%1$d-%2$02d-%3$02d"), g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}
