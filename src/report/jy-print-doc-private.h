/* jy-print-doc-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "jy-print-doc.h"

G_BEGIN_DECLS

#define MM (72.0 / 25.4)

/* Sans CJK reads well at small sizes on cheap printers; the families are
 * tried in order and the last is whatever fontconfig has. */
#define FONT_FAMILY "Noto Sans CJK SC, WenQuanYi Micro Hei, Droid Sans Fallback, sans-serif"

/* Chinese documents set body text at 五号 (10.5 pt). */
#define SIZE_TITLE    16.0
#define SIZE_HEADING  12.0
#define SIZE_BODY     10.5
#define SIZE_TABLE     9.5
#define SIZE_SMALL     8.0

#define CELL_PAD_X   (1.5 * MM)
#define CELL_PAD_Y   (1.2 * MM)
#define GAP_AFTER    (2.0 * MM)
#define LINE_WIDTH    0.6
#define SIGNATURE_HEIGHT (12.0 * MM)

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_ITEM,
  BLOCK_NOTE,
  BLOCK_FIELDS,
  BLOCK_SIGNATURES,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  char   **cells;
  gboolean total;
} Row;

struct _JyPrintTable
{
  guint       n_columns;
  char      **headers;
  double     *widths;    /* points, after layout */
  double     *relative;
  JyAlign    *aligns;
  GPtrArray  *rows;      /* Row */
};

typedef struct
{
  BlockKind     kind;
  char         *text;
  int           columns;
  char        **strv;      /* fields pairs, signature labels */
  double        space;
  JyPrintTable *table;
} Block;

/* A piece of a block on a page: for paragraphs the y range of the layout
 * shown, for tables the range of rows. */
typedef struct
{
  Block  *block;
  double  y;
  double  height;
  double  from;       /* paragraph: layout y offset; table: first row */
  double  to;         /* paragraph: layout y end;    table: row after last */
} Placed;

struct _JyPrintDoc
{
  JyPaper    paper;
  double     width;
  double     height;
  char      *header_start;
  char      *header_end;
  char      *title;
  GPtrArray *blocks;   /* Block */
  GPtrArray *pages;    /* GArray of Placed */
  PangoContext *measure;
};

double jy_print_margin_x (JyPrintDoc *self);
double jy_print_content_top (JyPrintDoc *self);
double jy_print_content_bottom (JyPrintDoc *self);
double jy_print_text_width (JyPrintDoc *self);
void jy_print_setup_context (PangoContext *context);
PangoLayout *jy_print_make_layout (PangoContext *context, const char *text, double size, gboolean bold, double width, PangoAlignment alignment);
double jy_print_layout_height (PangoLayout *layout);
PangoAlignment jy_print_to_pango (JyAlign align);
PangoLayout *jy_print_block_layout (JyPrintDoc *self, PangoContext *context, const Block *block, double *indent);
double jy_print_gap_after (const Block *block);
char *jy_print_field_text (const char *label, const char *value);
double jy_print_fields_row_height (JyPrintDoc *self, PangoContext *context, const Block *block, guint first_pair);
double jy_print_fields_height (JyPrintDoc *self, PangoContext *context, const Block *block);
double jy_print_row_height (PangoContext *context, const JyPrintTable *table, char **cells, gboolean bold);

G_END_DECLS
