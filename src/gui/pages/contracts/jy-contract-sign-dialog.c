/* jy-contract-sign-dialog.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-sign-dialog.h"
#include "jy-contract-signer-group.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-contract-labels.h"
#include "jy-contract-store.h"
#include "jy-gui-format.h"
#include "jy-person.h"
#include "jy-team-store.h"

struct _JyContractSignDialog
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  GtkDropDown       *team_dropdown;
  GtkDropDown       *doctor_dropdown;
  GtkLabel          *caseload_label;
  GtkEntry          *sign_date_entry;
  GtkLabel          *sign_date_error;
  AdwActionRow      *term_row;
  GtkDropDown       *channel_dropdown;
  GtkListBox        *packages_list;
  AdwActionRow      *fee_row;
  GtkLabel          *fee_total_label;
  GtkCheckButton    *fee_paid_check;
  GtkCheckButton    *agreement_check;
  GtkWidget         *error_box;
  GtkLabel          *save_error;
  GtkWidget         *existing_button;
  JyContractSignerGroup *signer_group;

  JyStore           *store;
  JyResident        *resident;
  GStrv              carry_codes;
  GHashTable        *chosen;        /* package code → TRUE */
  GCancellable      *cancellable;
  JyContractDraft   *draft;
  GPtrArray         *teams;         /* JyTeamRecord */
  GArray            *team_ids;
  GArray            *doctor_ids;
  gint64             existing_id;
  gboolean           filling;
  gboolean           saving;
};

G_DEFINE_FINAL_TYPE (JyContractSignDialog, jy_contract_sign_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  SHOW_CONTRACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- Reading the draft (reader thread) ---------------------------------- */

typedef struct
{
  gint64 resident_id;
  gint64 team_id;
  gint64 doctor_id;
  GDate  sign_date;
} DraftQuery;

typedef struct
{
  JyContractDraft *draft;
  GPtrArray       *teams;
  GStrv            carry;       /* a renewal: the renewed contract's packages */
} DraftData;

static void
draft_data_free (DraftData *data)
{
  g_clear_pointer (&data->carry, g_strfreev);
  g_clear_pointer (&data->draft, jy_contract_draft_free);
  g_clear_pointer (&data->teams, g_ptr_array_unref);
  g_free (data);
}

static gpointer
draft_load (JyDb          *db,
            gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  DraftQuery *q = user_data;
  DraftData *data = g_new0 (DraftData, 1);

  data->teams = jy_team_store_list (db, FALSE, &q->sign_date, error);
  if (data->teams != NULL)
    data->draft = jy_contract_store_prepare (db, q->resident_id, q->team_id, q->doctor_id, &q->sign_date, error);
  if (data->teams == NULL || data->draft == NULL)
    {
      draft_data_free (data);
      return NULL;
    }
  if (data->draft->kind == JY_SIGNING_KIND_RENEWAL && data->draft->renews_id != 0)
    {
      g_autoptr(JyContract) old = jy_contract_store_load (db, data->draft->renews_id, NULL, error);
      g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

      if (old == NULL)
        {
          draft_data_free (data);
          return NULL;
        }
      for (guint i = 0; old->packages != NULL && i < old->packages->len; i++)
        g_strv_builder_add (codes, ((JyContractPackage *) g_ptr_array_index (old->packages, i))->code);
      data->carry = g_strv_builder_end (codes);
    }
  return data;
}

/* --- The form ------------------------------------------------------------ */

static gboolean
parse_sign_date (JyContractSignDialog *self,
                 GDate                *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->sign_date_entry));
  g_autoptr(GDate) today = jy_clock_today_local ();

  if (!jy_person_parse_date (text, out))
    {
      gtk_label_set_label (self->sign_date_error, _("Enter the date as YYYY-MM-DD."));
      gtk_widget_set_visible (GTK_WIDGET (self->sign_date_error), TRUE);
      return FALSE;
    }
  if (g_date_compare (out, today) > 0)
    {
      gtk_label_set_label (self->sign_date_error, _("The date cannot be in the future."));
      gtk_widget_set_visible (GTK_WIDGET (self->sign_date_error), TRUE);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sign_date_error), FALSE);
  return TRUE;
}

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return ids != NULL && i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static GStrv
chosen_codes (JyContractSignDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self->draft != NULL && i < self->draft->options->len; i++)
    {
      JyPackageOption *option = g_ptr_array_index (self->draft->options, i);
      const char *code = option->record->package->code;

      if (option->eligibility == JY_PACKAGE_ELIGIBLE && g_hash_table_contains (self->chosen, code))
        g_strv_builder_add (builder, code);
    }
  return g_strv_builder_end (builder);
}

static void
update_fee (JyContractSignDialog *self)
{
  g_auto(GStrv) codes = chosen_codes (self);
  g_autofree char *total = NULL;
  g_autofree char *split = NULL;
  JyFeeSplit fee = { 0 };

  if (self->draft == NULL)
    return;
  jy_contract_draft_fee (self->draft, (const char *const *) codes, &fee);
  total = jy_contract_format_yuan (jy_fee_split_total (&fee));
  split = jy_contract_format_fee_split (&fee);
  gtk_label_set_label (self->fee_total_label, total);
  adw_action_row_set_subtitle (self->fee_row, split);
}

static void
package_toggled_cb (GtkCheckButton       *check,
                    JyContractSignDialog *self)
{
  const char *code = g_object_get_data (G_OBJECT (check), "code");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, g_strdup (code));
  else
    g_hash_table_remove (self->chosen, code);
  gtk_widget_set_visible (self->error_box, FALSE);
  update_fee (self);
}

static void
fill_packages (JyContractSignDialog *self)
{
  GtkListBoxRow *old;

  while ((old = gtk_list_box_get_row_at_index (self->packages_list, 0)) != NULL)
    gtk_list_box_remove (self->packages_list, GTK_WIDGET (old));

  for (guint i = 0; i < self->draft->options->len; i++)
    {
      JyPackageOption *option = g_ptr_array_index (self->draft->options, i);
      const JyServicePackage *package = option->record->package;
      gboolean basic = package->kind == JY_SERVICE_PACKAGE_KIND_BASIC;
      g_autofree char *reason = jy_contract_describe_eligibility (package, option->eligibility, self->draft->age);
      g_autofree char *price = jy_contract_format_yuan (jy_fee_split_total (&package->annual_fee));
      g_autofree char *split = jy_contract_format_fee_split (&package->annual_fee);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *price_label = gtk_label_new (price);

      gtk_widget_set_name (row, package->code);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(package->name));
      /* An ineligible package says why, where the doctor is looking. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason != NULL ? reason : split);
      if (reason != NULL)
        {
          gtk_widget_add_css_class (row, "jy-refused");
          gtk_widget_add_css_class (price_label, "dim-label");
        }
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "code", g_strdup (package->code), g_free);
      if (basic)
        g_hash_table_add (self->chosen, g_strdup (package->code));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   reason == NULL && g_hash_table_contains (self->chosen, package->code));
      gtk_widget_set_sensitive (check, reason == NULL && !basic);
      g_signal_connect (check, "toggled", G_CALLBACK (package_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), reason == NULL && !basic ? check : NULL);
      gtk_widget_add_css_class (price_label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), price_label);
      gtk_list_box_append (self->packages_list, row);
    }
}

static void
fill_teams (JyContractSignDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->team_ids, 0);
  for (guint i = 0; i < self->teams->len; i++)
    {
      JyTeamRecord *team = g_ptr_array_index (self->teams, i);

      if (team->id == self->draft->team_id)
        selected = self->team_ids->len;
      gtk_string_list_append (names, team->name);
      g_array_append_val (self->team_ids, team->id);
    }
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->team_dropdown, selected);
}

static void
fill_doctors (JyContractSignDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 team_id = selected_id (self->team_dropdown, self->team_ids);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->doctor_ids, 0);
  for (guint i = 0; i < self->teams->len; i++)
    {
      JyTeamRecord *team = g_ptr_array_index (self->teams, i);

      if (team->id != team_id)
        continue;
      for (guint m = 0; m < team->members->len; m++)
        {
          JyTeamMemberRecord *member = g_ptr_array_index (team->members, m);

          /* A family or village doctor on the team may be responsible. */
          if (!member->current || !jy_team_role_can_lead (member->role))
            continue;
          if (member->staff_id == self->draft->doctor_id)
            selected = self->doctor_ids->len;
          gtk_string_list_append (names, member->staff_name);
          g_array_append_val (self->doctor_ids, member->staff_id);
        }
    }
  gtk_drop_down_set_model (self->doctor_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->doctor_dropdown, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
}

static void
fill (JyContractSignDialog *self)
{
  JyContractDraft *draft = self->draft;
  g_autofree char *term = NULL;
  JyContractFacts facts;

  self->filling = TRUE;
  fill_teams (self);
  fill_doctors (self);
  self->filling = FALSE;

  jy_contract_facts_init (&facts);
  facts.start = draft->start;
  facts.end = draft->end;
  term = jy_contract_format_term (&facts);
  adw_action_row_set_subtitle (self->term_row, term);

  if (draft->kind == JY_SIGNING_KIND_RENEWAL)
    {
      adw_window_title_set_title (self->window_title, _("Renew the Contract"));
      gtk_button_set_label (self->save_button, _("_Renew"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Sign a Contract"));
      gtk_button_set_label (self->save_button, _("_Sign"));
    }

  if (draft->caseload_exceeded)
    {
      g_autofree char *text =
        /* Translators: %d is how many residents the doctor already has signed */
        g_strdup_printf (ngettext ("This doctor already has %d signed resident, over the recommended caseload. You may still sign.",
                                   "This doctor already has %d signed residents, over the recommended caseload. You may still sign.",
                                   (gulong) draft->doctor_caseload),
                         (int) draft->doctor_caseload);

      gtk_label_set_label (self->caseload_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->caseload_label), draft->caseload_exceeded);

  fill_packages (self);
  update_fee (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
}

static void
draft_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyContractSignDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  DraftData *data = jy_store_read_finish (JY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (data == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      gtk_label_set_label (self->save_error, message);
      gtk_widget_set_visible (self->error_box, TRUE);
      return;
    }

  g_clear_pointer (&self->draft, jy_contract_draft_free);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  self->draft = g_steal_pointer (&data->draft);
  self->teams = g_steal_pointer (&data->teams);
  /* Renewal carries the packages over unless the doctor changes them. */
  if (self->carry_codes == NULL && data->carry != NULL)
    {
      self->carry_codes = g_steal_pointer (&data->carry);
      for (guint i = 0; self->carry_codes[i] != NULL; i++)
        g_hash_table_add (self->chosen, g_strdup (self->carry_codes[i]));
    }
  draft_data_free (data);
  fill (self);
}

static void
load_draft (JyContractSignDialog *self,
            gint64                team_id,
            gint64                doctor_id)
{
  DraftQuery *q = g_new0 (DraftQuery, 1);

  if (!parse_sign_date (self, &q->sign_date))
    {
      g_free (q);
      return;
    }
  q->resident_id = self->resident->id;
  q->team_id = team_id;
  q->doctor_id = doctor_id;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  jy_store_read_async (self->store, draft_load, q, g_free, (GDestroyNotify) draft_data_free,
                       self->cancellable, draft_loaded_cb, g_object_ref (self));
}

static void
team_changed_cb (JyContractSignDialog *self)
{
  if (self->filling || self->draft == NULL)
    return;
  /* Another team: its lead unless the doctor is chosen again. */
  load_draft (self, selected_id (self->team_dropdown, self->team_ids), 0);
}

static void
doctor_changed_cb (JyContractSignDialog *self)
{
  if (self->filling || self->draft == NULL)
    return;
  /* The caseload is the chosen doctor's. */
  load_draft (self, selected_id (self->team_dropdown, self->team_ids),
              selected_id (self->doctor_dropdown, self->doctor_ids));
}

static void
sign_date_changed_cb (JyContractSignDialog *self)
{
  gtk_widget_set_visible (self->error_box, FALSE);
  if (self->draft == NULL && self->resident == NULL)
    return;
  /* Eligibility and the term are the sign date's. */
  load_draft (self, selected_id (self->team_dropdown, self->team_ids),
              selected_id (self->doctor_dropdown, self->doctor_ids));
}

/* --- Saving -------------------------------------------------------------- */

typedef struct
{
  JyContractRequest request;
  GStrv             codes;
  gint64            renews_id;
  gboolean          agreement_signed;
  char             *signer[3];          /* name, relation, ID number */
} SignJob;

static void
sign_job_free (SignJob *job)
{
  g_strfreev (job->codes);
  for (guint i = 0; i < G_N_ELEMENTS (job->signer); i++)
    g_free (job->signer[i]);
  g_free (job);
}

static gpointer
sign_job (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  SignJob *job = data;
  g_autoptr(JyContract) contract = NULL;

  job->request.package_codes = (const char *const *) job->codes;
  if (job->renews_id != 0)
    {
      g_autoptr(JyContract) old = jy_contract_store_load (db, job->renews_id, NULL, error);

      if (old == NULL)
        return NULL;
      contract = jy_contract_store_renew (db, old->id, old->rev, &job->request, NULL, error);
    }
  else
    contract = jy_contract_store_sign (db, &job->request, NULL, error);

  if (contract == NULL)
    return NULL;
  if (job->agreement_signed)
    {
      JyContract *marked = jy_contract_store_mark_agreement (db, contract->id, JY_AGREEMENT_SIGNED, error);

      /* The contract as saved is freed on return. */
      return marked;
    }
  return g_steal_pointer (&contract);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JyContractSignDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = jy_store_write_finish (JY_STORE (object), result, &error);

  self->saving = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (contract == NULL)
    {
      const JyContractRefusal *refusal = jy_contract_error_get_refusal (error);
      g_autofree char *message = jy_contract_error_describe (error);

      if (message == NULL)
        message = jy_gui_format_store_error (error);
      gtk_label_set_label (self->save_error, message);
      /* One active contract per resident: offer the one in the way. */
      self->existing_id = refusal != NULL && g_error_matches (error, JY_CONTRACT_ERROR, JY_CONTRACT_ERROR_ACTIVE_CONTRACT)
                          ? refusal->conflicting_id : 0;
      gtk_widget_set_visible (self->existing_button, self->existing_id != 0);
      gtk_widget_set_visible (self->error_box, TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, contract->id);
  gtk_window_close (GTK_WINDOW (self));
}

/* The same set of packages, in any order. */
static gboolean
same_codes (const char *const *a,
            const char *const *b)
{
  if (a == NULL || b == NULL || g_strv_length ((char **) a) != g_strv_length ((char **) b))
    return FALSE;
  for (guint i = 0; a[i] != NULL; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JyContractSignDialog *self = JY_CONTRACT_SIGN_DIALOG (widget);
  SignJob *job;
  GDate sign_date;
  g_auto(GStrv) codes = NULL;

  if (self->saving || self->draft == NULL || !parse_sign_date (self, &sign_date))
    return;
  /* A guardian's name, relation and ID number, each checked at its field. */
  if (!jy_contract_signer_group_check (self->signer_group))
    return;

  job = g_new0 (SignJob, 1);
  jy_contract_request_init (&job->request);
  job->request.resident_id = self->resident->id;
  job->request.team_id = selected_id (self->team_dropdown, self->team_ids);
  job->request.doctor_id = selected_id (self->doctor_dropdown, self->doctor_ids);
  job->request.sign_date = sign_date;
  job->request.channel = MIN (gtk_drop_down_get_selected (self->channel_dropdown), JY_SIGNING_CHANNEL_N - 1);
  job->request.fee_paid = gtk_check_button_get_active (self->fee_paid_check);
  job->agreement_signed = gtk_check_button_get_active (self->agreement_check);
  job->signer[0] = jy_contract_signer_group_dup_name (self->signer_group);
  job->signer[1] = jy_contract_signer_group_dup_relation (self->signer_group);
  job->signer[2] = jy_contract_signer_group_dup_id (self->signer_group);
  job->request.signer_name = job->signer[0];
  job->request.signer_relation = job->signer[1];
  job->request.signer_id_number = job->signer[2];
  codes = chosen_codes (self);
  if (self->draft->kind == JY_SIGNING_KIND_RENEWAL)
    {
      job->renews_id = self->draft->renews_id;
      /* The same packages: carried over at the fees they were signed at. */
      if (same_codes ((const char *const *) codes, (const char *const *) self->carry_codes))
        g_clear_pointer (&codes, g_strfreev);
    }
  job->codes = g_steal_pointer (&codes);

  self->saving = TRUE;
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  jy_store_write_async (self->store, sign_job, job, (GDestroyNotify) sign_job_free,
                        (GDestroyNotify) jy_contract_free, NULL, saved_cb, g_object_ref (self));
}

static void
show_existing_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JyContractSignDialog *self = JY_CONTRACT_SIGN_DIALOG (widget);

  if (self->existing_id == 0)
    return;
  g_signal_emit (self, signals[SHOW_CONTRACT], 0, self->existing_id);
  gtk_window_close (GTK_WINDOW (self));
}

GtkWidget *
jy_contract_sign_dialog_get_signer_group (JyContractSignDialog *self)
{
  g_return_val_if_fail (JY_IS_CONTRACT_SIGN_DIALOG (self), NULL);
  return GTK_WIDGET (self->signer_group);
}

gboolean
jy_contract_sign_dialog_is_ready (JyContractSignDialog *self)
{
  g_return_val_if_fail (JY_IS_CONTRACT_SIGN_DIALOG (self), FALSE);
  return self->draft != NULL && !self->saving &&
         gtk_widget_get_sensitive (GTK_WIDGET (self->save_button));
}

static void
jy_contract_sign_dialog_dispose (GObject *object)
{
  JyContractSignDialog *self = JY_CONTRACT_SIGN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->resident, jy_resident_free);
  g_clear_pointer (&self->carry_codes, g_strfreev);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->draft, jy_contract_draft_free);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->doctor_ids, g_array_unref);

  G_OBJECT_CLASS (jy_contract_sign_dialog_parent_class)->dispose (object);
}

static void
jy_contract_sign_dialog_class_init (JyContractSignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_contract_sign_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SHOW_CONTRACT] = g_signal_new ("show-contract", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-contract-sign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, doctor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, caseload_label);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, sign_date_entry);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, sign_date_error);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, term_row);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, packages_list);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, fee_total_label);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, fee_paid_check);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, agreement_check);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, save_error);
  gtk_widget_class_bind_template_child (widget_class, JyContractSignDialog, existing_button);
  gtk_widget_class_bind_template_callback (widget_class, team_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, doctor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_date_changed_cb);

  gtk_widget_class_install_action (widget_class, "sign.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "sign.show-existing", NULL, show_existing_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "sign.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_contract_sign_dialog_init (JyContractSignDialog *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->doctor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < JY_SIGNING_CHANNEL_N; i++)
    gtk_string_list_append (channels, _(jy_signing_channel_get_label (i)));
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channels));
  /* Who signs: below the fee and the paper agreement. */
  {
    GtkWidget *fee_group = gtk_widget_get_ancestor (GTK_WIDGET (self->fee_row), ADW_TYPE_PREFERENCES_GROUP);

    self->signer_group = jy_contract_signer_group_new ();
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (fee_group)), GTK_WIDGET (self->signer_group),
                                fee_group);
  }
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
}

JyContractSignDialog *
jy_contract_sign_dialog_new (GtkWindow         *parent,
                             JyStore           *store,
                             const JyResident  *resident,
                             const char *const *carry_codes)
{
  JyContractSignDialog *self;
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *today_str = jy_clock_format_date (today);

  g_return_val_if_fail (JY_IS_STORE (store), NULL);
  g_return_val_if_fail (resident != NULL, NULL);

  self = g_object_new (JY_TYPE_CONTRACT_SIGN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->resident = jy_resident_copy (resident);
  adw_window_title_set_subtitle (self->window_title, resident->name);
  if (carry_codes != NULL)
    {
      self->carry_codes = g_strdupv ((char **) carry_codes);
      for (guint i = 0; carry_codes[i] != NULL; i++)
        g_hash_table_add (self->chosen, g_strdup (carry_codes[i]));
    }
  /* Setting the date reads the draft: team, doctor, term, eligibility. */
  gtk_editable_set_text (GTK_EDITABLE (self->sign_date_entry), today_str);
  return self;
}
