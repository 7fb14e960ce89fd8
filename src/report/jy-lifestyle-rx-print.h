/* jy-lifestyle-rx-print.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-lifestyle-rx.h"
#include "jy-print-doc.h"

G_BEGIN_DECLS

/* Who the prescription is for and who wrote it, as printed. */
typedef struct
{
  const char  *centre_name;
  const char  *resident_name;
  const char  *sex;          /* GB/T 2261.1 code */
  int          age;
  const char  *diagnosis;    /* e.g. "高血压、2型糖尿病"; NULL for none */
  const char  *findings;     /* e.g. "血压 152/94 mmHg，BMI 26.1"; NULL for none */
  const char  *doctor_name;
  const GDate *date;
} JyRxPrintHeader;

/* The patient's copy: A5 (the usual prescription size) or A4. */
JyPrintDoc *jy_lifestyle_rx_print (const JyLifestyleRx   *rx,
                                   const JyRxPrintHeader *header,
                                   JyPaper                paper);

G_END_DECLS
