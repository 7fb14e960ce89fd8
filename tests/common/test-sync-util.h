/* test-sync-util.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-store.h"
#include "jy-fhir-codec.h"
#include "jy-sync-engine.h"

G_BEGIN_DECLS

/* A workstation database for sync tests: a named centre, residents that
 * are synthetic (made-up names, no ID numbers). */
JyStore       *jy_test_workstation_new      (const char  *path);
char          *jy_test_add_resident         (JyStore     *store,
                                             const char  *name,
                                             const char  *birth_date);
void           jy_test_edit_resident        (JyStore     *store,
                                             const char  *uuid,
                                             const char  *name,
                                             const char  *phone);
void           jy_test_add_tag              (JyStore     *store,
                                             const char  *resident_uuid,
                                             const char  *tag,
                                             const char  *start_date);
/* One run with short retries; NULL with @error when it failed. */
JySyncSummary *jy_test_sync                 (JyStore     *store,
                                             const char  *base_url,
                                             guint        batch_size,
                                             GError     **error);
/* Runs @sql (a literal) in a write job with ?1 and ?2 bound as text. */
void           jy_test_exec                 (JyStore     *store,
                                             const char  *sql,
                                             const char  *arg1,
                                             const char  *arg2);
void           jy_test_resolve              (JyStore     *store,
                                             gint64       conflict_id,
                                             int          resolution);
/* Merged: JY_SYNC_KEEP_MERGED with this FHIR JSON. */
void           jy_test_resolve_merged       (JyStore     *store,
                                             gint64       conflict_id,
                                             const char  *merged);
/* The resident as its codec encodes it (FHIR JSON). */
char          *jy_test_local_fhir           (JyStore     *store,
                                             const char  *uuid);
/* An open conflict as push or pull would record it. */
void           jy_test_add_conflict         (JyStore     *store,
                                             const char  *uuid,
                                             const char  *kind,
                                             const char  *mine,
                                             const char  *theirs,
                                             const char  *theirs_version,
                                             const char  *reason);
/* A FHIR stub on 127.0.0.1 over TLS, its certificate self-signed by
 * openssl at test time in @dir (ca_file is that certificate). Answers
 * /fhir/metadata and /token on the thread-default main context, so
 * blocking clients must run on another thread. */
typedef struct
{
  gpointer  server;              /* SoupServer */
  char     *base_url;            /* https://127.0.0.1:port/fhir */
  char     *token_url;
  char     *ca_file;
  char     *last_authorization;  /* of the last metadata request */
  char     *last_token_form;     /* body of the last token request */
  guint     metadata_requests;
} JyTestTlsServer;

JyTestTlsServer *jy_test_tls_server_new     (const char  *dir);
void           jy_test_tls_server_free      (JyTestTlsServer *server);

gint64         jy_test_count                (JyStore     *store,
                                             const char  *sql);
char          *jy_test_text                 (JyStore     *store,
                                             const char  *sql);
/* Starts tests/integration/fhir-server.mjs (G_TEST_DIST) on a free port
 * and sets @url; NULL when node or its modules are missing. */
GSubprocess   *jy_test_start_fhir_server    (const char  *update_create,
                                             char       **url);
/* The platform's count for a search such as "Patient?organization=…". */
gint64         jy_test_server_count         (const char  *base_url,
                                             const char  *query);

/* @codec's record @uuid encodes the same on both workstations (meta and
 * text aside); else the test fails showing both. */
void           jy_test_assert_same_record   (JyStore           *a,
                                             JyStore           *b,
                                             const JyFhirCodec *codec,
                                             const char        *uuid);

G_END_DECLS
