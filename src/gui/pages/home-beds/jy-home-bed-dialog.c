/* jy-home-bed-dialog.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-bed-dialog.h"
#include "jy-home-bed-cycle-label.h"
#include "jy-home-bed-dialog-private.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-home-bed-store.h"

G_DEFINE_FINAL_TYPE (JyHomeBedDialog, jy_home_bed_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const JyDischargeReason reasons[] = {
  JY_DISCHARGE_REASON_CURED, JY_DISCHARGE_REASON_IMPROVED, JY_DISCHARGE_REASON_STABLE,
  JY_DISCHARGE_REASON_TRANSFERRED, JY_DISCHARGE_REASON_DIED, JY_DISCHARGE_REASON_REQUEST,
  JY_DISCHARGE_REASON_CYCLE_ENDED, JY_DISCHARGE_REASON_OTHER,
};

static GtkWidget *
group (JyHomeBedDialog *self,
       const char      *title)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  gtk_box_append (self->content_box, g);
  gtk_box_reorder_child_after (self->content_box, GTK_WIDGET (self->message_label), g);
  return g;
}

static GtkWidget *
add_row (GtkWidget  *g,
         const char *title,
         GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
  return row;
}

static void
add_field_row (JyHomeBedDialog *self,
               GtkWidget       *g,
               JyHomeBedField   field,
               const char      *title,
               GtkWidget       *suffix)
{
  jy_home_bed_dialog_watch_field (self, suffix, field, add_row (g, title, suffix));
}

static GtkWidget *
entry (GtkEntry **out)
{
  GtkWidget *e = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (e), 28);
  *out = GTK_ENTRY (e);
  return e;
}

static GtkWidget *
spin (GtkSpinButton **out,
      double          lo,
      double          hi,
      double          value)
{
  GtkWidget *s = gtk_spin_button_new_with_range (lo, hi, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (s), value);
  *out = GTK_SPIN_BUTTON (s);
  return s;
}

/* --- Assessment --------------------------------------------------------- */

static void
read_assessment (JyHomeBedDialog     *self,
                 JyHomeBedAssessment *a)
{
  jy_home_bed_assessment_init (a);
  a->assessment_date = self->today;
  a->diagnosis_clear = gtk_check_button_get_active (self->questions[Q_DIAGNOSIS]);
  a->condition_stable = gtk_check_button_get_active (self->questions[Q_STABLE]);
  a->suitable_at_home = gtk_check_button_get_active (self->questions[Q_SUITABLE]);
  a->needs_continuous_care = gtk_check_button_get_active (self->questions[Q_CONTINUOUS]);
  a->infectious = gtk_check_button_get_active (self->questions[Q_INFECTIOUS]);
  a->home_safe = gtk_check_button_get_active (self->questions[Q_SAFE]);
  a->has_carer = gtk_check_button_get_active (self->questions[Q_CARER]);
  a->adl_score = gtk_spin_button_get_value_as_int (self->adl_spin);
  a->braden_score = gtk_spin_button_get_value_as_int (self->braden_spin);
}

static void
update_verdict (JyHomeBedDialog *self)
{
  JyHomeBedAssessment a;
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint priorities;

  read_assessment (self, &a);
  problems = jy_home_bed_assess (&a, &self->today, NULL);
  if (problems->len == 0)
    g_string_append (text, _("Eligible for a home bed."));
  for (guint i = 0; i < problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, _(jy_home_bed_problem_message (g_array_index (problems, JyHomeBedProblem, i))));
    }
  priorities = jy_home_bed_priorities (&a);
  for (guint p = 0; p < JY_HOME_BED_N_PRIORITIES; p++)
    if (priorities & (1u << p))
      {
        g_string_append_c (text, '\n');
        /* Translators: a priority group the assessment shows, "优先：失能或卧床" */
        g_string_append_printf (text, _("Priority: %s"), _(jy_home_bed_priority_label (1u << p)));
      }
  gtk_label_set_label (self->verdict_label, text->str);
  if (problems->len > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "error");
}

static void
build_assessment (JyHomeBedDialog *self)
{
  static const char *const questions[N_QUESTIONS] = {
    N_("Diagnosis is clear"), N_("Condition is stable"), N_("Treatment is suitable at home"),
    N_("Needs continuous medical or nursing care"), N_("In the infectious period of an infectious disease"),
    N_("Home is safe for care"), N_("A carer is at home"),
  };
  GtkWidget *g = group (self, _("Home assessment"));
  GtkWidget *scores = group (self, _("Scores"));
  GtkWidget *verdict = gtk_label_new (NULL);

  for (guint q = 0; q < N_QUESTIONS; q++)
    {
      GtkWidget *check = gtk_check_button_new ();

      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_verdict), self);
      add_row (g, _(questions[q]), check);
      self->questions[q] = GTK_CHECK_BUTTON (check);
    }
  add_field_row (self, scores, JY_HOME_BED_FIELD_ADL, _("Barthel ADL (0–100)"), spin (&self->adl_spin, 0, 100, 40));
  add_field_row (self, scores, JY_HOME_BED_FIELD_BRADEN, _("Braden (6–23)"), spin (&self->braden_spin, 6, 23, 15));
  g_signal_connect_swapped (self->adl_spin, "value-changed", G_CALLBACK (update_verdict), self);
  g_signal_connect_swapped (self->braden_spin, "value-changed", G_CALLBACK (update_verdict), self);
  gtk_label_set_wrap (GTK_LABEL (verdict), TRUE);
  gtk_label_set_xalign (GTK_LABEL (verdict), 0);
  gtk_box_insert_child_after (self->content_box, verdict, scores);
  self->verdict_label = GTK_LABEL (verdict);
  update_verdict (self);
}

/* --- Admission ---------------------------------------------------------- */

static void
choices_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(JyHomeBedDialog) self = user_data;
  g_autoptr(JyCentreChoices) choices = jy_store_read_finish (JY_STORE (object), result, NULL);
  g_autoptr(GtkStringList) doctors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) nurses = gtk_string_list_new (NULL);
  g_autoptr(JyActor) actor = jy_store_dup_session (self->store);
  gint64 me = actor != NULL ? jy_actor_get_staff_id (actor) : 0;
  guint mine = 0;

  if (choices == NULL || choices->staff == NULL)
    return;
  for (guint i = 0; i < choices->staff->len; i++)
    {
      JyStaffChoice *s = g_ptr_array_index (choices->staff, i);

      if (g_strcmp0 (s->role, "doctor") == 0)
        {
          if (s->id == me)
            mine = self->doctor_ids->len;
          gtk_string_list_append (doctors, s->name);
          g_array_append_val (self->doctor_ids, s->id);
        }
      else if (g_strcmp0 (s->role, "nurse") == 0)
        {
          gtk_string_list_append (nurses, s->name);
          g_array_append_val (self->nurse_ids, s->id);
        }
    }
  gtk_drop_down_set_model (self->doctor_dropdown, G_LIST_MODEL (doctors));
  gtk_drop_down_set_model (self->nurse_dropdown, G_LIST_MODEL (nurses));
  gtk_drop_down_set_selected (self->doctor_dropdown, mine);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
}

/* Both frequencies share the doctor's row for their problem. */
static void
frequency_changed_cb (JyHomeBedDialog *self)
{
  jy_home_bed_dialog_set_field_error (self, JY_HOME_BED_FIELD_FREQUENCY, NULL);
}

static void
build_admission (JyHomeBedDialog *self)
{
  GtkWidget *g = group (self, _("Admission record"));
  GtkWidget *plan = group (self, _("Care plan"));
  GtkWidget *agreement = gtk_check_button_new ();
  GDate end;
  g_autofree char *end_text = NULL;
  g_autofree char *cycle = NULL;

  add_field_row (self, g, JY_HOME_BED_FIELD_BED_NUMBER, _("Bed number"), entry (&self->bed_entry));
  add_field_row (self, g, JY_HOME_BED_FIELD_DIAGNOSIS, _("Diagnosis"), entry (&self->diagnosis_entry));
  add_field_row (self, g, JY_HOME_BED_FIELD_PLAN, _("Care plan and orders"), entry (&self->plan_entry));
  self->doctor_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->nurse_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  add_field_row (self, plan, JY_HOME_BED_FIELD_DOCTOR, _("Responsible doctor"), GTK_WIDGET (self->doctor_dropdown));
  add_field_row (self, plan, JY_HOME_BED_FIELD_NURSE, _("Responsible nurse"), GTK_WIDGET (self->nurse_dropdown));
  add_field_row (self, plan, JY_HOME_BED_FIELD_FREQUENCY, _("Doctor's round every (days)"),
                 spin (&self->doctor_every, 1, 30, 7));
  add_row (plan, _("Nursing visit every (days)"), spin (&self->nurse_every, 1, 30, 3));
  g_signal_connect_swapped (self->nurse_every, "value-changed", G_CALLBACK (frequency_changed_cb), self);
  jy_home_bed_cycle_end (&self->today, NULL, &end);
  end_text = jy_clock_format_date (&end);
  /* Translators: the default cycle of a new bed, "周期至 2027-02-21（90 天）" */
  cycle = g_strdup_printf (_("Cycle until %s (%u days)"), end_text,
                           jy_home_bed_bed_days (&self->today, &end));
  self->field_rows[JY_HOME_BED_FIELD_CYCLE_END] =
    ADW_ACTION_ROW (add_row (plan, cycle, jy_home_bed_cycle_label_new (self->store, &self->today, self->cancellable)));
  add_field_row (self, plan, JY_HOME_BED_FIELD_AGREEMENT, _("Agreement signed by the patient or family"), agreement);
  self->agreement_check = GTK_CHECK_BUTTON (agreement);
  /* Saving waits for the doctors and nurses to choose from. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  jy_store_read_async (self->store, jy_centre_store_load_choices, NULL, NULL,
                       (GDestroyNotify)jy_centre_choices_free, self->cancellable, choices_loaded_cb,
                       g_object_ref (self));
}

/* --- Discharge ---------------------------------------------------------- */

typedef struct
{
  gint64            bed_id;
  JyDischargeReason reason;
  GDate             date;
} DraftJob;

static gpointer
draft_job (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  DraftJob *job = data;

  return jy_home_bed_store_draft_summary (db, job->bed_id, job->reason, &job->date, error);
}

static void
draft_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyHomeBedDialog) self = user_data;
  g_autofree char *text = jy_store_read_finish (JY_STORE (object), result, NULL);

  if (text != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), text, -1);
}

static void
reason_changed_cb (JyHomeBedDialog *self)
{
  DraftJob *job = g_new0 (DraftJob, 1);

  job->bed_id = self->id;
  job->reason = reasons[MIN (gtk_drop_down_get_selected (self->reason_dropdown), G_N_ELEMENTS (reasons) - 1)];
  job->date = self->today;
  jy_store_read_async (self->store, draft_job, job, g_free, g_free, self->cancellable, draft_loaded_cb,
                       g_object_ref (self));
}

static void
summary_edited_cb (JyHomeBedDialog *self)
{
  jy_home_bed_dialog_set_field_error (self, JY_HOME_BED_FIELD_SUMMARY, NULL);
}

static void
build_discharge (JyHomeBedDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *g = group (self, _("Discharge"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *sign = gtk_check_button_new ();

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    gtk_string_list_append (labels, _(jy_discharge_reason_label (reasons[i])));
  self->reason_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  gtk_drop_down_set_selected (self->reason_dropdown, 1);
  add_field_row (self, g, JY_HOME_BED_FIELD_REASON, _("Reason"), GTK_WIDGET (self->reason_dropdown));
  add_field_row (self, g, JY_HOME_BED_FIELD_AGREEMENT, _("I have read the summary and sign it"), sign);
  self->sign_check = GTK_CHECK_BUTTON (sign);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_set_size_request (view, -1, 200);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_insert_child_after (self->content_box, frame, g);
  self->summary_view = GTK_TEXT_VIEW (view);
  self->summary_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_error, TRUE);
  gtk_label_set_xalign (self->summary_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_error), FALSE);
  gtk_box_insert_child_after (self->content_box, GTK_WIDGET (self->summary_error), frame);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (summary_edited_cb), self);
  g_signal_connect_swapped (self->reason_dropdown, "notify::selected", G_CALLBACK (reason_changed_cb), self);
  reason_changed_cb (self);
}

/* --- Apply -------------------------------------------------------------- */

static void
build_application (JyHomeBedDialog *self)
{
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  GtkWidget *g = group (self, _("Application"));

  for (guint s = 0; s < JY_HOME_BED_SOURCE_N; s++)
    gtk_string_list_append (sources, _(jy_home_bed_source_label (s)));
  self->source_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (sources)), NULL));
  add_row (g, _("Applied by"), GTK_WIDGET (self->source_dropdown));
  add_row (g, _("Referring hospital"), entry (&self->referral_entry));
  add_row (g, _("Request"), entry (&self->request_entry));
}

/* --- Saving ------------------------------------------------------------- */


typedef struct
{
  JyHomeBedDialogMode mode;
  gint64              resident_id;
  gint64              id;
  gint64              staff_id;
  GDate               today;
  JyHomeBedAssessment assessment;
  JyHomeBedSource     source;
  JyDischargeReason   reason;
  guint               doctor_every;
  guint               nurse_every;
  gint64              doctor_id;
  gint64              nurse_id;
  gboolean            flag;        /* agreement signed, summary signed */
  char               *text[3];     /* referral/request, bed/diagnosis/plan, summary */
} SaveJob;

/* The core's checks of what the form holds, before the store's (which
 * also knows the dates of the assessment, the rounds and the cycle). */
static GArray *
check_form (JyHomeBedDialog *self,
            const SaveJob   *job)
{
  if (job->mode == JY_HOME_BED_DIALOG_ADMIT)
    {
      JyHomeBedAdmission a;

      jy_home_bed_admission_init (&a);
      a.assessed_eligible = TRUE;
      a.admission_date = job->today;
      a.agreement_signed = job->flag;
      a.bed_number = job->text[0];
      a.diagnosis = job->text[1];
      a.plan = job->text[2];
      a.doctor_id = job->doctor_id;
      a.nurse_id = job->nurse_id;
      a.doctor_every_days = job->doctor_every;
      a.nurse_every_days = job->nurse_every;
      jy_home_bed_cycle_end (&a.admission_date, NULL, &a.cycle_end);
      return jy_home_bed_admission_check (&a, &self->today, NULL);
    }
  if (job->mode == JY_HOME_BED_DIALOG_DISCHARGE)
    {
      JyHomeBedDischarge d;

      jy_home_bed_discharge_init (&d);
      d.discharge_date = job->today;
      d.reason = job->reason;
      d.summary = job->text[0];
      d.signed_by_doctor = job->flag && job->staff_id > 0;
      return jy_home_bed_discharge_check (&d, &self->today);
    }
  return g_array_new (FALSE, FALSE, sizeof (JyHomeBedProblem));
}

static void
save_job_free (SaveJob *job)
{
  for (guint i = 0; i < G_N_ELEMENTS (job->text); i++)
    g_free (job->text[i]);
  g_free (job);
}

static gpointer
save_job (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  SaveJob *job = data;

  switch (job->mode)
    {
    case JY_HOME_BED_DIALOG_APPLY:
      {
        JyHomeBedApplicationRequest r = { job->resident_id, job->today, job->source, job->text[0], job->text[1] };

        return jy_home_bed_store_apply (db, &r, NULL, error) > 0 ? JY_STORE_DONE : NULL;
      }
    case JY_HOME_BED_DIALOG_ASSESS:
    case JY_HOME_BED_DIALOG_RENEW:
      {
        JyHomeBedAssessRequest r = { 0 };
        gint64 id;

        r.resident_id = job->resident_id;
        r.application_id = job->mode == JY_HOME_BED_DIALOG_ASSESS ? job->id : 0;
        r.home_bed_id = job->mode == JY_HOME_BED_DIALOG_RENEW ? job->id : 0;
        r.doctor_id = job->staff_id;
        r.facts = job->assessment;
        if ((id = jy_home_bed_store_assess (db, &r, NULL, error)) == 0)
          return NULL;
        if (job->mode == JY_HOME_BED_DIALOG_RENEW && !jy_home_bed_store_renew (db, job->id, id, NULL, error))
          return NULL;
        return JY_STORE_DONE;
      }
    case JY_HOME_BED_DIALOG_ADMIT:
      {
        JyHomeBedAdmitRequest r = { 0 };

        r.assessment_id = job->id;
        r.admitted_on = job->today;
        r.agreement_signed = job->flag;
        r.bed_number = job->text[0];
        r.diagnosis = job->text[1];
        r.plan = job->text[2];
        r.doctor_id = job->doctor_id;
        r.nurse_id = job->nurse_id;
        r.doctor_every_days = job->doctor_every;
        r.nurse_every_days = job->nurse_every;
        g_date_clear (&r.cycle_end, 1);
        return jy_home_bed_store_admit (db, &r, NULL, NULL, error) > 0 ? JY_STORE_DONE : NULL;
      }
    case JY_HOME_BED_DIALOG_DISCHARGE:
      {
        JyHomeBedDischargeRequest r = { job->today, job->reason, job->text[0], job->flag ? job->staff_id : 0 };

        return jy_home_bed_store_discharge (db, job->id, &r, NULL, error) ? JY_STORE_DONE : NULL;
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JyHomeBedDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (error->domain == JY_HOME_BED_ERROR && error->code > JY_HOME_BED_OK &&
          error->code < JY_HOME_BED_N_PROBLEMS &&
          jy_home_bed_dialog_field_of (self, error->code) != JY_HOME_BED_FIELD_NONE)
        {
          JyHomeBedProblem p = error->code;

          jy_home_bed_dialog_set_field_error (self, jy_home_bed_dialog_field_of (self, p), _(jy_home_bed_problem_message (p)));
        }
      else if (error->domain == JY_HOME_BED_ERROR)
        jy_home_bed_dialog_show_message (self, error->message);
      else
        {
          g_autofree char *message = jy_gui_format_store_error (error);

          jy_home_bed_dialog_show_message (self, message);
        }
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static char *
text_of (GtkEntry *e)
{
  return e != NULL ? g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (e)))) : NULL;
}

static gint64
selected_staff (GtkDropDown *dropdown,
                GArray      *ids)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return ids != NULL && i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JyHomeBedDialog *self = JY_HOME_BED_DIALOG (widget);
  g_autoptr(JyActor) actor = jy_store_dup_session (self->store);
  SaveJob *job;

  if (self->saving)
    return;
  job = g_new0 (SaveJob, 1);
  job->mode = self->mode;
  job->resident_id = self->resident_id;
  job->id = self->id;
  job->staff_id = actor != NULL ? jy_actor_get_staff_id (actor) : 0;
  job->today = self->today;
  switch (self->mode)
    {
    case JY_HOME_BED_DIALOG_APPLY:
      job->source = gtk_drop_down_get_selected (self->source_dropdown) == 1 ? JY_HOME_BED_SOURCE_HOSPITAL
                                                                            : JY_HOME_BED_SOURCE_FAMILY;
      job->text[0] = text_of (self->referral_entry);
      job->text[1] = text_of (self->request_entry);
      break;
    case JY_HOME_BED_DIALOG_ASSESS:
    case JY_HOME_BED_DIALOG_RENEW:
      read_assessment (self, &job->assessment);
      break;
    case JY_HOME_BED_DIALOG_ADMIT:
      job->text[0] = text_of (self->bed_entry);
      job->text[1] = text_of (self->diagnosis_entry);
      job->text[2] = text_of (self->plan_entry);
      job->flag = gtk_check_button_get_active (self->agreement_check);
      job->doctor_id = selected_staff (self->doctor_dropdown, self->doctor_ids);
      job->nurse_id = selected_staff (self->nurse_dropdown, self->nurse_ids);
      job->doctor_every = gtk_spin_button_get_value_as_int (self->doctor_every);
      job->nurse_every = gtk_spin_button_get_value_as_int (self->nurse_every);
      break;
    case JY_HOME_BED_DIALOG_DISCHARGE:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        job->text[0] = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        job->reason = reasons[MIN (gtk_drop_down_get_selected (self->reason_dropdown), G_N_ELEMENTS (reasons) - 1)];
        job->flag = gtk_check_button_get_active (self->sign_check);
      }
      break;
    default:
      break;
    }
  jy_home_bed_dialog_clear_field_errors (self);
  {
    g_autoptr(GArray) problems = check_form (self, job);

    if (jy_home_bed_dialog_show_problems (self, problems))
      {
        save_job_free (job);
        return;
      }
  }
  self->saving = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  jy_store_write_async (self->store, save_job, job, (GDestroyNotify)save_job_free, NULL,
                        self->cancellable, saved_cb, g_object_ref (self));
}

/* --- Public and class ------------------------------------------------------ */

JyHomeBedDialog *
jy_home_bed_dialog_new (GtkWindow           *parent,
                        JyStore             *store,
                        JyHomeBedDialogMode  mode,
                        gint64               resident_id,
                        gint64               id)
{
  JyHomeBedDialog *self;

  g_return_val_if_fail (JY_IS_STORE (store), NULL);

  self = g_object_new (JY_TYPE_HOME_BED_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->mode = mode;
  self->resident_id = resident_id;
  self->id = id;
  switch (mode)
    {
    case JY_HOME_BED_DIALOG_APPLY:
      adw_window_title_set_title (self->window_title, _("Apply for a Home Bed"));
      gtk_button_set_label (self->save_button, _("_Apply"));
      build_application (self);
      break;
    case JY_HOME_BED_DIALOG_ASSESS:
      adw_window_title_set_title (self->window_title, _("Home Assessment"));
      gtk_button_set_label (self->save_button, _("_Record Assessment"));
      build_assessment (self);
      break;
    case JY_HOME_BED_DIALOG_RENEW:
      adw_window_title_set_title (self->window_title, _("Re-assess and Renew"));
      gtk_button_set_label (self->save_button, _("_Renew"));
      build_assessment (self);
      break;
    case JY_HOME_BED_DIALOG_ADMIT:
      adw_window_title_set_title (self->window_title, _("Establish the Home Bed"));
      gtk_button_set_label (self->save_button, _("_Establish"));
      build_admission (self);
      break;
    case JY_HOME_BED_DIALOG_DISCHARGE:
      adw_window_title_set_title (self->window_title, _("Discharge the Home Bed"));
      gtk_button_set_label (self->save_button, _("_Discharge"));
      build_discharge (self);
      break;
    default:
      break;
    }
  return self;
}

static void
jy_home_bed_dialog_dispose (GObject *object)
{
  JyHomeBedDialog *self = JY_HOME_BED_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->doctor_ids, g_array_unref);
  g_clear_pointer (&self->nurse_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_HOME_BED_DIALOG);

  G_OBJECT_CLASS (jy_home_bed_dialog_parent_class)->dispose (object);
}

static void
jy_home_bed_dialog_class_init (JyHomeBedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_home_bed_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-home-bed-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedDialog, message_label);

  gtk_widget_class_install_action (widget_class, "bed.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "bed.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_home_bed_dialog_init (JyHomeBedDialog *self)
{
  g_autoptr(GDate) today = jy_clock_today_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->today = *today;
  self->doctor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->nurse_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}
