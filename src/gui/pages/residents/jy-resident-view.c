/* jy-resident-view.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-view-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "jy-chronic-section.h"
#include "jy-home-bed-section.h"
#include "jy-clock.h"
#include "jy-contract-labels.h"
#include "jy-contract-section.h"
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
  GtkWidget        *timeline_group;
  GtkWidget        *timeline_more_button;
  JyChronicSection *chronic_section;
  JyHomeBedSection *home_bed_section;
  JyContractSection *contract_section;
  AdwStatusPage    *error_status;
  GtkWidget        *retire_button;
  GtkWidget        *change_team_button;

  /* Counts the records opened (and reloads): an audit write answers for
   * the one it was queued with. */
  guint             generation;
  /* The timeline and chronic care are filled after the frame that paints
   * the header: a handler on that frame clock while they wait. */
  GdkFrameClock    *rest_clock;
  gulong            rest_handler;
  guint             rest_idle;
  gboolean          rest_shown;
  gboolean          timeline_all;
};

/* Events shown before "Show All": about two screens. */
#define TIMELINE_FIRST 20

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

  /* Clinical events come worded (and translated) by the store. */
  if (entry->title != NULL)
    return g_strdup (entry->title);
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
  {
    /* Contracts, contacts and services word themselves. */
    char *line = jy_contract_describe_event (entry->kind, object);

    if (line != NULL)
      return line;
  }
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
  guint shown = self->timeline_all ? timeline->len : MIN (timeline->len, TIMELINE_FIRST);
  GtkListBoxRow *extra;

  /* The rows of the record shown before take the new texts: no widgets
   * are made or dropped for the ones both have. */
  for (guint i = 0; i < shown; i++)
    {
      const JyTimelineEntry *entry = g_ptr_array_index (timeline, i);
      g_autofree char *title = describe_timeline_entry (entry);
      g_autofree char *when = entry->date_only ? g_strdup (entry->at) : jy_gui_format_timestamp (entry->at);
      g_autofree char *subtitle = NULL;
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->timeline_list, i);

      if (row == NULL)
        {
          row = GTK_LIST_BOX_ROW (adw_action_row_new ());
          gtk_list_box_append (self->timeline_list, GTK_WIDGET (row));
        }
      /* Translators: %1$s is a date and time, %2$s who did it */
      subtitle = g_strdup_printf (_("%1$s · %2$s"), when,
                                  entry->actor != NULL ? entry->actor : _("System"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  while ((extra = gtk_list_box_get_row_at_index (self->timeline_list, shown)) != NULL)
    gtk_list_box_remove (self->timeline_list, GTK_WIDGET (extra));

  gtk_widget_set_visible (self->timeline_more_button, shown < timeline->len);
  if (shown < timeline->len)
    {
      /* Translators: a button under the latest events of a resident's timeline; %u is how many there are in all */
      g_autofree char *label = g_strdup_printf (ngettext ("Show All %u Event", "Show All %u Events", timeline->len),
                                                timeline->len);

      gtk_button_set_label (GTK_BUTTON (self->timeline_more_button), label);
    }
}

static void
timeline_more_clicked_cb (JyResidentView *self)
{
  self->timeline_all = TRUE;
  if (self->detail != NULL)
    fill_timeline (self);
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
          gtk_widget_set_sensitive (button, jy_store_session_can (self->store, JY_PERMISSION_RESIDENT_EDIT));
          g_object_set_data_full (G_OBJECT (button), "tag-uuid", g_strdup (entry->uuid), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (jy_resident_view_end_tag_clicked_cb), self);
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

  /* What the role may do (the store checks it again). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.retire",
                                 g_strcmp0 (r->status, "active") == 0 &&
                                 jy_store_session_can (self->store, JY_PERMISSION_RESIDENT_RETIRE));
  {
    gboolean can_edit = jy_store_session_can (self->store, JY_PERMISSION_RESIDENT_EDIT);

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.edit", can_edit);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.add-tag", can_edit);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.add-family-member", can_edit);
  }
  /* Moving a resident between teams is the team manager's (TEAM_MANAGE). */
  {
    gboolean can_move = g_strcmp0 (r->status, "active") == 0 &&
                        jy_store_session_can (self->store, JY_PERMISSION_TEAM_MANAGE);

    gtk_widget_set_visible (self->change_team_button, can_move);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.change-team", can_move);
  }
  fill_tags (self);
  fill_manual_tags (self);
  fill_household (self);
  gtk_stack_set_visible_child_name (self->state_stack, "ready");
}

static void
cancel_rest (JyResidentView *self)
{
  /* A window's frame clock drops its handlers when the window goes, so
   * ours may be gone already when the view is disposed after it. */
  if (self->rest_handler != 0 && g_signal_handler_is_connected (self->rest_clock, self->rest_handler))
    g_signal_handler_disconnect (self->rest_clock, self->rest_handler);
  self->rest_handler = 0;
  g_clear_object (&self->rest_clock);
  g_clear_handle_id (&self->rest_idle, g_source_remove);
}

/* What lies below the first screen: the timeline, and chronic care (its
 * own read, cards and trend charts). */
static void
fill_rest (JyResidentView *self)
{
  cancel_rest (self);
  if (self->detail == NULL)
    return;
  fill_timeline (self);
  jy_chronic_section_show (self->chronic_section, self->store, self->detail->resident);
  jy_home_bed_section_show (self->home_bed_section, self->store, self->detail->resident->id);
  jy_contract_section_show (self->contract_section, self->store, self->detail->resident);
  gtk_widget_set_visible (self->timeline_group, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->chronic_section), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->home_bed_section), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->contract_section), TRUE);
  self->rest_shown = TRUE;
}

static gboolean
rest_idle_cb (gpointer user_data)
{
  JyResidentView *self = user_data;

  self->rest_idle = 0;
  fill_rest (self);
  return G_SOURCE_REMOVE;
}

/* Not in the frame's own after-paint: the frame is finished first (and
 * whoever else waits on it hears so), then the rest is laid out before
 * the next one. */
static void
rest_after_paint_cb (GdkFrameClock  *clock,
                     JyResidentView *self)
{
  g_signal_handler_disconnect (self->rest_clock, self->rest_handler);
  self->rest_handler = 0;
  if (self->rest_idle == 0)
    self->rest_idle = g_idle_add (rest_idle_cb, self);
}

/* The header and essentials first: the rest waits for the frame that
 * paints them, so the doctor sees the record without waiting for the
 * layout of forty timeline rows and a chart. */
static void
schedule_rest (JyResidentView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  cancel_rest (self);
  self->rest_shown = FALSE;
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      fill_rest (self);
      return;
    }
  self->rest_clock = g_object_ref (clock);
  self->rest_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (rest_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The record is on screen only while its view is in the audit trail. */
static void
withdraw (JyResidentView *self)
{
  g_cancellable_cancel (self->cancellable);
  cancel_rest (self);
  g_clear_pointer (&self->detail, jy_resident_detail_free);
  adw_status_page_set_description (self->error_status,
                                   _("Opening a record is written to the audit trail, and that failed. Try again; if it keeps failing, ask the administrator."));
  gtk_stack_set_visible_child_name (self->state_stack, "error");
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
  schedule_rest (self);
  g_signal_emit (self, signals[LOADED], 0);
}

typedef struct
{
  JyResidentView *view;
  guint           generation;
  gint64          resident_id;
} ViewAudit;

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
  ViewAudit *audit = user_data;
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_warning ("Could not record the view of resident %" G_GINT64_FORMAT ": %s",
                 audit->resident_id, error->message);
      if (audit->generation == audit->view->generation)
        withdraw (audit->view);
    }
  g_object_unref (audit->view);
  g_free (audit);
}

void
jy_resident_view_reload (JyResidentView *self)
{
  ViewAudit *audit;

  g_return_if_fail (JY_IS_RESIDENT_VIEW (self));

  if (self->store == NULL || self->resident_id == 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  /* The view goes to the audit trail first, as a write job of its own
   * that nothing cancels (the writer finishes its queue even when the
   * window closes); the record is read alongside on a reader, so the page
   * never waits for the writer. If the write fails the page withdraws
   * the record (withdraw()). */
  audit = g_new0 (ViewAudit, 1);
  audit->view = g_object_ref (self);
  audit->generation = self->generation;
  audit->resident_id = self->resident_id;
  jy_store_write_async (self->store, record_view_func,
                        g_memdup2 (&self->resident_id, sizeof (gint64)), g_free, NULL,
                        NULL, view_recorded_cb, audit);

  jy_store_read_async (self->store, jy_resident_detail_read,
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
  self->timeline_all = FALSE;
  cancel_rest (self);
  /* Nothing of the resident shown before stays below the new header
   * (hidden, they cost no layout either; their rows are reused). */
  gtk_widget_set_visible (self->timeline_group, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->chronic_section), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->home_bed_section), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->contract_section), FALSE);
  g_clear_pointer (&self->detail, jy_resident_detail_free);
  gtk_stack_set_visible_child_name (self->state_stack, "loading");
  jy_resident_view_reload (self);
}

gint64
jy_resident_view_get_resident_id (JyResidentView *self)
{
  g_return_val_if_fail (JY_IS_RESIDENT_VIEW (self), 0);
  return self->resident_id;
}

JyStore *
jy_resident_view_get_store (JyResidentView *self)
{
  g_return_val_if_fail (JY_IS_RESIDENT_VIEW (self), NULL);
  return self->store;
}

/* Whether everything is on the page: the timeline and chronic care too
 * (the bench and tests wait for it). */
gboolean
jy_resident_view_is_complete (JyResidentView *self)
{
  g_return_val_if_fail (JY_IS_RESIDENT_VIEW (self), FALSE);
  return self->detail != NULL && self->rest_shown && jy_chronic_section_is_loaded (self->chronic_section);
}

/* Returns: (nullable): what the page shows, NULL while loading. */
const JyResidentDetail *
jy_resident_view_get_detail (JyResidentView *self)
{
  g_return_val_if_fail (JY_IS_RESIDENT_VIEW (self), NULL);
  return self->detail;
}

/* A dialog saved (or failed to): the message becomes a toast. */
void
jy_resident_view_changed (JyResidentView *self,
                          const char     *message)
{
  g_return_if_fail (JY_IS_RESIDENT_VIEW (self));
  g_signal_emit (self, signals[CHANGED], 0, message);
}

static void
household_row_activated_cb (JyResidentView *self,
                            GtkListBoxRow  *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "resident-id");

  if (id != NULL)
    g_signal_emit (self, signals[OPEN_RESIDENT], 0, *id);
}

/* The contract card saved something: the timeline shows it, the window
 * the toast. */
static void
contract_changed_cb (JyResidentView *self,
                     const char     *toast)
{
  jy_resident_view_reload (self);
  if (toast != NULL)
    g_signal_emit (self, signals[CHANGED], 0, toast);
}

/* The home-bed section saved and reloaded: the timeline shows the new
 * application, assessment, bed or discharge too. */
static void
home_bed_changed_cb (JyResidentView *self)
{
  jy_resident_view_reload (self);
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

static void
jy_resident_view_dispose (GObject *object)
{
  JyResidentView *self = (JyResidentView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  cancel_rest (self);
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
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, timeline_more_button);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, chronic_section);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, home_bed_section);
  g_type_ensure (JY_TYPE_CHRONIC_SECTION);
  g_type_ensure (JY_TYPE_HOME_BED_SECTION);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, contract_section);
  g_type_ensure (JY_TYPE_CONTRACT_SECTION);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, error_status);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, retire_button);
  gtk_widget_class_bind_template_child (widget_class, JyResidentView, change_team_button);
  gtk_widget_class_bind_template_callback (widget_class, household_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, timeline_more_clicked_cb);

  gtk_widget_class_install_action (widget_class, "resident.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "resident.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "resident.retire", NULL, jy_resident_view_retire_action);
  gtk_widget_class_install_action (widget_class, "resident.change-team", NULL, jy_resident_view_change_team_action);
  gtk_widget_class_install_action (widget_class, "resident.add-family-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "resident.add-tag", NULL, jy_resident_view_add_tag_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "resident.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "resident.edit", NULL);
}

static void
jy_resident_view_init (JyResidentView *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->contract_section, "changed", G_CALLBACK (contract_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->home_bed_section, "changed", G_CALLBACK (home_bed_changed_cb), self,
                           G_CONNECT_SWAPPED);

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
