/* jy-long-rx-lifecycle.c — stopping and renewing from the long-rx page
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-long-rx-actions.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-long-rx-store.h"

typedef struct
{
  GtkWindow          *parent;
  JyStore            *store;
  JyLongRxChangedFunc changed;
  gpointer            user_data;
  JyLongRx           *rx;
  gboolean            renew;
  GtkDropDown        *reason;
  GtkEntry           *note;
  GtkCheckButton     *assessment;
  GtkCheckButton     *confirmation;
  /* What the dialog said, read on the main thread when it answered: the
   * write job runs on the writer thread, where widgets must not be
   * touched (and the dialog may be gone by then). */
  JyLongRxStopReason  stop_reason;
  char               *stop_note;
  gboolean            assessment_done;
  gboolean            patient_confirmed;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->store);
  g_clear_object (&job->user_data);
  g_clear_pointer (&job->rx, jy_long_rx_free);
  g_free (job->stop_note);
  g_free (job);
}

static void
tell (GtkWindow  *parent,
      const char *heading,
      const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = jy_store_write_finish (JY_STORE (object), result, &error);

  if (rx == NULL)
    {
      g_autofree char *message = error->domain == JY_STORE_ERROR && error->code == JY_STORE_ERROR_INVALID
                                   ? g_strdup (error->message) : jy_gui_format_store_error (error);

      tell (job->parent, job->renew ? _("Could Not Renew") : _("Could Not Stop"), message);
    }
  else if (job->changed != NULL)
    job->changed (job->user_data);
  job_free (job);
}

static gpointer
stop_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Job *job = data;
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *date = jy_clock_format_date (today);

  return jy_long_rx_store_stop (db, job->rx->id, job->rx->rev, job->stop_reason, date,
                                job->stop_note, error);
}

static gpointer
renew_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Job *job = data;
  g_autoptr(JyLongRx) renewal = jy_long_rx_copy (job->rx);
  g_autoptr(GDate) today = jy_clock_today_local ();

  g_free (renewal->issue_date);
  renewal->issue_date = jy_clock_format_date (today);
  g_clear_pointer (&renewal->review_date, g_free);
  g_clear_pointer (&renewal->rx_no, g_free);
  renewal->assessment_done = job->assessment_done;
  renewal->patient_confirmed = job->patient_confirmed;
  if (renewal->assessment_done && renewal->assessment_note == NULL)
    renewal->assessment_note = g_strdup (_("Reviewed face to face: stable"));
  return jy_long_rx_store_renew (db, job->rx->id, job->rx->rev, renewal, error);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Job              *job)
{
  if (g_strcmp0 (response, "apply") != 0)
    {
      job_free (job);
      return;
    }
  if (job->renew)
    {
      job->assessment_done = gtk_check_button_get_active (job->assessment);
      job->patient_confirmed = gtk_check_button_get_active (job->confirmation);
    }
  else
    {
      const char *note = gtk_editable_get_text (GTK_EDITABLE (job->note));

      job->stop_reason = (JyLongRxStopReason)(gtk_drop_down_get_selected (job->reason) + 1);
      job->stop_note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
    }
  /* The job is freed by written_cb; the store only borrows it. */
  jy_store_write_async (job->store, job->renew ? renew_func : stop_func, job, NULL,
                        (GDestroyNotify) jy_long_rx_free, NULL, written_cb, job);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRxPrintData) data = jy_store_read_finish (JY_STORE (object), result, &error);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  g_autofree char *body = NULL;

  if (data == NULL)
    {
      tell (job->parent, _("Could Not Load the Prescription"), error->message);
      job_free (job);
      return;
    }
  job->rx = g_steal_pointer (&data->rx);
  if (job->renew)
    {
      /* Translators: %1$s a prescription number, %2$d its days */
      body = g_strdup_printf (_("Renew %1$s for %2$d days with the same drugs, from today? A renewal needs a face-to-face assessment within the last 12 weeks."),
                              job->rx->rx_no, job->rx->total_days);
      job->assessment = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Assessment documented: the condition is stable (required over 4 weeks)")));
      job->confirmation = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("The patient was _educated and confirmed (signature)")));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->assessment));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->confirmation));
    }
  else
    {
      g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);

      for (guint r = 1; r < JY_LONG_RX_STOP_LAST; r++)
        gtk_string_list_append (reasons, _(jy_long_rx_stop_reason_label (r)));
      body = g_strdup_printf (_("Stop %s today? The remaining instalments are cancelled."), job->rx->rx_no);
      job->reason = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (reasons)), NULL));
      gtk_accessible_update_property (GTK_ACCESSIBLE (job->reason), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
      job->note = GTK_ENTRY (gtk_entry_new ());
      g_object_set (job->note, "placeholder-text", _("Note (required for another reason)"), NULL);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->reason));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->note));
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (job->parent,
                                                       job->renew ? _("Renew Long Prescription") : _("Stop Long Prescription"),
                                                       body));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "apply", job->renew ? _("_Renew") : _("_Stop"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply",
                                              job->renew ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
jy_long_rx_open_lifecycle (GtkWindow           *parent,
                           JyStore             *store,
                           gint64               long_rx_id,
                           gboolean             renew,
                           JyLongRxChangedFunc  changed,
                           gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);
  gint64 *id = g_new (gint64, 1);

  *id = long_rx_id;
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->store = g_object_ref (store);
  job->renew = renew;
  job->changed = changed;
  job->user_data = user_data != NULL ? g_object_ref (user_data) : NULL;
  jy_store_read_async (store, jy_long_rx_store_load_print_func, id, g_free,
                       (GDestroyNotify) jy_long_rx_print_data_free, NULL, loaded_cb, job);
}
