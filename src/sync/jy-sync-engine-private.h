/* jy-sync-engine-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-fhir-codec-private.h"
#include "jy-sync-engine.h"

G_BEGIN_DECLS

/* State of one run, owned by the worker thread that runs it. */
typedef struct
{
  JySyncEngine   *engine;
  JyStore        *store;
  JySyncClient   *client;
  JySyncOptions   options;
  JySyncSummary  *summary;
  GCancellable   *cancellable;
  /* From the CapabilityStatement: types the server lets us create with
   * PUT (update-as-create); the others get POST + If-None-Exist. */
  GHashTable     *no_update_create;
  /* Test hook (JIAYI_SYNC_TEST_KILL_AFTER_BATCH=N): SIGKILL ourselves after
   * the N-th batch response arrives, before it is recorded. */
  guint           kill_after_batch;
  guint           batches;
  /* Rows found to carry our own earlier write on the platform (a killed
   * run never recorded its answer): their versions were taken over and
   * their entries wait to be pushed again in this run. */
  guint           rebased;
} JySyncRun;

void      jy_sync_run_progress         (JySyncRun     *run);
/* Another client like the run's, for use by one other thread. */
JySyncClient *jy_sync_run_new_client   (JySyncRun     *run,
                                        GError       **error);
gboolean  jy_sync_push                 (JySyncRun     *run,
                                        GError       **error);
gboolean  jy_sync_pull                 (JySyncRun     *run,
                                        GError       **error);

/* Conflict inbox rows (jy-sync-conflict.c), inside a write job. */
gboolean  jy_sync_conflict_record      (JyDb          *db,
                                        const char    *entity,
                                        const char    *row_uuid,
                                        const char    *kind,
                                        const char    *mine,
                                        const char    *theirs,
                                        const char    *theirs_version,
                                        const char    *reason,
                                        GError       **error);
/* Whether the row (or a child row) has changes the platform has not taken. */
gboolean  jy_sync_row_has_unsent       (JyDb               *db,
                                        const JyFhirCodec  *codec,
                                        const char         *uuid,
                                        gboolean           *out,
                                        GError            **error);

/* The write-ahead log of what was sent (table sync_sent), in write jobs. */
gboolean  jy_sync_sent_add             (JyDb          *db,
                                        const char    *entity,
                                        const char    *row_uuid,
                                        const char    *digest,
                                        GError       **error);
gboolean  jy_sync_sent_contains        (JyDb          *db,
                                        const char    *entity,
                                        const char    *row_uuid,
                                        const char    *digest,
                                        gboolean      *out,
                                        GError       **error);
gboolean  jy_sync_sent_clear           (JyDb          *db,
                                        const char    *entity,
                                        const char    *row_uuid,
                                        GError       **error);

char     *jy_sync_rfc3339_in           (gint64         seconds);

JySyncRejection *jy_sync_rejection_new (const char    *entity,
                                        const char    *row_uuid,
                                        const char    *reason);
void      jy_sync_rejection_free       (JySyncRejection *rejection);

G_END_DECLS
