/* jy-lifestyle-rx-print.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-lifestyle-rx-print.h"

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

JyPrintDoc *
jy_lifestyle_rx_print (const JyLifestyleRx   *rx,
                       const JyRxPrintHeader *header,
                       JyPaper                paper)
{
  JyPrintDoc *doc;
  g_autofree char *date = NULL;
  g_autofree char *age = NULL;

  g_return_val_if_fail (rx != NULL, NULL);
  g_return_val_if_fail (header != NULL && header->date != NULL, NULL);

  doc = jy_print_doc_new (paper);
  date = jy_print_format_date (header->date);
  /* TRANSLATORS: age in full years, as printed */
  age = g_strdup_printf (_("%d years"), header->age);

  jy_print_doc_set_header (doc, header->centre_name, date);
  jy_print_doc_add_title (doc, _(jy_lifestyle_rx_kind_title (rx->kind)));

  {
    const char *fields[] = {
      _("Name"), header->resident_name != NULL ? header->resident_name : "",
      _("Sex"), sex_label (header->sex),
      _("Age"), age,
      _("Date"), date,
      _("Doctor"), header->doctor_name != NULL ? header->doctor_name : "",
      NULL, NULL, NULL,
    };
    guint n = 10;

    if (header->diagnosis != NULL)
      {
        fields[n++] = _("Diagnosis");
        fields[n++] = header->diagnosis;
      }
    jy_print_doc_add_fields (doc, 2, fields);
  }
  if (header->findings != NULL)
    {
      const char *findings[] = { _("Findings"), header->findings, NULL };
      jy_print_doc_add_fields (doc, 1, findings);
    }

  jy_print_doc_add_space (doc, 2);
  if (rx->deferred)
    jy_print_doc_add_heading (doc, _("Not yet — first bring this under control"));

  for (guint i = 0; i < rx->items->len; i++)
    jy_print_doc_add_item (doc, g_ptr_array_index (rx->items, i));

  jy_print_doc_add_space (doc, 4);
  jy_print_doc_add_paragraph (doc, _("Bring this sheet to your next visit. Call the clinic or 120 at once for chest pain, severe headache, weakness of a limb or confusion."));
  {
    const char *signatures[] = { _("Doctor's signature"), _("Date"), NULL };
    jy_print_doc_add_signatures (doc, signatures);
  }

  return doc;
}
