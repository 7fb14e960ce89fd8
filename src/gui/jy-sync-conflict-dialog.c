/* jy-sync-conflict-dialog.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-conflict-dialog.h"

#include <glib/gi18n.h>

#include "jy-sync-field-text.h"
#include "jy-sync-merge.h"

struct _JySyncConflictDialog
{
  AdwWindow        parent_instance;

  JyStore         *store;
  JySyncConflict  *conflict;     /* a copy */
  GPtrArray       *fields;       /* JySyncField, edit conflicts */
  GPtrArray       *mine_checks;  /* GtkCheckButton per differing field, NULL for the same */
  GCancellable    *cancellable;
  gboolean         busy;

  AdwToastOverlay *toast_overlay;
  GtkLabel        *heading_label;
  GtkLabel        *explanation_label;
  GtkLabel        *reason_label;
  GtkGrid         *field_grid;
  GtkButton       *keep_mine_button;
  GtkButton       *keep_theirs_button;
  GtkButton       *merge_button;
};

G_DEFINE_FINAL_TYPE (JySyncConflictDialog, jy_sync_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static JySyncConflict *
conflict_copy (const JySyncConflict *c)
{
  JySyncConflict *copy = g_new0 (JySyncConflict, 1);

  copy->id = c->id;
  copy->entity = g_strdup (c->entity);
  copy->row_uuid = g_strdup (c->row_uuid);
  copy->kind = g_strdup (c->kind);
  copy->mine = g_strdup (c->mine);
  copy->theirs = g_strdup (c->theirs);
  copy->theirs_version = g_strdup (c->theirs_version);
  copy->reason = g_strdup (c->reason);
  copy->created_at = g_strdup (c->created_at);
  copy->label = g_strdup (c->label);
  return copy;
}

static void
set_busy (JySyncConflictDialog *self,
          gboolean              busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_mine_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_theirs_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_button), !busy);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JySyncConflictDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (jy_store_write_finish (JY_STORE (object), result, &error) == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not resolve sync conflict %" G_GINT64_FORMAT ": %s", self->conflict->id, error->message);
      set_busy (self, FALSE);
      if (g_error_matches (error, JY_STORE_ERROR, JY_STORE_ERROR_PERMISSION))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Your role may not resolve sync conflicts")));
      else if (g_str_equal (self->conflict->kind, "invalid"))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("The platform’s record still cannot be stored here")));
      else
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Not saved: the chosen record could not be stored")));
      return;
    }

  g_signal_emit (self, signals[RESOLVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
resolve (JySyncConflictDialog *self,
         JySyncResolution      resolution,
         char                 *merged)
{
  JySyncResolveJob *job = g_new0 (JySyncResolveJob, 1);

  job->conflict_id = self->conflict->id;
  job->resolution = resolution;
  job->merged = merged;
  set_busy (self, TRUE);
  jy_store_write_async (self->store, jy_sync_resolve_job_run, job, (GDestroyNotify)jy_sync_resolve_job_free,
                        NULL, self->cancellable, resolved_cb, g_object_ref (self));
}

static void
keep_mine_cb (JySyncConflictDialog *self)
{
  resolve (self, JY_SYNC_KEEP_MINE, NULL);
}

static void
keep_theirs_cb (JySyncConflictDialog *self)
{
  resolve (self, JY_SYNC_KEEP_THEIRS, NULL);
}

static void
merge_cb (JySyncConflictDialog *self)
{
  g_autoptr(GPtrArray) take_mine = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint differing = 0;
  char *merged;

  for (guint i = 0; i < self->fields->len; i++)
    {
      JySyncField *field = g_ptr_array_index (self->fields, i);
      GtkCheckButton *mine = g_ptr_array_index (self->mine_checks, i);

      if (mine == NULL)
        continue;
      differing++;
      if (gtk_check_button_get_active (mine))
        g_ptr_array_add (take_mine, field->key);
    }
  /* All one side: that side, plainly. */
  if (take_mine->len == differing)
    {
      resolve (self, JY_SYNC_KEEP_MINE, NULL);
      return;
    }
  if (take_mine->len == 0)
    {
      resolve (self, JY_SYNC_KEEP_THEIRS, NULL);
      return;
    }
  g_ptr_array_add (take_mine, NULL);
  merged = jy_sync_fields_merge (self->conflict->mine, self->conflict->theirs,
                                 (const char * const *)take_mine->pdata, &error);
  if (merged == NULL)
    {
      g_warning ("Could not merge sync conflict %" G_GINT64_FORMAT ": %s", self->conflict->id, error->message);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Not saved: the chosen record could not be stored")));
      return;
    }
  resolve (self, JY_SYNC_KEEP_MERGED, merged);
}

static GtkWidget *
value_label (const char *text,
             gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
choice (const char *key,
        const char *side,
        const char *text)
{
  g_autofree char *name = g_strconcat (side, ":", key, NULL);
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), value_label (text, FALSE));
  gtk_widget_set_name (check, name);
  gtk_widget_set_hexpand (check, TRUE);
  return check;
}

static void
add_heading_row (JySyncConflictDialog *self,
                 gboolean              with_mine)
{
  const char *headings[] = { C_("conflict column", "Field"), C_("conflict column", "On this computer"),
                             C_("conflict column", "On the platform") };
  int column = 0;

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      GtkWidget *label;

      if (i == 1 && !with_mine)
        continue;
      label = gtk_label_new (headings[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->field_grid, label, column++, 0, 1, 1);
    }
}

/* Stable: the resource's order within each part. */
static void
differing_first (GPtrArray *fields)
{
  g_autoptr(GPtrArray) same = g_ptr_array_new ();
  guint kept = 0;

  for (guint i = 0; i < fields->len; i++)
    {
      JySyncField *field = g_ptr_array_index (fields, i);

      if (field->differs)
        fields->pdata[kept++] = field;
      else
        g_ptr_array_add (same, field);
    }
  for (guint i = 0; i < same->len; i++)
    fields->pdata[kept++] = g_ptr_array_index (same, i);
}

static void
build_edit (JySyncConflictDialog *self,
            gboolean              full_ids)
{
  g_autoptr(GError) error = NULL;
  int row = 1;

  self->fields = jy_sync_fields_compare (self->conflict->mine, self->conflict->theirs, &error);
  if (self->fields == NULL)
    {
      g_warning ("Sync conflict %" G_GINT64_FORMAT " is unreadable: %s", self->conflict->id, error->message);
      self->fields = g_ptr_array_new ();
      gtk_widget_set_sensitive (GTK_WIDGET (self->merge_button), FALSE);
    }
  /* What differs first; of the rest, only what says something. */
  differing_first (self->fields);
  self->mine_checks = g_ptr_array_new ();
  add_heading_row (self, TRUE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      JySyncField *field = g_ptr_array_index (self->fields, i);
      g_autofree char *mine = jy_sync_field_value_text (field->key, field->mine, full_ids);
      g_autofree char *theirs = jy_sync_field_value_text (field->key, field->theirs, full_ids);
      GtkWidget *label;

      if (!field->differs && (field->mine == NULL || g_str_equal (field->key, "managingOrganization") ||
                              g_str_equal (mine, C_("sync value", "(empty)"))))
        {
          g_ptr_array_add (self->mine_checks, NULL);
          continue;
        }
      label = gtk_label_new (jy_sync_field_label (field->key));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_grid_attach (self->field_grid, label, 0, row, 1, 1);
      if (field->differs)
        {
          GtkWidget *m = choice (field->key, "mine", mine);
          GtkWidget *t = choice (field->key, "theirs", theirs);

          /* The fields that differ stand out; the choice is per field. */
          gtk_widget_add_css_class (label, "heading");
          gtk_widget_add_css_class (label, "warning");
          gtk_check_button_set_group (GTK_CHECK_BUTTON (t), GTK_CHECK_BUTTON (m));
          gtk_check_button_set_active (GTK_CHECK_BUTTON (m), TRUE);
          gtk_grid_attach (self->field_grid, m, 1, row, 1, 1);
          gtk_grid_attach (self->field_grid, t, 2, row, 1, 1);
          g_ptr_array_add (self->mine_checks, m);
        }
      else
        {
          gtk_widget_add_css_class (label, "dim-label");
          gtk_grid_attach (self->field_grid, value_label (mine, TRUE), 1, row, 1, 1);
          gtk_grid_attach (self->field_grid, value_label (theirs, TRUE), 2, row, 1, 1);
          g_ptr_array_add (self->mine_checks, NULL);
        }
      row++;
    }
}

static void
build_invalid (JySyncConflictDialog *self,
               gboolean              full_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = jy_sync_fields_compare ("{}", self->conflict->theirs, &error);
  int row = 1;

  add_heading_row (self, FALSE);
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      JySyncField *field = g_ptr_array_index (fields, i);
      g_autofree char *theirs = jy_sync_field_value_text (field->key, field->theirs, full_ids);
      GtkWidget *label;

      if (g_str_equal (field->key, "managingOrganization"))
        continue;
      label = gtk_label_new (jy_sync_field_label (field->key));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_grid_attach (self->field_grid, label, 0, row, 1, 1);
      gtk_grid_attach (self->field_grid, value_label (theirs, FALSE), 1, row, 1, 1);
      row++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), TRUE);
  gtk_label_set_text (self->reason_label, self->conflict->reason != NULL ? self->conflict->reason : "");
  gtk_button_set_label (self->keep_mine_button, C_("invalid conflict", "Dismiss"));
  gtk_button_set_label (self->keep_theirs_button, C_("invalid conflict", "Try Again"));
  gtk_widget_set_visible (GTK_WIDGET (self->merge_button), FALSE);
}

JySyncConflictDialog *
jy_sync_conflict_dialog_new (JyStore              *store,
                             const JySyncConflict *conflict)
{
  JySyncConflictDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  gboolean full_ids;

  g_return_val_if_fail (JY_IS_STORE (store), NULL);
  g_return_val_if_fail (conflict != NULL, NULL);

  self = g_object_new (JY_TYPE_SYNC_CONFLICT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->conflict = conflict_copy (conflict);
  full_ids = jy_store_session_can (store, JY_PERMISSION_FULL_ID_NUMBER);

  name = conflict->label != NULL ? g_strdup (conflict->label) : jy_sync_resource_name (conflict->theirs);
  /* Translators: heading of a sync conflict: record kind (Resident), then its name */
  heading = g_strdup_printf (_("%s: %s"), jy_sync_entity_label (conflict->entity),
                             name != NULL ? name : conflict->row_uuid);
  gtk_label_set_text (self->heading_label, heading);

  if (g_strcmp0 (conflict->kind, "invalid") == 0)
    {
      gtk_label_set_text (self->explanation_label,
                          _("The platform sent this record, but it could not be stored on this computer. "
                            "Try again after the cause is fixed, or dismiss it."));
      build_invalid (self, full_ids);
    }
  else
    {
      gtk_label_set_text (self->explanation_label,
                          _("This record was changed on this computer and on the platform. Highlighted fields differ: "
                            "tick the version to keep for each, or keep one side whole. "
                            "Your choice is sent with the next sync."));
      build_edit (self, full_ids);
    }
  return self;
}

static void
jy_sync_conflict_dialog_dispose (GObject *object)
{
  JySyncConflictDialog *self = (JySyncConflictDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->conflict, jy_sync_conflict_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->mine_checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_SYNC_CONFLICT_DIALOG);

  G_OBJECT_CLASS (jy_sync_conflict_dialog_parent_class)->dispose (object);
}

static void
jy_sync_conflict_dialog_class_init (JySyncConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_sync_conflict_dialog_dispose;

  signals[RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-sync-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JySyncConflictDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JySyncConflictDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, JySyncConflictDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, JySyncConflictDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, JySyncConflictDialog, field_grid);
  gtk_widget_class_bind_template_child (widget_class, JySyncConflictDialog, keep_mine_button);
  gtk_widget_class_bind_template_child (widget_class, JySyncConflictDialog, keep_theirs_button);
  gtk_widget_class_bind_template_child (widget_class, JySyncConflictDialog, merge_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_sync_conflict_dialog_init (JySyncConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->keep_mine_button, "clicked", G_CALLBACK (keep_mine_cb), self);
  g_signal_connect_swapped (self->keep_theirs_button, "clicked", G_CALLBACK (keep_theirs_cb), self);
  g_signal_connect_swapped (self->merge_button, "clicked", G_CALLBACK (merge_cb), self);
}
