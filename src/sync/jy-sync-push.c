/* jy-sync-push.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Push (sync.md "Push"): the pending outbox, coalesced per record (the
 * record's current state is sent once, whatever number of edits led to
 * it), in rank order (a centre before the residents that point at it),
 * as batch Bundles of PUTs: If-Match on records the platform has seen,
 * none on new ones. Each entry's outcome is recorded with the outbox
 * entries it covered, in one transaction per Bundle; only entries up to
 * the newest one read are touched, so an edit made meanwhile stays
 * pending for the next run.
 */

#include "config.h"

#include "jy-sync-push-private.h"

#include <signal.h>
#include <string.h>

#include "jy-clock.h"
#include "jy-sync-lane.h"

/* Back-off of entries the platform could not take: 30 s doubling to 1 h. */
#define DEFER_BASE_S 30
#define DEFER_MAX_S  3600

static void
outbox_ref_free (OutboxRef *ref)
{
  g_free (ref->entity);
  g_free (ref->row_uuid);
  g_free (ref);
}

static OutboxRef *
outbox_ref_copy (const OutboxRef *ref)
{
  OutboxRef *copy = g_new0 (OutboxRef, 1);

  copy->entity = g_strdup (ref->entity);
  copy->row_uuid = g_strdup (ref->row_uuid);
  copy->max_id = ref->max_id;
  return copy;
}

static void
push_item_free (PushItem *item)
{
  g_free (item->uuid);
  g_ptr_array_unref (item->refs);
  g_free (item->remote_version);
  g_free (item->remote_id);
  g_clear_pointer (&item->resource, json_node_unref);
  g_free (item->digest);
  g_free (item->version);
  g_free (item->assigned_id);
  g_free (item->reason);
  g_free (item->theirs);
  g_free (item->theirs_digest);
  g_free (item);
}

typedef struct
{
  gboolean   respect_backoff;
  GPtrArray *items;   /* out: PushItem, in rank then outbox order */
} ListJob;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const PushItem *x = *(PushItem **)a, *y = *(PushItem **)b;

  if (x->codec->rank != y->codec->rank)
    return x->codec->rank < y->codec->rank ? -1 : 1;
  return (x->first_id > y->first_id) - (x->first_id < y->first_id);
}

static gboolean
has_open_conflict (JyDb        *db,
                   const char  *entity,
                   const char  *uuid,
                   gboolean    *out,
                   GError     **error)
{
  static const char sql[] =
    "SELECT count(*) FROM sync_conflict WHERE entity = ?1 AND row_uuid = ?2 AND state = 'open'";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  if (jy_db_step (db, stmt, error) < 0)
    return FALSE;
  *out = sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Pending rows, grouped by the record that carries them. */
static gpointer
list_pending_func (JyDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  static const char sql[] =
    "SELECT entity, row_uuid, max (id), min (id), max (attempts) FROM outbox\n"
    "WHERE state = 'pending' AND (?1 = 0 OR next_attempt_at IS NULL OR next_attempt_at <= ?2)\n"
    "GROUP BY entity, row_uuid ORDER BY min (id)";
  ListJob *job = data;
  g_autoptr(GHashTable) by_record = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)outbox_ref_free);
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) attempts = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, job->respect_backoff);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      OutboxRef *ref = g_new0 (OutboxRef, 1);
      gint64 first = sqlite3_column_int64 (stmt, 3), tries = sqlite3_column_int64 (stmt, 4);

      ref->entity = jy_db_column_dup_text (stmt, 0);
      ref->row_uuid = jy_db_column_dup_text (stmt, 1);
      ref->max_id = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (rows, ref);
      g_array_append_val (firsts, first);
      g_array_append_val (attempts, tries);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  job->items = g_ptr_array_new_with_free_func ((GDestroyNotify)push_item_free);
  for (guint i = 0; i < rows->len; i++)
    {
      OutboxRef *ref = g_ptr_array_index (rows, i);
      gboolean is_child = FALSE, blocked = FALSE;
      const JyFhirCodec *codec = jy_fhir_codec_for_entity (ref->entity, &is_child);
      g_autofree char *uuid = NULL;
      char *key;
      PushItem *item;

      if (codec == NULL)
        continue;   /* a record type that does not sync (yet): stays pending */

      if (is_child)
        {
          sqlite3_stmt *parent = jy_db_prepare (db, codec->parent_sql, error);

          if (parent == NULL)
            return NULL;
          sqlite3_bind_text (parent, 1, ref->row_uuid, -1, SQLITE_TRANSIENT);
          if ((rc = jy_db_step (db, parent, error)) < 0)
            return NULL;
          if (rc == SQLITE_ROW)
            uuid = jy_db_column_dup_text (parent, 0);
          sqlite3_reset (parent);
          if (uuid == NULL)
            continue;
        }
      else
        uuid = g_strdup (ref->row_uuid);

      if (!has_open_conflict (db, codec->entity, uuid, &blocked, error))
        return NULL;
      if (blocked)
        continue;   /* waits for the user's choice in the conflict inbox */

      key = g_strconcat (codec->entity, ":", uuid, NULL);
      item = g_hash_table_lookup (by_record, key);
      if (item == NULL)
        {
          item = g_new0 (PushItem, 1);
          item->codec = codec;
          item->uuid = g_strdup (uuid);
          item->first_id = g_array_index (firsts, gint64, i);
          item->refs = g_ptr_array_new_with_free_func ((GDestroyNotify)outbox_ref_free);
          g_ptr_array_add (job->items, item);
          g_hash_table_insert (by_record, key, item);
        }
      else
        g_free (key);
      item->attempts = MAX (item->attempts, g_array_index (attempts, gint64, i));
      g_ptr_array_add (item->refs, outbox_ref_copy (ref));
    }
  g_ptr_array_sort (job->items, compare_items);
  return JY_STORE_DONE;
}

typedef struct
{
  GPtrArray *items;   /* PushItem, borrowed */
  guint      first;
  guint      n;
  const JyFhirOptions *options;
} ChunkJob;

static gpointer
load_chunk_func (JyDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  static const char remote_id_sql[] =
    "SELECT remote_id FROM sync_remote_id WHERE entity = ?1 AND row_uuid = ?2";
  ChunkJob *job = data;

  for (guint i = job->first; i < job->first + job->n; i++)
    {
      PushItem *item = g_ptr_array_index (job->items, i);
      g_autoptr(GError) local_error = NULL;
      gpointer record;
      sqlite3_stmt *stmt;
      int rc;

      g_clear_pointer (&item->remote_version, g_free);
      record = item->codec->load (db, item->uuid, &item->remote_version, &local_error);
      if (record == NULL)
        {
          if (!g_error_matches (local_error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          item->gone = TRUE;
          continue;
        }
      item->resource = item->codec->encode (record, job->options);
      item->codec->free_record (record);
      g_free (item->digest);
      item->digest = jy_fhir_content_digest (json_node_get_object (item->resource));

      if ((stmt = jy_db_prepare (db, remote_id_sql, error)) == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, item->codec->entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, item->uuid, -1, SQLITE_TRANSIENT);
      if ((rc = jy_db_step (db, stmt, error)) < 0)
        return NULL;
      if (rc == SQLITE_ROW)
        item->remote_id = jy_db_column_dup_text (stmt, 0);
      sqlite3_reset (stmt);
    }
  return JY_STORE_DONE;
}

typedef struct
{
  GPtrArray  *items;
  guint       first;
  guint       n;
  const char *deferred_reason;   /* set: the whole chunk failed */
} RecordJob;

static gboolean
update_refs (JyDb        *db,
             PushItem    *item,
             Outcome      outcome,
             const char  *reason,
             GError     **error)
{
  static const char done_sql[] =
    "UPDATE outbox SET state = 'done', last_error = NULL, attempts = attempts + 1\n"
    "WHERE entity = ?1 AND row_uuid = ?2 AND id <= ?3 AND state IN ('pending', 'rejected')";
  static const char rejected_sql[] =
    "UPDATE outbox SET state = 'rejected', last_error = ?4, attempts = attempts + 1\n"
    "WHERE entity = ?1 AND row_uuid = ?2 AND id <= ?3 AND state = 'pending'";
  static const char deferred_sql[] =
    "UPDATE outbox SET last_error = ?4, attempts = attempts + 1, next_attempt_at = ?5\n"
    "WHERE entity = ?1 AND row_uuid = ?2 AND id <= ?3 AND state = 'pending'";
  const char *sql = outcome == OUTCOME_DONE ? done_sql :
                    outcome == OUTCOME_REJECTED ? rejected_sql : deferred_sql;
  g_autofree char *next = NULL;

  if (outcome == OUTCOME_DEFERRED)
    {
      gint64 delay = DEFER_BASE_S << MIN (item->attempts, 7);

      delay = MIN (delay, DEFER_MAX_S);
      next = jy_sync_rfc3339_in (delay / 2 + g_random_int_range (0, (gint32)delay));
    }

  for (guint r = 0; r < item->refs->len; r++)
    {
      OutboxRef *ref = g_ptr_array_index (item->refs, r);
      sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, ref->entity, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, ref->row_uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, ref->max_id);
      if (outcome != OUTCOME_DONE)
        jy_db_bind_text_or_null (stmt, 4, reason);
      if (outcome == OUTCOME_DEFERRED)
        sqlite3_bind_text (stmt, 5, next, -1, SQLITE_TRANSIENT);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gpointer
record_chunk_func (JyDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  static const char remote_id_sql[] =
    "INSERT OR REPLACE INTO sync_remote_id (entity, row_uuid, remote_id) VALUES (?1, ?2, ?3)";
  RecordJob *job = data;

  for (guint i = job->first; i < job->first + job->n; i++)
    {
      PushItem *item = g_ptr_array_index (job->items, i);
      Outcome outcome = job->deferred_reason != NULL ? OUTCOME_DEFERRED : item->outcome;
      const char *reason = job->deferred_reason != NULL ? job->deferred_reason : item->reason;

      switch (outcome)
        {
        case OUTCOME_DONE:
          if (item->version != NULL &&
              !item->codec->set_version (db, item->uuid, item->version, error))
            return NULL;
          if (!jy_sync_sent_clear (db, item->codec->entity, item->uuid, error))
            return NULL;
          if (item->assigned_id != NULL)
            {
              sqlite3_stmt *stmt = jy_db_prepare (db, remote_id_sql, error);

              if (stmt == NULL)
                return NULL;
              sqlite3_bind_text (stmt, 1, item->codec->entity, -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 2, item->uuid, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (stmt, 3, item->assigned_id, -1, SQLITE_TRANSIENT);
              if (!jy_db_step_done (db, stmt, error))
                return NULL;
            }
          break;
        case OUTCOME_CONFLICT:
          {
            g_autofree char *mine = NULL;
            gboolean ours = FALSE;

            if (item->version != NULL && item->theirs_digest != NULL &&
                !jy_sync_sent_contains (db, item->codec->entity, item->uuid, item->theirs_digest,
                                        &ours, error))
              return NULL;
            if (ours)
              {
                item->outcome = OUTCOME_REBASED;
                if (!item->codec->set_version (db, item->uuid, item->version, error))
                  return NULL;
                continue;
              }
            mine = jy_fhir_to_string (item->resource);

            if (!jy_sync_conflict_record (db, item->codec->entity, item->uuid, "edit", mine,
                                          item->theirs, item->version, NULL, error))
              return NULL;
            continue;   /* entries stay pending, held by the open conflict */
          }
        case OUTCOME_REJECTED:
        case OUTCOME_DEFERRED:
        case OUTCOME_NONE:
        default:
          break;
        }
      if (!update_refs (db, item, outcome == OUTCOME_NONE ? OUTCOME_DEFERRED : outcome, reason, error))
        return NULL;
    }
  return JY_STORE_DONE;
}

static void
count_outcomes (JySyncRun *run,
                GPtrArray *items,
                guint      first,
                guint      n)
{
  for (guint i = first; i < first + n; i++)
    {
      PushItem *item = g_ptr_array_index (items, i);

      switch (item->outcome)
        {
        case OUTCOME_DONE:
          run->summary->sent += item->resource != NULL;
          break;
        case OUTCOME_REJECTED:
          run->summary->rejected++;
          g_ptr_array_add (run->summary->rejections,
                           jy_sync_rejection_new (item->codec->entity, item->uuid, item->reason));
          g_debug ("platform rejected %s %s", item->codec->entity, item->uuid);
          break;
        case OUTCOME_CONFLICT:
          run->summary->conflicts++;
          break;
        case OUTCOME_REBASED:
          run->rebased++;
          break;
        case OUTCOME_DEFERRED:
        case OUTCOME_NONE:
        default:
          run->summary->deferred++;
          break;
        }
    }
}

/* One Bundle on its way: prepared on the prepare lane (load, encode,
 * serialise), sent by the run's thread, its answer read and recorded on
 * the record lane while the next Bundle is already travelling, so that
 * SQLite and JSON work overlap with the platform's. */
typedef struct
{
  JySyncClient *client;   /* the record lane's own, for 412 follow-ups */
} RecordLane;

typedef struct
{
  JySyncRun  *run;
  RecordLane *lane;
  GPtrArray  *items;
  guint       first;
  guint       n;
  GBytes     *body;       /* NULL: nothing to send (rows gone) */
  GBytes     *answer;     /* the platform's 2xx answer, read on the lane */
  char       *deferred;   /* the whole Bundle failed: why */
} Chunk;

static void
chunk_free (Chunk *chunk)
{
  g_clear_pointer (&chunk->body, g_bytes_unref);
  g_clear_pointer (&chunk->answer, g_bytes_unref);
  g_free (chunk->deferred);
  g_free (chunk);
}

/* Written before the Bundle leaves, so that a run killed before it could
 * record the answer still knows what it may have put on the platform. */
static gpointer
log_sent_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  ChunkJob *job = data;

  for (guint i = job->first; i < job->first + job->n; i++)
    {
      PushItem *item = g_ptr_array_index (job->items, i);

      if (item->resource != NULL &&
          !jy_sync_sent_add (db, item->codec->entity, item->uuid, item->digest, error))
        return NULL;
    }
  return JY_STORE_DONE;
}

static gboolean
prepare_chunk (gpointer   data,
               GError   **error)
{
  Chunk *chunk = data;
  ChunkJob load = { chunk->items, chunk->first, chunk->n, jy_fhir_options_default () };
  g_autoptr(JsonNode) bundle = NULL;
  gboolean any = FALSE;
  char *text;

  if (jy_store_read (chunk->run->store, load_chunk_func, &load, chunk->run->cancellable, error) == NULL)
    return FALSE;
  for (guint i = chunk->first; i < chunk->first + chunk->n; i++)
    any |= ((PushItem *)g_ptr_array_index (chunk->items, i))->resource != NULL;
  if (!any)
    return TRUE;
  if (jy_store_write (chunk->run->store, log_sent_func, &load, chunk->run->cancellable, error) == NULL)
    return FALSE;
  bundle = jy_sync_push_build_bundle (chunk->run, chunk->items, chunk->first, chunk->n);
  text = jy_fhir_to_string (bundle);
  chunk->body = g_bytes_new_take (text, strlen (text));
  return TRUE;
}

/* On the record lane: reads the answer, counts, and records the outcomes
 * with the outbox entries they settle. FALSE (the run stops) when the
 * answer could not be read: the chunk's entries are then deferred. */
static gboolean
finish_chunk (gpointer   data,
              GError   **error)
{
  Chunk *chunk = data;
  JySyncRun *run = chunk->run;
  g_autoptr(GError) local_error = NULL;
  RecordJob record;

  if (chunk->deferred == NULL && chunk->answer != NULL)
    {
      gsize size;
      const char *bytes = g_bytes_get_data (chunk->answer, &size);
      g_autoptr(GError) parse_error = NULL;
      g_autoptr(JsonNode) response = jy_fhir_parse (bytes, size, JY_FHIR_MAX_BUNDLE_BYTES, &parse_error);

      if (response == NULL)
        g_set_error (&local_error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED,
                     "Batch response: %s", parse_error->message);
      else
        {
          /* A 412 needs the platform's copy: this thread's own client. */
          JySyncRun lane_run = *run;

          if (chunk->lane->client == NULL)
            chunk->lane->client = jy_sync_run_new_client (run, &local_error);
          lane_run.client = chunk->lane->client;
          if (lane_run.client != NULL)
            jy_sync_push_read_outcomes (&lane_run, chunk->items, chunk->first, chunk->n, response,
                                        &local_error);
        }
      if (local_error != NULL)
        {
          chunk->deferred = g_strdup (local_error->message);
          for (guint i = chunk->first; i < chunk->first + chunk->n; i++)
            ((PushItem *)g_ptr_array_index (chunk->items, i))->outcome = OUTCOME_DEFERRED;
        }
    }

  record = (RecordJob) { chunk->items, chunk->first, chunk->n, chunk->deferred };
  if (jy_store_write (run->store, record_chunk_func, &record, NULL, error) == NULL)
    return FALSE;
  /* After recording: a conflict may have turned out to be our own write. */
  count_outcomes (run, chunk->items, chunk->first, chunk->n);
  /* Encoded resources are not needed once recorded. */
  for (guint i = chunk->first; i < chunk->first + chunk->n; i++)
    g_clear_pointer (&((PushItem *)g_ptr_array_index (chunk->items, i))->resource, json_node_unref);
  jy_sync_run_progress (run);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The lane's client dies on the lane's thread, where it was made. */
static gboolean
drop_lane_client (gpointer   data,
                  GError   **error)
{
  RecordLane *lane = data;

  g_clear_object (&lane->client);
  return TRUE;
}

/* Sends a prepared chunk. FALSE when the Bundle as a whole failed at the
 * HTTP level (the chunk's entries are then all deferred). */
static gboolean
send_chunk (JySyncRun  *run,
            Chunk      *chunk,
            GError    **error)
{
  g_autoptr(GBytes) answer = NULL;
  guint status = 0;

  if (chunk->body == NULL)
    {
      /* Rows that no longer exist: nothing to send. */
      for (guint i = chunk->first; i < chunk->first + chunk->n; i++)
        ((PushItem *)g_ptr_array_index (chunk->items, i))->outcome = OUTCOME_DONE;
      return TRUE;
    }

  answer = jy_sync_client_send (run->client, "POST", "", NULL, chunk->body, "application/fhir+json",
                                &status, run->cancellable, error);
  if (answer == NULL)
    return FALSE;

  run->batches++;
  if (run->kill_after_batch > 0 && run->batches >= run->kill_after_batch)
    {
      /* The platform has applied this batch; we die before recording it. */
      raise (SIGKILL);
    }

  if (status == 401 || status == 403)
    g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_UNAUTHORIZED, "HTTP %u", status);
  else if (status >= 500)
    g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_SERVER, "Batch: HTTP %u", status);
  else if (status < 200 || status >= 300)
    g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_HTTP, "Batch: HTTP %u", status);
  else
    {
      chunk->answer = g_steal_pointer (&answer);
      return TRUE;
    }
  return FALSE;
}

static gboolean push_pass (JySyncRun  *run,
                           GError    **error);

/* A row rebased onto our own earlier write goes again at once (a few
 * passes at most: each pass only rebases rows it actually sent). */
gboolean
jy_sync_push (JySyncRun  *run,
              GError    **error)
{
  for (guint pass = 0; pass < 3; pass++)
    {
      run->rebased = 0;
      if (!push_pass (run, error))
        return FALSE;
      if (run->rebased == 0)
        break;
    }
  return TRUE;
}

static gboolean
push_pass (JySyncRun  *run,
           GError    **error)
{
  ListJob list = { run->options.respect_backoff, NULL };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func ((GDestroyNotify)chunk_free);
  g_autoptr(GError) send_error = NULL;
  RecordLane lane_state = { NULL };
  JySyncLane *prepare, *record;
  gboolean ok = TRUE;
  guint start = 0;

  if (jy_store_read (run->store, list_pending_func, &list, run->cancellable, error) == NULL)
    {
      g_clear_pointer (&list.items, g_ptr_array_unref);
      return FALSE;
    }
  items = g_steal_pointer (&list.items);

  /* One Bundle holds one rank only: what it points to went in an earlier one. */
  while (start < items->len)
    {
      PushItem *head = g_ptr_array_index (items, start);
      Chunk *chunk = g_new0 (Chunk, 1);

      chunk->run = run;
      chunk->lane = &lane_state;
      chunk->items = items;
      chunk->first = start;
      while (start + chunk->n < items->len && chunk->n < run->options.batch_size &&
             ((PushItem *)g_ptr_array_index (items, start + chunk->n))->codec->rank == head->codec->rank)
        chunk->n++;
      g_ptr_array_add (chunks, chunk);
      start += chunk->n;
    }
  if (chunks->len == 0)
    return TRUE;

  prepare = jy_sync_lane_new ("jiayi-sync-prepare");
  record = jy_sync_lane_new ("jiayi-sync-record");
  jy_sync_lane_push (prepare, prepare_chunk, g_ptr_array_index (chunks, 0), NULL);

  for (guint c = 0; c < chunks->len && ok; c++)
    {
      Chunk *chunk = g_ptr_array_index (chunks, c);
      Chunk *previous = c > 0 ? g_ptr_array_index (chunks, c - 1) : NULL;

      /* The chunk is ready; the next one is prepared while this one travels. */
      if (!jy_sync_lane_wait (prepare, error))
        {
          ok = FALSE;
          break;
        }
      if (c + 1 < chunks->len)
        jy_sync_lane_push (prepare, prepare_chunk, g_ptr_array_index (chunks, c + 1), NULL);

      /* A Bundle of a new rank waits until everything it may point to is
       * known to have landed. */
      if (previous != NULL && previous->items == chunk->items &&
          ((PushItem *)g_ptr_array_index (items, previous->first))->codec->rank !=
          ((PushItem *)g_ptr_array_index (items, chunk->first))->codec->rank &&
          !jy_sync_lane_wait (record, NULL))
        {
          ok = FALSE;
          break;
        }
      if (jy_sync_lane_failed (record))
        {
          ok = FALSE;
          break;
        }

      if (!send_chunk (run, chunk, &send_error))
        {
          /* Nothing is known about any entry: all wait for a later run with
           * the reason, and the run stops (the platform is not answering
           * well). A cancelled run records nothing. */
          ok = FALSE;
          if (!g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              chunk->deferred = g_strdup (send_error->message);
              for (guint i = chunk->first; i < chunk->first + chunk->n; i++)
                ((PushItem *)g_ptr_array_index (items, i))->outcome = OUTCOME_DEFERRED;
              jy_sync_lane_push (record, finish_chunk, chunk, NULL);
            }
          break;
        }
      jy_sync_lane_push (record, finish_chunk, chunk, NULL);
    }

  /* Whatever was sent is recorded before the run goes on or ends. An
   * answer that could not be read is the run's error, unless sending
   * itself failed (below) or preparing did (already in @error). */
  {
    g_autoptr(GError) lane_error = NULL;

    if (!jy_sync_lane_wait (record, &lane_error))
      {
        ok = FALSE;
        if (error != NULL && *error == NULL)
          g_propagate_error (error, g_steal_pointer (&lane_error));
      }
  }
  jy_sync_lane_push (record, drop_lane_client, &lane_state, NULL);
  jy_sync_lane_free (record);
  jy_sync_lane_wait (prepare, NULL);
  jy_sync_lane_free (prepare);

  if (send_error != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&send_error));
    }
  return ok;
}
