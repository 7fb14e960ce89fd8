/* jy-contact-dialog.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contact-dialog.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jy-actor.h"
#include "jy-clock.h"
#include "jy-contract-store.h"
#include "jy-gui-format.h"
#include "jy-person.h"
#include "jy-team-store.h"

struct _JyContactDialog
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkDropDown     *channel_dropdown;
  GtkCheckButton  *by_resident_check;
  GtkDropDown     *staff_dropdown;
  GtkEntry        *date_entry;
  GtkEntry        *time_entry;
  GtkLabel        *date_error;
  GtkTextView     *content_view;
  GtkLabel        *content_error;
  GtkCheckButton  *check_done_check;
  GtkLabel        *save_error;

  JyStore         *store;
  gint64           resident_id;
  GArray          *staff_ids;
  gboolean         tried;
  gboolean         saving;
};

G_DEFINE_FINAL_TYPE (JyContactDialog, jy_contact_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The channels offered, in the order a doctor uses them. */
static const JyContactChannel channels[] = {
  JY_CONTACT_CHANNEL_PHONE, JY_CONTACT_CHANNEL_WECHAT, JY_CONTACT_CHANNEL_CLINIC,
  JY_CONTACT_CHANNEL_HOME, JY_CONTACT_CHANNEL_SMS, JY_CONTACT_CHANNEL_APP,
};

static char *
content_text (JyContactDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->content_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
show_problem (GtkLabel   *label,
              const char *text,
              gboolean    show)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), show && text != NULL);
}

/* The contact's time as stored (UTC ISO 8601), NULL with a problem at
 * the field. */
static char *
contacted_at (JyContactDialog *self,
              const char     **problem)
{
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  const char *time_text = gtk_editable_get_text (GTK_EDITABLE (self->time_entry));
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDate date;
  int hour = 0, minute = 0;
  char extra;

  if (!jy_person_parse_date (date_text, &date))
    {
      *problem = _("Enter the date as YYYY-MM-DD.");
      return NULL;
    }
  if (sscanf (time_text, "%d:%d%c", &hour, &minute, &extra) != 2 || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59)
    {
      *problem = _("Enter the time as HH:MM, for example 09:30.");
      return NULL;
    }
  local = g_date_time_new (jy_clock_get_local_zone (), g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date), hour, minute, 0);
  utc = g_date_time_to_utc (local);
  if (g_date_time_compare (utc, now) > 0)
    {
      *problem = _("The contact cannot be in the future.");
      return NULL;
    }
  *problem = NULL;
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
check (JyContactDialog *self)
{
  const char *problem = NULL;
  g_autofree char *at = contacted_at (self, &problem);
  g_autofree char *content = content_text (self);
  gboolean ok = at != NULL;

  show_problem (self->date_error, problem, self->tried);
  if (*content == '\0')
    {
      show_problem (self->content_error, _("Say briefly what was done or agreed."), self->tried);
      ok = FALSE;
    }
  else
    show_problem (self->content_error, NULL, FALSE);
  return ok;
}

static void
field_changed_cb (JyContactDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);
  check (self);
}

typedef struct
{
  JyContactRequest request;
  char            *contacted_at;
  char            *content;
  gboolean         check_done;
} ContactJob;

static void
contact_job_free (ContactJob *job)
{
  g_free (job->contacted_at);
  g_free (job->content);
  g_free (job);
}

static gpointer
contact_job (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ContactJob *job = data;
  static const char *const check_items[] = { "elderly-annual-check", NULL };

  job->request.contacted_at = job->contacted_at;
  job->request.content = job->content;
  job->request.delivered_items = job->check_done ? check_items : NULL;
  return jy_contract_store_log_contact (db, &job->request, NULL, error) > 0 ? JY_STORE_DONE : NULL;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JyContactDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_autofree char *message = jy_contract_error_describe (error);

      if (message == NULL)
        message = jy_gui_format_store_error (error);
      gtk_label_set_label (self->save_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JyContactDialog *self = JY_CONTACT_DIALOG (widget);
  ContactJob *job;
  const char *problem = NULL;
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);
  guint staff = gtk_drop_down_get_selected (self->staff_dropdown);

  if (self->saving)
    return;
  self->tried = TRUE;
  if (!check (self))
    return;

  job = g_new0 (ContactJob, 1);
  job->request.resident_id = self->resident_id;
  job->request.channel = channels[MIN (channel, G_N_ELEMENTS (channels) - 1)];
  job->request.initiator = gtk_check_button_get_active (self->by_resident_check) ? JY_CONTACT_BY_RESIDENT
                                                                                 : JY_CONTACT_BY_TEAM;
  job->request.staff_id = staff < self->staff_ids->len ? g_array_index (self->staff_ids, gint64, staff) : 0;
  job->contacted_at = contacted_at (self, &problem);
  job->content = content_text (self);
  job->check_done = gtk_widget_get_visible (GTK_WIDGET (self->check_done_check)) &&
                    gtk_check_button_get_active (self->check_done_check);

  self->saving = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  jy_store_write_async (self->store, contact_job, job, (GDestroyNotify) contact_job_free, NULL, NULL,
                        saved_cb, g_object_ref (self));
}

static gpointer
staff_load (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return jy_team_store_list_staff (db, error);
}

static void
staff_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyContactDialog) self = user_data;
  g_autoptr(GPtrArray) staff = jy_store_read_finish (JY_STORE (object), result, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  JyActor *actor;
  gint64 me;
  guint selected = 0;

  if (staff == NULL || self->staff_ids == NULL)
    return;
  actor = jy_store_dup_session (self->store);
  me = actor != NULL ? jy_actor_get_staff_id (actor) : 0;
  g_clear_pointer (&actor, jy_actor_unref);

  for (guint i = 0; i < staff->len; i++)
    {
      JyTeamStaffChoice *choice = g_ptr_array_index (staff, i);

      /* Whoever is signed in made the contact, unless they say otherwise. */
      if (choice->id == me)
        selected = self->staff_ids->len;
      gtk_string_list_append (names, choice->name);
      g_array_append_val (self->staff_ids, choice->id);
    }
  gtk_drop_down_set_model (self->staff_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->staff_dropdown, selected);
}

static void
jy_contact_dialog_dispose (GObject *object)
{
  JyContactDialog *self = JY_CONTACT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->staff_ids, g_array_unref);

  G_OBJECT_CLASS (jy_contact_dialog_parent_class)->dispose (object);
}

static void
jy_contact_dialog_class_init (JyContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_contact_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-contact-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JyContactDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JyContactDialog, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyContactDialog, by_resident_check);
  gtk_widget_class_bind_template_child (widget_class, JyContactDialog, staff_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyContactDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, JyContactDialog, time_entry);
  gtk_widget_class_bind_template_child (widget_class, JyContactDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, JyContactDialog, content_view);
  gtk_widget_class_bind_template_child (widget_class, JyContactDialog, content_error);
  gtk_widget_class_bind_template_child (widget_class, JyContactDialog, check_done_check);
  gtk_widget_class_bind_template_child (widget_class, JyContactDialog, save_error);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "contact.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "contact.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_contact_dialog_init (JyContactDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (list, _(jy_contact_channel_get_label (channels[i])));
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (list));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->content_view), "changed",
                            G_CALLBACK (field_changed_cb), self);
}

JyContactDialog *
jy_contact_dialog_new (GtkWindow  *parent,
                       JyStore    *store,
                       gint64      resident_id,
                       const char *resident_name,
                       int         age)
{
  JyContactDialog *self;
  g_autoptr(GDateTime) now = g_date_time_new_now (jy_clock_get_local_zone ());
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *time = g_date_time_format (now, "%H:%M");

  g_return_val_if_fail (JY_IS_STORE (store), NULL);

  self = g_object_new (JY_TYPE_CONTACT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->resident_id = resident_id;
  adw_window_title_set_subtitle (self->window_title, resident_name);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), time);
  gtk_widget_set_visible (GTK_WIDGET (self->check_done_check), age >= 65);

  jy_store_read_async (store, staff_load, NULL, NULL, (GDestroyNotify) g_ptr_array_unref, NULL,
                       staff_loaded_cb, g_object_ref (self));
  return self;
}
