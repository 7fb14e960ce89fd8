/* jy-followup-form-fields.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-form-private.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jy-followup-labels.h"

/* The numbers and choices of the paper form, as a table: each row of a
 * block's grid is a label and a run of items; the ranges and messages
 * come from core (jy_followup_range(), jy_followup_validate()). */

#define ALL (JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM)
#define HTN JY_PROGRAMME_HTN
#define DM  JY_PROGRAMME_T2DM
#define OFF(member) G_STRUCT_OFFSET (JyFollowup, member)
/* A choice core has no field (and no problem) for. */
#define NO_FIELD ((JyFollowupField)-1)

typedef struct
{
  const char      *name;
  const char      *label;     /* msgid: accessible name */
  JyFollowupField  field;
  JyFormValueKind  kind;
  gsize            offset;
  int              width;
  const char      *choices;   /* kind CODE/FOOT: which option list */
} FieldSpec;

static const FieldSpec field_specs[] = {
  { "sbp", N_("Systolic BP"), JY_FOLLOWUP_FIELD_SBP, JY_FORM_VALUE_INT, OFF (sbp), 4 },
  { "dbp", N_("Diastolic BP"), JY_FOLLOWUP_FIELD_DBP, JY_FORM_VALUE_INT, OFF (dbp), 4 },
  { "heart-rate", N_("Heart rate"), JY_FOLLOWUP_FIELD_HEART_RATE, JY_FORM_VALUE_INT, OFF (heart_rate), 4 },
  { "weight", N_("Weight"), JY_FOLLOWUP_FIELD_WEIGHT, JY_FORM_VALUE_DOUBLE, OFF (weight_kg), 5 },
  { "target-weight", N_("Target weight"), JY_FOLLOWUP_FIELD_TARGET_WEIGHT, JY_FORM_VALUE_DOUBLE, OFF (target_weight_kg), 5 },
  { "height", N_("Height"), JY_FOLLOWUP_FIELD_HEIGHT, JY_FORM_VALUE_DOUBLE, OFF (height_cm), 5 },
  { "waist", N_("Waist"), JY_FOLLOWUP_FIELD_WAIST, JY_FORM_VALUE_DOUBLE, OFF (waist_cm), 5 },
  { "temperature", N_("Temperature"), JY_FOLLOWUP_FIELD_TEMPERATURE, JY_FORM_VALUE_DOUBLE, OFF (temperature_c), 4 },
  { "foot-pulse", N_("Dorsalis pedis pulse"), NO_FIELD, JY_FORM_VALUE_FOOT, OFF (foot_pulse), 0, "foot" },
  { "cigarettes", N_("Cigarettes a day"), JY_FOLLOWUP_FIELD_CIGARETTES, JY_FORM_VALUE_INT, OFF (cigarettes), 3 },
  { "cigarettes-target", N_("Target cigarettes a day"), JY_FOLLOWUP_FIELD_CIGARETTES, JY_FORM_VALUE_INT, OFF (cigarettes_target), 3 },
  { "alcohol", N_("Alcohol a day"), JY_FOLLOWUP_FIELD_ALCOHOL, JY_FORM_VALUE_DOUBLE, OFF (alcohol_liang), 3 },
  { "alcohol-target", N_("Target alcohol a day"), JY_FOLLOWUP_FIELD_ALCOHOL, JY_FORM_VALUE_DOUBLE, OFF (alcohol_liang_target), 3 },
  { "exercise-per-week", N_("Exercise times a week"), JY_FOLLOWUP_FIELD_EXERCISE, JY_FORM_VALUE_INT, OFF (exercise_per_week), 2 },
  { "exercise-minutes", N_("Exercise minutes each time"), JY_FOLLOWUP_FIELD_EXERCISE, JY_FORM_VALUE_INT, OFF (exercise_minutes), 3 },
  { "exercise-per-week-target", N_("Target exercise times a week"), JY_FOLLOWUP_FIELD_EXERCISE, JY_FORM_VALUE_INT, OFF (exercise_per_week_target), 2 },
  { "exercise-minutes-target", N_("Target exercise minutes each time"), JY_FOLLOWUP_FIELD_EXERCISE, JY_FORM_VALUE_INT, OFF (exercise_minutes_target), 3 },
  { "salt", N_("Salt intake"), NO_FIELD, JY_FORM_VALUE_CODE, OFF (salt), 0, "salt" },
  { "salt-target", N_("Target salt intake"), NO_FIELD, JY_FORM_VALUE_CODE, OFF (salt_target), 0, "salt" },
  { "staple", N_("Staple food a day"), JY_FOLLOWUP_FIELD_STAPLE, JY_FORM_VALUE_INT, OFF (staple_g), 4 },
  { "staple-target", N_("Target staple food a day"), JY_FOLLOWUP_FIELD_STAPLE, JY_FORM_VALUE_INT, OFF (staple_g_target), 4 },
  { "psychology", N_("Psychological adjustment"), NO_FIELD, JY_FORM_VALUE_CODE, OFF (psychology), 0, "grade" },
  { "compliance", N_("Compliance with advice"), NO_FIELD, JY_FORM_VALUE_CODE, OFF (compliance), 0, "grade" },
  { "fasting-glucose", N_("Fasting glucose"), JY_FOLLOWUP_FIELD_FASTING_GLUCOSE, JY_FORM_VALUE_DOUBLE, OFF (fasting_glucose), 4 },
  { "random-glucose", N_("Random glucose"), JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE, JY_FORM_VALUE_DOUBLE, OFF (random_glucose), 4 },
  { "hba1c", N_("HbA1c"), JY_FOLLOWUP_FIELD_HBA1C, JY_FORM_VALUE_DOUBLE, OFF (hba1c), 4 },
  { "hba1c-date", N_("HbA1c test date"), JY_FOLLOWUP_FIELD_HBA1C_DATE, JY_FORM_VALUE_DATE, OFF (hba1c_date), 10 },
  { "adherence", N_("Medication adherence"), JY_FOLLOWUP_FIELD_ADHERENCE, JY_FORM_VALUE_CODE, OFF (adherence), 0, "adherence" },
  { "hypoglycaemia", N_("Hypoglycaemia"), NO_FIELD, JY_FORM_VALUE_CODE, OFF (hypoglycaemia), 0, "hypo" },
};

/* Drop-down options; position = stored code, 0 = not recorded. */
static const char *const foot_options[] = {
  NC_("foot pulse", "Not examined"), NC_("foot pulse", "Palpable, normal"),
  NC_("foot pulse", "Weak, both feet"), NC_("foot pulse", "Weak, left"), NC_("foot pulse", "Weak, right"),
  NC_("foot pulse", "Absent, both feet"), NC_("foot pulse", "Absent, left"), NC_("foot pulse", "Absent, right"),
  NULL
};
static const char *const foot_codes[] = { NULL, "1", "2b", "2l", "2r", "3b", "3l", "3r" };
static const char *const salt_options[] = {
  NC_("salt intake", "Not recorded"), NC_("salt intake", "Light"),
  NC_("salt intake", "Medium"), NC_("salt intake", "Heavy"), NULL
};
static const char *const grade_options[] = {
  NC_("adjustment or compliance", "Not recorded"), NC_("adjustment or compliance", "Good"),
  NC_("adjustment or compliance", "Fair"), NC_("adjustment or compliance", "Poor"), NULL
};
static const char *const adherence_options[] = {
  NC_("medication adherence", "Not recorded"), NC_("medication adherence", "Regular"),
  NC_("medication adherence", "Intermittent"), NC_("medication adherence", "Not taking"), NULL
};
static const char *const hypo_options[] = {
  NC_("hypoglycaemia", "Not recorded"), NC_("hypoglycaemia", "None"),
  NC_("hypoglycaemia", "Occasional"), NC_("hypoglycaemia", "Frequent"), NULL
};

static const struct
{
  const char        *key;
  const char        *context;
  const char *const *options;
} choice_lists[] = {
  { "foot", "foot pulse", foot_options },
  { "salt", "salt intake", salt_options },
  { "grade", "adjustment or compliance", grade_options },
  { "adherence", "medication adherence", adherence_options },
  { "hypo", "hypoglycaemia", hypo_options },
};

/* Items of a row: a field by name, "=text" for text between fields,
 * "+unit" for a unit, "@name" for a computed label or helper. A grid
 * line holds three groups (label + content), as the paper form packs
 * its cells; where that is wider than a 1366-pixel screen allows (long
 * English labels), the block falls back to two groups a line. */
typedef struct
{
  int line, group, span;
} RowPlace;

typedef struct
{
  int          grid;       /* 0 signs, 1 lifestyle, 2 labs, 3 meds */
  RowPlace     three;      /* line, group (0–2), groups spanned */
  RowPlace     two;        /* the same in two groups a line */
  JyProgramme  programmes;
  const char  *label;      /* mnemonic msgid */
  const char  *items[10];
} RowSpec;

static const RowSpec row_specs[] = {
  { 0, { 0, 0, 1 }, { 0, 0, 1 }, ALL, N_("_Blood pressure"), { "sbp", "=/", "dbp", "+mmHg" } },
  { 0, { 0, 1, 1 }, { 0, 1, 1 }, ALL, N_("Heart _rate"), { "heart-rate", "+beats/min" } },
  { 0, { 0, 2, 1 }, { 2, 0, 1 }, ALL, N_("Temperature"), { "temperature", "+°C" } },
  { 0, { 1, 0, 1 }, { 1, 0, 1 }, ALL, N_("_Weight"), { "weight", "+kg", "=→ target", "target-weight", "+kg" } },
  { 0, { 1, 1, 1 }, { 1, 1, 1 }, ALL, N_("Height"), { "height", "+cm" } },
  { 0, { 1, 2, 1 }, { 2, 1, 1 }, ALL, N_("Wa_ist"), { "waist", "+cm" } },
  { 0, { 2, 0, 2 }, { 3, 0, 2 }, ALL, N_("BMI"), { "@bmi", "=→ target", "@bmi-target" } },
  { 0, { 2, 2, 1 }, { 4, 0, 1 }, DM, N_("_Foot pulse"), { "foot-pulse" } },
  { 1, { 0, 0, 1 }, { 0, 0, 1 }, ALL, N_("_Smoking"), { "cigarettes", "=→", "cigarettes-target", "+cigarettes/day" } },
  { 1, { 0, 1, 1 }, { 0, 1, 1 }, ALL, N_("A_lcohol"), { "alcohol", "=→", "alcohol-target", "+liang/day", "@alcohol-helper" } },
  /* Translators: row label of 心理调整 (psychological adjustment); keep it short */
  { 1, { 0, 2, 1 }, { 3, 0, 1 }, ALL, N_("Coping"), { "psychology" } },
  { 1, { 1, 0, 2 }, { 1, 0, 2 }, ALL, N_("E_xercise"), { "exercise-per-week", "+times/week", "exercise-minutes", "+min/time",
                                                         "=→", "exercise-per-week-target", "+times/week",
                                                         "exercise-minutes-target", "+min/time" } },
  /* Translators: row label of 遵医行为 (compliance with advice); keep it short */
  { 1, { 1, 2, 1 }, { 3, 1, 1 }, ALL, N_("Compliance"), { "compliance" } },
  { 1, { 2, 0, 1 }, { 2, 0, 1 }, HTN, N_("Salt intake"), { "salt", "=→", "salt-target" } },
  { 1, { 2, 1, 1 }, { 2, 1, 1 }, DM, N_("Staple food"), { "staple", "=→", "staple-target", "+g/day" } },
  { 2, { 0, 0, 1 }, { 0, 0, 1 }, DM, N_("Fasting _glucose"), { "fasting-glucose", "+mmol/L", "@glucose-mgdl" } },
  { 2, { 0, 1, 1 }, { 0, 1, 1 }, DM, N_("Random glucose"), { "random-glucose", "+mmol/L" } },
  { 2, { 1, 0, 2 }, { 1, 0, 2 }, DM, N_("HbA1c"), { "hba1c", "+%", "=tested on", "hba1c-date" } },
  /* Translators: row label of 服药依从性 (medication adherence); keep it short */
  { 3, { 0, 0, 1 }, { 0, 0, 1 }, ALL, N_("Adherence"), { "adherence" } },
  { 3, { 0, 1, 1 }, { 0, 1, 1 }, DM, N_("Hypoglycaemia"), { "hypoglycaemia" } },
};

/* The widest a block's grid may be (right of its title) in an editor
 * window on a 1366×768 screen, next to the assessment panel. */
#define GRID_WIDTH_MAX 820

/* Units and joining words in the table, marked for translation here. */
G_GNUC_UNUSED static const char *const row_words[] = {
  /* Translators: between a current value and its target, e.g. 60 kg → 目标 55 kg */
  N_("→ target"),
  /* Translators: HbA1c 6.5 % tested on 2026-11-01 (检查日期) */
  N_("tested on"),
  /* Translators: unit of heart rate, 次/分 */
  N_("beats/min"),
  /* Translators: unit of daily smoking, 支/日 */
  N_("cigarettes/day"),
  /* Translators: unit of daily drinking in liang (50 mL) of spirits, 两/日 */
  N_("liang/day"),
  /* Translators: 次/周 */
  N_("times/week"),
  /* Translators: 分钟/次 */
  N_("min/time"),
  /* Translators: unit of staple food, 克/天 */
  N_("g/day"),
};

static const FieldSpec *
find_spec (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    if (g_str_equal (field_specs[i].name, name))
      return &field_specs[i];
  g_return_val_if_reached (NULL);
}

static const char *const *
choice_options (const char  *key,
                const char **context)
{
  for (guint i = 0; i < G_N_ELEMENTS (choice_lists); i++)
    if (g_str_equal (choice_lists[i].key, key))
      {
        *context = choice_lists[i].context;
        return choice_lists[i].options;
      }
  g_return_val_if_reached (NULL);
}

static void
field_free (JyFormField *field)
{
  g_free (field);
}

static void
choice_changed_cb (GtkDropDown *dropdown,
                   GParamSpec  *pspec,
                   gpointer     user_data)
{
  JyFollowupForm *self = JY_FOLLOWUP_FORM (user_data);

  jy_followup_form_field_changed (self, GTK_WIDGET (dropdown));
}

static GtkWidget *
make_field (JyFollowupForm  *self,
            const FieldSpec *spec,
            JyProgramme      programmes,
            GtkBox          *errors)
{
  JyFormField *field = g_new0 (JyFormField, 1);
  g_autofree char *error_name = g_strdup_printf ("%s-error", spec->name);
  GtkWidget *error = gtk_label_new (NULL);
  GtkWidget *widget;

  if (spec->kind == JY_FORM_VALUE_CODE || spec->kind == JY_FORM_VALUE_FOOT)
    {
      const char *context = NULL;
      const char *const *options = choice_options (spec->choices, &context);
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

      for (guint i = 0; options[i] != NULL; i++)
        gtk_string_list_append (model, g_dpgettext2 (NULL, context, options[i]));
      widget = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
      g_signal_connect (widget, "notify::selected", G_CALLBACK (choice_changed_cb), self);
    }
  else
    {
      widget = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (widget), spec->width);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (widget), spec->width);
      if (spec->kind == JY_FORM_VALUE_DATE)
        gtk_entry_set_placeholder_text (GTK_ENTRY (widget), "YYYY-MM-DD");
      else
        {
          gtk_entry_set_input_purpose (GTK_ENTRY (widget), GTK_INPUT_PURPOSE_NUMBER);
          gtk_entry_set_alignment (GTK_ENTRY (widget), 1.0);
        }
      jy_followup_form_connect_entry (self, GTK_ENTRY (widget));
    }
  gtk_widget_set_name (widget, spec->name);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _(spec->label), -1);

  gtk_widget_set_name (error, error_name);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_add_css_class (error, "caption");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (errors, error);

  field->name = spec->name;
  field->label = spec->label;
  field->field = spec->field;
  field->kind = spec->kind;
  field->offset = spec->offset;
  field->programmes = programmes;
  field->widget = widget;
  field->error = GTK_LABEL (error);
  g_ptr_array_add (self->fields, field);
  return widget;
}

static void
alcohol_fill_cb (GtkButton *button,
                 gpointer   user_data)
{
  JyFollowupForm *self = JY_FOLLOWUP_FORM (user_data);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  GtkEditable *amount = g_object_get_data (G_OBJECT (popover), "amount");
  GtkDropDown *kind = g_object_get_data (G_OBJECT (popover), "kind");
  JyFormField *target = NULL;
  double liang;

  if (!jy_followup_parse_number (gtk_editable_get_text (amount), &liang) || liang < 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (amount), "error");
      return;
    }
  for (guint i = 0; i < self->fields->len; i++)
    if (g_str_equal (((JyFormField *)g_ptr_array_index (self->fields, i))->name, "alcohol"))
      target = g_ptr_array_index (self->fields, i);
  if (target != NULL)
    {
      g_autofree char *text = jy_followup_format_number (
        jy_alcohol_spirits_equivalent (liang, (JyDrinkKind)gtk_drop_down_get_selected (kind)), 1);

      gtk_editable_set_text (GTK_EDITABLE (target->widget), text);
      gtk_widget_grab_focus (target->widget);
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* 日饮酒量 is in 两 of spirits: beer, wine and yellow wine are converted. */
static GtkWidget *
make_alcohol_helper (JyFollowupForm *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *amount = gtk_entry_new ();
  GtkWidget *fill = gtk_button_new_with_mnemonic (_("_Fill in"));
  const char *kinds[] = { _("liang of spirits"), _("liang of beer"), _("liang of wine"),
                          _("liang of yellow wine"), NULL };
  GtkWidget *kind = gtk_drop_down_new_from_strings (kinds);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Convert"));
  gtk_widget_set_name (button, "alcohol-helper");
  gtk_widget_set_tooltip_text (button, _("Convert beer, wine or yellow wine to liang of spirits"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Convert other drinks to spirits"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  gtk_editable_set_width_chars (GTK_EDITABLE (amount), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (amount), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Amount drunk a day"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Drink"), -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), JY_DRINK_BEER);
  g_signal_connect_swapped (amount, "activate", G_CALLBACK (gtk_widget_activate), fill);
  g_signal_connect (fill, "clicked", G_CALLBACK (alcohol_fill_cb), self);
  gtk_box_append (GTK_BOX (box), amount);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), fill);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data (G_OBJECT (popover), "amount", amount);
  g_object_set_data (G_OBJECT (popover), "kind", kind);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

static GtkWidget *
make_computed (JyFollowupForm *self,
               const char     *name)
{
  GtkWidget *label = gtk_label_new ("—");

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (g_str_equal (name, "bmi"))
    self->bmi_label = GTK_LABEL (label);
  else if (g_str_equal (name, "bmi-target"))
    self->bmi_target_label = GTK_LABEL (label);
  else if (g_str_equal (name, "glucose-mgdl"))
    {
      self->glucose_mgdl_label = GTK_LABEL (label);
      gtk_label_set_label (GTK_LABEL (label), "");
      gtk_widget_add_css_class (label, "dim-label");
    }
  return label;
}

typedef struct
{
  const RowSpec *spec;
  GtkWidget     *label;
  GtkWidget     *cell;
} BuiltRow;

static void
attach_row (GtkGrid        *grid,
            const BuiltRow *row,
            const RowPlace *place)
{
  gtk_widget_set_margin_start (row->label, place->group > 0 ? 12 : 0);
  gtk_grid_attach (grid, row->label, place->group * 2, place->line, 1, 1);
  gtk_grid_attach (grid, row->cell, place->group * 2 + 1, place->line, place->span * 2 - 1, 1);
}

static BuiltRow
build_row (JyFollowupForm *self,
           const RowSpec  *row)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (_(row->label));
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *errors = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  JyProgramme programmes = row->programmes & self->programmes;
  gboolean mnemonic_set = FALSE;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 7);
  gtk_box_append (GTK_BOX (cell), line);
  gtk_box_append (GTK_BOX (cell), errors);

  for (guint i = 0; i < G_N_ELEMENTS (row->items) && row->items[i] != NULL; i++)
    {
      const char *item = row->items[i];
      GtkWidget *widget;

      if (item[0] == '=' || item[0] == '+')
        {
          widget = gtk_label_new (_(item + 1));
          if (item[0] == '+')
            gtk_widget_add_css_class (widget, "dim-label");
          else
            gtk_widget_set_margin_start (widget, 4);
        }
      else if (item[0] == '@')
        widget = g_str_equal (item, "@alcohol-helper") ? make_alcohol_helper (self)
                                                       : make_computed (self, item + 1);
      else
        {
          widget = make_field (self, find_spec (item), programmes, GTK_BOX (errors));
          if (!mnemonic_set)
            gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
          mnemonic_set = TRUE;
        }
      gtk_box_append (GTK_BOX (line), widget);
    }

  return (BuiltRow) { row, label, cell };
}

void
jy_followup_form_build_fields (JyFollowupForm *self)
{
  GtkGrid *grids[] = { self->signs_grid, self->lifestyle_grid, self->labs_grid, self->meds_grid };
  gboolean labs = FALSE;

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)field_free);

  jy_followup_form_build_checklists (self);
  self->rows = g_array_new (FALSE, FALSE, sizeof (BuiltRow));
  for (guint i = 0; i < G_N_ELEMENTS (row_specs); i++)
    if ((row_specs[i].programmes & self->programmes) != 0)
      {
        BuiltRow row = build_row (self, &row_specs[i]);

        g_array_append_val (self->rows, row);
        attach_row (grids[row_specs[i].grid], &row, &row_specs[i].three);
        labs |= row_specs[i].grid == 2;
      }
  gtk_widget_set_visible (GTK_WIDGET (self->labs_grid), labs);
}

/* Once in a window (where the theme and fonts apply), a block wider than
 * a 1366-pixel screen allows goes to two groups a line. */
void
jy_followup_form_fit_grids (JyFollowupForm *self)
{
  GtkGrid *grids[] = { self->signs_grid, self->lifestyle_grid, self->labs_grid, self->meds_grid };

  for (guint g = 0; self->rows != NULL && g < G_N_ELEMENTS (grids); g++)
    {
      int width = 0;

      if (self->two_groups[g])
        continue;
      gtk_widget_measure (GTK_WIDGET (grids[g]), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      if (width <= GRID_WIDTH_MAX)
        continue;
      self->two_groups[g] = TRUE;
      for (guint i = 0; i < self->rows->len; i++)
        {
          const BuiltRow *row = &g_array_index (self->rows, BuiltRow, i);

          if (row->spec->grid != (int)g)
            continue;
          g_object_ref (row->label);
          g_object_ref (row->cell);
          gtk_grid_remove (grids[g], row->label);
          gtk_grid_remove (grids[g], row->cell);
          attach_row (grids[g], row, &row->spec->two);
          g_object_unref (row->label);
          g_object_unref (row->cell);
        }
    }
}

/* The field a problem of @record belongs to; among several with the same
 * JyFollowupField (current and target), the one out of range. */
JyFormField *
jy_followup_form_find_field (JyFollowupForm   *self,
                             JyFollowupField   field,
                             const JyFollowup *record)
{
  JyFormField *first = NULL;
  double min, max;

  for (guint i = 0; i < self->fields->len; i++)
    {
      JyFormField *f = g_ptr_array_index (self->fields, i);
      double value;

      if (f->field != field)
        continue;
      if (first == NULL)
        first = f;
      if (record == NULL || (f->kind != JY_FORM_VALUE_INT && f->kind != JY_FORM_VALUE_DOUBLE) ||
          !jy_followup_range (field, &min, &max))
        break;
      value = f->kind == JY_FORM_VALUE_INT ? G_STRUCT_MEMBER (int, record, f->offset)
                                           : G_STRUCT_MEMBER (double, record, f->offset);
      if (jy_measured (value) && (value < min || value > max))
        return f;
    }
  return first;
}

void
jy_followup_form_read_fields (JyFollowupForm *self,
                              JyFollowup     *record)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      JyFormField *f = g_ptr_array_index (self->fields, i);
      g_autofree char *text = NULL;
      double value = JY_UNMEASURED;

      if ((f->programmes & record->programme) == 0)
        continue;
      switch (f->kind)
        {
        case JY_FORM_VALUE_INT:
        case JY_FORM_VALUE_DOUBLE:
          text = jy_followup_form_entry_text (GTK_ENTRY (f->widget));
          f->bad_number = !jy_followup_parse_number (text, &value);
          if (f->kind == JY_FORM_VALUE_INT)
            G_STRUCT_MEMBER (int, record, f->offset) = jy_measured (value) ? (int)round (value) : JY_UNMEASURED;
          else
            G_STRUCT_MEMBER (double, record, f->offset) = value;
          break;
        case JY_FORM_VALUE_DATE:
          g_free (G_STRUCT_MEMBER (char *, record, f->offset));
          G_STRUCT_MEMBER (char *, record, f->offset) = jy_followup_form_entry_text (GTK_ENTRY (f->widget));
          break;
        case JY_FORM_VALUE_CODE:
          {
            guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (f->widget));

            G_STRUCT_MEMBER (int, record, f->offset) = pos != GTK_INVALID_LIST_POSITION ? (int)pos : 0;
          }
          break;
        case JY_FORM_VALUE_FOOT:
          {
            guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (f->widget));

            g_free (record->foot_pulse);
            record->foot_pulse = pos < G_N_ELEMENTS (foot_codes) ? g_strdup (foot_codes[pos]) : NULL;
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  jy_followup_form_read_checklists (self, record);
}

void
jy_followup_form_load_fields (JyFollowupForm   *self,
                              const JyFollowup *record)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      JyFormField *f = g_ptr_array_index (self->fields, i);
      g_autofree char *text = NULL;

      if ((f->programmes & record->programme) == 0)
        continue;
      switch (f->kind)
        {
        case JY_FORM_VALUE_INT:
          text = jy_followup_format_number (G_STRUCT_MEMBER (int, record, f->offset), 0);
          break;
        case JY_FORM_VALUE_DOUBLE:
          text = jy_followup_format_number (G_STRUCT_MEMBER (double, record, f->offset), 2);
          break;
        case JY_FORM_VALUE_DATE:
          text = g_strdup (G_STRUCT_MEMBER (char *, record, f->offset));
          break;
        case JY_FORM_VALUE_CODE:
          {
            int code = G_STRUCT_MEMBER (int, record, f->offset);
            GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (f->widget));

            gtk_drop_down_set_selected (GTK_DROP_DOWN (f->widget),
                                        code > 0 && (guint)code < g_list_model_get_n_items (model) ? (guint)code : 0);
          }
          continue;
        case JY_FORM_VALUE_FOOT:
          {
            guint pos = 0;

            for (guint c = 1; c < G_N_ELEMENTS (foot_codes); c++)
              if (g_strcmp0 (foot_codes[c], record->foot_pulse) == 0)
                pos = c;
            gtk_drop_down_set_selected (GTK_DROP_DOWN (f->widget), pos);
          }
          continue;
        default:
          g_assert_not_reached ();
        }
      jy_followup_form_set_entry_text (GTK_ENTRY (f->widget), text);
    }

  jy_followup_form_load_checklists (self, record);
}

static char *
format_bmi (double bmi)
{
  JyBmiClass klass = jy_bmi_classify (bmi);
  g_autofree char *value = NULL;

  if (!jy_measured (bmi))
    return g_strdup ("—");
  {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    /* One decimal always, as written on the form: 24.0. */
    value = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", bmi));
  }
  if (jy_bmi_class_label (klass) == NULL)
    return g_steal_pointer (&value);
  /* Translators: a BMI and its class, e.g. 24.4（超重） */
  return g_strdup_printf (_("%1$s (%2$s)"), value, _(jy_bmi_class_label (klass)));
}

/* BMI from weight and height as they are typed; glucose also in mg/dL. */
void
jy_followup_form_update_computed (JyFollowupForm   *self,
                                  const JyFollowup *record)
{
  g_autofree char *bmi = format_bmi (jy_bmi_compute (record->weight_kg, record->height_cm));
  g_autofree char *target = format_bmi (jy_bmi_compute (record->target_weight_kg, record->height_cm));

  if (self->bmi_label != NULL)
    gtk_label_set_label (self->bmi_label, bmi);
  if (self->bmi_target_label != NULL)
    gtk_label_set_label (self->bmi_target_label, target);
  if (self->glucose_mgdl_label != NULL)
    {
      g_autofree char *mgdl = NULL;

      if (record->programme == JY_PROGRAMME_T2DM && jy_measured (record->fasting_glucose))
        {
          g_autofree char *value = jy_followup_format_number (round (jy_glucose_mmol_to_mgdl (record->fasting_glucose)), 0);

          /* Translators: the fasting glucose converted, e.g. = 126 mg/dL */
          mgdl = g_strdup_printf (_("= %s mg/dL"), value);
        }
      gtk_label_set_label (self->glucose_mgdl_label, mgdl != NULL ? mgdl : "");
    }
}
