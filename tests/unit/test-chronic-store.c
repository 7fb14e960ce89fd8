/* test-chronic-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "chronic-fixture.h"
#include "jy-actor.h"
#include "jy-store-error.h"

/* Enrolments ---------------------------------------------------------------- */

static void
test_enrol_twice_is_duplicate (ChronicFixture *fx,
                               gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyEnrolment) second = jy_enrolment_new (JY_PROGRAMME_HTN);
  gint64 resident = chronic_fixture_add_resident (fx, "张三", 0);

  chronic_fixture_enrol (fx, resident, JY_PROGRAMME_HTN, "2026-01-10", 0);

  second->resident_id = resident;
  second->enrol_date = g_strdup ("2026-02-01");
  g_assert_false (chronic_fixture_try_enrol (fx, second, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (second->id, ==, 0);
  g_clear_error (&error);

  /* Another programme is another enrolment. */
  chronic_fixture_enrol (fx, resident, JY_PROGRAMME_T2DM, "2026-02-01", 0);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM chronic_enrolment"), ==, 2);
}

static gpointer
state_job (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return jy_chronic_store_load_state (db, *(gint64 *)data, error);
}

static JyEnrolmentState *
load_state (ChronicFixture *fx,
            gint64          enrolment_id)
{
  g_autoptr(GError) error = NULL;
  JyEnrolmentState *state = jy_store_read (fx->store, state_job, &enrolment_id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (state);
  return state;
}

static void
test_enrol_records_change_and_first_visit_due (ChronicFixture *fx,
                                               gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyEnrolment) enrolment = jy_enrolment_new (JY_PROGRAMME_T2DM);
  g_autoptr(JyEnrolmentState) state = NULL;
  gint64 resident = chronic_fixture_add_resident (fx, "李四", 1);

  enrolment->resident_id = resident;
  enrolment->enrol_date = g_strdup ("2026-05-20");
  g_assert_true (chronic_fixture_try_enrol (fx, enrolment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (enrolment->rev, ==, 1);
  g_assert_cmpstr (enrolment->status, ==, "managing");
  g_assert_nonnull (enrolment->uuid);
  /* No team given: the resident's. */
  g_assert_cmpint (enrolment->team_id, ==, fx->team[1]);

  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM outbox WHERE entity = 'chronic_enrolment'"
                                              " AND op = 'create'"), ==, 1);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM audit_log WHERE entity = 'chronic_enrolment'"
                                              " AND json_extract (detail, '$.programme') = 't2dm'"), ==, 1);

  /* Without a follow-up, the first one is due on the enrol date. */
  state = load_state (fx, enrolment->id);
  g_assert_cmpstr (state->next_due_date, ==, "2026-05-20");
  g_assert_null (state->last_visit_date);
  g_assert_cmpint (state->norm_year, ==, 2026);
  g_assert_cmpint (state->norm_visits, ==, 0);
  /* Enrolled in May: behind once three months pass without a visit. */
  g_assert_cmpstr (state->behind_date, ==, "2026-08-20");
}

static void
test_enrol_refuses_bad_input (ChronicFixture *fx,
                              gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyEnrolment) no_date = jy_enrolment_new (JY_PROGRAMME_HTN);
  g_autoptr(JyEnrolment) no_programme = jy_enrolment_new (JY_PROGRAMME_NONE);
  g_autoptr(JyEnrolment) nobody = jy_enrolment_new (JY_PROGRAMME_HTN);
  gint64 resident = chronic_fixture_add_resident (fx, "王五", 0);

  no_date->resident_id = resident;
  g_assert_false (chronic_fixture_try_enrol (fx, no_date, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  no_programme->resident_id = resident;
  no_programme->enrol_date = g_strdup ("2026-01-01");
  g_assert_false (chronic_fixture_try_enrol (fx, no_programme, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  nobody->resident_id = resident + 100;
  nobody->enrol_date = g_strdup ("2026-01-01");
  g_assert_false (chronic_fixture_try_enrol (fx, nobody, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM chronic_enrolment"), ==, 0);
}

static gpointer
history_job (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return jy_followup_store_load_history (db, data, cancellable, error);
}

static gpointer
enrolments_job (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return jy_chronic_store_list_enrolments (db, *(gint64 *)data, error);
}

static void
test_ended_enrolment_keeps_history (ChronicFixture *fx,
                                    gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyFollowupHistory) history = NULL;
  g_autoptr(GPtrArray) enrolments = NULL;
  g_autoptr(JyFollowup) late = NULL;
  gint64 resident = chronic_fixture_add_resident (fx, "赵六", 0);
  gint64 first = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_HTN, "2025-01-05", 0);
  JyFollowupHistoryQuery query = { resident, JY_PROGRAMME_HTN, FALSE };
  EndJob stale = { first, 7, "2026-03-01", "moved-out" };
  EndJob end = { first, 1, "2026-03-01", "moved-out" };
  JyFollowupAction routine = JY_FOLLOWUP_ACTION_ROUTINE;
  gint64 second;

  chronic_fixture_visit (fx, first, JY_PROGRAMME_HTN, "2025-04-01", "2025-07-01");
  chronic_fixture_visit (fx, first, JY_PROGRAMME_HTN, "2025-07-02", "2025-10-01");

  /* A stale rev is a conflict, an unknown reason invalid. */
  g_assert_null (jy_store_write (fx->store, end_job, &stale, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  end.reason = "bored";
  g_assert_null (jy_store_write (fx->store, end_job, &end, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  end.reason = "moved-out";
  g_assert_true (jy_store_write (fx->store, end_job, &end, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM chronic_enrolment WHERE status = 'ended'"
                                              " AND end_reason = 'moved-out' AND end_date = '2026-03-01'"
                                              " AND end_note = '迁往外省' AND rev = 2"), ==, 1);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM outbox WHERE entity = 'chronic_enrolment'"
                                              " AND op = 'retire' AND rev = 2"), ==, 1);

  /* No new follow-up on an ended enrolment. */
  late = chronic_fixture_followup (first, JY_PROGRAMME_HTN, "2026-04-01", 130, 80, JY_UNMEASURED);
  g_assert_false (chronic_fixture_try_save (fx, &late, &routine, 1, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Back in the area: a new enrolment; the old one and its visits stay. */
  second = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_HTN, "2026-09-01", 0);
  chronic_fixture_visit (fx, second, JY_PROGRAMME_HTN, "2026-09-01", "2026-12-01");

  enrolments = jy_store_read (fx->store, enrolments_job, &resident, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enrolments->len, ==, 2);
  g_assert_cmpint (((JyEnrolment *)g_ptr_array_index (enrolments, 0))->id, ==, second);
  g_assert_cmpstr (((JyEnrolment *)g_ptr_array_index (enrolments, 1))->status, ==, "ended");
  g_assert_cmpstr (((JyEnrolment *)g_ptr_array_index (enrolments, 1))->end_reason, ==, "moved-out");

  history = jy_store_read (fx->store, history_job, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->followups->len, ==, 3);
  g_assert_cmpstr (((JyFollowup *)g_ptr_array_index (history->followups, 0))->visit_date, ==, "2026-09-01");
  g_assert_cmpstr (((JyFollowup *)g_ptr_array_index (history->followups, 2))->visit_date, ==, "2025-04-01");
  g_assert_cmpuint (history->chart->len, ==, 3);
}

/* Saving visits ------------------------------------------------------------ */

static void
add_drug (JyFollowup         *f,
          JyFollowupDrugKind  kind,
          const char         *name,
          int                 times,
          double              dose,
          const char         *unit)
{
  JyFollowupDrug *drug = jy_followup_drug_new (kind);

  drug->name = g_strdup (name);
  drug->times_per_day = times;
  drug->dose = dose;
  drug->dose_unit = g_strdup (unit);
  g_ptr_array_add (f->drugs, drug);
}

static void
test_combined_visit_saves_both_records (ChronicFixture *fx,
                                        gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 resident = chronic_fixture_add_resident (fx, "孙七", 0);
  gint64 htn = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_HTN, "2024-01-01", 0);
  gint64 dm = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_T2DM, "2024-01-01", 0);
  g_autoptr(JyFollowup) a = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-11-02", 152, 92, JY_UNMEASURED);
  g_autoptr(JyFollowup) b = chronic_fixture_followup (dm, JY_PROGRAMME_T2DM, "2026-11-02", 152, 92, 6.4);
  JyFollowup *records[] = { a, b };
  JyFollowupAction actions[] = { JY_FOLLOWUP_ACTION_ADJUST, JY_FOLLOWUP_ACTION_ROUTINE };
  g_autofree char *shared = NULL;
  g_autoptr(JyEnrolmentState) htn_state = NULL;
  g_autoptr(JyEnrolmentState) dm_state = NULL;

  chronic_fixture_decide (a, JY_FOLLOWUP_CLASS_UNCONTROLLED, "2026-11-16");
  chronic_fixture_decide (b, JY_FOLLOWUP_CLASS_CONTROLLED, "2027-01-31");
  add_drug (a, JY_FOLLOWUP_DRUG_CURRENT, "苯磺酸氨氯地平片", 1, 5, "mg");
  add_drug (a, JY_FOLLOWUP_DRUG_ADJUST, "缬沙坦胶囊", 1, 80, "mg");
  add_drug (b, JY_FOLLOWUP_DRUG_CURRENT, "盐酸二甲双胍片", 3, 0.5, "g");

  g_assert_true (chronic_fixture_try_save (fx, records, actions, 2, &error));
  g_assert_no_error (error);

  g_assert_cmpint (a->id, >, 0);
  g_assert_cmpint (b->id, >, 0);
  g_assert_nonnull (a->visit_uuid);
  g_assert_cmpstr (a->visit_uuid, ==, b->visit_uuid);
  g_assert_cmpstr (a->status, ==, "final");
  g_assert_cmpint (a->resident_id, ==, resident);

  shared = jy_test_query_text (fx->path, "SELECT min (visit_uuid) FROM followup");
  g_assert_cmpstr (shared, ==, a->visit_uuid);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(DISTINCT visit_uuid) FROM followup"), ==, 1);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM followup"), ==, 2);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM followup_drug"), ==, 3);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM outbox WHERE entity = 'followup'"
                                              " AND op = 'create'"), ==, 2);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM audit_log WHERE entity = 'followup'"
                                              " AND action = 'create'"), ==, 2);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM outbox o JOIN followup f"
                                              " ON f.uuid = o.row_uuid"), ==, 2);

  /* Each enrolment follows its own record. */
  htn_state = load_state (fx, htn);
  dm_state = load_state (fx, dm);
  g_assert_cmpstr (htn_state->next_due_date, ==, "2026-11-16");
  g_assert_cmpint (htn_state->due_action, ==, JY_FOLLOWUP_ACTION_ADJUST);
  g_assert_cmpint (htn_state->last_class, ==, JY_FOLLOWUP_CLASS_UNCONTROLLED);
  g_assert_cmpstr (dm_state->next_due_date, ==, "2027-01-31");
  g_assert_cmpint (dm_state->due_action, ==, JY_FOLLOWUP_ACTION_ROUTINE);
  g_assert_cmpstr (dm_state->last_visit_date, ==, "2026-11-02");
}

static void
test_failing_second_record_rolls_back_first (ChronicFixture *fx,
                                             gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 resident = chronic_fixture_add_resident (fx, "周八", 0);
  gint64 htn = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_HTN, "2024-01-01", 0);
  gint64 dm = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_T2DM, "2024-01-01", 0);
  g_autoptr(JyFollowup) a = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-11-02", 128, 80, JY_UNMEASURED);
  g_autoptr(JyFollowup) b = chronic_fixture_followup (dm, JY_PROGRAMME_T2DM, "2026-11-02", 128, 80, 6.0);
  JyFollowup *records[] = { a, b };
  JyFollowupAction actions[] = { JY_FOLLOWUP_ACTION_ROUTINE, JY_FOLLOWUP_ACTION_ROUTINE };
  g_autoptr(JyEnrolmentState) state = NULL;
  gint64 outbox_before = chronic_fixture_count (fx, "SELECT count(*) FROM outbox");
  gint64 audit_before = chronic_fixture_count (fx, "SELECT count(*) FROM audit_log");

  chronic_fixture_decide (a, JY_FOLLOWUP_CLASS_CONTROLLED, "2027-01-31");
  chronic_fixture_decide (b, JY_FOLLOWUP_CLASS_CONTROLLED, "2027-01-31");
  add_drug (a, JY_FOLLOWUP_DRUG_CURRENT, "苯磺酸氨氯地平片", 1, 5, "mg");
  /* Passes every check of the store but breaks the table (a drug row needs
   * a name), after the first record and its drug are written. */
  add_drug (b, JY_FOLLOWUP_DRUG_CURRENT, NULL, 3, 0.5, "g");

  g_assert_false (chronic_fixture_try_save (fx, records, actions, 2, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONSTRAINT);

  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM followup"), ==, 0);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM followup_drug"), ==, 0);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM outbox"), ==, outbox_before);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM audit_log"), ==, audit_before);
  state = load_state (fx, htn);
  g_assert_null (state->last_visit_date);
  g_assert_cmpstr (state->next_due_date, ==, "2024-01-01");

  /* The records are untouched: the form can save them again. */
  g_assert_cmpint (a->id, ==, 0);
  g_assert_null (a->uuid);
  g_assert_null (a->visit_uuid);
}

static void
test_visit_refuses_mismatched_records (ChronicFixture *fx,
                                       gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 one = chronic_fixture_add_resident (fx, "吴九", 0);
  gint64 other = chronic_fixture_add_resident (fx, "郑十", 0);
  gint64 htn = chronic_fixture_enrol (fx, one, JY_PROGRAMME_HTN, "2024-01-01", 0);
  gint64 dm = chronic_fixture_enrol (fx, other, JY_PROGRAMME_T2DM, "2024-01-01", 0);
  g_autoptr(JyFollowup) a = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-11-02", 128, 80, JY_UNMEASURED);
  g_autoptr(JyFollowup) b = chronic_fixture_followup (dm, JY_PROGRAMME_T2DM, "2026-11-02", 128, 80, 6.0);
  g_autoptr(JyFollowup) wrong = chronic_fixture_followup (htn, JY_PROGRAMME_T2DM, "2026-11-02", 128, 80, 6.0);
  g_autoptr(JyFollowup) no_mode = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-11-02", 128, 80, 6.0);
  JyFollowup *records[] = { a, b };
  JyFollowupAction actions[] = { JY_FOLLOWUP_ACTION_ROUTINE, JY_FOLLOWUP_ACTION_ROUTINE };

  /* Two residents in one visit. */
  g_assert_false (chronic_fixture_try_save (fx, records, actions, 2, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A DM record filed in an HTN enrolment. */
  g_assert_false (chronic_fixture_try_save (fx, &wrong, actions, 1, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  no_mode->mode = JY_VISIT_MODE_NONE;
  g_assert_false (chronic_fixture_try_save (fx, &no_mode, actions, 1, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM followup"), ==, 0);
}

static gpointer
load_job (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return jy_followup_store_load (db, *(gint64 *)data, error);
}

static JyFollowup *
load (ChronicFixture *fx,
      gint64          id)
{
  g_autoptr(GError) error = NULL;
  JyFollowup *f = jy_store_read (fx->store, load_job, &id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (f);
  return f;
}

static void
test_every_field_round_trips (ChronicFixture *fx,
                              gconstpointer   user_data)
{
  gint64 resident = chronic_fixture_add_resident (fx, "钱十一", 0);
  gint64 dm = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_T2DM, "2024-01-01", 0);
  g_autoptr(JyFollowup) f = chronic_fixture_followup (dm, JY_PROGRAMME_T2DM, "2026-10-20", 146, 88, 8.2);
  g_autoptr(JyFollowup) back = NULL;
  JyFollowupDrug *insulin;

  f->mode = JY_VISIT_MODE_HOME;
  f->symptoms = (1u << 2) | (1u << 4);
  f->symptoms_other = g_strdup ("夜尿增多");
  f->danger_observed = JY_DANGER_NAUSEA_VOMITING;
  f->heart_rate = 0;   /* typed 0 is a value, not "not measured" */
  f->weight_kg = 71.5;
  f->target_weight_kg = 68;
  f->height_cm = 168;
  f->waist_cm = 92.5;
  f->temperature_c = 36.6;
  f->foot_pulse = g_strdup ("2l");
  f->cigarettes = 10;
  f->cigarettes_target = 0;
  f->alcohol_liang = 1.5;
  f->exercise_per_week = 3;
  f->exercise_minutes = 30;
  f->staple_g = 300;
  f->staple_g_target = 250;
  f->psychology = 1;
  f->compliance = 2;
  f->random_glucose = 11.3;
  f->hba1c = 7.8;
  f->hba1c_date = g_strdup ("2026-10-01");
  f->investigations = g_strdup ("尿常规正常");
  f->adherence = 2;
  f->adverse_reaction = TRUE;
  f->adverse_reaction_text = g_strdup ("胃肠不适");
  f->hypoglycaemia = 2;
  f->new_complication = TRUE;
  f->complication_text = g_strdup ("视物模糊");
  f->class_override_reason = g_strdup ("医生判断");
  f->referral_reason = g_strdup ("血糖控制不佳");
  f->referral_institution = g_strdup ("市第一医院");
  f->referral_department = g_strdup ("内分泌科");
  f->referral_result = 1;
  f->next_override_reason = g_strdup ("转诊");
  f->advice = g_strdup ("控制主食");
  f->remarks = g_strdup ("家属陪同");
  chronic_fixture_decide (f, JY_FOLLOWUP_CLASS_COMPLICATION, "2026-11-03");
  add_drug (f, JY_FOLLOWUP_DRUG_CURRENT, "盐酸二甲双胍片", 3, 0.5, "g");
  insulin = jy_followup_drug_new (JY_FOLLOWUP_DRUG_INSULIN);
  insulin->name = g_strdup ("甘精胰岛素注射液");
  insulin->dose = 12;
  insulin->dose_unit = g_strdup ("U");
  insulin->usage = g_strdup ("睡前皮下注射");
  g_ptr_array_add (f->drugs, insulin);

  chronic_fixture_save (fx, f, JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL);
  back = load (fx, f->id);

  g_assert_cmpint (back->id, ==, f->id);
  g_assert_cmpstr (back->uuid, ==, f->uuid);
  g_assert_cmpint (back->programme, ==, JY_PROGRAMME_T2DM);
  g_assert_cmpint (back->enrolment_id, ==, dm);
  g_assert_cmpint (back->resident_id, ==, resident);
  g_assert_cmpstr (back->visit_date, ==, "2026-10-20");
  g_assert_cmpint (back->mode, ==, JY_VISIT_MODE_HOME);
  g_assert_cmpuint (back->symptoms, ==, f->symptoms);
  g_assert_cmpstr (back->symptoms_other, ==, "夜尿增多");
  g_assert_cmpuint (back->danger_observed, ==, JY_DANGER_NAUSEA_VOMITING);
  g_assert_cmpint (back->sbp, ==, 146);
  g_assert_cmpint (back->dbp, ==, 88);
  g_assert_cmpint (back->heart_rate, ==, 0);
  g_assert_cmpfloat (back->weight_kg, ==, 71.5);
  g_assert_cmpfloat (back->waist_cm, ==, 92.5);
  g_assert_cmpstr (back->foot_pulse, ==, "2l");
  g_assert_cmpint (back->cigarettes_target, ==, 0);
  g_assert_cmpfloat (back->alcohol_liang, ==, 1.5);
  g_assert_cmpfloat (back->alcohol_liang_target, ==, JY_UNMEASURED);
  g_assert_cmpint (back->salt, ==, 0); /* coded items: 0 = not recorded */
  g_assert_cmpint (back->staple_g_target, ==, 250);
  g_assert_cmpfloat (back->fasting_glucose, ==, 8.2);
  g_assert_cmpfloat (back->hba1c, ==, 7.8);
  g_assert_cmpstr (back->hba1c_date, ==, "2026-10-01");
  g_assert_cmpint (back->adherence, ==, 2);
  g_assert_true (back->adverse_reaction);
  g_assert_false (back->adverse_hard_to_control);
  g_assert_cmpint (back->hypoglycaemia, ==, 2);
  g_assert_true (back->new_complication);
  g_assert_cmpint (back->classification, ==, JY_FOLLOWUP_CLASS_COMPLICATION);
  g_assert_cmpint (back->suggested_class, ==, JY_FOLLOWUP_CLASS_COMPLICATION);
  g_assert_cmpstr (back->referral_department, ==, "内分泌科");
  g_assert_cmpint (back->referral_result, ==, 1);
  g_assert_cmpstr (back->next_visit_date, ==, "2026-11-03");
  g_assert_cmpstr (back->remarks, ==, "家属陪同");
  g_assert_cmpint (back->author_id, ==, 1);

  g_assert_cmpuint (back->drugs->len, ==, 2);
  g_assert_cmpstr (((JyFollowupDrug *)g_ptr_array_index (back->drugs, 0))->name, ==, "盐酸二甲双胍片");
  g_assert_cmpfloat (((JyFollowupDrug *)g_ptr_array_index (back->drugs, 0))->dose, ==, 0.5);
  insulin = g_ptr_array_index (back->drugs, 1);
  g_assert_cmpint (insulin->kind, ==, JY_FOLLOWUP_DRUG_INSULIN);
  g_assert_cmpint (insulin->times_per_day, ==, JY_UNMEASURED);
  g_assert_cmpstr (insulin->usage, ==, "睡前皮下注射");

  /* The referral is open until the next follow-up. */
  {
    g_autoptr(JyEnrolmentState) state = load_state (fx, dm);

    g_assert_true (state->referral_open);
    g_assert_cmpint (state->due_action, ==, JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL);
  }
}

static void
test_state_counts_norm_visits_once_per_14_days (ChronicFixture *fx,
                                                gconstpointer   user_data)
{
  gint64 resident = chronic_fixture_add_resident (fx, "褚十四", 0);
  gint64 htn = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_HTN, "2020-05-01", 0);
  g_autoptr(JyFollowup) phone = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-06-01", 130, 80, JY_UNMEASURED);
  g_autoptr(JyEnrolmentState) state = NULL;

  /* Last year's visits do not count this year. */
  chronic_fixture_visit (fx, htn, JY_PROGRAMME_HTN, "2025-12-20", "2026-03-20");
  chronic_fixture_visit (fx, htn, JY_PROGRAMME_HTN, "2026-03-20", "2026-04-01");
  /* 12 days later: the same cluster, counted once. */
  chronic_fixture_visit (fx, htn, JY_PROGRAMME_HTN, "2026-04-01", "2026-04-15");
  /* 14 days after the last counted one: counted. */
  chronic_fixture_visit (fx, htn, JY_PROGRAMME_HTN, "2026-04-03", "2026-05-01");
  phone->mode = JY_VISIT_MODE_PHONE;
  chronic_fixture_decide (phone, JY_FOLLOWUP_CLASS_CONTROLLED, "2026-09-01");
  chronic_fixture_save (fx, phone, JY_FOLLOWUP_ACTION_ROUTINE);

  state = load_state (fx, htn);
  g_assert_cmpstr (state->last_visit_date, ==, "2026-06-01");
  g_assert_cmpstr (state->last_f2f_date, ==, "2026-04-03");
  g_assert_cmpstr (state->next_due_date, ==, "2026-09-01");
  g_assert_cmpint (state->norm_year, ==, 2026);
  g_assert_cmpint (state->norm_visits, ==, 2);
  /* Two counted visits: behind once three quarters have passed. */
  g_assert_cmpstr (state->behind_date, ==, "2026-10-01");
}

/* Corrections -------------------------------------------------------------- */

static void
test_correction_keeps_both_versions (ChronicFixture *fx,
                                     gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 resident = chronic_fixture_add_resident (fx, "冯十二", 0);
  gint64 htn = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_HTN, "2024-01-01", 0);
  g_autoptr(JyFollowup) typo = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-10-20", 182, 96, JY_UNMEASURED);
  g_autoptr(JyFollowup) fixed = NULL;
  g_autoptr(JyFollowup) again = NULL;
  g_autoptr(JyFollowup) old = NULL;
  g_autoptr(JyEnrolmentState) state = NULL;
  CorrectJob job;
  gint64 typo_id;

  chronic_fixture_decide (typo, JY_FOLLOWUP_CLASS_UNCONTROLLED, "2026-11-03");
  typo->referral_reason = g_strdup ("血压≥180");
  typo_id = chronic_fixture_save (fx, typo, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);

  /* It was 128, not 182. */
  fixed = jy_followup_copy (typo);
  fixed->id = 0;
  fixed->replaces_id = typo_id;
  g_clear_pointer (&fixed->referral_reason, g_free);
  fixed->sbp = 128;
  fixed->dbp = 76;
  chronic_fixture_decide (fixed, JY_FOLLOWUP_CLASS_CONTROLLED, "2027-01-18");
  job = (CorrectJob) { fixed, JY_FOLLOWUP_ACTION_ROUTINE };
  g_assert_true (jy_store_write (fx->store, correct_job, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (fixed->id, !=, typo_id);
  g_assert_cmpstr (fixed->uuid, !=, typo->uuid);
  g_assert_cmpstr (fixed->visit_uuid, ==, typo->visit_uuid);

  old = load (fx, typo_id);
  g_assert_cmpstr (old->status, ==, "entered-in-error");
  g_assert_cmpint (old->sbp, ==, 182);
  g_assert_cmpint (old->rev, ==, 2);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM followup"), ==, 2);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM followup WHERE status = 'final'"
                                              " AND replaces_id IS NOT NULL AND sbp = 128"), ==, 1);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM outbox WHERE entity = 'followup'"), ==, 3);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM outbox WHERE entity = 'followup'"
                                              " AND op = 'retire' AND rev = 2"), ==, 1);

  /* The worklist state forgets the emergency. */
  state = load_state (fx, htn);
  g_assert_cmpstr (state->next_due_date, ==, "2027-01-18");
  g_assert_cmpint (state->due_action, ==, JY_FOLLOWUP_ACTION_ROUTINE);
  g_assert_false (state->referral_open);

  /* The old version cannot be corrected a second time. */
  again = jy_followup_copy (typo);
  again->id = 0;
  again->replaces_id = typo_id;
  job = (CorrectJob) { again, JY_FOLLOWUP_ACTION_ROUTINE };
  g_assert_null (jy_store_write (fx->store, correct_job, &job, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT);
  g_assert_cmpint (again->id, ==, 0);
  g_assert_cmpint (chronic_fixture_count (fx, "SELECT count(*) FROM followup"), ==, 2);
}

/* The rule's previous visit ---------------------------------------------- */

static gpointer
previous_job (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  gint64 *args = data;   /* enrolment id, then the visit date as an index */
  static const char *const dates[] = { "2026-10-01", "2026-06-30" };
  g_autoptr(GError) local_error = NULL;
  JyFollowup *f = jy_followup_store_previous_for_rule (db, args[0], dates[args[1]], &local_error);

  g_assert_no_error (local_error);
  return f != NULL ? (gpointer)f : JY_STORE_DONE;
}

static gint64
previous_id (ChronicFixture *fx,
             gint64          enrolment_id,
             gint64          date_index)
{
  g_autoptr(GError) error = NULL;
  gint64 args[] = { enrolment_id, date_index };
  gpointer result = jy_store_read (fx->store, previous_job, args, NULL, &error);
  gint64 id;

  g_assert_no_error (error);
  if (result == JY_STORE_DONE)
    return 0;
  id = ((JyFollowup *)result)->id;
  jy_followup_free (result);
  return id;
}

static gpointer
latest_job (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return jy_followup_store_latest (db, *(gint64 *)data, error);
}

static void
test_previous_skips_phone_and_in_error (ChronicFixture *fx,
                                        gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 resident = chronic_fixture_add_resident (fx, "陈十三", 0);
  gint64 htn = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_HTN, "2024-01-01", 0);
  gint64 dm = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_T2DM, "2024-01-01", 0);
  g_autoptr(JyFollowup) phone = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-09-15", 150, 92, JY_UNMEASURED);
  g_autoptr(JyFollowup) wrong = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-08-20", 160, 95, JY_UNMEASURED);
  g_autoptr(JyFollowup) no_bp = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-09-01", JY_UNMEASURED,
                                                          JY_UNMEASURED, JY_UNMEASURED);
  g_autoptr(JyFollowup) lost = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-09-20", 150, 95, JY_UNMEASURED);
  g_autoptr(JyFollowup) dm_no_glucose = chronic_fixture_followup (dm, JY_PROGRAMME_T2DM, "2026-09-01", 140, 85,
                                                                  JY_UNMEASURED);
  g_autoptr(JyFollowup) fixed = NULL;
  g_autoptr(JyFollowup) latest = NULL;
  gint64 july = chronic_fixture_visit (fx, htn, JY_PROGRAMME_HTN, "2026-06-30", "2026-09-28");
  gint64 dm_june = chronic_fixture_visit (fx, dm, JY_PROGRAMME_T2DM, "2026-06-30", "2026-09-28");
  CorrectJob job;

  /* Each of these is later than July and not a valid "previous". */
  phone->mode = JY_VISIT_MODE_PHONE;
  chronic_fixture_decide (phone, JY_FOLLOWUP_CLASS_UNCONTROLLED, "2026-09-29");
  chronic_fixture_save (fx, phone, JY_FOLLOWUP_ACTION_ADJUST);
  chronic_fixture_decide (no_bp, JY_FOLLOWUP_CLASS_NONE, "2026-09-30");
  chronic_fixture_save (fx, no_bp, JY_FOLLOWUP_ACTION_ROUTINE);
  lost->outcome = JY_FOLLOWUP_OUTCOME_LOST;
  chronic_fixture_save (fx, lost, JY_FOLLOWUP_ACTION_ROUTINE);
  chronic_fixture_decide (wrong, JY_FOLLOWUP_CLASS_UNCONTROLLED, "2026-09-03");
  chronic_fixture_save (fx, wrong, JY_FOLLOWUP_ACTION_ADJUST);
  chronic_fixture_decide (dm_no_glucose, JY_FOLLOWUP_CLASS_NONE, "2026-09-30");
  chronic_fixture_save (fx, dm_no_glucose, JY_FOLLOWUP_ACTION_ROUTINE);

  /* The August one was a different patient's BP: entered in error, replaced
   * by a phone call that counts for nothing either. */
  fixed = jy_followup_copy (wrong);
  fixed->id = 0;
  fixed->replaces_id = wrong->id;
  fixed->mode = JY_VISIT_MODE_PHONE;
  job = (CorrectJob) { fixed, JY_FOLLOWUP_ACTION_ROUTINE };
  g_assert_true (jy_store_write (fx->store, correct_job, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  g_assert_cmpint (previous_id (fx, htn, 0), ==, july);
  /* Strictly earlier: a visit on 30 June has no previous one... */
  g_assert_cmpint (previous_id (fx, htn, 1), ==, 0);
  /* ...and the DM record needs a fasting glucose. */
  g_assert_cmpint (previous_id (fx, dm, 0), ==, dm_june);

  /* Carrying drugs over takes the latest of any mode. */
  latest = jy_store_read (fx->store, latest_job, &htn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (latest->id, ==, lost->id);
}

static void
act_as (ChronicFixture *fx,
        JyRole          role)
{
  g_autoptr(JyActor) actor = jy_actor_new (0, "test-actor", NULL, NULL, role, fx->team[0]);

  jy_store_set_session (fx->store, actor);
}

static void
test_nurse_records_home_visits_only (ChronicFixture *fx,
                                     gconstpointer   user_data)
{
  gint64 resident = chronic_fixture_add_resident (fx, "甲测试", 0);
  gint64 htn = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_HTN, "2019-06-01", 0);
  g_autoptr(JyFollowup) clinic = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-10-01", 132, 82, JY_UNMEASURED);
  g_autoptr(JyFollowup) home = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-10-02", 134, 84, JY_UNMEASURED);
  g_autoptr(JyEnrolment) dm = jy_enrolment_new (JY_PROGRAMME_T2DM);
  JyFollowupAction action = JY_FOLLOWUP_ACTION_ROUTINE;
  g_autoptr(GError) error = NULL;

  act_as (fx, JY_ROLE_NURSE);
  chronic_fixture_decide (clinic, JY_FOLLOWUP_CLASS_CONTROLLED, "2026-12-30");
  chronic_fixture_decide (home, JY_FOLLOWUP_CLASS_CONTROLLED, "2026-12-31");
  home->mode = JY_VISIT_MODE_HOME;

  /* A nurse records the visits she makes at home, not clinic ones. */
  g_assert_false (chronic_fixture_try_save (fx, &clinic, &action, 1, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (chronic_fixture_try_save (fx, &home, &action, 1, &error));
  g_assert_no_error (error);

  /* Nor does she enrol patients. */
  dm->resident_id = resident;
  dm->icd10 = g_strdup ("E11.9");
  dm->diagnosis_date = g_strdup ("2024-01-01");
  dm->enrol_date = g_strdup ("2024-01-02");
  dm->doctor_id = fx->doctor[0];
  g_assert_false (chronic_fixture_try_enrol (fx, dm, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM followup"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

#define ADD(path, func) \
  g_test_add (path, ChronicFixture, NULL, chronic_fixture_setup, func, chronic_fixture_teardown)

  ADD ("/store/chronic/enrol-twice-is-duplicate", test_enrol_twice_is_duplicate);
  ADD ("/store/chronic/enrol-records-change-and-first-visit-due", test_enrol_records_change_and_first_visit_due);
  ADD ("/store/chronic/enrol-refuses-bad-input", test_enrol_refuses_bad_input);
  ADD ("/store/chronic/ended-enrolment-keeps-history", test_ended_enrolment_keeps_history);
  ADD ("/store/chronic/combined-visit-saves-both-records", test_combined_visit_saves_both_records);
  ADD ("/store/chronic/failing-second-record-rolls-back-first", test_failing_second_record_rolls_back_first);
  ADD ("/store/chronic/visit-refuses-mismatched-records", test_visit_refuses_mismatched_records);
  ADD ("/store/chronic/every-field-round-trips", test_every_field_round_trips);
  ADD ("/store/chronic/state-counts-norm-visits-once-per-14-days", test_state_counts_norm_visits_once_per_14_days);
  ADD ("/store/chronic/correction-keeps-both-versions", test_correction_keeps_both_versions);
  ADD ("/store/chronic/previous-skips-phone-and-in-error", test_previous_skips_phone_and_in_error);
  ADD ("/store/chronic/nurse-records-home-visits-only", test_nurse_records_home_visits_only);

#undef ADD

  return g_test_run ();
}
