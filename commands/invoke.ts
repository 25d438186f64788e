/** npm run invoke: the function through the FDK socket, on the local emulator or (--oci) on OCI. See invoke/main.ts. */
import { runCli } from "./cli/exit-codes";
import { invokeMain } from "./invoke/main";
import { processStdin } from "./invoke/payload";

runCli(() =>
  invokeMain(process.argv.slice(2), process.env, { stdin: processStdin, print: (line) => console.log(line) }),
);
