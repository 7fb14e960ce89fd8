/* jy-migrations-contracts.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-migrations-private.h"

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
const char jy_migration_contracts[] =
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
