/* test-followup-form.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The follow-up form and editor with real widgets: what the doctor types,
 * what the rules answer at the field and in the panel, what is saved.
 * The expected rule outcomes are domain.md §3.2–3.5's, so they hold for
 * core's rules as they hold for the temporary shim.
 *
 * JIAYI_TEST_SHOT_DIR=DIR keeps each window at 1366×768 and writes
 * DIR/<test>.png of it, for looking at the form. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jy-application.h"
#include "jy-followup-editor.h"
#include "jy-followup-form.h"
#include "test-gui-util.h"
#include "test-util.h"

#define TODAY_Y 2026
#define TODAY_M 11
#define TODAY_D 23

typedef struct
{
  JyFollowup     *htn_latest;
  JyFollowup     *t2dm_latest;
  JyFollowup     *htn_previous;
  GtkWindow      *window;
  JyFollowupForm *form;
} Fixture;

static gboolean
in_chinese (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "zh_CN") == 0;
}

static JyFollowup *
make_latest (JyProgramme programme)
{
  JyFollowup *f = jy_followup_new (programme);
  JyFollowupDrug *drug = jy_followup_drug_new (JY_FOLLOWUP_DRUG_CURRENT);

  f->uuid = g_strdup ("00000000-0000-4000-8000-000000000001");
  f->visit_date = g_strdup ("2026-08-20");
  f->mode = JY_VISIT_MODE_CLINIC;
  f->height_cm = 158;
  f->target_weight_kg = 58;
  f->sbp = 136;
  f->dbp = 82;
  f->fasting_glucose = 6.4;
  f->classification = JY_FOLLOWUP_CLASS_CONTROLLED;
  drug->name = g_strdup (programme == JY_PROGRAMME_HTN ? "氨氯地平片" : "二甲双胍片");
  drug->times_per_day = programme == JY_PROGRAMME_HTN ? 1 : 2;
  drug->dose = programme == JY_PROGRAMME_HTN ? 5 : 500;
  drug->dose_unit = g_strdup ("mg");
  g_ptr_array_add (f->drugs, drug);
  return f;
}

static void
make_context (Fixture               *fx,
              JyFollowupFormContext *ctx,
              JyProgramme            programmes)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->resident_id = 42;
  ctx->resident_name = "王小燕";
  ctx->sex = "2";
  ctx->birth_date = "1958-03-14";   /* 68 on the visit */
  ctx->programmes = programmes;
  ctx->htn.enrolment_id = 7;
  ctx->htn.latest = fx->htn_latest;
  ctx->htn.previous = fx->htn_previous;
  ctx->t2dm.enrolment_id = 8;
  ctx->t2dm.latest = fx->t2dm_latest;
  g_date_clear (&ctx->today, 1);
  g_date_set_dmy (&ctx->today, TODAY_D, TODAY_M, TODAY_Y);
  ctx->author_id = 3;
  ctx->author_name = "张医生";
  ctx->author_role = "doctor";
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  fx->htn_latest = make_latest (JY_PROGRAMME_HTN);
  fx->t2dm_latest = make_latest (JY_PROGRAMME_T2DM);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  if (fx->window != NULL)
    {
      gtk_window_destroy (fx->window);
      g_clear_object (&fx->window);
    }
  if (fx->form != NULL)
    g_assert_finalize_object (g_steal_pointer (&fx->form));
  g_clear_pointer (&fx->htn_latest, jy_followup_free);
  g_clear_pointer (&fx->t2dm_latest, jy_followup_free);
  g_clear_pointer (&fx->htn_previous, jy_followup_free);
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *painted)
{
  (*painted)++;
}

/* With JIAYI_TEST_SHOT_DIR set: DIR/<name>.png of @window as drawn. */
static void
shot (GtkWindow  *window,
      const char *name)
{
  const char *dir = g_getenv ("JIAYI_TEST_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GdkFrameClock *clock;
  guint painted = 0;
  gulong handler;
  int width, height;

  if (dir == NULL)
    return;
  /* Revealers and banners at rest, not half-way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  jy_test_iterate_until_true ((gboolean (*) (gpointer))gtk_widget_get_mapped, window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  jy_test_iterate_until (&painted, 2);
  g_signal_handler_disconnect (clock, handler);

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static JyFollowupForm *
show_form (Fixture     *fx,
           JyProgramme  programmes,
           const char  *role)
{
  JyFollowupFormContext ctx;

  make_context (fx, &ctx, programmes);
  if (role != NULL)
    ctx.author_role = role;
  fx->form = g_object_ref_sink (jy_followup_form_new (&ctx));
  fx->window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fx->window, 1366, 720);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->form));
  gtk_window_present (fx->window);
  gtk_widget_grab_focus (GTK_WIDGET (fx->form));
  return fx->form;
}

static GtkWidget *
find (gpointer    root,
      const char *name)
{
  GtkWidget *widget = jy_test_find_by_name (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

/* Types @text into the field named @name and presses Enter. */
static void
type_enter (gpointer    root,
            const char *name,
            const char *text)
{
  GtkWidget *entry = find (root, name);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static const char *
label_text (gpointer    root,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (find (root, name)));
}

static gboolean
shown (gpointer    root,
       const char *name)
{
  return gtk_widget_get_visible (find (root, name));
}

static const char *
entry_text (gpointer    root,
            const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (find (root, name)));
}

/* A 1366×768 screen shows the form without scrolling sideways. */
static void
assert_fits_small_screen (JyFollowupForm *form)
{
  int min = 0;

  gtk_widget_measure (GTK_WIDGET (form), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 1366);
}

static void
tick (gpointer    root,
      const char *name)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (root, name)), TRUE);
}

static void
press (gpointer    root,
       const char *name)
{
  g_signal_emit_by_name (find (root, name), "clicked");
}

static gboolean
htn_classified (gpointer form)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (find (form, "classification-htn"))) != 0;
}

static void
test_routine_htn_visit (Fixture       *fx,
                        gconstpointer  user_data)
{
  JyFollowupForm *form = show_form (fx, JY_PROGRAMME_HTN, NULL);
  g_autoptr(GPtrArray) records = NULL;
  const JyFollowup *r;
  const JyFollowupDrug *drug;
  GtkWidget *focus;

  /* A new visit starts at today, in the clinic, typing at the SBP. */
  g_assert_cmpstr (entry_text (form, "visit-date"), ==, "2026-11-23");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (form, "mode-clinic"))));
  focus = gtk_root_get_focus (GTK_ROOT (fx->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, find (form, "sbp")));
  /* Carried over from the last visit. */
  g_assert_cmpstr (entry_text (form, "height"), ==, "158");
  g_assert_cmpstr (entry_text (form, "htn-drug-name-0"), ==, "氨氯地平片");

  tick (form, "symptom-none");
  type_enter (form, "sbp", "132");
  /* Enter moved on to the DBP. */
  focus = gtk_root_get_focus (GTK_ROOT (fx->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, find (form, "dbp")));
  type_enter (form, "dbp", "84");
  type_enter (form, "heart-rate", "72");
  type_enter (form, "weight", "61.5");

  /* BMI live: 61.5 / 1.58² = 24.6, overweight. */
  g_assert_true (g_str_has_prefix (label_text (form, "bmi"), "24.6"));
  g_assert_cmpstr (label_text (form, "suggested-class-htn"), ==, C_("follow-up class", "Controlled"));
  if (in_chinese ())
    g_assert_cmpstr (label_text (form, "suggested-class-htn"), ==, "控制满意");
  g_assert_cmpstr (entry_text (form, "next-visit"), ==, "2027-02-21");   /* +90 days */
  g_assert_false (shown (form, "danger-warning"));
  g_assert_false (shown (form, "referral"));

  /* Not classified yet: refused at the classification. */
  g_assert_false (jy_followup_form_validate (form));
  g_assert_true (shown (form, "classification-htn-error"));

  /* Alt+A is the accept button's mnemonic. */
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (find (form, "accept-suggestion"))));
  g_assert_true (gtk_widget_mnemonic_activate (find (form, "accept-suggestion"), FALSE));
  /* A button activated by key clicks after its press animation. */
  jy_test_iterate_until_true (htn_classified, form);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find (form, "classification-htn"))),
                    ==, JY_FOLLOWUP_CLASS_CONTROLLED);
  g_assert_false (shown (form, "class-reason-htn"));
  g_assert_true (jy_followup_form_validate (form));
  g_assert_true (jy_followup_form_get_edited (form));
  assert_fits_small_screen (form);
  shot (fx->window, "routine-htn-visit");

  records = jy_followup_form_get_records (form);
  g_assert_cmpuint (records->len, ==, 1);
  r = g_ptr_array_index (records, 0);
  g_assert_cmpint (r->programme, ==, JY_PROGRAMME_HTN);
  g_assert_cmpint (r->enrolment_id, ==, 7);
  g_assert_cmpint (r->resident_id, ==, 42);
  g_assert_nonnull (r->visit_uuid);
  g_assert_cmpstr (r->visit_date, ==, "2026-11-23");
  g_assert_cmpint (r->mode, ==, JY_VISIT_MODE_CLINIC);
  g_assert_cmpuint (r->symptoms, ==, 1u << 1);
  g_assert_cmpint (r->sbp, ==, 132);
  g_assert_cmpint (r->dbp, ==, 84);
  g_assert_cmpint (r->heart_rate, ==, 72);
  g_assert_cmpfloat_with_epsilon (r->weight_kg, 61.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->height_cm, 158, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->target_weight_kg, 58, 1e-9);
  g_assert_cmpint (r->classification, ==, JY_FOLLOWUP_CLASS_CONTROLLED);
  g_assert_cmpint (r->suggested_class, ==, JY_FOLLOWUP_CLASS_CONTROLLED);
  g_assert_null (r->class_override_reason);
  g_assert_cmpstr (r->next_visit_date, ==, "2027-02-21");
  g_assert_cmpint (r->author_id, ==, 3);
  g_assert_cmpstr (r->author_role, ==, "doctor");
  g_assert_cmpuint (r->drugs->len, ==, 1);
  drug = g_ptr_array_index (r->drugs, 0);
  g_assert_cmpstr (drug->name, ==, "氨氯地平片");
  g_assert_cmpint (drug->times_per_day, ==, 1);
  g_assert_cmpfloat_with_epsilon (drug->dose, 5, 1e-9);
  g_assert_cmpstr (drug->dose_unit, ==, "mg");
}

static void
test_combined_records_share_visit (Fixture       *fx,
                                   gconstpointer  user_data)
{
  JyFollowupForm *form = show_form (fx, JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM, NULL);
  g_autoptr(GPtrArray) records = NULL;
  const JyFollowup *htn, *dm;

  tick (form, "symptom-none");
  type_enter (form, "sbp", "132");
  type_enter (form, "dbp", "84");
  type_enter (form, "weight", "60");
  type_enter (form, "fasting-glucose", "8.2");
  press (form, "accept-suggestion");
  g_assert_cmpstr (label_text (form, "suggested-class-htn"), ==, C_("follow-up class", "Controlled"));
  g_assert_cmpstr (label_text (form, "suggested-class-t2dm"), ==, C_("follow-up class", "Uncontrolled"));
  /* One date for both: the earlier, the diabetes recheck in 14 days. */
  g_assert_cmpstr (entry_text (form, "next-visit"), ==, "2026-12-07");
  /* Each disease keeps its own medicines. */
  g_assert_cmpstr (entry_text (form, "t2dm-drug-name-0"), ==, "二甲双胍片");
  g_assert_true (jy_followup_form_validate (form));
  assert_fits_small_screen (form);
  shot (fx->window, "combined-visit");

  records = jy_followup_form_get_records (form);
  g_assert_cmpuint (records->len, ==, 2);
  htn = g_ptr_array_index (records, 0);
  dm = g_ptr_array_index (records, 1);
  g_assert_cmpint (htn->programme, ==, JY_PROGRAMME_HTN);
  g_assert_cmpint (dm->programme, ==, JY_PROGRAMME_T2DM);
  g_assert_cmpint (dm->enrolment_id, ==, 8);
  g_assert_nonnull (htn->visit_uuid);
  g_assert_cmpstr (htn->visit_uuid, ==, dm->visit_uuid);
  g_assert_cmpstr (htn->uuid, !=, dm->uuid);
  g_assert_cmpint (dm->sbp, ==, 132);
  g_assert_cmpint (dm->dbp, ==, 84);
  g_assert_cmpfloat_with_epsilon (dm->weight_kg, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (dm->fasting_glucose, 8.2, 1e-9);
  g_assert_false (jy_measured (htn->fasting_glucose));
  g_assert_cmpuint (dm->symptoms, ==, 1u << 1);
  g_assert_cmpint (htn->classification, ==, JY_FOLLOWUP_CLASS_CONTROLLED);
  g_assert_cmpint (dm->classification, ==, JY_FOLLOWUP_CLASS_UNCONTROLLED);
  g_assert_cmpstr (htn->next_visit_date, ==, dm->next_visit_date);
  g_assert_cmpuint (htn->drugs->len, ==, 1);
  g_assert_cmpuint (dm->drugs->len, ==, 1);
  g_assert_cmpstr (((JyFollowupDrug *)g_ptr_array_index (dm->drugs, 0))->name, ==, "二甲双胍片");
}

static void
test_bp_400_20_refused (Fixture       *fx,
                        gconstpointer  user_data)
{
  JyFollowupForm *form = show_form (fx, JY_PROGRAMME_HTN, NULL);
  GtkWidget *focus;

  type_enter (form, "sbp", "400");
  type_enter (form, "dbp", "20");

  g_assert_true (shown (form, "sbp-error"));
  g_assert_true (shown (form, "dbp-error"));
  if (in_chinese ())
    {
      g_assert_cmpstr (label_text (form, "sbp-error"), ==, "收缩压应在 60–300 mmHg 之间");
      g_assert_cmpstr (label_text (form, "dbp-error"), ==, "舒张压应在 30–200 mmHg 之间");
    }
  g_assert_true (gtk_widget_has_css_class (find (form, "sbp"), "error"));
  /* A typing slip is not an emergency. */
  g_assert_false (shown (form, "danger-warning"));

  g_assert_false (jy_followup_form_validate (form));
  shot (fx->window, "bp-400-20");
  /* The doctor is taken to the first field to fix, in the paper form's
   * order: the symptoms (core may require them) or the SBP. */
  focus = gtk_root_get_focus (GTK_ROOT (fx->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, find (form, "symptom-none")) ||
                 gtk_widget_is_ancestor (focus, find (form, "sbp")) || focus == find (form, "symptom-none"));

  type_enter (form, "sbp", "140");
  type_enter (form, "dbp", "90");
  g_assert_false (shown (form, "sbp-error"));
  g_assert_false (shown (form, "dbp-error"));
}

static void
test_sbp_not_above_dbp (Fixture       *fx,
                        gconstpointer  user_data)
{
  JyFollowupForm *form = show_form (fx, JY_PROGRAMME_HTN, NULL);

  type_enter (form, "sbp", "120");
  type_enter (form, "dbp", "130");

  g_assert_true (shown (form, "sbp-error"));
  if (in_chinese ())
    g_assert_cmpstr (label_text (form, "sbp-error"), ==, "收缩压必须高于舒张压");
  g_assert_false (jy_followup_form_validate (form));
}

static void
test_glucose_zero_refused (Fixture       *fx,
                           gconstpointer  user_data)
{
  JyFollowupForm *form = show_form (fx, JY_PROGRAMME_T2DM, NULL);

  type_enter (form, "sbp", "128");
  type_enter (form, "dbp", "78");
  type_enter (form, "fasting-glucose", "0");

  g_assert_true (shown (form, "fasting-glucose-error"));
  if (in_chinese ())
    g_assert_cmpstr (label_text (form, "fasting-glucose-error"), ==, "空腹血糖不能为 0");
  g_assert_false (jy_followup_form_validate (form));
  g_assert_true (gtk_widget_has_css_class (find (form, "fasting-glucose"), "error"));

  /* Not a number at all is refused too, with its own message. */
  type_enter (form, "fasting-glucose", "6,1");
  g_assert_true (shown (form, "fasting-glucose-error"));
  g_assert_false (jy_followup_form_validate (form));

  /* Full-width digits from a Chinese input method are numbers. */
  type_enter (form, "fasting-glucose", "６．１");
  g_assert_false (shown (form, "fasting-glucose-error"));
  g_assert_true (g_str_has_suffix (label_text (form, "glucose-mgdl"), "110 mg/dL"));
}

static void
test_sbp_185_emergency_referral (Fixture       *fx,
                                 gconstpointer  user_data)
{
  JyFollowupForm *form = show_form (fx, JY_PROGRAMME_HTN, NULL);
  const JyFollowupAssessment *a;

  g_assert_false (shown (form, "danger-warning"));
  type_enter (form, "sbp", "185");
  type_enter (form, "dbp", "95");

  g_assert_true (shown (form, "danger-warning"));
  g_assert_true (shown (form, "referral"));
  g_assert_cmpstr (entry_text (form, "referral-reason"), !=, "");
  a = jy_followup_form_get_assessment (form, JY_PROGRAMME_HTN);
  g_assert_nonnull (a);
  g_assert_true ((a->referral_signs & JY_DANGER_BP_HIGH) != 0);
  g_assert_cmpint (a->action, ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
  /* Follow up the referral within 2 weeks. */
  g_assert_cmpstr (entry_text (form, "next-visit"), ==, "2026-12-07");
  shot (fx->window, "sbp-185-emergency");

  type_enter (form, "sbp", "150");
  g_assert_false (shown (form, "danger-warning"));
}

static void
test_observed_danger_sign_opens_checklist (Fixture       *fx,
                                           gconstpointer  user_data)
{
  JyFollowupForm *form = show_form (fx, JY_PROGRAMME_HTN, NULL);
  GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (find (form, "danger-signs"));
  char name[32];

  g_assert_false (gtk_toggle_button_get_active (toggle));
  g_snprintf (name, sizeof name, "danger-%d", g_bit_nth_lsf (JY_DANGER_CHEST_TIGHTNESS, -1));
  tick (form, name);
  g_assert_true (gtk_toggle_button_get_active (toggle));
  g_assert_true (shown (form, "danger-warning"));
  g_assert_cmpint (jy_followup_form_get_assessment (form, JY_PROGRAMME_HTN)->action,
                   ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
}

static void
test_override_needs_reason (Fixture       *fx,
                            gconstpointer  user_data)
{
  JyFollowupForm *form = show_form (fx, JY_PROGRAMME_HTN, NULL);
  g_autoptr(GPtrArray) records = NULL;
  const JyFollowup *r;

  tick (form, "symptom-none");
  type_enter (form, "sbp", "132");
  type_enter (form, "dbp", "84");
  press (form, "accept-suggestion");
  g_assert_false (shown (form, "class-reason-htn"));

  /* The doctor records "uncontrolled" against the suggestion. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (form, "classification-htn")), JY_FOLLOWUP_CLASS_UNCONTROLLED);
  g_assert_true (shown (form, "class-reason-htn"));
  g_assert_false (jy_followup_form_validate (form));
  g_assert_true (shown (form, "classification-htn-error"));
  if (in_chinese ())
    g_assert_cmpstr (label_text (form, "classification-htn-error"), ==, "与建议分类不同，请填写理由");
  g_assert_true (gtk_widget_has_focus (find (form, "class-reason-htn")) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fx->window)), find (form, "class-reason-htn")));
  shot (fx->window, "override-needs-reason");

  type_enter (form, "class-reason-htn", "家测血压持续偏高");
  g_assert_true (jy_followup_form_validate (form));
  records = jy_followup_form_get_records (form);
  r = g_ptr_array_index (records, 0);
  g_assert_cmpint (r->classification, ==, JY_FOLLOWUP_CLASS_UNCONTROLLED);
  g_assert_cmpint (r->suggested_class, ==, JY_FOLLOWUP_CLASS_CONTROLLED);
  g_assert_cmpstr (r->class_override_reason, ==, "家测血压持续偏高");
}

static void
test_uncontrolled_twice_recommends_referral (Fixture       *fx,
                                             gconstpointer  user_data)
{
  JyFollowupForm *form;

  fx->htn_previous = jy_followup_new (JY_PROGRAMME_HTN);
  fx->htn_previous->visit_date = g_strdup ("2026-11-09");
  fx->htn_previous->mode = JY_VISIT_MODE_CLINIC;
  fx->htn_previous->sbp = 162;
  fx->htn_previous->dbp = 96;
  form = show_form (fx, JY_PROGRAMME_HTN, NULL);

  type_enter (form, "sbp", "158");
  type_enter (form, "dbp", "94");
  g_assert_cmpstr (label_text (form, "suggested-class-htn"), ==, C_("follow-up class", "Uncontrolled"));
  g_assert_cmpint (jy_followup_form_get_assessment (form, JY_PROGRAMME_HTN)->action,
                   ==, JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL);
  g_assert_true (shown (form, "referral"));
  g_assert_false (shown (form, "danger-warning"));
  g_assert_cmpstr (entry_text (form, "next-visit"), ==, "2026-12-07");
}

static void
test_later_next_visit_needs_reason (Fixture       *fx,
                                    gconstpointer  user_data)
{
  JyFollowupForm *form = show_form (fx, JY_PROGRAMME_HTN, NULL);

  tick (form, "symptom-none");
  type_enter (form, "sbp", "132");
  type_enter (form, "dbp", "84");
  press (form, "accept-suggestion");
  g_assert_false (shown (form, "next-reason"));

  type_enter (form, "next-visit", "2027-04-01");
  g_assert_true (shown (form, "next-reason"));
  g_assert_false (jy_followup_form_validate (form));
  g_assert_true (shown (form, "next-visit-error"));
  type_enter (form, "next-reason", "春节回老家");
  g_assert_true (jy_followup_form_validate (form));
}

/* The name of @widget or of its nearest named ancestor ("sbp" for the
 * GtkText inside the SBP entry). */
static const char *
named (GtkWidget *widget)
{
  while (widget != NULL && g_str_has_prefix (gtk_widget_get_name (widget), "Gtk"))
    widget = gtk_widget_get_parent (widget);
  return widget != NULL ? gtk_widget_get_name (widget) : "";
}

static void
test_tab_follows_paper_order (Fixture       *fx,
                              gconstpointer  user_data)
{
  /* The paper form's order, then the panel on the right. */
  static const char *const order[] = {
    "visit-date", "mode-clinic", "outcome", "symptom-none", "symptom-htn-9", "symptoms-other",
    "danger-signs", "sbp", "dbp", "heart-rate", "temperature", "weight", "target-weight",
    "height", "waist", "signs-other", "cigarettes", "cigarettes-target", "alcohol",
    "alcohol-target", "psychology", "exercise-per-week", "exercise-minutes-target", "compliance",
    "salt", "salt-target", "investigations", "adherence", "adverse-reaction", "new-complication",
    "htn-drug-name-0", "htn-drug-dose-0", "htn-adjust-add", "advice", "remarks",
    "classification-htn", "next-visit",
  };
  JyFollowupForm *form = show_form (fx, JY_PROGRAMME_HTN, NULL);
  g_autoptr(GString) walk = g_string_new (NULL);
  guint next = 0;

  gtk_widget_grab_focus (find (form, "visit-date"));
  g_assert_cmpstr (named (gtk_root_get_focus (GTK_ROOT (fx->window))), ==, order[next++]);
  for (guint i = 0; i < 200 && next < G_N_ELEMENTS (order); i++)
    {
      const char *name;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fx->window), GTK_DIR_TAB_FORWARD));
      name = named (gtk_root_get_focus (GTK_ROOT (fx->window)));
      g_string_append_printf (walk, "%s ", name);
      /* Nothing but fields takes the focus: no stray label or container. */
      g_assert_cmpstr (name, !=, "JyFollowupForm");
      if (g_str_equal (name, order[next]))
        next++;
    }
  g_test_message ("Tab: %s", walk->str);
  g_assert_cmpuint (next, ==, G_N_ELEMENTS (order));
}

static void
test_nurse_home_visit (Fixture       *fx,
                       gconstpointer  user_data)
{
  JyFollowupForm *form = show_form (fx, JY_PROGRAMME_HTN, "nurse");
  g_autoptr(GPtrArray) records = NULL;
  const JyFollowup *r;

  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (form, "mode-home"))));
  type_enter (form, "sbp", "128");
  type_enter (form, "dbp", "80");
  records = jy_followup_form_get_records (form);
  r = g_ptr_array_index (records, 0);
  g_assert_cmpint (r->mode, ==, JY_VISIT_MODE_HOME);
  g_assert_cmpstr (r->author_role, ==, "nurse");
  g_assert_cmpint (r->author_id, ==, 3);
}

static void
test_set_record_round_trip (Fixture       *fx,
                            gconstpointer  user_data)
{
  JyFollowupForm *form = show_form (fx, JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM, NULL);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  JyFollowupFormContext ctx;
  JyFollowupForm *other;

  tick (form, "symptom-none");
  type_enter (form, "sbp", "146");
  type_enter (form, "dbp", "88");
  type_enter (form, "fasting-glucose", "6.1");
  type_enter (form, "hba1c", "6.8");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (form, "foot-pulse")), 3);
  press (form, "accept-suggestion");
  first = jy_followup_form_get_records (form);

  make_context (fx, &ctx, JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM);
  other = g_object_ref_sink (jy_followup_form_new (&ctx));
  for (guint i = 0; i < first->len; i++)
    jy_followup_form_set_record (other, g_ptr_array_index (first, i));
  g_assert_false (jy_followup_form_get_edited (other));
  second = jy_followup_form_get_records (other);
  g_assert_cmpuint (second->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const JyFollowup *a = g_ptr_array_index (first, i);
      const JyFollowup *b = g_ptr_array_index (second, i);

      g_assert_cmpstr (a->uuid, ==, b->uuid);
      g_assert_cmpstr (a->visit_uuid, ==, b->visit_uuid);
      g_assert_cmpint (a->sbp, ==, b->sbp);
      g_assert_cmpint (a->classification, ==, b->classification);
      g_assert_cmpstr (a->next_visit_date, ==, b->next_visit_date);
      g_assert_cmpstr (a->foot_pulse, ==, b->foot_pulse);
      g_assert_cmpfloat_with_epsilon (a->hba1c, b->hba1c, 1e-9);
      g_assert_cmpuint (a->drugs->len, ==, b->drugs->len);
    }
  g_assert_cmpstr (((JyFollowup *)g_ptr_array_index (second, 1))->foot_pulse, ==, "2l");
  g_assert_finalize_object (other);
}

/* --- The editor window ---------------------------------------------- */

typedef struct
{
  JyFollowupEditor *editor;
  GPtrArray        *records;
  guint             calls;
  gboolean          fail;
  guint             saved;
} SaveState;

static gboolean
complete_cb (gpointer data)
{
  SaveState *state = data;
  g_autoptr(GError) error = NULL;

  if (state->fail)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_BUSY, "database is locked");
  jy_followup_editor_complete_save (state->editor, error);
  return G_SOURCE_REMOVE;
}

/* As the store would: the write finishes later, on the main loop. */
static void
save_func (JyFollowupEditor *editor,
           GPtrArray        *records,
           gpointer          user_data)
{
  SaveState *state = user_data;

  state->calls++;
  g_clear_pointer (&state->records, g_ptr_array_unref);
  state->records = records;
  g_assert_true (jy_followup_editor_get_saving (editor));
  g_idle_add (complete_cb, state);
}

static void
saved_cb (JyFollowupEditor *editor,
          GPtrArray        *records,
          SaveState        *state)
{
  g_assert_cmpuint (records->len, ==, 1);
  state->saved++;
}

static JyFollowupEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JY_IS_FOLLOWUP_EDITOR (window))
        return JY_FOLLOWUP_EDITOR (window);
    }
  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
not_saving (gpointer data)
{
  return !jy_followup_editor_get_saving (data);
}

static gboolean
editor_gone (gpointer data)
{
  return find_editor () == NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static JyFollowupEditor *
open_editor (Fixture          *fx,
             JyFollowupDrafts *drafts)
{
  JyFollowupFormContext ctx;
  JyFollowupEditor *editor;

  make_context (fx, &ctx, JY_PROGRAMME_HTN);
  editor = jy_followup_editor_new (NULL, &ctx, drafts);
  if (g_getenv ("JIAYI_TEST_SHOT_DIR") != NULL)
    gtk_window_set_default_size (GTK_WINDOW (editor), 1366, 768);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
fill_routine (gpointer root)
{
  tick (root, "symptom-none");
  type_enter (root, "sbp", "132");
  type_enter (root, "dbp", "84");
  type_enter (root, "heart-rate", "72");
  press (root, "accept-suggestion");
}

static void
test_editor_saves_off_main_thread_then_closes (Fixture       *fx,
                                               gconstpointer  user_data)
{
  SaveState state = { 0 };
  JyFollowupEditor *editor = open_editor (fx, NULL);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (jy_test_find_by_type (GTK_WIDGET (editor), ADW_TYPE_WINDOW_TITLE));

  if (in_chinese ())
    g_assert_cmpstr (adw_window_title_get_title (title), ==, "高血压随访 · 王小燕 · 68岁");
  state.editor = editor;
  jy_followup_editor_set_save_func (editor, save_func, &state, NULL);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &state);

  /* Ctrl+S on an empty form: refused at the fields, nothing written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_cmpuint (state.calls, ==, 0);
  g_assert_true (shown (editor, "sbp-error"));

  fill_routine (editor);
  shot (GTK_WINDOW (editor), "editor-routine");

  /* The store fails: the banner says so, everything typed stays. */
  state.fail = TRUE;
  g_test_expect_message ("jiayi", G_LOG_LEVEL_WARNING, "Could not save follow-up*");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_cmpuint (state.calls, ==, 1);
  g_assert_true (jy_followup_editor_get_saving (editor));
  g_assert_true (shown (editor, "saving-spinner"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (jy_followup_editor_get_form (editor))));
  jy_test_iterate_until_true (not_saving, editor);
  g_test_assert_expected_messages ();
  g_assert_nonnull (find_editor ());
  g_assert_false (shown (editor, "saving-spinner"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (find (editor, "banner"),
                                                                                      GTK_TYPE_REVEALER))));
  g_assert_cmpstr (entry_text (editor, "sbp"), ==, "132");
  g_assert_cmpuint (state.saved, ==, 0);
  shot (GTK_WINDOW (editor), "editor-save-failed");

  /* Again: written, "saved", closed. */
  state.fail = FALSE;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_cmpuint (state.calls, ==, 2);
  jy_test_iterate_until_true (editor_gone, NULL);
  g_assert_cmpuint (state.saved, ==, 1);
  g_assert_cmpuint (state.records->len, ==, 1);
  g_assert_cmpint (((JyFollowup *)g_ptr_array_index (state.records, 0))->sbp, ==, 132);
  g_clear_pointer (&state.records, g_ptr_array_unref);
}

static void
respond (const char *response)
{
  AdwMessageDialog *dialog;

  jy_test_iterate_until_true (dialog_shown, NULL);
  dialog = g_object_ref (find_dialog ());
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_editor_close_keeps_draft (Fixture       *fx,
                               gconstpointer  user_data)
{
  g_autoptr(JyFollowupDrafts) drafts = jy_followup_drafts_new ();
  JyFollowupEditor *editor = open_editor (fx, drafts);

  /* Nothing typed: Esc closes at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  jy_test_iterate_until_true (editor_gone, NULL);

  editor = open_editor (fx, drafts);
  type_enter (editor, "sbp", "178");
  type_enter (editor, "dbp", "102");

  /* Esc asks; "keep editing" keeps the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  jy_test_iterate_until_true (dialog_shown, NULL);
  shot (GTK_WINDOW (find_dialog ()), "editor-close-asks");
  respond ("keep");
  g_assert_nonnull (find_editor ());

  /* "Save draft" keeps it for this resident. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  respond ("draft");
  jy_test_iterate_until_true (editor_gone, NULL);
  g_assert_true (jy_followup_drafts_contains (drafts, 42));

  /* The next follow-up for her opens the draft, and says so. */
  editor = open_editor (fx, drafts);
  g_assert_cmpstr (entry_text (editor, "sbp"), ==, "178");
  g_assert_cmpstr (entry_text (editor, "dbp"), ==, "102");
  g_assert_true (shown (editor, "discard-draft"));
  g_assert_false (jy_followup_form_get_edited (jy_followup_editor_get_form (editor)));
  /* The next visit was the rule's proposal: it still follows the values. */
  g_assert_cmpstr (entry_text (editor, "next-visit"), ==, "2026-12-07");
  type_enter (editor, "sbp", "138");
  type_enter (editor, "dbp", "86");
  g_assert_cmpstr (entry_text (editor, "next-visit"), ==, "2027-02-21");
  shot (GTK_WINDOW (editor), "editor-draft");

  /* Discarding it starts afresh. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.discard-draft", NULL));
  g_assert_false (jy_followup_drafts_contains (drafts, 42));
  g_assert_cmpstr (entry_text (editor, "sbp"), ==, "");
  gtk_window_destroy (GTK_WINDOW (editor));
  jy_test_iterate_until_true (editor_gone, NULL);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("JIAYI_LOCALEDIR");
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  jy_gui_init ();
  jy_test_quiet_debug ();

  /* What AdwApplication loads for the app, so shots look like it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/jiayi/Jiayi/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/gui/followup-form/routine-htn-visit-suggests-controlled-90-days", test_routine_htn_visit);
  ADD ("/gui/followup-form/combined-visit-two-records-share-bp", test_combined_records_share_visit);
  ADD ("/gui/followup-form/bp-400-20-refused-at-the-field", test_bp_400_20_refused);
  ADD ("/gui/followup-form/sbp-not-above-dbp-refused", test_sbp_not_above_dbp);
  ADD ("/gui/followup-form/glucose-0-refused", test_glucose_zero_refused);
  ADD ("/gui/followup-form/sbp-185-emergency-referral", test_sbp_185_emergency_referral);
  ADD ("/gui/followup-form/observed-danger-sign-opens-checklist", test_observed_danger_sign_opens_checklist);
  ADD ("/gui/followup-form/override-class-needs-reason", test_override_needs_reason);
  ADD ("/gui/followup-form/uncontrolled-twice-recommends-referral", test_uncontrolled_twice_recommends_referral);
  ADD ("/gui/followup-form/later-next-visit-needs-reason", test_later_next_visit_needs_reason);
  ADD ("/gui/followup-form/tab-follows-paper-order", test_tab_follows_paper_order);
  ADD ("/gui/followup-form/nurse-records-home-visit", test_nurse_home_visit);
  ADD ("/gui/followup-form/set-record-round-trip", test_set_record_round_trip);
  ADD ("/gui/followup-editor/save-fails-keeps-form-then-saves-and-closes", test_editor_saves_off_main_thread_then_closes);
  ADD ("/gui/followup-editor/close-keeps-draft-and-reopens-it", test_editor_close_keeps_draft);

  return g_test_run ();
}
