/* jy-home-bed-cycle-label.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-bed-cycle-label.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-home-bed-policy-store.h"

typedef struct
{
  GtkWidget *label;   /* owned */
  GDate      today;
} CycleLoad;

static void
cycle_load_free (CycleLoad *load)
{
  g_clear_object (&load->label);
  g_free (load);
}

static void
policy_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CycleLoad *load = user_data;
  g_autofree JyHomeBedPolicy *policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row;
  GDate end;

  policy = jy_store_read_finish (JY_STORE (source), result, &error);
  row = gtk_widget_get_ancestor (load->label, ADW_TYPE_PREFERENCES_ROW);
  if (policy == NULL || row == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the home-bed policy: %s", error->message);
      cycle_load_free (load);
      return;
    }

  jy_home_bed_cycle_end (&load->today, policy, &end);
  end_text = jy_clock_format_date (&end);
  /* Translators: the default cycle of a new bed, "周期至 2027-02-21（90 天）" */
  title = g_strdup_printf (_("Cycle until %s (%u days)"), end_text,
                           jy_home_bed_bed_days (&load->today, &end));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  cycle_load_free (load);
}

GtkWidget *
jy_home_bed_cycle_label_new (JyStore      *store,
                             const GDate  *today,
                             GCancellable *cancellable)
{
  CycleLoad *load = g_new0 (CycleLoad, 1);
  GtkWidget *label = gtk_label_new (NULL);

  load->label = g_object_ref_sink (label);
  load->today = *today;
  jy_store_read_async (store, jy_home_bed_policy_load_func, NULL, NULL, g_free,
                       cancellable, policy_loaded_cb, load);
  return label;
}
