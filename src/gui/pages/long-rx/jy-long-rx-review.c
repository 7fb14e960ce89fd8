/* jy-long-rx-review.c — recording the review (复诊) of a long prescription
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
#include "jy-person.h"

/* domain.md §4.6: the patient comes back at least once a cycle. The
 * review decides: continue (the next review is proposed by core, no
 * later than the end of supply), adjust (stop for a regimen change, then
 * the issue dialog opens for the new one) or stop with a reason. */

typedef struct
{
  GtkWindow          *parent;
  JyStore            *store;
  JyLongRxChangedFunc changed;
  gpointer            user_data;
  gint64              resident_id;
  JyLongRx           *rx;
  JyLongRxConfig      config;
  char               *today;
  AdwMessageDialog   *dialog;
  GtkEntry           *date;
  GtkCheckButton     *stable;
  GtkDropDown        *decision;
  GtkEntry           *next;
  GtkDropDown        *reason;
  GtkEntry           *note;
  GtkLabel           *error;
  /* copied on the main thread for the writer */
  JyLongRxReviewDecision chosen;
  JyLongRxStopReason  stop_reason;
  char               *review_date;
  char               *next_review;
  char               *note_text;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->store);
  g_clear_object (&job->user_data);
  g_clear_pointer (&job->rx, jy_long_rx_free);
  g_free (job->today);
  g_free (job->review_date);
  g_free (job->next_review);
  g_free (job->note_text);
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

static const char *
text_of (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* Checks the form with core; the message goes under the fields and the
 * Save response stays disabled until it is right. */
static void
validate (Job *job)
{
  JyLongRxReviewDecision decision = gtk_drop_down_get_selected (job->decision);
  const char *date = text_of (job->date);
  g_autofree char *message = NULL;
  gboolean ok = jy_long_rx_review_check (job->rx, date, job->today,
                                         gtk_check_button_get_active (job->stable),
                                         decision, &job->config, &message);

  gtk_widget_set_visible (GTK_WIDGET (job->next), decision == JY_LONG_RX_REVIEW_CONTINUE);
  gtk_widget_set_visible (GTK_WIDGET (job->reason), decision == JY_LONG_RX_REVIEW_STOP);
  if (ok && decision == JY_LONG_RX_REVIEW_CONTINUE)
    {
      g_autofree char *end = jy_long_rx_end_date (job->rx);
      const char *next = text_of (job->next);
      GDate d;

      if (!jy_person_parse_date (next, &d) || g_strcmp0 (next, date) <= 0 || g_strcmp0 (next, end) > 0)
        {
          ok = FALSE;
          /* Translators: %s the last day of supply */
          message = g_strdup_printf (_("The next review must fall after this one and no later than the end of supply (%s)."), end);
        }
    }
  if (ok && decision == JY_LONG_RX_REVIEW_STOP)
    {
      JyLongRxStopReason reason = gtk_drop_down_get_selected (job->reason) + 1;

      ok = jy_long_rx_stop_check (job->rx, reason, date, text_of (job->note), &message);
    }
  gtk_label_set_label (job->error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (job->error), message != NULL);
  adw_message_dialog_set_response_enabled (job->dialog, "apply", ok);
}

static void
propose_next (Job *job)
{
  g_autofree char *next = jy_long_rx_next_review_date (job->rx, text_of (job->date), &job->config);

  gtk_editable_set_text (GTK_EDITABLE (job->next), next != NULL ? next : "");
}

static void
date_changed_cb (GtkEditable *editable,
                 Job         *job)
{
  propose_next (job);
  validate (job);
}

static void
form_changed_cb (GObject    *object,
                 GParamSpec *pspec,
                 Job        *job)
{
  validate (job);
}

static void
text_changed_cb (GtkEditable *editable,
                 Job         *job)
{
  validate (job);
}

static gpointer
write_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Job *job = data;

  switch (job->chosen)
    {
    case JY_LONG_RX_REVIEW_CONTINUE:
      return jy_long_rx_store_review (db, job->rx->id, job->rx->rev, job->review_date,
                                      job->next_review, job->note_text, error);
    case JY_LONG_RX_REVIEW_ADJUST:
      return jy_long_rx_store_stop (db, job->rx->id, job->rx->rev, JY_LONG_RX_STOP_REGIMEN_CHANGE,
                                    job->review_date, job->note_text, error);
    case JY_LONG_RX_REVIEW_STOP:
    case JY_LONG_RX_REVIEW_LAST:
    default:
      return jy_long_rx_store_stop (db, job->rx->id, job->rx->rev, job->stop_reason,
                                    job->review_date, job->note_text, error);
    }
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

      tell (job->parent, _("Could Not Record the Review"), message);
    }
  else
    {
      if (job->changed != NULL)
        job->changed (job->user_data);
      /* Adjusting: the old one is stopped, the new one is issued now. */
      if (job->chosen == JY_LONG_RX_REVIEW_ADJUST)
        jy_long_rx_open_issue (job->parent, job->store, rx->resident_id, job->changed, job->user_data);
    }
  job_free (job);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Job              *job)
{
  const char *note;

  if (g_strcmp0 (response, "apply") != 0)
    {
      job_free (job);
      return;
    }
  job->chosen = gtk_drop_down_get_selected (job->decision);
  job->stop_reason = gtk_drop_down_get_selected (job->reason) + 1;
  job->review_date = g_strdup (text_of (job->date));
  job->next_review = g_strdup (text_of (job->next));
  note = text_of (job->note);
  job->note_text = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  /* The job is freed by written_cb; the store only borrows it. */
  jy_store_write_async (job->store, write_func, job, NULL,
                        (GDestroyNotify) jy_long_rx_free, NULL, written_cb, job);
}

static GtkEntry *
entry_new (const char *name,
           const char *label)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  gtk_widget_set_name (GTK_WIDGET (entry), name);
  g_object_set (entry, "placeholder-text", label, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return entry;
}

static void
show_form (Job *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  g_autoptr(GtkStringList) decisions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);
  g_autofree char *end = jy_long_rx_end_date (job->rx);
  g_autofree char *body = NULL;
  GtkWidget *label;

  for (guint d = 0; d < JY_LONG_RX_REVIEW_LAST; d++)
    gtk_string_list_append (decisions, _(jy_long_rx_review_decision_label (d)));
  for (guint r = 1; r < JY_LONG_RX_STOP_LAST; r++)
    gtk_string_list_append (reasons, _(jy_long_rx_stop_reason_label (r)));

  label = gtk_label_new (_("Review date"));
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), label);
  job->date = entry_new ("review-date", _("Review date"));
  gtk_editable_set_text (GTK_EDITABLE (job->date), job->today);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->date));

  job->stable = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("The condition is _stable (assessed face to face)")));
  gtk_widget_set_name (GTK_WIDGET (job->stable), "review-stable");
  gtk_check_button_set_active (job->stable, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->stable));

  job->decision = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (decisions)), NULL));
  gtk_widget_set_name (GTK_WIDGET (job->decision), "review-decision");
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->decision), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Decision"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->decision));

  job->next = entry_new ("review-next", _("Next review date"));
  label = gtk_label_new (_("Next review date"));
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  g_object_bind_property (job->next, "visible", label, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->next));

  job->reason = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (reasons)), NULL));
  gtk_widget_set_name (GTK_WIDGET (job->reason), "review-reason");
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->reason), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->reason));

  job->note = entry_new ("review-note", _("Note (required for another reason)"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->note));

  job->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (job->error), "review-error");
  gtk_label_set_wrap (job->error, TRUE);
  gtk_label_set_xalign (job->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (job->error), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->error));

  /* Translators: %1$s a prescription number, %2$s its issue date, %3$s the last day of supply */
  body = g_strdup_printf (_("%1$s, issued %2$s, supply ends %3$s."), job->rx->rx_no, job->rx->issue_date, end);
  job->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (job->parent, _("Review Long Prescription"), body));
  adw_message_dialog_set_extra_child (job->dialog, box);
  adw_message_dialog_add_responses (job->dialog, "cancel", _("_Cancel"), "apply", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (job->dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (job->dialog, "apply");

  propose_next (job);
  validate (job);
  g_signal_connect (job->date, "changed", G_CALLBACK (date_changed_cb), job);
  g_signal_connect (job->next, "changed", G_CALLBACK (text_changed_cb), job);
  g_signal_connect (job->note, "changed", G_CALLBACK (text_changed_cb), job);
  g_signal_connect (job->stable, "notify::active", G_CALLBACK (form_changed_cb), job);
  g_signal_connect (job->decision, "notify::selected", G_CALLBACK (form_changed_cb), job);
  g_signal_connect (job->reason, "notify::selected", G_CALLBACK (form_changed_cb), job);
  g_signal_connect (job->dialog, "response", G_CALLBACK (response_cb), job);
  gtk_window_present (GTK_WINDOW (job->dialog));
}

typedef struct
{
  gint64 long_rx_id;
  gint64 resident_id;
} Request;

/* The prescription to review: @long_rx_id, or the resident's one in use. */
static gpointer
load_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  Request *request = data;
  g_autoptr(GPtrArray) list = NULL;

  if (request->long_rx_id != 0)
    return jy_long_rx_store_load (db, request->long_rx_id, error);
  if ((list = jy_long_rx_store_list (db, request->resident_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      JyLongRx *rx = g_ptr_array_index (list, i);

      if (rx->state == JY_LONG_RX_STATE_ACTIVE)
        return jy_long_rx_copy (rx);
    }
  g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                       _("The resident has no long prescription in use."));
  return NULL;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  job->rx = jy_store_read_finish (JY_STORE (object), result, &error);
  if (job->rx == NULL)
    {
      tell (job->parent, _("Could Not Load the Prescription"), error->message);
      job_free (job);
      return;
    }
  show_form (job);
}

void
jy_long_rx_open_review (GtkWindow           *parent,
                        JyStore             *store,
                        gint64               long_rx_id,
                        gint64               resident_id,
                        JyLongRxChangedFunc  changed,
                        gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);
  Request *request = g_new0 (Request, 1);
  g_autoptr(GDate) today = jy_clock_today_local ();

  request->long_rx_id = long_rx_id;
  request->resident_id = resident_id;
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->store = g_object_ref (store);
  job->changed = changed;
  job->user_data = user_data != NULL ? g_object_ref (user_data) : NULL;
  job->resident_id = resident_id;
  job->today = jy_clock_format_date (today);
  jy_long_rx_config_init (&job->config);
  jy_store_read_async (store, load_func, request, g_free,
                       (GDestroyNotify) jy_long_rx_free, NULL, loaded_cb, job);
}

/* After a follow-up (§4.6) ------------------------------------------------ */

typedef struct
{
  GtkWindow *parent;
  JyStore   *store;
  gint64     long_rx_id;
} Notice;

static void
notice_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Notice           *notice)
{
  if (g_str_equal (response, "stop"))
    jy_long_rx_open_lifecycle (notice->parent, notice->store, notice->long_rx_id, FALSE, NULL, NULL);
  else if (g_str_equal (response, "review"))
    jy_long_rx_open_review (notice->parent, notice->store, notice->long_rx_id, 0, NULL, NULL);
  g_clear_object (&notice->parent);
  g_clear_object (&notice->store);
  g_free (notice);
}

void
jy_long_rx_followup_notice (GtkWindow          *parent,
                            JyStore            *store,
                            gint64              long_rx_id,
                            JyLongRxStopReason  reason)
{
  Notice *notice = g_new0 (Notice, 1);
  AdwMessageDialog *dialog;
  /* Translators: %s a stop reason, e.g. "Condition changed" */
  g_autofree char *body = g_strdup_printf (_("This follow-up calls for stopping or re-issuing the resident's long prescription (%s). "
                                             "Review it with the patient, then stop it or issue a new one. "
                                             "Nothing has been stopped yet."),
                                           _(jy_long_rx_stop_reason_label (reason)));

  notice->parent = parent != NULL ? g_object_ref (parent) : NULL;
  notice->store = g_object_ref (store);
  notice->long_rx_id = long_rx_id;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Long Prescription Must Be Reviewed"), body));
  gtk_widget_set_name (GTK_WIDGET (dialog), "long-rx-followup-notice");
  adw_message_dialog_add_responses (dialog, "later", _("_Later"), "review", _("Re_view…"),
                                    "stop", _("_Stop…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "review");
  g_signal_connect (dialog, "response", G_CALLBACK (notice_response_cb), notice);
  gtk_window_present (GTK_WINDOW (dialog));
}
