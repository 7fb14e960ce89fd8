/* jy-fhir-resident.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-fhir-codec.h"
#include "jy-resident.h"

G_BEGIN_DECLS

/* What one Patient carries: the registry record, its manual key-population
 * tags (as extensions: they are facts about the person with periods,
 * domain.md §7.2, and travel atomically with the Patient), its team and
 * the centre that manages it. */
typedef struct
{
  char *uuid;
  char *tag;          /* jy_key_population_to_string() code */
  char *start_date;
  char *end_date;
  char *source;
  char *status;       /* active, entered-in-error */
} JyFhirTag;

typedef struct
{
  JyResident *resident;
  char       *team_uuid;     /* NULL: no team */
  char       *centre_uuid;   /* Patient.managingOrganization */
  GPtrArray  *tags;          /* JyFhirTag */
} JyFhirResident;

JyFhirResident *jy_fhir_resident_new  (void);
void            jy_fhir_resident_free (JyFhirResident *self);
JyFhirTag      *jy_fhir_tag_new       (const char     *uuid,
                                       const char     *tag,
                                       const char     *start_date);

extern const JyFhirCodec jy_fhir_codec_resident;

/* Extension URLs (urn:jiayi:ext:*, as the identifiers' urn:jiayi:*). */
#define JY_FHIR_EXT_SEX_CODE        "urn:jiayi:ext:sex-code"
#define JY_FHIR_EXT_ETHNICITY       "urn:jiayi:ext:ethnicity"
#define JY_FHIR_EXT_RESIDENCE_TYPE  "urn:jiayi:ext:residence-type"
#define JY_FHIR_EXT_PAYMENT         "urn:jiayi:ext:payment-type"
#define JY_FHIR_EXT_HOUSEHOLD       "urn:jiayi:ext:household"
#define JY_FHIR_EXT_ID_ORIGINAL     "urn:jiayi:ext:id-number-original"
#define JY_FHIR_EXT_RECORD_STATUS   "urn:jiayi:ext:record-status"
#define JY_FHIR_EXT_CARE_TEAM       "urn:jiayi:ext:care-team"
#define JY_FHIR_EXT_KEY_POPULATION  "urn:jiayi:ext:key-population"
#define JY_FHIR_EXT_AREA_CODE       "urn:jiayi:ext:area-code"
#define JY_FHIR_EXT_REGISTERED      "urn:jiayi:ext:registered-address"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyFhirResident, jy_fhir_resident_free)

G_END_DECLS
