/* jy-long-rx-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-long-rx-page.h"
#include "jy-drug-catalogue-window.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-gui-format.h"
#include "jy-long-rx-actions.h"
#include "jy-long-rx-work-item.h"

/* Up to this many rows a list; GtkListView keeps only the visible ones
 * as widgets. */
#define PAGE_LIMIT 2000

struct _JyLongRxPage
{
  AdwBin             parent_instance;

  GtkBox            *kind_box;
  GtkDropDown       *team_dropdown;
  GtkDropDown       *doctor_dropdown;
  GtkLabel          *explain_label;
  GtkStack          *state_stack;
  GtkSpinner        *spinner;
  GtkListView       *list_view;
  GtkLabel          *more_label;
  AdwStatusPage     *empty_status;
  AdwStatusPage     *error_status;

  GtkToggleButton   *kind_buttons[JY_LONG_RX_WORKLIST_N];
  GListStore        *items;
  JyStore           *store;
  GCancellable      *list_cancellable;
  GCancellable      *counts_cancellable;
  GArray            *team_ids;
  GArray            *doctor_ids;
  JyLongRxWorklistKind kind;
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (JyLongRxPage, jy_long_rx_page, ADW_TYPE_BIN)

enum { OPEN_RESIDENT, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
kind_label (JyLongRxWorklistKind kind)
{
  switch (kind)
    {
    case JY_LONG_RX_WORKLIST_DUE: return _("Instalments Due");
    case JY_LONG_RX_WORKLIST_REVIEW: return _("Reviews Due");
    case JY_LONG_RX_WORKLIST_EXPIRING: return _("Expiring");
    case JY_LONG_RX_WORKLIST_N:
    default: g_return_val_if_reached ("");
    }
}

static const char *
kind_explanation (JyLongRxWorklistKind kind)
{
  switch (kind)
    {
    case JY_LONG_RX_WORKLIST_DUE:
      return _("The next instalment is due by Sunday, or overdue; it may be handed out from 7 days before the last supply runs out.");
    case JY_LONG_RX_WORKLIST_REVIEW:
      return _("The patient should be back for a review (复诊) by Sunday: at the latest when the supply ends.");
    case JY_LONG_RX_WORKLIST_EXPIRING:
      return _("The supply ends within 14 days: review, then renew or stop.");
    case JY_LONG_RX_WORKLIST_N:
    default: g_return_val_if_reached ("");
    }
}

static const char *
kind_empty_title (JyLongRxWorklistKind kind)
{
  switch (kind)
    {
    case JY_LONG_RX_WORKLIST_DUE: return _("No Instalments Due This Week");
    case JY_LONG_RX_WORKLIST_REVIEW: return _("No Reviews Due This Week");
    case JY_LONG_RX_WORKLIST_EXPIRING: return _("No Prescriptions Expiring");
    case JY_LONG_RX_WORKLIST_N:
    default: g_return_val_if_reached ("");
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

static JyLongRxWorklistQuery *
new_query (JyLongRxPage         *self,
           JyLongRxWorklistKind  kind)
{
  JyLongRxWorklistQuery *query = g_new0 (JyLongRxWorklistQuery, 1);

  jy_long_rx_worklist_query_init (query, kind);
  query->team_id = selected_id (self->team_dropdown, self->team_ids);
  query->doctor_id = selected_id (self->doctor_dropdown, self->doctor_ids);
  query->limit = PAGE_LIMIT;
  return query;
}

/* Rows --------------------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              JyLongRxPage             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *due = gtk_label_new (NULL);
  GtkWidget *dispense = gtk_button_new_with_mnemonic (_("_Dispense…"));
  GtkWidget *card = gtk_button_new_with_mnemonic (_("_Card"));
  GtkWidget *more = gtk_menu_button_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (due, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (dispense, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (card, GTK_ALIGN_CENTER);
  /* A target first: the action takes one (set per row in bind). */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (dispense), g_variant_new_int64 (0));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (card), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (dispense), "longrx.dispense");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (card), "longrx.print-card");
  g_object_set (box, "margin-top", 6, "margin-bottom", 6, "margin-start", 6, "margin-end", 6, NULL);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), due);
  gtk_box_append (GTK_BOX (box), dispense);
  gtk_box_append (GTK_BOX (box), card);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (more, _("More"));
  gtk_box_append (GTK_BOX (box), more);
  g_object_set_data (G_OBJECT (box), "more", more);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "due", due);
  g_object_set_data (G_OBJECT (box), "dispense", dispense);
  g_object_set_data (G_OBJECT (box), "card", card);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             JyLongRxPage             *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  const JyLongRxWorklistRow *row = jy_long_rx_work_item_get_row (gtk_list_item_get_item (item));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *due = NULL;
  GtkWidget *due_label = g_object_get_data (G_OBJECT (box), "due");

  /* Translators: a worklist row: name, sex, age */
  title = g_strdup_printf (_("%1$s · %2$s · %3$d"), row->name, jy_gui_format_sex (row->sex), row->age);
  /* Translators: drugs · prescription number · team · doctor */
  subtitle = g_strdup_printf ("%s · %s · %s · %s", row->drugs != NULL ? row->drugs : "", row->rx_no,
                              row->team_name != NULL ? row->team_name : "",
                              row->doctor_name != NULL ? row->doctor_name : "");
  if (self->kind == JY_LONG_RX_WORKLIST_DUE)
    /* Translators: instalment %1$d of %2$d, due on a date */
    due = g_strdup_printf (_("Instalment %1$d of %2$d · %3$s"), row->next_instalment, row->instalments, row->due_date);
  else if (self->kind == JY_LONG_RX_WORKLIST_REVIEW)
    due = g_strdup_printf (_("Review by %s"), row->due_date);
  else
    due = g_strdup_printf (_("Supply ends %s"), row->due_date);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "title"), title);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "subtitle"), subtitle);
  gtk_label_set_label (GTK_LABEL (due_label), due);
  if (row->days_left < 0)
    gtk_widget_add_css_class (due_label, "error");
  else
    gtk_widget_remove_css_class (due_label, "error");
  gtk_actionable_set_action_target_value (g_object_get_data (G_OBJECT (box), "dispense"),
                                          g_variant_new_int64 (row->long_rx_id));
  gtk_actionable_set_action_target_value (g_object_get_data (G_OBJECT (box), "card"),
                                          g_variant_new_int64 (row->long_rx_id));
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (box), "dispense"), row->next_instalment > 0);
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenuItem) renew = g_menu_item_new (_("_Renew…"), NULL);
    g_autoptr(GMenuItem) stop = g_menu_item_new (_("_Stop…"), NULL);
    g_autoptr(GMenuItem) review = g_menu_item_new (_("Re_view…"), NULL);
    g_autoptr(GMenuItem) slip = g_menu_item_new (_("Print _Slip…"), NULL);

    g_menu_item_set_action_and_target_value (renew, "longrx.renew", g_variant_new_int64 (row->long_rx_id));
    g_menu_item_set_action_and_target_value (stop, "longrx.stop", g_variant_new_int64 (row->long_rx_id));
    g_menu_item_set_action_and_target_value (review, "longrx.review", g_variant_new_int64 (row->long_rx_id));
    g_menu_item_set_action_and_target_value (slip, "longrx.print-slip", g_variant_new_int64 (row->long_rx_id));
    g_menu_append_item (menu, slip);
    g_menu_append_item (menu, review);
    g_menu_append_item (menu, renew);
    g_menu_append_item (menu, stop);
    gtk_menu_button_set_menu_model (g_object_get_data (G_OBJECT (box), "more"), G_MENU_MODEL (menu));
  }
}

/* Loading ------------------------------------------------------------------------ */

static void
list_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JyLongRxPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRxWorklistPage) page = jy_store_read_finish (JY_STORE (object), result, &error);
  g_autoptr(GPtrArray) items = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  if (page == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      g_warning ("Could not load a long-prescription worklist: %s", error->message);
      adw_status_page_set_description (self->error_status, message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_set_free_func (page->rows, NULL);
  for (guint i = 0; i < page->rows->len; i++)
    g_ptr_array_add (items, jy_long_rx_work_item_new (g_ptr_array_index (page->rows, i)));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  if (page->rows->len == 0)
    {
      adw_status_page_set_title (self->empty_status, kind_empty_title (self->kind));
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->state_stack, "list");
  if (page->total > page->rows->len)
    {
      g_autofree char *more = g_strdup_printf (_("Showing the first %u of %u prescriptions."),
                                               page->rows->len, (guint) page->total);
      gtk_label_set_label (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), page->total > page->rows->len);
}

static void
load_list (JyLongRxPage *self)
{
  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();

  gtk_label_set_label (self->explain_label, kind_explanation (self->kind));
  gtk_spinner_start (self->spinner);
  jy_store_read_async (self->store, jy_long_rx_worklist_load_func, new_query (self, self->kind), g_free,
                       (GDestroyNotify) jy_long_rx_worklist_page_free, self->list_cancellable,
                       list_loaded_cb, g_object_ref (self));
}

static void
counts_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JyLongRxPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree JyLongRxWorklistCounts *counts = jy_store_read_finish (JY_STORE (object), result, &error);
  gint64 values[JY_LONG_RX_WORKLIST_N];

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the long-prescription worklists: %s", error->message);
      return;
    }
  values[JY_LONG_RX_WORKLIST_DUE] = counts->due;
  values[JY_LONG_RX_WORKLIST_REVIEW] = counts->review;
  values[JY_LONG_RX_WORKLIST_EXPIRING] = counts->expiring;
  for (guint k = 0; k < JY_LONG_RX_WORKLIST_N; k++)
    {
      g_autofree char *label = g_strdup_printf ("%s  %" G_GINT64_FORMAT, kind_label (k), values[k]);

      gtk_button_set_label (GTK_BUTTON (self->kind_buttons[k]), label);
    }
}

static void
load_counts (JyLongRxPage *self)
{
  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  self->counts_cancellable = g_cancellable_new ();
  jy_store_read_async (self->store, jy_long_rx_worklist_count_func, new_query (self, self->kind),
                       g_free, g_free, self->counts_cancellable, counts_loaded_cb, g_object_ref (self));
}

static void update_catalogue_action (JyLongRxPage *self);

void
jy_long_rx_page_reload (JyLongRxPage *self)
{
  g_return_if_fail (JY_IS_LONG_RX_PAGE (self));
  update_catalogue_action (self);
  load_counts (self);
  load_list (self);
}

static void
filter_changed_cb (JyLongRxPage *self)
{
  if (!self->filling)
    jy_long_rx_page_reload (self);
}

static void
choices_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(JyLongRxPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyCentreChoices) choices = jy_store_read_finish (JY_STORE (object), result, &error);
  g_autoptr(GtkStringList) teams = NULL;
  g_autoptr(GtkStringList) doctors = NULL;
  gint64 all = 0;

  if (choices == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load teams and doctors: %s", error->message);
      return;
    }
  teams = gtk_string_list_new (NULL);
  doctors = gtk_string_list_new (NULL);
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

      if (g_strcmp0 (staff->role, "doctor") != 0 && g_strcmp0 (staff->role, "specialist") != 0)
        continue;
      gtk_string_list_append (doctors, staff->name);
      g_array_append_val (self->doctor_ids, staff->id);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (teams));
  gtk_drop_down_set_model (self->doctor_dropdown, G_LIST_MODEL (doctors));
  self->filling = FALSE;
}

void
jy_long_rx_page_set_store (JyLongRxPage *self,
                           JyStore      *store)
{
  g_return_if_fail (JY_IS_LONG_RX_PAGE (self));
  if (!g_set_object (&self->store, store) || store == NULL)
    return;
  jy_store_read_async (store, jy_centre_store_load_choices, NULL, NULL,
                       (GDestroyNotify) jy_centre_choices_free, self->counts_cancellable,
                       choices_loaded_cb, g_object_ref (self));
  jy_long_rx_page_reload (self);
}

void
jy_long_rx_page_show_kind (JyLongRxPage         *self,
                           JyLongRxWorklistKind  kind)
{
  g_return_if_fail (JY_IS_LONG_RX_PAGE (self));
  g_return_if_fail (kind < JY_LONG_RX_WORKLIST_N);
  gtk_toggle_button_set_active (self->kind_buttons[kind], TRUE);
}

guint
jy_long_rx_page_get_n_rows (JyLongRxPage *self)
{
  g_return_val_if_fail (JY_IS_LONG_RX_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

static void
kind_toggled_cb (GtkToggleButton *button,
                 JyLongRxPage    *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kind"));
  load_list (self);
}

static void
row_activated_cb (JyLongRxPage *self,
                  guint         position)
{
  g_autoptr(JyLongRxWorkItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL)
    g_signal_emit (self, signals[OPEN_RESIDENT], 0, jy_long_rx_work_item_get_row (item)->resident_id);
}

static GtkWindow *
parent_window (JyLongRxPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
changed_cb (gpointer user_data)
{
  jy_long_rx_page_reload (JY_LONG_RX_PAGE (user_data));
}

static void
dispense_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JyLongRxPage *self = JY_LONG_RX_PAGE (widget);

  if (self->store != NULL)
    jy_long_rx_open_dispense (parent_window (self), self->store, g_variant_get_int64 (parameter),
                              changed_cb, self);
}

static void
print_card_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JyLongRxPage *self = JY_LONG_RX_PAGE (widget);

  if (self->store != NULL)
    jy_long_rx_print (parent_window (self), self->store, g_variant_get_int64 (parameter), TRUE, NULL);
}

static void
print_slip_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JyLongRxPage *self = JY_LONG_RX_PAGE (widget);

  if (self->store != NULL)
    jy_long_rx_print (parent_window (self), self->store, g_variant_get_int64 (parameter), FALSE, NULL);
}

static void
lifecycle_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JyLongRxPage *self = JY_LONG_RX_PAGE (widget);

  if (self->store != NULL)
    jy_long_rx_open_lifecycle (parent_window (self), self->store, g_variant_get_int64 (parameter),
                               g_str_equal (action_name, "longrx.renew"), changed_cb, self);
}

/* Administrators only (the store checks again). */
static void
update_catalogue_action (JyLongRxPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "longrx.catalogue",
                                 self->store != NULL &&
                                 jy_store_session_can (self->store, JY_PERMISSION_DRUG_CATALOGUE));
}

static void
catalogue_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JyLongRxPage *self = JY_LONG_RX_PAGE (widget);

  update_catalogue_action (self);
  if (self->store != NULL && jy_store_session_can (self->store, JY_PERMISSION_DRUG_CATALOGUE))
    gtk_window_present (GTK_WINDOW (jy_drug_catalogue_window_new (parent_window (self), self->store)));
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JyLongRxPage *self = JY_LONG_RX_PAGE (widget);

  if (self->store != NULL)
    jy_long_rx_open_review (parent_window (self), self->store, g_variant_get_int64 (parameter), 0,
                            changed_cb, self);
}

static void
jy_long_rx_page_dispose (GObject *object)
{
  JyLongRxPage *self = JY_LONG_RX_PAGE (object);

  g_cancellable_cancel (self->list_cancellable);
  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->counts_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->items);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->doctor_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_LONG_RX_PAGE);
  G_OBJECT_CLASS (jy_long_rx_page_parent_class)->dispose (object);
}

static void
jy_long_rx_page_class_init (JyLongRxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_long_rx_page_dispose;
  signals[OPEN_RESIDENT] = g_signal_new ("open-resident", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-long-rx-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JyLongRxPage, kind_box);
  gtk_widget_class_bind_template_child (widget_class, JyLongRxPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyLongRxPage, doctor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyLongRxPage, explain_label);
  gtk_widget_class_bind_template_child (widget_class, JyLongRxPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JyLongRxPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JyLongRxPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, JyLongRxPage, more_label);
  gtk_widget_class_bind_template_child (widget_class, JyLongRxPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, JyLongRxPage, error_status);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "longrx.dispense", "x", dispense_action);
  gtk_widget_class_install_action (widget_class, "longrx.print-card", "x", print_card_action);
  gtk_widget_class_install_action (widget_class, "longrx.print-slip", "x", print_slip_action);
  gtk_widget_class_install_action (widget_class, "longrx.renew", "x", lifecycle_action);
  gtk_widget_class_install_action (widget_class, "longrx.stop", "x", lifecycle_action);
  gtk_widget_class_install_action (widget_class, "longrx.review", "x", review_action);
  gtk_widget_class_install_action (widget_class, "longrx.catalogue", NULL, catalogue_action);
}

static void
jy_long_rx_page_init (JyLongRxPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->doctor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_list_store_new (JY_TYPE_LONG_RX_WORK_ITEM);
  self->kind = JY_LONG_RX_WORKLIST_DUE;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->list_view, factory);

  for (guint k = 0; k < JY_LONG_RX_WORKLIST_N; k++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (kind_label (k));

      g_object_set_data (G_OBJECT (button), "kind", GUINT_TO_POINTER (k));
      if (k > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->kind_buttons[0]);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), k == JY_LONG_RX_WORKLIST_DUE);
      g_signal_connect (button, "toggled", G_CALLBACK (kind_toggled_cb), self);
      gtk_box_append (self->kind_box, button);
      self->kind_buttons[k] = GTK_TOGGLE_BUTTON (button);
    }
}
