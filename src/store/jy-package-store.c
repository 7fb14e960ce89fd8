/* jy-package-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-package-store.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "jy-clock.h"
#include "jy-key-population.h"
#include "jy-store.h"

/* service_package_item.due_rule, in JyItemDueRule order. */
static const char *const due_rules[] = {
  [JY_ITEM_DUE_ON_REQUEST] = "on-request",
  [JY_ITEM_DUE_PER_CONTRACT_YEAR] = "per-contract-year",
  [JY_ITEM_DUE_PER_QUARTER] = "per-quarter",
  [JY_ITEM_DUE_OWN_SCHEDULE] = "own-schedule",
};

void
jy_package_record_free (JyPackageRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->uuid);
  g_free (record->status);
  g_clear_pointer (&record->package, jy_service_package_free);
  g_free (record);
}

char *
jy_key_populations_to_codes (guint32 key_populations)
{
  GString *codes = NULL;

  for (guint i = 0; i < JY_KEY_POPULATION_N; i++)
    if ((key_populations & JY_KEY_POPULATION_BIT (i)) != 0)
      {
        if (codes == NULL)
          codes = g_string_new (NULL);
        else
          g_string_append_c (codes, ',');
        g_string_append (codes, jy_key_population_to_string (i));
      }
  return codes != NULL ? g_string_free (codes, FALSE) : NULL;
}

/* Unknown codes are ignored (a newer workstation's kind). */
guint32
jy_key_populations_from_codes (const char *codes)
{
  g_auto(GStrv) parts = NULL;
  guint32 mask = 0;

  if (codes == NULL || *codes == '\0')
    return 0;
  parts = g_strsplit (codes, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      JyKeyPopulation tag;

      if (jy_key_population_from_string (g_strstrip (parts[i]), &tag))
        mask |= JY_KEY_POPULATION_BIT (tag);
    }
  return mask;
}

static JyItemDueRule
due_rule_from_string (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (due_rules); i++)
    if (g_strcmp0 (due_rules[i], code) == 0)
      return (JyItemDueRule)i;
  return JY_ITEM_DUE_ON_REQUEST;
}


static gboolean
load_items (JyDb              *db,
            gint64             package_id,
            JyServicePackage  *package,
            GError           **error)
{
  static const char sql[] =
    "SELECT code, name, due_rule, quantity, key_populations FROM service_package_item\n"
    "WHERE package_id = ?1 ORDER BY position";
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (JyPackageItem));
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, package_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyPackageItem item = { 0 };

      item.code = jy_db_column_dup_text (stmt, 0);
      item.name = jy_db_column_dup_text (stmt, 1);
      item.due_rule = due_rule_from_string ((const char *)sqlite3_column_text (stmt, 2));
      item.quantity = (guint)sqlite3_column_int (stmt, 3);
      item.key_populations = jy_key_populations_from_codes ((const char *)sqlite3_column_text (stmt, 4));
      g_array_append_val (items, item);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  package->n_items = items->len;
  if (items->len == 0)
    g_array_set_size (items, 1);   /* jy_service_package_free() frees a block either way */
  package->items = (JyPackageItem *)(gpointer)g_array_free (g_steal_pointer (&items), FALSE);
  return TRUE;
}

/* Reads the record at the statement's current row (the columns of the
 * SELECTs below, in their order). */
static JyPackageRecord *
record_from_row (sqlite3_stmt *stmt)
{
  JyPackageRecord *record = g_new0 (JyPackageRecord, 1);
  JyServicePackage *package = g_new0 (JyServicePackage, 1);
  const char *sex = (const char *)sqlite3_column_text (stmt, 14);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->uuid = jy_db_column_dup_text (stmt, 1);
  record->rev = sqlite3_column_int64 (stmt, 2);
  record->status = jy_db_column_dup_text (stmt, 3);
  record->version = sqlite3_column_int (stmt, 4);
  record->sort_order = sqlite3_column_int (stmt, 5);

  package->code = jy_db_column_dup_text (stmt, 6);
  package->name = jy_db_column_dup_text (stmt, 7);
  package->kind = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 8), "basic") == 0
                    ? JY_SERVICE_PACKAGE_KIND_BASIC : JY_SERVICE_PACKAGE_KIND_PERSONALISED;
  package->annual_fee.insurance = sqlite3_column_int64 (stmt, 9);
  package->annual_fee.public_health = sqlite3_column_int64 (stmt, 10);
  package->annual_fee.resident = sqlite3_column_int64 (stmt, 11);
  package->min_age = sqlite3_column_type (stmt, 12) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 12);
  package->max_age = sqlite3_column_type (stmt, 13) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 13);
  package->sex = g_strcmp0 (sex, "1") == 0 ? JY_SEX_REQUIREMENT_MALE
                 : g_strcmp0 (sex, "2") == 0 ? JY_SEX_REQUIREMENT_FEMALE
                 : JY_SEX_REQUIREMENT_ANY;
  package->key_populations = jy_key_populations_from_codes ((const char *)sqlite3_column_text (stmt, 15));
  record->package = package;
  return record;
}

static GPtrArray *
collect_records (JyDb          *db,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_package_record_free);
  int rc;

  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  /* Items after the statement is done: the connection runs one at a time. */
  for (guint i = 0; i < records->len; i++)
    {
      JyPackageRecord *record = g_ptr_array_index (records, i);

      if (!load_items (db, record->id, record->package, error))
        return NULL;
    }
  return g_steal_pointer (&records);
}

/* The current version of every package, in catalogue order. */
GPtrArray *
jy_package_store_list (JyDb      *db,
                       gboolean   include_withdrawn,
                       GError   **error)
{
  static const char sql[] =
    "SELECT id, uuid, rev, status, version, sort_order, code, name, kind, fee_insurance,\n"
    "       fee_public_health, fee_resident, min_age, max_age, sex, key_populations\n"
    "FROM service_package\n"
    "WHERE status = 'active' OR (?1 AND status = 'withdrawn')\n"
    "ORDER BY sort_order, code";
  sqlite3_stmt *stmt;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_withdrawn);
  return collect_records (db, stmt, error);
}

static JyPackageRecord *
single_record (JyDb          *db,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GPtrArray) records = collect_records (db, stmt, error);

  if (records == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No such service package");
      return NULL;
    }
  return g_ptr_array_steal_index (records, 0);
}

/* Any version, superseded ones too (a contract's package). */
JyPackageRecord *
jy_package_store_load (JyDb    *db,
                       gint64   id,
                       GError **error)
{
  static const char sql[] =
    "SELECT id, uuid, rev, status, version, sort_order, code, name, kind, fee_insurance,\n"
    "       fee_public_health, fee_resident, min_age, max_age, sex, key_populations\n"
    "FROM service_package WHERE id = ?1";
  sqlite3_stmt *stmt;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return single_record (db, stmt, error);
}

/* The current version of @code, withdrawn or not. */
JyPackageRecord *
jy_package_store_find (JyDb        *db,
                       const char  *code,
                       GError     **error)
{
  static const char sql[] =
    "SELECT id, uuid, rev, status, version, sort_order, code, name, kind, fee_insurance,\n"
    "       fee_public_health, fee_resident, min_age, max_age, sex, key_populations\n"
    "FROM service_package WHERE code = ?1 AND status <> 'superseded'";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (code != NULL, NULL);

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  return single_record (db, stmt, error);
}

/* Writes ------------------------------------------------------------------- */

/* A name-based UUID (version 5 layout over SHA-1), so every workstation
 * seeds the catalogue with the same row ids. */
static char *
seed_uuid (const char *code,
           int         version)
{
  g_autofree char *name = g_strdup_printf ("org.jiayi.Jiayi/service-package/%s/%d", code, version);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *)name, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static gboolean
is_code (const char *code)
{
  if (code == NULL || *code == '\0' || strlen (code) > 64)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
check_package (const JyServicePackage  *package,
               GError                 **error)
{
  const char *problem = NULL;

  if (!is_code (package->code))
    problem = "code must be lower-case letters, digits and '-'";
  else if (package->name == NULL || strspn (package->name, " \t\n") == strlen (package->name))
    problem = "name is empty";
  else if (package->annual_fee.insurance < 0 || package->annual_fee.public_health < 0 ||
           package->annual_fee.resident < 0)
    problem = "a fee is negative";
  else if (package->min_age >= 0 && package->max_age >= 0 && package->min_age > package->max_age)
    problem = "minimum age above maximum age";
  else if ((package->kind == JY_SERVICE_PACKAGE_KIND_BASIC) !=
           (g_strcmp0 (package->code, JY_SERVICE_PACKAGE_BASIC) == 0))
    problem = "only the package coded \"basic\" is the basic package";
  else
    for (guint i = 0; i < package->n_items && problem == NULL; i++)
      if (!is_code (package->items[i].code) || package->items[i].name == NULL ||
          *package->items[i].name == '\0')
        problem = "an item has no code or no name";

  if (problem != NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, "Service package: %s", problem);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_version (JyDb                    *db,
                const JyServicePackage  *package,
                const char              *uuid,
                int                      version,
                int                      sort_order,
                gint64                  *out_id,
                GError                 **error)
{
  static const char sql[] =
    "INSERT INTO service_package (uuid, created_at, updated_at, created_by, code, version, name,\n"
    "  kind, fee_insurance, fee_public_health, fee_resident, min_age, max_age, sex,\n"
    "  key_populations, sort_order)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
  static const char item_sql[] =
    "INSERT INTO service_package_item (package_id, position, code, name, due_rule, quantity,\n"
    "  key_populations) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *key_populations = jy_key_populations_to_codes (package->key_populations);
  sqlite3_stmt *stmt;
  gint64 id;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, package->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, version);
  sqlite3_bind_text (stmt, 6, package->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, package->kind == JY_SERVICE_PACKAGE_KIND_BASIC ? "basic" : "personalised",
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, package->annual_fee.insurance);
  sqlite3_bind_int64 (stmt, 9, package->annual_fee.public_health);
  sqlite3_bind_int64 (stmt, 10, package->annual_fee.resident);
  if (package->min_age >= 0)
    sqlite3_bind_int (stmt, 11, package->min_age);
  if (package->max_age >= 0)
    sqlite3_bind_int (stmt, 12, package->max_age);
  if (package->sex != JY_SEX_REQUIREMENT_ANY)
    sqlite3_bind_text (stmt, 13, package->sex == JY_SEX_REQUIREMENT_MALE ? "1" : "2", -1, SQLITE_STATIC);
  jy_db_bind_text_or_null (stmt, 14, key_populations);
  sqlite3_bind_int (stmt, 15, sort_order);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;
  id = jy_db_last_insert_rowid (db);

  for (guint i = 0; i < package->n_items; i++)
    {
      const JyPackageItem *item = &package->items[i];
      g_autofree char *item_groups = jy_key_populations_to_codes (item->key_populations);

      if ((stmt = jy_db_prepare (db, item_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_text (stmt, 3, item->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, item->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, due_rules[item->due_rule < G_N_ELEMENTS (due_rules) ? item->due_rule : 0],
                         -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, (int)item->quantity);
      jy_db_bind_text_or_null (stmt, 7, item_groups);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }

  *out_id = id;
  return TRUE;
}

gboolean
jy_package_store_seed (JyDb    *db,
                       GError **error)
{
  static const char count_sql[] = "SELECT count(*) FROM service_package";
  const JyServicePackage *seed;
  gint64 existing = 0;
  guint n = 0;

  if (!jy_db_query_int64 (db, count_sql, &existing, error))
    return FALSE;
  if (existing > 0)
    return TRUE;

  seed = jy_service_package_get_seed (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = seed_uuid (seed[i].code, 1);
      gint64 id;

      if (!insert_version (db, &seed[i], uuid, 1, (int)(i + 1) * 10, &id, error))
        return FALSE;
    }
  return TRUE;
}

static char *
describe_package (const JyServicePackage *package,
                  int                     version)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, package->code);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, package->name);
  json_builder_set_member_name (builder, "fee");
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, package->annual_fee.insurance);
  json_builder_add_int_value (builder, package->annual_fee.public_health);
  json_builder_add_int_value (builder, package->annual_fee.resident);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_add_int_value (builder, package->n_items);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
set_status (JyDb        *db,
            gint64       id,
            gint64       rev,
            const char  *status,
            char       **out_uuid,
            GError     **error)
{
  static const char sql[] =
    "UPDATE service_package SET status = ?1, rev = rev + 1, updated_at = ?2\n"
    "WHERE id = ?3 AND rev = ?4 AND status <> 'superseded'\n"
    "RETURNING uuid";
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  sqlite3_bind_int64 (stmt, 4, rev);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    *out_uuid = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  if (*out_uuid == NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT,
                   "Service package %" G_GINT64_FORMAT " changed or was superseded", id);
      return FALSE;
    }
  return TRUE;
}

JyPackageRecord *
jy_package_store_save (JyDb                    *db,
                       const JyServicePackage  *package,
                       int                      sort_order,
                       gint64                   base_id,
                       gint64                   base_rev,
                       GError                 **error)
{
  g_autoptr(JyPackageRecord) base = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *detail = NULL;
  int version = 1;
  gint64 id;

  if (!jy_store_require (db, JY_PERMISSION_CENTRE_SETTINGS, error))
    return NULL;

  g_return_val_if_fail (package != NULL, NULL);

  if (!check_package (package, error))
    return NULL;

  if (base_id != 0)
    {
      g_autofree char *base_uuid = NULL;

      if ((base = jy_package_store_load (db, base_id, error)) == NULL)
        return NULL;
      if (g_strcmp0 (base->package->code, package->code) != 0)
        {
          g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                               "A new version keeps the package's code");
          return NULL;
        }
      version = base->version + 1;
      /* The new version takes over the old one's offering status. */
      if (!set_status (db, base_id, base_rev, "superseded", &base_uuid, error) ||
          !jy_store_record_change (db, "service_package", base_uuid, JY_CHANGE_UPDATE,
                                   base_rev + 1, NULL, error))
        return NULL;
    }
  else
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JyPackageRecord) existing = jy_package_store_find (db, package->code, &local_error);

      if (existing != NULL)
        {
          g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DUPLICATE,
                       "A service package coded %s exists", package->code);
          return NULL;
        }
      if (!g_error_matches (local_error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  detail = describe_package (package, version);
  if (!insert_version (db, package, uuid, version, sort_order, &id, error))
    return NULL;

  /* A withdrawn package stays withdrawn in its next version: created
   * with that status, it is one change (create, rev 1). */
  if (base != NULL && g_strcmp0 (base->status, "withdrawn") == 0)
    {
      static const char sql[] = "UPDATE service_package SET status = 'withdrawn' WHERE id = ?1";
      sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!jy_db_step_done (db, stmt, error))
        return NULL;
    }

  if (!jy_store_record_change (db, "service_package", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return NULL;

  return jy_package_store_load (db, id, error);
}

gboolean
jy_package_store_withdraw (JyDb     *db,
                           gint64    id,
                           gint64    rev,
                           gboolean  withdrawn,
                           GError  **error)
{
  g_autoptr(JyPackageRecord) record = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;

  if (!jy_store_require (db, JY_PERMISSION_CENTRE_SETTINGS, error) ||
      (record = jy_package_store_load (db, id, error)) == NULL)
    return FALSE;
  if (record->package->kind == JY_SERVICE_PACKAGE_KIND_BASIC && withdrawn)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                           "The basic package cannot be withdrawn");
      return FALSE;
    }

  detail = g_strdup_printf ("{\"status\":\"%s\"}", withdrawn ? "withdrawn" : "active");
  return set_status (db, id, rev, withdrawn ? "withdrawn" : "active", &uuid, error) &&
         jy_store_record_change (db, "service_package", uuid, JY_CHANGE_UPDATE, rev + 1, detail, error);
}
