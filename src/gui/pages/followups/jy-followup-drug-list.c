/* jy-followup-drug-list.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-drug-list.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jy-followup-labels.h"

struct _JyFollowupDrugList
{
  GtkBox              parent_instance;

  JyFollowupDrugKind  kind;
  char               *name_prefix;
  GtkBox             *rows;
  GtkWidget          *add_button;
  guint               serial;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (JyFollowupDrugList, jy_followup_drug_list, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The entries of one row, kept on the row widget. */
typedef struct
{
  GtkEntry *name;
  GtkEntry *times;   /* NULL for insulin */
  GtkEntry *dose;
  GtkEntry *unit;    /* NULL for insulin: always U */
  GtkEntry *usage;   /* insulin only */
} Row;

static void
emit_changed (JyFollowupDrugList *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
entry_activate_cb (GtkEntry *entry)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (entry)));

  /* Enter moves on, as Tab does. */
  if (root != NULL)
    gtk_widget_child_focus (root, GTK_DIR_TAB_FORWARD);
}

static GtkEntry *
add_entry (JyFollowupDrugList *self,
           GtkBox             *box,
           const char         *name,
           guint               serial,
           int                 width,
           const char         *placeholder,
           const char         *accessible)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *widget_name = g_strdup_printf ("%s-%s-%u", self->name_prefix, name, serial);

  gtk_widget_set_name (entry, widget_name);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width);
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (emit_changed), self);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), NULL);
  gtk_box_append (box, entry);
  return GTK_ENTRY (entry);
}

static void
add_text (GtkBox     *box,
          const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (box, label);
}

static void
remove_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  JyFollowupDrugList *self = JY_FOLLOWUP_DRUG_LIST (user_data);
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (button));
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  if (next == NULL)
    next = gtk_widget_get_prev_sibling (row);
  gtk_box_remove (self->rows, row);
  /* Keep the keyboard where the row was. */
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (((Row *)g_object_get_data (G_OBJECT (next), "jy-row"))->name));
  else
    gtk_widget_grab_focus (self->add_button);
  emit_changed (self);
}

/* Returns: (nullable): the stripped text, NULL when empty. */
static char *
text_of (GtkEntry *entry)
{
  char *text;

  if (entry == NULL)
    return NULL;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static Row *
append_row (JyFollowupDrugList   *self,
            const JyFollowupDrug *drug)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove;
  Row *row = g_new0 (Row, 1);
  guint serial = self->serial++;

  if (self->kind == JY_FOLLOWUP_DRUG_INSULIN)
    {
      row->name = add_entry (self, GTK_BOX (box), "name", serial, 14, _("Insulin type"), _("Insulin type"));
      row->usage = add_entry (self, GTK_BOX (box), "usage", serial, 16, _("Usage, e.g. before breakfast"), _("Insulin usage"));
      row->dose = add_entry (self, GTK_BOX (box), "dose", serial, 4, NULL, _("Insulin dose in units"));
      /* Translators: insulin units */
      add_text (GTK_BOX (box), _("U"));
    }
  else
    {
      row->name = add_entry (self, GTK_BOX (box), "name", serial, 14, _("Medicine name"), _("Medicine name"));
      /* Translators: 每日 [n] 次 */
      add_text (GTK_BOX (box), _("daily"));
      row->times = add_entry (self, GTK_BOX (box), "times", serial, 2, NULL, _("Times a day"));
      /* Translators: 每日 [n] 次, 每次 [dose] mg */
      add_text (GTK_BOX (box), _("times, each"));
      row->dose = add_entry (self, GTK_BOX (box), "dose", serial, 4, NULL, _("Dose each time"));
      row->unit = add_entry (self, GTK_BOX (box), "unit", serial, 3, NULL, _("Dose unit"));
    }

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  {
    g_autofree char *remove_name = g_strdup_printf ("%s-remove-%u", self->name_prefix, serial);

    gtk_widget_set_name (remove, remove_name);
  }
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this medicine"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this medicine"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), remove);
  g_object_set_data_full (G_OBJECT (box), "jy-row", row, g_free);

  self->loading = TRUE;
  if (drug != NULL)
    {
      g_autofree char *times = jy_followup_format_number (drug->times_per_day, 0);
      g_autofree char *dose = jy_followup_format_number (drug->dose, 2);

      gtk_editable_set_text (GTK_EDITABLE (row->name), drug->name != NULL ? drug->name : "");
      if (row->times != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row->times), times);
      gtk_editable_set_text (GTK_EDITABLE (row->dose), dose);
      if (row->unit != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row->unit), drug->dose_unit != NULL ? drug->dose_unit : "mg");
      if (row->usage != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row->usage), drug->usage != NULL ? drug->usage : "");
      /* A catalogue code stays with the name it was chosen under. */
      g_object_set_data_full (G_OBJECT (box), "jy-drug-code", g_strdup (drug->drug_code), g_free);
      g_object_set_data_full (G_OBJECT (box), "jy-drug-name", g_strdup (drug->name), g_free);
    }
  else if (row->unit != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row->unit), "mg");
  self->loading = FALSE;

  gtk_box_append (self->rows, box);
  return row;
}

void
jy_followup_drug_list_add_row (JyFollowupDrugList *self)
{
  Row *row;

  g_return_if_fail (JY_IS_FOLLOWUP_DRUG_LIST (self));

  row = append_row (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (row->name));
  emit_changed (self);
}

static void
add_clicked_cb (JyFollowupDrugList *self)
{
  jy_followup_drug_list_add_row (self);
}

void
jy_followup_drug_list_set_drugs (JyFollowupDrugList *self,
                                 GPtrArray          *drugs)
{
  GtkWidget *child;

  g_return_if_fail (JY_IS_FOLLOWUP_DRUG_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_box_remove (self->rows, child);
  for (guint i = 0; drugs != NULL && i < drugs->len; i++)
    {
      const JyFollowupDrug *drug = g_ptr_array_index (drugs, i);

      if (drug->kind == self->kind)
        append_row (self, drug);
    }
}

static double
number_of (GtkEntry *entry,
           gboolean *ok)
{
  g_autofree char *text = text_of (entry);
  double value = JY_UNMEASURED;

  if (entry != NULL && !jy_followup_parse_number (text, &value))
    *ok = FALSE;
  return value;
}

void
jy_followup_drug_list_add_to (JyFollowupDrugList *self,
                              GPtrArray          *drugs)
{
  g_return_if_fail (JY_IS_FOLLOWUP_DRUG_LIST (self));

  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->rows)); box != NULL;
       box = gtk_widget_get_next_sibling (box))
    {
      Row *row = g_object_get_data (G_OBJECT (box), "jy-row");
      g_autofree char *name = text_of (row->name);
      JyFollowupDrug *drug;
      gboolean ok = TRUE;

      if (name == NULL)
        continue;
      drug = jy_followup_drug_new (self->kind);
      if (g_strcmp0 (name, g_object_get_data (G_OBJECT (box), "jy-drug-name")) == 0)
        drug->drug_code = g_strdup (g_object_get_data (G_OBJECT (box), "jy-drug-code"));
      drug->name = g_steal_pointer (&name);
      if (row->times != NULL)
        drug->times_per_day = (int)number_of (row->times, &ok);
      drug->dose = number_of (row->dose, &ok);
      drug->dose_unit = row->unit != NULL ? text_of (row->unit) : g_strdup ("U");
      drug->usage = text_of (row->usage);
      g_ptr_array_add (drugs, drug);
    }
}

guint
jy_followup_drug_list_get_n_rows (JyFollowupDrugList *self)
{
  guint n = 0;

  g_return_val_if_fail (JY_IS_FOLLOWUP_DRUG_LIST (self), 0);

  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->rows)); box != NULL;
       box = gtk_widget_get_next_sibling (box))
    n++;
  return n;
}

static gboolean
check_number (GtkEntry   *entry,
              GtkWidget **first)
{
  g_autofree char *text = text_of (entry);
  double value;
  gboolean ok;

  if (entry == NULL)
    return TRUE;
  ok = jy_followup_parse_number (text, &value);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      if (*first == NULL)
        *first = GTK_WIDGET (entry);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               ok ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);
  return ok;
}

GtkWidget *
jy_followup_drug_list_check (JyFollowupDrugList *self)
{
  GtkWidget *first = NULL;

  g_return_val_if_fail (JY_IS_FOLLOWUP_DRUG_LIST (self), NULL);

  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->rows)); box != NULL;
       box = gtk_widget_get_next_sibling (box))
    {
      Row *row = g_object_get_data (G_OBJECT (box), "jy-row");

      check_number (row->times, &first);
      check_number (row->dose, &first);
    }
  return first;
}

static void
jy_followup_drug_list_finalize (GObject *object)
{
  JyFollowupDrugList *self = (JyFollowupDrugList *)object;

  g_free (self->name_prefix);

  G_OBJECT_CLASS (jy_followup_drug_list_parent_class)->finalize (object);
}

static void
jy_followup_drug_list_class_init (JyFollowupDrugListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jy_followup_drug_list_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jy_followup_drug_list_init (JyFollowupDrugList *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
}

JyFollowupDrugList *
jy_followup_drug_list_new (JyFollowupDrugKind  kind,
                           const char         *title,
                           const char         *name_prefix)
{
  JyFollowupDrugList *self = g_object_new (JY_TYPE_FOLLOWUP_DRUG_LIST, NULL);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *add_name = g_strdup_printf ("%s-add", name_prefix);
  const char *add_label;

  self->kind = kind;
  self->name_prefix = g_strdup (name_prefix);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), label);

  add_label = kind == JY_FOLLOWUP_DRUG_INSULIN ? _("Add insulin")
            : kind == JY_FOLLOWUP_DRUG_ADJUST ? _("Add advised medicine")
            : _("Add medicine");
  /* The add button sits on the title line: one line less per list. */
  self->add_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->add_button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT, "icon-name", "list-add-symbolic",
                                      "label", add_label, NULL));
  gtk_widget_set_name (self->add_button, add_name);
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_add_css_class (self->add_button, "jy-small");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), self->add_button);

  self->rows = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_box_append (GTK_BOX (self), header);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->rows));
  return self;
}
