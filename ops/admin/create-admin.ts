/**
 * `npm run admin:create -- --email a@b.c --name "Ada Admin" [--reset-password]`
 *
 * Creates the first admin, or promotes an existing account to admin. This command is the
 * only way an admin ever comes to exist: there is deliberately no endpoint for it, so
 * becoming admin requires DATABASE_URL, i.e. operator access.
 *
 * The password comes from ADMIN_PASSWORD (scripts, tests) or, on a terminal, a prompt with
 * echo off; it is only asked for when it will be used (a new account, or --reset-password).
 * Exit codes: 0 done, 2 bad usage or input (the message says what to fix), 1 database
 * error, 130 prompt cancelled with Ctrl-C.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { checkPasswordPolicy, hashPassword } from '../../worker/auth/password.ts';

export class AdminCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 130,
  ) {
    super(message);
    this.name = 'AdminCommandError';
  }
}

export interface AdminRequest {
  email: string;
  /** Display name; required only when the account does not exist yet. */
  name?: string;
  /** The password, or a function that asks for it (called only when it is needed). */
  password: string | (() => Promise<string>);
  /** Replace an existing account's password; without it the current one is kept. */
  resetPassword?: boolean;
}

export interface AdminResult {
  action: 'created' | 'promoted' | 'unchanged';
  id: string;
  email: string;
  displayName: string;
  /** The role before this run (undefined for a new account). */
  previousRole?: string;
  passwordReset: boolean;
  disabled: boolean;
}

type Queryable = Pick<pg.ClientBase, 'query'>;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

async function policyCheckedHash(
  password: AdminRequest['password'],
  context: { email: string; displayName: string },
): Promise<string> {
  const plain = typeof password === 'string' ? password : await password();
  const verdict = checkPasswordPolicy(plain, context);
  if (!verdict.ok) throw new AdminCommandError(`Password refused: ${verdict.reason}`, 2);
  return hashPassword(plain);
}

export async function createOrPromoteAdmin(client: Queryable, request: AdminRequest): Promise<AdminResult> {
  const email = request.email.trim();
  if (!EMAIL.test(email)) {
    throw new AdminCommandError(`"${email}" is not an email address. Pass --email you@example.org.`, 2);
  }
  const name = request.name?.trim() ?? '';

  // The unique index is on lower(email), so look up the same way.
  const found = await client.query<{
    id: string;
    email: string;
    display_name: string;
    role: string;
    disabled: boolean;
  }>(
    `select id, email, display_name, role, disabled_at is not null as disabled
       from users where lower(email) = lower($1)`,
    [email],
  );
  const existing = found.rows[0];

  if (!existing) {
    if (!name) throw new AdminCommandError(`No account uses ${email} yet; pass --name "Full Name" to create it.`, 2);
    const passwordHash = await policyCheckedHash(request.password, { email, displayName: name });
    const inserted = await client.query<{ id: string }>(
      `insert into users (email, display_name, password_hash, role) values ($1, $2, $3, 'admin') returning id`,
      [email, name, passwordHash],
    );
    const id = inserted.rows[0]?.id ?? '';
    return { action: 'created', id, email, displayName: name, passwordReset: false, disabled: false };
  }

  const passwordHash = request.resetPassword
    ? await policyCheckedHash(request.password, { email: existing.email, displayName: existing.display_name })
    : null;
  const base = {
    id: existing.id,
    email: existing.email,
    displayName: existing.display_name,
    previousRole: existing.role,
    passwordReset: passwordHash !== null,
    disabled: existing.disabled,
  };
  if (existing.role === 'admin' && passwordHash === null) return { action: 'unchanged', ...base };
  await client.query(
    `update users set role = 'admin', password_hash = coalesce($2, password_hash), updated_at = now() where id = $1`,
    [existing.id, passwordHash],
  );
  return { action: existing.role === 'admin' ? 'unchanged' : 'promoted', ...base };
}

export function describeResult(result: AdminResult): string {
  const lines: string[] = [];
  const password = result.passwordReset ? 'password reset' : 'password unchanged';
  if (result.action === 'created')
    lines.push(`Created admin ${result.email} (${result.displayName}, id ${result.id}).`);
  else if (result.action === 'promoted') {
    lines.push(`Promoted ${result.email} from ${result.previousRole} to admin; ${password}.`);
  } else lines.push(`${result.email} is already an admin; ${result.passwordReset ? password : 'nothing changed'}.`);
  if (result.disabled)
    lines.push('Note: this account is disabled and stays disabled; it cannot sign in until enabled.');
  return lines.join('\n');
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: AdminCommandError) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new AdminCommandError('Cancelled; nothing was changed.', 130));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    process.stdout.write(question);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new AdminCommandError('No terminal to ask for the password on: set ADMIN_PASSWORD in the environment.', 2);
  }
  const first = await promptHidden('Password for the admin account: ');
  const again = await promptHidden('Same password again: ');
  if (first !== again) throw new AdminCommandError('The two passwords differ; nothing was changed. Run again.', 2);
  return first;
}

/** A one-line reason for a database failure (connection errors can be AggregateErrors with no message). */
function describeDatabaseError(err: unknown): string {
  if (err instanceof AggregateError && !err.message) {
    return err.errors.map((inner: unknown) => (inner instanceof Error ? inner.message : String(inner))).join('; ');
  }
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message || String(code ?? err.name) : String(err);
  if (code === '42P01') return `${message}. Run npm run db:migrate first.`;
  return message;
}

const USAGE = `Usage: npm run admin:create -- --email <email> [--name "<display name>"] [--reset-password]

Creates an admin account, or makes an existing account admin. Needs DATABASE_URL.
The password comes from ADMIN_PASSWORD, or is asked for on the terminal.
  --email            the account's email (required)
  --name             display name (required when the account does not exist yet)
  --reset-password   also replace an existing account's password`;

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        'reset-password': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.email) {
    console.error(`--email is required.\n\n${USAGE}`);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'DATABASE_URL is not set. Example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/jeseci npm run admin:create -- --email …',
    );
    return 2;
  }

  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const result = await createOrPromoteAdmin(client, {
      email: values.email,
      name: values.name,
      password: readPassword,
      resetPassword: values['reset-password'],
    });
    console.log(describeResult(result));
    return 0;
  } catch (err) {
    if (err instanceof AdminCommandError) {
      console.error(err.message);
      return err.exitCode;
    }
    console.error(`Database error: ${describeDatabaseError(err)}`);
    return 1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// Run only as a command, not when a test imports this module.
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}
if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
