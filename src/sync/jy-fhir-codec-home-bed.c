/* jy-fhir-codec-home-bed.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * home_bed (+ home_bed_renewal rows) ⇄ EpisodeOfCare of type home-bed
 * (domain.md §5, sync.md "Mapping"). EpisodeOfCare is pulled once, at the
 * contract codec's rank (40), and each resource goes to the codec its
 * urn:jiayi identifier names; so a bed references only what ranks before
 * 40: the resident, staff, its application (34) and assessment (36).
 *
 *   id, identifier urn:jiayi:home_bed   row uuid
 *   identifier urn:jiayi:home-bed-no    bed number
 *   status + ext row-status             open→active, discharged→finished,
 *                                       entered-in-error
 *   type urn:jiayi:cs:episode-type      home-bed
 *   patient, careManager                Patient, Practitioner (the doctor)
 *   period                              admitted_on … discharged_on
 *   referralRequest                     ServiceRequest/{application}
 *   ext home-bed {column: value …}      assessment, agreement, diagnosis,
 *                                       plan, nurse, round intervals, the
 *                                       current cycle, the discharge
 *   ext home-bed-renewal {column: …}    one per renewal (its uuid, the
 *                                       re-assessment, the cycle it began)
 *
 * A renewal's outbox entry pushes its bed. The derived columns (community,
 * building, doctor_due, nurse_due, last_round_on) are never sent: they are
 * recomputed after each pulled bed (and each pulled round).
 */

#include "config.h"

#include <string.h>

#include "jy-fhir-home-bed.h"
#include "jy-fhir-codec-private.h"
#include "jy-home-bed-store-private.h"

#define EXT_FIELDS   "urn:jiayi:ext:home-bed"
#define EXT_RENEWAL  "urn:jiayi:ext:home-bed-renewal"
#define CS_EPISODE   "urn:jiayi:cs:episode-type"
#define EPISODE_TYPE "home-bed"

enum {
  C_STATUS, C_RESIDENT, C_APPLICATION, C_ASSESSMENT, C_NUMBER, C_ADMITTED, C_AGREEMENT,
  C_DIAGNOSIS, C_ICD10, C_PLAN, C_DOCTOR, C_NURSE, C_DOCTOR_EVERY, C_NURSE_EVERY, C_CYCLE_NO,
  C_CYCLE_START, C_CYCLE_END, C_DISCHARGED, C_DISCHARGE_REASON, C_SUMMARY, C_SIGNED_BY,
  C_SIGNED_AT, N_COLUMNS
};

#define T(name) { name, JY_FHIR_COL_TEXT, NULL, NULL }
#define I(name) { name, JY_FHIR_COL_INT, NULL, NULL }

static const JyFhirColumn columns[] = {
  T ("status"), { "resident_id", JY_FHIR_COL_REF, "resident", NULL },
  { "application_id", JY_FHIR_COL_REF, "home_bed_application", NULL },
  { "assessment_id", JY_FHIR_COL_REF, "home_bed_assessment", NULL }, T ("bed_number"),
  T ("admitted_on"), T ("agreement_signed_at"), T ("diagnosis"), T ("icd10"), T ("plan"),
  { "doctor_id", JY_FHIR_COL_REF, "staff", NULL }, { "nurse_id", JY_FHIR_COL_REF, "staff", NULL },
  I ("doctor_every_days"), I ("nurse_every_days"), I ("cycle_no"), T ("cycle_start"),
  T ("cycle_end"), T ("discharged_on"), T ("discharge_reason"), T ("discharge_summary"),
  { "summary_signed_by", JY_FHIR_COL_REF, "staff", NULL }, T ("summary_signed_at"),
};

enum { R_UUID, R_STATUS, R_ASSESSMENT, R_RENEWED, R_CYCLE_NO, R_CYCLE_START, R_CYCLE_END, N_RENEWAL_COLUMNS };

static const JyFhirColumn renewal_columns[] = {
  T ("uuid"), T ("status"), { "assessment_id", JY_FHIR_COL_REF, "home_bed_assessment", NULL },
  T ("renewed_on"), I ("cycle_no"), T ("cycle_start"), T ("cycle_end"),
};

#undef T
#undef I

static const JyFhirField fields[] = {
  { C_ASSESSMENT, 0, 0, FALSE }, { C_AGREEMENT, 0, 40, FALSE }, { C_DIAGNOSIS, 0, 0, FALSE },
  { C_ICD10, 0, 32, FALSE }, { C_PLAN, 0, 0, FALSE }, { C_NURSE, 0, 0, FALSE },
  { C_DOCTOR_EVERY, 1, 30, FALSE }, { C_NURSE_EVERY, 1, 30, FALSE }, { C_CYCLE_NO, 1, 999, FALSE },
  { C_CYCLE_START, 0, 10, FALSE }, { C_CYCLE_END, 0, 10, FALSE }, { C_DISCHARGE_REASON, 0, 1, FALSE },
  { C_SUMMARY, 0, 0, FALSE }, { C_SIGNED_BY, 0, 0, FALSE }, { C_SIGNED_AT, 0, 40, FALSE },
};

static const JyFhirField renewal_fields[] = {
  { R_UUID, 0, 36, FALSE }, { R_STATUS, 0, 16, FALSE }, { R_ASSESSMENT, 0, 0, FALSE },
  { R_RENEWED, 0, 10, FALSE }, { R_CYCLE_NO, 1, 999, FALSE }, { R_CYCLE_START, 0, 10, FALSE },
  { R_CYCLE_END, 0, 10, FALSE },
};

static const char *const row_status[] = { "open", "discharged", "entered-in-error", NULL };
static const char *const fhir_status[] = { "active", "finished", "entered-in-error", NULL };

/* The derived columns: the community and building at admission (the
 * resident's, once), the re-assessments its renewals name linked to the
 * bed (one pulled before its bed was stored without it), the rounds due. */
static gboolean
home_bed_after_apply (JyDb       *db,
                      gint64      id,
                      JyFhirRow  *row,
                      GError    **error)
{
  static const char place_sql[] =
    "SELECT r.area_code, r.address_detail FROM home_bed b JOIN resident r ON r.id = b.resident_id\n"
    "WHERE b.id = ?1 AND b.community_code IS NULL AND b.building IS NULL";
  static const char set_place_sql[] = "UPDATE home_bed SET community_code = ?2, building = ?3 WHERE id = ?1";
  static const char link_sql[] =
    "UPDATE home_bed_assessment SET home_bed_id = ?1\n"
    "WHERE home_bed_id IS NULL AND id IN (SELECT assessment_id FROM home_bed_renewal WHERE home_bed_id = ?1)";
  sqlite3_stmt *stmt = jy_db_prepare (db, place_sql, error);
  g_autofree char *area = NULL;
  g_autofree char *address = NULL;
  gboolean found;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if ((found = rc == SQLITE_ROW))
    {
      area = jy_db_column_dup_text (stmt, 0);
      address = jy_db_column_dup_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (found)
    {
      if ((stmt = jy_db_prepare (db, set_place_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      jy_db_bind_text_or_null (stmt, 2, area);
      sqlite3_bind_text (stmt, 3, jy_home_bed_building_of (address), -1, g_free);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }
  if ((stmt = jy_db_prepare (db, link_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return jy_db_step_done (db, stmt, error) &&
         jy_home_bed_derive (db, id, error);
}

static JyFhirRowSql sql;

static const JyFhirRowSpec spec = {
  .table = "home_bed",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .owner = "resident_id",
  .child_table = "home_bed_renewal",
  .child_fk = "home_bed_id",
  .child_columns = renewal_columns,
  .n_child_columns = N_RENEWAL_COLUMNS,
  .child_order = "c.cycle_no, c.id",
  .child_has_uuid = TRUE,
  .after_apply = home_bed_after_apply,
  .sql = &sql,
};

static JsonNode *
home_bed_encode (gconstpointer        data,
                 const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "EpisodeOfCare");
  jy_fhir_add_string (builder, "id", row->uuid);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, JY_FHIR_HB_EXT_STATUS, "Code", v[C_STATUS]);
  jy_fhir_row_add_fields (builder, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields));
  for (guint i = 0; i < row->children->len; i++)
    jy_fhir_row_add_fields (builder, EXT_RENEWAL, renewal_columns, g_ptr_array_index (row->children, i),
                            renewal_fields, G_N_ELEMENTS (renewal_fields));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:home_bed", row->uuid);
  jy_fhir_add_identifier (builder, "urn:jiayi:home-bed-no", v[C_NUMBER]);
  json_builder_end_array (builder);
  jy_fhir_add_string (builder, "status", jy_fhir_hb_fhir_status (v[C_STATUS], fhir_status, row_status));
  json_builder_set_member_name (builder, "type");
  json_builder_begin_array (builder);
  jy_fhir_hb_add_concept (builder, NULL, CS_EPISODE, EPISODE_TYPE, NULL);
  json_builder_end_array (builder);
  jy_fhir_add_reference (builder, "patient", "Patient", v[C_RESIDENT]);
  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "start", v[C_ADMITTED]);
  jy_fhir_add_string (builder, "end", v[C_DISCHARGED]);
  json_builder_end_object (builder);
  if (v[C_APPLICATION] != NULL)
    {
      json_builder_set_member_name (builder, "referralRequest");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      {
        g_autofree char *reference = g_strconcat ("ServiceRequest/", v[C_APPLICATION], NULL);

        jy_fhir_add_string (builder, "reference", reference);
      }
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  jy_fhir_add_reference (builder, "careManager", "Practitioner", v[C_DOCTOR]);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
invalid (GError    **error,
         const char *what)
{
  return jy_fhir_invalid (error, "EpisodeOfCare", what);
}

static gboolean
decode_type (JsonObject  *resource,
             GError     **error)
{
  g_autofree char *code = NULL;

  if (!jy_fhir_hb_read_code (resource, "type", CS_EPISODE, &code, error))
    return FALSE;
  if (code == NULL)
    return invalid (error, "type");
  if (strcmp (code, EPISODE_TYPE) != 0)
    {
      /* A contract, a programme: not a home bed. */
      g_set_error_literal (error, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS,
                           "EpisodeOfCare is not a home bed");
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_renewals (JsonArray  *extensions,
                 JyFhirRow  *row,
                 GError    **error)
{
  if (!jy_fhir_row_read_children (&spec, extensions, EXT_RENEWAL, renewal_columns, renewal_fields,
                                  G_N_ELEMENTS (renewal_fields), row, error))
    return FALSE;
  for (guint i = 0; i < row->children->len; i++)
    {
      char **r = g_ptr_array_index (row->children, i);

      for (guint k = 0; k < N_RENEWAL_COLUMNS; k++)
        if (r[k] == NULL)
          return invalid (error, "renewal without all its fields");
      if (!jy_fhir_is_uuid (r[R_UUID]) ||
          !jy_fhir_is_one_of (r[R_STATUS], (const char *const[]) { "final", "entered-in-error", NULL }) ||
          !jy_fhir_is_date (r[R_RENEWED]) || !jy_fhir_is_date (r[R_CYCLE_START]) ||
          !jy_fhir_is_date (r[R_CYCLE_END]) || strcmp (r[R_CYCLE_END], r[R_CYCLE_START]) < 0)
        return invalid (error, "renewal");
      for (guint k = 0; k < i; k++)
        if (g_str_equal (((char **)g_ptr_array_index (row->children, k))[R_UUID], r[R_UUID]))
          return invalid (error, "one renewal twice");
    }
  return TRUE;
}

static gboolean
check (char   **v,
       GError **error)
{
  const int required[] = { C_RESIDENT, C_ASSESSMENT, C_NUMBER, C_AGREEMENT, C_DIAGNOSIS, C_PLAN,
                           C_DOCTOR, C_NURSE, C_DOCTOR_EVERY, C_NURSE_EVERY };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (v[required[i]] == NULL)
      return invalid (error, columns[required[i]].name);
  if (!jy_fhir_is_date (v[C_ADMITTED]) || !jy_fhir_is_date (v[C_CYCLE_START]) ||
      !jy_fhir_is_date (v[C_CYCLE_END]) || (v[C_DISCHARGED] != NULL && !jy_fhir_is_date (v[C_DISCHARGED])))
    return invalid (error, "dates");
  if (strcmp (v[C_CYCLE_END], v[C_CYCLE_START]) < 0 || strcmp (v[C_CYCLE_START], v[C_ADMITTED]) < 0 ||
      (v[C_DISCHARGED] != NULL && strcmp (v[C_DISCHARGED], v[C_ADMITTED]) < 0))
    return invalid (error, "dates out of order");
  if (strlen (v[C_NUMBER]) > 40 || v[C_NUMBER][0] == '\0')
    return invalid (error, "bed number");
  if (v[C_CYCLE_NO] == NULL)
    v[C_CYCLE_NO] = g_strdup ("1");
  if (v[C_DISCHARGE_REASON] != NULL &&
      !jy_fhir_is_one_of (v[C_DISCHARGE_REASON],
                          (const char *const[]) { "1", "2", "3", "4", "5", "6", "7", "9", NULL }))
    return invalid (error, "discharge reason");
  if (g_str_equal (v[C_STATUS], "discharged") && (v[C_DISCHARGED] == NULL || v[C_DISCHARGE_REASON] == NULL))
    return invalid (error, "discharged without date or reason");
  if (!jy_fhir_is_date_time (v[C_AGREEMENT]) ||
      (v[C_SIGNED_AT] != NULL && !jy_fhir_is_date_time (v[C_SIGNED_AT])))
    return invalid (error, "timestamps");
  return TRUE;
}

static gpointer
home_bed_decode (JsonObject           *resource,
                 const JyFhirOptions  *options,
                 GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  char **v = row->values;
  JsonArray *extensions = NULL, *identifiers = NULL, *referrals = NULL;
  JsonObject *period = NULL;
  guint n;

  if (!decode_type (resource, error) ||
      !jy_fhir_read_jiayi_id (resource, "home_bed", &row->uuid, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !jy_fhir_row_read_fields (extensions, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields), error) ||
      !decode_renewals (extensions, row, error) ||
      !jy_fhir_hb_read_status (resource, extensions, fhir_status, row_status, &v[C_STATUS],
                               "EpisodeOfCare", error) ||
      !jy_fhir_read_array (resource, "identifier", &identifiers, error) ||
      !jy_fhir_read_reference (resource, "patient", "Patient", &v[C_RESIDENT], error) ||
      !jy_fhir_read_reference (resource, "careManager", "Practitioner", &v[C_DOCTOR], error) ||
      !jy_fhir_read_object (resource, "period", &period, error) ||
      (period != NULL && (!jy_fhir_read_text (period, "start", 10, &v[C_ADMITTED], error) ||
                          !jy_fhir_read_text (period, "end", 10, &v[C_DISCHARGED], error))) ||
      !jy_fhir_read_array (resource, "referralRequest", &referrals, error))
    return NULL;
  if (referrals != NULL && json_array_get_length (referrals) > 0)
    {
      g_autoptr(JsonObject) holder = json_object_new ();
      JsonObject *referral = jy_fhir_array_object (referrals, 0, "referralRequest", error);

      if (referral == NULL)
        return NULL;
      json_object_set_object_member (holder, "r", json_object_ref (referral));
      if (!jy_fhir_read_reference (holder, "r", "ServiceRequest", &v[C_APPLICATION], error))
        return NULL;
    }
  n = identifiers != NULL ? json_array_get_length (identifiers) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *identifier = jy_fhir_array_object (identifiers, i, "identifier", error);
      const char *system = NULL;

      if (identifier == NULL || !jy_fhir_read_string (identifier, "system", &system, error))
        return NULL;
      if (g_strcmp0 (system, "urn:jiayi:home-bed-no") == 0 &&
          !jy_fhir_read_text (identifier, "value", 40, &v[C_NUMBER], error))
        return NULL;
    }
  if (!check (v, error))
    return NULL;
  return g_steal_pointer (&row);
}

static gpointer
home_bed_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  return jy_fhir_row_load (&spec, db, uuid, remote_version, error);
}

static gboolean
home_bed_apply (JyDb *db, gpointer record, const char *version, GError **error)
{
  return jy_fhir_row_apply (&spec, "home_bed", db, record, version, error);
}

static gboolean
home_bed_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_home_bed = {
  .entity = "home_bed",
  .resource_type = "EpisodeOfCare",
  .rank = 42,
  .pull = TRUE,
  .child_entity = "home_bed_renewal",
  .version_sql = "SELECT remote_version FROM home_bed WHERE uuid = ?1",
  .label_sql = "SELECT bed_number FROM home_bed WHERE uuid = ?1",
  .parent_sql =
    "SELECT b.uuid FROM home_bed_renewal w JOIN home_bed b ON b.id = w.home_bed_id WHERE w.uuid = ?1",
  .children_sql =
    "SELECT w.uuid FROM home_bed_renewal w JOIN home_bed b ON b.id = w.home_bed_id WHERE b.uuid = ?1",
  .encode = home_bed_encode,
  .decode = home_bed_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = home_bed_load,
  .apply = home_bed_apply,
  .set_version = home_bed_set_version,
};
