/* jy-long-rx-store.c — issuing, renewing, reviewing and stopping
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
#include "jy-person.h"
#include "jy-store.h"

static JyLongRxConfig config;

const JyLongRxConfig *
jy_long_rx_store_config (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      jy_long_rx_config_init (&config);
      g_once_init_leave (&once, 1);
    }
  return &config;
}

char *
jy_long_rx_store_today (const char *today)
{
  g_autoptr(GDate) date = NULL;

  if (today != NULL && *today != '\0')
    return g_strdup (today);
  date = jy_clock_today_local ();
  return jy_clock_format_date (date);
}

gboolean
jy_long_rx_store_invalid (GError     **error,
                          const char  *message)
{
  g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Facts about a resident -------------------------------------------------------- */

void
jy_long_rx_resident_facts_free (JyLongRxResidentFacts *facts)
{
  if (facts == NULL)
    return;
  g_clear_pointer (&facts->reasons, g_ptr_array_unref);
  g_free (facts->today);
  for (guint i = 0; i < 2; i++)
    {
      g_free (facts->visit_date[i]);
      g_free (facts->f2f_date[i]);
    }
  g_free (facts->diagnosis_code);
  g_free (facts->diagnosis_text);
  g_free (facts->id_number);
  g_free (facts);
}

static gboolean
load_resident (JyDb                   *db,
               gint64                  resident_id,
               JyLongRxResidentFacts  *f,
               GError                **error)
{
  static const char sql[] =
    "SELECT status, birth_date, id_number, ifnull (team_id, 0),\n"
    "  EXISTS (SELECT 1 FROM resident_tag t WHERE t.resident_id = r.id AND t.tag = 'disabled'\n"
    "          AND t.status = 'active' AND (t.end_date IS NULL OR t.end_date >= ?2))\n"
    "FROM resident r WHERE id = ?1";
  sqlite3_stmt *stmt;
  GDate birth, today;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  sqlite3_bind_text (stmt, 2, f->today, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No resident %" G_GINT64_FORMAT, resident_id);
      return FALSE;
    }
  f->facts.record_closed = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "active") != 0;
  f->age = jy_person_parse_date ((const char *) sqlite3_column_text (stmt, 1), &birth)
             && jy_person_parse_date (f->today, &today)
             ? jy_person_age_on (&birth, &today) : 0;
  f->id_number = jy_db_column_dup_text (stmt, 2);
  f->team_id = sqlite3_column_int64 (stmt, 3);
  f->disabled = sqlite3_column_int (stmt, 4) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_enrolments (JyDb                   *db,
                 gint64                  resident_id,
                 JyLongRxResidentFacts  *f,
                 GError                **error)
{
  static const char sql[] =
    "SELECT p.code, e.icd10, e.diagnosis_date, e.last_visit_date, e.last_f2f_date, e.last_class,\n"
    "  (SELECT danger_observed | (action = 3) FROM followup x WHERE x.enrolment_id = e.id\n"
    "     AND x.status = 'final' ORDER BY x.visit_date DESC, x.id DESC LIMIT 1),\n"
    "  (SELECT adherence FROM followup x WHERE x.enrolment_id = e.id\n"
    "     AND x.status = 'final' ORDER BY x.visit_date DESC, x.id DESC LIMIT 1)\n"
    "FROM chronic_enrolment e JOIN programme p ON p.id = e.programme_id\n"
    "WHERE e.resident_id = ?1 AND e.status = 'managing' ORDER BY p.id";
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyProgramme p = jy_programme_from_code ((const char *) sqlite3_column_text (stmt, 0));
      const char *icd10 = (const char *) sqlite3_column_text (stmt, 1);
      guint i = p == JY_PROGRAMME_T2DM ? 1 : 0;
      JyLongRxFollowupFacts *latest = &f->facts.latest[i];

      if (p == JY_PROGRAMME_NONE)
        continue;
      f->facts.enrolled |= p;
      if (icd10 != NULL || sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        f->facts.diagnosed |= p;
      if (codes->len > 0)
        g_string_append_c (codes, ',');
      g_string_append (codes, icd10 != NULL ? icd10 : p == JY_PROGRAMME_T2DM ? "E11.9" : "I10");
      if (names->len > 0)
        g_string_append (names, "，");
      g_string_append (names, p == JY_PROGRAMME_T2DM ? "2型糖尿病" : "高血压");

      latest->programme = p;
      f->visit_date[i] = jy_db_column_dup_text (stmt, 3);
      f->f2f_date[i] = jy_db_column_dup_text (stmt, 4);
      latest->visit_date = f->visit_date[i];
      latest->face_to_face_date = f->f2f_date[i];
      latest->classification = sqlite3_column_int (stmt, 5);
      latest->danger = (guint) sqlite3_column_int64 (stmt, 6);
      latest->adherence = sqlite3_column_int (stmt, 7);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  f->diagnosis_code = codes->len > 0 ? g_strdup (codes->str) : NULL;
  f->diagnosis_text = names->len > 0 ? g_strdup (names->str) : NULL;
  return TRUE;
}

static gboolean
load_contract (JyDb                   *db,
               gint64                  resident_id,
               JyLongRxResidentFacts  *f,
               GError                **error)
{
  static const char sql[] =
    "SELECT team_id, doctor_id FROM contract INDEXED BY contract_resident\n"
    "WHERE resident_id = ?1 AND start_date <= ?2 AND cover_last >= ?2 AND status <> 'voided'\n"
    "ORDER BY start_date DESC LIMIT 1";
  static const char rx_sql[] =
    "SELECT id FROM long_rx WHERE resident_id = ?1 AND status = 'active'\n"
    "ORDER BY issue_date DESC, id DESC LIMIT 1";
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  sqlite3_bind_text (stmt, 2, f->today, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      f->facts.contract_active = TRUE;
      f->team_id = sqlite3_column_int64 (stmt, 0);
      f->contract_doctor_id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if ((stmt = jy_db_prepare (db, rx_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  f->current_rx_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

JyLongRxResidentFacts *
jy_long_rx_store_resident_facts (JyDb        *db,
                                 gint64       resident_id,
                                 const char  *today,
                                 GError     **error)
{
  g_autoptr(JyLongRxResidentFacts) f = g_new0 (JyLongRxResidentFacts, 1);

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_VIEW, error))
    return NULL;

  jy_long_rx_eligibility_facts_init (&f->facts);
  f->today = jy_long_rx_store_today (today);
  f->facts.today = f->today;
  if (!load_resident (db, resident_id, f, error) ||
      !load_enrolments (db, resident_id, f, error) ||
      !load_contract (db, resident_id, f, error))
    return NULL;
  f->reasons = jy_long_rx_eligibility (&f->facts, jy_long_rx_store_config ());
  return g_steal_pointer (&f);
}

/* Loading ---------------------------------------------------------------------- */

#define RX_COLUMNS \
  "id, uuid, rev, rx_no, resident_id, doctor_id, ifnull (team_id, 0), ifnull (renews_id, 0),\n" \
  "  issue_date, diagnosis_code, diagnosis_text, total_days, days_per_dispense, assessment_done,\n" \
  "  assessment_note, education_given, patient_confirmed, review_date, status, stop_date,\n" \
  "  stop_reason, stop_note"

static JyLongRx *
rx_from_row (sqlite3_stmt *stmt)
{
  JyLongRx *rx = jy_long_rx_new ();

  rx->id = sqlite3_column_int64 (stmt, 0);
  rx->uuid = jy_db_column_dup_text (stmt, 1);
  rx->rev = sqlite3_column_int64 (stmt, 2);
  rx->rx_no = jy_db_column_dup_text (stmt, 3);
  rx->resident_id = sqlite3_column_int64 (stmt, 4);
  rx->doctor_id = sqlite3_column_int64 (stmt, 5);
  rx->team_id = sqlite3_column_int64 (stmt, 6);
  rx->renews_id = sqlite3_column_int64 (stmt, 7);
  rx->issue_date = jy_db_column_dup_text (stmt, 8);
  rx->diagnosis_code = jy_db_column_dup_text (stmt, 9);
  rx->diagnosis_text = jy_db_column_dup_text (stmt, 10);
  rx->total_days = sqlite3_column_int (stmt, 11);
  rx->days_per_dispense = sqlite3_column_int (stmt, 12);
  rx->assessment_done = sqlite3_column_int (stmt, 13) != 0;
  rx->assessment_note = jy_db_column_dup_text (stmt, 14);
  rx->education_given = sqlite3_column_int (stmt, 15) != 0;
  rx->patient_confirmed = sqlite3_column_int (stmt, 16) != 0;
  rx->review_date = jy_db_column_dup_text (stmt, 17);
  rx->state = jy_long_rx_state_from_code ((const char *) sqlite3_column_text (stmt, 18));
  rx->stop_date = jy_db_column_dup_text (stmt, 19);
  rx->stop_reason = jy_long_rx_stop_reason_from_code ((const char *) sqlite3_column_text (stmt, 20));
  rx->stop_note = jy_db_column_dup_text (stmt, 21);
  return rx;
}

static gboolean
load_items (JyDb      *db,
            JyLongRx  *rx,
            GError   **error)
{
  static const char sql[] =
    "SELECT drug_code, drug_name, strength, form, unit, dose, frequency, route, days, pack_size,\n"
    "  pack_unit, packs, exclusions, flags, insurance_class\n"
    "FROM long_rx_item WHERE long_rx_id = ?1 ORDER BY position";
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rx->id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyLongRxItem *item = jy_long_rx_item_new ();

      item->drug_code = jy_db_column_dup_text (stmt, 0);
      item->drug_name = jy_db_column_dup_text (stmt, 1);
      item->strength = jy_db_column_dup_text (stmt, 2);
      item->form = jy_db_column_dup_text (stmt, 3);
      item->unit = jy_db_column_dup_text (stmt, 4);
      item->dose = sqlite3_column_double (stmt, 5);
      item->frequency = jy_dose_frequency_from_code ((const char *) sqlite3_column_text (stmt, 6));
      item->route = jy_db_column_dup_text (stmt, 7);
      item->days = sqlite3_column_int (stmt, 8);
      item->pack_size = sqlite3_column_double (stmt, 9);
      item->pack_unit = jy_db_column_dup_text (stmt, 10);
      item->packs = sqlite3_column_int (stmt, 11);
      item->exclusions = (guint) sqlite3_column_int64 (stmt, 12);
      item->flags = (guint) sqlite3_column_int64 (stmt, 13);
      item->insurance_class = jy_db_column_dup_text (stmt, 14);
      g_ptr_array_add (rx->items, item);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

JyLongRx *
jy_long_rx_store_load_unchecked (JyDb     *db,
                                 gint64    id,
                                 GError  **error)
{
  static const char sql[] = "SELECT " RX_COLUMNS " FROM long_rx WHERE id = ?1";
  g_autoptr(JyLongRx) rx = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    rx = rx_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  if (rx == NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No long prescription %" G_GINT64_FORMAT, id);
      return NULL;
    }
  if (!load_items (db, rx, error))
    return NULL;
  return g_steal_pointer (&rx);
}

JyLongRx *
jy_long_rx_store_load (JyDb     *db,
                       gint64    id,
                       GError  **error)
{
  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_VIEW, error))
    return NULL;
  return jy_long_rx_store_load_unchecked (db, id, error);
}

GPtrArray *
jy_long_rx_store_list (JyDb     *db,
                       gint64    resident_id,
                       GError  **error)
{
  static const char sql[] =
    "SELECT " RX_COLUMNS " FROM long_rx WHERE resident_id = ?1 AND status <> 'entered-in-error'\n"
    "ORDER BY issue_date DESC, id DESC";
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_long_rx_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_VIEW, error))
    return NULL;
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, rx_from_row (stmt));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  for (guint i = 0; i < list->len; i++)
    if (!load_items (db, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

/* Derived columns --------------------------------------------------------------- */

gboolean
jy_long_rx_store_derive (JyDb     *db,
                         gint64    id,
                         GError  **error)
{
  static const char read_sql[] =
    "SELECT issue_date, total_days, days_per_dispense, status,\n"
    "  (SELECT count(*) FROM long_rx_dispense d WHERE d.long_rx_id = r.id AND d.status = 'final')\n"
    "FROM long_rx r WHERE id = ?1";
  static const char write_sql[] =
    "UPDATE long_rx SET end_date = ?2, dispensed = ?3, next_due_date = ?4, open = ?5 WHERE id = ?1";
  g_autofree char *issue = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GArray) schedule = NULL;
  gboolean active;
  int total, per, dispensed;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, read_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = jy_db_step (db, stmt, error)) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc >= 0)
        g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No long prescription");
      return FALSE;
    }
  issue = jy_db_column_dup_text (stmt, 0);
  total = sqlite3_column_int (stmt, 1);
  per = sqlite3_column_int (stmt, 2);
  active = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "active") == 0;
  dispensed = sqlite3_column_int (stmt, 4);
  sqlite3_reset (stmt);

  schedule = jy_long_rx_schedule (issue, total, per, jy_long_rx_store_config ()->release_lead_days);
  {
    JyLongRx probe = { .issue_date = issue, .total_days = total };

    end = jy_long_rx_end_date (&probe);
  }

  if ((stmt = jy_db_prepare (db, write_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  jy_db_bind_text_or_null (stmt, 2, end);
  sqlite3_bind_int (stmt, 3, dispensed);
  if (active && (guint) dispensed < schedule->len)
    sqlite3_bind_text (stmt, 4, g_array_index (schedule, JyLongRxInstalment, dispensed).due_date,
                       -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int (stmt, 5, active ? 1 : 0);
  return jy_db_step_done (db, stmt, error);
}

/* Issuing ------------------------------------------------------------------------ */

static gboolean
insert_items (JyDb            *db,
              gint64           id,
              const JyLongRx  *rx,
              GError         **error)
{
  static const char sql[] =
    "INSERT INTO long_rx_item (long_rx_id, position, drug_code, drug_name, strength, form, unit,\n"
    "  dose, frequency, route, days, pack_size, pack_unit, packs, exclusions, flags, insurance_class)\n"
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";

  for (guint i = 0; i < rx->items->len; i++)
    {
      const JyLongRxItem *item = g_ptr_array_index (rx->items, i);
      sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      jy_db_bind_text_or_null (stmt, 3, item->drug_code);
      sqlite3_bind_text (stmt, 4, item->drug_name, -1, SQLITE_TRANSIENT);
      jy_db_bind_text_or_null (stmt, 5, item->strength);
      jy_db_bind_text_or_null (stmt, 6, item->form);
      jy_db_bind_text_or_null (stmt, 7, item->unit);
      sqlite3_bind_double (stmt, 8, item->dose);
      sqlite3_bind_text (stmt, 9, jy_dose_frequency_to_code (item->frequency), -1, SQLITE_STATIC);
      jy_db_bind_text_or_null (stmt, 10, item->route);
      sqlite3_bind_int (stmt, 11, item->days);
      sqlite3_bind_double (stmt, 12, item->pack_size);
      jy_db_bind_text_or_null (stmt, 13, item->pack_unit);
      sqlite3_bind_int (stmt, 14, jy_long_rx_item_packs (item));
      sqlite3_bind_int64 (stmt, 15, item->exclusions);
      sqlite3_bind_int64 (stmt, 16, item->flags);
      jy_db_bind_text_or_null (stmt, 17, item->insurance_class);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The checks of an issue or renewal, as one refusal with the first
 * reason (the dialog shows them all from jy_long_rx_check/_eligibility). */
static gboolean
check_issue (JyDb            *db,
             const JyLongRx  *rx,
             GError         **error)
{
  g_autoptr(JyLongRxResidentFacts) facts = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if ((facts = jy_long_rx_store_resident_facts (db, rx->resident_id, rx->issue_date, error)) == NULL)
    return FALSE;
  /* One prescription in use at a time: a change is a renewal or a stop
   * and a new issue (§4.6). */
  if (facts->current_rx_id != 0)
    return jy_long_rx_store_invalid (error, _("The resident already has a long prescription in use: renew or stop it first."));
  if (facts->reasons->len > 0)
    return jy_long_rx_store_invalid (error, g_ptr_array_index (facts->reasons, 0));
  problems = jy_long_rx_check (rx, jy_long_rx_store_config ());
  if (problems->len > 0)
    return jy_long_rx_store_invalid (error, ((JyLongRxProblem *) g_ptr_array_index (problems, 0))->message);
  return TRUE;
}

JyLongRx *
jy_long_rx_store_insert (JyDb            *db,
                         const JyLongRx  *input,
                         gint64           renews_id,
                         GError         **error)
{
  /* CQ, the issue date, this workstation's code (migration step 13: two
   * workstations must not give the same number), then a serial. */
  static const char sql[] =
    "INSERT INTO long_rx (uuid, created_at, updated_at, created_by, rx_no, resident_id, doctor_id,\n"
    "  team_id, renews_id, issue_date, diagnosis_code, diagnosis_text, total_days, days_per_dispense,\n"
    "  assessment_done, assessment_note, education_given, patient_confirmed, review_date, end_date)\n"
    "VALUES (?1, ?2, ?2, ?3, 'CQ' || replace (?8, '-', '')\n"
    "          || ifnull ((SELECT value FROM meta WHERE key = 'workstation'), '')\n"
    "          || printf ('%06d', (SELECT ifnull (max (id), 0) + 1 FROM long_rx)),\n"
    "  ?4, ?5, nullif (?6, 0), nullif (?7, 0), ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
  g_autoptr(JyLongRx) rx = jy_long_rx_copy (input);
  g_autoptr(JyLongRxResidentFacts) facts = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *end = NULL;
  g_autofree char *detail = NULL;
  gint64 staff = jy_actor_get_staff_id (jy_db_get_session (db));
  sqlite3_stmt *stmt;
  gint64 id;

  jy_long_rx_compute (rx);
  if (!check_issue (db, rx, error))
    return NULL;
  facts = jy_long_rx_store_resident_facts (db, rx->resident_id, rx->issue_date, error);
  if (facts == NULL)
    return NULL;
  if (staff != 0)
    rx->doctor_id = staff;
  if (rx->doctor_id == 0)
    rx->doctor_id = facts->contract_doctor_id;
  if (rx->team_id == 0)
    rx->team_id = facts->team_id;
  if (rx->diagnosis_code == NULL)
    rx->diagnosis_code = g_strdup (facts->diagnosis_code);
  if (rx->diagnosis_text == NULL)
    rx->diagnosis_text = g_strdup (facts->diagnosis_text);
  end = jy_long_rx_end_date (rx);
  /* The review is due at the latest when the supply ends (§4.6). */
  if (rx->review_date == NULL || g_strcmp0 (rx->review_date, end) > 0 ||
      g_strcmp0 (rx->review_date, rx->issue_date) < 0)
    {
      g_free (rx->review_date);
      rx->review_date = g_strdup (end);
    }

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, rx->resident_id);
  sqlite3_bind_int64 (stmt, 5, rx->doctor_id);
  sqlite3_bind_int64 (stmt, 6, rx->team_id);
  sqlite3_bind_int64 (stmt, 7, renews_id);
  sqlite3_bind_text (stmt, 8, rx->issue_date, -1, SQLITE_TRANSIENT);
  jy_db_bind_text_or_null (stmt, 9, rx->diagnosis_code);
  jy_db_bind_text_or_null (stmt, 10, rx->diagnosis_text);
  sqlite3_bind_int (stmt, 11, rx->total_days);
  sqlite3_bind_int (stmt, 12, rx->days_per_dispense);
  sqlite3_bind_int (stmt, 13, rx->assessment_done);
  jy_db_bind_text_or_null (stmt, 14, rx->assessment_note);
  sqlite3_bind_int (stmt, 15, rx->education_given);
  sqlite3_bind_int (stmt, 16, rx->patient_confirmed);
  sqlite3_bind_text (stmt, 17, rx->review_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 18, end, -1, SQLITE_TRANSIENT);
  if (!jy_db_step_done (db, stmt, error))
    return NULL;
  id = jy_db_last_insert_rowid (db);

  detail = g_strdup_printf ("{\"event\":\"%s\",\"resident_id\":%" G_GINT64_FORMAT
                            ",\"days\":%d,\"items\":%u}",
                            renews_id != 0 ? "renew" : "issue", rx->resident_id,
                            rx->total_days, rx->items->len);
  if (!insert_items (db, id, rx, error) ||
      !jy_long_rx_store_derive (db, id, error) ||
      !jy_store_record_change (db, "long_rx", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return NULL;
  return jy_long_rx_store_load_unchecked (db, id, error);
}

JyLongRx *
jy_long_rx_store_issue (JyDb            *db,
                        const JyLongRx  *rx,
                        GError         **error)
{
  if (!jy_store_require (db, JY_PERMISSION_LONG_RX_ISSUE, error))
    return NULL;
  return jy_long_rx_store_insert (db, rx, 0, error);
}

/* Life cycle --------------------------------------------------------------------- */

JyLongRx *
jy_long_rx_store_load_at_rev (JyDb     *db,
                              gint64    id,
                              gint64    rev,
                              GError  **error)
{
  g_autoptr(JyLongRx) rx = jy_long_rx_store_load_unchecked (db, id, error);

  if (rx != NULL && rx->rev != rev)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT,
                   "Long prescription %" G_GINT64_FORMAT " changed since it was loaded", id);
      return NULL;
    }
  return g_steal_pointer (&rx);
}

static gboolean
set_status (JyDb           *db,
            const JyLongRx *rx,
            const char     *status,
            const char     *detail,
            GError        **error)
{
  static const char sql[] =
    "UPDATE long_rx SET status = ?2, rev = rev + 1, updated_at = ?3 WHERE id = ?1";
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rx->id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return jy_db_step_done (db, stmt, error) &&
         jy_long_rx_store_derive (db, rx->id, error) &&
         jy_store_record_change (db, "long_rx", rx->uuid, JY_CHANGE_UPDATE, rx->rev + 1, detail, error);
}

JyLongRx *
jy_long_rx_store_renew (JyDb            *db,
                        gint64           id,
                        gint64           rev,
                        const JyLongRx  *renewal,
                        GError         **error)
{
  g_autoptr(JyLongRx) old = NULL;
  g_autoptr(JyLongRxResidentFacts) facts = NULL;
  g_autoptr(GPtrArray) reasons = NULL;
  g_autoptr(JyLongRx) input = jy_long_rx_copy (renewal);
  const char *f2f = NULL;

  if (!jy_store_require (db, JY_PERMISSION_LONG_RX_ISSUE, error))
    return NULL;
  if ((old = jy_long_rx_store_load_at_rev (db, id, rev, error)) == NULL)
    return NULL;
  input->resident_id = old->resident_id;
  if ((facts = jy_long_rx_store_resident_facts (db, old->resident_id, input->issue_date, error)) == NULL)
    return NULL;
  for (guint i = 0; i < 2; i++)
    if (facts->f2f_date[i] != NULL && g_strcmp0 (facts->f2f_date[i], f2f) > 0)
      f2f = facts->f2f_date[i];
  reasons = jy_long_rx_renewal_check (old, facts->today, f2f, jy_long_rx_store_config ());
  if (reasons->len > 0)
    {
      jy_long_rx_store_invalid (error, g_ptr_array_index (reasons, 0));
      return NULL;
    }
  if (!set_status (db, old, "renewed", "{\"event\":\"renewed\"}", error))
    return NULL;
  return jy_long_rx_store_insert (db, input, old->id, error);
}

JyLongRx *
jy_long_rx_store_stop (JyDb               *db,
                       gint64              id,
                       gint64              rev,
                       JyLongRxStopReason  reason,
                       const char         *stop_date,
                       const char         *note,
                       GError            **error)
{
  static const char sql[] =
    "UPDATE long_rx SET status = 'stopped', stop_date = ?2, stop_reason = ?3, stop_note = ?4,\n"
    "  stopped_at = ?5, stopped_by = ?6, rev = rev + 1, updated_at = ?5 WHERE id = ?1";
  g_autoptr(JyLongRx) rx = NULL;
  g_autofree char *message = NULL;
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;

  if (!jy_store_require (db, JY_PERMISSION_LONG_RX_ISSUE, error))
    return NULL;
  if ((rx = jy_long_rx_store_load_at_rev (db, id, rev, error)) == NULL)
    return NULL;
  if (!jy_long_rx_stop_check (rx, reason, stop_date, note, &message))
    {
      jy_long_rx_store_invalid (error, message);
      return NULL;
    }
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, stop_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_long_rx_stop_reason_to_code (reason), -1, SQLITE_STATIC);
  jy_db_bind_text_or_null (stmt, 4, note);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  if (!jy_db_step_done (db, stmt, error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, "stop");
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, stop_date);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, jy_long_rx_stop_reason_to_code (reason));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  detail = json_to_string (root, FALSE);
  if (!jy_long_rx_store_derive (db, id, error) ||
      !jy_store_record_change (db, "long_rx", rx->uuid, JY_CHANGE_UPDATE, rx->rev + 1, detail, error))
    return NULL;
  return jy_long_rx_store_load_unchecked (db, id, error);
}

JyLongRx *
jy_long_rx_store_review (JyDb        *db,
                         gint64       id,
                         gint64       rev,
                         const char  *date,
                         const char  *next_review,
                         const char  *note,
                         GError     **error)
{
  static const char sql[] =
    "UPDATE long_rx SET review_date = ?2, rev = rev + 1, updated_at = ?3 WHERE id = ?1";
  g_autoptr(JyLongRx) rx = NULL;
  g_autofree char *end = NULL;
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  GDate day;

  if (!jy_store_require (db, JY_PERMISSION_LONG_RX_ISSUE, error))
    return NULL;
  if ((rx = jy_long_rx_store_load_at_rev (db, id, rev, error)) == NULL)
    return NULL;
  end = jy_long_rx_end_date (rx);
  if (rx->state != JY_LONG_RX_STATE_ACTIVE)
    {
      jy_long_rx_store_invalid (error, _("Only a prescription in use can be reviewed."));
      return NULL;
    }
  if (date == NULL || !jy_person_parse_date (date, &day) || g_strcmp0 (date, rx->issue_date) < 0)
    {
      jy_long_rx_store_invalid (error, _("The review date cannot be before the date of issue."));
      return NULL;
    }
  if (next_review == NULL || !jy_person_parse_date (next_review, &day) ||
      g_strcmp0 (next_review, date) <= 0 || g_strcmp0 (next_review, end) > 0)
    {
      jy_long_rx_store_invalid (error, _("The next review must fall after this one and no later than the end of supply."));
      return NULL;
    }
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, next_review, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!jy_db_step_done (db, stmt, error))
    return NULL;
  {
    g_autoptr(JsonBuilder) b = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (b);
    json_builder_set_member_name (b, "event");
    json_builder_add_string_value (b, "review");
    json_builder_set_member_name (b, "date");
    json_builder_add_string_value (b, date);
    json_builder_set_member_name (b, "next");
    json_builder_add_string_value (b, next_review);
    if (note != NULL)
      {
        json_builder_set_member_name (b, "note");
        json_builder_add_string_value (b, note);
      }
    json_builder_end_object (b);
    root = json_builder_get_root (b);
    detail = json_to_string (root, FALSE);
  }
  if (!jy_long_rx_store_derive (db, id, error) ||
      !jy_store_record_change (db, "long_rx", rx->uuid, JY_CHANGE_UPDATE, rx->rev + 1, detail, error))
    return NULL;
  return jy_long_rx_store_load_unchecked (db, id, error);
}
