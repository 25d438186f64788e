/** npm run setup: creates (or with --remove deletes) the alarms that drive the function. See setup/main.ts. */
import { runCli } from "./cli/exit-codes";
import { quietSdkRetryLogs } from "./cli/quiet-sdk";
import { setupMain } from "./setup/main";

quietSdkRetryLogs(process.env);
runCli(() => setupMain(process.argv.slice(2), process.env, (line) => console.log(line)));
