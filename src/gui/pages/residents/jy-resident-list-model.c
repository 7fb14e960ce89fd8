/* jy-resident-list-model.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-list-model.h"

#include "jy-resident-item.h"
#include "jy-resident-store.h"

/* About a screen and a half of rows: one indexed query each. */
#define BLOCK_SIZE 100
/* Rows kept for scrolling back: 64 blocks is 6,400 rows. */
#define MAX_BLOCKS 64
/* Block loads in flight; more would wait for each other on the readers. */
#define MAX_LOADS 2
/* Items of the first positions are kept and reused when the ids change
 * (GTK 4.8 keeps widgets for up to 200 rows): a new list then changes the
 * rows' text instead of GTK dropping and making row widgets. */
#define MAX_SLOTS 256

struct _JyResidentListModel
{
  GObject       parent_instance;

  JyStore      *store;
  GArray       *ids;
  GCancellable *cancellable;
  GPtrArray    *slots;     /* JyResidentItem or NULL, by position < MAX_SLOTS */

  GHashTable   *blocks;    /* block number -> GPtrArray of JyResidentRow */
  GQueue        lru;       /* block numbers, most recent first */
  GHashTable   *pending;   /* block number -> GPtrArray of JyResidentItem waiting */
  GQueue        wanted;    /* blocks to load, most recent first */
  guint         n_loading;
};

enum {
  BLOCK_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JyResidentListModel, jy_resident_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

typedef struct
{
  JyResidentListModel *model;
  GCancellable        *cancellable;
  guint                block;
  GArray              *ids;
} BlockLoad;

static void
block_load_free (BlockLoad *load)
{
  g_object_unref (load->model);
  g_object_unref (load->cancellable);
  g_array_unref (load->ids);
  g_free (load);
}

/* A slot may be empty: GTK asks for the positions it shows, from anywhere. */
static void
slot_free (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static JyResidentRow *
row_copy (const JyResidentRow *row)
{
  JyResidentRow *copy = g_new0 (JyResidentRow, 1);

  copy->id = row->id;
  copy->uuid = g_strdup (row->uuid);
  copy->name = g_strdup (row->name);
  copy->sex = g_strdup (row->sex);
  copy->birth_date = g_strdup (row->birth_date);
  copy->id_masked = g_strdup (row->id_masked);
  copy->phone_masked = g_strdup (row->phone_masked);
  copy->address = g_strdup (row->address);
  copy->team_name = g_strdup (row->team_name);
  copy->status = g_strdup (row->status);
  copy->relation_to_head = g_strdup (row->relation_to_head);
  copy->key_populations = row->key_populations;
  return copy;
}

static gpointer
load_block_func (JyDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GArray *ids = data;

  return jy_resident_store_load_rows (db, (const gint64 *)(gpointer)ids->data, ids->len, error);
}

static void
fill_item (JyResidentItem *item,
           GPtrArray      *rows)
{
  gint64 id = jy_resident_item_get_id (item);

  for (guint i = 0; i < rows->len; i++)
    {
      JyResidentRow *row = g_ptr_array_index (rows, i);

      if (row != NULL && row->id == id)
        {
          jy_resident_item_set_row (item, row_copy (row));
          return;
        }
    }
}

static void
remember_block (JyResidentListModel *self,
                guint                block,
                GPtrArray           *rows)
{
  g_hash_table_insert (self->blocks, GUINT_TO_POINTER (block), g_ptr_array_ref (rows));
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (block));

  while (g_queue_get_length (&self->lru) > MAX_BLOCKS)
    g_hash_table_remove (self->blocks, g_queue_pop_tail (&self->lru));
}

static void start_loads (JyResidentListModel *self);

static void
block_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BlockLoad *load = user_data;
  JyResidentListModel *self = load->model;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = jy_store_read_finish (JY_STORE (object), result, &error);
  GPtrArray *waiting;

  /* A load for a list that has since been replaced is simply dropped. */
  if (g_cancellable_is_cancelled (load->cancellable))
    {
      block_load_free (load);
      return;
    }

  self->n_loading--;
  waiting = g_hash_table_lookup (self->pending, GUINT_TO_POINTER (load->block));

  if (rows == NULL)
    g_warning ("Could not load residents list rows: %s", error->message);
  else
    {
      remember_block (self, load->block, rows);
      for (guint i = 0; waiting != NULL && i < waiting->len; i++)
        fill_item (g_ptr_array_index (waiting, i), rows);
    }
  g_hash_table_remove (self->pending, GUINT_TO_POINTER (load->block));
  if (rows != NULL)
    g_signal_emit (self, signals[BLOCK_LOADED], 0, load->block);

  block_load_free (load);
  start_loads (self);
}

static void
start_loads (JyResidentListModel *self)
{
  while (self->n_loading < MAX_LOADS && !g_queue_is_empty (&self->wanted))
    {
      guint block = GPOINTER_TO_UINT (g_queue_pop_head (&self->wanted));
      guint start = block * BLOCK_SIZE;
      guint n = MIN (BLOCK_SIZE, self->ids->len - start);
      BlockLoad *load = g_new0 (BlockLoad, 1);

      load->model = g_object_ref (self);
      load->cancellable = g_object_ref (self->cancellable);
      load->block = block;
      load->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
      g_array_append_vals (load->ids, &g_array_index (self->ids, gint64, start), n);

      self->n_loading++;
      jy_store_read_async (self->store, load_block_func, g_array_ref (load->ids),
                           (GDestroyNotify)g_array_unref, (GDestroyNotify)g_ptr_array_unref,
                           self->cancellable, block_loaded_cb, load);
    }
}

static GType
jy_resident_list_model_get_item_type (GListModel *model)
{
  return JY_TYPE_RESIDENT_ITEM;
}

static guint
jy_resident_list_model_get_n_items (GListModel *model)
{
  JyResidentListModel *self = JY_RESIDENT_LIST_MODEL (model);

  return self->ids != NULL ? self->ids->len : 0;
}

/* Fills @item (at @position) from the cached block, or queues it for the
 * block's load; keeps what it shows until then if it is the same resident. */
static void
request_row (JyResidentListModel *self,
             JyResidentItem      *item,
             guint                position)
{
  gint64 id = g_array_index (self->ids, gint64, position);
  guint block = position / BLOCK_SIZE;
  GPtrArray *rows = g_hash_table_lookup (self->blocks, GUINT_TO_POINTER (block));
  GPtrArray *waiting;

  if (rows != NULL)
    {
      guint i = position % BLOCK_SIZE;
      JyResidentRow *row = i < rows->len ? g_ptr_array_index (rows, i) : NULL;

      jy_resident_item_reset (item, id, row != NULL ? row_copy (row) : NULL);
      return;
    }

  if (jy_resident_item_get_id (item) != id)
    jy_resident_item_reset (item, id, NULL);

  waiting = g_hash_table_lookup (self->pending, GUINT_TO_POINTER (block));
  if (waiting == NULL)
    {
      waiting = g_ptr_array_new_with_free_func (slot_free);
      g_hash_table_insert (self->pending, GUINT_TO_POINTER (block), waiting);
      /* The block the user just scrolled to goes first. */
      g_queue_push_head (&self->wanted, GUINT_TO_POINTER (block));
      start_loads (self);
    }
  g_ptr_array_add (waiting, g_object_ref (item));
}

static gpointer
jy_resident_list_model_get_item (GListModel *model,
                                 guint       position)
{
  JyResidentListModel *self = JY_RESIDENT_LIST_MODEL (model);
  JyResidentItem *item;

  if (self->ids == NULL || position >= self->ids->len)
    return NULL;

  if (position < self->slots->len && g_ptr_array_index (self->slots, position) != NULL)
    return g_object_ref (g_ptr_array_index (self->slots, position));

  item = jy_resident_item_new (g_array_index (self->ids, gint64, position));
  if (position < MAX_SLOTS)
    {
      if (position >= self->slots->len)
        g_ptr_array_set_size (self->slots, position + 1);
      g_ptr_array_index (self->slots, position) = g_object_ref (item);
    }
  request_row (self, item, position);

  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = jy_resident_list_model_get_item_type;
  iface->get_n_items = jy_resident_list_model_get_n_items;
  iface->get_item = jy_resident_list_model_get_item;
}

/* Takes a reference on @ids. */
void
jy_resident_list_model_set_ids (JyResidentListModel *self,
                                GArray              *ids)
{
  JyResidentListing listing = { ids, NULL, FALSE };

  g_return_if_fail (JY_IS_RESIDENT_LIST_MODEL (self));
  g_return_if_fail (ids != NULL);

  jy_resident_list_model_set_listing (self, &listing);
}

/* Takes references on @listing's ids and rows. */
void
jy_resident_list_model_set_listing (JyResidentListModel     *self,
                                    const JyResidentListing *listing)
{
  guint old_n, new_n, kept;

  g_return_if_fail (JY_IS_RESIDENT_LIST_MODEL (self));
  g_return_if_fail (listing != NULL && listing->ids != NULL);
  g_return_if_fail (listing->rows == NULL || listing->rows->len <= BLOCK_SIZE);

  old_n = self->ids != NULL ? self->ids->len : 0;
  new_n = listing->ids->len;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_loading = 0;
  g_hash_table_remove_all (self->blocks);
  g_hash_table_remove_all (self->pending);
  g_queue_clear (&self->lru);
  g_queue_clear (&self->wanted);

  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = g_array_ref (listing->ids);
  if (listing->rows != NULL)
    remember_block (self, 0, listing->rows);

  /* The first positions keep their items, now for other residents; the
   * model changes from there on. */
  kept = MIN (MIN (old_n, new_n), MAX_SLOTS);
  if (self->slots->len > kept)
    g_ptr_array_set_size (self->slots, kept);
  for (guint i = 0; i < self->slots->len; i++)
    if (g_ptr_array_index (self->slots, i) != NULL)
      request_row (self, g_ptr_array_index (self->slots, i), i);

  if (old_n > kept || new_n > kept)
    g_list_model_items_changed (G_LIST_MODEL (self), kept, old_n - kept, new_n - kept);
  if (listing->rows != NULL)
    g_signal_emit (self, signals[BLOCK_LOADED], 0, 0);
}

/* In a worker: @ids with the rows of their first block, so the list
 * shows them filled in at once. Takes a reference on @ids. */
JyResidentListing *
jy_resident_listing_load (JyDb     *db,
                          GArray   *ids,
                          GError  **error)
{
  g_autoptr(JyResidentListing) listing = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  listing = g_new0 (JyResidentListing, 1);
  listing->ids = g_array_ref (ids);
  listing->rows = jy_resident_store_load_rows (db, (const gint64 *)(gpointer)ids->data,
                                               MIN (ids->len, BLOCK_SIZE), error);
  if (listing->rows == NULL)
    return NULL;
  return g_steal_pointer (&listing);
}

void
jy_resident_listing_free (JyResidentListing *listing)
{
  if (listing == NULL)
    return;
  g_clear_pointer (&listing->ids, g_array_unref);
  g_clear_pointer (&listing->rows, g_ptr_array_unref);
  g_free (listing);
}

gint64
jy_resident_list_model_get_id (JyResidentListModel *self,
                               guint                position)
{
  g_return_val_if_fail (JY_IS_RESIDENT_LIST_MODEL (self), 0);

  if (self->ids == NULL || position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

static void
jy_resident_list_model_dispose (GObject *object)
{
  JyResidentListModel *self = (JyResidentListModel *)object;

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (jy_resident_list_model_parent_class)->dispose (object);
}

static void
jy_resident_list_model_finalize (GObject *object)
{
  JyResidentListModel *self = (JyResidentListModel *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_ptr_array_unref (self->slots);
  g_hash_table_unref (self->blocks);
  g_hash_table_unref (self->pending);
  g_queue_clear (&self->lru);
  g_queue_clear (&self->wanted);

  G_OBJECT_CLASS (jy_resident_list_model_parent_class)->finalize (object);
}

static void
jy_resident_list_model_class_init (JyResidentListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jy_resident_list_model_dispose;
  object_class->finalize = jy_resident_list_model_finalize;

  /* Rows of block @block (BLOCK_SIZE positions from block × BLOCK_SIZE)
   * have been filled in. */
  signals[BLOCK_LOADED] = g_signal_new ("block-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
jy_resident_list_model_init (JyResidentListModel *self)
{
  self->cancellable = g_cancellable_new ();
  self->slots = g_ptr_array_new_with_free_func (slot_free);
  self->blocks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->pending = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->lru);
  g_queue_init (&self->wanted);
}

JyResidentListModel *
jy_resident_list_model_new (JyStore *store)
{
  JyResidentListModel *self;

  g_return_val_if_fail (JY_IS_STORE (store), NULL);

  self = g_object_new (JY_TYPE_RESIDENT_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  return self;
}
