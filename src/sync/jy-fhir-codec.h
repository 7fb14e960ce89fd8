/* jy-fhir-codec.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "jy-db.h"

G_BEGIN_DECLS

/* Jiayi records ⇄ FHIR R4 JSON (sync.md "Mapping", domain.md §7).
 *
 * One JyFhirCodec per syncable entity, listed in jy-fhir-codecs.c. To sync
 * a new record type, add one file jy-fhir-codec-<entity>.c defining a
 * `const JyFhirCodec jy_fhir_codec_<entity>`, one line in the table and
 * one in meson.build. A codec has two halves:
 *
 *  - encode/decode are pure (no database, no clock): a record ⇄ one FHIR
 *    resource. decode must turn any JSON object into a record or a
 *    GError, never crash nor accept what the table's CHECKs would refuse;
 *    test-fhir-codec fuzzes it.
 *  - load/apply/set_version run inside a store job: read a record for
 *    pushing, write a pulled one (with its search keys, never to the
 *    outbox), store the platform's versionId after a push.
 *
 * Every resource carries the row's uuid as its logical id and as an
 * identifier `urn:jiayi:{entity}|{uuid}` (sync.md "Identity"). */

typedef enum
{
  JY_FHIR_ERROR_PARSE,      /* not JSON */
  JY_FHIR_ERROR_ENCODING,   /* not UTF-8 */
  JY_FHIR_ERROR_TOO_BIG,    /* over a size cap */
  JY_FHIR_ERROR_TOO_DEEP,   /* nested deeper than JY_FHIR_MAX_DEPTH */
  JY_FHIR_ERROR_INVALID,    /* wrong type, missing or bad field */
  JY_FHIR_ERROR_NOT_OURS,   /* a resource no Jiayi workstation made */
} JyFhirError;

#define JY_FHIR_ERROR (jy_fhir_error_quark ())
GQuark jy_fhir_error_quark (void);

/* Caps applied to everything read from the network. */
#define JY_FHIR_MAX_DEPTH         32
#define JY_FHIR_MAX_STRING        4096        /* bytes of one string field */
#define JY_FHIR_MAX_ARRAY         256         /* items of one repeating field */
#define JY_FHIR_MAX_BUNDLE_BYTES  (64 << 20)  /* a whole response */

/* Systems that a city may configure (domain.md §7.1). */
typedef struct
{
  const char *id_number_system;   /* 身份证号 */
  const char *archive_no_system;  /* 健康档案编号 */
} JyFhirOptions;

const JyFhirOptions *jy_fhir_options_default (void);

typedef struct _JyFhirCodec JyFhirCodec;

struct _JyFhirCodec
{
  const char  *entity;          /* outbox entity = table name: "resident" */
  const char  *resource_type;   /* "Patient" */
  /* Push and pull order: a record comes after those it references
   * (centre 0, staff 10, team 20, resident 30, contract 40 …). */
  int          rank;
  /* FALSE: pushed only (the centre's own Organization). */
  gboolean     pull;
  /* Search parameter that limits a pull to this centre's records
   * ("organization" for Patient: ?organization=Organization/{centre}), or
   * NULL to pull every record of the type that carries a Jiayi id. */
  const char  *centre_param;
  /* Entities whose rows travel inside this resource (resident_tag inside
   * Patient): their outbox entries push the parent. @parent_sql maps a
   * child uuid (?1) to the parent uuid; @children_sql lists the child
   * uuids of a parent uuid (?1). Both static strings, or NULL. */
  const char  *child_entity;
  /* The row's remote_version by uuid (?1): one index lookup, for the
   * pull's "already have this version?" (static string). */
  const char  *version_sql;
  /* What the sync page calls the row (?1 = uuid): a resident's name.
   * Shown to the user, never logged. NULL: the uuid. */
  const char  *label_sql;
  const char  *parent_sql;
  const char  *children_sql;

  /* Pure. encode returns a new JSON object node; decode returns a record
   * freed with free_record, or NULL with JY_FHIR_ERROR set. */
  JsonNode   *(*encode)       (gconstpointer        record,
                               const JyFhirOptions *options);
  gpointer    (*decode)       (JsonObject          *resource,
                               const JyFhirOptions *options,
                               GError             **error);
  void        (*free_record)  (gpointer             record);
  const char *(*get_uuid)     (gconstpointer        record);

  /* Store side, inside a job. load: NULL with JY_STORE_ERROR_NOT_FOUND if
   * no such row; *remote_version gets the row's stored version (or NULL).
   * apply: writes a pulled record as the platform's version @version,
   * never to the outbox (the audit log says "pull"). */
  gpointer    (*load)         (JyDb                *db,
                               const char          *uuid,
                               char               **remote_version,
                               GError             **error);
  gboolean    (*apply)        (JyDb                *db,
                               gpointer             record,
                               const char          *version,
                               GError             **error);
  gboolean    (*set_version)  (JyDb                *db,
                               const char          *uuid,
                               const char          *version,
                               GError             **error);
};

/* Outbox entities that never sync (NULL-terminated): settled at the end
 * of each run, not left pending (see jy-fhir-codecs.c). */
const char *const        *jy_fhir_local_entities          (void);
gboolean                  jy_fhir_entity_is_local         (const char    *entity);
/* The table, in rank order, NULL-terminated. */
const JyFhirCodec *const *jy_fhir_codecs                  (void);
/* By entity, a child entity's parent codec included (sets *is_child). */
const JyFhirCodec        *jy_fhir_codec_for_entity        (const char    *entity,
                                                           gboolean      *is_child);
const JyFhirCodec        *jy_fhir_codec_for_resource_type (const char    *resource_type);
/* Several entities may share a resource type (contracts and home beds are
 * EpisodeOfCare): each type is pulled once, by its first codec in the
 * table, and each pulled resource goes to the codec its urn:jiayi:{entity}
 * identifier names (else that first codec, which says "not ours"). */
gboolean                  jy_fhir_codec_pulls_type        (const JyFhirCodec *codec);
const JyFhirCodec        *jy_fhir_codec_for_resource      (JsonObject        *resource);

/* Parses network bytes: checks size, UTF-8 and nesting depth before
 * json-glib sees them. Returns the root node (any type). */
JsonNode   *jy_fhir_parse              (const char    *data,
                                        gsize          length,
                                        gsize          max_bytes,
                                        GError       **error);
char       *jy_fhir_to_string          (JsonNode      *node);

/* Decodes a resource of the codec's type, checking resourceType and id. */
gpointer    jy_fhir_codec_decode       (const JyFhirCodec   *codec,
                                        JsonNode            *resource,
                                        const JyFhirOptions *options,
                                        GError             **error);

/* Reads meta.versionId / meta.lastUpdated (borrowed, NULL if absent or
 * not a short string). */
const char *jy_fhir_get_version        (JsonObject    *resource);
const char *jy_fhir_get_last_updated   (JsonObject    *resource);

/* Two resources say the same thing (meta and text ignored). */
/* SHA-256 of the resource's content in a canonical form (members sorted,
 * without the server's meta and text): equal exactly when
 * jy_fhir_same_content() would say so, whatever the member order. */
char       *jy_fhir_content_digest     (JsonObject    *resource);
gboolean    jy_fhir_same_content       (JsonObject    *a,
                                        JsonObject    *b);

/* A short, personal-data-free reason from an OperationOutcome: issue
 * codes, details text and expressions, capped at 500 bytes. */
char       *jy_fhir_describe_outcome   (JsonObject    *outcome);

G_END_DECLS
