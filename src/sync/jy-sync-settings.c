/* jy-sync-settings.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-settings.h"

#include <libsecret/secret.h>
#include <string.h>

#include "jy-fhir-codec.h"

static const char *const mode_names[] = { "none", "client-credentials", "password" };

JySyncAuthMode
jy_sync_auth_mode_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (mode_names); i++)
    if (g_strcmp0 (text, mode_names[i]) == 0)
      return (JySyncAuthMode)i;
  return JY_SYNC_AUTH_MODE_NONE;
}

const char *
jy_sync_auth_mode_to_string (JySyncAuthMode mode)
{
  return mode < G_N_ELEMENTS (mode_names) ? mode_names[mode] : mode_names[0];
}

static char *
dup_or_null (GSettings  *settings,
             const char *key)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_strstrip (value);
  return value[0] != '\0' ? g_steal_pointer (&value) : NULL;
}

JySyncSettings *
jy_sync_settings_read (GSettings *settings)
{
  JySyncSettings *self = g_new0 (JySyncSettings, 1);
  g_autofree char *mode = g_settings_get_string (settings, "sync-auth-mode");

  self->base_url = dup_or_null (settings, "platform-url");
  self->ca_file = dup_or_null (settings, "sync-ca-file");
  self->timeout_s = g_settings_get_uint (settings, "sync-timeout");
  self->auth_mode = jy_sync_auth_mode_from_string (mode);
  self->token_url = dup_or_null (settings, "sync-token-url");
  self->client_id = dup_or_null (settings, "sync-client-id");
  self->username = dup_or_null (settings, "sync-username");
  return self;
}

void
jy_sync_settings_free (JySyncSettings *self)
{
  if (self == NULL)
    return;
  g_free (self->base_url);
  g_free (self->ca_file);
  g_free (self->token_url);
  g_free (self->client_id);
  g_free (self->username);
  if (self->secret != NULL)
    memset (self->secret, 0, strlen (self->secret));
  g_free (self->secret);
  g_free (self);
}

void
jy_sync_settings_client_config (const JySyncSettings *self,
                                JySyncClientConfig   *config)
{
  memset (config, 0, sizeof *config);
  config->base_url = self->base_url;
  config->ca_file = self->ca_file;
  config->timeout_s = self->timeout_s;
}

JySyncAuth *
jy_sync_settings_new_auth (const JySyncSettings *self)
{
  JySyncAuthConfig config = { 0 };

  if (self->auth_mode == JY_SYNC_AUTH_MODE_NONE)
    return NULL;
  config.kind = self->auth_mode == JY_SYNC_AUTH_MODE_PASSWORD ? JY_SYNC_AUTH_PASSWORD
                                                              : JY_SYNC_AUTH_CLIENT_CREDENTIALS;
  config.token_url = self->token_url;
  config.client_id = self->client_id;
  if (self->auth_mode == JY_SYNC_AUTH_MODE_PASSWORD)
    {
      config.username = self->username;
      config.password = self->secret;
    }
  else
    config.client_secret = self->secret;
  config.ca_file = self->ca_file;
  config.use_keyring = TRUE;
  return jy_sync_auth_new (&config);
}

/* Secrets -------------------------------------------------------------------- */

static const SecretSchema *
secret_schema (void)
{
  static const SecretSchema schema = {
    "org.jiayi.Jiayi.PlatformSecret", SECRET_SCHEMA_NONE,
    {
      { "mode", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "token-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };
  return &schema;
}

/* Without a keyring: this process only. */
static GMutex memory_lock;
static GHashTable *memory;

static char *
memory_key (JySyncAuthMode  mode,
            const char     *token_url,
            const char     *account)
{
  return g_strjoin ("\n", jy_sync_auth_mode_to_string (mode), token_url != NULL ? token_url : "",
                    account != NULL ? account : "", NULL);
}

static void
wipe_free (gpointer data)
{
  char *secret = data;

  memset (secret, 0, strlen (secret));
  g_free (secret);
}

static gboolean
keyring_reachable (void)
{
  /* Without a session bus there is no keyring to ask (GDBus would try to
   * launch one). */
  return g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL && g_getenv ("JIAYI_NO_KEYRING") == NULL;
}

gboolean
jy_sync_secret_store (JySyncAuthMode   mode,
                      const char      *token_url,
                      const char      *account,
                      const char      *secret,
                      gboolean        *in_keyring,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GError) keyring_error = NULL;
  g_autofree char *key = memory_key (mode, token_url, account);
  gboolean stored = FALSE;

  *in_keyring = FALSE;
  if (keyring_reachable ())
    {
      if (secret != NULL && secret[0] != '\0')
        stored = secret_password_store_sync (secret_schema (), SECRET_COLLECTION_DEFAULT,
                                             "Jiayi platform credentials", secret, cancellable, &keyring_error,
                                             "mode", jy_sync_auth_mode_to_string (mode),
                                             "token-url", token_url != NULL ? token_url : "",
                                             "account", account != NULL ? account : "", NULL);
      else
        stored = secret_password_clear_sync (secret_schema (), cancellable, &keyring_error,
                                             "mode", jy_sync_auth_mode_to_string (mode),
                                             "token-url", token_url != NULL ? token_url : "",
                                             "account", account != NULL ? account : "", NULL) ||
                 keyring_error == NULL;
      if (keyring_error != NULL)
        g_debug ("keyring refused the platform secret (%s); kept in memory",
                 g_quark_to_string (keyring_error->domain));
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g_mutex_lock (&memory_lock);
  if (memory == NULL)
    memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, wipe_free);
  if (secret != NULL && secret[0] != '\0')
    g_hash_table_replace (memory, g_steal_pointer (&key), g_strdup (secret));
  else
    g_hash_table_remove (memory, key);
  g_mutex_unlock (&memory_lock);

  *in_keyring = stored && keyring_error == NULL;
  return TRUE;
}

void
jy_sync_secret_lookup (JySyncSettings *self,
                       GCancellable   *cancellable)
{
  const char *account = self->auth_mode == JY_SYNC_AUTH_MODE_PASSWORD ? self->username : self->client_id;
  g_autofree char *key = NULL;

  g_clear_pointer (&self->secret, wipe_free);
  if (self->auth_mode == JY_SYNC_AUTH_MODE_NONE)
    return;

  key = memory_key (self->auth_mode, self->token_url, account);
  g_mutex_lock (&memory_lock);
  if (memory != NULL && g_hash_table_lookup (memory, key) != NULL)
    self->secret = g_strdup (g_hash_table_lookup (memory, key));
  g_mutex_unlock (&memory_lock);
  if (self->secret != NULL || !keyring_reachable ())
    return;

  {
    g_autoptr(GError) error = NULL;
    char *found = secret_password_lookup_sync (secret_schema (), cancellable, &error,
                                               "mode", jy_sync_auth_mode_to_string (self->auth_mode),
                                               "token-url", self->token_url != NULL ? self->token_url : "",
                                               "account", account != NULL ? account : "", NULL);

    if (found != NULL)
      {
        self->secret = g_strdup (found);
        secret_password_free (found);
      }
    else if (error != NULL)
      g_debug ("no keyring for the platform secret (%s)", g_quark_to_string (error->domain));
  }
}

/* Test connection ------------------------------------------------------------ */

static char *
token_cb (gpointer       user_data,
          gboolean       refresh,
          GCancellable  *cancellable,
          GError       **error)
{
  return jy_sync_auth_dup_token (user_data, refresh, cancellable, error);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING ?
         json_node_get_string (node) : NULL;
}

char *
jy_sync_test_connection (JySyncSettings *self,
                         GCancellable   *cancellable,
                         GError        **error)
{
  JySyncClientConfig config;
  g_autoptr(JySyncClient) client = NULL;
  g_autoptr(JySyncAuth) auth = NULL;
  g_autoptr(JsonNode) metadata = NULL;
  JsonObject *statement, *software = NULL;
  const char *name, *version, *fhir;
  GString *text;

  if (self->base_url == NULL)
    {
      g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_NOT_CONFIGURED, "No platform URL");
      return NULL;
    }
  jy_sync_secret_lookup (self, cancellable);
  jy_sync_settings_client_config (self, &config);
  /* One attempt: the user is waiting for an answer, not for retries. */
  config.max_attempts = 1;
  if ((client = jy_sync_client_new (&config, error)) == NULL)
    return NULL;
  if ((auth = jy_sync_settings_new_auth (self)) != NULL)
    jy_sync_client_set_token_func (client, token_cb, g_object_ref (auth), g_object_unref);

  metadata = jy_sync_client_get_json (client, "metadata", JY_FHIR_MAX_BUNDLE_BYTES, cancellable, error);
  if (metadata == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (metadata) ||
      g_strcmp0 (member_string (json_node_get_object (metadata), "resourceType"), "CapabilityStatement") != 0)
    {
      g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED, "Not a CapabilityStatement");
      return NULL;
    }
  statement = json_node_get_object (metadata);
  if (json_object_has_member (statement, "software") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (statement, "software")))
    software = json_object_get_object_member (statement, "software");
  name = member_string (software, "name");
  version = member_string (software, "version");
  fhir = member_string (statement, "fhirVersion");

  text = g_string_new (name != NULL ? name : "FHIR");
  if (version != NULL)
    g_string_append_printf (text, " %s", version);
  if (fhir != NULL)
    g_string_append_printf (text, " · FHIR %s", fhir);
  return g_string_free (text, FALSE);
}
