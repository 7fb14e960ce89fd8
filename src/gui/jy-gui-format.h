/* jy-gui-format.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How records read on screen, in the user's language. */
const char *jy_gui_format_sex             (const char   *code);
char       *jy_gui_format_sex_age         (const char   *sex,
                                           const char   *birth_date,
                                           const GDate  *today);
char       *jy_gui_format_age             (const char   *birth_date,
                                           const GDate  *today);
const char *jy_gui_format_status          (const char   *status);
char       *jy_gui_format_timestamp       (const char   *utc_iso);
const char *jy_gui_format_field_label     (const char   *column);
char       *jy_gui_format_store_error     (const GError *error);
const char *jy_gui_format_key_population  (guint         tag);
char       *jy_gui_format_key_populations_short (guint32 populations);

G_END_DECLS
