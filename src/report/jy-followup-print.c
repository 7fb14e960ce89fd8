/* jy-followup-print.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-print.h"

#include <glib/gi18n-lib.h>

#include "jy-followup-rules.h"

typedef char *(*CellFunc) (const JyFollowup *f);

typedef struct
{
  const char *label;    /* English msgid */
  CellFunc    cell;
  guint       programmes; /* JyProgramme mask the row is printed for */
} RowSpec;

#define BOTH (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM)
#define HTN  JY_PROGRAMME_HTN
#define DM   JY_PROGRAMME_T2DM

static char *
num (double value,
     int    decimals)
{
  if (!jy_measured (value))
    return g_strdup ("");
  return g_strdup_printf ("%.*f", decimals, value);
}

static char *
pair (double now,
      double target,
      int    decimals)
{
  g_autofree char *a = num (now, decimals);
  g_autofree char *b = num (target, decimals);

  if (*a == '\0' && *b == '\0')
    return g_strdup ("");
  return g_strdup_printf ("%s / %s", a, b);
}

static char *
code (int value)
{
  return value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
}

static char *
cell_date (const JyFollowup *f)
{
  return g_strdup (f->visit_date);
}

static char *
cell_mode (const JyFollowup *f)
{
  switch (f->mode)
    {
    case JY_VISIT_MODE_CLINIC:
      return g_strdup (_("1 Clinic"));
    case JY_VISIT_MODE_HOME:
      return g_strdup (_("2 Home"));
    case JY_VISIT_MODE_PHONE:
      return g_strdup (_("3 Phone"));
    case JY_VISIT_MODE_NONE:
    default:
      return g_strdup ("");
    }
}

static char *
cell_symptoms (const JyFollowup *f)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (int c = 1; c <= 9; c++)
    if (f->symptoms & (1u << c))
      g_string_append_printf (s, s->len > 0 ? "/%d" : "%d", c);
  if (f->symptoms_other != NULL)
    g_string_append_printf (s, s->len > 0 ? " %s" : "%s", f->symptoms_other);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
cell_bp (const JyFollowup *f)
{
  if (f->sbp < 0 || f->dbp < 0)
    return g_strdup ("");
  return g_strdup_printf ("%d/%d", f->sbp, f->dbp);
}

static char *
cell_weight (const JyFollowup *f)
{
  return pair (f->weight_kg, f->target_weight_kg, 1);
}

static char *
cell_bmi (const JyFollowup *f)
{
  return pair (jy_bmi_compute (f->weight_kg, f->height_cm),
               jy_bmi_compute (f->target_weight_kg, f->height_cm), 1);
}

static char *
cell_heart_rate (const JyFollowup *f)
{
  return f->heart_rate >= 0 ? g_strdup_printf ("%d", f->heart_rate) : g_strdup ("");
}

static char *
cell_foot_pulse (const JyFollowup *f)
{
  return g_strdup (f->foot_pulse != NULL ? f->foot_pulse : "");
}

static char *
cell_signs_other (const JyFollowup *f)
{
  return g_strdup (f->signs_other != NULL ? f->signs_other : "");
}

static char *
cell_cigarettes (const JyFollowup *f)
{
  return pair (f->cigarettes, f->cigarettes_target, 0);
}

static char *
cell_alcohol (const JyFollowup *f)
{
  return pair (f->alcohol_liang, f->alcohol_liang_target, 1);
}

static char *
cell_exercise (const JyFollowup *f)
{
  g_autofree char *now = NULL;
  g_autofree char *target = NULL;

  if (f->exercise_per_week < 0 && f->exercise_per_week_target < 0)
    return g_strdup ("");
  /* TRANSLATORS: exercise as printed on the follow-up record: times a week, minutes a time */
  now = g_strdup_printf (_("%d/wk %d min"), MAX (f->exercise_per_week, 0), MAX (f->exercise_minutes, 0));
  target = g_strdup_printf (_("%d/wk %d min"), MAX (f->exercise_per_week_target, 0),
                            MAX (f->exercise_minutes_target, 0));
  return g_strdup_printf ("%s\n%s", now, target);
}

static const char *
salt_label (int salt)
{
  switch (salt)
    {
    case 1:
      return _("light");
    case 2:
      return _("medium");
    case 3:
      return _("heavy");
    default:
      return "";
    }
}

static char *
cell_salt (const JyFollowup *f)
{
  if (f->salt <= 0 && f->salt_target <= 0)
    return g_strdup ("");
  return g_strdup_printf ("%s / %s", salt_label (f->salt), salt_label (f->salt_target));
}

static char *
cell_staple (const JyFollowup *f)
{
  return pair (f->staple_g, f->staple_g_target, 0);
}

static char *
cell_psychology (const JyFollowup *f)
{
  return code (f->psychology);
}

static char *
cell_compliance (const JyFollowup *f)
{
  return code (f->compliance);
}

static char *
cell_glucose (const JyFollowup *f)
{
  return num (f->fasting_glucose, 1);
}

static char *
cell_investigations (const JyFollowup *f)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (jy_measured (f->hba1c))
    {
      /* TRANSLATORS: HbA1c value and its test date on the printed record */
      g_string_append_printf (s, _("HbA1c %.1f%%"), f->hba1c);
      if (f->hba1c_date != NULL)
        g_string_append_printf (s, " (%s)", f->hba1c_date);
    }
  if (f->investigations != NULL)
    g_string_append_printf (s, s->len > 0 ? "\n%s" : "%s", f->investigations);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
cell_adherence (const JyFollowup *f)
{
  return code (f->adherence);
}

static char *
cell_adverse (const JyFollowup *f)
{
  if (!f->adverse_reaction)
    return g_strdup (f->outcome == JY_FOLLOWUP_OUTCOME_SEEN ? _("1 None") : "");
  return g_strdup_printf (_("2 Yes %s"), f->adverse_reaction_text != NULL ? f->adverse_reaction_text : "");
}

static char *
cell_hypo (const JyFollowup *f)
{
  return code (f->hypoglycaemia);
}

static char *
cell_class (const JyFollowup *f)
{
  switch (f->classification)
    {
    case JY_FOLLOWUP_CLASS_CONTROLLED:
      return g_strdup (_("1 Controlled"));
    case JY_FOLLOWUP_CLASS_UNCONTROLLED:
      return g_strdup (_("2 Uncontrolled"));
    case JY_FOLLOWUP_CLASS_ADVERSE:
      return g_strdup (_("3 Adverse reaction"));
    case JY_FOLLOWUP_CLASS_COMPLICATION:
      return g_strdup (_("4 Complication"));
    case JY_FOLLOWUP_CLASS_NONE:
    default:
      return g_strdup ("");
    }
}

static char *
drugs_of_kind (const JyFollowup   *f,
               JyFollowupDrugKind  kind)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (f->drugs == NULL)
    return g_strdup ("");

  for (guint i = 0; i < f->drugs->len; i++)
    {
      const JyFollowupDrug *d = g_ptr_array_index (f->drugs, i);
      g_autofree char *dose = NULL;

      if (d->kind != kind)
        continue;
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, d->name != NULL ? d->name : "");
      if (d->times_per_day > 0 || jy_measured (d->dose))
        {
          dose = jy_measured (d->dose) ? g_strdup_printf ("%g", d->dose) : g_strdup ("");
          /* TRANSLATORS: dosage on the printed record: times a day, dose and unit per time */
          g_string_append_printf (s, _(" %d×/day %s %s"), MAX (d->times_per_day, 0), dose,
                                  d->dose_unit != NULL ? d->dose_unit : "");
        }
      if (d->usage != NULL)
        g_string_append_printf (s, " %s", d->usage);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
cell_drugs (const JyFollowup *f)
{
  return drugs_of_kind (f, JY_FOLLOWUP_DRUG_CURRENT);
}

static char *
cell_insulin (const JyFollowup *f)
{
  return drugs_of_kind (f, JY_FOLLOWUP_DRUG_INSULIN);
}

static char *
cell_adjust (const JyFollowup *f)
{
  return drugs_of_kind (f, JY_FOLLOWUP_DRUG_ADJUST);
}

static char *
cell_referral (const JyFollowup *f)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (f->referral_reason == NULL && f->referral_institution == NULL)
    return g_strdup ("");
  g_string_append (s, f->referral_reason != NULL ? f->referral_reason : "");
  if (f->referral_institution != NULL)
    g_string_append_printf (s, "\n%s %s", f->referral_institution,
                            f->referral_department != NULL ? f->referral_department : "");
  if (f->referral_result == 1)
    g_string_append_printf (s, "\n%s", _("arrived"));
  else if (f->referral_result == 2)
    g_string_append_printf (s, "\n%s", _("not arrived"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
cell_next (const JyFollowup *f)
{
  return g_strdup (f->next_visit_date != NULL ? f->next_visit_date : "");
}

static char *
cell_blank (const JyFollowup *f)
{
  /* Signed by hand on the paper copy. */
  return g_strdup ("\n");
}

/* The rows of the third-edition forms, in their order. */
static const RowSpec rows[] = {
  { N_("Follow-up date"), cell_date, BOTH },
  { N_("Visit mode"), cell_mode, BOTH },
  { N_("Symptoms"), cell_symptoms, BOTH },
  { N_("Blood pressure (mmHg)"), cell_bp, BOTH },
  { N_("Weight (kg), now / target"), cell_weight, BOTH },
  { N_("BMI (kg/m²), now / target"), cell_bmi, BOTH },
  { N_("Heart rate (/min)"), cell_heart_rate, HTN },
  { N_("Dorsalis pedis pulse"), cell_foot_pulse, DM },
  { N_("Other signs"), cell_signs_other, BOTH },
  { N_("Cigarettes a day, now / target"), cell_cigarettes, BOTH },
  { N_("Alcohol (liang) a day, now / target"), cell_alcohol, BOTH },
  { N_("Exercise, now / target"), cell_exercise, BOTH },
  { N_("Salt intake, now / target"), cell_salt, HTN },
  { N_("Staple food (g/day), now / target"), cell_staple, DM },
  { N_("Psychological adjustment"), cell_psychology, BOTH },
  { N_("Compliance with advice"), cell_compliance, BOTH },
  { N_("Fasting glucose (mmol/L)"), cell_glucose, DM },
  { N_("Other investigations"), cell_investigations, BOTH },
  { N_("Medication adherence"), cell_adherence, BOTH },
  { N_("Adverse drug reaction"), cell_adverse, BOTH },
  { N_("Hypoglycaemia"), cell_hypo, DM },
  { N_("Classification of this visit"), cell_class, BOTH },
  { N_("Medication"), cell_drugs, BOTH },
  { N_("Insulin"), cell_insulin, DM },
  { N_("Medication adjustment"), cell_adjust, BOTH },
  { N_("Referral"), cell_referral, BOTH },
  { N_("Next follow-up date"), cell_next, BOTH },
  { N_("Doctor's signature"), cell_blank, BOTH },
};

static gint
by_visit_date (gconstpointer a,
               gconstpointer b)
{
  const JyFollowup *fa = *(const JyFollowup **) a;
  const JyFollowup *fb = *(const JyFollowup **) b;

  return g_strcmp0 (fa->visit_date, fb->visit_date);
}

static const char *
form_title (JyProgramme programme)
{
  return programme == JY_PROGRAMME_T2DM
    ? _("Type 2 Diabetes Patient Follow-up Record")
    : _("Hypertension Patient Follow-up Record");
}

JyPrintDoc *
jy_followup_print_record (JyProgramme  programme,
                          GPtrArray   *visits,
                          const char  *centre_name,
                          const char  *resident_name,
                          const char  *archive_no,
                          const GDate *printed_on)
{
  JyPrintDoc *doc = jy_print_doc_new (JY_PAPER_A4);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *date = jy_print_format_date (printed_on);
  /* TRANSLATORS: print date in the header of printed records */
  g_autofree char *printed = g_strdup_printf (_("Printed %s"), date);
  guint n_pages;

  g_return_val_if_fail (programme == JY_PROGRAMME_HTN || programme == JY_PROGRAMME_T2DM, NULL);

  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      JyFollowup *f = g_ptr_array_index (visits, i);

      if (f->programme == programme && g_strcmp0 (f->status, "entered-in-error") != 0)
        g_ptr_array_add (shown, f);
    }
  g_ptr_array_sort (shown, by_visit_date);

  jy_print_doc_set_header (doc, centre_name, printed);
  n_pages = MAX (1, (shown->len + JY_FOLLOWUP_PRINT_VISITS_PER_PAGE - 1) / JY_FOLLOWUP_PRINT_VISITS_PER_PAGE);

  for (guint page = 0; page < n_pages; page++)
    {
      const char *headers[2 + JY_FOLLOWUP_PRINT_VISITS_PER_PAGE] = { NULL };
      double widths[1 + JY_FOLLOWUP_PRINT_VISITS_PER_PAGE] = { 2.2 };
      const char *fields[] = { _("Name"), resident_name != NULL ? resident_name : "",
                               _("Archive no."), archive_no != NULL ? archive_no : "", NULL };
      JyPrintTable *table;

      if (page > 0)
        jy_print_doc_add_page_break (doc);
      jy_print_doc_add_title (doc, form_title (programme));
      jy_print_doc_add_fields (doc, 2, fields);

      headers[0] = _("Item");
      for (guint c = 0; c < JY_FOLLOWUP_PRINT_VISITS_PER_PAGE; c++)
        {
          static const char *const ordinals[] = { "1", "2", "3", "4" };

          headers[1 + c] = ordinals[c];
          widths[1 + c] = 2.0;
        }
      table = jy_print_doc_add_table (doc, 1 + JY_FOLLOWUP_PRINT_VISITS_PER_PAGE, headers, widths, NULL);

      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        {
          char *cells[2 + JY_FOLLOWUP_PRINT_VISITS_PER_PAGE] = { NULL };

          if ((rows[r].programmes & programme) == 0)
            continue;

          cells[0] = g_strdup (_(rows[r].label));
          for (guint c = 0; c < JY_FOLLOWUP_PRINT_VISITS_PER_PAGE; c++)
            {
              guint v = page * JY_FOLLOWUP_PRINT_VISITS_PER_PAGE + c;

              cells[1 + c] = v < shown->len ? rows[r].cell (g_ptr_array_index (shown, v)) : g_strdup ("");
            }
          jy_print_table_add_row (table, (const char * const *) cells);
          for (guint c = 0; c < 1 + JY_FOLLOWUP_PRINT_VISITS_PER_PAGE; c++)
            g_free (cells[c]);
        }

      jy_print_doc_add_paragraph (doc, programme == JY_PROGRAMME_T2DM
        ? _("Symptoms: 1 none 2 polydipsia 3 polyphagia 4 polyuria 5 blurred vision 6 infection 7 numb hands or feet 8 leg oedema 9 marked weight loss. Foot pulse: 1 normal 2 weakened 3 absent (b both, l left, r right). Psychology, compliance, adherence: 1 good/regular 2 fair/intermittent 3 poor/none. Hypoglycaemia: 1 none 2 occasional 3 frequent.")
        : _("Symptoms: 1 none 2 headache, dizziness 3 nausea, vomiting 4 blurred vision, tinnitus 5 dyspnoea 6 palpitations, chest tightness 7 epistaxis not stopping 8 numb limbs 9 leg oedema. Psychology, compliance, adherence: 1 good/regular 2 fair/intermittent 3 poor/none."));
    }

  return doc;
}
