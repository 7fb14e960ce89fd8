// fhir-raw-client.mjs
//
// Copyright 2026 Jiayi developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The bench's yardstick: what the test FHIR server does for a plain
// client with no database behind it. Same requests as Jiayi's engine
// (batch Bundles of PUTs, _lastUpdated searches following next links),
// sequential, keep-alive. Prints one JSON line: {"records": N, "ms": T}.
//
//   node fhir-raw-client.mjs push BASE TEMPLATE.json N [ORG_UUID] [BATCH]
//   node fhir-raw-client.mjs pull BASE ORG_UUID [COUNT]

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [mode, base, ...rest] = process.argv.slice(2);
const headers = { 'Content-Type': 'application/fhir+json', Accept: 'application/fhir+json' };

const push = async (templateFile, n, org, batch) => {
  const template = JSON.parse(readFileSync(templateFile, 'utf8'));
  let sent = 0;
  const start = performance.now();
  while (sent < n) {
    const entry = [];
    for (let i = 0; i < batch && sent + i < n; i++) {
      const id = randomUUID();
      const resource = { ...template, id };
      resource.identifier = [{ system: 'urn:jiayi:resident', value: id }];
      if (org) resource.managingOrganization = { reference: `Organization/${org}` };
      entry.push({ fullUrl: `urn:uuid:${id}`, resource, request: { method: 'PUT', url: `Patient/${id}` } });
    }
    const res = await fetch(base, { method: 'POST', headers, body: JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry }) });
    const bundle = await res.json();
    if (!res.ok || bundle.entry?.length !== entry.length) throw new Error(`batch failed: ${res.status}`);
    sent += entry.length;
  }
  return { records: sent, ms: performance.now() - start };
};

const pull = async (org, count) => {
  let url = `${base}/Patient?_sort=_lastUpdated&_count=${count}&organization=Organization/${org}`;
  let records = 0;
  const start = performance.now();
  while (url) {
    const res = await fetch(url, { headers });
    const bundle = await res.json();
    if (!res.ok) throw new Error(`search failed: ${res.status}`);
    records += bundle.entry?.length ?? 0;
    url = bundle.link?.find((link) => link.relation === 'next')?.url;
  }
  return { records, ms: performance.now() - start };
};

const result = mode === 'push'
  ? await push(rest[0], Number(rest[1]), rest[2] || null, Number(rest[3] || 500))
  : await pull(rest[0], Number(rest[1] || 500));
process.stdout.write(JSON.stringify(result) + '\n');
