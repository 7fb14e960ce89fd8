/* jy-resident-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-store.h"

#include <json-glib/json-glib.h>

#include "jy-clock.h"
#include "jy-contract-store.h"
#include "jy-followup.h"
#include "jy-key-population.h"
#include "jy-person.h"
#include "jy-phone.h"
#include "jy-resident-search.h"
#include "jy-store.h"

void
jy_resident_row_free (JyResidentRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_free (row->name);
  g_free (row->sex);
  g_free (row->birth_date);
  g_free (row->id_masked);
  g_free (row->phone_masked);
  g_free (row->address);
  g_free (row->team_name);
  g_free (row->status);
  g_free (row->relation_to_head);
  g_free (row);
}

void
jy_resident_filter_free (JyResidentFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->area_prefix);
  g_free (filter->key_population);
  g_free (filter);
}

/* The editable columns, in one order for SELECT, INSERT and the diff. */
typedef struct
{
  const char *column;
  gsize       offset;
} Column;

#define COL(name) { #name, G_STRUCT_OFFSET (JyResident, name) }
static const Column text_columns[] = {
  COL (archive_no), COL (name), COL (sex), COL (birth_date), COL (id_number),
  COL (id_number_original), COL (phone), COL (contact_name), COL (contact_phone),
  COL (area_code), COL (address_detail), COL (registered_address), COL (residence_type),
  COL (ethnicity), COL (insurance), COL (household_id), COL (relation_to_head),
  COL (status), COL (status_date), COL (status_reason),
};
#undef COL

#define FIELD(resident, column) (*(char **)G_STRUCT_MEMBER_P ((resident), (column).offset))

static const char select_sql[] =
  "SELECT id, uuid, rev, team_id, archive_no, name, sex, birth_date, id_number,\n"
  "       id_number_original, phone, contact_name, contact_phone, area_code,\n"
  "       address_detail, registered_address, residence_type, ethnicity, insurance,\n"
  "       household_id, relation_to_head, status, status_date, status_reason\n"
  "FROM resident WHERE id = ?1";

JyResident *
jy_resident_store_load (JyDb    *db,
                        gint64   id,
                        GError **error)
{
  g_autoptr(JyResident) resident = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_VIEW, error) ||
      (stmt = jy_db_prepare (db, select_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No resident with id %" G_GINT64_FORMAT, id);
      return NULL;
    }

  resident = g_new0 (JyResident, 1);
  resident->id = sqlite3_column_int64 (stmt, 0);
  resident->uuid = jy_db_column_dup_text (stmt, 1);
  resident->rev = sqlite3_column_int64 (stmt, 2);
  resident->team_id = sqlite3_column_int64 (stmt, 3);
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    FIELD (resident, text_columns[i]) = jy_db_column_dup_text (stmt, 4 + i);
  sqlite3_reset (stmt);

  /* A manager's screen, print-out or file never has the whole number. */
  if (!jy_store_can (db, JY_PERMISSION_FULL_ID_NUMBER))
    {
      g_autofree char *id_number = g_steal_pointer (&resident->id_number);
      g_autofree char *original = g_steal_pointer (&resident->id_number_original);

      resident->id_number = jy_person_mask_id_number (id_number);
      resident->id_number_original = jy_person_mask_id_number (original);
    }

  return g_steal_pointer (&resident);
}

/* Returns the id of another non-voided resident with this ID number, 0 if
 * none, -1 on error. */
gint64
jy_resident_store_find_id_number (JyDb        *db,
                                  const char  *id_number,
                                  gint64       except_id,
                                  GError     **error)
{
  static const char sql[] =
    "SELECT id FROM resident\n"
    "WHERE id_number = ?1 AND status <> 'voided' AND id <> ?2";
  sqlite3_stmt *stmt;
  gint64 found = 0;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_LIST, error))
    return -1;
  if (id_number == NULL)
    return 0;
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, id_number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return -1;
  if (rc == SQLITE_ROW)
    found = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return found;
}

/* Residents with the same name and birth date: ask before a second record. */
GArray *
jy_resident_store_find_name_birth (JyDb        *db,
                                   const char  *name,
                                   const char  *birth_date,
                                   GError     **error)
{
  static const char sql[] =
    "SELECT id FROM resident\n"
    "WHERE name = ?1 AND birth_date = ?2 AND status <> 'voided' ORDER BY id";
  sqlite3_stmt *stmt;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_LIST, error) ||
      (stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  jy_db_bind_text_or_null (stmt, 1, name);
  jy_db_bind_text_or_null (stmt, 2, birth_date);
  return jy_db_collect_int64 (db, stmt, NULL, error);
}

static gboolean
check_valid (JyResident   *resident,
             const GDate  *today,
             GError      **error)
{
  g_autoptr(GArray) problems = NULL;

  jy_resident_normalize (resident);
  problems = jy_resident_validate (resident, today);
  if (problems->len > 0)
    {
      JyResidentProblem *first = &g_array_index (problems, JyResidentProblem, 0);

      /* The store enforces the same rules the form shows at each field. */
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "Resident record breaks %u rule(s); first: field %d, problem %d",
                   problems->len, first->field, first->kind);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_unique_id (JyDb        *db,
                 JyResident  *resident,
                 GError     **error)
{
  gint64 other = jy_resident_store_find_id_number (db, resident->id_number, resident->id, error);

  if (other < 0)
    return FALSE;
  if (other > 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DUPLICATE,
                   "ID number already belongs to resident %" G_GINT64_FORMAT, other);
      return FALSE;
    }
  return TRUE;
}

/* 12-digit community code + 5-digit serial within it (domain.md §1). */
static char *
next_archive_no (JyDb        *db,
                 const char  *area_code,
                 GError     **error)
{
  static const char sql[] =
    "SELECT max (CAST (substr (archive_no, 13) AS INTEGER)) FROM resident\n"
    "WHERE archive_no GLOB ?1 || '[0-9][0-9][0-9][0-9][0-9]'";
  sqlite3_stmt *stmt;
  gint64 last = 0;

  if (area_code == NULL)
    return NULL;
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, area_code, -1, SQLITE_TRANSIENT);
  if (jy_db_step (db, stmt, error) < 0)
    return NULL;
  last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return g_strdup_printf ("%s%05" G_GINT64_FORMAT, area_code, last + 1);
}

static void
bind_fields (sqlite3_stmt     *stmt,
             const JyResident *resident,
             int               first)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    jy_db_bind_text_or_null (stmt, first + i, FIELD (resident, text_columns[i]));
}

static gboolean
index_for_search (JyDb              *db,
                  const JyResident  *resident,
                  GError           **error)
{
  return jy_resident_search_index (db, resident->id, resident->name, resident->id_number,
                                   resident->phone, resident->contact_phone,
                                   resident->archive_no, error);
}

gboolean
jy_resident_store_insert (JyDb         *db,
                          JyResident   *resident,
                          const GDate  *today,
                          GError      **error)
{
  static const char sql[] =
    "INSERT INTO resident (uuid, created_at, updated_at, created_by, rev, site_id, team_id,\n"
    "  archive_no, name, sex, birth_date, id_number, id_number_original, phone,\n"
    "  contact_name, contact_phone, area_code, address_detail, registered_address,\n"
    "  residence_type, ethnicity, insurance, household_id, relation_to_head,\n"
    "  status, status_date, status_reason)\n"
    "VALUES (?21, ?22, ?22, ?23, 1,\n"
    "  (SELECT id FROM site WHERE kind = 'centre' AND parent_id IS NULL ORDER BY id LIMIT 1),\n"
    "  nullif (?24, 0),\n"
    "  ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)";
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (resident != NULL && resident->id == 0, FALSE);

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_EDIT, error))
    return FALSE;
  if (!check_valid (resident, today, error) || !check_unique_id (db, resident, error))
    return FALSE;

  if (resident->archive_no == NULL &&
      (resident->archive_no = next_archive_no (db, resident->area_code, error)) == NULL &&
      error != NULL && *error != NULL)
    return FALSE;

  g_free (resident->uuid);
  resident->uuid = g_uuid_string_random ();
  resident->rev = 1;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  bind_fields (stmt, resident, 1);
  sqlite3_bind_text (stmt, 21, resident->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 22, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 23, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 24, resident->team_id);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;
  resident->id = jy_db_last_insert_rowid (db);

  return index_for_search (db, resident, error) &&
         jy_store_record_change (db, "resident", resident->uuid, JY_CHANGE_CREATE, 1, NULL, error);
}

/* The audit detail names each changed field with its old and new value;
 * it stays in the database (never in logs). */
static char *
describe_changes (const JyResident *before,
                  const JyResident *after,
                  guint            *n_changed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  *n_changed = 0;
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    {
      const char *old_value = FIELD (before, text_columns[i]);
      const char *new_value = FIELD (after, text_columns[i]);

      if (g_strcmp0 (old_value, new_value) == 0)
        continue;
      (*n_changed)++;
      json_builder_set_member_name (builder, text_columns[i].column);
      json_builder_begin_array (builder);
      if (old_value != NULL)
        json_builder_add_string_value (builder, old_value);
      else
        json_builder_add_null_value (builder);
      if (new_value != NULL)
        json_builder_add_string_value (builder, new_value);
      else
        json_builder_add_null_value (builder);
      json_builder_end_array (builder);
    }
  if (before->team_id != after->team_id)
    {
      (*n_changed)++;
      json_builder_set_member_name (builder, "team_id");
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, before->team_id);
      json_builder_add_int_value (builder, after->team_id);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
write_update (JyDb              *db,
              JyResident        *resident,
              const JyResident  *before,
              JyChangeOp         op,
              GError           **error)
{
  static const char sql[] =
    "UPDATE resident SET\n"
    "  archive_no = ?1, name = ?2, sex = ?3, birth_date = ?4, id_number = ?5,\n"
    "  id_number_original = ?6, phone = ?7, contact_name = ?8, contact_phone = ?9,\n"
    "  area_code = ?10, address_detail = ?11, registered_address = ?12,\n"
    "  residence_type = ?13, ethnicity = ?14, insurance = ?15, household_id = ?16,\n"
    "  relation_to_head = ?17, status = ?18, status_date = ?19, status_reason = ?20,\n"
    "  team_id = nullif (?21, 0), rev = rev + 1, updated_at = ?22\n"
    "WHERE id = ?23 AND rev = ?24";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  guint n_changed;

  /* Someone else saved this record since it was opened: say so rather than
   * overwrite their change. */
  if (before->rev != resident->rev)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT,
                   "Resident %" G_GINT64_FORMAT " changed since it was loaded", resident->id);
      return FALSE;
    }

  detail = describe_changes (before, resident, &n_changed);
  if (n_changed == 0)
    return TRUE;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  bind_fields (stmt, resident, 1);
  sqlite3_bind_int64 (stmt, 21, resident->team_id);
  sqlite3_bind_text (stmt, 22, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 23, resident->id);
  sqlite3_bind_int64 (stmt, 24, resident->rev);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;
  resident->rev++;

  return index_for_search (db, resident, error) &&
         jy_store_record_change (db, "resident", resident->uuid, op, resident->rev, detail, error);
}

gboolean
jy_resident_store_update (JyDb         *db,
                          JyResident   *resident,
                          const GDate  *today,
                          GError      **error)
{
  g_autoptr(JyResident) before = NULL;

  g_return_val_if_fail (resident != NULL && resident->id > 0, FALSE);

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_EDIT, error))
    return FALSE;
  if (!check_valid (resident, today, error) || !check_unique_id (db, resident, error))
    return FALSE;
  if ((before = jy_resident_store_load (db, resident->id, error)) == NULL)
    return FALSE;

  return write_update (db, resident, before, JY_CHANGE_UPDATE, error);
}

/* Moved out, dead or lost: the record stays, with when and why. */
gboolean
jy_resident_store_retire (JyDb        *db,
                          gint64       id,
                          gint64       rev,
                          const char  *status,
                          const char  *date,
                          const char  *reason,
                          GError     **error)
{
  static const char *const retired[] = { "moved-out", "dead", "lost", NULL };
  g_autoptr(JyResident) before = NULL;
  g_autoptr(JyResident) after = NULL;
  GDate parsed;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_RETIRE, error))
    return FALSE;
  if (!g_strv_contains (retired, status) || !jy_person_parse_date (date, &parsed))
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "Retiring needs a status and a valid date");
      return FALSE;
    }
  if ((before = jy_resident_store_load (db, id, error)) == NULL)
    return FALSE;

  after = jy_resident_copy (before);
  after->rev = rev;
  g_free (after->status);
  after->status = g_strdup (status);
  g_free (after->status_date);
  after->status_date = g_strdup (date);
  g_free (after->status_reason);
  after->status_reason = g_strdup (reason);

  /* Death ends the resident's contracts at its date (domain.md §2.3,
   * automatic), moving out for reason 2; in this transaction. */
  return write_update (db, after, before, JY_CHANGE_RETIRE, error) &&
         jy_contract_store_end_for_exit (db, id, status, &parsed, error);
}

/* Every opening of a resident's record is audited (who saw whom). */
gboolean
jy_resident_store_record_view (JyDb    *db,
                               gint64   id,
                               GError **error)
{
  static const char sql[] = "SELECT uuid FROM resident WHERE id = ?1";
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_VIEW, error) ||
      (stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (jy_db_step (db, stmt, error) < 0)
    return FALSE;
  uuid = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (uuid == NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No such resident");
      return FALSE;
    }

  return jy_store_record_audit (db, "view", "resident", uuid, NULL, error);
}

static gboolean
check_tag_dates (const char  *start_date,
                 const char  *end_date,
                 GError     **error)
{
  GDate start, end;

  if (!jy_person_parse_date (start_date, &start) ||
      (end_date != NULL && (!jy_person_parse_date (end_date, &end) || g_date_compare (&end, &start) < 0)))
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "A tag needs a start date, and an end date not before it");
      return FALSE;
    }
  return TRUE;
}

gboolean
jy_resident_store_add_tag (JyDb        *db,
                           gint64       resident_id,
                           const char  *tag,
                           const char  *start_date,
                           const char  *end_date,
                           const char  *source,
                           GError     **error)
{
  static const char sql[] =
    "INSERT INTO resident_tag (uuid, created_at, updated_at, created_by, resident_id, tag,\n"
    "  start_date, end_date, source)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  JyKeyPopulation kind;
  sqlite3_stmt *stmt;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_EDIT, error))
    return FALSE;
  /* Derived kinds follow the record; only the manual ones are set by hand. */
  if (!jy_key_population_from_string (tag, &kind) || !jy_key_population_is_manual (kind))
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, "Not a manual key-population tag");
      return FALSE;
    }
  if (!check_tag_dates (start_date, end_date, error) ||
      (stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, resident_id);
  sqlite3_bind_text (stmt, 5, tag, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, start_date, -1, SQLITE_TRANSIENT);
  jy_db_bind_text_or_null (stmt, 7, end_date);
  jy_db_bind_text_or_null (stmt, 8, source);

  return jy_db_step_done (db, stmt, error) &&
         jy_store_record_change (db, "resident_tag", uuid, JY_CHANGE_CREATE, 1, NULL, error);
}

gboolean
jy_resident_store_end_tag (JyDb        *db,
                           const char  *tag_uuid,
                           const char  *end_date,
                           GError     **error)
{
  static const char tag_sql[] = "SELECT start_date, rev FROM resident_tag WHERE uuid = ?1";
  static const char update_sql[] =
    "UPDATE resident_tag SET end_date = ?1, rev = rev + 1, updated_at = ?2 WHERE uuid = ?3";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *start = NULL;
  sqlite3_stmt *stmt;
  gint64 rev;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_EDIT, error) ||
      (stmt = jy_db_prepare (db, tag_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tag_uuid, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No such tag");
      return FALSE;
    }
  start = jy_db_column_dup_text (stmt, 0);
  rev = sqlite3_column_int64 (stmt, 1) + 1;
  sqlite3_reset (stmt);

  if (!check_tag_dates (start, end_date, error) ||
      (stmt = jy_db_prepare (db, update_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, end_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, tag_uuid, -1, SQLITE_TRANSIENT);

  return jy_db_step_done (db, stmt, error) &&
         jy_store_record_change (db, "resident_tag", tag_uuid, JY_CHANGE_UPDATE, rev, NULL, error);
}
