/* jy-home-bed-dialog-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-home-bed-dialog.h"

G_BEGIN_DECLS

/* The assessment's yes/no questions, in form order. */
enum
{
  Q_DIAGNOSIS, Q_STABLE, Q_SUITABLE, Q_CONTINUOUS, Q_INFECTIOUS, Q_SAFE, Q_CARER, N_QUESTIONS
};

struct _JyHomeBedDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkBox              *content_box;
  GtkLabel            *message_label;

  /* apply */
  GtkDropDown         *source_dropdown;
  GtkEntry            *referral_entry;
  GtkEntry            *request_entry;
  /* assess, renew */
  GtkCheckButton      *questions[N_QUESTIONS];
  GtkSpinButton       *adl_spin;
  GtkSpinButton       *braden_spin;
  GtkLabel            *verdict_label;
  /* admit */
  GtkEntry            *bed_entry;
  GtkEntry            *diagnosis_entry;
  GtkEntry            *plan_entry;
  GtkDropDown         *doctor_dropdown;
  GtkDropDown         *nurse_dropdown;
  GtkSpinButton       *doctor_every;
  GtkSpinButton       *nurse_every;
  GtkCheckButton      *agreement_check;
  GArray              *doctor_ids;
  GArray              *nurse_ids;
  /* discharge */
  GtkDropDown         *reason_dropdown;
  GtkTextView         *summary_view;
  GtkCheckButton      *sign_check;
  GtkLabel            *summary_error;

  /* The row of each field a problem can belong to (JyHomeBedField);
   * its subtitle shows the problem. */
  AdwActionRow        *field_rows[JY_HOME_BED_FIELD_SUMMARY + 1];

  JyStore             *store;
  GCancellable        *cancellable;
  JyHomeBedDialogMode  mode;
  gint64               resident_id;
  gint64               id;
  GDate                today;
  gboolean             saving;
};

/* jy-home-bed-dialog-fields.c: each problem next to its field. */
void           jy_home_bed_dialog_show_message       (JyHomeBedDialog  *self,
                                                      const char       *message);
void           jy_home_bed_dialog_set_field_error    (JyHomeBedDialog  *self,
                                                      JyHomeBedField    field,
                                                      const char       *message);
void           jy_home_bed_dialog_clear_field_errors (JyHomeBedDialog  *self);
JyHomeBedField jy_home_bed_dialog_field_of           (JyHomeBedDialog  *self,
                                                      JyHomeBedProblem  problem);
gboolean       jy_home_bed_dialog_show_problems      (JyHomeBedDialog  *self,
                                                      GArray           *problems);
void           jy_home_bed_dialog_watch_field        (JyHomeBedDialog  *self,
                                                      GtkWidget        *suffix,
                                                      JyHomeBedField    field,
                                                      GtkWidget        *row);

G_END_DECLS
