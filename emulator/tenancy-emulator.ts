/** Builds the stores of the setup-side services and the emulator methods that reach into them. */
import { notFound } from "./errors";
import { FunctionsStore } from "./functions-management";
import { IdentityStore } from "./identity";
import { ScheduleStore } from "./schedules";
import { SubscriptionStore } from "./subscriptions";
import type { TenancyStores } from "./tenancy-routes";
import type { TenancyEmulatorApi, TenancyEmulatorOptions } from "./tenancy-types";
import { TopicStore } from "./topics";

/**
 * PublishMessage's check of its topic: a deleted topic takes no messages (404); one the emulator never held
 * does unless refusePublishToUnknownTopics, since tests publish to made-up topic ids.
 */
export function publishableTopic(topics: TopicStore, options: TenancyEmulatorOptions): (topicId: string) => void {
  return (topicId) => {
    const unknown = !topics.has(topicId);
    if (topics.wasDeleted(topicId) || (unknown && options.refusePublishToUnknownTopics))
      throw notFound(`Topic ${topicId}`);
  };
}

export function createTenancyStores(
  options: TenancyEmulatorOptions & { pageSize: number; clock: () => number; url: () => string },
): TenancyStores {
  const topics = new TopicStore(options.pageSize, options.clock, options.url);
  return {
    topics,
    subscriptions: new SubscriptionStore(options.pageSize, options.clock, topics, options),
    identity: new IdentityStore(options.pageSize, options.clock),
    functions: new FunctionsStore(options.pageSize, options.clock),
    schedules: new ScheduleStore(options.pageSize, options.clock),
  };
}

export function tenancyEmulatorApi(stores: TenancyStores): TenancyEmulatorApi {
  const { topics, subscriptions, identity, functions, schedules } = stores;
  return {
    seedTopic: (seed) => topics.seed(seed),
    topics: () => topics.all(),
    seedSubscription: (seed) => subscriptions.seed(seed),
    subscriptions: (topicId) => subscriptions.all(topicId),
    setSubscriptionState: (id, state) => subscriptions.setState(id, state),
    seedDynamicGroup: (seed) => identity.seedDynamicGroup(seed),
    dynamicGroups: () => identity.dynamicGroups(),
    seedPolicy: (seed) => identity.seedPolicy(seed),
    policies: () => identity.policies(),
    seedApplication: (seed) => functions.seedApplication(seed),
    seedFunction: (seed) => functions.seedFunction(seed),
    setFunctionConfig: (id, config) => functions.setFunctionConfig(id, config),
    seedSchedule: (seed) => schedules.seed(seed),
    schedules: () => schedules.all(),
    setScheduleState: (id, state) => schedules.setState(id, state),
  };
}
