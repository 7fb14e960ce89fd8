/* jy-contracts-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contracts-page.h"
#include "jy-contracts-page-private.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-contact-dialog.h"
#include "jy-contract-counts.h"
#include "jy-contract-labels.h"
#include "jy-contract-sign-dialog.h"
#include "jy-contract-worklist-item.h"
#include "jy-gui-format.h"
#include "jy-person.h"
#include "jy-quarter.h"
#include "jy-team-store.h"
#include "jy-teams-dialog.h"

/* Rows read per job: a page of the list arrives while the next is read. */
#define CHUNK 500

enum
{
  STAT_SIGNED,
  STAT_NEW,
  STAT_KEY_RATE,
  STAT_RENEWAL_RATE,
  STAT_CONTACT_RATE,
  N_STATS
};

struct _JyContractsPage
{
  AdwBin                  parent_instance;

  GtkBox                 *stats_box;
  GtkToggleButton        *not_contacted_button;
  GtkToggleButton        *expiring_button;
  GtkToggleButton        *elderly_button;
  GtkDropDown            *team_dropdown;
  GtkDropDown            *doctor_dropdown;
  GtkLabel               *total_label;
  GtkStack               *list_stack;
  GtkListView            *list_view;

  GtkLabel               *stat_values[N_STATS];

  JyStore                *store;
  GListStore             *model;
  GCancellable           *list_cancellable;
  GCancellable           *counts_cancellable;
  JyContractWorklistKind  kind;
  GPtrArray              *teams;       /* JyTeamRecord */
  GArray                 *team_ids;    /* dropdown position → id (0: all) */
  GArray                 *doctor_ids;
  gint64                  total;
  gint64                  signed_residents;
  gboolean                filling;
  gboolean                list_loaded;
  gboolean                counts_loaded;
};

G_DEFINE_FINAL_TYPE (JyContractsPage, jy_contracts_page, ADW_TYPE_BIN)

enum
{
  OPEN_RESIDENT,
  ADD_TOAST,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return ids != NULL && i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

static void
maybe_loaded (JyContractsPage *self)
{
  if (self->list_loaded && self->counts_loaded)
    g_signal_emit (self, signals[LOADED], 0);
}

/* --- The list, chunk by chunk ------------------------------------------- */

static void load_chunk (JyContractsPage *self,
                        guint            offset);

static void
chunk_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyContractsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContractWorklistPage) page = jy_store_read_finish (JY_STORE (object), result, &error);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;
  guint n_before;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (page == NULL)
    {
      g_warning ("Could not load a contract worklist: %s", error->message);
      gtk_label_set_label (self->total_label, _("The list could not be read."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }

  /* One splice per chunk: the view is told once. */
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < page->rows->len; i++)
    g_ptr_array_add (items, jy_contract_worklist_item_new (page->kind, g_ptr_array_index (page->rows, i)));
  g_ptr_array_set_free_func (page->rows, NULL);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_list_store_splice (self->model, n_before, 0, items->pdata, items->len);

  self->total = page->total;
  total = format_count (page->total);
  /* Translators: %s is a number of residents on a worklist */
  text = g_strdup_printf (ngettext ("%s resident", "%s residents", (gulong) page->total), total);
  gtk_label_set_label (self->total_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, page->total > 0 ? "list" : "empty");

  if (page->rows->len > 0 && g_list_model_get_n_items (G_LIST_MODEL (self->model)) < (guint) page->total)
    load_chunk (self, g_list_model_get_n_items (G_LIST_MODEL (self->model)));
  else if (!self->list_loaded)
    {
      self->list_loaded = TRUE;
      maybe_loaded (self);
    }
}

static void
load_chunk (JyContractsPage *self,
            guint            offset)
{
  JyContractWorklistQuery *query = g_new0 (JyContractWorklistQuery, 1);

  jy_worklist_query_init (query, self->kind);
  query->team_id = selected_id (self->team_dropdown, self->team_ids);
  query->doctor_id = selected_id (self->doctor_dropdown, self->doctor_ids);
  query->offset = offset;
  query->limit = CHUNK;
  jy_store_read_async (self->store, jy_contract_worklist_load_func, query, g_free,
                       (GDestroyNotify) jy_contract_worklist_page_free, self->list_cancellable,
                       chunk_loaded_cb, g_object_ref (self));
}

static void
load_list (JyContractsPage *self)
{
  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();
  self->list_loaded = FALSE;
  g_list_store_remove_all (self->model);
  gtk_stack_set_visible_child_name (self->list_stack, "loading");
  load_chunk (self, 0);
}

/* --- Counts --------------------------------------------------------------- */

typedef struct
{
  gint64                    team_id;
  gint64                    doctor_id;
  JyContractWorklistCounts *lists;
  JyContractIndicators      indicators;
} CountsData;

static void
counts_data_free (CountsData *data)
{
  g_free (data->lists);
  g_free (data);
}

static gpointer
counts_load (JyDb          *db,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  CountsData *data = user_data;
  CountsData *out = g_new0 (CountsData, 1);
  JyContractWorklistQuery query;
  g_autoptr(GDate) today = jy_clock_today_local ();
  JyIndicatorPeriod period;
  JyQuarter quarter;

  jy_worklist_query_init (&query, JY_CONTRACT_WORKLIST_NOT_CONTACTED);
  query.team_id = data->team_id;
  query.doctor_id = data->doctor_id;
  out->lists = jy_contract_worklist_count (db, &query, cancellable, error);
  if (out->lists == NULL)
    {
      counts_data_free (out);
      return NULL;
    }
  /* This month so far; contacts over the quarter so far (§2.6). */
  period.first = *today;
  g_date_set_day (&period.first, 1);
  period.last = *today;
  period.as_of = *today;
  jy_quarter_from_date (today, &quarter);
  jy_quarter_first_day (&quarter, &period.contact_first);
  if (!jy_contract_counts_compute (db, &period, data->team_id, &out->indicators, error))
    {
      counts_data_free (out);
      return NULL;
    }
  return out;
}

static void
set_stat (JyContractsPage *self,
          guint            stat,
          char            *value)
{
  gtk_label_set_label (self->stat_values[stat], value);
  g_free (value);
}

static void
toggle_label (GtkToggleButton        *button,
              JyContractWorklistKind  kind,
              gint64                  n)
{
  g_autofree char *count = format_count (n);
  /* Translators: a worklist and how many are on it, e.g. "本季度未联系 (12)" */
  g_autofree char *text = g_strdup_printf (_("%1$s (%2$s)"), jy_contract_worklist_title (kind), count);

  gtk_button_set_label (GTK_BUTTON (button), text);
}

static void
counts_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JyContractsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  CountsData *data = jy_store_read_finish (JY_STORE (object), result, &error);
  JyRate key, renewal, contact;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (data == NULL)
    {
      g_warning ("Could not count contracts: %s", error->message);
      return;
    }

  toggle_label (self->not_contacted_button, JY_CONTRACT_WORKLIST_NOT_CONTACTED, data->lists->not_contacted);
  toggle_label (self->expiring_button, JY_CONTRACT_WORKLIST_EXPIRING, data->lists->expiring);
  toggle_label (self->elderly_button, JY_CONTRACT_WORKLIST_ELDERLY_CHECK, data->lists->elderly_unchecked);

  self->signed_residents = data->indicators.signed_residents;
  key = jy_contract_indicators_key_population (&data->indicators);
  renewal = jy_contract_indicators_renewal (&data->indicators);
  contact = jy_contract_indicators_contact (&data->indicators);
  set_stat (self, STAT_SIGNED, format_count (data->indicators.signed_residents));
  set_stat (self, STAT_NEW, format_count (data->indicators.new_signings));
  set_stat (self, STAT_KEY_RATE, jy_rate_format (&key));
  set_stat (self, STAT_RENEWAL_RATE, jy_rate_format (&renewal));
  set_stat (self, STAT_CONTACT_RATE, jy_rate_format (&contact));
  counts_data_free (data);

  self->counts_loaded = TRUE;
  maybe_loaded (self);
}

static void
load_counts (JyContractsPage *self)
{
  CountsData *query = g_new0 (CountsData, 1);

  if (self->store == NULL)
    {
      g_free (query);
      return;
    }
  query->team_id = selected_id (self->team_dropdown, self->team_ids);
  query->doctor_id = selected_id (self->doctor_dropdown, self->doctor_ids);
  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  self->counts_cancellable = g_cancellable_new ();
  self->counts_loaded = FALSE;
  jy_store_read_async (self->store, counts_load, query, (GDestroyNotify) counts_data_free,
                       (GDestroyNotify) counts_data_free, self->counts_cancellable, counts_loaded_cb,
                       g_object_ref (self));
}

/* --- Filters ---------------------------------------------------------------- */

static void
fill_doctors (JyContractsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 team_id = selected_id (self->team_dropdown, self->team_ids);
  gint64 zero = 0;

  g_array_set_size (self->doctor_ids, 0);
  gtk_string_list_append (names, _("All doctors"));
  g_array_append_val (self->doctor_ids, zero);
  for (guint i = 0; self->teams != NULL && i < self->teams->len; i++)
    {
      JyTeamRecord *team = g_ptr_array_index (self->teams, i);

      if (team_id != 0 && team->id != team_id)
        continue;
      for (guint m = 0; m < team->members->len; m++)
        {
          JyTeamMemberRecord *member = g_ptr_array_index (team->members, m);

          if (member->current && jy_team_role_can_lead (member->role))
            {
              gtk_string_list_append (names, member->staff_name);
              g_array_append_val (self->doctor_ids, member->staff_id);
            }
        }
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->doctor_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->doctor_dropdown, 0);
  self->filling = FALSE;
}

static gpointer
teams_load (JyDb          *db,
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
  g_autoptr(JyContractsPage) self = user_data;
  GPtrArray *teams = jy_store_read_finish (JY_STORE (object), result, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 zero = 0;

  if (teams == NULL)
    return;
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  self->teams = teams;
  g_array_set_size (self->team_ids, 0);
  gtk_string_list_append (names, _("All teams"));
  g_array_append_val (self->team_ids, zero);
  for (guint i = 0; i < teams->len; i++)
    {
      JyTeamRecord *team = g_ptr_array_index (teams, i);

      gtk_string_list_append (names, team->name);
      g_array_append_val (self->team_ids, team->id);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->team_dropdown, 0);
  self->filling = FALSE;
  fill_doctors (self);
}

static void
filter_changed_cb (JyContractsPage *self)
{
  if (self->filling)
    return;
  load_list (self);
  load_counts (self);
}

static void
team_changed_cb (JyContractsPage *self)
{
  if (self->filling)
    return;
  fill_doctors (self);
  filter_changed_cb (self);
}

static void
kind_toggled_cb (JyContractsPage *self,
                 GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->kind = button == self->expiring_button ? JY_CONTRACT_WORKLIST_EXPIRING
             : button == self->elderly_button ? JY_CONTRACT_WORKLIST_ELDERLY_CHECK
             : JY_CONTRACT_WORKLIST_NOT_CONTACTED;
  if (!self->filling)
    load_list (self);
}

/* --- Row actions ----------------------------------------------------------- */

static JyContractWorklistRow *
find_row (JyContractsPage *self,
          gint64           resident_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JyContractWorklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      const JyContractWorklistRow *row = jy_contract_worklist_item_get_row (item);

      if (row->resident_id == resident_id)
        return (JyContractWorklistRow *) row;
    }
  return NULL;
}

static void
activate_cb (JyContractsPage *self,
             guint            position)
{
  g_autoptr(JyContractWorklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL)
    g_signal_emit (self, signals[OPEN_RESIDENT], 0, jy_contract_worklist_item_get_row (item)->resident_id);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_RESIDENT], 0, g_variant_get_int64 (parameter));
}

static void
saved_cb (JyContractsPage *self)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, _("Saved"));
  jy_contracts_page_reload (self);
}

static void
contact_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JyContractsPage *self = JY_CONTRACTS_PAGE (widget);
  JyContractWorklistRow *row = find_row (self, g_variant_get_int64 (parameter));
  JyContactDialog *dialog;
  g_autoptr(GDate) today = jy_clock_today_local ();
  GDate birth;

  if (row == NULL)
    return;
  dialog = jy_contact_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, row->resident_id, row->name,
                                  jy_person_parse_date (row->birth_date, &birth)
                                    ? (int) (g_date_get_year (today) - g_date_get_year (&birth)) : -1);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
renew_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JyContractsPage *self = JY_CONTRACTS_PAGE (widget);
  JyContractWorklistRow *row = find_row (self, g_variant_get_int64 (parameter));
  g_autoptr(JyResident) resident = NULL;
  JyContractSignDialog *dialog;

  if (row == NULL)
    return;
  resident = jy_resident_new ();
  resident->id = row->resident_id;
  resident->name = g_strdup (row->name);
  resident->sex = g_strdup (row->sex);
  resident->birth_date = g_strdup (row->birth_date);
  resident->team_id = row->team_id;
  /* The dialog carries the contract's packages over itself. */
  dialog = jy_contract_sign_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, resident, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
teams_changed_cb (JyContractsPage *self)
{
  jy_store_read_async (self->store, teams_load, NULL, NULL, (GDestroyNotify) g_ptr_array_unref, NULL,
                       teams_loaded_cb, g_object_ref (self));
}

static void
teams_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JyContractsPage *self = JY_CONTRACTS_PAGE (widget);
  JyTeamsDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = jy_teams_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (teams_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Public ------------------------------------------------------------------ */

void
jy_contracts_page_reload (JyContractsPage *self)
{
  g_return_if_fail (JY_IS_CONTRACTS_PAGE (self));

  if (self->store == NULL)
    return;
  load_list (self);
  load_counts (self);
}

void
jy_contracts_page_set_store (JyContractsPage *self,
                             JyStore         *store)
{
  g_return_if_fail (JY_IS_CONTRACTS_PAGE (self));

  if (!g_set_object (&self->store, store) || store == NULL)
    return;
  jy_store_read_async (store, teams_load, NULL, NULL, (GDestroyNotify) g_ptr_array_unref, NULL,
                       teams_loaded_cb, g_object_ref (self));
  /* Teams are the managers' and administrators' (the store checks again). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contracts.teams",
                                 jy_store_session_can (store, JY_PERMISSION_TEAM_MANAGE));
  /* The lists are read when the page is shown (map), not at sign-in. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    jy_contracts_page_reload (self);
}

void
jy_contracts_page_show_kind (JyContractsPage        *self,
                             JyContractWorklistKind  kind)
{
  GtkToggleButton *button;

  g_return_if_fail (JY_IS_CONTRACTS_PAGE (self));

  button = kind == JY_CONTRACT_WORKLIST_EXPIRING ? self->expiring_button
         : kind == JY_CONTRACT_WORKLIST_ELDERLY_CHECK ? self->elderly_button
         : self->not_contacted_button;
  if (gtk_toggle_button_get_active (button))
    jy_contracts_page_reload (self);
  else
    gtk_toggle_button_set_active (button, TRUE);
}

GListModel *
jy_contracts_page_get_model (JyContractsPage *self)
{
  return G_LIST_MODEL (self->model);
}

gint64
jy_contracts_page_get_total (JyContractsPage *self)
{
  return self->total;
}

gint64
jy_contracts_page_get_signed (JyContractsPage *self)
{
  return self->signed_residents;
}

gboolean
jy_contracts_page_is_loaded (JyContractsPage *self)
{
  return self->list_loaded && self->counts_loaded;
}

static void
map_cb (JyContractsPage *self)
{
  /* Whoever is signed in now. */
  if (self->store != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "contracts.teams",
                                   jy_store_session_can (self->store, JY_PERMISSION_TEAM_MANAGE));
  /* Back on the page: what was saved elsewhere shows. */
  jy_contracts_page_reload (self);
}

static void
jy_contracts_page_dispose (GObject *object)
{
  JyContractsPage *self = JY_CONTRACTS_PAGE (object);

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->model);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->doctor_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_CONTRACTS_PAGE);

  G_OBJECT_CLASS (jy_contracts_page_parent_class)->dispose (object);
}

static void
jy_contracts_page_class_init (JyContractsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_contracts_page_dispose;

  signals[OPEN_RESIDENT] = g_signal_new ("open-resident", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-contracts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JyContractsPage, stats_box);
  gtk_widget_class_bind_template_child (widget_class, JyContractsPage, not_contacted_button);
  gtk_widget_class_bind_template_child (widget_class, JyContractsPage, expiring_button);
  gtk_widget_class_bind_template_child (widget_class, JyContractsPage, elderly_button);
  gtk_widget_class_bind_template_child (widget_class, JyContractsPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyContractsPage, doctor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyContractsPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, JyContractsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, JyContractsPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, team_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "contracts.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "contracts.contact", "x", contact_action);
  gtk_widget_class_install_action (widget_class, "contracts.renew", "x", renew_action);
  gtk_widget_class_install_action (widget_class, "contracts.teams", NULL, teams_action);
}

static void
jy_contracts_page_init (JyContractsPage *self)
{
  static const char *const stat_titles[N_STATS] = {
    N_("Signed"), N_("New this month"), N_("Key populations signed"),
    N_("Renewed this month"), N_("Contacted this quarter"),
  };
  g_autoptr(GtkListItemFactory) factory = jy_contracts_page_row_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->model = g_list_store_new (JY_TYPE_CONTRACT_WORKLIST_ITEM);
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->doctor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->kind = JY_CONTRACT_WORKLIST_NOT_CONTACTED;

  for (guint i = 0; i < N_STATS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("—");
      GtkWidget *title = gtk_label_new (_(stat_titles[i]));

      gtk_widget_add_css_class (box, "card");
      g_object_set (box, "margin-top", 0, NULL);
      gtk_widget_add_css_class (value, "title-2");
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (title, "dim-label");
      g_object_set (value, "margin-top", 10, NULL);
      g_object_set (title, "margin-bottom", 10, "margin-start", 6, "margin-end", 6, NULL);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (self->stats_box, box);
      self->stat_values[i] = GTK_LABEL (value);
    }
  /* Every team and doctor until the teams are read. */
  {
    const char *const all_teams[] = { _("All teams"), NULL };
    const char *const all_doctors[] = { _("All doctors"), NULL };
    g_autoptr(GtkStringList) teams = gtk_string_list_new (all_teams);
    g_autoptr(GtkStringList) doctors = gtk_string_list_new (all_doctors);
    gint64 zero = 0;

    self->filling = TRUE;
    gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (teams));
    gtk_drop_down_set_model (self->doctor_dropdown, G_LIST_MODEL (doctors));
    self->filling = FALSE;
    g_array_append_val (self->team_ids, zero);
    g_array_append_val (self->doctor_ids, zero);
  }
  toggle_label (self->not_contacted_button, JY_CONTRACT_WORKLIST_NOT_CONTACTED, 0);
  toggle_label (self->expiring_button, JY_CONTRACT_WORKLIST_EXPIRING, 0);
  toggle_label (self->elderly_button, JY_CONTRACT_WORKLIST_ELDERLY_CHECK, 0);

  gtk_list_view_set_factory (self->list_view, factory);
  {
    GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));

    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
  gtk_list_view_set_single_click_activate (self->list_view, FALSE);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
