/* test-accounts.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-account-store.h"
#include "jy-store.h"
#include "test-store-fixture.h"
#include "test-util.h"

/* 2026-11-23 08:00 in Beijing, as Unix seconds: the injected clock. */
#define NOW G_GINT64_CONSTANT (1795392000)
#define ADMIN_PASSWORD "Root-key-2026"
#define STAFF_PASSWORD "Ward-round-7"

typedef gboolean (*DbFunc) (JyDb     *db,
                            gpointer  data,
                            GError  **error);

typedef struct
{
  DbFunc   func;
  gpointer data;
} Call;

static gpointer
call_worker (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Call *call = data;

  return call->func (db, call->data, error) ? JY_STORE_DONE : NULL;
}

static gboolean
run (JyTestCentre  *fx,
     DbFunc         func,
     gpointer       data,
     GError       **error)
{
  Call call = { func, data };

  return jy_store_write (fx->store, call_worker, &call, NULL, error) != NULL;
}

/* Sign-in ------------------------------------------------------------------- */

typedef struct
{
  const char             *login;
  const char             *password;
  gint64                  now;
  const JyPasswordPolicy *policy;
  JyLoginResult          *result;
} SignIn;

static gboolean
sign_in_func (JyDb     *db,
              gpointer  data,
              GError  **error)
{
  SignIn *s = data;

  s->result = jy_account_store_sign_in (db, s->login, s->password, s->policy, s->now, error);
  return s->result != NULL;
}

static JyLoginResult *
sign_in (JyTestCentre *fx,
         const char   *login,
         const char   *password,
         gint64        now)
{
  g_autoptr(GError) error = NULL;
  SignIn s = { login, password, now, NULL, NULL };

  g_assert_true (run (fx, sign_in_func, &s, &error));
  g_assert_no_error (error);
  return s.result;
}

static void
fail_times (JyTestCentre *fx,
            const char   *login,
            guint         n,
            gint64        now)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JyLoginResult) result = sign_in (fx, login, "not-it-0", now);

      g_assert_cmpint (result->status, !=, JY_LOGIN_OK);
    }
}

typedef struct
{
  JyAccountSpec spec;
  JyActor      *admin;
} FirstAdmin;

static gboolean
first_admin_func (JyDb     *db,
                  gpointer  data,
                  GError  **error)
{
  FirstAdmin *f = data;

  f->admin = jy_account_store_create_first_admin (db, &f->spec, NULL, NULL, error);
  return f->admin != NULL;
}

/* The first administrator, signed in. */
static JyActor *
make_admin (JyTestCentre *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyActor) nobody = jy_actor_new_nobody ();
  FirstAdmin f = { { (char *)"admin", (char *)"系统管理员", JY_ROLE_ADMIN, 0, (char *)ADMIN_PASSWORD }, NULL };

  jy_store_set_session (fx->store, nobody);
  run (fx, first_admin_func, &f, &error);
  g_assert_no_error (error);
  jy_store_set_session (fx->store, f.admin);
  return f.admin;
}

typedef struct
{
  JyAccountSpec spec;
  gint64        id;
} Add;

static gboolean
add_func (JyDb     *db,
          gpointer  data,
          GError  **error)
{
  Add *a = data;

  a->id = jy_account_store_add (db, &a->spec, NULL, error);
  return a->id > 0;
}

static gint64
add_account (JyTestCentre  *fx,
             const char    *login,
             JyRole         role,
             gint64         team_id,
             GError       **error)
{
  Add a = { { (char *)login, (char *)"测试员工", role, team_id, (char *)STAFF_PASSWORD }, 0 };

  run (fx, add_func, &a, error);
  return a.id;
}

/* Tests ----------------------------------------------------------------------- */

static void
test_first_admin (JyTestCentre  *fx,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyActor) admin = make_admin (fx);
  g_autoptr(JyActor) nobody = jy_actor_new_nobody ();
  FirstAdmin again = { { (char *)"admin2", (char *)"又一个", JY_ROLE_ADMIN, 0, (char *)ADMIN_PASSWORD }, NULL };

  g_assert_cmpint (jy_actor_get_role (admin), ==, JY_ROLE_ADMIN);
  g_assert_cmpstr (jy_actor_get_login (admin), ==, "admin");

  /* A second "first" administrator would be a way in for anyone. */
  jy_store_set_session (fx->store, nobody);
  g_assert_false (run (fx, first_admin_func, &again, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM staff WHERE login = 'admin2'"), ==, 0);
}

static void
test_hash (JyTestCentre  *fx,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyActor) admin = make_admin (fx);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  add_account (fx, "nurse01", JY_ROLE_NURSE, 0, &error);
  g_assert_no_error (error);
  add_account (fx, "nurse02", JY_ROLE_NURSE, 0, &error);
  g_assert_no_error (error);

  first = jy_test_query_text (fx->path, "SELECT password_hash FROM staff WHERE login = 'nurse01'");
  second = jy_test_query_text (fx->path, "SELECT password_hash FROM staff WHERE login = 'nurse02'");
  /* Argon2id, salted: the same password hashes differently. */
  g_assert_true (g_str_has_prefix (first, "$argon2id$"));
  g_assert_cmpstr (first, !=, second);
  g_assert_null (strstr (first, STAFF_PASSWORD));
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM staff WHERE password_hash LIKE '%Ward-round%'"), ==, 0);
}

static void
test_wrong_password (JyTestCentre  *fx,
                     gconstpointer  user_data)
{
  g_autoptr(JyActor) admin = make_admin (fx);
  g_autoptr(JyLoginResult) wrong = sign_in (fx, "admin", "Root-key-2027", NOW);
  g_autoptr(JyLoginResult) unknown = sign_in (fx, "nobody-here", ADMIN_PASSWORD, NOW);
  g_autoptr(JyLoginResult) right = sign_in (fx, "ADMIN ", ADMIN_PASSWORD, NOW);

  g_assert_cmpint (wrong->status, ==, JY_LOGIN_WRONG);
  g_assert_null (wrong->actor);
  g_assert_cmpint (unknown->status, ==, JY_LOGIN_WRONG);
  g_assert_cmpint (right->status, ==, JY_LOGIN_OK);
  g_assert_cmpint (jy_actor_get_role (right->actor), ==, JY_ROLE_ADMIN);

  /* Both failures are in the trail; what was typed as a login is not. */
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE action = 'login-failed'"), ==, 2);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE detail LIKE '%nobody-here%'"), ==, 0);
  g_assert_cmpint (jy_test_count (fx, "SELECT failed_logins FROM staff WHERE login = 'admin'"), ==, 0);
}

static void
test_five_failures_lock (JyTestCentre  *fx,
                         gconstpointer  user_data)
{
  g_autoptr(JyActor) admin = make_admin (fx);

  for (guint i = 1; i <= 4; i++)
    {
      g_autoptr(JyLoginResult) result = sign_in (fx, "admin", "not-it-0", NOW + i);

      g_assert_cmpint (result->status, ==, JY_LOGIN_WRONG);
      g_assert_cmpint (jy_test_count (fx, "SELECT failed_logins FROM staff WHERE login = 'admin'"), ==, i);
    }

  {
    g_autoptr(JyLoginResult) fifth = sign_in (fx, "admin", "not-it-0", NOW + 5);

    g_assert_cmpint (fifth->status, ==, JY_LOGIN_LOCKED);
    g_assert_cmpint (fifth->locked_until, ==, NOW + 5 + 15 * 60);
    g_assert_cmpuint (jy_lockout_minutes_left (fifth->locked_until, NOW + 5), ==, 15);
  }
  g_assert_cmpint (jy_test_count (fx, "SELECT locked_until FROM staff WHERE login = 'admin'"), ==, NOW + 5 + 15 * 60);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE action = 'account-locked'"), ==, 1);
}

static void
test_locked_refuses_right_password (JyTestCentre  *fx,
                                    gconstpointer  user_data)
{
  g_autoptr(JyActor) admin = make_admin (fx);
  gint64 until = NOW + 15 * 60;

  fail_times (fx, "admin", 5, NOW);

  /* One second before the end: still locked, the right password included. */
  {
    g_autoptr(JyLoginResult) early = sign_in (fx, "admin", ADMIN_PASSWORD, until - 1);

    g_assert_cmpint (early->status, ==, JY_LOGIN_LOCKED);
    g_assert_cmpint (early->locked_until, ==, until);
    g_assert_null (early->actor);
  }
  /* When the time is up the right password works and the count restarts. */
  {
    g_autoptr(JyLoginResult) later = sign_in (fx, "admin", ADMIN_PASSWORD, until);

    g_assert_cmpint (later->status, ==, JY_LOGIN_OK);
  }
  g_assert_cmpint (jy_test_count (fx, "SELECT failed_logins + locked_until FROM staff WHERE login = 'admin'"), ==, 0);
}

static void
test_only_admin_adds (JyTestCentre  *fx,
                      gconstpointer  user_data)
{
  static const JyRole others[] = {
    JY_ROLE_NONE, JY_ROLE_DOCTOR, JY_ROLE_NURSE, JY_ROLE_PUBLIC_HEALTH, JY_ROLE_MANAGER,
  };
  g_autoptr(JyActor) admin = make_admin (fx);

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(GError) error = NULL;

      jy_test_act_as (fx, others[i]);
      g_assert_cmpint (add_account (fx, "intruder", JY_ROLE_ADMIN, 0, &error), ==, 0);
      g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
    }
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM staff WHERE login = 'intruder'"), ==, 0);

  jy_store_set_session (fx->store, admin);
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (add_account (fx, "doctor01", JY_ROLE_DOCTOR, fx->team_id, &error), >, 0);
    g_assert_no_error (error);
  }
  /* The new account is created, queued for the platform and audited. */
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM staff WHERE login = 'doctor01' AND role = 'doctor'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM outbox WHERE entity = 'staff'"), ==, 2);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log a JOIN staff s ON s.uuid = a.actor "
                                      "WHERE a.action = 'create' AND a.entity = 'staff' AND s.login = 'admin'"), ==, 1);
}

static void
test_bad_accounts (JyTestCentre  *fx,
                   gconstpointer  user_data)
{
  g_autoptr(JyActor) admin = make_admin (fx);
  g_autoptr(GError) duplicate = NULL;
  g_autoptr(GError) bad_login = NULL;
  g_autoptr(GError) weak = NULL;
  Add a = { { (char *)"doctor02", (char *)"测试", JY_ROLE_DOCTOR, 0, (char *)"12345678" }, 0 };

  g_assert_cmpint (add_account (fx, "Admin", JY_ROLE_DOCTOR, 0, &duplicate), ==, 0);
  g_assert_error (duplicate, JY_STORE_ERROR, JY_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (add_account (fx, "王医生", JY_ROLE_DOCTOR, 0, &bad_login), ==, 0);
  g_assert_error (bad_login, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_false (run (fx, add_func, &a, &weak));
  g_assert_error (weak, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
}

static gboolean
reset_func (JyDb     *db,
            gpointer  data,
            GError  **error)
{
  return jy_account_store_reset_password (db, *(gint64 *)data, "Fresh-start-9", NULL, error);
}

typedef struct
{
  const char    *old_password;
  const char    *new_password;
  JyLoginResult *result;
} Change;

static gboolean
change_func (JyDb     *db,
             gpointer  data,
             GError  **error)
{
  Change *c = data;

  c->result = jy_account_store_change_password (db, c->old_password, c->new_password, NULL, NOW, error);
  return c->result != NULL;
}

static void
test_reset_and_change (JyTestCentre  *fx,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyActor) admin = make_admin (fx);
  gint64 id = add_account (fx, "nurse01", JY_ROLE_NURSE, 0, &error);
  Change wrong = { "Not-my-pass-1", "New-password-2", NULL };
  Change right = { "Fresh-start-9", "New-password-2", NULL };

  fail_times (fx, "nurse01", 5, NOW);
  g_assert_cmpint (jy_test_count (fx, "SELECT locked_until FROM staff WHERE login = 'nurse01'"), >, NOW);

  /* The administrator's reset lifts the lock. */
  jy_store_set_session (fx->store, admin);
  g_assert_true (run (fx, reset_func, &id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JyLoginResult) result = sign_in (fx, "nurse01", "Fresh-start-9", NOW + 1);

    g_assert_cmpint (result->status, ==, JY_LOGIN_OK);
    g_assert_true (result->must_change_password);
    jy_store_set_session (fx->store, result->actor);
  }

  /* Changing it needs the old one; a wrong one counts. */
  g_assert_true (run (fx, change_func, &wrong, &error));
  g_assert_cmpint (wrong.result->status, ==, JY_LOGIN_WRONG);
  g_assert_cmpint (jy_test_count (fx, "SELECT failed_logins FROM staff WHERE login = 'nurse01'"), ==, 1);
  g_assert_true (run (fx, change_func, &right, &error));
  g_assert_cmpint (right.result->status, ==, JY_LOGIN_OK);
  g_assert_cmpint (jy_test_count (fx, "SELECT must_change_password + failed_logins FROM staff WHERE login = 'nurse01'"), ==, 0);
  {
    g_autoptr(JyLoginResult) result = sign_in (fx, "nurse01", "New-password-2", NOW + 2);

    g_assert_cmpint (result->status, ==, JY_LOGIN_OK);
    g_assert_false (result->must_change_password);
  }
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE action IN ('password-reset', 'password-change')"), ==, 2);
  jy_login_result_free (wrong.result);
  jy_login_result_free (right.result);
}

typedef struct
{
  gint64   id;
  gboolean active;
} SetActive;

static gboolean
set_active_func (JyDb     *db,
                 gpointer  data,
                 GError  **error)
{
  SetActive *s = data;

  return jy_account_store_set_active (db, s->id, s->active, error);
}

static void
test_deactivated (JyTestCentre  *fx,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) self_error = NULL;
  g_autoptr(JyActor) admin = make_admin (fx);
  SetActive off = { add_account (fx, "doctor01", JY_ROLE_DOCTOR, 0, &error), FALSE };
  SetActive self = { jy_actor_get_staff_id (admin), FALSE };

  g_assert_true (run (fx, set_active_func, &off, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JyLoginResult) result = sign_in (fx, "doctor01", STAFF_PASSWORD, NOW);
    g_autoptr(JyLoginResult) wrong = sign_in (fx, "doctor01", "not-it-0", NOW);

    g_assert_cmpint (result->status, ==, JY_LOGIN_INACTIVE);
    /* Only the right password learns that. */
    g_assert_cmpint (wrong->status, ==, JY_LOGIN_WRONG);
  }

  jy_store_set_session (fx->store, admin);
  g_assert_false (run (fx, set_active_func, &self, &self_error));
  g_assert_error (self_error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
}

typedef struct
{
  gint64        id;
  JyAccountSpec spec;
} Update;

static gboolean
update_func (JyDb     *db,
             gpointer  data,
             GError  **error)
{
  Update *u = data;

  return jy_account_store_update (db, u->id, &u->spec, error);
}

static void
test_last_admin (JyTestCentre  *fx,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyActor) admin = make_admin (fx);
  Update demote = { jy_actor_get_staff_id (admin), { NULL, (char *)"系统管理员", JY_ROLE_DOCTOR, 0, NULL } };
  gint64 second;

  g_assert_false (run (fx, update_func, &demote, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* With a second administrator, the first may become a doctor. */
  second = add_account (fx, "admin02", JY_ROLE_ADMIN, 0, &error);
  g_assert_cmpint (second, >, 0);
  g_assert_true (run (fx, update_func, &demote, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM staff WHERE login = 'admin' AND role = 'doctor'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE action = 'update' AND entity = 'staff'"
                                      " AND detail LIKE '%\"role\":[\"admin\",\"doctor\"]%'"), ==, 1);
}

static void
test_team (JyTestCentre  *fx,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyActor) admin = make_admin (fx);
  gint64 id = add_account (fx, "doctor01", JY_ROLE_DOCTOR, fx->team_id, &error);
  g_autoptr(JyLoginResult) result = NULL;

  g_assert_cmpint (id, >, 0);
  result = sign_in (fx, "doctor01", STAFF_PASSWORD, NOW);
  g_assert_cmpint (result->status, ==, JY_LOGIN_OK);
  g_assert_cmpint (jy_actor_get_team_id (result->actor), ==, fx->team_id);
  g_assert_cmpint (jy_actor_get_role (result->actor), ==, JY_ROLE_DOCTOR);
  g_assert_cmpstr (jy_actor_get_name (result->actor), ==, "测试员工");
}

/* Leaving a team ends the membership row; the platform hears of it (the
 * team's CareTeam carries its members). */
static void
test_leaving_team_queues_membership (JyTestCentre  *fx,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyActor) admin = make_admin (fx);
  Update leave = { add_account (fx, "doctor01", JY_ROLE_DOCTOR, fx->team_id, &error),
                   { NULL, (char *)"测试员工", JY_ROLE_DOCTOR, 0, NULL } };

  g_assert_cmpint (leave.id, >, 0);
  g_assert_true (run (fx, update_func, &leave, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM team_member WHERE end_date IS NOT NULL"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM outbox o JOIN team_member m ON m.uuid = o.row_uuid\n"
                                      "WHERE o.entity = 'team_member' AND o.op = 'update' AND o.rev = m.rev\n"
                                      "  AND m.end_date IS NOT NULL"), ==, 1);
}

static gboolean
demo_switch_func (JyDb     *db,
                  gpointer  data,
                  GError  **error)
{
  g_autoptr(JyActor) actor = jy_account_store_demo_switch (db, JY_ROLE_ADMIN, error);

  return actor != NULL;
}

static void
test_demo_switch_refused (JyTestCentre  *fx,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyActor) admin = make_admin (fx);
  g_autoptr(JyActor) nobody = jy_actor_new_nobody ();

  /* A real centre has no password-less way in. */
  jy_store_set_session (fx->store, nobody);
  g_assert_false (run (fx, demo_switch_func, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

#define ADD(path, func) \
  g_test_add ("/store/accounts/" path, JyTestCentre, NULL, jy_test_centre_setup, func, jy_test_centre_teardown)
  ADD ("first-admin-once-then-refused", test_first_admin);
  ADD ("passwords-hashed-argon2id-salted", test_hash);
  ADD ("wrong-password-refused", test_wrong_password);
  ADD ("5-failures-lock-for-15-minutes", test_five_failures_lock);
  ADD ("locked-refuses-right-password-until-time-passes", test_locked_refuses_right_password);
  ADD ("only-admin-can-add-accounts", test_only_admin_adds);
  ADD ("duplicate-login-bad-login-weak-password-refused", test_bad_accounts);
  ADD ("reset-lifts-lock-change-needs-old-password", test_reset_and_change);
  ADD ("deactivated-cannot-sign-in-nor-deactivate-self", test_deactivated);
  ADD ("last-admin-stays-admin", test_last_admin);
  ADD ("team-reaches-the-signed-in-actor", test_team);
  ADD ("leaving a team queues the ended membership for the platform", test_leaving_team_queues_membership);
  ADD ("demo-switch-refused-on-a-real-centre", test_demo_switch_refused);
#undef ADD

  return g_test_run ();
}
