/* jy-chronic-section-actions.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-chronic-section-private.h"
#include "jy-clock.h"
#include "jy-followup-print.h"
#include "jy-gui-format.h"
#include "jy-lifestyle-rx-window.h"
#include "jy-person.h"
#include "jy-print.h"

static const char *const end_reasons[] = { "death", "moved-out", "diagnosis-revoked", "refused" };

const char *
jy_chronic_end_reason_label (const char *reason)
{
  if (g_strcmp0 (reason, "death") == 0)
    return _("died");
  if (g_strcmp0 (reason, "moved-out") == 0)
    return _("moved out");
  if (g_strcmp0 (reason, "diagnosis-revoked") == 0)
    return _("diagnosis revoked");
  if (g_strcmp0 (reason, "refused") == 0)
    return _("refused management");
  return reason != NULL ? reason : "—";
}

static GtkWindow *
parent_window (JyChronicSection *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* --- Print the national record ------------------------------------------ */

typedef struct
{
  JyChronicSection *self;
  char             *programme_code;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_object_unref (job->self);
  g_free (job->programme_code);
  g_free (job);
}

static void
centre_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PrintJob *job = user_data;
  JyChronicSection *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyCentreSummary) centre = jy_store_read_finish (JY_STORE (object), result, &error);
  JyProgrammeData *p = jy_chronic_section_find (self, job->programme_code);
  const JyResident *resident = jy_chronic_section_get_resident (self);
  g_autoptr(GDate) today = jy_clock_today_local ();

  if (p != NULL && resident != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      JyPrintDoc *doc = jy_followup_print_record (p->enrolment->programme, p->followups,
                                                  centre != NULL ? centre->name : NULL,
                                                  resident->name, resident->archive_no, today);

      jy_print_run (parent_window (self), doc, resident->name);
    }
  print_job_free (job);
}

/* Printed sheets are headed with the centre's name: read it, then go on
 * in @callback with the job. */
static void
with_centre (GtkWidget           *widget,
             GVariant            *parameter,
             GAsyncReadyCallback  callback)
{
  JyChronicSection *self = JY_CHRONIC_SECTION (widget);
  PrintJob *job = g_new0 (PrintJob, 1);

  job->self = g_object_ref (self);
  job->programme_code = g_variant_dup_string (parameter, NULL);
  jy_store_read_async (jy_chronic_section_get_store (self), jy_centre_store_load, NULL, NULL,
                       (GDestroyNotify) jy_centre_summary_free, NULL, callback, job);
}

void
jy_chronic_section_print_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  with_centre (widget, parameter, centre_loaded_cb);
}

/* --- Non-drug prescription ---------------------------------------------- */

static const JyFollowup *
latest_measured (GPtrArray *followups)
{
  for (guint i = 0; followups != NULL && i < followups->len; i++)
    {
      const JyFollowup *f = g_ptr_array_index (followups, i);

      if (f->outcome == JY_FOLLOWUP_OUTCOME_SEEN && (f->sbp >= 0 || jy_measured (f->fasting_glucose)))
        return f;
    }
  return NULL;
}

static void
rx_centre_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PrintJob *job = user_data;
  JyChronicSection *self = job->self;
  g_autoptr(JyCentreSummary) centre = jy_store_read_finish (JY_STORE (object), result, NULL);
  JyProgrammeData *p = jy_chronic_section_find (self, job->programme_code);
  JyProgrammeData *htn = jy_chronic_section_find (self, "htn");
  JyProgrammeData *dm = jy_chronic_section_find (self, "t2dm");
  const JyResident *resident = jy_chronic_section_get_resident (self);
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autoptr(GString) findings = g_string_new (NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) diagnoses = g_ptr_array_new ();
  g_autofree char *diagnosis = NULL;
  const JyFollowup *last;
  JyLifestyleFacts facts = { 0 };
  JyRxPrintHeader header = { 0 };
  GDate birth;

  if (p == NULL || resident == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    {
      print_job_free (job);
      return;
    }

  last = latest_measured (p->followups);
  facts.sex = resident->sex;
  facts.age = jy_person_parse_date (resident->birth_date, &birth) ? jy_person_age_on (&birth, today) : -1;
  facts.height_cm = facts.weight_kg = facts.waist_cm = facts.glucose = -1;
  facts.sbp = facts.dbp = -1;
  facts.hypertension = htn != NULL;
  facts.diabetes = dm != NULL;
  if (last != NULL)
    {
      facts.height_cm = last->height_cm;
      facts.weight_kg = last->weight_kg;
      facts.waist_cm = last->waist_cm;
      facts.sbp = last->sbp;
      facts.dbp = last->dbp;
      facts.glucose = jy_measured (last->fasting_glucose) ? last->fasting_glucose : last->random_glucose;
      facts.recent_hypoglycaemia = last->hypoglycaemia >= 2;
      facts.cigarettes = MAX (last->cigarettes, 0);
      facts.alcohol_liang = MAX (last->alcohol_liang, 0);

      if (last->sbp >= 0 && last->dbp >= 0)
        g_ptr_array_add (parts, g_strdup_printf (_("BP %d/%d mmHg"), last->sbp, last->dbp));
      if (jy_measured (last->fasting_glucose))
        g_ptr_array_add (parts, g_strdup_printf (_("fasting glucose %.1f mmol/L"), last->fasting_glucose));
      if (jy_measured (last->weight_kg) && jy_measured (last->height_cm))
        g_ptr_array_add (parts, g_strdup_printf (_("weight %.1f kg, height %.0f cm"),
                                                 last->weight_kg, last->height_cm));
    }
  if (parts->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (parts, NULL);
      /* TRANSLATORS: separator between findings or diagnoses */
      joined = g_strjoinv (_(", "), (char **) parts->pdata);
      /* TRANSLATORS: findings, then the date they were measured */
      g_string_printf (findings, _("%s (%s)"), joined, last->visit_date);
    }

  if (htn != NULL)
    g_ptr_array_add (diagnoses, _("Hypertension"));
  if (dm != NULL)
    g_ptr_array_add (diagnoses, _("Type 2 Diabetes"));
  g_ptr_array_add (diagnoses, NULL);
  diagnosis = g_strjoinv (_(", "), (char **) diagnoses->pdata);

  header.centre_name = centre != NULL ? centre->name : NULL;
  header.resident_name = resident->name;
  header.sex = resident->sex;
  header.age = facts.age;
  header.diagnosis = diagnosis;
  header.findings = findings->len > 0 ? findings->str : NULL;
  header.doctor_name = p->doctor_name;
  header.date = today;

  gtk_window_present (GTK_WINDOW (jy_lifestyle_rx_window_new (parent_window (self), &facts, &header,
                                                              JY_LIFESTYLE_RX_EXERCISE)));
  print_job_free (job);
}

void
jy_chronic_section_rx_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  with_centre (widget, parameter, rx_centre_loaded_cb);
}

/* --- End management ----------------------------------------------------- */

typedef struct
{
  gint64  enrolment_id;
  gint64  rev;
  char   *end_date;
  char   *reason;
  char   *note;
} EndJob;

static void
end_job_free (EndJob *job)
{
  g_free (job->end_date);
  g_free (job->reason);
  g_free (job->note);
  g_free (job);
}

static gpointer
end_job_run (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  EndJob *job = data;

  return jy_chronic_store_end_enrolment (db, job->enrolment_id, job->rev, job->end_date,
                                         job->reason, job->note, error) ? JY_STORE_DONE : NULL;
}

static void
ended_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JyChronicSection) self = user_data;
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);
      AdwMessageDialog *dialog =
        ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Management Could Not Be Ended"), message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  jy_chronic_section_emit_changed (self);
}

typedef struct
{
  JyChronicSection *self;
  gint64            enrolment_id;
  gint64            rev;
  char             *enrol_date;
  GtkEntry         *date_entry;
  GtkDropDown      *reason_dropdown;
  GtkEntry         *note_entry;
  GtkLabel         *error_label;
} EndDialog;

static void
end_dialog_free (EndDialog *d)
{
  g_object_unref (d->self);
  g_free (d->enrol_date);
  g_free (d);
}

/* Checked here, next to the field: the dialog stays open until it is right. */
static gboolean
end_dialog_check (EndDialog *d)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (d->date_entry));
  g_autoptr(GDate) today = jy_clock_today_local ();
  GDate end, enrolled;
  const char *problem = NULL;

  if (!jy_person_parse_date (date, &end))
    problem = _("Enter the date as YYYY-MM-DD.");
  else if (g_date_compare (&end, today) > 0)
    problem = _("The end date cannot be in the future.");
  else if (jy_person_parse_date (d->enrol_date, &enrolled) && g_date_compare (&end, &enrolled) < 0)
    problem = _("The end date cannot be before the enrolment date.");

  gtk_label_set_label (d->error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (d->error_label), problem != NULL);
  return problem == NULL;
}

static void
end_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 EndDialog        *d)
{
  EndJob *job;

  if (g_strcmp0 (response, "end") != 0)
    {
      end_dialog_free (d);
      return;
    }

  job = g_new0 (EndJob, 1);
  job->enrolment_id = d->enrolment_id;
  job->rev = d->rev;
  job->end_date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->date_entry)));
  job->reason = g_strdup (end_reasons[gtk_drop_down_get_selected (d->reason_dropdown)]);
  job->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->note_entry)));
  if (job->note[0] == '\0')
    g_clear_pointer (&job->note, g_free);

  jy_store_write_async (jy_chronic_section_get_store (d->self), end_job_run, job,
                        (GDestroyNotify) end_job_free, NULL, NULL, ended_cb, g_object_ref (d->self));
  end_dialog_free (d);
}

static void
end_date_changed_cb (GtkEditable      *editable,
                     AdwMessageDialog *dialog)
{
  EndDialog *d = g_object_get_data (G_OBJECT (dialog), "end-dialog");

  adw_message_dialog_set_response_enabled (dialog, "end", end_dialog_check (d));
}

void
jy_chronic_section_end_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  JyChronicSection *self = JY_CHRONIC_SECTION (widget);
  JyProgrammeData *p = jy_chronic_section_find (self, g_variant_get_string (parameter, NULL));
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *today_str = jy_clock_format_date (today);
  const char *reasons[G_N_ELEMENTS (end_reasons) + 1] = { NULL };
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  EndDialog *d;

  if (p == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (end_reasons); i++)
    reasons[i] = jy_chronic_end_reason_label (end_reasons[i]);

  d = g_new0 (EndDialog, 1);
  d->self = g_object_ref (self);
  d->enrolment_id = p->enrolment->id;
  d->rev = p->enrolment->rev;
  d->enrol_date = g_strdup (p->enrolment->enrol_date);
  d->date_entry = GTK_ENTRY (gtk_entry_new ());
  d->reason_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (reasons));
  d->note_entry = GTK_ENTRY (gtk_entry_new ());
  d->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_editable_set_text (GTK_EDITABLE (d->date_entry), today_str);
  gtk_entry_set_placeholder_text (d->note_entry, _("Note (optional)"));
  gtk_widget_add_css_class (GTK_WIDGET (d->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (d->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->date_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("End date"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->reason_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("End date")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->date_entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->error_label));
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Reason")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->reason_dropdown));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->note_entry));

  heading = g_strdup_printf (_("End %s Management?"),
                             p->enrolment->programme == JY_PROGRAMME_T2DM ? _("Type 2 Diabetes") : _("Hypertension"));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading,
                                                       _("The enrolment and all its follow-ups stay on record.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "end", _("_End Management"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "end", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "end-dialog", d);
  g_signal_connect (d->date_entry, "changed", G_CALLBACK (end_date_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (end_response_cb), d);
  gtk_window_present (GTK_WINDOW (dialog));
}
