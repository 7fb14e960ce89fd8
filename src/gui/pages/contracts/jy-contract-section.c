/* jy-contract-section.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-section.h"

#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-clock.h"
#include "jy-contact-dialog.h"
#include "jy-contract-labels.h"
#include "jy-contract-print.h"
#include "jy-contract-sign-dialog.h"
#include "jy-contract-terminate-dialog.h"
#include "jy-person.h"
#include "jy-phone.h"
#include "jy-print.h"

#define RECENT_CONTACTS 20

typedef struct
{
  JyContract *contract;     /* the latest; NULL: never signed */
  GPtrArray  *contacts;     /* JyContactRecord, newest first */
} SectionData;

struct _JyContractSection
{
  AdwBin         parent_instance;

  GtkBox        *card_box;
  GtkButton     *sign_button;

  JyStore       *store;
  JyResident    *resident;
  GCancellable  *cancellable;
  SectionData   *data;
};

G_DEFINE_FINAL_TYPE (JyContractSection, jy_contract_section, ADW_TYPE_BIN)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
section_data_free (SectionData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->contract, jy_contract_free);
  g_clear_pointer (&data->contacts, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SectionData, section_data_free)

static gpointer
section_load (JyDb          *db,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  gint64 resident_id = *(gint64 *) user_data;
  g_autoptr(SectionData) data = g_new0 (SectionData, 1);

  if (!jy_contract_store_find_latest (db, resident_id, NULL, &data->contract, error))
    return NULL;
  if ((data->contacts = jy_contract_store_list_contacts (db, resident_id, RECENT_CONTACTS, error)) == NULL)
    return NULL;
  return g_steal_pointer (&data);
}

/* --- The card ------------------------------------------------------------ */

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_fact (GtkGrid    *grid,
          int         row,
          const char *title,
          const char *value,
          const char *css_class)
{
  GtkWidget *name = label_new (title, "dim-label");
  GtkWidget *text = label_new (value, css_class);

  gtk_widget_set_valign (name, GTK_ALIGN_START);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_grid_attach (grid, name, 0, row, 1, 1);
  gtk_grid_attach (grid, text, 1, row, 1, 1);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *name,
               const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_name (button, name);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  return button;
}

/* This quarter's counting contact (team-initiated, not voided). */
static const JyContactRecord *
contact_this_quarter (GPtrArray   *contacts,
                      const GDate *today,
                      GDate       *quarter_last)
{
  GDate first;

  jy_contact_period_bounds (today, NULL, &first, quarter_last);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      const JyContactRecord *c = g_ptr_array_index (contacts, i);

      if (g_strcmp0 (c->status, "final") != 0 || c->initiator != JY_CONTACT_BY_TEAM ||
          !g_date_valid (&c->date))
        continue;
      if (g_date_compare (&c->date, &first) >= 0 && g_date_compare (&c->date, quarter_last) <= 0)
        return c;
    }
  return NULL;
}

static const char *
state_class (JyContractState state)
{
  switch (state)
    {
    case JY_CONTRACT_STATE_ACTIVE:
      return "success";
    case JY_CONTRACT_STATE_EXPIRED:
      return "warning";
    case JY_CONTRACT_STATE_PENDING:
    case JY_CONTRACT_STATE_RENEWED:
      return "accent";
    case JY_CONTRACT_STATE_TERMINATED:
    case JY_CONTRACT_STATE_VOIDED:
    case JY_CONTRACT_STATE_N:
    default:
      return "dim-label";
    }
}

static GtkWidget *
contract_card (JyContractSection *self,
               const JyContract  *c,
               const GDate       *today)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gboolean live = c->state == JY_CONTRACT_STATE_ACTIVE || c->state == JY_CONTRACT_STATE_PENDING;
  g_autofree char *title = NULL;
  g_autofree char *packages = jy_contract_format_packages (c);
  g_autofree char *term = jy_contract_format_term (&c->facts);
  g_autofree char *fee_total = jy_contract_format_yuan (jy_fee_split_total (&c->fee));
  g_autofree char *fee_split = jy_contract_format_fee_split (&c->fee);
  g_autofree char *fee = NULL;
  g_autofree char *agreement = NULL;
  int row = 0;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_name (card, "contract-card");
  g_object_set (card, "margin-bottom", 6, NULL);

  /* Translators: the contract card's heading; %1$s its state (In force …), %2$s its number */
  title = g_strdup_printf (_("%1$s · No. %2$s"), _(jy_contract_state_get_label (c->state)),
                           c->contract_no != NULL ? c->contract_no : "—");
  {
    GtkWidget *t = label_new (title, "heading");

    gtk_widget_add_css_class (t, state_class (c->state));
    gtk_widget_set_hexpand (t, TRUE);
    gtk_box_append (GTK_BOX (head), t);
  }
  g_object_set (head, "margin-top", 12, "margin-start", 12, "margin-end", 12, NULL);
  gtk_box_append (GTK_BOX (card), head);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  g_object_set (grid, "margin-start", 12, "margin-end", 12, NULL);
  add_fact (GTK_GRID (grid), row++, _("Team"), c->team_name != NULL ? c->team_name : "—", NULL);
  add_fact (GTK_GRID (grid), row++, _("Responsible doctor"), c->doctor_name != NULL ? c->doctor_name : "—", NULL);
  add_fact (GTK_GRID (grid), row++, _("Packages"), packages, NULL);

  if (live && g_date_valid (&c->facts.end))
    {
      int days = jy_contract_days_left (&c->facts, today);
      g_autofree char *with_days =
        /* Translators: %1$s is the term (dates), %2$d days until it ends */
        g_strdup_printf (ngettext ("%1$s · %2$d day left", "%1$s · %2$d days left", (gulong) MAX (days, 0)),
                         term, MAX (days, 0));

      add_fact (GTK_GRID (grid), row++, _("Term"), with_days, days <= 30 ? "warning" : NULL);
    }
  else
    add_fact (GTK_GRID (grid), row++, _("Term"), term, NULL);

  if (c->state == JY_CONTRACT_STATE_TERMINATED && g_date_valid (&c->facts.termination_date))
    {
      g_autofree char *date = jy_clock_format_date (&c->facts.termination_date);
      /* Translators: %1$s is a date, %2$s the reason */
      g_autofree char *text = g_strdup_printf (_("From %1$s: %2$s"), date,
                                               _(jy_termination_reason_get_label (c->facts.termination_reason)));

      add_fact (GTK_GRID (grid), row++, _("Terminated"), text, NULL);
    }

  /* Translators: %1$s is the total fee, %2$s who pays what */
  fee = g_strdup_printf (_("%1$s (%2$s)"), fee_total, fee_split);
  add_fact (GTK_GRID (grid), row++, _("Fee for the term"), fee, NULL);

  if (c->agreement_signed_at != NULL)
    {
      g_autofree char *when = NULL;
      GDate day;

      when = jy_clock_local_date_from_utc_iso (c->agreement_signed_at, &day) ? jy_clock_format_date (&day)
                                                                            : g_strdup (c->agreement_signed_at);
      /* Translators: %s is the date the paper agreement was signed */
      agreement = g_strdup_printf (_("Signed on paper %s"), when);
    }
  else if (c->agreement_printed_at != NULL)
    agreement = g_strdup (_("Printed, not signed yet"));
  else
    agreement = g_strdup (_("Not printed yet"));
  add_fact (GTK_GRID (grid), row++, _("Agreement"), agreement, c->agreement_signed_at == NULL ? "warning" : NULL);

  if (live)
    {
      GDate quarter_last;
      const JyContactRecord *contact = contact_this_quarter (self->data->contacts, today, &quarter_last);
      g_autofree char *text = NULL;

      if (contact != NULL)
        {
          g_autofree char *date = jy_clock_format_date (&contact->date);

          /* Translators: a contact; %1$s its date, %2$s how, %3$s who */
          text = g_strdup_printf (_("%1$s · %2$s · %3$s"), date, _(jy_contact_channel_get_label (contact->channel)),
                                  contact->staff_name != NULL ? contact->staff_name : "—");
        }
      else
        {
          g_autofree char *due = jy_clock_format_date (&quarter_last);

          /* Translators: %s is the quarter's last day */
          text = g_strdup_printf (_("None yet this quarter: due by %s"), due);
        }
      add_fact (GTK_GRID (grid), row++, _("Contact this quarter"), text, contact == NULL ? "error" : NULL);
    }
  gtk_box_append (GTK_BOX (card), grid);

  gtk_widget_set_halign (actions, GTK_ALIGN_END);
  g_object_set (actions, "margin-start", 12, "margin-end", 12, "margin-bottom", 12, NULL);
  gtk_box_append (GTK_BOX (actions), action_button (_("_Print Agreement"), "contract.print", "print-button", NULL));
  if (c->agreement_signed_at == NULL && c->state != JY_CONTRACT_STATE_VOIDED)
    gtk_box_append (GTK_BOX (actions), action_button (_("Agreement _Signed"), "contract.mark-signed",
                                                      "mark-signed-button", NULL));
  if (live)
    gtk_box_append (GTK_BOX (actions), action_button (_("_Terminate…"), "contract.terminate",
                                                      "terminate-button", NULL));
  if (c->state != JY_CONTRACT_STATE_TERMINATED && c->state != JY_CONTRACT_STATE_VOIDED &&
      c->state != JY_CONTRACT_STATE_RENEWED)
    gtk_box_append (GTK_BOX (actions), action_button (_("_Renew…"), "contract.renew", "renew-button", NULL));
  gtk_box_append (GTK_BOX (actions), action_button (_("_Log Contact…"), "contract.contact", "contact-button",
                                                    "suggested-action"));
  gtk_box_append (GTK_BOX (card), actions);
  return card;
}

static void
clear_card (JyContractSection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->card_box))) != NULL)
    gtk_box_remove (self->card_box, child);
}

static void
fill (JyContractSection *self)
{
  g_autoptr(GDate) today = jy_clock_today_local ();
  const JyContract *c = self->data->contract;
  gboolean can_sign = jy_store_session_can (self->store, JY_PERMISSION_CONTRACT_SIGN);
  gboolean can_contact = jy_store_session_can (self->store, JY_PERMISSION_CONTRACT_CONTACT);
  gboolean live = c != NULL && (c->state == JY_CONTRACT_STATE_ACTIVE || c->state == JY_CONTRACT_STATE_PENDING);

  clear_card (self);
  if (c == NULL)
    gtk_box_append (self->card_box, label_new (_("Not signed with a family doctor."), "dim-label"));
  else
    gtk_box_append (self->card_box, contract_card (self, c, today));

  /* A new signing is offered when nothing is in force; the store refuses
   * a second contract anyway and the dialog says so. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.sign", can_sign);
  gtk_button_set_label (self->sign_button, live ? _("_Sign Again…") : _("_Sign…"));
  gtk_widget_set_visible (GTK_WIDGET (self->sign_button), !live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.renew", can_sign && c != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.terminate", can_sign && live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.mark-signed", can_sign && c != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.print", c != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.contact", can_contact);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JyContractSection) self = user_data;
  g_autoptr(GError) error = NULL;
  SectionData *data = jy_store_read_finish (JY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (data == NULL)
    {
      g_warning ("Could not load a resident's contract: %s", error->message);
      clear_card (self);
      gtk_box_append (self->card_box, label_new (_("The contract could not be read."), "error"));
      return;
    }
  section_data_free (self->data);
  self->data = data;
  fill (self);
}

void
jy_contract_section_reload (JyContractSection *self)
{
  g_return_if_fail (JY_IS_CONTRACT_SECTION (self));

  if (self->store == NULL || self->resident == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  jy_store_read_async (self->store, section_load, g_memdup2 (&self->resident->id, sizeof (gint64)), g_free,
                       (GDestroyNotify) section_data_free, self->cancellable, loaded_cb, g_object_ref (self));
}

void
jy_contract_section_show (JyContractSection *self,
                          JyStore           *store,
                          const JyResident  *resident)
{
  g_return_if_fail (JY_IS_CONTRACT_SECTION (self));
  g_return_if_fail (JY_IS_STORE (store));
  g_return_if_fail (resident != NULL);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->resident, jy_resident_free);
  self->resident = jy_resident_copy (resident);
  g_clear_pointer (&self->data, section_data_free);
  jy_contract_section_reload (self);
}

gboolean
jy_contract_section_is_loaded (JyContractSection *self)
{
  g_return_val_if_fail (JY_IS_CONTRACT_SECTION (self), FALSE);
  return self->data != NULL;
}

const JyContract *
jy_contract_section_get_contract (JyContractSection *self)
{
  g_return_val_if_fail (JY_IS_CONTRACT_SECTION (self), NULL);
  return self->data != NULL ? self->data->contract : NULL;
}

/* --- Actions ------------------------------------------------------------- */

static GtkWindow *
parent_window (JyContractSection *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
saved (JyContractSection *self,
       const char        *toast)
{
  g_clear_pointer (&self->data, section_data_free);
  jy_contract_section_reload (self);
  g_signal_emit (self, signals[CHANGED], 0, toast);
}

static void
signed_cb (JyContractSection *self)
{
  saved (self, _("Contract saved"));
}

static void
show_contract_cb (JyContractSection *self)
{
  /* The contract in the way is the one on this card. */
  jy_contract_section_reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->card_box));
}

static void
open_sign_dialog (JyContractSection *self,
                  const char *const *carry_codes)
{
  JyContractSignDialog *dialog;

  dialog = jy_contract_sign_dialog_new (parent_window (self), self->store, self->resident, carry_codes);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (signed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "show-contract", G_CALLBACK (show_contract_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JyContractSection *self = JY_CONTRACT_SECTION (widget);

  if (self->store != NULL && self->resident != NULL)
    open_sign_dialog (self, NULL);
}

static void
renew_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JyContractSection *self = JY_CONTRACT_SECTION (widget);
  const JyContract *c = jy_contract_section_get_contract (self);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_auto(GStrv) carry = NULL;

  if (c == NULL)
    return;
  /* Renewal carries the packages over. */
  for (guint i = 0; c->packages != NULL && i < c->packages->len; i++)
    g_strv_builder_add (codes, ((JyContractPackage *) g_ptr_array_index (c->packages, i))->code);
  carry = g_strv_builder_end (codes);
  open_sign_dialog (self, (const char *const *) carry);
}

static void
terminated_cb (JyContractSection *self)
{
  saved (self, _("Contract terminated"));
}

static void
terminate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JyContractSection *self = JY_CONTRACT_SECTION (widget);
  const JyContract *c = jy_contract_section_get_contract (self);
  JyContractTerminateDialog *dialog;

  if (c == NULL)
    return;
  dialog = jy_contract_terminate_dialog_new (parent_window (self), self->store, c, self->resident->name);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (terminated_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
contact_saved_cb (JyContractSection *self)
{
  saved (self, _("Contact logged"));
}

static void
contact_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JyContractSection *self = JY_CONTRACT_SECTION (widget);
  JyContactDialog *dialog;
  g_autoptr(GDate) today = jy_clock_today_local ();
  GDate birth;
  int age = -1;

  if (self->resident == NULL)
    return;
  /* 65 or over this year (the annual check's rule). */
  if (jy_person_parse_date (self->resident->birth_date, &birth))
    age = g_date_get_year (today) - g_date_get_year (&birth);
  dialog = jy_contact_dialog_new (parent_window (self), self->store, self->resident->id, self->resident->name, age);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (contact_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  gint64             contract_id;
  JyAgreementEvent   event;
} MarkJob;

static gpointer
mark_job (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  MarkJob *job = data;

  return jy_contract_store_mark_agreement (db, job->contract_id, job->event, error);
}

static void
marked (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data,
        const char   *toast)
{
  g_autoptr(JyContractSection) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = jy_store_write_finish (JY_STORE (object), result, &error);

  if (contract == NULL)
    {
      g_warning ("Could not record the agreement: %s", error->message);
      return;
    }
  saved (self, toast);
}

static void
marked_signed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  marked (object, result, user_data, _("Agreement recorded as signed"));
}

static void
marked_printed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  marked (object, result, user_data, NULL);
}

static void
mark (JyContractSection *self,
      JyAgreementEvent   event)
{
  const JyContract *c = jy_contract_section_get_contract (self);
  MarkJob *job;

  if (c == NULL)
    return;
  job = g_new0 (MarkJob, 1);
  job->contract_id = c->id;
  job->event = event;
  jy_store_write_async (self->store, mark_job, job, g_free, (GDestroyNotify) jy_contract_free, NULL,
                        event == JY_AGREEMENT_SIGNED ? marked_signed_cb : marked_printed_cb,
                        g_object_ref (self));
}

static void
mark_signed_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  mark (JY_CONTRACT_SECTION (widget), JY_AGREEMENT_SIGNED);
}

/* The agreement as printed for this resident and contract. */
static JyPrintDoc *
agreement_doc (JyContractSection *self,
               const char        *centre_name)
{
  const JyResident *r = self->resident;
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *id = jy_person_mask_id_number (r->id_number);
  g_autofree char *phone = r->phone != NULL ? jy_phone_mask (r->phone) : NULL;
  JyContractPrintHeader header = {
    .centre_name = centre_name, .resident_name = r->name, .sex = r->sex, .birth_date = r->birth_date,
    .id_masked = id, .phone = phone, .address = r->address_detail, .date = today,
  };

  return jy_contract_print_agreement (self->data->contract, &header);
}

static void
print_centre_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyContractSection) self = user_data;
  g_autoptr(JyCentreSummary) centre = jy_store_read_finish (JY_STORE (object), result, NULL);
  JyPrintDoc *doc;

  if (jy_contract_section_get_contract (self) == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  doc = agreement_doc (self, centre != NULL ? centre->name : NULL);
  jy_print_run (parent_window (self), doc, self->resident->name);
  mark (self, JY_AGREEMENT_PRINTED);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JyContractSection *self = JY_CONTRACT_SECTION (widget);

  jy_store_read_async (self->store, jy_centre_store_load, NULL, NULL, (GDestroyNotify) jy_centre_summary_free,
                       NULL, print_centre_cb, g_object_ref (self));
}

static void
jy_contract_section_dispose (GObject *object)
{
  JyContractSection *self = JY_CONTRACT_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->resident, jy_resident_free);
  g_clear_pointer (&self->data, section_data_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_CONTRACT_SECTION);

  G_OBJECT_CLASS (jy_contract_section_parent_class)->dispose (object);
}

static void
jy_contract_section_class_init (JyContractSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_contract_section_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-contract-section.ui");
  gtk_widget_class_bind_template_child (widget_class, JyContractSection, card_box);
  gtk_widget_class_bind_template_child (widget_class, JyContractSection, sign_button);

  gtk_widget_class_install_action (widget_class, "contract.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "contract.renew", NULL, renew_action);
  gtk_widget_class_install_action (widget_class, "contract.terminate", NULL, terminate_action);
  gtk_widget_class_install_action (widget_class, "contract.contact", NULL, contact_action);
  gtk_widget_class_install_action (widget_class, "contract.mark-signed", NULL, mark_signed_action);
  gtk_widget_class_install_action (widget_class, "contract.print", NULL, print_action);
}

static void
jy_contract_section_init (JyContractSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self->card_box), TRUE);
}
