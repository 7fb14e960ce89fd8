/* jy-rate.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A rate as domain.md stores it (conventions): an integer numerator and
 * denominator, kept as they are so a report can print both beside the
 * percentage and totals can be summed before dividing. Both are counts
 * (≥ 0); the numerator may exceed the denominator (a coverage over an
 * estimated population). */
typedef struct
{
  gint64 numerator;
  gint64 denominator;
} JyRate;

#define JY_RATE_INIT(num, den) ((JyRate) { (num), (den) })

gboolean  jy_rate_get_tenths     (const JyRate *rate,
                                  gint64       *tenths_of_percent);
char     *jy_rate_format         (const JyRate *rate);
char     *jy_rate_format_counts  (gint64        numerator,
                                  gint64        denominator);
void      jy_rate_add            (JyRate       *sum,
                                  const JyRate *rate);

G_END_DECLS
