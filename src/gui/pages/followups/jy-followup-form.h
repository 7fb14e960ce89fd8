/* jy-followup-form.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-followup-rules.h"

G_BEGIN_DECLS

/* What the form needs to know about one disease programme of the patient. */
typedef struct
{
  gint64            enrolment_id;
  /* The latest earlier follow-up for which jy_followup_counts_as_previous()
   * holds (the "consecutive uncontrolled" rule), or NULL. */
  const JyFollowup *previous;
  /* The latest follow-up of any kind: drugs, height, targets and lifestyle
   * targets are carried over from it (jy_followup_new_from_previous()), or NULL. */
  const JyFollowup *latest;
  /* The enrolment's date ("YYYY-MM-DD"): no visit may come before it. */
  const char       *enrol_date;
} JyFollowupFormDisease;

/* Everything the form starts from; the form copies what it keeps, so the
 * caller may free it after jy_followup_form_new(). */
typedef struct
{
  gint64                  resident_id;
  const char             *resident_name;  /* display name, never split */
  const char             *sex;            /* GB/T 2261.1 code */
  const char             *birth_date;     /* YYYY-MM-DD; age at the visit comes from it */
  /* HTN, T2DM or both (one combined form, one record per programme). */
  JyProgramme             programmes;
  JyFollowupFormDisease   htn;
  JyFollowupFormDisease   t2dm;
  GDate                   today;          /* the centre's local date */
  gint64                  author_id;      /* staff who records the visit */
  const char             *author_name;    /* shown on the form, may be NULL */
  const char             *author_role;    /* "doctor" or "nurse"; a nurse's new visit starts as a home visit */
  const JyFollowupPolicy *policy;         /* NULL: jy_followup_policy_default () */
} JyFollowupFormContext;

#define JY_TYPE_FOLLOWUP_FORM (jy_followup_form_get_type ())
G_DECLARE_FINAL_TYPE (JyFollowupForm, jy_followup_form, JY, FOLLOWUP_FORM, AdwBin)

/* A new visit for @context's patient: today's date, the mode the author's
 * role usually uses, drugs and targets carried over. No database.
 * gtk_widget_grab_focus() on the form puts the cursor in the SBP, where a
 * routine visit starts typing. */
JyFollowupForm *jy_followup_form_new              (const JyFollowupFormContext *context);

/* Loads a saved (or drafted) record into the form, replacing what is
 * there for its programme; the shared fields (date, mode, BP, weight,
 * lifestyle …) are taken from it too. Call once per record of a combined
 * visit. The record keeps its id, uuid, rev and visit_uuid; the store
 * decides how a correction is versioned. Does not count as an edit. */
void            jy_followup_form_set_record       (JyFollowupForm              *self,
                                                   const JyFollowup            *record);

/* The records as the form stands, valid or not (for drafts too): one per
 * programme, HTN first, sharing visit_uuid; the T2DM record's BP, weight
 * and lifestyle are those typed once on the form. Each carries the
 * suggested class and next visit the rules proposed, and the author from
 * the context. Returns: (transfer full): JyFollowup elements, with a free func. */
GPtrArray      *jy_followup_form_get_records      (JyFollowupForm              *self);

/* Shows every problem next to its field and focuses the first one.
 * Returns: TRUE if the records may be saved. */
gboolean        jy_followup_form_validate         (JyFollowupForm              *self);

/* Whether the user changed anything since the form was made or loaded. */
gboolean        jy_followup_form_get_edited       (JyFollowupForm              *self);
void            jy_followup_form_set_edited       (JyFollowupForm              *self,
                                                   gboolean                     edited);

JyProgramme     jy_followup_form_get_programmes   (JyFollowupForm              *self);
gint64          jy_followup_form_get_resident_id  (JyFollowupForm              *self);
/* Age in full years on the visit date now typed (today's if none). */
int             jy_followup_form_get_age_at_visit (JyFollowupForm              *self);
/* What the rules say for @programme as the form stands. Returns: (nullable): borrowed. */
const JyFollowupAssessment *
                jy_followup_form_get_assessment   (JyFollowupForm              *self,
                                                   JyProgramme                  programme);

/* Signals:
 *   "changed" ()  the user edited something (not emitted while loading). */

G_END_DECLS
