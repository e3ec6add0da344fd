/**
 * The command line read against the registry: which command, its options checked against its
 * declaration (unknown, missing, not a whole number: a usage error in French), and the usage texts
 * (global, per group of subcommands, per command), all generated from the declarations.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultDbPath } from '../backend/paths';
import type { CliCommand, CommandInput, OptionSpec } from './cli-command';
import { UsageError } from './cli-command';

/** Options every command takes. */
export const GLOBAL_OPTIONS = {
  db: { type: 'string', value: 'CHEMIN', help: 'base de données' },
  json: { type: 'boolean', help: 'sortie JSON (une ligne)' },
  help: { type: 'boolean', help: 'aide de la commande' },
} as const satisfies Record<string, OptionSpec>;

const PROGRAM = 'npm run cli --';

function optionText(name: string, spec: OptionSpec): string {
  const text = spec.type === 'boolean' ? `--${name}` : `--${name} ${spec.value ?? 'VALEUR'}${spec.multiple ? '…' : ''}`;
  return spec.required ? text : `[${text}]`;
}

/** `session create --number NUMÉRO --date AAAA-MM-JJ [--place LIEU]…`: also README's first column. */
export function synopsis(command: CliCommand): string {
  const args = command.args.map((a) => (a.required ? a.name : `[${a.name}]`));
  const options = Object.entries(command.options).map(([name, spec]) => optionText(name, spec));
  return [command.name, ...args, ...options].join(' ');
}

function commonOptions(): string {
  return `Options communes :\n${Object.entries(GLOBAL_OPTIONS)
    .map(([name, spec]) => `  ${optionText(name, spec).replace(/^\[|\]$/g, '').padEnd(16)} ${spec.help}${name === 'db' ? ` (défaut : ${defaultDbPath()})` : ''}`)
    .join('\n')}\n`;
}

export function globalUsage(commands: readonly CliCommand[]): string {
  const lines = commands.map((c) => `  ${synopsis(c)}\n      ${c.summary}`);
  return `Usage : ${PROGRAM} <commande> [options]\n\nCommandes :\n${lines.join('\n')}\n\nAide d’une commande : ${PROGRAM} help COMMANDE (ou COMMANDE --help).\n${commonOptions()}\nCodes de sortie : 0 fait, 1 refusé (raison en français sur la sortie d’erreur), 2 erreur d’usage.\n`;
}

export function commandUsage(command: CliCommand): string {
  const rows = [
    ...command.args.map((a) => [a.name, a.help] as const),
    ...Object.entries(command.options).map(([name, spec]) => [optionText(name, { ...spec, required: true }), `${spec.help}${spec.required ? ' (obligatoire)' : ''}`] as const),
  ];
  const width = Math.min(28, Math.max(...rows.map(([left]) => left.length), 0));
  const details = rows.length === 0 ? '' : `\nArguments et options :\n${rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`).join('\n')}\n`;
  return `Usage : ${PROGRAM} ${synopsis(command)}\n\n${command.summary}\n${details}\n${commonOptions()}`;
}

/** The subcommands of `session`, `targets`…: their usage one after the other. */
function groupUsage(group: string, commands: readonly CliCommand[]): string {
  return commands
    .filter((c) => c.name.startsWith(`${group} `))
    .map((c) => `  ${synopsis(c)}\n      ${c.summary}`)
    .join('\n')
    .concat('\n');
}

export type ParsedCommandLine =
  | { kind: 'help'; text: string; code: 0 | 2 }
  | { kind: 'run'; command: CliCommand; input: CommandInput<Record<string, OptionSpec>>; db: string | undefined };

/** The command named by the first words of the positionals (two words before one). */
function resolve(words: string[], commands: readonly CliCommand[]): { command: CliCommand; used: number } {
  const [first, second] = words;
  const two = second === undefined ? undefined : commands.find((c) => c.name === `${first} ${second}`);
  if (two) return { command: two, used: 2 };
  const one = commands.find((c) => c.name === first);
  if (one) return { command: one, used: 1 };
  const subcommands = commands.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name.slice(first!.length + 1));
  if (subcommands.length > 0) {
    const said = second === undefined ? '' : `« ${second} » n’existe pas : `;
    throw new UsageError(`${first} : ${said}indiquez une sous-commande parmi ${subcommands.join(', ')}.`, groupUsage(first!, commands));
  }
  throw new UsageError(`Commande inconnue : ${first}.`, globalUsage(commands));
}

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

/** node:util's option types: integers are read as strings, then checked here. */
function parserOptions(specs: Readonly<Record<string, OptionSpec>>): ParseOptions {
  return Object.fromEntries(Object.entries(specs).map(([name, s]) => [name, { type: s.type === 'boolean' ? 'boolean' : 'string', multiple: s.multiple ?? false }]));
}

/** node:util's English parse errors, said in French with the command they concern. */
function frenchParseError(error: unknown, command: CliCommand): UsageError {
  const usage = commandUsage(command);
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`${command.name} : option inconnue ${option}.`, usage);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const noValue = /does not take an argument/.test(message);
    return new UsageError(noValue ? `${command.name} : l’option ${option} ne prend pas de valeur.` : `${command.name} : l’option ${option} attend une valeur.`, usage);
  }
  return new UsageError(`${command.name} : ligne de commande invalide (${message}).`, usage);
}

function toInteger(command: CliCommand, name: string, text: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`${command.name} : --${name} attend un nombre entier : « ${text} ».`, commandUsage(command));
  return Number(text.trim());
}

export function parseCommandLine(argv: readonly string[], commands: readonly CliCommand[]): ParsedCommandLine {
  // First pass, lenient: the command's words, wherever the options are.
  const every = Object.fromEntries(commands.flatMap((c) => Object.entries(parserOptions(c.options))).map(([name, o]) => [name, { ...o, multiple: true }]));
  const loose = parseArgs({ args: [...argv], strict: false, allowPositionals: true, options: { ...every, ...parserOptions(GLOBAL_OPTIONS) } });
  const words = loose.positionals;
  if (words[0] === 'help') {
    if (words.length === 1) return { kind: 'help', text: globalUsage(commands), code: 0 };
    const { command, used } = resolve(words.slice(1), commands);
    return { kind: 'help', text: used === words.length - 1 ? commandUsage(command) : globalUsage(commands), code: 0 };
  }
  if (words.length === 0) return { kind: 'help', text: globalUsage(commands), code: loose.values.help === true ? 0 : 2 };
  const { command, used } = resolve(words, commands);
  if (loose.values.help === true) return { kind: 'help', text: commandUsage(command), code: 0 };

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: { ...parserOptions(command.options), ...parserOptions(GLOBAL_OPTIONS) } });
  } catch (error) {
    throw frenchParseError(error, command);
  }
  const usage = commandUsage(command);
  const args = parsed.positionals.slice(used);
  if (args.length > command.args.length) throw new UsageError(`${command.name} : argument inattendu « ${args[command.args.length]} ».`, usage);
  const missingArg = command.args.slice(args.length).find((a) => a.required);
  if (missingArg) throw new UsageError(`${command.name} : indiquez ${missingArg.name} (${missingArg.help}).`, usage);

  const options: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const [name, spec] of Object.entries(command.options)) {
    const raw = parsed.values[name] as string | boolean | string[] | undefined;
    if (spec.type === 'boolean') options[name] = raw === true;
    else if (raw === undefined) {
      if (spec.required) missing.push(optionText(name, { ...spec, required: true }));
    } else if (spec.type === 'integer') options[name] = Array.isArray(raw) ? raw.map((r) => toInteger(command, name, r)) : toInteger(command, name, String(raw));
    else options[name] = raw;
  }
  if (missing.length > 0) throw new UsageError(`${command.name} : indiquez ${missing.slice(0, -1).join(', ')}${missing.length > 1 ? ' et ' : ''}${missing.at(-1)}.`, usage);
  const input = { options, args, json: parsed.values.json === true } as CommandInput<Record<string, OptionSpec>>;
  const refusal = command.check?.(input) ?? null;
  if (refusal !== null) throw new UsageError(refusal, usage);
  return { kind: 'run', command, input, db: parsed.values.db as string | undefined };
}
