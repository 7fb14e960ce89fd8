/* followup-fixtures.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small builders shared by the follow-up rule tests.
 */

#pragma once

#include "jy-followup-rules.h"
#include "jy-person.h"

static inline JyFollowup *
htn_visit (const char *date,
           int         sbp,
           int         dbp)
{
  JyFollowup *f = jy_followup_new (JY_PROGRAMME_HTN);

  f->visit_date = g_strdup (date);
  f->mode = JY_VISIT_MODE_CLINIC;
  f->sbp = sbp;
  f->dbp = dbp;
  return f;
}

static inline JyFollowup *
dm_visit (const char *date,
          double      fasting_glucose)
{
  JyFollowup *f = jy_followup_new (JY_PROGRAMME_T2DM);

  f->visit_date = g_strdup (date);
  f->mode = JY_VISIT_MODE_CLINIC;
  f->sbp = 130;
  f->dbp = 80;
  f->fasting_glucose = fasting_glucose;
  return f;
}

static inline void
assess (const JyFollowup     *visit,
        const JyFollowup     *previous,
        int                   age,
        JyFollowupAssessment *out)
{
  jy_followup_assess (visit, previous, age, jy_followup_policy_default (), out);
}

static inline void
assert_next_visit (const JyFollowupAssessment *a,
                   const char                 *expected)
{
  g_autofree char *got = NULL;

  g_assert_true (g_date_valid (&a->next_visit));
  got = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&a->next_visit),
                         g_date_get_month (&a->next_visit), g_date_get_day (&a->next_visit));
  g_assert_cmpstr (got, ==, expected);
}

static inline GDate
date (const char *iso)
{
  GDate d;

  g_assert_true (jy_person_parse_date (iso, &d));
  return d;
}
