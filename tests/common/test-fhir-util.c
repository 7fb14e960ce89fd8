/* test-fhir-util.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-fhir-util.h"

#include <string.h>

gpointer
jy_test_fhir_decode (const JyFhirCodec  *codec,
                     const char         *text,
                     GError            **error)
{
  g_autoptr(JsonNode) node = jy_fhir_parse (text, strlen (text), 1 << 20, error);

  return node != NULL ? jy_fhir_codec_decode (codec, node, NULL, error) : NULL;
}

JsonNode *
jy_test_fhir_round_trip (const JyFhirCodec *codec,
                         const char        *text)
{
  g_autoptr(GError) error = NULL;
  gpointer record = jy_test_fhir_decode (codec, text, &error);
  JsonNode *node;

  g_assert_no_error (error);
  g_assert_nonnull (record);
  node = codec->encode (record, jy_fhir_options_default ());
  codec->free_record (record);
  return node;
}

char *
jy_test_fhir_at_path (JsonNode   *node,
                      const char *path)
{
  g_autoptr(JsonNode) result = json_path_query (path, node, NULL);
  JsonArray *matches = result != NULL && JSON_NODE_HOLDS_ARRAY (result) ? json_node_get_array (result) : NULL;
  JsonNode *first;

  if (matches == NULL || json_array_get_length (matches) == 0)
    return NULL;
  first = json_array_get_element (matches, 0);
  if (json_node_get_value_type (first) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (first));
  if (json_node_get_value_type (first) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (first));
  if (json_node_get_value_type (first) == G_TYPE_DOUBLE)
    return g_strdup_printf ("%g", json_node_get_double (first));
  if (json_node_get_value_type (first) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (first) ? "true" : "false");
  return NULL;
}
