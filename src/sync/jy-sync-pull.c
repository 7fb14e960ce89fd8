/* jy-sync-pull.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pull (sync.md "Pull"): per resource type, everything changed since the
 * cursor, `ge` so that records sharing the cursor's timestamp are not
 * lost, following `next` links. A page is decoded here, then applied in
 * one transaction that also moves the cursor. A version already stored
 * is skipped (which is how `ge` does not loop); a record with unsent
 * local changes is not overwritten but goes to the conflict inbox.
 */

#include "config.h"

#include "jy-sync-engine-private.h"

#include <string.h>

#include "jy-clock.h"
#include "jy-sync-lane.h"

typedef struct
{
  const JyFhirCodec *codec;  /* the one its identifier names */
  gpointer    record;        /* NULL: could not be decoded */
  char       *uuid;
  char       *remote_id;     /* the resource's id when it is not the uuid */
  char       *version;
  JsonNode   *resource;      /* theirs (sealed), for conflicts and invalid ones */
  char       *reason;
} PulledItem;

typedef struct
{
  JySyncRun         *run;
  const JyFhirCodec *codec;
  JsonNode          *page;        /* the searchset, decoded on the lane */
  GPtrArray         *items;       /* PulledItem */
  char              *cursor;      /* newest lastUpdated of the page */
  gboolean           last_page;
  /* out */
  guint              applied;
  guint              conflicts;
  guint              skipped;
  guint              rebased;
} PageJob;

static void
pulled_item_free (gpointer data)
{
  PulledItem *item = data;

  if (item->record != NULL)
    g_assert_not_reached ();
  g_free (item->uuid);
  g_free (item->remote_id);
  g_free (item->version);
  g_clear_pointer (&item->resource, json_node_unref);
  g_free (item->reason);
  g_free (item);
}

typedef struct
{
  const JyFhirCodec *codec;
  char              *cursor;
  char              *centre;
} StartJob;

static gpointer
read_cursor_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  static const char cursor_sql[] = "SELECT cursor FROM sync_state WHERE scope = ?1";
  static const char centre_sql[] =
    "SELECT uuid FROM site WHERE kind = 'centre' AND parent_id IS NULL AND status <> 'voided'\n"
    "ORDER BY id LIMIT 1";
  StartJob *job = data;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, cursor_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, job->codec->resource_type, -1, SQLITE_STATIC);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    job->cursor = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  if ((stmt = jy_db_prepare (db, centre_sql, error)) == NULL ||
      (rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    job->centre = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return JY_STORE_DONE;
}

static gboolean
stored_version (JyDb               *db,
                const JyFhirCodec  *codec,
                const char         *uuid,
                char              **version,
                gboolean           *exists,
                GError            **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, codec->version_sql, error);
  int rc;

  *exists = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      *exists = TRUE;
      *version = jy_db_column_dup_text (stmt, 0);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
apply_item (JyDb               *db,
            const JyFhirCodec  *codec,
            PulledItem         *item,
            PageJob            *job,
            GError            **error)
{
  static const char remote_id_sql[] =
    "INSERT OR REPLACE INTO sync_remote_id (entity, row_uuid, remote_id) VALUES (?1, ?2, ?3)";
  g_autofree char *local_version = NULL;
  g_autoptr(GError) apply_error = NULL;
  gboolean exists = FALSE, unsent = FALSE;

  if (item->record == NULL)
    {
      job->skipped++;
      if (item->uuid == NULL)
        return TRUE;   /* not one of ours */
      g_autofree char *theirs = jy_fhir_to_string (item->resource);

      return jy_sync_conflict_record (db, codec->entity, item->uuid, "invalid", NULL, theirs,
                                      item->version, item->reason, error);
    }

  if (!stored_version (db, codec, item->uuid, &local_version, &exists, error))
    return FALSE;
  if (exists && g_strcmp0 (local_version, item->version) == 0)
    goto done;   /* already have it (our own push, or the cursor's `ge`) */

  if (exists && !jy_sync_row_has_unsent (db, codec, item->uuid, &unsent, error))
    return FALSE;
  if (unsent)
    {
      static const char seen_sql[] =
        "SELECT count(*) FROM sync_conflict WHERE entity = ?1 AND row_uuid = ?2\n"
        "  AND state = 'open' AND theirs_version IS ?3";
      g_autofree char *mine_version = NULL;
      sqlite3_stmt *stmt = jy_db_prepare (db, seen_sql, error);
      gint64 seen;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, codec->entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, item->uuid, -1, SQLITE_TRANSIENT);
      jy_db_bind_text_or_null (stmt, 3, item->version);
      if (jy_db_step (db, stmt, error) < 0)
        return FALSE;
      seen = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (seen > 0)
        return TRUE;   /* already in the inbox with this version */

      gpointer mine;
      g_autoptr(JsonNode) mine_json = NULL;
      g_autofree char *mine_text = NULL;
      g_autofree char *theirs_text = NULL;

      if ((mine = codec->load (db, item->uuid, &mine_version, error)) == NULL)
        return FALSE;
      mine_json = codec->encode (mine, jy_fhir_options_default ());
      codec->free_record (mine);
      /* The platform already has exactly this (our own push whose answer
       * was lost): take its version, no conflict. The queued entries
       * then go with If-Match and change nothing. */
      if (item->version != NULL &&
          jy_fhir_same_content (json_node_get_object (mine_json), json_node_get_object (item->resource)))
        return codec->set_version (db, item->uuid, item->version, error);
      /* Or an earlier state we sent ourselves, by a run killed before it
       * recorded the answer: the platform's version is ours to build on,
       * and the newer local change goes out on top of it. */
      if (item->version != NULL)
        {
          g_autofree char *digest = jy_fhir_content_digest (json_node_get_object (item->resource));
          gboolean ours = FALSE;

          if (!jy_sync_sent_contains (db, codec->entity, item->uuid, digest, &ours, error))
            return FALSE;
          if (ours)
            {
              job->rebased++;
              return codec->set_version (db, item->uuid, item->version, error);
            }
        }
      mine_text = jy_fhir_to_string (mine_json);
      theirs_text = jy_fhir_to_string (item->resource);
      job->conflicts++;
      return jy_sync_conflict_record (db, codec->entity, item->uuid, "edit", mine_text, theirs_text,
                                      item->version, NULL, error);
    }

  /* One record the store refuses must not sink the page. */
  if (!jy_db_exec (db, "SAVEPOINT pulled", error))
    return FALSE;
  if (!codec->apply (db, item->record, item->version, &apply_error))
    {
      if (!jy_db_exec (db, "ROLLBACK TO pulled; RELEASE pulled", error))
        return FALSE;
      g_autofree char *theirs = jy_fhir_to_string (item->resource);

      job->skipped++;
      g_debug ("pulled %s %s cannot be stored", codec->entity, item->uuid);
      return jy_sync_conflict_record (db, codec->entity, item->uuid, "invalid", NULL, theirs,
                                      item->version, apply_error->message, error);
    }
  if (!jy_db_exec (db, "RELEASE pulled", error))
    return FALSE;
  job->applied++;

done:
  if (item->remote_id != NULL)
    {
      sqlite3_stmt *stmt = jy_db_prepare (db, remote_id_sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, codec->entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, item->uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, item->remote_id, -1, SQLITE_TRANSIENT);
      return jy_db_step_done (db, stmt, error);
    }
  return TRUE;
}

static gpointer
apply_page_func (JyDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  static const char cursor_sql[] =
    "INSERT INTO sync_state (scope, cursor) VALUES (?1, ?2)\n"
    "ON CONFLICT (scope) DO UPDATE SET cursor = ?2";
  static const char success_sql[] =
    "UPDATE sync_state SET last_success_at = ?2 WHERE scope = ?1";
  PageJob *job = data;
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt;

  for (guint i = 0; i < job->items->len; i++)
    {
      PulledItem *item = g_ptr_array_index (job->items, i);

      if (!apply_item (db, item->codec, item, job, error))
        return NULL;
    }

  if (job->cursor != NULL)
    {
      if ((stmt = jy_db_prepare (db, cursor_sql, error)) == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, job->codec->resource_type, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, job->cursor, -1, SQLITE_TRANSIENT);
      if (!jy_db_step_done (db, stmt, error))
        return NULL;
    }
  if (job->last_page)
    {
      if ((stmt = jy_db_prepare (db, success_sql, error)) == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, job->codec->resource_type, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      if (!jy_db_step_done (db, stmt, error))
        return NULL;
    }
  return JY_STORE_DONE;
}

static PulledItem *
decode_entry (const JyFhirCodec *codec,
              JsonObject        *entry)
{
  PulledItem *item = g_new0 (PulledItem, 1);
  g_autoptr(GError) error = NULL;
  JsonNode *resource = json_object_get_member (entry, "resource");
  JsonObject *object;
  const char *id = NULL;

  item->codec = codec;

  if (resource == NULL || !JSON_NODE_HOLDS_OBJECT (resource))
    return item;
  object = json_node_get_object (resource);
  item->codec = jy_fhir_codec_for_resource (object);
  if (item->codec == NULL)
    item->codec = codec;   /* not of this type: decode says why */
  codec = item->codec;
  item->version = g_strdup (jy_fhir_get_version (object));
  item->record = jy_fhir_codec_decode (codec, resource, NULL, &error);
  if (item->record != NULL)
    {
      item->uuid = g_strdup (codec->get_uuid (item->record));
      jy_fhir_read_string (object, "id", &id, NULL);
      if (id != NULL && g_strcmp0 (id, item->uuid) != 0 && strlen (id) <= 64)
        item->remote_id = g_strdup (id);
    }
  else if (!g_error_matches (error, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS))
    {
      /* Ours but unreadable: keep it for the inbox, if we can tell whose. */
      jy_fhir_read_string (object, "id", &id, NULL);
      if (jy_fhir_is_uuid (id))
        {
          item->uuid = g_strdup (id);
          item->resource = json_node_ref (resource);
          item->reason = g_strdup (error->message);
        }
    }
  if (item->record != NULL)
    item->resource = json_node_ref (resource);
  return item;
}

static void
page_job_free (PageJob *job)
{
  for (guint i = 0; i < job->items->len; i++)
    {
      PulledItem *item = g_ptr_array_index (job->items, i);

      g_clear_pointer (&item->record, item->codec->free_record);
    }
  g_ptr_array_unref (job->items);
  g_clear_pointer (&job->page, json_node_unref);
  g_free (job->cursor);
  g_free (job);
}

/* On the record lane: the page is stored while the next one downloads. */
static gboolean
apply_page (gpointer   data,
            GError   **error)
{
  PageJob *job = data;
  JsonObject *bundle = json_node_get_object (job->page);
  JsonArray *entries = json_object_has_member (bundle, "entry") ?
                       json_object_get_array_member (bundle, "entry") : NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = jy_fhir_array_object (entries, i, "entry", NULL);
      JsonNode *resource;
      const char *updated;

      if (entry == NULL)
        continue;
      resource = json_object_get_member (entry, "resource");
      updated = resource != NULL && JSON_NODE_HOLDS_OBJECT (resource) ?
                jy_fhir_get_last_updated (json_node_get_object (resource)) : NULL;
      /* Timestamps of one server compare as text (same format). */
      if (updated != NULL && (job->cursor == NULL || strcmp (updated, job->cursor) > 0))
        {
          g_free (job->cursor);
          job->cursor = g_strdup (updated);
        }
      g_ptr_array_add (job->items, decode_entry (job->codec, entry));
    }

  if (jy_store_write (job->run->store, apply_page_func, job, NULL, error) == NULL)
    return FALSE;
  g_debug ("stored a page of %u %s in %.0f ms", job->items->len, job->codec->resource_type,
           (g_get_monotonic_time () - start) / 1000.0);
  job->run->summary->received += job->applied;
  job->run->summary->conflicts += job->conflicts;
  job->run->rebased += job->rebased;
  job->run->summary->skipped += job->skipped;
  jy_sync_run_progress (job->run);
  return TRUE;
}

static gboolean
pull_type (JySyncRun          *run,
           const JyFhirCodec  *codec,
           GError            **error)
{
  StartJob start = { codec, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *centre = NULL;
  g_autoptr(JySyncLane) lane = NULL;

  if (jy_store_read (run->store, read_cursor_func, &start, run->cancellable, error) == NULL)
    return FALSE;
  cursor = start.cursor;
  centre = start.centre;

  {
    g_autoptr(GString) query = g_string_new (codec->resource_type);

    g_string_append_printf (query, "?_sort=_lastUpdated&_count=%u", run->options.page_size);
    if (cursor != NULL)
      {
        g_autofree char *escaped = g_uri_escape_string (cursor, NULL, FALSE);

        g_string_append_printf (query, "&_lastUpdated=ge%s", escaped);
      }
    if (codec->centre_param != NULL && centre != NULL)
      g_string_append_printf (query, "&%s=Organization/%s", codec->centre_param, centre);
    path = g_string_free (g_steal_pointer (&query), FALSE);
  }
  lane = jy_sync_lane_new ("jiayi-sync-apply");

  while (path != NULL)
    {
      g_autoptr(JsonNode) root = NULL;
      JsonObject *bundle;
      JsonArray *links = NULL;
      const char *type = NULL;
      g_autofree char *next = NULL;
      PageJob *job;

      root = jy_sync_client_get_json (run->client, path, JY_FHIR_MAX_BUNDLE_BYTES, run->cancellable, error);
      if (root == NULL)
        break;
      bundle = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
      if (bundle == NULL || !jy_fhir_read_string (bundle, "type", &type, NULL) ||
          g_strcmp0 (type, "searchset") != 0 ||
          !jy_fhir_read_array (bundle, "link", &links, NULL) ||
          !json_object_has_member (bundle, "resourceType"))
        {
          g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED, "Search answer is not a searchset");
          break;
        }
      /* A page may be larger than JY_FHIR_MAX_ARRAY items: not read_array. */
      if (json_object_has_member (bundle, "entry") &&
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (bundle, "entry")))
        {
          g_set_error_literal (error, JY_SYNC_ERROR, JY_SYNC_ERROR_MALFORMED, "Bundle.entry is not an array");
          break;
        }

      for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
        {
          JsonObject *link = jy_fhir_array_object (links, i, "link", NULL);
          const char *relation = NULL, *url = NULL;

          if (link != NULL && jy_fhir_read_string (link, "relation", &relation, NULL) &&
              g_strcmp0 (relation, "next") == 0 && jy_fhir_read_string (link, "url", &url, NULL) &&
              url != NULL)
            next = g_strdup (url);
        }

      job = g_new0 (PageJob, 1);
      job->run = run;
      job->codec = codec;
      job->items = g_ptr_array_new_with_free_func (pulled_item_free);
      job->page = json_node_ref (root);
      job->last_page = next == NULL;
      jy_sync_lane_push (lane, apply_page, job, (GDestroyNotify)page_job_free);
      if (jy_sync_lane_failed (lane))
        break;

      g_free (path);
      path = g_steal_pointer (&next);
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        break;
    }

  /* Pages already fetched are stored, in order, whatever stopped the loop. */
  if (!jy_sync_lane_wait (lane, error != NULL && *error == NULL ? error : NULL))
    return FALSE;
  return error == NULL || *error == NULL;
}

gboolean
jy_sync_pull (JySyncRun  *run,
              GError    **error)
{
  const JyFhirCodec *const *codecs = jy_fhir_codecs ();

  for (guint i = 0; codecs[i] != NULL; i++)
    if (jy_fhir_codec_pulls_type (codecs[i]) && !pull_type (run, codecs[i], error))
      return FALSE;
  return TRUE;
}
