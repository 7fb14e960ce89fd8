/* jy-migrations-home-beds.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-migrations-private.h"

/* Home beds (家庭病床, domain.md §5, issue #10). One self-contained step:
 * it only adds. Syncable rows (SYNC_COLUMNS) are written through
 * jy-home-bed-store*.c, each change with its outbox and audit rows. Nothing
 * is deleted: a mistaken row is marked entered-in-error.
 *
 * Dates are local YYYY-MM-DD (Asia/Shanghai), compared as text; times of
 * day are minutes after local midnight.
 *
 * Derived, local columns of home_bed (never synced, never a change of
 * their own; recomputed by jy_home_bed_derive() in the transaction of each
 * admission, round, renewal and discharge, and written by the generator
 * from the same core rule):
 *   community_code  the resident's area_code at admission (the route's
 *                   community), building the building part of the address
 *                   (jy_home_bed_building_of()).
 *   doctor_due      next doctor's round: jy_home_bed_next_round() from the
 *                   last doctor's or joint round (or the planned next round
 *                   that round gave), doctor_every_days, capped at the
 *                   cycle end; NULL once discharged.
 *   nurse_due       the same for nursing visits and joint rounds.
 *   last_round_on   the latest live round's date, NULL if none.
 * "Today's rounds" for a staff member is then two index ranges:
 * doctor_id = me AND doctor_due <= today, nurse_id = me AND nurse_due <= today. */
const char jy_migration_home_beds[] =
  /* Application (申请, §5.2 1): by the patient or family (source 1) or a
   * hospital discharge referral (2, referral_from names the hospital). */
  "CREATE TABLE home_bed_application (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status         TEXT NOT NULL DEFAULT 'open'\n"
  "                 CHECK (status IN ('open','accepted','declined','withdrawn','entered-in-error')),\n"
  "  resident_id    INTEGER NOT NULL REFERENCES resident (id),\n"
  "  applied_on     TEXT NOT NULL,\n"
  "  source         TEXT NOT NULL CHECK (source IN ('1','2')),\n"
  "  referral_from  TEXT,\n"
  "  request        TEXT,\n"
  "  assess_by      TEXT NOT NULL\n"   /* jy_home_bed_assessment_due() */
  ");\n"
  "CREATE INDEX home_bed_application_resident ON home_bed_application (resident_id);\n"
  "CREATE INDEX home_bed_application_open ON home_bed_application (assess_by)\n"
  "  WHERE status = 'open';\n"

  /* Assessment at home (评估, §5.1, §5.2 2), or a re-assessment before a
   * renewal (home_bed_id set). eligible is jy_home_bed_assess() finding
   * nothing; problems holds the failing JyHomeBedProblem codes. */
  "CREATE TABLE home_bed_assessment (\n"
  "  id                    INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status                TEXT NOT NULL DEFAULT 'final'\n"
  "                        CHECK (status IN ('final','entered-in-error')),\n"
  "  resident_id           INTEGER NOT NULL REFERENCES resident (id),\n"
  "  application_id        INTEGER REFERENCES home_bed_application (id),\n"
  "  home_bed_id           INTEGER REFERENCES home_bed (id),\n"
  "  assessed_on           TEXT NOT NULL,\n"
  "  doctor_id             INTEGER REFERENCES staff (id),\n"
  "  diagnosis_clear       INTEGER NOT NULL,\n"
  "  condition_stable      INTEGER NOT NULL,\n"
  "  suitable_at_home      INTEGER NOT NULL,\n"
  "  needs_continuous_care INTEGER NOT NULL,\n"
  "  infectious            INTEGER NOT NULL,\n"
  "  home_safe             INTEGER NOT NULL,\n"
  "  has_carer             INTEGER NOT NULL,\n"
  "  adl_score             INTEGER CHECK (adl_score BETWEEN 0 AND 100),\n"
  "  braden_score          INTEGER CHECK (braden_score BETWEEN 6 AND 23),\n"
  "  priorities            INTEGER NOT NULL DEFAULT 0,\n"
  "  eligible              INTEGER NOT NULL,\n"
  "  problems              TEXT,\n"
  "  note                  TEXT\n"
  ");\n"
  "CREATE INDEX home_bed_assessment_resident ON home_bed_assessment (resident_id);\n"
  "CREATE INDEX home_bed_assessment_bed ON home_bed_assessment (home_bed_id)\n"
  "  WHERE home_bed_id IS NOT NULL;\n"

  /* The bed (建床 … 撤床): the admission record, the current cycle, the
   * discharge, and the derived worklist columns described above. */
  "CREATE TABLE home_bed (\n"
  "  id                  INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status              TEXT NOT NULL DEFAULT 'open'\n"
  "                      CHECK (status IN ('open','discharged','entered-in-error')),\n"
  "  resident_id         INTEGER NOT NULL REFERENCES resident (id),\n"
  "  application_id      INTEGER REFERENCES home_bed_application (id),\n"
  "  assessment_id       INTEGER NOT NULL REFERENCES home_bed_assessment (id),\n"
  "  bed_number          TEXT NOT NULL,\n"
  "  admitted_on         TEXT NOT NULL,\n"
  "  agreement_signed_at TEXT NOT NULL,\n"
  "  diagnosis           TEXT NOT NULL,\n"
  "  icd10               TEXT,\n"
  "  plan                TEXT NOT NULL,\n"
  "  doctor_id           INTEGER NOT NULL REFERENCES staff (id),\n"
  "  nurse_id            INTEGER NOT NULL REFERENCES staff (id),\n"
  "  doctor_every_days   INTEGER NOT NULL CHECK (doctor_every_days BETWEEN 1 AND 30),\n"
  "  nurse_every_days    INTEGER NOT NULL CHECK (nurse_every_days BETWEEN 1 AND 30),\n"
  "  cycle_no            INTEGER NOT NULL DEFAULT 1,\n"
  "  cycle_start         TEXT NOT NULL,\n"
  "  cycle_end           TEXT NOT NULL,\n"
  "  discharged_on       TEXT,\n"
  "  discharge_reason    TEXT CHECK (discharge_reason IN ('1','2','3','4','5','6','7','9')),\n"
  "  discharge_summary   TEXT,\n"
  "  summary_signed_by   INTEGER REFERENCES staff (id),\n"
  "  summary_signed_at   TEXT,\n"
  /* Derived, local. */
  "  community_code      TEXT,\n"
  "  building            TEXT,\n"
  "  doctor_due          TEXT,\n"
  "  nurse_due           TEXT,\n"
  "  last_round_on       TEXT\n"
  ");\n"
  "CREATE UNIQUE INDEX home_bed_number ON home_bed (bed_number) WHERE status <> 'entered-in-error';\n"
  "CREATE INDEX home_bed_resident ON home_bed (resident_id);\n"
  "CREATE INDEX home_bed_doctor_due ON home_bed (doctor_id, doctor_due) WHERE status = 'open';\n"
  "CREATE INDEX home_bed_nurse_due ON home_bed (nurse_id, nurse_due) WHERE status = 'open';\n"
  "CREATE INDEX home_bed_open ON home_bed (community_code, building) WHERE status = 'open';\n"

  /* A round or nursing visit (查床/巡诊, §5.3). kind 1 doctor, 2 nursing,
   * 3 joint; staff_role the author's role then. Vitals NULL when not
   * measured. procedures: jy_home_bed_procs_to_string() codes. */
  "CREATE TABLE home_bed_round (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status         TEXT NOT NULL DEFAULT 'final'\n"
  "                 CHECK (status IN ('final','entered-in-error')),\n"
  "  home_bed_id    INTEGER NOT NULL REFERENCES home_bed (id),\n"
  "  resident_id    INTEGER NOT NULL REFERENCES resident (id),\n"
  "  round_date     TEXT NOT NULL,\n"
  "  start_minute   INTEGER,\n"
  "  end_minute     INTEGER,\n"
  "  kind           TEXT NOT NULL CHECK (kind IN ('1','2','3')),\n"
  "  staff_id       INTEGER REFERENCES staff (id),\n"
  "  staff_role     TEXT NOT NULL,\n"
  "  temperature    REAL,\n"
  "  pulse          REAL,\n"
  "  respiration    REAL,\n"
  "  sbp            REAL,\n"
  "  dbp            REAL,\n"
  "  spo2           REAL,\n"
  "  glucose        REAL,\n"
  "  pain           REAL,\n"
  "  weight         REAL,\n"
  "  note           TEXT,\n"
  "  procedures     TEXT NOT NULL DEFAULT '',\n"
  "  pressure_stage INTEGER NOT NULL DEFAULT 0,\n"
  "  next_round     TEXT\n"
  ");\n"
  "CREATE INDEX home_bed_round_bed ON home_bed_round (home_bed_id, round_date);\n"
  "CREATE INDEX home_bed_round_resident ON home_bed_round (resident_id, round_date);\n"

  /* Renewals (续床) after a re-assessment: each starts a new cycle. */
  "CREATE TABLE home_bed_renewal (\n"
  "  id              INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status          TEXT NOT NULL DEFAULT 'final'\n"
  "                  CHECK (status IN ('final','entered-in-error')),\n"
  "  home_bed_id     INTEGER NOT NULL REFERENCES home_bed (id),\n"
  "  assessment_id   INTEGER NOT NULL REFERENCES home_bed_assessment (id),\n"
  "  renewed_on      TEXT NOT NULL,\n"
  "  cycle_no        INTEGER NOT NULL,\n"
  "  cycle_start     TEXT NOT NULL,\n"
  "  cycle_end       TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX home_bed_renewal_bed ON home_bed_renewal (home_bed_id);\n";
