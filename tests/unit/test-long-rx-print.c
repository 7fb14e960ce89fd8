/* test-long-rx-print.c — the long prescription slip and medication card
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "jy-long-rx-print.h"
#include "test-util.h"

static JyLongRxItem *
item (const char *name, const char *strength, const char *unit, double dose,
      JyDoseFrequency f, int days, double pack, const char *pack_unit, guint flags)
{
  JyLongRxItem *i = jy_long_rx_item_new ();

  i->drug_name = g_strdup (name);
  i->strength = g_strdup (strength);
  i->unit = g_strdup (unit);
  i->dose = dose;
  i->frequency = f;
  i->days = days;
  i->pack_size = pack;
  i->pack_unit = g_strdup (pack_unit);
  i->insurance_class = g_strdup ("甲");
  i->flags = flags;
  return i;
}

static JyLongRx *
prescription (void)
{
  JyLongRx *rx = jy_long_rx_new ();

  rx->rx_no = g_strdup ("CQ20260316000042");
  rx->issue_date = g_strdup ("2026-03-16");
  rx->diagnosis_code = g_strdup ("I10,E11.9");
  rx->diagnosis_text = g_strdup ("高血压，2型糖尿病");
  rx->total_days = 84;
  rx->days_per_dispense = 28;
  rx->assessment_done = TRUE;
  rx->assessment_note = g_strdup ("近3个月血压、血糖控制满意，用药方案稳定");
  rx->patient_confirmed = TRUE;
  g_ptr_array_add (rx->items, item ("苯磺酸氨氯地平片", "5 mg", "片", 1, JY_DOSE_FREQUENCY_QD, 84, 28, "盒", 0));
  g_ptr_array_add (rx->items, item ("盐酸二甲双胍片", "0.5 g", "片", 1, JY_DOSE_FREQUENCY_TID, 84, 48, "盒", 0));
  g_ptr_array_add (rx->items, item ("甘精胰岛素注射液", "300 IU/3 mL", "IU", 14, JY_DOSE_FREQUENCY_QN, 84, 300, "支",
                                    JY_DRUG_FLAG_STORAGE_ADVICE));
  jy_long_rx_compute (rx);
  return rx;
}

static const JyLongRxPrintHeader header = {
  .centre_name = "海滨社区卫生服务中心", .resident_name = "陈秀英", .sex = "2", .age = 70,
  .record_no = "350203001000123", .phone = "0592-5551234", .doctor_name = "王医生",
};

static char *
pdf_text (JyPrintDoc *doc,
          const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("jiayi-lrx-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "doc.pdf", NULL);
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  const char *shots = g_getenv ("JIAYI_TEST_SCREENSHOTS");
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (jy_print_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  if (shots != NULL)
    {
      g_autofree char *png = g_strdup_printf ("%s/%s.png", shots, name);

      g_assert_true (jy_print_doc_write_png (doc, 0, 110, png, &error));
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_no_error (error);
  jy_test_remove_tree (dir);
  return text;
}

static void
test_slip_has_mark_items_and_additions (void)
{
  g_autoptr(JyLongRx) rx = prescription ();
  g_autoptr(JyPrintDoc) doc = jy_long_rx_print_slip (rx, &header);
  g_autofree char *text = pdf_text (doc, "long-rx-slip");

  g_autofree char *packed = NULL;
  GString *squeezed = g_string_new (NULL);

  /* Table cells are laid out with spaces: compare without them. */
  for (const char *c = text; *c != '\0'; c++)
    if (*c != ' ')
      g_string_append_c (squeezed, *c);
  packed = g_string_free (squeezed, FALSE);

  g_assert_cmpint (jy_print_doc_get_n_pages (doc), ==, 1);
  g_assert_nonnull (strstr (text, "长期处方"));
  g_assert_nonnull (strstr (text, "CQ20260316000042"));
  g_assert_nonnull (strstr (text, "陈秀英"));
  g_assert_nonnull (strstr (text, "I10,E11.9"));
  g_assert_nonnull (strstr (text, "苯磺酸氨氯地平片"));
  /* 84 tablets of 28 a pack; 252 of 48 a pack; 14 IU × 84 of 300 IU */
  g_assert_nonnull (strstr (packed, "843盒"));
  g_assert_nonnull (strstr (packed, "846盒"));
  g_assert_nonnull (strstr (packed, "844支"));
  g_assert_nonnull (strstr (text, "近3个月血压"));
  g_assert_nonnull (strstr (text, "84 days"));
}

static void
test_card_lists_instalments_and_collections (void)
{
  g_autoptr(JyLongRx) rx = prescription ();
  g_autoptr(GPtrArray) dispenses = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_long_rx_dispense_free);
  JyLongRxDispense *first = g_new0 (JyLongRxDispense, 1);
  JyLongRxDispense *second = g_new0 (JyLongRxDispense, 1);
  g_autoptr(JyPrintDoc) doc = NULL;
  g_autofree char *text = NULL;

  first->instalment = 1;
  first->dispense_date = g_strdup ("2026-03-16");
  second->instalment = 2;
  second->dispense_date = g_strdup ("2026-04-10");
  second->proxy = TRUE;
  second->proxy_name = g_strdup ("陈明");
  g_ptr_array_add (dispenses, first);
  g_ptr_array_add (dispenses, second);
  doc = jy_long_rx_print_card (rx, &header, dispenses);
  text = pdf_text (doc, "long-rx-card");

  g_assert_cmpint (jy_print_doc_get_n_pages (doc), ==, 1);
  g_assert_nonnull (strstr (text, "长期处方"));
  g_assert_nonnull (strstr (text, "陈明"));
  g_assert_nonnull (strstr (text, "fridge"));
  /* The third instalment: from 4 May, due 11 May 2026. */
  g_assert_nonnull (strstr (text, "2026"));
}

static void
test_slip_in_chinese (void)
{
  const char *localedir = g_getenv ("JIAYI_LOCALEDIR");
  g_autoptr(JyLongRx) rx = prescription ();
  g_autoptr(JyPrintDoc) slip = NULL;
  g_autoptr(JyPrintDoc) card = NULL;
  g_autofree char *text = NULL;
  g_autofree char *card_text = NULL;

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  slip = jy_long_rx_print_slip (rx, &header);
  card = jy_long_rx_print_card (rx, &header, NULL);
  text = pdf_text (slip, "long-rx-slip-zh");
  card_text = pdf_text (card, "long-rx-card-zh");
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_nonnull (strstr (text, "处方笺"));
  g_assert_nonnull (strstr (text, "临床诊断"));
  g_assert_nonnull (strstr (text, "84天"));
  g_assert_nonnull (strstr (text, "患者已签字确认"));
  g_assert_nonnull (strstr (card_text, "长期处方用药卡"));
  g_assert_nonnull (strstr (card_text, "每晚1次"));
  g_assert_nonnull (strstr (card_text, "注意事项"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/long-rx-print/slip has the mark the items and the long-prescription additions", test_slip_has_mark_items_and_additions);
  g_test_add_func ("/long-rx-print/card lists instalments and who collected", test_card_lists_instalments_and_collections);
  g_test_add_func ("/long-rx-print/slip and card in Chinese", test_slip_in_chinese);
  return g_test_run ();
}
