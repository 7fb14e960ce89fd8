/* jy-fhir-codecs.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-fhir-codec.h"

/* Every syncable record type, in rank order. Adding one: a file
 * jy-fhir-codec-<entity>.c, its line here and in meson.build. */
extern const JyFhirCodec jy_fhir_codec_site;
extern const JyFhirCodec jy_fhir_codec_staff;
extern const JyFhirCodec jy_fhir_codec_team;
extern const JyFhirCodec jy_fhir_codec_resident;
extern const JyFhirCodec jy_fhir_codec_enrolment;
extern const JyFhirCodec jy_fhir_codec_contract;
extern const JyFhirCodec jy_fhir_codec_followup;
extern const JyFhirCodec jy_fhir_codec_contact;

static const JyFhirCodec *const codecs[] = {
  &jy_fhir_codec_site,
  &jy_fhir_codec_staff,
  &jy_fhir_codec_team,
  &jy_fhir_codec_resident,
  &jy_fhir_codec_enrolment,
  &jy_fhir_codec_contract,
  &jy_fhir_codec_followup,
  &jy_fhir_codec_contact,
  NULL,
};

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
