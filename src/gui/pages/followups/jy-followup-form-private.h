/* jy-followup-form-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-followup-drug-list.h"
#include "jy-followup-form.h"

G_BEGIN_DECLS

/* Shared by jy-followup-form*.c only. */

typedef enum
{
  JY_FORM_VALUE_INT,
  JY_FORM_VALUE_DOUBLE,
  JY_FORM_VALUE_DATE,    /* char * in the record */
  JY_FORM_VALUE_CODE,    /* drop-down; int code = position */
  JY_FORM_VALUE_FOOT,    /* drop-down; foot_pulse string code */
} JyFormValueKind;

/* One entry or drop-down made from the field table (jy-followup-form-fields.c). */
typedef struct
{
  const char      *name;        /* widget name, e.g. "sbp" */
  const char      *label;       /* English msgid: accessible name, name in messages */
  JyFollowupField  field;
  JyFormValueKind  kind;
  gsize            offset;      /* in JyFollowup */
  JyProgramme      programmes;  /* the records it is written to */
  GtkWidget       *widget;      /* GtkEntry or GtkDropDown */
  GtkLabel        *error;
  gboolean         bad_number;  /* text that is not a number (or date) */
} JyFormField;

/* Per programme (index 0 HTN, 1 T2DM). */
typedef struct
{
  JyProgramme           programme;
  gboolean              enrolled;
  gint64                enrolment_id;
  GDate                 enrol_date;   /* invalid when not known */
  JyFollowup           *previous;     /* owned; for the rule */
  JyFollowup           *base;         /* owned; what the record starts from */
  char                 *last_summary; /* the latest visit in a line, or NULL */
  JyFollowupAssessment  assessment;
  gboolean              assessed;

  /* Assessment card (jy-followup-form-assessment.c) */
  GtkWidget            *card;
  GtkLabel             *suggested_label;
  GtkLabel             *action_label;
  GtkDropDown          *class_dropdown;
  GtkEntry             *class_reason_entry;
  GtkLabel             *class_error;

  /* Drugs (jy-followup-drug-list.c) */
  JyFollowupDrugList   *current_drugs;
  JyFollowupDrugList   *insulin;
  JyFollowupDrugList   *adjust_drugs;
} JyFormDisease;

struct _JyFollowupForm
{
  AdwBin            parent_instance;

  gint64            resident_id;
  char             *resident_name;
  char             *sex;
  GDate             birth;
  GDate             today;
  JyProgramme       programmes;
  gint64            author_id;
  char             *author_name;
  char             *author_role;
  JyFollowupPolicy  policy;
  char             *visit_uuid;
  JyFormDisease     disease[2];

  GPtrArray        *fields;          /* JyFormField, owned */
  GArray           *rows;            /* the table's rows as built, to lay out again */
  gboolean          two_groups[4];   /* a block laid out two groups a line */
  GPtrArray        *symptom_checks;  /* GtkCheckButton */
  GPtrArray        *danger_checks;   /* GtkCheckButton, danger sign in "jy-sign" data */
  GHashTable       *touched;         /* widgets the user has left, or changed for choices */
  gboolean          loading;
  gboolean          edited;
  gboolean          tried_validate;
  gboolean          next_edited;     /* the doctor typed the next visit date */
  gboolean          referral_edited; /* the doctor typed the referral reason */
  GtkLabel         *bmi_label;
  GtkLabel         *bmi_target_label;
  GtkLabel         *glucose_mgdl_label;

  /* template: left, in the paper form's order */
  GtkWidget        *form_scroller;
  GtkEntry         *visit_date_entry;
  GtkLabel         *visit_date_error;
  GtkCheckButton   *mode_clinic;
  GtkCheckButton   *mode_home;
  GtkCheckButton   *mode_phone;
  GtkLabel         *mode_error;
  GtkDropDown      *outcome_dropdown;
  GtkWidget        *lost_box;
  GtkEntry         *lost_reason_entry;
  GtkWidget        *dead_box;
  GtkEntry         *death_date_entry;
  GtkEntry         *death_cause_entry;
  GtkLabel         *death_date_error;
  GtkWidget        *seen_box;        /* everything below the header */
  GtkGrid          *symptoms_grid;
  GtkWidget        *symptoms_other_box;
  GtkEntry         *symptoms_other_entry;
  GtkLabel         *symptoms_error;
  GtkToggleButton  *danger_toggle;
  GtkImage         *danger_arrow;
  GtkGrid          *danger_grid;
  GtkGrid          *signs_grid;
  GtkEntry         *signs_other_entry;
  GtkGrid          *lifestyle_grid;
  GtkWidget        *labs_heading;
  GtkGrid          *labs_grid;
  GtkEntry         *investigations_entry;
  GtkGrid          *meds_grid;
  GtkCheckButton   *adverse_check;
  GtkEntry         *adverse_entry;
  GtkCheckButton   *adverse_hard_check;
  GtkLabel         *adverse_error;
  GtkCheckButton   *complication_check;
  GtkEntry         *complication_entry;
  GtkBox           *drugs_box;
  GtkLabel         *drugs_error;
  GtkEntry         *advice_entry;
  GtkEntry         *remarks_entry;

  /* template: right, the assessment panel */
  GtkLabel         *patient_label;
  GtkLabel         *patient_detail_label;
  GtkLabel         *other_problems_label; /* problems with no field on the form */
  GtkWidget        *danger_box;
  GtkLabel         *danger_signs_label;
  GtkLabel         *danger_advice_label;
  GtkLabel         *warning_label;
  GtkWidget        *accept_button;
  GtkBox           *cards_box;
  GtkEntry         *next_visit_entry;
  GtkLabel         *next_proposal_label;
  GtkEntry         *next_reason_entry;
  GtkLabel         *next_visit_error;
  GtkWidget        *referral_box;
  GtkEntry         *referral_reason_entry;
  GtkEntry         *referral_institution_entry;
  GtkEntry         *referral_department_entry;
  GtkEntry         *referral_contact_entry;
  GtkEntry         *referral_phone_entry;
  GtkDropDown      *referral_result_dropdown;
  GtkLabel         *referral_error;
  GtkLabel         *author_label;
};

#define JY_FORM_N_DISEASES 2

static inline JyFormDisease *
jy_form_disease (JyFollowupForm *self,
                 JyProgramme     programme)
{
  return &self->disease[programme == JY_PROGRAMME_T2DM ? 1 : 0];
}

/* jy-followup-form.c */
void        jy_followup_form_field_changed   (JyFollowupForm   *self,
                                              GtkWidget        *widget);
void        jy_followup_form_field_left      (JyFollowupForm   *self,
                                              GtkWidget        *widget);
void        jy_followup_form_connect_entry   (JyFollowupForm   *self,
                                              GtkEntry         *entry);
char       *jy_followup_form_entry_text      (GtkEntry         *entry);
void        jy_followup_form_set_entry_text  (GtkEntry         *entry,
                                              const char       *text);
void        jy_followup_form_show_error      (GtkWidget        *widget,
                                              GtkLabel         *error,
                                              const char       *message);

/* Returns: (transfer full): @programme's record as the form stands. */
JyFollowup *jy_followup_form_build_record    (JyFollowupForm   *self,
                                              JyProgramme       programme);
/* Asks core's rules about the form as it stands (JyFormDisease.assessment). */
void        jy_followup_form_assess          (JyFollowupForm   *self);

/* jy-followup-form-problems.c: core's problems at their fields */
guint       jy_followup_form_show_problems   (JyFollowupForm   *self);

/* jy-followup-form-fields.c: the table-driven entries and checklists */
void        jy_followup_form_build_fields    (JyFollowupForm   *self);
void        jy_followup_form_fit_grids       (JyFollowupForm   *self);
void        jy_followup_form_read_fields     (JyFollowupForm   *self,
                                              JyFollowup       *record);
void        jy_followup_form_load_fields     (JyFollowupForm   *self,
                                              const JyFollowup *record);
JyFormField *jy_followup_form_find_field     (JyFollowupForm   *self,
                                              JyFollowupField   field,
                                              const JyFollowup *record);
void        jy_followup_form_update_computed (JyFollowupForm   *self,
                                              const JyFollowup *record);

/* jy-followup-form-checklists.c: symptoms and observed danger signs */
void        jy_followup_form_build_checklists (JyFollowupForm  *self);
void        jy_followup_form_read_checklists (JyFollowupForm   *self,
                                              JyFollowup       *record);
void        jy_followup_form_load_checklists (JyFollowupForm   *self,
                                              const JyFollowup *record);
void        jy_followup_form_symptom_toggled (JyFollowupForm   *self,
                                              GtkCheckButton   *check);

/* jy-followup-form-assessment.c: the panel on the right */
void        jy_followup_form_build_panel     (JyFollowupForm   *self);
void        jy_followup_form_update_panel    (JyFollowupForm   *self);
void        jy_followup_form_accept          (JyFollowupForm   *self);
JyFollowupClass jy_followup_form_get_class   (JyFormDisease    *disease);
void        jy_followup_form_set_class       (JyFormDisease    *disease,
                                              JyFollowupClass   klass);

G_END_DECLS
