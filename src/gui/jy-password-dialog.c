/* jy-password-dialog.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-password-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jy-account-store.h"
#include "jy-login-view.h"

struct _JyPasswordDialog
{
  AdwWindow     parent_instance;

  JyStore      *store;
  GSettings    *settings;

  AdwEntryRow  *old_row;
  AdwEntryRow  *new_row;
  AdwEntryRow  *again_row;
  GtkButton    *save_button;
  GtkLabel     *message_label;
};

G_DEFINE_FINAL_TYPE (JyPasswordDialog, jy_password_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char             *old_password;
  char             *new_password;
  JyPasswordPolicy  policy;
  gint64            now;
} ChangeJob;

static void
wipe (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
change_job_free (ChangeJob *job)
{
  wipe (job->old_password);
  wipe (job->new_password);
  g_free (job);
}

static gpointer
change_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ChangeJob *job = data;

  return jy_account_store_change_password (db, job->old_password, job->new_password,
                                           &job->policy, job->now, error);
}

static void
show_message (JyPasswordDialog *self,
              const char       *message)
{
  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(JyPasswordDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLoginResult) change = jy_store_write_finish (JY_STORE (object), result, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (change == NULL)
    {
      g_warning ("Could not change a password: %s", error->message);
      show_message (self, _("The password could not be saved: the database reported an error."));
      return;
    }
  switch (change->status)
    {
    case JY_LOGIN_OK:
      g_signal_emit (self, signals[CHANGED], 0);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    case JY_LOGIN_LOCKED:
      show_message (self, _("Too many wrong passwords: the account is locked. Lock the screen and try again later."));
      break;
    case JY_LOGIN_WRONG:
    case JY_LOGIN_INACTIVE:
    default:
      show_message (self, _("The current password is wrong."));
      break;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->old_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->old_row));
}

static void
save_cb (JyPasswordDialog *self)
{
  g_autoptr(JyActor) session = jy_store_dup_session (self->store);
  const char *new_password = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
  ChangeJob *job;
  JyPasswordProblem problem;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;

  job = g_new0 (ChangeJob, 1);
  jy_gui_password_policy (self->settings, &job->policy);
  problem = jy_password_check (new_password, jy_actor_get_login (session), &job->policy);
  if (problem != JY_PASSWORD_OK)
    {
      g_autofree char *message = jy_password_problem_dup_message (problem, &job->policy);

      change_job_free (job);
      show_message (self, message);
      return;
    }
  if (g_strcmp0 (new_password, gtk_editable_get_text (GTK_EDITABLE (self->again_row))) != 0)
    {
      change_job_free (job);
      show_message (self, _("The two passwords differ."));
      return;
    }

  job->old_password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->old_row)));
  job->new_password = g_strdup (new_password);
  job->now = g_get_real_time () / G_USEC_PER_SEC;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  jy_store_write_async (self->store, change_func, job, (GDestroyNotify)change_job_free,
                        (GDestroyNotify)jy_login_result_free, NULL, changed_cb, g_object_ref (self));
}

static void
jy_password_dialog_dispose (GObject *object)
{
  JyPasswordDialog *self = (JyPasswordDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_PASSWORD_DIALOG);

  G_OBJECT_CLASS (jy_password_dialog_parent_class)->dispose (object);
}

static void
jy_password_dialog_class_init (JyPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_password_dialog_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JyPasswordDialog, old_row);
  gtk_widget_class_bind_template_child (widget_class, JyPasswordDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, JyPasswordDialog, again_row);
  gtk_widget_class_bind_template_child (widget_class, JyPasswordDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JyPasswordDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_password_dialog_init (JyPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

JyPasswordDialog *
jy_password_dialog_new (GtkWindow *parent,
                        JyStore   *store,
                        GSettings *settings)
{
  JyPasswordDialog *self;

  g_return_val_if_fail (JY_IS_STORE (store), NULL);

  self = g_object_new (JY_TYPE_PASSWORD_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  return self;
}
