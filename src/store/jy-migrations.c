/* jy-migrations.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-migrations.h"

#include "jy-package-store.h"
#include "jy-resident-search.h"

/* Forward-only: never edit a step that has shipped, add a new one.
 * Step N takes a database from user_version N-1 to N.
 *
 * Every syncable table carries the same bookkeeping columns:
 *   uuid (made here, never reused), created_at/updated_at (UTC ISO 8601),
 *   created_by (staff uuid or "system"), rev (local counter),
 *   remote_version (the platform's meta.versionId) and status (never a
 *   hard delete). */
#define SYNC_COLUMNS \
  "  uuid           TEXT NOT NULL UNIQUE,\n" \
  "  created_at     TEXT NOT NULL,\n" \
  "  updated_at     TEXT NOT NULL,\n" \
  "  created_by     TEXT NOT NULL DEFAULT 'system',\n" \
  "  rev            INTEGER NOT NULL DEFAULT 1,\n" \
  "  remote_version TEXT,\n"

static const char migration_1[] =
  /* Small facts about this database: the centre it belongs to, demo flag. */
  "CREATE TABLE meta (\n"
  "  key   TEXT PRIMARY KEY,\n"
  "  value TEXT NOT NULL\n"
  ") WITHOUT ROWID;\n"

  /* centre -> sub-centre -> station; every record belongs to a site. */
  "CREATE TABLE site (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status    TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive','voided')),\n"
  "  parent_id INTEGER REFERENCES site (id),\n"
  "  kind      TEXT NOT NULL CHECK (kind IN ('centre','subcentre','station')),\n"
  "  code      TEXT NOT NULL,\n"
  "  name      TEXT NOT NULL\n"
  ");\n"

  /* Statistical area codes (GB/T 2260 + township + village): 6, 9 or 12 digits. */
  "CREATE TABLE address_area (\n"
  "  code        TEXT PRIMARY KEY,\n"
  "  parent_code TEXT REFERENCES address_area (code),\n"
  "  level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),\n"
  "  name        TEXT NOT NULL\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX address_area_parent ON address_area (parent_code);\n"

  "CREATE TABLE staff (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status    TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive','voided')),\n"
  "  site_id   INTEGER NOT NULL REFERENCES site (id),\n"
  "  name      TEXT NOT NULL,\n"
  "  role      TEXT NOT NULL CHECK (role IN ('doctor','nurse','public-health','manager','admin',"
  "'pharmacist','specialist')),\n"
  "  login     TEXT UNIQUE,\n"
  "  phone     TEXT\n"
  ");\n"

  "CREATE TABLE team (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive','voided')),\n"
  "  site_id       INTEGER NOT NULL REFERENCES site (id),\n"
  "  code          TEXT NOT NULL,\n"
  "  name          TEXT NOT NULL,\n"
  "  lead_staff_id INTEGER REFERENCES staff (id)\n"
  ");\n"

  "CREATE TABLE team_member (\n"
  "  id         INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive','voided')),\n"
  "  team_id    INTEGER NOT NULL REFERENCES team (id),\n"
  "  staff_id   INTEGER NOT NULL REFERENCES staff (id),\n"
  "  role       TEXT NOT NULL,\n"
  "  start_date TEXT NOT NULL,\n"
  "  end_date   TEXT\n"
  ");\n"
  "CREATE INDEX team_member_team ON team_member (team_id);\n"

  /* Communities a team is responsible for. */
  "CREATE TABLE team_area (\n"
  "  team_id   INTEGER NOT NULL REFERENCES team (id),\n"
  "  area_code TEXT NOT NULL REFERENCES address_area (code),\n"
  "  PRIMARY KEY (team_id, area_code)\n"
  ") WITHOUT ROWID;\n"

  /* The registry's spine. Only the fields the foundation needs; the
   * residents work adds the rest of the 个人基本信息表 in later steps. */
  "CREATE TABLE resident (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status         TEXT NOT NULL DEFAULT 'active'\n"
  "                 CHECK (status IN ('active','moved-out','dead','lost','voided')),\n"
  "  site_id        INTEGER NOT NULL REFERENCES site (id),\n"
  "  archive_no     TEXT UNIQUE,\n"
  "  name           TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 30),\n"
  "  sex            TEXT NOT NULL CHECK (sex IN ('0','1','2','9')),\n"
  "  birth_date     TEXT NOT NULL,\n"
  "  id_number      TEXT,\n"
  "  phone          TEXT,\n"
  "  area_code      TEXT REFERENCES address_area (code),\n"
  "  address_detail TEXT,\n"
  "  residence_type TEXT CHECK (residence_type IN ('1','2')),\n"
  "  ethnicity      TEXT,\n"
  "  team_id        INTEGER REFERENCES team (id)\n"
  ");\n"
  "CREATE UNIQUE INDEX resident_id_number ON resident (id_number)\n"
  "  WHERE id_number IS NOT NULL AND status <> 'voided';\n"
  "CREATE INDEX resident_team ON resident (team_id);\n"
  /* Counting active residents (Today) reads this, not the table. */
  "CREATE INDEX resident_status ON resident (status);\n"
  "CREATE INDEX resident_area ON resident (area_code);\n"

  /* Pending changes for the platform, in commit order (invariant 1). */
  "CREATE TABLE outbox (\n"
  "  id              INTEGER PRIMARY KEY,\n"
  "  entity          TEXT NOT NULL,\n"
  "  row_uuid        TEXT NOT NULL,\n"
  "  op              TEXT NOT NULL CHECK (op IN ('create','update','retire')),\n"
  "  rev             INTEGER NOT NULL,\n"
  "  created_at      TEXT NOT NULL,\n"
  "  state           TEXT NOT NULL DEFAULT 'pending'\n"
  "                  CHECK (state IN ('pending','done','rejected')),\n"
  "  attempts        INTEGER NOT NULL DEFAULT 0,\n"
  "  next_attempt_at TEXT,\n"
  "  last_error      TEXT\n"
  ");\n"
  "CREATE INDEX outbox_pending ON outbox (state, id);\n"
  "CREATE INDEX outbox_row ON outbox (entity, row_uuid);\n"

  /* Who did what to which record, and when. Append-only. */
  "CREATE TABLE audit_log (\n"
  "  id       INTEGER PRIMARY KEY,\n"
  "  at       TEXT NOT NULL,\n"
  "  actor    TEXT NOT NULL,\n"
  "  action   TEXT NOT NULL,\n"
  "  entity   TEXT NOT NULL,\n"
  "  row_uuid TEXT,\n"
  "  detail   TEXT\n"
  ");\n"
  "CREATE INDEX audit_log_row ON audit_log (entity, row_uuid);\n"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
  "  BEGIN SELECT RAISE (ABORT, 'audit_log is append-only'); END;\n"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
  "  BEGIN SELECT RAISE (ABORT, 'audit_log is append-only'); END;\n";

/* The residents registry (domain.md §1) and its search keys. */
static const char migration_2[] =
  "ALTER TABLE resident ADD COLUMN contact_name TEXT;\n"
  "ALTER TABLE resident ADD COLUMN contact_phone TEXT;\n"
  /* Members of one household share this uuid; relation_to_head holds a
   * GB/T 4761 code (02 户主, 10 配偶 …, see jy-household.h). */
  "ALTER TABLE resident ADD COLUMN household_id TEXT;\n"
  "ALTER TABLE resident ADD COLUMN relation_to_head TEXT;\n"
  /* Payment codes of the 个人基本信息表, comma-separated ('1,5'). */
  "ALTER TABLE resident ADD COLUMN insurance TEXT;\n"
  "ALTER TABLE resident ADD COLUMN registered_address TEXT;\n"
  /* For moved-out / dead / lost: when, and where to or why. */
  "ALTER TABLE resident ADD COLUMN status_date TEXT;\n"
  "ALTER TABLE resident ADD COLUMN status_reason TEXT;\n"
  /* A 15-digit first-generation number as imported, before conversion. */
  "ALTER TABLE resident ADD COLUMN id_number_original TEXT;\n"
  "CREATE INDEX resident_household ON resident (household_id) WHERE household_id IS NOT NULL;\n"
  "CREATE INDEX resident_name_birth ON resident (name, birth_date);\n"

  /* Manually set key-population tags (derived ones are computed). */
  "CREATE TABLE resident_tag (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','entered-in-error')),\n"
  "  resident_id INTEGER NOT NULL REFERENCES resident (id),\n"
  "  tag         TEXT NOT NULL,\n"
  "  start_date  TEXT NOT NULL,\n"
  "  end_date    TEXT,\n"
  "  source      TEXT\n"
  ");\n"
  "CREATE INDEX resident_tag_resident ON resident_tag (resident_id);\n"
  "CREATE INDEX resident_tag_tag ON resident_tag (tag, resident_id);\n"

  /* Precomputed search keys (see jy-resident-search.h). A key starts with
   * its kind and a colon, so one B-tree answers prefix ranges of every
   * kind. Rows are grouped by the resident's team (0: none) first: ranking
   * a team's own residents first is then one range, and everyone's best
   * matches a short range per team. visibility copies the resident's
   * status: 2 active, 1 moved out, dead or lost, 0 voided. Derived data,
   * rebuilt by jy_resident_search_rebuild(). */
  "CREATE TABLE search_key (\n"
  "  team_id     INTEGER NOT NULL,\n"
  "  key         TEXT NOT NULL,\n"
  "  resident_id INTEGER NOT NULL,\n"
  "  visibility  INTEGER NOT NULL,\n"
  "  PRIMARY KEY (team_id, key, resident_id)\n"
  ") WITHOUT ROWID;\n"
  /* Each resident's search document: the team and visibility their keys
   * were filed under, the keys (newline-separated) so re-indexing removes
   * exactly those (cheaper than an index on search_key by resident), and
   * the folded name that resident_name_fts indexes. */
  "CREATE TABLE search_doc (\n"
  "  resident_id INTEGER PRIMARY KEY,\n"
  "  team_id     INTEGER NOT NULL,\n"
  "  visibility  INTEGER NOT NULL,\n"
  "  name        TEXT NOT NULL,\n"
  "  keys        TEXT NOT NULL\n"
  ");\n"

  /* Substrings of three or more characters of a name (trigram needs 3),
   * rowid = resident.id. External content: search_doc keeps the indexed
   * value that a delete needs, and a bulk load is one 'rebuild' (0.2 s
   * for 200,000 names, against 8 s row by row). */
  "CREATE VIRTUAL TABLE resident_name_fts USING fts5 (\n"
  "  name, content = 'search_doc', content_rowid = 'resident_id', tokenize = 'trigram'\n"
  ");\n";

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
static const char migration_3[] =
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

/* Search keys gain kinds b: (two adjacent 汉字, for 2-character
 * substrings) and h: (the surname in 汉字, the given name in pinyin, for
 * 王xy): no table changes, the keys are rebuilt. */
static const char migration_4[] = "";

/* Staff accounts, roles and the audit trail (issue #5). A staff row with a
 * password hash is an account; accounts are never deleted, only made
 * inactive, so the audit log keeps naming who did what. */
static const char migration_5[] =
  /* libsodium's crypto_pwhash_str(): Argon2id with its own random salt and
   * cost, self-describing ($argon2id$v=19$m=65536,t=2,p=1$salt$hash).
   * NULL: the person cannot sign in. Never sent to the platform. */
  "ALTER TABLE staff ADD COLUMN password_hash TEXT;\n"
  /* Wrong passwords in a row, and the Unix time a lock ends (0: none). */
  "ALTER TABLE staff ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE staff ADD COLUMN locked_until INTEGER NOT NULL DEFAULT 0;\n"
  /* Set by an administrator's reset: choose your own at the next sign-in. */
  "ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE staff ADD COLUMN password_changed_at TEXT;\n"
  "ALTER TABLE staff ADD COLUMN last_login_at TEXT;\n"
  /* The audit viewer filters by time, by staff and by action. */
  "CREATE INDEX audit_log_at ON audit_log (at);\n"
  "CREATE INDEX audit_log_actor ON audit_log (actor, at);\n"
  "CREATE INDEX audit_log_action ON audit_log (action, at);\n"
  "CREATE INDEX team_member_staff ON team_member (staff_id);\n";

/* Family-doctor teams, service packages, contracts and their fulfilment
 * (domain.md §2, issue #6). One self-contained step: it only adds.
 *
 * Syncable rows (SYNC_COLUMNS) are written through the repositories in
 * jy-team-store.c, jy-package-store.c and jy-contract-store.c, each change
 * with its outbox and audit rows (invariant 1). Nothing is deleted: a
 * package version is superseded or withdrawn, a contract is terminated or
 * voided, a contact or a delivery is marked entered-in-error.
 *
 * Some columns and one table are derived, local data: never synced, never
 * counted as a change (rev and updated_at stay), recomputed by
 * jy_contract_derive_resident() in the transaction of every write that
 * touches a resident's contracts, contacts or deliveries, and written in
 * bulk by the demo generator from the same computation. "Live" below
 * means status <> 'voided' for contracts and status = 'final' for
 * contacts and deliveries; a "counting contact" is a live contact the
 * team initiated (jy_contact_counts() with the default policy); dates are
 * local YYYY-MM-DD, compared as text. Invariants, one per column:
 *   contract.renewed_by_id  id of the live contract whose renews_id is this
 *                           one (the earliest signed if several); NULL if none.
 *   contract.renewed_on     that renewal's sign_date; NULL if none.
 *   contract.cover_last     last day the contract covers: end_date, or the
 *                           day before termination_date if that is earlier
 *                           (jy_contract_get_coverage); NULL when it covers
 *                           no day (voided, or terminated on or before its
 *                           start).
 *   contract.run_first      first day of the unbroken run of covered days
 *                           that ends with this contract's coverage (the
 *                           start of the first contract in a chain of
 *                           renewals with no gap); NULL when cover_last is.
 *                           "Covered throughout [a, b]" is: a contract with
 *                           start_date <= b <= cover_last and run_first <= a.
 *   resident.contract_id    the resident's latest contract: the live one
 *                           covering at least a day with the greatest
 *                           start_date (then id); NULL if none.
 *   resident.last_contact_date  date of the latest counting contact; NULL if none.
 *   resident.annual_check_date  date of the latest live delivery of the
 *                           basic package's "elderly-annual-check" (the 65+
 *                           health check, until the health-check record
 *                           exists); NULL if none.
 *   contact_due             one row per resident and contact period (the
 *                           calendar quarter, JY_CONTACT_POLICY_DEFAULT) that
 *                           the resident is owed (jy_contact_is_owed: signed
 *                           throughout it) and that has no counting contact
 *                           (jy_contact_made_between). contract_id, team_id
 *                           and doctor_id are those of the contract covering
 *                           the period's last day (the due date; an owed
 *                           period is covered throughout); last_contact_date is
 *                           the latest counting contact before period_first.
 *                           The "not contacted this quarter" worklist is the
 *                           rows of the current quarter: an index range. */
static const char migration_6[] =
  /* Specialists from partner hospitals (医联体, "全专结合") are members
   * of a team too; record where they work (§8). */
  "ALTER TABLE team_member ADD COLUMN institution TEXT;\n"
  "CREATE INDEX IF NOT EXISTS team_member_staff ON team_member (staff_id);\n"

  /* The service-package catalogue (§2.4), seeded from
   * jy_service_package_get_seed(). A package is edited by adding its next
   * version and marking the old one superseded, so a contract keeps the
   * version (contents) it was signed with; contract_package copies the
   * fees. A withdrawn package is no longer offered. key_populations holds
   * jy_key_population_to_string() codes, comma-separated (NULL: open to
   * everyone); ages are full years, NULL for no limit; sex is a GB/T
   * 2261.1 code, NULL for any. Fees are fen per contract year. */
  "CREATE TABLE service_package (\n"
  "  id                INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status            TEXT NOT NULL DEFAULT 'active'\n"
  "                    CHECK (status IN ('active','withdrawn','superseded')),\n"
  "  code              TEXT NOT NULL,\n"
  "  version           INTEGER NOT NULL CHECK (version >= 1),\n"
  "  name              TEXT NOT NULL,\n"
  "  kind              TEXT NOT NULL CHECK (kind IN ('basic','personalised')),\n"
  "  fee_insurance     INTEGER NOT NULL DEFAULT 0 CHECK (fee_insurance >= 0),\n"
  "  fee_public_health INTEGER NOT NULL DEFAULT 0 CHECK (fee_public_health >= 0),\n"
  "  fee_resident      INTEGER NOT NULL DEFAULT 0 CHECK (fee_resident >= 0),\n"
  "  min_age           INTEGER,\n"
  "  max_age           INTEGER,\n"
  "  sex               TEXT CHECK (sex IN ('1','2')),\n"
  "  key_populations   TEXT,\n"
  "  sort_order        INTEGER NOT NULL DEFAULT 0,\n"
  "  UNIQUE (code, version)\n"
  ");\n"
  /* One current (not superseded) version per code. */
  "CREATE UNIQUE INDEX service_package_current ON service_package (code)\n"
  "  WHERE status <> 'superseded';\n"
  /* What a package version contains (§2.5: each item an obligation with a
   * due rule). Part of its version: never changed once written. */
  "CREATE TABLE service_package_item (\n"
  "  package_id      INTEGER NOT NULL REFERENCES service_package (id),\n"
  "  position        INTEGER NOT NULL,\n"
  "  code            TEXT NOT NULL,\n"
  "  name            TEXT NOT NULL,\n"
  "  due_rule        TEXT NOT NULL\n"
  "                  CHECK (due_rule IN ('on-request','per-contract-year','per-quarter','own-schedule')),\n"
  "  quantity        INTEGER NOT NULL DEFAULT 0 CHECK (quantity >= 0),\n"
  "  key_populations TEXT,\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") WITHOUT ROWID;\n"

  /* A family-doctor contract (§2.2–2.3). status is what writes made of
   * it: signed, terminated (termination_* set) or voided (a data-entry
   * error, excluded everywhere). Its state on a day (pending, active,
   * expired, renewed, terminated) follows from the dates:
   * jy_contract_state_on(). One live contract covers a resident's day at
   * most: jy-contract-store.c checks it (jy_contract_find_overlap) on
   * every save. Fees are the term's totals in fen by payer; the packages
   * with their per-year fees as signed are in contract_package. The
   * signer is the resident when signer_name is NULL, else a guardian or
   * agent (signer_relation: GB/T 4761 code). */
  "CREATE TABLE contract (\n"
  "  id                   INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status               TEXT NOT NULL DEFAULT 'signed'\n"
  "                       CHECK (status IN ('signed','terminated','voided')),\n"
  "  contract_no          TEXT NOT NULL UNIQUE,\n"
  "  site_id              INTEGER NOT NULL REFERENCES site (id),\n"
  "  resident_id          INTEGER NOT NULL REFERENCES resident (id),\n"
  "  team_id              INTEGER NOT NULL REFERENCES team (id),\n"
  "  doctor_id            INTEGER NOT NULL REFERENCES staff (id),\n"
  "  household_id         TEXT,\n"
  "  channel              TEXT NOT NULL DEFAULT 'clinic' CHECK (channel IN ('clinic','home','online')),\n"
  "  signer_name          TEXT,\n"
  "  signer_relation      TEXT,\n"
  "  signer_id_number     TEXT,\n"
  "  consent_version      TEXT,\n"
  "  sign_date            TEXT NOT NULL,\n"
  "  start_date           TEXT NOT NULL,\n"
  "  end_date             TEXT NOT NULL,\n"
  "  renews_id            INTEGER REFERENCES contract (id),\n"
  "  termination_date     TEXT,\n"
  "  termination_reason   TEXT CHECK (termination_reason IN ('1','2','3','4','5','9')),\n"
  "  termination_note     TEXT,\n"
  "  terminated_at        TEXT,\n"
  "  terminated_by        TEXT,\n"
  "  refund_fen           INTEGER,\n"
  "  fee_insurance        INTEGER NOT NULL DEFAULT 0,\n"
  "  fee_public_health    INTEGER NOT NULL DEFAULT 0,\n"
  "  fee_resident         INTEGER NOT NULL DEFAULT 0,\n"
  "  fee_paid             INTEGER NOT NULL DEFAULT 0 CHECK (fee_paid IN (0, 1)),\n"
  "  agreement_printed_at TEXT,\n"
  "  agreement_signed_at  TEXT,\n"
  /* Derived (see above). */
  "  renewed_by_id        INTEGER REFERENCES contract (id),\n"
  "  renewed_on           TEXT,\n"
  "  cover_last           TEXT,\n"
  "  run_first            TEXT,\n"
  "  CHECK (start_date >= sign_date AND end_date >= start_date),\n"
  "  CHECK ((termination_date IS NULL) = (termination_reason IS NULL))\n"
  ");\n"
  "CREATE INDEX contract_resident ON contract (resident_id, start_date, cover_last);\n"
  "CREATE INDEX contract_renews ON contract (renews_id) WHERE renews_id IS NOT NULL;\n"
  /* Expiring worklist (jy_contract_is_expiring): live, not renewed, end
   * within the window. Covering, so the count reads no table: SQLite
   * 3.40 reads the columns of a partial index's WHERE from the table
   * unless the index has them too. */
  "CREATE INDEX contract_expiring ON contract (end_date, start_date, termination_date, status,\n"
  "  renewed_by_id) WHERE status <> 'voided' AND renewed_by_id IS NULL;\n"
  "CREATE INDEX contract_expiring_team ON contract (team_id, end_date, start_date,\n"
  "  termination_date, status, renewed_by_id) WHERE status <> 'voided' AND renewed_by_id IS NULL;\n"
  "CREATE INDEX contract_expiring_doctor ON contract (doctor_id, end_date, start_date,\n"
  "  termination_date, status, renewed_by_id) WHERE status <> 'voided' AND renewed_by_id IS NULL;\n"
  /* Indicators: signed on a day, signings and terminations in a month. */
  "CREATE INDEX contract_cover ON contract (cover_last, start_date, run_first, resident_id)\n"
  "  WHERE cover_last IS NOT NULL;\n"
  "CREATE INDEX contract_sign ON contract (sign_date) WHERE status <> 'voided';\n"
  "CREATE INDEX contract_end ON contract (end_date) WHERE status <> 'voided';\n"
  "CREATE INDEX contract_termination ON contract (termination_date)\n"
  "  WHERE termination_date IS NOT NULL AND status <> 'voided';\n"
  /* Signed on a day per doctor (caseload) and per team. */
  "CREATE INDEX contract_doctor ON contract (doctor_id, cover_last, start_date)\n"
  "  WHERE cover_last IS NOT NULL;\n"
  "CREATE INDEX contract_team ON contract (team_id, cover_last, start_date)\n"
  "  WHERE cover_last IS NOT NULL;\n"

  /* The packages a contract was signed with, fees per contract year as
   * signed (never the catalogue's later prices). Part of the contract. */
  "CREATE TABLE contract_package (\n"
  "  contract_id       INTEGER NOT NULL REFERENCES contract (id),\n"
  "  position          INTEGER NOT NULL,\n"
  "  package_id        INTEGER NOT NULL REFERENCES service_package (id),\n"
  "  code              TEXT NOT NULL,\n"
  "  name              TEXT NOT NULL,\n"
  "  kind              TEXT NOT NULL CHECK (kind IN ('basic','personalised')),\n"
  "  fee_insurance     INTEGER NOT NULL,\n"
  "  fee_public_health INTEGER NOT NULL,\n"
  "  fee_resident      INTEGER NOT NULL,\n"
  "  PRIMARY KEY (contract_id, position)\n"
  ") WITHOUT ROWID;\n"

  /* Every contact with a signed resident (履约, §2.5, §8): who, when, how,
   * what. contacted_at is UTC; contact_date is its date in the centre's
   * zone (jy_clock_local_date_from_utc_iso), which the quarterly rule
   * reads. contract_id is the contract covering that date, if any. */
  "CREATE TABLE contact_log (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status        TEXT NOT NULL DEFAULT 'final' CHECK (status IN ('final','entered-in-error')),\n"
  "  resident_id   INTEGER NOT NULL REFERENCES resident (id),\n"
  "  contract_id   INTEGER REFERENCES contract (id),\n"
  "  channel       TEXT NOT NULL CHECK (channel IN ('phone','wechat','sms','app','clinic','home')),\n"
  "  initiated_by  TEXT NOT NULL CHECK (initiated_by IN ('team','resident')),\n"
  "  staff_id      INTEGER REFERENCES staff (id),\n"
  "  contacted_at  TEXT NOT NULL,\n"
  "  contact_date  TEXT NOT NULL,\n"
  "  content       TEXT\n"
  ");\n"
  "CREATE INDEX contact_log_resident ON contact_log (resident_id, contact_date);\n"
  /* Quarterly contact coverage (indicator C07): counting contacts by date. */
  "CREATE INDEX contact_log_date ON contact_log (contact_date, resident_id)\n"
  "  WHERE status = 'final' AND initiated_by = 'team';\n"

  /* Package items delivered (履约): what jy-fulfilment calls deliveries.
   * The 65+ annual health check is item 'elderly-annual-check' of the
   * basic package until the health-check record (健康体检表) exists. */
  "CREATE TABLE service_delivery (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  SYNC_COLUMNS
  "  status        TEXT NOT NULL DEFAULT 'final' CHECK (status IN ('final','entered-in-error')),\n"
  "  resident_id   INTEGER NOT NULL REFERENCES resident (id),\n"
  "  contract_id   INTEGER REFERENCES contract (id),\n"
  "  contact_id    INTEGER REFERENCES contact_log (id),\n"
  "  item_code     TEXT NOT NULL,\n"
  "  staff_id      INTEGER REFERENCES staff (id),\n"
  "  delivered_at  TEXT NOT NULL,\n"
  "  delivery_date TEXT NOT NULL,\n"
  "  note          TEXT\n"
  ");\n"
  "CREATE INDEX service_delivery_resident ON service_delivery (resident_id, item_code, delivery_date);\n"
  /* What was delivered at a contact (the contacts list, voiding one). */
  "CREATE INDEX service_delivery_contact ON service_delivery (contact_id) WHERE contact_id IS NOT NULL;\n"

  /* Derived (see above). */
  "CREATE TABLE contact_due (\n"
  "  resident_id       INTEGER NOT NULL REFERENCES resident (id),\n"
  "  period_first      TEXT NOT NULL,\n"
  "  period_last       TEXT NOT NULL,\n"
  "  contract_id       INTEGER NOT NULL REFERENCES contract (id),\n"
  "  team_id           INTEGER NOT NULL,\n"
  "  doctor_id         INTEGER NOT NULL,\n"
  "  last_contact_date TEXT,\n"
  "  PRIMARY KEY (resident_id, period_first)\n"
  ") WITHOUT ROWID;\n"
  /* Worklist order: longest without a contact first (never contacted
   * before all), then resident id. */
  "CREATE INDEX contact_due_period ON contact_due (period_first, last_contact_date, resident_id);\n"
  "CREATE INDEX contact_due_team ON contact_due (period_first, team_id, last_contact_date, resident_id);\n"
  "CREATE INDEX contact_due_doctor ON contact_due (period_first, doctor_id, last_contact_date, resident_id);\n"

  "ALTER TABLE resident ADD COLUMN contract_id INTEGER REFERENCES contract (id);\n"
  "ALTER TABLE resident ADD COLUMN last_contact_date TEXT;\n"
  "ALTER TABLE resident ADD COLUMN annual_check_date TEXT;\n"
  /* 65+ worklist: oldest first, the check date read from the index
   * (covering: status too, as for contract_expiring). */
  "CREATE INDEX resident_elderly ON resident (birth_date, annual_check_date, status)\n"
  "  WHERE status = 'active';\n"
  "CREATE INDEX resident_elderly_team ON resident (team_id, birth_date, annual_check_date, status)\n"
  "  WHERE status = 'active';\n"
  "CREATE INDEX resident_contract ON resident (contract_id) WHERE contract_id IS NOT NULL;\n"
  /* Active residents per team (the teams list), without the table. */
  "CREATE INDEX resident_team_status ON resident (team_id, status);\n";

static const char *const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
};

/* Search keys are computed in C, not SQL: a step that creates them or
 * changes their rules asks for jy_resident_search_rebuild(), which runs
 * once, in the transaction of the last step migrated. */
static const gboolean rebuilds_search[] = {
  FALSE,
  TRUE,
  FALSE,
  TRUE,
  FALSE,
  FALSE,
};
G_STATIC_ASSERT (G_N_ELEMENTS (rebuilds_search) == G_N_ELEMENTS (migrations));

/* Data a step needs that only C can write, run in the step's transaction
 * after its SQL: the contracts step seeds the package catalogue from
 * core's seed (jy_service_package_get_seed). NULL: nothing. */
typedef gboolean (*StepSeed) (JyDb    *db,
                              GError **error);

static const StepSeed seeds[] = {
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  jy_package_store_seed,
};
G_STATIC_ASSERT (G_N_ELEMENTS (seeds) == G_N_ELEMENTS (migrations));

int
jy_migrations_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

char *
jy_migrations_dup_fingerprint (void)
{
  g_autoptr(GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    g_checksum_update (digest, (const guchar *)migrations[i], -1);
  return g_strndup (g_checksum_get_string (digest), 12);
}

gboolean
jy_migrations_run (JyDb     *db,
                   int       target,
                   GError  **error)
{
  gboolean rebuild_search = FALSE;
  int current;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (target >= 0 && target <= jy_migrations_latest (), FALSE);

  current = jy_db_get_user_version (db, error);
  if (current < 0)
    return FALSE;

  if (current > jy_migrations_latest ())
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_TOO_NEW,
                   "Database schema version %d is newer than this program knows (%d)",
                   current, jy_migrations_latest ());
      return FALSE;
    }

  /* Each step commits with its version number, so a killed migration
   * leaves the database at the last finished step. */
  for (int version = current + 1; version <= target; version++)
    {
      rebuild_search |= rebuilds_search[version - 1];

      if (!jy_db_begin (db, error))
        return FALSE;

      if (!jy_db_exec (db, migrations[version - 1], error) ||
          (seeds[version - 1] != NULL && !seeds[version - 1] (db, error)) ||
          (version == target && rebuild_search && !jy_resident_search_rebuild (db, error)) ||
          !jy_db_set_user_version (db, version, error) ||
          !jy_db_commit (db, error))
        {
          jy_db_rollback (db);
          g_prefix_error (error, "Migration to version %d: ", version);
          return FALSE;
        }

      g_debug ("migrated database to schema version %d", version);
    }

  return TRUE;
}
