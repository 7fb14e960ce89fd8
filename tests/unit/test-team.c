/* test-team.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-person.h"
#include "jy-team.h"
#include "test-util.h"

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (jy_person_parse_date (iso, &date));
  return date;
}

static JyTeamMember
member (JyTeamRole  role,
        const char *start,
        const char *end,
        gboolean    is_lead)
{
  JyTeamMember m = { role, day (start), { 0 }, is_lead };

  if (end != NULL)
    m.end = day (end);
  else
    g_date_clear (&m.end, 1);
  return m;
}

static guint
check_on (const JyTeamMember *members,
          guint               n,
          const char         *iso)
{
  GDate date = day (iso);

  return jy_team_check (members, n, &date);
}

static void
test_complete_team (void)
{
  JyTeamMember team[] = {
    member (JY_TEAM_ROLE_DOCTOR, "2025-01-01", NULL, TRUE),
    member (JY_TEAM_ROLE_NURSE, "2025-01-01", NULL, FALSE),
    member (JY_TEAM_ROLE_PUBLIC_HEALTH, "2025-01-01", NULL, FALSE),
    member (JY_TEAM_ROLE_SPECIALIST, "2025-06-01", NULL, FALSE),
  };

  g_assert_cmpuint (check_on (team, G_N_ELEMENTS (team), "2026-01-01"), ==, JY_TEAM_PROBLEM_NONE);
}

static void
test_team_without_lead (void)
{
  JyTeamMember team[] = {
    member (JY_TEAM_ROLE_DOCTOR, "2025-01-01", NULL, FALSE),
    member (JY_TEAM_ROLE_NURSE, "2025-01-01", NULL, FALSE),
    member (JY_TEAM_ROLE_PUBLIC_HEALTH, "2025-01-01", NULL, FALSE),
  };

  g_assert_cmpuint (check_on (team, G_N_ELEMENTS (team), "2026-01-01"), ==, JY_TEAM_PROBLEM_NO_LEAD);
  team[0].is_lead = TRUE;
  team[1].is_lead = TRUE;
  g_assert_cmpuint (check_on (team, G_N_ELEMENTS (team), "2026-01-01"), ==,
                    JY_TEAM_PROBLEM_SEVERAL_LEADS | JY_TEAM_PROBLEM_LEAD_NOT_DOCTOR);
}

static void
test_nurse_cannot_lead (void)
{
  JyTeamMember team[] = {
    member (JY_TEAM_ROLE_NURSE, "2025-01-01", NULL, TRUE),
    member (JY_TEAM_ROLE_PUBLIC_HEALTH, "2025-01-01", NULL, FALSE),
  };

  g_assert_cmpuint (check_on (team, G_N_ELEMENTS (team), "2026-01-01"), ==, JY_TEAM_PROBLEM_LEAD_NOT_DOCTOR);
}

static void
test_who_can_lead (void)
{
  g_assert_true (jy_team_role_can_lead (JY_TEAM_ROLE_DOCTOR));
  g_assert_true (jy_team_role_can_lead (JY_TEAM_ROLE_VILLAGE_DOCTOR));
  g_assert_false (jy_team_role_can_lead (JY_TEAM_ROLE_SPECIALIST));
  g_assert_false (jy_team_role_can_lead (JY_TEAM_ROLE_NURSE));
  g_assert_false (jy_team_role_can_lead (JY_TEAM_ROLE_PUBLIC_HEALTH));
}

static void
test_member_who_left_does_not_count (void)
{
  JyTeamMember team[] = {
    member (JY_TEAM_ROLE_VILLAGE_DOCTOR, "2025-01-01", NULL, TRUE),
    member (JY_TEAM_ROLE_NURSE, "2025-01-01", "2026-03-31", FALSE),
    member (JY_TEAM_ROLE_PUBLIC_HEALTH, "2026-04-01", NULL, FALSE),
  };

  g_assert_cmpuint (check_on (team, G_N_ELEMENTS (team), "2026-03-31"), ==, JY_TEAM_PROBLEM_NO_PUBLIC_HEALTH);
  g_assert_cmpuint (check_on (team, G_N_ELEMENTS (team), "2026-04-01"), ==, JY_TEAM_PROBLEM_NO_NURSE);
}

static void
test_empty_team (void)
{
  g_assert_cmpuint (check_on (NULL, 0, "2026-01-01"), ==,
                    JY_TEAM_PROBLEM_NO_LEAD | JY_TEAM_PROBLEM_NO_NURSE | JY_TEAM_PROBLEM_NO_PUBLIC_HEALTH);
}

static void
test_caseload_cap (void)
{
  JyTeamPolicy policy = JY_TEAM_POLICY_DEFAULT;

  g_assert_false (jy_team_caseload_exceeded (2000, NULL));
  g_assert_true (jy_team_caseload_exceeded (2001, NULL));
  g_assert_false (jy_team_signing_exceeds_caseload (1999, NULL));
  g_assert_true (jy_team_signing_exceeds_caseload (2000, NULL));

  policy.caseload_cap = 1500;
  g_assert_true (jy_team_signing_exceeds_caseload (1500, &policy));
  g_assert_false (jy_team_signing_exceeds_caseload (1499, &policy));
}

static void
test_role_codes (void)
{
  JyTeamRole role;

  for (guint i = 0; i < JY_TEAM_ROLE_N; i++)
    {
      g_assert_true (jy_team_role_from_string (jy_team_role_to_string (i), &role));
      g_assert_cmpint (role, ==, i);
      g_assert_nonnull (jy_team_role_get_label (i));
    }
  /* What the demo generator writes into team_member.role. */
  g_assert_true (jy_team_role_from_string ("doctor", &role));
  g_assert_true (jy_team_role_from_string ("nurse", &role));
  g_assert_true (jy_team_role_from_string ("public-health", &role));
  g_assert_cmpint (role, ==, JY_TEAM_ROLE_PUBLIC_HEALTH);
  g_assert_false (jy_team_role_from_string ("manager", &role));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/team/doctor-lead-nurse-and-public-health-is-complete", test_complete_team);
  g_test_add_func ("/core/team/no-lead-or-two-leads-flagged", test_team_without_lead);
  g_test_add_func ("/core/team/nurse-cannot-lead", test_nurse_cannot_lead);
  g_test_add_func ("/core/team/gp-or-village-doctor-leads-specialist-does-not", test_who_can_lead);
  g_test_add_func ("/core/team/member-counts-from-start-to-end-inclusive", test_member_who_left_does_not_count);
  g_test_add_func ("/core/team/empty-team-lacks-lead-nurse-public-health", test_empty_team);
  g_test_add_func ("/core/team/caseload-2000-at-cap-2001st-signing-warns", test_caseload_cap);
  g_test_add_func ("/core/team/role-codes-round-trip", test_role_codes);

  return g_test_run ();
}
