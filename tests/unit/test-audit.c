/* test-audit.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-audit-store.h"
#include "jy-clock.h"
#include "jy-resident-detail.h"
#include "jy-resident-store.h"
#include "test-store-fixture.h"
#include "test-util.h"

/* Synthetic people: valid numbers built for the test, not anyone's. */
#define ID_A "11010519491231002X"
#define ID_B "440304199003075417"

static gpointer
detail_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return jy_resident_detail_load (db, data, cancellable, error);
}

static void
view (JyTestCentre *fx,
      gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResidentDetail) detail = jy_store_write (fx->store, detail_func, &id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (detail);
}

typedef struct
{
  gint64       id;
  const char  *name;
  const char  *id_number;
  const GDate *today;
} Rename;

static gpointer
rename_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Rename *r = data;
  g_autoptr(JyResident) resident = jy_resident_store_load (db, r->id, error);

  if (resident == NULL)
    return NULL;
  g_free (resident->name);
  resident->name = g_strdup (r->name);
  if (r->id_number != NULL)
    {
      g_free (resident->id_number);
      resident->id_number = g_strdup (r->id_number);
      g_clear_pointer (&resident->sex, g_free);
      g_clear_pointer (&resident->birth_date, g_free);
      jy_resident_fill_from_id (resident);
    }
  return jy_resident_store_update (db, resident, r->today, error) ? JY_STORE_DONE : NULL;
}

static gint64
insert (JyTestCentre *fx,
        const char   *name,
        const char   *id_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_test_make_resident (name, id_number);
  gint64 id = jy_test_insert_resident (fx, r, &error);

  g_assert_no_error (error);
  return id;
}

static gpointer
query_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return jy_audit_store_query (db, data, cancellable, error);
}

static GPtrArray *
query (JyTestCentre   *fx,
       JyAuditFilter  *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  jy_test_act_as (fx, JY_ROLE_ADMIN);
  entries = jy_store_read (fx->store, query_func, filter, NULL, &error);
  g_assert_no_error (error);
  return entries;
}

static void
test_view_recorded (JyTestCentre  *fx,
                    gconstpointer  user_data)
{
  gint64 id;
  g_autofree char *uuid = NULL;
  g_autofree char *sql = NULL;

  jy_test_act_as (fx, JY_ROLE_DOCTOR);
  id = insert (fx, "王小燕", ID_A);
  view (fx, id);
  jy_test_act_as (fx, JY_ROLE_NURSE);
  view (fx, id);

  uuid = jy_test_query_text (fx->path, "SELECT uuid FROM resident");
  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'view' AND entity = 'resident' "
                         "AND row_uuid = '%s' AND actor IN ('test-doctor', 'test-nurse') AND at <> ''", uuid);
  g_assert_cmpint (jy_test_count (fx, sql), ==, 2);
}

static gpointer
read_detail_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return jy_resident_detail_read (db, data, cancellable, error);
}

/* The resident page reads on a reader and records the view as a write of
 * its own (tests/gui/test-resident-view.c): the read alone writes nothing,
 * and still needs the permission to view. */
static void
test_page_read_needs_view_permission (JyTestCentre  *fx,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResidentDetail) detail = NULL;
  JyResidentDetail *refused;
  gint64 id;

  jy_test_act_as (fx, JY_ROLE_DOCTOR);
  id = insert (fx, "王小燕", ID_A);
  detail = jy_store_read (fx->store, read_detail_func, &id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detail->resident->name, ==, "王小燕");
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE action = 'view'"), ==, 0);

  jy_test_act_as (fx, JY_ROLE_ADMIN);
  refused = jy_store_read (fx->store, read_detail_func, &id, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
}

static void
test_change_recorded (JyTestCentre  *fx,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  Rename rename;
  g_autofree char *detail = NULL;

  jy_test_act_as (fx, JY_ROLE_DOCTOR);
  id = insert (fx, "王小燕", ID_A);
  rename = (Rename) { id, "王晓燕", NULL, &fx->today };
  g_assert_true (jy_store_write (fx->store, rename_func, &rename, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  /* Who, when, which record, and what changed from what. */
  detail = jy_test_query_text (fx->path, "SELECT detail FROM audit_log WHERE action = 'update' "
                                         "AND actor = 'test-doctor' AND row_uuid = (SELECT uuid FROM resident)");
  g_assert_cmpstr (detail, ==, "{\"name\":[\"王小燕\",\"王晓燕\"]}");
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE action = 'create' AND actor = 'test-doctor'"), ==, 1);
  /* The same transaction queued it for the platform (invariant 1). */
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM outbox WHERE op = 'update' AND rev = 2"), ==, 1);
}

static gpointer
tamper_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return jy_db_exec (db, data, error) ? JY_STORE_DONE : NULL;
}

static void
test_append_only (JyTestCentre  *fx,
                  gconstpointer  user_data)
{
  static const char *const tampering[] = {
    "UPDATE audit_log SET actor = 'someone-else'",
    "DELETE FROM audit_log",
    "UPDATE audit_log SET detail = NULL WHERE action = 'create'",
  };
  gint64 before;

  jy_test_act_as (fx, JY_ROLE_DOCTOR);
  insert (fx, "王小燕", ID_A);
  before = jy_test_count (fx, "SELECT count(*) FROM audit_log");
  g_assert_cmpint (before, >, 0);

  /* Not even the system gets to rewrite history. */
  jy_test_act_as (fx, JY_ROLE_SYSTEM);
  for (guint i = 0; i < G_N_ELEMENTS (tampering); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (jy_store_write (fx->store, tamper_func, (gpointer)tampering[i], NULL, &error));
      g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONSTRAINT);
    }
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log"), ==, before);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE actor = 'someone-else'"), ==, 0);
}

static void
test_filters (JyTestCentre  *fx,
              gconstpointer  user_data)
{
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *today_text = jy_clock_format_date (today);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) by_doctor = NULL;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GPtrArray) by_id = NULL;
  g_autoptr(GPtrArray) by_name = NULL;
  g_autoptr(GPtrArray) dated = NULL;
  g_autoptr(GPtrArray) before = NULL;
  JyAuditFilter filter = { 0 };
  gint64 a, b;
  GDate yesterday = *today;

  jy_test_act_as (fx, JY_ROLE_DOCTOR);
  a = insert (fx, "王小燕", ID_A);
  view (fx, a);
  jy_test_act_as (fx, JY_ROLE_NURSE);
  b = insert (fx, "李娜", ID_B);
  view (fx, b);
  view (fx, a);

  all = query (fx, &filter);
  g_assert_cmpuint (all->len, ==, 6);   /* with the centre named by the fixture */
  /* Newest first, with the record named. */
  g_assert_cmpstr (((JyAuditEntry *)g_ptr_array_index (all, 0))->action, ==, "view");
  g_assert_true (g_str_has_prefix (((JyAuditEntry *)g_ptr_array_index (all, 0))->record, "王小燕 "));

  filter.actor = (char *)"test-doctor";
  by_doctor = query (fx, &filter);
  g_assert_cmpuint (by_doctor->len, ==, 2);
  filter.actor = NULL;

  filter.action = (char *)"view";
  views = query (fx, &filter);
  g_assert_cmpuint (views->len, ==, 3);

  filter.resident = (char *)ID_A;
  by_id = query (fx, &filter);
  g_assert_cmpuint (by_id->len, ==, 2);
  filter.action = NULL;
  filter.resident = (char *)"李娜";
  by_name = query (fx, &filter);
  g_assert_cmpuint (by_name->len, ==, 2);
  filter.resident = NULL;

  filter.from_date = today_text;
  filter.to_date = today_text;
  dated = query (fx, &filter);
  g_assert_cmpuint (dated->len, ==, 6);
  g_date_subtract_days (&yesterday, 1);
  filter.from_date = NULL;
  filter.to_date = jy_clock_format_date (&yesterday);
  before = query (fx, &filter);
  g_assert_cmpuint (before->len, ==, 0);
  g_free (filter.to_date);
}

static void
test_only_admin_reads (JyTestCentre  *fx,
                       gconstpointer  user_data)
{
  static const JyRole roles[] = { JY_ROLE_DOCTOR, JY_ROLE_MANAGER, JY_ROLE_NURSE, JY_ROLE_NONE };
  JyAuditFilter filter = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(GError) error = NULL;

      jy_test_act_as (fx, roles[i]);
      g_assert_null (jy_store_read (fx->store, query_func, &filter, NULL, &error));
      g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DENIED);
    }
}

typedef struct
{
  JyAuditFilter  filter;
  GOutputStream *out;
  guint          n;
} Export;

static gpointer
export_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Export *e = data;

  return jy_audit_store_export_csv (db, &e->filter, e->out, &e->n, cancellable, error) ? JY_STORE_DONE : NULL;
}

static void
test_export (JyTestCentre  *fx,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  Export e = { { 0 }, out, 0 };
  gint64 id;

  jy_test_act_as (fx, JY_ROLE_DOCTOR);
  id = insert (fx, "王小燕", ID_A);
  view (fx, id);

  jy_test_act_as (fx, JY_ROLE_ADMIN);
  g_assert_true (jy_store_write (fx->store, export_func, &e, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  csv = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));

  g_assert_cmpuint (e.n, ==, 3);   /* the centre named, the resident created and viewed */
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* header, 3 entries, the final "" */
  g_assert_nonnull (strstr (lines[1], ",view,resident,王小燕 "));
  /* Exporting the trail is on the trail. */
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE action = 'export' "
                                      "AND entity = 'audit_log' AND actor = 'test-admin'"), ==, 1);
}

static void
test_masked_for_admin (JyTestCentre  *fx,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  JyAuditFilter filter = { .action = (char *)"update" };
  JyAuditEntry *entry;
  Rename change;

  jy_test_act_as (fx, JY_ROLE_DOCTOR);
  change = (Rename) { insert (fx, "王小燕", ID_B), "王小燕", ID_A, &fx->today };
  g_assert_true (jy_store_write (fx->store, rename_func, &change, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  entries = query (fx, &filter);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  /* The administrator sees that the number changed, not the numbers. */
  g_assert_nonnull (strstr (entry->detail, "id_number"));
  g_assert_null (strstr (entry->detail, ID_A));
  g_assert_null (strstr (entry->detail, ID_B));
  g_assert_nonnull (strstr (entry->detail, "1101**********002X"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

#define ADD(path, func) \
  g_test_add ("/store/audit/" path, JyTestCentre, NULL, jy_test_centre_setup, func, jy_test_centre_teardown)
  ADD ("each-view-recorded-with-who-and-which-record", test_view_recorded);
  ADD ("each-change-recorded-with-what-changed", test_change_recorded);
  ADD ("page read writes nothing and needs the view permission", test_page_read_needs_view_permission);
  ADD ("update-and-delete-refused", test_append_only);
  ADD ("filter-by-staff-action-resident-and-date", test_filters);
  ADD ("only-admin-reads-the-trail", test_only_admin_reads);
  ADD ("export-csv-and-the-export-is-audited", test_export);
  ADD ("id-numbers-masked-for-admin", test_masked_for_admin);
#undef ADD

  return g_test_run ();
}
