import type { Context } from "../../core/context.js";
import { option } from "../../core/define.js";
import { checkSamlMetadata } from "../../iam/federation.js";

/** `-f FILE`: the SAML metadata document an identity provider publishes (Okta, Entra ID, ...). */
export const samlMetadataFile = () => option({
  key: "metadataFile",
  short: "f",
  long: "saml-metadata-document",
  metavar: "METADATAFILE",
  description: "file holding the identity provider's SAML metadata XML (- reads standard input)",
  required: true,
});

/** The metadata document named by -f, within IAM's size bounds. */
export async function readSamlMetadata(ctx: Context, file: string): Promise<string> {
  return checkSamlMetadata(await ctx.readText(file, "SAML metadata"), file);
}
