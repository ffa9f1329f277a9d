import { createPublicKey } from "node:crypto";
import { UsageError } from "../core/errors.js";

/**
 * Local checks on a file given to iam-useraddsshkey. IAM answers a wrong file with a bare
 * ValidationError, and the easiest mistake, giving the private key instead of the `.pub` file,
 * would send a secret over the wire: iamkit refuses it before any request, without echoing it.
 */

/** RSA keys below this are refused by IAM, so refuse them here with the actual size. */
const MIN_RSA_BITS = 2048;

const OPENSSH_TYPES = ["ssh-rsa", "ssh-ed25519"];

const EXPECTED = 'expected an OpenSSH public key ("ssh-rsa AAAA..." or "ssh-ed25519 AAAA...") or a PEM public key';

/** Reads the length-prefixed fields of an OpenSSH key blob (RFC 4253 section 6.6). */
function blobFields(blob: Buffer): Buffer[] | undefined {
  const fields: Buffer[] = [];
  let at = 0;
  while (at < blob.length) {
    if (at + 4 > blob.length) return undefined;
    const length = blob.readUInt32BE(at);
    if (at + 4 + length > blob.length) return undefined;
    fields.push(blob.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}

/** Bits of an unsigned big-endian integer, ignoring the sign byte an SSH mpint may carry. */
function bitLength(integer: Buffer): number {
  const first = integer.findIndex((byte) => byte !== 0);
  return first < 0 ? 0 : (integer.length - first - 1) * 8 + integer[first].toString(2).length;
}

function checkRsaBits(bits: number, shown: string): void {
  if (bits < MIN_RSA_BITS) throw new UsageError(`${shown} holds a ${bits}-bit RSA key; IAM requires at least ${MIN_RSA_BITS} bits`);
}

function checkOpenSsh(line: string, shown: string): string {
  const [type, data] = line.split(/\s+/);
  if (!OPENSSH_TYPES.includes(type) || !data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) {
    throw new UsageError(`${shown} does not hold an SSH public key: ${EXPECTED}`);
  }
  const damaged = new UsageError(`${shown}: the ${type} key data is damaged (it does not decode to a whole ${type} key)`);
  const fields = blobFields(Buffer.from(data, "base64"));
  // The blob names its own type: a mismatch means a damaged or hand-edited line.
  if (!fields || fields[0]?.toString("latin1") !== type) throw damaged;
  if (type === "ssh-rsa") {
    if (fields.length !== 3) throw damaged;
    checkRsaBits(bitLength(fields[2]), shown);
  } else if (fields.length !== 2 || fields[1].length !== 32) {
    throw damaged;
  }
  return line;
}

function checkPem(text: string, shown: string): string {
  let key;
  try {
    key = createPublicKey({ key: text, format: "pem" });
  } catch {
    throw new UsageError(`${shown} holds a PEM block that is not a readable public key`);
  }
  if (key.asymmetricKeyType === "rsa") checkRsaBits(key.asymmetricKeyDetails!.modulusLength!, shown);
  else if (key.asymmetricKeyType !== "ed25519") {
    throw new UsageError(`${shown} holds a public key of type ${key.asymmetricKeyType}; IAM takes RSA or Ed25519 keys`);
  }
  return text;
}

/**
 * The key body to upload from a file's text: one OpenSSH line (comment kept) or one PEM public
 * key block. `shown` names the file in messages.
 */
export function sshPublicKeyBody(text: string, shown: string): string {
  if (/PRIVATE KEY-----/.test(text)) {
    throw new UsageError(`${shown} holds a private key; give the public key (the .pub file), which is all IAM needs`);
  }
  const trimmed = text.trim();
  if (trimmed.startsWith("-----BEGIN ")) {
    const blocks = trimmed.match(/-----BEGIN [A-Z ]+-----/g)!;
    if (blocks.length > 1) throw new UsageError(`${shown} holds ${blocks.length} PEM blocks; upload one key at a time`);
    return checkPem(trimmed, shown);
  }
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== "" && !line.startsWith("#"));
  if (lines.length === 0) throw new UsageError(`${shown} is empty: ${EXPECTED}`);
  if (lines.length > 1) throw new UsageError(`${shown} holds ${lines.length} lines of keys; upload one key at a time`);
  return checkOpenSsh(lines[0].trim(), shown);
}
