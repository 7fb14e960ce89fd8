/* jy-reports-page-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-report-engine.h"
#include "jy-reports-page.h"
#include "jy-report-bar-chart.h"

G_BEGIN_DECLS

struct _JyReportsPage
{
  AdwBin              parent_instance;

  GtkDropDown        *month_dropdown;
  GtkDropDown        *scope_dropdown;
  GtkSpinner         *spinner;
  GtkButton          *export_button;
  GtkButton          *print_button;
  GtkStack           *state_stack;
  AdwStatusPage      *error_status;
  GtkBox             *content_box;

  JyStore            *store;
  GCancellable       *cancellable;
  GCancellable       *trend_cancellable;
  JyReportComparison *comparison;
  JyReportMonth       months[24];     /* month dropdown items, newest first */
  GArray             *scopes;         /* JyReportScope per scope dropdown item */
  GtkWidget          *trend_box;
  gboolean            has_trend;
  gboolean            stale;          /* to count when next shown */
  gboolean            filling;
};

/* jy-reports-page-view.c: the tables and charts of self->comparison. */
void jy_reports_page_fill      (JyReportsPage *self);
void jy_reports_page_fill_trend (JyReportsPage *self,
                                 GPtrArray     *reports);   /* JyReport*, oldest first */
void jy_reports_page_open_resident (JyReportsPage *self,
                                    gint64         resident_id);
/* jy-reports-page-drill.c: the residents behind a number. */
void jy_reports_page_drill     (JyReportsPage *self,
                                const char    *code,
                                guint          group,
                                gboolean       denominator);

G_END_DECLS
