/* jy-audit-page.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

/* The administrators' audit viewer: who saw and changed which record and
 * when, filtered by staff, action, resident and dates, newest first,
 * exported as CSV. Emits "add-toast". */
#define JY_TYPE_AUDIT_PAGE (jy_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (JyAuditPage, jy_audit_page, JY, AUDIT_PAGE, AdwBin)

void        jy_audit_page_set_store     (JyAuditPage *self,
                                         JyStore     *store);
void        jy_audit_page_reload        (JyAuditPage *self);
GListModel *jy_audit_page_get_model     (JyAuditPage *self);
void        jy_audit_page_export_to_file (JyAuditPage *self,
                                          GFile       *file);

G_END_DECLS
