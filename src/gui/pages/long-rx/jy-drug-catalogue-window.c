/* jy-drug-catalogue-window.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-drug-catalogue-window.h"

#include <glib/gi18n.h>

#include "jy-gui-format.h"
#include "jy-long-rx-store.h"

struct _JyDrugCatalogueWindow
{
  AdwWindow     parent_instance;

  JyStore      *store;
  GCancellable *cancellable;
  GPtrArray    *results;        /* JyDrug */
  JyDrug       *editing;        /* NULL: a new line */

  GtkSearchEntry *search;
  GtkListBox   *list;
  GtkEntry     *entries[9];
  GtkDropDown  *insurance;
  GtkCheckButton *exclusions[7];
  GtkCheckButton *flags[4];
  GtkLabel     *error;
  GtkLabel     *status;
  GtkWidget    *save_button;
};

G_DEFINE_FINAL_TYPE (JyDrugCatalogueWindow, jy_drug_catalogue_window, ADW_TYPE_WINDOW)

enum { E_CODE, E_NAME, E_ENGLISH, E_STRENGTH, E_FORM, E_DOSE, E_UNIT, E_PACK, E_PACK_UNIT };

static const struct { const char *name; const char *label; } entry_fields[] = {
  { "drug-code", N_("Code") },
  { "drug-name", N_("Generic name (通用名)") },
  { "drug-english", N_("English name") },
  { "drug-strength", N_("Strength") },
  { "drug-form", N_("Form") },
  { "drug-dose", N_("Usual dose") },
  { "drug-unit", N_("Dose unit") },
  { "drug-pack", N_("Units per pack") },
  { "drug-pack-unit", N_("Pack unit") },
};

static const char *flag_labels[] = {
  N_("Special storage advice (allowed)"), N_("High-alert drug"),
  N_("Narrow therapeutic index"), N_("Chronic infection (TB): allowed"),
};

static const char *
text_of (GtkEntry *entry)
{
  const char *t = gtk_editable_get_text (GTK_EDITABLE (entry));

  return t != NULL && *t != '\0' ? t : NULL;
}

/* Editing --------------------------------------------------------------------- */

static void
show_drug (JyDrugCatalogueWindow *self,
           const JyDrug          *drug)
{
  const char *values[G_N_ELEMENTS (entry_fields)] = { 0 };
  g_autofree char *pack = NULL;

  g_clear_pointer (&self->editing, jy_drug_free);
  if (drug != NULL)
    {
      self->editing = jy_drug_copy (drug);
      pack = g_strdup_printf ("%g", drug->pack_size);
      values[E_CODE] = drug->code;
      values[E_NAME] = drug->generic_name;
      values[E_ENGLISH] = drug->english_name;
      values[E_STRENGTH] = drug->strength;
      values[E_FORM] = drug->form;
      values[E_DOSE] = drug->usual_dose;
      values[E_UNIT] = drug->unit;
      values[E_PACK] = pack;
      values[E_PACK_UNIT] = drug->pack_unit;
    }
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    gtk_editable_set_text (GTK_EDITABLE (self->entries[i]), values[i] != NULL ? values[i] : "");
  /* The code names the line: it is not changed once saved. */
  gtk_editable_set_editable (GTK_EDITABLE (self->entries[E_CODE]), drug == NULL);
  gtk_drop_down_set_selected (self->insurance,
                              drug == NULL || drug->insurance_class == NULL ? 0
                              : g_str_equal (drug->insurance_class, "甲") ? 1 : 2);
  for (guint i = 0; i < G_N_ELEMENTS (self->exclusions); i++)
    gtk_check_button_set_active (self->exclusions[i], drug != NULL && (drug->exclusions & (1u << i)) != 0);
  for (guint i = 0; i < G_N_ELEMENTS (self->flags); i++)
    gtk_check_button_set_active (self->flags[i], drug != NULL && (drug->flags & (1u << i)) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
}

static JyDrug *
form_drug (JyDrugCatalogueWindow *self)
{
  JyDrug *drug = self->editing != NULL ? jy_drug_copy (self->editing) : jy_drug_new ();
  char **fields[] = { &drug->code, &drug->generic_name, &drug->english_name, &drug->strength,
                      &drug->form, &drug->usual_dose, &drug->unit, NULL, &drug->pack_unit };
  const char *pack = text_of (self->entries[E_PACK]);
  char *end = NULL;
  guint sel = gtk_drop_down_get_selected (self->insurance);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL)
      {
        g_free (*fields[i]);
        *fields[i] = g_strdup (text_of (self->entries[i]));
      }
  drug->pack_size = pack != NULL ? g_ascii_strtod (pack, &end) : 0;
  if (pack != NULL && (end == pack || *end != '\0'))
    drug->pack_size = 0;
  g_free (drug->insurance_class);
  drug->insurance_class = sel == 1 ? g_strdup ("甲") : sel == 2 ? g_strdup ("乙") : NULL;
  drug->exclusions = 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->exclusions); i++)
    if (gtk_check_button_get_active (self->exclusions[i]))
      drug->exclusions |= 1u << i;
  drug->flags = 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->flags); i++)
    if (gtk_check_button_get_active (self->flags[i]))
      drug->flags |= 1u << i;
  drug->active = TRUE;
  return drug;
}

static void search_now (JyDrugCatalogueWindow *self);

static gpointer
save_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  return jy_drug_store_save (db, data, error) ? JY_STORE_DONE : NULL;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JyDrugCatalogueWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      g_autofree char *message = error->domain == JY_STORE_ERROR && error->code == JY_STORE_ERROR_INVALID
                                   ? g_strdup (error->message) : jy_gui_format_store_error (error);

      /* Everything typed stays in the form. */
      gtk_label_set_label (self->error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
      return;
    }
  gtk_label_set_label (self->status, _("Saved."));
  search_now (self);
}

static void
save_clicked_cb (JyDrugCatalogueWindow *self)
{
  JyDrug *drug = form_drug (self);

  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  jy_store_write_async (self->store, save_func, drug, (GDestroyNotify) jy_drug_free, NULL, NULL,
                        saved_cb, g_object_ref (self));
}

static void
add_clicked_cb (JyDrugCatalogueWindow *self)
{
  show_drug (self, NULL);
  gtk_label_set_label (self->status, _("New line: fill in the fields, then save."));
  gtk_widget_grab_focus (GTK_WIDGET (self->entries[E_CODE]));
}

/* Searching ------------------------------------------------------------------- */

static gpointer
search_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  return jy_drug_store_search (db, data, 200, error);
}

static void
searched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JyDrugCatalogueWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *drugs = jy_store_read_finish (JY_STORE (object), result, &error);
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  if (drugs == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      gtk_label_set_label (self->status, message);
      return;
    }
  self->results = drugs;
  for (guint i = 0; i < drugs->len; i++)
    {
      const JyDrug *d = g_ptr_array_index (drugs, i);
      g_autofree char *text = g_strdup_printf ("%s  %s  %s", d->code, d->generic_name,
                                               d->strength != NULL ? d->strength : "");
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      g_object_set (label, "margin-top", 6, "margin-bottom", 6, "margin-start", 6, "margin-end", 6, NULL);
      gtk_list_box_append (self->list, label);
    }
}

static void
search_now (JyDrugCatalogueWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  jy_store_read_async (self->store, search_func,
                       g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search))), g_free,
                       (GDestroyNotify) g_ptr_array_unref, self->cancellable, searched_cb, g_object_ref (self));
}

static void
row_activated_cb (JyDrugCatalogueWindow *self,
                  GtkListBoxRow         *row)
{
  int i = gtk_list_box_row_get_index (row);

  if (self->results != NULL && i >= 0 && (guint) i < self->results->len)
    {
      show_drug (self, g_ptr_array_index (self->results, i));
      gtk_label_set_label (self->status, "");
    }
}

/* Importing ------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *problems;
  int        saved;
} ImportResult;

static void
import_result_free (ImportResult *r)
{
  g_clear_pointer (&r->problems, g_ptr_array_unref);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportResult, import_result_free)

static gpointer
import_func (JyDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  g_autoptr(ImportResult) r = g_new0 (ImportResult, 1);
  gsize length = 0;
  const char *text = g_bytes_get_data (data, &length);

  r->saved = jy_drug_store_import_csv (db, text != NULL ? text : "", length, &r->problems, error);
  return r->saved >= 0 ? g_steal_pointer (&r) : NULL;
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JyDrugCatalogueWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImportResult) job = jy_store_write_finish (JY_STORE (object), result, &error);
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  if (job == NULL)
    {
      g_autofree char *message = error->domain == JY_STORE_ERROR && error->code == JY_STORE_ERROR_INVALID
                                   ? g_strdup (error->message) : jy_gui_format_store_error (error);

      g_string_append (body, message);
    }
  else
    {
      guint rejected = job->problems != NULL ? job->problems->len : 0;

      /* Translators: %d drugs saved, %u lines left out */
      g_string_append_printf (body, ngettext ("%d drug saved, %u lines left out.",
                                              "%d drugs saved, %u lines left out.", job->saved),
                              job->saved, rejected);
      for (guint i = 0; i < rejected; i++)
        g_string_append_printf (body, "\n%s", (const char *) g_ptr_array_index (job->problems, i));
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       job != NULL ? _("Catalogue Imported") : _("Could Not Import"),
                                                       body->str));
  gtk_widget_set_name (GTK_WIDGET (dialog), "drug-import-result");
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  search_now (self);
}

void
jy_drug_catalogue_window_import (JyDrugCatalogueWindow *self,
                                 GBytes                *contents)
{
  g_return_if_fail (JY_IS_DRUG_CATALOGUE_WINDOW (self));
  jy_store_write_async (self->store, import_func, g_bytes_ref (contents), (GDestroyNotify) g_bytes_unref,
                        (GDestroyNotify) import_result_free, NULL,
                        imported_cb, g_object_ref (self));
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JyDrugCatalogueWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);

  if (bytes == NULL)
    {
      gtk_label_set_label (self->status, error->message);
      return;
    }
  jy_drug_catalogue_window_import (self, bytes);
}

static void
chooser_response_cb (GtkNativeDialog       *chooser,
                     int                    response,
                     JyDrugCatalogueWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_file_load_bytes_async (file, NULL, file_loaded_cb, g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
import_clicked_cb (JyDrugCatalogueWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Drug Catalogue"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Import"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Building -------------------------------------------------------------------- */

static GtkWidget *
build_form (JyDrugCatalogueWindow *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *checks = gtk_flow_box_new ();
  g_autoptr(GtkStringList) classes = gtk_string_list_new (NULL);
  GtkWidget *label;
  int row = 0;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++, row++)
    {
      label = gtk_label_new (_(entry_fields[i].label));
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      self->entries[i] = GTK_ENTRY (gtk_entry_new ());
      gtk_widget_set_name (GTK_WIDGET (self->entries[i]), entry_fields[i].name);
      gtk_widget_set_hexpand (GTK_WIDGET (self->entries[i]), TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entries[i]), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->entries[i]), 1, row, 1, 1);
    }
  gtk_string_list_append (classes, _("Not covered"));
  gtk_string_list_append (classes, "甲");
  gtk_string_list_append (classes, "乙");
  label = gtk_label_new (_("Insurance class"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  self->insurance = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (classes)), NULL));
  gtk_widget_set_name (GTK_WIDGET (self->insurance), "drug-insurance");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->insurance), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Insurance class"), -1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->insurance), 1, row++, 1, 1);

  label = gtk_label_new (_("Never on a long prescription (§4.3)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (GTK_GRID (grid), label, 0, row++, 2, 1);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (checks), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (checks), 2);
  for (guint i = 0; i < G_N_ELEMENTS (self->exclusions); i++)
    {
      g_autofree char *name = g_strdup_printf ("drug-exclusion-%u", i);

      self->exclusions[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_(jy_drug_exclusion_label (1u << i))));
      gtk_widget_set_name (GTK_WIDGET (self->exclusions[i]), name);
      gtk_flow_box_append (GTK_FLOW_BOX (checks), GTK_WIDGET (self->exclusions[i]));
    }
  gtk_grid_attach (GTK_GRID (grid), checks, 0, row++, 2, 1);

  label = gtk_label_new (_("Other flags"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (GTK_GRID (grid), label, 0, row++, 2, 1);
  checks = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (checks), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (checks), 2);
  for (guint i = 0; i < G_N_ELEMENTS (self->flags); i++)
    {
      g_autofree char *name = g_strdup_printf ("drug-flag-%u", i);

      self->flags[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_(flag_labels[i])));
      gtk_widget_set_name (GTK_WIDGET (self->flags[i]), name);
      gtk_flow_box_append (GTK_FLOW_BOX (checks), GTK_WIDGET (self->flags[i]));
    }
  gtk_grid_attach (GTK_GRID (grid), checks, 0, row++, 2, 1);

  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->error), "drug-error");
  gtk_label_set_wrap (self->error, TRUE);
  gtk_label_set_xalign (self->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->error), 0, row++, 2, 1);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_name (self->save_button, "drug-save");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  return grid;
}

static void
jy_drug_catalogue_window_dispose (GObject *object)
{
  JyDrugCatalogueWindow *self = JY_DRUG_CATALOGUE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->editing, jy_drug_free);
  G_OBJECT_CLASS (jy_drug_catalogue_window_parent_class)->dispose (object);
}

static void
jy_drug_catalogue_window_class_init (JyDrugCatalogueWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jy_drug_catalogue_window_dispose;
}

static void
jy_drug_catalogue_window_init (JyDrugCatalogueWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import CSV…"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *form_scroll = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Drug Catalogue"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 760);
  gtk_widget_set_name (add, "drug-add");
  gtk_widget_set_name (import, "drug-import");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  g_signal_connect_swapped (import, "clicked", G_CALLBACK (import_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), add);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), import);
  gtk_box_append (GTK_BOX (content), header);

  g_object_set (body, "margin-top", 12, "margin-bottom", 12, "margin-start", 18, "margin-end", 18, NULL);
  gtk_widget_set_vexpand (body, TRUE);
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->search), "drug-catalogue-search");
  g_object_set (self->search, "placeholder-text", _("Name or pinyin initials"), NULL);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_now), self);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "drug-catalogue-results");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_widget_set_size_request (left, 320, -1);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (left), scroll);
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->status), "drug-status");
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (body), left);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (form_scroll), build_form (self));
  /* Always in sight, however long the form. */
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (form_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_hexpand (form_scroll, TRUE);
  gtk_box_append (GTK_BOX (body), form_scroll);
  gtk_box_append (GTK_BOX (content), body);
  adw_window_set_content (ADW_WINDOW (self), content);
  show_drug (self, NULL);
}

JyDrugCatalogueWindow *
jy_drug_catalogue_window_new (GtkWindow *parent,
                              JyStore   *store)
{
  JyDrugCatalogueWindow *self = g_object_new (JY_TYPE_DRUG_CATALOGUE_WINDOW,
                                              "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  search_now (self);
  return self;
}

guint
jy_drug_catalogue_window_get_n_results (JyDrugCatalogueWindow *self)
{
  g_return_val_if_fail (JY_IS_DRUG_CATALOGUE_WINDOW (self), 0);
  return self->results != NULL ? self->results->len : 0;
}
