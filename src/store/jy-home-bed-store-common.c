/* jy-home-bed-store-common.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-bed-store-private.h"

#include "jy-clock.h"
#include "jy-followup.h"
#include "jy-person.h"
#include "jy-store.h"
#include "jy-store-error.h"

#include <glib/gi18n.h>
#include <string.h>
#include <math.h>

/* What the home-bed writes share: date columns, refusals, the bed's
 * facts, and the derived due dates (jy-migrations-home-beds.c). */

G_DEFINE_QUARK (jy-home-bed-error-quark, jy_home_bed_error)

const char *
jy_home_bed_date_text (const GDate *date,
                       char        *buf)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  g_snprintf (buf, 11, "%04u-%02u-%02u", g_date_get_year (date),
              (guint)g_date_get_month (date), g_date_get_day (date));
  return buf;
}

void
jy_home_bed_column_date (sqlite3_stmt *stmt,
                         int           column,
                         GDate        *out)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  g_date_clear (out, 1);
  if (text != NULL && !jy_person_parse_date (text, out))
    g_date_clear (out, 1);
}

void
jy_home_bed_bind_date (sqlite3_stmt *stmt,
                       int           index,
                       const GDate  *date)
{
  char buf[11];

  jy_db_bind_text_or_null (stmt, index, jy_home_bed_date_text (date, buf));
}

gboolean
jy_home_bed_refuse (GArray  *problems,
                    GError **error)
{
  g_autoptr(GString) message = NULL;

  if (problems == NULL || problems->len == 0)
    return FALSE;
  message = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      JyHomeBedProblem p = g_array_index (problems, JyHomeBedProblem, i);

      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, _(jy_home_bed_problem_message (p)));
    }
  g_set_error_literal (error, JY_HOME_BED_ERROR,
                       g_array_index (problems, JyHomeBedProblem, 0), message->str);
  return TRUE;
}

gboolean
jy_home_bed_refuse_one (JyHomeBedProblem   problem,
                        GError           **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (JyHomeBedProblem));

  g_array_append_val (list, problem);
  return jy_home_bed_refuse (list, error);
}

const GDate *
jy_home_bed_reference (const GDate *today,
           GDate       *storage)
{
  if (today != NULL && g_date_valid (today))
    return today;
  {
    g_autoptr(GDate) now = jy_clock_today_local ();

    *storage = *now;
  }
  return storage;
}

gboolean
jy_home_bed_resident_is_active (JyDb    *db,
                    gint64   resident_id,
                    char   **area_code,
                    char   **address,
                    GError **error)
{
  static const char sql[] = "SELECT status, area_code, address_detail FROM resident WHERE id = ?1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  gboolean active = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      active = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "active") == 0;
      if (area_code != NULL)
        *area_code = jy_db_column_dup_text (stmt, 1);
      if (address != NULL)
        *address = jy_db_column_dup_text (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (!active)
    g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                 "Resident %" G_GINT64_FORMAT " is not an active resident", resident_id);
  return active;
}

char *
jy_home_bed_building_of (const char *address_detail)
{
  const char *end;

  if (address_detail == NULL)
    return g_strdup ("");
  if ((end = strstr (address_detail, "栋")) != NULL)
    return g_strndup (address_detail, end - address_detail + strlen ("栋"));
  if ((end = strstr (address_detail, "号楼")) != NULL)
    return g_strndup (address_detail, end - address_detail + strlen ("号楼"));
  if ((end = strstr (address_detail, "号")) != NULL)
    return g_strndup (address_detail, end - address_detail + strlen ("号"));
  return g_strdup (address_detail);
}

/* --- Derived columns ------------------------------------------------------ */

/* The latest live round of @kinds ("1','3" …) before now: its date and
 * planned next round. */
static gboolean
last_round (JyDb     *db,
            gint64    home_bed_id,
            gboolean  doctor,
            GDate    *date,
            GDate    *next,
            GError  **error)
{
  static const char sql[] =
    "SELECT round_date, next_round FROM home_bed_round\n"
    "WHERE home_bed_id = ?1 AND status = 'final' AND kind IN (?2, '3')\n"
    "ORDER BY round_date DESC, id DESC LIMIT 1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  g_date_clear (date, 1);
  g_date_clear (next, 1);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, home_bed_id);
  sqlite3_bind_text (stmt, 2, doctor ? "1" : "2", -1, SQLITE_STATIC);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      jy_home_bed_column_date (stmt, 0, date);
      jy_home_bed_column_date (stmt, 1, next);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
due_from (const GDate *admitted,
          const GDate *last,
          const GDate *planned,
          guint        every_days,
          const GDate *cycle_end,
          GDate       *out)
{
  jy_home_bed_next_round (admitted, last, every_days, cycle_end, out);
  if (g_date_valid (last) && g_date_valid (planned))
    {
      *out = *planned;
      if (g_date_compare (out, cycle_end) > 0 && g_date_compare (last, cycle_end) < 0)
        *out = *cycle_end;
    }
}

gboolean
jy_home_bed_derive (JyDb    *db,
                    gint64   home_bed_id,
                    GError **error)
{
  static const char bed_sql[] =
    "SELECT status, admitted_on, cycle_end, doctor_every_days, nurse_every_days\n"
    "FROM home_bed WHERE id = ?1";
  static const char update_sql[] =
    "UPDATE home_bed SET doctor_due = ?2, nurse_due = ?3,\n"
    "  last_round_on = (SELECT max (round_date) FROM home_bed_round\n"
    "                   WHERE home_bed_id = ?1 AND status = 'final')\n"
    "WHERE id = ?1";
  sqlite3_stmt *stmt;
  GDate admitted, cycle_end, last, next, doctor_due, nurse_due;
  guint doctor_every = 7, nurse_every = 3;
  gboolean open = FALSE;
  int rc;

  g_date_clear (&doctor_due, 1);
  g_date_clear (&nurse_due, 1);
  if ((stmt = jy_db_prepare (db, bed_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, home_bed_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No home bed %" G_GINT64_FORMAT, home_bed_id);
      return FALSE;
    }
  open = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "open") == 0;
  jy_home_bed_column_date (stmt, 1, &admitted);
  jy_home_bed_column_date (stmt, 2, &cycle_end);
  doctor_every = sqlite3_column_int (stmt, 3);
  nurse_every = sqlite3_column_int (stmt, 4);
  sqlite3_reset (stmt);

  if (open && g_date_valid (&admitted))
    {
      if (!last_round (db, home_bed_id, TRUE, &last, &next, error))
        return FALSE;
      due_from (&admitted, &last, &next, doctor_every, &cycle_end, &doctor_due);
      if (!last_round (db, home_bed_id, FALSE, &last, &next, error))
        return FALSE;
      due_from (&admitted, &last, &next, nurse_every, &cycle_end, &nurse_due);
    }

  if ((stmt = jy_db_prepare (db, update_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, home_bed_id);
  jy_home_bed_bind_date (stmt, 2, &doctor_due);
  jy_home_bed_bind_date (stmt, 3, &nurse_due);
  return jy_db_step_done (db, stmt, error);
}

/* --- The bed's facts ------------------------------------------------------- */

void
jy_home_bed_facts_clear (JyHomeBedFacts *facts)
{
  g_clear_pointer (&facts->status, g_free);
}


gboolean
jy_home_bed_load_facts (JyDb     *db,
                gint64    home_bed_id,
                JyHomeBedFacts *facts,
                GError  **error)
{
  static const char sql[] =
    "SELECT resident_id, status, admitted_on, cycle_end, discharged_on, doctor_id, nurse_id, cycle_no\n"
    "FROM home_bed WHERE id = ?1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, home_bed_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      facts->resident_id = sqlite3_column_int64 (stmt, 0);
      facts->status = jy_db_column_dup_text (stmt, 1);
      jy_home_bed_column_date (stmt, 2, &facts->admitted_on);
      jy_home_bed_column_date (stmt, 3, &facts->cycle_end);
      jy_home_bed_column_date (stmt, 4, &facts->discharged_on);
      facts->doctor_id = sqlite3_column_int64 (stmt, 5);
      facts->nurse_id = sqlite3_column_int64 (stmt, 6);
      facts->cycle_no = sqlite3_column_int (stmt, 7);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW || g_strcmp0 (facts->status, "entered-in-error") == 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No home bed %" G_GINT64_FORMAT, home_bed_id);
      return FALSE;
    }
  return TRUE;
}

