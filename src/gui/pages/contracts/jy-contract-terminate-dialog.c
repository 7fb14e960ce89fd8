/* jy-contract-terminate-dialog.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-terminate-dialog.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-person.h"

struct _JyContractTerminateDialog
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkDropDown     *reason_dropdown;
  GtkEntry        *date_entry;
  GtkLabel        *date_error;
  GtkEntry        *note_entry;
  GtkLabel        *save_error;

  JyStore         *store;
  gint64           contract_id;
  gint64           contract_rev;
  JyContractFacts  facts;
  gboolean         saving;
};

G_DEFINE_FINAL_TYPE (JyContractTerminateDialog, jy_contract_terminate_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Death ends a contract by itself (the resident's record); these are
 * chosen by hand. */
static const JyTerminationReason reasons[] = {
  JY_TERMINATION_REASON_RESIDENT_REQUEST, JY_TERMINATION_REASON_MOVED_OUT,
  JY_TERMINATION_REASON_CHANGE_OF_TEAM, JY_TERMINATION_REASON_INSTITUTION,
  JY_TERMINATION_REASON_DEATH, JY_TERMINATION_REASON_OTHER,
};

static JyTerminationReason
reason (JyContractTerminateDialog *self)
{
  return reasons[MIN (gtk_drop_down_get_selected (self->reason_dropdown), G_N_ELEMENTS (reasons) - 1)];
}

static const char *
problem_text (JyTerminationCheck problem)
{
  switch (problem)
    {
    case JY_TERMINATION_CHECK_BEFORE_SIGNING:
      return _("The date is before the contract was signed.");
    case JY_TERMINATION_CHECK_ALREADY_ENDED:
      return _("The contract had already ended by then: it expired.");
    case JY_TERMINATION_CHECK_ALREADY_TERMINATED:
      return _("The contract is terminated already.");
    case JY_TERMINATION_CHECK_VOIDED:
      return _("The contract was voided.");
    case JY_TERMINATION_CHECK_NO_REASON:
      return _("Choose the reason.");
    case JY_TERMINATION_CHECK_OK:
    default:
      return NULL;
    }
}

static gboolean
check (JyContractTerminateDialog *self,
       GDate                     *date)
{
  const char *text = NULL;

  if (!jy_person_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), date))
    text = _("Enter the date as YYYY-MM-DD.");
  else
    text = problem_text (jy_contract_check_termination (&self->facts, date, reason (self)));
  gtk_label_set_label (self->date_error, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), text != NULL);
  return text == NULL;
}

static void
field_changed_cb (JyContractTerminateDialog *self)
{
  GDate date;

  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);
  check (self, &date);
}

typedef struct
{
  gint64               id;
  gint64               rev;
  GDate                date;
  JyTerminationReason  reason;
  char                *note;
} TerminateJob;

static void
terminate_job_free (TerminateJob *job)
{
  g_free (job->note);
  g_free (job);
}

static gpointer
terminate_job (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  TerminateJob *job = data;

  return jy_contract_store_terminate (db, job->id, job->rev, &job->date, job->reason, job->note, NULL, error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JyContractTerminateDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = jy_store_write_finish (JY_STORE (object), result, &error);

  self->saving = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (contract == NULL)
    {
      g_autofree char *message = jy_contract_error_describe (error);

      if (message == NULL)
        message = jy_gui_format_store_error (error);
      gtk_label_set_label (self->save_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JyContractTerminateDialog *self = JY_CONTRACT_TERMINATE_DIALOG (widget);
  TerminateJob *job;
  GDate date;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  if (self->saving || !check (self, &date))
    return;
  job = g_new0 (TerminateJob, 1);
  job->id = self->contract_id;
  job->rev = self->contract_rev;
  job->date = date;
  job->reason = reason (self);
  job->note = *note != '\0' ? g_strstrip (g_strdup (note)) : NULL;
  self->saving = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  jy_store_write_async (self->store, terminate_job, job, (GDestroyNotify) terminate_job_free,
                        (GDestroyNotify) jy_contract_free, NULL, saved_cb, g_object_ref (self));
}

static void
jy_contract_terminate_dialog_dispose (GObject *object)
{
  JyContractTerminateDialog *self = JY_CONTRACT_TERMINATE_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (jy_contract_terminate_dialog_parent_class)->dispose (object);
}

static void
jy_contract_terminate_dialog_class_init (JyContractTerminateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_contract_terminate_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-contract-terminate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JyContractTerminateDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JyContractTerminateDialog, reason_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyContractTerminateDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, JyContractTerminateDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, JyContractTerminateDialog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, JyContractTerminateDialog, save_error);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "terminate.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_contract_terminate_dialog_init (JyContractTerminateDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    gtk_string_list_append (list, _(jy_termination_reason_get_label (reasons[i])));
  gtk_drop_down_set_model (self->reason_dropdown, G_LIST_MODEL (list));
}

JyContractTerminateDialog *
jy_contract_terminate_dialog_new (GtkWindow        *parent,
                                  JyStore          *store,
                                  const JyContract *contract,
                                  const char       *resident_name)
{
  JyContractTerminateDialog *self;
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *today_str = jy_clock_format_date (today);

  g_return_val_if_fail (JY_IS_STORE (store), NULL);
  g_return_val_if_fail (contract != NULL, NULL);

  self = g_object_new (JY_TYPE_CONTRACT_TERMINATE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->contract_id = contract->id;
  self->contract_rev = contract->rev;
  self->facts = contract->facts;
  adw_window_title_set_subtitle (self->window_title, resident_name);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today_str);
  return self;
}
