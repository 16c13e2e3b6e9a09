import { spawn } from 'node:child_process';
import { projectRoot } from '../../adapters/shared/boot-engine.js';

/** The CLI run from sources (tsx), so tests see the code as it is, built or not. */
export const CLI_COMMAND = ['node', '--import', 'tsx', 'adapters/cli/ask.ts'];

/** Runs the CLI with arguments and standard input; resolves with what it printed. */
export function runCli(args: string[], input = '', env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const [command = 'node', ...rest] = CLI_COMMAND;
    const child = spawn(command, [...rest, ...args], { cwd: projectRoot(), env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
