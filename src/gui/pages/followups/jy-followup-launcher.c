/* jy-followup-launcher.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-launcher.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jy-centre-store.h"
#include "jy-chronic-store.h"
#include "jy-clock.h"
#include "jy-followup-editor.h"
#include "jy-followup-store.h"
#include "jy-long-rx-actions.h"
#include "jy-long-rx-store.h"
#include "jy-resident-store.h"

/* What the form starts from, read in one snapshot. */
typedef struct
{
  JyResident  *resident;
  JyEnrolment *enrolment[2];   /* HTN, T2DM; NULL if not managed */
  JyFollowup  *previous[2];
  JyFollowup  *latest[2];
  char        *author_name;
  gint64       author_id;
  char        *author_role;
} Start;

static void
start_free (Start *start)
{
  g_clear_pointer (&start->resident, jy_resident_free);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&start->enrolment[i], jy_enrolment_free);
      g_clear_pointer (&start->previous[i], jy_followup_free);
      g_clear_pointer (&start->latest[i], jy_followup_free);
    }
  g_free (start->author_name);
  g_free (start->author_role);
  g_free (start);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Start, start_free)

typedef struct
{
  GtkWindow           *parent;
  JyStore             *store;
  JyFollowupDrafts    *drafts;
  gint64               resident_id;
  gint64               author_id;
  char                *author_role;
  JyFollowupSavedFunc  saved;
  gpointer             user_data;
} Launch;

static void
launch_free (Launch *launch)
{
  g_clear_object (&launch->parent);
  g_clear_object (&launch->store);
  g_clear_object (&launch->drafts);
  g_free (launch->author_role);
  g_free (launch);
}

static char *
staff_name (JyCentreChoices *choices,
            gint64           id)
{
  for (guint i = 0; choices != NULL && i < choices->staff->len; i++)
    {
      JyStaffChoice *staff = g_ptr_array_index (choices->staff, i);

      if (staff->id == id)
        return g_strdup (staff->name);
    }
  return NULL;
}

static gpointer
load_start (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Launch *launch = data;
  g_autoptr(Start) start = g_new0 (Start, 1);
  g_autoptr(GDate) today = jy_clock_today_local ();
  g_autofree char *today_str = jy_clock_format_date (today);
  g_autoptr(JyCentreChoices) choices = NULL;
  const JyProgramme programmes[2] = { JY_PROGRAMME_HTN, JY_PROGRAMME_T2DM };

  if ((start->resident = jy_resident_store_load (db, launch->resident_id, error)) == NULL)
    return NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) local_error = NULL;

      start->enrolment[i] = jy_chronic_store_find_managing (db, launch->resident_id, programmes[i], &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (start->enrolment[i] == NULL)
        continue;

      /* "Previous" for the rules is the latest face-to-face visit before
       * today; tomorrow's date would include today's own visits. */
      start->previous[i] = jy_followup_store_previous_for_rule (db, start->enrolment[i]->id, today_str, &local_error);
      if (local_error == NULL)
        start->latest[i] = jy_followup_store_latest (db, start->enrolment[i]->id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  /* Until staff sign in, the visit is recorded under the responsible doctor. */
  start->author_id = launch->author_id;
  start->author_role = g_strdup (launch->author_role != NULL ? launch->author_role : "doctor");
  for (guint i = 0; start->author_id == 0 && i < 2; i++)
    if (start->enrolment[i] != NULL)
      start->author_id = start->enrolment[i]->doctor_id;
  if ((choices = jy_centre_store_load_choices (db, NULL, cancellable, error)) == NULL)
    return NULL;
  start->author_name = staff_name (choices, start->author_id);

  return g_steal_pointer (&start);
}

/* --- Saving ------------------------------------------------------------- */

typedef struct
{
  GPtrArray        *records;   /* JyFollowup */
  JyFollowupAction  actions[2];
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_ptr_array_unref (job->records);
  g_free (job);
}

/* What the save found: a long prescription in use that this follow-up
 * calls to stop (domain.md §4.6), or 0. */
typedef struct
{
  gint64              long_rx_id;
  JyLongRxStopReason  reason;
} SaveOutcome;

static gpointer
save_visit (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  SaveJob *job = data;
  SaveOutcome *outcome;
  JyLongRxStopReason reason = JY_LONG_RX_STOP_NONE;

  if (!jy_followup_store_save_visit (db, (JyFollowup *const *) job->records->pdata, job->actions,
                                     job->records->len, error))
    return NULL;
  outcome = g_new0 (SaveOutcome, 1);
  for (guint i = 0; i < job->records->len && reason == JY_LONG_RX_STOP_NONE; i++)
    {
      JyFollowup *r = g_ptr_array_index (job->records, i);

      reason = jy_long_rx_stop_reason_for_followup (r->classification, r->danger_observed);
    }
  if (reason != JY_LONG_RX_STOP_NONE && job->records->len > 0)
    {
      JyFollowup *r = g_ptr_array_index (job->records, 0);
      g_autoptr(GPtrArray) list = jy_long_rx_store_list (db, r->resident_id, NULL);

      /* Not allowed to see prescriptions: nothing to say. */
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          JyLongRx *rx = g_ptr_array_index (list, i);

          if (rx->state == JY_LONG_RX_STATE_ACTIVE)
            {
              outcome->long_rx_id = rx->id;
              outcome->reason = reason;
              break;
            }
        }
    }
  return outcome;
}

typedef struct
{
  JyFollowupEditor *editor;
  Launch           *launch;
} SaveContext;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JyFollowupEditor) editor = user_data;
  Launch *launch = g_object_get_data (G_OBJECT (editor), "jy-launch");
  g_autoptr(GError) error = NULL;
  g_autofree SaveOutcome *outcome = jy_store_write_finish (JY_STORE (object), result, &error);
  gboolean ok = outcome != NULL;

  if (!ok)
    g_warning ("Could not save a follow-up: %s", error->message);
  /* The editor shows the failure in its banner and keeps everything typed. */
  jy_followup_editor_complete_save (editor, ok ? NULL : error);
  if (ok && outcome->long_rx_id != 0)
    jy_long_rx_followup_notice (launch->parent, launch->store, outcome->long_rx_id, outcome->reason);
  if (ok && launch->saved != NULL)
    launch->saved (launch->resident_id, launch->user_data);
}

static void
save_func (JyFollowupEditor *editor,
           GPtrArray        *records,
           gpointer          user_data)
{
  Launch *launch = user_data;
  JyFollowupForm *form = jy_followup_editor_get_form (editor);
  SaveJob *job = g_new0 (SaveJob, 1);

  job->records = records;
  for (guint i = 0; i < records->len && i < 2; i++)
    {
      JyFollowup *r = g_ptr_array_index (records, i);
      const JyFollowupAssessment *a = jy_followup_form_get_assessment (form, r->programme);

      /* The action the rules proposed is what the worklists follow. */
      job->actions[i] = a != NULL ? a->action : JY_FOLLOWUP_ACTION_ROUTINE;
    }

  jy_store_write_async (launch->store, save_visit, job, (GDestroyNotify) save_job_free, g_free, NULL,
                        saved_cb, g_object_ref (editor));
}

/* --- Opening ------------------------------------------------------------ */

static void
not_managed (Launch           *launch,
             const JyResident *resident)
{
  g_autofree char *body = g_strdup_printf (_("%s is not enrolled in hypertension or diabetes management. "
                                             "Enrol them from their page first."), resident->name);
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (launch->parent, _("No Chronic Disease Management"), body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Launch *launch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Start) start = jy_store_read_finish (JY_STORE (object), result, &error);
  JyFollowupFormContext context = { 0 };
  JyFollowupFormDisease *diseases[2] = { &context.htn, &context.t2dm };
  const JyProgramme programmes[2] = { JY_PROGRAMME_HTN, JY_PROGRAMME_T2DM };
  g_autoptr(GDate) today = jy_clock_today_local ();
  JyFollowupEditor *editor;

  if (start == NULL)
    {
      g_warning ("Could not open the follow-up form: %s", error->message);
      launch_free (launch);
      return;
    }

  if (start->enrolment[0] == NULL && start->enrolment[1] == NULL)
    {
      not_managed (launch, start->resident);
      launch_free (launch);
      return;
    }

  context.resident_id = start->resident->id;
  context.resident_name = start->resident->name;
  context.sex = start->resident->sex;
  context.birth_date = start->resident->birth_date;
  context.today = *today;
  context.author_id = start->author_id;
  context.author_name = start->author_name;
  context.author_role = start->author_role;
  for (guint i = 0; i < 2; i++)
    {
      if (start->enrolment[i] == NULL)
        continue;
      context.programmes |= programmes[i];
      diseases[i]->enrolment_id = start->enrolment[i]->id;
      diseases[i]->enrol_date = start->enrolment[i]->enrol_date;
      diseases[i]->previous = start->previous[i];
      diseases[i]->latest = start->latest[i];
    }

  editor = jy_followup_editor_new (launch->parent, &context, launch->drafts);
  g_object_set_data_full (G_OBJECT (editor), "jy-launch", launch, (GDestroyNotify) launch_free);
  jy_followup_editor_set_save_func (editor, save_func, launch, NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

void
jy_followup_launch (GtkWindow           *parent,
                    JyStore             *store,
                    JyFollowupDrafts    *drafts,
                    gint64               resident_id,
                    gint64               author_id,
                    const char          *author_role,
                    JyFollowupSavedFunc  saved,
                    gpointer             user_data)
{
  Launch *launch;

  g_return_if_fail (JY_IS_STORE (store));

  launch = g_new0 (Launch, 1);
  launch->parent = parent != NULL ? g_object_ref (parent) : NULL;
  launch->store = g_object_ref (store);
  launch->drafts = drafts != NULL ? g_object_ref (drafts) : NULL;
  launch->resident_id = resident_id;
  launch->author_id = author_id;
  launch->author_role = g_strdup (author_role);
  launch->saved = saved;
  launch->user_data = user_data;

  jy_store_read_async (store, load_start, launch, NULL, (GDestroyNotify) start_free, NULL,
                       start_loaded_cb, launch);
}
