/* jy-contract-print.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-print.h"

#include <glib/gi18n-lib.h>

static const char *
sex_label (const char *sex)
{
  if (g_strcmp0 (sex, "1") == 0)
    return _("Male");
  if (g_strcmp0 (sex, "2") == 0)
    return _("Female");
  return _("Unknown");
}

static const char *
or_blank (const char *text)
{
  return text != NULL ? text : "";
}

static char *
yuan (gint64 fen)
{
  g_autofree char *amount = jy_fee_format_yuan (fen);

  /* Translators: an amount of money in yuan, %s is e.g. 120.00 */
  return g_strdup_printf (_("¥%s"), amount);
}

/* The package's items, comma-separated, translated. */
static char *
package_contents (const JyContractPackage *package)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const JyServicePackage *def = package->definition;

  for (guint i = 0; def != NULL && i < def->n_items; i++)
    {
      const JyPackageItem *item = &def->items[i];

      if (text->len > 0)
        /* Translators: separates the items of a list */
        g_string_append (text, _(", "));
      g_string_append (text, _(item->name));
      if (item->due_rule == JY_ITEM_DUE_PER_CONTRACT_YEAR && item->quantity > 1)
        /* Translators: how many times a year, appended to a service, e.g. "（每年2次）" */
        g_string_append_printf (text, _(" (%u a year)"), item->quantity);
      else if (item->due_rule == JY_ITEM_DUE_PER_QUARTER)
        g_string_append (text, _(" (every quarter)"));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_packages (JyPrintDoc       *doc,
              const JyContract *contract)
{
  const char *headers[] = { _("Package"), _("Services"), _("Yearly fee"),
                            _("Insurance"), _("Public health"), _("Resident"), NULL };
  const double widths[] = { 2.6, 5.6, 1.6, 1.6, 1.6, 1.6 };
  const JyAlign aligns[] = { JY_ALIGN_START, JY_ALIGN_START, JY_ALIGN_END,
                             JY_ALIGN_END, JY_ALIGN_END, JY_ALIGN_END };
  JyPrintTable *table = jy_print_doc_add_table (doc, 6, headers, widths, aligns);
  JyFeeSplit yearly = { 0 };

  for (guint i = 0; contract->packages != NULL && i < contract->packages->len; i++)
    {
      const JyContractPackage *p = g_ptr_array_index (contract->packages, i);
      g_autofree char *contents = package_contents (p);
      g_autofree char *total = yuan (jy_fee_split_total (&p->annual_fee));
      g_autofree char *insurance = yuan (p->annual_fee.insurance);
      g_autofree char *public_health = yuan (p->annual_fee.public_health);
      g_autofree char *resident = yuan (p->annual_fee.resident);
      const char *cells[] = { _(p->name), contents, total, insurance, public_health, resident, NULL };

      jy_print_table_add_row (table, cells);
      jy_fee_split_add (&yearly, &p->annual_fee);
    }

  {
    g_autofree char *total = yuan (jy_fee_split_total (&yearly));
    g_autofree char *insurance = yuan (yearly.insurance);
    g_autofree char *public_health = yuan (yearly.public_health);
    g_autofree char *resident = yuan (yearly.resident);
    const char *cells[] = { _("Total per year"), "", total, insurance, public_health, resident, NULL };

    jy_print_table_add_total_row (table, cells);
  }
}

JyPrintDoc *
jy_contract_print_agreement (const JyContract            *contract,
                             const JyContractPrintHeader *header)
{
  JyPrintDoc *doc;
  g_autofree char *printed = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *term = NULL;
  g_autofree char *number = NULL;
  g_autofree char *fee_insurance = NULL;
  g_autofree char *fee_public = NULL;
  g_autofree char *fee_resident = NULL;
  g_autofree char *fee_total = NULL;

  g_return_val_if_fail (contract != NULL, NULL);
  g_return_val_if_fail (header != NULL && header->date != NULL, NULL);

  doc = jy_print_doc_new (JY_PAPER_A4);
  printed = jy_print_format_date (header->date);
  start = g_date_valid (&contract->facts.start) ? jy_print_format_date (&contract->facts.start) : g_strdup ("");
  end = g_date_valid (&contract->facts.end) ? jy_print_format_date (&contract->facts.end) : g_strdup ("");
  /* Translators: the term of a contract, from %1$s to %2$s (dates) */
  term = g_strdup_printf (_("From %1$s to %2$s"), start, end);
  /* Translators: %s is the contract number */
  number = g_strdup_printf (_("Contract No. %s"), or_blank (contract->contract_no));

  jy_print_doc_set_header (doc, or_blank (header->centre_name), printed);
  jy_print_doc_set_title (doc, _("Family Doctor Contract Agreement"));
  jy_print_doc_add_title (doc, _("Family Doctor Contract Agreement"));
  jy_print_doc_add_subtitle (doc, number);

  jy_print_doc_add_heading (doc, _("Party A: the resident"));
  {
    const char *fields[] = {
      _("Name"), or_blank (header->resident_name),
      _("Sex"), sex_label (header->sex),
      _("Date of birth"), or_blank (header->birth_date),
      _("ID number"), or_blank (header->id_masked),
      _("Phone"), or_blank (header->phone),
      _("Address"), or_blank (header->address),
      NULL,
    };
    jy_print_doc_add_fields (doc, 2, fields);
  }

  jy_print_doc_add_heading (doc, _("Party B: the family doctor team"));
  {
    const char *fields[] = {
      _("Institution"), or_blank (header->centre_name),
      _("Team"), or_blank (contract->team_name),
      _("Responsible doctor"), or_blank (contract->doctor_name),
      _("Term"), term,
      NULL,
    };
    jy_print_doc_add_fields (doc, 2, fields);
  }

  jy_print_doc_add_heading (doc, _("Service packages"));
  add_packages (doc, contract);

  fee_insurance = yuan (contract->fee.insurance);
  fee_public = yuan (contract->fee.public_health);
  fee_resident = yuan (contract->fee.resident);
  fee_total = yuan (jy_fee_split_total (&contract->fee));
  jy_print_doc_add_space (doc, 2);
  {
    const char *fields[] = {
      _("Fee for the term"), fee_total,
      _("Paid by medical insurance"), fee_insurance,
      _("Paid from public-health funds"), fee_public,
      _("Paid by the resident"), fee_resident,
      NULL,
    };
    jy_print_doc_add_fields (doc, 2, fields);
  }

  jy_print_doc_add_heading (doc, _("Rights and duties"));
  jy_print_doc_add_paragraph (doc, _("1. Party B provides Party A with the services of the packages above during the term, keeps Party A's health record up to date, contacts Party A at least once every quarter, and gives priority appointments and referrals."));
  jy_print_doc_add_paragraph (doc, _("2. Party A gives true health information, keeps to the agreed follow-ups and check-ups, and tells Party B of a change of address or phone number."));
  jy_print_doc_add_paragraph (doc, _("3. Either party may end this agreement early; what Party A paid for the months not yet served is refunded. The agreement may be renewed in the 30 days before it ends."));
  jy_print_doc_add_paragraph (doc, _("4. Party A's personal information is used only for health services and is kept confidential."));

  jy_print_doc_add_space (doc, 8);
  {
    const char *signatures[] = { _("Resident (or guardian) signature"), _("Family doctor signature"),
                                 _("Date"), NULL };
    jy_print_doc_add_signatures (doc, signatures);
  }

  return doc;
}
