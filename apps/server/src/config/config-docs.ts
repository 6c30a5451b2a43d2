/**
 * Renders the configuration table (keys.ts) as Markdown for docs/configuration.md.
 * `npx tsx apps/server/src/config/config-docs.ts` rewrites the file; a test fails when it is stale.
 * @module
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { fileURLToPath } from 'node:url';
import { CONFIG_KEYS } from './keys.ts';

/** Path of the generated document. */
export const CONFIG_DOC_PATH = fileURLToPath(new URL('../../../../docs/configuration.md', import.meta.url));

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The whole Markdown document, formatted the way `npm run lint` (prettier) expects. */
export async function renderConfigDocs(): Promise<string> {
  const options = (await resolveConfig(CONFIG_DOC_PATH)) ?? {};
  return format(renderRaw(), { ...options, parser: 'markdown' });
}

function renderRaw(): string {
  const groups = new Map<string, string[]>();
  for (const [name, key] of Object.entries(CONFIG_KEYS)) {
    const rows = groups.get(key.group) ?? [];
    const def = key.default === undefined ? '(unset)' : `\`${key.default}\``;
    rows.push(
      `| \`${name}\` | ${cell(def)} | ${cell(key.description)}${key.secret ? ' *(secret: never logged)*' : ''} |`,
    );
    groups.set(key.group, rows);
  }
  const out = [
    '# Configuration',
    '',
    '<!-- Generated from apps/server/src/config/keys.ts by `npx tsx apps/server/src/config/config-docs.ts`. Do not edit by hand. -->',
    '',
    'Every setting is an environment variable. The same keys can be put in a JSON file named by',
    '`TIANFU_CONFIG` (`{"PORT": 8080, "SMS_PROVIDER": "aliyun"}`); environment variables win over the file,',
    'the file wins over the defaults below. Values are validated at start: a wrong or unknown key stops the',
    'server with a message naming it. Durations accept `90s`, `30m`, `12h`, `7d`.',
    '',
  ];
  for (const [group, rows] of groups) {
    out.push(`## ${group}`, '', '| Key | Default | Description |', '| --- | --- | --- |', ...rows, '');
  }
  out.push(
    '## Rules checked at start',
    '',
    '- `NODE_ENV=production` refuses to start without `TIANFU_SECRET_KEY` or `TIANFU_KEY_FILE`.',
    '- `NODE_ENV=production` refuses the `outbox` SMS provider unless `SMS_ALLOW_OUTBOX_IN_PRODUCTION=true`.',
    '- `SMS_PROVIDER=aliyun` needs `ALIYUN_SMS_ACCESS_KEY_ID`, `ALIYUN_SMS_ACCESS_KEY_SECRET`, `SMS_SIGN_NAME`, `SMS_TEMPLATE_OTP`;',
    '  `SMS_PROVIDER=tencent` needs `TENCENT_SMS_SECRET_ID`, `TENCENT_SMS_SECRET_KEY`, `TENCENT_SMS_SDK_APP_ID`, `SMS_SIGN_NAME`, `SMS_TEMPLATE_OTP`.',
    '- `MATCH_EMBEDDINGS=onnx` needs `MATCH_EMBEDDINGS_MODEL_DIR`; `MATCH_EMBEDDINGS=openai` needs `MATCH_EMBEDDINGS_URL` and `MATCH_EMBEDDINGS_MODEL`.',
    '- `AUDIT_RETENTION_DAYS` cannot go below 180.',
    '- `npm run worker` needs `DATABASE_URL` (the embedded database belongs to the server process, whose worker runs in-process).',
    '',
  );
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(CONFIG_DOC_PATH, await renderConfigDocs());
  process.stdout.write(`wrote ${CONFIG_DOC_PATH}\n`);
}
