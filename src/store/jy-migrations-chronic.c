/* jy-migrations-chronic.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-migrations-private.h"

/* Hypertension and type 2 diabetes management (domain.md §3, issue #7).
 *
 * Programmes are data: a row per disease programme. Enrolments and
 * follow-ups are syncable; a follow-up is a clinical fact, so it is never
 * edited: a correction is a new row (replaces_id) and the old one becomes
 * entered-in-error (architecture invariant 2). Drugs are child rows of
 * their follow-up and travel with it.
 *
 * chronic_enrolment also carries worklist state, denormalised from its
 * follow-ups so that every worklist is an index range at 60,000
 * enrolments. It is local, derived data: never synced, never counted as a
 * change (rev and updated_at stay), rewritten by the store in the same
 * transaction as every follow-up saved or corrected, and by the demo
 * generator in bulk. "Final follow-ups" below means the enrolment's
 * follow-ups with status 'final'; "the latest" is the greatest
 * (visit_date, id) among them; "face to face" is mode 1 or 2 with outcome
 * 0 (seen). Invariants, one per column:
 *   last_visit_date  visit_date of the latest final follow-up; NULL if none.
 *   last_f2f_date    greatest visit_date of the final face-to-face ones; NULL if none.
 *   last_class       classification of the latest final follow-up; 0 if none.
 *   next_due_date    next_visit_date of the latest final follow-up (NULL when
 *                    it proposes none, e.g. outcome dead); enrol_date while
 *                    there is no follow-up (the first one is due at once).
 *   due_action       action (0 routine, 1 adjust and recheck, 2 recommend
 *                    referral, 3 emergency referral) of the latest final
 *                    follow-up; 0 if none.
 *   referral_open    1 when the latest final follow-up referred the patient
 *                    (action >= 2 or a referral reason): the referral awaits
 *                    the follow-up that any later visit is; else 0.
 *   norm_year        calendar year of last_f2f_date; the year of enrol_date
 *                    while there is no face-to-face follow-up.
 *   norm_visits      face-to-face final follow-ups in norm_year, counted as
 *                    the norm counts them (visits closer than 14 days to the
 *                    last counted one count once: jy_followup_count_norm_visits).
 *   behind_date      first day of norm_year on which, without another
 *                    visit, the enrolment falls behind the quarterly pace:
 *                    start + 3 × (norm_visits + 1) months, start being
 *                    1 January of norm_year or enrol_date if later; NULL
 *                    when norm_visits already meets the year's requirement
 *                    (jy_followup_norm_visits_required) or that day falls
 *                    after 31 December. In a later year without face-to-face
 *                    visits every managed enrolment is behind from 1 April.
 * Dates are local YYYY-MM-DD, compared as text. */
const char jy_migration_chronic[] =
  "CREATE TABLE programme (\n"
  "  id               INTEGER PRIMARY KEY,\n"
  "  code             TEXT NOT NULL UNIQUE,\n"
  "  name             TEXT NOT NULL,\n"
  /* WHO 3-character categories that may be enrolled, comma-separated. */
  "  icd10_categories TEXT NOT NULL,\n"
  "  visits_per_year  INTEGER NOT NULL CHECK (visits_per_year BETWEEN 1 AND 52),\n"
  "  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive'))\n"
  ");\n"
  "INSERT INTO programme (id, code, name, icd10_categories, visits_per_year) VALUES\n"
  "  (1, 'htn', 'Hypertension', 'I10,I11,I12,I13', 4),\n"
  "  (2, 't2dm', 'Type 2 diabetes', 'E11', 4);\n"

  "CREATE TABLE chronic_enrolment (\n"
  "  id                    INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status                TEXT NOT NULL DEFAULT 'managing'\n"
  "                        CHECK (status IN ('managing','ended','entered-in-error')),\n"
  "  resident_id           INTEGER NOT NULL REFERENCES resident (id),\n"
  "  programme_id          INTEGER NOT NULL REFERENCES programme (id),\n"
  "  icd10                 TEXT,\n"
  "  diagnosis_date        TEXT,\n"
  "  diagnosis_institution TEXT,\n"
  "  enrol_date            TEXT NOT NULL,\n"
  "  doctor_id             INTEGER REFERENCES staff (id),\n"
  "  team_id               INTEGER REFERENCES team (id),\n"
  "  end_date              TEXT,\n"
  "  end_reason            TEXT CHECK (end_reason IN ('death','moved-out','diagnosis-revoked','refused')),\n"
  "  end_note              TEXT,\n"
  "  last_visit_date       TEXT,\n"
  "  last_f2f_date         TEXT,\n"
  "  last_class            INTEGER NOT NULL DEFAULT 0 CHECK (last_class BETWEEN 0 AND 4),\n"
  "  next_due_date         TEXT,\n"
  "  due_action            INTEGER NOT NULL DEFAULT 0 CHECK (due_action BETWEEN 0 AND 3),\n"
  "  referral_open         INTEGER NOT NULL DEFAULT 0 CHECK (referral_open IN (0, 1)),\n"
  "  norm_year             INTEGER,\n"
  "  norm_visits           INTEGER NOT NULL DEFAULT 0,\n"
  "  behind_date           TEXT,\n"
  "  CHECK (status <> 'ended' OR (end_date IS NOT NULL AND end_reason IS NOT NULL))\n"
  ");\n"
  /* At most one managing enrolment per resident and programme. */
  "CREATE UNIQUE INDEX chronic_enrolment_managing ON chronic_enrolment (resident_id, programme_id)\n"
  "  WHERE status = 'managing';\n"
  "CREATE INDEX chronic_enrolment_resident ON chronic_enrolment (resident_id);\n"
  /* Worklists: each one a range of one of these, in the order the list
   * shows (see jy-chronic-worklist.c, which names them). resident_id makes
   * the totals (distinct residents) index-only, as do team_id and
   * doctor_id the filtered behind-the-norm list. */
  "CREATE INDEX chronic_enrolment_due ON chronic_enrolment (next_due_date, resident_id)\n"
  "  WHERE status = 'managing';\n"
  "CREATE INDEX chronic_enrolment_team_due ON chronic_enrolment (team_id, next_due_date, resident_id)\n"
  "  WHERE status = 'managing';\n"
  "CREATE INDEX chronic_enrolment_doctor_due ON chronic_enrolment (doctor_id, next_due_date, resident_id)\n"
  "  WHERE status = 'managing';\n"
  "CREATE INDEX chronic_enrolment_recheck ON chronic_enrolment (next_due_date, resident_id)\n"
  "  WHERE status = 'managing' AND due_action > 0;\n"
  "CREATE INDEX chronic_enrolment_referral ON chronic_enrolment (next_due_date, resident_id)\n"
  "  WHERE status = 'managing' AND referral_open = 1;\n"
  "CREATE INDEX chronic_enrolment_norm ON chronic_enrolment\n"
  "  (norm_year, behind_date, resident_id, next_due_date, team_id, doctor_id)\n"
  "  WHERE status = 'managing';\n"

  /* One record per disease of a visit (jy-followup.h); a combined visit is
   * two rows sharing visit_uuid. Unmeasured numbers are NULL. symptoms and
   * danger_observed are the bit sets of JyFollowup; action is what the
   * form decided (JyFollowupAction). */
  "CREATE TABLE followup (\n"
  "  id                       INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status                   TEXT NOT NULL DEFAULT 'final'\n"
  "                           CHECK (status IN ('final','entered-in-error')),\n"
  "  replaces_id              INTEGER REFERENCES followup (id),\n"
  "  enrolment_id             INTEGER NOT NULL REFERENCES chronic_enrolment (id),\n"
  "  resident_id              INTEGER NOT NULL REFERENCES resident (id),\n"
  "  programme_id             INTEGER NOT NULL REFERENCES programme (id),\n"
  "  visit_uuid               TEXT NOT NULL,\n"
  "  visit_date               TEXT NOT NULL,\n"
  "  mode                     INTEGER NOT NULL CHECK (mode IN (1, 2, 3)),\n"
  "  outcome                  INTEGER NOT NULL DEFAULT 0 CHECK (outcome IN (0, 1, 2)),\n"
  "  lost_reason              TEXT,\n"
  "  death_date               TEXT,\n"
  "  death_cause              TEXT,\n"
  "  author_id                INTEGER REFERENCES staff (id),\n"
  "  author_role              TEXT,\n"
  "  symptoms                 INTEGER NOT NULL DEFAULT 0,\n"
  "  symptoms_other           TEXT,\n"
  "  danger_observed          INTEGER NOT NULL DEFAULT 0,\n"
  "  sbp                      INTEGER,\n"
  "  dbp                      INTEGER,\n"
  "  heart_rate               INTEGER,\n"
  "  weight_kg                REAL,\n"
  "  target_weight_kg         REAL,\n"
  "  height_cm                REAL,\n"
  "  waist_cm                 REAL,\n"
  "  temperature_c            REAL,\n"
  "  foot_pulse               TEXT,\n"
  "  signs_other              TEXT,\n"
  "  cigarettes               INTEGER,\n"
  "  cigarettes_target        INTEGER,\n"
  "  alcohol_liang            REAL,\n"
  "  alcohol_liang_target     REAL,\n"
  "  exercise_per_week        INTEGER,\n"
  "  exercise_minutes         INTEGER,\n"
  "  exercise_per_week_target INTEGER,\n"
  "  exercise_minutes_target  INTEGER,\n"
  "  salt                     INTEGER,\n"
  "  salt_target              INTEGER,\n"
  "  staple_g                 INTEGER,\n"
  "  staple_g_target          INTEGER,\n"
  "  psychology               INTEGER,\n"
  "  compliance               INTEGER,\n"
  "  fasting_glucose          REAL,\n"
  "  random_glucose           REAL,\n"
  "  hba1c                    REAL,\n"
  "  hba1c_date               TEXT,\n"
  "  investigations           TEXT,\n"
  "  adherence                INTEGER,\n"
  "  adverse_reaction         INTEGER NOT NULL DEFAULT 0,\n"
  "  adverse_reaction_text    TEXT,\n"
  "  adverse_hard_to_control  INTEGER NOT NULL DEFAULT 0,\n"
  "  hypoglycaemia            INTEGER,\n"
  "  new_complication         INTEGER NOT NULL DEFAULT 0,\n"
  "  complication_text        TEXT,\n"
  "  classification           INTEGER NOT NULL DEFAULT 0 CHECK (classification BETWEEN 0 AND 4),\n"
  "  suggested_class          INTEGER NOT NULL DEFAULT 0 CHECK (suggested_class BETWEEN 0 AND 4),\n"
  "  class_override_reason    TEXT,\n"
  "  action                   INTEGER NOT NULL DEFAULT 0 CHECK (action BETWEEN 0 AND 3),\n"
  "  referral_reason          TEXT,\n"
  "  referral_institution     TEXT,\n"
  "  referral_department      TEXT,\n"
  "  referral_contact         TEXT,\n"
  "  referral_phone           TEXT,\n"
  "  referral_result          INTEGER NOT NULL DEFAULT 0 CHECK (referral_result IN (0, 1, 2)),\n"
  "  next_visit_date          TEXT,\n"
  "  suggested_next_date      TEXT,\n"
  "  next_override_reason     TEXT,\n"
  "  advice                   TEXT,\n"
  "  remarks                  TEXT\n"
  ");\n"
  /* The enrolment's state and the rule's "previous": a range per enrolment. */
  "CREATE INDEX followup_enrolment ON followup (enrolment_id, visit_date);\n"
  /* A resident's history and chart per programme. */
  "CREATE INDEX followup_resident ON followup (resident_id, programme_id, visit_date);\n"
  "CREATE INDEX followup_replaces ON followup (replaces_id) WHERE replaces_id IS NOT NULL;\n"

  /* 用药情况 / 用药调整意见 / 胰岛素 rows of a follow-up, in form order. */
  "CREATE TABLE followup_drug (\n"
  "  followup_id   INTEGER NOT NULL REFERENCES followup (id),\n"
  "  position      INTEGER NOT NULL,\n"
  "  kind          INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),\n"
  "  name          TEXT NOT NULL,\n"
  "  drug_code     TEXT,\n"
  "  times_per_day INTEGER,\n"
  "  dose          REAL,\n"
  "  dose_unit     TEXT,\n"
  "  usage         TEXT,\n"
  "  PRIMARY KEY (followup_id, position)\n"
  ") WITHOUT ROWID;\n";
