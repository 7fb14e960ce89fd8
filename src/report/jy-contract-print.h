/* jy-contract-print.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-contract-store.h"
#include "jy-print-doc.h"

G_BEGIN_DECLS

/* The resident and the centre as the agreement prints them. The ID
 * number is printed as given: pass it masked (jy_person_mask_id_number). */
typedef struct
{
  const char  *centre_name;
  const char  *resident_name;
  const char  *sex;            /* GB/T 2261.1 code */
  const char  *birth_date;     /* YYYY-MM-DD; NULL: unknown */
  const char  *id_masked;
  const char  *phone;          /* masked or NULL */
  const char  *address;
  const GDate *date;           /* the print date */
} JyContractPrintHeader;

/* 家庭医生签约服务协议书 (A4): both parties, the term, each package with
 * its contents, yearly price and who pays it, the term's fee split, the
 * rights and duties, and lines for the resident's and doctor's
 * signatures and the date. */
JyPrintDoc *jy_contract_print_agreement (const JyContract            *contract,
                                         const JyContractPrintHeader *header);

G_END_DECLS
