/* jy-contracts-page-rows.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contracts-page-private.h"

#include <glib/gi18n.h>

#include "jy-clock.h"
#include "jy-contract-worklist-item.h"
#include "jy-gui-format.h"

/* One line of a worklist: who (name, sex, age, phone), their team and
 * doctor, what is due, and the buttons (open, log a contact, renew).
 * The buttons act on the page's actions with the resident's id. */

/* A label of fixed width (in characters), so the columns line up. */
static GtkWidget *
cell (int chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
  return label;
}

static GtkWidget *
row_button (const char *label,
            const char *action,
            const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  /* The action is set at bind, after its target (the resident). */
  g_object_set_data (G_OBJECT (button), "action", (gpointer) action);
  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *who = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = cell (34);
  GtkWidget *facts = cell (34);
  GtkWidget *care = cell (26);
  GtkWidget *detail = cell (28);

  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (facts, "dim-label");
  gtk_box_append (GTK_BOX (who), name);
  gtk_box_append (GTK_BOX (who), facts);
  gtk_widget_set_hexpand (detail, TRUE);
  g_object_set (box, "margin-top", 6, "margin-bottom", 6, "margin-start", 18, "margin-end", 18, NULL);
  gtk_box_append (GTK_BOX (box), who);
  gtk_box_append (GTK_BOX (box), care);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (box), row_button (_("_Open"), "contracts.open", "open-button"));
  gtk_box_append (GTK_BOX (box), row_button (_("_Log Contact…"), "contracts.contact", "contact-button"));
  gtk_box_append (GTK_BOX (box), row_button (_("_Renew…"), "contracts.renew", "renew-button"));
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, TRUE);
}

static char *
row_detail (const JyContractWorklistRow *row,
            JyContractWorklistKind       kind)
{
  switch (kind)
    {
    case JY_CONTRACT_WORKLIST_EXPIRING:
      if (row->days_left <= 0)
        /* Translators: %s is the contract's end date, today */
        return g_strdup_printf (_("Ends today, %s"), row->contract_end != NULL ? row->contract_end : "—");
      /* Translators: %1$s the contract's end date, %2$d days left */
      return g_strdup_printf (ngettext ("Ends %1$s, in %2$d day", "Ends %1$s, in %2$d days", (gulong) MAX (row->days_left, 0)),
                              row->contract_end != NULL ? row->contract_end : "—", row->days_left);
    case JY_CONTRACT_WORKLIST_ELDERLY_CHECK:
      if (row->last_check_date == NULL)
        return g_strdup (_("No health check on record"));
      /* Translators: %s is the date of the last 65+ health check */
      return g_strdup_printf (_("Last health check %s"), row->last_check_date);
    case JY_CONTRACT_WORKLIST_NOT_CONTACTED:
    case JY_CONTRACT_WORKLIST_N:
    default:
      if (row->last_contact_date == NULL)
        return g_strdup (_("Never contacted"));
      /* Translators: %s is the date of the last contact */
      return g_strdup_printf (_("Last contact %s"), row->last_contact_date);
    }
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  JyContractWorklistItem *item = gtk_list_item_get_item (list_item);
  const JyContractWorklistRow *row = jy_contract_worklist_item_get_row (item);
  JyContractWorklistKind kind = jy_contract_worklist_item_get_kind (item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *who = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (who);
  GtkWidget *facts = gtk_widget_get_next_sibling (name);
  GtkWidget *care = gtk_widget_get_next_sibling (who);
  GtkWidget *detail = gtk_widget_get_next_sibling (care);
  GtkWidget *open = gtk_widget_get_next_sibling (detail);
  GtkWidget *contact = gtk_widget_get_next_sibling (open);
  GtkWidget *renew = gtk_widget_get_next_sibling (contact);
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *sex_age = jy_gui_format_sex_age (row->sex, row->birth_date, today);
  g_autofree char *facts_text = row->phone_masked != NULL ? g_strdup_printf ("%s · %s", sex_age, row->phone_masked)
                                                          : g_strdup (sex_age);
  g_autofree char *care_text = g_strdup_printf ("%s · %s", row->team_name != NULL ? row->team_name : "—",
                                                row->doctor_name != NULL ? row->doctor_name : _("no doctor"));
  g_autofree char *detail_text = row_detail (row, kind);
  GVariant *target = g_variant_new_int64 (row->resident_id);

  gtk_label_set_label (GTK_LABEL (name), row->name);
  gtk_label_set_label (GTK_LABEL (facts), facts_text);
  gtk_label_set_label (GTK_LABEL (care), care_text);
  gtk_label_set_label (GTK_LABEL (detail), detail_text);
  gtk_widget_remove_css_class (detail, "error");
  if ((kind == JY_CONTRACT_WORKLIST_NOT_CONTACTED && row->last_contact_date == NULL) ||
      (kind == JY_CONTRACT_WORKLIST_EXPIRING && row->days_left <= 7))
    gtk_widget_add_css_class (detail, "error");
  g_variant_ref_sink (target);
  {
    GtkWidget *buttons[] = { open, contact, renew };

    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      {
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (buttons[i]), target);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (buttons[i]), g_object_get_data (G_OBJECT (buttons[i]), "action"));
      }
  }
  g_variant_unref (target);
  /* Renewing is for a contract about to end. */
  gtk_widget_set_visible (renew, kind == JY_CONTRACT_WORKLIST_EXPIRING && row->contract_id != 0);
}

GtkListItemFactory *
jy_contracts_page_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  return factory;
}
