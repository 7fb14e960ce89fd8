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

#include "jy-sync-engine-private.h"

#include <signal.h>
#include <string.h>

#include "jy-clock.h"
#include "jy-sync-lane.h"

/* Back-off of entries the platform could not take: 30 s doubling to 1 h. */
#define DEFER_BASE_S 30
#define DEFER_MAX_S  3600

typedef struct
{
  char   *entity;
  char   *row_uuid;
  gint64  max_id;
} OutboxRef;

typedef enum
{
  OUTCOME_NONE,
  OUTCOME_DONE,
  OUTCOME_REJECTED,
  OUTCOME_DEFERRED,
  OUTCOME_CONFLICT,
} Outcome;

typedef struct
{
  const JyFhirCodec *codec;
  char              *uuid;
  gint64             first_id;
  gint64             attempts;
  GPtrArray         *refs;           /* OutboxRef */
  /* Filled by the load job. */
  char              *remote_version;
  char              *remote_id;
  JsonNode          *resource;
  gboolean           gone;
  /* Filled from the response. */
  Outcome            outcome;
  char              *version;
  char              *assigned_id;
  char              *reason;
  char              *theirs;
} PushItem;

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
  g_free (item->version);
  g_free (item->assigned_id);
  g_free (item->reason);
  g_free (item->theirs);
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

/* The encoded resource is sealed: a shallow copy with another id. */
static JsonNode *
with_id (JsonNode   *resource,
         const char *id)
{
  JsonObject *source = json_node_get_object (resource);
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (source);
  JsonNode *node = json_node_alloc ();

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "id"))
      json_object_set_member (copy, l->data, json_node_ref (json_object_get_member (source, l->data)));
  if (id != NULL)
    json_object_set_string_member (copy, "id", id);
  json_node_init_object (node, copy);
  json_object_unref (copy);
  return node;
}

static JsonNode *
build_bundle (JySyncRun *run,
              GPtrArray *items,
              guint      first,
              guint      n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "resourceType");
  json_builder_add_string_value (builder, "Bundle");
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "batch");
  json_builder_set_member_name (builder, "entry");
  json_builder_begin_array (builder);
  for (guint i = first; i < first + n; i++)
    {
      PushItem *item = g_ptr_array_index (items, i);
      const char *type = item->codec->resource_type;
      gboolean post = item->remote_id == NULL && item->remote_version == NULL &&
                      g_hash_table_contains (run->no_update_create, type);
      g_autofree char *url = NULL;
      g_autofree char *full_url = g_strconcat ("urn:uuid:", item->uuid, NULL);

      if (item->resource == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "fullUrl");
      json_builder_add_string_value (builder, full_url);
      json_builder_set_member_name (builder, "resource");
      if (item->remote_id != NULL || post)
        {
          /* The platform's own id for this row, or none yet. */
          json_builder_add_value (builder, with_id (item->resource, post ? NULL : item->remote_id));
        }
      else
        json_builder_add_value (builder, json_node_ref (item->resource));

      json_builder_set_member_name (builder, "request");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, post ? "POST" : "PUT");
      if (post)
        {
          g_autofree char *condition = g_strdup_printf ("identifier=urn:jiayi:%s|%s",
                                                        item->codec->entity, item->uuid);

          url = g_strdup (type);
          json_builder_set_member_name (builder, "ifNoneExist");
          json_builder_add_string_value (builder, condition);
        }
      else
        url = g_strdup_printf ("%s/%s", type, item->remote_id != NULL ? item->remote_id : item->uuid);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, url);
      if (item->remote_version != NULL)
        {
          g_autofree char *etag = g_strdup_printf ("W/\"%s\"", item->remote_version);

          json_builder_set_member_name (builder, "ifMatch");
          json_builder_add_string_value (builder, etag);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static guint
parse_status (const char *text)
{
  guint64 value = 0;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return 0;
  value = g_ascii_strtoull (text, NULL, 10);
  return value >= 100 && value < 600 ? (guint)value : 0;
}

static char *
version_from_etag (const char *etag)
{
  const char *start, *end;

  if (etag == NULL)
    return NULL;
  if (g_str_has_prefix (etag, "W/"))
    etag += 2;
  start = strchr (etag, '"');
  end = start != NULL ? strchr (start + 1, '"') : NULL;
  if (start == NULL || end == NULL || end - start > 65)
    return NULL;
  return g_strndup (start + 1, end - start - 1);
}

/* Someone else's version is on the platform (412): unless it is what we
 * sent ourselves (a run killed before it could record the answer), the
 * user must choose. */
static void
fetch_theirs (JySyncRun *run,
              PushItem  *item)
{
  g_autofree char *path = g_strdup_printf ("%s/%s", item->codec->resource_type,
                                           item->remote_id != NULL ? item->remote_id : item->uuid);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) theirs = jy_sync_client_get_json (run->client, path, 8 << 20, run->cancellable, &error);
  JsonObject *object = theirs != NULL && JSON_NODE_HOLDS_OBJECT (theirs) ? json_node_get_object (theirs) : NULL;
  const char *version, *type = NULL;

  if (object != NULL)
    jy_fhir_read_string (object, "resourceType", &type, NULL);
  if (object == NULL || g_strcmp0 (type, item->codec->resource_type) != 0)
    {
      item->outcome = OUTCOME_DEFERRED;
      item->reason = g_strdup_printf ("412, then reading the platform's copy failed: %s",
                                      error != NULL ? error->message : "not the record");
      return;
    }
  version = jy_fhir_get_version (object);
  if (jy_fhir_same_content (object, json_node_get_object (item->resource)) && version != NULL)
    {
      item->outcome = OUTCOME_DONE;
      item->version = g_strdup (version);
      return;
    }
  item->outcome = OUTCOME_CONFLICT;
  item->version = g_strdup (version);
  item->theirs = jy_fhir_to_string (theirs);
}

static gboolean
read_outcomes (JySyncRun  *run,
               GPtrArray  *items,
               guint       first,
               guint       n,
               JsonNode   *response,
               GError    **error)
{
  JsonObject *bundle = JSON_NODE_HOLDS_OBJECT (response) ? json_node_get_object (response) : NULL;
  JsonArray *entries = NULL;
  const char *type = NULL;
  guint sent = 0, k = 0;

  for (guint i = first; i < first + n; i++)
    sent += ((PushItem *)g_ptr_array_index (items, i))->resource != NULL;

  /* Not jy_fhir_read_array(): a Bundle has more entries than its cap. */
  if (bundle != NULL && json_object_has_member (bundle, "entry") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (bundle, "entry")))
    entries = json_object_get_array_member (bundle, "entry");
  if (bundle == NULL || !jy_fhir_read_string (bundle, "type", &type, NULL) ||
      g_strcmp0 (type, "batch-response") != 0 ||
      entries == NULL || json_array_get_length (entries) != sent)
    {
      g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED,
                           "Batch response does not match the request");
      return FALSE;
    }

  for (guint i = first; i < first + n; i++)
    {
      PushItem *item = g_ptr_array_index (items, i);
      JsonObject *entry, *response_part = NULL, *resource = NULL, *outcome = NULL;
      const char *status_text = NULL, *etag = NULL, *location = NULL;
      guint status;

      if (item->resource == NULL)
        {
          item->outcome = OUTCOME_DONE;   /* the row is gone: nothing to send */
          continue;
        }
      entry = jy_fhir_array_object (entries, k++, "entry", NULL);
      if (entry == NULL ||
          !jy_fhir_read_object (entry, "response", &response_part, NULL) || response_part == NULL ||
          !jy_fhir_read_string (response_part, "status", &status_text, NULL))
        {
          item->outcome = OUTCOME_DEFERRED;
          item->reason = g_strdup ("Malformed entry in the batch response");
          continue;
        }
      status = parse_status (status_text);
      jy_fhir_read_object (entry, "resource", &resource, NULL);
      jy_fhir_read_object (response_part, "outcome", &outcome, NULL);
      jy_fhir_read_string (response_part, "etag", &etag, NULL);
      jy_fhir_read_string (response_part, "location", &location, NULL);

      if (status >= 200 && status < 300)
        {
          const char *id = NULL;

          item->outcome = OUTCOME_DONE;
          item->version = g_strdup (jy_fhir_get_version (resource));
          if (item->version == NULL)
            item->version = version_from_etag (etag);
          if (resource != NULL)
            jy_fhir_read_string (resource, "id", &id, NULL);
          if (id != NULL && g_strcmp0 (id, item->uuid) != 0 && strlen (id) <= 64)
            item->assigned_id = g_strdup (id);
        }
      else if (status == 412 || status == 409)
        fetch_theirs (run, item);
      else if (status >= 400 && status < 500 && status != 408 && status != 429 &&
               status != 401 && status != 403)
        {
          item->outcome = OUTCOME_REJECTED;
          item->reason = jy_fhir_describe_outcome (outcome);
        }
      else
        {
          item->outcome = OUTCOME_DEFERRED;
          item->reason = g_strdup_printf ("HTTP %u", status);
        }
    }
  return TRUE;
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
            g_autofree char *mine = jy_fhir_to_string (item->resource);

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
        case OUTCOME_DEFERRED:
        case OUTCOME_NONE:
        default:
          run->summary->deferred++;
          break;
        }
    }
}

/* One Bundle on its way: prepared on the prepare lane (load, encode,
 * serialise), sent by the run's thread, recorded on the record lane, so
 * that SQLite and JSON work overlap with the platform's. */
typedef struct
{
  JySyncRun *run;
  GPtrArray *items;
  guint      first;
  guint      n;
  GBytes    *body;          /* NULL: nothing to send (rows gone) */
  char      *deferred;      /* the whole Bundle failed: why */
} Chunk;

static void
chunk_free (Chunk *chunk)
{
  g_clear_pointer (&chunk->body, g_bytes_unref);
  g_free (chunk->deferred);
  g_free (chunk);
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
  bundle = build_bundle (chunk->run, chunk->items, chunk->first, chunk->n);
  text = jy_fhir_to_string (bundle);
  chunk->body = g_bytes_new_take (text, strlen (text));
  return TRUE;
}

static gboolean
record_chunk (gpointer   data,
              GError   **error)
{
  Chunk *chunk = data;
  RecordJob record = { chunk->items, chunk->first, chunk->n, chunk->deferred };

  if (jy_store_write (chunk->run->store, record_chunk_func, &record, NULL, error) == NULL)
    return FALSE;
  /* Encoded resources are not needed once recorded. */
  for (guint i = chunk->first; i < chunk->first + chunk->n; i++)
    g_clear_pointer (&((PushItem *)g_ptr_array_index (chunk->items, i))->resource, json_node_unref);
  jy_sync_run_progress (chunk->run);
  return TRUE;
}

/* Sends a prepared chunk and reads each entry's outcome. FALSE when the
 * Bundle as a whole failed (the chunk's items are then all deferred). */
static gboolean
send_chunk (JySyncRun  *run,
            Chunk      *chunk,
            GError    **error)
{
  g_autoptr(JsonNode) response = NULL;
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
  if (answer != NULL && (status == 401 || status == 403))
    g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_UNAUTHORIZED, "HTTP %u", status);
  else if (answer != NULL && status >= 500)
    g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_SERVER, "Batch: HTTP %u", status);
  else if (answer != NULL && (status < 200 || status >= 300))
    g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_HTTP, "Batch: HTTP %u", status);
  else if (answer != NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (answer, &size);
      g_autoptr(GError) parse_error = NULL;

      response = jy_fhir_parse (data, size, JY_FHIR_MAX_BUNDLE_BYTES, &parse_error);
      if (response == NULL)
        g_set_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED,
                     "Batch response: %s", parse_error->message);
    }

  run->batches++;
  if (run->kill_after_batch > 0 && run->batches >= run->kill_after_batch)
    {
      /* The platform has applied this batch; we die before recording it. */
      raise (SIGKILL);
    }

  return response != NULL &&
         read_outcomes (run, chunk->items, chunk->first, chunk->n, response, error);
}

gboolean
jy_sync_push (JySyncRun  *run,
              GError    **error)
{
  ListJob list = { run->options.respect_backoff, NULL };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func ((GDestroyNotify)chunk_free);
  g_autoptr(GError) send_error = NULL;
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

      /* The chunk is ready; the next one is prepared while this one travels. */
      if (!jy_sync_lane_wait (prepare, error))
        {
          ok = FALSE;
          break;
        }
      if (c + 1 < chunks->len)
        jy_sync_lane_push (prepare, prepare_chunk, g_ptr_array_index (chunks, c + 1), NULL);

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
              count_outcomes (run, items, chunk->first, chunk->n);
              jy_sync_lane_push (record, record_chunk, chunk, NULL);
            }
          break;
        }
      count_outcomes (run, items, chunk->first, chunk->n);
      jy_sync_lane_push (record, record_chunk, chunk, NULL);
      if (jy_sync_lane_failed (record))
        ok = FALSE;
    }

  /* Whatever was sent is recorded before the run goes on or ends. */
  if (!jy_sync_lane_wait (record, ok ? error : NULL))
    ok = FALSE;
  jy_sync_lane_wait (prepare, NULL);
  jy_sync_lane_free (prepare);
  jy_sync_lane_free (record);

  if (send_error != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&send_error));
    }
  return ok;
}
