/* jy-person.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Age in full years (周岁) on @reference; someone born on 29 Feb has the
 * birthday on 1 Mar in other years (domain.md conventions). */
int       jy_person_age_on          (const GDate *birth,
                                     const GDate *reference);
gboolean  jy_person_parse_date      (const char  *iso,
                                     GDate       *out);
char     *jy_person_mask_id_number  (const char  *id_number);
void      jy_person_latest_birth_for_age (const GDate *reference,
                                          int          age,
                                          GDate       *out);

G_END_DECLS
