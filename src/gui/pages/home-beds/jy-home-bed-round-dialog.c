/* jy-home-bed-round-dialog.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-bed-round-dialog.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jy-clock.h"
#include "jy-followup.h"
#include "jy-gui-format.h"
#include "jy-home-bed-store.h"
#include "jy-person.h"

struct _JyHomeBedRoundDialog
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  GtkDropDown       *kind_dropdown;
  GtkLabel          *kind_error;
  GtkGrid           *vitals_grid;
  GtkFlowBox        *procs_box;
  GtkBox            *stage_box;
  GtkDropDown       *stage_dropdown;
  GtkLabel          *procs_error;
  GtkTextView       *note_view;
  GtkEntry          *next_entry;
  GtkLabel          *next_hint;
  GtkLabel          *message_label;

  GtkEntry          *vitals[JY_HOME_BED_N_VITALS];
  GtkLabel          *vital_errors[JY_HOME_BED_N_VITALS];
  GtkCheckButton    *procs[JY_HOME_BED_N_PROCS];

  JyStore           *store;
  GCancellable      *cancellable;
  gint64             home_bed_id;
  JyHomeBedRecord   *bed;
  gboolean           by_nurse;
  gboolean           saving;
  GDate              today;
};

G_DEFINE_FINAL_TYPE (JyHomeBedRoundDialog, jy_home_bed_round_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
vital_label (JyHomeBedVital vital)
{
  switch (vital)
    {
    case JY_HOME_BED_VITAL_TEMPERATURE:
      return _("_Temperature (°C)");
    case JY_HOME_BED_VITAL_PULSE:
      return _("_Pulse (/min)");
    case JY_HOME_BED_VITAL_RESPIRATION:
      return _("R_espiration (/min)");
    case JY_HOME_BED_VITAL_SBP:
      return _("S_ystolic (mmHg)");
    case JY_HOME_BED_VITAL_DBP:
      return _("_Diastolic (mmHg)");
    case JY_HOME_BED_VITAL_SPO2:
      return _("Sp_O₂ (%)");
    case JY_HOME_BED_VITAL_GLUCOSE:
      return _("_Glucose (mmol/L)");
    case JY_HOME_BED_VITAL_PAIN:
      return _("P_ain (0–10)");
    case JY_HOME_BED_VITAL_WEIGHT:
      return _("_Weight (kg)");
    case JY_HOME_BED_N_VITALS:
    default:
      g_return_val_if_reached ("");
    }
}

/* The typed value: JY_UNMEASURED when empty, NAN when not a number. */
static double
parse_number (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;
  double value;

  if (*copy == '\0')
    return JY_UNMEASURED;
  g_strdelimit (copy, ",", '.');
  value = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || value < 0)
    return NAN;
  return value;
}

static JyHomeBedRoundKind
selected_kind (JyHomeBedRoundDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  return selected < JY_HOME_BED_ROUND_N ? (JyHomeBedRoundKind)selected : JY_HOME_BED_ROUND_NURSING;
}

static void
show_error (GtkLabel   *label,
            GtkWidget  *field,
            const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (field != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (field, "error");
      else
        gtk_widget_remove_css_class (field, "error");
    }
}

/* Checks one vital as typed; returns whether it is acceptable. */
static gboolean
check_vital (JyHomeBedRoundDialog *self,
             JyHomeBedVital        vital)
{
  double value = parse_number (gtk_editable_get_text (GTK_EDITABLE (self->vitals[vital])));
  JyHomeBedProblem problem;

  if (isnan (value))
    {
      show_error (self->vital_errors[vital], GTK_WIDGET (self->vitals[vital]), _("Enter a number."));
      return FALSE;
    }
  problem = jy_home_bed_vital_check (vital, value);
  show_error (self->vital_errors[vital], GTK_WIDGET (self->vitals[vital]),
              problem == JY_HOME_BED_OK ? NULL : _(jy_home_bed_problem_message (problem)));
  return problem == JY_HOME_BED_OK;
}

static gboolean
parse_next (JyHomeBedRoundDialog *self,
            GDate                *out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->next_entry))));

  g_date_clear (out, 1);
  if (*text == '\0')
    return TRUE;
  return jy_person_parse_date (text, out);
}

static void
update_save (JyHomeBedRoundDialog *self)
{
  gboolean ok = self->bed != NULL && !self->saving;
  GDate next;

  for (guint v = 0; v < JY_HOME_BED_N_VITALS; v++)
    ok &= !gtk_widget_get_visible (GTK_WIDGET (self->vital_errors[v]));
  ok &= parse_next (self, &next);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ok);
}

static void
vital_changed_cb (GtkEditable          *editable,
                  JyHomeBedRoundDialog *self)
{
  JyHomeBedVital vital = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "vital"));

  check_vital (self, vital);
  update_save (self);
}

static void
move_on_cb (GtkWidget            *entry,
            JyHomeBedRoundDialog *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
next_changed_cb (JyHomeBedRoundDialog *self)
{
  GDate next;

  if (!parse_next (self, &next))
    show_error (self->message_label, GTK_WIDGET (self->next_entry), _("Enter the date as YYYY-MM-DD."));
  else
    show_error (self->message_label, GTK_WIDGET (self->next_entry), NULL);
  update_save (self);
}

static void
next_activate_cb (JyHomeBedRoundDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "round.save", NULL);
}

static void
propose_next (JyHomeBedRoundDialog *self)
{
  JyHomeBedRoundKind kind = selected_kind (self);
  guint every;
  GDate next;
  g_autofree char *text = NULL;
  g_autofree char *end = NULL;
  g_autofree char *hint = NULL;

  if (self->bed == NULL)
    return;
  every = kind == JY_HOME_BED_ROUND_NURSING ? self->bed->nurse_every_days : self->bed->doctor_every_days;
  jy_home_bed_next_round (&self->bed->admitted_on, &self->today, every, &self->bed->cycle_end, &next);
  text = jy_clock_format_date (&next);
  end = jy_clock_format_date (&self->bed->cycle_end);
  gtk_editable_set_text (GTK_EDITABLE (self->next_entry), text);
  /* Translators: under the next-round field; %1$u days between rounds, %2$s the cycle end */
  hint = g_strdup_printf (_("Proposed from the plan: every %1$u days; the cycle ends on %2$s."), every, end);
  gtk_label_set_label (self->next_hint, hint);
}

static void
kind_changed_cb (JyHomeBedRoundDialog *self)
{
  show_error (self->kind_error, NULL, NULL);
  propose_next (self);
}

static void
proc_toggled_cb (JyHomeBedRoundDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->stage_box),
                          gtk_check_button_get_active (self->procs[JY_HOME_BED_PROC_PRESSURE_CARE]));
  show_error (self->procs_error, NULL, NULL);
}

/* --- Loading ----------------------------------------------------------- */

static gpointer
load_job (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return jy_home_bed_store_load (db, *(gint64 *)data, error);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JyHomeBedRoundDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  JyHomeBedRecord *bed = jy_store_read_finish (JY_STORE (object), result, &error);

  if (bed == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = jy_gui_format_store_error (error);

          show_error (self->message_label, NULL, message);
        }
      return;
    }
  self->bed = bed;
  propose_next (self);
  update_save (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->vitals[0]));
}

/* --- Saving ------------------------------------------------------------ */

typedef struct
{
  gint64          home_bed_id;
  JyHomeBedRound  round;
  char           *note;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->note);
  g_free (job);
}

static gpointer
save_job (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  SaveJob *job = data;
  gint64 id;

  job->round.note = job->note;
  id = jy_home_bed_store_log_round (db, job->home_bed_id, &job->round, NULL, NULL, error);
  return id > 0 ? GSIZE_TO_POINTER ((gsize)id) : NULL;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JyHomeBedRoundDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer id = jy_store_write_finish (JY_STORE (object), result, &error);

  self->saving = FALSE;
  if (id == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (error->domain == JY_HOME_BED_ERROR)
        show_error (self->message_label, NULL, error->message);
      else
        {
          g_autofree char *message = jy_gui_format_store_error (error);

          show_error (self->message_label, NULL, message);
        }
      update_save (self);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, (gint64)GPOINTER_TO_SIZE (id));
  gtk_window_close (GTK_WINDOW (self));
}

/* Shows each problem at its field; returns whether there were any. */
static gboolean
show_problems (JyHomeBedRoundDialog *self,
               GArray               *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      JyHomeBedProblem p = g_array_index (problems, JyHomeBedProblem, i);
      JyHomeBedField field = jy_home_bed_problem_field (p);
      const char *message = _(jy_home_bed_problem_message (p));

      if (field >= JY_HOME_BED_FIELD_TEMPERATURE && field <= JY_HOME_BED_FIELD_WEIGHT)
        {
          JyHomeBedVital v = field - JY_HOME_BED_FIELD_TEMPERATURE;

          show_error (self->vital_errors[v], GTK_WIDGET (self->vitals[v]), message);
        }
      else if (field == JY_HOME_BED_FIELD_KIND)
        show_error (self->kind_error, NULL, message);
      else if (field == JY_HOME_BED_FIELD_PROCEDURES)
        show_error (self->procs_error, NULL, message);
      else
        show_error (self->message_label, NULL, message);
    }
  return problems->len > 0;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JyHomeBedRoundDialog *self = JY_HOME_BED_ROUND_DIALOG (widget);
  g_autoptr(GArray) problems = NULL;
  SaveJob *job;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->bed == NULL || self->saving || !gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;

  job = g_new0 (SaveJob, 1);
  job->home_bed_id = self->home_bed_id;
  jy_home_bed_round_init (&job->round);
  job->round.date = self->today;
  job->round.kind = selected_kind (self);
  job->round.by_nurse = self->by_nurse;
  for (guint v = 0; v < JY_HOME_BED_N_VITALS; v++)
    job->round.vitals[v] = parse_number (gtk_editable_get_text (GTK_EDITABLE (self->vitals[v])));
  for (guint p = 0; p < JY_HOME_BED_N_PROCS; p++)
    if (gtk_check_button_get_active (self->procs[p]))
      job->round.procedures |= JY_HOME_BED_PROC_BIT (p);
  if (job->round.procedures & JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_PRESSURE_CARE))
    job->round.pressure_stage = gtk_drop_down_get_selected (self->stage_dropdown) + 1;
  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  job->note = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  job->round.note = job->note;
  parse_next (self, &job->round.next_round);

  show_error (self->message_label, NULL, NULL);
  problems = jy_home_bed_round_check (&job->round, &self->bed->admitted_on, &self->bed->discharged_on,
                                      &self->today, NULL);
  if (show_problems (self, problems))
    {
      save_job_free (job);
      update_save (self);
      return;
    }

  self->saving = TRUE;
  update_save (self);
  jy_store_write_async (self->store, save_job, job, (GDestroyNotify)save_job_free, NULL,
                        self->cancellable, saved_cb, g_object_ref (self));
}

/* --- Public ------------------------------------------------------------ */

JyHomeBedRoundDialog *
jy_home_bed_round_dialog_new (GtkWindow  *parent,
                              JyStore    *store,
                              gint64      home_bed_id,
                              const char *subtitle)
{
  JyHomeBedRoundDialog *self;
  g_autoptr(JyActor) actor = NULL;
  gint64 *id;

  g_return_val_if_fail (JY_IS_STORE (store), NULL);

  self = g_object_new (JY_TYPE_HOME_BED_ROUND_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->home_bed_id = home_bed_id;
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  actor = jy_store_dup_session (store);
  self->by_nurse = actor != NULL && jy_actor_get_role (actor) == JY_ROLE_NURSE;
  gtk_drop_down_set_selected (self->kind_dropdown,
                              self->by_nurse ? JY_HOME_BED_ROUND_NURSING : JY_HOME_BED_ROUND_DOCTOR);

  id = g_new (gint64, 1);
  *id = home_bed_id;
  jy_store_read_async (store, load_job, id, g_free, (GDestroyNotify)jy_home_bed_record_free,
                       self->cancellable, loaded_cb, g_object_ref (self));
  return self;
}

gboolean
jy_home_bed_round_dialog_is_ready (JyHomeBedRoundDialog *self)
{
  g_return_val_if_fail (JY_IS_HOME_BED_ROUND_DIALOG (self), FALSE);
  return self->bed != NULL;
}

GtkEditable *
jy_home_bed_round_dialog_get_vital (JyHomeBedRoundDialog *self,
                                    JyHomeBedVital        vital)
{
  g_return_val_if_fail (JY_IS_HOME_BED_ROUND_DIALOG (self), NULL);
  g_return_val_if_fail (vital < JY_HOME_BED_N_VITALS, NULL);
  return GTK_EDITABLE (self->vitals[vital]);
}

GtkCheckButton *
jy_home_bed_round_dialog_get_proc (JyHomeBedRoundDialog *self,
                                   JyHomeBedProc         proc)
{
  g_return_val_if_fail (JY_IS_HOME_BED_ROUND_DIALOG (self), NULL);
  g_return_val_if_fail (proc < JY_HOME_BED_N_PROCS, NULL);
  return self->procs[proc];
}

const char *
jy_home_bed_round_dialog_get_vital_error (JyHomeBedRoundDialog *self,
                                          JyHomeBedVital        vital)
{
  g_return_val_if_fail (JY_IS_HOME_BED_ROUND_DIALOG (self), NULL);
  g_return_val_if_fail (vital < JY_HOME_BED_N_VITALS, NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->vital_errors[vital])))
    return NULL;
  return gtk_label_get_label (self->vital_errors[vital]);
}

/* --- Class ------------------------------------------------------------- */

static void
jy_home_bed_round_dialog_dispose (GObject *object)
{
  JyHomeBedRoundDialog *self = JY_HOME_BED_ROUND_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->bed, jy_home_bed_record_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_HOME_BED_ROUND_DIALOG);

  G_OBJECT_CLASS (jy_home_bed_round_dialog_parent_class)->dispose (object);
}

static void
jy_home_bed_round_dialog_class_init (JyHomeBedRoundDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_home_bed_round_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-home-bed-round-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, kind_error);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, vitals_grid);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, procs_box);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, stage_box);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, procs_error);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, next_entry);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, next_hint);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedRoundDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, next_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_activate_cb);

  gtk_widget_class_install_action (widget_class, "round.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "round.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_home_bed_round_dialog_init (JyHomeBedRoundDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GDate) today = jy_clock_today_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->today = *today;

  for (guint k = 0; k < JY_HOME_BED_ROUND_N; k++)
    gtk_string_list_append (kinds, _(jy_home_bed_round_kind_label (k)));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_changed_cb), self);

  for (guint s = JY_PRESSURE_STAGE_1; s < JY_PRESSURE_STAGE_N; s++)
    gtk_string_list_append (stages, _(jy_pressure_stage_label (s)));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));

  /* Vitals: five a line, label above, message below. */
  for (guint v = 0; v < JY_HOME_BED_N_VITALS; v++)
    {
      int column = v % 5, row = (v / 5) * 3;
      GtkWidget *label = gtk_label_new_with_mnemonic (vital_label (v));
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *error = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      g_object_set_data (G_OBJECT (entry), "vital", GUINT_TO_POINTER (v));
      g_signal_connect (entry, "changed", G_CALLBACK (vital_changed_cb), self);
      g_signal_connect (entry, "activate", G_CALLBACK (move_on_cb), self);
      gtk_label_set_wrap (GTK_LABEL (error), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (error), 16);
      gtk_label_set_xalign (GTK_LABEL (error), 0);
      gtk_widget_add_css_class (error, "error");
      gtk_widget_add_css_class (error, "caption");
      gtk_widget_set_visible (error, FALSE);
      gtk_grid_attach (self->vitals_grid, label, column, row, 1, 1);
      gtk_grid_attach (self->vitals_grid, entry, column, row + 1, 1, 1);
      gtk_grid_attach (self->vitals_grid, error, column, row + 2, 1, 1);
      self->vitals[v] = GTK_ENTRY (entry);
      self->vital_errors[v] = GTK_LABEL (error);
    }

  for (guint p = 0; p < JY_HOME_BED_N_PROCS; p++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(jy_home_bed_proc_label (p)));

      g_signal_connect_swapped (check, "toggled", G_CALLBACK (proc_toggled_cb), self);
      gtk_flow_box_append (self->procs_box, check);
      self->procs[p] = GTK_CHECK_BUTTON (check);
    }
}
