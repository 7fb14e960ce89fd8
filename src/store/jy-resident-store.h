/* jy-resident-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"
#include "jy-resident.h"

G_BEGIN_DECLS

/* One line of the residents list: what a row shows, already masked. */
typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;
  char   *sex;
  char   *birth_date;
  char   *id_masked;
  char   *phone_masked;
  char   *address;        /* community name + detail */
  char   *team_name;
  char   *status;
  char   *relation_to_head;  /* GB/T 4761 code, NULL outside a household */
  guint32 key_populations;   /* JY_KEY_POPULATION_BIT set today (as the
                              * resident page counts them: exact age) */
} JyResidentRow;

void            jy_resident_row_free (JyResidentRow *row);

typedef enum
{
  JY_RESIDENT_SORT_ARCHIVE_NO,
  JY_RESIDENT_SORT_NAME,
  JY_RESIDENT_SORT_AGE,
} JyResidentSort;

typedef struct
{
  char           *area_prefix;    /* a street's 9 or a community's 12 digits; NULL = all */
  gint64          team_id;        /* 0 = all */
  gboolean        include_retired;
  JyResidentSort  sort;
  /* A jy_key_population_to_string() code, NULL = everyone. Derived kinds
   * go by the record (65+ and children by exact age today), hypertension
   * and diabetes by a managing enrolment, the others by tags active today;
   * disability matches nobody until that record exists. */
  char           *key_population;
} JyResidentFilter;

void            jy_resident_filter_free            (JyResidentFilter *filter);

/* Reads (any connection). */
JyResident     *jy_resident_store_load             (JyDb              *db,
                                                    gint64             id,
                                                    GError           **error);
gint64          jy_resident_store_find_id_number   (JyDb              *db,
                                                    const char        *id_number,
                                                    gint64             except_id,
                                                    GError           **error);
GArray         *jy_resident_store_find_name_birth  (JyDb              *db,
                                                    const char        *name,
                                                    const char        *birth_date,
                                                    GError           **error);
GArray         *jy_resident_store_list_ids         (JyDb              *db,
                                                    const JyResidentFilter *filter,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
GPtrArray      *jy_resident_store_load_rows        (JyDb              *db,
                                                    const gint64      *ids,
                                                    guint              n_ids,
                                                    GError           **error);
GPtrArray      *jy_resident_store_household        (JyDb              *db,
                                                    const char        *household_id,
                                                    GError           **error);

/* Writes: call inside a write job. Each validates with core, refuses a
 * duplicate ID number, writes search keys, outbox and audit together. */
gboolean        jy_resident_store_insert           (JyDb              *db,
                                                    JyResident        *resident,
                                                    const GDate       *today,
                                                    GError           **error);
gboolean        jy_resident_store_update           (JyDb              *db,
                                                    JyResident        *resident,
                                                    const GDate       *today,
                                                    GError           **error);
gboolean        jy_resident_store_retire           (JyDb              *db,
                                                    gint64             id,
                                                    gint64             rev,
                                                    const char        *status,
                                                    const char        *date,
                                                    const char        *reason,
                                                    GError           **error);
/* Manual key-population tags (domain.md §1.4): who set them and when are
 * in the audit log; ending one keeps it with its end date. */
gboolean        jy_resident_store_add_tag          (JyDb              *db,
                                                    gint64             resident_id,
                                                    const char        *tag,
                                                    const char        *start_date,
                                                    const char        *end_date,
                                                    const char        *source,
                                                    GError           **error);
gboolean        jy_resident_store_end_tag          (JyDb              *db,
                                                    const char        *tag_uuid,
                                                    const char        *end_date,
                                                    GError           **error);
gboolean        jy_resident_store_record_view      (JyDb              *db,
                                                    gint64             id,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyResidentRow, jy_resident_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyResidentFilter, jy_resident_filter_free)

G_END_DECLS
