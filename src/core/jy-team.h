/* jy-team.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Family-doctor teams (家庭医生团队, domain.md §2.1): who may lead, who
 * must be on the team, and the caseload cap per doctor. */

/* A member's role on the team; codes are stored in team_member.role. */
typedef enum
{
  JY_TEAM_ROLE_DOCTOR,            /* 家庭医生: general practitioner or qualified physician */
  JY_TEAM_ROLE_VILLAGE_DOCTOR,    /* 乡村医生 */
  JY_TEAM_ROLE_NURSE,             /* 护士 */
  JY_TEAM_ROLE_PUBLIC_HEALTH,     /* 公卫医师 */
  JY_TEAM_ROLE_PHARMACIST,        /* 药师 */
  JY_TEAM_ROLE_SPECIALIST,        /* 专科医生 from a secondary/tertiary hospital */
  JY_TEAM_ROLE_TCM_DOCTOR,        /* 中医师 */
  JY_TEAM_ROLE_REHABILITATION,    /* 康复治疗师 */
  JY_TEAM_ROLE_HEALTH_MANAGER,    /* 健康管理师 */
  JY_TEAM_ROLE_PSYCHOLOGIST,      /* 心理咨询师 */
  JY_TEAM_ROLE_SOCIAL_WORKER,     /* 社工 */
  JY_TEAM_ROLE_N
} JyTeamRole;

typedef struct
{
  JyTeamRole role;
  GDate      start;
  GDate      end;       /* invalid (g_date_clear) = still on the team */
  gboolean   is_lead;   /* team.lead_staff_id */
} JyTeamMember;

/* What jy_team_check() found; several can be set at once. */
typedef enum
{
  JY_TEAM_PROBLEM_NONE             = 0,
  JY_TEAM_PROBLEM_NO_LEAD          = 1 << 0,
  JY_TEAM_PROBLEM_SEVERAL_LEADS    = 1 << 1,
  /* The lead must be a family doctor: GP, qualified physician or village doctor. */
  JY_TEAM_PROBLEM_LEAD_NOT_DOCTOR  = 1 << 2,
  JY_TEAM_PROBLEM_NO_NURSE         = 1 << 3,
  JY_TEAM_PROBLEM_NO_PUBLIC_HEALTH = 1 << 4,
} JyTeamProblem;

typedef struct
{
  /* Signed residents per responsible doctor before the app warns
   * (configurable; default 2000). A warning, never a refusal. */
  guint caseload_cap;
} JyTeamPolicy;

#define JY_TEAM_POLICY_DEFAULT ((JyTeamPolicy) { .caseload_cap = 2000 })

const char *jy_team_role_to_string           (JyTeamRole          role);
gboolean    jy_team_role_from_string         (const char         *code,
                                              JyTeamRole         *out);
const char *jy_team_role_get_label           (JyTeamRole          role);
gboolean    jy_team_role_can_lead            (JyTeamRole          role);

guint       jy_team_check                    (const JyTeamMember *members,
                                              guint               n_members,
                                              const GDate        *reference);
gboolean    jy_team_caseload_exceeded        (guint               signed_residents,
                                              const JyTeamPolicy *policy);
gboolean    jy_team_signing_exceeds_caseload (guint               signed_residents,
                                              const JyTeamPolicy *policy);

G_END_DECLS
