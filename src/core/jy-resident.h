/* jy-resident.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A resident's registry record (domain.md §1.1), as the form edits it and
 * the store saves it. Strings are NULL when empty; codes are strings. */
typedef struct
{
  gint64    id;                 /* 0 until saved */
  char     *uuid;
  gint64    rev;
  char     *status;             /* active, moved-out, dead, lost, voided */
  char     *status_date;
  char     *status_reason;

  char     *archive_no;
  char     *name;
  char     *sex;                /* GB/T 2261.1: 0 1 2 9 */
  char     *birth_date;         /* YYYY-MM-DD */
  char     *id_number;
  char     *id_number_original; /* 15-digit legacy number as imported */
  char     *phone;
  char     *contact_name;
  char     *contact_phone;
  char     *area_code;          /* 12-digit community code */
  char     *address_detail;
  char     *registered_address;
  char     *residence_type;     /* 1 户籍, 2 非户籍 */
  char     *ethnicity;          /* GB/T 3304, two digits */
  char     *insurance;          /* payment codes, comma-separated */
  char     *household_id;
  char     *relation_to_head;
  gint64    team_id;            /* 0 = none */

  /* The user confirmed that the registry, not the ID number, is wrong
   * about sex or birth date (domain.md §1.2 rule 7). */
  gboolean  registry_error_confirmed;
} JyResident;

typedef enum
{
  JY_RESIDENT_FIELD_NAME,
  JY_RESIDENT_FIELD_SEX,
  JY_RESIDENT_FIELD_BIRTH_DATE,
  JY_RESIDENT_FIELD_ID_NUMBER,
  JY_RESIDENT_FIELD_PHONE,
  JY_RESIDENT_FIELD_CONTACT_PHONE,
  JY_RESIDENT_FIELD_AREA,
  JY_RESIDENT_FIELD_STATUS_DATE,
} JyResidentField;

typedef enum
{
  JY_RESIDENT_PROBLEM_REQUIRED,
  JY_RESIDENT_PROBLEM_TOO_LONG,
  JY_RESIDENT_PROBLEM_INVALID,
  JY_RESIDENT_PROBLEM_FUTURE,
  JY_RESIDENT_PROBLEM_ID_FORMAT,
  JY_RESIDENT_PROBLEM_ID_AREA,
  JY_RESIDENT_PROBLEM_ID_BIRTH,
  JY_RESIDENT_PROBLEM_ID_CHECK,
  JY_RESIDENT_PROBLEM_ID_LEGACY,
  /* Confirmable: the ID number disagrees with the entered sex or birth date. */
  JY_RESIDENT_PROBLEM_MISMATCH_ID,
} JyResidentProblemKind;

typedef struct
{
  JyResidentField       field;
  JyResidentProblemKind kind;
} JyResidentProblem;

#define JY_TYPE_RESIDENT (jy_resident_get_type ())

GType       jy_resident_get_type       (void) G_GNUC_CONST;
JyResident *jy_resident_new            (void);
JyResident *jy_resident_copy           (const JyResident *self);
void        jy_resident_free           (JyResident       *self);

void        jy_resident_normalize      (JyResident       *self);
GArray     *jy_resident_validate       (const JyResident *self,
                                        const GDate      *today);
gboolean    jy_resident_fill_from_id   (JyResident       *self);
int         jy_resident_get_age        (const JyResident *self,
                                        const GDate      *reference);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyResident, jy_resident_free)

G_END_DECLS
