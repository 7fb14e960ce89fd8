/* jy-home-bed-print.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-home-bed-store.h"
#include "jy-print-doc.h"

G_BEGIN_DECLS

/* Home-bed prints, A4 (domain.md §5.2): the agreement signed at
 * admission (家庭病床服务协议: services, visit frequency, fees, risks,
 * responsibilities, emergency plan), the home-bed record (admission
 * record, the rounds table, the discharge summary) and the route list of
 * today's rounds for one nurse or doctor, grouped by community and
 * building. @bed is a jy_home_bed_store_load() record. */

JyPrintDoc *jy_home_bed_print_agreement (const JyHomeBedRecord *bed,
                                         const char            *centre_name,
                                         const GDate           *printed_on);
JyPrintDoc *jy_home_bed_print_record    (const JyHomeBedRecord *bed,
                                         const char            *centre_name,
                                         const GDate           *printed_on);
/* @rows: JyHomeBedDueRow in route order (jy_home_bed_store_todays_rounds). */
JyPrintDoc *jy_home_bed_print_route     (GPtrArray             *rows,
                                         const char            *centre_name,
                                         const char            *staff_name,
                                         const GDate           *today);

G_END_DECLS
