/* jy-fhir-codec-site.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * site (the centre) ⇄ Organization. Pushed so that Patients can point at
 * it (managingOrganization) and pulls can ask for the centre's residents;
 * not pulled: a workstation joins a centre from a copy of its database,
 * and a city's other Organizations are not ours to store.
 *
 *   id, identifier urn:jiayi:site   row uuid
 *   identifier urn:jiayi:site-code  the centre's code
 *   name, active                    name; status = active
 */

#include "config.h"

#include "jy-fhir-codec-private.h"

#include <string.h>

#include "jy-clock.h"
#include "jy-store.h"

typedef struct
{
  char *uuid;
  char *name;
  char *code;
  char *status;
} Site;

static void
site_free (gpointer data)
{
  Site *site = data;

  if (site == NULL)
    return;
  g_free (site->uuid);
  g_free (site->name);
  g_free (site->code);
  g_free (site->status);
  g_free (site);
}

static JsonNode *
site_encode (gconstpointer        data,
             const JyFhirOptions *options)
{
  const Site *site = data;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "Organization");
  jy_fhir_add_string (builder, "id", site->uuid);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:site", site->uuid);
  jy_fhir_add_identifier (builder, "urn:jiayi:site-code", site->code);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, g_strcmp0 (site->status, "active") == 0);
  jy_fhir_add_string (builder, "name", site->name);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gpointer
site_decode (JsonObject           *resource,
             const JyFhirOptions  *options,
             GError              **error)
{
  Site *site = g_new0 (Site, 1);
  JsonArray *identifiers = NULL;
  JsonNode *active;
  const char *id = NULL, *name = NULL;
  guint n;

  if (!jy_fhir_read_string (resource, "id", &id, error) ||
      !jy_fhir_read_string (resource, "name", &name, error) ||
      !jy_fhir_read_array (resource, "identifier", &identifiers, error))
    goto fail;

  n = identifiers != NULL ? json_array_get_length (identifiers) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *identifier = jy_fhir_array_object (identifiers, i, "identifier", error);
      const char *system = NULL, *value = NULL;

      if (identifier == NULL ||
          !jy_fhir_read_string (identifier, "system", &system, error) ||
          !jy_fhir_read_string (identifier, "value", &value, error))
        goto fail;
      if (g_strcmp0 (system, "urn:jiayi:site") == 0)
        {
          g_free (site->uuid);
          site->uuid = g_strdup (value);
        }
      else if (g_strcmp0 (system, "urn:jiayi:site-code") == 0)
        {
          g_free (site->code);
          site->code = g_strdup (value);
        }
    }
  if (site->uuid == NULL && jy_fhir_is_uuid (id))
    site->uuid = g_strdup (id);
  if (!jy_fhir_is_uuid (site->uuid))
    {
      g_set_error_literal (error, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS, "Organization has no Jiayi identifier");
      goto fail;
    }
  if (name == NULL || site->code == NULL || strlen (site->code) > 32)
    {
      g_set_error_literal (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "Organization needs a name and a code");
      goto fail;
    }
  site->name = g_strdup (name);
  active = json_object_get_member (resource, "active");
  site->status = g_strdup (active != NULL && JSON_NODE_HOLDS_VALUE (active) &&
                           json_node_get_value_type (active) == G_TYPE_BOOLEAN &&
                           !json_node_get_boolean (active) ? "inactive" : "active");
  return site;

fail:
  site_free (site);
  return NULL;
}

static const char *
site_get_uuid (gconstpointer record)
{
  return ((const Site *)record)->uuid;
}

static gpointer
site_load (JyDb        *db,
           const char  *uuid,
           char       **remote_version,
           GError     **error)
{
  static const char sql[] = "SELECT name, code, status, remote_version FROM site WHERE uuid = ?1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  Site *site;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No site %s", uuid);
      return NULL;
    }
  site = g_new0 (Site, 1);
  site->uuid = g_strdup (uuid);
  site->name = jy_db_column_dup_text (stmt, 0);
  site->code = jy_db_column_dup_text (stmt, 1);
  site->status = jy_db_column_dup_text (stmt, 2);
  if (remote_version != NULL)
    *remote_version = jy_db_column_dup_text (stmt, 3);
  sqlite3_reset (stmt);
  return site;
}

/* Only the identity of a centre this database already has. */
static gboolean
site_apply (JyDb        *db,
            gpointer     record,
            const char  *version,
            GError     **error)
{
  static const char sql[] =
    "UPDATE site SET name = ?1, code = ?2, status = ?3, remote_version = ?4,\n"
    "  updated_at = ?5, rev = rev + 1 WHERE uuid = ?6";
  Site *site = record;
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, site->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, site->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, site->status, -1, SQLITE_TRANSIENT);
  jy_db_bind_text_or_null (stmt, 4, version);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, site->uuid, -1, SQLITE_TRANSIENT);
  return jy_db_step_done (db, stmt, error) &&
         jy_store_record_audit (db, "pull", "site", site->uuid, NULL, error);
}

static gboolean
site_set_version (JyDb        *db,
                  const char  *uuid,
                  const char  *version,
                  GError     **error)
{
  static const char sql[] = "UPDATE site SET remote_version = ?2 WHERE uuid = ?1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, version, -1, SQLITE_TRANSIENT);
  return jy_db_step_done (db, stmt, error);
}

const JyFhirCodec jy_fhir_codec_site = {
  .entity = "site",
  .resource_type = "Organization",
  .rank = 0,
  .pull = FALSE,
  .version_sql = "SELECT remote_version FROM site WHERE uuid = ?1",
  .label_sql = "SELECT name FROM site WHERE uuid = ?1",
  .encode = site_encode,
  .decode = site_decode,
  .free_record = site_free,
  .get_uuid = site_get_uuid,
  .load = site_load,
  .apply = site_apply,
  .set_version = site_set_version,
};
