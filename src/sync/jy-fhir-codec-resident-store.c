/* jy-fhir-codec-resident-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * resident ⇄ Patient, the store half: read a resident (with its tags,
 * team and centre) for pushing; write a pulled one so that it looks as if
 * the registry had saved it (search keys, tags, audit) but without an
 * outbox entry, since the platform already has it.
 */

#include "config.h"

#include "jy-fhir-resident.h"

#include "jy-clock.h"
#include "jy-resident-search.h"
#include "jy-resident-store.h"
#include "jy-store.h"

gpointer jy_fhir_resident_load        (JyDb        *db,
                                       const char  *uuid,
                                       char       **remote_version,
                                       GError     **error);
gboolean jy_fhir_resident_apply       (JyDb        *db,
                                       gpointer     record,
                                       const char  *version,
                                       GError     **error);
gboolean jy_fhir_resident_set_version (JyDb        *db,
                                       const char  *uuid,
                                       const char  *version,
                                       GError     **error);

static const char centre_sql[] =
  "SELECT uuid FROM site WHERE kind = 'centre' AND parent_id IS NULL AND status <> 'voided'\n"
  "ORDER BY id LIMIT 1";

static gboolean
query_text (JyDb        *db,
            const char  *sql,
            const char  *arg,
            char       **out,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out = NULL;
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    *out = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gpointer
jy_fhir_resident_load (JyDb        *db,
                       const char  *uuid,
                       char       **remote_version,
                       GError     **error)
{
  static const char row_sql[] =
    "SELECT r.id, r.remote_version, t.uuid FROM resident r\n"
    "LEFT JOIN team t ON t.id = r.team_id WHERE r.uuid = ?1";
  static const char tags_sql[] =
    "SELECT uuid, tag, start_date, end_date, source, status FROM resident_tag\n"
    "WHERE resident_id = ?1 ORDER BY id";
  g_autoptr(JyFhirResident) record = jy_fhir_resident_new ();
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  if ((stmt = jy_db_prepare (db, row_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No resident %s", uuid);
      return NULL;
    }
  id = sqlite3_column_int64 (stmt, 0);
  if (remote_version != NULL)
    *remote_version = jy_db_column_dup_text (stmt, 1);
  record->team_uuid = jy_db_column_dup_text (stmt, 2);
  sqlite3_reset (stmt);

  jy_resident_free (record->resident);
  if ((record->resident = jy_resident_store_load (db, id, error)) == NULL ||
      !query_text (db, centre_sql, NULL, &record->centre_uuid, error) ||
      (stmt = jy_db_prepare (db, tags_sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyFhirTag *tag = g_new0 (JyFhirTag, 1);

      tag->uuid = jy_db_column_dup_text (stmt, 0);
      tag->tag = jy_db_column_dup_text (stmt, 1);
      tag->start_date = jy_db_column_dup_text (stmt, 2);
      tag->end_date = jy_db_column_dup_text (stmt, 3);
      tag->source = jy_db_column_dup_text (stmt, 4);
      tag->status = jy_db_column_dup_text (stmt, 5);
      g_ptr_array_add (record->tags, tag);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  return g_steal_pointer (&record);
}

static gboolean
apply_tags (JyDb            *db,
            JyFhirResident  *record,
            gint64           resident_id,
            const char      *version,
            const char      *now,
            GError         **error)
{
  static const char sql[] =
    "INSERT INTO resident_tag (uuid, created_at, updated_at, created_by, remote_version,\n"
    "  status, resident_id, tag, start_date, end_date, source)\n"
    "VALUES (?1, ?2, ?2, 'sync', ?3, ?4, ?5, ?6, ?7, ?8, ?9)\n"
    "ON CONFLICT (uuid) DO UPDATE SET updated_at = ?2, remote_version = ?3, status = ?4,\n"
    "  resident_id = ?5, tag = ?6, start_date = ?7, end_date = ?8, source = ?9, rev = rev + 1";

  for (guint i = 0; i < record->tags->len; i++)
    {
      JyFhirTag *tag = g_ptr_array_index (record->tags, i);
      sqlite3_stmt *stmt;

      if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tag->uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      jy_db_bind_text_or_null (stmt, 3, version);
      sqlite3_bind_text (stmt, 4, tag->status, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, resident_id);
      sqlite3_bind_text (stmt, 6, tag->tag, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, tag->start_date, -1, SQLITE_TRANSIENT);
      jy_db_bind_text_or_null (stmt, 8, tag->end_date);
      jy_db_bind_text_or_null (stmt, 9, tag->source);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_resident (sqlite3_stmt     *stmt,
               const JyResident *r)
{
  const char *values[] = {
    r->archive_no, r->name, r->sex, r->birth_date, r->id_number, r->id_number_original,
    r->phone, r->contact_name, r->contact_phone, r->area_code, r->address_detail,
    r->registered_address, r->residence_type, r->ethnicity, r->insurance, r->household_id,
    r->relation_to_head, r->status, r->status_date, r->status_reason,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    jy_db_bind_text_or_null (stmt, 1 + i, values[i]);
}

gboolean
jy_fhir_resident_apply (JyDb        *db,
                        gpointer     data,
                        const char  *version,
                        GError     **error)
{
  static const char find_sql[] = "SELECT id FROM resident WHERE uuid = ?1";
  static const char area_sql[] = "SELECT code FROM address_area WHERE code = ?1";
  static const char update_sql[] =
    "UPDATE resident SET\n"
    "  archive_no = ?1, name = ?2, sex = ?3, birth_date = ?4, id_number = ?5,\n"
    "  id_number_original = ?6, phone = ?7, contact_name = ?8, contact_phone = ?9,\n"
    "  area_code = ?10, address_detail = ?11, registered_address = ?12,\n"
    "  residence_type = ?13, ethnicity = ?14, insurance = ?15, household_id = ?16,\n"
    "  relation_to_head = ?17, status = ?18, status_date = ?19, status_reason = ?20,\n"
    "  team_id = (SELECT id FROM team WHERE uuid = ?21), remote_version = ?22,\n"
    "  updated_at = ?23, rev = rev + 1\n"
    "WHERE uuid = ?24";
  static const char insert_sql[] =
    "INSERT INTO resident (archive_no, name, sex, birth_date, id_number, id_number_original,\n"
    "  phone, contact_name, contact_phone, area_code, address_detail, registered_address,\n"
    "  residence_type, ethnicity, insurance, household_id, relation_to_head, status,\n"
    "  status_date, status_reason, team_id, remote_version, created_at, updated_at, uuid,\n"
    "  created_by, site_id)\n"
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,\n"
    "  ?19, ?20, (SELECT id FROM team WHERE uuid = ?21), ?22, ?23, ?23, ?24, 'sync',\n"
    "  (SELECT id FROM site WHERE kind = 'centre' AND parent_id IS NULL ORDER BY id LIMIT 1))";
  JyFhirResident *record = data;
  JyResident *r = record->resident;
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *known_area = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  /* A community this workstation's area table lacks cannot be referenced:
   * keep the record, without the code (the detail text stays). */
  if (r->area_code != NULL)
    {
      if (!query_text (db, area_sql, r->area_code, &known_area, error))
        return FALSE;
      if (known_area == NULL)
        g_clear_pointer (&r->area_code, g_free);
    }

  if ((stmt = jy_db_prepare (db, find_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, r->uuid, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if ((stmt = jy_db_prepare (db, id != 0 ? update_sql : insert_sql, error)) == NULL)
    return FALSE;
  bind_resident (stmt, r);
  jy_db_bind_text_or_null (stmt, 21, record->team_uuid);
  jy_db_bind_text_or_null (stmt, 22, version);
  sqlite3_bind_text (stmt, 23, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 24, r->uuid, -1, SQLITE_TRANSIENT);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;
  if (id == 0)
    id = jy_db_last_insert_rowid (db);

  return apply_tags (db, record, id, version, now, error) &&
         jy_resident_search_index (db, id, r->name, r->id_number, r->phone, r->contact_phone,
                                   r->archive_no, error) &&
         jy_store_record_audit (db, "pull", "resident", r->uuid, NULL, error);
}

gboolean
jy_fhir_resident_set_version (JyDb        *db,
                              const char  *uuid,
                              const char  *version,
                              GError     **error)
{
  static const char resident_sql[] = "UPDATE resident SET remote_version = ?2 WHERE uuid = ?1";
  static const char tags_sql[] =
    "UPDATE resident_tag SET remote_version = ?2\n"
    "WHERE resident_id = (SELECT id FROM resident WHERE uuid = ?1)";
  const char *sqls[] = { resident_sql, tags_sql };

  for (guint i = 0; i < G_N_ELEMENTS (sqls); i++)
    {
      sqlite3_stmt *stmt = jy_db_prepare (db, sqls[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, version, -1, SQLITE_TRANSIENT);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}
