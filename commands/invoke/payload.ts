/** The alarm message to send: a file, or stdin (`-` or no file) as in `cat alarm.json | fn invoke ...`. */
import { existsSync, readFileSync } from "node:fs";
import { usageError } from "../cli/exit-codes";

export interface Stdin {
  isTTY: boolean;
  read(): string;
}

export const processStdin: Stdin = {
  isTTY: Boolean(process.stdin.isTTY),
  read: () => readFileSync(0, "utf8"),
};

export function readPayload(path: string | undefined, stdin: Stdin, usage: string): string {
  if (path && path !== "-") {
    if (!existsSync(path)) throw usageError(`no such file: ${path}`, usage);
    return readFileSync(path, "utf8");
  }
  if (stdin.isTTY)
    throw usageError("no alarm message: give a file, or pipe one in (cat alarm.json | npm run invoke)", usage);
  const text = stdin.read();
  if (text.trim() === "") throw usageError("stdin was empty: pipe an alarm message in, or give a file", usage);
  return text;
}
