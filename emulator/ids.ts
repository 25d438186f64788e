import { randomBytes } from "node:crypto";

/** Lower-case base32-ish suffix like the unique part of real OCIDs. */
function uniquePart(length = 60): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

export function newOcid(resourceType: string, region = "iad"): string {
  return `ocid1.${resourceType}.oc1.${region}.${uniquePart()}`;
}

export function newWorkRequestId(): string {
  return `ocid1.datascienceworkrequest.oc1..${uniquePart()}`;
}

export function newEtag(): string {
  return randomBytes(32).toString("hex");
}

/** Server-side request id; the client's own opc-request-id, when sent, is kept as a prefix (as OCI does). */
export function newRequestId(clientRequestId: string | undefined): string {
  const serverPart = randomBytes(16).toString("hex").toUpperCase();
  return clientRequestId ? `${clientRequestId}/${serverPart}` : serverPart;
}
