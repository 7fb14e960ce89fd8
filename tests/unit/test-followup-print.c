/* test-followup-print.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-followup-print.h"
#include "test-util.h"

static JyFollowup *
visit (const char *date,
       int         sbp,
       int         dbp,
       JyFollowupClass klass)
{
  JyFollowup *f = jy_followup_new (JY_PROGRAMME_HTN);
  JyFollowupDrug *drug = jy_followup_drug_new (JY_FOLLOWUP_DRUG_CURRENT);

  f->visit_date = g_strdup (date);
  f->mode = JY_VISIT_MODE_CLINIC;
  f->symptoms = 1u << 1;
  f->sbp = sbp;
  f->dbp = dbp;
  f->heart_rate = 72;
  f->weight_kg = 66;
  f->target_weight_kg = 62;
  f->height_cm = 158;
  f->adherence = 1;
  f->classification = klass;
  f->next_visit_date = g_strdup ("2026-12-01");
  drug->name = g_strdup ("Amlodipine");
  drug->times_per_day = 1;
  drug->dose = 5;
  drug->dose_unit = g_strdup ("mg");
  g_ptr_array_add (f->drugs, drug);

  return f;
}

static char *
pdf_text (JyPrintDoc *doc)
{
  g_autofree char *dir = g_dir_make_tmp ("jiayi-fu-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "record.pdf", NULL);
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (jy_print_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_no_error (error);
  jy_test_remove_tree (dir);
  return text;
}

static void
test_four_visits_a_page_in_date_order (void)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_followup_free);
  g_autoptr(GDate) today = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  g_autoptr(JyPrintDoc) doc = NULL;
  g_autofree char *text = NULL;
  JyFollowup *wrong;
  const char *p1, *p2;

  /* Out of order on purpose; one corrected version and one DM visit. */
  g_ptr_array_add (visits, visit ("2026-06-10", 152, 94, JY_FOLLOWUP_CLASS_UNCONTROLLED));
  g_ptr_array_add (visits, visit ("2026-01-12", 138, 84, JY_FOLLOWUP_CLASS_CONTROLLED));
  g_ptr_array_add (visits, visit ("2026-06-24", 136, 82, JY_FOLLOWUP_CLASS_CONTROLLED));
  g_ptr_array_add (visits, visit ("2026-04-02", 134, 80, JY_FOLLOWUP_CLASS_CONTROLLED));
  g_ptr_array_add (visits, visit ("2026-09-20", 132, 78, JY_FOLLOWUP_CLASS_CONTROLLED));
  wrong = visit ("2026-09-20", 231, 78, JY_FOLLOWUP_CLASS_UNCONTROLLED);
  g_free (wrong->status);
  wrong->status = g_strdup ("entered-in-error");
  g_ptr_array_add (visits, wrong);
  {
    JyFollowup *dm = visit ("2026-09-21", 199, 77, JY_FOLLOWUP_CLASS_CONTROLLED);
    dm->programme = JY_PROGRAMME_T2DM;
    g_ptr_array_add (visits, dm);
  }

  doc = jy_followup_print_record (JY_PROGRAMME_HTN, visits, "Test Centre", "Test Person", "A-0001", today);
  g_assert_cmpint (jy_print_doc_get_n_pages (doc), ==, 2);

  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, "Hypertension Patient Follow-up Record"));
  g_assert_nonnull (strstr (text, "A-0001"));
  /* First page holds the four earliest visits in date order. */
  p1 = strstr (text, "2026-01-12");
  p2 = strstr (text, "2026-06-24");
  g_assert_nonnull (p1);
  g_assert_nonnull (p2);
  g_assert_true (p1 < strstr (text, "2026-04-02"));
  g_assert_true (strstr (text, "2026-04-02") < strstr (text, "2026-06-10"));
  g_assert_true (strstr (text, "2026-06-10") < p2);
  g_assert_true (p2 < strchr (text, '\f'));
  g_assert_true (strstr (text, "2026-09-20") > strchr (text, '\f'));
  /* The corrected version and the other programme's visit are not printed. */
  g_assert_null (strstr (text, "231/78"));
  g_assert_null (strstr (text, "199/77"));
  g_assert_nonnull (strstr (text, "152/94"));
  g_assert_nonnull (strstr (text, "2 Uncontrolled"));
  g_assert_nonnull (strstr (text, "Amlodipine"));
  /* BMI 66 kg at 158 cm = 26.4, target 62 kg = 24.8 */
  g_assert_nonnull (strstr (text, "26.4 / 24.8"));
}

static void
test_dm_record_has_glucose_not_heart_rate (void)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_followup_free);
  g_autoptr(GDate) today = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  g_autoptr(JyPrintDoc) doc = NULL;
  g_autofree char *text = NULL;
  JyFollowup *dm = visit ("2026-09-21", 128, 77, JY_FOLLOWUP_CLASS_CONTROLLED);

  dm->programme = JY_PROGRAMME_T2DM;
  dm->fasting_glucose = 6.4;
  g_ptr_array_add (visits, dm);

  doc = jy_followup_print_record (JY_PROGRAMME_T2DM, visits, "Test Centre", "Test Person", "A-0001", today);
  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, "Type 2 Diabetes Patient Follow-up Record"));
  g_assert_nonnull (strstr (text, "Fasting glucose"));
  g_assert_nonnull (strstr (text, "6.4"));
  g_assert_null (strstr (text, "Heart rate"));
  g_assert_nonnull (strstr (text, "Dorsalis pedis"));
}

static void
test_no_visits_prints_empty_form (void)
{
  g_autoptr(GDate) today = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  g_autoptr(JyPrintDoc) doc = jy_followup_print_record (JY_PROGRAMME_HTN, NULL, "Test Centre",
                                                        "Test Person", NULL, today);

  g_autofree char *text = pdf_text (doc);

  /* A blank form to fill in by hand. */
  g_assert_nonnull (strstr (text, "Follow-up date"));
  g_assert_nonnull (strstr (text, "Next follow-up date"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

  g_test_add_func ("/followup-print/four visits a page in date order, corrections left out",
                   test_four_visits_a_page_in_date_order);
  g_test_add_func ("/followup-print/DM record has fasting glucose and foot pulse, no heart rate",
                   test_dm_record_has_glucose_not_heart_rate);
  g_test_add_func ("/followup-print/no visits prints an empty form", test_no_visits_prints_empty_form);

  return g_test_run ();
}
