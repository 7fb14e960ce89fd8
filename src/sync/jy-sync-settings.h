/* jy-sync-settings.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-sync-auth.h"
#include "jy-sync-client.h"

G_BEGIN_DECLS

/* The workstation's sync settings: GSettings for everything but the
 * secret (the OAuth2 client secret or the password), which lives in the
 * keyring (libsecret) when one answers, else in this process's memory
 * until Jiayi quits. Never in GSettings, the database or a log. */
typedef enum
{
  JY_SYNC_AUTH_MODE_NONE,
  JY_SYNC_AUTH_MODE_CLIENT_CREDENTIALS,
  JY_SYNC_AUTH_MODE_PASSWORD,
} JySyncAuthMode;

typedef struct
{
  char            *base_url;
  char            *ca_file;      /* NULL: the system's CAs only */
  guint            timeout_s;
  JySyncAuthMode   auth_mode;
  char            *token_url;
  char            *client_id;
  char            *username;     /* password grant */
  char            *secret;       /* filled by jy_sync_secret_lookup() */
} JySyncSettings;

JySyncSettings *jy_sync_settings_read        (GSettings            *settings);
void            jy_sync_settings_free        (JySyncSettings       *self);
JySyncAuthMode  jy_sync_auth_mode_from_string (const char          *text);
const char     *jy_sync_auth_mode_to_string  (JySyncAuthMode        mode);

/* The client part of JySyncOptions (strings borrowed from @self). */
void            jy_sync_settings_client_config (const JySyncSettings *self,
                                                JySyncClientConfig   *config);
/* NULL for JY_SYNC_AUTH_MODE_NONE. */
JySyncAuth     *jy_sync_settings_new_auth    (const JySyncSettings *self);

/* Blocking (a worker thread: the keyring is a D-Bus call). The account is
 * the client id (client credentials) or the user name (password grant).
 * *in_keyring tells whether the keyring took it (else: memory only). */
gboolean        jy_sync_secret_store         (JySyncAuthMode        mode,
                                              const char           *token_url,
                                              const char           *account,
                                              const char           *secret,
                                              gboolean             *in_keyring,
                                              GCancellable         *cancellable,
                                              GError              **error);
/* Sets self->secret (NULL if none is stored). */
void            jy_sync_secret_lookup        (JySyncSettings       *self,
                                              GCancellable         *cancellable);

/* Blocking: the secret, a token when auth is on, then the server's
 * CapabilityStatement. Returns "software version · FHIR x" or NULL with a
 * JY_SYNC_ERROR (JY_SYNC_ERROR_CERTIFICATE for a refused certificate). */
char           *jy_sync_test_connection      (JySyncSettings       *self,
                                              GCancellable         *cancellable,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JySyncSettings, jy_sync_settings_free)

G_END_DECLS
