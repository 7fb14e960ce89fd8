/* jy-lifestyle-rx-window.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-lifestyle-rx-window.h"

#include <glib/gi18n.h>

#include "jy-print.h"

#define N_KINDS 3
#define PREVIEW_DELAY_MS 150

struct _JyLifestyleRxWindow
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkToggleButton   *exercise_button;
  GtkToggleButton   *diet_button;
  GtkToggleButton   *reductions_button;
  GtkLabel          *deferred_label;
  GtkTextView       *text_view;
  GtkDropDown       *paper_dropdown;
  GtkDrawingArea    *preview;

  JyLifestyleFacts   facts;
  char              *sex;
  /* header strings, owned */
  char              *centre_name;
  char              *resident_name;
  char              *diagnosis;
  char              *findings;
  char              *doctor_name;
  GDate              date;
  int                age;

  JyLifestyleRxKind  kind;
  JyLifestyleRx     *proposals[N_KINDS];
  char              *edited[N_KINDS]; /* the doctor's text per kind, kept across switches */
  JyPrintDoc        *doc;             /* what the preview shows */
  guint              preview_source;
  gboolean           loading;
  gboolean           disposed;
};

G_DEFINE_FINAL_TYPE (JyLifestyleRxWindow, jy_lifestyle_rx_window, ADW_TYPE_WINDOW)

static char *
proposal_text (JyLifestyleRx *rx)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rx->items->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (rx->items, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
current_text (JyLifestyleRxWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

JyPrintDoc *
jy_lifestyle_rx_window_build_doc (JyLifestyleRxWindow *self)
{
  JyLifestyleRx *proposal = self->proposals[self->kind];
  g_autoptr(JyLifestyleRx) rx = g_new0 (JyLifestyleRx, 1);
  g_autofree char *text = current_text (self);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  JyRxPrintHeader header = {
    .centre_name = self->centre_name,
    .resident_name = self->resident_name,
    .sex = self->sex,
    .age = self->age,
    .diagnosis = self->diagnosis,
    .findings = self->findings,
    .doctor_name = self->doctor_name,
    .date = &self->date,
  };

  *rx = *proposal;
  rx->items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line != '\0')
        g_ptr_array_add (rx->items, g_steal_pointer (&line));
    }

  return jy_lifestyle_rx_print (rx, &header,
                                gtk_drop_down_get_selected (self->paper_dropdown) == 1 ? JY_PAPER_A4 : JY_PAPER_A5);
}

/* Also called directly: a pending timer is then dropped, not left to
 * fire after the window is gone. */
static void
update_preview (JyLifestyleRxWindow *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_pointer (&self->doc, jy_print_doc_free);
  self->doc = jy_lifestyle_rx_window_build_doc (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  JyLifestyleRxWindow *self = user_data;

  self->preview_source = 0;
  update_preview (self);

  return G_SOURCE_REMOVE;
}

/* The preview timer only runs while the window is realized: destroying
 * the window tears its children down before the window itself goes. */
static void
queue_preview (JyLifestyleRxWindow *self)
{
  if (self->disposed || !gtk_widget_get_realized (GTK_WIDGET (self)))
    return;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

static void
text_changed_cb (JyLifestyleRxWindow *self)
{
  /* Tearing the template down empties the buffer after text_view is gone. */
  if (self->loading || self->disposed)
    return;

  g_free (self->edited[self->kind]);
  self->edited[self->kind] = current_text (self);
  queue_preview (self);
}

static void
show_kind (JyLifestyleRxWindow *self,
           JyLifestyleRxKind    kind)
{
  JyLifestyleRx *rx;
  g_autofree char *text = NULL;

  self->kind = kind;
  if (self->proposals[kind] == NULL)
    self->proposals[kind] = jy_lifestyle_rx_propose (kind, &self->facts);
  rx = self->proposals[kind];

  text = self->edited[kind] != NULL ? g_strdup (self->edited[kind]) : proposal_text (rx);
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  self->loading = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->deferred_label), rx->deferred);
  update_preview (self);
}

static void
kind_toggled_cb (JyLifestyleRxWindow *self,
                 GtkToggleButton     *button)
{
  if (!gtk_toggle_button_get_active (button) || self->disposed)
    return;

  if (button == self->diet_button)
    show_kind (self, JY_LIFESTYLE_RX_DIET);
  else if (button == self->reductions_button)
    show_kind (self, JY_LIFESTYLE_RX_THREE_REDUCTIONS);
  else
    show_kind (self, JY_LIFESTYLE_RX_EXERCISE);
}

static void
paper_changed_cb (JyLifestyleRxWindow *self)
{
  if (self->doc != NULL && !self->disposed)
    update_preview (self);
}

/* The first page, scaled to fit, on white paper. */
static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  JyLifestyleRxWindow *self = user_data;
  double page_w, page_h, scale, x, y;

  if (self->doc == NULL)
    return;

  jy_print_doc_get_page_size (self->doc, &page_w, &page_h);
  scale = MIN ((width - 32) / page_w, (height - 32) / page_h);
  x = (width - page_w * scale) / 2;
  y = (height - page_h * scale) / 2;

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_rectangle (cr, x + 2, y + 3, page_w * scale, page_h * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, page_w * scale, page_h * scale);
  cairo_fill (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  jy_print_doc_render_page (self->doc, cr, 0);
  cairo_restore (cr);
}

static const char *
kind_file_name (JyLifestyleRxKind kind)
{
  switch (kind)
    {
    case JY_LIFESTYLE_RX_DIET:
      /* TRANSLATORS: file name without extension */
      return _("diet-prescription");
    case JY_LIFESTYLE_RX_THREE_REDUCTIONS:
      return _("three-reductions");
    case JY_LIFESTYLE_RX_EXERCISE:
    default:
      return _("exercise-prescription");
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JyLifestyleRxWindow *self = JY_LIFESTYLE_RX_WINDOW (widget);

  jy_print_run (GTK_WINDOW (self), jy_lifestyle_rx_window_build_doc (self),
                _(jy_lifestyle_rx_kind_title (self->kind)));
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JyLifestyleRxWindow *self = JY_LIFESTYLE_RX_WINDOW (widget);
  g_autofree char *name = g_strconcat (kind_file_name (self->kind), ".pdf", NULL);

  jy_print_save_pdf (GTK_WINDOW (self), jy_lifestyle_rx_window_build_doc (self), name, NULL, NULL);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JyLifestyleRxWindow *self = JY_LIFESTYLE_RX_WINDOW (widget);

  g_clear_pointer (&self->edited[self->kind], g_free);
  show_kind (self, self->kind);
}

static void
jy_lifestyle_rx_window_unrealize (GtkWidget *widget)
{
  JyLifestyleRxWindow *self = JY_LIFESTYLE_RX_WINDOW (widget);

  g_clear_handle_id (&self->preview_source, g_source_remove);

  GTK_WIDGET_CLASS (jy_lifestyle_rx_window_parent_class)->unrealize (widget);
}

static void
jy_lifestyle_rx_window_dispose (GObject *object)
{
  JyLifestyleRxWindow *self = JY_LIFESTYLE_RX_WINDOW (object);

  /* A pending preview would draw into a destroyed window, and tearing
   * the template down changes the buffer and the paper size. */
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->disposed = TRUE;

  G_OBJECT_CLASS (jy_lifestyle_rx_window_parent_class)->dispose (object);
}

static void
jy_lifestyle_rx_window_finalize (GObject *object)
{
  JyLifestyleRxWindow *self = JY_LIFESTYLE_RX_WINDOW (object);

  for (guint i = 0; i < N_KINDS; i++)
    {
      g_clear_pointer (&self->proposals[i], jy_lifestyle_rx_free);
      g_free (self->edited[i]);
    }
  g_clear_pointer (&self->doc, jy_print_doc_free);
  g_free (self->sex);
  g_free (self->centre_name);
  g_free (self->resident_name);
  g_free (self->diagnosis);
  g_free (self->findings);
  g_free (self->doctor_name);

  G_OBJECT_CLASS (jy_lifestyle_rx_window_parent_class)->finalize (object);
}

static void
jy_lifestyle_rx_window_class_init (JyLifestyleRxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jy_lifestyle_rx_window_dispose;
  object_class->finalize = jy_lifestyle_rx_window_finalize;
  widget_class->unrealize = jy_lifestyle_rx_window_unrealize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jiayi/Jiayi/ui/jy-lifestyle-rx-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JyLifestyleRxWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, JyLifestyleRxWindow, exercise_button);
  gtk_widget_class_bind_template_child (widget_class, JyLifestyleRxWindow, diet_button);
  gtk_widget_class_bind_template_child (widget_class, JyLifestyleRxWindow, reductions_button);
  gtk_widget_class_bind_template_child (widget_class, JyLifestyleRxWindow, deferred_label);
  gtk_widget_class_bind_template_child (widget_class, JyLifestyleRxWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, JyLifestyleRxWindow, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JyLifestyleRxWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, paper_changed_cb);

  gtk_widget_class_install_action (widget_class, "rx.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "rx.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "rx.reset", NULL, reset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "rx.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "rx.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jy_lifestyle_rx_window_init (JyLifestyleRxWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (text_changed_cb), self);
}

JyLifestyleRxWindow *
jy_lifestyle_rx_window_new (GtkWindow              *parent,
                            const JyLifestyleFacts *facts,
                            const JyRxPrintHeader  *header,
                            JyLifestyleRxKind       kind)
{
  JyLifestyleRxWindow *self;

  g_return_val_if_fail (facts != NULL && header != NULL && header->date != NULL, NULL);

  self = g_object_new (JY_TYPE_LIFESTYLE_RX_WINDOW, "transient-for", parent, NULL);
  self->facts = *facts;
  self->sex = g_strdup (facts->sex);
  self->facts.sex = self->sex;
  self->centre_name = g_strdup (header->centre_name);
  self->resident_name = g_strdup (header->resident_name);
  self->diagnosis = g_strdup (header->diagnosis);
  self->findings = g_strdup (header->findings);
  self->doctor_name = g_strdup (header->doctor_name);
  self->date = *header->date;
  self->age = header->age;

  adw_window_title_set_subtitle (self->window_title, self->resident_name);

  switch (kind)
    {
    case JY_LIFESTYLE_RX_DIET:
      gtk_toggle_button_set_active (self->diet_button, TRUE);
      break;
    case JY_LIFESTYLE_RX_THREE_REDUCTIONS:
      gtk_toggle_button_set_active (self->reductions_button, TRUE);
      break;
    case JY_LIFESTYLE_RX_EXERCISE:
    default:
      show_kind (self, JY_LIFESTYLE_RX_EXERCISE);
      break;
    }

  return self;
}

JyLifestyleRxKind
jy_lifestyle_rx_window_get_kind (JyLifestyleRxWindow *self)
{
  g_return_val_if_fail (JY_IS_LIFESTYLE_RX_WINDOW (self), JY_LIFESTYLE_RX_EXERCISE);

  return self->kind;
}
