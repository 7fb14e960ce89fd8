/* jy-resident-view.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-view.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-household.h"
#include "jy-key-population.h"
#include "jy-person.h"
#include "jy-phone.h"
#include "jy-resident-detail.h"
#include "jy-resident-store.h"

struct _JyResidentView
{
  AdwBin            parent_instance;

  JyStore          *store;
  GCancellable     *cancellable;
  gint64            resident_id;
  JyResidentDetail *detail;

  GtkStack         *state_stack;
  GtkLabel         *name_label;
  GtkLabel         *status_label;
  GtkLabel         *summary_label;
  GtkBox           *tags_box;
  GtkListBox       *tags_list;
  AdwActionRow     *id_row;
  AdwActionRow     *archive_row;
  AdwActionRow     *phone_row;
  AdwActionRow     *contact_row;
  AdwActionRow     *address_row;
  AdwActionRow     *team_row;
  GtkWidget        *household_group;
  GtkListBox       *household_list;
  GtkListBox       *timeline_list;
  AdwStatusPage    *error_status;
  GtkWidget        *retire_button;
};

G_DEFINE_FINAL_TYPE (JyResidentView, jy_resident_view, ADW_TYPE_BIN)

enum {
  CLOSE,
  OPEN_RESIDENT,
  EDIT,
  ADD_MEMBER,
  CHANGED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  /* An empty field says so, rather than leaving a blank that looks broken. */
  adw_action_row_set_subtitle (row, value != NULL && value[0] != '\0' ? value : _("Not recorded"));
}

/* Rows only: the placeholder is a child too, and must survive. */
static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static char *
describe_timeline_entry (const JyTimelineEntry *entry)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GString) fields = NULL;
  JsonObject *object;

  if (g_strcmp0 (entry->kind, "create") == 0)
    return g_strdup (_("Record created"));
  if (g_strcmp0 (entry->kind, "retire") == 0)
    return g_strdup (_("Marked moved out, deceased or lost"));

  /* An edit lists the fields it changed (their values stay in the audit log). */
  parser = json_parser_new ();
  if (entry->detail == NULL || !json_parser_load_from_data (parser, entry->detail, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_strdup (_("Record edited"));

  object = json_node_get_object (json_parser_get_root (parser));
  fields = g_string_new (NULL);
  for (GList *l = json_object_get_members (object); l != NULL; l = l->next)
    {
      const char *label = jy_gui_format_field_label (l->data);

      if (fields->len > 0)
        g_string_append (fields, _(", "));
      g_string_append (fields, label);
    }
  /* Translators: %s is a list of fields, such as "phone, address" */
  return g_strdup_printf (_("Edited: %s"), fields->str);
}

static void
fill_timeline (JyResidentView *self)
{
  GPtrArray *timeline = self->detail->timeline;

  clear_list (self->timeline_list);
  for (guint i = 0; i < timeline->len; i++)
    {
      const JyTimelineEntry *entry = g_ptr_array_index (timeline, i);
      g_autofree char *title = describe_timeline_entry (entry);
      g_autofree char *when = jy_gui_format_timestamp (entry->at);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: %1$s is a date and time, %2$s who did it */
      subtitle = g_strdup_printf (_("%1$s · %2$s"), when,
                                  entry->actor != NULL ? entry->actor : _("System"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->timeline_list, row);
    }
}

static void
fill_household (JyResidentView *self)
{
  GPtrArray *members = self->detail->household;
  g_autoptr(GDate) today = jy_clock_today_local ();
  guint shown = 0;

  clear_list (self->household_list);
  for (guint i = 0; i < members->len; i++)
    {
      const JyResidentRow *member = g_ptr_array_index (members, i);
      g_autofree char *summary = NULL;
      GtkWidget *row;

      if (member == NULL || member->id == self->resident_id)
        continue;

      {
        g_autofree char *sex_age = jy_gui_format_sex_age (member->sex, member->birth_date, today);
        const char *relation = jy_household_relation_english (member->relation_to_head);

        /* Translators: %1$s is the relation to the head of household, %2$s sex and age */
        summary = relation != NULL ? g_strdup_printf (_("%1$s · %2$s"), _(relation), sex_age)
                                   : g_steal_pointer (&sex_age);
      }
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "resident-id",
                              g_memdup2 (&member->id, sizeof (gint64)), g_free);
      gtk_list_box_append (self->household_list, row);
      shown++;
    }
  gtk_widget_set_visible (self->household_group, shown > 0);
}

static void
fill_tags (JyResidentView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_box_remove (self->tags_box, child);

  for (guint tag = 0; tag < JY_KEY_POPULATION_N; tag++)
    {
      GtkWidget *pill;

      if ((self->detail->key_populations & JY_KEY_POPULATION_BIT (tag)) == 0)
        continue;
      pill = gtk_label_new (jy_gui_format_key_population (tag));
      gtk_widget_add_css_class (pill, "tag");
      gtk_widget_add_css_class (pill, "caption-heading");
      gtk_box_append (self->tags_box, pill);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), self->detail->key_populations != 0);
}

static void end_tag_clicked_cb (GtkButton      *button,
                                JyResidentView *self);

static void
fill_manual_tags (JyResidentView *self)
{
  GPtrArray *tags = self->detail->manual_tags;

  clear_list (self->tags_list);
  for (guint i = 0; i < tags->len; i++)
    {
      const JyTagEntry *entry = g_ptr_array_index (tags, i);
      JyKeyPopulation kind;
      GtkWidget *row;
      g_autofree char *dates = NULL;

      if (!jy_key_population_from_string (entry->tag, &kind))
        continue;
      if (entry->end_date != NULL)
        /* Translators: a period, from %1$s to %2$s (dates) */
        dates = g_strdup_printf (_("%1$s to %2$s"), entry->start_date, entry->end_date);
      else
        /* Translators: %s is the date a tag was set; it has no end yet */
        dates = g_strdup_printf (_("Since %s"), entry->start_date);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jy_gui_format_key_population (kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dates);
      if (entry->end_date == NULL)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_End…"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "tag-uuid", g_strdup (entry->uuid), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (end_tag_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->tags_list, row);
    }
}

static void
fill (JyResidentView *self)
{
  const JyResident *r = self->detail->resident;
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *summary = jy_gui_format_sex_age (r->sex, r->birth_date, today);
  g_autofree char *masked_id = jy_person_mask_id_number (r->id_number);
  g_autofree char *phone = r->phone != NULL ? jy_phone_mask (r->phone) : NULL;
  g_autofree char *contact = NULL;
  g_autofree char *address = NULL;
  const char *status = jy_gui_format_status (r->status);

  gtk_label_set_label (self->name_label, r->name);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  gtk_label_set_label (self->status_label, status != NULL ? status : "");
  gtk_label_set_label (self->summary_label, summary);

  /* Masked here as in lists: the number is in the editor for whoever needs it. */
  set_row (self->id_row, masked_id);
  set_row (self->archive_row, r->archive_no);
  set_row (self->phone_row, phone);
  if (r->contact_name != NULL || r->contact_phone != NULL)
    {
      g_autofree char *contact_phone = r->contact_phone != NULL ? jy_phone_mask (r->contact_phone) : NULL;

      contact = g_strjoin (" ", r->contact_name != NULL ? r->contact_name : "",
                           contact_phone != NULL ? contact_phone : "", NULL);
    }
  set_row (self->contact_row, contact);
  address = g_strconcat (self->detail->area_name != NULL ? self->detail->area_name : "",
                         r->address_detail != NULL ? r->address_detail : "", NULL);
  set_row (self->address_row, address);
  set_row (self->team_row, self->detail->team_name);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.retire",
                                 g_strcmp0 (r->status, "active") == 0);
  fill_tags (self);
  fill_manual_tags (self);
  fill_household (self);
  fill_timeline (self);
  gtk_stack_set_visible_child_name (self->state_stack, "ready");
}

static void
detail_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JyResidentView) self = user_data;
  g_autoptr(GError) error = NULL;
  JyResidentDetail *detail = jy_store_read_finish (JY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (detail == NULL)
    {
      g_warning ("Could not load resident %" G_GINT64_FORMAT ": %s", self->resident_id, error->message);
      adw_status_page_set_description (self->error_status,
                                       _("Go back to the list and try again."));
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }

  g_clear_pointer (&self->detail, jy_resident_detail_free);
  self->detail = detail;
  fill (self);
  g_signal_emit (self, signals[LOADED], 0);
}

static gpointer
record_view_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return jy_resident_store_record_view (db, *(gint64 *)data, error) ? JY_STORE_DONE : NULL;
}

static void
view_recorded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    g_warning ("Could not audit a record view: %s", error->message);
}

void
jy_resident_view_reload (JyResidentView *self)
{
  g_return_if_fail (JY_IS_RESIDENT_VIEW (self));

  if (self->store == NULL || self->resident_id == 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  jy_store_read_async (self->store, jy_resident_detail_load,
                       g_memdup2 (&self->resident_id, sizeof (gint64)), g_free,
                       (GDestroyNotify)jy_resident_detail_free,
                       self->cancellable, detail_loaded_cb, g_object_ref (self));
}

void
jy_resident_view_show (JyResidentView *self,
                       JyStore        *store,
                       gint64          resident_id)
{
  g_return_if_fail (JY_IS_RESIDENT_VIEW (self));
  g_return_if_fail (JY_IS_STORE (store));

  g_set_object (&self->store, store);
  self->resident_id = resident_id;
  g_clear_pointer (&self->detail, jy_resident_detail_free);
  gtk_stack_set_visible_child_name (self->state_stack, "loading");
  jy_resident_view_reload (self);

  /* Who opened whose record is part of the audit trail. */
  jy_store_write_async (store, record_view_func, g_memdup2 (&resident_id, sizeof (gint64)), g_free,
                        NULL, NULL, view_recorded_cb, NULL);
}

gint64
jy_resident_view_get_resident_id (JyResidentView *self)
{
  g_return_val_if_fail (JY_IS_RESIDENT_VIEW (self), 0);
  return self->resident_id;
}

static void
household_row_activated_cb (JyResidentView *self,
                            GtkListBoxRow  *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "resident-id");

  if (id != NULL)
    g_signal_emit (self, signals[OPEN_RESIDENT], 0, *id);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JyResidentView *self = JY_RESIDENT_VIEW (widget);

  if (self->detail != NULL)
    g_signal_emit (self, signals[EDIT], 0, self->resident_id);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JyResidentView *self = JY_RESIDENT_VIEW (widget);

  if (self->detail != NULL)
    g_signal_emit (self, signals[ADD_MEMBER], 0, self->resident_id);
}

typedef struct
{
  gint64  id;
  gint64  rev;
  char   *status;
  char   *date;
  char   *reason;
} RetireJob;

static void
retire_job_free (RetireJob *job)
{
  g_free (job->status);
  g_free (job->date);
  g_free (job->reason);
  g_free (job);
}

static gpointer
retire_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  RetireJob *job = data;

  return jy_resident_store_retire (db, job->id, job->rev, job->status, job->date,
                                   job->reason, error) ? JY_STORE_DONE : NULL;
}

static void
retired_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(JyResidentView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      g_warning ("Could not retire resident: %s", error->message);
      g_signal_emit (self, signals[CHANGED], 0, message);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0, _("Record updated"));
  jy_resident_view_reload (self);
}

static const char *const retire_statuses[] = { "moved-out", "dead", "lost" };

static void
retire_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    JyResidentView   *self)
{
  GtkDropDown *status = g_object_get_data (G_OBJECT (dialog), "status");
  GtkEditable *date = g_object_get_data (G_OBJECT (dialog), "date");
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  RetireJob *job;

  if (g_strcmp0 (response, "retire") != 0 || self->detail == NULL)
    return;

  job = g_new0 (RetireJob, 1);
  job->id = self->resident_id;
  job->rev = self->detail->resident->rev;
  job->status = g_strdup (retire_statuses[gtk_drop_down_get_selected (status)]);
  job->date = g_strstrip (g_strdup (gtk_editable_get_text (date)));
  job->reason = g_strstrip (g_strdup (gtk_editable_get_text (reason)));
  jy_store_write_async (self->store, retire_func, job, (GDestroyNotify)retire_job_free, NULL,
                        NULL, retired_cb, g_object_ref (self));
}

static void
retire_date_changed_cb (GtkEditable      *date,
                        AdwMessageDialog *dialog)
{
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  g_autoptr(GDate) today = jy_clock_today_local ();
  GDate parsed;
  gboolean ok = jy_person_parse_date (gtk_editable_get_text (date), &parsed) &&
                g_date_compare (&parsed, today) <= 0;

  /* The rule is said at the field; the dialog cannot confirm a bad date. */
  gtk_label_set_label (hint, ok ? "" : _("Enter the date as YYYY-MM-DD, not later than today"));
  adw_message_dialog_set_response_enabled (dialog, "retire", ok);
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JyResidentView *self = JY_RESIDENT_VIEW (widget);
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *today_text = jy_clock_format_date (today);
  g_autofree char *body = NULL;
  const char *labels[] = { _("Moved out"), _("Deceased"), _("Lost to follow-up"), NULL };
  AdwMessageDialog *dialog;
  GtkWidget *box, *status, *date, *reason, *hint;

  if (self->detail == NULL)
    return;

  /* Translators: %s is the resident's name */
  body = g_strdup_printf (_("%s's record stays in the registry with the date and reason, and leaves the worklists."),
                          self->detail->resident->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Mark Moved Out or Deceased"), body));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  status = gtk_drop_down_new_from_strings (labels);
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for leaving"), -1);
  date = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (date), today_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (date), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  hint = gtk_label_new (NULL);
  gtk_widget_add_css_class (hint, "error");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Destination or cause (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Destination or cause"), -1);
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), reason);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data (G_OBJECT (dialog), "status", status);
  g_object_set_data (G_OBJECT (dialog), "date", date);
  g_object_set_data (G_OBJECT (dialog), "reason", reason);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  g_signal_connect (date, "changed", G_CALLBACK (retire_date_changed_cb), dialog);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "retire", _("_Mark"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "retire", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (retire_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  gint64  resident_id;
  char   *tag;
  char   *tag_uuid;
  char   *start;
  char   *end;
} TagJob;

static void
tag_job_free (TagJob *job)
{
  g_free (job->tag);
  g_free (job->tag_uuid);
  g_free (job->start);
  g_free (job->end);
  g_free (job);
}

static gpointer
tag_func (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  TagJob *job = data;
  gboolean ok = job->tag_uuid != NULL
                ? jy_resident_store_end_tag (db, job->tag_uuid, job->end, error)
                : jy_resident_store_add_tag (db, job->resident_id, job->tag, job->start, job->end, NULL, error);

  return ok ? JY_STORE_DONE : NULL;
}

static char *
entry_text_or_null (GtkEditable *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Dates in a tag dialog: the start is required, the end optional, not
 * before the start; said at the field, and the dialog cannot confirm. */
static void
tag_dates_changed_cb (GtkEditable      *editable,
                      AdwMessageDialog *dialog)
{
  GtkEditable *start = g_object_get_data (G_OBJECT (dialog), "start");
  GtkEditable *end = g_object_get_data (G_OBJECT (dialog), "end");
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  g_autofree char *end_text = entry_text_or_null (end);
  GDate s, e;
  const char *problem = NULL;

  if (start != NULL && !jy_person_parse_date (gtk_editable_get_text (start), &s))
    problem = _("Enter the start as YYYY-MM-DD");
  else if (end_text != NULL && !jy_person_parse_date (end_text, &e))
    problem = _("Enter the end as YYYY-MM-DD, or leave it empty");
  else if (start != NULL && end_text != NULL && g_date_compare (&e, &s) < 0)
    problem = _("The end cannot be before the start");

  gtk_label_set_label (hint, problem != NULL ? problem : "");
  adw_message_dialog_set_response_enabled (dialog, "save", problem == NULL);
}

static void
tag_saved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JyResidentView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      g_warning ("Could not save a key-population tag: %s", error->message);
      g_signal_emit (self, signals[CHANGED], 0, message);
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0, _("Key population updated"));
  jy_resident_view_reload (self);
}

static const JyKeyPopulation manual_kinds[] = {
  JY_KEY_POPULATION_PREGNANT, JY_KEY_POPULATION_MENTAL, JY_KEY_POPULATION_TUBERCULOSIS,
  JY_KEY_POPULATION_FAMILY_PLANNING, JY_KEY_POPULATION_LOW_INCOME,
};

static void
tag_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 JyResidentView   *self)
{
  GtkDropDown *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  GtkEditable *start = g_object_get_data (G_OBJECT (dialog), "start");
  GtkEditable *end = g_object_get_data (G_OBJECT (dialog), "end");
  const char *tag_uuid = g_object_get_data (G_OBJECT (dialog), "tag-uuid");
  TagJob *job;

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL)
    return;

  job = g_new0 (TagJob, 1);
  job->resident_id = self->resident_id;
  job->tag_uuid = g_strdup (tag_uuid);
  if (kind != NULL)
    job->tag = g_strdup (jy_key_population_to_string (manual_kinds[gtk_drop_down_get_selected (kind)]));
  if (start != NULL)
    job->start = entry_text_or_null (start);
  job->end = entry_text_or_null (end);
  jy_store_write_async (self->store, tag_func, job, (GDestroyNotify)tag_job_free, NULL, NULL,
                        tag_saved_cb, g_object_ref (self));
}

static GtkWidget *
date_entry (AdwMessageDialog *dialog,
            const char       *key,
            const char       *label,
            const char       *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = gtk_label_new (label);
  GtkWidget *entry = gtk_entry_new ();

  /* A caption, not only a placeholder: a filled-in date must still say what it is. */
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (dialog), key, entry);
  g_signal_connect (entry, "changed", G_CALLBACK (tag_dates_changed_cb), dialog);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), entry);
  return box;
}

static void
present_tag_dialog (JyResidentView *self,
                    const char     *tag_uuid)
{
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *today_text = jy_clock_format_date (today);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hint = gtk_label_new (NULL);

  if (tag_uuid == NULL)
    {
      const char *labels[G_N_ELEMENTS (manual_kinds) + 1] = { NULL };
      GtkWidget *kind;

      for (guint i = 0; i < G_N_ELEMENTS (manual_kinds); i++)
        labels[i] = jy_gui_format_key_population (manual_kinds[i]);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                           _("Add Key Population"),
                                                           _("From the date it applies; leave the end empty while it lasts.")));
      kind = gtk_drop_down_new_from_strings (labels);
      gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Key population"), -1);
      g_object_set_data (G_OBJECT (dialog), "kind", kind);
      gtk_box_append (GTK_BOX (box), kind);
      gtk_box_append (GTK_BOX (box), date_entry (dialog, "start", _("Start (YYYY-MM-DD)"), today_text));
      gtk_box_append (GTK_BOX (box), date_entry (dialog, "end", _("End (YYYY-MM-DD, optional)"), NULL));
    }
  else
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                           _("End Key Population"),
                                                           _("The tag stays on the record with its dates.")));
      g_object_set_data_full (G_OBJECT (dialog), "tag-uuid", g_strdup (tag_uuid), g_free);
      gtk_box_append (GTK_BOX (box), date_entry (dialog, "end", _("End (YYYY-MM-DD)"), today_text));
    }

  gtk_widget_add_css_class (hint, "error");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (tag_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
end_tag_clicked_cb (GtkButton      *button,
                    JyResidentView *self)
{
  present_tag_dialog (self, g_object_get_data (G_OBJECT (button), "tag-uuid"));
}

static void
add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JyResidentView *self = JY_RESIDENT_VIEW (widget);

  if (self->detail != NULL)
    present_tag_dialog (self, NULL);
}

static void
jy_resident_view_dispose (GObject *object)
{
  JyResidentView *self = (JyResidentView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->detail, jy_resident_detail_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_RESIDENT_VIEW);

  G_OBJECT_CLASS (jy_resident_view_parent_class)->dispose (object);
}

static void
jy_resident_view_class_init (JyResidentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_resident_view_dispose;

  signals[CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN_RESIDENT] = g_signal_new ("open-resident", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Register someone new in this resident's household. */
  signals[ADD_MEMBER] = g_signal_new ("add-member", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A save finished: the string is the toast to show. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The page shows the resident's data (tests and the bench wait for it). */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-resident-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, name_label);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, status_label);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, tags_box);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, tags_list);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, id_row);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, archive_row);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, phone_row);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, contact_row);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, address_row);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, team_row);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, household_group);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, household_list);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, error_status);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, retire_button);
  gtk_widget_class_bind_template_callback (widget_class, household_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "resident.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "resident.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "resident.retire", NULL, retire_action);
  gtk_widget_class_install_action (widget_class, "resident.add-family-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "resident.add-tag", NULL, add_tag_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "resident.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "resident.edit", NULL);
}

static void
jy_resident_view_init (JyResidentView *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Records brought in from the platform or the demo have no local history yet. */
  placeholder = gtk_label_new (_("Nothing recorded on this workstation yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->timeline_list, placeholder);

  placeholder = gtk_label_new (_("None"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->tags_list, placeholder);
}
