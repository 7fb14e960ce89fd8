/* jy-home-beds-page.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-store.h"

G_BEGIN_DECLS

#define JY_TYPE_HOME_BEDS_PAGE (jy_home_beds_page_get_type ())
G_DECLARE_FINAL_TYPE (JyHomeBedsPage, jy_home_beds_page, JY, HOME_BEDS_PAGE, AdwBin)

/* Home beds (domain.md §5): today's rounds for the signed-in nurse or
 * doctor (due today and overdue, grouped by community and building, with
 * a printable route list) and the census of open beds. Each bed due has a
 * "Log Round" button opening the round form. Emits "open-resident"
 * (gint64) when a row is activated. Loads asynchronously. */
void   jy_home_beds_page_set_store       (JyHomeBedsPage *self,
                                          JyStore        *store);
void   jy_home_beds_page_reload          (JyHomeBedsPage *self);
/* Rows shown now (tests): beds due a round, open beds. */
guint  jy_home_beds_page_get_n_due       (JyHomeBedsPage *self);
guint  jy_home_beds_page_get_n_open      (JyHomeBedsPage *self);
/* Opens the round form for the @index-th bed due (tests, keyboard). */
void   jy_home_beds_page_log_round       (JyHomeBedsPage *self,
                                          guint           index);

G_END_DECLS
