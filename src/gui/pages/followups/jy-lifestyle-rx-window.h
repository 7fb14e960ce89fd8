/* jy-lifestyle-rx-window.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-lifestyle-rx-print.h"

G_BEGIN_DECLS

#define JY_TYPE_LIFESTYLE_RX_WINDOW (jy_lifestyle_rx_window_get_type ())
G_DECLARE_FINAL_TYPE (JyLifestyleRxWindow, jy_lifestyle_rx_window, JY, LIFESTYLE_RX_WINDOW, AdwWindow)

/* Proposes a non-drug prescription from @facts, lets the doctor edit it
 * with the printed page beside it, and prints or saves it. Both structs
 * are copied. */
JyLifestyleRxWindow *jy_lifestyle_rx_window_new      (GtkWindow              *parent,
                                                      const JyLifestyleFacts *facts,
                                                      const JyRxPrintHeader  *header,
                                                      JyLifestyleRxKind       kind);
JyLifestyleRxKind    jy_lifestyle_rx_window_get_kind (JyLifestyleRxWindow    *self);
/* The prescription as it would print now (the doctor's edits included). */
JyPrintDoc          *jy_lifestyle_rx_window_build_doc (JyLifestyleRxWindow   *self);

G_END_DECLS
