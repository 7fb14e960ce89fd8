/* jy-sync-merge.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-merge.h"

#include <string.h>

#include "jy-fhir-codec.h"
#include "jy-store.h"
#include "jy-sync-conflict.h"

#define EXT_PREFIX "extension:"

void
jy_sync_field_free (JySyncField *field)
{
  if (field == NULL)
    return;
  g_free (field->key);
  g_clear_pointer (&field->mine, json_node_unref);
  g_clear_pointer (&field->theirs, json_node_unref);
  g_free (field);
}

static gboolean
is_field (const char *member)
{
  return !g_str_equal (member, "resourceType") && !g_str_equal (member, "id") &&
         !g_str_equal (member, "meta") && !g_str_equal (member, "text");
}

static JsonObject *
parse_object (const char  *json,
              JsonNode   **out_node,
              GError     **error)
{
  JsonNode *node = json != NULL ? jy_fhir_parse (json, strlen (json), JY_FHIR_MAX_BUNDLE_BYTES, error) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_clear_pointer (&node, json_node_unref);
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                             "A conflict's record is not a JSON object");
      return NULL;
    }
  *out_node = node;
  return json_node_get_object (node);
}

static const char *
extension_url (JsonNode *element)
{
  JsonObject *object;
  JsonNode *url;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    return "";
  object = json_node_get_object (element);
  url = json_object_get_member (object, "url");
  return url != NULL && JSON_NODE_HOLDS_VALUE (url) && json_node_get_value_type (url) == G_TYPE_STRING ?
         json_node_get_string (url) : "";
}

/* The resource's extensions with @url, as an array node (NULL: none). */
static JsonNode *
extensions_with_url (JsonObject *resource,
                     const char *url)
{
  JsonNode *member = json_object_get_member (resource, "extension");
  JsonArray *array;
  JsonArray *found = NULL;

  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    return NULL;
  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!g_str_equal (extension_url (element), url))
        continue;
      if (found == NULL)
        found = json_array_new ();
      json_array_add_element (found, json_node_copy (element));
    }
  return found != NULL ? json_node_init_array (json_node_alloc (), found) : NULL;
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static void
add_field (GPtrArray  *fields,
           GHashTable *seen,
           const char *key,
           JsonNode   *mine,
           JsonNode   *theirs)
{
  JySyncField *field;

  if (g_hash_table_contains (seen, key))
    {
      g_clear_pointer (&mine, json_node_unref);
      g_clear_pointer (&theirs, json_node_unref);
      return;
    }
  field = g_new0 (JySyncField, 1);
  field->key = g_strdup (key);
  field->mine = mine;
  field->theirs = theirs;
  field->differs = !nodes_equal (mine, theirs);
  g_hash_table_add (seen, field->key);
  g_ptr_array_add (fields, field);
}

static void
add_fields_of (GPtrArray  *fields,
               GHashTable *seen,
               JsonObject *from,
               JsonObject *mine,
               JsonObject *theirs)
{
  g_autoptr(GList) members = json_object_get_members (from);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *value = json_object_get_member (from, member);

      if (!is_field (member))
        continue;
      if (g_str_equal (member, "extension") && JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *array = json_node_get_array (value);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              const char *url = extension_url (json_array_get_element (array, i));
              g_autofree char *key = g_strconcat (EXT_PREFIX, url, NULL);

              if (!g_hash_table_contains (seen, key))
                add_field (fields, seen, key, extensions_with_url (mine, url), extensions_with_url (theirs, url));
            }
          continue;
        }
      if (!g_hash_table_contains (seen, member))
        {
          JsonNode *m = json_object_get_member (mine, member);
          JsonNode *t = json_object_get_member (theirs, member);

          add_field (fields, seen, member, m != NULL ? json_node_copy (m) : NULL,
                     t != NULL ? json_node_copy (t) : NULL);
        }
    }
}

GPtrArray *
jy_sync_fields_compare (const char  *mine,
                        const char  *theirs,
                        GError     **error)
{
  g_autoptr(JsonNode) mine_node = NULL;
  g_autoptr(JsonNode) theirs_node = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_sync_field_free);
  JsonObject *m, *t;

  if ((m = parse_object (mine, &mine_node, error)) == NULL ||
      (t = parse_object (theirs, &theirs_node, error)) == NULL)
    return NULL;
  add_fields_of (fields, seen, m, m, t);
  add_fields_of (fields, seen, t, m, t);
  return g_steal_pointer (&fields);
}

char *
jy_sync_fields_merge (const char          *mine,
                      const char          *theirs,
                      const char * const  *take_mine,
                      GError             **error)
{
  g_autoptr(JsonNode) mine_node = NULL;
  g_autoptr(JsonNode) theirs_node = NULL;
  g_autoptr(GHashTable) urls = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *m, *t;

  if ((m = parse_object (mine, &mine_node, error)) == NULL ||
      (t = parse_object (theirs, &theirs_node, error)) == NULL)
    return NULL;

  for (guint i = 0; take_mine != NULL && take_mine[i] != NULL; i++)
    {
      const char *key = take_mine[i];
      JsonNode *value;

      if (g_str_has_prefix (key, EXT_PREFIX))
        {
          g_hash_table_add (urls, (gpointer)(key + strlen (EXT_PREFIX)));
          continue;
        }
      if (!is_field (key))
        continue;
      value = json_object_get_member (m, key);
      if (value != NULL)
        json_object_set_member (t, key, json_node_copy (value));
      else
        json_object_remove_member (t, key);
    }

  if (g_hash_table_size (urls) > 0)
    {
      JsonArray *merged = json_array_new ();
      g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
      JsonNode *member;

      /* Theirs' order; a chosen url's extensions (mine's) where theirs had
       * its first one, the rest after. */
      member = json_object_get_member (t, "extension");
      if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *array = json_node_get_array (member);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);
              const char *url = extension_url (element);

              if (!g_hash_table_contains (urls, url))
                json_array_add_element (merged, json_node_copy (element));
              else if (!g_hash_table_contains (placed, url))
                {
                  g_autoptr(JsonNode) mine_ext = extensions_with_url (m, url);

                  g_hash_table_add (placed, (gpointer)url);
                  for (guint j = 0; mine_ext != NULL && j < json_array_get_length (json_node_get_array (mine_ext)); j++)
                    json_array_add_element (merged, json_node_copy (json_array_get_element (json_node_get_array (mine_ext), j)));
                }
            }
        }
      member = json_object_get_member (m, "extension");
      if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *array = json_node_get_array (member);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);
              const char *url = extension_url (element);

              if (g_hash_table_contains (urls, url) && !g_hash_table_contains (placed, url))
                json_array_add_element (merged, json_node_copy (element));
            }
        }
      if (json_array_get_length (merged) > 0)
        json_object_set_array_member (t, "extension", merged);
      else
        {
          json_array_unref (merged);
          json_object_remove_member (t, "extension");
        }
    }
  return jy_fhir_to_string (theirs_node);
}

void
jy_sync_resolve_job_free (JySyncResolveJob *job)
{
  if (job == NULL)
    return;
  g_free (job->merged);
  g_free (job);
}

gpointer
jy_sync_resolve_job_run (JyDb          *db,
                         gpointer       data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  JySyncResolveJob *job = data;

  if (!jy_store_require (db, JY_PERMISSION_SYNC_RUN, error))
    return NULL;
  return jy_sync_conflict_resolve (db, job->conflict_id, job->resolution, job->merged, error) ?
         JY_STORE_DONE : NULL;
}
