/* jy-accounts-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-accounts-page.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jy-account-dialog.h"
#include "jy-account-store.h"
#include "jy-centre-store.h"
#include "jy-cli.h"
#include "jy-login-view.h"

struct _JyAccountsPage
{
  AdwBin           parent_instance;

  JyStore         *store;
  GSettings       *settings;
  GCancellable    *cancellable;
  GPtrArray       *accounts;   /* JyAccount */
  JyCentreChoices *choices;

  GtkCheckButton  *inactive_check;
  GtkStack        *state_stack;
  GtkListBox      *accounts_list;
};

G_DEFINE_FINAL_TYPE (JyAccountsPage, jy_accounts_page, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (JyAccountsPage *self,
       const char     *text)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, text);
}

static const JyAccount *
find_account (JyAccountsPage *self,
              gint64          id)
{
  for (guint i = 0; self->accounts != NULL && i < self->accounts->len; i++)
    {
      const JyAccount *account = g_ptr_array_index (self->accounts, i);

      if (account->id == id)
        return account;
    }
  return NULL;
}

static char *
describe (const JyAccount *account)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GString) text = g_string_new (account->login != NULL ? account->login : _("no login"));

  g_string_append_printf (text, " · %s", _(jy_role_get_label (account->role)));
  if (account->team_name != NULL)
    g_string_append_printf (text, " · %s", account->team_name);
  if (!account->active)
    g_string_append_printf (text, " · %s", _("deactivated"));
  else if (jy_lockout_is_locked (account->locked_until, now))
    {
      guint minutes = jy_lockout_minutes_left (account->locked_until, now);

      g_string_append (text, " · ");
      /* Translators: on an account's row; %u is minutes left of the lock */
      g_string_append_printf (text, ngettext ("locked for %u more minute", "locked for %u more minutes", minutes),
                              minutes);
    }
  else if (!account->has_password)
    g_string_append_printf (text, " · %s", _("cannot sign in yet: reset the password"));
  else if (account->must_change_password)
    g_string_append_printf (text, " · %s", _("chooses a password at the next sign-in"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
make_row (const JyAccount *account)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *subtitle = describe (account);
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), account->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (!account->active)
    gtk_widget_add_css_class (row, "dim-label");

  {
    GVariant *id = g_variant_new_int64 (account->id);
    g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
    g_autoptr(GMenuItem) reset = g_menu_item_new (_("_Reset Password…"), NULL);
    g_autoptr(GMenuItem) toggle = g_menu_item_new (account->active ? _("_Deactivate…") : _("_Activate"), NULL);

    g_menu_item_set_action_and_target_value (edit, "accounts.edit", id);
    g_menu_item_set_action_and_target_value (reset, "accounts.reset-password", id);
    g_menu_item_set_action_and_target_value (toggle, account->active ? "accounts.deactivate" : "accounts.activate", id);
    g_menu_append_item (menu, edit);
    if (account->login != NULL)
      g_menu_append_item (menu, reset);
    g_menu_append_item (menu, toggle);
  }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: accessible name of the menu button on an account's row; %s is the person's name */
  accessible = g_strdup_printf (_("Actions for %s"), account->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill (JyAccountsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list))) != NULL)
    gtk_list_box_remove (self->accounts_list, child);
  for (guint i = 0; i < self->accounts->len; i++)
    gtk_list_box_append (self->accounts_list, make_row (g_ptr_array_index (self->accounts, i)));
  gtk_stack_set_visible_child_name (self->state_stack, "ready");
}

typedef struct
{
  gboolean         include_inactive;
  GPtrArray       *accounts;
  JyCentreChoices *choices;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_pointer (&job->accounts, g_ptr_array_unref);
  g_clear_pointer (&job->choices, jy_centre_choices_free);
  g_free (job);
}

static gpointer
load_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  gboolean include_inactive = GPOINTER_TO_INT (data);
  LoadJob *job = g_new0 (LoadJob, 1);

  if ((job->accounts = jy_account_store_list (db, include_inactive, error)) == NULL ||
      (job->choices = jy_centre_store_load_choices (db, NULL, cancellable, error)) == NULL)
    {
      load_job_free (job);
      return NULL;
    }
  return job;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JyAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  LoadJob *job = jy_store_read_finish (JY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (job == NULL)
    {
      /* A role without the permission gets here only by mistake: say nothing more. */
      if (!g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED))
        g_warning ("Could not load the accounts: %s", error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->choices, jy_centre_choices_free);
  self->accounts = g_steal_pointer (&job->accounts);
  self->choices = g_steal_pointer (&job->choices);
  load_job_free (job);
  fill (self);
}

void
jy_accounts_page_reload (JyAccountsPage *self)
{
  g_return_if_fail (JY_IS_ACCOUNTS_PAGE (self));

  if (self->store == NULL || !jy_store_session_can (self->store, JY_PERMISSION_ACCOUNTS_MANAGE))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  jy_store_read_async (self->store, load_func,
                       GINT_TO_POINTER (gtk_check_button_get_active (self->inactive_check)), NULL,
                       (GDestroyNotify)load_job_free, self->cancellable, loaded_cb, g_object_ref (self));
}

void
jy_accounts_page_set_store (JyAccountsPage *self,
                            JyStore        *store,
                            GSettings      *settings)
{
  g_return_if_fail (JY_IS_ACCOUNTS_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->settings, settings);
}

static void
inactive_toggled_cb (JyAccountsPage *self)
{
  jy_accounts_page_reload (self);
}

static void
map_cb (JyAccountsPage *self)
{
  /* Up to date whenever it is shown: someone may have been locked meanwhile. */
  jy_accounts_page_reload (self);
}

/* Actions ------------------------------------------------------------------ */

static void
saved_cb (JyAccountsPage *self)
{
  toast (self, _("Account saved"));
  jy_accounts_page_reload (self);
}

static void
open_dialog (JyAccountsPage  *self,
             const JyAccount *account)
{
  JyAccountDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = jy_account_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                  self->settings, account,
                                  self->choices != NULL ? self->choices->teams : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (JY_ACCOUNTS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JyAccountsPage *self = JY_ACCOUNTS_PAGE (widget);
  const JyAccount *account = find_account (self, g_variant_get_int64 (parameter));

  if (account != NULL)
    open_dialog (self, account);
}

typedef struct
{
  gint64            id;
  gboolean          active;
  char             *password;
  JyPasswordPolicy  policy;
} AccountJob;

static void
account_job_free (AccountJob *job)
{
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

static gpointer
reset_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  AccountJob *job = data;

  return jy_account_store_reset_password (db, job->id, job->password, &job->policy, error) ? JY_STORE_DONE : NULL;
}

static gpointer
set_active_func (JyDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  AccountJob *job = data;

  return jy_account_store_set_active (db, job->id, job->active, error) ? JY_STORE_DONE : NULL;
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JyAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_warning ("Could not change an account: %s", error->message);
      if (g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID))
        toast (self, _("Not done: nobody deactivates their own account or the last administrator"));
      else
        {
          g_autofree char *message = jy_cli_describe_store_error (error);

          toast (self, message);
        }
      return;
    }
  toast (self, _("Account updated"));
  jy_accounts_page_reload (self);
}

static void
reset_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   JyAccountsPage   *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "password");
  AccountJob *job;

  if (g_strcmp0 (response, "reset") != 0)
    return;
  job = g_new0 (AccountJob, 1);
  job->id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "account-id"));
  job->password = g_strdup (gtk_editable_get_text (entry));
  jy_gui_password_policy (self->settings, &job->policy);
  jy_store_write_async (self->store, reset_func, job, (GDestroyNotify)account_job_free, NULL, NULL,
                        job_done_cb, g_object_ref (self));
}

static void
reset_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  const char *login = g_object_get_data (G_OBJECT (dialog), "login");
  JyPasswordPolicy policy = JY_PASSWORD_POLICY_DEFAULT;
  JyPasswordProblem problem = jy_password_check (gtk_editable_get_text (entry), login, &policy);
  g_autofree char *message = jy_password_problem_dup_message (problem, &policy);

  /* The rule is said at the field; the dialog cannot confirm a weak password. */
  gtk_label_set_label (hint, message != NULL ? message : "");
  adw_message_dialog_set_response_enabled (dialog, "reset", problem == JY_PASSWORD_OK);
}

static void
reset_password_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JyAccountsPage *self = JY_ACCOUNTS_PAGE (widget);
  const JyAccount *account = find_account (self, g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *list, *row, *hint;

  if (account == NULL || account->login == NULL)
    return;

  /* Translators: heading of the reset dialog; %s is the person's name */
  heading = g_strdup_printf (_("Reset the Password of %s?"), account->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                                       _("Choose a first password and give it to the person in private. It also lifts a lock; they choose their own at the next sign-in.")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("New password"));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reset", _("_Reset Password"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "reset", FALSE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "password", row);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  g_object_set_data_full (G_OBJECT (dialog), "login", g_strdup (account->login), g_free);
  g_object_set_data (G_OBJECT (dialog), "account-id", GSIZE_TO_POINTER ((gsize)account->id));
  g_signal_connect (row, "changed", G_CALLBACK (reset_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_active (JyAccountsPage *self,
            gint64          id,
            gboolean        active)
{
  AccountJob *job = g_new0 (AccountJob, 1);

  job->id = id;
  job->active = active;
  jy_store_write_async (self->store, set_active_func, job, (GDestroyNotify)account_job_free, NULL, NULL,
                        job_done_cb, g_object_ref (self));
}

static void
deactivate_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        JyAccountsPage   *self)
{
  if (g_strcmp0 (response, "deactivate") == 0)
    set_active (self, (gint64)GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "account-id")), FALSE);
}

static void
deactivate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JyAccountsPage *self = JY_ACCOUNTS_PAGE (widget);
  const JyAccount *account = find_account (self, g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (account == NULL)
    return;
  /* Translators: heading of the deactivate dialog; %s is the person's name */
  heading = g_strdup_printf (_("Deactivate %s?"), account->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                                       _("They can no longer sign in. Their name stays in the audit log and on the records they made; you can activate the account again.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "deactivate", _("_Deactivate"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "deactivate", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "account-id", GSIZE_TO_POINTER ((gsize)account->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (deactivate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_active (JY_ACCOUNTS_PAGE (widget), g_variant_get_int64 (parameter), TRUE);
}

static void
jy_accounts_page_dispose (GObject *object)
{
  JyAccountsPage *self = (JyAccountsPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->choices, jy_centre_choices_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_ACCOUNTS_PAGE);

  G_OBJECT_CLASS (jy_accounts_page_parent_class)->dispose (object);
}

static void
jy_accounts_page_class_init (JyAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_accounts_page_dispose;

  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JyAccountsPage, inactive_check);
  gtk_widget_class_bind_template_child (widget_class, JyAccountsPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JyAccountsPage, accounts_list);
  gtk_widget_class_bind_template_callback (widget_class, inactive_toggled_cb);

  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "accounts.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "accounts.reset-password", "x", reset_password_action);
  gtk_widget_class_install_action (widget_class, "accounts.deactivate", "x", deactivate_action);
  gtk_widget_class_install_action (widget_class, "accounts.activate", "x", activate_action);
}

static void
jy_accounts_page_init (JyAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
