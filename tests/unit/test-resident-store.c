/* test-resident-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-centre-store.h"
#include "jy-clock.h"
#include "jy-key-population.h"
#include "jy-resident-store.h"
#include "jy-store.h"
#include "test-util.h"

/* Synthetic person: a valid number built for the test, not anyone's. */
#define ID_A "11010519491231002X"
#define ID_B "440304199003075417"

typedef struct
{
  char    *tmpdir;
  char    *path;
  JyStore *store;
  GDate    today;
} Fixture;

typedef struct
{
  JyResident *resident;
  const GDate *today;
} SaveJob;

static gpointer
add_areas (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  static const char sql[] =
    "INSERT INTO address_area (code, parent_code, level, name) VALUES\n"
    "  ('359902', NULL, 3, '海滨区'),\n"
    "  ('359902001', '359902', 4, '滨海街道'),\n"
    "  ('359902001001', '359902001', 5, '海韵社区'),\n"
    "  ('359902002', '359902', 4, '莲花街道'),\n"
    "  ('359902002003', '359902002', 5, '莲花社区')";

  return jy_db_exec (db, sql, error) ? JY_STORE_DONE : NULL;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  JyCentreIdentity centre = { .name = (char *)"测试中心", .code = (char *)"350299001" };

  fx->tmpdir = g_dir_make_tmp ("jiayi-resident-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, jy_centre_store_save, &centre, NULL, &error) == JY_STORE_DONE);
  g_assert_true (jy_store_write (fx->store, add_areas, NULL, NULL, &error) == JY_STORE_DONE);
  g_date_set_dmy (&fx->today, 23, 11, 2026);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  g_assert_finalize_object (fx->store);
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
}

static JyResident *
make_resident (const char *name,
               const char *id_number)
{
  JyResident *r = jy_resident_new ();

  r->name = g_strdup (name);
  r->id_number = g_strdup (id_number);
  r->phone = g_strdup ("+86 138 0013 8000");
  r->area_code = g_strdup ("359902001001");
  jy_resident_fill_from_id (r);
  return r;
}

static gpointer
insert_job (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  SaveJob *job = data;

  return jy_resident_store_insert (db, job->resident, job->today, error) ? JY_STORE_DONE : NULL;
}

static gpointer
update_job (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  SaveJob *job = data;

  return jy_resident_store_update (db, job->resident, job->today, error) ? JY_STORE_DONE : NULL;
}

static gboolean
insert (Fixture     *fx,
        JyResident  *r,
        GError     **error)
{
  SaveJob job = { r, &fx->today };

  return jy_store_write (fx->store, insert_job, &job, NULL, error) != NULL;
}

static gint64
count (Fixture    *fx,
       const char *sql)
{
  return jy_test_query_int64 (fx->path, sql);
}

static void
test_insert_writes_record_outbox_audit_and_keys (Fixture       *fx,
                                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = make_resident ("王小燕", ID_A);
  g_autofree char *archive = NULL;

  insert (fx, r, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r->id, >, 0);
  g_assert_nonnull (r->uuid);

  /* Derived from the ID number, phone normalised, archive number assigned. */
  g_assert_cmpstr (r->birth_date, ==, "1949-12-31");
  g_assert_cmpstr (r->sex, ==, "2");
  g_assert_cmpstr (r->phone, ==, "13800138000");
  g_assert_cmpstr (r->archive_no, ==, "35990200100100001");

  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE name = '王小燕'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'resident' AND op = 'create'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE entity = 'resident' AND action = 'create'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM search_key WHERE resident_id = 1"), >, 0);

  archive = jy_test_query_text (fx->path, "SELECT archive_no FROM resident WHERE id = 1");
  g_assert_cmpstr (archive, ==, "35990200100100001");
}

static void
test_wrong_check_digit_refused_nothing_written (Fixture       *fx,
                                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = make_resident ("李四", "110105194912310021");

  g_assert_null (r->sex);   /* nothing is derived from an invalid number */
  r->sex = g_strdup ("1");
  r->birth_date = g_strdup ("1949-12-31");
  g_assert_false (insert (fx, r, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident"), ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'resident'"), ==, 0);
}

static void
test_duplicate_id_number_refused (Fixture       *fx,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) first = make_resident ("王小燕", ID_A);
  g_autoptr(JyResident) second = make_resident ("王晓燕", " 11010519491231002x ");

  g_assert_true (insert (fx, first, &error));
  /* Same number, typed with spaces and a lowercase x. */
  g_assert_false (insert (fx, second, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident"), ==, 1);
}

static void
test_id_mismatch_blocks_until_confirmed (Fixture       *fx,
                                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_resident_new ();

  r->name = g_strdup ("赵六");
  r->id_number = g_strdup (ID_B);   /* male, born 1990-03-07 */
  r->sex = g_strdup ("2");
  r->birth_date = g_strdup ("1990-03-07");
  g_assert_false (insert (fx, r, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  r->registry_error_confirmed = TRUE;
  g_assert_true (insert (fx, r, &error));
  g_assert_no_error (error);
}

static void
test_update_bumps_rev_and_audits_changed_fields (Fixture       *fx,
                                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = make_resident ("王小燕", ID_A);
  g_autofree char *detail = NULL;
  SaveJob job = { r, &fx->today };

  g_assert_true (insert (fx, r, &error));
  g_free (r->phone);
  r->phone = g_strdup ("13900139000");
  g_assert_true (jy_store_write (fx->store, update_job, &job, NULL, &error) != NULL);
  g_assert_no_error (error);
  g_assert_cmpint (r->rev, ==, 2);

  detail = jy_test_query_text (fx->path, "SELECT detail FROM audit_log WHERE action = 'update'");
  g_assert_nonnull (strstr (detail, "\"phone\""));
  g_assert_null (strstr (detail, "\"name\""));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE op = 'update' AND rev = 2"), ==, 1);
}

static void
test_stale_update_is_a_conflict (Fixture       *fx,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = make_resident ("王小燕", ID_A);
  g_autoptr(JyResident) other = NULL;
  SaveJob job;

  g_assert_true (insert (fx, r, &error));
  other = jy_resident_copy (r);

  g_free (r->phone);
  r->phone = g_strdup ("13900139000");
  job = (SaveJob) { r, &fx->today };
  g_assert_true (jy_store_write (fx->store, update_job, &job, NULL, &error) != NULL);

  /* A second window still holds rev 1. */
  g_free (other->address_detail);
  other->address_detail = g_strdup ("海韵路1号");
  job = (SaveJob) { other, &fx->today };
  g_assert_null (jy_store_write (fx->store, update_job, &job, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE address_detail IS NULL"), ==, 1);
}

typedef struct
{
  gint64      id;
  gint64      rev;
  const char *date;
} RetireJob;

static gpointer
retire_job (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  RetireJob *job = data;

  return jy_resident_store_retire (db, job->id, job->rev, "dead", job->date, "脑卒中", error) ? JY_STORE_DONE : NULL;
}

static void
test_retire_keeps_record_with_date_and_reason (Fixture       *fx,
                                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = make_resident ("王小燕", ID_A);
  RetireJob job;

  g_assert_true (insert (fx, r, &error));
  job = (RetireJob) { r->id, r->rev, "2026-13-01" };
  g_assert_null (jy_store_write (fx->store, retire_job, &job, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  job.date = "2026-11-20";
  g_assert_true (jy_store_write (fx->store, retire_job, &job, NULL, &error) != NULL);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE status = 'dead' AND status_date = '2026-11-20'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE op = 'retire'"), ==, 1);
}

static gpointer
list_job (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return jy_resident_store_list_ids (db, data, cancellable, error);
}

static gpointer
view_job (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return jy_resident_store_record_view (db, GPOINTER_TO_INT (data), error) ? JY_STORE_DONE : NULL;
}

static void
test_list_filters_and_rows_are_masked (Fixture       *fx,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) a = make_resident ("王小燕", ID_A);
  g_autoptr(JyResident) b = make_resident ("陈大明", ID_B);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) street = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  JyResidentFilter filter = { .sort = JY_RESIDENT_SORT_NAME };
  JyResidentRow *row;

  g_free (b->area_code);
  b->area_code = g_strdup ("359902002003");
  g_assert_true (insert (fx, a, &error));
  g_assert_true (insert (fx, b, &error));

  all = jy_store_read (fx->store, list_job, &filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);

  filter.area_prefix = (char *)"359902002";
  street = jy_store_read (fx->store, list_job, &filter, NULL, &error);
  g_assert_cmpuint (street->len, ==, 1);
  g_assert_cmpint (g_array_index (street, gint64, 0), ==, b->id);

  {
    JyDb *db = jy_db_open (fx->path, JY_DB_OPEN_READ_ONLY, &error);

    rows = jy_resident_store_load_rows (db, &a->id, 1, &error);
    jy_db_close (db);
  }
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->id_masked, ==, "1101**********002X");
  g_assert_cmpstr (row->phone_masked, ==, "138****8000");

  g_assert_true (jy_store_write (fx->store, view_job, GINT_TO_POINTER ((int)a->id), NULL, &error) != NULL);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE action = 'view'"), ==, 1);
}

typedef struct
{
  gint64      id;
  const char *tag;
  const char *start;
  const char *end;
} TagJob;

static gpointer
add_tag_job (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  TagJob *job = data;

  return jy_resident_store_add_tag (db, job->id, job->tag, job->start, job->end, NULL, error) ? JY_STORE_DONE : NULL;
}

static void
test_manual_tags_only_for_manual_kinds_with_valid_dates (Fixture       *fx,
                                                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = make_resident ("王小燕", ID_A);
  TagJob job;

  g_assert_true (insert (fx, r, &error));

  /* 65+ follows the birth date: it cannot be set by hand. */
  job = (TagJob) { r->id, "elderly", "2026-01-01", NULL };
  g_assert_null (jy_store_write (fx->store, add_tag_job, &job, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  job = (TagJob) { r->id, "pregnant", "2026-03-01", "2026-02-01" };
  g_assert_null (jy_store_write (fx->store, add_tag_job, &job, NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  job = (TagJob) { r->id, "tuberculosis", "2026-03-01", NULL };
  g_assert_true (jy_store_write (fx->store, add_tag_job, &job, NULL, &error) != NULL);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident_tag WHERE tag = 'tuberculosis' AND end_date IS NULL"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'resident_tag'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident_tag"), ==, 1);
}

static JyResident *
make_person (const char *name,
             const char *sex,
             const char *birth)
{
  JyResident *r = jy_resident_new ();

  r->name = g_strdup (name);
  r->sex = g_strdup (sex);
  r->birth_date = g_strdup (birth);
  return r;
}

static guint
count_filtered (Fixture    *fx,
                const char *key_population)
{
  g_autoptr(GError) error = NULL;
  JyResidentFilter filter = { .key_population = (char *)key_population };
  g_autoptr(GArray) ids = jy_store_read (fx->store, list_job, &filter, NULL, &error);

  g_assert_no_error (error);
  return ids->len;
}

static void
test_list_filters_by_key_population (Fixture       *fx,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autoptr(JyResident) old = make_person ("老人", "1", "1940-05-05");
  g_autoptr(JyResident) child = NULL;
  g_autoptr(JyResident) adult = make_person ("成人", "2", "1990-05-05");
  g_autofree char *child_birth = NULL;
  TagJob job;

  /* A child born a year ago, whatever day the test runs. */
  child_birth = g_strdup_printf ("%04d-01-01", g_date_get_year (today) - 1);
  child = make_person ("儿童", "2", child_birth);
  g_assert_true (insert (fx, old, &error));
  g_assert_true (insert (fx, child, &error));
  g_assert_true (insert (fx, adult, &error));
  job = (TagJob) { adult->id, "tuberculosis", "2020-01-01", NULL };
  g_assert_true (jy_store_write (fx->store, add_tag_job, &job, NULL, &error) != NULL);

  g_assert_cmpuint (count_filtered (fx, NULL), ==, 3);
  g_assert_cmpuint (count_filtered (fx, "elderly"), ==, 1);
  g_assert_cmpuint (count_filtered (fx, "child"), ==, 1);
  g_assert_cmpuint (count_filtered (fx, "tuberculosis"), ==, 1);
  g_assert_cmpuint (count_filtered (fx, "pregnant"), ==, 0);
}

static JyResidentRow *
load_row (Fixture *fx,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  JyDb *db = jy_db_open (fx->path, JY_DB_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) rows = NULL;
  JyResidentRow *row;

  g_assert_no_error (error);
  rows = jy_resident_store_load_rows (db, &id, 1, &error);
  jy_db_close (db);
  g_assert_no_error (error);
  row = g_ptr_array_steal_index (rows, 0);
  return row;
}

static void
test_list_rows_carry_key_populations_of_today (Fixture       *fx,
                                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) old = make_person ("老人", "1", "1940-05-05");
  g_autoptr(JyResident) adult = make_person ("成人", "2", "1990-05-05");
  JyResidentRow *row;
  TagJob job;

  g_assert_true (insert (fx, old, &error));
  g_assert_true (insert (fx, adult, &error));
  /* Open today; ended long ago; starting next century: only the first counts. */
  job = (TagJob) { adult->id, "tuberculosis", "2020-01-01", NULL };
  g_assert_true (jy_store_write (fx->store, add_tag_job, &job, NULL, &error) != NULL);
  job = (TagJob) { adult->id, "pregnant", "2020-01-01", "2020-10-01" };
  g_assert_true (jy_store_write (fx->store, add_tag_job, &job, NULL, &error) != NULL);
  job = (TagJob) { adult->id, "low-income", "2120-01-01", NULL };
  g_assert_true (jy_store_write (fx->store, add_tag_job, &job, NULL, &error) != NULL);
  g_assert_no_error (error);

  row = load_row (fx, old->id);
  g_assert_cmphex (row->key_populations, ==, JY_KEY_POPULATION_BIT (JY_KEY_POPULATION_ELDERLY));
  jy_resident_row_free (row);
  row = load_row (fx, adult->id);
  g_assert_cmphex (row->key_populations, ==, JY_KEY_POPULATION_BIT (JY_KEY_POPULATION_TUBERCULOSIS));
  jy_resident_row_free (row);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/resident/insert-writes-record-outbox-audit-and-search-keys", test_insert_writes_record_outbox_audit_and_keys);
  ADD ("/store/resident/wrong-check-digit-refused-nothing-written", test_wrong_check_digit_refused_nothing_written);
  ADD ("/store/resident/duplicate-id-number-refused", test_duplicate_id_number_refused);
  ADD ("/store/resident/id-sex-mismatch-blocks-until-registry-error-confirmed", test_id_mismatch_blocks_until_confirmed);
  ADD ("/store/resident/update-bumps-rev-and-audits-changed-fields", test_update_bumps_rev_and_audits_changed_fields);
  ADD ("/store/resident/stale-update-is-a-conflict", test_stale_update_is_a_conflict);
  ADD ("/store/resident/retire-keeps-record-with-date-and-reason", test_retire_keeps_record_with_date_and_reason);
  ADD ("/store/resident/list-filters-and-rows-are-masked", test_list_filters_and_rows_are_masked);
  ADD ("/store/resident/manual-tags-only-manual-kinds-valid-dates", test_manual_tags_only_for_manual_kinds_with_valid_dates);
  ADD ("/store/resident/list-filters-by-key-population", test_list_filters_by_key_population);
  ADD ("/store/resident/list rows carry the key populations of today", test_list_rows_carry_key_populations_of_today);

  return g_test_run ();
}
