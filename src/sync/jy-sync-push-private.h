/* jy-sync-push-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-sync-engine-private.h"

G_BEGIN_DECLS

typedef struct
{
  char   *entity;
  char   *row_uuid;
  gint64  max_id;
} OutboxRef;

typedef enum
{
  OUTCOME_NONE,
  OUTCOME_DONE,
  OUTCOME_REJECTED,
  OUTCOME_DEFERRED,
  OUTCOME_CONFLICT,
  /* The platform holds our own earlier write: take its version, send again. */
  OUTCOME_REBASED,
} Outcome;

typedef struct
{
  const JyFhirCodec *codec;
  char              *uuid;
  gint64             first_id;
  gint64             attempts;
  GPtrArray         *refs;           /* OutboxRef */
  /* Filled by the load job. */
  char              *remote_version;
  char              *remote_id;
  JsonNode          *resource;
  char              *digest;         /* of resource, logged before sending */
  gboolean           gone;
  /* Filled from the response. */
  Outcome            outcome;
  char              *version;
  char              *assigned_id;
  char              *reason;
  char              *theirs;
  char              *theirs_digest;
} PushItem;

/* jy-sync-push-bundle.c: the batch Bundle out, the outcomes back. */
JsonNode *jy_sync_push_build_bundle   (JySyncRun  *run,
                                       GPtrArray  *items,
                                       guint       first,
                                       guint       n);
gboolean  jy_sync_push_read_outcomes  (JySyncRun  *run,
                                       GPtrArray  *items,
                                       guint       first,
                                       guint       n,
                                       JsonNode   *response,
                                       GError    **error);

G_END_DECLS
