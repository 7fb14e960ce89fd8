/* jy-store-error.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The gui turns these codes into the user's message; error->message is for logs. */
typedef enum
{
  JY_STORE_ERROR_FAILED,
  JY_STORE_ERROR_NOT_FOUND,
  JY_STORE_ERROR_CONSTRAINT,
  JY_STORE_ERROR_CORRUPT,
  JY_STORE_ERROR_LOCKED,
  JY_STORE_ERROR_TOO_NEW,
  JY_STORE_ERROR_DISK_FULL,
  JY_STORE_ERROR_PERMISSION,
  JY_STORE_ERROR_IO,
  JY_STORE_ERROR_CANNOT_OPEN,
  JY_STORE_ERROR_DENIED,
  JY_STORE_ERROR_NOT_EMPTY,
  /* The record breaks a rule of core (the gui validated it first). */
  JY_STORE_ERROR_INVALID,
  /* Another active record has the same ID number. */
  JY_STORE_ERROR_DUPLICATE,
  /* The record changed since it was loaded (rev differs). */
  JY_STORE_ERROR_CONFLICT,
} JyStoreError;

#define JY_STORE_ERROR (jy_store_error_quark ())
GQuark jy_store_error_quark (void);

G_END_DECLS
