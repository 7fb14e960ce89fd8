/* jy-cli-sync.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-cli.h"

#include <glib/gi18n.h>

#include "jy-store.h"
#include "jy-sync-engine.h"
#include "jy-sync-settings.h"

/* `jiayi sync --db FILE [--server URL] …`: one sync run with the platform,
 * then a summary. It uses the workstation's Preferences (platform URL, CA
 * file, timeout, account, the secret from the keyring) as the app's
 * timer does; what is given overrides them: --server or
 * $JIAYI_PLATFORM_URL, --ca-file, --timeout. Secrets never go on a
 * command line (other users can read it): $JIAYI_SYNC_TOKEN (a bearer
 * token), or --token-url and --client-id with $JIAYI_SYNC_CLIENT_SECRET,
 * and --username with $JIAYI_SYNC_PASSWORD for the password grant; the
 * same variables stand in for a keyring that does not answer. */

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr (_("jiayi %s: %s\n"), "sync", message);
  g_printerr ("\n%s", help);
  return 2;
}

/* The Preferences of this user, or nothing set when the schema is not
 * installed (a headless machine). */
static JySyncSettings *
read_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  JySyncSettings *none;

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)) != NULL)
    {
      settings = g_settings_new (APPLICATION_ID);
      return jy_sync_settings_read (settings);
    }
  none = g_new0 (JySyncSettings, 1);
  none->timeout_s = 30;
  return none;
}

static void
replace (char       **field,
         const char  *value)
{
  if (value != NULL && value[0] != '\0')
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* The user's words for why a sync failed (the CLI and the Sync page). */
char *
jy_cli_describe_sync_error (const GError *error)
{
  if (error->domain == JY_SYNC_ERROR)
    {
      switch ((JySyncError)error->code)
        {
        case JY_SYNC_ERROR_UNREACHABLE:
          return g_strdup (_("The platform cannot be reached. Check the network and the platform URL, then try again."));
        case JY_SYNC_ERROR_CERTIFICATE:
          return g_strdup (_("The platform’s certificate is not trusted. If your city uses its own certificate authority, choose its CA file in Preferences (or give --ca-file)."));
        case JY_SYNC_ERROR_SERVER:
          return g_strdup (_("The platform reported an internal error. Changes stay queued; try again later."));
        case JY_SYNC_ERROR_UNAUTHORIZED:
          return g_strdup (_("The platform refused the credentials. Check the sync account settings."));
        case JY_SYNC_ERROR_MALFORMED:
        case JY_SYNC_ERROR_HTTP:
          return g_strdup (_("The platform sent an answer Jiayi cannot read. Changes stay queued; try again later."));
        case JY_SYNC_ERROR_UNSUPPORTED:
          return g_strdup (_("The platform does not offer what Jiayi needs (FHIR R4 with batch requests)."));
        case JY_SYNC_ERROR_NOT_CONFIGURED:
          return g_strdup (_("No platform is configured. Give one with --server URL."));
        case JY_SYNC_ERROR_FAILED:
        default:
          break;
        }
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup (_("Synchronization was cancelled."));
  return jy_cli_describe_store_error (error);
}

int
jy_cli_sync (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JyStore) store = NULL;
  g_autoptr(JySyncEngine) engine = NULL;
  g_autoptr(JySyncAuth) auth = NULL;
  g_autoptr(JySyncSummary) summary = NULL;
  g_autoptr(JySyncSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *server = NULL;
  g_autofree char *ca_file = NULL;
  g_autofree char *token_url = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *username = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  int timeout_s = 0, batch_size = 500;
  JySyncOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database file of this workstation (required)"), N_("FILE") },
    { "server", 0, 0, G_OPTION_ARG_STRING, &server,
      N_("FHIR base URL of the platform"), N_("URL") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("PEM file of extra certificate authorities to trust"), N_("FILE") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout_s,
      N_("Seconds to wait for the platform (default: as in Preferences, else 30)"), N_("S") },
    { "token-url", 0, 0, G_OPTION_ARG_STRING, &token_url,
      N_("OAuth2 token endpoint"), N_("URL") },
    { "client-id", 0, 0, G_OPTION_ARG_STRING, &client_id,
      N_("OAuth2 client id (secret from $JIAYI_SYNC_CLIENT_SECRET)"), N_("ID") },
    { "username", 0, 0, G_OPTION_ARG_STRING, &username,
      N_("OAuth2 password grant user (password from $JIAYI_SYNC_PASSWORD)"), N_("NAME") },
    { "batch-size", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &batch_size, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (g_get_prgname () == NULL)
    g_set_prgname ("jiayi sync");

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Sends this workstation’s changes to the municipal platform and "
                                  "brings back what changed there."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error (context, error->message);
  if (db_path == NULL)
    return usage_error (context, _("--db FILE is required"));
  if (g_strv_length (args) > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), args[1]);

      return usage_error (context, message);
    }
  if (timeout_s < 0 || timeout_s > 3600 || batch_size < 1 || batch_size > 5000)
    return usage_error (context, _("--timeout must be between 1 and 3600 seconds"));

  settings = read_settings ();
  replace (&settings->base_url, g_getenv ("JIAYI_PLATFORM_URL"));
  replace (&settings->base_url, server);
  replace (&settings->ca_file, ca_file);
  if (timeout_s > 0)
    settings->timeout_s = (guint)timeout_s;
  if (settings->timeout_s == 0)
    settings->timeout_s = 30;
  if (settings->base_url == NULL)
    return usage_error (context, _("No platform is configured. Give one with --server URL."));

  if (token_url != NULL)
    {
      JySyncAuthConfig config = {
        .kind = username != NULL ? JY_SYNC_AUTH_PASSWORD : JY_SYNC_AUTH_CLIENT_CREDENTIALS,
        .token_url = token_url,
        .client_id = client_id,
        .client_secret = g_getenv ("JIAYI_SYNC_CLIENT_SECRET"),
        .username = username,
        .password = g_getenv ("JIAYI_SYNC_PASSWORD"),
        .ca_file = settings->ca_file,
        .use_keyring = TRUE,
      };

      auth = jy_sync_auth_new (&config);
    }
  else if (g_getenv ("JIAYI_SYNC_TOKEN") != NULL)
    {
      JySyncAuthConfig config = { .kind = JY_SYNC_AUTH_BEARER, .token = g_getenv ("JIAYI_SYNC_TOKEN") };

      auth = jy_sync_auth_new (&config);
    }
  else if (settings->auth_mode != JY_SYNC_AUTH_MODE_NONE)
    {
      /* The account of Preferences; its secret from the keyring, or from
       * the environment where no keyring answers (a server session). */
      jy_sync_secret_lookup (settings, NULL);
      if (settings->secret == NULL)
        replace (&settings->secret, g_getenv (settings->auth_mode == JY_SYNC_AUTH_MODE_PASSWORD
                                              ? "JIAYI_SYNC_PASSWORD" : "JIAYI_SYNC_CLIENT_SECRET"));
      auth = jy_sync_settings_new_auth (settings);
    }

  jy_sync_settings_client_config (settings, &options.client);
  options.auth = auth;
  options.batch_size = (guint)batch_size;
  options.push = TRUE;
  options.pull = TRUE;
  /* Run by hand: everything queued is tried now. */
  options.respect_backoff = FALSE;

  store = jy_store_open (db_path, &error);
  if (store == NULL)
    {
      jy_cli_print_error ("sync", error);
      return 1;
    }
  jy_store_set_actor (store, "sync");

  engine = jy_sync_engine_new (store, &options);
  summary = jy_sync_engine_run (engine, NULL, &error);
  if (summary == NULL)
    {
      g_autofree char *message = jy_cli_describe_sync_error (error);

      g_printerr (_("jiayi %s: %s\n"), "sync", message);
      return 1;
    }

  /* Translators: the summary of `jiayi sync`: records sent, received,
   * rejected by the platform, new conflicts, then seconds */
  g_print (_("Sent %u, received %u, rejected %u, conflicts %u in %.1f s\n"),
           summary->sent, summary->received, summary->rejected, summary->conflicts,
           summary->seconds);
  if (summary->deferred > 0)
    /* Translators: %u records will be sent again on the next run */
    g_print (_("%u changes could not be sent and stay queued\n"), summary->deferred);
  for (guint i = 0; i < summary->rejections->len; i++)
    {
      JySyncRejection *rejection = g_ptr_array_index (summary->rejections, i);

      /* Translators: a record the platform refused: entity, uuid, the platform's reason */
      g_print (_("rejected %s %s: %s\n"), rejection->entity, rejection->row_uuid,
               rejection->reason != NULL ? rejection->reason : "");
    }
  return 0;
}
