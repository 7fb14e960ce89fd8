/* jy-idcard.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Resident ID numbers (公民身份号码, GB 11643-1999), domain.md §1.2.
 * Pure functions: no I/O, no global state. */

typedef enum
{
  JY_IDCARD_OK,
  JY_IDCARD_ERR_FORMAT,   /* not 17 digits + digit or X */
  JY_IDCARD_ERR_AREA,     /* unknown province prefix */
  JY_IDCARD_ERR_BIRTH,    /* not a real date, in the future, or before 1880 */
  JY_IDCARD_ERR_CHECK,    /* check character does not match */
  JY_IDCARD_ERR_LEGACY,   /* a 15-digit first-generation number: import only */
} JyIdcardStatus;

/* Errors from jy_idcard_upgrade_legacy(); the codes are JyIdcardStatus values. */
#define JY_IDCARD_ERROR (jy_idcard_error_quark ())
GQuark          jy_idcard_error_quark     (void);

char           *jy_idcard_normalize       (const char  *input);
char            jy_idcard_check_char      (const char  *first17);
JyIdcardStatus  jy_idcard_validate        (const char  *normalized,
                                           const GDate *today);
gboolean        jy_idcard_get_birth_date  (const char  *id,
                                           GDate       *out);
int             jy_idcard_get_sex         (const char  *id);
char           *jy_idcard_upgrade_legacy  (const char  *id15,
                                           GError     **error);

G_END_DECLS
