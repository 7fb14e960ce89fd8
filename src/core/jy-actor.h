/* jy-actor.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "jy-permission.h"

G_BEGIN_DECLS

/* Who is working: the signed-in staff account, the program itself
 * (JY_ROLE_SYSTEM) or nobody (JY_ROLE_NONE, the login screen). Immutable
 * and reference counted, so a queued database job keeps the actor it was
 * queued by while the user signs out or switches account. */
typedef struct _JyActor JyActor;

#define JY_TYPE_ACTOR (jy_actor_get_type ())
GType        jy_actor_get_type     (void) G_GNUC_CONST;

JyActor     *jy_actor_new          (gint64          staff_id,
                                    const char     *uuid,
                                    const char     *login,
                                    const char     *name,
                                    JyRole          role,
                                    gint64          team_id);
/* @uuid: what the audit log records as the author; NULL for "system". */
JyActor     *jy_actor_new_system   (const char     *uuid);
JyActor     *jy_actor_new_nobody   (void);
JyActor     *jy_actor_ref          (JyActor        *self);
void         jy_actor_unref        (JyActor        *self);

/* 0 for the system and nobody. */
gint64       jy_actor_get_staff_id (const JyActor  *self);
/* The staff uuid recorded as author of changes; "system" or "nobody". */
const char  *jy_actor_get_uuid     (const JyActor  *self);
const char  *jy_actor_get_login    (const JyActor  *self);
/* The person's name, for the screen only: never log it. */
const char  *jy_actor_get_name     (const JyActor  *self);
JyRole       jy_actor_get_role     (const JyActor  *self);
gint64       jy_actor_get_team_id  (const JyActor  *self);

gboolean     jy_actor_can          (const JyActor  *self,
                                    JyPermission    permission);
gboolean     jy_actor_equal        (const JyActor  *a,
                                    const JyActor  *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyActor, jy_actor_unref)

G_END_DECLS
