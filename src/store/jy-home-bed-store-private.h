/* jy-home-bed-store-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "jy-home-bed-store.h"
#include "jy-home-bed-policy-store.h"

G_BEGIN_DECLS

/* "YYYY-MM-DD" into @buf (11 bytes), or NULL for a cleared date. */
const char *jy_home_bed_date_text (const GDate *date,
                                   char        *buf);
/* A date column into @out; cleared when NULL or unreadable. */
void        jy_home_bed_column_date (sqlite3_stmt *stmt,
                                     int           column,
                                     GDate        *out);
void        jy_home_bed_bind_date   (sqlite3_stmt *stmt,
                                     int           index,
                                     const GDate  *date);
/* Sets JY_HOME_BED_ERROR from @problems when there are any. */
gboolean    jy_home_bed_refuse      (GArray       *problems,
                                     GError      **error);
gboolean    jy_home_bed_refuse_one  (JyHomeBedProblem problem,
                                     GError      **error);
/* @today, or today in the centre's zone into @storage. */
const GDate *jy_home_bed_reference (const GDate *today,
                                    GDate       *storage);
/* Whether the resident is active (else @error); their area and address. */
gboolean    jy_home_bed_resident_is_active (JyDb    *db,
                                            gint64   resident_id,
                                            char   **area_code,
                                            char   **address,
                                            GError **error);

/* What the writes need to know of a bed. */
typedef struct
{
  gint64  resident_id;
  char   *status;
  GDate   admitted_on;
  GDate   cycle_end;
  GDate   discharged_on;
  gint64  doctor_id;
  gint64  nurse_id;
  guint   cycle_no;
} JyHomeBedFacts;

void        jy_home_bed_facts_clear (JyHomeBedFacts *facts);
gboolean    jy_home_bed_load_facts  (JyDb           *db,
                                     gint64          home_bed_id,
                                     JyHomeBedFacts *facts,
                                     GError        **error);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JyHomeBedFacts, jy_home_bed_facts_clear)

/* Recomputes the derived columns of one bed (jy-migrations-home-beds.c). */
gboolean    jy_home_bed_derive      (JyDb         *db,
                                     gint64        home_bed_id,
                                     GError      **error);

G_END_DECLS
