/* jy-print-layout.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-print-doc-private.h"

double
jy_print_margin_x (JyPrintDoc *self)
{
  return (self->paper == JY_PAPER_A5 ? 14.0 : 20.0) * MM;
}

double
jy_print_content_top (JyPrintDoc *self)
{
  /* margin + header line */
  return (self->paper == JY_PAPER_A5 ? 12.0 : 15.0) * MM + 7.0 * MM;
}

double
jy_print_content_bottom (JyPrintDoc *self)
{
  return self->height - (self->paper == JY_PAPER_A5 ? 12.0 : 15.0) * MM - 6.0 * MM;
}

double
jy_print_text_width (JyPrintDoc *self)
{
  return self->width - 2 * jy_print_margin_x (self);
}

/* Layouts are measured and drawn at 72 dpi with hinted metrics off, so a
 * page breaks at the same place on screen, in a PDF and on paper. */
void
jy_print_setup_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  cairo_font_options_destroy (options);
}

PangoLayout *
jy_print_make_layout (PangoContext *context,
             const char   *text,
             double        size,
             gboolean      bold,
             double        width,
             PangoAlignment alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

double
jy_print_layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

PangoAlignment
jy_print_to_pango (JyAlign align)
{
  switch (align)
    {
    case JY_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case JY_ALIGN_END:
      return PANGO_ALIGN_RIGHT;
    case JY_ALIGN_START:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

/* What a simple block (not a table) looks like: its layout, its x
 * offset, and its height including the gap after it. */
PangoLayout *
jy_print_block_layout (JyPrintDoc   *self,
              PangoContext *context,
              const Block  *block,
              double       *indent)
{
  double width = jy_print_text_width (self);

  *indent = 0;
  switch (block->kind)
    {
    case BLOCK_TITLE:
      return jy_print_make_layout (context, block->text, SIZE_TITLE, TRUE, width, PANGO_ALIGN_CENTER);
    case BLOCK_SUBTITLE:
      return jy_print_make_layout (context, block->text, SIZE_BODY, FALSE, width, PANGO_ALIGN_CENTER);
    case BLOCK_HEADING:
      return jy_print_make_layout (context, block->text, SIZE_HEADING, TRUE, width, PANGO_ALIGN_LEFT);
    case BLOCK_PARAGRAPH:
      return jy_print_make_layout (context, block->text, SIZE_BODY, FALSE, width, PANGO_ALIGN_LEFT);
    case BLOCK_NOTE:
      return jy_print_make_layout (context, block->text, SIZE_SMALL, FALSE, width, PANGO_ALIGN_LEFT);
    case BLOCK_ITEM:
      *indent = 5 * MM;
      return jy_print_make_layout (context, block->text, SIZE_BODY, FALSE, width - *indent, PANGO_ALIGN_LEFT);
    case BLOCK_FIELDS:
    case BLOCK_SIGNATURES:
    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
    case BLOCK_TABLE:
    default:
      return NULL;
    }
}

double
jy_print_gap_after (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_TITLE:
      return 2.5 * MM;
    case BLOCK_HEADING:
      return 1.5 * MM;
    case BLOCK_ITEM:
    case BLOCK_NOTE:
      return 1.0 * MM;
    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
      return 0;
    case BLOCK_SUBTITLE:
    case BLOCK_PARAGRAPH:
    case BLOCK_FIELDS:
    case BLOCK_SIGNATURES:
    case BLOCK_TABLE:
    default:
      return GAP_AFTER;
    }
}

char *
jy_print_field_text (const char *label,
            const char *value)
{
  /* A blank to fill in by hand when there is no value. */
  if (value == NULL || *value == '\0')
    value = "________________";
  return g_strdup_printf ("%s：%s", label, value);
}

double
jy_print_fields_row_height (JyPrintDoc   *self,
                   PangoContext *context,
                   const Block  *block,
                   guint         first_pair)
{
  guint n_pairs = g_strv_length (block->strv) / 2;
  double column_width = jy_print_text_width (self) / block->columns;
  double height = 0;

  for (guint i = first_pair; i < MIN (n_pairs, first_pair + block->columns); i++)
    {
      g_autofree char *text = jy_print_field_text (block->strv[2 * i], block->strv[2 * i + 1]);
      g_autoptr(PangoLayout) layout =
        jy_print_make_layout (context, text, SIZE_BODY, FALSE, column_width - 2 * MM, PANGO_ALIGN_LEFT);

      height = MAX (height, jy_print_layout_height (layout));
    }

  return height + 1.5 * MM;
}

double
jy_print_fields_height (JyPrintDoc   *self,
               PangoContext *context,
               const Block  *block)
{
  guint n_pairs = g_strv_length (block->strv) / 2;
  double height = 0;

  for (guint i = 0; i < n_pairs; i += block->columns)
    height += jy_print_fields_row_height (self, context, block, i);

  return height;
}


double
jy_print_row_height (PangoContext       *context,
            const JyPrintTable *table,
            char              **cells,
            gboolean            bold)
{
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autoptr(PangoLayout) layout =
        jy_print_make_layout (context, cells[c], SIZE_TABLE, bold,
                     table->widths[c] - 2 * CELL_PAD_X, jy_print_to_pango (table->aligns[c]));

      height = MAX (height, jy_print_layout_height (layout));
    }

  return height + 2 * CELL_PAD_Y;
}
