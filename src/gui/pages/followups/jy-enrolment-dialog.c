/* jy-enrolment-dialog.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-enrolment-dialog.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-chronic-store.h"
#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-person.h"
#include "jy-store-error.h"

typedef struct
{
  const char *code;
  const char *label;  /* English msgid */
} Icd10Choice;

/* The codes a centre enrols under (domain.md §7.3); the full local code
 * may be typed later in the record, these are the usual ones. */
static const Icd10Choice htn_codes[] = {
  { "I10", N_("I10 Essential (primary) hypertension") },
  { "I11.9", N_("I11.9 Hypertensive heart disease") },
  { "I12.9", N_("I12.9 Hypertensive renal disease") },
  { "I13.9", N_("I13.9 Hypertensive heart and renal disease") },
};

static const Icd10Choice dm_codes[] = {
  { "E11.9", N_("E11.9 Type 2 diabetes without complications") },
  { "E11.2", N_("E11.2 Type 2 diabetes with kidney complications") },
  { "E11.3", N_("E11.3 Type 2 diabetes with eye complications") },
  { "E11.4", N_("E11.4 Type 2 diabetes with neurological complications") },
  { "E11.5", N_("E11.5 Type 2 diabetes with circulatory complications") },
  { "E11.7", N_("E11.7 Type 2 diabetes with multiple complications") },
};

struct _JyEnrolmentDialog
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkToggleButton   *htn_button;
  GtkToggleButton   *dm_button;
  GtkDropDown       *icd10_dropdown;
  GtkLabel          *icd10_error;
  GtkEntry          *diagnosis_date_entry;
  GtkLabel          *diagnosis_date_error;
  GtkEntry          *institution_entry;
  GtkEntry          *enrol_date_entry;
  GtkLabel          *enrol_date_error;
  GtkDropDown       *doctor_dropdown;
  GtkCheckButton    *confirm_check;
  GtkLabel          *save_error;

  JyStore           *store;
  JyResident        *resident;
  GArray            *doctor_ids;
  gboolean           tried;      /* show problems only after a first save */
  gboolean           saving;
};

G_DEFINE_FINAL_TYPE (JyEnrolmentDialog, jy_enrolment_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static JyProgramme
programme (JyEnrolmentDialog *self)
{
  return gtk_toggle_button_get_active (self->dm_button) ? JY_PROGRAMME_T2DM : JY_PROGRAMME_HTN;
}

static const Icd10Choice *
codes_for (JyProgramme  p,
           guint       *n)
{
  *n = p == JY_PROGRAMME_T2DM ? G_N_ELEMENTS (dm_codes) : G_N_ELEMENTS (htn_codes);
  return p == JY_PROGRAMME_T2DM ? dm_codes : htn_codes;
}

static void
fill_codes (JyEnrolmentDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n;
  const Icd10Choice *codes = codes_for (programme (self), &n);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, _(codes[i].label));
  gtk_drop_down_set_model (self->icd10_dropdown, G_LIST_MODEL (list));
}

static JyEnrolment *
build (JyEnrolmentDialog *self)
{
  JyEnrolment *e = jy_enrolment_new (programme (self));
  guint n, selected = gtk_drop_down_get_selected (self->icd10_dropdown);
  const Icd10Choice *codes = codes_for (e->programme, &n);
  const char *institution = gtk_editable_get_text (GTK_EDITABLE (self->institution_entry));
  const char *diagnosis = gtk_editable_get_text (GTK_EDITABLE (self->diagnosis_date_entry));
  const char *enrolled = gtk_editable_get_text (GTK_EDITABLE (self->enrol_date_entry));
  guint doctor = gtk_drop_down_get_selected (self->doctor_dropdown);

  e->resident_id = self->resident->id;
  e->icd10 = selected < n ? g_strdup (codes[selected].code) : NULL;
  e->diagnosis_date = *diagnosis != '\0' ? g_strstrip (g_strdup (diagnosis)) : NULL;
  e->diagnosis_institution = *institution != '\0' ? g_strstrip (g_strdup (institution)) : NULL;
  e->enrol_date = *enrolled != '\0' ? g_strstrip (g_strdup (enrolled)) : NULL;
  if (self->doctor_ids != NULL && doctor < self->doctor_ids->len)
    e->doctor_id = g_array_index (self->doctor_ids, gint64, doctor);
  e->team_id = self->resident->team_id;
  return e;
}

static const char *
problem_text (const JyEnrolmentProblem *p)
{
  switch (p->kind)
    {
    case JY_ENROLMENT_PROBLEM_REQUIRED:
      return p->field == JY_ENROLMENT_FIELD_DOCTOR ? _("Choose the responsible doctor.") : _("Required.");
    case JY_ENROLMENT_PROBLEM_INVALID:
      return _("Enter the date as YYYY-MM-DD.");
    case JY_ENROLMENT_PROBLEM_FUTURE:
      return _("The date cannot be in the future.");
    case JY_ENROLMENT_PROBLEM_BEFORE_BIRTH:
      return _("The date is before the resident's birth.");
    case JY_ENROLMENT_PROBLEM_BEFORE_DIAGNOSIS:
      return _("Enrolment cannot come before the diagnosis.");
    case JY_ENROLMENT_PROBLEM_ICD10_MISMATCH:
      return _("This code is not enrolled in this programme.");
    case JY_ENROLMENT_PROBLEM_UNDER_AGE:
    default:
      return "";
    }
}

/* Problems next to their fields; TRUE when the record may be saved. */
static gboolean
check (JyEnrolmentDialog *self,
       gboolean           show)
{
  g_autoptr(JyEnrolment) e = build (self);
  g_autoptr(GDate) today = jy_clock_today_local ();
  GDate birth;
  g_autoptr(GArray) problems =
    jy_enrolment_validate (e, jy_person_parse_date (self->resident->birth_date, &birth) ? &birth : NULL, today);
  GtkLabel *labels[] = { self->icd10_error, self->diagnosis_date_error, self->enrol_date_error };
  gboolean under_age = FALSE;
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_label_set_label (labels[i], "");
      gtk_widget_set_visible (GTK_WIDGET (labels[i]), FALSE);
    }

  for (guint i = 0; i < problems->len; i++)
    {
      const JyEnrolmentProblem *p = &g_array_index (problems, JyEnrolmentProblem, i);
      GtkLabel *label = NULL;

      if (p->kind == JY_ENROLMENT_PROBLEM_UNDER_AGE)
        {
          under_age = TRUE;
          if (!gtk_check_button_get_active (self->confirm_check))
            ok = FALSE;
          continue;
        }
      ok = FALSE;
      switch (p->field)
        {
        case JY_ENROLMENT_FIELD_ICD10:
          label = self->icd10_error;
          break;
        case JY_ENROLMENT_FIELD_DIAGNOSIS_DATE:
          label = self->diagnosis_date_error;
          break;
        case JY_ENROLMENT_FIELD_ENROL_DATE:
        case JY_ENROLMENT_FIELD_DOCTOR:
        case JY_ENROLMENT_FIELD_AGE:
        case JY_ENROLMENT_FIELD_END_DATE:
        case JY_ENROLMENT_FIELD_END_REASON:
        default:
          label = self->enrol_date_error;
          break;
        }
      if (show && *gtk_label_get_label (label) == '\0')
        {
          gtk_label_set_label (label, problem_text (p));
          gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
        }
    }

  /* The programme is for residents aged 35 and over; a doctor may still
   * enrol a younger patient, knowingly. */
  gtk_check_button_set_label (self->confirm_check,
                              _("Under 35 on the enrolment date: enrol anyway"));
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_check), under_age);

  return ok;
}

static void
field_changed_cb (JyEnrolmentDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);
  check (self, self->tried);
}

static void
programme_toggled_cb (JyEnrolmentDialog *self,
                      GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  fill_codes (self);
  field_changed_cb (self);
}

static gpointer
enrol_job (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return jy_chronic_store_enrol (db, data, error) ? JY_STORE_DONE : NULL;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JyEnrolmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_DUPLICATE))
        message = g_strdup (_("The resident is already managed in this programme."));
      else
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
  JyEnrolmentDialog *self = JY_ENROLMENT_DIALOG (widget);

  if (self->saving)
    return;
  self->tried = TRUE;
  if (!check (self, TRUE))
    return;

  self->saving = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  jy_store_write_async (self->store, enrol_job, build (self), (GDestroyNotify) jy_enrolment_free, NULL,
                        NULL, saved_cb, g_object_ref (self));
}

static void
choices_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(JyEnrolmentDialog) self = user_data;
  g_autoptr(JyCentreChoices) choices = jy_store_read_finish (JY_STORE (object), result, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint preferred = 0;

  if (choices == NULL || self->doctor_ids == NULL)
    return;

  for (guint i = 0; i < choices->staff->len; i++)
    {
      JyStaffChoice *staff = g_ptr_array_index (choices->staff, i);

      if (g_strcmp0 (staff->role, "doctor") != 0)
        continue;
      /* The resident's own team doctor first in mind. */
      if (staff->team_id != 0 && staff->team_id == self->resident->team_id)
        preferred = self->doctor_ids->len;
      gtk_string_list_append (names, staff->name);
      g_array_append_val (self->doctor_ids, staff->id);
    }
  gtk_drop_down_set_model (self->doctor_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->doctor_dropdown, preferred);
}

static void
jy_enrolment_dialog_dispose (GObject *object)
{
  JyEnrolmentDialog *self = JY_ENROLMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->resident, jy_resident_free);
  g_clear_pointer (&self->doctor_ids, g_array_unref);

  G_OBJECT_CLASS (jy_enrolment_dialog_parent_class)->dispose (object);
}

static void
jy_enrolment_dialog_class_init (JyEnrolmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_enrolment_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-enrolment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, htn_button);
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, dm_button);
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, icd10_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, icd10_error);
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, diagnosis_date_entry);
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, diagnosis_date_error);
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, institution_entry);
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, enrol_date_entry);
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, enrol_date_error);
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, doctor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, confirm_check);
  gtk_widget_class_bind_template_child (widget_class, JyEnrolmentDialog, save_error);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, programme_toggled_cb);

  gtk_widget_class_install_action (widget_class, "enrolment.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "enrolment.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_enrolment_dialog_init (JyEnrolmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->doctor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

JyEnrolmentDialog *
jy_enrolment_dialog_new (GtkWindow        *parent,
                         JyStore          *store,
                         const JyResident *resident,
                         guint             managed)
{
  JyEnrolmentDialog *self;
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *today_str = jy_clock_format_date (today);

  g_return_val_if_fail (JY_IS_STORE (store), NULL);
  g_return_val_if_fail (resident != NULL, NULL);

  self = g_object_new (JY_TYPE_ENROLMENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->resident = jy_resident_copy (resident);
  adw_window_title_set_subtitle (self->window_title, resident->name);
  gtk_editable_set_text (GTK_EDITABLE (self->enrol_date_entry), today_str);

  /* Offer what is left: someone managed for hypertension is enrolled for diabetes. */
  if (managed & JY_PROGRAMME_HTN)
    {
      gtk_toggle_button_set_active (self->dm_button, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->htn_button), FALSE);
    }
  if (managed & JY_PROGRAMME_T2DM)
    gtk_widget_set_sensitive (GTK_WIDGET (self->dm_button), FALSE);
  fill_codes (self);
  check (self, FALSE);

  jy_store_read_async (store, jy_centre_store_load_choices, NULL, NULL,
                       (GDestroyNotify) jy_centre_choices_free, NULL, choices_cb, g_object_ref (self));
  return self;
}
