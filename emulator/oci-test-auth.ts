/**
 * Local OCI credentials for tests: an RSA key pair, a resource principal session token (RPST)
 * minted and signed locally, and an OCI config file, all written to a temporary directory.
 *
 * How oci-common 2.139.1 consumes these (lib/auth/resource-principal-authentication-details-provider.js):
 * - `ResourcePrincipalAuthenticationDetailsProvider.builder()` is synchronous and reads process.env at
 *   call time (lines 125-181). Only OCI_RESOURCE_PRINCIPAL_VERSION "2.2" is accepted.
 * - An absolute OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM is read immediately, in build()
 *   (file-based-key-supplier.js refreshKeys); a missing file throws there.
 * - An absolute OCI_RESOURCE_PRINCIPAL_RPST is NOT read in build(): the file is read lazily on the first
 *   signed request (file-based-resource-principal-federation-client.js line 87) and again whenever the
 *   cached token's `exp` has passed, or whenever getStringClaim() is called (that always re-reads the
 *   key and the token). So a bad token path only fails at the first request, not at build().
 * - The token is only JWT-decoded, never verified, and no network call is made. It is used verbatim in
 *   `keyId="ST$<rpst>"`, so the file must not end with a newline (a newline inside a header value makes
 *   the request fail before it is sent).
 * - The region env var goes through Region.getRegionIdFromShortCode, so "iad" also works.
 */
import { createHash, generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const TEST_TENANCY_ID = "ocid1.tenancy.oc1..test";
export const TEST_COMPARTMENT_ID = "ocid1.compartment.oc1..test";
export const TEST_USER_ID = "ocid1.user.oc1..test";
export const TEST_REGION = "us-ashburn-1";

export interface TestAuth {
  dir: string;
  privateKeyPem: string;
  publicKeyPem: string;
  rpst: string;
  configFile: string;
  /** MD5 fingerprint of the public key (colon-separated hex), as written in the config file. */
  fingerprint: string;
  /** Resource principal environment variables (absolute file paths). */
  env: Record<string, string>;
  /** Removes the directory. */
  cleanup(): void;
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

function mintRpst(privateKeyPem: string, nowSeconds: number): string {
  const header = { alg: "RS256", typ: "JWT", kid: "asw" };
  const claims = {
    sub: "ocid1.fnfunc.oc1.iad.test",
    res_tenant: TEST_TENANCY_ID,
    res_compartment: TEST_COMPARTMENT_ID,
    res_type: "fnfunc",
    res_id: "ocid1.fnfunc.oc1.iad.test",
    ttype: "res",
    iss: "authService.oracle.com",
    aud: "oci",
    iat: nowSeconds,
    exp: nowSeconds + 3600,
    jti: randomUUID(),
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign("RSA-SHA256", Buffer.from(signingInput), privateKeyPem);
  return `${signingInput}.${base64url(signature)}`;
}

function md5Fingerprint(publicKeyDer: Buffer): string {
  const hex = createHash("md5").update(publicKeyDer).digest("hex");
  return hex.match(/../g)?.join(":") ?? hex;
}

export function createTestAuth(dir?: string): TestAuth {
  const targetDir = resolve(dir ?? mkdtempSync(join(tmpdir(), "oci-test-auth-")));
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const fingerprint = md5Fingerprint(publicKey.export({ type: "spki", format: "der" }));
  const rpst = mintRpst(privateKeyPem, Math.floor(Date.now() / 1000));

  const rpstPath = join(targetDir, "rpst");
  const pemPath = join(targetDir, "private.pem");
  const configFile = join(targetDir, "config");
  writeFileSync(rpstPath, rpst, { mode: 0o600 });
  writeFileSync(pemPath, privateKeyPem, { mode: 0o600 });
  writeFileSync(
    configFile,
    [
      "[DEFAULT]",
      `user=${TEST_USER_ID}`,
      `fingerprint=${fingerprint}`,
      `tenancy=${TEST_TENANCY_ID}`,
      `region=${TEST_REGION}`,
      `key_file=${pemPath}`,
      "",
    ].join("\n"),
    { mode: 0o600 },
  );

  return {
    dir: targetDir,
    privateKeyPem,
    publicKeyPem,
    rpst,
    configFile,
    fingerprint,
    env: {
      OCI_RESOURCE_PRINCIPAL_VERSION: "2.2",
      OCI_RESOURCE_PRINCIPAL_RPST: rpstPath,
      OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM: pemPath,
      OCI_RESOURCE_PRINCIPAL_REGION: TEST_REGION,
    },
    cleanup: () => rmSync(targetDir, { recursive: true, force: true }),
  };
}

/**
 * Runs `fn` with `env` merged into process.env, restoring the previous values afterwards.
 * Handy around the synchronous `ResourcePrincipalAuthenticationDetailsProvider.builder()`.
 */
export function withEnv<T>(env: Record<string, string>, fn: () => T): T {
  const previous = new Map<string, string | undefined>();
  for (const [key, value] of Object.entries(env)) {
    previous.set(key, process.env[key]);
    process.env[key] = value;
  }
  try {
    return fn();
  } finally {
    for (const [key, value] of previous) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
