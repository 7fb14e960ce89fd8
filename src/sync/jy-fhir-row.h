/* jy-fhir-row.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-fhir-codec.h"

G_BEGIN_DECLS

/* The record of the table-shaped codecs (staff, team, enrolment,
 * follow-up, contract, contact): a row's uuid and its synced columns as
 * text (SQLite's column affinity turns "72.5" back into a REAL), NULL for
 * SQL NULL. References to other rows hold the other row's uuid. Child
 * rows (team members, a follow-up's drugs, a contract's packages) travel
 * inside their parent's resource.
 *
 * The store half is generic: a JyFhirRowSpec names the table and columns;
 * load reads them, apply upserts them by uuid (never to the outbox, the
 * audit log says "pull") and replaces the child rows, set_version stores
 * the platform's version on the row and its children. Derived columns are
 * not listed: an after_apply hook recomputes them. */

typedef enum
{
  JY_FHIR_COL_TEXT,
  JY_FHIR_COL_INT,
  JY_FHIR_COL_REAL,
  JY_FHIR_COL_REF,     /* INTEGER id of @ref_table ⇄ that row's uuid (or @ref_key) */
} JyFhirColKind;

typedef struct
{
  const char    *name;
  JyFhirColKind  kind;
  const char    *ref_table;
  const char    *ref_key;    /* the other table's column that travels; NULL: uuid */
} JyFhirColumn;

typedef struct
{
  char       *uuid;
  char      **values;     /* n_columns */
  GPtrArray  *children;   /* char ** of n_child_columns each */
  /* What travels with the row but is no column of it (a team's
   * communities: a NULL-terminated list; a package's centre): the codec
   * fills it in decode and load and reads it in encode and after_apply.
   * NULL-terminated strings, freed with the row; NULL when unused. */
  char      **extra;
} JyFhirRow;

typedef struct _JyFhirRowSpec JyFhirRowSpec;
typedef struct _JyFhirRowSql  JyFhirRowSql;

struct _JyFhirRowSpec
{
  const char         *table;
  const JyFhirColumn *columns;
  guint               n_columns;
  /* New rows get the centre as site_id. */
  gboolean            has_site;
  /* The reference column that says whose record it is (the resident, the
   * site): a pulled record whose owner this workstation lacks belongs to
   * another centre and is skipped, not stored nor counted a conflict.
   * Every other unresolved reference refuses the record. NULL: none. */
  const char         *owner;
  /* Child rows: table, column referencing the parent id, columns, order
   * (SQL). child_has_uuid: the children are syncable rows (SYNC_COLUMNS,
   * upserted by uuid, column 0 = uuid); else they are replaced. */
  const char         *child_table;
  const char         *child_fk;
  const JyFhirColumn *child_columns;
  guint               n_child_columns;
  const char         *child_order;
  gboolean            child_has_uuid;
  /* After the upsert, in the same transaction (derived columns). */
  gboolean          (*after_apply) (JyDb       *db,
                                    gint64      id,
                                    JyFhirRow  *row,
                                    GError    **error);
  JyFhirRowSql       *sql;   /* static storage for the built statements */
};

struct _JyFhirRowSql
{
  GMutex  lock;
  char   *load;
  char   *load_children;
  char   *find;
  char   *upsert;
  char   *delete_children;
  char   *insert_child;
  char   *set_version;
  char   *set_child_version;
};

JyFhirRow  *jy_fhir_row_new          (const JyFhirRowSpec *spec);
void        jy_fhir_row_free         (JyFhirRow           *row);
char      **jy_fhir_row_child_new    (const JyFhirRowSpec *spec);
int         jy_fhir_row_column       (const JyFhirRowSpec *spec,
                                      const char          *name);

gpointer    jy_fhir_row_load         (const JyFhirRowSpec *spec,
                                      JyDb                *db,
                                      const char          *uuid,
                                      char               **remote_version,
                                      GError             **error);
gboolean    jy_fhir_row_apply        (const JyFhirRowSpec *spec,
                                      const char          *entity,
                                      JyDb                *db,
                                      JyFhirRow           *row,
                                      const char          *version,
                                      GError             **error);
gboolean    jy_fhir_row_set_version  (const JyFhirRowSpec *spec,
                                      JyDb                *db,
                                      const char          *uuid,
                                      const char          *version,
                                      GError             **error);
const char *jy_fhir_row_get_uuid     (gconstpointer        record);

/* JSON helpers for the codecs. */
void        jy_fhir_add_int_member   (JsonBuilder *builder,
                                      const char  *member,
                                      const char  *value);
void        jy_fhir_add_real_member  (JsonBuilder *builder,
                                      const char  *member,
                                      const char  *value);
/* {"reference": "Type/uuid"} under @member, when @uuid is not NULL. */
void        jy_fhir_add_reference    (JsonBuilder *builder,
                                      const char  *member,
                                      const char  *type,
                                      const char  *uuid);
/* A numeric member as text: TRUE with *out NULL when absent; FALSE if not
 * a number (integers: not an integer) or out of [min, max]. */
gboolean    jy_fhir_read_number      (JsonObject  *object,
                                      const char  *member,
                                      gboolean     integer,
                                      double       min,
                                      double       max,
                                      char       **out,
                                      GError     **error);
/* A {"reference": "Type/uuid"} member: the uuid (new) or NULL when absent. */
gboolean    jy_fhir_read_reference   (JsonObject  *object,
                                      const char  *member,
                                      const char  *type,
                                      char       **out,
                                      GError     **error);
/* The row's uuid from id and identifier urn:jiayi:{entity}; NOT_OURS if
 * there is none. */
gboolean    jy_fhir_read_jiayi_id    (JsonObject  *resource,
                                      const char  *entity,
                                      char       **out,
                                      GError     **error);
/* Sets JY_FHIR_ERROR_INVALID "{type}: {what}" and returns FALSE. */
gboolean    jy_fhir_invalid          (GError     **error,
                                      const char  *type,
                                      const char  *what);
/* Optional string of at most @max_chars characters (0: the reader's cap). */
gboolean    jy_fhir_read_text        (JsonObject  *object,
                                      const char  *member,
                                      guint        max_chars,
                                      char       **out,
                                      GError     **error);
gboolean    jy_fhir_is_code          (const char  *text,
                                      gsize        max_length);
/* One of a NULL-terminated list. */
gboolean    jy_fhir_is_one_of        (const char  *text,
                                      const char  *const *choices);
/* "YYYY-MM-DDThh:mm:ss…" with a valid date part, at most 40 bytes. */
gboolean    jy_fhir_is_date_time     (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyFhirRow, jy_fhir_row_free)

G_END_DECLS

G_BEGIN_DECLS

/* Form fields without a FHIR element of their own travel as one complex
 * extension @url whose sub-extensions are named after their columns:
 * valueString (text, and a reference's uuid), valueInteger, valueDecimal.
 * @min/@max bound numbers (characters for text: 0 = the reader's cap);
 * @zero: NOT NULL DEFAULT 0 columns, read as "0" when absent. */
typedef struct
{
  int      column;
  double   min;
  double   max;
  gboolean zero;
} JyFhirField;

void        jy_fhir_row_add_fields   (JsonBuilder         *builder,
                                      const char          *url,
                                      const JyFhirColumn  *columns,
                                      char *const         *values,
                                      const JyFhirField   *fields,
                                      guint                n_fields);
/* One child row of @row per extension with @url among @extensions, its
 * columns read from that extension's fields, in order. The caller checks
 * what each child must have. */
gboolean    jy_fhir_row_read_children (const JyFhirRowSpec *spec,
                                       JsonArray           *extensions,
                                       const char          *url,
                                       const JyFhirColumn  *columns,
                                       const JyFhirField   *fields,
                                       guint                n_fields,
                                       JyFhirRow           *row,
                                       GError             **error);
/* For an after_apply hook: one integer column (@sql, ?1 = the applied
 * row's id); 0 when there is no such row. */
gboolean    jy_fhir_row_read_id      (JyDb                *db,
                                      const char          *sql,
                                      gint64               id,
                                      gint64              *out,
                                      GError             **error);
gboolean    jy_fhir_row_read_fields  (JsonArray           *extensions,
                                      const char          *url,
                                      const JyFhirColumn  *columns,
                                      char               **values,
                                      const JyFhirField   *fields,
                                      guint                n_fields,
                                      GError             **error);

G_END_DECLS

G_BEGIN_DECLS

/* The table-shaped codecs (also listed in jy-fhir-codecs.c). */
extern const JyFhirCodec jy_fhir_codec_staff;
extern const JyFhirCodec jy_fhir_codec_team;
extern const JyFhirCodec jy_fhir_codec_enrolment;
extern const JyFhirCodec jy_fhir_codec_followup;
extern const JyFhirCodec jy_fhir_codec_contract;
extern const JyFhirCodec jy_fhir_codec_contact;
extern const JyFhirCodec jy_fhir_codec_package;
extern const JyFhirCodec jy_fhir_codec_delivery;
extern const JyFhirCodec jy_fhir_codec_long_rx;
extern const JyFhirCodec jy_fhir_codec_long_rx_dispense;

G_END_DECLS
