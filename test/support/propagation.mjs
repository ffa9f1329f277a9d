// IAM's propagation delay, for the strict IAM layer. IAM is eventually consistent (IAM User Guide,
// "Troubleshooting IAM": "Changes that I make are not always immediately visible",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency):
// for a while after a create, other requests may not see the new user, group, role, instance
// profile, managed policy or access key. While a window is set, for that long after each create
// through the layer:
// - a request naming the new entity is refused with IAM's NoSuchEntity wording;
// - listings leave it out (the entity itself, or any listed item that mentions it);
// - a request signed with the new access key (IAM or STS) is refused with InvalidClientTokenId.
// With a probability below 1, each such request is refused only at random (a seeded generator, so
// a run is repeatable). Tests set the window at run time: setPropagation(url, { windowMs }).

const CONTROL_PATH = "/strict-iam/propagation";

/** Request parameters that name an entity, with IAM's NoSuchEntity message for each kind. */
const NAMING = [
  ["UserName", "user", (name) => `The user with name ${name} cannot be found.`],
  ["GroupName", "group", (name) => `The group with name ${name} cannot be found.`],
  ["RoleName", "role", (name) => `The role with name ${name} cannot be found.`],
  ["InstanceProfileName", "instance profile", (name) => `Instance Profile ${name} cannot be found.`],
  ["PolicyArn", "policy", (arn) => `Policy ${arn} does not exist or is not attachable.`],
  ["PermissionsBoundary", "policy", (arn) => `Scope ARN: ${arn} does not exist or is not attachable.`],
  ["AccessKeyId", "access key", (id) => `The Access Key with id ${id} cannot be found.`],
];

/** The parameter that names the entity a create makes: not a reference to an existing one. */
const CREATES = {
  CreateUser: ["UserName", "user"],
  CreateGroup: ["GroupName", "group"],
  CreateRole: ["RoleName", "role"],
  CreateInstanceProfile: ["InstanceProfileName", "instance profile"],
};

/** Where a create's answer names what it made, for the kinds its request does not name. */
const CREATED_IN_ANSWER = { CreatePolicy: ["policy", /<Arn>([^<]+)<\/Arn>/], CreateAccessKey: ["access key", /<AccessKeyId>([^<]+)<\/AccessKeyId>/] };

/** The element an entity of each kind is listed by. */
const LISTED_AS = { user: "UserName", group: "GroupName", role: "RoleName", "instance profile": "InstanceProfileName", policy: "Arn", "access key": "AccessKeyId" };

/** A small seeded generator (mulberry32): the same seed refuses the same requests. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `xml` without the top-level `<member>` elements `drop` picks (members may nest). */
function withoutMembers(xml, drop) {
  let depth = 0;
  let start = 0;
  let kept = 0;
  let out = "";
  for (const tag of xml.matchAll(/<(\/?)member>/g)) {
    if (!tag[1] && depth++ === 0) start = tag.index;
    if (tag[1] && --depth === 0) {
      const end = tag.index + "</member>".length;
      if (drop(xml.slice(start, end))) {
        out += xml.slice(kept, start);
        kept = end;
      }
    }
  }
  return kept === 0 ? undefined : out + xml.slice(kept);
}

/**
 * The delay model. `refusal(status, code, message)` builds IAM's refusal; `signingKeyId(req)`
 * reads the key a request is signed with. The strict layer calls `refusal` before its rules and
 * `answered` on every answer.
 */
export function propagationDelay({ refusal, signingKeyId }) {
  let windowMs = 0;
  let probability = 1;
  let random = seeded(1);
  /** kind:name -> when it was created (epoch ms). */
  const created = new Map();

  const isYoung = (kind, name) => Date.now() - (created.get(`${kind}:${name}`) ?? -Infinity) < windowMs;
  const unlucky = () => random() < probability;

  return {
    /** The layer's control request (POST /strict-iam/propagation, JSON settings), answered here. */
    control(req) {
      if (!req.path.startsWith(CONTROL_PATH)) return undefined;
      const settings = JSON.parse(req.body || "{}");
      windowMs = settings.windowMs ?? 0;
      probability = settings.probability ?? 1;
      random = seeded(settings.seed ?? 1);
      return { status: 200, body: "{}", headers: { "Content-Type": "application/json" } };
    },

    reset: () => created.clear(),

    /** NoSuchEntity or InvalidClientTokenId for a request IAM would not place yet; else undefined. */
    refusal(req) {
      if (windowMs === 0 || req.method !== "POST") return undefined;
      const keyId = signingKeyId(req);
      if (keyId && isYoung("access key", keyId) && unlucky()) {
        return refusal(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
      }
      const [own] = CREATES[req.params.Action] ?? [];
      for (const [param, kind, message] of NAMING) {
        const name = req.params[param];
        if (param !== own && name && isYoung(kind, name) && unlucky()) return refusal(404, "NoSuchEntity", message(name));
      }
      return undefined;
    },

    /** Learns what a create made; returns the answer with young entities left out of its listings, or undefined. */
    answered(req, answer) {
      const { Action } = req.params;
      if (windowMs === 0 || answer.status !== 200) return undefined;
      const [param, kind] = CREATES[Action] ?? [];
      if (kind) created.set(`${kind}:${req.params[param]}`, Date.now());
      const [madeKind, idPattern] = CREATED_IN_ANSWER[Action] ?? [];
      const id = idPattern?.exec(answer.body)?.[1];
      if (id) created.set(`${madeKind}:${id}`, Date.now());
      if (!/^(List|GetGroup$)/.test(Action)) return undefined;
      const young = [...created.keys()].map((key) => key.split(/:(.*)/s)).filter(([kind, name]) => isYoung(kind, name) && unlucky());
      const mentionsYoung = (member) => young.some(([kind, name]) => member.includes(`<${LISTED_AS[kind]}>${name}</${LISTED_AS[kind]}>`));
      const body = young.length > 0 ? withoutMembers(answer.body, mentionsYoung) : undefined;
      return body === undefined ? undefined : { status: answer.status, body };
    },
  };
}

/** Sets the layer's propagation window (0 turns it off), from a test. */
export async function setPropagation(url, { windowMs, probability = 1, seed = 1 }) {
  const res = await fetch(`${url}${CONTROL_PATH}`, { method: "POST", body: JSON.stringify({ windowMs, probability, seed }) });
  if (!res.ok) throw new Error(`setting the propagation window failed: HTTP ${res.status}`);
}
