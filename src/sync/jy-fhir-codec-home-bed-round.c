/* jy-fhir-codec-home-bed-round.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * home_bed_round ⇄ Encounter of class HH (domain.md §5.3, sync.md
 * "Mapping"). Encounter is pulled once, at the follow-up codec's rank
 * (50), and each resource goes to the codec its urn:jiayi identifier
 * names; a round references only what ranks before 50 (the bed's
 * EpisodeOfCare is pulled at 40).
 *
 *   id, identifier urn:jiayi:home_bed_round  row uuid
 *   status                              final→finished, entered-in-error
 *   class (v3 ActCode)                  HH
 *   type urn:jiayi:cs:home-bed-round    1 doctor's round, 2 nursing visit, 3 joint
 *   subject, episodeOfCare              Patient/{resident}, EpisodeOfCare/{bed}
 *   participant.individual              Practitioner/{staff}
 *   period.start                        round_date
 *   contained Observation (LOINC, UCUM) 8310-5 temperature Cel, 8867-4 pulse
 *                                       /min, 9279-1 respiration /min, BP panel
 *                                       85354-9 = 8480-6 SBP + 8462-4 DBP
 *                                       mm[Hg] (components), 59408-5
 *                                       SpO2 %, 15074-8 blood glucose mmol/L,
 *                                       72514-3 pain severity 0-10 {score},
 *                                       29463-7 weight kg
 *   ext observation valueReference      "#id" of each contained one (dom-3)
 *   ext home-bed-procedure valueCoding  urn:jiayi:cs:home-bed-procedure, one
 *                                       per procedure done (the app's codes)
 *   ext home-bed-round {column: …}      times, author's role, note, pressure
 *                                       stage, next round date
 *
 * Vitals are refused outside the round form's ranges (jy_home_bed_vital_check).
 * After a pulled round its bed's derived columns (doctor_due, nurse_due,
 * last_round_on: "today's rounds") are recomputed.
 */

#include "config.h"

#include <string.h>

#include "jy-fhir-home-bed.h"
#include "jy-fhir-codec-private.h"
#include "jy-home-bed-round.h"
#include "jy-home-bed-store-private.h"

#define EXT_FIELDS      "urn:jiayi:ext:home-bed-round"
#define EXT_PROCEDURE   "urn:jiayi:ext:home-bed-procedure"
#define EXT_OBSERVATION "urn:jiayi:ext:observation"
#define CS_KIND         "urn:jiayi:cs:home-bed-round"
#define CS_PROCEDURE    "urn:jiayi:cs:home-bed-procedure"
#define CS_ACT          "http://terminology.hl7.org/CodeSystem/v3-ActCode"

enum {
  C_STATUS, C_BED, C_RESIDENT, C_DATE, C_START, C_END, C_KIND, C_STAFF, C_ROLE,
  C_TEMPERATURE, C_PULSE, C_RESPIRATION, C_SBP, C_DBP, C_SPO2, C_GLUCOSE, C_PAIN, C_WEIGHT,
  C_NOTE, C_PROCEDURES, C_PRESSURE, C_NEXT, N_COLUMNS
};

#define T(name) { name, JY_FHIR_COL_TEXT, NULL, NULL }
#define I(name) { name, JY_FHIR_COL_INT, NULL, NULL }
#define R(name) { name, JY_FHIR_COL_REAL, NULL, NULL }

static const JyFhirColumn columns[] = {
  T ("status"), { "home_bed_id", JY_FHIR_COL_REF, "home_bed", NULL },
  { "resident_id", JY_FHIR_COL_REF, "resident", NULL }, T ("round_date"), I ("start_minute"),
  I ("end_minute"), T ("kind"), { "staff_id", JY_FHIR_COL_REF, "staff", NULL }, T ("staff_role"),
  R ("temperature"), R ("pulse"), R ("respiration"), R ("sbp"), R ("dbp"), R ("spo2"),
  R ("glucose"), R ("pain"), R ("weight"), T ("note"), T ("procedures"), I ("pressure_stage"),
  T ("next_round"),
};

#undef T
#undef I
#undef R

static const JyFhirField fields[] = {
  { C_START, 0, 1439, FALSE }, { C_END, 0, 1439, FALSE }, { C_ROLE, 0, 32, FALSE },
  { C_NOTE, 0, 0, FALSE }, { C_PRESSURE, 0, JY_PRESSURE_STAGE_N - 1, TRUE },
  { C_NEXT, 0, 10, FALSE },
};

/* The vitals with an Observation of their own. The bounds here only
 * keep numbers sane: the core rule checks the ranges after. */
static const JyFhirHbMeasure vitals[] = {
  { C_TEMPERATURE, "temp", "8310-5", "Body temperature", "Cel", "vital-signs", FALSE, 0, 1000 },
  { C_PULSE, "pulse", "8867-4", "Heart rate", "/min", "vital-signs", FALSE, 0, 1000 },
  { C_RESPIRATION, "resp", "9279-1", "Respiratory rate", "/min", "vital-signs", FALSE, 0, 1000 },
  { C_SPO2, "spo2", "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%",
    "vital-signs", FALSE, 0, 1000 },
  { C_GLUCOSE, "glucose", "15074-8", "Glucose [Moles/volume] in Blood", "mmol/L", "laboratory",
    FALSE, 0, 1000 },
  { C_PAIN, "pain", "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
    "{score}", "survey", FALSE, 0, 1000 },
  { C_WEIGHT, "weight", "29463-7", "Body weight", "kg", "vital-signs", FALSE, 0, 1000 },
};

/* Blood pressure: one panel, systolic and diastolic as its components
 * (the FHIR vital-signs profile; as the follow-up codec sends it). */
static const JyFhirHbMeasure bp_parts[] = {
  { C_SBP, "bp", "8480-6", "Systolic blood pressure", "mm[Hg]", "vital-signs", FALSE, 0, 1000 },
  { C_DBP, "bp", "8462-4", "Diastolic blood pressure", "mm[Hg]", "vital-signs", FALSE, 0, 1000 },
};

#define LOINC_BP "85354-9"

/* Column of each JyHomeBedVital, for the core range check. */
static const int vital_columns[JY_HOME_BED_N_VITALS] = {
  [JY_HOME_BED_VITAL_TEMPERATURE] = C_TEMPERATURE, [JY_HOME_BED_VITAL_PULSE] = C_PULSE,
  [JY_HOME_BED_VITAL_RESPIRATION] = C_RESPIRATION, [JY_HOME_BED_VITAL_SBP] = C_SBP,
  [JY_HOME_BED_VITAL_DBP] = C_DBP, [JY_HOME_BED_VITAL_SPO2] = C_SPO2,
  [JY_HOME_BED_VITAL_GLUCOSE] = C_GLUCOSE, [JY_HOME_BED_VITAL_PAIN] = C_PAIN,
  [JY_HOME_BED_VITAL_WEIGHT] = C_WEIGHT,
};

static const char *const row_status[] = { "final", "entered-in-error", NULL };
static const char *const fhir_status[] = { "finished", "entered-in-error", NULL };

static gboolean
round_after_apply (JyDb       *db,
                   gint64      id,
                   JyFhirRow  *row,
                   GError    **error)
{
  static const char sql[] = "SELECT home_bed_id FROM home_bed_round WHERE id = ?1";
  gint64 bed;

  if (!jy_fhir_row_read_id (db, sql, id, &bed, error))
    return FALSE;
  return jy_home_bed_derive (db, bed, error);
}

static JyFhirRowSql sql;

static const JyFhirRowSpec spec = {
  .table = "home_bed_round",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .owner = "resident_id",
  .after_apply = round_after_apply,
  .sql = &sql,
};

static void
add_procedures (JsonBuilder *builder,
                const char  *procedures)
{
  g_auto(GStrv) codes = NULL;

  if (procedures == NULL || *procedures == '\0')
    return;
  codes = g_strsplit (procedures, ",", -1);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", EXT_PROCEDURE);
      json_builder_set_member_name (builder, "valueCoding");
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "system", CS_PROCEDURE);
      jy_fhir_add_string (builder, "code", codes[i]);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
}

static JsonNode *
round_encode (gconstpointer        data,
              const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char *status = jy_fhir_hb_fhir_status (v[C_STATUS], fhir_status, row_status);

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "Encounter");
  jy_fhir_add_string (builder, "id", row->uuid);
  jy_fhir_hb_add_observations (builder, LOINC_BP, "Blood pressure panel", bp_parts, G_N_ELEMENTS (bp_parts),
                               vitals, G_N_ELEMENTS (vitals), v,
                               g_str_equal (status, "finished") ? "final" : status,
                               v[C_RESIDENT], v[C_DATE]);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_hb_add_local_refs (builder, EXT_OBSERVATION, "valueReference", bp_parts, 1, v);
  if (v[C_SBP] == NULL && v[C_DBP] != NULL)
    jy_fhir_hb_add_local_refs (builder, EXT_OBSERVATION, "valueReference", bp_parts + 1, 1, v);
  jy_fhir_hb_add_local_refs (builder, EXT_OBSERVATION, "valueReference", vitals, G_N_ELEMENTS (vitals), v);
  add_procedures (builder, v[C_PROCEDURES]);
  jy_fhir_row_add_fields (builder, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:home_bed_round", row->uuid);
  json_builder_end_array (builder);
  jy_fhir_add_string (builder, "status", status);
  json_builder_set_member_name (builder, "class");
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", CS_ACT);
  jy_fhir_add_string (builder, "code", "HH");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_begin_array (builder);
  jy_fhir_hb_add_concept (builder, NULL, CS_KIND, v[C_KIND], NULL);
  json_builder_end_array (builder);
  jy_fhir_add_reference (builder, "subject", "Patient", v[C_RESIDENT]);
  if (v[C_BED] != NULL)
    {
      g_autofree char *reference = g_strconcat ("EpisodeOfCare/", v[C_BED], NULL);

      json_builder_set_member_name (builder, "episodeOfCare");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "reference", reference);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  if (v[C_STAFF] != NULL)
    {
      json_builder_set_member_name (builder, "participant");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_reference (builder, "individual", "Practitioner", v[C_STAFF]);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "start", v[C_DATE]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
invalid (GError    **error,
         const char *what)
{
  return jy_fhir_invalid (error, "Encounter", what);
}

/* The procedure codings, back to the stored canonical list. */
static gboolean
decode_procedures (JsonArray  *extensions,
                   char      **out,
                   GError    **error)
{
  guint n = extensions != NULL ? json_array_get_length (extensions) : 0;
  guint bits = 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *extension = jy_fhir_array_object (extensions, i, "extension", error);
      JsonObject *coding = NULL;
      const char *url = NULL, *system = NULL, *code = NULL;
      guint one = 0;

      if (extension == NULL || !jy_fhir_read_string (extension, "url", &url, error))
        return FALSE;
      if (g_strcmp0 (url, EXT_PROCEDURE) != 0)
        continue;
      if (!jy_fhir_read_object (extension, "valueCoding", &coding, error))
        return FALSE;
      if (coding == NULL || !jy_fhir_read_string (coding, "system", &system, error) ||
          !jy_fhir_read_string (coding, "code", &code, error))
        return invalid (error, "procedure");
      if (g_strcmp0 (system, CS_PROCEDURE) != 0 || code == NULL || strchr (code, ',') != NULL ||
          !jy_home_bed_procs_from_string (code, &one) || one == 0)
        return invalid (error, "procedure code");
      bits |= one;
    }
  g_free (*out);
  *out = jy_home_bed_procs_to_string (bits);
  return TRUE;
}

static gboolean
decode_header (JsonObject  *resource,
               char       **v,
               GError     **error)
{
  JsonObject *klass = NULL, *period = NULL, *participant;
  JsonArray *participants = NULL, *episodes = NULL;
  const char *system = NULL, *code = NULL;

  if (!jy_fhir_read_object (resource, "class", &klass, error) ||
      !jy_fhir_hb_read_code (resource, "type", CS_KIND, &v[C_KIND], error) ||
      !jy_fhir_read_reference (resource, "subject", "Patient", &v[C_RESIDENT], error) ||
      !jy_fhir_read_array (resource, "participant", &participants, error) ||
      !jy_fhir_read_array (resource, "episodeOfCare", &episodes, error) ||
      !jy_fhir_read_object (resource, "period", &period, error))
    return FALSE;
  if (klass == NULL || !jy_fhir_read_string (klass, "system", &system, error) ||
      !jy_fhir_read_string (klass, "code", &code, error))
    return invalid (error, "class");
  if (g_strcmp0 (system, CS_ACT) != 0 || g_strcmp0 (code, "HH") != 0)
    return invalid (error, "class is not HH");
  if (!jy_fhir_is_one_of (v[C_KIND], (const char *const[]) { "1", "2", "3", NULL }))
    return invalid (error, "round kind");
  if (participants != NULL && json_array_get_length (participants) > 0 &&
      ((participant = jy_fhir_array_object (participants, 0, "participant", error)) == NULL ||
       !jy_fhir_read_reference (participant, "individual", "Practitioner", &v[C_STAFF], error)))
    return FALSE;
  if (episodes != NULL && json_array_get_length (episodes) > 0)
    {
      g_autoptr(JsonObject) holder = json_object_new ();
      JsonObject *episode = jy_fhir_array_object (episodes, 0, "episodeOfCare", error);

      if (episode == NULL)
        return FALSE;
      json_object_set_object_member (holder, "e", json_object_ref (episode));
      if (!jy_fhir_read_reference (holder, "e", "EpisodeOfCare", &v[C_BED], error))
        return FALSE;
    }
  if (v[C_BED] == NULL)
    return invalid (error, "episodeOfCare (the home bed)");
  if (v[C_RESIDENT] == NULL)
    return invalid (error, "no subject");
  if (period == NULL || !jy_fhir_read_text (period, "start", 10, &v[C_DATE], error) ||
      !jy_fhir_is_date (v[C_DATE]))
    return invalid (error, "period.start (round date)");
  return TRUE;
}

static gpointer
round_decode (JsonObject           *resource,
              const JyFhirOptions  *options,
              GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  char **v = row->values;
  JsonArray *extensions = NULL;

  if (!jy_fhir_read_jiayi_id (resource, "home_bed_round", &row->uuid, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !jy_fhir_hb_read_status (resource, NULL, fhir_status, row_status, &v[C_STATUS], "Encounter", error) ||
      !decode_header (resource, v, error) ||
      !jy_fhir_row_read_fields (extensions, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields), error) ||
      !decode_procedures (extensions, &v[C_PROCEDURES], error) ||
      !jy_fhir_hb_read_observations (resource, LOINC_BP, bp_parts, G_N_ELEMENTS (bp_parts),
                                     vitals, G_N_ELEMENTS (vitals), v, "Encounter", error))
    return NULL;
  for (guint i = 0; i < JY_HOME_BED_N_VITALS; i++)
    if (v[vital_columns[i]] != NULL &&
        jy_home_bed_vital_check (i, g_ascii_strtod (v[vital_columns[i]], NULL)) != JY_HOME_BED_OK)
      return invalid (error, columns[vital_columns[i]].name), NULL;
  if (v[C_ROLE] == NULL)
    return invalid (error, "staff_role"), NULL;
  if (v[C_NEXT] != NULL && !jy_fhir_is_date (v[C_NEXT]))
    return invalid (error, "next_round"), NULL;
  if (v[C_START] != NULL && v[C_END] != NULL &&
      g_ascii_strtoll (v[C_END], NULL, 10) < g_ascii_strtoll (v[C_START], NULL, 10))
    return invalid (error, "ends before it starts"), NULL;
  return g_steal_pointer (&row);
}

static gpointer
round_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  return jy_fhir_row_load (&spec, db, uuid, remote_version, error);
}

static gboolean
round_apply (JyDb *db, gpointer record, const char *version, GError **error)
{
  return jy_fhir_row_apply (&spec, "home_bed_round", db, record, version, error);
}

static gboolean
round_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_home_bed_round = {
  .entity = "home_bed_round",
  .resource_type = "Encounter",
  .rank = 52,
  .pull = TRUE,
  .version_sql = "SELECT remote_version FROM home_bed_round WHERE uuid = ?1",
  .label_sql =
    "SELECT b.bed_number FROM home_bed_round o JOIN home_bed b ON b.id = o.home_bed_id WHERE o.uuid = ?1",
  .encode = round_encode,
  .decode = round_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = round_load,
  .apply = round_apply,
  .set_version = round_set_version,
};
