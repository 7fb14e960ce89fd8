/* jy-chronic-section.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-followup.h"
#include "jy-resident.h"
#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_CHRONIC_SECTION (jy_chronic_section_get_type ())
G_DECLARE_FINAL_TYPE (JyChronicSection, jy_chronic_section, JY, CHRONIC_SECTION, AdwBin)

/* Hypertension and diabetes care on a resident's page: per programme the
 * enrolment, what is due, BP / glucose charts with target bands and the
 * latest visits, and the actions (follow up, print the national record,
 * non-drug prescription, end management); "Enrol" for a programme the
 * resident is not managed in.
 *
 * Signals: "follow-up" (gint64 resident id) asks the window to open the
 * follow-up form; "enrol" (gint64 resident id) the enrolment dialog;
 * "changed" after something was saved here. */
void        jy_chronic_section_show    (JyChronicSection *self,
                                        JyStore          *store,
                                        const JyResident *resident);
void        jy_chronic_section_reload  (JyChronicSection *self);
/* Programmes the resident is managed in now (JyProgramme flags). */
guint       jy_chronic_section_get_managed (JyChronicSection *self);
gboolean    jy_chronic_section_is_loaded   (JyChronicSection *self);

G_END_DECLS
