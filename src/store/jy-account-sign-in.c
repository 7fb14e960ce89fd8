/* jy-account-sign-in.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-account-store-private.h"

#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "jy-clock.h"
#include "jy-store.h"

/* Signing in, signing out and changing one's own password. Hashing is
 * libsodium's crypto_pwhash_str() at its "interactive" cost (Argon2id,
 * 2 passes over 64 MiB: about 0.1 s on the 2-core reference machine). The
 * hash string carries its salt and cost, so raising the cost later only
 * needs a rehash at the next sign-in (jy_account_needs_rehash). */

#define OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE

/* Checked against when the login is unknown, so a wrong login takes as
 * long to refuse as a wrong password (the hash of nobody's password). */
static const char dummy_hash[] =
  "$argon2id$v=19$m=65536,t=2,p=1$Gz7KmqgYO+MILYxXka8llA$xcGWMxAQC7LhQEC88G9lgFLdRjgkFnIQYP5nCIw/Mec";

static gboolean
ensure_sodium (GError **error)
{
  /* Thread-safe and idempotent: 0 the first time, 1 after. */
  if (sodium_init () < 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_FAILED, "libsodium could not start");
      return FALSE;
    }
  return TRUE;
}

char *
jy_account_hash_password (const char  *password,
                          GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;
  if (crypto_pwhash_str (hash, password, strlen (password), OPSLIMIT, MEMLIMIT) != 0)
    {
      /* The only failure is running out of memory for the 64 MiB. */
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_FAILED,
                   "Not enough memory to hash the password");
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
jy_account_verify_password (const char *hash,
                            const char *password)
{
  if (hash == NULL || password == NULL || !ensure_sodium (NULL))
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

gboolean
jy_account_needs_rehash (const char *hash)
{
  return ensure_sodium (NULL) && crypto_pwhash_str_needs_rehash (hash, OPSLIMIT, MEMLIMIT) != 0;
}

JyActor *
jy_account_load_actor (JyDb     *db,
                       gint64    staff_id,
                       GError  **error)
{
  static const char sql[] =
    "SELECT s.uuid, s.login, s.name, s.role,\n"
    "       ifnull ((SELECT m.team_id FROM team_member m\n"
    "                WHERE m.staff_id = s.id AND m.end_date IS NULL AND m.status = 'active'\n"
    "                ORDER BY m.start_date DESC, m.id DESC LIMIT 1), 0)\n"
    "FROM staff s WHERE s.id = ?1";
  sqlite3_stmt *stmt;
  JyActor *actor = NULL;
  JyRole role;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW && jy_role_from_string ((const char *)sqlite3_column_text (stmt, 3), &role))
    actor = jy_actor_new (staff_id, (const char *)sqlite3_column_text (stmt, 0),
                          (const char *)sqlite3_column_text (stmt, 1),
                          (const char *)sqlite3_column_text (stmt, 2), role,
                          sqlite3_column_int64 (stmt, 4));
  sqlite3_reset (stmt);

  if (actor == NULL)
    g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                 "No staff account %" G_GINT64_FORMAT, staff_id);
  return actor;
}

gboolean
jy_account_audit (JyDb        *db,
                  JyActor     *author,
                  const char  *action,
                  const char  *staff_uuid,
                  const char  *detail,
                  GError     **error)
{
  g_autoptr(JyActor) session = NULL;
  gboolean ok;

  if (author == NULL)
    return jy_store_record_audit (db, action, "staff", staff_uuid, detail, error);

  /* A sign-in is written by the person signing in, not by "nobody". */
  session = jy_actor_ref (jy_db_get_session (db));
  jy_db_set_session (db, author);
  ok = jy_store_record_audit (db, action, "staff", staff_uuid, detail, error);
  jy_db_set_session (db, session);
  return ok;
}

gboolean
jy_account_check_password (const char              *password,
                           const char              *login,
                           const JyPasswordPolicy  *policy,
                           GError                 **error)
{
  JyPasswordProblem problem = jy_password_check (password, login, policy);

  if (problem == JY_PASSWORD_OK)
    return TRUE;
  /* The rule's number, never the password. */
  g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
               "The password breaks rule %d of the password policy", problem);
  return FALSE;
}

void
jy_login_result_free (JyLoginResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->actor, jy_actor_unref);
  g_free (result);
}

static char *
failure_detail (const char *reason,
                guint       failures)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  if (failures > 0)
    {
      json_builder_set_member_name (builder, "failures");
      json_builder_add_int_value (builder, failures);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

typedef struct
{
  gint64    id;
  char     *uuid;
  char     *status;
  char     *hash;
  guint     failed;
  gint64    locked_until;
  gboolean  must_change;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->uuid);
  g_free (row->status);
  g_free (row->hash);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

/* FALSE on a database error; *found says whether there was a row. */
static gboolean
load_row (JyDb        *db,
          const char  *login,
          gint64       id,
          Row         *row,
          gboolean    *found,
          GError     **error)
{
  static const char by_login_sql[] =
    "SELECT id, uuid, status, password_hash, failed_logins, locked_until, must_change_password\n"
    "FROM staff WHERE login = ?1";
  static const char by_id_sql[] =
    "SELECT id, uuid, status, password_hash, failed_logins, locked_until, must_change_password\n"
    "FROM staff WHERE id = ?1";
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, login != NULL ? by_login_sql : by_id_sql, error)) == NULL)
    return FALSE;
  if (login != NULL)
    sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  *found = rc == SQLITE_ROW;
  if (*found)
    {
      row->id = sqlite3_column_int64 (stmt, 0);
      row->uuid = jy_db_column_dup_text (stmt, 1);
      row->status = jy_db_column_dup_text (stmt, 2);
      row->hash = jy_db_column_dup_text (stmt, 3);
      row->failed = (guint)sqlite3_column_int (stmt, 4);
      row->locked_until = sqlite3_column_int64 (stmt, 5);
      row->must_change = sqlite3_column_int (stmt, 6) != 0;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
store_failures (JyDb    *db,
                gint64   id,
                guint    failed,
                gint64   locked_until,
                GError **error)
{
  static const char sql[] = "UPDATE staff SET failed_logins = ?1, locked_until = ?2 WHERE id = ?3";
  sqlite3_stmt *stmt;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int)failed);
  sqlite3_bind_int64 (stmt, 2, locked_until);
  sqlite3_bind_int64 (stmt, 3, id);
  return jy_db_step_done (db, stmt, error);
}

/* A wrong password for a known account: count it, lock on the last one. */
static gboolean
count_failure (JyDb                    *db,
               const Row               *row,
               const JyPasswordPolicy  *policy,
               gint64                   now,
               JyLoginResult           *result,
               GError                 **error)
{
  guint failed = row->failed + 1;
  gint64 until = jy_lockout_after_failure (failed, now, policy);
  g_autofree char *detail = failure_detail ("wrong-password", failed);

  if (until > 0)
    {
      /* The count starts again when the lock ends. */
      result->status = JY_LOGIN_LOCKED;
      result->locked_until = until;
      return store_failures (db, row->id, 0, until, error) &&
             jy_account_audit (db, NULL, "account-locked", row->uuid, detail, error);
    }

  result->status = JY_LOGIN_WRONG;
  return store_failures (db, row->id, failed, 0, error) &&
         jy_account_audit (db, NULL, "login-failed", row->uuid, detail, error);
}

static gboolean
store_new_hash (JyDb        *db,
                gint64       id,
                const char  *password,
                gboolean     must_change,
                GError     **error)
{
  static const char sql[] =
    "UPDATE staff SET password_hash = ?1, must_change_password = ?2, password_changed_at = ?3,\n"
    "  failed_logins = 0, locked_until = 0 WHERE id = ?4";
  g_autofree char *hash = jy_account_hash_password (password, error);
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt;

  if (hash == NULL || (stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, must_change);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, id);
  return jy_db_step_done (db, stmt, error);
}

JyLoginResult *
jy_account_store_sign_in (JyDb                    *db,
                          const char              *login,
                          const char              *password,
                          const JyPasswordPolicy  *policy,
                          gint64                   now,
                          GError                 **error)
{
  static const char success_sql[] =
    "UPDATE staff SET failed_logins = 0, locked_until = 0, last_login_at = ?1 WHERE id = ?2";
  g_autoptr(JyLoginResult) result = g_new0 (JyLoginResult, 1);
  g_autofree char *normalized = jy_login_normalize (login);
  g_autofree char *now_iso = jy_clock_now_utc_iso ();
  g_auto(Row) row = { 0 };
  gboolean found = FALSE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  if (normalized != NULL && !load_row (db, normalized, 0, &row, &found, error))
    return NULL;

  if (!found || row.hash == NULL)
    {
      g_autofree char *detail = failure_detail ("unknown-login", 0);

      /* As slow as a wrong password; what was typed is not kept (it may
       * be the password, typed into the wrong field). */
      jy_account_verify_password (dummy_hash, password);
      result->status = JY_LOGIN_WRONG;
      if (!jy_account_audit (db, NULL, "login-failed", NULL, detail, error))
        return NULL;
      return g_steal_pointer (&result);
    }

  if (jy_lockout_is_locked (row.locked_until, now))
    {
      g_autofree char *detail = failure_detail ("locked", 0);

      /* Not even the right password opens it before the time is up. */
      result->status = JY_LOGIN_LOCKED;
      result->locked_until = row.locked_until;
      if (!jy_account_audit (db, NULL, "login-failed", row.uuid, detail, error))
        return NULL;
      return g_steal_pointer (&result);
    }

  if (!jy_account_verify_password (row.hash, password))
    {
      if (!count_failure (db, &row, policy, now, result, error))
        return NULL;
      return g_steal_pointer (&result);
    }

  /* Only the right password learns that the account was deactivated. */
  if (g_strcmp0 (row.status, "active") != 0)
    {
      g_autofree char *detail = failure_detail ("inactive", 0);

      result->status = JY_LOGIN_INACTIVE;
      if (!jy_account_audit (db, NULL, "login-failed", row.uuid, detail, error))
        return NULL;
      return g_steal_pointer (&result);
    }

  if ((stmt = jy_db_prepare (db, success_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, now_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row.id);
  if (!jy_db_step_done (db, stmt, error))
    return NULL;
  if (jy_account_needs_rehash (row.hash) &&
      !store_new_hash (db, row.id, password, row.must_change, error))
    return NULL;

  if ((result->actor = jy_account_load_actor (db, row.id, error)) == NULL ||
      !jy_account_audit (db, result->actor, "login", row.uuid, NULL, error))
    return NULL;
  result->status = JY_LOGIN_OK;
  result->must_change_password = row.must_change;
  return g_steal_pointer (&result);
}

gboolean
jy_account_store_record_sign_out (JyDb    *db,
                                  GError **error)
{
  JyActor *session = jy_db_get_session (db);

  if (jy_actor_get_staff_id (session) == 0)
    return TRUE;
  return jy_account_audit (db, NULL, "logout", jy_actor_get_uuid (session), NULL, error);
}

JyLoginResult *
jy_account_store_change_password (JyDb                    *db,
                                  const char              *old_password,
                                  const char              *new_password,
                                  const JyPasswordPolicy  *policy,
                                  gint64                   now,
                                  GError                 **error)
{
  g_autoptr(JyLoginResult) result = g_new0 (JyLoginResult, 1);
  JyActor *session = jy_db_get_session (db);
  g_auto(Row) row = { 0 };
  gboolean found = FALSE;

  g_return_val_if_fail (old_password != NULL && new_password != NULL, NULL);

  if (jy_actor_get_staff_id (session) == 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED,
                   "Only a signed-in staff account has a password to change");
      return NULL;
    }
  if (!jy_account_check_password (new_password, jy_actor_get_login (session), policy, error) ||
      !load_row (db, NULL, jy_actor_get_staff_id (session), &row, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "The account is gone");
      return NULL;
    }

  if (jy_lockout_is_locked (row.locked_until, now))
    {
      result->status = JY_LOGIN_LOCKED;
      result->locked_until = row.locked_until;
      return g_steal_pointer (&result);
    }
  /* Someone at an unattended screen must not get to guess freely. */
  if (!jy_account_verify_password (row.hash, old_password))
    {
      if (!count_failure (db, &row, policy, now, result, error))
        return NULL;
      return g_steal_pointer (&result);
    }

  if (!store_new_hash (db, row.id, new_password, FALSE, error) ||
      !jy_account_audit (db, NULL, "password-change", row.uuid, NULL, error))
    return NULL;
  result->status = JY_LOGIN_OK;
  return g_steal_pointer (&result);
}

gboolean
jy_account_is_demo (JyDb      *db,
                    gboolean  *out_demo,
                    GError   **error)
{
  static const char sql[] = "SELECT count(*) FROM meta WHERE key = 'demo' AND value = '1'";
  gint64 n = 0;

  if (!jy_db_query_int64 (db, sql, &n, error))
    return FALSE;
  *out_demo = n > 0;
  return TRUE;
}

/* The first active account of each role a newcomer may want to try. */
static const char demo_account_sql[] =
  "SELECT id FROM staff WHERE role = ?1 AND status = 'active' AND login IS NOT NULL\n"
  "ORDER BY login LIMIT 1";

static gboolean
require_demo (JyDb    *db,
              GError **error)
{
  gboolean demo = FALSE;

  if (!jy_account_is_demo (db, &demo, error))
    return FALSE;
  if (!demo)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED,
                   "Demo accounts exist only in a demo database");
      return FALSE;
    }
  return TRUE;
}

gboolean
jy_account_store_setup_demo (JyDb    *db,
                             GError **error)
{
  static const char sql[] =
    "UPDATE staff SET password_hash = ?1, password_changed_at = ?2 WHERE id = ?3";
  g_autofree char *hash = NULL;
  g_autofree char *now = jy_clock_now_utc_iso ();
  guint n_roles;
  const JyRole *roles = jy_role_get_assignable (&n_roles);

  if (!jy_store_require (db, JY_PERMISSION_ACCOUNTS_MANAGE, error) || !require_demo (db, error) ||
      /* One hash for all: a demo has no secrets to keep. */
      (hash = jy_account_hash_password (JY_ACCOUNT_DEMO_PASSWORD, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < n_roles; i++)
    {
      sqlite3_stmt *stmt = jy_db_prepare (db, demo_account_sql, error);
      gint64 id = 0;
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, jy_role_to_string (roles[i]), -1, SQLITE_STATIC);
      if ((rc = jy_db_step (db, stmt, error)) < 0)
        return FALSE;
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (id == 0)
        continue;

      if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, id);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

JyActor *
jy_account_store_demo_switch (JyDb     *db,
                              JyRole    role,
                              GError  **error)
{
  g_autoptr(JyActor) actor = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (!require_demo (db, error) || (stmt = jy_db_prepare (db, demo_account_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, jy_role_to_string (role), -1, SQLITE_STATIC);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "The demo has no %s account", jy_role_to_string (role));
      return NULL;
    }

  if ((actor = jy_account_load_actor (db, id, error)) == NULL ||
      !jy_account_audit (db, actor, "demo-switch", jy_actor_get_uuid (actor), NULL, error))
    return NULL;
  return g_steal_pointer (&actor);
}
