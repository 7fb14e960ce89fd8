/* jy-fhir-codec-package.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * service_package (+ its service_package_item rows) ⇄ PlanDefinition
 * (domain.md §2.4–2.5): one version of a package of the centre's
 * catalogue is a definition of services offered, each item an action
 * (an obligation with a due rule). Versions are rows of their own: a fee
 * change adds the next version and supersedes the old one, so a contract
 * keeps pointing at the version it was signed with (contract_package
 * names it by uuid).
 *
 *   id, identifier urn:jiayi:service_package  row uuid
 *   identifier urn:jiayi:service-package-code the package code
 *   version                          "1", "2" … (the row's version)
 *   title                            name (an English msgid for seeded
 *                                    packages, the centre's text otherwise)
 *   type urn:jiayi:cs:plan-type      service-package
 *   status + ext row-status          active→active, withdrawn and
 *                                    superseded→retired
 *   ext site valueReference          Organization/{centre}: whose catalogue
 *                                    (PlanDefinition has no organisation of
 *                                    its own; a pull skips other centres')
 *   ext service-package {column: …}  kind, the yearly fee split in fen
 *                                    (fee_insurance 医保, fee_public_health
 *                                    公卫, fee_resident 个人), min/max age,
 *                                    sex, key populations, sort order
 *   action[]                         one per item, in position order:
 *     title, code urn:jiayi:cs:package-item  item name and code
 *     ext package-item {column: …}   due_rule, quantity, key populations
 *
 * Rank 35: after the residents, before the contracts (40) that name a
 * version. A pulled version that is current (not superseded) supersedes
 * a lower current version of its code here too, so the catalogue keeps
 * one current version per code whatever order the versions arrive in.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "jy-fhir-row.h"
#include "jy-fhir-codec-private.h"
#include "jy-store.h"

#define EXT_STATUS   "urn:jiayi:ext:row-status"
#define EXT_SITE     "urn:jiayi:ext:site"
#define EXT_FIELDS   "urn:jiayi:ext:service-package"
#define EXT_ITEM     "urn:jiayi:ext:package-item"
#define CS_PLAN_TYPE "urn:jiayi:cs:plan-type"
#define CS_ITEM      "urn:jiayi:cs:package-item"
#define CODE_SYSTEM  "urn:jiayi:service-package-code"
#define PLAN_TYPE    "service-package"

enum {
  C_STATUS, C_CODE, C_VERSION, C_NAME, C_KIND, C_FEE_INSURANCE, C_FEE_PUBLIC, C_FEE_RESIDENT,
  C_MIN_AGE, C_MAX_AGE, C_SEX, C_KEY_POPULATIONS, C_SORT, N_COLUMNS
};
enum { I_POSITION, I_CODE, I_NAME, I_DUE, I_QUANTITY, I_KEY_POPULATIONS, N_ITEM_COLUMNS };

#define T(name) { name, JY_FHIR_COL_TEXT, NULL, NULL }
#define I(name) { name, JY_FHIR_COL_INT, NULL, NULL }

static const JyFhirColumn columns[] = {
  T ("status"), T ("code"), I ("version"), T ("name"), T ("kind"), I ("fee_insurance"),
  I ("fee_public_health"), I ("fee_resident"), I ("min_age"), I ("max_age"), T ("sex"),
  T ("key_populations"), I ("sort_order"),
};

static const JyFhirColumn item_columns[] = {
  I ("position"), T ("code"), T ("name"), T ("due_rule"), I ("quantity"), T ("key_populations"),
};

#undef T
#undef I

#define FEN_MAX 100000000.0  /* a million yuan */

static const JyFhirField fields[] = {
  { C_KIND, 0, 16, FALSE }, { C_FEE_INSURANCE, 0, FEN_MAX, TRUE }, { C_FEE_PUBLIC, 0, FEN_MAX, TRUE },
  { C_FEE_RESIDENT, 0, FEN_MAX, TRUE }, { C_MIN_AGE, 0, 150, FALSE }, { C_MAX_AGE, 0, 150, FALSE },
  { C_SEX, 0, 1, FALSE }, { C_KEY_POPULATIONS, 0, 512, FALSE }, { C_SORT, -1000000, 1000000, TRUE },
};

static const JyFhirField item_fields[] = {
  { I_DUE, 0, 32, FALSE }, { I_QUANTITY, 0, 1000, TRUE }, { I_KEY_POPULATIONS, 0, 512, FALSE },
};

static const char *const statuses[] = { "active", "withdrawn", "superseded", NULL };
static const char *const due_rules[] = {
  "on-request", "per-contract-year", "per-quarter", "own-schedule", NULL
};

static JyFhirRowSql sql;

static const JyFhirRowSpec spec = {
  .table = "service_package",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .child_table = "service_package_item",
  .child_fk = "package_id",
  .child_columns = item_columns,
  .n_child_columns = N_ITEM_COLUMNS,
  .child_order = "c.position",
  .sql = &sql,
};

/* The centre whose catalogue it is: extra[0]. */
static const char *
site_of (const JyFhirRow *row)
{
  return row->extra != NULL ? row->extra[0] : NULL;
}

static void
add_coding (JsonBuilder *builder,
            const char  *member,
            gboolean     array,
            const char  *system,
            const char  *code)
{
  json_builder_set_member_name (builder, member);
  if (array)
    json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", system);
  jy_fhir_add_string (builder, "code", code);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (array)
    json_builder_end_array (builder);
}

static JsonNode *
package_encode (gconstpointer        data,
                const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "PlanDefinition");
  jy_fhir_add_string (builder, "id", row->uuid);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, EXT_STATUS, "Code", v[C_STATUS]);
  if (site_of (row) != NULL)
    {
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", EXT_SITE);
      jy_fhir_add_reference (builder, "valueReference", "Organization", site_of (row));
      json_builder_end_object (builder);
    }
  jy_fhir_row_add_fields (builder, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:service_package", row->uuid);
  jy_fhir_add_identifier (builder, CODE_SYSTEM, v[C_CODE]);
  json_builder_end_array (builder);
  jy_fhir_add_string (builder, "version", v[C_VERSION]);
  jy_fhir_add_string (builder, "title", v[C_NAME]);
  add_coding (builder, "type", FALSE, CS_PLAN_TYPE, PLAN_TYPE);
  jy_fhir_add_string (builder, "status", g_strcmp0 (v[C_STATUS], "active") == 0 ? "active" : "retired");
  if (row->children->len > 0)
    {
      json_builder_set_member_name (builder, "action");
      json_builder_begin_array (builder);
      for (guint i = 0; i < row->children->len; i++)
        {
          char **item = g_ptr_array_index (row->children, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "extension");
          json_builder_begin_array (builder);
          jy_fhir_row_add_fields (builder, EXT_ITEM, item_columns, item, item_fields,
                                  G_N_ELEMENTS (item_fields));
          json_builder_end_array (builder);
          jy_fhir_add_string (builder, "title", item[I_NAME]);
          add_coding (builder, "code", TRUE, CS_ITEM, item[I_CODE]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
invalid (GError    **error,
         const char *what)
{
  return jy_fhir_invalid (error, "PlanDefinition", what);
}

/* What jy-package-store.c accepts as a package or item code. */
static gboolean
is_code (const char *code)
{
  return code != NULL && *code != '\0' && strlen (code) <= 64 &&
         strspn (code, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen (code);
}

/* Stored key-population lists: comma-separated codes. */
static gboolean
is_code_list (const char *codes)
{
  return codes == NULL ||
         (*codes != '\0' && strspn (codes, "abcdefghijklmnopqrstuvwxyz0123456789-,") == strlen (codes));
}

/* The first coding of a CodeableConcept: its system must be @system. */
static gboolean
read_coding (JsonObject  *concept,
             const char  *system,
             char       **code,
             GError     **error)
{
  JsonArray *codings = NULL;
  JsonObject *coding;
  const char *found = NULL;

  return concept != NULL &&
         jy_fhir_read_array (concept, "coding", &codings, error) &&
         codings != NULL && json_array_get_length (codings) > 0 &&
         (coding = jy_fhir_array_object (codings, 0, "coding", error)) != NULL &&
         jy_fhir_read_string (coding, "system", &found, error) &&
         g_strcmp0 (found, system) == 0 &&
         jy_fhir_read_text (coding, "code", 0, code, error);
}

static gboolean
decode_item (JsonObject  *action,
             guint        position,
             JyFhirRow   *row,
             GError     **error)
{
  g_auto(GStrv) item = jy_fhir_row_child_new (&spec);
  JsonArray *extensions = NULL, *codes = NULL;
  JsonObject *code;

  if (!jy_fhir_read_array (action, "extension", &extensions, error) ||
      !jy_fhir_row_read_fields (extensions, EXT_ITEM, item_columns, item, item_fields,
                                G_N_ELEMENTS (item_fields), error) ||
      !jy_fhir_read_text (action, "title", 0, &item[I_NAME], error) ||
      !jy_fhir_read_array (action, "code", &codes, error))
    return FALSE;
  if (codes == NULL || json_array_get_length (codes) == 0 ||
      (code = jy_fhir_array_object (codes, 0, "code", error)) == NULL ||
      !read_coding (code, CS_ITEM, &item[I_CODE], error) || !is_code (item[I_CODE]))
    return invalid (error, "action code (package item)");
  if (item[I_NAME] == NULL || *item[I_NAME] == '\0')
    return invalid (error, "action without a title");
  if (!jy_fhir_is_one_of (item[I_DUE], due_rules))
    return invalid (error, "action due rule");
  if (!is_code_list (item[I_KEY_POPULATIONS]))
    return invalid (error, "action key populations");
  item[I_POSITION] = g_strdup_printf ("%u", position);
  g_ptr_array_add (row->children, g_steal_pointer (&item));
  return TRUE;
}

static gboolean
check (char   **v,
       GError **error)
{
  char *end = NULL;
  gint64 version;

  /* The table's CHECKs and what the package store refuses. */
  if (!jy_fhir_is_one_of (v[C_STATUS], statuses))
    return invalid (error, "status");
  if (!is_code (v[C_CODE]))
    return invalid (error, "package code");
  if (v[C_VERSION] == NULL || !g_ascii_isdigit (v[C_VERSION][0]) ||
      (version = g_ascii_strtoll (v[C_VERSION], &end, 10)) < 1 || version > 100000 || *end != '\0')
    return invalid (error, "version");
  g_free (v[C_VERSION]);
  v[C_VERSION] = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  if (v[C_NAME] == NULL || strspn (v[C_NAME], " \t\n") == strlen (v[C_NAME]))
    return invalid (error, "title");
  if (!jy_fhir_is_one_of (v[C_KIND], (const char *const[]) { "basic", "personalised", NULL }))
    return invalid (error, "kind");
  if (g_str_equal (v[C_KIND], "basic") != g_str_equal (v[C_CODE], "basic"))
    return invalid (error, "only the package coded basic is the basic package");
  if (v[C_SEX] != NULL && !jy_fhir_is_one_of (v[C_SEX], (const char *const[]) { "1", "2", NULL }))
    return invalid (error, "sex");
  if (v[C_MIN_AGE] != NULL && v[C_MAX_AGE] != NULL &&
      g_ascii_strtoll (v[C_MIN_AGE], NULL, 10) > g_ascii_strtoll (v[C_MAX_AGE], NULL, 10))
    return invalid (error, "minimum age above maximum age");
  if (!is_code_list (v[C_KEY_POPULATIONS]))
    return invalid (error, "key populations");
  return TRUE;
}

static gpointer
package_decode (JsonObject           *resource,
                const JyFhirOptions  *options,
                GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  g_autofree char *site = NULL;
  g_autofree char *type = NULL;
  char **v = row->values;
  JsonArray *extensions = NULL, *identifiers = NULL, *actions = NULL;
  JsonObject *status_ext, *site_ext, *type_concept = NULL;
  guint n;

  if (!jy_fhir_read_jiayi_id (resource, "service_package", &row->uuid, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !jy_fhir_row_read_fields (extensions, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields), error) ||
      !jy_fhir_read_array (resource, "identifier", &identifiers, error) ||
      !jy_fhir_read_text (resource, "version", 16, &v[C_VERSION], error) ||
      !jy_fhir_read_text (resource, "title", 0, &v[C_NAME], error) ||
      !jy_fhir_read_object (resource, "type", &type_concept, error) ||
      !jy_fhir_read_array (resource, "action", &actions, error))
    return NULL;
  if (!read_coding (type_concept, CS_PLAN_TYPE, &type, error) || g_strcmp0 (type, PLAN_TYPE) != 0)
    return invalid (error, "type (not a service package)"), NULL;

  site_ext = jy_fhir_find_extension (extensions, EXT_SITE);
  if (site_ext == NULL ||
      !jy_fhir_read_reference (site_ext, "valueReference", "Organization", &site, error) || site == NULL)
    return invalid (error, "no site (whose catalogue)"), NULL;
  row->extra = g_new0 (char *, 2);
  row->extra[0] = g_steal_pointer (&site);

  status_ext = jy_fhir_find_extension (extensions, EXT_STATUS);
  if (status_ext != NULL && !jy_fhir_read_text (status_ext, "valueCode", 0, &v[C_STATUS], error))
    return NULL;
  if (v[C_STATUS] == NULL)
    {
      const char *status = NULL;

      if (!jy_fhir_read_string (resource, "status", &status, error))
        return NULL;
      v[C_STATUS] = g_strdup (g_strcmp0 (status, "active") == 0 ? "active" : "withdrawn");
    }

  n = identifiers != NULL ? json_array_get_length (identifiers) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *identifier = jy_fhir_array_object (identifiers, i, "identifier", error);
      const char *system = NULL;

      if (identifier == NULL || !jy_fhir_read_string (identifier, "system", &system, error))
        return NULL;
      if (g_strcmp0 (system, CODE_SYSTEM) == 0 &&
          !jy_fhir_read_text (identifier, "value", 64, &v[C_CODE], error))
        return NULL;
    }
  if (!check (v, error))
    return NULL;

  n = actions != NULL ? json_array_get_length (actions) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *action = jy_fhir_array_object (actions, i, "action", error);

      if (action == NULL || !decode_item (action, i, row, error))
        return NULL;
    }
  return g_steal_pointer (&row);
}

/* ---- store half ------------------------------------------------------- */

static gpointer
package_load (JyDb        *db,
              const char  *uuid,
              char       **remote_version,
              GError     **error)
{
  static const char centre_sql[] =
    "SELECT uuid FROM site WHERE kind = 'centre' AND parent_id IS NULL AND status <> 'voided'\n"
    "ORDER BY id LIMIT 1";
  g_autoptr(JyFhirRow) row = jy_fhir_row_load (&spec, db, uuid, remote_version, error);
  sqlite3_stmt *stmt;
  int rc;

  if (row == NULL)
    return NULL;
  if ((stmt = jy_db_prepare (db, centre_sql, error)) == NULL || (rc = jy_db_step (db, stmt, error)) < 0)
    {
      if (remote_version != NULL)
        g_clear_pointer (remote_version, g_free);
      return NULL;
    }
  if (rc == SQLITE_ROW)
    {
      row->extra = g_new0 (char *, 2);
      row->extra[0] = jy_db_column_dup_text (stmt, 0);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&row);
}

/* Other current versions of the code: a lower one is superseded by the
 * pulled one; a higher one makes the pulled one superseded here. */
static gboolean
keep_one_current (JyDb       *db,
                  JyFhirRow  *row,
                  GError    **error)
{
  static const char others_sql[] =
    "SELECT uuid, version FROM service_package\n"
    "WHERE code = ?1 AND status <> 'superseded' AND uuid <> ?2";
  static const char supersede_sql[] =
    "UPDATE service_package SET status = 'superseded' WHERE uuid = ?1";
  static const char same_version_sql[] =
    "SELECT count(*) FROM service_package WHERE code = ?1 AND version = ?2 AND uuid <> ?3";
  char **v = row->values;
  gint64 version = g_ascii_strtoll (v[C_VERSION], NULL, 10);
  g_autoptr(GPtrArray) lower = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Two workstations that each made version N of one code: a conflict
   * for someone to sort out, not a row that overwrites another. */
  if ((stmt = jy_db_prepare (db, same_version_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, v[C_CODE], -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, row->uuid, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  rc = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc > 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "Another row is version %" G_GINT64_FORMAT " of package %s", version, v[C_CODE]);
      return FALSE;
    }

  if (g_str_equal (v[C_STATUS], "superseded"))
    return TRUE;
  if ((stmt = jy_db_prepare (db, others_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, v[C_CODE], -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->uuid, -1, SQLITE_TRANSIENT);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      if (sqlite3_column_int64 (stmt, 1) < version)
        g_ptr_array_add (lower, jy_db_column_dup_text (stmt, 0));
      else
        {
          g_free (v[C_STATUS]);
          v[C_STATUS] = g_strdup ("superseded");
        }
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  for (guint i = 0; i < lower->len; i++)
    {
      if ((stmt = jy_db_prepare (db, supersede_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (lower, i), -1, SQLITE_TRANSIENT);
      if (!jy_db_step_done (db, stmt, error) ||
          !jy_store_record_audit (db, "pull", "service_package", g_ptr_array_index (lower, i),
                                  "{\"status\":\"superseded\"}", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
package_apply (JyDb        *db,
               gpointer     record,
               const char  *version,
               GError     **error)
{
  static const char site_sql[] = "SELECT count(*) FROM site WHERE uuid = ?1";
  JyFhirRow *row = record;
  sqlite3_stmt *stmt;
  int rc;

  /* Another centre's catalogue: skipped, like its staff and teams. */
  if ((stmt = jy_db_prepare (db, site_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, site_of (row), -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  rc = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == 0)
    {
      g_debug ("pulled service_package %s belongs to another centre: skipped", row->uuid);
      return TRUE;
    }

  return keep_one_current (db, row, error) &&
         jy_fhir_row_apply (&spec, "service_package", db, row, version, error);
}

static gboolean
package_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_package = {
  .entity = "service_package",
  .resource_type = "PlanDefinition",
  .rank = 35,
  .pull = TRUE,
  .version_sql = "SELECT remote_version FROM service_package WHERE uuid = ?1",
  .label_sql = "SELECT code || ' v' || version FROM service_package WHERE uuid = ?1",
  .encode = package_encode,
  .decode = package_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = package_load,
  .apply = package_apply,
  .set_version = package_set_version,
};
