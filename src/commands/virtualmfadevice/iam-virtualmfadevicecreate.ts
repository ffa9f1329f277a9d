import type { FileHandle } from "node:fs/promises";
import type { VirtualMFADevice } from "@aws-sdk/client-iam";
import type { Context } from "../../core/context.js";
import { defineCommand } from "../../core/define.js";
import type { IamClient } from "../../core/operations.js";
import { PartialFailure, UsageError } from "../../core/errors.js";
import { checkTags, path, tags } from "../shared/options.js";
import { checkVirtualDeviceName, withoutSecrets } from "../../iam/mfa.js";

type BootstrapMethod = "QRCodePNG" | "Base32StringSeed";

interface Result {
  /** The new device, without its seed and QR code: those are only ever in the file. */
  VirtualMFADevice: VirtualMFADevice;
  BootstrapFile: string;
}

/** The file's content: the PNG as IAM sent it, or the seed as one text line. */
function bootstrapData(device: VirtualMFADevice, method: BootstrapMethod): Uint8Array {
  const data = device[method];
  if (!data) throw new Error(`IAM returned no ${method} for the new device`);
  return method === "Base32StringSeed" ? Buffer.concat([data, Buffer.from("\n")]) : data;
}

/** Whoever holds the file can generate the device's codes, so a half-written one is removed. */
async function discard(ctx: Context, file: FileHandle, outfile: string): Promise<void> {
  // The failure being reported is the earlier one; a close error on a file about to go adds nothing.
  await file.close().catch(() => undefined);
  await ctx.removeFile(outfile);
}

/**
 * A device whose bootstrap data is lost can never be set up, and its name is taken: delete it so
 * that rerunning the same command works.
 */
async function deleteAgain(iam: IamClient<"DeleteVirtualMFADevice">, serialNumber: string): Promise<string> {
  try {
    await iam.deleteVirtualMFADevice({ SerialNumber: serialNumber });
    return `the new device ${serialNumber} was deleted again; nothing was kept, so the command can be rerun`;
  } catch {
    return `the new device ${serialNumber} exists without its bootstrap data and could not be deleted: run iam-virtualmfadevicedel -s ${serialNumber}`;
  }
}

export default defineCommand({
  name: "iam-virtualmfadevicecreate",
  summary: "Create a virtual MFA device and save its setup data for an authenticator app (QR code or seed) in a new private file.",
  operations: ["CreateVirtualMFADevice", "DeleteVirtualMFADevice"],
  options: [
    {
      key: "deviceName",
      short: "s",
      long: "virtual-mfa-device-name",
      metavar: "NAME",
      description: "the name of the virtual MFA device",
      required: true,
      parse: checkVirtualDeviceName,
    },
    path("virtual MFA device"),
    {
      key: "bootstrapMethod",
      short: "m",
      long: "bootstrap-method",
      metavar: "METHOD",
      description: "what to save: QRCodePNG, a QR code image to scan, or Base32StringSeed, the secret to type in",
      required: true,
      choices: ["QRCodePNG", "Base32StringSeed"],
    },
    {
      key: "outfile",
      short: "o",
      long: "outfile",
      metavar: "FILE",
      description: "new file for the bootstrap data, created with mode 0600; never overwritten",
      required: true,
      parse: (raw) => {
        if (raw === "-") throw new UsageError("-o - is not allowed: the bootstrap data is a secret; name a new file");
        return raw;
      },
    },
    tags(),
  ],
  check: (opts) => checkTags(opts.tags),
  output: ["the new device's serial number (its ARN)"],
  example: "iam-virtualmfadevicecreate -s david -m QRCodePNG -o david-mfa.png",

  async run(ctx, { deviceName, path, bootstrapMethod, outfile, tags }): Promise<Result> {
    // The file comes first: an existing one stops the command before the device exists.
    const file = await ctx.createNewFile(outfile, 0o600, "output file");
    let device: VirtualMFADevice;
    try {
      const created = await ctx.iam.createVirtualMFADevice({ VirtualMFADeviceName: deviceName, Path: path, Tags: tags });
      // Empty under --dry-run, where no device (and so no seed) exists: the file's creation is planned.
      device = created.VirtualMFADevice ?? ({} as VirtualMFADevice);
    } catch (err) {
      await discard(ctx, file, outfile);
      throw err;
    }
    try {
      await ctx.change(() => file.writeFile(bootstrapData(device, bootstrapMethod)));
      await file.close();
    } catch (err) {
      await discard(ctx, file, outfile);
      const reason = err instanceof Error ? err.message : String(err);
      throw new PartialFailure(new Error(`could not save the bootstrap data to ${outfile}: ${reason}`), [
        await deleteAgain(ctx.iam, device.SerialNumber!),
      ]);
    }
    return { VirtualMFADevice: withoutSecrets(device), BootstrapFile: outfile };
  },

  render: ({ VirtualMFADevice }) => [VirtualMFADevice.SerialNumber!],
});
