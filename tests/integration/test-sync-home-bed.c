/* test-sync-home-bed.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Home beds against a real FHIR R4 server (fhir-server.mjs: Medplum's
 * router, in memory), records made through the store API as the GUI
 * makes them: see each test's comment.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "jy-fhir-codec.h"
#include "jy-fhir-home-bed.h"
#include "jy-fhir-row.h"
#include "jy-home-bed-policy-store.h"
#include "jy-home-bed-store.h"
#include "jy-sync-client.h"
#include "jy-sync-conflict.h"
#include "jy-sync-merge.h"
#include "test-sync-util.h"
#include "test-util.h"

static char *base_url;

/* The tests' "today" (the store functions take it): rounds due are
 * compared on this day on every workstation. */
#define TODAY 23, G_DATE_NOVEMBER, 2026

typedef struct
{
  char    *tmpdir;
  char    *path_a;
  char    *path_b;
  char    *path_c;
  JyStore *a;
  JyStore *b;
  JyStore *c;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  if (base_url == NULL)
    return;
  fx->tmpdir = g_dir_make_tmp ("jiayi-sync-bed-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path_a = g_build_filename (fx->tmpdir, "a.db", NULL);
  fx->path_b = g_build_filename (fx->tmpdir, "b.db", NULL);
  fx->path_c = g_build_filename (fx->tmpdir, "c.db", NULL);
  fx->a = jy_test_workstation_new (fx->path_a);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  if (fx->tmpdir == NULL)
    return;
  g_clear_object (&fx->a);
  g_clear_object (&fx->b);
  g_clear_object (&fx->c);
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path_a);
  g_free (fx->path_b);
  g_free (fx->path_c);
}

/* B and C join A's centre the way a workstation is set up: from a copy
 * of A's database taken before any record was added. */
static void
copy_workstations (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (fx->path_a);
  g_autoptr(GFile) to_b = g_file_new_for_path (fx->path_b);
  g_autoptr(GFile) to_c = g_file_new_for_path (fx->path_c);

  g_clear_object (&fx->a);
  g_file_copy (from, to_b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_copy (from, to_c, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fx->a = jy_store_open (fx->path_a, &error);
  g_assert_no_error (error);
  fx->b = jy_store_open (fx->path_b, &error);
  g_assert_no_error (error);
  fx->c = jy_store_open (fx->path_c, &error);
  g_assert_no_error (error);
}

static JySyncSummary *
sync_ok (JyStore *store)
{
  g_autoptr(GError) error = NULL;
  JySyncSummary *summary = jy_test_sync (store, base_url, 0, &error);

  g_assert_no_error (error);
  g_test_message ("sync: %u sent, %u received, %u rejected, %u conflicts, %u deferred",
                  summary->sent, summary->received, summary->rejected, summary->conflicts,
                  summary->deferred);
  return summary;
}

/* The platform's copy of Type/@uuid, as text. */
static char *
server_text (const char *type,
             const char *uuid)
{
  JySyncClientConfig config = { .base_url = base_url };
  g_autoptr(JySyncClient) client = jy_sync_client_new (&config, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s", type, uuid);
  g_autoptr(JsonNode) node = jy_sync_client_get_json (client, path, 64 << 20, NULL, &error);

  g_assert_no_error (error);
  return jy_fhir_to_string (node);
}

static GDate
day (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  g_assert_true (g_date_valid (&date));
  return date;
}

static GDate
today_date (void)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, TODAY);
  return today;
}

static gint64
id_of (JyStore    *store,
       const char *table,
       const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = '%s'", table, uuid);

  /* Interned: statements are cached by the address of their text. */
  return jy_test_count (store, g_intern_string (sql));
}

static char *
uuid_of (JyStore    *store,
         const char *table,
         gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);

  return jy_test_text (store, g_intern_string (sql));
}

static const char pending_sql[] = "SELECT count(*) FROM outbox WHERE state <> 'done'";

/* ---- jobs: what the home-bed pages do ---------------------------------- */

typedef enum { ACT_ROUND, ACT_DISCHARGE, ACT_POLICY } BedAction;

typedef struct
{
  BedAction   action;
  const char *resident_uuid;
  char       *doctor_uuid;
  char       *nurse_uuid;
  gint64      bed_id;
  gint64      assessment_id;
  const char *date;
  JyHomeBedRound round;
  JyHomeBedDischargeRequest discharge;
  JyHomeBedPolicy policy;
} BedJob;

static gboolean
insert_staff (JyDb        *db,
              const char  *name,
              const char  *role,
              char       **uuid,
              GError     **error)
{
  static const char sql[] =
    "INSERT INTO staff (uuid, created_at, updated_at, site_id, name, role, phone)\n"
    "VALUES (?1, '2026-11-01T01:00:00Z', '2026-11-01T01:00:00Z', (SELECT id FROM site), ?2, ?3,\n"
    "  '13900000001')";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  *uuid = g_uuid_string_random ();
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, *uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_STATIC);
  return jy_db_step_done (db, stmt, error) &&
         jy_store_record_change (db, "staff", *uuid, JY_CHANGE_CREATE, 1, NULL, error);
}

static gint64
lookup (JyDb        *db,
        const char  *sql,
        const char  *uuid,
        GError     **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (jy_db_step (db, stmt, error) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The staff, the policy, an application, an assessment, the admission. */
static gpointer
admit_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  BedJob *job = data;
  JyHomeBedApplicationRequest application = { 0 };
  JyHomeBedAssessRequest assess = { 0 };
  JyHomeBedAdmitRequest admit = { 0 };
  GDate today = today_date ();
  gint64 resident_id, doctor_id, nurse_id;

  if (!insert_staff (db, "测试医生", "doctor", &job->doctor_uuid, error) ||
      !insert_staff (db, "测试护士", "nurse", &job->nurse_uuid, error) ||
      !jy_home_bed_policy_store_save (db, &job->policy, error))
    return NULL;
  resident_id = lookup (db, "SELECT id FROM resident WHERE uuid = ?1", job->resident_uuid, error);
  doctor_id = lookup (db, "SELECT id FROM staff WHERE uuid = ?1", job->doctor_uuid, error);
  nurse_id = lookup (db, "SELECT id FROM staff WHERE uuid = ?1", job->nurse_uuid, error);

  application.resident_id = resident_id;
  application.applied_on = day ("2026-11-16");
  application.source = JY_HOME_BED_SOURCE_HOSPITAL;
  application.referral_from = "虚构市第一医院";
  application.request = "出院后居家换药";
  if ((assess.application_id = jy_home_bed_store_apply (db, &application, &today, error)) == 0)
    return NULL;

  assess.resident_id = resident_id;
  assess.doctor_id = doctor_id;
  jy_home_bed_assessment_init (&assess.facts);
  assess.facts.assessment_date = day ("2026-11-17");
  assess.facts.diagnosis_clear = TRUE;
  assess.facts.condition_stable = TRUE;
  assess.facts.suitable_at_home = TRUE;
  assess.facts.needs_continuous_care = TRUE;
  assess.facts.home_safe = TRUE;
  assess.facts.has_carer = TRUE;
  assess.facts.adl_score = 35;
  assess.facts.braden_score = 12;
  assess.note = "卧床，家属照护";
  if ((admit.assessment_id = jy_home_bed_store_assess (db, &assess, &today, error)) == 0)
    return NULL;

  admit.admitted_on = day ("2026-11-18");
  admit.agreement_signed = TRUE;
  admit.bed_number = "JC2026-101";
  admit.diagnosis = "脑梗死后遗症；骶尾部压力性损伤";
  admit.icd10 = "I69.300";
  admit.plan = "换药每3日；每周医生查床";
  admit.doctor_id = doctor_id;
  admit.nurse_id = nurse_id;
  admit.doctor_every_days = 7;
  admit.nurse_every_days = 3;
  /* A short first cycle, so that the renewal window is open now. */
  admit.cycle_end = day ("2026-11-28");
  if ((job->bed_id = jy_home_bed_store_admit (db, &admit, &today, NULL, error)) == 0)
    return NULL;
  return JY_STORE_DONE;
}

/* What job->action says: a round, a discharge, the policy. */
static gpointer
act_func (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  BedJob *job = data;
  GDate today = today_date ();
  gboolean ok = FALSE;

  switch (job->action)
    {
    case ACT_ROUND:
      ok = jy_home_bed_store_log_round (db, job->bed_id, &job->round, &today, NULL, error) > 0;
      break;
    case ACT_DISCHARGE:
      ok = jy_home_bed_store_discharge (db, job->bed_id, &job->discharge, &today, error);
      break;
    case ACT_POLICY:
      ok = jy_home_bed_policy_store_save (db, &job->policy, error);
      break;
    }
  return ok ? JY_STORE_DONE : NULL;
}

/* A re-assessment of the bed, then its renewal. */
static gpointer
renew_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  BedJob *job = data;
  JyHomeBedAssessRequest assess = { 0 };
  GDate today = today_date ();

  assess.resident_id = lookup (db, "SELECT id FROM resident WHERE uuid = ?1", job->resident_uuid, error);
  assess.home_bed_id = job->bed_id;
  assess.doctor_id = lookup (db, "SELECT id FROM staff WHERE uuid = ?1", job->doctor_uuid, error);
  jy_home_bed_assessment_init (&assess.facts);
  assess.facts.assessment_date = day ("2026-11-22");
  assess.facts.diagnosis_clear = TRUE;
  assess.facts.condition_stable = TRUE;
  assess.facts.suitable_at_home = TRUE;
  assess.facts.needs_continuous_care = TRUE;
  assess.facts.home_safe = TRUE;
  assess.facts.has_carer = TRUE;
  assess.facts.adl_score = 40;
  assess.facts.braden_score = 13;
  if ((job->assessment_id = jy_home_bed_store_assess (db, &assess, &today, error)) == 0)
    return NULL;
  return jy_home_bed_store_renew (db, job->bed_id, job->assessment_id, NULL, error) ? JY_STORE_DONE : NULL;
}

static void
write_ok (JyStore     *store,
          JyStoreFunc  func,
          BedJob      *job)
{
  g_autoptr(GError) error = NULL;
  gpointer result = jy_store_write (store, func, job, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (result == JY_STORE_DONE);
}

/* Jobs run for @role as the staff member @staff_uuid (NULL: the system). */
static void
act_as (JyStore    *store,
        const char *staff_uuid,
        JyRole      role)
{
  g_autoptr(JyActor) actor = NULL;

  if (staff_uuid != NULL)
    actor = jy_actor_new (id_of (store, "staff", staff_uuid), staff_uuid, NULL, NULL, role, 0);
  jy_store_set_session (store, actor);
}

/* ---- comparing workstations --------------------------------------------- */

/* Every home-bed row, synced and derived columns, by uuid (ids may differ). */
static const char *const rows_sql[] = {
  "SELECT group_concat (x, ' | ') FROM (SELECT a.uuid || ' ' || a.status || ' ' || r.uuid || ' ' ||\n"
  "  a.applied_on || ' ' || a.source || ' ' || ifnull (a.referral_from, '-') || ' ' ||\n"
  "  ifnull (a.request, '-') || ' ' || a.assess_by AS x\n"
  "  FROM home_bed_application a JOIN resident r ON r.id = a.resident_id ORDER BY a.uuid)",
  "SELECT group_concat (x, ' | ') FROM (SELECT s.uuid || ' ' || s.status || ' ' ||\n"
  "  ifnull ((SELECT uuid FROM home_bed_application WHERE id = s.application_id), '-') || ' ' ||\n"
  "  ifnull ((SELECT uuid FROM home_bed WHERE id = s.home_bed_id), '-') || ' ' || s.assessed_on || ' ' ||\n"
  "  (SELECT uuid FROM staff WHERE id = s.doctor_id) || ' ' || s.diagnosis_clear || s.condition_stable ||\n"
  "  s.suitable_at_home || s.needs_continuous_care || s.infectious || s.home_safe || s.has_carer || ' ' ||\n"
  "  ifnull (s.adl_score, '-') || ' ' || ifnull (s.braden_score, '-') || ' ' || s.priorities || ' ' ||\n"
  "  s.eligible || ' ' || ifnull (s.problems, '-') || ' ' || ifnull (s.note, '-') AS x\n"
  "  FROM home_bed_assessment s ORDER BY s.uuid)",
  "SELECT group_concat (x, ' | ') FROM (SELECT b.uuid || ' ' || b.status || ' ' || b.bed_number || ' ' ||\n"
  "  b.admitted_on || ' ' || b.agreement_signed_at || ' ' || b.diagnosis || ' ' || ifnull (b.icd10, '-') ||\n"
  "  ' ' || b.plan || ' ' || (SELECT uuid FROM staff WHERE id = b.doctor_id) || ' ' ||\n"
  "  (SELECT uuid FROM staff WHERE id = b.nurse_id) || ' ' || b.doctor_every_days || ' ' ||\n"
  "  b.nurse_every_days || ' ' || b.cycle_no || ' ' || b.cycle_start || ' ' || b.cycle_end || ' ' ||\n"
  "  ifnull (b.discharged_on, '-') || ' ' || ifnull (b.discharge_reason, '-') || ' ' ||\n"
  "  ifnull (b.discharge_summary, '-') || ' ' ||\n"
  "  ifnull (b.community_code, '-') || ' ' || ifnull (b.building, '-') || ' ' ||\n"
  "  ifnull (b.doctor_due, '-') || ' ' || ifnull (b.nurse_due, '-') || ' ' || ifnull (b.last_round_on, '-') AS x\n"
  "  FROM home_bed b ORDER BY b.uuid)",
  "SELECT group_concat (x, ' | ') FROM (SELECT o.uuid || ' ' || o.status || ' ' || o.round_date || ' ' ||\n"
  "  ifnull (o.start_minute, '-') || ' ' || ifnull (o.end_minute, '-') || ' ' || o.kind || ' ' ||\n"
  "  ifnull ((SELECT uuid FROM staff WHERE id = o.staff_id), '-') || ' ' || o.staff_role || ' ' ||\n"
  "  ifnull (o.temperature, '-') || ' ' || ifnull (o.pulse, '-') || ' ' || ifnull (o.respiration, '-') || ' ' ||\n"
  "  ifnull (o.sbp, '-') || ' ' || ifnull (o.dbp, '-') || ' ' || ifnull (o.spo2, '-') || ' ' ||\n"
  "  ifnull (o.glucose, '-') || ' ' || ifnull (o.pain, '-') || ' ' || ifnull (o.weight, '-') || ' ' ||\n"
  "  ifnull (o.note, '-') || ' ' || o.procedures || ' ' || o.pressure_stage || ' ' || ifnull (o.next_round, '-') AS x\n"
  "  FROM home_bed_round o ORDER BY o.uuid)",
  "SELECT group_concat (x, ' | ') FROM (SELECT w.uuid || ' ' || w.status || ' ' ||\n"
  "  (SELECT uuid FROM home_bed_assessment WHERE id = w.assessment_id) || ' ' || w.renewed_on || ' ' ||\n"
  "  w.cycle_no || ' ' || w.cycle_start || ' ' || w.cycle_end AS x FROM home_bed_renewal w ORDER BY w.uuid)",
  "SELECT uuid || ' ' || cycle_days || ' ' || assessment_working_days || ' ' || admission_note_hours || ' ' ||\n"
  "  doctor_round_max_days || ' ' || renewal_window_days FROM home_bed_policy",
};

static void
assert_same_rows (JyStore *a,
                  JyStore *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows_sql); i++)
    {
      g_autofree char *on_a = jy_test_text (a, rows_sql[i]);
      g_autofree char *on_b = jy_test_text (b, rows_sql[i]);

      g_assert_cmpstr (on_a, ==, on_b);
    }
}

typedef struct
{
  gint64 staff_id;
} RoundsJob;

static gpointer
rounds_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  RoundsJob *job = data;
  g_autoptr(GPtrArray) rows = NULL;
  GString *text = g_string_new (NULL);
  GDate today = today_date ();

  if ((rows = jy_home_bed_store_todays_rounds (db, job->staff_id, &today, error)) == NULL)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      JyHomeBedDueRow *row = g_ptr_array_index (rows, i);
      char due[11];

      g_date_strftime (due, sizeof due, "%Y-%m-%d", &row->due);
      g_string_append_printf (text, "%s %s %d %s %u;", row->bed_number, row->resident_name, row->kind, due,
                              row->days_overdue);
    }
  return g_string_free (text, FALSE);
}

/* What "today's rounds" shows @staff_uuid on @store. */
static char *
todays_rounds (JyStore    *store,
               const char *staff_uuid)
{
  g_autoptr(GError) error = NULL;
  RoundsJob job = { id_of (store, "staff", staff_uuid) };
  char *text = jy_store_read (store, rounds_func, &job, NULL, &error);

  g_assert_no_error (error);
  return text;
}

/* ---- the tests ----------------------------------------------------------- */

static JyHomeBedRound
nursing_round (void)
{
  JyHomeBedRound r;

  jy_home_bed_round_init (&r);
  r.date = day ("2026-11-20");
  r.start_minute = 9 * 60;
  r.end_minute = 9 * 60 + 40;
  r.kind = JY_HOME_BED_ROUND_NURSING;
  r.vitals[JY_HOME_BED_VITAL_TEMPERATURE] = 36.7;
  r.vitals[JY_HOME_BED_VITAL_PULSE] = 76;
  r.vitals[JY_HOME_BED_VITAL_RESPIRATION] = 18;
  r.vitals[JY_HOME_BED_VITAL_SBP] = 138;
  r.vitals[JY_HOME_BED_VITAL_DBP] = 82;
  r.vitals[JY_HOME_BED_VITAL_SPO2] = 96;
  r.vitals[JY_HOME_BED_VITAL_PAIN] = 3;
  r.note = "骶尾部压疮换药，创面好转";
  r.procedures = JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_DRESSING)
                 | JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_PRESSURE_CARE);
  r.pressure_stage = JY_PRESSURE_STAGE_2;
  r.next_round = day ("2026-11-23");
  return r;
}

/* A applies, assesses, admits and a nurse logs a round; B pulls the same
 * rows and "today's rounds"; B's doctor's round comes back to A; a renewal
 * and its re-assessment reach C, which pulls everything at once. */
static void
test_home_bed_converges (Fixture       *fx,
                         gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) a1 = NULL, b1 = NULL, b2 = NULL, a2 = NULL, a3 = NULL, b3 = NULL, c1 = NULL;
  g_autoptr(JySyncSummary) b4 = NULL, a4 = NULL;
  g_autofree char *resident = NULL, *bed_uuid = NULL, *round_uuid = NULL, *assess_uuid = NULL;
  g_autofree char *app_uuid = NULL, *policy_uuid = NULL, *reassess_uuid = NULL;
  g_autofree char *nurse_a = NULL, *nurse_b = NULL, *doctor_a = NULL, *doctor_b = NULL;
  BedJob job = { 0 };
  BedJob on_b = { 0 };

  if (base_url == NULL)
    return;
  copy_workstations (fx);
  resident = jy_test_add_resident (fx->a, "测试卧", "1938-04-05");
  job.resident_uuid = resident;
  job.policy = JY_HOME_BED_POLICY_DEFAULT;
  job.policy.cycle_days = 60;
  job.policy.renewal_window_days = 10;
  write_ok (fx->a, admit_func, &job);
  act_as (fx->a, job.nurse_uuid, JY_ROLE_NURSE);
  job.round = nursing_round ();
  job.action = ACT_ROUND;
  write_ok (fx->a, act_func, &job);
  act_as (fx->a, NULL, JY_ROLE_SYSTEM);

  bed_uuid = uuid_of (fx->a, "home_bed", job.bed_id);
  round_uuid = jy_test_text (fx->a, "SELECT uuid FROM home_bed_round");
  assess_uuid = jy_test_text (fx->a, "SELECT uuid FROM home_bed_assessment");
  app_uuid = jy_test_text (fx->a, "SELECT uuid FROM home_bed_application");
  policy_uuid = jy_test_text (fx->a, "SELECT uuid FROM home_bed_policy");

  a1 = sync_ok (fx->a);
  g_assert_cmpuint (a1->rejected, ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, pending_sql), ==, 0);

  /* The platform holds a home-bed EpisodeOfCare and an HH Encounter with
   * LOINC vitals. */
  {
    g_autofree char *text = server_text ("Encounter", round_uuid);
    g_autofree char *bed_text = server_text ("EpisodeOfCare", bed_uuid);

    g_assert_nonnull (strstr (text, "\"HH\""));
    g_assert_nonnull (strstr (text, "\"9279-1\""));
    g_assert_nonnull (strstr (text, "\"85354-9\""));
    g_assert_nonnull (strstr (text, "\"8480-6\""));
    g_assert_nonnull (strstr (text, "\"59408-5\""));
    g_assert_nonnull (strstr (text, "\"72514-3\""));
    g_assert_nonnull (strstr (text, "\"pressure-care\""));
    g_assert_nonnull (strstr (bed_text, "\"home-bed\""));
  }

  /* B pulls the same rows, derived columns included, and the same
   * "today's rounds"; no follow-up, no contract, no conflict. */
  b1 = sync_ok (fx->b);
  g_assert_cmpuint (b1->conflicts, ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM sync_conflict"), ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM home_bed_round"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM followup"), ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM contract"), ==, 0);
  assert_same_rows (fx->a, fx->b);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_home_bed_application, app_uuid);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_home_bed_assessment, assess_uuid);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_home_bed, bed_uuid);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_home_bed_round, round_uuid);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_home_bed_policy, policy_uuid);
  nurse_a = todays_rounds (fx->a, job.nurse_uuid);
  nurse_b = todays_rounds (fx->b, job.nurse_uuid);
  doctor_a = todays_rounds (fx->a, job.doctor_uuid);
  doctor_b = todays_rounds (fx->b, job.doctor_uuid);
  g_assert_cmpstr (nurse_a, ==, nurse_b);
  g_assert_cmpstr (doctor_a, ==, doctor_b);
  /* The nurse planned the next visit for today; the doctor's first
   * round, due on the day of admission, is five days overdue. */
  g_assert_cmpstr (nurse_b, ==, "JC2026-101 测试卧 1 2026-11-23 0;");
  g_assert_cmpstr (doctor_b, ==, "JC2026-101 测试卧 0 2026-11-18 5;");
  /* The route columns come from the resident, as on admission. */
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM home_bed b JOIN resident r ON r.id = b.resident_id\n"
                                         "WHERE b.community_code IS r.area_code AND b.building IS NOT NULL"), ==, 1);

  /* B's doctor logs a round; A pulls it and recomputes the same. */
  on_b.bed_id = id_of (fx->b, "home_bed", bed_uuid);
  on_b.round = nursing_round ();
  on_b.round.kind = JY_HOME_BED_ROUND_DOCTOR;
  on_b.round.date = day ("2026-11-21");
  on_b.round.procedures = 0;
  on_b.round.pressure_stage = JY_PRESSURE_STAGE_NONE;
  on_b.round.note = "查床：病情稳定";
  g_date_clear (&on_b.round.next_round, 1);
  act_as (fx->b, job.doctor_uuid, JY_ROLE_DOCTOR);
  on_b.action = ACT_ROUND;
  write_ok (fx->b, act_func, &on_b);
  act_as (fx->b, NULL, JY_ROLE_SYSTEM);
  b2 = sync_ok (fx->b);
  g_assert_cmpuint (b2->sent, ==, 1);
  a2 = sync_ok (fx->a);
  g_assert_cmpuint (a2->conflicts, ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM home_bed_round"), ==, 2);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM home_bed_round WHERE kind = '1'"), ==, 1);
  assert_same_rows (fx->a, fx->b);
  {
    g_autofree char *d_a = todays_rounds (fx->a, job.doctor_uuid);
    g_autofree char *d_b = todays_rounds (fx->b, job.doctor_uuid);

    g_assert_cmpstr (d_a, ==, d_b);
  }

  /* A re-assesses and renews: the renewal travels inside the bed. */
  write_ok (fx->a, renew_func, &job);
  reassess_uuid = uuid_of (fx->a, "home_bed_assessment", job.assessment_id);
  a3 = sync_ok (fx->a);
  g_assert_cmpuint (a3->rejected, ==, 0);
  b3 = sync_ok (fx->b);
  g_assert_cmpuint (b3->conflicts, ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM home_bed_renewal"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT cycle_no FROM home_bed"), ==, 2);
  assert_same_rows (fx->a, fx->b);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_home_bed, bed_uuid);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_home_bed_assessment, reassess_uuid);

  /* C, set up with B but never synced, pulls it all at once: the
   * re-assessment arrives before its bed and is linked once the bed is. */
  c1 = sync_ok (fx->c);
  g_assert_cmpuint (c1->conflicts, ==, 0);
  g_assert_cmpint (jy_test_count (fx->c, "SELECT count(*) FROM sync_conflict"), ==, 0);
  g_assert_cmpint (jy_test_count (fx->c, "SELECT count(*) FROM home_bed_assessment WHERE home_bed_id IS NOT NULL"), ==, 1);
  assert_same_rows (fx->a, fx->c);
  {
    g_autofree char *n_a = todays_rounds (fx->a, job.nurse_uuid);
    g_autofree char *n_c = todays_rounds (fx->c, job.nurse_uuid);

    g_assert_cmpstr (n_a, ==, n_c);
  }

  /* Nothing echoes back. */
  b4 = sync_ok (fx->b);
  g_assert_cmpuint (b4->sent, ==, 0);
  a4 = sync_ok (fx->a);
  g_assert_cmpuint (a4->sent, ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, pending_sql), ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, pending_sql), ==, 0);

  g_free (job.doctor_uuid);
  g_free (job.nurse_uuid);
}

/* Both workstations discharge the bed; A's reaches the platform first: B
 * gets a conflict and keeps its record until the user chooses. The
 * centre's policy, edited on B, reaches A. */
static void
test_concurrent_discharge_conflict (Fixture       *fx,
                                    gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) a1 = NULL, b1 = NULL, a2 = NULL, b2 = NULL, b3 = NULL, a3 = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *resident = NULL, *bed_uuid = NULL, *policy_a = NULL;
  BedJob job = { 0 };
  BedJob on_b = { 0 };
  JySyncConflict *conflict;

  if (base_url == NULL)
    return;
  copy_workstations (fx);
  resident = jy_test_add_resident (fx->a, "测试床", "1940-01-01");
  job.resident_uuid = resident;
  job.policy = JY_HOME_BED_POLICY_DEFAULT;
  write_ok (fx->a, admit_func, &job);
  bed_uuid = uuid_of (fx->a, "home_bed", job.bed_id);
  a1 = sync_ok (fx->a);
  b1 = sync_ok (fx->b);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM home_bed"), ==, 1);

  job.discharge.discharged_on = day ("2026-11-23");
  job.discharge.reason = JY_DISCHARGE_REASON_IMPROVED;
  job.discharge.summary = "好转，撤床";
  job.discharge.signed_by = id_of (fx->a, "staff", job.doctor_uuid);
  job.action = ACT_DISCHARGE;
  write_ok (fx->a, act_func, &job);
  on_b.bed_id = id_of (fx->b, "home_bed", bed_uuid);
  on_b.discharge.discharged_on = day ("2026-11-22");
  on_b.discharge.reason = JY_DISCHARGE_REASON_TRANSFERRED;
  on_b.discharge.summary = "转住院";
  on_b.discharge.signed_by = id_of (fx->b, "staff", job.doctor_uuid);
  on_b.action = ACT_DISCHARGE;
  write_ok (fx->b, act_func, &on_b);

  a2 = sync_ok (fx->a);
  g_assert_cmpuint (a2->rejected, ==, 0);
  b2 = sync_ok (fx->b);
  g_assert_cmpuint (b2->conflicts, ==, 1);
  conflicts = jy_store_read (fx->b, jy_sync_conflict_list, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->kind, ==, "edit");
  g_assert_cmpstr (conflict->entity, ==, "home_bed");
  g_assert_nonnull (strstr (conflict->mine, "转住院"));
  g_assert_nonnull (strstr (conflict->theirs, "好转，撤床"));
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM home_bed WHERE discharge_summary = '转住院'"), ==, 1);

  /* B takes A's discharge: both end the same, derived columns included. */
  jy_test_resolve (fx->b, conflict->id, JY_SYNC_KEEP_THEIRS);
  b3 = sync_ok (fx->b);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM home_bed WHERE discharge_summary = '好转，撤床'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM home_bed WHERE doctor_due IS NULL AND nurse_due IS NULL"), ==, 1);
  assert_same_rows (fx->a, fx->b);

  /* The policy travels: B's manager changes it, A pulls it. */
  on_b.policy = JY_HOME_BED_POLICY_DEFAULT;
  on_b.policy.cycle_days = 45;
  on_b.policy.doctor_round_max_days = 5;
  on_b.action = ACT_POLICY;
  write_ok (fx->b, act_func, &on_b);
  g_clear_pointer (&b3, jy_sync_summary_free);
  b3 = sync_ok (fx->b);
  g_assert_cmpuint (b3->sent, ==, 1);
  a3 = sync_ok (fx->a);
  g_assert_cmpuint (a3->conflicts, ==, 0);
  policy_a = jy_test_text (fx->a, "SELECT cycle_days || ' ' || doctor_round_max_days FROM home_bed_policy");
  g_assert_cmpstr (policy_a, ==, "45 5");
  assert_same_rows (fx->a, fx->b);

  g_free (job.doctor_uuid);
  g_free (job.nurse_uuid);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GSubprocess) server = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

  server = jy_test_start_fhir_server ("true", &base_url);
  if (server != NULL)
    g_test_message ("FHIR server at %s", base_url);
  else
    return g_printerr ("Bail out! the FHIR server did not start (node, tests/integration/node_modules)\n"), 1;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/integration/sync/home-bed/a bed, its rounds and renewal converge on three workstations",
       test_home_bed_converges);
  ADD ("/integration/sync/home-bed/a discharge on two workstations is a conflict, the policy travels",
       test_concurrent_discharge_conflict);
#undef ADD

  status = g_test_run ();
  g_subprocess_force_exit (server);
  return status;
}
