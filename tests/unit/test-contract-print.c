/* test-contract-print.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "contract-fixtures.h"
#include "jy-contract-print.h"

static char *
pdf_text (JyPrintDoc *doc,
          int        *n_pages)
{
  g_autofree char *dir = g_dir_make_tmp ("jiayi-contract-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "agreement.pdf", NULL);
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (jy_print_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  *n_pages = jy_print_doc_get_n_pages (doc);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_no_error (error);
  if (g_getenv ("JIAYI_TEST_SCREENSHOTS") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("JIAYI_TEST_SCREENSHOTS"), "print-contract-agreement.png", NULL);

      g_assert_true (jy_print_doc_write_png (doc, 0, 110, png, &error));
    }
  if (g_getenv ("JIAYI_TEST_SCREENSHOTS") != NULL)
    g_test_message ("%s", text);
  jy_test_remove_tree (dir);
  return text;
}

static JyContractPrintHeader
header_for (const GDate *date)
{
  return (JyContractPrintHeader) {
    .centre_name = "测试中心", .resident_name = "陈秀英", .sex = "2", .birth_date = "1955-06-01",
    .id_masked = "350203**********21", .phone = "138****8001", .address = "海韵社区 1 号",
    .date = date,
  };
}

static void
test_agreement_lists_packages_fees_and_signature_lines (ContractFixture *fx,
                                                        gconstpointer    user_data)
{
  static const char *const codes[] = { "basic", "elderly", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 1, 1, "2026-03-15", codes, &error);
  g_autoptr(JyPrintDoc) doc = NULL;
  JyContractPrintHeader header = header_for (&fx->today);
  g_autofree char *text = NULL;
  g_autofree char *resident_fee = NULL;
  int n_pages = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (contract->packages->len, ==, 2);
  doc = jy_contract_print_agreement (contract, &header);
  text = pdf_text (doc, &n_pages);

  g_assert_cmpint (n_pages, ==, 1);
  g_assert_nonnull (strstr (text, "Family Doctor Contract Agreement"));
  g_assert_nonnull (strstr (text, contract->contract_no));
  g_assert_nonnull (strstr (text, "陈秀英"));
  /* Only the masked number is ever printed. */
  g_assert_nonnull (strstr (text, "350203**********21"));
  g_assert_nonnull (strstr (text, "第一家庭医生团队"));
  g_assert_nonnull (strstr (text, "王医生"));
  /* The term, from the sign date to the day before a year later. */
  g_assert_nonnull (strstr (text, "2026-03-15"));
  g_assert_nonnull (strstr (text, "2027-03-14"));
  g_assert_nonnull (strstr (text, "Basic package"));
  g_assert_nonnull (strstr (text, "Elderly package"));
  g_assert_nonnull (strstr (text, "Home visits"));
  g_assert_nonnull (strstr (text, "Paid by the resident"));
  resident_fee = g_strdup_printf ("¥%s", jy_fee_format_yuan (contract->fee.resident));
  g_assert_nonnull (strstr (text, resident_fee));
  g_assert_nonnull (strstr (text, "Rights and duties"));
  g_assert_nonnull (strstr (text, "Resident (or guardian) signature"));
  g_assert_nonnull (strstr (text, "Family doctor signature"));
}

static void
test_agreement_with_basic_package_only (ContractFixture *fx,
                                        gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 2, 1, "2024-02-29", NULL, &error);
  JyContractPrintHeader header = header_for (&fx->today);
  g_autoptr(JyPrintDoc) doc = NULL;
  g_autofree char *text = NULL;
  int n_pages = 0;

  g_assert_no_error (error);
  header.resident_name = "刘建国";
  header.sex = "1";
  header.phone = NULL;
  doc = jy_contract_print_agreement (contract, &header);
  text = pdf_text (doc, &n_pages);

  /* Signed on a leap day: the term ends on 28 February 2025 (core's rule). */
  g_assert_nonnull (strstr (text, "2024-02-29"));
  g_assert_nonnull (strstr (text, "2025-02-28"));
  g_assert_nonnull (strstr (text, "Basic package"));
  g_assert_null (strstr (text, "Elderly package"));
  g_assert_nonnull (strstr (text, "Total per year"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* JIAYI_LOCALEDIR with LANGUAGE=zh_CN renders the Chinese page to look at. */
  if (g_getenv ("JIAYI_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JIAYI_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

  g_test_add ("/contract-print/agreement lists packages, fees and signature lines", ContractFixture, NULL,
              contract_fixture_setup, test_agreement_lists_packages_fees_and_signature_lines,
              contract_fixture_teardown);
  g_test_add ("/contract-print/leap-day term with the basic package only", ContractFixture, NULL,
              contract_fixture_setup, test_agreement_with_basic_package_only, contract_fixture_teardown);

  return g_test_run ();
}
