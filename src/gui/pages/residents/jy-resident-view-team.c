/* jy-resident-view-team.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The resident page's Change Team… action: one resident moves into
 * another family-doctor team's care (jy_team_store_move_residents), a
 * contract of the old team handed over as a change of team (§2.3).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jy-gui-format.h"
#include "jy-team-store.h"
#include "jy-resident-view-private.h"

typedef struct
{
  gint64 resident_id;
  gint64 team_id;
} ChangeTeamJob;

static gpointer
change_team_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ChangeTeamJob *job = data;

  return jy_team_store_move_residents (db, &job->resident_id, 1, job->team_id, TRUE, NULL,
                                       JY_TERMINATION_REASON_CHANGE_OF_TEAM, NULL, NULL, error)
           ? JY_STORE_DONE : NULL;
}

static void
team_changed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyResidentView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      jy_resident_view_changed (self, message);
      return;
    }
  jy_resident_view_changed (self, _("Team changed"));
  jy_resident_view_reload (self);
}

static void
change_team_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         JyResidentView   *self)
{
  GtkDropDown *teams = g_object_get_data (G_OBJECT (dialog), "teams");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "team-ids");
  guint selected = gtk_drop_down_get_selected (teams);
  ChangeTeamJob *job;

  if (g_strcmp0 (response, "move") != 0 || selected >= ids->len)
    return;
  job = g_new0 (ChangeTeamJob, 1);
  job->resident_id = jy_resident_view_get_resident_id (self);
  job->team_id = g_array_index (ids, gint64, selected);
  jy_store_write_async (jy_resident_view_get_store (self), change_team_func, job, g_free, NULL,
                        NULL, team_changed_cb, g_object_ref (self));
}

static gpointer
teams_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return jy_team_store_list (db, FALSE, NULL, error);
}

static void
teams_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyResidentView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = jy_store_read_finish (JY_STORE (object), result, &error);
  const JyResidentDetail *detail = jy_resident_view_get_detail (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;
  guint selected = 0;

  if (teams == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      jy_resident_view_changed (self, message);
      return;
    }
  if (detail == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < teams->len; i++)
    {
      JyTeamRecord *team = g_ptr_array_index (teams, i);

      if (team->id == detail->resident->team_id)
        selected = ids->len;
      gtk_string_list_append (names, team->name);
      g_array_append_val (ids, team->id);
    }

  /* Translators: %s is the resident's name */
  body = g_strdup_printf (_("%s moves into the chosen team's care from today. A contract with the present team is handed over to the new team's lead."),
                          detail->resident->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Change Team"), body));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New team"), -1);
  adw_message_dialog_set_extra_child (dialog, dropdown);
  g_object_set_data (G_OBJECT (dialog), "teams", dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "team-ids", ids, (GDestroyNotify) g_array_unref);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "move", _("_Change Team"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (change_team_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
jy_resident_view_change_team_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  JyResidentView *self = JY_RESIDENT_VIEW (widget);

  if (jy_resident_view_get_detail (self) == NULL)
    return;
  jy_store_read_async (jy_resident_view_get_store (self), teams_func, NULL, NULL,
                       (GDestroyNotify) g_ptr_array_unref, NULL, teams_loaded_cb, g_object_ref (self));
}
