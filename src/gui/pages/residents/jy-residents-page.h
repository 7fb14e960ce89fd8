/* jy-residents-page.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_RESIDENTS_PAGE (jy_residents_page_get_type ())
G_DECLARE_FINAL_TYPE (JyResidentsPage, jy_residents_page, JY, RESIDENTS_PAGE, AdwBin)

void     jy_residents_page_set_store        (JyResidentsPage *self,
                                             JyStore         *store);
void     jy_residents_page_search           (JyResidentsPage *self,
                                             const char      *text);
void     jy_residents_page_open_resident    (JyResidentsPage *self,
                                             gint64           resident_id);
/* Reads the resident's page again if it is the one shown (after a save elsewhere). */
void     jy_residents_page_refresh_resident (JyResidentsPage *self,
                                             gint64           resident_id);
void     jy_residents_page_close_resident   (JyResidentsPage *self);
gboolean jy_residents_page_open_first       (JyResidentsPage *self);
GListModel *jy_residents_page_get_model     (JyResidentsPage *self,
                                             gboolean         search);
void     jy_residents_page_activate_search  (JyResidentsPage *self,
                                             const char      *text);
void     jy_residents_page_export_to_file   (JyResidentsPage *self,
                                             GFile           *file);

G_END_DECLS
