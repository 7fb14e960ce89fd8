/* jy-chronic-section.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-chronic-section.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jy-centre-store.h"
#include "jy-chronic-section-private.h"
#include "jy-chronic-store.h"
#include "jy-clock.h"
#include "jy-enrolment-dialog.h"
#include "jy-followup-store.h"
#include "jy-person.h"
#include "jy-trend-chart.h"

#define RECENT_VISITS 4

struct _JyChronicSection
{
  AdwBin            parent_instance;

  GtkBox           *cards_box;
  GtkButton        *enrol_button;

  JyStore          *store;
  JyResident       *resident;
  GCancellable     *cancellable;
  JyChronicData    *data;
};

G_DEFINE_FINAL_TYPE (JyChronicSection, jy_chronic_section, ADW_TYPE_BIN)

enum
{
  FOLLOW_UP,
  ENROL,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- Loading (on a reader thread) -------------------------------------- */

static void
programme_data_free (JyProgrammeData *data)
{
  g_clear_pointer (&data->enrolment, jy_enrolment_free);
  g_clear_pointer (&data->state, jy_enrolment_state_free);
  g_clear_pointer (&data->followups, g_ptr_array_unref);
  g_clear_pointer (&data->chart, g_array_unref);
  g_free (data->doctor_name);
  g_free (data);
}

void
jy_chronic_data_free (JyChronicData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->programmes, g_ptr_array_unref);
  g_clear_pointer (&data->ended, g_ptr_array_unref);
  g_free (data);
}

static char *
staff_name (JyCentreChoices *choices,
            gint64           id)
{
  for (guint i = 0; choices != NULL && i < choices->staff->len; i++)
    {
      JyStaffChoice *staff = g_ptr_array_index (choices->staff, i);

      if (staff->id == id)
        return g_strdup (staff->name);
    }
  return NULL;
}

/* One snapshot: enrolments, and for each managed programme its state,
 * visits and chart points. */
gpointer
jy_chronic_data_load (JyDb          *db,
                      gpointer       user_data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  gint64 resident_id = *(gint64 *) user_data;
  g_autoptr(JyChronicData) data = g_new0 (JyChronicData, 1);
  g_autoptr(GPtrArray) enrolments = jy_chronic_store_list_enrolments (db, resident_id, error);
  g_autoptr(JyCentreChoices) choices = NULL;

  if (enrolments == NULL)
    return NULL;
  choices = jy_centre_store_load_choices (db, NULL, cancellable, error);
  if (choices == NULL)
    return NULL;

  data->programmes = g_ptr_array_new_with_free_func ((GDestroyNotify) programme_data_free);
  data->ended = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_enrolment_free);

  for (guint i = 0; i < enrolments->len; i++)
    {
      JyEnrolment *enrolment = g_ptr_array_index (enrolments, i);
      JyProgrammeData *p;

      if (g_strcmp0 (enrolment->status, "managing") != 0)
        {
          if (g_strcmp0 (enrolment->status, "ended") == 0)
            g_ptr_array_add (data->ended, jy_enrolment_copy (enrolment));
          continue;
        }

      p = g_new0 (JyProgrammeData, 1);
      g_ptr_array_add (data->programmes, p);
      p->enrolment = jy_enrolment_copy (enrolment);
      p->doctor_name = staff_name (choices, enrolment->doctor_id);
      data->managed |= enrolment->programme;
      if ((p->state = jy_chronic_store_load_state (db, enrolment->id, error)) == NULL ||
          (p->followups = jy_followup_store_history (db, resident_id, enrolment->programme,
                                                     FALSE, error)) == NULL ||
          (p->chart = jy_followup_store_chart (db, resident_id, enrolment->programme, error)) == NULL)
        return NULL;
    }

  return g_steal_pointer (&data);
}

/* --- Cards -------------------------------------------------------------- */

static const char *
programme_title (JyProgramme programme)
{
  return programme == JY_PROGRAMME_T2DM ? _("Type 2 Diabetes") : _("Hypertension");
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
due_line (const JyProgrammeData *p,
          const GDate           *today)
{
  const JyEnrolmentState *state = p->state;
  g_autoptr(GString) line = g_string_new (NULL);
  GDate due;

  if (state->next_due_date != NULL && jy_person_parse_date (state->next_due_date, &due))
    {
      int days = g_date_days_between (today, &due);

      if (days < 0)
        g_string_append_printf (line, ngettext ("Next visit was due %s: %d day overdue",
                                                "Next visit was due %s: %d days overdue", -days),
                                state->next_due_date, -days);
      else if (days == 0)
        g_string_append_printf (line, _("Next visit due today"));
      else
        g_string_append_printf (line, ngettext ("Next visit %s, in %d day", "Next visit %s, in %d days", days),
                                state->next_due_date, days);
    }
  else
    g_string_append (line, _("No next visit planned"));

  /* TRANSLATORS: face-to-face follow-ups this year that count toward the norm */
  g_string_append_printf (line, _(" · %d face-to-face this year"), state->norm_visits);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static GtkWidget *
visits_grid (const JyProgrammeData *p)
{
  GtkWidget *grid = gtk_grid_new ();
  const char *headers[] = { _("Date"), _("Mode"), _("BP (mmHg)"), _("Fasting glucose"), _("Classification") };

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      if (c == 3 && p->enrolment->programme != JY_PROGRAMME_T2DM)
        continue;
      gtk_grid_attach (GTK_GRID (grid), label_new (headers[c], "dim-label"), c, 0, 1, 1);
    }

  for (guint i = 0; i < MIN (p->followups->len, RECENT_VISITS); i++)
    {
      JyFollowup *f = g_ptr_array_index (p->followups, i);
      g_autofree char *bp = f->sbp >= 0 && f->dbp >= 0 ? g_strdup_printf ("%d/%d", f->sbp, f->dbp) : g_strdup ("—");
      g_autofree char *glucose = jy_measured (f->fasting_glucose) ? g_strdup_printf ("%.1f", f->fasting_glucose)
                                                                   : g_strdup ("—");
      const char *mode = f->mode == JY_VISIT_MODE_HOME ? _("Home")
                       : f->mode == JY_VISIT_MODE_PHONE ? _("Phone") : _("Clinic");
      const char *klass = f->outcome == JY_FOLLOWUP_OUTCOME_LOST ? _("Lost to follow-up")
                        : _(jy_followup_class_label (f->classification));
      GtkWidget *class_label = label_new (klass, f->classification >= JY_FOLLOWUP_CLASS_UNCONTROLLED ? "warning" : NULL);

      gtk_grid_attach (GTK_GRID (grid), label_new (f->visit_date, NULL), 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), label_new (mode, NULL), 1, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), label_new (bp, NULL), 2, i + 1, 1, 1);
      if (p->enrolment->programme == JY_PROGRAMME_T2DM)
        gtk_grid_attach (GTK_GRID (grid), label_new (glucose, NULL), 3, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), class_label, 4, i + 1, 1, 1);
    }

  return grid;
}

static GtkWidget *
chart_new (JyChronicSection      *self,
           const JyProgrammeData *p,
           const GDate           *today)
{
  JyTrendChart *chart = JY_TREND_CHART (jy_trend_chart_new ());
  GDate birth;
  int age = jy_person_parse_date (self->resident->birth_date, &birth) ? jy_person_age_on (&birth, today) : 0;

  gtk_widget_set_size_request (GTK_WIDGET (chart), -1, 220);
  jy_trend_chart_set_empty_text (chart, _("No follow-ups recorded yet"));

  if (p->enrolment->programme == JY_PROGRAMME_T2DM)
    {
      guint glucose = jy_trend_chart_add_series (chart, _("Fasting glucose"), JY_TREND_STYLE_PRIMARY);

      jy_trend_chart_set_title (chart, _("Fasting glucose"));
      jy_trend_chart_set_unit (chart, "mmol/L");
      jy_trend_chart_set_digits (chart, 1);
      /* domain.md §3.5: controlled below 7.0; ≤ 3.9 and ≥ 16.7 are danger signs. */
      jy_trend_chart_set_target (chart, glucose, 3.9, 7.0);
      jy_trend_chart_add_reference_line (chart, 16.7);
      for (guint i = 0; i < p->chart->len; i++)
        {
          const JyFollowupChartPoint *pt = &g_array_index (p->chart, JyFollowupChartPoint, i);
          GDate date;

          if (jy_measured (pt->fasting_glucose) && jy_person_parse_date (pt->visit_date, &date))
            jy_trend_chart_add_point (chart, glucose, g_date_get_julian (&date), pt->fasting_glucose);
        }
    }
  else
    {
      guint sbp = jy_trend_chart_add_series (chart, _("Systolic"), JY_TREND_STYLE_PRIMARY);
      guint dbp = jy_trend_chart_add_series (chart, _("Diastolic"), JY_TREND_STYLE_SECONDARY);

      jy_trend_chart_set_title (chart, _("Blood pressure"));
      jy_trend_chart_set_unit (chart, "mmHg");
      /* Controlled: SBP < 140 (< 150 from 65) and DBP < 90. */
      jy_trend_chart_set_target (chart, sbp, -INFINITY, age >= 65 ? 150 : 140);
      jy_trend_chart_set_target (chart, dbp, -INFINITY, 90);
      jy_trend_chart_add_reference_line (chart, 180);
      jy_trend_chart_add_reference_line (chart, 110);
      for (guint i = 0; i < p->chart->len; i++)
        {
          const JyFollowupChartPoint *pt = &g_array_index (p->chart, JyFollowupChartPoint, i);
          GDate date;

          if (!jy_person_parse_date (pt->visit_date, &date))
            continue;
          jy_trend_chart_add_point (chart, sbp, g_date_get_julian (&date), pt->sbp >= 0 ? pt->sbp : NAN);
          jy_trend_chart_add_point (chart, dbp, g_date_get_julian (&date), pt->dbp >= 0 ? pt->dbp : NAN);
        }
    }

  return GTK_WIDGET (chart);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *programme_code,
               gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (programme_code != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (programme_code));
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
programme_card (JyChronicSection      *self,
                const JyProgrammeData *p,
                const GDate           *today)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = label_new (programme_title (p->enrolment->programme), "heading");
  const char *code = jy_programme_to_code (p->enrolment->programme);
  g_autofree char *facts = g_strdup_printf (_("%s · enrolled %s · responsible doctor %s"),
                                            p->enrolment->icd10 != NULL ? p->enrolment->icd10 : "—",
                                            p->enrolment->enrol_date,
                                            p->doctor_name != NULL ? p->doctor_name : _("not set"));
  g_autofree char *due = due_line (p, today);
  GDate due_date;
  gboolean overdue = p->state->next_due_date != NULL &&
                     jy_person_parse_date (p->state->next_due_date, &due_date) &&
                     g_date_compare (&due_date, today) < 0;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_bottom (card, 6);

  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), label_new (facts, "dim-label"));
  gtk_box_append (GTK_BOX (titles), label_new (due, overdue ? "error" : NULL));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (head), titles);
  gtk_box_append (GTK_BOX (head), action_button (_("Print Record"), "chronic.print", code, FALSE));
  gtk_box_append (GTK_BOX (head), action_button (_("Non-Drug Rx"), "chronic.rx", code, FALSE));
  gtk_box_append (GTK_BOX (head), action_button (_("End…"), "chronic.end", code, FALSE));
  gtk_box_append (GTK_BOX (head), action_button (_("Follow Up"), "chronic.follow-up", NULL, TRUE));
  g_object_set (head, "margin-top", 12, "margin-start", 12, "margin-end", 12, NULL);
  gtk_box_append (GTK_BOX (card), head);

  {
    GtkWidget *chart = chart_new (self, p, today);

    g_object_set (chart, "margin-start", 6, "margin-end", 6, NULL);
    gtk_box_append (GTK_BOX (card), chart);
  }

  if (p->followups->len > 0)
    {
      GtkWidget *grid = visits_grid (p);

      g_object_set (grid, "margin-start", 12, "margin-end", 12, "margin-bottom", 12, NULL);
      gtk_box_append (GTK_BOX (card), grid);
    }

  return card;
}

static void
clear_cards (JyChronicSection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_box_remove (self->cards_box, child);
}

static void
fill (JyChronicSection *self)
{
  g_autoptr(GDate) today = jy_clock_today_local ();
  JyChronicData *data = self->data;

  clear_cards (self);

  for (guint i = 0; i < data->programmes->len; i++)
    gtk_box_append (self->cards_box, programme_card (self, g_ptr_array_index (data->programmes, i), today));
  if (data->programmes->len > 0 && self->resident != NULL)
    {
      /* One long prescription covers every disease (domain.md §4). */
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Long Prescription…"));

      gtk_widget_set_name (button, "long-rx-button");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.long-rx-issue");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (self->resident->id));
      gtk_box_append (self->cards_box, button);
      /* The review (复诊) of the one in use, if any (§4.6). */
      button = gtk_button_new_with_mnemonic (_("Re_view Long Prescription…"));
      gtk_widget_set_name (button, "long-rx-review-button");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.long-rx-review");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (self->resident->id));
      gtk_box_append (self->cards_box, button);
    }

  for (guint i = 0; i < data->ended->len; i++)
    {
      JyEnrolment *e = g_ptr_array_index (data->ended, i);
      g_autofree char *text = g_strdup_printf (_("%s: management ended %s (%s)"), programme_title (e->programme),
                                               e->end_date != NULL ? e->end_date : "—",
                                               jy_chronic_end_reason_label (e->end_reason));

      gtk_box_append (self->cards_box, label_new (text, "dim-label"));
    }

  if (data->programmes->len == 0 && data->ended->len == 0)
    gtk_box_append (self->cards_box,
                    label_new (_("Not in hypertension or diabetes management."), "dim-label"));

  /* Enrol while some programme is left. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->enrol_button),
                            (data->managed & (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM)) !=
                              (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JyChronicSection) self = user_data;
  g_autoptr(GError) error = NULL;
  JyChronicData *data = jy_store_read_finish (JY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (data == NULL)
    {
      g_warning ("Could not load chronic care for a resident: %s", error->message);
      clear_cards (self);
      gtk_box_append (self->cards_box, label_new (_("Chronic care records could not be read."), "error"));
      return;
    }

  g_clear_pointer (&self->data, jy_chronic_data_free);
  self->data = data;
  fill (self);
}

void
jy_chronic_section_reload (JyChronicSection *self)
{
  gint64 *id;

  g_return_if_fail (JY_IS_CHRONIC_SECTION (self));

  if (self->store == NULL || self->resident == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  id = g_new (gint64, 1);
  *id = self->resident->id;
  jy_store_read_async (self->store, jy_chronic_data_load, id, g_free,
                       (GDestroyNotify) jy_chronic_data_free, self->cancellable,
                       loaded_cb, g_object_ref (self));
}

void
jy_chronic_section_show (JyChronicSection *self,
                         JyStore          *store,
                         const JyResident *resident)
{
  g_return_if_fail (JY_IS_CHRONIC_SECTION (self));
  g_return_if_fail (JY_IS_STORE (store));
  g_return_if_fail (resident != NULL);

  g_set_object (&self->store, store);
  /* Another resident's cards never stay while this one's load. */
  if (self->resident == NULL || self->resident->id != resident->id)
    clear_cards (self);
  g_clear_pointer (&self->resident, jy_resident_free);
  self->resident = jy_resident_copy (resident);
  g_clear_pointer (&self->data, jy_chronic_data_free);
  jy_chronic_section_reload (self);
}

guint
jy_chronic_section_get_managed (JyChronicSection *self)
{
  g_return_val_if_fail (JY_IS_CHRONIC_SECTION (self), 0);
  return self->data != NULL ? self->data->managed : 0;
}

gboolean
jy_chronic_section_is_loaded (JyChronicSection *self)
{
  g_return_val_if_fail (JY_IS_CHRONIC_SECTION (self), FALSE);
  return self->data != NULL;
}

JyProgrammeData *
jy_chronic_section_find (JyChronicSection *self,
                         const char       *programme_code)
{
  JyProgramme programme = jy_programme_from_code (programme_code);

  for (guint i = 0; self->data != NULL && i < self->data->programmes->len; i++)
    {
      JyProgrammeData *p = g_ptr_array_index (self->data->programmes, i);

      if (p->enrolment->programme == programme)
        return p;
    }
  return NULL;
}

JyStore *
jy_chronic_section_get_store (JyChronicSection *self)
{
  return self->store;
}

const JyResident *
jy_chronic_section_get_resident (JyChronicSection *self)
{
  return self->resident;
}

void
jy_chronic_section_emit_changed (JyChronicSection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
  jy_chronic_section_reload (self);
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JyChronicSection *self = JY_CHRONIC_SECTION (widget);

  /* The window opens the form; the signal is for whoever else listens. */
  if (self->resident != NULL)
    {
      g_signal_emit (self, signals[FOLLOW_UP], 0, self->resident->id);
      gtk_widget_activate_action (widget, "win.follow-up", "x", self->resident->id);
    }
}

static void
enrol_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JyChronicSection *self = JY_CHRONIC_SECTION (widget);

  JyEnrolmentDialog *dialog;

  if (self->resident == NULL || self->store == NULL)
    return;

  g_signal_emit (self, signals[ENROL], 0, self->resident->id);
  dialog = jy_enrolment_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->resident,
                                    jy_chronic_section_get_managed (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (jy_chronic_section_emit_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jy_chronic_section_dispose (GObject *object)
{
  JyChronicSection *self = JY_CHRONIC_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->resident, jy_resident_free);
  g_clear_pointer (&self->data, jy_chronic_data_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_CHRONIC_SECTION);

  G_OBJECT_CLASS (jy_chronic_section_parent_class)->dispose (object);
}

static void
jy_chronic_section_class_init (JyChronicSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_chronic_section_dispose;

  signals[FOLLOW_UP] = g_signal_new ("follow-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ENROL] = g_signal_new ("enrol", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-chronic-section.ui");
  gtk_widget_class_bind_template_child (widget_class, JyChronicSection, cards_box);
  gtk_widget_class_bind_template_child (widget_class, JyChronicSection, enrol_button);

  gtk_widget_class_install_action (widget_class, "chronic.follow-up", NULL, follow_up_action);
  gtk_widget_class_install_action (widget_class, "chronic.enrol", NULL, enrol_action);
  gtk_widget_class_install_action (widget_class, "chronic.print", "s", jy_chronic_section_print_action);
  gtk_widget_class_install_action (widget_class, "chronic.rx", "s", jy_chronic_section_rx_action);
  gtk_widget_class_install_action (widget_class, "chronic.end", "s", jy_chronic_section_end_action);

  g_type_ensure (JY_TYPE_TREND_CHART);
}

static void
jy_chronic_section_init (JyChronicSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
