/* jy-resident-row-widget.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The columns of the residents list, left to right. */
typedef enum
{
  JY_RESIDENT_COLUMN_NAME,
  JY_RESIDENT_COLUMN_SEX,
  JY_RESIDENT_COLUMN_AGE,
  JY_RESIDENT_COLUMN_ID,
  JY_RESIDENT_COLUMN_PHONE,
  JY_RESIDENT_COLUMN_TAGS,
  JY_RESIDENT_COLUMN_ADDRESS,
  JY_RESIDENT_COLUMN_TEAM,
  JY_RESIDENT_N_COLUMNS
} JyResidentColumn;

#define JY_TYPE_RESIDENT_ROW_WIDGET (jy_resident_row_widget_get_type ())
G_DECLARE_FINAL_TYPE (JyResidentRowWidget, jy_resident_row_widget,
                      JY, RESIDENT_ROW_WIDGET, GtkWidget)

/* One line of the residents list drawn by a single widget: a text per
 * column at fixed widths, the address taking what is left, each cut with
 * "…" when too long. A GtkListView of 200 rows (what GTK 4.8 keeps) is 400
 * widgets instead of the 3,000 of a 7-column GtkColumnView, and making and
 * dropping them is what a keystroke waits for. The header of the list is
 * one too (style class "heading"), so the columns line up. */
GtkWidget  *jy_resident_row_widget_new       (void);
/* @texts: JY_RESIDENT_N_COLUMNS strings (NULL for an empty cell); they are
 * also the row's accessible label. */
void        jy_resident_row_widget_set_texts (JyResidentRowWidget *self,
                                              const char * const  *texts);
const char *jy_resident_row_widget_get_text  (JyResidentRowWidget *self,
                                              JyResidentColumn     column);

G_END_DECLS
