/* test-sync-kill.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Durability of a sync run (issue #5, item 6): `jiayi sync` is SIGKILLed
 * at 100 random moments while it pushes and pulls against the real FHIR
 * server, with local edits and a second workstation's changes between the
 * runs. After every kill the database passes integrity_check, every
 * committed record is there with its last value, and each record's newest
 * change has its outbox entry; in the end both workstations and the
 * platform agree, with no record twice.
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sqlite3.h>

#include "jy-store.h"
#include "test-sync-util.h"
#include "test-util.h"

#define N_KILLS 100

static char *base_url;

typedef struct
{
  GMainLoop   *loop;
  GSubprocess *process;
  guint        kill_source;
  gboolean     killed;
} Run;

static gboolean
kill_cb (gpointer user_data)
{
  Run *run = user_data;

  run->kill_source = 0;
  g_subprocess_send_signal (run->process, SIGKILL);
  return G_SOURCE_REMOVE;
}

static void
exited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Run *run = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  g_main_loop_quit (run->loop);
}

/* Runs `jiayi sync` on @db and SIGKILLs it after @kill_after_us (never
 * when 0). Returns TRUE when the kill ended it, FALSE when it finished
 * (then it must have succeeded). */
static gboolean
run_sync (const char *db,
          gint64      kill_after_us)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { loop };

  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("JIAYI_BINARY"), "sync",
                                         "--db", db, "--server", base_url, "--batch-size", "4", NULL);
  g_assert_no_error (error);
  run.process = process;
  g_subprocess_wait_async (process, NULL, exited_cb, &run);
  if (kill_after_us > 0)
    run.kill_source = g_timeout_add (MAX (1, kill_after_us / 1000), kill_cb, &run);
  g_main_loop_run (loop);
  if (run.kill_source != 0)
    g_source_remove (run.kill_source);

  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return TRUE;
    }
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return FALSE;
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static char *
raw_text (sqlite3    *db,
          const char *sql,
          const char *arg)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* What a kill may never break: the file, the committed records, and the
 * outbox entry of each record's newest change. */
static void
check_after_kill (const char *path,
                  GHashTable *phones)
{
  sqlite3 *db = open_raw (path);
  g_autofree char *integrity = raw_text (db, "PRAGMA integrity_check", NULL);
  GHashTableIter iter;
  gpointer uuid, phone;

  g_assert_cmpstr (integrity, ==, "ok");
  g_hash_table_iter_init (&iter, phones);
  while (g_hash_table_iter_next (&iter, &uuid, &phone))
    {
      g_autofree char *local = raw_text (db, "SELECT phone FROM resident WHERE uuid = ?1", uuid);
      g_autofree char *rev = raw_text (db, "SELECT rev FROM resident WHERE uuid = ?1", uuid);
      g_autofree char *outbox_rev = raw_text (db,
                                              "SELECT max(rev) FROM outbox "
                                              "WHERE entity = 'resident' AND row_uuid = ?1", uuid);

      g_assert_cmpstr (local, ==, phone);
      g_assert_cmpstr (outbox_rev, ==, rev);
    }
  sqlite3_close (db);
}

static char *
phone_for (guint n)
{
  return g_strdup_printf ("135%08u", 10000000 + n);
}

static void
test_killed_at_random_points (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  g_autoptr(GHashTable) phones_a = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) phones_b = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) uuids_a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) uuids_b = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JyStore) a = NULL;
  g_autoptr(JyStore) b = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autofree char *centre = NULL;
  g_autofree char *query = NULL;
  gint64 started, full_us;
  guint kills = 0, serial = 0;

  if (base_url == NULL)
    {
      g_test_skip ("no FHIR server (node or tests/integration/node_modules missing)");
      return;
    }
  tmpdir = g_dir_make_tmp ("jiayi-sync-kill-XXXXXX", &error);
  g_assert_no_error (error);
  path_a = g_build_filename (tmpdir, "a.db", NULL);
  path_b = g_build_filename (tmpdir, "b.db", NULL);
  a = jy_test_workstation_new (path_a);
  centre = jy_test_text (a, "SELECT uuid FROM site");
  g_clear_object (&a);
  from = g_file_new_for_path (path_a);
  to = g_file_new_for_path (path_b);
  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* A first, unkilled run of a typical size gives the window to aim the
   * kills into. */
  a = jy_store_open (path_a, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("测试卯%u", i);
      char *uuid = jy_test_add_resident (a, name, "1960-02-29");
      char *phone = phone_for (serial++);

      jy_test_edit_resident (a, uuid, NULL, phone);
      g_hash_table_insert (phones_a, g_strdup (uuid), phone);
      g_ptr_array_add (uuids_a, uuid);
    }
  g_clear_object (&a);
  started = g_get_monotonic_time ();
  g_assert_false (run_sync (path_a, 0));
  full_us = g_get_monotonic_time () - started;
  g_test_message ("an unkilled run: %" G_GINT64_FORMAT " ms", full_us / 1000);

  b = jy_store_open (path_b, &error);
  g_assert_no_error (error);
  for (guint round = 0; round < N_KILLS; round++)
    {
      /* Committed on A before the run: a new resident and an edit. */
      g_autofree char *name = g_strdup_printf ("测试辰%u", round);
      char *uuid;
      const char *edited;
      char *phone;

      a = jy_store_open (path_a, &error);
      g_assert_no_error (error);
      uuid = jy_test_add_resident (a, name, "1955-12-31");
      g_ptr_array_add (uuids_a, uuid);
      phone = phone_for (serial++);
      jy_test_edit_resident (a, uuid, NULL, phone);
      g_hash_table_insert (phones_a, g_strdup (uuid), phone);
      edited = g_ptr_array_index (uuids_a, g_test_rand_int_range (0, uuids_a->len));
      phone = phone_for (serial++);
      jy_test_edit_resident (a, edited, NULL, phone);
      g_hash_table_replace (phones_a, g_strdup (edited), phone);
      g_clear_object (&a);

      /* Every fourth round the other workstation sends something for A
       * to pull, so kills land in pulls too. */
      if (round % 4 == 0)
        {
          g_autofree char *name_b = g_strdup_printf ("测试巳%u", round);
          g_autoptr(JySyncSummary) summary = NULL;
          char *uuid_b = jy_test_add_resident (b, name_b, "1949-10-01");

          phone = phone_for (serial++);
          jy_test_edit_resident (b, uuid_b, NULL, phone);
          g_hash_table_insert (phones_b, g_strdup (uuid_b), phone);
          g_ptr_array_add (uuids_b, uuid_b);
          summary = jy_test_sync (b, base_url, 4, &error);
          g_assert_no_error (error);
        }

      /* Anywhere from start-up to the end of a run like the last whole
       * one: opening the store, the metadata call, push, pull. */
      started = g_get_monotonic_time ();
      if (run_sync (path_a, g_test_rand_int_range (1, (int)full_us)))
        kills++;
      else
        full_us = g_get_monotonic_time () - started;
      check_after_kill (path_a, phones_a);
    }
  g_test_message ("%u of %d runs killed before they finished", kills, N_KILLS);
  /* Most runs must really die mid-way, or this tests nothing. */
  g_assert_cmpuint (kills, >=, N_KILLS / 2);

  /* Let both finish: A, then B picks up A's records, then A picks up
   * whatever B sent last. */
  g_assert_false (run_sync (path_a, 0));
  {
    g_autoptr(JySyncSummary) summary = jy_test_sync (b, base_url, 50, &error);

    g_assert_no_error (error);
  }
  g_clear_object (&b);
  g_assert_false (run_sync (path_a, 0));

  a = jy_store_open (path_a, &error);
  g_assert_no_error (error);
  b = jy_store_open (path_b, &error);
  g_assert_no_error (error);
  for (JyStore **ws = (JyStore *[]){ a, b, NULL }; *ws != NULL; ws++)
    {
      g_assert_cmpint (jy_test_count (*ws, "SELECT count(*) FROM outbox WHERE state <> 'done'"), ==, 0);
      g_assert_cmpint (jy_test_count (*ws, "SELECT count(*) FROM sync_conflict"), ==, 0);
      g_assert_cmpint (jy_test_count (*ws, "SELECT count(*) FROM resident"), ==,
                       uuids_a->len + uuids_b->len);
      g_assert_cmpint (jy_test_count (*ws, "SELECT count(*) FROM resident WHERE remote_version IS NULL"), ==, 0);
    }
  g_clear_object (&a);
  g_clear_object (&b);
  check_after_kill (path_a, phones_a);
  /* Each side's records reached the other with their last values. */
  {
    sqlite3 *db_a = open_raw (path_a);
    sqlite3 *db_b = open_raw (path_b);
    GHashTableIter iter;
    gpointer uuid, phone;

    g_hash_table_iter_init (&iter, phones_a);
    while (g_hash_table_iter_next (&iter, &uuid, &phone))
      {
        g_autofree char *there = raw_text (db_b, "SELECT phone FROM resident WHERE uuid = ?1", uuid);

        g_assert_cmpstr (there, ==, phone);
      }
    g_hash_table_iter_init (&iter, phones_b);
    while (g_hash_table_iter_next (&iter, &uuid, &phone))
      {
        g_autofree char *there = raw_text (db_a, "SELECT phone FROM resident WHERE uuid = ?1", uuid);

        g_assert_cmpstr (there, ==, phone);
      }
    sqlite3_close (db_a);
    sqlite3_close (db_b);
  }

  /* The platform has each record once. */
  query = g_strdup_printf ("Patient?organization=Organization/%s", centre);
  g_assert_cmpint (jy_test_server_count (base_url, query), ==, uuids_a->len + uuids_b->len);

  jy_test_remove_tree (tmpdir);
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

  g_test_add_func ("/integration/sync-kill/killed at 100 random points loses nothing",
                   test_killed_at_random_points);

  status = g_test_run ();
  if (server != NULL)
    g_subprocess_force_exit (server);
  return status;
}
