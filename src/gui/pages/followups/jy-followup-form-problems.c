/* jy-followup-form-problems.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-form-private.h"

#include <glib/gi18n.h>

#include "jy-followup-labels.h"

/* What core's jy_followup_validate() refuses, shown at the field it is
 * about, in plain words with the rule; never a dialog. */

typedef struct
{
  GtkWidget *widget;   /* what gets the red outline and the focus */
  GtkWidget *key;      /* what must have been visited to show it before validating */
  GtkLabel  *error;
  double     value;
} Target;

static gboolean
problem_target (JyFollowupForm          *self,
                const JyFollowup        *r,
                const JyFollowupProblem *p,
                Target                  *t)
{
  JyFormDisease *d = jy_form_disease (self, r->programme);
  JyFormField *f;

  t->value = JY_UNMEASURED;
  switch (p->field)
    {
    case JY_FOLLOWUP_FIELD_VISIT_DATE:
      *t = (Target) { GTK_WIDGET (self->visit_date_entry), NULL, self->visit_date_error, JY_UNMEASURED };
      break;
    case JY_FOLLOWUP_FIELD_MODE:
      *t = (Target) { GTK_WIDGET (self->mode_clinic), NULL, self->mode_error, JY_UNMEASURED };
      break;
    case JY_FOLLOWUP_FIELD_SYMPTOMS:
      *t = (Target) { self->symptom_checks->len > 0 ? g_ptr_array_index (self->symptom_checks, 0) : NULL,
                      NULL, self->symptoms_error, JY_UNMEASURED };
      break;
    case JY_FOLLOWUP_FIELD_ADVERSE_REACTION:
      *t = (Target) { GTK_WIDGET (self->adverse_entry), GTK_WIDGET (self->adverse_check), self->adverse_error, JY_UNMEASURED };
      break;
    case JY_FOLLOWUP_FIELD_CLASSIFICATION:
      if (d->class_dropdown == NULL)
        return FALSE;
      /* Core wants a reason: there must be somewhere to type it. */
      if (p->kind == JY_FOLLOWUP_PROBLEM_NEEDS_REASON)
        gtk_widget_set_visible (GTK_WIDGET (d->class_reason_entry), TRUE);
      *t = (Target) { p->kind == JY_FOLLOWUP_PROBLEM_NEEDS_REASON ? GTK_WIDGET (d->class_reason_entry)
                                                                  : GTK_WIDGET (d->class_dropdown),
                      GTK_WIDGET (d->class_dropdown), d->class_error, JY_UNMEASURED };
      break;
    case JY_FOLLOWUP_FIELD_DRUGS:
      *t = (Target) { d->current_drugs != NULL ? GTK_WIDGET (d->current_drugs) : NULL,
                      NULL, self->drugs_error, JY_UNMEASURED };
      break;
    case JY_FOLLOWUP_FIELD_REFERRAL:
      *t = (Target) { GTK_WIDGET (self->referral_reason_entry), NULL, self->referral_error, JY_UNMEASURED };
      break;
    case JY_FOLLOWUP_FIELD_NEXT_VISIT:
      if (p->kind == JY_FOLLOWUP_PROBLEM_TOO_LATE || p->kind == JY_FOLLOWUP_PROBLEM_NEEDS_REASON)
        gtk_widget_set_visible (GTK_WIDGET (self->next_reason_entry), TRUE);
      *t = (Target) { p->kind == JY_FOLLOWUP_PROBLEM_TOO_LATE || p->kind == JY_FOLLOWUP_PROBLEM_NEEDS_REASON
                      ? GTK_WIDGET (self->next_reason_entry) : GTK_WIDGET (self->next_visit_entry),
                      GTK_WIDGET (self->next_visit_entry), self->next_visit_error, JY_UNMEASURED };
      break;
    case JY_FOLLOWUP_FIELD_DEATH_DATE:
      *t = (Target) { GTK_WIDGET (self->death_date_entry), NULL, self->death_date_error, JY_UNMEASURED };
      break;
    default:
      if ((f = jy_followup_form_find_field (self, p->field, r)) == NULL)
        return FALSE;
      *t = (Target) { f->widget, NULL, f->error, JY_UNMEASURED };
      if (f->kind == JY_FORM_VALUE_INT)
        t->value = G_STRUCT_MEMBER (int, r, f->offset);
      else if (f->kind == JY_FORM_VALUE_DOUBLE)
        t->value = G_STRUCT_MEMBER (double, r, f->offset);
      break;
    }
  if (t->key == NULL)
    t->key = t->widget;
  return TRUE;
}

static void
clear_problems (JyFollowupForm *self)
{
  GtkWidget *widgets[] = {
    GTK_WIDGET (self->visit_date_entry), GTK_WIDGET (self->mode_clinic), GTK_WIDGET (self->adverse_entry),
    GTK_WIDGET (self->referral_reason_entry), GTK_WIDGET (self->next_visit_entry),
    GTK_WIDGET (self->next_reason_entry), GTK_WIDGET (self->death_date_entry),
  };
  GtkLabel *labels[] = {
    self->visit_date_error, self->mode_error, self->symptoms_error, self->adverse_error,
    self->drugs_error, self->referral_error, self->next_visit_error, self->death_date_error,
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    jy_followup_form_show_error (widgets[i], NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    jy_followup_form_show_error (NULL, labels[i], NULL);
  for (guint i = 0; i < self->fields->len; i++)
    {
      JyFormField *f = g_ptr_array_index (self->fields, i);

      jy_followup_form_show_error (f->widget, f->error, NULL);
    }
  for (guint i = 0; i < self->symptom_checks->len; i++)
    jy_followup_form_show_error (g_ptr_array_index (self->symptom_checks, i), NULL, NULL);
  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    if (self->disease[i].class_dropdown != NULL)
      {
        jy_followup_form_show_error (GTK_WIDGET (self->disease[i].class_dropdown), self->disease[i].class_error, NULL);
        jy_followup_form_show_error (GTK_WIDGET (self->disease[i].class_reason_entry), NULL, NULL);
      }
}

/* Shows core's problems at their fields: "required" only once the doctor
 * tried to save, the others once the field was left. Returns how many
 * problems block saving, shown or not. */
/* Whether @widget is on the form as it shows now (hidden blocks aside). */
static gboolean
shown_in_form (JyFollowupForm *self,
               GtkWidget      *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
      return FALSE;
  return widget != NULL;
}

guint
jy_followup_form_show_problems (JyFollowupForm *self)
{
  g_autoptr(GString) other = g_string_new (NULL);
  guint blocking = 0;

  clear_problems (self);
  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    {
      JyFormDisease *d = &self->disease[i];
      g_autoptr(JyFollowup) r = NULL;
      g_autoptr(GArray) problems = NULL;

      if (!d->enrolled)
        continue;
      r = jy_followup_form_build_record (self, d->programme);
      problems = jy_followup_validate (r, &self->policy,
                                       g_date_valid (&d->enrol_date) ? &d->enrol_date : NULL, &self->today);
      blocking += problems->len;
      for (guint j = 0; j < problems->len; j++)
        {
          const JyFollowupProblem *p = &g_array_index (problems, JyFollowupProblem, j);
          g_autofree char *message = NULL;
          Target t;

          if (!problem_target (self, r, p, &t) || !shown_in_form (self, t.widget))
            {
              /* A rule about something this form does not show (or not
               * now) must still be said, or the doctor cannot save and
               * cannot tell why. */
              if (self->tried_validate)
                {
                  g_autofree char *text = jy_followup_problem_message (p->field, p->kind, JY_UNMEASURED);

                  if (other->len > 0)
                    g_string_append_c (other, '\n');
                  g_string_append (other, text);
                }
              continue;
            }
          if (!self->tried_validate &&
              (p->kind == JY_FOLLOWUP_PROBLEM_REQUIRED || !g_hash_table_contains (self->touched, t.key)))
            continue;
          if (t.error != NULL && gtk_widget_get_visible (GTK_WIDGET (t.error)))
            continue;   /* one message per field, the first core gives */
          message = jy_followup_problem_message (p->field, p->kind, t.value);
          jy_followup_form_show_error (t.widget, t.error, message);
        }
    }

  jy_followup_form_show_error (NULL, self->other_problems_label, other->len > 0 ? other->str : NULL);

  /* Text that is not a number never reaches core: say so here. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      JyFormField *f = g_ptr_array_index (self->fields, i);

      if (!f->bad_number)
        continue;
      blocking++;
      if (self->tried_validate || g_hash_table_contains (self->touched, f->widget))
        jy_followup_form_show_error (f->widget, f->error, _("Enter a number, e.g. 132 or 6.5"));
    }
  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    {
      JyFollowupDrugList *lists[] = { self->disease[i].current_drugs, self->disease[i].insulin,
                                      self->disease[i].adjust_drugs };

      for (guint j = 0; j < G_N_ELEMENTS (lists); j++)
        if (lists[j] != NULL && jy_followup_drug_list_check (lists[j]) != NULL)
          {
            blocking++;
            if (!gtk_widget_get_visible (GTK_WIDGET (self->drugs_error)))
              jy_followup_form_show_error (NULL, self->drugs_error, _("Times a day and dose are numbers"));
          }
    }
  return blocking;
}

static GtkWidget *
first_error_widget (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    return NULL;
  if (gtk_widget_has_css_class (widget, "error") &&
      (GTK_IS_ENTRY (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_CHECK_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_error_widget (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
jy_followup_form_validate (JyFollowupForm *self)
{
  guint blocking;
  GtkWidget *first;

  g_return_val_if_fail (JY_IS_FOLLOWUP_FORM (self), FALSE);

  self->tried_validate = TRUE;
  jy_followup_form_assess (self);
  jy_followup_form_update_panel (self);
  blocking = jy_followup_form_show_problems (self);
  if (blocking == 0)
    return TRUE;

  /* Take the doctor to the first field to fix, in the paper form's order. */
  first = first_error_widget (GTK_WIDGET (self));
  if (first != NULL)
    gtk_widget_grab_focus (first);
  return FALSE;
}

