/* contract-fixtures.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small hand-built centre for the contract store tests: two teams of
 * three, synthetic residents of chosen ages, and blocking helpers that
 * run each repository call in its own write job, as a page would.
 */

#pragma once

#include "jy-centre-store.h"
#include "jy-contract-store.h"
#include "jy-person.h"
#include "jy-store.h"
#include "test-util.h"

typedef struct
{
  char    *tmpdir;
  char    *path;
  JyStore *store;
  GDate    today;
} ContractFixture;

/* Staff: 1 王医生 (doctor, team 1 lead), 2 李护士, 3 张公卫; 4 赵医生
 * (doctor, team 2 lead), 5 钱护士, 6 孙公卫; 7 周专家 (specialist, no
 * team), 8 吴医生 (doctor, team 1 member). Residents by id: 1 陈秀英
 * (f, born 1955-06-01: 70 in 2026), 2 刘建国 (m, 1986-02-10), 3 黄小宝
 * (m, 2023-01-20), 4 林丽华 (f, 1995-07-07), 5 吴志强 (m, 1950-03-01),
 * 6 郑美玲 (f, 1960-11-11), 7 何大伟 (m, 1958-01-01), 8 马小红 (f,
 * 1990-04-04); 1, 2, 6, 7 in team 1, the others in team 2. */
static const char contract_fixture_sql[] =
  "INSERT INTO address_area (code, parent_code, level, name) VALUES\n"
  "  ('359902', NULL, 3, '海滨区'), ('359902001', '359902', 4, '滨海街道'),\n"
  "  ('359902001001', '359902001', 5, '海韵社区'), ('359902001002', '359902001', 5, '莲花社区');\n"
  "INSERT INTO staff (id, uuid, created_at, updated_at, site_id, name, role) VALUES\n"
  "  (1, 'staff-1', 't', 't', 1, '王医生', 'doctor'), (2, 'staff-2', 't', 't', 1, '李护士', 'nurse'),\n"
  "  (3, 'staff-3', 't', 't', 1, '张公卫', 'public-health'), (4, 'staff-4', 't', 't', 1, '赵医生', 'doctor'),\n"
  "  (5, 'staff-5', 't', 't', 1, '钱护士', 'nurse'), (6, 'staff-6', 't', 't', 1, '孙公卫', 'public-health'),\n"
  "  (7, 'staff-7', 't', 't', 1, '周专家', 'specialist'), (8, 'staff-8', 't', 't', 1, '吴医生', 'doctor');\n"
  "INSERT INTO team (id, uuid, created_at, updated_at, site_id, code, name, lead_staff_id) VALUES\n"
  "  (1, 'team-1', 't', 't', 1, 'T001', '第一家庭医生团队', 1),\n"
  "  (2, 'team-2', 't', 't', 1, 'T002', '第二家庭医生团队', 4);\n"
  "INSERT INTO team_member (uuid, created_at, updated_at, team_id, staff_id, role, start_date) VALUES\n"
  "  ('m-1', 't', 't', 1, 1, 'doctor', '2020-01-01'), ('m-2', 't', 't', 1, 2, 'nurse', '2020-01-01'),\n"
  "  ('m-3', 't', 't', 1, 3, 'public-health', '2020-01-01'), ('m-4', 't', 't', 2, 4, 'doctor', '2020-01-01'),\n"
  "  ('m-5', 't', 't', 2, 5, 'nurse', '2020-01-01'), ('m-6', 't', 't', 2, 6, 'public-health', '2020-01-01'),\n"
  "  ('m-8', 't', 't', 1, 8, 'doctor', '2020-01-01');\n"
  "INSERT INTO team_area (team_id, area_code) VALUES (1, '359902001001'), (2, '359902001002');\n"
  "INSERT INTO resident (id, uuid, created_at, updated_at, site_id, name, sex, birth_date, phone,\n"
  "                      area_code, team_id) VALUES\n"
  "  (1, 'res-1', 't', 't', 1, '陈秀英', '2', '1955-06-01', '13800138001', '359902001001', 1),\n"
  "  (2, 'res-2', 't', 't', 1, '刘建国', '1', '1986-02-10', '13900139002', '359902001001', 1),\n"
  "  (3, 'res-3', 't', 't', 1, '黄小宝', '1', '2023-01-20', NULL, '359902001002', 2),\n"
  "  (4, 'res-4', 't', 't', 1, '林丽华', '2', '1995-07-07', '13700137004', '359902001002', 2),\n"
  "  (5, 'res-5', 't', 't', 1, '吴志强', '1', '1950-03-01', '13600136005', '359902001002', 2),\n"
  "  (6, 'res-6', 't', 't', 1, '郑美玲', '2', '1960-11-11', '13500135006', '359902001001', 1),\n"
  "  (7, 'res-7', 't', 't', 1, '何大伟', '1', '1958-01-01', '13400134007', '359902001001', 1),\n"
  "  (8, 'res-8', 't', 't', 1, '马小红', '2', '1990-04-04', '13300133008', '359902001002', 2);\n";

static gpointer
contract_fixture_fill (JyDb          *db,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return jy_db_exec (db, contract_fixture_sql, error) ? JY_STORE_DONE : NULL;
}

static inline void
contract_fixture_setup (ContractFixture *fx,
                        gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  JyCentreIdentity centre = { .name = (char *)"测试中心", .code = (char *)"350299001" };

  fx->tmpdir = g_dir_make_tmp ("jiayi-contract-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "centre.db", NULL);
  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, jy_centre_store_save, &centre, NULL, &error) == JY_STORE_DONE);
  g_assert_true (jy_store_write (fx->store, contract_fixture_fill, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_date_clear (&fx->today, 1);
  g_date_set_dmy (&fx->today, 15, G_DATE_MARCH, 2026);
}

static inline void
contract_fixture_teardown (ContractFixture *fx,
                           gconstpointer    user_data)
{
  g_assert_finalize_object (fx->store);
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
}

static inline GDate
contract_day (const char *iso)
{
  GDate date;

  g_assert_true (jy_person_parse_date (iso, &date));
  return date;
}

/* Blocking calls, each one write job -------------------------------------- */

typedef struct
{
  JyContractRequest request;
  const char *const *codes;
  gint64            id;
  gint64            rev;
  GDate             date;
  GDate             today;
  JyTerminationReason reason;
  JyContactRequest  contact;
  int               what;
} ContractJob;

enum { JOB_SIGN, JOB_RENEW, JOB_TERMINATE, JOB_VOID, JOB_CONTACT, JOB_DELIVERY };

static gpointer
contract_job (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  ContractJob *job = data;
  gint64 id;

  switch (job->what)
    {
    case JOB_SIGN:
      return jy_contract_store_sign (db, &job->request, &job->today, error);
    case JOB_RENEW:
      return jy_contract_store_renew (db, job->id, job->rev, &job->request, &job->today, error);
    case JOB_TERMINATE:
      return jy_contract_store_terminate (db, job->id, job->rev, &job->date, job->reason, "测试",
                                          &job->today, error);
    case JOB_VOID:
      return jy_contract_store_void (db, job->id, job->rev, NULL, error);
    case JOB_CONTACT:
      id = jy_contract_store_log_contact (db, &job->contact, &job->today, error);
      return id > 0 ? JY_STORE_DONE : NULL;
    case JOB_DELIVERY:
      id = jy_contract_store_record_delivery (db, job->contact.resident_id, "elderly-annual-check",
                                              job->contact.contacted_at, 0, NULL, &job->today, error);
      return id > 0 ? JY_STORE_DONE : NULL;
    default:
      g_assert_not_reached ();
    }
}

/* Signs for @resident_id with @team_id and @doctor_id (0: the lead) on
 * @sign_date. */
static inline JyContract *
contract_sign_with (ContractFixture    *fx,
                    gint64              resident_id,
                    gint64              team_id,
                    gint64              doctor_id,
                    const char         *sign_date,
                    const char *const  *codes,
                    GError            **error)
{
  static const char *const basic[] = { "basic", NULL };
  ContractJob job = { 0 };

  jy_contract_request_init (&job.request);
  job.what = JOB_SIGN;
  job.request.resident_id = resident_id;
  job.request.team_id = team_id;
  job.request.doctor_id = doctor_id;
  job.request.sign_date = contract_day (sign_date);
  job.request.package_codes = codes != NULL ? codes : basic;
  job.request.fee_paid = TRUE;
  job.today = fx->today;
  if (g_date_compare (&job.today, &job.request.sign_date) < 0)
    job.today = job.request.sign_date;
  return jy_store_write (fx->store, contract_job, &job, NULL, error);
}

static inline JyContract *
contract_sign (ContractFixture    *fx,
               gint64              resident_id,
               gint64              team_id,
               const char         *sign_date,
               const char *const  *codes,
               GError            **error)
{
  return contract_sign_with (fx, resident_id, team_id, 0, sign_date, codes, error);
}

static inline JyContract *
contract_renew (ContractFixture    *fx,
                const JyContract   *old,
                const char         *sign_date,
                const char *const  *codes,
                GError            **error)
{
  ContractJob job = { 0 };

  jy_contract_request_init (&job.request);
  job.what = JOB_RENEW;
  job.id = old->id;
  job.rev = old->rev;
  job.request.sign_date = contract_day (sign_date);
  job.request.package_codes = codes;
  job.today = job.request.sign_date;
  return jy_store_write (fx->store, contract_job, &job, NULL, error);
}

static inline JyContract *
contract_terminate (ContractFixture      *fx,
                    const JyContract     *contract,
                    const char           *date,
                    JyTerminationReason   reason,
                    GError              **error)
{
  ContractJob job = { 0 };

  job.what = JOB_TERMINATE;
  job.id = contract->id;
  job.rev = contract->rev;
  job.date = contract_day (date);
  job.reason = reason;
  job.today = job.date;
  return jy_store_write (fx->store, contract_job, &job, NULL, error);
}

/* A contact by the team (phone) at @utc_at, seen on @today. */
static inline gboolean
contract_contact (ContractFixture     *fx,
                  gint64               resident_id,
                  const char          *utc_at,
                  JyContactInitiator   initiator,
                  const char          *today,
                  GError             **error)
{
  ContractJob job = { 0 };

  job.what = JOB_CONTACT;
  job.contact.resident_id = resident_id;
  job.contact.channel = JY_CONTACT_CHANNEL_PHONE;
  job.contact.initiator = initiator;
  job.contact.staff_id = 2;
  job.contact.contacted_at = utc_at;
  job.contact.content = "电话随访";
  job.today = contract_day (today);
  return jy_store_write (fx->store, contract_job, &job, NULL, error) == JY_STORE_DONE;
}

static inline gboolean
contract_check (ContractFixture  *fx,
                gint64            resident_id,
                const char       *utc_at,
                GError          **error)
{
  ContractJob job = { 0 };

  job.what = JOB_DELIVERY;
  job.contact.resident_id = resident_id;
  job.contact.contacted_at = utc_at;
  job.today = fx->today;
  return jy_store_write (fx->store, contract_job, &job, NULL, error) == JY_STORE_DONE;
}
