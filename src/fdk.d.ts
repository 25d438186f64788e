// @fnproject/fdk ships no types; this covers what func.ts uses (FIELD-NOTES: ctx.getConfig() throws, use ctx.config).
declare module "@fnproject/fdk" {
  export interface FdkContext {
    readonly deadline: Date | null;
    readonly callID: string;
    readonly config: Record<string, string | undefined>;
    readonly headers: Record<string, string[]>;
    getHeader(name: string): string | null;
  }
  export type FdkHandler = (input: Buffer, ctx: FdkContext) => Promise<unknown> | unknown;
  export function handle(handler: FdkHandler, options?: { inputMode?: "json" | "string" | "buffer" }): () => void;
}
