/* test-home-bed-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-followup.h"
#include "jy-generator.h"
#include "jy-home-bed-policy-store.h"
#include "jy-home-bed-store.h"
#include "jy-person.h"
#include "jy-resident-detail.h"
#include "jy-store-error.h"
#include "test-store-fixture.h"
#include "test-util.h"

typedef struct
{
  JyTestCentre centre;
  gint64       doctor_id;
  gint64       nurse_id;
  gint64       other_nurse_id;
  gint64       resident_id;
} BedFixture;

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (jy_person_parse_date (iso, &date));
  return date;
}

static gpointer
add_staff (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  static const char sql[] =
    "INSERT INTO staff (uuid, created_at, updated_at, site_id, name, role)\n"
    "  SELECT 'doc-1', 'now', 'now', id, '陈医生', 'doctor' FROM site WHERE kind = 'centre';\n"
    "INSERT INTO staff (uuid, created_at, updated_at, site_id, name, role)\n"
    "  SELECT 'nurse-1', 'now', 'now', id, '林护士', 'nurse' FROM site WHERE kind = 'centre';\n"
    "INSERT INTO staff (uuid, created_at, updated_at, site_id, name, role)\n"
    "  SELECT 'nurse-2', 'now', 'now', id, '黄护士', 'nurse' FROM site WHERE kind = 'centre';";

  return jy_db_exec (db, sql, error) ? JY_STORE_DONE : NULL;
}

static gint64
insert_resident (BedFixture *fx,
                 const char *name,
                 const char *area,
                 const char *address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_test_make_resident (name, NULL);
  gint64 id;

  r->sex = g_strdup ("2");
  r->birth_date = g_strdup ("1940-05-06");
  g_free (r->area_code);
  r->area_code = g_strdup (area);
  r->address_detail = g_strdup (address);
  id = jy_test_insert_resident (&fx->centre, r, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (BedFixture    *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  jy_test_centre_setup (&fx->centre, user_data);
  g_assert_true (jy_store_write (fx->centre.store, add_staff, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  fx->doctor_id = jy_test_count (&fx->centre, "SELECT id FROM staff WHERE uuid = 'doc-1'");
  fx->nurse_id = jy_test_count (&fx->centre, "SELECT id FROM staff WHERE uuid = 'nurse-1'");
  fx->other_nurse_id = jy_test_count (&fx->centre, "SELECT id FROM staff WHERE uuid = 'nurse-2'");
  fx->resident_id = insert_resident (fx, "王秀英", "359902001001", "海韵路12号3栋2单元501室");
}

static void
fixture_teardown (BedFixture    *fx,
                  gconstpointer  user_data)
{
  jy_test_centre_teardown (&fx->centre, user_data);
}

static void
act_as_staff (BedFixture *fx,
              gint64      staff_id,
              JyRole      role)
{
  g_autoptr(JyActor) actor = jy_actor_new (staff_id, role == JY_ROLE_NURSE ? "nurse-1" : "doc-1",
                                           NULL, NULL, role, fx->centre.team_id);

  jy_store_set_session (fx->centre.store, actor);
}

/* --- Jobs --------------------------------------------------------------- */

typedef struct
{
  BedFixture *fx;
  gint64      resident_id;
  gint64      application_id;
  gint64      assessment_id;
  gint64      bed_id;
  gboolean    eligible;
  const char *date;
  const char *bed_number;
  JyHomeBedRound round;
  JyHomeBedDischargeRequest discharge;
  GDate       today;
} Job;

static gpointer
apply_job (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  Job *job = data;
  JyHomeBedApplicationRequest request = { 0 };
  gint64 id;

  request.resident_id = job->resident_id;
  request.applied_on = day (job->date);
  request.source = JY_HOME_BED_SOURCE_HOSPITAL;
  request.referral_from = "市第一医院";
  id = jy_home_bed_store_apply (db, &request, &job->today, error);
  return id > 0 ? GSIZE_TO_POINTER ((gsize)id) : NULL;
}

static gpointer
assess_job (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  Job *job = data;
  JyHomeBedAssessRequest request = { 0 };
  gint64 id;

  request.resident_id = job->resident_id;
  request.application_id = job->application_id;
  request.home_bed_id = job->bed_id;
  request.doctor_id = job->fx->doctor_id;
  jy_home_bed_assessment_init (&request.facts);
  request.facts.assessment_date = day (job->date);
  request.facts.diagnosis_clear = TRUE;
  request.facts.condition_stable = job->eligible;
  request.facts.suitable_at_home = TRUE;
  request.facts.needs_continuous_care = TRUE;
  request.facts.home_safe = TRUE;
  request.facts.has_carer = TRUE;
  request.facts.adl_score = 35;
  request.facts.braden_score = 12;
  id = jy_home_bed_store_assess (db, &request, &job->today, error);
  return id > 0 ? GSIZE_TO_POINTER ((gsize)id) : NULL;
}

static gpointer
admit_job (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  Job *job = data;
  JyHomeBedAdmitRequest request = { 0 };
  gint64 id;

  request.assessment_id = job->assessment_id;
  request.admitted_on = day (job->date);
  request.agreement_signed = TRUE;
  request.bed_number = job->bed_number;
  request.diagnosis = "脑梗死后遗症；骶尾部压力性损伤";
  request.plan = "换药每3日；每周医生查床";
  request.doctor_id = job->fx->doctor_id;
  request.nurse_id = job->fx->nurse_id;
  request.doctor_every_days = 7;
  request.nurse_every_days = 3;
  g_date_clear (&request.cycle_end, 1);
  id = jy_home_bed_store_admit (db, &request, &job->today, NULL, error);
  return id > 0 ? GSIZE_TO_POINTER ((gsize)id) : NULL;
}

static gpointer
round_job (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  Job *job = data;
  gint64 id = jy_home_bed_store_log_round (db, job->bed_id, &job->round, &job->today, NULL, error);

  return id > 0 ? GSIZE_TO_POINTER ((gsize)id) : NULL;
}

static gpointer
renew_job (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  Job *job = data;

  return jy_home_bed_store_renew (db, job->bed_id, job->assessment_id, NULL, error) ? JY_STORE_DONE : NULL;
}

static gpointer
discharge_job (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  Job *job = data;

  return jy_home_bed_store_discharge (db, job->bed_id, &job->discharge, &job->today, error)
           ? JY_STORE_DONE : NULL;
}

static gpointer
load_job (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  Job *job = data;

  return jy_home_bed_store_load (db, job->bed_id, error);
}

static gpointer
summary_job (JyDb *db, gpointer data, GCancellable *c, GError **error)
{
  Job *job = data;
  GDate date = day (job->date);

  return jy_home_bed_store_draft_summary (db, job->bed_id, JY_DISCHARGE_REASON_IMPROVED, &date, error);
}

static gint64
write_id (BedFixture  *fx,
          JyStoreFunc  func,
          Job         *job)
{
  g_autoptr(GError) error = NULL;
  gpointer result = jy_store_write (fx->centre.store, func, job, NULL, &error);

  g_assert_no_error (error);
  return (gint64)GPOINTER_TO_SIZE (result);
}

static Job
job_for (BedFixture *fx,
         const char *date)
{
  Job job = { 0 };

  job.fx = fx;
  job.resident_id = fx->resident_id;
  job.date = date;
  job.bed_number = "JC2026-001";
  job.eligible = TRUE;
  job.today = fx->centre.today;   /* 2026-11-23 */
  jy_home_bed_round_init (&job.round);
  return job;
}

/* Application, assessment, admission on @admitted: the bed's id. */
static gint64
admit (BedFixture *fx,
       gint64      resident_id,
       const char *bed_number,
       const char *admitted)
{
  Job job = job_for (fx, "2026-11-16");

  job.resident_id = resident_id;
  job.bed_number = bed_number;
  job.application_id = write_id (fx, apply_job, &job);
  job.date = "2026-11-17";
  job.assessment_id = write_id (fx, assess_job, &job);
  job.date = admitted;
  return write_id (fx, admit_job, &job);
}

static JyHomeBedRound
nursing_round (const char *date)
{
  JyHomeBedRound r;

  jy_home_bed_round_init (&r);
  r.date = day (date);
  r.kind = JY_HOME_BED_ROUND_NURSING;
  r.vitals[JY_HOME_BED_VITAL_TEMPERATURE] = 36.7;
  r.vitals[JY_HOME_BED_VITAL_SBP] = 138;
  r.vitals[JY_HOME_BED_VITAL_DBP] = 82;
  r.procedures = JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_DRESSING)
                 | JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_PRESSURE_CARE);
  r.pressure_stage = JY_PRESSURE_STAGE_2;
  return r;
}

static GPtrArray *
todays_rounds (BedFixture *fx,
               gint64      staff_id,
               const char *today)
{
  g_autoptr(GError) error = NULL;
  JyHomeBedRoundsQuery query = { staff_id, day (today) };
  GPtrArray *rows = jy_store_read (fx->centre.store, jy_home_bed_todays_rounds_func, &query, NULL, &error);

  g_assert_no_error (error);
  return rows;
}

/* --- Tests -------------------------------------------------------------- */

static void
test_admission_flow_and_outbox (BedFixture    *fx,
                                gconstpointer  user_data)
{
  gint64 bed_id = admit (fx, fx->resident_id, "JC2026-001", "2026-11-18");
  Job job = job_for (fx, NULL);
  g_autoptr(JyHomeBedRecord) bed = NULL;

  g_assert_cmpint (bed_id, >, 0);
  job.bed_id = bed_id;
  bed = jy_store_read (fx->centre.store, load_job, &job, NULL, NULL);
  g_assert_nonnull (bed);
  g_assert_cmpstr (bed->status, ==, "open");
  g_assert_cmpstr (bed->bed_number, ==, "JC2026-001");
  g_assert_cmpstr (bed->nurse_name, ==, "林护士");
  g_assert_cmpint (g_date_get_month (&bed->cycle_end), ==, 2);   /* 2026-11-18 + 90 = 2027-02-16 */
  g_assert_cmpint (g_date_get_day (&bed->cycle_end), ==, 16);
  g_assert_cmpint (g_date_get_year (&bed->cycle_end), ==, 2027);
  g_assert_cmpint (bed->adl_score, ==, 35);
  g_assert_cmpint (jy_test_count (&fx->centre,
                   "SELECT count(*) FROM home_bed_application WHERE status = 'accepted'"), ==, 1);
  /* Every row with its outbox and audit rows. */
  g_assert_cmpint (jy_test_count (&fx->centre,
                   "SELECT count(*) FROM outbox WHERE entity IN ('home_bed_application',"
                   " 'home_bed_assessment', 'home_bed') AND op = 'create'"), ==, 3);
  g_assert_cmpint (jy_test_count (&fx->centre,
                   "SELECT count(*) FROM audit_log WHERE entity = 'home_bed' AND action = 'create'"), ==, 1);
  g_assert_cmpstr (jy_test_query_text (fx->centre.path, "SELECT building FROM home_bed"), ==,
                   "海韵路12号3栋");
}

static void
test_round_moves_the_due_date (BedFixture    *fx,
                               gconstpointer  user_data)
{
  gint64 bed_id = admit (fx, fx->resident_id, "JC2026-001", "2026-11-20");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) later = NULL;
  Job job = job_for (fx, NULL);
  JyHomeBedDueRow *row;

  /* Admitted on the 20th, nothing logged: both rounds overdue by 3 days
   * on the 23rd (the first round is due on the admission day). */
  before = todays_rounds (fx, fx->nurse_id, "2026-11-23");
  g_assert_cmpuint (before->len, ==, 1);
  row = g_ptr_array_index (before, 0);
  g_assert_cmpint (row->kind, ==, JY_HOME_BED_ROUND_NURSING);
  g_assert_cmpuint (row->days_overdue, ==, 3);
  g_assert_cmpstr (row->community_name, ==, "海韵社区");
  g_assert_cmpstr (row->building, ==, "海韵路12号3栋");

  act_as_staff (fx, fx->nurse_id, JY_ROLE_NURSE);
  job.bed_id = bed_id;
  job.round = nursing_round ("2026-11-23");
  g_assert_cmpint (write_id (fx, round_job, &job), >, 0);
  after = todays_rounds (fx, fx->nurse_id, "2026-11-23");
  g_assert_cmpuint (after->len, ==, 0);
  /* Every 3 days: due again on the 26th. */
  later = todays_rounds (fx, fx->nurse_id, "2026-11-26");
  g_assert_cmpuint (later->len, ==, 1);
  row = g_ptr_array_index (later, 0);
  g_assert_cmpuint (row->days_overdue, ==, 0);
  g_assert_cmpstr (jy_test_query_text (fx->centre.path, "SELECT nurse_due FROM home_bed"), ==, "2026-11-26");
  g_assert_cmpstr (jy_test_query_text (fx->centre.path, "SELECT staff_role FROM home_bed_round"), ==, "nurse");
  g_assert_cmpint (jy_test_count (&fx->centre,
                   "SELECT count(*) FROM outbox WHERE entity = 'home_bed_round'"), ==, 1);
  g_assert_cmpint (jy_test_count (&fx->centre,
                   "SELECT count(*) FROM audit_log WHERE entity = 'home_bed_round' AND actor = 'nurse-1'"), ==, 1);
}

static void
test_planned_next_round_wins (BedFixture    *fx,
                              gconstpointer  user_data)
{
  gint64 bed_id = admit (fx, fx->resident_id, "JC2026-001", "2026-11-20");
  Job job = job_for (fx, NULL);

  job.bed_id = bed_id;
  job.round = nursing_round ("2026-11-21");
  job.round.next_round = day ("2026-11-22");
  write_id (fx, round_job, &job);
  g_assert_cmpstr (jy_test_query_text (fx->centre.path, "SELECT nurse_due FROM home_bed"), ==, "2026-11-22");
}

static void
test_todays_rounds_grouped_by_community_and_building (BedFixture    *fx,
                                                      gconstpointer  user_data)
{
  gint64 b = insert_resident (fx, "李桂兰", "359902002003", "莲花路8号1栋1单元101室");
  gint64 c = insert_resident (fx, "张建国", "359902001001", "海韵路12号1栋3单元202室");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) other = NULL;

  admit (fx, fx->resident_id, "JC-003", "2026-11-20");
  admit (fx, b, "JC-001", "2026-11-21");
  admit (fx, c, "JC-002", "2026-11-23");
  rows = todays_rounds (fx, fx->nurse_id, "2026-11-23");
  g_assert_cmpuint (rows->len, ==, 3);
  /* 海韵社区 (…001001) before 莲花社区 (…002003); 1栋 before 3栋. */
  g_assert_cmpstr (((JyHomeBedDueRow *)g_ptr_array_index (rows, 0))->bed_number, ==, "JC-002");
  g_assert_cmpuint (((JyHomeBedDueRow *)g_ptr_array_index (rows, 0))->days_overdue, ==, 0);
  g_assert_cmpstr (((JyHomeBedDueRow *)g_ptr_array_index (rows, 1))->bed_number, ==, "JC-003");
  g_assert_cmpstr (((JyHomeBedDueRow *)g_ptr_array_index (rows, 2))->bed_number, ==, "JC-001");
  g_assert_cmpstr (((JyHomeBedDueRow *)g_ptr_array_index (rows, 2))->community_name, ==, "莲花社区");
  /* The doctor's list has the doctor's rounds; another nurse has none. */
  g_assert_cmpuint (todays_rounds (fx, fx->doctor_id, "2026-11-23")->len, ==, 3);
  other = todays_rounds (fx, fx->other_nurse_id, "2026-11-23");
  g_assert_cmpuint (other->len, ==, 0);
}

static void
test_nurse_cannot_admit (BedFixture    *fx,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Job job = job_for (fx, "2026-11-16");

  job.application_id = write_id (fx, apply_job, &job);
  jy_test_act_as (&fx->centre, JY_ROLE_NURSE);
  job.date = "2026-11-17";
  g_assert_null (jy_store_write (fx->centre.store, assess_job, &job, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
}

static void
test_nurse_may_apply_and_log_but_manager_not (BedFixture    *fx,
                                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 bed_id = admit (fx, fx->resident_id, "JC2026-001", "2026-11-20");
  Job job = job_for (fx, NULL);

  job.bed_id = bed_id;
  job.round = nursing_round ("2026-11-23");
  jy_test_act_as (&fx->centre, JY_ROLE_MANAGER);
  g_assert_null (jy_store_write (fx->centre.store, round_job, &job, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
}

static void
test_nurse_cannot_log_doctor_round (BedFixture    *fx,
                                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 bed_id = admit (fx, fx->resident_id, "JC2026-001", "2026-11-20");
  Job job = job_for (fx, NULL);

  act_as_staff (fx, fx->nurse_id, JY_ROLE_NURSE);
  job.bed_id = bed_id;
  job.round = nursing_round ("2026-11-23");
  job.round.kind = JY_HOME_BED_ROUND_DOCTOR;
  g_assert_null (jy_store_write (fx->centre.store, round_job, &job, NULL, &error));
  g_assert_error (error, JY_HOME_BED_ERROR, JY_HOME_BED_PROBLEM_NURSE_DOCTOR_ROUND);
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM home_bed_round"), ==, 0);
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM outbox WHERE entity = 'home_bed_round'"), ==, 0);
}

static void
test_impossible_vital_refused (BedFixture    *fx,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 bed_id = admit (fx, fx->resident_id, "JC2026-001", "2026-11-20");
  Job job = job_for (fx, NULL);

  job.bed_id = bed_id;
  job.round = nursing_round ("2026-11-23");
  job.round.vitals[JY_HOME_BED_VITAL_SPO2] = 150;
  g_assert_null (jy_store_write (fx->centre.store, round_job, &job, NULL, &error));
  g_assert_error (error, JY_HOME_BED_ERROR, JY_HOME_BED_PROBLEM_SPO2);
}

static void
test_ineligible_assessment_declines (BedFixture    *fx,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Job job = job_for (fx, "2026-11-16");

  job.application_id = write_id (fx, apply_job, &job);
  job.date = "2026-11-17";
  job.eligible = FALSE;
  job.assessment_id = write_id (fx, assess_job, &job);
  g_assert_cmpint (jy_test_count (&fx->centre,
                   "SELECT count(*) FROM home_bed_application WHERE status = 'declined'"), ==, 1);
  g_assert_cmpstr (jy_test_query_text (fx->centre.path, "SELECT problems FROM home_bed_assessment"), ==, "2");
  job.date = "2026-11-18";
  g_assert_null (jy_store_write (fx->centre.store, admit_job, &job, NULL, &error));
  g_assert_error (error, JY_HOME_BED_ERROR, JY_HOME_BED_PROBLEM_NOT_ASSESSED_ELIGIBLE);
}

static void
test_one_open_bed_per_resident (BedFixture    *fx,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Job job = job_for (fx, "2026-11-16");

  admit (fx, fx->resident_id, "JC2026-001", "2026-11-20");
  job.application_id = write_id (fx, apply_job, &job);
  job.date = "2026-11-21";
  job.assessment_id = write_id (fx, assess_job, &job);
  job.bed_number = "JC2026-002";
  g_assert_null (jy_store_write (fx->centre.store, admit_job, &job, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DUPLICATE);
}

static void
test_renewal_starts_a_new_cycle (BedFixture    *fx,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Job job = job_for (fx, NULL);
  g_autoptr(JyHomeBedRecord) bed = NULL;

  job.bed_id = admit (fx, fx->resident_id, "JC2026-001", "2026-11-17");
  job.resident_id = fx->resident_id;
  job.application_id = 0;
  job.date = "2026-11-23";
  job.assessment_id = write_id (fx, assess_job, &job);
  /* The cycle ends on 2027-02-15: re-assessing on 2026-11-23 is too early. */
  g_assert_null (jy_store_write (fx->centre.store, renew_job, &job, NULL, &error));
  g_assert_error (error, JY_HOME_BED_ERROR, JY_HOME_BED_PROBLEM_RENEWAL_TOO_EARLY);
  g_clear_error (&error);

  /* A bed admitted 90 days ago, its cycle ending on the 24th. */
  {
    gint64 other = insert_resident (fx, "赵淑珍", "359902001001", "海韵路3号");
    Job old = job_for (fx, "2026-08-20");

    old.resident_id = other;
    old.today = day ("2026-08-26");
    old.application_id = write_id (fx, apply_job, &old);
    old.date = "2026-08-24";
    old.assessment_id = write_id (fx, assess_job, &old);
    old.date = "2026-08-26";
    old.bed_number = "JC2026-900";
    old.bed_id = write_id (fx, admit_job, &old);
    old.today = fx->centre.today;
    old.application_id = 0;
    old.date = "2026-11-23";
    old.assessment_id = write_id (fx, assess_job, &old);
    g_assert_true (jy_store_write (fx->centre.store, renew_job, &old, NULL, &error) == JY_STORE_DONE);
    g_assert_no_error (error);
    bed = jy_store_read (fx->centre.store, load_job, &old, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (bed->cycle_no, ==, 2);
    g_assert_cmpstr (jy_test_query_text (fx->centre.path,
                     "SELECT cycle_start || ' ' || cycle_end FROM home_bed WHERE bed_number = 'JC2026-900'"),
                     ==, "2026-11-24 2027-02-22");
    g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM outbox WHERE entity = 'home_bed_renewal'"), ==, 1);
  }
}

static void
test_discharge_with_drafted_summary (BedFixture    *fx,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  Job job = job_for (fx, NULL);

  job.bed_id = admit (fx, fx->resident_id, "JC2026-001", "2026-11-18");
  job.round = nursing_round ("2026-11-18");
  write_id (fx, round_job, &job);
  job.round = nursing_round ("2026-11-21");
  job.round.procedures = JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_DRESSING);
  job.round.note = "创面愈合良好";
  write_id (fx, round_job, &job);

  job.date = "2026-11-23";
  draft = jy_store_read (fx->centre.store, summary_job, &job, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (draft, "2 rounds: 0 doctor's rounds, 2 nursing visits"));
  g_assert_nonnull (strstr (draft, "Dressing change ×2, Pressure-injury care ×1"));
  g_assert_nonnull (strstr (draft, "创面愈合良好"));

  /* Not signed: refused. */
  job.discharge.discharged_on = day ("2026-11-23");
  job.discharge.reason = JY_DISCHARGE_REASON_IMPROVED;
  job.discharge.summary = draft;
  g_assert_null (jy_store_write (fx->centre.store, discharge_job, &job, NULL, &error));
  g_assert_error (error, JY_HOME_BED_ERROR, JY_HOME_BED_PROBLEM_SUMMARY_NOT_SIGNED);
  g_clear_error (&error);
  /* "Cycle ended" before the cycle end: refused. */
  job.discharge.signed_by = fx->doctor_id;
  job.discharge.reason = JY_DISCHARGE_REASON_CYCLE_ENDED;
  g_assert_null (jy_store_write (fx->centre.store, discharge_job, &job, NULL, &error));
  g_assert_error (error, JY_HOME_BED_ERROR, JY_HOME_BED_PROBLEM_CYCLE_NOT_ENDED);
  g_clear_error (&error);

  job.discharge.reason = JY_DISCHARGE_REASON_IMPROVED;
  g_assert_true (jy_store_write (fx->centre.store, discharge_job, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_cmpstr (jy_test_query_text (fx->centre.path,
                   "SELECT status || ' ' || discharge_reason || ' ' || ifnull (nurse_due, '-') FROM home_bed"),
                   ==, "discharged 2 -");
  rows = todays_rounds (fx, fx->nurse_id, "2026-11-30");
  g_assert_cmpuint (rows->len, ==, 0);
  /* A round after the discharge is refused. */
  job.round = nursing_round ("2026-11-23");
  job.today = day ("2026-11-24");
  job.round.date = day ("2026-11-24");
  g_assert_null (jy_store_write (fx->centre.store, round_job, &job, NULL, &error));
  g_assert_error (error, JY_HOME_BED_ERROR, JY_HOME_BED_PROBLEM_ROUND_AFTER_DISCHARGE);
}

static void
test_timeline_shows_home_bed (BedFixture    *fx,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResidentDetail) detail = NULL;
  Job job = job_for (fx, NULL);
  gboolean admitted = FALSE, rounded = FALSE;

  job.bed_id = admit (fx, fx->resident_id, "JC2026-001", "2026-11-18");
  job.round = nursing_round ("2026-11-19");
  write_id (fx, round_job, &job);
  detail = jy_store_write (fx->centre.store, jy_resident_detail_load, &fx->resident_id, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < detail->timeline->len; i++)
    {
      JyTimelineEntry *e = g_ptr_array_index (detail->timeline, i);

      if (g_strcmp0 (e->kind, "home-bed-admit") == 0)
        {
          admitted = TRUE;
          g_assert_nonnull (strstr (e->title, "Home bed JC2026-001 established"));
        }
      if (g_strcmp0 (e->kind, "home-bed-round") == 0)
        {
          rounded = TRUE;
          g_assert_cmpstr (e->title, ==, "Nursing visit · home bed JC2026-001 · Dressing change, Pressure-injury care");
        }
    }
  g_assert_true (admitted);
  g_assert_true (rounded);
}

static void
test_census_lists_open_beds (BedFixture    *fx,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GDate today = fx->centre.today;

  admit (fx, fx->resident_id, "JC2026-001", "2026-11-18");
  rows = jy_store_read (fx->centre.store, jy_home_bed_census_func, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (((JyHomeBedCensusRow *)g_ptr_array_index (rows, 0))->bed_days, ==, 5);
  g_ptr_array_unref (g_steal_pointer (&rows));
  jy_test_act_as (&fx->centre, JY_ROLE_ADMIN);
  rows = jy_store_read (fx->centre.store, jy_home_bed_census_func, &today, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
}

static void
test_building_of_address (void)
{
  g_autofree char *a = jy_home_bed_building_of ("海韵路12号3栋2单元501室");
  g_autofree char *b = jy_home_bed_building_of ("莲花路8号205室");
  g_autofree char *c = jy_home_bed_building_of ("后埔村");
  g_autofree char *d = jy_home_bed_building_of (NULL);

  g_assert_cmpstr (a, ==, "海韵路12号3栋");
  g_assert_cmpstr (b, ==, "莲花路8号");
  g_assert_cmpstr (c, ==, "后埔村");
  g_assert_cmpstr (d, ==, "");
}

static gpointer
generate_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return jy_generator_run (db, data, NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

static void
test_generator_beds_and_rounds (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("jiayi-beds-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmpdir, "demo.db", NULL);
  g_autoptr(JyStore) store = jy_store_open (path, &error);
  GDate reference;
  JyGeneratorOptions options = { 5000, 20260315, &reference };

  g_assert_no_error (error);
  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 29, G_DATE_FEBRUARY, 2028);
  g_assert_true (jy_store_write (store, generate_func, &options, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  /* One bed per 500 residents, one in six open, each with rounds. */
  g_assert_cmpint (jy_test_query_int64 (path, "SELECT count(*) FROM home_bed"), ==, 10);
  g_assert_cmpint (jy_test_query_int64 (path, "SELECT count(*) FROM home_bed WHERE status = 'open'"), ==, 2);
  g_assert_cmpint (jy_test_query_int64 (path,
                   "SELECT count(*) FROM home_bed b WHERE NOT EXISTS"
                   " (SELECT 1 FROM home_bed_round o WHERE o.home_bed_id = b.id)"), ==, 0);
  /* Open beds have both rounds due, discharged ones none, and a reason. */
  g_assert_cmpint (jy_test_query_int64 (path,
                   "SELECT count(*) FROM home_bed WHERE status = 'open'"
                   " AND (doctor_due IS NULL OR nurse_due IS NULL OR cycle_end <= '2028-02-29')"), ==, 0);
  g_assert_cmpint (jy_test_query_int64 (path,
                   "SELECT count(*) FROM home_bed WHERE status = 'discharged'"
                   " AND (doctor_due IS NOT NULL OR discharge_reason IS NULL"
                   "      OR discharged_on > '2028-02-29' OR discharged_on < admitted_on)"), ==, 0);
  /* Rounds within the stay, vitals in the form's ranges, nurses' visits by nurses. */
  g_assert_cmpint (jy_test_query_int64 (path,
                   "SELECT count(*) FROM home_bed_round o JOIN home_bed b ON b.id = o.home_bed_id"
                   " WHERE o.round_date < b.admitted_on OR o.round_date > ifnull (b.discharged_on, '2028-02-29')"
                   "    OR o.temperature NOT BETWEEN 34 AND 43 OR o.spo2 NOT BETWEEN 50 AND 100"
                   "    OR o.dbp >= o.sbp OR (o.kind = '2' AND o.staff_id <> b.nurse_id)"), ==, 0);
  g_assert_cmpint (jy_test_query_int64 (path, "SELECT count(*) FROM outbox WHERE entity LIKE 'home_bed%'"), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&store));
  jy_test_remove_tree (tmpdir);
}

/* --- Policy ------------------------------------------------------------- */

static void
save_policy (BedFixture  *fx,
             guint        cycle_days,
             GError     **error)
{
  JyHomeBedPolicy policy = JY_HOME_BED_POLICY_DEFAULT;

  policy.cycle_days = cycle_days;
  policy.doctor_round_max_days = 10;
  jy_store_write (fx->centre.store, jy_home_bed_policy_save_func, &policy, NULL, error);
}

static JyHomeBedPolicy
load_policy (BedFixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autofree JyHomeBedPolicy *policy = jy_store_read (fx->centre.store, jy_home_bed_policy_load_func,
                                                      NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (policy);
  return *policy;
}

static void
test_policy_round_trip (BedFixture    *fx,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  JyHomeBedPolicy loaded = load_policy (fx);

  g_assert_cmpuint (loaded.cycle_days, ==, 90);   /* no row yet: the defaults */
  jy_test_act_as (&fx->centre, JY_ROLE_ADMIN);
  save_policy (fx, 60, &error);
  g_assert_no_error (error);
  loaded = load_policy (fx);
  g_assert_cmpuint (loaded.cycle_days, ==, 60);
  g_assert_cmpuint (loaded.doctor_round_max_days, ==, 10);
  g_assert_cmpuint (loaded.assessment_working_days, ==, 3);
  g_assert_cmpuint (loaded.admission_note_hours, ==, 48);
  g_assert_cmpuint (loaded.renewal_window_days, ==, 14);
  save_policy (fx, 75, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (load_policy (fx).cycle_days, ==, 75);
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM home_bed_policy"), ==, 1);
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT rev FROM home_bed_policy"), ==, 2);
  g_assert_cmpint (jy_test_count (&fx->centre,
                   "SELECT count(*) FROM outbox WHERE entity = 'home_bed_policy'"), ==, 2);
  g_assert_cmpint (jy_test_count (&fx->centre,
                   "SELECT count(*) FROM audit_log WHERE entity = 'home_bed_policy'"
                   " AND action IN ('create', 'update')"), ==, 2);
}

static void
test_policy_denied_and_out_of_range (BedFixture    *fx,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  jy_test_act_as (&fx->centre, JY_ROLE_DOCTOR);
  save_policy (fx, 60, &error);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_clear_error (&error);
  jy_test_act_as (&fx->centre, JY_ROLE_MANAGER);
  save_policy (fx, 60, &error);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_clear_error (&error);
  jy_test_act_as (&fx->centre, JY_ROLE_ADMIN);
  save_policy (fx, 120, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (jy_test_count (&fx->centre, "SELECT count(*) FROM home_bed_policy"), ==, 0);
  g_assert_cmpint (jy_test_count (&fx->centre,
                   "SELECT count(*) FROM outbox WHERE entity = 'home_bed_policy'"), ==, 0);
  g_assert_cmpuint (load_policy (fx).cycle_days, ==, 90);
}

static void
test_policy_60_day_cycle_on_admission (BedFixture    *fx,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyHomeBedRecord) bed = NULL;
  Job job = job_for (fx, NULL);

  jy_test_act_as (&fx->centre, JY_ROLE_ADMIN);
  save_policy (fx, 60, &error);
  g_assert_no_error (error);
  act_as_staff (fx, fx->doctor_id, JY_ROLE_DOCTOR);
  job.bed_id = admit (fx, fx->resident_id, "JC2026-060", "2026-11-18");
  bed = jy_store_read (fx->centre.store, load_job, &job, NULL, NULL);
  g_assert_nonnull (bed);
  /* 2026-11-18 + 60 days = 2027-01-17, across the year end. */
  g_assert_cmpint (g_date_get_year (&bed->cycle_end), ==, 2027);
  g_assert_cmpint (g_date_get_month (&bed->cycle_end), ==, 1);
  g_assert_cmpint (g_date_get_day (&bed->cycle_end), ==, 17);
}

#define ADD(path, func) \
  g_test_add ("/store/home-bed/" path, BedFixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  jy_test_quiet_debug ();

  ADD ("admission/apply-assess-admit-with-outbox-and-audit", test_admission_flow_and_outbox);
  ADD ("admission/ineligible-assessment-declines-and-refuses-admission", test_ineligible_assessment_declines);
  ADD ("admission/one-open-bed-per-resident", test_one_open_bed_per_resident);
  ADD ("roles/nurse-cannot-assess-or-admit", test_nurse_cannot_admit);
  ADD ("roles/manager-cannot-log-a-round", test_nurse_may_apply_and_log_but_manager_not);
  ADD ("roles/nurse-cannot-log-a-doctor-round", test_nurse_cannot_log_doctor_round);
  ADD ("rounds/nurse-round-moves-due-date-3-days", test_round_moves_the_due_date);
  ADD ("rounds/planned-next-round-wins", test_planned_next_round_wins);
  ADD ("rounds/impossible-spo2-refused", test_impossible_vital_refused);
  ADD ("todays-rounds/grouped-by-community-and-building", test_todays_rounds_grouped_by_community_and_building);
  ADD ("renewal/too-early-refused-near-end-new-cycle", test_renewal_starts_a_new_cycle);
  ADD ("discharge/drafted-summary-signed-reason-checked", test_discharge_with_drafted_summary);
  ADD ("timeline/admission-and-rounds-on-resident-timeline", test_timeline_shows_home_bed);
  ADD ("census/open-beds-admin-denied", test_census_lists_open_beds);
  ADD ("policy/admin saves 60 days and reads it back with outbox and audit", test_policy_round_trip);
  ADD ("policy/doctor and manager denied, 120 days refused", test_policy_denied_and_out_of_range);
  ADD ("policy/bed admitted under a 60-day policy ends 60 days on", test_policy_60_day_cycle_on_admission);
  g_test_add_func ("/store/home-bed/building/of-an-address", test_building_of_address);
  g_test_add_func ("/store/home-bed/generator/10-beds-for-5000-residents-rounds-within-stay", test_generator_beds_and_rounds);

  return g_test_run ();
}
