/* jy-migrations-long-rx.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-migrations-private.h"

/* Long prescriptions (长期处方, domain.md §4, issue #9): the drug
 * catalogue, prescriptions, their items and the instalments dispensed.
 * One self-contained step: it only adds. The catalogue is seeded from
 * §4.7 by jy_drug_store_seed() (seeds[] of jy-migrations.c).
 *
 * Syncable rows are written by jy-long-rx-store.c and jy-drug-store.c,
 * each change with its outbox and audit rows. Nothing is deleted: a drug
 * is made inactive, a prescription is stopped or renewed, a dispense is
 * marked entered-in-error.
 *
 * Derived, local columns (never synced, recomputed by
 * jy_long_rx_store_derive() in the transaction of every write that
 * touches a prescription or its dispenses, and by the generator from
 * the same rule):
 *   long_rx.end_date      issue_date + total_days − 1.
 *   long_rx.dispensed     number of live (final) dispenses.
 *   long_rx.next_due_date due date of the first instalment not yet
 *                         dispensed (jy_long_rx_schedule); NULL when every
 *                         instalment is out or the prescription is not
 *                         active.
 *   long_rx.open          1 while status = 'active', else 0; the worklist
 *                         indexes are partial on it. */
const char jy_migration_long_rx[] =
  /* The catalogue (§4.7). exclusions and flags are the JyDrugExclusion
   * and JyDrugFlag bit sets of jy-long-rx.h; pack_size is how many units
   * (a dose's unit: 片, 粒, IU) one pack holds. initials and pinyin are
   * the generic name's search keys (jy-pinyin), derived. */
  "CREATE TABLE drug (\n"
  "  id              INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive')),\n"
  "  code            TEXT NOT NULL UNIQUE,\n"
  "  generic_name    TEXT NOT NULL,\n"
  "  english_name    TEXT,\n"
  "  strength        TEXT,\n"
  "  form            TEXT,\n"
  "  usual_dose      TEXT,\n"
  "  atc             TEXT,\n"
  "  insurance_code  TEXT,\n"
  "  insurance_class TEXT CHECK (insurance_class IN ('甲','乙')),\n"
  "  unit            TEXT NOT NULL,\n"
  "  pack_size       REAL NOT NULL CHECK (pack_size > 0),\n"
  "  pack_unit       TEXT NOT NULL,\n"
  "  exclusions      INTEGER NOT NULL DEFAULT 0,\n"
  "  flags           INTEGER NOT NULL DEFAULT 0,\n"
  "  initials        TEXT NOT NULL DEFAULT '',\n"
  "  pinyin          TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX drug_initials ON drug (initials);\n"
  "CREATE INDEX drug_pinyin ON drug (pinyin);\n"

  /* A long prescription (§4.4). status: active, completed, renewed,
   * stopped (stop_* set), entered-in-error. total_days 28–84 and the
   * assessment/confirmation rule are checked by jy_long_rx_check() on
   * save; the CHECKs here are the outer bounds. */
  "CREATE TABLE long_rx (\n"
  "  id                INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status            TEXT NOT NULL DEFAULT 'active'\n"
  "                    CHECK (status IN ('active','completed','renewed','stopped','entered-in-error')),\n"
  "  rx_no             TEXT NOT NULL UNIQUE,\n"
  "  resident_id       INTEGER NOT NULL REFERENCES resident (id),\n"
  "  doctor_id         INTEGER NOT NULL REFERENCES staff (id),\n"
  "  team_id           INTEGER REFERENCES team (id),\n"
  "  renews_id         INTEGER REFERENCES long_rx (id),\n"
  "  issue_date        TEXT NOT NULL,\n"
  "  diagnosis_code    TEXT,\n"
  "  diagnosis_text    TEXT,\n"
  "  total_days        INTEGER NOT NULL CHECK (total_days BETWEEN 1 AND 84),\n"
  "  days_per_dispense INTEGER NOT NULL CHECK (days_per_dispense >= 1),\n"
  "  assessment_done   INTEGER NOT NULL DEFAULT 0,\n"
  "  assessment_note   TEXT,\n"
  "  education_given   INTEGER NOT NULL DEFAULT 0,\n"
  "  patient_confirmed INTEGER NOT NULL DEFAULT 0,\n"
  "  review_date       TEXT,\n"
  "  stop_date         TEXT,\n"
  "  stop_reason       TEXT CHECK (stop_reason IN ('condition','adverse','hospital','regimen',\n"
  "                    'contraindication','death','moved','contract','other')),\n"
  "  stop_note         TEXT,\n"
  "  stopped_at        TEXT,\n"
  "  stopped_by        TEXT,\n"
  /* derived */
  "  end_date          TEXT NOT NULL,\n"
  "  dispensed         INTEGER NOT NULL DEFAULT 0,\n"
  "  next_due_date     TEXT,\n"
  "  open              INTEGER NOT NULL DEFAULT 1,\n"
  "  CHECK (status <> 'stopped' OR (stop_date IS NOT NULL AND stop_reason IS NOT NULL)),\n"
  "  CHECK (total_days <= 28 OR (assessment_done = 1 AND patient_confirmed = 1))\n"
  ");\n"
  "CREATE INDEX long_rx_resident ON long_rx (resident_id, issue_date);\n"
  "CREATE INDEX long_rx_renews ON long_rx (renews_id) WHERE renews_id IS NOT NULL;\n"
  /* The worklists: instalments due, reviews due, expiring; each for
   * everyone, a team and a doctor. */
  "CREATE INDEX long_rx_due ON long_rx (next_due_date, id) WHERE open = 1;\n"
  "CREATE INDEX long_rx_due_team ON long_rx (team_id, next_due_date, id) WHERE open = 1;\n"
  "CREATE INDEX long_rx_due_doctor ON long_rx (doctor_id, next_due_date, id) WHERE open = 1;\n"
  "CREATE INDEX long_rx_review ON long_rx (review_date, id) WHERE open = 1;\n"
  "CREATE INDEX long_rx_review_team ON long_rx (team_id, review_date, id) WHERE open = 1;\n"
  "CREATE INDEX long_rx_review_doctor ON long_rx (doctor_id, review_date, id) WHERE open = 1;\n"
  "CREATE INDEX long_rx_end ON long_rx (end_date, id) WHERE open = 1;\n"
  "CREATE INDEX long_rx_end_team ON long_rx (team_id, end_date, id) WHERE open = 1;\n"
  "CREATE INDEX long_rx_end_doctor ON long_rx (doctor_id, end_date, id) WHERE open = 1;\n"

  /* The drugs of a prescription, as prescribed (catalogue fields copied
   * so that a later catalogue edit does not change a written one). Part
   * of the prescription: never changed once written. */
  "CREATE TABLE long_rx_item (\n"
  "  long_rx_id      INTEGER NOT NULL REFERENCES long_rx (id),\n"
  "  position        INTEGER NOT NULL,\n"
  "  drug_code       TEXT,\n"
  "  drug_name       TEXT NOT NULL,\n"
  "  strength        TEXT,\n"
  "  form            TEXT,\n"
  "  unit            TEXT,\n"
  "  dose            REAL NOT NULL CHECK (dose > 0),\n"
  "  frequency       TEXT NOT NULL CHECK (frequency IN ('qd','bid','tid','qid','qn','qw')),\n"
  "  route           TEXT,\n"
  "  days            INTEGER NOT NULL CHECK (days BETWEEN 1 AND 84),\n"
  "  pack_size       REAL NOT NULL CHECK (pack_size > 0),\n"
  "  pack_unit       TEXT,\n"
  "  packs           INTEGER NOT NULL CHECK (packs >= 1),\n"
  "  exclusions      INTEGER NOT NULL DEFAULT 0,\n"
  "  flags           INTEGER NOT NULL DEFAULT 0,\n"
  "  insurance_class TEXT,\n"
  "  PRIMARY KEY (long_rx_id, position)\n"
  ") WITHOUT ROWID;\n"

  /* One instalment handed out (§4.5): to the patient, or to a proxy with
   * the patient's written authorisation. items is what was handed out:
   * JSON [{"code","name","packs","unit"}]. */
  "CREATE TABLE long_rx_dispense (\n"
  "  id                 INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status             TEXT NOT NULL DEFAULT 'final' CHECK (status IN ('final','entered-in-error')),\n"
  "  long_rx_id         INTEGER NOT NULL REFERENCES long_rx (id),\n"
  "  resident_id        INTEGER NOT NULL REFERENCES resident (id),\n"
  "  instalment         INTEGER NOT NULL CHECK (instalment >= 1),\n"
  "  dispense_date      TEXT NOT NULL,\n"
  "  days               INTEGER NOT NULL CHECK (days >= 1),\n"
  "  dispenser_id       INTEGER REFERENCES staff (id),\n"
  "  receiver           TEXT NOT NULL DEFAULT 'patient' CHECK (receiver IN ('patient','proxy')),\n"
  "  proxy_name         TEXT,\n"
  "  proxy_relation     TEXT,\n"
  "  proxy_id_number    TEXT,\n"
  "  proxy_phone        TEXT,\n"
  "  authorisation_date TEXT,\n"
  "  authorisation_ref  TEXT,\n"
  "  items              TEXT NOT NULL,\n"
  "  CHECK (receiver = 'patient' OR (proxy_name IS NOT NULL AND proxy_id_number IS NOT NULL\n"
  "                                  AND authorisation_date IS NOT NULL))\n"
  ");\n"
  "CREATE UNIQUE INDEX long_rx_dispense_instalment ON long_rx_dispense (long_rx_id, instalment)\n"
  "  WHERE status = 'final';\n"
  "CREATE INDEX long_rx_dispense_resident ON long_rx_dispense (resident_id, dispense_date);\n";
