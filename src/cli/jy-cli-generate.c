/* jy-cli-generate.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-cli.h"

#include "jy-generator.h"
#include "jy-store.h"

#include <glib/gi18n.h>
#include <string.h>

/* `jiayi generate --db FILE [--residents N] [--seed S] [--reference-date D]`:
 * fills a new database with the fictional demo centre, for training,
 * screenshots and the bench. */

#define DEFAULT_RESIDENTS 20000
#define DEFAULT_SEED      1

typedef struct
{
  JyGeneratorOptions options;
  gint64             n_teams;
  gint64             n_staff;
} GenerateJob;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  /* Translators: progress of `jiayi generate` on the terminal, e.g.
   * "generated 10000/200000 residents"; first %u is done, second the total */
  g_printerr (_("generated %u/%u residents\n"), done, total);
}

static gpointer
generate (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  static const char teams_sql[] = "SELECT count(*) FROM team";
  static const char staff_sql[] = "SELECT count(*) FROM staff";
  GenerateJob *job = data;
  if (!jy_generator_run (db, &job->options, progress_cb, NULL, error) ||
      !jy_db_query_int64 (db, teams_sql, &job->n_teams, error) ||
      !jy_db_query_int64 (db, staff_sql, &job->n_staff, error))
    return NULL;

  return JY_STORE_DONE;
}

static gboolean
parse_unsigned (const char  *option,
                const char  *text,
                guint64      min,
                guint64      max,
                guint64     *out,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, out, &local_error))
    {
      /* Translators: %s is an option such as --residents, then GLib's reason */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid value for %s: %s"), option, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Strictly YYYY-MM-DD: g_date_set_parse() follows the locale. */
static gboolean
parse_reference_date (const char  *text,
                      GDate       *out,
                      GError     **error)
{
  guint64 year = 0;
  guint64 month = 0;
  guint64 day = 0;
  g_auto(GStrv) parts = g_strsplit (text, "-", -1);

  if (g_strv_length (parts) != 3 ||
      strlen (parts[0]) != 4 || strlen (parts[1]) != 2 || strlen (parts[2]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL) ||
      !g_date_valid_dmy (day, month, year))
    {
      /* Translators: %s is what the user typed; keep YYYY-MM-DD as is */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid reference date “%s”: use YYYY-MM-DD"), text);
      return FALSE;
    }

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  /* Same form as jy_cli_print_error(), then the options. */
  g_printerr (_("jiayi %s: %s\n"), "generate", message);
  g_printerr ("\n%s", help);
  return 2;
}

int
jy_cli_generate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *residents_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *reference_text = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  guint64 n_residents = DEFAULT_RESIDENTS;
  guint64 seed = DEFAULT_SEED;
  gint64 started;
  GenerateJob job = { 0 };
  GDate reference;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database file to create and fill (required)"), N_("FILE") },
    { "residents", 0, 0, G_OPTION_ARG_STRING, &residents_text,
      N_("Number of residents (default 20000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed of the random choices: the same seed gives the same centre (default 1)"), N_("S") },
    { "reference-date", 0, 0, G_OPTION_ARG_STRING, &reference_text,
      N_("Date the ages are computed for (default today)"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  /* So the usage line reads "jiayi generate [OPTION…]": main() dispatches
   * subcommands before anything names the program. */
  if (g_get_prgname () == NULL)
    g_set_prgname ("jiayi generate");

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Fills a new database with a fictional community health centre: "
                                  "address areas, sites, staff, teams and residents."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error) ||
      (residents_text != NULL &&
       !parse_unsigned ("--residents", residents_text, 1, JY_GENERATOR_MAX_RESIDENTS,
                        &n_residents, &error)) ||
      (seed_text != NULL &&
       !parse_unsigned ("--seed", seed_text, 0, G_MAXUINT32, &seed, &error)) ||
      (reference_text != NULL && !parse_reference_date (reference_text, &reference, &error)))
    return usage_error (context, error->message);

  if (db_path == NULL)
    return usage_error (context, _("--db FILE is required"));

  /* args[0] is "generate" itself. */
  if (g_strv_length (args) > 1)
    {
      /* Translators: %s is an argument the command does not take */
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), args[1]);

      return usage_error (context, message);
    }

  job.options.n_residents = (guint)n_residents;
  job.options.seed = (guint32)seed;
  job.options.reference_date = reference_text != NULL ? &reference : NULL;

  store = jy_store_open (db_path, &error);
  if (store == NULL)
    {
      jy_cli_print_error ("generate", error);
      return 1;
    }

  started = g_get_monotonic_time ();
  if (jy_store_write (store, generate, &job, NULL, &error) == NULL)
    {
      jy_cli_print_error ("generate", error);
      return 1;
    }

  /* Translators: the summary of `jiayi generate`; the numbers are residents,
   * teams and staff, then the seconds it took */
  g_print (ngettext ("Generated %u resident, %u teams, %u staff in %.1f s\n",
                     "Generated %u residents, %u teams, %u staff in %.1f s\n",
                     job.options.n_residents),
           job.options.n_residents, (guint)job.n_teams, (guint)job.n_staff,
           (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);

  return 0;
}
