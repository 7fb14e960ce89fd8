/* jy-residents-page-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-centre-store.h"
#include "jy-resident-list-model.h"
#include "jy-resident-row-widget.h"
#include "jy-resident-store.h"
#include "jy-resident-view.h"
#include "jy-residents-page.h"

G_BEGIN_DECLS

/* Shared by jy-residents-page.c (lists, search, the record) and
 * jy-residents-page-files.c (import and export). */
struct _JyResidentsPage
{
  AdwBin               parent_instance;

  JyStore             *store;
  /* Two lists, each in its own list view, so starting or ending a search
   * neither releases the 200,000-row one nor makes row widgets: the
   * lists stack shows one view or the other. */
  JyResidentListModel *browse_model;
  GtkSingleSelection  *browse_selection;
  JyResidentListModel *search_model;
  GtkSingleSelection  *search_selection;
  gboolean             browse_loaded;
  JyCentreChoices     *choices;
  GCancellable        *list_cancellable;
  GCancellable        *choices_cancellable;
  char                *query;
  guint                n_matches;
  gboolean             loading;
  gboolean             open_when_loaded;
  guint                browse_timeout_id;

  GtkStack            *view_stack;
  GtkStack            *list_stack;
  GtkDropDown         *area_dropdown;
  GtkDropDown         *team_dropdown;
  GtkDropDown         *sort_dropdown;
  GtkDropDown         *population_dropdown;
  GtkCheckButton      *retired_check;
  GtkLabel            *count_label;
  GtkWidget           *more_label;
  JyResidentRowWidget *list_header;
  GtkStack            *lists_stack;
  GtkListView         *browse_view;
  GtkListView         *search_view;
  AdwStatusPage       *empty_status;
  AdwStatusPage       *error_status;
  JyResidentView      *resident_view;
};

void              jy_residents_page_toast          (JyResidentsPage *self,
                                                    const char      *text);
JyResidentFilter *jy_residents_page_current_filter (JyResidentsPage *self);
void              jy_residents_page_reload_list    (JyResidentsPage *self);

void              jy_residents_page_import_action  (GtkWidget       *widget,
                                                    const char      *action_name,
                                                    GVariant        *parameter);
void              jy_residents_page_export_action  (GtkWidget       *widget,
                                                    const char      *action_name,
                                                    GVariant        *parameter);

G_END_DECLS
