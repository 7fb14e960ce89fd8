/* jy-generator.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jy-db.h"

G_BEGIN_DECLS

/* Archive numbers have a 5-digit serial per community, so one centre
 * cannot hold many more than this. */
#define JY_GENERATOR_MAX_RESIDENTS 1000000

/* Bumped whenever a seed and reference date give different rows (the
 * version is kept in meta.generator_version): caches of generated
 * centres, such as the bench's, compare it and regenerate when it moved.
 * 2: hypertension and diabetes enrolments and follow-ups.
 * 3: contracts, contacts, 65+ checks.
 * 4: home beds with rounds, renewals and discharges.
 * 5: long prescriptions and their dispenses. */
#define JY_GENERATOR_VERSION 5

typedef struct
{
  guint        n_residents;
  guint32      seed;
  /* Ages are computed against this; NULL = today in Asia/Shanghai
   * (jy_clock_today_local). */
  const GDate *reference_date;
} JyGeneratorOptions;

/* Called on the thread running the generator, every 10,000 residents and
 * once more when all are written. */
typedef void (*JyGeneratorProgress) (guint    done,
                                     guint    total,
                                     gpointer user_data);

/* Fills an empty database with a fictional demo centre: address areas,
 * sites, staff, teams and residents, then five years of family-doctor
 * contracts with their contacts and 65+ checks. Everything but created_at/updated_at
 * is a function of the seed and the reference date.
 *
 * Runs inside the caller's write transaction (call it from a JyStoreFunc
 * passed to jy_store_write). Fails with JY_STORE_ERROR_NOT_EMPTY if the
 * database already has a centre or residents. */
gboolean jy_generator_run (JyDb                     *db,
                           const JyGeneratorOptions *options,
                           JyGeneratorProgress       progress,
                           gpointer                  user_data,
                           GError                  **error);

G_END_DECLS
