import type { FastifyRequest } from 'fastify';

type Source = 'params' | 'querystring' | 'body';

/**
 * preHandler: ajv's type coercion reads "1e309" or "Infinity" in a path, query or body as
 * ±Infinity, which passes `integer` with its minimum and maximum (ajv checks those only for
 * finite numbers). Such a value gets the 400 of any other schema failure instead of reaching
 * the database.
 */
export async function rejectNonFiniteNumbers(request: FastifyRequest): Promise<void> {
  const sources: [Source, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ];
  for (const [context, values] of sources) {
    if (typeof values !== 'object' || values === null) continue;
    const fields = Object.entries(values).filter(([, value]) => typeof value === 'number' && !Number.isFinite(value));
    if (fields.length === 0) continue;
    const validation = fields.map(([name]) => ({
      instancePath: `/${name}`,
      keyword: 'type',
      params: { type: 'integer' },
    }));
    throw Object.assign(new Error(`${context} holds a number that is not finite`), {
      statusCode: 400,
      validation,
      validationContext: context,
    });
  }
}
