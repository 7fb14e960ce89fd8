/* jy-clock.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates a doctor sees are local to the centre (Asia/Shanghai, UTC+8);
 * timestamps stored in the database are UTC. */
GTimeZone *jy_clock_get_local_zone          (void);
char      *jy_clock_now_utc_iso             (void);
GDate     *jy_clock_today_local             (void);
char      *jy_clock_format_date             (const GDate *date);
gboolean   jy_clock_local_date_from_utc_iso (const char  *utc_iso,
                                             GDate       *out);

G_END_DECLS
