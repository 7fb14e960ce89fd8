/* jy-long-rx-store-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-long-rx-store.h"

G_BEGIN_DECLS

/* Shared by jy-long-rx-store.c, jy-long-rx-dispense.c and the generator. */
const JyLongRxConfig *jy_long_rx_store_config         (void);
/* @today, or the real local today when NULL or empty. */
char                 *jy_long_rx_store_today          (const char *today);
/* Sets JY_STORE_ERROR_INVALID with @message; returns FALSE. */
gboolean              jy_long_rx_store_invalid        (GError    **error,
                                                       const char *message);
JyLongRx             *jy_long_rx_store_load_unchecked (JyDb       *db,
                                                       gint64      id,
                                                       GError    **error);
JyLongRx             *jy_long_rx_store_load_at_rev    (JyDb       *db,
                                                       gint64      id,
                                                       gint64      rev,
                                                       GError    **error);
/* Checks and inserts a prescription (renews_id 0: a first issue). */
JyLongRx             *jy_long_rx_store_insert         (JyDb           *db,
                                                       const JyLongRx *rx,
                                                       gint64          renews_id,
                                                       GError        **error);

G_END_DECLS
