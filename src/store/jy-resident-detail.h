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

/* One event on a resident's timeline. Record changes come from the audit
 * log; clinical events (enrolments, follow-ups) from their tables, dated
 * by the day they happened. Later areas (contracts, prescriptions, home
 * beds) add their kinds. */
typedef struct
{
  char     *at;        /* UTC ISO 8601; a local YYYY-MM-DD when date_only */
  /* create, update, retire (detail: the audit's JSON); enrolment,
   * enrolment-ended, followup (title); contract-sign, contract-renew,
   * contract-terminate, contact, service (detail: JSON, see load_timeline) */
  char     *kind;
  char     *actor;     /* staff name, or NULL for the system */
  char     *detail;    /* JSON from the audit log; NULL for clinical events */
  char     *title;     /* clinical events: the line to show, translated
                        * ("高血压随访 · 控制满意 · 门诊"); NULL otherwise */
  gboolean  date_only;
  gint64    record_id; /* clinical events: the enrolment or follow-up */
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

/* JyStoreFunc for jy_store_write(): @data is the resident id (GINT_TO_POINTER
 * is not enough for 64 bits, so pass a gint64 *). Needs
 * JY_PERMISSION_RESIDENT_VIEW; records the view in the audit log in the
 * same transaction (so it fails on a reader). ID numbers are masked, in
 * the record and in the timeline's details, for a role without
 * JY_PERMISSION_FULL_ID_NUMBER. */
gpointer  jy_resident_detail_load (JyDb          *db,
                                   gpointer       data,
                                   GCancellable  *cancellable,
                                   GError       **error);
/* The same read without the audit row, for any connection (a reader):
 * the caller records the view itself, with jy_resident_store_record_view()
 * in a write job queued before this read (the resident page does), and
 * takes the record off the screen if that write fails. */
gpointer  jy_resident_detail_read (JyDb          *db,
                                   gpointer       data,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyResidentDetail, jy_resident_detail_free)

G_END_DECLS
