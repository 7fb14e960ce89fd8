/* jy-fhir-codec-team.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * team (+ team_member rows) ⇄ CareTeam (domain.md §2.1, §7.2). Members
 * travel inside their team as participants, so a team and its members
 * arrive together; a member's outbox entry pushes its team.
 *
 *   id, identifier urn:jiayi:team       row uuid
 *   identifier urn:jiayi:team-code      team code
 *   name                                name
 *   status + ext row-status             active→active, inactive→inactive,
 *                                       voided→entered-in-error
 *   ext team-lead valueReference        Practitioner/{lead}
 *   managingOrganization[0]             Organization/{site}: whose team (a
 *                                       pull skips other centres' teams)
 *   ext area-code valueCode (repeated)  the communities the team is
 *                                       responsible for (team_area: part
 *                                       of the team, a change of them is a
 *                                       change of the team row)
 *   participant[]                       one per team_member row:
 *     ext member-id, row-status         its uuid and status
 *     role[0].coding urn:jiayi:cs:team-role  its role code
 *     member                            Practitioner/{staff}
 *     period, ext institution           start/end date; 医联体 hospital
 *
 * A participant's member is the Practitioner itself, not a
 * PractitionerRole: a role here is the team role, which the participant
 * already carries (domain.md §7.2 allows either).
 */

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "jy-fhir-row.h"
#include "jy-fhir-codec-private.h"
#include "jy-store.h"

#define EXT_STATUS      "urn:jiayi:ext:row-status"
#define EXT_LEAD        "urn:jiayi:ext:team-lead"
#define EXT_MEMBER_ID   "urn:jiayi:ext:member-id"
#define EXT_INSTITUTION "urn:jiayi:ext:institution"
#define EXT_AREA        "urn:jiayi:ext:area-code"
#define CS_TEAM_ROLE    "urn:jiayi:cs:team-role"

enum { C_STATUS, C_CODE, C_NAME, C_LEAD, C_SITE, N_COLUMNS };
enum { M_UUID, M_STATUS, M_STAFF, M_ROLE, M_START, M_END, M_INSTITUTION, N_MEMBER_COLUMNS };

static const JyFhirColumn columns[] = {
  { "status", JY_FHIR_COL_TEXT, NULL },
  { "code", JY_FHIR_COL_TEXT, NULL },
  { "name", JY_FHIR_COL_TEXT, NULL },
  { "lead_staff_id", JY_FHIR_COL_REF, "staff" },
  { "site_id", JY_FHIR_COL_REF, "site" },
};

static const JyFhirColumn member_columns[] = {
  { "uuid", JY_FHIR_COL_TEXT, NULL },
  { "status", JY_FHIR_COL_TEXT, NULL },
  { "staff_id", JY_FHIR_COL_REF, "staff" },
  { "role", JY_FHIR_COL_TEXT, NULL },
  { "start_date", JY_FHIR_COL_TEXT, NULL },
  { "end_date", JY_FHIR_COL_TEXT, NULL },
  { "institution", JY_FHIR_COL_TEXT, NULL },
};

/* The team's communities (row->extra) replace its team_area rows. */
static gboolean
team_after_apply (JyDb       *db,
                  gint64      id,
                  JyFhirRow  *row,
                  GError    **error)
{
  static const char delete_sql[] = "DELETE FROM team_area WHERE team_id = ?1";
  static const char known_sql[] = "SELECT count(*) FROM address_area WHERE code = ?1";
  static const char insert_sql[] = "INSERT OR IGNORE INTO team_area (team_id, area_code) VALUES (?1, ?2)";
  sqlite3_stmt *stmt;

  if (row->extra == NULL)
    return TRUE;
  if ((stmt = jy_db_prepare (db, delete_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;
  for (guint i = 0; row->extra[i] != NULL; i++)
    {
      int rc;

      if ((stmt = jy_db_prepare (db, known_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, row->extra[i], -1, SQLITE_TRANSIENT);
      if ((rc = jy_db_step (db, stmt, error)) < 0)
        return FALSE;
      rc = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (rc == 0)
        {
          g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                       /* Translators: %s is a community's area code */
                       _("It names community %s, which this workstation does not have."), row->extra[i]);
          return FALSE;
        }
      if ((stmt = jy_db_prepare (db, insert_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, row->extra[i], -1, SQLITE_TRANSIENT);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static JyFhirRowSql sql;

static const JyFhirRowSpec spec = {
  .table = "team",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .owner = "site_id",
  .child_table = "team_member",
  .child_fk = "team_id",
  .child_columns = member_columns,
  .n_child_columns = N_MEMBER_COLUMNS,
  .child_order = "c.id",
  .child_has_uuid = TRUE,
  .after_apply = team_after_apply,
  .sql = &sql,
};

static const char *const statuses[] = { "active", "inactive", "voided", NULL };

static const char *
fhir_status (const char *status)
{
  if (g_strcmp0 (status, "voided") == 0)
    return "entered-in-error";
  return g_strcmp0 (status, "inactive") == 0 ? "inactive" : "active";
}

static void
encode_member (JsonBuilder *builder,
               char *const *m)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, EXT_MEMBER_ID, "String", m[M_UUID]);
  jy_fhir_add_extension (builder, EXT_STATUS, "Code", m[M_STATUS]);
  jy_fhir_add_extension (builder, EXT_INSTITUTION, "String", m[M_INSTITUTION]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", CS_TEAM_ROLE);
  jy_fhir_add_string (builder, "code", m[M_ROLE]);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  jy_fhir_add_reference (builder, "member", "Practitioner", m[M_STAFF]);
  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "start", m[M_START]);
  jy_fhir_add_string (builder, "end", m[M_END]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static JsonNode *
team_encode (gconstpointer        data,
             const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "CareTeam");
  jy_fhir_add_string (builder, "id", row->uuid);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, EXT_STATUS, "Code", v[C_STATUS]);
  if (v[C_LEAD] != NULL)
    {
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", EXT_LEAD);
      jy_fhir_add_reference (builder, "valueReference", "Practitioner", v[C_LEAD]);
      json_builder_end_object (builder);
    }
  for (guint i = 0; row->extra != NULL && row->extra[i] != NULL; i++)
    jy_fhir_add_extension (builder, EXT_AREA, "Code", row->extra[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:team", row->uuid);
  jy_fhir_add_identifier (builder, "urn:jiayi:team-code", v[C_CODE]);
  json_builder_end_array (builder);
  jy_fhir_add_string (builder, "status", fhir_status (v[C_STATUS]));
  jy_fhir_add_string (builder, "name", v[C_NAME]);
  if (v[C_SITE] != NULL)
    {
      g_autofree char *reference = g_strconcat ("Organization/", v[C_SITE], NULL);

      json_builder_set_member_name (builder, "managingOrganization");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "reference", reference);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  if (row->children->len > 0)
    {
      json_builder_set_member_name (builder, "participant");
      json_builder_begin_array (builder);
      for (guint i = 0; i < row->children->len; i++)
        encode_member (builder, g_ptr_array_index (row->children, i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
read_sub (JsonArray   *extensions,
          const char  *url,
          const char  *member,
          char       **out,
          GError     **error)
{
  JsonObject *extension = jy_fhir_find_extension (extensions, url);

  g_clear_pointer (out, g_free);
  return extension == NULL || jy_fhir_read_text (extension, member, 0, out, error);
}

static gboolean
decode_member (JsonObject  *participant,
               JyFhirRow   *row,
               GError     **error)
{
  g_auto(GStrv) m = jy_fhir_row_child_new (&spec);
  JsonArray *extensions = NULL, *roles = NULL, *codings = NULL;
  JsonObject *role, *coding, *period = NULL;

  if (!jy_fhir_read_array (participant, "extension", &extensions, error) ||
      !read_sub (extensions, EXT_MEMBER_ID, "valueString", &m[M_UUID], error) ||
      !read_sub (extensions, EXT_STATUS, "valueCode", &m[M_STATUS], error) ||
      !read_sub (extensions, EXT_INSTITUTION, "valueString", &m[M_INSTITUTION], error) ||
      !jy_fhir_read_reference (participant, "member", "Practitioner", &m[M_STAFF], error) ||
      !jy_fhir_read_array (participant, "role", &roles, error) ||
      !jy_fhir_read_object (participant, "period", &period, error))
    return FALSE;
  if (!jy_fhir_is_uuid (m[M_UUID]) || m[M_STAFF] == NULL)
    return jy_fhir_invalid (error, "CareTeam", "participant without id or member");
  if (roles == NULL || json_array_get_length (roles) == 0 ||
      (role = jy_fhir_array_object (roles, 0, "role", error)) == NULL ||
      !jy_fhir_read_array (role, "coding", &codings, error) ||
      codings == NULL || json_array_get_length (codings) == 0 ||
      (coding = jy_fhir_array_object (codings, 0, "coding", error)) == NULL ||
      !jy_fhir_read_text (coding, "code", 0, &m[M_ROLE], error) ||
      !jy_fhir_is_code (m[M_ROLE], 32))
    return jy_fhir_invalid (error, "CareTeam", "participant role");
  if (period == NULL ||
      !jy_fhir_read_text (period, "start", 0, &m[M_START], error) ||
      !jy_fhir_read_text (period, "end", 0, &m[M_END], error) ||
      !jy_fhir_is_date (m[M_START]) ||
      (m[M_END] != NULL && (!jy_fhir_is_date (m[M_END]) || strcmp (m[M_END], m[M_START]) < 0)))
    return jy_fhir_invalid (error, "CareTeam", "participant period");
  if (m[M_STATUS] == NULL)
    m[M_STATUS] = g_strdup ("active");
  if (!jy_fhir_is_one_of (m[M_STATUS], statuses))
    return jy_fhir_invalid (error, "CareTeam", "participant status");
  g_ptr_array_add (row->children, g_steal_pointer (&m));
  return TRUE;
}

/* Every area-code extension: 12-digit community codes, each once. */
static gboolean
decode_areas (JsonArray  *extensions,
              JyFhirRow  *row,
              GError    **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_free);
  guint n = extensions != NULL ? json_array_get_length (extensions) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *extension = jy_fhir_array_object (extensions, i, "extension", error);
      const char *url = NULL, *code = NULL;

      if (extension == NULL || !jy_fhir_read_string (extension, "url", &url, error))
        return FALSE;
      if (g_strcmp0 (url, EXT_AREA) != 0)
        continue;
      if (!jy_fhir_read_string (extension, "valueCode", &code, error))
        return FALSE;
      if (code == NULL || strlen (code) != 12 || strspn (code, "0123456789") != 12)
        return jy_fhir_invalid (error, "CareTeam", "area code");
      for (guint k = 0; k < areas->len; k++)
        if (g_str_equal (g_ptr_array_index (areas, k), code))
          return jy_fhir_invalid (error, "CareTeam", "one community twice");
      g_ptr_array_add (areas, g_strdup (code));
    }
  g_ptr_array_add (areas, NULL);
  row->extra = (char **) g_ptr_array_free (g_steal_pointer (&areas), FALSE);
  return TRUE;
}

static gpointer
team_decode (JsonObject           *resource,
             const JyFhirOptions  *options,
             GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  char **v = row->values;
  JsonArray *extensions = NULL, *identifiers = NULL, *participants = NULL, *organizations = NULL;
  JsonObject *lead;
  guint n;

  if (!jy_fhir_read_jiayi_id (resource, "team", &row->uuid, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !read_sub (extensions, EXT_STATUS, "valueCode", &v[C_STATUS], error) ||
      !jy_fhir_read_array (resource, "identifier", &identifiers, error) ||
      !jy_fhir_read_text (resource, "name", 0, &v[C_NAME], error) ||
      !jy_fhir_read_array (resource, "participant", &participants, error))
    return NULL;
  if (!decode_areas (extensions, row, error))
    return NULL;
  lead = jy_fhir_find_extension (extensions, EXT_LEAD);
  if (lead != NULL &&
      !jy_fhir_read_reference (lead, "valueReference", "Practitioner", &v[C_LEAD], error))
    return NULL;

  if (!jy_fhir_read_array (resource, "managingOrganization", &organizations, error))
    return NULL;
  if (organizations != NULL && json_array_get_length (organizations) > 0)
    {
      g_autoptr(JsonObject) holder = json_object_new ();
      JsonObject *organization = jy_fhir_array_object (organizations, 0, "managingOrganization", error);

      if (organization == NULL)
        return NULL;
      json_object_set_object_member (holder, "organization", json_object_ref (organization));
      if (!jy_fhir_read_reference (holder, "organization", "Organization", &v[C_SITE], error))
        return NULL;
    }
  if (v[C_SITE] == NULL)
    return jy_fhir_invalid (error, "CareTeam", "no managingOrganization"), NULL;

  n = identifiers != NULL ? json_array_get_length (identifiers) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *identifier = jy_fhir_array_object (identifiers, i, "identifier", error);
      const char *system = NULL;

      if (identifier == NULL || !jy_fhir_read_string (identifier, "system", &system, error))
        return NULL;
      if (g_strcmp0 (system, "urn:jiayi:team-code") == 0 &&
          !jy_fhir_read_text (identifier, "value", 0, &v[C_CODE], error))
        return NULL;
    }
  if (v[C_NAME] == NULL || v[C_CODE] == NULL || strlen (v[C_CODE]) > 32)
    return jy_fhir_invalid (error, "CareTeam", "name and code"), NULL;

  if (v[C_STATUS] == NULL)
    {
      const char *status = NULL;

      if (!jy_fhir_read_string (resource, "status", &status, error))
        return NULL;
      v[C_STATUS] = g_strdup (g_strcmp0 (status, "entered-in-error") == 0 ? "voided" :
                              g_strcmp0 (status, "inactive") == 0 ? "inactive" : "active");
    }
  if (!jy_fhir_is_one_of (v[C_STATUS], statuses))
    return jy_fhir_invalid (error, "CareTeam", "status"), NULL;

  n = participants != NULL ? json_array_get_length (participants) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *participant = jy_fhir_array_object (participants, i, "participant", error);

      if (participant == NULL || !decode_member (participant, row, error))
        return NULL;
    }
  return g_steal_pointer (&row);
}

static gpointer
team_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  static const char areas_sql[] =
    "SELECT a.area_code FROM team_area a JOIN team t ON t.id = a.team_id WHERE t.uuid = ?1\n"
    "ORDER BY a.area_code";
  g_autoptr(JyFhirRow) row = jy_fhir_row_load (&spec, db, uuid, remote_version, error);
  g_autoptr(GPtrArray) areas = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (row == NULL)
    return NULL;
  if ((stmt = jy_db_prepare (db, areas_sql, error)) == NULL)
    goto failed;
  areas = g_ptr_array_new_with_free_func (g_free);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (areas, jy_db_column_dup_text (stmt, 0));
  if (rc < 0)
    goto failed;
  sqlite3_reset (stmt);
  g_ptr_array_add (areas, NULL);
  row->extra = (char **) g_ptr_array_free (g_steal_pointer (&areas), FALSE);
  return g_steal_pointer (&row);

failed:
  if (remote_version != NULL)
    g_clear_pointer (remote_version, g_free);
  return NULL;
}

static gboolean
team_apply (JyDb *db, gpointer record, const char *version, GError **error)
{
  return jy_fhir_row_apply (&spec, "team", db, record, version, error);
}

static gboolean
team_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_team = {
  .entity = "team",
  .resource_type = "CareTeam",
  .rank = 20,
  .pull = TRUE,
  .child_entity = "team_member",
  .version_sql = "SELECT remote_version FROM team WHERE uuid = ?1",
  .label_sql = "SELECT name FROM team WHERE uuid = ?1",
  .parent_sql =
    "SELECT t.uuid FROM team_member m JOIN team t ON t.id = m.team_id WHERE m.uuid = ?1",
  .children_sql =
    "SELECT m.uuid FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.uuid = ?1",
  .encode = team_encode,
  .decode = team_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = team_load,
  .apply = team_apply,
  .set_version = team_set_version,
};
