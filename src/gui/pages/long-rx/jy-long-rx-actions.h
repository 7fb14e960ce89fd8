/* jy-long-rx-actions.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jy-long-rx.h"
#include "jy-store.h"

G_BEGIN_DECLS

/* What the window, the long-prescription page and a resident's page do
 * with a prescription. @changed (may be NULL) runs after a write with
 * @user_data, a GObject kept alive until then (or NULL). */
typedef void (*JyLongRxChangedFunc) (gpointer user_data);

void jy_long_rx_open_issue    (GtkWindow           *parent,
                               JyStore             *store,
                               gint64               resident_id,
                               JyLongRxChangedFunc  changed,
                               gpointer             user_data);
void jy_long_rx_open_dispense (GtkWindow           *parent,
                               JyStore             *store,
                               gint64               long_rx_id,
                               JyLongRxChangedFunc  changed,
                               gpointer             user_data);
/* Asks for a stop reason (@renew FALSE) or the renewal's confirmations
 * (@renew TRUE), then writes. */
void jy_long_rx_open_lifecycle (GtkWindow           *parent,
                                JyStore             *store,
                                gint64               long_rx_id,
                                gboolean             renew,
                                JyLongRxChangedFunc  changed,
                                gpointer             user_data);
/* Records the review (复诊) of @long_rx_id, or when it is 0 of
 * @resident_id's prescription in use: continue with the next review
 * date, adjust (stop, then the issue dialog) or stop. */
void jy_long_rx_open_review   (GtkWindow           *parent,
                               JyStore             *store,
                               gint64               long_rx_id,
                               gint64               resident_id,
                               JyLongRxChangedFunc  changed,
                               gpointer             user_data);
/* After a follow-up whose class or danger sign calls for @reason (§4.6):
 * tells that long prescription @long_rx_id must be reviewed or stopped
 * and offers the review and stop dialogs. Nothing is stopped silently. */
void jy_long_rx_followup_notice (GtkWindow          *parent,
                                 JyStore            *store,
                                 gint64              long_rx_id,
                                 JyLongRxStopReason  reason);
/* Loads @long_rx_id off the main thread, then opens the print dialog for
 * its slip (@card FALSE) or card; with @pdf_path, writes that PDF instead. */
void jy_long_rx_print         (GtkWindow           *parent,
                               JyStore             *store,
                               gint64               long_rx_id,
                               gboolean             card,
                               const char          *pdf_path);

G_END_DECLS
