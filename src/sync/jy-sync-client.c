/* jy-sync-client.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-client.h"

#include <libsoup/soup.h>
#include <string.h>

#include "jy-fhir-codec.h"

G_DEFINE_QUARK (jy-sync-error-quark, jy_sync_error)

struct _JySyncClient
{
  GObject          parent_instance;

  SoupSession     *session;
  GUri            *base;
  char            *base_url;     /* no trailing slash */
  GTlsDatabase    *extra_cas;
  guint            max_attempts;
  guint            retry_base_ms;

  JySyncTokenFunc  token_func;
  gpointer         token_data;
  GDestroyNotify   token_destroy;
  char            *token;
};

G_DEFINE_FINAL_TYPE (JySyncClient, jy_sync_client, G_TYPE_OBJECT)

static void
jy_sync_client_finalize (GObject *object)
{
  JySyncClient *self = (JySyncClient *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base, g_uri_unref);
  g_free (self->base_url);
  g_clear_object (&self->extra_cas);
  if (self->token_destroy != NULL)
    self->token_destroy (self->token_data);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);

  G_OBJECT_CLASS (jy_sync_client_parent_class)->finalize (object);
}

static void
jy_sync_client_class_init (JySyncClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jy_sync_client_finalize;
}

static void
jy_sync_client_init (JySyncClient *self)
{
}

static gboolean
is_loopback (GUri *uri)
{
  const char *host = g_uri_get_host (uri);

  return g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "localhost") == 0 ||
         g_strcmp0 (host, "::1") == 0;
}

JySyncClient *
jy_sync_client_new (const JySyncClientConfig  *config,
                    GError                   **error)
{
  g_autoptr(JySyncClient) self = NULL;
  g_autoptr(GUri) base = NULL;
  g_autofree char *trimmed = NULL;
  const char *scheme;

  g_return_val_if_fail (config != NULL, NULL);

  if (config->base_url == NULL || config->base_url[0] == '\0')
    {
      g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_NOT_CONFIGURED, "No platform URL");
      return NULL;
    }
  trimmed = g_strdup (config->base_url);
  while (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';
  base = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED, NULL);
  scheme = base != NULL ? g_uri_get_scheme (base) : NULL;
  if (base == NULL || g_uri_get_host (base) == NULL ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0) ||
      g_uri_get_query (base) != NULL)
    {
      g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_NOT_CONFIGURED,
                           "Platform URL is not an http(s) URL");
      return NULL;
    }

  self = g_object_new (JY_TYPE_SYNC_CLIENT, NULL);
  self->base = g_steal_pointer (&base);
  self->base_url = g_steal_pointer (&trimmed);
  self->max_attempts = config->max_attempts > 0 ? config->max_attempts : 3;
  self->retry_base_ms = config->retry_base_ms > 0 ? config->retry_base_ms : 500;

  if (config->ca_file != NULL && config->ca_file[0] != '\0')
    {
      self->extra_cas = g_tls_file_database_new (config->ca_file, error);
      if (self->extra_cas == NULL)
        {
          g_prefix_error (error, "CA file: ");
          return NULL;
        }
    }

  self->session = soup_session_new_with_options ("timeout", config->timeout_s > 0 ? config->timeout_s : 30,
                                                 "idle-timeout", 60,
                                                 "max-conns-per-host", 4,
                                                 "user-agent", "Jiayi/" PACKAGE_VERSION " ",
                                                 NULL);
  if (is_loopback (self->base))
    soup_session_set_proxy_resolver (self->session, NULL);

  return g_steal_pointer (&self);
}

void
jy_sync_client_set_token_func (JySyncClient    *self,
                               JySyncTokenFunc  func,
                               gpointer         user_data,
                               GDestroyNotify   destroy)
{
  g_return_if_fail (JY_IS_SYNC_CLIENT (self));

  if (self->token_destroy != NULL)
    self->token_destroy (self->token_data);
  self->token_func = func;
  self->token_data = user_data;
  self->token_destroy = destroy;
  g_clear_pointer (&self->token, g_free);
}

const char *
jy_sync_client_get_base_url (JySyncClient *self)
{
  g_return_val_if_fail (JY_IS_SYNC_CLIENT (self), NULL);
  return self->base_url;
}

/* The system's CAs refused the certificate: a city's own CA may vouch for
 * it, for this host. Never anything looser. */
static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  JySyncClient *self = user_data;
  g_autoptr(GSocketConnectable) identity = NULL;
  GUri *uri = soup_message_get_uri (msg);

  if (self->extra_cas == NULL)
    return FALSE;
  identity = g_network_address_new (g_uri_get_host (uri), (guint16)g_uri_get_port (uri));
  return g_tls_database_verify_chain (self->extra_cas, certificate,
                                      G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER,
                                      identity, NULL, G_TLS_DATABASE_VERIFY_NONE,
                                      NULL, NULL) == 0;
}

static char *
resolve (JySyncClient  *self,
         const char    *path,
         GError       **error)
{
  if (g_str_has_prefix (path, "http://") || g_str_has_prefix (path, "https://"))
    {
      gsize n = strlen (self->base_url);

      /* Paging links come from the server: follow them only under the base. */
      if (strncmp (path, self->base_url, n) != 0 ||
          (path[n] != '\0' && path[n] != '/' && path[n] != '?'))
        {
          g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED,
                               "Server link points outside the platform URL");
          return NULL;
        }
      return g_strdup (path);
    }
  return path[0] == '\0' ? g_strdup (self->base_url) : g_strconcat (self->base_url, "/", path, NULL);
}

static gboolean
ensure_token (JySyncClient  *self,
              gboolean       refresh,
              GCancellable  *cancellable,
              GError       **error)
{
  if (self->token_func == NULL || (self->token != NULL && !refresh))
    return TRUE;
  g_clear_pointer (&self->token, g_free);
  self->token = self->token_func (self->token_data, refresh, cancellable, error);
  if (self->token == NULL)
    {
      g_prefix_error (error, "No access token: ");
      if (*error != NULL && (*error)->domain != JY_SYNC_ERROR && (*error)->domain != G_IO_ERROR)
        (*error)->domain = JY_SYNC_ERROR, (*error)->code = JY_SYNC_ERROR_UNAUTHORIZED;
      return FALSE;
    }
  return TRUE;
}

static gboolean
should_retry (guint         status,
              const GError *error)
{
  if (error != NULL)
    return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           error->domain != G_TLS_ERROR;
  return status >= 500 || status == 429 || status == 408;
}

/* Sleeps @ms unless cancelled (this is a worker thread). */
static gboolean
back_off (guint          ms,
          GCancellable  *cancellable,
          GError       **error)
{
  gint64 end = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_usleep (MIN (50000, MAX (0, end - g_get_monotonic_time ())));
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
set_transport_error (GError       **error,
                     const GError  *cause,
                     const char    *method)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_CERTIFICATE, "%s failed: %s", method, cause->message);
  else
    g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_UNREACHABLE,
                 "%s failed: %s", method, cause->message);
}

GBytes *
jy_sync_client_send (JySyncClient  *self,
                     const char    *method,
                     const char    *path,
                     GHashTable    *headers,
                     GBytes        *body,
                     const char    *content_type,
                     guint         *status,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *url = NULL;
  gboolean refreshed = FALSE;

  g_return_val_if_fail (JY_IS_SYNC_CLIENT (self), NULL);
  g_return_val_if_fail (method != NULL && path != NULL && status != NULL, NULL);

  *status = 0;
  if ((url = resolve (self, path, error)) == NULL)
    return NULL;

  for (guint attempt = 1;; attempt++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new (method, url);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) response = NULL;
      SoupMessageHeaders *request_headers;
      gint64 start = g_get_monotonic_time ();
      guint code = 0;

      if (msg == NULL)
        {
          g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED, "Bad request URL");
          return NULL;
        }
      if (!ensure_token (self, FALSE, cancellable, error))
        return NULL;

      request_headers = soup_message_get_request_headers (msg);
      soup_message_headers_replace (request_headers, "Accept", "application/fhir+json");
      if (self->token != NULL)
        {
          g_autofree char *bearer = g_strconcat ("Bearer ", self->token, NULL);

          soup_message_headers_replace (request_headers, "Authorization", bearer);
        }
      if (headers != NULL)
        {
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, headers);
          while (g_hash_table_iter_next (&iter, &key, &value))
            soup_message_headers_replace (request_headers, key, value);
        }
      if (body != NULL)
        soup_message_set_request_body_from_bytes (msg, content_type != NULL ? content_type
                                                                             : "application/fhir+json",
                                                  body);
      /* Everything this client sends is safe to repeat (PUT by id, batches of
       * those, conditional creates), and libsoup then keeps the connection
       * (toolchain.md gotcha 8). */
      soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
      g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), self);

      response = soup_session_send_and_read (self->session, msg, cancellable, &local_error);
      if (response != NULL)
        code = soup_message_get_status (msg);

      /* No URLs (query strings may hold search values), just what and how long. */
      g_debug ("%s %s → %u in %.0f ms (attempt %u)", method,
               path[0] == '\0' || g_str_has_prefix (path, "http") ? "(base/link)" : "(path)",
               code, (g_get_monotonic_time () - start) / 1000.0, attempt);

      if (response != NULL && (code == 401 || code == 403) && self->token_func != NULL && !refreshed)
        {
          refreshed = TRUE;
          if (!ensure_token (self, TRUE, cancellable, error))
            return NULL;
          attempt--;
          continue;
        }

      if (!should_retry (code, local_error) || attempt >= self->max_attempts)
        {
          if (local_error != NULL)
            {
              set_transport_error (error, local_error, method);
              return NULL;
            }
          *status = code;
          return g_steal_pointer (&response);
        }

      {
        /* Exponential, with ±50% jitter so that workstations do not return together. */
        guint delay = self->retry_base_ms << MIN (attempt - 1, 10u);

        delay = delay / 2 + g_random_int_range (0, (gint32)MAX (1u, delay));
        if (!back_off (delay, cancellable, error))
          return NULL;
      }
    }
}

JsonNode *
jy_sync_client_get_json (JySyncClient  *self,
                         const char    *path,
                         gsize          max_bytes,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  guint status;
  gsize length;
  const char *data;

  body = jy_sync_client_send (self, "GET", path, NULL, NULL, NULL, &status, cancellable, error);
  if (body == NULL)
    return NULL;
  if (status == 401 || status == 403)
    {
      g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_UNAUTHORIZED, "HTTP %u", status);
      return NULL;
    }
  if (status >= 500)
    {
      g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_SERVER, "HTTP %u", status);
      return NULL;
    }
  if (status < 200 || status >= 300)
    {
      g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_HTTP, "HTTP %u", status);
      return NULL;
    }

  data = g_bytes_get_data (body, &length);
  root = jy_fhir_parse (data, length, max_bytes, &local_error);
  if (root == NULL)
    {
      g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED, "Response: %s", local_error->message);
      return NULL;
    }
  return root;
}
