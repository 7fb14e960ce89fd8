/* jy-long-rx-dispense-dialog.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_LONG_RX_DISPENSE_DIALOG (jy_long_rx_dispense_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JyLongRxDispenseDialog, jy_long_rx_dispense_dialog, JY, LONG_RX_DISPENSE_DIALOG, AdwWindow)

/* Hands out the next instalment of prescription @long_rx_id (§4.5): to
 * the patient, or to a proxy whose name, relation, ID number, phone and
 * written authorisation are checked at the fields. Emits "dispensed"
 * once saved, then closes. */
JyLongRxDispenseDialog *jy_long_rx_dispense_dialog_new (GtkWindow *parent,
                                                        JyStore   *store,
                                                        gint64     long_rx_id);

G_END_DECLS
