/* test-sync-services.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract area's remaining records against the real FHIR server
 * (fhir-server.mjs, issue #8): the service-package catalogue
 * (PlanDefinition), services delivered (Procedure) and a team's
 * communities (inside its CareTeam). Workstation A changes them through
 * the store API as the CLI and the windows do; B, set up from a copy of
 * A's database before any of it, pulls identical rows; B's edits come
 * back to A (a voided visit with what it delivered among them); a
 * concurrent edit of one package version is a conflict; and after a sync
 * nothing is left "waiting" on the Sync page.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-contract-store.h"
#include "jy-fhir-codec.h"
#include "jy-fhir-row.h"
#include "jy-package-store.h"
#include "jy-sync-conflict.h"
#include "jy-sync-engine.h"
#include "jy-team-store.h"
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

#define AREA_HAIYUN "359902001001"
#define AREA_LIANHUA "359902001002"
#define AREA_YUNDING "359902001003"

/* Reference data every workstation of the centre has (not synced). */
static const char areas_sql[] =
  "INSERT INTO address_area (code, parent_code, level, name) VALUES\n"
  "  ('359902', NULL, 3, '海滨区'), ('359902001', '359902', 4, '滨海街道'),\n"
  "  ('" AREA_HAIYUN "', '359902001', 5, '海韵社区'), ('" AREA_LIANHUA "', '359902001', 5, '莲花社区'),\n"
  "  ('" AREA_YUNDING "', '359902001', 5, '云顶社区')";

static gpointer
areas_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return jy_db_exec (db, areas_sql, error) ? JY_STORE_DONE : NULL;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  if (base_url == NULL)
    {
      g_test_skip ("no FHIR server (node or tests/integration/node_modules missing)");
      return;
    }
  fx->tmpdir = g_dir_make_tmp ("jiayi-sync-services-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path_a = g_build_filename (fx->tmpdir, "a.db", NULL);
  fx->path_b = g_build_filename (fx->tmpdir, "b.db", NULL);
  fx->a = jy_test_workstation_new (fx->path_a);
  g_assert_true (jy_store_write (fx->a, areas_func, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  /* B joins A's centre from a copy of its database (test-sync-fhir.c). */
  g_clear_object (&fx->a);
  from = g_file_new_for_path (fx->path_a);
  to = g_file_new_for_path (fx->path_b);
  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fx->a = jy_store_open (fx->path_a, &error);
  g_assert_no_error (error);
  fx->b = jy_store_open (fx->path_b, &error);
  g_assert_no_error (error);
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

static JySyncSummary *
sync_ok (JyStore *store)
{
  g_autoptr(GError) error = NULL;
  JySyncSummary *summary = jy_test_sync (store, base_url, 0, &error);

  g_assert_no_error (error);
  g_test_message ("sync: %u sent, %u received, %u rejected, %u conflicts, %u skipped",
                  summary->sent, summary->received, summary->rejected, summary->conflicts,
                  summary->skipped);
  return summary;
}

/* What the Sync page shows as waiting (jy_sync_status_load). */
static gint64
waiting (JyStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JySyncStatus) status = jy_store_read (store, jy_sync_status_load, NULL, NULL, &error);

  g_assert_no_error (error);
  return status->pending;
}

/* ---- what the windows and `jiayi packages` do ----------------------------- */

typedef struct
{
  const char *code;
  gint64      resident_fen;   /* set-fee: the resident's share */
  gboolean    withdraw;
} PackageChange;

static gpointer
package_func (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  PackageChange *change = data;
  g_autoptr(JyPackageRecord) current = jy_package_store_find (db, change->code, error);

  if (current == NULL)
    return NULL;
  if (change->withdraw)
    return jy_package_store_withdraw (db, current->id, current->rev, TRUE, error) ? JY_STORE_DONE : NULL;
  {
    g_autoptr(JyServicePackage) changed = jy_service_package_copy (current->package);
    g_autoptr(JyPackageRecord) saved = NULL;

    changed->annual_fee.resident = change->resident_fen;
    saved = jy_package_store_save (db, changed, current->sort_order, current->id, current->rev, error);
    return saved != NULL ? JY_STORE_DONE : NULL;
  }
}

static void
change_package (JyStore    *store,
                const char *code,
                gint64      resident_fen,
                gboolean    withdraw)
{
  g_autoptr(GError) error = NULL;
  PackageChange change = { code, resident_fen, withdraw };

  g_assert_true (jy_store_write (store, package_func, &change, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
}

typedef struct
{
  const char *code;
  const char *team_code;
} AreaMove;

static gpointer
move_area_func (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  static const char team_sql[] = "SELECT id FROM team WHERE code = ?1";
  AreaMove *move = data;
  sqlite3_stmt *stmt = jy_db_prepare (db, team_sql, error);
  gint64 team_id = 0;
  GDate day;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, move->team_code, -1, SQLITE_STATIC);
  if (jy_db_step (db, stmt, error) == SQLITE_ROW)
    team_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 2, G_DATE_JANUARY, 2025);
  return jy_team_store_move_area (db, move->code, team_id, TRUE, &day, JY_TERMINATION_REASON_CHANGE_OF_TEAM,
                                  NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

/* The Teams dialog's "move a community". */
static void
move_area (JyStore    *store,
           const char *code,
           const char *team_code)
{
  g_autoptr(GError) error = NULL;
  AreaMove move = { code, team_code };

  g_assert_true (jy_store_write (store, move_area_func, &move, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
}

typedef struct
{
  const char *resident_uuid;
  char       *contract_uuid;
} CareJob;

/* Two teams answering for the centre's communities, a contract signed
 * with the elderly package's new version, and the 65+ health check
 * delivered at a home visit. */
static gpointer
care_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  static const char staff_sql[] =
    "INSERT INTO staff (uuid, created_at, updated_at, site_id, name, role, phone)\n"
    "VALUES (?1, '2025-01-01T01:00:00Z', '2025-01-01T01:00:00Z', (SELECT id FROM site), ?2,\n"
    "  'doctor', '13900000001')";
  static const char *const east_areas[] = { AREA_HAIYUN, AREA_LIANHUA, NULL };
  static const char *const west_areas[] = { AREA_YUNDING, NULL };
  static const char *const packages[] = { "basic", "elderly", NULL };
  static const char *const delivered[] = { "elderly-annual-check", NULL };
  CareJob *job = data;
  const char *names[] = { "测试东医生", "测试西医生" };
  gint64 staff[2], east, west, resident_id;
  JyContractRequest request;
  JyContactRequest contact = { 0 };
  g_autoptr(JyContract) contract = NULL;
  GDate today;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      sqlite3_stmt *stmt = jy_db_prepare (db, staff_sql, error);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, names[i], -1, SQLITE_STATIC);
      if (!jy_db_step_done (db, stmt, error))
        return NULL;
      staff[i] = jy_db_last_insert_rowid (db);
      if (!jy_store_record_change (db, "staff", uuid, JY_CHANGE_CREATE, 1, NULL, error))
        return NULL;
    }
  if ((east = jy_team_store_create (db, 0, "T-EAST", "东片团队", staff[0], JY_TEAM_ROLE_DOCTOR,
                                    "2024-01-01", error)) == 0 ||
      (west = jy_team_store_create (db, 0, "T-WEST", "西片团队", staff[1], JY_TEAM_ROLE_DOCTOR,
                                    "2024-01-01", error)) == 0 ||
      !jy_team_store_set_areas (db, east, east_areas, error) ||
      !jy_team_store_set_areas (db, west, west_areas, error))
    return g_prefix_error (error, "teams: "), NULL;

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

  jy_contract_request_init (&request);
  request.resident_id = resident_id;
  request.team_id = east;
  request.doctor_id = staff[0];
  g_date_clear (&request.sign_date, 1);
  g_date_set_dmy (&request.sign_date, 2, G_DATE_JANUARY, 2025);
  request.package_codes = packages;
  request.fee_paid = TRUE;
  today = request.sign_date;
  if ((contract = jy_contract_store_sign (db, &request, &today, error)) == NULL)
    return g_prefix_error (error, "sign: "), NULL;
  job->contract_uuid = g_strdup (contract->uuid);

  contact.resident_id = resident_id;
  contact.channel = JY_CONTACT_CHANNEL_HOME;
  contact.initiator = JY_CONTACT_BY_TEAM;
  contact.staff_id = staff[0];
  contact.contacted_at = "2025-01-02T02:00:00Z";
  contact.content = "上门体检";
  contact.delivered_items = delivered;
  if (jy_contract_store_log_contact (db, &contact, &today, error) <= 0)
    return g_prefix_error (error, "contact: "), NULL;
  return JY_STORE_DONE;
}

static gpointer
void_contact_func (JyDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gint64 contact_id = 0;

  if (!jy_db_query_int64 (db, "SELECT max(id) FROM contact_log", &contact_id, error))
    return NULL;
  return jy_contract_store_void_contact (db, contact_id, error) ? JY_STORE_DONE : NULL;
}

/* ---- comparing the two workstations ----------------------------------------- */

/* Every synced column of the area's tables, references by uuid (or code),
 * derived ones too, one line per row in a stable order. */
static const char *const compare_sql[] = {
  "SELECT group_concat (line, char (10)) FROM (SELECT uuid || ' ' || status || ' ' || code || ' ' ||\n"
  "  version || ' ' || name || ' ' || kind || ' ' || fee_insurance || ' ' || fee_public_health || ' ' ||\n"
  "  fee_resident || ' ' || ifnull (min_age, '-') || ' ' || ifnull (max_age, '-') || ' ' ||\n"
  "  ifnull (sex, '-') || ' ' || ifnull (key_populations, '-') || ' ' || sort_order AS line\n"
  "  FROM service_package ORDER BY code, version)",
  "SELECT group_concat (line, char (10)) FROM (SELECT p.uuid || ' ' || i.position || ' ' || i.code || ' ' ||\n"
  "  i.name || ' ' || i.due_rule || ' ' || i.quantity || ' ' || ifnull (i.key_populations, '-') AS line\n"
  "  FROM service_package_item i JOIN service_package p ON p.id = i.package_id\n"
  "  ORDER BY p.code, p.version, i.position)",
  "SELECT group_concat (line, char (10)) FROM (SELECT d.uuid || ' ' || d.status || ' ' || r.uuid || ' ' ||\n"
  "  ifnull (c.uuid, '-') || ' ' || ifnull (l.uuid, '-') || ' ' || d.item_code || ' ' ||\n"
  "  ifnull (s.uuid, '-') || ' ' || d.delivered_at || ' ' || d.delivery_date || ' ' || ifnull (d.note, '-') AS line\n"
  "  FROM service_delivery d JOIN resident r ON r.id = d.resident_id\n"
  "  LEFT JOIN contract c ON c.id = d.contract_id LEFT JOIN contact_log l ON l.id = d.contact_id\n"
  "  LEFT JOIN staff s ON s.id = d.staff_id ORDER BY d.uuid)",
  "SELECT group_concat (line, char (10)) FROM (SELECT t.uuid || ' ' || t.code || ' ' || a.area_code AS line\n"
  "  FROM team_area a JOIN team t ON t.id = a.team_id ORDER BY t.code, a.area_code)",
  "SELECT group_concat (line, char (10)) FROM (SELECT c.uuid || ' ' || p.position || ' ' || s.uuid || ' ' ||\n"
  "  s.version || ' ' || p.fee_resident AS line FROM contract_package p JOIN contract c ON c.id = p.contract_id\n"
  "  JOIN service_package s ON s.id = p.package_id ORDER BY c.uuid, p.position)",
  /* Derived: the 65+ check date the delivery sets, the contract's coverage. */
  "SELECT group_concat (line, char (10)) FROM (SELECT r.uuid || ' ' || ifnull (r.annual_check_date, '-') || ' ' ||\n"
  "  ifnull (r.last_contact_date, '-') || ' ' || ifnull (c.cover_last, '-') AS line\n"
  "  FROM resident r LEFT JOIN contract c ON c.id = r.contract_id ORDER BY r.uuid)",
};

static void
assert_same_rows (Fixture  *fx,
                  gboolean  all_kinds)
{
  for (guint i = 0; i < G_N_ELEMENTS (compare_sql); i++)
    {
      g_autofree char *on_a = jy_test_text (fx->a, compare_sql[i]);
      g_autofree char *on_b = jy_test_text (fx->b, compare_sql[i]);

      if (g_strcmp0 (on_a, on_b) != 0)
        g_error ("rows differ (%u):\nA %s\nB %s", i, on_a, on_b);
      if (all_kinds)
        g_assert_nonnull (on_a);
    }
}

/* A changes packages, records a delivery and moves a community; B pulls
 * the same rows; B's edits come back to A; nothing waits afterwards. */
static void
test_services_converge (Fixture       *fx,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JySyncSummary) a1 = NULL, b1 = NULL, b2 = NULL, a2 = NULL, a3 = NULL;
  g_autofree char *resident = NULL;
  g_autofree char *check = NULL;
  CareJob job = { NULL };

  if (base_url == NULL)
    return;
  resident = jy_test_add_resident (fx->a, "测试辰", "1950-06-01");
  job.resident_uuid = resident;
  /* `jiayi packages set-fee elderly --resident 60` and `withdraw disabled`,
   * before the signing: the contract names version 2, which B lacks. */
  change_package (fx->a, "elderly", 6000, FALSE);
  change_package (fx->a, "disabled", 0, TRUE);
  jy_store_write (fx->a, care_func, &job, NULL, &error);
  g_assert_no_error (error);
  /* 海韵社区 changes teams. */
  move_area (fx->a, AREA_HAIYUN, "T-WEST");
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM outbox WHERE entity IN"
                                         " ('service_package', 'service_delivery') AND state = 'pending'"), ==, 4);
  g_assert_cmpint (waiting (fx->a), >, 0);

  a1 = sync_ok (fx->a);
  g_assert_cmpuint (a1->rejected, ==, 0);
  g_assert_cmpuint (a1->conflicts, ==, 0);
  /* Nothing waits: the catalogue, the delivery and the teams went too. */
  g_assert_cmpint (waiting (fx->a), ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM outbox WHERE state <> 'done'"), ==, 0);
  g_assert_cmpint (jy_test_server_count (base_url, "PlanDefinition?identifier=urn:jiayi:service-package-code|elderly"), ==, 2);
  g_assert_cmpint (jy_test_server_count (base_url, "Procedure?code=urn:jiayi:cs:package-item|elderly-annual-check"), ==, 1);

  b1 = sync_ok (fx->b);
  g_assert_cmpuint (b1->conflicts, ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM sync_conflict"), ==, 0);
  assert_same_rows (fx, TRUE);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM service_package WHERE code = 'elderly'"
                                         " AND version = 2 AND status = 'active' AND fee_resident = 6000"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM service_package WHERE code = 'disabled'"
                                         " AND status = 'withdrawn'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM team_area a JOIN team t ON t.id = a.team_id"
                                         " WHERE t.code = 'T-WEST'"), ==, 2);
  check = jy_test_text (fx->b, "SELECT annual_check_date FROM resident");
  g_assert_cmpstr (check, ==, "2025-01-02");
  b2 = sync_ok (fx->b);
  g_assert_cmpuint (b2->sent, ==, 0);
  g_assert_cmpint (waiting (fx->b), ==, 0);

  /* B's edits come back: a fee change and the other community moving. */
  {
    g_autoptr(JySyncSummary) b3 = NULL;

    change_package (fx->b, "hypertension", 2500, FALSE);
    move_area (fx->b, AREA_LIANHUA, "T-WEST");
    /* The home visit was logged by mistake: voided with what it delivered. */
    g_assert_true (jy_store_write (fx->b, void_contact_func, NULL, NULL, &error) == JY_STORE_DONE);
    g_assert_no_error (error);
    b3 = sync_ok (fx->b);
    g_assert_cmpuint (b3->rejected, ==, 0);
    g_assert_cmpint (waiting (fx->b), ==, 0);
  }
  a2 = sync_ok (fx->a);
  g_assert_cmpuint (a2->conflicts, ==, 0);
  assert_same_rows (fx, TRUE);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM service_package WHERE code = 'hypertension'"
                                         " AND status = 'active' AND version = 2 AND fee_resident = 2500"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM team_area a JOIN team t ON t.id = a.team_id"
                                         " WHERE t.code = 'T-EAST'"), ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM service_delivery WHERE status = 'entered-in-error'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM resident WHERE annual_check_date IS NULL"), ==, 1);
  /* Nothing echoes back. */
  a3 = sync_ok (fx->a);
  g_assert_cmpuint (a3->sent, ==, 0);
  g_assert_cmpint (waiting (fx->a), ==, 0);

  /* A workstation of another centre on the same platform takes none of it. */
  {
    g_autofree char *path_c = g_build_filename (fx->tmpdir, "c.db", NULL);
    g_autoptr(JyStore) c = jy_test_workstation_new (path_c);
    g_autoptr(JySyncSummary) c1 = sync_ok (c);

    g_assert_cmpuint (c1->conflicts, ==, 0);
    g_assert_cmpint (jy_test_count (c, "SELECT count(*) FROM sync_conflict"), ==, 0);
    g_assert_cmpint (jy_test_count (c, "SELECT count(*) FROM service_package WHERE status <> 'active'"
                                       " OR version > 1"), ==, 0);
    g_assert_cmpint (jy_test_count (c, "SELECT count(*) FROM service_delivery"), ==, 0);
  }
  g_free (job.contract_uuid);
}

static gpointer
resume_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(JyPackageRecord) current = jy_package_store_find (db, data, error);

  return current != NULL && jy_package_store_withdraw (db, current->id, current->rev, FALSE, error)
         ? JY_STORE_DONE : NULL;
}

/* Once a version is on the platform, A resuming it while B sets its fee
 * (superseding it) meet there: a conflict to settle, not a lost edit. */
static void
test_concurrent_package_edit_conflict (Fixture       *fx,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JySyncSummary) a1 = NULL, b1 = NULL, a2 = NULL, b2 = NULL;
  g_autofree char *entity = NULL;

  if (base_url == NULL)
    return;
  change_package (fx->a, "maternal", 0, TRUE);
  a1 = sync_ok (fx->a);
  b1 = sync_ok (fx->b);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM service_package WHERE code = 'maternal'"
                                         " AND status = 'withdrawn' AND remote_version IS NOT NULL"), ==, 1);

  g_assert_true (jy_store_write (fx->a, resume_func, (gpointer) "maternal", NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  change_package (fx->b, "maternal", 20000, FALSE);
  a2 = sync_ok (fx->a);
  g_assert_cmpuint (a2->rejected, ==, 0);
  b2 = sync_ok (fx->b);
  g_assert_cmpuint (b2->conflicts, >=, 1);
  entity = jy_test_text (fx->b, "SELECT group_concat (DISTINCT entity) FROM sync_conflict WHERE state = 'open'");
  g_assert_cmpstr (entity, ==, "service_package");
  /* B's new version itself is no conflict: it is on the platform. */
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM sync_conflict s JOIN service_package p"
                                         " ON p.uuid = s.row_uuid WHERE p.version = 2"), ==, 0);
  g_assert_cmpint (jy_test_server_count (base_url, "PlanDefinition?identifier=urn:jiayi:service-package-code|maternal"), ==, 2);

  /* B keeps its own: the fee change supersedes the version A resumed,
   * and B made it while the package was withdrawn, so the new version is
   * withdrawn too (jy_package_store_save). Both workstations end with
   * one current version, with the new fee. */
  {
    g_autoptr(JySyncSummary) b3 = NULL, a3 = NULL;
    gint64 id = jy_test_count (fx->b, "SELECT id FROM sync_conflict WHERE state = 'open'");

    jy_test_resolve (fx->b, id, JY_SYNC_KEEP_MINE);
    b3 = sync_ok (fx->b);
    g_assert_cmpuint (b3->rejected, ==, 0);
    g_assert_cmpuint (b3->conflicts, ==, 0);
    a3 = sync_ok (fx->a);
    g_assert_cmpuint (a3->conflicts, ==, 0);
    assert_same_rows (fx, FALSE);
    g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM service_package WHERE code = 'maternal'"
                                           " AND status = 'withdrawn' AND version = 2 AND fee_resident = 20000"), ==, 1);
    g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM service_package WHERE code = 'maternal'"
                                           " AND status <> 'superseded'"), ==, 1);
    g_assert_cmpint (waiting (fx->a), ==, 0);
    g_assert_cmpint (waiting (fx->b), ==, 0);
  }
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
  ADD ("/integration/sync/services/packages deliveries and communities converge", test_services_converge);
  ADD ("/integration/sync/services/concurrent package edit is a conflict", test_concurrent_package_edit_conflict);
#undef ADD

  status = g_test_run ();
  if (server != NULL)
    g_subprocess_force_exit (server);
  return status;
}
