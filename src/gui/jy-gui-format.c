/* jy-gui-format.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-gui-format.h"

#include <glib/gi18n.h>

#include "jy-cli.h"
#include "jy-clock.h"
#include "jy-key-population.h"
#include "jy-person.h"
#include "jy-store-error.h"

/* GB/T 2261.1 */
const char *
jy_gui_format_sex (const char *code)
{
  if (g_strcmp0 (code, "1") == 0)
    return C_("sex", "Male");
  if (g_strcmp0 (code, "2") == 0)
    return C_("sex", "Female");
  if (g_strcmp0 (code, "9") == 0)
    return C_("sex", "Unstated");
  return C_("sex", "Unknown");
}

/* Age in full years, as Chinese forms write it: 76岁. */
char *
jy_gui_format_age (const char  *birth_date,
                   const GDate *today)
{
  GDate birth;
  int years;

  if (!jy_person_parse_date (birth_date, &birth))
    return g_strdup ("");
  years = jy_person_age_on (&birth, today);
  /* Translators: an age in full years; in Chinese "%d岁" */
  return g_strdup_printf (ngettext ("%d year", "%d years", years), years);
}

char *
jy_gui_format_sex_age (const char  *sex,
                       const char  *birth_date,
                       const GDate *today)
{
  g_autofree char *age = jy_gui_format_age (birth_date, today);

  /* Translators: %1$s is the sex, %2$s the age, %3$s the birth date */
  return g_strdup_printf (_("%1$s · %2$s · born %3$s"), jy_gui_format_sex (sex), age,
                          birth_date != NULL ? birth_date : "");
}

/* Returns: (nullable): a label for a retired record, NULL while active. */
const char *
jy_gui_format_status (const char *status)
{
  if (g_strcmp0 (status, "moved-out") == 0)
    return _("Moved out");
  if (g_strcmp0 (status, "dead") == 0)
    return _("Deceased");
  if (g_strcmp0 (status, "lost") == 0)
    return _("Lost to follow-up");
  if (g_strcmp0 (status, "voided") == 0)
    return _("Voided");
  return NULL;
}

/* A stored UTC timestamp, shown in the centre's time: 2026-11-23 14:05. */
char *
jy_gui_format_timestamp (const char *utc_iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc_iso == NULL || (utc = g_date_time_new_from_iso8601 (utc_iso, NULL)) == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (utc, jy_clock_get_local_zone ());
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

const char *
jy_gui_format_field_label (const char *column)
{
  static const struct { const char *column; const char *label; } labels[] = {
    { "name", N_("name") },
    { "sex", N_("sex") },
    { "birth_date", N_("birth date") },
    { "id_number", N_("ID number") },
    { "id_number_original", N_("original ID number") },
    { "phone", N_("phone") },
    { "contact_name", N_("contact person") },
    { "contact_phone", N_("contact phone") },
    { "area_code", N_("community") },
    { "address_detail", N_("address") },
    { "registered_address", N_("registered address") },
    { "residence_type", N_("residence type") },
    { "ethnicity", N_("ethnicity") },
    { "insurance", N_("medical insurance") },
    { "household_id", N_("household") },
    { "relation_to_head", N_("relation to head of household") },
    { "status", N_("record status") },
    { "status_date", N_("status date") },
    { "status_reason", N_("status reason") },
    { "archive_no", N_("health record number") },
    { "team_id", N_("family-doctor team") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].column, column) == 0)
      return _(labels[i].label);
  return column;
}

char *
jy_gui_format_store_error (const GError *error)
{
  if (error->domain == JY_STORE_ERROR)
    {
      switch ((JyStoreError)error->code)
        {
        case JY_STORE_ERROR_DUPLICATE:
          return g_strdup (_("Not saved: another resident already has this ID number"));
        case JY_STORE_ERROR_CONFLICT:
          return g_strdup (_("Not saved: someone else changed this record meanwhile. Reopen it and try again."));
        case JY_STORE_ERROR_INVALID:
          return g_strdup (_("Not saved: some fields break the registry rules"));
        case JY_STORE_ERROR_DISK_FULL:
          return g_strdup (_("Not saved: the disk is full"));
        default:
          break;
        }
    }
  return jy_cli_describe_store_error (error);
}

/* Short labels for the pills on a resident's page and in lists. */
const char *
jy_gui_format_key_population (guint tag)
{
  switch ((JyKeyPopulation)tag)
    {
    case JY_KEY_POPULATION_ELDERLY: return _("65+");
    case JY_KEY_POPULATION_CHILD: return _("Child 0–6");
    case JY_KEY_POPULATION_PREGNANT: return _("Pregnant or postpartum");
    case JY_KEY_POPULATION_HYPERTENSION: return _("Hypertension");
    case JY_KEY_POPULATION_DIABETES: return _("Type 2 diabetes");
    case JY_KEY_POPULATION_MENTAL: return _("Severe mental disorder");
    case JY_KEY_POPULATION_TUBERCULOSIS: return _("Tuberculosis");
    case JY_KEY_POPULATION_DISABLED: return _("Disabled");
    case JY_KEY_POPULATION_FAMILY_PLANNING: return _("Family-planning special family");
    case JY_KEY_POPULATION_LOW_INCOME: return _("Low income");
    case JY_KEY_POPULATION_N:
    default: return "";
    }
}

/* The residents list's tags column: a few characters each, so that two or
 * three fit in it. */
static const char *
key_population_short (guint tag)
{
  switch ((JyKeyPopulation)tag)
    {
    case JY_KEY_POPULATION_ELDERLY: return C_("key population, short", "65+");
    case JY_KEY_POPULATION_CHILD: return C_("key population, short", "Child");
    case JY_KEY_POPULATION_PREGNANT: return C_("key population, short", "Maternal");
    case JY_KEY_POPULATION_HYPERTENSION: return C_("key population, short", "HTN");
    case JY_KEY_POPULATION_DIABETES: return C_("key population, short", "T2DM");
    case JY_KEY_POPULATION_MENTAL: return C_("key population, short", "SMD");
    case JY_KEY_POPULATION_TUBERCULOSIS: return C_("key population, short", "TB");
    case JY_KEY_POPULATION_DISABLED: return C_("key population, short", "Disabled");
    case JY_KEY_POPULATION_FAMILY_PLANNING: return C_("key population, short", "FP family");
    case JY_KEY_POPULATION_LOW_INCOME: return C_("key population, short", "Low income");
    case JY_KEY_POPULATION_N:
    default: return "";
    }
}

/* The tags of @populations (JY_KEY_POPULATION_BIT set) in short, in the
 * enum's order; "" for none. */
char *
jy_gui_format_key_populations_short (guint32 populations)
{
  GString *text = g_string_new (NULL);

  for (guint tag = 0; tag < JY_KEY_POPULATION_N; tag++)
    {
      if ((populations & JY_KEY_POPULATION_BIT (tag)) == 0)
        continue;
      if (text->len > 0)
        /* Translators: between two key-population tags in a list row */
        g_string_append (text, C_("key population, separator", " · "));
      g_string_append (text, key_population_short (tag));
    }
  return g_string_free (text, FALSE);
}
