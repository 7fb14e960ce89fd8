/* jy-login-view.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jy-password-policy.h"
#include "jy-store.h"

G_BEGIN_DECLS

/* What the window shows instead of the centre's records: the first run
 * (create the administrator), signing in, the lock screen (the same
 * person's password, or someone else), and choosing one's own password
 * after an administrator's reset. Emits "signed-in" with the JyActor once
 * someone has; the window then sets the store's session. */

#define JY_TYPE_LOGIN_VIEW (jy_login_view_get_type ())
G_DECLARE_FINAL_TYPE (JyLoginView, jy_login_view, JY, LOGIN_VIEW, AdwBin)

JyLoginView *jy_login_view_new         (void);
/* Loads what the start needs and shows the first run or sign-in. */
void         jy_login_view_set_store   (JyLoginView *self,
                                        JyStore     *store,
                                        GSettings   *settings);
void         jy_login_view_sign_in     (JyLoginView *self);
/* The lock screen for @actor: their password unlocks. */
void         jy_login_view_lock        (JyLoginView *self,
                                        JyActor     *actor);
/* "loading", "first-run", "sign-in", "unlock" or "change" (for tests). */
const char  *jy_login_view_get_mode    (JyLoginView *self);

/* The lockout policy the centre set in GSettings. */
void         jy_gui_password_policy    (GSettings        *settings,
                                        JyPasswordPolicy *policy);

G_END_DECLS
