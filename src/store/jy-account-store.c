/* jy-account-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-account-store-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "jy-clock.h"
#include "jy-store.h"

/* Creating and administering accounts. Signing in, passwords and the demo
 * accounts are in jy-account-sign-in.c. */

#define MAX_NAME_CHARS 30

void
jy_account_free (JyAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->uuid);
  g_free (account->login);
  g_free (account->name);
  g_free (account->team_name);
  g_free (account->last_login_at);
  g_free (account);
}

void
jy_account_spec_free (JyAccountSpec *spec)
{
  if (spec == NULL)
    return;
  g_free (spec->login);
  g_free (spec->name);
  if (spec->password != NULL)
    memset (spec->password, 0, strlen (spec->password));
  g_free (spec->password);
  g_free (spec);
}

gpointer
jy_account_store_load_setup (JyDb          *db,
                             gpointer       data,
                             GCancellable  *cancellable,
                             GError       **error)
{
  static const char accounts_sql[] =
    "SELECT EXISTS (SELECT 1 FROM staff WHERE status = 'active' AND login IS NOT NULL\n"
    "               AND password_hash IS NOT NULL)";
  static const char centre_sql[] =
    "SELECT EXISTS (SELECT 1 FROM site WHERE kind = 'centre' AND parent_id IS NULL)";
  g_autofree JyAccountSetup *setup = g_new0 (JyAccountSetup, 1);
  gint64 accounts = 0, centre = 0;

  /* No permission: this is what the screen before signing in needs. */
  if (!jy_db_query_int64 (db, accounts_sql, &accounts, error) ||
      !jy_db_query_int64 (db, centre_sql, &centre, error) ||
      !jy_account_is_demo (db, &setup->is_demo, error))
    return NULL;
  setup->has_accounts = accounts != 0;
  setup->has_centre = centre != 0;
  return g_steal_pointer (&setup);
}

static JyAccount *
account_from_statement (sqlite3_stmt *stmt)
{
  JyAccount *account = g_new0 (JyAccount, 1);

  account->id = sqlite3_column_int64 (stmt, 0);
  account->uuid = jy_db_column_dup_text (stmt, 1);
  account->login = jy_db_column_dup_text (stmt, 2);
  account->name = jy_db_column_dup_text (stmt, 3);
  if (!jy_role_from_string ((const char *)sqlite3_column_text (stmt, 4), &account->role))
    account->role = JY_ROLE_NONE;
  account->active = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 5), "active") == 0;
  account->has_password = sqlite3_column_int (stmt, 6) != 0;
  account->must_change_password = sqlite3_column_int (stmt, 7) != 0;
  account->failed_logins = (guint)sqlite3_column_int (stmt, 8);
  account->locked_until = sqlite3_column_int64 (stmt, 9);
  account->last_login_at = jy_db_column_dup_text (stmt, 10);
  account->team_id = sqlite3_column_int64 (stmt, 11);
  account->team_name = jy_db_column_dup_text (stmt, 12);
  return account;
}

GPtrArray *
jy_account_store_list (JyDb      *db,
                       gboolean   include_inactive,
                       GError   **error)
{
  static const char sql[] =
    "SELECT s.id, s.uuid, s.login, s.name, s.role, s.status, s.password_hash IS NOT NULL,\n"
    "       s.must_change_password, s.failed_logins, s.locked_until, s.last_login_at,\n"
    "       m.team_id, t.name\n"
    "FROM staff s\n"
    "LEFT JOIN team_member m ON m.id = (SELECT id FROM team_member WHERE staff_id = s.id\n"
    "  AND end_date IS NULL AND status = 'active' ORDER BY start_date DESC, id DESC LIMIT 1)\n"
    "LEFT JOIN team t ON t.id = m.team_id\n"
    "WHERE s.status <> 'voided' AND (?1 OR s.status = 'active')\n"
    "ORDER BY s.status = 'active' DESC, s.login IS NULL, s.login, s.id";
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_account_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_ACCOUNTS_MANAGE, error) ||
      (stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_inactive);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (accounts, account_from_statement (stmt));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&accounts);
}

static JyAccount *
load_account (JyDb     *db,
              gint64    id,
              GError  **error)
{
  static const char sql[] =
    "SELECT s.id, s.uuid, s.login, s.name, s.role, s.status, s.password_hash IS NOT NULL,\n"
    "       s.must_change_password, s.failed_logins, s.locked_until, s.last_login_at,\n"
    "       m.team_id, t.name\n"
    "FROM staff s\n"
    "LEFT JOIN team_member m ON m.id = (SELECT id FROM team_member WHERE staff_id = s.id\n"
    "  AND end_date IS NULL AND status = 'active' ORDER BY start_date DESC, id DESC LIMIT 1)\n"
    "LEFT JOIN team t ON t.id = m.team_id\n"
    "WHERE s.id = ?1";
  sqlite3_stmt *stmt;
  JyAccount *account = NULL;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    account = account_from_statement (stmt);
  sqlite3_reset (stmt);
  if (account == NULL)
    g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                 "No staff account %" G_GINT64_FORMAT, id);
  return account;
}

JyAccount *
jy_account_store_load (JyDb     *db,
                       gint64    id,
                       GError  **error)
{
  if (!jy_store_require (db, JY_PERMISSION_ACCOUNTS_MANAGE, error))
    return NULL;
  return load_account (db, id, error);
}

static gboolean
check_spec (const JyAccountSpec  *spec,
            GError              **error)
{
  g_autofree char *name = g_strstrip (g_strdup (spec->name != NULL ? spec->name : ""));

  if (name[0] == '\0' || g_utf8_strlen (name, -1) > MAX_NAME_CHARS ||
      spec->role == JY_ROLE_NONE || spec->role == JY_ROLE_SYSTEM || spec->role >= JY_N_ROLES)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "An account needs a name of 1 to %d characters and a staff role", MAX_NAME_CHARS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_team (JyDb     *db,
            gint64    team_id,
            GError  **error)
{
  static const char sql[] = "SELECT count(*) FROM team WHERE id = ?1 AND status = 'active'";
  sqlite3_stmt *stmt;
  gboolean found;

  if (team_id == 0)
    return TRUE;
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, team_id);
  if (jy_db_step (db, stmt, error) < 0)
    return FALSE;
  found = sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, "No such team");
  return found;
}

/* Ends the current team membership and starts @team_id's (0: none). */
static gboolean
move_to_team (JyDb     *db,
              gint64    staff_id,
              JyRole    role,
              gint64    team_id,
              GError  **error)
{
  static const char end_sql[] =
    "UPDATE team_member SET end_date = ?1, rev = rev + 1, updated_at = ?2\n"
    "WHERE staff_id = ?3 AND end_date IS NULL RETURNING uuid, rev";
  static const char insert_sql[] =
    "INSERT INTO team_member (uuid, created_at, updated_at, created_by, team_id, staff_id,\n"
    "  role, start_date) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *date = jy_clock_format_date (today);
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  g_autoptr(GPtrArray) ended = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, end_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  /* Each ended membership is a change the platform must hear of (the
   * team's CareTeam carries it). */
  ended = g_ptr_array_new_with_free_func (g_free);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_ptr_array_add (ended, jy_db_column_dup_text (stmt, 0));
      g_ptr_array_add (ended, g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)sqlite3_column_int64 (stmt, 1)));
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  for (guint i = 0; i + 1 < ended->len; i += 2)
    if (!jy_store_record_change (db, "team_member", g_ptr_array_index (ended, i), JY_CHANGE_UPDATE,
                                 g_ascii_strtoll (g_ptr_array_index (ended, i + 1), NULL, 10),
                                 NULL, error))
      return FALSE;
  if (team_id == 0)
    return TRUE;

  uuid = g_uuid_string_random ();
  if ((stmt = jy_db_prepare (db, insert_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, team_id);
  sqlite3_bind_int64 (stmt, 5, staff_id);
  /* The team roles share their codes with the account roles. */
  sqlite3_bind_text (stmt, 6, jy_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, date, -1, SQLITE_TRANSIENT);
  return jy_db_step_done (db, stmt, error) &&
         jy_store_record_change (db, "team_member", uuid, JY_CHANGE_CREATE, 1, NULL, error);
}

static char *
describe_account (const JyAccountSpec *spec,
                  const char          *login)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "login");
  json_builder_add_string_value (builder, login);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, spec->name);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, jy_role_to_string (spec->role));
  json_builder_set_member_name (builder, "team_id");
  json_builder_add_int_value (builder, spec->team_id);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Inserts the staff row with its first password. Returns its id, 0 on error. */
static gint64
insert_account (JyDb                    *db,
                const JyAccountSpec     *spec,
                gboolean                 must_change,
                const JyPasswordPolicy  *policy,
                GError                 **error)
{
  static const char centre_sql[] =
    "SELECT id FROM site WHERE kind = 'centre' AND parent_id IS NULL ORDER BY id LIMIT 1";
  static const char taken_sql[] = "SELECT count(*) FROM staff WHERE login = ?1";
  static const char insert_sql[] =
    "INSERT INTO staff (uuid, created_at, updated_at, created_by, site_id, name, role, login,\n"
    "  password_hash, must_change_password, password_changed_at)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?2)";
  g_autofree char *login = jy_login_normalize (spec->login);
  g_autofree char *name = g_strstrip (g_strdup (spec->name != NULL ? spec->name : ""));
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *hash = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 site_id = 0;
  gint64 taken = 0;
  gint64 id;

  if (!check_spec (spec, error))
    return 0;
  if (login == NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "A login is 2 to 32 letters, digits, dots, dashes or underscores");
      return 0;
    }
  if (!jy_account_check_password (spec->password, login, policy, error) ||
      !check_team (db, spec->team_id, error) ||
      !jy_db_query_int64 (db, centre_sql, &site_id, error))
    return 0;
  if (site_id == 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "The centre has not been named yet");
      return 0;
    }
  if ((stmt = jy_db_prepare (db, taken_sql, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  if (jy_db_step (db, stmt, error) < 0)
    return 0;
  taken = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (taken > 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DUPLICATE, "The login is taken");
      return 0;
    }

  if ((hash = jy_account_hash_password (spec->password, error)) == NULL ||
      (stmt = jy_db_prepare (db, insert_sql, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, site_id);
  sqlite3_bind_text (stmt, 5, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, jy_role_to_string (spec->role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 9, must_change);
  if (!jy_db_step_done (db, stmt, error))
    return 0;
  id = jy_db_last_insert_rowid (db);

  detail = describe_account (spec, login);
  if (!move_to_team (db, id, spec->role, spec->team_id, error) ||
      !jy_store_record_change (db, "staff", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return 0;
  return id;
}

gint64
jy_account_store_add (JyDb                    *db,
                      const JyAccountSpec     *spec,
                      const JyPasswordPolicy  *policy,
                      GError                 **error)
{
  g_return_val_if_fail (spec != NULL, 0);

  if (!jy_store_require (db, JY_PERMISSION_ACCOUNTS_MANAGE, error))
    return 0;
  /* The administrator chose the first password: the person replaces it. */
  return insert_account (db, spec, TRUE, policy, error);
}

JyActor *
jy_account_store_create_first_admin (JyDb                    *db,
                                     const JyAccountSpec     *spec,
                                     const JyCentreIdentity  *centre,
                                     const JyPasswordPolicy  *policy,
                                     GError                 **error)
{
  g_autofree JyAccountSetup *setup = NULL;
  g_autoptr(JyActor) admin = NULL;
  JyAccountSpec admin_spec;
  gint64 id;

  g_return_val_if_fail (spec != NULL, NULL);

  if ((setup = jy_account_store_load_setup (db, NULL, NULL, error)) == NULL)
    return NULL;
  /* Only on a database nobody can sign in to; afterwards admins add accounts. */
  if (setup->has_accounts)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED,
                   "The first administrator exists already");
      return NULL;
    }
  if (!setup->has_centre)
    {
      g_autofree char *centre_name = g_strstrip (g_strdup (centre != NULL && centre->name != NULL
                                                           ? centre->name : ""));

      if (centre == NULL || centre->code == NULL || centre_name[0] == '\0')
        {
          g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                       "The centre needs a name and an institution code first");
          return NULL;
        }
      if (!jy_centre_store_save_identity (db, centre, error))
        return NULL;
    }

  admin_spec = *spec;
  admin_spec.role = JY_ROLE_ADMIN;
  admin_spec.team_id = 0;
  if ((id = insert_account (db, &admin_spec, FALSE, policy, error)) == 0 ||
      (admin = jy_account_load_actor (db, id, error)) == NULL ||
      !jy_account_audit (db, admin, "login", jy_actor_get_uuid (admin), NULL, error))
    return NULL;
  return g_steal_pointer (&admin);
}

/* Other active administrators who can sign in. */
static gboolean
count_other_admins (JyDb     *db,
                    gint64    id,
                    gint64   *out,
                    GError  **error)
{
  static const char sql[] =
    "SELECT count(*) FROM staff WHERE role = 'admin' AND status = 'active'\n"
    "  AND password_hash IS NOT NULL AND id <> ?1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (jy_db_step (db, stmt, error) < 0)
    return FALSE;
  *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
keeps_an_admin (JyDb             *db,
                const JyAccount  *account,
                gboolean          stays_admin,
                GError          **error)
{
  gint64 others = 0;

  if (!account->active || account->role != JY_ROLE_ADMIN || stays_admin)
    return TRUE;
  if (!count_other_admins (db, account->id, &others, error))
    return FALSE;
  if (others == 0)
    {
      /* Without one, nobody could ever add an account again. */
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "The centre's last administrator stays one");
      return FALSE;
    }
  return TRUE;
}

static void
add_change (JsonBuilder *builder,
            const char  *member,
            const char  *before,
            const char  *after)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, before);
  json_builder_add_string_value (builder, after);
  json_builder_end_array (builder);
}

static gboolean
write_update (JyDb             *db,
              const JyAccount  *before,
              const char       *name,
              JyRole            role,
              const char       *status,
              JsonBuilder      *changes,
              GError          **error)
{
  static const char sql[] =
    "UPDATE staff SET name = ?1, role = ?2, status = ?3, rev = rev + 1, updated_at = ?4\n"
    "WHERE id = ?5 RETURNING rev";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 rev;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, jy_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, before->id);
  if (jy_db_step (db, stmt, error) != SQLITE_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "The account is gone");
      sqlite3_reset (stmt);
      return FALSE;
    }
  rev = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  json_builder_end_object (changes);
  root = json_builder_get_root (changes);
  detail = json_to_string (root, FALSE);
  return jy_store_record_change (db, "staff", before->uuid, JY_CHANGE_UPDATE, rev, detail, error);
}

gboolean
jy_account_store_update (JyDb                 *db,
                         gint64                id,
                         const JyAccountSpec  *spec,
                         GError              **error)
{
  g_autoptr(JyAccount) before = NULL;
  g_autoptr(JsonBuilder) changes = json_builder_new ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (spec != NULL, FALSE);

  if (!jy_store_require (db, JY_PERMISSION_ACCOUNTS_MANAGE, error) ||
      !check_spec (spec, error) || !check_team (db, spec->team_id, error) ||
      (before = load_account (db, id, error)) == NULL ||
      !keeps_an_admin (db, before, spec->role == JY_ROLE_ADMIN, error))
    return FALSE;

  name = g_strstrip (g_strdup (spec->name));
  json_builder_begin_object (changes);
  if (g_strcmp0 (before->name, name) != 0)
    add_change (changes, "name", before->name, name);
  if (before->role != spec->role)
    add_change (changes, "role", jy_role_to_string (before->role), jy_role_to_string (spec->role));
  if (before->team_id != spec->team_id)
    {
      json_builder_set_member_name (changes, "team_id");
      json_builder_begin_array (changes);
      json_builder_add_int_value (changes, before->team_id);
      json_builder_add_int_value (changes, spec->team_id);
      json_builder_end_array (changes);
      if (!move_to_team (db, id, spec->role, spec->team_id, error))
        return FALSE;
    }

  return write_update (db, before, name, spec->role, before->active ? "active" : "inactive",
                       changes, error);
}

gboolean
jy_account_store_set_active (JyDb      *db,
                             gint64     id,
                             gboolean   active,
                             GError   **error)
{
  g_autoptr(JyAccount) before = NULL;
  g_autoptr(JsonBuilder) changes = json_builder_new ();

  if (!jy_store_require (db, JY_PERMISSION_ACCOUNTS_MANAGE, error) ||
      (before = load_account (db, id, error)) == NULL)
    return FALSE;
  if (before->active == active)
    return TRUE;
  if (!active && id == jy_actor_get_staff_id (jy_db_get_session (db)))
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "Nobody deactivates their own account");
      return FALSE;
    }
  if (!active && !keeps_an_admin (db, before, FALSE, error))
    return FALSE;

  json_builder_begin_object (changes);
  add_change (changes, "status", before->active ? "active" : "inactive",
              active ? "active" : "inactive");
  return write_update (db, before, before->name, before->role, active ? "active" : "inactive",
                       changes, error);
}

gboolean
jy_account_store_reset_password (JyDb                    *db,
                                 gint64                   id,
                                 const char              *password,
                                 const JyPasswordPolicy  *policy,
                                 GError                 **error)
{
  static const char sql[] =
    "UPDATE staff SET password_hash = ?1, must_change_password = 1, password_changed_at = ?2,\n"
    "  failed_logins = 0, locked_until = 0 WHERE id = ?3";
  g_autoptr(JyAccount) account = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (password != NULL, FALSE);

  if (!jy_store_require (db, JY_PERMISSION_ACCOUNTS_MANAGE, error) ||
      (account = load_account (db, id, error)) == NULL)
    return FALSE;
  if (account->login == NULL)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, "The staff record has no login");
      return FALSE;
    }
  if (!jy_account_check_password (password, account->login, policy, error) ||
      (hash = jy_account_hash_password (password, error)) == NULL ||
      (stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);

  return jy_db_step_done (db, stmt, error) &&
         jy_account_audit (db, NULL, "password-reset", account->uuid, NULL, error);
}
