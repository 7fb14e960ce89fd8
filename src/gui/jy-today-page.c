/* jy-today-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-today-page.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-chronic-worklist.h"
#include "jy-contract-labels.h"
#include "jy-contract-worklist.h"
#include "jy-clock.h"
#include "jy-home-bed-store.h"
#include "jy-long-rx-store.h"

/* The landing page: today's date, the centre, and the worklist. Each area
 * adds its own worklist group here as it is built. */
struct _JyTodayPage
{
  AdwBin        parent_instance;

  JyStore      *store;
  GCancellable *cancellable;
  gboolean      ready;

  GtkLabel     *date_label;
  GtkLabel     *centre_label;
  GtkStack     *state_stack;
  GtkLabel     *loading_label;
  GtkLabel     *residents_value;
  GtkLabel     *teams_value;
  GtkLabel     *staff_value;
  AdwStatusPage *error_status;
  AdwPreferencesGroup *worklist_group;
  AdwActionRow  *nothing_row;
  GPtrArray     *worklist_rows;   /* rows added for what is due */
  GtkWidget     *home_bed_row;    /* home-bed rounds due, when any */
  gboolean       rounds_due;
  GCancellable  *rounds_cancellable;
  GPtrArray     *contract_rows;   /* the same for the contract worklists */
  gboolean       any_chronic;
  gboolean       any_contract;
  GPtrArray     *long_rx_rows;    /* long prescriptions: instalments, reviews, expiring */
  GCancellable  *long_rx_cancellable;
  gboolean       any_long_rx;
  GCancellable  *counts_cancellable;
};

G_DEFINE_FINAL_TYPE (JyTodayPage, jy_today_page, ADW_TYPE_BIN)

enum {
  READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Weekday names come from our catalogue, not LC_TIME: a workstation run
 * with LANG=C.UTF-8 LANGUAGE=zh_CN must still say 星期一. */
static const char *const weekdays[] = {
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

static void
update_date_label (JyTodayPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (jy_clock_get_local_zone ());
  /* Translators: the date on the Today page, a g_date_time_format() pattern
   * using numbers only; in Chinese "%Y年%-m月%-d日" */
  g_autofree char *date = g_date_time_format (now, _("%-d/%-m/%Y"));
  const char *weekday = g_dpgettext2 (GETTEXT_PACKAGE, "weekday",
                                      weekdays[g_date_time_get_day_of_week (now) - 1]);
  /* Translators: the Today page heading; %1$s is the weekday, %2$s the date */
  g_autofree char *text = g_strdup_printf (_("%1$s %2$s"), weekday, date);

  gtk_label_set_label (self->date_label, text);
}

static char *
format_count (gint64 n)
{
  /* Digit grouping follows the locale (LC_NUMERIC). */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

static void
summary_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(JyTodayPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyCentreSummary) summary = jy_store_read_finish (JY_STORE (object), result, &error);
  g_autofree char *residents = NULL;
  g_autofree char *teams = NULL;
  g_autofree char *staff = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (summary == NULL)
    {
      g_warning ("Could not load the centre summary: %s", error->message);
      adw_status_page_set_description (self->error_status,
                                       _("The database could not be read. Restart Jiayi; if this happens again, ask your administrator to check the database from Preferences."));
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }

  if (summary->name != NULL)
    gtk_label_set_label (self->centre_label, summary->name);
  else
    gtk_label_set_label (self->centre_label,
                         _("No centre name yet: set it in Preferences"));

  residents = format_count (summary->n_residents);
  teams = format_count (summary->n_teams);
  staff = format_count (summary->n_staff);
  gtk_label_set_label (self->residents_value, residents);
  gtk_label_set_label (self->teams_value, teams);
  gtk_label_set_label (self->staff_value, staff);

  gtk_stack_set_visible_child_name (self->state_stack, "ready");
  self->ready = TRUE;
  g_signal_emit (self, signals[READY], 0);
}

/* Today's chronic-disease lists, most urgent first; the overdue list
 * includes what the norm lists show, so it stands for them here. */
static const JyWorklistKind today_kinds[] = {
  JY_WORKLIST_REFERRAL, JY_WORKLIST_RECHECK, JY_WORKLIST_OVERDUE, JY_WORKLIST_DUE_THIS_WEEK,
};

static const char *
today_title (JyWorklistKind kind)
{
  switch (kind)
    {
    case JY_WORKLIST_REFERRAL:
      return _("Referrals to follow up");
    case JY_WORKLIST_RECHECK:
      return _("2-week rechecks due");
    case JY_WORKLIST_OVERDUE:
      return _("Overdue follow-ups");
    case JY_WORKLIST_DUE_THIS_WEEK:
    case JY_WORKLIST_BEHIND_NORM:
    case JY_WORKLIST_N_KINDS:
    default:
      return _("Follow-ups due this week");
    }
}

/* The counts arrive in any order; the rows always stand in the same one
 * (follow-ups, rounds, long prescriptions, contracts) so that a nurse
 * finds hers where she saw it yesterday. "Nothing due" only when no
 * worklist has anything. */
static void
update_nothing_row (JyTodayPage *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *areas[] = { self->worklist_rows, NULL, self->long_rx_rows, self->contract_rows };

  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    {
      if (areas[a] == NULL)
        {
          if (self->home_bed_row != NULL)
            g_ptr_array_add (rows, g_object_ref (self->home_bed_row));
          continue;
        }
      for (guint i = 0; i < areas[a]->len; i++)
        g_ptr_array_add (rows, g_object_ref (g_ptr_array_index (areas[a], i)));
    }
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (self->worklist_group, g_ptr_array_index (rows, i));
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_add (self->worklist_group, g_ptr_array_index (rows, i));

  gtk_widget_set_visible (GTK_WIDGET (self->nothing_row),
                          !self->any_chronic && !self->any_contract && !self->rounds_due &&
                          !self->any_long_rx);
}

static void
counts_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JyTodayPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree JyWorklistCounts *counts = jy_store_read_finish (JY_STORE (object), result, &error);
  gboolean any = FALSE;

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count today's worklists: %s", error->message);
      return;
    }

  for (guint i = 0; i < self->worklist_rows->len; i++)
    adw_preferences_group_remove (self->worklist_group, g_ptr_array_index (self->worklist_rows, i));
  g_ptr_array_set_size (self->worklist_rows, 0);

  for (guint i = 0; i < G_N_ELEMENTS (today_kinds); i++)
    {
      guint n = counts->counts[today_kinds[i]];
      GtkWidget *row;
      GtkWidget *value;
      g_autofree char *number = NULL;

      if (n == 0)
        continue;
      any = TRUE;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), today_title (today_kinds[i]));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-worklist");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int32 (today_kinds[i]));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      number = format_count (n);
      value = gtk_label_new (number);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "title-4");
      if (today_kinds[i] == JY_WORKLIST_REFERRAL || today_kinds[i] == JY_WORKLIST_OVERDUE)
        gtk_widget_add_css_class (value, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      adw_preferences_group_add (self->worklist_group, row);
      g_ptr_array_add (self->worklist_rows, row);
    }
  self->any_chronic = any;
  update_nothing_row (self);
}

/* Home-bed rounds (issue #10): the signed-in nurse's or doctor's beds due
 * a round today and overdue. */
typedef struct
{
  gint64 due_today;
  gint64 overdue;
} RoundCounts;

static gpointer
count_rounds_job (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree RoundCounts *counts = g_new0 (RoundCounts, 1);

  if (!jy_home_bed_store_count_due (db, *(gint64 *)data, NULL, &counts->due_today, &counts->overdue, error))
    return NULL;
  return g_steal_pointer (&counts);
}

static void
rounds_counted_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(JyTodayPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree RoundCounts *counts = jy_store_read_finish (JY_STORE (object), result, &error);
  g_autofree char *text = NULL;
  GtkWidget *value;

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count today's home-bed rounds: %s", error->message);
      return;
    }
  if (self->home_bed_row != NULL)
    adw_preferences_group_remove (self->worklist_group, self->home_bed_row);
  self->home_bed_row = NULL;
  self->rounds_due = counts->due_today + counts->overdue > 0;
  if (self->rounds_due)
    {
      self->home_bed_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->home_bed_row), _("Home-bed rounds"));
      /* Translators: on Today, the home-bed rounds of the signed-in nurse or doctor */
      text = g_strdup_printf (_("%d due today · %d overdue"), (int)counts->due_today, (int)counts->overdue);
      value = gtk_label_new (text);
      gtk_widget_add_css_class (value, "numeric");
      if (counts->overdue > 0)
        gtk_widget_add_css_class (value, "error");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->home_bed_row), "win.show-page");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->home_bed_row),
                                              g_variant_new_string ("home-beds"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->home_bed_row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->home_bed_row), value);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->home_bed_row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      adw_preferences_group_add (self->worklist_group, self->home_bed_row);
    }
  update_nothing_row (self);
}

static void
load_round_counts (JyTodayPage *self)
{
  g_autoptr(JyActor) actor = jy_store_dup_session (self->store);
  gint64 *staff_id;

  if (actor == NULL || jy_actor_get_staff_id (actor) == 0 ||
      !jy_store_session_can (self->store, JY_PERMISSION_HOME_BED_VIEW))
    return;
  g_cancellable_cancel (self->rounds_cancellable);
  g_clear_object (&self->rounds_cancellable);
  self->rounds_cancellable = g_cancellable_new ();
  staff_id = g_new (gint64, 1);
  *staff_id = jy_actor_get_staff_id (actor);
  jy_store_read_async (self->store, count_rounds_job, staff_id, g_free, g_free,
                       self->rounds_cancellable, rounds_counted_cb, g_object_ref (self));
}

static GtkWidget *
count_row (const char *title,
           const char *action,
           GVariant   *target,
           gint64      n,
           gboolean    urgent)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = format_count (n);
  GtkWidget *value = gtk_label_new (number);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "title-4");
  if (urgent)
    gtk_widget_add_css_class (value, "error");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* The contract worklists (domain.md §2.5), each opening the Contracts
 * page on that list. */
static void
contract_counts_loaded_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(JyTodayPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree JyContractWorklistCounts *counts = jy_store_read_finish (JY_STORE (object), result, &error);
  const struct { JyContractWorklistKind kind; gint64 n; gboolean urgent; } lists[] = {
    { JY_CONTRACT_WORKLIST_EXPIRING, counts != NULL ? counts->expiring : 0, TRUE },
    { JY_CONTRACT_WORKLIST_NOT_CONTACTED, counts != NULL ? counts->not_contacted : 0, FALSE },
    { JY_CONTRACT_WORKLIST_ELDERLY_CHECK, counts != NULL ? counts->elderly_unchecked : 0, FALSE },
  };

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count today's contract worklists: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->contract_rows->len; i++)
    adw_preferences_group_remove (self->worklist_group, g_ptr_array_index (self->contract_rows, i));
  g_ptr_array_set_size (self->contract_rows, 0);
  self->any_contract = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkWidget *row;

      if (lists[i].n == 0)
        continue;
      self->any_contract = TRUE;
      row = count_row (jy_contract_worklist_title (lists[i].kind), "win.show-contract-worklist",
                       g_variant_new_int32 (lists[i].kind), lists[i].n, lists[i].urgent);
      gtk_widget_set_name (row, "contract-worklist");
      adw_preferences_group_add (self->worklist_group, row);
      g_ptr_array_add (self->contract_rows, row);
    }
  update_nothing_row (self);
}

static const char *
long_rx_title (JyLongRxWorklistKind kind)
{
  switch (kind)
    {
    case JY_LONG_RX_WORKLIST_DUE: return _("Long prescriptions: instalments due this week");
    case JY_LONG_RX_WORKLIST_REVIEW: return _("Long prescriptions: reviews due");
    case JY_LONG_RX_WORKLIST_EXPIRING: return _("Long prescriptions: expiring within 14 days");
    case JY_LONG_RX_WORKLIST_N:
    default: g_return_val_if_reached ("");
    }
}

/* The long-prescription worklists (domain.md §4.5–4.6), each opening the
 * Long Prescriptions page on that list. */
static void
long_rx_counts_loaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(JyTodayPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree JyLongRxWorklistCounts *counts = jy_store_read_finish (JY_STORE (object), result, &error);
  gint64 values[JY_LONG_RX_WORKLIST_N];

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the long-prescription worklists: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->long_rx_rows->len; i++)
    adw_preferences_group_remove (self->worklist_group, g_ptr_array_index (self->long_rx_rows, i));
  g_ptr_array_set_size (self->long_rx_rows, 0);

  values[JY_LONG_RX_WORKLIST_DUE] = counts->due;
  values[JY_LONG_RX_WORKLIST_REVIEW] = counts->review;
  values[JY_LONG_RX_WORKLIST_EXPIRING] = counts->expiring;
  self->any_long_rx = FALSE;
  for (guint k = 0; k < JY_LONG_RX_WORKLIST_N; k++)
    {
      GtkWidget *row;

      if (values[k] == 0)
        continue;
      self->any_long_rx = TRUE;
      row = count_row (long_rx_title (k), "win.show-long-rx", g_variant_new_int32 ((gint32)k),
                       values[k], FALSE);
      gtk_widget_set_name (row, "today-long-rx-row");
      adw_preferences_group_add (self->worklist_group, row);
      g_ptr_array_add (self->long_rx_rows, row);
    }
  update_nothing_row (self);
}

static void
load_long_rx_counts (JyTodayPage *self)
{
  JyLongRxWorklistQuery *query = g_new0 (JyLongRxWorklistQuery, 1);

  jy_long_rx_worklist_query_init (query, JY_LONG_RX_WORKLIST_DUE);
  g_cancellable_cancel (self->long_rx_cancellable);
  g_clear_object (&self->long_rx_cancellable);
  self->long_rx_cancellable = g_cancellable_new ();
  jy_store_read_async (self->store, jy_long_rx_worklist_count_func, query, g_free, g_free,
                       self->long_rx_cancellable, long_rx_counts_loaded_cb, g_object_ref (self));
}

static void
load_counts (JyTodayPage *self)
{
  JyWorklistQuery *query = g_new0 (JyWorklistQuery, 1);

  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  g_cancellable_cancel (self->rounds_cancellable);
  g_clear_object (&self->rounds_cancellable);
  self->counts_cancellable = g_cancellable_new ();
  jy_store_read_async (self->store, jy_chronic_worklist_load_counts, query, g_free, g_free,
                       self->counts_cancellable, counts_loaded_cb, g_object_ref (self));
  {
    JyContractWorklistQuery *contracts = g_new0 (JyContractWorklistQuery, 1);

    jy_worklist_query_init (contracts, JY_CONTRACT_WORKLIST_NOT_CONTACTED);
    jy_store_read_async (self->store, jy_contract_worklist_count_func, contracts, g_free, g_free,
                         self->counts_cancellable, contract_counts_loaded_cb, g_object_ref (self));
  }
}

void
jy_today_page_reload (JyTodayPage *self)
{
  g_return_if_fail (JY_IS_TODAY_PAGE (self));

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  update_date_label (self);
  jy_store_read_async (self->store, jy_centre_store_load, NULL, NULL,
                       (GDestroyNotify)jy_centre_summary_free,
                       self->cancellable, summary_loaded_cb, g_object_ref (self));
  load_counts (self);
  load_round_counts (self);
  load_long_rx_counts (self);
}

void
jy_today_page_set_store (JyTodayPage *self,
                         JyStore     *store)
{
  g_return_if_fail (JY_IS_TODAY_PAGE (self));
  g_return_if_fail (store == NULL || JY_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  jy_today_page_reload (self);
}

void
jy_today_page_set_loading_text (JyTodayPage *self,
                                const char  *text)
{
  g_return_if_fail (JY_IS_TODAY_PAGE (self));

  gtk_label_set_label (self->loading_label, text);
}

gboolean
jy_today_page_is_ready (JyTodayPage *self)
{
  g_return_val_if_fail (JY_IS_TODAY_PAGE (self), FALSE);
  return self->ready;
}

static void
jy_today_page_dispose (GObject *object)
{
  JyTodayPage *self = (JyTodayPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  g_cancellable_cancel (self->rounds_cancellable);
  g_clear_object (&self->rounds_cancellable);
  g_clear_pointer (&self->worklist_rows, g_ptr_array_unref);
  g_clear_pointer (&self->contract_rows, g_ptr_array_unref);
  g_cancellable_cancel (self->long_rx_cancellable);
  g_clear_object (&self->long_rx_cancellable);
  g_clear_pointer (&self->long_rx_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_TODAY_PAGE);

  G_OBJECT_CLASS (jy_today_page_parent_class)->dispose (object);
}

static void
jy_today_page_class_init (JyTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_today_page_dispose;

  /* Emitted once the worklist shows real data (the bench times to here). */
  signals[READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JyTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, JyTodayPage, centre_label);
  gtk_widget_class_bind_template_child (widget_class, JyTodayPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JyTodayPage, loading_label);
  gtk_widget_class_bind_template_child (widget_class, JyTodayPage, residents_value);
  gtk_widget_class_bind_template_child (widget_class, JyTodayPage, teams_value);
  gtk_widget_class_bind_template_child (widget_class, JyTodayPage, staff_value);
  gtk_widget_class_bind_template_child (widget_class, JyTodayPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, JyTodayPage, worklist_group);
  gtk_widget_class_bind_template_child (widget_class, JyTodayPage, nothing_row);
}

static void
jy_today_page_init (JyTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->worklist_rows = g_ptr_array_new ();
  self->contract_rows = g_ptr_array_new ();
  self->long_rx_rows = g_ptr_array_new ();
  update_date_label (self);
}
