/* jy-drug-catalogue-window.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

/* The long-prescription drug catalogue (domain.md §4.3, §4.7), for
 * administrators (JY_PERMISSION_DRUG_CATALOGUE, checked again by the
 * store): search by name or pinyin initials, edit a line with its
 * excluded-class and other flags, add one, import a CSV file with each
 * bad line reported. */
#define JY_TYPE_DRUG_CATALOGUE_WINDOW (jy_drug_catalogue_window_get_type ())
G_DECLARE_FINAL_TYPE (JyDrugCatalogueWindow, jy_drug_catalogue_window, JY, DRUG_CATALOGUE_WINDOW, AdwWindow)

JyDrugCatalogueWindow *jy_drug_catalogue_window_new      (GtkWindow             *parent,
                                                          JyStore               *store);
/* Imports @contents as if chosen in the file dialog (tests, drops). */
void                   jy_drug_catalogue_window_import   (JyDrugCatalogueWindow *self,
                                                          GBytes                *contents);
/* Rows listed by the last search. */
guint                  jy_drug_catalogue_window_get_n_results (JyDrugCatalogueWindow *self);

G_END_DECLS
