/* jy-clock.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-clock.h"

/* Returns the centre's zone (borrowed, lives for the process). The
 * workstation's own TZ is not trusted: a laptop set to UTC must still
 * close the quarter at midnight in Beijing. */
GTimeZone *
jy_clock_get_local_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    {
      GTimeZone *tz = g_time_zone_new_identifier ("Asia/Shanghai");

      /* Without tzdata, a fixed offset is exact: China has had no DST since 1991. */
      if (tz == NULL)
        tz = g_time_zone_new_identifier ("+08:00");
      g_once_init_leave (&zone, tz);
    }

  return zone;
}

char *
jy_clock_now_utc_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

GDate *
jy_clock_today_local (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (jy_clock_get_local_zone ());

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

/* ISO 8601 date, the form used in the database and in forms. */
char *
jy_clock_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/* The centre's calendar date of a stored timestamp: 2026-03-31T17:30:00Z
 * is 2026-04-01 in Beijing, so a contact logged then belongs to Q2. A
 * timestamp without an offset is taken as UTC, as the database stores
 * them. Returns FALSE and clears @out if @utc_iso is not ISO 8601. */
gboolean
jy_clock_local_date_from_utc_iso (const char *utc_iso,
                                  GDate      *out)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) stamp = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  if (utc_iso == NULL || (stamp = g_date_time_new_from_iso8601 (utc_iso, utc)) == NULL)
    return FALSE;

  local = g_date_time_to_timezone (stamp, jy_clock_get_local_zone ());
  g_date_set_dmy (out,
                  (GDateDay)g_date_time_get_day_of_month (local),
                  (GDateMonth)g_date_time_get_month (local),
                  (GDateYear)g_date_time_get_year (local));
  return TRUE;
}
