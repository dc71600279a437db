import type { Command } from 'commander';

const marks = { ok: '✓', warn: '!', fail: '✗' } as const;

/** `aviso doctor`: checks the configuration, the database, migrations, SMTP and the public URL; exits 1 on a failure. */
export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('Check the configuration, the database and its migrations, SMTP and the public URL, and say what is wrong.')
    .action(async () => {
      const [{ runDoctor }, { environment }] = await Promise.all([import('./doctor.ts'), import('../config.ts')]);
      const findings = await runDoctor(environment());
      for (const f of findings) console.log(`${marks[f.level]} ${f.topic}: ${f.message}`);
      const failed = findings.filter((f) => f.level === 'fail').length;
      const warned = findings.filter((f) => f.level === 'warn').length;
      console.log(
        failed > 0 ? `\n${failed} problem(s) to fix.` : warned > 0 ? `\nNo problem; ${warned} thing(s) to look at.` : '\nAll good.',
      );
      if (failed > 0) process.exitCode = 1;
    });
}
