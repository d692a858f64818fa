// Verifiers that are not ours, on the tool's credentials. Run by scripts/verify-credentials-outside.sh:
//
//   node verify.mjs <dir> <repo>      <dir>/manifest.json as CredentialsForOutsideVerifiers writes it: the recorded
//                                     answers are served again on the tool's origin (it has stopped), so that the
//                                     verifiers fetch the status list and the VC-JWT key over real HTTP
//   node verify.mjs <url>... <repo>   credentials of a running tool by their public URL (/credentials/{id})
//
// <repo> is the repository, for the JSON-LD contexts the tool bundles and the official JSON Schemas its tests hold:
// with OFFLINE_SUBSTITUTES=1 (the default) a fetch of their purl.imsglobal.org URL answers the copy instead (this
// machine may have no Internet); OFFLINE_SUBSTITUTES=0 lets every verifier fetch what it wants.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const args = process.argv.slice(2);
const repo = args.pop();
const substitutes = process.env.OFFLINE_SUBSTITUTES !== '0';
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const CLR_V2 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const OB_V3_EXTENSIONS = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
const CONTEXTS = {
  [VC_V2]: 'src/main/resources/credentials/contexts/credentials-v2.jsonld',
  [OB_V3]: 'src/main/resources/credentials/contexts/ob-context-3.0.3.json',
  [CLR_V2]: 'src/main/resources/credentials/contexts/clr-context-2.0.1.json',
  [OB_V3_EXTENSIONS]: 'src/main/resources/credentials/contexts/ob-extensions.json'
};
const SCHEMAS = {
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json':
    'src/test/resources/credentials/schema/ob_v3p0_achievementcredential_schema.json',
  'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json':
    'src/test/resources/credentials/schema/clr_v2p0_clrcredential_schema.json'
};
const readRepo = file => fs.readFileSync(path.join(repo, file), 'utf8');

// --- What fetch answers: the repository's copies of the purl.imsglobal.org files (when asked), the rest as is.
const realFetch = globalThis.fetch;
const substituted = new Set();
globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input.url ?? String(input);
  const file = substitutes && (CONTEXTS[url] ?? SCHEMAS[url]);
  if (file && url.startsWith('https://purl.imsglobal.org/')) {
    substituted.add(url);
    return new Response(readRepo(file), {status: 200, headers: {'content-type': 'application/ld+json'}});
  }
  return realFetch(input, init);
};

// --- The cases: files recorded by the tool (served again on its origin), or URLs of a running tool.
const cases = [];
let server;
if (args.length === 1 && fs.existsSync(path.join(args[0], 'manifest.json'))) {
  const dir = args[0];
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const read = file => fs.readFileSync(path.join(dir, file), 'utf8');
  for (const [name, files] of Object.entries(manifest.files)) {
    if (files.json && files.jwt) {
      cases.push({name, json: JSON.parse(read(files.json)), jwt: read(files.jwt).trim()});
    }
  }
  // A control: the bloc credential with its name changed after signing, in both forms; every verifier must refuse it.
  const bloc = cases.find(c => c.name === 'bloc');
  const [head, payload, signature] = bloc.jwt.split('.');
  const altered = {...JSON.parse(Buffer.from(payload, 'base64url')), name: 'Altered after signing'};
  cases.push({
    name: 'tampered (control)',
    json: {...bloc.json, name: 'Altered after signing'},
    jwt: `${head}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`
  });
  server = await serve(manifest, dir);
} else {
  for (const url of args) {
    const json = await (await realFetch(url, {headers: {accept: 'application/ld+json'}})).json();
    const jwt = (await (await realFetch(url, {headers: {accept: 'application/vc+jwt'}})).text()).trim();
    cases.push({name: url, json, jwt});
  }
}

/** Serves the recorded answers on the tool's origin: same path, the one the Accept header asks (JWT or JSON). */
function serve(manifest, dir) {
  const origin = new URL(manifest.origin);
  const s = http.createServer((req, res) => {
    const url = new URL(req.url, manifest.origin);
    const answers = manifest.served.filter(a => a.path === url.pathname);
    const accept = req.headers.accept ?? '';
    const wantsJwt = /application\/(vc\+)?jwt/.test(accept) && !/application\/(ld\+)?json/.test(accept);
    const answer = answers.find(a => a.contentType.includes('jwt') === wantsJwt) ?? answers[0];
    process.stdout.write(`    [tool origin] GET ${url.pathname} (Accept: ${accept || '-'}) -> ${answer ? 200 : 404}\n`);
    if (!answer) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {'content-type': answer.contentType}).end(fs.readFileSync(path.join(dir, answer.file)));
  });
  return new Promise((resolve, reject) => {
    s.on('error', reject);
    s.listen(Number(origin.port), () => resolve(s));
  });
}

const out = (label, value) => console.log(`  ${label}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);

// --- 1. The Digital Credentials Consortium's verifier (VerifierPlus, the Learner Credential Wallet).
async function dcc(credential) {
  const {verifyCredential} = await import('@digitalcredentials/verifier-core');
  const knownDIDRegistries = [{
    name: 'DCC Sandbox Registry',
    type: 'dcc-legacy',
    url: 'https://digitalcredentials.github.io/sandbox-registry/registry.json'
  }];
  // Its registry client and its JSON Schema compiler log on the console: one line each, after its verdict.
  const logged = new Set();
  const {error, warn, log} = console;
  console.error = console.warn = console.log = (...m) => logged.add(String(m[0]).split('\n')[0]);
  let result;
  try {
    result = await verifyCredential({credential, knownDIDRegistries});
  } finally {
    Object.assign(console, {error, warn, log});
  }
  if (result.errors) {
    out('errors', result.errors.map(e => `${e.name}: ${e.message}${e.stackTrace ? ' (' + String(
      e.stackTrace.message ?? e.stackTrace).split('\n')[0] + ')' : ''}`));
  }
  for (const step of result.log ?? []) {
    const extra = step.error ? ` — ${step.error.name}: ${step.error.message}`
      : step.uncheckedRegistries?.length ? ` — registries not reached: ${step.uncheckedRegistries.map(
        r => r.name).join(', ')}` : '';
    const meaning = step.id === 'revocation_status' && step.valid !== undefined
      ? (step.valid ? ' (not revoked)' : ' (REVOKED)') : '';
    out(step.id, `${step.valid === undefined ? 'error' : step.valid}${meaning}${extra}`);
  }
  for (const info of result.additionalInformation ?? []) {
    const results = Array.isArray(info.results) ? info.results.map(r => ({
      schema: r.schema.split('/').pop(),
      valid: r.result.valid,
      ...(r.result.errors && {errors: r.result.errors.map(e => `${e.instancePath} ${e.message}`)})
    })) : info.results;
    out(info.id, results);
  }
  if (logged.size) out('(it logged)', [...logged]);
  return result;
}

// --- 2. Digital Bazaar's stack, offline: the contexts the tool bundles, did:key resolved locally.
async function digitalBazaar(credential) {
  const vc = await import('@digitalbazaar/vc');
  const {DataIntegrityProof} = await import('@digitalbazaar/data-integrity');
  const {cryptosuite} = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const didKey = await import('@digitalbazaar/did-method-key');
  const {checkStatus} = await import('@digitalbazaar/vc-bitstring-status-list');
  const driver = didKey.driver();
  driver.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});
  const loaded = [];
  const documentLoader = async url => {
    if (CONTEXTS[url]) {
      return {contextUrl: null, documentUrl: url, document: JSON.parse(readRepo(CONTEXTS[url]))};
    }
    if (url.startsWith('did:key:')) {
      return {contextUrl: null, documentUrl: url, document: await driver.get({url})};
    }
    if (url.startsWith('http://localhost') || url.startsWith(new URL(credential.id).origin)) {
      loaded.push(url);
      const response = await realFetch(url, {headers: {accept: 'application/ld+json'}});
      if (!response.ok) {
        throw new Error(`${url}: HTTP ${response.status}`);
      }
      return {contextUrl: null, documentUrl: url, document: await response.json()};
    }
    throw new Error(`Not loaded offline: ${url}`);
  };
  const suite = new DataIntegrityProof({cryptosuite});
  const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
  out('verified', result.verified);
  for (const r of result.results ?? []) {
    out('proof', `${r.verified}${r.error ? ' — ' + (r.error.message ?? r.error) : ''}`);
  }
  if (result.statusResult) {
    out('status', result.statusResult.error ? `error — ${errorText(result.statusResult.error)}`
      : result.statusResult.results?.map(s => `${s.credentialStatus.statusPurpose}: ${s.status}`).join(', ')
        ?? JSON.stringify(result.statusResult));
  }
  if (result.error) {
    out('error', errorText(result.error));
  }
  return result;
}

function errorText(error) {
  const inner = error.errors?.map(e => errorText(e)).join('; ');
  const cause = error.cause ? ` (cause: ${errorText(error.cause)})` : '';
  return `${error.name ?? 'Error'}: ${error.message}${inner ? ' [' + inner + ']' : ''}${cause}`;
}

// --- 3. The VC-JWT of OB 3.0 §8.2 with jose: the key its kid dereferences, then the claims.
async function vcJwt(jwt, credential) {
  const jose = await import('jose');
  const header = jose.decodeProtectedHeader(jwt);
  out('header', header);
  const problems = [];
  const extra = Object.keys(header).filter(k => !['alg', 'kid', 'jwk', 'typ'].includes(k));
  if (extra.length) problems.push(`JOSE headers not allowed by §8.2.3: ${extra}`);
  if (header.typ !== undefined && header.typ !== 'JWT') problems.push(`typ ${header.typ}, not JWT`);
  const jwk = await (await realFetch(header.kid)).json();
  if ('d' in jwk) problems.push('the kid answers a private key');
  const key = await jose.importJWK(jwk, header.alg);
  let payload;
  try {
    ({payload} = await jose.jwtVerify(jwt, key, {algorithms: ['RS256']}));
    out('signature (jose.jwtVerify RS256, key from kid)', 'valid');
  } catch (e) {
    out('signature (jose.jwtVerify RS256, key from kid)', `INVALID — ${e.code}: ${e.message}`);
    return false;
  }
  const vcIn = payload.vc ?? payload;
  const issuerId = typeof vcIn.issuer === 'string' ? vcIn.issuer : vcIn.issuer?.id;
  const subjectId = [].concat(vcIn.credentialSubject)[0]?.id;
  if (payload.iss !== issuerId) problems.push(`iss ${payload.iss} ≠ issuer.id ${issuerId}`);
  if (payload.jti !== vcIn.id) problems.push(`jti ${payload.jti} ≠ id ${vcIn.id}`);
  if (payload.sub !== subjectId) problems.push(`sub ${payload.sub} ≠ credentialSubject.id ${subjectId}`);
  if (typeof payload.nbf !== 'number' || payload.nbf * 1000 !== Date.parse(vcIn.validFrom)) {
    problems.push(`nbf ${payload.nbf} ≠ validFrom ${vcIn.validFrom}`);
  }
  if (payload.nbf * 1000 > Date.now()) problems.push('validFrom has not yet occurred');
  if (vcIn.validUntil !== undefined && payload.exp * 1000 !== Date.parse(vcIn.validUntil)) {
    problems.push(`exp ${payload.exp} ≠ validUntil ${vcIn.validUntil}`);
  }
  const claims = new Set(['iss', 'jti', 'sub', 'nbf', 'exp', 'iat']);
  const bare = Object.fromEntries(Object.entries(vcIn).filter(([k]) => !claims.has(k)));
  if (JSON.stringify(canonical(bare)) !== JSON.stringify(canonical(credential))) {
    problems.push('the JWT payload is not the JSON-LD credential (plus the JWT claims)');
  }
  out('claims (OB 3.0 §8.2.4: iss, jti, sub, nbf; the payload is the credential)',
    problems.length ? problems : 'valid');
  return problems.length === 0;
}

function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map(k => [k, canonical(value[k])]));
  }
  return value;
}

for (const c of cases) {
  console.log(`\n=== ${c.name}: ${c.json.type?.join?.(', ')} ${c.json.id}`);
  console.log(`@digitalcredentials/verifier-core (the DCC's VerifierPlus / Learner Credential Wallet):`);
  try { await dcc(c.json); } catch (e) { out('threw', errorText(e)); }
  console.log(`@digitalbazaar/vc + data-integrity + eddsa-rdfc-2022-cryptosuite + vc-bitstring-status-list:`);
  try { await digitalBazaar(c.json); } catch (e) { out('threw', errorText(e)); }
  for (const embedded of [].concat(c.json.credentialSubject?.verifiableCredential ?? [])) {
    console.log(`  embedded ${embedded.credentialSubject?.achievement?.humanCode ?? embedded.id}, on its own:`);
    try { await digitalBazaar(embedded); } catch (e) { out('threw', errorText(e)); }
  }
  console.log(`jose (VC-JWT):`);
  try { await vcJwt(c.jwt, c.json); } catch (e) { out('threw', errorText(e)); }
}
if (substituted.size) {
  console.log(`\nAnswered from the repository's copies instead of the network: ${[...substituted].join(', ')}`);
}
server?.close();
process.exit(0);
