/* jy-cli-report.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-cli.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-report-engine.h"
#include "jy-report-print.h"
#include "jy-store.h"

/* `jiayi report --db FILE --month YYYY-MM [--team ID] --pdf OUT.pdf --csv OUT.csv`:
 * the monthly summary (domain.md §6) without a display. */

typedef struct
{
  JyReportMonth        month;
  JyReportScope        scope;
  const char          *team;
  GDate                as_of;
} ReportJob;

/* A team by id or code; 0 and @error when there is none. */
static gint64
find_team (JyDb        *db,
           const char  *team,
           GError     **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, "SELECT id FROM team WHERE status <> 'voided'\n"
                                          "AND (CAST (id AS TEXT) = ?1 OR code = ?1)", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, team, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc >= 0 && id == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 /* Translators: %s is what was given to --team */
                 _("There is no team “%s”."), team);
  return id;
}

static gpointer
scope_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ReportJob *job = data;

  if (job->team != NULL)
    {
      job->scope.kind = JY_REPORT_SCOPE_TEAM;
      if ((job->scope.id = find_team (db, job->team, error)) == 0)
        return NULL;
    }
  return JY_STORE_DONE;
}

int
jy_cli_report (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(JyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyReportComparison) comparison = NULL;
  g_autoptr(JyPrintDoc) doc = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *db_path = NULL, *month = NULL, *team = NULL, *pdf = NULL, *csv = NULL;
  g_autofree char *breakdown = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  ReportJob job = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Database file (required)"), N_("FILE") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month to report (required)"), N_("YYYY-MM") },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("Only this team (its id or code)"), N_("ID") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the printed report (A4 PDF)"), N_("OUT.pdf") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("Write the tables as CSV (the breakdown goes to OUT-breakdown.csv)"), N_("OUT.csv") },
    G_OPTION_ENTRY_NULL
  };

  if (g_get_prgname () == NULL)
    g_set_prgname ("jiayi report");

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  g_option_context_set_summary (context,
                                _("Computes the monthly summary (contracts, chronic care, long "
                                  "prescriptions, home beds, referrals, nurse home visits) for the centre or one team, with the previous "
                                  "month and the same month last year, and writes it as PDF and/or CSV."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    return jy_cli_usage_error ("report", context, error->message);
  if (db_path == NULL)
    return jy_cli_usage_error ("report", context, _("--db FILE is required"));
  if (month == NULL)
    return jy_cli_usage_error ("report", context, _("--month YYYY-MM is required"));
  if (!jy_report_month_parse (month, &job.month))
    return jy_cli_usage_error ("report", context,
                               /* Translators: --month was not a month such as 2026-10 */
                               _("--month takes a month such as 2026-10"));
  if (pdf == NULL && csv == NULL)
    return jy_cli_usage_error ("report", context, _("Name an output: --pdf OUT.pdf and/or --csv OUT.csv"));
  if (g_strv_length (args) > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), args[1]);

      return jy_cli_usage_error ("report", context, message);
    }

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("jiayi %s: There is no database file “%s”.\n"), "report", db_path);
      return 1;
    }
  if ((store = jy_store_open (db_path, &error)) == NULL)
    {
      jy_cli_print_error ("report", error);
      return 1;
    }

  /* Renewals are counted up to today. */
  today = jy_clock_today_local ();
  job.as_of = *today;
  job.scope.kind = JY_REPORT_SCOPE_CENTRE;
  job.team = team;
  if (jy_store_read (store, scope_func, &job, NULL, &error) == NULL ||
      (comparison = jy_report_compare_store (store, &job.month, &job.scope, &job.as_of, NULL, &error)) == NULL)
    {
      jy_cli_print_error ("report", error);
      return 1;
    }

  now = g_date_time_new_now_utc ();
  if (pdf != NULL)
    {
      doc = jy_report_print_build (comparison, now);
      if (!jy_print_doc_write_pdf (doc, pdf, &error))
        {
          jy_cli_print_error ("report", error);
          return 1;
        }
    }
  if (csv != NULL && !jy_report_write_csv (comparison, csv, &breakdown, &error))
    {
      jy_cli_print_error ("report", error);
      return 1;
    }

  {
    g_autofree char *title = jy_report_title (comparison->current);
    g_autofree char *when = jy_report_format_month (&comparison->current->month);

    /* Translators: the summary of `jiayi report`: title, month, then the files written */
    g_print (_("%s, %s: written to %s%s%s%s%s\n"), title, when, pdf != NULL ? pdf : "",
             pdf != NULL && csv != NULL ? ", " : "", csv != NULL ? csv : "",
             breakdown != NULL ? ", " : "", breakdown != NULL ? breakdown : "");
  }
  return 0;
}
