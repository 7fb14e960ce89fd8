/* jy-sync-engine.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-engine-private.h"
#include "jy-sync-outbox.h"

#include <string.h>

#include "jy-clock.h"

struct _JySyncEngine
{
  GObject        parent_instance;

  JyStore       *store;
  JySyncOptions  options;
  char          *base_url;
  char          *ca_file;

  /* Set while run_async runs: where "progress" is emitted. */
  GMainContext  *progress_context;
  GMutex         progress_lock;
  guint          progress_sent;
  guint          progress_received;
  gboolean       progress_queued;
};

G_DEFINE_FINAL_TYPE (JySyncEngine, jy_sync_engine, G_TYPE_OBJECT)

enum { PROGRESS, N_SIGNALS };
static guint signals[N_SIGNALS];

JySyncRejection *
jy_sync_rejection_new (const char *entity,
                       const char *row_uuid,
                       const char *reason)
{
  JySyncRejection *rejection = g_new0 (JySyncRejection, 1);

  rejection->entity = g_strdup (entity);
  rejection->row_uuid = g_strdup (row_uuid);
  rejection->reason = g_strdup (reason);
  return rejection;
}

void
jy_sync_rejection_free (JySyncRejection *rejection)
{
  if (rejection == NULL)
    return;
  g_free (rejection->entity);
  g_free (rejection->row_uuid);
  g_free (rejection->reason);
  g_free (rejection->label);
  g_free (rejection);
}

void
jy_sync_summary_free (JySyncSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->rejections, g_ptr_array_unref);
  g_free (summary->server);
  g_free (summary);
}

char *
jy_sync_rfc3339_in (gint64 seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, (double)seconds);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static void
jy_sync_engine_finalize (GObject *object)
{
  JySyncEngine *self = (JySyncEngine *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->options.auth);
  g_free (self->base_url);
  g_free (self->ca_file);
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  g_mutex_clear (&self->progress_lock);

  G_OBJECT_CLASS (jy_sync_engine_parent_class)->finalize (object);
}

static void
jy_sync_engine_class_init (JySyncEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jy_sync_engine_finalize;

  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
jy_sync_engine_init (JySyncEngine *self)
{
  g_mutex_init (&self->progress_lock);
}

JySyncEngine *
jy_sync_engine_new (JyStore             *store,
                    const JySyncOptions *options)
{
  JySyncEngine *self;

  g_return_val_if_fail (JY_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (JY_TYPE_SYNC_ENGINE, NULL);
  self->store = g_object_ref (store);
  self->options = *options;
  self->base_url = g_strdup (options->client.base_url);
  self->ca_file = g_strdup (options->client.ca_file);
  self->options.client.base_url = self->base_url;
  self->options.client.ca_file = self->ca_file;
  if (options->auth != NULL)
    self->options.auth = g_object_ref (options->auth);
  if (self->options.batch_size == 0)
    self->options.batch_size = 500;
  if (self->options.page_size == 0)
    self->options.page_size = 500;
  return self;
}

static gboolean
emit_progress_cb (gpointer user_data)
{
  JySyncEngine *self = user_data;
  guint sent, received;

  g_mutex_lock (&self->progress_lock);
  sent = self->progress_sent;
  received = self->progress_received;
  self->progress_queued = FALSE;
  g_mutex_unlock (&self->progress_lock);

  g_signal_emit (self, signals[PROGRESS], 0, sent, received);
  return G_SOURCE_REMOVE;
}

void
jy_sync_run_progress (JySyncRun *run)
{
  JySyncEngine *self = run->engine;
  gboolean queue;

  g_mutex_lock (&self->progress_lock);
  self->progress_sent = run->summary->sent;
  self->progress_received = run->summary->received;
  queue = self->progress_context != NULL && !self->progress_queued;
  self->progress_queued |= queue;
  g_mutex_unlock (&self->progress_lock);

  if (queue)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_callback (source, emit_progress_cb, g_object_ref (self), g_object_unref);
      g_source_attach (source, self->progress_context);
      g_source_unref (source);
    }
}

static char *
token_cb (gpointer       user_data,
          gboolean       refresh,
          GCancellable  *cancellable,
          GError       **error)
{
  return jy_sync_auth_dup_token (user_data, refresh, cancellable, error);
}

JySyncClient *
jy_sync_run_new_client (JySyncRun  *run,
                        GError    **error)
{
  JySyncClient *client = jy_sync_client_new (&run->options.client, error);

  if (client != NULL && run->options.auth != NULL)
    jy_sync_client_set_token_func (client, token_cb, g_object_ref (run->options.auth), g_object_unref);
  return client;
}

/* GET /metadata: what the server is and whether it can do what we need. */
static gboolean
read_capabilities (JySyncRun  *run,
                   GError    **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *statement, *software = NULL;
  JsonArray *rests = NULL;
  const char *type = NULL, *version = NULL, *name = NULL;

  root = jy_sync_client_get_json (run->client, "metadata", 8 << 20, run->cancellable, error);
  if (root == NULL)
    return FALSE;
  statement = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (statement == NULL ||
      !jy_fhir_read_string (statement, "resourceType", &type, NULL) ||
      g_strcmp0 (type, "CapabilityStatement") != 0)
    {
      g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED,
                           "/metadata is not a CapabilityStatement");
      return FALSE;
    }
  jy_fhir_read_string (statement, "fhirVersion", &version, NULL);
  if (version != NULL && !g_str_has_prefix (version, "4.0"))
    {
      g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_UNSUPPORTED,
                   "Server speaks FHIR %s, not R4", version);
      return FALSE;
    }
  if (jy_fhir_read_object (statement, "software", &software, NULL) && software != NULL)
    jy_fhir_read_string (software, "name", &name, NULL);
  run->summary->server = g_strdup (name);

  if (jy_fhir_read_array (statement, "rest", &rests, NULL) && rests != NULL)
    for (guint i = 0; i < json_array_get_length (rests); i++)
      {
        JsonObject *rest = jy_fhir_array_object (rests, i, "rest", NULL);
        JsonArray *resources = NULL;

        if (rest == NULL || !jy_fhir_read_array (rest, "resource", &resources, NULL) || resources == NULL)
          continue;
        for (guint k = 0; k < json_array_get_length (resources); k++)
          {
            JsonObject *resource = jy_fhir_array_object (resources, k, "resource", NULL);
            JsonNode *update_create;
            const char *resource_type = NULL;

            if (resource == NULL || !jy_fhir_read_string (resource, "type", &resource_type, NULL) ||
                resource_type == NULL)
              continue;
            update_create = json_object_get_member (resource, "updateCreate");
            if (update_create != NULL && JSON_NODE_HOLDS_VALUE (update_create) &&
                json_node_get_value_type (update_create) == G_TYPE_BOOLEAN &&
                !json_node_get_boolean (update_create))
              g_hash_table_add (run->no_update_create, g_strdup (resource_type));
          }
      }
  return TRUE;
}

typedef struct
{
  const char *server;
  const char *error_text;
  gboolean    success;
  guint       outbox_keep_days;
} StateUpdate;

/* The run's row in sync_state: on a new server the cursors start over. */
static gpointer
begin_run_func (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  static const char server_sql[] = "SELECT server FROM sync_state WHERE scope = '*'";
  static const char reset_sql[] = "DELETE FROM sync_state WHERE scope <> '*'";
  static const char upsert_sql[] =
    "INSERT INTO sync_state (scope, server) VALUES ('*', ?1)\n"
    "ON CONFLICT (scope) DO UPDATE SET server = ?1";
  const char *server = data;
  g_autofree char *previous = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, server_sql, error)) == NULL ||
      (rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    previous = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  if (g_strcmp0 (previous, server) != 0)
    {
      if (previous != NULL)
        g_debug ("platform URL changed: pulling everything again");
      if (!jy_db_exec (db, reset_sql, error))
        return NULL;
    }
  if ((stmt = jy_db_prepare (db, upsert_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, server, -1, SQLITE_TRANSIENT);
  return jy_db_step_done (db, stmt, error) ? JY_STORE_DONE : NULL;
}

static gpointer
end_run_func (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  static const char success_sql[] =
    "UPDATE sync_state SET last_success_at = ?1, last_error = NULL WHERE scope = '*'";
  static const char failure_sql[] = "UPDATE sync_state SET last_error = ?1 WHERE scope = '*'";
  StateUpdate *update = data;
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt = jy_db_prepare (db, update->success ? success_sql : failure_sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, update->success ? now : update->error_text, -1, SQLITE_TRANSIENT);
  if (!jy_db_step_done (db, stmt, error))
    return NULL;
  /* Record types that stay here (the drug catalogue) are not waiting
   * for anything: settled whatever the run's outcome. */
  if (!jy_sync_outbox_settle_local (db, jy_fhir_local_entities (), NULL, error))
    return NULL;
  /* After a success, what the platform took long ago leaves the outbox. */
  if (update->success &&
      !jy_sync_outbox_prune (db, now, update->outbox_keep_days, NULL, error))
    return NULL;
  return JY_STORE_DONE;
}

JySyncSummary *
jy_sync_engine_run (JySyncEngine  *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(JySyncSummary) summary = g_new0 (JySyncSummary, 1);
  g_autoptr(JySyncClient) client = NULL;
  g_autoptr(GHashTable) no_update_create = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  gint64 start = g_get_monotonic_time ();
  JySyncRun run = { 0 };
  StateUpdate update = { 0 };
  const char *kill_after = g_getenv ("JIAYI_SYNC_TEST_KILL_AFTER_BATCH");
  gboolean ok;

  g_return_val_if_fail (JY_IS_SYNC_ENGINE (self), NULL);
  JY_ASSERT_NOT_UI_THREAD ();

  summary->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_sync_rejection_free);

  run.engine = self;
  run.options = self->options;
  /* The client lives and dies on this thread (its SoupSession with it). */
  if ((client = jy_sync_run_new_client (&run, error)) == NULL)
    return NULL;

  run.store = self->store;
  run.client = client;
  run.summary = summary;
  run.cancellable = cancellable;
  run.no_update_create = no_update_create;
  run.kill_after_batch = kill_after != NULL ? (guint)g_ascii_strtoull (kill_after, NULL, 10) : 0;

  ok = read_capabilities (&run, &local_error) &&
       jy_store_write (self->store, begin_run_func, (gpointer)jy_sync_client_get_base_url (client),
                       cancellable, &local_error) != NULL &&
       (!self->options.push || jy_sync_push (&run, &local_error));
  if (ok && self->options.pull)
    {
      run.rebased = 0;
      ok = jy_sync_pull (&run, &local_error);
      /* The pull found our own lost writes under newer local changes:
       * those changes can go now rather than at the next run. */
      if (ok && run.rebased > 0 && self->options.push)
        ok = jy_sync_push (&run, &local_error);
    }

  summary->seconds = (g_get_monotonic_time () - start) / 1e6;
  update.success = ok;
  update.outbox_keep_days = self->options.outbox_keep_days > 0 ? self->options.outbox_keep_days
                                                               : JY_SYNC_OUTBOX_KEEP_DAYS;
  update.error_text = local_error != NULL ? local_error->message : NULL;
  /* A failure is noted even if the run was cancelled; never its cause's
   * URL or body (error messages here hold neither). */
  if (jy_store_write (self->store, end_run_func, &update, NULL, ok ? &local_error : NULL) == NULL && ok)
    ok = FALSE;

  g_debug ("sync run: %u sent, %u received, %u rejected, %u conflicts, %u deferred in %.2f s",
           summary->sent, summary->received, summary->rejected, summary->conflicts,
           summary->deferred, summary->seconds);
  jy_sync_run_progress (&run);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&summary);
}

static void
run_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  JySyncSummary *summary = jy_sync_engine_run (source_object, cancellable, &error);

  if (summary == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, summary, (GDestroyNotify)jy_sync_summary_free);
}

void
jy_sync_engine_run_async (JySyncEngine        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (JY_IS_SYNC_ENGINE (self));

  g_mutex_lock (&self->progress_lock);
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  self->progress_context = g_main_context_ref_thread_default ();
  g_mutex_unlock (&self->progress_lock);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jy_sync_engine_run_async);
  g_task_run_in_thread (task, run_worker);
}

JySyncSummary *
jy_sync_engine_run_finish (JySyncEngine  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
