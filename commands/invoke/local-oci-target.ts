/**
 * The default target of `npm run invoke`: the OCI emulator, seeded with what the message names, and a
 * report of what the call changed there.
 */
import type { Emulator } from "../../emulator";
import type { SeedDeployment } from "../../emulator/data-science-types";
import { deploymentState } from "../../emulator/deployment-state";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import { seedFromAlarmMessage } from "../../emulator/seed-from-alarm";

export interface SeedChoice {
  instances?: number;
  shape?: string;
  /** Flex sizing of the seeded shape. */
  ocpus?: number;
  memoryInGBs?: number;
  state?: string;
  /** Freeform tags on the seeded deployment, e.g. per-deployment policy (autoscale-max-instances=3). */
  tags?: Record<string, string>;
  /** The firing alarm's display name, for a message whose title is a rendered template. */
  alarmDisplayName?: string;
  /** Whether Monitoring holds the message's streams FIRING (default true, as for a live alarm). */
  firing?: boolean;
}

export interface LocalTarget {
  oci: LocalOci;
  functionEnv: Record<string, string>;
  /** After the call: lines saying what changed in the emulator. */
  changes(): Promise<string[]>;
  close(): Promise<void>;
}

function describe(emulator: Emulator, id: string): string {
  const s = deploymentState(emulator, id);
  return s.lifecycleState === "GONE" ? "not in the emulator" : `${s.lifecycleState}, ${s.instances} × ${s.shape}`;
}

export const LOCAL_TOPIC_ID = "ocid1.onstopic.oc1.iad.aaaaaaaainvokelocaltopic";

const indent = (text: string) => text.split("\n").map((line) => `    ${line}`);

/** The seeded deployment's fields the command line chose. */
export function deploymentSeed(seed: SeedChoice): Omit<SeedDeployment, "id"> {
  return {
    ...(seed.instances ? { instanceCount: seed.instances } : {}),
    ...(seed.shape ? { shape: seed.shape } : {}),
    ...(seed.ocpus ? { ocpus: seed.ocpus } : {}),
    ...(seed.memoryInGBs ? { memoryInGBs: seed.memoryInGBs } : {}),
    ...(seed.state ? { lifecycleState: seed.state } : {}),
    ...(seed.tags && Object.keys(seed.tags).length > 0 ? { freeformTags: seed.tags } : {}),
  };
}

/** What the emulator holds now; the function returned says, after the call, what changed since. */
export function watchChanges(emulator: Emulator, deploymentIds: string[]): () => Promise<string[]> {
  const before = new Map(deploymentIds.map((id) => [id, describe(emulator, id)]));
  const alarmsBefore = new Set(emulator.alarms().map((a) => a.id));
  return async () => {
    await new Promise((r) => setTimeout(r, 300)); // let the emulator finish the update (UPDATING -> ACTIVE)
    const lines: string[] = [];
    for (const [id, was] of before) {
      const now = describe(emulator, id);
      lines.push(was === now ? `${id}: unchanged (${now})` : `${id}: ${was}  ->  ${now}`);
    }
    const alarmsAfter = emulator.alarms();
    for (const alarm of alarmsAfter.filter((a) => !alarmsBefore.has(a.id)))
      lines.push(`alarm created: ${alarm.displayName}  ${alarm.query}`);
    for (const id of alarmsBefore) {
      if (!alarmsAfter.some((a) => a.id === id))
        lines.push(`alarm deleted: ${emulator.getAlarm(id)?.displayName ?? id}`);
    }
    const writes = emulator
      .writes()
      .map((r) => `${r.method} ${r.path.replace(/\/ocid1\.[^/]+$/, "/…")} -> ${r.status}`);
    for (const message of emulator.publishedMessages())
      lines.push(`notification published to ${message.topicId}:`, `  ${message.title}`, ...indent(message.body));
    lines.push(
      `OCI requests: ${emulator.requests.length}, ${writes.length} writes${writes.length ? `: ${writes.join(", ")}` : ""}`,
    );
    return lines;
  };
}

export async function startLocalTarget(payload: string, seed: SeedChoice): Promise<LocalTarget> {
  const oci = await startLocalOci({ updateDelayMs: 200 });
  const { emulator } = oci;
  const { deploymentIds } = seedFromAlarmMessage(emulator, payload, {
    deployment: deploymentSeed(seed),
    ...(seed.alarmDisplayName ? { alarmDisplayName: seed.alarmDisplayName } : {}),
    firing: seed.firing ?? true,
  });
  return {
    oci,
    // A local topic, so the run shows the notification a change publishes (--config NOTIFY_TOPIC_ID= turns it off).
    functionEnv: { ...oci.functionEnv, NOTIFY_TOPIC_ID: LOCAL_TOPIC_ID },
    changes: watchChanges(emulator, deploymentIds),
    close: () => oci.close(),
  };
}
