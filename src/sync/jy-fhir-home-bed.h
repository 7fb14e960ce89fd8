/* jy-fhir-home-bed.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-fhir-row.h"

G_BEGIN_DECLS

/* Shared pieces of the home-bed codecs (jy-fhir-codec-home-bed*.c):
 * application ServiceRequest, assessment ClinicalImpression, bed
 * EpisodeOfCare (+ renewals), round Encounter, the centre's policy Basic. */

#define JY_FHIR_HB_EXT_STATUS "urn:jiayi:ext:row-status"
#define JY_FHIR_HB_CS_LOINC   "http://loinc.org"
#define JY_FHIR_HB_CS_UCUM    "http://unitsofmeasure.org"

/* A measurement that travels as a contained Observation: LOINC code,
 * UCUM unit, bounds (the core rule's, or the table's CHECK). */
typedef struct
{
  int         column;
  const char *id;         /* the contained id: "#id" */
  const char *loinc;
  const char *display;
  const char *unit;
  const char *category;   /* observation-category code */
  gboolean    integer;
  double      min;
  double      max;
} JyFhirHbMeasure;

/* {"coding":[{system, code, display?}]} under @member. */
void      jy_fhir_hb_add_concept       (JsonBuilder           *builder,
                                        const char            *member,
                                        const char            *system,
                                        const char            *code,
                                        const char            *display);
/* The contained Observations of the measures that have a value: first
 * the panel @panel_loinc (id = @parts' id) whose components are @parts,
 * when one of them has a value (NULL: no panel), then one per measure. */
void      jy_fhir_hb_add_observations  (JsonBuilder           *builder,
                                        const char            *panel_loinc,
                                        const char            *panel_display,
                                        const JyFhirHbMeasure *parts,
                                        guint                  n_parts,
                                        const JyFhirHbMeasure *measures,
                                        guint                  n_measures,
                                        char *const           *values,
                                        const char            *status,
                                        const char            *patient,
                                        const char            *date);
/* {url?, wrap_member: {"reference":"#id"}} objects (inside an array the
 * caller opened), one per measure with a value, so that every contained
 * resource is referenced (dom-3). @url NULL: none. */
void      jy_fhir_hb_add_local_refs    (JsonBuilder           *builder,
                                        const char            *url,
                                        const char            *wrap_member,
                                        const JyFhirHbMeasure *measures,
                                        guint                  n_measures,
                                        char *const           *values);
/* Reads the contained Observations back into @values: an Observation (or
 * a component of the panel @panel_loinc) of a known LOINC code must carry
 * a valueQuantity of the unit within the bounds; unknown contained
 * resources and codes are ignored; a measure twice is refused. */
gboolean  jy_fhir_hb_read_observations (JsonObject            *resource,
                                        const char            *panel_loinc,
                                        const JyFhirHbMeasure *parts,
                                        guint                  n_parts,
                                        const JyFhirHbMeasure *measures,
                                        guint                  n_measures,
                                        char                 **values,
                                        const char            *type,
                                        GError               **error);
/* The code of the first coding of @system in the CodeableConcept @member
 * (or array of them when @member holds an array: its first element). */
gboolean  jy_fhir_hb_read_code         (JsonObject            *object,
                                        const char            *member,
                                        const char            *system,
                                        char                 **out,
                                        GError               **error);
/* The exact row status from urn:jiayi:ext:row-status, else the FHIR
 * status mapped by @fhir/@row (parallel NULL-terminated lists); then one
 * of @row. */
gboolean  jy_fhir_hb_read_status       (JsonObject            *resource,
                                        JsonArray             *extensions,
                                        const char *const     *fhir,
                                        const char *const     *row,
                                        char                 **out,
                                        const char            *type,
                                        GError               **error);
const char *jy_fhir_hb_fhir_status     (const char            *status,
                                        const char *const     *fhir,
                                        const char *const     *row);

extern const JyFhirCodec jy_fhir_codec_home_bed_policy;
extern const JyFhirCodec jy_fhir_codec_home_bed_application;
extern const JyFhirCodec jy_fhir_codec_home_bed_assessment;
extern const JyFhirCodec jy_fhir_codec_home_bed;
extern const JyFhirCodec jy_fhir_codec_home_bed_round;

G_END_DECLS
