/* test-long-rx-dialogs.c — issuing and printing, dispensing to a proxy
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
#include "jy-idcard.h"
#include "jy-drug-catalogue-window.h"
#include "jy-long-rx-actions.h"
#include "jy-long-rx-dispense-dialog.h"
#include "jy-long-rx-issue-dialog.h"
#include "jy-long-rx-page.h"
#include "jy-long-rx-store.h"
#include "test-gui-util.h"

typedef struct
{
  ContractFixture c;
  GtkWindow      *window;
  char           *printed;
} Fixture;

static char *
day (int days)
{
  g_autoptr(GDate) date = jy_clock_today_local ();

  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
  return jy_clock_format_date (date);
}

static gpointer
exec_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  return jy_db_exec (db, data, error) ? JY_STORE_DONE : NULL;
}

static void
act_as (Fixture *fx,
        JyRole   role,
        gint64   staff_id)
{
  g_autofree char *uuid = g_strdup_printf ("staff-%" G_GINT64_FORMAT, staff_id);
  g_autoptr(JyActor) actor = jy_actor_new (staff_id, uuid, NULL, NULL, role, 1);

  jy_store_set_session (fx->c.store, actor);
}

/* 陈秀英 (resident 1, 70): signed today, hypertension controlled at a
 * clinic visit 10 days ago. */
static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = NULL;
  g_autofree char *today = day (0);
  g_autofree char *visit = day (-10);
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO chronic_enrolment (id, uuid, created_at, updated_at, resident_id, programme_id, icd10,\n"
    "  diagnosis_date, enrol_date, doctor_id, team_id, last_visit_date, last_f2f_date, last_class)\n"
    "VALUES (1, 'e-1', 't', 't', 1, 1, 'I10', '2020-01-01', '2020-01-01', 1, 1, '%s', '%s', 1);\n"
    "INSERT INTO followup (uuid, created_at, updated_at, enrolment_id, resident_id, programme_id,\n"
    "  visit_uuid, visit_date, mode, adherence, classification)\n"
    "VALUES ('f-1', 't', 't', 1, 1, 1, 'v-1', '%s', 1, 1, 1);\n"
    "UPDATE resident SET id_number = '110105195506010025' WHERE id = 1;\n",
    visit, visit, visit);

  contract_fixture_setup (&fx->c, data);
  g_assert_true (jy_store_write (fx->c.store, exec_func, sql, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  fx->c.today = contract_day (today);
  contract = contract_sign (&fx->c, 1, 1, today, NULL, &error);
  g_assert_no_error (error);

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 900, 700);
  gtk_window_present (fx->window);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  gtk_window_destroy (fx->window);
  g_free (fx->printed);
  contract_fixture_teardown (&fx->c, data);
}

static gint64
count (Fixture    *fx,
       const char *sql)
{
  return jy_test_query_int64 (fx->c.path, sql);
}

static gboolean
sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

static gboolean
has_rows (gpointer data)
{
  return gtk_list_box_get_row_at_index (data, 0) != NULL;
}

static gboolean
issued (gpointer data)
{
  return jy_long_rx_issue_dialog_get_rx_id (data) != 0;
}

static gboolean
printed (gpointer data)
{
  return ((Fixture *) data)->printed != NULL;
}

static void
printed_cb (JyLongRxIssueDialog *dialog,
            const char          *path,
            Fixture             *fx)
{
  fx->printed = g_strdup (path);
}

static void
search (GtkWidget  *dialog,
        const char *text)
{
  GtkListBox *results = GTK_LIST_BOX (jy_test_find_by_name (dialog, "drug-results"));
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (results, 0)) != NULL)
    gtk_list_box_remove (results, GTK_WIDGET (row));
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_name (dialog, "drug-search")), text);
  g_signal_emit_by_name (jy_test_find_by_name (dialog, "drug-search"), "search-changed");
  jy_test_iterate_until_true (has_rows, results);
  g_signal_emit_by_name (results, "row-activated", gtk_list_box_get_row_at_index (results, 0));
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  GString *squeezed = g_string_new (NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_no_error (error);
  for (const char *c = text; *c != '\0'; c++)
    if (*c != ' ')
      g_string_append_c (squeezed, *c);
  return g_string_free (squeezed, FALSE);
}

static void
test_issue_and_print_to_pdf (Fixture       *fx,
                             gconstpointer  data)
{
  JyLongRxIssueDialog *dialog;
  GtkWidget *w;
  GtkWidget *issue;
  g_autofree char *dir = g_dir_make_tmp ("jiayi-lrx-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "slip.pdf", NULL);
  g_autofree char *text = NULL;

  act_as (fx, JY_ROLE_DOCTOR, 1);
  dialog = jy_long_rx_issue_dialog_new (fx->window, fx->c.store, 1);
  w = GTK_WIDGET (dialog);
  g_signal_connect (dialog, "printed", G_CALLBACK (printed_cb), fx);
  gtk_window_present (GTK_WINDOW (dialog));
  issue = jy_test_find_by_name (w, "issue-button");
  jy_test_iterate_until_true (sensitive, issue);
  g_assert_false (gtk_widget_get_visible (jy_test_find_by_name (w, "eligibility-label")));

  /* An excluded drug is refused at the field, with the rule. */
  search (w, "地西泮");
  g_assert_true (gtk_widget_get_visible (jy_test_find_by_name (w, "drug-error")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (jy_test_find_by_name (w, "drug-error"))),
                            "长期处方管理规范"));
  g_assert_null (gtk_widget_get_first_child (jy_test_find_by_name (w, "items-box")));

  /* Found by its pinyin initials; 1 a day for 8 weeks is 2 packs of 28. */
  search (w, "aldp");
  g_assert_false (gtk_widget_get_visible (jy_test_find_by_name (w, "drug-error")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (jy_test_find_by_name (w, "days-spin")), 56);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (jy_test_find_by_name (w, "packs-0"))), ==, "2 盒");

  /* Over 4 weeks without the assessment and confirmation: refused at the fields. */
  g_signal_emit_by_name (issue, "clicked");
  g_assert_true (gtk_widget_get_visible (jy_test_find_by_name (w, "assessment-error")));
  g_assert_true (gtk_widget_get_visible (jy_test_find_by_name (w, "confirmation-error")));
  jy_test_save_screenshot (w, "long-rx-issue-refused");
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx"), ==, 0);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (jy_test_find_by_name (w, "assessment-check")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_name (w, "assessment-entry")), "近3次随访血压控制满意");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (jy_test_find_by_name (w, "confirmation-check")), TRUE);
  g_signal_emit_by_name (issue, "clicked");
  jy_test_iterate_until_true (issued, dialog);
  jy_test_save_screenshot (w, "long-rx-issued");
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx WHERE total_days = 56 AND patient_confirmed = 1"), ==, 1);

  jy_long_rx_issue_dialog_save_slip (dialog, path);
  jy_test_iterate_until_true (printed, fx);
  text = pdf_text (fx->printed);
  g_assert_nonnull (strstr (text, "长期处方"));
  g_assert_nonnull (strstr (text, "苯磺酸氨氯地平片"));
  g_assert_nonnull (strstr (text, "陈秀英"));
  g_assert_nonnull (strstr (text, "562盒"));
  /* Reads still in flight (a search typed) must end, not leak. */
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  jy_test_unref_and_wait_finalize (dialog);
  jy_test_remove_tree (dir);
}

static gpointer
issue_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  g_autofree char *today = day (0);
  g_autoptr(JyLongRx) rx = jy_long_rx_new ();
  JyLongRxItem *item = jy_long_rx_item_new ();
  JyLongRx *saved;

  rx->resident_id = 1;
  rx->issue_date = g_strdup (today);
  rx->total_days = 28;
  rx->days_per_dispense = 28;
  item->drug_code = g_strdup ("D003");
  item->drug_name = g_strdup ("苯磺酸氨氯地平片");
  item->dose = 1;
  item->frequency = JY_DOSE_FREQUENCY_QD;
  item->days = 28;
  item->pack_size = 28;
  g_ptr_array_add (rx->items, item);
  saved = jy_long_rx_store_issue (db, rx, error);
  if (saved == NULL)
    return NULL;
  *(gint64 *) data = saved->id;
  jy_long_rx_free (saved);
  return JY_STORE_DONE;
}

static void
type (GtkWidget  *dialog,
      const char *name,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_name (dialog, name)), text);
}

static void
test_dispense_to_proxy_with_bad_id_refused_at_field (Fixture       *fx,
                                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JyLongRxDispenseDialog *dialog;
  GtkWidget *w, *id_error, *button;
  gint64 rx_id = 0;
  g_autofree char *authorised = day (-30);
  char good[19] = "35020319800101123";
  char bad[19];

  act_as (fx, JY_ROLE_DOCTOR, 1);
  g_assert_true (jy_store_write (fx->c.store, issue_func, &rx_id, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  good[17] = jy_idcard_check_char (good);
  good[18] = '\0';
  g_strlcpy (bad, good, sizeof bad);
  bad[17] = bad[17] == '1' ? '2' : '1';

  act_as (fx, JY_ROLE_PHARMACIST, 0);
  dialog = jy_long_rx_dispense_dialog_new (fx->window, fx->c.store, rx_id);
  w = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  button = jy_test_find_by_name (w, "dispense-button");
  jy_test_iterate_until_true (sensitive, button);

  gtk_switch_set_active (GTK_SWITCH (jy_test_find_by_name (w, "proxy-switch")), TRUE);
  type (w, "proxy-name-entry", "陈明");
  type (w, "proxy-relation-entry", "子");
  type (w, "proxy-phone-entry", "13800138009");
  type (w, "authorisation-entry", authorised);
  type (w, "proxy-id-entry", bad);
  id_error = jy_test_find_by_name (w, "proxy-id-error");
  g_assert_true (gtk_widget_get_visible (id_error));
  jy_test_save_screenshot (w, "long-rx-dispense-bad-proxy-id");

  /* Dispense refuses while the ID is wrong; what was typed stays. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (gtk_widget_get_visible (id_error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jy_test_find_by_name (w, "proxy-id-entry"))), ==, bad);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx_dispense"), ==, 0);

  type (w, "proxy-id-entry", good);
  g_assert_false (gtk_widget_get_visible (id_error));
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  jy_test_unref_and_wait_finalize (dialog);
}

static gboolean
list_shown (gpointer data)
{
  GtkStack *stack = GTK_STACK (jy_test_find_by_id (data, "state_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "list") == 0;
}

static void
test_page_lists_the_instalment_due (Fixture       *fx,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JyLongRxPage *page;
  gint64 rx_id = 0;

  act_as (fx, JY_ROLE_DOCTOR, 1);
  g_assert_true (jy_store_write (fx->c.store, issue_func, &rx_id, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  page = g_object_new (JY_TYPE_LONG_RX_PAGE, NULL);
  gtk_window_set_child (fx->window, GTK_WIDGET (page));
  jy_long_rx_page_set_store (page, fx->c.store);
  jy_test_iterate_until_true (list_shown, page);
  g_assert_cmpuint (jy_long_rx_page_get_n_rows (page), ==, 1);
  jy_test_save_screenshot (GTK_WIDGET (fx->window), "long-rx-page-due");
  g_object_ref (page);
  gtk_window_set_child (fx->window, NULL);
  jy_test_unref_and_wait_finalize (page);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
stopped (gpointer data)
{
  return count (data, "SELECT count(*) FROM long_rx WHERE status = 'stopped'") == 1;
}

static gboolean
list_empty (gpointer data)
{
  GtkStack *stack = GTK_STACK (jy_test_find_by_id (data, "state_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0;
}

static void
test_page_stops_with_a_reason (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JyLongRxPage *page;
  AdwMessageDialog *dialog;
  gint64 rx_id = 0;

  act_as (fx, JY_ROLE_DOCTOR, 1);
  g_assert_true (jy_store_write (fx->c.store, issue_func, &rx_id, NULL, &error) == JY_STORE_DONE);
  page = g_object_new (JY_TYPE_LONG_RX_PAGE, NULL);
  gtk_window_set_child (fx->window, GTK_WIDGET (page));
  jy_long_rx_page_set_store (page, fx->c.store);
  jy_test_iterate_until_true (list_shown, page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "longrx.stop", "x", rx_id));
  jy_test_iterate_until_true (message_dialog_shown, NULL);
  dialog = find_message_dialog ();
  /* Admitted to hospital */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (jy_test_find_by_type (adw_message_dialog_get_extra_child (dialog),
                                                                   GTK_TYPE_DROP_DOWN)),
                              JY_LONG_RX_STOP_HOSPITALISATION - 1);
  jy_test_save_screenshot (GTK_WIDGET (dialog), "long-rx-stop");
  adw_message_dialog_response (dialog, "apply");
  jy_test_iterate_until_true (stopped, fx);
  /* The page reloads once the write is done: nothing is due any more. */
  jy_test_iterate_until_true (list_empty, page);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx WHERE stop_reason = 'hospital' AND open = 0"), ==, 1);

  /* The page reloads after the stop: its reads must end, not leak. */
  g_object_ref (page);
  gtk_window_set_child (fx->window, NULL);
  jy_test_unref_and_wait_finalize (page);
}

static gboolean
reviewed (gpointer data)
{
  Fixture *fx = data;
  g_autofree char *sql = NULL;
  g_autofree char *next = day (27);

  sql = g_strdup_printf ("SELECT count(*) FROM long_rx WHERE review_date = '%s' AND status = 'active' AND rev = 2", next);
  return count (fx, sql) == 1;
}

static gboolean
reviewed_or_refused (gpointer data)
{
  return reviewed (data) || find_message_dialog () != NULL;
}

/* 28 days issued today: a review today proposes one cycle later, capped
 * at the last day of supply (today + 27). */
static void
test_page_reviews_continue_then_stop (Fixture       *fx,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JyLongRxPage *page;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  gint64 rx_id = 0;
  g_autofree char *end = day (27);
  g_autofree char *tomorrow = day (1);

  act_as (fx, JY_ROLE_DOCTOR, 1);
  g_assert_true (jy_store_write (fx->c.store, issue_func, &rx_id, NULL, &error) == JY_STORE_DONE);
  page = g_object_new (JY_TYPE_LONG_RX_PAGE, NULL);
  gtk_window_set_child (fx->window, GTK_WIDGET (page));
  jy_long_rx_page_set_store (page, fx->c.store);
  jy_test_iterate_until_true (list_shown, page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "longrx.review", "x", rx_id));
  jy_test_iterate_until_true (message_dialog_shown, NULL);
  dialog = find_message_dialog ();
  box = adw_message_dialog_get_extra_child (dialog);
  /* Core proposes one cycle later, capped at the end of supply. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jy_test_find_by_name (box, "review-next"))), ==, end);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));

  /* Not stable: continuing is refused next to the fields. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (jy_test_find_by_name (box, "review-stable")), FALSE);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_true (gtk_widget_get_visible (jy_test_find_by_name (box, "review-error")));
  /* A review date in the future is refused too. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (jy_test_find_by_name (box, "review-stable")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_name (box, "review-date")), tomorrow);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_free (tomorrow);
  tomorrow = day (0);
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_name (box, "review-date")), tomorrow);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  jy_test_save_screenshot (GTK_WIDGET (dialog), "long-rx-review");
  adw_message_dialog_response (dialog, "apply");
  /* The button closes the dialog after its response. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  jy_test_iterate_until_true (reviewed_or_refused, fx);
  dialog = find_message_dialog ();
  g_assert_cmpstr (dialog != NULL ? adw_message_dialog_get_body (dialog) : NULL, ==, NULL);

  /* Then a second review stops it: a reason is asked for. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "longrx.review", "x", rx_id));
  jy_test_iterate_until_true (message_dialog_shown, NULL);
  dialog = find_message_dialog ();
  box = adw_message_dialog_get_extra_child (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (jy_test_find_by_name (box, "review-decision")), JY_LONG_RX_REVIEW_STOP);
  g_assert_true (gtk_widget_get_visible (jy_test_find_by_name (box, "review-reason")));
  g_assert_false (gtk_widget_get_visible (jy_test_find_by_name (box, "review-next")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (jy_test_find_by_name (box, "review-reason")), JY_LONG_RX_STOP_OTHER - 1);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_name (box, "review-note")), "患者要求");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  jy_test_save_screenshot (GTK_WIDGET (dialog), "long-rx-review-stop");
  adw_message_dialog_response (dialog, "apply");
  jy_test_iterate_until_true (stopped, fx);
  jy_test_iterate_until_true (list_empty, page);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx WHERE stop_reason = 'other' AND open = 0"), ==, 1);

  g_object_ref (page);
  gtk_window_set_child (fx->window, NULL);
  jy_test_unref_and_wait_finalize (page);
}

static gboolean
stop_dialog_shown (gpointer data)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  return dialog != NULL && adw_message_dialog_get_extra_child (dialog) != NULL;
}

/* A follow-up classed 2 (uncontrolled) with a prescription in use: a
 * notice, nothing stopped, and Stop… opens the stop dialog. */
static void
test_followup_notice_offers_stop (Fixture       *fx,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 rx_id = 0;

  act_as (fx, JY_ROLE_DOCTOR, 1);
  g_assert_true (jy_store_write (fx->c.store, issue_func, &rx_id, NULL, &error) == JY_STORE_DONE);
  g_assert_cmpint (jy_long_rx_stop_reason_for_followup (JY_FOLLOWUP_CLASS_UNCONTROLLED, 0), ==,
                   JY_LONG_RX_STOP_CONDITION_CHANGE);
  jy_long_rx_followup_notice (fx->window, fx->c.store, rx_id, JY_LONG_RX_STOP_CONDITION_CHANGE);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (dialog)), ==, "long-rx-followup-notice");
  jy_test_save_screenshot (GTK_WIDGET (dialog), "long-rx-followup-notice");
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx WHERE status = 'active'"), ==, 1);
  adw_message_dialog_response (dialog, "stop");
  gtk_window_destroy (GTK_WINDOW (dialog));
  jy_test_iterate_until_true (stop_dialog_shown, NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (jy_test_find_by_type (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_DROP_DOWN));
  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpint (count (fx, "SELECT count(*) FROM long_rx WHERE status = 'active'"), ==, 1);
}

static gboolean
has_results (gpointer data)
{
  return jy_drug_catalogue_window_get_n_results (data) > 0;
}

static GtkWindow *
find_catalogue_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (JY_IS_DRUG_CATALOGUE_WINDOW (w))
        return GTK_WINDOW (w);
    }
  return NULL;
}

static gboolean
one_result (gpointer data)
{
  return jy_drug_catalogue_window_get_n_results (data) == 1;
}

static gboolean
status_is_saved (gpointer data)
{
  const char *t = gtk_label_get_label (GTK_LABEL (jy_test_find_by_name (data, "drug-status")));

  return g_strcmp0 (t, _("Saved.")) == 0;
}

static gboolean
error_shown (gpointer data)
{
  return gtk_widget_get_visible (jy_test_find_by_name (data, "drug-error"));
}

static AdwMessageDialog *
find_named_dialog (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (window)), name) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
import_result_shown (gpointer data)
{
  return find_named_dialog ("drug-import-result") != NULL;
}

/* Administrators edit the catalogue: search by pinyin initials, set a
 * flag, add a line (a bad pack size refused next to the form), import a
 * CSV with a bad line reported. A doctor may not (the page's menu item is
 * off and the store refuses). */
static void
test_catalogue_window_admin_edits_and_imports (Fixture       *fx,
                                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = NULL;
  JyDrugCatalogueWindow *window;
  JyLongRxPage *page;
  AdwMessageDialog *dialog;
  GtkListBox *list;

  act_as (fx, JY_ROLE_DOCTOR, 1);
  page = g_object_new (JY_TYPE_LONG_RX_PAGE, NULL);
  gtk_window_set_child (fx->window, GTK_WIDGET (page));
  jy_long_rx_page_set_store (page, fx->c.store);
  jy_test_iterate_until_true (list_empty, page);
  /* The menu item is off; activated anyway, it opens nothing. */
  gtk_widget_activate_action (GTK_WIDGET (page), "longrx.catalogue", NULL);
  g_assert_null (find_catalogue_window ());
  g_assert_false (jy_store_session_can (fx->c.store, JY_PERMISSION_DRUG_CATALOGUE));

  act_as (fx, JY_ROLE_ADMIN, 1);
  jy_long_rx_page_reload (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "longrx.catalogue", NULL));
  g_assert_nonnull (find_catalogue_window ());
  /* The page opened one; work in a window of our own. Its search
   * must end, not leak. */
  {
    GtkWindow *opened = g_object_ref (find_catalogue_window ());

    gtk_window_destroy (opened);
    jy_test_unref_and_wait_finalize (opened);
  }
  g_object_ref (page);
  gtk_window_set_child (fx->window, NULL);
  jy_test_unref_and_wait_finalize (page);

  window = jy_drug_catalogue_window_new (fx->window, fx->c.store);
  gtk_window_present (GTK_WINDOW (window));
  jy_test_iterate_until_true (has_results, window);
  gtk_editable_set_text (GTK_EDITABLE (jy_test_find_by_name (GTK_WIDGET (window), "drug-catalogue-search")), "bhsaldp");
  g_signal_emit_by_name (jy_test_find_by_name (GTK_WIDGET (window), "drug-catalogue-search"), "search-changed");
  list = GTK_LIST_BOX (jy_test_find_by_name (GTK_WIDGET (window), "drug-catalogue-results"));
  jy_test_iterate_until_true (one_result, window);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jy_test_find_by_name (GTK_WIDGET (window), "drug-name"))),
                   ==, "苯磺酸氨氯地平片");
  /* Narrow therapeutic index (flag bit 2). */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (jy_test_find_by_name (GTK_WIDGET (window), "drug-flag-2")), TRUE);
  jy_test_save_screenshot (GTK_WIDGET (window), "drug-catalogue");
  g_signal_emit_by_name (jy_test_find_by_name (GTK_WIDGET (window), "drug-save"), "clicked");
  jy_test_iterate_until_true (status_is_saved, window);
  g_assert_cmpint (count (fx, "SELECT flags & 4 FROM drug WHERE generic_name = '苯磺酸氨氯地平片'"), ==, 4);

  /* A new line with a bad pack size: refused next to the form, kept. */
  g_signal_emit_by_name (jy_test_find_by_name (GTK_WIDGET (window), "drug-add"), "clicked");
  type (GTK_WIDGET (window), "drug-code", "Z001");
  type (GTK_WIDGET (window), "drug-name", "测试新药片");
  type (GTK_WIDGET (window), "drug-unit", "片");
  type (GTK_WIDGET (window), "drug-pack", "abc");
  type (GTK_WIDGET (window), "drug-pack-unit", "盒");
  g_signal_emit_by_name (jy_test_find_by_name (GTK_WIDGET (window), "drug-save"), "clicked");
  jy_test_iterate_until_true (error_shown, window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jy_test_find_by_name (GTK_WIDGET (window), "drug-name"))),
                   ==, "测试新药片");
  jy_test_save_screenshot (GTK_WIDGET (window), "drug-catalogue-error");
  type (GTK_WIDGET (window), "drug-pack", "24");
  g_signal_emit_by_name (jy_test_find_by_name (GTK_WIDGET (window), "drug-save"), "clicked");
  jy_test_iterate_until_true (status_is_saved, window);
  g_assert_cmpint (count (fx, "SELECT pack_size FROM drug WHERE code = 'Z001'"), ==, 24);

  /* Import with a bad line. */
  csv = g_bytes_new_static ("code,generic_name,unit,pack_size,pack_unit\n"
                            "Z002,测试导入片,片,30,盒\n"
                            "Z003,坏行片,片,abc,盒\n", strlen ("code,generic_name,unit,pack_size,pack_unit\n"
                                                                  "Z002,测试导入片,片,30,盒\n"
                                                                  "Z003,坏行片,片,abc,盒\n"));
  jy_drug_catalogue_window_import (window, csv);
  jy_test_iterate_until_true (import_result_shown, NULL);
  dialog = find_named_dialog ("drug-import-result");
  jy_test_save_screenshot (GTK_WIDGET (dialog), "drug-catalogue-import");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3"));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM drug WHERE code IN ('Z002', 'Z003')"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* The search after the import must end, not leak. */
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  jy_test_unref_and_wait_finalize (window);
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

  g_test_add ("/long-rx-gui/issue refuses at the fields then prints the slip to PDF", Fixture, NULL,
              fixture_setup, test_issue_and_print_to_pdf, fixture_teardown);
  g_test_add ("/long-rx-gui/dispense to a proxy with a bad ID refused at the field", Fixture, NULL,
              fixture_setup, test_dispense_to_proxy_with_bad_id_refused_at_field, fixture_teardown);
  g_test_add ("/long-rx-gui/page lists the instalment due", Fixture, NULL,
              fixture_setup, test_page_lists_the_instalment_due, fixture_teardown);
  g_test_add ("/long-rx-gui/page stops a prescription with a reason", Fixture, NULL,
              fixture_setup, test_page_stops_with_a_reason, fixture_teardown);
  g_test_add ("/long-rx-gui/page reviews a prescription then stops it at a review", Fixture, NULL,
              fixture_setup, test_page_reviews_continue_then_stop, fixture_teardown);
  g_test_add ("/long-rx-gui/follow-up of class 2 tells to review and offers the stop dialog", Fixture, NULL,
              fixture_setup, test_followup_notice_offers_stop, fixture_teardown);
  g_test_add ("/long-rx-gui/drug catalogue for administrators edits adds and imports", Fixture, NULL,
              fixture_setup, test_catalogue_window_admin_edits_and_imports, fixture_teardown);
  return g_test_run ();
}
