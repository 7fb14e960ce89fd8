/* jy-permission.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-permission.h"

#include <glib/gi18n.h>

static const struct
{
  const char *code;
  const char *label;
} roles[JY_N_ROLES] = {
  [JY_ROLE_NONE] = { "none", N_("Not signed in") },
  /* Translators: a staff account's role, 医生 */
  [JY_ROLE_DOCTOR] = { "doctor", N_("Doctor") },
  /* Translators: a staff account's role, 护士 */
  [JY_ROLE_NURSE] = { "nurse", N_("Nurse") },
  /* Translators: a staff account's role, 公卫医师 */
  [JY_ROLE_PUBLIC_HEALTH] = { "public-health", N_("Public-health physician") },
  /* Translators: a staff account's role, the centre's manager (管理人员) */
  [JY_ROLE_MANAGER] = { "manager", N_("Manager") },
  /* Translators: a staff account's role, 系统管理员 */
  [JY_ROLE_ADMIN] = { "admin", N_("Administrator") },
  /* Translators: a staff account's role, 药师 */
  [JY_ROLE_PHARMACIST] = { "pharmacist", N_("Pharmacist") },
  /* Translators: a staff account's role, a hospital specialist advising a team */
  [JY_ROLE_SPECIALIST] = { "specialist", N_("Specialist adviser") },
  /* Translators: the author of a change made by Jiayi itself (import, migration) */
  [JY_ROLE_SYSTEM] = { "system", N_("System") },
};

static const char *const permission_codes[JY_N_PERMISSIONS] = {
  [JY_PERMISSION_RESIDENT_LIST] = "resident-list",
  [JY_PERMISSION_RESIDENT_VIEW] = "resident-view",
  [JY_PERMISSION_RESIDENT_EDIT] = "resident-edit",
  [JY_PERMISSION_RESIDENT_RETIRE] = "resident-retire",
  [JY_PERMISSION_RESIDENT_IMPORT] = "resident-import",
  [JY_PERMISSION_RESIDENT_EXPORT] = "resident-export",
  [JY_PERMISSION_FULL_ID_NUMBER] = "full-id-number",
  [JY_PERMISSION_CONTRACT_SIGN] = "contract-sign",
  [JY_PERMISSION_TEAM_MANAGE] = "team-manage",
  [JY_PERMISSION_CONTRACT_CONTACT] = "contract-contact",
  [JY_PERMISSION_CHRONIC_ENROL] = "chronic-enrol",
  [JY_PERMISSION_FOLLOWUP_RECORD] = "followup-record",
  [JY_PERMISSION_LONG_RX_ISSUE] = "long-rx-issue",
  [JY_PERMISSION_LONG_RX_DISPENSE] = "long-rx-dispense",
  [JY_PERMISSION_HOME_BED_VIEW] = "home-bed-view",
  [JY_PERMISSION_HOME_BED_APPLY] = "home-bed-apply",
  [JY_PERMISSION_HOME_BED_ADMIT] = "home-bed-admit",
  [JY_PERMISSION_HOME_BED_ROUND] = "home-bed-round",
  [JY_PERMISSION_HOME_VISIT] = "home-visit",
  [JY_PERMISSION_REPORTS_VIEW] = "reports-view",
  [JY_PERMISSION_REPORTS_EXPORT] = "reports-export",
  [JY_PERMISSION_SYNC_RUN] = "sync-run",
  [JY_PERMISSION_ACCOUNTS_MANAGE] = "accounts-manage",
  [JY_PERMISSION_AUDIT_VIEW] = "audit-view",
  [JY_PERMISSION_DRUG_CATALOGUE] = "drug-catalogue",
  [JY_PERMISSION_CENTRE_SETTINGS] = "centre-settings",
  [JY_PERMISSION_BACKUP] = "backup",
  [JY_PERMISSION_RESTORE] = "restore",
  [JY_PERMISSION_INTEGRITY_CHECK] = "integrity-check",
};

/* The matrix. One row per permission, one column per staff role; 1 means
 * the role has it. NONE has nothing and SYSTEM everything, so they have
 * no column. Least privilege (PIPL): a role gets what its daily work needs.
 *
 *   doctor         the family doctor: the whole clinical record
 *   nurse          rounds, home visits, contacts; no prescribing, no
 *                  retiring records, no follow-up classification
 *   public-health  records, follow-ups; the only one who imports (建档)
 *   manager        lists and reports; ID numbers stay masked; no edits
 *   admin          accounts, drug catalogue, audit, settings, restore;
 *                  lists with masked IDs, but never a resident's record
 *   pharmacist     dispensing long prescriptions
 *   specialist     advises a team: records, enrolment, follow-ups, long Rx
 */
#define D 0
#define N 1
#define P 2
#define M 3
#define A 4
#define H 5   /* pharmacist */
#define S 6
#define N_STAFF_ROLES 7

static const guint8 matrix[JY_N_PERMISSIONS][N_STAFF_ROLES] = {
  /*                                     D  N  P  M  A  H  S */
  [JY_PERMISSION_RESIDENT_LIST]      = { 1, 1, 1, 1, 1, 1, 1 },
  [JY_PERMISSION_RESIDENT_VIEW]      = { 1, 1, 1, 1, 0, 1, 1 },
  [JY_PERMISSION_RESIDENT_EDIT]      = { 1, 1, 1, 0, 0, 0, 0 },
  [JY_PERMISSION_RESIDENT_RETIRE]    = { 1, 0, 1, 0, 0, 0, 0 },
  [JY_PERMISSION_RESIDENT_IMPORT]    = { 0, 0, 1, 0, 0, 0, 0 },
  [JY_PERMISSION_RESIDENT_EXPORT]    = { 1, 0, 1, 1, 0, 0, 0 },
  [JY_PERMISSION_FULL_ID_NUMBER]     = { 1, 1, 1, 0, 0, 1, 1 },
  [JY_PERMISSION_CONTRACT_SIGN]      = { 1, 0, 1, 0, 0, 0, 0 },
  [JY_PERMISSION_CONTRACT_CONTACT]   = { 1, 1, 1, 0, 0, 0, 0 },
  [JY_PERMISSION_TEAM_MANAGE]        = { 0, 0, 0, 1, 1, 0, 0 },
  [JY_PERMISSION_CHRONIC_ENROL]      = { 1, 0, 1, 0, 0, 0, 1 },
  [JY_PERMISSION_FOLLOWUP_RECORD]    = { 1, 0, 1, 0, 0, 0, 1 },
  [JY_PERMISSION_LONG_RX_ISSUE]      = { 1, 0, 0, 0, 0, 0, 1 },
  [JY_PERMISSION_LONG_RX_DISPENSE]   = { 0, 0, 0, 0, 0, 1, 0 },
  [JY_PERMISSION_HOME_BED_VIEW]      = { 1, 1, 1, 1, 0, 0, 0 },
  [JY_PERMISSION_HOME_BED_APPLY]     = { 1, 1, 1, 0, 0, 0, 0 },
  [JY_PERMISSION_HOME_BED_ADMIT]     = { 1, 0, 0, 0, 0, 0, 0 },
  [JY_PERMISSION_HOME_BED_ROUND]     = { 1, 1, 0, 0, 0, 0, 0 },
  [JY_PERMISSION_HOME_VISIT]         = { 1, 1, 1, 0, 0, 0, 0 },
  [JY_PERMISSION_REPORTS_VIEW]       = { 1, 0, 1, 1, 0, 0, 0 },
  [JY_PERMISSION_REPORTS_EXPORT]     = { 0, 0, 1, 1, 0, 0, 0 },
  [JY_PERMISSION_SYNC_RUN]           = { 1, 1, 1, 1, 1, 1, 1 },
  [JY_PERMISSION_ACCOUNTS_MANAGE]    = { 0, 0, 0, 0, 1, 0, 0 },
  [JY_PERMISSION_AUDIT_VIEW]         = { 0, 0, 0, 0, 1, 0, 0 },
  [JY_PERMISSION_DRUG_CATALOGUE]     = { 0, 0, 0, 0, 1, 0, 0 },
  [JY_PERMISSION_CENTRE_SETTINGS]    = { 0, 0, 0, 0, 1, 0, 0 },
  [JY_PERMISSION_BACKUP]             = { 0, 0, 0, 1, 1, 0, 0 },
  [JY_PERMISSION_RESTORE]            = { 0, 0, 0, 0, 1, 0, 0 },
  [JY_PERMISSION_INTEGRITY_CHECK]    = { 1, 1, 1, 1, 1, 1, 1 },
};

/* JyRole to the matrix's column. */
static const int columns[JY_N_ROLES] = {
  [JY_ROLE_NONE] = -1,
  [JY_ROLE_DOCTOR] = D,
  [JY_ROLE_NURSE] = N,
  [JY_ROLE_PUBLIC_HEALTH] = P,
  [JY_ROLE_MANAGER] = M,
  [JY_ROLE_ADMIN] = A,
  [JY_ROLE_PHARMACIST] = H,
  [JY_ROLE_SPECIALIST] = S,
  [JY_ROLE_SYSTEM] = -1,
};

#undef D
#undef N
#undef P
#undef M
#undef A
#undef H
#undef S

const char *
jy_role_to_string (JyRole role)
{
  g_return_val_if_fail (role < JY_N_ROLES, NULL);
  return roles[role].code;
}

gboolean
jy_role_from_string (const char *code,
                     JyRole     *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (code == NULL)
    return FALSE;
  for (guint i = 0; i < JY_N_ROLES; i++)
    {
      if (g_str_equal (code, roles[i].code))
        {
          *out = (JyRole)i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
jy_role_get_label (JyRole role)
{
  g_return_val_if_fail (role < JY_N_ROLES, NULL);
  return roles[role].label;
}

const JyRole *
jy_role_get_assignable (guint *n_roles)
{
  static const JyRole assignable[] = {
    JY_ROLE_DOCTOR, JY_ROLE_NURSE, JY_ROLE_PUBLIC_HEALTH, JY_ROLE_MANAGER, JY_ROLE_ADMIN,
  };

  g_return_val_if_fail (n_roles != NULL, NULL);
  *n_roles = G_N_ELEMENTS (assignable);
  return assignable;
}

const char *
jy_permission_to_string (JyPermission permission)
{
  g_return_val_if_fail (permission < JY_N_PERMISSIONS, NULL);
  return permission_codes[permission];
}

gboolean
jy_permission_from_string (const char   *code,
                           JyPermission *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (code == NULL)
    return FALSE;
  for (guint i = 0; i < JY_N_PERMISSIONS; i++)
    {
      if (g_str_equal (code, permission_codes[i]))
        {
          *out = (JyPermission)i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
jy_permission_role_can (JyRole       role,
                        JyPermission permission)
{
  g_return_val_if_fail (role < JY_N_ROLES, FALSE);
  g_return_val_if_fail (permission < JY_N_PERMISSIONS, FALSE);

  if (role == JY_ROLE_SYSTEM)
    return TRUE;
  if (columns[role] < 0)
    return FALSE;
  return matrix[permission][columns[role]] != 0;
}

gboolean
jy_permission_can_see_full_id (JyRole role)
{
  return jy_permission_role_can (role, JY_PERMISSION_FULL_ID_NUMBER);
}
