/* jy-phone.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* domain.md §1.3 */
typedef enum
{
  JY_PHONE_INVALID,
  JY_PHONE_MOBILE,
  JY_PHONE_LANDLINE,
} JyPhoneKind;

char        *jy_phone_normalize (const char *input);
JyPhoneKind  jy_phone_classify  (const char *normalized);
char        *jy_phone_mask      (const char *normalized);

G_END_DECLS
