/* jy-contact.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jy-contract.h"

G_BEGIN_DECLS

/* Proactive contact (主动联系, domain.md §2.5 and §8): the team contacts
 * every signed resident at least once per calendar quarter (configurable),
 * by phone, message, home or clinic visit. Dates are local dates; a stored
 * UTC timestamp goes through jy_clock_local_date_from_utc_iso() first. */

/* How a contact was made (§8: phone, WeChat, SMS, app/platform message,
 * clinic, home); codes are stored in contact_log.channel. */
typedef enum
{
  JY_CONTACT_CHANNEL_PHONE,
  JY_CONTACT_CHANNEL_WECHAT,
  JY_CONTACT_CHANNEL_SMS,
  JY_CONTACT_CHANNEL_APP,        /* app or platform message */
  JY_CONTACT_CHANNEL_CLINIC,     /* visit at the clinic */
  JY_CONTACT_CHANNEL_HOME,       /* home visit */
  JY_CONTACT_CHANNEL_N
} JyContactChannel;

#define JY_CONTACT_CHANNEL_BIT(channel) (1u << (channel))
#define JY_CONTACT_CHANNELS_ALL ((1u << JY_CONTACT_CHANNEL_N) - 1)

/* Who started it: only contacts the team initiated are proactive. */
typedef enum
{
  JY_CONTACT_BY_TEAM,
  JY_CONTACT_BY_RESIDENT,
} JyContactInitiator;

typedef struct
{
  GDate              date;        /* local date */
  JyContactChannel   channel;
  JyContactInitiator initiator;
} JyContact;

typedef struct
{
  /* Length of the contact period in months, aligned on 1 January:
   * 3 = calendar quarter (default); also 1, 2, 4, 6 or 12. */
  guint    period_months;
  /* Channels that count (JY_CONTACT_CHANNEL_BIT); default all of them:
   * §8 says online and offline contacts all count. */
  guint32  channels;
  /* Whether a period the resident was signed for only part of is owed a
   * contact too. Default FALSE: a period is owed when the resident was
   * signed throughout it, which is the denominator of §2.6's 季度主动联系
   * 完成率 ("residents signed throughout the quarter"). */
  gboolean partial_periods_due;
} JyContactPolicy;

#define JY_CONTACT_POLICY_DEFAULT ((JyContactPolicy) { \
  .period_months = 3, .channels = JY_CONTACT_CHANNELS_ALL, .partial_periods_due = FALSE })

/* Where an obligation of a period stands on a given day (worklists). */
typedef enum
{
  JY_DUE_NONE,       /* not owed (for a contact: not signed throughout) */
  JY_DUE_DONE,       /* met within the period */
  JY_DUE_OPEN,       /* owed by the period end, which is today or later */
  JY_DUE_OVERDUE,    /* the period ended without it */
} JyDueStatus;

const char   *jy_contact_channel_to_string    (JyContactChannel         channel);
gboolean      jy_contact_channel_from_string  (const char              *code,
                                               JyContactChannel        *out);
const char   *jy_contact_channel_get_label    (JyContactChannel         channel);

gboolean      jy_contact_policy_is_valid      (const JyContactPolicy   *policy);
void          jy_contact_period_bounds        (const GDate             *date,
                                               const JyContactPolicy   *policy,
                                               GDate                   *first,
                                               GDate                   *last);
gboolean      jy_contact_counts               (const JyContact         *contact,
                                               const JyContactPolicy   *policy);
gboolean      jy_contact_made_between         (const JyContact         *contacts,
                                               guint                    n_contacts,
                                               const GDate             *first,
                                               const GDate             *last,
                                               const JyContactPolicy   *policy);
gboolean      jy_contact_is_owed              (const JyContractFacts   *contracts,
                                               guint                    n_contracts,
                                               const GDate             *first,
                                               const GDate             *last,
                                               const JyContactPolicy   *policy);
JyDueStatus   jy_contact_check_period         (const JyContractFacts   *contracts,
                                               guint                    n_contracts,
                                               const JyContact         *contacts,
                                               guint                    n_contacts,
                                               const GDate             *in_period,
                                               const GDate             *today,
                                               const JyContactPolicy   *policy,
                                               GDate                   *due_date);

G_END_DECLS
