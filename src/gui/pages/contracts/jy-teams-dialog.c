/* jy-teams-dialog.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-teams-dialog.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-clock.h"
#include "jy-contract-store.h"
#include "jy-gui-format.h"
#include "jy-team-store.h"

/* The roles a member is added with, in the order a team is made up. */
static const JyTeamRole member_roles[] = {
  JY_TEAM_ROLE_DOCTOR, JY_TEAM_ROLE_NURSE, JY_TEAM_ROLE_PUBLIC_HEALTH, JY_TEAM_ROLE_SPECIALIST,
  JY_TEAM_ROLE_PHARMACIST, JY_TEAM_ROLE_VILLAGE_DOCTOR, JY_TEAM_ROLE_TCM_DOCTOR,
  JY_TEAM_ROLE_REHABILITATION, JY_TEAM_ROLE_HEALTH_MANAGER, JY_TEAM_ROLE_PSYCHOLOGIST,
  JY_TEAM_ROLE_SOCIAL_WORKER,
};

typedef struct
{
  GPtrArray       *teams;     /* JyTeamRecord */
  GPtrArray       *staff;     /* JyTeamStaffChoice */
  JyCentreChoices *choices;   /* communities */
} TeamsData;

struct _JyTeamsDialog
{
  AdwWindow     parent_instance;

  GtkLabel     *status_label;
  GtkBox       *teams_box;
  AdwEntryRow  *code_row;
  AdwEntryRow  *name_row;
  AdwComboRow  *lead_row;
  AdwComboRow  *area_row;
  AdwComboRow  *to_team_row;

  JyStore      *store;
  TeamsData    *data;
  GArray       *doctor_ids;   /* lead_row position → staff id */
  GPtrArray    *area_codes;   /* area_row position → code */
  gboolean      saving;
};

G_DEFINE_FINAL_TYPE (JyTeamsDialog, jy_teams_dialog, ADW_TYPE_WINDOW)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
teams_data_free (TeamsData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->teams, g_ptr_array_unref);
  g_clear_pointer (&data->staff, g_ptr_array_unref);
  g_clear_pointer (&data->choices, jy_centre_choices_free);
  g_free (data);
}

static gpointer
teams_load (JyDb          *db,
            gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  TeamsData *data = g_new0 (TeamsData, 1);

  if ((data->teams = jy_team_store_list (db, FALSE, NULL, error)) == NULL ||
      (data->staff = jy_team_store_list_staff (db, error)) == NULL ||
      (data->choices = jy_centre_store_load_choices (db, NULL, cancellable, error)) == NULL)
    {
      teams_data_free (data);
      return NULL;
    }
  return data;
}

static void
show_status (JyTeamsDialog *self,
             const char    *text,
             gboolean       error)
{
  gtk_label_set_label (self->status_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), error ? "success" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), error ? "error" : "success");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
}

/* --- Writes ---------------------------------------------------------------- */

typedef enum { WRITE_CREATE, WRITE_UPDATE, WRITE_ADD_MEMBER, WRITE_END_MEMBER, WRITE_MOVE_AREA } WriteKind;

typedef struct
{
  WriteKind   kind;
  gint64      id;          /* team (update, add member, move) or member (end) */
  gint64      rev;         /* team (update) */
  gint64      staff_id;
  JyTeamRole  role;
  char       *code;
  char       *name;
  char       *date;
  char      **areas;       /* update: the communities of responsibility */
} TeamWrite;

static void
team_write_free (TeamWrite *w)
{
  g_free (w->code);
  g_free (w->name);
  g_free (w->date);
  g_strfreev (w->areas);
  g_free (w);
}

/* Returns how many residents moved and contracts were handed over
 * (guint[2], zeros but for a move). */
static gpointer
write_job (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  TeamWrite *w = data;
  g_autofree guint *counts = g_new0 (guint, 2);
  gboolean ok;

  switch (w->kind)
    {
    case WRITE_CREATE:
      ok = jy_team_store_create (db, 0, w->code, w->name, w->staff_id, JY_TEAM_ROLE_DOCTOR, w->date, error) > 0;
      break;
    case WRITE_UPDATE:
      ok = jy_team_store_update (db, w->id, w->rev, w->code, w->name, w->staff_id, "active", error) &&
           (w->areas == NULL ||
            jy_team_store_set_areas (db, w->id, (const char *const *) w->areas, error));
      break;
    case WRITE_ADD_MEMBER:
      ok = jy_team_store_add_member (db, w->id, w->staff_id, w->role, NULL, w->date, error) > 0;
      break;
    case WRITE_END_MEMBER:
      ok = jy_team_store_end_member (db, w->id, w->date, error);
      break;
    case WRITE_MOVE_AREA:
    default:
      ok = jy_team_store_move_area (db, w->code, w->id, TRUE, NULL, JY_TERMINATION_REASON_CHANGE_OF_TEAM,
                                    &counts[0], &counts[1], error);
      break;
    }
  return ok ? g_steal_pointer (&counts) : NULL;
}

static void reload (JyTeamsDialog *self);

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(JyTeamsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree guint *counts = jy_store_write_finish (JY_STORE (object), result, &error);
  gboolean move = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "moving"));

  self->saving = FALSE;
  if (counts == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      show_status (self, message, TRUE);
      return;
    }
  if (move)
    {
      /* Translators: %1$u residents moved, %2$u contracts handed over */
      g_autofree char *text = g_strdup_printf (_("%1$u residents moved, %2$u contracts handed over."),
                                               counts[0], counts[1]);

      show_status (self, text, FALSE);
    }
  else
    show_status (self, _("Saved"), FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
  reload (self);
}

static void
save_team_write (JyTeamsDialog *self,
                 TeamWrite     *w)
{
  g_autoptr(GDate) today = jy_clock_today_local ();

  if (self->saving)
    {
      team_write_free (w);
      return;
    }
  if (w->date == NULL)
    w->date = jy_clock_format_date (today);
  self->saving = TRUE;
  g_object_set_data (G_OBJECT (self), "moving", GINT_TO_POINTER (w->kind == WRITE_MOVE_AREA));
  jy_store_write_async (self->store, write_job, w, (GDestroyNotify) team_write_free, g_free, NULL,
                        written_cb, g_object_ref (self));
}

/* --- Showing the teams ------------------------------------------------------ */

static void
end_member_response_cb (AdwMessageDialog *confirm,
                        const char       *response,
                        JyTeamsDialog    *self)
{
  TeamWrite *w;

  if (g_strcmp0 (response, "leave") != 0)
    return;
  w = g_new0 (TeamWrite, 1);
  w->kind = WRITE_END_MEMBER;
  w->id = *(gint64 *) g_object_get_data (G_OBJECT (confirm), "member-id");
  save_team_write (self, w);
}

/* A member leaving ends their membership today: asked first. */
static void
end_member_clicked_cb (GtkButton     *button,
                       JyTeamsDialog *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "member-name");
  GtkWidget *confirm = adw_message_dialog_new (GTK_WINDOW (self), _("Member Leaves the Team?"), NULL);

  /* Translators: the body of the confirmation; %s is the member's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (confirm),
                                  _("%s is no longer a member of this team from today. The membership stays in the team's history."),
                                  name != NULL ? name : "");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (confirm), "cancel", _("_Cancel"),
                                    "leave", _("_Leaves the Team"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (confirm), "leave", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  g_object_set_data_full (G_OBJECT (confirm), "member-id",
                          g_memdup2 (g_object_get_data (G_OBJECT (button), "member-id"), sizeof (gint64)), g_free);
  g_signal_connect_object (confirm, "response", G_CALLBACK (end_member_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (confirm));
}

static void
add_member_clicked_cb (GtkButton     *button,
                       JyTeamsDialog *self)
{
  GtkDropDown *staff = g_object_get_data (G_OBJECT (button), "staff");
  GtkDropDown *role = g_object_get_data (G_OBJECT (button), "role");
  guint s = gtk_drop_down_get_selected (staff);
  TeamWrite *w;

  if (s >= self->data->staff->len)
    return;
  w = g_new0 (TeamWrite, 1);
  w->kind = WRITE_ADD_MEMBER;
  w->id = *(gint64 *) g_object_get_data (G_OBJECT (button), "team-id");
  w->staff_id = ((JyTeamStaffChoice *) g_ptr_array_index (self->data->staff, s))->id;
  w->role = member_roles[MIN (gtk_drop_down_get_selected (role), G_N_ELEMENTS (member_roles) - 1)];
  save_team_write (self, w);
}

static void
set_field_problem (GtkWidget  *label,
                   const char *problem)
{
  gtk_label_set_label (GTK_LABEL (label), problem != NULL ? problem : "");
  gtk_widget_set_visible (label, problem != NULL);
}

/* Name, code and lead of a team: an empty code or name is refused at its
 * field, and the lead is chosen among the current members able to lead
 * (jy_team_role_can_lead), as the store requires. */
static void
edit_team_clicked_cb (GtkButton     *button,
                      JyTeamsDialog *self)
{
  GObject *b = G_OBJECT (button);
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (b, "code"))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (b, "name"))));
  GArray *leads = g_object_get_data (b, "lead-ids");
  GPtrArray *checks = g_object_get_data (b, "area-checks");
  g_autoptr(GStrvBuilder) areas = g_strv_builder_new ();
  guint lead = adw_combo_row_get_selected (g_object_get_data (b, "lead"));
  TeamWrite *w;

  set_field_problem (g_object_get_data (b, "code-problem"), *code == '\0' ? _("Enter the team's code.") : NULL);
  set_field_problem (g_object_get_data (b, "name-problem"), *name == '\0' ? _("Enter the team's name.") : NULL);
  set_field_problem (g_object_get_data (b, "lead-problem"),
                     lead >= leads->len ? _("The lead must be a current member who is a family doctor.") : NULL);
  if (*code == '\0' || *name == '\0' || lead >= leads->len)
    return;
  w = g_new0 (TeamWrite, 1);
  w->kind = WRITE_UPDATE;
  w->id = *(gint64 *) g_object_get_data (b, "team-id");
  w->rev = *(gint64 *) g_object_get_data (b, "team-rev");
  w->code = g_steal_pointer (&code);
  w->name = g_steal_pointer (&name);
  w->staff_id = g_array_index (leads, gint64, lead);
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_strv_builder_add (areas, g_object_get_data (g_ptr_array_index (checks, i), "area-code"));
  w->areas = g_strv_builder_end (areas);
  save_team_write (self, w);
}

static GtkWidget *
field_problem_label (const char *name)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static GtkWidget *
edit_team_row (JyTeamsDialog      *self,
               const JyTeamRecord *team)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *code = adw_entry_row_new ();
  GtkWidget *name = adw_entry_row_new ();
  GtkWidget *lead = adw_combo_row_new ();
  GtkWidget *save = gtk_button_new_with_label (_("Save Changes"));
  GtkWidget *save_row = adw_action_row_new ();
  GtkWidget *problems[3];
  g_autoptr(GtkStringList) lead_names = gtk_string_list_new (NULL);
  GArray *lead_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *checks = g_ptr_array_new ();
  guint selected = GTK_INVALID_LIST_POSITION;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Edit Team"));
  gtk_widget_set_name (expander, "edit-team");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (code), _("Team code"));
  gtk_editable_set_text (GTK_EDITABLE (code), team->code);
  gtk_widget_set_name (code, "edit-code");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Team name"));
  gtk_editable_set_text (GTK_EDITABLE (name), team->name);
  gtk_widget_set_name (name, "edit-name");
  for (guint i = 0; i < team->members->len; i++)
    {
      JyTeamMemberRecord *m = g_ptr_array_index (team->members, i);

      if (!m->current || !jy_team_role_can_lead (m->role))
        continue;
      if (m->staff_id == team->lead_staff_id)
        selected = lead_ids->len;
      gtk_string_list_append (lead_names, m->staff_name);
      g_array_append_val (lead_ids, m->staff_id);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (lead), _("Lead doctor"));
  adw_combo_row_set_model (ADW_COMBO_ROW (lead), G_LIST_MODEL (lead_names));
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (ADW_COMBO_ROW (lead), selected);
  gtk_widget_set_name (lead, "edit-lead");
  problems[0] = field_problem_label ("edit-code-problem");
  problems[1] = field_problem_label ("edit-name-problem");
  problems[2] = field_problem_label ("edit-lead-problem");

  gtk_widget_set_name (save, "edit-save");
  gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (save, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (save_row), save);
  g_object_set_data (G_OBJECT (save), "code", code);
  g_object_set_data (G_OBJECT (save), "name", name);
  g_object_set_data (G_OBJECT (save), "lead", lead);
  g_object_set_data (G_OBJECT (save), "code-problem", problems[0]);
  g_object_set_data (G_OBJECT (save), "name-problem", problems[1]);
  g_object_set_data (G_OBJECT (save), "lead-problem", problems[2]);
  g_object_set_data_full (G_OBJECT (save), "lead-ids", lead_ids, (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (save), "team-id", g_memdup2 (&team->id, sizeof (gint64)), g_free);
  g_object_set_data_full (G_OBJECT (save), "team-rev", g_memdup2 (&team->rev, sizeof (gint64)), g_free);
  g_object_set_data_full (G_OBJECT (save), "area-checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (save, "clicked", G_CALLBACK (edit_team_clicked_cb), self);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), code);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), problems[0]);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), problems[1]);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), lead);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), problems[2]);
  /* The communities of responsibility: the centre's, those of the team ticked. */
  for (guint i = 0; i < self->data->choices->areas->len; i++)
    {
      JyAreaChoice *a = g_ptr_array_index (self->data->choices->areas, i);
      GtkWidget *row, *check;
      g_autofree char *check_name = NULL;
      gboolean ours = FALSE;

      if (a->level != 5)
        continue;
      for (guint k = 0; k < team->areas->len; k++)
        ours |= g_strcmp0 (((JyTeamArea *) g_ptr_array_index (team->areas, k))->code, a->code) == 0;
      row = adw_action_row_new ();
      /* Translators: a community the team may be responsible for; %s its name */
      {
        g_autofree char *title = g_strdup_printf (_("Responsible for %s"), a->name);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      }
      check = gtk_check_button_new ();
      check_name = g_strdup_printf ("area-%s", a->code);
      gtk_widget_set_name (check, check_name);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ours);
      g_object_set_data_full (G_OBJECT (check), "area-code", g_strdup (a->code), g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_ptr_array_add (checks, check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), save_row);
  return expander;
}

static GtkWidget *
team_group (JyTeamsDialog      *self,
            const JyTeamRecord *team)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GString) areas = g_string_new (NULL);
  g_autofree char *description = NULL;
  g_autoptr(GtkStringList) staff_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) role_names = gtk_string_list_new (NULL);
  GtkWidget *add_row, *staff, *role, *add;

  gtk_widget_set_name (group, team->code);
  /* Translators: a team's facts; %1$s its code, %2$s the lead, %3$ld residents in its care, %4$ld signed */
  description = g_strdup_printf (_("%1$s · lead %2$s · %3$ld residents · %4$ld signed"), team->code,
                                 team->lead_name != NULL ? team->lead_name : "—", (long) team->n_residents,
                                 (long) team->n_signed);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), team->name);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  for (guint i = 0; i < team->members->len; i++)
    {
      JyTeamMemberRecord *m = g_ptr_array_index (team->members, i);
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      if (!m->current)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->staff_name);
      /* Translators: a team member; %1$s the role, %2$s since when */
      subtitle = m->institution != NULL
        ? g_strdup_printf (_("%1$s, %2$s · since %3$s"), _(jy_team_role_get_label (m->role)), m->institution, m->start_date)
        : g_strdup_printf (_("%1$s · since %2$s"), _(jy_team_role_get_label (m->role)), m->start_date);
      if (m->is_lead)
        {
          char *with = g_strdup_printf (_("%s · team lead"), subtitle);

          g_free (subtitle);
          subtitle = with;
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (!m->is_lead)
        {
          GtkWidget *end = gtk_button_new_with_label (_("Leaves the Team"));

          gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (end), "member-id", g_memdup2 (&m->id, sizeof (gint64)), g_free);
          g_object_set_data_full (G_OBJECT (end), "member-name", g_strdup (m->staff_name), g_free);
          {
            g_autofree char *name = g_strdup_printf ("leave-member-%" G_GINT64_FORMAT, m->id);

            gtk_widget_set_name (end, name);
          }
          g_signal_connect (end, "clicked", G_CALLBACK (end_member_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), end);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  for (guint i = 0; i < team->areas->len; i++)
    {
      JyTeamArea *area = g_ptr_array_index (team->areas, i);

      if (areas->len > 0)
        g_string_append (areas, _(", "));
      g_string_append (areas, area->name != NULL ? area->name : area->code);
    }
  {
    GtkWidget *row = adw_action_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Communities"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), areas->len > 0 ? areas->str : _("None"));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  }

  for (guint i = 0; i < self->data->staff->len; i++)
    gtk_string_list_append (staff_names, ((JyTeamStaffChoice *) g_ptr_array_index (self->data->staff, i))->name);
  for (guint i = 0; i < G_N_ELEMENTS (member_roles); i++)
    gtk_string_list_append (role_names, _(jy_team_role_get_label (member_roles[i])));
  add_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add a member"));
  staff = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (staff_names)), NULL);
  role = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (role_names)), NULL);
  add = gtk_button_new_with_label (_("Add"));
  gtk_widget_set_name (add, "add-member");
  for (GtkWidget *w = staff; w != NULL; w = w == staff ? role : w == role ? add : NULL)
    {
      gtk_widget_set_valign (w, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), w);
    }
  g_object_set_data (G_OBJECT (add), "staff", staff);
  g_object_set_data (G_OBJECT (add), "role", role);
  g_object_set_data_full (G_OBJECT (add), "team-id", g_memdup2 (&team->id, sizeof (gint64)), g_free);
  g_signal_connect (add, "clicked", G_CALLBACK (add_member_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), edit_team_row (self, team));
  return group;
}

static void
fill (JyTeamsDialog *self)
{
  GtkWidget *child;
  g_autoptr(GtkStringList) doctors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) teams = gtk_string_list_new (NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->teams_box))) != NULL)
    gtk_box_remove (self->teams_box, child);
  for (guint i = 0; i < self->data->teams->len; i++)
    {
      JyTeamRecord *team = g_ptr_array_index (self->data->teams, i);

      gtk_box_append (self->teams_box, team_group (self, team));
      gtk_string_list_append (teams, team->name);
    }

  g_array_set_size (self->doctor_ids, 0);
  for (guint i = 0; i < self->data->staff->len; i++)
    {
      JyTeamStaffChoice *s = g_ptr_array_index (self->data->staff, i);

      if (g_strcmp0 (s->role, "doctor") != 0)
        continue;
      gtk_string_list_append (doctors, s->name);
      g_array_append_val (self->doctor_ids, s->id);
    }
  adw_combo_row_set_model (self->lead_row, G_LIST_MODEL (doctors));

  g_ptr_array_set_size (self->area_codes, 0);
  for (guint i = 0; i < self->data->choices->areas->len; i++)
    {
      JyAreaChoice *a = g_ptr_array_index (self->data->choices->areas, i);

      if (a->level != 5)
        continue;
      gtk_string_list_append (areas, a->name);
      g_ptr_array_add (self->area_codes, g_strdup (a->code));
    }
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));
  adw_combo_row_set_model (self->to_team_row, G_LIST_MODEL (teams));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JyTeamsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  TeamsData *data = jy_store_read_finish (JY_STORE (object), result, &error);

  if (data == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      show_status (self, message, TRUE);
      return;
    }
  teams_data_free (self->data);
  self->data = data;
  fill (self);
}

static void
reload (JyTeamsDialog *self)
{
  jy_store_read_async (self->store, teams_load, NULL, NULL, (GDestroyNotify) teams_data_free, NULL,
                       loaded_cb, g_object_ref (self));
}

/* --- Actions ----------------------------------------------------------------- */

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JyTeamsDialog *self = JY_TEAMS_DIALOG (widget);
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  guint lead = adw_combo_row_get_selected (self->lead_row);
  TeamWrite *w;

  if (*code == '\0' || *name == '\0' || lead >= self->doctor_ids->len)
    {
      show_status (self, _("A new team needs a code, a name and a lead doctor."), TRUE);
      return;
    }
  w = g_new0 (TeamWrite, 1);
  w->kind = WRITE_CREATE;
  w->code = g_strstrip (g_strdup (code));
  w->name = g_strstrip (g_strdup (name));
  w->staff_id = g_array_index (self->doctor_ids, gint64, lead);
  save_team_write (self, w);
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
}

static void
move_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JyTeamsDialog *self = JY_TEAMS_DIALOG (widget);
  guint area = adw_combo_row_get_selected (self->area_row);
  guint team = adw_combo_row_get_selected (self->to_team_row);
  TeamWrite *w;

  if (self->data == NULL || area >= self->area_codes->len || team >= self->data->teams->len)
    return;
  w = g_new0 (TeamWrite, 1);
  w->kind = WRITE_MOVE_AREA;
  w->code = g_strdup (g_ptr_array_index (self->area_codes, area));
  w->id = ((JyTeamRecord *) g_ptr_array_index (self->data->teams, team))->id;
  save_team_write (self, w);
}

gboolean
jy_teams_dialog_is_loaded (JyTeamsDialog *self)
{
  g_return_val_if_fail (JY_IS_TEAMS_DIALOG (self), FALSE);
  return self->data != NULL && !self->saving;
}

static void
jy_teams_dialog_dispose (GObject *object)
{
  JyTeamsDialog *self = JY_TEAMS_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->data, teams_data_free);
  g_clear_pointer (&self->doctor_ids, g_array_unref);
  g_clear_pointer (&self->area_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (jy_teams_dialog_parent_class)->dispose (object);
}

static void
jy_teams_dialog_class_init (JyTeamsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_teams_dialog_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-teams-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JyTeamsDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, JyTeamsDialog, teams_box);
  gtk_widget_class_bind_template_child (widget_class, JyTeamsDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, JyTeamsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, JyTeamsDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, JyTeamsDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, JyTeamsDialog, to_team_row);

  gtk_widget_class_install_action (widget_class, "teams.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "teams.move-area", NULL, move_area_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_teams_dialog_init (JyTeamsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->doctor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->area_codes = g_ptr_array_new_with_free_func (g_free);
}

JyTeamsDialog *
jy_teams_dialog_new (GtkWindow *parent,
                     JyStore   *store)
{
  JyTeamsDialog *self;

  g_return_val_if_fail (JY_IS_STORE (store), NULL);

  self = g_object_new (JY_TYPE_TEAMS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}
