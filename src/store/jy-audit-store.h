/* jy-audit-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"

G_BEGIN_DECLS

/* Reading the audit trail (issue #5): who saw and changed which record,
 * when and what. The log itself is append-only (triggers refuse UPDATE and
 * DELETE, migration 1); rows are written by jy_store_record_audit() and
 * jy_store_record_change() in the transaction of what they describe. */

#define JY_AUDIT_DEFAULT_LIMIT 1000

typedef struct
{
  char  *actor;       /* a staff uuid or "system"; NULL = anyone */
  char  *action;      /* view, create, update, retire, export, login …; NULL = any */
  /* A resident's archive number, ID number or exact name; NULL = any record */
  char  *resident;
  char  *from_date;   /* YYYY-MM-DD in the centre's time, inclusive; NULL = no limit */
  char  *to_date;     /* YYYY-MM-DD, inclusive; NULL = no limit */
  guint  limit;       /* newest first, at most this many; 0 = JY_AUDIT_DEFAULT_LIMIT */
} JyAuditFilter;

void      jy_audit_filter_free      (JyAuditFilter *filter);

typedef struct
{
  gint64  id;
  char   *at;            /* UTC ISO 8601 as stored */
  char   *actor;         /* staff uuid, "system" or "nobody" */
  char   *actor_name;    /* the staff member's name; NULL for the system */
  char   *actor_login;
  char   *action;
  char   *entity;        /* resident, staff, site, audit_log … */
  char   *row_uuid;
  char   *record;        /* a resident: name and archive number; an account: name (login) */
  char   *detail;        /* JSON; ID numbers masked unless the reader sees them whole */
} JyAuditEntry;

void      jy_audit_entry_free       (JyAuditEntry  *entry);

/* Needs JY_PERMISSION_AUDIT_VIEW. Newest first. Any connection. */
GPtrArray *jy_audit_store_query     (JyDb                 *db,
                                     const JyAuditFilter  *filter,
                                     GCancellable         *cancellable,
                                     GError              **error);

/* Writes every entry @filter matches (its limit is ignored) as CSV: UTF-8
 * with a BOM, CRLF, times in the centre's zone. Needs
 * JY_PERMISSION_AUDIT_VIEW and records the export in the audit log first,
 * so call it inside a write job. */
gboolean   jy_audit_store_export_csv (JyDb                 *db,
                                      const JyAuditFilter  *filter,
                                      GOutputStream        *out,
                                      guint                *out_n_entries,
                                      GCancellable         *cancellable,
                                      GError              **error);

/* @detail with every "id_number" and "id_number_original" value masked
 * (3502**********1234); a copy of it when there is nothing to mask. */
char      *jy_audit_mask_detail     (const char           *detail);

/* "2026-11-23 08:00:05" in the centre's zone, from a stored UTC timestamp. */
char      *jy_audit_format_time     (const char           *utc_iso);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyAuditFilter, jy_audit_filter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyAuditEntry, jy_audit_entry_free)

G_END_DECLS
