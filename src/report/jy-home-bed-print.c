/* jy-home-bed-print.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-bed-print.h"

#include <glib/gi18n-lib.h>

#include "jy-followup.h"
#include "jy-person.h"

#define S(x) ((x) != NULL ? (x) : "")

static const char *
sex_label (const char *sex)
{
  if (g_strcmp0 (sex, "1") == 0)
    return _("Male");
  if (g_strcmp0 (sex, "2") == 0)
    return _("Female");
  return _("Unknown");
}

static char *
date_or_blank (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return jy_print_format_date (date);
}

static char *
short_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          (guint)g_date_get_month (date), g_date_get_day (date));
}

static char *
every_days (guint days)
{
  /* Translators: a round frequency, "每 3 天" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u day", "Every %u days", days), days);
}

static JyPrintDoc *
new_doc (const char  *centre_name,
         const GDate *printed_on)
{
  JyPrintDoc *doc = jy_print_doc_new (JY_PAPER_A4);
  g_autofree char *date = jy_print_format_date (printed_on);
  /* TRANSLATORS: print date in the header of printed records */
  g_autofree char *printed = g_strdup_printf (_("Printed %s"), date);

  jy_print_doc_set_header (doc, S (centre_name), printed);
  return doc;
}

static void
add_patient_fields (JyPrintDoc            *doc,
                    const JyHomeBedRecord *bed)
{
  g_autofree char *admitted = date_or_blank (&bed->admitted_on);
  GDate birth;
  g_autofree char *age = NULL;

  if (bed->resident_birth_date != NULL && jy_person_parse_date (bed->resident_birth_date, &birth))
    age = g_strdup_printf (_("%d years"), jy_person_age_on (&birth, &bed->admitted_on));
  else
    age = g_strdup ("");

  {
    const char *fields[] = {
      _("Name"), S (bed->resident_name),
      _("Sex"), sex_label (bed->resident_sex),
      _("Age"), age,
      _("Bed number"), S (bed->bed_number),
      _("Admitted on"), admitted,
      _("Phone"), S (bed->resident_phone),
      NULL,
    };

    jy_print_doc_add_fields (doc, 3, fields);
  }
  {
    const char *fields[] = { _("Address"), S (bed->resident_address), NULL };

    jy_print_doc_add_fields (doc, 1, fields);
  }
}

/* --- Agreement ----------------------------------------------------------- */

JyPrintDoc *
jy_home_bed_print_agreement (const JyHomeBedRecord *bed,
                             const char            *centre_name,
                             const GDate           *printed_on)
{
  JyPrintDoc *doc;
  g_autofree char *cycle_end = NULL;
  g_autofree char *doctor_every = NULL;
  g_autofree char *nurse_every = NULL;
  g_autofree char *cycle = NULL;

  g_return_val_if_fail (bed != NULL, NULL);

  doc = new_doc (centre_name, printed_on);
  cycle_end = date_or_blank (&bed->cycle_end);
  doctor_every = every_days (bed->doctor_every_days);
  nurse_every = every_days (bed->nurse_every_days);
  cycle = g_strdup_printf (_("%u bed days, until %s"),
                           jy_home_bed_bed_days (&bed->cycle_start, &bed->cycle_end), cycle_end);

  /* Translators: title of the printed agreement, 家庭病床服务协议 */
  jy_print_doc_set_title (doc, _("Home-bed service agreement"));
  jy_print_doc_add_title (doc, _("Home-bed service agreement"));
  jy_print_doc_add_subtitle (doc, S (centre_name));
  add_patient_fields (doc, bed);
  {
    const char *fields[] = {
      _("Diagnosis"), S (bed->diagnosis),
      _("Cycle"), cycle,
      _("Responsible doctor"), S (bed->doctor_name),
      _("Doctor's rounds"), doctor_every,
      _("Responsible nurse"), S (bed->nurse_name),
      _("Nursing visits"), nurse_every,
      NULL,
    };

    jy_print_doc_add_fields (doc, 2, fields);
  }

  jy_print_doc_add_heading (doc, _("1. Services"));
  jy_print_doc_add_paragraph (doc, _("The centre establishes a home bed for the patient and provides at home the examinations, treatments and nursing in the care plan below, by the responsible doctor and nurse, at the frequency above. Services that cannot be given safely at home are not provided at home."));
  jy_print_doc_add_paragraph (doc, S (bed->plan));
  jy_print_doc_add_heading (doc, _("2. Fees"));
  jy_print_doc_add_paragraph (doc, _("An establishment fee once per cycle, a visit fee per round, and the treatments, nursing, medicines and consumables used at the centre's list prices. Insurance settles per cycle according to the city's rules; the patient pays the own share."));
  jy_print_doc_add_heading (doc, _("3. Risks"));
  jy_print_doc_add_paragraph (doc, _("Care at home lacks the monitoring and equipment of a hospital ward. The condition may change between rounds; some treatments carry risks of reactions, infection or a displaced tube, which the staff will explain before each."));
  jy_print_doc_add_heading (doc, _("4. Responsibilities"));
  jy_print_doc_add_paragraph (doc, _("The centre keeps to the plan, records every round and explains each treatment. The patient and family provide a safe place for care and a carer, follow the advice, keep medicines and consumables as instructed, and tell the team at once of any change."));
  jy_print_doc_add_heading (doc, _("5. Emergency plan"));
  jy_print_doc_add_paragraph (doc, _("In an emergency (chest pain, breathlessness, loss of consciousness, heavy bleeding, a fall), call 120 first, then the responsible doctor. The bed is discharged if the patient is admitted to hospital."));
  jy_print_doc_add_heading (doc, _("6. Term"));
  jy_print_doc_add_paragraph (doc, _("This agreement lasts one cycle. A new cycle needs a re-assessment; either side may end the home bed earlier with notice."));
  jy_print_doc_add_space (doc, 6);
  {
    const char *labels[] = { _("Patient or family signature"), _("Doctor's signature"), _("Date"), NULL };

    jy_print_doc_add_signatures (doc, labels);
  }
  return doc;
}

/* --- Record ---------------------------------------------------------------- */

static char *
vital_text (double value,
            int    decimals)
{
  if (!jy_measured (value))
    return g_strdup ("");
  return g_strdup_printf ("%.*f", decimals, value);
}

static char *
procedures_text (guint           procedures,
                 JyPressureStage stage)
{
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < JY_HOME_BED_N_PROCS; p++)
    {
      if (!(procedures & JY_HOME_BED_PROC_BIT (p)))
        continue;
      if (out->len > 0)
        g_string_append (out, _(", "));
      g_string_append (out, _(jy_home_bed_proc_label (p)));
      if (p == JY_HOME_BED_PROC_PRESSURE_CARE && stage != JY_PRESSURE_STAGE_NONE)
        g_string_append_printf (out, " (%s)", _(jy_pressure_stage_label (stage)));
    }
  return g_string_free (out, FALSE);
}

static void
add_rounds_table (JyPrintDoc            *doc,
                  const JyHomeBedRecord *bed)
{
  const char *headers[] = {
    _("Date"), _("Round"), _("Staff"), _("T °C"), _("P/R"), _("BP"), _("SpO₂ %"),
    _("Treatments and nursing"), _("Condition note"), NULL,
  };
  static const double widths[] = { 2.0, 1.7, 1.3, 0.9, 1.1, 1.4, 1.0, 3.0, 3.6 };
  static const JyAlign aligns[] = {
    JY_ALIGN_START, JY_ALIGN_START, JY_ALIGN_START, JY_ALIGN_END, JY_ALIGN_END, JY_ALIGN_END,
    JY_ALIGN_END, JY_ALIGN_START, JY_ALIGN_START,
  };
  JyPrintTable *table = jy_print_doc_add_table (doc, G_N_ELEMENTS (headers) - 1, headers, widths, aligns);

  for (guint i = 0; bed->rounds != NULL && i < bed->rounds->len; i++)
    {
      const JyHomeBedRoundRecord *o = g_ptr_array_index (bed->rounds, i);
      const double *v = o->vitals;
      g_autofree char *date = short_date (&o->date);
      g_autofree char *t = vital_text (v[JY_HOME_BED_VITAL_TEMPERATURE], 1);
      g_autofree char *p = vital_text (v[JY_HOME_BED_VITAL_PULSE], 0);
      g_autofree char *r = vital_text (v[JY_HOME_BED_VITAL_RESPIRATION], 0);
      g_autofree char *sbp = vital_text (v[JY_HOME_BED_VITAL_SBP], 0);
      g_autofree char *dbp = vital_text (v[JY_HOME_BED_VITAL_DBP], 0);
      g_autofree char *spo2 = vital_text (v[JY_HOME_BED_VITAL_SPO2], 0);
      g_autofree char *pr = (*p || *r) ? g_strdup_printf ("%s/%s", p, r) : g_strdup ("");
      g_autofree char *bp = *sbp ? g_strdup_printf ("%s/%s", sbp, dbp) : g_strdup ("");
      g_autofree char *procs = procedures_text (o->procedures, o->pressure_stage);
      g_autofree char *note = NULL;
      const char *cells[10] = { NULL };

      if (jy_measured (v[JY_HOME_BED_VITAL_GLUCOSE]) || jy_measured (v[JY_HOME_BED_VITAL_PAIN]))
        {
          g_autofree char *glu = vital_text (v[JY_HOME_BED_VITAL_GLUCOSE], 1);
          g_autofree char *pain = vital_text (v[JY_HOME_BED_VITAL_PAIN], 0);
          GString *text = g_string_new (S (o->note));

          if (*glu)
            {
              if (text->len > 0)
                g_string_append_c (text, ' ');
              g_string_append_printf (text, _("Glucose %s mmol/L."), glu);
            }
          if (*pain)
            {
              if (text->len > 0)
                g_string_append_c (text, ' ');
              g_string_append_printf (text, _("Pain %s/10."), pain);
            }
          note = g_string_free (text, FALSE);
        }
      else
        note = g_strdup (S (o->note));

      cells[0] = date;
      cells[1] = _(jy_home_bed_round_kind_label (o->kind));
      cells[2] = S (o->staff_name);
      cells[3] = t;
      cells[4] = pr;
      cells[5] = bp;
      cells[6] = spo2;
      cells[7] = procs;
      cells[8] = g_strstrip (note);
      jy_print_table_add_row (table, cells);
    }
}

JyPrintDoc *
jy_home_bed_print_record (const JyHomeBedRecord *bed,
                          const char            *centre_name,
                          const GDate           *printed_on)
{
  JyPrintDoc *doc;
  g_autofree char *cycle_start = NULL;
  g_autofree char *cycle_end = NULL;
  g_autofree char *cycle = NULL;
  g_autofree char *doctor_every = NULL;
  g_autofree char *nurse_every = NULL;
  g_autofree char *adl = NULL;
  g_autofree char *braden = NULL;
  g_autofree char *rounds = NULL;

  g_return_val_if_fail (bed != NULL, NULL);

  doc = new_doc (centre_name, printed_on);
  cycle_start = date_or_blank (&bed->cycle_start);
  cycle_end = date_or_blank (&bed->cycle_end);
  /* Translators: the current cycle after the label "Cycle", "第 2 周期，2026年8月26日 至 2026年11月24日" */
  cycle = g_strdup_printf (_("No. %u, %s to %s"), bed->cycle_no, cycle_start, cycle_end);
  doctor_every = every_days (bed->doctor_every_days);
  nurse_every = every_days (bed->nurse_every_days);
  adl = bed->adl_score >= 0
          ? g_strdup_printf ("%d (%s)", bed->adl_score, _(jy_adl_level_label (jy_adl_classify (bed->adl_score))))
          : g_strdup ("");
  braden = bed->braden_score >= 0 ? g_strdup_printf ("%d", bed->braden_score) : g_strdup ("");

  /* Translators: title of the printed record, 家庭病床病历 */
  jy_print_doc_set_title (doc, _("Home-bed record"));
  jy_print_doc_add_title (doc, _("Home-bed record"));
  add_patient_fields (doc, bed);

  /* Translators: heading of the printed record, 建床病历 */
  jy_print_doc_add_heading (doc, _("Admission record"));
  {
    const char *fields[] = {
      _("Diagnosis"), S (bed->diagnosis),
      _("ICD-10"), S (bed->icd10),
      _("Cycle"), cycle,
      _("Agreement signed"), S (bed->agreement_signed_at),
      _("Responsible doctor"), S (bed->doctor_name),
      _("Doctor's rounds"), doctor_every,
      _("Responsible nurse"), S (bed->nurse_name),
      _("Nursing visits"), nurse_every,
      _("Barthel ADL"), adl,
      _("Braden"), braden,
      NULL,
    };

    jy_print_doc_add_fields (doc, 2, fields);
  }
  jy_print_doc_add_paragraph (doc, S (bed->plan));

  rounds = g_strdup_printf (_("Rounds (%u)"), bed->rounds != NULL ? bed->rounds->len : 0);
  jy_print_doc_add_heading (doc, rounds);
  add_rounds_table (doc, bed);

  /* Translators: heading of the printed record, 撤床小结 */
  jy_print_doc_add_heading (doc, _("Discharge summary"));
  if (g_date_valid (&bed->discharged_on))
    {
      g_autofree char *discharged = date_or_blank (&bed->discharged_on);
      g_autofree char *bed_days = g_strdup_printf ("%u", jy_home_bed_bed_days (&bed->admitted_on, &bed->discharged_on));
      const char *fields[] = {
        _("Discharged on"), discharged,
        _("Reason"), _(jy_discharge_reason_label (bed->discharge_reason)),
        _("Bed days"), bed_days,
        _("Signed by"), S (bed->summary_signed_by_name),
        NULL,
      };

      jy_print_doc_add_fields (doc, 2, fields);
      jy_print_doc_add_paragraph (doc, S (bed->discharge_summary));
    }
  else
    jy_print_doc_add_paragraph (doc, _("The bed is open: no discharge yet."));
  jy_print_doc_add_space (doc, 4);
  {
    const char *labels[] = { _("Doctor's signature"), _("Date"), NULL };

    jy_print_doc_add_signatures (doc, labels);
  }
  return doc;
}

/* --- Route list ----------------------------------------------------------- */

JyPrintDoc *
jy_home_bed_print_route (GPtrArray   *rows,
                         const char  *centre_name,
                         const char  *staff_name,
                         const GDate *today)
{
  JyPrintDoc *doc;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  const char *community = NULL;
  JyPrintTable *table = NULL;
  const char *headers[] = {
    _("Done"), _("Building"), _("Bed"), _("Name"), _("Address"), _("Round"), _("Due"), _("Diagnosis"), NULL,
  };
  static const double widths[] = { 1.1, 2.3, 1.7, 1.3, 2.8, 1.6, 2.9, 2.8 };

  g_return_val_if_fail (today != NULL, NULL);

  doc = new_doc (centre_name, today);
  date = jy_print_format_date (today);
  /* Translators: under the route list's title; %1$s a staff name, %2$s a date */
  subtitle = g_strdup_printf (_("%1$s · %2$s"), S (staff_name), date);
  /* Translators: title of the printed route list, 今日查床 */
  jy_print_doc_set_title (doc, _("Today's rounds"));
  jy_print_doc_add_title (doc, _("Today's rounds"));
  jy_print_doc_add_subtitle (doc, subtitle);

  if (rows == NULL || rows->len == 0)
    {
      jy_print_doc_add_paragraph (doc, _("No rounds due today or overdue."));
      return doc;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const JyHomeBedDueRow *row = g_ptr_array_index (rows, i);
      g_autofree char *due = NULL;
      const char *cells[9] = { NULL };

      if (table == NULL || g_strcmp0 (community, row->community_name) != 0)
        {
          community = row->community_name;
          jy_print_doc_add_heading (doc, *S (community) ? community : _("No community"));
          table = jy_print_doc_add_table (doc, G_N_ELEMENTS (headers) - 1, headers, widths, NULL);
        }
      if (row->days_overdue == 0)
        due = g_strdup (_("Today"));
      else
        /* Translators: how late a round is, "逾期 3 天" */
        due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day overdue", "%u days overdue",
                                            row->days_overdue), row->days_overdue);
      cells[0] = "☐";
      cells[1] = S (row->building);
      cells[2] = S (row->bed_number);
      cells[3] = S (row->resident_name);
      cells[4] = S (row->address);
      cells[5] = _(jy_home_bed_round_kind_label (row->kind));
      cells[6] = due;
      cells[7] = S (row->diagnosis);
      jy_print_table_add_row (table, cells);
    }
  return doc;
}
