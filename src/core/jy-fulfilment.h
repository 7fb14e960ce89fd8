/* jy-fulfilment.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jy-contact.h"
#include "jy-contract.h"
#include "jy-key-population.h"
#include "jy-reporting-period.h"
#include "jy-service-package.h"

G_BEGIN_DECLS

/* Fulfilment (履约, domain.md §2.5): what a contract owes by a date and
 * whether it was delivered. A contract is fulfilled (履约完成) when every
 * obligation due up to the reference date is met: its package items
 * (the basic package's 65+ annual check among them: once per contract
 * year), the proactive contacts, and (judged by the follow-up rules of §3,
 * passed in) the HTN/T2DM follow-ups. An obligation whose due date is the
 * reference date itself is due. jy_fulfilment_annual_check_status() is
 * the other view of the 65+ check: once per assessment year, for the
 * worklist and indicator F08. */

/* One delivered package item (a fulfilment log row). */
typedef struct
{
  const char *item_code;
  GDate       date;        /* local date */
} JyDelivery;

typedef struct
{
  const JyContractFacts         *contract;        /* the contract judged */
  /* All the resident's contracts, @contract among them: the contact rule
   * looks at coverage across renewals. */
  const JyContractFacts         *contracts;
  guint                          n_contracts;
  const JyServicePackage *const *packages;        /* the contract's packages */
  guint                          n_packages;
  guint32                        key_populations; /* on the signing date */
  /* Delivered items; a 65+ health check is a delivery of the basic
   * package's "elderly-annual-check". */
  const JyDelivery              *deliveries;
  guint                          n_deliveries;
  const JyContact               *contacts;
  guint                          n_contacts;
  gboolean                       followups_met;   /* §3 schedule; TRUE if not enrolled */
} JyFulfilmentFacts;

typedef struct
{
  const JyContactPolicy     *contact;     /* NULL: defaults */
  const JyReportingCalendar *calendar;    /* NULL: calendar years */
  JyElderlyRule              elderly_rule;
} JyFulfilmentPolicy;

#define JY_FULFILMENT_POLICY_DEFAULT ((JyFulfilmentPolicy) { NULL, NULL, JY_ELDERLY_RULE_ANNUAL })

guint        jy_fulfilment_item_due_count         (const JyPackageItem       *item,
                                                   const JyContractFacts     *contract,
                                                   const GDate               *reference);
gboolean     jy_fulfilment_item_is_met            (const JyPackageItem       *item,
                                                   const JyContractFacts     *contract,
                                                   const JyDelivery          *deliveries,
                                                   guint                      n_deliveries,
                                                   const GDate               *reference);
JyDueStatus  jy_fulfilment_annual_check_status    (const GDate               *birth,
                                                   const GDate               *checks,
                                                   guint                      n_checks,
                                                   const GDate               *in_year,
                                                   const GDate               *today,
                                                   const JyFulfilmentPolicy  *policy,
                                                   GDate                     *due_date);
gboolean     jy_fulfilment_contract_is_fulfilled  (const JyFulfilmentFacts   *facts,
                                                   const GDate               *reference,
                                                   const JyFulfilmentPolicy  *policy);

G_END_DECLS
