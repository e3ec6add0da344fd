/**
 * Every CLI command, in the order of the usage text and of README's table. Adding a command: declare
 * it with `defineCommand` in its area's `cli-<area>-commands.ts`, then add it to this list.
 */
import type { CliCommand } from './cli-command';
import { demoCommand, dossiersCommand, importCommand, infoCommand, templateCommand } from './cli-commands';
import { decideCommand, decisionsCommand, minutesCommand, minutesValidateCommand, sessionsCommand } from './cli-committee-commands';
import { packageExportCommand, packageImportCommand, workbookExportCommand, workbookImportCommand } from './cli-exchange-commands';
import { exportDecisionsCommand } from './cli-export-commands';
import { restoreCommand, verifyCommand } from './cli-integrity-commands';
import { opinionRecordCommand, opinionsCommand, profileCommand, scoreRecordCommand, scoresCommand } from './cli-review-commands';
import { memberAddCommand, memberListCommand, sessionAgendaCommand, sessionCreateCommand, sessionListCommand, sessionPresenceCommand, sessionShowCommand, sessionStatusCommand } from './cli-session-commands';
import { checksExportCommand, statsDepartmentsCommand, statsRegionsCommand, targetsDistributeCommand, targetsImportCommand, targetsSetCommand } from './cli-territory-commands';

export const COMMANDS: readonly CliCommand[] = [
  importCommand,
  dossiersCommand,
  statsDepartmentsCommand,
  statsRegionsCommand,
  demoCommand,
  templateCommand,
  profileCommand,
  opinionsCommand,
  opinionRecordCommand,
  scoresCommand,
  scoreRecordCommand,
  targetsSetCommand,
  targetsDistributeCommand,
  targetsImportCommand,
  checksExportCommand,
  memberAddCommand,
  memberListCommand,
  sessionsCommand,
  sessionListCommand,
  sessionCreateCommand,
  sessionShowCommand,
  sessionPresenceCommand,
  sessionStatusCommand,
  sessionAgendaCommand,
  decisionsCommand,
  decideCommand,
  minutesCommand,
  minutesValidateCommand,
  packageExportCommand,
  packageImportCommand,
  workbookExportCommand,
  workbookImportCommand,
  exportDecisionsCommand,
  infoCommand,
  verifyCommand,
  restoreCommand,
];
