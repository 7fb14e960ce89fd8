/* jy-permission.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who may do what (architecture.md, "Users and security"). A staff
 * account has one role; the role decides its permissions through one
 * table in jy-permission.c, read as a matrix. The store checks a
 * permission at the top of every function that reads or writes personal
 * data (jy_store_require), so hiding a button is never the only guard. */

/* Codes 1–7 are staff.role values; never change a shipped code. */
typedef enum
{
  /* Nobody signed in (the login screen): no permission at all. */
  JY_ROLE_NONE,
  JY_ROLE_DOCTOR,           /* 医生: the family doctor */
  JY_ROLE_NURSE,            /* 护士 */
  JY_ROLE_PUBLIC_HEALTH,    /* 公卫医师 */
  JY_ROLE_MANAGER,          /* 管理人员: the centre's manager */
  JY_ROLE_ADMIN,            /* 系统管理员 */
  JY_ROLE_PHARMACIST,       /* 药师 */
  JY_ROLE_SPECIALIST,       /* 专科医生 advising a team */
  /* The program itself: the headless subcommands, migrations, the demo
   * generator, tests. Every permission; whoever runs it has the file. */
  JY_ROLE_SYSTEM,
  JY_N_ROLES
} JyRole;

typedef enum
{
  /* Residents (居民健康档案) */
  JY_PERMISSION_RESIDENT_LIST,       /* lists and search, ID numbers masked */
  JY_PERMISSION_RESIDENT_VIEW,       /* open one resident's record (audited) */
  JY_PERMISSION_RESIDENT_EDIT,       /* register, edit, key-population tags */
  JY_PERMISSION_RESIDENT_RETIRE,     /* moved out, dead, lost */
  JY_PERMISSION_RESIDENT_IMPORT,
  JY_PERMISSION_RESIDENT_EXPORT,     /* a CSV of residents, IDs masked */
  JY_PERMISSION_FULL_ID_NUMBER,      /* whole ID numbers anywhere */
  /* Family-doctor contracts */
  JY_PERMISSION_CONTRACT_SIGN,       /* sign, renew, terminate */
  JY_PERMISSION_CONTRACT_CONTACT,    /* log a contact */
  JY_PERMISSION_TEAM_MANAGE,         /* create and edit teams, move residents between them */
  /* Chronic diseases */
  JY_PERMISSION_CHRONIC_ENROL,
  JY_PERMISSION_FOLLOWUP_RECORD,
  /* Long prescriptions */
  JY_PERMISSION_LONG_RX_ISSUE,
  JY_PERMISSION_LONG_RX_DISPENSE,
  /* Home beds and home visits */
  JY_PERMISSION_HOME_BED_VIEW,       /* today's rounds, census, a bed's record */
  JY_PERMISSION_HOME_BED_APPLY,      /* register an application */
  JY_PERMISSION_HOME_BED_ADMIT,      /* assess, establish, extend, discharge */
  JY_PERMISSION_HOME_BED_ROUND,      /* a ward round at the bedside */
  JY_PERMISSION_HOME_VISIT,
  /* Reports */
  JY_PERMISSION_REPORTS_VIEW,
  JY_PERMISSION_REPORTS_EXPORT,
  JY_PERMISSION_SYNC_RUN,
  /* Administration */
  JY_PERMISSION_ACCOUNTS_MANAGE,
  JY_PERMISSION_AUDIT_VIEW,
  JY_PERMISSION_DRUG_CATALOGUE,
  JY_PERMISSION_CENTRE_SETTINGS,
  JY_PERMISSION_BACKUP,
  JY_PERMISSION_RESTORE,
  JY_PERMISSION_INTEGRITY_CHECK,
  JY_N_PERMISSIONS
} JyPermission;

const char *jy_role_to_string                (JyRole        role);
gboolean    jy_role_from_string              (const char   *code,
                                              JyRole       *out);
/* Untranslated (N_); the gui passes it through _(). */
const char *jy_role_get_label                (JyRole        role);
/* The roles an administrator gives a new account, in menu order. */
const JyRole *jy_role_get_assignable         (guint        *n_roles);

const char *jy_permission_to_string          (JyPermission  permission);
gboolean    jy_permission_from_string        (const char   *code,
                                              JyPermission *out);

gboolean    jy_permission_role_can           (JyRole        role,
                                              JyPermission  permission);
/* Shorthand for JY_PERMISSION_FULL_ID_NUMBER: whether the role sees a
 * whole ID number or 3502**********1234 in lists, records and exports. */
gboolean    jy_permission_can_see_full_id    (JyRole        role);

G_END_DECLS
