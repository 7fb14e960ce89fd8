/* test-sync-longrx.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Long prescriptions and their dispenses against a real FHIR R4 server
 * (fhir-server.mjs: Medplum's router over its in-memory repository). Two
 * workstations of one centre, B set up from a copy of A's database before
 * any of the records below; everything is written through the store API
 * the GUI uses. Synthetic people only.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-chronic-store.h"
#include "jy-contract-store.h"
#include "jy-fhir-codec.h"
#include "jy-fhir-row.h"
#include "jy-followup-store.h"
#include "jy-long-rx-store.h"
#include "jy-sync-conflict.h"
#include "test-sync-util.h"
#include "test-util.h"

static char *base_url;

typedef struct
{
  char    *tmpdir;
  char    *path_a;
  char    *path_b;
  JyStore *a;
  JyStore *b;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  if (base_url == NULL)
    {
      g_test_skip ("no FHIR server (node or tests/integration/node_modules missing)");
      return;
    }
  fx->tmpdir = g_dir_make_tmp ("jiayi-sync-longrx-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path_a = g_build_filename (fx->tmpdir, "a.db", NULL);
  fx->path_b = g_build_filename (fx->tmpdir, "b.db", NULL);
  fx->a = jy_test_workstation_new (fx->path_a);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  g_clear_object (&fx->a);
  g_clear_object (&fx->b);
  if (fx->tmpdir != NULL)
    jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path_a);
  g_free (fx->path_b);
}

/* B joins A's centre from a copy of A's database (sync.md: a second
 * workstation is set up from a backup), taken before the care below. */
static void
copy_workstation (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (fx->path_a);
  g_autoptr(GFile) to = g_file_new_for_path (fx->path_b);

  g_clear_object (&fx->a);
  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fx->a = jy_store_open (fx->path_a, &error);
  g_assert_no_error (error);
  fx->b = jy_store_open (fx->path_b, &error);
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
  for (guint i = 0; summary->rejections != NULL && i < summary->rejections->len; i++)
    g_test_message ("rejected: %s", ((JySyncRejection *)g_ptr_array_index (summary->rejections, i))->reason);
  return summary;
}

static const char pending_sql[] = "SELECT count(*) FROM outbox WHERE state <> 'done'";

/* ---- A's records, through the store API ------------------------------ */

typedef struct
{
  const char *resident_uuid;
  const char *drug_code;     /* of the prescription's first item */
  gboolean    reuse_staff;   /* the doctor and team already there */
  char       *rx_uuid;
  gint64      rx_id;
} CareJob;

static gboolean
insert_synced (JyDb        *db,
               const char  *sql,
               const char  *entity,
               GError     **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  g_autofree char *uuid = g_uuid_string_random ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  return jy_db_step_done (db, stmt, error) &&
         jy_store_record_change (db, entity, uuid, JY_CHANGE_CREATE, 1, NULL, error);
}

/* A doctor and a team; the resident enrolled for hypertension, seen at
 * the clinic on 2025-01-05 (controlled), signed on 2025-01-02; then an
 * 84-day prescription (3 × 28) issued on 2025-01-10. */
static gpointer
care_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  static const char staff_sql[] =
    "INSERT INTO staff (uuid, created_at, updated_at, site_id, name, role, phone)\n"
    "VALUES (?1, '2025-01-01T01:00:00Z', '2025-01-01T01:00:00Z', (SELECT id FROM site), '测试医生',\n"
    "  'doctor', '13900000001')";
  static const char team_sql[] =
    "INSERT INTO team (uuid, created_at, updated_at, site_id, code, name, lead_staff_id)\n"
    "VALUES (?1, '2025-01-01T01:00:00Z', '2025-01-01T01:00:00Z', (SELECT id FROM site), 'T01',\n"
    "  '测试团队', (SELECT max(id) FROM staff))";
  static const char member_sql[] =
    "INSERT INTO team_member (uuid, created_at, updated_at, team_id, staff_id, role, start_date,\n"
    "  institution) VALUES (?1, '2025-01-01T01:00:00Z', '2025-01-01T01:00:00Z',\n"
    "  (SELECT max(id) FROM team), (SELECT max(id) FROM staff), 'doctor', '2024-01-01', '虚构医院')";
  CareJob *job = data;
  g_autoptr(JyEnrolment) enrolment = jy_enrolment_new (JY_PROGRAMME_HTN);
  g_autoptr(JyFollowup) f = jy_followup_new (JY_PROGRAMME_HTN);
  g_autoptr(JyLongRx) rx = jy_long_rx_new ();
  g_autoptr(JyLongRx) saved = NULL;
  JyFollowupAction action = JY_FOLLOWUP_ACTION_ROUTINE;
  JyLongRxItem *item;
  gint64 staff_id, team_id, resident_id;

  if (!job->reuse_staff &&
      (!insert_synced (db, staff_sql, "staff", error) ||
       !insert_synced (db, team_sql, "team", error) ||
       !insert_synced (db, member_sql, "team_member", error)))
    return NULL;
  if (!jy_db_query_int64 (db, "SELECT max(id) FROM staff", &staff_id, error) ||
      !jy_db_query_int64 (db, "SELECT max(id) FROM team", &team_id, error))
    return NULL;
  {
    sqlite3_stmt *stmt = jy_db_prepare (db, "SELECT id FROM resident WHERE uuid = ?1", error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, job->resident_uuid, -1, SQLITE_STATIC);
    if (jy_db_step (db, stmt, error) != SQLITE_ROW)
      return NULL;
    resident_id = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);
  }

  enrolment->resident_id = resident_id;
  enrolment->icd10 = g_strdup ("I10");
  enrolment->diagnosis_date = g_strdup ("2024-02-29");
  enrolment->enrol_date = g_strdup ("2024-03-01");
  enrolment->diagnosis_institution = g_strdup ("虚构区医院");
  enrolment->doctor_id = staff_id;
  enrolment->team_id = team_id;
  if (!jy_chronic_store_enrol (db, enrolment, error))
    return NULL;

  f->enrolment_id = enrolment->id;
  f->visit_date = g_strdup ("2025-01-05");
  f->mode = JY_VISIT_MODE_CLINIC;
  f->sbp = 128;
  f->dbp = 82;
  f->author_id = staff_id;
  f->author_role = g_strdup ("doctor");
  f->adherence = 1;
  f->classification = JY_FOLLOWUP_CLASS_CONTROLLED;
  f->suggested_class = JY_FOLLOWUP_CLASS_CONTROLLED;
  f->next_visit_date = g_strdup ("2025-04-05");
  f->suggested_next_date = g_strdup ("2025-04-05");
  if (!jy_followup_store_save_visit (db, &f, &action, 1, error))
    return NULL;

  {
    static const char *const packages[] = { "basic", NULL };
    JyContractRequest request;
    g_autoptr(JyContract) contract = NULL;
    GDate today;

    jy_contract_request_init (&request);
    request.resident_id = resident_id;
    request.team_id = team_id;
    request.doctor_id = staff_id;
    g_date_clear (&request.sign_date, 1);
    g_date_set_dmy (&request.sign_date, 2, G_DATE_JANUARY, 2025);
    request.package_codes = packages;
    request.fee_paid = TRUE;
    today = request.sign_date;
    if ((contract = jy_contract_store_sign (db, &request, &today, error)) == NULL)
      return NULL;
  }

  rx->resident_id = resident_id;
  rx->doctor_id = staff_id;
  rx->issue_date = g_strdup ("2025-01-10");
  rx->total_days = 84;
  rx->days_per_dispense = 28;
  rx->assessment_done = TRUE;
  rx->assessment_note = g_strdup ("血压控制满意，规律服药");
  rx->education_given = TRUE;
  rx->patient_confirmed = TRUE;
  item = jy_long_rx_item_new ();
  item->drug_code = g_strdup (job->drug_code);
  item->drug_name = g_strdup ("苯磺酸氨氯地平片");
  item->strength = g_strdup ("5 mg");
  item->unit = g_strdup ("片");
  item->dose = 1;
  item->frequency = JY_DOSE_FREQUENCY_QD;
  item->days = 84;
  item->pack_size = 28;
  item->pack_unit = g_strdup ("盒");
  item->insurance_class = g_strdup ("甲");
  g_ptr_array_add (rx->items, item);
  item = jy_long_rx_item_new ();
  item->drug_code = g_strdup ("D016");
  item->drug_name = g_strdup ("盐酸二甲双胍片");
  item->strength = g_strdup ("0.5 g");
  item->unit = g_strdup ("片");
  item->dose = 0.5;
  item->frequency = JY_DOSE_FREQUENCY_BID;
  item->days = 84;
  item->pack_size = 48;
  item->pack_unit = g_strdup ("盒");
  g_ptr_array_add (rx->items, item);
  if ((saved = jy_long_rx_store_issue (db, rx, error)) == NULL)
    return NULL;
  job->rx_uuid = g_strdup (saved->uuid);
  job->rx_id = saved->id;
  return JY_STORE_DONE;
}

typedef struct
{
  const char *rx_uuid;
  const char *date;
  gboolean    proxy;
  int         instalment;   /* out */
} DispenseJob;

static gpointer
dispense_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  static const char sql[] = "SELECT id, rev FROM long_rx WHERE uuid = ?1";
  DispenseJob *job = data;
  JyLongRxDispenseRequest request = { 0 };
  g_autoptr(JyLongRxDispense) dispense = NULL;
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, job->rx_uuid, -1, SQLITE_STATIC);
  if (jy_db_step (db, stmt, error) != SQLITE_ROW)
    return NULL;
  request.long_rx_id = sqlite3_column_int64 (stmt, 0);
  request.rev = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  request.dispense_date = job->date;
  if (job->proxy)
    {
      request.proxy = TRUE;
      request.proxy_name = "测试明";
      request.proxy_relation = "子";
      request.proxy_id_number = "110105198001010016";
      request.proxy_phone = "13800138009";
      request.authorisation_date = "2025-01-05";
      request.authorisation_ref = "授权书 2025-001";
    }
  if ((dispense = jy_long_rx_store_dispense (db, &request, error)) == NULL)
    return NULL;
  job->instalment = dispense->instalment;
  return JY_STORE_DONE;
}

static int
dispense (JyStore    *store,
          const char *rx_uuid,
          const char *date,
          gboolean    proxy)
{
  g_autoptr(GError) error = NULL;
  DispenseJob job = { rx_uuid, date, proxy, 0 };

  jy_store_write (store, dispense_func, &job, NULL, &error);
  g_assert_no_error (error);
  return job.instalment;
}

typedef struct
{
  const char *rx_uuid;
  gboolean    stop;
} EditJob;

/* A's review (复诊) or B's stop of the same prescription, as the dialogs do. */
static gpointer
edit_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  static const char sql[] = "SELECT id, rev FROM long_rx WHERE uuid = ?1";
  EditJob *job = data;
  g_autoptr(JyLongRx) rx = NULL;
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  gint64 id, rev;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, job->rx_uuid, -1, SQLITE_STATIC);
  if (jy_db_step (db, stmt, error) != SQLITE_ROW)
    return NULL;
  id = sqlite3_column_int64 (stmt, 0);
  rev = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  if (job->stop)
    rx = jy_long_rx_store_stop (db, id, rev, JY_LONG_RX_STOP_ADVERSE_REACTION, "2025-03-05", "踝部水肿", error);
  else
    rx = jy_long_rx_store_review (db, id, rev, "2025-03-05", "2025-03-31", "血压平稳", error);
  return rx != NULL ? JY_STORE_DONE : NULL;
}

static void
edit (JyStore    *store,
      const char *rx_uuid,
      gboolean    stop)
{
  g_autoptr(GError) error = NULL;
  EditJob job = { rx_uuid, stop };

  jy_store_write (store, edit_func, &job, NULL, &error);
  g_assert_no_error (error);
}

/* Every column of the prescriptions, items and dispenses but the local
 * ids and bookkeeping, derived ones included. */
static const char rows_sql[] =
  "SELECT group_concat (line, '\n') FROM (\n"
  "  SELECT r.uuid || ' ' || r.status || ' ' || r.rx_no || ' ' || p.uuid || ' ' || s.uuid || ' ' ||\n"
  "    t.uuid || ' ' || r.issue_date || ' ' || ifnull (r.diagnosis_code, '-') || ' ' ||\n"
  "    ifnull (r.diagnosis_text, '-') || ' ' || r.total_days || ' ' || r.days_per_dispense || ' ' ||\n"
  "    r.assessment_done || r.education_given || r.patient_confirmed || ' ' ||\n"
  "    ifnull (r.assessment_note, '-') || ' ' || ifnull (r.review_date, '-') || ' ' ||\n"
  "    ifnull (r.stop_date, '-') || ' ' || ifnull (r.stop_reason, '-') || ' ' || ifnull (r.stop_note, '-') || ' ' ||\n"
  "    r.end_date || ' ' || r.dispensed || ' ' || ifnull (r.next_due_date, '-') || ' ' || r.open AS line\n"
  "  FROM long_rx r JOIN resident p ON p.id = r.resident_id JOIN staff s ON s.id = r.doctor_id\n"
  "    LEFT JOIN team t ON t.id = r.team_id\n"
  "  UNION ALL\n"
  "  SELECT r.uuid || ' #' || i.position || ' ' || ifnull (i.drug_code, '-') || ' ' || i.drug_name || ' ' ||\n"
  "    ifnull (i.strength, '-') || ' ' || i.dose || ' ' || i.frequency || ' ' || i.days || ' ' ||\n"
  "    i.pack_size || ' ' || ifnull (i.pack_unit, '-') || ' ' || i.packs || ' ' || i.exclusions || ' ' ||\n"
  "    i.flags || ' ' || ifnull (i.insurance_class, '-')\n"
  "  FROM long_rx_item i JOIN long_rx r ON r.id = i.long_rx_id\n"
  "  UNION ALL\n"
  "  SELECT d.uuid || ' ' || d.status || ' ' || r.uuid || ' ' || d.instalment || ' ' || d.dispense_date || ' ' ||\n"
  "    d.days || ' ' || d.receiver || ' ' || ifnull (d.proxy_name, '-') || ' ' ||\n"
  "    ifnull (d.proxy_relation, '-') || ' ' || ifnull (d.proxy_id_number, '-') || ' ' ||\n"
  "    ifnull (d.proxy_phone, '-') || ' ' || ifnull (d.authorisation_date, '-') || ' ' ||\n"
  "    ifnull (d.authorisation_ref, '-') || ' ' || d.items\n"
  "  FROM long_rx_dispense d JOIN long_rx r ON r.id = d.long_rx_id\n"
  "  ORDER BY 1)";

typedef struct
{
  JyLongRxWorklistKind kind;
  const char          *today;
} CountJob;

static gpointer
count_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  CountJob *job = data;
  JyLongRxWorklistQuery query;

  jy_long_rx_worklist_query_init (&query, job->kind);
  g_strlcpy (query.today, job->today, sizeof query.today);
  return jy_long_rx_worklist_count (db, &query, cancellable, error);
}

/* The three worklists' counts on @today, "due review expiring". */
static char *
worklists (JyStore    *store,
           const char *today)
{
  g_autoptr(GError) error = NULL;
  CountJob job = { JY_LONG_RX_WORKLIST_DUE, today };
  g_autofree JyLongRxWorklistCounts *counts = jy_store_read (store, count_func, &job, NULL, &error);

  g_assert_no_error (error);
  return g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                          counts->due, counts->review, counts->expiring);
}

static void
assert_same_rows (JyStore *a,
                  JyStore *b)
{
  g_autofree char *rows_a = jy_test_text (a, rows_sql);
  g_autofree char *rows_b = jy_test_text (b, rows_sql);

  g_assert_cmpstr (rows_a, ==, rows_b);
}

/* A issues, hands out the first instalment to the patient and the second
 * to a proxy, syncs; B pulls the same rows and worklists; B hands out the
 * third and A pulls it; then a review on A and a stop on B of the same
 * prescription meet as a conflict. */
static void
test_prescription_and_dispenses_converge (Fixture       *fx,
                                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *resident = NULL;
  g_autofree char *derived = NULL;
  g_autofree char *lists_a = NULL, *lists_b = NULL;
  g_autofree char *proxy_uuid = NULL;
  g_autoptr(JySyncSummary) a1 = NULL, b1 = NULL, b2 = NULL, a2 = NULL, a3 = NULL, b3 = NULL, b4 = NULL;
  CareJob job = { .drug_code = "D003" };

  if (base_url == NULL)
    return;
  copy_workstation (fx);
  resident = jy_test_add_resident (fx->a, "测试卯", "1950-06-01");
  job.resident_uuid = resident;
  jy_store_write (fx->a, care_func, &job, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dispense (fx->a, job.rx_uuid, "2025-01-10", FALSE), ==, 1);
  g_assert_cmpint (dispense (fx->a, job.rx_uuid, "2025-02-01", TRUE), ==, 2);
  proxy_uuid = jy_test_text (fx->a, "SELECT uuid FROM long_rx_dispense WHERE receiver = 'proxy'");

  a1 = sync_ok (fx->a);
  g_assert_cmpuint (a1->rejected, ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, pending_sql), ==, 0);
  /* The platform holds a continuous MedicationRequest and two dispenses. */
  {
    g_autofree char *query = g_strdup_printf ("MedicationDispense?identifier=urn:jiayi:long_rx_dispense|%s",
                                              proxy_uuid);

    g_assert_cmpint (jy_test_server_count (base_url, query), ==, 1);
    g_clear_pointer (&query, g_free);
    query = g_strdup_printf ("MedicationRequest?identifier=urn:jiayi:long_rx|%s", job.rx_uuid);
    g_assert_cmpint (jy_test_server_count (base_url, query), ==, 1);
  }

  b1 = sync_ok (fx->b);
  g_assert_cmpuint (b1->conflicts, ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM sync_conflict"), ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM long_rx"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM long_rx_item"), ==, 2);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM long_rx_dispense"), ==, 2);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_long_rx, job.rx_uuid);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_long_rx_dispense, proxy_uuid);
  assert_same_rows (fx->a, fx->b);
  /* Derived: end of supply, two out, the third due on 2025-03-07. */
  derived = jy_test_text (fx->b, "SELECT end_date || ' ' || dispensed || ' ' || next_due_date || ' ' || open\n"
                                 "FROM long_rx");
  g_assert_cmpstr (derived, ==, "2025-04-03 2 2025-03-07 1");
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM long_rx_dispense WHERE proxy_id_number =\n"
                                         "  '110105198001010016' AND proxy_relation = '子'"), ==, 1);
  lists_a = worklists (fx->a, "2025-03-03");
  lists_b = worklists (fx->b, "2025-03-03");
  g_assert_cmpstr (lists_a, ==, lists_b);
  g_assert_cmpstr (lists_b, ==, "1 0 0");
  /* Nothing echoes back. */
  b2 = sync_ok (fx->b);
  g_assert_cmpuint (b2->sent, ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, pending_sql), ==, 0);

  /* B hands out the third instalment; A pulls it. */
  g_assert_cmpint (dispense (fx->b, job.rx_uuid, "2025-03-01", FALSE), ==, 3);
  b3 = sync_ok (fx->b);
  g_assert_cmpuint (b3->sent, ==, 1);
  a2 = sync_ok (fx->a);
  g_assert_cmpuint (a2->conflicts, ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM long_rx_dispense"), ==, 3);
  g_clear_pointer (&derived, g_free);
  derived = jy_test_text (fx->a, "SELECT dispensed || ' ' || ifnull (next_due_date, '-') FROM long_rx");
  g_assert_cmpstr (derived, ==, "3 -");
  assert_same_rows (fx->a, fx->b);
  g_clear_pointer (&lists_a, g_free);
  g_clear_pointer (&lists_b, g_free);
  lists_a = worklists (fx->a, "2025-03-03");
  lists_b = worklists (fx->b, "2025-03-03");
  g_assert_cmpstr (lists_a, ==, lists_b);
  g_assert_cmpstr (lists_a, ==, "0 0 0");

  /* A records a review, B stops it meanwhile: the second to sync gets a
   * conflict, not a silent overwrite. */
  edit (fx->a, job.rx_uuid, FALSE);
  edit (fx->b, job.rx_uuid, TRUE);
  a3 = sync_ok (fx->a);
  g_assert_cmpuint (a3->sent, ==, 1);
  b4 = sync_ok (fx->b);
  g_assert_cmpuint (b4->conflicts, ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM sync_conflict WHERE entity = 'long_rx'\n"
                                         "  AND kind = 'edit' AND state = 'open'"), ==, 1);
  /* B's stop is kept until the user chooses. */
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM long_rx WHERE status = 'stopped'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM long_rx WHERE review_date = '2025-03-31'"), ==, 1);

  g_free (job.rx_uuid);
}

/* The same instalment handed out offline on both workstations: each
 * stores its own and the other's arrives as an "invalid" conflict naming
 * the instalment, never a second final dispense of it. */
static void
test_same_instalment_twice_is_a_conflict (Fixture       *fx,
                                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *resident = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(JySyncSummary) a1 = NULL, b1 = NULL, a2 = NULL, b2 = NULL, a3 = NULL;
  CareJob job = { .drug_code = "D003" };

  if (base_url == NULL)
    return;
  copy_workstation (fx);
  resident = jy_test_add_resident (fx->a, "测试辰", "1948-03-01");
  job.resident_uuid = resident;
  jy_store_write (fx->a, care_func, &job, NULL, &error);
  g_assert_no_error (error);
  a1 = sync_ok (fx->a);
  b1 = sync_ok (fx->b);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM long_rx"), ==, 1);

  g_assert_cmpint (dispense (fx->a, job.rx_uuid, "2025-01-10", FALSE), ==, 1);
  g_assert_cmpint (dispense (fx->b, job.rx_uuid, "2025-01-11", FALSE), ==, 1);
  a2 = sync_ok (fx->a);
  b2 = sync_ok (fx->b);
  g_assert_cmpuint (b2->sent, ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM long_rx_dispense"), ==, 1);
  reason = jy_test_text (fx->b, "SELECT reason FROM sync_conflict WHERE entity = 'long_rx_dispense'\n"
                                "  AND kind = 'invalid' AND state = 'open'");
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "instalment 1"));
  a3 = sync_ok (fx->a);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM long_rx_dispense"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM sync_conflict WHERE entity = 'long_rx_dispense'\n"
                                         "  AND kind = 'invalid'"), ==, 1);
  /* Each side's worklist still says what it handed out. */
  g_assert_cmpint (jy_test_count (fx->a, "SELECT dispensed FROM long_rx"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT dispensed FROM long_rx"), ==, 1);
  g_free (job.rx_uuid);
}

typedef struct
{
  const char *rx_uuid;
  char       *renewal_uuid;   /* out */
} RenewJob;

/* The same two drugs and doses for 28 more days, from 2025-03-20. */
static gpointer
renew_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  static const char sql[] = "SELECT id, rev FROM long_rx WHERE uuid = ?1";
  RenewJob *job = data;
  g_autoptr(JyLongRx) old = NULL;
  g_autoptr(JyLongRx) renewal = NULL;
  g_autoptr(JyLongRx) saved = NULL;
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  gint64 id, rev;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, job->rx_uuid, -1, SQLITE_STATIC);
  if (jy_db_step (db, stmt, error) != SQLITE_ROW)
    return NULL;
  id = sqlite3_column_int64 (stmt, 0);
  rev = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  if ((old = jy_long_rx_store_load (db, id, error)) == NULL)
    return NULL;
  renewal = jy_long_rx_copy (old);
  g_clear_pointer (&renewal->uuid, g_free);
  g_clear_pointer (&renewal->rx_no, g_free);
  g_clear_pointer (&renewal->review_date, g_free);
  g_free (renewal->issue_date);
  renewal->issue_date = g_strdup ("2025-03-20");
  renewal->id = 0;
  renewal->total_days = 28;
  renewal->state = JY_LONG_RX_STATE_ACTIVE;
  for (guint i = 0; i < renewal->items->len; i++)
    ((JyLongRxItem *)g_ptr_array_index (renewal->items, i))->days = 28;
  if ((saved = jy_long_rx_store_renew (db, id, rev, renewal, error)) == NULL)
    return NULL;
  job->renewal_uuid = g_strdup (saved->uuid);
  return JY_STORE_DONE;
}

/* A renews the prescription; B pulls both, the old one renewed and the
 * new one linked to it (priorPrescription), and can hand the renewal's
 * first instalment to a proxy: it repeats the prescription it renews. */
static void
test_renewal_converges_with_its_link (Fixture       *fx,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *resident = NULL;
  g_autofree char *link = NULL;
  g_autoptr(JySyncSummary) a1 = NULL, b1 = NULL, a2 = NULL, b2 = NULL, b3 = NULL, a3 = NULL;
  CareJob job = { .drug_code = "D003" };
  RenewJob renew = { NULL };

  if (base_url == NULL)
    return;
  copy_workstation (fx);
  resident = jy_test_add_resident (fx->a, "测试午", "1945-05-05");
  job.resident_uuid = resident;
  jy_store_write (fx->a, care_func, &job, NULL, &error);
  g_assert_no_error (error);
  a1 = sync_ok (fx->a);
  b1 = sync_ok (fx->b);
  renew.rx_uuid = job.rx_uuid;
  jy_store_write (fx->a, renew_func, &renew, NULL, &error);
  g_assert_no_error (error);
  a2 = sync_ok (fx->a);
  g_assert_cmpuint (a2->sent, ==, 2);
  b2 = sync_ok (fx->b);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM sync_conflict"), ==, 0);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_long_rx, job.rx_uuid);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_long_rx, renew.renewal_uuid);
  assert_same_rows (fx->a, fx->b);
  link = jy_test_text (fx->b, "SELECT o.status || ' ' || o.open || ' ' || n.status || ' ' || n.open || ' ' ||\n"
                              "  n.end_date || ' ' || n.next_due_date\n"
                              "FROM long_rx n JOIN long_rx o ON o.id = n.renews_id");
  g_assert_cmpstr (link, ==, "renewed 0 active 1 2025-04-16 2025-03-20");
  g_assert_cmpint (dispense (fx->b, renew.renewal_uuid, "2025-03-20", TRUE), ==, 1);
  b3 = sync_ok (fx->b);
  a3 = sync_ok (fx->a);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM long_rx_dispense WHERE receiver = 'proxy'"), ==, 1);
  assert_same_rows (fx->a, fx->b);
  g_free (job.rx_uuid);
  g_free (renew.renewal_uuid);
}

/* Prescription numbers are made on each workstation: two issued offline
 * on the same day can share one. The second to arrive stores nothing and
 * says why in the conflict inbox. */
static void
test_same_prescription_number_is_a_conflict (Fixture       *fx,
                                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL;
  g_autofree char *reason = NULL, *number_a = NULL, *number_b = NULL;
  g_autoptr(JySyncSummary) a1 = NULL, b1 = NULL, a2 = NULL, b2 = NULL;
  CareJob first = { .drug_code = "D003" };
  CareJob on_a = { .drug_code = "D003", .reuse_staff = TRUE };
  CareJob on_b = { .drug_code = "D003", .reuse_staff = TRUE };

  if (base_url == NULL)
    return;
  copy_workstation (fx);
  r1 = jy_test_add_resident (fx->a, "测试未", "1944-04-04");
  first.resident_uuid = r1;
  jy_store_write (fx->a, care_func, &first, NULL, &error);
  g_assert_no_error (error);
  a1 = sync_ok (fx->a);
  b1 = sync_ok (fx->b);
  r2 = jy_test_add_resident (fx->a, "测试申", "1943-03-03");
  on_a.resident_uuid = r2;
  jy_store_write (fx->a, care_func, &on_a, NULL, &error);
  g_assert_no_error (error);
  r3 = jy_test_add_resident (fx->b, "测试酉", "1942-02-02");
  on_b.resident_uuid = r3;
  jy_store_write (fx->b, care_func, &on_b, NULL, &error);
  g_assert_no_error (error);
  number_a = jy_test_text (fx->a, "SELECT rx_no FROM long_rx ORDER BY id DESC LIMIT 1");
  number_b = jy_test_text (fx->b, "SELECT rx_no FROM long_rx ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (number_a, ==, number_b);

  a2 = sync_ok (fx->a);
  b2 = sync_ok (fx->b);
  reason = jy_test_text (fx->b, "SELECT reason FROM sync_conflict WHERE entity = 'long_rx' AND kind = 'invalid'");
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, number_a));
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM long_rx"), ==, 2);
  g_free (first.rx_uuid);
  g_free (on_a.rx_uuid);
  g_free (on_b.rx_uuid);
}

static gpointer
add_drug_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(JyDrug) drug = jy_drug_new ();

  drug->code = g_strdup ("X901");
  drug->generic_name = g_strdup ("虚构地平片");
  drug->strength = g_strdup ("5 mg");
  drug->unit = g_strdup ("片");
  drug->pack_size = 28;
  drug->pack_unit = g_strdup ("盒");
  drug->active = TRUE;
  return jy_drug_store_save (db, drug, error) ? JY_STORE_DONE : NULL;
}

/* The catalogue stays on each workstation: A's new drug leaves nothing
 * pending, and B, whose catalogue lacks its code, stores no prescription
 * naming it (nor its dispense) but opens "invalid" conflicts. */
static void
test_unknown_drug_code_is_a_conflict (Fixture       *fx,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *resident = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(JySyncSummary) a1 = NULL, b1 = NULL;
  CareJob job = { .drug_code = "X901" };

  if (base_url == NULL)
    return;
  copy_workstation (fx);
  jy_store_write (fx->a, add_drug_func, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM outbox WHERE entity = 'drug'"), ==, 1);
  /* Nothing waits for the platform, even before a run settles it. */
  {
    g_autoptr(JySyncStatus) status = jy_store_read (fx->a, jy_sync_status_load, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (status->pending, ==,
                     jy_test_count (fx->a, "SELECT count(*) FROM (SELECT DISTINCT entity, row_uuid FROM outbox\n"
                                           "  WHERE state = 'pending' AND entity <> 'drug')"));
    g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM outbox WHERE entity = 'drug'\n"
                                           "  AND state = 'pending'"), ==, 1);
  }
  resident = jy_test_add_resident (fx->a, "测试巳", "1947-09-09");
  job.resident_uuid = resident;
  jy_store_write (fx->a, care_func, &job, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dispense (fx->a, job.rx_uuid, "2025-01-10", FALSE), ==, 1);

  a1 = sync_ok (fx->a);
  g_assert_cmpuint (a1->rejected, ==, 0);
  /* Settled, not sent and not waiting. */
  g_assert_cmpint (jy_test_count (fx->a, pending_sql), ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM outbox WHERE entity = 'drug' AND state = 'done'"), ==, 1);
  g_assert_cmpint (jy_test_server_count (base_url, "Medication?_count=1"), ==, 0);

  b1 = sync_ok (fx->b);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM long_rx"), ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM long_rx_item"), ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM long_rx_dispense"), ==, 0);
  reason = jy_test_text (fx->b, "SELECT reason FROM sync_conflict WHERE entity = 'long_rx' AND kind = 'invalid'");
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "drug catalogue"));
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM sync_conflict WHERE entity = 'long_rx_dispense'\n"
                                         "  AND kind = 'invalid'"), ==, 1);
  g_free (job.rx_uuid);
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
  else if (g_getenv ("JIAYI_REQUIRE_FHIR_SERVER") != NULL)
    {
      g_printerr ("Bail out! the FHIR server did not start (node, tests/integration/node_modules)\n");
      return 1;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/integration/sync/long-rx/prescription and dispenses converge on two workstations",
       test_prescription_and_dispenses_converge);
  ADD ("/integration/sync/long-rx/same instalment handed out twice is a conflict",
       test_same_instalment_twice_is_a_conflict);
  ADD ("/integration/sync/long-rx/renewal converges with its link to what it renews",
       test_renewal_converges_with_its_link);
  ADD ("/integration/sync/long-rx/same prescription number from two workstations is a conflict",
       test_same_prescription_number_is_a_conflict);
  ADD ("/integration/sync/long-rx/unknown drug code is a conflict, the catalogue stays local",
       test_unknown_drug_code_is_a_conflict);
#undef ADD

  status = g_test_run ();
  if (server != NULL)
    g_subprocess_force_exit (server);
  return status;
}
