/* jy-followup-drug-list.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jy-followup.h"

G_BEGIN_DECLS

#define JY_TYPE_FOLLOWUP_DRUG_LIST (jy_followup_drug_list_get_type ())
G_DECLARE_FINAL_TYPE (JyFollowupDrugList, jy_followup_drug_list, JY, FOLLOWUP_DRUG_LIST, GtkBox)

/* Editable rows of one kind of drug (用药情况, 胰岛素 or 用药调整意见) of
 * one programme's record. @name_prefix names the widgets ("htn-drug" →
 * "htn-drug-add", "htn-drug-name-0" …). Emits "changed" on every edit. */
JyFollowupDrugList *jy_followup_drug_list_new        (JyFollowupDrugKind  kind,
                                                      const char         *title,
                                                      const char         *name_prefix);
/* Replaces the rows with the drugs of this list's kind in @drugs. */
void                jy_followup_drug_list_set_drugs  (JyFollowupDrugList *self,
                                                      GPtrArray          *drugs);
/* Appends a JyFollowupDrug for each row with a name to @drugs. */
void                jy_followup_drug_list_add_to     (JyFollowupDrugList *self,
                                                      GPtrArray          *drugs);
/* Adds an empty row and focuses its name. */
void                jy_followup_drug_list_add_row    (JyFollowupDrugList *self);
guint               jy_followup_drug_list_get_n_rows (JyFollowupDrugList *self);
/* The first entry holding something that is not a number, marking every
 * such entry; NULL when all are fine. */
GtkWidget          *jy_followup_drug_list_check      (JyFollowupDrugList *self);

G_END_DECLS
