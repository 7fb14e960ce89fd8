/* jy-sync-client.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  JY_SYNC_ERROR_FAILED,
  JY_SYNC_ERROR_UNREACHABLE,   /* no connection, dropped, TLS refused, timeout */
  JY_SYNC_ERROR_SERVER,        /* 5xx after the retries */
  JY_SYNC_ERROR_UNAUTHORIZED,  /* 401/403, or no token could be had */
  JY_SYNC_ERROR_HTTP,          /* another unexpected status */
  JY_SYNC_ERROR_MALFORMED,     /* a response that is not what FHIR says */
  JY_SYNC_ERROR_UNSUPPORTED,   /* the server lacks what sync needs */
  JY_SYNC_ERROR_NOT_CONFIGURED,
  JY_SYNC_ERROR_CERTIFICATE,   /* TLS refused the server's certificate */
} JySyncError;

#define JY_SYNC_ERROR (jy_sync_error_quark ())
GQuark jy_sync_error_quark (void);

/* One HTTP connection pool to the platform (libsoup 3). Blocking calls:
 * a client is made, used and dropped by one worker thread (the engine's);
 * never call it on the UI thread. TLS is always verified, against the
 * system's CAs and, if given, a city's own CA file too. */
#define JY_TYPE_SYNC_CLIENT (jy_sync_client_get_type ())
G_DECLARE_FINAL_TYPE (JySyncClient, jy_sync_client, JY, SYNC_CLIENT, GObject)

/* Returns a token (caller frees) or NULL with an error. @refresh: the
 * last one was refused, get a new one. */
typedef char *(*JySyncTokenFunc) (gpointer       user_data,
                                  gboolean       refresh,
                                  GCancellable  *cancellable,
                                  GError       **error);

typedef struct
{
  const char *base_url;      /* FHIR base, e.g. https://platform.example/fhir */
  const char *ca_file;       /* PEM of extra trusted CAs, or NULL */
  guint       timeout_s;     /* per request I/O; 0 = 30 s */
  guint       max_attempts;  /* for 5xx / 429 / network errors; 0 = 3 */
  guint       retry_base_ms; /* first back-off, doubled each time, ±50% jitter; 0 = 500 */
} JySyncClientConfig;

JySyncClient *jy_sync_client_new         (const JySyncClientConfig *config,
                                          GError                  **error);
void          jy_sync_client_set_token_func (JySyncClient         *self,
                                          JySyncTokenFunc           func,
                                          gpointer                  user_data,
                                          GDestroyNotify            destroy);
const char   *jy_sync_client_get_base_url (JySyncClient           *self);

/* @path: relative to the base ("Patient?…", "" for the base itself) or an
 * absolute URL, which must lie under the base (paging links): the token is
 * never sent anywhere else. @body is JSON or NULL. Returns the body and
 * sets *status; a 4xx is returned, not an error (the caller reads its
 * OperationOutcome); 5xx, 429 and network errors are retried. */
GBytes       *jy_sync_client_send        (JySyncClient             *self,
                                          const char               *method,
                                          const char               *path,
                                          GHashTable               *headers,
                                          GBytes                   *body,
                                          const char               *content_type,
                                          guint                    *status,
                                          GCancellable             *cancellable,
                                          GError                  **error);

/* send + parse, for 2xx answers: anything else is an error. */
JsonNode     *jy_sync_client_get_json    (JySyncClient             *self,
                                          const char               *path,
                                          gsize                     max_bytes,
                                          GCancellable             *cancellable,
                                          GError                  **error);

G_END_DECLS
