/* home-bed-fhir-fixtures.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One FHIR resource per home-bed codec, as a Jiayi workstation sends it
 * (test-fhir-codec-home-bed round-trips them; test-fhir-codec fuzzes them).
 * Synthetic people only.
 */

#pragma once

#define HB_RESIDENT  "2b3c4d5e-0000-4000-8000-000000000001"
#define HB_DOCTOR    "2b3c4d5e-0000-4000-8000-000000000002"
#define HB_NURSE     "2b3c4d5e-0000-4000-8000-000000000003"
#define HB_APP       "2b3c4d5e-0000-4000-8000-000000000004"
#define HB_ASSESS    "2b3c4d5e-0000-4000-8000-000000000005"
#define HB_BED       "2b3c4d5e-0000-4000-8000-000000000006"
#define HB_REASSESS  "2b3c4d5e-0000-4000-8000-000000000007"
#define HB_RENEWAL   "2b3c4d5e-0000-4000-8000-000000000008"
#define HB_ROUND     "2b3c4d5e-0000-4000-8000-000000000009"
#define HB_POLICY    "2b3c4d5e-0000-4000-8000-00000000000a"
#define HB_CENTRE    "2b3c4d5e-0000-4000-8000-00000000000b"

#define HB_SCORE_OBS(id, loinc, display, value) \
  "{\"resourceType\":\"Observation\",\"id\":\"" id "\",\"status\":\"final\"," \
  "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"survey\"}]}]," \
  "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" loinc "\",\"display\":\"" display "\"}]}," \
  "\"subject\":{\"reference\":\"Patient/" HB_RESIDENT "\"},\"effectiveDateTime\":\"2024-03-01\"," \
  "\"valueQuantity\":{\"value\":" value ",\"unit\":\"{score}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"{score}\"}}"

#define HB_VITAL(id, category, loinc, display, value, unit) \
  "{\"resourceType\":\"Observation\",\"id\":\"" id "\",\"status\":\"final\"," \
  "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"" category "\"}]}]," \
  "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" loinc "\",\"display\":\"" display "\"}]}," \
  "\"subject\":{\"reference\":\"Patient/" HB_RESIDENT "\"},\"effectiveDateTime\":\"2024-03-05\"," \
  "\"valueQuantity\":{\"value\":" value ",\"unit\":\"" unit "\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" unit "\"}}"

#define HB_OBS_REF(id) \
  "{\"url\":\"urn:jiayi:ext:observation\",\"valueReference\":{\"reference\":\"#" id "\"}}"

static const char hb_application_json[] =
  "{\"resourceType\":\"ServiceRequest\",\"id\":\"" HB_APP "\","
  "\"extension\":[{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"accepted\"},"
  "{\"url\":\"urn:jiayi:ext:home-bed-application\",\"extension\":["
  "{\"url\":\"source\",\"valueString\":\"2\"},{\"url\":\"referral_from\",\"valueString\":\"市第一人民医院\"},"
  "{\"url\":\"request\",\"valueString\":\"出院后需换药\"},{\"url\":\"assess_by\",\"valueString\":\"2024-03-05\"}]}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:home_bed_application\",\"value\":\"" HB_APP "\"}],"
  "\"status\":\"completed\",\"intent\":\"proposal\","
  "\"code\":{\"coding\":[{\"system\":\"urn:jiayi:cs:episode-type\",\"code\":\"home-bed\"}]},"
  "\"subject\":{\"reference\":\"Patient/" HB_RESIDENT "\"},\"authoredOn\":\"2024-02-29\"}";

static const char hb_assessment_json[] =
  "{\"resourceType\":\"ClinicalImpression\",\"id\":\"" HB_ASSESS "\","
  "\"contained\":[" HB_SCORE_OBS ("adl", "96761-2", "Total score Barthel Index", "45") ","
  HB_SCORE_OBS ("braden", "38227-5", "Braden scale total score", "14") "],"
  "\"extension\":[{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"final\"},"
  "{\"url\":\"urn:jiayi:ext:home-bed-assessment\",\"extension\":["
  "{\"url\":\"application_id\",\"valueString\":\"" HB_APP "\"},"
  "{\"url\":\"diagnosis_clear\",\"valueInteger\":1},{\"url\":\"condition_stable\",\"valueInteger\":1},"
  "{\"url\":\"suitable_at_home\",\"valueInteger\":1},{\"url\":\"needs_continuous_care\",\"valueInteger\":1},"
  "{\"url\":\"infectious\",\"valueInteger\":0},{\"url\":\"home_safe\",\"valueInteger\":1},"
  "{\"url\":\"has_carer\",\"valueInteger\":1},{\"url\":\"priorities\",\"valueInteger\":5},"
  "{\"url\":\"eligible\",\"valueInteger\":1},{\"url\":\"note\",\"valueString\":\"卧床，家属照护\"}]}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:home_bed_assessment\",\"value\":\"" HB_ASSESS "\"}],"
  "\"status\":\"completed\","
  "\"code\":{\"coding\":[{\"system\":\"urn:jiayi:cs:assessment\",\"code\":\"home-bed\"}]},"
  "\"subject\":{\"reference\":\"Patient/" HB_RESIDENT "\"},\"effectiveDateTime\":\"2024-03-01\","
  "\"assessor\":{\"reference\":\"Practitioner/" HB_DOCTOR "\"},"
  "\"finding\":[{\"itemReference\":{\"reference\":\"#adl\"}},{\"itemReference\":{\"reference\":\"#braden\"}}]}";

static const char hb_bed_json[] =
  "{\"resourceType\":\"EpisodeOfCare\",\"id\":\"" HB_BED "\","
  "\"extension\":[{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"discharged\"},"
  "{\"url\":\"urn:jiayi:ext:home-bed\",\"extension\":["
  "{\"url\":\"assessment_id\",\"valueString\":\"" HB_ASSESS "\"},"
  "{\"url\":\"agreement_signed_at\",\"valueString\":\"2024-03-02T01:00:00Z\"},"
  "{\"url\":\"diagnosis\",\"valueString\":\"脑梗死后遗症\"},{\"url\":\"icd10\",\"valueString\":\"I69.300\"},"
  "{\"url\":\"plan\",\"valueString\":\"每周查床，隔日换药\"},{\"url\":\"nurse_id\",\"valueString\":\"" HB_NURSE "\"},"
  "{\"url\":\"doctor_every_days\",\"valueInteger\":7},{\"url\":\"nurse_every_days\",\"valueInteger\":3},"
  "{\"url\":\"cycle_no\",\"valueInteger\":2},{\"url\":\"cycle_start\",\"valueString\":\"2024-05-01\"},"
  "{\"url\":\"cycle_end\",\"valueString\":\"2024-06-29\"},{\"url\":\"discharge_reason\",\"valueString\":\"1\"},"
  "{\"url\":\"discharge_summary\",\"valueString\":\"好转撤床\"},"
  "{\"url\":\"summary_signed_by\",\"valueString\":\"" HB_DOCTOR "\"},"
  "{\"url\":\"summary_signed_at\",\"valueString\":\"2024-06-20T08:00:00Z\"}]},"
  "{\"url\":\"urn:jiayi:ext:home-bed-renewal\",\"extension\":["
  "{\"url\":\"uuid\",\"valueString\":\"" HB_RENEWAL "\"},{\"url\":\"status\",\"valueString\":\"final\"},"
  "{\"url\":\"assessment_id\",\"valueString\":\"" HB_REASSESS "\"},{\"url\":\"renewed_on\",\"valueString\":\"2024-04-28\"},"
  "{\"url\":\"cycle_no\",\"valueInteger\":2},{\"url\":\"cycle_start\",\"valueString\":\"2024-05-01\"},"
  "{\"url\":\"cycle_end\",\"valueString\":\"2024-06-29\"}]}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:home_bed\",\"value\":\"" HB_BED "\"},"
  "{\"system\":\"urn:jiayi:home-bed-no\",\"value\":\"JC2024-007\"}],"
  "\"status\":\"finished\","
  "\"type\":[{\"coding\":[{\"system\":\"urn:jiayi:cs:episode-type\",\"code\":\"home-bed\"}]}],"
  "\"patient\":{\"reference\":\"Patient/" HB_RESIDENT "\"},"
  "\"period\":{\"start\":\"2024-03-02\",\"end\":\"2024-06-20\"},"
  "\"referralRequest\":[{\"reference\":\"ServiceRequest/" HB_APP "\"}],"
  "\"careManager\":{\"reference\":\"Practitioner/" HB_DOCTOR "\"}}";

static const char hb_round_json[] =
  "{\"resourceType\":\"Encounter\",\"id\":\"" HB_ROUND "\","
  "\"contained\":["
  "{\"resourceType\":\"Observation\",\"id\":\"bp\",\"status\":\"final\","
  "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"vital-signs\"}]}],"
  "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"85354-9\",\"display\":\"Blood pressure panel\"}]},"
  "\"subject\":{\"reference\":\"Patient/" HB_RESIDENT "\"},\"effectiveDateTime\":\"2024-03-05\","
  "\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8480-6\",\"display\":\"Systolic blood pressure\"}]},"
  "\"valueQuantity\":{\"value\":132.0,\"unit\":\"mm[Hg]\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}},"
  "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8462-4\",\"display\":\"Diastolic blood pressure\"}]},"
  "\"valueQuantity\":{\"value\":78.0,\"unit\":\"mm[Hg]\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}}]},"
  HB_VITAL ("temp", "vital-signs", "8310-5", "Body temperature", "36.8", "Cel") ","
  HB_VITAL ("pulse", "vital-signs", "8867-4", "Heart rate", "78.0", "/min") ","
  HB_VITAL ("resp", "vital-signs", "9279-1", "Respiratory rate", "18.0", "/min") ","
  HB_VITAL ("spo2", "vital-signs", "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "96.0", "%") ","
  HB_VITAL ("pain", "survey", "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported", "3.0", "{score}")
  "],"
  "\"extension\":[" HB_OBS_REF ("bp") "," HB_OBS_REF ("temp") "," HB_OBS_REF ("pulse") ","
  HB_OBS_REF ("resp") "," HB_OBS_REF ("spo2") "," HB_OBS_REF ("pain") ","
  "{\"url\":\"urn:jiayi:ext:home-bed-procedure\",\"valueCoding\":{\"system\":\"urn:jiayi:cs:home-bed-procedure\",\"code\":\"dressing\"}},"
  "{\"url\":\"urn:jiayi:ext:home-bed-procedure\",\"valueCoding\":{\"system\":\"urn:jiayi:cs:home-bed-procedure\",\"code\":\"pressure-care\"}},"
  "{\"url\":\"urn:jiayi:ext:home-bed-round\",\"extension\":["
  "{\"url\":\"start_minute\",\"valueInteger\":540},{\"url\":\"end_minute\",\"valueInteger\":570},"
  "{\"url\":\"staff_role\",\"valueString\":\"nurse\"},{\"url\":\"note\",\"valueString\":\"骶尾部压疮好转\"},"
  "{\"url\":\"pressure_stage\",\"valueInteger\":2},{\"url\":\"next_round\",\"valueString\":\"2024-03-08\"}]}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:home_bed_round\",\"value\":\"" HB_ROUND "\"}],"
  "\"status\":\"finished\","
  "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"HH\"},"
  "\"type\":[{\"coding\":[{\"system\":\"urn:jiayi:cs:home-bed-round\",\"code\":\"2\"}]}],"
  "\"subject\":{\"reference\":\"Patient/" HB_RESIDENT "\"},"
  "\"episodeOfCare\":[{\"reference\":\"EpisodeOfCare/" HB_BED "\"}],"
  "\"participant\":[{\"individual\":{\"reference\":\"Practitioner/" HB_NURSE "\"}}],"
  "\"period\":{\"start\":\"2024-03-05\"}}";

static const char hb_policy_json[] =
  "{\"resourceType\":\"Basic\",\"id\":\"" HB_POLICY "\","
  "\"extension\":[{\"url\":\"urn:jiayi:ext:home-bed-policy\",\"extension\":["
  "{\"url\":\"cycle_days\",\"valueInteger\":60},{\"url\":\"assessment_working_days\",\"valueInteger\":3},"
  "{\"url\":\"admission_note_hours\",\"valueInteger\":24},{\"url\":\"doctor_round_max_days\",\"valueInteger\":7},"
  "{\"url\":\"renewal_window_days\",\"valueInteger\":7}]}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:home_bed_policy\",\"value\":\"" HB_POLICY "\"}],"
  "\"code\":{\"coding\":[{\"system\":\"urn:jiayi:cs:setting\",\"code\":\"home-bed-policy\"}]},"
  "\"subject\":{\"reference\":\"Organization/" HB_CENTRE "\"}}";
