/* jy-residents-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-residents-page-private.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-key-population.h"
#include "jy-import-window.h"
#include "jy-resident-columns.h"
#include "jy-resident-editor.h"
#include "jy-resident-item.h"
#include "jy-resident-list-model.h"
#include "jy-resident-search.h"
#include "jy-resident-store.h"
#include "jy-resident-view.h"

/* Two screens of matches: enough to find anyone by a few letters, few
 * enough that each keystroke's rows are ready within a frame. More means
 * type more; the list says so. */
#define SEARCH_LIMIT 50


G_DEFINE_FINAL_TYPE (JyResidentsPage, jy_residents_page, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  RESULTS_SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
jy_residents_page_toast (JyResidentsPage *self,
       const char      *text)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, text);
}


static GtkListView *
shown_view (JyResidentsPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->lists_stack);

  return g_strcmp0 (name, "search") == 0 ? self->search_view : self->browse_view;
}

static void
show_view (JyResidentsPage *self,
           gboolean         search)
{
  gtk_stack_set_visible_child_name (self->lists_stack, search ? "search" : "browse");
}

/* New rows reuse the old ones in place: start at the top, first row selected. */
static void
scroll_to_top (GtkListView        *view,
               GtkSingleSelection *selection)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
  if (g_list_model_get_n_items (G_LIST_MODEL (selection)) > 0)
    gtk_single_selection_set_selected (selection, 0);
}

static void
show_listing (JyResidentsPage         *self,
              const JyResidentListing *listing)
{
  GArray *ids = listing->ids;
  g_autofree char *count = NULL;

  self->n_matches = ids->len;
  if (self->query != NULL)
    {
      jy_resident_list_model_set_listing (self->search_model, listing);
      scroll_to_top (self->search_view, self->search_selection);
      show_view (self, TRUE);
    }
  else
    {
      jy_resident_list_model_set_listing (self->browse_model, listing);
      scroll_to_top (self->browse_view, self->browse_selection);
      show_view (self, FALSE);
      self->browse_loaded = TRUE;
    }

  if (self->query != NULL && listing->more)
    /* Translators: the search found more residents than the list shows; %u is how many it shows */
    count = g_strdup_printf (ngettext ("First %u match", "First %u matches", ids->len), ids->len);
  else if (self->query != NULL)
    /* Translators: %u is the number of residents that match the search */
    count = g_strdup_printf (ngettext ("%u match", "%u matches", ids->len), ids->len);
  else
    /* Translators: %u is the number of residents in the list */
    count = g_strdup_printf (ngettext ("%u resident", "%u residents", ids->len), ids->len);
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (self->more_label, self->query != NULL && listing->more);

  if (ids->len > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (self->query != NULL)
    {
      adw_status_page_set_title (self->empty_status, _("No Resident Found"));
      adw_status_page_set_description (self->empty_status,
                                       _("Try the name in pinyin initials (wxy), the last 4 digits of the ID number or phone, or the health record number."));
    }
  else
    {
      adw_status_page_set_title (self->empty_status, _("No Residents Here"));
      adw_status_page_set_description (self->empty_status,
                                       _("No resident matches these filters. Add one with “New Resident”."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
ids_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(JyResidentsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResidentListing) listing = jy_store_read_finish (JY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (listing == NULL)
    {
      self->open_when_loaded = FALSE;
      g_warning ("Could not list residents: %s", error->message);
      adw_status_page_set_description (self->error_status, _("Try again, or restart Jiayi if it keeps happening."));
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      return;
    }

  show_listing (self, listing);
  g_signal_emit (self, signals[RESULTS_SHOWN], 0);

  if (self->open_when_loaded)
    {
      self->open_when_loaded = FALSE;
      jy_residents_page_open_first (self);
    }
}

/* Workers: the ids, and the first rows read in the same job, so a
 * keystroke's rows are filled in when they appear. */
static gpointer
search_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  /* One more than are shown, to know whether there are more. */
  g_autoptr(GArray) ids = jy_resident_search (db, data, 0, SEARCH_LIMIT + 1, cancellable, error);
  gboolean more;
  JyResidentListing *listing;

  if (ids == NULL)
    return NULL;
  more = ids->len > SEARCH_LIMIT;
  if (more)
    g_array_set_size (ids, SEARCH_LIMIT);
  listing = jy_resident_listing_load (db, ids, error);
  if (listing != NULL)
    listing->more = more;
  return listing;
}

static gpointer
list_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GArray) ids = jy_resident_store_list_ids (db, data, cancellable, error);

  return ids != NULL ? jy_resident_listing_load (db, ids, error) : NULL;
}

JyResidentFilter *
jy_residents_page_current_filter (JyResidentsPage *self)
{
  JyResidentFilter *filter = g_new0 (JyResidentFilter, 1);
  guint area = gtk_drop_down_get_selected (self->area_dropdown);
  guint team = gtk_drop_down_get_selected (self->team_dropdown);

  /* Position 0 of both drop-downs is "all". */
  if (self->choices != NULL && area != GTK_INVALID_LIST_POSITION && area > 0 &&
      area - 1 < self->choices->areas->len)
    filter->area_prefix = g_strdup (((JyAreaChoice *)g_ptr_array_index (self->choices->areas, area - 1))->code);
  if (self->choices != NULL && team != GTK_INVALID_LIST_POSITION && team > 0 &&
      team - 1 < self->choices->teams->len)
    filter->team_id = ((JyTeamChoice *)g_ptr_array_index (self->choices->teams, team - 1))->id;
  filter->include_retired = gtk_check_button_get_active (self->retired_check);
  {
    guint population = gtk_drop_down_get_selected (self->population_dropdown);

    /* Position 0 is everyone; the rest follow JyKeyPopulation's order. */
    if (population != GTK_INVALID_LIST_POSITION && population > 0 && population - 1 < JY_KEY_POPULATION_N)
      filter->key_population = g_strdup (jy_key_population_to_string (population - 1));
  }
  filter->sort = (JyResidentSort)gtk_drop_down_get_selected (self->sort_dropdown);
  return filter;
}

void
jy_residents_page_reload_list (JyResidentsPage *self)
{
  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();

  self->loading = TRUE;
  /* Keep the old rows up while the new ones come: no flicker per keystroke. */
  if (self->n_matches == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");

  if (self->query != NULL)
    jy_store_read_async (self->store, search_func, g_strdup (self->query), g_free,
                         (GDestroyNotify)jy_resident_listing_free, self->list_cancellable,
                         ids_loaded_cb, g_object_ref (self));
  else
    jy_store_read_async (self->store, list_func, jy_residents_page_current_filter (self),
                         (GDestroyNotify)jy_resident_filter_free, (GDestroyNotify)jy_resident_listing_free,
                         self->list_cancellable, ids_loaded_cb, g_object_ref (self));
}

static void
filter_changed_cb (JyResidentsPage *self)
{
  /* Filters apply to the browsing list; a search ranks the whole centre. */
  self->browse_loaded = FALSE;
  if (self->query == NULL)
    jy_residents_page_reload_list (self);
}

/* Back from a search: the browse list is still there, as it was. */
static gboolean
show_browse_list (JyResidentsPage *self)
{
  if (!self->browse_loaded)
    return FALSE;

  g_cancellable_cancel (self->list_cancellable);
  self->loading = FALSE;
  /* The search view keeps its (at most SEARCH_LIMIT) rows, hidden: the
   * next search's results take them over. */
  show_view (self, FALSE);
  self->n_matches = g_list_model_get_n_items (G_LIST_MODEL (self->browse_model));
  {
    g_autofree char *count = g_strdup_printf (ngettext ("%u resident", "%u residents", self->n_matches),
                                              self->n_matches);

    gtk_label_set_label (self->count_label, count);
  }
  gtk_widget_set_visible (self->more_label, FALSE);
  gtk_stack_set_visible_child_name (self->list_stack, self->n_matches > 0 ? "list" : "empty");
  g_signal_emit (self, signals[RESULTS_SHOWN], 0);
  return TRUE;
}

static gboolean
browse_timeout_cb (gpointer user_data)
{
  JyResidentsPage *self = user_data;

  self->browse_timeout_id = 0;
  jy_residents_page_reload_list (self);
  return G_SOURCE_REMOVE;
}

void
jy_residents_page_search (JyResidentsPage *self,
                          const char      *text)
{
  g_autofree char *query = NULL;

  g_return_if_fail (JY_IS_RESIDENTS_PAGE (self));

  query = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (query[0] == '\0')
    g_clear_pointer (&query, g_free);
  if (g_strcmp0 (query, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  self->open_when_loaded = FALSE;
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  g_clear_handle_id (&self->browse_timeout_id, g_source_remove);

  /* Replacing the text passes through "" (select all, type): listing the
   * whole centre then would compete with the search typed a moment later. */
  if (self->query == NULL)
    {
      if (show_browse_list (self))
        return;
      g_cancellable_cancel (self->list_cancellable);
      self->browse_timeout_id = g_timeout_add (100, browse_timeout_cb, self);
      return;
    }
  jy_residents_page_reload_list (self);
}

static void
fill_dropdown (GtkDropDown *dropdown,
               const char  *all_label,
               GPtrArray   *choices,
               gboolean     areas)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all_label);
  for (guint i = 0; i < choices->len; i++)
    {
      if (areas)
        {
          JyAreaChoice *area = g_ptr_array_index (choices, i);
          g_autofree char *label = area->level >= 5 ? g_strconcat ("    ", area->name, NULL)
                                                    : g_strdup (area->name);

          gtk_string_list_append (list, label);
        }
      else
        gtk_string_list_append (list, ((JyTeamChoice *)g_ptr_array_index (choices, i))->name);
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
choices_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(JyResidentsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  JyCentreChoices *choices = jy_store_read_finish (JY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (choices == NULL)
    {
      g_warning ("Could not load the centre's areas and teams: %s", error->message);
      return;
    }

  g_clear_pointer (&self->choices, jy_centre_choices_free);
  self->choices = choices;
  /* Setting the models resets the selection, which reloads the list once. */
  g_signal_handlers_block_by_func (self->area_dropdown, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->team_dropdown, filter_changed_cb, self);
  fill_dropdown (self->area_dropdown, _("All communities"), choices->areas, TRUE);
  fill_dropdown (self->team_dropdown, _("All teams"), choices->teams, FALSE);
  g_signal_handlers_unblock_by_func (self->area_dropdown, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->team_dropdown, filter_changed_cb, self);
}

void
jy_residents_page_set_store (JyResidentsPage *self,
                             JyStore         *store)
{
  g_return_if_fail (JY_IS_RESIDENTS_PAGE (self));
  g_return_if_fail (JY_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_clear_object (&self->browse_model);
  g_clear_object (&self->search_model);
  self->browse_model = jy_resident_list_model_new (store);
  self->search_model = jy_resident_list_model_new (store);
  gtk_single_selection_set_model (self->browse_selection, G_LIST_MODEL (self->browse_model));
  gtk_single_selection_set_model (self->search_selection, G_LIST_MODEL (self->search_model));
  self->browse_loaded = FALSE;

  g_cancellable_cancel (self->choices_cancellable);
  g_clear_object (&self->choices_cancellable);
  self->choices_cancellable = g_cancellable_new ();
  jy_store_read_async (store, jy_centre_store_load_choices, NULL, NULL,
                       (GDestroyNotify)jy_centre_choices_free, self->choices_cancellable,
                       choices_loaded_cb, g_object_ref (self));
  jy_residents_page_reload_list (self);
}

void
jy_residents_page_open_resident (JyResidentsPage *self,
                                 gint64           resident_id)
{
  g_return_if_fail (JY_IS_RESIDENTS_PAGE (self));

  if (self->store == NULL || resident_id <= 0)
    return;
  /* The store would refuse it; say so before it has to. */
  if (!jy_store_session_can (self->store, JY_PERMISSION_RESIDENT_VIEW))
    {
      jy_residents_page_toast (self, _("Your role lists residents but does not open their records"));
      return;
    }

  jy_resident_view_show (self->resident_view, self->store, resident_id);
  gtk_stack_set_visible_child_name (self->view_stack, "resident");
  gtk_widget_grab_focus (GTK_WIDGET (self->resident_view));
}

/* Back to the list, the record no longer on screen (sign-out, switch). */
void
jy_residents_page_close_resident (JyResidentsPage *self)
{
  g_return_if_fail (JY_IS_RESIDENTS_PAGE (self));

  gtk_stack_set_visible_child_name (self->view_stack, "list");
}

/* Enter in the search field: opens the best match of what was typed,
 * waiting for the search to finish if it is still running. */
void
jy_residents_page_activate_search (JyResidentsPage *self,
                                   const char      *text)
{
  g_return_if_fail (JY_IS_RESIDENTS_PAGE (self));

  jy_residents_page_search (self, text);
  if (self->query == NULL)
    return;
  if (self->loading)
    self->open_when_loaded = TRUE;
  else
    jy_residents_page_open_first (self);
}

static JyResidentListModel *
shown_model (JyResidentsPage *self)
{
  GtkSelectionModel *shown = gtk_list_view_get_model (shown_view (self));

  return shown == GTK_SELECTION_MODEL (self->search_selection) ? self->search_model : self->browse_model;
}

/* Returns: (transfer none): the model of search results (@search) or of
 * the browse list, for tests and the bench. */
GListModel *
jy_residents_page_get_model (JyResidentsPage *self,
                             gboolean         search)
{
  g_return_val_if_fail (JY_IS_RESIDENTS_PAGE (self), NULL);
  return G_LIST_MODEL (search ? self->search_model : self->browse_model);
}

gboolean
jy_residents_page_open_first (JyResidentsPage *self)
{
  g_return_val_if_fail (JY_IS_RESIDENTS_PAGE (self), FALSE);

  JyResidentListModel *model = shown_model (self);

  if (model == NULL || g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    return FALSE;
  jy_residents_page_open_resident (self, jy_resident_list_model_get_id (model, 0));
  return TRUE;
}

static void
row_activated_cb (JyResidentsPage *self,
                  guint            position)
{
  jy_residents_page_open_resident (self, jy_resident_list_model_get_id (shown_model (self), position));
}

void
jy_residents_page_refresh_resident (JyResidentsPage *self,
                                    gint64           resident_id)
{
  g_return_if_fail (JY_IS_RESIDENTS_PAGE (self));

  /* Only the record on screen needs reading again. */
  if (jy_resident_view_get_resident_id (self->resident_view) == resident_id)
    jy_resident_view_reload (self->resident_view);
}

static void
resident_view_close_cb (JyResidentsPage *self)
{
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (shown_view (self)));
}

static void
resident_view_open_cb (JyResidentsPage *self,
                       gint64           resident_id)
{
  jy_residents_page_open_resident (self, resident_id);
}

static void
editor_saved_cb (JyResidentsPage *self,
                 gint64           resident_id)
{
  jy_residents_page_toast (self, _("Resident saved"));
  jy_residents_page_reload_list (self);
  jy_residents_page_open_resident (self, resident_id);
}

static void
open_editor (JyResidentsPage *self,
             gint64           resident_id)
{
  JyResidentEditor *editor;

  if (self->store == NULL)
    return;

  editor = jy_resident_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   self->store, resident_id, self->choices);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "open-resident", G_CALLBACK (resident_view_open_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
resident_view_edit_cb (JyResidentsPage *self,
                       gint64           resident_id)
{
  open_editor (self, resident_id);
}

static void
resident_view_add_member_cb (JyResidentsPage *self,
                             gint64           resident_id)
{
  JyResidentEditor *editor;

  editor = jy_resident_editor_new_family_member (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                 self->store, resident_id, self->choices);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
resident_view_changed_cb (JyResidentsPage *self,
                          const char      *message)
{
  jy_residents_page_toast (self, message);
  jy_residents_page_reload_list (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (JY_RESIDENTS_PAGE (widget), 0);
}

/* Import and export ---------------------------------------------------------- */

static void
jy_residents_page_dispose (GObject *object)
{
  JyResidentsPage *self = (JyResidentsPage *)object;

  g_clear_handle_id (&self->browse_timeout_id, g_source_remove);
  g_cancellable_cancel (self->list_cancellable);
  g_cancellable_cancel (self->choices_cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->choices_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_RESIDENTS_PAGE);
  g_clear_object (&self->browse_selection);
  g_clear_object (&self->search_selection);
  g_clear_object (&self->browse_model);
  g_clear_object (&self->search_model);
  g_clear_object (&self->store);
  g_clear_pointer (&self->choices, jy_centre_choices_free);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (jy_residents_page_parent_class)->dispose (object);
}

static void
jy_residents_page_class_init (JyResidentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_residents_page_dispose;

  /* Pages ask the window for toasts rather than reaching into it. */
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The list now holds the answer to the current query or filters. */
  signals[RESULTS_SHOWN] = g_signal_new ("results-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (JY_TYPE_RESIDENT_ROW_WIDGET);
  g_type_ensure (JY_TYPE_RESIDENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-residents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, population_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, retired_check);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, more_label);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, list_header);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, lists_stack);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, browse_view);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, search_view);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, JyResidentsPage, resident_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, resident_view_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, resident_view_open_cb);
  gtk_widget_class_bind_template_callback (widget_class, resident_view_edit_cb);

  gtk_widget_class_install_action (widget_class, "residents.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "residents.import", NULL, jy_residents_page_import_action);
  gtk_widget_class_install_action (widget_class, "residents.export", NULL, jy_residents_page_export_action);
}

static void
jy_residents_page_init (JyResidentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->browse_selection = gtk_single_selection_new (NULL);
  self->search_selection = gtk_single_selection_new (NULL);
  gtk_list_view_set_model (self->browse_view, GTK_SELECTION_MODEL (self->browse_selection));
  gtk_list_view_set_model (self->search_view, GTK_SELECTION_MODEL (self->search_selection));
  {
    g_autoptr(GtkListItemFactory) factory = jy_resident_columns_factory_new ();

    gtk_list_view_set_factory (self->browse_view, factory);
    gtk_list_view_set_factory (self->search_view, factory);
  }
  jy_resident_columns_set_titles (self->list_header);

  {
    g_autoptr(GtkStringList) populations = gtk_string_list_new (NULL);

    gtk_string_list_append (populations, _("All residents"));
    for (guint tag = 0; tag < JY_KEY_POPULATION_N; tag++)
      gtk_string_list_append (populations, jy_gui_format_key_population (tag));
    gtk_drop_down_set_model (self->population_dropdown, G_LIST_MODEL (populations));
  }


  g_signal_connect_object (self->resident_view, "changed", G_CALLBACK (resident_view_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->resident_view, "add-member", G_CALLBACK (resident_view_add_member_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->list_stack, "loading");
}
