/* jy-long-rx.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-long-rx.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jy-clock.h"
#include "jy-person.h"

G_DEFINE_BOXED_TYPE (JyLongRx, jy_long_rx, jy_long_rx_copy, jy_long_rx_free)

void
jy_long_rx_config_init (JyLongRxConfig *config)
{
  config->normal_days = 28;
  config->min_days = 28;
  config->max_days = 84;
  config->release_lead_days = 7;
  config->review_window_days = 84;
  config->expiring_days = 14;
  config->authorisation_days = 365;
  config->elderly_age = 65;
  config->lab_window_days = 28;
}

/* ---- Drugs ---- */

JyDrug *
jy_drug_new (void)
{
  JyDrug *self = g_new0 (JyDrug, 1);

  self->pack_size = 1;
  self->active = TRUE;
  return self;
}

JyDrug *
jy_drug_copy (const JyDrug *self)
{
  JyDrug *copy = g_new0 (JyDrug, 1);

  *copy = *self;
  copy->code = g_strdup (self->code);
  copy->generic_name = g_strdup (self->generic_name);
  copy->english_name = g_strdup (self->english_name);
  copy->strength = g_strdup (self->strength);
  copy->form = g_strdup (self->form);
  copy->usual_dose = g_strdup (self->usual_dose);
  copy->atc = g_strdup (self->atc);
  copy->insurance_code = g_strdup (self->insurance_code);
  copy->insurance_class = g_strdup (self->insurance_class);
  copy->unit = g_strdup (self->unit);
  copy->pack_unit = g_strdup (self->pack_unit);
  return copy;
}

void
jy_drug_free (JyDrug *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->generic_name);
  g_free (self->english_name);
  g_free (self->strength);
  g_free (self->form);
  g_free (self->usual_dose);
  g_free (self->atc);
  g_free (self->insurance_code);
  g_free (self->insurance_class);
  g_free (self->unit);
  g_free (self->pack_unit);
  g_free (self);
}

static JyDrugExclusion
refused_class (guint exclusions,
               guint flags)
{
  if ((flags & JY_DRUG_FLAG_CHRONIC_INFECTION) != 0)
    exclusions &= ~(guint) JY_DRUG_EXCLUSION_ANTIMICROBIAL;
  if ((flags & JY_DRUG_FLAG_STORAGE_ADVICE) != 0)
    exclusions &= ~(guint) JY_DRUG_EXCLUSION_SPECIAL_STORAGE;

  for (guint bit = 1; bit <= JY_DRUG_EXCLUSION_SPECIAL_STORAGE; bit <<= 1)
    if ((exclusions & bit) != 0)
      return (JyDrugExclusion) bit;
  return JY_DRUG_EXCLUSION_NONE;
}

JyDrugExclusion
jy_drug_refused_class (const JyDrug *self)
{
  return refused_class (self->exclusions, self->flags);
}

const char *
jy_drug_exclusion_label (JyDrugExclusion klass)
{
  switch (klass)
    {
    case JY_DRUG_EXCLUSION_TOXIC:
      return N_("Toxic drug for medical use");
    case JY_DRUG_EXCLUSION_RADIOACTIVE:
      return N_("Radioactive drug");
    case JY_DRUG_EXCLUSION_PRECURSOR:
      return N_("Precursor-chemical drug");
    case JY_DRUG_EXCLUSION_NARCOTIC:
      return N_("Narcotic drug");
    case JY_DRUG_EXCLUSION_PSYCHOTROPIC:
      return N_("Psychotropic drug (class I or II)");
    case JY_DRUG_EXCLUSION_ANTIMICROBIAL:
      return N_("Antimicrobial");
    case JY_DRUG_EXCLUSION_SPECIAL_STORAGE:
      return N_("Special storage requirements");
    case JY_DRUG_EXCLUSION_NONE:
    default:
      return NULL;
    }
}

char *
jy_drug_exclusion_message (const char      *drug_name,
                           JyDrugExclusion  klass)
{
  const char *rule;

  switch (klass)
    {
    case JY_DRUG_EXCLUSION_TOXIC:
    case JY_DRUG_EXCLUSION_RADIOACTIVE:
    case JY_DRUG_EXCLUSION_PRECURSOR:
    case JY_DRUG_EXCLUSION_NARCOTIC:
    case JY_DRUG_EXCLUSION_PSYCHOTROPIC:
      /* Translators: the rule of the 长期处方管理规范（试行） quoted in a refusal */
      rule = _("“Toxic drugs for medical use, radioactive drugs, precursor-chemical drugs, "
               "narcotics and class I and II psychotropics may not be prescribed on a long "
               "prescription.”");
      break;
    case JY_DRUG_EXCLUSION_ANTIMICROBIAL:
      rule = _("“Antimicrobials may not be prescribed on a long prescription, except for "
               "chronic bacterial or fungal infections such as tuberculosis.”");
      break;
    case JY_DRUG_EXCLUSION_SPECIAL_STORAGE:
      rule = _("“Drugs with special storage requirements may not be prescribed on a long "
               "prescription.”");
      break;
    case JY_DRUG_EXCLUSION_NONE:
    default:
      g_return_val_if_reached (NULL);
    }

  /* Translators: %1$s a drug name, %2$s its class, %3$s the quoted rule */
  return g_strdup_printf (_("%1$s is refused: %2$s. Long prescription rules (2021) §4.3: %3$s"),
                          drug_name != NULL ? drug_name : "",
                          _(jy_drug_exclusion_label (klass)), rule);
}

/* ---- Frequencies ---- */

static const struct
{
  const char *code;
  const char *label;
} frequencies[JY_DOSE_FREQUENCY_LAST] = {
  [JY_DOSE_FREQUENCY_NONE] = { "", NULL },
  /* Translators: dosing frequency (qd) */
  [JY_DOSE_FREQUENCY_QD] = { "qd", N_("Once a day") },
  [JY_DOSE_FREQUENCY_BID] = { "bid", N_("Twice a day") },
  [JY_DOSE_FREQUENCY_TID] = { "tid", N_("Three times a day") },
  [JY_DOSE_FREQUENCY_QID] = { "qid", N_("Four times a day") },
  [JY_DOSE_FREQUENCY_QN] = { "qn", N_("Every night") },
  [JY_DOSE_FREQUENCY_QW] = { "qw", N_("Once a week") },
};

const char *
jy_dose_frequency_to_code (JyDoseFrequency f)
{
  g_return_val_if_fail (f < JY_DOSE_FREQUENCY_LAST, "");
  return frequencies[f].code;
}

JyDoseFrequency
jy_dose_frequency_from_code (const char *code)
{
  if (code == NULL)
    return JY_DOSE_FREQUENCY_NONE;
  for (guint i = 1; i < JY_DOSE_FREQUENCY_LAST; i++)
    if (g_ascii_strcasecmp (code, frequencies[i].code) == 0)
      return (JyDoseFrequency) i;
  return JY_DOSE_FREQUENCY_NONE;
}

const char *
jy_dose_frequency_label (JyDoseFrequency f)
{
  g_return_val_if_fail (f < JY_DOSE_FREQUENCY_LAST, NULL);
  return frequencies[f].label;
}

int
jy_dose_frequency_doses (JyDoseFrequency f,
                         int             days)
{
  if (days <= 0)
    return 0;
  switch (f)
    {
    case JY_DOSE_FREQUENCY_QD:
    case JY_DOSE_FREQUENCY_QN:
      return days;
    case JY_DOSE_FREQUENCY_BID:
      return 2 * days;
    case JY_DOSE_FREQUENCY_TID:
      return 3 * days;
    case JY_DOSE_FREQUENCY_QID:
      return 4 * days;
    case JY_DOSE_FREQUENCY_QW:
      return (days + 6) / 7;
    case JY_DOSE_FREQUENCY_NONE:
    case JY_DOSE_FREQUENCY_LAST:
    default:
      return 0;
    }
}

/* ---- Items ---- */

JyLongRxItem *
jy_long_rx_item_new (void)
{
  JyLongRxItem *self = g_new0 (JyLongRxItem, 1);

  self->pack_size = 1;
  return self;
}

JyLongRxItem *
jy_long_rx_item_new_for (const JyDrug *drug)
{
  JyLongRxItem *self = jy_long_rx_item_new ();

  self->drug_code = g_strdup (drug->code);
  self->drug_name = g_strdup (drug->generic_name);
  self->strength = g_strdup (drug->strength);
  self->form = g_strdup (drug->form);
  self->unit = g_strdup (drug->unit);
  self->pack_size = drug->pack_size;
  self->pack_unit = g_strdup (drug->pack_unit);
  self->exclusions = drug->exclusions;
  self->flags = drug->flags;
  self->insurance_class = g_strdup (drug->insurance_class);
  return self;
}

JyLongRxItem *
jy_long_rx_item_copy (const JyLongRxItem *self)
{
  JyLongRxItem *copy = g_new0 (JyLongRxItem, 1);

  *copy = *self;
  copy->drug_code = g_strdup (self->drug_code);
  copy->drug_name = g_strdup (self->drug_name);
  copy->strength = g_strdup (self->strength);
  copy->form = g_strdup (self->form);
  copy->unit = g_strdup (self->unit);
  copy->route = g_strdup (self->route);
  copy->pack_unit = g_strdup (self->pack_unit);
  copy->insurance_class = g_strdup (self->insurance_class);
  return copy;
}

void
jy_long_rx_item_free (JyLongRxItem *self)
{
  if (self == NULL)
    return;
  g_free (self->drug_code);
  g_free (self->drug_name);
  g_free (self->strength);
  g_free (self->form);
  g_free (self->unit);
  g_free (self->route);
  g_free (self->pack_unit);
  g_free (self->insurance_class);
  g_free (self);
}

int
jy_long_rx_quantity_packs (double          dose,
                           JyDoseFrequency frequency,
                           int             days,
                           double          pack_size)
{
  int doses = jy_dose_frequency_doses (frequency, days);
  double packs;

  if (dose <= 0 || pack_size <= 0 || doses <= 0)
    return 0;
  /* The small allowance keeps 0.1 × 30 ÷ 3 at one pack, not two. */
  packs = dose * doses / pack_size;
  return (int) ceil (packs - 1e-9);
}

int
jy_long_rx_item_packs (const JyLongRxItem *self)
{
  return jy_long_rx_quantity_packs (self->dose, self->frequency, self->days, self->pack_size);
}

/* ---- Prescriptions ---- */

const char *
jy_long_rx_state_to_code (JyLongRxState state)
{
  static const char *const codes[JY_LONG_RX_STATE_LAST] = {
    "active", "completed", "renewed", "stopped",
  };

  g_return_val_if_fail (state < JY_LONG_RX_STATE_LAST, "active");
  return codes[state];
}

JyLongRxState
jy_long_rx_state_from_code (const char *code)
{
  for (guint i = 0; i < JY_LONG_RX_STATE_LAST; i++)
    if (g_strcmp0 (code, jy_long_rx_state_to_code (i)) == 0)
      return (JyLongRxState) i;
  return JY_LONG_RX_STATE_ACTIVE;
}

const char *
jy_long_rx_state_label (JyLongRxState state)
{
  switch (state)
    {
    /* Translators: state of a long prescription, 执行中 */
    case JY_LONG_RX_STATE_ACTIVE:
      return N_("In use");
    case JY_LONG_RX_STATE_COMPLETED:
      return N_("Completed");
    case JY_LONG_RX_STATE_RENEWED:
      return N_("Renewed");
    case JY_LONG_RX_STATE_STOPPED:
      return N_("Stopped");
    case JY_LONG_RX_STATE_LAST:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const struct
{
  const char *code;
  const char *label;
} stop_reasons[JY_LONG_RX_STOP_LAST] = {
  [JY_LONG_RX_STOP_NONE] = { "", NULL },
  [JY_LONG_RX_STOP_CONDITION_CHANGE] = { "condition", N_("Condition changed") },
  [JY_LONG_RX_STOP_ADVERSE_REACTION] = { "adverse", N_("Adverse reaction") },
  [JY_LONG_RX_STOP_HOSPITALISATION] = { "hospital", N_("Admitted to hospital") },
  [JY_LONG_RX_STOP_REGIMEN_CHANGE] = { "regimen", N_("Regimen changed") },
  [JY_LONG_RX_STOP_CONTRAINDICATION] = { "contraindication", N_("New contraindication or interaction") },
  [JY_LONG_RX_STOP_DEATH] = { "death", N_("Patient died") },
  [JY_LONG_RX_STOP_MOVED_OUT] = { "moved", N_("Patient moved out") },
  [JY_LONG_RX_STOP_CONTRACT_ENDED] = { "contract", N_("Contract ended") },
  [JY_LONG_RX_STOP_OTHER] = { "other", N_("Other reason") },
};

const char *
jy_long_rx_stop_reason_to_code (JyLongRxStopReason r)
{
  g_return_val_if_fail (r < JY_LONG_RX_STOP_LAST, "");
  return stop_reasons[r].code;
}

JyLongRxStopReason
jy_long_rx_stop_reason_from_code (const char *code)
{
  if (code == NULL || *code == '\0')
    return JY_LONG_RX_STOP_NONE;
  for (guint i = 1; i < JY_LONG_RX_STOP_LAST; i++)
    if (g_str_equal (code, stop_reasons[i].code))
      return (JyLongRxStopReason) i;
  return JY_LONG_RX_STOP_NONE;
}

const char *
jy_long_rx_stop_reason_label (JyLongRxStopReason r)
{
  g_return_val_if_fail (r < JY_LONG_RX_STOP_LAST, NULL);
  return stop_reasons[r].label;
}

JyLongRx *
jy_long_rx_new (void)
{
  JyLongRx *self = g_new0 (JyLongRx, 1);

  self->days_per_dispense = 28;
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_long_rx_item_free);
  return self;
}

JyLongRx *
jy_long_rx_copy (const JyLongRx *self)
{
  JyLongRx *copy = g_new0 (JyLongRx, 1);

  *copy = *self;
  copy->uuid = g_strdup (self->uuid);
  copy->rx_no = g_strdup (self->rx_no);
  copy->issue_date = g_strdup (self->issue_date);
  copy->diagnosis_code = g_strdup (self->diagnosis_code);
  copy->diagnosis_text = g_strdup (self->diagnosis_text);
  copy->assessment_note = g_strdup (self->assessment_note);
  copy->review_date = g_strdup (self->review_date);
  copy->stop_date = g_strdup (self->stop_date);
  copy->stop_note = g_strdup (self->stop_note);
  copy->items = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_long_rx_item_free);
  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (copy->items, jy_long_rx_item_copy (g_ptr_array_index (self->items, i)));
  return copy;
}

void
jy_long_rx_free (JyLongRx *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->rx_no);
  g_free (self->issue_date);
  g_free (self->diagnosis_code);
  g_free (self->diagnosis_text);
  g_free (self->assessment_note);
  g_free (self->review_date);
  g_free (self->stop_date);
  g_free (self->stop_note);
  g_ptr_array_unref (self->items);
  g_free (self);
}

void
jy_long_rx_problem_free (JyLongRxProblem *self)
{
  if (self == NULL)
    return;
  g_free (self->message);
  g_free (self);
}

static void
problem (GPtrArray  *problems,
         const char *field,
         int         item,
         char       *message)
{
  JyLongRxProblem *p = g_new0 (JyLongRxProblem, 1);

  p->field = field;
  p->item = item;
  p->message = message;
  g_ptr_array_add (problems, p);
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static char *
add_days (const char *iso,
          int         days)
{
  GDate date;

  if (iso == NULL || !jy_person_parse_date (iso, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return jy_clock_format_date (&date);
}

char *
jy_long_rx_end_date (const JyLongRx *rx)
{
  if (rx->total_days <= 0)
    return NULL;
  return add_days (rx->issue_date, rx->total_days - 1);
}

void
jy_long_rx_compute (JyLongRx *rx)
{
  for (guint i = 0; i < rx->items->len; i++)
    {
      JyLongRxItem *item = g_ptr_array_index (rx->items, i);

      item->packs = jy_long_rx_item_packs (item);
    }
  if (rx->review_date == NULL && rx->issue_date != NULL && rx->total_days > 0)
    rx->review_date = jy_long_rx_end_date (rx);
}

static void
check_item (GPtrArray            *problems,
            const JyLongRx       *rx,
            guint                 index,
            const JyLongRxConfig *config)
{
  const JyLongRxItem *item = g_ptr_array_index (rx->items, index);
  JyDrugExclusion klass = refused_class (item->exclusions, item->flags);
  int i = (int) index;

  if (blank (item->drug_name))
    problem (problems, "item-drug", i, g_strdup (_("Choose a drug from the catalogue.")));
  if (klass != JY_DRUG_EXCLUSION_NONE)
    problem (problems, "item-drug", i, jy_drug_exclusion_message (item->drug_name, klass));
  if (item->off_label)
    problem (problems, "item-drug", i,
             g_strdup_printf (_("%s is refused: off-label use. Long prescription rules (2021) §4.3: "
                                "“Off-label use may not be prescribed on a long prescription.”"),
                              item->drug_name != NULL ? item->drug_name : ""));
  if (!(item->dose > 0))
    problem (problems, "item-dose", i, g_strdup (_("Enter the dose per time.")));
  if (item->frequency == JY_DOSE_FREQUENCY_NONE || item->frequency >= JY_DOSE_FREQUENCY_LAST)
    problem (problems, "item-frequency", i, g_strdup (_("Choose how often the dose is taken.")));
  if (item->days <= 0)
    problem (problems, "item-days", i, g_strdup (_("Enter the number of days.")));
  else if (item->days > config->max_days)
    problem (problems, "item-days", i,
             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No item may cover more than %d day.",
                                           "No item may cover more than %d days.",
                                           config->max_days),
                              config->max_days));
  else if (rx->total_days > 0 && item->days > rx->total_days)
    problem (problems, "item-days", i,
             g_strdup (_("An item cannot cover more days than the prescription.")));
}

GPtrArray *
jy_long_rx_check (const JyLongRx       *rx,
                  const JyLongRxConfig *config)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_long_rx_problem_free);
  GDate date;

  if (rx->issue_date == NULL || !jy_person_parse_date (rx->issue_date, &date))
    problem (problems, "date", -1, g_strdup (_("Enter the date of issue.")));

  if (rx->total_days < config->min_days || rx->total_days > config->max_days)
    problem (problems, "days", -1,
             /* Translators: %1$d and %2$d are days (28 and 84 by default) */
             g_strdup_printf (_("A long prescription covers %1$d to %2$d days (4 to 12 weeks)."),
                              config->min_days, config->max_days));
  else if (rx->total_days > config->normal_days)
    {
      if (!rx->assessment_done || blank (rx->assessment_note))
        problem (problems, "assessment", -1,
                 g_strdup_printf (_("More than %d days needs the assessment documented in the record."),
                                  config->normal_days));
      if (!rx->patient_confirmed)
        problem (problems, "confirmation", -1,
                 g_strdup_printf (_("More than %d days needs the patient's confirmation."),
                                  config->normal_days));
    }

  if (rx->days_per_dispense <= 0
      || (rx->total_days > 0 && rx->days_per_dispense > rx->total_days))
    problem (problems, "instalment", -1,
             g_strdup (_("An instalment covers at least one day and no more than the prescription.")));

  if (rx->items->len == 0)
    problem (problems, "items", -1, g_strdup (_("Add at least one drug.")));
  for (guint i = 0; i < rx->items->len; i++)
    check_item (problems, rx, i, config);

  return problems;
}

void
jy_long_rx_check_lab_values (const JyLongRx       *rx,
                             const char *const    *lab_dates,
                             const JyLongRxConfig *config,
                             GPtrArray            *problems)
{
  GDate issue;

  if (rx->total_days <= config->normal_days ||
      rx->issue_date == NULL || !jy_person_parse_date (rx->issue_date, &issue))
    return;
  for (guint i = 0; i < rx->items->len; i++)
    {
      const JyLongRxItem *item = g_ptr_array_index (rx->items, i);
      const char *lab = lab_dates != NULL ? lab_dates[i] : NULL;
      GDate taken;
      int age;

      if ((item->flags & JY_DRUG_FLAG_NARROW_INDEX) == 0)
        continue;
      age = lab != NULL && jy_person_parse_date (lab, &taken) ? g_date_days_between (&taken, &issue) : -1;
      if (age < 0 || age > config->lab_window_days)
        problem (problems, "item-lab", (int) i,
                 /* Translators: %1$s a drug, %2$d days (28), %3$d days (28) */
                 g_strdup_printf (_("%1$s has a narrow therapeutic index: more than %2$d days needs a lab value (drug level or INR) from the last %3$d days."),
                                  item->drug_name != NULL ? item->drug_name : "",
                                  config->normal_days, config->lab_window_days));
    }
}
