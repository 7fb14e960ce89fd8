/* jy-import-window-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-import-window.h"

#include "jy-resident-import.h"

G_BEGIN_DECLS

/* Private to the import window: shared by jy-import-window.c (the steps up
 * to the import) and jy-import-window-report.c (its result and report). */

struct _JyImportWindow
{
  AdwWindow              parent_instance;

  JyStore               *store;
  GCancellable          *cancellable;    /* reading and previewing the file */
  GtkFileChooserNative  *chooser;
  GFile                 *file;
  GBytes                *contents;
  JyImportPreview       *preview;
  GPtrArray             *dropdowns;      /* GtkDropDown per column of the file */
  GPtrArray             *mapping_widgets;  /* the rows added to mapping_grid */
  GPtrArray             *issues;         /* JyImportIssueEntry of the last import */
  gboolean               importing;
  gboolean               disposed;

  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *window_title;
  GtkStack              *stack;
  GtkLabel              *file_info_label;
  GtkGrid               *mapping_grid;
  GtkLabel              *reason_label;
  GtkProgressBar        *progress_bar;
  GtkLabel              *progress_label;
  GtkLabel              *summary_label;
  GtkLabel              *summary_detail_label;
  GtkStringList         *issues_list;
  GtkWidget             *close_button;
  AdwStatusPage         *error_status;
};

/* One line of the result: a record's rejections, or its notes, together. */
typedef struct
{
  guint     line;
  gboolean  rejected;
  char     *message;
} JyImportIssueEntry;

/* What an import job hands back to the main loop. */
typedef struct
{
  guint      n_rows;
  guint      n_imported;
  guint      n_rejected;
  GPtrArray *issues;   /* JyImportIssueEntry */
} JyImportOutcome;

char      *jy_import_window_dup_today          (void);
GPtrArray *jy_import_window_group_issues       (const JyImportReport  *report);
void       jy_import_window_show_result        (JyImportWindow        *self,
                                                const JyImportOutcome *outcome);
void       jy_import_window_save_report_action (GtkWidget             *widget,
                                                const char            *action_name,
                                                GVariant              *parameter);

G_END_DECLS
