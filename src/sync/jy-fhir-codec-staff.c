/* jy-fhir-codec-staff.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * staff ⇄ Practitioner (domain.md §7.2). Only what the platform needs to
 * name who did what: the account half (login, password hash, locks) never
 * leaves the workstation.
 *
 *   id, identifier urn:jiayi:staff   row uuid
 *   name[0].text                     name as written
 *   telecom phone                    phone
 *   active + ext row-status          status (active / inactive / voided)
 *   ext staff-role valueCode         role (doctor, nurse, public-health …)
 *   ext site valueReference          Organization/{site}: whose staff (a
 *                                    pull skips other centres' staff)
 */

#include "config.h"

#include "jy-fhir-row.h"
#include "jy-fhir-codec-private.h"

#define EXT_STATUS "urn:jiayi:ext:row-status"
#define EXT_ROLE   "urn:jiayi:ext:staff-role"
#define EXT_SITE   "urn:jiayi:ext:site"

enum { C_STATUS, C_NAME, C_ROLE, C_PHONE, C_SITE, N_COLUMNS };

static const JyFhirColumn columns[] = {
  { "status", JY_FHIR_COL_TEXT, NULL },
  { "name", JY_FHIR_COL_TEXT, NULL },
  { "role", JY_FHIR_COL_TEXT, NULL },
  { "phone", JY_FHIR_COL_TEXT, NULL },
  { "site_id", JY_FHIR_COL_REF, "site", NULL },
};

static JyFhirRowSql sql;

static const JyFhirRowSpec spec = {
  .table = "staff",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .owner = "site_id",
  .sql = &sql,
};

static const char *const roles[] = {
  "doctor", "nurse", "public-health", "manager", "admin", "pharmacist", "specialist", NULL
};
static const char *const statuses[] = { "active", "inactive", "voided", NULL };

static JsonNode *
staff_encode (gconstpointer        data,
              const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "Practitioner");
  jy_fhir_add_string (builder, "id", row->uuid);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, EXT_STATUS, "Code", v[C_STATUS]);
  jy_fhir_add_extension (builder, EXT_ROLE, "Code", v[C_ROLE]);
  if (v[C_SITE] != NULL)
    {
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", EXT_SITE);
      jy_fhir_add_reference (builder, "valueReference", "Organization", v[C_SITE]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:staff", row->uuid);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, g_strcmp0 (v[C_STATUS], "active") == 0);
  json_builder_set_member_name (builder, "name");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "text", v[C_NAME]);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  if (v[C_PHONE] != NULL)
    {
      json_builder_set_member_name (builder, "telecom");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "system", "phone");
      jy_fhir_add_string (builder, "value", v[C_PHONE]);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
read_extension_code (JsonArray   *extensions,
                     const char  *url,
                     char       **out,
                     GError     **error)
{
  JsonObject *extension = jy_fhir_find_extension (extensions, url);

  g_clear_pointer (out, g_free);
  return extension == NULL || jy_fhir_read_text (extension, "valueCode", 0, out, error);
}

static gpointer
staff_decode (JsonObject           *resource,
              const JyFhirOptions  *options,
              GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  char **v = row->values;
  JsonArray *extensions = NULL, *names = NULL, *telecom = NULL;
  JsonObject *name, *site;

  if (!jy_fhir_read_jiayi_id (resource, "staff", &row->uuid, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !read_extension_code (extensions, EXT_STATUS, &v[C_STATUS], error) ||
      !read_extension_code (extensions, EXT_ROLE, &v[C_ROLE], error) ||
      !jy_fhir_read_array (resource, "name", &names, error) ||
      !jy_fhir_read_array (resource, "telecom", &telecom, error))
    return NULL;

  site = jy_fhir_find_extension (extensions, EXT_SITE);
  if (site == NULL ||
      !jy_fhir_read_reference (site, "valueReference", "Organization", &v[C_SITE], error) ||
      v[C_SITE] == NULL)
    return jy_fhir_invalid (error, "Practitioner", "no site"), NULL;
  if (names == NULL || json_array_get_length (names) == 0 ||
      (name = jy_fhir_array_object (names, 0, "name", error)) == NULL ||
      !jy_fhir_read_text (name, "text", 0, &v[C_NAME], error) || v[C_NAME] == NULL)
    return jy_fhir_invalid (error, "Practitioner", "no name"), NULL;
  if (telecom != NULL && json_array_get_length (telecom) > 0)
    {
      JsonObject *phone = jy_fhir_array_object (telecom, 0, "telecom", error);

      if (phone == NULL || !jy_fhir_read_text (phone, "value", 32, &v[C_PHONE], error))
        return NULL;
    }
  if (v[C_STATUS] == NULL)
    {
      JsonNode *active = json_object_get_member (resource, "active");

      v[C_STATUS] = g_strdup (active != NULL && JSON_NODE_HOLDS_VALUE (active) &&
                              json_node_get_value_type (active) == G_TYPE_BOOLEAN &&
                              !json_node_get_boolean (active) ? "inactive" : "active");
    }
  if (!jy_fhir_is_one_of (v[C_STATUS], statuses))
    return jy_fhir_invalid (error, "Practitioner", "status"), NULL;
  if (!jy_fhir_is_one_of (v[C_ROLE], roles))
    return jy_fhir_invalid (error, "Practitioner", "role"), NULL;
  return g_steal_pointer (&row);
}

static gpointer
staff_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  return jy_fhir_row_load (&spec, db, uuid, remote_version, error);
}

static gboolean
staff_apply (JyDb *db, gpointer record, const char *version, GError **error)
{
  return jy_fhir_row_apply (&spec, "staff", db, record, version, error);
}

static gboolean
staff_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_staff = {
  .entity = "staff",
  .resource_type = "Practitioner",
  .rank = 10,
  .pull = TRUE,
  .version_sql = "SELECT remote_version FROM staff WHERE uuid = ?1",
  .label_sql = "SELECT name FROM staff WHERE uuid = ?1",
  .encode = staff_encode,
  .decode = staff_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = staff_load,
  .apply = staff_apply,
  .set_version = staff_set_version,
};
