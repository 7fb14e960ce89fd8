/* jy-fhir-codec.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-fhir-codec-private.h"

#include <string.h>

G_DEFINE_QUARK (jy-fhir-error-quark, jy_fhir_error)

const JyFhirOptions *
jy_fhir_options_default (void)
{
  static const JyFhirOptions options = {
    .id_number_system = "urn:oid:2.16.156.10011.1.3",
    .archive_no_system = "urn:oid:2.16.156.10011.1.2",
  };

  return &options;
}

/* json-glib 1.6 parses recursively: a hostile "[[[[…" a million deep
 * would exhaust the stack before any check of ours ran. So the depth is
 * counted on the bytes first, skipping strings. */
static gboolean
check_depth (const char  *data,
             gsize        length,
             GError     **error)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > JY_FHIR_MAX_DEPTH)
            {
              g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_TOO_DEEP,
                           "JSON nested deeper than %d levels", JY_FHIR_MAX_DEPTH);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

JsonNode *
jy_fhir_parse (const char  *data,
               gsize        length,
               gsize        max_bytes,
               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > max_bytes)
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_TOO_BIG,
                   "JSON of %" G_GSIZE_FORMAT " bytes is over the limit of %" G_GSIZE_FORMAT,
                   length, max_bytes);
      return NULL;
    }
  if (length == 0)
    {
      g_set_error_literal (error, JY_FHIR_ERROR, JY_FHIR_ERROR_PARSE, "Empty body");
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, JY_FHIR_ERROR, JY_FHIR_ERROR_ENCODING, "JSON is not valid UTF-8");
      return NULL;
    }
  if (!check_depth (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize)length, &local_error))
    {
      /* json-glib's message quotes the input: keep it out of logs. */
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_PARSE, "Not JSON (%s error %d)",
                   g_quark_to_string (local_error->domain), local_error->code);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, JY_FHIR_ERROR, JY_FHIR_ERROR_PARSE, "Empty JSON");
      return NULL;
    }
  return json_node_ref (root);
}

char *
jy_fhir_to_string (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return json_to_string (node, FALSE);
}

static gboolean
has_control_chars (const char *text)
{
  for (const guchar *p = (const guchar *)text; *p != '\0'; p++)
    if (*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t')
      return TRUE;
  return FALSE;
}

gboolean
jy_fhir_read_string (JsonObject  *object,
                     const char  *member,
                     const char **out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "%s is not a string", member);
      return FALSE;
    }
  text = json_node_get_string (node);
  if (strlen (text) > JY_FHIR_MAX_STRING)
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_TOO_BIG, "%s is over %d bytes",
                   member, JY_FHIR_MAX_STRING);
      return FALSE;
    }
  /* json-glib turns \u0000 into an early end; other control characters
   * have no place in a registry field. */
  if (has_control_chars (text))
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "%s has control characters", member);
      return FALSE;
    }
  *out = text[0] != '\0' ? text : NULL;
  return TRUE;
}

gboolean
jy_fhir_read_object (JsonObject  *object,
                     const char  *member,
                     JsonObject **out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "%s is not an object", member);
      return FALSE;
    }
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
jy_fhir_read_array (JsonObject  *object,
                    const char  *member,
                    JsonArray  **out,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "%s is not an array", member);
      return FALSE;
    }
  if (json_array_get_length (json_node_get_array (node)) > JY_FHIR_MAX_ARRAY)
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_TOO_BIG, "%s has over %d items",
                   member, JY_FHIR_MAX_ARRAY);
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

JsonObject *
jy_fhir_array_object (JsonArray   *array,
                      guint        index,
                      const char  *what,
                      GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "%s[%u] is not an object", what, index);
      return NULL;
    }
  return json_node_get_object (node);
}

gboolean
jy_fhir_is_uuid (const char *text)
{
  return text != NULL && g_uuid_string_is_valid (text);
}

gboolean
jy_fhir_is_date (const char *text)
{
  GDate date;
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      strspn (text, "0123456789-") != 10)
    return FALSE;
  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_valid (&date);
}

JsonObject *
jy_fhir_find_extension (JsonArray  *extensions,
                        const char *url)
{
  guint n = extensions != NULL ? json_array_get_length (extensions) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (extensions, i);
      JsonObject *extension;
      JsonNode *url_node;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      extension = json_node_get_object (node);
      url_node = json_object_get_member (extension, "url");
      if (url_node != NULL && JSON_NODE_HOLDS_VALUE (url_node) &&
          json_node_get_value_type (url_node) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (url_node), url) == 0)
        return extension;
    }
  return NULL;
}

void
jy_fhir_add_string (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

void
jy_fhir_add_identifier (JsonBuilder *builder,
                        const char  *system,
                        const char  *value)
{
  if (value == NULL)
    return;
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", system);
  jy_fhir_add_string (builder, "value", value);
  json_builder_end_object (builder);
}

void
jy_fhir_add_extension (JsonBuilder *builder,
                       const char  *url,
                       const char  *value_type,
                       const char  *value)
{
  g_autofree char *member = NULL;

  if (value == NULL)
    return;
  member = g_strconcat ("value", value_type, NULL);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "url", url);
  jy_fhir_add_string (builder, member, value);
  json_builder_end_object (builder);
}

char *
jy_fhir_jiayi_system (const char *entity)
{
  return g_strconcat ("urn:jiayi:", entity, NULL);
}

gpointer
jy_fhir_codec_decode (const JyFhirCodec    *codec,
                      JsonNode             *resource,
                      const JyFhirOptions  *options,
                      GError              **error)
{
  JsonObject *object;
  const char *type;

  g_return_val_if_fail (codec != NULL, NULL);

  if (resource == NULL || !JSON_NODE_HOLDS_OBJECT (resource))
    {
      g_set_error_literal (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "Resource is not an object");
      return NULL;
    }
  object = json_node_get_object (resource);
  if (!jy_fhir_read_string (object, "resourceType", &type, error))
    return NULL;
  if (g_strcmp0 (type, codec->resource_type) != 0)
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "Resource is not a %s",
                   codec->resource_type);
      return NULL;
    }

  return codec->decode (object, options != NULL ? options : jy_fhir_options_default (), error);
}

static const char *
meta_string (JsonObject *resource,
             const char *member)
{
  JsonObject *meta = NULL;
  const char *value = NULL;

  if (resource == NULL ||
      !jy_fhir_read_object (resource, "meta", &meta, NULL) || meta == NULL ||
      !jy_fhir_read_string (meta, member, &value, NULL) ||
      (value != NULL && strlen (value) > 64))
    return NULL;
  return value;
}

const char *
jy_fhir_get_version (JsonObject *resource)
{
  return meta_string (resource, "versionId");
}

const char *
jy_fhir_get_last_updated (JsonObject *resource)
{
  return meta_string (resource, "lastUpdated");
}

static void
canonical_append (GString  *out,
                  JsonNode *node,
                  gboolean  top)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = g_list_sort (json_object_get_members (object),
                                                (GCompareFunc)g_strcmp0);
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            g_autofree char *key = NULL;

            if (top && (g_str_equal (l->data, "meta") || g_str_equal (l->data, "text")))
              continue;
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            key = g_strescape (l->data, NULL);
            g_string_append_printf (out, "\"%s\":", key);
            canonical_append (out, json_object_get_member (object, l->data), FALSE);
          }
        g_string_append_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            canonical_append (out, json_array_get_element (array, i), FALSE);
          }
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_VALUE:
      {
        g_autofree char *text = json_to_string (node, FALSE);

        /* Tagged by type: 1 and "1" and true differ, as in json_node_equal(). */
        g_string_append_printf (out, "%s:%s", g_type_name (json_node_get_value_type (node)), text);
        break;
      }
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

char *
jy_fhir_content_digest (JsonObject *resource)
{
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(GString) canonical = g_string_new (NULL);

  json_node_init_object (node, resource);
  canonical_append (canonical, node, TRUE);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical->str, canonical->len);
}

gboolean
jy_fhir_same_content (JsonObject *a,
                      JsonObject *b)
{
  g_autoptr(JsonNode) copy_a = json_node_alloc ();
  g_autoptr(JsonNode) copy_b = json_node_alloc ();
  JsonObject *oa = json_object_new ();
  JsonObject *ob = json_object_new ();
  g_autoptr(GList) members = NULL;

  /* Shallow copies without the members the server owns. */
  members = json_object_get_members (a);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "meta") && !g_str_equal (l->data, "text"))
      json_object_set_member (oa, l->data, json_node_ref (json_object_get_member (a, l->data)));
  g_clear_pointer (&members, g_list_free);
  members = json_object_get_members (b);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "meta") && !g_str_equal (l->data, "text"))
      json_object_set_member (ob, l->data, json_node_ref (json_object_get_member (b, l->data)));

  json_node_init_object (copy_a, oa);
  json_node_init_object (copy_b, ob);
  json_object_unref (oa);
  json_object_unref (ob);
  return json_node_equal (copy_a, copy_b);
}

char *
jy_fhir_describe_outcome (JsonObject *outcome)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *issues = NULL;
  guint n;

  if (outcome == NULL || !jy_fhir_read_array (outcome, "issue", &issues, NULL) || issues == NULL)
    return g_strdup ("no OperationOutcome");

  n = json_array_get_length (issues);
  for (guint i = 0; i < n && text->len < 500; i++)
    {
      JsonObject *issue = jy_fhir_array_object (issues, i, "issue", NULL);
      JsonObject *details = NULL;
      JsonArray *expressions = NULL;
      const char *severity = NULL, *code = NULL, *details_text = NULL, *diagnostics = NULL;

      if (issue == NULL)
        continue;
      jy_fhir_read_string (issue, "severity", &severity, NULL);
      jy_fhir_read_string (issue, "code", &code, NULL);
      jy_fhir_read_string (issue, "diagnostics", &diagnostics, NULL);
      if (jy_fhir_read_object (issue, "details", &details, NULL) && details != NULL)
        jy_fhir_read_string (details, "text", &details_text, NULL);
      jy_fhir_read_array (issue, "expression", &expressions, NULL);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s %s", severity != NULL ? severity : "error",
                              code != NULL ? code : "unknown");
      if (details_text != NULL || diagnostics != NULL)
        g_string_append_printf (text, ": %s", details_text != NULL ? details_text : diagnostics);
      if (expressions != NULL && json_array_get_length (expressions) > 0)
        {
          JsonNode *first = json_array_get_element (expressions, 0);

          if (JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING)
            g_string_append_printf (text, " (%s)", json_node_get_string (first));
        }
    }

  if (text->len > 500)
    {
      /* Cut on a character boundary. */
      const char *end = g_utf8_find_prev_char (text->str, text->str + 500);

      g_string_truncate (text, end != NULL ? (gsize)(end - text->str) : 0);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
