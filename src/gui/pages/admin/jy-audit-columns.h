/* jy-audit-columns.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jy-audit-store.h"

G_BEGIN_DECLS

/* One entry of the audit log in the viewer's list. */
#define JY_TYPE_AUDIT_ITEM (jy_audit_item_get_type ())
G_DECLARE_FINAL_TYPE (JyAuditItem, jy_audit_item, JY, AUDIT_ITEM, GObject)

/* Takes @entry. */
JyAuditItem        *jy_audit_item_new          (JyAuditEntry  *entry);
const JyAuditEntry *jy_audit_item_get_entry    (JyAuditItem   *self);

void                jy_audit_columns_add       (GtkColumnView *view);

/* The actions the log records, in the filter's order. */
guint               jy_audit_get_n_actions     (void);
const char         *jy_audit_get_action        (guint          index);
/* An action in the user's words (查看, 修改 …); the code if unknown. */
const char         *jy_audit_action_get_label  (const char    *action);
/* What changed, in a line: "姓名：王小燕 → 王晓燕; 电话 …". */
char               *jy_audit_describe_detail   (const char    *detail);

G_END_DECLS
