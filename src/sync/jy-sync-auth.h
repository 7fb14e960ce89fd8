/* jy-sync-auth.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Access tokens for the platform: OAuth2 client-credentials or password
 * grant (RFC 6749 §4.3, §4.4), or a fixed bearer token. A fetched token
 * is kept in memory and, where a keyring answers, in it (libsecret), so a
 * restarted Jiayi does not ask again while it is valid. Thread-safe; the
 * token never reaches a log. */
typedef enum
{
  JY_SYNC_AUTH_BEARER,
  JY_SYNC_AUTH_CLIENT_CREDENTIALS,
  JY_SYNC_AUTH_PASSWORD,
} JySyncAuthKind;

typedef struct
{
  JySyncAuthKind  kind;
  const char     *token;          /* BEARER */
  const char     *token_url;      /* the grants */
  const char     *client_id;
  const char     *client_secret;
  const char     *username;       /* PASSWORD */
  const char     *password;
  const char     *scope;          /* optional */
  const char     *ca_file;
  gboolean        use_keyring;
} JySyncAuthConfig;

#define JY_TYPE_SYNC_AUTH (jy_sync_auth_get_type ())
G_DECLARE_FINAL_TYPE (JySyncAuth, jy_sync_auth, JY, SYNC_AUTH, GObject)

JySyncAuth *jy_sync_auth_new        (const JySyncAuthConfig *config);
/* Blocking (worker thread). @refresh: the server refused the last one. */
char       *jy_sync_auth_dup_token  (JySyncAuth             *self,
                                     gboolean                refresh,
                                     GCancellable           *cancellable,
                                     GError                **error);

G_END_DECLS
