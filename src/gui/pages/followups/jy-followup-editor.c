/* jy-followup-editor.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-editor.h"

#include <glib/gi18n.h>

#include "jy-followup-form.h"
#include "jy-gui-format.h"
#include "jy-person.h"

struct _JyFollowupEditor
{
  AdwWindow           parent_instance;

  /* The context, owned, so that a discarded draft can start afresh. */
  JyFollowupFormContext context;
  JyFollowupPolicy    policy;
  char               *strings[5];
  JyFollowup         *followups[4];

  JyFollowupDrafts   *drafts;
  JyFollowupForm     *form;
  JyFollowupSaveFunc  save_func;
  gpointer            save_data;
  GDestroyNotify      save_destroy;
  GPtrArray          *saving_records;   /* what was handed to save_func, for "saved" */
  GtkWidget          *focus_before_save; /* weak */
  gboolean            saving;
  gboolean            closing;

  AdwWindowTitle     *window_title;
  GtkWidget          *save_button;
  GtkWidget          *cancel_button;
  GtkSpinner         *spinner;
  GtkRevealer        *banner_revealer;
  GtkLabel           *banner_label;
  GtkWidget          *banner_button;
  AdwBin             *form_bin;
};

G_DEFINE_FINAL_TYPE (JyFollowupEditor, jy_followup_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_banner (JyFollowupEditor *self,
             const char       *text,
             gboolean          offer_discard)
{
  gtk_label_set_label (self->banner_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->banner_button, offer_discard);
  /* A draft is news; "not saved" is a problem. */
  if (offer_discard)
    gtk_widget_remove_css_class (GTK_WIDGET (self->banner_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->banner_label), "error");
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

static void
copy_context (JyFollowupEditor            *self,
              const JyFollowupFormContext *context)
{
  const char *strings[] = { context->resident_name, context->sex, context->birth_date,
                            context->author_name, context->author_role };
  const JyFollowup *followups[] = { context->htn.previous, context->htn.latest,
                                    context->t2dm.previous, context->t2dm.latest };

  self->context = *context;
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    self->strings[i] = g_strdup (strings[i]);
  for (guint i = 0; i < G_N_ELEMENTS (followups); i++)
    self->followups[i] = followups[i] != NULL ? jy_followup_copy (followups[i]) : NULL;
  self->policy = *(context->policy != NULL ? context->policy : jy_followup_policy_default ());

  self->context.resident_name = self->strings[0];
  self->context.sex = self->strings[1];
  self->context.birth_date = self->strings[2];
  self->context.author_name = self->strings[3];
  self->context.author_role = self->strings[4];
  self->context.htn.previous = self->followups[0];
  self->context.htn.latest = self->followups[1];
  self->context.t2dm.previous = self->followups[2];
  self->context.t2dm.latest = self->followups[3];
  self->context.policy = &self->policy;
}

/* "Not saved: …" is about the form as it was; the next edit answers it. */
static void
form_changed_cb (JyFollowupEditor *self)
{
  if (!gtk_widget_get_visible (self->banner_button))
    show_banner (self, NULL, FALSE);
}

static void
set_form (JyFollowupEditor *self,
          JyFollowupForm   *form)
{
  self->form = form;
  g_signal_connect_object (form, "changed", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->form_bin, GTK_WIDGET (form));
  gtk_widget_grab_focus (GTK_WIDGET (form));
}

static void
load_draft (JyFollowupEditor *self)
{
  g_autoptr(GPtrArray) records = NULL;

  if (self->drafts == NULL ||
      (records = jy_followup_drafts_dup (self->drafts, self->context.resident_id)) == NULL)
    return;
  for (guint i = 0; i < records->len; i++)
    {
      const JyFollowup *r = g_ptr_array_index (records, i);

      if ((self->context.programmes & r->programme) != 0)
        jy_followup_form_set_record (self->form, r);
    }
  show_banner (self, _("This is the unsaved draft of the last time this form was closed."), TRUE);
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JyFollowupEditor *self = JY_FOLLOWUP_EDITOR (widget);

  if (self->saving)
    return;
  if (self->drafts != NULL)
    jy_followup_drafts_remove (self->drafts, self->context.resident_id);
  set_form (self, jy_followup_form_new (&self->context));
  show_banner (self, NULL, FALSE);
}

static void
set_saving (JyFollowupEditor *self,
            gboolean          saving)
{
  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), saving);
  if (saving)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !saving);
  gtk_widget_set_sensitive (self->cancel_button, !saving);
  /* Nothing typed while the records are written would be in them; the
   * keyboard comes back where it was if the save fails. */
  if (saving)
    {
      g_set_weak_pointer (&self->focus_before_save, gtk_root_get_focus (GTK_ROOT (self)));
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !saving);
  if (!saving && self->focus_before_save != NULL)
    {
      gtk_widget_grab_focus (self->focus_before_save);
      g_clear_weak_pointer (&self->focus_before_save);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JyFollowupEditor *self = JY_FOLLOWUP_EDITOR (widget);
  g_autoptr(GPtrArray) records = NULL;

  if (self->saving)
    return;
  if (!jy_followup_form_validate (self->form))
    {
      show_banner (self, _("Not saved: correct the fields marked in red."), FALSE);
      return;
    }

  show_banner (self, NULL, FALSE);
  records = jy_followup_form_get_records (self->form);
  g_clear_pointer (&self->saving_records, g_ptr_array_unref);
  self->saving_records = g_ptr_array_ref (records);
  set_saving (self, TRUE);
  g_object_ref (self);   /* dropped in complete_save */

  if (self->save_func != NULL)
    self->save_func (self, g_steal_pointer (&records), self->save_data);
  else
    jy_followup_editor_complete_save (self, NULL);
}

void
jy_followup_editor_complete_save (JyFollowupEditor *self,
                                  const GError     *error)
{
  g_return_if_fail (JY_IS_FOLLOWUP_EDITOR (self));
  g_return_if_fail (self->saving);

  set_saving (self, FALSE);
  if (error != NULL)
    {
      g_autofree char *store_message = jy_gui_format_store_error (error);
      /* Translators: %s says why, e.g. the database is busy */
      g_autofree char *message = g_strdup_printf (_("Not saved: %s Everything you typed is still here; try again."),
                                                  store_message);

      g_warning ("Could not save follow-up: %s", error->message);
      show_banner (self, message, FALSE);
      g_object_unref (self);
      return;
    }

  if (self->drafts != NULL)
    jy_followup_drafts_remove (self->drafts, self->context.resident_id);
  jy_followup_form_set_edited (self->form, FALSE);
  g_signal_emit (self, signals[SAVED], 0, self->saving_records);
  g_clear_pointer (&self->saving_records, g_ptr_array_unref);
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  JyFollowupEditor *self = JY_FOLLOWUP_EDITOR (user_data);

  if (g_str_equal (response, "draft") && self->drafts != NULL)
    {
      g_autoptr(GPtrArray) records = jy_followup_form_get_records (self->form);

      jy_followup_drafts_put (self->drafts, self->context.resident_id, records);
    }
  else if (g_str_equal (response, "discard") && self->drafts != NULL)
    jy_followup_drafts_remove (self->drafts, self->context.resident_id);
  else if (!g_str_equal (response, "discard"))
    return;   /* keep editing */

  /* Once the dialog, transient for this window, has gone. */
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

static gboolean
jy_followup_editor_close_request (GtkWindow *window)
{
  JyFollowupEditor *self = JY_FOLLOWUP_EDITOR (window);
  AdwMessageDialog *dialog;

  if (self->saving)
    return TRUE;   /* the save decides */
  if (self->closing || !jy_followup_form_get_edited (self->form))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Keep This Follow-up as a Draft?"),
                                                       _("It has not been saved. A draft opens again the next time you start a follow-up for this resident.")));
  adw_message_dialog_add_response (dialog, "keep", _("_Keep Editing"));
  adw_message_dialog_add_response (dialog, "discard", _("_Discard"));
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  if (self->drafts != NULL)
    {
      adw_message_dialog_add_response (dialog, "draft", _("_Save Draft"));
      adw_message_dialog_set_response_appearance (dialog, "draft", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "draft");
    }
  else
    adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static char *
window_title (const JyFollowupFormContext *context)
{
  g_autofree char *age = NULL;
  const char *kind;
  GDate birth;

  if (context->programmes == (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM))
    kind = _("Hypertension and Diabetes Follow-up");
  else if (context->programmes == JY_PROGRAMME_T2DM)
    kind = _("Diabetes Follow-up");
  else
    kind = _("Hypertension Follow-up");
  if (!jy_person_parse_date (context->birth_date, &birth))
    return g_strdup_printf ("%s · %s", kind, context->resident_name != NULL ? context->resident_name : "");
  age = jy_gui_format_age (context->birth_date, &context->today);
  /* Translators: window title: %1$s the kind of follow-up, %2$s the resident, %3$s the age,
   * e.g. 高血压随访 · 王小燕 · 68岁 */
  return g_strdup_printf (_("%1$s · %2$s · %3$s"), kind,
                          context->resident_name != NULL ? context->resident_name : "", age);
}

static const char *
form_name (JyProgramme programmes)
{
  if (programmes == (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM))
    return _("Hypertension and type 2 diabetes follow-up record");
  if (programmes == JY_PROGRAMME_T2DM)
    return _("Type 2 diabetes follow-up record");
  return _("Hypertension follow-up record");
}

static void
jy_followup_editor_dispose (GObject *object)
{
  JyFollowupEditor *self = (JyFollowupEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_FOLLOWUP_EDITOR);
  if (self->save_destroy != NULL)
    g_clear_pointer (&self->save_data, self->save_destroy);
  self->save_func = NULL;
  g_clear_object (&self->drafts);
  g_clear_pointer (&self->saving_records, g_ptr_array_unref);
  g_clear_weak_pointer (&self->focus_before_save);

  G_OBJECT_CLASS (jy_followup_editor_parent_class)->dispose (object);
}

static void
jy_followup_editor_finalize (GObject *object)
{
  JyFollowupEditor *self = (JyFollowupEditor *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->followups); i++)
    g_clear_pointer (&self->followups[i], jy_followup_free);

  G_OBJECT_CLASS (jy_followup_editor_parent_class)->finalize (object);
}

static void
jy_followup_editor_class_init (JyFollowupEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jy_followup_editor_dispose;
  object_class->finalize = jy_followup_editor_finalize;
  window_class->close_request = jy_followup_editor_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-followup-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JyFollowupEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupEditor, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupEditor, banner_button);
  gtk_widget_class_bind_template_child (widget_class, JyFollowupEditor, form_bin);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL, discard_draft_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_followup_editor_init (JyFollowupEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

JyFollowupEditor *
jy_followup_editor_new (GtkWindow                   *parent,
                        const JyFollowupFormContext *context,
                        JyFollowupDrafts            *drafts)
{
  JyFollowupEditor *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (drafts == NULL || JY_IS_FOLLOWUP_DRAFTS (drafts), NULL);

  self = g_object_new (JY_TYPE_FOLLOWUP_EDITOR, "transient-for", parent, NULL);
  copy_context (self, context);
  self->drafts = drafts != NULL ? g_object_ref (drafts) : NULL;

  title = window_title (&self->context);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, form_name (self->context.programmes));
  gtk_window_set_title (GTK_WINDOW (self), title);

  set_form (self, jy_followup_form_new (&self->context));
  load_draft (self);
  return self;
}

JyFollowupForm *
jy_followup_editor_get_form (JyFollowupEditor *self)
{
  g_return_val_if_fail (JY_IS_FOLLOWUP_EDITOR (self), NULL);
  return self->form;
}

void
jy_followup_editor_set_save_func (JyFollowupEditor   *self,
                                  JyFollowupSaveFunc  func,
                                  gpointer            user_data,
                                  GDestroyNotify      destroy)
{
  g_return_if_fail (JY_IS_FOLLOWUP_EDITOR (self));

  if (self->save_destroy != NULL && self->save_data != NULL)
    self->save_destroy (self->save_data);
  self->save_func = func;
  self->save_data = user_data;
  self->save_destroy = destroy;
}

gboolean
jy_followup_editor_get_saving (JyFollowupEditor *self)
{
  g_return_val_if_fail (JY_IS_FOLLOWUP_EDITOR (self), FALSE);
  return self->saving;
}
