/* jy-audit-page.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-audit-page.h"

#include <glib/gi18n.h>

#include "jy-account-store.h"
#include "jy-audit-columns.h"
#include "jy-audit-store.h"
#include "jy-cli.h"
#include "jy-person.h"

struct _JyAuditPage
{
  AdwBin          parent_instance;

  JyStore        *store;
  GCancellable   *cancellable;
  GListStore     *entries;       /* JyAuditItem */
  GPtrArray      *staff_uuids;   /* per staff dropdown row; NULL first (everyone) */

  GtkDropDown    *staff_dropdown;
  GtkDropDown    *action_dropdown;
  GtkSearchEntry *resident_entry;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkLabel       *count_label;
  GtkStack       *state_stack;
  GtkColumnView  *column_view;
  AdwStatusPage  *error_status;
};

G_DEFINE_FINAL_TYPE (JyAuditPage, jy_audit_page, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (JyAuditPage *self,
       const char  *text)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, text);
}

static char *
entry_text (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/* The filter the widgets describe; NULL (and the field marked) when a
 * date cannot be read. */
static JyAuditFilter *
current_filter (JyAuditPage *self)
{
  g_autoptr(JyAuditFilter) filter = g_new0 (JyAuditFilter, 1);
  guint staff = gtk_drop_down_get_selected (self->staff_dropdown);
  guint action = gtk_drop_down_get_selected (self->action_dropdown);
  GtkEntry *dates[] = { self->from_entry, self->to_entry };
  gboolean ok = TRUE;

  if (self->staff_uuids != NULL && staff > 0 && staff < self->staff_uuids->len)
    filter->actor = g_strdup (g_ptr_array_index (self->staff_uuids, staff));
  if (action > 0 && action <= jy_audit_get_n_actions ())
    filter->action = g_strdup (jy_audit_get_action (action - 1));
  filter->resident = entry_text (GTK_EDITABLE (self->resident_entry));
  filter->from_date = entry_text (GTK_EDITABLE (self->from_entry));
  filter->to_date = entry_text (GTK_EDITABLE (self->to_entry));

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      const char *text = i == 0 ? filter->from_date : filter->to_date;
      GDate parsed;
      gboolean valid = text == NULL || jy_person_parse_date (text, &parsed);

      if (valid)
        gtk_widget_remove_css_class (GTK_WIDGET (dates[i]), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (dates[i]), "error");
      ok &= valid;
    }
  return ok ? g_steal_pointer (&filter) : NULL;
}

static gpointer
query_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return jy_audit_store_query (db, data, cancellable, error);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JyAuditPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = jy_store_read_finish (JY_STORE (object), result, &error);
  g_autofree char *count = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (entries == NULL)
    {
      g_warning ("Could not read the audit log: %s", error->message);
      adw_status_page_set_description (self->error_status,
                                       _("Try again later; if this happens again, check the database from Preferences."));
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_set_free_func (entries, NULL);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (items, jy_audit_item_new (g_ptr_array_index (entries, i)));
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);

  if (entries->len >= JY_AUDIT_DEFAULT_LIMIT)
    /* Translators: %u is 1000, how many entries the viewer shows at most */
    count = g_strdup_printf (_("The latest %u entries: narrow the filters to see older ones, or export them all."),
                             entries->len);
  else
    /* Translators: %u is how many entries of the audit log match the filters */
    count = g_strdup_printf (ngettext ("%u entry", "%u entries", entries->len), entries->len);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->state_stack, entries->len > 0 ? "list" : "empty");
}

void
jy_audit_page_reload (JyAuditPage *self)
{
  JyAuditFilter *filter;

  g_return_if_fail (JY_IS_AUDIT_PAGE (self));

  if (self->store == NULL || !jy_store_session_can (self->store, JY_PERMISSION_AUDIT_VIEW) ||
      (filter = current_filter (self)) == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  jy_store_read_async (self->store, query_func, filter, (GDestroyNotify)jy_audit_filter_free,
                       (GDestroyNotify)g_ptr_array_unref, self->cancellable, loaded_cb, g_object_ref (self));
}

static void
filter_changed_cb (JyAuditPage *self)
{
  jy_audit_page_reload (self);
}

static gpointer
staff_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return jy_account_store_list (db, TRUE, error);
}

static void
staff_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyAuditPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = jy_store_read_finish (JY_STORE (object), result, &error);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (accounts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the staff: %s", error->message);
      return;
    }

  g_clear_pointer (&self->staff_uuids, g_ptr_array_unref);
  self->staff_uuids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (labels, _("All staff"));
  g_ptr_array_add (self->staff_uuids, NULL);
  for (guint i = 0; i < accounts->len; i++)
    {
      const JyAccount *account = g_ptr_array_index (accounts, i);
      g_autofree char *label = NULL;

      if (account->login == NULL)
        continue;
      label = g_strdup_printf ("%s (%s)", account->name, account->login);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->staff_uuids, g_strdup (account->uuid));
    }
  gtk_string_list_append (labels, _("System"));
  g_ptr_array_add (self->staff_uuids, g_strdup ("system"));

  g_signal_handlers_block_by_func (self->staff_dropdown, filter_changed_cb, self);
  gtk_drop_down_set_model (self->staff_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->staff_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->staff_dropdown, filter_changed_cb, self);
}

static void
map_cb (JyAuditPage *self)
{
  if (self->store == NULL || !jy_store_session_can (self->store, JY_PERMISSION_AUDIT_VIEW))
    return;
  /* The newest entries whenever the page is shown. */
  jy_store_read_async (self->store, staff_func, NULL, NULL, (GDestroyNotify)g_ptr_array_unref,
                       self->cancellable, staff_loaded_cb, g_object_ref (self));
  jy_audit_page_reload (self);
}

void
jy_audit_page_set_store (JyAuditPage *self,
                         JyStore     *store)
{
  g_return_if_fail (JY_IS_AUDIT_PAGE (self));

  g_set_object (&self->store, store);
}

GListModel *
jy_audit_page_get_model (JyAuditPage *self)
{
  g_return_val_if_fail (JY_IS_AUDIT_PAGE (self), NULL);
  return G_LIST_MODEL (self->entries);
}

/* Export ---------------------------------------------------------------------- */

typedef struct
{
  JyAuditFilter     *filter;
  GFileOutputStream *out;
  guint              n;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  jy_audit_filter_free (job->filter);
  g_clear_object (&job->out);
  g_free (job);
}

static gpointer
export_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ExportJob *job = data;

  if (!jy_audit_store_export_csv (db, job->filter, G_OUTPUT_STREAM (job->out), &job->n, cancellable, error))
    return NULL;
  return g_memdup2 (&job->n, sizeof job->n);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JyAuditPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree guint *n = jy_store_write_finish (JY_STORE (object), result, &error);
  g_autofree char *text = NULL;

  if (n == NULL)
    {
      g_autofree char *message = jy_cli_describe_store_error (error);

      g_warning ("Could not export the audit log: %s", error->message);
      toast (self, message);
      return;
    }
  /* Translators: a toast; %u is how many entries of the audit log were exported */
  text = g_strdup_printf (ngettext ("Exported %u entry", "Exported %u entries", *n), *n);
  toast (self, text);
}

void
jy_audit_page_export_to_file (JyAuditPage *self,
                              GFile       *file)
{
  g_autoptr(GError) error = NULL;
  ExportJob *job;
  JyAuditFilter *filter;

  g_return_if_fail (JY_IS_AUDIT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL || (filter = current_filter (self)) == NULL)
    return;
  job = g_new0 (ExportJob, 1);
  job->filter = filter;
  /* Who saw whom is personal data too: readable by the owner only. */
  job->out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                             NULL, &error);
  if (job->out == NULL)
    {
      g_warning ("Could not write the audit export: %s", error->message);
      toast (self, _("The file could not be written"));
      export_job_free (job);
      return;
    }
  jy_store_write_async (self->store, export_func, job, (GDestroyNotify)export_job_free, g_free, NULL,
                        exported_cb, g_object_ref (self));
}

static void
export_response_cb (JyAuditPage          *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      jy_audit_page_export_to_file (self, file);
    }
  g_object_set_data (G_OBJECT (self), "jy-export-chooser", NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JyAuditPage *self = JY_AUDIT_PAGE (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Audit Log"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name of an audit export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("audit-log.csv"));
  g_object_set_data_full (G_OBJECT (self), "jy-export-chooser", chooser, g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
jy_audit_page_dispose (GObject *object)
{
  JyAuditPage *self = (JyAuditPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_AUDIT_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->staff_uuids, g_ptr_array_unref);

  G_OBJECT_CLASS (jy_audit_page_parent_class)->dispose (object);
}

static void
jy_audit_page_class_init (JyAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_audit_page_dispose;

  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JyAuditPage, staff_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyAuditPage, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyAuditPage, resident_entry);
  gtk_widget_class_bind_template_child (widget_class, JyAuditPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, JyAuditPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, JyAuditPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, JyAuditPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JyAuditPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, JyAuditPage, error_status);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "audit.export", NULL, export_action);
}

static void
jy_audit_page_init (JyAuditPage *self)
{
  g_autoptr(GtkStringList) actions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) staff = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (JY_TYPE_AUDIT_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  jy_audit_columns_add (self->column_view);

  gtk_string_list_append (actions, _("All actions"));
  for (guint i = 0; i < jy_audit_get_n_actions (); i++)
    gtk_string_list_append (actions, jy_audit_action_get_label (jy_audit_get_action (i)));
  g_signal_handlers_block_by_func (self->action_dropdown, filter_changed_cb, self);
  gtk_drop_down_set_model (self->action_dropdown, G_LIST_MODEL (actions));
  g_signal_handlers_unblock_by_func (self->action_dropdown, filter_changed_cb, self);

  gtk_string_list_append (staff, _("All staff"));
  g_signal_handlers_block_by_func (self->staff_dropdown, filter_changed_cb, self);
  gtk_drop_down_set_model (self->staff_dropdown, G_LIST_MODEL (staff));
  g_signal_handlers_unblock_by_func (self->staff_dropdown, filter_changed_cb, self);

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
