import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });
const aliases = async () => (await moto.iam.listAccountAliases({})).AccountAliases;

async function policyError(): Promise<string | undefined> {
  try {
    await moto.iam.getAccountPasswordPolicy({});
    return undefined;
  } catch (err) {
    return (err as Error).name;
  }
}

const usage = (name: string, message: string) => ({ code: 2, stdout: "", stderr: `${name}: ${message}\n` });

describe("iam-accountaliascreate", () => {
  it("creates the alias and prints nothing", async () => {
    expect(await cli("iam-accountaliascreate", "-a", "example-corp")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await aliases()).toEqual(["example-corp"]);
  });

  it("refuses an alias IAM would reject, which moto would have stored", async () => {
    expect(await cli("iam-accountaliascreate", "-a", "Bad_Alias")).toEqual(
      usage(
        "iam-accountaliascreate",
        'invalid account alias "Bad_Alias": use 3 to 63 lowercase letters, digits and single hyphens, not at either end',
      ),
    );
    expect(await cli("iam-accountaliascreate", "-a", "123456789012")).toEqual(
      usage("iam-accountaliascreate", 'invalid account alias "123456789012": cannot be a 12-digit number'),
    );
    expect(await aliases()).toEqual([]);
  });

  it("requires -a", async () => {
    expect(await cli("iam-accountaliascreate")).toEqual(
      usage("iam-accountaliascreate", "missing required option -a ALIAS (the account alias)"),
    );
  });
});

describe("iam-accountaliasdelete", () => {
  it("deletes the alias and prints nothing", async () => {
    await moto.iam.createAccountAlias({ AccountAlias: "example-corp" });
    expect(await cli("iam-accountaliasdelete", "-a", "example-corp")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await aliases()).toEqual([]);
  });

  it("refuses an invalid alias and leaves the current one alone", async () => {
    await moto.iam.createAccountAlias({ AccountAlias: "example-corp" });
    expect(await cli("iam-accountaliasdelete", "-a", "-example-corp")).toEqual(
      usage(
        "iam-accountaliasdelete",
        'invalid account alias "-example-corp": use 3 to 63 lowercase letters, digits and single hyphens, not at either end',
      ),
    );
    expect(await aliases()).toEqual(["example-corp"]);
  });
});

describe("iam-accountaliaslist", () => {
  it("prints the alias then the trailer", async () => {
    await moto.iam.createAccountAlias({ AccountAlias: "example-corp" });
    expect(await cli("iam-accountaliaslist")).toEqual({ code: 0, stdout: "example-corp\nIsTruncated: false\n", stderr: "" });
  });

  it("prints only the trailer when the account has no alias", async () => {
    expect(await cli("iam-accountaliaslist")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("refuses options it does not have", async () => {
    expect(await cli("iam-accountaliaslist", "-a", "example-corp")).toEqual(
      usage("iam-accountaliaslist", "unknown option '-a'; see iam-accountaliaslist -h"),
    );
  });
});

describe("iam-accountgetsummary", () => {
  it("prints every SummaryMap entry as Key: Value, sorted by key, with live counts", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createGroup({ GroupName: "Admin" });
    const res = await cli("iam-accountgetsummary");
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    const { SummaryMap } = await moto.iam.getAccountSummary({});
    const keys = Object.keys(SummaryMap!).sort();
    expect(res.stdout).toBe(keys.map((key) => `${key}: ${SummaryMap![key as keyof typeof SummaryMap]}\n`).join(""));
    const lines = res.stdout.split("\n");
    expect(lines[0]).toBe("AccessKeysPerUserQuota: 2");
    expect(lines).toContain("Users: 1");
    expect(lines).toContain("Groups: 1");
    expect(lines).toContain("UsersQuota: 5000");
  });

  it("refuses options it does not have", async () => {
    expect(await cli("iam-accountgetsummary", "-u", "david")).toEqual(
      usage("iam-accountgetsummary", "unknown option '-u'; see iam-accountgetsummary -h"),
    );
  });
});

describe("iam-accountmodpasswordpolicy", () => {
  it("sets every setting from its flag and prints nothing", async () => {
    const res = await cli("iam-accountmodpasswordpolicy", "-m", "12", "-s", "-n", "-U", "-l", "-c", "-a", "90", "-r", "5", "-e");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await moto.iam.getAccountPasswordPolicy({})).PasswordPolicy).toEqual({
      MinimumPasswordLength: 12,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 5,
      HardExpiry: true,
    });
  });

  it("long names work too, and settings not given go back to the defaults", async () => {
    await moto.iam.updateAccountPasswordPolicy({ MinimumPasswordLength: 20, RequireSymbols: true, HardExpiry: true });
    const res = await cli("iam-accountmodpasswordpolicy", "--minimum-password-length", "8", "--require-numbers");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await moto.iam.getAccountPasswordPolicy({})).PasswordPolicy).toMatchObject({
      MinimumPasswordLength: 8,
      RequireSymbols: false,
      RequireNumbers: true,
      HardExpiry: false,
    });
  });

  it("checks the ranges before sending anything", async () => {
    const name = "iam-accountmodpasswordpolicy";
    expect(await cli(name, "-m", "5")).toEqual(
      usage(name, '-m (--minimum-password-length) must be a whole number from 6 to 128, not "5"'),
    );
    expect(await cli(name, "-m", "129")).toEqual(
      usage(name, '-m (--minimum-password-length) must be a whole number from 6 to 128, not "129"'),
    );
    expect(await cli(name, "-a", "1096")).toEqual(
      usage(name, '-a (--max-password-age) must be a whole number from 1 to 1095, not "1096"'),
    );
    expect(await cli(name, "-a", "0")).toEqual(
      usage(name, '-a (--max-password-age) must be a whole number from 1 to 1095, not "0"'),
    );
    expect(await cli(name, "-r", "25")).toEqual(
      usage(name, '-r (--password-reuse-prevention) must be a whole number from 1 to 24, not "25"'),
    );
    expect(await cli(name, "-r", "2.5")).toEqual(
      usage(name, '-r (--password-reuse-prevention) must be a whole number from 1 to 24, not "2.5"'),
    );
    expect(await policyError()).toBe("NoSuchEntityException");
  });
});

describe("iam-accountgetpasswordpolicy", () => {
  it("prints Key: Value lines in the API's field order", async () => {
    await moto.iam.updateAccountPasswordPolicy({
      MinimumPasswordLength: 12,
      RequireSymbols: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 5,
      HardExpiry: true,
    });
    expect(await cli("iam-accountgetpasswordpolicy")).toEqual({
      code: 0,
      stdout: [
        "MinimumPasswordLength: 12",
        "RequireSymbols: true",
        "RequireNumbers: false",
        "RequireUppercaseCharacters: false",
        "RequireLowercaseCharacters: false",
        "AllowUsersToChangePassword: false",
        "ExpirePasswords: true",
        "MaxPasswordAge: 90",
        "PasswordReusePrevention: 5",
        "HardExpiry: true",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("omits the settings the policy does not have", async () => {
    await moto.iam.updateAccountPasswordPolicy({ MinimumPasswordLength: 8 });
    const res = await cli("iam-accountgetpasswordpolicy");
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^MinimumPasswordLength: 8\n/);
    expect(res.stdout).not.toContain("PasswordReusePrevention");
  });

  it("an account without a policy exits 1 with NoSuchEntity", async () => {
    expect(await cli("iam-accountgetpasswordpolicy")).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "iam-accountgetpasswordpolicy: error (NoSuchEntity): The Password Policy with domain name 123456789012 cannot be found.\n",
    });
  });

  it("refuses options it does not have", async () => {
    expect(await cli("iam-accountgetpasswordpolicy", "-v")).toEqual(
      usage("iam-accountgetpasswordpolicy", "unknown option '-v'; see iam-accountgetpasswordpolicy -h"),
    );
  });
});

describe("iam-accountdelpasswordpolicy", () => {
  it("deletes the policy and prints nothing", async () => {
    await moto.iam.updateAccountPasswordPolicy({ MinimumPasswordLength: 8 });
    expect(await cli("iam-accountdelpasswordpolicy")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await policyError()).toBe("NoSuchEntityException");
  });

  it("an account without a policy exits 1 with NoSuchEntity", async () => {
    expect(await cli("iam-accountdelpasswordpolicy")).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "iam-accountdelpasswordpolicy: error (NoSuchEntity): The account policy with name PasswordPolicy cannot be found.\n",
    });
  });

  it("refuses options it does not have and keeps the policy", async () => {
    await moto.iam.updateAccountPasswordPolicy({ MinimumPasswordLength: 8 });
    expect(await cli("iam-accountdelpasswordpolicy", "-r")).toEqual(
      usage("iam-accountdelpasswordpolicy", "unknown option '-r'; see iam-accountdelpasswordpolicy -h"),
    );
    expect(await policyError()).toBeUndefined();
  });
});
