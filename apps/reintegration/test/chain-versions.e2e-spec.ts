import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestService } from '@mrm/testing';
import { DataSource } from 'typeorm';
import { ChainCatalogueService } from '../src/chains/chain-catalogue.service';
import type { ReintegrationConfig } from '../src/reintegration.config';
import { createCooperative, reach } from './support/project-fixtures';
import { officer, startReintegration } from './support/reintegration-test';

const SHIPPED = 'apps/reintegration/config/milestone-chains.json';

// A copy of the shipped chains where the cooperative chain gains a first step.
function chainsFile(version: string): string {
  const chains = JSON.parse(readFileSync(SHIPPED, 'utf8'));
  chains.version = version;
  chains.chains[0].steps.unshift({ code: 'feasibility-study', title: 'Feasibility study' });
  const file = join(mkdtempSync(join(tmpdir(), 'chains-')), 'milestone-chains.json');
  writeFileSync(file, JSON.stringify(chains));
  return file;
}

describe('milestone chains as versioned configuration (e2e)', () => {
  let sut: TestService;
  let upgraded: TestService | undefined;

  beforeAll(async () => {
    sut = await startReintegration();
  });

  afterAll(async () => {
    await upgraded?.stop();
    await sut?.stop();
  });

  it('starts new projects on a new chain version while older ones keep theirs', async () => {
    const older = await createCooperative(sut);
    upgraded = await startReintegration({
      env: { REINTEGRATION_MILESTONE_CHAINS_FILE: chainsFile('2027-01-01') },
      shareWith: sut,
    });

    const newer = await createCooperative(upgraded);

    expect(newer).toMatchObject({ chainVersion: '2027-01-01' });
    const progress = await upgraded.http
      .get(`/api/v1/projects/${older.id}/milestones`)
      .set('Authorization', officer)
      .expect(200);
    expect(progress.body).toMatchObject({ chainVersion: '2026-12-01', next: 'name-approved' });
    await reach(upgraded, older.id, { milestone: 'name-approved' }).expect(200);
    const refused = await reach(upgraded, newer.id, { milestone: 'name-approved' }).expect(409);
    expect(refused.body.detail).toBe('The next milestone is feasibility-study');
  });

  // The boot step itself, on the service's database: a whole failed boot would leak its handles.
  it('refuses to load a chain changed without a new version', async () => {
    const config = {
      REINTEGRATION_MILESTONE_CHAINS_FILE: chainsFile('2026-12-01'),
    } as ReintegrationConfig;
    const catalogue = new ChainCatalogueService(sut.app.get(DataSource), config);

    await expect(catalogue.onModuleInit()).rejects.toThrow(/changed: give the file a new version/);
  });
});
