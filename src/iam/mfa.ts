import type { VirtualMFADevice } from "@aws-sdk/client-iam";
import { UsageError } from "../core/errors.js";

/**
 * IAM's rules for MFA device input (IAM API reference: EnableMFADevice, CreateVirtualMFADevice).
 * The test server checks none of them, and real IAM's answer is a bare ValidationError (or, for a
 * mistyped code, an InvalidAuthenticationCode that costs one of the device's codes), so iamkit
 * checks them before sending anything.
 */

/** A hardware device's serial (`GAHT12345678`) or a virtual device's ARN: 9 to 256 characters. */
export function checkSerialNumber(value: string): string {
  if (!/^[\w+=/:,.@-]{9,256}$/.test(value)) {
    throw new UsageError(
      `invalid MFA serial number "${value}": expected a hardware device's serial or a virtual device's ARN (9 to 256 letters, digits and + = / : , . @ _ -)`,
    );
  }
  return value;
}

/** A virtual device is named by its ARN alone; a bare name is the usual slip. */
export function checkVirtualSerialNumber(value: string): string {
  if (!/^arn:aws[\w-]*:iam::\d{12}:mfa\/([\x21-\x7e]*\/)?[\w+=,.@-]{1,226}$/.test(value)) {
    throw new UsageError(
      `invalid virtual MFA device serial number "${value}": expected its ARN, arn:aws:iam::<account>:mfa/<name> (iam-virtualmfadevicelist shows them)`,
    );
  }
  return value;
}

export function checkVirtualDeviceName(value: string): string {
  if (value.length === 0 || value.length > 226) {
    throw new UsageError(`invalid virtual MFA device name "${value}": must be 1 to 226 characters`);
  }
  if (!/^[\w+=,.@-]+$/.test(value)) {
    throw new UsageError(`invalid virtual MFA device name "${value}": use only letters, digits and + = , . @ _ -`);
  }
  return value;
}

/**
 * A code the device shows. The value is not repeated in the message: even a mistyped code may be
 * one digit away from a valid one.
 */
export function checkAuthenticationCode(value: string, label: string): string {
  if (!/^\d{6}$/.test(value)) throw new UsageError(`${label} must be a 6-digit code from the MFA device`);
  return value;
}

/**
 * A virtual device without its bootstrap data. Whoever holds the seed (or the QR code, which
 * encodes it) can generate the device's codes, so --json must never print them; the test server
 * even returns them from ListVirtualMFADevices.
 */
export function withoutSecrets(device: VirtualMFADevice): VirtualMFADevice {
  const { Base32StringSeed, QRCodePNG, ...rest } = device;
  return rest;
}

/** The options of the commands that prove a device with two consecutive codes (enable, resync). */
export interface DeviceCodes {
  userName: string;
  serialNumber: string;
  authenticationCode1: string;
  authenticationCode2: string;
}

/** The request EnableMFADevice and ResyncMFADevice share. */
export function deviceCodesRequest(opts: DeviceCodes) {
  return {
    UserName: opts.userName,
    SerialNumber: opts.serialNumber,
    AuthenticationCode1: opts.authenticationCode1,
    AuthenticationCode2: opts.authenticationCode2,
  };
}
