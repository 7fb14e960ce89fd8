/* test-long-rx.c — the long prescription rules, domain.md §4
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-idcard.h"
#include "jy-long-rx.h"
#include "test-util.h"

static JyLongRxConfig config;

static JyDrug *
amlodipine (void)
{
  JyDrug *d = jy_drug_new ();

  d->code = g_strdup ("C08CA01-5");
  d->generic_name = g_strdup ("苯磺酸氨氯地平片");
  d->strength = g_strdup ("5 mg");
  d->unit = g_strdup ("片");
  d->pack_size = 28;
  d->pack_unit = g_strdup ("盒");
  return d;
}

/* A valid prescription of @days days with one amlodipine item. */
static JyLongRx *
rx_of (int days)
{
  JyLongRx *rx = jy_long_rx_new ();
  g_autoptr (JyDrug) drug = amlodipine ();
  JyLongRxItem *item = jy_long_rx_item_new_for (drug);

  rx->issue_date = g_strdup ("2026-03-02");
  rx->total_days = days;
  rx->days_per_dispense = MIN (28, days);
  item->dose = 1;
  item->frequency = JY_DOSE_FREQUENCY_QD;
  item->days = days;
  g_ptr_array_add (rx->items, item);
  jy_long_rx_compute (rx);
  return rx;
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((JyLongRxProblem *) g_ptr_array_index (problems, i))->field, field))
      return TRUE;
  return FALSE;
}

static const char *
message_of (GPtrArray  *problems,
            const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    {
      JyLongRxProblem *p = g_ptr_array_index (problems, i);

      if (g_str_equal (p->field, field))
        return p->message;
    }
  return NULL;
}

/* ---- Duration ---- */

static void
test_duration_28_days_allowed (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);
  g_autoptr (GPtrArray) problems = jy_long_rx_check (rx, &config);

  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_duration_3_weeks_refused (void)
{
  g_autoptr (JyLongRx) rx = rx_of (21);
  g_autoptr (GPtrArray) problems = jy_long_rx_check (rx, &config);

  g_assert_true (has_problem (problems, "days"));
}

static void
test_duration_12_weeks_allowed_with_assessment (void)
{
  g_autoptr (JyLongRx) rx = rx_of (84);
  g_autoptr (GPtrArray) problems = NULL;

  rx->assessment_done = TRUE;
  rx->assessment_note = g_strdup ("血压稳定 3 个月");
  rx->patient_confirmed = TRUE;
  problems = jy_long_rx_check (rx, &config);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_duration_13_weeks_refused (void)
{
  g_autoptr (JyLongRx) rx = rx_of (91);
  g_autoptr (GPtrArray) problems = NULL;

  rx->assessment_done = TRUE;
  rx->assessment_note = g_strdup ("稳定");
  rx->patient_confirmed = TRUE;
  problems = jy_long_rx_check (rx, &config);
  g_assert_true (has_problem (problems, "days"));
}

static void
test_duration_local_cap_lower (void)
{
  JyLongRxConfig local = config;
  g_autoptr (JyLongRx) rx = rx_of (84);
  g_autoptr (GPtrArray) problems = NULL;

  local.max_days = 56;
  rx->assessment_done = TRUE;
  rx->assessment_note = g_strdup ("稳定");
  rx->patient_confirmed = TRUE;
  problems = jy_long_rx_check (rx, &local);
  g_assert_true (has_problem (problems, "days"));
  g_assert_true (has_problem (problems, "item-days"));
}

static void
test_duration_item_longer_than_rx_refused (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);
  g_autoptr (GPtrArray) problems = NULL;

  ((JyLongRxItem *) g_ptr_array_index (rx->items, 0))->days = 56;
  problems = jy_long_rx_check (rx, &config);
  g_assert_true (has_problem (problems, "item-days"));
}

/* ---- Over 4 weeks ---- */

static void
test_confirmation_29_days_without_both_refused (void)
{
  g_autoptr (JyLongRx) rx = rx_of (29);
  g_autoptr (GPtrArray) problems = jy_long_rx_check (rx, &config);

  g_assert_true (has_problem (problems, "assessment"));
  g_assert_true (has_problem (problems, "confirmation"));
}

static void
test_confirmation_assessment_without_confirmation_refused (void)
{
  g_autoptr (JyLongRx) rx = rx_of (56);
  g_autoptr (GPtrArray) problems = NULL;

  rx->assessment_done = TRUE;
  rx->assessment_note = g_strdup ("稳定");
  problems = jy_long_rx_check (rx, &config);
  g_assert_false (has_problem (problems, "assessment"));
  g_assert_true (has_problem (problems, "confirmation"));
}

static void
test_confirmation_ticked_without_note_refused (void)
{
  g_autoptr (JyLongRx) rx = rx_of (56);
  g_autoptr (GPtrArray) problems = NULL;

  rx->assessment_done = TRUE;
  rx->assessment_note = g_strdup ("  ");
  rx->patient_confirmed = TRUE;
  problems = jy_long_rx_check (rx, &config);
  g_assert_true (has_problem (problems, "assessment"));
  g_assert_false (has_problem (problems, "confirmation"));
}

static void
test_confirmation_28_days_needs_neither (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);
  g_autoptr (GPtrArray) problems = jy_long_rx_check (rx, &config);

  g_assert_false (has_problem (problems, "assessment"));
  g_assert_false (has_problem (problems, "confirmation"));
}

/* ---- Excluded classes ---- */

static void
check_refused_class (JyDrugExclusion klass,
                     const char     *quote)
{
  g_autoptr (JyLongRx) rx = rx_of (28);
  JyLongRxItem *item = g_ptr_array_index (rx->items, 0);
  g_autoptr (GPtrArray) problems = NULL;
  const char *message;

  item->exclusions = klass;
  problems = jy_long_rx_check (rx, &config);
  message = message_of (problems, "item-drug");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "§4.3"));
  g_assert_nonnull (strstr (message, quote));
  g_assert_nonnull (strstr (message, "苯磺酸氨氯地平片"));
}

static void
test_excluded_narcotic_refused_with_rule (void)
{
  check_refused_class (JY_DRUG_EXCLUSION_NARCOTIC, "narcotics");
}

static void
test_excluded_psychotropic_refused_with_rule (void)
{
  check_refused_class (JY_DRUG_EXCLUSION_PSYCHOTROPIC, "psychotropics");
}

static void
test_excluded_toxic_radioactive_precursor_refused (void)
{
  check_refused_class (JY_DRUG_EXCLUSION_TOXIC, "Toxic drugs");
  check_refused_class (JY_DRUG_EXCLUSION_RADIOACTIVE, "radioactive");
  check_refused_class (JY_DRUG_EXCLUSION_PRECURSOR, "precursor");
}

static void
test_excluded_antimicrobial_refused (void)
{
  check_refused_class (JY_DRUG_EXCLUSION_ANTIMICROBIAL, "tuberculosis");
}

static void
test_excluded_antimicrobial_for_tb_allowed (void)
{
  g_autoptr (JyDrug) drug = amlodipine ();

  drug->exclusions = JY_DRUG_EXCLUSION_ANTIMICROBIAL;
  g_assert_cmpint (jy_drug_refused_class (drug), ==, JY_DRUG_EXCLUSION_ANTIMICROBIAL);
  drug->flags = JY_DRUG_FLAG_CHRONIC_INFECTION;
  g_assert_cmpint (jy_drug_refused_class (drug), ==, JY_DRUG_EXCLUSION_NONE);
}

static void
test_excluded_special_storage_refused (void)
{
  check_refused_class (JY_DRUG_EXCLUSION_SPECIAL_STORAGE, "storage");
}

static void
test_excluded_insulin_on_local_list_allowed (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);
  JyLongRxItem *item = g_ptr_array_index (rx->items, 0);
  g_autoptr (GPtrArray) problems = NULL;

  item->exclusions = JY_DRUG_EXCLUSION_SPECIAL_STORAGE;
  item->flags = JY_DRUG_FLAG_STORAGE_ADVICE;
  problems = jy_long_rx_check (rx, &config);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_excluded_off_label_refused (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);
  g_autoptr (GPtrArray) problems = NULL;

  ((JyLongRxItem *) g_ptr_array_index (rx->items, 0))->off_label = TRUE;
  problems = jy_long_rx_check (rx, &config);
  g_assert_nonnull (strstr (message_of (problems, "item-drug"), "Off-label"));
}

static void
test_excluded_no_items_refused (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);
  g_autoptr (GPtrArray) problems = NULL;

  g_ptr_array_set_size (rx->items, 0);
  problems = jy_long_rx_check (rx, &config);
  g_assert_true (has_problem (problems, "items"));
}

/* ---- Quantity ---- */

static void
test_quantity_exact_packs (void)
{
  /* 1 tablet qd × 28 days, 28 per pack */
  g_assert_cmpint (jy_long_rx_quantity_packs (1, JY_DOSE_FREQUENCY_QD, 28, 28), ==, 1);
  g_assert_cmpint (jy_long_rx_quantity_packs (1, JY_DOSE_FREQUENCY_QD, 84, 28), ==, 3);
}

static void
test_quantity_rounded_up_to_whole_packs (void)
{
  /* metformin 1 tablet tid × 30 days = 90 tablets, 48 per pack → 2 packs */
  g_assert_cmpint (jy_long_rx_quantity_packs (1, JY_DOSE_FREQUENCY_TID, 30, 48), ==, 2);
  /* 29 days of one a day, 28 per pack → 2 */
  g_assert_cmpint (jy_long_rx_quantity_packs (1, JY_DOSE_FREQUENCY_QD, 29, 28), ==, 2);
}

static void
test_quantity_half_tablets (void)
{
  /* captopril 0.5 tablet bid × 28 days = 28 tablets, 100 per bottle → 1 */
  g_assert_cmpint (jy_long_rx_quantity_packs (0.5, JY_DOSE_FREQUENCY_BID, 28, 100), ==, 1);
  /* 0.1 × 30 ÷ 3 is 1 in decimal but not in binary: still one pack */
  g_assert_cmpint (jy_long_rx_quantity_packs (0.1, JY_DOSE_FREQUENCY_QD, 30, 3), ==, 1);
}

static void
test_quantity_insulin_units_to_pens (void)
{
  /* 20 IU bid × 28 days = 1120 IU, 300 IU pens → 4 pens */
  g_assert_cmpint (jy_long_rx_quantity_packs (20, JY_DOSE_FREQUENCY_BID, 28, 300), ==, 4);
}

static void
test_quantity_weekly_dose (void)
{
  /* once a week × 30 days: 5 doses */
  g_assert_cmpint (jy_dose_frequency_doses (JY_DOSE_FREQUENCY_QW, 30), ==, 5);
  g_assert_cmpint (jy_long_rx_quantity_packs (1, JY_DOSE_FREQUENCY_QW, 28, 4), ==, 1);
}

static void
test_quantity_missing_values_give_zero (void)
{
  g_assert_cmpint (jy_long_rx_quantity_packs (0, JY_DOSE_FREQUENCY_QD, 28, 28), ==, 0);
  g_assert_cmpint (jy_long_rx_quantity_packs (1, JY_DOSE_FREQUENCY_NONE, 28, 28), ==, 0);
  g_assert_cmpint (jy_long_rx_quantity_packs (1, JY_DOSE_FREQUENCY_QD, 28, 0), ==, 0);
}

static void
test_quantity_compute_fills_packs_and_review (void)
{
  g_autoptr (JyLongRx) rx = rx_of (84);

  g_assert_cmpint (((JyLongRxItem *) g_ptr_array_index (rx->items, 0))->packs, ==, 3);
  g_assert_cmpstr (rx->review_date, ==, "2026-05-24");
}

/* ---- Eligibility ---- */

static JyLongRxEligibilityFacts
stable_facts (void)
{
  JyLongRxEligibilityFacts f;

  jy_long_rx_eligibility_facts_init (&f);
  f.today = "2026-03-02";
  f.enrolled = JY_PROGRAMME_HTN;
  f.diagnosed = JY_PROGRAMME_HTN;
  f.contract_active = TRUE;
  f.latest[0].programme = JY_PROGRAMME_HTN;
  f.latest[0].visit_date = "2026-02-10";
  f.latest[0].classification = JY_FOLLOWUP_CLASS_CONTROLLED;
  f.latest[0].adherence = 1;
  f.latest[0].face_to_face_date = "2026-02-10";
  return f;
}

static void
test_eligibility_stable_signed_patient_eligible (void)
{
  JyLongRxEligibilityFacts f = stable_facts ();
  g_autoptr (GPtrArray) reasons = jy_long_rx_eligibility (&f, &config);

  g_assert_cmpuint (reasons->len, ==, 0);
}

static void
test_eligibility_every_reason_listed (void)
{
  JyLongRxEligibilityFacts f = stable_facts ();
  g_autoptr (GPtrArray) reasons = NULL;

  f.contract_active = FALSE;
  f.record_closed = TRUE;
  f.latest[0].classification = JY_FOLLOWUP_CLASS_UNCONTROLLED;
  f.latest[0].danger = JY_DANGER_BP_HIGH;
  f.latest[0].adherence = 2;
  reasons = jy_long_rx_eligibility (&f, &config);
  g_assert_cmpuint (reasons->len, ==, 5);
}

static void
test_eligibility_unsigned_refused (void)
{
  JyLongRxEligibilityFacts f = stable_facts ();
  g_autoptr (GPtrArray) reasons = NULL;

  f.contract_active = FALSE;
  reasons = jy_long_rx_eligibility (&f, &config);
  g_assert_cmpuint (reasons->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 0), "contract"));
}

static void
test_eligibility_not_enrolled_refused (void)
{
  JyLongRxEligibilityFacts f = stable_facts ();
  g_autoptr (GPtrArray) reasons = NULL;

  f.enrolled = JY_PROGRAMME_NONE;
  reasons = jy_long_rx_eligibility (&f, &config);
  g_assert_cmpuint (reasons->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 0), "not enrolled"));
}

static void
test_eligibility_diagnosis_unconfirmed_refused (void)
{
  JyLongRxEligibilityFacts f = stable_facts ();
  g_autoptr (GPtrArray) reasons = NULL;

  f.diagnosed = JY_PROGRAMME_NONE;
  reasons = jy_long_rx_eligibility (&f, &config);
  g_assert_cmpuint (reasons->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 0), "diagnosis"));
}

static void
test_eligibility_no_followup_refused (void)
{
  JyLongRxEligibilityFacts f = stable_facts ();
  g_autoptr (GPtrArray) reasons = NULL;

  f.latest[0].visit_date = NULL;
  reasons = jy_long_rx_eligibility (&f, &config);
  g_assert_cmpuint (reasons->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 0), "No hypertension follow-up"));
}

static void
test_eligibility_latest_uncontrolled_refused (void)
{
  JyLongRxEligibilityFacts f = stable_facts ();
  g_autoptr (GPtrArray) reasons = NULL;

  f.latest[0].classification = JY_FOLLOWUP_CLASS_ADVERSE;
  reasons = jy_long_rx_eligibility (&f, &config);
  g_assert_cmpuint (reasons->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 0), "not stable"));
}

static void
test_eligibility_both_diseases_each_judged (void)
{
  JyLongRxEligibilityFacts f = stable_facts ();
  g_autoptr (GPtrArray) reasons = NULL;

  f.enrolled |= JY_PROGRAMME_T2DM;
  f.latest[1].programme = JY_PROGRAMME_T2DM;
  f.latest[1].visit_date = "2026-02-10";
  f.latest[1].classification = JY_FOLLOWUP_CLASS_UNCONTROLLED;
  f.latest[1].face_to_face_date = "2026-02-10";
  reasons = jy_long_rx_eligibility (&f, &config);
  g_assert_cmpuint (reasons->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 0), "type 2 diabetes"));
}

static void
test_eligibility_phone_only_for_12_weeks_refused (void)
{
  JyLongRxEligibilityFacts f = stable_facts ();
  g_autoptr (GPtrArray) reasons = NULL;

  /* 85 days before 2026-03-02 */
  f.latest[0].face_to_face_date = "2025-12-07";
  reasons = jy_long_rx_eligibility (&f, &config);
  g_assert_cmpuint (reasons->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 0), "face-to-face"));
  /* 84 days before is still within the window */
  f.latest[0].face_to_face_date = "2025-12-08";
  g_clear_pointer (&reasons, g_ptr_array_unref);
  reasons = jy_long_rx_eligibility (&f, &config);
  g_assert_cmpuint (reasons->len, ==, 0);
}

/* ---- Instalments and dates ---- */

static void
assert_instalment (GArray     *schedule,
                   guint       index,
                   const char *due,
                   const char *release,
                   int         days)
{
  JyLongRxInstalment *inst = &g_array_index (schedule, JyLongRxInstalment, index);

  g_assert_cmpint (inst->number, ==, (int) index + 1);
  g_assert_cmpstr (inst->due_date, ==, due);
  g_assert_cmpstr (inst->release_date, ==, release);
  g_assert_cmpint (inst->days, ==, days);
}

static void
test_schedule_84_days_as_3_by_28 (void)
{
  g_autoptr (GArray) s = jy_long_rx_schedule ("2026-03-02", 84, 28, 7);

  g_assert_cmpuint (s->len, ==, 3);
  assert_instalment (s, 0, "2026-03-02", "2026-03-02", 28);
  assert_instalment (s, 1, "2026-03-30", "2026-03-23", 28);
  assert_instalment (s, 2, "2026-04-27", "2026-04-20", 28);
}

static void
test_schedule_remainder_in_last_instalment (void)
{
  g_autoptr (GArray) s = jy_long_rx_schedule ("2026-03-02", 60, 28, 7);

  g_assert_cmpuint (s->len, ==, 3);
  g_assert_cmpint (g_array_index (s, JyLongRxInstalment, 2).days, ==, 4);
}

static void
test_schedule_across_leap_day (void)
{
  g_autoptr (GArray) s = jy_long_rx_schedule ("2028-02-01", 56, 28, 7);

  assert_instalment (s, 1, "2028-02-29", "2028-02-22", 28);
}

static void
test_schedule_across_year_end (void)
{
  g_autoptr (GArray) s = jy_long_rx_schedule ("2025-12-10", 84, 28, 7);

  assert_instalment (s, 1, "2026-01-07", "2025-12-31", 28);
  assert_instalment (s, 2, "2026-02-04", "2026-01-28", 28);
}

static void
test_schedule_end_date_across_month_end (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);
  g_autofree char *end = NULL;

  g_free (rx->issue_date);
  rx->issue_date = g_strdup ("2027-02-15");
  end = jy_long_rx_end_date (rx);
  g_assert_cmpstr (end, ==, "2027-03-14");
}

static void
test_schedule_next_release_7_days_before_supply_ends (void)
{
  g_autofree char *a = jy_long_rx_next_release_date ("2024-02-20", 28, 7);
  g_autofree char *b = jy_long_rx_next_release_date ("2026-12-20", 28, 7);

  g_assert_cmpstr (a, ==, "2024-03-12");
  g_assert_cmpstr (b, ==, "2027-01-10");
}

static void
test_schedule_instalment_packs (void)
{
  g_autoptr (JyLongRx) rx = rx_of (60);
  JyLongRxItem *item = g_ptr_array_index (rx->items, 0);

  g_assert_cmpint (jy_long_rx_item_instalment_packs (item, 28), ==, 1);
  g_assert_cmpint (jy_long_rx_item_instalment_packs (item, 4), ==, 1);
}

/* ---- Proxy collection ---- */

static char proxy_id[19];
static char patient_id[19];

static JyLongRxProxyFacts
proxy_facts (void)
{
  JyLongRxProxyFacts f = { 0 };

  f.today = "2026-03-02";
  f.contract_active = TRUE;
  f.age = 78;
  f.patient_id_number = patient_id;
  f.authorisation_date = "2025-06-01";
  f.repeat_of_current = TRUE;
  f.proxy_name = "李明";
  f.proxy_relation = "子";
  f.proxy_id_number = proxy_id;
  f.proxy_phone = "13800138000";
  return f;
}

static void
test_proxy_elderly_signed_with_authorisation_allowed (void)
{
  JyLongRxProxyFacts f = proxy_facts ();
  g_autoptr (GPtrArray) problems = jy_long_rx_proxy_check (&f, &config);

  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_proxy_young_patient_refused (void)
{
  JyLongRxProxyFacts f = proxy_facts ();
  g_autoptr (GPtrArray) problems = NULL;

  f.age = 50;
  problems = jy_long_rx_proxy_check (&f, &config);
  g_assert_true (has_problem (problems, "patient"));
  f.bedridden = TRUE;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = jy_long_rx_proxy_check (&f, &config);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_proxy_unsigned_patient_refused (void)
{
  JyLongRxProxyFacts f = proxy_facts ();
  g_autoptr (GPtrArray) problems = NULL;

  f.contract_active = FALSE;
  problems = jy_long_rx_proxy_check (&f, &config);
  g_assert_true (has_problem (problems, "patient"));
}

static void
test_proxy_authorisation_expired_after_a_year (void)
{
  JyLongRxProxyFacts f = proxy_facts ();
  g_autoptr (GPtrArray) problems = NULL;

  f.authorisation_date = "2025-03-02";
  problems = jy_long_rx_proxy_check (&f, &config);
  g_assert_true (has_problem (problems, "authorisation"));
  f.authorisation_date = "2025-03-03";
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = jy_long_rx_proxy_check (&f, &config);
  g_assert_cmpuint (problems->len, ==, 0);
  f.authorisation_date = NULL;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = jy_long_rx_proxy_check (&f, &config);
  g_assert_true (has_problem (problems, "authorisation"));
}

static void
test_proxy_bad_id_refused (void)
{
  JyLongRxProxyFacts f = proxy_facts ();
  g_autoptr (GPtrArray) problems = NULL;
  char bad[19];

  g_strlcpy (bad, proxy_id, sizeof bad);
  bad[17] = bad[17] == '0' ? '1' : '0';
  f.proxy_id_number = bad;
  problems = jy_long_rx_proxy_check (&f, &config);
  g_assert_nonnull (strstr (message_of (problems, "proxy-id"), "check character"));
  f.proxy_id_number = "12345";
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = jy_long_rx_proxy_check (&f, &config);
  g_assert_true (has_problem (problems, "proxy-id"));
}

static void
test_proxy_patient_as_own_proxy_refused (void)
{
  JyLongRxProxyFacts f = proxy_facts ();
  g_autoptr (GPtrArray) problems = NULL;

  f.proxy_id_number = patient_id;
  problems = jy_long_rx_proxy_check (&f, &config);
  g_assert_nonnull (strstr (message_of (problems, "proxy-id"), "cannot be the patient"));
}

static void
test_proxy_minor_refused (void)
{
  JyLongRxProxyFacts f = proxy_facts ();
  g_autoptr (GPtrArray) problems = NULL;
  char minor[19] = "35020320120301123";

  minor[17] = jy_idcard_check_char (minor);
  minor[18] = '\0';
  f.proxy_id_number = minor;
  problems = jy_long_rx_proxy_check (&f, &config);
  g_assert_nonnull (strstr (message_of (problems, "proxy-id"), "adult"));
}

static void
test_proxy_new_drug_refused (void)
{
  JyLongRxProxyFacts f = proxy_facts ();
  g_autoptr (GPtrArray) problems = NULL;

  f.repeat_of_current = FALSE;
  problems = jy_long_rx_proxy_check (&f, &config);
  g_assert_true (has_problem (problems, "repeat"));
}

static void
test_proxy_missing_name_relation_phone_refused (void)
{
  JyLongRxProxyFacts f = proxy_facts ();
  g_autoptr (GPtrArray) problems = NULL;

  f.proxy_name = " ";
  f.proxy_relation = NULL;
  f.proxy_phone = "12";
  problems = jy_long_rx_proxy_check (&f, &config);
  g_assert_true (has_problem (problems, "proxy-name"));
  g_assert_true (has_problem (problems, "proxy-relation"));
  g_assert_true (has_problem (problems, "proxy-phone"));
}

/* ---- Review, renewal, stop ---- */

static void
test_review_due_on_review_date (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);

  /* issued 2026-03-02 for 28 days: supply ends 2026-03-29 */
  g_assert_cmpstr (rx->review_date, ==, "2026-03-29");
  g_assert_false (jy_long_rx_review_due (rx, "2026-03-28"));
  g_assert_true (jy_long_rx_review_due (rx, "2026-03-29"));
  rx->state = JY_LONG_RX_STATE_STOPPED;
  g_assert_false (jy_long_rx_review_due (rx, "2026-03-29"));
}

static void
test_review_expiring_within_14_days (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);

  g_assert_false (jy_long_rx_expiring (rx, "2026-03-14", &config));
  g_assert_true (jy_long_rx_expiring (rx, "2026-03-15", &config));
  g_assert_true (jy_long_rx_expiring (rx, "2026-03-29", &config));
  g_assert_false (jy_long_rx_expiring (rx, "2026-03-30", &config));
}

static void
test_review_renewal_needs_recent_face_to_face (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);
  g_autoptr (GPtrArray) ok = jy_long_rx_renewal_check (rx, "2026-03-25", "2026-03-20", &config);
  g_autoptr (GPtrArray) old = jy_long_rx_renewal_check (rx, "2026-03-25", "2025-12-30", &config);
  g_autoptr (GPtrArray) none = jy_long_rx_renewal_check (rx, "2026-03-25", NULL, &config);

  g_assert_cmpuint (ok->len, ==, 0);
  g_assert_cmpuint (old->len, ==, 1);
  g_assert_cmpuint (none->len, ==, 1);
}

static void
test_review_stopped_cannot_be_renewed (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);
  g_autoptr (GPtrArray) reasons = NULL;

  rx->state = JY_LONG_RX_STATE_STOPPED;
  reasons = jy_long_rx_renewal_check (rx, "2026-03-25", "2026-03-20", &config);
  g_assert_cmpuint (reasons->len, ==, 1);
}

static void
test_review_followup_class_2_3_4_stops (void)
{
  g_assert_cmpint (jy_long_rx_stop_reason_for_followup (JY_FOLLOWUP_CLASS_CONTROLLED, 0), ==, JY_LONG_RX_STOP_NONE);
  g_assert_cmpint (jy_long_rx_stop_reason_for_followup (JY_FOLLOWUP_CLASS_UNCONTROLLED, 0), ==, JY_LONG_RX_STOP_CONDITION_CHANGE);
  g_assert_cmpint (jy_long_rx_stop_reason_for_followup (JY_FOLLOWUP_CLASS_ADVERSE, 0), ==, JY_LONG_RX_STOP_ADVERSE_REACTION);
  g_assert_cmpint (jy_long_rx_stop_reason_for_followup (JY_FOLLOWUP_CLASS_COMPLICATION, 0), ==, JY_LONG_RX_STOP_CONDITION_CHANGE);
  g_assert_cmpint (jy_long_rx_stop_reason_for_followup (JY_FOLLOWUP_CLASS_CONTROLLED, JY_DANGER_BP_HIGH), ==, JY_LONG_RX_STOP_CONDITION_CHANGE);
}

static void
test_review_stop_needs_reason_date_and_note_for_other (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;
  g_autofree char *m4 = NULL;

  g_assert_false (jy_long_rx_stop_check (rx, JY_LONG_RX_STOP_NONE, "2026-03-10", NULL, &m1));
  g_assert_false (jy_long_rx_stop_check (rx, JY_LONG_RX_STOP_HOSPITALISATION, "2026-03-01", NULL, &m2));
  g_assert_false (jy_long_rx_stop_check (rx, JY_LONG_RX_STOP_OTHER, "2026-03-10", "", &m3));
  g_assert_true (jy_long_rx_stop_check (rx, JY_LONG_RX_STOP_HOSPITALISATION, "2026-03-02", NULL, &m4));
  g_assert_null (m4);
}

static void
test_review_next_date_one_cycle_capped_at_end (void)
{
  g_autoptr (JyLongRx) rx84 = rx_of (84);
  g_autoptr (JyLongRx) rx28 = rx_of (28);
  g_autofree char *a = jy_long_rx_next_review_date (rx84, "2026-03-10", &config);
  /* 84 days from 2026-03-02 end on 2026-05-24 */
  g_autofree char *b = jy_long_rx_next_review_date (rx84, "2026-05-10", &config);
  g_autofree char *c = jy_long_rx_next_review_date (rx28, "2026-03-29", &config);
  g_autofree char *d = jy_long_rx_next_review_date (rx28, "2026-03-20", &config);

  g_assert_cmpstr (a, ==, "2026-04-07");
  g_assert_cmpstr (b, ==, "2026-05-24");
  g_assert_null (c);
  g_assert_cmpstr (d, ==, "2026-03-29");
}

static void
test_review_next_date_leap_day_and_year_end (void)
{
  g_autoptr (JyLongRx) rx = rx_of (84);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_free (rx->issue_date);
  rx->issue_date = g_strdup ("2027-12-20");
  a = jy_long_rx_next_review_date (rx, "2028-02-01", &config);
  g_assert_cmpstr (a, ==, "2028-02-29");
  b = jy_long_rx_next_review_date (rx, "2027-12-20", &config);
  g_assert_cmpstr (b, ==, "2028-01-17");
}

static void
test_review_unstable_cannot_continue (void)
{
  g_autoptr (JyLongRx) rx = rx_of (84);
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;

  g_assert_false (jy_long_rx_review_check (rx, "2026-03-20", "2026-03-20", FALSE, JY_LONG_RX_REVIEW_CONTINUE, &config, &m1));
  g_assert_nonnull (m1);
  g_assert_true (jy_long_rx_review_check (rx, "2026-03-20", "2026-03-20", FALSE, JY_LONG_RX_REVIEW_ADJUST, &config, &m2));
  g_assert_true (jy_long_rx_review_check (rx, "2026-03-20", "2026-03-20", TRUE, JY_LONG_RX_REVIEW_CONTINUE, &config, &m3));
  g_assert_null (m3);
}

static void
test_review_date_within_issue_and_today (void)
{
  g_autoptr (JyLongRx) rx = rx_of (28);
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;

  g_assert_false (jy_long_rx_review_check (rx, "2026-03-01", "2026-03-20", TRUE, JY_LONG_RX_REVIEW_STOP, &config, &m1));
  g_assert_false (jy_long_rx_review_check (rx, "2026-03-21", "2026-03-20", TRUE, JY_LONG_RX_REVIEW_STOP, &config, &m2));
  /* Last day of supply: continuing leaves no review to come. */
  g_assert_false (jy_long_rx_review_check (rx, "2026-03-29", "2026-03-29", TRUE, JY_LONG_RX_REVIEW_CONTINUE, &config, &m3));
  rx->state = JY_LONG_RX_STATE_STOPPED;
  g_clear_pointer (&m1, g_free);
  g_assert_false (jy_long_rx_review_check (rx, "2026-03-10", "2026-03-20", TRUE, JY_LONG_RX_REVIEW_STOP, &config, &m1));
}

static JyLongRx *
nti_rx (const char *issue, int days)
{
  JyLongRx *rx = rx_of (days);
  JyLongRxItem *item = g_ptr_array_index (rx->items, 0);

  g_free (rx->issue_date);
  rx->issue_date = g_strdup (issue);
  g_free (item->drug_name);
  item->drug_name = g_strdup ("地高辛片");
  item->flags |= JY_DRUG_FLAG_NARROW_INDEX;
  return rx;
}

static guint
lab_problems (const JyLongRx *rx, const char *lab)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_long_rx_problem_free);
  const char *dates[] = { lab };

  jy_long_rx_check_lab_values (rx, dates, &config, problems);
  return problems->len;
}

static void
test_nti_over_4_weeks_needs_lab_within_window (void)
{
  g_autoptr (JyLongRx) rx = nti_rx ("2026-03-02", 56);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_long_rx_problem_free);

  g_assert_cmpuint (lab_problems (rx, "2026-02-10"), ==, 0);
  g_assert_cmpuint (lab_problems (rx, "2026-02-02"), ==, 0);  /* 28 days */
  g_assert_cmpuint (lab_problems (rx, "2026-02-01"), ==, 1);  /* 29 days */
  g_assert_cmpuint (lab_problems (rx, NULL), ==, 1);
  g_assert_cmpuint (lab_problems (rx, "2026-03-03"), ==, 1);  /* after the issue */
  jy_long_rx_check_lab_values (rx, NULL, &config, problems);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((JyLongRxProblem *) g_ptr_array_index (problems, 0))->field, ==, "item-lab");
  g_assert_cmpint (((JyLongRxProblem *) g_ptr_array_index (problems, 0))->item, ==, 0);
}

static void
test_nti_4_weeks_needs_no_lab (void)
{
  g_autoptr (JyLongRx) rx = nti_rx ("2026-03-02", 28);
  g_autoptr (JyLongRx) plain = rx_of (84);

  g_assert_cmpuint (lab_problems (rx, NULL), ==, 0);
  /* Not a narrow-index drug: no lab needed at 12 weeks. */
  g_assert_cmpuint (lab_problems (plain, NULL), ==, 0);
}

static void
test_nti_lab_window_across_leap_day_and_year_end (void)
{
  g_autoptr (JyLongRx) leap = nti_rx ("2028-03-27", 84);
  g_autoptr (JyLongRx) year = nti_rx ("2027-01-10", 84);

  g_assert_cmpuint (lab_problems (leap, "2028-02-28"), ==, 0);  /* 28 days with 29 Feb */
  g_assert_cmpuint (lab_problems (leap, "2028-02-27"), ==, 1);
  g_assert_cmpuint (lab_problems (year, "2026-12-13"), ==, 0);
  g_assert_cmpuint (lab_problems (year, "2026-12-12"), ==, 1);
}

static void
test_codes_round_trip (void)
{
  for (guint f = 1; f < JY_DOSE_FREQUENCY_LAST; f++)
    g_assert_cmpint (jy_dose_frequency_from_code (jy_dose_frequency_to_code (f)), ==, f);
  for (guint r = 1; r < JY_LONG_RX_STOP_LAST; r++)
    g_assert_cmpint (jy_long_rx_stop_reason_from_code (jy_long_rx_stop_reason_to_code (r)), ==, r);
  for (guint s = 0; s < JY_LONG_RX_STATE_LAST; s++)
    g_assert_cmpint (jy_long_rx_state_from_code (jy_long_rx_state_to_code (s)), ==, s);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  jy_long_rx_config_init (&config);

  g_strlcpy (proxy_id, "35020319800101123", sizeof proxy_id);
  proxy_id[17] = jy_idcard_check_char (proxy_id);
  g_strlcpy (patient_id, "35020319450315002", sizeof patient_id);
  patient_id[17] = jy_idcard_check_char (patient_id);

  g_test_add_func ("/long-rx/duration/28 days allowed", test_duration_28_days_allowed);
  g_test_add_func ("/long-rx/duration/3 weeks refused", test_duration_3_weeks_refused);
  g_test_add_func ("/long-rx/duration/12 weeks allowed with assessment", test_duration_12_weeks_allowed_with_assessment);
  g_test_add_func ("/long-rx/duration/13 weeks refused", test_duration_13_weeks_refused);
  g_test_add_func ("/long-rx/duration/local cap of 8 weeks refuses 12", test_duration_local_cap_lower);
  g_test_add_func ("/long-rx/duration/item longer than the prescription refused", test_duration_item_longer_than_rx_refused);

  g_test_add_func ("/long-rx/confirmation/29 days without assessment and confirmation refused", test_confirmation_29_days_without_both_refused);
  g_test_add_func ("/long-rx/confirmation/assessment without patient confirmation refused", test_confirmation_assessment_without_confirmation_refused);
  g_test_add_func ("/long-rx/confirmation/assessment ticked without a note refused", test_confirmation_ticked_without_note_refused);
  g_test_add_func ("/long-rx/confirmation/4 weeks needs neither", test_confirmation_28_days_needs_neither);

  g_test_add_func ("/long-rx/excluded/narcotic refused with the rule quoted", test_excluded_narcotic_refused_with_rule);
  g_test_add_func ("/long-rx/excluded/psychotropic refused with the rule quoted", test_excluded_psychotropic_refused_with_rule);
  g_test_add_func ("/long-rx/excluded/toxic radioactive and precursor refused", test_excluded_toxic_radioactive_precursor_refused);
  g_test_add_func ("/long-rx/excluded/antimicrobial refused", test_excluded_antimicrobial_refused);
  g_test_add_func ("/long-rx/excluded/antimicrobial for tuberculosis allowed", test_excluded_antimicrobial_for_tb_allowed);
  g_test_add_func ("/long-rx/excluded/special storage refused", test_excluded_special_storage_refused);
  g_test_add_func ("/long-rx/excluded/insulin on the local list allowed", test_excluded_insulin_on_local_list_allowed);
  g_test_add_func ("/long-rx/excluded/off-label use refused", test_excluded_off_label_refused);
  g_test_add_func ("/long-rx/excluded/no drug refused", test_excluded_no_items_refused);

  g_test_add_func ("/long-rx/quantity/exact packs", test_quantity_exact_packs);
  g_test_add_func ("/long-rx/quantity/rounded up to whole packs", test_quantity_rounded_up_to_whole_packs);
  g_test_add_func ("/long-rx/quantity/half tablets", test_quantity_half_tablets);
  g_test_add_func ("/long-rx/quantity/insulin units to pens", test_quantity_insulin_units_to_pens);
  g_test_add_func ("/long-rx/quantity/weekly dose", test_quantity_weekly_dose);
  g_test_add_func ("/long-rx/quantity/missing values give zero", test_quantity_missing_values_give_zero);
  g_test_add_func ("/long-rx/quantity/compute fills packs and review date", test_quantity_compute_fills_packs_and_review);

  g_test_add_func ("/long-rx/eligibility/stable signed patient eligible", test_eligibility_stable_signed_patient_eligible);
  g_test_add_func ("/long-rx/eligibility/every failing reason listed", test_eligibility_every_reason_listed);
  g_test_add_func ("/long-rx/eligibility/no contract refused", test_eligibility_unsigned_refused);
  g_test_add_func ("/long-rx/eligibility/not enrolled refused", test_eligibility_not_enrolled_refused);
  g_test_add_func ("/long-rx/eligibility/diagnosis not confirmed refused", test_eligibility_diagnosis_unconfirmed_refused);
  g_test_add_func ("/long-rx/eligibility/no follow-up refused", test_eligibility_no_followup_refused);
  g_test_add_func ("/long-rx/eligibility/latest follow-up class 3 refused", test_eligibility_latest_uncontrolled_refused);
  g_test_add_func ("/long-rx/eligibility/each disease judged", test_eligibility_both_diseases_each_judged);
  g_test_add_func ("/long-rx/eligibility/no face-to-face visit for 85 days refused", test_eligibility_phone_only_for_12_weeks_refused);

  g_test_add_func ("/long-rx/schedule/84 days as 3 by 28", test_schedule_84_days_as_3_by_28);
  g_test_add_func ("/long-rx/schedule/remainder in the last instalment", test_schedule_remainder_in_last_instalment);
  g_test_add_func ("/long-rx/schedule/across a leap day", test_schedule_across_leap_day);
  g_test_add_func ("/long-rx/schedule/across the year end", test_schedule_across_year_end);
  g_test_add_func ("/long-rx/schedule/end date across a month end", test_schedule_end_date_across_month_end);
  g_test_add_func ("/long-rx/schedule/next release 7 days before the supply ends", test_schedule_next_release_7_days_before_supply_ends);
  g_test_add_func ("/long-rx/schedule/instalment packs", test_schedule_instalment_packs);

  g_test_add_func ("/long-rx/proxy/elderly signed resident with authorisation allowed", test_proxy_elderly_signed_with_authorisation_allowed);
  g_test_add_func ("/long-rx/proxy/patient under 65 refused unless bedridden", test_proxy_young_patient_refused);
  g_test_add_func ("/long-rx/proxy/unsigned patient refused", test_proxy_unsigned_patient_refused);
  g_test_add_func ("/long-rx/proxy/authorisation expires after a year", test_proxy_authorisation_expired_after_a_year);
  g_test_add_func ("/long-rx/proxy/bad ID number refused", test_proxy_bad_id_refused);
  g_test_add_func ("/long-rx/proxy/patient as own proxy refused", test_proxy_patient_as_own_proxy_refused);
  g_test_add_func ("/long-rx/proxy/minor refused", test_proxy_minor_refused);
  g_test_add_func ("/long-rx/proxy/new drug or dose change refused", test_proxy_new_drug_refused);
  g_test_add_func ("/long-rx/proxy/missing name relation and phone refused", test_proxy_missing_name_relation_phone_refused);

  g_test_add_func ("/long-rx/review/due on the review date", test_review_due_on_review_date);
  g_test_add_func ("/long-rx/review/expiring within 14 days", test_review_expiring_within_14_days);
  g_test_add_func ("/long-rx/review/renewal needs a face-to-face assessment within 12 weeks", test_review_renewal_needs_recent_face_to_face);
  g_test_add_func ("/long-rx/review/stopped prescription cannot be renewed", test_review_stopped_cannot_be_renewed);
  g_test_add_func ("/long-rx/review/follow-up class 2 3 4 or danger sign stops", test_review_followup_class_2_3_4_stops);
  g_test_add_func ("/long-rx/review/stop needs reason date and note for other", test_review_stop_needs_reason_date_and_note_for_other);
  g_test_add_func ("/long-rx/review/next review one cycle later capped at end of supply", test_review_next_date_one_cycle_capped_at_end);
  g_test_add_func ("/long-rx/review/next review across leap day and year end", test_review_next_date_leap_day_and_year_end);
  g_test_add_func ("/long-rx/review/unstable cannot continue", test_review_unstable_cannot_continue);
  g_test_add_func ("/long-rx/review/date between issue and today", test_review_date_within_issue_and_today);
  g_test_add_func ("/long-rx/narrow index/over 4 weeks needs a lab value within 28 days", test_nti_over_4_weeks_needs_lab_within_window);
  g_test_add_func ("/long-rx/narrow index/4 weeks needs no lab value", test_nti_4_weeks_needs_no_lab);
  g_test_add_func ("/long-rx/narrow index/lab window across leap day and year end", test_nti_lab_window_across_leap_day_and_year_end);
  g_test_add_func ("/long-rx/codes/round trip", test_codes_round_trip);

  return g_test_run ();
}
