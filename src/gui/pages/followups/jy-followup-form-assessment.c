/* jy-followup-form-assessment.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-form-private.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-followup-labels.h"
#include "jy-gui-format.h"
#include "jy-person.h"

/* The panel on the right of the form: what core's jy_followup_assess()
 * says about the visit as it is typed — danger signs, the suggested
 * classification per disease, the next visit — and what the doctor
 * records in answer. */

JyFollowupClass
jy_followup_form_get_class (JyFormDisease *disease)
{
  guint pos = gtk_drop_down_get_selected (disease->class_dropdown);

  return pos != GTK_INVALID_LIST_POSITION && pos <= JY_FOLLOWUP_CLASS_COMPLICATION
         ? (JyFollowupClass)pos : JY_FOLLOWUP_CLASS_NONE;
}

void
jy_followup_form_set_class (JyFormDisease   *disease,
                            JyFollowupClass  klass)
{
  gtk_drop_down_set_selected (disease->class_dropdown, klass);
}

static void
class_changed_cb (GtkDropDown *dropdown,
                  GParamSpec  *pspec,
                  gpointer     user_data)
{
  jy_followup_form_field_changed (JY_FOLLOWUP_FORM (user_data), GTK_WIDGET (dropdown));
}

static GtkWidget *
make_card (JyFollowupForm *self,
           JyFormDisease  *d)
{
  const char *code = jy_programme_to_code (d->programme);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (jy_followup_programme_label (d->programme));
  GtkWidget *suggested_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *suggested_caption = gtk_label_new (_("Suggested"));
  GtkWidget *class_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *class_label = gtk_label_new (_("Recorded"));
  g_autoptr(GtkStringList) classes = gtk_string_list_new (NULL);
  g_autofree char *suggested_name = g_strdup_printf ("suggested-class-%s", code);
  g_autofree char *class_name = g_strdup_printf ("classification-%s", code);
  g_autofree char *reason_name = g_strdup_printf ("class-reason-%s", code);
  g_autofree char *error_name = g_strdup_printf ("classification-%s-error", code);
  g_autofree char *class_accessible = NULL;
  g_autofree char *reason_accessible = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "jy-class-card");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (card), title);
  if (d->last_summary != NULL)
    {
      GtkWidget *last = gtk_label_new (d->last_summary);
      g_autofree char *last_name = g_strdup_printf ("last-visit-%s", code);

      gtk_widget_set_name (last, last_name);
      gtk_label_set_xalign (GTK_LABEL (last), 0);
      gtk_label_set_wrap (GTK_LABEL (last), TRUE);
      gtk_widget_add_css_class (last, "dim-label");
      gtk_widget_add_css_class (last, "caption");
      gtk_box_append (GTK_BOX (card), last);
    }

  gtk_widget_add_css_class (suggested_caption, "dim-label");
  gtk_box_append (GTK_BOX (suggested_box), suggested_caption);
  d->suggested_label = GTK_LABEL (gtk_label_new ("—"));
  gtk_widget_set_name (GTK_WIDGET (d->suggested_label), suggested_name);
  gtk_label_set_xalign (d->suggested_label, 0);
  gtk_label_set_wrap (d->suggested_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (d->suggested_label), "title-3");
  gtk_box_append (GTK_BOX (suggested_box), GTK_WIDGET (d->suggested_label));
  gtk_box_append (GTK_BOX (card), suggested_box);

  d->action_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (d->action_label, 0);
  gtk_label_set_wrap (d->action_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (d->action_label), "caption");
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (d->action_label));

  for (JyFollowupClass k = JY_FOLLOWUP_CLASS_NONE; k <= JY_FOLLOWUP_CLASS_COMPLICATION; k++)
    gtk_string_list_append (classes, jy_followup_class_text (k));
  d->class_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&classes)), NULL));
  gtk_widget_set_name (GTK_WIDGET (d->class_dropdown), class_name);
  gtk_widget_set_hexpand (GTK_WIDGET (d->class_dropdown), TRUE);
  /* Translators: %s is a disease; the accessible name of its classification choice */
  class_accessible = g_strdup_printf (_("Classification, %s"), jy_followup_programme_label (d->programme));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->class_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  class_accessible, -1);
  g_signal_connect (d->class_dropdown, "notify::selected", G_CALLBACK (class_changed_cb), self);
  gtk_box_append (GTK_BOX (class_box), class_label);
  gtk_box_append (GTK_BOX (class_box), GTK_WIDGET (d->class_dropdown));
  gtk_box_append (GTK_BOX (card), class_box);

  d->class_reason_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (d->class_reason_entry), reason_name);
  gtk_entry_set_placeholder_text (d->class_reason_entry, _("Why it differs from the suggestion"));
  /* Translators: %s is a disease */
  reason_accessible = g_strdup_printf (_("Reason for a different classification, %s"),
                                       jy_followup_programme_label (d->programme));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->class_reason_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reason_accessible, -1);
  gtk_widget_set_visible (GTK_WIDGET (d->class_reason_entry), FALSE);
  jy_followup_form_connect_entry (self, d->class_reason_entry);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (d->class_reason_entry));

  d->class_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (d->class_error), error_name);
  gtk_label_set_xalign (d->class_error, 0);
  gtk_label_set_wrap (d->class_error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (d->class_error), "error");
  gtk_widget_add_css_class (GTK_WIDGET (d->class_error), "caption");
  gtk_widget_set_visible (GTK_WIDGET (d->class_error), FALSE);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (d->class_error));

  return card;
}

static char *
patient_detail (JyFollowupForm *self)
{
  g_autofree char *age = NULL;
  g_autoptr(GString) programmes = g_string_new (NULL);

  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    if (self->disease[i].enrolled)
      {
        if (programmes->len > 0)
          g_string_append (programmes, _(", "));
        g_string_append (programmes, jy_followup_programme_label (self->disease[i].programme));
      }
  if (g_date_valid (&self->birth))
    {
      g_autofree char *birth = jy_clock_format_date (&self->birth);

      age = jy_gui_format_age (birth, &self->today);
    }
  /* Translators: %1$s sex, %2$s age, %3$s the diseases followed up, e.g. 女 · 68岁 · 高血压、2型糖尿病 */
  return g_strdup_printf (_("%1$s · %2$s · %3$s"), jy_gui_format_sex (self->sex),
                          age != NULL ? age : "", programmes->str);
}

void
jy_followup_form_build_panel (JyFollowupForm *self)
{
  g_autofree char *detail = patient_detail (self);
  g_autofree char *author = NULL;
  gboolean nurse = g_strcmp0 (self->author_role, "nurse") == 0;

  gtk_label_set_label (self->patient_label, self->resident_name != NULL ? self->resident_name : "");
  gtk_label_set_label (self->patient_detail_label, detail);

  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    if (self->disease[i].enrolled)
      {
        self->disease[i].card = make_card (self, &self->disease[i]);
        gtk_box_append (self->cards_box, self->disease[i].card);
      }

  if (self->author_name != NULL)
    /* Translators: %s is the name of the nurse or doctor recording the visit */
    author = g_strdup_printf (nurse ? _("Recorded by nurse %s") : _("Recorded by doctor %s"), self->author_name);
  else
    author = g_strdup (nurse ? _("Recorded by the nurse signed in") : _("Recorded by the doctor signed in"));
  gtk_label_set_label (self->author_label, author);
}

static char *
signs_text (guint        signs,
            const char  *separator)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint bit = 0; bit < 32; bit++)
    {
      const char *label = (signs & (1u << bit)) != 0 ? jy_danger_sign_label (1u << bit) : NULL;

      if (label == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append (text, _(label));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
waiting_for (JyProgramme programme)
{
  return programme == JY_PROGRAMME_T2DM ? _("Enter the fasting glucose")
                                        : _("Enter the blood pressure");
}

static void
update_card (JyFollowupForm *self,
             JyFormDisease  *d)
{
  const JyFollowupAssessment *a = &d->assessment;
  JyFollowupClass recorded = jy_followup_form_get_class (d);
  g_autofree char *reason = jy_followup_form_entry_text (d->class_reason_entry);
  gboolean seen = gtk_drop_down_get_selected (self->outcome_dropdown) == JY_FOLLOWUP_OUTCOME_SEEN;
  gboolean differs;

  if (!seen)
    gtk_label_set_label (d->suggested_label, "—");
  else if (a->suggested_class != JY_FOLLOWUP_CLASS_NONE)
    gtk_label_set_label (d->suggested_label, jy_followup_class_text (a->suggested_class));
  else
    gtk_label_set_label (d->suggested_label, waiting_for (d->programme));
  /* "Enter the BP" must not read like a class. */
  if (seen && a->suggested_class == JY_FOLLOWUP_CLASS_NONE)
    {
      gtk_widget_add_css_class (GTK_WIDGET (d->suggested_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (d->suggested_label), "title-3");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (d->suggested_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (d->suggested_label), "title-3");
    }
  if (a->suggested_class == JY_FOLLOWUP_CLASS_CONTROLLED)
    gtk_widget_add_css_class (GTK_WIDGET (d->suggested_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (d->suggested_label), "success");
  if (a->suggested_class > JY_FOLLOWUP_CLASS_CONTROLLED)
    gtk_widget_add_css_class (GTK_WIDGET (d->suggested_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (d->suggested_label), "warning");

  /* An emergency is said once, loudly, above the cards. */
  gtk_label_set_label (d->action_label,
                       seen && a->suggested_class != JY_FOLLOWUP_CLASS_NONE &&
                       a->action != JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL
                       ? jy_followup_action_advice (a->action) : "");
  gtk_widget_set_visible (GTK_WIDGET (d->action_label), gtk_label_get_label (d->action_label)[0] != '\0');

  /* A reason only when the doctor records something else than suggested. */
  differs = recorded != JY_FOLLOWUP_CLASS_NONE && a->suggested_class != JY_FOLLOWUP_CLASS_NONE &&
            recorded != a->suggested_class;
  gtk_widget_set_visible (GTK_WIDGET (d->class_reason_entry), differs || reason != NULL);
}

/* The proposed next visit of a combined visit is the earliest of the
 * diseases'; the latest allowed, the strictest. */
static gboolean
proposal (JyFollowupForm *self,
          GDate          *next,
          int            *max_days)
{
  gboolean any = FALSE;

  g_date_clear (next, 1);
  *max_days = G_MAXINT;
  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    {
      const JyFollowupAssessment *a = &self->disease[i].assessment;

      if (!self->disease[i].enrolled || !g_date_valid (&a->next_visit))
        continue;
      if (!any || g_date_compare (&a->next_visit, next) < 0)
        *next = a->next_visit;
      if (a->max_interval_days > 0)
        *max_days = MIN (*max_days, a->max_interval_days);
      any = TRUE;
    }
  return any;
}

static void
update_next_visit (JyFollowupForm *self)
{
  g_autofree char *typed = jy_followup_form_entry_text (self->next_visit_entry);
  g_autofree char *visit_text = jy_followup_form_entry_text (self->visit_date_entry);
  g_autofree char *reason = jy_followup_form_entry_text (self->next_reason_entry);
  gboolean seen = gtk_drop_down_get_selected (self->outcome_dropdown) == JY_FOLLOWUP_OUTCOME_SEEN;
  gboolean late = FALSE;
  GDate next, visit, latest, chosen;
  int max_days;

  if (!seen)
    {
      gtk_label_set_label (self->next_proposal_label, "");
      return;
    }
  if (!proposal (self, &next, &max_days))
    {
      gtk_label_set_label (self->next_proposal_label, _("Proposed once the values are in"));
      return;
    }

  {
    g_autofree char *date = jy_clock_format_date (&next);
    g_autofree char *text = NULL;

    if (!self->next_edited && g_strcmp0 (typed, date) != 0)
      {
        gboolean loading = self->loading;

        self->loading = TRUE;
        gtk_editable_set_text (GTK_EDITABLE (self->next_visit_entry), date);
        self->loading = loading;
        g_free (typed);
        typed = g_strdup (date);
      }
    /* Translators: %1$s the proposed date, %2$d the most days allowed until it */
    text = g_strdup_printf (ngettext ("Suggested %1$s (at most %2$d day after this visit)",
                                      "Suggested %1$s (at most %2$d days after this visit)", max_days),
                            date, max_days);
    gtk_label_set_label (self->next_proposal_label, text);
  }

  if (max_days != G_MAXINT && jy_person_parse_date (visit_text, &visit) && jy_person_parse_date (typed, &chosen))
    {
      latest = visit;
      g_date_add_days (&latest, max_days);
      late = g_date_compare (&chosen, &latest) > 0;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->next_reason_entry), late || reason != NULL);
}

static void
update_referral (JyFollowupForm *self,
                 guint           referral_signs,
                 gboolean        referral)
{
  GtkEntry *entries[] = {
    self->referral_reason_entry, self->referral_institution_entry, self->referral_department_entry,
    self->referral_contact_entry, self->referral_phone_entry,
  };
  gboolean filled = gtk_drop_down_get_selected (self->referral_result_dropdown) > 0;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    filled |= gtk_editable_get_text (GTK_EDITABLE (entries[i]))[0] != '\0';
  gtk_widget_set_visible (self->referral_box, referral || filled);

  /* The danger signs are the reason, until the doctor writes one. */
  if (!self->referral_edited)
    {
      g_autofree char *reason = signs_text (referral_signs, _("; "));
      gboolean loading = self->loading;

      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->referral_reason_entry), reason);
      self->loading = loading;
    }
}

void
jy_followup_form_update_panel (JyFollowupForm *self)
{
  guint referral_signs = 0, warnings = 0;
  gboolean referral = FALSE;
  gboolean can_accept = FALSE;
  gboolean seen = gtk_drop_down_get_selected (self->outcome_dropdown) == JY_FOLLOWUP_OUTCOME_SEEN;

  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    {
      JyFormDisease *d = &self->disease[i];

      if (!d->enrolled)
        continue;
      referral_signs |= d->assessment.referral_signs;
      warnings |= d->assessment.warnings;
      referral |= d->assessment.action >= JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL;
      can_accept |= d->assessment.suggested_class != JY_FOLLOWUP_CLASS_NONE &&
                    d->assessment.suggested_class != jy_followup_form_get_class (d);
      update_card (self, d);
    }
  warnings &= ~referral_signs;
  referral_signs = seen ? referral_signs : 0;
  referral = seen && (referral || referral_signs != 0);

  gtk_widget_set_visible (self->danger_box, referral_signs != 0);
  if (referral_signs != 0)
    {
      g_autofree char *list = signs_text (referral_signs, "\n");

      gtk_label_set_label (self->danger_signs_label, list);
      gtk_label_set_label (self->danger_advice_label,
                           jy_followup_action_advice (JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), seen && warnings != 0);
  if (warnings != 0)
    {
      g_autofree char *list = signs_text (warnings, _("; "));
      /* Translators: %s lists measured values to watch, e.g. 心率超过100次/分 */
      g_autofree char *text = g_strdup_printf (_("Watch: %s. Not a referral sign on the hypertension form."), list);

      gtk_label_set_label (self->warning_label, text);
    }

  update_next_visit (self);
  {
    g_autofree char *typed = jy_followup_form_entry_text (self->next_visit_entry);
    GDate next;
    int max_days;

    if (proposal (self, &next, &max_days))
      {
        g_autofree char *date = jy_clock_format_date (&next);

        can_accept |= g_strcmp0 (typed, date) != 0;
      }
  }
  gtk_widget_set_sensitive (self->accept_button, seen && can_accept);
  update_referral (self, referral_signs, referral);
}

/* Alt+A: record what the rules suggest — each disease's classification
 * and the proposed next visit. The doctor can still change either. */
void
jy_followup_form_accept (JyFollowupForm *self)
{
  gboolean loading = self->loading;

  self->loading = TRUE;
  for (guint i = 0; i < JY_FORM_N_DISEASES; i++)
    {
      JyFormDisease *d = &self->disease[i];

      if (!d->enrolled || d->assessment.suggested_class == JY_FOLLOWUP_CLASS_NONE)
        continue;
      jy_followup_form_set_class (d, d->assessment.suggested_class);
      gtk_editable_set_text (GTK_EDITABLE (d->class_reason_entry), "");
      g_hash_table_add (self->touched, d->class_dropdown);
    }
  self->next_edited = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->next_reason_entry), "");
  self->loading = loading;

  jy_followup_form_field_changed (self, self->accept_button);
}
