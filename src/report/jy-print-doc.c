/* jy-print-doc.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-print-doc-private.h"

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static void
table_free (JyPrintTable *table)
{
  g_strfreev (table->headers);
  g_free (table->widths);
  g_free (table->relative);
  g_free (table->aligns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_strfreev (block->strv);
  if (block->table != NULL)
    table_free (block->table);
  g_free (block);
}

JyPrintDoc *
jy_print_doc_new (JyPaper paper)
{
  JyPrintDoc *self = g_new0 (JyPrintDoc, 1);

  self->paper = paper;
  self->width = (paper == JY_PAPER_A5 ? 148.0 : 210.0) * MM;
  self->height = (paper == JY_PAPER_A5 ? 210.0 : 297.0) * MM;
  self->blocks = g_ptr_array_new_with_free_func (block_free);

  return self;
}

void
jy_print_doc_free (JyPrintDoc *self)
{
  if (self == NULL)
    return;

  g_free (self->header_start);
  g_free (self->header_end);
  g_free (self->title);
  g_ptr_array_unref (self->blocks);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->measure);
  g_free (self);
}

void
jy_print_doc_get_page_size (JyPrintDoc *self,
                            double     *width_pt,
                            double     *height_pt)
{
  if (width_pt != NULL)
    *width_pt = self->width;
  if (height_pt != NULL)
    *height_pt = self->height;
}

void
jy_print_doc_set_header (JyPrintDoc *self,
                         const char *start,
                         const char *end)
{
  g_free (self->header_start);
  g_free (self->header_end);
  self->header_start = g_strdup (start);
  self->header_end = g_strdup (end);
}

void
jy_print_doc_set_title (JyPrintDoc *self,
                        const char *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

static Block *
add_block (JyPrintDoc *self,
           BlockKind   kind,
           const char *text)
{
  Block *block;

  g_return_val_if_fail (self->pages == NULL, NULL);

  block = g_new0 (Block, 1);
  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (self->blocks, block);

  return block;
}

void
jy_print_doc_add_title (JyPrintDoc *self,
                        const char *text)
{
  add_block (self, BLOCK_TITLE, text);
  if (self->title == NULL)
    self->title = g_strdup (text);
}

void
jy_print_doc_add_subtitle (JyPrintDoc *self,
                           const char *text)
{
  add_block (self, BLOCK_SUBTITLE, text);
}

void
jy_print_doc_add_heading (JyPrintDoc *self,
                          const char *text)
{
  add_block (self, BLOCK_HEADING, text);
}

void
jy_print_doc_add_paragraph (JyPrintDoc *self,
                            const char *text)
{
  add_block (self, BLOCK_PARAGRAPH, text);
}

void
jy_print_doc_add_note (JyPrintDoc *self,
                       const char *text)
{
  add_block (self, BLOCK_NOTE, text);
}

void
jy_print_doc_add_item (JyPrintDoc *self,
                       const char *text)
{
  add_block (self, BLOCK_ITEM, text);
}

void
jy_print_doc_add_fields (JyPrintDoc         *self,
                         int                 columns,
                         const char * const *pairs)
{
  Block *block = add_block (self, BLOCK_FIELDS, NULL);

  g_return_if_fail (columns >= 1);
  g_return_if_fail (g_strv_length ((char **) pairs) % 2 == 0);

  block->columns = columns;
  block->strv = g_strdupv ((char **) pairs);
}

void
jy_print_doc_add_signatures (JyPrintDoc         *self,
                             const char * const *labels)
{
  Block *block = add_block (self, BLOCK_SIGNATURES, NULL);

  block->strv = g_strdupv ((char **) labels);
}

void
jy_print_doc_add_space (JyPrintDoc *self,
                        double      mm)
{
  add_block (self, BLOCK_SPACE, NULL)->space = mm * MM;
}

void
jy_print_doc_add_page_break (JyPrintDoc *self)
{
  add_block (self, BLOCK_PAGE_BREAK, NULL);
}

JyPrintTable *
jy_print_doc_add_table (JyPrintDoc         *self,
                        guint               n_columns,
                        const char * const *headers,
                        const double       *widths,
                        const JyAlign      *aligns)
{
  Block *block = add_block (self, BLOCK_TABLE, NULL);
  JyPrintTable *table = g_new0 (JyPrintTable, 1);

  g_return_val_if_fail (n_columns > 0, NULL);
  g_return_val_if_fail (g_strv_length ((char **) headers) == n_columns, NULL);

  table->n_columns = n_columns;
  table->headers = g_strdupv ((char **) headers);
  table->relative = g_new (double, n_columns);
  table->widths = g_new0 (double, n_columns);
  table->aligns = g_new0 (JyAlign, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->relative[i] = widths != NULL ? widths[i] : 1.0;
      table->aligns[i] = aligns != NULL ? aligns[i] : JY_ALIGN_START;
    }
  table->rows = g_ptr_array_new_with_free_func (row_free);
  block->table = table;

  return table;
}

static void
table_add (JyPrintTable       *table,
           const char * const *cells,
           gboolean            total)
{
  Row *row = g_new0 (Row, 1);

  g_return_if_fail (g_strv_length ((char **) cells) == table->n_columns);

  row->cells = g_strdupv ((char **) cells);
  row->total = total;
  g_ptr_array_add (table->rows, row);
}

void
jy_print_table_add_row (JyPrintTable       *table,
                        const char * const *cells)
{
  table_add (table, cells, FALSE);
}

void
jy_print_table_add_total_row (JyPrintTable       *table,
                              const char * const *cells)
{
  table_add (table, cells, TRUE);
}

/* --- Pagination --------------------------------------------------------- */

static GArray *
new_page (JyPrintDoc *self)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Placed));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (GArray *page,
       Block  *block,
       double  y,
       double  height,
       double  from,
       double  to)
{
  Placed placed = { block, y, height, from, to };

  g_array_append_val (page, placed);
}

static void
table_set_widths (JyPrintDoc   *self,
                  JyPrintTable *table)
{
  double total = 0;

  for (guint c = 0; c < table->n_columns; c++)
    total += table->relative[c];
  for (guint c = 0; c < table->n_columns; c++)
    table->widths[c] = jy_print_text_width (self) * table->relative[c] / total;
}

/* What must fit under a heading so it does not end a page alone: a
 * table's header and first row, else a line or two of text. */
static double
start_height (JyPrintDoc  *self,
              const Block *next)
{
  JyPrintTable *table;
  double height;

  if (next == NULL || next->kind != BLOCK_TABLE)
    return 10 * MM;
  table = next->table;
  table_set_widths (self, table);
  height = jy_print_row_height (self->measure, table, table->headers, TRUE);
  if (table->rows->len > 0)
    {
      Row *r = g_ptr_array_index (table->rows, 0);

      height += jy_print_row_height (self->measure, table, r->cells, r->total);
    }
  return height;
}

static void
paginate_table (JyPrintDoc *self,
                Block      *block,
                GArray    **page,
                double     *y)
{
  JyPrintTable *table = block->table;
  double header;
  guint first;

  table_set_widths (self, table);
  header = jy_print_row_height (self->measure, table, table->headers, TRUE);
  first = 0;

  /* Header plus at least one row, or a new page. */
  do
    {
      double used = header;
      guint row = first;

      if (table->rows->len > 0)
        {
          Row *r = g_ptr_array_index (table->rows, first);
          double need = header + jy_print_row_height (self->measure, table, r->cells, r->total);

          if (*y + need > jy_print_content_bottom (self) && (*page)->len > 0)
            {
              *page = new_page (self);
              *y = jy_print_content_top (self);
            }
        }

      while (row < table->rows->len)
        {
          Row *r = g_ptr_array_index (table->rows, row);
          double h = jy_print_row_height (self->measure, table, r->cells, r->total);

          if (*y + used + h > jy_print_content_bottom (self) && row > first)
            break;
          used += h;
          row++;
        }

      place (*page, block, *y, used, first, row);
      *y += used;
      first = row;

      if (first < table->rows->len)
        {
          *page = new_page (self);
          *y = jy_print_content_top (self);
        }
    }
  while (first < table->rows->len);

  *y += GAP_AFTER;
}

/* A paragraph breaks between lines; everything else moves whole. */
static void
paginate_text (JyPrintDoc  *self,
               Block       *block,
               PangoLayout *layout,
               GArray     **page,
               double      *y)
{
  double height = jy_print_layout_height (layout);
  double from = 0;

  while (*y + (height - from) > jy_print_content_bottom (self))
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      double room = jy_print_content_bottom (self) - *y;
      double cut = from;

      do
        {
          PangoRectangle logical;
          double line_bottom;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          line_bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
          if (line_bottom <= from)
            continue;
          if (line_bottom - from > room)
            break;
          cut = line_bottom;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      if (cut > from)
        place (*page, block, *y, cut - from, from, cut);
      else if ((*page)->len == 0)
        break; /* a line taller than a page: draw it, clipped */

      *page = new_page (self);
      *y = jy_print_content_top (self);
      from = cut;
    }

  place (*page, block, *y, height - from, from, height);
  *y += height - from + jy_print_gap_after (block);
}

static void
paginate (JyPrintDoc *self)
{
  GArray *page;
  double y;

  if (self->pages != NULL)
    return;

  self->measure = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  jy_print_setup_context (self->measure);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  page = new_page (self);
  y = jy_print_content_top (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double indent;
      g_autoptr(PangoLayout) layout = jy_print_block_layout (self, self->measure, block, &indent);

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (page->len > 0)
            {
              page = new_page (self);
              y = jy_print_content_top (self);
            }
          continue;
        }

      if (block->kind == BLOCK_TABLE)
        {
          paginate_table (self, block, &page, &y);
          continue;
        }

      if (layout != NULL && (block->kind == BLOCK_PARAGRAPH || block->kind == BLOCK_ITEM ||
                             block->kind == BLOCK_NOTE))
        {
          paginate_text (self, block, layout, &page, &y);
          continue;
        }

      {
        double height;

        if (layout != NULL)
          height = jy_print_layout_height (layout);
        else if (block->kind == BLOCK_FIELDS)
          height = jy_print_fields_height (self, self->measure, block);
        else if (block->kind == BLOCK_SIGNATURES)
          height = SIGNATURE_HEIGHT * ((g_strv_length (block->strv) + 1) / 2);
        else
          height = block->space;

        double keep = 0;

        /* A heading never ends a page alone. */
        if (block->kind == BLOCK_HEADING)
          keep = jy_print_gap_after (block) +
                 start_height (self, i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL);

        if (y + height + keep > jy_print_content_bottom (self) && page->len > 0)
          {
            page = new_page (self);
            y = jy_print_content_top (self);
          }

        place (page, block, y, height, 0, height);
        y += height + jy_print_gap_after (block);
      }
    }
}

int
jy_print_doc_get_n_pages (JyPrintDoc *self)
{
  g_return_val_if_fail (self != NULL, 0);

  paginate (self);
  return self->pages->len;
}
