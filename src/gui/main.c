/* main.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "jy-application.h"
#include "jy-cli.h"
#include "jy-generator.h"

#define DEFAULT_DEMO_RESIDENTS 20000

static guint demo_residents;

static gboolean
parse_demo_cb (const char  *option_name,
               const char  *value,
               gpointer     data,
               GError     **error)
{
  guint64 n = DEFAULT_DEMO_RESIDENTS;

  if (value != NULL &&
      (!g_ascii_string_to_unsigned (value, 10, 1, JY_GENERATOR_MAX_RESIDENTS, &n, NULL)))
    {
      /* Translators: %u is the largest demo centre, 1000000 */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--demo takes a number of residents between 1 and %u"),
                   JY_GENERATOR_MAX_RESIDENTS);
      return FALSE;
    }

  demo_residents = (guint)n;
  return TRUE;
}

static void
setup_i18n (void)
{
  /* Lets the uninstalled build (build-aux/dev, tests) find its translations. */
  const char *localedir = g_getenv ("JIAYI_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JyApplication) app = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  char *app_argv[] = { argv[0], NULL };
  const GOptionEntry entries[] = {
    { "demo", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, parse_demo_cb,
      N_("Open a throw-away demo centre with N synthetic residents (default 20000)"), N_("N") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use this database file"), N_("FILE") },
    { NULL }
  };

  setup_i18n ();

  if (argc > 1 && jy_cli_is_subcommand (argv[1]))
    return jy_cli_main (argc, argv);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Family-doctor workstation. Headless subcommands: run “jiayi help”."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  jy_gui_init ();
  app = jy_application_new (db_path, demo_residents);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
