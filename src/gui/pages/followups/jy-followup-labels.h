/* jy-followup-labels.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-followup-rules.h"

G_BEGIN_DECLS

/* How follow-up codes and rule outcomes read on screen, translated. */
const char *jy_followup_programme_label  (JyProgramme            programme);
const char *jy_followup_class_text      (JyFollowupClass        klass);
const char *jy_followup_action_advice     (JyFollowupAction       action);
const char *jy_followup_field_label      (JyFollowupField        field);
const char *jy_followup_field_unit       (JyFollowupField        field);

/* One line about a past visit for the doctor to compare with:
 * "上次随访 2026-08-20：血压 136/82 mmHg，控制满意". */
char       *jy_followup_summary          (const JyFollowup      *visit);

/* The message shown under a field that core's jy_followup_validate()
 * refused: the rule in plain words. @value is the number typed in the
 * field (JY_UNMEASURED if none or not a number). */
char       *jy_followup_problem_message  (JyFollowupField        field,
                                          JyFollowupProblemKind  kind,
                                          double                 value);

/* A number as typed: ASCII or full-width digits, one decimal point.
 * Empty text gives JY_UNMEASURED. Returns: FALSE if it is not a number. */
gboolean    jy_followup_parse_number     (const char            *text,
                                          double                *out);
/* @value with at most @decimals decimals, no trailing zeros; "" if unmeasured. */
char       *jy_followup_format_number    (double                 value,
                                          int                    decimals);

G_END_DECLS
