/* jy-contract-counts.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-counts.h"

#include "jy-contract-private.h"
#include "jy-key-population.h"
#include "jy-person.h"

static const JyContractPolicy contract_policy = JY_CONTRACT_POLICY_DEFAULT;

void
jy_contract_counts_period_for_quarter (const JyQuarter   *quarter,
                                       JyIndicatorPeriod *out)
{
  g_return_if_fail (quarter != NULL && out != NULL);

  jy_quarter_first_day (quarter, &out->first);
  jy_quarter_last_day (quarter, &out->last);
  out->contact_first = out->first;
  out->as_of = out->last;
}

/* The manual key-population codes, comma-separated, for instr(). */
static char *
manual_tag_codes (void)
{
  GString *codes = g_string_new (",");

  for (guint i = 0; i < JY_KEY_POPULATION_N; i++)
    if (jy_key_population_is_manual (i))
      g_string_append_printf (codes, "%s,", jy_key_population_to_string (i));
  return g_string_free (codes, FALSE);
}

/* Parameters shared by the statements below:
 *   ?1 first   ?2 last   ?3 contact_first   ?4 as_of   ?5 team (0: all)
 *   ?6 latest birth of the year's 65-year-olds (31 Dec of year − 65)
 *   ?7 latest birth of a 7-year-old on last   ?8 manual tag codes
 *   ?9 renewal_opens_days   ?10 renewal_grace_days */
#define IN_SCOPE "r.status <> 'voided' AND (?5 = 0 OR r.team_id = ?5)"
/* The same for a contract, without reading the resident: the set of
 * voided residents (or of the team's) is built once per statement. */
#define CONTRACT_IN_SCOPE \
  "((?5 = 0 AND c.resident_id NOT IN (SELECT id FROM resident WHERE status = 'voided'))\n" \
  "  OR (?5 <> 0 AND c.resident_id IN (SELECT id FROM resident WHERE team_id = ?5\n" \
  "                                     AND status <> 'voided')))"
#define PRESENT \
  "(r.status = 'active' OR (r.status IN ('moved-out', 'dead', 'lost') AND r.status_date > ?2))"

/* The index ranges name their index: without statistics the planner
 * would read the table instead. */
static const char signed_sql[] =
  "SELECT count(DISTINCT c.resident_id) FROM contract c INDEXED BY contract_cover\n"
  "WHERE c.cover_last IS NOT NULL AND c.cover_last >= ?2 AND c.start_date <= ?2 AND " CONTRACT_IN_SCOPE;

/* Key-population residents registered on last: the 65+ and children
 * among the active (index ranges on birth date), those with a manual
 * tag in force, and those who left after last. */
static const char key_population_sql[] =
  "WITH kp (id) AS (\n"
  "  SELECT id FROM resident INDEXED BY resident_elderly\n"
  "  WHERE status = 'active' AND birth_date <= ?6 AND (?5 = 0 OR team_id = ?5)\n"
  "  UNION SELECT id FROM resident INDEXED BY resident_elderly\n"
  "  WHERE status = 'active' AND birth_date > ?7 AND birth_date <= ?2 AND (?5 = 0 OR team_id = ?5)\n"
  "  UNION SELECT r.id FROM resident_tag g JOIN resident r ON r.id = g.resident_id\n"
  "  WHERE g.status = 'active' AND instr (?8, ',' || g.tag || ',') > 0 AND g.start_date <= ?2\n"
  "    AND (g.end_date IS NULL OR g.end_date >= ?2) AND " IN_SCOPE " AND " PRESENT "\n"
  "  UNION SELECT id FROM resident INDEXED BY resident_status\n"
  "  WHERE status IN ('moved-out', 'dead', 'lost') AND status_date > ?2 AND birth_date <= ?2\n"
  "    AND (birth_date <= ?6 OR birth_date > ?7) AND (?5 = 0 OR team_id = ?5))\n"
  "SELECT count(*), ifnull (sum (EXISTS (\n"
  "  SELECT 1 FROM contract s INDEXED BY contract_resident WHERE s.resident_id = kp.id\n"
  "    AND s.start_date <= ?2 AND s.cover_last >= ?2)), 0)\n"
  "FROM kp";

static const char signings_sql[] =
  "SELECT count(DISTINCT CASE WHEN c.renews_id IS NULL THEN c.resident_id END),\n"
  "       count(DISTINCT CASE WHEN c.renews_id IS NOT NULL THEN c.resident_id END)\n"
  "FROM contract c INDEXED BY contract_sign\n"
  "WHERE c.status <> 'voided' AND c.sign_date BETWEEN ?1 AND ?2 AND " CONTRACT_IN_SCOPE;

static const char terminations_sql[] =
  "SELECT c.termination_reason, count(DISTINCT c.resident_id)\n"
  "FROM contract c INDEXED BY contract_termination\n"
  "WHERE c.termination_date IS NOT NULL AND c.status <> 'voided'\n"
  "  AND c.termination_date BETWEEN ?1 AND ?2 AND " CONTRACT_IN_SCOPE "\n"
  "GROUP BY c.termination_reason";

/* jy_contract_indicator_renewal_cohort(), one contract a row. */
static const char renewal_sql[] =
  "SELECT ifnull (sum (cohort = 2), 0), ifnull (sum (cohort >= 1), 0) FROM (\n"
  "  SELECT CASE\n"
  "    WHEN c.termination_date IS NOT NULL AND c.termination_date <= c.end_date THEN 0\n"
  "    WHEN c.renewed_on IS NOT NULL\n"
  "         AND c.renewed_on BETWEEN date (c.end_date, '-' || ?9 || ' days')\n"
  "                              AND date (c.end_date, '+' || ?10 || ' days')\n"
  "         AND c.renewed_on <= ?4 THEN 2\n"
  "    WHEN r.status IN ('dead', 'moved-out') AND r.status_date IS NOT NULL\n"
  "         AND r.status_date <= date (c.end_date, '+' || ?10 || ' days') THEN 0\n"
  "    ELSE 1 END AS cohort\n"
  "  FROM contract c INDEXED BY contract_end CROSS JOIN resident r ON r.id = c.resident_id\n"
  "  WHERE c.status <> 'voided' AND c.end_date BETWEEN ?1 AND ?2 AND " IN_SCOPE ")";

/* Signed throughout [contact_first, last] (migration_3: run_first) and
 * contacted in it by the team: the residents contacted in the window
 * are read once from the contacts' date index. */
static const char contact_sql[] =
  "SELECT count(DISTINCT c.resident_id),\n"
  "       count(DISTINCT CASE WHEN c.resident_id IN (\n"
  "         SELECT l.resident_id FROM contact_log l INDEXED BY contact_log_date\n"
  "         WHERE l.status = 'final' AND l.initiated_by = 'team'\n"
  "           AND l.contact_date BETWEEN ?3 AND ?2) THEN c.resident_id END)\n"
  "FROM contract c INDEXED BY contract_cover\n"
  "WHERE c.cover_last IS NOT NULL AND c.cover_last >= ?2 AND c.start_date <= ?2\n"
  "  AND c.run_first <= ?3 AND " CONTRACT_IN_SCOPE;

static const char registered_sql[] =
  "SELECT count(*) FROM resident r WHERE " IN_SCOPE " AND " PRESENT;

static void
bind_period (sqlite3_stmt            *stmt,
             const JyIndicatorPeriod *period,
             gint64                   team_id,
             const char              *manual_codes)
{
  GDate elderly, child;
  char text[11];
  int n = sqlite3_bind_parameter_count (stmt);

  g_date_clear (&elderly, 1);
  g_date_set_dmy (&elderly, 31, G_DATE_DECEMBER, g_date_get_year (&period->last) - 65);
  jy_person_latest_birth_for_age (&period->last, 7, &child);

#define BIND_DATE(i, d) if (n >= (i)) sqlite3_bind_text (stmt, (i), jy_contract_format_date ((d), text), -1, SQLITE_TRANSIENT)
  BIND_DATE (1, &period->first);
  BIND_DATE (2, &period->last);
  BIND_DATE (3, &period->contact_first);
  BIND_DATE (4, &period->as_of);
  if (n >= 5)
    sqlite3_bind_int64 (stmt, 5, team_id);
  BIND_DATE (6, &elderly);
  BIND_DATE (7, &child);
#undef BIND_DATE
  if (n >= 8)
    sqlite3_bind_text (stmt, 8, manual_codes, -1, SQLITE_TRANSIENT);
  if (n >= 9)
    sqlite3_bind_int (stmt, 9, (int)contract_policy.renewal_opens_days);
  if (n >= 10)
    sqlite3_bind_int (stmt, 10, (int)contract_policy.renewal_grace_days);
}

/* Runs @sql and reads its first row's first two columns. */
static gboolean
query_pair (JyDb                     *db,
            const char               *sql,
            const JyIndicatorPeriod  *period,
            gint64                    team_id,
            const char               *manual_codes,
            gint64                   *first,
            gint64                   *second,
            GError                  **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, period, team_id, manual_codes);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      *first = sqlite3_column_int64 (stmt, 0);
      if (second != NULL)
        *second = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
jy_contract_counts_compute (JyDb                     *db,
                            const JyIndicatorPeriod  *period,
                            gint64                    team_id,
                            JyContractIndicators     *out,
                            GError                  **error)
{
  g_autofree char *manual_codes = manual_tag_codes ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (period != NULL && out != NULL, FALSE);

  *out = (JyContractIndicators) { 0 };
  if (!query_pair (db, signed_sql, period, team_id, manual_codes, &out->signed_residents, NULL, error) ||
      !query_pair (db, key_population_sql, period, team_id, manual_codes, &out->key_population,
                   &out->key_population_signed, error) ||
      !query_pair (db, signings_sql, period, team_id, manual_codes, &out->new_signings,
                   &out->renewals_signed, error) ||
      !query_pair (db, renewal_sql, period, team_id, manual_codes, &out->expiring_renewed,
                   &out->expiring, error) ||
      !query_pair (db, contact_sql, period, team_id, manual_codes, &out->contact_owed,
                   &out->contact_done, error))
    return FALSE;
  out->active_contracts = out->signed_residents;

  if ((stmt = jy_db_prepare (db, terminations_sql, error)) == NULL)
    return FALSE;
  bind_period (stmt, period, team_id, manual_codes);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyTerminationReason reason;

      if (jy_termination_reason_from_code ((const char *)sqlite3_column_text (stmt, 0), &reason))
        out->terminations[reason] += sqlite3_column_int64 (stmt, 1);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

gint64
jy_contract_counts_registered (JyDb         *db,
                               const GDate  *day,
                               gint64        team_id,
                               GError      **error)
{
  JyIndicatorPeriod period;
  gint64 n = 0;

  g_return_val_if_fail (day != NULL && g_date_valid (day), -1);

  period.first = period.last = period.contact_first = period.as_of = *day;
  if (!query_pair (db, registered_sql, &period, team_id, NULL, &n, NULL, error))
    return -1;
  return n;
}

/* The definition: every resident through core ------------------------------- */

/* A statement ordered by resident id, read alongside the residents. */
typedef struct
{
  sqlite3_stmt *stmt;
  int           rc;
} Cursor;

static gboolean
cursor_start (JyDb        *db,
              Cursor      *cursor,
              const char  *sql,
              GError     **error)
{
  if ((cursor->stmt = jy_db_prepare (db, sql, error)) == NULL ||
      (cursor->rc = jy_db_step (db, cursor->stmt, error)) < 0)
    return FALSE;
  return TRUE;
}

/* Skips rows of residents before @id; TRUE while the row is @id's. */
static gboolean
cursor_at (JyDb    *db,
           Cursor  *cursor,
           gint64   id,
           GError **error)
{
  while (cursor->rc == SQLITE_ROW && sqlite3_column_int64 (cursor->stmt, 0) < id)
    cursor->rc = jy_db_step (db, cursor->stmt, error);
  return cursor->rc == SQLITE_ROW && sqlite3_column_int64 (cursor->stmt, 0) == id;
}

gboolean
jy_contract_counts_compute_by_residents (JyDb                     *db,
                                         const JyIndicatorPeriod  *period,
                                         gint64                    team_id,
                                         JyContractIndicators     *out,
                                         GError                  **error)
{
  static const char residents_sql[] =
    "SELECT id, birth_date, status, status_date FROM resident\n"
    "WHERE status <> 'voided' AND (?1 = 0 OR team_id = ?1) ORDER BY id";
  static const char contracts_sql[] =
    "SELECT resident_id, status, sign_date, start_date, end_date, termination_date,\n"
    "       termination_reason, renews_id, renewed_on FROM contract ORDER BY resident_id";
  static const char contacts_sql[] =
    "SELECT resident_id, contact_date, channel, initiated_by FROM contact_log\n"
    "WHERE status = 'final' ORDER BY resident_id";
  static const char tags_sql[] =
    "SELECT resident_id, tag, start_date, end_date FROM resident_tag\n"
    "WHERE status = 'active' ORDER BY resident_id";
  g_autoptr(GArray) contracts = g_array_new (FALSE, TRUE, sizeof (JyContractFacts));
  g_autoptr(GArray) contacts = g_array_new (FALSE, TRUE, sizeof (JyContact));
  g_autoptr(GArray) tags = g_array_new (FALSE, TRUE, sizeof (JyManualTag));
  Cursor residents = { 0 }, contract_rows = { 0 }, contact_rows = { 0 }, tag_rows = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (period != NULL && out != NULL, FALSE);

  *out = (JyContractIndicators) { 0 };
  if ((residents.stmt = jy_db_prepare (db, residents_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (residents.stmt, 1, team_id);
  if (!cursor_start (db, &contract_rows, contracts_sql, error) ||
      !cursor_start (db, &contact_rows, contacts_sql, error) ||
      !cursor_start (db, &tag_rows, tags_sql, error))
    goto out;

  while ((residents.rc = jy_db_step (db, residents.stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (residents.stmt, 0);
      const char *status = (const char *)sqlite3_column_text (residents.stmt, 2);
      JyIndicatorResident resident = { 0 };
      JyKeyPopulationFacts kp = { 0 };
      GDate birth, status_date;
      gboolean present;

      g_array_set_size (contracts, 0);
      g_array_set_size (contacts, 0);
      g_array_set_size (tags, 0);

      while (cursor_at (db, &contract_rows, id, error))
        {
          sqlite3_stmt *s = contract_rows.stmt;
          JyContractFacts facts;
          JyTerminationReason reason;

          jy_contract_facts_init (&facts);
          facts.voided = g_strcmp0 ((const char *)sqlite3_column_text (s, 1), "voided") == 0;
          jy_contract_parse_date ((const char *)sqlite3_column_text (s, 2), &facts.sign_date);
          jy_contract_parse_date ((const char *)sqlite3_column_text (s, 3), &facts.start);
          jy_contract_parse_date ((const char *)sqlite3_column_text (s, 4), &facts.end);
          jy_contract_parse_date ((const char *)sqlite3_column_text (s, 5), &facts.termination_date);
          if (jy_termination_reason_from_code ((const char *)sqlite3_column_text (s, 6), &reason))
            facts.termination_reason = reason;
          facts.renews = sqlite3_column_type (s, 7) != SQLITE_NULL;
          jy_contract_parse_date ((const char *)sqlite3_column_text (s, 8), &facts.renewed_on);
          g_array_append_val (contracts, facts);
          contract_rows.rc = jy_db_step (db, s, error);
        }
      while (cursor_at (db, &contact_rows, id, error))
        {
          sqlite3_stmt *s = contact_rows.stmt;
          JyContact contact = { 0 };
          JyContactChannel channel;

          jy_contract_parse_date ((const char *)sqlite3_column_text (s, 1), &contact.date);
          if (jy_contact_channel_from_string ((const char *)sqlite3_column_text (s, 2), &channel))
            {
              contact.channel = channel;
              contact.initiator = g_strcmp0 ((const char *)sqlite3_column_text (s, 3), "team") == 0
                                    ? JY_CONTACT_BY_TEAM : JY_CONTACT_BY_RESIDENT;
              g_array_append_val (contacts, contact);
            }
          contact_rows.rc = jy_db_step (db, s, error);
        }
      while (cursor_at (db, &tag_rows, id, error))
        {
          sqlite3_stmt *s = tag_rows.stmt;
          JyManualTag tag = { 0 };
          JyKeyPopulation kind;

          if (jy_key_population_from_string ((const char *)sqlite3_column_text (s, 1), &kind))
            {
              tag.tag = kind;
              jy_contract_parse_date ((const char *)sqlite3_column_text (s, 2), &tag.start);
              jy_contract_parse_date ((const char *)sqlite3_column_text (s, 3), &tag.end);
              g_array_append_val (tags, tag);
            }
          tag_rows.rc = jy_db_step (db, s, error);
        }
      if (contract_rows.rc < 0 || contact_rows.rc < 0 || tag_rows.rc < 0)
        goto out;

      jy_contract_parse_date ((const char *)sqlite3_column_text (residents.stmt, 1), &birth);
      jy_contract_parse_date ((const char *)sqlite3_column_text (residents.stmt, 3), &status_date);
      present = g_strcmp0 (status, "active") == 0 ||
                (g_date_valid (&status_date) && g_date_compare (&status_date, &period->last) > 0);

      kp.birth = g_date_valid (&birth) ? &birth : NULL;
      kp.manual = (const JyManualTag *)(gpointer)tags->data;
      kp.n_manual = tags->len;
      resident.key_populations = present ? jy_key_population_derive (&kp, &period->last,
                                                                     JY_ELDERLY_RULE_ANNUAL) : 0;
      resident.contracts = (const JyContractFacts *)(gpointer)contracts->data;
      resident.n_contracts = contracts->len;
      resident.contacts = (const JyContact *)(gpointer)contacts->data;
      resident.n_contacts = contacts->len;
      resident.exit_date = (g_strcmp0 (status, "dead") == 0 || g_strcmp0 (status, "moved-out") == 0) &&
                           g_date_valid (&status_date) ? &status_date : NULL;
      resident.active_fulfilled = FALSE;
      jy_contract_indicators_add_resident (out, &resident, period, &contract_policy, NULL);
    }
  ok = residents.rc >= 0;

out:
  sqlite3_reset (residents.stmt);
  if (contract_rows.stmt != NULL)
    sqlite3_reset (contract_rows.stmt);
  if (contact_rows.stmt != NULL)
    sqlite3_reset (contact_rows.stmt);
  if (tag_rows.stmt != NULL)
    sqlite3_reset (tag_rows.stmt);
  return ok;
}
