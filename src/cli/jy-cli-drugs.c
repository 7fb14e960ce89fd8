/* jy-cli-drugs.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-cli.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "jy-long-rx-store.h"
#include "jy-store.h"

/* `jiayi drugs --db FILE import drugs.csv`: the long-prescription drug
 * catalogue (domain.md §4.3, §4.7) from the centre's procurement list,
 * without a display. Whoever runs it can read the database file, so it
 * acts as the system; a bad row is reported with its line and skipped. */

typedef struct
{
  const char *contents;
  gsize       length;
  int         saved;
  GPtrArray  *problems;
} DrugsJob;

static gpointer
import_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  DrugsJob *job = data;

  job->saved = jy_drug_store_import_csv (db, job->contents, job->length, &job->problems, error);
  return job->saved >= 0 ? JY_STORE_DONE : NULL;
}

int
jy_cli_drugs (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("import FILE.csv"));
  g_autoptr(JyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *db_path = NULL;
  g_autofree char *file_path = NULL;
  g_autofree char *contents = NULL;
  DrugsJob job = { 0 };
  gboolean action = FALSE;
  gsize length = 0;
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database file to import into (required)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (g_get_prgname () == NULL)
    g_set_prgname ("jiayi drugs");

  g_option_context_set_summary (context,
                                _("Imports the long-prescription drug catalogue from a CSV file (UTF-8 or GB18030) "
                                  "whose first row names the columns: code, generic_name, strength, form, unit, "
                                  "pack_size, pack_unit, insurance_class, exclusions, flags (or 编码, 通用名…). "
                                  "Rows that break a rule are listed with their line and left out."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* The action word, wherever it is among the options (not --db's value). */
  for (int i = 0; i < argc; i++)
    {
      if (!action && i > 0 && g_str_equal (argv[i], "import") &&
          !g_str_equal (argv[i - 1], "--db"))
        {
          action = TRUE;
          continue;
        }
      g_ptr_array_add (args, argv[i]);
    }
  if (!action)
    {
      g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
      /* Translators: `jiayi drugs` was run without its action */
      return jy_cli_usage_error ("drugs", context, _("Name the action: import"));
    }
  if ((status = jy_cli_parse_file_argument ("drugs", context, (int) args->len, (char **) args->pdata,
                                            &db_path, &file_path,
                                            /* Translators: the CSV file argument of `jiayi drugs import` is missing */
                                            _("Name the CSV file"), NULL)) != 0)
    return status;

  if (!g_file_get_contents (file_path, &contents, &length, &error))
    {
      jy_cli_print_error ("drugs", error);
      return 1;
    }
  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      /* Translators: first %s is a subcommand such as "import", second a file name */
      g_printerr (_("jiayi %s: There is no database file “%s”.\n"), "drugs", db_path);
      return 1;
    }
  if ((store = jy_store_open (db_path, &error)) == NULL)
    {
      jy_cli_print_error ("drugs", error);
      return 1;
    }

  job.contents = contents;
  job.length = length;
  if (jy_store_write (store, import_func, &job, NULL, &error) == NULL)
    {
      g_autofree char *message = jy_cli_describe_store_error (error);

      g_printerr (_("jiayi %s: %s\n"), "drugs", message);
      return 1;
    }
  for (guint i = 0; job.problems != NULL && i < job.problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (job.problems, i));
  /* Translators: the summary of `jiayi drugs import`; first %d the drugs
   * saved, second %u the rows rejected */
  g_print (ngettext ("Imported %d drug, rejected %u\n", "Imported %d drugs, rejected %u\n", job.saved),
           job.saved, job.problems != NULL ? job.problems->len : 0);
  g_clear_pointer (&job.problems, g_ptr_array_unref);
  return 0;
}
