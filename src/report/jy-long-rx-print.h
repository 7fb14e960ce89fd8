/* jy-long-rx-print.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-long-rx-store.h"
#include "jy-print-doc.h"

G_BEGIN_DECLS

/* Who the prescription is for and who wrote it, as printed. Strings may
 * be NULL (printed as a blank to fill in by hand). */
typedef struct
{
  const char *centre_name;
  const char *resident_name;
  const char *sex;            /* GB/T 2261.1 code */
  int         age;
  const char *record_no;      /* archive number or masked ID number */
  const char *phone;
  const char *department;     /* NULL: 全科 (general practice) */
  const char *doctor_name;
} JyLongRxPrintHeader;

/* The A5 prescription slip (处方笺) with the 长期处方 mark and the
 * additions of domain.md §4.4. */
JyPrintDoc *jy_long_rx_print_slip (const JyLongRx            *rx,
                                   const JyLongRxPrintHeader *header);

/* The patient's A5 medication card: how to take each drug, the
 * instalments with the day each may be collected (@dispenses,
 * JyLongRxDispense, fills in those handed out; may be NULL) and the
 * review date. */
JyPrintDoc *jy_long_rx_print_card (const JyLongRx            *rx,
                                   const JyLongRxPrintHeader *header,
                                   GPtrArray                 *dispenses);

G_END_DECLS

G_BEGIN_DECLS
/* The slip (@card FALSE) or card from what jy_long_rx_store_load_print_func() read. */
JyPrintDoc *jy_long_rx_print_from_data (const JyLongRxPrintData *data,
                                        gboolean                 card);
G_END_DECLS
