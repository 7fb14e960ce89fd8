/* jy-resident-editor.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-editor-private.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-gui-format.h"
#include "jy-household.h"
#include "jy-idcard.h"
#include "jy-resident-problem-message.h"
#include "jy-resident-store.h"

/* Drop-down positions ⇄ stored codes. */
static const char *const sex_codes[] = { "1", "2", "9", "0" };
static const char *const residence_codes[] = { "1", "2" };
static const char *const insurance_codes[] = { "1", "2", "4", "5", "6", "7", "8", NULL };


G_DEFINE_FINAL_TYPE (JyResidentEditor, jy_resident_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  OPEN_RESIDENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
jy_resident_editor_emit_open_resident (JyResidentEditor *self,
                                       gint64            resident_id)
{
  g_signal_emit (self, signals[OPEN_RESIDENT], 0, resident_id);
}

static char *
entry_text (GtkEntry *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static guint
code_position (const char *const *codes,
               guint              n_codes,
               const char        *code)
{
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The record as the form stands, normalised the way the store will. */
static JyResident *
read_form (JyResidentEditor *self)
{
  JyResident *r = self->original != NULL ? jy_resident_copy (self->original)
                : self->prefill != NULL ? jy_resident_copy (self->prefill)
                : jy_resident_new ();
  guint sex = gtk_drop_down_get_selected (self->sex_dropdown);
  guint residence = gtk_drop_down_get_selected (self->residence_dropdown);
  guint insurance = gtk_drop_down_get_selected (self->insurance_dropdown);
  guint area = gtk_drop_down_get_selected (self->area_dropdown);
  guint team = gtk_drop_down_get_selected (self->team_dropdown);
  guint ethnicity = gtk_drop_down_get_selected (self->ethnicity_dropdown);

#define SET(field, value) G_STMT_START { g_free (r->field); r->field = (value); } G_STMT_END
  SET (name, entry_text (self->name_entry));
  SET (id_number, entry_text (self->id_number_entry));
  SET (sex, sex < G_N_ELEMENTS (sex_codes) ? g_strdup (sex_codes[sex]) : NULL);
  SET (birth_date, entry_text (self->birth_entry));
  SET (phone, entry_text (self->phone_entry));
  SET (contact_name, entry_text (self->contact_name_entry));
  SET (contact_phone, entry_text (self->contact_phone_entry));
  SET (address_detail, entry_text (self->address_entry));
  SET (registered_address, entry_text (self->registered_entry));
  SET (residence_type, residence < G_N_ELEMENTS (residence_codes) ? g_strdup (residence_codes[residence]) : NULL);
  SET (insurance, insurance < G_N_ELEMENTS (insurance_codes) ? g_strdup (insurance_codes[insurance]) : NULL);

  /* Only communities can hold a resident; a street is a heading. */
  if (self->choices != NULL && area != GTK_INVALID_LIST_POSITION && area > 0 &&
      area - 1 < self->choices->areas->len)
    {
      JyAreaChoice *choice = g_ptr_array_index (self->choices->areas, area - 1);

      SET (area_code, choice->level >= 5 ? g_strdup (choice->code) : NULL);
    }
  else
    SET (area_code, NULL);

  if (ethnicity == 0)
    SET (ethnicity, g_strdup ("01"));
  else if (ethnicity == 1 && (r->ethnicity == NULL || g_str_equal (r->ethnicity, "01")))
    SET (ethnicity, g_strdup ("97"));   /* a minority code kept as it was, else "other" */
#undef SET

  if (self->choices != NULL && team != GTK_INVALID_LIST_POSITION && team > 0 &&
      team - 1 < self->choices->teams->len)
    r->team_id = ((JyTeamChoice *)g_ptr_array_index (self->choices->teams, team - 1))->id;
  else
    r->team_id = 0;

  {
    const char *const *codes = jy_household_relation_codes ();
    guint relation = gtk_drop_down_get_selected (self->relation_dropdown);

    /* Position 0 is "not in a household". */
    g_free (r->relation_to_head);
    r->relation_to_head = relation != GTK_INVALID_LIST_POSITION && relation > 0 &&
                          relation - 1 < g_strv_length ((char **)codes)
                          ? g_strdup (codes[relation - 1]) : NULL;
    if (r->relation_to_head == NULL)
      g_clear_pointer (&r->household_id, g_free);
  }

  r->registry_error_confirmed = gtk_check_button_get_active (self->confirm_check);
  jy_resident_normalize (r);
  return r;
}


static AdwActionRow *
row_for_field (JyResidentEditor *self,
               JyResidentField   field)
{
  switch (field)
    {
    case JY_RESIDENT_FIELD_NAME: return self->name_row;
    case JY_RESIDENT_FIELD_SEX: return self->sex_row;
    case JY_RESIDENT_FIELD_BIRTH_DATE: return self->birth_row;
    case JY_RESIDENT_FIELD_ID_NUMBER: return self->id_number_row;
    case JY_RESIDENT_FIELD_PHONE: return self->phone_row;
    case JY_RESIDENT_FIELD_CONTACT_PHONE: return self->contact_phone_row;
    case JY_RESIDENT_FIELD_AREA: return self->area_row;
    case JY_RESIDENT_FIELD_STATUS_DATE:
    default: return NULL;
    }
}

static void
set_row_message (AdwActionRow *row,
                 const char   *message)
{
  adw_action_row_set_subtitle (row, message != NULL ? message : "");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Shows each problem at its field; returns how many block saving. */
static guint
show_problems (JyResidentEditor *self)
{
  AdwActionRow *rows[] = {
    self->name_row, self->sex_row, self->birth_row, self->id_number_row,
    self->phone_row, self->contact_phone_row, self->area_row,
  };
  g_autoptr(JyResident) r = read_form (self);
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autoptr(GArray) problems = jy_resident_validate (r, today);
  gboolean mismatch = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    set_row_message (rows[i], NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const JyResidentProblem *problem = &g_array_index (problems, JyResidentProblem, i);
      AdwActionRow *row = row_for_field (self, problem->field);
      g_autofree char *message = NULL;

      if (problem->kind == JY_RESIDENT_PROBLEM_MISMATCH_ID)
        mismatch = TRUE;
      /* A blank new form is not an error until the user gets there. */
      if (row == NULL || (!self->tried_save && !g_hash_table_contains (self->touched, row)))
        continue;
      if (adw_action_row_get_subtitle (row) != NULL && adw_action_row_get_subtitle (row)[0] != '\0')
        continue;   /* first problem per field */
      message = jy_resident_problem_message (r, problem);
      set_row_message (row, message);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->confirm_row),
                          mismatch || gtk_check_button_get_active (self->confirm_check));
  return problems->len;
}

void
jy_resident_editor_show_banner (JyResidentEditor *self,
             const char       *text,
             gboolean          offer_open)
{
  gtk_label_set_label (self->banner_label, text);
  gtk_widget_set_visible (self->banner_button, offer_open);
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

/* A valid ID number fills sex and birth date, unless the user typed their
 * own; those are then checked against it. */
static void
fill_from_id (JyResidentEditor *self,
              const JyResident *r)
{
  g_autoptr(JyResident) derived = NULL;
  g_autofree char *birth = entry_text (self->birth_entry);
  g_autoptr(GDate) today = jy_clock_today_local ();
  guint sex = gtk_drop_down_get_selected (self->sex_dropdown);

  if (r->id_number == NULL || jy_idcard_validate (r->id_number, today) != JY_IDCARD_OK)
    return;

  derived = jy_resident_new ();
  derived->id_number = g_strdup (r->id_number);
  jy_resident_fill_from_id (derived);

  if (birth == NULL || g_strcmp0 (birth, self->auto_birth) == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), derived->birth_date);
      g_free (self->auto_birth);
      self->auto_birth = g_strdup (derived->birth_date);
    }
  if (sex == GTK_INVALID_LIST_POSITION || sex == 3 ||
      (sex < G_N_ELEMENTS (sex_codes) && g_strcmp0 (sex_codes[sex], self->auto_sex) == 0))
    {
      gtk_drop_down_set_selected (self->sex_dropdown,
                                  code_position (sex_codes, G_N_ELEMENTS (sex_codes), derived->sex));
      g_free (self->auto_sex);
      self->auto_sex = g_strdup (derived->sex);
    }
}

static void
field_changed (JyResidentEditor *self,
               GtkWidget        *widget)
{
  g_autoptr(JyResident) r = NULL;
  GtkWidget *row;

  if (self->loading)
    return;

  row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  if (row != NULL)
    g_hash_table_add (self->touched, row);

  r = read_form (self);
  if (widget == GTK_WIDGET (self->id_number_entry))
    {
      self->loading = TRUE;
      fill_from_id (self, r);
      self->loading = FALSE;
      jy_resident_editor_check_id_number (self, r);
    }
  show_problems (self);
}

static void
entry_changed_cb (JyResidentEditor *self,
                  GtkEditable      *entry)
{
  field_changed (self, GTK_WIDGET (entry));
}

static void
dropdown_changed_cb (JyResidentEditor *self,
                     GParamSpec       *pspec,
                     GtkDropDown      *dropdown)
{
  field_changed (self, GTK_WIDGET (dropdown));
}

static void
check_toggled_cb (JyResidentEditor *self,
                  GtkCheckButton   *check)
{
  field_changed (self, GTK_WIDGET (check));
}

typedef struct
{
  JyResident *resident;
  GDate       today;
  gboolean    is_new;
  gint64      make_head_id;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  jy_resident_free (job->resident);
  g_free (job);
}

static gpointer
save_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SaveJob *job = data;
  gboolean ok;

  /* The resident the member joins heads the new household. */
  if (job->make_head_id > 0)
    {
      g_autoptr(JyResident) head = jy_resident_store_load (db, job->make_head_id, error);

      if (head == NULL)
        return NULL;
      if (head->household_id == NULL)
        {
          head->household_id = g_strdup (job->resident->household_id);
          g_free (head->relation_to_head);
          head->relation_to_head = g_strdup (JY_HOUSEHOLD_RELATION_HEAD);
          if (!jy_resident_store_update (db, head, &job->today, error))
            return NULL;
        }
    }

  ok = job->is_new ? jy_resident_store_insert (db, job->resident, &job->today, error)
                   : jy_resident_store_update (db, job->resident, &job->today, error);

  return ok ? g_memdup2 (&job->resident->id, sizeof (gint64)) : NULL;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JyResidentEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *id = jy_store_write_finish (JY_STORE (object), result, &error);

  self->saving = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);

  if (id == NULL)
    {
      g_autofree char *message = jy_gui_format_store_error (error);

      /* The form stays as it is: nothing typed is lost. */
      g_warning ("Could not save resident: %s", error->message);
      jy_resident_editor_show_banner (self, message, FALSE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, *id);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
jy_resident_editor_save (JyResidentEditor *self)
{
  SaveJob *job = g_new0 (SaveJob, 1);
  g_autoptr(GDate) today = jy_clock_today_local ();

  job->resident = read_form (self);
  job->today = *today;
  job->is_new = self->original == NULL;
  /* A relation without a household starts one. */
  if (job->resident->relation_to_head != NULL && job->resident->household_id == NULL)
    job->resident->household_id = g_uuid_string_random ();
  job->make_head_id = self->make_head_id;

  self->saving = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  jy_store_write_async (self->store, save_func, job, (GDestroyNotify)save_job_free, g_free,
                        NULL, saved_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JyResidentEditor *self = JY_RESIDENT_EDITOR (widget);
  g_autoptr(JyResident) r = NULL;

  if (self->saving || self->loading)
    return;

  self->tried_save = TRUE;
  if (show_problems (self) > 0)
    {
      /* Take the doctor to the first field to fix. */
      AdwActionRow *rows[] = { self->name_row, self->id_number_row, self->sex_row, self->birth_row,
                               self->phone_row, self->contact_phone_row, self->area_row };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        if (gtk_widget_has_css_class (GTK_WIDGET (rows[i]), "error"))
          {
            gtk_widget_child_focus (GTK_WIDGET (rows[i]), GTK_DIR_TAB_FORWARD);
            break;
          }
      return;
    }

  if (self->existing_id != 0)
    {
      jy_resident_editor_show_banner (self, _("Not saved: this ID number already belongs to another resident."), TRUE);
      return;
    }

  r = read_form (self);
  if (self->original == NULL)
    jy_resident_editor_check_same_person (self, r);
  else
    jy_resident_editor_save (self);
}

static void
fill_choices (JyResidentEditor *self)
{
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) teams = gtk_string_list_new (NULL);

  gtk_string_list_append (areas, _("Not recorded"));
  gtk_string_list_append (teams, _("None"));
  if (self->choices != NULL)
    {
      for (guint i = 0; i < self->choices->areas->len; i++)
        {
          JyAreaChoice *area = g_ptr_array_index (self->choices->areas, i);
          g_autofree char *label = area->level >= 5 ? g_strconcat ("    ", area->name, NULL)
                                                    : g_strdup (area->name);

          gtk_string_list_append (areas, label);
        }
      for (guint i = 0; i < self->choices->teams->len; i++)
        gtk_string_list_append (teams, ((JyTeamChoice *)g_ptr_array_index (self->choices->teams, i))->name);
    }
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (areas));
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (teams));

  {
    g_autoptr(GtkStringList) relations = gtk_string_list_new (NULL);
    const char *const *codes = jy_household_relation_codes ();

    gtk_string_list_append (relations, _("Not in a household"));
    for (guint i = 0; codes[i] != NULL; i++)
      gtk_string_list_append (relations, _(jy_household_relation_english (codes[i])));
    gtk_drop_down_set_model (self->relation_dropdown, G_LIST_MODEL (relations));
  }
}

static void
fill_form (JyResidentEditor *self,
           const JyResident *r)
{
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), r->name ? r->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->id_number_entry), r->id_number ? r->id_number : "");
  gtk_drop_down_set_selected (self->sex_dropdown, code_position (sex_codes, G_N_ELEMENTS (sex_codes), r->sex));
  gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), r->birth_date ? r->birth_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), r->phone ? r->phone : "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_name_entry), r->contact_name ? r->contact_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_phone_entry), r->contact_phone ? r->contact_phone : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_entry), r->address_detail ? r->address_detail : "");
  gtk_editable_set_text (GTK_EDITABLE (self->registered_entry), r->registered_address ? r->registered_address : "");
  gtk_drop_down_set_selected (self->residence_dropdown,
                              r->residence_type != NULL ? code_position (residence_codes, G_N_ELEMENTS (residence_codes), r->residence_type) : 0);
  gtk_drop_down_set_selected (self->ethnicity_dropdown, r->ethnicity == NULL || g_str_equal (r->ethnicity, "01") ? 0 : 1);
  {
    guint pos = code_position (insurance_codes, G_N_ELEMENTS (insurance_codes) - 1, r->insurance);

    gtk_drop_down_set_selected (self->insurance_dropdown, pos != GTK_INVALID_LIST_POSITION ? pos : G_N_ELEMENTS (insurance_codes) - 1);
  }
  gtk_check_button_set_active (self->confirm_check, r->registry_error_confirmed);
  {
    const char *const *codes = jy_household_relation_codes ();
    guint pos = code_position (codes, g_strv_length ((char **)codes), r->relation_to_head);

    gtk_drop_down_set_selected (self->relation_dropdown, pos != GTK_INVALID_LIST_POSITION ? pos + 1 : 0);
  }

  gtk_drop_down_set_selected (self->area_dropdown, 0);
  gtk_drop_down_set_selected (self->team_dropdown, 0);
  if (self->choices != NULL)
    {
      for (guint i = 0; i < self->choices->areas->len; i++)
        if (g_strcmp0 (((JyAreaChoice *)g_ptr_array_index (self->choices->areas, i))->code, r->area_code) == 0)
          gtk_drop_down_set_selected (self->area_dropdown, i + 1);
      for (guint i = 0; i < self->choices->teams->len; i++)
        if (((JyTeamChoice *)g_ptr_array_index (self->choices->teams, i))->id == r->team_id)
          gtk_drop_down_set_selected (self->team_dropdown, i + 1);
    }
  self->loading = FALSE;
  show_problems (self);
}

static gpointer
load_func (JyDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return jy_resident_store_load (db, *(gint64 *)data, error);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JyResidentEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  JyResident *r = jy_store_read_finish (JY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (r == NULL)
    {
      g_warning ("Could not load resident for editing: %s", error->message);
      jy_resident_editor_show_banner (self, _("The record could not be read. Close this window and try again."), FALSE);
      return;
    }

  self->original = r;
  /* A record saved with a confirmed registry error keeps that choice. */
  fill_form (self, r);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
}

static void
jy_resident_editor_dispose (GObject *object)
{
  JyResidentEditor *self = (JyResidentEditor *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), JY_TYPE_RESIDENT_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->original, jy_resident_free);
  g_clear_pointer (&self->prefill, jy_resident_free);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->existing_checked, g_free);
  g_clear_pointer (&self->auto_birth, g_free);
  g_clear_pointer (&self->auto_sex, g_free);

  G_OBJECT_CLASS (jy_resident_editor_parent_class)->dispose (object);
}

static void
jy_resident_editor_class_init (JyResidentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_resident_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[OPEN_RESIDENT] = g_signal_new ("open-resident", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-resident-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, JyResidentEditor, name)
  BIND (window_title); BIND (save_button); BIND (banner_revealer); BIND (banner_label); BIND (banner_button);
  BIND (name_row); BIND (name_entry); BIND (id_number_row); BIND (id_number_entry);
  BIND (sex_row); BIND (sex_dropdown); BIND (birth_row); BIND (birth_entry);
  BIND (confirm_row); BIND (confirm_check); BIND (phone_row); BIND (phone_entry);
  BIND (contact_name_row); BIND (contact_name_entry); BIND (contact_phone_row); BIND (contact_phone_entry);
  BIND (area_row); BIND (area_dropdown); BIND (address_row); BIND (address_entry);
  BIND (registered_row); BIND (registered_entry); BIND (residence_row); BIND (residence_dropdown);
  BIND (ethnicity_row); BIND (ethnicity_dropdown); BIND (insurance_row); BIND (insurance_dropdown);
  BIND (team_row); BIND (team_dropdown); BIND (relation_row); BIND (relation_dropdown);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.open-existing", NULL, jy_resident_editor_open_existing_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_resident_editor_init (JyResidentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->touched = g_hash_table_new (NULL, NULL);
}

JyResidentEditor *
jy_resident_editor_new (GtkWindow       *parent,
                        JyStore         *store,
                        gint64           resident_id,
                        JyCentreChoices *choices)
{
  JyResidentEditor *self;

  g_return_val_if_fail (JY_IS_STORE (store), NULL);

  self = g_object_new (JY_TYPE_RESIDENT_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->choices = choices;
  fill_choices (self);

  if (resident_id > 0)
    {
      adw_window_title_set_title (self->window_title, _("Edit Resident"));
      self->loading = TRUE;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      jy_store_read_async (store, load_func, g_memdup2 (&resident_id, sizeof (gint64)), g_free,
                           (GDestroyNotify)jy_resident_free, self->cancellable,
                           loaded_cb, g_object_ref (self));
    }
  else
    {
      g_autoptr(JyResident) blank = jy_resident_new ();

      adw_window_title_set_title (self->window_title, _("New Resident"));
      blank->residence_type = g_strdup ("1");
      blank->ethnicity = g_strdup ("01");
      fill_form (self, blank);
      gtk_drop_down_set_selected (self->sex_dropdown, GTK_INVALID_LIST_POSITION);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));

  return self;
}

static void
member_of_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(JyResidentEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) other = jy_store_read_finish (JY_STORE (object), result, &error);
  g_autoptr(JyResident) blank = jy_resident_new ();

  self->loading = FALSE;
  if (other == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        jy_resident_editor_show_banner (self, _("The record could not be read. Close this window and try again."), FALSE);
      return;
    }

  /* Same home, same team: what a family shares. */
  blank->household_id = other->household_id != NULL ? g_strdup (other->household_id) : g_uuid_string_random ();
  blank->relation_to_head = g_strdup ("20");
  blank->area_code = g_strdup (other->area_code);
  blank->address_detail = g_strdup (other->address_detail);
  blank->registered_address = g_strdup (other->registered_address);
  blank->residence_type = g_strdup (other->residence_type);
  blank->ethnicity = g_strdup (other->ethnicity != NULL ? other->ethnicity : "01");
  blank->team_id = other->team_id;
  if (other->household_id == NULL)
    self->make_head_id = other->id;

  self->prefill = jy_resident_copy (blank);
  fill_form (self, blank);
  gtk_drop_down_set_selected (self->sex_dropdown, GTK_INVALID_LIST_POSITION);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
}

/* A new resident in @member_of_id's household (started if there is none,
 * with that resident as head), at the same address and with the same team. */
JyResidentEditor *
jy_resident_editor_new_family_member (GtkWindow       *parent,
                                      JyStore         *store,
                                      gint64           member_of_id,
                                      JyCentreChoices *choices)
{
  JyResidentEditor *self;

  g_return_val_if_fail (JY_IS_STORE (store), NULL);
  g_return_val_if_fail (member_of_id > 0, NULL);

  self = g_object_new (JY_TYPE_RESIDENT_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->choices = choices;
  fill_choices (self);
  adw_window_title_set_title (self->window_title, _("New Family Member"));
  self->loading = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  jy_store_read_async (store, load_func, g_memdup2 (&member_of_id, sizeof (gint64)), g_free,
                       (GDestroyNotify)jy_resident_free, self->cancellable,
                       member_of_loaded_cb, g_object_ref (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  return self;
}
