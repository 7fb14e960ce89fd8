/* test-contracts.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "contract-fixtures.h"
#include "jy-application.h"
#include "jy-clock.h"
#include "jy-contact-dialog.h"
#include "jy-contract-section.h"
#include "jy-contract-sign-dialog.h"
#include "jy-contract-signer-group.h"
#include "jy-household.h"
#include "jy-idcard.h"
#include "jy-contract-terminate-dialog.h"
#include "jy-contracts-page.h"
#include "jy-resident-view.h"
#include "jy-teams-dialog.h"
#include "jy-actor.h"
#include "test-gui-util.h"

/* Real widgets on the contract fixture's centre (tests/unit/contract-fixtures.h):
 * resident 1 陈秀英 (born 1955, team 1, lead 王医生). The GUI works on
 * the real today. */
typedef struct
{
  ContractFixture    base;
  GtkWindow         *window;
  JyResidentView    *view;
  JyContractSection *section;
  char              *today;
} Fixture;

static gboolean
section_loaded (gpointer data)
{
  return jy_contract_section_is_loaded (data);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GDate) today = jy_clock_today_local ();

  contract_fixture_setup (&fx->base, user_data);
  fx->base.today = *today;
  fx->today = jy_clock_format_date (today);
  fx->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fx->window, 1000, 900);
  fx->view = g_object_new (JY_TYPE_RESIDENT_VIEW, NULL);
  adw_window_set_content (ADW_WINDOW (fx->window), GTK_WIDGET (fx->view));
  gtk_window_present (fx->window);
  fx->section = JY_CONTRACT_SECTION (jy_test_find_by_type (GTK_WIDGET (fx->view), JY_TYPE_CONTRACT_SECTION));
  g_assert_nonnull (fx->section);
}

static void
show_resident (Fixture *fx,
               gint64   id)
{
  jy_resident_view_show (fx->view, fx->base.store, id);
  jy_test_iterate_until_true (section_loaded, fx->section);
}

static gboolean
store_released (gpointer data)
{
  return g_atomic_int_get (&G_OBJECT (data)->ref_count) == 1;
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_object_ref (fx->view);
  /* Dialogs left open close too. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  jy_test_unref_and_wait_finalize (fx->view);
  /* Jobs still on their way back (a reload after a save) hold the store. */
  jy_test_iterate_until_true (store_released, fx->base.store);
  g_free (fx->today);
  contract_fixture_teardown (&fx->base, user_data);
}

static GtkWindow *
find_window (GType type)
{
  GListModel *list = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (list, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
no_window (gpointer data)
{
  return find_window (GPOINTER_TO_SIZE (data)) == NULL;
}

static gboolean
dialog_ready (gpointer data)
{
  return jy_contract_sign_dialog_is_ready (data);
}

static gboolean
has_contract (gpointer data)
{
  return jy_contract_section_is_loaded (data) && jy_contract_section_get_contract (data) != NULL;
}

static AdwActionRow *
package_row (GtkWindow  *dialog,
             const char *code)
{
  GtkWidget *row = jy_test_find_by_name (GTK_WIDGET (dialog), code);

  g_assert_nonnull (row);
  return ADW_ACTION_ROW (row);
}

static GtkCheckButton *
package_check (GtkWindow  *dialog,
               const char *code)
{
  return GTK_CHECK_BUTTON (jy_test_find_by_type (GTK_WIDGET (package_row (dialog, code)), GTK_TYPE_CHECK_BUTTON));
}

static JyContractSignDialog *
open_sign_dialog (Fixture    *fx,
                  const char *action)
{
  JyContractSignDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fx->section), action, NULL);
  dialog = JY_CONTRACT_SIGN_DIALOG (find_window (JY_TYPE_CONTRACT_SIGN_DIALOG));
  g_assert_nonnull (dialog);
  jy_test_iterate_until_true (dialog_ready, dialog);
  return dialog;
}

static gboolean
error_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
page_loaded (gpointer data)
{
  return jy_contracts_page_is_loaded (data);
}

/* The Contracts page in a window of its own, loaded. */
static GtkWindow *
open_page (Fixture          *fx,
           JyContractsPage **out)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  JyContractsPage *page = g_object_new (JY_TYPE_CONTRACTS_PAGE, NULL);

  gtk_window_set_default_size (window, 1200, 760);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  jy_contracts_page_set_store (page, fx->base.store);
  gtk_window_present (window);
  jy_test_iterate_until_true (page_loaded, page);
  *out = page;
  return window;
}

static void
reload_page (JyContractsPage *page)
{
  jy_contracts_page_reload (page);
  jy_test_iterate_until_true (page_loaded, page);
}

/* The resident's timeline shows the signing, worded (history stays there). */
static gboolean
timeline_shows_signing (gpointer data)
{
  GtkListBox *list = GTK_LIST_BOX (jy_test_find_by_id (data, "timeline_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  return row != NULL && ADW_IS_PREFERENCES_ROW (row) &&
         strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "第一家庭医生团队") != NULL;
}

static void
test_sign_from_the_resident_page (Fixture       *fx,
                                  gconstpointer  user_data)
{
  GtkWindow *page_window;
  JyContractsPage *page = NULL;
  JyContractSignDialog *dialog;
  GtkWindow *win;
  GtkLabel *fee;
  const char *reason;
  const JyContract *contract;

  show_resident (fx, 1);
  g_assert_null (jy_contract_section_get_contract (fx->section));
  page_window = open_page (fx, &page);
  g_assert_cmpint (jy_contracts_page_get_signed (page), ==, 0);

  dialog = open_sign_dialog (fx, "contract.sign");
  win = GTK_WINDOW (dialog);

  /* The resident's team and its lead come first. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (jy_test_find_by_id (GTK_WIDGET (win), "team_dropdown"))), ==, 0);

  /* The basic package is always in; the children's package is refused with its reason. */
  g_assert_true (gtk_check_button_get_active (package_check (win, "basic")));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (package_check (win, "basic"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (package_check (win, "child"))));
  g_assert_false (gtk_check_button_get_active (package_check (win, "child")));
  reason = adw_action_row_get_subtitle (package_row (win, "child"));
  g_assert_nonnull (strstr (reason, "6"));
  g_assert_nonnull (strstr (reason, "71"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (package_row (win, "child")), "jy-refused"));

  /* Choosing the elderly package: the fee and its split follow. */
  fee = GTK_LABEL (jy_test_find_by_id (GTK_WIDGET (win), "fee_total_label"));
  g_assert_cmpstr (gtk_label_get_label (fee), ==, "¥120.00");
  gtk_check_button_set_active (package_check (win, "elderly"), TRUE);
  g_assert_cmpstr (gtk_label_get_label (fee), ==, "¥320.00");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (jy_test_find_by_id (GTK_WIDGET (win), "agreement_check")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (jy_test_find_by_id (GTK_WIDGET (win), "fee_paid_check")), TRUE);
  jy_test_save_screenshot (GTK_WIDGET (win), "contract-sign-dialog");

  gtk_widget_activate_action (GTK_WIDGET (win), "sign.save", NULL);
  jy_test_iterate_until_true (has_contract, fx->section);
  jy_test_iterate_until_true (no_window, GSIZE_TO_POINTER (JY_TYPE_CONTRACT_SIGN_DIALOG));

  contract = jy_contract_section_get_contract (fx->section);
  g_assert_cmpint (contract->state, ==, JY_CONTRACT_STATE_ACTIVE);
  g_assert_cmpuint (contract->packages->len, ==, 2);
  g_assert_nonnull (contract->agreement_signed_at);
  g_assert_cmpint (contract->doctor_id, ==, 1);
  g_assert_true (contract->fee_paid);
  g_assert_nonnull (jy_test_find_by_name (GTK_WIDGET (fx->section), "contract-card"));
  g_assert_cmpint (jy_test_query_int64 (fx->base.path,
                                        "SELECT count(*) FROM contract WHERE resident_id = 1 AND status = 'signed'"), ==, 1);
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "contract-card");
  jy_test_iterate_until_true (timeline_shows_signing, fx->view);

  /* A second contract is refused; the dialog offers the one in force. */
  dialog = open_sign_dialog (fx, "contract.sign");
  win = GTK_WINDOW (dialog);
  gtk_widget_activate_action (GTK_WIDGET (win), "sign.save", NULL);
  jy_test_iterate_until_true (error_shown, jy_test_find_by_id (GTK_WIDGET (win), "existing_button"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (jy_test_find_by_id (GTK_WIDGET (win), "save_error"))), !=, "");
  jy_test_save_screenshot (GTK_WIDGET (win), "contract-sign-refused");
  gtk_widget_activate_action (GTK_WIDGET (win), "sign.show-existing", NULL);
  jy_test_iterate_until_true (no_window, GSIZE_TO_POINTER (JY_TYPE_CONTRACT_SIGN_DIALOG));
  g_assert_cmpint (jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM contract WHERE resident_id = 1"), ==, 1);

  /* The Contracts page counts the new signing. */
  reload_page (page);
  g_assert_cmpint (jy_contracts_page_get_signed (page), ==, 1);
  gtk_window_destroy (page_window);
}

static void
test_page_worklists_filter_and_act (Fixture       *fx,
                                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) a = NULL;
  g_autoptr(JyContract) b = NULL;
  g_autoptr(JyContract) c = NULL;
  GDate day;
  g_autofree char *half_year = NULL;
  g_autofree char *almost_year = NULL;
  JyContractsPage *page = NULL;
  GtkWindow *window;
  GtkDropDown *teams;

  /* 2 and 4 signed half a year ago, never contacted; 6 ends in ten days. */
  day = fx->base.today;
  g_date_subtract_months (&day, 6);
  half_year = jy_clock_format_date (&day);
  day = fx->base.today;
  g_date_subtract_years (&day, 1);
  g_date_add_days (&day, 10);
  almost_year = jy_clock_format_date (&day);
  a = contract_sign (&fx->base, 2, 1, half_year, NULL, &error);
  g_assert_no_error (error);
  b = contract_sign (&fx->base, 4, 2, half_year, NULL, &error);
  g_assert_no_error (error);
  c = contract_sign (&fx->base, 6, 1, almost_year, NULL, &error);
  g_assert_no_error (error);

  window = open_page (fx, &page);
  /* 6's contract ends within the quarter: not owed this quarter's contact. */
  g_assert_cmpint (jy_contracts_page_get_total (page), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (jy_contracts_page_get_model (page)), ==, 2);
  g_assert_cmpint (jy_contracts_page_get_signed (page), ==, 3);
  jy_test_save_screenshot (GTK_WIDGET (window), "contracts-page");

  /* Expiring in 30 days: only 6. */
  jy_contracts_page_show_kind (page, JY_CONTRACT_WORKLIST_EXPIRING);
  jy_test_iterate_until_true (page_loaded, page);
  g_assert_cmpint (jy_contracts_page_get_total (page), ==, 1);

  /* Team 2 has none expiring. */
  teams = GTK_DROP_DOWN (jy_test_find_by_id (GTK_WIDGET (page), "team_dropdown"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (teams)), ==, 3);
  gtk_drop_down_set_selected (teams, 2);
  jy_test_iterate_until_true (page_loaded, page);
  g_assert_cmpint (jy_contracts_page_get_total (page), ==, 0);
  jy_contracts_page_show_kind (page, JY_CONTRACT_WORKLIST_NOT_CONTACTED);
  jy_test_iterate_until_true (page_loaded, page);
  g_assert_cmpint (jy_contracts_page_get_total (page), ==, 1);

  /* A row's contact action opens the contact dialog for that resident. */
  gtk_widget_activate_action (GTK_WIDGET (page), "contracts.contact", "x", (gint64) 4);
  g_assert_nonnull (find_window (JY_TYPE_CONTACT_DIALOG));
  gtk_window_destroy (find_window (JY_TYPE_CONTACT_DIALOG));
  gtk_window_destroy (window);
}

static gboolean
contact_logged (gpointer data)
{
  Fixture *fx = data;

  return find_window (JY_TYPE_CONTACT_DIALOG) == NULL && jy_contract_section_is_loaded (fx->section);
}

static void
test_contact_log_checks_its_fields (Fixture       *fx,
                                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) signed_ = contract_sign (&fx->base, 1, 1, fx->today, NULL, &error);
  GtkWindow *dialog;
  GtkWidget *content_error, *date_error;
  GtkTextBuffer *buffer;

  g_assert_no_error (error);
  show_resident (fx, 1);
  gtk_widget_activate_action (GTK_WIDGET (fx->section), "contract.contact", NULL);
  dialog = find_window (JY_TYPE_CONTACT_DIALOG);
  g_assert_nonnull (dialog);

  /* Nothing said about the contact: the rule speaks at the field, nothing is saved. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "contact.save", NULL);
  content_error = jy_test_find_by_id (GTK_WIDGET (dialog), "content_error");
  date_error = jy_test_find_by_id (GTK_WIDGET (dialog), "date_error");
  g_assert_true (gtk_widget_get_visible (content_error));
  g_assert_false (gtk_widget_get_visible (date_error));

  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_id (GTK_WIDGET (dialog), "time_entry")), "25:10");
  g_assert_true (gtk_widget_get_visible (date_error));
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_id (GTK_WIDGET (dialog), "date_entry")), "2099-01-01");
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_id (GTK_WIDGET (dialog), "time_entry")), "08:00");
  g_assert_true (gtk_widget_get_visible (date_error));
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_id (GTK_WIDGET (dialog), "date_entry")), fx->today);
  /* Midnight of today is never in the future, even a few seconds after
   * midnight in Shanghai (00:01 was, and failed a run at 00:00:46). */
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_id (GTK_WIDGET (dialog), "time_entry")), "00:00");
  g_assert_false (gtk_widget_get_visible (date_error));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (jy_test_find_by_id (GTK_WIDGET (dialog), "content_view")));
  gtk_text_buffer_set_text (buffer, "电话询问血压，提醒年度体检", -1);
  g_assert_false (gtk_widget_get_visible (content_error));
  /* 71 this year: the annual check may be recorded with the contact. */
  g_assert_true (gtk_widget_get_visible (jy_test_find_by_id (GTK_WIDGET (dialog), "check_done_check")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (jy_test_find_by_id (GTK_WIDGET (dialog), "check_done_check")), TRUE);
  g_assert_cmpint (jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM contact_log"), ==, 0);
  jy_test_save_screenshot (GTK_WIDGET (dialog), "contract-contact-dialog");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "contact.save", NULL);
  jy_test_iterate_until_true (contact_logged, fx);
  g_assert_cmpint (jy_test_query_int64 (fx->base.path,
                                        "SELECT count(*) FROM contact_log WHERE resident_id = 1 AND channel = 'phone' "
                                        "AND initiated_by = 'team' AND contract_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (jy_test_query_int64 (fx->base.path,
                                        "SELECT count(*) FROM service_delivery WHERE item_code = 'elderly-annual-check'"), ==, 1);
}

static gboolean
contract_count_is (gpointer data)
{
  Fixture *fx = data;

  return find_window (JY_TYPE_CONTRACT_SIGN_DIALOG) == NULL &&
         jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM contract WHERE resident_id = 1") == 2 &&
         jy_contract_section_is_loaded (fx->section);
}

static void
test_renew_carries_the_packages_over (Fixture       *fx,
                                      gconstpointer  user_data)
{
  static const char *const codes[] = { "basic", "elderly", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) old = NULL;
  GDate sign = fx->base.today;
  g_autofree char *sign_text = NULL;
  JyContractSignDialog *dialog;

  /* Signed a year ago less ten days: the renewal window is open. */
  g_date_subtract_years (&sign, 1);
  g_date_add_days (&sign, 10);
  sign_text = jy_clock_format_date (&sign);
  old = contract_sign (&fx->base, 1, 1, sign_text, codes, &error);
  g_assert_no_error (error);
  show_resident (fx, 1);

  dialog = open_sign_dialog (fx, "contract.renew");
  g_assert_true (gtk_check_button_get_active (package_check (GTK_WINDOW (dialog), "elderly")));
  jy_test_save_screenshot (GTK_WIDGET (dialog), "contract-renew-dialog");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign.save", NULL);
  jy_test_iterate_until_true (contract_count_is, fx);

  /* The new term follows the old one, with the same packages and fees. */
  g_assert_cmpint (jy_test_query_int64 (fx->base.path,
                                        "SELECT count(*) FROM contract n JOIN contract o ON o.id = n.renews_id "
                                        "WHERE n.start_date = date (o.end_date, '+1 day')"), ==, 1);
  g_assert_cmpint (jy_test_query_int64 (fx->base.path,
                                        "SELECT count(*) FROM contract_package cp JOIN contract c ON c.id = cp.contract_id "
                                        "WHERE c.renews_id IS NOT NULL"), ==, 2);
}

static gboolean
terminated (gpointer data)
{
  Fixture *fx = data;
  const JyContract *c = jy_contract_section_get_contract (fx->section);

  return find_window (JY_TYPE_CONTRACT_TERMINATE_DIALOG) == NULL && c != NULL &&
         c->state == JY_CONTRACT_STATE_TERMINATED;
}

static void
test_terminate_with_reason_and_date (Fixture       *fx,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) old = NULL;
  GDate sign = fx->base.today;
  g_autofree char *sign_text = NULL;
  GtkWindow *dialog;
  GtkWidget *date_error;

  g_date_subtract_months (&sign, 2);
  sign_text = jy_clock_format_date (&sign);
  old = contract_sign (&fx->base, 1, 1, sign_text, NULL, &error);
  g_assert_no_error (error);
  show_resident (fx, 1);

  gtk_widget_activate_action (GTK_WIDGET (fx->section), "contract.terminate", NULL);
  dialog = find_window (JY_TYPE_CONTRACT_TERMINATE_DIALOG);
  g_assert_nonnull (dialog);
  date_error = jy_test_find_by_id (GTK_WIDGET (dialog), "date_error");

  /* Before the signing: core refuses the date at the field. */
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_id (GTK_WIDGET (dialog), "date_entry")), "2020-01-01");
  g_assert_true (gtk_widget_get_visible (date_error));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "terminate.save", NULL);
  g_assert_nonnull (find_window (JY_TYPE_CONTRACT_TERMINATE_DIALOG));

  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_id (GTK_WIDGET (dialog), "date_entry")), fx->today);
  g_assert_false (gtk_widget_get_visible (date_error));
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_id (GTK_WIDGET (dialog), "note_entry")), "本人要求");
  jy_test_save_screenshot (GTK_WIDGET (dialog), "contract-terminate-dialog");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "terminate.save", NULL);
  jy_test_iterate_until_true (terminated, fx);

  /* Kept, with its reason and date: nothing is deleted. */
  g_assert_cmpint (jy_test_query_int64 (fx->base.path,
                                        "SELECT count(*) FROM contract WHERE resident_id = 1 AND termination_reason = '1'"), ==, 1);
  /* Signing again is offered. */
  g_assert_true (gtk_widget_get_visible (jy_test_find_by_id (GTK_WIDGET (fx->section), "sign_button")));
}

static gboolean
teams_loaded (gpointer data)
{
  return jy_teams_dialog_is_loaded (data);
}

/* The dialog rebuilds its teams after a write. */
static gboolean
leave_button_shown (gpointer data)
{
  return jy_test_find_by_name (data, g_object_get_data (data, "leave-button")) != NULL;
}

static gboolean
member_left (gpointer data)
{
  Fixture *fx = data;

  return jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM team_member WHERE team_id = 1 "
                                             "AND staff_id = 7 AND end_date IS NULL") == 0;
}

static void
test_teams_members_and_communities (Fixture       *fx,
                                    gconstpointer  user_data)
{
  JyContractsPage *page = NULL;
  GtkWindow *window = open_page (fx, &page);
  GtkWindow *dialog;
  GtkWidget *team1, *add;
  g_autoptr(JyActor) doctor = jy_actor_new (1, "staff-1", NULL, NULL, JY_ROLE_DOCTOR, 1);
  g_autoptr(JyActor) manager = jy_actor_new (0, "manager", NULL, NULL, JY_ROLE_MANAGER, 0);

  /* A doctor does not edit teams; the centre's manager does. */
  jy_store_set_session (fx->base.store, doctor);
  gtk_widget_unmap (GTK_WIDGET (page));
  gtk_widget_map (GTK_WIDGET (page));
  g_assert_false (gtk_widget_get_sensitive (jy_test_find_by_id (GTK_WIDGET (page), "teams_button")));
  jy_store_set_session (fx->base.store, manager);
  gtk_widget_unmap (GTK_WIDGET (page));
  gtk_widget_map (GTK_WIDGET (page));
  g_assert_true (gtk_widget_get_sensitive (jy_test_find_by_id (GTK_WIDGET (page), "teams_button")));

  gtk_widget_activate_action (GTK_WIDGET (page), "contracts.teams", NULL);
  dialog = find_window (JY_TYPE_TEAMS_DIALOG);
  g_assert_nonnull (dialog);
  jy_test_iterate_until_true (teams_loaded, dialog);

  /* The specialist 周专家 joins team 1 as its adviser. */
  team1 = jy_test_find_by_name (GTK_WIDGET (dialog), "T001");
  g_assert_nonnull (team1);
  add = jy_test_find_by_name (team1, "add-member");
  {
    GtkDropDown *staff = g_object_get_data (G_OBJECT (add), "staff");
    GListModel *names = gtk_drop_down_get_model (staff);
    guint found = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "周专家") == 0)
        found = i;
    g_assert_cmpuint (found, !=, G_MAXUINT);
    gtk_drop_down_set_selected (staff, found);
  }
  gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (add), "role"), 3);
  g_signal_emit_by_name (add, "clicked");
  jy_test_iterate_until_true (teams_loaded, dialog);
  g_assert_cmpint (jy_test_query_int64 (fx->base.path,
                                        "SELECT count(*) FROM team_member WHERE team_id = 1 AND staff_id = 7 "
                                        "AND role = 'specialist' AND end_date IS NULL"), ==, 1);

  /* The specialist leaves again: asked first; cancelling keeps the member. */
  {
    gint64 member = jy_test_query_int64 (fx->base.path, "SELECT id FROM team_member WHERE team_id = 1 "
                                                        "AND staff_id = 7 AND end_date IS NULL");
    g_autofree char *name = g_strdup_printf ("leave-member-%" G_GINT64_FORMAT, member);
    GtkWindow *confirm;

    g_object_set_data_full (G_OBJECT (dialog), "leave-button", g_strdup (name), g_free);
    jy_test_iterate_until_true (leave_button_shown, dialog);
    team1 = jy_test_find_by_name (GTK_WIDGET (dialog), "T001");
    g_signal_emit_by_name (jy_test_find_by_name (team1, name), "clicked");
    confirm = find_window (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (confirm);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm)), "周专家"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
    gtk_window_destroy (confirm);
    g_assert_cmpint (jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM team_member WHERE team_id = 1 "
                                          "AND staff_id = 7 AND end_date IS NULL"), ==, 1);
    /* Confirmed: the membership ends. */
    g_signal_emit_by_name (jy_test_find_by_name (team1, name), "clicked");
    confirm = find_window (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (confirm);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "leave");
    gtk_window_destroy (confirm);
    jy_test_iterate_until_true (member_left, fx);
    jy_test_iterate_until_true (teams_loaded, dialog);
  }

  /* 莲花社区 (team 2's) moves to team 1. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (jy_test_find_by_id (GTK_WIDGET (dialog), "area_row")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (jy_test_find_by_id (GTK_WIDGET (dialog), "to_team_row")), 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "teams.move-area", NULL);
  jy_test_iterate_until_true (teams_loaded, dialog);
  g_assert_cmpint (jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM resident WHERE team_id = 1"), ==, 8);
  jy_test_save_screenshot (GTK_WIDGET (dialog), "contract-teams-dialog");
  gtk_window_destroy (dialog);
  gtk_window_destroy (window);
}

static gboolean
team_edited (gpointer data)
{
  Fixture *fx = data;

  return jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM team WHERE id = 1 AND code = 'T101' "
                                             "AND name = '滨海第一团队' AND lead_staff_id = 8") == 1;
}

static gboolean
team_shown_as_t101 (gpointer data)
{
  return jy_test_find_by_name (data, "T101") != NULL;
}

/* A team's name, code, lead and communities are edited in place; an empty name is
 * refused next to its field, and only members able to lead are offered. */
static void
test_teams_edit_name_code_lead (Fixture       *fx,
                                gconstpointer  user_data)
{
  JyContractsPage *page = NULL;
  GtkWindow *window = open_page (fx, &page);
  GtkWindow *dialog;
  GtkWidget *team1, *save, *name_problem;
  AdwComboRow *lead;
  GListModel *leads;
  guint wu = G_MAXUINT;
  g_autoptr(JyActor) manager = jy_actor_new (0, "manager", NULL, NULL, JY_ROLE_MANAGER, 0);

  jy_store_set_session (fx->base.store, manager);
  gtk_widget_unmap (GTK_WIDGET (page));
  gtk_widget_map (GTK_WIDGET (page));
  gtk_widget_activate_action (GTK_WIDGET (page), "contracts.teams", NULL);
  dialog = find_window (JY_TYPE_TEAMS_DIALOG);
  g_assert_nonnull (dialog);
  jy_test_iterate_until_true (teams_loaded, dialog);

  team1 = jy_test_find_by_name (GTK_WIDGET (dialog), "T001");
  g_assert_nonnull (team1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (jy_test_find_by_name (team1, "edit-team")), TRUE);
  save = jy_test_find_by_name (team1, "edit-save");
  lead = ADW_COMBO_ROW (jy_test_find_by_name (team1, "edit-lead"));
  leads = adw_combo_row_get_model (lead);
  /* The two doctors of the team, the nurse and public-health staff not. */
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (leads), adw_combo_row_get_selected (lead)),
                   ==, "王医生");
  for (guint i = 0; i < g_list_model_get_n_items (leads); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (leads), i), "吴医生") == 0)
      wu = i;
  g_assert_cmpuint (wu, !=, G_MAXUINT);

  /* An empty name is refused at its field; what was typed stays. */
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_name (team1, "edit-code")), "T101");
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_name (team1, "edit-name")), "  ");
  adw_combo_row_set_selected (lead, wu);
  g_signal_emit_by_name (save, "clicked");
  name_problem = jy_test_find_by_name (team1, "edit-name-problem");
  g_assert_true (gtk_widget_get_visible (name_problem));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name_problem)), !=, "");
  g_assert_false (gtk_widget_get_visible (jy_test_find_by_name (team1, "edit-code-problem")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jy_test_find_by_name (team1, "edit-code"))), ==, "T101");
  g_assert_cmpint (jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM team WHERE code = 'T001'"), ==, 1);
  jy_test_save_screenshot (GTK_WIDGET (dialog), "contract-teams-edit-refused");

  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_name (team1, "edit-name")), "滨海第一团队");
  /* Its communities: 海韵社区 ticked as the team's; it takes 莲花社区 instead. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (jy_test_find_by_name (team1, "area-359902001001"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (jy_test_find_by_name (team1, "area-359902001002"))));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (jy_test_find_by_name (team1, "area-359902001001")), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (jy_test_find_by_name (team1, "area-359902001002")), TRUE);
  g_signal_emit_by_name (save, "clicked");
  jy_test_iterate_until_true (team_edited, fx);
  g_assert_cmpint (jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM team_area WHERE team_id = 1"), ==, 1);
  g_assert_cmpint (jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM team_area WHERE team_id = 1 "
                                                       "AND area_code = '359902001002'"), ==, 1);
  /* The dialog shows the team under its new code once reloaded. */
  jy_test_iterate_until_true (team_shown_as_t101, dialog);
  jy_test_save_screenshot (GTK_WIDGET (dialog), "contract-teams-edited");
  gtk_window_destroy (dialog);
  gtk_window_destroy (window);
}

static gboolean
resident_moved_to_team_2 (gpointer data)
{
  Fixture *fx = data;

  return jy_test_query_int64 (fx->base.path, "SELECT team_id FROM resident WHERE id = 1") == 2;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Change Team… on the resident's page, for team managers only: the
 * resident moves into the chosen team's care. */
static void
test_change_team_from_the_resident_page (Fixture       *fx,
                                         gconstpointer  user_data)
{
  g_autoptr(JyActor) doctor = jy_actor_new (1, "staff-1", NULL, NULL, JY_ROLE_DOCTOR, 1);
  g_autoptr(JyActor) manager = jy_actor_new (0, "manager", NULL, NULL, JY_ROLE_MANAGER, 0);
  GtkWidget *button;
  GtkWindow *confirm;
  GtkDropDown *teams;

  jy_store_set_session (fx->base.store, doctor);
  show_resident (fx, 1);
  button = jy_test_find_by_id (GTK_WIDGET (fx->view), "change_team_button");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));

  jy_store_set_session (fx->base.store, manager);
  show_resident (fx, 1);
  /* Shown once the record is filled for the manager. */
  jy_test_iterate_until_true (error_shown, button);
  gtk_widget_activate_action (GTK_WIDGET (fx->view), "resident.change-team", NULL);
  jy_test_iterate_until_true (message_dialog_shown, NULL);
  confirm = find_window (ADW_TYPE_MESSAGE_DIALOG);
  teams = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (confirm)));
  /* The resident's present team is chosen to start with. */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (teams)),
                                               gtk_drop_down_get_selected (teams)), ==, "第一家庭医生团队");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm)), "陈秀英"));
  gtk_drop_down_set_selected (teams, 1);
  jy_test_save_screenshot (GTK_WIDGET (confirm), "resident-change-team");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "move");
  gtk_window_destroy (confirm);
  jy_test_iterate_until_true (resident_moved_to_team_2, fx);
  g_assert_cmpint (jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM resident WHERE team_id = 1"), ==, 3);
}

/* A guardian signs: name, relation and ID number are checked at their
 * fields, and what was typed stays until it is right. */
static void
test_guardian_signs_checked_at_the_fields (Fixture       *fx,
                                           gconstpointer  user_data)
{
  JyContractSignDialog *dialog;
  JyContractSignerGroup *signer;
  GtkWidget *win;
  char id[19];
  g_autofree char *row = NULL;

  show_resident (fx, 1);
  dialog = open_sign_dialog (fx, "contract.sign");
  win = GTK_WIDGET (dialog);
  signer = JY_CONTRACT_SIGNER_GROUP (jy_contract_sign_dialog_get_signer_group (dialog));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (jy_contract_signer_group_get_check (signer)), TRUE);
  g_assert_true (jy_contract_signer_group_get_guardian (signer));

  /* Nothing typed: each field says what it needs. */
  gtk_widget_activate_action (win, "sign.save", NULL);
  g_assert_cmpstr (jy_contract_signer_group_get_error (signer, 0), ==, _("Enter the signer's name"));
  g_assert_cmpstr (jy_contract_signer_group_get_error (signer, 1), ==,
                   _("Choose how the signer is related to the resident"));
  g_assert_cmpstr (jy_contract_signer_group_get_error (signer, 2), ==, _("Enter the signer's ID number"));

  /* A wrong check character is refused as it is typed. */
  g_strlcpy (id, "11010519580312123", sizeof id);
  id[17] = jy_idcard_check_char (id) == '0' ? '1' : '0';
  id[18] = '\0';
  gtk_editable_set_text (jy_contract_signer_group_get_name (signer), "张建国");
  gtk_drop_down_set_selected (jy_contract_signer_group_get_relation (signer), 1);
  gtk_editable_set_text (jy_contract_signer_group_get_id (signer), id);
  g_assert_null (jy_contract_signer_group_get_error (signer, 0));
  g_assert_null (jy_contract_signer_group_get_error (signer, 1));
  g_assert_nonnull (jy_contract_signer_group_get_error (signer, 2));
  gtk_widget_activate_action (win, "sign.save", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (jy_contract_signer_group_get_id (signer)));
  jy_test_save_screenshot (GTK_WIDGET (signer), "contract-sign-guardian-refused");
  g_assert_cmpint (jy_test_query_int64 (fx->base.path, "SELECT count(*) FROM contract WHERE resident_id = 1"), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (jy_contract_signer_group_get_name (signer)), ==, "张建国");

  /* Right: signed by the guardian. */
  id[17] = jy_idcard_check_char (id);
  gtk_editable_set_text (jy_contract_signer_group_get_id (signer), id);
  g_assert_null (jy_contract_signer_group_get_error (signer, 2));
  gtk_widget_activate_action (win, "sign.save", NULL);
  jy_test_iterate_until_true (has_contract, fx->section);
  jy_test_iterate_until_true (no_window, GSIZE_TO_POINTER (JY_TYPE_CONTRACT_SIGN_DIALOG));
  row = jy_test_query_text (fx->base.path, "SELECT signer_name || ' ' || signer_relation || ' ' || signer_id_number"
                                           " FROM contract WHERE resident_id = 1");
  {
    g_autofree char *expected = g_strdup_printf ("张建国 %s %s", (const char *) jy_household_relation_codes ()[2], id);

    g_assert_cmpstr (row, ==, expected);
  }
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("JIAYI_LOCALEDIR");

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  jy_gui_init ();
  jy_test_quiet_debug ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/gui/contracts/sign from the resident page, child package refused with its reason",
       test_sign_from_the_resident_page);
  ADD ("/gui/contracts/contact log checks its fields", test_contact_log_checks_its_fields);
  ADD ("/gui/contracts/guardian signs, checked at the fields", test_guardian_signs_checked_at_the_fields);
  ADD ("/gui/contracts/page worklists filter by team and act", test_page_worklists_filter_and_act);
  ADD ("/gui/contracts/renew carries the packages over", test_renew_carries_the_packages_over);
  ADD ("/gui/contracts/terminate with reason and date", test_terminate_with_reason_and_date);
  ADD ("/gui/contracts/teams: members and communities, managers only", test_teams_members_and_communities);
  ADD ("/gui/contracts/teams: edit name, code, lead and communities, empty name refused at its field",
       test_teams_edit_name_code_lead);
  ADD ("/gui/contracts/change team from the resident page, team managers only",
       test_change_team_from_the_resident_page);

  return g_test_run ();
}
