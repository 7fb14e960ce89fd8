/* jy-migrations.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-migrations.h"
#include "jy-migrations-private.h"

#include "jy-long-rx-store.h"
#include "jy-package-store.h"
#include "jy-resident-search.h"

/* Forward-only: never edit a step that has shipped, add a new one.
 * Step N takes a database from user_version N-1 to N. Syncable tables
 * carry SYNC_COLUMNS (jy-migrations-private.h); the larger steps live in
 * jy-migrations-chronic.c and jy-migrations-contracts.c. */
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

static const char *const migrations[] = {
  migration_1,
  migration_2,
  jy_migration_chronic,
  migration_4,
  migration_5,
  jy_migration_contracts,
  jy_migration_sync,
  jy_migration_reports,
  jy_migration_home_beds,
  jy_migration_long_rx,
  jy_migration_home_bed_policy,
  jy_migration_reports_speed,
  jy_migration_workstation,
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
  FALSE,
  FALSE,
  FALSE,
  FALSE,
  FALSE,
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
  NULL,
  NULL,
  NULL,
  jy_drug_store_seed,
  NULL,
  NULL,
  NULL,
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

/* Never the code it had: the copy must differ from the original. */
gboolean
jy_migrations_new_workstation (JyDb    *db,
                               GError **error)
{
  static const char read_sql[] = "SELECT value FROM meta WHERE key = 'workstation'";
  static const char write_sql[] = "INSERT OR REPLACE INTO meta (key, value) VALUES ('workstation', ?1)";
  g_autofree char *old = NULL;
  char code[5];
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, read_sql, error)) == NULL || (rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    old = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  do
    g_snprintf (code, sizeof code, "%04X", (guint)g_random_int_range (0, 0x10000));
  while (g_strcmp0 (code, old) == 0);

  if ((stmt = jy_db_prepare (db, write_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  return jy_db_step_done (db, stmt, error);
}
