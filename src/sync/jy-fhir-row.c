/* jy-fhir-row.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generic store half of the table-shaped codecs (jy-fhir-row.h) and
 * the JSON helpers they share. Statements are built once per spec from
 * its column list (jy_db_prepare caches by the SQL's address, so they
 * stay in the spec's static storage); values are always bound.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jy-fhir-row.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jy-clock.h"
#include "jy-fhir-codec-private.h"
#include "jy-store.h"

JyFhirRow *
jy_fhir_row_new (const JyFhirRowSpec *spec)
{
  JyFhirRow *row = g_new0 (JyFhirRow, 1);

  row->values = g_new0 (char *, spec->n_columns + 1);
  row->children = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  return row;
}

void
jy_fhir_row_free (JyFhirRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_strfreev (row->values);
  g_strfreev (row->extra);
  g_clear_pointer (&row->children, g_ptr_array_unref);
  g_free (row);
}

char **
jy_fhir_row_child_new (const JyFhirRowSpec *spec)
{
  return g_new0 (char *, spec->n_child_columns + 1);
}

int
jy_fhir_row_column (const JyFhirRowSpec *spec,
                    const char          *name)
{
  for (guint i = 0; i < spec->n_columns; i++)
    if (g_str_equal (spec->columns[i].name, name))
      return (int)i;
  g_return_val_if_reached (-1);
}

const char *
jy_fhir_row_get_uuid (gconstpointer record)
{
  return ((const JyFhirRow *)record)->uuid;
}

/* ---- statements -------------------------------------------------------- */

static const char *
ref_key (const JyFhirColumn *column)
{
  return column->ref_key != NULL ? column->ref_key : "uuid";
}

static void
append_select (GString            *sql,
               const char         *alias,
               const JyFhirColumn *columns,
               guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      g_string_append (sql, i > 0 ? ", " : "");
      if (columns[i].kind == JY_FHIR_COL_REF)
        g_string_append_printf (sql, "(SELECT %s FROM %s WHERE id = %s.%s)", ref_key (&columns[i]),
                                columns[i].ref_table, alias, columns[i].name);
      else
        g_string_append_printf (sql, "%s.%s", alias, columns[i].name);
    }
}

static void
append_value (GString            *sql,
              const JyFhirColumn *column,
              int                 param)
{
  if (column->kind == JY_FHIR_COL_REF)
    g_string_append_printf (sql, "(SELECT id FROM %s WHERE %s = ?%d)", column->ref_table,
                            ref_key (column), param);
  else
    g_string_append_printf (sql, "?%d", param);
}

static char *
build_upsert (const char         *table,
              const char         *fk,
              gboolean            has_site,
              const JyFhirColumn *columns,
              guint               first,
              guint               n)
{
  GString *sql = g_string_new (NULL);
  int param = fk != NULL ? 5 : 4;

  /* The first line names the statement in slow-query logs. */
  g_string_append_printf (sql, "INSERT INTO %s /* pulled */\n"
                          "  (uuid, created_at, updated_at, created_by, remote_version", table);
  if (fk != NULL)
    g_string_append_printf (sql, ", %s", fk);
  if (has_site)
    g_string_append (sql, ", site_id");
  for (guint i = first; i < n; i++)
    g_string_append_printf (sql, ", %s", columns[i].name);
  g_string_append (sql, ")\nVALUES (?1, ?2, ?2, 'sync', ?3");
  if (fk != NULL)
    g_string_append (sql, ", ?4");
  if (has_site)
    g_string_append (sql, ", (SELECT id FROM site WHERE kind = 'centre' AND parent_id IS NULL"
                          " ORDER BY id LIMIT 1)");
  for (guint i = first; i < n; i++, param++)
    {
      g_string_append (sql, ", ");
      append_value (sql, &columns[i], param);
    }
  g_string_append (sql, ")\nON CONFLICT (uuid) DO UPDATE SET updated_at = excluded.updated_at,\n"
                        "  remote_version = excluded.remote_version, rev = rev + 1");
  if (fk != NULL)
    g_string_append_printf (sql, ", %s = excluded.%s", fk, fk);
  for (guint i = first; i < n; i++)
    g_string_append_printf (sql, ", %s = excluded.%s", columns[i].name, columns[i].name);
  return g_string_free (sql, FALSE);
}

static const JyFhirRowSql *
statements (const JyFhirRowSpec *spec)
{
  JyFhirRowSql *s = spec->sql;
  GString *sql;

  g_mutex_lock (&s->lock);
  if (s->load != NULL)
    {
      g_mutex_unlock (&s->lock);
      return s;
    }

  sql = g_string_new (NULL);
  g_string_append_printf (sql, "SELECT t.id, t.remote_version, ");
  append_select (sql, "t", spec->columns, spec->n_columns);
  g_string_append_printf (sql, "\nFROM %s t WHERE t.uuid = ?1", spec->table);
  s->find = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1", spec->table);
  s->upsert = build_upsert (spec->table, NULL, spec->has_site, spec->columns, 0, spec->n_columns);
  s->set_version = g_strdup_printf ("UPDATE %s SET remote_version = ?2 WHERE uuid = ?1", spec->table);

  if (spec->child_table != NULL)
    {
      GString *children = g_string_new ("SELECT ");

      append_select (children, "c", spec->child_columns, spec->n_child_columns);
      g_string_append_printf (children, "\nFROM %s c WHERE c.%s = ?1 ORDER BY %s",
                              spec->child_table, spec->child_fk, spec->child_order);
      s->load_children = g_string_free (children, FALSE);
      if (spec->child_has_uuid)
        {
          s->insert_child = build_upsert (spec->child_table, spec->child_fk, FALSE,
                                          spec->child_columns, 1, spec->n_child_columns);
          s->set_child_version =
            g_strdup_printf ("UPDATE %s SET remote_version = ?2\n"
                             "WHERE %s = (SELECT id FROM %s WHERE uuid = ?1)",
                             spec->child_table, spec->child_fk, spec->table);
        }
      else
        {
          GString *insert = g_string_new (NULL);

          g_string_append_printf (insert, "INSERT INTO %s /* pulled */ (%s", spec->child_table,
                                  spec->child_fk);
          for (guint i = 0; i < spec->n_child_columns; i++)
            g_string_append_printf (insert, ", %s", spec->child_columns[i].name);
          g_string_append (insert, ") VALUES (?1");
          for (guint i = 0; i < spec->n_child_columns; i++)
            {
              g_string_append (insert, ", ");
              append_value (insert, &spec->child_columns[i], (int)i + 2);
            }
          g_string_append (insert, ")");
          s->insert_child = g_string_free (insert, FALSE);
          s->delete_children = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1",
                                                spec->child_table, spec->child_fk);
        }
    }
  /* Last: it is what tells other threads the rest is ready. */
  s->load = g_string_free (sql, FALSE);
  g_mutex_unlock (&s->lock);
  return s;
}

/* ---- store half -------------------------------------------------------- */

gpointer
jy_fhir_row_load (const JyFhirRowSpec *spec,
                  JyDb                *db,
                  const char          *uuid,
                  char               **remote_version,
                  GError             **error)
{
  const JyFhirRowSql *s = statements (spec);
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (spec);
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  if ((stmt = jy_db_prepare (db, s->load, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No %s %s", spec->table, uuid);
      return NULL;
    }
  id = sqlite3_column_int64 (stmt, 0);
  if (remote_version != NULL)
    *remote_version = jy_db_column_dup_text (stmt, 1);
  row->uuid = g_strdup (uuid);
  for (guint i = 0; i < spec->n_columns; i++)
    row->values[i] = jy_db_column_dup_text (stmt, 2 + (int)i);
  sqlite3_reset (stmt);

  if (spec->child_table == NULL)
    return g_steal_pointer (&row);

  if ((stmt = jy_db_prepare (db, s->load_children, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      char **child = jy_fhir_row_child_new (spec);

      for (guint i = 0; i < spec->n_child_columns; i++)
        child[i] = jy_db_column_dup_text (stmt, (int)i);
      g_ptr_array_add (row->children, child);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&row);
}

static void
bind_values (sqlite3_stmt *stmt,
             int           first,
             char *const  *values,
             guint         from,
             guint         n)
{
  for (guint i = from; i < n; i++)
    jy_db_bind_text_or_null (stmt, first + (int)(i - from), values[i]);
}

static gboolean
apply_children (const JyFhirRowSpec *spec,
                const JyFhirRowSql  *s,
                JyDb                *db,
                gint64               id,
                JyFhirRow           *row,
                const char          *version,
                const char          *now,
                GError             **error)
{
  sqlite3_stmt *stmt;

  if (!spec->child_has_uuid)
    {
      if ((stmt = jy_db_prepare (db, s->delete_children, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < row->children->len; i++)
    {
      char **child = g_ptr_array_index (row->children, i);

      if ((stmt = jy_db_prepare (db, s->insert_child, error)) == NULL)
        return FALSE;
      if (spec->child_has_uuid)
        {
          sqlite3_bind_text (stmt, 1, child[0], -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
          jy_db_bind_text_or_null (stmt, 3, version);
          sqlite3_bind_int64 (stmt, 4, id);
          bind_values (stmt, 5, child, 1, spec->n_child_columns);
        }
      else
        {
          sqlite3_bind_int64 (stmt, 1, id);
          bind_values (stmt, 2, child, 0, spec->n_child_columns);
        }
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
reference_exists (JyDb               *db,
                  const JyFhirColumn *column,
                  const char         *value,
                  gboolean           *found,
                  GError            **error)
{
  g_autofree char *text = NULL;
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  /* Interned: one stable address per table, as jy_db_prepare caches. */
  text = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?1", column->ref_table, ref_key (column));
  sql = g_intern_string (text);
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  *found = rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
unresolved (const JyFhirColumn  *column,
            GError             **error)
{
  /* Shown on the Sync page: the column and table stay as a hint. */
  g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
               /* Translators: a pulled record names one this workstation
                * lacks; %s: the field and the kind of record (program names) */
               _("It names a record this workstation does not have yet (%s → %s)."),
               column->name, column->ref_table);
  return FALSE;
}

gboolean
jy_fhir_row_apply (const JyFhirRowSpec *spec,
                   const char          *entity,
                   JyDb                *db,
                   JyFhirRow           *row,
                   const char          *version,
                   GError             **error)
{
  const JyFhirRowSql *s = statements (spec);
  g_autofree char *now = jy_clock_now_utc_iso ();
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  /* A reference this workstation cannot resolve would store NULL where
   * the record names someone: refuse it (the pull keeps it as a conflict). */
  /* The owner first: another centre's record is skipped whatever else
   * it names. */
  for (guint pass = 0; pass < 2; pass++)
  for (guint i = 0; i < spec->n_columns; i++)
    if (spec->columns[i].kind == JY_FHIR_COL_REF && row->values[i] != NULL &&
        (g_strcmp0 (spec->owner, spec->columns[i].name) == 0) == (pass == 0))
      {
        gboolean found = FALSE;

        if (!reference_exists (db, &spec->columns[i], row->values[i], &found, error))
          return FALSE;
        if (!found && g_strcmp0 (spec->owner, spec->columns[i].name) == 0)
          {
            g_debug ("pulled %s %s belongs to another centre: skipped", spec->table, row->uuid);
            return TRUE;
          }
        if (!found)
          return unresolved (&spec->columns[i], error);
      }
  /* The same for the child rows (a contract's package version). */
  for (guint k = 0; k < row->children->len; k++)
    {
      char **child = g_ptr_array_index (row->children, k);

      for (guint i = 0; i < spec->n_child_columns; i++)
        if (spec->child_columns[i].kind == JY_FHIR_COL_REF && child[i] != NULL)
          {
            gboolean found = FALSE;

            if (!reference_exists (db, &spec->child_columns[i], child[i], &found, error))
              return FALSE;
            if (!found)
              return unresolved (&spec->child_columns[i], error);
          }
    }

  if ((stmt = jy_db_prepare (db, s->upsert, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  jy_db_bind_text_or_null (stmt, 3, version);
  bind_values (stmt, 4, row->values, 0, spec->n_columns);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;

  if ((stmt = jy_db_prepare (db, s->find, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_return_val_if_fail (id != 0, FALSE);

  return (spec->child_table == NULL ||
          apply_children (spec, s, db, id, row, version, now, error)) &&
         (spec->after_apply == NULL || spec->after_apply (db, id, row, error)) &&
         jy_store_record_audit (db, "pull", entity, row->uuid, NULL, error);
}

gboolean
jy_fhir_row_set_version (const JyFhirRowSpec *spec,
                         JyDb                *db,
                         const char          *uuid,
                         const char          *version,
                         GError             **error)
{
  const JyFhirRowSql *s = statements (spec);
  const char *sqls[] = { s->set_version, s->set_child_version };

  for (guint i = 0; i < G_N_ELEMENTS (sqls); i++)
    {
      sqlite3_stmt *stmt;

      if (sqls[i] == NULL)
        continue;
      if ((stmt = jy_db_prepare (db, sqls[i], error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, version, -1, SQLITE_TRANSIENT);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- JSON helpers ------------------------------------------------------ */

void
jy_fhir_add_int_member (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, g_ascii_strtoll (value, NULL, 10));
}

void
jy_fhir_add_real_member (JsonBuilder *builder,
                         const char  *member,
                         const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, g_ascii_strtod (value, NULL));
}

void
jy_fhir_add_reference (JsonBuilder *builder,
                       const char  *member,
                       const char  *type,
                       const char  *uuid)
{
  g_autofree char *reference = NULL;

  if (uuid == NULL)
    return;
  reference = g_strconcat (type, "/", uuid, NULL);
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "reference", reference);
  json_builder_end_object (builder);
}

gboolean
jy_fhir_read_number (JsonObject  *object,
                     const char  *member,
                     gboolean     integer,
                     double       min,
                     double       max,
                     char       **out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;
  double value;

  g_clear_pointer (out, g_free);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    value = (double)json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE && !integer)
    value = json_node_get_double (node);
  else
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "%s is not %s", member,
                   integer ? "an integer" : "a number");
      return FALSE;
    }
  if (!isfinite (value) || value < min || value > max)
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "%s is out of range", member);
      return FALSE;
    }
  if (type == G_TYPE_INT64)
    *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      *out = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
    }
  return TRUE;
}

gboolean
jy_fhir_read_reference (JsonObject  *object,
                        const char  *member,
                        const char  *type,
                        char       **out,
                        GError     **error)
{
  JsonObject *reference = NULL;
  const char *target = NULL;
  gsize prefix = strlen (type);

  g_clear_pointer (out, g_free);
  if (!jy_fhir_read_object (object, member, &reference, error) ||
      (reference != NULL && !jy_fhir_read_string (reference, "reference", &target, error)))
    return FALSE;
  if (reference == NULL)
    return TRUE;
  if (target == NULL || strncmp (target, type, prefix) != 0 || target[prefix] != '/' ||
      !jy_fhir_is_uuid (target + prefix + 1))
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "%s is not a %s reference", member, type);
      return FALSE;
    }
  *out = g_strdup (target + prefix + 1);
  return TRUE;
}

gboolean
jy_fhir_read_jiayi_id (JsonObject  *resource,
                       const char  *entity,
                       char       **out,
                       GError     **error)
{
  g_autofree char *system = jy_fhir_jiayi_system (entity);
  JsonArray *identifiers = NULL;
  const char *id = NULL, *found = NULL;
  guint n;

  g_clear_pointer (out, g_free);
  if (!jy_fhir_read_string (resource, "id", &id, error) ||
      !jy_fhir_read_array (resource, "identifier", &identifiers, error))
    return FALSE;
  n = identifiers != NULL ? json_array_get_length (identifiers) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *identifier = jy_fhir_array_object (identifiers, i, "identifier", error);
      const char *s = NULL, *value = NULL;

      if (identifier == NULL ||
          !jy_fhir_read_string (identifier, "system", &s, error) ||
          !jy_fhir_read_string (identifier, "value", &value, error))
        return FALSE;
      if (g_strcmp0 (s, system) == 0)
        found = value;
    }
  if (found == NULL)
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS, "Resource has no %s identifier", system);
      return FALSE;
    }
  if (!jy_fhir_is_uuid (found))
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "%s identifier is not a uuid", system);
      return FALSE;
    }
  *out = g_strdup (found);
  return TRUE;
}

gboolean
jy_fhir_invalid (GError     **error,
                 const char  *type,
                 const char  *what)
{
  if (error == NULL || *error == NULL)
    g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "%s: %s", type, what);
  return FALSE;
}

gboolean
jy_fhir_read_text (JsonObject  *object,
                   const char  *member,
                   guint        max_chars,
                   char       **out,
                   GError     **error)
{
  const char *value = NULL;

  g_clear_pointer (out, g_free);
  if (!jy_fhir_read_string (object, member, &value, error))
    return FALSE;
  if (value != NULL && max_chars > 0 && g_utf8_strlen (value, -1) > (glong)max_chars)
    {
      g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_TOO_BIG, "%s is over %u characters",
                   member, max_chars);
      return FALSE;
    }
  *out = g_strdup (value);
  return TRUE;
}

gboolean
jy_fhir_is_code (const char *text,
                 gsize       max_length)
{
  return text != NULL && text[0] != '\0' && strlen (text) <= max_length &&
         strspn (text, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-.") ==
         strlen (text);
}

gboolean
jy_fhir_is_one_of (const char        *text,
                   const char *const *choices)
{
  return text != NULL && g_strv_contains (choices, text);
}

gboolean
jy_fhir_is_date_time (const char *text)
{
  g_autofree char *date = NULL;

  if (text == NULL || strlen (text) < 19 || strlen (text) > 40 || text[10] != 'T')
    return FALSE;
  date = g_strndup (text, 10);
  return jy_fhir_is_date (date);
}

/* ---- form fields as one complex extension ------------------------------ */

void
jy_fhir_row_add_fields (JsonBuilder         *builder,
                        const char          *url,
                        const JyFhirColumn  *columns,
                        char *const         *values,
                        const JyFhirField   *fields,
                        guint                n_fields)
{
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "url", url);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_fields; i++)
    {
      const JyFhirColumn *column = &columns[fields[i].column];
      const char *value = values[fields[i].column];

      if (value == NULL)
        continue;
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", column->name);
      switch (column->kind)
        {
        case JY_FHIR_COL_INT:
          jy_fhir_add_int_member (builder, "valueInteger", value);
          break;
        case JY_FHIR_COL_REAL:
          jy_fhir_add_real_member (builder, "valueDecimal", value);
          break;
        case JY_FHIR_COL_TEXT:
        case JY_FHIR_COL_REF:
        default:
          jy_fhir_add_string (builder, "valueString", value);
          break;
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

gboolean
jy_fhir_row_read_fields (JsonArray           *extensions,
                         const char          *url,
                         const JyFhirColumn  *columns,
                         char               **values,
                         const JyFhirField   *fields,
                         guint                n_fields,
                         GError             **error)
{
  JsonObject *extension = jy_fhir_find_extension (extensions, url);
  JsonArray *subs = NULL;

  if (extension != NULL && !jy_fhir_read_array (extension, "extension", &subs, error))
    return FALSE;
  for (guint i = 0; i < n_fields; i++)
    {
      const JyFhirField *field = &fields[i];
      const JyFhirColumn *column = &columns[field->column];
      JsonObject *sub = jy_fhir_find_extension (subs, column->name);
      char **out = &values[field->column];

      g_clear_pointer (out, g_free);
      if (sub != NULL)
        {
          gboolean ok;

          switch (column->kind)
            {
            case JY_FHIR_COL_INT:
              ok = jy_fhir_read_number (sub, "valueInteger", TRUE, field->min, field->max, out, error);
              break;
            case JY_FHIR_COL_REAL:
              ok = jy_fhir_read_number (sub, "valueDecimal", FALSE, field->min, field->max, out, error);
              break;
            case JY_FHIR_COL_REF:
              ok = jy_fhir_read_text (sub, "valueString", 0, out, error);
              if (ok && *out != NULL && !jy_fhir_is_uuid (*out))
                ok = jy_fhir_invalid (error, column->name, "not a uuid");
              break;
            case JY_FHIR_COL_TEXT:
            default:
              ok = jy_fhir_read_text (sub, "valueString", (guint)field->max, out, error);
              break;
            }
          if (!ok)
            return FALSE;
        }
      if (*out == NULL && field->zero)
        *out = g_strdup ("0");
    }
  return TRUE;
}

gboolean
jy_fhir_row_read_children (const JyFhirRowSpec *spec,
                           JsonArray           *extensions,
                           const char          *url,
                           const JyFhirColumn  *columns,
                           const JyFhirField   *fields,
                           guint                n_fields,
                           JyFhirRow           *row,
                           GError             **error)
{
  guint n = extensions != NULL ? json_array_get_length (extensions) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *extension = jy_fhir_array_object (extensions, i, "extension", error);
      g_autoptr(JsonArray) one = NULL;
      const char *found = NULL;
      char **child;

      if (extension == NULL || !jy_fhir_read_string (extension, "url", &found, error))
        return FALSE;
      if (g_strcmp0 (found, url) != 0)
        continue;
      /* Each extension on its own: read_fields looks the url up. */
      one = json_array_new ();
      json_array_add_object_element (one, json_object_ref (extension));
      child = jy_fhir_row_child_new (spec);
      g_ptr_array_add (row->children, child);
      if (!jy_fhir_row_read_fields (one, url, columns, child, fields, n_fields, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
jy_fhir_row_read_id (JyDb        *db,
                     const char  *sql,
                     gint64       id,
                     gint64      *out,
                     GError     **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  *out = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}
