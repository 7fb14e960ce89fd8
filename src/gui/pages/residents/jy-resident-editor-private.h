/* jy-resident-editor-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-resident-editor.h"
#include "jy-resident.h"

G_BEGIN_DECLS

/* Shared by jy-resident-editor.c and jy-resident-editor-duplicates.c only. */
struct _JyResidentEditor
{
  AdwWindow         parent_instance;

  JyStore          *store;
  JyCentreChoices  *choices;       /* borrowed from the residents page */
  JyResident       *original;      /* NULL for a new resident */
  GCancellable     *cancellable;
  GHashTable       *touched;       /* rows the user has edited */
  gboolean          tried_save;
  gboolean          saving;
  gboolean          loading;
  gint64            existing_id;   /* a resident with the same ID number */
  char             *existing_checked;
  char             *auto_birth;    /* what we filled from the ID, to refill on change */
  char             *auto_sex;
  /* Adding a family member to someone not yet in a household: that
   * resident becomes its head, in the same save. */
  gint64            make_head_id;
  JyResident       *prefill;       /* household, address and team to start from */

  AdwWindowTitle   *window_title;
  GtkWidget        *save_button;
  GtkRevealer      *banner_revealer;
  GtkLabel         *banner_label;
  GtkWidget        *banner_button;

  AdwActionRow     *name_row;
  GtkEntry         *name_entry;
  AdwActionRow     *id_number_row;
  GtkEntry         *id_number_entry;
  AdwActionRow     *sex_row;
  GtkDropDown      *sex_dropdown;
  AdwActionRow     *birth_row;
  GtkEntry         *birth_entry;
  AdwActionRow     *confirm_row;
  GtkCheckButton   *confirm_check;
  AdwActionRow     *phone_row;
  GtkEntry         *phone_entry;
  AdwActionRow     *contact_name_row;
  GtkEntry         *contact_name_entry;
  AdwActionRow     *contact_phone_row;
  GtkEntry         *contact_phone_entry;
  AdwActionRow     *area_row;
  GtkDropDown      *area_dropdown;
  AdwActionRow     *address_row;
  GtkEntry         *address_entry;
  AdwActionRow     *registered_row;
  GtkEntry         *registered_entry;
  AdwActionRow     *residence_row;
  GtkDropDown      *residence_dropdown;
  AdwActionRow     *ethnicity_row;
  GtkDropDown      *ethnicity_dropdown;
  AdwActionRow     *insurance_row;
  GtkDropDown      *insurance_dropdown;
  AdwActionRow     *team_row;
  GtkDropDown      *team_dropdown;
  AdwActionRow     *relation_row;
  GtkDropDown      *relation_dropdown;
};

void jy_resident_editor_show_banner          (JyResidentEditor *self,
                                              const char       *text,
                                              gboolean          offer_open);
void jy_resident_editor_save                 (JyResidentEditor *self);
void jy_resident_editor_emit_open_resident   (JyResidentEditor *self,
                                              gint64            resident_id);
void jy_resident_editor_check_id_number      (JyResidentEditor *self,
                                              const JyResident *r);
void jy_resident_editor_check_same_person    (JyResidentEditor *self,
                                              const JyResident *r);
void jy_resident_editor_open_existing_action (GtkWidget        *widget,
                                              const char       *action_name,
                                              GVariant         *parameter);

G_END_DECLS
