/* jy-fhir-codec-home-bed-common.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the home-bed codecs share: coded concepts, contained LOINC
 * Observations (as the follow-up codec sends them), the row status.
 */

#include "config.h"

#include <string.h>

#include "jy-fhir-home-bed.h"
#include "jy-fhir-codec-private.h"

void
jy_fhir_hb_add_concept (JsonBuilder *builder,
                        const char  *member,
                        const char  *system,
                        const char  *code,
                        const char  *display)
{
  if (member != NULL)
    json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", system);
  jy_fhir_add_string (builder, "code", code);
  jy_fhir_add_string (builder, "display", display);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_quantity (JsonBuilder           *builder,
              const JyFhirHbMeasure *m,
              const char            *value)
{
  json_builder_set_member_name (builder, "valueQuantity");
  json_builder_begin_object (builder);
  if (m->integer)
    jy_fhir_add_int_member (builder, "value", value);
  else
    jy_fhir_add_real_member (builder, "value", value);
  jy_fhir_add_string (builder, "unit", m->unit);
  jy_fhir_add_string (builder, "system", JY_FHIR_HB_CS_UCUM);
  jy_fhir_add_string (builder, "code", m->unit);
  json_builder_end_object (builder);
}

static void
begin_observation (JsonBuilder *builder,
                   const char  *id,
                   const char  *category,
                   const char  *loinc,
                   const char  *display,
                   const char  *status,
                   const char  *patient,
                   const char  *date)
{
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "Observation");
  jy_fhir_add_string (builder, "id", id);
  jy_fhir_add_string (builder, "status", status);
  json_builder_set_member_name (builder, "category");
  json_builder_begin_array (builder);
  jy_fhir_hb_add_concept (builder, NULL, "http://terminology.hl7.org/CodeSystem/observation-category",
                          category, NULL);
  json_builder_end_array (builder);
  jy_fhir_hb_add_concept (builder, "code", JY_FHIR_HB_CS_LOINC, loinc, display);
  jy_fhir_add_reference (builder, "subject", "Patient", patient);
  jy_fhir_add_string (builder, "effectiveDateTime", date);
}

void
jy_fhir_hb_add_observations (JsonBuilder           *builder,
                             const char            *panel_loinc,
                             const char            *panel_display,
                             const JyFhirHbMeasure *parts,
                             guint                  n_parts,
                             const JyFhirHbMeasure *measures,
                             guint                  n_measures,
                             char *const           *values,
                             const char            *status,
                             const char            *patient,
                             const char            *date)
{
  gboolean panel = FALSE;

  for (guint i = 0; i < n_parts; i++)
    panel = panel || values[parts[i].column] != NULL;
  json_builder_set_member_name (builder, "contained");
  json_builder_begin_array (builder);
  if (panel_loinc != NULL && panel)
    {
      begin_observation (builder, parts[0].id, parts[0].category, panel_loinc, panel_display,
                         status, patient, date);
      json_builder_set_member_name (builder, "component");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_parts; i++)
        {
          if (values[parts[i].column] == NULL)
            continue;
          json_builder_begin_object (builder);
          jy_fhir_hb_add_concept (builder, "code", JY_FHIR_HB_CS_LOINC, parts[i].loinc, parts[i].display);
          add_quantity (builder, &parts[i], values[parts[i].column]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  for (guint i = 0; i < n_measures; i++)
    {
      const JyFhirHbMeasure *m = &measures[i];
      const char *value = values[m->column];

      if (value == NULL)
        continue;
      begin_observation (builder, m->id, m->category, m->loinc, m->display, status, patient, date);
      add_quantity (builder, m, value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
jy_fhir_hb_add_local_refs (JsonBuilder           *builder,
                           const char            *url,
                           const char            *wrap_member,
                           const JyFhirHbMeasure *measures,
                           guint                  n_measures,
                           char *const           *values)
{
  for (guint i = 0; i < n_measures; i++)
    {
      g_autofree char *local = NULL;

      if (values[measures[i].column] == NULL)
        continue;
      local = g_strconcat ("#", measures[i].id, NULL);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", url);
      json_builder_set_member_name (builder, wrap_member);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "reference", local);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
}

static gboolean
read_concept_code (JsonObject  *concept,
                   const char  *system,
                   char       **out,
                   GError     **error)
{
  JsonArray *codings = NULL;
  guint n;

  if (!jy_fhir_read_array (concept, "coding", &codings, error))
    return FALSE;
  n = codings != NULL ? json_array_get_length (codings) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *coding = jy_fhir_array_object (codings, i, "coding", error);
      const char *s = NULL;

      if (coding == NULL || !jy_fhir_read_string (coding, "system", &s, error))
        return FALSE;
      if (g_strcmp0 (s, system) == 0)
        return jy_fhir_read_text (coding, "code", 64, out, error);
    }
  return TRUE;
}

gboolean
jy_fhir_hb_read_code (JsonObject  *object,
                      const char  *member,
                      const char  *system,
                      char       **out,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *concept = NULL;

  g_clear_pointer (out, g_free);
  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = NULL;

      if (!jy_fhir_read_array (object, member, &array, error))
        return FALSE;
      if (json_array_get_length (array) == 0)
        return TRUE;
      if ((concept = jy_fhir_array_object (array, 0, member, error)) == NULL)
        return FALSE;
    }
  else if (!jy_fhir_read_object (object, member, &concept, error))
    return FALSE;
  return concept == NULL || read_concept_code (concept, system, out, error);
}

/* One valueQuantity of measure @m into values[m->column]. */
static gboolean
read_quantity (JsonObject            *object,
               const JyFhirHbMeasure *m,
               char                 **values,
               const char            *type,
               GError               **error)
{
  JsonObject *quantity = NULL;
  g_autofree char *value = NULL;
  const char *unit = NULL;

  if (!jy_fhir_read_object (object, "valueQuantity", &quantity, error))
    return FALSE;
  if (quantity == NULL)
    return jy_fhir_invalid (error, type, "observation without valueQuantity");
  if (!jy_fhir_read_string (quantity, "code", &unit, error) ||
      !jy_fhir_read_number (quantity, "value", m->integer, m->min, m->max, &value, error))
    return FALSE;
  /* Pick by unit, never convert nor mix. */
  if (value == NULL || g_strcmp0 (unit, m->unit) != 0)
    return jy_fhir_invalid (error, type, "observation value or unit");
  if (values[m->column] != NULL)
    return jy_fhir_invalid (error, type, "two observations of one measure");
  values[m->column] = g_steal_pointer (&value);
  return TRUE;
}

static const JyFhirHbMeasure *
find_measure (const JyFhirHbMeasure *measures,
              guint                  n,
              const char            *loinc)
{
  for (guint k = 0; k < n; k++)
    if (g_strcmp0 (loinc, measures[k].loinc) == 0)
      return &measures[k];
  return NULL;
}

static gboolean
read_components (JsonObject            *observation,
                 const JyFhirHbMeasure *parts,
                 guint                  n_parts,
                 char                 **values,
                 const char            *type,
                 GError               **error)
{
  JsonArray *components = NULL;
  guint n;

  if (!jy_fhir_read_array (observation, "component", &components, error))
    return FALSE;
  n = components != NULL ? json_array_get_length (components) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *component = jy_fhir_array_object (components, i, "component", error);
      g_autofree char *loinc = NULL;
      const JyFhirHbMeasure *m;

      if (component == NULL ||
          !jy_fhir_hb_read_code (component, "code", JY_FHIR_HB_CS_LOINC, &loinc, error))
        return FALSE;
      if ((m = find_measure (parts, n_parts, loinc)) != NULL &&
          !read_quantity (component, m, values, type, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
jy_fhir_hb_read_observations (JsonObject            *resource,
                              const char            *panel_loinc,
                              const JyFhirHbMeasure *parts,
                              guint                  n_parts,
                              const JyFhirHbMeasure *measures,
                              guint                  n_measures,
                              char                 **values,
                              const char            *type,
                              GError               **error)
{
  JsonArray *contained = NULL;
  guint n;

  if (!jy_fhir_read_array (resource, "contained", &contained, error))
    return FALSE;
  n = contained != NULL ? json_array_get_length (contained) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *observation = jy_fhir_array_object (contained, i, "contained", error);
      g_autofree char *loinc = NULL;
      const char *rtype = NULL;
      const JyFhirHbMeasure *m;

      if (observation == NULL ||
          !jy_fhir_read_string (observation, "resourceType", &rtype, error))
        return FALSE;
      if (g_strcmp0 (rtype, "Observation") != 0)
        continue;   /* someone else's contained resource */
      if (!jy_fhir_hb_read_code (observation, "code", JY_FHIR_HB_CS_LOINC, &loinc, error))
        return FALSE;
      if (panel_loinc != NULL && g_strcmp0 (loinc, panel_loinc) == 0)
        {
          if (!read_components (observation, parts, n_parts, values, type, error))
            return FALSE;
          continue;
        }
      if ((m = find_measure (measures, n_measures, loinc)) != NULL &&
          !read_quantity (observation, m, values, type, error))
        return FALSE;
    }
  return TRUE;
}

const char *
jy_fhir_hb_fhir_status (const char        *status,
                        const char *const *fhir,
                        const char *const *row)
{
  for (guint i = 0; row[i] != NULL; i++)
    if (g_strcmp0 (status, row[i]) == 0)
      return fhir[i];
  return fhir[0];
}

gboolean
jy_fhir_hb_read_status (JsonObject         *resource,
                        JsonArray          *extensions,
                        const char *const  *fhir,
                        const char *const  *row,
                        char              **out,
                        const char         *type,
                        GError            **error)
{
  JsonObject *ext = jy_fhir_find_extension (extensions, JY_FHIR_HB_EXT_STATUS);
  const char *status = NULL;

  g_clear_pointer (out, g_free);
  if ((ext != NULL && !jy_fhir_read_text (ext, "valueCode", 32, out, error)) ||
      !jy_fhir_read_string (resource, "status", &status, error))
    return FALSE;
  if (*out == NULL)
    for (guint i = 0; fhir[i] != NULL && *out == NULL; i++)
      if (g_strcmp0 (status, fhir[i]) == 0)
        *out = g_strdup (row[i]);
  if (*out == NULL || !jy_fhir_is_one_of (*out, row))
    return jy_fhir_invalid (error, type, "status");
  /* The exact status and the FHIR one must say the same. */
  if (status != NULL && strcmp (status, jy_fhir_hb_fhir_status (*out, fhir, row)) != 0)
    return jy_fhir_invalid (error, type, "status contradicts the row status");
  return TRUE;
}
