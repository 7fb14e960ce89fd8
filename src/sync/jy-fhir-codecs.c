/* jy-fhir-codecs.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-fhir-codec.h"

#include <string.h>

/* Every syncable record type, in rank order. Adding one: a file
 * jy-fhir-codec-<entity>.c, its line here and in meson.build. */
extern const JyFhirCodec jy_fhir_codec_site;
extern const JyFhirCodec jy_fhir_codec_staff;
extern const JyFhirCodec jy_fhir_codec_team;
extern const JyFhirCodec jy_fhir_codec_home_bed_policy;
extern const JyFhirCodec jy_fhir_codec_resident;
extern const JyFhirCodec jy_fhir_codec_home_bed_application;
extern const JyFhirCodec jy_fhir_codec_package;
extern const JyFhirCodec jy_fhir_codec_home_bed_assessment;
extern const JyFhirCodec jy_fhir_codec_enrolment;
extern const JyFhirCodec jy_fhir_codec_contract;
extern const JyFhirCodec jy_fhir_codec_home_bed;
extern const JyFhirCodec jy_fhir_codec_followup;
extern const JyFhirCodec jy_fhir_codec_contact;
extern const JyFhirCodec jy_fhir_codec_home_bed_round;
extern const JyFhirCodec jy_fhir_codec_delivery;
extern const JyFhirCodec jy_fhir_codec_long_rx;
extern const JyFhirCodec jy_fhir_codec_long_rx_dispense;

static const JyFhirCodec *const codecs[] = {
  &jy_fhir_codec_site,
  &jy_fhir_codec_home_bed_policy,
  &jy_fhir_codec_staff,
  &jy_fhir_codec_team,
  &jy_fhir_codec_resident,
  &jy_fhir_codec_home_bed_application,
  &jy_fhir_codec_package,
  &jy_fhir_codec_home_bed_assessment,
  &jy_fhir_codec_enrolment,
  &jy_fhir_codec_contract,
  &jy_fhir_codec_home_bed,
  &jy_fhir_codec_followup,
  &jy_fhir_codec_contact,
  &jy_fhir_codec_home_bed_round,
  &jy_fhir_codec_delivery,
  &jy_fhir_codec_long_rx,
  &jy_fhir_codec_long_rx_dispense,
  NULL,
};

/* Record types that stay on each workstation: their outbox entries are
 * settled (done, nothing sent) at the end of each run instead of waiting
 * for ever. The drug catalogue is the centre's own list; prescriptions
 * carry each drug by its code, and a pulled one naming a code this
 * workstation lacks becomes an "invalid" conflict. */
static const char *const local_entities[] = {
  "drug",
  NULL,
};

const char *const *
jy_fhir_local_entities (void)
{
  return local_entities;
}

gboolean
jy_fhir_entity_is_local (const char *entity)
{
  return entity != NULL && g_strv_contains (local_entities, entity);
}

const JyFhirCodec *const *
jy_fhir_codecs (void)
{
#ifndef G_DISABLE_ASSERT
  for (guint i = 1; codecs[i] != NULL; i++)
    g_assert (codecs[i - 1]->rank <= codecs[i]->rank);
#endif
  return codecs;
}

const JyFhirCodec *
jy_fhir_codec_for_entity (const char *entity,
                          gboolean   *is_child)
{
  if (is_child != NULL)
    *is_child = FALSE;
  for (guint i = 0; codecs[i] != NULL; i++)
    {
      if (g_strcmp0 (codecs[i]->entity, entity) == 0)
        return codecs[i];
      if (g_strcmp0 (codecs[i]->child_entity, entity) == 0)
        {
          if (is_child != NULL)
            *is_child = TRUE;
          return codecs[i];
        }
    }
  return NULL;
}

const JyFhirCodec *
jy_fhir_codec_for_resource_type (const char *resource_type)
{
  for (guint i = 0; codecs[i] != NULL; i++)
    if (g_strcmp0 (codecs[i]->resource_type, resource_type) == 0)
      return codecs[i];
  return NULL;
}

gboolean
jy_fhir_codec_pulls_type (const JyFhirCodec *codec)
{
  if (!codec->pull)
    return FALSE;
  for (guint i = 0; codecs[i] != NULL && codecs[i] != codec; i++)
    if (codecs[i]->pull && strcmp (codecs[i]->resource_type, codec->resource_type) == 0)
      return FALSE;
  return TRUE;
}

/* Lenient on purpose: this only picks the codec, whose decode then reads
 * the resource carefully and says what is wrong with it. */
const JyFhirCodec *
jy_fhir_codec_for_resource (JsonObject *resource)
{
  const JyFhirCodec *first = NULL;
  JsonNode *node = json_object_get_member (resource, "resourceType");
  const char *type;
  JsonArray *identifiers;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  type = json_node_get_string (node);
  for (guint i = 0; codecs[i] != NULL && first == NULL; i++)
    if (codecs[i]->pull && strcmp (codecs[i]->resource_type, type) == 0)
      first = codecs[i];
  if (first == NULL)
    return NULL;

  node = json_object_get_member (resource, "identifier");
  identifiers = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = 0; identifiers != NULL && i < json_array_get_length (identifiers) && i < JY_FHIR_MAX_ARRAY; i++)
    {
      JsonNode *element = json_array_get_element (identifiers, i);
      JsonNode *system;
      const char *text;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          (system = json_object_get_member (json_node_get_object (element), "system")) == NULL ||
          json_node_get_value_type (system) != G_TYPE_STRING ||
          !g_str_has_prefix ((text = json_node_get_string (system)), "urn:jiayi:"))
        continue;
      for (guint j = 0; codecs[j] != NULL; j++)
        if (codecs[j]->pull && strcmp (codecs[j]->resource_type, type) == 0 &&
            strcmp (codecs[j]->entity, text + strlen ("urn:jiayi:")) == 0)
          return codecs[j];
    }
  return first;
}
