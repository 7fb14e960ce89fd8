/* jy-migrations-reports.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-migrations-private.h"

/* Monthly summary (domain.md §6, issue #11). No table: the report reads
 * the records of each area (src/report/jy-report-measures.c, which names
 * these indexes). Each one covers what its statements read, so a month
 * at 200,000 residents and a million follow-ups reads no table rows
 * (SQLite 3.40 reads the columns of a partial index's WHERE from the
 * table unless the index has them too, hence status):
 *   report_contract   contracts in force on a day (C01, C02, C03, C07),
 *                     with the team and doctor they count under;
 *   report_resident   the registered population on a day by birth date
 *                     (C02, C03, F08);
 *   report_resident_age        a patient's birth date and status by id (F05);
 *   report_followup_date       the month's follow-ups (F02, R01, R03, N01);
 *   report_followup_enrolment  an enrolment's follow-ups up to a day
 *                     (F03's latest visit, the year's visits of F04–F07). */
const char jy_migration_reports[] =
  "CREATE INDEX report_contract ON contract\n"
  "  (cover_last, start_date, run_first, resident_id, team_id, doctor_id)\n"
  "  WHERE cover_last IS NOT NULL;\n"
  "CREATE INDEX report_resident ON resident\n"
  "  (birth_date, status, status_date, team_id, annual_check_date);\n"
  "CREATE INDEX report_resident_age ON resident (id, status, birth_date);\n"
  "CREATE INDEX report_followup_date ON followup\n"
  "  (visit_date, programme_id, mode, outcome, action, author_role, referral_reason,\n"
  "   enrolment_id, resident_id, status)\n"
  "  WHERE status = 'final';\n"
  "CREATE INDEX report_followup_enrolment ON followup\n"
  "  (enrolment_id, visit_date, mode, outcome, next_visit_date, sbp, dbp, fasting_glucose, status)\n"
  "  WHERE status = 'final';\n";

/* Step 12: faster months at 200,000 residents.
 *   report_followup_enrolment gains the id after the visit date, so
 *     F03's "latest visit up to the day, the later record of a day" walks
 *     the index backwards instead of sorting each enrolment's visits
 *     (114 → 51 ms a month);
 *   report_long_rx_issue: the month's prescriptions (L01–L03) were a
 *     scan of every prescription, four times a month. */
const char jy_migration_reports_speed[] =
  "DROP INDEX report_followup_enrolment;\n"
  "CREATE INDEX report_followup_enrolment ON followup\n"
  "  (enrolment_id, visit_date, id, mode, outcome, next_visit_date, sbp, dbp, fasting_glucose, status)\n"
  "  WHERE status = 'final';\n"
  "CREATE INDEX report_long_rx_issue ON long_rx (issue_date, status, resident_id, team_id, doctor_id,\n"
  "  total_days);\n";
