/* jy-cli-packages.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-cli.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "jy-package-store.h"
#include "jy-store.h"

/* `jiayi packages`: the centre's service-package catalogue (domain.md
 * §2.4) as its city sets it: list it, set a package's yearly fee and its
 * split by payer (a new version: contracts already signed keep theirs),
 * stop or resume offering a package to new contracts. Whoever runs it can
 * read the database file, so it acts as the system. */

typedef enum
{
  ACTION_LIST,
  ACTION_SET_FEE,
  ACTION_WITHDRAW,
  ACTION_RESUME,
} Action;

typedef struct
{
  Action      action;
  const char *code;
  JyFeeSplit  fee;
  GPtrArray  *records;   /* list: JyPackageRecord */
  int         version;   /* set-fee: the new version */
} PackagesJob;

static gpointer
list_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  PackagesJob *job = data;

  job->records = jy_package_store_list (db, TRUE, error);
  return job->records != NULL ? JY_STORE_DONE : NULL;
}

static gpointer
change_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  PackagesJob *job = data;
  g_autoptr(JyPackageRecord) current = jy_package_store_find (db, job->code, error);

  if (current == NULL)
    return NULL;
  if (job->action == ACTION_SET_FEE)
    {
      g_autoptr(JyServicePackage) changed = jy_service_package_copy (current->package);
      g_autoptr(JyPackageRecord) saved = NULL;

      changed->annual_fee = job->fee;
      saved = jy_package_store_save (db, changed, current->sort_order, current->id, current->rev, error);
      if (saved == NULL)
        return NULL;
      job->version = saved->version;
      return JY_STORE_DONE;
    }
  return jy_package_store_withdraw (db, current->id, current->rev, job->action == ACTION_WITHDRAW, error)
         ? JY_STORE_DONE : NULL;
}

/* "120" or "120.5" yuan → fen; FALSE for anything else or a negative sum. */
static gboolean
parse_yuan (const char *text,
            gint64     *fen)
{
  char *end = NULL;
  double yuan;

  if (text == NULL || *text == '\0')
    return FALSE;
  yuan = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || yuan < 0 || yuan > 1e7)
    return FALSE;
  *fen = (gint64)(yuan * 100 + 0.5);
  return TRUE;
}

static char *
format_yuan (gint64 fen)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", fen / 100, (int)(fen % 100));
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    /* Translators: a package's state in `jiayi packages list` */
    return _("offered");
  if (g_strcmp0 (status, "withdrawn") == 0)
    /* Translators: a package's state in `jiayi packages list` */
    return _("withdrawn");
  /* Translators: a package's state in `jiayi packages list`: an older version */
  return _("superseded");
}

static void
print_list (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      JyPackageRecord *r = g_ptr_array_index (records, i);
      const JyFeeSplit *fee = &r->package->annual_fee;
      g_autofree char *insurance = format_yuan (fee->insurance);
      g_autofree char *public_health = format_yuan (fee->public_health);
      g_autofree char *resident = format_yuan (fee->resident);

      /* Translators: one package of `jiayi packages list`: code, version,
       * status, name, then the yearly fee by payer in yuan */
      g_print (_("%s v%d %s  %s  insurance %s, public health %s, resident %s\n"),
               r->package->code, r->version, status_label (r->status), _(r->package->name),
               insurance, public_health, resident);
    }
}

int
jy_cli_packages (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("list | set-fee CODE | withdraw CODE | resume CODE"));
  g_autoptr(JyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *insurance = NULL;
  g_autofree char *public_health = NULL;
  g_autofree char *resident = NULL;
  PackagesJob job = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Database file (required)"), N_("FILE") },
    { "insurance", 0, 0, G_OPTION_ARG_STRING, &insurance,
      N_("set-fee: the yearly share paid by medical insurance, in yuan"), N_("YUAN") },
    { "public-health", 0, 0, G_OPTION_ARG_STRING, &public_health,
      N_("set-fee: the yearly share paid from public-health funds, in yuan"), N_("YUAN") },
    { "resident", 0, 0, G_OPTION_ARG_STRING, &resident,
      N_("set-fee: the yearly share the resident pays, in yuan"), N_("YUAN") },
    G_OPTION_ENTRY_NULL
  };

  if (g_get_prgname () == NULL)
    g_set_prgname ("jiayi packages");
  g_option_context_set_summary (context,
                                _("Lists the service-package catalogue, sets a package's yearly fee and its split "
                                  "by payer (as a new version: signed contracts keep theirs), or stops and "
                                  "resumes offering a package to new contracts."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return jy_cli_usage_error ("packages", context, error->message);
  if (db_path == NULL)
    return jy_cli_usage_error ("packages", context, _("--db is required"));
  if (argc < 2)
    /* Translators: `jiayi packages` was run without its action */
    return jy_cli_usage_error ("packages", context, _("Name the action: list, set-fee, withdraw or resume"));

  if (g_str_equal (argv[1], "list") && argc == 2)
    job.action = ACTION_LIST;
  else if (argc == 3 && (g_str_equal (argv[1], "set-fee") || g_str_equal (argv[1], "withdraw") ||
                         g_str_equal (argv[1], "resume")))
    {
      job.action = g_str_equal (argv[1], "set-fee") ? ACTION_SET_FEE :
                   g_str_equal (argv[1], "withdraw") ? ACTION_WITHDRAW : ACTION_RESUME;
      job.code = argv[2];
    }
  else
    return jy_cli_usage_error ("packages", context, _("Name the action: list, set-fee, withdraw or resume"));

  if (job.action == ACTION_SET_FEE &&
      (!parse_yuan (insurance, &job.fee.insurance) || !parse_yuan (public_health, &job.fee.public_health) ||
       !parse_yuan (resident, &job.fee.resident)))
    return jy_cli_usage_error ("packages", context,
                               _("set-fee needs --insurance, --public-health and --resident, each an amount in yuan of 0 or more"));

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("jiayi %s: There is no database file “%s”.\n"), "packages", db_path);
      return 1;
    }
  if ((store = jy_store_open (db_path, &error)) == NULL)
    {
      jy_cli_print_error ("packages", error);
      return 1;
    }
  if ((job.action == ACTION_LIST ? jy_store_read (store, list_func, &job, NULL, &error)
                                 : jy_store_write (store, change_func, &job, NULL, &error)) == NULL)
    {
      g_autofree char *message = jy_cli_describe_store_error (error);

      g_printerr (_("jiayi %s: %s\n"), "packages", message);
      return 1;
    }

  switch (job.action)
    {
    case ACTION_LIST:
      print_list (job.records);
      g_ptr_array_unref (job.records);
      break;
    case ACTION_SET_FEE:
      /* Translators: %s a package code, %d its new version number */
      g_print (_("%s: version %d saved; contracts signed from now on use it\n"), job.code, job.version);
      break;
    case ACTION_WITHDRAW:
      /* Translators: %s a package code */
      g_print (_("%s: no longer offered to new contracts\n"), job.code);
      break;
    case ACTION_RESUME:
    default:
      /* Translators: %s a package code */
      g_print (_("%s: offered to new contracts again\n"), job.code);
      break;
    }
  return 0;
}
