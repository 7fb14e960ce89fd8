/* jy-sync-auth.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-auth.h"

#include <json-glib/json-glib.h>
#include <libsecret/secret.h>
#include <libsoup/soup.h>
#include <string.h>

#include "jy-fhir-codec.h"
#include "jy-sync-client.h"

/* Refresh this long before the platform says the token expires. */
#define EXPIRY_MARGIN_S 60

struct _JySyncAuth
{
  GObject         parent_instance;

  JySyncAuthKind  kind;
  char           *token_url;
  char           *client_id;
  char           *client_secret;
  char           *username;
  char           *password;
  char           *scope;
  char           *ca_file;
  gboolean        use_keyring;

  GMutex          lock;
  char           *token;
  gint64          expires_at;   /* monotonic-free: real time, seconds */
};

G_DEFINE_FINAL_TYPE (JySyncAuth, jy_sync_auth, G_TYPE_OBJECT)

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "org.jiayi.Jiayi.PlatformToken", SECRET_SCHEMA_NONE,
    {
      { "token-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "client-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };
  return &schema;
}

static void
wipe (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
jy_sync_auth_finalize (GObject *object)
{
  JySyncAuth *self = (JySyncAuth *)object;

  g_free (self->token_url);
  g_free (self->client_id);
  wipe (&self->client_secret);
  g_free (self->username);
  wipe (&self->password);
  g_free (self->scope);
  g_free (self->ca_file);
  wipe (&self->token);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (jy_sync_auth_parent_class)->finalize (object);
}

static void
jy_sync_auth_class_init (JySyncAuthClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jy_sync_auth_finalize;
}

static void
jy_sync_auth_init (JySyncAuth *self)
{
  g_mutex_init (&self->lock);
}

JySyncAuth *
jy_sync_auth_new (const JySyncAuthConfig *config)
{
  JySyncAuth *self;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (JY_TYPE_SYNC_AUTH, NULL);
  self->kind = config->kind;
  self->token = g_strdup (config->token);
  self->expires_at = G_MAXINT64;
  self->token_url = g_strdup (config->token_url);
  self->client_id = g_strdup (config->client_id);
  self->client_secret = g_strdup (config->client_secret);
  self->username = g_strdup (config->username);
  self->password = g_strdup (config->password);
  self->scope = g_strdup (config->scope);
  self->ca_file = g_strdup (config->ca_file);
  /* Without a session bus there is no keyring to ask (and GDBus would try
   * to launch one). */
  self->use_keyring = config->use_keyring && g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL;
  if (self->kind != JY_SYNC_AUTH_BEARER)
    g_clear_pointer (&self->token, g_free);
  return self;
}

/* Keyring value: {"access_token": …, "expires_at": seconds}. */
static gboolean
keyring_load (JySyncAuth *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  char *stored;
  JsonObject *object;

  stored = secret_password_lookup_sync (token_schema (), NULL, &error,
                                        "token-url", self->token_url,
                                        "client-id", self->client_id != NULL ? self->client_id : "",
                                        NULL);
  if (stored == NULL)
    {
      if (error != NULL)
        {
          g_debug ("keyring unavailable (%s); the token stays in memory", g_quark_to_string (error->domain));
          self->use_keyring = FALSE;
        }
      return FALSE;
    }
  root = jy_fhir_parse (stored, strlen (stored), 64 * 1024, NULL);
  secret_password_free (stored);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "access_token") || !json_object_has_member (object, "expires_at"))
    return FALSE;
  wipe (&self->token);
  self->token = g_strdup (json_object_get_string_member (object, "access_token"));
  self->expires_at = json_object_get_int_member (object, "expires_at");
  return self->token != NULL;
}

static void
keyring_store (JySyncAuth *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *value = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, self->token);
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_int_value (builder, self->expires_at);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  value = json_to_string (root, FALSE);

  if (!secret_password_store_sync (token_schema (), SECRET_COLLECTION_DEFAULT,
                                   "Jiayi platform access token", value, NULL, &error,
                                   "token-url", self->token_url,
                                   "client-id", self->client_id != NULL ? self->client_id : "",
                                   NULL))
    {
      g_debug ("keyring refused the token (%s); it stays in memory", g_quark_to_string (error->domain));
      self->use_keyring = FALSE;
    }
  memset (value, 0, strlen (value));
}

static gboolean
fetch_token (JySyncAuth    *self,
             GCancellable  *cancellable,
             GError       **error)
{
  JySyncClientConfig config = { .base_url = self->token_url, .ca_file = self->ca_file };
  g_autoptr(JySyncClient) client = NULL;
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  /* Keys and values are borrowed (soup_form_encode_hash only reads them). */
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *encoded = NULL;
  JsonObject *object;
  const char *token;
  gint64 expires_in = 3600;
  guint status;
  gsize length;
  const char *data;

  if (self->token_url == NULL || self->client_id == NULL)
    {
      g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_NOT_CONFIGURED,
                           "OAuth2 needs a token URL and a client id");
      return FALSE;
    }
  if ((client = jy_sync_client_new (&config, error)) == NULL)
    return FALSE;

  if (self->kind == JY_SYNC_AUTH_PASSWORD)
    {
      g_hash_table_insert (form, (gpointer)"grant_type", (gpointer)"password");
      g_hash_table_insert (form, (gpointer)"username", (gpointer)(self->username != NULL ? self->username : ""));
      g_hash_table_insert (form, (gpointer)"password", (gpointer)(self->password != NULL ? self->password : ""));
    }
  else
    g_hash_table_insert (form, (gpointer)"grant_type", (gpointer)"client_credentials");
  g_hash_table_insert (form, (gpointer)"client_id", self->client_id);
  if (self->client_secret != NULL)
    g_hash_table_insert (form, (gpointer)"client_secret", self->client_secret);
  if (self->scope != NULL)
    g_hash_table_insert (form, (gpointer)"scope", self->scope);

  encoded = soup_form_encode_hash (form);
  length = strlen (encoded);
  body = g_bytes_new_take (g_steal_pointer (&encoded), length);
  response = jy_sync_client_send (client, "POST", "", NULL, body, "application/x-www-form-urlencoded",
                                  &status, cancellable, error);
  if (response == NULL)
    return FALSE;
  if (status != 200)
    {
      g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_UNAUTHORIZED, "Token endpoint answered HTTP %u", status);
      return FALSE;
    }

  data = g_bytes_get_data (response, &length);
  root = jy_fhir_parse (data, length, 64 * 1024, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED, "Token response is not JSON");
      return FALSE;
    }
  object = json_node_get_object (root);
  token = json_object_has_member (object, "access_token") &&
          JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "access_token")) ?
          json_object_get_string_member (object, "access_token") : NULL;
  if (token == NULL || token[0] == '\0' || strlen (token) > 8192 || strpbrk (token, "\r\n") != NULL)
    {
      g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED, "Token response has no access_token");
      return FALSE;
    }
  if (json_object_has_member (object, "expires_in") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "expires_in")))
    expires_in = CLAMP (json_object_get_int_member (object, "expires_in"), 0, 365 * 86400);

  wipe (&self->token);
  self->token = g_strdup (token);
  self->expires_at = g_get_real_time () / G_USEC_PER_SEC + expires_in;
  if (self->use_keyring)
    keyring_store (self);
  return TRUE;
}

char *
jy_sync_auth_dup_token (JySyncAuth    *self,
                        gboolean       refresh,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (JY_IS_SYNC_AUTH (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (self->kind == JY_SYNC_AUTH_BEARER)
    {
      if (self->token == NULL || refresh)
        {
          g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_UNAUTHORIZED,
                               "The platform refused the configured token");
          return NULL;
        }
      return g_strdup (self->token);
    }

  if (!refresh && (self->token == NULL || self->expires_at - EXPIRY_MARGIN_S <= now) &&
      self->use_keyring)
    keyring_load (self);
  if (refresh || self->token == NULL || self->expires_at - EXPIRY_MARGIN_S <= now)
    {
      if (!fetch_token (self, cancellable, error))
        return NULL;
    }
  return g_strdup (self->token);
}
