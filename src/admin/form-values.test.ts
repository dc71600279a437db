import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { AppError } from '../shared/errors.ts';
import { FieldError, formErrors } from './form-values.ts';

const schema = z.object({ name: z.string().min(1).max(100), email: z.email(), url: z.url(), count: z.number().int() }).strict();
const invalid = () => {
  const result = schema.safeParse({ name: 'x'.repeat(101), email: 'nope', url: 'also nope', count: 'three' });
  assert.equal(result.success, false);
  return result.error;
};

describe('form errors in the member’s language', () => {
  test('English keeps each message as the schema or the verb wrote it', () => {
    const failed = formErrors(invalid());
    assert.match(failed?.errors['name'] ?? '', /^Too big/);
    const conflict = formErrors(new AppError('conflict', 'The incident is resolved already.'), {}, 'en');
    assert.equal(conflict?.message, 'The incident is resolved already.');
    assert.equal(conflict?.detail, undefined);
  });

  test('Portuguese names each common failure in Portuguese, next to its field', () => {
    const failed = formErrors(invalid(), {}, 'pt-BR');
    assert.deepEqual(failed?.errors, {
      name: 'Longo demais: no máximo 100 caracteres.',
      email: 'Informe um endereço de e-mail.',
      url: 'Informe um endereço completo, começando com https://.',
      count: 'Este valor não é válido.',
    });
    const empty = formErrors(schema.pick({ name: true }).safeParse({ name: '' }).error, {}, 'pt-BR');
    assert.equal(empty?.errors['name'], 'Este campo é obrigatório.');
  });

  test('a verb’s specific English explanation follows the translated one, and a keyed field error is translated', () => {
    const failed = formErrors(
      new AppError('incident_transition_invalid', 'A resolved incident cannot go back to investigating.'),
      {},
      'de',
    );
    assert.equal(failed?.message, 'Dieser Statuswechsel ist nicht erlaubt.');
    assert.equal(failed?.detail, 'A resolved incident cannot go back to investigating.');
    assert.equal(failed?.status, 422);
    const generic = formErrors(new AppError('conflict'), {}, 'de');
    assert.equal(generic?.detail, undefined);
    const field = formErrors(
      new FieldError('startsAt', 'Enter a date and time, for example 2025-11-20 14:30.', 'admin.fieldDateTime'),
      {},
      'ru',
    );
    assert.deepEqual(field?.errors, { startsAt: 'Введите дату и время, например 2025-11-20 14:30.' });
    assert.equal(field?.message, 'Исправьте отмеченное ниже поле.');
  });
});
