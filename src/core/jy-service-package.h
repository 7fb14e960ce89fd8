/* jy-service-package.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Service packages (服务包, domain.md §2.4): what a contract includes, who
 * may have it, and what it costs. Money is integer fen (分, 1 元 = 100 fen)
 * everywhere; nothing here uses floating point. */

/* The signing fee of a package per contract year, by payer (§2.4). */
typedef struct
{
  gint64 insurance;       /* 医保基金 */
  gint64 public_health;   /* 基本公卫经费 */
  gint64 resident;        /* 个人 */
} JyFeeSplit;

typedef enum
{
  JY_SERVICE_PACKAGE_KIND_BASIC,          /* 基础包: every contract has one */
  JY_SERVICE_PACKAGE_KIND_PERSONALISED,   /* 个性化包: optional, several allowed */
} JyServicePackageKind;

typedef enum
{
  JY_SEX_REQUIREMENT_ANY,
  JY_SEX_REQUIREMENT_MALE,     /* GB/T 2261.1 "1" */
  JY_SEX_REQUIREMENT_FEMALE,   /* GB/T 2261.1 "2" */
} JySexRequirement;

/* When a package item is owed (§2.5: each item is an obligation with a due
 * rule); jy-fulfilment counts what is due by a date. */
typedef enum
{
  /* Available when asked for (a consultation, referral priority): never owed. */
  JY_ITEM_DUE_ON_REQUEST,
  /* quantity per contract year, spread evenly over it: 2 home visits are
   * owed by the end of month 6 and of month 12 of the contract year. */
  JY_ITEM_DUE_PER_CONTRACT_YEAR,
  /* quantity per calendar quarter lying wholly inside the term, due at the
   * quarter end (quarterly lipid tests). */
  JY_ITEM_DUE_PER_QUARTER,
  /* Owed on a schedule of its own, checked elsewhere: the quarterly
   * proactive contact (jy-contact), HTN/T2DM follow-ups (domain.md §3),
   * postpartum visits (after the delivery date). */
  JY_ITEM_DUE_OWN_SCHEDULE,
} JyItemDueRule;

typedef struct
{
  const char    *code;              /* stored in the fulfilment log */
  const char    *name;              /* English msgid; translate with _() */
  JyItemDueRule  due_rule;
  guint          quantity;          /* per contract year or per quarter */
  /* Only for residents in any of these key populations on the signing date
   * (JY_KEY_POPULATION_BIT); 0 = for everyone with the package. */
  guint32        key_populations;
} JyPackageItem;

/* A package as the catalogue defines it. The seed catalogue's packages
 * are static; jy_service_package_copy() makes an owned one (strings and
 * items copied) for packages a centre defines. */
typedef struct
{
  const char           *code;       /* stored in contract_package */
  const char           *name;       /* English msgid; translate with _() */
  JyServicePackageKind  kind;
  JyFeeSplit            annual_fee; /* fen per contract year */
  /* Eligibility on the signing date: full years (周岁), −1 = no limit. */
  int                   min_age;
  int                   max_age;
  JySexRequirement      sex;
  /* Any of these key populations (incl. HTN/T2DM enrolment) is required;
   * 0 = open to everyone. */
  guint32               key_populations;
  const JyPackageItem  *items;
  guint                 n_items;
} JyServicePackage;

/* Why a package is refused for a resident (the gui words it). */
typedef enum
{
  JY_PACKAGE_ELIGIBLE,
  JY_PACKAGE_REFUSED_TOO_YOUNG,        /* under min_age on the signing date */
  JY_PACKAGE_REFUSED_TOO_OLD,          /* over max_age on the signing date */
  JY_PACKAGE_REFUSED_AGE_UNKNOWN,      /* an age limit and no birth date */
  JY_PACKAGE_REFUSED_SEX,              /* the package is for the other sex */
  JY_PACKAGE_REFUSED_NOT_IN_GROUP,     /* none of the required key populations */
} JyPackageEligibility;

/* What eligibility looks at, on the signing date. */
typedef struct
{
  const GDate *birth;             /* NULL if unknown */
  const char  *sex;               /* GB/T 2261.1 code as stored; NULL if unknown */
  /* jy_key_population_derive() on the signing date: key-population tags
   * and enrolled chronic conditions (HTN, T2DM). */
  guint32      key_populations;
} JyPackageResidentFacts;

typedef enum
{
  JY_PACKAGE_SELECTION_NO_BASIC,       /* no basic package (index: G_MAXUINT) */
  JY_PACKAGE_SELECTION_SECOND_BASIC,   /* a contract has one basic package */
  JY_PACKAGE_SELECTION_DUPLICATE,      /* the same package twice */
  JY_PACKAGE_SELECTION_NOT_ELIGIBLE,   /* see reason */
} JyPackageSelectionProblemKind;

typedef struct
{
  guint                         index;    /* into the selection */
  JyPackageSelectionProblemKind kind;
  JyPackageEligibility          reason;   /* for NOT_ELIGIBLE */
} JyPackageSelectionProblem;

#define JY_SERVICE_PACKAGE_BASIC "basic"

#define JY_TYPE_SERVICE_PACKAGE (jy_service_package_get_type ())

GType                   jy_service_package_get_type  (void) G_GNUC_CONST;
JyServicePackage       *jy_service_package_copy      (const JyServicePackage *package);
void                    jy_service_package_free      (JyServicePackage       *package);
const JyServicePackage *jy_service_package_get_seed  (guint                  *n_packages);
const JyServicePackage *jy_service_package_find_seed (const char             *code);

JyPackageEligibility jy_service_package_check_eligibility
                                          (const JyServicePackage        *package,
                                           const JyPackageResidentFacts  *resident,
                                           const GDate                   *sign_date);
GArray              *jy_service_package_check_selection
                                          (const JyServicePackage *const *packages,
                                           guint                          n_packages,
                                           const JyPackageResidentFacts  *resident,
                                           const GDate                   *sign_date);
gboolean             jy_package_item_applies
                                          (const JyPackageItem           *item,
                                           guint32                        key_populations);

gint64   jy_fee_split_total               (const JyFeeSplit              *split);
void     jy_fee_split_add                 (JyFeeSplit                    *sum,
                                           const JyFeeSplit              *split);
void     jy_fee_split_scale               (const JyFeeSplit              *split,
                                           guint                          years,
                                           JyFeeSplit                    *out);
void     jy_fee_split_from_shares         (gint64                         total,
                                           guint                          insurance_bp,
                                           guint                          public_health_bp,
                                           JyFeeSplit                    *out);
void     jy_service_package_selection_fee (const JyServicePackage *const *packages,
                                           guint                          n_packages,
                                           guint                          term_years,
                                           JyFeeSplit                    *out);
char    *jy_fee_format_yuan               (gint64                         fen);
gboolean jy_fee_parse_yuan                (const char                    *text,
                                           gint64                        *fen);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyServicePackage, jy_service_package_free)

G_END_DECLS
