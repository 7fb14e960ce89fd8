/* test-report-engine.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly summary over a centre built by hand, where every
 * indicator's value for October 2026 is worked out in the comments.
 */

#include "config.h"

#include <locale.h>

#include "jy-report-engine.h"
#include "jy-report-measures-private.h"
#include "jy-store.h"
#include "test-store-fixture.h"
#include "test-util.h"

#define SITE "(SELECT id FROM site WHERE kind = 'centre')"

/* Teams: T1 (the fixture's), T2 = 2. Doctors A = 101 (T1), B = 102 (T2),
 * nurse N = 103 (T1). Residents, on 31 Oct 2026:
 *   1 R1 born 1950 (65+), active, T1, annual check 2026-05-10
 *   2 R2 born 1980, active, T1
 *   3 R3 born 2021 (child under 7), active, T2
 *   4 R4 born 1958 (65+), active, T2, no check
 *   5 R5 born 1970, died 2026-10-15, T1
 *   6 R6 voided (excluded everywhere, though it has a contract and an enrolment)
 *   7 R7 born 1985, moved out 2026-11-05 (registered on 31 Oct), T2 */
static const char centre_sql[] =
  "INSERT INTO team (id, uuid, created_at, updated_at, site_id, code, name)\n"
  "  VALUES (2, 'team-2', 'now', 'now', " SITE ", 'T02', '第二团队');\n"
  "UPDATE team SET name = '第一团队' WHERE uuid = 'team-1';\n"
  "INSERT INTO staff (id, uuid, created_at, updated_at, site_id, name, role) VALUES\n"
  "  (101, 's-a', 'now', 'now', " SITE ", '甲医生', 'doctor'),\n"
  "  (102, 's-b', 'now', 'now', " SITE ", '乙医生', 'doctor'),\n"
  "  (103, 's-n', 'now', 'now', " SITE ", '丙护士', 'nurse');\n"
  "INSERT INTO team_member (uuid, created_at, updated_at, team_id, staff_id, role, start_date) VALUES\n"
  "  ('m-a', 'now', 'now', (SELECT id FROM team WHERE uuid = 'team-1'), 101, 'doctor', '2020-01-01'),\n"
  "  ('m-b', 'now', 'now', 2, 102, 'doctor', '2020-01-01'),\n"
  "  ('m-n', 'now', 'now', (SELECT id FROM team WHERE uuid = 'team-1'), 103, 'nurse', '2020-01-01');\n"
  "INSERT INTO resident (id, uuid, created_at, updated_at, status, status_date, site_id, name, sex,\n"
  "                      birth_date, team_id, annual_check_date) VALUES\n"
  "  (1, 'r1', 'now', 'now', 'active', NULL, " SITE ", '赵一', '1', '1950-03-01', ?1, '2026-05-10'),\n"
  "  (2, 'r2', 'now', 'now', 'active', NULL, " SITE ", '钱二', '2', '1980-06-01', ?1, NULL),\n"
  "  (3, 'r3', 'now', 'now', 'active', NULL, " SITE ", '孙三', '1', '2021-02-01', 2, NULL),\n"
  "  (4, 'r4', 'now', 'now', 'active', NULL, " SITE ", '李四', '2', '1958-12-31', 2, NULL),\n"
  "  (5, 'r5', 'now', 'now', 'dead', '2026-10-15', " SITE ", '周五', '1', '1970-01-01', ?1, NULL),\n"
  "  (6, 'r6', 'now', 'now', 'voided', NULL, " SITE ", '吴六', '1', '1990-01-01', ?1, NULL),\n"
  "  (7, 'r7', 'now', 'now', 'moved-out', '2026-11-05', " SITE ", '郑七', '2', '1985-05-05', 2, NULL);\n"
  /* Contracts (derived columns as jy_contract_derive_resident() keeps them). */
  "INSERT INTO contract (id, uuid, created_at, updated_at, status, contract_no, site_id, resident_id,\n"
  "  team_id, doctor_id, sign_date, start_date, end_date, renews_id, termination_date,\n"
  "  termination_reason, renewed_by_id, renewed_on, cover_last, run_first) VALUES\n"
  /* R1: ends 31 Oct, renewed on 10 Oct by K2 (starts 1 Nov). */
  "  (1, 'k1', 'now', 'now', 'signed', 'K1', " SITE ", 1, ?1, 101, '2025-10-20', '2025-11-01',\n"
  "   '2026-10-31', NULL, NULL, NULL, 2, '2026-10-10', '2026-10-31', '2025-11-01'),\n"
  "  (2, 'k2', 'now', 'now', 'signed', 'K2', " SITE ", 1, ?1, 101, '2026-10-10', '2026-11-01',\n"
  "   '2027-10-31', 1, NULL, NULL, NULL, NULL, '2027-10-31', '2025-11-01'),\n"
  /* R2: a new signing on 5 Oct. */
  "  (3, 'k3', 'now', 'now', 'signed', 'K3', " SITE ", 2, ?1, 101, '2026-10-05', '2026-10-05',\n"
  "   '2027-10-04', NULL, NULL, NULL, NULL, NULL, '2027-10-04', '2026-10-05'),\n"
  /* R3: signed since January. */
  "  (4, 'k4', 'now', 'now', 'signed', 'K4', " SITE ", 3, 2, 102, '2026-01-10', '2026-01-10',\n"
  "   '2027-01-09', NULL, NULL, NULL, NULL, NULL, '2027-01-09', '2026-01-10'),\n"
  /* R4: ends 31 Oct, not renewed. */
  "  (5, 'k5', 'now', 'now', 'signed', 'K5', " SITE ", 4, 2, 102, '2025-11-01', '2025-11-01',\n"
  "   '2026-10-31', NULL, NULL, NULL, NULL, NULL, '2026-10-31', '2025-11-01'),\n"
  /* R5: terminated by death on 15 Oct. */
  "  (6, 'k6', 'now', 'now', 'terminated', 'K6', " SITE ", 5, ?1, 101, '2026-02-01', '2026-02-01',\n"
  "   '2027-01-31', NULL, '2026-10-15', '3', NULL, NULL, '2026-10-14', '2026-02-01'),\n"
  /* R6 (voided resident). */
  "  (7, 'k7', 'now', 'now', 'signed', 'K7', " SITE ", 6, ?1, 101, '2026-01-01', '2026-01-01',\n"
  "   '2026-12-31', NULL, NULL, NULL, NULL, NULL, '2026-12-31', '2026-01-01'),\n"
  /* R7: terminated at the resident's request on 20 Oct. */
  "  (8, 'k8', 'now', 'now', 'terminated', 'K8', " SITE ", 7, 2, 102, '2026-03-01', '2026-03-01',\n"
  "   '2027-02-28', NULL, '2026-10-20', '1', NULL, NULL, '2026-10-19', '2026-03-01');\n"
  /* R3 contacted by the team in October; R1 called the team (does not count). */
  "INSERT INTO contact_log (uuid, created_at, updated_at, resident_id, contract_id, channel,\n"
  "  initiated_by, staff_id, contacted_at, contact_date) VALUES\n"
  "  ('c1', 'now', 'now', 3, 4, 'phone', 'team', 102, 'now', '2026-10-12'),\n"
  "  ('c2', 'now', 'now', 1, 1, 'phone', 'resident', 101, 'now', '2026-10-03');\n"
  /* Enrolments: E1 R1 HTN (A, T1); E2 R1 T2DM (doctor B, team T1: a
   * resident under two doctors); E3 R4 HTN since 15 May (B, T2); E4 R5
   * HTN ended by death 15 Oct; E5 R7 T2DM (B, T2); E6 R6 voided. */
  "INSERT INTO chronic_enrolment (id, uuid, created_at, updated_at, status, resident_id,\n"
  "  programme_id, enrol_date, doctor_id, team_id, end_date, end_reason) VALUES\n"
  "  (1, 'e1', 'now', 'now', 'managing', 1, 1, '2024-03-01', 101, ?1, NULL, NULL),\n"
  "  (2, 'e2', 'now', 'now', 'managing', 1, 2, '2024-03-01', 102, ?1, NULL, NULL),\n"
  "  (3, 'e3', 'now', 'now', 'managing', 4, 1, '2026-05-15', 102, 2, NULL, NULL),\n"
  "  (4, 'e4', 'now', 'now', 'ended', 5, 1, '2023-01-01', 101, ?1, '2026-10-15', 'death'),\n"
  "  (5, 'e5', 'now', 'now', 'managing', 7, 2, '2025-01-01', 102, 2, NULL, NULL),\n"
  "  (6, 'e6', 'now', 'now', 'managing', 6, 1, '2025-01-01', 101, ?1, NULL, NULL);\n"
  "INSERT INTO followup (uuid, created_at, updated_at, enrolment_id, resident_id, programme_id,\n"
  "  visit_uuid, visit_date, mode, author_role, sbp, dbp, fasting_glucose, action, referral_reason,\n"
  "  next_visit_date) VALUES\n"
  /* E1: face to face 10 Jan, 12 Apr, 20 Apr (8 days later: counts once),
   * 15 Jul (home), 8 Oct; a phone call 1 Aug does not count: 4 visits.
   * Last: 148/88 at 76, controlled (< 150/90). Next due 25 Oct: overdue. */
  "  ('f1', 'now', 'now', 1, 1, 1, 'v1', '2026-01-10', 1, 'doctor', 145, 85, NULL, 0, NULL, '2026-04-10'),\n"
  "  ('f2', 'now', 'now', 1, 1, 1, 'v2', '2026-04-12', 1, 'doctor', 152, 85, NULL, 1, NULL, '2026-04-26'),\n"
  "  ('f3', 'now', 'now', 1, 1, 1, 'v3', '2026-04-20', 2, 'doctor', 140, 85, NULL, 0, NULL, '2026-07-19'),\n"
  "  ('f4', 'now', 'now', 1, 1, 1, 'v4', '2026-07-15', 2, 'doctor', 140, 85, NULL, 0, NULL, '2026-08-01'),\n"
  "  ('f5', 'now', 'now', 1, 1, 1, 'v5', '2026-08-01', 3, 'doctor', 130, 80, NULL, 0, NULL, '2026-10-08'),\n"
  "  ('f6', 'now', 'now', 1, 1, 1, 'v6', '2026-10-08', 1, 'doctor', 148, 88, NULL, 0, NULL, '2026-10-25'),\n"
  /* E2 (same visit v6 on 8 Oct): 1 Feb, 3 May, 2 Aug, 8 Oct: 4 visits;
   * last glucose 7.4, not controlled; next due 22 Oct: overdue. */
  "  ('g1', 'now', 'now', 2, 1, 2, 'w1', '2026-02-01', 1, 'doctor', NULL, NULL, 6.5, 0, NULL, '2026-05-01'),\n"
  "  ('g2', 'now', 'now', 2, 1, 2, 'w2', '2026-05-03', 1, 'doctor', NULL, NULL, 6.1, 0, NULL, '2026-08-01'),\n"
  "  ('g3', 'now', 'now', 2, 1, 2, 'w3', '2026-08-02', 1, 'doctor', NULL, NULL, 6.8, 0, NULL, '2026-10-31'),\n"
  "  ('g4', 'now', 'now', 2, 1, 2, 'v6', '2026-10-08', 1, 'doctor', 148, 88, 7.4, 1, NULL, '2026-10-22'),\n"
  /* E3 (enrolled in May: 2 visits required to October): 15 May, 29 May
   * (14 days later: counts), 20 Sep (referral), 2 Oct (12 days after:
   * counts once; it follows the referral up within 14 days), 20 Oct (home,
   * by the nurse, emergency referral 185/112). Last uncontrolled. */
  "  ('h1', 'now', 'now', 3, 4, 1, 'x1', '2026-05-15', 1, 'doctor', 160, 95, NULL, 1, NULL, '2026-05-29'),\n"
  "  ('h2', 'now', 'now', 3, 4, 1, 'x2', '2026-05-29', 1, 'doctor', 158, 92, NULL, 2, '两次控制不满意', '2026-06-12'),\n"
  "  ('h3', 'now', 'now', 3, 4, 1, 'x3', '2026-09-20', 1, 'doctor', 150, 95, NULL, 2, '两次控制不满意', '2026-10-04'),\n"
  "  ('h4', 'now', 'now', 3, 4, 1, 'x4', '2026-10-02', 1, 'doctor', 150, 88, NULL, 0, NULL, '2026-10-16'),\n"
  "  ('h5', 'now', 'now', 3, 4, 1, 'x5', '2026-10-20', 2, 'nurse', 185, 112, NULL, 3, '血压≥180/110', '2026-11-03'),\n"
  /* E4: R5 before death. */
  "  ('i1', 'now', 'now', 4, 5, 1, 'y1', '2026-09-01', 1, 'doctor', 130, 80, NULL, 0, NULL, '2026-11-30'),\n"
  /* E5: 1 Mar, 10 Oct (referral, never followed up; its window ends
   * 24 Oct): 2 of 4 visits; last glucose 8.1; due 24 Oct: overdue. */
  "  ('j1', 'now', 'now', 5, 7, 2, 'z1', '2026-03-01', 1, 'doctor', NULL, NULL, 6.2, 0, NULL, '2026-06-01'),\n"
  "  ('j2', 'now', 'now', 5, 7, 2, 'z2', '2026-10-10', 1, 'doctor', NULL, NULL, 8.1, 2, '控制不满意', '2026-10-24');\n";

/* Long prescriptions: X1 R1 (A, T1) 8 Oct, 84 days; X2 R1 10 Sep,
 * 28 days, renewed; X3 R4 (B, T2) 2 Oct, 28 days, stopped 20 Oct; X4 R4
 * 21 Oct, 56 days (the re-issue); X5 R2 15 Oct entered in error; X6 R6
 * (voided resident). Dispenses: X2 to a proxy 10 Sep; X1 to the
 * patient 8 Oct; X3 and X4 to R4's daughter 2 and 21 Oct; a proxy
 * dispense of X1 entered in error 9 Oct. */
static const char long_rx_sql[] =
  "INSERT INTO long_rx (id, uuid, created_at, updated_at, status, rx_no, resident_id, doctor_id,\n"
  "  team_id, renews_id, issue_date, total_days, days_per_dispense, assessment_done,\n"
  "  patient_confirmed, stop_date, stop_reason, end_date) VALUES\n"
  "  (1, 'x1', 'now', 'now', 'active', 'CF1', 1, 101, ?1, 2, '2026-10-08', 84, 28, 1, 1, NULL, NULL, '2026-12-30'),\n"
  "  (2, 'x2', 'now', 'now', 'renewed', 'CF2', 1, 101, ?1, NULL, '2026-09-10', 28, 28, 0, 0, NULL, NULL, '2026-10-07'),\n"
  "  (3, 'x3', 'now', 'now', 'stopped', 'CF3', 4, 102, 2, NULL, '2026-10-02', 28, 28, 0, 0,\n"
  "   '2026-10-20', 'condition', '2026-10-29'),\n"
  "  (4, 'x4', 'now', 'now', 'active', 'CF4', 4, 102, 2, NULL, '2026-10-21', 56, 28, 1, 1, NULL, NULL, '2026-12-15'),\n"
  "  (5, 'x5', 'now', 'now', 'entered-in-error', 'CF5', 2, 101, ?1, NULL, '2026-10-15', 28, 28, 0, 0,\n"
  "   NULL, NULL, '2026-11-11'),\n"
  "  (6, 'x6', 'now', 'now', 'active', 'CF6', 6, 101, ?1, NULL, '2026-10-05', 28, 28, 0, 0, NULL, NULL, '2026-11-01');\n"
  "INSERT INTO long_rx_dispense (uuid, created_at, updated_at, status, long_rx_id, resident_id,\n"
  "  instalment, dispense_date, days, receiver, proxy_name, proxy_id_number, authorisation_date, items) VALUES\n"
  "  ('d1', 'now', 'now', 'final', 2, 1, 1, '2026-09-10', 28, 'proxy', '赵小一', 'P1', '2026-01-01', '[]'),\n"
  "  ('d2', 'now', 'now', 'final', 1, 1, 1, '2026-10-08', 28, 'patient', NULL, NULL, NULL, '[]'),\n"
  "  ('d3', 'now', 'now', 'final', 3, 4, 1, '2026-10-02', 28, 'proxy', '李小四', 'P4', '2026-01-01', '[]'),\n"
  "  ('d4', 'now', 'now', 'final', 4, 4, 1, '2026-10-21', 28, 'proxy', '李小四', 'P4', '2026-01-01', '[]'),\n"
  "  ('d5', 'now', 'now', 'entered-in-error', 1, 1, 2, '2026-10-09', 28, 'proxy', '赵小一', 'P1',\n"
  "   '2026-01-01', '[]');\n"
/* Home beds (doctor A or B, nurse N): B1 R1 (A, T1) 20 Sep – 12 Oct,
 * improved: 22 bed days across the month's start; B2 R4 (B, T2) from
 * 5 Oct, open; B3 R2 (A, T1) 25 Oct, transferred the same day: 1 bed
 * day; B4 R7 (B, T2) 1 Aug – 3 Nov (cycle ended): open on 31 Oct; B5 R5
 * (A, T1) 1 – 15 Oct, died: 14 bed days; B6 R6 (voided); B7 R3 entered
 * in error. */
  "INSERT INTO home_bed_assessment (id, uuid, created_at, updated_at, resident_id, assessed_on,\n"
  "  doctor_id, diagnosis_clear, condition_stable, suitable_at_home, needs_continuous_care,\n"
  "  infectious, home_safe, has_carer, eligible) VALUES\n"
  "  (1, 'a1', 'now', 'now', 1, '2026-09-18', 101, 1, 1, 1, 1, 0, 1, 1, 1),\n"
  "  (2, 'a2', 'now', 'now', 4, '2026-10-03', 102, 1, 1, 1, 1, 0, 1, 1, 1),\n"
  "  (3, 'a3', 'now', 'now', 2, '2026-10-24', 101, 1, 1, 1, 1, 0, 1, 1, 1),\n"
  "  (4, 'a4', 'now', 'now', 7, '2026-07-30', 102, 1, 1, 1, 1, 0, 1, 1, 1),\n"
  "  (5, 'a5', 'now', 'now', 5, '2026-09-29', 101, 1, 1, 1, 1, 0, 1, 1, 1),\n"
  "  (6, 'a6', 'now', 'now', 6, '2026-09-29', 101, 1, 1, 1, 1, 0, 1, 1, 1),\n"
  "  (7, 'a7', 'now', 'now', 3, '2026-10-01', 102, 1, 1, 1, 1, 0, 1, 1, 1);\n"
  "INSERT INTO home_bed (id, uuid, created_at, updated_at, status, resident_id, assessment_id,\n"
  "  bed_number, admitted_on, agreement_signed_at, diagnosis, plan, doctor_id, nurse_id,\n"
  "  doctor_every_days, nurse_every_days, cycle_start, cycle_end, discharged_on, discharge_reason) VALUES\n"
  "  (1, 'b1', 'now', 'now', 'discharged', 1, 1, 'JC1', '2026-09-20', 'now', '脑卒中后遗症', '换药', 101, 103,\n"
  "   7, 3, '2026-09-20', '2026-12-18', '2026-10-12', '2'),\n"
  "  (2, 'b2', 'now', 'now', 'open', 4, 2, 'JC2', '2026-10-05', 'now', '压疮', '换药', 102, 103,\n"
  "   7, 3, '2026-10-05', '2027-01-02', NULL, NULL),\n"
  "  (3, 'b3', 'now', 'now', 'discharged', 2, 3, 'JC3', '2026-10-25', 'now', '骨折恢复期', '康复', 101, 103,\n"
  "   7, 3, '2026-10-25', '2027-01-22', '2026-10-25', '4'),\n"
  "  (4, 'b4', 'now', 'now', 'discharged', 7, 4, 'JC4', '2026-08-01', 'now', '晚期肿瘤', '安宁疗护', 102, 103,\n"
  "   7, 3, '2026-08-01', '2026-10-29', '2026-11-03', '7'),\n"
  "  (5, 'b5', 'now', 'now', 'discharged', 5, 5, 'JC5', '2026-10-01', 'now', '晚期肿瘤', '安宁疗护', 101, 103,\n"
  "   7, 3, '2026-10-01', '2026-12-29', '2026-10-15', '5'),\n"
  "  (6, 'b6', 'now', 'now', 'open', 6, 6, 'JC6', '2026-10-01', 'now', '压疮', '换药', 101, 103,\n"
  "   7, 3, '2026-10-01', '2026-12-29', NULL, NULL),\n"
  "  (7, 'b7', 'now', 'now', 'entered-in-error', 3, 7, 'JC7', '2026-10-03', 'now', '压疮', '换药', 102, 103,\n"
  "   7, 3, '2026-10-03', '2026-12-31', NULL, NULL);\n"
/* Rounds (1 doctor, 2 nursing, 3 joint: both). B1: 27 Sep doctor; 3 Oct
 * doctor, 5 Oct nursing, 10 Oct joint. B2: 6 Oct joint, 9 and 12 Oct
 * nursing, 13 Oct doctor, 16 Oct nursing entered in error, 2 Nov doctor.
 * B4: 20 Oct doctor. B6 (voided resident): 2 Oct doctor. */
  "INSERT INTO home_bed_round (uuid, created_at, updated_at, status, home_bed_id, resident_id,\n"
  "  round_date, kind, staff_id, staff_role) VALUES\n"
  "  ('o1', 'now', 'now', 'final', 1, 1, '2026-09-27', '1', 101, 'doctor'),\n"
  "  ('o2', 'now', 'now', 'final', 1, 1, '2026-10-03', '1', 101, 'doctor'),\n"
  "  ('o3', 'now', 'now', 'final', 1, 1, '2026-10-05', '2', 103, 'nurse'),\n"
  "  ('o4', 'now', 'now', 'final', 1, 1, '2026-10-10', '3', 101, 'doctor'),\n"
  "  ('o5', 'now', 'now', 'final', 2, 4, '2026-10-06', '3', 102, 'doctor'),\n"
  "  ('o6', 'now', 'now', 'final', 2, 4, '2026-10-09', '2', 103, 'nurse'),\n"
  "  ('o7', 'now', 'now', 'final', 2, 4, '2026-10-12', '2', 103, 'nurse'),\n"
  "  ('o8', 'now', 'now', 'final', 2, 4, '2026-10-13', '1', 102, 'doctor'),\n"
  "  ('o9', 'now', 'now', 'entered-in-error', 2, 4, '2026-10-16', '2', 103, 'nurse'),\n"
  "  ('o10', 'now', 'now', 'final', 2, 4, '2026-11-02', '1', 102, 'doctor'),\n"
  "  ('o11', 'now', 'now', 'final', 4, 7, '2026-10-20', '1', 102, 'doctor'),\n"
  "  ('o12', 'now', 'now', 'final', 6, 6, '2026-10-02', '1', 101, 'doctor');\n";

static gpointer
build_centre (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  JyTestCentre *fx = data;
  g_autofree char *team = g_strdup_printf ("%" G_GINT64_FORMAT, fx->team_id);

  /* jy_db_exec takes no parameters: put T1's id in. */
  for (guint i = 0; i < 2; i++)
    {
      g_auto(GStrv) parts = g_strsplit (i == 0 ? centre_sql : long_rx_sql, "?1", -1);
      g_autofree char *text = g_strjoinv (team, parts);

      if (!jy_db_exec (db, text, error))
        return NULL;
    }
  return JY_STORE_DONE;
}

typedef struct
{
  JyReportMonth month;
  JyReportScope scope;
  GDate         as_of;
} ComputeJob;

static gpointer
compute_job (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ComputeJob *job = data;

  return jy_report_compute (db, &job->month, &job->scope, &job->as_of, error);
}

static JyReport *
compute (JyTestCentre      *fx,
         JyReportScopeKind  kind,
         gint64             id)
{
  g_autoptr(GError) error = NULL;
  ComputeJob job = { { 2026, 10 }, { kind, id } };
  JyReport *report;

  g_date_clear (&job.as_of, 1);
  g_date_set_dmy (&job.as_of, 23, 11, 2026);
  report = jy_store_read (fx->store, compute_job, &job, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
setup (JyTestCentre  *fx,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  jy_test_centre_setup (fx, data);
  g_assert_true (jy_store_write (fx->store, build_centre, fx, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
}

static guint
indicator_index (const char *code)
{
  const JyReportIndicator *all = jy_report_indicators (NULL);
  const JyReportIndicator *found = jy_report_indicator_lookup (code);

  g_assert_nonnull (found);
  return (guint)(found - all);
}

static guint
group_index (const JyReport    *report,
             JyReportScopeKind  kind,
             gint64             id)
{
  for (guint g = 0; g < report->groups->len; g++)
    {
      const JyReportGroup *group = g_ptr_array_index (report->groups, g);

      if (group->kind == kind && group->id == id)
        return g;
    }
  g_assert_not_reached ();
}

/* @expected: "n" for counts, "n/d" for rates, "—" when not available. */
static void
assert_cell (const JyReport    *report,
             const char        *code,
             JyReportScopeKind  kind,
             gint64             id,
             const char        *expected)
{
  guint g = kind == JY_REPORT_SCOPE_CENTRE ? 0 : group_index (report, kind, id);
  const JyReportCell *cell = jy_report_get_cell (report, indicator_index (code), g);
  const JyReportIndicator *def = jy_report_indicator_lookup (code);
  g_autofree char *got = NULL;

  if (!cell->available)
    got = g_strdup ("—");
  else if (def->denominator != NULL)
    got = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, cell->numerator, cell->denominator);
  else
    got = g_strdup_printf ("%" G_GINT64_FORMAT, cell->numerator);
  if (g_strcmp0 (got, expected) != 0)
    g_error ("%s (group %u): expected %s, got %s", code, g, expected, got);
}

#define CENTRE JY_REPORT_SCOPE_CENTRE, 0
#define TEAM(id) JY_REPORT_SCOPE_TEAM, (id)
#define DOCTOR(id) JY_REPORT_SCOPE_DOCTOR, (id)

static void
test_contracts_by_hand (JyTestCentre  *fx,
                        gconstpointer  data)
{
  g_autoptr(JyReport) r = compute (fx, CENTRE);
  gint64 t1 = fx->team_id;

  g_assert_cmpstr (r->centre_name, ==, "测试中心");
  /* C01: R1 (K1 until 31 Oct), R2, R3, R4. */
  assert_cell (r, "C01", CENTRE, "4");
  assert_cell (r, "C01", TEAM (t1), "2");
  assert_cell (r, "C01", TEAM (2), "2");
  assert_cell (r, "C01", DOCTOR (101), "2");
  assert_cell (r, "C01", DOCTOR (102), "2");
  /* C02: of R1, R2, R3, R4, R7 registered on 31 Oct, all but R7 signed. */
  assert_cell (r, "C02", CENTRE, "4/5");
  assert_cell (r, "C02", TEAM (t1), "2/2");
  assert_cell (r, "C02", TEAM (2), "2/3");
  assert_cell (r, "C02", DOCTOR (101), "—");
  /* C03: R1 and R4 (65+), R3 (under 7), all signed. */
  assert_cell (r, "C03", CENTRE, "3/3");
  assert_cell (r, "C03", TEAM (2), "2/2");
  assert_cell (r, "C04", CENTRE, "1");
  assert_cell (r, "C04", DOCTOR (101), "1");
  assert_cell (r, "C04", DOCTOR (102), "0");
  assert_cell (r, "C05", CENTRE, "1");
  /* C05R: K1 renewed, K5 not. */
  assert_cell (r, "C05R", CENTRE, "1/2");
  assert_cell (r, "C05R", TEAM (t1), "1/1");
  assert_cell (r, "C05R", TEAM (2), "0/1");
  assert_cell (r, "C06", CENTRE, "2");
  assert_cell (r, "C06-1", CENTRE, "1");
  assert_cell (r, "C06-1", TEAM (2), "1");
  assert_cell (r, "C06-3", CENTRE, "1");
  assert_cell (r, "C06-3", DOCTOR (101), "1");
  assert_cell (r, "C06-2", CENTRE, "0");
  /* C07: R1, R3, R4 signed all quarter; only R3 contacted by the team. */
  assert_cell (r, "C07", CENTRE, "1/3");
  assert_cell (r, "C07", TEAM (2), "1/2");
  assert_cell (r, "C08", CENTRE, "—");
}

static void
test_chronic_by_hand (JyTestCentre  *fx,
                      gconstpointer  data)
{
  g_autoptr(JyReport) r = compute (fx, CENTRE);
  gint64 t1 = fx->team_id;

  /* F01: E1, E3 (HTN; E4 ended, E6 voided); E2, E5 (T2DM). */
  assert_cell (r, "F01H", CENTRE, "2");
  assert_cell (r, "F01D", CENTRE, "2");
  assert_cell (r, "F01H", TEAM (t1), "1");
  /* F02: 8 Oct (E1), 2 and 20 Oct (E3); 8 Oct (E2), 10 Oct (E5). */
  assert_cell (r, "F02H", CENTRE, "3");
  assert_cell (r, "F02D", CENTRE, "2");
  assert_cell (r, "F02H", DOCTOR (102), "2");
  /* F03: R1 (both enrolments overdue: counted once), R7. */
  assert_cell (r, "F03", CENTRE, "2");
  assert_cell (r, "F03", TEAM (t1), "1");
  assert_cell (r, "F03", TEAM (2), "1");
  assert_cell (r, "F03", DOCTOR (101), "1");
  assert_cell (r, "F03", DOCTOR (102), "2");
  /* F04: E1 4 of 4, E3 4 of 2 (E4 left by death). */
  assert_cell (r, "F04", CENTRE, "2/2");
  /* F05: E1 controlled at 76, E3 not. */
  assert_cell (r, "F05", CENTRE, "1/2");
  assert_cell (r, "F05", DOCTOR (101), "1/1");
  /* F06: E2 4 of 4, E5 2 of 4. */
  assert_cell (r, "F06", CENTRE, "1/2");
  /* F07: 7.4 and 8.1. */
  assert_cell (r, "F07", CENTRE, "0/2");
  /* F08: R1 (checked in May), R4. */
  assert_cell (r, "F08", CENTRE, "1/2");
  assert_cell (r, "F08", TEAM (t1), "1/1");
  assert_cell (r, "F08", DOCTOR (101), "—");
}

static void
test_referral_nursing_by_hand (JyTestCentre  *fx,
                              gconstpointer  data)
{
  g_autoptr(JyReport) r = compute (fx, CENTRE);

  /* R01: 20 Oct (E3), 10 Oct (E5). */
  assert_cell (r, "R01", CENTRE, "2");
  assert_cell (r, "R01", TEAM (2), "2");
  /* R03: 20 Sep followed up on 2 Oct; 10 Oct never. */
  assert_cell (r, "R03", CENTRE, "1/2");
  assert_cell (r, "R02", CENTRE, "—");
  assert_cell (r, "N01", CENTRE, "1");
  assert_cell (r, "N01P", CENTRE, "1");
}

static void
test_long_rx_by_hand (JyTestCentre  *fx,
                      gconstpointer  data)
{
  g_autoptr(JyReport) r = compute (fx, CENTRE);
  gint64 t1 = fx->team_id;

  /* L01: X1, X3 (stopped since, still issued in October), X4; not X2
   * (September), X5 (in error), X6 (voided resident). */
  assert_cell (r, "L01", CENTRE, "3");
  assert_cell (r, "L01", TEAM (t1), "1");
  assert_cell (r, "L01", TEAM (2), "2");
  assert_cell (r, "L01", DOCTOR (101), "1");
  assert_cell (r, "L01", DOCTOR (102), "2");
  /* L01P: R1, R4 (twice). */
  assert_cell (r, "L01P", CENTRE, "2");
  assert_cell (r, "L01P", TEAM (2), "1");
  /* L02: X1 (84 days), X4 (56); X3 is 28 days: not over 4 weeks. */
  assert_cell (r, "L02", CENTRE, "2/3");
  assert_cell (r, "L02", TEAM (t1), "1/1");
  assert_cell (r, "L02", DOCTOR (102), "1/2");
  /* L03: (84 + 28 + 56) ÷ 3 = 56.0 days. */
  assert_cell (r, "L03", CENTRE, "168/3");
  assert_cell (r, "L03", TEAM (2), "84/2");
  assert_cell (r, "L03", DOCTOR (101), "84/1");
  /* L04: X3 and X4 to the daughter; X1's own collection and the
   * dispense in error do not count, X2's proxy was in September. */
  assert_cell (r, "L04", CENTRE, "2");
  assert_cell (r, "L04", TEAM (t1), "0");
  assert_cell (r, "L04", DOCTOR (102), "2");
}

static void
test_home_beds_by_hand (JyTestCentre  *fx,
                        gconstpointer  data)
{
  g_autoptr(JyReport) r = compute (fx, CENTRE);
  gint64 t1 = fx->team_id;

  /* H01: B2 and B4 open on 31 Oct (B4 leaves in November). */
  assert_cell (r, "H01", CENTRE, "2");
  assert_cell (r, "H01", TEAM (t1), "0");
  assert_cell (r, "H01", TEAM (2), "2");
  assert_cell (r, "H01", DOCTOR (102), "2");
  /* H02: B2, B3, B5 established; B1, B3, B5 discharged. */
  assert_cell (r, "H02N", CENTRE, "3");
  assert_cell (r, "H02N", TEAM (t1), "2");
  assert_cell (r, "H02N", TEAM (2), "1");
  assert_cell (r, "H02D", CENTRE, "3");
  assert_cell (r, "H02D-2", CENTRE, "1");
  assert_cell (r, "H02D-4", CENTRE, "1");
  assert_cell (r, "H02D-5", CENTRE, "1");
  assert_cell (r, "H02D-5", DOCTOR (101), "1");
  assert_cell (r, "H02D-7", CENTRE, "0");
  assert_cell (r, "H02D-1", CENTRE, "0");
  /* H03: doctor's rounds 3 and 10 Oct (B1), 6 and 13 Oct (B2), 20 Oct
   * (B4); nursing visits 5 and 10 Oct (B1), 6, 9 and 12 Oct (B2): a
   * joint round is both. */
  assert_cell (r, "H03D", CENTRE, "5");
  assert_cell (r, "H03D", TEAM (t1), "2");
  assert_cell (r, "H03D", DOCTOR (102), "3");
  assert_cell (r, "H03N", CENTRE, "5");
  assert_cell (r, "H03N", TEAM (2), "3");
  /* H04: B1 22 days (20 Sep – 12 Oct), B3 1 (same day), B5 14. */
  assert_cell (r, "H04", CENTRE, "37/3");
  assert_cell (r, "H04", TEAM (t1), "37/3");
  assert_cell (r, "H04", TEAM (2), "0/0");
}

static void
test_team_scope (JyTestCentre  *fx,
                 gconstpointer  data)
{
  g_autoptr(JyReport) r = compute (fx, TEAM (2));

  g_assert_cmpstr (r->scope_name, ==, "第二团队");
  assert_cell (r, "C01", CENTRE, "2");
  assert_cell (r, "C02", CENTRE, "2/3");
  assert_cell (r, "F03", CENTRE, "1");
  assert_cell (r, "F03", DOCTOR (102), "1");
  /* No team rows under a team. */
  for (guint g = 1; g < r->groups->len; g++)
    g_assert_cmpint (((JyReportGroup *)g_ptr_array_index (r->groups, g))->kind, ==,
                     JY_REPORT_SCOPE_DOCTOR);
}

static void
test_doctor_scope (JyTestCentre  *fx,
                   gconstpointer  data)
{
  g_autoptr(JyReport) r = compute (fx, DOCTOR (102));

  g_assert_cmpstr (r->scope_name, ==, "乙医生");
  g_assert_cmpuint (r->groups->len, ==, 1);
  assert_cell (r, "C01", CENTRE, "2");
  assert_cell (r, "F03", CENTRE, "2");
  assert_cell (r, "C02", CENTRE, "—");
}

typedef struct
{
  JyReportScope      within;
  const char        *code;
  JyReportScopeKind  kind;
  gint64             id;
  gboolean           denominator;
} DrillJob;

static gpointer
drill_job (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  DrillJob *job = data;
  JyReportMonth month = { 2026, 10 };
  GDate as_of;

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 23, 11, 2026);
  return jy_report_drill_down (db, &month, &job->within, job->code, job->kind, job->id, job->denominator,
                               &as_of, error);
}

static char *
drill_within (JyTestCentre      *fx,
              JyReportScopeKind  within_kind,
              gint64             within_id,
              const char        *code,
              JyReportScopeKind  kind,
              gint64             id,
              gboolean           denominator)
{
  g_autoptr(GError) error = NULL;
  DrillJob job = { { within_kind, within_id }, code, kind, id, denominator };
  g_autoptr(GArray) ids = jy_store_read (fx->store, drill_job, &job, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

static char *
drill (JyTestCentre      *fx,
       const char        *code,
       JyReportScopeKind  kind,
       gint64             id,
       gboolean           denominator)
{
  return drill_within (fx, CENTRE, code, kind, id, denominator);
}

static void
test_drill_down (JyTestCentre  *fx,
                 gconstpointer  data)
{
  g_autofree char *f03 = drill (fx, "F03", CENTRE, FALSE);
  g_autofree char *f03a = drill (fx, "F03", DOCTOR (101), FALSE);
  g_autofree char *c02 = drill (fx, "C02", TEAM (2), TRUE);
  g_autofree char *c02n = drill (fx, "C02", TEAM (2), FALSE);
  g_autofree char *f05 = drill (fx, "F05", CENTRE, TRUE);
  g_autofree char *h01 = drill (fx, "H01", CENTRE, FALSE);
  g_autofree char *l04 = drill (fx, "L04", CENTRE, FALSE);

  g_assert_cmpstr (f03, ==, "1,7");
  g_assert_cmpstr (f03a, ==, "1");
  g_assert_cmpstr (c02, ==, "3,4,7");
  g_assert_cmpstr (c02n, ==, "3,4");
  g_assert_cmpstr (f05, ==, "1,4");
  g_assert_cmpstr (h01, ==, "4,7");
  g_assert_cmpstr (l04, ==, "4");
}

/* Indicators whose unit is not the resident (a contract, a visit): a
 * number may count one resident more than once. */
static const char *const not_residents[] = { "C05R", "F02H", "F02D", "R01", "R03", "N01", "L02", NULL };

static guint
count_ids (const char *list)
{
  guint n = *list != '\0';

  for (; *list != '\0'; list++)
    n += *list == ',';
  return n;
}

static void
assert_counts_match_rows (JyTestCentre      *fx,
                          JyReportScopeKind  kind,
                          gint64             id)
{
  g_autoptr(JyReport) counted = compute (fx, kind, id);
  g_autoptr(JyReport) by_rows = NULL;
  guint n;
  const JyReportIndicator *indicators = jy_report_indicators (&n);

  jy_report_set_use_counts (FALSE);
  by_rows = compute (fx, kind, id);
  jy_report_set_use_counts (TRUE);

  g_assert_cmpuint (counted->groups->len, ==, by_rows->groups->len);
  for (guint g = 0; g < counted->groups->len; g++)
    {
      const JyReportGroup *group = g_ptr_array_index (counted->groups, g);
      const JyReportGroup *other = g_ptr_array_index (by_rows->groups, g);

      g_assert_cmpint (group->kind, ==, other->kind);
      g_assert_cmpint (group->id, ==, other->id);
      for (guint i = 0; i < n; i++)
        {
          const JyReportCell *a = jy_report_get_cell (counted, i, g);
          const JyReportCell *b = jy_report_get_cell (by_rows, i, g);
          JyReportScopeKind group_kind = group->kind == JY_REPORT_SCOPE_CENTRE ? kind : group->kind;
          gint64 group_id = group->kind == JY_REPORT_SCOPE_CENTRE ? id : group->id;
          g_autofree char *num = NULL, *den = NULL;
          guint n_num, n_den;

          if (a->available != b->available || a->numerator != b->numerator ||
              a->denominator != b->denominator)
            g_error ("%s (group %u): counted %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                     ", rows %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, indicators[i].code, g,
                     a->numerator, a->denominator, b->numerator, b->denominator);
          if (!a->available || indicators[i].kind == JY_INDICATOR_AVERAGE)
            continue;
          /* The residents behind the number, within the report's scope. */
          num = drill_within (fx, kind, id, indicators[i].code, group_kind, group_id, FALSE);
          den = drill_within (fx, kind, id, indicators[i].code, group_kind, group_id, TRUE);
          n_num = count_ids (num);
          n_den = count_ids (den);
          if (g_strv_contains (not_residents, indicators[i].code) ||
              indicators[i].kind == JY_INDICATOR_EVENTS)
            {
              g_assert_cmpint (n_num, <=, a->numerator);
              g_assert_cmpint (n_den, <=, a->denominator);
            }
          else if (n_num != a->numerator || (indicators[i].denominator != NULL && n_den != a->denominator))
            g_error ("%s (group %u): cell %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                     ", drill-down %u/%u", indicators[i].code, g, a->numerator, a->denominator,
                     n_num, n_den);
        }
    }
}

/* Doctor B manages R1's diabetes for team T1 and R7's for T2. */
static void
test_doctor_row_in_team_report_drills_to_that_team (JyTestCentre  *fx,
                                                    gconstpointer  data)
{
  g_autofree char *all = drill (fx, "F01D", DOCTOR (102), FALSE);
  g_autofree char *in_t1 = drill_within (fx, TEAM (1), "F01D", DOCTOR (102), FALSE);
  g_autofree char *in_t2 = drill_within (fx, TEAM (2), "F01D", DOCTOR (102), FALSE);

  g_assert_cmpstr (all, ==, "1,7");
  g_assert_cmpstr (in_t1, ==, "1");
  g_assert_cmpstr (in_t2, ==, "7");
}

static void
test_counts_match_drill_down (JyTestCentre  *fx,
                              gconstpointer  data)
{
  assert_counts_match_rows (fx, CENTRE);
  assert_counts_match_rows (fx, TEAM (2));
  assert_counts_match_rows (fx, DOCTOR (101));
}

static void
test_nurse_cannot_see_reports (JyTestCentre  *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ComputeJob job = { { 2026, 10 }, { JY_REPORT_SCOPE_CENTRE, 0 } };
  gpointer report;

  g_date_clear (&job.as_of, 1);
  g_date_set_dmy (&job.as_of, 23, 11, 2026);
  jy_test_act_as (fx, JY_ROLE_NURSE);
  report = jy_store_read (fx->store, compute_job, &job, NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
}

static void
test_previous_month_and_last_year (JyTestCentre  *fx,
                                   gconstpointer  data)
{
  g_autoptr(JyReport) sep = NULL;
  g_autoptr(GError) error = NULL;
  ComputeJob job = { { 2026, 9 }, { JY_REPORT_SCOPE_CENTRE, 0 } };

  g_date_clear (&job.as_of, 1);
  g_date_set_dmy (&job.as_of, 23, 11, 2026);
  sep = jy_store_read (fx->store, compute_job, &job, NULL, &error);
  g_assert_no_error (error);
  /* On 30 Sep: K1, K4, K5, K6 (R5), K8 (R7) in force; R2 not yet. */
  assert_cell (sep, "C01", CENTRE, "5");
  assert_cell (sep, "C04", CENTRE, "0");
  /* 20 Sep referral of E3. */
  assert_cell (sep, "R01", CENTRE, "1");
  /* E1 due 8 Oct, E2 31 Oct, E3 4 Oct, E4 30 Nov, E5 1 Jun: only E5 overdue. */
  assert_cell (sep, "F03", CENTRE, "1");
  /* X2, collected by a proxy. */
  assert_cell (sep, "L01", CENTRE, "1");
  assert_cell (sep, "L02", CENTRE, "0/1");
  assert_cell (sep, "L04", CENTRE, "1");
  /* On 30 Sep: B1 (from 20 Sep) and B4; B1 established, its round of 27 Sep. */
  assert_cell (sep, "H01", CENTRE, "2");
  assert_cell (sep, "H02N", CENTRE, "1");
  assert_cell (sep, "H02D", CENTRE, "0");
  assert_cell (sep, "H03D", CENTRE, "1");
  assert_cell (sep, "H03N", CENTRE, "0");
  assert_cell (sep, "H04", CENTRE, "0/0");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

#define ADD(path, func) \
  g_test_add (path, JyTestCentre, NULL, setup, func, jy_test_centre_teardown)
  ADD ("/report/by-hand/contract indicators of October", test_contracts_by_hand);
  ADD ("/report/by-hand/chronic-care indicators of October", test_chronic_by_hand);
  ADD ("/report/by-hand/referral and nursing indicators of October", test_referral_nursing_by_hand);
  ADD ("/report/by-hand/long-prescription indicators of October", test_long_rx_by_hand);
  ADD ("/report/by-hand/home-bed indicators of October", test_home_beds_by_hand);
  ADD ("/report/scope/a team's report has its doctors under it", test_team_scope);
  ADD ("/report/scope/a doctor's report has no population rates", test_doctor_scope);
  ADD ("/report/drill-down/the residents behind a number", test_drill_down);
  ADD ("/report/drill-down/every number counted in SQL equals its rows", test_counts_match_drill_down);
  ADD ("/report/drill-down/a doctor's row in a team report lists that team's residents",
       test_doctor_row_in_team_report_drills_to_that_team);
  ADD ("/report/roles/nurse cannot compute reports", test_nurse_cannot_see_reports);
  ADD ("/report/by-hand/September from the same records", test_previous_month_and_last_year);
#undef ADD

  return g_test_run ();
}
