/* jy-long-rx-print.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-long-rx-print.h"

#include <glib/gi18n-lib.h>

#include "jy-person.h"

/* The label 长期处方 required on the prescription itself
 * (长期处方管理规范 §4.4): printed as written, in every language. */
#define LONG_RX_MARK "长期处方"

static const char *
text_or_blank (const char *text)
{
  return text != NULL ? text : "";
}

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
print_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !jy_person_parse_date (iso, &date))
    return g_strdup ("");
  return jy_print_format_date (&date);
}

/* "1 片，每日1次，口服" */
static char *
usage_text (const JyLongRxItem *item)
{
  const char *frequency = jy_dose_frequency_label (item->frequency);

  /* Translators: how a drug is taken: %1$g dose, %2$s its unit, %3$s how
   * often ("Once a day"), %4$s the route ("Oral") */
  return g_strdup_printf (_("%1$g %2$s, %3$s, %4$s"), item->dose, text_or_blank (item->unit),
                          frequency != NULL ? _(frequency) : "",
                          item->route != NULL ? item->route
                          : g_strcmp0 (item->unit, "IU") == 0 ? _("Subcutaneous injection") : _("Oral"));
}

static void
add_patient_fields (JyPrintDoc                *doc,
                    const JyLongRx            *rx,
                    const JyLongRxPrintHeader *header,
                    const char                *date)
{
  g_autofree char *age = g_strdup_printf (_("%d years"), header->age);
  g_autofree char *diagnosis = g_strdup_printf ("%s%s%s%s", text_or_blank (rx->diagnosis_text),
                                                rx->diagnosis_code != NULL ? "（" : "",
                                                text_or_blank (rx->diagnosis_code),
                                                rx->diagnosis_code != NULL ? "）" : "");
  const char *fields[] = {
    _("Prescription no."), text_or_blank (rx->rx_no),
    _("Date"), date,
    _("Name"), text_or_blank (header->resident_name),
    _("Sex"), sex_label (header->sex),
    _("Age"), age,
    _("Record no."), text_or_blank (header->record_no),
    _("Department"), header->department != NULL ? header->department : _("General practice"),
    _("Clinical diagnosis"), diagnosis,
    NULL,
  };

  jy_print_doc_add_fields (doc, 2, fields);
}

JyPrintDoc *
jy_long_rx_print_slip (const JyLongRx            *rx,
                       const JyLongRxPrintHeader *header)
{
  static const double widths[] = { 0.36, 0.30, 0.09, 0.15, 0.10 };
  static const JyAlign aligns[] = { JY_ALIGN_START, JY_ALIGN_START, JY_ALIGN_END, JY_ALIGN_END, JY_ALIGN_CENTER };
  JyPrintDoc *doc;
  JyPrintTable *table;
  g_autofree char *date = NULL;
  g_autofree char *review = NULL;
  g_autofree char *total = NULL;
  g_autofree char *per = NULL;
  g_autofree char *count = NULL;
  int instalments;

  g_return_val_if_fail (rx != NULL && header != NULL, NULL);

  doc = jy_print_doc_new (JY_PAPER_A5);
  date = print_date (rx->issue_date);
  review = print_date (rx->review_date);
  instalments = rx->days_per_dispense > 0
                  ? (rx->total_days + rx->days_per_dispense - 1) / rx->days_per_dispense : 1;
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", rx->total_days), rx->total_days);
  per = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", rx->days_per_dispense),
                         rx->days_per_dispense);
  count = g_strdup_printf ("%d", instalments);

  jy_print_doc_set_header (doc, header->centre_name, LONG_RX_MARK);
  jy_print_doc_add_title (doc, LONG_RX_MARK);
  /* Translators: the kind of form, 处方笺 */
  jy_print_doc_add_subtitle (doc, _("Prescription"));
  add_patient_fields (doc, rx, header, date);

  jy_print_doc_add_heading (doc, "Rp.");
  {
    const char *headers[] = { _("Drug and strength"), _("Usage"), _("Days"), _("Quantity"), _("Insurance"), NULL };

    table = jy_print_doc_add_table (doc, 5, headers, widths, aligns);
  }
  for (guint i = 0; i < rx->items->len; i++)
    {
      const JyLongRxItem *item = g_ptr_array_index (rx->items, i);
      g_autofree char *name = g_strdup_printf ("%s %s", text_or_blank (item->drug_name), text_or_blank (item->strength));
      g_autofree char *usage = usage_text (item);
      g_autofree char *days = g_strdup_printf ("%d", item->days);
      g_autofree char *quantity = g_strdup_printf ("%d %s", item->packs > 0 ? item->packs : jy_long_rx_item_packs (item),
                                                   text_or_blank (item->pack_unit));
      const char *cells[] = { name, usage, days, quantity, text_or_blank (item->insurance_class) };

      jy_print_table_add_row (table, cells);
    }

  jy_print_doc_add_space (doc, 2);
  {
    const char *fields[] = {
      _("Total days"), total,
      _("Days per dispense"), per,
      _("Number of dispenses"), count,
      _("Next review"), review,
      NULL,
    };

    jy_print_doc_add_fields (doc, 2, fields);
  }
  if (rx->total_days > 28)
    {
      const char *fields[] = {
        _("Assessment"), text_or_blank (rx->assessment_note),
        _("Patient confirmation"), rx->patient_confirmed ? _("Confirmed by the patient (over 4 weeks)") : "",
        NULL,
      };

      jy_print_doc_add_fields (doc, 1, fields);
    }
  {
    const char *signatures[] = { _("Doctor's signature"), _("Pharmacist review"), _("Dispenser"), _("Checker"), NULL };
    const char *fields[] = { _("Doctor"), text_or_blank (header->doctor_name), _("Amount"), "", NULL };

    jy_print_doc_add_fields (doc, 2, fields);
    jy_print_doc_add_signatures (doc, signatures);
  }
  return doc;
}

static const JyLongRxDispense *
dispense_for (GPtrArray *dispenses,
              int        number)
{
  for (guint i = 0; dispenses != NULL && i < dispenses->len; i++)
    {
      const JyLongRxDispense *d = g_ptr_array_index (dispenses, i);

      if (d->instalment == number)
        return d;
    }
  return NULL;
}

JyPrintDoc *
jy_long_rx_print_card (const JyLongRx            *rx,
                       const JyLongRxPrintHeader *header,
                       GPtrArray                 *dispenses)
{
  static const double drug_widths[] = { 0.40, 0.35, 0.25 };
  static const JyAlign drug_aligns[] = { JY_ALIGN_START, JY_ALIGN_START, JY_ALIGN_START };
  static const double inst_widths[] = { 0.10, 0.22, 0.22, 0.12, 0.34 };
  static const JyAlign inst_aligns[] = { JY_ALIGN_CENTER, JY_ALIGN_START, JY_ALIGN_START, JY_ALIGN_END, JY_ALIGN_START };
  JyPrintDoc *doc;
  JyPrintTable *table;
  g_autofree char *date = NULL;
  g_autofree char *review = NULL;
  g_autofree char *end = NULL;
  g_autofree char *end_text = NULL;
  g_autoptr(GArray) schedule = NULL;

  g_return_val_if_fail (rx != NULL && header != NULL, NULL);

  doc = jy_print_doc_new (JY_PAPER_A5);
  date = print_date (rx->issue_date);
  review = print_date (rx->review_date);
  end = jy_long_rx_end_date (rx);
  end_text = print_date (end);

  jy_print_doc_set_header (doc, header->centre_name, text_or_blank (rx->rx_no));
  /* Translators: the patient's card of a long prescription, 长期处方用药卡 */
  jy_print_doc_add_title (doc, _("Medication card"));
  jy_print_doc_add_subtitle (doc, LONG_RX_MARK);
  {
    const char *fields[] = {
      _("Name"), text_or_blank (header->resident_name),
      _("Prescription no."), text_or_blank (rx->rx_no),
      _("Doctor"), text_or_blank (header->doctor_name),
      _("Clinic phone"), text_or_blank (header->phone),
      _("Issued"), date,
      _("Supply until"), end_text,
      NULL,
    };

    jy_print_doc_add_fields (doc, 2, fields);
  }

  jy_print_doc_add_heading (doc, _("How to take your drugs"));
  {
    const char *headers[] = { _("Drug"), _("How to take"), _("Take care"), NULL };

    table = jy_print_doc_add_table (doc, 3, headers, drug_widths, drug_aligns);
  }
  for (guint i = 0; i < rx->items->len; i++)
    {
      const JyLongRxItem *item = g_ptr_array_index (rx->items, i);
      g_autofree char *name = g_strdup_printf ("%s %s", text_or_blank (item->drug_name), text_or_blank (item->strength));
      g_autofree char *usage = usage_text (item);
      const char *note = (item->flags & JY_DRUG_FLAG_STORAGE_ADVICE) != 0
                           ? _("Keep unopened pens in the fridge (2–8 °C); never freeze")
                           : (item->flags & JY_DRUG_FLAG_NARROW_INDEX) != 0
                               ? _("Keep your blood test appointments")
                               : "";
      const char *cells[] = { name, usage, note };

      jy_print_table_add_row (table, cells);
    }

  jy_print_doc_add_heading (doc, _("Collecting your drugs"));
  {
    const char *headers[] = { _("No."), _("From"), _("Due"), _("Days"), _("Collected"), NULL };

    table = jy_print_doc_add_table (doc, 5, headers, inst_widths, inst_aligns);
  }
  schedule = jy_long_rx_schedule (rx->issue_date, rx->total_days, rx->days_per_dispense, 7);
  for (guint i = 0; i < schedule->len; i++)
    {
      const JyLongRxInstalment *inst = &g_array_index (schedule, JyLongRxInstalment, i);
      const JyLongRxDispense *d = dispense_for (dispenses, inst->number);
      g_autofree char *number = g_strdup_printf ("%d", inst->number);
      g_autofree char *from = print_date (inst->release_date);
      g_autofree char *due = print_date (inst->due_date);
      g_autofree char *days = g_strdup_printf ("%d", inst->days);
      g_autofree char *collected = NULL;
      const char *cells[5];

      if (d != NULL && d->proxy)
        {
          g_autofree char *when = print_date (d->dispense_date);

          /* Translators: a date, then who collected the drugs for the patient */
          collected = g_strdup_printf (_("%1$s, by %2$s"), when, text_or_blank (d->proxy_name));
        }
      else if (d != NULL)
        collected = print_date (d->dispense_date);
      else
        collected = g_strdup ("");
      cells[0] = number;
      cells[1] = from;
      cells[2] = due;
      cells[3] = days;
      cells[4] = collected;
      jy_print_table_add_row (table, cells);
    }

  jy_print_doc_add_space (doc, 2);
  {
    g_autofree char *line = g_strdup_printf (_("Come back for a review by %s, before your drugs run out."), review);

    jy_print_doc_add_paragraph (doc, line);
  }
  jy_print_doc_add_paragraph (doc, _("Bring this card each time you collect. Someone may collect for you only with your written authorisation and their ID card. Stop and call the clinic or 120 at once for chest pain, severe headache, weakness of a limb, confusion, or a blood sugar below 3.9 mmol/L."));
  return doc;
}

JyPrintDoc *
jy_long_rx_print_from_data (const JyLongRxPrintData *data,
                            gboolean                 card)
{
  JyLongRxPrintHeader header = {
    .centre_name = data->centre_name,
    .resident_name = data->resident_name,
    .sex = data->sex,
    .age = data->age,
    .record_no = data->archive_no,
    .doctor_name = data->doctor_name,
  };

  return card ? jy_long_rx_print_card (data->rx, &header, data->dispenses)
              : jy_long_rx_print_slip (data->rx, &header);
}
