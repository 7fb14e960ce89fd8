/* jy-followup-rules-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-followup-rules.h"

G_BEGIN_DECLS

/* Glucose and temperature are typed with one or two decimals; a value
 * that is 16.7 on paper must count as 16.7 however it reached a double
 * (typed, converted from mg/dL, read back from SQLite). */
#define JY_FOLLOWUP_EPSILON 1e-9

static inline gboolean
jy_followup_at_least (double value,
                      double threshold)
{
  return value >= threshold - JY_FOLLOWUP_EPSILON;
}

static inline gboolean
jy_followup_above (double value,
                   double threshold)
{
  return value > threshold + JY_FOLLOWUP_EPSILON;
}

static inline gboolean
jy_followup_at_most (double value,
                     double threshold)
{
  return value <= threshold + JY_FOLLOWUP_EPSILON;
}

static inline gboolean
jy_followup_below (double value,
                   double threshold)
{
  return value < threshold - JY_FOLLOWUP_EPSILON;
}

/* policy->routine_interval_days within domain.md's 28–90 days. */
int jy_followup_policy_routine_interval (const JyFollowupPolicy *policy);

G_END_DECLS
