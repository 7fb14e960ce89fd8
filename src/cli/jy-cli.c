/* jy-cli.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jy-csv.h"
#include "jy-store.h"

typedef struct
{
  const char   *name;
  JyCliCommand  run;
  const char   *summary;
} Subcommand;

static const Subcommand subcommands[] = {
  { "generate", jy_cli_generate, N_("Fill a database with a synthetic centre") },
  { "import", jy_cli_import, N_("Import residents from a CSV file") },
  { "export", jy_cli_export, N_("Write the residents to a CSV file") },
  { "backup", jy_cli_backup, N_("Copy the database to a backup file") },
  { "restore", jy_cli_restore, N_("Replace the database with a checked backup") },
  { "accounts", jy_cli_accounts, N_("List staff accounts, add an administrator, reset a password") },
  { "sync", jy_cli_sync, N_("Synchronize with the municipal platform") },
  { "report", jy_cli_report, N_("Write the monthly summary as PDF and CSV") },
  { "packages", jy_cli_packages, N_("List the service packages, set their fees, stop or resume offering them") },
  { "drugs", jy_cli_drugs, N_("Import the long-prescription drug catalogue from a CSV file") },
};

gboolean
jy_cli_is_subcommand (const char *name)
{
  if (name == NULL)
    return FALSE;

  if (g_str_equal (name, "help"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (name, subcommands[i].name))
      return TRUE;

  return FALSE;
}

static int
print_help (void)
{
  g_print ("%s\n", _("Usage: jiayi [--demo[=N]] [--db FILE]\n"
                     "       jiayi SUBCOMMAND --db FILE [OPTION…]"));
  g_print ("\n%s\n", _("Subcommands:"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    g_print ("  %-10s %s\n", subcommands[i].name, _(subcommands[i].summary));
  return 0;
}

int
jy_cli_main (int    argc,
             char **argv)
{
  g_return_val_if_fail (argc >= 2, 2);

  if (g_str_equal (argv[1], "help"))
    return print_help ();

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].run (argc - 1, argv + 1);

  g_printerr (_("Unknown subcommand “%s”. Run “jiayi help” for a list.\n"), argv[1]);
  return 2;
}

char *
jy_cli_describe_store_error (const GError *error)
{
  if (error->domain != JY_STORE_ERROR)
    return g_strdup (error->message);

  switch ((JyStoreError)error->code)
    {
    case JY_STORE_ERROR_CORRUPT:
      return g_strdup (_("The database file is damaged or is not a Jiayi database."));
    case JY_STORE_ERROR_LOCKED:
      return g_strdup (_("The database is in use by another program. Close it and try again."));
    case JY_STORE_ERROR_TOO_NEW:
      return g_strdup (_("The database was written by a newer version of Jiayi. Update Jiayi to open it."));
    case JY_STORE_ERROR_DISK_FULL:
      return g_strdup (_("The disk is full. Free some space and try again."));
    case JY_STORE_ERROR_PERMISSION:
    case JY_STORE_ERROR_CANNOT_OPEN:
      return g_strdup (_("The database file cannot be opened. Check that it exists and that you may read and write it."));
    case JY_STORE_ERROR_DENIED:
      return g_strdup (_("Your role may not do this."));
    case JY_STORE_ERROR_DUPLICATE:
      return g_strdup (_("That login is taken: choose another one."));
    case JY_STORE_ERROR_NOT_EMPTY:
      return g_strdup (_("The database already has a centre or residents. Generate the demo centre into a new database file."));
    case JY_STORE_ERROR_FAILED:
    case JY_STORE_ERROR_NOT_FOUND:
    case JY_STORE_ERROR_CONSTRAINT:
    case JY_STORE_ERROR_IO:
    default:
      return g_strdup (error->message);
    }
}

/* Why an import could not start or finish, in the user's words; shared
 * by `jiayi import` and the import window. Never the raw error text. */
char *
jy_cli_describe_import_error (const GError *error)
{
  if (error->domain == JY_CSV_ERROR)
    {
      switch ((JyCsvError)error->code)
        {
        case JY_CSV_ERROR_NOT_TEXT:
          return g_strdup (_("This is not a CSV file. Save the spreadsheet as “CSV (comma delimited)” and import that."));
        case JY_CSV_ERROR_ENCODING:
          return g_strdup (_("The file’s text encoding is not UTF-8 or GB18030. Save it as “CSV UTF-8” and try again."));
        case JY_CSV_ERROR_EMPTY:
          return g_strdup (_("The file is empty."));
        case JY_CSV_ERROR_NO_HEADER:
          return g_strdup (_("The first row names no column Jiayi knows. It needs titles such as 姓名, 性别, 出生日期, 身份证号."));
        case JY_CSV_ERROR_NO_NAME_COLUMN:
          return g_strdup (_("No column holds the names: the first row needs a title such as 姓名."));
        default:
          break;
        }
    }
  else if (error->domain == JY_STORE_ERROR)
    {
      switch ((JyStoreError)error->code)
        {
        case JY_STORE_ERROR_NOT_FOUND:
          return g_strdup (_("The database has no centre yet. Open it in Jiayi, name the centre, then import."));
        case JY_STORE_ERROR_CORRUPT:
        case JY_STORE_ERROR_LOCKED:
        case JY_STORE_ERROR_TOO_NEW:
        case JY_STORE_ERROR_DISK_FULL:
        case JY_STORE_ERROR_PERMISSION:
        case JY_STORE_ERROR_CANNOT_OPEN:
          return jy_cli_describe_store_error (error);
        default:
          return g_strdup (_("Nothing was imported because the database reported an error. Try again, or restart Jiayi if it keeps happening."));
        }
    }

  return g_strdup (_("The file cannot be read as a list of residents. Save it as “CSV UTF-8” and try again."));
}

void
jy_cli_print_error (const char *command,
                    GError     *error)
{
  g_autofree char *message = jy_cli_describe_store_error (error);

  /* Translators: first %s is a subcommand such as "generate", second the reason */
  g_printerr (_("jiayi %s: %s\n"), command, message);
}

int
jy_cli_usage_error (const char     *command,
                    GOptionContext *context,
                    const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  /* Same form as jy_cli_print_error(), then the options. */
  g_printerr (_("jiayi %s: %s\n"), command, message);
  g_printerr ("\n%s", help);
  return 2;
}

int
jy_cli_parse_file_argument (const char      *command,
                            GOptionContext  *context,
                            int              argc,
                            char           **argv,
                            char           **db_path,
                            char           **file_path,
                            const char      *missing_message,
                            const char      *extra_message)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    return jy_cli_usage_error (command, context, error->message);
  if (*db_path == NULL)
    return jy_cli_usage_error (command, context, _("--db FILE is required"));

  /* args[0] is the subcommand itself. */
  if (g_strv_length (args) < 2)
    return jy_cli_usage_error (command, context, missing_message);
  if (g_strv_length (args) > 2)
    {
      /* Translators: %s is an argument the command does not take */
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), args[2]);

      return jy_cli_usage_error (command, context, extra_message != NULL ? extra_message : message);
    }

  *file_path = g_strdup (args[1]);
  return 0;
}
