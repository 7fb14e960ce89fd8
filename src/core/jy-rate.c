/* jy-rate.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-rate.h"

/* The largest numerator whose 2000-fold still fits a gint64. Counts of
 * residents or contracts are nowhere near it. */
#define MAX_NUMERATOR (G_MAXINT64 / 2000)

/* The percentage in tenths (66.7 % → 667), rounded half up on the exact
 * fraction: 1/16 = 6.25 % → 63, not the 62 a binary double might give.
 * Returns FALSE, leaving @tenths_of_percent alone, when the denominator is
 * 0: there is no rate to show. Computed in integers, so no double ever
 * rounds 0.0625 the wrong way. */
gboolean
jy_rate_get_tenths (const JyRate *rate,
                    gint64       *tenths_of_percent)
{
  g_return_val_if_fail (rate != NULL, FALSE);
  g_return_val_if_fail (tenths_of_percent != NULL, FALSE);
  g_return_val_if_fail (rate->numerator >= 0 && rate->numerator <= MAX_NUMERATOR, FALSE);
  g_return_val_if_fail (rate->denominator >= 0, FALSE);

  if (rate->denominator == 0)
    return FALSE;

  /* floor (1000 n / d + 1/2) = floor ((2000 n + d) / 2d). The sum can
   * overflow only when d is huge; then split the quotient first. */
  if (rate->denominator <= (G_MAXINT64 - 2000 * rate->numerator) / 2)
    {
      *tenths_of_percent = (2000 * rate->numerator + rate->denominator) / (2 * rate->denominator);
    }
  else
    {
      gint64 whole = (1000 * rate->numerator) / rate->denominator;
      gint64 rest = (1000 * rate->numerator) % rate->denominator;

      *tenths_of_percent = whole + (rest >= rate->denominator - rest ? 1 : 0);
    }
  return TRUE;
}

/* "66.7%", one decimal, rounded half up (domain.md conventions; §6.2
 * prints rates as `85.3%`); "—" (U+2014) when the denominator is 0. The
 * decimal point is always '.', whatever the locale. Free with g_free(). */
char *
jy_rate_format (const JyRate *rate)
{
  gint64 tenths;

  g_return_val_if_fail (rate != NULL, NULL);

  if (!jy_rate_get_tenths (rate, &tenths))
    return g_strdup ("—");
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%d%%", tenths / 10, (int)(tenths % 10));
}

char *
jy_rate_format_counts (gint64 numerator,
                       gint64 denominator)
{
  JyRate rate = { numerator, denominator };

  return jy_rate_format (&rate);
}

/* Adds numerator to numerator and denominator to denominator: the rate of
 * a total over disjoint rows, never the mean of the rows' percentages.
 * Where one resident can sit in two rows (§6.1: a total row is distinct
 * residents), count the total on its own instead. */
void
jy_rate_add (JyRate       *sum,
             const JyRate *rate)
{
  g_return_if_fail (sum != NULL && rate != NULL);

  sum->numerator += rate->numerator;
  sum->denominator += rate->denominator;
}
