/* jy-report-print.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-print-doc.h"
#include "jy-report-engine.h"

G_BEGIN_DECLS

/* The monthly summary on A4 (domain.md §6.2): title with the centre's
 * name, month and window; a table per available section with this month,
 * its numerator/denominator, the previous month and the same month last
 * year; the breakdown by team and doctor; the sections not recorded yet
 * named; the definitions as footnotes; the signing lines and the seal. */
JyPrintDoc *jy_report_print_build      (const JyReportComparison *comparison,
                                        GDateTime                *generated_at);

/* The two tables as CSV (UTF-8 with BOM): the summary, and the breakdown
 * by team and doctor (one row per group and indicator). */
char       *jy_report_summary_csv      (const JyReportComparison *comparison);
char       *jy_report_breakdown_csv    (const JyReport           *report);
/* Writes the summary to @path and the breakdown next to it
 * (name-breakdown.csv); both files appear whole or not at all. */
gboolean    jy_report_write_csv        (const JyReportComparison *comparison,
                                        const char               *path,
                                        char                    **breakdown_path,
                                        GError                  **error);
/* "name.csv" → "name-breakdown.csv". */
char       *jy_report_breakdown_path   (const char               *path);

/* "2026年10月" */
char       *jy_report_format_month     (const JyReportMonth      *month);
/* The printed title: "{centre}家庭医生签约与慢病管理月报表". */
char       *jy_report_title            (const JyReport           *report);

G_END_DECLS
