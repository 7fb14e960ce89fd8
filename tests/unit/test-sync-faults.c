/* test-sync-faults.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine against a libsoup server on 127.0.0.1 (its own thread and
 * main context) that misbehaves on purpose: 500s, dropped connections, a
 * slow answer, malformed JSON, a 412 for our own version, a refused token.
 * Whatever happens, no change is lost: entries stay queued with the
 * reason, or are done.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "jy-sync-engine.h"
#include "jy-sync-outbox.h"
#include "test-sync-util.h"
#include "test-util.h"

typedef enum
{
  FAULT_NONE,
  FAULT_500,
  FAULT_DROP,
  FAULT_SLOW,
  FAULT_MALFORMED,
  FAULT_412_OWN,
  FAULT_500_AFTER_APPLYING,
} Fault;

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *base_url;
  GMutex        lock;
  GCond         cond;
  gboolean      ready;
  gboolean      tls;

  /* Set by the test before a run; read and counted by the handler. */
  Fault         fault;
  guint         fault_times;    /* 0 = every time */
  gboolean      require_token;
  guint         batch_posts;
  guint         token_requests;
  guint         auth_on_token_endpoint;
  GHashTable   *stored;         /* id → resource text, for 412 */
  guint         version;        /* last versionId given */
  const char   *search_answer;  /* set: what GET Patient?… returns */
} FaultServer;

typedef struct
{
  char        *tmpdir;
  JyStore     *store;
  FaultServer  server;
} Fixture;

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              const char        *text)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/fhir+json", SOUP_MEMORY_COPY, text, strlen (text));
}

static gboolean
answer_slow_cb (gpointer data)
{
  SoupServerMessage *msg = data;

  respond_json (msg, 500, "{}");
  soup_server_message_unpause (msg);
  g_object_unref (msg);
  return G_SOURCE_REMOVE;
}

static char *
batch_response (FaultServer *fs,
                const char  *body,
                gsize        length,
                guint        status)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonArray *entries;

  g_assert_true (json_parser_load_from_data (parser, body, length, NULL));
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "entry");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "resourceType");
  json_builder_add_string_value (builder, "Bundle");
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "batch-response");
  json_builder_set_member_name (builder, "entry");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonObject *resource = json_object_get_object_member (entry, "resource");
      g_autofree char *status_text = g_strdup_printf ("%u", status);
      g_autoptr(JsonNode) node = json_node_alloc ();
      JsonObject *copy = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (resource);
      JsonObject *meta = json_object_new ();

      g_autofree char *version = g_strdup_printf ("%u", ++fs->version);

      /* What the server keeps: the resource with a new version. */
      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (resource, l->data)));
      json_object_set_string_member (meta, "versionId", version);
      json_object_set_object_member (copy, "meta", meta);
      json_node_init_object (node, copy);
      g_hash_table_insert (fs->stored, g_strdup (json_object_get_string_member (resource, "id")),
                           json_to_string (node, FALSE));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "response");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, status_text);
      json_builder_end_object (builder);
      if (status < 300)
        {
          json_builder_set_member_name (builder, "resource");
          json_builder_add_value (builder, json_node_ref (node));
        }
      json_builder_end_object (builder);
      json_object_unref (copy);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  FaultServer *fs = user_data;
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (g_str_equal (path, "/token"))
    {
      g_autofree char *answer = NULL;

      fs->token_requests++;
      fs->auth_on_token_endpoint += authorization != NULL;
      answer = g_strdup_printf ("{\"access_token\":\"tok-%u\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
                                fs->token_requests);
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, answer, strlen (answer));
      return;
    }
  /* The first token is refused (as if revoked), later ones accepted. */
  if (fs->require_token &&
      (authorization == NULL || g_str_equal (authorization, "Bearer tok-1") ||
       !g_str_has_prefix (authorization, "Bearer tok-")))
    {
      respond_json (msg, 401, "{\"resourceType\":\"OperationOutcome\",\"issue\":[]}");
      return;
    }

  if (g_str_equal (path, "/fhir/metadata"))
    {
      respond_json (msg, 200, "{\"resourceType\":\"CapabilityStatement\",\"fhirVersion\":\"4.0.1\","
                              "\"software\":{\"name\":\"fault server\"}}");
      return;
    }
  if (g_str_equal (method, "GET") && strchr (path + strlen ("/fhir/"), '/') != NULL)
    {
      const char *stored = g_hash_table_lookup (fs->stored, strrchr (path, '/') + 1);

      respond_json (msg, stored != NULL ? 200 : 404, stored != NULL ? stored : "{}");
      return;
    }
  if (g_str_equal (method, "GET") && g_str_equal (path, "/fhir/Patient") && fs->search_answer != NULL)
    {
      respond_json (msg, 200, fs->search_answer);
      return;
    }
  if (g_str_equal (method, "GET") && g_str_equal (path, "/fhir/Patient"))
    {
      /* Every stored Patient, one page. */
      g_autoptr(GString) page = g_string_new ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[],\"entry\":[");
      GHashTableIter iter;
      gpointer value;
      gboolean first = TRUE;

      g_hash_table_iter_init (&iter, fs->stored);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (strstr (value, "\"resourceType\":\"Patient\"") != NULL)
          {
            g_string_append_printf (page, "%s{\"resource\":%s}", first ? "" : ",", (char *)value);
            first = FALSE;
          }
      g_string_append (page, "]}");
      respond_json (msg, 200, page->str);
      return;
    }
  if (g_str_equal (method, "GET"))
    {
      respond_json (msg, 200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[]}");
      return;
    }

  if (g_str_equal (method, "POST") && g_str_equal (path, "/fhir"))
    {
      gboolean faulty;
      g_autofree char *answer = NULL;

      fs->batch_posts++;
      faulty = fs->fault != FAULT_NONE && (fs->fault_times == 0 || fs->batch_posts <= fs->fault_times);
      switch (faulty ? fs->fault : FAULT_NONE)
        {
        case FAULT_500:
          respond_json (msg, 500, "{\"resourceType\":\"OperationOutcome\"}");
          return;
        case FAULT_DROP:
          {
            GIOStream *stream = soup_server_message_steal_connection (msg);

            g_io_stream_close (stream, NULL, NULL);
            g_object_unref (stream);
            return;
          }
        case FAULT_SLOW:
          {
            GSource *source = g_timeout_source_new (3000);

            soup_server_message_pause (msg);
            g_source_set_callback (source, answer_slow_cb, g_object_ref (msg), NULL);
            g_source_attach (source, fs->context);
            g_source_unref (source);
            return;
          }
        case FAULT_MALFORMED:
          respond_json (msg, 200, "{\"resourceType\":\"Bundle\",\"type\":\"batch-response\",\"entry\":[{oops");
          return;
        case FAULT_412_OWN:
          answer = batch_response (fs, body->data, body->length, 412);
          respond_json (msg, 200, answer);
          return;
        case FAULT_500_AFTER_APPLYING:
          /* Stored, then the answer is lost (a proxy timing out). */
          answer = batch_response (fs, body->data, body->length, 201);
          respond_json (msg, 500, "{\"resourceType\":\"OperationOutcome\"}");
          return;
        case FAULT_NONE:
        default:
          answer = batch_response (fs, body->data, body->length, 201);
          respond_json (msg, 200, answer);
          return;
        }
    }
  respond_json (msg, 404, "{}");
}

static gpointer
server_thread (gpointer data)
{
  FaultServer *fs = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (fs->context);
  if (fs->tls)
    {
      g_autofree char *cert_file = g_test_build_filename (G_TEST_DIST, "tls", "server.pem", NULL);
      g_autofree char *key_file = g_test_build_filename (G_TEST_DIST, "tls", "server-key.pem", NULL);
      g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_files (cert_file, key_file, &error);

      g_assert_no_error (error);
      fs->server = soup_server_new ("tls-certificate", certificate, NULL);
    }
  else
    fs->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fs->server, NULL, handler, fs, NULL);
  soup_server_listen_local (fs->server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY | (fs->tls ? SOUP_SERVER_LISTEN_HTTPS : 0),
                            &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fs->server);
  fs->base_url = g_strdup_printf ("%s://127.0.0.1:%d/fhir", fs->tls ? "https" : "http",
                                  g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_mutex_lock (&fs->lock);
  fs->ready = TRUE;
  g_cond_signal (&fs->cond);
  g_mutex_unlock (&fs->lock);

  g_main_loop_run (fs->loop);

  soup_server_disconnect (fs->server);
  g_clear_object (&fs->server);
  /* Let a paused (slow) answer's source go. */
  while (g_main_context_iteration (fs->context, FALSE))
    ;
  g_main_context_pop_thread_default (fs->context);
  return NULL;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uuid = NULL;
  FaultServer *fs = &fx->server;

  fx->tmpdir = g_dir_make_tmp ("jiayi-faults-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->tmpdir, "w.db", NULL);
  fx->store = jy_test_workstation_new (path);
  uuid = jy_test_add_resident (fx->store, "测试卯", "1966-06-06");

  g_mutex_init (&fs->lock);
  g_cond_init (&fs->cond);
  fs->tls = GPOINTER_TO_INT (user_data);
  fs->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fs->context = g_main_context_new ();
  fs->loop = g_main_loop_new (fs->context, FALSE);
  fs->thread = g_thread_new ("fault-server", server_thread, fs);
  g_mutex_lock (&fs->lock);
  while (!fs->ready)
    g_cond_wait (&fs->cond, &fs->lock);
  g_mutex_unlock (&fs->lock);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  FaultServer *fs = &fx->server;

  g_main_context_invoke (fs->context, quit_cb, fs->loop);
  g_thread_join (fs->thread);
  g_main_loop_unref (fs->loop);
  g_main_context_unref (fs->context);
  g_hash_table_unref (fs->stored);
  g_free (fs->base_url);
  g_mutex_clear (&fs->lock);
  g_cond_clear (&fs->cond);
  g_clear_object (&fx->store);
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
}

static JySyncSummary *
run_with_ca (Fixture     *fx,
             guint        timeout_s,
             guint        max_attempts,
             gboolean     respect_backoff,
             JySyncAuth  *auth,
             const char  *ca_file,
             GError     **error)
{
  JySyncOptions options = { 0 };
  g_autoptr(JySyncEngine) engine = NULL;

  options.client.base_url = fx->server.base_url;
  options.client.ca_file = ca_file;
  options.client.timeout_s = timeout_s;
  options.client.max_attempts = max_attempts;
  options.client.retry_base_ms = 10;
  options.auth = auth;
  options.respect_backoff = respect_backoff;
  options.push = TRUE;
  options.pull = TRUE;
  engine = jy_sync_engine_new (fx->store, &options);
  return jy_sync_engine_run (engine, NULL, error);
}

static JySyncSummary *
run (Fixture     *fx,
     guint        timeout_s,
     guint        max_attempts,
     gboolean     respect_backoff,
     JySyncAuth  *auth,
     GError     **error)
{
  return run_with_ca (fx, timeout_s, max_attempts, respect_backoff, auth, NULL, error);
}

static const char pending_sql[] = "SELECT count(*) FROM outbox WHERE state = 'pending'";
static const char done_sql[] = "SELECT count(*) FROM outbox WHERE state = 'done'";
static const char errors_sql[] =
  "SELECT count(*) FROM outbox WHERE last_error IS NOT NULL AND next_attempt_at IS NOT NULL";
static const char versions_sql[] = "SELECT count(*) FROM resident WHERE remote_version IS NOT NULL";

static void
test_500_then_success (Fixture       *fx,
                       gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  fx->server.fault = FAULT_500;
  fx->server.fault_times = 2;
  summary = run (fx, 10, 3, FALSE, NULL, &error);
  g_assert_no_error (error);
  /* The centre's Bundle: 500, 500, 201; then the residents' Bundle. */
  g_assert_cmpuint (fx->server.batch_posts, ==, 4);
  g_assert_cmpuint (summary->sent, ==, 2);
  g_assert_cmpint (jy_test_count (fx->store, pending_sql), ==, 0);
  g_assert_cmpint (jy_test_count (fx->store, versions_sql), ==, 1);
}

static void
test_500_stays_queued (Fixture       *fx,
                       gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) summary = NULL;
  g_autoptr(JySyncSummary) later = NULL;
  g_autoptr(GError) error = NULL;
  guint posts;

  fx->server.fault = FAULT_500;
  summary = run (fx, 10, 2, FALSE, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_SERVER);
  g_assert_cmpint (jy_test_count (fx->store, pending_sql), ==, 2);
  g_assert_cmpint (jy_test_count (fx->store, errors_sql), >=, 1);

  /* The run stopped at the centre's Bundle; the resident's, never tried,
   * is due on the next timer run, and fails the same way. */
  g_clear_error (&error);
  g_assert_null (run (fx, 10, 2, TRUE, NULL, &error));
  g_assert_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_SERVER);
  g_assert_cmpint (jy_test_count (fx->store, errors_sql), ==, 2);

  /* Now both wait for their back-off: nothing is sent. */
  posts = fx->server.batch_posts;
  g_clear_error (&error);
  later = run (fx, 10, 2, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fx->server.batch_posts, ==, posts);
  g_assert_cmpint (jy_test_count (fx->store, pending_sql), ==, 2);
}

static void
test_dropped_connection_retried (Fixture       *fx,
                                 gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  fx->server.fault = FAULT_DROP;
  fx->server.fault_times = 1;
  summary = run (fx, 10, 3, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->sent, ==, 2);
  g_assert_cmpint (jy_test_count (fx->store, done_sql), ==, 2);
}

static void
test_dropped_connection_always (Fixture       *fx,
                                gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  fx->server.fault = FAULT_DROP;
  summary = run (fx, 10, 2, FALSE, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_UNREACHABLE);
  g_assert_cmpint (jy_test_count (fx->store, pending_sql), ==, 2);
  g_assert_cmpint (jy_test_count (fx->store, versions_sql), ==, 0);
}

static void
test_slow_response_times_out (Fixture       *fx,
                              gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  fx->server.fault = FAULT_SLOW;
  summary = run (fx, 1, 1, FALSE, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_UNREACHABLE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2500 * 1000);
  g_assert_cmpint (jy_test_count (fx->store, pending_sql), ==, 2);
}

static void
test_malformed_json_recorded (Fixture       *fx,
                              gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  fx->server.fault = FAULT_MALFORMED;
  summary = run (fx, 10, 1, FALSE, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED);
  /* The error is recorded; the entries are not marked done or rejected. */
  g_assert_cmpint (jy_test_count (fx->store, pending_sql), ==, 2);
  g_assert_cmpint (jy_test_count (fx->store, versions_sql), ==, 0);
  reason = jy_test_text (fx->store, "SELECT last_error FROM sync_state WHERE scope = '*'");
  g_assert_nonnull (reason);
}

static void
test_412_own_version_is_sent (Fixture       *fx,
                              gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* The platform already has exactly what we send (a run killed before it
   * recorded the answer): a 412 then is no conflict. */
  fx->server.fault = FAULT_412_OWN;
  summary = run (fx, 10, 1, FALSE, NULL, &error);
  g_assert_no_error (error);
  if (summary->conflicts != 0)
    {
      g_autofree char *mine = jy_test_text (fx->store, "SELECT mine FROM sync_conflict");
      g_autofree char *theirs = jy_test_text (fx->store, "SELECT theirs FROM sync_conflict");

      g_test_message ("mine %s", mine);
      g_test_message ("theirs %s", theirs);
    }
  g_assert_cmpuint (summary->conflicts, ==, 0);
  g_assert_cmpuint (summary->sent, ==, 2);
  g_assert_cmpint (jy_test_count (fx->store, versions_sql), ==, 1);
  g_assert_cmpint (jy_test_count (fx->store, "SELECT count(*) FROM sync_conflict"), ==, 0);
}

static void
test_token_refreshed_on_401 (Fixture       *fx,
                             gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) summary = NULL;
  g_autoptr(JySyncAuth) auth = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token_url = g_strconcat (fx->server.base_url, "/../token", NULL);
  JySyncAuthConfig config = {
    .kind = JY_SYNC_AUTH_CLIENT_CREDENTIALS,
    .client_id = "jiayi-test",
    .client_secret = "not-a-real-secret",
    .use_keyring = FALSE,
  };

  g_free (token_url);
  token_url = g_strdup (fx->server.base_url);
  strcpy (strrchr (token_url, '/'), "/token");
  config.token_url = token_url;
  fx->server.require_token = TRUE;
  auth = jy_sync_auth_new (&config);
  summary = run (fx, 10, 1, FALSE, auth, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->sent, ==, 2);
  g_assert_cmpuint (fx->server.token_requests, ==, 2);
  g_assert_cmpuint (fx->server.auth_on_token_endpoint, ==, 0);
}

/* The platform stored a Bundle but the answer was lost: the next pull
 * brings our own records back. They are taken as the platform's version,
 * not shown as conflicts, and the queued entries then go with If-Match. */
static void
test_lost_answer_pulled_back (Fixture       *fx,
                              gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) first = NULL;
  g_autoptr(JySyncSummary) later = NULL;
  g_autoptr(JySyncSummary) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = jy_test_text (fx->store, "SELECT uuid FROM resident");
  g_autofree char *version = NULL;

  first = run (fx, 10, 1, FALSE, NULL, &error);
  g_assert_no_error (error);
  jy_test_edit_resident (fx->store, uuid, NULL, "13200000002");
  fx->server.fault = FAULT_500_AFTER_APPLYING;
  g_assert_null (run (fx, 10, 1, FALSE, NULL, &error));
  g_assert_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_SERVER);
  g_clear_error (&error);

  /* The timer run: the entries wait for their back-off, the pull runs. */
  fx->server.fault = FAULT_NONE;
  later = run (fx, 10, 1, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->conflicts, ==, 0);
  g_assert_cmpint (jy_test_count (fx->store, "SELECT count(*) FROM sync_conflict"), ==, 0);
  /* The version the platform gave the lost write (the third). */
  version = jy_test_text (fx->store, "SELECT remote_version FROM resident");
  g_assert_cmpstr (version, ==, "3");
  g_assert_cmpint (jy_test_count (fx->store, pending_sql), ==, 1);

  now = run (fx, 10, 1, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (fx->store, pending_sql), ==, 0);
}

/* Hostile search answers: a next link to another host (the token must
 * not follow it), entries that are not an array, a page of garbage. The
 * run fails with the reason; nothing is stored. */
static void
test_hostile_pages_refused (Fixture       *fx,
                            gconstpointer  user_data)
{
  static const char *const answers[] = {
    "{\"resourceType\":\"Bundle\",\"type\":\"searchset\","
    "\"link\":[{\"relation\":\"next\",\"url\":\"http://elsewhere.invalid/fhir/Patient?page=2\"}]}",
    "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":{\"resource\":1}}",
    "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\"}",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JySyncSummary) summary = NULL;

      fx->server.search_answer = answers[i];
      summary = run (fx, 10, 1, FALSE, NULL, &error);
      g_assert_null (summary);
      g_assert_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED);
      g_assert_cmpint (jy_test_count (fx->store, "SELECT count(*) FROM resident"), ==, 1);
    }
  /* The first page's records are still applied in order before the
   * refusal; the page with the bad link had none. */
  g_assert_cmpint (jy_test_count (fx->store, "SELECT count(*) FROM sync_state WHERE scope = 'Patient'"), ==, 0);
}

/* TLS is always verified: a certificate no system CA signed is refused
 * (nothing sent), unless the city's own CA file vouches for it. */
static void
test_tls_untrusted_refused (Fixture       *fx,
                            gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = run (fx, 10, 3, FALSE, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_CERTIFICATE);
  g_assert_cmpuint (fx->server.batch_posts, ==, 0);
  g_assert_cmpint (jy_test_count (fx->store, pending_sql), ==, 2);
}

static void
test_tls_city_ca_trusted (Fixture       *fx,
                          gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ca_file = g_test_build_filename (G_TEST_DIST, "tls", "ca.pem", NULL);

  summary = run_with_ca (fx, 10, 1, FALSE, NULL, ca_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->sent, ==, 2);
  g_assert_cmpint (jy_test_count (fx->store, pending_sql), ==, 0);
}

/* After a successful run, entries the platform took more than
 * JY_SYNC_OUTBOX_KEEP_DAYS ago leave the outbox; pending ones, recent ones
 * and the audit log stay. A failed run prunes nothing. */
static void
test_outbox_pruned_after_success (Fixture       *fx,
                                  gconstpointer  user_data)
{
  static const char old_sql[] = "SELECT count(*) FROM outbox WHERE created_at < '2021'";
  g_autoptr(JySyncSummary) first = NULL;
  g_autoptr(JySyncSummary) second = NULL;
  g_autoptr(JySyncSummary) failed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  gint64 audit_before;

  first = run (fx, 10, 1, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (fx->store, done_sql), ==, 2);
  jy_test_exec (fx->store, "UPDATE outbox SET created_at = ?1 WHERE state = 'done'",
                "2020-01-01T00:00:00.000000Z", NULL);
  audit_before = jy_test_count (fx->store, "SELECT count(*) FROM audit_log");

  /* A failed run keeps them. */
  uuid = jy_test_add_resident (fx->store, "测试巳", "1977-07-07");
  fx->server.fault = FAULT_DROP;
  failed = run (fx, 10, 1, FALSE, NULL, &error);
  g_assert_null (failed);
  g_clear_error (&error);
  g_assert_cmpint (jy_test_count (fx->store, old_sql), ==, 2);

  fx->server.fault = FAULT_NONE;
  second = run (fx, 10, 1, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->sent, ==, 1);
  g_assert_cmpint (jy_test_count (fx->store, old_sql), ==, 0);
  /* This run's entry is recent: kept, done. */
  g_assert_cmpint (jy_test_count (fx->store, done_sql), ==, 1);
  g_assert_cmpint (jy_test_count (fx->store, "SELECT count(*) FROM audit_log"), >=, audit_before + 1);
}

static gpointer
prune_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return jy_sync_outbox_prune (db, "2026-11-23T00:00:00.000000Z", 30, data, error) ? JY_STORE_DONE : NULL;
}

static void
test_prune_keeps_pending (Fixture       *fx,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 removed = -1;

  /* Old, never sent: kept. */
  jy_test_exec (fx->store, "UPDATE outbox SET created_at = ?1", "2020-01-01T00:00:00.000000Z", NULL);
  jy_store_write (fx->store, prune_func, &removed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (removed, ==, 0);
  g_assert_cmpint (jy_test_count (fx->store, pending_sql), ==, 2);
  /* Done 31 days before: removed; 29 days before: kept. */
  jy_test_exec (fx->store, "UPDATE outbox SET state = 'done', created_at = ?1 WHERE id = (SELECT min (id) FROM outbox)",
                "2026-10-23T00:00:00.000000Z", NULL);
  jy_test_exec (fx->store, "UPDATE outbox SET state = 'done', created_at = ?1 WHERE id = (SELECT max (id) FROM outbox)",
                "2026-10-25T00:00:00.000000Z", NULL);
  jy_store_write (fx->store, prune_func, &removed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (removed, ==, 1);
  g_assert_cmpint (jy_test_count (fx->store, done_sql), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sync/faults/500-then-success", test_500_then_success);
  ADD ("/sync/faults/500-stays-queued-with-backoff", test_500_stays_queued);
  ADD ("/sync/faults/dropped-connection-retried", test_dropped_connection_retried);
  ADD ("/sync/faults/dropped-connection-fails-run", test_dropped_connection_always);
  ADD ("/sync/faults/slow-response-times-out", test_slow_response_times_out);
  ADD ("/sync/faults/malformed-json-recorded-entry-untouched", test_malformed_json_recorded);
  ADD ("/sync/faults/412-of-own-version-is-sent", test_412_own_version_is_sent);
  ADD ("/sync/auth/token-refreshed-after-401", test_token_refreshed_on_401);
  ADD ("/sync/faults/lost-answer-pulled-back-no-conflict", test_lost_answer_pulled_back);
  ADD ("/sync/faults/hostile-search-pages-refused", test_hostile_pages_refused);
  ADD ("/sync/outbox/acknowledged entries pruned after a successful run", test_outbox_pruned_after_success);
  ADD ("/sync/outbox/pending entries never pruned", test_prune_keeps_pending);
#undef ADD
  g_test_add ("/sync/tls/untrusted-certificate-refused", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_tls_untrusted_refused, fixture_teardown);
  g_test_add ("/sync/tls/city-ca-file-trusted", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_tls_city_ca_trusted, fixture_teardown);

  return g_test_run ();
}
