/* jy-long-rx-dispense.c — instalments handed out, and the timeline
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-long-rx-store.h"
#include "jy-long-rx-store-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "jy-clock.h"
#include "jy-idcard.h"
#include "jy-person.h"
#include "jy-store.h"

void
jy_long_rx_dispense_free (JyLongRxDispense *d)
{
  if (d == NULL)
    return;
  g_free (d->uuid);
  g_free (d->dispense_date);
  g_free (d->dispenser_name);
  g_free (d->proxy_name);
  g_free (d->proxy_relation);
  g_free (d->proxy_id_masked);
  g_free (d->items);
  g_free (d);
}

/* Whether @rx repeats the prescription it renews: same drugs, doses and
 * frequencies (§4.5: a proxy never collects a new drug or dose change). */
static gboolean
repeats_previous (JyDb            *db,
                  const JyLongRx  *rx,
                  GError         **error,
                  gboolean        *out)
{
  g_autoptr(JyLongRx) previous = NULL;

  *out = FALSE;
  if (rx->renews_id == 0)
    return TRUE;
  if ((previous = jy_long_rx_store_load_unchecked (db, rx->renews_id, error)) == NULL)
    return FALSE;
  if (previous->items->len != rx->items->len)
    return TRUE;
  for (guint i = 0; i < rx->items->len; i++)
    {
      const JyLongRxItem *a = g_ptr_array_index (rx->items, i);
      const JyLongRxItem *b = g_ptr_array_index (previous->items, i);

      if (g_strcmp0 (a->drug_code, b->drug_code) != 0 || a->dose != b->dose ||
          a->frequency != b->frequency)
        return TRUE;
    }
  *out = TRUE;
  return TRUE;
}

static gboolean
last_dispense (JyDb        *db,
               gint64       id,
               char       **date,
               int         *days,
               GError     **error)
{
  static const char sql[] =
    "SELECT dispense_date, days FROM long_rx_dispense WHERE long_rx_id = ?1 AND status = 'final'\n"
    "ORDER BY instalment DESC LIMIT 1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  *date = NULL;
  *days = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      *date = jy_db_column_dup_text (stmt, 0);
      *days = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  return rc >= 0;
}

static char *
items_json (const JyLongRx *rx,
            int             days)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < rx->items->len; i++)
    {
      const JyLongRxItem *item = g_ptr_array_index (rx->items, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, item->drug_code != NULL ? item->drug_code : "");
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, item->drug_name);
      json_builder_set_member_name (b, "packs");
      json_builder_add_int_value (b, jy_long_rx_item_instalment_packs (item, days));
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, item->pack_unit != NULL ? item->pack_unit : "");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static gboolean
check_proxy (JyDb                          *db,
             const JyLongRx                *rx,
             const JyLongRxDispenseRequest *request,
             gboolean                       first_instalment,
             GError                       **error)
{
  g_autoptr(JyLongRxResidentFacts) facts = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  JyLongRxProxyFacts p = { 0 };
  gboolean repeat = !first_instalment;

  if (first_instalment && !repeats_previous (db, rx, error, &repeat))
    return FALSE;
  if ((facts = jy_long_rx_store_resident_facts (db, rx->resident_id, request->dispense_date, error)) == NULL)
    return FALSE;
  p.today = request->dispense_date;
  p.contract_active = facts->facts.contract_active;
  p.age = facts->age;
  p.disabled = facts->disabled;
  p.bedridden = request->bedridden;
  p.patient_id_number = facts->id_number;
  p.authorisation_date = request->authorisation_date;
  p.repeat_of_current = repeat;
  p.proxy_name = request->proxy_name;
  p.proxy_relation = request->proxy_relation;
  p.proxy_id_number = request->proxy_id_number;
  p.proxy_phone = request->proxy_phone;
  problems = jy_long_rx_proxy_check (&p, jy_long_rx_store_config ());
  if (problems->len > 0)
    {
      g_autoptr(GString) all = g_string_new (NULL);

      /* Every reason, one a line. */
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (all, "%s%s", i > 0 ? "\n" : "",
                                ((JyLongRxProblem *) g_ptr_array_index (problems, i))->message);
      return jy_long_rx_store_invalid (error, all->str);
    }
  return TRUE;
}

JyLongRxDispense *
jy_long_rx_store_dispense (JyDb                          *db,
                           const JyLongRxDispenseRequest *request,
                           GError                       **error)
{
  static const char sql[] =
    "INSERT INTO long_rx_dispense (uuid, created_at, updated_at, created_by, long_rx_id, resident_id,\n"
    "  instalment, dispense_date, days, dispenser_id, receiver, proxy_name, proxy_relation,\n"
    "  proxy_id_number, proxy_phone, authorisation_date, authorisation_ref, items)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, nullif (?9, 0), ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
  const JyLongRxConfig *config = jy_long_rx_store_config ();
  g_autoptr(JyLongRx) rx = NULL;
  g_autoptr(GArray) schedule = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *end = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *release = NULL;
  g_autofree char *items = NULL;
  g_autofree char *proxy_id = NULL;
  g_autofree char *detail = NULL;
  JyLongRxDispense *out;
  JyLongRxInstalment *inst;
  int previous_days, dispensed;
  sqlite3_stmt *stmt;
  GDate day;

  if (!jy_store_require (db, JY_PERMISSION_LONG_RX_DISPENSE, error))
    return NULL;
  if ((rx = jy_long_rx_store_load_at_rev (db, request->long_rx_id, request->rev, error)) == NULL)
    return NULL;
  if (rx->state != JY_LONG_RX_STATE_ACTIVE)
    {
      jy_long_rx_store_invalid (error, _("Only a prescription in use can be dispensed."));
      return NULL;
    }
  if (request->dispense_date == NULL || !jy_person_parse_date (request->dispense_date, &day))
    {
      jy_long_rx_store_invalid (error, _("Enter the date of dispensing."));
      return NULL;
    }
  end = jy_long_rx_end_date (rx);
  if (g_strcmp0 (request->dispense_date, rx->issue_date) < 0 || g_strcmp0 (request->dispense_date, end) > 0)
    {
      jy_long_rx_store_invalid (error, _("The date of dispensing must fall within the prescription's period."));
      return NULL;
    }

  schedule = jy_long_rx_schedule (rx->issue_date, rx->total_days, rx->days_per_dispense,
                                  config->release_lead_days);
  if (!last_dispense (db, rx->id, &previous, &previous_days, error))
    return NULL;
  {
    g_autoptr(GPtrArray) done = jy_long_rx_store_dispenses (db, rx->id, error);

    if (done == NULL)
      return NULL;
    dispensed = (int) done->len;
  }
  if ((guint) dispensed >= schedule->len)
    {
      jy_long_rx_store_invalid (error, _("Every instalment has been handed out."));
      return NULL;
    }
  inst = &g_array_index (schedule, JyLongRxInstalment, dispensed);
  if (previous != NULL)
    release = jy_long_rx_next_release_date (previous, previous_days, config->release_lead_days);
  else
    release = g_strdup (rx->issue_date);
  if (g_strcmp0 (request->dispense_date, release) < 0)
    {
      g_autofree char *message =
        /* Translators: %s is a date */
        g_strdup_printf (_("The next instalment may be handed out from %s."), release);

      jy_long_rx_store_invalid (error, message);
      return NULL;
    }
  if (request->proxy)
    {
      if (!check_proxy (db, rx, request, dispensed == 0, error))
        return NULL;
      proxy_id = jy_idcard_normalize (request->proxy_id_number);
    }

  items = items_json (rx, inst->days);
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, rx->id);
  sqlite3_bind_int64 (stmt, 5, rx->resident_id);
  sqlite3_bind_int (stmt, 6, inst->number);
  sqlite3_bind_text (stmt, 7, request->dispense_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, inst->days);
  sqlite3_bind_int64 (stmt, 9, jy_actor_get_staff_id (jy_db_get_session (db)));
  sqlite3_bind_text (stmt, 10, request->proxy ? "proxy" : "patient", -1, SQLITE_STATIC);
  jy_db_bind_text_or_null (stmt, 11, request->proxy ? request->proxy_name : NULL);
  jy_db_bind_text_or_null (stmt, 12, request->proxy ? request->proxy_relation : NULL);
  jy_db_bind_text_or_null (stmt, 13, proxy_id);
  jy_db_bind_text_or_null (stmt, 14, request->proxy ? request->proxy_phone : NULL);
  jy_db_bind_text_or_null (stmt, 15, request->proxy ? request->authorisation_date : NULL);
  jy_db_bind_text_or_null (stmt, 16, request->proxy ? request->authorisation_ref : NULL);
  sqlite3_bind_text (stmt, 17, items, -1, SQLITE_TRANSIENT);
  if (!jy_db_step_done (db, stmt, error))
    return NULL;

  /* No ID number in the audit detail. */
  detail = g_strdup_printf ("{\"event\":\"dispense\",\"long_rx\":\"%s\",\"instalment\":%d,\"receiver\":\"%s\"}",
                            rx->uuid, inst->number, request->proxy ? "proxy" : "patient");
  if (!jy_long_rx_store_derive (db, rx->id, error) ||
      !jy_store_record_change (db, "long_rx_dispense", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return NULL;

  out = g_new0 (JyLongRxDispense, 1);
  out->id = jy_db_last_insert_rowid (db);
  out->uuid = g_steal_pointer (&uuid);
  out->instalment = inst->number;
  out->dispense_date = g_strdup (request->dispense_date);
  out->days = inst->days;
  out->proxy = request->proxy;
  out->proxy_name = g_strdup (request->proxy ? request->proxy_name : NULL);
  out->proxy_relation = g_strdup (request->proxy ? request->proxy_relation : NULL);
  out->proxy_id_masked = proxy_id != NULL ? jy_person_mask_id_number (proxy_id) : NULL;
  out->items = g_steal_pointer (&items);
  return out;
}

GPtrArray *
jy_long_rx_store_dispenses (JyDb     *db,
                            gint64    long_rx_id,
                            GError  **error)
{
  static const char sql[] =
    "SELECT d.id, d.uuid, d.instalment, d.dispense_date, d.days, s.name, d.receiver, d.proxy_name,\n"
    "  d.proxy_relation, d.proxy_id_number, d.items\n"
    "FROM long_rx_dispense d LEFT JOIN staff s ON s.id = d.dispenser_id\n"
    "WHERE d.long_rx_id = ?1 AND d.status = 'final' ORDER BY d.instalment";
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_long_rx_dispense_free);
  gboolean full = jy_store_can (db, JY_PERMISSION_FULL_ID_NUMBER);
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_VIEW, error))
    return NULL;
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, long_rx_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyLongRxDispense *d = g_new0 (JyLongRxDispense, 1);
      const char *id_number = (const char *) sqlite3_column_text (stmt, 9);

      d->id = sqlite3_column_int64 (stmt, 0);
      d->uuid = jy_db_column_dup_text (stmt, 1);
      d->instalment = sqlite3_column_int (stmt, 2);
      d->dispense_date = jy_db_column_dup_text (stmt, 3);
      d->days = sqlite3_column_int (stmt, 4);
      d->dispenser_name = jy_db_column_dup_text (stmt, 5);
      d->proxy = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), "proxy") == 0;
      d->proxy_name = jy_db_column_dup_text (stmt, 7);
      d->proxy_relation = jy_db_column_dup_text (stmt, 8);
      d->proxy_id_masked = id_number == NULL ? NULL
                           : full ? g_strdup (id_number) : jy_person_mask_id_number (id_number);
      d->items = jy_db_column_dup_text (stmt, 10);
      g_ptr_array_add (list, d);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/* Timeline ------------------------------------------------------------------------ */

static void
add_entry (GPtrArray  *entries,
           const char *kind,
           const char *date,
           const char *actor,
           gint64      id,
           char       *title)
{
  JyTimelineEntry *entry = g_new0 (JyTimelineEntry, 1);

  entry->at = g_strdup (date);
  entry->kind = g_strdup (kind);
  entry->actor = g_strdup (actor);
  entry->title = title;
  entry->date_only = TRUE;
  entry->record_id = id;
  g_ptr_array_add (entries, entry);
}

gboolean
jy_long_rx_add_timeline_events (JyDb       *db,
                                gint64      resident_id,
                                GPtrArray  *entries,
                                GError    **error)
{
  static const char sql[] =
    "SELECT 0, r.id, r.issue_date, s.name, r.rx_no, r.total_days, r.renews_id IS NOT NULL, NULL, NULL\n"
    "FROM long_rx r LEFT JOIN staff s ON s.id = r.doctor_id\n"
    "WHERE r.resident_id = ?1 AND r.status <> 'entered-in-error'\n"
    "UNION ALL\n"
    "SELECT 1, r.id, r.stop_date, s.name, r.rx_no, r.total_days, 0, r.stop_reason, NULL\n"
    "FROM long_rx r LEFT JOIN staff s ON s.uuid = r.stopped_by\n"
    "WHERE r.resident_id = ?1 AND r.status = 'stopped'\n"
    "UNION ALL\n"
    "SELECT 2, d.long_rx_id, d.dispense_date, s.name, r.rx_no, d.days, d.instalment, d.receiver,\n"
    "  d.proxy_name\n"
    "FROM long_rx_dispense d JOIN long_rx r ON r.id = d.long_rx_id\n"
    "  LEFT JOIN staff s ON s.id = d.dispenser_id\n"
    "WHERE d.resident_id = ?1 AND d.status = 'final'\n"
    "ORDER BY 3 DESC LIMIT 200";
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      int what = sqlite3_column_int (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 1);
      const char *date = (const char *) sqlite3_column_text (stmt, 2);
      const char *actor = (const char *) sqlite3_column_text (stmt, 3);
      const char *rx_no = (const char *) sqlite3_column_text (stmt, 4);
      int days = sqlite3_column_int (stmt, 5);
      int extra = sqlite3_column_int (stmt, 6);
      const char *reason = (const char *) sqlite3_column_text (stmt, 7);
      const char *proxy = (const char *) sqlite3_column_text (stmt, 8);
      char *title;

      if (what == 0)
        /* Translators: a timeline event; %1$s "issued" or "renewed" line, e.g.
         * "Long prescription issued · 84 days · CQ20260302000001" */
        title = g_strdup_printf (extra ? _("Long prescription renewed · %1$d days · %2$s")
                                       : _("Long prescription issued · %1$d days · %2$s"),
                                 days, rx_no);
      else if (what == 1)
        title = g_strdup_printf (_("Long prescription stopped · %1$s · %2$s"),
                                 _(jy_long_rx_stop_reason_label (jy_long_rx_stop_reason_from_code (reason))),
                                 rx_no);
      else if (g_strcmp0 (reason, "proxy") == 0)
        /* Translators: %1$d instalment number, %2$d days, %3$s the proxy's name */
        title = g_strdup_printf (_("Long prescription instalment %1$d dispensed · %2$d days · collected by %3$s"),
                                 extra, days, proxy != NULL ? proxy : "");
      else
        title = g_strdup_printf (_("Long prescription instalment %1$d dispensed · %2$d days"), extra, days);
      add_entry (entries, what == 0 ? "long-rx" : what == 1 ? "long-rx-stop" : "long-rx-dispense",
                 date, actor, id, title);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Printing ------------------------------------------------------------------------ */

void
jy_long_rx_print_data_free (JyLongRxPrintData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->rx, jy_long_rx_free);
  g_clear_pointer (&data->dispenses, g_ptr_array_unref);
  g_free (data->centre_name);
  g_free (data->resident_name);
  g_free (data->sex);
  g_free (data->archive_no);
  g_free (data->doctor_name);
  g_free (data);
}

gpointer
jy_long_rx_store_load_print_func (JyDb          *db,
                                  gpointer       data,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  static const char sql[] =
    "SELECT r.name, r.sex, r.birth_date, r.archive_no, s.name,\n"
    "  (SELECT name FROM site WHERE kind = 'centre' ORDER BY id LIMIT 1)\n"
    "FROM long_rx x JOIN resident r ON r.id = x.resident_id LEFT JOIN staff s ON s.id = x.doctor_id\n"
    "WHERE x.id = ?1";
  g_autoptr(JyLongRxPrintData) out = g_new0 (JyLongRxPrintData, 1);
  gint64 id = *(gint64 *) data;
  sqlite3_stmt *stmt;
  GDate birth, issue;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_VIEW, error))
    return NULL;
  if ((out->rx = jy_long_rx_store_load_unchecked (db, id, error)) == NULL ||
      (out->dispenses = jy_long_rx_store_dispenses (db, id, error)) == NULL ||
      (stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      out->resident_name = jy_db_column_dup_text (stmt, 0);
      out->sex = jy_db_column_dup_text (stmt, 1);
      out->age = jy_person_parse_date ((const char *) sqlite3_column_text (stmt, 2), &birth) &&
                 jy_person_parse_date (out->rx->issue_date, &issue)
                   ? jy_person_age_on (&birth, &issue) : 0;
      out->archive_no = jy_db_column_dup_text (stmt, 3);
      out->doctor_name = jy_db_column_dup_text (stmt, 4);
      out->centre_name = jy_db_column_dup_text (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&out);
}
