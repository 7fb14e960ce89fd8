/* test-store-fixture.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-store-fixture.h"

#include "jy-centre-store.h"
#include "jy-resident-store.h"
#include "test-util.h"

static gpointer
add_areas_and_team (JyDb          *db,
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
    "  ('359902002003', '359902002', 5, '莲花社区');\n"
    "INSERT INTO team (uuid, created_at, updated_at, site_id, code, name)\n"
    "  SELECT 'team-1', 'now', 'now', id, 'T01', '第一团队' FROM site WHERE kind = 'centre'";

  return jy_db_exec (db, sql, error) ? JY_STORE_DONE : NULL;
}

void
jy_test_centre_setup (JyTestCentre  *fx,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  JyCentreIdentity centre = { .name = (char *)"测试中心", .code = (char *)"350299001" };

  fx->tmpdir = g_dir_make_tmp ("jiayi-test-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, jy_centre_store_save, &centre, NULL, &error) == JY_STORE_DONE);
  g_assert_true (jy_store_write (fx->store, add_areas_and_team, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  fx->team_id = jy_test_query_int64 (fx->path, "SELECT id FROM team WHERE uuid = 'team-1'");
  g_date_set_dmy (&fx->today, 23, 11, 2026);
}

void
jy_test_centre_teardown (JyTestCentre  *fx,
                         gconstpointer  user_data)
{
  g_assert_finalize_object (fx->store);
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
}

JyResident *
jy_test_make_resident (const char *name,
                       const char *id_number)
{
  JyResident *r = jy_resident_new ();

  r->name = g_strdup (name);
  r->id_number = g_strdup (id_number);
  r->phone = g_strdup ("13800138000");
  r->area_code = g_strdup ("359902001001");
  jy_resident_fill_from_id (r);
  return r;
}

typedef struct
{
  JyResident  *resident;
  const GDate *today;
} InsertJob;

static gpointer
insert_job (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  InsertJob *job = data;

  return jy_resident_store_insert (db, job->resident, job->today, error) ? JY_STORE_DONE : NULL;
}

gint64
jy_test_insert_resident (JyTestCentre  *fx,
                         JyResident    *resident,
                         GError       **error)
{
  InsertJob job = { resident, &fx->today };

  if (jy_store_write (fx->store, insert_job, &job, NULL, error) == NULL)
    return 0;
  return resident->id;
}

void
jy_test_act_as (JyTestCentre *fx,
                JyRole        role)
{
  g_autofree char *uuid = g_strdup_printf ("test-%s", jy_role_to_string (role));
  g_autoptr(JyActor) actor = jy_actor_new (0, uuid, NULL, NULL, role, fx->team_id);

  jy_store_set_session (fx->store, actor);
}

gint64
jy_test_count (JyTestCentre *fx,
               const char   *sql)
{
  return jy_test_query_int64 (fx->path, sql);
}
