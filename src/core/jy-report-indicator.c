/* jy-report-indicator.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-report-indicator.h"

#include <glib/gi18n.h>

#define R JY_INDICATOR_RESIDENTS
#define E JY_INDICATOR_EVENTS
#define P JY_INDICATOR_RATE
#define A JY_INDICATOR_AVERAGE
#define STOCK JY_INDICATOR_WINDOW_STOCK
#define FLOW JY_INDICATOR_WINDOW_FLOW
#define QTD JY_INDICATOR_WINDOW_QUARTER
#define YTD JY_INDICATOR_WINDOW_YTD

/* domain.md §6.1, in its order. */
static const JyReportIndicator indicators[] = {
  { "C01", JY_REPORT_SECTION_CONTRACTS, R, STOCK, N_("Residents under contract"),
    N_("Residents with a contract in force"), NULL, TRUE },
  { "C02", JY_REPORT_SECTION_CONTRACTS, P, STOCK, N_("Signing rate"),
    N_("Registered residents with a contract in force"),
    N_("Registered permanent residents of the catchment"), FALSE },
  { "C03", JY_REPORT_SECTION_CONTRACTS, P, STOCK, N_("Key-population signing rate"),
    N_("Key-population residents with a contract in force"),
    N_("Registered key-population residents (65+, children under 7, manual tags)"), FALSE },
  { "C04", JY_REPORT_SECTION_CONTRACTS, R, FLOW, N_("New signings"),
    N_("Residents who signed a contract that is not a renewal"), NULL, TRUE },
  { "C05", JY_REPORT_SECTION_CONTRACTS, R, FLOW, N_("Renewals"),
    N_("Residents who signed a renewal"), NULL, TRUE },
  { "C05R", JY_REPORT_SECTION_CONTRACTS, P, FLOW, N_("Renewal rate"),
    N_("Contracts ending in the month that were renewed within the renewal window"),
    N_("Contracts ending in the month, excluding death and move-out"), TRUE },
  { "C06", JY_REPORT_SECTION_CONTRACTS, R, FLOW, N_("Terminations"),
    N_("Residents whose contract was terminated (all reasons)"), NULL, TRUE },
  { "C06-1", JY_REPORT_SECTION_CONTRACTS, R, FLOW, N_("Terminations: resident's request"),
    N_("Terminations for reason 1"), NULL, TRUE },
  { "C06-2", JY_REPORT_SECTION_CONTRACTS, R, FLOW, N_("Terminations: moved out"),
    N_("Terminations for reason 2"), NULL, TRUE },
  { "C06-3", JY_REPORT_SECTION_CONTRACTS, R, FLOW, N_("Terminations: death"),
    N_("Terminations for reason 3"), NULL, TRUE },
  { "C06-4", JY_REPORT_SECTION_CONTRACTS, R, FLOW, N_("Terminations: change of team"),
    N_("Terminations for reason 4"), NULL, TRUE },
  { "C06-5", JY_REPORT_SECTION_CONTRACTS, R, FLOW, N_("Terminations: by the institution"),
    N_("Terminations for reason 5"), NULL, TRUE },
  { "C06-9", JY_REPORT_SECTION_CONTRACTS, R, FLOW, N_("Terminations: other"),
    N_("Terminations for reason 9"), NULL, TRUE },
  { "C07", JY_REPORT_SECTION_CONTRACTS, P, QTD, N_("Quarterly proactive contact"),
    N_("Residents signed throughout the quarter whom the team contacted"),
    N_("Residents signed throughout the quarter so far"), TRUE },
  { "C08", JY_REPORT_SECTION_CONTRACTS, P, STOCK, N_("Fulfilment rate"),
    N_("Contracts in force with every obligation due so far met"),
    N_("Contracts in force"), TRUE },

  { "F01H", JY_REPORT_SECTION_CHRONIC, R, STOCK, N_("Hypertension patients under management"),
    N_("Hypertension enrolments managed on the last day of the month"), NULL, TRUE },
  { "F01D", JY_REPORT_SECTION_CHRONIC, R, STOCK, N_("Diabetes patients under management"),
    N_("Type 2 diabetes enrolments managed on the last day of the month"), NULL, TRUE },
  { "F02H", JY_REPORT_SECTION_CHRONIC, E, FLOW, N_("Face-to-face hypertension follow-ups"),
    N_("Hypertension follow-ups in clinic or at home"), NULL, TRUE },
  { "F02D", JY_REPORT_SECTION_CHRONIC, E, FLOW, N_("Face-to-face diabetes follow-ups"),
    N_("Diabetes follow-ups in clinic or at home"), NULL, TRUE },
  { "F03", JY_REPORT_SECTION_CHRONIC, R, STOCK, N_("Patients overdue for a follow-up"),
    N_("Managed patients whose next visit fell due before the month end with no visit since"),
    NULL, TRUE },
  { "F04", JY_REPORT_SECTION_CHRONIC, P, YTD, N_("Hypertension managed to the norm"),
    N_("Patients with the face-to-face visits the norm requires so far this year "
       "(visits under 14 days apart count once; one visit per 3 months under management)"),
    N_("Hypertension patients under management this year, less those who died or moved out"), TRUE },
  { "F05", JY_REPORT_SECTION_CHRONIC, P, YTD, N_("Blood pressure control"),
    N_("Patients whose last face-to-face visit this year had controlled blood pressure "
       "(< 140/90; < 150/90 at 65 or older)"),
    N_("Hypertension patients under management this year, less those who died or moved out"), TRUE },
  { "F06", JY_REPORT_SECTION_CHRONIC, P, YTD, N_("Diabetes managed to the norm"),
    N_("Patients with the face-to-face visits the norm requires so far this year "
       "(visits under 14 days apart count once; one visit per 3 months under management)"),
    N_("Diabetes patients under management this year, less those who died or moved out"), TRUE },
  { "F07", JY_REPORT_SECTION_CHRONIC, P, YTD, N_("Blood glucose control"),
    N_("Patients whose last face-to-face fasting glucose this year was below 7.0 mmol/L"),
    N_("Diabetes patients under management this year, less those who died or moved out"), TRUE },
  { "F08", JY_REPORT_SECTION_CHRONIC, P, YTD, N_("Older people's health management"),
    N_("Residents aged 65 or over with their annual health check this year"),
    N_("Registered residents aged 65 or over"), FALSE },

  { "L01", JY_REPORT_SECTION_LONG_RX, E, FLOW, N_("Long prescriptions issued"),
    N_("Long prescriptions issued in the month"), NULL, TRUE },
  { "L01P", JY_REPORT_SECTION_LONG_RX, R, FLOW, N_("Patients with a long prescription"),
    N_("Distinct patients given a long prescription in the month"), NULL, TRUE },
  { "L02", JY_REPORT_SECTION_LONG_RX, P, FLOW, N_("Prescriptions over 4 weeks"),
    N_("Long prescriptions for more than 28 days"), N_("Long prescriptions issued in the month"), TRUE },
  { "L03", JY_REPORT_SECTION_LONG_RX, A, FLOW, N_("Average prescription days"),
    N_("Total days of the long prescriptions issued"), N_("Long prescriptions issued in the month"), TRUE },
  { "L04", JY_REPORT_SECTION_LONG_RX, E, FLOW, N_("Collections by a proxy"),
    N_("Dispenses collected by a family member or agent"), NULL, TRUE },

  { "H01", JY_REPORT_SECTION_HOME_BED, R, STOCK, N_("Home beds open"),
    N_("Home beds open on the last day of the month"), NULL, TRUE },
  { "H02N", JY_REPORT_SECTION_HOME_BED, E, FLOW, N_("Home beds established"),
    N_("Home beds established in the month"), NULL, TRUE },
  { "H02D", JY_REPORT_SECTION_HOME_BED, E, FLOW, N_("Home beds discharged"),
    N_("Home beds discharged in the month (all reasons)"), NULL, TRUE },
  { "H02D-1", JY_REPORT_SECTION_HOME_BED, E, FLOW, N_("Discharges: cured"),
    N_("Home beds discharged for reason 1"), NULL, TRUE },
  { "H02D-2", JY_REPORT_SECTION_HOME_BED, E, FLOW, N_("Discharges: improved"),
    N_("Home beds discharged for reason 2"), NULL, TRUE },
  { "H02D-3", JY_REPORT_SECTION_HOME_BED, E, FLOW, N_("Discharges: stable"),
    N_("Home beds discharged for reason 3"), NULL, TRUE },
  { "H02D-4", JY_REPORT_SECTION_HOME_BED, E, FLOW, N_("Discharges: admitted or transferred"),
    N_("Home beds discharged for reason 4"), NULL, TRUE },
  { "H02D-5", JY_REPORT_SECTION_HOME_BED, E, FLOW, N_("Discharges: death"),
    N_("Home beds discharged for reason 5"), NULL, TRUE },
  { "H02D-6", JY_REPORT_SECTION_HOME_BED, E, FLOW, N_("Discharges: patient's request"),
    N_("Home beds discharged for reason 6"), NULL, TRUE },
  { "H02D-7", JY_REPORT_SECTION_HOME_BED, E, FLOW, N_("Discharges: cycle ended"),
    N_("Home beds discharged for reason 7"), NULL, TRUE },
  { "H02D-9", JY_REPORT_SECTION_HOME_BED, E, FLOW, N_("Discharges: other"),
    N_("Home beds discharged for reason 9"), NULL, TRUE },
  { "H03D", JY_REPORT_SECTION_HOME_BED, E, FLOW, N_("Doctor rounds"),
    N_("Doctor ward rounds at home beds"), NULL, TRUE },
  { "H03N", JY_REPORT_SECTION_HOME_BED, E, FLOW, N_("Nursing visits"),
    N_("Nursing visits at home beds"), NULL, TRUE },
  { "H04", JY_REPORT_SECTION_HOME_BED, A, FLOW, N_("Average days a bed was open"),
    N_("Bed days of the beds discharged in the month (discharge − establishment; same day = 1)"),
    N_("Beds discharged in the month"), TRUE },

  { "R01", JY_REPORT_SECTION_REFERRAL, E, FLOW, N_("Upward referrals"),
    N_("Follow-ups that referred the patient to a higher-level institution (emergency included)"),
    NULL, TRUE },
  { "R02", JY_REPORT_SECTION_REFERRAL, E, FLOW, N_("Patients received back"),
    N_("Patients received back from hospitals"), NULL, TRUE },
  { "R03", JY_REPORT_SECTION_REFERRAL, P, FLOW, N_("Referrals followed up within 2 weeks"),
    N_("Referrals whose patient had a follow-up within 14 days"),
    N_("Upward referrals whose 14-day window ended in the month"), TRUE },

  { "N01", JY_REPORT_SECTION_NURSING, E, FLOW, N_("Nurse home visits"),
    N_("Home visits recorded by nurses"), NULL, TRUE },
  { "N01P", JY_REPORT_SECTION_NURSING, R, FLOW, N_("Residents visited at home by a nurse"),
    N_("Distinct residents of the nurse home visits"), NULL, TRUE },
};

const JyReportIndicator *
jy_report_indicators (guint *n_indicators)
{
  if (n_indicators != NULL)
    *n_indicators = G_N_ELEMENTS (indicators);
  return indicators;
}

const JyReportIndicator *
jy_report_indicator_lookup (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    if (g_strcmp0 (indicators[i].code, code) == 0)
      return &indicators[i];
  return NULL;
}

const char *
jy_report_indicator_name (const JyReportIndicator *indicator)
{
  return _(indicator->name);
}

const char *
jy_report_indicator_numerator (const JyReportIndicator *indicator)
{
  return _(indicator->numerator);
}

const char *
jy_report_indicator_denominator (const JyReportIndicator *indicator)
{
  return indicator->denominator != NULL ? _(indicator->denominator) : NULL;
}

char *
jy_report_indicator_describe (const JyReportIndicator *indicator)
{
  const char *window = jy_indicator_window_name (indicator->window);

  if (indicator->denominator == NULL)
    /* Translators: a report footnote: what a count counts, then its window. */
    return g_strdup_printf (_("%s (%s)"), _(indicator->numerator), window);
  if (indicator->kind == JY_INDICATOR_AVERAGE)
    /* Translators: a report footnote for an average. */
    return g_strdup_printf (_("%s ÷ %s (%s)"), _(indicator->numerator),
                            _(indicator->denominator), window);
  /* Translators: a report footnote for a rate. */
  return g_strdup_printf (_("Numerator: %s; denominator: %s (%s)"), _(indicator->numerator),
                          _(indicator->denominator), window);
}

const char *
jy_report_section_name (JyReportSection section)
{
  static const char *names[] = {
    [JY_REPORT_SECTION_CONTRACTS] = N_("Family-doctor contracts"),
    [JY_REPORT_SECTION_CHRONIC] = N_("Hypertension and diabetes"),
    [JY_REPORT_SECTION_LONG_RX] = N_("Long prescriptions"),
    [JY_REPORT_SECTION_HOME_BED] = N_("Home beds"),
    [JY_REPORT_SECTION_REFERRAL] = N_("Referrals"),
    [JY_REPORT_SECTION_NURSING] = N_("Nurse home visits"),
  };

  g_return_val_if_fail (section < JY_REPORT_SECTION_N, NULL);
  return _(names[section]);
}

gboolean
jy_report_section_is_available (JyReportSection section)
{
  g_return_val_if_fail (section < JY_REPORT_SECTION_N, FALSE);
  return TRUE;
}

gboolean
jy_report_indicator_is_available (const JyReportIndicator *indicator)
{
  g_return_val_if_fail (indicator != NULL, FALSE);

  return jy_report_section_is_available (indicator->section) &&
         g_strcmp0 (indicator->code, "C08") != 0 && g_strcmp0 (indicator->code, "R02") != 0;
}

const char *
jy_indicator_window_name (JyIndicatorWindow window)
{
  switch (window)
    {
    case JY_INDICATOR_WINDOW_STOCK:
      return _("on the last day of the month");
    case JY_INDICATOR_WINDOW_FLOW:
      return _("within the month");
    case JY_INDICATOR_WINDOW_QUARTER:
      return _("from the start of the quarter to the month end");
    case JY_INDICATOR_WINDOW_YTD:
      return _("from the start of the year to the month end");
    default:
      g_return_val_if_reached (NULL);
    }
}

int
jy_report_norm_visits_required_to_date (const GDate *enrol_date,
                                        const GDate *year_first,
                                        const GDate *last,
                                        int          visits_per_year)
{
  const GDate *start;
  int months;

  g_return_val_if_fail (enrol_date != NULL && g_date_valid (enrol_date), 0);
  g_return_val_if_fail (year_first != NULL && last != NULL, 0);

  if (g_date_compare (enrol_date, last) > 0)
    return 0;
  start = g_date_compare (enrol_date, year_first) > 0 ? enrol_date : year_first;
  months = (g_date_get_year (last) * 12 + g_date_get_month (last)) -
           (g_date_get_year (start) * 12 + g_date_get_month (start)) + 1;
  return (months * visits_per_year + 11) / 12;
}
