/* jy-package-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"
#include "jy-service-package.h"

G_BEGIN_DECLS

/* The service-package catalogue (服务包, domain.md §2.4) as the centre has
 * configured it: the seed of jy_service_package_get_seed() on first run,
 * edited from then on. Editing a package adds its next version and marks
 * the old one superseded, so contracts keep the version they were signed
 * with; contracts also copy the fees (contract_package), so a later price
 * never changes a signed contract. */

/* One version of a package. @package is the core view of it (an owned
 * copy: free with the record), ready for jy_service_package_check_*()
 * and jy_fulfilment_*(); its name and item names are English msgids for
 * seeded packages (show them with _()) and the centre's own text for
 * packages it defined. */
typedef struct
{
  gint64            id;
  char             *uuid;
  gint64            rev;
  char             *status;       /* active, withdrawn, superseded */
  int               version;      /* 1, 2 … per code */
  int               sort_order;
  JyServicePackage *package;
} JyPackageRecord;

void             jy_package_record_free      (JyPackageRecord         *record);

/* Reads. */
GPtrArray       *jy_package_store_list       (JyDb                    *db,
                                              gboolean                 include_withdrawn,
                                              GError                 **error);
JyPackageRecord *jy_package_store_load       (JyDb                    *db,
                                              gint64                   id,
                                              GError                 **error);
JyPackageRecord *jy_package_store_find       (JyDb                    *db,
                                              const char              *code,
                                              GError                 **error);

/* Writes: call inside a write job; outbox and audit in its transaction.
 * jy_package_store_save() adds a package (@base_id 0: version 1 of a new
 * code) or its next version (@base_id, @base_rev: the current version as
 * loaded; JY_STORE_ERROR_CONFLICT if it changed since). Returns the new
 * version. JY_STORE_ERROR_INVALID for a malformed package: empty code,
 * name or item code, negative fee, min age above max age, a basic kind
 * under another code than "basic" or the reverse. */
JyPackageRecord *jy_package_store_save       (JyDb                    *db,
                                              const JyServicePackage  *package,
                                              int                      sort_order,
                                              gint64                   base_id,
                                              gint64                   base_rev,
                                              GError                 **error);
/* Stops (or resumes) offering the current version @id to new contracts;
 * the basic package cannot be withdrawn. */
gboolean         jy_package_store_withdraw   (JyDb                    *db,
                                              gint64                   id,
                                              gint64                   rev,
                                              gboolean                 withdrawn,
                                              GError                 **error);

/* The migration step's seed: writes the core seed catalogue into an
 * empty service_package table (no outbox: every workstation seeds the
 * same rows, with the same uuids). */
gboolean         jy_package_store_seed       (JyDb                    *db,
                                              GError                 **error);

/* Key-population sets as stored: jy_key_population_to_string() codes,
 * comma-separated, NULL for none. */
char            *jy_key_populations_to_codes (guint32                  key_populations);
guint32          jy_key_populations_from_codes (const char            *codes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyPackageRecord, jy_package_record_free)

G_END_DECLS
