/* jy-fhir-codec-home-bed-intake.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The way into a home bed (domain.md §5.1–5.2): the application and the
 * assessment at home, each its own resource, ranked before EpisodeOfCare
 * (40) because the bed references both.
 *
 * home_bed_application ⇄ ServiceRequest
 *   id, identifier urn:jiayi:home_bed_application   row uuid
 *   status + ext row-status          open→active, accepted→completed,
 *                                    declined/withdrawn→revoked, entered-in-error
 *   intent proposal; code urn:jiayi:cs:episode-type home-bed
 *   subject Patient; authoredOn      applied_on
 *   ext home-bed-application         source, referral_from, request, assess_by
 *
 * home_bed_assessment ⇄ ClinicalImpression
 *   id, identifier urn:jiayi:home_bed_assessment    row uuid
 *   status + ext row-status          final→completed, entered-in-error
 *   code urn:jiayi:cs:assessment home-bed; subject Patient;
 *   assessor Practitioner; effectiveDateTime         assessed_on
 *   contained Observations, referenced by finding.itemReference:
 *                                    Barthel total 96761-2 {score} (adl_score),
 *                                    Braden total 38227-5 {score} (braden_score)
 *   ext home-bed-assessment          the criteria, priorities, eligible,
 *                                    problems, note, application_id and
 *                                    home_bed_id (a re-assessment) as uuids
 *
 * A re-assessment names its bed, which is pulled later (EpisodeOfCare at
 * rank 40): when the bed is not here yet the assessment is stored without
 * it, and the bed's pull links the assessments its renewals name
 * (jy-fhir-codec-home-bed.c).
 */

#include "config.h"

#include <string.h>

#include "jy-fhir-home-bed.h"
#include "jy-fhir-codec-private.h"

#define T(name) { name, JY_FHIR_COL_TEXT, NULL, NULL }
#define I(name) { name, JY_FHIR_COL_INT, NULL, NULL }

/* ---- application -------------------------------------------------------- */

#define EXT_APPLICATION "urn:jiayi:ext:home-bed-application"
#define CS_EPISODE      "urn:jiayi:cs:episode-type"

enum { A_STATUS, A_RESIDENT, A_APPLIED, A_SOURCE, A_REFERRAL, A_REQUEST, A_ASSESS_BY, N_A_COLUMNS };

static const JyFhirColumn application_columns[] = {
  T ("status"), { "resident_id", JY_FHIR_COL_REF, "resident", NULL }, T ("applied_on"),
  T ("source"), T ("referral_from"), T ("request"), T ("assess_by"),
};

static const JyFhirField application_fields[] = {
  { A_SOURCE, 0, 1, FALSE }, { A_REFERRAL, 0, 0, FALSE }, { A_REQUEST, 0, 0, FALSE },
  { A_ASSESS_BY, 0, 10, FALSE },
};

static const char *const application_row_status[] = {
  "open", "accepted", "declined", "withdrawn", "entered-in-error", NULL
};
static const char *const application_fhir_status[] = {
  "active", "completed", "revoked", "revoked", "entered-in-error", NULL
};

static JyFhirRowSql application_sql;

static const JyFhirRowSpec application_spec = {
  .table = "home_bed_application",
  .columns = application_columns,
  .n_columns = N_A_COLUMNS,
  .owner = "resident_id",
  .sql = &application_sql,
};

static JsonNode *
application_encode (gconstpointer        data,
                    const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "ServiceRequest");
  jy_fhir_add_string (builder, "id", row->uuid);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, JY_FHIR_HB_EXT_STATUS, "Code", v[A_STATUS]);
  jy_fhir_row_add_fields (builder, EXT_APPLICATION, application_columns, v, application_fields,
                          G_N_ELEMENTS (application_fields));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:home_bed_application", row->uuid);
  json_builder_end_array (builder);
  jy_fhir_add_string (builder, "status",
                      jy_fhir_hb_fhir_status (v[A_STATUS], application_fhir_status, application_row_status));
  jy_fhir_add_string (builder, "intent", "proposal");
  jy_fhir_hb_add_concept (builder, "code", CS_EPISODE, "home-bed", NULL);
  jy_fhir_add_reference (builder, "subject", "Patient", v[A_RESIDENT]);
  jy_fhir_add_string (builder, "authoredOn", v[A_APPLIED]);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gpointer
application_decode (JsonObject           *resource,
                    const JyFhirOptions  *options,
                    GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&application_spec);
  char **v = row->values;
  JsonArray *extensions = NULL;
  g_autofree char *code = NULL;

  if (!jy_fhir_read_jiayi_id (resource, "home_bed_application", &row->uuid, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !jy_fhir_row_read_fields (extensions, EXT_APPLICATION, application_columns, v,
                                application_fields, G_N_ELEMENTS (application_fields), error) ||
      !jy_fhir_hb_read_status (resource, extensions, application_fhir_status, application_row_status,
                               &v[A_STATUS], "ServiceRequest", error) ||
      !jy_fhir_hb_read_code (resource, "code", CS_EPISODE, &code, error) ||
      !jy_fhir_read_reference (resource, "subject", "Patient", &v[A_RESIDENT], error) ||
      !jy_fhir_read_text (resource, "authoredOn", 10, &v[A_APPLIED], error))
    return NULL;
  if (g_strcmp0 (code, "home-bed") != 0)
    return jy_fhir_invalid (error, "ServiceRequest", "code is not home-bed"), NULL;
  if (v[A_RESIDENT] == NULL)
    return jy_fhir_invalid (error, "ServiceRequest", "no subject"), NULL;
  if (!jy_fhir_is_date (v[A_APPLIED]) || !jy_fhir_is_date (v[A_ASSESS_BY]))
    return jy_fhir_invalid (error, "ServiceRequest", "authoredOn or assess_by"), NULL;
  if (!jy_fhir_is_one_of (v[A_SOURCE], (const char *const[]) { "1", "2", NULL }))
    return jy_fhir_invalid (error, "ServiceRequest", "source"), NULL;
  return g_steal_pointer (&row);
}

static gpointer
application_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  return jy_fhir_row_load (&application_spec, db, uuid, remote_version, error);
}

static gboolean
application_apply (JyDb *db, gpointer record, const char *version, GError **error)
{
  return jy_fhir_row_apply (&application_spec, "home_bed_application", db, record, version, error);
}

static gboolean
application_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&application_spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_home_bed_application = {
  .entity = "home_bed_application",
  .resource_type = "ServiceRequest",
  .rank = 34,
  .pull = TRUE,
  .version_sql = "SELECT remote_version FROM home_bed_application WHERE uuid = ?1",
  .label_sql =
    "SELECT r.name FROM home_bed_application a JOIN resident r ON r.id = a.resident_id WHERE a.uuid = ?1",
  .encode = application_encode,
  .decode = application_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = application_load,
  .apply = application_apply,
  .set_version = application_set_version,
};

/* ---- assessment --------------------------------------------------------- */

#define EXT_ASSESSMENT "urn:jiayi:ext:home-bed-assessment"
#define CS_ASSESSMENT  "urn:jiayi:cs:assessment"

enum {
  S_STATUS, S_RESIDENT, S_APPLICATION, S_BED, S_ASSESSED, S_DOCTOR, S_DIAGNOSIS_CLEAR, S_STABLE,
  S_SUITABLE, S_CONTINUOUS, S_INFECTIOUS, S_SAFE, S_CARER, S_ADL, S_BRADEN, S_PRIORITIES,
  S_ELIGIBLE, S_PROBLEMS, S_NOTE, N_S_COLUMNS
};

static const JyFhirColumn assessment_columns[] = {
  T ("status"), { "resident_id", JY_FHIR_COL_REF, "resident", NULL },
  { "application_id", JY_FHIR_COL_REF, "home_bed_application", NULL },
  { "home_bed_id", JY_FHIR_COL_REF, "home_bed", NULL }, T ("assessed_on"),
  { "doctor_id", JY_FHIR_COL_REF, "staff", NULL }, I ("diagnosis_clear"), I ("condition_stable"),
  I ("suitable_at_home"), I ("needs_continuous_care"), I ("infectious"), I ("home_safe"),
  I ("has_carer"), I ("adl_score"), I ("braden_score"), I ("priorities"), I ("eligible"),
  T ("problems"), T ("note"),
};

/* The criteria are NOT NULL: absent reads as 0 (not met). */
static const JyFhirField assessment_fields[] = {
  { S_APPLICATION, 0, 0, FALSE }, { S_BED, 0, 0, FALSE }, { S_DIAGNOSIS_CLEAR, 0, 1, TRUE },
  { S_STABLE, 0, 1, TRUE }, { S_SUITABLE, 0, 1, TRUE }, { S_CONTINUOUS, 0, 1, TRUE },
  { S_INFECTIOUS, 0, 1, TRUE }, { S_SAFE, 0, 1, TRUE }, { S_CARER, 0, 1, TRUE },
  { S_PRIORITIES, 0, 127, TRUE }, { S_ELIGIBLE, 0, 1, TRUE }, { S_PROBLEMS, 0, 256, FALSE },
  { S_NOTE, 0, 0, FALSE },
};

/* Ranges of the table's CHECKs. */
static const JyFhirHbMeasure assessment_scores[] = {
  { S_ADL, "adl", "96761-2", "Total score Barthel Index", "{score}", "survey", TRUE, 0, 100 },
  { S_BRADEN, "braden", "38227-5", "Braden scale total score", "{score}", "survey", TRUE, 6, 23 },
};

static const char *const assessment_row_status[] = { "final", "entered-in-error", NULL };
static const char *const assessment_fhir_status[] = { "completed", "entered-in-error", NULL };

static JyFhirRowSql assessment_sql;

static const JyFhirRowSpec assessment_spec = {
  .table = "home_bed_assessment",
  .columns = assessment_columns,
  .n_columns = N_S_COLUMNS,
  .owner = "resident_id",
  .sql = &assessment_sql,
};

static JsonNode *
assessment_encode (gconstpointer        data,
                   const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char *status = jy_fhir_hb_fhir_status (v[S_STATUS], assessment_fhir_status, assessment_row_status);

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "ClinicalImpression");
  jy_fhir_add_string (builder, "id", row->uuid);
  jy_fhir_hb_add_observations (builder, NULL, NULL, NULL, 0, assessment_scores, G_N_ELEMENTS (assessment_scores), v,
                               g_strcmp0 (status, "completed") == 0 ? "final" : status,
                               v[S_RESIDENT], v[S_ASSESSED]);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, JY_FHIR_HB_EXT_STATUS, "Code", v[S_STATUS]);
  jy_fhir_row_add_fields (builder, EXT_ASSESSMENT, assessment_columns, v, assessment_fields,
                          G_N_ELEMENTS (assessment_fields));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:home_bed_assessment", row->uuid);
  json_builder_end_array (builder);
  jy_fhir_add_string (builder, "status", status);
  jy_fhir_hb_add_concept (builder, "code", CS_ASSESSMENT, "home-bed", NULL);
  jy_fhir_add_reference (builder, "subject", "Patient", v[S_RESIDENT]);
  jy_fhir_add_string (builder, "effectiveDateTime", v[S_ASSESSED]);
  jy_fhir_add_reference (builder, "assessor", "Practitioner", v[S_DOCTOR]);
  json_builder_set_member_name (builder, "finding");
  json_builder_begin_array (builder);
  jy_fhir_hb_add_local_refs (builder, NULL, "itemReference", assessment_scores,
                             G_N_ELEMENTS (assessment_scores), v);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gpointer
assessment_decode (JsonObject           *resource,
                   const JyFhirOptions  *options,
                   GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&assessment_spec);
  char **v = row->values;
  JsonArray *extensions = NULL;
  g_autofree char *code = NULL;

  if (!jy_fhir_read_jiayi_id (resource, "home_bed_assessment", &row->uuid, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !jy_fhir_row_read_fields (extensions, EXT_ASSESSMENT, assessment_columns, v,
                                assessment_fields, G_N_ELEMENTS (assessment_fields), error) ||
      !jy_fhir_hb_read_status (resource, extensions, assessment_fhir_status, assessment_row_status,
                               &v[S_STATUS], "ClinicalImpression", error) ||
      !jy_fhir_hb_read_code (resource, "code", CS_ASSESSMENT, &code, error) ||
      !jy_fhir_read_reference (resource, "subject", "Patient", &v[S_RESIDENT], error) ||
      !jy_fhir_read_reference (resource, "assessor", "Practitioner", &v[S_DOCTOR], error) ||
      !jy_fhir_read_text (resource, "effectiveDateTime", 10, &v[S_ASSESSED], error) ||
      !jy_fhir_hb_read_observations (resource, NULL, NULL, 0, assessment_scores, G_N_ELEMENTS (assessment_scores), v,
                                     "ClinicalImpression", error))
    return NULL;
  if (g_strcmp0 (code, "home-bed") != 0)
    return jy_fhir_invalid (error, "ClinicalImpression", "code is not home-bed"), NULL;
  if (v[S_RESIDENT] == NULL)
    return jy_fhir_invalid (error, "ClinicalImpression", "no subject"), NULL;
  if (!jy_fhir_is_date (v[S_ASSESSED]))
    return jy_fhir_invalid (error, "ClinicalImpression", "effectiveDateTime (assessment date)"), NULL;
  /* eligible means no problem found. */
  if (g_str_equal (v[S_ELIGIBLE], "1") != (v[S_PROBLEMS] == NULL))
    return jy_fhir_invalid (error, "ClinicalImpression", "eligible with problems, or not without"), NULL;
  if (v[S_PROBLEMS] != NULL && strspn (v[S_PROBLEMS], "0123456789,") != strlen (v[S_PROBLEMS]))
    return jy_fhir_invalid (error, "ClinicalImpression", "problems"), NULL;
  return g_steal_pointer (&row);
}

static gpointer
assessment_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  return jy_fhir_row_load (&assessment_spec, db, uuid, remote_version, error);
}

static gboolean
assessment_apply (JyDb       *db,
                  gpointer    record,
                  const char *version,
                  GError    **error)
{
  static const char bed_sql[] = "SELECT count(*) FROM home_bed WHERE uuid = ?1";
  static const char keep_sql[] =
    "SELECT b.uuid FROM home_bed_assessment a JOIN home_bed b ON b.id = a.home_bed_id\n"
    "WHERE a.uuid = ?1";
  JyFhirRow *row = record;
  char **bed = &row->values[S_BED];

  /* A re-assessment pulled before its bed: stored without it for now
   * (the bed's pull links it through its renewals); one already linked
   * keeps its link. */
  if (*bed != NULL)
    {
      sqlite3_stmt *stmt = jy_db_prepare (db, bed_sql, error);
      gint64 found;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, *bed, -1, SQLITE_TRANSIENT);
      if (jy_db_step (db, stmt, error) != SQLITE_ROW)
        return FALSE;
      found = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (found == 0)
        {
          g_clear_pointer (bed, g_free);
          if ((stmt = jy_db_prepare (db, keep_sql, error)) == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_TRANSIENT);
          if ((found = jy_db_step (db, stmt, error)) < 0)
            return FALSE;
          if (found == SQLITE_ROW)
            *bed = jy_db_column_dup_text (stmt, 0);
          sqlite3_reset (stmt);
        }
    }
  return jy_fhir_row_apply (&assessment_spec, "home_bed_assessment", db, row, version, error);
}

static gboolean
assessment_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&assessment_spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_home_bed_assessment = {
  .entity = "home_bed_assessment",
  .resource_type = "ClinicalImpression",
  .rank = 36,
  .pull = TRUE,
  .version_sql = "SELECT remote_version FROM home_bed_assessment WHERE uuid = ?1",
  .label_sql =
    "SELECT r.name FROM home_bed_assessment a JOIN resident r ON r.id = a.resident_id WHERE a.uuid = ?1",
  .encode = assessment_encode,
  .decode = assessment_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = assessment_load,
  .apply = assessment_apply,
  .set_version = assessment_set_version,
};
