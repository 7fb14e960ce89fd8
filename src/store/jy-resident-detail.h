/* jy-resident-detail.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"
#include "jy-resident.h"

G_BEGIN_DECLS

/* One event on a resident's timeline. Later areas (follow-ups,
 * prescriptions, home beds) add their kinds. */
typedef struct
{
  char *at;        /* UTC ISO 8601 */
  /* create, update, retire: the record itself (detail: the audit's JSON);
   * contract-sign, contract-renew (detail: contract_id, contract_no, team,
   * doctor, start, end, status), contract-terminate (contract_id,
   * contract_no, date, reason code, status), contact (contact_id, channel,
   * initiated_by, content, status), service (a package item delivered
   * outside a contact: item, status). */
  char *kind;
  char *actor;     /* staff name, or NULL for the system */
  char *detail;    /* JSON object */
} JyTimelineEntry;

/* A key-population tag set by hand. */
typedef struct
{
  char *uuid;
  char *tag;         /* jy_key_population_to_string() code */
  char *start_date;
  char *end_date;    /* NULL while open */
} JyTagEntry;

/* Everything the resident page shows, read in one snapshot. */
typedef struct
{
  JyResident *resident;
  char       *area_name;      /* street + community */
  char       *team_name;
  GPtrArray  *household;      /* JyResidentRow, the resident included */
  GPtrArray  *timeline;       /* JyTimelineEntry, newest first */
  guint32     key_populations; /* JY_KEY_POPULATION_BIT set, today, exact age */
  GPtrArray  *manual_tags;     /* JyTagEntry, newest first */
  GPtrArray  *contracts;       /* JyContract, newest start first, history included */
  GPtrArray  *contacts;        /* JyContactRecord, the latest 20 */
} JyResidentDetail;

void      jy_resident_detail_free (JyResidentDetail *detail);

/* JyStoreFunc for jy_store_read(): @data is the resident id (GINT_TO_POINTER
 * is not enough for 64 bits, so pass a gint64 *). */
gpointer  jy_resident_detail_load (JyDb          *db,
                                   gpointer       data,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyResidentDetail, jy_resident_detail_free)

G_END_DECLS
