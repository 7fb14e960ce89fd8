/* jy-reports-page.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_REPORTS_PAGE (jy_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (JyReportsPage, jy_reports_page, JY, REPORTS_PAGE, AdwBin)

/* The monthly summary (domain.md §6): month and scope (centre, team,
 * doctor), a table per section with each indicator's definition beside
 * it, the previous month and the same month last year, charts, and the
 * residents behind a number ("open-resident" with a resident id).
 * Computed off the main loop; printed through the print dialog; CSV. */
void        jy_reports_page_set_store    (JyReportsPage *self,
                                          JyStore       *store);
/* Recomputes the month shown (e.g. when the page is shown again). */
void        jy_reports_page_reload       (JyReportsPage *self);
/* For tests: the report shown, or NULL while computing. */
gpointer    jy_reports_page_get_comparison (JyReportsPage *self);
/* For tests: whether the 12-month trend has been drawn. */
gboolean    jy_reports_page_has_trend    (JyReportsPage *self);

G_END_DECLS
