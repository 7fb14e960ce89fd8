/* jy-sync-merge.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "jy-db.h"

G_BEGIN_DECLS

/* Field by field comparison of two versions of one FHIR resource (mine and
 * theirs in the conflict inbox), and the merge the user composes from
 * them. Pure JSON; works for every codec. A field is a top-level member
 * of the resource, except that extensions are one field per url (a
 * Patient's sex code, ethnicity, key-population tags … are chosen apart).
 * resourceType, id, meta and text are not fields. */
typedef struct
{
  char     *key;       /* "name", "telecom", "extension:{url}" */
  JsonNode *mine;      /* the member's value; an array for extensions; NULL: absent */
  JsonNode *theirs;
  gboolean  differs;
} JySyncField;

void        jy_sync_field_free        (JySyncField *field);

/* Mine's order, then fields only theirs has. NULL with an error when
 * either is not a JSON object. */
GPtrArray  *jy_sync_fields_compare    (const char          *mine,
                                       const char          *theirs,
                                       GError             **error);

/* Theirs, with the fields named in @take_mine (NULL-terminated keys)
 * replaced by (or, where mine lacks them, removed like) mine's. */
char       *jy_sync_fields_merge      (const char          *mine,
                                       const char          *theirs,
                                       const char * const  *take_mine,
                                       GError             **error);

/* A write job resolving one conflict (the GUI's): the guard, then
 * jy_sync_conflict_resolve. */
typedef struct
{
  gint64  conflict_id;
  int     resolution;   /* JySyncResolution */
  char   *merged;       /* JY_SYNC_KEEP_MERGED */
} JySyncResolveJob;

void        jy_sync_resolve_job_free  (JySyncResolveJob *job);
gpointer    jy_sync_resolve_job_run   (JyDb          *db,
                                       gpointer       data,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JySyncField, jy_sync_field_free)

G_END_DECLS
