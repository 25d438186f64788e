/** The V8 flags of the runtime image's ENTRYPOINT (see snapshot.mjs). */
export function runtimeNodeFlags(): string[];
