/* long-rx-fhir-fixtures.h — long prescriptions and dispenses as FHIR
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by test-fhir-codec-longrx.c (round trips, hostile cases) and the
 * fuzz list of test-fhir-codec.c. Synthetic people only.
 */

#pragma once

#define LRX_U_RX       "7a1c2e3f-4b5d-4e6f-8a7b-9c0d1e2f3a4b"
#define LRX_U_OLD_RX   "6b2d3f4a-5c6e-4f7a-8b9c-0d1e2f3a4b5c"
#define LRX_U_RESIDENT "5b2d7c1e-8f3a-4d6b-9c0e-1a2b3c4d5e6f"
#define LRX_U_STAFF    "c0ffee00-1111-4222-8333-444455556666"
#define LRX_U_TEAM     "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
#define LRX_U_DISPENSE "d15be45e-0000-4111-8222-333344445555"

/* 84 days as 3 × 28, two drugs, a renewal of LRX_U_OLD_RX. */
static const char lrx_rx_json[] =
  "{\"resourceType\":\"MedicationRequest\",\"id\":\"" LRX_U_RX "\","
  "\"contained\":["
  "{\"resourceType\":\"Medication\",\"id\":\"item0\",\"extension\":[{\"url\":\"urn:jiayi:ext:long-rx-item\",\"extension\":["
  "{\"url\":\"position\",\"valueInteger\":0},{\"url\":\"drug_code\",\"valueString\":\"D003\"},"
  "{\"url\":\"drug_name\",\"valueString\":\"苯磺酸氨氯地平片\"},{\"url\":\"strength\",\"valueString\":\"5 mg\"},"
  "{\"url\":\"form\",\"valueString\":\"片剂\"},{\"url\":\"unit\",\"valueString\":\"片\"},"
  "{\"url\":\"dose\",\"valueDecimal\":1},{\"url\":\"frequency\",\"valueString\":\"qd\"},"
  "{\"url\":\"route\",\"valueString\":\"口服\"},{\"url\":\"days\",\"valueInteger\":84},"
  "{\"url\":\"pack_size\",\"valueDecimal\":28},{\"url\":\"pack_unit\",\"valueString\":\"盒\"},"
  "{\"url\":\"packs\",\"valueInteger\":3},{\"url\":\"exclusions\",\"valueInteger\":0},"
  "{\"url\":\"flags\",\"valueInteger\":0},{\"url\":\"insurance_class\",\"valueString\":\"甲\"}]}],"
  "\"code\":{\"coding\":[{\"system\":\"urn:jiayi:cs:drug\",\"code\":\"D003\",\"display\":\"苯磺酸氨氯地平片\"}],\"text\":\"苯磺酸氨氯地平片\"},"
  "\"form\":{\"text\":\"片剂\"}},"
  "{\"resourceType\":\"Medication\",\"id\":\"item1\",\"extension\":[{\"url\":\"urn:jiayi:ext:long-rx-item\",\"extension\":["
  "{\"url\":\"position\",\"valueInteger\":1},{\"url\":\"drug_code\",\"valueString\":\"D016\"},"
  "{\"url\":\"drug_name\",\"valueString\":\"盐酸二甲双胍片\"},{\"url\":\"unit\",\"valueString\":\"片\"},"
  "{\"url\":\"dose\",\"valueDecimal\":0.5},{\"url\":\"frequency\",\"valueString\":\"bid\"},"
  "{\"url\":\"days\",\"valueInteger\":84},{\"url\":\"pack_size\",\"valueDecimal\":48},"
  "{\"url\":\"packs\",\"valueInteger\":2},{\"url\":\"exclusions\",\"valueInteger\":0},"
  "{\"url\":\"flags\",\"valueInteger\":1}]}],"
  "\"code\":{\"coding\":[{\"system\":\"urn:jiayi:cs:drug\",\"code\":\"D016\"}],\"text\":\"盐酸二甲双胍片\"}}],"
  "\"extension\":[{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"active\"},"
  "{\"url\":\"urn:jiayi:ext:long-rx\",\"extension\":["
  "{\"url\":\"team_id\",\"valueString\":\"" LRX_U_TEAM "\"},{\"url\":\"diagnosis_text\",\"valueString\":\"高血压, 2型糖尿病\"},"
  "{\"url\":\"assessment_done\",\"valueInteger\":1},{\"url\":\"assessment_note\",\"valueString\":\"血压控制满意\"},"
  "{\"url\":\"education_given\",\"valueInteger\":1},{\"url\":\"patient_confirmed\",\"valueInteger\":1},"
  "{\"url\":\"review_date\",\"valueString\":\"2025-04-03\"}]},"
  "{\"url\":\"urn:jiayi:ext:medication\",\"valueReference\":{\"reference\":\"#item0\"}},"
  "{\"url\":\"urn:jiayi:ext:medication\",\"valueReference\":{\"reference\":\"#item1\"}}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:long_rx\",\"value\":\"" LRX_U_RX "\"},"
  "{\"system\":\"urn:jiayi:rx-no\",\"value\":\"CQ20250110000002\"}],"
  "\"status\":\"active\",\"intent\":\"order\","
  "\"category\":[{\"coding\":[{\"system\":\"urn:jiayi:cs:medication-request-category\",\"code\":\"long-term\"}]}],"
  "\"medicationReference\":{\"reference\":\"#item0\"},"
  "\"subject\":{\"reference\":\"Patient/" LRX_U_RESIDENT "\"},\"authoredOn\":\"2025-01-10\","
  "\"requester\":{\"reference\":\"Practitioner/" LRX_U_STAFF "\"},"
  "\"reasonCode\":[{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"I10\"}]},"
  "{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"E11.9\"}]}],"
  "\"courseOfTherapyType\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy\",\"code\":\"continuous\"}]},"
  "\"dispenseRequest\":{\"validityPeriod\":{\"start\":\"2025-01-10\",\"end\":\"2025-04-03\"},"
  "\"numberOfRepeatsAllowed\":2,"
  "\"expectedSupplyDuration\":{\"value\":28,\"unit\":\"d\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"d\"}},"
  "\"priorPrescription\":{\"reference\":\"MedicationRequest/" LRX_U_OLD_RX "\"}}";

/* A stopped 28-day one: no assessment needed, the stop reason travels. */
static const char lrx_stopped_json[] =
  "{\"resourceType\":\"MedicationRequest\",\"id\":\"" LRX_U_OLD_RX "\","
  "\"contained\":[{\"resourceType\":\"Medication\",\"id\":\"item0\",\"extension\":[{\"url\":\"urn:jiayi:ext:long-rx-item\",\"extension\":["
  "{\"url\":\"position\",\"valueInteger\":0},{\"url\":\"drug_name\",\"valueString\":\"阿司匹林肠溶片\"},"
  "{\"url\":\"dose\",\"valueDecimal\":1},{\"url\":\"frequency\",\"valueString\":\"qd\"},"
  "{\"url\":\"days\",\"valueInteger\":28},{\"url\":\"pack_size\",\"valueDecimal\":30},"
  "{\"url\":\"packs\",\"valueInteger\":1}]}],\"code\":{\"text\":\"阿司匹林肠溶片\"}}],"
  "\"extension\":[{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"stopped\"},"
  "{\"url\":\"urn:jiayi:ext:long-rx\",\"extension\":[{\"url\":\"stop_date\",\"valueString\":\"2024-12-20\"},"
  "{\"url\":\"stopped_at\",\"valueString\":\"2024-12-20T02:00:00Z\"},{\"url\":\"stopped_by\",\"valueString\":\"" LRX_U_STAFF "\"}]}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:long_rx\",\"value\":\"" LRX_U_OLD_RX "\"},"
  "{\"system\":\"urn:jiayi:rx-no\",\"value\":\"CQ20241201000001\"}],"
  "\"status\":\"stopped\",\"statusReason\":{\"coding\":[{\"system\":\"urn:jiayi:cs:long-rx-stop\",\"code\":\"adverse\"}],\"text\":\"踝部水肿\"},"
  "\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/" LRX_U_RESIDENT "\"},\"authoredOn\":\"2024-12-01\","
  "\"requester\":{\"reference\":\"Practitioner/" LRX_U_STAFF "\"},"
  "\"dispenseRequest\":{\"validityPeriod\":{\"start\":\"2024-12-01\",\"end\":\"2024-12-28\"},"
  "\"expectedSupplyDuration\":{\"value\":28,\"unit\":\"d\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"d\"}}}";

/* The second instalment, collected by the patient's son. */
static const char lrx_dispense_json[] =
  "{\"resourceType\":\"MedicationDispense\",\"id\":\"" LRX_U_DISPENSE "\","
  "\"contained\":["
  "{\"resourceType\":\"Medication\",\"id\":\"item0\",\"extension\":[{\"url\":\"urn:jiayi:ext:dispensed-quantity\","
  "\"valueQuantity\":{\"value\":1,\"unit\":\"盒\"}}],"
  "\"code\":{\"coding\":[{\"system\":\"urn:jiayi:cs:drug\",\"code\":\"D003\"}],\"text\":\"苯磺酸氨氯地平片\"}},"
  "{\"resourceType\":\"Medication\",\"id\":\"item1\",\"extension\":[{\"url\":\"urn:jiayi:ext:dispensed-quantity\","
  "\"valueQuantity\":{\"value\":1}}],\"code\":{\"text\":\"自备药\"}},"
  "{\"resourceType\":\"RelatedPerson\",\"id\":\"proxy\","
  "\"identifier\":[{\"system\":\"urn:oid:2.16.156.10011.1.3\",\"value\":\"110105198001010017\"}],"
  "\"patient\":{\"reference\":\"Patient/" LRX_U_RESIDENT "\"},\"relationship\":[{\"text\":\"子\"}],"
  "\"name\":[{\"text\":\"测试明\"}],\"telecom\":[{\"system\":\"phone\",\"value\":\"13800138009\"}]}],"
  "\"extension\":[{\"url\":\"urn:jiayi:ext:long-rx-dispense\",\"extension\":["
  "{\"url\":\"instalment\",\"valueInteger\":2},{\"url\":\"authorisation_date\",\"valueString\":\"2025-01-05\"},"
  "{\"url\":\"authorisation_ref\",\"valueString\":\"授权书 2025-001\"}]},"
  "{\"url\":\"urn:jiayi:ext:medication\",\"valueReference\":{\"reference\":\"#item0\"}},"
  "{\"url\":\"urn:jiayi:ext:medication\",\"valueReference\":{\"reference\":\"#item1\"}},"
  "{\"url\":\"http://hl7.org/fhir/5.0/StructureDefinition/extension-MedicationDispense.receiver\","
  "\"valueReference\":{\"reference\":\"#proxy\"}}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:long_rx_dispense\",\"value\":\"" LRX_U_DISPENSE "\"}],"
  "\"status\":\"completed\",\"medicationReference\":{\"reference\":\"#item0\"},"
  "\"subject\":{\"reference\":\"Patient/" LRX_U_RESIDENT "\"},"
  "\"performer\":[{\"actor\":{\"reference\":\"Practitioner/" LRX_U_STAFF "\"}}],"
  "\"authorizingPrescription\":[{\"reference\":\"MedicationRequest/" LRX_U_RX "\"}],"
  "\"daysSupply\":{\"value\":28,\"unit\":\"d\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"d\"},"
  "\"whenHandedOver\":\"2025-02-01\"}";

/* The first, by the patient. */
static const char lrx_own_dispense_json[] =
  "{\"resourceType\":\"MedicationDispense\",\"id\":\"" LRX_U_DISPENSE "\","
  "\"contained\":[{\"resourceType\":\"Medication\",\"id\":\"item0\",\"extension\":[{\"url\":\"urn:jiayi:ext:dispensed-quantity\","
  "\"valueQuantity\":{\"value\":1,\"unit\":\"盒\"}}],"
  "\"code\":{\"coding\":[{\"system\":\"urn:jiayi:cs:drug\",\"code\":\"D003\"}],\"text\":\"苯磺酸氨氯地平片\"}}],"
  "\"extension\":[{\"url\":\"urn:jiayi:ext:long-rx-dispense\",\"extension\":[{\"url\":\"instalment\",\"valueInteger\":1}]}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:long_rx_dispense\",\"value\":\"" LRX_U_DISPENSE "\"}],"
  "\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/" LRX_U_RESIDENT "\"},"
  "\"authorizingPrescription\":[{\"reference\":\"MedicationRequest/" LRX_U_RX "\"}],"
  "\"daysSupply\":{\"value\":28,\"unit\":\"d\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"d\"},"
  "\"whenHandedOver\":\"2025-01-10\",\"receiver\":[{\"reference\":\"Patient/" LRX_U_RESIDENT "\"}]}";
