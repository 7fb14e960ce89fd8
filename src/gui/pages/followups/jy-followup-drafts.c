/* jy-followup-drafts.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-drafts.h"

struct _JyFollowupDrafts
{
  GObject     parent_instance;

  GHashTable *drafts;   /* gint64 * resident id → GPtrArray of JyFollowup */
};

G_DEFINE_FINAL_TYPE (JyFollowupDrafts, jy_followup_drafts, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GPtrArray *
copy_records (GPtrArray *records)
{
  GPtrArray *copy = g_ptr_array_new_full (records->len, (GDestroyNotify)jy_followup_free);

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (copy, jy_followup_copy (g_ptr_array_index (records, i)));
  return copy;
}

void
jy_followup_drafts_put (JyFollowupDrafts *self,
                        gint64            resident_id,
                        GPtrArray        *records)
{
  g_return_if_fail (JY_IS_FOLLOWUP_DRAFTS (self));
  g_return_if_fail (records != NULL);

  g_hash_table_replace (self->drafts, g_memdup2 (&resident_id, sizeof resident_id), copy_records (records));
  g_signal_emit (self, signals[CHANGED], 0, resident_id);
}

GPtrArray *
jy_followup_drafts_dup (JyFollowupDrafts *self,
                        gint64            resident_id)
{
  GPtrArray *records;

  g_return_val_if_fail (JY_IS_FOLLOWUP_DRAFTS (self), NULL);

  records = g_hash_table_lookup (self->drafts, &resident_id);
  return records != NULL ? copy_records (records) : NULL;
}

gboolean
jy_followup_drafts_contains (JyFollowupDrafts *self,
                             gint64            resident_id)
{
  g_return_val_if_fail (JY_IS_FOLLOWUP_DRAFTS (self), FALSE);

  return g_hash_table_contains (self->drafts, &resident_id);
}

void
jy_followup_drafts_remove (JyFollowupDrafts *self,
                           gint64            resident_id)
{
  g_return_if_fail (JY_IS_FOLLOWUP_DRAFTS (self));

  if (g_hash_table_remove (self->drafts, &resident_id))
    g_signal_emit (self, signals[CHANGED], 0, resident_id);
}

GArray *
jy_followup_drafts_dup_residents (JyFollowupDrafts *self)
{
  GArray *ids;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (JY_IS_FOLLOWUP_DRAFTS (self), NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (self->drafts));
  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *)key);
  return ids;
}

static void
jy_followup_drafts_finalize (GObject *object)
{
  JyFollowupDrafts *self = (JyFollowupDrafts *)object;

  g_clear_pointer (&self->drafts, g_hash_table_unref);

  G_OBJECT_CLASS (jy_followup_drafts_parent_class)->finalize (object);
}

static void
jy_followup_drafts_class_init (JyFollowupDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jy_followup_drafts_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
jy_followup_drafts_init (JyFollowupDrafts *self)
{
  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
}

JyFollowupDrafts *
jy_followup_drafts_new (void)
{
  return g_object_new (JY_TYPE_FOLLOWUP_DRAFTS, NULL);
}
