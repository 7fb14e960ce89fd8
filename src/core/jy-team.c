/* jy-team.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-team.h"

#include <glib/gi18n.h>

/* Stored codes (the first three match what the demo generator writes);
 * never change a shipped one. Labels are only marked; the gui translates
 * them with _(). */
static const struct
{
  const char *code;
  const char *label;
} roles[JY_TEAM_ROLE_N] = {
  /* Translators: a role on a family-doctor team, 家庭医生 */
  [JY_TEAM_ROLE_DOCTOR] = { "doctor", N_("Family doctor") },
  /* Translators: a role on a family-doctor team, 乡村医生 */
  [JY_TEAM_ROLE_VILLAGE_DOCTOR] = { "village-doctor", N_("Village doctor") },
  /* Translators: a role on a family-doctor team, 护士 */
  [JY_TEAM_ROLE_NURSE] = { "nurse", N_("Nurse") },
  /* Translators: a role on a family-doctor team, 公卫医师 */
  [JY_TEAM_ROLE_PUBLIC_HEALTH] = { "public-health", N_("Public-health physician") },
  /* Translators: a role on a family-doctor team, 药师 */
  [JY_TEAM_ROLE_PHARMACIST] = { "pharmacist", N_("Pharmacist") },
  /* Translators: a role on a family-doctor team, a hospital specialist advising the team */
  [JY_TEAM_ROLE_SPECIALIST] = { "specialist", N_("Specialist adviser") },
  /* Translators: a role on a family-doctor team, 中医师 */
  [JY_TEAM_ROLE_TCM_DOCTOR] = { "tcm-doctor", N_("TCM doctor") },
  /* Translators: a role on a family-doctor team, 康复治疗师 */
  [JY_TEAM_ROLE_REHABILITATION] = { "rehabilitation", N_("Rehabilitation therapist") },
  /* Translators: a role on a family-doctor team, 健康管理师 */
  [JY_TEAM_ROLE_HEALTH_MANAGER] = { "health-manager", N_("Health manager") },
  /* Translators: a role on a family-doctor team, 心理咨询师 */
  [JY_TEAM_ROLE_PSYCHOLOGIST] = { "psychologist", N_("Psychologist") },
  /* Translators: a role on a family-doctor team, 社工 */
  [JY_TEAM_ROLE_SOCIAL_WORKER] = { "social-worker", N_("Social worker") },
};

static const JyTeamPolicy default_policy = JY_TEAM_POLICY_DEFAULT;

const char *
jy_team_role_to_string (JyTeamRole role)
{
  g_return_val_if_fail (role < JY_TEAM_ROLE_N, NULL);
  return roles[role].code;
}

gboolean
jy_team_role_from_string (const char *code,
                          JyTeamRole *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < JY_TEAM_ROLE_N; i++)
    if (g_strcmp0 (roles[i].code, code) == 0)
      {
        *out = (JyTeamRole)i;
        return TRUE;
      }
  return FALSE;
}

const char *
jy_team_role_get_label (JyTeamRole role)
{
  g_return_val_if_fail (role < JY_TEAM_ROLE_N, NULL);
  return roles[role].label;
}

/* §2.1: the lead is a family doctor, "general practitioner, 乡村医生 or
 * qualified physician"; a TCM general practitioner is recorded as
 * JY_TEAM_ROLE_DOCTOR. A visiting specialist advises, never leads. */
gboolean
jy_team_role_can_lead (JyTeamRole role)
{
  return role == JY_TEAM_ROLE_DOCTOR || role == JY_TEAM_ROLE_VILLAGE_DOCTOR;
}

static gboolean
member_on_team (const JyTeamMember *member,
                const GDate        *reference)
{
  if (!g_date_valid (&member->start) || g_date_compare (&member->start, reference) > 0)
    return FALSE;
  return !g_date_valid (&member->end) || g_date_compare (reference, &member->end) <= 0;
}

/* Checks the team's make-up on @reference (§2.1), counting the members
 * whose period (start and end inclusive) covers that day: one lead who
 * may lead, at least one nurse and at least one public-health physician
 * (the other roles join "as available"). Returns the OR of the
 * JyTeamProblem found, 0 when none. */
guint
jy_team_check (const JyTeamMember *members,
               guint               n_members,
               const GDate        *reference)
{
  guint problems = JY_TEAM_PROBLEM_NONE;
  guint n_leads = 0;
  gboolean nurse = FALSE, public_health = FALSE;

  g_return_val_if_fail (members != NULL || n_members == 0, JY_TEAM_PROBLEM_NO_LEAD);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), JY_TEAM_PROBLEM_NO_LEAD);

  for (guint i = 0; i < n_members; i++)
    {
      const JyTeamMember *member = &members[i];

      if (member->role >= JY_TEAM_ROLE_N || !member_on_team (member, reference))
        continue;
      if (member->is_lead)
        {
          n_leads++;
          if (!jy_team_role_can_lead (member->role))
            problems |= JY_TEAM_PROBLEM_LEAD_NOT_DOCTOR;
        }
      nurse = nurse || member->role == JY_TEAM_ROLE_NURSE;
      public_health = public_health || member->role == JY_TEAM_ROLE_PUBLIC_HEALTH;
    }

  if (n_leads == 0)
    problems |= JY_TEAM_PROBLEM_NO_LEAD;
  else if (n_leads > 1)
    problems |= JY_TEAM_PROBLEM_SEVERAL_LEADS;
  if (!nurse)
    problems |= JY_TEAM_PROBLEM_NO_NURSE;
  if (!public_health)
    problems |= JY_TEAM_PROBLEM_NO_PUBLIC_HEALTH;
  return problems;
}

/* Whether a doctor with @signed_residents is over the cap (§2.1: warn,
 * do not block). 2000 is at the cap, not over it. */
gboolean
jy_team_caseload_exceeded (guint               signed_residents,
                           const JyTeamPolicy *policy)
{
  return signed_residents > (policy != NULL ? policy : &default_policy)->caseload_cap;
}

/* Whether signing one more resident to a doctor who has @signed_residents
 * now would take them over the cap: the signing dialog warns, and the
 * user may go on. */
gboolean
jy_team_signing_exceeds_caseload (guint               signed_residents,
                                  const JyTeamPolicy *policy)
{
  return jy_team_caseload_exceeded (signed_residents + 1, policy);
}
