/* jy-home-bed-section.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_HOME_BED_SECTION (jy_home_bed_section_get_type ())
G_DECLARE_FINAL_TYPE (JyHomeBedSection, jy_home_bed_section, JY, HOME_BED_SECTION, AdwBin)

/* Home beds on a resident's page: the current bed (or application or
 * assessment) and the next step: apply, assess, establish, log a round,
 * renew after re-assessment, discharge, print the agreement and the
 * record. Shown to roles that may see home beds. Emits "changed" once
 * something saved here is shown. */
void  jy_home_bed_section_show   (JyHomeBedSection *self,
                                  JyStore          *store,
                                  gint64            resident_id);
void  jy_home_bed_section_reload (JyHomeBedSection *self);

G_END_DECLS
