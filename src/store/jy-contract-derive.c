/* jy-contract-derive.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-private.h"

#include <stdlib.h>

#include "jy-person.h"

/* The derived contract data of one resident (invariants in the comment on
 * migration_3 in jy-migrations.c). The rules are core's: coverage from
 * jy_contract_get_coverage(), "owed" from jy_contact_is_owed(), "done"
 * from jy_contact_made_between(), all with the default contact policy. */

const char *
jy_contract_format_date (const GDate *date,
                         char         out[11])
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  g_snprintf (out, 11, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  return out;
}

void
jy_contract_parse_date (const char *text,
                        GDate      *out)
{
  if (!jy_person_parse_date (text, out))
    g_date_clear (out, 1);
}

static gboolean
covers (const JyDeriveContract *contract,
        const GDate            *day)
{
  return g_date_valid (&contract->cover_last) &&
         g_date_compare (&contract->facts.start, day) <= 0 &&
         g_date_compare (day, &contract->cover_last) <= 0;
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const JyDeriveContract *contracts = user_data;
  const JyDeriveContract *x = &contracts[*(const guint *)a];
  const JyDeriveContract *y = &contracts[*(const guint *)b];
  int order = g_date_compare (&x->facts.start, &y->facts.start);

  if (order != 0)
    return order;
  return x->id < y->id ? -1 : x->id > y->id;
}

int
jy_contract_derive_compute (JyDeriveContract *contracts,
                            guint             n_contracts,
                            const JyContact  *contacts,
                            guint             n_contacts,
                            GArray           *due,
                            GDate            *last_contact)
{
  g_autofree JyContractFacts *facts = g_new0 (JyContractFacts, MAX (n_contracts, 1));
  g_autofree guint *order = g_new (guint, MAX (n_contracts, 1));
  guint n_covering = 0;
  int head = -1;
  GDate first_day, last_day;

  g_return_val_if_fail (contracts != NULL || n_contracts == 0, -1);
  g_return_val_if_fail (due != NULL && last_contact != NULL, -1);

  /* Renewals: the live contract that renews each one (the earliest signed). */
  for (guint i = 0; i < n_contracts; i++)
    {
      JyDeriveContract *c = &contracts[i];

      c->renewed_by_id = 0;
      g_date_clear (&c->facts.renewed_on, 1);
      c->facts.renews = c->renews_id != 0;
      for (guint j = 0; j < n_contracts; j++)
        {
          const JyDeriveContract *r = &contracts[j];

          if (r->facts.voided || r->renews_id != c->id || j == i)
            continue;
          if (c->renewed_by_id == 0 || g_date_compare (&r->facts.sign_date, &c->facts.renewed_on) < 0)
            {
              c->renewed_by_id = r->id;
              c->facts.renewed_on = r->facts.sign_date;
            }
        }
    }

  /* Coverage, then runs of days without a gap, in order of start. */
  g_date_clear (&first_day, 1);
  g_date_clear (&last_day, 1);
  for (guint i = 0; i < n_contracts; i++)
    {
      JyDeriveContract *c = &contracts[i];
      GDate first;

      g_date_clear (&c->run_first, 1);
      if (!jy_contract_get_coverage (&c->facts, &first, &c->cover_last))
        continue;
      order[n_covering++] = i;
      if (!g_date_valid (&first_day) || g_date_compare (&first, &first_day) < 0)
        first_day = first;
      if (!g_date_valid (&last_day) || g_date_compare (&c->cover_last, &last_day) > 0)
        last_day = c->cover_last;
    }
  g_qsort_with_data (order, n_covering, sizeof *order, compare_by_start, contracts);
  for (guint k = 0; k < n_covering; k++)
    {
      JyDeriveContract *c = &contracts[order[k]];

      c->run_first = c->facts.start;
      if (k > 0)
        {
          const JyDeriveContract *prev = &contracts[order[k - 1]];
          GDate after = prev->cover_last;

          /* Contiguous (or, in data that breaks the one-contract rule,
           * overlapping): the same run. */
          g_date_add_days (&after, 1);
          if (g_date_compare (&c->facts.start, &after) <= 0)
            c->run_first = prev->run_first;
        }
    }
  if (n_covering > 0)
    head = (int)order[n_covering - 1];

  /* The latest counting contact. */
  g_date_clear (last_contact, 1);
  for (guint i = 0; i < n_contacts; i++)
    if (jy_contact_counts (&contacts[i], NULL) &&
        (!g_date_valid (last_contact) || g_date_compare (&contacts[i].date, last_contact) > 0))
      *last_contact = contacts[i].date;

  /* Periods owed and not contacted, from the first covered day's period
   * to the last covered day's. */
  if (n_covering > 0)
    {
      GDate period_first, period_last;

      for (guint i = 0; i < n_contracts; i++)
        facts[i] = contracts[i].facts;

      jy_contact_period_bounds (&first_day, NULL, &period_first, &period_last);
      while (g_date_compare (&period_first, &last_day) <= 0)
        {
          GDate next;

          if (jy_contact_is_owed (facts, n_contracts, &period_first, &period_last, NULL) &&
              !jy_contact_made_between (contacts, n_contacts, &period_first, &period_last, NULL))
            {
              JyContactDueRow row = { 0 };

              row.period_first = period_first;
              row.period_last = period_last;
              for (guint i = 0; i < n_contracts; i++)
                if (covers (&contracts[i], &period_last))
                  {
                    row.contract_id = contracts[i].id;
                    row.team_id = contracts[i].team_id;
                    row.doctor_id = contracts[i].doctor_id;
                    break;
                  }
              g_date_clear (&row.last_contact, 1);
              for (guint i = 0; i < n_contacts; i++)
                if (jy_contact_counts (&contacts[i], NULL) &&
                    g_date_compare (&contacts[i].date, &period_first) < 0 &&
                    (!g_date_valid (&row.last_contact) ||
                     g_date_compare (&contacts[i].date, &row.last_contact) > 0))
                  row.last_contact = contacts[i].date;
              g_assert (row.contract_id != 0);
              g_array_append_val (due, row);
            }

          next = period_last;
          g_date_add_days (&next, 1);
          jy_contact_period_bounds (&next, NULL, &period_first, &period_last);
        }
    }

  return head;
}

/* The database side -------------------------------------------------------- */

gboolean
jy_contract_load_derive (JyDb    *db,
                         gint64   resident_id,
                         GArray  *out,
                         GError **error)
{
  static const char sql[] =
    "SELECT id, team_id, doctor_id, ifnull (renews_id, 0), status, sign_date, start_date,\n"
    "       end_date, termination_date, termination_reason,\n"
    "       ifnull (renewed_by_id, 0), renewed_on, cover_last, run_first\n"
    "FROM contract WHERE resident_id = ?1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyDeriveContract c = { 0 };
      JyTerminationReason reason = JY_TERMINATION_REASON_NONE;

      jy_contract_facts_init (&c.facts);
      c.id = sqlite3_column_int64 (stmt, 0);
      c.team_id = sqlite3_column_int64 (stmt, 1);
      c.doctor_id = sqlite3_column_int64 (stmt, 2);
      c.renews_id = sqlite3_column_int64 (stmt, 3);
      c.facts.voided = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 4), "voided") == 0;
      jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 5), &c.facts.sign_date);
      jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 6), &c.facts.start);
      jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 7), &c.facts.end);
      jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 8), &c.facts.termination_date);
      if (jy_termination_reason_from_code ((const char *)sqlite3_column_text (stmt, 9), &reason))
        c.facts.termination_reason = reason;
      /* The stored derived values, to write only what changed. */
      c.renewed_by_id = sqlite3_column_int64 (stmt, 10);
      jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 11), &c.facts.renewed_on);
      jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 12), &c.cover_last);
      jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 13), &c.run_first);
      g_array_append_val (out, c);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_contacts (JyDb    *db,
               gint64   resident_id,
               GArray  *out,
               GError **error)
{
  static const char sql[] =
    "SELECT contact_date, channel, initiated_by FROM contact_log\n"
    "WHERE resident_id = ?1 AND status = 'final'";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyContact contact = { 0 };
      JyContactChannel channel;

      jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 0), &contact.date);
      if (!jy_contact_channel_from_string ((const char *)sqlite3_column_text (stmt, 1), &channel))
        continue;
      contact.channel = channel;
      contact.initiator = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 2), "team") == 0
                            ? JY_CONTACT_BY_TEAM : JY_CONTACT_BY_RESIDENT;
      g_array_append_val (out, contact);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  char text[11];

  jy_db_bind_text_or_null (stmt, index, jy_contract_format_date (date, text));
}

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

gboolean
jy_contract_derive_resident (JyDb    *db,
                             gint64   resident_id,
                             GError **error)
{
  static const char update_contract_sql[] =
    "UPDATE contract SET renewed_by_id = nullif (?1, 0), renewed_on = ?2, cover_last = ?3,\n"
    "  run_first = ?4 WHERE id = ?5";
  static const char check_sql[] =
    "SELECT max (delivery_date) FROM service_delivery\n"
    "WHERE resident_id = ?1 AND item_code = '" JY_ANNUAL_CHECK_ITEM "' AND status = 'final'";
  static const char update_resident_sql[] =
    "UPDATE resident SET contract_id = nullif (?1, 0), last_contact_date = ?2,\n"
    "  annual_check_date = ?3 WHERE id = ?4";
  static const char delete_due_sql[] = "DELETE FROM contact_due WHERE resident_id = ?1";
  static const char insert_due_sql[] =
    "INSERT INTO contact_due (resident_id, period_first, period_last, contract_id, team_id,\n"
    "  doctor_id, last_contact_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autoptr(GArray) contracts = g_array_new (FALSE, TRUE, sizeof (JyDeriveContract));
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GArray) contacts = g_array_new (FALSE, TRUE, sizeof (JyContact));
  g_autoptr(GArray) due = g_array_new (FALSE, TRUE, sizeof (JyContactDueRow));
  g_autofree char *check_date = NULL;
  sqlite3_stmt *stmt;
  GDate last_contact;
  int head;
  int rc;

  if (!jy_contract_load_derive (db, resident_id, contracts, error) ||
      !load_contacts (db, resident_id, contacts, error))
    return FALSE;

  stored = g_array_copy (contracts);
  head = jy_contract_derive_compute ((JyDeriveContract *)(gpointer)contracts->data, contracts->len,
                                     (const JyContact *)(gpointer)contacts->data, contacts->len,
                                     due, &last_contact);

  for (guint i = 0; i < contracts->len; i++)
    {
      const JyDeriveContract *c = &g_array_index (contracts, JyDeriveContract, i);
      const JyDeriveContract *before = &g_array_index (stored, JyDeriveContract, i);

      if (c->renewed_by_id == before->renewed_by_id &&
          same_date (&c->facts.renewed_on, &before->facts.renewed_on) &&
          same_date (&c->cover_last, &before->cover_last) &&
          same_date (&c->run_first, &before->run_first))
        continue;
      if ((stmt = jy_db_prepare (db, update_contract_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, c->renewed_by_id);
      bind_date (stmt, 2, &c->facts.renewed_on);
      bind_date (stmt, 3, &c->cover_last);
      bind_date (stmt, 4, &c->run_first);
      sqlite3_bind_int64 (stmt, 5, c->id);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }

  if ((stmt = jy_db_prepare (db, check_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  check_date = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  if ((stmt = jy_db_prepare (db, update_resident_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, head >= 0 ? g_array_index (contracts, JyDeriveContract, head).id : 0);
  bind_date (stmt, 2, &last_contact);
  jy_db_bind_text_or_null (stmt, 3, check_date);
  sqlite3_bind_int64 (stmt, 4, resident_id);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;

  if ((stmt = jy_db_prepare (db, delete_due_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;
  for (guint i = 0; i < due->len; i++)
    {
      const JyContactDueRow *row = &g_array_index (due, JyContactDueRow, i);

      if ((stmt = jy_db_prepare (db, insert_due_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, resident_id);
      bind_date (stmt, 2, &row->period_first);
      bind_date (stmt, 3, &row->period_last);
      sqlite3_bind_int64 (stmt, 4, row->contract_id);
      sqlite3_bind_int64 (stmt, 5, row->team_id);
      sqlite3_bind_int64 (stmt, 6, row->doctor_id);
      bind_date (stmt, 7, &row->last_contact);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}
