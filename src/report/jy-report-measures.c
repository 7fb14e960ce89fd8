/* jy-report-measures.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-report-measures-private.h"

#include "jy-contract.h"
#include "jy-followup-rules.h"
#include "jy-key-population.h"
#include "jy-person.h"

/* The SQL of the monthly indicators (domain.md §6.1). Dates are local
 * YYYY-MM-DD text. The contract statements follow jy-contract-counts.c,
 * whose counts are tested against core's per-resident definition. */

#define RESIDENT_LIVE "r.status <> 'voided'"
#define CONTRACT_LIVE "c.resident_id NOT IN (SELECT id FROM resident WHERE status = 'voided')"
/* Still registered on the last day of the month. */
#define PRESENT \
  "(r.status = 'active' OR (r.status IN ('moved-out', 'dead', 'lost') AND r.status_date > ?2))"
#define COVERED \
  "(SELECT s.resident_id FROM contract s INDEXED BY report_contract\n" \
  "  WHERE s.cover_last IS NOT NULL AND s.cover_last >= ?2 AND s.start_date <= ?2)"
/* An enrolment managed on the last day of the month. */
#define MANAGED \
  "e.status <> 'entered-in-error' AND e.enrol_date <= ?2 AND (e.end_date IS NULL OR e.end_date > ?2)"
#define RESIDENT_OF_ENROLMENT_LIVE \
  "e.resident_id NOT IN (SELECT id FROM resident WHERE status = 'voided')"
#define REFERRED "(f.action >= 2 OR f.referral_reason IS NOT NULL)"

static const char c01_sql[] =
  "SELECT c.resident_id, c.resident_id, c.team_id, c.doctor_id, 1, 0\n"
  "FROM contract c INDEXED BY report_contract\n"
  "WHERE c.cover_last IS NOT NULL AND c.cover_last >= ?2 AND c.start_date <= ?2 AND " CONTRACT_LIVE;

static const char c02_sql[] =
  "SELECT r.id, r.id, ifnull (r.team_id, 0), 0, r.id IN " COVERED ", 1\n"
  "FROM resident r INDEXED BY report_resident WHERE " RESIDENT_LIVE " AND " PRESENT;

/* Key-population residents registered on the last day (as
 * jy-contract-counts.c): 65+ this year and children under 7 among the
 * active, manual tags in force, and those who left after the day. */
static const char c03_sql[] =
  "SELECT r.id, r.id, ifnull (r.team_id, 0), 0, r.id IN " COVERED ", 1\n"
  "FROM resident r INDEXED BY report_resident\n"
  "WHERE " RESIDENT_LIVE " AND " PRESENT " AND r.birth_date <= ?2\n"
  "  AND (r.birth_date <= ?6 OR r.birth_date > ?7 OR r.id IN (\n"
  "    SELECT g.resident_id FROM resident_tag g\n"
  "    WHERE g.status = 'active' AND instr (?8, ',' || g.tag || ',') > 0 AND g.start_date <= ?2\n"
  "      AND (g.end_date IS NULL OR g.end_date >= ?2)))";

static const char c04_sql[] =
  "SELECT c.resident_id, c.resident_id, c.team_id, c.doctor_id, 1, 0\n"
  "FROM contract c INDEXED BY contract_sign\n"
  "WHERE c.status <> 'voided' AND c.sign_date BETWEEN ?1 AND ?2 AND c.renews_id IS NULL\n"
  "  AND " CONTRACT_LIVE;

static const char c05_sql[] =
  "SELECT c.resident_id, c.resident_id, c.team_id, c.doctor_id, 1, 0\n"
  "FROM contract c INDEXED BY contract_sign\n"
  "WHERE c.status <> 'voided' AND c.sign_date BETWEEN ?1 AND ?2 AND c.renews_id IS NOT NULL\n"
  "  AND " CONTRACT_LIVE;

/* jy_contract_indicator_renewal_cohort(), a contract a row. */
static const char c05r_sql[] =
  "SELECT id, resident_id, team_id, doctor_id, cohort = 2, cohort >= 1 FROM (\n"
  "  SELECT c.id, c.resident_id, c.team_id, c.doctor_id, CASE\n"
  "    WHEN c.termination_date IS NOT NULL AND c.termination_date <= c.end_date THEN 0\n"
  "    WHEN c.renewed_on IS NOT NULL\n"
  "         AND c.renewed_on BETWEEN date (c.end_date, '-' || ?9 || ' days')\n"
  "                              AND date (c.end_date, '+' || ?10 || ' days')\n"
  "         AND c.renewed_on <= ?5 THEN 2\n"
  "    WHEN r.status IN ('dead', 'moved-out') AND r.status_date IS NOT NULL\n"
  "         AND r.status_date <= date (c.end_date, '+' || ?10 || ' days') THEN 0\n"
  "    ELSE 1 END AS cohort\n"
  "  FROM contract c INDEXED BY contract_end CROSS JOIN resident r ON r.id = c.resident_id\n"
  "  WHERE c.status <> 'voided' AND c.end_date BETWEEN ?1 AND ?2 AND " RESIDENT_LIVE ")\n"
  "WHERE cohort >= 1";

static const char c06_sql[] =
  "SELECT c.resident_id, c.resident_id, c.team_id, c.doctor_id, 1, 0\n"
  "FROM contract c INDEXED BY contract_termination\n"
  "WHERE c.termination_date IS NOT NULL AND c.status <> 'voided'\n"
  "  AND c.termination_date BETWEEN ?1 AND ?2 AND (?11 IS NULL OR c.termination_reason = ?11)\n"
  "  AND " CONTRACT_LIVE;

/* Signed throughout [quarter's first day, last] and contacted by the team in it. */
static const char c07_sql[] =
  "SELECT c.resident_id, c.resident_id, c.team_id, c.doctor_id,\n"
  "       c.resident_id IN (SELECT l.resident_id FROM contact_log l INDEXED BY contact_log_date\n"
  "                         WHERE l.status = 'final' AND l.initiated_by = 'team'\n"
  "                           AND l.contact_date BETWEEN ?3 AND ?2), 1\n"
  "FROM contract c INDEXED BY report_contract\n"
  "WHERE c.cover_last IS NOT NULL AND c.cover_last >= ?2 AND c.start_date <= ?2\n"
  "  AND c.run_first <= ?3 AND " CONTRACT_LIVE;

static const char f01_sql[] =
  "SELECT e.resident_id, e.resident_id, ifnull (e.team_id, 0), ifnull (e.doctor_id, 0), 1, 0\n"
  "FROM chronic_enrolment e\n"
  "WHERE e.programme_id = CAST (?11 AS INTEGER) AND " MANAGED " AND " RESIDENT_OF_ENROLMENT_LIVE;

static const char f02_sql[] =
  "SELECT f.id, f.resident_id, ifnull (e.team_id, 0), ifnull (e.doctor_id, 0), 1, 0\n"
  "FROM followup f INDEXED BY report_followup_date\n"
  "  CROSS JOIN chronic_enrolment e ON e.id = f.enrolment_id\n"
  "WHERE f.status = 'final' AND f.visit_date BETWEEN ?1 AND ?2 AND f.mode IN (1, 2)\n"
  "  AND f.outcome = 0 AND f.programme_id = CAST (?11 AS INTEGER) AND " RESIDENT_OF_ENROLMENT_LIVE;

/* Due before the month end with no visit since: the next visit the
 * latest follow-up up to the month end proposed (none: not due), or the
 * enrolment date while there is none. */
static const char f03_sql[] =
  "SELECT e.resident_id, e.resident_id, ifnull (e.team_id, 0), ifnull (e.doctor_id, 0), 1, 0\n"
  "FROM chronic_enrolment e\n"
  "WHERE " MANAGED " AND " RESIDENT_OF_ENROLMENT_LIVE "\n"
  "  AND ifnull ((SELECT ifnull (f.next_visit_date, '9999-12-31')\n"
  "               FROM followup f INDEXED BY report_followup_enrolment\n"
  "               WHERE f.enrolment_id = e.id AND f.visit_date <= ?2 AND f.status = 'final'\n"
  "               ORDER BY f.visit_date DESC, f.id DESC LIMIT 1), e.enrol_date) < ?2";

static const char f08_sql[] =
  "SELECT r.id, r.id, ifnull (r.team_id, 0), 0,\n"
  "       ifnull (r.annual_check_date BETWEEN ?4 AND ?2, 0), 1\n"
  "FROM resident r INDEXED BY report_resident\n"
  "WHERE r.birth_date <= ?6 AND " RESIDENT_LIVE " AND " PRESENT;

/* A visit is one referral, however many diseases its records cover: the
 * records of a resident on one day are one visit. */
static const char r01_sql[] =
  "SELECT min (f.id), f.resident_id, ifnull (e.team_id, 0), ifnull (e.doctor_id, 0), 1, 0\n"
  "FROM followup f INDEXED BY report_followup_date\n"
  "  CROSS JOIN chronic_enrolment e ON e.id = f.enrolment_id\n"
  "WHERE f.status = 'final' AND f.visit_date BETWEEN ?1 AND ?2 AND " REFERRED "\n"
  "  AND " RESIDENT_OF_ENROLMENT_LIVE "\n"
  "GROUP BY f.resident_id, f.visit_date";

static const char r03_sql[] =
  "SELECT min (f.id), f.resident_id, ifnull (e.team_id, 0), ifnull (e.doctor_id, 0),\n"
  "       max (EXISTS (SELECT 1 FROM followup g INDEXED BY report_followup_enrolment\n"
  "                    WHERE g.enrolment_id = f.enrolment_id AND g.visit_date > f.visit_date\n"
  "                      AND g.visit_date <= date (f.visit_date, '+14 days')\n"
  "                      AND g.status = 'final')), 1\n"
  "FROM followup f INDEXED BY report_followup_date\n"
  "  CROSS JOIN chronic_enrolment e ON e.id = f.enrolment_id\n"
  "WHERE f.status = 'final' AND f.visit_date BETWEEN date (?1, '-14 days') AND date (?2, '-14 days')\n"
  "  AND " REFERRED " AND " RESIDENT_OF_ENROLMENT_LIVE "\n"
  "GROUP BY f.resident_id, f.visit_date";

static const char n01_sql[] =
  "SELECT min (f.id), f.resident_id, ifnull (e.team_id, 0), ifnull (e.doctor_id, 0), 1, 0\n"
  "FROM followup f INDEXED BY report_followup_date\n"
  "  CROSS JOIN chronic_enrolment e ON e.id = f.enrolment_id\n"
  "WHERE f.status = 'final' AND f.visit_date BETWEEN ?1 AND ?2 AND f.mode = 2\n"
  "  AND f.author_role = 'nurse' AND " RESIDENT_OF_ENROLMENT_LIVE "\n"
  "GROUP BY f.resident_id, f.visit_date";

static const char n01p_sql[] =
  "SELECT f.resident_id, f.resident_id, ifnull (e.team_id, 0), ifnull (e.doctor_id, 0), 1, 0\n"
  "FROM followup f INDEXED BY report_followup_date\n"
  "  CROSS JOIN chronic_enrolment e ON e.id = f.enrolment_id\n"
  "WHERE f.status = 'final' AND f.visit_date BETWEEN ?1 AND ?2 AND f.mode = 2\n"
  "  AND f.author_role = 'nurse' AND " RESIDENT_OF_ENROLMENT_LIVE;

/* Long prescriptions (§4): a prescription is issued on its issue date;
 * its team and doctor are the ones it names. L03's value is its total
 * days. */
#define LONG_RX_LIVE \
  "x.status <> 'entered-in-error' AND x.resident_id NOT IN (SELECT id FROM resident WHERE status = 'voided')"
#define LONG_RX_ISSUED "x.issue_date BETWEEN ?1 AND ?2 AND " LONG_RX_LIVE

static const char l01_sql[] =
  "SELECT x.id, x.resident_id, ifnull (x.team_id, 0), x.doctor_id, 1, 0\n"
  "FROM long_rx x INDEXED BY report_long_rx_issue WHERE " LONG_RX_ISSUED;

static const char l01p_sql[] =
  "SELECT x.resident_id, x.resident_id, ifnull (x.team_id, 0), x.doctor_id, 1, 0\n"
  "FROM long_rx x INDEXED BY report_long_rx_issue WHERE " LONG_RX_ISSUED;

static const char l02_sql[] =
  "SELECT x.id, x.resident_id, ifnull (x.team_id, 0), x.doctor_id, x.total_days > 28, 1\n"
  "FROM long_rx x INDEXED BY report_long_rx_issue WHERE " LONG_RX_ISSUED;

static const char l03_sql[] =
  "SELECT x.id, x.resident_id, ifnull (x.team_id, 0), x.doctor_id, 1, 1, x.total_days\n"
  "FROM long_rx x INDEXED BY report_long_rx_issue WHERE " LONG_RX_ISSUED;

/* Instalments handed to a proxy (代取药, §4.5) in the month. */
static const char l04_sql[] =
  "SELECT d.id, d.resident_id, ifnull (x.team_id, 0), x.doctor_id, 1, 0\n"
  "FROM long_rx_dispense d CROSS JOIN long_rx x ON x.id = d.long_rx_id\n"
  "WHERE d.status = 'final' AND d.receiver = 'proxy' AND d.dispense_date BETWEEN ?1 AND ?2\n"
  "  AND " LONG_RX_LIVE;

/* Home beds (§5.5): a bed counts for its resident's team and its
 * responsible doctor. A bed is open from its establishment to the day
 * before its discharge. */
#define HOME_BED_FROM \
  "FROM home_bed b CROSS JOIN resident r ON r.id = b.resident_id\n" \
  "WHERE b.status <> 'entered-in-error' AND " RESIDENT_LIVE
#define HOME_BED_WHO "ifnull (r.team_id, 0), b.doctor_id"

static const char h01_sql[] =
  "SELECT b.resident_id, b.resident_id, " HOME_BED_WHO ", 1, 0\n"
  HOME_BED_FROM "\n"
  "  AND b.admitted_on <= ?2 AND (b.discharged_on IS NULL OR b.discharged_on > ?2)";

static const char h02n_sql[] =
  "SELECT b.id, b.resident_id, " HOME_BED_WHO ", 1, 0\n"
  HOME_BED_FROM " AND b.admitted_on BETWEEN ?1 AND ?2";

static const char h02d_sql[] =
  "SELECT b.id, b.resident_id, " HOME_BED_WHO ", 1, 0\n"
  HOME_BED_FROM " AND b.discharged_on BETWEEN ?1 AND ?2\n"
  "  AND (?11 IS NULL OR b.discharge_reason = ?11)";

/* Rounds of a kind in ?11 ("13": doctor's and joint rounds, "23":
 * nursing and joint visits), as the bed's due dates count them. */
static const char h03_sql[] =
  "SELECT o.id, o.resident_id, " HOME_BED_WHO ", 1, 0\n"
  "FROM home_bed_round o CROSS JOIN home_bed b ON b.id = o.home_bed_id\n"
  "  CROSS JOIN resident r ON r.id = b.resident_id\n"
  "WHERE o.status = 'final' AND o.round_date BETWEEN ?1 AND ?2 AND instr (?11, o.kind) > 0\n"
  "  AND b.status <> 'entered-in-error' AND " RESIDENT_LIVE;

/* Bed days = discharge − establishment, a same-day bed 1. */
static const char h04_sql[] =
  "SELECT b.id, b.resident_id, " HOME_BED_WHO ", 1, 1,\n"
  "       max (1, CAST (julianday (b.discharged_on) - julianday (b.admitted_on) AS INTEGER))\n"
  HOME_BED_FROM " AND b.discharged_on BETWEEN ?1 AND ?2";

/* §3.7 over the year to the month end: enrolments under management on
 * some day of it, less those ended by death or move-out, with their
 * face-to-face visits (clinic or home, patient seen). Only the
 * enrolments are ordered: sorting each one's visits cost a quarter of
 * the statement, and the reader finds the last visit itself. */
static const char year_cohort_sql[] =
  "SELECT e.id, e.resident_id, ifnull (e.team_id, 0), ifnull (e.doctor_id, 0), e.enrol_date,\n"
  "       r.birth_date, f.visit_date, f.sbp, f.dbp, f.fasting_glucose\n"
  "FROM chronic_enrolment e CROSS JOIN resident r INDEXED BY report_resident_age ON r.id = e.resident_id\n"
  "  LEFT JOIN followup f INDEXED BY report_followup_enrolment ON f.enrolment_id = e.id\n"
  "    AND f.visit_date BETWEEN ?4 AND ?2 AND f.status = 'final' AND f.mode IN (1, 2)\n"
  "    AND f.outcome = 0\n"
  "WHERE e.programme_id = CAST (?11 AS INTEGER) AND e.status <> 'entered-in-error'\n"
  "  AND e.enrol_date <= ?2 AND (e.end_date IS NULL OR e.end_date >= ?4)\n"
  "  AND (e.end_reason IS NULL OR e.end_reason NOT IN ('death', 'moved-out') OR e.end_date > ?2)\n"
  "  AND " RESIDENT_LIVE "\n"
  "ORDER BY e.id";

/* C02, C03 and F08 counted in one pass over the registry, a row per
 * team: (team, doctor, then numerator and denominator of each). Their
 * units are residents, each once, so the sums are the counts; the rows
 * for drill-down stay in c02_sql, c03_sql and f08_sql. Each resident's
 * facts are bits (1 covered, 2 key population, 4 aged 65+, 8 checked
 * this year) of a subquery that LIMIT -1 keeps from being flattened, so
 * the IN lists are built once, not once per use in the sums. */
static const char registry_counts_sql[] =
  "SELECT team, 0, total (bits & 1), count (*), total ((bits & 3) = 3), total ((bits & 2) = 2),\n"
  "       total ((bits & 12) = 12), total ((bits & 4) = 4)\n"
  "FROM (SELECT ifnull (r.team_id, 0) AS team,\n"
  "             (r.id IN " COVERED ")\n"
  "             | (ifnull (r.birth_date <= ?2 AND (r.birth_date <= ?6 OR r.birth_date > ?7 OR r.id IN (\n"
  "                  SELECT g.resident_id FROM resident_tag g\n"
  "                  WHERE g.status = 'active' AND instr (?8, ',' || g.tag || ',') > 0\n"
  "                    AND g.start_date <= ?2 AND (g.end_date IS NULL OR g.end_date >= ?2))), 0) << 1)\n"
  "             | (ifnull (r.birth_date <= ?6, 0) << 2)\n"
  "             | (ifnull (r.annual_check_date BETWEEN ?4 AND ?2, 0) << 3) AS bits\n"
  "      FROM resident r INDEXED BY report_resident WHERE " RESIDENT_LIVE " AND " PRESENT "\n"
  "      LIMIT -1)\n"
  "GROUP BY team";

void
jy_report_format_day (const GDate *date,
                      char         text[11])
{
  g_snprintf (text, 11, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

static gboolean
parse_day (const char *text,
           GDate      *out)
{
  g_date_clear (out, 1);
  return text != NULL && jy_person_parse_date (text, out);
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

static void
bind_window (sqlite3_stmt          *stmt,
             const JyReportMeasure *measure,
             const JyReportWindow  *window,
             const GDate           *as_of)
{
  static const JyContractPolicy policy = JY_CONTRACT_POLICY_DEFAULT;
  g_autofree char *codes = NULL;
  GDate elderly, child;
  char text[11];
  int n = sqlite3_bind_parameter_count (stmt);

  g_date_clear (&elderly, 1);
  g_date_set_dmy (&elderly, 31, G_DATE_DECEMBER, g_date_get_year (&window->last) - 65);
  jy_person_latest_birth_for_age (&window->last, 7, &child);

#define BIND_DATE(i, d) \
  if (n >= (i)) { jy_report_format_day ((d), text); sqlite3_bind_text (stmt, (i), text, -1, SQLITE_TRANSIENT); }
  BIND_DATE (1, &window->first);
  BIND_DATE (2, &window->last);
  BIND_DATE (3, &window->quarter_first);
  BIND_DATE (4, &window->year_first);
  BIND_DATE (5, as_of);
  BIND_DATE (6, &elderly);
  BIND_DATE (7, &child);
#undef BIND_DATE
  if (n >= 8)
    {
      codes = manual_tag_codes ();
      sqlite3_bind_text (stmt, 8, codes, -1, SQLITE_TRANSIENT);
    }
  if (n >= 9)
    sqlite3_bind_int (stmt, 9, (int)policy.renewal_opens_days);
  if (n >= 10)
    sqlite3_bind_int (stmt, 10, (int)policy.renewal_grace_days);
  if (n >= 11)
    {
      if (measure->param != NULL)
        sqlite3_bind_text (stmt, 11, measure->param, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 11);
    }
}

static gboolean
collect_sql (JyDb                  *db,
             const JyReportMeasure *measure,
             const JyReportWindow  *window,
             const GDate           *as_of,
             GArray                *rows,
             GError               **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, measure->sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_window (stmt, measure, window, as_of);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyReportRow row = {
        .unit = sqlite3_column_int64 (stmt, 0),
        .resident = sqlite3_column_int64 (stmt, 1),
        .team = sqlite3_column_int64 (stmt, 2),
        .doctor = sqlite3_column_int64 (stmt, 3),
        .numerator = sqlite3_column_int (stmt, 4) != 0,
        .denominator = sqlite3_column_int (stmt, 5) != 0,
        .value = sqlite3_column_count (stmt) > 6 ? sqlite3_column_int64 (stmt, 6) : 1,
      };

      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  return rc >= 0;
}

/* F04–F07: one row per enrolment of the year's cohort, judged in core. */
static gboolean
collect_year_cohort (JyDb                  *db,
                     const JyReportMeasure *measure,
                     const JyReportWindow  *window,
                     const GDate           *as_of,
                     GArray                *rows,
                     GError               **error)
{
  gboolean htn = g_str_equal (measure->param, "1");
  sqlite3_stmt *stmt = jy_db_prepare (db, year_cohort_sql, error);
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (GDate));
  JyReportRow row = { 0 };
  gint64 current = -1;
  GDate enrol, birth, last_visit;
  /* The last visit's readings: it alone decides control. */
  gboolean have_bp = FALSE, have_glucose = FALSE;
  int sbp = 0, dbp = 0;
  double glucose = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_window (stmt, measure, window, as_of);
  g_date_clear (&last_visit, 1);

#define FLUSH() \
  if (current >= 0) \
    { \
      row.denominator = TRUE; \
      if (g_date_valid (&enrol) && \
          jy_followup_count_norm_visits ((const GDate *)(gpointer)dates->data, dates->len, NULL) >= \
          jy_report_norm_visits_required_to_date (&enrol, &window->year_first, &window->last, 4)) \
        row.flags |= JY_REPORT_FLAG_NORM; \
      if (dates->len > 0 && \
          (htn ? have_bp && g_date_valid (&birth) && \
                 jy_followup_bp_controlled (sbp, dbp, jy_person_age_on (&birth, &last_visit), NULL) \
               : have_glucose && jy_followup_glucose_controlled (glucose, NULL))) \
        row.flags |= JY_REPORT_FLAG_CONTROLLED; \
      row.numerator = (row.flags & measure->flag) != 0; \
      g_array_append_val (rows, row); \
    }

  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GDate visit;

      if (id != current)
        {
          FLUSH ();
          current = id;
          row = (JyReportRow) {
            .unit = sqlite3_column_int64 (stmt, 1),
            .resident = sqlite3_column_int64 (stmt, 1),
            .team = sqlite3_column_int64 (stmt, 2),
            .doctor = sqlite3_column_int64 (stmt, 3),
            .value = 1,
          };
          parse_day ((const char *)sqlite3_column_text (stmt, 4), &enrol);
          parse_day ((const char *)sqlite3_column_text (stmt, 5), &birth);
          g_array_set_size (dates, 0);
          g_date_clear (&last_visit, 1);
        }
      if (!parse_day ((const char *)sqlite3_column_text (stmt, 6), &visit))
        continue;
      g_array_append_val (dates, visit);
      /* The last visit decides, judged once at the flush (of two on the
       * same day, the one read last). */
      if (g_date_valid (&last_visit) && g_date_compare (&visit, &last_visit) < 0)
        continue;
      last_visit = visit;
      have_bp = sqlite3_column_type (stmt, 7) != SQLITE_NULL && sqlite3_column_type (stmt, 8) != SQLITE_NULL;
      sbp = sqlite3_column_int (stmt, 7);
      dbp = sqlite3_column_int (stmt, 8);
      have_glucose = sqlite3_column_type (stmt, 9) != SQLITE_NULL;
      glucose = sqlite3_column_double (stmt, 9);
    }
  if (rc >= 0)
    FLUSH ();
#undef FLUSH
  sqlite3_reset (stmt);
  return rc >= 0;
}

/* Every computed indicator. */
static const JyReportMeasure measures[] = {
  { "C01", c01_sql, NULL, NULL },
  { "C02", c02_sql, NULL, NULL, 0, registry_counts_sql, 0 },
  { "C03", c03_sql, NULL, NULL, 0, registry_counts_sql, 1 },
  { "C04", c04_sql, NULL, NULL },
  { "C05", c05_sql, NULL, NULL },
  { "C05R", c05r_sql, NULL, NULL },
  { "C06", c06_sql, NULL, NULL },
  { "C06-1", c06_sql, "1", NULL },
  { "C06-2", c06_sql, "2", NULL },
  { "C06-3", c06_sql, "3", NULL },
  { "C06-4", c06_sql, "4", NULL },
  { "C06-5", c06_sql, "5", NULL },
  { "C06-9", c06_sql, "9", NULL },
  { "C07", c07_sql, NULL, NULL },
  { "F01H", f01_sql, "1", NULL },
  { "F01D", f01_sql, "2", NULL },
  { "F02H", f02_sql, "1", NULL },
  { "F02D", f02_sql, "2", NULL },
  { "F03", f03_sql, NULL, NULL },
  { "F04", NULL, "1", collect_year_cohort, JY_REPORT_FLAG_NORM },
  { "F05", NULL, "1", collect_year_cohort, JY_REPORT_FLAG_CONTROLLED },
  { "F06", NULL, "2", collect_year_cohort, JY_REPORT_FLAG_NORM },
  { "F07", NULL, "2", collect_year_cohort, JY_REPORT_FLAG_CONTROLLED },
  { "F08", f08_sql, NULL, NULL, 0, registry_counts_sql, 2 },
  { "L01", l01_sql, NULL, NULL },
  { "L01P", l01p_sql, NULL, NULL },
  { "L02", l02_sql, NULL, NULL },
  { "L03", l03_sql, NULL, NULL },
  { "L04", l04_sql, NULL, NULL },
  { "H01", h01_sql, NULL, NULL },
  { "H02N", h02n_sql, NULL, NULL },
  { "H02D", h02d_sql, NULL, NULL },
  { "H02D-1", h02d_sql, "1", NULL },
  { "H02D-2", h02d_sql, "2", NULL },
  { "H02D-3", h02d_sql, "3", NULL },
  { "H02D-4", h02d_sql, "4", NULL },
  { "H02D-5", h02d_sql, "5", NULL },
  { "H02D-6", h02d_sql, "6", NULL },
  { "H02D-7", h02d_sql, "7", NULL },
  { "H02D-9", h02d_sql, "9", NULL },
  { "H03D", h03_sql, "13", NULL },
  { "H03N", h03_sql, "23", NULL },
  { "H04", h04_sql, NULL, NULL },
  { "R01", r01_sql, NULL, NULL },
  { "R03", r03_sql, NULL, NULL },
  { "N01", n01_sql, NULL, NULL },
  { "N01P", n01p_sql, NULL, NULL },
};

const JyReportMeasure *
jy_report_measure_lookup (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    if (g_strcmp0 (measures[i].code, code) == 0)
      return &measures[i];
  return NULL;
}

gboolean
jy_report_measure_collect (JyDb                  *db,
                           const JyReportMeasure *measure,
                           const JyReportWindow  *window,
                           const GDate           *as_of,
                           GArray                *rows,
                           GError               **error)
{
  if (measure->collect != NULL)
    return measure->collect (db, measure, window, as_of, rows, error);
  return collect_sql (db, measure, window, as_of, rows, error);
}

gboolean
jy_report_measure_collect_counts (JyDb                  *db,
                                  const JyReportMeasure *measure,
                                  const JyReportWindow  *window,
                                  const GDate           *as_of,
                                  GArray                *counts,
                                  GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (measure->counts_sql != NULL, FALSE);
  if ((stmt = jy_db_prepare (db, measure->counts_sql, error)) == NULL)
    return FALSE;
  bind_window (stmt, measure, window, as_of);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      int n = sqlite3_column_count (stmt);
      JyReportCount count = {
        .team = sqlite3_column_int64 (stmt, 0),
        .doctor = sqlite3_column_int64 (stmt, 1),
      };

      for (int slot = 0; slot < JY_REPORT_COUNT_SLOTS && 3 + 2 * slot < n; slot++)
        {
          count.numerator[slot] = sqlite3_column_int64 (stmt, 2 + 2 * slot);
          count.denominator[slot] = sqlite3_column_int64 (stmt, 3 + 2 * slot);
        }
      g_array_append_val (counts, count);
    }
  sqlite3_reset (stmt);
  return rc >= 0;
}
