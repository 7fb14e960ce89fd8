/* jy-migrations-reports.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-migrations-private.h"

/* Monthly summary (domain.md §6, issue #11): the month's follow-ups by
 * visit date, for F02, R01, R03 and N01 (src/report/jy-report-measures.c
 * names it). No table: the report reads the records of each area. */
const char jy_migration_reports[] =
  "CREATE INDEX report_followup_date ON followup (visit_date) WHERE status = 'final';\n";
