/* jy-window-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-accounts-page.h"
#include "jy-audit-page.h"
#include "jy-contracts-page.h"
#include "jy-followup-drafts.h"
#include "jy-followups-page.h"
#include "jy-home-beds-page.h"
#include "jy-long-rx-page.h"
#include "jy-login-view.h"
#include "jy-reports-page.h"
#include "jy-residents-page.h"
#include "jy-sync-page.h"
#include "jy-window.h"

G_BEGIN_DECLS

/* Shared by jy-window.c (pages, search, layout) and jy-window-session.c
 * (signing in and out, the lock screen, idle auto-lock, role limits). */
struct _JyWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  JyStore              *store;
  gboolean              demo;
  /* The pages get the store only once someone has signed in. */
  gboolean              pages_have_store;
  gboolean              locked;
  /* Whose lock screen it is (staff id); 0 after a sign-out. */
  gint64                lock_owner;
  gint64                last_activity;
  guint                 idle_check_id;
  GPtrArray            *hidden_windows;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *lock_stack;
  JyLoginView          *login_view;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListBox           *sidebar_list;
  GtkWidget            *accounts_row;
  GtkWidget            *audit_row;
  GtkMenuButton        *account_button;
  GtkLabel             *account_name_label;
  GtkLabel             *account_role_label;
  GtkMenuButton        *demo_switch_button;
  GtkMenuButton        *primary_menu_button;
  GtkWidget            *content;
  GtkStack             *stack;
  GtkSearchEntry       *search_entry;
  GtkLabel             *demo_label;
  JyTodayPage          *today_page;
  JyResidentsPage      *residents_page;
  JySyncPage           *sync_page;
  JyFollowupsPage      *followups_page;
  JyReportsPage        *reports_page;
  JyHomeBedsPage       *home_beds_page;
  JyContractsPage      *contracts_page;
  JyLongRxPage         *long_rx_page;
  JyFollowupDrafts     *drafts;          /* unsaved follow-up forms, per resident */
  JyAccountsPage       *accounts_page;
  JyAuditPage          *audit_page;
};

void jy_window_session_class_init (GtkWidgetClass *widget_class);
void jy_window_session_init       (JyWindow       *self);
void jy_window_session_dispose    (JyWindow       *self);
/* After the store is set: the app for a signed-in session, else sign-in. */
void jy_window_session_start      (JyWindow       *self);

G_END_DECLS
