/**
 * Loaded before every test file by scripts/test.ts. The suite creates members and logs in thousands of
 * times: it hashes passwords at scrypt's 2^14 (as servers it starts do, through AVISO_PASSWORD_COST)
 * instead of OWASP's 2^17, 6× cheaper. src/modules/accounts/password.test.ts proves the default cost.
 */
import { usePasswordCost } from '../../src/modules/accounts/password.ts';

usePasswordCost(14);
