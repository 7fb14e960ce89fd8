/* jy-fhir-codec-enrolment.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * chronic_enrolment ⇄ Condition (domain.md §3.1, §7.2, §7.3). The
 * diagnosis is the Condition; the management programme it is enrolled in
 * travels as a coding and extensions of it. An EpisodeOfCare of type
 * htn/t2dm (§7.2's second resource) is not sent yet: contracts are the
 * EpisodeOfCare this workstation pushes, and one pulled type per codec
 * keeps each type's cursor its own.
 *
 *   id, identifier urn:jiayi:chronic_enrolment   row uuid
 *   code.coding  http://hl7.org/fhir/sid/icd-10  icd10 as written (I10.x00)
 *                urn:jiayi:cs:programme          htn | t2dm
 *   clinicalStatus                 managing→active, ended→inactive
 *   verificationStatus             confirmed, or entered-in-error
 *   ext row-status                 status as stored
 *   category problem-list-item
 *   subject                        Patient/{resident}
 *   onsetDateTime, recordedDate    diagnosis_date, enrol_date
 *   asserter                       Practitioner/{doctor}
 *   ext care-team                  CareTeam/{team}
 *   ext diagnosis-institution      diagnosis_institution
 *   abatementDateTime, ext end-reason, ext end-note   end of management
 *
 * The worklist columns are derived: recomputed from the follow-ups after
 * every pulled enrolment.
 */

#include "config.h"

#include <string.h>

#include "jy-chronic-private.h"
#include "jy-fhir-row.h"
#include "jy-fhir-codec-private.h"

#define EXT_STATUS      "urn:jiayi:ext:row-status"
#define EXT_TEAM        "urn:jiayi:ext:care-team"
#define EXT_INSTITUTION "urn:jiayi:ext:diagnosis-institution"
#define EXT_END_REASON  "urn:jiayi:ext:end-reason"
#define EXT_END_NOTE    "urn:jiayi:ext:end-note"
#define CS_ICD10        "http://hl7.org/fhir/sid/icd-10"
#define CS_PROGRAMME    "urn:jiayi:cs:programme"
#define CS_CLINICAL     "http://terminology.hl7.org/CodeSystem/condition-clinical"
#define CS_VERIFICATION "http://terminology.hl7.org/CodeSystem/condition-ver-status"
#define CS_CATEGORY     "http://terminology.hl7.org/CodeSystem/condition-category"

enum {
  C_STATUS, C_RESIDENT, C_PROGRAMME, C_ICD10, C_DIAGNOSIS_DATE, C_INSTITUTION, C_ENROL_DATE,
  C_DOCTOR, C_TEAM, C_END_DATE, C_END_REASON, C_END_NOTE, N_COLUMNS
};

static const JyFhirColumn columns[] = {
  { "status", JY_FHIR_COL_TEXT, NULL, NULL },
  { "resident_id", JY_FHIR_COL_REF, "resident", NULL },
  { "programme_id", JY_FHIR_COL_REF, "programme", "code" },
  { "icd10", JY_FHIR_COL_TEXT, NULL, NULL },
  { "diagnosis_date", JY_FHIR_COL_TEXT, NULL, NULL },
  { "diagnosis_institution", JY_FHIR_COL_TEXT, NULL, NULL },
  { "enrol_date", JY_FHIR_COL_TEXT, NULL, NULL },
  { "doctor_id", JY_FHIR_COL_REF, "staff", NULL },
  { "team_id", JY_FHIR_COL_REF, "team", NULL },
  { "end_date", JY_FHIR_COL_TEXT, NULL, NULL },
  { "end_reason", JY_FHIR_COL_TEXT, NULL, NULL },
  { "end_note", JY_FHIR_COL_TEXT, NULL, NULL },
};

static gboolean
enrolment_after_apply (JyDb       *db,
                       gint64      id,
                       JyFhirRow  *row,
                       GError    **error)
{
  return jy_chronic_state_refresh (db, id, error);
}

static JyFhirRowSql sql;

static const JyFhirRowSpec spec = {
  .table = "chronic_enrolment",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .owner = "resident_id",
  .after_apply = enrolment_after_apply,
  .sql = &sql,
};

static const char *const statuses[] = { "managing", "ended", "entered-in-error", NULL };
static const char *const programmes[] = { "htn", "t2dm", NULL };
static const char *const end_reasons[] = { "death", "moved-out", "diagnosis-revoked", "refused", NULL };

static void
add_coding (JsonBuilder *builder,
            const char  *member,
            const char  *system,
            const char  *code)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", system);
  jy_fhir_add_string (builder, "code", code);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static JsonNode *
enrolment_encode (gconstpointer        data,
                  const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  gboolean error_entry = g_strcmp0 (v[C_STATUS], "entered-in-error") == 0;

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "Condition");
  jy_fhir_add_string (builder, "id", row->uuid);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, EXT_STATUS, "Code", v[C_STATUS]);
  if (v[C_TEAM] != NULL)
    {
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", EXT_TEAM);
      jy_fhir_add_reference (builder, "valueReference", "CareTeam", v[C_TEAM]);
      json_builder_end_object (builder);
    }
  jy_fhir_add_extension (builder, EXT_INSTITUTION, "String", v[C_INSTITUTION]);
  jy_fhir_add_extension (builder, EXT_END_REASON, "Code", v[C_END_REASON]);
  jy_fhir_add_extension (builder, EXT_END_NOTE, "String", v[C_END_NOTE]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:chronic_enrolment", row->uuid);
  json_builder_end_array (builder);
  /* R4 con-5: no clinicalStatus on an entered-in-error Condition. */
  if (!error_entry)
    add_coding (builder, "clinicalStatus", CS_CLINICAL,
                g_strcmp0 (v[C_STATUS], "ended") == 0 ? "inactive" : "active");
  add_coding (builder, "verificationStatus", CS_VERIFICATION,
              error_entry ? "entered-in-error" : "confirmed");
  json_builder_set_member_name (builder, "category");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", CS_CATEGORY);
  jy_fhir_add_string (builder, "code", "problem-list-item");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "code");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  if (v[C_ICD10] != NULL)
    {
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "system", CS_ICD10);
      jy_fhir_add_string (builder, "code", v[C_ICD10]);
      json_builder_end_object (builder);
    }
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", CS_PROGRAMME);
  jy_fhir_add_string (builder, "code", v[C_PROGRAMME]);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  jy_fhir_add_reference (builder, "subject", "Patient", v[C_RESIDENT]);
  jy_fhir_add_string (builder, "onsetDateTime", v[C_DIAGNOSIS_DATE]);
  jy_fhir_add_string (builder, "abatementDateTime", v[C_END_DATE]);
  jy_fhir_add_string (builder, "recordedDate", v[C_ENROL_DATE]);
  jy_fhir_add_reference (builder, "asserter", "Practitioner", v[C_DOCTOR]);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
read_ext (JsonArray   *extensions,
          const char  *url,
          const char  *member,
          guint        max_chars,
          char       **out,
          GError     **error)
{
  JsonObject *extension = jy_fhir_find_extension (extensions, url);

  g_clear_pointer (out, g_free);
  return extension == NULL || jy_fhir_read_text (extension, member, max_chars, out, error);
}

/* The ICD-10 and programme codes of Condition.code. */
static gboolean
decode_code (JsonObject  *resource,
             char       **v,
             GError     **error)
{
  JsonObject *code = NULL;
  JsonArray *codings = NULL;
  guint n;

  if (!jy_fhir_read_object (resource, "code", &code, error) ||
      (code != NULL && !jy_fhir_read_array (code, "coding", &codings, error)))
    return FALSE;
  n = codings != NULL ? json_array_get_length (codings) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *coding = jy_fhir_array_object (codings, i, "coding", error);
      const char *system = NULL;

      if (coding == NULL || !jy_fhir_read_string (coding, "system", &system, error))
        return FALSE;
      if (g_strcmp0 (system, CS_ICD10) == 0 &&
          !jy_fhir_read_text (coding, "code", 0, &v[C_ICD10], error))
        return FALSE;
      if (g_strcmp0 (system, CS_PROGRAMME) == 0 &&
          !jy_fhir_read_text (coding, "code", 0, &v[C_PROGRAMME], error))
        return FALSE;
    }
  if (!jy_fhir_is_one_of (v[C_PROGRAMME], programmes))
    return jy_fhir_invalid (error, "Condition", "programme code");
  /* A letter, two digits, then the local extension (I10.x00, E11.900). */
  if (v[C_ICD10] != NULL &&
      (!jy_fhir_is_code (v[C_ICD10], 16) || !g_ascii_isupper (v[C_ICD10][0]) ||
       !g_ascii_isdigit (v[C_ICD10][1]) || !g_ascii_isdigit (v[C_ICD10][2])))
    return jy_fhir_invalid (error, "Condition", "ICD-10 code");
  return TRUE;
}

static gpointer
enrolment_decode (JsonObject           *resource,
                  const JyFhirOptions  *options,
                  GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  char **v = row->values;
  JsonArray *extensions = NULL;
  JsonObject *team;

  if (!jy_fhir_read_jiayi_id (resource, "chronic_enrolment", &row->uuid, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !read_ext (extensions, EXT_STATUS, "valueCode", 0, &v[C_STATUS], error) ||
      !read_ext (extensions, EXT_INSTITUTION, "valueString", 0, &v[C_INSTITUTION], error) ||
      !read_ext (extensions, EXT_END_REASON, "valueCode", 0, &v[C_END_REASON], error) ||
      !read_ext (extensions, EXT_END_NOTE, "valueString", 0, &v[C_END_NOTE], error) ||
      !decode_code (resource, v, error) ||
      !jy_fhir_read_reference (resource, "subject", "Patient", &v[C_RESIDENT], error) ||
      !jy_fhir_read_reference (resource, "asserter", "Practitioner", &v[C_DOCTOR], error) ||
      !jy_fhir_read_text (resource, "onsetDateTime", 0, &v[C_DIAGNOSIS_DATE], error) ||
      !jy_fhir_read_text (resource, "abatementDateTime", 0, &v[C_END_DATE], error) ||
      !jy_fhir_read_text (resource, "recordedDate", 0, &v[C_ENROL_DATE], error))
    return NULL;
  team = jy_fhir_find_extension (extensions, EXT_TEAM);
  if (team != NULL && !jy_fhir_read_reference (team, "valueReference", "CareTeam", &v[C_TEAM], error))
    return NULL;

  if (v[C_RESIDENT] == NULL)
    return jy_fhir_invalid (error, "Condition", "no subject"), NULL;
  if (!jy_fhir_is_date (v[C_ENROL_DATE]))
    return jy_fhir_invalid (error, "Condition", "recordedDate (enrolment date)"), NULL;
  if ((v[C_DIAGNOSIS_DATE] != NULL && !jy_fhir_is_date (v[C_DIAGNOSIS_DATE])) ||
      (v[C_END_DATE] != NULL && !jy_fhir_is_date (v[C_END_DATE])))
    return jy_fhir_invalid (error, "Condition", "onset or abatement date"), NULL;
  if (v[C_STATUS] == NULL)
    v[C_STATUS] = g_strdup (v[C_END_DATE] != NULL ? "ended" : "managing");
  if (!jy_fhir_is_one_of (v[C_STATUS], statuses))
    return jy_fhir_invalid (error, "Condition", "status"), NULL;
  if (v[C_END_REASON] != NULL && !jy_fhir_is_one_of (v[C_END_REASON], end_reasons))
    return jy_fhir_invalid (error, "Condition", "end reason"), NULL;
  /* The table's CHECK: an ended enrolment has its date and reason. */
  if (g_str_equal (v[C_STATUS], "ended") && (v[C_END_DATE] == NULL || v[C_END_REASON] == NULL))
    return jy_fhir_invalid (error, "Condition", "ended without date or reason"), NULL;
  return g_steal_pointer (&row);
}

static gpointer
enrolment_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  return jy_fhir_row_load (&spec, db, uuid, remote_version, error);
}

static gboolean
enrolment_apply (JyDb *db, gpointer record, const char *version, GError **error)
{
  return jy_fhir_row_apply (&spec, "chronic_enrolment", db, record, version, error);
}

static gboolean
enrolment_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_enrolment = {
  .entity = "chronic_enrolment",
  .resource_type = "Condition",
  .rank = 40,
  .pull = TRUE,
  .version_sql = "SELECT remote_version FROM chronic_enrolment WHERE uuid = ?1",
  .label_sql =
    "SELECT r.name FROM chronic_enrolment e JOIN resident r ON r.id = e.resident_id WHERE e.uuid = ?1",
  .encode = enrolment_encode,
  .decode = enrolment_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = enrolment_load,
  .apply = enrolment_apply,
  .set_version = enrolment_set_version,
};
