/* jy-quarter.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A calendar quarter of the centre's local calendar (domain.md §2.5: the
 * proactive contact is due once per calendar quarter). Q1 is 1 Jan–31 Mar,
 * Q2 1 Apr–30 Jun, Q3 1 Jul–30 Sep, Q4 1 Oct–31 Dec. Every date here is a
 * local date (Asia/Shanghai): turn a stored UTC timestamp into one with
 * jy_clock_local_date_from_utc_iso() first, never with the process TZ. */
typedef struct
{
  int year;
  int quarter;   /* 1–4 */
} JyQuarter;

void      jy_quarter_from_date   (const GDate     *date,
                                  JyQuarter       *out);
gboolean  jy_quarter_is_valid    (const JyQuarter *quarter);
void      jy_quarter_first_day   (const JyQuarter *quarter,
                                  GDate           *out);
void      jy_quarter_last_day    (const JyQuarter *quarter,
                                  GDate           *out);
gboolean  jy_quarter_contains    (const JyQuarter *quarter,
                                  const GDate     *date);
void      jy_quarter_add         (const JyQuarter *quarter,
                                  int              n,
                                  JyQuarter       *out);
int       jy_quarter_compare     (const JyQuarter *a,
                                  const JyQuarter *b);
char     *jy_quarter_to_string   (const JyQuarter *quarter);
gboolean  jy_quarter_from_string (const char      *text,
                                  JyQuarter       *out);
gboolean  jy_quarter_has_date    (const JyQuarter *quarter,
                                  const GDate     *dates,
                                  guint            n_dates);

G_END_DECLS
