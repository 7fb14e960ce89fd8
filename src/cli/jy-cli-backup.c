/* jy-cli-backup.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-cli.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jy-backup.h"
#include "jy-migrations.h"

/* `jiayi backup --db FILE OUT` and `jiayi restore --db FILE IN`: the
 * database copied while anything else may keep using it, and put back
 * after the backup has been checked. No display needed, so a scheduled
 * task (cron, systemd timer) can run them. */

/* The user's words for why a backup or restore did not happen. */
static char *
describe_error (const GError *error)
{
  if (error->domain == JY_STORE_ERROR)
    {
      switch ((JyStoreError)error->code)
        {
        case JY_STORE_ERROR_CORRUPT:
          return g_strdup (_("The backup file is damaged (its integrity check failed). Nothing was changed; choose another backup."));
        case JY_STORE_ERROR_INVALID:
          return g_strdup (_("The file is not a Jiayi backup. Nothing was changed."));
        case JY_STORE_ERROR_TOO_NEW:
          return g_strdup (_("The backup was made by a newer version of Jiayi. Update Jiayi to restore it. Nothing was changed."));
        case JY_STORE_ERROR_LOCKED:
          return g_strdup (_("The database is busy. Close Jiayi on this computer and try again."));
        default:
          break;
        }
    }
  return jy_cli_describe_store_error (error);
}

int
jy_cli_backup (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("OUT"));
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *written = NULL;
  int keep = JY_BACKUP_KEEP_DEFAULT;
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database file to back up (required)"), N_("FILE") },
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep,
      N_("When OUT is a folder, keep this many newest backups in it (default 10, 0 = all)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if (g_get_prgname () == NULL)
    g_set_prgname ("jiayi backup");
  g_option_context_set_summary (context,
                                _("Copies the database while Jiayi may keep working on it. OUT is a "
                                  "new file, or a folder that gets a dated backup (the oldest beyond "
                                  "--keep are removed). The copy is readable by you only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = jy_cli_parse_file_argument ("backup", context, argc, argv, &db_path, &out_path,
                                            _("Name one backup file"), _("Name one backup file"))) != 0)
    return status;
  if (keep < 0)
    return jy_cli_usage_error ("backup", context, _("--keep takes 0 or more"));

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("jiayi %s: There is no database file “%s”.\n"), "backup", db_path);
      return 1;
    }

  if (g_file_test (out_path, G_FILE_TEST_IS_DIR))
    {
      written = jy_backup_create_from_file (db_path, out_path, JY_BACKUP_MANUAL, (guint)keep, &error);
    }
  else
    {
      g_autoptr(JyDb) source = jy_db_open (db_path, JY_DB_OPEN_QUERY_ONLY, &error);

      if (g_file_test (out_path, G_FILE_TEST_EXISTS))
        {
          /* Translators: %s is the file given to `jiayi backup` */
          g_printerr (_("jiayi %s: “%s” exists already; name a new file or a folder.\n"), "backup", out_path);
          return 1;
        }
      if (source != NULL && jy_backup_copy_to (source, out_path, &error))
        written = g_strdup (out_path);
      else
        g_unlink (out_path);
    }

  if (written == NULL)
    {
      g_autofree char *message = describe_error (error);

      g_printerr (_("jiayi %s: %s\n"), "backup", message);
      return 1;
    }

  /* Translators: the summary of `jiayi backup`; %s is the backup file */
  g_print (_("Backed up to %s\n"), written);
  return 0;
}

static gpointer
record_restore (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return jy_store_record_audit (db, "restore", "database", NULL, data, error) ? JY_STORE_DONE : NULL;
}

int
jy_cli_restore (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("IN"));
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *in_path = NULL;
  int version = 0;
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database file to restore into (required; created if missing)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (g_get_prgname () == NULL)
    g_set_prgname ("jiayi restore");
  g_option_context_set_summary (context,
                                _("Replaces the database with the backup IN after checking that IN is "
                                  "an undamaged Jiayi backup. The current database is kept in the "
                                  "backups folder next to it first. Close Jiayi on this computer before."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = jy_cli_parse_file_argument ("restore", context, argc, argv, &db_path, &in_path,
                                            _("Name one backup file"), _("Name one backup file"))) != 0)
    return status;

  if (!g_file_test (in_path, G_FILE_TEST_IS_REGULAR))
    {
      /* Translators: %s is the backup file given to `jiayi restore` */
      g_printerr (_("jiayi %s: There is no backup file “%s”.\n"), "restore", in_path);
      return 1;
    }

  g_printerr ("%s\n", _("Checking the backup…"));
  if (!jy_backup_verify (in_path, &version, &error) ||
      !jy_backup_restore (in_path, db_path, NULL, &error))
    {
      g_autofree char *message = describe_error (error);

      g_printerr (_("jiayi %s: %s\n"), "restore", message);
      return 1;
    }

  /* The restored trail says that it was restored. */
  {
    g_autoptr(JyStore) store = jy_store_open (db_path, &error);
    g_autofree char *detail = g_strdup_printf ("{\"schema_version\":%d}", version);

    if (store == NULL || jy_store_write (store, record_restore, detail, NULL, &error) == NULL)
      {
        jy_cli_print_error ("restore", error);
        return 1;
      }
  }

  /* Translators: the summary of `jiayi restore`; first %s the database, second the backup */
  g_print (_("Restored %s from %s\n"), db_path, in_path);
  return 0;
}
