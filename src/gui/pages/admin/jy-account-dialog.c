/* jy-account-dialog.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-account-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jy-cli.h"
#include "jy-login-view.h"

struct _JyAccountDialog
{
  AdwWindow     parent_instance;

  JyStore      *store;
  GSettings    *settings;
  gint64        account_id;     /* 0: adding */
  GArray       *team_ids;       /* gint64 per team row; 0 first (no team) */

  AdwEntryRow  *name_row;
  AdwEntryRow  *login_row;
  AdwComboRow  *role_row;
  AdwComboRow  *team_row;
  AdwEntryRow  *password_row;
  GtkButton    *save_button;
  GtkLabel     *note_label;
  GtkLabel     *message_label;
};

G_DEFINE_FINAL_TYPE (JyAccountDialog, jy_account_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gint64            id;
  JyAccountSpec     spec;
  JyPasswordPolicy  policy;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->spec.login);
  g_free (job->spec.name);
  if (job->spec.password != NULL)
    memset (job->spec.password, 0, strlen (job->spec.password));
  g_free (job->spec.password);
  g_free (job);
}

static gpointer
save_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SaveJob *job = data;

  if (job->id == 0)
    return jy_account_store_add (db, &job->spec, &job->policy, error) > 0 ? JY_STORE_DONE : NULL;
  return jy_account_store_update (db, job->id, &job->spec, error) ? JY_STORE_DONE : NULL;
}

static void
show_message (JyAccountDialog *self,
              const char      *message)
{
  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JyAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_warning ("Could not save an account: %s", error->message);
      if (g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_DUPLICATE))
        show_message (self, _("That login is taken: choose another one."));
      else if (g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID))
        show_message (self, self->account_id != 0
                              ? _("Not saved: the centre's last administrator must stay an administrator.")
                              : _("Not saved: check the name, login and password."));
      else
        {
          g_autofree char *message = jy_cli_describe_store_error (error);

          show_message (self, message);
        }
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_cb (JyAccountDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *login = jy_login_normalize (gtk_editable_get_text (GTK_EDITABLE (self->login_row)));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  guint n_roles;
  const JyRole *roles = jy_role_get_assignable (&n_roles);
  guint role_index = adw_combo_row_get_selected (self->role_row);
  guint team_index = adw_combo_row_get_selected (self->team_row);
  SaveJob *job;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  if (name[0] == '\0')
    {
      show_message (self, _("Enter the person's name."));
      return;
    }

  job = g_new0 (SaveJob, 1);
  jy_gui_password_policy (self->settings, &job->policy);
  if (self->account_id == 0)
    {
      JyPasswordProblem problem;

      if (login == NULL)
        {
          save_job_free (job);
          show_message (self, _("A login name is 2 to 32 letters, digits, dots, dashes or underscores, such as wangli."));
          return;
        }
      if ((problem = jy_password_check (password, login, &job->policy)) != JY_PASSWORD_OK)
        {
          g_autofree char *message = jy_password_problem_dup_message (problem, &job->policy);

          save_job_free (job);
          show_message (self, message);
          return;
        }
      job->spec.password = g_strdup (password);
    }

  job->id = self->account_id;
  job->spec.login = g_steal_pointer (&login);
  job->spec.name = g_steal_pointer (&name);
  job->spec.role = role_index < n_roles ? roles[role_index] : JY_ROLE_DOCTOR;
  job->spec.team_id = team_index < self->team_ids->len ? g_array_index (self->team_ids, gint64, team_index) : 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  jy_store_write_async (self->store, save_func, job, (GDestroyNotify)save_job_free, NULL, NULL,
                        saved_cb, g_object_ref (self));
}

static void
jy_account_dialog_dispose (GObject *object)
{
  JyAccountDialog *self = (JyAccountDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->team_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_ACCOUNT_DIALOG);

  G_OBJECT_CLASS (jy_account_dialog_parent_class)->dispose (object);
}

static void
jy_account_dialog_class_init (JyAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_account_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JyAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, JyAccountDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, JyAccountDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, JyAccountDialog, team_row);
  gtk_widget_class_bind_template_child (widget_class, JyAccountDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, JyAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JyAccountDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, JyAccountDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_account_dialog_init (JyAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

JyAccountDialog *
jy_account_dialog_new (GtkWindow       *parent,
                       JyStore         *store,
                       GSettings       *settings,
                       const JyAccount *account,
                       GPtrArray       *teams)
{
  JyAccountDialog *self;
  g_autoptr(GtkStringList) role_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) team_labels = gtk_string_list_new (NULL);
  guint n_roles;
  const JyRole *roles = jy_role_get_assignable (&n_roles);
  gint64 none = 0;

  g_return_val_if_fail (JY_IS_STORE (store), NULL);

  self = g_object_new (JY_TYPE_ACCOUNT_DIALOG, "transient-for", parent,
                       "title", account != NULL ? _("Edit Account") : _("Add Staff"), NULL);
  self->store = g_object_ref (store);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->account_id = account != NULL ? account->id : 0;

  for (guint i = 0; i < n_roles; i++)
    gtk_string_list_append (role_labels, _(jy_role_get_label (roles[i])));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (role_labels));

  gtk_string_list_append (team_labels, _("No team"));
  g_array_append_val (self->team_ids, none);
  for (guint i = 0; teams != NULL && i < teams->len; i++)
    {
      const JyTeamChoice *team = g_ptr_array_index (teams, i);

      gtk_string_list_append (team_labels, team->name);
      g_array_append_val (self->team_ids, team->id);
    }
  adw_combo_row_set_model (self->team_row, G_LIST_MODEL (team_labels));

  if (account != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), account->name != NULL ? account->name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->login_row), account->login != NULL ? account->login : "");
      /* The login is what the audit trail and the person know them by. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->login_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->password_row), FALSE);
      for (guint i = 0; i < n_roles; i++)
        if (roles[i] == account->role)
          adw_combo_row_set_selected (self->role_row, i);
      for (guint i = 0; i < self->team_ids->len; i++)
        if (g_array_index (self->team_ids, gint64, i) == account->team_id)
          adw_combo_row_set_selected (self->team_row, i);
      gtk_label_set_label (self->note_label, _("A new role applies from the person's next sign-in."));
    }
  else
    gtk_label_set_label (self->note_label,
                         _("Give the first password to the person in private; they choose their own when they first sign in."));

  return self;
}
