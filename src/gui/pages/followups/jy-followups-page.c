/* jy-followups-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followups-page.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-gui-format.h"
#include "jy-worklist-row.h"

struct _JyFollowupsPage
{
  AdwBin            parent_instance;

  GtkBox           *kind_box;
  GtkDropDown      *team_dropdown;
  GtkDropDown      *doctor_dropdown;
  GtkLabel         *explain_label;
  GtkStack         *state_stack;
  GtkSpinner       *spinner;
  GtkListBox       *list_box;
  GtkLabel         *more_label;
  AdwStatusPage    *empty_status;
  AdwStatusPage    *error_status;

  GtkToggleButton  *kind_buttons[JY_WORKLIST_N_KINDS];
  JyStore          *store;
  GCancellable     *list_cancellable;
  GCancellable     *counts_cancellable;
  GArray           *team_ids;     /* gint64 per team dropdown item; 0 = all */
  GArray           *doctor_ids;   /* gint64 per doctor dropdown item; 0 = all */
  JyWorklistKind    kind;
  gboolean          filling;
  guint             n_rows;
};

G_DEFINE_FINAL_TYPE (JyFollowupsPage, jy_followups_page, ADW_TYPE_BIN)

enum
{
  OPEN_RESIDENT,
  FOLLOW_UP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_label (JyWorklistKind kind)
{
  switch (kind)
    {
    case JY_WORKLIST_DUE_THIS_WEEK:
      return _("Due This Week");
    case JY_WORKLIST_OVERDUE:
      return _("Overdue");
    case JY_WORKLIST_RECHECK:
      return _("2-Week Rechecks");
    case JY_WORKLIST_REFERRAL:
      return _("Referred");
    case JY_WORKLIST_BEHIND_NORM:
      return _("Behind the Norm");
    case JY_WORKLIST_N_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
kind_explanation (JyWorklistKind kind)
{
  switch (kind)
    {
    case JY_WORKLIST_DUE_THIS_WEEK:
      return _("Next follow-up due today or in the coming six days.");
    case JY_WORKLIST_OVERDUE:
      return _("Next follow-up date has passed; most overdue first.");
    case JY_WORKLIST_RECHECK:
      return _("The last visit was uncontrolled or had an adverse reaction: recheck within 2 weeks.");
    case JY_WORKLIST_REFERRAL:
      return _("Referred at the last visit: follow up the referral within 2 weeks.");
    case JY_WORKLIST_BEHIND_NORM:
      return _("Fewer face-to-face follow-ups this year than the norm asks (4 a year, one a quarter; phone visits do not count).");
    case JY_WORKLIST_N_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
kind_empty_title (JyWorklistKind kind)
{
  switch (kind)
    {
    case JY_WORKLIST_DUE_THIS_WEEK:
      return _("Nobody Is Due This Week");
    case JY_WORKLIST_OVERDUE:
      return _("No Overdue Follow-ups");
    case JY_WORKLIST_RECHECK:
      return _("No 2-Week Rechecks");
    case JY_WORKLIST_REFERRAL:
      return _("No Referrals Awaiting Follow-up");
    case JY_WORKLIST_BEHIND_NORM:
      return _("Everyone Is on Schedule This Year");
    case JY_WORKLIST_N_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

static JyWorklistQuery *
new_query (JyFollowupsPage *self,
           JyWorklistKind   kind)
{
  JyWorklistQuery *query = g_new0 (JyWorklistQuery, 1);

  query->kind = kind;
  query->team_id = selected_id (self->team_dropdown, self->team_ids);
  query->doctor_id = selected_id (self->doctor_dropdown, self->doctor_ids);
  query->limit = JY_WORKLIST_DEFAULT_LIMIT;
  return query;
}

static void
clear_rows (JyFollowupsPage *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
  self->n_rows = 0;
}

static void
list_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JyFollowupsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyWorklistPage) page = jy_store_read_finish (JY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->spinner);
  clear_rows (self);

  if (page == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      g_warning ("Could not load a follow-up worklist: %s", error->message);
      adw_status_page_set_description (self->error_status, message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }

  if (page->rows->len == 0)
    {
      adw_status_page_set_title (self->empty_status, kind_empty_title (self->kind));
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      return;
    }

  for (guint i = 0; i < page->rows->len; i++)
    gtk_list_box_append (self->list_box,
                         jy_worklist_row_new (g_ptr_array_index (page->rows, i), &page->today,
                                              "followups.follow-up"));
  self->n_rows = page->rows->len;

  if (page->total > page->rows->len)
    {
      g_autofree char *more = g_strdup_printf (_("Showing the first %u of %u patients."),
                                               page->rows->len, page->total);
      gtk_label_set_label (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), page->total > page->rows->len);
  gtk_stack_set_visible_child_name (self->state_stack, "list");
}

static void
load_list (JyFollowupsPage *self)
{
  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();

  gtk_label_set_label (self->explain_label, kind_explanation (self->kind));
  /* The spinner only if the list takes long enough to notice. */
  gtk_spinner_start (self->spinner);
  jy_store_read_async (self->store, jy_chronic_worklist_load, new_query (self, self->kind), g_free,
                       (GDestroyNotify) jy_worklist_page_free, self->list_cancellable,
                       list_loaded_cb, g_object_ref (self));
}

static void
update_kind_label (JyFollowupsPage *self,
                   JyWorklistKind   kind,
                   int              count)
{
  g_autofree char *label = count >= 0 ? g_strdup_printf ("%s  %d", kind_label (kind), count)
                                      : g_strdup (kind_label (kind));

  gtk_button_set_label (GTK_BUTTON (self->kind_buttons[kind]), label);
}

static void
counts_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JyFollowupsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree JyWorklistCounts *counts = jy_store_read_finish (JY_STORE (object), result, &error);

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the follow-up worklists: %s", error->message);
      return;
    }

  for (guint k = 0; k < JY_WORKLIST_N_KINDS; k++)
    update_kind_label (self, k, counts->counts[k]);
}

static void
load_counts (JyFollowupsPage *self)
{
  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  self->counts_cancellable = g_cancellable_new ();

  jy_store_read_async (self->store, jy_chronic_worklist_load_counts, new_query (self, self->kind),
                       g_free, g_free, self->counts_cancellable, counts_loaded_cb,
                       g_object_ref (self));
}

void
jy_followups_page_reload (JyFollowupsPage *self)
{
  g_return_if_fail (JY_IS_FOLLOWUPS_PAGE (self));

  load_counts (self);
  load_list (self);
}

static void
filter_changed_cb (JyFollowupsPage *self)
{
  if (!self->filling)
    jy_followups_page_reload (self);
}

static void
fill_filters (JyFollowupsPage *self,
              JyCentreChoices *choices)
{
  g_autoptr(GtkStringList) teams = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) doctors = gtk_string_list_new (NULL);
  gint64 all = 0;

  g_array_set_size (self->team_ids, 0);
  g_array_set_size (self->doctor_ids, 0);

  gtk_string_list_append (teams, _("All teams"));
  g_array_append_val (self->team_ids, all);
  for (guint i = 0; i < choices->teams->len; i++)
    {
      JyTeamChoice *team = g_ptr_array_index (choices->teams, i);

      gtk_string_list_append (teams, team->name);
      g_array_append_val (self->team_ids, team->id);
    }

  gtk_string_list_append (doctors, _("All doctors"));
  g_array_append_val (self->doctor_ids, all);
  for (guint i = 0; choices->staff != NULL && i < choices->staff->len; i++)
    {
      JyStaffChoice *staff = g_ptr_array_index (choices->staff, i);

      if (g_strcmp0 (staff->role, "doctor") != 0)
        continue;
      gtk_string_list_append (doctors, staff->name);
      g_array_append_val (self->doctor_ids, staff->id);
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (teams));
  gtk_drop_down_set_model (self->doctor_dropdown, G_LIST_MODEL (doctors));
  self->filling = FALSE;
}

static void
choices_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(JyFollowupsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyCentreChoices) choices = jy_store_read_finish (JY_STORE (object), result, &error);

  if (choices != NULL)
    fill_filters (self, choices);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not load teams and doctors: %s", error->message);
}

void
jy_followups_page_set_store (JyFollowupsPage *self,
                             JyStore         *store)
{
  g_return_if_fail (JY_IS_FOLLOWUPS_PAGE (self));
  g_return_if_fail (store == NULL || JY_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  if (store == NULL)
    return;

  jy_store_read_async (store, jy_centre_store_load_choices, NULL, NULL,
                       (GDestroyNotify) jy_centre_choices_free, self->counts_cancellable,
                       choices_loaded_cb, g_object_ref (self));
  jy_followups_page_reload (self);
}

void
jy_followups_page_show_kind (JyFollowupsPage *self,
                             JyWorklistKind   kind)
{
  g_return_if_fail (JY_IS_FOLLOWUPS_PAGE (self));
  g_return_if_fail (kind < JY_WORKLIST_N_KINDS);

  /* Toggling the button loads the list. */
  gtk_toggle_button_set_active (self->kind_buttons[kind], TRUE);
}

JyWorklistKind
jy_followups_page_get_kind (JyFollowupsPage *self)
{
  g_return_val_if_fail (JY_IS_FOLLOWUPS_PAGE (self), JY_WORKLIST_DUE_THIS_WEEK);
  return self->kind;
}

guint
jy_followups_page_get_n_rows (JyFollowupsPage *self)
{
  g_return_val_if_fail (JY_IS_FOLLOWUPS_PAGE (self), 0);
  return self->n_rows;
}

static void
kind_toggled_cb (GtkToggleButton *button,
                 JyFollowupsPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  self->kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kind"));
  load_list (self);
}

static void
row_activated_cb (JyFollowupsPage *self,
                  GtkListBoxRow   *row)
{
  g_signal_emit (self, signals[OPEN_RESIDENT], 0, jy_worklist_row_get_resident_id (row));
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[FOLLOW_UP], 0, g_variant_get_int64 (parameter));
  /* The window opens the form (win.follow-up), as from a resident's page. */
  gtk_widget_activate_action (widget, "win.follow-up", "x", g_variant_get_int64 (parameter));
}

static void
jy_followups_page_dispose (GObject *object)
{
  JyFollowupsPage *self = JY_FOLLOWUPS_PAGE (object);

  g_cancellable_cancel (self->list_cancellable);
  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->counts_cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->doctor_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_FOLLOWUPS_PAGE);

  G_OBJECT_CLASS (jy_followups_page_parent_class)->dispose (object);
}

static void
jy_followups_page_class_init (JyFollowupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_followups_page_dispose;

  signals[OPEN_RESIDENT] = g_signal_new ("open-resident", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[FOLLOW_UP] = g_signal_new ("follow-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-followups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JyFollowupsPage, kind_box);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupsPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupsPage, doctor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupsPage, explain_label);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupsPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupsPage, more_label);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupsPage, error_status);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "followups.follow-up", "x", follow_up_action);
}

static void
jy_followups_page_init (JyFollowupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->doctor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->kind = JY_WORKLIST_DUE_THIS_WEEK;

  for (guint k = 0; k < JY_WORKLIST_N_KINDS; k++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (kind_label (k));

      g_object_set_data (G_OBJECT (button), "kind", GUINT_TO_POINTER (k));
      if (k > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->kind_buttons[0]);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), k == JY_WORKLIST_DUE_THIS_WEEK);
      g_signal_connect (button, "toggled", G_CALLBACK (kind_toggled_cb), self);
      gtk_box_append (self->kind_box, button);
      self->kind_buttons[k] = GTK_TOGGLE_BUTTON (button);
    }
}
