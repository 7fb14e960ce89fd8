/* jy-long-rx-rules.c — eligibility, instalments, proxy collection, review
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-long-rx.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jy-clock.h"
#include "jy-idcard.h"
#include "jy-person.h"
#include "jy-phone.h"

static gboolean
parse (const char *iso,
       GDate      *out)
{
  return iso != NULL && jy_person_parse_date (iso, out);
}

static char *
add_days (const char *iso,
          int         days)
{
  GDate date;

  if (!parse (iso, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return jy_clock_format_date (&date);
}

/* Days from @a to @b (b − a); G_MININT when either is not a date. */
static int
days_between (const char *a,
              const char *b)
{
  GDate da, db;

  if (!parse (a, &da) || !parse (b, &db))
    return G_MININT;
  return g_date_days_between (&da, &db);
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

/* ---- Eligibility ---- */

void
jy_long_rx_eligibility_facts_init (JyLongRxEligibilityFacts *facts)
{
  memset (facts, 0, sizeof *facts);
}

static const char *
programme_name (JyProgramme programme)
{
  return programme == JY_PROGRAMME_T2DM ? _("type 2 diabetes") : _("hypertension");
}

static void
check_disease (GPtrArray                   *reasons,
               const JyLongRxFollowupFacts *f,
               const char                  *today,
               const JyLongRxConfig        *config)
{
  const char *disease = programme_name (f->programme);
  int since;

  if (f->visit_date == NULL)
    {
      /* Translators: %s is a disease, e.g. "hypertension" */
      g_ptr_array_add (reasons,
                       g_strdup_printf (_("No %s follow-up is recorded yet, so stability cannot be judged."),
                                        disease));
      return;
    }
  if (f->classification != JY_FOLLOWUP_CLASS_CONTROLLED)
    g_ptr_array_add (reasons,
                     /* Translators: %1$s disease, %2$s date, %3$s a classification such as "Uncontrolled" */
                     g_strdup_printf (_("The latest %1$s follow-up (%2$s) was classified “%3$s”: the condition is not stable."),
                                      disease, f->visit_date,
                                      _(jy_followup_class_label (f->classification))));
  if (f->danger != 0)
    g_ptr_array_add (reasons,
                     g_strdup_printf (_("The latest %1$s follow-up (%2$s) found a danger sign."),
                                      disease, f->visit_date));
  if (f->adherence == 2 || f->adherence == 3)
    g_ptr_array_add (reasons,
                     g_strdup_printf (_("Adherence at the latest %1$s follow-up (%2$s) was not regular."),
                                      disease, f->visit_date));

  since = days_between (f->face_to_face_date, today);
  if (f->face_to_face_date == NULL || since == G_MININT || since > config->review_window_days)
    g_ptr_array_add (reasons,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "No face-to-face %1$s assessment in the last %2$d week.",
                                                   "No face-to-face %1$s assessment in the last %2$d weeks.",
                                                   config->review_window_days / 7),
                                      disease, config->review_window_days / 7));
}

GPtrArray *
jy_long_rx_eligibility (const JyLongRxEligibilityFacts *facts,
                        const JyLongRxConfig           *config)
{
  GPtrArray *reasons = g_ptr_array_new_with_free_func (g_free);

  if (facts->record_closed)
    g_ptr_array_add (reasons, g_strdup (_("The resident's record is closed (moved out or died).")));
  if (facts->enrolled == JY_PROGRAMME_NONE)
    g_ptr_array_add (reasons,
                     g_strdup (_("The resident is not enrolled in hypertension or diabetes management.")));
  else if ((facts->diagnosed & facts->enrolled) == JY_PROGRAMME_NONE)
    g_ptr_array_add (reasons, g_strdup (_("The diagnosis is not confirmed.")));
  if (!facts->contract_active)
    g_ptr_array_add (reasons, g_strdup (_("The resident has no family-doctor contract in force.")));

  for (guint i = 0; i < G_N_ELEMENTS (facts->latest); i++)
    {
      const JyLongRxFollowupFacts *f = &facts->latest[i];

      if (f->programme == JY_PROGRAMME_NONE || (facts->enrolled & f->programme) == 0)
        continue;
      check_disease (reasons, f, facts->today, config);
    }
  return reasons;
}

/* ---- Instalments ---- */

GArray *
jy_long_rx_schedule (const char *issue_date,
                     int         total_days,
                     int         days_per_dispense,
                     int         release_lead_days)
{
  GArray *schedule = g_array_new (FALSE, TRUE, sizeof (JyLongRxInstalment));
  int offset = 0;

  if (total_days <= 0 || days_per_dispense <= 0)
    return schedule;

  for (int n = 1; offset < total_days; n++)
    {
      JyLongRxInstalment inst = { 0 };
      g_autofree char *due = add_days (issue_date, offset);
      g_autofree char *release = NULL;

      if (due == NULL)
        break;
      /* Never handed out before the prescription is issued. */
      release = add_days (issue_date, MAX (0, offset - release_lead_days));
      inst.number = n;
      g_strlcpy (inst.due_date, due, sizeof inst.due_date);
      g_strlcpy (inst.release_date, release, sizeof inst.release_date);
      inst.days = MIN (days_per_dispense, total_days - offset);
      g_array_append_val (schedule, inst);
      offset += inst.days;
    }
  return schedule;
}

int
jy_long_rx_item_instalment_packs (const JyLongRxItem *item,
                                  int                 days)
{
  return jy_long_rx_quantity_packs (item->dose, item->frequency, MIN (days, item->days),
                                    item->pack_size);
}

char *
jy_long_rx_next_release_date (const char *previous_date,
                              int         previous_days,
                              int         release_lead_days)
{
  return add_days (previous_date, MAX (0, previous_days - release_lead_days));
}

/* ---- Proxy collection ---- */

static void
problem (GPtrArray  *problems,
         const char *field,
         char       *message)
{
  JyLongRxProblem *p = g_new0 (JyLongRxProblem, 1);

  p->field = field;
  p->item = -1;
  p->message = message;
  g_ptr_array_add (problems, p);
}

static char *
idcard_message (JyIdcardStatus status)
{
  switch (status)
    {
    case JY_IDCARD_ERR_FORMAT:
      return g_strdup (_("The proxy's ID number must be 17 digits and a digit or X."));
    case JY_IDCARD_ERR_AREA:
      return g_strdup (_("The proxy's ID number starts with an unknown province code."));
    case JY_IDCARD_ERR_BIRTH:
      return g_strdup (_("The proxy's ID number holds an impossible date of birth."));
    case JY_IDCARD_ERR_CHECK:
      return g_strdup (_("The proxy's ID number has a wrong check character."));
    case JY_IDCARD_ERR_LEGACY:
      return g_strdup (_("The proxy's ID number is an old 15-digit number: ask for the current ID card."));
    case JY_IDCARD_OK:
    default:
      return NULL;
    }
}

GPtrArray *
jy_long_rx_proxy_check (const JyLongRxProxyFacts *facts,
                        const JyLongRxConfig     *config)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_long_rx_problem_free);
  GDate today;
  gboolean have_today = parse (facts->today, &today);
  int auth_age;

  if (!facts->contract_active)
    problem (problems, "patient",
             g_strdup (_("Only signed residents may have their drugs collected by a proxy.")));
  if (facts->age < config->elderly_age && !facts->disabled && !facts->bedridden)
    problem (problems, "patient",
             g_strdup_printf (_("Proxy collection is for patients aged %d or over, disabled or bedridden."),
                              config->elderly_age));

  auth_age = days_between (facts->authorisation_date, facts->today);
  if (blank (facts->authorisation_date) || auth_age == G_MININT)
    problem (problems, "authorisation",
             g_strdup (_("Record the date of the patient's written authorisation.")));
  else if (auth_age < 0)
    problem (problems, "authorisation", g_strdup (_("The authorisation date is in the future.")));
  else if (auth_age >= config->authorisation_days)
    problem (problems, "authorisation",
             g_strdup (_("The authorisation is more than a year old: it must be renewed.")));

  if (!facts->repeat_of_current)
    problem (problems, "repeat",
             g_strdup (_("A proxy may only collect a repeat of the current prescription, not a new drug or a dose change.")));

  if (blank (facts->proxy_name))
    problem (problems, "proxy-name", g_strdup (_("Enter the proxy's name.")));
  if (blank (facts->proxy_relation))
    problem (problems, "proxy-relation", g_strdup (_("Enter the proxy's relation to the patient.")));

  if (blank (facts->proxy_id_number))
    problem (problems, "proxy-id", g_strdup (_("Enter the proxy's ID number.")));
  else
    {
      g_autofree char *id = jy_idcard_normalize (facts->proxy_id_number);
      JyIdcardStatus status = id != NULL && have_today
                                ? jy_idcard_validate (id, &today)
                                : JY_IDCARD_ERR_FORMAT;
      GDate birth;

      if (status != JY_IDCARD_OK)
        problem (problems, "proxy-id", idcard_message (status));
      else if (facts->patient_id_number != NULL
               && g_ascii_strcasecmp (id, facts->patient_id_number) == 0)
        problem (problems, "proxy-id", g_strdup (_("The proxy cannot be the patient.")));
      else if (jy_idcard_get_birth_date (id, &birth) && jy_person_age_on (&birth, &today) < 18)
        problem (problems, "proxy-id", g_strdup (_("The proxy must be an adult (18 or over).")));
    }

  if (!blank (facts->proxy_phone))
    {
      g_autofree char *phone = jy_phone_normalize (facts->proxy_phone);

      if (phone == NULL || jy_phone_classify (phone) == JY_PHONE_INVALID)
        problem (problems, "proxy-phone", g_strdup (_("Not a valid phone number.")));
    }
  else
    problem (problems, "proxy-phone", g_strdup (_("Enter the proxy's phone number.")));

  return problems;
}

/* ---- Review, renewal, stop ---- */

gboolean
jy_long_rx_review_due (const JyLongRx *rx,
                       const char     *today)
{
  int d;

  if (rx->state != JY_LONG_RX_STATE_ACTIVE || rx->review_date == NULL)
    return FALSE;
  d = days_between (rx->review_date, today);
  return d != G_MININT && d >= 0;
}

gboolean
jy_long_rx_expiring (const JyLongRx       *rx,
                     const char           *today,
                     const JyLongRxConfig *config)
{
  g_autofree char *end = NULL;
  int d;

  if (rx->state != JY_LONG_RX_STATE_ACTIVE)
    return FALSE;
  end = jy_long_rx_end_date (rx);
  d = days_between (today, end);
  return d != G_MININT && d >= 0 && d <= config->expiring_days;
}

GPtrArray *
jy_long_rx_renewal_check (const JyLongRx       *rx,
                          const char           *today,
                          const char           *last_face_to_face,
                          const JyLongRxConfig *config)
{
  GPtrArray *reasons = g_ptr_array_new_with_free_func (g_free);
  int since;

  if (rx->state == JY_LONG_RX_STATE_STOPPED)
    g_ptr_array_add (reasons, g_strdup (_("A stopped prescription cannot be renewed: issue a new one.")));
  else if (rx->state == JY_LONG_RX_STATE_RENEWED)
    g_ptr_array_add (reasons, g_strdup (_("This prescription has been renewed already.")));

  since = days_between (last_face_to_face, today);
  if (last_face_to_face == NULL || since == G_MININT || since > config->review_window_days)
    g_ptr_array_add (reasons,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Renewal needs a face-to-face assessment within the last %d week.",
                                                   "Renewal needs a face-to-face assessment within the last %d weeks.",
                                                   config->review_window_days / 7),
                                      config->review_window_days / 7));
  return reasons;
}

JyLongRxStopReason
jy_long_rx_stop_reason_for_followup (JyFollowupClass klass,
                                     guint           danger)
{
  if (danger != 0)
    return JY_LONG_RX_STOP_CONDITION_CHANGE;
  switch (klass)
    {
    case JY_FOLLOWUP_CLASS_UNCONTROLLED:
    case JY_FOLLOWUP_CLASS_COMPLICATION:
      return JY_LONG_RX_STOP_CONDITION_CHANGE;
    case JY_FOLLOWUP_CLASS_ADVERSE:
      return JY_LONG_RX_STOP_ADVERSE_REACTION;
    case JY_FOLLOWUP_CLASS_NONE:
    case JY_FOLLOWUP_CLASS_CONTROLLED:
    default:
      return JY_LONG_RX_STOP_NONE;
    }
}

gboolean
jy_long_rx_stop_check (const JyLongRx     *rx,
                       JyLongRxStopReason  reason,
                       const char         *stop_date,
                       const char         *note,
                       char              **message)
{
  int d;

  if (rx->state != JY_LONG_RX_STATE_ACTIVE)
    {
      *message = g_strdup (_("Only a prescription in use can be stopped."));
      return FALSE;
    }
  if (reason == JY_LONG_RX_STOP_NONE || reason >= JY_LONG_RX_STOP_LAST)
    {
      *message = g_strdup (_("Choose why the prescription is stopped."));
      return FALSE;
    }
  d = days_between (rx->issue_date, stop_date);
  if (d == G_MININT || d < 0)
    {
      *message = g_strdup (_("The stop date cannot be before the date of issue."));
      return FALSE;
    }
  if (reason == JY_LONG_RX_STOP_OTHER && blank (note))
    {
      *message = g_strdup (_("Say what the other reason is."));
      return FALSE;
    }
  *message = NULL;
  return TRUE;
}

const char *
jy_long_rx_review_decision_label (JyLongRxReviewDecision d)
{
  switch (d)
    {
    case JY_LONG_RX_REVIEW_CONTINUE:
      return N_("Continue");
    case JY_LONG_RX_REVIEW_ADJUST:
      return N_("Adjust: stop and issue anew");
    case JY_LONG_RX_REVIEW_STOP:
      return N_("Stop");
    case JY_LONG_RX_REVIEW_LAST:
    default:
      return "";
    }
}

char *
jy_long_rx_next_review_date (const JyLongRx       *rx,
                             const char           *review_date,
                             const JyLongRxConfig *config)
{
  g_autofree char *end = jy_long_rx_end_date (rx);
  g_autofree char *next = NULL;

  if (end == NULL || days_between (review_date, end) == G_MININT || days_between (review_date, end) <= 0)
    return NULL;
  next = add_days (review_date, config->normal_days);
  /* At the latest when the supply ends (§4.6). */
  if (days_between (next, end) < 0)
    return g_steal_pointer (&end);
  return g_steal_pointer (&next);
}

gboolean
jy_long_rx_review_check (const JyLongRx         *rx,
                         const char             *review_date,
                         const char             *today,
                         gboolean                stable,
                         JyLongRxReviewDecision  decision,
                         const JyLongRxConfig   *config,
                         char                  **message)
{
  int d;

  *message = NULL;
  if (rx->state != JY_LONG_RX_STATE_ACTIVE)
    {
      *message = g_strdup (_("Only a prescription in use can be reviewed."));
      return FALSE;
    }
  d = days_between (rx->issue_date, review_date);
  if (d == G_MININT || d < 0)
    {
      *message = g_strdup (_("The review date cannot be before the date of issue."));
      return FALSE;
    }
  d = days_between (review_date, today);
  if (d == G_MININT || d < 0)
    {
      *message = g_strdup (_("The review date cannot be in the future."));
      return FALSE;
    }
  if (decision >= JY_LONG_RX_REVIEW_LAST)
    {
      *message = g_strdup (_("Choose what the review decided."));
      return FALSE;
    }
  if (decision == JY_LONG_RX_REVIEW_CONTINUE)
    {
      g_autofree char *next = NULL;

      if (!stable)
        {
          *message = g_strdup (_("The condition is not stable: adjust or stop the prescription (长期处方管理规范 §4.6)."));
          return FALSE;
        }
      if ((next = jy_long_rx_next_review_date (rx, review_date, config)) == NULL)
        {
          *message = g_strdup (_("The supply ends on the review day: renew or stop the prescription."));
          return FALSE;
        }
    }
  return TRUE;
}
