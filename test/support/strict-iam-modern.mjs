// The strict IAM layer's rules for the newer actions moto 5.2.3 lacks or answers loosely: OIDC
// client ids, tags on SAML providers, virtual MFA devices and server certificates, policy
// simulation, context keys and access advisor (policies read in strict-iam-simulation.mjs). Each rule cites the IAM API reference page it follows. The layer
// (strict-iam.mjs) hands in its answer helpers and spreads `rules`, `answeredHere` and `rewrites`
// into its own; `reset` forgets what this module keeps when moto is reset.
import { escapeXml } from "./loopback-proxy.mjs";
import { randomUUID } from "node:crypto";
import { allowedNamespaces, contextKeys, decide, principalPolicies } from "./strict-iam-simulation.mjs";

/** The values of a Query-protocol list parameter: `Name.member.1`, `Name.member.2`, ... */
function memberList(params, name) {
  return Object.keys(params)
    .map((key) => new RegExp(`^${name}\\.member\\.(\\d+)$`).exec(key))
    .filter(Boolean)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((match) => params[match[0]]);
}

/** `Tags.member.N.Key` / `.Value` pairs. */
function tagList(params) {
  return Object.keys(params)
    .map((key) => /^Tags\.member\.(\d+)\.Key$/.exec(key))
    .filter(Boolean)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((match) => ({ Key: params[match[0]], Value: params[`Tags.member.${match[1]}.Value`] ?? "" }));
}

/** IAM's limit on client ids per OIDC provider (IAM User Guide, "IAM and AWS STS quotas"). */
const MAX_CLIENT_IDS = 100;

export function modernRules({ success, refusal, noSuchEntity, elements, members, page, maxItems, invalidMarker, unlessMissing }) {
  /** The global STS endpoint's token version as GetAccountSummary counts it, once set here (moto cannot set it). */
  let tokenVersion;
  /** Access advisor jobs by id: the entity, the services its policies allow, and how often the job was read. */
  const jobs = new Map();
  /** OIDC provider ARN -> its client ids, once changed here (moto cannot change them). */
  const clientIds = new Map();

  /** The provider's client ids as IAM holds them, or undefined when moto has no such provider. */
  async function currentClientIds(iam, OpenIDConnectProviderArn) {
    const provider = await unlessMissing(iam.getOpenIDConnectProvider({ OpenIDConnectProviderArn }));
    return provider && (clientIds.get(OpenIDConnectProviderArn) ?? provider.ClientIDList ?? []);
  }
  const noSuchOidcProvider = (arn) => noSuchEntity(`OpenIDConnect Provider not found for arn ${arn}`);

  /**
   * Tag, Untag and List<Kind>Tags for entities moto keeps no tags on, by the request field that
   * names the entity. The three actions behave alike for every kind (TagSAMLProvider:
   * https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagSAMLProvider.html — "If a tag with
   * the same key name already exists, then that tag is overwritten with the new value"; at most 50
   * tags, LimitExceeded; ListSAMLProviderTags is paged by MaxItems/Marker, and the layer answers
   * at most 2 per page so that callers must page).
   */
  function tagActions(noun, idField, exists, missing) {
    const tags = new Map();
    const current = async (iam, id) => ((await exists(iam, id)) ? tags.get(id) ?? [] : undefined);
    return {
      tags,
      answers: {
        async [`Tag${noun}`](iam, params) {
          const held = await current(iam, params[idField]);
          if (!held) return missing(params[idField]);
          const added = tagList(params);
          const merged = [...held.filter((t) => !added.some((a) => a.Key === t.Key)), ...added];
          if (merged.length > 50) return refusal(409, "LimitExceeded", "The number of tags has reached the maximum limit.");
          tags.set(params[idField], merged);
          return success(`Tag${noun}`);
        },
        async [`Untag${noun}`](iam, params) {
          const held = await current(iam, params[idField]);
          if (!held) return missing(params[idField]);
          const removed = memberList(params, "TagKeys");
          tags.set(params[idField], held.filter((t) => !removed.includes(t.Key)));
          return success(`Untag${noun}`);
        },
        async [`List${noun}Tags`](iam, params) {
          const held = await current(iam, params[idField]);
          if (!held) return missing(params[idField]);
          const one = page(held, params, maxItems(params, 2));
          if (!one) return invalidMarker();
          return success(`List${noun}Tags`, `<Tags>${members(one.items, elements)}</Tags>${one.tail}`);
        },
      },
    };
  }

  const saml = tagActions(
    "SAMLProvider",
    "SAMLProviderArn",
    async (iam, SAMLProviderArn) => Boolean(await unlessMissing(iam.getSAMLProvider({ SAMLProviderArn }))),
    (arn) => noSuchEntity(`SAMLProvider ${arn} not found`),
  );
  /** TagMFADevice: https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagMFADevice.html — virtual MFA devices. */
  const mfa = tagActions(
    "MFADevice",
    "SerialNumber",
    async (iam, serial) => (await iam.listVirtualMFADevices({})).VirtualMFADevices?.some((d) => d.SerialNumber === serial),
    (serial) => noSuchEntity(`VirtualMFADevice with serial number ${serial} doesn't exist.`),
  );
  /** TagServerCertificate: https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagServerCertificate.html */
  const serverCertificates = tagActions(
    "ServerCertificate",
    "ServerCertificateName",
    async (iam, ServerCertificateName) => Boolean(await unlessMissing(iam.getServerCertificate({ ServerCertificateName }))),
    (name) => noSuchEntity(`The Server Certificate with name ${name} cannot be found.`),
  );
  const tagged = [saml, mfa, serverCertificates];

  /** Rules that only refuse, letting moto act on what passes. */
  const checks = {
    /**
     * DeleteOpenIDConnectProvider:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteOpenIDConnectProvider.html —
     * NoSuchEntity for a provider that does not exist (moto answers success).
     */
    async DeleteOpenIDConnectProvider(iam, { OpenIDConnectProviderArn }) {
      return (await currentClientIds(iam, OpenIDConnectProviderArn)) ? undefined : noSuchOidcProvider(OpenIDConnectProviderArn);
    },
  };

  /** One page of EvaluationResults: one per action and resource, resources defaulting to "*". */
  function simulation(action, documents, params) {
    const resources = memberList(params, "ResourceArns");
    const results = memberList(params, "ActionNames").flatMap((EvalActionName) =>
      (resources.length ? resources : ["*"]).map((EvalResourceName) => ({ EvalActionName, EvalResourceName, EvalDecision: decide(documents, EvalActionName, EvalResourceName) })),
    );
    const one = page(results, params, maxItems(params, 2));
    if (!one) return invalidMarker();
    return success(action, `<EvaluationResults>${members(one.items, elements)}</EvaluationResults>${one.tail}`);
  }

  const contextKeysAnswer = (action, documents) =>
    success(action, `<ContextKeyNames>${members(contextKeys(documents), escapeXml)}</ContextKeyNames>`);

  /** Actions moto lacks, answered here. */
  const answers = {
    /**
     * GetMFADevice: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetMFADevice.html — the
     * device's user, serial number and enable date (Certifications only for FIDO keys, which moto
     * cannot hold); NoSuchEntity when the user has no such device.
     */
    async GetMFADevice(iam, { UserName, SerialNumber }) {
      const devices = UserName ? (await iam.listMFADevices({ UserName })).MFADevices ?? [] : [];
      const device = devices.find((d) => d.SerialNumber === SerialNumber);
      if (!device) return noSuchEntity(`MFA device with serial number ${SerialNumber} not found.`);
      return success("GetMFADevice", elements({ UserName: device.UserName, SerialNumber, EnableDate: device.EnableDate }));
    },
    /**
     * SetSecurityTokenServicePreferences:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetSecurityTokenServicePreferences.html
     * — GlobalEndpointTokenVersion v1Token or v2Token; GetAccountSummary's GlobalEndpointTokenVersion
     * then reports 1 or 2.
     */
    async SetSecurityTokenServicePreferences(iam, { GlobalEndpointTokenVersion }) {
      const version = { v1Token: 1, v2Token: 2 }[GlobalEndpointTokenVersion];
      if (!version) return refusal(400, "ValidationError", `Invalid GlobalEndpointTokenVersion: ${GlobalEndpointTokenVersion}`);
      tokenVersion = version;
      return success("SetSecurityTokenServicePreferences");
    },
    /**
     * GenerateServiceLastAccessedDetails:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateServiceLastAccessedDetails.html
     * — a report job on a user, group, role or policy; NoSuchEntity when it does not exist.
     * "The service last accessed data includes all attempts to access an AWS API" for the services
     * the entity's policies allow; moto records no access, so none has a LastAuthenticated date.
     */
    async GenerateServiceLastAccessedDetails(iam, { Arn }) {
      const JobId = randomUUID();
      jobs.set(JobId, { namespaces: allowedNamespaces(await principalPolicies(iam, Arn)), created: new Date(), reads: 0 });
      return success("GenerateServiceLastAccessedDetails", elements({ JobId }));
    },
    /**
     * GetServiceLastAccessedDetails:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLastAccessedDetails.html
     * — JobStatus IN_PROGRESS until the report is built (here: the first read), then COMPLETED with
     * ServicesLastAccessed, paged by MaxItems/Marker (at most 2 per page here).
     */
    async GetServiceLastAccessedDetails(iam, params) {
      const job = jobs.get(params.JobId);
      if (!job) return noSuchEntity(`No job with id ${params.JobId} exists.`);
      const dates = { JobType: "SERVICE_LEVEL", JobCreationDate: job.created };
      if (job.reads++ === 0) return success("GetServiceLastAccessedDetails", elements({ JobStatus: "IN_PROGRESS", ...dates }) + "<ServicesLastAccessed/>");
      const one = page(job.namespaces, params, maxItems(params, 2));
      if (!one) return invalidMarker();
      const services = members(one.items, (ns) => elements({ ServiceName: ns, ServiceNamespace: ns, TotalAuthenticatedEntities: 0 }));
      return success(
        "GetServiceLastAccessedDetails",
        elements({ JobStatus: "COMPLETED", ...dates, JobCompletionDate: job.created }) + `<ServicesLastAccessed>${services}</ServicesLastAccessed>${one.tail}`,
      );
    },
    /**
     * SimulateCustomPolicy:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html and
     * SimulatePrincipalPolicy:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html — one
     * EvaluationResult per action and resource ("If you do not specify a resource, the simulation
     * uses the wildcard ("*")"), EvalDecision allowed, explicitDeny or implicitDeny; the principal
     * form evaluates "all of the policies associated with the specified entity", a user's groups'
     * included, plus any PolicyInputList. Paged by MaxItems/Marker, at most 2 per page here.
     */
    SimulateCustomPolicy: async (iam, params) => simulation("SimulateCustomPolicy", memberList(params, "PolicyInputList"), params),
    async SimulatePrincipalPolicy(iam, params) {
      const documents = await principalPolicies(iam, params.PolicySourceArn);
      return simulation("SimulatePrincipalPolicy", [...documents, ...memberList(params, "PolicyInputList")], params);
    },
    /**
     * GetContextKeysForCustomPolicy:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetContextKeysForCustomPolicy.html and
     * GetContextKeysForPrincipalPolicy:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetContextKeysForPrincipalPolicy.html
     * — "a list of all of the context keys referenced in the input policies", the keys of the
     * Condition elements.
     */
    GetContextKeysForCustomPolicy: async (iam, params) => contextKeysAnswer("GetContextKeysForCustomPolicy", memberList(params, "PolicyInputList")),
    async GetContextKeysForPrincipalPolicy(iam, params) {
      const documents = await principalPolicies(iam, params.PolicySourceArn);
      return contextKeysAnswer("GetContextKeysForPrincipalPolicy", [...documents, ...memberList(params, "PolicyInputList")]);
    },
    /**
     * AddClientIDToOpenIDConnectProvider:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddClientIDToOpenIDConnectProvider.html
     * — "This operation is idempotent; it does not fail or return an error if you add an existing
     * client ID to the provider." LimitExceeded past the quota of client ids.
     */
    async AddClientIDToOpenIDConnectProvider(iam, { OpenIDConnectProviderArn, ClientID }) {
      const ids = await currentClientIds(iam, OpenIDConnectProviderArn);
      if (!ids) return noSuchOidcProvider(OpenIDConnectProviderArn);
      if (ids.includes(ClientID)) return success("AddClientIDToOpenIDConnectProvider");
      if (ids.length >= MAX_CLIENT_IDS) return refusal(409, "LimitExceeded", `Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${MAX_CLIENT_IDS}`);
      clientIds.set(OpenIDConnectProviderArn, [...ids, ClientID]);
      return success("AddClientIDToOpenIDConnectProvider");
    },

    /**
     * RemoveClientIDFromOpenIDConnectProvider:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_RemoveClientIDFromOpenIDConnectProvider.html
     * — "This operation is idempotent; it does not fail or return an error if you try to remove a
     * client ID that does not exist."
     */
    async RemoveClientIDFromOpenIDConnectProvider(iam, { OpenIDConnectProviderArn, ClientID }) {
      const ids = await currentClientIds(iam, OpenIDConnectProviderArn);
      if (!ids) return noSuchOidcProvider(OpenIDConnectProviderArn);
      clientIds.set(OpenIDConnectProviderArn, ids.filter((id) => id !== ClientID));
      return success("RemoveClientIDFromOpenIDConnectProvider");
    },

    ...Object.assign({}, ...tagged.map((kind) => kind.answers)),
  };

  const rewrites = {
    GetAccountSummary(answer) {
      if (answer.status !== 200 || tokenVersion === undefined) return undefined;
      const entry = /(<key>GlobalEndpointTokenVersion<\/key>\s*<value>)\d+(<\/value>)/;
      return { status: 200, body: answer.body.replace(entry, `$1${tokenVersion}$2`) };
    },
    /** GetOpenIDConnectProvider shows the client ids as changed here. */
    GetOpenIDConnectProvider(answer, { OpenIDConnectProviderArn }) {
      const ids = clientIds.get(OpenIDConnectProviderArn);
      if (answer.status !== 200 || !ids) return undefined;
      const list = `<ClientIDList>${members(ids, escapeXml)}</ClientIDList>`;
      return { status: 200, body: answer.body.replace(/<ClientIDList>[\s\S]*?<\/ClientIDList>|<ClientIDList\/>/, list) };
    },
    DeleteOpenIDConnectProvider(answer, { OpenIDConnectProviderArn }) {
      if (answer.status === 200) clientIds.delete(OpenIDConnectProviderArn);
      return undefined;
    },
    /** CreateSAMLProvider: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateSAMLProvider.html — Tags (moto drops them). */
    CreateSAMLProvider(answer, params) {
      const arn = /<SAMLProviderArn>([^<]+)<\/SAMLProviderArn>/.exec(answer.body)?.[1];
      if (answer.status === 200 && arn) saml.tags.set(arn, tagList(params));
      return undefined;
    },
    DeleteSAMLProvider(answer, { SAMLProviderArn }) {
      if (answer.status === 200) saml.tags.delete(SAMLProviderArn);
      return undefined;
    },
    DeleteVirtualMFADevice(answer, { SerialNumber }) {
      if (answer.status === 200) mfa.tags.delete(SerialNumber);
      return undefined;
    },
    DeleteServerCertificate(answer, { ServerCertificateName }) {
      if (answer.status === 200) serverCertificates.tags.delete(ServerCertificateName);
      return undefined;
    },
  };

  return {
    rules: { ...checks, ...answers },
    answeredHere: Object.keys(answers),
    rewrites,
    reset() {
      clientIds.clear();
      jobs.clear();
      tokenVersion = undefined;
      for (const kind of tagged) kind.tags.clear();
    },
  };
}
