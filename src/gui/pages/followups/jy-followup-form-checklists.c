/* jy-followup-form-checklists.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-form-private.h"

#include <glib/gi18n.h>

/* The symptoms (症状) and the danger signs the doctor observed, as
 * checklists: which codes each box sets in which programme's record. */

/* Symptoms of both forms in one checklist: codes 1–9 of each (0 = not on
 * that form); a checkbox sets the code of each programme it belongs to. */
static const struct
{
  int         htn;
  int         dm;
  const char *htn_label;
  const char *dm_label;
} symptoms[] = {
  { 1, 1, N_("_No symptoms"), N_("_No symptoms") },
  { 2, 0, N_("Headache, dizziness"), NULL },
  { 3, 0, N_("Nausea, vomiting"), NULL },
  { 4, 0, N_("Blurred vision, tinnitus"), NULL },
  { 5, 0, N_("Difficulty breathing"), NULL },
  { 6, 0, N_("Palpitations, chest tightness"), NULL },
  { 7, 0, N_("Nosebleed that will not stop"), NULL },
  { 8, 7, N_("Numb limbs"), N_("Numb hands or feet") },
  { 9, 8, N_("Swollen legs"), N_("Swollen legs") },
  { 0, 2, NULL, N_("Drinking a lot") },
  { 0, 3, NULL, N_("Eating a lot") },
  { 0, 4, NULL, N_("Passing a lot of urine") },
  { 0, 5, NULL, N_("Blurred vision") },
  { 0, 6, NULL, N_("Infection") },
  { 0, 9, NULL, N_("Marked weight loss") },
};

/* The checklists take as many columns as their longest label allows in
 * the width a 1366-pixel screen leaves them, in Chinese or English. */
#define CHECKLIST_WIDTH 820
#define SYMPTOM_COLUMNS_MAX 5
#define DANGER_COLUMNS_MAX 3

static void
symptom_toggled_cb (GtkCheckButton *check,
                    gpointer        user_data)
{
  jy_followup_form_symptom_toggled (JY_FOLLOWUP_FORM (user_data), check);
}

static void
danger_toggled_cb (GtkCheckButton *check,
                   gpointer        user_data)
{
  JyFollowupForm *self = JY_FOLLOWUP_FORM (user_data);

  /* A ticked sign is never hidden. */
  if (gtk_check_button_get_active (check))
    gtk_toggle_button_set_active (self->danger_toggle, TRUE);
  jy_followup_form_field_changed (self, GTK_WIDGET (check));
}

static guint
checklist_columns (GPtrArray *checks,
                   guint      max_columns)
{
  int widest = 1;

  for (guint i = 0; i < checks->len; i++)
    {
      int natural = 0;

      gtk_widget_measure (g_ptr_array_index (checks, i), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &natural, NULL, NULL);
      widest = MAX (widest, natural + 12);
    }
  return CLAMP ((guint)(CHECKLIST_WIDTH / widest), 1, max_columns);
}

static void
build_symptoms (JyFollowupForm *self)
{
  gboolean htn = (self->programmes & JY_PROGRAMME_HTN) != 0;
  gboolean dm = (self->programmes & JY_PROGRAMME_T2DM) != 0;
  guint n, columns;

  for (guint i = 0; i < G_N_ELEMENTS (symptoms); i++)
    {
      const char *label = htn && symptoms[i].htn != 0 ? symptoms[i].htn_label
                        : dm && symptoms[i].dm != 0 ? symptoms[i].dm_label : NULL;
      GtkWidget *check;
      g_autofree char *name = NULL;

      if (label == NULL)
        continue;
      check = gtk_check_button_new_with_mnemonic (_(label));
      name = g_strdup_printf ("symptom-%s%d", symptoms[i].htn != 0 ? "htn-" : "dm-",
                              symptoms[i].htn != 0 ? symptoms[i].htn : symptoms[i].dm);
      gtk_widget_set_name (check, i == 0 ? "symptom-none" : name);
      g_object_set_data (G_OBJECT (check), "jy-symptom", GUINT_TO_POINTER (i));
      g_signal_connect (check, "toggled", G_CALLBACK (symptom_toggled_cb), self);
      g_ptr_array_add (self->symptom_checks, check);
    }
  columns = checklist_columns (self->symptom_checks, SYMPTOM_COLUMNS_MAX);
  for (n = 0; n < self->symptom_checks->len; n++)
    gtk_grid_attach (self->symptoms_grid, g_ptr_array_index (self->symptom_checks, n),
                     n % columns, n / columns, 1, 1);

  /* "Other" takes the rest of the last line, or a line of its own. */
  {
    GtkWidget *other = g_object_ref (self->symptoms_other_box);
    guint column = n % columns;

    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (other)), other);
    if (columns - column < 2)
      {
        n += columns - column;
        column = 0;
      }
    gtk_grid_attach (self->symptoms_grid, other, column, n / columns, columns - column, 1);
    g_object_unref (other);
  }
}

static void
build_danger_checks (JyFollowupForm *self)
{
  guint signs = jy_danger_signs_observable (self->programmes);
  guint columns;

  for (guint bit = 0; bit < 32; bit++)
    {
      JyDangerSign sign = 1u << bit;
      const char *label;
      GtkWidget *check;
      g_autofree char *name = NULL;

      if ((signs & sign) == 0 || (label = jy_danger_sign_label (sign)) == NULL)
        continue;
      check = gtk_check_button_new_with_label (_(label));
      name = g_strdup_printf ("danger-%u", bit);
      gtk_widget_set_name (check, name);
      g_object_set_data (G_OBJECT (check), "jy-sign", GUINT_TO_POINTER (sign));
      g_signal_connect (check, "toggled", G_CALLBACK (danger_toggled_cb), self);
      g_ptr_array_add (self->danger_checks, check);
    }
  columns = checklist_columns (self->danger_checks, DANGER_COLUMNS_MAX);
  for (guint n = 0; n < self->danger_checks->len; n++)
    gtk_grid_attach (self->danger_grid, g_ptr_array_index (self->danger_checks, n),
                     n % columns, n / columns, 1, 1);
}


void
jy_followup_form_build_checklists (JyFollowupForm *self)
{
  self->symptom_checks = g_ptr_array_new ();
  self->danger_checks = g_ptr_array_new ();
  build_symptoms (self);
  build_danger_checks (self);
}

void
jy_followup_form_read_checklists (JyFollowupForm *self,
                                  JyFollowup     *record)
{
  guint symptom_bits = 0;
  guint danger = 0;

  for (guint i = 0; i < self->symptom_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->symptom_checks, i);
      guint s = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "jy-symptom"));
      int code = record->programme == JY_PROGRAMME_HTN ? symptoms[s].htn : symptoms[s].dm;

      if (code != 0 && gtk_check_button_get_active (check))
        symptom_bits |= 1u << code;
    }
  record->symptoms = symptom_bits;

  for (guint i = 0; i < self->danger_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->danger_checks, i);

      if (gtk_check_button_get_active (check))
        danger |= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "jy-sign"));
    }
  record->danger_observed = danger & jy_danger_signs_observable (record->programme);
}

void
jy_followup_form_load_checklists (JyFollowupForm   *self,
                                  const JyFollowup *record)
{
  for (guint i = 0; i < self->symptom_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->symptom_checks, i);
      guint s = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "jy-symptom"));
      int code = record->programme == JY_PROGRAMME_HTN ? symptoms[s].htn : symptoms[s].dm;

      if (code != 0)
        gtk_check_button_set_active (check, (record->symptoms & (1u << code)) != 0);
    }

  for (guint i = 0; i < self->danger_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->danger_checks, i);
      guint sign = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "jy-sign"));

      if ((sign & jy_danger_signs_observable (record->programme)) != 0)
        gtk_check_button_set_active (check, (record->danger_observed & sign) != 0);
    }
  if (record->danger_observed != 0)
    gtk_toggle_button_set_active (self->danger_toggle, TRUE);
}

/* "No symptoms" and a symptom exclude each other: ticking one unticks the other. */
void
jy_followup_form_symptom_toggled (JyFollowupForm *self,
                                  GtkCheckButton *check)
{
  guint s = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "jy-symptom"));

  if (!self->loading && gtk_check_button_get_active (check))
    {
      for (guint i = 0; i < self->symptom_checks->len; i++)
        {
          GtkCheckButton *other = g_ptr_array_index (self->symptom_checks, i);
          guint o = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (other), "jy-symptom"));

          if (other != check && (s == 0 || o == 0))
            gtk_check_button_set_active (other, FALSE);
        }
    }
  jy_followup_form_field_changed (self, GTK_WIDGET (check));
}
