/* jy-today-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-today-page.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-clock.h"

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
}

static void
jy_today_page_init (JyTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_date_label (self);
}
