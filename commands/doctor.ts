/** npm run doctor: why is nothing scaling? Only reads; see doctor/main.ts. */
import { runCli } from "./cli/exit-codes";
import { quietSdkRetryLogs } from "./cli/quiet-sdk";
import { doctorMain } from "./doctor/main";

quietSdkRetryLogs(process.env);
runCli(() => doctorMain(process.argv.slice(2), process.env, (line) => console.log(line)));
