/* jy-chronic-section-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-chronic-section.h"
#include "jy-chronic-store.h"
#include "jy-db.h"

G_BEGIN_DECLS

/* One managed programme as the section shows it. */
typedef struct
{
  JyEnrolment      *enrolment;
  JyEnrolmentState *state;
  GPtrArray        *followups;   /* JyFollowup with drugs, newest first */
  GArray           *chart;       /* JyFollowupChartPoint, oldest first */
  char             *doctor_name;
} JyProgrammeData;

typedef struct
{
  GPtrArray *programmes;         /* JyProgrammeData, managed ones */
  GPtrArray *ended;              /* JyEnrolment whose management ended */
  guint      managed;            /* JyProgramme flags */
} JyChronicData;

void              jy_chronic_data_free (JyChronicData *data);
/* JyStoreFunc: @data is a gint64 * resident id; returns a JyChronicData. */
gpointer          jy_chronic_data_load (JyDb          *db,
                                        gpointer       data,
                                        GCancellable  *cancellable,
                                        GError       **error);

JyProgrammeData  *jy_chronic_section_find          (JyChronicSection *self,
                                                    const char       *programme_code);
JyStore          *jy_chronic_section_get_store     (JyChronicSection *self);
const JyResident *jy_chronic_section_get_resident  (JyChronicSection *self);
void              jy_chronic_section_emit_changed  (JyChronicSection *self);
const char       *jy_chronic_end_reason_label      (const char       *reason);

/* Actions in jy-chronic-section-actions.c; parameter: programme code. */
void jy_chronic_section_print_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter);
void jy_chronic_section_rx_action    (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter);
void jy_chronic_section_end_action   (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyChronicData, jy_chronic_data_free)

G_END_DECLS
