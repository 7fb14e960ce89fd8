/* jy-home-beds-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-beds-page.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-home-bed-print.h"
#include "jy-home-bed-round-dialog.h"
#include "jy-home-bed-store.h"
#include "jy-print.h"

struct _JyHomeBedsPage
{
  AdwBin         parent_instance;

  GtkLabel      *rounds_subtitle;
  GtkButton     *print_button;
  GtkListBox    *rounds_list;
  GtkLabel      *rounds_empty;
  GtkLabel      *census_title;
  GtkListBox    *census_list;

  JyStore       *store;
  GCancellable  *cancellable;
  GPtrArray     *due;         /* JyHomeBedDueRow shown */
  guint          n_open;
  char          *staff_name;
  char          *centre_name;
};

G_DEFINE_FINAL_TYPE (JyHomeBedsPage, jy_home_beds_page, ADW_TYPE_BIN)

enum
{
  OPEN_RESIDENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static char *
due_text (const JyHomeBedDueRow *row)
{
  if (row->days_overdue == 0)
    return g_strdup (_("Due today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day overdue", "%u days overdue",
                                       row->days_overdue), row->days_overdue);
}

static GtkWidget *
group_row (const char *community,
           const char *building)
{
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *text = g_strdup_printf ("%s · %s", *community ? community : _("No community"),
                                           *building ? building : "—");
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "view");
  return row;
}

static GtkWidget *
due_row (const JyHomeBedDueRow *due,
         guint                  index)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s  %s", due->resident_name, due->bed_number);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", _(jy_home_bed_round_kind_label (due->kind)),
                                               due->address, due->diagnosis);
  g_autofree char *when = due_text (due);
  GtkWidget *when_label = gtk_label_new (when);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Log Round"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (due->days_overdue > 0)
    gtk_widget_add_css_class (when_label, "error");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), when_label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "home-beds.log-round");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (index));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "resident-id", GSIZE_TO_POINTER ((gsize)due->resident_id));
  return row;
}

static void
rounds_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JyHomeBedsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = jy_store_read_finish (JY_STORE (object), result, &error);
  const char *community = NULL, *building = NULL;

  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = jy_gui_format_store_error (error);

          gtk_label_set_label (self->rounds_empty, message);
          gtk_widget_set_visible (GTK_WIDGET (self->rounds_empty), TRUE);
        }
      return;
    }
  g_clear_pointer (&self->due, g_ptr_array_unref);
  self->due = rows;
  clear_list (self->rounds_list);
  for (guint i = 0; i < rows->len; i++)
    {
      const JyHomeBedDueRow *row = g_ptr_array_index (rows, i);

      if (community == NULL || g_strcmp0 (community, row->community_name) != 0 ||
          g_strcmp0 (building, row->building) != 0)
        {
          community = row->community_name;
          building = row->building;
          gtk_list_box_append (self->rounds_list, group_row (community, building));
        }
      gtk_list_box_append (self->rounds_list, due_row (row, i));
    }
  gtk_label_set_label (self->rounds_empty, _("No rounds due today or overdue."));
  gtk_widget_set_visible (GTK_WIDGET (self->rounds_empty), rows->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->rounds_list), rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home-beds.print-route", TRUE);
}

static void
census_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JyHomeBedsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = jy_store_read_finish (JY_STORE (object), result, &error);
  g_autofree char *title = NULL;

  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load the open home beds: %s", error->message);
      return;
    }
  clear_list (self->census_list);
  for (guint i = 0; i < rows->len; i++)
    {
      const JyHomeBedCensusRow *bed = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title_text = g_strdup_printf ("%s  %s", bed->resident_name, bed->bed_number);
      g_autofree char *end = jy_clock_format_date (&bed->cycle_end);
      /* Translators: an open bed's line; %1$s community, %2$s diagnosis, %3$s doctor,
       * %4$s nurse, %5$u bed days so far, %6$s the cycle end */
      g_autofree char *subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s / %4$s · day %5$u · cycle ends %6$s"),
                                                   bed->community_name, bed->diagnosis,
                                                   bed->doctor_name != NULL ? bed->doctor_name : "—",
                                                   bed->nurse_name != NULL ? bed->nurse_name : "—",
                                                   bed->bed_days, end);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "resident-id", GSIZE_TO_POINTER ((gsize)bed->resident_id));
      gtk_list_box_append (self->census_list, row);
    }
  self->n_open = rows->len;
  title = g_strdup_printf (_("Open Beds (%u)"), rows->len);
  gtk_label_set_label (self->census_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->census_list), rows->len > 0);
}

static void
centre_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JyHomeBedsPage) self = user_data;
  g_autoptr(JyCentreSummary) summary = jy_store_read_finish (JY_STORE (object), result, NULL);

  if (summary != NULL)
    {
      g_free (self->centre_name);
      self->centre_name = g_strdup (summary->name);
    }
}

void
jy_home_beds_page_reload (JyHomeBedsPage *self)
{
  g_autoptr(JyActor) actor = NULL;
  JyHomeBedRoundsQuery *query;
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (JY_IS_HOME_BEDS_PAGE (self));

  if (self->store == NULL || !jy_store_session_can (self->store, JY_PERMISSION_HOME_BED_VIEW))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  actor = jy_store_dup_session (self->store);
  g_free (self->staff_name);
  self->staff_name = g_strdup (actor != NULL && jy_actor_get_name (actor) != NULL
                                 ? jy_actor_get_name (actor) : "");
  date = jy_clock_format_date (today);
  /* Translators: under "Today's Rounds"; %1$s the signed-in staff member, %2$s today */
  subtitle = g_strdup_printf (_("%1$s · %2$s · due today and overdue, by community and building"),
                              self->staff_name, date);
  gtk_label_set_label (self->rounds_subtitle, subtitle);

  query = g_new0 (JyHomeBedRoundsQuery, 1);
  query->staff_id = actor != NULL ? jy_actor_get_staff_id (actor) : 0;
  query->today = *today;
  jy_store_read_async (self->store, jy_home_bed_todays_rounds_func, query, g_free,
                       (GDestroyNotify)g_ptr_array_unref, self->cancellable, rounds_loaded_cb,
                       g_object_ref (self));
  jy_store_read_async (self->store, jy_home_bed_census_func, NULL, NULL,
                       (GDestroyNotify)g_ptr_array_unref, self->cancellable, census_loaded_cb,
                       g_object_ref (self));
  jy_store_read_async (self->store, jy_centre_store_load, NULL, NULL,
                       (GDestroyNotify)jy_centre_summary_free, self->cancellable, centre_loaded_cb,
                       g_object_ref (self));
}

void
jy_home_beds_page_set_store (JyHomeBedsPage *self,
                             JyStore        *store)
{
  g_return_if_fail (JY_IS_HOME_BEDS_PAGE (self));
  g_return_if_fail (store == NULL || JY_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  jy_home_beds_page_reload (self);
}

guint
jy_home_beds_page_get_n_due (JyHomeBedsPage *self)
{
  g_return_val_if_fail (JY_IS_HOME_BEDS_PAGE (self), 0);
  return self->due != NULL ? self->due->len : 0;
}

guint
jy_home_beds_page_get_n_open (JyHomeBedsPage *self)
{
  g_return_val_if_fail (JY_IS_HOME_BEDS_PAGE (self), 0);
  return self->n_open;
}

static void
round_saved_cb (JyHomeBedsPage *self)
{
  jy_home_beds_page_reload (self);
}

void
jy_home_beds_page_log_round (JyHomeBedsPage *self,
                             guint           index)
{
  const JyHomeBedDueRow *row;
  JyHomeBedRoundDialog *dialog;
  g_autofree char *subtitle = NULL;
  GtkRoot *root;

  g_return_if_fail (JY_IS_HOME_BEDS_PAGE (self));

  if (self->due == NULL || index >= self->due->len || self->store == NULL)
    return;
  row = g_ptr_array_index (self->due, index);
  subtitle = g_strdup_printf ("%s · %s", row->resident_name, row->bed_number);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = jy_home_bed_round_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                         row->home_bed_id, subtitle);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (round_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
log_round_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  jy_home_beds_page_log_round (JY_HOME_BEDS_PAGE (widget), g_variant_get_uint32 (parameter));
}

static void
print_route_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JyHomeBedsPage *self = JY_HOME_BEDS_PAGE (widget);
  g_autoptr(GDate) today = jy_clock_today_local ();
  GtkRoot *root = gtk_widget_get_root (widget);
  JyPrintDoc *doc = jy_home_bed_print_route (self->due, self->centre_name, self->staff_name, today);

  jy_print_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, doc, _("Today's rounds"));
}

static void
row_activated_cb (JyHomeBedsPage *self,
                  GtkListBoxRow  *row)
{
  gint64 resident_id = (gint64)GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "resident-id"));

  if (resident_id > 0)
    g_signal_emit (self, signals[OPEN_RESIDENT], 0, resident_id);
}

static void
jy_home_beds_page_dispose (GObject *object)
{
  JyHomeBedsPage *self = JY_HOME_BEDS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->due, g_ptr_array_unref);
  g_clear_pointer (&self->staff_name, g_free);
  g_clear_pointer (&self->centre_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_HOME_BEDS_PAGE);

  G_OBJECT_CLASS (jy_home_beds_page_parent_class)->dispose (object);
}

static void
jy_home_beds_page_class_init (JyHomeBedsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_home_beds_page_dispose;

  signals[OPEN_RESIDENT] = g_signal_new ("open-resident", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-home-beds-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedsPage, rounds_subtitle);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedsPage, rounds_list);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedsPage, rounds_empty);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedsPage, census_title);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedsPage, census_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "home-beds.log-round", "u", log_round_action);
  gtk_widget_class_install_action (widget_class, "home-beds.print-route", NULL, print_route_action);
}

static void
jy_home_beds_page_init (JyHomeBedsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home-beds.print-route", FALSE);
}
