/* jy-long-rx-dispense-dialog.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-long-rx-dispense-dialog.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-long-rx-store.h"

struct _JyLongRxDispenseDialog
{
  AdwWindow          parent_instance;

  JyStore           *store;
  GCancellable      *cancellable;
  gint64             long_rx_id;
  JyLongRxPrintData *data;
  JyLongRxResidentFacts *facts;

  GtkLabel          *summary_label;
  GtkEntry          *date_entry;
  GtkSwitch         *proxy_switch;
  GtkWidget         *proxy_grid;
  GtkCheckButton    *bedridden_check;
  GtkEntry          *entries[5];     /* name, relation, ID, phone, authorisation */
  GtkLabel          *errors[5];
  GtkLabel          *patient_error;
  GtkLabel          *form_error;
  GtkButton         *dispense_button;
};

G_DEFINE_FINAL_TYPE (JyLongRxDispenseDialog, jy_long_rx_dispense_dialog, ADW_TYPE_WINDOW)

enum { DISPENSED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { F_NAME, F_RELATION, F_ID, F_PHONE, F_AUTH, N_FIELDS };
static const char *const field_codes[N_FIELDS] = {
  "proxy-name", "proxy-relation", "proxy-id", "proxy-phone", "authorisation",
};

static const char *
text_of (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return text != NULL && *text != '\0' ? text : NULL;
}

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Checks the proxy fields with the core rules; shows each message next
 * to its field. Returns whether the proxy may collect. */
static gboolean
check_proxy (JyLongRxDispenseDialog *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *today = NULL;
  JyLongRxConfig config;
  JyLongRxProxyFacts p = { 0 };
  GString *patient = g_string_new (NULL);
  gboolean ok;

  jy_long_rx_config_init (&config);
  {
    g_autoptr(GDate) date = jy_clock_today_local ();

    today = jy_clock_format_date (date);
  }
  p.today = text_of (self->date_entry) != NULL ? text_of (self->date_entry) : today;
  p.contract_active = self->facts != NULL && self->facts->facts.contract_active;
  p.age = self->facts != NULL ? self->facts->age : 0;
  p.disabled = self->facts != NULL && self->facts->disabled;
  p.bedridden = gtk_check_button_get_active (self->bedridden_check);
  p.patient_id_number = self->facts != NULL ? self->facts->id_number : NULL;
  p.authorisation_date = text_of (self->entries[F_AUTH]);
  /* A first instalment is checked again by the store (new drug or not). */
  p.repeat_of_current = TRUE;
  p.proxy_name = text_of (self->entries[F_NAME]);
  p.proxy_relation = text_of (self->entries[F_RELATION]);
  p.proxy_id_number = text_of (self->entries[F_ID]);
  p.proxy_phone = text_of (self->entries[F_PHONE]);
  problems = jy_long_rx_proxy_check (&p, &config);

  for (guint f = 0; f < N_FIELDS; f++)
    show_error (self->errors[f], NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      JyLongRxProblem *problem = g_ptr_array_index (problems, i);
      gboolean placed = FALSE;

      for (guint f = 0; f < N_FIELDS; f++)
        if (g_str_equal (problem->field, field_codes[f]) && !gtk_widget_get_visible (GTK_WIDGET (self->errors[f])))
          {
            show_error (self->errors[f], problem->message);
            placed = TRUE;
          }
      if (!placed)
        g_string_append_printf (patient, "%s%s", patient->len > 0 ? "\n" : "", problem->message);
    }
  show_error (self->patient_error, patient->len > 0 ? patient->str : NULL);
  g_string_free (patient, TRUE);
  ok = problems->len == 0;
  return ok;
}

static void
field_changed_cb (JyLongRxDispenseDialog *self)
{
  if (gtk_switch_get_active (self->proxy_switch))
    check_proxy (self);
}

static void
proxy_toggled_cb (JyLongRxDispenseDialog *self)
{
  gboolean proxy = gtk_switch_get_active (self->proxy_switch);

  gtk_widget_set_visible (self->proxy_grid, proxy);
  if (!proxy)
    {
      for (guint f = 0; f < N_FIELDS; f++)
        show_error (self->errors[f], NULL);
      show_error (self->patient_error, NULL);
    }
}

static void
dispensed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JyLongRxDispenseDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRxDispense) done = jy_store_write_finish (JY_STORE (object), result, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->dispense_button), TRUE);
  if (done == NULL)
    {
      g_autofree char *message = error->domain == JY_STORE_ERROR && error->code == JY_STORE_ERROR_INVALID
                                   ? g_strdup (error->message) : jy_gui_format_store_error (error);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self->form_error, message);
      return;
    }
  g_signal_emit (self, signals[DISPENSED], 0, self->long_rx_id);
  gtk_window_close (GTK_WINDOW (self));
}

static gpointer
dispense_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  return jy_long_rx_store_dispense (db, data, error);
}

typedef struct
{
  JyLongRxDispenseRequest request;
  char *strings[7];
} Request;

static void
request_free (Request *r)
{
  for (guint i = 0; i < G_N_ELEMENTS (r->strings); i++)
    g_free (r->strings[i]);
  g_free (r);
}

static void
dispense_clicked_cb (JyLongRxDispenseDialog *self)
{
  Request *r;
  gboolean proxy = gtk_switch_get_active (self->proxy_switch);

  show_error (self->form_error, NULL);
  if (self->data == NULL)
    return;
  /* Bad input stays in the fields with the reason next to it. */
  if (proxy && !check_proxy (self))
    return;

  r = g_new0 (Request, 1);
  r->strings[0] = g_strdup (text_of (self->date_entry));
  r->strings[1] = g_strdup (text_of (self->entries[F_NAME]));
  r->strings[2] = g_strdup (text_of (self->entries[F_RELATION]));
  r->strings[3] = g_strdup (text_of (self->entries[F_ID]));
  r->strings[4] = g_strdup (text_of (self->entries[F_PHONE]));
  r->strings[5] = g_strdup (text_of (self->entries[F_AUTH]));
  r->request.long_rx_id = self->long_rx_id;
  r->request.rev = self->data->rx->rev;
  r->request.dispense_date = r->strings[0];
  r->request.proxy = proxy;
  r->request.bedridden = gtk_check_button_get_active (self->bedridden_check);
  r->request.proxy_name = r->strings[1];
  r->request.proxy_relation = r->strings[2];
  r->request.proxy_id_number = r->strings[3];
  r->request.proxy_phone = r->strings[4];
  r->request.authorisation_date = r->strings[5];
  gtk_widget_set_sensitive (GTK_WIDGET (self->dispense_button), FALSE);
  jy_store_write_async (self->store, dispense_func, r, (GDestroyNotify) request_free,
                        (GDestroyNotify) jy_long_rx_dispense_free, self->cancellable, dispensed_cb,
                        g_object_ref (self));
}

static void
facts_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyLongRxDispenseDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->facts = jy_store_read_finish (JY_STORE (object), result, &error);
  if (self->facts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self->form_error, error->message);
      return;
    }
  /* The proxy rules need the patient: only now can it be dispensed. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->dispense_button), TRUE);
  field_changed_cb (self);
}

static gpointer
facts_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  return jy_long_rx_store_resident_facts (db, *(gint64 *) data, NULL, error);
}

static void
data_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JyLongRxDispenseDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  JyLongRx *rx;
  int instalments;

  self->data = jy_store_read_finish (JY_STORE (object), result, &error);
  if (self->data == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self->form_error, error->message);
      return;
    }
  rx = self->data->rx;
  instalments = (rx->total_days + rx->days_per_dispense - 1) / MAX (1, rx->days_per_dispense);
  /* Translators: name, prescription number, instalment n of m */
  g_string_append_printf (summary, _("%1$s · %2$s · instalment %3$u of %4$d"), self->data->resident_name,
                          rx->rx_no, self->data->dispenses->len + 1, instalments);
  for (guint i = 0; i < rx->items->len; i++)
    {
      const JyLongRxItem *item = g_ptr_array_index (rx->items, i);

      g_string_append_printf (summary, "\n%s %s", item->drug_name, item->strength != NULL ? item->strength : "");
    }
  gtk_label_set_label (self->summary_label, summary->str);
  {
    gint64 *id = g_new (gint64, 1);

    *id = rx->resident_id;
    jy_store_read_async (self->store, facts_func, id, g_free, (GDestroyNotify) jy_long_rx_resident_facts_free,
                         self->cancellable, facts_loaded_cb, g_object_ref (self));
  }
}

static GtkLabel *
error_label (const char *name)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_name (label, name);
  return GTK_LABEL (label);
}

static void
jy_long_rx_dispense_dialog_dispose (GObject *object)
{
  JyLongRxDispenseDialog *self = JY_LONG_RX_DISPENSE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->data, jy_long_rx_print_data_free);
  g_clear_pointer (&self->facts, jy_long_rx_resident_facts_free);
  G_OBJECT_CLASS (jy_long_rx_dispense_dialog_parent_class)->dispose (object);
}

static void
jy_long_rx_dispense_dialog_class_init (JyLongRxDispenseDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jy_long_rx_dispense_dialog_dispose;
  signals[DISPENSED] = g_signal_new ("dispensed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
jy_long_rx_dispense_dialog_init (JyLongRxDispenseDialog *self)
{
  static const char *const labels[N_FIELDS] = {
    N_("Proxy's name"), N_("Relation to the patient"), N_("Proxy's ID number"), N_("Proxy's phone"),
    N_("Authorised on (YYYY-MM-DD)"),
  };
  static const char *const names[N_FIELDS] = {
    "proxy-name-entry", "proxy-relation-entry", "proxy-id-entry", "proxy-phone-entry", "authorisation-entry",
  };
  static const char *const error_names[N_FIELDS] = {
    "proxy-name-error", "proxy-relation-error", "proxy-id-error", "proxy-phone-error", "authorisation-error",
  };
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *date_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *proxy_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *today_text = jy_clock_format_date (today);
  GtkWidget *w;

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Dispense an Instalment"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 620);

  self->dispense_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Dispense")));
  gtk_widget_set_name (GTK_WIDGET (self->dispense_button), "dispense-button");
  gtk_widget_add_css_class (GTK_WIDGET (self->dispense_button), "suggested-action");
  gtk_widget_set_sensitive (GTK_WIDGET (self->dispense_button), FALSE);
  g_signal_connect_swapped (self->dispense_button, "clicked", G_CALLBACK (dispense_clicked_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->dispense_button));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (toolbar), header);

  g_object_set (content, "margin-top", 18, "margin-bottom", 18, "margin-start", 18, "margin-end", 18, NULL);
  self->summary_label = GTK_LABEL (gtk_label_new (_("Loading…")));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->summary_label));

  w = gtk_label_new_with_mnemonic (_("Date of _dispensing"));
  gtk_box_append (GTK_BOX (date_box), w);
  self->date_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today_text);
  gtk_label_set_mnemonic_widget (GTK_LABEL (w), GTK_WIDGET (self->date_entry));
  gtk_box_append (GTK_BOX (date_box), GTK_WIDGET (self->date_entry));
  gtk_box_append (GTK_BOX (content), date_box);

  w = gtk_label_new_with_mnemonic (_("Collected by a _proxy (代取药)"));
  gtk_widget_set_hexpand (w, TRUE);
  gtk_label_set_xalign (GTK_LABEL (w), 0);
  gtk_box_append (GTK_BOX (proxy_box), w);
  self->proxy_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_name (GTK_WIDGET (self->proxy_switch), "proxy-switch");
  gtk_label_set_mnemonic_widget (GTK_LABEL (w), GTK_WIDGET (self->proxy_switch));
  g_signal_connect_swapped (self->proxy_switch, "notify::active", G_CALLBACK (proxy_toggled_cb), self);
  gtk_box_append (GTK_BOX (proxy_box), GTK_WIDGET (self->proxy_switch));
  gtk_box_append (GTK_BOX (content), proxy_box);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *label = gtk_label_new (_(labels[f]));

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      self->entries[f] = GTK_ENTRY (gtk_entry_new ());
      gtk_widget_set_hexpand (GTK_WIDGET (self->entries[f]), TRUE);
      gtk_widget_set_name (GTK_WIDGET (self->entries[f]), names[f]);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entries[f]), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      self->errors[f] = error_label (error_names[f]);
      g_signal_connect_swapped (self->entries[f], "changed", G_CALLBACK (field_changed_cb), self);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) f * 2, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->entries[f]), 1, (int) f * 2, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->errors[f]), 1, (int) f * 2 + 1, 1, 1);
    }
  self->bedridden_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("The patient is _bedridden")));
  g_signal_connect_swapped (self->bedridden_check, "toggled", G_CALLBACK (field_changed_cb), self);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->bedridden_check), 1, N_FIELDS * 2, 1, 1);
  self->patient_error = error_label ("proxy-patient-error");
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->patient_error), 1, N_FIELDS * 2 + 1, 1, 1);
  self->proxy_grid = grid;
  gtk_widget_set_visible (grid, FALSE);
  gtk_box_append (GTK_BOX (content), grid);

  self->form_error = error_label ("dispense-error");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->form_error));
  gtk_box_append (GTK_BOX (toolbar), content);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

JyLongRxDispenseDialog *
jy_long_rx_dispense_dialog_new (GtkWindow *parent,
                                JyStore   *store,
                                gint64     long_rx_id)
{
  JyLongRxDispenseDialog *self = g_object_new (JY_TYPE_LONG_RX_DISPENSE_DIALOG,
                                               "transient-for", parent, NULL);
  gint64 *id = g_new (gint64, 1);

  self->store = g_object_ref (store);
  self->long_rx_id = *id = long_rx_id;
  jy_store_read_async (store, jy_long_rx_store_load_print_func, id, g_free,
                       (GDestroyNotify) jy_long_rx_print_data_free, self->cancellable, data_loaded_cb,
                       g_object_ref (self));
  return self;
}
