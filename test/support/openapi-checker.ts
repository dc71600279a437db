import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';

// ajv-formats is CommonJS: its function is the default export's default under NodeNext.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, object> };
}

const base = 'https://aviso.test/openapi.json';

/** Points the document's local references (#/components/…) at the document registered under `base`. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${base}${value}` : rebase(value),
    ]),
  );
}

/**
 * Checks actual answers against the OpenAPI document: the status must be documented for the
 * operation, and the JSON body must match the documented schema (JSON Schema 2020-12, formats on).
 */
export function openApiChecker(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: base, components: document.components ?? {} });
  const routes = Object.entries(document.paths).map(([path, operations]) => ({
    pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    path,
    operations,
  }));
  const compiled = new Map<string, ValidateFunction>();

  return {
    check(method: string, url: string, response: LightMyRequestResponse): void {
      const path = url.split('?')[0] ?? url;
      const route = routes.find((r) => r.pattern.test(path));
      assert.ok(route !== undefined, `${method} ${path} is not in the OpenAPI document`);
      const operation = route.operations[method.toLowerCase()];
      assert.ok(operation !== undefined, `${method} ${route.path} is not in the OpenAPI document`);
      const documented = operation.responses[String(response.statusCode)];
      assert.ok(
        documented !== undefined,
        `${method} ${route.path} answered ${response.statusCode}, which the document does not list (${Object.keys(operation.responses).join(', ')})`,
      );
      const schema = documented.content?.['application/json']?.schema;
      if (schema === undefined || response.statusCode === 204) {
        assert.equal(response.body, '', `${method} ${route.path} ${response.statusCode} has no documented body`);
        return;
      }
      const key = `${method} ${route.path} ${response.statusCode}`;
      let validate = compiled.get(key);
      if (validate === undefined) compiled.set(key, (validate = ajv.compile(rebase(schema) as object)));
      const body: unknown = response.json();
      assert.ok(
        validate(body),
        `${key}: the body does not match the document: ${ajv.errorsText(validate.errors)}\n${response.body.slice(0, 500)}`,
      );
    },
  };
}
