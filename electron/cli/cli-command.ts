/**
 * What a CLI command declares: its name (one or two words: « session create »), a one-line summary,
 * its positional arguments and options with their types, and `run`, which goes through the
 * backend's contract. The parser (cli-parse.ts) and the usage text are generated from these
 * declarations, so an option exists only once, where its command is.
 */
import type { Backend } from '../backend/backend';

export interface OptionSpec {
  /** `integer` values are checked by the parser (a usage error) and handed over as numbers. */
  type: 'string' | 'boolean' | 'integer';
  /** Placeholder shown in the usage: NUMÉRO, FICHIER… (string and integer options). */
  value?: string;
  /** Given several times (`--department 06 --department 83`): an array. */
  multiple?: boolean;
  required?: boolean;
  /** French, one line. */
  help: string;
}

export interface ArgSpec {
  /** Placeholder shown in the usage: FICHIER. */
  name: string;
  required: boolean;
  help: string;
}

type Scalar<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : S['type'] extends 'integer' ? number : string;
type Value<S extends OptionSpec> = S['multiple'] extends true ? Scalar<S>[] : Scalar<S>;

/** Booleans are always there (false when absent); other options absent unless required. */
export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean' ? boolean : O[K]['required'] extends true ? Value<O[K]> : Value<O[K]> | undefined;
};

export interface CommandInput<O extends Record<string, OptionSpec>> {
  options: OptionValues<O>;
  /** The positional arguments after the command's name, in the order of `args`. */
  args: string[];
  json: boolean;
}

interface CommandSpec<O extends Record<string, OptionSpec>> {
  name: string;
  summary: string;
  args?: readonly ArgSpec[];
  options: O;
  /** A rule the options alone cannot say (one of, together, a known value): a French message, or null. */
  check?: (input: CommandInput<O>) => string | null;
  /** The exit code: 0 done (a refusal is an ApiError thrown, exit 1). */
  run: (backend: Backend, input: CommandInput<O>) => Promise<number>;
}

/** A command that handles the base's files itself (verify, restore): the CLI does not open it first. */
interface FileCommandSpec<O extends Record<string, OptionSpec>> extends Omit<CommandSpec<O>, 'run'> {
  runOnFile: (dbPath: string, input: CommandInput<O>) => Promise<number>;
}

/** A command as the registry holds it, its options' types erased. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly args: readonly ArgSpec[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  check?(input: CommandInput<Record<string, OptionSpec>>): string | null;
  run?(backend: Backend, input: CommandInput<Record<string, OptionSpec>>): Promise<number>;
  runOnFile?(dbPath: string, input: CommandInput<Record<string, OptionSpec>>): Promise<number>;
}

/** Declares a command; `options` keeps its literal types so that `run` gets typed values. */
export function defineCommand<const O extends Record<string, OptionSpec>>(spec: CommandSpec<O> | FileCommandSpec<O>): CliCommand {
  return { args: [], ...spec };
}

/** A command line that does not say what to do: exit code 2, with the usage after the message. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Every command prints through this, so that `--json` output is exactly one line of JSON. */
export const write = (text: string): void => {
  process.stdout.write(text);
};
