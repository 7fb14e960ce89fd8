/* jy-resident-detail.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-detail.h"

#include "jy-audit-store.h"
#include "jy-clock.h"
#include "jy-contract-store.h"
#include "jy-followup.h"
#include "jy-home-bed-store.h"
#include "jy-key-population.h"
#include "jy-long-rx-store.h"
#include "jy-person.h"
#include "jy-resident-store.h"
#include "jy-store.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* Clinical events shown at most, newest first (five years of quarterly
 * visits for two diseases is about forty). */
#define MAX_CLINICAL_EVENTS 200

/* Contacts the resident page lists (the timeline has them all). */
#define RECENT_CONTACTS 20

static void
timeline_entry_free (JyTimelineEntry *entry)
{
  g_free (entry->at);
  g_free (entry->kind);
  g_free (entry->actor);
  g_free (entry->detail);
  g_free (entry->title);
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
  gboolean full_id = jy_store_can (db, JY_PERMISSION_FULL_ID_NUMBER);
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
      /* An edit's detail holds the old and new ID numbers. */
      entry->detail = full_id ? jy_db_column_dup_text (stmt, 3)
                              : jy_audit_mask_detail ((const char *)sqlite3_column_text (stmt, 3));
      g_ptr_array_add (entries, entry);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&entries);
}

/* Clinical events ---------------------------------------------------------- */

static const char *
programme_label (const char *code,
                 const char *stored_name)
{
  switch (jy_programme_from_code (code))
    {
    case JY_PROGRAMME_HTN:
      return _("Hypertension");
    case JY_PROGRAMME_T2DM:
      return _("Type 2 diabetes");
    case JY_PROGRAMME_NONE:
    default:
      /* A programme added as data: its stored (English) name. */
      return stored_name;
    }
}

static const char *
end_reason_label (const char *reason)
{
  if (g_strcmp0 (reason, "death") == 0)
    return C_("enrolment end", "Died");
  if (g_strcmp0 (reason, "moved-out") == 0)
    return C_("enrolment end", "Moved out");
  if (g_strcmp0 (reason, "diagnosis-revoked") == 0)
    return C_("enrolment end", "Diagnosis revoked");
  if (g_strcmp0 (reason, "refused") == 0)
    return C_("enrolment end", "Refused management");
  return C_("enrolment end", "Other reason");
}

/* The class, or what happened instead when the patient was not seen. */
static const char *
followup_result_label (int outcome,
                       int klass)
{
  if (outcome == JY_FOLLOWUP_OUTCOME_LOST)
    return C_("follow-up", "Lost to follow-up");
  if (outcome == JY_FOLLOWUP_OUTCOME_DEAD)
    return C_("follow-up", "Died");
  switch (klass)
    {
    case JY_FOLLOWUP_CLASS_CONTROLLED:
      return C_("follow-up class", "Controlled");
    case JY_FOLLOWUP_CLASS_UNCONTROLLED:
      return C_("follow-up class", "Uncontrolled");
    case JY_FOLLOWUP_CLASS_ADVERSE:
      return C_("follow-up class", "Adverse reaction");
    case JY_FOLLOWUP_CLASS_COMPLICATION:
      return C_("follow-up class", "Complication");
    default:
      return C_("follow-up class", "Not classified");
    }
}

static const char *
visit_mode_label (int mode)
{
  switch (mode)
    {
    case JY_VISIT_MODE_CLINIC:
      return C_("visit mode", "Clinic");
    case JY_VISIT_MODE_HOME:
      return C_("visit mode", "Home");
    case JY_VISIT_MODE_PHONE:
      return C_("visit mode", "Phone");
    default:
      return C_("visit mode", "Unknown");
    }
}

static JyTimelineEntry *
clinical_entry (const char *kind,
                const char *date,
                const char *actor,
                gint64      record_id,
                char       *title)
{
  JyTimelineEntry *entry = g_new0 (JyTimelineEntry, 1);

  entry->at = g_strdup (date);
  entry->kind = g_strdup (kind);
  entry->actor = g_strdup (actor);
  entry->title = title;
  entry->date_only = TRUE;
  entry->record_id = record_id;
  return entry;
}

static gboolean
add_enrolment_events (JyDb       *db,
                      gint64      resident_id,
                      GPtrArray  *entries,
                      GError    **error)
{
  static const char sql[] =
    "SELECT e.id, p.code, p.name, e.enrol_date, e.status, e.end_date, e.end_reason, s.name\n"
    "FROM chronic_enrolment e JOIN programme p ON p.id = e.programme_id\n"
    "LEFT JOIN staff s ON s.id = e.doctor_id\n"
    "WHERE e.resident_id = ?1 AND e.status <> 'entered-in-error'";
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *programme = programme_label ((const char *)sqlite3_column_text (stmt, 1),
                                               (const char *)sqlite3_column_text (stmt, 2));
      const char *end_date = (const char *)sqlite3_column_text (stmt, 5);
      const char *doctor = (const char *)sqlite3_column_text (stmt, 7);
      const char *reason = end_reason_label ((const char *)sqlite3_column_text (stmt, 6));
      /* Translators: a timeline event; %s is a disease programme, e.g. "Hypertension" */
      char *enrolled = g_strdup_printf (_("%s: enrolled for management"), programme);

      g_ptr_array_add (entries, clinical_entry ("enrolment", (const char *)sqlite3_column_text (stmt, 3),
                                                doctor, id, enrolled));
      if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 4), "ended") == 0 && end_date != NULL)
        {
          /* Translators: a timeline event; %1$s is a disease programme, %2$s
           * why its management ended, e.g. "Moved out" */
          char *ended = g_strdup_printf (_("%1$s: management ended · %2$s"), programme, reason);

          g_ptr_array_add (entries, clinical_entry ("enrolment-ended", end_date, doctor, id, ended));
        }
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
add_followup_events (JyDb       *db,
                     gint64      resident_id,
                     GPtrArray  *entries,
                     GError    **error)
{
  static const char sql[] =
    "SELECT f.id, p.code, p.name, f.visit_date, f.mode, f.outcome, f.classification, s.name\n"
    "FROM followup f JOIN programme p ON p.id = f.programme_id\n"
    "LEFT JOIN staff s ON s.id = f.author_id\n"
    "WHERE f.resident_id = ?1 AND f.status = 'final'\n"
    "ORDER BY f.visit_date DESC, f.id DESC LIMIT ?2";
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  sqlite3_bind_int (stmt, 2, MAX_CLINICAL_EVENTS);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *programme = programme_label ((const char *)sqlite3_column_text (stmt, 1),
                                               (const char *)sqlite3_column_text (stmt, 2));
      const char *result = followup_result_label (sqlite3_column_int (stmt, 5),
                                                  sqlite3_column_int (stmt, 6));
      const char *mode = visit_mode_label (sqlite3_column_int (stmt, 4));
      /* Translators: a timeline event, e.g. "Hypertension follow-up · Controlled ·
       * Clinic"; %1$s is a disease programme, %2$s the visit's classification
       * (or "Lost to follow-up"), %3$s how the patient was seen */
      char *title = g_strdup_printf (_("%1$s follow-up · %2$s · %3$s"), programme, result, mode);

      g_ptr_array_add (entries, clinical_entry ("followup", (const char *)sqlite3_column_text (stmt, 3),
                                                (const char *)sqlite3_column_text (stmt, 7),
                                                sqlite3_column_int64 (stmt, 0), title));
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Orders record changes (UTC instants) and clinical events (local days)
 * newest first on one local clock; a clinical event sorts after every
 * change made on its day, so it shows above them. */
static char *
local_sort_key (const JyTimelineEntry *entry)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (entry->date_only)
    return g_strconcat (entry->at, "T99", NULL);
  if (entry->at == NULL || (utc = g_date_time_new_from_iso8601 (entry->at, NULL)) == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (utc, jy_clock_get_local_zone ());
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");
}

typedef struct
{
  char            *key;
  guint            index;
  JyTimelineEntry *entry;
} SortItem;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const SortItem *x = a;
  const SortItem *y = b;
  int order = strcmp (y->key, x->key);

  /* Equal keys keep the order they were read in. */
  return order != 0 ? order : (x->index > y->index) - (x->index < y->index);
}

static void
sort_timeline (GPtrArray *entries)
{
  g_autofree SortItem *items = g_new (SortItem, MAX (entries->len, 1));
  GDestroyNotify free_func = (GDestroyNotify)timeline_entry_free;

  for (guint i = 0; i < entries->len; i++)
    items[i] = (SortItem) { local_sort_key (g_ptr_array_index (entries, i)), i,
                            g_ptr_array_index (entries, i) };
  qsort (items, entries->len, sizeof (SortItem), compare_newest_first);

  g_ptr_array_set_free_func (entries, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      entries->pdata[i] = items[i].entry;
      g_free (items[i].key);
    }
  g_ptr_array_set_free_func (entries, free_func);
}

static gboolean
add_clinical_events (JyDb              *db,
                     JyResidentDetail  *detail,
                     GError           **error)
{
  if (!add_enrolment_events (db, detail->resident->id, detail->timeline, error) ||
      !add_followup_events (db, detail->resident->id, detail->timeline, error) ||
      !jy_home_bed_store_add_timeline (db, detail->resident->id, detail->timeline, error) ||
      !jy_long_rx_add_timeline_events (db, detail->resident->id, detail->timeline, error))
    return FALSE;
  sort_timeline (detail->timeline);
  return TRUE;
}

/* Key populations ------------------------------------------------------------ */

/* Derived tags from the record and its managing enrolments, manual ones
 * from resident_tag. */
static gboolean
load_key_populations (JyDb        *db,
                      JyResidentDetail *detail,
                      GError     **error)
{
  static const char sql[] =
    "SELECT tag, start_date, end_date, uuid FROM resident_tag\n"
    "WHERE resident_id = ?1 AND status = 'active' ORDER BY start_date DESC, id DESC";
  static const char enrolled_sql[] =
    "SELECT p.code FROM chronic_enrolment e JOIN programme p ON p.id = e.programme_id\n"
    "WHERE e.resident_id = ?1 AND e.status = 'managing'";
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

  if ((stmt = jy_db_prepare (db, enrolled_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, detail->resident->id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyProgramme programme = jy_programme_from_code ((const char *)sqlite3_column_text (stmt, 0));

      facts.hypertension |= programme == JY_PROGRAMME_HTN;
      facts.diabetes |= programme == JY_PROGRAMME_T2DM;
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
  /* Recording the view comes first and fails on a reader: nobody sees a
   * record without the audit trail saying so. */
  if (!jy_resident_store_record_view (db, *(gint64 *)data, error))
    return NULL;
  return jy_resident_detail_read (db, data, cancellable, error);
}

gpointer
jy_resident_detail_read (JyDb          *db,
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

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_VIEW, error) ||
      (detail->resident = jy_resident_store_load (db, id, error)) == NULL)
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
      !add_clinical_events (db, detail, error) ||
      (detail->contracts = jy_contract_store_list_for_resident (db, id, NULL, error)) == NULL ||
      (detail->contacts = jy_contract_store_list_contacts (db, id, RECENT_CONTACTS, error)) == NULL ||
      !load_key_populations (db, detail, error))
    return NULL;

  return g_steal_pointer (&detail);
}
