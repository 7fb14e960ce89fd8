/* jy-audit-columns.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit viewer's list: the item type and its columns, the actions'
 * labels and a one-line reading of what changed.
 */

#include "config.h"

#include "jy-audit-columns.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "jy-gui-format.h"

struct _JyAuditItem
{
  GObject       parent_instance;
  JyAuditEntry *entry;
};

G_DEFINE_FINAL_TYPE (JyAuditItem, jy_audit_item, G_TYPE_OBJECT)

static void
jy_audit_item_finalize (GObject *object)
{
  JyAuditItem *self = (JyAuditItem *)object;

  g_clear_pointer (&self->entry, jy_audit_entry_free);
  G_OBJECT_CLASS (jy_audit_item_parent_class)->finalize (object);
}

static void
jy_audit_item_class_init (JyAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jy_audit_item_finalize;
}

static void
jy_audit_item_init (JyAuditItem *self)
{
}

JyAuditItem *
jy_audit_item_new (JyAuditEntry *entry)
{
  JyAuditItem *self = g_object_new (JY_TYPE_AUDIT_ITEM, NULL);

  self->entry = entry;
  return self;
}

const JyAuditEntry *
jy_audit_item_get_entry (JyAuditItem *self)
{
  g_return_val_if_fail (JY_IS_AUDIT_ITEM (self), NULL);
  return self->entry;
}

static const struct
{
  const char *code;
  const char *label;
} actions[] = {
  /* Translators: actions in the audit log viewer */
  { "view", N_("Viewed") },
  { "create", N_("Created") },
  { "update", N_("Changed") },
  { "retire", N_("Moved out, died or lost") },
  { "export", N_("Exported") },
  { "import", N_("Imported") },
  { "login", N_("Signed in") },
  { "login-failed", N_("Sign-in refused") },
  { "account-locked", N_("Account locked") },
  { "logout", N_("Signed out") },
  { "password-change", N_("Changed own password") },
  { "password-reset", N_("Password reset") },
  { "demo-switch", N_("Demo account switch") },
  { "backup", N_("Backed up") },
  { "restore", N_("Restored") },
  { "generate", N_("Demo centre generated") },
};

guint
jy_audit_get_n_actions (void)
{
  return G_N_ELEMENTS (actions);
}

const char *
jy_audit_get_action (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (actions), NULL);
  return actions[index].code;
}

const char *
jy_audit_action_get_label (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (actions[i].code, action) == 0)
      return _(actions[i].label);
  return action != NULL ? action : "";
}

static char *
node_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GValue value = G_VALUE_INIT;
      char *text;

      json_node_get_value (node, &value);
      text = G_VALUE_HOLDS_STRING (&value) ? g_value_dup_string (&value) : g_strdup_value_contents (&value);
      g_value_unset (&value);
      return text;
    }
  return json_to_string (node, FALSE);
}

char *
jy_audit_describe_detail (const char *detail)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  JsonNode *root;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (detail == NULL || !json_parser_load_from_data (parser, detail, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_strdup (detail != NULL ? detail : "");

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (object, name);

      if (text->len > 0)
        g_string_append (text, _("; "));
      if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 2)
        {
          JsonArray *change = json_node_get_array (node);
          g_autofree char *before = node_text (json_array_get_element (change, 0));
          g_autofree char *after = node_text (json_array_get_element (change, 1));

          /* Translators: one change in the audit log; %1$s the field, %2$s the old value, %3$s the new */
          g_string_append_printf (text, _("%1$s: %2$s → %3$s"), jy_gui_format_field_label (name), before, after);
        }
      else
        {
          g_autofree char *value = node_text (node);

          g_string_append_printf (text, "%s: %s", jy_gui_format_field_label (name), value);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef enum
{
  COLUMN_TIME,
  COLUMN_STAFF,
  COLUMN_ACTION,
  COLUMN_RECORD,
  COLUMN_DETAIL,
} Column;

static char *
column_text (Column              column,
             const JyAuditEntry *entry)
{
  switch (column)
    {
    case COLUMN_TIME:
      return jy_audit_format_time (entry->at);
    case COLUMN_STAFF:
      if (entry->actor_name != NULL)
        return g_strdup_printf ("%s (%s)", entry->actor_name, entry->actor_login != NULL ? entry->actor_login : "");
      /* Translators: the author in the audit log when nobody had signed in */
      return g_strdup (g_strcmp0 (entry->actor, "nobody") == 0 ? _("Before sign-in") : _("System"));
    case COLUMN_ACTION:
      return g_strdup (jy_audit_action_get_label (entry->action));
    case COLUMN_RECORD:
      return g_strdup (entry->record != NULL ? entry->record : "");
    case COLUMN_DETAIL:
      return jy_audit_describe_detail (entry->detail);
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_margin_start (cell, 6);
  gtk_widget_set_margin_end (cell, 6);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item)
{
  JyAuditItem *item = gtk_list_item_get_item (list_item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  g_autofree char *text = column_text (column, item->entry);
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));

  gtk_inscription_set_text (cell, text);
  /* Long details are read whole in the tooltip. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (cell), column == COLUMN_DETAIL && text[0] != '\0' ? text : NULL);
}

void
jy_audit_columns_add (GtkColumnView *view)
{
  static const struct
  {
    Column      column;
    const char *title;
    int         width;
    gboolean    expand;
  } columns[] = {
    /* Translators: column titles of the audit log viewer */
    { COLUMN_TIME, N_("Time"), 175, FALSE },
    { COLUMN_STAFF, N_("Staff"), 150, FALSE },
    { COLUMN_ACTION, N_("Action"), 130, FALSE },
    { COLUMN_RECORD, N_("Record"), 200, FALSE },
    { COLUMN_DETAIL, N_("Details"), 200, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (columns[i].column));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (view, column);
    }
}
