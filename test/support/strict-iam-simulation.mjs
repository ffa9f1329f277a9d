// Policy simulation, context keys and access advisor's service list for the strict IAM layer
// (moto 5.2.3 has none of them). The
// layer evaluates policies as IAM's policy evaluation logic does for the requests a simulation
// describes: an explicit Deny wins, else an Allow, else the implicit deny. Conditions are not
// evaluated: the layer supplies no context entries, and a statement whose condition keys have no
// value in the request does not apply. Reads of the principal's policies are ordinary moto reads.
import { collect as all } from "../../dist/iam/paginate.js";

const asList = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** IAM's wildcards in actions and resources: * any run of characters, ? one; actions ignore case. */
function globMatches(pattern, value, ignoreCase) {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, ignoreCase ? "i" : "").test(value);
}

function statementApplies(statement, action, resource) {
  if (statement.Condition && Object.keys(statement.Condition).length > 0) return false;
  const actionMatch = statement.NotAction
    ? !asList(statement.NotAction).some((p) => globMatches(p, action, true))
    : asList(statement.Action).some((p) => globMatches(p, action, true));
  const resourceMatch = statement.NotResource
    ? !asList(statement.NotResource).some((p) => globMatches(p, resource, false))
    : asList(statement.Resource).some((p) => globMatches(p, resource, false));
  return actionMatch && resourceMatch;
}

/** allowed, explicitDeny or implicitDeny, as EvaluationResult.EvalDecision names them. */
export function decide(documents, action, resource) {
  const statements = documents.flatMap((doc) => asList(JSON.parse(doc).Statement)).filter((s) => statementApplies(s, action, resource));
  if (statements.some((s) => s.Effect === "Deny")) return "explicitDeny";
  if (statements.some((s) => s.Effect === "Allow")) return "allowed";
  return "implicitDeny";
}

/** The condition keys the documents test, each once, in the order they first appear. */
export function contextKeys(documents) {
  const keys = documents.flatMap((doc) =>
    asList(JSON.parse(doc).Statement).flatMap((s) => Object.values(s.Condition ?? {}).flatMap((test) => Object.keys(test))),
  );
  return [...new Set(keys)];
}

/** The service namespaces the documents' Allow statements name (s3 for s3:GetObject), each once; "*" names none. */
export function allowedNamespaces(documents) {
  const actions = documents.flatMap((doc) => asList(JSON.parse(doc).Statement).filter((s) => s.Effect === "Allow").flatMap((s) => asList(s.Action)));
  return [...new Set(actions.filter((a) => a.includes(":")).map((a) => a.split(":")[0].toLowerCase()))].sort();
}

/** The default version of a managed policy, as a document. */
async function managedDocument(iam, PolicyArn) {
  const { Policy } = await iam.getPolicy({ PolicyArn });
  const { PolicyVersion } = await iam.getPolicyVersion({ PolicyArn, VersionId: Policy.DefaultVersionId });
  return decodeURIComponent(PolicyVersion.Document);
}

/** The permissions policies of a user (with its groups'), group or role, or a managed policy's default version, as documents, read from moto. */
export async function principalPolicies(iam, arn) {
  if (/:policy\//.test(arn)) return [await managedDocument(iam, arn)];
  const [, kind, name] = /:(user|group|role)\/(?:.*\/)?([^/]+)$/.exec(arn) ?? [];
  const managed = (attached) => Promise.all(attached.map(({ PolicyArn }) => managedDocument(iam, PolicyArn)));
  const reads = {
    user: {
      names: (Marker) => iam.listUserPolicies({ UserName: name, Marker }),
      get: (PolicyName) => iam.getUserPolicy({ UserName: name, PolicyName }),
      attached: (Marker) => iam.listAttachedUserPolicies({ UserName: name, Marker }),
    },
    group: {
      names: (Marker) => iam.listGroupPolicies({ GroupName: name, Marker }),
      get: (PolicyName) => iam.getGroupPolicy({ GroupName: name, PolicyName }),
      attached: (Marker) => iam.listAttachedGroupPolicies({ GroupName: name, Marker }),
    },
    role: {
      names: (Marker) => iam.listRolePolicies({ RoleName: name, Marker }),
      get: (PolicyName) => iam.getRolePolicy({ RoleName: name, PolicyName }),
      attached: (Marker) => iam.listAttachedRolePolicies({ RoleName: name, Marker }),
    },
  }[kind];
  const inlineNames = await all(reads.names, (p) => p.PolicyNames);
  const inline = await Promise.all(inlineNames.map(async (n) => decodeURIComponent((await reads.get(n)).PolicyDocument)));
  const attached = await managed(await all(reads.attached, (p) => p.AttachedPolicies));
  if (kind !== "user") return [...inline, ...attached];
  const groups = await all((Marker) => iam.listGroupsForUser({ UserName: name, Marker }), (p) => p.Groups);
  const groupPolicies = await Promise.all(groups.map((g) => principalPolicies(iam, g.Arn)));
  return [...inline, ...attached, ...groupPolicies.flat()];
}
