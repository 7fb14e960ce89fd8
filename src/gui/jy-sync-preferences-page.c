/* jy-sync-preferences-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-preferences-page.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jy-cli.h"
#include "jy-sync-settings.h"

struct _JySyncPreferencesPage
{
  AdwPreferencesPage    parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  AdwEntryRow          *platform_url_row;
  AdwActionRow         *url_message_row;
  AdwActionRow         *test_row;
  GtkSpinner           *test_spinner;
  GtkButton            *test_button;
  AdwActionRow         *ca_row;
  AdwActionRow         *ca_message_row;
  GtkButton            *ca_clear_button;
  GtkSpinButton        *timeout_spin;
  GtkSpinButton        *interval_spin;
  AdwComboRow          *auth_mode_row;
  AdwEntryRow          *token_url_row;
  AdwEntryRow          *client_id_row;
  AdwEntryRow          *username_row;
  AdwPasswordEntryRow  *secret_row;
  AdwActionRow         *auth_message_row;
  GtkButton            *auth_save_button;
};

G_DEFINE_FINAL_TYPE (JySyncPreferencesPage, jy_sync_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  TEST_FINISHED,
  AUTH_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A message on the row under a field: NULL hides it. */
static void
say (AdwActionRow *row,
     const char   *text,
     gboolean      is_error)
{
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text != NULL ? text : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Health records only travel encrypted; plain http is for a server on
 * this computer (tests, a local relay). */
static gboolean
is_acceptable_url (const char *text,
                   gboolean    allow_empty)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text[0] == '\0')
    return allow_empty;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  return g_ascii_strcasecmp (scheme, "http") == 0 &&
         (g_str_equal (g_uri_get_host (uri), "127.0.0.1") || g_str_equal (g_uri_get_host (uri), "localhost"));
}

static gboolean
check_url_row (JySyncPreferencesPage *self)
{
  g_autofree char *text = entry_text (self->platform_url_row);

  if (!is_acceptable_url (text, TRUE))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->platform_url_row), "error");
      say (self->url_message_row,
           _("Enter an address starting with https://, such as https://fhir.example.gov.cn/fhir"), TRUE);
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->platform_url_row), "error");
  say (self->url_message_row, NULL, FALSE);
  return TRUE;
}

static void
platform_url_apply_cb (JySyncPreferencesPage *self)
{
  g_autofree char *text = entry_text (self->platform_url_row);

  if (!check_url_row (self))
    return;
  g_settings_set_string (self->settings, "platform-url", text);
  say (self->url_message_row, _("Platform address saved"), FALSE);
}

/* CA file -------------------------------------------------------------------- */

static void
update_ca_row (JySyncPreferencesPage *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "sync-ca-file");

  adw_action_row_set_subtitle (self->ca_row, path[0] != '\0' ? path
                                             : _("None: the system’s certificate authorities only"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->ca_clear_button), path[0] != '\0');
  if (path[0] != '\0' && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    say (self->ca_message_row, _("The CA file is missing: choose it again, or clear it"), TRUE);
  else
    say (self->ca_message_row, NULL, FALSE);
}

gboolean
jy_sync_preferences_page_set_ca_file (JySyncPreferencesPage *self,
                                      const char            *path)
{
  g_autoptr(GError) error = NULL;
  GList *certificates;

  g_return_val_if_fail (JY_IS_SYNC_PREFERENCES_PAGE (self), FALSE);

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      say (self->ca_message_row, _("The CA file is missing: choose it again, or clear it"), TRUE);
      return FALSE;
    }
  /* A small file: read here, so the message can come at once. */
  certificates = g_tls_certificate_list_new_from_file (path, &error);
  if (certificates == NULL)
    {
      g_debug ("CA file refused: %s", error != NULL ? error->message : "no certificate");
      say (self->ca_message_row, _("This file holds no certificate (a PEM file is needed)"), TRUE);
      return FALSE;
    }
  g_list_free_full (certificates, g_object_unref);
  g_settings_set_string (self->settings, "sync-ca-file", path);
  update_ca_row (self);
  return TRUE;
}

static void
chooser_response_cb (JySyncPreferencesPage *self,
                     int                    response,
                     GtkFileChooserNative  *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      jy_sync_preferences_page_set_ca_file (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
ca_choose_cb (JySyncPreferencesPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_file_filter_set_name (filter, _("Certificates (PEM)"));
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the CA File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
ca_clear_cb (JySyncPreferencesPage *self)
{
  g_settings_set_string (self->settings, "sync-ca-file", "");
  update_ca_row (self);
}

/* Sign-in -------------------------------------------------------------------- */

static void
auth_mode_changed_cb (JySyncPreferencesPage *self)
{
  JySyncAuthMode mode = (JySyncAuthMode)adw_combo_row_get_selected (self->auth_mode_row);

  gtk_widget_set_visible (GTK_WIDGET (self->token_url_row), mode != JY_SYNC_AUTH_MODE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->client_id_row), mode != JY_SYNC_AUTH_MODE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->username_row), mode == JY_SYNC_AUTH_MODE_PASSWORD);
  gtk_widget_set_visible (GTK_WIDGET (self->secret_row), mode != JY_SYNC_AUTH_MODE_NONE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row),
                                 mode == JY_SYNC_AUTH_MODE_PASSWORD ? _("Password") : _("Client secret"));
}

typedef struct
{
  JySyncAuthMode  mode;
  char           *token_url;
  char           *account;
  char           *secret;
} SecretJob;

static void
secret_job_free (SecretJob *job)
{
  g_free (job->token_url);
  g_free (job->account);
  if (job->secret != NULL)
    memset (job->secret, 0, strlen (job->secret));
  g_free (job->secret);
  g_free (job);
}

static void
secret_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SecretJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean in_keyring = FALSE;

  if (!jy_sync_secret_store (job->mode, job->token_url, job->account, job->secret, &in_keyring,
                             cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, in_keyring);
}

static void
secret_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  JySyncPreferencesPage *self = JY_SYNC_PREFERENCES_PAGE (object);
  g_autoptr(GError) error = NULL;
  gssize in_keyring = g_task_propagate_int (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->auth_save_button), TRUE);
  if (error != NULL)
    say (self->auth_message_row, _("Not saved: the keyring refused the secret"), TRUE);
  else if (in_keyring)
    say (self->auth_message_row, _("Saved; the secret is in the system keyring"), FALSE);
  else
    say (self->auth_message_row,
         _("Saved; no keyring answered, so the secret is kept only until Jiayi closes"), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  g_signal_emit (self, signals[AUTH_SAVED], 0);
}

static void
auth_save_cb (JySyncPreferencesPage *self)
{
  JySyncAuthMode mode = (JySyncAuthMode)adw_combo_row_get_selected (self->auth_mode_row);
  g_autofree char *token_url = entry_text (self->token_url_row);
  g_autofree char *client_id = entry_text (self->client_id_row);
  g_autofree char *username = entry_text (self->username_row);
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  g_autoptr(GTask) task = NULL;
  SecretJob *job;

  gtk_widget_remove_css_class (GTK_WIDGET (self->token_url_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->client_id_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->username_row), "error");
  if (mode != JY_SYNC_AUTH_MODE_NONE)
    {
      if (!is_acceptable_url (token_url, FALSE))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->token_url_row), "error");
          say (self->auth_message_row, _("Enter the token address starting with https://"), TRUE);
          return;
        }
      if (client_id[0] == '\0')
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->client_id_row), "error");
          say (self->auth_message_row, _("Enter the client id the platform gave your centre"), TRUE);
          return;
        }
      if (mode == JY_SYNC_AUTH_MODE_PASSWORD && username[0] == '\0')
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->username_row), "error");
          say (self->auth_message_row, _("Enter the platform user name"), TRUE);
          return;
        }
    }

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "sync-auth-mode", jy_sync_auth_mode_to_string (mode));
  g_settings_set_string (self->settings, "sync-token-url", token_url);
  g_settings_set_string (self->settings, "sync-client-id", client_id);
  g_settings_set_string (self->settings, "sync-username", mode == JY_SYNC_AUTH_MODE_PASSWORD ? username : "");
  g_settings_apply (self->settings);

  /* An empty secret field keeps the stored one. */
  if (mode == JY_SYNC_AUTH_MODE_NONE || secret[0] == '\0')
    {
      say (self->auth_message_row, _("Sign-in settings saved"), FALSE);
      g_signal_emit (self, signals[AUTH_SAVED], 0);
      return;
    }
  job = g_new0 (SecretJob, 1);
  job->mode = mode;
  job->token_url = g_steal_pointer (&token_url);
  job->account = g_strdup (mode == JY_SYNC_AUTH_MODE_PASSWORD ? username : client_id);
  job->secret = g_strdup (secret);
  gtk_widget_set_sensitive (GTK_WIDGET (self->auth_save_button), FALSE);
  task = g_task_new (self, self->cancellable, secret_stored_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)secret_job_free);
  g_task_run_in_thread (task, secret_worker);
}

/* Test connection ------------------------------------------------------------ */

static void
test_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  char *text = jy_sync_test_connection (task_data, cancellable, &error);

  if (text == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, text, g_free);
}

static void
test_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  JySyncPreferencesPage *self = JY_SYNC_PREFERENCES_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *subtitle = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->test_spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);
  if (text != NULL)
    {
      /* Translators: %s is the platform's software and FHIR version */
      subtitle = g_strdup_printf (_("Connected: %s"), text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->test_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->test_row), "success");
    }
  else
    {
      g_debug ("connection test failed: %s", error->message);
      subtitle = jy_cli_describe_sync_error (error);
      gtk_widget_remove_css_class (GTK_WIDGET (self->test_row), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->test_row), "error");
    }
  adw_action_row_set_subtitle (self->test_row, subtitle);
  g_signal_emit (self, signals[TEST_FINISHED], 0, text != NULL);
}

static void
test_cb (JySyncPreferencesPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = entry_text (self->platform_url_row);
  JySyncSettings *settings;

  if (!check_url_row (self))
    return;
  if (url[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->platform_url_row), "error");
      say (self->url_message_row, _("Enter the platform address first"), TRUE);
      return;
    }
  /* The address as typed; the rest as saved. */
  settings = jy_sync_settings_read (self->settings);
  g_free (settings->base_url);
  settings->base_url = g_steal_pointer (&url);
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_row), "success");
  adw_action_row_set_subtitle (self->test_row, _("Connecting to the platform…"));
  gtk_spinner_set_spinning (self->test_spinner, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
  task = g_task_new (self, self->cancellable, test_done_cb, NULL);
  g_task_set_task_data (task, settings, (GDestroyNotify)jy_sync_settings_free);
  g_task_run_in_thread (task, test_worker);
}

static void
jy_sync_preferences_page_dispose (GObject *object)
{
  JySyncPreferencesPage *self = (JySyncPreferencesPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_SYNC_PREFERENCES_PAGE);

  G_OBJECT_CLASS (jy_sync_preferences_page_parent_class)->dispose (object);
}

static void
jy_sync_preferences_page_class_init (JySyncPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_sync_preferences_page_dispose;

  /* (gboolean connected): tests wait for it. */
  signals[TEST_FINISHED] = g_signal_new ("test-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[AUTH_SAVED] = g_signal_new ("auth-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-sync-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, platform_url_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, url_message_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, test_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, test_button);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, ca_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, ca_message_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, ca_clear_button);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, timeout_spin);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, auth_mode_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, token_url_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, auth_message_row);
  gtk_widget_class_bind_template_child (widget_class, JySyncPreferencesPage, auth_save_button);
  gtk_widget_class_bind_template_callback (widget_class, platform_url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_cb);
  gtk_widget_class_bind_template_callback (widget_class, ca_choose_cb);
  gtk_widget_class_bind_template_callback (widget_class, ca_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, auth_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, auth_save_cb);
}

static void
jy_sync_preferences_page_init (JySyncPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

JySyncPreferencesPage *
jy_sync_preferences_page_new (GSettings *settings)
{
  JySyncPreferencesPage *self;
  g_autofree char *url = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *token_url = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *username = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JY_TYPE_SYNC_PREFERENCES_PAGE, NULL);
  self->settings = g_object_ref (settings);

  url = g_settings_get_string (settings, "platform-url");
  gtk_editable_set_text (GTK_EDITABLE (self->platform_url_row), url);
  mode = g_settings_get_string (settings, "sync-auth-mode");
  adw_combo_row_set_selected (self->auth_mode_row, jy_sync_auth_mode_from_string (mode));
  token_url = g_settings_get_string (settings, "sync-token-url");
  client_id = g_settings_get_string (settings, "sync-client-id");
  username = g_settings_get_string (settings, "sync-username");
  gtk_editable_set_text (GTK_EDITABLE (self->token_url_row), token_url);
  gtk_editable_set_text (GTK_EDITABLE (self->client_id_row), client_id);
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
  auth_mode_changed_cb (self);
  g_settings_bind (settings, "sync-timeout", gtk_spin_button_get_adjustment (self->timeout_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sync-interval", gtk_spin_button_get_adjustment (self->interval_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  update_ca_row (self);
  return self;
}
