/* jy-home-bed-policy.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jy-home-bed.h"

/* The values a centre may set (domain.md §5.2 "configurable"): the cycle is
 * up to 90 days (60 in some cities), never shorter than a month. */
static const struct
{
  guint       min;
  guint       max;
  const char *message;
} ranges[] = {
  [JY_HOME_BED_POLICY_CYCLE_DAYS] =
    { 30, 90, N_("The cycle is 30 to 90 days") },
  [JY_HOME_BED_POLICY_ASSESSMENT_DAYS] =
    { 1, 10, N_("The assessment is due within 1 to 10 working days") },
  [JY_HOME_BED_POLICY_ADMISSION_NOTE_HOURS] =
    { 12, 72, N_("The admission note is due within 12 to 72 hours") },
  [JY_HOME_BED_POLICY_DOCTOR_ROUND_DAYS] =
    { 1, 14, N_("A doctor's round is due every 1 to 14 days") },
  [JY_HOME_BED_POLICY_RENEWAL_WINDOW_DAYS] =
    { 1, 21, N_("Renewal opens 1 to 21 days before the cycle end") },
};

void
jy_home_bed_policy_range (JyHomeBedPolicyField  field,
                          guint                *min,
                          guint                *max)
{
  g_return_if_fail (field > JY_HOME_BED_POLICY_OK && field < G_N_ELEMENTS (ranges));

  *min = ranges[field].min;
  *max = ranges[field].max;
}

gboolean
jy_home_bed_policy_value_valid (JyHomeBedPolicyField field,
                                guint                value)
{
  g_return_val_if_fail (field > JY_HOME_BED_POLICY_OK && field < G_N_ELEMENTS (ranges), FALSE);

  return value >= ranges[field].min && value <= ranges[field].max;
}

JyHomeBedPolicyField
jy_home_bed_policy_check (const JyHomeBedPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, JY_HOME_BED_POLICY_CYCLE_DAYS);

  if (!jy_home_bed_policy_value_valid (JY_HOME_BED_POLICY_CYCLE_DAYS, policy->cycle_days))
    return JY_HOME_BED_POLICY_CYCLE_DAYS;
  if (!jy_home_bed_policy_value_valid (JY_HOME_BED_POLICY_ASSESSMENT_DAYS, policy->assessment_working_days))
    return JY_HOME_BED_POLICY_ASSESSMENT_DAYS;
  if (!jy_home_bed_policy_value_valid (JY_HOME_BED_POLICY_ADMISSION_NOTE_HOURS, policy->admission_note_hours))
    return JY_HOME_BED_POLICY_ADMISSION_NOTE_HOURS;
  if (!jy_home_bed_policy_value_valid (JY_HOME_BED_POLICY_DOCTOR_ROUND_DAYS, policy->doctor_round_max_days))
    return JY_HOME_BED_POLICY_DOCTOR_ROUND_DAYS;
  if (!jy_home_bed_policy_value_valid (JY_HOME_BED_POLICY_RENEWAL_WINDOW_DAYS, policy->renewal_window_days))
    return JY_HOME_BED_POLICY_RENEWAL_WINDOW_DAYS;
  return JY_HOME_BED_POLICY_OK;
}

const char *
jy_home_bed_policy_field_message (JyHomeBedPolicyField field)
{
  if (field <= JY_HOME_BED_POLICY_OK || field >= G_N_ELEMENTS (ranges))
    return NULL;
  return ranges[field].message;
}
