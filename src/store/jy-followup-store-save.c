/* jy-followup-store-save.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-store.h"

#include "jy-chronic-private.h"
#include "jy-clock.h"
#include "jy-followup-store-private.h"
#include "jy-person.h"
#include "jy-store.h"

/* Saving a visit and correcting a follow-up (jy-followup-store.h); the
 * reads are in jy-followup-store.c. */

/* What a record is checked against: its enrolment. */
typedef struct
{
  gint64      resident_id;
  JyProgramme programme;
  gboolean    managing;
} EnrolmentFacts;

static gboolean
load_enrolment_facts (JyDb            *db,
                      gint64           enrolment_id,
                      EnrolmentFacts  *out,
                      GError         **error)
{
  static const char sql[] =
    "SELECT e.resident_id, p.code, e.status = 'managing' FROM chronic_enrolment e\n"
    "JOIN programme p ON p.id = e.programme_id WHERE e.id = ?1";
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No enrolment with id %" G_GINT64_FORMAT, enrolment_id);
      return FALSE;
    }
  out->resident_id = sqlite3_column_int64 (stmt, 0);
  out->programme = jy_programme_from_code ((const char *)sqlite3_column_text (stmt, 1));
  out->managing = sqlite3_column_int (stmt, 2) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Structure only: whether the record can be filed where it says. The
 * form has run core's jy_followup_validate() on its content. */
static gboolean
check_record (const JyFollowup      *record,
              JyFollowupAction       action,
              const EnrolmentFacts  *enrolment,
              GError               **error)
{
  GDate date;

  if (record->id != 0)
    return invalid (error, "A follow-up is saved once; correct it instead");
  if (record->resident_id != 0 && record->resident_id != enrolment->resident_id)
    return invalid (error, "The follow-up's resident is not the enrolment's");
  if (record->programme != JY_PROGRAMME_NONE && record->programme != enrolment->programme)
    return invalid (error, "The follow-up's programme is not the enrolment's");
  if (!jy_person_parse_date (record->visit_date, &date))
    return invalid (error, "A follow-up needs a visit date");
  if (record->mode < JY_VISIT_MODE_CLINIC || record->mode > JY_VISIT_MODE_PHONE)
    return invalid (error, "A follow-up needs a mode: clinic, home or phone");
  if ((int)action < JY_FOLLOWUP_ACTION_ROUTINE || action > JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL)
    return invalid (error, "Unknown follow-up action");
  return TRUE;
}

/* Inserts @record (checked) with its drugs, outbox and audit entries, and
 * fills in what the database decided. Returns the new uuid. */
static char *
insert_record (JyDb                  *db,
               const JyFollowup      *record,
               JyFollowupAction       action,
               const EnrolmentFacts  *enrolment,
               gint64                 replaces_id,
               const char            *replaces_uuid,
               const char            *visit_uuid,
               gint64                *out_id,
               GError               **error)
{
  static const char sql[] =
    "INSERT INTO followup (" FOLLOWUP_FIELDS (AS_COLUMN)
    "uuid, created_at, updated_at, created_by, status, replaces_id, enrolment_id,\n"
    "  resident_id, programme_id, visit_uuid, action)\n"
    "VALUES (" FOLLOWUP_FIELDS (AS_PARAM)
    "?, ?, ?, ?, 'final', ?, ?, ?, (SELECT id FROM programme WHERE code = ?), ?, ?)";
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  g_autoptr(JyFollowup) saved = NULL;
  sqlite3_stmt *stmt;
  int index = jy_followup_row_n_fields ();

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  g_assert (sqlite3_bind_parameter_count (stmt) == index + 10);

  jy_followup_row_bind_fields (stmt, record);
  sqlite3_bind_text (stmt, ++index, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, ++index, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, ++index, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, ++index, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  if (replaces_id != 0)
    sqlite3_bind_int64 (stmt, ++index, replaces_id);
  else
    sqlite3_bind_null (stmt, ++index);
  sqlite3_bind_int64 (stmt, ++index, record->enrolment_id);
  sqlite3_bind_int64 (stmt, ++index, enrolment->resident_id);
  sqlite3_bind_text (stmt, ++index, jy_programme_to_code (enrolment->programme), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, ++index, visit_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, ++index, action);
  if (!jy_db_step_done (db, stmt, error))
    return NULL;

  /* Drugs go in under the new id; the caller's record is only updated
   * once the whole call has succeeded. */
  saved = jy_followup_copy (record);
  saved->id = *out_id = jy_db_last_insert_rowid (db);
  detail = jy_chronic_describe ("programme", jy_programme_to_code (enrolment->programme),
                                "visit_uuid", visit_uuid, "replaces", replaces_uuid, NULL);
  if (!jy_followup_row_insert_drugs (db, saved, error) ||
      !jy_store_record_change (db, "followup", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return NULL;

  return g_steal_pointer (&uuid);
}

static void
set_saved (JyFollowup           *record,
           gint64                id,
           char                 *uuid,
           const char           *visit_uuid,
           const EnrolmentFacts *enrolment)
{
  record->id = id;
  g_free (record->uuid);
  record->uuid = uuid;
  record->rev = 1;
  g_free (record->status);
  record->status = g_strdup ("final");
  if (record->visit_uuid != visit_uuid)
    {
      g_free (record->visit_uuid);
      record->visit_uuid = g_strdup (visit_uuid);
    }
  record->resident_id = enrolment->resident_id;
  record->programme = enrolment->programme;
}

static void
rollback_to (JyDb       *db,
             const char *rollback_sql)
{
  /* Undoes this call only; the job's transaction goes on. */
  if (jy_db_in_transaction (db))
    jy_db_exec (db, rollback_sql, NULL);
}

/* Doctors and public-health staff record any follow-up; a nurse records
 * the visits she makes at home (issue #7: nurses' home visits). */
static gboolean
may_record (JyDb              *db,
            JyFollowup *const *records,
            guint              n_records,
            GError           **error)
{
  gboolean all_home = TRUE;

  if (jy_store_can (db, JY_PERMISSION_FOLLOWUP_RECORD))
    return TRUE;
  for (guint i = 0; i < n_records; i++)
    all_home &= records[i] != NULL && records[i]->mode == JY_VISIT_MODE_HOME;
  if (all_home)
    return jy_store_require (db, JY_PERMISSION_HOME_VISIT, error);
  return jy_store_require (db, JY_PERMISSION_FOLLOWUP_RECORD, error);
}

gboolean
jy_followup_store_save_visit (JyDb                    *db,
                              JyFollowup *const       *records,
                              const JyFollowupAction  *actions,
                              guint                    n_records,
                              GError                 **error)
{
  g_autofree EnrolmentFacts *enrolments = NULL;
  g_autofree gint64 *ids = NULL;
  g_autofree char **uuids = NULL;
  g_autofree char *new_visit_uuid = NULL;
  const char *visit_uuid = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (records != NULL && actions != NULL && n_records > 0, FALSE);
  g_return_val_if_fail (jy_db_in_transaction (db), FALSE);

  if (!may_record (db, records, n_records, error))
    return FALSE;

  enrolments = g_new0 (EnrolmentFacts, n_records);
  for (guint i = 0; i < n_records; i++)
    {
      const JyFollowup *record = records[i];

      g_return_val_if_fail (record != NULL, FALSE);
      if (!load_enrolment_facts (db, record->enrolment_id, &enrolments[i], error) ||
          !check_record (record, actions[i], &enrolments[i], error))
        return FALSE;
      if (!enrolments[i].managing)
        return invalid (error, "Follow-ups are recorded for managed enrolments only");
      if (enrolments[i].resident_id != enrolments[0].resident_id)
        return invalid (error, "The records of one visit are of one resident");
      for (guint j = 0; j < i; j++)
        if (records[j]->enrolment_id == record->enrolment_id)
          return invalid (error, "A visit has one record per enrolment");
      if (record->visit_uuid != NULL)
        {
          if (visit_uuid != NULL && g_strcmp0 (visit_uuid, record->visit_uuid) != 0)
            return invalid (error, "The records of one visit share one visit_uuid");
          visit_uuid = record->visit_uuid;
        }
    }
  if (visit_uuid == NULL)
    visit_uuid = new_visit_uuid = g_uuid_string_random ();

  if (!jy_db_exec (db, "SAVEPOINT followup_save_visit", error))
    return FALSE;

  ids = g_new0 (gint64, n_records);
  uuids = g_new0 (char *, n_records + 1);
  for (guint i = 0; i < n_records; i++)
    {
      uuids[i] = insert_record (db, records[i], actions[i], &enrolments[i], 0, NULL, visit_uuid,
                                &ids[i], error);
      if (uuids[i] == NULL ||
          !jy_chronic_state_refresh (db, records[i]->enrolment_id, error))
        {
          rollback_to (db, "ROLLBACK TO followup_save_visit; RELEASE followup_save_visit");
          for (guint j = 0; j <= i; j++)
            g_free (uuids[j]);
          return FALSE;
        }
    }

  if (!jy_db_exec (db, "RELEASE followup_save_visit", error))
    {
      rollback_to (db, "ROLLBACK TO followup_save_visit; RELEASE followup_save_visit");
      g_strfreev (g_steal_pointer (&uuids));
      return FALSE;
    }

  /* visit_uuid may point into a record: copy it before any is changed. */
  {
    g_autofree char *shared = g_strdup (visit_uuid);

    for (guint i = 0; i < n_records; i++)
      set_saved (records[i], ids[i], uuids[i], shared, &enrolments[i]);
  }
  return TRUE;
}

gboolean
jy_followup_store_correct (JyDb              *db,
                           JyFollowup        *correction,
                           JyFollowupAction   action,
                           GError           **error)
{
  static const char old_sql[] =
    "SELECT uuid, rev, status, enrolment_id, visit_uuid FROM followup WHERE id = ?1";
  static const char retire_sql[] =
    "UPDATE followup SET status = 'entered-in-error', rev = rev + 1, updated_at = ?2\n"
    "WHERE id = ?1 AND status = 'final'";
  g_autofree char *old_uuid = NULL;
  g_autofree char *old_status = NULL;
  g_autofree char *old_visit_uuid = NULL;
  g_autofree char *new_uuid = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *now = jy_clock_now_utc_iso ();
  EnrolmentFacts enrolment;
  gint64 old_enrolment_id;
  gint64 old_rev;
  gint64 new_id = 0;
  const char *visit_uuid;
  sqlite3_stmt *stmt;
  int rc;

  if (!may_record (db, &correction, 1, error))
    return FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (correction != NULL, FALSE);
  g_return_val_if_fail (jy_db_in_transaction (db), FALSE);

  if (correction->replaces_id <= 0)
    return invalid (error, "A correction names the follow-up it replaces");

  if ((stmt = jy_db_prepare (db, old_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, correction->replaces_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No follow-up with id %" G_GINT64_FORMAT, correction->replaces_id);
      return FALSE;
    }
  old_uuid = jy_db_column_dup_text (stmt, 0);
  old_rev = sqlite3_column_int64 (stmt, 1);
  old_status = jy_db_column_dup_text (stmt, 2);
  old_enrolment_id = sqlite3_column_int64 (stmt, 3);
  old_visit_uuid = jy_db_column_dup_text (stmt, 4);
  sqlite3_reset (stmt);

  if (g_strcmp0 (old_status, "final") != 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT,
                   "Follow-up %" G_GINT64_FORMAT " was already corrected", correction->replaces_id);
      return FALSE;
    }
  if (correction->enrolment_id != 0 && correction->enrolment_id != old_enrolment_id)
    return invalid (error, "A correction stays in the enrolment of the record it replaces");
  correction->enrolment_id = old_enrolment_id;
  visit_uuid = correction->visit_uuid != NULL ? correction->visit_uuid : old_visit_uuid;

  /* A follow-up of an ended enrolment may still be corrected. */
  if (!load_enrolment_facts (db, old_enrolment_id, &enrolment, error) ||
      !check_record (correction, action, &enrolment, error))
    return FALSE;

  if (!jy_db_exec (db, "SAVEPOINT followup_correct", error))
    return FALSE;

  if ((new_uuid = insert_record (db, correction, action, &enrolment, correction->replaces_id,
                                 old_uuid, visit_uuid, &new_id, error)) == NULL ||
      (stmt = jy_db_prepare (db, retire_sql, error)) == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, correction->replaces_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  detail = jy_chronic_describe ("status", "entered-in-error", "replaced_by", new_uuid, NULL);
  if (!jy_db_step_done (db, stmt, error) ||
      !jy_store_record_change (db, "followup", old_uuid, JY_CHANGE_RETIRE, old_rev + 1, detail, error) ||
      !jy_chronic_state_refresh (db, old_enrolment_id, error) ||
      !jy_db_exec (db, "RELEASE followup_correct", error))
    goto failed;

  {
    g_autofree char *shared = g_strdup (visit_uuid);

    set_saved (correction, new_id, g_steal_pointer (&new_uuid), shared, &enrolment);
  }
  return TRUE;

failed:
  rollback_to (db, "ROLLBACK TO followup_correct; RELEASE followup_correct");
  return FALSE;
}
