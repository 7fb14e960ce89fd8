/* jy-cli-accounts.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "jy-account-store.h"
#include "jy-store.h"

/* `jiayi accounts --db FILE ACTION …`: the first administrator on a
 * machine without a display, and a way back in for a centre whose only
 * administrator is locked out. Whoever runs it can read the database
 * file, so it acts as the system; every change is in the audit trail.
 * Passwords come from standard input (asked twice, unechoed, on a
 * terminal), never from the command line where `ps` would show them. */

static int
usage_error_accounts (GOptionContext *context,
                      const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr (_("jiayi %s: %s\n"), "accounts", message);
  g_printerr ("\n%s", help);
  return 2;
}

static char *
read_line (void)
{
  char buffer[JY_PASSWORD_MAX_BYTES + 4];
  gsize len;

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;
  len = strlen (buffer);
  while (len > 0 && (buffer[len - 1] == '\n' || buffer[len - 1] == '\r'))
    buffer[--len] = '\0';
  return g_strdup (buffer);
}

static char *
ask_password (const char *prompt)
{
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char *line;

  if (!tty)
    return read_line ();

  g_printerr ("%s", prompt);
  tcgetattr (STDIN_FILENO, &saved);
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t)ECHO;
  tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
  line = read_line ();
  tcsetattr (STDIN_FILENO, TCSANOW, &saved);
  g_printerr ("\n");
  return line;
}

/* A new password, checked against the policy; NULL after saying why. */
static char *
read_new_password (const char *login)
{
  g_autofree char *password = ask_password (_("New password: "));
  JyPasswordProblem problem;

  if (password == NULL)
    {
      g_printerr (_("jiayi %s: %s\n"), "accounts", _("No password was given on standard input."));
      return NULL;
    }
  problem = jy_password_check (password, login, NULL);
  if (problem != JY_PASSWORD_OK)
    {
      g_autofree char *message = jy_password_problem_dup_message (problem, NULL);

      g_printerr (_("jiayi %s: %s\n"), "accounts", message);
      return NULL;
    }
  if (isatty (STDIN_FILENO))
    {
      g_autofree char *again = ask_password (_("The same password again: "));

      if (g_strcmp0 (again, password) != 0)
        {
          g_printerr (_("jiayi %s: %s\n"), "accounts", _("The two passwords differ."));
          return NULL;
        }
    }
  return g_steal_pointer (&password);
}

typedef struct
{
  const char *action;
  const char *login;
  const char *name;
  char       *password;
  GPtrArray  *accounts;
} AccountsJob;

static gint64
find_login (JyDb        *db,
            const char  *login,
            GError     **error)
{
  static const char sql[] = "SELECT id FROM staff WHERE login = ?1";
  g_autofree char *normalized = jy_login_normalize (login);
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, normalized != NULL ? normalized : "", -1, SQLITE_TRANSIENT);
  if (jy_db_step (db, stmt, error) < 0)
    return -1;
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No account with that login");
  return id;
}

static gpointer
accounts_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  AccountsJob *job = data;
  gint64 id;

  if (g_str_equal (job->action, "list"))
    return (job->accounts = jy_account_store_list (db, TRUE, error)) != NULL ? JY_STORE_DONE : NULL;

  if (g_str_equal (job->action, "create-admin"))
    {
      JyAccountSpec spec = { (char *)job->login, (char *)job->name, JY_ROLE_ADMIN, 0, job->password };
      g_autoptr(JyActor) admin = NULL;
      g_autoptr(GError) first_error = NULL;

      /* The first one as on first run; later ones as an administrator adds them. */
      if ((admin = jy_account_store_create_first_admin (db, &spec, NULL, NULL, &first_error)) != NULL)
        return JY_STORE_DONE;
      if (!g_error_matches (first_error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED))
        {
          g_propagate_error (error, g_steal_pointer (&first_error));
          return NULL;
        }
      return jy_account_store_add (db, &spec, NULL, error) > 0 ? JY_STORE_DONE : NULL;
    }

  if ((id = find_login (db, job->login, error)) <= 0)
    return NULL;
  /* reset-password lifts a lock too. */
  return jy_account_store_reset_password (db, id, job->password, NULL, error) ? JY_STORE_DONE : NULL;
}

static void
print_accounts (GPtrArray *accounts)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < accounts->len; i++)
    {
      JyAccount *a = g_ptr_array_index (accounts, i);
      const char *state = !a->active ? _("inactive")
                          : jy_lockout_is_locked (a->locked_until, now) ? _("locked")
                          : !a->has_password ? _("no password") : _("active");

      if (a->login == NULL)
        continue;
      g_print ("%-16s %-16s %s\n", a->login, jy_role_to_string (a->role), state);
    }
}

int
jy_cli_accounts (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("list | create-admin LOGIN NAME | reset-password LOGIN"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = NULL;
  g_autofree char *db_path = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  AccountsJob job = { 0 };
  guint n_args;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database file (required)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (g_get_prgname () == NULL)
    g_set_prgname ("jiayi accounts");
  g_option_context_set_summary (context,
                                _("Lists the staff accounts, creates an administrator, or gives an "
                                  "account a new password (which also lifts a lock). Passwords are "
                                  "read from standard input."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error_accounts (context, error->message);
  if (db_path == NULL)
    return usage_error_accounts (context, _("--db FILE is required"));

  n_args = g_strv_length (args);
  job.action = n_args > 1 ? args[1] : "";
  if (!((g_str_equal (job.action, "list") && n_args == 2) ||
        (g_str_equal (job.action, "create-admin") && n_args == 4) ||
        (g_str_equal (job.action, "reset-password") && n_args == 3)))
    return usage_error_accounts (context, _("Name an action: list, create-admin or reset-password"));
  job.login = n_args > 2 ? args[2] : NULL;
  job.name = n_args > 3 ? args[3] : NULL;

  if (!g_str_equal (job.action, "list") && (job.password = read_new_password (job.login)) == NULL)
    return 1;

  store = jy_store_open (db_path, &error);
  if (store == NULL || jy_store_write (store, accounts_func, &job, NULL, &error) == NULL)
    {
      if (job.password != NULL)
        memset (job.password, 0, strlen (job.password));
      g_free (job.password);
      jy_cli_print_error ("accounts", error);
      return 1;
    }
  if (job.password != NULL)
    memset (job.password, 0, strlen (job.password));
  g_free (job.password);

  if (job.accounts != NULL)
    {
      print_accounts (job.accounts);
      g_ptr_array_unref (job.accounts);
    }
  else if (g_str_equal (job.action, "create-admin"))
    /* Translators: the summary of `jiayi accounts create-admin`; %s is the login */
    g_print (_("Created the administrator %s\n"), job.login);
  else
    /* Translators: the summary of `jiayi accounts reset-password`; %s is the login */
    g_print (_("New password set for %s; it must be changed at the next sign-in\n"), job.login);
  return 0;
}
