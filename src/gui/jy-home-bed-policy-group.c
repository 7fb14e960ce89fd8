/* jy-home-bed-policy-group.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-bed-policy-group.h"

#include <glib/gi18n.h>

#include "jy-home-bed-policy-store.h"
#include "jy-store-error.h"

#define N_POLICY_ROWS 5

struct _JyHomeBedPolicyGroup
{
  AdwPreferencesGroup  parent_instance;

  JyStore             *store;
  GCancellable        *cancellable;   /* the window's */
  AdwActionRow        *rows[N_POLICY_ROWS];
  GtkSpinButton       *spins[N_POLICY_ROWS];
  GtkButton           *save_button;
  gboolean             loaded;
};

G_DEFINE_FINAL_TYPE (JyHomeBedPolicyGroup, jy_home_bed_policy_group, ADW_TYPE_PREFERENCES_GROUP)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* In row order; row i edits field i + 1 (JY_HOME_BED_POLICY_CYCLE_DAYS = 1). */
static const struct
{
  const char *name;
  const char *title;
} row_info[N_POLICY_ROWS] = {
  { "cycle_days", N_("Cycle length (days)") },
  { "assessment_days", N_("Home assessment within (working days)") },
  { "admission_note_hours", N_("Admission note within (hours)") },
  { "doctor_round_days", N_("Doctor's round at least every (days)") },
  { "renewal_window_days", N_("Renewal opens before the cycle end (days)") },
};

static guint *
policy_value (JyHomeBedPolicy *policy,
              guint            i)
{
  switch (i)
    {
    case 0: return &policy->cycle_days;
    case 1: return &policy->assessment_working_days;
    case 2: return &policy->admission_note_hours;
    case 3: return &policy->doctor_round_max_days;
    default: return &policy->renewal_window_days;
    }
}

static void
show_toast (JyHomeBedPolicyGroup *self,
            const char           *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
}

static void
update_sensitive (JyHomeBedPolicyGroup *self)
{
  gboolean editable = self->loaded && self->store != NULL &&
                      jy_store_session_can (self->store, JY_PERMISSION_CENTRE_SETTINGS);

  for (guint i = 0; i < N_POLICY_ROWS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->rows[i]), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), editable);
}

/* The row's subtitle: why the value is refused, or the range as a hint. */
static gboolean
check_row (JyHomeBedPolicyGroup *self,
           guint                 i)
{
  JyHomeBedPolicyField field = i + 1;
  guint value = (guint)gtk_spin_button_get_value_as_int (self->spins[i]);
  gboolean ok = jy_home_bed_policy_value_valid (field, value);

  if (ok)
    {
      guint min, max;
      g_autofree char *hint = NULL;

      jy_home_bed_policy_range (field, &min, &max);
      /* Translators: the range a home-bed policy value may take, "30–90" */
      hint = g_strdup_printf (_("%u–%u"), min, max);
      adw_action_row_set_subtitle (self->rows[i], hint);
      gtk_widget_remove_css_class (GTK_WIDGET (self->rows[i]), "error");
    }
  else
    {
      adw_action_row_set_subtitle (self->rows[i], _(jy_home_bed_policy_field_message (field)));
      gtk_widget_add_css_class (GTK_WIDGET (self->rows[i]), "error");
    }
  return ok;
}

static void
value_changed_cb (GtkSpinButton        *spin,
                  JyHomeBedPolicyGroup *self)
{
  for (guint i = 0; i < N_POLICY_ROWS; i++)
    if (self->spins[i] == spin)
      check_row (self, i);
}

static void
policy_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JyHomeBedPolicyGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree JyHomeBedPolicy *policy = jy_store_read_finish (JY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (policy == NULL)
    {
      g_warning ("Could not read the home-bed policy: %s", error->message);
      show_toast (self, _("The home-bed policy could not be read"));
      return;
    }
  for (guint i = 0; i < N_POLICY_ROWS; i++)
    gtk_spin_button_set_value (self->spins[i], *policy_value (policy, i));
  self->loaded = TRUE;
  update_sensitive (self);
}

static void
policy_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyHomeBedPolicyGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not save the home-bed policy: %s", error->message);
      if (g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_DISK_FULL))
        show_toast (self, _("Not saved: the disk is full"));
      else
        show_toast (self, _("Not saved: the database could not be written"));
      return;
    }
  show_toast (self, _("Home-bed policy saved"));
  g_signal_emit (self, signals[SAVED], 0);
}

gboolean
jy_home_bed_policy_group_save (JyHomeBedPolicyGroup *self)
{
  JyHomeBedPolicy *policy;
  gboolean ok = TRUE;

  g_return_val_if_fail (JY_IS_HOME_BED_POLICY_GROUP (self), FALSE);

  for (guint i = 0; i < N_POLICY_ROWS; i++)
    {
      gtk_spin_button_update (self->spins[i]);
      ok = check_row (self, i) && ok;
    }
  if (!ok || self->store == NULL || !self->loaded)
    return FALSE;

  policy = g_new (JyHomeBedPolicy, 1);
  *policy = JY_HOME_BED_POLICY_DEFAULT;
  for (guint i = 0; i < N_POLICY_ROWS; i++)
    *policy_value (policy, i) = (guint)gtk_spin_button_get_value_as_int (self->spins[i]);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  jy_store_write_async (self->store, jy_home_bed_policy_save_func, policy, g_free, NULL,
                        self->cancellable, policy_saved_cb, g_object_ref (self));
  return TRUE;
}

static void
save_clicked_cb (JyHomeBedPolicyGroup *self)
{
  jy_home_bed_policy_group_save (self);
}

void
jy_home_bed_policy_group_set_store (JyHomeBedPolicyGroup *self,
                                    JyStore              *store,
                                    GCancellable         *cancellable)
{
  g_return_if_fail (JY_IS_HOME_BED_POLICY_GROUP (self));

  g_set_object (&self->store, store);
  g_set_object (&self->cancellable, cancellable);
  self->loaded = FALSE;
  update_sensitive (self);
  if (store != NULL)
    jy_store_read_async (store, jy_home_bed_policy_load_func, NULL, NULL, g_free,
                         cancellable, policy_loaded_cb, g_object_ref (self));
}

/* Out of its window the group has nothing more to read or save; letting go
 * of the store here keeps it from outliving the window. */
static void
jy_home_bed_policy_group_unroot (GtkWidget *widget)
{
  JyHomeBedPolicyGroup *self = JY_HOME_BED_POLICY_GROUP (widget);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  GTK_WIDGET_CLASS (jy_home_bed_policy_group_parent_class)->unroot (widget);
}

static void
jy_home_bed_policy_group_dispose (GObject *object)
{
  JyHomeBedPolicyGroup *self = JY_HOME_BED_POLICY_GROUP (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (jy_home_bed_policy_group_parent_class)->dispose (object);
}

static void
jy_home_bed_policy_group_class_init (JyHomeBedPolicyGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jy_home_bed_policy_group_dispose;
  GTK_WIDGET_CLASS (klass)->unroot = jy_home_bed_policy_group_unroot;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jy_home_bed_policy_group_init (JyHomeBedPolicyGroup *self)
{
  JyHomeBedPolicy defaults = JY_HOME_BED_POLICY_DEFAULT;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Home Beds"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("The local rules for home beds: the cycle and the deadlines "
                                           "each bed is checked against."));
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_widget_set_name (GTK_WIDGET (self->save_button), "home_bed_policy_save");
  gtk_widget_set_valign (GTK_WIDGET (self->save_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->save_button));

  for (guint i = 0; i < N_POLICY_ROWS; i++)
    {
      /* Wider than any range, so a wrong value is refused with a message
       * instead of being clamped unseen. */
      GtkAdjustment *adj = gtk_adjustment_new (*policy_value (&defaults, i), 0, 999, 1, 10, 0);
      GtkWidget *spin = gtk_spin_button_new (adj, 1, 0);
      GtkWidget *row = adw_action_row_new ();

      gtk_widget_set_name (spin, row_info[i].name);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(row_info[i].title), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(row_info[i].title));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      self->rows[i] = ADW_ACTION_ROW (row);
      self->spins[i] = GTK_SPIN_BUTTON (spin);
      check_row (self, i);
      g_signal_connect (spin, "value-changed", G_CALLBACK (value_changed_cb), self);
    }
  update_sensitive (self);
}
