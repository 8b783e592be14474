import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonBytes, withKeptPart } from '../../server/json-bytes.js';
import { responseSerializer, type ResponseMode } from '../../server/response-serializer.js';

const Person = z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()).default([]) });

async function appReturning(mode: ResponseMode, payload: unknown) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(mode));
  app.get('/person', { schema: { response: { 200: Person } } }, () => payload as z.infer<typeof Person>);
  await app.ready();
  return app;
}

describe('responses', () => {
  const exact = { name: 'Vincent Line', id: 'person:line', aliases: ['V. Line'] };

  it('are sent as the handler built them, in both modes, when they match their schema', async () => {
    for (const mode of ['checked', 'direct'] as const) {
      const response = await (await appReturning(mode, exact)).inject('/person');
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(JSON.stringify(exact));
    }
  });

  it('fail when checked if the handler returns a field the schema does not declare', async () => {
    const leaky = { ...exact, passwordHash: 'secret-hash' };
    const checked = await (await appReturning('checked', leaky)).inject('/person');
    expect(checked.statusCode).toBe(500);
    expect(checked.json().message).toContain('$.passwordHash is not in the schema');
    expect(checked.body).not.toContain('secret-hash');
  });

  it('fail when checked if the schema would fill in or change a value', async () => {
    const { aliases: _aliases, ...withoutDefault } = exact;
    expect((await (await appReturning('checked', withoutDefault)).inject('/person')).statusCode).toBe(500);
    expect((await (await appReturning('checked', { ...exact, name: 7 })).inject('/person')).statusCode).toBe(500);
  });

  it('with a kept part are the same JSON in both modes, the kept part turned into bytes once', async () => {
    const kept = { id: 'person:line', aliases: ['V. Line'] };
    for (const mode of ['checked', 'direct'] as const) {
      const app = await appReturning(mode, withKeptPart({ name: 'Vincent Line' }, kept));
      const response = await app.inject('/person');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.json()).toEqual(exact);
    }
    const first = jsonBytes(withKeptPart({ name: 'A' }, kept));
    const second = jsonBytes(withKeptPart({ name: 'B' }, kept));
    expect(JSON.parse(second.toString())).toEqual({ ...kept, name: 'B' });
    kept.aliases.push('changed after its first response');
    expect(JSON.parse(jsonBytes(withKeptPart({ name: 'C' }, kept)).toString()).aliases).toEqual(['V. Line']);
    expect(JSON.parse(first.toString())).toEqual({ ...exact, name: 'A' });
  });

  it('with a kept part: a copy is stringified in full, and a change made after fails when checked', async () => {
    const payload = withKeptPart({ name: 'Vincent Line' }, { id: 'person:line', aliases: [] as string[] });
    expect(JSON.parse(jsonBytes({ ...payload, aliases: ['copy'] }).toString()).aliases).toEqual(['copy']);
    expect(JSON.parse(jsonBytes(withKeptPart({}, { a: 1 })).toString())).toEqual({ a: 1 });
    expect(JSON.parse(jsonBytes(withKeptPart({ a: 1 }, {})).toString())).toEqual({ a: 1 });
    // A handler that changes the payload after making it: the bytes would not say so, and the tests see it.
    payload.aliases = ['set after'];
    const checked = await (await appReturning('checked', payload)).inject('/person');
    expect(checked.statusCode).toBe(500);
    expect(checked.json().message).toContain('$.aliases');
  });
});
