/* jiayi-bench.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint      residents;
  guint      runs;
  gboolean   reuse;
  char      *jiayi;
  char      *cache_dir;
  gboolean   any_miss;
  char      *gui_rows;   /* "search", "open" or "scroll"; NULL = all */
} Bench;

/* Prints one row: name  median_ms  p95_ms  target_ms  OK|MISS (sorts @samples_ms). */
void     report     (Bench       *bench,
                     const char  *name,
                     GArray      *samples_ms,
                     double       target_ms);
double   elapsed_ms (gint64       start);

/* Hypertension and diabetes: saving a visit, a resident's history, the
 * worklists (jiayi-bench-chronic.c). */
gboolean bench_chronic (Bench       *bench,
                        const char  *path,
                        GError     **error);

/* Worklists, signing and indicators (jiayi-bench-contracts.c). */
gboolean bench_contracts (Bench       *bench,
                          const char  *path,
                          GError     **error);

/* The monthly summary: a month, compared, the PDF (jiayi-bench-reports.c). */
gboolean bench_reports (Bench       *bench,
                        const char  *path,
                        GError     **error);
/* Today's rounds and saving a round (jiayi-bench-home-beds.c). */
gboolean bench_home_beds (Bench       *bench,
                          const char  *path,
                          GError     **error);
/* Long prescriptions: worklists, counts, issuing (jiayi-bench-long-rx.c). */
gboolean bench_long_rx (Bench       *bench,
                        const char  *path,
                        GError     **error);

/* The rows that need the real widgets (jiayi-bench-gui.c). */
gboolean bench_gui  (Bench       *bench,
                     const char  *path,
                     GError     **error);

G_END_DECLS
