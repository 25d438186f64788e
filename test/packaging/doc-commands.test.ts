import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every command shown in a fenced code block of README.md and docs/ is run by a test or by CI, so none can rot.
 * A command nothing here can run must be in NOT_RUN_HERE, with the reason; anything else fails, named.
 */

const ROOT = resolve(__dirname, "../..");

/** Commands for tools this machine and CI do not have: the exact command as the docs show it, and why. */
const NOT_RUN_HERE = new Map<string, string>([
  ["fn deploy --app model-deployment-scaling", "no fn CLI and no Functions application here"],
  [
    "oci ons topic create --name model-deployment-autoscale --compartment-id <compartment OCID>",
    "no OCI CLI and no OCI account here",
  ],
  [
    `oci ons subscription create --compartment-id <compartment OCID> --topic-id <topic OCID> --protocol ORACLE_FUNCTIONS --subscription-endpoint "$(fn inspect function model-deployment-scaling model-deployment-autoscale id | tr -d '"')"`,
    "no OCI CLI, no fn CLI and no OCI account here",
  ],
  [
    `oci data-science model-deployment get --model-deployment-id <deployment OCID> --query 'data."freeform-tags"'`,
    "no OCI CLI and no OCI account here",
  ],
  [
    `oci data-science model-deployment update --model-deployment-id <deployment OCID> --force --freeform-tags '{"team": "fraud", "autoscale-min-instances": "2", "autoscale-max-instances": "6", "autoscale-max-memory-gb": "256"}'`,
    "no OCI CLI and no OCI account here",
  ],
]);

/** First words that make a line of an unlabelled ``` block a command (such blocks also hold queries and output). */
const COMMAND_WORDS = new Set(["npm", "npx", "node", "tsx", "fn", "oci", "cat", "bash", "sh", "git", "curl", "docker"]);
const SHELL_LABELS = new Set(["bash", "sh", "shell", "console"]);

function markdownFiles(): string[] {
  const files = [join(ROOT, "README.md")];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".md")) files.push(path);
    }
  };
  walk(join(ROOT, "docs"));
  return files;
}

/** The command lines of a Markdown text: continuation lines joined, comments and prompts dropped. */
function commandsIn(markdown: string): string[] {
  const commands: string[] = [];
  let label: string | undefined;
  let pending = "";
  for (const line of markdown.split("\n")) {
    const fence = /^\s*```(\S*)/.exec(line);
    if (fence) {
      label = label === undefined ? (fence[1] ?? "") : undefined;
      pending = "";
      continue;
    }
    if (label === undefined) continue;
    const text = `${pending}${line.trim().replace(/^\$ /, "")}`;
    if (text.endsWith("\\")) {
      pending = `${text.slice(0, -1).trim()} `;
      continue;
    }
    pending = "";
    const command = text.replace(/\s+#.*$/, "").trim();
    if (command === "" || command.startsWith("#")) continue;
    const first = command.split(/\s+/)[0] ?? "";
    if (SHELL_LABELS.has(label) || (label === "" && COMMAND_WORDS.has(first))) commands.push(command);
  }
  return commands;
}

const testFiles = (() => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts")) files.push(path);
    }
  };
  walk(join(ROOT, "test"));
  return files.map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, "utf8") }));
})();
const CI = readFileSync(join(ROOT, ".ci/run"), "utf8");
const SCRIPTS: Record<string, string> = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts;

/** Why `command` is not covered, or undefined when a test or CI runs it. */
function uncovered(command: string): string | undefined {
  if (NOT_RUN_HERE.has(command)) return undefined;
  if (command === "npm ci" || command === "npm test") {
    return CI.includes(command) ? undefined : `.ci/run does not run ${command}`;
  }
  // `cat FILE | npm run S ...`: the message on stdin; a test of S must feed a process's stdin (spawnSync input).
  const piped = /^cat (\S+) \| (npm run .*)$/.exec(command);
  const npmRun = /^npm run (\S+)(?: -- (.*))?$/.exec(piped ? (piped[2] as string) : command);
  if (!npmRun) return "not an npm command a test can check, and not in NOT_RUN_HERE";
  const script = npmRun[1] as string;
  if (!(script in SCRIPTS)) return `package.json has no script "${script}"`;
  // A test runs the command when it starts its entry (commands/S.ts) or calls its main (commands/S/main),
  // itself or through a helper module of test/ that does (e.g. test/commands/setup-harness.ts).
  const direct = testFiles.filter(
    ({ text }) => text.includes(`commands/${script}.ts`) || text.includes(`commands/${script}/main`),
  );
  const helpers = direct.filter(({ file }) => !file.endsWith(".test.ts")).map(({ file }) => basename(file, ".ts"));
  const runners = [
    ...direct,
    ...testFiles.filter(({ text }) => helpers.some((helper) => text.includes(`/${helper}"`))),
  ];
  if (runners.length === 0) return `no test under test/ runs commands/${script}.ts or commands/${script}/main`;
  if (piped && !runners.some(({ text }) => /\binput\b/.test(text))) return `no test feeds ${script} on stdin`;
  const args = (npmRun[2] ?? "").replace(/[[\]]/g, " ").split(/\s+/);
  const missing = args
    .filter((arg) => /^--[a-z]/.test(arg))
    .map((arg) => arg.split("=")[0] as string)
    .filter((flag) => !runners.some(({ text }) => text.includes(`"${flag}"`)) && !CI.includes(`${script} -- ${flag}`));
  if (missing.length > 0) return `no test of commands/${script} passes ${missing.join(", ")}`;
  // A path into the repository (fixtures/…, traces/…) must exist; a user's own file (my-alarm.json) need not.
  const gone = args.filter((arg) => /^(fixtures|traces|test|docs)\//.test(arg) && !existsSync(join(ROOT, arg)));
  if (gone.length > 0) return `no such file: ${gone.join(", ")}`;
  return undefined;
}

const documented = markdownFiles().flatMap((file) =>
  commandsIn(readFileSync(file, "utf8")).map((command) => ({ file: relative(ROOT, file), command })),
);

describe("every command in README.md and docs/", () => {
  it("finds the commands (the extraction is not empty)", () => {
    const commands = documented.map((d) => d.command);
    expect(commands).toContain("npm ci");
    expect(commands).toContain("npm run demo");
    expect(commands).toContain("npm test");
    expect(commands).toContain("fn deploy --app model-deployment-scaling");
  });

  it.each(documented.map((d) => [d.file, d.command]))("%s: %s is run by a test or by CI", (_, command) => {
    expect(uncovered(command as string)).toBeUndefined();
  });

  it("keeps NOT_RUN_HERE to commands the docs still show", () => {
    const shown = new Set(documented.map((d) => d.command));
    expect([...NOT_RUN_HERE.keys()].filter((command) => !shown.has(command))).toEqual([]);
  });
});

describe("the command check", () => {
  it("reads shell blocks whole, and only command lines of unlabelled blocks", () => {
    const md = [
      "```bash",
      "npm run setup -- --deployment <OCID> \\",
      "  --topic <OCID>   # a comment",
      "# a comment line",
      "```",
      "```",
      "desired = ceil(current × observed / target)",
      "npm run demo",
      "```",
      "```json",
      '{"npm": 1}',
      "```",
      "npm run outside-a-block",
    ].join("\n");
    expect(commandsIn(md)).toEqual(["npm run setup -- --deployment <OCID> --topic <OCID>", "npm run demo"]);
  });

  it("fails, naming why, on commands nothing runs", () => {
    expect(uncovered("npm run no-such-script")).toContain('no script "no-such-script"');
    expect(uncovered("npm run format")).toContain("no test under test/ runs commands/format");
    expect(uncovered("npm run setup -- --no-such-flag")).toContain("--no-such-flag");
    expect(uncovered("npm run invoke -- fixtures/no-such-fixture.json")).toContain("no such file");
    expect(uncovered("oci os bucket list")).toContain("NOT_RUN_HERE");
    expect(uncovered("fn deploy --app another-app")).toContain("NOT_RUN_HERE");
    expect(uncovered("curl https://example.com")).toContain("NOT_RUN_HERE");
  });
});
