/* jy-actor.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-actor.h"

struct _JyActor
{
  gint64  staff_id;
  char   *uuid;
  char   *login;
  char   *name;
  JyRole  role;
  gint64  team_id;
};

G_DEFINE_BOXED_TYPE (JyActor, jy_actor, jy_actor_ref, jy_actor_unref)

static void
actor_clear (JyActor *self)
{
  g_free (self->uuid);
  g_free (self->login);
  g_free (self->name);
}

JyActor *
jy_actor_new (gint64      staff_id,
              const char *uuid,
              const char *login,
              const char *name,
              JyRole      role,
              gint64      team_id)
{
  JyActor *self;

  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (role < JY_N_ROLES, NULL);

  self = g_atomic_rc_box_new0 (JyActor);
  self->staff_id = staff_id;
  self->uuid = g_strdup (uuid);
  self->login = g_strdup (login);
  self->name = g_strdup (name);
  self->role = role;
  self->team_id = team_id;
  return self;
}

JyActor *
jy_actor_new_system (const char *uuid)
{
  return jy_actor_new (0, uuid != NULL ? uuid : "system", NULL, NULL, JY_ROLE_SYSTEM, 0);
}

JyActor *
jy_actor_new_nobody (void)
{
  return jy_actor_new (0, "nobody", NULL, NULL, JY_ROLE_NONE, 0);
}

JyActor *
jy_actor_ref (JyActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
jy_actor_unref (JyActor *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, (GDestroyNotify)actor_clear);
}

gint64
jy_actor_get_staff_id (const JyActor *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->staff_id;
}

const char *
jy_actor_get_uuid (const JyActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->uuid;
}

const char *
jy_actor_get_login (const JyActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->login;
}

const char *
jy_actor_get_name (const JyActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

JyRole
jy_actor_get_role (const JyActor *self)
{
  g_return_val_if_fail (self != NULL, JY_ROLE_NONE);
  return self->role;
}

gint64
jy_actor_get_team_id (const JyActor *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->team_id;
}

gboolean
jy_actor_can (const JyActor *self,
              JyPermission   permission)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return jy_permission_role_can (self->role, permission);
}

gboolean
jy_actor_equal (const JyActor *a,
                const JyActor *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return a->staff_id == b->staff_id && a->role == b->role && a->team_id == b->team_id &&
         g_strcmp0 (a->uuid, b->uuid) == 0;
}
