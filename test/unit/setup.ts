// Mocha root setup for the unit suite: the core translates through the same catalogue the
// extension host loads from VS Code (l10n/bundle.l10n.pt-br.json), so tests render both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setCatalog } from '../../src/core/common/strings';

setCatalog(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.pt-br.json'), 'utf8')) as Record<string, string>);
