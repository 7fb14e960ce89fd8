/* test-sync-util.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "test-sync-util.h"

#include <libsoup/soup.h>
#include <string.h>

#include "jy-centre-store.h"
#include "jy-resident-store.h"
#include "jy-sync-client.h"
#include "jy-fhir-codec.h"
#include "jy-fhir-resident.h"
#include "jy-sync-conflict.h"
#include "jy-sync-engine-private.h"
#include "jy-sync-merge.h"

JyStore *
jy_test_workstation_new (const char *path)
{
  g_autoptr(GError) error = NULL;
  JyCentreIdentity centre = { .name = (char *)"虚构社区卫生服务中心", .code = (char *)"350299001" };
  JyStore *store = jy_store_open (path, &error);

  g_assert_no_error (error);
  jy_store_write (store, jy_centre_store_save, &centre, NULL, &error);
  g_assert_no_error (error);
  return store;
}

typedef struct
{
  JyResident *resident;
  const char *uuid;
  const char *name;
  const char *phone;
  const char *tag;
  const char *start_date;
} Job;

static gpointer
insert_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  return jy_resident_store_insert (db, job->resident, &today, error) ? JY_STORE_DONE : NULL;
}

char *
jy_test_add_resident (JyStore    *store,
                      const char *name,
                      const char *birth_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) resident = jy_resident_new ();
  Job job = { resident };

  resident->name = g_strdup (name);
  resident->sex = g_strdup ("1");
  resident->birth_date = g_strdup (birth_date);
  resident->phone = g_strdup ("13800000000");
  jy_store_write (store, insert_func, &job, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (resident->uuid);
}

static gpointer
edit_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  static const char sql[] = "SELECT id FROM resident WHERE uuid = ?1";
  Job *job = data;
  g_autoptr(JyResident) resident = NULL;
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  GDate today;
  gint64 id;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, job->uuid, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (jy_db_step (db, stmt, error), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if ((resident = jy_resident_store_load (db, id, error)) == NULL)
    return NULL;
  if (job->name != NULL)
    {
      g_free (resident->name);
      resident->name = g_strdup (job->name);
    }
  if (job->phone != NULL)
    {
      g_free (resident->phone);
      resident->phone = g_strdup (job->phone);
    }
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  return jy_resident_store_update (db, resident, &today, error) ? JY_STORE_DONE : NULL;
}

void
jy_test_edit_resident (JyStore    *store,
                       const char *uuid,
                       const char *name,
                       const char *phone)
{
  g_autoptr(GError) error = NULL;
  Job job = { NULL, uuid, name, phone };

  jy_store_write (store, edit_func, &job, NULL, &error);
  g_assert_no_error (error);
}

static gpointer
tag_func (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  static const char sql[] = "SELECT id FROM resident WHERE uuid = ?1";
  Job *job = data;
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  gint64 id;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, job->uuid, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (jy_db_step (db, stmt, error), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return jy_resident_store_add_tag (db, id, job->tag, job->start_date, NULL, "测试", error) ?
         JY_STORE_DONE : NULL;
}

void
jy_test_add_tag (JyStore    *store,
                 const char *resident_uuid,
                 const char *tag,
                 const char *start_date)
{
  g_autoptr(GError) error = NULL;
  Job job = { NULL, resident_uuid, NULL, NULL, tag, start_date };

  jy_store_write (store, tag_func, &job, NULL, &error);
  g_assert_no_error (error);
}

JySyncSummary *
jy_test_sync (JyStore     *store,
              const char  *base_url,
              guint        batch_size,
              GError     **error)
{
  JySyncOptions options = { 0 };
  g_autoptr(JySyncEngine) engine = NULL;

  options.client.base_url = base_url;
  options.client.timeout_s = 20;
  options.client.retry_base_ms = 20;
  options.batch_size = batch_size;
  options.push = TRUE;
  options.pull = TRUE;
  engine = jy_sync_engine_new (store, &options);
  return jy_sync_engine_run (engine, NULL, error);
}

typedef struct
{
  const char *sql;
  gint64      number;
  char       *text;
} Query;

static gpointer
count_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Query *query = data;
  sqlite3_stmt *stmt = jy_db_prepare (db, query->sql, error);

  if (stmt == NULL)
    return NULL;
  if (jy_db_step (db, stmt, error) == SQLITE_ROW)
    {
      query->number = sqlite3_column_int64 (stmt, 0);
      query->text = jy_db_column_dup_text (stmt, 0);
    }
  sqlite3_reset (stmt);
  return JY_STORE_DONE;
}

/* @sql must be a literal: statements are cached by address. */
gint64
jy_test_count (JyStore    *store,
               const char *sql)
{
  g_autoptr(GError) error = NULL;
  Query query = { sql };

  jy_store_read (store, count_func, &query, NULL, &error);
  g_assert_no_error (error);
  g_free (query.text);
  return query.number;
}

char *
jy_test_text (JyStore    *store,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  Query query = { sql };

  jy_store_read (store, count_func, &query, NULL, &error);
  g_assert_no_error (error);
  return query.text;
}

typedef struct
{
  const char *sql;
  const char *args[2];
} Exec;

static gpointer
exec_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Exec *exec = data;
  sqlite3_stmt *stmt = jy_db_prepare (db, exec->sql, error);

  if (stmt == NULL)
    return NULL;
  for (int i = 0; i < 2; i++)
    jy_db_bind_text_or_null (stmt, i + 1, exec->args[i]);
  return jy_db_step_done (db, stmt, error) ? JY_STORE_DONE : NULL;
}

void
jy_test_exec (JyStore    *store,
              const char *sql,
              const char *arg1,
              const char *arg2)
{
  g_autoptr(GError) error = NULL;
  Exec exec = { sql, { arg1, arg2 } };

  jy_store_write (store, exec_func, &exec, NULL, &error);
  g_assert_no_error (error);
}

typedef struct
{
  gint64 id;
  int    resolution;
} Resolve;

static gpointer
resolve_func (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Resolve *resolve = data;

  return jy_sync_conflict_resolve (db, resolve->id, resolve->resolution, NULL, error) ?
         JY_STORE_DONE : NULL;
}

void
jy_test_resolve (JyStore *store,
                 gint64   conflict_id,
                 int      resolution)
{
  g_autoptr(GError) error = NULL;
  Resolve resolve = { conflict_id, resolution };

  jy_store_write (store, resolve_func, &resolve, NULL, &error);
  g_assert_no_error (error);
}

/* The test FHIR server (tests/integration/fhir-server.mjs) on a free port;
 * NULL when node or its modules are missing. Where the server is required
 * ($JIAYI_REQUIRE_FHIR_SERVER, set by build-aux/dev test) its absence is a
 * broken set-up, not a reason to skip: the test program bails out. */
GSubprocess *
jy_test_start_fhir_server (const char  *update_create,
                           char       **url)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "fhir-server.mjs", NULL);
  g_autofree char *modules = g_test_build_filename (G_TEST_DIST, "node_modules", "@medplum", "fhir-router", NULL);
  g_autofree char *node = g_find_program_in_path ("node");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  GSubprocess *server;

  if (node == NULL || !g_file_test (modules, G_FILE_TEST_IS_DIR))
    {
      if (g_getenv ("JIAYI_REQUIRE_FHIR_SERVER") != NULL)
        {
          g_print ("Bail out! the FHIR server did not start (node, tests/integration/node_modules)\n");
          exit (1);
        }
      return NULL;
    }
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             node, script, "--port", "0", "--update-create", update_create, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  /* Blocks until the server listens (it loads the R4 definitions first). */
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening "));
  *url = g_strdup_printf ("http://127.0.0.1:%s", line + strlen ("listening "));
  return server;
}

gint64
jy_test_server_count (const char *base_url,
                      const char *query)
{
  JySyncClientConfig config = { .base_url = base_url };
  g_autoptr(JySyncClient) client = jy_sync_client_new (&config, NULL);
  g_autofree char *path = g_strdup_printf ("%s&_summary=count", query);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) bundle = jy_sync_client_get_json (client, path, 64 << 20, NULL, &error);

  g_assert_no_error (error);
  return json_object_get_int_member (json_node_get_object (bundle), "total");
}

void
jy_test_resolve_merged (JyStore    *store,
                        gint64      conflict_id,
                        const char *merged)
{
  g_autoptr(GError) error = NULL;
  JySyncResolveJob job = { conflict_id, JY_SYNC_KEEP_MERGED, (char *)merged };

  jy_store_write (store, jy_sync_resolve_job_run, &job, NULL, &error);
  g_assert_no_error (error);
}

static gpointer
local_fhir_func (JyDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  gpointer record = jy_fhir_codec_resident.load (db, data, NULL, error);
  g_autoptr(JsonNode) node = NULL;

  if (record == NULL)
    return NULL;
  node = jy_fhir_codec_resident.encode (record, jy_fhir_options_default ());
  jy_fhir_codec_resident.free_record (record);
  return jy_fhir_to_string (node);
}

char *
jy_test_local_fhir (JyStore    *store,
                    const char *uuid)
{
  g_autoptr(GError) error = NULL;
  char *json = jy_store_read (store, local_fhir_func, (gpointer)uuid, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

typedef struct
{
  const char *uuid, *kind, *mine, *theirs, *version, *reason;
} AddConflict;

static gpointer
add_conflict_func (JyDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  AddConflict *c = data;

  return jy_sync_conflict_record (db, "resident", c->uuid, c->kind, c->mine, c->theirs, c->version,
                                  c->reason, error) ? JY_STORE_DONE : NULL;
}

void
jy_test_add_conflict (JyStore    *store,
                      const char *uuid,
                      const char *kind,
                      const char *mine,
                      const char *theirs,
                      const char *theirs_version,
                      const char *reason)
{
  g_autoptr(GError) error = NULL;
  AddConflict c = { uuid, kind, mine, theirs, theirs_version, reason };

  jy_store_write (store, add_conflict_func, &c, NULL, &error);
  g_assert_no_error (error);
}

static void
tls_handler (SoupServer        *soup,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  JyTestTlsServer *server = user_data;
  static const char metadata[] =
    "{\"resourceType\":\"CapabilityStatement\",\"status\":\"active\",\"fhirVersion\":\"4.0.1\","
    "\"software\":{\"name\":\"Test FHIR\",\"version\":\"1.0\"},\"format\":[\"json\"]}";
  static const char token[] = "{\"access_token\":\"tok-123\",\"token_type\":\"bearer\",\"expires_in\":3600}";

  if (g_str_equal (path, "/fhir/metadata"))
    {
      g_free (server->last_authorization);
      server->last_authorization =
        g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization"));
      server->metadata_requests++;
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/fhir+json", SOUP_MEMORY_STATIC, metadata, strlen (metadata));
    }
  else if (g_str_equal (path, "/token"))
    {
      SoupMessageBody *body = soup_server_message_get_request_body (msg);

      g_free (server->last_token_form);
      server->last_token_form = g_strndup (body->data, body->length);
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, token, strlen (token));
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

JyTestTlsServer *
jy_test_tls_server_new (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key_file = g_build_filename (dir, "server-key.pem", NULL);
  g_autofree char *cert_file = g_build_filename (dir, "server.pem", NULL);
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                         "-nodes", "-keyout", key_file, "-out", cert_file, "-days", "2",
                         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", NULL };
  g_autoptr(GTlsCertificate) certificate = NULL;
  JyTestTlsServer *server = g_new0 (JyTestTlsServer, 1);
  GSList *uris;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  certificate = g_tls_certificate_new_from_files (cert_file, key_file, &error);
  g_assert_no_error (error);

  server->server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server->server, NULL, tls_handler, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->server);
  server->base_url = g_strdup_printf ("https://127.0.0.1:%d/fhir", g_uri_get_port (uris->data));
  server->token_url = g_strdup_printf ("https://127.0.0.1:%d/token", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  server->ca_file = g_steal_pointer (&cert_file);
  return server;
}

void
jy_test_tls_server_free (JyTestTlsServer *server)
{
  soup_server_disconnect (server->server);
  g_object_unref (server->server);
  g_free (server->base_url);
  g_free (server->token_url);
  g_free (server->ca_file);
  g_free (server->last_authorization);
  g_free (server->last_token_form);
  g_free (server);
}

typedef struct
{
  const JyFhirCodec *codec;
  const char        *uuid;
} EncodeJob;

static gpointer
encode_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  EncodeJob *job = data;
  gpointer record = job->codec->load (db, job->uuid, NULL, error);
  JsonNode *node;

  if (record == NULL)
    return NULL;
  node = job->codec->encode (record, jy_fhir_options_default ());
  job->codec->free_record (record);
  return node;
}

void
jy_test_assert_same_record (JyStore           *a,
                            JyStore           *b,
                            const JyFhirCodec *codec,
                            const char        *uuid)
{
  g_autoptr(GError) error = NULL;
  EncodeJob job = { codec, uuid };
  g_autoptr(JsonNode) on_a = jy_store_read (a, encode_func, &job, NULL, &error);
  g_autoptr(JsonNode) on_b = NULL;

  g_assert_no_error (error);
  on_b = jy_store_read (b, encode_func, &job, NULL, &error);
  g_assert_no_error (error);
  if (!jy_fhir_same_content (json_node_get_object (on_a), json_node_get_object (on_b)))
    {
      g_autofree char *text_a = jy_fhir_to_string (on_a);
      g_autofree char *text_b = jy_fhir_to_string (on_b);

      g_error ("%s %s differs:\nA %s\nB %s", codec->entity, uuid, text_a, text_b);
    }
}
