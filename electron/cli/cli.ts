/**
 * Command line: `npm run cli -- <command> [--db PATH] [--json]`.
 * Exit codes: 0 done, 1 refused (reason on stderr, in French), 2 usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../shared/api/contract';
import { ROLES } from '../../shared/domain/review';
import { openBackend, type Backend } from '../backend/backend';
import { defaultDbPath, localUserName } from '../backend/paths';
import { runDossiers, runImport } from './cli-commands';
import { runOpinions, runProfile, runScores } from './cli-review-commands';
import { runStats } from './cli-territory-commands';
import { runDecide, runDecisions, runMinutes, runSessions } from './cli-committee-commands';
import { runExport } from './cli-export-commands';
import { runPackage, runWorkbook } from './cli-exchange-commands';
import { runRestore, runVerify } from './cli-integrity-commands';

const USAGE = `Usage : npm run cli -- <commande> [options]

Commandes :
  import FICHIER [--dry-run] [--sheet FEUILLE]   importe des dossiers (CSV, XLSX ou JSON)
  dossiers [--department CODE] [--status S] [--search TEXTE]
                                                liste les dossiers
  stats departments                             chiffres par département (dossiers, postes demandés,
                                                soutenus, accordés, objectif, pour 100 000 habitants)
  stats regions                                 les mêmes chiffres par région
  demo --count N                                génère N dossiers de démonstration
  template --out FICHIER.xlsx                   écrit le modèle d’import
  profile [--name NOM --role RÔLE [--department CODE…]]
                                                profil actuel (RÔLE : PREFECTURE, COMMITTEE, ADMIN)
  opinions [--department CODE]                  avis en cours par dossier
  scores [--department CODE]                    notes agrégées par dossier et par critère
  sessions                                      séances du comité (numéro, date, statut, décisions)
  decisions --session NUMÉRO                    décisions d’une séance
  minutes --session NUMÉRO --out FICHIER.pdf    procès-verbal d’une séance en PDF
  decide --session NUMÉRO --dossier ID --decision POSITIF|NEGATIF|EXAMEN_COMPLEMENTAIRE
         [--posts N] [--ground MOTIF…] [--comment TEXTE] [--justification TEXTE] [--priority]
         [--vote POUR,CONTRE,ABST]              enregistre la décision d’une séance en cours
  export decisions --out FICHIER.xlsx [--session NUMÉRO…] [--department CODE…] [--csv]
                                                exporte les décisions d’attribution (Excel ou CSV)
  package export --department CODE --out FICHIER
                                                paquet des avis d’un département, à transmettre
  package import FICHIER                        importe un paquet d’avis ou de dossiers
  workbook export --department CODE --out FICHIER.xlsx
                                                classeur départemental à remplir (format 2021)
  workbook import FICHIER.xlsx                  importe les avis d’un classeur rempli
  info                                          base utilisée, version, nombre de dossiers
  verify                                        vérifie l’intégrité : empreintes des instantanés, procès-verbaux
                                                scellés contre les décisions (code 1 si une anomalie est trouvée)
  restore                                       restaure la sauvegarde précédente (.prev) après l’avoir vérifiée ;
                                                l’instantané remplacé est conservé

Options communes :
  --db CHEMIN   base de données (défaut : ${defaultDbPath()})
  --json        sortie JSON
`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      sheet: { type: 'string' },
      department: { type: 'string', multiple: true },
      status: { type: 'string', multiple: true },
      search: { type: 'string' },
      count: { type: 'string' },
      out: { type: 'string' },
      session: { type: 'string', multiple: true },
      dossier: { type: 'string' },
      decision: { type: 'string' },
      posts: { type: 'string' },
      ground: { type: 'string', multiple: true },
      comment: { type: 'string' },
      justification: { type: 'string' },
      priority: { type: 'boolean', default: false },
      vote: { type: 'string' },
      csv: { type: 'boolean', default: false },
      name: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const json = values.json ?? false;
  const open = () => openBackend({ dbPath: values.db ?? defaultDbPath(), userName: localUserName(), mode: 'cli', snapshotDelayMs: 60_000 });
  let backend: Backend | null = null;
  try {
    switch (command) {
      case 'import': {
        const file = rest[0];
        if (!file) throw new UsageError('import : indiquez le fichier à importer.');
        backend = await open();
        return await runImport(backend, file, { dryRun: values['dry-run'] ?? false, sheet: values.sheet, json });
      }
      case 'dossiers':
        backend = await open();
        return await runDossiers(backend, { departments: values.department, statuses: values.status, search: values.search, json });
      case 'stats':
        if (rest[0] !== 'departments' && rest[0] !== 'regions') throw new UsageError('stats : indiquez « stats departments » ou « stats regions ».');
        backend = await open();
        return await runStats(backend, rest[0], json);
      case 'profile':
        if ((values.name !== undefined || values.role !== undefined) && (!values.name || !(ROLES as readonly string[]).includes(values.role?.toUpperCase() ?? ''))) {
          throw new UsageError(`profile : indiquez --name NOM et --role parmi ${ROLES.join(', ')} (et --department CODE pour un agent de préfecture).`);
        }
        backend = await open();
        return await runProfile(backend, { name: values.name, role: values.role, departments: values.department, json });
      case 'opinions':
        backend = await open();
        return await runOpinions(backend, { departments: values.department, json });
      case 'scores':
        backend = await open();
        return await runScores(backend, { departments: values.department, json });
      case 'demo': {
        const count = Number(values.count ?? '');
        if (!Number.isInteger(count) || count < 1) throw new UsageError('demo : indiquez --count N (entier ≥ 1).');
        backend = await open();
        const { created } = await backend.call('demo:generate', { count });
        process.stdout.write(json ? `${JSON.stringify({ created })}\n` : `${created} dossiers de démonstration créés dans ${backend.store.path}.\n`);
        return 0;
      }
      case 'template': {
        if (!values.out) throw new UsageError('template : indiquez --out FICHIER.xlsx.');
        backend = await open();
        const { data } = await backend.call('import:template', {});
        fs.writeFileSync(values.out, data);
        process.stdout.write(`Modèle d’import écrit : ${path.resolve(values.out)}\n`);
        return 0;
      }
      case 'sessions':
        backend = await open();
        return await runSessions(backend, { json });
      case 'decisions':
        backend = await open();
        return await runDecisions(backend, { session: values.session?.[0], json });
      case 'decide':
        if (!values.session?.[0] || !values.dossier || !values.decision) throw new UsageError('decide : indiquez --session NUMÉRO, --dossier ID et --decision.');
        backend = await open();
        return await runDecide(backend, {
          session: values.session[0],
          dossier: values.dossier,
          decision: values.decision,
          posts: values.posts,
          grounds: values.ground,
          comment: values.comment,
          justification: values.justification,
          priority: values.priority ?? false,
          vote: values.vote,
          json,
        });
      case 'minutes':
        if (!values.session?.[0] || !values.out) throw new UsageError('minutes : indiquez --session NUMÉRO et --out FICHIER.pdf.');
        backend = await open();
        return await runMinutes(backend, { session: values.session[0], out: values.out });
      case 'export':
        if (rest[0] !== 'decisions' || !values.out) throw new UsageError('export : indiquez « export decisions --out FICHIER ».');
        backend = await open();
        return await runExport(backend, { out: values.out, sessions: values.session, departments: values.department, csv: values.csv ?? false, json });
      case 'package':
      case 'workbook': {
        const action = rest[0];
        if (action !== 'export' && action !== 'import') throw new UsageError(`${command} : indiquez « ${command} export » ou « ${command} import ».`);
        if (action === 'export' && (!values.department?.[0] || !values.out)) throw new UsageError(`${command} export : indiquez --department CODE et --out FICHIER.`);
        if (action === 'import' && !rest[1]) throw new UsageError(`${command} import : indiquez le fichier à importer.`);
        backend = await open();
        const request = action === 'export' ? { action, department: values.department![0]!, out: values.out! } as const : { action, file: rest[1]! } as const;
        return command === 'package' ? await runPackage(backend, { ...request, json }) : await runWorkbook(backend, { ...request, json });
      }
      case 'verify':
        return await runVerify(open, { dbPath: values.db ?? defaultDbPath(), json });
      case 'restore':
        return await runRestore({ dbPath: values.db ?? defaultDbPath(), json });
      case 'info': {
        backend = await open();
        const info = await backend.call('app:info', {});
        process.stdout.write(json ? `${JSON.stringify(info)}\n` : `Base : ${info.dbPath}\nVersion : ${info.version} (schéma ${info.schemaVersion})\nDossiers : ${info.dossierCount}\n`);
        return 0;
      }
      default:
        throw new UsageError(`Commande inconnue : ${command}.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    const message = error instanceof ApiError ? error.message : `Erreur interne : ${error instanceof Error ? error.stack : String(error)}`;
    process.stderr.write(`${message}\n`);
    return 1;
  } finally {
    backend?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
  },
);
