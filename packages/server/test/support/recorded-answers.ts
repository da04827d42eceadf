import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type ApiHarness, openApi } from './api';
import { ENGINES } from './engines';

/** An operation whose whole answer is recorded. */
export interface RecordedOperation {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

/**
 * Runs each operation on both engines and compares its `data` with the answer recorded in
 * `fixture`, to the last digit. With RECORD_ANSWERS=1 the PGlite pass writes the fixture instead
 * and the PostgreSQL pass compares with what it wrote, so a recording is checked on both engines.
 */
export function describeRecordedAnswers(title: string, fixture: string, operations: Readonly<Record<string, RecordedOperation>>): void {
  const recording = process.env.RECORD_ANSWERS === '1';
  let recorded: Record<string, unknown> = {};

  for (const engine of ENGINES) {
    describe(`${engine} ${title}`, () => {
      let api: ApiHarness;

      beforeAll(async () => {
        if (!recording) recorded = JSON.parse(fs.readFileSync(fixture, 'utf8'));
        api = await openApi(engine);
      });

      afterAll(async () => {
        if (recording && engine === 'pglite') fs.writeFileSync(fixture, `{\n${Object.entries(recorded).map(([name, data]) => `${JSON.stringify(name)}: ${JSON.stringify(data)}`).join(',\n')}\n}\n`);
        await api?.close();
      });

      test.each(Object.keys(operations))('answers %s as recorded', async (name) => {
        const { query, variables } = operations[name];
        const { body } = await api.run(query, variables);
        expect(body.errors).toBeUndefined();
        if (recording && engine === 'pglite') recorded[name] = body.data;
        else expect(body.data).toEqual(recorded[name]);
      });
    });
  }
}
