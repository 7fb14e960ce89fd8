/* jy-long-rx-issue-dialog.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-long-rx-issue-dialog.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-long-rx-print.h"
#include "jy-long-rx-store.h"
#include "jy-print.h"

struct _JyLongRxIssueDialog
{
  AdwWindow          parent_instance;

  JyStore           *store;
  GCancellable      *cancellable;
  GCancellable      *search_cancellable;
  gint64             resident_id;
  gint64             rx_id;
  GPtrArray         *items;            /* JyLongRxItem */
  gboolean           eligible;

  GtkLabel          *eligibility_label;
  GtkSearchEntry    *search_entry;
  GtkListBox        *results_box;
  GtkLabel          *drug_error;
  GtkBox            *items_box;
  GtkLabel          *items_error;
  GtkSpinButton     *days_spin;
  GtkSpinButton     *instalment_spin;
  GtkLabel          *days_error;
  GtkCheckButton    *assessment_check;
  GtkEntry          *assessment_entry;
  GtkLabel          *assessment_error;
  GtkCheckButton    *confirmation_check;
  GtkLabel          *confirmation_error;
  GtkLabel          *form_error;
  GtkButton         *issue_button;
  GtkWidget         *form_box;
  GtkWidget         *done_box;
  GtkLabel          *done_label;
};

G_DEFINE_FINAL_TYPE (JyLongRxIssueDialog, jy_long_rx_issue_dialog, ADW_TYPE_WINDOW)

enum { ISSUED, PRINTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static GtkLabel *
error_label (const char *name)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_name (label, name);
  return GTK_LABEL (label);
}

static int
total_days (JyLongRxIssueDialog *self)
{
  return gtk_spin_button_get_value_as_int (self->days_spin);
}

/* Items ---------------------------------------------------------------------------- */

static void rebuild_items (JyLongRxIssueDialog *self);

static void
update_packs (GtkWidget    *row,
              JyLongRxItem *item)
{
  GtkLabel *packs = g_object_get_data (G_OBJECT (row), "packs");
  g_autofree char *text = NULL;

  item->packs = jy_long_rx_item_packs (item);
  /* Translators: a computed quantity, e.g. "3 盒" */
  text = g_strdup_printf (_("%1$d %2$s"), item->packs, item->pack_unit != NULL ? item->pack_unit : "");
  gtk_label_set_label (packs, text);
}

static void
dose_changed_cb (GtkSpinButton *spin,
                 GtkWidget     *row)
{
  JyLongRxItem *item = g_object_get_data (G_OBJECT (row), "item");

  item->dose = gtk_spin_button_get_value (spin);
  update_packs (row, item);
}

static void
frequency_changed_cb (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      GtkWidget   *row)
{
  JyLongRxItem *item = g_object_get_data (G_OBJECT (row), "item");

  item->frequency = (JyDoseFrequency) (gtk_drop_down_get_selected (dropdown) + 1);
  update_packs (row, item);
}

static void
remove_clicked_cb (GtkButton           *button,
                   JyLongRxIssueDialog *self)
{
  JyLongRxItem *item = g_object_get_data (G_OBJECT (button), "item");

  g_ptr_array_remove (self->items, item);
  rebuild_items (self);
}

static GtkWidget *
item_row (JyLongRxIssueDialog *self,
          JyLongRxItem        *item,
          guint                index)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *title = g_strdup_printf ("%s %s", item->drug_name, item->strength != NULL ? item->strength : "");
  GtkWidget *name = gtk_label_new (title);
  GtkWidget *dose = gtk_spin_button_new_with_range (0.25, 200, 0.25);
  GtkWidget *unit = gtk_label_new (item->unit);
  g_autoptr(GtkStringList) frequencies = gtk_string_list_new (NULL);
  GtkWidget *frequency;
  GtkWidget *packs = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *dose_name = g_strdup_printf ("dose-%u", index);
  g_autofree char *packs_name = g_strdup_printf ("packs-%u", index);

  for (guint f = 1; f < JY_DOSE_FREQUENCY_LAST; f++)
    gtk_string_list_append (frequencies, _(jy_dose_frequency_label (f)));
  frequency = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (frequencies)), NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (dose), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dose), item->dose);
  gtk_widget_set_name (dose, dose_name);
  gtk_widget_set_name (packs, packs_name);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (frequency), item->frequency > 0 ? item->frequency - 1 : 0);
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dose), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dose per time"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (frequency), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Frequency"), -1);

  g_object_set_data (G_OBJECT (row), "item", item);
  g_object_set_data (G_OBJECT (row), "packs", packs);
  g_object_set_data (G_OBJECT (remove), "item", item);
  g_signal_connect (dose, "value-changed", G_CALLBACK (dose_changed_cb), row);
  g_signal_connect (frequency, "notify::selected", G_CALLBACK (frequency_changed_cb), row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), dose);
  gtk_box_append (GTK_BOX (row), unit);
  gtk_box_append (GTK_BOX (row), frequency);
  gtk_box_append (GTK_BOX (row), packs);
  gtk_box_append (GTK_BOX (row), remove);
  update_packs (row, item);
  return row;
}

static void
rebuild_items (JyLongRxIssueDialog *self)
{
  GtkWidget *child;
  int days = total_days (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))) != NULL)
    gtk_box_remove (self->items_box, child);
  for (guint i = 0; i < self->items->len; i++)
    {
      JyLongRxItem *item = g_ptr_array_index (self->items, i);

      item->days = days;
      gtk_box_append (self->items_box, item_row (self, item, i));
    }
}

static void
days_changed_cb (JyLongRxIssueDialog *self)
{
  gboolean long_one = total_days (self) > 28;

  rebuild_items (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assessment_check), long_one);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assessment_entry), long_one);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirmation_check), long_one);
}

/* Catalogue search ------------------------------------------------------------------ */

static void
result_activated_cb (GtkListBox          *box,
                     GtkListBoxRow       *row,
                     JyLongRxIssueDialog *self)
{
  JyDrug *drug = g_object_get_data (G_OBJECT (row), "drug");
  JyDrugExclusion refused = jy_drug_refused_class (drug);
  JyLongRxItem *item;

  if (refused != JY_DRUG_EXCLUSION_NONE)
    {
      g_autofree char *message = jy_drug_exclusion_message (drug->generic_name, refused);

      /* Refused at the field, with the rule; the search stays as typed. */
      show_error (self->drug_error, message);
      return;
    }
  show_error (self->drug_error, NULL);
  item = jy_long_rx_item_new_for (drug);
  item->dose = 1;
  item->frequency = JY_DOSE_FREQUENCY_QD;
  item->days = total_days (self);
  if (g_strcmp0 (item->unit, "IU") == 0)
    item->dose = 10;
  g_ptr_array_add (self->items, item);
  show_error (self->items_error, NULL);
  rebuild_items (self);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JyLongRxIssueDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drugs = jy_store_read_finish (JY_STORE (object), result, &error);
  GtkListBoxRow *old;

  if (drugs == NULL)
    return;
  while ((old = gtk_list_box_get_row_at_index (self->results_box, 0)) != NULL)
    gtk_list_box_remove (self->results_box, GTK_WIDGET (old));
  for (guint i = 0; i < drugs->len; i++)
    {
      JyDrug *drug = g_ptr_array_index (drugs, i);
      g_autofree char *text = g_strdup_printf ("%s %s · %s", drug->generic_name,
                                               drug->strength != NULL ? drug->strength : "",
                                               drug->code);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      g_object_set (label, "margin-top", 4, "margin-bottom", 4, "margin-start", 8, NULL);
      if (jy_drug_refused_class (drug) != JY_DRUG_EXCLUSION_NONE)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "drug", jy_drug_copy (drug), (GDestroyNotify) jy_drug_free);
      gtk_list_box_append (self->results_box, row);
    }
}

static gpointer
search_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  return jy_drug_store_search (db, data, 8, error);
}

static void
search_changed_cb (JyLongRxIssueDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  show_error (self->drug_error, NULL);
  jy_store_read_async (self->store, search_func, g_strdup (text), g_free, (GDestroyNotify) g_ptr_array_unref,
                       self->search_cancellable, search_done_cb, g_object_ref (self));
}

/* Eligibility -------------------------------------------------------------------------- */

static gpointer
facts_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  return jy_long_rx_store_resident_facts (db, *(gint64 *) data, NULL, error);
}

static void
facts_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyLongRxIssueDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRxResidentFacts) facts = jy_store_read_finish (JY_STORE (object), result, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  if (facts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self->eligibility_label, error->message);
      return;
    }
  self->eligible = facts->reasons->len == 0 && facts->current_rx_id == 0;
  if (facts->reasons->len > 0)
    g_string_append (text, _("Not eligible for a long prescription:"));
  for (guint i = 0; i < facts->reasons->len; i++)
    g_string_append_printf (text, "\n• %s", (const char *) g_ptr_array_index (facts->reasons, i));
  if (facts->current_rx_id != 0)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                            _("The resident already has a long prescription in use: renew or stop it first."));
  show_error (self->eligibility_label, text->len > 0 ? text->str : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->issue_button), self->eligible);
}

/* Issuing ------------------------------------------------------------------------------- */

static JyLongRx *
build_rx (JyLongRxIssueDialog *self)
{
  JyLongRx *rx = jy_long_rx_new ();
  g_autoptr(GDate) today = jy_clock_today_local ();
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->assessment_entry));

  rx->resident_id = self->resident_id;
  rx->issue_date = jy_clock_format_date (today);
  rx->total_days = total_days (self);
  rx->days_per_dispense = gtk_spin_button_get_value_as_int (self->instalment_spin);
  rx->assessment_done = gtk_check_button_get_active (self->assessment_check);
  rx->assessment_note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  rx->patient_confirmed = gtk_check_button_get_active (self->confirmation_check);
  rx->education_given = rx->patient_confirmed;
  for (guint i = 0; i < self->items->len; i++)
    {
      JyLongRxItem *item = jy_long_rx_item_copy (g_ptr_array_index (self->items, i));

      item->days = rx->total_days;
      g_ptr_array_add (rx->items, item);
    }
  jy_long_rx_compute (rx);
  return rx;
}

/* Shows each problem at its field; returns whether there were none. */
static gboolean
show_problems (JyLongRxIssueDialog *self,
               const JyLongRx      *rx)
{
  JyLongRxConfig config;
  g_autoptr(GPtrArray) problems = NULL;
  GtkLabel *labels[] = { self->days_error, self->assessment_error, self->confirmation_error,
                         self->items_error, self->drug_error, self->form_error };

  jy_long_rx_config_init (&config);
  problems = jy_long_rx_check (rx, &config);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    show_error (labels[i], NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      JyLongRxProblem *p = g_ptr_array_index (problems, i);
      GtkLabel *label = g_str_equal (p->field, "days") || g_str_equal (p->field, "instalment") ? self->days_error
                        : g_str_equal (p->field, "assessment") ? self->assessment_error
                        : g_str_equal (p->field, "confirmation") ? self->confirmation_error
                        : g_str_equal (p->field, "item-drug") ? self->drug_error
                        : g_str_has_prefix (p->field, "item") ? self->items_error
                        : self->form_error;

      if (!gtk_widget_get_visible (GTK_WIDGET (label)))
        show_error (label, p->message);
    }
  return problems->len == 0;
}

static gpointer
issue_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  return jy_long_rx_store_issue (db, data, error);
}

static void
issued_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JyLongRxIssueDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRx) rx = jy_store_write_finish (JY_STORE (object), result, &error);
  g_autofree char *done = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->issue_button), TRUE);
  if (rx == NULL)
    {
      g_autofree char *message = error->domain == JY_STORE_ERROR && error->code == JY_STORE_ERROR_INVALID
                                   ? g_strdup (error->message) : jy_gui_format_store_error (error);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self->form_error, message);
      return;
    }
  self->rx_id = rx->id;
  /* Translators: %1$s a prescription number, %2$s the review date */
  done = g_strdup_printf (_("Long prescription %1$s issued. Review by %2$s."), rx->rx_no, rx->review_date);
  gtk_label_set_label (self->done_label, done);
  gtk_widget_set_visible (self->form_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->issue_button), FALSE);
  gtk_widget_set_visible (self->done_box, TRUE);
  g_signal_emit (self, signals[ISSUED], 0, rx->id);
}

static void
issue_clicked_cb (JyLongRxIssueDialog *self)
{
  g_autoptr(JyLongRx) rx = build_rx (self);

  if (!self->eligible || !show_problems (self, rx))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->issue_button), FALSE);
  jy_store_write_async (self->store, issue_func, g_steal_pointer (&rx), (GDestroyNotify) jy_long_rx_free,
                        (GDestroyNotify) jy_long_rx_free, self->cancellable, issued_cb, g_object_ref (self));
}

/* Printing ------------------------------------------------------------------------------- */

typedef struct
{
  JyLongRxIssueDialog *self;
  JyPrintDoc          *doc;
  char                *path;
  gboolean             card;
} PrintJob;

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  PrintJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (jy_print_write_pdf_finish (result, &error))
    g_signal_emit (job->self, signals[PRINTED], 0, job->path);
  else
    show_error (job->self->form_error, error->message);
  jy_print_doc_free (job->doc);
  g_object_unref (job->self);
  g_free (job->path);
  g_free (job);
}

static void
print_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PrintJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRxPrintData) data = jy_store_read_finish (JY_STORE (object), result, &error);

  if (data == NULL)
    {
      show_error (job->self->form_error, error->message);
      g_object_unref (job->self);
      g_free (job->path);
      g_free (job);
      return;
    }
  job->doc = jy_long_rx_print_from_data (data, job->card);
  if (job->path != NULL)
    {
      jy_print_write_pdf_async (job->doc, job->path, NULL, written_cb, job);
      return;
    }
  jy_print_run (GTK_WINDOW (job->self), job->doc,
                job->card ? _("Medication card") : _("Long prescription"));
  g_object_unref (job->self);
  g_free (job);
}

static void
print (JyLongRxIssueDialog *self,
       gboolean             card,
       const char          *path)
{
  PrintJob *job = g_new0 (PrintJob, 1);
  gint64 *id = g_new (gint64, 1);

  *id = self->rx_id;
  job->self = g_object_ref (self);
  job->card = card;
  job->path = g_strdup (path);
  jy_store_read_async (self->store, jy_long_rx_store_load_print_func, id, g_free,
                       (GDestroyNotify) jy_long_rx_print_data_free, self->cancellable, print_loaded_cb, job);
}

static void
print_slip_cb (JyLongRxIssueDialog *self)
{
  print (self, FALSE, NULL);
}

static void
print_card_cb (JyLongRxIssueDialog *self)
{
  print (self, TRUE, NULL);
}

void
jy_long_rx_issue_dialog_save_slip (JyLongRxIssueDialog *self,
                                   const char          *path)
{
  g_return_if_fail (JY_IS_LONG_RX_ISSUE_DIALOG (self));
  g_return_if_fail (self->rx_id != 0 && path != NULL);
  print (self, FALSE, path);
}

gint64
jy_long_rx_issue_dialog_get_rx_id (JyLongRxIssueDialog *self)
{
  g_return_val_if_fail (JY_IS_LONG_RX_ISSUE_DIALOG (self), 0);
  return self->rx_id;
}

/* Construction -------------------------------------------------------------------------- */

static void
jy_long_rx_issue_dialog_dispose (GObject *object)
{
  JyLongRxIssueDialog *self = JY_LONG_RX_ISSUE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (jy_long_rx_issue_dialog_parent_class)->dispose (object);
}

static void
jy_long_rx_issue_dialog_class_init (JyLongRxIssueDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jy_long_rx_issue_dialog_dispose;
  signals[ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[PRINTED] = g_signal_new ("printed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
jy_long_rx_issue_dialog_init (JyLongRxIssueDialog *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Close"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *days_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *done = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *w;

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_long_rx_item_free);
  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Issue a Long Prescription"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);

  self->issue_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Issue")));
  gtk_widget_set_name (GTK_WIDGET (self->issue_button), "issue-button");
  gtk_widget_add_css_class (GTK_WIDGET (self->issue_button), "suggested-action");
  gtk_widget_set_sensitive (GTK_WIDGET (self->issue_button), FALSE);
  g_signal_connect_swapped (self->issue_button, "clicked", G_CALLBACK (issue_clicked_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->issue_button));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (outer), header);

  g_object_set (content, "margin-top", 18, "margin-bottom", 18, "margin-start", 18, "margin-end", 18, NULL);
  self->eligibility_label = error_label ("eligibility-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->eligibility_label));

  /* Drugs */
  gtk_box_append (GTK_BOX (form), heading (_("Drugs")));
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->search_entry), "drug-search");
  g_object_set (self->search_entry, "placeholder-text", _("Find a drug by name or pinyin initials, e.g. aldp"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find a drug"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->search_entry));
  self->drug_error = error_label ("drug-error");
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->drug_error));
  self->results_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->results_box), "drug-results");
  gtk_widget_add_css_class (GTK_WIDGET (self->results_box), "boxed-list");
  g_signal_connect (self->results_box, "row-activated", G_CALLBACK (result_activated_cb), self);
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->results_box));
  self->items_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_name (GTK_WIDGET (self->items_box), "items-box");
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->items_box));
  self->items_error = error_label ("items-error");
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->items_error));

  /* Duration */
  gtk_box_append (GTK_BOX (form), heading (_("Duration")));
  w = gtk_label_new_with_mnemonic (_("_Days"));
  gtk_box_append (GTK_BOX (days_box), w);
  self->days_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (28, 84, 7));
  gtk_widget_set_name (GTK_WIDGET (self->days_spin), "days-spin");
  gtk_label_set_mnemonic_widget (GTK_LABEL (w), GTK_WIDGET (self->days_spin));
  g_signal_connect_swapped (self->days_spin, "value-changed", G_CALLBACK (days_changed_cb), self);
  gtk_box_append (GTK_BOX (days_box), GTK_WIDGET (self->days_spin));
  w = gtk_label_new_with_mnemonic (_("Days per _instalment"));
  gtk_box_append (GTK_BOX (days_box), w);
  self->instalment_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (7, 84, 7));
  gtk_spin_button_set_value (self->instalment_spin, 28);
  gtk_widget_set_name (GTK_WIDGET (self->instalment_spin), "instalment-spin");
  gtk_label_set_mnemonic_widget (GTK_LABEL (w), GTK_WIDGET (self->instalment_spin));
  gtk_box_append (GTK_BOX (days_box), GTK_WIDGET (self->instalment_spin));
  gtk_box_append (GTK_BOX (form), days_box);
  self->days_error = error_label ("days-error");
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->days_error));

  /* Over 4 weeks */
  self->assessment_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (
    _("_Assessment documented: the condition is stable (required over 4 weeks)")));
  gtk_widget_set_name (GTK_WIDGET (self->assessment_check), "assessment-check");
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->assessment_check));
  self->assessment_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->assessment_entry), "assessment-entry");
  g_object_set (self->assessment_entry, "placeholder-text", _("Assessment, e.g. controlled at the last 3 visits, adherence good"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->assessment_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Assessment"), -1);
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->assessment_entry));
  self->assessment_error = error_label ("assessment-error");
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->assessment_error));
  self->confirmation_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (
    _("The patient was _educated and confirmed (signature)")));
  gtk_widget_set_name (GTK_WIDGET (self->confirmation_check), "confirmation-check");
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->confirmation_check));
  self->confirmation_error = error_label ("confirmation-error");
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->confirmation_error));
  self->form_box = form;
  gtk_box_append (GTK_BOX (content), form);

  /* After issuing */
  self->done_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->done_label, TRUE);
  gtk_box_append (GTK_BOX (done), GTK_WIDGET (self->done_label));
  w = gtk_button_new_with_mnemonic (_("Print _Slip…"));
  gtk_widget_set_name (w, "print-slip-button");
  gtk_widget_add_css_class (w, "suggested-action");
  g_signal_connect_swapped (w, "clicked", G_CALLBACK (print_slip_cb), self);
  gtk_box_append (GTK_BOX (buttons), w);
  w = gtk_button_new_with_mnemonic (_("Print Medication _Card…"));
  g_signal_connect_swapped (w, "clicked", G_CALLBACK (print_card_cb), self);
  gtk_box_append (GTK_BOX (buttons), w);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (done), buttons);
  gtk_widget_set_visible (done, FALSE);
  self->done_box = done;
  gtk_box_append (GTK_BOX (content), done);

  self->form_error = error_label ("issue-error");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->form_error));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), scroller);
  adw_window_set_content (ADW_WINDOW (self), outer);
  days_changed_cb (self);
}

JyLongRxIssueDialog *
jy_long_rx_issue_dialog_new (GtkWindow *parent,
                             JyStore   *store,
                             gint64     resident_id)
{
  JyLongRxIssueDialog *self = g_object_new (JY_TYPE_LONG_RX_ISSUE_DIALOG, "transient-for", parent, NULL);
  gint64 *id = g_new (gint64, 1);

  self->store = g_object_ref (store);
  self->resident_id = *id = resident_id;
  jy_store_read_async (store, facts_func, id, g_free, (GDestroyNotify) jy_long_rx_resident_facts_free,
                       self->cancellable, facts_loaded_cb, g_object_ref (self));
  search_changed_cb (self);
  return self;
}
