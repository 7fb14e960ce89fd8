/* jy-resident-detail.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-detail.h"

#include "jy-clock.h"
#include "jy-contract-store.h"
#include "jy-key-population.h"
#include "jy-person.h"
#include "jy-resident-store.h"

/* Contacts the resident page lists (the timeline has them all). */
#define RECENT_CONTACTS 20

static void
timeline_entry_free (JyTimelineEntry *entry)
{
  g_free (entry->at);
  g_free (entry->kind);
  g_free (entry->actor);
  g_free (entry->detail);
  g_free (entry);
}

static void
tag_entry_free (JyTagEntry *entry)
{
  g_free (entry->uuid);
  g_free (entry->tag);
  g_free (entry->start_date);
  g_free (entry->end_date);
  g_free (entry);
}

void
jy_resident_detail_free (JyResidentDetail *detail)
{
  if (detail == NULL)
    return;
  g_clear_pointer (&detail->resident, jy_resident_free);
  g_free (detail->area_name);
  g_free (detail->team_name);
  g_clear_pointer (&detail->household, g_ptr_array_unref);
  g_clear_pointer (&detail->timeline, g_ptr_array_unref);
  g_clear_pointer (&detail->manual_tags, g_ptr_array_unref);
  g_clear_pointer (&detail->contracts, g_ptr_array_unref);
  g_clear_pointer (&detail->contacts, g_ptr_array_unref);
  g_free (detail);
}

static char *
query_text (JyDb        *db,
            const char  *sql,
            const char  *text_param,
            gint64       int_param,
            GError     **error,
            gboolean    *ok)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  char *value = NULL;
  int rc;

  *ok = FALSE;
  if (stmt == NULL)
    return NULL;
  if (text_param != NULL)
    sqlite3_bind_text (stmt, 1, text_param, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, int_param);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    value = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  *ok = TRUE;
  return value;
}

/* When a contract event happened: the time it was recorded if that was
 * on the event's (local, UTC+8) day, else the start of that day, so a
 * contract entered days after signing sits at its sign date. */
#define EVENT_AT(recorded, day) \
  "CASE WHEN date (" recorded ", '+8 hours') = " day " THEN " recorded \
  " ELSE strftime ('%Y-%m-%dT%H:%M:%SZ', " day ", '-8 hours') END"

/* The resident's record changes (audit log), contracts signed, renewed
 * and terminated, contacts and services delivered (their own rows, so
 * the demo's generated history shows too), newest first. */
static GPtrArray *
load_timeline (JyDb        *db,
               gint64       resident_id,
               const char  *uuid,
               GError     **error)
{
  static const char sql[] =
    "SELECT at, kind, actor, detail FROM (\n"
    "  SELECT a.at AS at, a.action AS kind, s.name AS actor, a.detail AS detail\n"
    "  FROM audit_log a LEFT JOIN staff s ON s.uuid = a.actor\n"
    "  WHERE a.entity = 'resident' AND a.row_uuid = ?1\n"
    "    AND a.action IN ('create', 'update', 'retire')\n"
    "  UNION ALL\n"
    "  SELECT " EVENT_AT ("c.created_at", "c.sign_date") ",\n"
    "         CASE WHEN c.renews_id IS NULL THEN 'contract-sign'\n"
    "                            ELSE 'contract-renew' END, s.name,\n"
    "         json_object ('contract_id', c.id, 'contract_no', c.contract_no, 'team', t.name,\n"
    "                      'doctor', d.name, 'start', c.start_date, 'end', c.end_date,\n"
    "                      'status', c.status)\n"
    "  FROM contract c JOIN team t ON t.id = c.team_id JOIN staff d ON d.id = c.doctor_id\n"
    "    LEFT JOIN staff s ON s.uuid = c.created_by\n"
    "  WHERE c.resident_id = ?2\n"
    "  UNION ALL\n"
    "  SELECT " EVENT_AT ("c.terminated_at", "c.termination_date") ", 'contract-terminate', s.name,\n"
    "         json_object ('contract_id', c.id, 'contract_no', c.contract_no,\n"
    "                      'date', c.termination_date, 'reason', c.termination_reason,\n"
    "                      'status', c.status)\n"
    "  FROM contract c LEFT JOIN staff s ON s.uuid = c.terminated_by\n"
    "  WHERE c.resident_id = ?2 AND c.terminated_at IS NOT NULL\n"
    "  UNION ALL\n"
    "  SELECT l.contacted_at, 'contact', s.name,\n"
    "         json_object ('contact_id', l.id, 'channel', l.channel, 'initiated_by', l.initiated_by,\n"
    "                      'content', l.content, 'status', l.status)\n"
    "  FROM contact_log l LEFT JOIN staff s ON s.id = l.staff_id\n"
    "  WHERE l.resident_id = ?2\n"
    "  UNION ALL\n"
    "  SELECT v.delivered_at, 'service', s.name,\n"
    "         json_object ('item', v.item_code, 'status', v.status)\n"
    "  FROM service_delivery v LEFT JOIN staff s ON s.id = v.staff_id\n"
    "  WHERE v.resident_id = ?2 AND v.contact_id IS NULL)\n"
    "ORDER BY at DESC LIMIT 200";
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)timeline_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyTimelineEntry *entry = g_new0 (JyTimelineEntry, 1);

      entry->at = jy_db_column_dup_text (stmt, 0);
      entry->kind = jy_db_column_dup_text (stmt, 1);
      entry->actor = jy_db_column_dup_text (stmt, 2);
      entry->detail = jy_db_column_dup_text (stmt, 3);
      g_ptr_array_add (entries, entry);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&entries);
}

/* Derived tags from the record, manual ones from resident_tag. Chronic
 * enrolments join when that area lands. */
static gboolean
load_key_populations (JyDb        *db,
                      JyResidentDetail *detail,
                      GError     **error)
{
  static const char sql[] =
    "SELECT tag, start_date, end_date, uuid FROM resident_tag\n"
    "WHERE resident_id = ?1 AND status = 'active' ORDER BY start_date DESC, id DESC";
  g_autoptr(GArray) manual = g_array_new (FALSE, TRUE, sizeof (JyManualTag));
  g_autoptr(GDate) today = jy_clock_today_local ();
  JyKeyPopulationFacts facts = { 0 };
  GDate birth;
  sqlite3_stmt *stmt;
  int rc;

  detail->manual_tags = g_ptr_array_new_with_free_func ((GDestroyNotify)tag_entry_free);
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, detail->resident->id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyManualTag tag = { 0 };
      JyTagEntry *entry = g_new0 (JyTagEntry, 1);

      entry->tag = jy_db_column_dup_text (stmt, 0);
      entry->start_date = jy_db_column_dup_text (stmt, 1);
      entry->end_date = jy_db_column_dup_text (stmt, 2);
      entry->uuid = jy_db_column_dup_text (stmt, 3);
      g_ptr_array_add (detail->manual_tags, entry);

      if (!jy_key_population_from_string ((const char *)sqlite3_column_text (stmt, 0), &tag.tag) ||
          !jy_person_parse_date ((const char *)sqlite3_column_text (stmt, 1), &tag.start))
        continue;
      if (!jy_person_parse_date ((const char *)sqlite3_column_text (stmt, 2), &tag.end))
        g_date_clear (&tag.end, 1);
      g_array_append_val (manual, tag);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  if (jy_person_parse_date (detail->resident->birth_date, &birth))
    facts.birth = &birth;
  facts.manual = (const JyManualTag *)(gpointer)manual->data;
  facts.n_manual = manual->len;
  detail->key_populations = jy_key_population_derive (&facts, today, JY_ELDERLY_RULE_EXACT_AGE);
  return TRUE;
}

gpointer
jy_resident_detail_load (JyDb          *db,
                         gpointer       data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  static const char area_sql[] =
    "SELECT coalesce (p.name, '') || c.name FROM address_area c\n"
    "LEFT JOIN address_area p ON p.code = c.parent_code WHERE c.code = ?1";
  static const char team_sql[] = "SELECT name FROM team WHERE id = ?1";
  g_autoptr(JyResidentDetail) detail = g_new0 (JyResidentDetail, 1);
  gint64 id = *(gint64 *)data;
  gboolean ok;

  if ((detail->resident = jy_resident_store_load (db, id, error)) == NULL)
    return NULL;

  if (detail->resident->area_code != NULL)
    {
      detail->area_name = query_text (db, area_sql, detail->resident->area_code, 0, error, &ok);
      if (!ok)
        return NULL;
    }
  if (detail->resident->team_id != 0)
    {
      detail->team_name = query_text (db, team_sql, NULL, detail->resident->team_id, error, &ok);
      if (!ok)
        return NULL;
    }

  if ((detail->household = jy_resident_store_household (db, detail->resident->household_id, error)) == NULL ||
      (detail->timeline = load_timeline (db, id, detail->resident->uuid, error)) == NULL ||
      (detail->contracts = jy_contract_store_list_for_resident (db, id, NULL, error)) == NULL ||
      (detail->contacts = jy_contract_store_list_contacts (db, id, RECENT_CONTACTS, error)) == NULL ||
      !load_key_populations (db, detail, error))
    return NULL;

  return g_steal_pointer (&detail);
}
