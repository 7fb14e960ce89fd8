/* jy-resident-editor-duplicates.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keeping one person to one record (domain.md §1.2 rule 8): an ID number
 * that already belongs to someone offers their record; the same name and
 * birth date asks before a second record is made.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-idcard.h"
#include "jy-resident-editor-private.h"
#include "jy-resident-store.h"

static gpointer
find_id_func (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  char **args = data;
  gint64 except = g_ascii_strtoll (args[1], NULL, 10);
  gint64 found = jy_resident_store_find_id_number (db, args[0], except, error);
  g_autoptr(GPtrArray) rows = NULL;

  if (found < 0)
    return NULL;
  if (found == 0)
    return g_ptr_array_new ();
  return jy_resident_store_load_rows (db, &found, 1, error);
}

static void
id_checked_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(JyResidentEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = jy_store_read_finish (JY_STORE (object), result, &error);
  g_autoptr(GDate) today = jy_clock_today_local ();
  const JyResidentRow *row;
  g_autofree char *who = NULL;
  g_autofree char *text = NULL;

  if (rows == NULL || rows->len == 0 || (row = g_ptr_array_index (rows, 0)) == NULL)
    {
      self->existing_id = 0;
      jy_resident_editor_show_banner (self, NULL, FALSE);
      return;
    }

  /* The same person must not get a second record: offer theirs. */
  self->existing_id = row->id;
  who = jy_gui_format_sex_age (row->sex, row->birth_date, today);
  /* Translators: %1$s is a resident's name, %2$s their sex and age */
  text = g_strdup_printf (_("This ID number already belongs to %1$s (%2$s)."), row->name, who);
  jy_resident_editor_show_banner (self, text, TRUE);
}

void
jy_resident_editor_check_id_number (JyResidentEditor *self,
                 const JyResident *r)
{
  g_autoptr(GDate) today = jy_clock_today_local ();
  char **args;

  if (r->id_number == NULL || jy_idcard_validate (r->id_number, today) != JY_IDCARD_OK)
    {
      g_clear_pointer (&self->existing_checked, g_free);
      self->existing_id = 0;
      jy_resident_editor_show_banner (self, NULL, FALSE);
      return;
    }
  if (g_strcmp0 (self->existing_checked, r->id_number) == 0)
    return;

  g_free (self->existing_checked);
  self->existing_checked = g_strdup (r->id_number);
  args = g_new0 (char *, 3);
  args[0] = g_strdup (r->id_number);
  args[1] = g_strdup_printf ("%" G_GINT64_FORMAT, self->original != NULL ? self->original->id : 0);
  jy_store_read_async (self->store, find_id_func, args, (GDestroyNotify)g_strfreev,
                       (GDestroyNotify)g_ptr_array_unref, self->cancellable,
                       id_checked_cb, g_object_ref (self));
}

static void
same_person_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         JyResidentEditor *self)
{
  gint64 *first = g_object_get_data (G_OBJECT (dialog), "first-id");

  if (g_strcmp0 (response, "create") == 0)
    jy_resident_editor_save (self);
  else if (g_strcmp0 (response, "open") == 0 && first != NULL)
    {
      jy_resident_editor_emit_open_resident (self, *first);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gpointer
find_same_func (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  JyResident *r = data;

  return jy_resident_store_find_name_birth (db, r->name, r->birth_date, error);
}

static void
same_checked_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JyResidentEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = jy_store_read_finish (JY_STORE (object), result, &error);
  AdwMessageDialog *dialog;

  if (ids == NULL || ids->len == 0)
    {
      jy_resident_editor_save (self);
      return;
    }

  /* Same name and birth date may be the same person: ask, don't block. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Is This the Same Person?"),
                                                       _("A resident with the same name and birth date is already registered.")));
  g_object_set_data_full (G_OBJECT (dialog), "first-id",
                          g_memdup2 (&g_array_index (ids, gint64, 0), sizeof (gint64)), g_free);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Open Existing Record"),
                                    "create", _("_Register a New Resident"), NULL);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (same_person_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
jy_resident_editor_open_existing_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JyResidentEditor *self = JY_RESIDENT_EDITOR (widget);

  if (self->existing_id == 0)
    return;
  jy_resident_editor_emit_open_resident (self, self->existing_id);
  gtk_window_destroy (GTK_WINDOW (self));
}


/* Same name and birth date may be the same person: ask before saving a
 * new record (then jy_resident_editor_save() or open the existing one). */
void
jy_resident_editor_check_same_person (JyResidentEditor *self,
                                      const JyResident *r)
{
  jy_store_read_async (self->store, find_same_func, jy_resident_copy (r),
                       (GDestroyNotify)jy_resident_free, (GDestroyNotify)g_array_unref,
                       self->cancellable, same_checked_cb, g_object_ref (self));
}
