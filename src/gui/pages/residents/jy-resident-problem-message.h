/* jy-resident-problem-message.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-resident.h"

G_BEGIN_DECLS

char *jy_resident_problem_message (const JyResident        *r,
                                   const JyResidentProblem *problem);

G_END_DECLS
