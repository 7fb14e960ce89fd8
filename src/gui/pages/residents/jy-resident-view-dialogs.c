/* jy-resident-view-dialogs.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The resident page's dialogs: marking a record moved out, deceased or
 * lost, and adding or ending key-population tags set by hand.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-key-population.h"
#include "jy-person.h"
#include "jy-resident-store.h"
#include "jy-resident-view-private.h"

typedef struct
{
  gint64  id;
  gint64  rev;
  char   *status;
  char   *date;
  char   *reason;
} RetireJob;

static void
retire_job_free (RetireJob *job)
{
  g_free (job->status);
  g_free (job->date);
  g_free (job->reason);
  g_free (job);
}

static gpointer
retire_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  RetireJob *job = data;

  return jy_resident_store_retire (db, job->id, job->rev, job->status, job->date,
                                   job->reason, error) ? JY_STORE_DONE : NULL;
}

static void
retired_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(JyResidentView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      g_warning ("Could not retire resident: %s", error->message);
      jy_resident_view_changed (self, message);
      return;
    }

  jy_resident_view_changed (self, _("Record updated"));
  jy_resident_view_reload (self);
}

static const char *const retire_statuses[] = { "moved-out", "dead", "lost" };

static void
retire_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    JyResidentView   *self)
{
  GtkDropDown *status = g_object_get_data (G_OBJECT (dialog), "status");
  GtkEditable *date = g_object_get_data (G_OBJECT (dialog), "date");
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  RetireJob *job;

  if (g_strcmp0 (response, "retire") != 0 || jy_resident_view_get_detail (self) == NULL)
    return;

  job = g_new0 (RetireJob, 1);
  job->id = jy_resident_view_get_resident_id (self);
  job->rev = jy_resident_view_get_detail (self)->resident->rev;
  job->status = g_strdup (retire_statuses[gtk_drop_down_get_selected (status)]);
  job->date = g_strstrip (g_strdup (gtk_editable_get_text (date)));
  job->reason = g_strstrip (g_strdup (gtk_editable_get_text (reason)));
  jy_store_write_async (jy_resident_view_get_store (self), retire_func, job, (GDestroyNotify)retire_job_free, NULL,
                        NULL, retired_cb, g_object_ref (self));
}

static void
retire_date_changed_cb (GtkEditable      *date,
                        AdwMessageDialog *dialog)
{
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  g_autoptr(GDate) today = jy_clock_today_local ();
  GDate parsed;
  gboolean ok = jy_person_parse_date (gtk_editable_get_text (date), &parsed) &&
                g_date_compare (&parsed, today) <= 0;

  /* The rule is said at the field; the dialog cannot confirm a bad date. */
  gtk_label_set_label (hint, ok ? "" : _("Enter the date as YYYY-MM-DD, not later than today"));
  adw_message_dialog_set_response_enabled (dialog, "retire", ok);
}

void
jy_resident_view_retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JyResidentView *self = JY_RESIDENT_VIEW (widget);
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *today_text = jy_clock_format_date (today);
  g_autofree char *body = NULL;
  const char *labels[] = { _("Moved out"), _("Deceased"), _("Lost to follow-up"), NULL };
  AdwMessageDialog *dialog;
  GtkWidget *box, *status, *date, *reason, *hint;

  if (jy_resident_view_get_detail (self) == NULL)
    return;

  /* Translators: %s is the resident's name */
  body = g_strdup_printf (_("%s's record stays in the registry with the date and reason, and leaves the worklists."),
                          jy_resident_view_get_detail (self)->resident->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Mark Moved Out or Deceased"), body));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  status = gtk_drop_down_new_from_strings (labels);
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for leaving"), -1);
  date = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (date), today_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (date), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  hint = gtk_label_new (NULL);
  gtk_widget_add_css_class (hint, "error");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Destination or cause (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Destination or cause"), -1);
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), reason);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data (G_OBJECT (dialog), "status", status);
  g_object_set_data (G_OBJECT (dialog), "date", date);
  g_object_set_data (G_OBJECT (dialog), "reason", reason);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  g_signal_connect (date, "changed", G_CALLBACK (retire_date_changed_cb), dialog);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "retire", _("_Mark"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "retire", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (retire_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  gint64  resident_id;
  char   *tag;
  char   *tag_uuid;
  char   *start;
  char   *end;
} TagJob;

static void
tag_job_free (TagJob *job)
{
  g_free (job->tag);
  g_free (job->tag_uuid);
  g_free (job->start);
  g_free (job->end);
  g_free (job);
}

static gpointer
tag_func (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  TagJob *job = data;
  gboolean ok = job->tag_uuid != NULL
                ? jy_resident_store_end_tag (db, job->tag_uuid, job->end, error)
                : jy_resident_store_add_tag (db, job->resident_id, job->tag, job->start, job->end, NULL, error);

  return ok ? JY_STORE_DONE : NULL;
}

static char *
entry_text_or_null (GtkEditable *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Dates in a tag dialog: the start is required, the end optional, not
 * before the start; said at the field, and the dialog cannot confirm. */
static void
tag_dates_changed_cb (GtkEditable      *editable,
                      AdwMessageDialog *dialog)
{
  GtkEditable *start = g_object_get_data (G_OBJECT (dialog), "start");
  GtkEditable *end = g_object_get_data (G_OBJECT (dialog), "end");
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  g_autofree char *end_text = entry_text_or_null (end);
  GDate s, e;
  const char *problem = NULL;

  if (start != NULL && !jy_person_parse_date (gtk_editable_get_text (start), &s))
    problem = _("Enter the start as YYYY-MM-DD");
  else if (end_text != NULL && !jy_person_parse_date (end_text, &e))
    problem = _("Enter the end as YYYY-MM-DD, or leave it empty");
  else if (start != NULL && end_text != NULL && g_date_compare (&e, &s) < 0)
    problem = _("The end cannot be before the start");

  gtk_label_set_label (hint, problem != NULL ? problem : "");
  adw_message_dialog_set_response_enabled (dialog, "save", problem == NULL);
}

static void
tag_saved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JyResidentView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      g_warning ("Could not save a key-population tag: %s", error->message);
      jy_resident_view_changed (self, message);
      return;
    }
  jy_resident_view_changed (self, _("Key population updated"));
  jy_resident_view_reload (self);
}

static const JyKeyPopulation manual_kinds[] = {
  JY_KEY_POPULATION_PREGNANT, JY_KEY_POPULATION_MENTAL, JY_KEY_POPULATION_TUBERCULOSIS,
  JY_KEY_POPULATION_FAMILY_PLANNING, JY_KEY_POPULATION_LOW_INCOME,
};

static void
tag_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 JyResidentView   *self)
{
  GtkDropDown *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  GtkEditable *start = g_object_get_data (G_OBJECT (dialog), "start");
  GtkEditable *end = g_object_get_data (G_OBJECT (dialog), "end");
  const char *tag_uuid = g_object_get_data (G_OBJECT (dialog), "tag-uuid");
  TagJob *job;

  if (g_strcmp0 (response, "save") != 0 || jy_resident_view_get_store (self) == NULL)
    return;

  job = g_new0 (TagJob, 1);
  job->resident_id = jy_resident_view_get_resident_id (self);
  job->tag_uuid = g_strdup (tag_uuid);
  if (kind != NULL)
    job->tag = g_strdup (jy_key_population_to_string (manual_kinds[gtk_drop_down_get_selected (kind)]));
  if (start != NULL)
    job->start = entry_text_or_null (start);
  job->end = entry_text_or_null (end);
  jy_store_write_async (jy_resident_view_get_store (self), tag_func, job, (GDestroyNotify)tag_job_free, NULL, NULL,
                        tag_saved_cb, g_object_ref (self));
}

static GtkWidget *
date_entry (AdwMessageDialog *dialog,
            const char       *key,
            const char       *label,
            const char       *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = gtk_label_new (label);
  GtkWidget *entry = gtk_entry_new ();

  /* A caption, not only a placeholder: a filled-in date must still say what it is. */
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (dialog), key, entry);
  g_signal_connect (entry, "changed", G_CALLBACK (tag_dates_changed_cb), dialog);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), entry);
  return box;
}

static void
present_tag_dialog (JyResidentView *self,
                    const char     *tag_uuid)
{
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *today_text = jy_clock_format_date (today);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hint = gtk_label_new (NULL);

  if (tag_uuid == NULL)
    {
      const char *labels[G_N_ELEMENTS (manual_kinds) + 1] = { NULL };
      GtkWidget *kind;

      for (guint i = 0; i < G_N_ELEMENTS (manual_kinds); i++)
        labels[i] = jy_gui_format_key_population (manual_kinds[i]);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                           _("Add Key Population"),
                                                           _("From the date it applies; leave the end empty while it lasts.")));
      kind = gtk_drop_down_new_from_strings (labels);
      gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Key population"), -1);
      g_object_set_data (G_OBJECT (dialog), "kind", kind);
      gtk_box_append (GTK_BOX (box), kind);
      gtk_box_append (GTK_BOX (box), date_entry (dialog, "start", _("Start (YYYY-MM-DD)"), today_text));
      gtk_box_append (GTK_BOX (box), date_entry (dialog, "end", _("End (YYYY-MM-DD, optional)"), NULL));
    }
  else
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                           _("End Key Population"),
                                                           _("The tag stays on the record with its dates.")));
      g_object_set_data_full (G_OBJECT (dialog), "tag-uuid", g_strdup (tag_uuid), g_free);
      gtk_box_append (GTK_BOX (box), date_entry (dialog, "end", _("End (YYYY-MM-DD)"), today_text));
    }

  gtk_widget_add_css_class (hint, "error");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (tag_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
jy_resident_view_end_tag_clicked_cb (GtkButton      *button,
                    JyResidentView *self)
{
  present_tag_dialog (self, g_object_get_data (G_OBJECT (button), "tag-uuid"));
}

void
jy_resident_view_add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JyResidentView *self = JY_RESIDENT_VIEW (widget);

  if (jy_resident_view_get_detail (self) != NULL)
    present_tag_dialog (self, NULL);
}

