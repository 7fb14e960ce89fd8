/* jy-cli-import.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-cli.h"

#include "jy-csv.h"
#include "jy-resident-export.h"
#include "jy-resident-import.h"
#include "jy-store.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

/* `jiayi import --db FILE residents.csv` and `jiayi export --db FILE
 * out.csv [--full-id]`: residents from and to the CSV files other
 * registries and spreadsheets use. A bad row of an import is reported and
 * skipped; only a file that cannot be read at all fails the command. */

/* Progress lines on the terminal: one per this many rows. */
#define PROGRESS_ROWS 10000

/* jy_store_open() would create a missing file: an import or export into
 * nothing is a typo, not a wish. */
static JyStore *
open_existing_store (const char  *command,
                     const char  *db_path)
{
  g_autoptr(GError) error = NULL;
  JyStore *store;

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      /* Translators: first %s is a subcommand such as "import", second a file name */
      g_printerr (_("jiayi %s: There is no database file “%s”.\n"), command, db_path);
      return NULL;
    }

  if ((store = jy_store_open (db_path, &error)) == NULL)
    jy_cli_print_error (command, error);
  return store;
}

/* Import ------------------------------------------------------------------ */

typedef struct
{
  const char     *contents;
  gsize           length;
  JyImportReport *report;
} ImportJob;

static void
import_progress_cb (guint    rows_done,
                    gsize    bytes_done,
                    gsize    bytes_total,
                    gpointer user_data)
{
  if (rows_done > 0 && rows_done % PROGRESS_ROWS == 0)
    /* Translators: progress of `jiayi import` on the terminal; %u is a number of rows */
    g_printerr (_("read %u rows\n"), rows_done);
}

static gpointer
import_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportJob *job = data;

  job->report = jy_resident_import_csv (db, job->contents, job->length, NULL, NULL,
                                        import_progress_cb, NULL, error);
  return job->report != NULL ? JY_STORE_DONE : NULL;
}


/* One line per rejected row on stdout, with all of its reasons; notes
 * (imported, but changed) on stderr. */
static void
print_issues (const JyImportReport *report)
{
  /* Translators: joins the reasons one row of an import was rejected for */
  const char *separator = _("; ");
  guint i = 0;

  while (i < report->issues->len)
    {
      const JyImportIssue *first = &g_array_index (report->issues, JyImportIssue, i);
      g_autoptr(GString) reasons = g_string_new (NULL);
      guint j;

      for (j = i; j < report->issues->len; j++)
        {
          const JyImportIssue *issue = &g_array_index (report->issues, JyImportIssue, j);
          g_autofree char *message = NULL;

          if (issue->line != first->line ||
              jy_import_issue_is_rejection (issue) != jy_import_issue_is_rejection (first))
            break;
          message = jy_import_issue_dup_message (issue);
          if (!jy_import_issue_is_rejection (issue))
            /* Translators: a note about a row that was imported with a change;
             * %u is its line in the file, %s what was changed */
            g_printerr (_("line %u, note: %s\n"), issue->line, message);
          else
            g_string_append_printf (reasons, "%s%s", reasons->len > 0 ? separator : "", message);
        }

      if (reasons->len > 0)
        /* Translators: a rejected row; %u is its line in the file, %s why */
        g_print (_("line %u: %s\n"), first->line, reasons->str);
      i = j;
    }
}

int
jy_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.csv"));
  g_autoptr(JyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *file_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JyImportReport) report = NULL;
  ImportJob job = { 0 };
  gsize length = 0;
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database file to import into (required)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (g_get_prgname () == NULL)
    g_set_prgname ("jiayi import");

  g_option_context_set_summary (context,
                                _("Imports residents from a CSV file (UTF-8 or GB18030) whose first row "
                                  "names the columns: 姓名, 性别, 出生日期, 身份证号, 联系电话, 社区, 现住址… "
                                  "Rows that break a rule are listed with their line and left out."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = jy_cli_parse_file_argument ("import", context, argc, argv, &db_path, &file_path,
                                            /* Translators: the CSV file argument of `jiayi import` / `jiayi export` is missing */
                                            _("Name the CSV file"), NULL)) != 0)
    return status;

  if (!g_file_get_contents (file_path, &contents, &length, &error))
    {
      jy_cli_print_error ("import", error);
      return 1;
    }

  if ((store = open_existing_store ("import", db_path)) == NULL)
    return 1;

  job.contents = contents;
  job.length = length;
  if (jy_store_write (store, import_func, &job, NULL, &error) == NULL)
    {
      g_autofree char *message = jy_cli_describe_import_error (error);

      g_printerr (_("jiayi %s: %s\n"), "import", message);
      return 1;
    }
  report = g_steal_pointer (&job.report);

  print_issues (report);
  /* Translators: the summary of `jiayi import`; first %u is the residents
   * imported, second the rows rejected */
  g_print (ngettext ("Imported %u resident, rejected %u\n",
                     "Imported %u residents, rejected %u\n",
                     report->n_imported),
           report->n_imported, report->n_rejected);

  return 0;
}

/* Export ------------------------------------------------------------------ */

typedef struct
{
  JyResidentFilter       filter;
  JyResidentExportFlags  flags;
  GOutputStream         *out;
  guint                  n_residents;
} ExportJob;

static gpointer
export_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ExportJob *job = data;

  return jy_resident_export_csv (db, &job->filter, job->flags, job->out, &job->n_residents,
                                 cancellable, error) ? JY_STORE_DONE : NULL;
}

int
jy_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.csv"));
  g_autoptr(JyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *file_path = NULL;
  gboolean full_id = FALSE;
  ExportJob job = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database file to export from (required)"), N_("FILE") },
    { "full-id", 0, 0, G_OPTION_ARG_NONE, &full_id,
      N_("Write whole ID numbers instead of masked ones"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (g_get_prgname () == NULL)
    g_set_prgname ("jiayi export");

  g_option_context_set_summary (context,
                                _("Writes the active residents to a CSV file a spreadsheet opens "
                                  "(UTF-8, Chinese column titles). ID numbers are masked unless "
                                  "--full-id is given."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = jy_cli_parse_file_argument ("export", context, argc, argv, &db_path, &file_path,
                                            /* Translators: the CSV file argument of `jiayi import` / `jiayi export` is missing */
                                            _("Name the CSV file"), NULL)) != 0)
    return status;

  if ((store = open_existing_store ("export", db_path)) == NULL)
    return 1;

  /* Personal data: readable by the owner only, and an existing file is
   * only replaced once the new one is complete. */
  file = g_file_new_for_commandline_arg (file_path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        NULL, &error);
  if (out == NULL)
    {
      jy_cli_print_error ("export", error);
      return 1;
    }

  job.filter.sort = JY_RESIDENT_SORT_ARCHIVE_NO;
  job.flags = full_id ? JY_RESIDENT_EXPORT_FULL_ID_NUMBER : JY_RESIDENT_EXPORT_DEFAULT;
  job.out = G_OUTPUT_STREAM (out);
  if (jy_store_write (store, export_func, &job, NULL, &error) == NULL)
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file and
       * keeps what was there before. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      jy_cli_print_error ("export", error);
      return 1;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
    {
      jy_cli_print_error ("export", error);
      return 1;
    }

  /* Translators: the summary of `jiayi export`; %u is the residents, %s the file */
  g_print (ngettext ("Exported %u resident to %s\n", "Exported %u residents to %s\n",
                     job.n_residents),
           job.n_residents, file_path);
  return 0;
}
