/**
 * The minutes as a PDF (pdfkit, in Node): an A4 procès-verbal with an embedded font (Liberation
 * Sans, resources/fonts) for French typography, « Page n / N » and, once sealed, the SHA-256 of
 * the sealed content on the first page and in every footer. Pure rendering of MinutesContent.
 */
import PDFDocument from 'pdfkit';
import { DECISION_LABELS, MINUTES_SECTION_LABELS, REFUSAL_GROUND_LABELS, type MinutesSection } from '../../../shared/domain/committee';
import { CONTRACT_LABELS } from '../../../shared/domain/dossier';
import { eligibilityText } from '../../../shared/domain/eligibility';
import { formatEuros } from '../../../shared/domain/money';
import { SUBSIDY_PER_POST } from '../../../shared/domain/subsidy';
import { frenchNumber, plural } from '../../../shared/domain/french-format';
import { OPINION_LABELS } from '../../../shared/domain/review';
import { frenchDate, frenchDateTime, frenchLongDate } from './french-format';
import type { MinutesContent, MinutesDecision, MinutesItem } from './minutes-content';
import { BAND, BLUE, DECISION_COLORS, FONT_FILES, fontsDir, GREY, MARGIN, RULE, TEXT, Writer } from './pdf-writer';

export interface AmendmentView {
  ordinal: number;
  reason: string;
  createdBy: string;
  createdAt: string;
  decisions: { externalId: string; name: string | null; text: string; replaces: string | null }[];
}

export interface MinutesPdfInput {
  content: MinutesContent;
  sealed: { hash: string; validatedAt: string; validatedBy: string } | null;
  amendments: AmendmentView[];
}

const memberText = (m: { name: string; organisation: string }) => (m.organisation ? `${m.name} (${m.organisation})` : m.name);

function header(w: Writer, input: MinutesPdfInput): void {
  const { doc } = w;
  const { session } = input.content;
  const top = MARGIN.top - 20;
  w.style('Bold', 9.5).text('RÉPUBLIQUE FRANÇAISE', MARGIN.left, top, { width: w.width / 2 });
  w.style('Regular', 8.5, GREY).text('Agence nationale de la cohésion des territoires', { width: w.width / 2 });
  w.style('Bold', 9.5).text('Comité de sélection national', MARGIN.left + w.width / 2, top, { width: w.width / 2, align: 'right' });
  w.style('Regular', 8.5, GREY).text('Conseillers numériques France Services', MARGIN.left + w.width / 2, doc.y, { width: w.width / 2, align: 'right' });
  doc.y = top + 62;
  w.style('Bold', 21, BLUE).text('Procès-verbal', MARGIN.left, doc.y, { width: w.width, align: 'center', characterSpacing: 0.5 });
  w.gap(2);
  w.style('Bold', 13.5).text(`Séance ${session.label} du comité de sélection national`, MARGIN.left, doc.y, { width: w.width, align: 'center' });
  w.gap(3);
  const where = session.place ? ` — ${session.place}` : '';
  w.style('Regular', 11, GREY).text(`${capitalise(frenchLongDate(session.date))}${where}`, MARGIN.left, doc.y, { width: w.width, align: 'center' });
  w.gap(16);
  statusBox(w, input);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function statusBox(w: Writer, input: MinutesPdfInput): void {
  const { doc } = w;
  const pad = 9;
  const top = doc.y;
  const inner = w.width - 2 * pad;
  const color = input.sealed ? BLUE : DECISION_COLORS.EXAMEN_COMPLEMENTAIRE;
  const lines: [keyof typeof FONT_FILES, number, string][] = input.sealed
    ? [
        ['Bold', 10, `Procès-verbal validé le ${frenchDateTime(input.sealed.validatedAt)} par ${input.sealed.validatedBy}`],
        ['Regular', 8.5, 'Contenu scellé ; empreinte SHA-256 :'],
        ['Bold', 8.5, input.sealed.hash],
        ['Regular', 8, 'Toute correction ultérieure fait l’objet d’un amendement, annexé au présent procès-verbal.'],
      ]
    : [
        ['Bold', 10, 'PROJET — procès-verbal non validé'],
        ['Regular', 8.5, 'Ce document n’a pas de valeur de procès-verbal tant qu’il n’est pas validé : l’empreinte de son contenu y figurera alors.'],
      ];
  const height = lines.reduce((h, [font, size, text]) => h + w.style(font, size).heightOfString(text, { width: inner }) + 2, 0) + 2 * pad;
  doc.rect(MARGIN.left, top, w.width, height).lineWidth(1).strokeColor(color).stroke();
  doc.rect(MARGIN.left, top, 4, height).fill(color);
  doc.y = top + pad;
  for (const [font, size, text] of lines) {
    w.style(font, size, font === 'Bold' ? color : TEXT).text(text, MARGIN.left + pad + 4, doc.y, { width: inner - 4 });
    w.gap(2);
  }
  doc.y = top + height + 4;
}

function membersSection(w: Writer, title: string, c: MinutesContent): void {
  w.heading(title);
  const { session, members, quorum } = c;
  if (session.chair) w.labelled('Présidence de séance', memberText(session.chair));
  for (const [presence, label] of [
    ['PRESENT', 'Membres présents'],
    ['EXCUSED', 'Membres excusés'],
    ['ABSENT', 'Membres absents'],
  ] as const) {
    const list = members.filter((m) => m.presence === presence);
    w.gap(3);
    w.labelled(`${label} (${list.length})`, list.length > 0 ? list.map(memberText).join(' ; ') : 'aucun');
  }
  w.gap(6);
  const rule =
    session.quorumRule.kind === 'MAJORITY'
      ? `Le quorum est fixé à plus de la moitié des ${plural(members.length, 'membre', 'membres')} de la séance, soit ${plural(quorum.required, 'membre présent', 'membres présents')}.`
      : `Le quorum est fixé à ${plural(quorum.required, 'membre présent', 'membres présents')} au moins.`;
  const verdict = quorum.reached
    ? `Avec ${plural(quorum.present, 'membre présent', 'membres présents')}, le quorum est atteint : le comité peut valablement délibérer.`
    : `Avec ${plural(quorum.present, 'membre présent', 'membres présents')}, le quorum n’est pas atteint : le comité ne peut pas délibérer.`;
  w.paragraph(`${rule} ${verdict}`);
}

function conflictsSection(w: Writer, title: string, c: MinutesContent): void {
  w.heading(title);
  if (c.conflicts.length === 0) {
    w.paragraph('Aucun conflit d’intérêts n’a été déclaré.');
    return;
  }
  w.paragraph('Les membres suivants ont déclaré un conflit d’intérêts. Ils se sont déportés : ils n’ont pris part ni aux débats ni aux votes sur les dossiers concernés et ne sont pas comptés dans leur base de vote.');
  for (const conflict of c.conflicts) {
    w.gap(3);
    w.paragraph(`• ${conflict.memberName} : ${conflict.subject}${conflict.note ? ` — ${conflict.note}` : ''}.`, { indent: 8 });
  }
}

function opinionText(item: MinutesItem): string {
  if (item.opinion === null) return 'pas d’avis de la préfecture';
  const posts = item.opinion === 'FAVORABLE' && item.postsSupported !== null ? ` (${plural(item.postsSupported, 'poste soutenu', 'postes soutenus')})` : '';
  return `avis de la préfecture : ${OPINION_LABELS[item.opinion].toLowerCase()}${posts}`;
}

function decisionLine(d: MinutesDecision): string {
  const posts = d.decision === 'POSITIF' ? ` — ${plural(d.postsGranted ?? 0, 'poste accordé', 'postes accordés')}` : '';
  return `${DECISION_LABELS[d.decision]}${posts}${d.priority ? ' (prioritaire)' : ''}`;
}

export function voteText(d: Pick<MinutesDecision, 'vote' | 'voteBase' | 'majorityReached'>): string | null {
  if (!d.vote) return null;
  const { vote } = d;
  return `${plural(vote.for, 'voix pour', 'voix pour')}, ${plural(vote.against, 'voix contre', 'voix contre')}, ${plural(vote.abstain, 'abstention', 'abstentions')} (base de vote : ${plural(d.voteBase, 'membre présent non récusé', 'membres présents non récusés')}) — ${d.majorityReached ? 'majorité atteinte' : 'majorité non atteinte'}.`;
}

function itemBlock(w: Writer, item: MinutesItem): void {
  w.ensure(78);
  const { doc } = w;
  w.gap(5);
  w.style('Bold', 10.5).text(`Dossier ${item.externalId} — ${item.name ?? 'structure sans nom'}`, MARGIN.left, doc.y, { width: w.width });
  const meta = [
    item.siret ? `SIRET ${item.siret}` : null,
    item.networkName ? `réseau ${item.networkName}` : null,
    item.contractType ? CONTRACT_LABELS[item.contractType] : null,
    plural(item.postsRequested, 'poste demandé', 'postes demandés'),
    opinionText(item),
    item.carriedOverFrom ? `repris de la séance ${item.carriedOverFrom} (examen complémentaire)` : null,
  ].filter((p): p is string => p !== null);
  w.style('Regular', 8.5, GREY).text(meta.join(' · '), MARGIN.left, doc.y, { width: w.width, lineGap: 1 });
  w.gap(3);
  const d = item.decision;
  if (!d) {
    w.paragraph('Non examiné au cours de la séance : aucune décision.', { font: 'Italic', size: 9.5, color: GREY, indent: 10 });
  } else {
    w.labelled('Décision', decisionLine(d), { indent: 10, size: 10, labelColor: DECISION_COLORS[d.decision] });
    if (d.grounds.length > 0) w.labelled(d.grounds.length > 1 ? 'Motifs' : 'Motif', d.grounds.map((g) => REFUSAL_GROUND_LABELS[g]).join(' ; '), { indent: 10 });
    if (d.comment) w.labelled(d.decision === 'NEGATIF' ? 'Commentaire' : 'Observations', d.comment, { indent: 10 });
    if (d.justification) w.labelled(d.departsFromOpinion ? 'Justification de l’écart à l’avis de la préfecture' : 'Justification', d.justification, { indent: 10 });
    if (d.eligibility && d.eligibility.state !== 'ELIGIBLE') w.labelled('Éligibilité', eligibilityText(d.eligibility), { indent: 10 });
    if (d.derogation) w.labelled('Justification de la dérogation', d.derogation, { indent: 10 });
    const vote = voteText(d);
    if (vote) w.labelled('Vote', vote, { indent: 10 });
    if (d.recused.length > 0) {
      const verb = d.recused.length > 1 ? 'n’ont' : 'n’a';
      w.labelled('Déport', `${d.recused.join(', ')} (conflit d’intérêts) : ${verb} pris part ni à la délibération ni au vote.`, { indent: 10 });
    }
  }
  w.gap(5);
  w.rule();
}

function decisionsSection(w: Writer, title: string, c: MinutesContent): void {
  w.heading(title);
  const t = c.totals;
  const items = c.departments.reduce((n, d) => n + d.items.length, 0);
  if (items === 0) {
    w.paragraph('Aucun dossier n’était inscrit à l’ordre du jour.');
    return;
  }
  w.paragraph(
    `${plural(items, 'dossier était inscrit', 'dossiers étaient inscrits')} à l’ordre du jour ; ${plural(t.decided, 'décision a été prise', 'décisions ont été prises')} : ${plural(t.approved, 'accord', 'accords')} pour ${plural(t.postsGranted, 'poste', 'postes')}, ${plural(t.refused, 'refus', 'refus')}, ${plural(t.furtherReview, 'renvoi', 'renvois')} en examen complémentaire. Les décisions sont présentées par département.`,
  );
  for (const department of c.departments) {
    w.ensure(110);
    w.gap(10);
    const { doc } = w;
    const top = doc.y;
    const target = department.target === null ? 'pas d’objectif fixé' : `objectif ${plural(department.target, 'poste', 'postes')}`;
    const right = `${target} · accordés au total : ${frenchNumber(department.grantedTotal)} · dans la séance : ${frenchNumber(department.grantedInSession)}`;
    doc.rect(MARGIN.left, top, w.width, 20).fill(BAND);
    w.style('Bold', 10.5, BLUE).text(`${department.code} — ${department.name}`, MARGIN.left + 6, top + 5, { width: w.width * 0.45, lineBreak: false });
    w.style('Regular', 8.5, BLUE).text(right, MARGIN.left + w.width * 0.4, top + 6.5, { width: w.width * 0.6 - 6, align: 'right', lineBreak: false });
    doc.y = top + 22;
    for (const item of department.items) itemBlock(w, item);
  }
}

/** Every approval granted by derogation to the eligibility conditions, with what it derogates from and why; left out when none. */
function derogationsSection(w: Writer, title: () => string, c: MinutesContent): void {
  const items = c.departments.flatMap((d) => d.items).filter((item) => item.decision?.derogation);
  if (items.length === 0) return;
  w.heading(`${title()}Dérogations aux conditions d’éligibilité`);
  w.paragraph(`${plural(items.length, 'accord a été décidé', 'accords ont été décidés')} par dérogation aux conditions d’éligibilité de l’appel à manifestation d’intérêt :`);
  for (const item of items) {
    const d = item.decision!;
    w.ensure(50);
    w.style('Bold', 10).text(`Dossier ${item.externalId} — ${item.name ?? 'structure sans nom'}`, MARGIN.left, w.doc.y, { width: w.width });
    if (d.eligibility) w.labelled('Conditions non remplies', d.eligibility.derogation.join(' ; '), { indent: 10 });
    w.labelled('Justification de la dérogation', d.derogation!, { indent: 10 });
    w.gap(4);
  }
}

/** A free-text section, left out while empty. */
function freeSection(w: Writer, title: () => string, key: MinutesSection, text: string): void {
  if (text.trim() === '') return;
  w.heading(`${title()}${MINUTES_SECTION_LABELS[key]}`);
  for (const paragraph of text.split(/\n{2,}/)) {
    w.paragraph(paragraph.trim());
    w.gap(4);
  }
}

function totalsSection(w: Writer, heading: string, c: MinutesContent): void {
  w.heading(heading);
  const t = c.totals;
  w.paragraph(`Postes accordés au cours de la séance : ${frenchNumber(t.postsGranted)}. Subvention de l’État engagée par ces accords, aides publiques déjà perçues déduites : ${formatEuros(t.subsidy.total)}.`);
  w.gap(6);
  if (c.subsidy.length > 0) {
    const rows = c.subsidy.map((l) => [l.contractType === 'NONE' ? 'Non renseigné' : CONTRACT_LABELS[l.contractType], frenchNumber(l.posts), formatEuros(l.gross), formatEuros(l.aidDeducted), formatEuros(l.net)]);
    const sum = c.subsidy.reduce((a, l) => ({ posts: a.posts + l.posts, gross: a.gross + l.gross, aid: a.aid + l.aidDeducted, net: a.net + l.net }), { posts: 0, gross: 0, aid: 0, net: 0 });
    rows.push(['Total', frenchNumber(sum.posts), formatEuros(sum.gross), formatEuros(sum.aid), formatEuros(sum.net)]);
    w.table(
      [
        { header: 'Type de contrat', width: 3 },
        { header: 'Postes', width: 1.2, align: 'right' },
        { header: 'Montant brut', width: 2, align: 'right' },
        { header: 'Aides déduites', width: 2, align: 'right' },
        { header: 'Subvention', width: 2, align: 'right' },
      ],
      rows,
      true,
    );
    w.gap(4);
    const cui = c.cuiPerPost === null ? 'CUI non fixé (compté 0 €)' : `CUI ${formatEuros(c.cuiPerPost)} (montant fixé par l’ANCT)`;
    w.paragraph(`Montants par poste : CDI et contrat de projet ${formatEuros(SUBSIDY_PER_POST.CDI)}, CDD ${formatEuros(SUBSIDY_PER_POST.CDD)}, ${cui}.`, { size: 8, color: GREY });
    w.gap(6);
  }
  const n = t.national;
  const share = n.target ? ` (${((n.postsGranted / n.target) * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} % de l’objectif)` : '';
  w.paragraph(
    `Au niveau national, toutes séances et décisions de la plateforme confondues : ${plural(n.postsGranted, 'poste accordé', 'postes accordés')}${n.target === null ? ' (aucun objectif départemental fixé)' : ` sur un objectif de ${frenchNumber(n.target)}${share}`} ; subvention engagée : ${formatEuros(n.subsidy)}.`,
  );
  if (t.departments.length > 0) {
    w.gap(6);
    w.table(
      [
        { header: 'Département', width: 4 },
        { header: 'Accordés dans la séance', width: 2, align: 'right' },
        { header: 'Accordés au total', width: 2, align: 'right' },
        { header: 'Objectif', width: 1.5, align: 'right' },
      ],
      t.departments.map((d) => [`${d.code} — ${d.name}`, frenchNumber(d.grantedInSession), frenchNumber(d.grantedTotal), d.target === null ? '—' : frenchNumber(d.target)]),
    );
  }
}

function amendmentsSection(w: Writer, heading: string, amendments: AmendmentView[]): void {
  w.heading(heading);
  w.paragraph('Corrections apportées après la validation du procès-verbal. Le contenu scellé ci-dessus, dont l’empreinte figure en pied de page, est inchangé ; les décisions suivantes le rectifient.', { size: 9, color: GREY });
  for (const a of amendments) {
    w.ensure(60);
    w.gap(6);
    w.style('Bold', 10.5).text(`Amendement n° ${a.ordinal} du ${frenchDateTime(a.createdAt)}, par ${a.createdBy}`, MARGIN.left, w.doc.y, { width: w.width });
    w.labelled('Motif', a.reason, { indent: 10 });
    for (const d of a.decisions) {
      w.labelled(`Dossier ${d.externalId}${d.name ? ` — ${d.name}` : ''}`, `${d.text}${d.replaces ? ` (remplace : ${d.replaces})` : ''}`, { indent: 10 });
    }
    w.gap(4);
    w.rule();
  }
}

function signatures(w: Writer, input: MinutesPdfInput): void {
  const { doc } = w;
  const { session } = input.content;
  w.ensure(130);
  w.gap(22);
  w.paragraph(`Fait le ${frenchDate(session.date)}.`);
  w.gap(14);
  const top = doc.y;
  const col = w.width / 2;
  w.style('Bold', 10).text('La présidence de séance', MARGIN.left, top, { width: col - 10 });
  w.style('Regular', 10).text(session.chair ? memberText(session.chair) : '', MARGIN.left, doc.y, { width: col - 10 });
  w.style('Bold', 10).text('Pour le secrétariat du comité', MARGIN.left + col, top, { width: col });
  w.style('Regular', 10).text(input.sealed ? input.sealed.validatedBy : '', MARGIN.left + col, doc.y, { width: col });
  const lineY = top + 78;
  for (const x of [MARGIN.left, MARGIN.left + col]) doc.moveTo(x, lineY).lineTo(x + col - 30, lineY).lineWidth(0.5).strokeColor(GREY).stroke();
  w.style('Italic', 8, GREY).text('Signature', MARGIN.left, lineY + 3, { width: col - 30 });
  w.style('Italic', 8, GREY).text('Signature', MARGIN.left + col, lineY + 3, { width: col - 30 });
  doc.y = lineY + 18;
}

/** Running header (from page 2) and footer on every page: what, the seal, « Page n / N ». */
function pageFurniture(w: Writer, input: MinutesPdfInput): void {
  const { doc } = w;
  const range = doc.bufferedPageRange();
  const { session } = input.content;
  const title = `Procès-verbal — ${session.label} du ${frenchDate(session.date)}`;
  const seal = input.sealed ? `Contenu scellé — SHA-256 : ${input.sealed.hash}` : 'Projet non validé';
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing in the bottom margin must not open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const footerY = doc.page.height - MARGIN.bottom + 24;
    doc.moveTo(MARGIN.left, footerY - 6).lineTo(MARGIN.left + w.width, footerY - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    w.style('Regular', 7, GREY).text(`${title}\n${seal}`, MARGIN.left, footerY, { width: w.width - 70, lineBreak: true, lineGap: 1 });
    w.style('Bold', 8, GREY).text(`Page ${i + 1} / ${range.count}`, MARGIN.left + w.width - 70, footerY, { width: 70, align: 'right', lineBreak: false });
    if (i > range.start) w.style('Regular', 7.5, GREY).text(title, MARGIN.left, MARGIN.top - 30, { width: w.width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export function renderMinutesPdf(input: MinutesPdfInput): Promise<Uint8Array> {
  const dir = fontsDir();
  const { session } = input.content;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    font: `${dir}${FONT_FILES.Regular}`,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: `Procès-verbal — ${session.label} du ${frenchDate(session.date)}`,
      Author: 'Agence nationale de la cohésion des territoires',
      Subject: 'Comité de sélection national — Conseillers numériques France Services',
      Creator: 'CNFS Revue',
      ...(input.sealed ? { CreationDate: new Date(input.sealed.validatedAt), Keywords: `SHA-256 ${input.sealed.hash}` } : {}),
    },
  });
  // The regular face is the document's default font, cached under its path: registering it again
  // under a name would make pdfkit re-read and re-parse the file at every switch back to it.
  doc.registerFont('Bold', `${dir}${FONT_FILES.Bold}`);
  doc.registerFont('Italic', `${dir}${FONT_FILES.Italic}`);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const w = new Writer(doc, { Regular: `${dir}${FONT_FILES.Regular}`, Bold: 'Bold', Italic: 'Italic' });
  const c = input.content;
  header(w, input);
  let number = 0;
  const next = () => `${(number += 1)}. `;
  freeSection(w, next, 'introduction', c.sections.introduction);
  membersSection(w, `${next()}Composition du comité et quorum`, c);
  conflictsSection(w, `${next()}Conflits d’intérêts`, c);
  decisionsSection(w, `${next()}Décisions`, c);
  freeSection(w, next, 'discussion', c.sections.discussion);
  freeSection(w, next, 'miscellaneous', c.sections.miscellaneous);
  totalsSection(w, `${next()}Totaux`, c);
  derogationsSection(w, next, c);
  freeSection(w, next, 'conclusion', c.sections.conclusion);
  signatures(w, input);
  // After the signatures: they sign the sealed content, which the amendments do not change.
  if (input.amendments.length > 0) amendmentsSection(w, 'Annexe : amendements postérieurs à la validation', input.amendments);
  pageFurniture(w, input);
  doc.end();
  return done;
}
