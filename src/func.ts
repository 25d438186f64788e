import * as fdk from "@fnproject/fdk";

// The platform waits only a few seconds for the FDK socket, so listen first and load the handler on the first call.
fdk.handle(
  async (input, ctx) => {
    const { invoke } = await import("./invocation");
    return invoke(input, ctx);
  },
  { inputMode: "buffer" },
);
