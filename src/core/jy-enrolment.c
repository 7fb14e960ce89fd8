/* jy-enrolment.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-enrolment.h"

#include "jy-person.h"

#include <string.h>

/* domain.md §3.1: the programmes are for residents aged 35 and over. */
#define MIN_ENROL_AGE 35

G_DEFINE_BOXED_TYPE (JyEnrolment, jy_enrolment, jy_enrolment_copy, jy_enrolment_free)

JyEnrolment *
jy_enrolment_new (JyProgramme programme)
{
  JyEnrolment *self;

  /* NONE is allowed: programmes are data, and a database may hold one
   * this build does not know (the store reads it, validation refuses it). */
  g_return_val_if_fail (programme == JY_PROGRAMME_NONE || programme == JY_PROGRAMME_HTN ||
                        programme == JY_PROGRAMME_T2DM, NULL);

  self = g_new0 (JyEnrolment, 1);
  self->status = g_strdup ("managing");
  self->programme = programme;
  return self;
}

JyEnrolment *
jy_enrolment_copy (const JyEnrolment *self)
{
  JyEnrolment *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->uuid = g_strdup (self->uuid);
  copy->status = g_strdup (self->status);
  copy->icd10 = g_strdup (self->icd10);
  copy->diagnosis_date = g_strdup (self->diagnosis_date);
  copy->diagnosis_institution = g_strdup (self->diagnosis_institution);
  copy->enrol_date = g_strdup (self->enrol_date);
  copy->end_date = g_strdup (self->end_date);
  copy->end_reason = g_strdup (self->end_reason);
  copy->end_note = g_strdup (self->end_note);
  return copy;
}

void
jy_enrolment_free (JyEnrolment *self)
{
  if (self == NULL)
    return;

  g_free (self->uuid);
  g_free (self->status);
  g_free (self->icd10);
  g_free (self->diagnosis_date);
  g_free (self->diagnosis_institution);
  g_free (self->enrol_date);
  g_free (self->end_date);
  g_free (self->end_reason);
  g_free (self->end_note);
  g_free (self);
}

/* --- ICD-10 -------------------------------------------------------------- */

/* A category is a letter and two digits. What follows is the local
 * extension: nothing, a dot and any of [0-9A-Za-z+*-] (I10.x00, E11.900,
 * E11.2+), or digits without the dot (E119, as some exports write it).
 * Surrounding spaces are ignored and a lower-case letter accepted. */
char *
jy_icd10_category (const char *code)
{
  g_autofree char *trimmed = NULL;
  const char *rest;

  if (code == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (code));
  if (strlen (trimmed) < 3 ||
      !g_ascii_isalpha (trimmed[0]) || !g_ascii_isdigit (trimmed[1]) || !g_ascii_isdigit (trimmed[2]))
    return NULL;

  rest = trimmed + 3;
  if (*rest == '.')
    {
      for (rest++; *rest != '\0'; rest++)
        if (!g_ascii_isalnum (*rest) && strchr ("+*-", *rest) == NULL)
          return NULL;
    }
  else
    {
      for (; *rest != '\0'; rest++)
        if (!g_ascii_isdigit (*rest))
          return NULL;
    }

  return g_strdup_printf ("%c%c%c", g_ascii_toupper (trimmed[0]), trimmed[1], trimmed[2]);
}

/* domain.md §7.3. For diabetes, every diabetes category other than E11
 * needs review: E10 (type 1), O24 (in pregnancy) and E14 (unspecified)
 * as the text says, and also E12 (malnutrition-related) and E13 (other
 * specified), which are diabetes but not type 2 as coded. */
JyIcd10Fit
jy_icd10_fits_programme (const char  *code,
                         JyProgramme  programme)
{
  static const char *const htn[] = { "I10", "I11", "I12", "I13", NULL };
  static const char *const dm_review[] = { "E10", "E12", "E13", "E14", "O24", NULL };
  g_autofree char *category = NULL;

  g_return_val_if_fail (programme == JY_PROGRAMME_HTN || programme == JY_PROGRAMME_T2DM,
                        JY_ICD10_OTHER_DISEASE);

  category = jy_icd10_category (code);
  if (category == NULL)
    return JY_ICD10_NOT_ICD10;

  if (programme == JY_PROGRAMME_HTN)
    {
      if (g_strv_contains (htn, category))
        return JY_ICD10_FITS;
      if (g_str_equal (category, "I15"))
        return JY_ICD10_SECONDARY_HTN;
      return JY_ICD10_OTHER_DISEASE;
    }

  if (g_str_equal (category, "E11"))
    return JY_ICD10_FITS;
  if (g_strv_contains (dm_review, category))
    return JY_ICD10_NEEDS_REVIEW;
  return JY_ICD10_OTHER_DISEASE;
}

/* --- Validation ---------------------------------------------------------- */

static void
add_problem (GArray                 *problems,
             JyEnrolmentField        field,
             JyEnrolmentProblemKind  kind)
{
  JyEnrolmentProblem problem = { field, kind };

  g_array_append_val (problems, problem);
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0';
}

/* A date that must be given, real, not in the future and not before the
 * birth. Returns TRUE and sets @out when it can be compared further. */
static gboolean
check_date (GArray           *problems,
            JyEnrolmentField  field,
            const char       *iso,
            const GDate      *birth_date,
            const GDate      *today,
            GDate            *out)
{
  if (iso == NULL)
    {
      add_problem (problems, field, JY_ENROLMENT_PROBLEM_REQUIRED);
      return FALSE;
    }
  if (!jy_person_parse_date (iso, out))
    {
      add_problem (problems, field, JY_ENROLMENT_PROBLEM_INVALID);
      return FALSE;
    }
  if (g_date_compare (out, today) > 0)
    {
      add_problem (problems, field, JY_ENROLMENT_PROBLEM_FUTURE);
      return FALSE;
    }
  if (birth_date != NULL && g_date_valid (birth_date) && g_date_compare (out, birth_date) < 0)
    {
      add_problem (problems, field, JY_ENROLMENT_PROBLEM_BEFORE_BIRTH);
      return FALSE;
    }
  return TRUE;
}

/* Returns the problems with @self, in form order (empty when it may be
 * saved). UNDER_AGE, and ICD10_MISMATCH when jy_icd10_fits_programme()
 * says NEEDS_REVIEW, are confirmable: the caller asks the user and saves
 * anyway. The age is taken on the enrolment date: someone diagnosed at
 * 33 can be enrolled once 35.
 *
 * The diagnosis date and the responsible doctor are required (the
 * enrolment record of §3.1 has them); the institution is not, since an
 * old diagnosis may have been made anywhere. An ended enrolment needs an
 * end date on or after the enrolment (INVALID otherwise) and one of the
 * end reasons of §3.1. */
GArray *
jy_enrolment_validate (const JyEnrolment *self,
                       const GDate       *birth_date,
                       const GDate       *today)
{
  static const char *const end_reasons[] = {
    "death", "moved-out", "diagnosis-revoked", "refused", NULL
  };
  g_autoptr(GArray) problems = NULL;
  GDate diagnosis, enrol, end;
  gboolean diagnosis_ok, enrol_ok;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->programme == JY_PROGRAMME_HTN ||
                        self->programme == JY_PROGRAMME_T2DM, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  problems = g_array_new (FALSE, FALSE, sizeof (JyEnrolmentProblem));

  if (!has_text (self->icd10))
    {
      add_problem (problems, JY_ENROLMENT_FIELD_ICD10, JY_ENROLMENT_PROBLEM_REQUIRED);
    }
  else
    {
      switch (jy_icd10_fits_programme (self->icd10, self->programme))
        {
        case JY_ICD10_FITS:
          break;
        case JY_ICD10_NOT_ICD10:
          add_problem (problems, JY_ENROLMENT_FIELD_ICD10, JY_ENROLMENT_PROBLEM_INVALID);
          break;
        case JY_ICD10_SECONDARY_HTN:
        case JY_ICD10_NEEDS_REVIEW:
        case JY_ICD10_OTHER_DISEASE:
        default:
          add_problem (problems, JY_ENROLMENT_FIELD_ICD10, JY_ENROLMENT_PROBLEM_ICD10_MISMATCH);
          break;
        }
    }

  diagnosis_ok = check_date (problems, JY_ENROLMENT_FIELD_DIAGNOSIS_DATE, self->diagnosis_date,
                             birth_date, today, &diagnosis);
  enrol_ok = check_date (problems, JY_ENROLMENT_FIELD_ENROL_DATE, self->enrol_date,
                         birth_date, today, &enrol);
  if (enrol_ok && diagnosis_ok && g_date_compare (&enrol, &diagnosis) < 0)
    add_problem (problems, JY_ENROLMENT_FIELD_ENROL_DATE, JY_ENROLMENT_PROBLEM_BEFORE_DIAGNOSIS);

  if (self->doctor_id <= 0)
    add_problem (problems, JY_ENROLMENT_FIELD_DOCTOR, JY_ENROLMENT_PROBLEM_REQUIRED);

  if (g_strcmp0 (self->status, "ended") == 0 || self->end_date != NULL || self->end_reason != NULL)
    {
      if (check_date (problems, JY_ENROLMENT_FIELD_END_DATE, self->end_date, birth_date, today, &end) &&
          enrol_ok && g_date_compare (&end, &enrol) < 0)
        add_problem (problems, JY_ENROLMENT_FIELD_END_DATE, JY_ENROLMENT_PROBLEM_INVALID);

      if (!has_text (self->end_reason))
        add_problem (problems, JY_ENROLMENT_FIELD_END_REASON, JY_ENROLMENT_PROBLEM_REQUIRED);
      else if (!g_strv_contains (end_reasons, self->end_reason))
        add_problem (problems, JY_ENROLMENT_FIELD_END_REASON, JY_ENROLMENT_PROBLEM_INVALID);
    }

  if (enrol_ok && birth_date != NULL && g_date_valid (birth_date) &&
      jy_person_age_on (birth_date, &enrol) < MIN_ENROL_AGE)
    add_problem (problems, JY_ENROLMENT_FIELD_AGE, JY_ENROLMENT_PROBLEM_UNDER_AGE);

  return g_steal_pointer (&problems);
}
