/* jy-sync-push-bundle.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The batch Bundle a push sends (PUT by uuid, If-Match on records the
 * platform has seen, POST + If-None-Exist where it refuses update-as-
 * create) and the reading of each entry's outcome.
 */

#include "config.h"

#include "jy-sync-push-private.h"

#include <string.h>

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

JsonNode *
jy_sync_push_build_bundle (JySyncRun *run,
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
  /* Perhaps our own earlier write: record_chunk_func asks the sent log. */
  item->theirs_digest = jy_fhir_content_digest (object);
  item->outcome = OUTCOME_CONFLICT;
  item->version = g_strdup (version);
  item->theirs = jy_fhir_to_string (theirs);
}

gboolean
jy_sync_push_read_outcomes (JySyncRun  *run,
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

