/* jy-fhir-codec-home-bed-policy.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * home_bed_policy ⇄ Basic (domain.md §5.2, the values a centre
 * configures). The centre's settings are no clinical resource: Basic is
 * FHIR's resource for such local things, its subject is the centre's
 * Organization (so the pull asks only for this centre's:
 * ?subject=Organization/{centre}), and the values travel as one complex
 * extension, one sub-extension per column, as the other codecs send form
 * fields.
 *
 *   id, identifier urn:jiayi:home_bed_policy   row uuid
 *   code urn:jiayi:cs:setting                  home-bed-policy
 *   subject                                    Organization/{centre}
 *   ext home-bed-policy {column: valueInteger} cycle_days, assessment_working_days,
 *                                              admission_note_hours,
 *                                              doctor_round_max_days,
 *                                              renewal_window_days
 *
 * The table holds at most one row (id 1): a pulled policy replaces it,
 * whatever uuid the local one had (two workstations that each saved the
 * defaults first made two rows with two uuids; the later one wins).
 */

#include "config.h"

#include <string.h>

#include "jy-fhir-home-bed.h"
#include "jy-fhir-codec-private.h"
#include "jy-clock.h"
#include "jy-store.h"
#include "jy-store-error.h"

#define EXT_FIELDS "urn:jiayi:ext:home-bed-policy"
#define CS_SETTING "urn:jiayi:cs:setting"

enum { P_CYCLE, P_ASSESS, P_NOTE, P_ROUND, P_RENEWAL, P_CENTRE, N_COLUMNS };

#define I(name) { name, JY_FHIR_COL_INT, NULL, NULL }

static const JyFhirColumn columns[] = {
  I ("cycle_days"), I ("assessment_working_days"), I ("admission_note_hours"),
  I ("doctor_round_max_days"), I ("renewal_window_days"), { "centre", JY_FHIR_COL_TEXT, NULL, NULL },
};

#undef I

/* The table's CHECKs (jy_home_bed_policy_check's ranges). */
static const JyFhirField fields[] = {
  { P_CYCLE, 30, 90, FALSE }, { P_ASSESS, 1, 10, FALSE }, { P_NOTE, 12, 72, FALSE },
  { P_ROUND, 1, 14, FALSE }, { P_RENEWAL, 1, 21, FALSE },
};

/* Only for jy_fhir_row_new(): load and apply are this file's. */
static const JyFhirRowSpec spec = {
  .table = "home_bed_policy",
  .columns = columns,
  .n_columns = N_COLUMNS,
};

static const char centre_sql[] =
  "SELECT uuid FROM site WHERE kind = 'centre' AND parent_id IS NULL AND status <> 'voided'\n"
  "ORDER BY id LIMIT 1";

static JsonNode *
policy_encode (gconstpointer        data,
               const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "Basic");
  jy_fhir_add_string (builder, "id", row->uuid);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_row_add_fields (builder, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:home_bed_policy", row->uuid);
  json_builder_end_array (builder);
  jy_fhir_hb_add_concept (builder, "code", CS_SETTING, "home-bed-policy", NULL);
  jy_fhir_add_reference (builder, "subject", "Organization", v[P_CENTRE]);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gpointer
policy_decode (JsonObject           *resource,
               const JyFhirOptions  *options,
               GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  char **v = row->values;
  JsonArray *extensions = NULL;
  g_autofree char *code = NULL;

  if (!jy_fhir_read_jiayi_id (resource, "home_bed_policy", &row->uuid, error) ||
      !jy_fhir_hb_read_code (resource, "code", CS_SETTING, &code, error))
    return NULL;
  if (g_strcmp0 (code, "home-bed-policy") != 0)
    {
      g_set_error_literal (error, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS, "Basic is not a home-bed policy");
      return NULL;
    }
  if (!jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !jy_fhir_row_read_fields (extensions, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields), error) ||
      !jy_fhir_read_reference (resource, "subject", "Organization", &v[P_CENTRE], error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (v[fields[i].column] == NULL)
      return jy_fhir_invalid (error, "Basic", columns[fields[i].column].name), NULL;
  if (v[P_CENTRE] == NULL)
    return jy_fhir_invalid (error, "Basic", "subject (the centre)"), NULL;
  return g_steal_pointer (&row);
}

static char *
local_centre (JyDb    *db,
              GError **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, centre_sql, error);
  char *uuid = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    uuid = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (uuid == NULL)
    g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No centre");
  return uuid;
}

static gpointer
policy_load (JyDb        *db,
             const char  *uuid,
             char       **remote_version,
             GError     **error)
{
  static const char sql[] =
    "SELECT remote_version, cycle_days, assessment_working_days, admission_note_hours,\n"
    "  doctor_round_max_days, renewal_window_days FROM home_bed_policy WHERE uuid = ?1";
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  sqlite3_stmt *stmt;
  int rc;

  if ((row->values[P_CENTRE] = local_centre (db, error)) == NULL ||
      (stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    {
      if (remote_version != NULL)
        *remote_version = jy_db_column_dup_text (stmt, 0);
      for (guint i = 0; i < P_CENTRE; i++)
        row->values[i] = jy_db_column_dup_text (stmt, 1 + i);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No home-bed policy %s", uuid);
      return NULL;
    }
  row->uuid = g_strdup (uuid);
  return g_steal_pointer (&row);
}

static gboolean
policy_apply (JyDb       *db,
              gpointer    record,
              const char *version,
              GError    **error)
{
  static const char sql[] =
    "INSERT INTO home_bed_policy (id, uuid, created_at, updated_at, remote_version, cycle_days,\n"
    "  assessment_working_days, admission_note_hours, doctor_round_max_days, renewal_window_days)\n"
    "VALUES (1, ?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8)\n"
    "ON CONFLICT (id) DO UPDATE SET uuid = excluded.uuid, updated_at = excluded.updated_at,\n"
    "  remote_version = excluded.remote_version, cycle_days = excluded.cycle_days,\n"
    "  assessment_working_days = excluded.assessment_working_days,\n"
    "  admission_note_hours = excluded.admission_note_hours,\n"
    "  doctor_round_max_days = excluded.doctor_round_max_days,\n"
    "  renewal_window_days = excluded.renewal_window_days";
  JyFhirRow *row = record;
  g_autofree char *centre = local_centre (db, error);
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt;

  if (centre == NULL)
    return FALSE;
  /* Another centre's settings: not ours to keep. */
  if (g_strcmp0 (centre, row->values[P_CENTRE]) != 0)
    return TRUE;
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  jy_db_bind_text_or_null (stmt, 3, version);
  for (guint i = 0; i < P_CENTRE; i++)
    sqlite3_bind_int64 (stmt, 4 + i, g_ascii_strtoll (row->values[i], NULL, 10));
  return jy_db_step_done (db, stmt, error) &&
         jy_store_record_audit (db, "pull", "home_bed_policy", row->uuid, NULL, error);
}

static gboolean
policy_set_version (JyDb       *db,
                    const char *uuid,
                    const char *version,
                    GError    **error)
{
  static const char sql[] = "UPDATE home_bed_policy SET remote_version = ?2 WHERE uuid = ?1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, version, -1, SQLITE_TRANSIENT);
  return jy_db_step_done (db, stmt, error);
}

const JyFhirCodec jy_fhir_codec_home_bed_policy = {
  .entity = "home_bed_policy",
  .resource_type = "Basic",
  .rank = 5,
  .pull = TRUE,
  .centre_param = "subject",
  .version_sql = "SELECT remote_version FROM home_bed_policy WHERE uuid = ?1",
  .encode = policy_encode,
  .decode = policy_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = policy_load,
  .apply = policy_apply,
  .set_version = policy_set_version,
};
