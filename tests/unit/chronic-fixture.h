/* chronic-fixture.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* A small hand-built centre for test-chronic-store and test-chronic-worklist:
 * two teams with a doctor each, and residents added by the test. Header
 * only (static inline) so each test program stays one file in meson. */

#include <glib/gstdio.h>

#include "jy-chronic-store.h"
#include "jy-followup-store.h"
#include "jy-store.h"
#include "test-util.h"

typedef struct
{
  char    *tmpdir;
  char    *path;
  JyStore *store;
  gint64   team[2];
  gint64   doctor[2];
  gint64   nurse;
} ChronicFixture;

static gpointer
chronic_fixture_centre_job (JyDb          *db,
                            gpointer       data,
                            GCancellable  *cancellable,
                            GError       **error)
{
  /* Ids are fixed: teams 1 and 2, doctors 1 and 2, nurse 3. */
  static const char sql[] =
    "INSERT INTO site (id, uuid, created_at, updated_at, kind, code, name)\n"
    "  VALUES (1, 'site-1', 'now', 'now', 'centre', '359902001', '测试中心');\n"
    "INSERT INTO staff (id, uuid, created_at, updated_at, site_id, name, role) VALUES\n"
    "  (1, 'staff-1', 'now', 'now', 1, '李医生', 'doctor'),\n"
    "  (2, 'staff-2', 'now', 'now', 1, '王医生', 'doctor'),\n"
    "  (3, 'staff-3', 'now', 'now', 1, '陈护士', 'nurse');\n"
    "INSERT INTO team (id, uuid, created_at, updated_at, site_id, code, name, lead_staff_id) VALUES\n"
    "  (1, 'team-1', 'now', 'now', 1, 'T001', '第一家庭医生团队', 1),\n"
    "  (2, 'team-2', 'now', 'now', 1, 'T002', '第二家庭医生团队', 2);\n";

  return jy_db_exec (db, sql, error) ? JY_STORE_DONE : NULL;
}

static inline void
chronic_fixture_setup (ChronicFixture *fx,
                       gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-chronic-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, chronic_fixture_centre_job, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  fx->team[0] = 1;
  fx->team[1] = 2;
  fx->doctor[0] = 1;
  fx->doctor[1] = 2;
  fx->nurse = 3;
}

static inline void
chronic_fixture_teardown (ChronicFixture *fx,
                          gconstpointer   user_data)
{
  g_assert_finalize_object (fx->store);
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
}

typedef struct
{
  const char *name;
  const char *birth_date;
  const char *phone;
  gint64      team_id;
  gint64      id;
} NewResident;

static gpointer
chronic_fixture_resident_job (JyDb          *db,
                              gpointer       data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  static const char sql[] =
    "INSERT INTO resident (uuid, created_at, updated_at, site_id, name, sex, birth_date, phone, team_id)\n"
    "VALUES (?1, 'now', 'now', 1, ?2, '1', ?3, ?4, ?5)";
  NewResident *resident = data;
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, resident->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, resident->birth_date, -1, SQLITE_STATIC);
  jy_db_bind_text_or_null (stmt, 4, resident->phone);
  sqlite3_bind_int64 (stmt, 5, resident->team_id);
  if (!jy_db_step_done (db, stmt, error))
    return NULL;
  resident->id = jy_db_last_insert_rowid (db);
  return JY_STORE_DONE;
}

/* A fictional resident in @team (index 0 or 1) born 1950-03-01; returns the id. */
static inline gint64
chronic_fixture_add_resident (ChronicFixture *fx,
                              const char     *name,
                              guint           team)
{
  g_autoptr(GError) error = NULL;
  NewResident resident = { name, "1950-03-01", "13800138000", fx->team[team], 0 };

  g_assert_true (jy_store_write (fx->store, chronic_fixture_resident_job, &resident, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  return resident.id;
}

static gpointer
chronic_fixture_enrol_job (JyDb          *db,
                           gpointer       data,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return jy_chronic_store_enrol (db, data, error) ? JY_STORE_DONE : NULL;
}

static inline gboolean
chronic_fixture_try_enrol (ChronicFixture  *fx,
                           JyEnrolment     *enrolment,
                           GError         **error)
{
  return jy_store_write (fx->store, chronic_fixture_enrol_job, enrolment, NULL, error) != NULL;
}

/* Enrols @resident_id in @programme on @enrol_date with the team's doctor;
 * returns the enrolment id. */
static inline gint64
chronic_fixture_enrol (ChronicFixture *fx,
                       gint64          resident_id,
                       JyProgramme     programme,
                       const char     *enrol_date,
                       guint           team)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyEnrolment) enrolment = jy_enrolment_new (programme);

  enrolment->resident_id = resident_id;
  enrolment->icd10 = g_strdup (programme == JY_PROGRAMME_HTN ? "I10.x00" : "E11.900");
  enrolment->diagnosis_date = g_strdup (enrol_date);
  enrolment->enrol_date = g_strdup (enrol_date);
  enrolment->doctor_id = fx->doctor[team];
  enrolment->team_id = fx->team[team];
  g_assert_true (chronic_fixture_try_enrol (fx, enrolment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (enrolment->id, >, 0);
  return enrolment->id;
}

/* A face-to-face clinic follow-up with BP (and glucose for DM). */
static inline JyFollowup *
chronic_fixture_followup (gint64       enrolment_id,
                          JyProgramme  programme,
                          const char  *visit_date,
                          int          sbp,
                          int          dbp,
                          double       glucose)
{
  JyFollowup *f = jy_followup_new (programme);

  f->enrolment_id = enrolment_id;
  f->visit_date = g_strdup (visit_date);
  f->mode = JY_VISIT_MODE_CLINIC;
  f->sbp = sbp;
  f->dbp = dbp;
  f->fasting_glucose = glucose;
  f->author_id = 1;
  f->author_role = g_strdup ("doctor");
  return f;
}

/* Sets the outcome of the form: class, action, next visit. */
static inline void
chronic_fixture_decide (JyFollowup       *f,
                        JyFollowupClass   klass,
                        const char       *next_visit_date)
{
  f->classification = klass;
  f->suggested_class = klass;
  g_free (f->next_visit_date);
  f->next_visit_date = g_strdup (next_visit_date);
  g_free (f->suggested_next_date);
  f->suggested_next_date = g_strdup (next_visit_date);
}

typedef struct
{
  JyFollowup       **records;
  JyFollowupAction  *actions;
  guint              n;
} SaveVisitJob;

static gpointer
chronic_fixture_save_job (JyDb          *db,
                          gpointer       data,
                          GCancellable  *cancellable,
                          GError       **error)
{
  SaveVisitJob *job = data;

  return jy_followup_store_save_visit (db, job->records, job->actions, job->n, error) ? JY_STORE_DONE : NULL;
}

static inline gboolean
chronic_fixture_try_save (ChronicFixture    *fx,
                          JyFollowup       **records,
                          JyFollowupAction  *actions,
                          guint              n,
                          GError           **error)
{
  SaveVisitJob job = { records, actions, n };

  return jy_store_write (fx->store, chronic_fixture_save_job, &job, NULL, error) != NULL;
}

/* Saves one single-record visit; returns the follow-up id. */
static inline gint64
chronic_fixture_save (ChronicFixture   *fx,
                      JyFollowup       *f,
                      JyFollowupAction  action)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (chronic_fixture_try_save (fx, &f, &action, 1, &error));
  g_assert_no_error (error);
  return f->id;
}

/* A routine controlled clinic visit of @enrolment_id on @date, next on @next. */
static inline gint64
chronic_fixture_visit (ChronicFixture *fx,
                       gint64          enrolment_id,
                       JyProgramme     programme,
                       const char     *date,
                       const char     *next)
{
  g_autoptr(JyFollowup) f = chronic_fixture_followup (enrolment_id, programme, date, 128, 78, 6.1);

  chronic_fixture_decide (f, JY_FOLLOWUP_CLASS_CONTROLLED, next);
  return chronic_fixture_save (fx, f, JY_FOLLOWUP_ACTION_ROUTINE);
}

static inline gint64
chronic_fixture_count (ChronicFixture *fx,
                       const char     *sql)
{
  return jy_test_query_int64 (fx->path, sql);
}

typedef struct
{
  gint64      id;
  gint64      rev;
  const char *date;
  const char *reason;
} EndJob;

static inline gpointer
end_job (JyDb          *db,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  EndJob *job = data;

  return jy_chronic_store_end_enrolment (db, job->id, job->rev, job->date, job->reason, "迁往外省", error)
           ? JY_STORE_DONE : NULL;
}

typedef struct
{
  JyFollowup       *correction;
  JyFollowupAction  action;
} CorrectJob;

static inline gpointer
correct_job (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  CorrectJob *job = data;

  return jy_followup_store_correct (db, job->correction, job->action, error) ? JY_STORE_DONE : NULL;
}
