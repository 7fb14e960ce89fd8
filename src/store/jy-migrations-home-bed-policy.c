/* jy-migrations-home-bed-policy.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-migrations-private.h"

/* The centre's home-bed policy (domain.md §5.2, the "configurable"
 * values; issue #10): at most one row (id 1), written from the
 * preferences by jy_home_bed_policy_store_save(). No row: the defaults
 * (JY_HOME_BED_POLICY_DEFAULT). The ranges are core's
 * (jy_home_bed_policy_check), repeated here as a last guard. */
const char jy_migration_home_bed_policy[] =
  "CREATE TABLE home_bed_policy (\n"
  "  id                      INTEGER PRIMARY KEY CHECK (id = 1),\n"
  SYNC_COLUMNS
  "  cycle_days              INTEGER NOT NULL CHECK (cycle_days BETWEEN 30 AND 90),\n"
  "  assessment_working_days INTEGER NOT NULL CHECK (assessment_working_days BETWEEN 1 AND 10),\n"
  "  admission_note_hours    INTEGER NOT NULL CHECK (admission_note_hours BETWEEN 12 AND 72),\n"
  "  doctor_round_max_days   INTEGER NOT NULL CHECK (doctor_round_max_days BETWEEN 1 AND 14),\n"
  "  renewal_window_days     INTEGER NOT NULL CHECK (renewal_window_days BETWEEN 1 AND 21)\n"
  ");\n";
