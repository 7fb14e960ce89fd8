/* jy-chronic-state.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-chronic-private.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "jy-followup-rules.h"
#include "jy-followup.h"
#include "jy-person.h"
#include "jy-store-error.h"

/* The worklist state of one enrolment from its final follow-ups. The
 * column invariants are stated above migration_3 (jy-migrations.c); the
 * norm counting and the visits a year requires are core's rules. */

static void
copy_date (char        out[11],
           const char *date)
{
  g_strlcpy (out, date != NULL ? date : "", 11);
}

static gboolean
is_face_to_face (const JyChronicVisitFact *fact)
{
  return jy_visit_mode_is_face_to_face (fact->mode) && fact->outcome == JY_FOLLOWUP_OUTCOME_SEEN;
}

/* First day of @year on which an enrolment with @n_counted visits falls
 * behind one visit per quarter of management (see behind_date). */
static void
compute_behind_date (const GDate            *enrol,
                     int                     year,
                     int                     n_counted,
                     const JyFollowupPolicy *policy,
                     char                    out[11])
{
  GDate start;
  int required;

  out[0] = '\0';
  required = jy_followup_norm_visits_required (enrol, year, policy);
  if (n_counted >= required)
    return;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_JANUARY, year);
  if (g_date_compare (enrol, &start) > 0)
    start = *enrol;
  g_date_add_months (&start, 3 * (n_counted + 1));
  if (g_date_get_year (&start) != year)
    return;
  g_snprintf (out, 11, "%04d-%02d-%02d",
              g_date_get_year (&start), g_date_get_month (&start), g_date_get_day (&start));
}

void
jy_chronic_state_compute (const char               *enrol_date,
                          int                       visits_per_year,
                          const JyChronicVisitFact *facts,
                          guint                     n_facts,
                          JyChronicState           *out)
{
  JyFollowupPolicy policy = *jy_followup_policy_default ();
  g_autoptr(GArray) dates = NULL;
  const JyChronicVisitFact *latest = n_facts > 0 ? &facts[n_facts - 1] : NULL;
  GDate enrol;

  g_return_if_fail (enrol_date != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  policy.visits_per_year = visits_per_year;
  if (!jy_person_parse_date (enrol_date, &enrol))
    {
      /* The column is NOT NULL and the repository checks it; a broken row
       * gets no norm state rather than a wrong one. */
      g_date_clear (&enrol, 1);
      g_date_set_dmy (&enrol, 1, G_DATE_JANUARY, 2000);
    }

  if (latest != NULL)
    {
      copy_date (out->last_visit_date, latest->visit_date);
      out->last_class = latest->classification;
      copy_date (out->next_due_date, latest->next_visit_date);
      out->due_action = latest->action;
      out->referral_open = latest->action >= JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL || latest->referral;
    }
  else
    {
      copy_date (out->next_due_date, enrol_date);
    }

  /* Ascending by date: the last face-to-face one is the latest. */
  for (guint i = n_facts; i-- > 0;)
    if (is_face_to_face (&facts[i]))
      {
        copy_date (out->last_f2f_date, facts[i].visit_date);
        break;
      }

  out->norm_year = out->last_f2f_date[0] != '\0' ? atoi (out->last_f2f_date)
                                                : (int)g_date_get_year (&enrol);
  dates = g_array_new (FALSE, FALSE, sizeof (GDate));
  for (guint i = 0; i < n_facts; i++)
    {
      GDate date;

      if (is_face_to_face (&facts[i]) && jy_person_parse_date (facts[i].visit_date, &date) &&
          (int)g_date_get_year (&date) == out->norm_year)
        g_array_append_val (dates, date);
    }
  out->norm_visits = dates->len > 0 ? jy_followup_count_norm_visits ((const GDate *)(gpointer)dates->data,
                                                                     dates->len, &policy)
                                    : 0;
  compute_behind_date (&enrol, out->norm_year, out->norm_visits, &policy, out->behind_date);
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const char   *date)
{
  if (date[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, date, -1, SQLITE_TRANSIENT);
}

void
jy_chronic_state_bind (sqlite3_stmt         *stmt,
                       int                   first,
                       const JyChronicState *state)
{
  bind_date (stmt, first, state->last_visit_date);
  bind_date (stmt, first + 1, state->last_f2f_date);
  sqlite3_bind_int (stmt, first + 2, state->last_class);
  bind_date (stmt, first + 3, state->next_due_date);
  sqlite3_bind_int (stmt, first + 4, state->due_action);
  sqlite3_bind_int (stmt, first + 5, state->referral_open ? 1 : 0);
  sqlite3_bind_int (stmt, first + 6, state->norm_year);
  sqlite3_bind_int (stmt, first + 7, state->norm_visits);
  bind_date (stmt, first + 8, state->behind_date);
}

gboolean
jy_chronic_state_refresh (JyDb    *db,
                          gint64   enrolment_id,
                          GError **error)
{
  static const char enrolment_sql[] =
    "SELECT e.enrol_date, p.visits_per_year FROM chronic_enrolment e\n"
    "JOIN programme p ON p.id = e.programme_id WHERE e.id = ?1";
  static const char facts_sql[] =
    "SELECT visit_date, mode, outcome, classification, action, next_visit_date,\n"
    "       referral_reason IS NOT NULL\n"
    "FROM followup WHERE enrolment_id = ?1 AND status = 'final'\n"
    "ORDER BY visit_date, id";
  static const char update_sql[] =
    "UPDATE chronic_enrolment SET last_visit_date = ?2, last_f2f_date = ?3, last_class = ?4,\n"
    "  next_due_date = ?5, due_action = ?6, referral_open = ?7, norm_year = ?8,\n"
    "  norm_visits = ?9, behind_date = ?10\n"
    "WHERE id = ?1";
  g_autoptr(GArray) facts = g_array_new (FALSE, TRUE, sizeof (JyChronicVisitFact));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (256);
  g_autofree char *enrol_date = NULL;
  JyChronicState state;
  sqlite3_stmt *stmt;
  int visits_per_year;
  int rc;

  if ((stmt = jy_db_prepare (db, enrolment_sql, error)) == NULL)
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
  enrol_date = jy_db_column_dup_text (stmt, 0);
  visits_per_year = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);

  if ((stmt = jy_db_prepare (db, facts_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyChronicVisitFact fact = { 0 };
      const char *next = (const char *)sqlite3_column_text (stmt, 5);

      fact.visit_date = g_string_chunk_insert (strings, (const char *)sqlite3_column_text (stmt, 0));
      fact.mode = sqlite3_column_int (stmt, 1);
      fact.outcome = sqlite3_column_int (stmt, 2);
      fact.classification = sqlite3_column_int (stmt, 3);
      fact.action = sqlite3_column_int (stmt, 4);
      fact.next_visit_date = next != NULL ? g_string_chunk_insert (strings, next) : NULL;
      fact.referral = sqlite3_column_int (stmt, 6) != 0;
      g_array_append_val (facts, fact);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  jy_chronic_state_compute (enrol_date, visits_per_year,
                            (const JyChronicVisitFact *)(gpointer)facts->data, facts->len, &state);

  if ((stmt = jy_db_prepare (db, update_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  jy_chronic_state_bind (stmt, 2, &state);
  return jy_db_step_done (db, stmt, error);
}

/* A flat JSON object of string members (key, value, …, NULL), for the
 * audit detail; it stays in the database, never in logs. */
char *
jy_chronic_describe (const char *first_key,
                     ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      json_builder_set_member_name (builder, key);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  va_end (args);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
