/* jy-fhir-codec-contract.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * contract (+ contract_package rows) ⇄ EpisodeOfCare of type
 * family-doctor-contract (domain.md §2.2, §7.2: recommended over FHIR
 * Contract, which servers rarely implement). Packages and fees travel as
 * extensions.
 *
 *   id, identifier urn:jiayi:contract     row uuid
 *   identifier urn:jiayi:contract-no      contract number
 *   status + ext row-status               signed→active, terminated→finished,
 *                                         voided→entered-in-error (pure: the
 *                                         state on a day follows from the
 *                                         dates, jy_contract_state_on)
 *   type urn:jiayi:cs:episode-type        family-doctor-contract
 *   patient, careManager, team            Patient, Practitioner, CareTeam
 *   period                                start_date … end_date
 *   ext contract {column: value …}        sign date, channel, signer, consent,
 *                                         renews, termination, fees, prints
 *   ext contract-package {column: …}      one per package as signed
 *
 * The derived columns (renewals, coverage, the resident's latest
 * contract, contacts due) are recomputed for the resident after a pull.
 */

#include "config.h"

#include <string.h>

#include "jy-contract-private.h"
#include "jy-fhir-row.h"
#include "jy-fhir-codec-private.h"

#define EXT_STATUS   "urn:jiayi:ext:row-status"
#define EXT_FIELDS   "urn:jiayi:ext:contract"
#define EXT_PACKAGE  "urn:jiayi:ext:contract-package"
#define CS_EPISODE   "urn:jiayi:cs:episode-type"
#define EPISODE_TYPE "family-doctor-contract"

enum {
  C_STATUS, C_NO, C_RESIDENT, C_TEAM, C_DOCTOR, C_HOUSEHOLD, C_CHANNEL, C_SIGNER_NAME,
  C_SIGNER_RELATION, C_SIGNER_ID, C_CONSENT, C_SIGN_DATE, C_START, C_END, C_RENEWS,
  C_TERMINATION_DATE, C_TERMINATION_REASON, C_TERMINATION_NOTE, C_TERMINATED_AT, C_TERMINATED_BY,
  C_REFUND, C_FEE_INSURANCE, C_FEE_PUBLIC, C_FEE_RESIDENT, C_FEE_PAID, C_PRINTED_AT, C_SIGNED_AT,
  N_COLUMNS
};

#define T(name) { name, JY_FHIR_COL_TEXT, NULL, NULL }
#define I(name) { name, JY_FHIR_COL_INT, NULL, NULL }

static const JyFhirColumn columns[] = {
  T ("status"), T ("contract_no"), { "resident_id", JY_FHIR_COL_REF, "resident", NULL },
  { "team_id", JY_FHIR_COL_REF, "team", NULL }, { "doctor_id", JY_FHIR_COL_REF, "staff", NULL },
  T ("household_id"), T ("channel"), T ("signer_name"), T ("signer_relation"),
  T ("signer_id_number"), T ("consent_version"), T ("sign_date"), T ("start_date"), T ("end_date"),
  { "renews_id", JY_FHIR_COL_REF, "contract", NULL }, T ("termination_date"),
  T ("termination_reason"), T ("termination_note"), T ("terminated_at"), T ("terminated_by"),
  I ("refund_fen"), I ("fee_insurance"), I ("fee_public_health"), I ("fee_resident"),
  I ("fee_paid"), T ("agreement_printed_at"), T ("agreement_signed_at"),
};

enum { P_POSITION, P_PACKAGE, P_CODE, P_NAME, P_KIND, P_INSURANCE, P_PUBLIC, P_RESIDENT, N_PACKAGE_COLUMNS };

static const JyFhirColumn package_columns[] = {
  I ("position"), { "package_id", JY_FHIR_COL_REF, "service_package", NULL }, T ("code"),
  T ("name"), T ("kind"), I ("fee_insurance"), I ("fee_public_health"), I ("fee_resident"),
};

#undef T
#undef I

#define FEN_MAX 100000000.0  /* a million yuan */

static const JyFhirField fields[] = {
  { C_HOUSEHOLD, 0, 64, FALSE }, { C_CHANNEL, 0, 16, FALSE }, { C_SIGNER_NAME, 0, 0, FALSE },
  { C_SIGNER_RELATION, 0, 4, FALSE }, { C_SIGNER_ID, 0, 18, FALSE }, { C_CONSENT, 0, 32, FALSE },
  { C_SIGN_DATE, 0, 10, FALSE }, { C_RENEWS, 0, 0, FALSE }, { C_TERMINATION_DATE, 0, 10, FALSE },
  { C_TERMINATION_REASON, 0, 1, FALSE }, { C_TERMINATION_NOTE, 0, 0, FALSE },
  { C_TERMINATED_AT, 0, 40, FALSE }, { C_TERMINATED_BY, 0, 64, FALSE },
  { C_REFUND, 0, FEN_MAX, FALSE }, { C_FEE_INSURANCE, 0, FEN_MAX, TRUE },
  { C_FEE_PUBLIC, 0, FEN_MAX, TRUE }, { C_FEE_RESIDENT, 0, FEN_MAX, TRUE }, { C_FEE_PAID, 0, 1, TRUE },
  { C_PRINTED_AT, 0, 40, FALSE }, { C_SIGNED_AT, 0, 40, FALSE },
};

static const JyFhirField package_fields[] = {
  { P_POSITION, 0, 999, FALSE }, { P_PACKAGE, 0, 0, FALSE }, { P_CODE, 0, 40, FALSE },
  { P_NAME, 0, 0, FALSE }, { P_KIND, 0, 16, FALSE }, { P_INSURANCE, 0, FEN_MAX, FALSE },
  { P_PUBLIC, 0, FEN_MAX, FALSE }, { P_RESIDENT, 0, FEN_MAX, FALSE },
};

static gboolean
contract_after_apply (JyDb       *db,
                      gint64      id,
                      JyFhirRow  *row,
                      GError    **error)
{
  static const char sql[] = "SELECT resident_id FROM contract WHERE id = ?1";
  gint64 resident_id;

  if (!jy_fhir_row_read_id (db, sql, id, &resident_id, error))
    return FALSE;
  return jy_contract_derive_resident (db, resident_id, error);
}

static JyFhirRowSql sql;

static const JyFhirRowSpec spec = {
  .table = "contract",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .owner = "resident_id",
  .has_site = TRUE,
  .child_table = "contract_package",
  .child_fk = "contract_id",
  .child_columns = package_columns,
  .n_child_columns = N_PACKAGE_COLUMNS,
  .child_order = "c.position",
  .after_apply = contract_after_apply,
  .sql = &sql,
};

static const char *
fhir_status (const char *status)
{
  if (g_strcmp0 (status, "voided") == 0)
    return "entered-in-error";
  return g_strcmp0 (status, "terminated") == 0 ? "finished" : "active";
}

static JsonNode *
contract_encode (gconstpointer        data,
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
  jy_fhir_add_extension (builder, EXT_STATUS, "Code", v[C_STATUS]);
  jy_fhir_row_add_fields (builder, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields));
  for (guint i = 0; i < row->children->len; i++)
    jy_fhir_row_add_fields (builder, EXT_PACKAGE, package_columns, g_ptr_array_index (row->children, i),
                            package_fields, G_N_ELEMENTS (package_fields));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:contract", row->uuid);
  jy_fhir_add_identifier (builder, "urn:jiayi:contract-no", v[C_NO]);
  json_builder_end_array (builder);
  jy_fhir_add_string (builder, "status", fhir_status (v[C_STATUS]));
  json_builder_set_member_name (builder, "type");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", CS_EPISODE);
  jy_fhir_add_string (builder, "code", EPISODE_TYPE);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  jy_fhir_add_reference (builder, "patient", "Patient", v[C_RESIDENT]);
  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "start", v[C_START]);
  jy_fhir_add_string (builder, "end", v[C_END]);
  json_builder_end_object (builder);
  jy_fhir_add_reference (builder, "careManager", "Practitioner", v[C_DOCTOR]);
  if (v[C_TEAM] != NULL)
    {
      g_autofree char *reference = g_strconcat ("CareTeam/", v[C_TEAM], NULL);

      json_builder_set_member_name (builder, "team");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "reference", reference);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
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
  JsonArray *types = NULL, *codings = NULL;
  JsonObject *type, *coding;
  const char *system = NULL, *code = NULL;

  if (!jy_fhir_read_array (resource, "type", &types, error))
    return FALSE;
  if (types == NULL || json_array_get_length (types) == 0 ||
      (type = jy_fhir_array_object (types, 0, "type", error)) == NULL ||
      !jy_fhir_read_array (type, "coding", &codings, error) ||
      codings == NULL || json_array_get_length (codings) == 0 ||
      (coding = jy_fhir_array_object (codings, 0, "coding", error)) == NULL ||
      !jy_fhir_read_string (coding, "system", &system, error) ||
      !jy_fhir_read_string (coding, "code", &code, error))
    return invalid (error, "type");
  if (g_strcmp0 (system, CS_EPISODE) != 0 || g_strcmp0 (code, EPISODE_TYPE) != 0)
    {
      /* Another kind of episode (home bed, programme): not a contract. */
      g_set_error_literal (error, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS,
                           "EpisodeOfCare is not a family-doctor contract");
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_packages (JsonArray  *extensions,
                 JyFhirRow  *row,
                 GError    **error)
{
  if (!jy_fhir_row_read_children (&spec, extensions, EXT_PACKAGE, package_columns, package_fields,
                                  G_N_ELEMENTS (package_fields), row, error))
    return FALSE;
  for (guint i = 0; i < row->children->len; i++)
    {
      char **p = g_ptr_array_index (row->children, i);

      for (guint k = 0; k < N_PACKAGE_COLUMNS; k++)
        if (p[k] == NULL)
          return invalid (error, "package without all its fields");
      if (!jy_fhir_is_one_of (p[P_KIND], (const char *const[]) { "basic", "personalised", NULL }))
        return invalid (error, "package kind");
      for (guint k = 0; k < i; k++)
        if (g_str_equal (((char **)g_ptr_array_index (row->children, k))[P_POSITION], p[P_POSITION]))
          return invalid (error, "two packages in one position");
    }
  return TRUE;
}

static gboolean
check (char   **v,
       GError **error)
{
  const int dates[] = { C_SIGN_DATE, C_START, C_END };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (!jy_fhir_is_date (v[dates[i]]))
      return invalid (error, columns[dates[i]].name);
  /* The table's CHECKs. */
  if (strcmp (v[C_START], v[C_SIGN_DATE]) < 0 || strcmp (v[C_END], v[C_START]) < 0)
    return invalid (error, "sign, start and end dates out of order");
  if ((v[C_TERMINATION_DATE] == NULL) != (v[C_TERMINATION_REASON] == NULL))
    return invalid (error, "termination date without reason or reason without date");
  if (v[C_TERMINATION_DATE] != NULL && !jy_fhir_is_date (v[C_TERMINATION_DATE]))
    return invalid (error, "termination date");
  if (v[C_TERMINATION_REASON] != NULL &&
      !jy_fhir_is_one_of (v[C_TERMINATION_REASON], (const char *const[]) { "1", "2", "3", "4", "5", "9", NULL }))
    return invalid (error, "termination reason");
  if (!jy_fhir_is_one_of (v[C_STATUS], (const char *const[]) { "signed", "terminated", "voided", NULL }))
    return invalid (error, "status");
  if (v[C_CHANNEL] == NULL)
    v[C_CHANNEL] = g_strdup ("clinic");
  if (!jy_fhir_is_one_of (v[C_CHANNEL], (const char *const[]) { "clinic", "home", "online", NULL }))
    return invalid (error, "channel");
  if (v[C_NO] == NULL || strlen (v[C_NO]) > 40)
    return invalid (error, "contract number");
  if (v[C_RESIDENT] == NULL || v[C_TEAM] == NULL || v[C_DOCTOR] == NULL)
    return invalid (error, "patient, team and care manager are required");
  if ((v[C_TERMINATED_AT] != NULL && !jy_fhir_is_date_time (v[C_TERMINATED_AT])) ||
      (v[C_PRINTED_AT] != NULL && !jy_fhir_is_date_time (v[C_PRINTED_AT])) ||
      (v[C_SIGNED_AT] != NULL && !jy_fhir_is_date_time (v[C_SIGNED_AT])))
    return invalid (error, "timestamps");
  return TRUE;
}

static gpointer
contract_decode (JsonObject           *resource,
                 const JyFhirOptions  *options,
                 GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  char **v = row->values;
  JsonArray *extensions = NULL, *identifiers = NULL, *teams = NULL;
  JsonObject *period = NULL, *status_ext, *team;
  guint n;

  if (!decode_type (resource, error) ||
      !jy_fhir_read_jiayi_id (resource, "contract", &row->uuid, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !jy_fhir_row_read_fields (extensions, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields), error) ||
      !decode_packages (extensions, row, error) ||
      !jy_fhir_read_array (resource, "identifier", &identifiers, error) ||
      !jy_fhir_read_reference (resource, "patient", "Patient", &v[C_RESIDENT], error) ||
      !jy_fhir_read_reference (resource, "careManager", "Practitioner", &v[C_DOCTOR], error) ||
      !jy_fhir_read_object (resource, "period", &period, error) ||
      (period != NULL && (!jy_fhir_read_text (period, "start", 0, &v[C_START], error) ||
                          !jy_fhir_read_text (period, "end", 0, &v[C_END], error))) ||
      !jy_fhir_read_array (resource, "team", &teams, error))
    return NULL;
  status_ext = jy_fhir_find_extension (extensions, EXT_STATUS);
  if (status_ext != NULL && !jy_fhir_read_text (status_ext, "valueCode", 0, &v[C_STATUS], error))
    return NULL;
  if (v[C_STATUS] == NULL)
    {
      const char *status = NULL;

      if (!jy_fhir_read_string (resource, "status", &status, error))
        return NULL;
      v[C_STATUS] = g_strdup (g_strcmp0 (status, "entered-in-error") == 0 ? "voided" :
                              g_strcmp0 (status, "finished") == 0 ? "terminated" : "signed");
    }
  if (teams != NULL && json_array_get_length (teams) > 0)
    {
      g_autoptr(JsonObject) holder = json_object_new ();

      if ((team = jy_fhir_array_object (teams, 0, "team", error)) == NULL)
        return NULL;
      json_object_set_object_member (holder, "team", json_object_ref (team));
      if (!jy_fhir_read_reference (holder, "team", "CareTeam", &v[C_TEAM], error))
        return NULL;
    }
  n = identifiers != NULL ? json_array_get_length (identifiers) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *identifier = jy_fhir_array_object (identifiers, i, "identifier", error);
      const char *system = NULL;

      if (identifier == NULL || !jy_fhir_read_string (identifier, "system", &system, error))
        return NULL;
      if (g_strcmp0 (system, "urn:jiayi:contract-no") == 0 &&
          !jy_fhir_read_text (identifier, "value", 0, &v[C_NO], error))
        return NULL;
    }
  if (!check (v, error))
    return NULL;
  return g_steal_pointer (&row);
}

static gpointer
contract_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  return jy_fhir_row_load (&spec, db, uuid, remote_version, error);
}

static gboolean
contract_apply (JyDb *db, gpointer record, const char *version, GError **error)
{
  return jy_fhir_row_apply (&spec, "contract", db, record, version, error);
}

static gboolean
contract_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_contract = {
  .entity = "contract",
  .resource_type = "EpisodeOfCare",
  .rank = 40,
  .pull = TRUE,
  .version_sql = "SELECT remote_version FROM contract WHERE uuid = ?1",
  .label_sql = "SELECT contract_no FROM contract WHERE uuid = ?1",
  .encode = contract_encode,
  .decode = contract_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = contract_load,
  .apply = contract_apply,
  .set_version = contract_set_version,
};
