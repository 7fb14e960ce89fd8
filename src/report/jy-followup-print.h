/* jy-followup-print.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-followup.h"
#include "jy-print-doc.h"

G_BEGIN_DECLS

/* The national follow-up record (高血压患者随访服务记录表 /
 * 2型糖尿病患者随访服务记录表), four visits to a page in date order, as
 * the paper form is laid out: fields down, visits across. @visits holds
 * JyFollowup of one programme (others are skipped); entered-in-error
 * versions are left out. */
JyPrintDoc *jy_followup_print_record (JyProgramme  programme,
                                      GPtrArray   *visits,
                                      const char  *centre_name,
                                      const char  *resident_name,
                                      const char  *archive_no,
                                      const GDate *printed_on);

#define JY_FOLLOWUP_PRINT_VISITS_PER_PAGE 4

G_END_DECLS
