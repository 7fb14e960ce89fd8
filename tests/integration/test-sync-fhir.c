/* test-sync-fhir.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sync against a real FHIR R4 server (fhir-server.mjs: Medplum's router
 * over its in-memory repository) started on 127.0.0.1 for this run. Each
 * test makes its own workstations with their own centre, and a pull only
 * asks for its centre's residents, so the tests share one server.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>

#include "jy-fhir-codec.h"
#include "jy-chronic-store.h"
#include "jy-contract-store.h"
#include "jy-fhir-resident.h"
#include "jy-fhir-row.h"
#include "jy-followup-store.h"
#include "jy-resident-search.h"
#include "jy-resident-store.h"
#include "jy-sync-client.h"
#include "jy-sync-conflict.h"
#include "jy-sync-merge.h"
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
  fx->tmpdir = g_dir_make_tmp ("jiayi-sync-XXXXXX", &error);
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
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path_a);
  g_free (fx->path_b);
}

/* B joins A's centre the way a second workstation is set up: from a copy
 * of A's database taken before any resident was added. */
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

static JsonNode *
server_get (const char *path)
{
  JySyncClientConfig config = { .base_url = base_url };
  g_autoptr(JySyncClient) client = jy_sync_client_new (&config, NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *node = jy_sync_client_get_json (client, path, 64 << 20, NULL, &error);

  g_assert_no_error (error);
  return node;
}

static gint64
server_count (const char *query)
{
  return jy_test_server_count (base_url, query);
}

static gint64
server_count_uuid (const char *uuid)
{
  g_autofree char *query = g_strdup_printf ("Patient?identifier=urn:jiayi:resident|%s", uuid);

  return server_count (query);
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

static gpointer
local_resource_func (JyDb          *db,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  gpointer record = jy_fhir_codec_resident.load (db, data, NULL, error);
  JsonNode *node;

  if (record == NULL)
    return NULL;
  node = jy_fhir_codec_resident.encode (record, jy_fhir_options_default ());
  jy_fhir_codec_resident.free_record (record);
  return node;
}

static JsonNode *
local_resource (JyStore    *store,
                const char *uuid)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = jy_store_read (store, local_resource_func, (gpointer)uuid, NULL, &error);

  g_assert_no_error (error);
  return node;
}

static const char pending_sql[] = "SELECT count(*) FROM outbox WHERE state <> 'done'";

static void
test_push_creates_patients (Fixture       *fx,
                            gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) summary = NULL;
  g_autofree char *one = NULL, *two = NULL, *three = NULL;
  const char *uuids[3];

  if (g_test_failed () || base_url == NULL)
    return;
  one = jy_test_add_resident (fx->a, "测试甲", "1950-01-02");
  two = jy_test_add_resident (fx->a, "测试乙", "1980-06-15");
  three = jy_test_add_resident (fx->a, "测试丙", "2001-12-31");
  jy_test_add_tag (fx->a, two, "low-income", "2025-01-01");
  uuids[0] = one, uuids[1] = two, uuids[2] = three;

  summary = sync_ok (fx->a);
  /* Three residents and the centre's Organization. */
  g_assert_cmpuint (summary->sent, ==, 4);
  g_assert_cmpuint (summary->rejected, ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, pending_sql), ==, 0);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("Patient/%s", uuids[i]);
      g_autoptr(JsonNode) theirs = server_get (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) mine = local_resource (fx->a, uuids[i]);

      /* What the platform stored is what this workstation has. */
      g_assert_true (jy_fhir_same_content (json_node_get_object (theirs), json_node_get_object (mine)));
      g_assert_cmpint (server_count_uuid (uuids[i]), ==, 1);
      {
        g_autoptr(JyFhirResident) decoded = jy_fhir_codec_decode (&jy_fhir_codec_resident, theirs, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (decoded->resident->uuid, ==, uuids[i]);
        g_assert_cmpstr (decoded->resident->phone, ==, "13800000000");
        g_assert_cmpuint (decoded->tags->len, ==, i == 1 ? 1 : 0);
        g_assert_nonnull (decoded->centre_uuid);
      }
    }
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM resident WHERE remote_version IS NULL"), ==, 0);
}

static gint64
history_length (const char *uuid)
{
  g_autofree char *path = g_strdup_printf ("Patient/%s/_history", uuid);
  g_autoptr(JsonNode) bundle = server_get (path);
  JsonObject *object = json_node_get_object (bundle);

  return json_object_has_member (object, "entry") ?
         json_array_get_length (json_object_get_array_member (object, "entry")) : 0;
}

static void
test_update_uses_if_match (Fixture       *fx,
                           gconstpointer  user_data)
{
  g_autofree char *uuid = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JySyncSummary) first = NULL;
  g_autoptr(JySyncSummary) second = NULL;
  g_autoptr(JsonNode) theirs = NULL;
  g_autofree char *version_before = NULL;
  g_autofree char *version_after = NULL;

  if (base_url == NULL)
    return;
  uuid = jy_test_add_resident (fx->a, "测试丁", "1970-03-03");
  first = sync_ok (fx->a);
  version_before = jy_test_text (fx->a, "SELECT remote_version FROM resident");

  jy_test_edit_resident (fx->a, uuid, NULL, "13900000009");
  second = sync_ok (fx->a);
  g_assert_cmpuint (second->sent, ==, 1);
  version_after = jy_test_text (fx->a, "SELECT remote_version FROM resident");
  g_assert_cmpstr (version_before, !=, version_after);

  path = g_strdup_printf ("Patient/%s", uuid);
  theirs = server_get (path);
  g_assert_cmpstr (jy_fhir_get_version (json_node_get_object (theirs)), ==, version_after);
  g_assert_cmpint (history_length (uuid), ==, 2);
  g_assert_cmpint (server_count_uuid (uuid), ==, 1);

  /* With If-Match the platform refuses a stale base: this workstation
   * edits again on top of the first version (as if it had not seen the
   * second), and gets a conflict instead of overwriting. */
  {
    g_autoptr(JySyncSummary) third = NULL;
    g_autoptr(GPtrArray) conflicts = NULL;
    g_autoptr(GError) error = NULL;
    JySyncConflict *conflict;

    jy_test_edit_resident (fx->a, uuid, NULL, "13900000010");
    jy_test_exec (fx->a, "UPDATE resident SET remote_version = ?2 WHERE uuid = ?1", uuid, version_before);
    third = sync_ok (fx->a);
    g_assert_cmpuint (third->sent, ==, 0);
    g_assert_cmpuint (third->conflicts, ==, 1);
    conflicts = jy_store_read (fx->a, jy_sync_conflict_list, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (conflicts->len, ==, 1);
    conflict = g_ptr_array_index (conflicts, 0);
    g_assert_cmpstr (conflict->row_uuid, ==, uuid);
    g_assert_nonnull (strstr (conflict->mine, "13900000010"));
    g_assert_nonnull (strstr (conflict->theirs, "13900000009"));
    g_assert_cmpstr (conflict->theirs_version, ==, version_after);
    g_assert_cmpint (jy_test_count (fx->a, pending_sql), ==, 1);
  }
}

static gpointer
search_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return jy_resident_search (db, data, 0, 10, cancellable, error);
}

static guint
search_hits (JyStore    *store,
             const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = jy_store_read (store, search_func, (gpointer)query, NULL, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* A creates, B pulls, B edits, A pulls: both end with the same record. */
static void
test_two_workstations_converge (Fixture       *fx,
                                gconstpointer  user_data)
{
  g_autofree char *uuid = NULL;
  g_autofree char *other = NULL;
  g_autoptr(JySyncSummary) a1 = NULL, b1 = NULL, b2 = NULL, a2 = NULL, b3 = NULL;
  g_autoptr(JsonNode) on_a = NULL;
  g_autoptr(JsonNode) on_b = NULL;

  if (base_url == NULL)
    return;
  copy_workstation (fx);
  uuid = jy_test_add_resident (fx->a, "测试戊", "1961-04-05");
  other = jy_test_add_resident (fx->a, "测试己", "1962-05-06");
  jy_test_add_tag (fx->a, other, "family-planning-special", "2024-03-01");

  a1 = sync_ok (fx->a);
  b1 = sync_ok (fx->b);
  g_assert_cmpuint (b1->received, ==, 2);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM resident"), ==, 2);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM resident_tag"), ==, 1);
  /* A pulled record is found like any other (search keys were written). */
  g_assert_cmpuint (search_hits (fx->b, "测试戊"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, pending_sql), ==, 0);

  jy_test_edit_resident (fx->b, uuid, "测试庚", "13700000007");
  b2 = sync_ok (fx->b);
  g_assert_cmpuint (b2->sent, ==, 1);
  a2 = sync_ok (fx->a);
  g_assert_cmpuint (a2->received, ==, 1);
  g_assert_cmpuint (a2->conflicts, ==, 0);
  g_assert_cmpuint (search_hits (fx->a, "测试庚"), ==, 1);
  g_assert_cmpuint (search_hits (fx->a, "测试戊"), ==, 0);

  on_a = local_resource (fx->a, uuid);
  on_b = local_resource (fx->b, uuid);
  g_assert_true (jy_fhir_same_content (json_node_get_object (on_a), json_node_get_object (on_b)));
  /* Nothing echoes back: a pulled change is not queued again. */
  b3 = sync_ok (fx->b);
  g_assert_cmpuint (b3->sent + b3->received, ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, pending_sql), ==, 0);
}

/* B edits while A's edit of the same resident reaches the platform first:
 * B's pull does not overwrite B's unsent change but opens a conflict;
 * keeping mine then wins on the platform. */
static void
test_concurrent_edit_conflict (Fixture       *fx,
                               gconstpointer  user_data)
{
  g_autofree char *uuid = NULL;
  g_autoptr(JySyncSummary) s1 = NULL, s2 = NULL, s3 = NULL, s4 = NULL, s5 = NULL, s6 = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) theirs = NULL;
  g_autofree char *path = NULL;
  JySyncConflict *conflict;

  if (base_url == NULL)
    return;
  copy_workstation (fx);
  uuid = jy_test_add_resident (fx->a, "测试辛", "1955-07-08");
  s1 = sync_ok (fx->a);
  s2 = sync_ok (fx->b);

  jy_test_edit_resident (fx->a, uuid, NULL, "13600000006");
  jy_test_edit_resident (fx->b, uuid, "测试壬", NULL);
  s3 = sync_ok (fx->a);
  s4 = sync_ok (fx->b);
  g_assert_cmpuint (s4->conflicts, ==, 1);
  g_assert_cmpuint (s4->sent, ==, 0);

  conflicts = jy_store_read (fx->b, jy_sync_conflict_list, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->kind, ==, "edit");
  g_assert_nonnull (strstr (conflict->mine, "测试壬"));
  g_assert_nonnull (strstr (conflict->theirs, "13600000006"));
  /* B's record is untouched until the user chooses. */
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM resident WHERE name = '测试壬'"), ==, 1);

  {
    struct { gint64 id; } job = { conflict->id };

    jy_test_resolve (fx->b, job.id, JY_SYNC_KEEP_MINE);
  }
  s5 = sync_ok (fx->b);
  g_assert_cmpuint (s5->sent, ==, 1);
  path = g_strdup_printf ("Patient/%s", uuid);
  theirs = server_get (path);
  g_assert_nonnull (strstr (jy_fhir_to_string (theirs), "测试壬"));
  s6 = sync_ok (fx->a);
  g_assert_cmpuint (s6->received, ==, 1);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM resident WHERE name = '测试壬'"), ==, 1);
}

/* Both workstations change the name and the phone of one resident; A's
 * reaches the platform first. B resolves its conflict with a merge (its
 * own name, A's phone), syncs, and A converges to the merged record. */
static void
test_merged_conflict_converges (Fixture       *fx,
                                gconstpointer  user_data)
{
  const char *take_mine[] = { "name", NULL };
  g_autofree char *uuid = NULL;
  g_autofree char *merged = NULL;
  g_autoptr(JySyncSummary) s1 = NULL, s2 = NULL, s3 = NULL, s4 = NULL, s5 = NULL, s6 = NULL, s7 = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) on_a = NULL;
  g_autoptr(JsonNode) on_b = NULL;
  g_autoptr(JsonNode) on_server = NULL;
  g_autofree char *path = NULL;
  JySyncConflict *conflict;

  if (base_url == NULL)
    return;
  copy_workstation (fx);
  uuid = jy_test_add_resident (fx->a, "测试寅", "1958-09-10");
  s1 = sync_ok (fx->a);
  s2 = sync_ok (fx->b);
  g_assert_cmpuint (s2->received, ==, 1);

  jy_test_edit_resident (fx->a, uuid, "测试卯", "13600000016");
  jy_test_edit_resident (fx->b, uuid, "测试辰", "13500000015");
  s3 = sync_ok (fx->a);
  g_assert_cmpuint (s3->sent, ==, 1);
  s4 = sync_ok (fx->b);
  g_assert_cmpuint (s4->conflicts, ==, 1);

  conflicts = jy_store_read (fx->b, jy_sync_conflict_list, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->label, ==, "测试辰");
  merged = jy_sync_fields_merge (conflict->mine, conflict->theirs, take_mine, &error);
  g_assert_no_error (error);
  jy_test_resolve_merged (fx->b, conflict->id, merged);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM resident WHERE name = '测试辰'"
                                         " AND phone = '13600000016'"), ==, 1);

  s5 = sync_ok (fx->b);
  g_assert_cmpuint (s5->sent, ==, 1);
  g_assert_cmpuint (s5->conflicts, ==, 0);
  s6 = sync_ok (fx->a);
  g_assert_cmpuint (s6->received, ==, 1);
  g_assert_cmpuint (s6->conflicts, ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, "SELECT count(*) FROM resident WHERE name = '测试辰'"
                                         " AND phone = '13600000016'"), ==, 1);

  on_a = local_resource (fx->a, uuid);
  on_b = local_resource (fx->b, uuid);
  g_assert_true (jy_fhir_same_content (json_node_get_object (on_a), json_node_get_object (on_b)));
  path = g_strdup_printf ("Patient/%s", uuid);
  on_server = server_get (path);
  g_assert_true (jy_fhir_same_content (json_node_get_object (on_a), json_node_get_object (on_server)));
  g_assert_cmpint (server_count_uuid (uuid), ==, 1);
  /* Settled: nothing more to send or take on either side. */
  s7 = sync_ok (fx->b);
  g_assert_cmpuint (s7->sent + s7->received + s7->conflicts, ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, pending_sql), ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, pending_sql), ==, 0);
}

static gpointer
retire_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  static const char sql[] = "SELECT id, rev FROM resident WHERE uuid = ?1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  gint64 id, rev;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, data, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (jy_db_step (db, stmt, error), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  rev = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return jy_resident_store_retire (db, id, rev, "moved-out", "2026-11-20", "迁往外市", error) ? JY_STORE_DONE : NULL;
}

/* A resident retired on one workstation (moved out) arrives retired on the
 * other: sync.md's retired records travel as the Patient's status, never
 * as a delete, and the record stays. */
static void
test_retired_record_converges (Fixture       *fx,
                               gconstpointer  user_data)
{
  g_autofree char *uuid = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(JySyncSummary) a1 = NULL, b1 = NULL, a2 = NULL, b2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) on_server = NULL;
  g_autofree char *path = NULL;

  if (base_url == NULL)
    return;
  copy_workstation (fx);
  uuid = jy_test_add_resident (fx->a, "测试午", "1949-10-01");
  a1 = sync_ok (fx->a);
  b1 = sync_ok (fx->b);
  g_assert_cmpuint (b1->received, ==, 1);

  jy_store_write (fx->a, retire_func, uuid, NULL, &error);
  g_assert_no_error (error);
  a2 = sync_ok (fx->a);
  g_assert_cmpuint (a2->sent, ==, 1);
  path = g_strdup_printf ("Patient/%s", uuid);
  on_server = server_get (path);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (on_server), "active"));

  b2 = sync_ok (fx->b);
  g_assert_cmpuint (b2->received, ==, 1);
  g_assert_cmpuint (b2->conflicts, ==, 0);
  sql = g_strdup_printf ("SELECT count(*) FROM resident WHERE uuid = '%s' AND status = 'moved-out'"
                         " AND status_date = '2026-11-20'", uuid);
  g_assert_cmpint (jy_test_count (fx->b, sql), ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, pending_sql), ==, 0);
}

/* One record the platform refuses is reported with its reason; the
 * others in the same Bundle land. */
static void
test_rejected_record_reported (Fixture       *fx,
                               gconstpointer  user_data)
{
  g_autofree char *good1 = NULL, *bad = NULL, *good2 = NULL;
  g_autoptr(JySyncSummary) summary = NULL;
  g_autoptr(JySyncSummary) again = NULL;
  g_autoptr(JySyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  JySyncRejection *rejection;

  if (base_url == NULL)
    return;
  good1 = jy_test_add_resident (fx->a, "测试癸", "1990-01-01");
  bad = jy_test_add_resident (fx->a, "测试子", "1991-02-02");
  good2 = jy_test_add_resident (fx->a, "测试丑", "1992-03-03");
  /* A birth date the store let through (an old import) but FHIR refuses. */
  jy_test_exec (fx->a, "UPDATE resident SET birth_date = ?2 WHERE uuid = ?1", bad, "1991-02-30");

  summary = sync_ok (fx->a);
  g_assert_cmpuint (summary->rejected, ==, 1);
  g_assert_cmpuint (summary->sent, ==, 3);
  rejection = g_ptr_array_index (summary->rejections, 0);
  g_assert_cmpstr (rejection->row_uuid, ==, bad);
  g_test_message ("platform's reason: %s", rejection->reason);
  g_assert_nonnull (strstr (rejection->reason, "birthDate"));
  g_assert_cmpint (server_count_uuid (good1), ==, 1);
  g_assert_cmpint (server_count_uuid (good2), ==, 1);
  g_assert_cmpint (server_count_uuid (bad), ==, 0);

  /* It stays visible, and is not sent again until someone fixes it. */
  status = jy_store_read (fx->a, jy_sync_status_load, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status->rejections->len, ==, 1);
  g_assert_nonnull (status->last_success_at);
  again = sync_ok (fx->a);
  g_assert_cmpuint (again->sent + again->rejected, ==, 0);
}

static int
run_cli_sync (const char *db,
              const char *kill_after,
              int        *signal_out)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (kill_after != NULL)
    g_subprocess_launcher_setenv (launcher, "JIAYI_SYNC_TEST_KILL_AFTER_BATCH", kill_after, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("JIAYI_BINARY"), "sync",
                                         "--db", db, "--server", base_url, "--batch-size", "5", NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  *signal_out = g_subprocess_get_if_signaled (process) ? g_subprocess_get_term_sig (process) : 0;
  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

/* `jiayi sync` is SIGKILLed after the platform applied its second Bundle
 * but before it could record the answers; the next run sends nothing
 * twice and loses nothing, for creates and for If-Match updates. */
static void
test_killed_mid_push_no_duplicates (Fixture       *fx,
                                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JyStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *centre = NULL;
  g_autofree char *query = NULL;
  int signal_number = 0;

  if (base_url == NULL)
    return;
  if (g_getenv ("JIAYI_BINARY") == NULL)
    {
      g_test_skip ("JIAYI_BINARY not set");
      return;
    }
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("测试寅%c", 'A' + i);

      g_ptr_array_add (uuids, jy_test_add_resident (fx->a, name, "1977-07-07"));
    }
  centre = jy_test_text (fx->a, "SELECT uuid FROM site");
  g_clear_object (&fx->a);

  /* Bundles of 5: the centre alone, then residents 1–5, 6–10, 11–12. */
  g_assert_cmpint (run_cli_sync (fx->path_a, "2", &signal_number), ==, -1);
  g_assert_cmpint (signal_number, ==, SIGKILL);
  g_assert_cmpint (run_cli_sync (fx->path_a, NULL, &signal_number), ==, 0);

  for (guint i = 0; i < uuids->len; i++)
    g_assert_cmpint (server_count_uuid (g_ptr_array_index (uuids, i)), ==, 1);
  query = g_strdup_printf ("Patient?organization=Organization/%s", centre);
  g_assert_cmpint (server_count (query), ==, 12);

  /* Now edits (If-Match), killed again after the first Bundle. */
  reopened = jy_store_open (fx->path_a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (reopened, pending_sql), ==, 0);
  for (guint i = 0; i < 7; i++)
    jy_test_edit_resident (reopened, g_ptr_array_index (uuids, i), NULL, "13500000005");
  g_clear_object (&reopened);
  g_assert_cmpint (run_cli_sync (fx->path_a, "1", &signal_number), ==, -1);
  g_assert_cmpint (signal_number, ==, SIGKILL);
  g_assert_cmpint (run_cli_sync (fx->path_a, NULL, &signal_number), ==, 0);

  reopened = jy_store_open (fx->path_a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (reopened, pending_sql), ==, 0);
  g_assert_cmpint (jy_test_count (reopened, "SELECT count(*) FROM sync_conflict"), ==, 0);
  g_assert_cmpint (server_count (query), ==, 12);
  /* Every edit is on the platform (a re-sent PUT may add an identical
   * version; that is no duplicate record). */
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *path = g_strdup_printf ("Patient/%s", (char *)g_ptr_array_index (uuids, i));
      g_autoptr(JsonNode) theirs = server_get (path);
      g_autofree char *text = jy_fhir_to_string (theirs);

      g_assert_nonnull (strstr (text, "13500000005"));
      g_assert_cmpint (history_length (g_ptr_array_index (uuids, i)), >=, 2);
    }
}

static void
test_unreachable_server_fails (Fixture       *fx,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JySyncSummary) summary = NULL;
  int signal_number = 0;

  if (base_url == NULL)
    return;
  /* Port 9 (discard) on loopback: nothing listens there. */
  summary = jy_test_sync (fx->a, "http://127.0.0.1:9/fhir", 0, &error);
  g_assert_null (summary);
  g_assert_error (error, JY_SYNC_ERROR, JY_SYNC_ERROR_UNREACHABLE);
  g_assert_cmpint (jy_test_count (fx->a, pending_sql), ==, 1);
  if (g_getenv ("JIAYI_BINARY") != NULL)
    {
      g_autoptr(GSubprocess) process = NULL;

      g_clear_object (&fx->a);
      g_clear_error (&error);
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                  &error, g_getenv ("JIAYI_BINARY"), "sync", "--db", fx->path_a,
                                  "--server", "http://127.0.0.1:9/fhir", "--timeout", "5", NULL);
      g_assert_no_error (error);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
      (void)signal_number;
    }
}

/* Full-size Bundles (500 entries, more than any single field may hold),
 * and pages of 500 on the way back. */
static void
test_full_bundles (Fixture       *fx,
                   gconstpointer  user_data)
{
  g_autoptr(JySyncSummary) pushed = NULL;
  g_autoptr(JySyncSummary) pulled = NULL;
  g_autoptr(GError) error = NULL;

  if (base_url == NULL)
    return;
  copy_workstation (fx);
  for (guint i = 0; i < 620; i++)
    {
      g_autofree char *name = g_strdup_printf ("测试批%u", i);
      g_autofree char *uuid = jy_test_add_resident (fx->a, name, "1980-08-08");
    }
  pushed = jy_test_sync (fx->a, base_url, 500, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pushed->sent, ==, 621);
  pulled = jy_test_sync (fx->b, base_url, 500, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pulled->received, ==, 620);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM resident"), ==, 620);
}

/* ---- the server ---------------------------------------------------- */

/* ---- a resident's care: staff, team, enrolment, follow-up -------------- */

typedef struct
{
  const char *resident_uuid;
  char       *staff_uuid;
  char       *team_uuid;
  char       *enrolment_uuid;
  char       *followup_uuid;
  char       *contract_uuid;
} CareJob;

static gboolean
insert_synced (JyDb        *db,
               const char  *sql,
               const char  *entity,
               char       **uuid,
               GError     **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  *uuid = g_uuid_string_random ();
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, *uuid, -1, SQLITE_TRANSIENT);
  return jy_db_step_done (db, stmt, error) &&
         jy_store_record_change (db, entity, *uuid, JY_CHANGE_CREATE, 1, NULL, error);
}

/* What the staff, team, chronic and follow-up stores write, in one job. */
static gpointer
care_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  static const char staff_sql[] =
    "INSERT INTO staff (uuid, created_at, updated_at, site_id, name, role, phone)\n"
    "VALUES (?1, '2026-01-05T01:00:00Z', '2026-01-05T01:00:00Z', (SELECT id FROM site), '测试医生',\n"
    "  'doctor', '13900000001')";
  static const char team_sql[] =
    "INSERT INTO team (uuid, created_at, updated_at, site_id, code, name, lead_staff_id)\n"
    "VALUES (?1, '2026-01-05T01:00:00Z', '2026-01-05T01:00:00Z', (SELECT id FROM site), 'T01',\n"
    "  '测试团队', (SELECT max(id) FROM staff))";
  static const char member_sql[] =
    "INSERT INTO team_member (uuid, created_at, updated_at, team_id, staff_id, role, start_date,\n"
    "  institution) VALUES (?1, '2026-01-05T01:00:00Z', '2026-01-05T01:00:00Z',\n"
    "  (SELECT max(id) FROM team), (SELECT max(id) FROM staff), 'doctor', '2025-01-01', '虚构医院')";
  CareJob *job = data;
  g_autofree char *member_uuid = NULL;
  g_autoptr(JyEnrolment) enrolment = jy_enrolment_new (JY_PROGRAMME_HTN);
  g_autoptr(JyFollowup) f = jy_followup_new (JY_PROGRAMME_HTN);
  JyFollowupDrug *drug;
  JyFollowupAction action = JY_FOLLOWUP_ACTION_ADJUST;
  gint64 staff_id, team_id, resident_id;

  if (!insert_synced (db, staff_sql, "staff", &job->staff_uuid, error) ||
      !insert_synced (db, team_sql, "team", &job->team_uuid, error) ||
      !insert_synced (db, member_sql, "team_member", &member_uuid, error) ||
      !jy_db_query_int64 (db, "SELECT max(id) FROM staff", &staff_id, error) ||
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
  enrolment->icd10 = g_strdup ("I10.x00");
  enrolment->diagnosis_date = g_strdup ("2024-02-29");
  enrolment->enrol_date = g_strdup ("2024-03-01");
  enrolment->diagnosis_institution = g_strdup ("虚构区医院");
  enrolment->doctor_id = staff_id;
  enrolment->team_id = team_id;
  if (!jy_chronic_store_enrol (db, enrolment, error))
    return NULL;
  job->enrolment_uuid = g_strdup (enrolment->uuid);

  f->enrolment_id = enrolment->id;
  f->visit_date = g_strdup ("2024-12-31");
  f->mode = JY_VISIT_MODE_HOME;
  f->sbp = 152;
  f->dbp = 95;
  f->heart_rate = 78;
  f->weight_kg = 72.5;
  f->height_cm = 168;
  f->cigarettes = 5;
  f->cigarettes_target = 0;
  f->author_id = staff_id;
  f->author_role = g_strdup ("doctor");
  f->classification = JY_FOLLOWUP_CLASS_UNCONTROLLED;
  f->suggested_class = JY_FOLLOWUP_CLASS_UNCONTROLLED;
  f->next_visit_date = g_strdup ("2025-01-14");
  f->suggested_next_date = g_strdup ("2025-01-14");
  f->remarks = g_strdup ("虚构备注");
  drug = jy_followup_drug_new (JY_FOLLOWUP_DRUG_CURRENT);
  drug->name = g_strdup ("氨氯地平片");
  drug->times_per_day = 1;
  drug->dose = 5;
  drug->dose_unit = g_strdup ("mg");
  g_ptr_array_add (f->drugs, drug);
  if (!jy_followup_store_save_visit (db, &f, &action, 1, error))
    return NULL;
  job->followup_uuid = g_strdup (f->uuid);

  {
    static const char *const packages[] = { "basic", NULL };
    JyContractRequest request;
    JyContactRequest contact = { 0 };
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
    job->contract_uuid = g_strdup (contract->uuid);

    contact.resident_id = resident_id;
    contact.channel = JY_CONTACT_CHANNEL_PHONE;
    contact.initiator = JY_CONTACT_BY_TEAM;
    contact.staff_id = staff_id;
    contact.contacted_at = "2025-01-02T02:00:00Z";
    contact.content = "电话提醒复诊";
    if (jy_contract_store_log_contact (db, &contact, &today, error) <= 0)
      return NULL;
  }
  return JY_STORE_DONE;
}

/* A records a resident's care (the staff and team behind it, an
 * enrolment, a follow-up with drugs, a contract and a contact); B, a workstation of the same centre
 * set up before any of it, pulls it all and ends with the same records,
 * derived worklist state included. */
static void
test_care_converges (Fixture       *fx,
                     gconstpointer  user_data)
{
  static const char derived_sql[] =
    "SELECT e.last_visit_date || ' ' || e.next_due_date || ' ' || e.last_class || ' ' ||\n"
    "  e.norm_visits || ' ' || e.due_action\n"
    "FROM chronic_enrolment e";
  static const char drugs_sql[] =
    "SELECT group_concat (d.name || ' ' || d.times_per_day || ' ' || d.dose || d.dose_unit)\n"
    "FROM followup_drug d";
  g_autofree char *resident = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JySyncSummary) a1 = NULL, b1 = NULL, b2 = NULL;
  static const char contract_sql[] =
    "SELECT c.start_date || ' ' || c.end_date || ' ' || c.cover_last || ' ' || c.run_first || ' ' ||\n"
    "  r.last_contact_date\n"
    "FROM contract c JOIN resident r ON r.contract_id = c.id";
  g_autofree char *derived_a = NULL, *derived_b = NULL, *drugs_a = NULL, *drugs_b = NULL;
  g_autofree char *contract_a = NULL, *contract_b = NULL;
  CareJob job = { NULL };

  if (base_url == NULL)
    return;
  copy_workstation (fx);
  resident = jy_test_add_resident (fx->a, "测试寅", "1950-06-01");
  job.resident_uuid = resident;
  g_assert_true (jy_store_write (fx->a, care_func, &job, NULL, &error) == JY_STORE_DONE || error != NULL);
  g_assert_no_error (error);

  a1 = sync_ok (fx->a);
  g_assert_cmpuint (a1->rejected, ==, 0);
  g_assert_cmpint (jy_test_count (fx->a, pending_sql), ==, 0);
  b1 = sync_ok (fx->b);
  g_assert_cmpuint (b1->conflicts, ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM sync_conflict"), ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM followup"), ==, 1);

  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_staff, job.staff_uuid);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_team, job.team_uuid);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_resident, resident);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_enrolment, job.enrolment_uuid);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_followup, job.followup_uuid);
  jy_test_assert_same_record (fx->a, fx->b, &jy_fhir_codec_contract, job.contract_uuid);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM team_member"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM contract_package"), ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM contact_log"), ==, 1);
  contract_a = jy_test_text (fx->a, contract_sql);
  contract_b = jy_test_text (fx->b, contract_sql);
  g_assert_cmpstr (contract_a, ==, contract_b);
  g_assert_cmpstr (contract_b, ==, "2025-01-02 2026-01-01 2026-01-01 2025-01-02 2025-01-02");

  derived_a = jy_test_text (fx->a, derived_sql);
  derived_b = jy_test_text (fx->b, derived_sql);
  g_assert_cmpstr (derived_a, ==, derived_b);
  g_assert_cmpstr (derived_b, ==, "2024-12-31 2025-01-14 2 1 1");
  drugs_a = jy_test_text (fx->a, drugs_sql);
  drugs_b = jy_test_text (fx->b, drugs_sql);
  g_assert_cmpstr (drugs_a, ==, drugs_b);
  g_assert_cmpstr (drugs_b, ==, "氨氯地平片 1 5.0mg");

  /* The platform holds LOINC-coded measurements of the visit. */
  {
    g_autofree char *path = g_strdup_printf ("Encounter/%s", job.followup_uuid);
    g_autoptr(JsonNode) encounter = server_get (path);
    g_autofree char *text = jy_fhir_to_string (encounter);

    g_assert_nonnull (strstr (text, "\"85354-9\""));
    g_assert_nonnull (strstr (text, "\"8480-6\""));
    g_assert_nonnull (strstr (text, "\"8867-4\""));
  }

  /* A workstation of another centre on the same platform stores none of
   * it, and sees no conflict either: those records are not its own. */
  {
    g_autofree char *path_c = g_build_filename (fx->tmpdir, "c.db", NULL);
    g_autoptr(JyStore) c = jy_test_workstation_new (path_c);
    g_autoptr(JySyncSummary) c1 = sync_ok (c);

    g_assert_cmpuint (c1->conflicts, ==, 0);
    g_assert_cmpint (jy_test_count (c, "SELECT count(*) FROM sync_conflict"), ==, 0);
    g_assert_cmpint (jy_test_count (c, "SELECT (SELECT count(*) FROM staff) + (SELECT count(*) FROM team) +\n"
                                       "  (SELECT count(*) FROM chronic_enrolment) + (SELECT count(*) FROM followup) +\n"
                                       "  (SELECT count(*) FROM contract) + (SELECT count(*) FROM contact_log)"), ==, 0);
  }

  /* Nothing echoes back. */
  b2 = sync_ok (fx->b);
  g_assert_cmpuint (b2->sent, ==, 0);
  g_assert_cmpint (jy_test_count (fx->b, pending_sql), ==, 0);

  g_free (job.staff_uuid);
  g_free (job.team_uuid);
  g_free (job.enrolment_uuid);
  g_free (job.followup_uuid);
  g_free (job.contract_uuid);
}

/* A platform that refuses update-as-create (its CapabilityStatement says
 * updateCreate false): new records go as POST + If-None-Exist, the
 * platform's own ids are remembered, and later edits and pulls use them. */
static void
test_server_without_update_create (Fixture       *fx,
                                   gconstpointer  user_data)
{
  g_autoptr(GSubprocess) strict = NULL;
  g_autofree char *strict_url = NULL;
  g_autofree char *shared_url = base_url;
  g_autofree char *uuid = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *query = NULL;
  g_autoptr(JySyncSummary) s1 = NULL, s2 = NULL, s3 = NULL, s4 = NULL;

  if (base_url == NULL)
    return;
  strict = jy_test_start_fhir_server ("false", &strict_url);
  base_url = strict_url;
  copy_workstation (fx);
  uuid = jy_test_add_resident (fx->a, "测试午", "1958-08-08");

  s1 = sync_ok (fx->a);
  g_assert_cmpuint (s1->sent, ==, 2);
  remote_id = jy_test_text (fx->a, "SELECT remote_id FROM sync_remote_id WHERE entity = 'resident'");
  g_assert_nonnull (remote_id);
  g_assert_cmpstr (remote_id, !=, uuid);
  g_assert_cmpint (server_count_uuid (uuid), ==, 1);

  /* A second run sends nothing twice; an edit goes to the platform's id. */
  s2 = sync_ok (fx->a);
  g_assert_cmpuint (s2->sent, ==, 0);
  jy_test_edit_resident (fx->a, uuid, NULL, "13300000003");
  s3 = sync_ok (fx->a);
  g_assert_cmpuint (s3->sent, ==, 1);
  g_assert_cmpint (server_count_uuid (uuid), ==, 1);
  g_assert_cmpint (history_length (remote_id), ==, 2);

  /* B finds it by its Jiayi identifier, under the row's own uuid. */
  s4 = sync_ok (fx->b);
  g_assert_cmpuint (s4->received, ==, 1);
  g_assert_cmpint (jy_test_count (fx->b, "SELECT count(*) FROM resident WHERE phone = '13300000003'"), ==, 1);
  query = jy_test_text (fx->b, "SELECT uuid FROM resident");
  g_assert_cmpstr (query, ==, uuid);

  g_subprocess_force_exit (strict);
  base_url = g_steal_pointer (&shared_url);
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/integration/sync/push-creates-patients", test_push_creates_patients);
  ADD ("/integration/sync/update-uses-if-match", test_update_uses_if_match);
  ADD ("/integration/sync/two-workstations-converge", test_two_workstations_converge);
  ADD ("/integration/sync/concurrent-edit-conflict", test_concurrent_edit_conflict);
  ADD ("/integration/sync/merged-conflict-converges", test_merged_conflict_converges);
  ADD ("/integration/sync/retired-record-converges", test_retired_record_converges);
  ADD ("/integration/sync/rejected-record-reported-rest-lands", test_rejected_record_reported);
  ADD ("/integration/sync/killed-mid-push-no-duplicates", test_killed_mid_push_no_duplicates);
  ADD ("/integration/sync/unreachable-server-fails", test_unreachable_server_fails);
  ADD ("/integration/sync/full-bundles-and-pages", test_full_bundles);
  ADD ("/integration/sync/server-without-update-create", test_server_without_update_create);
  ADD ("/integration/sync/care records converge on two workstations", test_care_converges);
#undef ADD

  status = g_test_run ();
  if (server != NULL)
    g_subprocess_force_exit (server);
  return status;
}
