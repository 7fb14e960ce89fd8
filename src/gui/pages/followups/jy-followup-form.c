/* jy-followup-form.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-form-private.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-followup-labels.h"
#include "jy-person.h"

/* The editing surface of a follow-up (高血压 / 2型糖尿病患者随访服务记录表).
 * It reads its widgets into JyFollowup records, asks core's rules about
 * them on every edit, and shows what core says: at the field, and in the
 * assessment panel (jy-followup-form-assessment.c). It decides nothing a
 * doctor would argue about itself. */

G_DEFINE_FINAL_TYPE (JyFollowupForm, jy_followup_form, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (JyFollowupForm *self);

char *
jy_followup_form_entry_text (GtkEntry *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
jy_followup_form_set_entry_text (GtkEntry   *entry,
                                 const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

void
jy_followup_form_show_error (GtkWidget  *widget,
                             GtkLabel   *error,
                             const char *message)
{
  if (error != NULL)
    {
      gtk_label_set_label (error, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (error), message != NULL);
    }
  if (widget == NULL)
    return;
  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static void
update_sensitivity (JyFollowupForm *self)
{
  gboolean adverse = gtk_check_button_get_active (self->adverse_check);
  guint outcome = gtk_drop_down_get_selected (self->outcome_dropdown);

  gtk_widget_set_sensitive (GTK_WIDGET (self->adverse_entry), adverse);
  gtk_widget_set_sensitive (GTK_WIDGET (self->adverse_hard_check), adverse);
  gtk_widget_set_sensitive (GTK_WIDGET (self->complication_entry),
                            gtk_check_button_get_active (self->complication_check));
  gtk_widget_set_visible (self->lost_box, outcome == JY_FOLLOWUP_OUTCOME_LOST);
  gtk_widget_set_visible (self->dead_box, outcome == JY_FOLLOWUP_OUTCOME_DEAD);
  gtk_widget_set_sensitive (self->seen_box, outcome == JY_FOLLOWUP_OUTCOME_SEEN);
}

void
jy_followup_form_field_changed (JyFollowupForm *self,
                                GtkWidget      *widget)
{
  if (self->loading)
    return;

  self->edited = TRUE;
  if (widget == GTK_WIDGET (self->next_visit_entry))
    self->next_edited = TRUE;
  else if (widget == GTK_WIDGET (self->referral_reason_entry))
    self->referral_edited = TRUE;
  /* Choices count as visited once changed; typed text once left. */
  if (!GTK_IS_ENTRY (widget))
    g_hash_table_add (self->touched, widget);

  update_sensitivity (self);
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
jy_followup_form_field_left (JyFollowupForm *self,
                             GtkWidget      *widget)
{
  if (self->loading || g_hash_table_contains (self->touched, widget))
    return;
  g_hash_table_add (self->touched, widget);
  refresh (self);
}

static void
entry_changed_cb (GtkEntry *entry,
                  gpointer  user_data)
{
  jy_followup_form_field_changed (JY_FOLLOWUP_FORM (user_data), GTK_WIDGET (entry));
}

static void
entry_activate_cb (GtkEntry *entry,
                   gpointer  user_data)
{
  JyFollowupForm *self = JY_FOLLOWUP_FORM (user_data);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (entry)));

  jy_followup_form_field_left (self, GTK_WIDGET (entry));
  /* Enter moves on, as Tab does: the numeric keypad fills a whole block. */
  if (root != NULL)
    gtk_widget_child_focus (root, GTK_DIR_TAB_FORWARD);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  jy_followup_form_field_left (JY_FOLLOWUP_FORM (user_data), widget);
}

void
jy_followup_form_connect_entry (JyFollowupForm *self,
                                GtkEntry       *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static void
mode_toggled_cb (JyFollowupForm *self,
                 GtkCheckButton *check)
{
  if (gtk_check_button_get_active (check))
    jy_followup_form_field_changed (self, GTK_WIDGET (check));
}

static void
outcome_changed_cb (JyFollowupForm *self,
                    GParamSpec     *pspec,
                    GtkDropDown    *dropdown)
{
  update_sensitivity (self);
  jy_followup_form_field_changed (self, GTK_WIDGET (dropdown));
}

static void
check_toggled_cb (JyFollowupForm *self,
                  GtkCheckButton *check)
{
  jy_followup_form_field_changed (self, GTK_WIDGET (check));
}

static void
dropdown_changed_cb (JyFollowupForm *self,
                     GParamSpec     *pspec,
                     GtkDropDown    *dropdown)
{
  jy_followup_form_field_changed (self, GTK_WIDGET (dropdown));
}

static void
danger_toggled_cb (JyFollowupForm  *self,
                   GtkToggleButton *toggle)
{
  gboolean open = gtk_toggle_button_get_active (toggle);

  gtk_image_set_from_icon_name (self->danger_arrow, open ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_EXPANDED, open, -1);
}

static void
accept_clicked_cb (JyFollowupForm *self)
{
  jy_followup_form_accept (self);
}

static void
drugs_changed_cb (JyFollowupForm     *self,
                  JyFollowupDrugList *list)
{
  jy_followup_form_field_changed (self, GTK_WIDGET (list));
}

int
jy_followup_form_get_age_at_visit (JyFollowupForm *self)
{
  g_autofree char *text = NULL;
  GDate visit;

  g_return_val_if_fail (JY_IS_FOLLOWUP_FORM (self), 0);

  if (!g_date_valid (&self->birth))
    return 0;
  text = jy_followup_form_entry_text (self->visit_date_entry);
  if (!jy_person_parse_date (text, &visit) || g_date_compare (&visit, &self->birth) < 0)
    visit = self->today;
  return MAX (0, jy_person_age_on (&self->birth, &visit));
}

static JyVisitMode
get_mode (JyFollowupForm *self)
{
  if (gtk_check_button_get_active (self->mode_clinic))
    return JY_VISIT_MODE_CLINIC;
  if (gtk_check_button_get_active (self->mode_home))
    return JY_VISIT_MODE_HOME;
  if (gtk_check_button_get_active (self->mode_phone))
    return JY_VISIT_MODE_PHONE;
  return JY_VISIT_MODE_NONE;
}

#define SET_TEXT(record, member, entry) \
  G_STMT_START { g_free ((record)->member); (record)->member = jy_followup_form_entry_text (entry); } G_STMT_END

/* @programme's record as the form stands; the suggestion fields come from
 * the last assessment. */
JyFollowup *
jy_followup_form_build_record (JyFollowupForm *self,
                               JyProgramme     programme)
{
  JyFormDisease *d = jy_form_disease (self, programme);
  JyFollowup *r = jy_followup_copy (d->base);
  guint outcome = gtk_drop_down_get_selected (self->outcome_dropdown);

  r->programme = programme;
  r->enrolment_id = d->enrolment_id;
  r->resident_id = self->resident_id;
  g_free (r->visit_uuid);
  r->visit_uuid = g_strdup (self->visit_uuid);
  SET_TEXT (r, visit_date, self->visit_date_entry);
  r->mode = get_mode (self);
  r->outcome = outcome != GTK_INVALID_LIST_POSITION ? (JyFollowupOutcome)outcome : JY_FOLLOWUP_OUTCOME_SEEN;
  SET_TEXT (r, lost_reason, self->lost_reason_entry);
  SET_TEXT (r, death_date, self->death_date_entry);
  SET_TEXT (r, death_cause, self->death_cause_entry);
  if (r->outcome != JY_FOLLOWUP_OUTCOME_LOST)
    g_clear_pointer (&r->lost_reason, g_free);
  if (r->outcome != JY_FOLLOWUP_OUTCOME_DEAD)
    {
      g_clear_pointer (&r->death_date, g_free);
      g_clear_pointer (&r->death_cause, g_free);
    }
  r->author_id = self->author_id;
  g_free (r->author_role);
  r->author_role = g_strdup (self->author_role);

  SET_TEXT (r, symptoms_other, self->symptoms_other_entry);
  SET_TEXT (r, signs_other, self->signs_other_entry);
  SET_TEXT (r, investigations, self->investigations_entry);
  r->adverse_reaction = gtk_check_button_get_active (self->adverse_check);
  SET_TEXT (r, adverse_reaction_text, self->adverse_entry);
  r->adverse_hard_to_control = r->adverse_reaction && gtk_check_button_get_active (self->adverse_hard_check);
  if (!r->adverse_reaction)
    g_clear_pointer (&r->adverse_reaction_text, g_free);
  r->new_complication = gtk_check_button_get_active (self->complication_check);
  SET_TEXT (r, complication_text, self->complication_entry);
  if (!r->new_complication)
    g_clear_pointer (&r->complication_text, g_free);
  SET_TEXT (r, advice, self->advice_entry);
  SET_TEXT (r, remarks, self->remarks_entry);

  jy_followup_form_read_fields (self, r);

  if (d->class_dropdown != NULL)
    {
      r->classification = jy_followup_form_get_class (d);
      SET_TEXT (r, class_override_reason, d->class_reason_entry);
      if (!gtk_widget_get_visible (GTK_WIDGET (d->class_reason_entry)))
        g_clear_pointer (&r->class_override_reason, g_free);
    }

  g_ptr_array_set_size (r->drugs, 0);
  if (d->current_drugs != NULL)
    jy_followup_drug_list_add_to (d->current_drugs, r->drugs);
  if (d->insulin != NULL)
    jy_followup_drug_list_add_to (d->insulin, r->drugs);
  if (d->adjust_drugs != NULL)
    jy_followup_drug_list_add_to (d->adjust_drugs, r->drugs);

  SET_TEXT (r, referral_reason, self->referral_reason_entry);
  SET_TEXT (r, referral_institution, self->referral_institution_entry);
  SET_TEXT (r, referral_department, self->referral_department_entry);
  SET_TEXT (r, referral_contact, self->referral_contact_entry);
  SET_TEXT (r, referral_phone, self->referral_phone_entry);
  {
    guint result = gtk_drop_down_get_selected (self->referral_result_dropdown);

    r->referral_result = result <= 2 ? (int)result : 0;
  }

  SET_TEXT (r, next_visit_date, self->next_visit_entry);
  SET_TEXT (r, next_override_reason, self->next_reason_entry);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->next_reason_entry)))
    g_clear_pointer (&r->next_override_reason, g_free);

  g_clear_pointer (&r->suggested_next_date, g_free);
  r->suggested_class = JY_FOLLOWUP_CLASS_NONE;
  if (d->assessed)
    {
      r->suggested_class = d->assessment.suggested_class;
      if (g_date_valid (&d->assessment.next_visit))
        r->suggested_next_date = jy_clock_format_date (&d->assessment.next_visit);
    }
  return r;
}

#undef SET_TEXT

/* Values core refuses as impossible must not drive the rules: BP 400/20
 * is a typing slip, not an emergency. */
static void
blank_refused (JyFollowupForm *self,
               JyFollowup     *r)
{
  JyFormDisease *d = jy_form_disease (self, r->programme);
  g_autoptr(GArray) problems =
    jy_followup_validate (r, &self->policy, g_date_valid (&d->enrol_date) ? &d->enrol_date : NULL, &self->today);

  for (guint i = 0; i < problems->len; i++)
    {
      const JyFollowupProblem *p = &g_array_index (problems, JyFollowupProblem, i);
      JyFormField *f;

      if (p->kind == JY_FOLLOWUP_PROBLEM_SBP_NOT_ABOVE_DBP)
        r->sbp = r->dbp = JY_UNMEASURED;
      if (p->kind != JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE ||
          (f = jy_followup_form_find_field (self, p->field, r)) == NULL)
        continue;
      if (f->kind == JY_FORM_VALUE_INT)
        G_STRUCT_MEMBER (int, r, f->offset) = JY_UNMEASURED;
      else if (f->kind == JY_FORM_VALUE_DOUBLE)
        G_STRUCT_MEMBER (double, r, f->offset) = JY_UNMEASURED;
    }
}

void
jy_followup_form_assess (JyFollowupForm *self)
{
  int age = jy_followup_form_get_age_at_visit (self);

  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    {
      JyFormDisease *d = &self->disease[i];
      g_autoptr(JyFollowup) r = NULL;

      if (!d->enrolled)
        continue;
      r = jy_followup_form_build_record (self, d->programme);
      blank_refused (self, r);
      jy_followup_assess (r, d->previous, age, &self->policy, &d->assessment);
      d->assessed = TRUE;
      if (i == 0 || !self->disease[0].enrolled || d->programme == JY_PROGRAMME_T2DM)
        jy_followup_form_update_computed (self, r);
    }
}

static void
refresh (JyFollowupForm *self)
{
  jy_followup_form_assess (self);
  jy_followup_form_update_panel (self);
  jy_followup_form_show_problems (self);
}

GPtrArray *
jy_followup_form_get_records (JyFollowupForm *self)
{
  GPtrArray *records;

  g_return_val_if_fail (JY_IS_FOLLOWUP_FORM (self), NULL);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_followup_free);
  jy_followup_form_assess (self);
  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    if (self->disease[i].enrolled)
      g_ptr_array_add (records, jy_followup_form_build_record (self, self->disease[i].programme));
  return records;
}

const JyFollowupAssessment *
jy_followup_form_get_assessment (JyFollowupForm *self,
                                 JyProgramme     programme)
{
  JyFormDisease *d;

  g_return_val_if_fail (JY_IS_FOLLOWUP_FORM (self), NULL);

  d = jy_form_disease (self, programme);
  return d->enrolled && d->programme == programme && d->assessed ? &d->assessment : NULL;
}

gboolean
jy_followup_form_get_edited (JyFollowupForm *self)
{
  g_return_val_if_fail (JY_IS_FOLLOWUP_FORM (self), FALSE);
  return self->edited;
}

void
jy_followup_form_set_edited (JyFollowupForm *self,
                             gboolean        edited)
{
  g_return_if_fail (JY_IS_FOLLOWUP_FORM (self));
  self->edited = edited;
}

JyProgramme
jy_followup_form_get_programmes (JyFollowupForm *self)
{
  g_return_val_if_fail (JY_IS_FOLLOWUP_FORM (self), JY_PROGRAMME_NONE);
  return self->programmes;
}

gint64
jy_followup_form_get_resident_id (JyFollowupForm *self)
{
  g_return_val_if_fail (JY_IS_FOLLOWUP_FORM (self), 0);
  return self->resident_id;
}

static void
load_shared (JyFollowupForm   *self,
             const JyFollowup *r)
{
  gtk_check_button_set_active (self->mode_clinic, r->mode == JY_VISIT_MODE_CLINIC);
  gtk_check_button_set_active (self->mode_home, r->mode == JY_VISIT_MODE_HOME);
  gtk_check_button_set_active (self->mode_phone, r->mode == JY_VISIT_MODE_PHONE);
  jy_followup_form_set_entry_text (self->visit_date_entry, r->visit_date);
  gtk_drop_down_set_selected (self->outcome_dropdown, r->outcome);
  jy_followup_form_set_entry_text (self->lost_reason_entry, r->lost_reason);
  jy_followup_form_set_entry_text (self->death_date_entry, r->death_date);
  jy_followup_form_set_entry_text (self->death_cause_entry, r->death_cause);
  jy_followup_form_set_entry_text (self->symptoms_other_entry, r->symptoms_other);
  jy_followup_form_set_entry_text (self->signs_other_entry, r->signs_other);
  jy_followup_form_set_entry_text (self->investigations_entry, r->investigations);
  gtk_check_button_set_active (self->adverse_check, r->adverse_reaction);
  jy_followup_form_set_entry_text (self->adverse_entry, r->adverse_reaction_text);
  gtk_check_button_set_active (self->adverse_hard_check, r->adverse_hard_to_control);
  gtk_check_button_set_active (self->complication_check, r->new_complication);
  jy_followup_form_set_entry_text (self->complication_entry, r->complication_text);
  jy_followup_form_set_entry_text (self->advice_entry, r->advice);
  jy_followup_form_set_entry_text (self->remarks_entry, r->remarks);
  jy_followup_form_set_entry_text (self->referral_reason_entry, r->referral_reason);
  jy_followup_form_set_entry_text (self->referral_institution_entry, r->referral_institution);
  jy_followup_form_set_entry_text (self->referral_department_entry, r->referral_department);
  jy_followup_form_set_entry_text (self->referral_contact_entry, r->referral_contact);
  jy_followup_form_set_entry_text (self->referral_phone_entry, r->referral_phone);
  gtk_drop_down_set_selected (self->referral_result_dropdown, CLAMP (r->referral_result, 0, 2));
  jy_followup_form_set_entry_text (self->next_visit_entry, r->next_visit_date);
  jy_followup_form_set_entry_text (self->next_reason_entry, r->next_override_reason);
}

void
jy_followup_form_set_record (JyFollowupForm   *self,
                             const JyFollowup *record)
{
  JyFormDisease *d;

  g_return_if_fail (JY_IS_FOLLOWUP_FORM (self));
  g_return_if_fail (record != NULL);
  g_return_if_fail ((self->programmes & record->programme) != 0);

  d = jy_form_disease (self, record->programme);
  g_clear_pointer (&d->base, jy_followup_free);
  d->base = jy_followup_copy (record);
  if (record->enrolment_id != 0)
    d->enrolment_id = record->enrolment_id;
  if (record->visit_uuid != NULL)
    {
      g_free (self->visit_uuid);
      self->visit_uuid = g_strdup (record->visit_uuid);
    }

  self->loading = TRUE;
  load_shared (self, record);
  jy_followup_form_load_fields (self, record);
  jy_followup_form_set_class (d, record->classification);
  jy_followup_form_set_entry_text (d->class_reason_entry, record->class_override_reason);
  if (d->current_drugs != NULL)
    jy_followup_drug_list_set_drugs (d->current_drugs, record->drugs);
  if (d->insulin != NULL)
    jy_followup_drug_list_set_drugs (d->insulin, record->drugs);
  if (d->adjust_drugs != NULL)
    jy_followup_drug_list_set_drugs (d->adjust_drugs, record->drugs);
  /* A date that was the rule's proposal (a draft, say) keeps following
   * the rule; one the doctor chose stays. */
  self->next_edited = record->next_visit_date != NULL &&
                      g_strcmp0 (record->next_visit_date, record->suggested_next_date) != 0;
  self->referral_edited = record->referral_reason != NULL;
  update_sensitivity (self);
  self->loading = FALSE;

  self->edited = FALSE;
  refresh (self);
}

/* One list per kind of drug and programme; a combined visit labels them. */
static void
build_drug_lists (JyFollowupForm *self)
{
  gboolean both = self->programmes == (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM);

  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    {
      JyFormDisease *d = &self->disease[i];
      const char *code = jy_programme_to_code (d->programme);
      g_autofree char *current = g_strdup_printf ("%s-drug", code);
      g_autofree char *insulin = g_strdup_printf ("%s-insulin", code);
      g_autofree char *adjust = g_strdup_printf ("%s-adjust", code);
      g_autofree char *current_title = NULL;
      g_autofree char *adjust_title = NULL;

      if (!d->enrolled)
        continue;
      if (both)
        {
          /* Translators: %s is a disease, e.g. 用药情况（高血压） */
          current_title = g_strdup_printf (_("Taking now (%s)"), jy_followup_programme_label (d->programme));
          /* Translators: %s is a disease, e.g. 用药调整意见（高血压） */
          adjust_title = g_strdup_printf (_("Advised changes (%s)"), jy_followup_programme_label (d->programme));
        }
      else
        {
          current_title = g_strdup (_("Taking now"));
          adjust_title = g_strdup (_("Advised changes"));
        }
      d->current_drugs = jy_followup_drug_list_new (JY_FOLLOWUP_DRUG_CURRENT, current_title, current);
      gtk_box_append (self->drugs_box, GTK_WIDGET (d->current_drugs));
      if (d->programme == JY_PROGRAMME_T2DM)
        {
          d->insulin = jy_followup_drug_list_new (JY_FOLLOWUP_DRUG_INSULIN, _("Insulin"), insulin);
          gtk_box_append (self->drugs_box, GTK_WIDGET (d->insulin));
        }
      d->adjust_drugs = jy_followup_drug_list_new (JY_FOLLOWUP_DRUG_ADJUST, adjust_title, adjust);
      gtk_box_append (self->drugs_box, GTK_WIDGET (d->adjust_drugs));
      g_signal_connect_object (d->current_drugs, "changed", G_CALLBACK (drugs_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (d->adjust_drugs, "changed", G_CALLBACK (drugs_changed_cb), self, G_CONNECT_SWAPPED);
      if (d->insulin != NULL)
        g_signal_connect_object (d->insulin, "changed", G_CALLBACK (drugs_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

/* Focusing the form starts where a routine visit starts typing: the
 * blood pressure; Shift+Tab goes back to the date, mode and symptoms. */
static gboolean
jy_followup_form_grab_focus (GtkWidget *widget)
{
  JyFollowupForm *self = JY_FOLLOWUP_FORM (widget);

  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      JyFormField *f = g_ptr_array_index (self->fields, i);

      if (g_str_equal (f->name, "sbp") && gtk_widget_is_sensitive (f->widget))
        return gtk_widget_grab_focus (f->widget);
    }
  return gtk_widget_grab_focus (GTK_WIDGET (self->visit_date_entry));
}

static void
jy_followup_form_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jy_followup_form_parent_class)->root (widget);
  jy_followup_form_fit_grids (JY_FOLLOWUP_FORM (widget));
}

static void
jy_followup_form_dispose (GObject *object)
{
  JyFollowupForm *self = (JyFollowupForm *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_FOLLOWUP_FORM);
  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    {
      g_clear_pointer (&self->disease[i].previous, jy_followup_free);
      g_clear_pointer (&self->disease[i].base, jy_followup_free);
      g_clear_pointer (&self->disease[i].last_summary, g_free);
    }
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->symptom_checks, g_ptr_array_unref);
  g_clear_pointer (&self->danger_checks, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (jy_followup_form_parent_class)->dispose (object);
}

static void
jy_followup_form_finalize (GObject *object)
{
  JyFollowupForm *self = (JyFollowupForm *)object;

  g_free (self->resident_name);
  g_free (self->sex);
  g_free (self->author_name);
  g_free (self->author_role);
  g_free (self->visit_uuid);

  G_OBJECT_CLASS (jy_followup_form_parent_class)->finalize (object);
}

static void
jy_followup_form_class_init (JyFollowupFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_followup_form_dispose;
  object_class->finalize = jy_followup_form_finalize;
  widget_class->grab_focus = jy_followup_form_grab_focus;
  widget_class->root = jy_followup_form_root;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-followup-form.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, JyFollowupForm, name)
  BIND (form_scroller); BIND (visit_date_entry); BIND (visit_date_error);
  BIND (mode_clinic); BIND (mode_home); BIND (mode_phone); BIND (mode_error);
  BIND (outcome_dropdown); BIND (lost_box); BIND (lost_reason_entry); BIND (dead_box);
  BIND (death_date_entry); BIND (death_cause_entry); BIND (death_date_error); BIND (seen_box);
  BIND (symptoms_grid); BIND (symptoms_other_box); BIND (symptoms_other_entry); BIND (symptoms_error);
  BIND (danger_toggle); BIND (danger_arrow); BIND (danger_grid); BIND (signs_grid); BIND (signs_other_entry);
  BIND (lifestyle_grid); BIND (labs_heading); BIND (labs_grid); BIND (investigations_entry);
  BIND (meds_grid); BIND (adverse_check); BIND (adverse_entry); BIND (adverse_hard_check);
  BIND (adverse_error); BIND (complication_check); BIND (complication_entry);
  BIND (drugs_box); BIND (drugs_error); BIND (advice_entry); BIND (remarks_entry);
  BIND (patient_label); BIND (patient_detail_label); BIND (other_problems_label); BIND (danger_box); BIND (danger_signs_label);
  BIND (danger_advice_label); BIND (warning_label); BIND (accept_button); BIND (cards_box);
  BIND (next_visit_entry); BIND (next_proposal_label); BIND (next_reason_entry); BIND (next_visit_error);
  BIND (referral_box); BIND (referral_reason_entry); BIND (referral_institution_entry);
  BIND (referral_department_entry); BIND (referral_contact_entry); BIND (referral_phone_entry);
  BIND (referral_result_dropdown); BIND (referral_error); BIND (author_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, danger_toggled_cb);
}

static void
jy_followup_form_init (JyFollowupForm *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->touched = g_hash_table_new (NULL, NULL);
  g_date_clear (&self->birth, 1);
  g_date_clear (&self->today, 1);

  {
    GtkEntry *entries[] = {
      self->visit_date_entry, self->lost_reason_entry, self->death_date_entry, self->death_cause_entry,
      self->symptoms_other_entry, self->signs_other_entry, self->investigations_entry,
      self->adverse_entry, self->complication_entry, self->advice_entry, self->remarks_entry,
      self->next_visit_entry, self->next_reason_entry, self->referral_reason_entry,
      self->referral_institution_entry, self->referral_department_entry,
      self->referral_contact_entry, self->referral_phone_entry,
    };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      jy_followup_form_connect_entry (self, entries[i]);
  }
}

static void
set_disease (JyFollowupForm              *self,
             JyProgramme                  programme,
             const JyFollowupFormDisease *in,
             const char                  *today)
{
  JyFormDisease *d = jy_form_disease (self, programme);

  d->programme = programme;
  d->enrolled = (self->programmes & programme) != 0;
  if (!d->enrolled)
    return;
  d->enrolment_id = in->enrolment_id;
  g_date_clear (&d->enrol_date, 1);
  if (in->enrol_date != NULL)
    jy_person_parse_date (in->enrol_date, &d->enrol_date);
  d->previous = in->previous != NULL ? jy_followup_copy (in->previous) : NULL;
  d->last_summary = in->latest != NULL ? jy_followup_summary (in->latest) : NULL;
  d->base = in->latest != NULL ? jy_followup_new_from_previous (in->latest, today)
                               : jy_followup_new (programme);
  d->base->programme = programme;
  d->base->enrolment_id = in->enrolment_id;
  d->base->resident_id = self->resident_id;
  if (d->base->uuid == NULL)
    d->base->uuid = g_uuid_string_random ();
}

JyFollowupForm *
jy_followup_form_new (const JyFollowupFormContext *context)
{
  JyFollowupForm *self;
  g_autofree char *today = NULL;
  gboolean nurse;

  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (g_date_valid (&context->today), NULL);
  g_return_val_if_fail ((context->programmes & (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM)) != 0, NULL);

  self = g_object_new (JY_TYPE_FOLLOWUP_FORM, NULL);
  self->resident_id = context->resident_id;
  self->resident_name = g_strdup (context->resident_name);
  self->sex = g_strdup (context->sex);
  jy_person_parse_date (context->birth_date, &self->birth);
  self->today = context->today;
  self->programmes = context->programmes & (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM);
  self->author_id = context->author_id;
  self->author_name = g_strdup (context->author_name);
  self->author_role = g_strdup (context->author_role != NULL ? context->author_role : "doctor");
  self->policy = *(context->policy != NULL ? context->policy : jy_followup_policy_default ());
  self->visit_uuid = g_uuid_string_random ();
  today = jy_clock_format_date (&self->today);
  set_disease (self, JY_PROGRAMME_HTN, &context->htn, today);
  set_disease (self, JY_PROGRAMME_T2DM, &context->t2dm, today);

  jy_followup_form_build_fields (self);
  build_drug_lists (self);
  jy_followup_form_build_panel (self);

  /* A nurse's visit is a home visit; a doctor's is at the clinic. */
  nurse = g_strcmp0 (self->author_role, "nurse") == 0;
  gtk_editable_set_text (GTK_EDITABLE (self->visit_date_entry), today);
  gtk_check_button_set_active (nurse ? self->mode_home : self->mode_clinic, TRUE);
  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    {
      JyFormDisease *d = &self->disease[i];

      if (!d->enrolled)
        continue;
      jy_followup_form_load_fields (self, d->base);
      if (d->current_drugs != NULL)
        jy_followup_drug_list_set_drugs (d->current_drugs, d->base->drugs);
      if (d->insulin != NULL)
        jy_followup_drug_list_set_drugs (d->insulin, d->base->drugs);
    }
  update_sensitivity (self);
  self->loading = FALSE;
  refresh (self);
  return self;
}
