/* jy-sync-engine.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-store.h"
#include "jy-sync-auth.h"
#include "jy-sync-client.h"

G_BEGIN_DECLS

/* One sync run (sync.md): read the server's CapabilityStatement, push the
 * outbox in batch Bundles, pull each resource type since its cursor.
 * Safe to kill at any moment: every step commits what it learnt in one
 * transaction with the outbox/cursor change it implies, and every request
 * is idempotent (PUT by uuid, If-Match), so the next run resumes. */

typedef struct
{
  JySyncClientConfig  client;
  JySyncAuth         *auth;              /* NULL: no Authorization header */
  guint               batch_size;        /* entries per Bundle; 0 = 500 */
  guint               page_size;         /* _count of pulls; 0 = 500 */
  /* TRUE (background timer): entries that failed wait for their
   * next_attempt_at. FALSE (Sync now, the CLI): try everything now. */
  gboolean            respect_backoff;
  gboolean            push;              /* both TRUE unless a test or */
  gboolean            pull;              /* the bench wants one phase */
  /* Days the platform's acknowledged outbox entries are kept after a
   * successful run; 0 = JY_SYNC_OUTBOX_KEEP_DAYS. */
  guint               outbox_keep_days;
} JySyncOptions;

typedef struct
{
  char *entity;
  char *row_uuid;
  char *reason;     /* the platform's OperationOutcome, shortened */
  char *label;      /* status only: what the user calls the record (a name) */
} JySyncRejection;

typedef struct
{
  guint      sent;        /* records the platform accepted */
  guint      received;    /* records pulled and stored */
  guint      rejected;    /* refused by the platform: see rejections */
  guint      conflicts;   /* new entries in the conflict inbox */
  guint      deferred;    /* left for a later run (5xx, network) */
  guint      skipped;     /* pulled records that are not Jiayi's or cannot be stored */
  GPtrArray *rejections;  /* JySyncRejection */
  char      *server;      /* CapabilityStatement software name */
  double     seconds;
} JySyncSummary;

void           jy_sync_summary_free   (JySyncSummary *summary);

#define JY_TYPE_SYNC_ENGINE (jy_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (JySyncEngine, jy_sync_engine, JY, SYNC_ENGINE, GObject)

/* "progress" (guint sent, guint received): emitted on the main context of
 * the thread that called run_async, at most every batch / page. */
JySyncEngine  *jy_sync_engine_new        (JyStore              *store,
                                          const JySyncOptions  *options);

/* Blocking; never on the UI thread. Returns a summary, or NULL when the
 * run could not finish (server unreachable, unauthorized, cancelled …):
 * what it did before that is committed. */
JySyncSummary *jy_sync_engine_run        (JySyncEngine         *self,
                                          GCancellable         *cancellable,
                                          GError              **error);
void           jy_sync_engine_run_async  (JySyncEngine         *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
JySyncSummary *jy_sync_engine_run_finish (JySyncEngine         *self,
                                          GAsyncResult         *result,
                                          GError              **error);

/* What the sync page shows, read in one job (JyStoreFunc: returns a
 * JySyncStatus). */
typedef struct
{
  char      *last_success_at;  /* UTC ISO 8601, NULL if never */
  char      *last_error;
  gint64     pending;          /* rows with unsent changes */
  gint64     open_conflicts;
  GPtrArray *rejections;       /* JySyncRejection, newest first */
} JySyncStatus;

void           jy_sync_status_free    (JySyncStatus *status);
gpointer       jy_sync_status_load    (JyDb          *db,
                                       gpointer       data,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JySyncSummary, jy_sync_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JySyncStatus, jy_sync_status_free)

G_END_DECLS
