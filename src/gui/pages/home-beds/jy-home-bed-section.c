/* jy-home-bed-section.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-bed-section.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-clock.h"
#include "jy-home-bed-dialog.h"
#include "jy-home-bed-print.h"
#include "jy-home-bed-round-dialog.h"
#include "jy-home-bed-store.h"
#include "jy-print.h"

struct _JyHomeBedSection
{
  AdwBin            parent_instance;

  AdwActionRow     *status_row;
  GtkFlowBox       *button_box;

  JyStore          *store;
  GCancellable     *cancellable;
  gint64            resident_id;
  /* What the last load found. */
  JyHomeBedRecord  *bed;            /* the latest bed with rounds, or NULL */
  gint64            application_id; /* open application, 0 if none */
  gint64            assessment_id;  /* eligible assessment not used yet, 0 if none */
  char             *centre_name;
  gboolean          changed;        /* emit "changed" once reloaded */
};

G_DEFINE_FINAL_TYPE (JyHomeBedSection, jy_home_bed_section, ADW_TYPE_BIN)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  JyHomeBedRecord *bed;
  gint64           application_id;
  gint64           assessment_id;
  char            *centre_name;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->bed, jy_home_bed_record_free);
  g_free (loaded->centre_name);
  g_free (loaded);
}

static gpointer
load_job (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  gint64 resident_id = *(gint64 *)data;
  g_autoptr(GPtrArray) beds = NULL;
  g_autoptr(JyCentreSummary) centre = NULL;
  Loaded *loaded;

  if ((beds = jy_home_bed_store_for_resident (db, resident_id, error)) == NULL)
    return NULL;
  loaded = g_new0 (Loaded, 1);
  if (beds->len > 0)
    {
      JyHomeBedRecord *latest = g_ptr_array_index (beds, 0);

      if ((loaded->bed = jy_home_bed_store_load (db, latest->id, error)) == NULL)
        {
          loaded_free (loaded);
          return NULL;
        }
    }
  if ((loaded->application_id = jy_home_bed_store_open_application (db, resident_id, error)) < 0 ||
      (loaded->assessment_id = jy_home_bed_store_pending_assessment (db, resident_id, NULL, error)) < 0)
    {
      loaded_free (loaded);
      return NULL;
    }
  centre = jy_centre_store_load (db, NULL, cancellable, NULL);
  loaded->centre_name = centre != NULL ? g_strdup (centre->name) : NULL;
  return loaded;
}

static void
update (JyHomeBedSection *self)
{
  gboolean open = self->bed != NULL && g_strcmp0 (self->bed->status, "open") == 0;
  gboolean admit = jy_store_session_can (self->store, JY_PERMISSION_HOME_BED_ADMIT);
  gboolean apply = jy_store_session_can (self->store, JY_PERMISSION_HOME_BED_APPLY);
  gboolean round = jy_store_session_can (self->store, JY_PERMISSION_HOME_BED_ROUND);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (open)
    {
      g_autofree char *end = jy_clock_format_date (&self->bed->cycle_end);
      g_autofree char *nurse_due = jy_clock_format_date (&self->bed->nurse_due);
      g_autofree char *doctor_due = jy_clock_format_date (&self->bed->doctor_due);

      /* Translators: a resident's open home bed, "家庭病床 JC-0001 · 脑梗死后遗症" */
      title = g_strdup_printf (_("Bed %1$s · %2$s"), self->bed->bed_number, self->bed->diagnosis);
      /* Translators: %1$u cycle number, %2$s its end, %3$s next doctor's round, %4$s next nursing visit */
      subtitle = g_strdup_printf (_("Cycle %1$u until %2$s · doctor's round due %3$s · nursing visit due %4$s"),
                                  self->bed->cycle_no, end, doctor_due, nurse_due);
    }
  else if (self->assessment_id > 0)
    title = g_strdup (_("Assessed eligible: the bed can be established."));
  else if (self->application_id > 0)
    title = g_strdup (_("Applied: the home assessment is due."));
  else if (self->bed != NULL)
    {
      g_autofree char *discharged = jy_clock_format_date (&self->bed->discharged_on);

      /* Translators: the last, discharged home bed; %1$s bed, %2$s date, %3$s reason */
      title = g_strdup_printf (_("Bed %1$s discharged on %2$s · %3$s"), self->bed->bed_number, discharged,
                               _(jy_discharge_reason_label (self->bed->discharge_reason)));
    }
  else
    title = g_strdup (_("No home bed."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (self->status_row, subtitle != NULL ? subtitle : "");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home-bed.apply",
                                 apply && !open && self->application_id == 0 && self->assessment_id == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home-bed.assess", admit && self->application_id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home-bed.admit", admit && !open && self->assessment_id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home-bed.round", round && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home-bed.renew", admit && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home-bed.discharge", admit && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home-bed.print-agreement", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home-bed.print-record", self->bed != NULL);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JyHomeBedSection) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = jy_store_read_finish (JY_STORE (object), result, &error);

  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load the resident's home beds: %s", error->message);
      return;
    }
  g_clear_pointer (&self->bed, jy_home_bed_record_free);
  self->bed = g_steal_pointer (&loaded->bed);
  self->application_id = loaded->application_id;
  self->assessment_id = loaded->assessment_id;
  g_free (self->centre_name);
  self->centre_name = g_steal_pointer (&loaded->centre_name);
  loaded_free (loaded);
  update (self);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  if (self->changed)
    {
      self->changed = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

void
jy_home_bed_section_reload (JyHomeBedSection *self)
{
  gint64 *id;

  g_return_if_fail (JY_IS_HOME_BED_SECTION (self));

  if (self->store == NULL || !jy_store_session_can (self->store, JY_PERMISSION_HOME_BED_VIEW))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  id = g_new (gint64, 1);
  *id = self->resident_id;
  jy_store_read_async (self->store, load_job, id, g_free, (GDestroyNotify)loaded_free, self->cancellable,
                       loaded_cb, g_object_ref (self));
}

void
jy_home_bed_section_show (JyHomeBedSection *self,
                          JyStore          *store,
                          gint64            resident_id)
{
  g_return_if_fail (JY_IS_HOME_BED_SECTION (self));

  g_set_object (&self->store, store);
  self->resident_id = resident_id;
  g_clear_pointer (&self->bed, jy_home_bed_record_free);
  jy_home_bed_section_reload (self);
}

static void
saved_cb (JyHomeBedSection *self)
{
  self->changed = TRUE;
  jy_home_bed_section_reload (self);
}

static GtkWindow *
parent_window (JyHomeBedSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_dialog (JyHomeBedSection    *self,
             JyHomeBedDialogMode  mode,
             gint64               id)
{
  JyHomeBedDialog *dialog = jy_home_bed_dialog_new (parent_window (self), self->store, mode,
                                                    self->resident_id, id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JyHomeBedSection *self = JY_HOME_BED_SECTION (widget);

  if (g_str_equal (action_name, "home-bed.apply"))
    open_dialog (self, JY_HOME_BED_DIALOG_APPLY, 0);
  else if (g_str_equal (action_name, "home-bed.assess"))
    open_dialog (self, JY_HOME_BED_DIALOG_ASSESS, self->application_id);
  else if (g_str_equal (action_name, "home-bed.admit"))
    open_dialog (self, JY_HOME_BED_DIALOG_ADMIT, self->assessment_id);
  else if (self->bed != NULL && g_str_equal (action_name, "home-bed.renew"))
    open_dialog (self, JY_HOME_BED_DIALOG_RENEW, self->bed->id);
  else if (self->bed != NULL && g_str_equal (action_name, "home-bed.discharge"))
    open_dialog (self, JY_HOME_BED_DIALOG_DISCHARGE, self->bed->id);
  else if (self->bed != NULL && g_str_equal (action_name, "home-bed.round"))
    {
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", self->bed->resident_name, self->bed->bed_number);
      JyHomeBedRoundDialog *dialog = jy_home_bed_round_dialog_new (parent_window (self), self->store,
                                                                   self->bed->id, subtitle);

      g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JyHomeBedSection *self = JY_HOME_BED_SECTION (widget);
  g_autoptr(GDate) today = jy_clock_today_local ();
  JyPrintDoc *doc;

  if (self->bed == NULL)
    return;
  if (g_str_equal (action_name, "home-bed.print-agreement"))
    {
      doc = jy_home_bed_print_agreement (self->bed, self->centre_name, today);
      jy_print_run (parent_window (self), doc, _("Home-bed service agreement"));
    }
  else
    {
      doc = jy_home_bed_print_record (self->bed, self->centre_name, today);
      jy_print_run (parent_window (self), doc, _("Home-bed record"));
    }
}

static void
jy_home_bed_section_dispose (GObject *object)
{
  JyHomeBedSection *self = JY_HOME_BED_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->bed, jy_home_bed_record_free);
  g_clear_pointer (&self->centre_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_HOME_BED_SECTION);

  G_OBJECT_CLASS (jy_home_bed_section_parent_class)->dispose (object);
}

static void
jy_home_bed_section_class_init (JyHomeBedSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_home_bed_section_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-home-bed-section.ui");
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedSection, status_row);
  gtk_widget_class_bind_template_child (widget_class, JyHomeBedSection, button_box);

  gtk_widget_class_install_action (widget_class, "home-bed.apply", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "home-bed.assess", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "home-bed.admit", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "home-bed.round", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "home-bed.renew", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "home-bed.discharge", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "home-bed.print-agreement", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "home-bed.print-record", NULL, print_action);
}

static void
jy_home_bed_section_init (JyHomeBedSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
