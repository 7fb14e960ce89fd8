/* jy-account-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-centre-store.h"
#include "jy-db.h"
#include "jy-password-policy.h"

G_BEGIN_DECLS

/* Staff accounts (issue #5). An account is a staff row with a login and a
 * password hash: libsodium's crypto_pwhash_str(), Argon2id with a random
 * salt, about 0.1 s and 64 MiB per try, so a stolen database file cannot
 * be guessed through quickly. Wrong passwords are counted in the row and
 * lock the account for a while (JyPasswordPolicy). Accounts are never
 * deleted: deactivated, they keep their name in the audit trail.
 *
 * Every function runs inside a store job. The writes need a write job;
 * hashing makes sign-in and password changes take about 0.1 s of the
 * writer's time. Times are Unix seconds from the caller, so tests choose
 * the clock. */

/* The password of the demo accounts (jiayi --demo only). */
#define JY_ACCOUNT_DEMO_PASSWORD "demo"

typedef struct
{
  gint64    id;
  char     *uuid;
  char     *login;           /* NULL: a staff record without an account */
  char     *name;
  JyRole    role;
  gint64    team_id;         /* 0: no team */
  char     *team_name;
  gboolean  active;
  gboolean  has_password;
  gboolean  must_change_password;
  guint     failed_logins;
  gint64    locked_until;    /* Unix seconds; 0 when not locked */
  char     *last_login_at;   /* UTC ISO 8601 or NULL */
} JyAccount;

void       jy_account_free           (JyAccount *account);

/* What an administrator fills in for a new account (or an edit: login and
 * password are then ignored). */
typedef struct
{
  char   *login;
  char   *name;
  JyRole  role;
  gint64  team_id;      /* 0: no team */
  char   *password;     /* the first password; the person chooses their own at first sign-in */
} JyAccountSpec;

void       jy_account_spec_free      (JyAccountSpec *spec);

/* Before anyone signs in: what the start screen must offer. */
typedef struct
{
  gboolean has_accounts;   /* some active account has a password */
  gboolean has_centre;
  gboolean is_demo;
} JyAccountSetup;

/* JyStoreFunc for jy_store_read(): returns a JyAccountSetup (g_free it). */
gpointer   jy_account_store_load_setup   (JyDb                    *db,
                                          gpointer                 data,
                                          GCancellable            *cancellable,
                                          GError                 **error);

typedef enum
{
  JY_LOGIN_OK,
  /* Unknown login or wrong password: one answer for both. */
  JY_LOGIN_WRONG,
  /* Too many wrong passwords (this one may have been the last): see locked_until. */
  JY_LOGIN_LOCKED,
  /* Deactivated by an administrator. */
  JY_LOGIN_INACTIVE,
} JyLoginStatus;

typedef struct
{
  JyLoginStatus  status;
  JyActor       *actor;                 /* JY_LOGIN_OK: who signed in */
  gboolean       must_change_password;  /* JY_LOGIN_OK: choose a new one now */
  gint64         locked_until;          /* JY_LOGIN_LOCKED */
} JyLoginResult;

void           jy_login_result_free       (JyLoginResult          *result);

/* Checks a password and counts the failure or clears the count, with an
 * audit row either way ("login", "login-failed", "account-locked"). A
 * locked account refuses even the right password until locked_until.
 * @policy: NULL for the default. No permission needed (nobody has signed
 * in); a write job. */
JyLoginResult *jy_account_store_sign_in   (JyDb                    *db,
                                           const char              *login,
                                           const char              *password,
                                           const JyPasswordPolicy  *policy,
                                           gint64                   now,
                                           GError                 **error);
/* "logout" in the audit trail, for the job's session. */
gboolean   jy_account_store_record_sign_out (JyDb                  *db,
                                             GError               **error);

/* First run: creates the first administrator (and names the centre when
 * the database has none yet: @centre is then required). Refused with
 * JY_STORE_ERROR_DENIED once any account exists. Returns the new admin,
 * signed in. */
JyActor   *jy_account_store_create_first_admin (JyDb                    *db,
                                                const JyAccountSpec     *spec,
                                                const JyCentreIdentity  *centre,
                                                const JyPasswordPolicy  *policy,
                                                GError                 **error);

/* The rest need JY_PERMISSION_ACCOUNTS_MANAGE. */
GPtrArray *jy_account_store_list          (JyDb                    *db,
                                           gboolean                 include_inactive,
                                           GError                 **error);
JyAccount *jy_account_store_load          (JyDb                    *db,
                                           gint64                   id,
                                           GError                 **error);
/* Returns the new staff id, 0 on error. JY_STORE_ERROR_DUPLICATE when the
 * login is taken; _INVALID for a bad login, name or password. */
gint64     jy_account_store_add           (JyDb                    *db,
                                           const JyAccountSpec     *spec,
                                           const JyPasswordPolicy  *policy,
                                           GError                 **error);
/* Name, role and team. The last active administrator stays one. */
gboolean   jy_account_store_update        (JyDb                    *db,
                                           gint64                   id,
                                           const JyAccountSpec     *spec,
                                           GError                 **error);
/* Nobody deactivates their own account or the last active administrator. */
gboolean   jy_account_store_set_active    (JyDb                    *db,
                                           gint64                   id,
                                           gboolean                 active,
                                           GError                 **error);
/* A new password chosen by the administrator; also lifts a lock. The
 * person must choose their own at the next sign-in. */
gboolean   jy_account_store_reset_password (JyDb                   *db,
                                            gint64                  id,
                                            const char             *password,
                                            const JyPasswordPolicy *policy,
                                            GError                **error);

/* The session's own password. A wrong @old_password counts towards the
 * lock like a wrong sign-in, so the answer is a JyLoginResult: JY_LOGIN_OK
 * (changed), _WRONG or _LOCKED (unchanged). A new password that breaks
 * the policy is an error (JY_STORE_ERROR_INVALID); so is a session that is
 * not a staff account (JY_STORE_ERROR_DENIED). */
JyLoginResult *jy_account_store_change_password (JyDb                    *db,
                                                 const char              *old_password,
                                                 const char              *new_password,
                                                 const JyPasswordPolicy  *policy,
                                                 gint64                   now,
                                                 GError                 **error);

/* Demo databases only (meta demo = 1, else JY_STORE_ERROR_DENIED):
 * @setup gives the first account of each role JY_ACCOUNT_DEMO_PASSWORD;
 * @switch signs in as the first active account of @role without one. */
gboolean   jy_account_store_setup_demo    (JyDb                    *db,
                                           GError                 **error);
JyActor   *jy_account_store_demo_switch   (JyDb                    *db,
                                           JyRole                   role,
                                           GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyAccount, jy_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyAccountSpec, jy_account_spec_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyLoginResult, jy_login_result_free)

G_END_DECLS
