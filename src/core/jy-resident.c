/* jy-resident.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident.h"

#include "jy-idcard.h"
#include "jy-person.h"
#include "jy-phone.h"

#include <string.h>

#define MAX_NAME_CHARS 30

G_DEFINE_BOXED_TYPE (JyResident, jy_resident, jy_resident_copy, jy_resident_free)

JyResident *
jy_resident_new (void)
{
  JyResident *self = g_new0 (JyResident, 1);

  self->status = g_strdup ("active");
  return self;
}

JyResident *
jy_resident_copy (const JyResident *self)
{
  JyResident *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->uuid = g_strdup (self->uuid);
  copy->status = g_strdup (self->status);
  copy->status_date = g_strdup (self->status_date);
  copy->status_reason = g_strdup (self->status_reason);
  copy->archive_no = g_strdup (self->archive_no);
  copy->name = g_strdup (self->name);
  copy->sex = g_strdup (self->sex);
  copy->birth_date = g_strdup (self->birth_date);
  copy->id_number = g_strdup (self->id_number);
  copy->id_number_original = g_strdup (self->id_number_original);
  copy->phone = g_strdup (self->phone);
  copy->contact_name = g_strdup (self->contact_name);
  copy->contact_phone = g_strdup (self->contact_phone);
  copy->area_code = g_strdup (self->area_code);
  copy->address_detail = g_strdup (self->address_detail);
  copy->registered_address = g_strdup (self->registered_address);
  copy->residence_type = g_strdup (self->residence_type);
  copy->ethnicity = g_strdup (self->ethnicity);
  copy->insurance = g_strdup (self->insurance);
  copy->household_id = g_strdup (self->household_id);
  copy->relation_to_head = g_strdup (self->relation_to_head);
  return copy;
}

void
jy_resident_free (JyResident *self)
{
  if (self == NULL)
    return;

  g_free (self->uuid);
  g_free (self->status);
  g_free (self->status_date);
  g_free (self->status_reason);
  g_free (self->archive_no);
  g_free (self->name);
  g_free (self->sex);
  g_free (self->birth_date);
  g_free (self->id_number);
  g_free (self->id_number_original);
  g_free (self->phone);
  g_free (self->contact_name);
  g_free (self->contact_phone);
  g_free (self->area_code);
  g_free (self->address_detail);
  g_free (self->registered_address);
  g_free (self->residence_type);
  g_free (self->ethnicity);
  g_free (self->insurance);
  g_free (self->household_id);
  g_free (self->relation_to_head);
  g_free (self);
}

/* Trims a field in place; an empty field becomes NULL. The name is kept
 * as entered apart from the ends (minority names contain ·). */
static void
tidy (char **field)
{
  if (*field == NULL)
    return;

  g_strstrip (*field);
  if ((*field)[0] == '\0')
    g_clear_pointer (field, g_free);
}

static void
normalize_phone (char **field)
{
  tidy (field);
  if (*field != NULL)
    {
      char *normalized = jy_phone_normalize (*field);

      g_free (*field);
      *field = normalized;
    }
}

void
jy_resident_normalize (JyResident *self)
{
  g_return_if_fail (self != NULL);

  tidy (&self->name);
  tidy (&self->sex);
  tidy (&self->birth_date);
  tidy (&self->id_number);
  tidy (&self->contact_name);
  tidy (&self->area_code);
  tidy (&self->address_detail);
  tidy (&self->registered_address);
  tidy (&self->archive_no);
  normalize_phone (&self->phone);
  normalize_phone (&self->contact_phone);

  if (self->id_number != NULL)
    {
      char *normalized = jy_idcard_normalize (self->id_number);

      g_free (self->id_number);
      self->id_number = normalized;
    }
}

/* Fills sex and birth date from a valid 18-digit ID number where they are
 * still empty. Returns TRUE if anything was filled. */
gboolean
jy_resident_fill_from_id (JyResident *self)
{
  GDate birth;
  gboolean changed = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  /* The number may come straight from a form or a CSV file. */
  jy_resident_normalize (self);
  if (self->id_number == NULL || jy_idcard_validate (self->id_number, NULL) != JY_IDCARD_OK)
    return FALSE;

  if (self->birth_date == NULL && jy_idcard_get_birth_date (self->id_number, &birth))
    {
      self->birth_date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&birth),
                                          g_date_get_month (&birth), g_date_get_day (&birth));
      changed = TRUE;
    }
  if (self->sex == NULL)
    {
      self->sex = g_strdup_printf ("%d", jy_idcard_get_sex (self->id_number));
      changed = TRUE;
    }
  return changed;
}

static void
add_problem (GArray                *problems,
             JyResidentField        field,
             JyResidentProblemKind  kind)
{
  JyResidentProblem problem = { field, kind };

  g_array_append_val (problems, problem);
}

static void
validate_phone (GArray          *problems,
                const char      *phone,
                JyResidentField  field)
{
  if (phone != NULL && jy_phone_classify (phone) == JY_PHONE_INVALID)
    add_problem (problems, field, JY_RESIDENT_PROBLEM_INVALID);
}

static void
validate_id_number (GArray           *problems,
                    const JyResident *self,
                    const GDate      *today,
                    const GDate      *birth)
{
  static const JyResidentProblemKind kinds[] = {
    [JY_IDCARD_ERR_FORMAT] = JY_RESIDENT_PROBLEM_ID_FORMAT,
    [JY_IDCARD_ERR_AREA] = JY_RESIDENT_PROBLEM_ID_AREA,
    [JY_IDCARD_ERR_BIRTH] = JY_RESIDENT_PROBLEM_ID_BIRTH,
    [JY_IDCARD_ERR_CHECK] = JY_RESIDENT_PROBLEM_ID_CHECK,
    [JY_IDCARD_ERR_LEGACY] = JY_RESIDENT_PROBLEM_ID_LEGACY,
  };
  JyIdcardStatus status;
  GDate id_birth;

  if (self->id_number == NULL)
    return;

  status = jy_idcard_validate (self->id_number, today);
  if (status != JY_IDCARD_OK)
    {
      g_assert (status < G_N_ELEMENTS (kinds));
      add_problem (problems, JY_RESIDENT_FIELD_ID_NUMBER, kinds[status]);
      return;
    }

  if (self->registry_error_confirmed)
    return;

  /* The ID wins unless the user confirms a registry error. */
  if (jy_idcard_get_birth_date (self->id_number, &id_birth) &&
      birth != NULL && g_date_valid (birth) && g_date_compare (&id_birth, birth) != 0)
    add_problem (problems, JY_RESIDENT_FIELD_BIRTH_DATE, JY_RESIDENT_PROBLEM_MISMATCH_ID);

  if (self->sex != NULL && (g_str_equal (self->sex, "1") || g_str_equal (self->sex, "2")) &&
      jy_idcard_get_sex (self->id_number) != g_ascii_digit_value (self->sex[0]))
    add_problem (problems, JY_RESIDENT_FIELD_SEX, JY_RESIDENT_PROBLEM_MISMATCH_ID);
}

/* Returns the problems that stop the record from being saved, in form
 * order (an empty array when it may be saved). Call after normalize. */
GArray *
jy_resident_validate (const JyResident *self,
                      const GDate      *today)
{
  g_autoptr(GArray) problems = g_array_new (FALSE, FALSE, sizeof (JyResidentProblem));
  GDate birth;
  gboolean birth_ok = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (self->name == NULL)
    add_problem (problems, JY_RESIDENT_FIELD_NAME, JY_RESIDENT_PROBLEM_REQUIRED);
  else if (g_utf8_strlen (self->name, -1) > MAX_NAME_CHARS)
    add_problem (problems, JY_RESIDENT_FIELD_NAME, JY_RESIDENT_PROBLEM_TOO_LONG);

  if (self->sex == NULL)
    add_problem (problems, JY_RESIDENT_FIELD_SEX, JY_RESIDENT_PROBLEM_REQUIRED);
  else if (!g_strv_contains ((const char *const[]) { "0", "1", "2", "9", NULL }, self->sex))
    add_problem (problems, JY_RESIDENT_FIELD_SEX, JY_RESIDENT_PROBLEM_INVALID);

  if (self->birth_date == NULL)
    add_problem (problems, JY_RESIDENT_FIELD_BIRTH_DATE, JY_RESIDENT_PROBLEM_REQUIRED);
  else if (!jy_person_parse_date (self->birth_date, &birth) || g_date_get_year (&birth) < 1880)
    add_problem (problems, JY_RESIDENT_FIELD_BIRTH_DATE, JY_RESIDENT_PROBLEM_INVALID);
  else if (g_date_compare (&birth, today) > 0)
    add_problem (problems, JY_RESIDENT_FIELD_BIRTH_DATE, JY_RESIDENT_PROBLEM_FUTURE);
  else
    birth_ok = TRUE;

  validate_id_number (problems, self, today, birth_ok ? &birth : NULL);
  validate_phone (problems, self->phone, JY_RESIDENT_FIELD_PHONE);
  validate_phone (problems, self->contact_phone, JY_RESIDENT_FIELD_CONTACT_PHONE);

  if (self->area_code != NULL && (strlen (self->area_code) != 12 ||
                                  strspn (self->area_code, "0123456789") != 12))
    add_problem (problems, JY_RESIDENT_FIELD_AREA, JY_RESIDENT_PROBLEM_INVALID);

  if (self->status != NULL && !g_str_equal (self->status, "active") && self->status_date == NULL)
    add_problem (problems, JY_RESIDENT_FIELD_STATUS_DATE, JY_RESIDENT_PROBLEM_REQUIRED);

  return g_steal_pointer (&problems);
}

int
jy_resident_get_age (const JyResident *self,
                     const GDate      *reference)
{
  GDate birth;

  g_return_val_if_fail (self != NULL, -1);

  if (!jy_person_parse_date (self->birth_date, &birth))
    return -1;
  return jy_person_age_on (&birth, reference);
}
