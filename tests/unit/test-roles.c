/* test-roles.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-centre-store.h"
#include "jy-resident-detail.h"
#include "jy-resident-export.h"
#include "jy-resident-import.h"
#include "jy-resident-search.h"
#include "jy-resident-store.h"
#include "jy-team-store.h"
#include "test-store-fixture.h"
#include "test-util.h"

/* Roles are enforced in the store: each denial below is what a user of
 * that role gets however the call was made, not a hidden button. */

/* Synthetic people: valid numbers built for the test, not anyone's. */
#define ID_A "11010519491231002X"
#define ID_B "440304199003075417"
#define MASKED_A "1101**********002X"

typedef struct
{
  gint64  id;
  gint64  rev;
} Retire;

static gpointer
retire_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Retire *r = data;

  return jy_resident_store_retire (db, r->id, r->rev, "moved-out", "2026-11-20", "搬家", error)
           ? JY_STORE_DONE : NULL;
}

static gint64
insert_as_system (JyTestCentre *fx,
                  const char   *name,
                  const char   *id_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_test_make_resident (name, id_number);
  gint64 id;

  jy_test_act_as (fx, JY_ROLE_SYSTEM);
  id = jy_test_insert_resident (fx, r, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_nurse_cannot_retire (JyTestCentre  *fx,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Retire retire = { insert_as_system (fx, "王小燕", ID_A), 1 };

  jy_test_act_as (fx, JY_ROLE_NURSE);
  g_assert_null (jy_store_write (fx->store, retire_func, &retire, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM resident WHERE status = 'active'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM outbox WHERE op = 'retire'"), ==, 0);

  /* The family doctor may. */
  g_clear_error (&error);
  jy_test_act_as (fx, JY_ROLE_DOCTOR);
  g_assert_true (jy_store_write (fx->store, retire_func, &retire, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM resident WHERE status = 'moved-out'"), ==, 1);
}

static void
test_nurse_registers (JyTestCentre  *fx,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_test_make_resident ("李娜", ID_B);

  jy_test_act_as (fx, JY_ROLE_NURSE);
  g_assert_cmpint (jy_test_insert_resident (fx, r, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM resident WHERE created_by = 'test-nurse'"), ==, 1);
}

static void
test_manager_cannot_register (JyTestCentre  *fx,
                              gconstpointer  user_data)
{
  static const JyRole roles[] = { JY_ROLE_MANAGER, JY_ROLE_ADMIN, JY_ROLE_NONE };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JyResident) r = jy_test_make_resident ("李娜", ID_B);

      jy_test_act_as (fx, roles[i]);
      g_assert_cmpint (jy_test_insert_resident (fx, r, &error), ==, 0);
      g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
    }
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM resident"), ==, 0);
}

static gpointer
list_rows_func (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  JyResidentFilter filter = { 0 };
  g_autoptr(GArray) ids = jy_resident_store_list_ids (db, &filter, cancellable, error);

  if (ids == NULL)
    return NULL;
  return jy_resident_store_load_rows (db, (gint64 *)(gpointer)ids->data, ids->len, error);
}

static gpointer
detail_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return jy_resident_detail_load (db, data, cancellable, error);
}

typedef struct
{
  JyResidentExportFlags  flags;
  GOutputStream         *out;
} Export;

static gpointer
export_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Export *e = data;
  JyResidentFilter filter = { 0 };

  return jy_resident_export_csv (db, &filter, e->flags, e->out, NULL, cancellable, error)
           ? JY_STORE_DONE : NULL;
}

static char *
export (JyTestCentre          *fx,
        JyResidentExportFlags  flags,
        GError               **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  Export e = { flags, out };

  if (jy_store_write (fx->store, export_func, &e, NULL, error) == NULL)
    return NULL;
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

typedef struct
{
  gint64      id;
  const char *id_number;
  GDate      *today;
} ChangeId;

static gpointer
change_id_func (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  ChangeId *c = data;
  g_autoptr(JyResident) r = jy_resident_store_load (db, c->id, error);

  if (r == NULL)
    return NULL;
  g_free (r->id_number);
  r->id_number = g_strdup (c->id_number);
  /* A registry error corrected: sex and birth date follow the number. */
  g_clear_pointer (&r->sex, g_free);
  g_clear_pointer (&r->birth_date, g_free);
  jy_resident_fill_from_id (r);
  return jy_resident_store_update (db, r, c->today, error) ? JY_STORE_DONE : NULL;
}

static void
test_manager_masked (JyTestCentre  *fx,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JyResidentDetail) detail = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *doctor_csv = NULL;
  gint64 id = insert_as_system (fx, "王小燕", ID_B);
  ChangeId change = { id, ID_A, &fx->today };

  /* The timeline now holds the old and the new number. */
  jy_store_write (fx->store, change_id_func, &change, NULL, &error);
  g_assert_no_error (error);

  jy_test_act_as (fx, JY_ROLE_MANAGER);
  rows = jy_store_read (fx->store, list_rows_func, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((JyResidentRow *)g_ptr_array_index (rows, 0))->id_masked, ==, MASKED_A);

  detail = jy_store_write (fx->store, detail_func, &id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detail->resident->id_number, ==, MASKED_A);
  g_assert_cmpuint (detail->timeline->len, ==, 2);
  for (guint i = 0; i < detail->timeline->len; i++)
    {
      JyTimelineEntry *entry = g_ptr_array_index (detail->timeline, i);

      g_assert_true (entry->detail == NULL || strstr (entry->detail, ID_A) == NULL);
      g_assert_true (entry->detail == NULL || strstr (entry->detail, ID_B) == NULL);
    }

  csv = export (fx, JY_RESIDENT_EXPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, MASKED_A));
  g_assert_null (strstr (csv, ID_A));

  /* Asking for whole numbers is refused, not quietly masked. */
  g_assert_null (export (fx, JY_RESIDENT_EXPORT_FULL_ID_NUMBER, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* The doctor sees the whole number. */
  jy_test_act_as (fx, JY_ROLE_DOCTOR);
  doctor_csv = export (fx, JY_RESIDENT_EXPORT_FULL_ID_NUMBER, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (doctor_csv, ID_A));
}

static void
test_admin_cannot_open (JyTestCentre  *fx,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 id = insert_as_system (fx, "王小燕", ID_A);

  jy_test_act_as (fx, JY_ROLE_ADMIN);
  rows = jy_store_read (fx->store, list_rows_func, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);

  g_assert_null (jy_store_write (fx->store, detail_func, &id, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE action = 'view'"), ==, 0);
}

static gpointer
search_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return jy_resident_search (db, "王", 0, 10, cancellable, error);
}

static void
test_nobody_cannot_list (JyTestCentre  *fx,
                         gconstpointer  user_data)
{
  g_autoptr(GError) list_error = NULL;
  g_autoptr(GError) search_error = NULL;

  insert_as_system (fx, "王小燕", ID_A);
  jy_test_act_as (fx, JY_ROLE_NONE);
  g_assert_null (jy_store_read (fx->store, list_rows_func, NULL, NULL, &list_error));
  g_assert_error (list_error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_assert_null (jy_store_read (fx->store, search_func, NULL, NULL, &search_error));
  g_assert_error (search_error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
}

static void
test_centre_settings (JyTestCentre  *fx,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  JyCentreIdentity centre = { .name = (char *)"改名中心", .code = (char *)"350299009" };

  jy_test_act_as (fx, JY_ROLE_MANAGER);
  g_assert_null (jy_store_write (fx->store, jy_centre_store_save, &centre, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_clear_error (&error);

  jy_test_act_as (fx, JY_ROLE_ADMIN);
  g_assert_true (jy_store_write (fx->store, jy_centre_store_save, &centre, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM site WHERE code = '350299009'"), ==, 1);
}

static gpointer
import_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  static const char csv[] = "姓名,身份证号\r\n王小燕," ID_A "\r\n";

  return jy_resident_import_csv (db, csv, strlen (csv), NULL, NULL, NULL, NULL, error);
}

static void
test_import_public_health (JyTestCentre  *fx,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyImportReport) report = NULL;

  jy_test_act_as (fx, JY_ROLE_DOCTOR);
  g_assert_null (jy_store_write (fx->store, import_func, NULL, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
  g_clear_error (&error);

  jy_test_act_as (fx, JY_ROLE_PUBLIC_HEALTH);
  report = jy_store_write (fx->store, import_func, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);
}

static gpointer
session_role_func (JyDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return GINT_TO_POINTER (jy_actor_get_role (jy_db_get_session (db)) + 1);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gpointer *out = user_data;

  *out = jy_store_read_finish (JY_STORE (object), result, NULL);
}

static void
test_queued_job_keeps_session (JyTestCentre  *fx,
                               gconstpointer  user_data)
{
  gpointer role = NULL;

  jy_test_act_as (fx, JY_ROLE_NURSE);
  jy_store_read_async (fx->store, session_role_func, NULL, NULL, NULL, NULL, read_done_cb, &role);
  /* Signing in as someone else does not change whose job that was. */
  jy_test_act_as (fx, JY_ROLE_DOCTOR);
  jy_test_iterate_until_set (&role);
  g_assert_cmpint (GPOINTER_TO_INT (role) - 1, ==, JY_ROLE_NURSE);

  /* The worker drops its task (and the task its store) just after. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (g_atomic_int_get (&G_OBJECT (fx->store)->ref_count) > 1 && g_get_monotonic_time () < deadline)
      g_thread_yield ();
  }
}

static gpointer
team_areas_func (JyDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  static const char *const none[] = { NULL };

  return jy_team_store_set_areas (db, *(gint64 *) data, none, error) ? JY_STORE_DONE : NULL;
}

static gpointer
team_move_func (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  gint64 none = 0;

  return jy_team_store_move_residents (db, &none, 0, *(gint64 *) data, FALSE, NULL,
                                       JY_TERMINATION_REASON_CHANGE_OF_TEAM, NULL, NULL, error)
         ? JY_STORE_DONE : NULL;
}

static void
test_team_manage (JyTestCentre  *fx,
                  gconstpointer  user_data)
{
  static const JyRole denied[] = { JY_ROLE_DOCTOR, JY_ROLE_NURSE, JY_ROLE_PUBLIC_HEALTH };

  for (guint i = 0; i < G_N_ELEMENTS (denied); i++)
    {
      g_autoptr(GError) error = NULL;

      jy_test_act_as (fx, denied[i]);
      g_assert_null (jy_store_write (fx->store, team_areas_func, &fx->team_id, NULL, &error));
      g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
      g_clear_error (&error);
      g_assert_null (jy_store_write (fx->store, team_move_func, &fx->team_id, NULL, &error));
      g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
    }

  /* The centre's manager and the administrator may. */
  {
    g_autoptr(GError) error = NULL;

    jy_test_act_as (fx, JY_ROLE_MANAGER);
    g_assert_true (jy_store_write (fx->store, team_areas_func, &fx->team_id, NULL, &error) == JY_STORE_DONE);
    g_assert_no_error (error);
    jy_test_act_as (fx, JY_ROLE_ADMIN);
    g_assert_true (jy_store_write (fx->store, team_move_func, &fx->team_id, NULL, &error) == JY_STORE_DONE);
    g_assert_no_error (error);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

#define ADD(path, func) \
  g_test_add ("/store/roles/" path, JyTestCentre, NULL, jy_test_centre_setup, func, jy_test_centre_teardown)
  ADD ("nurse-cannot-retire-a-resident", test_nurse_cannot_retire);
  ADD ("nurse-registers-a-resident", test_nurse_registers);
  ADD ("manager-admin-nobody-cannot-register", test_manager_cannot_register);
  ADD ("manager-list-detail-export-show-masked-ids", test_manager_masked);
  ADD ("admin-lists-but-cannot-open-a-record", test_admin_cannot_open);
  ADD ("nobody-cannot-list-or-search", test_nobody_cannot_list);
  ADD ("only-admin-renames-the-centre", test_centre_settings);
  ADD ("only-public-health-imports", test_import_public_health);
  ADD ("queued-job-keeps-its-session", test_queued_job_keeps_session);
  ADD ("only-managers-and-admins-manage-teams", test_team_manage);
#undef ADD

  return g_test_run ();
}
