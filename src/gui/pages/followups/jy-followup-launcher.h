/* jy-followup-launcher.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jy-followup-drafts.h"
#include "jy-store.h"

G_BEGIN_DECLS

/* Called on the main thread once a follow-up was saved (the records are
 * in the store, outbox and audit included). */
typedef void (*JyFollowupSavedFunc) (gint64   resident_id,
                                     gpointer user_data);

/* Opens the follow-up form for @resident_id: what it starts from (the
 * resident, each managed programme's previous visit for the rules and
 * latest visit to carry drugs from) is read off the main thread; saving
 * writes one visit (one record per disease) through the store's writer.
 * A resident managed in neither programme gets a message instead.
 * @author_id/@author_role: who records it; 0/NULL = the responsible
 * doctor of the enrolment (until staff sign in). */
void jy_followup_launch (GtkWindow           *parent,
                         JyStore             *store,
                         JyFollowupDrafts    *drafts,
                         gint64               resident_id,
                         gint64               author_id,
                         const char          *author_role,
                         JyFollowupSavedFunc  saved,
                         gpointer             user_data);

G_END_DECLS
