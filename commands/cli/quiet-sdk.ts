/**
 * oci-common writes its retry chatter ("Request cannot be retried...", "Retrying request -> ...") straight
 * to console.warn. The commands report failures themselves, in one sentence, so that chatter is dropped
 * unless OCI_SDK_VERBOSE=1.
 */
const SDK_CHATTER = /^(Request cannot be retried|Request failed with Exception|Retrying request|All retry attempts)/;

export function quietSdkRetryLogs(env: Record<string, string | undefined>): void {
  if (env.OCI_SDK_VERBOSE === "1") return;
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && SDK_CHATTER.test(args[0])) return;
    warn(...args);
  };
}
