/* jy-long-rx-issue-dialog.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_LONG_RX_ISSUE_DIALOG (jy_long_rx_issue_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JyLongRxIssueDialog, jy_long_rx_issue_dialog, JY, LONG_RX_ISSUE_DIALOG, AdwWindow)

/* Issues a long prescription for @resident_id (domain.md §4): the
 * eligibility reasons shown first, drugs found in the catalogue by name
 * or pinyin initials (an excluded class refused at the field with the
 * rule), dose and frequency per item with the packs computed, 4–12
 * weeks with the assessment and the patient's confirmation over 4 weeks.
 * Once issued it offers the slip and the card for printing; emits
 * "issued" (gint64 prescription id) and "printed" (char * PDF path). */
JyLongRxIssueDialog *jy_long_rx_issue_dialog_new       (GtkWindow           *parent,
                                                        JyStore             *store,
                                                        gint64               resident_id);
/* The issued prescription, 0 until saved. */
gint64               jy_long_rx_issue_dialog_get_rx_id (JyLongRxIssueDialog *self);
/* Writes the slip of the issued prescription to @path as a PDF, off the
 * main thread; "printed" follows. */
void                 jy_long_rx_issue_dialog_save_slip (JyLongRxIssueDialog *self,
                                                        const char          *path);

G_END_DECLS
