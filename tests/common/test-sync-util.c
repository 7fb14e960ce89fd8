/* test-sync-util.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-sync-util.h"

#include <string.h>

#include "jy-centre-store.h"
#include "jy-resident-store.h"
#include "jy-sync-client.h"
#include "jy-sync-conflict.h"

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
 * NULL when node or its modules are missing. */
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
    return NULL;
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
