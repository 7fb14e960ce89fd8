/* jy-account-store-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-account-store.h"

G_BEGIN_DECLS

/* Shared by jy-account-store.c and jy-account-sign-in.c. */

char     *jy_account_hash_password   (const char  *password,
                                      GError     **error);
gboolean  jy_account_verify_password (const char  *hash,
                                      const char  *password);
/* Whether the hash was made with other costs than today's. */
gboolean  jy_account_needs_rehash    (const char  *hash);
JyActor  *jy_account_load_actor      (JyDb        *db,
                                      gint64       staff_id,
                                      GError     **error);
/* An audit row about the account @staff_uuid, written as @author (NULL:
 * the job's session). @detail is JSON, never a password. */
gboolean  jy_account_audit           (JyDb        *db,
                                      JyActor     *author,
                                      const char  *action,
                                      const char  *staff_uuid,
                                      const char  *detail,
                                      GError     **error);
gboolean  jy_account_check_password  (const char             *password,
                                      const char             *login,
                                      const JyPasswordPolicy *policy,
                                      GError                **error);
gboolean  jy_account_is_demo         (JyDb        *db,
                                      gboolean    *out_demo,
                                      GError     **error);

G_END_DECLS
