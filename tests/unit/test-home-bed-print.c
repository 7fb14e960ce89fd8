/* test-home-bed-print.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-followup.h"
#include "jy-home-bed-print.h"
#include "jy-person.h"
#include "test-util.h"

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (jy_person_parse_date (iso, &date));
  return date;
}

/* Writes @doc as a PDF (and, with JIAYI_TEST_PRINTS=DIR, a PNG per page
 * there to look at) and returns pdftotext's layout text. */
static char *
pdf_text (JyPrintDoc *doc,
          const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("jiayi-bed-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "doc.pdf", NULL);
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  const char *shots = g_getenv ("JIAYI_TEST_PRINTS");
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (jy_print_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  if (shots != NULL)
    for (int page = 0; page < jy_print_doc_get_n_pages (doc); page++)
      {
        g_autofree char *file = g_strdup_printf ("%s/%s-%d.png", shots, name, page + 1);

        g_assert_true (jy_print_doc_write_png (doc, page, 100, file, &error));
      }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_no_error (error);
  jy_test_remove_tree (dir);
  return text;
}

static JyHomeBedRoundRecord *
round_on (const char         *date,
          JyHomeBedRoundKind  kind,
          const char         *staff,
          guint               procedures,
          const char         *note)
{
  JyHomeBedRoundRecord *o = g_new0 (JyHomeBedRoundRecord, 1);

  o->date = day (date);
  o->kind = kind;
  o->staff_name = g_strdup (staff);
  for (guint v = 0; v < JY_HOME_BED_N_VITALS; v++)
    o->vitals[v] = JY_UNMEASURED;
  o->vitals[JY_HOME_BED_VITAL_TEMPERATURE] = 36.8;
  o->vitals[JY_HOME_BED_VITAL_PULSE] = 78;
  o->vitals[JY_HOME_BED_VITAL_RESPIRATION] = 18;
  o->vitals[JY_HOME_BED_VITAL_SBP] = 132;
  o->vitals[JY_HOME_BED_VITAL_DBP] = 78;
  o->vitals[JY_HOME_BED_VITAL_SPO2] = 96;
  o->procedures = procedures;
  o->pressure_stage = (procedures & JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_PRESSURE_CARE))
                        ? JY_PRESSURE_STAGE_2 : JY_PRESSURE_STAGE_NONE;
  o->note = g_strdup (note);
  return o;
}

static JyHomeBedRecord *
make_bed (guint n_rounds,
          gboolean discharged)
{
  JyHomeBedRecord *bed = g_new0 (JyHomeBedRecord, 1);
  GDate date = day ("2026-08-26");

  bed->status = g_strdup (discharged ? "discharged" : "open");
  bed->resident_name = g_strdup ("王秀英");
  bed->resident_sex = g_strdup ("2");
  bed->resident_birth_date = g_strdup ("1938-04-12");
  bed->resident_address = g_strdup ("海韵社区海韵路12号3栋2单元501室");
  bed->resident_phone = g_strdup ("13800138000");
  bed->bed_number = g_strdup ("JC2026-0007");
  bed->admitted_on = day ("2026-08-26");
  bed->agreement_signed_at = g_strdup ("2026-08-26");
  bed->diagnosis = g_strdup ("脑梗死后遗症；骶尾部压力性损伤");
  bed->icd10 = g_strdup ("I69.3");
  bed->plan = g_strdup ("压疮换药每2–3日；翻身拍背；康复训练；每周医生查床。");
  bed->doctor_name = g_strdup ("陈志明");
  bed->nurse_name = g_strdup ("林晓燕");
  bed->doctor_every_days = 7;
  bed->nurse_every_days = 3;
  bed->cycle_no = 1;
  bed->cycle_start = day ("2026-08-26");
  bed->cycle_end = day ("2026-11-24");
  bed->adl_score = 35;
  bed->braden_score = 11;
  g_date_clear (&bed->discharged_on, 1);
  bed->rounds = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_home_bed_round_record_free);
  for (guint i = 0; i < n_rounds; i++)
    {
      char iso[11];
      gboolean doctor = i % 3 == 0;

      g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&date),
                  (guint)g_date_get_month (&date), g_date_get_day (&date));
      g_ptr_array_add (bed->rounds,
                       round_on (iso, doctor ? JY_HOME_BED_ROUND_DOCTOR : JY_HOME_BED_ROUND_NURSING,
                                 doctor ? "陈志明" : "林晓燕",
                                 doctor ? 0 : JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_DRESSING)
                                              | JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_PRESSURE_CARE),
                                 doctor ? "病情平稳，继续原治疗方案。" : "创面清洁，渗出少，已换药。"));
      g_date_add_days (&date, 2);
    }
  if (discharged)
    {
      bed->discharged_on = day ("2026-11-20");
      bed->discharge_reason = JY_DISCHARGE_REASON_IMPROVED;
      bed->discharge_summary = g_strdup ("经居家治疗护理，创面明显缩小，病情好转，予撤床。");
      bed->summary_signed_by_name = g_strdup ("陈志明");
    }
  return bed;
}

static void
test_agreement (void)
{
  g_autoptr(JyHomeBedRecord) bed = make_bed (0, FALSE);
  GDate printed = day ("2026-08-26");
  g_autoptr(JyPrintDoc) doc = jy_home_bed_print_agreement (bed, "海滨社区卫生服务中心", &printed);
  g_autofree char *text = pdf_text (doc, "agreement");

  g_assert_cmpint (jy_print_doc_get_n_pages (doc), ==, 1);
  g_assert_nonnull (strstr (text, "Home-bed service agreement"));
  g_assert_nonnull (strstr (text, "JC2026-0007"));
  g_assert_nonnull (strstr (text, "90 bed days"));
  g_assert_nonnull (strstr (text, "Every 7 days"));
  g_assert_nonnull (strstr (text, "Emergency plan"));
  g_assert_nonnull (strstr (text, "Patient or family signature"));
}

static void
test_record_with_rounds_over_pages (void)
{
  g_autoptr(JyHomeBedRecord) bed = make_bed (40, TRUE);
  GDate printed = day ("2026-11-23");
  g_autoptr(JyPrintDoc) doc = jy_home_bed_print_record (bed, "海滨社区卫生服务中心", &printed);
  g_autofree char *text = pdf_text (doc, "record");

  g_assert_cmpint (jy_print_doc_get_n_pages (doc), >=, 2);
  g_assert_nonnull (strstr (text, "Home-bed record"));
  g_assert_nonnull (strstr (text, "Admission record"));
  g_assert_nonnull (strstr (text, "Rounds (40)"));
  g_assert_nonnull (strstr (text, "2026-10-03"));
  g_assert_nonnull (strstr (text, "Pressure-injury"));
  g_assert_nonnull (strstr (text, "(Stage 2)"));
  g_assert_nonnull (strstr (text, "No. 1, 2026-08-26 to 2026-11-24"));
  g_assert_nonnull (strstr (text, "132/78"));
  g_assert_nonnull (strstr (text, "Discharge summary"));
  g_assert_nonnull (strstr (text, "Improved"));
  g_assert_nonnull (strstr (text, "86"));    /* bed days 08-26 → 11-20 */
}

static void
test_record_open_bed (void)
{
  g_autoptr(JyHomeBedRecord) bed = make_bed (2, FALSE);
  GDate printed = day ("2026-08-30");
  g_autoptr(JyPrintDoc) doc = jy_home_bed_print_record (bed, "海滨社区卫生服务中心", &printed);
  g_autofree char *text = pdf_text (doc, "record-open");

  g_assert_nonnull (strstr (text, "no discharge yet"));
}

static JyHomeBedDueRow *
due_row (const char *community,
         const char *building,
         const char *bed,
         guint       overdue)
{
  JyHomeBedDueRow *row = g_new0 (JyHomeBedDueRow, 1);

  row->community_name = g_strdup (community);
  row->building = g_strdup (building);
  row->bed_number = g_strdup (bed);
  row->resident_name = g_strdup ("李桂兰");
  row->address = g_strdup ("海韵路12号3栋2单元501室");
  row->diagnosis = g_strdup ("慢性阻塞性肺疾病稳定期");
  row->kind = JY_HOME_BED_ROUND_NURSING;
  row->days_overdue = overdue;
  return row;
}

static void
test_route_grouped_by_community (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_home_bed_due_row_free);
  GDate today = day ("2026-11-23");
  g_autoptr(JyPrintDoc) doc = NULL;
  g_autofree char *text = NULL;
  const char *first, *second;

  g_ptr_array_add (rows, due_row ("海韵社区", "海韵路12号1栋", "JC-002", 0));
  g_ptr_array_add (rows, due_row ("海韵社区", "海韵路12号3栋", "JC-003", 3));
  g_ptr_array_add (rows, due_row ("莲花社区", "莲花路8号1栋", "JC-001", 1));
  doc = jy_home_bed_print_route (rows, "海滨社区卫生服务中心", "林晓燕", &today);
  text = pdf_text (doc, "route");
  g_assert_nonnull (strstr (text, "Today's rounds"));
  g_assert_nonnull (strstr (text, "林晓燕"));
  first = strstr (text, "海韵社区");
  second = strstr (text, "莲花社区");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (first < second);
  g_assert_nonnull (strstr (text, "3 days overdue"));
  g_assert_nonnull (strstr (text, "1 day overdue"));
  g_assert_nonnull (strstr (text, "Today"));
}

static void
test_route_empty (void)
{
  GDate today = day ("2026-11-23");
  g_autoptr(JyPrintDoc) doc = jy_home_bed_print_route (NULL, "海滨社区卫生服务中心", "林晓燕", &today);
  g_autofree char *text = pdf_text (doc, "route-empty");

  g_assert_nonnull (strstr (text, "No rounds due today or overdue."));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/report/home-bed/agreement/one-page-with-frequency-cycle-and-signatures", test_agreement);
  g_test_add_func ("/report/home-bed/record/admission-rounds-over-pages-and-discharge", test_record_with_rounds_over_pages);
  g_test_add_func ("/report/home-bed/record/open-bed-has-no-discharge-yet", test_record_open_bed);
  g_test_add_func ("/report/home-bed/route/grouped-by-community-with-overdue-days", test_route_grouped_by_community);
  g_test_add_func ("/report/home-bed/route/empty-list-says-so", test_route_empty);

  return g_test_run ();
}
