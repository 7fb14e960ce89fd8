/* jy-home-bed-dialog-fields.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jy-home-bed-dialog-private.h"

void
jy_home_bed_dialog_show_message (JyHomeBedDialog *self,
              const char      *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* Shows @message at @field (its row's subtitle, or the line under the
 * summary), or clears it when NULL. */
void
jy_home_bed_dialog_set_field_error (JyHomeBedDialog *self,
                 JyHomeBedField   field,
                 const char      *message)
{
  GtkWidget *widget;

  if (field == JY_HOME_BED_FIELD_SUMMARY && self->summary_error != NULL)
    {
      gtk_label_set_label (self->summary_error, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->summary_error), message != NULL);
      widget = gtk_widget_get_parent (GTK_WIDGET (self->summary_view));
    }
  else if (field < G_N_ELEMENTS (self->field_rows) && self->field_rows[field] != NULL)
    {
      adw_action_row_set_subtitle (self->field_rows[field], message != NULL ? message : "");
      widget = GTK_WIDGET (self->field_rows[field]);
    }
  else
    return;
  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

void
jy_home_bed_dialog_clear_field_errors (JyHomeBedDialog *self)
{
  for (guint f = 0; f < G_N_ELEMENTS (self->field_rows); f++)
    jy_home_bed_dialog_set_field_error (self, f, NULL);
  jy_home_bed_dialog_show_message (self, NULL);
}

/* Where a problem is shown: the signature belongs to its tick box. */
JyHomeBedField
jy_home_bed_dialog_field_of (JyHomeBedDialog  *self,
          JyHomeBedProblem  problem)
{
  JyHomeBedField field = jy_home_bed_problem_field (problem);

  if (problem == JY_HOME_BED_PROBLEM_SUMMARY_NOT_SIGNED)
    return JY_HOME_BED_FIELD_AGREEMENT;
  if (field == JY_HOME_BED_FIELD_SUMMARY && self->summary_error == NULL)
    return JY_HOME_BED_FIELD_NONE;
  if (field != JY_HOME_BED_FIELD_SUMMARY &&
      (field >= G_N_ELEMENTS (self->field_rows) || self->field_rows[field] == NULL))
    return JY_HOME_BED_FIELD_NONE;
  return field;
}

/* Shows each problem next to its field (the first one there), the rest
 * above the form; returns whether there were any. Nothing typed changes. */
gboolean
jy_home_bed_dialog_show_problems (JyHomeBedDialog *self,
               GArray          *problems)
{
  g_autoptr(GString) rest = g_string_new (NULL);
  gboolean shown[JY_HOME_BED_FIELD_SUMMARY + 1] = { FALSE };

  for (guint i = 0; i < problems->len; i++)
    {
      JyHomeBedProblem p = g_array_index (problems, JyHomeBedProblem, i);
      JyHomeBedField field = jy_home_bed_dialog_field_of (self, p);
      const char *message = _(jy_home_bed_problem_message (p));

      if (field != JY_HOME_BED_FIELD_NONE)
        {
          if (!shown[field])
            jy_home_bed_dialog_set_field_error (self, field, message);
          shown[field] = TRUE;
          continue;
        }
      if (rest->len > 0)
        g_string_append_c (rest, '\n');
      g_string_append (rest, message);
    }
  if (rest->len > 0)
    jy_home_bed_dialog_show_message (self, rest->str);
  return problems->len > 0;
}

static void
field_edited_cb (GtkWidget *suffix)
{
  GtkRoot *root = gtk_widget_get_root (suffix);
  JyHomeBedField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (suffix), "jy-field"));

  if (JY_IS_HOME_BED_DIALOG (root))
    jy_home_bed_dialog_set_field_error (JY_HOME_BED_DIALOG (root), field, NULL);
}

/* Editing a field takes its problem away. */
void
jy_home_bed_dialog_watch_field (JyHomeBedDialog *self,
             GtkWidget       *suffix,
             JyHomeBedField   field,
             GtkWidget       *row)
{
  const char *signal = GTK_IS_EDITABLE (suffix) && !GTK_IS_SPIN_BUTTON (suffix) ? "changed"
                       : GTK_IS_SPIN_BUTTON (suffix) ? "value-changed"
                       : GTK_IS_CHECK_BUTTON (suffix) ? "toggled"
                       : GTK_IS_DROP_DOWN (suffix) ? "notify::selected" : NULL;

  self->field_rows[field] = ADW_ACTION_ROW (row);
  g_object_set_data (G_OBJECT (suffix), "jy-field", GUINT_TO_POINTER (field));
  if (signal != NULL)
    g_signal_connect (suffix, signal, G_CALLBACK (field_edited_cb), NULL);
}

const char *
jy_home_bed_dialog_get_field_error (JyHomeBedDialog *self,
                                    JyHomeBedField   field)
{
  const char *text = NULL;

  g_return_val_if_fail (JY_IS_HOME_BED_DIALOG (self), NULL);

  if (field == JY_HOME_BED_FIELD_SUMMARY && self->summary_error != NULL)
    return gtk_widget_get_visible (GTK_WIDGET (self->summary_error))
           ? gtk_label_get_label (self->summary_error) : NULL;
  if (field < G_N_ELEMENTS (self->field_rows) && self->field_rows[field] != NULL)
    text = adw_action_row_get_subtitle (self->field_rows[field]);
  return text != NULL && *text != '\0' ? text : NULL;
}

