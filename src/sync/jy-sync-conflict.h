/* jy-sync-conflict.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-db.h"

G_BEGIN_DECLS

/* The conflict inbox (sync_conflict): a record edited here and on the
 * platform at once, or a pulled record that cannot be stored. */
typedef struct
{
  gint64  id;
  char   *entity;
  char   *row_uuid;
  char   *kind;            /* edit, invalid */
  char   *mine;            /* FHIR JSON of the local record (edit only) */
  char   *theirs;          /* FHIR JSON of the platform's version */
  char   *theirs_version;
  char   *reason;          /* invalid: why it could not be stored */
  char   *created_at;
  char   *label;           /* list only: what the user calls the record (a name), or NULL */
} JySyncConflict;

typedef enum
{
  JY_SYNC_KEEP_MINE,     /* push mine over theirs (If-Match theirs) */
  JY_SYNC_KEEP_THEIRS,   /* store theirs; my unsent changes are dropped */
  JY_SYNC_KEEP_MERGED,   /* store @merged (FHIR JSON) and push it */
} JySyncResolution;

void       jy_sync_conflict_free      (JySyncConflict *conflict);

/* JyStoreFunc for jy_store_read(): open conflicts, oldest first, as a
 * GPtrArray of JySyncConflict. */
gpointer   jy_sync_conflict_list      (JyDb           *db,
                                       gpointer        data,
                                       GCancellable   *cancellable,
                                       GError        **error);

/* Inside a write job. The choice is audited and, for mine and merged,
 * goes to the platform with the next push. */
gboolean   jy_sync_conflict_resolve   (JyDb             *db,
                                       gint64            conflict_id,
                                       JySyncResolution  resolution,
                                       const char       *merged,
                                       GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JySyncConflict, jy_sync_conflict_free)

G_END_DECLS
