/* jy-followup-store-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-db.h"
#include "jy-followup.h"

G_BEGIN_DECLS

/* Private to src/store/: the follow-up row as jy-followup-store.c reads
 * it and jy-followup-store-save.c writes it. */

/* The columns that hold a JyFollowup field as is, in one order for SELECT,
 * INSERT and the binding loops: an X-macro, so the three cannot drift
 * apart. The rest (ids, status, programme, visit_uuid, action) are bound
 * by hand after them. Kinds:
 *   TEXT   char *, NULL when empty
 *   NUM    int, JY_UNMEASURED (any negative) stored as NULL
 *   OPT    coded item (1–3), 0 = not recorded, stored as NULL
 *   REAL   double, likewise
 *   CODE   int or enum stored as is (NOT NULL in the table)
 *   BITS   guint bit set
 *   BOOL   gboolean
 *   REF    gint64 row id, 0 stored as NULL */
#define FOLLOWUP_FIELDS(X) \
  X (visit_date, TEXT) X (mode, CODE) X (outcome, CODE) X (lost_reason, TEXT) \
  X (death_date, TEXT) X (death_cause, TEXT) X (author_id, REF) X (author_role, TEXT) \
  X (symptoms, BITS) X (symptoms_other, TEXT) X (danger_observed, BITS) \
  X (sbp, NUM) X (dbp, NUM) X (heart_rate, NUM) X (weight_kg, REAL) \
  X (target_weight_kg, REAL) X (height_cm, REAL) X (waist_cm, REAL) \
  X (temperature_c, REAL) X (foot_pulse, TEXT) X (signs_other, TEXT) \
  X (cigarettes, NUM) X (cigarettes_target, NUM) X (alcohol_liang, REAL) \
  X (alcohol_liang_target, REAL) X (exercise_per_week, NUM) X (exercise_minutes, NUM) \
  X (exercise_per_week_target, NUM) X (exercise_minutes_target, NUM) X (salt, OPT) \
  X (salt_target, OPT) X (staple_g, NUM) X (staple_g_target, NUM) X (psychology, OPT) \
  X (compliance, OPT) X (fasting_glucose, REAL) X (random_glucose, REAL) X (hba1c, REAL) \
  X (hba1c_date, TEXT) X (investigations, TEXT) X (adherence, OPT) \
  X (adverse_reaction, BOOL) X (adverse_reaction_text, TEXT) \
  X (adverse_hard_to_control, BOOL) X (hypoglycaemia, OPT) X (new_complication, BOOL) \
  X (complication_text, TEXT) X (classification, CODE) X (suggested_class, CODE) \
  X (class_override_reason, TEXT) X (referral_reason, TEXT) X (referral_institution, TEXT) \
  X (referral_department, TEXT) X (referral_contact, TEXT) X (referral_phone, TEXT) \
  X (referral_result, CODE) X (next_visit_date, TEXT) X (suggested_next_date, TEXT) \
  X (next_override_reason, TEXT) X (advice, TEXT) X (remarks, TEXT)

/* The fields as a column list, a SELECT list of alias f, and parameters;
 * each item ends in ", ". */
#define AS_COLUMN(name, kind) #name ", "
#define AS_SELECT(name, kind) "f." #name ", "
#define AS_PARAM(name, kind) "?, "

/* Binds the FOLLOWUP_FIELDS of @record at 1 .. jy_followup_row_n_fields(). */
int      jy_followup_row_n_fields     (void);
void     jy_followup_row_bind_fields  (sqlite3_stmt      *stmt,
                                       const JyFollowup  *record);
/* Writes @record's drugs under @record->id, in form order. */
gboolean jy_followup_row_insert_drugs (JyDb              *db,
                                       const JyFollowup  *record,
                                       GError           **error);

G_END_DECLS
