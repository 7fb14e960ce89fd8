/* jy-contract-signer-group.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-signer-group.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-household.h"
#include "jy-idcard.h"
#include "jy-resident-problem-message.h"

enum { ROW_NAME, ROW_RELATION, ROW_ID, N_ROWS };

struct _JyContractSignerGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkCheckButton      *guardian_check;
  GtkEntry            *name_entry;
  GtkDropDown         *relation_dropdown;
  GtkEntry            *id_entry;
  AdwActionRow        *rows[N_ROWS];
  GPtrArray           *codes;          /* relation codes, after "choose" */
};

G_DEFINE_FINAL_TYPE (JyContractSignerGroup, jy_contract_signer_group, ADW_TYPE_PREFERENCES_GROUP)

static void
set_error (JyContractSignerGroup *self,
           guint                  row,
           const char            *message)
{
  adw_action_row_set_subtitle (self->rows[row], message != NULL ? message : "");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->rows[row]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->rows[row]), "error");
}

/* The ID number's problem in the words the resident form uses. */
static char *
id_problem (const char *text)
{
  static const JyResidentProblemKind kinds[] = {
    [JY_IDCARD_ERR_FORMAT] = JY_RESIDENT_PROBLEM_ID_FORMAT,
    [JY_IDCARD_ERR_AREA] = JY_RESIDENT_PROBLEM_ID_AREA,
    [JY_IDCARD_ERR_BIRTH] = JY_RESIDENT_PROBLEM_ID_BIRTH,
    [JY_IDCARD_ERR_CHECK] = JY_RESIDENT_PROBLEM_ID_CHECK,
    [JY_IDCARD_ERR_LEGACY] = JY_RESIDENT_PROBLEM_ID_LEGACY,
  };
  g_autofree char *id = jy_idcard_normalize (text);
  g_autoptr(GDate) today = jy_clock_today_local ();
  JyIdcardStatus status;
  JyResidentProblem problem = { JY_RESIDENT_FIELD_ID_NUMBER, JY_RESIDENT_PROBLEM_ID_FORMAT };
  JyResident none = { 0 };

  if (id == NULL || *id == '\0')
    return g_strdup (_("Enter the signer's ID number"));
  status = jy_idcard_validate (id, today);
  if (status == JY_IDCARD_OK)
    return NULL;
  if (status < G_N_ELEMENTS (kinds))
    problem.kind = kinds[status];
  return jy_resident_problem_message (&none, &problem);
}

static void
id_changed_cb (JyContractSignerGroup *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->id_entry));
  g_autofree char *message = NULL;

  /* At the field while typing, once the number is complete. */
  if (strlen (text) >= 15)
    message = id_problem (text);
  set_error (self, ROW_ID, message);
}

static void
name_changed_cb (JyContractSignerGroup *self)
{
  set_error (self, ROW_NAME, NULL);
}

static void
relation_changed_cb (JyContractSignerGroup *self)
{
  set_error (self, ROW_RELATION, NULL);
}

static void
guardian_toggled_cb (JyContractSignerGroup *self)
{
  gboolean on = gtk_check_button_get_active (self->guardian_check);

  for (guint r = 0; r < N_ROWS; r++)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->rows[r]), on);
      if (!on)
        set_error (self, r, NULL);
    }
}

gboolean
jy_contract_signer_group_check (JyContractSignerGroup *self)
{
  g_autofree char *name = NULL;
  g_autofree char *id_message = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (JY_IS_CONTRACT_SIGNER_GROUP (self), FALSE);

  if (!gtk_check_button_get_active (self->guardian_check))
    return TRUE;
  name = jy_contract_signer_group_dup_name (self);
  if (name == NULL || *name == '\0')
    {
      set_error (self, ROW_NAME, _("Enter the signer's name"));
      ok = FALSE;
    }
  if (gtk_drop_down_get_selected (self->relation_dropdown) == 0)
    {
      set_error (self, ROW_RELATION, _("Choose how the signer is related to the resident"));
      ok = FALSE;
    }
  id_message = id_problem (gtk_editable_get_text (GTK_EDITABLE (self->id_entry)));
  set_error (self, ROW_ID, id_message);
  return ok && id_message == NULL;
}

gboolean
jy_contract_signer_group_get_guardian (JyContractSignerGroup *self)
{
  g_return_val_if_fail (JY_IS_CONTRACT_SIGNER_GROUP (self), FALSE);
  return gtk_check_button_get_active (self->guardian_check);
}

char *
jy_contract_signer_group_dup_name (JyContractSignerGroup *self)
{
  g_return_val_if_fail (JY_IS_CONTRACT_SIGNER_GROUP (self), NULL);
  if (!gtk_check_button_get_active (self->guardian_check))
    return NULL;
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
}

char *
jy_contract_signer_group_dup_relation (JyContractSignerGroup *self)
{
  guint i;

  g_return_val_if_fail (JY_IS_CONTRACT_SIGNER_GROUP (self), NULL);
  i = gtk_drop_down_get_selected (self->relation_dropdown);
  if (!gtk_check_button_get_active (self->guardian_check) || i == 0 || i > self->codes->len)
    return NULL;
  return g_strdup (g_ptr_array_index (self->codes, i - 1));
}

char *
jy_contract_signer_group_dup_id (JyContractSignerGroup *self)
{
  g_return_val_if_fail (JY_IS_CONTRACT_SIGNER_GROUP (self), NULL);
  if (!gtk_check_button_get_active (self->guardian_check))
    return NULL;
  return jy_idcard_normalize (gtk_editable_get_text (GTK_EDITABLE (self->id_entry)));
}

GtkWidget *
jy_contract_signer_group_get_check (JyContractSignerGroup *self)
{
  return GTK_WIDGET (self->guardian_check);
}

GtkEditable *
jy_contract_signer_group_get_name (JyContractSignerGroup *self)
{
  return GTK_EDITABLE (self->name_entry);
}

GtkDropDown *
jy_contract_signer_group_get_relation (JyContractSignerGroup *self)
{
  return self->relation_dropdown;
}

GtkEditable *
jy_contract_signer_group_get_id (JyContractSignerGroup *self)
{
  return GTK_EDITABLE (self->id_entry);
}

const char *
jy_contract_signer_group_get_error (JyContractSignerGroup *self,
                                    guint                  row)
{
  const char *text;

  g_return_val_if_fail (JY_IS_CONTRACT_SIGNER_GROUP (self) && row < N_ROWS, NULL);
  text = adw_action_row_get_subtitle (self->rows[row]);
  return text != NULL && *text != '\0' ? text : NULL;
}

static AdwActionRow *
add_row (JyContractSignerGroup *self,
         const char            *title,
         GtkWidget             *widget)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  return ADW_ACTION_ROW (row);
}

static void
jy_contract_signer_group_finalize (GObject *object)
{
  JyContractSignerGroup *self = JY_CONTRACT_SIGNER_GROUP (object);

  g_clear_pointer (&self->codes, g_ptr_array_unref);
  G_OBJECT_CLASS (jy_contract_signer_group_parent_class)->finalize (object);
}

static void
jy_contract_signer_group_class_init (JyContractSignerGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jy_contract_signer_group_finalize;
}

static void
jy_contract_signer_group_init (JyContractSignerGroup *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *const *codes = jy_household_relation_codes ();
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Signer"));
  self->codes = g_ptr_array_new ();
  /* Translators: the first choice of the signer's relation, nothing chosen yet */
  gtk_string_list_append (labels, _("Choose…"));
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], JY_HOUSEHOLD_RELATION_SELF) != 0 &&
        g_strcmp0 (codes[i], JY_HOUSEHOLD_RELATION_HEAD) != 0)
      {
        g_ptr_array_add (self->codes, (gpointer) codes[i]);
        gtk_string_list_append (labels, _(jy_household_relation_english (codes[i])));
      }

  self->guardian_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->guardian_check), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Signed by a _guardian or agent"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Otherwise the resident signs."));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (self->guardian_check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->guardian_check));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

  self->name_entry = GTK_ENTRY (gtk_entry_new ());
  self->relation_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  self->id_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->id_entry), 20);
  gtk_entry_set_max_length (self->id_entry, 18);
  self->rows[ROW_NAME] = add_row (self, _("Signer's _name"), GTK_WIDGET (self->name_entry));
  self->rows[ROW_RELATION] = add_row (self, _("_Relation to the resident"), GTK_WIDGET (self->relation_dropdown));
  self->rows[ROW_ID] = add_row (self, _("Signer's _ID number"), GTK_WIDGET (self->id_entry));

  g_signal_connect_swapped (self->guardian_check, "toggled", G_CALLBACK (guardian_toggled_cb), self);
  g_signal_connect_swapped (self->name_entry, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (self->relation_dropdown, "notify::selected", G_CALLBACK (relation_changed_cb), self);
  g_signal_connect_swapped (self->id_entry, "changed", G_CALLBACK (id_changed_cb), self);
  guardian_toggled_cb (self);
}

JyContractSignerGroup *
jy_contract_signer_group_new (void)
{
  return g_object_new (JY_TYPE_CONTRACT_SIGNER_GROUP, NULL);
}
