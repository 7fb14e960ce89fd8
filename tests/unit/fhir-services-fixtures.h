/* fhir-services-fixtures.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FHIR JSON of the contract area's remaining records as their codecs
 * encode them (synthetic): a service package version (PlanDefinition),
 * a service delivery (Procedure) and a team with its communities
 * (CareTeam). Shared by test-fhir-codec-services.c and the fuzz run of
 * test-fhir-codec.c, which takes them as seeds.
 */

#pragma once

#define SVC_SITE     "5e7c0000-0000-4000-8000-000000000001"
#define SVC_PACKAGE  "5e7c0000-0000-4000-8000-000000000002"
#define SVC_DELIVERY "5e7c0000-0000-4000-8000-000000000003"
#define SVC_RESIDENT "5e7c0000-0000-4000-8000-000000000004"
#define SVC_CONTRACT "5e7c0000-0000-4000-8000-000000000005"
#define SVC_CONTACT  "5e7c0000-0000-4000-8000-000000000006"
#define SVC_STAFF    "5e7c0000-0000-4000-8000-000000000007"
#define SVC_TEAM     "5e7c0000-0000-4000-8000-000000000008"
#define SVC_MEMBER   "5e7c0000-0000-4000-8000-000000000009"

static const char svc_package_json[] =
  "{\"resourceType\":\"PlanDefinition\",\"id\":\"" SVC_PACKAGE "\","
  "\"extension\":[{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"withdrawn\"},"
  "{\"url\":\"urn:jiayi:ext:site\",\"valueReference\":{\"reference\":\"Organization/" SVC_SITE "\"}},"
  "{\"url\":\"urn:jiayi:ext:service-package\",\"extension\":["
  "{\"url\":\"kind\",\"valueString\":\"personalised\"},{\"url\":\"fee_insurance\",\"valueInteger\":8000},"
  "{\"url\":\"fee_public_health\",\"valueInteger\":2000},{\"url\":\"fee_resident\",\"valueInteger\":5000},"
  "{\"url\":\"min_age\",\"valueInteger\":65},{\"url\":\"sex\",\"valueString\":\"2\"},"
  "{\"url\":\"key_populations\",\"valueString\":\"elderly,hypertension\"},"
  "{\"url\":\"sort_order\",\"valueInteger\":20}]}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:service_package\",\"value\":\"" SVC_PACKAGE "\"},"
  "{\"system\":\"urn:jiayi:service-package-code\",\"value\":\"elderly-plus\"}],"
  "\"version\":\"3\",\"title\":\"老年人加强包\","
  "\"type\":{\"coding\":[{\"system\":\"urn:jiayi:cs:plan-type\",\"code\":\"service-package\"}]},"
  "\"status\":\"retired\","
  "\"action\":["
  "{\"extension\":[{\"url\":\"urn:jiayi:ext:package-item\",\"extension\":["
  "{\"url\":\"due_rule\",\"valueString\":\"per-contract-year\"},{\"url\":\"quantity\",\"valueInteger\":2}]}],"
  "\"title\":\"上门随访\","
  "\"code\":[{\"coding\":[{\"system\":\"urn:jiayi:cs:package-item\",\"code\":\"home-visit\"}]}]},"
  "{\"extension\":[{\"url\":\"urn:jiayi:ext:package-item\",\"extension\":["
  "{\"url\":\"due_rule\",\"valueString\":\"on-request\"},{\"url\":\"quantity\",\"valueInteger\":0},"
  "{\"url\":\"key_populations\",\"valueString\":\"hypertension\"}]}],"
  "\"title\":\"颈动脉超声\","
  "\"code\":[{\"coding\":[{\"system\":\"urn:jiayi:cs:package-item\",\"code\":\"carotid-ultrasound\"}]}]}]}";

static const char svc_delivery_json[] =
  "{\"resourceType\":\"Procedure\",\"id\":\"" SVC_DELIVERY "\","
  "\"extension\":[{\"url\":\"urn:jiayi:ext:delivery-date\",\"valueDate\":\"2025-01-01\"},"
  "{\"url\":\"urn:jiayi:ext:episode-of-care\",\"valueReference\":{\"reference\":\"EpisodeOfCare/" SVC_CONTRACT "\"}},"
  "{\"url\":\"urn:jiayi:ext:contact\",\"valueReference\":{\"reference\":\"Communication/" SVC_CONTACT "\"}}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:service_delivery\",\"value\":\"" SVC_DELIVERY "\"}],"
  "\"status\":\"completed\","
  "\"code\":{\"coding\":[{\"system\":\"urn:jiayi:cs:package-item\",\"code\":\"elderly-annual-check\"}]},"
  "\"subject\":{\"reference\":\"Patient/" SVC_RESIDENT "\"},"
  "\"performedDateTime\":\"2024-12-31T16:30:00Z\","
  "\"performer\":[{\"actor\":{\"reference\":\"Practitioner/" SVC_STAFF "\"}}],"
  "\"note\":[{\"text\":\"体检完成，结果已告知\"}]}";

static const char svc_team_json[] =
  "{\"resourceType\":\"CareTeam\",\"id\":\"" SVC_TEAM "\","
  "\"extension\":[{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"active\"},"
  "{\"url\":\"urn:jiayi:ext:team-lead\",\"valueReference\":{\"reference\":\"Practitioner/" SVC_STAFF "\"}},"
  "{\"url\":\"urn:jiayi:ext:area-code\",\"valueCode\":\"359902001001\"},"
  "{\"url\":\"urn:jiayi:ext:area-code\",\"valueCode\":\"359902001002\"}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:team\",\"value\":\"" SVC_TEAM "\"},"
  "{\"system\":\"urn:jiayi:team-code\",\"value\":\"T02\"}],"
  "\"status\":\"active\",\"name\":\"第二团队\","
  "\"managingOrganization\":[{\"reference\":\"Organization/" SVC_SITE "\"}],"
  "\"participant\":[{\"extension\":[{\"url\":\"urn:jiayi:ext:member-id\",\"valueString\":\"" SVC_MEMBER "\"},"
  "{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"active\"}],"
  "\"role\":[{\"coding\":[{\"system\":\"urn:jiayi:cs:team-role\",\"code\":\"doctor\"}]}],"
  "\"member\":{\"reference\":\"Practitioner/" SVC_STAFF "\"},"
  "\"period\":{\"start\":\"2024-01-01\"}}]}";
