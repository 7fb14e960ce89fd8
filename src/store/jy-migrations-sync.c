/* jy-migrations-sync.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-migrations-private.h"

/* Synchronisation with the municipal platform (issue #8, sync.md).
 * Self-contained: only new tables and indexes, so it can be renumbered at
 * a merge without touching other steps. */
const char jy_migration_sync[] =
  /* Per FHIR resource type: the pull cursor (meta.lastUpdated of the
   * newest record applied, pulled again with `ge`) and the last pull that
   * finished. scope '*' is the whole run: last success, the server it
   * talked to (a different server starts the cursors over) and the last
   * failure as a short, personal-data-free text. */
  "CREATE TABLE sync_state (\n"
  "  scope           TEXT PRIMARY KEY,\n"
  "  cursor          TEXT,\n"
  "  server          TEXT,\n"
  "  last_success_at TEXT,\n"
  "  last_error      TEXT\n"
  ") WITHOUT ROWID;\n"

  /* The conflict inbox. kind 'edit': the platform's copy changed while this
   * workstation had unsent changes (a 412 on push, or a pulled version
   * over a pending row); mine and theirs are FHIR JSON of each side.
   * kind 'invalid': a pulled record this workstation cannot store (theirs
   * only, reason says why). The row's pending outbox entries wait while
   * its conflict is open; resolving writes the chosen record as a new
   * local change based on theirs_version. */
  "CREATE TABLE sync_conflict (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  entity         TEXT NOT NULL,\n"
  "  row_uuid       TEXT NOT NULL,\n"
  "  kind           TEXT NOT NULL DEFAULT 'edit' CHECK (kind IN ('edit','invalid')),\n"
  "  mine           TEXT,\n"
  "  theirs         TEXT NOT NULL,\n"
  "  theirs_version TEXT,\n"
  "  reason         TEXT,\n"
  "  created_at     TEXT NOT NULL,\n"
  "  state          TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','resolved')),\n"
  "  resolution     TEXT CHECK (resolution IN ('mine','theirs','merged')),\n"
  "  resolved_at    TEXT\n"
  ");\n"
  "CREATE UNIQUE INDEX sync_conflict_open ON sync_conflict (entity, row_uuid)\n"
  "  WHERE state = 'open';\n"

  /* Rows the platform knows under an id of its own: only when it refuses
   * update-as-create and a POST with If-None-Exist assigned the id. */
  "CREATE TABLE sync_remote_id (\n"
  "  entity    TEXT NOT NULL,\n"
  "  row_uuid  TEXT NOT NULL,\n"
  "  remote_id TEXT NOT NULL,\n"
  "  PRIMARY KEY (entity, row_uuid)\n"
  ") WITHOUT ROWID;\n"

  /* What this workstation put on the wire, written before each Bundle
   * leaves: a copy on the platform with one of these digests (canonical
   * content, jy_fhir_content_digest) is our own write whose answer a
   * killed run never recorded, not someone else's edit. Cleared when the
   * platform's answer for the row is recorded. */
  "CREATE TABLE sync_sent (\n"
  "  entity   TEXT NOT NULL,\n"
  "  row_uuid TEXT NOT NULL,\n"
  "  digest   TEXT NOT NULL,\n"
  "  PRIMARY KEY (entity, row_uuid, digest)\n"
  ") WITHOUT ROWID;\n"

  /* Pushing reads pending entries by row; pulling asks whether a row has
   * unsent changes. */
  "CREATE INDEX outbox_row_state ON outbox (entity, row_uuid, state);\n";

/* Step 13: this workstation's code, part of the numbers it gives
 * prescriptions and contracts. Numbers are unique columns, and every
 * workstation of a centre counts from the same copied database: without
 * it two workstations issue CQ20261123000124 the same day, and the second
 * one to sync can never be stored on the first. A restore (how a
 * workstation joins a centre) draws a new code: jy_migrations_new_workstation(). */
const char jy_migration_workstation[] =
  "INSERT OR REPLACE INTO meta (key, value) VALUES ('workstation', upper (hex (randomblob (2))));\n";
