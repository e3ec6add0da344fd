// The rule that tells new, updated, unchanged and conflicting opinions apart (opinion-merge.ts),
// and the uid that names the same version in every database.
import { describe, expect, it } from 'vitest';
import { opinionUid } from '../../electron/backend/exchange/local-versions';
import { mergeOpinions } from '../../electron/backend/exchange/opinion-merge';
import type { PackageOpinion } from '../../shared/domain/exchange';

function version(name: string, comment = `Avis ${name} dûment justifié.`): PackageOpinion {
  const body = {
    opinion: 'FAVORABLE' as const,
    postsSupported: 1,
    comment,
    duplicateOf: null,
    transferFrom: null,
    transferPosts: null,
    author: { name: 'Claire Martin', role: 'PREFECTURE' as const },
    createdAt: `2021-04-0${name.length}T10:00:00.000Z`,
  };
  return { ...body, uid: opinionUid(name, body), journal: null, relayed: false };
}

const [p1, p2, p3, n1] = [version('p1'), version('p2'), version('p3'), version('n1')];
const uids = (...versions: PackageOpinion[]) => versions.map((v) => v.uid);

describe('merging an incoming opinion history', () => {
  it('names a version by its content, author and time', () => {
    expect(p1.uid).toMatch(/^[0-9a-f]{64}$/);
    expect(version('p1').uid).toBe(p1.uid);
    expect(version('p1', 'Un autre commentaire.').uid).not.toBe(p1.uid);
    const { uid: _uid, journal: _journal, relayed: _relayed, ...body } = p1;
    expect(opinionUid('p1', { ...body, author: { name: 'Marc Durand', role: 'PREFECTURE' } })).not.toBe(p1.uid);
  });

  it('has nothing to do without incoming versions', () => {
    expect(mergeOpinions({ uids: uids(p1), merged: [] }, [], [], [])).toEqual({ action: null });
  });

  it('adds every version to a dossier without an opinion', () => {
    expect(mergeOpinions({ uids: [], merged: [] }, [p1, p2], [], [])).toEqual({ action: 'new', append: [p1, p2], merge: [], supersede: [] });
  });

  it('appends what the sender added after this side’s current version', () => {
    expect(mergeOpinions({ uids: uids(p1), merged: [] }, [p1, p2, p3], [], [{ id: 7, incomingUid: 'x' }])).toEqual({ action: 'updated', append: [p2, p3], merge: [], supersede: [7] });
  });

  it('leaves a dossier whose current version is already known here', () => {
    expect(mergeOpinions({ uids: uids(p1, p2), merged: [] }, [p1, p2], [], [])).toEqual({ action: 'unchanged', reason: null });
    // This side moved on since: the sender is behind, nothing to take.
    expect(mergeOpinions({ uids: uids(p1, n1), merged: [] }, [p1], [], [])).toEqual({ action: 'unchanged', reason: null });
    // Merged here by an earlier resolution.
    expect(mergeOpinions({ uids: uids(p1, n1), merged: uids(p2) }, [p1, p2], [], [])).toEqual({ action: 'unchanged', reason: null });
  });

  it('finds a conflict when both sides changed since the last exchange', () => {
    expect(mergeOpinions({ uids: uids(p1, n1), merged: [] }, [p1, p2], [], [])).toEqual({ action: 'conflict', localUid: n1.uid, incoming: p2, known: uids(p1, p2), supersede: [] });
    // Two opinions given independently, never exchanged: a conflict too.
    expect(mergeOpinions({ uids: uids(n1), merged: [] }, [p1], [], [])).toMatchObject({ action: 'conflict', localUid: n1.uid });
  });

  it('does not list the same conflict twice, and replaces an older one', () => {
    expect(mergeOpinions({ uids: uids(p1, n1), merged: [] }, [p1, p2], [], [{ id: 3, incomingUid: p2.uid }])).toEqual({ action: 'unchanged', reason: 'Conflit déjà signalé, en attente de résolution.' });
    expect(mergeOpinions({ uids: uids(p1, n1), merged: [] }, [p1, p2, p3], [], [{ id: 3, incomingUid: p2.uid }])).toMatchObject({ action: 'conflict', incoming: p3, supersede: [3] });
  });

  it('takes the sender’s resolution: this side’s version was merged there', () => {
    // The national side resolved (p2 vs n1) with r; the prefecture still has p2 current.
    const r = version('r');
    expect(mergeOpinions({ uids: uids(p1, p2), merged: [] }, [p1, n1, r], uids(p2), [])).toEqual({ action: 'updated', append: [n1, r], merge: [], supersede: [] });
    // And remembers what the sender had merged that it did not know.
    expect(mergeOpinions({ uids: uids(p1), merged: [] }, [p1, n1, r], uids(p2, p3), [])).toEqual({ action: 'updated', append: [n1, r], merge: uids(p2, p3), supersede: [] });
  });
});
