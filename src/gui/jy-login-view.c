/* jy-login-view.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-login-view.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jy-account-store.h"

struct _JyLoginView
{
  AdwBin                parent_instance;

  JyStore              *store;
  GSettings            *settings;
  GCancellable         *cancellable;
  JyActor              *actor;          /* unlock and change: who */
  char                 *old_password;   /* change: the one just used, briefly */
  gboolean              busy;
  gboolean              is_demo;
  gboolean              needs_centre;
  gboolean              ready_emitted;

  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkStack             *mode_stack;
  AdwPreferencesGroup  *centre_group;
  AdwEntryRow          *centre_name_row;
  AdwEntryRow          *centre_code_row;
  AdwEntryRow          *admin_name_row;
  AdwEntryRow          *admin_login_row;
  AdwEntryRow          *admin_password_row;
  AdwEntryRow          *admin_confirm_row;
  AdwEntryRow          *login_row;
  AdwEntryRow          *password_row;
  AdwEntryRow          *unlock_row;
  AdwEntryRow          *new_password_row;
  AdwEntryRow          *new_confirm_row;
  GtkLabel             *message_label;
  GtkButton            *submit_button;
  GtkButton            *other_button;
  GtkLabel             *hint_label;
};

G_DEFINE_FINAL_TYPE (JyLoginView, jy_login_view, ADW_TYPE_BIN)

enum {
  SIGNED_IN,
  READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
jy_gui_password_policy (GSettings        *settings,
                        JyPasswordPolicy *policy)
{
  *policy = JY_PASSWORD_POLICY_DEFAULT;
  if (settings != NULL)
    {
      policy->max_failures = g_settings_get_uint (settings, "lockout-failures");
      policy->lock_minutes = g_settings_get_uint (settings, "lockout-minutes");
    }
}

static void
clear_password (AdwEntryRow *row)
{
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
forget_old_password (JyLoginView *self)
{
  if (self->old_password != NULL)
    memset (self->old_password, 0, strlen (self->old_password));
  g_clear_pointer (&self->old_password, g_free);
}

static void
show_message (JyLoginView *self,
              const char  *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_busy (JyLoginView *self,
          gboolean     busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_stack), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), !busy);
}

static void
show_mode (JyLoginView *self,
           const char  *mode)
{
  gboolean unlock = g_str_equal (mode, "unlock");
  g_autofree char *subtitle = NULL;

  gtk_stack_set_visible_child_name (self->mode_stack, mode);
  show_message (self, NULL);
  set_busy (self, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->other_button), unlock);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), !g_str_equal (mode, "loading"));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), self->is_demo && !g_str_equal (mode, "first-run"));

  if (g_str_equal (mode, "first-run"))
    {
      gtk_label_set_label (self->title_label, _("Welcome to Jiayi"));
      gtk_label_set_label (self->subtitle_label,
                           self->needs_centre ? _("Name the centre and create the administrator account to begin.")
                                              : _("Create the administrator account to begin."));
      gtk_widget_set_visible (GTK_WIDGET (self->centre_group), self->needs_centre);
      gtk_button_set_label (self->submit_button, _("_Create Administrator"));
      gtk_widget_grab_focus (GTK_WIDGET (self->needs_centre ? self->centre_name_row : self->admin_name_row));
    }
  else if (g_str_equal (mode, "sign-in"))
    {
      g_autofree char *last = self->settings != NULL ? g_settings_get_string (self->settings, "last-login") : NULL;

      gtk_label_set_label (self->title_label, _("Sign In"));
      gtk_label_set_label (self->subtitle_label, _("Health records are confidential: sign in with your own account."));
      gtk_button_set_label (self->submit_button, _("_Sign In"));
      clear_password (self->password_row);
      if (last != NULL && last[0] != '\0' && gtk_editable_get_text (GTK_EDITABLE (self->login_row))[0] == '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->login_row), last);
      gtk_widget_grab_focus (GTK_WIDGET (gtk_editable_get_text (GTK_EDITABLE (self->login_row))[0] != '\0'
                                         ? self->password_row : self->login_row));
    }
  else if (unlock)
    {
      /* Translators: the lock screen; %1$s is the person's name, %2$s their login */
      subtitle = g_strdup_printf (_("%1$s (%2$s): enter your password to go on."),
                                  jy_actor_get_name (self->actor), jy_actor_get_login (self->actor));
      gtk_label_set_label (self->title_label, _("Locked"));
      gtk_label_set_label (self->subtitle_label, subtitle);
      gtk_button_set_label (self->submit_button, _("_Unlock"));
      clear_password (self->unlock_row);
      gtk_widget_grab_focus (GTK_WIDGET (self->unlock_row));
    }
  else if (g_str_equal (mode, "change"))
    {
      gtk_label_set_label (self->title_label, _("Choose Your Password"));
      gtk_label_set_label (self->subtitle_label,
                           _("Your password was set by an administrator. Choose one only you know."));
      gtk_button_set_label (self->submit_button, _("_Save Password"));
      clear_password (self->new_password_row);
      clear_password (self->new_confirm_row);
      gtk_widget_grab_focus (GTK_WIDGET (self->new_password_row));
    }
  else
    {
      gtk_label_set_label (self->title_label, _("Jiayi"));
      gtk_label_set_label (self->subtitle_label, _("Opening the database…"));
    }

  if (!self->ready_emitted && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      (g_str_equal (mode, "sign-in") || g_str_equal (mode, "first-run")))
    {
      self->ready_emitted = TRUE;
      g_signal_emit (self, signals[READY], 0);
    }
}

static char *
dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* On the lock screen the login is known: only the password can be wrong. */
static void
say_wrong_password (char **message)
{
  g_free (*message);
  *message = g_strdup (_("Wrong password."));
}

static char *
describe_login (const JyLoginResult *result)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint minutes;

  switch (result->status)
    {
    case JY_LOGIN_WRONG:
      return g_strdup (_("Wrong login name or password."));
    case JY_LOGIN_LOCKED:
      minutes = MAX (jy_lockout_minutes_left (result->locked_until, now), 1);
      /* Translators: %u is how many minutes are left of the lock */
      return g_strdup_printf (ngettext ("Too many wrong passwords: the account is locked. Try again in %u minute, or ask an administrator to reset the password.",
                                        "Too many wrong passwords: the account is locked. Try again in %u minutes, or ask an administrator to reset the password.",
                                        minutes), minutes);
    case JY_LOGIN_INACTIVE:
      return g_strdup (_("This account has been deactivated. Ask your administrator."));
    case JY_LOGIN_OK:
    default:
      return NULL;
    }
}

/* Jobs --------------------------------------------------------------------- */

typedef struct
{
  char             *login;
  char             *password;
  char             *new_password;
  JyAccountSpec     spec;
  JyCentreIdentity  centre;
  gboolean          with_centre;
  JyPasswordPolicy  policy;
  gint64            now;
} Job;

static void
wipe (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
job_free (Job *job)
{
  g_free (job->login);
  wipe (job->password);
  wipe (job->new_password);
  g_free (job->spec.login);
  g_free (job->spec.name);
  wipe (job->spec.password);
  g_free (job->centre.name);
  g_free (job->centre.code);
  g_free (job);
}

static Job *
job_new (JyLoginView *self)
{
  Job *job = g_new0 (Job, 1);

  jy_gui_password_policy (self->settings, &job->policy);
  job->now = g_get_real_time () / G_USEC_PER_SEC;
  return job;
}

static gpointer
sign_in_func (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Job *job = data;

  return jy_account_store_sign_in (db, job->login, job->password, &job->policy, job->now, error);
}

static gpointer
first_admin_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Job *job = data;

  return jy_account_store_create_first_admin (db, &job->spec, job->with_centre ? &job->centre : NULL,
                                              &job->policy, error);
}

static gpointer
change_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;

  return jy_account_store_change_password (db, job->password, job->new_password, &job->policy,
                                           job->now, error);
}

static void
emit_signed_in (JyLoginView *self,
                JyActor     *actor)
{
  forget_old_password (self);
  g_signal_emit (self, signals[SIGNED_IN], 0, actor);
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JyLoginView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLoginResult) login = jy_store_write_finish (JY_STORE (object), result, &error);
  g_autofree char *message = NULL;
  gboolean unlocking = self->actor != NULL &&
                       g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "unlock") == 0;

  set_busy (self, FALSE);
  if (login == NULL)
    {
      g_warning ("Could not check a password: %s", error->message);
      show_message (self, _("The password could not be checked: the database reported an error."));
      return;
    }
  if ((message = describe_login (login)) != NULL)
    {
      if (unlocking && login->status == JY_LOGIN_WRONG)
        say_wrong_password (&message);
      show_message (self, message);
      clear_password (unlocking ? self->unlock_row : self->password_row);
      gtk_widget_grab_focus (GTK_WIDGET (unlocking ? self->unlock_row : self->password_row));
      forget_old_password (self);
      return;
    }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-login", jy_actor_get_login (login->actor));

  g_clear_pointer (&self->actor, jy_actor_unref);
  self->actor = jy_actor_ref (login->actor);
  if (login->must_change_password)
    {
      /* Working as them is for after they chose their own. */
      jy_store_set_session (self->store, login->actor);
      show_mode (self, "change");
      return;
    }
  emit_signed_in (self, login->actor);
}

static void
run_sign_in (JyLoginView *self,
             const char  *login,
             AdwEntryRow *password_row)
{
  Job *job = job_new (self);

  job->login = g_strdup (login);
  job->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (password_row)));
  forget_old_password (self);
  self->old_password = g_strdup (job->password);
  set_busy (self, TRUE);
  show_message (self, NULL);
  jy_store_write_async (self->store, sign_in_func, job, (GDestroyNotify)job_free,
                        (GDestroyNotify)jy_login_result_free, NULL, signed_in_cb, g_object_ref (self));
}

static void
first_admin_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JyLoginView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyActor) admin = jy_store_write_finish (JY_STORE (object), result, &error);

  set_busy (self, FALSE);
  if (admin == NULL)
    {
      g_warning ("Could not create the administrator: %s", error->message);
      show_message (self, g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID)
                            ? _("Check the fields: a login is 2 to 32 letters or digits.")
                            : _("The administrator could not be created: the database reported an error."));
      return;
    }
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-login", jy_actor_get_login (admin));
  emit_signed_in (self, admin);
}

/* Checks a new password and its repetition at the form; NULL when fine. */
static char *
check_new_password (JyLoginView *self,
                    const char  *password,
                    const char  *again,
                    const char  *login)
{
  JyPasswordPolicy policy;
  JyPasswordProblem problem;

  jy_gui_password_policy (self->settings, &policy);
  problem = jy_password_check (password, login, &policy);
  if (problem != JY_PASSWORD_OK)
    return jy_password_problem_dup_message (problem, &policy);
  if (g_strcmp0 (password, again) != 0)
    return g_strdup (_("The two passwords differ."));
  return NULL;
}

static void
submit_first_run (JyLoginView *self)
{
  g_autofree char *name = dup_text (self->admin_name_row);
  g_autofree char *login_text = dup_text (self->admin_login_row);
  g_autofree char *login = jy_login_normalize (login_text);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->admin_password_row));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->admin_confirm_row));
  g_autofree char *centre_name = dup_text (self->centre_name_row);
  g_autofree char *centre_code = dup_text (self->centre_code_row);
  g_autofree char *problem = NULL;
  Job *job;

  if (self->needs_centre && (centre_name[0] == '\0' || centre_code[0] == '\0'))
    {
      show_message (self, _("Enter both the centre name and its institution code"));
      return;
    }
  if (name[0] == '\0')
    {
      show_message (self, _("Enter your name."));
      return;
    }
  if (login == NULL)
    {
      show_message (self, _("A login name is 2 to 32 letters, digits, dots, dashes or underscores, such as wangli."));
      return;
    }
  if ((problem = check_new_password (self, password, again, login)) != NULL)
    {
      show_message (self, problem);
      return;
    }

  job = job_new (self);
  job->spec.login = g_steal_pointer (&login);
  job->spec.name = g_steal_pointer (&name);
  job->spec.role = JY_ROLE_ADMIN;
  job->spec.password = g_strdup (password);
  job->with_centre = self->needs_centre;
  job->centre.name = g_steal_pointer (&centre_name);
  job->centre.code = g_steal_pointer (&centre_code);
  set_busy (self, TRUE);
  jy_store_write_async (self->store, first_admin_func, job, (GDestroyNotify)job_free,
                        (GDestroyNotify)jy_actor_unref, NULL, first_admin_cb, g_object_ref (self));
}

static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(JyLoginView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLoginResult) change = jy_store_write_finish (JY_STORE (object), result, &error);
  g_autofree char *message = NULL;

  set_busy (self, FALSE);
  if (change == NULL)
    {
      g_warning ("Could not change a password: %s", error->message);
      show_message (self, _("The password could not be saved: the database reported an error."));
      return;
    }
  if ((message = describe_login (change)) != NULL)
    {
      show_message (self, message);
      return;
    }
  emit_signed_in (self, self->actor);
}

static void
submit_change (JyLoginView *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->new_password_row));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->new_confirm_row));
  g_autofree char *problem = check_new_password (self, password, again, jy_actor_get_login (self->actor));
  Job *job;

  if (problem != NULL)
    {
      show_message (self, problem);
      return;
    }
  job = job_new (self);
  job->password = g_strdup (self->old_password);
  job->new_password = g_strdup (password);
  set_busy (self, TRUE);
  jy_store_write_async (self->store, change_func, job, (GDestroyNotify)job_free,
                        (GDestroyNotify)jy_login_result_free, NULL, changed_cb, g_object_ref (self));
}

static void
submit_cb (JyLoginView *self)
{
  const char *mode = gtk_stack_get_visible_child_name (self->mode_stack);

  if (self->busy || self->store == NULL)
    return;

  if (g_str_equal (mode, "first-run"))
    submit_first_run (self);
  else if (g_str_equal (mode, "sign-in"))
    {
      g_autofree char *login = dup_text (self->login_row);

      if (login[0] == '\0')
        {
          show_message (self, _("Enter your login name."));
          gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
          return;
        }
      run_sign_in (self, login, self->password_row);
    }
  else if (g_str_equal (mode, "unlock") && self->actor != NULL)
    run_sign_in (self, jy_actor_get_login (self->actor), self->unlock_row);
  else if (g_str_equal (mode, "change"))
    submit_change (self);
}

static void
login_activated_cb (JyLoginView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
other_cb (JyLoginView *self)
{
  g_clear_pointer (&self->actor, jy_actor_unref);
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), "");
  show_mode (self, "sign-in");
}

/* Setup --------------------------------------------------------------------- */

static void
setup_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyLoginView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree JyAccountSetup *setup = jy_store_read_finish (JY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (setup == NULL)
    {
      g_warning ("Could not read the accounts: %s", error->message);
      show_message (self, _("The accounts could not be read: the database reported an error."));
      return;
    }

  self->is_demo = setup->is_demo;
  self->needs_centre = !setup->has_centre;
  show_mode (self, setup->has_accounts ? "sign-in" : "first-run");
}

void
jy_login_view_set_store (JyLoginView *self,
                         JyStore     *store,
                         GSettings   *settings)
{
  g_return_if_fail (JY_IS_LOGIN_VIEW (self));
  g_return_if_fail (JY_IS_STORE (store));

  g_set_object (&self->store, store);
  g_set_object (&self->settings, settings);
  jy_login_view_sign_in (self);
}

void
jy_login_view_sign_in (JyLoginView *self)
{
  g_return_if_fail (JY_IS_LOGIN_VIEW (self));

  g_clear_pointer (&self->actor, jy_actor_unref);
  forget_old_password (self);
  if (self->store == NULL)
    {
      show_mode (self, "loading");
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  show_mode (self, "loading");
  jy_store_read_async (self->store, jy_account_store_load_setup, NULL, NULL, g_free,
                       self->cancellable, setup_loaded_cb, g_object_ref (self));
}

void
jy_login_view_lock (JyLoginView *self,
                    JyActor     *actor)
{
  g_return_if_fail (JY_IS_LOGIN_VIEW (self));
  g_return_if_fail (actor != NULL);

  g_clear_pointer (&self->actor, jy_actor_unref);
  self->actor = jy_actor_ref (actor);
  show_mode (self, "unlock");
}

const char *
jy_login_view_get_mode (JyLoginView *self)
{
  g_return_val_if_fail (JY_IS_LOGIN_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->mode_stack);
}

JyLoginView *
jy_login_view_new (void)
{
  return g_object_new (JY_TYPE_LOGIN_VIEW, NULL);
}

static void
jy_login_view_dispose (GObject *object)
{
  JyLoginView *self = (JyLoginView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->actor, jy_actor_unref);
  forget_old_password (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_LOGIN_VIEW);

  G_OBJECT_CLASS (jy_login_view_parent_class)->dispose (object);
}

static void
jy_login_view_class_init (JyLoginViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_login_view_dispose;

  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, JY_TYPE_ACTOR);
  /* The first screen that needed the database is up (the bench times to here). */
  signals[READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-login-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, title_label);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, centre_group);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, centre_name_row);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, centre_code_row);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, admin_name_row);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, admin_login_row);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, admin_password_row);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, admin_confirm_row);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, login_row);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, password_row);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, unlock_row);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, new_password_row);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, new_confirm_row);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, message_label);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, submit_button);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, other_button);
  gtk_widget_class_bind_template_child (widget_class, JyLoginView, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, submit_cb);
  gtk_widget_class_bind_template_callback (widget_class, login_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, other_cb);
}

static void
jy_login_view_init (JyLoginView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: shown on the sign-in screen of the demo centre only */
  gtk_label_set_label (self->hint_label,
                       _("Demo centre: sign in as doctor01, nurse01, publichealth01, manager01 or admin01 with the password “demo”."));
  show_mode (self, "loading");
}
