/* jy-worklist-row.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-worklist-row.h"

#include <glib/gi18n.h>

#include "jy-gui-format.h"

static GtkWidget *
pill (const char *text,
      const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "tag");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static char *
due_text (const JyWorklistRow *row,
          gboolean            *late)
{
  *late = FALSE;
  if (row->due_date == NULL)
    return g_strdup (_("No visit date set"));
  if (row->days_overdue > 0)
    {
      *late = TRUE;
      return g_strdup_printf (ngettext ("Due %s · %d day overdue", "Due %s · %d days overdue",
                                        row->days_overdue),
                              row->due_date, row->days_overdue);
    }
  if (row->days_overdue == 0)
    return g_strdup_printf (_("Due today (%s)"), row->due_date);
  return g_strdup_printf (ngettext ("Due %s · in %d day", "Due %s · in %d days", -row->days_overdue),
                          row->due_date, -row->days_overdue);
}

static char *
last_text (const JyWorklistRow *row)
{
  if (row->last_visit_date == NULL)
    return g_strdup (_("No follow-up yet"));
  if (row->last_class == JY_FOLLOWUP_CLASS_NONE)
    return g_strdup_printf (_("Last visit %s"), row->last_visit_date);
  return g_strdup_printf (_("Last visit %s · %s"), row->last_visit_date,
                          _(jy_followup_class_label (row->last_class)));
}

GtkWidget *
jy_worklist_row_new (const JyWorklistRow *row,
                     const GDate         *today,
                     const char          *action_name)
{
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *who = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *when = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (row->name);
  GtkWidget *due;
  GtkWidget *button;
  g_autofree char *sex_age = jy_gui_format_sex_age (row->sex, row->birth_date, today);
  g_autofree char *due_str = NULL;
  g_autofree char *last_str = last_text (row);
  g_autofree char *accessible = NULL;
  gboolean late;

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Who: name, sex and age, diseases. */
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (line), name);
  gtk_box_append (GTK_BOX (line), dim_label (sex_age));
  if (row->programmes & JY_PROGRAMME_HTN)
    gtk_box_append (GTK_BOX (line), pill (_("Hypertension"), NULL));
  if (row->programmes & JY_PROGRAMME_T2DM)
    gtk_box_append (GTK_BOX (line), pill (_("Diabetes"), NULL));
  gtk_box_append (GTK_BOX (who), line);
  gtk_box_append (GTK_BOX (who), dim_label (row->phone_masked != NULL ? row->phone_masked : ""));
  gtk_widget_set_size_request (who, 400, -1);
  gtk_box_append (GTK_BOX (box), who);

  /* When: due and how late, what the last visit found. */
  due_str = due_text (row, &late);
  due = gtk_label_new (due_str);
  gtk_label_set_xalign (GTK_LABEL (due), 0);
  if (late)
    gtk_widget_add_css_class (due, "error");
  gtk_box_append (GTK_BOX (when), due);
  gtk_box_append (GTK_BOX (when), dim_label (last_str));
  gtk_widget_set_hexpand (when, TRUE);
  gtk_box_append (GTK_BOX (box), when);

  /* What to do: the action the last visit asked for, never colour alone. */
  if (row->action == JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL)
    gtk_box_append (GTK_BOX (box), pill (_(jy_followup_action_label (row->action)), "error"));
  else if (row->action == JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL || row->referral_open)
    gtk_box_append (GTK_BOX (box), pill (_("Referral awaiting follow-up"), "warning"));
  else if (row->action == JY_FOLLOWUP_ACTION_ADJUST)
    gtk_box_append (GTK_BOX (box), pill (_("2-week recheck"), "warning"));

  button = gtk_button_new_with_label (_("Follow Up"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (row->resident_id));
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  g_object_set_data (G_OBJECT (list_row), "resident-id", GSIZE_TO_POINTER ((gsize) row->resident_id));

  accessible = g_strdup_printf ("%s, %s, %s, %s", row->name, sex_age, due_str, last_str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return list_row;
}

gint64
jy_worklist_row_get_resident_id (GtkListBoxRow *row)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "resident-id"));
}
